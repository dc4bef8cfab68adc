/* yp.h — a bounded, streaming reader over libyaml events for untrusted packs.
 * Recursive descent: callers ask for a mapping, a sequence or a scalar and get
 * callbacks; no document tree is ever built. Every limit of RELIABILITY.md is
 * enforced while the events arrive. */
#ifndef DECLIC_YP_H
#define DECLIC_YP_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "core/diag.h"
#include "core/model.h"

#define YP_MAX_FILE (1024 * 1024)
#define YP_MAX_DEPTH 16
#define YP_MAX_SCALAR (16 * 1024)
#define YP_MAX_KEY 128
#define YP_MAX_EVENTS 200000
#define YP_MAX_KEYS 1000

enum yp_kind { YP_SCALAR, YP_SEQ, YP_MAP, YP_END, YP_FAIL };

struct yp {
	yaml_parser_t parser;
	const char *file;	/* name used in diagnostics */
	struct diags *d;
	yaml_event_t ev;	/* the event under the cursor, if `have` */
	bool have;
	bool failed;		/* a fatal error: the rest of the file is not read */
	bool bad_scalar;	/* the scalar under the cursor was refused */
	size_t events, depth;
};

/* Called for each key of a mapping; must consume the value (yp_skip if unused). */
typedef void (*yp_key_fn)(struct yp *y, const char *key, struct pos at, void *ctx);
/* Called for each element of a sequence; must consume it. */
typedef void (*yp_elem_fn)(struct yp *y, size_t index, void *ctx);

/* Start reading buf (len bytes, already checked by yp_check_bytes) as one YAML
 * document; false if the file is not even a document. */
bool yp_open(struct yp *y, const char *file, const char *buf, size_t len, struct diags *d);
/* Check the end of the stream (a single document) and release the parser. */
void yp_close(struct yp *y);

/* Check raw bytes: valid UTF-8, no NUL, control, DEL, C1 or bidi character.
 * Reports each problem (at most 20) with its line and column; false if any. */
bool yp_check_bytes(const char *file, const char *buf, size_t len, struct diags *d);

/* Kind of the next value, without consuming it. */
enum yp_kind yp_peek(struct yp *y);
/* Position of the next value. */
struct pos yp_pos(struct yp *y);
/* Report an error at `at`; the message is a printf format. */
void yp_error(struct yp *y, struct pos at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Consume the next value whatever it is. */
void yp_skip(struct yp *y);
/* Read a mapping, calling fn for every key; false (value skipped) if not one.
 * Reports non-text keys, long keys, duplicate keys, too many keys, and the keys
 * of `required` (NULL-terminated, or NULL) that are absent. */
bool yp_map(struct yp *y, yp_key_fn fn, void *ctx, const char *const *required);
/* Read a sequence, calling fn for every element; false if not one. */
bool yp_seq(struct yp *y, yp_elem_fn fn, void *ctx);

/* Read a text; `what` names it in the error if the value is not a text.
 * A value already set is replaced. */
bool yp_str(struct yp *y, struct str *out, const char *what);
/* Read an identifier ([a-z0-9_-], 1 to 32). */
bool yp_id(struct yp *y, struct str *out);
/* Read an integer within [min, max]. */
bool yp_int(struct yp *y, int *out, int min, int max);
/* Read a number within [min, max]. */
bool yp_num(struct yp *y, double *out, double min, double max);
/* Read true or false. */
bool yp_bool(struct yp *y, bool *out);
/* Read a list of texts, or a single text as a list of one. */
bool yp_strs(struct yp *y, struct strv *out);

/* True if the mapping key is an identifier; else report it, skip its value
 * and return false. */
bool yp_key_id(struct yp *y, const char *key, struct pos at);
/* Report "unknown key" and skip its value. */
void yp_unknown(struct yp *y, const char *key, struct pos at);

#endif
