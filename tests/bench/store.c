/* store.c — `make bench`: how long the store takes for what a pupil waits on.
 *
 *   1. recording one answer (store_attempt_add: one transaction, rollback
 *      journal, synchronous=FULL) on the real disk, over 300 answers;
 *   2. the map and the resume question (store_progress + store_run_resumable)
 *      for a pupil with 5 000 attempts in a class of 30 pupils with history;
 *   3. opening that database (quick_check included).
 *
 * Usage: tests/bench/store [FOLDER]   (default: a new folder under /tmp) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_internal.h"

#define T0 1700000000

/* Monotonic time in milliseconds. */
static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Compares doubles for qsort. */
static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Prints the median, p90 and max of the n samples v (sorted in place). */
static void report(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	printf("%-44s median %7.3f ms   p90 %7.3f ms   max %7.3f ms   (n=%d)\n", what, v[n / 2], v[n * 9 / 10],
	       v[n - 1], n);
}

/* An answer to item i of a lesson. */
static struct store_attempt answer(int i, const char *lesson)
{
	static char item[16];
	snprintf(item, sizeof item, "q%d", i % 12);
	return (struct store_attempt){
		.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = lesson, .scene = "s1", .item = item,
		.skill = "image-droit", .response = "une réponse", .correct = i % 3 != 0, .duration_ms = 2500,
		.p_expected = 0.6, .theta_before = 0.1, .theta_after = 0.2, .mastery_after = 0.5,
	};
}

/* Gives the pupil `attempts` answers spread over runs of 20 lessons. */
static void history(struct store *st, int64_t pupil, int attempts)
{
	int64_t run = 0;
	char lesson[32];
	for (int i = 0; i < attempts; i++) {
		if (i % 25 == 0) {
			snprintf(lesson, sizeof lesson, "lecon-%02d", (i / 25) % 20);
			if (run && (i / 25) % 3 != 2)
				store_run_finish(st, run, 1, 1 + i % 3, T0 + i);
			store_run_begin(st, pupil, "donnees", lesson, "s1", T0 + i, &run);
		}
		struct store_attempt a = answer(i, lesson);
		store_attempt_add(st, pupil, run, &a, "s2", (i % 25) * 4, T0 + i);
	}
}

int main(int argc, char **argv)
{
	char tmpl[] = "/tmp/declic-bench-XXXXXX";
	const char *dir = argc > 1 ? argv[1] : mkdtemp(tmpl);
	char path[4096], big[4096];
	snprintf(path, sizeof path, "%s/answers.db", dir);
	snprintf(big, sizeof big, "%s/class.db", dir);
	unlink(path);
	unlink(big);
	struct store *st;
	int64_t c, p, run;
	if (!dir || store_open(path, STORE_CREATE, T0, &st) != STORE_OK) {
		fprintf(stderr, "bench: cannot create a database in %s\n", dir ? dir : "/tmp");
		return 1;
	}
	printf("store benchmark in %s (SQLite %s)\n", dir, sqlite3_libversion());

	enum { N = 300 };
	double v[N];
	store_class_add(st, "CM1", &c);
	store_pupil_add(st, c, "Léa", &p);
	store_run_begin(st, p, "donnees", "photo", "s1", T0, &run);
	for (int i = 0; i < N; i++) {
		struct store_attempt a = answer(i, "photo");
		double t = now_ms();
		if (store_attempt_add(st, p, run, &a, "s2", i % 100, T0 + i) != STORE_OK)
			return 1;
		v[i] = now_ms() - t;
	}
	store_close(st);
	report("record one answer (synchronous=FULL)", v, N);

	/* The class: built fast (synchronous off), measured as it really opens. */
	store_open(big, STORE_CREATE, T0, &st);
	sqlite3_exec(st->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	store_class_add(st, "CM2", &c);
	int64_t target = 0;
	for (int k = 0; k < 30; k++) {
		char name[16];
		snprintf(name, sizeof name, "Eleve %02d", k);
		store_pupil_add(st, c, name, &p);
		history(st, p, k == 0 ? 5000 : 500);
		if (k == 0)
			target = p;
	}
	store_close(st);
	double o[20];
	for (int i = 0; i < 20; i++) {
		double t = now_ms();
		store_open(big, 0, T0, &st);
		o[i] = now_ms() - t;
		if (i < 19)
			store_close(st);
	}
	int64_t n;
	store_attempt_count(st, 0, &n);
	for (int i = 0; i < N; i++) {
		double t = now_ms();
		struct store_lesson_progress *pv;
		size_t pn;
		struct store_run r;
		store_progress(st, target, &pv, &pn);
		store_run_resumable(st, target, NULL, NULL, &r);
		v[i] = now_ms() - t;
		store_progress_free(pv, pn);
		store_run_clear(&r);
	}
	store_close(st);
	struct stat sb;
	printf("class of 30 pupils, %lld attempts, %.1f MB\n", (long long)n,
	       stat(big, &sb) == 0 ? (double)sb.st_size / 1e6 : 0.0);
	report("map + resume, pupil with 5000 attempts", v, N);
	report("open the class database (quick_check)", o, 20);
	if (argc <= 1) {
		unlink(path);
		unlink(big);
		rmdir(dir);
	}
	return 0;
}
