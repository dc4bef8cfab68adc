/* pack_internal.h — helpers shared by the pack readers (not for other modules). */
#ifndef DECLIC_PACK_INTERNAL_H
#define DECLIC_PACK_INTERNAL_H

#include <stdbool.h>

#include "core/model.h"
#include "pack/pack.h"
#include "pack/yp.h"

/* Report a text that does not fit `room` on the smallest screen. */
void pack_check_room(struct yp *y, const struct str *s, enum text_room room);
/* Read a text that must fit `room`. */
bool pack_read_text(struct yp *y, struct str *out, enum text_room room);
/* Read one text or a list of texts, each fitting `room`. */
bool pack_read_texts(struct yp *y, struct strv *out, enum text_room room);
/* Read CRCN codes (one or a list) and check each. */
void pack_read_crcn(struct yp *y, struct strv *out);
/* Read path with its checks and run body on it; false if it could not be read
 * or reading stopped on a fatal error (syntax, limits). */
bool pack_with_file(const char *path, struct diags *d, void (*body)(struct yp *, void *),
		    void *ctx);

#endif
