/* runner.c — lines, then questions, then the way out of each scene. */
#include "config.h"

#include <string.h>

#include "core/runner.h"

static void enter_scene(struct runner *r, int idx, size_t hops);

const struct scene *runner_scene(const struct runner *r)
{
	return &r->lesson->scenes[r->scene];
}

const struct item *runner_item(const struct runner *r)
{
	const struct scene *s = runner_scene(r);
	if (r->state != RS_QUESTION || r->question >= s->questions.n)
		return NULL;
	int idx = s->question_idx[r->question];
	return idx >= 0 ? &r->lesson->items[idx] : NULL;
}

/* Leave the current scene by its exit. hops counts scenes entered without
 * stopping, so that a loop of empty scenes cannot spin. */
static void take_exit(struct runner *r, size_t hops)
{
	const struct scene *s = runner_scene(r);
	if (hops > r->lesson->n_scenes) {
		r->state = RS_RECAP;
		return;
	}
	switch (s->exit) {
	case EXIT_NEXT:
		if (s->next_idx >= 0) {
			enter_scene(r, s->next_idx, hops + 1);
			return;
		}
		break;
	case EXIT_CHOICE:
		r->choice_scene = r->scene;
		r->state = RS_CHOICE;
		return;
	case EXIT_END:
	case EXIT_NONE:
		break;
	}
	r->state = RS_RECAP;
}

/* Start the scene's questions, or take its exit if it has none. */
static void start_questions(struct runner *r, size_t hops)
{
	const struct scene *s = runner_scene(r);
	r->question = 0;
	r->tries = 0;
	r->verdict = VERDICT_NONE;
	while (r->question < s->questions.n && s->question_idx[r->question] < 0)
		r->question++;
	if (r->question < s->questions.n)
		r->state = RS_QUESTION;
	else
		take_exit(r, hops);
}

/* What follows the last line of a scene: feedback, questions, or the exit. */
static void after_lines(struct runner *r, size_t hops)
{
	if (r->pending_feedback) {
		r->pending_feedback = false;
		r->state = RS_FEEDBACK;
		return;
	}
	start_questions(r, hops);
}

static void enter_scene(struct runner *r, int idx, size_t hops)
{
	r->scene = idx;
	r->line = 0;
	if (runner_scene(r)->n_lines > 0)
		r->state = RS_LINE;
	else
		after_lines(r, hops);
}

void runner_start(struct runner *r, const struct lesson *l)
{
	memset(r, 0, sizeof *r);
	r->lesson = l;
	r->choice_scene = -1;
	r->option = -1;
	if (l->n_scenes == 0) {
		r->state = RS_RECAP;
		return;
	}
	enter_scene(r, l->start_idx >= 0 ? l->start_idx : 0, 0);
}

/* Move to the next question of the scene, or out of the scene. */
static void next_question(struct runner *r)
{
	const struct scene *s = runner_scene(r);
	r->tries = 0;
	r->verdict = VERDICT_NONE;
	do
		r->question++;
	while (r->question < s->questions.n && s->question_idx[r->question] < 0);
	if (r->question >= s->questions.n)
		take_exit(r, 0);
}

void runner_next(struct runner *r)
{
	switch (r->state) {
	case RS_LINE:
		if (++r->line >= runner_scene(r)->n_lines)
			after_lines(r, 0);
		break;
	case RS_FEEDBACK:
		start_questions(r, 0);
		break;
	case RS_QUESTION:
		/* Going on is only possible once the question is settled. */
		if (r->verdict == VERDICT_RIGHT || r->verdict == VERDICT_EXPLAIN)
			next_question(r);
		break;
	case RS_RECAP:
		r->state = RS_ENDING;
		break;
	case RS_ENDING:
		r->state = RS_DONE;
		break;
	case RS_CHOICE:
	case RS_DONE:
		break;
	}
}

bool runner_back(struct runner *r)
{
	if (r->state != RS_FEEDBACK || r->choice_scene < 0)
		return false;
	r->scene = r->choice_scene;
	r->state = RS_CHOICE;
	return true;
}

void runner_pick(struct runner *r, size_t k)
{
	const struct scene *s = runner_scene(r);
	if (r->state != RS_CHOICE || k >= s->choice.n || s->choice.v[k].target < 0)
		return;
	r->option = (int)k;
	r->pending_feedback = true;
	enter_scene(r, s->choice.v[k].target, 0);
}

enum verdict runner_answer(struct runner *r, const struct response *resp)
{
	const struct item *it = runner_item(r);
	if (!it || r->verdict == VERDICT_RIGHT || r->verdict == VERDICT_EXPLAIN)
		return r->verdict;
	if (item_check(it, resp)) {
		r->points += r->tries == 0 ? 2 : 1;
		r->max_points += 2;
		r->verdict = VERDICT_RIGHT;
	} else if (++r->tries < 2) {
		r->verdict = VERDICT_HINT;
	} else {
		r->max_points += 2;
		r->verdict = VERDICT_EXPLAIN;
	}
	return r->verdict;
}

const char *runner_mood(const struct runner *r, size_t role)
{
	const struct scene *s = runner_scene(r);
	if (role >= s->n_cast)
		return NULL;
	const char *who = s->cast[role].who.s, *mood = s->cast[role].mood.s;
	size_t upto = r->state == RS_LINE ? r->line + 1 : s->n_lines;
	for (size_t i = 0; i < upto && i < s->n_lines; i++)
		if (s->lines[i].who.s && s->lines[i].mood.s && strcmp(s->lines[i].who.s, who) == 0)
			mood = s->lines[i].mood.s;
	return mood;
}

enum ending runner_ending(const struct runner *r)
{
	if (r->max_points == 0)
		return ENDING_SUCCESS;
	double ratio = (double)r->points / (double)r->max_points;
	if (ratio >= 0.75)
		return ENDING_SUCCESS;
	if (ratio >= 0.4)
		return ENDING_PARTIAL;
	return ENDING_FAILURE;
}

int runner_stars(const struct runner *r)
{
	return 3 - (int)runner_ending(r);
}
