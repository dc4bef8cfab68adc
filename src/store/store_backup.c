/* store_backup.c — daily copies of the database, and what to do when it is
 * damaged: set it aside and restore the newest copy. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "xalloc.h"

#define KEEP_DAILY 7

enum store_rc st_copy_to(struct store *st, const char *dest)
{
	char *tmp = xasprintf("%s.tmp", dest);
	mode_t mode = STORE_FILE_MODE(st->flags);
	/* Created first so that the copy is never readable by others; a .tmp
	 * left by a crash is removed. */
	if (st_create_file(tmp, mode) != 0 && errno == EEXIST && unlink(tmp) == 0)
		st_create_file(tmp, mode);
	enum store_rc rc = st_run(st, NULL, "VACUUM INTO ?", "t", tmp);
	if (rc == STORE_OK && st_sync_path(tmp, 0) != 0)
		rc = errno == ENOSPC ? STORE_ERR_FULL : STORE_ERR_IO;
	if (rc == STORE_OK && rename(tmp, dest) != 0)
		rc = STORE_ERR_IO;
	if (rc == STORE_OK)
		st_sync_path(dest, 1);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}

/* The stem of the database's file name: "progress" for .../progress.db. */
static char *stem_of(const char *db_path)
{
	const char *base = strrchr(db_path, '/');
	base = base ? base + 1 : db_path;
	size_t n = strlen(base);
	if (n > 3 && !strcmp(base + n - 3, ".db"))
		n -= 3;
	return xstrndup(base, n);
}

/* True if name is STEM-YYYY-MM-DD.db. */
static bool is_daily(const char *name, const char *stem)
{
	size_t n = strlen(stem);
	if (strncmp(name, stem, n) != 0 || strlen(name) != n + 14 || name[n] != '-' ||
	    strcmp(name + n + 11, ".db") != 0)
		return false;
	for (size_t i = 1; i <= 10; i++) {
		char c = name[n + i];
		if ((i == 5 || i == 8) ? c != '-' : (c < '0' || c > '9'))
			return false;
	}
	return true;
}

/* Compares two strings for qsort, newest date (greatest name) first. */
static int newest_first(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* The daily backups in dir for stem, newest first, into *v (*n of them). */
static void list_daily(const char *dir, const char *stem, char ***v, size_t *n)
{
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_daily(e->d_name, stem))
			continue;
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*v, *n, sizeof **v, newest_first);
}

/* Frees a list from list_daily. */
static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The backups folder of the database at db_path. Caller frees. */
static char *backup_dir(const char *db_path)
{
	char *dir = st_dirname(db_path);
	char *b = xasprintf("%s/backups", dir);
	free(dir);
	return b;
}

enum store_rc store_backup_daily(struct store *st, time_t now)
{
	char *dir = backup_dir(st->path), *stem = stem_of(st->path);
	char *day = st_time_text(now, "%Y-%m-%d");
	char *dest = xasprintf("%s/%s-%s.db", dir, stem, day);
	enum store_rc rc = STORE_OK;
	mode_t mode = STORE_DIR_MODE(st->flags);
	if (mkdir(dir, mode) == 0)
		chmod(dir, mode);
	else if (errno != EEXIST)
		rc = errno == ENOSPC ? STORE_ERR_FULL : errno == EROFS || errno == EACCES ? STORE_ERR_READONLY
										      : STORE_ERR_IO;
	if (rc == STORE_OK && access(dest, F_OK) != 0)
		rc = st_copy_to(st, dest);
	if (rc == STORE_OK) {
		char **v;
		size_t n;
		list_daily(dir, stem, &v, &n);
		for (size_t i = KEEP_DAILY; i < n; i++) {
			char *old = xasprintf("%s/%s", dir, v[i]);
			unlink(old);
			free(old);
		}
		free_list(v, n);
	}
	free(dest);
	free(day);
	free(stem);
	free(dir);
	return rc;
}

enum store_rc store_newest_backup(const char *db_path, char **backup)
{
	char *dir = backup_dir(db_path), *stem = stem_of(db_path);
	char **v;
	size_t n;
	list_daily(dir, stem, &v, &n);
	*backup = n ? xasprintf("%s/%s", dir, v[0]) : NULL;
	free_list(v, n);
	free(stem);
	free(dir);
	return *backup ? STORE_OK : STORE_ERR_NOTFOUND;
}

/* Renames from to to when from exists; 0, or -1 with errno set. */
static int rename_if_there(const char *from, const char *to)
{
	if (access(from, F_OK) != 0)
		return errno == ENOENT ? 0 : -1;
	return rename(from, to);
}

enum store_rc store_set_aside(const char *db_path, time_t now, char **moved_to)
{
	char *stamp = st_time_text(now, "%Y%m%d-%H%M%S");
	char *to = xasprintf("%s.damaged-%s", db_path, stamp);
	/* Never over an earlier damaged file set aside in the same second. */
	for (int k = 2; access(to, F_OK) == 0 && k < 100; k++) {
		free(to);
		to = xasprintf("%s.damaged-%s-%d", db_path, stamp, k);
	}
	free(stamp);
	*moved_to = NULL;
	if (rename(db_path, to) != 0) {
		enum store_rc rc = errno == ENOENT ? STORE_ERR_NOTFOUND
			: errno == EACCES || errno == EROFS ? STORE_ERR_READONLY : STORE_ERR_IO;
		free(to);
		return rc;
	}
	/* The journal follows the file: it may hold the last transaction. */
	static const char *const sidecars[] = {"-journal", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof sidecars / sizeof *sidecars; i++) {
		char *a = xasprintf("%s%s", db_path, sidecars[i]), *b = xasprintf("%s%s", to, sidecars[i]);
		rename_if_there(a, b);
		free(a);
		free(b);
	}
	char *dir = st_dirname(db_path);
	st_sync_path(dir, 0);
	free(dir);
	*moved_to = to;
	return STORE_OK;
}

/* Copies every byte of fd `in` to fd `out`; 0 or -1 with errno set. */
static int copy_fd(int in, int out)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (int)n;
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno != EINTR)
				return -1;
			off += w > 0 ? w : 0;
		}
	}
}

enum store_rc store_restore(const char *backup, const char *db_path)
{
	if (access(db_path, F_OK) == 0)
		return STORE_ERR_EXISTS;
	int in = open(backup, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno == ENOENT ? STORE_ERR_NOTFOUND : STORE_ERR_OPEN;
	struct stat sb;
	mode_t mode = fstat(in, &sb) == 0 ? (sb.st_mode & 0660) | 0600 : 0600;
	char *tmp = xasprintf("%s.restore.tmp", db_path);
	unlink(tmp);
	int out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	enum store_rc rc = STORE_OK;
	if (out < 0)
		rc = errno == ENOSPC ? STORE_ERR_FULL : errno == EACCES || errno == EROFS ? STORE_ERR_READONLY
											 : STORE_ERR_OPEN;
	else if (fchmod(out, mode) != 0 || copy_fd(in, out) != 0 || fsync(out) != 0)
		rc = errno == ENOSPC || errno == EDQUOT ? STORE_ERR_FULL : STORE_ERR_IO;
	if (out >= 0)
		close(out);
	close(in);
	/* link() fails if db_path appeared meanwhile: never over a file. */
	if (rc == STORE_OK && link(tmp, db_path) != 0)
		rc = errno == EEXIST ? STORE_ERR_EXISTS : STORE_ERR_IO;
	unlink(tmp);
	if (rc == STORE_OK)
		st_sync_path(db_path, 1);
	free(tmp);
	return rc;
}
