/* text.c — the one place that knows about display width and wrapping. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "core/text.h"
#include "xalloc.h"

#define REPLACEMENT 0xFFFD

int text_width_n(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int w = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		int cw = uc_width(c, "UTF-8");
		w += cw > 0 ? cw : 0;
		p += k > 0 ? k : 1;
	}
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, size_t len, int cols)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	int w = 0;
	while (i < len) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, len - i);
		int cw = uc_width(c, "UTF-8");
		if (cw < 0)
			cw = 0;
		if (w + cw > cols)
			break;
		w += cw;
		i += k > 0 ? (size_t)k : 1;
	}
	return i;
}

size_t text_prefix(const char *s, size_t len, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	while (i < len && n-- > 0) {
		int k = u8_mblen(p + i, len - i);
		i += k > 0 ? (size_t)k : 1;
	}
	return i;
}

size_t text_chars(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	while (i < len) {
		int k = u8_mblen((const uint8_t *)s + i, len - i);
		i += k > 0 ? (size_t)k : 1;
		n++;
	}
	return n;
}

/* Append the span [off, off+len) to out, trimming trailing spaces. */
static void push_span(struct text_lines *out, const char *s, size_t off, size_t len)
{
	while (len > 0 && (s[off + len - 1] == ' ' || s[off + len - 1] == '\t'))
		len--;
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct text_span){off, len};
}

size_t text_wrap(const char *s, int width, struct text_lines *out)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s), start = 0, cand = 0, i = 0;
	int w = 0, w_cand = 0;	/* widths of s[start..i) and s[start..cand) */
	out->n = 0;
	if (width < 1)
		width = 1;
	char *brk = xmalloc(n + 1);
	u8_possible_linebreaks(p, n, "UTF-8", brk);
	/* Greedy: a line ends at the last break opportunity before the first
	 * character that does not fit; spaces may hang past the edge; a word wider
	 * than the line is cut. */
	while (i < n) {
		if (brk[i] == UC_BREAK_MANDATORY) {
			push_span(out, s, start, i - start);
			start = i + 1;
			cand = 0;
			w = 0;
			i++;
			continue;
		}
		if (brk[i] == UC_BREAK_POSSIBLE && i > start) {
			cand = i;
			w_cand = w;
		}
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, n - i);
		int cw = uc_width(c, "UTF-8");
		if (cw < 0)
			cw = 0;
		if (c != ' ' && w + cw > width && i > start) {
			if (cand > start) {
				push_span(out, s, start, cand - start);
				w -= w_cand;
				start = cand;
			} else {
				push_span(out, s, start, i - start);
				w = 0;
				start = i;
			}
			cand = 0;
			continue;	/* measure this character again on the new line */
		}
		w += cw;
		i += k > 0 ? (size_t)k : 1;
	}
	push_span(out, s, start, n - start);
	free(brk);
	return out->n;
}

void text_lines_free(struct text_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

bool text_forbidden_char(uint32_t c)
{
	if (c == '\t' || c == '\n')
		return false;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return true;
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return true;
	return false;
}

size_t text_find_bad(const char *s, size_t n, uint32_t *cp)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, n - i);
		if (k < 0) {
			*cp = REPLACEMENT;
			return i;
		}
		if (text_forbidden_char(c)) {
			*cp = c;
			return i;
		}
		i += (size_t)k;
	}
	return n;
}

/* True for characters a terminal must not receive raw from data. */
static bool unpaintable(ucs4_t c)
{
	return text_forbidden_char(c) || uc_is_general_category(c, UC_CATEGORY_Cf) ||
	       uc_is_general_category(c, UC_CATEGORY_Cs);
}

char *text_safe(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s), i = 0, o = 0;
	/* Each input byte yields at most 3 output bytes (U+FFFD). */
	uint8_t *out = xmalloc(3 * n + 1);
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, n - i);
		if (k < 0) {
			c = REPLACEMENT;
			k = 1;
		} else if (c == '\t') {
			c = ' ';
		} else if (c != '\n' && unpaintable(c)) {
			c = REPLACEMENT;
		}
		o += (size_t)u8_uctomb(out + o, c, 4);
		i += (size_t)k;
	}
	out[o] = '\0';
	return (char *)out;
}

/* ASCII for the characters that accent stripping does not cover. */
static const char *ascii_special(ucs4_t c)
{
	static const struct { ucs4_t c; const char *s; } tab[] = {
		{0x00A0, " "}, {0x202F, " "}, {0x2009, " "}, {0x00AB, "\""}, {0x00BB, "\""},
		{0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x2018, "'"}, {0x2019, "'"},
		{0x2013, "-"}, {0x2014, "-"}, {0x2026, "..."}, {0x0153, "oe"}, {0x0152, "OE"},
		{0x00E6, "ae"}, {0x00C6, "AE"}, {0x00DF, "ss"}, {0x2022, "*"}, {0x00B7, "."},
		{0x2190, "<-"}, {0x2192, "->"}, {0x2191, "^"}, {0x2193, "v"}, {0x25B2, "^"},
		{0x25BC, "v"}, {0x2605, "*"}, {0x2606, "*"}, {0x2665, "<3"}, {0x00B0, "o"},
		{0x00D7, "x"}, {0x2713, "v"}, {0x2714, "v"}, {0x2717, "x"}, {0x2718, "x"},
		{0x20AC, "EUR"}, {0x00A9, "(c)"}, {0x00B2, "2"}, {0x00B3, "3"},
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].c == c)
			return tab[i].s;
	if (c >= 0x2500 && c <= 0x257F) {	/* box drawing */
		static const ucs4_t horiz[] = {0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
					       0x254C, 0x254D, 0x2550};
		static const ucs4_t vert[] = {0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B,
					      0x254E, 0x254F, 0x2551};
		for (size_t i = 0; i < sizeof horiz / sizeof horiz[0]; i++)
			if (c == horiz[i])
				return "-";
		for (size_t i = 0; i < sizeof vert / sizeof vert[0]; i++)
			if (c == vert[i])
				return "|";
		if (c == 0x2571)
			return "/";
		if (c == 0x2572)
			return "\\";
		return "+";
	}
	if (c >= 0x2580 && c <= 0x259F)	/* blocks and shades */
		return "#";
	return NULL;
}

char *text_ascii(const char *s, char unknown)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s), i = 0, o = 0, cap = n + 1;
	char *out = xmalloc(cap);
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, n - i);
		char buf[8];
		const char *rep = buf;
		if (k < 0) {
			k = 1;
			c = REPLACEMENT;
		}
		if (c < 0x80) {
			buf[0] = (c < 0x20 && c != '\n') || c == 0x7F ? unknown : (char)c;
			buf[1] = '\0';
		} else if ((rep = ascii_special(c)) == NULL) {
			ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
			int dn = uc_canonical_decomposition(c, d);
			rep = buf;
			if (dn > 0 && d[0] < 0x80 && d[0] >= 0x20) {
				buf[0] = (char)d[0];
				buf[1] = '\0';
			} else {
				int w = uc_width(c, "UTF-8");
				buf[0] = unknown;
				buf[1] = w == 2 ? unknown : '\0';
				buf[2] = '\0';
			}
		}
		size_t rl = strlen(rep);
		out = xgrow(out, &cap, o + rl + 1, 1);
		memcpy(out + o, rep, rl);
		o += rl;
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

char *text_escape(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s), i = 0, o = 0;
	char *out = xmalloc(10 * n + 1);
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + i, n - i);
		if (k < 0) {
			o += (size_t)sprintf(out + o, "\\x%02X", p[i]);
			i++;
			continue;
		}
		if (c == '\\') {
			memcpy(out + o, "\\\\", 2);
			o += 2;
		} else if (c < 0x80 && (c < 0x20 || c == 0x7F)) {
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)c);
		} else if (c >= 0x80 && unpaintable(c)) {
			o += (size_t)sprintf(out + o, "\\u{%04X}", (unsigned)c);
		} else {
			memcpy(out + o, p + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

bool text_is_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return false;
	}
	return true;
}
