/* store.h — the progress database (SQLite): classes, pupils, the teacher PIN,
 * lesson runs with their resume position, and the append-only attempt log.
 *
 * Every function returns a status; nothing here prints or exits. Strings
 * returned through out-parameters belong to the caller (free() them, or the
 * matching _free function for arrays). Writes run in BEGIN IMMEDIATE
 * transactions, so two processes on one file wait for each other instead of
 * failing. Nothing is committed, checkpointed or closed by a read. */
#ifndef DECLIC_STORE_H
#define DECLIC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct store;

enum store_rc {
	STORE_OK = 0,
	STORE_ERR_NOHOME,	/* neither $XDG_DATA_HOME nor $HOME: no default place */
	STORE_ERR_OPEN,		/* the file or its folder cannot be created or opened */
	STORE_ERR_READONLY,	/* the file or its folder is read-only */
	STORE_ERR_FULL,		/* the disk is full */
	STORE_ERR_NOTDB,	/* not a Déclic database (another file or application) */
	STORE_ERR_NEWER,	/* written by a newer version of Déclic */
	STORE_ERR_CORRUPT,	/* damaged: quick_check failed or SQLite said so */
	STORE_ERR_BUSY,		/* still locked by another process after the timeout */
	STORE_ERR_EXISTS,	/* a class or pupil of that name already exists */
	STORE_ERR_NAME,		/* the name breaks the naming rules */
	STORE_ERR_NOTFOUND,	/* no such class, pupil or run */
	STORE_ERR_PIN_FORMAT,	/* a new PIN must be 6 to 12 digits */
	STORE_ERR_PIN_WRONG,	/* the PIN does not match */
	STORE_ERR_PIN_WAIT,	/* too many wrong PINs: wait before the next try */
	STORE_ERR_NOPIN,	/* no PIN has been set yet */
	STORE_ERR_IO		/* any other failure */
};

/* A sentence for the user describing rc (translated). */
const char *store_strerror(enum store_rc rc);

/* ---- Opening ---------------------------------------------------------- */

#define STORE_SCHEMA_VERSION 2	/* PRAGMA user_version of a current database */

enum {
	STORE_CREATE = 1,	/* create the file (and its folders) when missing */
	STORE_GROUP = 2		/* shared lab folder: file mode 0660 instead of 0600 */
};

/* The default database path, $XDG_DATA_HOME/declic/progress.db or
 * ~/.local/share/declic/progress.db, into *path (caller frees). Does not
 * create anything. STORE_ERR_NOHOME when neither variable is usable. */
enum store_rc store_default_path(char **path);

/* Opens (and with STORE_CREATE creates, folders included) the database at path:
 * sets the pragmas, checks application_id and quick_check, and migrates an
 * older schema after a backup (PATH.vN-YYYYMMDD-HHMMSS.bak, N the old
 * version). A symbolic link is refused (STORE_ERR_OPEN). On failure *out is
 * NULL. */
enum store_rc store_open(const char *path, int flags, time_t now, struct store **out);
void store_close(struct store *st);
const char *store_path(const struct store *st);

/* ---- Backups and damaged files ------------------------------------------ */

/* Once a day: VACUUM INTO backups/progress-YYYY-MM-DD.db next to the database
 * (through a temporary file, fsync, rename); keeps the newest 7. A no-op when
 * today's copy exists. */
enum store_rc store_backup_daily(struct store *st, time_t now);
/* Newest backup of the database at db_path into *backup, or STORE_ERR_NOTFOUND. */
enum store_rc store_newest_backup(const char *db_path, char **backup);
/* Renames a damaged database (and its journal) aside, to
 * PATH.damaged-YYYYMMDD-HHMMSS; the new name into *moved_to. */
enum store_rc store_set_aside(const char *db_path, time_t now, char **moved_to);
/* Copies backup to db_path, which must not exist any more (STORE_ERR_EXISTS
 * otherwise; set the damaged file aside first). */
enum store_rc store_restore(const char *backup, const char *db_path);

/* ---- Teacher PIN (yescrypt, rate-limited) -------------------------------- */

enum store_rc store_pin_is_set(struct store *st, bool *set);
/* Sets a new PIN of 6 to 12 digits and clears the failure count. */
enum store_rc store_pin_set(struct store *st, const char *pin);
/* STORE_OK when pin matches. 5 free tries, then each failure makes the next try
 * wait 30 s, doubling up to 15 min; STORE_ERR_PIN_WAIT with *wait_s seconds
 * left (not counted as a try). STORE_ERR_PIN_WRONG also sets *wait_s: the
 * wait before the next try (0 during the free tries). The count and the time
 * survive a restart; a clock set back never makes the wait longer than the
 * current delay. */
enum store_rc store_pin_check(struct store *st, const char *pin, time_t now, int *wait_s);
/* Forgets the PIN and the failures: the next start asks for a new one. */
enum store_rc store_pin_reset(struct store *st);

/* ---- Settings (small key/value pairs) ---------------------------------- */

/* *value is NULL when the key is not set. */
enum store_rc store_setting_get(struct store *st, const char *key, char **value);
/* Sets key to value; a NULL value unsets the key. */
enum store_rc store_setting_set(struct store *st, const char *key, const char *value);

/* ---- Classes and pupils --------------------------------------------------- */

struct store_class {
	int64_t id;
	char *name;
	int n_pupils;
	bool secrets;		/* pupils log in with a picture secret */
};

struct store_pupil {
	int64_t id, class_id;
	char *name;
	int secret;		/* two of the 9 pictures as bits 0..8, 0 = none yet */
	int flagged;		/* défi steps left "partially reached": per lesson
				 * and skill, the last outcome logged */
};

/* Classes sorted by name (case and accents ignored). */
enum store_rc store_classes(struct store *st, struct store_class **v, size_t *n);
void store_classes_free(struct store_class *v, size_t n);
/* Names are checked with name_check() and stored normalised. */
enum store_rc store_class_add(struct store *st, const char *name, int64_t *id);
enum store_rc store_class_rename(struct store *st, int64_t id, const char *name);
enum store_rc store_class_set_secrets(struct store *st, int64_t id, bool on);
/* Deletes the class, its pupils and all their progress (secure_delete). */
enum store_rc store_class_delete(struct store *st, int64_t id);

/* Pupils of a class sorted by name (case and accents ignored). */
enum store_rc store_pupils(struct store *st, int64_t class_id, struct store_pupil **v, size_t *n);
void store_pupils_free(struct store_pupil *v, size_t n);
enum store_rc store_pupil_get(struct store *st, int64_t id, struct store_pupil *out);
void store_pupil_clear(struct store_pupil *p);
enum store_rc store_pupil_add(struct store *st, int64_t class_id, const char *name, int64_t *id);
/* Adds many pupils in one transaction. Names already in the class or repeated in
 * the list are skipped and reported in bad[i] = STORE_ERR_EXISTS, invalid ones
 * STORE_ERR_NAME; bad[i] = STORE_OK for those added. *added counts them. */
enum store_rc store_pupils_add_many(struct store *st, int64_t class_id, const char *const *names,
				    size_t n, enum store_rc *bad, size_t *added);
enum store_rc store_pupil_rename(struct store *st, int64_t id, const char *name);
enum store_rc store_pupil_set_secret(struct store *st, int64_t id, int secret);
/* Deletes the pupil and all their progress (secure_delete). */
enum store_rc store_pupil_delete(struct store *st, int64_t id);

/* ---- Lesson runs: started, position for resume, finished ------------------ */

struct store_run {
	int64_t id, pupil;
	char *pack, *lesson;
	int64_t started, updated, finished;	/* Unix seconds; finished 0 if not */
	char *position;		/* the runner's resume position (opaque text) */
	int percent;		/* progress through the lesson, 0..100 */
	int ending, stars;	/* when finished */
};

void store_run_clear(struct store_run *r);
/* Starts a run of pack/lesson for a pupil. */
enum store_rc store_run_begin(struct store *st, int64_t pupil, const char *pack, const char *lesson,
			      const char *position, time_t now, int64_t *run);
/* Saves where the pupil is (after a line, a choice, a scene change). */
enum store_rc store_run_save(struct store *st, int64_t run, const char *position, int percent, time_t now);
enum store_rc store_run_finish(struct store *st, int64_t run, int ending, int stars, time_t now);
/* The pupil's most recently updated unfinished run (of one lesson when pack and
 * lesson are not NULL), or STORE_ERR_NOTFOUND. */
enum store_rc store_run_resumable(struct store *st, int64_t pupil, const char *pack, const char *lesson,
				  struct store_run *out);

/* ---- The attempt log ----------------------------------------------------- */

/* An answer to a question, a choice made, or the outcome of a défi step
 * (skill; correct when reached, response "reached" or "partial"). */
enum store_attempt_kind { ATTEMPT_ANSWER, ATTEMPT_CHOICE, ATTEMPT_STEP };

struct store_attempt {
	enum store_attempt_kind kind;
	const char *pack, *lesson, *scene, *item, *skill;	/* item: question or choice id */
	const char *response;	/* what the pupil answered, as text */
	bool correct;
	int duration_ms;
	/* The learner model before and after (NaN when not used). */
	double p_expected, theta_before, theta_after, mastery_after;
	/* The item's difficulty and guessing chance (learner_item_params), NaN
	 * when unknown: set them to NAN explicitly, an initializer gives 0. */
	double b, g;
	bool reflex;		/* a reflex item: an answer moves its review card */
	int session;		/* the pupil's session (store_session_begin) */
};

/* Appends an attempt (with a fresh random UUID) for the pupil, moves the run to
 * position/percent and, all in the same transaction:
 * - when the attempt has a skill and none of theta_after, b, g is NaN, the
 *   answer the model took into account: stores the skill's state (theta_after,
 *   one more answer, mastery_after) and gives the pupil's related skills (same
 *   theme) their share of the update, as learner_pupil_answer does with
 *   learner_defaults();
 * - when it is a reflex answer, moves the pupil's review card of (pack,
 *   lesson, item) with review_answer in `session`.
 * run may be 0 (no run, e.g. a review). */
enum store_rc store_attempt_add(struct store *st, int64_t pupil, int64_t run, const struct store_attempt *a,
				const char *position, int percent, time_t now);
/* Number of attempts of a pupil (all when pupil is 0). */
enum store_rc store_attempt_count(struct store *st, int64_t pupil, int64_t *n);

/* ---- Sessions: the pupil's logins, counted 1, 2, 3... --------------------- */

/* Counts a new session (a login) of the pupil at time now and puts its number
 * (1 for the first) into *session; STORE_ERR_NOTFOUND for a missing pupil. */
enum store_rc store_session_begin(struct store *st, int64_t pupil, time_t now, int *session);

/* ---- Spaced review of reflex items ("Mes réflexes") ----------------------- */

/* A pupil's Leitner card of a reflex item (moved by store_attempt_add). */
struct store_review_card {
	char *pack, *lesson, *item;
	int box;		/* 1..REVIEW_BOXES (core/review.h) */
	int due;		/* the session from which it is due again */
};

/* The items of a review in the pupil's session `session`, in review order, as
 * review_due chooses them among the pupil's cards: none when no card is due,
 * else the due ones (most overdue first, then the lower box, then pack,
 * lesson, item), at most max, topped up to min with the cards due soonest
 * (REVIEW_MIN and REVIEW_MAX for a review session). */
enum store_rc store_review_due(struct store *st, int64_t pupil, int session, size_t min, size_t max,
			       struct store_review_card **v, size_t *n);
void store_review_cards_free(struct store_review_card *v, size_t n);

/* ---- Item history, for the selection of practice items -------------------- */

struct store_item_seen {
	char *item;
	int seen;		/* answers of the pupil to the item (choices not counted) */
	int64_t last;		/* time of the last one (Unix seconds) */
};

/* The items of pack/lesson the pupil answered, sorted by id, with how many
 * times and when last (learner_cand's seen and last_seen). */
enum store_rc store_items_seen(struct store *st, int64_t pupil, const char *pack, const char *lesson,
			       struct store_item_seen **v, size_t *n);
void store_items_seen_free(struct store_item_seen *v, size_t n);

/* ---- The pupil's map ("Mes missions") ------------------------------------ */

enum lesson_status { LESSON_NEW, LESSON_STARTED, LESSON_DONE };

struct store_lesson_progress {
	char *pack, *lesson;
	enum lesson_status status;
	int best_stars;		/* best of the finished runs, 0 if none */
	int percent;		/* of the newest unfinished run, 100 when done */
};

/* One row per lesson the pupil has touched. */
enum store_rc store_progress(struct store *st, int64_t pupil, struct store_lesson_progress **v, size_t *n);
void store_progress_free(struct store_lesson_progress *v, size_t n);

/* ---- Per-skill learner state (derived from the attempts) ------------------ */

struct store_skill {
	char *skill;
	double theta, mastery;
	int n;
};

/* The pupil's stored per-skill state, sorted by skill. */
enum store_rc store_skills(struct store *st, int64_t pupil, struct store_skill **v, size_t *n);
void store_skills_free(struct store_skill *v, size_t n);

struct learner_params;
struct learner_pupil;

/* Replays, with learner_rebuild and the settings prm (NULL: learner_defaults),
 * the pupil's answers that store_attempt_add counted in the skill state
 * (skill, theta_after, b and g known), in the order of their time then of
 * their recording, into *out (zeroed, or a state it replaces; emptied on
 * failure): with the default settings it equals store_skills exactly, and
 * *out also holds the recent answers. A clock set back between two answers
 * changes that order. */
enum store_rc store_skills_rebuild(struct store *st, int64_t pupil, const struct learner_params *prm,
				   struct learner_pupil *out);

/* ---- Pooled answers of every pupil, for the calibration of items ---------- */

/* A measured answer: a first try the model counted (skill, θ after it, b and g
 * logged; a retry after a hint has no θ and is no measurement). */
struct store_pooled {
	int64_t pupil, ts;
	char *pack, *lesson, *item, *skill;	/* owned */
	bool correct;
	double b, g;		/* the item's parameters as logged with the answer */
	double theta;		/* the pupil's current θ on the skill (see below) */
};

/* Every measured answer of every pupil, in the order of their time then of
 * their recording, each with the pupil's current θ on its skill: the θ that
 * learner_rebuild (settings prm, NULL: learner_defaults) gets from all the
 * pupil's measured answers, as store_skills_rebuild does. The log rather than
 * the skill table, because the log is the one source of truth (a database
 * made by merging logs has every answer in it, whatever its skill table
 * says), and it costs no more reading: the rows read are those replayed. The
 * current θ rather than the one logged with the answer, because early θ are
 * shrunk towards 0 and bias the difficulties (learner.h). *v is NULL when
 * there are none; free with store_pooled_free. */
enum store_rc store_pooled_answers(struct store *st, const struct learner_params *prm, struct store_pooled **v,
				   size_t *n);
void store_pooled_free(struct store_pooled *v, size_t n);

struct calib_item;

/* The pooled answers (store_pooled_answers) grouped and calibrated by item
 * with calib_items (core/calib.h): every item answered into *v, sorted by
 * pack, lesson and item, those of at least min_answers answers whose pooled b
 * is at least threshold logits from the authored one flagged; *answers (if
 * not NULL) gets the number of answers and *pupils (if not NULL) the number
 * of pupils who gave them. Free *v with calib_items_free. */
enum store_rc store_calibrate(struct store *st, const struct learner_params *prm, double threshold,
			      int min_answers, struct calib_item **v, size_t *n, size_t *answers, size_t *pupils);

#endif
