/* store_learner.c — what the learner model reads from the progress database:
 * the pupils' sessions, the review cards of their reflex items, which items
 * of a lesson they answered, and the rebuild of their per-skill state from
 * the attempt log. */
#include "config.h"

#include <stdlib.h>

#include "core/learner.h"
#include "core/review.h"
#include "store/store_internal.h"
#include "xalloc.h"

enum store_rc store_session_begin(struct store *st, int64_t pupil, time_t now, int *session)
{
	*session = 0;
	enum store_rc rc = st_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = st_run(st, NULL,
		    "INSERT INTO sessions(pupil, n, started) "
		    "SELECT ?, coalesce(max(n), 0) + 1, ? FROM sessions WHERE pupil = ?",
		    "iii", pupil, (int64_t)now, pupil);
	rc = st_fk_result(st, rc);
	int n = 0;
	if (rc == STORE_OK) {
		sqlite3_stmt *stmt;
		rc = st_prepare(st, &stmt, "SELECT max(n) FROM sessions WHERE pupil = ?", "i", pupil);
		if (rc == STORE_OK) {
			if (st_step(st, stmt, &rc) == 1)
				n = sqlite3_column_int(stmt, 0);
			sqlite3_finalize(stmt);
		}
	}
	rc = st_end(st, rc);
	if (rc == STORE_OK)
		*session = n;
	return rc;
}

void store_review_cards_free(struct store_review_card *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].pack);
		free(v[i].lesson);
		free(v[i].item);
	}
	free(v);
}

enum store_rc store_review_due(struct store *st, int64_t pupil, int session, size_t min, size_t max,
			       struct store_review_card **v, size_t *n)
{
	sqlite3_stmt *stmt;
	struct store_review_card *all = NULL;
	struct review_card *cards = NULL;
	size_t n_all = 0, cap = 0, cap_cards = 0;
	*v = NULL;
	*n = 0;
	/* Every card: review_due tops a short list up with cards not yet due.
	 * The order of the rows is the order of ties in review_due. */
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT pack, lesson, item, box, due_session FROM review WHERE pupil = ? "
				      "ORDER BY pack, lesson, item",
				      "i", pupil);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		all = xgrow(all, &cap, n_all + 1, sizeof *all);
		cards = xgrow(cards, &cap_cards, n_all + 1, sizeof *cards);
		all[n_all] = (struct store_review_card){
			.pack = st_text(stmt, 0),
			.lesson = st_text(stmt, 1),
			.item = st_text(stmt, 2),
			.box = sqlite3_column_int(stmt, 3),
			.due = sqlite3_column_int(stmt, 4),
		};
		cards[n_all] = (struct review_card){all[n_all].box, all[n_all].due};
		n_all++;
	}
	sqlite3_finalize(stmt);
	if (rc == STORE_OK && n_all > 0 && max > 0) {
		size_t *out = xmalloc((max < n_all ? max : n_all) * sizeof *out);
		size_t k = review_due(cards, n_all, session, min, max < n_all ? max : n_all, out);
		if (k > 0) {
			*v = xmalloc(k * sizeof **v);
			for (size_t i = 0; i < k; i++) {
				(*v)[i] = all[out[i]];
				all[out[i]] = (struct store_review_card){0};
			}
			*n = k;
		}
		free(out);
	}
	store_review_cards_free(all, n_all);
	free(cards);
	return rc;
}

enum store_rc store_items_seen(struct store *st, int64_t pupil, const char *pack, const char *lesson,
			       struct store_item_seen **v, size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	/* attempts_by_item covers the query: no table row is read. */
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT item, count(*), max(ts) FROM attempts WHERE pupil = ? AND pack = ? "
				      "AND lesson = ? AND kind = 'answer' GROUP BY item ORDER BY item",
				      "itt", pupil, pack ? pack : "", lesson ? lesson : "");
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = (struct store_item_seen){
			.item = st_text(stmt, 0),
			.seen = sqlite3_column_int(stmt, 1),
			.last = sqlite3_column_int64(stmt, 2),
		};
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_items_seen_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return rc;
}

void store_items_seen_free(struct store_item_seen *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].item);
	free(v);
}

enum store_rc store_skills_rebuild(struct store *st, int64_t pupil, const struct learner_params *prm,
				   struct learner_pupil *out)
{
	sqlite3_stmt *stmt;
	struct learner_attempt *v = NULL;
	size_t n = 0, cap = 0;
	/* The answers store_attempt_add counted in skill_state, in time order. */
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT skill, b, g, correct FROM attempts WHERE pupil = ? AND " ST_MEASURED
				      " ORDER BY ts, id",
				      "i", pupil);
	if (rc == STORE_OK) {
		while (st_step(st, stmt, &rc) == 1) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = (struct learner_attempt){
				.skill = st_text(stmt, 0),
				.b = sqlite3_column_double(stmt, 1),
				.g = sqlite3_column_double(stmt, 2),
				.correct = sqlite3_column_int(stmt, 3) != 0,
			};
		}
		sqlite3_finalize(stmt);
	}
	if (rc == STORE_OK)
		learner_rebuild(prm, out, v, n);
	else
		learner_pupil_free(out);
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].skill);
	free(v);
	return rc;
}
