/* store_people.c — settings, classes and pupils. Names follow name_check();
 * the key column (name_key) makes "Léa" and "LEA" the same name and sorts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/name.h"
#include "store/store_internal.h"
#include "xalloc.h"

enum store_rc store_setting_get(struct store *st, const char *key, char **value)
{
	sqlite3_stmt *stmt;
	*value = NULL;
	enum store_rc rc = st_prepare(st, &stmt, "SELECT value FROM settings WHERE key = ?", "t", key);
	if (rc != STORE_OK)
		return rc;
	if (st_step(st, stmt, &rc) == 1)
		*value = st_text(stmt, 0);
	sqlite3_finalize(stmt);
	return rc;
}

enum store_rc store_setting_set(struct store *st, const char *key, const char *value)
{
	if (!value)
		return st_run(st, NULL, "DELETE FROM settings WHERE key = ?", "t", key);
	return st_run(st, NULL,
		      "INSERT INTO settings(key, value) VALUES (?, ?) "
		      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		      "tt", key, value);
}

/* Checks name: its normalised form and key into *norm and *key (caller frees
 * both), or STORE_ERR_NAME. */
static enum store_rc checked_name(const char *name, char **norm, char **key)
{
	*key = NULL;
	if (name_check(name, norm) != NAME_OK)
		return STORE_ERR_NAME;
	*key = name_key(*norm);
	return STORE_OK;
}

/* The status of a write that may break a UNIQUE constraint (a name taken)
 * or a foreign key (no such class), or that changed no row (no such id). */
static enum store_rc named_result(struct store *st, enum store_rc rc, int changes)
{
	int ext = sqlite3_extended_errcode(st->db);
	if (rc != STORE_OK && ext == SQLITE_CONSTRAINT_UNIQUE)
		return STORE_ERR_EXISTS;
	if (rc != STORE_OK && ext == SQLITE_CONSTRAINT_FOREIGNKEY)
		return STORE_ERR_NOTFOUND;
	if (rc == STORE_OK && changes == 0)
		return STORE_ERR_NOTFOUND;
	return rc;
}

enum store_rc store_classes(struct store *st, struct store_class **v, size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT id, name, secrets, (SELECT count(*) FROM pupils p WHERE p.class_id = c.id) "
				      "FROM classes c ORDER BY key, name, id",
				      NULL);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = (struct store_class){
			.id = sqlite3_column_int64(stmt, 0),
			.name = st_text(stmt, 1),
			.secrets = sqlite3_column_int(stmt, 2) != 0,
			.n_pupils = sqlite3_column_int(stmt, 3),
		};
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_classes_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void store_classes_free(struct store_class *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

enum store_rc store_class_add(struct store *st, const char *name, int64_t *id)
{
	char *norm, *key;
	enum store_rc rc = checked_name(name, &norm, &key);
	int changes = 0;
	if (rc == STORE_OK) {
		rc = st_run(st, &changes, "INSERT INTO classes(name, key) VALUES (?, ?)",
			    "tt", norm, key);
		rc = named_result(st, rc, changes);
	}
	if (rc == STORE_OK && id)
		*id = sqlite3_last_insert_rowid(st->db);
	free(norm);
	free(key);
	return rc;
}

/* Renames row id with sql, an UPDATE of (name, key) by id, after checking the
 * name. */
static enum store_rc rename_row(struct store *st, const char *sql, int64_t id, const char *name)
{
	char *norm, *key;
	enum store_rc rc = checked_name(name, &norm, &key);
	int changes = 0;
	if (rc == STORE_OK) {
		rc = st_run(st, &changes, sql, "tti", norm, key, id);
		rc = named_result(st, rc, changes);
	}
	free(norm);
	free(key);
	return rc;
}

enum store_rc store_class_rename(struct store *st, int64_t id, const char *name)
{
	return rename_row(st, "UPDATE classes SET name = ?, key = ? WHERE id = ?", id, name);
}

enum store_rc store_class_set_secrets(struct store *st, int64_t id, bool on)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes, "UPDATE classes SET secrets = ? WHERE id = ?", "ni", on ? 1 : 0,
				  id);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}

enum store_rc store_class_delete(struct store *st, int64_t id)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes, "DELETE FROM classes WHERE id = ?", "i", id);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}

/* Fills p from the current row of (id, class_id, name, secret). */
/* A pupil's columns; the last one counts the défi steps the pupil left
 * partially reached (per pack, lesson and skill, the last step logged). */
#define PUPIL_COLUMNS                                                                                   \
	"id, class_id, name, secret, "                                                                  \
	"(SELECT count(*) FROM attempts a WHERE a.pupil = pupils.id AND a.kind = 'step' AND a.correct = 0 " \
	"AND NOT EXISTS (SELECT 1 FROM attempts b WHERE b.pupil = a.pupil AND b.kind = 'step' "          \
	"AND b.pack = a.pack AND b.lesson = a.lesson AND b.skill IS a.skill AND (b.ts, b.id) > (a.ts, a.id)))"

static void pupil_from_row(sqlite3_stmt *stmt, struct store_pupil *p)
{
	p->id = sqlite3_column_int64(stmt, 0);
	p->class_id = sqlite3_column_int64(stmt, 1);
	p->name = st_text(stmt, 2);
	p->secret = sqlite3_column_int(stmt, 3);
	p->flagged = sqlite3_column_int(stmt, 4);
}

enum store_rc store_pupils(struct store *st, int64_t class_id, struct store_pupil **v, size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT " PUPIL_COLUMNS " FROM pupils WHERE class_id = ? "
				      "ORDER BY key, name, id",
				      "i", class_id);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		pupil_from_row(stmt, &(*v)[(*n)++]);
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_pupils_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void store_pupils_free(struct store_pupil *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

enum store_rc store_pupil_get(struct store *st, int64_t id, struct store_pupil *out)
{
	sqlite3_stmt *stmt;
	*out = (struct store_pupil){0};
	enum store_rc rc = st_prepare(st, &stmt, "SELECT " PUPIL_COLUMNS " FROM pupils WHERE id = ?",
				      "i", id);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	if (r == 1)
		pupil_from_row(stmt, out);
	sqlite3_finalize(stmt);
	return r == 0 ? STORE_ERR_NOTFOUND : r < 0 ? rc : STORE_OK;
}

void store_pupil_clear(struct store_pupil *p)
{
	free(p->name);
	*p = (struct store_pupil){0};
}

enum store_rc store_pupil_add(struct store *st, int64_t class_id, const char *name, int64_t *id)
{
	char *norm, *key;
	enum store_rc rc = checked_name(name, &norm, &key);
	int changes = 0;
	if (rc == STORE_OK) {
		rc = st_run(st, &changes, "INSERT INTO pupils(class_id, name, key) VALUES (?, ?, ?)",
			    "itt", class_id, norm, key);
		rc = named_result(st, rc, changes);
	}
	if (rc == STORE_OK && id)
		*id = sqlite3_last_insert_rowid(st->db);
	free(norm);
	free(key);
	return rc;
}

/* True if the class exists. */
static enum store_rc class_exists(struct store *st, int64_t class_id)
{
	sqlite3_stmt *stmt;
	enum store_rc rc = st_prepare(st, &stmt, "SELECT 1 FROM classes WHERE id = ?", "i", class_id);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	sqlite3_finalize(stmt);
	return r == 0 ? STORE_ERR_NOTFOUND : r < 0 ? rc : STORE_OK;
}

/* Adds the names of store_pupils_add_many, inside its transaction. */
static enum store_rc add_many_locked(struct store *st, int64_t class_id, const char *const *names, size_t n,
				     enum store_rc *bad, size_t *added)
{
	enum store_rc rc = class_exists(st, class_id);
	for (size_t i = 0; i < n && rc == STORE_OK; i++) {
		char *norm, *key;
		bad[i] = checked_name(names[i], &norm, &key);
		int changes = 0;
		if (bad[i] == STORE_OK)
			rc = st_run(st, &changes, "INSERT OR IGNORE INTO pupils(class_id, name, key) VALUES (?, ?, ?)",
				    "itt", class_id, norm, key);
		if (rc == STORE_OK && bad[i] == STORE_OK && changes == 0)
			bad[i] = STORE_ERR_EXISTS;
		if (rc == STORE_OK && bad[i] == STORE_OK)
			(*added)++;
		free(norm);
		free(key);
	}
	return rc;
}

enum store_rc store_pupils_add_many(struct store *st, int64_t class_id, const char *const *names, size_t n,
				    enum store_rc *bad, size_t *added)
{
	*added = 0;
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = st_end(st, add_many_locked(st, class_id, names, n, bad, added));
	if (rc != STORE_OK)
		*added = 0;
	return rc;
}

enum store_rc store_pupil_rename(struct store *st, int64_t id, const char *name)
{
	return rename_row(st, "UPDATE pupils SET name = ?, key = ? WHERE id = ?", id, name);
}

enum store_rc store_pupil_set_secret(struct store *st, int64_t id, int secret)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes, "UPDATE pupils SET secret = ? WHERE id = ?", "ni", secret, id);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}

enum store_rc store_pupil_delete(struct store *st, int64_t id)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes, "DELETE FROM pupils WHERE id = ?", "i", id);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}
