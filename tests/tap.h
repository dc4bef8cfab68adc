/* tap.h — a minimal TAP producer for the C unit tests. */
#ifndef DECLIC_TAP_H
#define DECLIC_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct tap {
	int n, failed;
};

/* Record one test: pass if cond is true; the description is a printf format. */
__attribute__((format(printf, 5, 6))) static inline int
tap_ok(struct tap *t, int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	t->n++;
	printf("%s %d - ", cond ? "ok" : "not ok", t->n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		t->failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return cond;
}

#define ok(t, cond, ...) tap_ok((t), (cond), __FILE__, __LINE__, __VA_ARGS__)
/* String equality, printing both on failure. */
#define is_str(t, got, want, ...)                                                      \
	do {                                                                           \
		const char *g_ = (got), *w_ = (want);                                  \
		if (!ok((t), g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__))            \
			printf("#   got:  '%s'\n#   want: '%s'\n", g_ ? g_ : "(null)", w_); \
	} while (0)
#define is_int(t, got, want, ...)                                              \
	do {                                                                   \
		long g_ = (long)(got), w_ = (long)(want);                      \
		if (!ok((t), g_ == w_, __VA_ARGS__))                           \
			printf("#   got: %ld, want: %ld\n", g_, w_);           \
	} while (0)

/* Print the plan; returns the exit status. */
static inline int tap_done(struct tap *t)
{
	printf("1..%d\n", t->n);
	return t->failed ? 1 : 0;
}

#endif
