/* widget.c — pieces shared by the screens: a paged list that pupils drive with
 * arrows, digits 1-9 or the mouse, and a one-line text field. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "i18n.h"
#include "ui/ui.h"
#include "xalloc.h"

/* Rows per page: at most 9, so that digits 1-9 reach every row shown. */
static int page_rows(int h)
{
	return h < 1 ? 1 : h > 9 ? 9 : h;
}

void list_draw(struct ui *ui, struct list_view *lv, int y, int x, int w, int h, list_row_fn row,
	       void *ctx)
{
	const struct term *t = &ui->t;
	bool paged = lv->n > page_rows(h);
	int per = page_rows(paged ? h - 1 : h);
	if (lv->sel >= lv->n)
		lv->sel = lv->n ? lv->n - 1 : 0;
	lv->per_page = per;
	lv->first = lv->sel / per * per;
	lv->first_y = y;
	lv->x0 = x;
	lv->x1 = x + w - 1;
	for (int i = lv->first; i < lv->n && i < lv->first + per; i++, y++) {
		bool sel = i == lv->sel;
		char num[16];
		snprintf(num, sizeof num, "%d.", i - lv->first + 1);
		paint_text(t, y, x, 2, sel ? glyph(t, G_SELECT) : " ", ROLE_TEXT);
		paint_text(t, y, x + 2, 3, num, sel ? ROLE_SELECT : ROLE_TEXT);
		row(ui, ctx, i, y, x + 5, w - 5, sel);
	}
	if (paged) {
		char page[96];
		/* TRANSLATORS: a long list shown page by page. */
		snprintf(page, sizeof page, _("Page %d of %d  (PgDn or → next, PgUp or ← back)"),
			 lv->first / per + 1, (lv->n + per - 1) / per);
		paint_text(t, lv->first_y + per, x + 2, w - 2, page, ROLE_DIM);
	}
}

int list_key(struct list_view *lv, const struct key *k, int *reaction)
{
	int per = lv->per_page > 0 ? lv->per_page : 1;
	*reaction = R_NONE;
	if (lv->n == 0)
		return -1;
	switch (k->kind) {
	case K_UP:
	case K_DOWN:
		lv->sel = (lv->sel + (k->kind == K_UP ? lv->n - 1 : 1)) % lv->n;
		*reaction = R_REDRAW;
		return -1;
	case K_PGDN:
	case K_RIGHT:
	case K_PGUP:
	case K_LEFT: {
		bool fwd = k->kind == K_PGDN || k->kind == K_RIGHT;
		int first = lv->sel / per * per + (fwd ? per : -per);
		if (first < 0 || first >= lv->n)
			return -1;
		lv->sel = first;
		*reaction = R_REDRAW;
		return -1;
	}
	case K_ENTER:
		return lv->sel;
	case K_CHAR: {
		int i = lv->sel / per * per + (int)(k->ch - '1');
		if (k->ch >= '1' && k->ch <= '9' && k->ch - '1' < per && i < lv->n)
			return lv->sel = i;
		return -1;
	}
	case K_CLICK: {
		int i = lv->first + (k->y - lv->first_y);
		if (k->y >= lv->first_y && k->y < lv->first_y + per && i < lv->n && k->x >= lv->x0 &&
		    k->x <= lv->x1)
			return lv->sel = i;
		return -1;
	}
	default:
		return -1;
	}
}

bool field_key(struct field *f, const struct key *k)
{
	if (k->kind == K_BACKSPACE) {
		size_t len = strlen(f->text);
		while (len > 0 && (f->text[len - 1] & 0xC0) == 0x80)	/* one whole character */
			len--;
		if (len > 0)
			len--;
		f->text[len] = '\0';
		return true;
	}
	if (k->kind != K_CHAR || (f->digits && (k->ch < '0' || k->ch > '9')))
		return false;
	char mb[MB_LEN_MAX + 1];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = wcrtomb(mb, k->ch, &ps), len = strlen(f->text);
	if (n == (size_t)-1 || len + n >= sizeof f->text || (f->max && text_chars(f->text, len) >= f->max))
		return false;
	memcpy(f->text + len, mb, n);
	f->text[len + n] = '\0';
	return true;
}

void field_draw(const struct term *t, const struct field *f, int y, int x, int w)
{
	char shown[sizeof f->text];
	if (f->secret) {
		size_t n = text_chars(f->text, strlen(f->text));
		memset(shown, '*', n);
		shown[n] = '\0';
	} else {
		strcpy(shown, f->text);
	}
	int used = text_width(shown);
	/* Show the end of a text longer than the field. */
	const char *from = shown;
	while (used > w - 2 && *from) {
		size_t step = text_prefix(from, strlen(from), 1);
		used -= text_width_n(from, step);
		from += step;
	}
	paint_text(t, y, x, w, "", ROLE_TEXT);
	int end = x + paint_text(t, y, x, w - 1, from, ROLE_SELECT);
	paint_text(t, y, end, 1, "_", ROLE_DIM);
}

void ui_say(char **slot, const char *msg)
{
	free(*slot);
	*slot = msg ? xstrdup(msg) : NULL;
}
