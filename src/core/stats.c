/* stats.c — counting what a pack holds, and listing what pupils read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/stats.h"
#include "xalloc.h"

/* True if the string is there and not empty. */
static bool present(const struct str *s)
{
	return s->s && s->s[0];
}

/* Figures of one lesson. */
static void count_lesson(struct lesson_stats *ls, const struct lesson *l)
{
	memset(ls, 0, sizeof *ls);
	ls->lesson = l;
	ls->minutes = l->minutes > 0 ? (size_t)l->minutes : 0;
	ls->scenes = l->n_scenes;
	for (size_t i = 0; i < l->n_scenes; i++)
		if (l->scenes[i].exit == EXIT_CHOICE) {
			ls->choices++;
			ls->options += l->scenes[i].choice.n;
		}
	ls->items = l->n_items;
	for (size_t i = 0; i < l->n_items; i++) {
		const struct item *it = &l->items[i];
		ls->reflex += it->reflex;
		ls->untagged += !present(&it->skill) || !present(&it->crcn);
		ls->by_level[it->level >= 1 && it->level <= STATS_MAX_LEVEL ? it->level : 0]++;
		if ((int)it->kind >= 0 && (int)it->kind < STATS_KINDS)
			ls->by_kind[it->kind]++;
	}
	ls->objective = present(&l->teacher.objective);
	ls->notes_crcn = present(&l->teacher.crcn);
	ls->outline = l->teacher.outline.n;
	ls->debate = l->teacher.debate.n;
	ls->resources = l->teacher.resources.n;
	ls->catchphrase = present(&l->catchphrase);
	ls->recap = l->recap.n;
}

/* Add the figures of a lesson to a total. */
static void add(struct lesson_stats *t, const struct lesson_stats *ls)
{
	t->minutes += ls->minutes;
	t->scenes += ls->scenes;
	t->choices += ls->choices;
	t->options += ls->options;
	t->items += ls->items;
	t->reflex += ls->reflex;
	t->untagged += ls->untagged;
	for (int i = 0; i <= STATS_MAX_LEVEL; i++)
		t->by_level[i] += ls->by_level[i];
	for (int i = 0; i < STATS_KINDS; i++)
		t->by_kind[i] += ls->by_kind[i];
	t->objective += ls->objective;
	t->notes_crcn += ls->notes_crcn;
	t->outline += ls->outline;
	t->debate += ls->debate;
	t->resources += ls->resources;
	t->catchphrase += ls->catchphrase;
	t->recap += ls->recap;
}

void stats_count(struct pack_stats *s, const struct pack *p, struct lesson *const *lessons,
		 size_t n)
{
	memset(s, 0, sizeof *s);
	s->pack = p;
	s->listed = n;
	s->v = xcalloc(n + 1, sizeof *s->v);
	for (size_t i = 0; i < n; i++) {
		if (!lessons[i]) {
			s->unreadable++;
			continue;
		}
		count_lesson(&s->v[s->n], lessons[i]);
		add(&s->total, &s->v[s->n]);
		s->n++;
	}
}

void stats_free(struct pack_stats *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* Call fn for each string of a list. */
static void each(const struct strv *v, const char *field,
		 void (*fn)(const char *, const struct str *, void *), void *ctx)
{
	for (size_t i = 0; i < v->n; i++)
		fn(field, &v->v[i], ctx);
}

/* Call fn for the string if it is there. */
static void one(const struct str *s, const char *field,
		void (*fn)(const char *, const struct str *, void *), void *ctx)
{
	if (s->s)
		fn(field, s, ctx);
}

void stats_pupil_texts(const struct lesson *l,
		       void (*fn)(const char *field, const struct str *text, void *ctx), void *ctx)
{
	for (size_t i = 0; i < l->n_scenes; i++) {
		const struct scene *s = &l->scenes[i];
		for (size_t k = 0; k < s->n_lines; k++)
			one(&s->lines[k].text, "line", fn, ctx);
		one(&s->choice.prompt, "choice", fn, ctx);
		for (size_t k = 0; k < s->choice.n; k++) {
			one(&s->choice.v[k].text, "option", fn, ctx);
			one(&s->choice.v[k].feedback, "feedback", fn, ctx);
		}
	}
	for (size_t i = 0; i < l->n_items; i++) {
		const struct item *it = &l->items[i];
		one(&it->prompt, "prompt", fn, ctx);
		each(&it->options, "option", fn, ctx);
		for (size_t k = 0; k < it->left.n; k++) {
			one(&it->left.v[k], "option", fn, ctx);
			one(&it->right.v[k], "option", fn, ctx);
		}
		one(&it->hint, "hint", fn, ctx);
		one(&it->explanation, "explanation", fn, ctx);
	}
	each(&l->recap, "recap", fn, ctx);
	one(&l->catchphrase, "catchphrase", fn, ctx);
	for (int e = 0; e < ENDING_COUNT; e++)
		one(&l->endings[e], "ending", fn, ctx);
}
