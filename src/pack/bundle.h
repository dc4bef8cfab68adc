/* bundle.h — a pack with everything it uses: its manifest, cast, backdrops and
 * every lesson it lists, loaded and checked as `declic check` does. */
#ifndef DECLIC_BUNDLE_H
#define DECLIC_BUNDLE_H

#include <stddef.h>

#include "core/diag.h"
#include "core/model.h"

struct bundle {
	struct pack *pack;
	struct cast *cast;		/* NULL if there is none */
	struct backdrops *bd;		/* NULL if there are none */
	struct lesson **lessons;	/* one per manifest entry, NULL if unreadable */
	size_t n;			/* = pack->lessons.n */
	size_t files;			/* files read */
};

/* Load the pack in dir with its shared files and lessons; every problem goes
 * to d (also lessons listed twice under one id, and adult levels in a pupil
 * pack). NULL if the manifest cannot be read at all. */
struct bundle *bundle_load(const char *dir, struct diags *d);
void bundle_free(struct bundle *b);

#endif
