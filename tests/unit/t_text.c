/* t_text.c — display width, wrapping, safe painting, ASCII fallback, escaping. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "core/text.h"

/* The wrapped lines of s at width, joined with '|'. Caller frees. */
static char *wrapped(const char *s, int width)
{
	struct text_lines tl = {0};
	size_t n = text_wrap(s, width, &tl);
	char *out = calloc(strlen(s) + n + 1, 1);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, s + tl.v[i].off, tl.v[i].len);
	}
	text_lines_free(&tl);
	return out;
}

/* Check that s wrapped at width gives the lines `want` (joined with '|'). */
static void is_wrapped(struct tap *t, const char *s, int width, const char *want, const char *what)
{
	char *got = wrapped(s, width);
	is_str(t, got, want, "%s", what);
	free(got);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	char *s;

	is_int(&t, text_width("Noé"), 3, "an accented letter takes one column");
	is_int(&t, text_width("日本"), 4, "CJK characters take two columns");
	is_int(&t, text_width("e\xcc\x81"), 1, "a combining accent takes no column");
	is_int(&t, text_fit("Noé-le-dragon", 13, 3), 4, "three columns of 'Noé' are four bytes");

	is_wrapped(&t, "Regarde ! Je m'inscris sur un jeu.", 9, "Regarde !|Je|m'inscris|sur un|jeu.",
		   "never breaks before '!' (French spacing)");
	is_wrapped(&t, "abcdefghij", 4, "abcd|efgh|ij",
		   "a word longer than the width is cut");
	is_wrapped(&t, "un\ndeux trois", 20, "un|deux trois",
		   "a newline is a hard break");
	is_wrapped(&t, "", 10, "",
		   "an empty text is one empty line");
	is_wrapped(&t, "été été été", 7, "été été|été",
		   "width counts columns, not bytes");

	s = text_safe("a\x1b[31mb\xe2\x80\xae" "c\td\n");
	is_str(&t, s, "a\xef\xbf\xbd[31mb\xef\xbf\xbd" "c d\n", "ESC and U+202E become U+FFFD, tab a space");
	free(s);
	s = text_safe("x\xffy");
	is_str(&t, s, "x\xef\xbf\xbdy", "invalid UTF-8 becomes U+FFFD");
	free(s);
	s = text_safe("\xe2\x80\x8b");
	is_str(&t, s, "\xef\xbf\xbd", "zero-width space (a format character) is neutralised");
	free(s);

	s = text_ascii("Noé «salut» ça va… œuf ─│┌ ★", '?');
	is_str(&t, s, "Noe \"salut\" ca va... oeuf -|+ *", "ASCII fallback is readable");
	free(s);
	s = text_ascii("日", '*');
	is_str(&t, s, "**", "a double-width unknown character keeps its two columns");
	free(s);

	s = text_escape("a\x1b[2J\xe2\x80\xae\xff\\");
	is_str(&t, s, "a\\x1B[2J\\u{202E}\\xFF\\\\", "escaping for stderr leaves no raw control byte");
	free(s);

	uint32_t c;
	is_int(&t, text_find_bad("ok\x7f", 3, &c), 2, "DEL is found");
	is_int(&t, c, 0x7f, "and reported as U+007F");
	is_int(&t, text_find_bad("ok\xc2\x85", 4, &c), 2, "a C1 control (NEL) is found");
	is_int(&t, text_find_bad("a\tb\nc", 5, &c), 5, "tab and newline are allowed");
	is_int(&t, text_find_bad("\xe2\x81\xa6", 3, &c), 0, "U+2066 (bidi isolate) is found");

	ok(&t, text_is_id("q-adresse_2"), "ids allow a-z, 0-9, - and _");
	ok(&t, !text_is_id("Noé"), "ids refuse capitals and accents");
	ok(&t, !text_is_id(""), "ids are not empty");
	ok(&t, !text_is_id("abcdefghijabcdefghijabcdefghijabc"), "ids are at most 32 bytes");
	return tap_done(&t);
}
