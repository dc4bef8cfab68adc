/* runner.h — the lesson runner: a state machine fed by the pupil's actions (pure).
 * The UI asks it what to show, and tells it what the pupil did. */
#ifndef DECLIC_RUNNER_H
#define DECLIC_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/item.h"
#include "core/model.h"

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
};

void runner_start(struct runner *r, const struct lesson *l);
/* The pupil goes on (Enter, any key): next line, next question, next scene... */
void runner_next(struct runner *r);
/* Back to the last choice point (only from RS_FEEDBACK); true if it went back. */
bool runner_back(struct runner *r);
/* The pupil picks option k of the choice point. */
void runner_pick(struct runner *r, size_t k);
/* The pupil answers the current question; returns the verdict. */
enum verdict runner_answer(struct runner *r, const struct response *resp);

const struct scene *runner_scene(const struct runner *r);
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
