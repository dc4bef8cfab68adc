/* name.h — the rules for pupil and class names (pure).
 *
 * A name is 1 to 32 characters and at most 20 columns wide, made of letters of
 * any script, digits, spaces, hyphens and apostrophes, with at least one letter
 * or digit. It is stored trimmed, with single inner spaces, in Unicode NFC, and
 * with the typographic apostrophe ’ written as '. */
#ifndef DECLIC_NAME_H
#define DECLIC_NAME_H

#define NAME_MAX_CHARS 32
#define NAME_MAX_COLUMNS 20

enum name_rc {
	NAME_OK,
	NAME_EMPTY,	/* nothing but spaces */
	NAME_TOO_LONG,	/* more than 32 characters */
	NAME_TOO_WIDE,	/* more than 20 columns on screen */
	NAME_BAD_CHAR	/* a character that is not allowed (or no letter at all) */
};

/* Checks s against the rules; when NAME_OK, *norm (if not NULL) receives the
 * normalised name (caller frees), otherwise it is set to NULL. */
enum name_rc name_check(const char *s, char **norm);

/* The key names are compared and sorted by: case and accents ignored, each run
 * of spaces, hyphens and apostrophes as one space. Caller frees. */
char *name_key(const char *s);

/* A sentence for the user explaining rc (translated). */
const char *name_strerror(enum name_rc rc);

#endif
