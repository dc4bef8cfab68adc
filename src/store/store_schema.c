/* store_schema.c — the tables, and the migrations between schema versions.
 *
 * Version N of the schema is reached by running steps 1..N in order, each in
 * its own transaction that also sets PRAGMA user_version, so a new database
 * and a migrated one end with exactly the same schema. Never edit a step that
 * has shipped: add a new one (and raise STORE_SCHEMA_VERSION). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/store_internal.h"
#include "xalloc.h"

/* Version 1: the progress store. tests/data/db/make-v1.sql repeats this text
 * to build the version-1 fixture; t_store checks they agree. */
static const char schema_v1[] =
	"CREATE TABLE settings(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);\n"
	"CREATE TABLE pin(id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL,\n"
	"  failures INTEGER NOT NULL DEFAULT 0, last_failure INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE TABLE classes(id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,\n"
	"  secrets INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE TABLE pupils(id INTEGER PRIMARY KEY,\n"
	"  class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL, key TEXT NOT NULL, secret INTEGER NOT NULL DEFAULT 0,\n"
	"  UNIQUE (class_id, key));\n"
	"CREATE TABLE runs(id INTEGER PRIMARY KEY,\n"
	"  pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,\n"
	"  pack TEXT NOT NULL, lesson TEXT NOT NULL, started INTEGER NOT NULL,\n"
	"  updated INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0,\n"
	"  position TEXT NOT NULL DEFAULT '', percent INTEGER NOT NULL DEFAULT 0,\n"
	"  ending INTEGER NOT NULL DEFAULT 0, stars INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE INDEX runs_by_pupil ON runs(pupil, finished, updated);\n"
	"CREATE INDEX runs_by_lesson ON runs(pupil, pack, lesson);\n"
	"CREATE TABLE attempts(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,\n"
	"  pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,\n"
	"  run INTEGER REFERENCES runs(id) ON DELETE CASCADE,\n"
	"  pack TEXT NOT NULL, lesson TEXT NOT NULL, scene TEXT NOT NULL, item TEXT NOT NULL,\n"
	"  skill TEXT, kind TEXT NOT NULL, response TEXT NOT NULL, correct INTEGER NOT NULL,\n"
	"  duration_ms INTEGER NOT NULL, ts INTEGER NOT NULL);\n"
	"CREATE INDEX attempts_by_pupil ON attempts(pupil, ts);\n"
	"CREATE INDEX attempts_by_run ON attempts(run);\n";

/* Version 2: the learner model — the model's view at each answer with the
 * item's parameters (so the per-skill state can be rebuilt exactly from the
 * log) and an index for the item history of a lesson, the per-skill state, the pupils' sessions (logins) and the Leitner
 * boxes of reflex items, counted in those sessions. */
static const char schema_v2[] =
	"ALTER TABLE attempts ADD COLUMN p_expected REAL;\n"
	"ALTER TABLE attempts ADD COLUMN theta_before REAL;\n"
	"ALTER TABLE attempts ADD COLUMN theta_after REAL;\n"
	"ALTER TABLE attempts ADD COLUMN mastery_after REAL;\n"
	"ALTER TABLE attempts ADD COLUMN b REAL;\n"
	"ALTER TABLE attempts ADD COLUMN g REAL;\n"
	"CREATE INDEX attempts_by_item ON attempts(pupil, pack, lesson, kind, item, ts);\n"
	"CREATE TABLE skill_state(pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,\n"
	"  skill TEXT NOT NULL, theta REAL NOT NULL, n INTEGER NOT NULL, mastery REAL,\n"
	"  PRIMARY KEY (pupil, skill)) WITHOUT ROWID;\n"
	"CREATE TABLE sessions(pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,\n"
	"  n INTEGER NOT NULL, started INTEGER NOT NULL,\n"
	"  PRIMARY KEY (pupil, n)) WITHOUT ROWID;\n"
	"CREATE TABLE review(pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,\n"
	"  pack TEXT NOT NULL, lesson TEXT NOT NULL, item TEXT NOT NULL,\n"
	"  box INTEGER NOT NULL, due_session INTEGER NOT NULL,\n"
	"  PRIMARY KEY (pupil, pack, lesson, item)) WITHOUT ROWID;\n";

static const char *const steps[STORE_SCHEMA_VERSION] = {schema_v1, schema_v2};

enum store_rc st_pragma_int(struct store *st, const char *pragma, int64_t *v)
{
	char *sql = xasprintf("PRAGMA %s", pragma);
	sqlite3_stmt *stmt;
	enum store_rc rc = st_prepare(st, &stmt, sql, NULL);
	free(sql);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	*v = r == 1 ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return r < 0 ? rc : STORE_OK;
}

/* Runs step number `to` (1-based) in its own transaction, unless another
 * process did it meanwhile. */
static enum store_rc run_step(struct store *st, int to)
{
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	int64_t v;
	rc = st_pragma_int(st, "user_version", &v);
	if (rc == STORE_OK && v < to) {
		char *sql = xasprintf("%sPRAGMA user_version = %d;\nPRAGMA application_id = %d;\n",
				      steps[to - 1], to, STORE_APPLICATION_ID);
		rc = st_err(st, sqlite3_exec(st->db, sql, NULL, NULL, NULL));
		free(sql);
	}
	return st_end(st, rc);
}

enum store_rc st_migrate(struct store *st, time_t now)
{
	int64_t v;
	enum store_rc rc = st_pragma_int(st, "user_version", &v);
	if (rc != STORE_OK || v >= STORE_SCHEMA_VERSION)
		return rc;
	if (v > 0) {
		/* A copy of the data as it was, in case the new version is wrong. */
		char *stamp = st_time_text(now, "%Y%m%d-%H%M%S");
		char *copy = xasprintf("%s.v%d-%s.bak", st->path, (int)v, stamp);
		rc = st_copy_to(st, copy);
		free(copy);
		free(stamp);
	}
	for (int to = (int)v + 1; rc == STORE_OK && to <= STORE_SCHEMA_VERSION; to++)
		rc = run_step(st, to);
	return rc;
}
