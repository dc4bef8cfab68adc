/* t_store_calib.c — the pooled answers of every pupil read from the progress
 * database (measured first tries only, in time order, with each pupil's
 * current θ from the log) and the calibration of items over them. */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "../tap.h"
#include "core/calib.h"
#include "core/item.h"
#include "core/learner.h"
#include "store/store.h"
#include "store_util.h"

#define T0 1700000000	/* a fixed "now" */

/* A model answer of pupil to item of donnees/photo on skill (b, g): the
 * core's step on the live state p, logged as the UI logs a first try. */
static enum store_rc model_answer(struct store *st, int64_t pupil, struct learner_pupil *p, const char *item,
				  const char *skill, double b, double g, bool correct, time_t now)
{
	struct learner_step s = learner_pupil_answer(learner_defaults(), p, skill, b, g, correct);
	struct store_attempt a = {
		.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s1", .item = item,
		.skill = skill, .response = "oui", .correct = correct, .duration_ms = 2000, .p_expected = s.p,
		.theta_before = s.theta_before, .theta_after = s.theta_after, .mastery_after = s.mastery_after,
		.b = b, .g = g,
	};
	return store_attempt_add(st, pupil, 0, &a, NULL, 0, now);
}

/* What an attempt the model did not measure lacks. */
enum unmeasured { RETRY, CHOICE, NO_B, NO_SKILL };

/* An attempt of pupil on item of donnees/photo that the model did not
 * measure: a retry after a hint (b and g logged, no θ), a choice, an answer
 * with θ but no b, or one without a skill. */
static void unmeasured(struct store *st, int64_t pupil, const char *item, const char *skill, enum unmeasured what,
		       time_t now)
{
	struct store_attempt a = {
		.kind = what == CHOICE ? ATTEMPT_CHOICE : ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo",
		.scene = "s1", .item = item, .skill = what == NO_SKILL ? NULL : skill, .response = "non",
		.correct = true, .duration_ms = 1000, .p_expected = NAN, .theta_before = NAN, .theta_after = NAN,
		.mastery_after = NAN, .b = 0, .g = 0,
	};
	if (what == NO_B) {
		a.theta_after = 0.5;
		a.b = NAN;
	}
	store_attempt_add(st, pupil, 0, &a, NULL, 0, now);
}

/* The stored θ of pupil on skill (NaN if none). */
static double stored_theta(struct store *st, int64_t pupil, const char *skill)
{
	struct store_skill *v;
	size_t n;
	double theta = NAN;
	if (store_skills(st, pupil, &v, &n) != STORE_OK)
		return NAN;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].skill, skill))
			theta = v[i].theta;
	store_skills_free(v, n);
	return theta;
}

/* The θ of pupil on skill rebuilt from the log (store_skills_rebuild). */
static double rebuilt_theta(struct store *st, int64_t pupil, const char *skill)
{
	struct learner_pupil p = {0};
	double theta = store_skills_rebuild(st, pupil, NULL, &p) == STORE_OK ? learner_pupil_theta(NULL, &p, skill) : NAN;
	learner_pupil_free(&p);
	return theta;
}

/* The measured first tries of every pupil, in time order, as logged, with
 * the pupil's current θ on the skill. */
static void test_pooled(struct tap *t, const char *dir)
{
	struct store *st;
	int64_t c, lea, tom;
	const char *path = in_dir(dir, "pooled.db");
	if (store_open(path, STORE_CREATE, T0, &st) != STORE_OK || store_class_add(st, "CM1", &c) != STORE_OK ||
	    store_pupil_add(st, c, "Léa", &lea) != STORE_OK || store_pupil_add(st, c, "Tom", &tom) != STORE_OK) {
		fprintf(stderr, "cannot set up %s\n", path);
		exit(99);
	}
	struct store_pooled *v;
	size_t n;
	is_int(t, store_pooled_answers(st, NULL, &v, &n), STORE_OK, "an empty database");
	ok(t, n == 0 && v == NULL, "no answers");

	struct learner_pupil pl = {0}, pt = {0};
	model_answer(st, lea, &pl, "q1", "donnees/formulaires", 0, 0, true, T0 + 10);
	unmeasured(st, lea, "q1", "donnees/formulaires", RETRY, T0 + 10);	/* retry after a hint */
	model_answer(st, tom, &pt, "q2", "donnees/formulaires", 0.5, 0.25, false, T0 + 20);
	unmeasured(st, lea, "c1", "donnees/formulaires", CHOICE, T0 + 20);	/* a choice */
	model_answer(st, lea, &pl, "q3", "donnees/traces", -1, 0.5, true, T0 + 30);	/* related skill */
	unmeasured(st, lea, "q4", "donnees/traces", NO_B, T0 + 30);	/* θ but no b */
	unmeasured(st, tom, "q5", "donnees/traces", NO_SKILL, T0 + 30);		/* no skill */
	model_answer(st, tom, &pt, "q1", "donnees/formulaires", 0, 0, true, T0 + 5);	/* clock set back */
	model_answer(st, lea, &pl, "q2", "donnees/formulaires", 0.5, 0.25, true, T0 + 30);

	is_int(t, store_pooled_answers(st, NULL, &v, &n), STORE_OK, "the pooled answers");
	is_int(t, n, 5, "five measured first tries (no retry, choice, answer without b or skill)");
	char got[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:%s:%+lld", i ? " " : "",
			 v[i].pupil == lea ? "Léa" : "Tom", v[i].item, (long long)(v[i].ts - T0));
	is_str(t, got, "Tom:q1:+5 Léa:q1:+10 Tom:q2:+20 Léa:q3:+30 Léa:q2:+30",
	       "in time order, then in the order recorded");
	if (n == 5) {
		ok(t, !strcmp(v[2].pack, "donnees") && !strcmp(v[2].lesson, "photo") && !strcmp(v[2].item, "q2") &&
			  !strcmp(v[2].skill, "donnees/formulaires") && !v[2].correct && v[2].b == 0.5 &&
			  v[2].g == 0.25,
		   "pack, lesson, item, skill, correct, b and g as logged");
		/* Léa's answers came in time order: her table is her rebuild. Tom's
		 * clock was set back: the rebuild replays his answers in time order
		 * (store_skills_rebuild), his table in the order they came. */
		double lf = stored_theta(st, lea, "donnees/formulaires"), lt = stored_theta(st, lea, "donnees/traces"),
		       tf = rebuilt_theta(st, tom, "donnees/formulaires");
		ok(t, v[1].theta == lf && v[4].theta == lf && v[3].theta == lt,
		   "θ: Léa's current θ on each skill, exactly her stored one (%.4f, %.4f)", lf, lt);
		ok(t, lf == rebuilt_theta(st, lea, "donnees/formulaires") && lt == rebuilt_theta(st, lea, "donnees/traces"),
		   "which is her rebuild from the log");
		ok(t, v[0].theta == tf && v[2].theta == tf,
		   "Tom's: his rebuild from the log in time order (%.4f), on both his answers", tf);
		ok(t, v[1].theta != 0.4 && lf == learner_pupil_theta(NULL, &pl, "donnees/formulaires"),
		   "not the θ logged after the answer (0.4): the later answers and the related share count");
	}
	store_pooled_free(v, n);

	/* A database made by merging logs: an answer in the log that the skill
	 * table never saw still counts in the pupil's θ. */
	store_close(st);
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO attempts(uuid, pupil, pack, lesson, scene, item, skill, kind, response, correct, "
		 "duration_ms, ts, p_expected, theta_before, theta_after, mastery_after, b, g) VALUES "
		 "('merged-1', %lld, 'donnees', 'photo', 's1', 'q3', 'donnees/formulaires', 'answer', 'oui', 1, "
		 "900, %d, 0.5, 0.1, 0.3, 0.5, 1.0, 0)",
		 (long long)tom, T0 + 40);
	ok(t, sql_exec(path, sql) == SQLITE_OK, "an answer of Tom merged into the log");
	store_open(path, 0, T0, &st);
	double before = stored_theta(st, tom, "donnees/formulaires");
	store_pooled_answers(st, NULL, &v, &n);
	ok(t, n == 6 && v[5].pupil == tom && !strcmp(v[5].item, "q3"), "the merged answer is pooled");
	ok(t, n == 6 && v[5].theta == rebuilt_theta(st, tom, "donnees/formulaires") && v[5].theta > before,
	   "and Tom's θ is rebuilt from the log with it (%.4f), not read from the table that never saw it (%.4f)",
	   n == 6 ? v[5].theta : NAN, before);
	store_pooled_free(v, n);
	learner_pupil_free(&pl);
	learner_pupil_free(&pt);
	store_close(st);
}

/* Pupils of a class answer the items of a lesson as the UI records them; one
 * item is much harder than authored, one has too few answers: store_calibrate
 * flags the hard one only. */
static void test_calibrate(struct tap *t, const char *dir)
{
	enum { PUPILS = 60, FEW = 6 };
	static const struct {
		const char *id, *skill;
		double authored, truth, g;
	} items[] = {
		{"q1", "donnees/formulaires", 0.0, 0.0, 0.25},
		{"q2", "donnees/formulaires", -1.0, -1.0, 0.0},
		{"q3", "donnees/traces", 0.5, 0.5, 0.5},
		{"hard", "donnees/traces", -1.0, 1.5, 0.0},
		{"q4", "donnees/formulaires", -0.5, -0.5, 0.0},
		{"few", "donnees/traces", -1.0, 3.0, 0.0},
	};
	enum { N_ITEMS = sizeof items / sizeof *items };
	struct store *st;
	int64_t c;
	const char *path = in_dir(dir, "calib.db");
	if (store_open(path, STORE_CREATE, T0, &st) != STORE_OK || store_class_add(st, "CM2", &c) != STORE_OK) {
		fprintf(stderr, "cannot set up %s\n", path);
		exit(99);
	}
	struct calib_item *v;
	size_t n, answers, pupils;
	is_int(t, store_calibrate(st, NULL, 1.0, 20, &v, &n, &answers, &pupils), STORE_OK, "calibrate an empty database");
	ok(t, n == 0 && v == NULL && answers == 0 && pupils == 0, "nothing to calibrate");

	uint32_t rng = item_seed("store calibration");
	time_t now = T0;
	for (int i = 0; i < PUPILS; i++) {
		char name[32];
		int64_t pupil;
		snprintf(name, sizeof name, "Élève %d", i + 1);
		store_pupil_add(st, c, name, &pupil);
		double theta = item_rand_unit(&rng) * 3 - 1.5;
		struct learner_pupil p = {0};
		for (int round = 0; round < 2; round++)
			for (size_t k = 0; k < N_ITEMS; k++) {
				if (!strcmp(items[k].id, "few") && (i >= FEW || round))
					continue;
				bool right = item_rand_unit(&rng) < learner_predict(theta, items[k].truth, items[k].g);
				model_answer(st, pupil, &p, items[k].id, items[k].skill, items[k].authored, items[k].g,
					     right, now++);
				if (!right)	/* the retry after the hint: not a measurement */
					unmeasured(st, pupil, items[k].id, items[k].skill, RETRY, now);
			}
		learner_pupil_free(&p);
	}
	is_int(t, store_calibrate(st, NULL, CALIB_THRESHOLD, CALIB_MIN_ANSWERS, &v, &n, &answers, &pupils), STORE_OK,
	       "calibrate");
	is_int(t, answers, PUPILS * (N_ITEMS - 1) * 2 + FEW, "every first try counted, no retry");
	is_int(t, pupils, PUPILS, "from every pupil");
	is_int(t, n, N_ITEMS, "every item listed");
	for (size_t i = 0; i < n; i++) {
		const char *id = v[i].item;
		bool hard = !strcmp(id, "hard"), few = !strcmp(id, "few");
		printf("# %s: %d answers, %d right, b %.2f -> %.2f%s\n", id, v[i].answers, v[i].right,
		       v[i].b_authored, v[i].b_pooled, v[i].drifts ? " drifts" : "");
		if (hard)
			ok(t, v[i].drifts && v[i].b_pooled > v[i].b_authored + 1,
			   "the item harder than authored rises from %.1f to %.2f and is flagged", v[i].b_authored,
			   v[i].b_pooled);
		else if (few)
			ok(t, !v[i].drifts && v[i].answers == FEW && v[i].b_pooled > v[i].b_authored + 1,
			   "the item with %d answers moves (%.2f) but is not flagged", v[i].answers, v[i].b_pooled);
		else
			ok(t, !v[i].drifts && fabs(v[i].b_pooled - v[i].b_authored) < CALIB_THRESHOLD,
			   "%s as authored is not flagged (%.2f -> %.2f)", id, v[i].b_authored, v[i].b_pooled);
	}
	is_int(t, calib_drifting(v, n), 1, "one item drifts");
	calib_items_free(v, n);
	store_close(st);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	char *dir = temp_dir();
	test_pooled(&t, dir);
	test_calibrate(&t, dir);
	rm_tree(dir);
	free(dir);
	return tap_done(&t);
}
