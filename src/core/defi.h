/* defi.h — one step of a défi, "test first, then train" (pure): a validation
 * question first; right, the step is reached; wrong, a few practice questions,
 * a replay of the scene that explains, and a new validation; after three runs
 * the step ends partially reached, to be flagged for the teacher.
 *
 * The runner asks defi_next what to do, does it, and for a question reports
 * the answer with defi_answer. Questions are chosen by learner_select among
 * candidates the runner gives (in the same order for the whole step: the défi
 * remembers indices). Hints and explanations stay the runner's business. */
#ifndef DECLIC_DEFI_H
#define DECLIC_DEFI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/learner.h"

#define DEFI_MAX_RUNS 3
#define DEFI_PRACTICE_MIN 2	/* practice questions in a run, */
#define DEFI_PRACTICE_MAX 3	/* one more when one of them was wrong */

enum defi_action {
	DEFI_ASK,		/* ask candidate `item` (a validation or practice question) */
	DEFI_REPLAY_SCENE,	/* replay the explaining scene, then call defi_next again */
	DEFI_STEP_REACHED,	/* the step is reached: go on */
	DEFI_STEP_PARTIAL	/* three runs without success: partially reached, flagged */
};

enum defi_phase { DEFI_VALIDATE, DEFI_PRACTICE, DEFI_REPLAY, DEFI_END };

struct defi {
	enum defi_phase phase;
	int run;		/* 1..DEFI_MAX_RUNS */
	int practice, practice_wrong;	/* practice questions answered in this run */
	int asked;		/* candidate asked and not answered yet, or -1 */
	int last;		/* last candidate asked, or -1 */
	int n_asked;		/* questions asked in the whole step */
	enum defi_action end;	/* DEFI_STEP_REACHED or _PARTIAL once phase is DEFI_END */
};

/* What to do next. */
struct defi_next {
	enum defi_action action;
	int item;		/* DEFI_ASK: index of the candidate to ask */
	bool validation;	/* DEFI_ASK: it is the validation question */
};

void defi_start(struct defi *d);
/* What the runner should do next. A question is chosen among the n candidates
 * (of skill `skill` unless NULL) for the target at time now, ties broken with
 * *rng; asked again until answered. With a practice floor (learner_params),
 * practice asks only questions the pupil has at least that chance on and that
 * were not asked within the recency horizon, and replays the scene when there
 * are none; a validation question is below the floor only when all are.
 * Once ended, returns the end again. */
struct defi_next defi_next(struct defi *d, const struct learner_params *prm, const struct learner_cand *v,
			   size_t n, const char *skill, double target, int64_t now, uint32_t *rng);
/* The pupil answered the question asked. False (and nothing changes) when no
 * question was waiting for an answer. */
bool defi_answer(struct defi *d, bool correct);

#endif
