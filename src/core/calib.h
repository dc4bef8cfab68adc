/* calib.h — pooled calibration of the items of the packs, for the teacher
 * report: the answers of every pupil grouped by item, each item's difficulty
 * re-estimated with learner_calibrate from the b logged with its answers, and
 * the items whose pooled difficulty is far from the authored one flagged with
 * learner_drift (doc ADAPTIVE.md §2). Pure: the caller reads the answers. */
#ifndef DECLIC_CALIB_H
#define DECLIC_CALIB_H

#include <stdbool.h>
#include <stddef.h>

struct learner_params;

/* The defaults of `declic calibrate`: a drift of at least one logit, judged
 * only from 20 answers (one session's answers give noisy estimates: see the
 * pooled calibration of tests/bench/adaptive). */
#define CALIB_THRESHOLD 1.0
#define CALIB_MIN_ANSWERS 20

/* One measured answer (a first try the model counted), in time order. */
struct calib_answer {
	const char *pack, *lesson, *item;
	double b, g;		/* the item's parameters, as logged with the answer */
	double theta;		/* the pupil's θ on the item's skill (their current one) */
	bool correct;
};

/* An item of the pooled answers with its figures. */
struct calib_item {
	char *pack, *lesson, *item;	/* owned */
	double b_authored;	/* b logged with the item's newest answer: the pack as last played */
	double b_pooled;	/* the estimate from every answer, starting from b_authored */
	double g;		/* guessing chance logged with the newest answer */
	int answers, right;	/* measured answers, and how many were right */
	bool drifts;		/* |b_pooled - b_authored| >= threshold with >= min_answers answers */
};

/* Groups the answers v (oldest first) by (pack, lesson, item), runs
 * learner_calibrate (settings prm, NULL: learner_defaults) over them in their
 * order from each item's authored b, and flags with learner_drift the items
 * of at least min_answers answers whose pooled b is at least threshold logits
 * from the authored one. Every item answered goes into *out (NULL when there
 * is none), sorted by pack, lesson and item; returns how many. */
size_t calib_items(const struct learner_params *prm, const struct calib_answer *v, size_t n, double threshold,
		   int min_answers, struct calib_item **out);
/* How many items of v drift. */
size_t calib_drifting(const struct calib_item *v, size_t n);
/* How many items of v have at least min_answers answers (those judged). */
size_t calib_judged(const struct calib_item *v, size_t n, int min_answers);
void calib_items_free(struct calib_item *v, size_t n);

#endif
