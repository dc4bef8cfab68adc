/* answer.c — "pseudo", "Pseudo !", "pséudo" and "psuedo" are the same answer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "core/answer.h"
#include "xalloc.h"

/* Fold s (compatibility-decomposed, case-folded): letters and digits are kept;
 * accents (every combining mark for answers, diacritics only for names) are
 * dropped; for names each run of anything else between two kept characters
 * becomes one space. Returns a new string. */
static char *fold(const char *s, bool name)
{
	size_t flen = 0;
	uint8_t *folded = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFKD,
				      NULL, &flen);
	if (!folded)
		return xstrdup("");
	char *out = xmalloc(flen + 1);
	size_t i = 0, o = 0;
	bool gap = false;
	while (i < flen) {
		ucs4_t c;
		int k = u8_mbtouc(&c, folded + i, flen - i);
		bool keep = uc_is_general_category(c, UC_CATEGORY_L) ||
			    uc_is_general_category(c, UC_CATEGORY_N) ||
			    (name && o > 0 && uc_is_general_category(c, UC_CATEGORY_M) &&
			     !uc_is_property_diacritic(c));
		bool mark = uc_is_general_category(c, UC_CATEGORY_M);
		if ((keep || c == 0x0153 || c == 0x00E6) && gap && o > 0)
			out[o++] = ' ';	/* never longer: the gap had at least one byte */
		if (keep || c == 0x0153 || c == 0x00E6)
			gap = false;
		else if (name && !mark)
			gap = true;
		if (c == 0x0153 || c == 0x00E6) {	/* œ, æ as typed: "oe", "ae" (same size) */
			out[o++] = c == 0x0153 ? 'o' : 'a';
			out[o++] = 'e';
		} else if (keep) {
			memcpy(out + o, folded + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	free(folded);
	return out;
}

char *answer_normalize(const char *s)
{
	return fold(s, false);
}

char *answer_name_key(const char *s)
{
	return fold(s, true);
}

/* Decode a UTF-8 string into a new array of code points; *n gets the count. */
static ucs4_t *to_u32(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0;
	ucs4_t *v = xmalloc((len + 1) * sizeof *v);
	*n = 0;
	while (i < len) {
		int k = u8_mbtouc(&v[*n], (const uint8_t *)s + i, len - i);
		(*n)++;
		i += (size_t)k;
	}
	return v;
}

size_t answer_distance(const char *a, const char *b)
{
	size_t na, nb;
	ucs4_t *ua = to_u32(a, &na), *ub = to_u32(b, &nb);
	size_t *row = xmalloc((nb + 1) * sizeof *row);
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (ua[i - 1] != ub[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[nb];
	free(row);
	free(ua);
	free(ub);
	return d;
}

/* True if a and b have the same ASCII digits in the same order. */
static bool same_digits(const char *a, const char *b)
{
	for (;;) {
		while (*a && (*a < '0' || *a > '9'))
			a++;
		while (*b && (*b < '0' || *b > '9'))
			b++;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
		a++;
		b++;
	}
}

bool answer_text_ok(const char *given, char *const *accepted, size_t n)
{
	char *g = answer_normalize(given);
	bool ok = false;
	for (size_t i = 0; i < n && !ok && *g; i++) {
		char *a = answer_normalize(accepted[i]);
		size_t alen = u8_mbsnlen((const uint8_t *)a, strlen(a));
		/* A typo in a word is forgiven, never in a number (3018 is not 3019). */
		ok = *a && same_digits(g, a) && answer_distance(g, a) <= alen / 4;
		free(a);
	}
	free(g);
	return ok;
}
