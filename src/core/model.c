/* model.c — lookups and destructors of the content model. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "xalloc.h"

void strv_push(struct strv *l, struct str s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

void str_free(struct str *s)
{
	free(s->s);
	s->s = NULL;
}

void strv_free(struct strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		str_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* True if the string s is set and equals id. */
static bool is(const struct str *s, const char *id)
{
	return s->s && strcmp(s->s, id) == 0;
}

int lesson_scene_index(const struct lesson *l, const char *id)
{
	for (size_t i = 0; i < l->n_scenes; i++)
		if (is(&l->scenes[i].id, id))
			return (int)i;
	return -1;
}

int lesson_item_index(const struct lesson *l, const char *id)
{
	for (size_t i = 0; i < l->n_items; i++)
		if (is(&l->items[i].id, id))
			return (int)i;
	return -1;
}

const struct character *cast_find(const struct cast *c, const char *id)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (is(&c->v[i].id, id))
			return &c->v[i];
	return NULL;
}

const struct mood *character_mood(const struct character *ch, const char *id)
{
	for (size_t i = 0; ch && i < ch->n_moods; i++)
		if (is(&ch->moods[i].id, id))
			return &ch->moods[i];
	return NULL;
}

const struct backdrop *backdrops_find(const struct backdrops *b, const char *id)
{
	for (size_t i = 0; b && i < b->n; i++)
		if (is(&b->v[i].id, id))
			return &b->v[i];
	return NULL;
}

const char *item_kind_name(enum item_kind k)
{
	static const char *const names[] = {"single", "multiple", "truefalse",
					    "text", "order", "match"};
	return (size_t)k < sizeof names / sizeof names[0] ? names[k] : NULL;
}

const char *ending_name(enum ending e)
{
	static const char *const names[] = {"success", "partial", "failure"};
	return names[e];
}

/* Free one scene's contents. */
static void scene_free(struct scene *s)
{
	str_free(&s->id);
	str_free(&s->backdrop);
	str_free(&s->next);
	for (size_t i = 0; i < s->n_cast; i++) {
		str_free(&s->cast[i].who);
		str_free(&s->cast[i].mood);
	}
	free(s->cast);
	for (size_t i = 0; i < s->n_lines; i++) {
		str_free(&s->lines[i].who);
		str_free(&s->lines[i].mood);
		str_free(&s->lines[i].text);
	}
	free(s->lines);
	strv_free(&s->questions);
	free(s->question_idx);
	str_free(&s->choice.prompt);
	for (size_t i = 0; i < s->choice.n; i++) {
		str_free(&s->choice.v[i].text);
		str_free(&s->choice.v[i].go);
		str_free(&s->choice.v[i].feedback);
	}
	free(s->choice.v);
}

/* Free one item's contents. */
static void item_free(struct item *it)
{
	struct str *strs[] = {&it->id, &it->skill, &it->crcn, &it->prompt, &it->hint,
			      &it->explanation};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		str_free(strs[i]);
	strv_free(&it->options);
	strv_free(&it->accepted);
	strv_free(&it->left);
	strv_free(&it->right);
}

void lesson_free(struct lesson *l)
{
	if (!l)
		return;
	free(l->file);
	struct str *strs[] = {&l->id, &l->title, &l->skill, &l->catchphrase, &l->start,
			      &l->teacher.objective, &l->teacher.crcn};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		str_free(strs[i]);
	for (int e = 0; e < ENDING_COUNT; e++)
		str_free(&l->endings[e]);
	strv_free(&l->crcn);
	strv_free(&l->recap);
	strv_free(&l->teacher.outline);
	strv_free(&l->teacher.debate);
	strv_free(&l->teacher.resources);
	for (size_t i = 0; i < l->n_scenes; i++)
		scene_free(&l->scenes[i]);
	free(l->scenes);
	for (size_t i = 0; i < l->n_items; i++)
		item_free(&l->items[i]);
	free(l->items);
	free(l);
}

void cast_free(struct cast *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		str_free(&c->v[i].id);
		str_free(&c->v[i].name);
		for (size_t m = 0; m < c->v[i].n_moods; m++) {
			str_free(&c->v[i].moods[m].id);
			str_free(&c->v[i].moods[m].art);
		}
		free(c->v[i].moods);
	}
	free(c->v);
	free(c->file);
	free(c);
}

void backdrops_free(struct backdrops *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		str_free(&b->v[i].id);
		str_free(&b->v[i].art);
	}
	free(b->v);
	free(b->file);
	free(b);
}

void pack_free(struct pack *p)
{
	if (!p)
		return;
	free(p->dir);
	free(p->file);
	struct str *strs[] = {&p->id, &p->title, &p->language, &p->theme, &p->audience,
			      &p->description};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		str_free(strs[i]);
	strv_free(&p->sources);
	strv_free(&p->lessons);
	free(p);
}

/* A copy of a string from a file (NULL stays NULL). */
static struct str str_copy(struct str s)
{
	return (struct str){s.s ? xstrdup(s.s) : NULL, s.at};
}

/* A copy of a list of strings. */
static struct strv strv_copy(const struct strv *l)
{
	struct strv c = {0};
	for (size_t i = 0; i < l->n; i++)
		strv_push(&c, str_copy(l->v[i]));
	return c;
}

struct lesson *lesson_review_new(const char *id, const char *title, const struct item *const *items,
				 const char *const *ids, size_t n, const char *const endings[ENDING_COUNT])
{
	struct lesson *l = xcalloc(1, sizeof *l);
	l->id.s = xstrdup(id);
	l->title.s = xstrdup(title);
	l->catchphrase.s = xstrdup("");
	l->level = 1;
	for (int e = 0; e < ENDING_COUNT; e++)
		l->endings[e].s = xstrdup(endings[e]);
	l->items = xcalloc(n + 1, sizeof *l->items);
	l->n_items = l->cap_items = n;
	l->scenes = xcalloc(1, sizeof *l->scenes);
	l->n_scenes = l->cap_scenes = 1;
	struct scene *s = &l->scenes[0];
	s->id.s = xstrdup("review");
	s->exit = EXIT_END;
	s->next_idx = -1;
	s->pick_all = true;
	s->question_idx = xcalloc(n + 1, sizeof *s->question_idx);
	for (size_t i = 0; i < n; i++) {
		const struct item *src = items[i];
		struct item *it = &l->items[i];
		*it = *src;
		it->id.s = xstrdup(ids[i]);
		it->skill = str_copy(src->skill);
		it->crcn = str_copy(src->crcn);
		it->prompt = str_copy(src->prompt);
		it->hint = str_copy(src->hint);
		it->explanation = str_copy(src->explanation);
		it->options = strv_copy(&src->options);
		it->accepted = strv_copy(&src->accepted);
		it->left = strv_copy(&src->left);
		it->right = strv_copy(&src->right);
		strv_push(&s->questions, (struct str){xstrdup(ids[i]), {0, 0}});
		s->question_idx[i] = (int)i;
	}
	l->start_idx = 0;
	return l;
}
