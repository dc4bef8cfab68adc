/* pack_lesson.c — reading a lesson file: scenes, choices, questions, recap. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "pack/pack.h"
#include "pack/pack_internal.h"
#include "xalloc.h"

/* What a scene reader needs: the scene and how many ways out it declared. */
struct scene_ctx {
	struct scene *s;
	int exits;
};

static void role_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct scene *s = ctx;
	struct str mood = {0};
	if (!yp_key_id(y, key, at))
		return;
	if (!yp_id(y, &mood))
		return;
	s->cast = xgrow(s->cast, &s->cap_cast, s->n_cast + 1, sizeof *s->cast);
	s->cast[s->n_cast++] = (struct role){{xstrdup(key), at}, mood};
}

static void line_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct line *ln = ctx;
	if (!strcmp(key, "who"))
		yp_id(y, &ln->who);
	else if (!strcmp(key, "mood"))
		yp_id(y, &ln->mood);
	else if (!strcmp(key, "text"))
		pack_read_text(y, &ln->text, ROOM_SPEECH);
	else
		yp_unknown(y, key, at);
}

static void line_elem(struct yp *y, size_t i, void *ctx)
{
	(void)i;
	struct scene *s = ctx;
	struct line ln = {0};
	static const char *const required[] = {"text", NULL};
	if (!yp_map(y, line_key, &ln, required) || !ln.text.s) {
		free(ln.who.s);
		free(ln.mood.s);
		free(ln.text.s);
		return;
	}
	if (ln.mood.s && !ln.who.s)
		yp_error(y, ln.mood.at, _("a mood needs a character ('who')"));
	s->lines = xgrow(s->lines, &s->cap_lines, s->n_lines + 1, sizeof *s->lines);
	s->lines[s->n_lines++] = ln;
}

/* A choice option being read, and whether it has a feedback key. */
struct option_ctx {
	struct choice_option *o;
	bool has_feedback;
};

static void option_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct option_ctx *oc = ctx;
	struct choice_option *o = oc->o;
	oc->has_feedback = oc->has_feedback || !strcmp(key, "feedback");
	if (!strcmp(key, "text"))
		pack_read_text(y, &o->text, ROOM_OPTION);
	else if (!strcmp(key, "goto"))
		yp_id(y, &o->go);
	else if (!strcmp(key, "good"))
		yp_bool(y, &o->good);
	else if (!strcmp(key, "feedback"))
		pack_read_text(y, &o->feedback, ROOM_SPEECH);
	else
		yp_unknown(y, key, at);
}

static void option_elem(struct yp *y, size_t i, void *ctx)
{
	(void)i;
	struct choice *c = ctx;
	static const char *const required[] = {"text", "goto", NULL};
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	struct option_ctx oc = {&c->v[c->n++], false};
	memset(oc.o, 0, sizeof *oc.o);
	oc.o->target = -1;
	struct pos at = yp_pos(y);
	if (yp_map(y, option_key, &oc, required) && !oc.has_feedback)
		yp_error(y, at, _("choice option without feedback"));
}

static void choice_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct choice *c = ctx;
	if (!strcmp(key, "prompt"))
		pack_read_text(y, &c->prompt, ROOM_PROMPT);
	else if (!strcmp(key, "options")) {
		struct pos oat = yp_pos(y);
		if (yp_seq(y, option_elem, c) && c->n == 0)
			yp_error(y, oat, _("a choice needs 2 to 4 options, not %zu"), c->n);
	} else
		yp_unknown(y, key, at);
}

static void scene_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct scene_ctx *sc = ctx;
	struct scene *s = sc->s;
	if (!strcmp(key, "id"))
		yp_id(y, &s->id);
	else if (!strcmp(key, "backdrop"))
		yp_id(y, &s->backdrop);
	else if (!strcmp(key, "cast")) {
		struct pos cat = yp_pos(y);
		if (yp_map(y, role_key, s, NULL) && s->n_cast > STAGE_MAX_CAST)
			yp_error(y, cat, _("%zu characters on stage (at most %d)"), s->n_cast,
				 STAGE_MAX_CAST);
	} else if (!strcmp(key, "lines"))
		yp_seq(y, line_elem, s);
	else if (!strcmp(key, "questions"))
		yp_strs(y, &s->questions);	/* unknown ids are reported by lesson_check */
	else if (!strcmp(key, "pick")) {
		struct str v = {0};
		if (yp_id(y, &v)) {
			if (!strcmp(v.s, "all"))
				s->pick_all = true;
			else if (strcmp(v.s, "adaptive"))
				yp_error(y, v.at, _("'pick' is adaptive or all, not '%s'"), v.s);
		}
		str_free(&v);
	} else if (!strcmp(key, "next")) {
		sc->exits++;
		if (yp_id(y, &s->next))
			s->exit = EXIT_NEXT;
	} else if (!strcmp(key, "choice")) {
		sc->exits++;
		static const char *const required[] = {"prompt", "options", NULL};
		struct pos cat = yp_pos(y);
		if (!yp_map(y, choice_key, &s->choice, required))
			return;
		s->exit = EXIT_CHOICE;
		if (s->choice.n == 1 || s->choice.n > 4)	/* 0 is reported where read */
			yp_error(y, cat, _("a choice needs 2 to 4 options, not %zu"), s->choice.n);
		bool good = false;
		for (size_t i = 0; i < s->choice.n; i++)
			good = good || s->choice.v[i].good;
		if (s->choice.n && !good)
			yp_error(y, cat, _("no option of this choice is good: true"));
	} else if (!strcmp(key, "end")) {
		sc->exits++;
		bool end = false;
		struct pos eat = yp_pos(y);
		if (yp_bool(y, &end)) {
			if (end)
				s->exit = EXIT_END;
			else
				yp_error(y, eat, _("'end' can only be true"));
		}
	} else
		yp_unknown(y, key, at);
}

static void scene_elem(struct yp *y, size_t i, void *ctx)
{
	(void)i;
	struct lesson *l = ctx;
	l->scenes = xgrow(l->scenes, &l->cap_scenes, l->n_scenes + 1, sizeof *l->scenes);
	struct scene_ctx sc = {&l->scenes[l->n_scenes++], 0};
	memset(sc.s, 0, sizeof *sc.s);
	sc.s->next_idx = -1;
	sc.s->at = yp_pos(y);
	static const char *const required[] = {"id", NULL};
	if (!yp_map(y, scene_key, &sc, required))
		return;
	const char *id = sc.s->id.s ? sc.s->id.s : "?";
	if (sc.exits == 0)
		yp_error(y, sc.s->at, _("scene '%s' has no way out: add next, choice or end"), id);
	if (sc.exits > 1) {
		yp_error(y, sc.s->at, _("scene '%s' has more than one way out (next, choice, end)"), id);
		l->graph_unsure = true;
	}
	if (sc.s->exit == EXIT_CHOICE && sc.s->choice.n < 2)
		l->graph_unsure = true;	/* reported where the options are read */
}

/* An item being read, with its raw answer until the kind is known. */
struct item_ctx {
	struct item *it;
	struct str kind;
	struct strv answer;
	bool has_pairs;
};

static void pair_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct item *it = ctx;
	struct str right = {0};
	if (!pack_read_text(y, &right, ROOM_OPTION))
		return;
	struct str left = {xstrdup(key), at};
	pack_check_room(y, &left, ROOM_OPTION);
	strv_push(&it->left, left);
	strv_push(&it->right, right);
}

static void item_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct item_ctx *ic = ctx;
	struct item *it = ic->it;
	struct str crcn = {0};
	if (!strcmp(key, "id"))
		yp_id(y, &it->id);
	else if (!strcmp(key, "kind"))
		yp_str(y, &ic->kind, NULL);
	else if (!strcmp(key, "skill"))
		yp_str(y, &it->skill, NULL);
	else if (!strcmp(key, "crcn")) {
		struct strv v = {0};
		pack_read_crcn(y, &v);
		if (v.n) {
			crcn = v.v[0];
			v.v[0].s = NULL;
			free(it->crcn.s);
			it->crcn = crcn;
		}
		strv_free(&v);
	} else if (!strcmp(key, "level")) {
		it->level_at = yp_pos(y);
		yp_int(y, &it->level, 1, 8);
	}
	else if (!strcmp(key, "difficulty"))
		it->has_difficulty = yp_num(y, &it->difficulty, -5, 5);
	else if (!strcmp(key, "prompt"))
		pack_read_text(y, &it->prompt, ROOM_PROMPT);
	else if (!strcmp(key, "options"))
		pack_read_texts(y, &it->options, ROOM_OPTION);
	else if (!strcmp(key, "answer"))
		yp_strs(y, &ic->answer);
	else if (!strcmp(key, "pairs"))
		ic->has_pairs = yp_map(y, pair_key, it, NULL) || it->left.n;
	else if (!strcmp(key, "hint"))
		pack_read_text(y, &it->hint, ROOM_SPEECH);
	else if (!strcmp(key, "explanation"))
		pack_read_text(y, &it->explanation, ROOM_SPEECH);
	else if (!strcmp(key, "reflex"))
		yp_bool(y, &it->reflex);
	else
		yp_unknown(y, key, at);
}

/* Parse s as an option number from 1 to n; -1 if it is not one. */
static int option_number(const char *s, size_t n)
{
	char *end;
	long v = strtol(s, &end, 10);
	return *s && *end == '\0' && v >= 1 && (size_t)v <= n ? (int)v - 1 : -1;
}

/* Interpret the raw answer now that the kind is known, and check the options. */
static void item_finish(struct yp *y, struct item_ctx *ic, struct pos at)
{
	struct item *it = ic->it;
	size_t nopt = it->options.n, nans = ic->answer.n;
	struct pos aat = nans ? ic->answer.v[0].at : at;
	bool wants_options = it->kind == ITEM_SINGLE || it->kind == ITEM_MULTIPLE ||
			     it->kind == ITEM_ORDER;
	size_t min_opt = it->kind == ITEM_ORDER ? 3 : 2;
	if (wants_options && (nopt < min_opt || nopt > ITEM_MAX_OPTIONS))
		yp_error(y, at, _("a question of kind %s needs %zu to %d options, not %zu"),
			 item_kind_name(it->kind), min_opt, ITEM_MAX_OPTIONS, nopt);
	if (!wants_options && nopt)
		yp_error(y, it->options.v[0].at, _("a question of kind %s has no options"),
			 item_kind_name(it->kind));
	if (it->kind == ITEM_MATCH && (it->left.n < 2 || it->left.n > ITEM_MAX_PAIRS))
		yp_error(y, at, _("a match question needs 2 to %d pairs, not %zu"), ITEM_MAX_PAIRS,
			 it->left.n);
	if (it->kind != ITEM_MATCH && ic->has_pairs)
		yp_error(y, at, _("only match questions have pairs"));
	switch (it->kind) {
	case ITEM_SINGLE:
	case ITEM_MULTIPLE:
		if (!nans || (it->kind == ITEM_SINGLE && nans != 1)) {
			yp_error(y, aat, it->kind == ITEM_SINGLE
						 ? _("a single question needs one answer number")
						 : _("a multiple question needs a list of answer numbers"));
			break;
		}
		for (size_t i = 0; i < nans && i < ITEM_MAX_OPTIONS; i++) {
			int k = option_number(ic->answer.v[i].s, nopt < ITEM_MAX_OPTIONS ? nopt : ITEM_MAX_OPTIONS);
			bool dup = false;
			for (size_t j = 0; j < it->n_answers; j++)
				dup = dup || it->answers[j] == k;
			if (k < 0 || dup)
				yp_error(y, ic->answer.v[i].at,
					 _("answer '%s' is not an option number from 1 to %zu"),
					 ic->answer.v[i].s, nopt);
			else
				it->answers[it->n_answers++] = k;
		}
		break;
	case ITEM_TRUEFALSE:
		if (nans != 1 || (strcmp(ic->answer.v[0].s, "true") && strcmp(ic->answer.v[0].s, "false")))
			yp_error(y, aat, _("a truefalse question needs answer: true or false"));
		else
			it->truth = !strcmp(ic->answer.v[0].s, "true");
		break;
	case ITEM_TEXT:
		if (!nans)
			yp_error(y, aat, _("a text question needs the accepted answers"));
		for (size_t i = 0; i < nans; i++) {
			if (!ic->answer.v[i].s[0])
				yp_error(y, ic->answer.v[i].at, _("an accepted answer is empty"));
			strv_push(&it->accepted, ic->answer.v[i]);
			ic->answer.v[i].s = NULL;
		}
		break;
	case ITEM_ORDER:
	case ITEM_MATCH:
		if (nans)
			yp_error(y, aat, _("a question of kind %s takes no 'answer'"),
				 item_kind_name(it->kind));
		break;
	}
}

static void item_elem(struct yp *y, size_t i, void *ctx)
{
	(void)i;
	static const char *const required[] = {"id", "kind", "skill", "crcn", "level", "prompt",
					       "hint", "explanation", NULL};
	struct lesson *l = ctx;
	l->items = xgrow(l->items, &l->cap_items, l->n_items + 1, sizeof *l->items);
	struct item *it = &l->items[l->n_items++];
	memset(it, 0, sizeof *it);
	it->at = yp_pos(y);
	struct item_ctx ic = {it, {0}, {0}, false};
	if (yp_map(y, item_key, &ic, required)) {
		bool known = false;
		for (int k = ITEM_SINGLE; ic.kind.s && k <= ITEM_MATCH; k++)
			if (!strcmp(ic.kind.s, item_kind_name((enum item_kind)k))) {
				it->kind = (enum item_kind)k;
				known = true;
			}
		if (ic.kind.s && !known)
			yp_error(y, ic.kind.at,
				 _("unknown question kind '%s' (single, multiple, truefalse, text, order or match)"),
				 ic.kind.s);
		if (known)
			item_finish(y, &ic, it->at);
	}
	str_free(&ic.kind);
	strv_free(&ic.answer);
}

static void ending_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct lesson *l = ctx;
	for (int e = 0; e < ENDING_COUNT; e++)
		if (!strcmp(key, ending_name((enum ending)e))) {
			pack_read_text(y, &l->endings[e], ROOM_SPEECH);
			return;
		}
	yp_unknown(y, key, at);
}

static void teacher_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct teacher_notes *t = ctx;
	if (!strcmp(key, "objective"))
		yp_str(y, &t->objective, NULL);
	else if (!strcmp(key, "crcn"))
		yp_str(y, &t->crcn, NULL);
	else if (!strcmp(key, "outline"))
		yp_strs(y, &t->outline);
	else if (!strcmp(key, "debate"))
		yp_strs(y, &t->debate);
	else if (!strcmp(key, "resources"))
		yp_strs(y, &t->resources);
	else
		yp_unknown(y, key, at);
}

static void lesson_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct lesson *l = ctx;
	if (!strcmp(key, "id"))
		yp_id(y, &l->id);
	else if (!strcmp(key, "title"))
		pack_read_text(y, &l->title, ROOM_TITLE);
	else if (!strcmp(key, "skill"))
		yp_str(y, &l->skill, NULL);
	else if (!strcmp(key, "crcn"))
		pack_read_crcn(y, &l->crcn);
	else if (!strcmp(key, "level"))
		yp_int(y, &l->level, 1, 8);
	else if (!strcmp(key, "minutes"))
		yp_int(y, &l->minutes, 1, 60);
	else if (!strcmp(key, "catchphrase"))
		pack_read_text(y, &l->catchphrase, ROOM_PROMPT);
	else if (!strcmp(key, "start"))
		yp_id(y, &l->start);
	else if (!strcmp(key, "scenes"))
		yp_seq(y, scene_elem, l);
	else if (!strcmp(key, "questions"))
		yp_seq(y, item_elem, l);
	else if (!strcmp(key, "recap")) {
		struct pos rat = yp_pos(y);
		if (pack_read_texts(y, &l->recap, ROOM_OPTION) &&
		    (l->recap.n < 1 || l->recap.n > 5))
			yp_error(y, rat, _("a recap has 1 to 5 lines, not %zu"), l->recap.n);
	} else if (!strcmp(key, "endings")) {
		static const char *const required[] = {"success", "partial", "failure", NULL};
		yp_map(y, ending_key, l, required);
	} else if (!strcmp(key, "teacher")) {
		static const char *const required[] = {"objective", NULL};
		yp_map(y, teacher_key, &l->teacher, required);
	} else
		yp_unknown(y, key, at);
}

/* Body of the lesson reader. */
static void lesson_body(struct yp *y, void *ctx)
{
	static const char *const required[] = {"id", "title", "skill", "crcn", "level",
					       "catchphrase", "scenes", "recap", "endings",
					       "teacher", NULL};
	yp_map(y, lesson_key, ctx, required);
}

struct lesson *pack_load_lesson(const char *path, const struct cast *cast,
				const struct backdrops *bd, struct diags *d)
{
	struct lesson *l = xcalloc(1, sizeof *l);
	l->file = xstrdup(path);
	l->start_idx = -1;
	/* A file that stopped half-read has nothing to cross-check. */
	if (!pack_with_file(path, d, lesson_body, l)) {
		lesson_free(l);
		return NULL;
	}
	lesson_check(l, cast, bd, d);
	return l;
}
