/* diag.h — diagnostics in GNU format: file:line:col: error: message (pure). */
#ifndef DECLIC_DIAG_H
#define DECLIC_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "core/model.h"

struct diag {
	char *file;
	struct pos at;
	char *msg;
	size_t seq;	/* order of recording, to keep the sort stable */
};

struct diags {
	struct diag *v;
	size_t n, cap;
};

/* Record an error at `at` in `file` (the message may hold untrusted text). */
void diag_add(struct diags *d, const char *file, struct pos at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Sort by file, line and column, then print each once as
 * "file:line:col: error: message", escaping anything unprintable; returns
 * the number of lines printed. */
size_t diag_print(struct diags *d, FILE *out);
void diag_free(struct diags *d);

#endif
