/* learner.h — the adaptive practice model (pure): predicted success with
 * guessing, an Elo ability per skill, BKT mastery for reports, the target
 * adjusted to recent success, item selection, pooled item calibration, and the
 * rebuild of a pupil's state from the attempt log.
 *
 * The formulas and their defaults are those of doc ADAPTIVE.md (design notes);
 * where the defaults differ, learner.c says why. Nothing here reads a clock:
 * times are Unix seconds given by the caller. */
#ifndef DECLIC_LEARNER_H
#define DECLIC_LEARNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/* Every constant of the model, so that a benchmark can compare settings. */
struct learner_params {
	double target;			/* P*, success aimed at (0.75) */
	double target_lo, target_hi;	/* the adjusted target is clipped to this */
	bool target_symmetric;		/* below P*, adjust as steeply as above it */
	int window;			/* recent answers for the adjustment (10) */
	double k0, k_decay;		/* K(n) = k0 / (1 + k_decay n) */
	double related;			/* share of an update given to related skills */
	bool theme_prior;		/* a new skill starts at its theme's θ, not 0 */
	double p_l0, learn, slip;	/* BKT: P(L0), T, S */
	double guess_lo, guess_hi;	/* BKT: G = clamp(g, guess_lo, guess_hi) */
	double acquired, in_progress;	/* label thresholds on P(L) (0.95, 0.6) */
	double acquired_p, ref_b;	/* "acquis" also needs a predicted success of at
					 * least acquired_p on a typed item of difficulty
					 * ref_b (0: off), from θ - acquired_z SE */
	double acquired_z, prior_info;	/* SE = 1 / sqrt(prior_info + info) */
	double w_target, w_exposure, w_recency;	/* selection weights (10, 5, 120) */
	double horizon;			/* seconds after which recency no longer counts */
	double practice_floor;		/* a défi asks no question the pupil has less
					 * chance than this on, while it can (0: off) */
};

/* The model's settings (see learner.c for each value and its source). */
const struct learner_params *learner_defaults(void);
/* The settings exactly as written in ADAPTIVE.md, before any measured change. */
const struct learner_params *learner_design_params(void);

/* ---- Predicted success ---------------------------------------------------- */

/* The logistic function 1 / (1 + e^-x). */
double learner_sigmoid(double x);
/* Chance of a right answer: g + (1 - g) σ(θ - b). */
double learner_predict(double theta, double b, double g);
/* An item's difficulty b (its explicit difficulty, else level - 2) and its
 * guessing chance g (1/options for single choice, 1/2 true/false, else 0). */
void learner_item_params(const struct item *it, double *b, double *g);

/* ---- Per-skill state and its update --------------------------------------- */

/* What the model knows of a pupil on one skill. */
struct learner_skill {
	double theta;	/* ability (logits), 0 at start */
	int n;		/* answers so far on the skill */
	double mastery;	/* BKT P(L), P(L0) at start */
	double info;	/* Fisher information of its answers: the sum of
			 * P'(θ)² / (P (1 - P)) at the θ of each answer */
};

enum learner_label { LEARNER_TO_REVIEW, LEARNER_IN_PROGRESS, LEARNER_ACQUIRED };

/* What one answer did, as the attempt log records it. */
struct learner_step {
	double p;			/* predicted success before the answer */
	double theta_before, theta_after;
	double mastery_after;
};

/* The Elo step size after n answers: k0 / (1 + k_decay n). */
double learner_k(const struct learner_params *prm, int n);
/* A skill never answered: θ 0, n 0, P(L) = P(L0). */
void learner_skill_init(const struct learner_params *prm, struct learner_skill *s);
/* P(L) after a right or wrong answer on an item of guessing chance g: Bayes on
 * the answer, then the learning step. */
double learner_bkt(const struct learner_params *prm, double mastery, bool correct, double g);
/* The standard error of a skill's θ: 1 / sqrt(prior_info + info). */
double learner_se(const struct learner_params *prm, const struct learner_skill *s);
/* "acquis" when P(L) >= acquired and (if acquired_p > 0) θ - acquired_z SE
 * predicts a success of at least acquired_p on a typed item of difficulty
 * ref_b; "en cours" from P(L) >= in_progress; else "à revoir". */
enum learner_label learner_label(const struct learner_params *prm, const struct learner_skill *s);
/* One answer on an item (b, g) of the skill: θ by Elo with K(n), n + 1, P(L) by
 * BKT. Returns the values to log. */
struct learner_step learner_update(const struct learner_params *prm, struct learner_skill *s, double b,
				   double g, bool correct);
/* The share `related` of the Elo step of an answer, given to a related skill
 * (its own θ and K(n); its n and P(L) do not change). Returns the new θ. */
double learner_update_related(const struct learner_params *prm, struct learner_skill *s, double b,
			      double g, bool correct);
/* True if skills a and b differ but belong to the same theme: the same text
 * before the first '/' ("donnees/formulaires" and "donnees/traces"). */
bool learner_related(const char *a, const char *b);

/* ---- Target --------------------------------------------------------------- */

/* The last `window` answers of a pupil (all skills), newest in bit 0. */
struct learner_recent {
	uint32_t bits;
	int n;
};

void learner_recent_add(struct learner_recent *r, const struct learner_params *prm, bool correct);
/* Share of right answers among the recent ones; P* when there are none. */
double learner_recent_rate(const struct learner_params *prm, const struct learner_recent *r);
/* The target adjusted to the recent success rate r:
 * P*' = P* + ((P* - r) / norm)(1 - norm), norm = 1 - P* if r > P* else P*
 * (with target_symmetric, norm = 1 - P* on both sides: P*' = P* + 3 (P* - r)
 * for P* = 0.75), clipped to [target_lo, target_hi]. */
double learner_target(const struct learner_params *prm, double r);

/* ---- Selection ------------------------------------------------------------ */

/* An item the pupil could be asked, with what the selection needs. */
struct learner_cand {
	const char *skill;	/* for the skill filter; may be NULL */
	double b, g;		/* item parameters */
	double theta;		/* the pupil's θ on the item's skill */
	int seen;		/* n_i: times this pupil answered the item */
	int64_t last_seen;	/* when last answered (Unix seconds), if seen */
};

/* Score of an item of predicted success p for the target:
 * w_target (1 - (|target - p| / norm)^2) with norm = target when p <= target,
 * else 1 - target; + w_exposure 0.5 / max(sqrt(seen), 0.5);
 * + w_recency (-1 + log2(min(since, horizon)) / log2(horizon)), 0 if never seen
 * (since below one second counts as one second). */
double learner_score(const struct learner_params *prm, double target, double p, int seen, double since);
/* Index of the best candidate of v (of skill `skill` unless it is NULL) for the
 * target at time now, never `last` (the item just asked, -1 for none); ties
 * (scores within 1e-9) are broken with the sequence in *rng (item_rand).
 * Returns -1 when no candidate qualifies. */
int learner_select(const struct learner_params *prm, const struct learner_cand *v, size_t n, const char *skill,
		   double target, int64_t now, int last, uint32_t *rng);

/* ---- A pupil's state and its rebuild from the log -------------------------- */

struct learner_skill_entry {
	char *skill;		/* owned */
	struct learner_skill s;
};

/* Everything derived from a pupil's attempts: the per-skill states and the
 * recent answers. Starts zeroed ({0}); free with learner_pupil_free. */
struct learner_pupil {
	struct learner_skill_entry *v;
	size_t n, cap;
	struct learner_recent recent;
};

/* The pupil's state on a skill, or NULL if the skill was never answered. */
struct learner_skill *learner_pupil_skill(struct learner_pupil *p, const char *skill);
/* The pupil's θ on a skill. A skill never answered has its prior: with
 * theme_prior, the mean θ of the pupil's skills of the same theme weighted by
 * their answers (0 if there are none), else 0. */
double learner_pupil_theta(const struct learner_params *prm, const struct learner_pupil *p, const char *skill);
/* One answer of the pupil on an item (b, g) of skill: updates the skill (made
 * if new, at its prior θ), gives the related share to the pupil's other
 * skills of the same theme, records the answer among the recent ones.
 * Returns the values to log. */
struct learner_step learner_pupil_answer(const struct learner_params *prm, struct learner_pupil *p,
					 const char *skill, double b, double g, bool correct);
void learner_pupil_free(struct learner_pupil *p);

/* A logged answer, as the rebuild needs it. */
struct learner_attempt {
	const char *skill;
	double b, g;		/* the item's parameters (learner_item_params) */
	bool correct;
};

/* Replays a pupil's attempts (oldest first) into *p, which it resets first:
 * the result is exactly what the answers produced live, so the log is the one
 * source of truth and the per-skill table can always be derived again. */
void learner_rebuild(const struct learner_params *prm, struct learner_pupil *p, const struct learner_attempt *v,
		     size_t n);

/* ---- Pooled calibration of item difficulty --------------------------------- */

/* One answer from the pooled log: the item (index), the pupil's θ on the item's
 * skill, and whether it was right. θ may be the one logged just before the
 * answer, but the pupil's current θ on the skill gives much better estimates
 * (early θ are shrunk towards 0, which biases b; see tests/bench/adaptive). */
struct learner_obs {
	size_t item;
	double theta;
	bool correct;
};

/* Re-estimates difficulties from pooled answers in time order:
 * b ← b - K(m)(x - P) with m the item's answer count so far. b[] and m[] (of
 * n_items) are read and updated, so calibration can go on with later answers;
 * start with b = the prior and m = 0. g[] are the items' guessing chances.
 * Observations naming an item out of range are skipped. */
void learner_calibrate(const struct learner_params *prm, const struct learner_obs *v, size_t n, double *b,
		       int *m, const double *g, size_t n_items);
/* Indices of the items (into out, room for n_items) whose pooled difficulty b
 * is at least threshold logits away from the authored b0, counting only items
 * with at least min_answers answers. Returns how many. */
size_t learner_drift(const double *b, const double *b0, const int *m, size_t n_items, double threshold,
		     int min_answers, size_t *out);

#endif
