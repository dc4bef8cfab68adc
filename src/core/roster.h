/* roster.h — reading an imported list of first names (pure).
 *
 * The file is UTF-8 (a byte order mark is skipped) with LF, CRLF or CR line
 * ends. Either one name per line, or a table (CSV/TSV) whose header row has a
 * "prénom", "prenom" or "first name" column (case and accents ignored); the
 * separator ';', ',' or TAB is the one the header uses most, and fields may
 * be double-quoted with "" for a quote. Blank lines are skipped. */
#ifndef DECLIC_ROSTER_H
#define DECLIC_ROSTER_H

#include <stddef.h>

#include "core/name.h"

#define ROSTER_MAX_NAMES 1000

enum roster_rc {
	ROSTER_OK,
	ROSTER_BAD_TEXT,	/* invalid UTF-8 or a NUL byte at line bad_line */
	ROSTER_NO_COLUMN,	/* a table without a first-name column */
	ROSTER_TOO_MANY		/* more than ROSTER_MAX_NAMES names */
};

enum roster_problem {
	ROSTER_FINE,		/* a new name */
	ROSTER_INVALID,		/* breaks the naming rules: see why */
	ROSTER_DUPLICATE	/* same name as line dup_of (case, accents ignored) */
};

struct roster_entry {
	int line;		/* 1-based line where the name (its record) starts */
	char *raw;		/* the text as found (untrusted: escape to show it) */
	char *name;		/* the normalised name, NULL unless ROSTER_FINE */
	enum roster_problem problem;
	enum name_rc why;	/* for ROSTER_INVALID */
	int dup_of;		/* for ROSTER_DUPLICATE */
};

struct roster {
	struct roster_entry *v;
	size_t n, cap;
	int bad_line;		/* for ROSTER_BAD_TEXT and ROSTER_NO_COLUMN */
};

/* Parses buf[0..len) into r (which must be zeroed); on error r holds no
 * entries and r->bad_line says where. */
enum roster_rc roster_parse(const char *buf, size_t len, struct roster *r);
void roster_free(struct roster *r);

/* The message for the user about rc, with the line number (translated).
 * Caller frees. */
char *roster_message(enum roster_rc rc, int line);

#endif
