/* pack_file.c — reading pack files safely, and finding shared files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "pack/pack.h"
#include "pack/yp.h"
#include "xalloc.h"

static const struct pos NOWHERE = {0, 0};

int pack_read_file(const char *path, char **buf, size_t *len, struct diags *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		diag_add(d, path, NOWHERE, _("cannot open: %s"), strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_add(d, path, NOWHERE, _("not a regular file"));
		close(fd);
		return -1;
	}
	if (st.st_size > YP_MAX_FILE) {
		diag_add(d, path, NOWHERE, _("file larger than 1 MiB"));
		close(fd);
		return -1;
	}
	size_t size = (size_t)st.st_size, got = 0;
	char *b = xmalloc(size + 1);
	while (got < size) {
		ssize_t k = read(fd, b + got, size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	if (got != size) {
		diag_add(d, path, NOWHERE, _("cannot read: %s"), strerror(errno ? errno : EIO));
		free(b);
		return -1;
	}
	b[size] = '\0';
	if (!yp_check_bytes(path, b, size, d)) {
		free(b);
		return -1;
	}
	*buf = b;
	*len = size;
	return 0;
}

int pack_load_shared(const char *dir, struct cast **cast, struct backdrops **bd,
		     struct diags *d)
{
	char *cp = pack_find_shared(dir, "cast.yaml"), *bp = pack_find_shared(dir, "backdrops.yaml");
	*cast = cp ? pack_load_cast(cp, d) : NULL;
	*bd = bp ? pack_load_backdrops(bp, d) : NULL;
	if (!cp)
		diag_add(d, dir, NOWHERE, _("no cast.yaml here or in the folder above"));
	if (!bp)
		diag_add(d, dir, NOWHERE, _("no backdrops.yaml here or in the folder above"));
	int files = (cp != NULL) + (bp != NULL);
	free(cp);
	free(bp);
	return files;
}

char *pack_find_shared(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	p = xasprintf("%s/../%s", dir, name);
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	return NULL;
}
