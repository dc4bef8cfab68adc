/* storetool.c — drives the store from shell tests: several processes writing
 * at once, a full disk, read-only files, no home folder.
 *
 *   storetool write PATH NAME N   record N answers for pupil NAME (class "Lab");
 *                                 prints "acked K errors E [FIRST-ERROR]"
 *   storetool fill PATH N         record answers until one fails (at most N);
 *                                 prints "acked K rc CODE", code as in enum store_rc
 *   storetool stream PATH N       like write, printing "acked K" after each answer
 *   storetool check PATH          prints "attempts N integrity RESULT"
 *   storetool open PATH [create]  prints the code of store_open
 *   storetool home                prints the code of store_default_path
 *   storetool hold PATH SECONDS   locks the database (BEGIN EXCLUSIVE), prints
 *                                 "locked", sleeps, then releases it
 *   storetool answers PATH PACK/LESSON/ITEM N RIGHT [B [G [SKILL]]]
 *                                 N first tries of the item (difficulty B, guessing
 *                                 chance G, skill SKILL: 0, 0, "test") by pupils
 *                                 "Élève 1".."Élève N" of class "Lab", the first
 *                                 RIGHT of them right, as the kiosk records them
 *                                 (each pupil's θ rebuilt from the log, then the
 *                                 model's step); a wrong one is followed by a
 *                                 right retry, which is no measurement; prints
 *                                 "answers K"
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/learner.h"
#include "store/store.h"

/* The pupil NAME of class "Lab" into *pupil, created if needed (several
 * processes may race to create them). */
static enum store_rc lab_pupil(struct store *st, const char *name, int64_t *pupil)
{
	enum store_rc rc = STORE_ERR_NOTFOUND;
	*pupil = 0;
	for (int tries = 0; tries < 3 && !*pupil; tries++) {
		struct store_class *c;
		size_t nc;
		int64_t class_id = 0;
		if (store_classes(st, &c, &nc) == STORE_OK)
			for (size_t i = 0; i < nc; i++)
				if (!strcmp(c[i].name, "Lab"))
					class_id = c[i].id;
		store_classes_free(c, nc);
		if (!class_id && (rc = store_class_add(st, "Lab", &class_id)) != STORE_OK)
			continue;
		if ((rc = store_pupil_add(st, class_id, name, pupil)) == STORE_OK)
			break;
		struct store_pupil *v;
		size_t n;
		if (store_pupils(st, class_id, &v, &n) == STORE_OK)
			for (size_t i = 0; i < n; i++)
				if (!strcmp(v[i].name, name))
					*pupil = v[i].id;
		store_pupils_free(v, n);
	}
	return *pupil ? STORE_OK : rc;
}

/* An answer numbered i. */
static struct store_attempt answer(int i)
{
	static char item[32];
	snprintf(item, sizeof item, "q%d", i);
	return (struct store_attempt){
		.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s1", .item = item,
		.skill = "image", .response = "une réponse assez longue pour remplir les pages", .correct = i % 3 != 0,
		.duration_ms = 1000 + i, .p_expected = 0.5, .theta_before = 0.0, .theta_after = 0.1 * (i % 7),
		.mastery_after = 0.5,
	};
}

/* write, fill and stream: record answers; with stop, stop at the first
 * error; with stream, print the count after each acknowledged answer. */
static int record(const char *path, const char *name, int n, int stop, int stream)
{
	struct store *st;
	enum store_rc rc = store_open(path, STORE_CREATE, time(NULL), &st);
	if (rc != STORE_OK) {
		printf("acked 0 errors 1 open %d\n", rc);
		return 1;
	}
	int64_t pupil, run = 0;
	rc = lab_pupil(st, name, &pupil);
	if (rc == STORE_OK)
		rc = store_run_begin(st, pupil, "donnees", "photo", "s1", time(NULL), &run);
	if (rc != STORE_OK) {
		printf(stop ? "acked 0 rc %d\n" : "acked 0 errors 1 setup %d\n", rc);
		store_close(st);
		return 1;
	}
	int acked = 0, errors = 0;
	enum store_rc first = STORE_OK;
	for (int i = 0; i < n; i++) {
		struct store_attempt a = answer(i);
		rc = store_attempt_add(st, pupil, run, &a, "s2", i % 100, time(NULL));
		if (rc == STORE_OK) {
			acked++;
			if (stream) {
				printf("acked %d\n", acked);
				fflush(stdout);
			}
			continue;
		}
		errors++;
		if (first == STORE_OK)
			first = rc;
		if (stop)
			break;
	}
	store_close(st);
	if (stop)
		printf("acked %d rc %d\n", acked, first);
	else
		printf("acked %d errors %d %s\n", acked, errors, errors ? store_strerror(first) : "");
	return errors != 0;
}

/* answers: n measured first tries of the item ref (PACK/LESSON/ITEM) by
 * pupils "Élève 1".."Élève n", the first `right` of them right. */
static int answers(const char *path, const char *ref, int n, int right, double b, double g, const char *skill)
{
	char pack[128], lesson[128], item[128];
	if (sscanf(ref, "%127[^/]/%127[^/]/%127s", pack, lesson, item) != 3) {
		fprintf(stderr, "storetool: PACK/LESSON/ITEM, not %s\n", ref);
		return 2;
	}
	struct store *st;
	enum store_rc rc = store_open(path, STORE_CREATE, time(NULL), &st);
	int done = 0;
	for (int i = 0; rc == STORE_OK && i < n; i++) {
		char name[32];
		int64_t pupil;
		snprintf(name, sizeof name, "Élève %d", i + 1);
		struct learner_pupil p = {0};
		rc = lab_pupil(st, name, &pupil);
		if (rc == STORE_OK)
			rc = store_skills_rebuild(st, pupil, NULL, &p);
		bool correct = i < right;
		struct learner_step s = learner_pupil_answer(learner_defaults(), &p, skill, b, g, correct);
		learner_pupil_free(&p);
		struct store_attempt a = {
			.kind = ATTEMPT_ANSWER, .pack = pack, .lesson = lesson, .scene = "s1", .item = item,
			.skill = skill, .response = correct ? "oui" : "non", .correct = correct, .duration_ms = 3000,
			.p_expected = s.p, .theta_before = s.theta_before, .theta_after = s.theta_after,
			.mastery_after = s.mastery_after, .b = b, .g = g,
		};
		if (rc == STORE_OK)
			rc = store_attempt_add(st, pupil, 0, &a, NULL, 0, time(NULL));
		if (rc == STORE_OK && !correct) {
			a.correct = true;
			a.response = "oui";
			a.p_expected = a.theta_before = a.theta_after = a.mastery_after = NAN;
			rc = store_attempt_add(st, pupil, 0, &a, NULL, 0, time(NULL));
		}
		done += rc == STORE_OK;
	}
	store_close(st);
	printf("answers %d\n", done);
	if (rc != STORE_OK)
		fprintf(stderr, "storetool: %s\n", store_strerror(rc));
	return rc != STORE_OK;
}

/* check: the number of attempts and PRAGMA integrity_check, through SQLite
 * directly. */
static int check(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	long long n = -1;
	char result[256] = "cannot open";
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM attempts", -1, &stmt, NULL) == SQLITE_OK &&
		    sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
		    sqlite3_step(stmt) == SQLITE_ROW)
			snprintf(result, sizeof result, "%s", (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	printf("attempts %lld integrity %s\n", n, result);
	return 0;
}

/* hold: keeps an exclusive lock on the database for a while. */
static int hold(const char *path, int seconds)
{
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return 1;
	}
	printf("locked\n");
	fflush(stdout);
	sleep((unsigned)seconds);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "hold"))
		return hold(argv[2], atoi(argv[3]));
	if (argc >= 5 && !strcmp(argv[1], "write"))
		return record(argv[2], argv[3], atoi(argv[4]), 0, 0);
	if (argc >= 4 && !strcmp(argv[1], "stream"))
		return record(argv[2], "Stream", atoi(argv[3]), 0, 1);
	if (argc >= 4 && !strcmp(argv[1], "fill"))
		return record(argv[2], "Fill", atoi(argv[3]), 1, 0);
	if (argc >= 3 && !strcmp(argv[1], "check"))
		return check(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "open")) {
		struct store *st;
		enum store_rc rc = store_open(argv[2], argc > 3 ? STORE_CREATE : 0, time(NULL), &st);
		store_close(st);
		printf("%d %s\n", rc, store_strerror(rc));
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "home")) {
		char *p;
		enum store_rc rc = store_default_path(&p);
		free(p);
		printf("%d %s\n", rc, store_strerror(rc));
		return 0;
	}
	if (argc >= 6 && !strcmp(argv[1], "answers"))
		return answers(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]), argc > 6 ? atof(argv[6]) : 0,
			       argc > 7 ? atof(argv[7]) : 0, argc > 8 ? argv[8] : "test");
	fprintf(stderr, "usage: storetool write|stream|fill|check|open|home|hold|answers ...\n");
	return 2;
}
