/* store_internal.h — what the store's files share: the handle and small
 * helpers around SQLite statements and transactions. */
#ifndef DECLIC_STORE_INTERNAL_H
#define DECLIC_STORE_INTERNAL_H

#include <sqlite3.h>
#include <sys/types.h>

#include "store/store.h"

/* "Déclic" in PRAGMA application_id: 0x44C3A96C is "D\xC3\xA9l", the first
 * bytes of the name in UTF-8. */
#define STORE_APPLICATION_ID 0x44C3A96C

/* The attempts the learner model took into account (store_attempt_add's
 * model_counts), as an SQL condition: the measured first tries. */
#define ST_MEASURED                                                                        \
	"kind = 'answer' AND skill IS NOT NULL AND skill <> '' AND theta_after IS NOT NULL " \
	"AND b IS NOT NULL AND g IS NOT NULL"


struct store {
	sqlite3 *db;
	char *path;
	int flags;		/* STORE_GROUP decides the mode of the files we create */
};

/* File and folder modes for the files the store creates. */
#define STORE_FILE_MODE(flags) ((flags) & STORE_GROUP ? 0660 : 0600)
#define STORE_DIR_MODE(flags) ((flags) & STORE_GROUP ? 0770 : 0700)

/* The store's status for SQLite's result code rc on st (disk full is also
 * recognised from the system error behind an I/O error). */
enum store_rc st_err(struct store *st, int rc);

/* Prepares sql into *out and binds the arguments fmt describes, one letter
 * each: 'i' int64_t, 'n' int, 't' text (NULL binds NULL), 'd' double (NaN
 * binds NULL). */
enum store_rc st_prepare(struct store *st, sqlite3_stmt **out, const char *sql, const char *fmt, ...);
/* Prepares, binds (as st_prepare) and runs a statement that returns no row;
 * *changes (if not NULL) gets the number of rows it changed. */
enum store_rc st_run(struct store *st, int *changes, const char *sql, const char *fmt, ...);
/* STORE_ERR_NOTFOUND for a write that broke a foreign key (no such pupil or
 * run), otherwise rc. */
enum store_rc st_fk_result(struct store *st, enum store_rc rc);
/* Steps stmt: 1 for a row, 0 when done, or -1 with *rc set on an error. */
int st_step(struct store *st, sqlite3_stmt *stmt, enum store_rc *rc);
/* A copy of the text in column col of the current row ("" for NULL). */
char *st_text(sqlite3_stmt *stmt, int col);

/* BEGIN IMMEDIATE: waits up to the busy timeout for other writers. */
enum store_rc st_begin(struct store *st);
/* COMMIT when rc is STORE_OK (returning the commit's status), otherwise
 * ROLLBACK and return rc. */
enum store_rc st_end(struct store *st, enum store_rc rc);

/* Creates path with mode (exclusively: fails if it exists), fsyncs nothing;
 * returns 0 or -1 with errno set. */
int st_create_file(const char *path, mode_t mode);
/* fsyncs the file at path (and with dir, the folder holding it); 0 or -1. */
int st_sync_path(const char *path, int dir);
/* The folder part of path (caller frees); "." when there is none. */
char *st_dirname(const char *path);
/* Writes a consistent copy of the open database to dest through
 * dest.tmp (mode of the store's files), fsync and rename. */
enum store_rc st_copy_to(struct store *st, const char *dest);

/* The integer value of PRAGMA pragma (a fixed name, never user text). */
enum store_rc st_pragma_int(struct store *st, const char *pragma, int64_t *v);
/* Brings the schema to STORE_SCHEMA_VERSION, copying an older database that
 * holds data aside first (PATH.vN-YYYYMMDD-HHMMSS.bak). */
enum store_rc st_migrate(struct store *st, time_t now);

/* Formats now as local time with strftime's fmt into a new string. */
char *st_time_text(time_t now, const char *fmt);

#endif
