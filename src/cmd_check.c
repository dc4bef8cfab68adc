/* cmd_check.c — `declic check PATH...`: every problem of packs, lessons, files. */
#include "config.h"

#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "core/diag.h"
#include "i18n.h"
#include "pack/bundle.h"
#include "pack/pack.h"
#include "xalloc.h"

#define CHECK_MAX_DEPTH 4

/* Running totals of a check. */
struct check {
	struct diags d;
	size_t files;
};

/* The cast and backdrops a folder's lessons use, loaded (and so checked). */
static void load_shared(struct check *c, const char *dir, struct cast **cast,
			struct backdrops **bd)
{
	c->files += (size_t)pack_load_shared(dir, cast, bd, &c->d);
}

/* Check one lesson file against the shared files of its folder. */
static void check_lesson_file(struct check *c, const char *path)
{
	char *copy = xstrdup(path);
	struct cast *cast;
	struct backdrops *bd;
	load_shared(c, dirname(copy), &cast, &bd);
	lesson_free(pack_load_lesson(path, cast, bd, &c->d));
	c->files++;
	cast_free(cast);
	backdrops_free(bd);
	free(copy);
}

/* Check a pack: manifest, shared files and every lesson it lists. */
static void check_pack(struct check *c, const char *dir)
{
	struct bundle *b = bundle_load(dir, &c->d);
	c->files += b ? b->files : 1;
	bundle_free(b);
}

/* Check whatever path is: a pack, a folder of packs, or one YAML file. */
static void check_any(struct check *c, const char *path, int depth)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		diag_add(&c->d, path, (struct pos){0, 0}, _("no such file or folder"));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		char *manifest = xasprintf("%s/pack.yaml", path);
		bool is_pack = access(manifest, F_OK) == 0;
		free(manifest);
		if (is_pack) {
			check_pack(c, path);
			return;
		}
		if (depth >= CHECK_MAX_DEPTH)
			return;
		DIR *dp = opendir(path);
		struct dirent *e;
		while (dp && (e = readdir(dp)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			char *sub = xasprintf("%s/%s", path, e->d_name);
			struct stat sst;
			bool shared = !strcmp(e->d_name, "cast.yaml") || !strcmp(e->d_name, "backdrops.yaml");
			if (stat(sub, &sst) == 0 && (S_ISDIR(sst.st_mode) || shared))
				check_any(c, sub, depth + 1);
			free(sub);
		}
		if (dp)
			closedir(dp);
		return;
	}
	char *copy = xstrdup(path);
	const char *base = basename(copy);
	if (!strcmp(base, "pack.yaml")) {
		char *dcopy = xstrdup(path);
		check_pack(c, dirname(dcopy));
		free(dcopy);
	} else if (!strcmp(base, "cast.yaml")) {
		cast_free(pack_load_cast(path, &c->d));
		c->files++;
	} else if (!strcmp(base, "backdrops.yaml")) {
		backdrops_free(pack_load_backdrops(path, &c->d));
		c->files++;
	} else {
		check_lesson_file(c, path);
	}
	free(copy);
}

int cmd_check(int argc, char **argv)
{
	if (argc < 1) {
		fprintf(stderr, _("declic check: which pack, lesson or file? (declic check PATH...)\n"));
		return 2;
	}
	struct check c = {{0}, 0};
	for (int i = 0; i < argc; i++)
		check_any(&c, argv[i], 0);
	size_t errors = diag_print(&c.d, stderr);
	printf(ngettext("%zu file checked, ", "%zu files checked, ", c.files), c.files);
	printf(ngettext("%zu error\n", "%zu errors\n", errors), errors);
	diag_free(&c.d);
	return errors ? 1 : 0;
}
