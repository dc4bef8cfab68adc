/* scr_home.c — who is at the keyboard: the welcome of the first run, then the
 * class, the pupil's name and, when the class uses them, a picture secret.
 * No typing: arrows, digits and the mouse are enough. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "ui/ui.h"
#include "xalloc.h"

enum step { WELCOME, CLASSES, PUPILS, SECRET };

/* The nine pictures of the secret, laid out like the digits of a keypad. */
static const char *const animals[9] = {
	N_("cat"), N_("dog"), N_("rabbit"), N_("fish"), N_("bird"),
	N_("turtle"), N_("horse"), N_("mouse"), N_("owl"),
};

struct home {
	enum step step;
	bool stale;			/* reload the lists before the next frame */
	struct store_class *classes;
	size_t n_classes;
	struct store_pupil *pupils;
	size_t n_pupils;
	int cls;			/* class picked */
	struct list_view list;
	struct store_pupil pupil;	/* pupil picked (SECRET) */
	bool setting;			/* choosing a new secret */
	int first_pick;			/* first picture picked, -1 if none */
	char *message;			/* a problem or a hint to show */
	int grid_y, grid_x, cell_w;	/* where the pictures were drawn */
};

/* Reload classes (and the pupils of the open class) from the database. */
static void reload(struct ui *ui, struct home *h)
{
	store_classes_free(h->classes, h->n_classes);
	store_pupils_free(h->pupils, h->n_pupils);
	h->classes = NULL;
	h->pupils = NULL;
	h->n_classes = h->n_pupils = 0;
	bool pin = true;
	enum store_rc rc = store_pin_is_set(ui->store, &pin);
	if (rc == STORE_OK && !pin)	/* back from a first run left half-way */
		h->step = WELCOME;
	if (rc == STORE_OK)
		rc = store_classes(ui->store, &h->classes, &h->n_classes);
	if (rc == STORE_OK && h->step == PUPILS && h->cls < (int)h->n_classes)
		rc = store_pupils(ui->store, h->classes[h->cls].id, &h->pupils, &h->n_pupils);
	if (rc != STORE_OK)
		ui_say(&h->message, store_strerror(rc));
	if (h->step == PUPILS && h->cls >= (int)h->n_classes)
		h->step = CLASSES;
	h->list.n = h->step == WELCOME ? 2 : h->step == CLASSES ? (int)h->n_classes + 2
							       : (int)h->n_pupils + 1;
	h->stale = false;
}

/* Paint row i of the class list: the classes, then "guest" and "teacher". */
static void class_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct home *h = ctx;
	enum ui_role role = sel ? ROLE_SELECT : ROLE_TEXT;
	if (i < (int)h->n_classes)
		paint_text(&ui->t, y, x, w, h->classes[i].name, role);
	else if (i == (int)h->n_classes)
		paint_text(&ui->t, y, x, w, _("Guest: try a lesson (nothing is kept)"), sel ? role : ROLE_DIM);
	else
		paint_text(&ui->t, y, x, w, _("Teacher"), sel ? role : ROLE_DIM);
}

/* Paint row i of the pupil list: the pupils, then "back". */
static void pupil_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	struct home *h = ctx;
	if (i < (int)h->n_pupils)
		paint_text(&ui->t, y, x, w, h->pupils[i].name, sel ? ROLE_SELECT : ROLE_TEXT);
	else
		paint_text(&ui->t, y, x, w, _("Back to the classes"), sel ? ROLE_SELECT : ROLE_DIM);
}

/* Paint row i of the welcome: set up, or play as a guest. */
static void welcome_row(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel)
{
	(void)ctx;
	paint_text(&ui->t, y, x, w,
		   i == 0 ? _("I am the adult: choose the teacher code and create the class")
			  : _("Try a lesson as a guest (nothing is kept)"),
		   sel ? ROLE_SELECT : ROLE_TEXT);
}

/* The 3×3 pictures of the secret. */
static void draw_secret(struct ui *ui, struct home *h, int y, int x, int w)
{
	const struct term *t = &ui->t;
	paint_wrapped(t, y, x, w, 2,
		      h->setting ? _("Choose your secret: two pictures. Remember them well!")
				 : _("Your secret: pick your two pictures."),
		      ROLE_TEXT);
	h->cell_w = w / 3 < 22 ? w / 3 : 22;
	h->grid_y = y + 3;
	h->grid_x = x;
	for (int i = 0; i < 9; i++) {
		int cy = h->grid_y + (i / 3) * 2, cx = x + (i % 3) * h->cell_w;
		char cell[64];
		snprintf(cell, sizeof cell, "%d. %s", i + 1, _(animals[i]));
		bool on = i == h->first_pick, sel = i == h->list.sel;
		paint_text(t, cy, cx, 2, sel ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		paint_text(t, cy, cx + 2, h->cell_w - 3, cell, on ? ROLE_GOOD : sel ? ROLE_SELECT : ROLE_TEXT);
	}
}

static void home_draw(struct ui *ui, void *st)
{
	struct home *h = st;
	const struct term *t = &ui->t;
	if (h->stale)
		reload(ui, h);
	static const char *const helps[] = {
		[WELCOME] = N_("↑↓ or a number: choose    Enter: confirm"),
		[CLASSES] = N_("↑↓ or a number: choose your class    Enter: confirm"),
		[PUPILS] = N_("↑↓ or a number: choose your name    PgDn: more    Esc: back"),
		[SECRET] = N_("A number or the arrows and Enter: pick a picture    Esc: back"),
	};
	paint_frame(t, "Déclic", NULL, _(helps[h->step]));
	int x = t->cols >= 80 ? (t->cols - 76) / 2 : 2, w = t->cols - 2 * x;
	int top = 5, rows = t->rows - top - 4;
	switch (h->step) {
	case WELCOME:
		paint_text(t, 2, x, w, _("Welcome to Déclic!"), ROLE_GOOD);
		paint_wrapped(t, 3, x, w, 2,
			      _("To keep each pupil's progress, an adult first chooses a teacher code and creates a class."),
			      ROLE_TEXT);
		list_draw(ui, &h->list, 6, x, w, 2, welcome_row, h);
		break;
	case CLASSES:
		paint_text(t, 2, x, w, _("Hello! Choose your class."), ROLE_GOOD);
		if (h->n_classes == 0)
			paint_wrapped(t, 3, x, w, 1, _("No class yet: the teacher creates one."), ROLE_DIM);
		list_draw(ui, &h->list, top, x, w, rows, class_row, h);
		break;
	case PUPILS: {
		char head[160];
		/* TRANSLATORS: %s is the name of the class. */
		snprintf(head, sizeof head, _("Class %s: who are you?"), h->classes[h->cls].name);
		paint_text(t, 2, x, w, head, ROLE_GOOD);
		list_draw(ui, &h->list, top, x, w, rows, pupil_row, h);
		break;
	}
	case SECRET:
		paint_text(t, 2, x, w, h->pupil.name, ROLE_GOOD);
		draw_secret(ui, h, 3, x, w);
		break;
	}
	if (h->message)
		paint_wrapped(t, t->rows - 4, x, w, 2, h->message, ROLE_TRY);
}

/* Open a step with a fresh list. */
static int go(struct home *h, enum step s)
{
	h->step = s;
	h->list = (struct list_view){0};
	h->first_pick = -1;
	h->stale = true;
	return R_REDRAW;
}

/* The pupil is known: open their missions. */
static int enter_map(struct ui *ui, struct home *h)
{
	int session = 0;
	enum store_rc rc = store_session_begin(ui->store, h->pupil.id, time(NULL), &session);
	if (rc != STORE_OK) {	/* the missions still open; review needs the count */
		ui_say(&h->message, store_strerror(rc));
		session = 0;
	}
	ui->next = scr_map_new(ui, h->pupil.id, session);
	go(h, CLASSES);
	return R_PUSH | R_REDRAW;
}

/* A pupil was picked in the list. */
static int pick_pupil(struct ui *ui, struct home *h, int i)
{
	store_pupil_clear(&h->pupil);
	enum store_rc rc = store_pupil_get(ui->store, h->pupils[i].id, &h->pupil);
	if (rc != STORE_OK) {
		ui_say(&h->message, store_strerror(rc));
		return R_REDRAW;
	}
	if (!h->classes[h->cls].secrets)
		return enter_map(ui, h);
	h->setting = h->pupil.secret == 0;
	h->step = SECRET;
	h->list = (struct list_view){.n = 9};
	h->first_pick = -1;
	return R_REDRAW;
}

/* A picture of the secret was picked. */
static int pick_picture(struct ui *ui, struct home *h, int i)
{
	if (h->first_pick < 0 || h->first_pick == i) {
		h->first_pick = i;
		ui_say(&h->message, NULL);
		return R_REDRAW;
	}
	int secret = 1 << h->first_pick | 1 << i;
	h->first_pick = -1;
	if (h->setting) {
		enum store_rc rc = store_pupil_set_secret(ui->store, h->pupil.id, secret);
		if (rc != STORE_OK) {
			ui_say(&h->message, store_strerror(rc));
			return R_REDRAW;
		}
		return enter_map(ui, h);
	}
	if (secret == h->pupil.secret)
		return enter_map(ui, h);
	ui_say(&h->message, _("That is not your secret. Try again, or ask your teacher."));
	return R_REDRAW;
}

/* Keys on the 3×3 pictures: digits, arrows, Enter, clicks. */
static int secret_key(struct ui *ui, struct home *h, const struct key *k)
{
	int sel = h->list.sel;
	switch (k->kind) {
	case K_CHAR:
		if (k->ch >= '1' && k->ch <= '9')
			return pick_picture(ui, h, h->list.sel = (int)(k->ch - '1'));
		return R_NONE;
	case K_ENTER:
		return pick_picture(ui, h, sel);
	case K_LEFT:
	case K_RIGHT:
		h->list.sel = sel / 3 * 3 + (sel % 3 + (k->kind == K_LEFT ? 2 : 1)) % 3;
		return R_REDRAW;
	case K_UP:
	case K_DOWN:
		h->list.sel = (sel + (k->kind == K_UP ? 6 : 3)) % 9;
		return R_REDRAW;
	case K_CLICK: {
		int r = k->y - h->grid_y, c = h->cell_w ? (k->x - h->grid_x) / h->cell_w : -1;
		if (r >= 0 && r < 6 && r % 2 == 0 && c >= 0 && c < 3 && k->x >= h->grid_x)
			return pick_picture(ui, h, h->list.sel = r / 2 * 3 + c);
		return R_NONE;
	}
	case K_ESC:
	case K_BACKSPACE:
		return go(h, PUPILS);
	default:
		return R_NONE;
	}
}

static int home_handle(struct ui *ui, void *st, const struct key *k)
{
	struct home *h = st;
	if (h->step == SECRET)
		return secret_key(ui, h, k);
	int reaction, i = list_key(&h->list, k, &reaction);
	if (i < 0) {
		if (k->kind == K_ESC && h->step == PUPILS)
			return go(h, CLASSES);
		if ((k->kind == K_ESC || (k->kind == K_CHAR && (k->ch == 'q' || k->ch == 'Q'))) &&
		    h->step != PUPILS) {
			if (!ui->opt->kiosk)
				return R_QUIT;
			ui_say(&h->message, _("To leave Déclic, the teacher opens teacher mode."));
			return R_REDRAW;
		}
		return reaction;
	}
	ui_say(&h->message, NULL);
	switch (h->step) {
	case WELCOME:
		if (i == 0) {
			ui->next = scr_teacher_new(ui, true);
			go(h, CLASSES);
			return R_PUSH | R_REDRAW;
		}
		ui->next = scr_menu_new(ui->cat);
		return R_PUSH | R_REDRAW;
	case CLASSES:
		if (i < (int)h->n_classes) {
			h->cls = i;
			return go(h, PUPILS);
		}
		if (i == (int)h->n_classes) {
			ui->next = scr_menu_new(ui->cat);
		} else {
			ui->next = scr_teacher_new(ui, false);
			h->stale = true;
		}
		return R_PUSH | R_REDRAW;
	case PUPILS:
		if (i < (int)h->n_pupils)
			return pick_pupil(ui, h, i);
		return go(h, CLASSES);
	default:
		return R_NONE;
	}
}

static void home_leave(void *st)
{
	struct home *h = st;
	store_classes_free(h->classes, h->n_classes);
	store_pupils_free(h->pupils, h->n_pupils);
	store_pupil_clear(&h->pupil);
	free(h->message);
	free(h);
}

static const struct screen_ops home_ops = {"home", home_draw, home_handle, home_leave, NULL};

struct screen scr_home_new(struct ui *ui)
{
	struct home *h = xcalloc(1, sizeof *h);
	bool set = true;
	enum store_rc rc = store_pin_is_set(ui->store, &set);
	go(h, rc == STORE_OK && !set ? WELCOME : CLASSES);
	if (rc != STORE_OK)
		ui_say(&h->message, store_strerror(rc));
	return (struct screen){&home_ops, h};
}
