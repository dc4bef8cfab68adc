/* scr_map.c — "Mes missions": the worlds (packs) and their lessons, with stars,
 * progress bars and a "Continue" that resumes the last unfinished lesson. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "i18n.h"
#include "ui/ui.h"
#include "xalloc.h"

struct map {
	int64_t pupil;
	int session;			/* the pupil's session (login) number */
	struct store_review_card *cards;	/* reflexes due for review */
	size_t n_cards;
	char *name;
	bool stale;			/* reload the progress before the next frame */
	struct store_lesson_progress *prog;
	size_t n_prog;
	int pack;			/* opened world, -1 on the list of worlds */
	struct lesson_entry *lessons;	/* of the opened world */
	size_t n_lessons;
	struct store_run resume;	/* the run "Continue" resumes (id 0: none) */
	int resume_pack;		/* its world, -1 if it is not on offer */
	char *resume_title;
	struct list_view list;
	char *message;
};

/* Progress of a lesson, or NULL if the pupil never opened it. */
static const struct store_lesson_progress *progress_of(const struct map *m, const char *pack,
						       const char *lesson)
{
	for (size_t i = 0; i < m->n_prog; i++)
		if (!strcmp(m->prog[i].pack, pack) && !strcmp(m->prog[i].lesson, lesson))
			return &m->prog[i];
	return NULL;
}

/* Index of the world with this id in the catalog, or -1. */
static int pack_index(const struct catalog *c, const char *id)
{
	for (size_t i = 0; i < c->n_pupils; i++)
		if (c->packs[i]->id.s && !strcmp(c->packs[i]->id.s, id))
			return (int)i;
	return -1;
}

/* Rows before the worlds: "Continue", then "My reflexes", when there are. */
static int extras(const struct map *m)
{
	return (m->resume_pack >= 0) + (m->n_cards > 0);
}

/* What row i of the worlds list is. */
enum { ROW_CONTINUE = -1, ROW_REFLEXES = -2 };
static int world_of(const struct map *m, int i)
{
	if (m->resume_pack >= 0 && i-- == 0)
		return ROW_CONTINUE;
	if (m->n_cards > 0 && i-- == 0)
		return ROW_REFLEXES;
	return i;
}

/* Read the pupil's progress and the run to continue. */
static void reload(struct ui *ui, struct map *m)
{
	store_progress_free(m->prog, m->n_prog);
	m->prog = NULL;
	m->n_prog = 0;
	store_run_clear(&m->resume);
	free(m->resume_title);
	m->resume_title = NULL;
	m->resume_pack = -1;
	store_review_cards_free(m->cards, m->n_cards);
	m->cards = NULL;
	m->n_cards = 0;
	enum store_rc rc = store_progress(ui->store, m->pupil, &m->prog, &m->n_prog);
	if (rc == STORE_OK)
		rc = store_review_due(ui->store, m->pupil, m->session, REVIEW_MIN, REVIEW_MAX, &m->cards,
				      &m->n_cards);
	if (rc == STORE_OK) {
		rc = store_run_resumable(ui->store, m->pupil, NULL, NULL, &m->resume);
		if (rc == STORE_ERR_NOTFOUND)
			rc = STORE_OK;
	}
	ui_say(&m->message, rc == STORE_OK ? NULL : store_strerror(rc));
	if (m->resume.id)
		m->resume_pack = pack_index(ui->cat, m->resume.pack);
	if (m->resume_pack >= 0) {
		size_t n;
		struct lesson_entry *v = catalog_lessons(ui->cat->packs[m->resume_pack], &n);
		for (size_t i = 0; i < n && !m->resume_title; i++)
			if (!strcmp(v[i].id, m->resume.lesson))
				m->resume_title = xstrdup(v[i].title);
		lesson_entries_free(v, n);
		if (!m->resume_title)
			m->resume_pack = -1;
	}
	/* A pupil's map holds the pupils' packs, not the teachers' ateliers. */
	m->list.n = m->pack < 0 ? (int)ui->cat->n_pupils + extras(m) : (int)m->n_lessons;
	m->stale = false;
}

/* Row i of the worlds: "Continue" and "My reflexes" first when there are. */
static void world_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct map *m = ctx;
	const struct term *t = &ui->t;
	enum ui_role role = sel ? ROLE_SELECT : ROLE_TEXT;
	char line[256];
	i = world_of(m, i);
	if (i == ROW_CONTINUE) {
		/* TRANSLATORS: %s is a lesson title, %d%% how far the pupil got. */
		snprintf(line, sizeof line, _("Continue: %s (%d%%)"), m->resume_title, m->resume.percent);
		paint_text(t, y, x, w, line, sel ? role : ROLE_GOOD);
		return;
	}
	if (i == ROW_REFLEXES) {
		/* TRANSLATORS: spaced review; %zu questions. */
		snprintf(line, sizeof line,
			 ngettext("My reflexes: %zu question to review", "My reflexes: %zu questions to review",
				  (unsigned long)m->n_cards),
			 m->n_cards);
		paint_text(t, y, x, w, line, sel ? role : ROLE_GOOD);
		return;
	}
	const struct pack *p = ui->cat->packs[i];
	int done = 0;
	for (size_t k = 0; k < m->n_prog; k++)
		if (!strcmp(m->prog[k].pack, p->id.s) && m->prog[k].status == LESSON_DONE)
			done++;
	paint_text(t, y, x, w - 24, p->title.s, role);
	char count[64];
	/* TRANSLATORS: lessons done out of the world's lessons. */
	snprintf(count, sizeof count, _("%d/%zu done"), done, p->lessons.n);
	paint_bar(t, y, x + w - 24, 10, p->lessons.n ? (int)(100 * done / (int)p->lessons.n) : 0);
	paint_text(t, y, x + w - 13, 13, count, ROLE_DIM);
}

/* Row i of the lessons of the opened world. */
static void lesson_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct map *m = ctx;
	const struct term *t = &ui->t;
	const struct lesson_entry *e = &m->lessons[i];
	const struct store_lesson_progress *pr =
		progress_of(m, ui->cat->packs[m->pack]->id.s, e->id);
	paint_text(t, y, x, w - 32, e->title, sel ? ROLE_SELECT : ROLE_TEXT);
	if (e->broken) {
		paint_text(t, y, x + w - 31, 31, _("(needs checking)"), ROLE_TRY);
		return;
	}
	paint_stars(t, y, x + w - 31, pr ? pr->best_stars : 0);
	paint_bar(t, y, x + w - 24, 10, pr ? pr->percent : 0);
	const char *status = !pr ? _("new") : pr->status == LESSON_DONE ? _("done") : _("in progress");
	paint_text(t, y, x + w - 12, 12, status, pr && pr->status == LESSON_DONE ? ROLE_GOOD : ROLE_DIM);
}

static void map_draw(struct ui *ui, void *st)
{
	struct map *m = st;
	const struct term *t = &ui->t;
	if (m->stale)
		reload(ui, m);
	char title[160];
	/* TRANSLATORS: the pupil's map; %s is the pupil's name. */
	snprintf(title, sizeof title, _("My missions — %s"), m->name);
	paint_frame(t, "Déclic", NULL,
		    m->pack < 0 ? _("↑↓ or a number: choose    Enter: open    Esc: change pupil")
				: _("↑↓ or a number: choose    Enter: play    Esc: back"));
	int x = t->cols >= 80 ? (t->cols - 76) / 2 : 2, w = t->cols - 2 * x;
	paint_text(t, 2, x, w, title, ROLE_GOOD);
	if (m->pack >= 0)
		paint_text(t, 3, x, w, ui->cat->packs[m->pack]->title.s, ROLE_TEXT);
	if (ui->cat->n_pupils == 0)
		paint_wrapped(t, 5, x, w, 3, _("No content pack found. Give the content folder with --content DIR."),
			      ROLE_TRY);
	list_draw(ui, &m->list, 5, x, w, t->rows - 9, m->pack < 0 ? world_row : lesson_row, m);
	if (m->message)
		paint_wrapped(t, t->rows - 4, x, w, 2, m->message, ROLE_TRY);
}

/* Enter screen s (a lesson or a review), or say why it cannot open (err,
 * freed here); the map is read again on the way back. */
static int enter(struct ui *ui, struct map *m, struct screen s, char *err)
{
	if (!s.ops) {
		ui_say(&m->message, err);
		free(err);
		return R_REDRAW;
	}
	ui->next = s;
	m->stale = true;
	return R_PUSH | R_REDRAW;
}

/* Play lesson path of world `pack` (resuming its unfinished run if any). */
static int play(struct ui *ui, struct map *m, const char *path, int pack)
{
	char *err = NULL;
	struct screen s = scr_play_pupil(ui, path, ui->cat->packs[pack]->id.s, m->pupil, m->session, &err);
	return enter(ui, m, s, err);
}

/* Open world k. */
static void open_world(struct ui *ui, struct map *m, int k)
{
	m->pack = k;
	m->lessons = catalog_lessons(ui->cat->packs[k], &m->n_lessons);
	m->list = (struct list_view){.n = (int)m->n_lessons};
}

/* Back to the worlds. */
static void close_world(struct map *m)
{
	lesson_entries_free(m->lessons, m->n_lessons);
	m->lessons = NULL;
	m->n_lessons = 0;
	m->pack = -1;
	m->list = (struct list_view){0};
	m->stale = true;
}

static int map_handle(struct ui *ui, void *st, const struct key *k)
{
	struct map *m = st;
	int reaction, i = list_key(&m->list, k, &reaction);
	if (i < 0) {
		if (k->kind == K_ESC || (k->kind == K_LEFT && m->pack >= 0 && m->list.n <= m->list.per_page)) {
			if (m->pack < 0)
				return R_POP;
			close_world(m);
			return R_REDRAW;
		}
		return reaction;
	}
	ui_say(&m->message, NULL);
	if (m->pack >= 0) {
		if (m->lessons[i].broken) {
			ui_say(&m->message, _("This lesson cannot be played: it needs checking."));
			return R_REDRAW;
		}
		return play(ui, m, m->lessons[i].path, m->pack);
	}
	i = world_of(m, i);
	if (i == ROW_REFLEXES) {
		char *err = NULL;
		struct screen s = scr_review_new(ui, m->pupil, m->session, m->cards, m->n_cards, &err);
		return enter(ui, m, s, err);
	}
	if (i == ROW_CONTINUE) {
		size_t n;
		int r = R_REDRAW;
		struct lesson_entry *v = catalog_lessons(ui->cat->packs[m->resume_pack], &n);
		for (size_t j = 0; j < n; j++)
			if (!strcmp(v[j].id, m->resume.lesson)) {
				r = play(ui, m, v[j].path, m->resume_pack);
				break;
			}
		lesson_entries_free(v, n);
		return r;
	}
	open_world(ui, m, i);
	return R_REDRAW;
}

static void map_leave(void *st)
{
	struct map *m = st;
	store_progress_free(m->prog, m->n_prog);
	lesson_entries_free(m->lessons, m->n_lessons);
	store_run_clear(&m->resume);
	store_review_cards_free(m->cards, m->n_cards);
	free(m->resume_title);
	free(m->name);
	free(m->message);
	free(m);
}

static const struct screen_ops map_ops = {"map", map_draw, map_handle, map_leave, NULL};

struct screen scr_map_new(struct ui *ui, int64_t pupil, int session)
{
	struct map *m = xcalloc(1, sizeof *m);
	struct store_pupil p = {0};
	m->pupil = pupil;
	m->session = session;
	m->pack = -1;
	m->resume_pack = -1;
	m->stale = true;
	m->name = xstrdup(store_pupil_get(ui->store, pupil, &p) == STORE_OK ? p.name : "");
	store_pupil_clear(&p);
	return (struct screen){&map_ops, m};
}
