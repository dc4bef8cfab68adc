/* xalloc.h — allocation that never returns NULL (out of memory is fatal). */
#ifndef DECLIC_XALLOC_H
#define DECLIC_XALLOC_H

#include <stddef.h>

/* Out of memory prints a message and calls exit(3); the UI restores the terminal
 * from an atexit() handler. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of *cap elements of size elem so that it holds need; returns it. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
