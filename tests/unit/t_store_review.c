/* t_store_review.c — the learner model in the progress database: item
 * parameters in the log, reflex review cards moved with the answer, related
 * skills kept in step with the core, sessions, the review list, the item
 * history of a lesson, and the exact rebuild of the skill state from the
 * log. */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "../tap.h"
#include "core/item.h"
#include "core/learner.h"
#include "core/review.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store_util.h"

#define T0 1700000000	/* a fixed "now" */

/* A database with one class and two pupils. */
struct fix {
	struct store *st;
	char *path;
	int64_t lea, tom;
};

/* Creates the database name in dir with Léa and Tom in CM1. */
static void fix_open(struct fix *f, const char *dir, const char *name)
{
	int64_t c;
	f->path = strdup(in_dir(dir, name));
	if (store_open(f->path, STORE_CREATE, T0, &f->st) != STORE_OK || store_class_add(f->st, "CM1", &c) != STORE_OK ||
	    store_pupil_add(f->st, c, "Léa", &f->lea) != STORE_OK || store_pupil_add(f->st, c, "Tom", &f->tom) != STORE_OK) {
		fprintf(stderr, "cannot set up %s\n", f->path);
		exit(99);
	}
}

static void fix_close(struct fix *f)
{
	store_close(f->st);
	free(f->path);
}

/* An answer to item of lesson "photo" of pack "donnees", outside the model
 * (no θ, unknown b and g). */
static struct store_attempt answer(const char *item, bool correct)
{
	return (struct store_attempt){
		.kind = ATTEMPT_ANSWER, .pack = "donnees", .lesson = "photo", .scene = "s1", .item = item,
		.response = "oui", .correct = correct, .duration_ms = 2000, .p_expected = NAN,
		.theta_before = NAN, .theta_after = NAN, .mastery_after = NAN, .b = NAN, .g = NAN,
	};
}

/* A reflex answer to item in session. */
static struct store_attempt reflex(const char *item, bool correct, int session)
{
	struct store_attempt a = answer(item, correct);
	a.reflex = true;
	a.session = session;
	return a;
}

/* The review card of (donnees, lesson, item) of pupil through SQL: its box
 * and due session, or false if there is none. */
static bool card(struct store *st, int64_t pupil, const char *lesson, const char *item, int *box, int *due)
{
	sqlite3_stmt *stmt;
	bool found = false;
	*box = *due = -1;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT box, due_session FROM review WHERE pupil = ? AND pack = 'donnees' "
			       "AND lesson = ? AND item = ?",
			       -1, &stmt, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(stmt, 1, pupil);
	sqlite3_bind_text(stmt, 2, lesson, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, item, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*box = sqlite3_column_int(stmt, 0);
		*due = sqlite3_column_int(stmt, 1);
		found = true;
	}
	sqlite3_finalize(stmt);
	return found;
}

/* Checks that pupil's card of (donnees, lesson, item) is in box, due in
 * session due. */
static void is_card(struct tap *t, struct store *st, int64_t pupil, const char *lesson, const char *item, int box,
		    int due, const char *what)
{
	int b, d;
	bool found = card(st, pupil, lesson, item, &b, &d);
	if (!ok(t, found && b == box && d == due, "%s", what))
		printf("#   got: %s, box %d, due %d; want box %d, due %d\n", found ? "a card" : "no card", b, d, box,
		       due);
}

/* The number of rows sql (with one integer parameter, the pupil) counts. */
static long long count(struct store *st, const char *sql, int64_t pupil)
{
	sqlite3_stmt *stmt;
	long long n = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(stmt, 1, pupil);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* The item's b and g are logged; NaN is stored as NULL. */
static void test_params_logged(struct tap *t, const char *dir)
{
	struct fix f;
	fix_open(&f, dir, "params.db");
	struct store_attempt a = answer("q1", true);
	a.b = -0.5;
	a.g = 0.25;
	is_int(t, store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0), STORE_OK, "an answer with b and g");
	a = answer("q2", false);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0);
	is_int(t, sql_int(f.path, "SELECT count(*) FROM attempts WHERE item = 'q1' AND b = -0.5 AND g = 0.25"), 1,
	       "b and g stored with the attempt");
	is_int(t, sql_int(f.path, "SELECT count(*) FROM attempts WHERE item = 'q2' AND b IS NULL AND g IS NULL"), 1,
	       "unknown b and g (NaN) stored as NULL");
	fix_close(&f);
}

/* Reflex answers move the pupil's card of the item through the boxes. */
static void test_reflex(struct tap *t, const char *dir)
{
	struct fix f;
	int box, due;
	fix_open(&f, dir, "reflex.db");
	struct store_attempt a = reflex("r1", true, 1);
	is_int(t, store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0), STORE_OK, "a reflex answer, right, session 1");
	is_card(t, f.st, f.lea, "photo", "r1", 1, 2, "new card: box 1, due the next session");
	a = reflex("r1", true, 2);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 1);
	is_card(t, f.st, f.lea, "photo", "r1", 2, 5, "right again in session 2: box 2, due 3 sessions later");
	a = reflex("r1", true, 5);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 2);
	is_card(t, f.st, f.lea, "photo", "r1", 3, 12, "right in session 5: box 3, due 7 sessions later");
	a = reflex("r1", true, 12);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 3);
	is_card(t, f.st, f.lea, "photo", "r1", 3, 19, "right in the last box: stays in box 3, due 7 later");
	a = reflex("r1", false, 19);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 4);
	is_card(t, f.st, f.lea, "photo", "r1", 1, 20, "wrong: back to box 1, due the next session");

	a = reflex("r1", true, 3);
	a.lesson = "mdp";
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 5);
	is_card(t, f.st, f.lea, "mdp", "r1", 1, 4, "the same item id in another lesson has a card of its own");
	is_card(t, f.st, f.lea, "photo", "r1", 1, 20, "and the first card is unchanged");
	a = reflex("r1", true, 3);
	store_attempt_add(f.st, f.tom, 0, &a, NULL, 0, T0 + 6);
	is_card(t, f.st, f.tom, "photo", "r1", 1, 4, "Tom has his own card");
	is_card(t, f.st, f.lea, "photo", "r1", 1, 20, "Léa's is unchanged");

	a = answer("q1", true);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 7);
	ok(t, !card(f.st, f.lea, "photo", "q1", &box, &due), "an item that is not a reflex has no card");
	a = reflex("c1", true, 1);
	a.kind = ATTEMPT_CHOICE;
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 8);
	ok(t, !card(f.st, f.lea, "photo", "c1", &box, &due), "a choice moves no card");

	/* One transaction: the run update fails after the card was written. */
	int64_t before, after;
	store_attempt_count(f.st, f.lea, &before);
	a = reflex("r2", true, 1);
	is_int(t, store_attempt_add(f.st, f.lea, 999, &a, "x", 1, T0 + 9), STORE_ERR_NOTFOUND,
	       "a reflex answer in a missing run fails");
	store_attempt_count(f.st, f.lea, &after);
	is_int(t, after, before, "rolled back: no attempt");
	ok(t, !card(f.st, f.lea, "photo", "r2", &box, &due), "rolled back: no new card");
	a = reflex("r1", false, 30);
	a.lesson = "mdp";
	store_attempt_add(f.st, f.lea, 999, &a, "x", 1, T0 + 10);
	is_card(t, f.st, f.lea, "mdp", "r1", 1, 4, "rolled back: an existing card keeps its box and due session");
	a = reflex("r3", true, 1);
	is_int(t, store_attempt_add(f.st, 999, 0, &a, NULL, 0, T0), STORE_ERR_NOTFOUND, "a missing pupil: NOTFOUND");
	is_int(t, count(f.st, "SELECT count(*) FROM review WHERE pupil = ?", 999), 0, "and no card");
	is_int(t, sqlite3_get_autocommit(f.st->db), 1, "no transaction left open");
	fix_close(&f);
}

/* The attempt of a model answer on skill with item (b, g), from the core's
 * step. */
static struct store_attempt model_answer(const char *item, const char *skill, double b, double g, bool correct,
					 struct learner_step s)
{
	struct store_attempt a = answer(item, correct);
	a.skill = skill;
	a.b = b;
	a.g = g;
	a.p_expected = s.p;
	a.theta_before = s.theta_before;
	a.theta_after = s.theta_after;
	a.mastery_after = s.mastery_after;
	return a;
}

/* The stored state of skill of pupil: θ, n, P(L); false if none. */
static bool stored_skill(struct store *st, int64_t pupil, const char *skill, struct learner_skill *out)
{
	struct store_skill *v;
	size_t n;
	bool found = false;
	if (store_skills(st, pupil, &v, &n) != STORE_OK)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].skill, skill)) {
			*out = (struct learner_skill){.theta = v[i].theta, .n = v[i].n, .mastery = v[i].mastery};
			found = true;
		}
	store_skills_free(v, n);
	return found;
}

/* An answer on a skill gives the related skills (same theme) their share, as
 * the core does; the model's own attempts are the only ones counted. */
static void test_related(struct tap *t, const char *dir)
{
	const struct learner_params *prm = learner_defaults();
	struct learner_pupil live = {0};
	struct learner_skill s = {0};
	struct fix f;
	fix_open(&f, dir, "related.db");
	struct {
		const char *skill;
		double b, g;
		bool correct;
	} seq[] = {{"donnees/formulaires", 0, 0, true},
		   {"image/droit", -1, 0.5, true},
		   {"donnees/traces", 0.5, 0.25, false},
		   {"donnees/formulaires", 1, 0, true}};
	for (size_t i = 0; i < sizeof seq / sizeof *seq; i++) {
		struct learner_step step = learner_pupil_answer(prm, &live, seq[i].skill, seq[i].b, seq[i].g,
								seq[i].correct);
		struct store_attempt a = model_answer("q1", seq[i].skill, seq[i].b, seq[i].g, seq[i].correct, step);
		store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + (time_t)i);
	}
	struct learner_skill *traces = learner_pupil_skill(&live, "donnees/traces");
	bool found = stored_skill(f.st, f.lea, "donnees/traces", &s);
	ok(t, found && s.theta == traces->theta && s.n == 1 && traces->theta != 0,
	   "donnees/traces moved by the answer on donnees/formulaires: θ %.17g, core %.17g", s.theta, traces->theta);
	ok(t, stored_skill(f.st, f.lea, "image/droit", &s) && s.theta == learner_pupil_theta(NULL, &live, "image/droit") &&
		  s.n == 1,
	   "image/droit (another theme) only moved by its own answer");

	/* An attempt the model did not count (unknown b) changes no skill. */
	struct learner_skill before = {0};
	stored_skill(f.st, f.lea, "donnees/traces", &before);
	struct store_attempt a = model_answer("q2", "donnees/formulaires", 0, 0, true,
					      (struct learner_step){0.5, 0.1, 0.9, 0.9});
	a.b = NAN;
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, T0 + 10);
	ok(t, stored_skill(f.st, f.lea, "donnees/formulaires", &s) && s.n == 2 &&
		  s.theta == learner_pupil_theta(NULL, &live, "donnees/formulaires"),
	   "an answer with unknown b does not move its skill");
	ok(t, stored_skill(f.st, f.lea, "donnees/traces", &s) && s.theta == before.theta,
	   "nor the related skills");
	learner_pupil_free(&live);
	fix_close(&f);
}

/* Sessions are counted per pupil, across restarts. */
static void test_sessions(struct tap *t, const char *dir)
{
	struct fix f;
	int s1 = -1, s2 = -1, s3 = -1, s = -1;
	fix_open(&f, dir, "sessions.db");
	is_int(t, store_session_begin(f.st, f.lea, T0, &s1), STORE_OK, "Léa logs in");
	store_session_begin(f.st, f.lea, T0 + 3600, &s2);
	store_session_begin(f.st, f.lea, T0 + 86400, &s3);
	ok(t, s1 == 1 && s2 == 2 && s3 == 3, "her sessions are numbered 1, 2, 3 (%d %d %d)", s1, s2, s3);
	is_int(t, store_session_begin(f.st, f.tom, T0, &s), STORE_OK, "Tom logs in");
	is_int(t, s, 1, "his first session: each pupil counts their own");
	is_int(t, store_session_begin(f.st, 999, T0, &s), STORE_ERR_NOTFOUND, "a missing pupil: NOTFOUND");
	is_int(t, s, 0, "and session 0");
	is_int(t, sqlite3_get_autocommit(f.st->db), 1, "no transaction left open");
	store_close(f.st);
	store_open(f.path, 0, T0, &f.st);
	store_session_begin(f.st, f.lea, T0 + 2 * 86400, &s);
	is_int(t, s, 4, "after a restart Léa's next session is 4");
	is_int(t, sql_int(f.path, "SELECT started FROM sessions WHERE n = 4"), T0 + 2 * 86400,
	       "the time it began is kept");
	fix_close(&f);
}

/* The items of a review as "lesson/item" separated by spaces (static
 * buffer), or "ERROR". */
static const char *due_list(struct store *st, int64_t pupil, int session, size_t min, size_t max)
{
	static char buf[512];
	struct store_review_card *v;
	size_t n;
	if (store_review_due(st, pupil, session, min, max, &v, &n) != STORE_OK)
		return "ERROR";
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s/%s:%d:%d", i ? " " : "", v[i].lesson,
			 v[i].item, v[i].box, v[i].due);
	store_review_cards_free(v, n);
	return buf;
}

/* The review list: due cards first, most overdue, lower box, then by pack,
 * lesson and item; at most max, topped up to min. */
static void test_due(struct tap *t, const char *dir)
{
	struct fix f;
	fix_open(&f, dir, "due.db");
	/* lesson, item, then the answers: session and right or wrong */
	struct {
		const char *lesson, *item;
		int sessions[3];
		bool right[3];
	} plan[] = {
		{"photo", "r4", {3}, {true}},			/* box 1, due 4 */
		{"photo", "r2", {1, 2}, {true, true}},		/* box 2, due 5 */
		{"photo", "r3", {1}, {false}},			/* box 1, due 2 */
		{"photo", "r1", {1}, {true}},			/* box 1, due 2 */
		{"photo", "r5", {1, 2, 5}, {true, true, true}},	/* box 3, due 12 */
		{"mdp", "r9", {1, 2}, {true, true}},		/* box 2, due 5 */
	};
	time_t now = T0;
	for (size_t i = 0; i < sizeof plan / sizeof *plan; i++)
		for (int k = 0; k < 3 && plan[i].sessions[k]; k++) {
			struct store_attempt a = reflex(plan[i].item, plan[i].right[k], plan[i].sessions[k]);
			a.lesson = plan[i].lesson;
			store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, now++);
		}
	is_str(t, due_list(f.st, f.lea, 1, REVIEW_MIN, REVIEW_MAX), "", "session 1: nothing due, no review");
	is_str(t, due_list(f.st, f.lea, 2, REVIEW_MIN, REVIEW_MAX), "photo/r1:1:2 photo/r3:1:2 photo/r4:1:4",
	       "session 2: the two due cards, topped up to 3 with the one due soonest");
	is_str(t, due_list(f.st, f.lea, 5, REVIEW_MIN, REVIEW_MAX),
	       "photo/r1:1:2 photo/r3:1:2 photo/r4:1:4 mdp/r9:2:5 photo/r2:2:5",
	       "session 5: five due, most overdue first, ties by pack, lesson, item");
	is_str(t, due_list(f.st, f.lea, 12, REVIEW_MIN, REVIEW_MAX),
	       "photo/r1:1:2 photo/r3:1:2 photo/r4:1:4 mdp/r9:2:5 photo/r2:2:5",
	       "session 12: six due, at most 5, the least overdue left out");
	is_str(t, due_list(f.st, f.lea, 12, 3, 6),
	       "photo/r1:1:2 photo/r3:1:2 photo/r4:1:4 mdp/r9:2:5 photo/r2:2:5 photo/r5:3:12", "with max 6: all six");
	is_str(t, due_list(f.st, f.lea, 5, 1, 2), "photo/r1:1:2 photo/r3:1:2", "max 2: the two most overdue");
	is_str(t, due_list(f.st, f.lea, 5, 3, 0), "", "max 0: nothing");
	is_str(t, due_list(f.st, f.tom, 5, REVIEW_MIN, REVIEW_MAX), "", "Tom has no card: nothing");

	/* a right answer in the review moves the card out of the list */
	struct store_attempt a = reflex("r1", true, 5);
	store_attempt_add(f.st, f.lea, 0, &a, NULL, 0, now++);
	is_str(t, due_list(f.st, f.lea, 5, REVIEW_MIN, REVIEW_MAX),
	       "photo/r3:1:2 photo/r4:1:4 mdp/r9:2:5 photo/r2:2:5",
	       "r1 answered right in session 5 leaves the list (4 still due: no top-up)");
	is_str(t, due_list(f.st, f.lea, 8, 5, 5),
	       "photo/r3:1:2 photo/r4:1:4 mdp/r9:2:5 photo/r2:2:5 photo/r1:2:8", "and is due again in session 8");
	fix_close(&f);
}

/* The answers of a pupil to each item of a lesson: how many, when last. */
static void test_items_seen(struct tap *t, const char *dir)
{
	struct fix f;
	fix_open(&f, dir, "seen.db");
	struct {
		int64_t *pupil;
		const char *pack, *lesson, *item;
		enum store_attempt_kind kind;
		time_t ts;
	} log[] = {
		{&f.lea, "donnees", "photo", "q1", ATTEMPT_ANSWER, T0},
		{&f.lea, "donnees", "photo", "q1", ATTEMPT_ANSWER, T0 + 10},
		{&f.lea, "donnees", "photo", "q1", ATTEMPT_ANSWER, T0 + 5},	/* clock set back */
		{&f.lea, "donnees", "photo", "q2", ATTEMPT_ANSWER, T0 + 7},
		{&f.lea, "donnees", "photo", "q2", ATTEMPT_CHOICE, T0 + 20},	/* a choice point */
		{&f.lea, "donnees", "photo", "c1", ATTEMPT_CHOICE, T0 + 21},
		{&f.lea, "donnees", "mdp", "q1", ATTEMPT_ANSWER, T0 + 30},	/* another lesson */
		{&f.lea, "autre", "photo", "q1", ATTEMPT_ANSWER, T0 + 31},	/* another pack */
		{&f.tom, "donnees", "photo", "q1", ATTEMPT_ANSWER, T0 + 40},	/* another pupil */
	};
	for (size_t i = 0; i < sizeof log / sizeof *log; i++) {
		struct store_attempt a = answer(log[i].item, true);
		a.pack = log[i].pack;
		a.lesson = log[i].lesson;
		a.kind = log[i].kind;
		store_attempt_add(f.st, *log[i].pupil, 0, &a, NULL, 0, log[i].ts);
	}
	struct store_item_seen *v;
	size_t n;
	is_int(t, store_items_seen(f.st, f.lea, "donnees", "photo", &v, &n), STORE_OK, "Léa's items of photo");
	is_int(t, n, 2, "two items answered (choices not counted)");
	if (n == 2) {
		ok(t, !strcmp(v[0].item, "q1") && v[0].seen == 3 && v[0].last == T0 + 10,
		   "q1: 3 answers, the last at the latest time (%d, %lld)", v[0].seen, (long long)(v[0].last - T0));
		ok(t, !strcmp(v[1].item, "q2") && v[1].seen == 1 && v[1].last == T0 + 7,
		   "q2: 1 answer (the choice of the same id not counted)");
	}
	store_items_seen_free(v, n);
	store_items_seen(f.st, f.tom, "donnees", "photo", &v, &n);
	ok(t, n == 1 && v[0].seen == 1 && v[0].last == T0 + 40, "Tom's own answers only");
	store_items_seen_free(v, n);
	store_items_seen(f.st, f.lea, "donnees", "jeux", &v, &n);
	ok(t, n == 0 && v == NULL, "a lesson never answered: none");
	store_items_seen_free(v, n);

	/* The query reads the index only, whatever the size of the log. */
	char plan[512] = "";
	sqlite3_stmt *stmt;
	if (sqlite3_prepare_v2(f.st->db,
			       "EXPLAIN QUERY PLAN SELECT item, count(*), max(ts) FROM attempts WHERE pupil = 1 "
			       "AND pack = 'donnees' AND lesson = 'photo' AND kind = 'answer' GROUP BY item ORDER BY item",
			       -1, &stmt, NULL) == SQLITE_OK) {
		while (sqlite3_step(stmt) == SQLITE_ROW)
			snprintf(plan + strlen(plan), sizeof plan - strlen(plan), "%s; ",
				 (const char *)sqlite3_column_text(stmt, 3));
		sqlite3_finalize(stmt);
	}
	ok(t, strstr(plan, "COVERING INDEX attempts_by_item") && !strstr(plan, "TEMP B-TREE"),
	   "plan: covering index, no sort (%s)", plan);
	fix_close(&f);
}

/* True if the stored skill state of pupil, the rebuild from the log and the
 * live state p hold exactly the same θ, n and P(L) for every skill (and the
 * rebuild the same recent answers); says what differs. */
static bool same_state(struct store *st, int64_t pupil, const struct learner_pupil *p,
		       const char *when)
{
	struct store_skill *v;
	size_t n;
	struct learner_pupil again = {0};
	bool same = store_skills(st, pupil, &v, &n) == STORE_OK &&
		    store_skills_rebuild(st, pupil, NULL, &again) == STORE_OK;
	same = same && n == p->n && again.n == p->n && again.recent.bits == p->recent.bits &&
	       again.recent.n == p->recent.n;
	for (size_t i = 0; same && i < n; i++) {
		struct learner_skill *r = learner_pupil_skill(&again, v[i].skill);
		struct learner_skill *l = learner_pupil_skill((struct learner_pupil *)p, v[i].skill);
		same = r && l && v[i].theta == r->theta && v[i].n == r->n && v[i].mastery == r->mastery &&
		       r->theta == l->theta && r->n == l->n && r->mastery == l->mastery;
		if (!same)
			printf("# %s %s: table θ %.17g n %d P(L) %.17g; rebuild θ %.17g n %d P(L) %.17g\n", when,
			       v[i].skill, v[i].theta, v[i].n, v[i].mastery, r ? r->theta : NAN, r ? r->n : -1,
			       r ? r->mastery : NAN);
	}
	if (!same)
		printf("# %s: %zu skills in the table, %zu rebuilt, %zu live\n", when, n, again.n, p->n);
	store_skills_free(v, n);
	learner_pupil_free(&again);
	return same;
}

/* n answers of the pupil as the UI records them: the core's learner_pupil_answer
 * on p, its values in the attempt; choices, an answer outside the model and
 * reflex answers in between. Several answers share a second. */
static void play(struct store *st, int64_t pupil, struct learner_pupil *p, int n, uint32_t *rng, time_t *now)
{
	static const char *const skills[] = {"donnees/formulaires", "donnees/traces", "donnees/profil",
					     "image/droit", "harcelement/temoin"};
	static const double bs[] = {-1.5, -1, -0.5, 0, 0.25, 1, 1.5}, gs[] = {0, 0.25, 1.0 / 3.0, 0.5};
	for (int i = 0; i < n; i++) {
		const char *skill = skills[item_rand(rng) % 5];
		double b = bs[item_rand(rng) % 7], g = gs[item_rand(rng) % 4];
		bool correct = item_rand_unit(rng) < learner_predict(0.3, b, g);
		char item[16];
		snprintf(item, sizeof item, "q%u", item_rand(rng) % 9);
		struct learner_step step = learner_pupil_answer(learner_defaults(), p, skill, b, g, correct);
		struct store_attempt a = model_answer(item, skill, b, g, correct, step);
		a.reflex = i % 4 == 0;
		a.session = 1 + i / 10;
		store_attempt_add(st, pupil, 0, &a, NULL, 0, *now);
		if (i % 7 == 3) {	/* a choice point of the same skill */
			a = answer("c1", true);
			a.kind = ATTEMPT_CHOICE;
			a.skill = skill;
			store_attempt_add(st, pupil, 0, &a, NULL, 0, *now);
		}
		if (i % 11 == 5) {	/* answers the model did not count: no θ ... */
			a = answer("q0", false);
			a.skill = skill;
			a.b = b;
			a.g = g;
			store_attempt_add(st, pupil, 0, &a, NULL, 0, *now);
			a = model_answer("q0", skill, NAN, g, true, step);	/* ... or no b */
			store_attempt_add(st, pupil, 0, &a, NULL, 0, *now);
		}
		*now += i % 3 == 2;	/* three answers a second */
	}
}

/* The stored state is exactly the rebuild from the log, before and after a
 * restart, and answering on from the rebuilt state keeps it so. */
static void test_rebuild(struct tap *t, const char *dir)
{
	struct fix f;
	struct learner_pupil live = {0}, tom = {0};
	uint32_t rng = item_seed("store rebuild");
	time_t now = T0;
	fix_open(&f, dir, "rebuild.db");
	play(f.st, f.lea, &live, 50, &rng, &now);
	is_int(t, sql_int(f.path, "SELECT count(*) FROM attempts WHERE b IS NOT NULL AND theta_after IS NOT NULL"),
	       50, "50 model answers logged with b, g and θ");
	ok(t, sql_int(f.path, "SELECT count(*) FROM attempts WHERE b IS NULL OR theta_after IS NULL") > 10 &&
		  sql_int(f.path, "SELECT count(*) FROM (SELECT ts FROM attempts GROUP BY ts HAVING count(*) > 1)") > 5,
	   "with choices and answers outside the model between them, several in one second");
	is_int(t, live.n, 5, "five skills answered, in two themes with related skills");
	ok(t, same_state(f.st, f.lea, &live, "live"),
	   "store_skills = store_skills_rebuild = the core's live state: θ, n, P(L) of every skill, exactly");

	store_close(f.st);
	is_int(t, store_open(f.path, 0, T0, &f.st), STORE_OK, "close and reopen");
	ok(t, same_state(f.st, f.lea, &live, "reopened"), "still exactly equal after reopening");

	/* After a restart the UI takes the rebuilt state and goes on. */
	struct learner_pupil again = {0};
	is_int(t, store_skills_rebuild(f.st, f.lea, NULL, &again), STORE_OK, "rebuild after the restart");
	play(f.st, f.lea, &again, 15, &rng, &now);
	ok(t, same_state(f.st, f.lea, &again, "continued"), "15 answers more from the rebuilt state: still equal");
	learner_pupil_free(&again);

	is_int(t, store_skills_rebuild(f.st, f.tom, NULL, &tom), STORE_OK, "rebuild for Tom");
	ok(t, tom.n == 0 && tom.recent.n == 0, "no answers: an empty state");
	struct learner_pupil design = {0};
	store_skills_rebuild(f.st, f.lea, learner_design_params(), &design);
	struct store_skill *v;
	size_t n;
	store_skills(f.st, f.lea, &v, &n);
	struct learner_skill *s = n ? learner_pupil_skill(&design, v[0].skill) : NULL;
	ok(t, s && s->n == v[0].n && s->mastery != v[0].mastery, "other settings give another rebuild");
	store_skills_free(v, n);
	learner_pupil_free(&design);
	is_int(t, store_skills_rebuild(f.st, f.lea, NULL, &tom), STORE_OK, "a rebuild into a used state");
	is_int(t, tom.n, 5, "replaces it");
	learner_pupil_free(&tom);
	learner_pupil_free(&live);
	fix_close(&f);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	char *dir = temp_dir();
	test_params_logged(&t, dir);
	test_reflex(&t, dir);
	test_related(&t, dir);
	test_sessions(&t, dir);
	test_due(&t, dir);
	test_items_seen(&t, dir);
	test_rebuild(&t, dir);
	rm_tree(dir);
	free(dir);
	return tap_done(&t);
}
