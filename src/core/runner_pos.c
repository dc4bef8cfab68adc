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

char *runner_position(const struct runner *r)
{
	struct runner at = *r;
	/* A settled question is behind the pupil: resume at what follows it. */
	if (at.state == RS_QUESTION && (at.verdict == VERDICT_RIGHT || at.verdict == VERDICT_EXPLAIN))
		runner_next(&at);
	const struct lesson *l = at.lesson;
	const char *choice = at.choice_scene >= 0 ? l->scenes[at.choice_scene].id.s : "-";
	return xasprintf("1 %s %s %zu %zu %d %d %d %s %d %d", state_names[at.state],
			 l->n_scenes ? l->scenes[at.scene].id.s : "-", at.line, at.question, at.tries,
			 at.points, at.max_points, choice, at.option, at.pending_feedback ? 1 : 0);
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
	char state[16], scene[64], choice[64];
	size_t line, question;
	int tries, points, max, option, pending, used = 0;
	if (!pos || sscanf(pos, "1 %15s %63s %zu %zu %d %d %d %63s %d %d%n", state, scene, &line,
			   &question, &tries, &points, &max, choice, &option, &pending, &used) != 10 ||
	    pos[used] != '\0')
		return false;
	int st = state_index(state), sc = lesson_scene_index(l, scene);
	int ch = strcmp(choice, "-") ? lesson_scene_index(l, choice) : -1;
	if (st < 0 || sc < 0 || (strcmp(choice, "-") && ch < 0) || tries < 0 || tries > 1 ||
	    points < 0 || max < points || (pending != 0 && pending != 1))
		return false;
	const struct scene *s = &l->scenes[sc];
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
		if (question >= s->questions.n || s->question_idx[question] < 0)
			return false;
		break;
	default:
		break;
	}
	if (ch >= 0 && (l->scenes[ch].exit != EXIT_CHOICE || option < -1 ||
			option >= (int)l->scenes[ch].choice.n))
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
