/* text.h — display width, wrapping and safe rendering of UTF-8 text (pure). */
#ifndef DECLIC_TEXT_H
#define DECLIC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A line of wrapped text: a byte range of the source string. */
struct text_span {
	size_t off, len;
};

/* The lines of a wrapped text. */
struct text_lines {
	struct text_span *v;
	size_t n, cap;
};

/* Display width of a UTF-8 string in terminal columns. */
int text_width(const char *s);
/* Display width of the first len bytes of s. */
int text_width_n(const char *s, size_t len);

/* Bytes of the first `cols` columns of s[0..len) (never splitting a character). */
size_t text_fit(const char *s, size_t len, int cols);
/* Bytes of the first n characters of s[0..len). */
size_t text_prefix(const char *s, size_t len, size_t n);
/* Number of characters of s[0..len). */
size_t text_chars(const char *s, size_t len);

/* Wrap s into lines of at most width columns (hard breaks at '\n'); returns the
 * number of lines. Words longer than width are cut. The spans point into s. */
size_t text_wrap(const char *s, int width, struct text_lines *out);
void text_lines_free(struct text_lines *l);

/* True for code points never allowed in content or on screen: C0 controls but
 * tab and newline, DEL, C1 controls, bidi overrides and isolates. */
bool text_forbidden_char(uint32_t c);

/* Offset of the first invalid UTF-8 sequence or forbidden character of s[0..n),
 * or n if there is none; *cp receives the code point (0xFFFD if invalid). */
size_t text_find_bad(const char *s, size_t n, uint32_t *cp);

/* A copy of s fit to paint: invalid UTF-8, controls and format characters become
 * U+FFFD, tabs become spaces, newlines are kept. Caller frees. */
char *text_safe(const char *s);

/* A copy of s in printable ASCII for non-UTF-8 terminals: accents dropped, box
 * drawing as +-|, quotes and dashes simplified, anything else as `unknown`
 * (twice for double-width characters). Caller frees. */
char *text_ascii(const char *s, char unknown);

/* A copy of untrusted s fit for stderr or a log: controls, bidi and invalid
 * bytes written as \xNN or \u{NNNN}. Caller frees. */
char *text_escape(const char *s);

/* True if s is an identifier: [a-z0-9_-], 1 to 32 bytes. */
bool text_is_id(const char *s);

#endif
