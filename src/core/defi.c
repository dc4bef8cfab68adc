/* defi.c — the "test first, then train" step of a défi (see defi.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/defi.h"
#include "xalloc.h"

void defi_start(struct defi *d)
{
	d->phase = DEFI_VALIDATE;
	d->run = 1;
	d->practice = d->practice_wrong = 0;
	d->asked = d->last = -1;
	d->n_asked = 0;
	d->end = DEFI_STEP_PARTIAL;
}

/* Ends the step with outcome a and returns it. */
static struct defi_next finish(struct defi *d, enum defi_action a)
{
	d->phase = DEFI_END;
	d->end = a;
	return (struct defi_next){a, -1, false};
}

/* Asks candidate k and returns the action. */
static struct defi_next ask(struct defi *d, int k)
{
	d->asked = k;
	d->last = k;
	d->n_asked++;
	return (struct defi_next){DEFI_ASK, k, d->phase == DEFI_VALIDATE};
}

/* learner_select among the candidates the pupil has at least the practice
 * floor's chance on (all of them when the floor is off); when fresh, only
 * among those not asked within the recency horizon. */
static int select_within_reach(const struct learner_params *prm, const struct learner_cand *v, size_t n,
			       const char *skill, double target, int64_t now, int last, bool fresh, uint32_t *rng)
{
	prm = prm ? prm : learner_defaults();
	if (prm->practice_floor <= 0 || !skill)
		return learner_select(prm, v, n, skill, target, now, last, rng);
	struct learner_cand *w = xmalloc((n ? n : 1) * sizeof *w);
	memcpy(w, v, n * sizeof *w);
	for (size_t i = 0; i < n; i++) {
		bool recent = w[i].seen > 0 && (double)(now - w[i].last_seen) < prm->horizon;
		if (learner_predict(w[i].theta, w[i].b, w[i].g) < prm->practice_floor || (fresh && recent))
			w[i].skill = NULL;	/* out of the skill filter */
	}
	int k = learner_select(prm, w, n, skill, target, now, last, rng);
	free(w);
	return k;
}

struct defi_next defi_next(struct defi *d, const struct learner_params *prm, const struct learner_cand *v,
			   size_t n, const char *skill, double target, int64_t now, uint32_t *rng)
{
	if (d->phase == DEFI_END)
		return (struct defi_next){d->end, -1, false};
	if (d->asked >= 0)
		return (struct defi_next){DEFI_ASK, d->asked, d->phase == DEFI_VALIDATE};
	int k;
	switch (d->phase) {
	case DEFI_VALIDATE:
		k = select_within_reach(prm, v, n, skill, target, now, d->last, false, rng);
		if (k < 0 && d->run > 1)	/* the scene came in between: not twice in a row */
			k = select_within_reach(prm, v, n, skill, target, now, -1, false, rng);
		if (k < 0)	/* every other question is out of reach: the best of them */
			k = learner_select(prm, v, n, skill, target, now, d->last, rng);
		if (k < 0)	/* a single question: it may come again after the scene */
			k = learner_select(prm, v, n, skill, target, now, -1, rng);
		if (k < 0)	/* nothing to validate with: the teacher should know */
			return finish(d, DEFI_STEP_PARTIAL);
		return ask(d, k);
	case DEFI_PRACTICE:
		k = select_within_reach(prm, v, n, skill, target, now, d->last, true, rng);
		if (k >= 0)
			return ask(d, k);
		d->phase = DEFI_REPLAY;	/* nothing new within reach: explain again */
		/* fall through */
	case DEFI_REPLAY:
		d->phase = DEFI_VALIDATE;
		d->run++;
		d->practice = d->practice_wrong = 0;
		return (struct defi_next){DEFI_REPLAY_SCENE, -1, false};
	case DEFI_END:
		break;
	}
	return (struct defi_next){d->end, -1, false};
}

bool defi_answer(struct defi *d, bool correct)
{
	if (d->asked < 0 || d->phase == DEFI_END)
		return false;
	d->asked = -1;
	if (d->phase == DEFI_VALIDATE) {
		if (correct)
			finish(d, DEFI_STEP_REACHED);
		else if (d->run >= DEFI_MAX_RUNS)
			finish(d, DEFI_STEP_PARTIAL);
		else
			d->phase = DEFI_PRACTICE;
		return true;
	}
	d->practice++;
	d->practice_wrong += !correct;
	if (d->practice >= DEFI_PRACTICE_MAX || (d->practice >= DEFI_PRACTICE_MIN && d->practice_wrong == 0))
		d->phase = DEFI_REPLAY;
	return true;
}
