/* bundle.c — loading a whole pack: manifest, shared files, lessons. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "pack/bundle.h"
#include "pack/pack.h"
#include "xalloc.h"

/* Report the checks that need the whole pack for lesson i: levels above 3 in
 * a pupil pack, and a lesson id already used by an earlier lesson. */
static void check_in_pack(const struct bundle *b, size_t i, const char *path, struct diags *d)
{
	const struct pack *p = b->pack;
	const struct lesson *l = b->lessons[i];
	bool adults = p->audience.s && !strcmp(p->audience.s, "adults");
	for (size_t q = 0; !adults && q < l->n_items; q++)
		if (l->items[q].level > 3)
			diag_add(d, path, l->items[q].level_at,
				 _("level %d is for adult packs (pupils: 1 to 3)"), l->items[q].level);
	for (size_t j = 0; l->id.s && j < i; j++)
		if (b->lessons[j] && b->lessons[j]->id.s && !strcmp(b->lessons[j]->id.s, l->id.s))
			diag_add(d, path, l->id.at, _("lesson id '%s' is already used by %s"), l->id.s,
				 p->lessons.v[j].s);
}

struct bundle *bundle_load(const char *dir, struct diags *d)
{
	struct pack *p = pack_load(dir, d);
	if (!p)
		return NULL;
	struct bundle *b = xcalloc(1, sizeof *b);
	b->pack = p;
	b->files = 1 + (size_t)pack_load_shared(dir, &b->cast, &b->bd, d);
	b->n = p->lessons.n;
	b->lessons = xcalloc(b->n + 1, sizeof *b->lessons);
	for (size_t i = 0; i < b->n; i++) {
		char *path = xasprintf("%s/%s", dir, p->lessons.v[i].s);
		if (access(path, F_OK) != 0) {
			diag_add(d, p->file, p->lessons.v[i].at, _("lesson file '%s' not found"),
				 p->lessons.v[i].s);
			free(path);
			continue;
		}
		b->lessons[i] = pack_load_lesson(path, b->cast, b->bd, d);
		b->files++;
		if (b->lessons[i])
			check_in_pack(b, i, path, d);
		free(path);
	}
	return b;
}

void bundle_free(struct bundle *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		lesson_free(b->lessons[i]);
	free(b->lessons);
	cast_free(b->cast);
	backdrops_free(b->bd);
	pack_free(b->pack);
	free(b);
}
