/* runner.c — lines, then questions, then the way out of each scene. */
#include "config.h"

#include <string.h>

#include "core/runner.h"

static void enter_scene(struct runner *r, int idx, size_t hops);
static void defi_advance(struct runner *r, size_t hops);

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

bool runner_replaying(const struct runner *r)
{
	return r->defi_scene >= 0;
}

/* The k-th distinct skill of the scene's questions (in their order), or NULL. */
static const char *scene_skill(const struct lesson *l, const struct scene *s, int k)
{
	for (size_t i = 0; i < s->questions.n; i++) {
		if (s->question_idx[i] < 0)
			continue;
		const char *skill = l->items[s->question_idx[i]].skill.s;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = s->question_idx[j] >= 0 && !strcmp(l->items[s->question_idx[j]].skill.s, skill);
		if (!seen && k-- == 0)
			return skill;
	}
	return NULL;
}

/* The défi's candidates: the scene's questions (the first RUNNER_MAX_POOL), in
 * their order; map[k] is the question index of candidate k. */
static size_t candidates(const struct runner *r, const struct scene *s, struct learner_cand *c, size_t *map)
{
	size_t n = 0;
	for (size_t i = 0; i < s->questions.n && n < RUNNER_MAX_POOL; i++) {
		int idx = s->question_idx[i];
		if (idx < 0)
			continue;
		const struct item *it = &r->lesson->items[idx];
		memset(&c[n], 0, sizeof c[n]);
		c[n].skill = it->skill.s;
		learner_item_params(it, &c[n].b, &c[n].g);
		c[n].theta = r->pupil ? learner_pupil_theta(r->prm, r->pupil, it->skill.s) : 0;
		if (idx < RUNNER_MAX_ITEMS) {
			c[n].seen = r->seen[idx];
			c[n].last_seen = r->last_seen[idx];
		}
		map[n++] = i;
	}
	return n;
}

/* Ask what the défi does next, and do it: a question, a replay of the scene
 * that explains, or the next skill; after the last skill, the scene's exit. */
static void defi_advance(struct runner *r, size_t hops)
{
	const struct scene *s = runner_scene(r);
	struct learner_cand c[RUNNER_MAX_POOL];
	size_t map[RUNNER_MAX_POOL];
	size_t n = candidates(r, s, c, map);
	/* Each step ends within a bounded number of actions (core/defi.c). */
	for (int guard = 0; guard < 64; guard++) {
		const char *skill = scene_skill(r->lesson, s, r->step);
		if (!skill)
			break;
		double target = r->pupil ? learner_target(r->prm, learner_recent_rate(r->prm, &r->pupil->recent))
					 : r->prm->target;
		struct defi_next nx = defi_next(&r->defi, r->prm, c, n, skill, target, r->now, &r->rng);
		switch (nx.action) {
		case DEFI_ASK:
			r->question = map[nx.item];
			r->tries = 0;
			r->verdict = VERDICT_NONE;
			r->state = RS_QUESTION;
			r->asked++;
			return;
		case DEFI_REPLAY_SCENE:
			if (r->explain_scene >= 0 && r->lesson->scenes[r->explain_scene].n_lines > 0) {
				r->defi_scene = r->scene;
				r->scene = r->explain_scene;
				r->line = 0;
				r->tries = 0;
				r->verdict = VERDICT_NONE;
				r->state = RS_LINE;
				return;
			}
			break;	/* nothing to replay: on with the défi */
		case DEFI_STEP_PARTIAL:
		case DEFI_STEP_REACHED:
			r->partial_steps += nx.action == DEFI_STEP_PARTIAL;
			r->ended_seq++;
			r->ended_skill = skill;
			r->ended_scene = r->scene;
			r->ended_partial = nx.action == DEFI_STEP_PARTIAL;
			r->step++;
			defi_start(&r->defi);
			break;
		}
	}
	take_exit(r, hops);
}

/* Start the scene's questions, or take its exit if it has none. */
static void start_questions(struct runner *r, size_t hops)
{
	const struct scene *s = runner_scene(r);
	r->question = 0;
	r->tries = 0;
	r->verdict = VERDICT_NONE;
	if (!s->pick_all && scene_skill(r->lesson, s, 0)) {
		r->step = 0;
		r->asked = 0;
		defi_start(&r->defi);
		r->explain_scene = r->prev_scene;
		defi_advance(r, hops);
		return;
	}
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
	r->prev_scene = r->scene;
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
	r->prm = learner_defaults();
	r->rng = item_seed(l->id.s ? l->id.s : "");
	r->scene = -1;
	r->prev_scene = r->explain_scene = r->defi_scene = -1;
	defi_start(&r->defi);
	if (l->n_scenes == 0) {
		r->scene = 0;
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
		if (++r->line < runner_scene(r)->n_lines)
			break;
		if (r->defi_scene >= 0) {	/* the replay is over: back to the défi */
			r->scene = r->defi_scene;
			r->defi_scene = -1;
			defi_advance(r, 0);
		} else {
			after_lines(r, 0);
		}
		break;
	case RS_FEEDBACK:
		start_questions(r, 0);
		break;
	case RS_QUESTION:
		/* Going on is only possible once the question is settled. */
		if (r->verdict != VERDICT_RIGHT && r->verdict != VERDICT_EXPLAIN)
			break;
		if (runner_scene(r)->pick_all)
			next_question(r);
		else
			defi_advance(r, 0);
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
	bool right = item_check(it, resp);
	r->measured = r->tries == 0;
	if (r->measured) {	/* a first try measures the pupil; a retry after a hint does not */
		double b, g;
		learner_item_params(it, &b, &g);
		if (r->pupil) {
			r->measure = learner_pupil_answer(r->prm, r->pupil, it->skill.s, b, g, right);
		} else {
			r->measure = (struct learner_step){0};
			r->measure.p = learner_predict(0, b, g);
		}
		int idx = (int)(it - r->lesson->items);
		if (idx >= 0 && idx < RUNNER_MAX_ITEMS) {
			r->seen[idx]++;
			r->last_seen[idx] = r->now;
		}
	}
	bool first = r->tries == 0;
	if (right) {
		r->points += r->tries == 0 ? 2 : 1;
		r->max_points += 2;
		r->verdict = VERDICT_RIGHT;
	} else if (++r->tries < 2) {
		r->verdict = VERDICT_HINT;
	} else {
		r->max_points += 2;
		r->verdict = VERDICT_EXPLAIN;
	}
	if (!runner_scene(r)->pick_all && (r->verdict == VERDICT_RIGHT || r->verdict == VERDICT_EXPLAIN))
		defi_answer(&r->defi, right && first);
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

void runner_learn(struct runner *r, const struct learner_params *prm, struct learner_pupil *pupil)
{
	r->prm = prm ? prm : learner_defaults();
	r->pupil = pupil;
}

void runner_seen(struct runner *r, const char *id, int seen, int64_t last)
{
	int idx = lesson_item_index(r->lesson, id);
	if (idx >= 0 && idx < RUNNER_MAX_ITEMS) {
		r->seen[idx] = seen;
		r->last_seen[idx] = last;
	}
}
