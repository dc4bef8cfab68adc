/* scr_play.c — a lesson on screen: the stage, speech bubbles, choices,
 * feedback, "À retenir" and the ending. Questions are in scr_quiz.c. */
#include "config.h"

#include <libgen.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/layout.h"
#include "core/text.h"
#include "i18n.h"
#include "pack/pack.h"
#include "ui/play.h"
#include "xalloc.h"

void play_hit_x(struct play *p, int y, int x0, int x1, int id)
{
	if (p->n_hits < PLAY_MAX_HITS)
		p->hits[p->n_hits++] = (struct hit){y, y, x0, x1, id};
}

void play_hit(struct play *p, int y0, int y1, int id)
{
	if (p->n_hits < PLAY_MAX_HITS)
		p->hits[p->n_hits++] = (struct hit){y0, y1, 0, 1 << 15, id};
}

int play_hit_at(const struct play *p, int y, int x)
{
	for (int i = 0; i < p->n_hits; i++)
		if (y >= p->hits[i].y0 && y <= p->hits[i].y1 && x >= p->hits[i].x0 &&
		    x <= p->hits[i].x1)
			return p->hits[i].id;
	return -1;
}

/* Width of bubbles and prompt boxes, and their left column. */
static int box_width(const struct term *t)
{
	return layout_box_cols(t->cols);
}

static int box_x(const struct term *t)
{
	return layout_box_x(t->cols);
}

/* Art of the cast member `role` of the current scene in its current mood. */
static const char *role_art(const struct play *p, size_t role)
{
	const struct scene *s = runner_scene(&p->r);
	const struct character *ch = cast_find(p->cast, s->cast[role].who.s);
	if (!ch || !ch->n_moods)
		return NULL;
	const struct mood *m = character_mood(ch, runner_mood(&p->r, role));
	return (m ? m : &ch->moods[0])->art.s;
}

/* Draw the backdrop and the characters between rows top and bottom; returns the
 * column under the centre of the cast member `speaker` (-1 if none). */
static int draw_stage(struct ui *ui, const struct play *p, int top, int bottom, int speaker)
{
	const struct term *t = &ui->t;
	const struct scene *s = runner_scene(&p->r);
	int rows = bottom - top + 1, art_h = 0, centre = -1;
	if (rows <= 0)
		return -1;
	for (size_t i = 0; i < s->n_cast; i++) {
		const char *art = role_art(p, i);
		int w, h;
		if (art) {
			art_size(art, &w, &h);
			art_h = h > art_h ? h : art_h;
		}
	}
	const struct backdrop *bd = s->backdrop.s ? backdrops_find(p->bd, s->backdrop.s) : NULL;
	if (bd && rows - art_h > 0) {
		int w, h;
		art_size(bd->art.s, &w, &h);
		paint_art(t, top, (t->cols - w) / 2, bd->art.s, top, top + rows - art_h - 1, ROLE_DIM);
	}
	if (art_h > rows || s->n_cast == 0)
		return -1;
	int slot = t->cols / (int)s->n_cast;
	for (size_t i = 0; i < s->n_cast; i++) {
		const char *art = role_art(p, i);
		if (!art)
			continue;
		int w, h;
		art_size(art, &w, &h);
		int x = slot * (int)i + (slot - w) / 2;
		paint_art(t, bottom - h + 1, x, art, top, bottom, ROLE_TEXT);
		if ((int)i == speaker)
			centre = x + w / 2;
	}
	return centre;
}

/* Index in the scene's cast of the character `who`, or -1. */
static int role_of(const struct scene *s, const char *who)
{
	for (size_t i = 0; who && i < s->n_cast; i++)
		if (!strcmp(s->cast[i].who.s, who))
			return (int)i;
	return -1;
}

/* Draw a bubble of text ending just above the help line, showing only the first
 * `typed` characters; returns its top row. */
static int draw_bubble(struct ui *ui, const char *title, const char *text, size_t typed,
		       enum ui_role border, enum ui_role role, int bottom)
{
	const struct term *t = &ui->t;
	int bw = box_width(t), bx = box_x(t), iw = layout_box_text_cols(t->cols);
	char *safe = text_safe(text);
	struct text_lines tl = {0};
	int n = (int)text_wrap(safe, iw, &tl);
	if (n > LAYOUT_BUBBLE_ROWS)
		n = LAYOUT_BUBBLE_ROWS;
	int y = bottom - (n + 2) + 1;
	paint_box(t, y, bx, n + 2, bw, title, border);
	size_t left = typed;
	for (int i = 0; i < n && left > 0; i++) {
		const char *line = safe + tl.v[i].off;
		size_t chars = text_chars(line, tl.v[i].len);
		size_t take = chars < left ? chars : left;
		char *part = xstrndup(line, text_prefix(line, tl.v[i].len, take));
		paint_text(t, y + 1 + i, bx + 2, iw, part, role);
		free(part);
		/* Count the space that the wrap consumed between lines. */
		left -= take;
		left -= left > 0 ? 1 : 0;
	}
	text_lines_free(&tl);
	free(safe);
	return y;
}

/* Characters of a text, for the typing animation. */
static size_t total_chars(const char *s)
{
	return text_chars(s, strlen(s));
}

/* Draw the current line: stage above, bubble below. */
static void draw_line(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	const struct scene *s = runner_scene(&p->r);
	const struct line *ln = &s->lines[p->r.line];
	const struct character *ch = ln->who.s ? cast_find(p->cast, ln->who.s) : NULL;
	const char *name = ch ? ch->name.s : NULL;
	int by = draw_bubble(ui, name, ln->text.s, p->typed, ROLE_BUBBLE, ch ? ROLE_TEXT : ROLE_DIM,
			     layout_bottom(t->rows));
	int centre = draw_stage(ui, p, 1, by - 2, role_of(s, ln->who.s));
	if (centre >= 0)
		paint_text(t, by - 1, centre, 1, glyph(t, G_TAIL), ROLE_BUBBLE);
	play_hit(p, 1, t->rows - 2, HIT_CONTINUE);
}

/* Paint numbered options from row y (each up to 2 rows); returns rows used. */
static int draw_options(struct ui *ui, struct play *p, int y, const struct choice_option *opts, size_t n,
			int sel)
{
	const struct term *t = &ui->t;
	int used = 0, width = layout_option_cols(t->cols, LAYOUT_OPTION_X);
	for (size_t i = 0; i < n; i++) {
		char num[24];
		snprintf(num, sizeof num, "%zu.", i + 1);
		enum ui_role role = (int)i == sel ? ROLE_SELECT : ROLE_TEXT;
		paint_text(t, y + used, 2, 2, (int)i == sel ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		paint_text(t, y + used, 4, 3, num, role);
		int rows = paint_wrapped(t, y + used, LAYOUT_OPTION_X, width, LAYOUT_OPTION_ROWS,
					 opts[i].text.s, role);
		play_hit(p, y + used, y + used + rows - 1, (int)i);
		used += rows;
	}
	return used;
}

/* Rows the options take. */
static int options_rows(const struct term *t, const struct choice_option *opts, size_t n)
{
	int rows = 0;
	for (size_t i = 0; i < n; i++) {
		int r = paint_rows(layout_option_cols(t->cols, LAYOUT_OPTION_X), opts[i].text.s);
		rows += r < LAYOUT_OPTION_ROWS ? r : LAYOUT_OPTION_ROWS;
	}
	return rows;
}

/* Draw a choice point: the stage, the question, the options. */
static void draw_choice(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	const struct choice *c = &runner_scene(&p->r)->choice;
	int orows = options_rows(t, c->v, c->n);
	int oy = layout_bottom(t->rows) - orows + 1;
	draw_options(ui, p, oy, c->v, c->n, p->sel);
	int by = draw_bubble(ui, NULL, c->prompt.s, SIZE_MAX, ROLE_TRY, ROLE_TRY, oy - 2);
	draw_stage(ui, p, 1, by - 2, -1);
}

/* Draw the feedback on the option picked, with the two ways on. */
static void draw_feedback(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	const struct scene *cs = &p->r.lesson->scenes[p->r.choice_scene];
	const struct choice_option *o = &cs->choice.v[p->r.option];
	int y = layout_bottom(t->rows);
	/* TRANSLATORS: the two buttons under the feedback of a choice. */
	int w = paint_text(t, y, 2, t->cols / 2 - 3, _("[Enter] Go on"), ROLE_SELECT);
	play_hit_x(p, y, 2, 2 + w - 1, HIT_CONTINUE);
	int x = 2 + w + 4;
	w = paint_text(t, y, x, t->cols - x - 1, _("[←] Try another path"), ROLE_SELECT);
	play_hit_x(p, y, x, x + w - 1, HIT_BACK);
	int by = draw_bubble(ui, o->good ? _("Well done!") : _("Not quite"), o->feedback.s, SIZE_MAX,
			     o->good ? ROLE_GOOD : ROLE_TRY, ROLE_TEXT, y - 2);
	draw_stage(ui, p, 1, by - 2, -1);
	play_hit(p, 1, y - 1, HIT_CONTINUE);
}

/* Draw "À retenir": the recap lines and the catch-phrase. */
static void draw_recap(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	const struct lesson *l = p->r.lesson;
	int bw = box_width(t), bx = box_x(t), iw = layout_recap_cols(t->cols), rows = 0;
	for (size_t i = 0; i < l->recap.n; i++)
		rows += paint_rows(iw, l->recap.v[i].s);
	int y = LAYOUT_TOP;
	paint_box(t, y, bx, rows + 2, bw, _("Remember"), ROLE_GOOD);
	int r = 0;
	for (size_t i = 0; i < l->recap.n; i++) {
		paint_text(t, y + 1 + r, bx + 2, 2, glyph(t, G_BULLET), ROLE_GOOD);
		r += paint_wrapped(t, y + 1 + r, bx + 4, iw, LAYOUT_OPTION_ROWS, l->recap.v[i].s,
				   ROLE_TEXT);
	}
	y += rows + 3;
	paint_wrapped(t, y, bx + 2, layout_box_text_cols(t->cols), LAYOUT_CATCHPHRASE_ROWS,
		      l->catchphrase.s, ROLE_STAR);
	play_hit(p, 1, t->rows - 2, HIT_CONTINUE);
}

/* Draw the ending: message, stars. */
static void draw_ending(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	enum ending e = runner_ending(&p->r);
	static const char *const titles[] = {N_("Mission accomplished!"), N_("Good work!"),
					     N_("Keep going!")};
	int bw = box_width(t), bx = box_x(t);
	paint_text(t, 3, bx + 2, bw - 4, _(titles[e]), ROLE_GOOD);
	paint_stars(t, 5, bx + 2, runner_stars(&p->r));
	paint_wrapped(t, LAYOUT_ENDING_Y, bx + 2, layout_box_text_cols(t->cols), LAYOUT_ENDING_ROWS,
		      p->r.lesson->endings[e].s, ROLE_TEXT);
	play_hit(p, 1, t->rows - 2, HIT_CONTINUE);
}

/* Draw the "leave the lesson?" question over the frame. */
static void draw_confirm(struct ui *ui)
{
	const struct term *t = &ui->t;
	int w = 44 < t->cols - 4 ? 44 : t->cols - 4, x = (t->cols - w) / 2, y = t->rows / 2 - 2;
	paint_box(t, y, x, 4, w, NULL, ROLE_TRY);
	paint_text(t, y + 1, x + 2, w - 4, _("Leave the lesson?"), ROLE_TEXT);
	paint_text(t, y + 2, x + 2, w - 4, _("Enter: yes    Esc: no, go on"), ROLE_DIM);
}

/* Help line of each state. */
static const char *state_help(const struct play *p)
{
	switch (p->r.state) {
	case RS_LINE:
		return _("Enter: next    Esc: leave");
	case RS_CHOICE:
		return _("↑↓ or a number: choose    Enter: confirm    Esc: leave");
	case RS_FEEDBACK:
		return _("Enter: go on    ←: back to the choice    Esc: leave");
	case RS_QUESTION:
		return NULL;	/* scr_quiz.c paints its own */
	default:
		return _("Enter: go on");
	}
}

static void play_draw(struct ui *ui, void *st)
{
	struct play *p = st;
	char right[64];
	p->n_hits = 0;
	if (p->r.state == RS_QUESTION) {
		quiz_draw(ui, p);
	} else {
		if (p->r.state == RS_RECAP || p->r.state == RS_ENDING)
			snprintf(right, sizeof right, "%s", _("Remember"));
		else
			snprintf(right, sizeof right, "%s", _("Story"));
		paint_frame(&ui->t, p->lesson->title.s, right, state_help(p));
		switch (p->r.state) {
		case RS_LINE:
			draw_line(ui, p);
			break;
		case RS_CHOICE:
			draw_choice(ui, p);
			break;
		case RS_FEEDBACK:
			draw_feedback(ui, p);
			break;
		case RS_RECAP:
			draw_recap(ui, p);
			break;
		default:
			draw_ending(ui, p);
			break;
		}
	}
	if (p->rec.error)
		paint_text(&ui->t, ui->t.rows - 2, 1, ui->t.cols - 2, p->rec.error, ROLE_TRY);
	if (p->confirm_leave)
		draw_confirm(ui);
}

/* After the runner moved: restart the animation and the selection. Returns
 * the reaction for the main loop. */
static int settle(struct ui *ui, struct play *p)
{
	p->typed = ui->opt->no_anim ? SIZE_MAX : 0;
	p->sel = 0;
	p->rec.shown_ms = term_now_ms();
	if (p->r.state == RS_DONE)
		return R_POP;
	bool typing = p->r.state == RS_LINE && !ui->opt->no_anim;
	return R_REDRAW | (typing ? R_TICK : 0);
}

/* True if the current line is still typing out. */
static bool typing(const struct play *p)
{
	if (p->r.state != RS_LINE || p->typed == SIZE_MAX)
		return false;
	return p->typed < total_chars(runner_scene(&p->r)->lines[p->r.line].text.s);
}

/* Keys that mean "go on". */
static bool is_go_on(const struct key *k)
{
	return k->kind == K_ENTER || k->kind == K_RIGHT || (k->kind == K_CHAR && k->ch == ' ');
}

/* React to a key at a choice point. */
static int handle_choice(struct ui *ui, struct play *p, const struct key *k)
{
	const struct choice *c = &runner_scene(&p->r)->choice;
	int n = (int)c->n, pick = -1;
	if (n == 0)
		return R_NONE;
	if (k->kind == K_UP || k->kind == K_DOWN) {
		p->sel = (p->sel + (k->kind == K_UP ? n - 1 : 1)) % n;
		return R_REDRAW;
	}
	if (k->kind == K_CHAR && k->ch >= '1' && k->ch < '1' + n)
		pick = (int)(k->ch - '1');
	else if (k->kind == K_ENTER)
		pick = p->sel;
	else if (k->kind == K_CLICK)
		pick = play_hit_at(p, k->y, k->x);
	if (pick < 0 || pick >= n)
		return R_NONE;
	play_note(p, ATTEMPT_CHOICE, runner_scene(&p->r)->id.s, p->lesson->skill.s,
		  xasprintf("%d", pick + 1), c->v[pick].good);
	runner_pick(&p->r, (size_t)pick);
	return settle(ui, p);
}

static int play_handle(struct ui *ui, void *st, const struct key *k)
{
	struct play *p = st;
	p->r.now = time(NULL);
	if (p->confirm_leave) {
		if (k->kind == K_ENTER || (k->kind == K_CHAR && strchr("oOyY", (int)k->ch)))
			return R_POP;
		if (k->kind == K_ESC || (k->kind == K_CHAR && strchr("nN", (int)k->ch))) {
			p->confirm_leave = false;
			return R_REDRAW | (typing(p) ? R_TICK : 0);
		}
		return R_NONE;
	}
	if (k->kind == K_ESC) {
		p->confirm_leave = true;
		return R_REDRAW;
	}
	if (k->kind == K_TICK) {
		if (!typing(p))
			return R_NONE;
		p->typed += 2;
		return R_REDRAW | (typing(p) ? R_TICK : 0);
	}
	bool click = k->kind == K_CLICK;
	switch (p->r.state) {
	case RS_LINE:
		if (typing(p)) {	/* any key shows the whole line */
			p->typed = SIZE_MAX;
			return R_REDRAW;
		}
		if (!is_go_on(k) && !click)
			return R_NONE;
		runner_next(&p->r);
		return settle(ui, p);
	case RS_CHOICE:
		return handle_choice(ui, p, k);
	case RS_FEEDBACK:
		if (k->kind == K_LEFT || k->kind == K_BACKSPACE ||
		    (k->kind == K_CHAR && strchr("rR", (int)k->ch)) ||
		    (click && play_hit_at(p, k->y, k->x) == HIT_BACK)) {
			runner_back(&p->r);
			return settle(ui, p);
		}
		if (!is_go_on(k) && !(click && play_hit_at(p, k->y, k->x) == HIT_CONTINUE))
			return R_NONE;
		runner_next(&p->r);
		return settle(ui, p);
	case RS_QUESTION: {
		int r = quiz_handle(ui, p, k);
		return p->r.state == RS_QUESTION ? r : settle(ui, p);
	}
	default:
		if (!is_go_on(k) && !click)
			return R_NONE;
		runner_next(&p->r);
		return settle(ui, p);
	}
}

void play_note(struct play *p, enum store_attempt_kind kind, const char *item, const char *skill,
	       char *response, bool correct)
{
	struct play_record *rec = &p->rec;
	if (!rec->store) {
		free(response);
		return;
	}
	free(rec->item);
	free(rec->skill);
	free(rec->scene);
	free(rec->response);
	rec->attempt = true;
	rec->kind = kind;
	const struct item *it = kind == ATTEMPT_ANSWER ? runner_item(&p->r) : NULL;
	rec->b = rec->g = NAN;
	if (it)
		learner_item_params(it, &rec->b, &rec->g);
	rec->measured = it && p->r.measured;
	rec->measure = p->r.measure;
	rec->reflex = it && it->reflex;
	rec->item = xstrdup(item ? item : "");
	rec->skill = skill ? xstrdup(skill) : NULL;
	rec->scene = xstrdup(runner_scene(&p->r)->id.s);
	rec->response = response;
	rec->correct = correct;
	long ms = term_now_ms() - rec->shown_ms;
	rec->duration_ms = ms < 0 ? 0 : ms > 3600000L ? 3600000 : (int)ms;
}

/* Keep the outcome of a store write: an error is shown until a write works. */
static int record_result(struct play_record *rec, enum store_rc rc)
{
	bool had = rec->error != NULL;
	free(rec->error);
	rec->error = NULL;
	if (rc != STORE_OK)
		/* TRANSLATORS: %s says why (disk full...). */
		rec->error = xasprintf(_("Progress not saved: %s Tell your teacher."), store_strerror(rc));
	return had || rec->error ? R_REDRAW : R_NONE;
}

/* The pending attempt, as the store takes it. */
static struct store_attempt pending_attempt(const struct play *p)
{
	const struct play_record *rec = &p->rec;
	struct store_attempt a = {rec->kind, rec->pack, p->lesson->id.s, rec->scene, rec->item, rec->skill,
				  rec->response, rec->correct, rec->duration_ms, NAN, NAN, NAN, NAN,
				  rec->b, rec->g, rec->reflex, rec->session};
	if (rec->measured) {
		a.p_expected = rec->measure.p;
		a.theta_before = rec->measure.theta_before;
		a.theta_after = rec->measure.theta_after;
		a.mastery_after = rec->measure.mastery_after;
	}
	return a;
}

/* A review answer: its item id is PACK/LESSON/ITEM; the attempt is logged
 * under the lesson the item comes from. */
static enum store_rc record_review(struct play *p, time_t now)
{
	struct play_record *rec = &p->rec;
	struct store_attempt a = pending_attempt(p);
	char *ref = xstrdup(rec->item), *lesson = strchr(ref, '/'), *item = lesson ? strchr(lesson + 1, '/') : NULL;
	enum store_rc rc = STORE_ERR_NOTFOUND;
	if (item) {
		*lesson++ = '\0';
		*item++ = '\0';
		a.pack = ref;
		a.lesson = lesson;
		a.item = item;
		a.scene = "review";
		rc = store_attempt_add(rec->store, rec->pupil, 0, &a, NULL, 0, now);
	}
	free(ref);
	return rc;
}

/* The outcome of the défi step that just ended, with the run's position, so
 * that the teacher sees the steps a pupil left partially reached. The caller
 * calls it once per step (when ended_seq moved). */
static enum store_rc record_step(struct play *p, const char *pos, time_t now)
{
	struct play_record *rec = &p->rec;
	const struct runner *r = &p->r;
	rec->logged_steps = r->ended_seq;
	if (!r->ended_skill)
		return STORE_OK;
	struct store_attempt a = {ATTEMPT_STEP, rec->pack, p->lesson->id.s, p->lesson->scenes[r->ended_scene].id.s, "",
				  r->ended_skill, r->ended_partial ? "partial" : "reached", !r->ended_partial, 0,
				  NAN, NAN, NAN, NAN, NAN, NAN, false, rec->session};
	rec->saved_scene = r->scene;
	return store_attempt_add(rec->store, rec->pupil, rec->run, &a, pos, runner_percent(r), now);
}

/* After the frame is on screen: write the pending answer, the new position
 * or the end of the run. */
static int play_after(struct ui *ui, void *st)
{
	(void)ui;
	struct play *p = st;
	struct play_record *rec = &p->rec;
	time_t now = time(NULL);
	if (rec->store && rec->review) {
		if (!rec->attempt)
			return R_NONE;
		rec->attempt = false;
		return record_result(rec, record_review(p, now));
	}
	if (!rec->store || !rec->run || rec->finished)
		return R_NONE;
	bool end = p->r.state == RS_RECAP || p->r.state == RS_ENDING || p->r.state == RS_DONE;
	char *pos = runner_position(&p->r);
	enum store_rc rc = STORE_OK;
	bool wrote = false;
	if (rec->attempt) {	/* the last answer too: a restart then resumes at the recap */
		struct store_attempt a = pending_attempt(p);
		rc = store_attempt_add(rec->store, rec->pupil, rec->run, &a, pos, end ? 100 : runner_percent(&p->r),
				       now);
		rec->attempt = false;
		rec->saved_scene = p->r.scene;
		wrote = true;
	}
	if (rc == STORE_OK && p->r.ended_seq != rec->logged_steps) {
		rc = record_step(p, pos, now);
		wrote = true;
	}
	if (end) {
		if (rc == STORE_OK)
			rc = store_run_finish(rec->store, rec->run, (int)runner_ending(&p->r), runner_stars(&p->r),
					      now);
		rec->finished = rc == STORE_OK;
		wrote = true;
	} else if (!wrote && rec->saved_scene != p->r.scene) {
		rc = store_run_save(rec->store, rec->run, pos, runner_percent(&p->r), now);
		rec->saved_scene = p->r.scene;
		wrote = true;
	}
	free(pos);
	return wrote ? record_result(rec, rc) : R_NONE;
}

static void play_leave(void *st)
{
	struct play *p = st;
	free(p->rec.pack);
	free(p->rec.item);
	free(p->rec.skill);
	free(p->rec.scene);
	free(p->rec.response);
	free(p->rec.error);
	learner_pupil_free(&p->learner);
	lesson_free(p->lesson);
	cast_free(p->cast);
	backdrops_free(p->bd);
	free(p);
}

static const struct screen_ops play_ops = {"play", play_draw, play_handle, play_leave, play_after};

/* Start the runner on the player's lesson, the défi adapting to p->learner. */
static void play_begin(struct ui *ui, struct play *p)
{
	runner_start(&p->r, p->lesson);
	runner_learn(&p->r, NULL, &p->learner);
	p->r.now = time(NULL);
	settle(ui, p);
}

struct screen scr_play_new(struct ui *ui, const char *path, char **err)
{
	struct diags d = {0};
	struct play *p = xcalloc(1, sizeof *p);
	char *dir = xstrdup(path);
	pack_load_shared(dirname(dir), &p->cast, &p->bd, &d);
	free(dir);
	p->lesson = pack_load_lesson(path, p->cast, p->bd, &d);
	if (!p->lesson || d.n) {
		/* TRANSLATORS: %s is the lesson file. */
		*err = xasprintf(_("This lesson cannot be played: run  declic check %s"), path);
		play_leave(p);
		p = NULL;
	} else {
		play_begin(ui, p);
	}
	diag_free(&d);
	return (struct screen){p ? &play_ops : NULL, p};
}

struct screen scr_play_pupil(struct ui *ui, const char *path, const char *pack, int64_t pupil, int session,
			     char **err)
{
	struct screen s = scr_play_new(ui, path, err);
	if (!s.ops || !ui->store)
		return s;
	struct play *p = s.st;
	struct play_record *rec = &p->rec;
	struct store_run run = {0};
	time_t now = time(NULL);
	/* The pupil's θ per skill, replayed from the attempt log. */
	enum store_rc rc = store_skills_rebuild(ui->store, pupil, learner_defaults(), &p->learner);
	struct store_item_seen *seen = NULL;
	size_t n_seen = 0;
	if (rc == STORE_OK)
		rc = store_items_seen(ui->store, pupil, pack, p->lesson->id.s, &seen, &n_seen);
	if (rc == STORE_OK)
		rc = store_run_resumable(ui->store, pupil, pack, p->lesson->id.s, &run);
	if (rc == STORE_OK && runner_restore(&p->r, p->lesson, run.position)) {
		rec->run = run.id;
		runner_learn(&p->r, NULL, &p->learner);
		settle(ui, p);
	} else if (rc == STORE_OK || rc == STORE_ERR_NOTFOUND) {
		char *pos = runner_position(&p->r);
		rc = store_run_begin(ui->store, pupil, pack, p->lesson->id.s, pos, now, &rec->run);
		free(pos);
	}
	store_run_clear(&run);
	for (size_t i = 0; i < n_seen; i++)
		runner_seen(&p->r, seen[i].item, seen[i].seen, seen[i].last);
	store_items_seen_free(seen, n_seen);
	p->r.now = time(NULL);
	rec->store = ui->store;
	rec->pupil = pupil;
	rec->session = session;
	rec->pack = xstrdup(pack);
	rec->saved_scene = p->r.scene;
	rec->shown_ms = term_now_ms();
	record_result(rec, rc == STORE_ERR_NOTFOUND ? STORE_OK : rc);
	return s;
}

/* The item `id` of lesson `lesson` of pack `pack` in the catalog, loaded into
 * *l (caller frees), or NULL. */
static const struct item *find_item(const struct catalog *cat, const char *pack, const char *lesson,
				    const char *id, struct lesson **l)
{
	*l = NULL;
	for (size_t k = 0; k < cat->n; k++) {
		if (!cat->packs[k]->id.s || strcmp(cat->packs[k]->id.s, pack))
			continue;
		size_t n;
		struct lesson_entry *v = catalog_lessons(cat->packs[k], &n);
		for (size_t i = 0; i < n && !*l; i++) {
			if (strcmp(v[i].id, lesson) || v[i].broken)
				continue;
			struct diags d = {0};
			*l = pack_load_lesson(v[i].path, NULL, NULL, &d);
			diag_free(&d);
		}
		lesson_entries_free(v, n);
		break;
	}
	int idx = *l ? lesson_item_index(*l, id) : -1;
	return idx >= 0 ? &(*l)->items[idx] : NULL;
}

struct screen scr_review_new(struct ui *ui, int64_t pupil, int session, const struct store_review_card *cards,
			     size_t n, char **err)
{
	const struct item **items = xcalloc(n + 1, sizeof *items);
	char **ids = xcalloc(n + 1, sizeof *ids);
	struct lesson **from = xcalloc(n + 1, sizeof *from);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		items[k] = find_item(ui->cat, cards[i].pack, cards[i].lesson, cards[i].item, &from[k]);
		if (items[k])	/* an item no longer in the content is skipped */
			ids[k++] = xasprintf("%s/%s/%s", cards[i].pack, cards[i].lesson, cards[i].item);
		else
			lesson_free(from[k]);
	}
	static const char *const endings[ENDING_COUNT] = {
		N_("Well done! Your reflexes are solid."),
		N_("Good! These reflexes will come back to help you remember."),
		N_("Keep it up: these reflexes will come back, you will get them."),
	};
	const char *tr[ENDING_COUNT];
	for (int e = 0; e < ENDING_COUNT; e++)
		tr[e] = _(endings[e]);
	struct screen s = {NULL, NULL};
	if (k == 0) {
		*err = xstrdup(_("Nothing to review today."));
	} else {
		struct play *p = xcalloc(1, sizeof *p);
		p->lesson = lesson_review_new("reflexes", _("My reflexes"), items, (const char *const *)ids, k, tr);
		store_skills_rebuild(ui->store, pupil, learner_defaults(), &p->learner);
		play_begin(ui, p);
		p->rec.store = ui->store;
		p->rec.pupil = pupil;
		p->rec.session = session;
		p->rec.review = true;
		s = (struct screen){&play_ops, p};
	}
	for (size_t i = 0; i < k; i++) {
		free(ids[i]);
		lesson_free(from[i]);
	}
	free(ids);
	free(from);
	free(items);
	return s;
}
