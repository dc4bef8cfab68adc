/* play.h — state of the lesson player, shared by scr_play.c and scr_quiz.c. */
#ifndef DECLIC_PLAY_H
#define DECLIC_PLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "core/runner.h"
#include "store/store.h"
#include "ui/ui.h"

#define PLAY_MAX_HITS 16
#define PLAY_INPUT_MAX 64

/* A clickable region of the last frame: rows y0..y1, columns x0..x1. */
struct hit {
	int y0, y1, x0, x1, id;
};

/* What the pupil has entered so far for the current question. */
struct answer_input {
	int sel;			/* highlighted option */
	bool ticked[ITEM_MAX_OPTIONS];	/* multiple */
	char text[PLAY_INPUT_MAX + 1];	/* text */
	int seq[ITEM_MAX_OPTIONS];	/* order: options picked; match: right of each left, -1 */
	size_t n_seq;
	int cursor;			/* match: left item being linked */
	int perm[ITEM_MAX_OPTIONS];	/* display order of options (order) or rights (match) */
};

/* What is kept of a pupil's run, written after the frame is drawn. */
struct play_record {
	struct store *store;	/* NULL: nothing is kept (preview, guest) */
	int64_t pupil, run;
	char *pack;
	bool attempt;		/* an answer or a choice waits to be written */
	enum store_attempt_kind kind;
	char *item, *skill, *scene, *response;
	bool correct;
	double b, g;		/* the item's parameters, NaN for a choice */
	struct learner_step measure;	/* the learner update of a first try */
	bool measured;
	bool reflex;
	int session;		/* the pupil's session (for the review boxes) */
	bool review;		/* a "Mes réflexes" session: item ids are
				 * PACK/LESSON/ITEM and there is no run */
	long shown_ms;		/* when the question or choice appeared */
	int duration_ms;
	int saved_scene;	/* scene of the last saved position */
	int logged_steps;	/* the runner's ended_seq when a step was last logged */
	bool finished;
	char *error;		/* the last write failed: tell the pupil */
};

struct play {
	struct lesson *lesson;
	struct cast *cast;
	struct backdrops *bd;
	struct runner r;
	size_t typed;		/* characters of the current line shown so far */
	int sel;		/* highlighted option of a choice */
	const struct item *shown_item;	/* item the input belongs to */
	struct answer_input in;
	bool confirm_leave;
	struct hit hits[PLAY_MAX_HITS];
	int n_hits;
	struct play_record rec;	/* progress kept for a pupil */
	struct learner_pupil learner;	/* the pupil's θ per skill (the défi) */
};

/* Hit ids besides option numbers. */
enum { HIT_CONTINUE = 100, HIT_BACK, HIT_VALIDATE };

/* Record clickable rows y0..y1 (the whole width) of the frame being drawn. */
void play_hit(struct play *p, int y0, int y1, int id);
/* Record a clickable part of row y, columns x0..x1. */
void play_hit_x(struct play *p, int y, int x0, int x1, int id);
/* Action id under a click at row y, column x, or -1. The first region
 * recorded wins. */
int play_hit_at(const struct play *p, int y, int x);

/* Note an answer or a choice, to be written once the frame is drawn. */
void play_note(struct play *p, enum store_attempt_kind kind, const char *item, const char *skill,
	       char *response, bool correct);

/* scr_quiz.c: draw the current question and react to a key. */
void quiz_draw(struct ui *ui, struct play *p);
int quiz_handle(struct ui *ui, struct play *p, const struct key *k);

#endif
