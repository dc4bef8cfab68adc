/* pack.h — loading content packs from YAML files into the core model. Every
 * problem becomes a diagnostic; a loader returns what it could read. */
#ifndef DECLIC_PACK_H
#define DECLIC_PACK_H

#include <stddef.h>

#include "core/diag.h"
#include "core/model.h"

/* Size classes of texts: how much room the smallest screen (60×20) gives. */
enum text_room { ROOM_ANY, ROOM_TITLE, ROOM_SPEECH, ROOM_PROMPT, ROOM_OPTION };

#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_ROWS 20
#define ART_MAX_COLS 16
#define ART_MAX_ROWS 7
#define BACKDROP_MAX_COLS 58
#define BACKDROP_MAX_ROWS 5
#define STAGE_MAX_CAST 3

/* Lines of `room`'s width a text may take, and that width. */
int pack_room_lines(enum text_room room);
int pack_room_cols(enum text_room room);

/* Read a whole file after checking its size and its bytes; 0 or -1 with a
 * diagnostic. *buf is NUL-terminated; caller frees. */
int pack_read_file(const char *path, char **buf, size_t *len, struct diags *d);

/* Load a pack's manifest, DIR/pack.yaml; NULL if it cannot be read at all. */
struct pack *pack_load(const char *dir, struct diags *d);
struct cast *pack_load_cast(const char *path, struct diags *d);
struct backdrops *pack_load_backdrops(const char *path, struct diags *d);
/* Load a lesson and check it against the cast and backdrops (either may be
 * NULL: then characters or backdrops are not checked). NULL if unreadable. */
struct lesson *pack_load_lesson(const char *path, const struct cast *cast,
				const struct backdrops *bd, struct diags *d);

/* Path of the shared file `name` (cast.yaml, backdrops.yaml) for a pack or lesson
 * folder: in the folder itself, else in its parent; NULL if neither. Caller frees. */
char *pack_find_shared(const char *dir, const char *name);
/* Find and load the cast and backdrops of a pack or lesson folder (NULL where
 * missing or unreadable, with a diagnostic); returns the number of files read. */
int pack_load_shared(const char *dir, struct cast **cast, struct backdrops **bd,
		     struct diags *d);

/* Resolve references and check a lesson's graph, cast, moods and backdrops. */
void lesson_check(struct lesson *l, const struct cast *cast, const struct backdrops *bd,
		  struct diags *d);

#endif
