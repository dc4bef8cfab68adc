/* defi.c — the "test first, then train" step of a défi (see defi.h). */
#include "config.h"

#include "core/defi.h"

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
		k = learner_select(prm, v, n, skill, target, now, d->last, rng);
		if (k < 0)	/* a single question: it may come again after the scene */
			k = learner_select(prm, v, n, skill, target, now, -1, rng);
		if (k < 0)	/* nothing to validate with: the teacher should know */
			return finish(d, DEFI_STEP_PARTIAL);
		return ask(d, k);
	case DEFI_PRACTICE:
		k = learner_select(prm, v, n, skill, target, now, d->last, rng);
		if (k >= 0)
			return ask(d, k);
		d->phase = DEFI_REPLAY;	/* nothing else to practise with */
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
