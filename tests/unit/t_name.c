/* t_name.c — the naming rules for pupils and classes, and the comparison key. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "core/name.h"

/* Checks that s is accepted and normalised to want. */
static void accepts(struct tap *t, const char *s, const char *want, const char *what)
{
	char *n = (char *)"junk";
	enum name_rc rc = name_check(s, &n);
	is_int(t, rc, NAME_OK, "accepted: %s", what);
	is_str(t, n, want, "normalised: %s", what);
	free(rc == NAME_OK ? n : NULL);
}

/* Checks that s is refused with want and no name is returned. */
static void refuses(struct tap *t, const char *s, enum name_rc want, const char *what)
{
	char *n = (char *)"junk";
	enum name_rc rc = name_check(s, &n);
	is_int(t, rc, want, "refused: %s", what);
	ok(t, n == NULL, "no name returned: %s", what);
	if (rc == NAME_OK)
		free(n);
}

/* Checks that the keys of a and b are equal (or not, when same is false). */
static void same_key(struct tap *t, const char *a, const char *b, int same)
{
	char *ka = name_key(a), *kb = name_key(b);
	ok(t, (strcmp(ka, kb) == 0) == same, "'%s' and '%s' %s the same name (keys '%s', '%s')", a, b,
	   same ? "are" : "are not", ka, kb);
	free(ka);
	free(kb);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");

	accepts(&t, "Léa", "Léa", "accented Latin letters");
	accepts(&t, "  Jean   Luc  ", "Jean Luc", "trimmed, inner spaces collapsed");
	accepts(&t, "\tZoé\u00a0\u202fMartin ", "Zoé Martin", "tabs and no-break spaces count as spaces");
	accepts(&t, "Jean-Luc", "Jean-Luc", "hyphen");
	accepts(&t, "D'Artagnan", "D'Artagnan", "apostrophe");
	accepts(&t, "D\u2019Artagnan", "D'Artagnan", "typographic apostrophe stored as '");
	accepts(&t, "Le\u0301a", "L\u00e9a", "decomposed accent normalised to NFC");
	accepts(&t, "Noé2", "Noé2", "digits");
	accepts(&t, "42", "42", "digits only (a pseudonym)");
	accepts(&t, "محمد", "محمد", "Arabic letters");
	accepts(&t, "ياسمين", "ياسمين", "Arabic name");
	accepts(&t, "王小明", "王小明", "CJK letters (6 columns)");
	accepts(&t, "Αλέξανδρος", "Αλέξανδρος", "Greek");
	accepts(&t, "Владимир", "Владимир", "Cyrillic");
	accepts(&t, "अनिल", "अनिल", "Devanagari with vowel signs (combining marks)");
	accepts(&t, "Ngọc Ánh", "Ngọc Ánh", "Vietnamese, stacked accents");
	accepts(&t, "abcdefghijabcdefghij", "abcdefghijabcdefghij", "exactly 20 columns");
	accepts(&t, "王小明王小明王小明王", "王小明王小明王小明王", "10 wide characters = 20 columns");
	/* 32 characters of zero width marks over 16 letters: 32 chars, 16 columns. */
	accepts(&t, "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301",
		"éééééééé", "NFC counts composed characters");

	refuses(&t, "", NAME_EMPTY, "empty");
	refuses(&t, "   \t ", NAME_EMPTY, "only spaces");
	refuses(&t, "Léa 😀", NAME_BAD_CHAR, "emoji");
	refuses(&t, "Tom!", NAME_BAD_CHAR, "punctuation");
	refuses(&t, "Tom_2", NAME_BAD_CHAR, "underscore");
	refuses(&t, "Léa;Tom", NAME_BAD_CHAR, "semicolon");
	refuses(&t, "Tom\nLéa", NAME_BAD_CHAR, "newline");
	refuses(&t, "Tom\x1b" "[31m", NAME_BAD_CHAR, "escape sequence");
	refuses(&t, "Tom\u202eoj", NAME_BAD_CHAR, "bidi override");
	refuses(&t, "Tom\u200b", NAME_BAD_CHAR, "zero-width space");
	refuses(&t, "L\xe9" "a", NAME_BAD_CHAR, "Latin-1 byte (invalid UTF-8)");
	refuses(&t, "\u0301a", NAME_BAD_CHAR, "combining mark with nothing to sit on");
	refuses(&t, "- '", NAME_BAD_CHAR, "no letter or digit");
	refuses(&t, "Léa²", NAME_BAD_CHAR, "superscript digit is not a digit");
	refuses(&t, "abcdefghijabcdefghijabcdefghijabc", NAME_TOO_LONG, "33 characters");
	refuses(&t, "abcdefghij abcdefghij", NAME_TOO_WIDE, "21 columns");
	refuses(&t, "a b c d e f g h i j k l m n o p q", NAME_TOO_LONG,
		"33 characters with spaces is too long before too wide");
	refuses(&t, "王小明王小明王小明王小明", NAME_TOO_WIDE, "12 wide characters = 24 columns");

	ok(&t, name_check("Léa", NULL) == NAME_OK, "norm may be NULL");

	same_key(&t, "Léa", "LEA", 1);
	same_key(&t, "Léa", "lea", 1);
	same_key(&t, "Chloé", "Chloe\u0301", 1);
	same_key(&t, "Jean-Luc", "jean luc", 1);
	same_key(&t, "D'Artagnan", "d\u2019artagnan", 1);
	same_key(&t, "Ærwyn", "aerwyn", 1);
	same_key(&t, "Léa", "Léo", 0);
	same_key(&t, "Dartagnan", "D'Artagnan", 0);
	same_key(&t, "अनिल", "अनल", 0);	/* a vowel sign is not an accent */
	char *k = name_key("  Élodie-Anne ");
	is_str(&t, k, "elodie anne", "key of Élodie-Anne");
	free(k);
	k = name_key("Anne");
	char *k2 = name_key("Anne-Marie"), *k3 = name_key("Annabelle");
	ok(&t, strcmp(k3, k) < 0 && strcmp(k, k2) < 0, "keys sort Annabelle, Anne, Anne-Marie");
	free(k);
	free(k2);
	free(k3);

	ok(&t, name_strerror(NAME_TOO_WIDE)[0] != '\0', "every code has a sentence");
	ok(&t, strcmp(name_strerror(NAME_BAD_CHAR), name_strerror(NAME_TOO_LONG)) != 0,
	   "sentences differ");
	return tap_done(&t);
}
