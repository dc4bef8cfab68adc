/* t_store.c — the progress database through store.h: opening, names,
 * classes and pupils, runs, attempts, the map, skills and the teacher PIN. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <sys/stat.h>

#include "../tap.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store_util.h"

#define T0 1700000000	/* a fixed "now" */

/* The integer answer of PRAGMA name on the store's own connection. */
static long long pragma(struct store *st, const char *name)
{
	char sql[64];
	sqlite3_stmt *stmt;
	long long v = -1;
	snprintf(sql, sizeof sql, "PRAGMA %s", name);
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* Where the database goes by default, from the environment. */
static void test_default_path(struct tap *t)
{
	char *p;
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/prof", 1);
	is_int(t, store_default_path(&p), STORE_OK, "default path with XDG_DATA_HOME");
	is_str(t, p, "/data/declic/progress.db", "XDG_DATA_HOME first");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);
	store_default_path(&p);
	is_str(t, p, "/home/prof/.local/share/declic/progress.db", "relative XDG_DATA_HOME ignored: HOME");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "", 1);
	is_int(t, store_default_path(&p), STORE_ERR_NOHOME, "empty HOME and no XDG_DATA_HOME: NOHOME");
	ok(t, p == NULL, "no path then");
	unsetenv("HOME");
	is_int(t, store_default_path(&p), STORE_ERR_NOHOME, "neither variable: NOHOME");
}

/* Creating: folders, modes, pragmas, identity. */
static void test_create(struct tap *t, const char *dir)
{
	struct store *st;
	char *path = strdup(in_dir(dir, "a/b/progress.db"));
	is_int(t, store_open(path, 0, T0, &st), STORE_ERR_OPEN, "a missing file without STORE_CREATE");
	ok(t, st == NULL, "no handle on failure");
	mode_t old = umask(077);
	is_int(t, store_open(path, STORE_CREATE, T0, &st), STORE_OK, "created with its folders");
	is_int(t, mode_of(path), 0600, "file mode 0600");
	is_int(t, mode_of(in_dir(dir, "a/b")), 0700, "folder mode 0700");
	is_int(t, mode_of(in_dir(dir, "a")), 0700, "parent folder mode 0700");
	is_str(t, store_path(st), path, "store_path");
	is_int(t, pragma(st, "foreign_keys"), 1, "foreign_keys on");
	is_int(t, pragma(st, "secure_delete"), 1, "secure_delete on");
	is_int(t, pragma(st, "synchronous"), 2, "synchronous FULL");
	is_int(t, pragma(st, "trusted_schema"), 0, "trusted_schema off");
	is_int(t, pragma(st, "busy_timeout"), 5000, "busy timeout 5 s");
	is_int(t, pragma(st, "user_version"), STORE_SCHEMA_VERSION, "user_version is the current schema");
	is_int(t, pragma(st, "application_id"), 0x44C3A96C, "Déclic's application_id");
	char *mode = sql_text(path, "PRAGMA journal_mode");
	is_str(t, mode, "delete", "rollback journal (journal_mode DELETE)");
	free(mode);
	store_close(st);

	const char *shared = in_dir(dir, "lab/progress.db");
	is_int(t, store_open(shared, STORE_CREATE | STORE_GROUP, T0, &st), STORE_OK, "shared lab file");
	is_int(t, mode_of(shared), 0660, "STORE_GROUP: file 0660 despite umask 077");
	is_int(t, mode_of(in_dir(dir, "lab")), 0770, "STORE_GROUP: folder 0770");
	store_close(st);
	umask(old);

	is_int(t, store_open(path, 0, T0, &st), STORE_OK, "reopened without STORE_CREATE");
	store_close(st);
	free(path);
}

/* Files that are not ours, or from a newer version. */
static void test_foreign(struct tap *t, const char *dir)
{
	struct store *st;
	const char *text = in_dir(dir, "notes.txt");
	write_file(text, "Liste des élèves\nLéa\nTom\n");
	is_int(t, store_open(text, 0, T0, &st), STORE_ERR_NOTDB, "a text file: NOTDB");
	ok(t, file_contains(text, "Liste des élèves\nLéa\nTom\n"), "the text file is untouched");
	const char *other = in_dir(dir, "other.db");
	sql_exec(other, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('secret');");
	is_int(t, store_open(other, STORE_CREATE, T0, &st), STORE_ERR_NOTDB, "another program's SQLite file: NOTDB");
	is_int(t, sql_int(other, "PRAGMA user_version"), 0, "and it is not migrated");
	const char *app = in_dir(dir, "app.db");
	sql_exec(app, "PRAGMA application_id = 1234;");
	is_int(t, store_open(app, 0, T0, &st), STORE_ERR_NOTDB, "another application_id, even empty: NOTDB");
	const char *newer = in_dir(dir, "newer.db");
	sql_exec(newer, "PRAGMA application_id = 1153673580; PRAGMA user_version = 99; CREATE TABLE future(x);");
	is_int(t, store_open(newer, 0, T0, &st), STORE_ERR_NEWER, "user_version 99: NEWER");
	is_int(t, sql_int(newer, "PRAGMA user_version"), 99, "and it is left alone");
	const char *folder = in_dir(dir, "folder.db");
	mkdir(folder, 0700);
	ok(t, store_open(folder, STORE_CREATE, T0, &st) != STORE_OK, "a folder is refused");
	const char *link = in_dir(dir, "link.db");
	symlink(in_dir(dir, "a/b/progress.db"), link);
	is_int(t, store_open(link, 0, T0, &st), STORE_ERR_OPEN, "a symbolic link is not followed");
}

/* Small key/value settings. */
static void test_settings(struct tap *t, struct store *st)
{
	char *v = (char *)"x";
	is_int(t, store_setting_get(st, "language", &v), STORE_OK, "get an unset key");
	ok(t, v == NULL, "unset key gives NULL");
	is_int(t, store_setting_set(st, "language", "fr"), STORE_OK, "set");
	is_int(t, store_setting_set(st, "language", "en"), STORE_OK, "overwrite");
	store_setting_get(st, "language", &v);
	is_str(t, v, "en", "read back the last value");
	free(v);
	is_int(t, store_setting_set(st, "language", NULL), STORE_OK, "unset with NULL");
	store_setting_get(st, "language", &v);
	ok(t, v == NULL, "unset key reads as NULL again");
}

/* Classes: names, duplicates, order, rename, secrets. */
static void test_classes(struct tap *t, struct store *st, int64_t *cm1)
{
	int64_t id, ce2, bad = -1;
	is_int(t, store_class_add(st, "  CM1   Jaurès ", cm1), STORE_OK, "add a class");
	is_int(t, store_class_add(st, "cm1 jaures", &id), STORE_ERR_EXISTS, "same name, other case and accents: EXISTS");
	is_int(t, store_class_add(st, "CE2", &ce2), STORE_OK, "second class");
	is_int(t, store_class_add(st, "École 😀", &bad), STORE_ERR_NAME, "emoji in a class name: NAME");
	is_int(t, bad, -1, "no id for a refused name");
	is_int(t, store_class_add(st, "", &bad), STORE_ERR_NAME, "empty class name: NAME");
	struct store_class *v;
	size_t n;
	is_int(t, store_classes(st, &v, &n), STORE_OK, "list classes");
	is_int(t, n, 2, "two classes");
	if (n == 2) {
		is_str(t, v[0].name, "CE2", "sorted by name: CE2 first");
		is_str(t, v[1].name, "CM1 Jaurès", "stored normalised (spaces)");
		is_int(t, v[1].n_pupils, 0, "no pupils yet");
		ok(t, !v[1].secrets, "no picture secrets by default");
	}
	store_classes_free(v, n);
	is_int(t, store_class_rename(st, ce2, "cm1 JAURES"), STORE_ERR_EXISTS, "rename onto another class's name: EXISTS");
	is_int(t, store_class_rename(st, *cm1, "CM1 JAURÈS"), STORE_OK, "rename a class to its own name in capitals");
	is_int(t, store_class_rename(st, 999, "CM2"), STORE_ERR_NOTFOUND, "rename a missing class: NOTFOUND");
	is_int(t, store_class_rename(st, ce2, "CE2 !"), STORE_ERR_NAME, "rename to a bad name: NAME");
	is_int(t, store_class_set_secrets(st, *cm1, true), STORE_OK, "turn picture secrets on");
	is_int(t, store_class_set_secrets(st, 999, true), STORE_ERR_NOTFOUND, "secrets of a missing class");
	store_classes(st, &v, &n);
	ok(t, n == 2 && v[1].secrets && !strcmp(v[1].name, "CM1 JAURÈS"), "renamed, secrets on");
	store_classes_free(v, n);
	is_int(t, store_class_delete(st, ce2), STORE_OK, "delete a class");
	is_int(t, store_class_delete(st, ce2), STORE_ERR_NOTFOUND, "delete it again: NOTFOUND");
}

/* Pupils: names, order, duplicates within a class, the list import. */
static void test_pupils(struct tap *t, struct store *st, int64_t cm1, int64_t *lea)
{
	int64_t id, other, zoe;
	is_int(t, store_pupil_add(st, cm1, "Zoé", &zoe), STORE_OK, "add Zoé");
	is_int(t, store_pupil_add(st, cm1, "Léa", lea), STORE_OK, "add Léa");
	is_int(t, store_pupil_add(st, cm1, "émile", &id), STORE_OK, "add émile");
	is_int(t, store_pupil_add(st, cm1, "D\u2019Artagnan", &id), STORE_OK, "add D’Artagnan");
	is_int(t, store_pupil_add(st, cm1, "LEA", &id), STORE_ERR_EXISTS, "LEA in the same class: EXISTS");
	is_int(t, store_pupil_add(st, cm1, "Le\u0301a", &id), STORE_ERR_EXISTS, "decomposed Léa: EXISTS");
	is_int(t, store_pupil_add(st, cm1, "abcdefghijabcdefghijabcdefghijabc", &id), STORE_ERR_NAME, "33 characters: NAME");
	is_int(t, store_pupil_add(st, 999, "Tom", &id), STORE_ERR_NOTFOUND, "a pupil in a missing class: NOTFOUND");
	store_class_add(st, "CM2", &other);
	is_int(t, store_pupil_add(st, other, "Léa", &id), STORE_OK, "the same name in another class is fine");
	struct store_pupil *v;
	size_t n;
	is_int(t, store_pupils(st, cm1, &v, &n), STORE_OK, "list pupils");
	is_int(t, n, 4, "four pupils in CM1");
	if (n == 4) {
		is_str(t, v[0].name, "D'Artagnan", "sorted, apostrophe stored as '");
		is_str(t, v[1].name, "émile", "accents ignored for order: émile before Léa");
		is_str(t, v[2].name, "Léa", "then Léa");
		is_str(t, v[3].name, "Zoé", "then Zoé");
		is_int(t, v[2].class_id, cm1, "class id");
		is_int(t, v[2].secret, 0, "no secret yet");
	}
	store_pupils_free(v, n);
	struct store_class *c;
	size_t nc;
	store_classes(st, &c, &nc);
	ok(t, nc == 2 && c[0].n_pupils == 4 && c[1].n_pupils == 1, "classes count their pupils");
	store_classes_free(c, nc);

	is_int(t, store_pupil_set_secret(st, *lea, (1 << 2) | (1 << 7)), STORE_OK, "set a picture secret");
	is_int(t, store_pupil_set_secret(st, 999, 3), STORE_ERR_NOTFOUND, "secret of a missing pupil");
	struct store_pupil p;
	is_int(t, store_pupil_get(st, *lea, &p), STORE_OK, "get a pupil");
	ok(t, p.name && !strcmp(p.name, "Léa") && p.secret == 0x84 && p.class_id == cm1, "with name, class, secret");
	store_pupil_clear(&p);
	is_int(t, store_pupil_get(st, 999, &p), STORE_ERR_NOTFOUND, "get a missing pupil");
	is_int(t, store_pupil_rename(st, zoe, "léa"), STORE_ERR_EXISTS, "rename onto a classmate: EXISTS");
	is_int(t, store_pupil_rename(st, zoe, "Zoé-Lou"), STORE_OK, "rename");
	is_int(t, store_pupil_rename(st, zoe, "Zoé_Lou"), STORE_ERR_NAME, "rename to a bad name");
	is_int(t, store_pupil_rename(st, 999, "Tom"), STORE_ERR_NOTFOUND, "rename a missing pupil");

	const char *names[] = {"Tom", "tom", "LÉA", "Bad!", "Nina", "  ", "Nïna"};
	enum store_rc bad[7];
	size_t added = 99;
	is_int(t, store_pupils_add_many(st, cm1, names, 7, bad, &added), STORE_OK, "import a list");
	is_int(t, added, 2, "two added");
	ok(t, bad[0] == STORE_OK && bad[1] == STORE_ERR_EXISTS && bad[2] == STORE_ERR_EXISTS &&
		  bad[3] == STORE_ERR_NAME && bad[4] == STORE_OK && bad[5] == STORE_ERR_NAME &&
		  bad[6] == STORE_ERR_EXISTS,
	   "report: added, repeated in the list, already in the class, invalid, added, empty, repeated");
	store_pupils(st, cm1, &v, &n);
	is_int(t, n, 6, "six pupils now");
	store_pupils_free(v, n);
	is_int(t, store_pupils_add_many(st, 999, names, 7, bad, &added), STORE_ERR_NOTFOUND, "import into a missing class");
	is_int(t, added, 0, "nothing added");
	is_int(t, store_pupil_delete(st, id), STORE_OK, "delete a pupil");
	is_int(t, store_pupil_delete(st, id), STORE_ERR_NOTFOUND, "delete again: NOTFOUND");
}

/* An attempt with the given item, skill and learner values. */
static struct store_attempt attempt(const char *item, const char *skill, bool correct, double theta, double mastery)
{
	return (struct store_attempt){
		.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s1", .item = item,
		.skill = skill, .response = "oui", .correct = correct, .duration_ms = 3100,
		.p_expected = 0.6, .theta_before = 0.1, .theta_after = theta, .mastery_after = mastery,
	};
}

/* Runs, attempts, the map, the skill state and their transaction. */
static void test_runs(struct tap *t, struct store *st, int64_t lea)
{
	int64_t r1, r2, r3, n;
	struct store_run run;
	is_int(t, store_run_resumable(st, lea, NULL, NULL, &run), STORE_ERR_NOTFOUND, "nothing to resume yet");
	is_int(t, store_run_begin(st, lea, "donnees", "photo", "start", T0, &r1), STORE_OK, "begin a run");
	is_int(t, store_run_begin(st, 999, "donnees", "photo", "start", T0, &r3), STORE_ERR_NOTFOUND, "a run for a missing pupil");
	is_int(t, store_run_save(st, r1, "s2:3", 30, T0 + 10), STORE_OK, "save the position");
	is_int(t, store_run_save(st, 999, "s2:3", 30, T0 + 10), STORE_ERR_NOTFOUND, "save a missing run");
	is_int(t, store_run_resumable(st, lea, NULL, NULL, &run), STORE_OK, "a run to resume");
	ok(t, run.id == r1 && !strcmp(run.position, "s2:3") && run.percent == 30 && run.updated == T0 + 10 &&
		  run.started == T0 && run.finished == 0 && !strcmp(run.pack, "donnees") && !strcmp(run.lesson, "photo"),
	   "with its position, percent and times");
	store_run_clear(&run);

	struct store_attempt a = attempt("q1", "image-droit", true, 0.4, 0.55);
	is_int(t, store_attempt_add(st, lea, r1, &a, "s3:1", 50, T0 + 20), STORE_OK, "record an answer");
	store_run_resumable(st, lea, "donnees", "photo", &run);
	ok(t, run.id == r1 && !strcmp(run.position, "s3:1") && run.percent == 50 && run.updated == T0 + 20,
	   "the answer moved the run in the same write");
	store_run_clear(&run);
	a = attempt("q2", "image-droit", false, 0.2, 0.5);
	store_attempt_add(st, lea, r1, &a, NULL, 55, T0 + 30);
	struct store_skill *sk;
	size_t ns;
	is_int(t, store_skills(st, lea, &sk, &ns), STORE_OK, "read the skill state");
	ok(t, ns == 1 && !strcmp(sk[0].skill, "image-droit") && sk[0].n == 2 && fabs(sk[0].theta - 0.2) < 1e-12 &&
		  fabs(sk[0].mastery - 0.5) < 1e-12,
	   "two answers: theta and mastery of the last, n = 2");
	store_skills_free(sk, ns);
	store_run_resumable(st, lea, "donnees", "photo", &run);
	is_str(t, run.position, "s3:1", "a NULL position keeps the run's position");
	is_int(t, run.percent, 55, "but moves its percent");
	store_run_clear(&run);

	a = attempt("c1", NULL, true, NAN, NAN);
	a.kind = ATTEMPT_CHOICE;
	is_int(t, store_attempt_add(st, lea, 0, &a, NULL, 0, T0 + 40), STORE_OK, "a choice outside any run");
	a = attempt("q3", "mdp", true, NAN, NAN);
	store_attempt_add(st, lea, r1, &a, NULL, 60, T0 + 41);
	store_skills(st, lea, &sk, &ns);
	is_int(t, ns, 1, "no skill state without theta_after");
	store_skills_free(sk, ns);
	is_int(t, sql_int(store_path(st), "SELECT count(*) FROM attempts WHERE kind = 'choice' AND run IS NULL "
					 "AND p_expected = 0.6 AND theta_after IS NULL"),
	       1, "choice stored with kind, no run, NaN as NULL");

	/* One transaction: a failure after the attempt leaves neither it nor
	 * the skill state. */
	int64_t before;
	store_attempt_count(st, lea, &before);
	a = attempt("q9", "nouveau", true, 1.5, 0.9);
	is_int(t, store_attempt_add(st, lea, 999, &a, "x", 1, T0 + 50), STORE_ERR_NOTFOUND, "an answer for a missing run");
	store_attempt_count(st, lea, &n);
	is_int(t, n, before, "rolled back: no attempt");
	store_skills(st, lea, &sk, &ns);
	is_int(t, ns, 1, "rolled back: no skill state for 'nouveau'");
	store_skills_free(sk, ns);
	is_int(t, store_attempt_add(st, 999, 0, &a, NULL, 0, T0), STORE_ERR_NOTFOUND, "an answer for a missing pupil");
	is_int(t, sqlite3_get_autocommit(st->db), 1, "no transaction left open");
	is_int(t, store_attempt_count(st, 0, &n), STORE_OK, "count all attempts");
	is_int(t, n, before, "all attempts are Léa's");

	/* The map. */
	store_run_finish(st, r1, 2, 2, T0 + 60);
	is_int(t, store_run_resumable(st, lea, "donnees", "photo", &run), STORE_ERR_NOTFOUND, "a finished run is not resumable");
	store_run_begin(st, lea, "donnees", "photo", "start", T0 + 70, &r2);
	store_run_finish(st, r2, 1, 3, T0 + 80);
	store_run_begin(st, lea, "donnees", "photo", "start", T0 + 90, &r3);
	store_run_save(st, r3, "s2:1", 20, T0 + 95);
	int64_t m1, m2;
	store_run_begin(st, lea, "donnees", "mdp", "start", T0 + 100, &m1);
	store_run_save(st, m1, "s4", 70, T0 + 110);
	store_run_begin(st, lea, "donnees", "mdp", "start", T0 + 120, &m2);
	store_run_save(st, m2, "s1", 10, T0 + 130);
	is_int(t, store_run_finish(st, 999, 1, 1, T0), STORE_ERR_NOTFOUND, "finish a missing run");
	struct store_lesson_progress *pv;
	size_t pn;
	is_int(t, store_progress(st, lea, &pv, &pn), STORE_OK, "the map");
	is_int(t, pn, 2, "two lessons touched");
	if (pn == 2) {
		ok(t, !strcmp(pv[0].lesson, "mdp") && pv[0].status == LESSON_STARTED && pv[0].percent == 10 &&
			  pv[0].best_stars == 0,
		   "mdp: started, percent of the newest unfinished run");
		ok(t, !strcmp(pv[1].lesson, "photo") && pv[1].status == LESSON_DONE && pv[1].percent == 100 &&
			  pv[1].best_stars == 3,
		   "photo: done, best of the finished runs' stars");
	}
	store_progress_free(pv, pn);
	is_int(t, store_run_resumable(st, lea, NULL, NULL, &run), STORE_OK, "resume any lesson");
	is_int(t, run.id, m2, "the most recently updated unfinished run");
	store_run_clear(&run);
	is_int(t, store_run_resumable(st, lea, "donnees", "photo", &run), STORE_OK, "resume one lesson");
	ok(t, run.id == r3 && !strcmp(run.position, "s2:1"), "its newest unfinished run");
	store_run_clear(&run);
	ok(t, run.pack == NULL && run.id == 0, "store_run_clear empties the run");
}

/* The flag a teacher sees: per lesson and skill, the last défi step a pupil
 * left partially reached; reaching it later clears it. */
static int flagged(struct store *st, int64_t cls, int64_t pupil)
{
	struct store_pupil *v;
	size_t n;
	int f = -1;
	if (store_pupils(st, cls, &v, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (v[i].id == pupil)
			f = v[i].flagged;
	store_pupils_free(v, n);
	struct store_pupil one;
	if (store_pupil_get(st, pupil, &one) != STORE_OK || one.flagged != f)
		f = -2;
	free(one.name);
	return f;
}

/* Logs the outcome of a step of skill in lesson at time ts. */
static enum store_rc step(struct store *st, int64_t pupil, const char *lesson, const char *skill, bool reached,
			  int64_t ts)
{
	struct store_attempt a = {.kind = ATTEMPT_STEP, .pack = "donnees", .lesson = lesson, .scene = "defi",
				  .item = "", .skill = skill, .response = reached ? "reached" : "partial",
				  .correct = reached, .p_expected = NAN, .theta_before = NAN, .theta_after = NAN,
				  .mastery_after = NAN, .b = NAN, .g = NAN};
	return store_attempt_add(st, pupil, 0, &a, NULL, 0, (time_t)ts);
}

static void test_steps(struct tap *t, struct store *st, int64_t cls, int64_t lea)
{
	int64_t tom;
	store_pupil_add(st, cls, "Tomas", &tom);
	is_int(t, flagged(st, cls, lea), 0, "no step logged: nothing to review");
	is_int(t, step(st, lea, "photo", "donnees/traces", false, T0 + 200), STORE_OK, "a step partially reached is logged");
	step(st, lea, "photo", "donnees/identifier", true, T0 + 200);
	step(st, lea, "mdp", "donnees/motdepasse", false, T0 + 210);
	is_int(t, flagged(st, cls, lea), 2, "two steps to review (the reached one does not count), in both listings");
	is_int(t, flagged(st, cls, tom), 0, "another pupil has none");
	step(st, lea, "photo", "donnees/traces", true, T0 + 300);
	is_int(t, flagged(st, cls, lea), 1, "the step reached when the lesson is played again is no longer flagged");
	step(st, lea, "mdp", "donnees/motdepasse", true, T0 + 400);
	step(st, lea, "mdp", "donnees/motdepasse", false, T0 + 400);
	is_int(t, flagged(st, cls, lea), 1, "in the same second, the later record counts");
	struct store_skill *sk;
	size_t ns;
	store_skills(st, lea, &sk, &ns);
	bool untouched = true;
	for (size_t i = 0; i < ns; i++)
		untouched = untouched && strcmp(sk[i].skill, "donnees/traces") && strcmp(sk[i].skill, "donnees/motdepasse");
	ok(t, untouched, "a step's outcome is no answer: the skill state does not move");
	store_skills_free(sk, ns);
	is_int(t, sql_int(store_path(st), "SELECT count(*) FROM attempts WHERE kind = 'step' AND item = '' "
					 "AND theta_after IS NULL"),
	       6, "steps are logged as kind 'step'");
}

/* Attempt UUIDs: version 4, all different. */
static void test_uuids(struct tap *t, const char *dir)
{
	struct store *st;
	int64_t c, p;
	char *path = strdup(in_dir(dir, "uuid.db"));
	store_open(path, STORE_CREATE, T0, &st);
	store_class_add(st, "CM1", &c);
	store_pupil_add(st, c, "Tom", &p);
	sqlite3_exec(st->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);	/* speed only */
	struct store_attempt a = attempt("q1", "s", true, 0.1, 0.1);
	int errors = 0;
	for (int i = 0; i < 10000; i++)
		errors += store_attempt_add(st, p, 0, &a, NULL, 0, T0 + i) != STORE_OK;
	store_close(st);
	is_int(t, errors, 0, "10 000 answers recorded");
	is_int(t, sql_int(path, "SELECT count(DISTINCT uuid) FROM attempts"), 10000, "10 000 different UUIDs");
	is_int(t, sql_int(path, "SELECT count(*) FROM attempts WHERE uuid GLOB "
				"'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-"
				"[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-"
				"[89ab][0-9a-f][0-9a-f][0-9a-f]-*' AND length(uuid) = 36"),
	       10000, "all version 4, RFC 4122 variant");
	free(path);
}

/* The teacher PIN: format, hash, the delay, restarts and clocks. */
static void test_pin(struct tap *t, const char *dir)
{
	struct store *st;
	char *path = strdup(in_dir(dir, "pin.db"));
	bool set = true;
	int w = -1;
	store_open(path, STORE_CREATE, T0, &st);
	is_int(t, store_pin_is_set(st, &set), STORE_OK, "is a PIN set?");
	ok(t, !set, "not yet");
	is_int(t, store_pin_check(st, "123456", T0, &w), STORE_ERR_NOPIN, "check without a PIN: NOPIN");
	is_int(t, store_pin_set(st, "12345"), STORE_ERR_PIN_FORMAT, "5 digits refused");
	is_int(t, store_pin_set(st, "1234567890123"), STORE_ERR_PIN_FORMAT, "13 digits refused");
	is_int(t, store_pin_set(st, "12a456"), STORE_ERR_PIN_FORMAT, "a letter refused");
	is_int(t, store_pin_set(st, "١٢٣٤٥٦"), STORE_ERR_PIN_FORMAT, "non-ASCII digits refused");
	is_int(t, store_pin_set(st, "482915"), STORE_OK, "6 digits accepted");
	store_pin_is_set(st, &set);
	ok(t, set, "now set");
	char *hash = sql_text(path, "SELECT hash FROM pin");
	ok(t, !strncmp(hash, "$y$", 3) && !strstr(hash, "482915"), "stored as a yescrypt hash: %s", hash);
	free(hash);
	is_int(t, store_pin_check(st, "482915", T0, &w), STORE_OK, "the right PIN");
	is_int(t, store_pin_check(st, "4829150", T0, &w), STORE_ERR_PIN_WRONG, "a longer PIN is wrong");
	for (int i = 2; i <= 4; i++)
		store_pin_check(st, "000000", T0, &w);
	is_int(t, w, 0, "4 wrong tries: no wait yet");
	is_int(t, store_pin_check(st, "482915", T0, &w), STORE_OK, "the right PIN on the 5th try");
	for (int i = 1; i <= 4; i++)
		store_pin_check(st, "000000", T0, &w);
	is_int(t, w, 0, "a success restarts the count: 4 more wrong tries free");
	is_int(t, store_pin_check(st, "000000", T0, &w), STORE_ERR_PIN_WRONG, "5th wrong try");
	is_int(t, w, 30, "now the next try waits 30 s");
	is_int(t, store_pin_check(st, "482915", T0 + 1, &w), STORE_ERR_PIN_WAIT, "even the right PIN must wait");
	is_int(t, w, 29, "29 s left");
	is_int(t, store_pin_check(st, "482915", T0 + 29, &w), STORE_ERR_PIN_WAIT, "still waiting at 29 s");
	is_int(t, w, 1, "1 s left (waits are not counted as tries)");
	is_int(t, store_pin_check(st, "000000", T0 + 30, &w), STORE_ERR_PIN_WRONG, "6th wrong try after the wait");
	is_int(t, w, 60, "the delay doubles: 60 s");

	store_close(st);	/* a restart (or kill -9) keeps the count */
	store_open(path, 0, T0 + 40, &st);
	is_int(t, store_pin_check(st, "482915", T0 + 40, &w), STORE_ERR_PIN_WAIT, "after a restart, still waiting");
	is_int(t, w, 50, "50 s left");
	is_int(t, store_pin_check(st, "482915", T0 - 86400, &w), STORE_ERR_PIN_WAIT, "clock set back a day");
	is_int(t, w, 60, "waits the current delay, not a day more");
	is_int(t, store_pin_check(st, "482915", T0 - 86400 + 59, &w), STORE_ERR_PIN_WAIT, "59 s later");
	is_int(t, w, 1, "1 s left");
	time_t now = T0 - 86400 + 60;
	int delays[6];
	for (int i = 0; i < 6; i++) {
		store_pin_check(st, "000000", now, &w);
		delays[i] = w;
		now += w;
	}
	ok(t, delays[0] == 120 && delays[1] == 240 && delays[2] == 480 && delays[3] == 900 && delays[4] == 900 &&
		  delays[5] == 900,
	   "delays 120, 240, 480, then at most 15 min: %d %d %d %d %d %d", delays[0], delays[1], delays[2],
	   delays[3], delays[4], delays[5]);
	is_int(t, store_pin_check(st, "482915", now + 900000, &w), STORE_OK, "the right PIN after the wait");
	is_int(t, store_pin_check(st, "000000", now, &w), STORE_ERR_PIN_WRONG, "then a wrong one");
	is_int(t, w, 0, "is free again");
	is_int(t, store_pin_set(st, "73950142"), STORE_OK, "change the PIN");
	is_int(t, store_pin_check(st, "482915", now, &w), STORE_ERR_PIN_WRONG, "the old PIN no longer works");
	is_int(t, store_pin_check(st, "73950142", now, &w), STORE_OK, "the new one does");
	is_int(t, store_pin_reset(st), STORE_OK, "reset the PIN");
	store_pin_is_set(st, &set);
	ok(t, !set, "no PIN after a reset");
	store_close(st);
	free(path);
}

int main(void)
{
	struct tap t = {0};
	struct store *st;
	int64_t cm1, lea;
	setlocale(LC_ALL, "C.UTF-8");
	char *dir = temp_dir();
	test_default_path(&t);
	test_create(&t, dir);
	test_foreign(&t, dir);
	is_int(&t, store_open(in_dir(dir, "main.db"), STORE_CREATE, T0, &st), STORE_OK, "open a new database");
	test_settings(&t, st);
	test_classes(&t, st, &cm1);
	test_pupils(&t, st, cm1, &lea);
	test_runs(&t, st, lea);
	test_steps(&t, st, cm1, lea);
	store_close(st);
	test_uuids(&t, dir);
	test_pin(&t, dir);
	ok(&t, strlen(store_strerror(STORE_ERR_FULL)) > 0 && strcmp(store_strerror(STORE_ERR_FULL),
								   store_strerror(STORE_ERR_BUSY)) != 0,
	   "each status has its own sentence");
	rm_tree(dir);
	free(dir);
	return tap_done(&t);
}
