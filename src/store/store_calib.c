/* store_calib.c — the answers of every pupil pooled for the calibration of
 * item difficulties, each with the pupil's current θ on its skill. */
#include "config.h"

#include <stdlib.h>

#include "core/calib.h"
#include "core/learner.h"
#include "store/store_internal.h"
#include "xalloc.h"

void store_pooled_free(struct store_pooled *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].pack);
		free(v[i].lesson);
		free(v[i].item);
		free(v[i].skill);
	}
	free(v);
}

/* An answer's pupil and its place in time order, for grouping by pupil. */
struct by_pupil {
	int64_t pupil;
	size_t at;
};

/* qsort order: by pupil, then by time order (a stable sort). */
static int by_pupil_cmp(const void *p, const void *q)
{
	const struct by_pupil *x = p, *y = q;
	if (x->pupil != y->pupil)
		return x->pupil < y->pupil ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Sets the theta of every answer of v to its pupil's θ on its skill after
 * learner_rebuild of all the pupil's answers of v (which are in time order). */
static void current_thetas(const struct learner_params *prm, struct store_pooled *v, size_t n)
{
	struct by_pupil *order = xmalloc(n * sizeof *order);
	struct learner_attempt *replay = xmalloc(n * sizeof *replay);
	for (size_t i = 0; i < n; i++)
		order[i] = (struct by_pupil){v[i].pupil, i};
	qsort(order, n, sizeof *order, by_pupil_cmp);
	for (size_t i = 0; i < n;) {
		size_t end = i;
		while (end < n && order[end].pupil == order[i].pupil)
			end++;
		for (size_t k = i; k < end; k++) {
			const struct store_pooled *a = &v[order[k].at];
			replay[k - i] = (struct learner_attempt){a->skill, a->b, a->g, a->correct};
		}
		struct learner_pupil p = {0};
		learner_rebuild(prm, &p, replay, end - i);
		for (size_t k = i; k < end; k++)
			v[order[k].at].theta = learner_pupil_theta(prm, &p, v[order[k].at].skill);
		learner_pupil_free(&p);
		i = end;
	}
	free(replay);
	free(order);
}

enum store_rc store_pooled_answers(struct store *st, const struct learner_params *prm, struct store_pooled **v,
				   size_t *n)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	*v = NULL;
	*n = 0;
	/* The answers store_attempt_add counted in skill_state, which are those
	 * store_skills_rebuild replays: the measured first tries. */
	enum store_rc rc = st_prepare(st, &stmt,
				      "SELECT pupil, ts, pack, lesson, item, skill, correct, b, g FROM attempts "
				      "WHERE " ST_MEASURED " ORDER BY ts, id",
				      NULL);
	if (rc != STORE_OK)
		return rc;
	while (st_step(st, stmt, &rc) == 1) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		(*v)[(*n)++] = (struct store_pooled){
			.pupil = sqlite3_column_int64(stmt, 0),
			.ts = sqlite3_column_int64(stmt, 1),
			.pack = st_text(stmt, 2),
			.lesson = st_text(stmt, 3),
			.item = st_text(stmt, 4),
			.skill = st_text(stmt, 5),
			.correct = sqlite3_column_int(stmt, 6) != 0,
			.b = sqlite3_column_double(stmt, 7),
			.g = sqlite3_column_double(stmt, 8),
		};
	}
	sqlite3_finalize(stmt);
	if (rc != STORE_OK) {
		store_pooled_free(*v, *n);
		*v = NULL;
		*n = 0;
		return rc;
	}
	if (*n > 0)
		current_thetas(prm, *v, *n);
	return STORE_OK;
}

/* The number of different pupils among the answers v. */
static size_t count_pupils(const struct store_pooled *v, size_t n)
{
	if (n == 0)
		return 0;
	struct by_pupil *s = xmalloc(n * sizeof *s);
	for (size_t i = 0; i < n; i++)
		s[i] = (struct by_pupil){v[i].pupil, i};
	qsort(s, n, sizeof *s, by_pupil_cmp);
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		k += s[i].pupil != s[i - 1].pupil;
	free(s);
	return k;
}

enum store_rc store_calibrate(struct store *st, const struct learner_params *prm, double threshold,
			      int min_answers, struct calib_item **v, size_t *n, size_t *answers, size_t *pupils)
{
	struct store_pooled *pooled;
	size_t n_pooled;
	*v = NULL;
	*n = 0;
	if (answers)
		*answers = 0;
	if (pupils)
		*pupils = 0;
	enum store_rc rc = store_pooled_answers(st, prm, &pooled, &n_pooled);
	if (rc != STORE_OK)
		return rc;
	struct calib_answer *a = n_pooled ? xmalloc(n_pooled * sizeof *a) : NULL;
	for (size_t i = 0; i < n_pooled; i++)
		a[i] = (struct calib_answer){pooled[i].pack, pooled[i].lesson, pooled[i].item, pooled[i].b,
					     pooled[i].g,    pooled[i].theta,  pooled[i].correct};
	*n = calib_items(prm, a, n_pooled, threshold, min_answers, v);
	if (answers)
		*answers = n_pooled;
	if (pupils)
		*pupils = count_pupils(pooled, n_pooled);
	free(a);
	store_pooled_free(pooled, n_pooled);
	return STORE_OK;
}
