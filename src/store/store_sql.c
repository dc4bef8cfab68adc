/* store_sql.c — statements with bound parameters, transactions, and the
 * mapping of SQLite's errors to the store's. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "xalloc.h"

enum store_rc st_err(struct store *st, int rc)
{
	if (st && st->db && (rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno(st->db) == ENOSPC)
		return STORE_ERR_FULL;
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return STORE_OK;
	case SQLITE_FULL:
		return STORE_ERR_FULL;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_ERR_BUSY;
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return STORE_ERR_READONLY;
	case SQLITE_CORRUPT:
		return STORE_ERR_CORRUPT;
	case SQLITE_NOTADB:
		return STORE_ERR_NOTDB;
	case SQLITE_CANTOPEN:
		return STORE_ERR_OPEN;
	default:
		return STORE_ERR_IO;
	}
}

/* Binds the arguments of ap described by fmt to stmt; returns SQLite's code. */
static int bind_args(sqlite3_stmt *stmt, const char *fmt, va_list ap)
{
	int rc = SQLITE_OK;
	for (int i = 1; fmt && *fmt && rc == SQLITE_OK; fmt++, i++) {
		switch (*fmt) {
		case 'i':
			rc = sqlite3_bind_int64(stmt, i, va_arg(ap, int64_t));
			break;
		case 'n':
			rc = sqlite3_bind_int(stmt, i, va_arg(ap, int));
			break;
		case 't': {
			const char *s = va_arg(ap, const char *);
			rc = s ? sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(stmt, i);
			break;
		}
		case 'd': {
			double d = va_arg(ap, double);
			rc = isnan(d) ? sqlite3_bind_null(stmt, i) : sqlite3_bind_double(stmt, i, d);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc;
}

/* Prepares sql and binds ap; on failure *out is NULL. */
static enum store_rc prepare_v(struct store *st, sqlite3_stmt **out, const char *sql, const char *fmt,
			       va_list ap)
{
	*out = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (rc == SQLITE_OK)
		rc = bind_args(*out, fmt, ap);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return st_err(st, rc);
	}
	return STORE_OK;
}

enum store_rc st_prepare(struct store *st, sqlite3_stmt **out, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	enum store_rc rc = prepare_v(st, out, sql, fmt, ap);
	va_end(ap);
	return rc;
}

enum store_rc st_run(struct store *st, int *changes, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	va_start(ap, fmt);
	enum store_rc rc = prepare_v(st, &stmt, sql, fmt, ap);
	va_end(ap);
	if (rc != STORE_OK)
		return rc;
	int r = sqlite3_step(stmt);
	while (r == SQLITE_ROW)	/* PRAGMAs answer with a row */
		r = sqlite3_step(stmt);
	rc = st_err(st, r);
	if (changes)
		*changes = sqlite3_changes(st->db);
	sqlite3_finalize(stmt);
	return rc;
}

enum store_rc st_fk_result(struct store *st, enum store_rc rc)
{
	if (rc != STORE_OK && sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
		return STORE_ERR_NOTFOUND;
	return rc;
}

int st_step(struct store *st, sqlite3_stmt *stmt, enum store_rc *rc)
{
	int r = sqlite3_step(stmt);
	if (r == SQLITE_ROW)
		return 1;
	if (r == SQLITE_DONE)
		return 0;
	*rc = st_err(st, r);
	return -1;
}

char *st_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);
	return xstrdup(s ? (const char *)s : "");
}

enum store_rc st_begin(struct store *st)
{
	return st_run(st, NULL, "BEGIN IMMEDIATE", NULL);
}

enum store_rc st_end(struct store *st, enum store_rc rc)
{
	if (rc == STORE_OK) {
		rc = st_run(st, NULL, "COMMIT", NULL);
		if (rc == STORE_OK)
			return rc;
	}
	/* After some errors SQLite has already rolled back: nothing to undo. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int st_create_file(const char *path, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	int r = fchmod(fd, mode);	/* the umask may have taken group rights */
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

int st_sync_path(const char *path, int dir)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	close(fd);
	if (r == 0 && dir) {
		char *d = st_dirname(path);
		r = st_sync_path(d, 0);
		free(d);
	}
	return r;
}

char *st_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *st_time_text(time_t now, const char *fmt)
{
	struct tm tm;
	char buf[64];
	if (!localtime_r(&now, &tm) || !strftime(buf, sizeof buf, fmt, &tm))
		return xstrdup("0");
	return xstrdup(buf);
}
