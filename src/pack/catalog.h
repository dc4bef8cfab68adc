/* catalog.h — the packs and lessons available, read from manifests only. */
#ifndef DECLIC_CATALOG_H
#define DECLIC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/model.h"

struct catalog {
	struct pack **packs;
	size_t n, cap;
	size_t problems;	/* diagnostics met while reading the manifests */
	size_t n_pupils;	/* the first n_pupils packs are for pupils; the
				 * adults' (ateliers) come after them */
};

/* Read the manifests of every pack under dir (dir itself may be a pack, a
 * language folder or the content root; `lang` picks the language folder of the
 * content root, falling back to fr). Problems go to d. */
void catalog_scan(struct catalog *c, const char *dir, const char *lang, struct diags *d);
void catalog_free(struct catalog *c);
/* The folder of the pack `arg`: a pack folder's path, or a pack identifier
 * looked up under the content root (in its `lang` folder, then fr/) or in a
 * language folder. NULL if there is no such pack. Caller frees. */
char *catalog_find_pack(const char *content, const char *lang, const char *arg);
/* Path of lesson k of pack p. Caller frees. */
char *catalog_lesson_path(const struct pack *p, size_t k);

/* A lesson of a pack as a menu shows it: read, but not kept in memory. */
struct lesson_entry {
	char *path, *id, *title;	/* id: the lesson's id, else its file name */
	bool broken;			/* the lesson has problems: declic check */
};
/* The lessons of pack p, in the manifest's order; *n of them. Caller frees
 * with lesson_entries_free. */
struct lesson_entry *catalog_lessons(const struct pack *p, size_t *n);
void lesson_entries_free(struct lesson_entry *v, size_t n);

#endif
