/* pack_load.c — pack.yaml, cast.yaml, backdrops.yaml and lesson files. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "pack/pack.h"
#include "pack/pack_internal.h"
#include "pack/yp.h"
#include "xalloc.h"

int pack_room_lines(enum text_room room)
{
	switch (room) {
	case ROOM_SPEECH:
		return 4;
	case ROOM_PROMPT:
		return 3;
	case ROOM_OPTION:
		return 2;
	default:
		return 1;
	}
}

int pack_room_cols(enum text_room room)
{
	switch (room) {
	case ROOM_TITLE:
		return 40;
	case ROOM_OPTION:
		return LAYOUT_MIN_COLS - 8;
	default:
		return LAYOUT_MIN_COLS - 4;
	}
}

/* Report a text that does not fit its room on the smallest screen. */
void pack_check_room(struct yp *y, const struct str *s, enum text_room room)
{
	if (!s->s || room == ROOM_ANY)
		return;
	int cols = pack_room_cols(room), max = pack_room_lines(room);
	if (room == ROOM_TITLE) {
		int w = text_width(s->s);
		if (w > cols || strchr(s->s, '\n'))
			yp_error(y, s->at, _("title is %d columns wide (at most %d on one line)"), w,
				 cols);
		return;
	}
	struct text_lines tl = {0};
	int n = (int)text_wrap(s->s, cols, &tl);
	text_lines_free(&tl);
	if (n > max)
		yp_error(y, s->at,
			 _("text too long for the smallest screen: %d lines of %d columns (at most %d)"),
			 n, cols, max);
}

/* Read a text that must fit `room`. */
bool pack_read_text(struct yp *y, struct str *out, enum text_room room)
{
	if (!yp_str(y, out, NULL))
		return false;
	pack_check_room(y, out, room);
	return true;
}

/* Read a list of texts, each fitting `room`. */
bool pack_read_texts(struct yp *y, struct strv *out, enum text_room room)
{
	size_t before = out->n;
	if (!yp_strs(y, out))
		return false;
	for (size_t i = before; i < out->n; i++)
		pack_check_room(y, &out->v[i], room);
	return true;
}

/* Check art: at most max_rows lines of at most max_cols columns. */
static void check_art(struct yp *y, const struct str *art, int max_cols, int max_rows)
{
	int rows = 0;
	const char *p = art->s;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		int w = text_width_n(p, len);
		rows++;
		if (w > max_cols)
			yp_error(y, art->at, _("art line %d is %d columns wide (at most %d)"), rows, w,
				 max_cols);
		p += len + (e != NULL);
	}
	if (rows > max_rows)
		yp_error(y, art->at, _("art is %d lines tall (at most %d)"), rows, max_rows);
	if (rows == 0)
		yp_error(y, art->at, _("art is empty"));
}

/* True if code is a CRCN competence (1.1 to 5.2). */
static bool crcn_is_code(const char *code)
{
	static const char *const codes[] = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3",
					    "2.4", "3.1", "3.2", "3.3", "3.4", "4.1",
					    "4.2", "4.3", "5.1", "5.2"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(codes[i], code) == 0)
			return true;
	return false;
}

/* Read CRCN codes (one or a list) and check each. */
void pack_read_crcn(struct yp *y, struct strv *out)
{
	size_t before = out->n;
	if (!yp_strs(y, out))
		return;
	for (size_t i = before; i < out->n; i++)
		if (!crcn_is_code(out->v[i].s))
			yp_error(y, out->v[i].at, _("unknown CRCN competence '%s' (1.1 to 5.2)"),
				 out->v[i].s);
}

/* Run a whole-file reader: read, open, call body, close. */
bool pack_with_file(const char *path, struct diags *d,
		      void (*body)(struct yp *, void *), void *ctx)
{
	char *buf;
	size_t len;
	if (pack_read_file(path, &buf, &len, d) < 0)
		return false;
	struct yp y;
	if (yp_open(&y, path, buf, len, d))
		body(&y, ctx);
	yp_close(&y);
	free(buf);
	return !y.failed;
}

/* ---- pack.yaml ---- */

/* True if s is one of the NULL-terminated words. */
static bool one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

/* Read a word that must be one of `words`; `list` names them in the error. */
static void read_word(struct yp *y, struct str *out, const char *const *words, const char *list)
{
	if (yp_str(y, out, NULL) && !one_of(out->s, words))
		yp_error(y, out->at, _("'%s' is not one of: %s"), out->s, list);
}

static void manifest_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	static const char *const langs[] = {"fr", "en", NULL};
	static const char *const themes[] = {"donnees", "auteur", "harcelement", "atelier", NULL};
	static const char *const audiences[] = {"cycle2", "cycle3", "adults", NULL};
	struct pack *p = ctx;
	if (!strcmp(key, "format"))
		yp_int(y, &p->format, 1, 1);
	else if (!strcmp(key, "id"))
		yp_id(y, &p->id);
	else if (!strcmp(key, "title"))
		pack_read_text(y, &p->title, ROOM_TITLE);
	else if (!strcmp(key, "language"))
		read_word(y, &p->language, langs, "fr, en");
	else if (!strcmp(key, "theme"))
		read_word(y, &p->theme, themes, "donnees, auteur, harcelement, atelier");
	else if (!strcmp(key, "audience"))
		read_word(y, &p->audience, audiences, "cycle2, cycle3, adults");
	else if (!strcmp(key, "description"))
		pack_read_text(y, &p->description, ROOM_PROMPT);
	else if (!strcmp(key, "sources"))
		yp_strs(y, &p->sources);
	else if (!strcmp(key, "lessons")) {
		struct strv names = {0};
		yp_strs(y, &names);
		for (size_t i = 0; i < names.n; i++) {	/* never a path out of the pack */
			const char *f = names.v[i].s;
			size_t n = strlen(f);
			if (strchr(f, '/') || f[0] == '.' || n < 6 || strcmp(f + n - 5, ".yaml")) {
				yp_error(y, names.v[i].at,
					 _("'%s' is not a lesson file name of this folder (name.yaml)"),
					 f);
				str_free(&names.v[i]);
			} else {
				strv_push(&p->lessons, names.v[i]);
			}
		}
		free(names.v);
	} else
		yp_unknown(y, key, at);
}

/* Body of the manifest reader. */
static void manifest_body(struct yp *y, void *ctx)
{
	static const char *const required[] = {"format", "id", "title", "language", "theme",
					       "audience", "lessons", NULL};
	yp_map(y, manifest_key, ctx, required);
}

struct pack *pack_load(const char *dir, struct diags *d)
{
	struct pack *p = xcalloc(1, sizeof *p);
	p->dir = xstrdup(dir);
	p->file = xasprintf("%s/pack.yaml", dir);
	if (!pack_with_file(p->file, d, manifest_body, p)) {
		pack_free(p);
		return NULL;
	}
	return p;
}

/* ---- cast.yaml ---- */

static void mood_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct character *ch = ctx;
	if (!yp_key_id(y, key, at))
		return;
	struct str art = {0};
	if (!yp_str(y, &art, _("art (a block of text)")))
		return;
	check_art(y, &art, ART_MAX_COLS, ART_MAX_ROWS);
	ch->moods = xgrow(ch->moods, &ch->cap_moods, ch->n_moods + 1, sizeof *ch->moods);
	ch->moods[ch->n_moods++] = (struct mood){{xstrdup(key), at}, art};
}

static void character_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct character *ch = ctx;
	if (!strcmp(key, "name"))
		pack_read_text(y, &ch->name, ROOM_TITLE);
	else if (!strcmp(key, "moods")) {
		struct pos mat = yp_pos(y);
		if (yp_map(y, mood_key, ch, NULL) && !ch->n_moods)
			yp_error(y, mat, _("character '%s' has no mood"), ch->id.s);
	}
	else
		yp_unknown(y, key, at);
}

static void characters_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct cast *c = ctx;
	if (!yp_key_id(y, key, at))
		return;
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	struct character *ch = &c->v[c->n++];
	memset(ch, 0, sizeof *ch);
	ch->id = (struct str){xstrdup(key), at};
	static const char *const required[] = {"name", "moods", NULL};
	yp_map(y, character_key, ch, required);
}

static void cast_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	if (!strcmp(key, "characters"))
		yp_map(y, characters_key, ctx, NULL);
	else
		yp_unknown(y, key, at);
}

static void cast_body(struct yp *y, void *ctx)
{
	static const char *const required[] = {"characters", NULL};
	yp_map(y, cast_key, ctx, required);
}

struct cast *pack_load_cast(const char *path, struct diags *d)
{
	struct cast *c = xcalloc(1, sizeof *c);
	c->file = xstrdup(path);
	if (!pack_with_file(path, d, cast_body, c)) {
		cast_free(c);
		return NULL;
	}
	return c;
}

/* ---- backdrops.yaml ---- */

static void backdrop_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	struct backdrops *b = ctx;
	if (!yp_key_id(y, key, at))
		return;
	struct str art = {0};
	if (!yp_str(y, &art, _("art (a block of text)")))
		return;
	check_art(y, &art, BACKDROP_MAX_COLS, BACKDROP_MAX_ROWS);
	b->v = xgrow(b->v, &b->cap, b->n + 1, sizeof *b->v);
	b->v[b->n++] = (struct backdrop){{xstrdup(key), at}, art};
}

static void backdrops_key(struct yp *y, const char *key, struct pos at, void *ctx)
{
	if (!strcmp(key, "backdrops"))
		yp_map(y, backdrop_key, ctx, NULL);
	else
		yp_unknown(y, key, at);
}

static void backdrops_body(struct yp *y, void *ctx)
{
	static const char *const required[] = {"backdrops", NULL};
	yp_map(y, backdrops_key, ctx, required);
}

struct backdrops *pack_load_backdrops(const char *path, struct diags *d)
{
	struct backdrops *b = xcalloc(1, sizeof *b);
	b->file = xstrdup(path);
	if (!pack_with_file(path, d, backdrops_body, b)) {
		backdrops_free(b);
		return NULL;
	}
	return b;
}
