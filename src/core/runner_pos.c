/* runner_pos.c — where a pupil is in a lesson, as text, so that a run can be
 * resumed after a restart (or a power cut) exactly at its scene and question. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/runner.h"
#include "xalloc.h"

static const char *const state_names[] = {
	[RS_LINE] = "line", [RS_CHOICE] = "choice", [RS_FEEDBACK] = "feedback",
	[RS_QUESTION] = "question", [RS_RECAP] = "recap", [RS_ENDING] = "ending", [RS_DONE] = "done",
};

/* The id of scene k, or "-" for none. */
static const char *scene_id(const struct lesson *l, int k)
{
	return k >= 0 && (size_t)k < l->n_scenes ? l->scenes[k].id.s : "-";
}

/* Index of the scene called id ("-": none, -1); -2 when there is no such scene. */
static int scene_ref(const struct lesson *l, const char *id)
{
	if (!strcmp(id, "-"))
		return -1;
	int k = lesson_scene_index(l, id);
	return k >= 0 ? k : -2;
}

char *runner_position(const struct runner *r)
{
	struct runner at = *r;
	/* A settled question is behind the pupil: resume at what follows it. */
	if (at.state == RS_QUESTION && (at.verdict == VERDICT_RIGHT || at.verdict == VERDICT_EXPLAIN))
		runner_next(&at);
	const struct lesson *l = at.lesson;
	const struct defi *d = &at.defi;
	return xasprintf("2 %s %s %zu %zu %d %d %d %s %d %d %d %d %d %d %d %d %d %d %d %d %d %s %s",
			 state_names[at.state], scene_id(l, at.scene), at.line, at.question, at.tries,
			 at.points, at.max_points, scene_id(l, at.choice_scene), at.option,
			 at.pending_feedback ? 1 : 0, at.step, (int)d->phase, d->run, d->practice,
			 d->practice_wrong, d->asked, d->last, d->n_asked, (int)d->end, at.asked,
			 at.partial_steps, scene_id(l, at.explain_scene), scene_id(l, at.defi_scene));
}

/* Index of the state called name, or -1. */
static int state_index(const char *name)
{
	for (size_t i = 0; i < sizeof state_names / sizeof *state_names; i++)
		if (strcmp(state_names[i], name) == 0)
			return (int)i;
	return -1;
}

bool runner_restore(struct runner *r, const struct lesson *l, const char *pos)
{
	char state[16], scene[64], choice[64], explain[64], defi_scene[64];
	size_t line, question;
	int tries, points, max, option, pending, step, phase, run, practice, pwrong, dasked, dlast, dn,
		dend, asked, partial, used = 0;
	if (!pos || sscanf(pos, "2 %15s %63s %zu %zu %d %d %d %63s %d %d %d %d %d %d %d %d %d %d %d %d %d "
			   "%63s %63s%n", state, scene, &line, &question, &tries, &points, &max, choice,
			   &option, &pending, &step, &phase, &run, &practice, &pwrong, &dasked, &dlast,
			   &dn, &dend, &asked, &partial, explain, defi_scene, &used) != 23 ||
	    pos[used] != '\0')
		return false;
	int st = state_index(state), sc = scene_ref(l, scene), ch = scene_ref(l, choice);
	int ex = scene_ref(l, explain), ds = scene_ref(l, defi_scene);
	if (st < 0 || sc < 0 || ch < -1 || ex < -1 || ds < -1 || tries < 0 || tries > 2 || points < 0 ||
	    max < points || (pending != 0 && pending != 1))
		return false;
	const struct scene *s = &l->scenes[sc];
	int pool = ds >= 0 ? (int)l->scenes[ds].questions.n : (int)s->questions.n;
	if (step < 0 || phase < DEFI_VALIDATE || phase > DEFI_END || run < 0 || run > DEFI_MAX_RUNS ||
	    practice < 0 || pwrong < 0 || dasked < -1 || dasked >= pool || dlast < -1 || dlast >= pool ||
	    dn < 0 || asked < 0 || partial < 0 || dend < DEFI_ASK || dend > DEFI_STEP_PARTIAL)
		return false;
	switch (st) {
	case RS_LINE:
		if (line >= s->n_lines)
			return false;
		break;
	case RS_CHOICE:
		if (s->exit != EXIT_CHOICE)
			return false;
		break;
	case RS_QUESTION:
		if (question >= s->questions.n || s->question_idx[question] < 0 || tries > 1)
			return false;
		break;
	default:
		break;
	}
	if (st != RS_QUESTION)
		tries = 0;
	if (ch >= 0 && (l->scenes[ch].exit != EXIT_CHOICE || option < -1 ||
			option >= (int)l->scenes[ch].choice.n))
		return false;
	if (ds >= 0 && st != RS_LINE)	/* a replay is a scene's lines */
		return false;
	runner_start(r, l);
	r->state = st;
	r->scene = sc;
	r->line = line;
	r->question = question;
	r->tries = tries;
	r->verdict = tries ? VERDICT_HINT : VERDICT_NONE;
	r->points = points;
	r->max_points = max;
	r->choice_scene = ch;
	r->option = ch >= 0 ? option : -1;
	r->pending_feedback = pending && r->option >= 0;
	r->step = step;
	r->defi = (struct defi){phase, run, practice, pwrong, dasked, dlast, dn, dend};
	r->asked = asked;
	r->partial_steps = partial;
	r->explain_scene = ex;
	r->defi_scene = ds;
	return true;
}

int runner_percent(const struct runner *r)
{
	const struct lesson *l = r->lesson;
	if (r->state == RS_RECAP || r->state == RS_ENDING || r->state == RS_DONE)
		return 100;
	if (l->n_scenes == 0)
		return 0;
	const struct scene *s = runner_scene(r);
	double part = 0;
	if (r->state == RS_LINE && s->n_lines)
		part = (double)r->line / (double)(s->n_lines + s->questions.n);
	else if (r->state == RS_QUESTION)
		part = (double)(s->n_lines + r->question) / (double)(s->n_lines + s->questions.n);
	int pct = (int)(100.0 * ((double)r->scene + part) / (double)l->n_scenes);
	return pct > 99 ? 99 : pct;
}
