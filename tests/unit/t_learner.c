/* t_learner.c — the learner model against values computed by hand: predicted
 * success with guessing, K(n), Elo and BKT updates, labels, the adjusted
 * target, the selection score and choice, rebuild from the log, calibration. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "core/item.h"
#include "core/learner.h"

/* Equality of doubles to 1e-6, printing both on failure. */
#define is_num(t, got, want, ...)                                              \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		if (!ok((t), fabs(g_ - w_) < 1e-6, __VA_ARGS__))               \
			printf("#   got: %.9f, want: %.9f\n", g_, w_);         \
	} while (0)

/* An item of kind k, level and n options (no explicit difficulty). */
static struct item mk_item(enum item_kind k, int level, size_t n_options)
{
	static struct str opts[ITEM_MAX_OPTIONS];
	struct item it;
	memset(&it, 0, sizeof it);
	it.kind = k;
	it.level = level;
	it.options.v = opts;
	it.options.n = n_options;
	return it;
}

static void test_predict(struct tap *t)
{
	double b, g;
	is_num(t, learner_sigmoid(0), 0.5, "σ(0) = 0.5");
	/* σ(1) = 1 / (1 + e^-1) = 1 / 1.367879 = 0.731059 */
	is_num(t, learner_sigmoid(1), 0.7310585786, "σ(1) = 0.731059");
	is_num(t, learner_predict(0, 0, 0), 0.5, "θ = b, no guessing: P = 0.5");
	/* 0.5 + 0.5 * σ(0) = 0.75 */
	is_num(t, learner_predict(0, 0, 0.5), 0.75, "θ = b, true/false: P = 0.75");
	/* 0.25 + 0.75 * σ(1) = 0.25 + 0.548294 = 0.798294 */
	is_num(t, learner_predict(1, 0, 0.25), 0.7982939340, "θ - b = 1, four options: P = 0.798294");

	struct item it = mk_item(ITEM_SINGLE, 1, 4);
	learner_item_params(&it, &b, &g);
	is_num(t, b, -1, "level 1: b0 = 1 - 2 = -1");
	is_num(t, g, 0.25, "single choice of 4: g = 1/4");
	it = mk_item(ITEM_SINGLE, 2, 3);
	learner_item_params(&it, &b, &g);
	is_num(t, g, 1.0 / 3, "single choice of 3: g = 1/3");
	it = mk_item(ITEM_TRUEFALSE, 3, 0);
	learner_item_params(&it, &b, &g);
	is_num(t, b, 1, "level 3: b0 = 1");
	is_num(t, g, 0.5, "true/false: g = 1/2");
	enum item_kind zero[] = {ITEM_MULTIPLE, ITEM_TEXT, ITEM_ORDER, ITEM_MATCH};
	for (size_t i = 0; i < 4; i++) {
		it = mk_item(zero[i], 2, 4);
		learner_item_params(&it, &b, &g);
		is_num(t, g, 0, "%s: no guessing (g = 0)", item_kind_name(zero[i]));
	}
	it = mk_item(ITEM_TEXT, 2, 0);
	it.has_difficulty = true;
	it.difficulty = 0.7;
	learner_item_params(&it, &b, &g);
	is_num(t, b, 0.7, "an explicit difficulty wins over the level");
}

static void test_update(struct tap *t)
{
	const struct learner_params *d = learner_design_params();
	is_num(t, learner_k(d, 0), 0.80, "K(0) = 0.8");
	is_num(t, learner_k(d, 5), 0.64, "K(5) = 0.8 / 1.25 = 0.64");
	is_num(t, learner_k(d, 20), 0.40, "K(20) = 0.8 / 2 = 0.40");

	struct learner_skill s;
	learner_skill_init(d, &s);
	is_num(t, s.theta, 0, "a new skill starts at θ = 0");
	is_num(t, s.mastery, 0.2, "and P(L0) = 0.2");
	/* right at b = 0, g = 0: P = 0.5, θ = 0 + 0.8 (1 - 0.5) = 0.4 */
	struct learner_step st = learner_update(d, &s, 0, 0, true);
	is_num(t, st.p, 0.5, "predicted 0.5 before the first answer");
	is_num(t, st.theta_before, 0, "θ before");
	is_num(t, s.theta, 0.4, "Elo after a right answer: θ = 0.4");
	is_num(t, st.theta_after, 0.4, "the step reports θ after");
	is_int(t, s.n, 1, "one answer counted");
	/* at θ = b, typed: P = 0.5, P' = 0.25: information 0.0625 / 0.25 = 0.25 */
	is_num(t, s.info, 0.25, "a typed answer at θ = b adds information 0.25");
	/* wrong at b = 0, g = 0.5: P = 0.5 + 0.5 σ(0.4) = 0.5 + 0.5 * 0.598688 = 0.799344;
	 * K(1) = 0.8 / 1.05 = 0.761905; θ = 0.4 - 0.761905 * 0.799344 = -0.209024 */
	st = learner_update(d, &s, 0, 0.5, false);
	is_num(t, st.p, 0.7993438, "predicted 0.799344 on a true/false");
	is_num(t, s.theta, -0.2090239, "Elo after a wrong answer: θ = -0.209024");
	is_int(t, s.n, 2, "two answers counted");
	/* information at θ = 0.4 on it: P' = 0.5 σ(0.4)(1 - σ(0.4)) = 0.120130,
	 * P'² / (P (1 - P)) = 0.089975 */
	is_num(t, s.info, 0.3399745, "a true/false answer adds less information: 0.25 + 0.089975");

	/* related share: θ_rel = 0.4 + (1/3) K(1) (1 - σ(0.4))
	 *             = 0.4 + (1/3) 0.761905 * 0.401312 = 0.4 + 0.101920 = 0.501920 */
	struct learner_skill r = {.theta = 0.4, .n = 1, .mastery = 0.3};
	learner_update_related(d, &r, 0, 0, true);
	is_num(t, r.theta, 0.5019204, "a related skill gets a third of the step: θ = 0.501920");
	is_int(t, r.n, 1, "a related share does not count as an answer");
	is_num(t, r.mastery, 0.3, "nor change mastery");
	ok(t, learner_related("donnees/formulaires", "donnees/traces"), "same theme: related");
	ok(t, !learner_related("donnees/traces", "droits/images"), "other theme: not related");
	ok(t, !learner_related("donnees/traces", "donnees/traces"), "a skill is not its own relative");
	ok(t, !learner_related("donnees", "donnees/traces"), "a skill without a theme relates to nothing");
}

static void test_bkt(struct tap *t)
{
	const struct learner_params *d = learner_design_params();
	/* right, g = 0.25 (G = 0.25): 0.2 * 0.9 / (0.18 + 0.8 * 0.25) = 0.18 / 0.38 = 0.473684;
	 * learning: 0.473684 + 0.526316 * 0.15 = 0.552632 */
	is_num(t, learner_bkt(d, 0.2, true, 0.25), 0.5526316, "BKT right: 0.2 -> 0.552632");
	/* wrong, g = 0.5 (G = min(0.5, 0.3) = 0.3): 0.2 * 0.1 / (0.02 + 0.8 * 0.7) = 0.034483;
	 * learning: 0.034483 + 0.965517 * 0.15 = 0.179310 */
	is_num(t, learner_bkt(d, 0.2, false, 0.5), 0.1793103, "BKT wrong, G capped at 0.3: 0.2 -> 0.179310");
	/* right, g = 0.5 -> G = 0.3: 0.18 / (0.18 + 0.24) = 0.428571; + 0.571429 * 0.15 = 0.514286 */
	is_num(t, learner_bkt(d, 0.2, true, 0.5), 0.5142857, "BKT right, G capped at 0.3: 0.2 -> 0.514286");
	struct learner_skill sk = {.theta = 0, .n = 5, .mastery = 0.95};
	is_int(t, learner_label(d, &sk), LEARNER_ACQUIRED, "P(L) = 0.95 is acquis");
	sk.mastery = 0.9499;
	is_int(t, learner_label(d, &sk), LEARNER_IN_PROGRESS, "P(L) = 0.9499 is en cours");
	sk.mastery = 0.6;
	is_int(t, learner_label(d, &sk), LEARNER_IN_PROGRESS, "P(L) = 0.6 is en cours");
	sk.mastery = 0.5999;
	is_int(t, learner_label(d, &sk), LEARNER_TO_REVIEW, "P(L) = 0.5999 is à revoir");

	/* ADAPTIVE.md's G = min(g, 0.3) is 0 for a typed answer: one right answer
	 * gives 0.2 * 0.9 / (0.18 + 0) = 1, and no wrong answer lowers it again */
	double m = learner_bkt(d, learner_bkt(d, 0.2, true, 0), false, 0);
	is_num(t, m, 1, "ADAPTIVE.md's G = 0 for typed answers: P(L) stuck at 1");
	const struct learner_params *p = learner_defaults();
	/* with the floor G = 0.2: 0.18 / (0.18 + 0.8 * 0.2) = 0.529412;
	 * + 0.470588 * 0.15 = 0.6 */
	is_num(t, learner_bkt(p, 0.2, true, 0), 0.6, "defaults: G has a floor of 0.2 (0.2 -> 0.6)");
	m = p->p_l0;
	for (int i = 0; i < 3; i++)
		m = learner_bkt(p, m, true, 0);
	ok(t, m >= 0.95, "three right typed answers reach P(L) %.3f", m);
	m = learner_bkt(p, m, false, 0);
	ok(t, m < 0.95, "then a wrong one leaves 0.95 (%.3f)", m);
	for (int i = 0; i < 20; i++)
		m = learner_bkt(p, m, true, 0.25);
	/* info 3: SE = 1 / sqrt(1 + 3) = 0.5; θ - SE = 1.4, σ(1.4) = 0.802 >= 0.80 */
	sk = (struct learner_skill){.theta = 1.9, .n = 25, .mastery = m, .info = 3};
	is_num(t, learner_se(p, &sk), 0.5, "SE = 1 / sqrt(prior 1 + information 3) = 0.5");
	is_int(t, learner_label(p, &sk), LEARNER_ACQUIRED, "defaults: P(L) high and σ(θ - SE) = 0.802: acquis");
	sk.theta = 1.88;	/* σ(1.38) = 0.799 < 0.80 */
	is_int(t, learner_label(p, &sk), LEARNER_IN_PROGRESS, "defaults: P(L) high but σ(θ - SE) = 0.799: en cours");
	sk.theta = 1.9;
	sk.info = 0.5;		/* SE = 0.816: σ(1.084) = 0.747 */
	is_int(t, learner_label(p, &sk), LEARNER_IN_PROGRESS, "the same θ from fewer answers (SE 0.82): en cours");
	is_int(t, learner_label(d, &sk), LEARNER_ACQUIRED, "ADAPTIVE.md's labels look at P(L) only");
	/* from 0.9, wrong with G = 0.25: 0.09 / (0.09 + 0.1 * 0.75) = 0.545455,
	 * + 0.454545 * 0.15 = 0.613636 (en cours); again: 0.061364 / (0.061364 +
	 * 0.386364 * 0.75) = 0.174757, + 0.825243 * 0.15 = 0.298544 (à revoir) */
	sk.mastery = learner_bkt(p, 0.9, false, 0.25);
	is_num(t, sk.mastery, 0.6136364, "BKT wrong: 0.9 -> 0.613636");
	is_int(t, learner_label(p, &sk), LEARNER_IN_PROGRESS, "still en cours");
	sk.mastery = learner_bkt(p, sk.mastery, false, 0.25);
	is_num(t, sk.mastery, 0.2985437, "BKT wrong again: -> 0.298544");
	is_int(t, learner_label(p, &sk), LEARNER_TO_REVIEW, "two wrong answers fall to à revoir");
}

static void test_target(struct tap *t)
{
	const struct learner_params *d = learner_design_params();
	/* r = 0: norm = 0.75, 0.75 + (0.75 / 0.75) 0.25 = 1.0, clipped to 0.90 */
	is_num(t, learner_target(d, 0), 0.90, "r = 0: target 0.90 (1.0 clipped)");
	/* r = 0.75: no change */
	is_num(t, learner_target(d, 0.75), 0.75, "r = 0.75: target 0.75");
	/* r = 1: norm = 0.25, 0.75 + (-0.25 / 0.25) 0.75 = 0, clipped to 0.65 */
	is_num(t, learner_target(d, 1), 0.65, "r = 1: target 0.65 (0 clipped)");
	/* r = 0.7: norm = 0.75, 0.75 + (0.05 / 0.75) 0.25 = 0.766667 */
	is_num(t, learner_target(d, 0.7), 0.7666667, "r = 0.7: target 0.766667");
	/* r = 0.6: 0.75 + (0.15 / 0.75) 0.25 = 0.80 */
	is_num(t, learner_target(d, 0.6), 0.80, "r = 0.6: target 0.80");

	/* the defaults adjust as steeply below P* as above it: P* + 3 (P* - r) */
	const struct learner_params *p = learner_defaults();
	is_num(t, learner_target(p, 0.7), 0.90, "symmetric: r = 0.7: 0.75 + 3 x 0.05 = 0.90");
	is_num(t, learner_target(p, 0.72), 0.84, "symmetric: r = 0.72: 0.75 + 3 x 0.03 = 0.84");
	is_num(t, learner_target(p, 0.75), 0.75, "symmetric: r = 0.75: 0.75");
	is_num(t, learner_target(p, 0.8), 0.65, "symmetric: r = 0.8: 0.75 - 3 x 0.05 = 0.60, clipped to 0.65");
	is_num(t, learner_target(p, 0.78), 0.66, "symmetric: r = 0.78: 0.75 - 3 x 0.03 = 0.66, as ADAPTIVE.md");
	is_num(t, learner_target(d, 0.78), 0.66, "ADAPTIVE.md: r = 0.78: 0.66 too");

	struct learner_recent r = {0};
	is_num(t, learner_recent_rate(d, &r), 0.75, "no answers yet: r = P*");
	for (int i = 0; i < 5; i++)
		learner_recent_add(&r, d, false);
	for (int i = 0; i < 10; i++)
		learner_recent_add(&r, d, i % 4 != 0);	/* 7 right of the last 10 */
	is_num(t, learner_recent_rate(d, &r), 0.7, "only the last 10 answers count (7 of 10)");
	is_int(t, r.n, 10, "the window holds 10");
}

static void test_score(struct tap *t)
{
	const struct learner_params *d = learner_design_params();
	/* on target, never seen: 10 * 1 + 5 * 0.5 / 0.5 = 15 */
	is_num(t, learner_score(d, 0.75, 0.75, 0, 0), 15, "on target, never seen: 15");
	/* P = 0.5: d = 0.25 / 0.75 = 1/3, 10 (1 - 1/9) = 8.888889; + 5 */
	is_num(t, learner_score(d, 0.75, 0.5, 0, 0), 13.8888889, "P = 0.5: 13.888889");
	/* P = 0.875 above target: norm = 0.25, d = 0.5, 7.5; seen once: 5 * 0.5 / 1 = 2.5;
	 * 120 s ago: recency -1 + log2(120) / log2(120) = 0 */
	is_num(t, learner_score(d, 0.75, 0.875, 1, 120), 10, "P = 0.875, seen once 2 min ago: 10");
	/* seen 4 times, 60 s ago: 10 + 5 * 0.5 / 2 = 11.25;
	 * recency 120 (-1 + log2(60) / log2(120)) = 120 (-1 + 5.906891 / 6.906891)
	 *         = 120 (-1 + 0.855217) = -17.373954 */
	is_num(t, learner_score(d, 0.75, 0.75, 4, 60), 11.25 - 17.3739541, "seen 4 times 1 min ago: -6.123954");
	is_num(t, learner_score(d, 0.75, 0.75, 1, 0), 10 + 2.5 - 120, "seen just now: -120 for recency");
	is_num(t, learner_score(d, 0.75, 0.75, 1, 100000), 12.5, "recency stops counting after 2 min");
}

static void test_select(struct tap *t)
{
	const struct learner_params *d = learner_design_params();
	uint32_t rng = item_seed("t_learner");
	int64_t now = 100000;
	/* θ = 0, g = 0: P = σ(-b); P = 0.75 at b = -ln 3 = -1.0986 */
	struct learner_cand c[] = {
		{"s/a", -2.2, 0, 0, 0, 0},	/* P = 0.900 */
		{"s/a", -1.1, 0, 0, 0, 0},	/* P = 0.750 */
		{"s/a", 0.0, 0, 0, 0, 0},	/* P = 0.5 */
		{"s/b", -1.1, 0, 0, 0, 0},	/* P = 0.750, other skill */
		{"s/a", 1.0, 0, 0, 0, 0},	/* P = 0.269 */
	};
	int k = learner_select(d, c, 3, NULL, 0.75, now, -1, &rng);
	is_int(t, k, 1, "picks the item whose P is closest to the target");
	k = learner_select(d, c, 3, NULL, 0.90, now, -1, &rng);
	is_int(t, k, 0, "a higher target (pupil failing) picks the easier item");
	k = learner_select(d, c, 3, NULL, 0.75, now, 1, &rng);
	ok(t, k != 1 && k >= 0, "never the item just asked (got %d)", k);
	k = learner_select(d, c, 1, NULL, 0.75, now, 0, &rng);
	is_int(t, k, -1, "no other item: none");
	c[1].seen = 1;
	c[1].last_seen = now - 1000;
	c[2].b = -0.405;	/* P = σ(0.405) = 0.6: 10 (1 - 0.2^2) + 5 = 14.6 > 10 + 2.5 */
	k = learner_select(d, c, 3, NULL, 0.75, now, -1, &rng);
	is_int(t, k, 2, "exposure: an unseen item near the target beats the one seen before");
	c[2].b = 0.62;		/* P = 0.35: 10 (1 - (0.4 / 0.75)^2) + 5 = 12.16 < 12.5 */
	k = learner_select(d, c, 3, NULL, 0.75, now, -1, &rng);
	is_int(t, k, 1, "but not one far from the target");
	c[1].last_seen = now - 10;	/* recency -120 (1 - log2(10) / log2(120)) = -62.3 */
	k = learner_select(d, c, 3, NULL, 0.75, now, -1, &rng);
	is_int(t, k, 2, "recency: the item seen 10 s ago loses to the next best (P = 0.35)");
	k = learner_select(d, c, 5, "s/b", 0.75, now, -1, &rng);
	is_int(t, k, 3, "the skill filter keeps only that skill's items");
	k = learner_select(d, c, 5, "s/z", 0.75, now, -1, &rng);
	is_int(t, k, -1, "a skill without items: none");
	struct learner_cand strong[] = {{"s/a", 1.0, 0, 2.1, 0, 0}, {"s/a", -1.1, 0, 2.1, 0, 0}};
	k = learner_select(d, strong, 2, NULL, 0.75, now, -1, &rng);
	is_int(t, k, 0, "the pupil's θ counts: a strong pupil gets the hard item");

	/* ties: five identical items */
	struct learner_cand same[5];
	for (int i = 0; i < 5; i++)
		same[i] = (struct learner_cand){"s/a", 0, 0, 0, 0, 0};
	int seq1[20], seq2[20], count[5] = {0};
	uint32_t r1 = item_seed("pupil 1"), r2 = item_seed("pupil 1");
	bool same_seq = true, never_repeat = true;
	int last1 = -1, last2 = -1;
	for (int i = 0; i < 20; i++) {
		seq1[i] = last1 = learner_select(d, same, 5, NULL, 0.75, now, last1, &r1);
		seq2[i] = last2 = learner_select(d, same, 5, NULL, 0.75, now, last2, &r2);
		same_seq = same_seq && seq1[i] == seq2[i];
		never_repeat = never_repeat && (i == 0 || seq1[i] != seq1[i - 1]);
		count[seq1[i]]++;
	}
	ok(t, same_seq, "ties: the same seed gives the same choices");
	ok(t, never_repeat, "ties: never the same item twice in a row");
	int used = 0;
	for (int i = 0; i < 5; i++)
		used += count[i] > 0;
	is_int(t, used, 5, "ties: every tied item gets chosen");
	uint32_t r3 = item_seed("pupil 2");
	bool differs = false;
	last1 = -1;
	for (int i = 0; i < 20; i++) {
		last1 = learner_select(d, same, 5, NULL, 0.75, now, last1, &r3);
		differs = differs || last1 != seq1[i];
	}
	ok(t, differs, "ties: another seed gives other choices");
}

static void test_rebuild(struct tap *t)
{
	const struct learner_params *p = learner_defaults();
	const struct learner_params *d = learner_design_params();
	const char *skills[] = {"donnees/formulaires", "donnees/traces", "droits/images"};
	struct learner_attempt log[40];
	struct learner_pupil live = {0}, again = {0};
	uint32_t rng = item_seed("rebuild");
	for (size_t i = 0; i < 40; i++) {
		log[i].skill = skills[item_rand(&rng) % 3];
		log[i].b = (double)(item_rand(&rng) % 5) * 0.5 - 1;
		log[i].g = (double)(item_rand(&rng) % 3) * 0.25;
		log[i].correct = item_rand(&rng) % 3 != 0;
		learner_pupil_answer(p, &live, log[i].skill, log[i].b, log[i].g, log[i].correct);
	}
	learner_rebuild(p, &again, log, 40);
	bool equal = live.n == again.n && live.recent.bits == again.recent.bits && live.recent.n == again.recent.n;
	for (size_t i = 0; equal && i < live.n; i++) {
		struct learner_skill *a = &live.v[i].s, *b = learner_pupil_skill(&again, live.v[i].skill);
		equal = b && a->theta == b->theta && a->n == b->n && a->mastery == b->mastery;
	}
	ok(t, equal, "replaying the log gives exactly the live (θ, n, P(L)) of every skill");
	is_int(t, again.n, 3, "three skills rebuilt");
	learner_rebuild(p, &again, log, 39);
	struct learner_skill *s = learner_pupil_skill(&again, log[39].skill);
	struct learner_skill *s_live = learner_pupil_skill(&live, log[39].skill);
	ok(t, s && s->n == s_live->n - 1, "a rebuild starts afresh (39 answers: one fewer on the last skill)");
	learner_pupil_free(&live);
	learner_pupil_free(&again);

	/* related skills: answering donnees/traces moves donnees/formulaires only */
	struct learner_pupil pu = {0};
	learner_pupil_answer(p, &pu, "donnees/formulaires", 0, 0, true);	/* θ 0.4 */
	learner_pupil_answer(p, &pu, "droits/images", 0, 0, true);		/* θ 0.4 */
	learner_pupil_answer(p, &pu, "donnees/traces", 0, 0, true);
	double want = 0.4 + p->related * learner_k(p, 1) * (1 - learner_sigmoid(0.4));
	is_num(t, learner_pupil_theta(NULL, &pu, "donnees/formulaires"), want, "a skill of the same theme gets its share");
	is_num(t, learner_pupil_theta(NULL, &pu, "droits/images"), 0.4, "another theme does not move");
	is_num(t, learner_pupil_theta(NULL, &pu, "nothing/here"), 0, "an unknown skill of an unknown theme has θ 0");
	learner_pupil_free(&pu);

	/* theme prior: a new skill starts at the answer-weighted mean θ of its theme */
	struct learner_pupil pr = {0}, dp = {0};
	learner_pupil_answer(p, &pr, "donnees/formulaires", 0, 0, false);	/* θ -0.4, n 1 */
	learner_pupil_answer(p, &pr, "donnees/formulaires", 0, 0, false);
	learner_pupil_answer(p, &pr, "donnees/traces", 0, 0, true);
	struct learner_skill *f = learner_pupil_skill(&pr, "donnees/formulaires"),
			     *tr = learner_pupil_skill(&pr, "donnees/traces");
	double mean = (f->theta * f->n + tr->theta * tr->n) / (f->n + tr->n);
	is_num(t, learner_pupil_theta(p, &pr, "donnees/pseudos"), mean,
	       "a skill never answered has the mean θ of its theme, weighted by answers (%.4f)", mean);
	is_num(t, learner_pupil_theta(p, &pr, "droits/images"), 0, "a skill of another theme has θ 0");
	/* the first answer on a new skill starts from that prior */
	double p0 = learner_predict(mean, 0, 0);
	struct learner_step st = learner_pupil_answer(p, &pr, "donnees/pseudos", 0, 0, true);
	is_num(t, st.theta_before, mean, "its first answer starts at the prior");
	is_num(t, st.p, p0, "and predicts from it (%.4f)", p0);
	is_num(t, st.theta_after, mean + learner_k(p, 0) * (1 - p0), "then moves by K(0)(x - P)");
	/* ADAPTIVE.md's settings: every skill starts at 0 */
	learner_pupil_answer(d, &dp, "donnees/formulaires", 0, 0, false);
	is_num(t, learner_pupil_theta(d, &dp, "donnees/pseudos"), 0, "without theme_prior a new skill has θ 0");
	st = learner_pupil_answer(d, &dp, "donnees/pseudos", 0, 0, true);
	is_num(t, st.theta_before, 0, "and starts there");
	learner_pupil_free(&pr);
	learner_pupil_free(&dp);
}

static void test_calibrate(struct tap *t)
{
	const struct learner_params *p = learner_defaults();
	double b[3] = {0, 0, 0}, b0[3] = {0, 0, 0}, g[3] = {0, 0, 0};
	int m[3] = {0};
	struct learner_obs o[2] = {{0, 0, true}, {0, 0, true}};
	/* P = 0.5: b = 0 - 0.8 * 0.5 = -0.4; then P = σ(0.4) = 0.598688, K(1) = 0.761905:
	 * b = -0.4 - 0.761905 * 0.401312 = -0.705762 */
	learner_calibrate(p, o, 2, b, m, g, 3);
	is_num(t, b[0], -0.7057619, "two right answers at θ = b: b = -0.705762");
	is_int(t, m[0], 2, "answers counted");
	struct learner_obs wrong = {1, 0, false};
	learner_calibrate(p, &wrong, 1, b, m, g, 3);
	is_num(t, b[1], 0.4, "a wrong answer at θ = b: b = 0.4");

	/* An item authored at level 1 (b0 = -1) that is really hard (b = 1), and one
	 * right as authored (b = 0); pupils of known θ answer at random. */
	double bt[3] = {1.0, 0.0, 0.0}, bb[3] = {-1, 0, 0}, pb0[3] = {-1, 0, 0}, gg[3] = {0.25, 0, 0};
	int mm[3] = {0};
	struct learner_obs obs[2000];
	uint32_t rng = item_seed("calibration");
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		for (size_t k = 0; k < 2; k++) {
			double theta = item_rand_unit(&rng) * 4 - 2;
			double pr = learner_predict(theta, bt[k], gg[k]);
			obs[n++] = (struct learner_obs){k, theta, item_rand_unit(&rng) < pr};
		}
	learner_calibrate(p, obs, n, bb, mm, gg, 3);
	ok(t, fabs(bb[0] - 1.0) < 0.35, "a harder item than authored: pooled b moves up to %.2f (true 1)", bb[0]);
	ok(t, fabs(bb[1] - 0.0) < 0.35, "an item as authored stays near 0 (%.2f)", bb[1]);
	size_t out[3];
	size_t nd = learner_drift(bb, pb0, mm, 3, 1.0, 20, out);
	ok(t, nd == 1 && out[0] == 0, "only the drifting item is flagged (%zu flagged)", nd);
	nd = learner_drift(b, b0, m, 3, 0.5, 20, out);
	is_int(t, nd, 0, "items with too few answers are not flagged");
	nd = learner_drift(b, b0, m, 3, 0.5, 1, out);
	ok(t, nd == 1 && out[0] == 0, "with one answer enough, the moved item is (%zu)", nd);
	struct learner_obs bad = {7, 0, true};
	learner_calibrate(p, &bad, 1, b, m, g, 3);
	ok(t, m[0] == 2 && m[1] == 1 && m[2] == 0, "an observation of an unknown item is skipped");
}

int main(void)
{
	struct tap t = {0};
	test_predict(&t);
	test_update(&t);
	test_bkt(&t);
	test_target(&t);
	test_score(&t);
	test_select(&t);
	test_rebuild(&t);
	test_calibrate(&t);
	return tap_done(&t);
}
