/* loop.c — the main loop: one key, one reaction, one frame. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "i18n.h"
#include "ui/ui.h"

/* The "terminal too small" screen; the screen below keeps its state. */
static void draw_small(const struct term *t)
{
	erase();
	char need[64];
	/* TRANSLATORS: shown when the terminal is smaller than 60×20; keep it short. */
	snprintf(need, sizeof need, _("Need %d×%d, have %d×%d."), UI_MIN_COLS, UI_MIN_ROWS, t->cols,
		 t->rows);
	int y = t->rows / 2 - 1;
	paint_wrapped(t, y < 0 ? 0 : y, 0, t->cols, 2, _("Terminal too small"), ROLE_TRY);
	paint_wrapped(t, y + 2, 0, t->cols, 2, need, ROLE_TEXT);
}

/* Leave the top screen. */
static void pop(struct ui *ui)
{
	struct screen *s = &ui->stack[--ui->depth];
	s->ops->leave(s->st);
}

int ui_run(const struct app_options *opt, struct catalog *cat, struct store *store)
{
	struct ui ui = {.opt = opt, .cat = cat, .store = store};
	struct screen first;
	if (opt->lesson) {
		char *err = NULL;
		first = scr_play_new(&ui, opt->lesson, &err);
		if (!first.ops) {
			fprintf(stderr, "declic: %s\n", err);
			free(err);
			return 1;
		}
	} else if (store) {
		first = scr_home_new(&ui);
	} else {
		first = scr_menu_new(cat);
	}
	term_signals();
	const char *err = term_open(&ui.t, opt);
	if (err) {
		fprintf(stderr, "declic: %s\n", err);
		first.ops->leave(first.st);
		return 1;
	}
	ui.stack[ui.depth++] = first;
	/* Benchmarks stop after the first frame (tests/bench/startup.sh). */
	const char *bench = getenv("DECLIC_EXIT_AFTER_FIRST_FRAME");
	/* A new screen may start an animation: give it a first tick. */
	int ticking = 1;
	bool backed_up = false;
	while (ui.depth > 0) {
		struct screen *top = &ui.stack[ui.depth - 1];
		bool small = ui.t.rows < UI_MIN_ROWS || ui.t.cols < UI_MIN_COLS;
		if (small)
			draw_small(&ui.t);
		else
			top->ops->draw(&ui, top->st);
		refresh();
		if (bench && *bench)
			break;
		if (!small && top->ops->after && (top->ops->after(&ui, top->st) & R_REDRAW))
			continue;
		if (store && !backed_up) {	/* once a day, never before the first frame */
			store_backup_daily(store, time(NULL));
			backed_up = true;
		}
		struct key k = term_key(&ui.t, ticking ? 30 : -1);
		if (k.kind == K_HANGUP)
			break;
		if (k.kind == K_RESIZE) {	/* lay out again; resume any animation */
			ticking = 1;
			continue;
		}
		if (small) {	/* wait for the terminal to grow, without polling */
			ticking = 0;
			continue;
		}
		if (k.kind == K_TICK && !ticking)
			continue;
		int r = top->ops->handle(&ui, top->st, &k);
		ticking = r & (R_TICK | R_PUSH);
		if (r & R_QUIT)
			break;
		if (r & R_POP)
			pop(&ui);
		if ((r & R_PUSH) && ui.depth < UI_MAX_DEPTH)
			ui.stack[ui.depth++] = ui.next;
		else if (r & R_PUSH)
			ui.next.ops->leave(ui.next.st);
	}
	while (ui.depth > 0)
		pop(&ui);
	term_close();
	return 0;
}
