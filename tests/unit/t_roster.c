/* t_roster.c — importing a class list: plain lists, CSV/TSV exports, errors. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "core/roster.h"

/* Parses the NUL-terminated text s into r (zeroed first). */
static enum roster_rc parse(const char *s, struct roster *r)
{
	*r = (struct roster){0};
	return roster_parse(s, strlen(s), r);
}

/* The normalised names (or "!" for refused entries) joined by '|'. */
static char *names(const struct roster *r)
{
	static char buf[1024];
	buf[0] = '\0';
	for (size_t k = 0; k < r->n; k++) {
		if (k)
			strcat(buf, "|");
		strcat(buf, r->v[k].name ? r->v[k].name : "!");
	}
	return buf;
}

int main(void)
{
	struct tap t = {0};
	struct roster r;
	setlocale(LC_ALL, "C.UTF-8");

	is_int(&t, parse("", &r), ROSTER_OK, "empty file");
	is_int(&t, r.n, 0, "empty file has no names");
	roster_free(&r);
	is_int(&t, parse("\n \n\t\r\n", &r), ROSTER_OK, "blank lines only");
	is_int(&t, r.n, 0, "blank lines give no names");
	roster_free(&r);

	is_int(&t, parse("Léa\nTom\n\n  Zoé  \nNoé", &r), ROSTER_OK, "one name per line");
	is_str(&t, names(&r), "Léa|Tom|Zoé|Noé", "names, trimmed, last line without LF");
	is_int(&t, r.v[2].line, 4, "line numbers count the blank line");
	is_str(&t, r.v[2].raw, "  Zoé  ", "raw text kept as found");
	roster_free(&r);

	parse("\xEF\xBB\xBFLéa\r\nTom\r\n\r\nZoé\r\n", &r);
	is_str(&t, names(&r), "Léa|Tom|Zoé", "BOM skipped, CRLF line ends");
	is_int(&t, r.v[2].line, 4, "CRLF counts as one line end");
	roster_free(&r);
	parse("Léa\rTom\r\rZoé", &r);
	is_str(&t, names(&r), "Léa|Tom|Zoé", "old Mac CR line ends");
	is_int(&t, r.v[2].line, 4, "CR line numbers");
	roster_free(&r);

	parse("Prénom\nLéa\nTom\n", &r);
	is_str(&t, names(&r), "Léa|Tom", "a single 'Prénom' header line is skipped");
	is_int(&t, r.v[0].line, 2, "first name on line 2");
	roster_free(&r);

	parse("Léa\nLEA\nLéo\nlea\nJean-Luc\njean luc\n", &r);
	is_str(&t, names(&r), "Léa|!|Léo|!|Jean-Luc|!", "duplicates by case, accents, hyphen");
	is_int(&t, r.v[1].problem, ROSTER_DUPLICATE, "LEA is a duplicate");
	is_int(&t, r.v[1].dup_of, 1, "of line 1");
	is_int(&t, r.v[3].dup_of, 1, "lea also of line 1");
	is_int(&t, r.v[5].dup_of, 5, "jean luc of line 5");
	roster_free(&r);

	parse("Tom!\nLéa 😀\nabcdefghijabcdefghijabcdefghijabc\n王小明王小明王小明王小明\nTom!\nTom\n", &r);
	is_str(&t, names(&r), "!|!|!|!|!|Tom", "invalid names refused, the valid one kept");
	is_int(&t, r.v[0].problem, ROSTER_INVALID, "punctuation: invalid");
	is_int(&t, r.v[0].why, NAME_BAD_CHAR, "with the reason");
	is_int(&t, r.v[1].why, NAME_BAD_CHAR, "emoji refused");
	is_int(&t, r.v[2].why, NAME_TOO_LONG, "33 characters");
	is_int(&t, r.v[3].why, NAME_TOO_WIDE, "24 columns");
	is_int(&t, r.v[4].problem, ROSTER_INVALID, "an invalid name repeated is invalid, not a duplicate");
	roster_free(&r);

	parse("D’Artagnan\nمحمد\n王小明\n", &r);
	is_str(&t, names(&r), "D'Artagnan|محمد|王小明", "typographic apostrophe, Arabic, CJK");
	roster_free(&r);

	/* Tables exported from a spreadsheet or the school's software. */
	parse("Nom;Prénom;Date de naissance\nMartin;Léa;01/02/2016\nDurand;\"Jean-Luc\";\n", &r);
	is_str(&t, names(&r), "Léa|Jean-Luc", "semicolon CSV, column found by its header");
	is_int(&t, r.v[1].line, 3, "line of the second row");
	roster_free(&r);

	parse("NOM,PRENOM\nMartin,\"Léa\"\n\"Durand, fils\",\"Zoé\"\n", &r);
	is_str(&t, names(&r), "Léa|Zoé", "comma CSV, capitals, quoted comma in another field");
	roster_free(&r);

	parse("Last name\tFirst name\nMartin\tLéa\nDurand\tTom\n", &r);
	is_str(&t, names(&r), "Léa|Tom", "TSV with an English header");
	roster_free(&r);

	parse("\"Prénom\";\"Classe, niveau\"\n\"D\"\"Artagnan\";CM1\n\"Léa\";CM1\n", &r);
	is_str(&t, names(&r), "!|Léa", "quoted header; \"\" is a quote inside a field");
	is_str(&t, r.v[0].raw, "D\"Artagnan", "unquoted raw text");
	roster_free(&r);

	parse("prénom;nom\r\n\"Léa\r\nTom\";Martin\r\nZoé;Durand\r\n", &r);
	is_int(&t, r.v[0].why, NAME_BAD_CHAR, "a quoted line break inside a name is refused");
	is_int(&t, r.v[1].line, 4, "the record after a quoted line break starts on line 4");
	is_str(&t, r.v[1].name, "Zoé", "and is read");
	roster_free(&r);

	parse("Prénom;Nom\n;;\n;Martin\nLéa\n", &r);
	is_int(&t, r.n, 2, "a row of empty cells is skipped");
	is_int(&t, r.v[0].why, NAME_EMPTY, "a row without a first name is reported");
	is_int(&t, r.v[0].line, 3, "on its line");
	is_str(&t, r.v[1].name, "Léa", "a short row still has its first cell");
	roster_free(&r);

	parse("Prenom;Nom\nLéa;Martin\nLEA;Durand\n", &r);
	is_int(&t, r.v[1].problem, ROSTER_DUPLICATE, "duplicate first names in a table");
	roster_free(&r);

	is_int(&t, parse("Nom;Classe\nMartin;CM1\n", &r), ROSTER_NO_COLUMN, "table without a first-name column");
	is_int(&t, r.bad_line, 1, "reported on the header line");
	is_int(&t, r.n, 0, "and nothing is imported");
	roster_free(&r);
	is_int(&t, parse("\n\nMartin, Léa\nDurand, Tom\n", &r), ROSTER_NO_COLUMN,
	       "'name, first name' lines look like a table without header");
	is_int(&t, r.bad_line, 3, "on the first non-blank line");
	roster_free(&r);

	is_int(&t, parse("Léa\nTom\nZo\xe9" "\nNoé\n", &r), ROSTER_BAD_TEXT, "Latin-1 file refused");
	is_int(&t, r.bad_line, 3, "with the line of the first bad byte");
	is_int(&t, r.n, 0, "and no name");
	roster_free(&r);
	r = (struct roster){0};
	is_int(&t, roster_parse("Léa\r\n\r\nT\0m\n", 11, &r), ROSTER_BAD_TEXT, "a NUL byte: not text");
	is_int(&t, r.bad_line, 3, "NUL on line 3");
	roster_free(&r);

	char *big = malloc(ROSTER_MAX_NAMES * 8 + 16), *p = big;
	for (int k = 0; k <= ROSTER_MAX_NAMES; k++)
		p += sprintf(p, "n%d\n", k);
	is_int(&t, parse(big, &r), ROSTER_TOO_MANY, "more than %d names refused", ROSTER_MAX_NAMES);
	is_int(&t, r.bad_line, ROSTER_MAX_NAMES + 1, "at the first name too many");
	roster_free(&r);
	free(big);

	char *m = roster_message(ROSTER_BAD_TEXT, 7);
	ok(&t, strstr(m, "7") != NULL, "the message names the line: %s", m);
	free(m);
	return tap_done(&t);
}
