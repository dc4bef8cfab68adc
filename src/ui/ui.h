/* ui.h — the only part of Déclic that talks to the terminal (ncursesw).
 * Screens are ops tables: handle() reacts to a key and returns reaction flags,
 * draw() paints from the screen's state; only the main loop calls draw(). */
#ifndef DECLIC_UI_H
#define DECLIC_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "app.h"
#include "pack/catalog.h"
#include "store/store.h"

/* Smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

/* Colour roles; every one has a monochrome rendering too. */
enum ui_role { ROLE_TEXT, ROLE_TITLE, ROLE_DIM, ROLE_GOOD, ROLE_TRY, ROLE_SELECT,
	       ROLE_BUBBLE, ROLE_STAR, ROLE_COUNT };

struct term {
	bool color, utf8;
	bool console;		/* the Linux text console: a small UTF-8 font */
	int rows, cols;
};

/* Decorations, each drawn in the richest form the terminal can show. */
enum glyph { G_SELECT, G_STAR_ON, G_STAR_OFF, G_RIGHT, G_TAIL, G_BULLET, G_ARROW,
	     G_BOX_TL, G_BOX_TR, G_BOX_BL, G_BOX_BR, G_BOX_H, G_BOX_V, G_BAR_ON, G_BAR_OFF, G_COUNT };

/* One input event. */
enum key_kind { K_NONE, K_CHAR, K_ENTER, K_ESC, K_UP, K_DOWN, K_LEFT, K_RIGHT, K_BACKSPACE,
		K_TAB, K_PGUP, K_PGDN, K_CLICK, K_RESIZE, K_TICK, K_HANGUP };

struct key {
	enum key_kind kind;
	wchar_t ch;		/* K_CHAR */
	int y, x;		/* K_CLICK */
};

/* Reaction flags returned by handle(). */
enum {
	R_NONE = 0,
	R_REDRAW = 1,		/* repaint the screen */
	R_POP = 2,		/* leave this screen */
	R_QUIT = 4,		/* leave Déclic */
	R_PUSH = 8,		/* enter the screen left in ui->next */
	R_TICK = 16		/* animation running: wake up soon */
};

struct ui;

struct screen_ops {
	const char *name;
	void (*draw)(struct ui *ui, void *st);
	int (*handle)(struct ui *ui, void *st, const struct key *k);
	void (*leave)(void *st);	/* free the state */
	/* Optional: called once the frame is on screen; returns R_REDRAW to
	 * paint again. Writes to the database go here, never between a key and
	 * its echo. */
	int (*after)(struct ui *ui, void *st);
};

struct screen {
	const struct screen_ops *ops;
	void *st;
};

#define UI_MAX_DEPTH 8

struct ui {
	const struct app_options *opt;
	struct term t;
	struct screen stack[UI_MAX_DEPTH];
	int depth;
	struct screen next;	/* filled by a handler returning R_PUSH */
	struct catalog *cat;	/* the packs on offer */
	struct store *store;	/* progress database; NULL when nothing is kept */
};

/* term.c */
/* Open the terminal; NULL on success, else a message (for stderr). */
const char *term_open(struct term *t, const struct app_options *opt);
void term_close(void);
/* Wait for the next event; timeout_ms < 0 waits forever. */
struct key term_key(struct term *t, int timeout_ms);
/* Milliseconds of a monotonic clock. */
long term_now_ms(void);
/* Set up the signals: quit ones ignored, hang-up and termination flagged. */
void term_signals(void);
/* Attributes of a colour role (colour, or bold/reverse in monochrome). */
int term_attr(const struct term *t, enum ui_role role);

/* paint.c */
/* Paint text (UTF-8, untrusted) at y, x clipped to width columns; returns the
 * columns used. Control and bidi characters are neutralised, and on a
 * non-UTF-8 terminal the text is transliterated to ASCII. */
int paint_text(const struct term *t, int y, int x, int width, const char *s, enum ui_role role);
/* Paint wrapped text in a box of width columns from row y; at most max_rows
 * rows; returns the rows used. */
int paint_wrapped(const struct term *t, int y, int x, int width, int max_rows, const char *s,
		  enum ui_role role);
/* Rows that paint_wrapped would use. */
int paint_rows(int width, const char *s);
/* Draw a frame (rounded in UTF-8) with an optional title on its top edge. */
void paint_box(const struct term *t, int y, int x, int h, int w, const char *title,
	       enum ui_role role);
/* Paint multi-line art with its first row at y, showing only the rows from
 * clip_top to clip_bottom; leading spaces are transparent. */
void paint_art(const struct term *t, int y, int x, const char *art, int clip_top, int clip_bottom,
	       enum ui_role role);
/* Width and height of multi-line art. */
void art_size(const char *art, int *w, int *h);
/* Clear the screen and paint the title bar and the key help line. */
void paint_frame(const struct term *t, const char *title, const char *right, const char *help);
/* The text of a decoration on this terminal. */
const char *glyph(const struct term *t, enum glyph g);
/* Stars: n of 3 filled. */
void paint_stars(const struct term *t, int y, int x, int n);
/* A progress bar of w columns, percent full. */
void paint_bar(const struct term *t, int y, int x, int w, int percent);

/* widget.c */
/* A list shown a page of at most 9 rows at a time, so that digits 1-9 reach
 * every row on screen; arrows move, PgUp/PgDn or ←/→ turn pages, clicks pick. */
struct list_view {
	int n, sel;		/* rows, selected row */
	int per_page, first;	/* of the last frame */
	int first_y, x0, x1;	/* where the last frame put the rows */
};
/* Paint the rest of row i (after its number) at y, x, w columns. */
typedef void (*list_row_fn)(struct ui *ui, void *ctx, int i, int y, int x, int w, bool sel);
/* Paint the page holding the selection in rows y..y+h-1 (the last one tells
 * the page when there are several). */
void list_draw(struct ui *ui, struct list_view *lv, int y, int x, int w, int h, list_row_fn row,
	       void *ctx);
/* React to a key: the row picked (Enter, a digit, a click), else -1, with
 * *reaction set to R_REDRAW when the selection moved. */
int list_key(struct list_view *lv, const struct key *k, int *reaction);

/* Replace the message a screen shows (*slot) by a copy of msg; NULL clears. */
void ui_say(char **slot, const char *msg);

/* A one-line text field. */
struct field {
	char text[160];
	size_t max;		/* characters at most, 0 for no limit but the buffer */
	bool secret;		/* shown as stars */
	bool digits;		/* accepts digits only */
};
/* Edit the field with a key; true if the key was used. */
bool field_key(struct field *f, const struct key *k);
/* Paint the field at y, x in w columns, with a cursor mark. */
void field_draw(const struct term *t, const struct field *f, int y, int x, int w);

/* loop.c */
/* Run the interface until the pupil leaves; returns the exit status. With a
 * store, pupils log in and their progress is kept. */
int ui_run(const struct app_options *opt, struct catalog *cat, struct store *store);

/* Screens. */
/* The lesson menu (packs, then lessons). */
struct screen scr_menu_new(struct catalog *cat);
/* A lesson player for the lesson file at path; on failure .ops is NULL and
 * *err tells why (caller frees). */
struct screen scr_play_new(struct ui *ui, const char *path, char **err);
/* The same for a pupil: the run is kept in ui->store and resumes where the
 * pupil's last unfinished run of this lesson stopped. */
struct screen scr_play_pupil(struct ui *ui, const char *path, const char *pack, int64_t pupil,
			     int session, char **err);
/* "Mes réflexes": a short review of the given reflex items of a pupil; on
 * failure .ops is NULL and *err says why (caller frees). */
struct screen scr_review_new(struct ui *ui, int64_t pupil, int session, const struct store_review_card *cards,
			     size_t n, char **err);
/* Login: class, name, picture secret; first run: the welcome. */
struct screen scr_home_new(struct ui *ui);
/* "Mes missions" of a pupil. */
struct screen scr_map_new(struct ui *ui, int64_t pupil, int session);
/* Teacher mode; new_pin: the first run, where the PIN is chosen. */
struct screen scr_teacher_new(struct ui *ui, bool new_pin);

#endif
