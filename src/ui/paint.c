/* paint.c — putting text, frames and art on the screen, safely. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/ui.h"
#include "xalloc.h"

/* A copy of untrusted text fit for this terminal. Caller frees. */
static char *displayable(const struct term *t, const char *s)
{
	char *safe = text_safe(s);
	if (t->utf8)
		return safe;
	char *ascii = text_ascii(safe, '?');
	free(safe);
	return ascii;
}

int paint_text(const struct term *t, int y, int x, int width, const char *s, enum ui_role role)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols || width <= 0)
		return 0;
	if (x + width > t->cols)
		width = t->cols - x;
	char *d = displayable(t, s);
	char *nl = strchr(d, '\n');
	size_t len = nl ? (size_t)(nl - d) : strlen(d);
	size_t fit = text_fit(d, len, width);
	attrset(term_attr(t, role));
	mvaddnstr(y, x, d, (int)fit);
	attrset(A_NORMAL);
	int w = text_width_n(d, fit);
	free(d);
	return w;
}

int paint_rows(int width, const char *s)
{
	struct text_lines tl = {0};
	char *safe = text_safe(s);
	int n = (int)text_wrap(safe, width, &tl);
	text_lines_free(&tl);
	free(safe);
	return n;
}

int paint_wrapped(const struct term *t, int y, int x, int width, int max_rows, const char *s,
		  enum ui_role role)
{
	struct text_lines tl = {0};
	char *safe = text_safe(s);
	int n = (int)text_wrap(safe, width, &tl);
	int rows = n < max_rows ? n : max_rows;
	for (int i = 0; i < rows; i++) {
		char *line = xstrndup(safe + tl.v[i].off, tl.v[i].len);
		paint_text(t, y + i, x, width, line, role);
		free(line);
	}
	text_lines_free(&tl);
	free(safe);
	return rows;
}

const char *glyph(const struct term *t, enum glyph g)
{
	/* Rich UTF-8; what the Linux console font has (CP437 shapes); ASCII. */
	static const char *const forms[G_COUNT][3] = {
		[G_SELECT] = {"▸", "►", ">"},	[G_STAR_ON] = {"★", "*", "*"},
		[G_STAR_OFF] = {"☆", "·", "."}, [G_RIGHT] = {"✓", "√", "+"},
		[G_TAIL] = {"▼", "▼", "v"},	[G_BULLET] = {"•", "•", "*"},
		[G_ARROW] = {"→", "→", "->"},	[G_BOX_TL] = {"┌", "┌", "+"},
		[G_BOX_TR] = {"┐", "┐", "+"},	[G_BOX_BL] = {"└", "└", "+"},
		[G_BOX_BR] = {"┘", "┘", "+"},	[G_BOX_H] = {"─", "─", "-"},
		[G_BOX_V] = {"│", "│", "|"},	[G_BAR_ON] = {"█", "█", "#"},
		[G_BAR_OFF] = {"░", "░", "."},
	};
	return forms[g][!t->utf8 ? 2 : t->console ? 1 : 0];
}

/* A row of w columns: `left`, w - 2 times `mid`, `right` (w >= 2). Caller frees. */
static char *box_edge(const char *left, const char *mid, const char *right, int w)
{
	size_t ml = strlen(mid);
	char *s = xmalloc(strlen(left) + (size_t)(w - 2) * ml + strlen(right) + 1), *o = s;
	o = stpcpy(o, left);
	for (int i = 1; i < w - 1; i++)
		o = stpcpy(o, mid);
	stpcpy(o, right);
	return s;
}

void paint_box(const struct term *t, int y, int x, int h, int w, const char *title,
	       enum ui_role role)
{
	if (h < 2 || w < 2)
		return;
	/* Built once per box, painted as whole lines: boxes are drawn every frame
	 * of the typing animation. */
	char *top = box_edge(glyph(t, G_BOX_TL), glyph(t, G_BOX_H), glyph(t, G_BOX_TR), w);
	char *inside = xmalloc((size_t)w - 1);	/* w - 2 spaces */
	memset(inside, ' ', (size_t)w - 2);
	inside[w - 2] = '\0';
	char *bottom = box_edge(glyph(t, G_BOX_BL), glyph(t, G_BOX_H), glyph(t, G_BOX_BR), w);
	const char *side = glyph(t, G_BOX_V);
	paint_text(t, y, x, w, top, role);
	for (int j = 1; j < h - 1; j++) {	/* sides in the box's role, inside plain */
		paint_text(t, y + j, x, 1, side, role);
		paint_text(t, y + j, x + 1, w - 2, inside, ROLE_TEXT);
		paint_text(t, y + j, x + w - 1, 1, side, role);
	}
	paint_text(t, y + h - 1, x, w, bottom, role);
	free(top);
	free(inside);
	free(bottom);
	if (title && *title) {
		paint_text(t, y, x + 2, 1, " ", role);
		int used = paint_text(t, y, x + 3, w - 6, title, role);
		paint_text(t, y, x + 3 + used, 1, " ", role);
	}
}

void art_size(const char *art, int *w, int *h)
{
	*w = *h = 0;
	const char *p = art;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		int lw = text_width_n(p, len);
		if (lw > *w)
			*w = lw;
		(*h)++;
		p += len + (e != NULL);
	}
}

void paint_art(const struct term *t, int y, int x, const char *art, int clip_top, int clip_bottom,
	       enum ui_role role)
{
	int w, h;
	art_size(art, &w, &h);
	const char *p = art;
	for (int r = 0; *p; r++) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		int row = y + r;
		size_t lead = 0;
		while (lead < len && p[lead] == ' ')
			lead++;
		if (row >= clip_top && row <= clip_bottom && lead < len) {
			char *line = xstrndup(p + lead, len - lead);
			paint_text(t, row, x + (int)lead, w - (int)lead, line, role);
			free(line);
		}
		p += len + (e != NULL);
	}
}

void paint_frame(const struct term *t, const char *title, const char *right, const char *help)
{
	erase();
	attrset(term_attr(t, ROLE_TITLE));
	move(0, 0);
	for (int i = 0; i < t->cols; i++)
		addch(' ');
	attrset(A_NORMAL);
	int used = paint_text(t, 0, 1, t->cols - 2, title, ROLE_TITLE);
	if (right) {
		int rw = text_width(right);
		if (1 + used + 2 + rw < t->cols)
			paint_text(t, 0, t->cols - 1 - rw, rw, right, ROLE_TITLE);
	}
	if (help)
		paint_text(t, t->rows - 1, 1, t->cols - 2, help, ROLE_DIM);
}

void paint_bar(const struct term *t, int y, int x, int w, int percent)
{
	int on = percent <= 0 ? 0 : percent >= 100 ? w : (percent * w + 50) / 100;
	for (int i = 0; i < w; i++)
		paint_text(t, y, x + i, 1, glyph(t, i < on ? G_BAR_ON : G_BAR_OFF),
			   i < on ? ROLE_GOOD : ROLE_DIM);
}

void paint_stars(const struct term *t, int y, int x, int n)
{
	for (int i = 0; i < 3; i++) {
		const char *s = glyph(t, i < n ? G_STAR_ON : G_STAR_OFF);
		paint_text(t, y, x + 2 * i, 1, s, i < n ? ROLE_STAR : ROLE_DIM);
	}
}
