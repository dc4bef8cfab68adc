/* t_store_files.c — the database as files: migration of a version-1
 * fixture, erasing a pupil leaves no trace of the name, damaged files,
 * daily backups, set-aside and restore. */
#include "config.h"

#include <locale.h>
#include <glob.h>
#include <math.h>

#include "../tap.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store_util.h"

#define T0 1700000000	/* 2023-11-14 */
#define DAY 86400
#define FIXTURE ABS_SRCDIR "/tests/data/db/schema-v1.db"

/* Number of files matching pattern. */
static size_t count_files(const char *pattern)
{
	glob_t g;
	size_t n = glob(pattern, 0, NULL, &g) == 0 ? g.gl_pathc : 0;
	globfree(&g);
	return n;
}

/* The first file matching pattern (static buffer), or "". */
static const char *first_file(const char *pattern)
{
	static char buf[4096];
	glob_t g;
	buf[0] = '\0';
	if (glob(pattern, 0, NULL, &g) == 0)
		snprintf(buf, sizeof buf, "%s", g.gl_pathv[0]);
	globfree(&g);
	return buf;
}

/* The whole schema of the database at path as one text (caller frees). */
static char *schema_of(const char *path)
{
	return sql_text(path, "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), char(10)) "
			      "FROM (SELECT * FROM sqlite_master ORDER BY name)");
}

/* A copy of the version-1 fixture opens migrated to version 2, every row
 * kept, after a backup. */
static void test_migration(struct tap *t, const char *dir)
{
	char *path = strdup(in_dir(dir, "old/progress.db"));
	mkdir(in_dir(dir, "old"), 0700);
	ok(t, copy_file(FIXTURE, path) == 0, "copy the version-1 fixture");
	is_int(t, sql_int(path, "PRAGMA user_version"), 1, "the fixture is version 1");
	struct store *st;
	is_int(t, store_open(path, 0, T0, &st), STORE_OK, "open (and migrate) it");
	is_int(t, sql_int(path, "PRAGMA user_version"), 2, "now version 2");
	is_int(t, sql_int(path, "SELECT count(*) FROM classes"), 2, "2 classes kept");
	is_int(t, sql_int(path, "SELECT count(*) FROM pupils"), 3, "3 pupils kept");
	is_int(t, sql_int(path, "SELECT count(*) FROM runs"), 2, "2 runs kept");
	is_int(t, sql_int(path, "SELECT count(*) FROM attempts"), 4, "4 attempts kept");
	is_int(t, sql_int(path, "SELECT count(*) FROM attempts WHERE theta_after IS NULL AND p_expected IS NULL"), 4,
	       "new columns empty on old attempts");
	is_int(t, sql_int(path, "SELECT count(*) FROM settings"), 1, "settings kept");
	is_int(t, sql_int(path, "SELECT failures FROM pin"), 2, "PIN failures kept");
	const char *bak = first_file(in_dir(dir, "old/progress.db.v1-*.bak"));
	ok(t, *bak != '\0', "a backup was made before migrating: %s", bak);
	is_int(t, sql_int(bak, "PRAGMA user_version"), 1, "the backup is the version-1 database");
	is_int(t, sql_int(bak, "SELECT count(*) FROM attempts"), 4, "with every attempt");
	is_int(t, mode_of(bak), 0600, "readable by the owner only");

	struct store_lesson_progress *pv;
	size_t pn;
	store_progress(st, 1, &pv, &pn);
	ok(t, pn == 2 && pv[0].status == LESSON_DONE && pv[0].best_stars == 3 && pv[1].status == LESSON_STARTED &&
		  pv[1].percent == 45,
	   "Léa's map read from migrated data");
	store_progress_free(pv, pn);
	struct store_pupil *v;
	size_t n;
	store_pupils(st, 1, &v, &n);
	ok(t, n == 2 && !strcmp(v[0].name, "Léa") && v[0].secret == 5, "pupils listed from migrated data");
	store_pupils_free(v, n);
	int64_t id;
	is_int(t, store_pupil_add(st, 1, "LÉA", &id), STORE_ERR_EXISTS, "old keys still catch duplicates");
	store_close(st);

	is_int(t, store_open(path, 0, T0 + 5, &st), STORE_OK, "reopen");
	store_close(st);
	is_int(t, count_files(in_dir(dir, "old/*.bak")), 1, "no second backup once migrated");

	const char *fresh = in_dir(dir, "fresh.db");
	store_open(fresh, STORE_CREATE, T0, &st);
	store_close(st);
	char *a = schema_of(path), *b = schema_of(fresh);
	ok(t, a[0] && !strcmp(a, b), "a migrated database has exactly the schema of a new one");
	if (strcmp(a, b))
		printf("# migrated:\n# %s\n# new:\n# %s\n", a, b);
	free(a);
	free(b);
	is_int(t, count_files(in_dir(dir, "fresh.db.v*")), 0, "no backup when creating a new database");
	free(path);
}

/* Overwrites len bytes at offset off of the file at path with a pattern. */
static int damage(const char *path, long off, size_t len)
{
	FILE *f = fopen(path, "r+b");
	if (!f || fseek(f, off, SEEK_SET) != 0)
		return -1;
	for (size_t i = 0; i < len; i++)
		fputc(0xA5 ^ (int)(i & 0x3f), f);
	return fclose(f);
}

/* A damaged database is refused at opening. */
static void test_corrupt(struct tap *t, const char *dir)
{
	char *path = strdup(in_dir(dir, "damaged.db"));
	copy_file(FIXTURE, path);
	long pages = sql_int(path, "PRAGMA page_count"), size = sql_int(path, "PRAGMA page_size");
	ok(t, pages >= 8, "the fixture has %ld pages", pages);
	/* A whole page in the middle: a table or index page of the fixture. */
	damage(path, (pages / 2) * size, (size_t)size);
	struct store *st;
	is_int(t, store_open(path, 0, T0, &st), STORE_ERR_CORRUPT, "a damaged page: CORRUPT");
	ok(t, st == NULL, "not opened");
	is_int(t, count_files(in_dir(dir, "damaged.db.v*")), 0, "no migration of a damaged file");

	const char *header = in_dir(dir, "header.db");
	copy_file(FIXTURE, header);
	damage(header, 16, 8);	/* page size, versions */
	enum store_rc rc = store_open(header, 0, T0, &st);
	ok(t, rc == STORE_ERR_CORRUPT || rc == STORE_ERR_NOTDB, "a damaged header: %s", store_strerror(rc));
	free(path);
}

/* Erasing a pupil or a class erases their progress and every byte of the
 * name from the database file. */
static void test_erase(struct tap *t, const char *dir)
{
	char *path = strdup(in_dir(dir, "erase.db"));
	struct store *st;
	int64_t c, p, keep, run;
	store_open(path, STORE_CREATE, T0, &st);
	store_class_add(st, "Classe Quentinou", &c);
	store_pupil_add(st, c, "Zéphyrinette", &p);
	store_pupil_add(st, c, "Bartholomé", &keep);
	for (int i = 0; i < 200; i++) {	/* enough rows for several pages */
		int64_t who = i % 2 ? p : keep;
		store_run_begin(st, who, "donnees", "photo", "s1", T0 + i, &run);
		struct store_attempt a = {
			.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s1",
			.item = "q1", .skill = "image", .response = who == p ? "Je suis Zéphyrinette" : "moi",
			.correct = true, .duration_ms = 10, .p_expected = 0.5, .theta_before = 0,
			.theta_after = 0.1, .mastery_after = 0.2,
		};
		store_attempt_add(st, who, run, &a, "s2", 50, T0 + i);
	}
	int64_t pupils[2] = {p, keep};
	for (int k = 0; k < 2; k++) {	/* a session and a reflex card each */
		int session;
		store_session_begin(st, pupils[k], T0 + 300, &session);
		struct store_attempt a = {
			.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s2", .item = "r1",
			.response = "non", .correct = true, .p_expected = NAN, .theta_before = NAN,
			.theta_after = NAN, .mastery_after = NAN, .b = NAN, .g = NAN, .reflex = true,
			.session = session,
		};
		store_attempt_add(st, pupils[k], 0, &a, NULL, 0, T0 + 300);
	}
	is_int(t, sql_int(path, "SELECT count(*) FROM review") + sql_int(path, "SELECT count(*) FROM sessions"), 4,
	       "each pupil has a review card and a session");
	ok(t, file_contains(path, "Zéphyrinette") && file_contains(path, "zephyrinette"),
	   "before: the name and its key are in the file");
	is_int(t, store_pupil_delete(st, p), STORE_OK, "erase the pupil");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT count(*) FROM runs WHERE pupil = %1$lld) + "
		 "(SELECT count(*) FROM attempts WHERE pupil = %1$lld) + "
		 "(SELECT count(*) FROM skill_state WHERE pupil = %1$lld) + "
		 "(SELECT count(*) FROM review WHERE pupil = %1$lld) + "
		 "(SELECT count(*) FROM sessions WHERE pupil = %1$lld)", (long long)p);
	ok(t, sql_int(path, sql) == 0 && sql_int(path, "SELECT count(*) FROM review") == 1 &&
		  sql_int(path, "SELECT count(*) FROM skill_state") == 1 &&
		  sql_int(path, "SELECT count(*) FROM sessions") == 1,
	   "runs, attempts, skill state, review cards and sessions are gone (the classmate's stay)");
	ok(t, sql_int(path, "SELECT count(*) FROM attempts") == 101, "the classmate's 101 attempts remain");
	ok(t, !file_contains(path, "Zéphyrinette") && !file_contains(path, "zephyrinette") &&
		  !file_contains(path, "phyrinet"),
	   "after: no byte of the name or its key left in the database file");
	ok(t, !file_contains(in_dir(dir, "erase.db-journal"), "phyrinet"), "nor in a journal");
	is_int(t, store_class_delete(st, c), STORE_OK, "erase the class");
	is_int(t, sql_int(path, "SELECT (SELECT count(*) FROM pupils) + (SELECT count(*) FROM attempts) + "
				"(SELECT count(*) FROM skill_state) + (SELECT count(*) FROM review) + "
				"(SELECT count(*) FROM sessions)"),
	       0, "its pupils and their attempts, skill state, review cards and sessions are gone");
	ok(t, !file_contains(path, "Bartholom") && !file_contains(path, "Quentinou") && !file_contains(path, "quentinou"),
	   "no byte of the class or pupil names left");
	store_close(st);
	is_int(t, sql_int(path, "PRAGMA integrity_check") == -1, 0, "the file is still a sound database");
	char *ic = sql_text(path, "PRAGMA integrity_check");
	is_str(t, ic, "ok", "integrity_check ok");
	free(ic);
	free(path);
}

/* Daily backups, set-aside and restore. */
static void test_backups(struct tap *t, const char *dir)
{
	mkdir(in_dir(dir, "b"), 0700);
	char *path = strdup(in_dir(dir, "b/progress.db"));
	struct store *st;
	int64_t c, p;
	char *newest = NULL;
	is_int(t, store_newest_backup(path, &newest), STORE_ERR_NOTFOUND, "no backup yet");
	store_open(path, STORE_CREATE, T0, &st);
	store_class_add(st, "CM1", &c);
	store_pupil_add(st, c, "Léa", &p);
	is_int(t, store_backup_daily(st, T0), STORE_OK, "daily backup");
	char *day = st_time_text(T0, "%Y-%m-%d");
	char want[256];
	snprintf(want, sizeof want, "progress-%s.db", day);
	free(day);
	const char *first = in_dir(dir, "b/backups");
	char first_path[4096];
	snprintf(first_path, sizeof first_path, "%s/%s", first, want);
	is_int(t, mode_of(first_path), 0600, "backups/%s, mode 0600", want);
	is_int(t, mode_of(first), 0700, "backups/ folder 0700");
	is_int(t, sql_int(first_path, "SELECT count(*) FROM pupils"), 1, "the backup holds the data");
	is_int(t, sql_int(first_path, "PRAGMA application_id"), 0x44C3A96C, "and is a Déclic database");
	store_pupil_add(st, c, "Tom", &p);
	is_int(t, store_backup_daily(st, T0 + 60), STORE_OK, "again the same day");
	is_int(t, sql_int(first_path, "SELECT count(*) FROM pupils"), 1, "is a no-op");
	for (int d = 1; d <= 9; d++)
		store_backup_daily(st, T0 + d * DAY);
	is_int(t, count_files(in_dir(dir, "b/backups/progress-*.db")), 7, "the newest 7 are kept");
	is_int(t, count_files(in_dir(dir, "b/backups/*.tmp")), 0, "no temporary file left");
	is_int(t, mode_of(first_path), -1, "the oldest was removed");
	is_int(t, store_newest_backup(path, &newest), STORE_OK, "newest backup");
	day = st_time_text(T0 + 9 * DAY, "%Y-%m-%d");
	ok(t, newest && strstr(newest, day) != NULL, "is the last day's: %s", newest);
	free(day);
	store_close(st);

	/* The file is damaged: set it aside and restore the newest backup. */
	write_file(in_dir(dir, "b/progress.db-journal"), "hot journal");
	char *moved = NULL;
	is_int(t, store_set_aside(path, T0 + 10 * DAY, &moved), STORE_OK, "set the file aside");
	ok(t, moved && strstr(moved, "progress.db.damaged-") && mode_of(moved) == 0600, "to %s", moved);
	is_int(t, mode_of(path), -1, "the database path is free");
	char journal[4200];
	snprintf(journal, sizeof journal, "%s-journal", moved ? moved : "");
	ok(t, file_contains(journal, "hot journal") && mode_of(in_dir(dir, "b/progress.db-journal")) == -1,
	   "its journal went with it");
	char *moved2 = NULL;
	copy_file(newest, path);
	is_int(t, store_set_aside(path, T0 + 10 * DAY, &moved2), STORE_OK, "set aside twice in one second");
	ok(t, moved && moved2 && strcmp(moved, moved2) != 0 && mode_of(moved) == 0600, "never over the first one");
	free(moved);
	free(moved2);
	is_int(t, store_set_aside(path, T0, &moved), STORE_ERR_NOTFOUND, "nothing to set aside");
	is_int(t, store_restore(newest, path), STORE_OK, "restore the newest backup");
	is_int(t, store_restore(newest, path), STORE_ERR_EXISTS, "never over an existing database");
	is_int(t, mode_of(path), 0600, "restored with mode 0600");
	is_int(t, store_open(path, 0, T0, &st), STORE_OK, "the restored database opens");
	struct store_pupil *v;
	size_t n;
	store_pupils(st, c, &v, &n);
	is_int(t, n, 2, "with both pupils");
	store_pupils_free(v, n);
	store_close(st);
	is_int(t, store_restore(in_dir(dir, "b/none.db"), in_dir(dir, "b/x.db")), STORE_ERR_NOTFOUND,
	       "restore from a missing backup");
	free(newest);
	free(path);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	char *dir = temp_dir();
	test_migration(&t, dir);
	test_corrupt(&t, dir);
	test_erase(&t, dir);
	test_backups(&t, dir);
	rm_tree(dir);
	free(dir);
	return tap_done(&t);
}
