/* store_run.c — lesson runs, the attempt log, the pupil's map and the
 * per-skill learner state. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/learner.h"
#include "core/review.h"
#include "store/store_internal.h"
#include "xalloc.h"

#define RUN_COLUMNS "id, pupil, pack, lesson, started, updated, finished, position, percent, ending, stars"

void store_run_clear(struct store_run *r)
{
	free(r->pack);
	free(r->lesson);
	free(r->position);
	*r = (struct store_run){0};
}

enum store_rc store_run_begin(struct store *st, int64_t pupil, const char *pack, const char *lesson,
			      const char *position, time_t now, int64_t *run)
{
	enum store_rc rc = st_run(st, NULL,
				  "INSERT INTO runs(pupil, pack, lesson, position, started, updated) "
				  "VALUES (?, ?, ?, ?, ?, ?)",
				  "itttii", pupil, pack, lesson, position ? position : "", (int64_t)now,
				  (int64_t)now);
	rc = st_fk_result(st, rc);
	if (rc == STORE_OK && run)
		*run = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum store_rc store_run_save(struct store *st, int64_t run, const char *position, int percent, time_t now)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes,
				  "UPDATE runs SET position = coalesce(?, position), percent = ?, updated = ? "
				  "WHERE id = ?",
				  "tnii", position, percent, (int64_t)now, run);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}

enum store_rc store_run_finish(struct store *st, int64_t run, int ending, int stars, time_t now)
{
	int changes = 0;
	enum store_rc rc = st_run(st, &changes,
				  "UPDATE runs SET finished = ?, updated = ?, ending = ?, stars = ?, percent = 100 "
				  "WHERE id = ?",
				  "iinni", (int64_t)now, (int64_t)now, ending, stars, run);
	return rc == STORE_OK && changes == 0 ? STORE_ERR_NOTFOUND : rc;
}

enum store_rc store_run_resumable(struct store *st, int64_t pupil, const char *pack, const char *lesson,
				  struct store_run *out)
{
	sqlite3_stmt *stmt;
	bool one = pack && lesson;
	*out = (struct store_run){0};
	enum store_rc rc = st_prepare(st, &stmt,
				      one ? "SELECT " RUN_COLUMNS " FROM runs WHERE pupil = ? AND finished = 0 "
					    "AND pack = ? AND lesson = ? ORDER BY updated DESC, id DESC LIMIT 1"
					  : "SELECT " RUN_COLUMNS " FROM runs WHERE pupil = ? AND finished = 0 "
					    "ORDER BY updated DESC, id DESC LIMIT 1",
				      one ? "itt" : "i", pupil, pack, lesson);
	if (rc != STORE_OK)
		return rc;
	int r = st_step(st, stmt, &rc);
	if (r == 1)
		*out = (struct store_run){
			.id = sqlite3_column_int64(stmt, 0),
			.pupil = sqlite3_column_int64(stmt, 1),
			.pack = st_text(stmt, 2),
			.lesson = st_text(stmt, 3),
			.started = sqlite3_column_int64(stmt, 4),
			.updated = sqlite3_column_int64(stmt, 5),
			.finished = sqlite3_column_int64(stmt, 6),
			.position = st_text(stmt, 7),
			.percent = sqlite3_column_int(stmt, 8),
			.ending = sqlite3_column_int(stmt, 9),
			.stars = sqlite3_column_int(stmt, 10),
		};
	sqlite3_finalize(stmt);
	return r == 0 ? STORE_ERR_NOTFOUND : r < 0 ? rc : STORE_OK;
}

/* A random (version 4) UUID in its 36-character text form into buf; false
 * if the system gave no random bytes. */
static bool new_uuid(char buf[37])
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);	/* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);	/* RFC 4122 variant */
	snprintf(buf, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
		 b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
	return true;
}

/* True if the learner model took attempt a into account: an answer with a
 * skill, the item's parameters and the model's θ after it. ST_MEASURED is
 * the same rule in SQL, for the queries that replay the log. */
static bool model_counts(const struct store_attempt *a)
{
	return a->kind == ATTEMPT_ANSWER && a->skill && *a->skill && !isnan(a->theta_after) && !isnan(a->b) &&
	       !isnan(a->g);
}

/* Gives the pupil's skills related to a->skill (same theme) their share of
 * the update, as learner_pupil_answer does. */
static enum store_rc update_related(struct store *st, int64_t pupil, const struct store_attempt *a)
{
	const struct learner_params *prm = learner_defaults();
	if (prm->related <= 0)
		return STORE_OK;
	sqlite3_stmt *stmt;
	struct {
		char *skill;
		struct learner_skill s;
	} *v = NULL;
	size_t n = 0, cap = 0;
	enum store_rc rc = st_prepare(st, &stmt, "SELECT skill, theta, n, mastery FROM skill_state WHERE pupil = ?",
				      "i", pupil);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		const char *skill = (const char *)sqlite3_column_text(stmt, 0);
		if (!learner_related(skill, a->skill))
			continue;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].skill = xstrdup(skill);
		v[n].s.theta = sqlite3_column_double(stmt, 1);
		v[n].s.n = sqlite3_column_int(stmt, 2);
		v[n].s.mastery = sqlite3_column_double(stmt, 3);
		n++;
	}
	sqlite3_finalize(stmt);
	for (size_t i = 0; i < n; i++) {
		double theta = learner_update_related(prm, &v[i].s, a->b, a->g, a->correct);
		if (rc == STORE_OK)
			rc = st_run(st, NULL, "UPDATE skill_state SET theta = ? WHERE pupil = ? AND skill = ?", "dit",
				    theta, pupil, v[i].skill);
		free(v[i].skill);
	}
	free(v);
	return rc;
}

/* Moves the pupil's review card of the attempt's item after a reflex answer
 * in session a->session. */
static enum store_rc update_card(struct store *st, int64_t pupil, const struct store_attempt *a)
{
	const char *pack = a->pack ? a->pack : "", *lesson = a->lesson ? a->lesson : "",
		   *item = a->item ? a->item : "";
	struct review_card c = {0};
	sqlite3_stmt *stmt;
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT box, due_session FROM review "
				      "WHERE pupil = ? AND pack = ? AND lesson = ? AND item = ?",
				      "ittt", pupil, pack, lesson, item);
	if (rc != STORE_OK)
		return rc;
	if (st_step(st, stmt, &rc) == 1)
		c = (struct review_card){sqlite3_column_int(stmt, 0), sqlite3_column_int(stmt, 1)};
	sqlite3_finalize(stmt);
	if (rc != STORE_OK)
		return rc;
	review_answer(&c, a->correct, a->session);
	return st_run(st, NULL,
		      "INSERT INTO review(pupil, pack, lesson, item, box, due_session) VALUES (?, ?, ?, ?, ?, ?) "
		      "ON CONFLICT(pupil, pack, lesson, item) DO UPDATE SET box = excluded.box, "
		      "due_session = excluded.due_session",
		      "itttnn", pupil, pack, lesson, item, c.box, c.due);
}

/* The writes of store_attempt_add, inside its transaction. */
static enum store_rc add_attempt_locked(struct store *st, int64_t pupil, int64_t run, const struct store_attempt *a,
					const char *position, int percent, time_t now)
{
	char uuid[37];
	if (!new_uuid(uuid))
		return STORE_ERR_IO;
	enum store_rc rc = st_run(
		st, NULL,
		"INSERT INTO attempts(uuid, pupil, run, pack, lesson, scene, item, skill, kind, response, "
		"correct, duration_ms, ts, p_expected, theta_before, theta_after, mastery_after, b, g) "
		"VALUES (?, ?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		"tiitttttttnnidddddd", uuid, pupil, run, a->pack ? a->pack : "", a->lesson ? a->lesson : "",
		a->scene ? a->scene : "", a->item ? a->item : "", a->skill && *a->skill ? a->skill : NULL,
		a->kind == ATTEMPT_CHOICE ? "choice" : a->kind == ATTEMPT_STEP ? "step" : "answer",
		a->response ? a->response : "", a->correct ? 1 : 0,
		a->duration_ms, (int64_t)now, a->p_expected, a->theta_before, a->theta_after, a->mastery_after,
		a->b, a->g);
	rc = st_fk_result(st, rc);
	if (rc == STORE_OK && model_counts(a))
		rc = update_related(st, pupil, a);
	if (rc == STORE_OK && model_counts(a))
		rc = st_run(st, NULL,
			    "INSERT INTO skill_state(pupil, skill, theta, n, mastery) VALUES (?, ?, ?, 1, ?) "
			    "ON CONFLICT(pupil, skill) DO UPDATE SET theta = excluded.theta, n = n + 1, "
			    "mastery = coalesce(excluded.mastery, mastery)",
			    "itdd", pupil, a->skill, a->theta_after, a->mastery_after);
	if (rc == STORE_OK && a->reflex && a->kind == ATTEMPT_ANSWER)
		rc = update_card(st, pupil, a);
	if (rc == STORE_OK && run != 0) {
		int changes = 0;
		rc = st_run(st, &changes,
			    "UPDATE runs SET position = coalesce(?, position), percent = ?, updated = ? "
			    "WHERE id = ? AND pupil = ?",
			    "tniii", position, percent, (int64_t)now, run, pupil);
		if (rc == STORE_OK && changes == 0)
			rc = STORE_ERR_NOTFOUND;
	}
	return rc;
}

enum store_rc store_attempt_add(struct store *st, int64_t pupil, int64_t run, const struct store_attempt *a,
				const char *position, int percent, time_t now)
{
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	return st_end(st, add_attempt_locked(st, pupil, run, a, position, percent, now));
}

enum store_rc store_attempt_count(struct store *st, int64_t pupil, int64_t *n)
{
	sqlite3_stmt *stmt;
	*n = 0;
	enum store_rc rc = pupil ? st_prepare(st, &stmt, "SELECT count(*) FROM attempts WHERE pupil = ?", "i", pupil)
				 : st_prepare(st, &stmt, "SELECT count(*) FROM attempts", NULL);
	if (rc != STORE_OK)
		return rc;
	if (st_step(st, stmt, &rc) == 1)
		*n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return rc;
}

enum store_rc store_progress(struct store *st, int64_t pupil, struct store_lesson_progress **v, size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	/* Per lesson: done if a run finished, best stars of the finished runs,
	 * and the percent of the newest unfinished run. */
	enum store_rc rc = st_prepare(
		st, &stmt,
		"SELECT pack, lesson, max(finished > 0), max(CASE WHEN finished > 0 THEN stars ELSE 0 END), "
		"(SELECT percent FROM runs u WHERE u.pupil = r.pupil AND u.pack = r.pack AND u.lesson = r.lesson "
		"AND u.finished = 0 ORDER BY u.updated DESC, u.id DESC LIMIT 1) "
		"FROM runs r WHERE pupil = ? GROUP BY pack, lesson ORDER BY pack, lesson",
		"i", pupil);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		bool done = sqlite3_column_int(stmt, 2) != 0;
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = (struct store_lesson_progress){
			.pack = st_text(stmt, 0),
			.lesson = st_text(stmt, 1),
			.status = done ? LESSON_DONE : LESSON_STARTED,
			.best_stars = sqlite3_column_int(stmt, 3),
			.percent = done ? 100 : sqlite3_column_int(stmt, 4),
		};
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_progress_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void store_progress_free(struct store_lesson_progress *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].pack);
		free(v[i].lesson);
	}
	free(v);
}

enum store_rc store_skills(struct store *st, int64_t pupil, struct store_skill **v, size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT skill, theta, mastery, n FROM skill_state WHERE pupil = ? ORDER BY skill",
				      "i", pupil);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = (struct store_skill){
			.skill = st_text(stmt, 0),
			.theta = sqlite3_column_double(stmt, 1),
			.mastery = sqlite3_column_type(stmt, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(stmt, 2),
			.n = sqlite3_column_int(stmt, 3),
		};
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_skills_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void store_skills_free(struct store_skill *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].skill);
	free(v);
}
