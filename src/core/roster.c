/* roster.c — a class list from a text file or a spreadsheet export. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/answer.h"
#include "core/roster.h"
#include "i18n.h"
#include "xalloc.h"

/* The fields of one record. */
struct fields {
	char **v;
	size_t n, cap;
};

/* A reader over the text, counting lines. */
struct reader {
	const char *p;
	size_t len, i;
	int line;
};

static void fields_clear(struct fields *f)
{
	for (size_t k = 0; k < f->n; k++)
		free(f->v[k]);
	f->n = 0;
}

/* If the reader is at a line end, consumes it (CRLF, LF or CR), counts the
 * line and returns true. */
static bool eat_eol(struct reader *r)
{
	if (r->i >= r->len)
		return false;
	if (r->p[r->i] == '\r') {
		r->i++;
		if (r->i < r->len && r->p[r->i] == '\n')
			r->i++;
	} else if (r->p[r->i] == '\n') {
		r->i++;
	} else {
		return false;
	}
	r->line++;
	return true;
}

/* Appends byte c to the growing buffer *b of length *n (capacity *cap). */
static void put(char **b, size_t *n, size_t *cap, char c)
{
	*b = xgrow(*b, cap, *n + 2, 1);
	(*b)[(*n)++] = c;
	(*b)[*n] = '\0';
}

/* Reads one record into f: fields split at sep (none when sep is 0), a field
 * that starts with '"' is quoted ("" for a quote; line ends allowed inside in
 * a table, never in a plain list). Consumes the line end. */
static void read_record(struct reader *r, char sep, struct fields *f)
{
	fields_clear(f);
	for (;;) {
		char *b = NULL;
		size_t n = 0, cap = 0;
		put(&b, &n, &cap, '\0');
		n = 0;
		if (r->i < r->len && r->p[r->i] == '"') {
			r->i++;
			while (r->i < r->len) {
				char c = r->p[r->i];
				if (c == '"' && r->i + 1 < r->len && r->p[r->i + 1] == '"') {
					put(&b, &n, &cap, '"');
					r->i += 2;
				} else if (c == '"') {
					r->i++;
					break;
				} else if ((c == '\r' || c == '\n') && sep == 0) {
					break;
				} else if (c == '\r' || c == '\n') {
					size_t at = r->i;
					eat_eol(r);
					while (at < r->i)
						put(&b, &n, &cap, r->p[at++]);
				} else {
					put(&b, &n, &cap, c);
					r->i++;
				}
			}
		}
		while (r->i < r->len && r->p[r->i] != '\n' && r->p[r->i] != '\r' &&
		       (sep == 0 || r->p[r->i] != sep))
			put(&b, &n, &cap, r->p[r->i++]);
		f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
		f->v[f->n++] = b;
		if (sep != 0 && r->i < r->len && r->p[r->i] == sep) {
			r->i++;
			continue;
		}
		eat_eol(r);
		return;
	}
}

/* True if s holds nothing but spaces and tabs. */
static bool blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* True if s names a first-name column ("Prénom", "prenoms", "First name"). */
static bool is_first_name_header(const char *s)
{
	char *k = answer_normalize(s);
	bool yes = !strcmp(k, "prenom") || !strcmp(k, "prenoms") || !strcmp(k, "firstname") ||
		   !strcmp(k, "firstnames");
	free(k);
	return yes;
}

/* The separator a header line uses most (';', TAB then ',' on a tie), outside
 * double quotes; 0 when it has none. */
static char guess_separator(const char *p, size_t len)
{
	static const char seps[] = {';', '\t', ','};
	size_t count[3] = {0, 0, 0};
	bool quoted = false;
	for (size_t i = 0; i < len && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
		if (p[i] == '"')
			quoted = !quoted;
		for (int s = 0; s < 3 && !quoted; s++)
			count[s] += p[i] == seps[s];
	}
	int best = 0;
	for (int s = 1; s < 3; s++)
		if (count[s] > count[best])
			best = s;
	return count[best] ? seps[best] : 0;
}

/* The line (1-based) of byte offset at in p, counting LF, CRLF and CR. */
static int line_of(const char *p, size_t at)
{
	int line = 1;
	for (size_t i = 0; i < at; i++)
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= at || p[i + 1] != '\n')))
			line++;
	return line;
}

/* Checks the text: returns the offset of the first invalid UTF-8 sequence or
 * NUL byte, or len. */
static size_t find_bad_text(const char *p, size_t len)
{
	const uint8_t *bad = u8_check((const uint8_t *)p, len);
	size_t at = bad ? (size_t)(bad - (const uint8_t *)p) : len;
	const char *nul = memchr(p, '\0', len);
	if (nul && (size_t)(nul - p) < at)
		at = (size_t)(nul - p);
	return at;
}

/* Appends an entry for the text raw found at line, checking its name and
 * looking for an earlier entry with the same key. */
static void add_entry(struct roster *r, int line, const char *raw)
{
	struct roster_entry e = {.line = line, .raw = xstrdup(raw)};
	e.why = name_check(raw, &e.name);
	e.problem = e.why == NAME_OK ? ROSTER_FINE : ROSTER_INVALID;
	if (e.name) {
		char *key = name_key(e.name);
		for (size_t k = 0; k < r->n && e.problem == ROSTER_FINE; k++) {
			if (r->v[k].problem != ROSTER_FINE)
				continue;
			char *other = name_key(r->v[k].name);
			if (!strcmp(key, other)) {
				e.problem = ROSTER_DUPLICATE;
				e.dup_of = r->v[k].line;
				free(e.name);
				e.name = NULL;
			}
			free(other);
		}
		free(key);
	}
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = e;
}

/* Skips blank lines; returns false at the end of the text. */
static bool skip_blank_lines(struct reader *rd)
{
	for (;;) {
		size_t i = rd->i;
		while (i < rd->len && (rd->p[i] == ' ' || rd->p[i] == '\t'))
			i++;
		if (i >= rd->len)
			return false;
		if (rd->p[i] != '\n' && rd->p[i] != '\r')
			return true;
		rd->i = i;
		eat_eol(rd);
	}
}

enum roster_rc roster_parse(const char *buf, size_t len, struct roster *r)
{
	struct reader rd = {buf, len, 0, 1};
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		rd.i = 3;
	size_t bad = find_bad_text(buf, len);
	if (bad < len) {
		r->bad_line = line_of(buf, bad);
		return ROSTER_BAD_TEXT;
	}
	if (!skip_blank_lines(&rd))
		return ROSTER_OK;
	struct fields f = {0};
	char sep = guess_separator(buf + rd.i, len - rd.i);
	size_t col = 0;
	int header_line = rd.line;
	size_t header_at = rd.i;
	read_record(&rd, sep, &f);
	bool header = false;
	for (size_t k = 0; k < f.n && !header; k++)
		if (is_first_name_header(f.v[k]))
			header = true, col = k;
	if (sep && !header) {
		fields_clear(&f);
		free(f.v);
		r->bad_line = header_line;
		return ROSTER_NO_COLUMN;
	}
	if (!header)
		rd.i = header_at, rd.line = header_line;
	enum roster_rc rc = ROSTER_OK;
	size_t names = 0;
	while (rc == ROSTER_OK && skip_blank_lines(&rd)) {
		int line = rd.line;
		read_record(&rd, sep, &f);
		bool empty = true;
		for (size_t k = 0; k < f.n; k++)
			empty = empty && blank(f.v[k]);
		if (empty)
			continue;
		if (++names > ROSTER_MAX_NAMES) {
			r->bad_line = line;
			rc = ROSTER_TOO_MANY;
			break;
		}
		add_entry(r, line, col < f.n ? f.v[col] : "");
	}
	fields_clear(&f);
	free(f.v);
	if (rc != ROSTER_OK)
		roster_free(r);
	return rc;
}

void roster_free(struct roster *r)
{
	for (size_t k = 0; k < r->n; k++) {
		free(r->v[k].raw);
		free(r->v[k].name);
	}
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

char *roster_message(enum roster_rc rc, int line)
{
	switch (rc) {
	case ROSTER_OK:
		break;
	case ROSTER_BAD_TEXT:
		return xasprintf(_("Line %d: this file is not UTF-8 text. Save it as \"CSV UTF-8\" "
				   "or as plain UTF-8 text and try again."), line);
	case ROSTER_NO_COLUMN:
		return xasprintf(_("Line %d: this table has no \"first name\" (prénom) column."), line);
	case ROSTER_TOO_MANY:
		return xasprintf(_("Line %d: a list can hold at most %d names."), line,
				 ROSTER_MAX_NAMES);
	}
	return xstrdup(_("The list was read."));
}
