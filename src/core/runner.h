/* runner.h — the lesson runner: a state machine fed by the pupil's actions (pure).
 * The UI asks it what to show, and tells it what the pupil did. */
#ifndef DECLIC_RUNNER_H
#define DECLIC_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/defi.h"
#include "core/item.h"
#include "core/learner.h"
#include "core/model.h"

#define RUNNER_MAX_ITEMS 64	/* items of a lesson the runner remembers as seen */
#define RUNNER_MAX_POOL 32	/* questions of a défi scene it picks from */

enum runner_state {
	RS_LINE,	/* a line of the current scene */
	RS_CHOICE,	/* the choice point of the current scene */
	RS_FEEDBACK,	/* feedback on the option picked, after its consequence */
	RS_QUESTION,	/* a question of the current scene */
	RS_RECAP,	/* "À retenir" */
	RS_ENDING,	/* the ending, with stars */
	RS_DONE
};

/* Outcome of an answer: right; wrong, with a hint and another try; or wrong a
 * second time, with the explanation. */
enum verdict { VERDICT_NONE, VERDICT_RIGHT, VERDICT_HINT, VERDICT_EXPLAIN };

struct runner {
	const struct lesson *lesson;
	enum runner_state state;
	int scene;		/* current scene */
	size_t line;		/* current line (RS_LINE) */
	int choice_scene;	/* last choice point, -1 if none */
	int option;		/* option picked there, -1 if none */
	bool pending_feedback;	/* the option's feedback is still to show */
	size_t question;	/* index into the scene's questions (RS_QUESTION) */
	int tries;		/* wrong answers to the current question */
	enum verdict verdict;	/* last verdict on the current question */
	int points, max_points;	/* 2 for right at once, 1 after a hint */

	/* The défi: a scene's questions picked adaptively, skill by skill, "test
	 * first, then train" (core/defi.h). */
	const struct learner_params *prm;
	struct learner_pupil *pupil;	/* θ per skill, updated; NULL: none kept */
	int64_t now;		/* the time, given by the caller (Unix seconds) */
	uint32_t rng;		/* ties between equally good questions */
	int step;		/* index of the current skill of the défi */
	struct defi defi;
	int asked;		/* questions asked in this défi scene */
	int partial_steps;	/* steps ended "partially reached" in the lesson */
	/* The last step that ended, for the caller to log: ended_seq counts the
	 * steps ended since runner_start or runner_restore. */
	int ended_seq;
	const char *ended_skill;
	int ended_scene;	/* the défi scene */
	bool ended_partial;
	int prev_scene;		/* the scene before the current one, -1 if none */
	int explain_scene;	/* the scene before the défi: replayed after failures */
	int defi_scene;		/* the défi scene while the explaining scene replays,
				 * else -1 */
	int seen[RUNNER_MAX_ITEMS];	/* answers of the pupil to each item */
	int64_t last_seen[RUNNER_MAX_ITEMS];
	bool measured;		/* the last answer was a first try: `measure` holds
				 * the learner update it made */
	struct learner_step measure;
};

/* Starts the lesson. The défi picks questions with ADAPTIVE.md's defaults and
 * θ = 0; runner_learn gives it a pupil's state instead. */
void runner_start(struct runner *r, const struct lesson *l);
/* Use (and update) the pupil's learner state in the défi; call after
 * runner_start or runner_restore. */
void runner_learn(struct runner *r, const struct learner_params *prm, struct learner_pupil *pupil);
/* The pupil answered item `id` `seen` times before, the last at `last`: the défi
 * prefers questions not seen lately. */
void runner_seen(struct runner *r, const char *id, int seen, int64_t last);
/* The pupil goes on (Enter, any key): next line, next question, next scene... */
void runner_next(struct runner *r);
/* Back to the last choice point (only from RS_FEEDBACK); true if it went back. */
bool runner_back(struct runner *r);
/* The pupil picks option k of the choice point. */
void runner_pick(struct runner *r, size_t k);
/* The pupil answers the current question; returns the verdict. The first try
 * also updates the learner state (see `measured`). */
enum verdict runner_answer(struct runner *r, const struct response *resp);

const struct scene *runner_scene(const struct runner *r);
/* True while the défi replays the scene that explains. */
bool runner_replaying(const struct runner *r);
/* The current question, or NULL. */
const struct item *runner_item(const struct runner *r);
/* Mood of the cast member `role` of the current scene as of the current line. */
const char *runner_mood(const struct runner *r, size_t role);
enum ending runner_ending(const struct runner *r);
/* 3 stars for success, 2 for partial, 1 for failure. */
int runner_stars(const struct runner *r);

/* runner_pos.c */
/* Where to resume this run, as one line of text (caller frees): a settled
 * question counts as done. Scenes are named by id, so that an edited lesson
 * cannot put the pupil in the wrong place. */
char *runner_position(const struct runner *r);
/* Puts r at a position made by runner_position for lesson l; false (and r
 * untouched) when the text is not a valid position in this lesson. */
bool runner_restore(struct runner *r, const struct lesson *l, const char *pos);
/* Rough progress through the lesson, 0..99 while playing, 100 at the recap. */
int runner_percent(const struct runner *r);

#endif
