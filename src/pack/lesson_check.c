/* lesson_check.c — cross-references and the scene graph of a lesson. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/runner.h"
#include "i18n.h"
#include "pack/pack.h"
#include "xalloc.h"

/* Report an error in the lesson file. */
#define ERR(at, ...) diag_add(d, l->file, (at), __VA_ARGS__)

/* Report duplicate scene and question identifiers; returns how many scenes
 * are duplicates. */
static size_t check_duplicates(struct lesson *l, struct diags *d)
{
	size_t dup_scenes = 0;
	for (size_t i = 0; i < l->n_scenes; i++)
		for (size_t j = 0; j < i && l->scenes[i].id.s; j++)
			if (l->scenes[j].id.s && !strcmp(l->scenes[i].id.s, l->scenes[j].id.s)) {
				ERR(l->scenes[i].id.at, _("duplicate scene '%s' (first at line %u)"),
				    l->scenes[i].id.s, l->scenes[j].id.at.line);
				dup_scenes++;
				break;
			}
	for (size_t i = 0; i < l->n_items; i++)
		for (size_t j = 0; j < i && l->items[i].id.s; j++)
			if (l->items[j].id.s && !strcmp(l->items[i].id.s, l->items[j].id.s)) {
				ERR(l->items[i].id.at, _("duplicate question '%s' (first at line %u)"),
				    l->items[i].id.s, l->items[j].id.at.line);
				break;
			}
	return dup_scenes;
}

/* Resolve a scene reference; report it if unknown. */
static int resolve_scene(struct lesson *l, const struct str *ref, struct diags *d)
{
	int idx = lesson_scene_index(l, ref->s);
	if (idx < 0)
		ERR(ref->at, _("unknown scene '%s'"), ref->s);
	return idx;
}

/* Resolve next, goto, start and questions; returns how many scene links are
 * broken. */
static size_t resolve(struct lesson *l, struct diags *d)
{
	size_t broken = 0;
	l->start_idx = l->start.s ? resolve_scene(l, &l->start, d) : (l->n_scenes ? 0 : -1);
	for (size_t i = 0; i < l->n_scenes; i++) {
		struct scene *s = &l->scenes[i];
		if (s->exit == EXIT_NEXT && (s->next_idx = resolve_scene(l, &s->next, d)) < 0)
			broken++;
		for (size_t k = 0; k < s->choice.n; k++)
			if (s->choice.v[k].go.s &&
			    (s->choice.v[k].target = resolve_scene(l, &s->choice.v[k].go, d)) < 0)
				broken++;
		free(s->question_idx);
		s->question_idx = xmalloc((s->questions.n + 1) * sizeof *s->question_idx);
		for (size_t k = 0; k < s->questions.n; k++) {
			s->question_idx[k] = lesson_item_index(l, s->questions.v[k].s);
			if (s->question_idx[k] < 0)
				ERR(s->questions.v[k].at, _("unknown question '%s'"),
				    s->questions.v[k].s);
			else if (s->question_idx[k] >= RUNNER_MAX_ITEMS)
				ERR(s->questions.v[k].at, _("a lesson has at most %d questions"),
				    RUNNER_MAX_ITEMS);
		}
		if (s->questions.n > RUNNER_MAX_POOL)
			ERR(s->questions.v[RUNNER_MAX_POOL].at, _("a scene has at most %d questions"),
			    RUNNER_MAX_POOL);
	}
	return broken + (l->start.s && l->start_idx < 0);
}

/* Scenes a scene can lead to: its next, or its options' targets. */
static size_t successors(const struct scene *s, int *out)
{
	size_t n = 0;
	if (s->exit == EXIT_NEXT && s->next_idx >= 0)
		out[n++] = s->next_idx;
	if (s->exit == EXIT_CHOICE)
		for (size_t k = 0; k < s->choice.n; k++)
			if (s->choice.v[k].target >= 0)
				out[n++] = s->choice.v[k].target;
	return n;
}

/* Report scenes unreachable from the start, and scenes with no way to an end. */
static void check_graph(struct lesson *l, struct diags *d)
{
	size_t n = l->n_scenes;
	if (n == 0 || l->start_idx < 0)
		return;
	bool *seen = xcalloc(n, sizeof *seen), *ends = xcalloc(n, sizeof *ends);
	size_t width = 1, top = 0;
	for (size_t i = 0; i < n; i++)
		if (l->scenes[i].choice.n > width)
			width = l->scenes[i].choice.n;
	int *stack = xmalloc(n * sizeof *stack), *succ = xmalloc(width * sizeof *succ);
	seen[l->start_idx] = true;
	stack[top++] = l->start_idx;
	while (top) {
		const struct scene *s = &l->scenes[stack[--top]];
		size_t k = successors(s, succ);
		for (size_t j = 0; j < k; j++)
			if (!seen[succ[j]]) {
				seen[succ[j]] = true;
				stack[top++] = succ[j];
			}
	}
	/* Scenes that reach an end: iterate to a fixed point (lessons are small). */
	for (size_t i = 0; i < n; i++)
		ends[i] = l->scenes[i].exit == EXIT_END;
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = 0; i < n; i++) {
			size_t k = successors(&l->scenes[i], succ);
			for (size_t j = 0; j < k && !ends[i]; j++)
				if (ends[succ[j]])
					ends[i] = changed = true;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct scene *s = &l->scenes[i];
		const char *id = s->id.s ? s->id.s : "?";
		if (!seen[i])
			ERR(s->at, _("scene '%s' cannot be reached from the start"), id);
		else if (!ends[i] && s->exit != EXIT_NONE)
			ERR(s->at, _("scene '%s' has no way to an ending"), id);
	}
	free(seen);
	free(ends);
	free(stack);
	free(succ);
}

/* Report unknown characters and moods, speakers not on stage, unknown backdrops. */
static void check_stage(struct lesson *l, const struct cast *cast, const struct backdrops *bd,
			struct diags *d)
{
	for (size_t i = 0; i < l->n_scenes; i++) {
		const struct scene *s = &l->scenes[i];
		if (bd && s->backdrop.s && !backdrops_find(bd, s->backdrop.s))
			ERR(s->backdrop.at, _("unknown backdrop '%s'"), s->backdrop.s);
		for (size_t r = 0; cast && r < s->n_cast; r++) {
			const struct character *ch = cast_find(cast, s->cast[r].who.s);
			if (!ch)
				ERR(s->cast[r].who.at, _("unknown character '%s'"), s->cast[r].who.s);
			else if (!character_mood(ch, s->cast[r].mood.s))
				ERR(s->cast[r].mood.at, _("unknown mood '%s' for character '%s'"),
				    s->cast[r].mood.s, s->cast[r].who.s);
		}
		for (size_t k = 0; k < s->n_lines; k++) {
			const struct line *ln = &s->lines[k];
			if (!ln->who.s)
				continue;
			bool on_stage = false;
			for (size_t r = 0; r < s->n_cast; r++)
				on_stage = on_stage || !strcmp(s->cast[r].who.s, ln->who.s);
			const struct character *ch = cast ? cast_find(cast, ln->who.s) : NULL;
			if (cast && !ch)
				ERR(ln->who.at, _("unknown character '%s'"), ln->who.s);
			else if (!on_stage)
				ERR(ln->who.at, _("'%s' speaks but is not in the scene's cast"),
				    ln->who.s);
			if (ch && ln->mood.s && !character_mood(ch, ln->mood.s))
				ERR(ln->mood.at, _("unknown mood '%s' for character '%s'"), ln->mood.s,
				    ln->who.s);
		}
	}
}

void lesson_check(struct lesson *l, const struct cast *cast, const struct backdrops *bd,
		  struct diags *d)
{
	size_t dups = check_duplicates(l, d);
	size_t broken = resolve(l, d);
	/* A broken link, a doubled scene or a doubled way out would make every
	 * scene after it look unreachable: report the cause alone. */
	if (!dups && !broken && !l->graph_unsure)
		check_graph(l, d);
	check_stage(l, cast, bd, d);
}
