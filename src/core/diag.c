/* diag.c — collecting and printing diagnostics. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/text.h"
#include "xalloc.h"

void diag_add(struct diags *d, const char *file, struct pos at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n] = (struct diag){xstrdup(file), at, msg, d->n};
	d->n++;
}

/* Order of two diagnostics: file, line, column, then as recorded. */
static int diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	if (x->at.col != y->at.col)
		return x->at.col < y->at.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

size_t diag_print(struct diags *d, FILE *out)
{
	size_t printed = 0;
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, diag_cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *p = i ? &d->v[i - 1] : NULL;
		if (p && !strcmp(p->file, d->v[i].file) && p->at.line == d->v[i].at.line &&
		    p->at.col == d->v[i].at.col && !strcmp(p->msg, d->v[i].msg))
			continue;	/* a shared file checked for several packs */
		char *f = text_escape(d->v[i].file), *m = text_escape(d->v[i].msg);
		if (d->v[i].at.line == 0)	/* about the whole file */
			fprintf(out, "%s: error: %s\n", f, m);
		else
			fprintf(out, "%s:%u:%u: error: %s\n", f, d->v[i].at.line,
				d->v[i].at.col, m);
		free(f);
		free(m);
		printed++;
	}
	return printed;
}

void diag_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
