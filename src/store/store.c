/* store.c — finding, creating and opening the progress database safely. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store/store_internal.h"
#include "xalloc.h"

const char *store_strerror(enum store_rc rc)
{
	switch (rc) {
	case STORE_OK:
		return _("Done.");
	case STORE_ERR_NOHOME:
		return _("No place to keep progress: neither HOME nor XDG_DATA_HOME is set.");
	case STORE_ERR_OPEN:
		return _("The progress file or its folder cannot be created or opened.");
	case STORE_ERR_READONLY:
		return _("The progress file or its folder is read-only.");
	case STORE_ERR_FULL:
		return _("The disk is full: progress cannot be saved.");
	case STORE_ERR_NOTDB:
		return _("This file is not a Déclic progress file.");
	case STORE_ERR_NEWER:
		return _("This progress file comes from a newer version of Déclic.");
	case STORE_ERR_CORRUPT:
		return _("The progress file is damaged.");
	case STORE_ERR_BUSY:
		return _("The progress file is in use by another program: try again.");
	case STORE_ERR_EXISTS:
		return _("That name is already taken.");
	case STORE_ERR_NAME:
		return _("That name is not allowed.");
	case STORE_ERR_NOTFOUND:
		return _("Not found.");
	case STORE_ERR_PIN_FORMAT:
		return _("The PIN must be 6 to 12 digits.");
	case STORE_ERR_PIN_WRONG:
		return _("Wrong PIN.");
	case STORE_ERR_PIN_WAIT:
		return _("Too many wrong PINs: wait a moment before trying again.");
	case STORE_ERR_NOPIN:
		return _("No teacher PIN has been set yet.");
	case STORE_ERR_IO:
		break;
	}
	return _("The progress file could not be read or written.");
}

enum store_rc store_default_path(char **path)
{
	/* The XDG specification ignores relative paths. */
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	*path = NULL;
	if (xdg && xdg[0] == '/')
		*path = xasprintf("%s/declic/progress.db", xdg);
	else if (home && home[0] == '/')
		*path = xasprintf("%s/.local/share/declic/progress.db", home);
	return *path ? STORE_OK : STORE_ERR_NOHOME;
}

/* The store's status for errno after a failed open or mkdir. */
static enum store_rc errno_rc(int e)
{
	switch (e) {
	case EACCES:
	case EPERM:
	case EROFS:
		return STORE_ERR_READONLY;
	case ENOSPC:
	case EDQUOT:
		return STORE_ERR_FULL;
	default:
		return STORE_ERR_OPEN;
	}
}

/* Creates the folder dir and the missing ones above it with mode. */
static enum store_rc make_dirs(const char *dir, mode_t mode)
{
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode) ? STORE_OK : STORE_ERR_OPEN;
	if (errno != ENOENT)
		return errno_rc(errno);
	char *up = st_dirname(dir);
	enum store_rc rc = strcmp(up, dir) ? make_dirs(up, mode) : STORE_ERR_OPEN;
	free(up);
	if (rc != STORE_OK)
		return rc;
	if (mkdir(dir, mode) != 0 && errno != EEXIST)
		return errno_rc(errno);
	chmod(dir, mode);	/* the umask may have taken group rights */
	return STORE_OK;
}

/* Makes sure path is a writable regular file (creating it, and its folders,
 * with flags & STORE_CREATE) in a writable folder. */
static enum store_rc prepare_file(const char *path, int flags)
{
	char *dir = st_dirname(path);
	enum store_rc rc = STORE_OK;
	if (flags & STORE_CREATE)
		rc = make_dirs(dir, STORE_DIR_MODE(flags));
	if (rc == STORE_OK && (flags & STORE_CREATE) && st_create_file(path, STORE_FILE_MODE(flags)) != 0 &&
	    errno != EEXIST)
		rc = errno_rc(errno);
	if (rc == STORE_OK) {
		int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
		struct stat sb;
		if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
			rc = STORE_ERR_READONLY;
		else if (fd < 0)
			rc = STORE_ERR_OPEN;
		else if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
			rc = STORE_ERR_NOTDB;
		if (fd >= 0)
			close(fd);
	}
	/* The rollback journal is created next to the file. */
	if (rc == STORE_OK && access(dir, W_OK | X_OK) != 0)
		rc = STORE_ERR_READONLY;
	free(dir);
	return rc;
}

/* Checks that st holds a Déclic database of a version we can read (or an
 * empty file to create one in). */
static enum store_rc check_identity(struct store *st)
{
	int64_t app, version, objects = 0;
	enum store_rc rc = st_pragma_int(st, "application_id", &app);
	if (rc == STORE_OK)
		rc = st_pragma_int(st, "user_version", &version);
	if (rc == STORE_OK) {
		sqlite3_stmt *stmt;
		rc = st_prepare(st, &stmt, "SELECT count(*) FROM sqlite_master", NULL);
		if (rc == STORE_OK && st_step(st, stmt, &rc) == 1)
			objects = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (rc != STORE_OK)
		return rc;
	if (app != STORE_APPLICATION_ID && (app != 0 || objects > 0))
		return STORE_ERR_NOTDB;
	if (version > STORE_SCHEMA_VERSION)
		return STORE_ERR_NEWER;
	return STORE_OK;
}

/* PRAGMA quick_check: STORE_ERR_CORRUPT unless it answers "ok". */
static enum store_rc quick_check(struct store *st)
{
	sqlite3_stmt *stmt;
	enum store_rc rc = st_prepare(st, &stmt, "PRAGMA quick_check(1)", NULL);
	if (rc != STORE_OK)
		return rc;
	if (st_step(st, stmt, &rc) == 1) {
		const unsigned char *r = sqlite3_column_text(stmt, 0);
		if (!r || strcmp((const char *)r, "ok") != 0)
			rc = STORE_ERR_CORRUPT;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Sets the connection up: pragmas for durability, privacy and safety. */
static enum store_rc configure(struct store *st)
{
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	if (sqlite3_db_readonly(st->db, "main") == 1)
		return STORE_ERR_READONLY;
	static const char *const pragmas[] = {
		"PRAGMA trusted_schema = OFF",
		"PRAGMA foreign_keys = ON",
		"PRAGMA secure_delete = ON",
		"PRAGMA journal_mode = DELETE",
		"PRAGMA synchronous = FULL",
	};
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < sizeof pragmas / sizeof *pragmas; i++)
		rc = st_run(st, NULL, pragmas[i], NULL);
	return rc;
}

enum store_rc store_open(const char *path, int flags, time_t now, struct store **out)
{
	*out = NULL;
	enum store_rc rc = prepare_file(path, flags);
	if (rc != STORE_OK)
		return rc;
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->flags = flags;
	int r = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	rc = r == SQLITE_OK ? configure(st) : st_err(st, r);
	if (rc == STORE_OK)
		rc = check_identity(st);
	if (rc == STORE_OK)
		rc = quick_check(st);
	if (rc == STORE_OK)
		rc = st_migrate(st, now);
	if (rc != STORE_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return STORE_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}
