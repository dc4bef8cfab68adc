/* catalog.c — finding packs on disk. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/text.h"
#include "pack/catalog.h"
#include "pack/pack.h"
#include "xalloc.h"

/* True if dir/name exists. */
static bool has(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	bool ok = access(p, F_OK) == 0;
	free(p);
	return ok;
}

/* Compare directory entry names, for a stable order. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the packs found in the subfolders of dir, in name order. */
static void scan_folder(struct catalog *c, const char *dir, struct diags *d)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		char *sub = xasprintf("%s/%s", dir, names[i]);
		struct stat st;
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode) && has(sub, "pack.yaml")) {
			struct pack *p = pack_load(sub, d);
			if (p) {
				c->packs = xgrow(c->packs, &c->cap, c->n + 1, sizeof *c->packs);
				c->packs[c->n++] = p;
			}
		}
		free(sub);
		free(names[i]);
	}
	free(names);
}

/* Read the packs under dir (see catalog_scan). */
static void scan(struct catalog *c, const char *dir, const char *lang, struct diags *d)
{
	if (has(dir, "pack.yaml")) {
		struct pack *p = pack_load(dir, d);
		if (p) {
			c->packs = xgrow(c->packs, &c->cap, c->n + 1, sizeof *c->packs);
			c->packs[c->n++] = p;
		}
		return;
	}
	char *sub = xasprintf("%s/%s", dir, lang ? lang : "fr");
	if (!has(sub, ".")) {
		free(sub);
		sub = xasprintf("%s/fr", dir);
	}
	if (has(sub, "."))
		scan_folder(c, sub, d);
	else
		scan_folder(c, dir, d);
	free(sub);
}

/* True for a pack written for adults (an atelier), not for pupils. */
static bool for_adults(const struct pack *p)
{
	return p->audience.s && !strcmp(p->audience.s, "adults");
}

void catalog_scan(struct catalog *c, const char *dir, const char *lang, struct diags *d)
{
	size_t before = d->n;
	scan(c, dir, lang, d);
	c->problems += d->n - before;
	/* Pupils' packs first, in name order, then the adults' (a stable split). */
	c->n_pupils = 0;
	if (c->n == 0)
		return;
	struct pack **v = xcalloc(c->n, sizeof *v);
	size_t k = 0;
	for (int adults = 0; adults < 2; adults++)
		for (size_t i = 0; i < c->n; i++)
			if (for_adults(c->packs[i]) == adults)
				v[k++] = c->packs[i];
	memcpy(c->packs, v, c->n * sizeof *v);
	free(v);
	while (c->n_pupils < c->n && !for_adults(c->packs[c->n_pupils]))
		c->n_pupils++;
}

void catalog_free(struct catalog *c)
{
	for (size_t i = 0; i < c->n; i++)
		pack_free(c->packs[i]);
	free(c->packs);
	c->packs = NULL;
	c->n = c->cap = 0;
}

char *catalog_find_pack(const char *content, const char *lang, const char *arg)
{
	if (has(arg, "pack.yaml"))
		return xstrdup(arg);
	if (!text_is_id(arg))
		return NULL;
	char *dirs[] = {xasprintf("%s/%s/%s", content, lang ? lang : "fr", arg),
			xasprintf("%s/fr/%s", content, arg), xasprintf("%s/%s", content, arg)};
	char *found = NULL;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (!found && has(dirs[i], "pack.yaml"))
			found = dirs[i];
		else
			free(dirs[i]);
	}
	return found;
}

char *catalog_lesson_path(const struct pack *p, size_t k)
{
	return xasprintf("%s/%s", p->dir, p->lessons.v[k].s);
}

struct lesson_entry *catalog_lessons(const struct pack *p, size_t *n)
{
	struct lesson_entry *v = xcalloc(p->lessons.n + 1, sizeof *v);
	for (size_t i = 0; i < p->lessons.n; i++) {
		struct diags d = {0};
		char *path = catalog_lesson_path(p, i);
		struct lesson *l = pack_load_lesson(path, NULL, NULL, &d);
		v[i].path = path;
		v[i].id = xstrdup(l && l->id.s ? l->id.s : p->lessons.v[i].s);
		v[i].title = xstrdup(l && l->title.s ? l->title.s : p->lessons.v[i].s);
		v[i].broken = !l || d.n > 0;
		lesson_free(l);
		diag_free(&d);
	}
	*n = p->lessons.n;
	return v;
}

void lesson_entries_free(struct lesson_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].id);
		free(v[i].title);
	}
	free(v);
}
