/* yp.c — libyaml's event stream, bounded and checked. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/text.h"
#include "i18n.h"
#include "pack/yp.h"
#include "xalloc.h"

/* Position of a libyaml mark, 1-based. */
static struct pos mark_pos(yaml_mark_t m)
{
	return (struct pos){(unsigned)m.line + 1, (unsigned)m.column + 1};
}

void yp_error(struct yp *y, struct pos at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	diag_add(y->d, y->file, at, "%s", msg);
	free(msg);
}

/* Report a fatal error: nothing more is read from this file. */
static void fail(struct yp *y, struct pos at, const char *msg)
{
	yp_error(y, at, "%s", msg);
	y->failed = true;
}

/* Line and column (in characters) of byte offset `to` in buf, given position p
 * of byte offset `from`. */
static struct pos offset_pos(const char *buf, size_t from, size_t to, struct pos p)
{
	size_t i = from;
	while (i < to) {
		if (buf[i] == '\n') {
			p.line++;
			p.col = 1;
			i++;
			continue;
		}
		ucs4_t c;
		int k = u8_mbtoucr(&c, (const uint8_t *)buf + i, to - i);
		i += k > 0 ? (size_t)k : 1;
		p.col++;
	}
	return p;
}

bool yp_check_bytes(const char *file, const char *buf, size_t len, struct diags *d)
{
	size_t off = 0, reported = 0;
	struct pos at = {1, 1};
	while (off < len && reported < 20) {
		uint32_t c;
		size_t bad = off + text_find_bad(buf + off, len - off, &c);
		if (bad == len)
			break;
		at = offset_pos(buf, off, bad, at);
		if (c == 0xFFFD)
			diag_add(d, file, at, _("invalid UTF-8 (byte 0x%02X)"), (unsigned char)buf[bad]);
		else
			diag_add(d, file, at, _("forbidden character U+%04X"), (unsigned)c);
		reported++;
		off = bad;
		int k = c == 0xFFFD ? 1 : u8_mblen((const uint8_t *)buf + bad, len - bad);
		off += k > 0 ? (size_t)k : 1;
		at = offset_pos(buf, bad, off, at);
	}
	return reported == 0;
}

/* Check an event's anchor and tag, which packs may not use. */
static void check_props(struct yp *y, const yaml_char_t *anchor, const yaml_char_t *tag)
{
	struct pos at = mark_pos(y->ev.start_mark);
	if (anchor)
		yp_error(y, at, _("anchors (&) are not allowed"));
	if (tag)
		yp_error(y, at, _("tags (!) are not allowed"));
}

/* Check the scalar under the cursor: its length and the characters YAML
 * escapes can produce; false (reported) if it is refused. */
static bool check_scalar(struct yp *y)
{
	size_t len = y->ev.data.scalar.length;
	const char *v = (const char *)y->ev.data.scalar.value;
	struct pos at = mark_pos(y->ev.start_mark);
	uint32_t c;
	if (len > YP_MAX_SCALAR)
		yp_error(y, at, _("text longer than 16 KiB"));
	else if (memchr(v, '\0', len))
		yp_error(y, at, _("forbidden character U+0000"));
	else if (text_find_bad(v, len, &c) != len)
		yp_error(y, at, _("forbidden character U+%04X"), (unsigned)c);
	else
		return true;
	return false;
}

/* Make sure an event is under the cursor; false on a fatal error. */
static bool fetch(struct yp *y)
{
	if (y->failed)
		return false;
	if (y->have)
		return true;
	if (!yaml_parser_parse(&y->parser, &y->ev)) {
		const char *problem = y->parser.problem ? y->parser.problem : "syntax error";
		struct pos at = mark_pos(y->parser.problem_mark);
		if (y->parser.context)
			yp_error(y, at, _("YAML syntax: %s %s"), problem, y->parser.context);
		else
			yp_error(y, at, _("YAML syntax: %s"), problem);
		y->failed = true;
		return false;
	}
	y->have = true;
	if (++y->events > YP_MAX_EVENTS) {
		fail(y, mark_pos(y->ev.start_mark), _("too many YAML events (at most 200000)"));
		return false;
	}
	y->bad_scalar = false;
	switch (y->ev.type) {
	case YAML_SCALAR_EVENT:
		check_props(y, y->ev.data.scalar.anchor, y->ev.data.scalar.tag);
		y->bad_scalar = !check_scalar(y);
		break;
	case YAML_SEQUENCE_START_EVENT:
		check_props(y, y->ev.data.sequence_start.anchor, y->ev.data.sequence_start.tag);
		break;
	case YAML_MAPPING_START_EVENT:
		check_props(y, y->ev.data.mapping_start.anchor, y->ev.data.mapping_start.tag);
		break;
	default:
		break;
	}
	if ((y->ev.type == YAML_SEQUENCE_START_EVENT || y->ev.type == YAML_MAPPING_START_EVENT) &&
	    y->depth + 1 > YP_MAX_DEPTH) {
		fail(y, mark_pos(y->ev.start_mark), _("nesting deeper than 16 levels"));
		return false;
	}
	return true;
}

/* Consume the event under the cursor. */
static void consume(struct yp *y)
{
	if (!y->have)
		return;
	if (y->ev.type == YAML_SEQUENCE_START_EVENT || y->ev.type == YAML_MAPPING_START_EVENT)
		y->depth++;
	else if (y->ev.type == YAML_SEQUENCE_END_EVENT || y->ev.type == YAML_MAPPING_END_EVENT)
		y->depth--;
	yaml_event_delete(&y->ev);
	y->have = false;
}

enum yp_kind yp_peek(struct yp *y)
{
	if (!fetch(y))
		return YP_FAIL;
	switch (y->ev.type) {
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
		return YP_SCALAR;
	case YAML_SEQUENCE_START_EVENT:
		return YP_SEQ;
	case YAML_MAPPING_START_EVENT:
		return YP_MAP;
	default:
		return YP_END;
	}
}

struct pos yp_pos(struct yp *y)
{
	if (!fetch(y))
		return mark_pos(y->parser.problem_mark);
	return mark_pos(y->ev.start_mark);
}

bool yp_open(struct yp *y, const char *file, const char *buf, size_t len, struct diags *d)
{
	memset(y, 0, sizeof *y);
	y->file = file;
	y->d = d;
	if (!yaml_parser_initialize(&y->parser)) {
		diag_add(d, file, (struct pos){1, 1}, _("cannot start the YAML parser"));
		y->failed = true;
		return false;
	}
	yaml_parser_set_input_string(&y->parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&y->parser, YAML_UTF8_ENCODING);
	for (int i = 0; i < 2; i++) {	/* stream start, document start */
		if (!fetch(y))
			return false;
		if (y->ev.type == YAML_STREAM_END_EVENT) {
			fail(y, (struct pos){1, 1}, _("the file is empty"));
			return false;
		}
		consume(y);
	}
	return true;
}

void yp_close(struct yp *y)
{
	if (fetch(y) && y->ev.type == YAML_DOCUMENT_END_EVENT) {
		consume(y);
		if (fetch(y) && y->ev.type != YAML_STREAM_END_EVENT)
			yp_error(y, mark_pos(y->ev.start_mark),
				 _("only one YAML document is allowed per file"));
	}
	if (y->have)
		yaml_event_delete(&y->ev);
	y->have = false;
	yaml_parser_delete(&y->parser);
}

void yp_skip(struct yp *y)
{
	if (!fetch(y))
		return;
	if (y->ev.type == YAML_ALIAS_EVENT) {
		yp_error(y, mark_pos(y->ev.start_mark), _("aliases (*) are not allowed"));
		consume(y);
		return;
	}
	if (y->ev.type != YAML_SEQUENCE_START_EVENT && y->ev.type != YAML_MAPPING_START_EVENT) {
		if (y->ev.type == YAML_SCALAR_EVENT)
			consume(y);
		return;
	}
	size_t depth = y->depth;
	consume(y);
	while (y->depth > depth && fetch(y)) {
		if (y->ev.type == YAML_ALIAS_EVENT)
			yp_error(y, mark_pos(y->ev.start_mark), _("aliases (*) are not allowed"));
		consume(y);
	}
}

/* A key seen in the mapping being read, for the duplicate check. */
struct seen_key {
	char *key;
	unsigned line;
};

bool yp_map(struct yp *y, yp_key_fn fn, void *ctx, const char *const *required)
{
	enum yp_kind k = yp_peek(y);
	struct pos start = yp_pos(y);
	if (k != YP_MAP) {
		if (k != YP_FAIL) {
			yp_error(y, yp_pos(y), _("expected a mapping (key: value)"));
			yp_skip(y);
		}
		return false;
	}
	consume(y);
	struct seen_key *seen = NULL;
	size_t n = 0, stored = 0, cap = 0;
	while (fetch(y) && y->ev.type != YAML_MAPPING_END_EVENT) {
		struct pos at = mark_pos(y->ev.start_mark);
		if (y->ev.type != YAML_SCALAR_EVENT) {
			yp_error(y, at, _("a key must be a plain text"));
			yp_skip(y);
			yp_skip(y);
			continue;
		}
		char *key = xstrndup((const char *)y->ev.data.scalar.value, y->ev.data.scalar.length);
		size_t klen = y->ev.data.scalar.length;
		bool refused = y->bad_scalar;
		consume(y);
		if (++n > YP_MAX_KEYS) {
			fail(y, at, _("too many keys in one mapping (at most 1000)"));
			free(key);
			break;
		}
		bool dup = false;
		for (size_t i = 0; i < stored && !dup; i++)
			if (strcmp(seen[i].key, key) == 0) {
				yp_error(y, at, _("duplicate key '%s' (first at line %u)"), key,
					 seen[i].line);
				dup = true;
			}
		if (refused) {
			dup = true;
		} else if (klen > YP_MAX_KEY) {
			yp_error(y, at, _("key longer than 128 bytes"));
			dup = true;
		}
		seen = xgrow(seen, &cap, stored + 1, sizeof *seen);
		seen[stored++] = (struct seen_key){key, at.line};
		if (dup)
			yp_skip(y);
		else
			fn(y, key, at, ctx);
	}
	consume(y);
	for (const char *const *r = required; r && *r && !y->failed; r++) {
		bool present = false;
		for (size_t i = 0; i < stored && !present; i++)
			present = strcmp(seen[i].key, *r) == 0;
		if (!present)
			yp_error(y, start, _("missing key '%s'"), *r);
	}
	for (size_t i = 0; i < stored; i++)
		free(seen[i].key);
	free(seen);
	return !y->failed;
}

bool yp_seq(struct yp *y, yp_elem_fn fn, void *ctx)
{
	enum yp_kind k = yp_peek(y);
	if (k != YP_SEQ) {
		if (k != YP_FAIL) {
			yp_error(y, yp_pos(y), _("expected a list"));
			yp_skip(y);
		}
		return false;
	}
	consume(y);
	size_t i = 0;
	while (fetch(y) && y->ev.type != YAML_SEQUENCE_END_EVENT)
		fn(y, i++, ctx);
	consume(y);
	return !y->failed;
}

/* Read a scalar's value into a new string; NULL (value skipped) if the next
 * value is not a scalar or was refused by check_scalar. */
static char *scalar(struct yp *y, const char *what, struct pos *at)
{
	enum yp_kind k = yp_peek(y);
	*at = yp_pos(y);
	if (k != YP_SCALAR || y->ev.type == YAML_ALIAS_EVENT) {
		if (k == YP_SCALAR || k == YP_SEQ || k == YP_MAP) {
			if (y->ev.type != YAML_ALIAS_EVENT)
				yp_error(y, *at, _("expected %s"), what);
			yp_skip(y);
		}
		return NULL;
	}
	char *out = NULL;
	if (!y->bad_scalar)
		out = xstrndup((const char *)y->ev.data.scalar.value, y->ev.data.scalar.length);
	consume(y);
	return out;
}

bool yp_str(struct yp *y, struct str *out, const char *what)
{
	struct pos at;
	char *s = scalar(y, what ? what : _("a text"), &at);
	if (!s)
		return false;
	free(out->s);
	out->s = s;
	out->at = at;
	return true;
}

/* Report s (at `at`) as not an identifier. */
static void not_an_id(struct yp *y, struct pos at, const char *s)
{
	yp_error(y, at, _("'%s' is not an identifier (a-z, 0-9, - and _, 1 to 32)"), s);
}

bool yp_key_id(struct yp *y, const char *key, struct pos at)
{
	if (text_is_id(key))
		return true;
	not_an_id(y, at, key);
	yp_skip(y);
	return false;
}

bool yp_id(struct yp *y, struct str *out)
{
	struct str s = {0};
	if (!yp_str(y, &s, _("an identifier")))
		return false;
	if (!text_is_id(s.s)) {
		not_an_id(y, s.at, s.s);
		free(s.s);
		return false;
	}
	free(out->s);
	*out = s;
	return true;
}

bool yp_num(struct yp *y, double *out, double min, double max)
{
	struct pos at;
	char *s = scalar(y, _("a number"), &at);
	if (!s)
		return false;
	char *end;
	double v = strtod(s, &end);
	bool ok = *s && *end == '\0' && v >= min && v <= max;
	if (!ok)
		yp_error(y, at, _("expected a number from %g to %g"), min, max);
	else
		*out = v;
	free(s);
	return ok;
}

bool yp_int(struct yp *y, int *out, int min, int max)
{
	struct pos at;
	char *s = scalar(y, _("a whole number"), &at);
	if (!s)
		return false;
	char *end;
	long v = strtol(s, &end, 10);
	bool ok = *s && *end == '\0' && v >= min && v <= max;
	if (!ok)
		yp_error(y, at, _("expected a whole number from %d to %d"), min, max);
	else
		*out = (int)v;
	free(s);
	return ok;
}

bool yp_bool(struct yp *y, bool *out)
{
	struct pos at;
	char *s = scalar(y, _("true or false"), &at);
	if (!s)
		return false;
	bool ok = true;
	if (strcmp(s, "true") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0)
		*out = false;
	else
		ok = false;
	if (!ok)
		yp_error(y, at, _("expected true or false"));
	free(s);
	return ok;
}

/* Sequence callback of yp_strs: one text per element. */
static void str_elem(struct yp *y, size_t i, void *ctx)
{
	(void)i;
	struct str s = {0};
	if (yp_str(y, &s, NULL))
		strv_push(ctx, s);
}

bool yp_strs(struct yp *y, struct strv *out)
{
	if (yp_peek(y) == YP_SCALAR) {
		struct str s = {0};
		if (!yp_str(y, &s, NULL))
			return false;
		strv_push(out, s);
		return true;
	}
	return yp_seq(y, str_elem, out);
}

void yp_unknown(struct yp *y, const char *key, struct pos at)
{
	yp_error(y, at, _("unknown key '%s'"), key);
	yp_skip(y);
}
