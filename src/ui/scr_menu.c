/* scr_menu.c — choosing a world (pack), then a lesson. Before the first frame
 * only the manifests are read; lesson files are read when a pack is opened. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pack/pack.h"
#include "ui/ui.h"
#include "xalloc.h"

struct menu {
	struct catalog *cat;
	int pack;		/* opened pack, -1 on the list of packs */
	int sel;
	struct lesson_entry *lessons;
	size_t n_lessons;
	char *error;
	int first_row;		/* row of the first item in the last frame */
};

/* Read the lessons of pack k (titles only matter here). */
static void open_pack(struct menu *m, int k)
{
	m->pack = k;
	m->sel = 0;
	m->lessons = catalog_lessons(m->cat->packs[k], &m->n_lessons);
}

/* Back to the list of packs. */
static void close_pack(struct menu *m)
{
	lesson_entries_free(m->lessons, m->n_lessons);
	m->lessons = NULL;
	m->n_lessons = 0;
	m->sel = m->pack > 0 ? m->pack : 0;
	m->pack = -1;
}

/* Number of items on the current list. */
static int item_count(const struct menu *m)
{
	return m->pack < 0 ? (int)m->cat->n : (int)m->n_lessons;
}

static void menu_draw(struct ui *ui, void *st)
{
	struct menu *m = st;
	const struct term *t = &ui->t;
	const char *help = m->pack < 0 ? _("↑↓ or a number: choose    Enter: open    Esc: quit")
				       : _("↑↓ or a number: choose    Enter: play    Esc: back");
	paint_frame(t, "Déclic", NULL, help);
	int x = t->cols >= 80 ? (t->cols - 76) / 2 : 2, w = t->cols - 2 * x;
	if (m->cat->n == 0) {
		paint_wrapped(t, 3, x, w, 4,
			      m->cat->problems
				      ? _("The content packs cannot be read: run  declic check  on the content folder.")
				      : _("No content pack found. Give the content folder with --content DIR."),
			      ROLE_TRY);
		return;
	}
	const char *heading = m->pack < 0 ? _("Choose a world") : m->cat->packs[m->pack]->title.s;
	paint_text(t, 2, x, w, heading, ROLE_GOOD);
	if (m->pack >= 0 && m->cat->packs[m->pack]->description.s)
		paint_wrapped(t, 3, x, w, 2, m->cat->packs[m->pack]->description.s, ROLE_DIM);
	int y = 6;
	m->first_row = y;
	int n = item_count(m);
	for (int i = 0; i < n && y < t->rows - 3; i++, y++) {
		const char *title = m->pack < 0 ? m->cat->packs[i]->title.s : m->lessons[i].title;
		char num[24];
		snprintf(num, sizeof num, "%d.", i + 1);
		enum ui_role role = i == m->sel ? ROLE_SELECT : ROLE_TEXT;
		paint_text(t, y, x, 2, i == m->sel ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		int tx = x + 2 + paint_text(t, y, x + 2, 4, num, role) + 1;
		int used = paint_text(t, y, tx, x + w - tx, title, role);
		if (m->pack >= 0 && m->lessons[i].broken)
			paint_text(t, y, tx + used + 1, x + w - tx - used - 1, _("(needs checking)"),
				   ROLE_TRY);
	}
	if (m->error)
		paint_wrapped(t, t->rows - 4, x, w, 2, m->error, ROLE_TRY);
	else if (m->cat->problems)
		paint_wrapped(t, t->rows - 4, x, w, 2,
			      _("Some packs have problems: run  declic check  on the content folder."),
			      ROLE_TRY);
}

/* Open the item at index i of the current list. */
static int menu_open(struct ui *ui, struct menu *m, int i)
{
	free(m->error);
	m->error = NULL;
	if (m->pack < 0) {
		open_pack(m, i);
		return R_REDRAW;
	}
	char *err = NULL;
	struct screen s = scr_play_new(ui, m->lessons[i].path, &err);
	if (!s.ops) {
		m->error = err;
		return R_REDRAW;
	}
	ui->next = s;
	return R_PUSH | R_REDRAW;
}

/* Leaving the list of worlds: back to the login for a guest (the menu was
 * opened from it, so a kiosk stays locked), else out of Déclic. */
static int leave(const struct ui *ui)
{
	return ui->depth > 1 ? R_POP : R_QUIT;
}

static int menu_handle(struct ui *ui, void *st, const struct key *k)
{
	struct menu *m = st;
	int n = item_count(m);
	switch (k->kind) {
	case K_UP:
	case K_DOWN:
		if (n)
			m->sel = (m->sel + (k->kind == K_UP ? n - 1 : 1)) % n;
		return R_REDRAW;
	case K_ENTER:
	case K_RIGHT:
		return n ? menu_open(ui, m, m->sel) : R_NONE;
	case K_CLICK: {
		int i = k->y - m->first_row;
		return i >= 0 && i < n ? menu_open(ui, m, i) : R_NONE;
	}
	case K_CHAR:
		if (k->ch >= '1' && k->ch <= '9' && k->ch - '1' < n)
			return menu_open(ui, m, (int)(k->ch - '1'));
		if ((k->ch == 'q' || k->ch == 'Q') && m->pack < 0)
			return leave(ui);
		return R_NONE;
	case K_ESC:
	case K_LEFT:
	case K_BACKSPACE:
		if (m->pack >= 0) {
			close_pack(m);
			return R_REDRAW;
		}
		return k->kind == K_ESC ? leave(ui) : R_NONE;
	default:
		return R_NONE;
	}
}

static void menu_leave(void *st)
{
	struct menu *m = st;
	close_pack(m);
	free(m->error);
	free(m);
}

static const struct screen_ops menu_ops = {"menu", menu_draw, menu_handle, menu_leave, NULL};

struct screen scr_menu_new(struct catalog *cat)
{
	struct menu *m = xcalloc(1, sizeof *m);
	m->cat = cat;
	m->pack = -1;
	return (struct screen){&menu_ops, m};
}
