/* scr_quiz.c — a question on screen: every kind, the hint after a first wrong
 * answer, the explanation after a second one or a right one. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/layout.h"
#include "core/text.h"
#include "i18n.h"
#include "ui/play.h"
#include "xalloc.h"

/* Start a fresh input for the current question. */
static void input_reset(struct play *p, const struct item *it)
{
	memset(&p->in, 0, sizeof p->in);
	p->shown_item = it;
	for (int i = 0; i < ITEM_MAX_OPTIONS; i++)
		p->in.seq[i] = -1;
	if (it->kind == ITEM_ORDER)
		item_shuffle(it->id.s, it->options.n, p->in.perm);
	else if (it->kind == ITEM_MATCH)
		item_shuffle(it->id.s, it->right.n, p->in.perm);
	p->in.n_seq = 0;
}

/* Text of choice i as the pupil sees it (display order). */
static const char *choice_text(const struct item *it, const struct answer_input *in, size_t i)
{
	switch (it->kind) {
	case ITEM_TRUEFALSE:
		return i == 0 ? _("True") : _("False");
	case ITEM_ORDER:
		return it->options.v[in->perm[i]].s;
	case ITEM_MATCH:
		return it->right.v[in->perm[i]].s;
	default:
		return it->options.v[i].s;
	}
}

/* True if display choice i is (part of) the right answer. */
static bool choice_right(const struct item *it, size_t i)
{
	switch (it->kind) {
	case ITEM_TRUEFALSE:
		return (i == 0) == it->truth;
	case ITEM_SINGLE:
	case ITEM_MULTIPLE:
		for (size_t k = 0; k < it->n_answers; k++)
			if (it->answers[k] == (int)i)
				return true;
		return false;
	default:
		return false;
	}
}

/* Marker before choice i: selection, tick box, rank or link. */
static void choice_marker(const struct term *t, const struct item *it, const struct answer_input *in,
			  size_t i, bool settled, char *buf, size_t size)
{
	if (settled && (it->kind == ITEM_SINGLE || it->kind == ITEM_MULTIPLE ||
			it->kind == ITEM_TRUEFALSE)) {
		snprintf(buf, size, "%s", choice_right(it, i) ? glyph(t, G_RIGHT) : " ");
		return;
	}
	switch (it->kind) {
	case ITEM_MULTIPLE:
		snprintf(buf, size, "[%s]", in->ticked[i] ? "x" : " ");
		break;
	case ITEM_ORDER: {
		int rank = 0;
		for (size_t k = 0; k < in->n_seq; k++)
			if (in->seq[k] == in->perm[i])
				rank = (int)k + 1;
		if (rank)
			snprintf(buf, size, "(%d)", rank);
		else
			snprintf(buf, size, "( )");
		break;
	}
	default:
		buf[0] = '\0';
	}
}

/* Draw the choices of a question from row y; returns the rows used. */
static int draw_choices(struct ui *ui, struct play *p, const struct item *it, int y, bool settled)
{
	const struct term *t = &ui->t;
	size_t n = item_n_choices(it);
	int used = 0;
	for (size_t i = 0; i < n; i++) {
		char label[24], mark[16];
		if (it->kind == ITEM_MATCH)
			snprintf(label, sizeof label, "%c.", (char)('A' + i));
		else
			snprintf(label, sizeof label, "%zu.", i + 1);
		choice_marker(t, it, &p->in, i, settled, mark, sizeof mark);
		bool sel = !settled && (int)i == p->in.sel && it->kind != ITEM_MATCH &&
			   it->kind != ITEM_ORDER;
		enum ui_role role = sel ? ROLE_SELECT : ROLE_TEXT;
		if (settled && choice_right(it, i))
			role = ROLE_GOOD;
		paint_text(t, y + used, 2, 2, sel ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		paint_text(t, y + used, 4, 3, label, role);
		int x = LAYOUT_OPTION_X;
		if (mark[0])
			x += paint_text(t, y + used, x, LAYOUT_MARK_COLS, mark,
					settled ? ROLE_GOOD : ROLE_TEXT) + 1;
		int rows = paint_wrapped(t, y + used, x, layout_option_cols(t->cols, x),
					 LAYOUT_OPTION_ROWS, choice_text(it, &p->in, i), role);
		play_hit(p, y + used, y + used + rows - 1, (int)i);
		used += rows;
	}
	return used;
}

/* Display position of option or right `value` in the shuffled order. */
static int display_of(const struct answer_input *in, size_t n, int value)
{
	for (size_t k = 0; k < n; k++)
		if (in->perm[k] == value)
			return (int)k;
	return 0;
}

/* Draw the left items of a match question and what each is linked to. */
static int draw_match_left(struct ui *ui, struct play *p, const struct item *it, int y, bool settled)
{
	const struct term *t = &ui->t;
	int used = 0, half = layout_match_cols(t->cols);
	for (size_t i = 0; i < it->left.n; i++) {
		char num[24], link[8];
		snprintf(num, sizeof num, "%zu.", i + 1);
		/* Once settled, the right pairs; before, the pupil's links. */
		int r = settled ? (int)i : p->in.seq[i];
		if (r >= 0)
			snprintf(link, sizeof link, "%c", (char)('A' + display_of(&p->in, it->right.n, r)));
		else
			snprintf(link, sizeof link, "?");
		bool cur = !settled && (int)i == p->in.cursor;
		paint_text(t, y + used, 2, 2, cur ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		paint_text(t, y + used, 4, 3, num, cur ? ROLE_SELECT : ROLE_TEXT);
		int rows = paint_wrapped(t, y + used, LAYOUT_OPTION_X, half, LAYOUT_OPTION_ROWS,
					 it->left.v[i].s, cur ? ROLE_SELECT : ROLE_TEXT);
		paint_text(t, y + used, 8 + half, 3, glyph(t, G_ARROW), ROLE_DIM);
		paint_text(t, y + used, 12 + half, 2, link, settled ? ROLE_GOOD : ROLE_TRY);
		play_hit(p, y + used, y + used + rows - 1, 200 + (int)i);
		used += rows;
	}
	return used;
}

/* Help line for the question being answered. */
static const char *quiz_help(const struct item *it, bool settled)
{
	if (settled)
		return _("Enter: next question    Esc: leave");
	switch (it->kind) {
	case ITEM_MULTIPLE:
		return _("Numbers or Space: tick    Enter: check    Esc: leave");
	case ITEM_TEXT:
		return _("Type your answer    Enter: check    Esc: leave");
	case ITEM_ORDER:
		return _("Numbers: first, second...    Backspace: undo    Enter: check");
	case ITEM_MATCH:
		return _("↑↓: item    Letter: its match    Backspace: undo    Enter: check");
	default:
		return _("↑↓ or a number: choose    Enter: check    Esc: leave");
	}
}

void quiz_draw(struct ui *ui, struct play *p)
{
	const struct term *t = &ui->t;
	const struct item *it = runner_item(&p->r);
	const struct scene *s = runner_scene(&p->r);
	if (it != p->shown_item)
		input_reset(p, it);
	bool settled = p->r.verdict == VERDICT_RIGHT || p->r.verdict == VERDICT_EXPLAIN;
	char right[64];
	if (s->pick_all)
		/* TRANSLATORS: top right during questions, e.g. "Challenge 2/8". */
		snprintf(right, sizeof right, _("Challenge %zu/%zu"), p->r.question + 1, s->questions.n);
	else
		/* TRANSLATORS: top right during an adaptive défi: the question's number. */
		snprintf(right, sizeof right, _("Challenge %d"), p->r.asked);
	paint_frame(t, p->lesson->title.s, right, quiz_help(it, settled));
	int bw = layout_box_cols(t->cols), bx = layout_box_x(t->cols);
	int y = LAYOUT_TOP;
	y += paint_wrapped(t, y, bx + 2, layout_box_text_cols(t->cols), LAYOUT_PROMPT_ROWS,
			   it->prompt.s, ROLE_TRY) + 1;
	if (it->kind == ITEM_MATCH)
		y += draw_match_left(ui, p, it, y, settled) + 1;
	if (it->kind == ITEM_TEXT) {
		paint_text(t, y, 4, t->cols - 8, _("Your answer:"), ROLE_DIM);
		y++;
		paint_box(t, y, 4, 3, t->cols - 8 < 50 ? t->cols - 8 : 50, NULL, ROLE_SELECT);
		int shown = paint_text(t, y + 1, 6, t->cols - 14, p->in.text, ROLE_TEXT);
		if (!settled)
			paint_text(t, y + 1, 6 + shown, 1, "_", ROLE_SELECT);
		y += 4;
	} else {
		y += draw_choices(ui, p, it, y, settled) + 1;
	}
	const char *title = NULL, *body = NULL;
	char *extra = NULL;
	enum ui_role role = ROLE_TEXT;
	switch (p->r.verdict) {
	case VERDICT_RIGHT:
		title = _("Well done!");
		body = it->explanation.s;
		role = ROLE_GOOD;
		break;
	case VERDICT_HINT:
		title = _("Hint — try again");
		body = it->hint.s;
		role = ROLE_TRY;
		break;
	case VERDICT_EXPLAIN:
		title = _("Let's see why");
		extra = item_answer_text(it);
		body = it->explanation.s;
		role = ROLE_TRY;
		break;
	default:
		break;
	}
	if (body) {
		char *text = extra ? xasprintf("%s\n%s", extra, body) : xstrdup(body);
		int iw = layout_box_text_cols(t->cols), rows = paint_rows(iw, text);
		if (rows > LAYOUT_BUBBLE_ROWS)
			rows = LAYOUT_BUBBLE_ROWS;
		int by = layout_bottom(t->rows) - (rows + 2) + 1;
		if (by < y)
			by = y;
		paint_box(t, by, bx, rows + 2, bw, title, role);
		paint_wrapped(t, by + 1, bx + 2, iw, rows, text, ROLE_TEXT);
		free(text);
	}
	free(extra);
	if (settled)
		play_hit(p, 1, t->rows - 2, HIT_CONTINUE);
}

/* Send the pupil's input to the runner. */
static int submit(struct ui *ui, struct play *p, const struct item *it)
{
	(void)ui;
	struct response resp;
	memset(&resp, 0, sizeof resp);
	resp.pick = it->kind == ITEM_TRUEFALSE ? (p->in.sel == 0) : p->in.sel;
	memcpy(resp.ticked, p->in.ticked, sizeof resp.ticked);
	resp.text = p->in.text;
	memcpy(resp.seq, p->in.seq, sizeof resp.seq);
	resp.n_seq = it->kind == ITEM_MATCH ? it->left.n : p->in.n_seq;
	enum verdict v = runner_answer(&p->r, &resp);
	if (v != VERDICT_NONE)
		play_note(p, ATTEMPT_ANSWER, it->id.s, it->skill.s, item_response_text(it, &resp),
			  v == VERDICT_RIGHT);
	if (v == VERDICT_HINT && (it->kind == ITEM_TEXT || it->kind == ITEM_ORDER)) {
		p->in.text[0] = '\0';	/* a fresh start for the second try */
		p->in.n_seq = 0;
	}
	return R_REDRAW;
}

/* Append the typed character to the text answer. */
static void type_char(struct play *p, wchar_t ch)
{
	char mb[8];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = wcrtomb(mb, ch, &ps);
	size_t len = strlen(p->in.text);
	if (n == (size_t)-1 || len + n > PLAY_INPUT_MAX)
		return;
	memcpy(p->in.text + len, mb, n);
	p->in.text[len + n] = '\0';
}

/* Remove the last character of the text answer. */
static void erase_char(struct play *p)
{
	size_t len = strlen(p->in.text);
	while (len > 0 && ((unsigned char)p->in.text[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	p->in.text[len] = '\0';
}

/* Give display choice d the next rank in an order question. */
static void rank_choice(struct play *p, const struct item *it, int d)
{
	int opt = p->in.perm[d];
	for (size_t k = 0; k < p->in.n_seq; k++)
		if (p->in.seq[k] == opt)
			return;
	if (p->in.n_seq < it->options.n)
		p->in.seq[p->in.n_seq++] = opt;
}

/* Link the current left item of a match question to display choice d. */
static void link_choice(struct play *p, const struct item *it, int d)
{
	p->in.seq[p->in.cursor] = p->in.perm[d];
	for (size_t k = 1; k <= it->left.n; k++) {	/* on to the next free item */
		size_t c = ((size_t)p->in.cursor + k) % it->left.n;
		if (p->in.seq[c] < 0) {
			p->in.cursor = (int)c;
			return;
		}
	}
}

/* True when every part of an order or match answer is given. */
static bool complete(const struct play *p, const struct item *it)
{
	if (it->kind == ITEM_ORDER)
		return p->in.n_seq == it->options.n;
	for (size_t i = 0; i < it->left.n; i++)
		if (p->in.seq[i] < 0)
			return false;
	return true;
}

int quiz_handle(struct ui *ui, struct play *p, const struct key *k)
{
	const struct item *it = runner_item(&p->r);
	if (!it)
		return R_NONE;
	if (it != p->shown_item)
		input_reset(p, it);
	bool settled = p->r.verdict == VERDICT_RIGHT || p->r.verdict == VERDICT_EXPLAIN;
	if (settled) {
		if (k->kind != K_ENTER && k->kind != K_CLICK && k->kind != K_RIGHT &&
		    !(k->kind == K_CHAR && k->ch == ' '))
			return R_NONE;
		runner_next(&p->r);
		p->shown_item = NULL;
		return p->r.state == RS_DONE ? R_POP : R_REDRAW;
	}
	int n = (int)item_n_choices(it);
	if (n == 0 && it->kind != ITEM_TEXT)
		return R_NONE;
	int hit = k->kind == K_CLICK ? play_hit_at(p, k->y, k->x) : -1;
	if (it->kind == ITEM_TEXT) {
		if (k->kind == K_CHAR)
			type_char(p, k->ch);
		else if (k->kind == K_BACKSPACE)
			erase_char(p);
		else if (k->kind == K_ENTER && p->in.text[0])
			return submit(ui, p, it);
		return R_REDRAW;
	}
	if (it->kind == ITEM_ORDER || it->kind == ITEM_MATCH) {
		int d = -1;
		if (k->kind == K_CHAR && it->kind == ITEM_ORDER && k->ch >= '1' && k->ch < '1' + n)
			d = (int)(k->ch - '1');
		if (k->kind == K_CHAR && it->kind == ITEM_MATCH) {
			wchar_t c = k->ch >= 'a' && k->ch <= 'z' ? k->ch - 'a' + 'A' : k->ch;
			if (c >= 'A' && c < 'A' + n)
				d = (int)(c - 'A');
			if (k->ch >= '1' && k->ch < '1' + (wchar_t)it->left.n)
				p->in.cursor = (int)(k->ch - '1');
		}
		if (hit >= 0 && hit < n)
			d = hit;
		if (hit >= 200)
			p->in.cursor = hit - 200;
		int nl = (int)it->left.n;
		if (it->kind == ITEM_MATCH && (k->kind == K_UP || k->kind == K_DOWN))
			p->in.cursor = (p->in.cursor + (k->kind == K_UP ? nl - 1 : 1)) % nl;
		if (d >= 0)
			(it->kind == ITEM_ORDER ? rank_choice : link_choice)(p, it, d);
		if (k->kind == K_BACKSPACE) {
			if (it->kind == ITEM_ORDER && p->in.n_seq > 0)
				p->in.n_seq--;
			else if (it->kind == ITEM_MATCH)
				p->in.seq[p->in.cursor] = -1;
		}
		if (k->kind == K_ENTER && complete(p, it))
			return submit(ui, p, it);
		return R_REDRAW;
	}
	/* single, multiple, truefalse */
	if (k->kind == K_UP || k->kind == K_DOWN) {
		p->in.sel = (p->in.sel + (k->kind == K_UP ? n - 1 : 1)) % n;
		return R_REDRAW;
	}
	int d = -1;
	if (k->kind == K_CHAR && k->ch >= '1' && k->ch < '1' + n)
		d = (int)(k->ch - '1');
	if (hit >= 0 && hit < n)
		d = hit;
	if (it->kind == ITEM_MULTIPLE) {
		if (k->kind == K_CHAR && k->ch == ' ')
			d = p->in.sel;
		if (d >= 0) {
			p->in.sel = d;
			p->in.ticked[d] = !p->in.ticked[d];
		}
		if (k->kind == K_ENTER)
			return submit(ui, p, it);
		return R_REDRAW;
	}
	if (d >= 0) {
		p->in.sel = d;
		return submit(ui, p, it);
	}
	if (k->kind == K_ENTER)
		return submit(ui, p, it);
	return R_NONE;
}
