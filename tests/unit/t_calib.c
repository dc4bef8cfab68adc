/* t_calib.c — pooled calibration of items (core/calib): answers grouped by
 * item, each item re-estimated in time order from its authored b, and only
 * the items that drift far enough, with enough answers, flagged. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "../tap.h"
#include "core/calib.h"
#include "core/item.h"
#include "core/learner.h"

#define is_num(t, got, want, ...)                                              \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		if (!ok((t), fabs(g_ - w_) < 1e-6, __VA_ARGS__))               \
			printf("#   got: %.9f, want: %.9f\n", g_, w_);         \
	} while (0)

/* The item of v named pack/lesson/item, or NULL. */
static const struct calib_item *find(const struct calib_item *v, size_t n, const char *pack, const char *lesson,
				     const char *item)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].pack, pack) && !strcmp(v[i].lesson, lesson) && !strcmp(v[i].item, item))
			return &v[i];
	return NULL;
}

/* Items keyed by pack, lesson and item, sorted; answers and right answers
 * counted; the exact figures of learner_calibrate per item. */
static void test_grouping(struct tap *t)
{
	struct calib_answer v[] = {
		{"donnees", "photo", "q2", 0, 0, 0, true},
		{"donnees", "mdp", "q2", 0.5, 0.25, 1.0, false},	/* the same id in another lesson */
		{"donnees", "photo", "q1", 0, 0, 0, true},
		{"atelier", "photo", "q2", 0, 0, 0, false},		/* another pack */
		{"donnees", "photo", "q2", 0, 0, 0, true},
		{NULL, NULL, NULL, 0, 0, 0, true},			/* unnamed: "" */
	};
	struct calib_item *items;
	size_t n = calib_items(NULL, v, sizeof v / sizeof *v, 1.0, 1, &items);
	is_int(t, n, 5, "five items: same ids in another lesson or pack are other items");
	if (n != 5) {
		calib_items_free(items, n);
		return;
	}
	char got[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s/%s/%s:%d/%d", i ? " " : "", items[i].pack,
			 items[i].lesson, items[i].item, items[i].right, items[i].answers);
	is_str(t, got, "//:1/1 atelier/photo/q2:0/1 donnees/mdp/q2:0/1 donnees/photo/q1:1/1 donnees/photo/q2:2/2",
	       "sorted by pack, lesson, item, with right answers and answers");
	/* q2 of photo: two right answers at θ = b = 0 (g 0), as learner_calibrate
	 * computes it: b = -0.4, then -0.4 - K(1)(1 - σ(0.4)) = -0.705762;
	 * the answers of other items between them do not count. */
	const struct calib_item *q2 = find(items, n, "donnees", "photo", "q2");
	is_num(t, q2->b_pooled, -0.7057619, "photo/q2: two right answers at θ = b = 0 give b -0.705762");
	is_num(t, q2->b_authored, 0, "its authored b is kept");
	/* mdp/q2: a wrong answer at θ = 1 on b 0.5, g 0.25: P = 0.25 + 0.75 σ(0.5) */
	const struct calib_item *m = find(items, n, "donnees", "mdp", "q2");
	double p = 0.25 + 0.75 * learner_sigmoid(0.5);
	is_num(t, m->b_pooled, 0.5 + 0.8 * p, "mdp/q2: its own b, g and the pupil's θ (b %.4f)", m->b_pooled);
	ok(t, m->g == 0.25 && m->b_authored == 0.5, "and keeps its logged b and g");
	ok(t, calib_drifting(items, n) == 0, "no move reaches 1 logit: nothing drifts");
	calib_items_free(items, n);

	ok(t, calib_items(NULL, v, 0, 1.0, 1, &items) == 0 && items == NULL, "no answers: no items");
}

/* The authored b is the one logged with the item's newest answer (the pack
 * as last played), and the calibration starts from it. */
static void test_newest_b(struct tap *t)
{
	struct calib_answer v[] = {
		{"p", "l", "q", -1.0, 0.5, 0, false},
		{"p", "l", "q", 1.0, 0, 0, false},
	};
	struct calib_item *items;
	size_t n = calib_items(NULL, v, 2, 1.0, 1, &items);
	ok(t, n == 1 && items[0].b_authored == 1.0 && items[0].g == 0, "the newest logged b and g are authored");
	/* from b 1 (g 0): θ 0 wrong twice: b = 1 + 0.8 σ(-1), then + K(1) σ(-b) */
	double b = 1 + 0.8 * learner_sigmoid(-1);
	b += learner_k(NULL, 1) * learner_sigmoid(-b);
	if (n == 1)
		is_num(t, items[0].b_pooled, b, "calibrated from it (b %.4f)", items[0].b_pooled);
	calib_items_free(items, n);
}

/* Pupils of known ability answer four items: two as authored, one much
 * harder than authored, one far off but answered only 8 times. */
static void test_drift(struct tap *t)
{
	enum { PUPILS = 200, FEW = 8 };
	static const struct {
		const char *id;
		double authored, truth, g;
	} items[] = {
		{"ok1", 0.0, 0.0, 0.0},
		{"ok2", -1.0, -1.0, 0.25},
		{"hard", -1.0, 1.5, 0.0},
		{"few", -1.0, 3.0, 0.0},
	};
	enum { N_ITEMS = sizeof items / sizeof *items };
	struct calib_answer v[PUPILS * N_ITEMS];
	size_t n = 0;
	uint32_t rng = item_seed("pooled calibration");
	for (int i = 0; i < PUPILS; i++) {
		double theta = item_rand_unit(&rng) * 4 - 2;
		for (size_t k = 0; k < N_ITEMS; k++) {
			if (!strcmp(items[k].id, "few") && i >= FEW)
				continue;
			double p = learner_predict(theta, items[k].truth, items[k].g);
			v[n++] = (struct calib_answer){"donnees", "photo", items[k].id, items[k].authored, items[k].g,
						       theta, item_rand_unit(&rng) < p};
		}
	}
	struct calib_item *r;
	size_t nr = calib_items(NULL, v, n, CALIB_THRESHOLD, CALIB_MIN_ANSWERS, &r);
	is_int(t, nr, 4, "four items");
	const struct calib_item *ok1 = find(r, nr, "donnees", "photo", "ok1"),
				*ok2 = find(r, nr, "donnees", "photo", "ok2"),
				*hard = find(r, nr, "donnees", "photo", "hard"),
				*few = find(r, nr, "donnees", "photo", "few");
	if (!ok1 || !ok2 || !hard || !few) {
		ok(t, 0, "every item is listed");
		calib_items_free(r, nr);
		return;
	}
	ok(t, hard->b_pooled > hard->b_authored + 1.5 && fabs(hard->b_pooled - 1.5) < 0.5,
	   "the item harder than authored: pooled b rises from -1 to %.2f (true 1.5)", hard->b_pooled);
	ok(t, hard->drifts, "and it is flagged");
	ok(t, fabs(ok1->b_pooled) < 0.5 && !ok1->drifts, "an item as authored stays near 0 (%.2f), not flagged",
	   ok1->b_pooled);
	ok(t, fabs(ok2->b_pooled + 1) < 0.5 && !ok2->drifts,
	   "one as authored with guessing stays near -1 (%.2f), not flagged", ok2->b_pooled);
	ok(t, few->answers == FEW && few->b_pooled > few->b_authored + 1 && !few->drifts,
	   "an item with %d answers moved by %.2f but is not flagged (fewer than 20)", few->answers,
	   few->b_pooled - few->b_authored);
	is_int(t, calib_drifting(r, nr), 1, "one item drifts");
	is_int(t, calib_judged(r, nr, CALIB_MIN_ANSWERS), 3, "three have the answers to be judged");
	calib_items_free(r, nr);

	nr = calib_items(NULL, v, n, CALIB_THRESHOLD, FEW, &r);
	few = find(r, nr, "donnees", "photo", "few");
	ok(t, few && few->drifts && calib_drifting(r, nr) == 2, "with 8 answers enough, the few-answer item is flagged too");
	calib_items_free(r, nr);
	nr = calib_items(NULL, v, n, 5.0, CALIB_MIN_ANSWERS, &r);
	is_int(t, calib_drifting(r, nr), 0, "with a 5-logit threshold nothing drifts");
	calib_items_free(r, nr);
}

int main(void)
{
	struct tap t = {0};
	test_grouping(&t);
	test_newest_b(&t);
	test_drift(&t);
	return tap_done(&t);
}
