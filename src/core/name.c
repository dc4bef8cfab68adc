/* name.c — what a pupil or class may be called, and how names are compared. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "core/answer.h"
#include "core/name.h"
#include "core/text.h"
#include "i18n.h"
#include "xalloc.h"

/* True for the characters that count as a space: tab and Unicode spaces
 * (no-break spaces included, as pasted from a word processor). */
static bool is_space(ucs4_t c)
{
	return c == '\t' || uc_is_general_category(c, UC_CATEGORY_Zs);
}

/* A copy of s without leading and trailing spaces, each inner run of spaces
 * as one ' '; NULL if s is not valid UTF-8. */
static char *squeeze(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	if (u8_check((const uint8_t *)s, len))
		return NULL;
	char *out = xmalloc(len + 1);
	bool gap = false;
	while (i < len) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		if (is_space(c)) {
			gap = true;
		} else {
			if (gap && o > 0)
				out[o++] = ' ';
			gap = false;
			memcpy(out + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return out;
}

/* Checks the characters of the NFC string s, writing ’ as ' in place (same or
 * shorter); false if one is not allowed or none is a letter or digit. */
static bool check_chars(char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	bool alnum = false, after_base = false;
	while (i < len) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		bool letter = uc_is_general_category(c, UC_CATEGORY_L);
		bool digit = uc_is_general_category(c, UC_CATEGORY_Nd);
		bool mark = uc_is_general_category(c, UC_CATEGORY_M);
		if (letter || digit) {
			alnum = after_base = true;
		} else if (mark) {
			if (!after_base)	/* a combining mark must follow a letter */
				return false;
		} else if (c == ' ' || c == '-' || c == '\'' || c == 0x2019) {
			after_base = false;
		} else {
			return false;
		}
		if (c == 0x2019) {
			s[o++] = '\'';
		} else {
			memmove(s + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	s[o] = '\0';
	return alnum;
}

enum name_rc name_check(const char *s, char **norm)
{
	if (norm)
		*norm = NULL;
	char *sq = squeeze(s);
	if (!sq)
		return NAME_BAD_CHAR;
	if (!*sq) {
		free(sq);
		return NAME_EMPTY;
	}
	size_t nlen = 0;
	uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)sq, strlen(sq) + 1, NULL, &nlen);
	free(sq);
	if (!nfc)
		return NAME_BAD_CHAR;
	char *n = (char *)nfc;
	enum name_rc rc = NAME_OK;
	if (!check_chars(n))
		rc = NAME_BAD_CHAR;
	else if (text_chars(n, strlen(n)) > NAME_MAX_CHARS)
		rc = NAME_TOO_LONG;
	else if (text_width(n) > NAME_MAX_COLUMNS)
		rc = NAME_TOO_WIDE;
	if (rc == NAME_OK && norm)
		*norm = n;
	else
		free(n);
	return rc;
}

char *name_key(const char *s)
{
	return answer_name_key(s);
}

const char *name_strerror(enum name_rc rc)
{
	switch (rc) {
	case NAME_OK:
		return _("The name is fine.");
	case NAME_EMPTY:
		return _("Type a name.");
	case NAME_TOO_LONG:
		return _("A name can have at most 32 characters.");
	case NAME_TOO_WIDE:
		return _("This name is too wide for the screen: shorten it.");
	case NAME_BAD_CHAR:
		break;
	}
	return _("A name may only contain letters, digits, spaces, hyphens (-) and apostrophes ('), "
		 "with at least one letter or digit.");
}
