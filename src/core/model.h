/* model.h — the content model: packs, cast, backdrops, lessons, scenes, items.
 * Everything is owned by its parent and freed with the matching _free(). */
#ifndef DECLIC_MODEL_H
#define DECLIC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* Where something was written: 1-based line and column in its file. */
struct pos {
	unsigned line, col;
};

/* A string from a file, with its position. */
struct str {
	char *s;
	struct pos at;
};

/* A list of strings from a file. */
struct strv {
	struct str *v;
	size_t n, cap;
};

struct mood {
	struct str id, art;
};

struct character {
	struct str id, name;
	struct mood *moods;
	size_t n_moods, cap_moods;
};

struct cast {
	char *file;
	struct character *v;
	size_t n, cap;
};

struct backdrop {
	struct str id, art;
};

struct backdrops {
	char *file;
	struct backdrop *v;
	size_t n, cap;
};

/* A character on stage in a scene, left to right. */
struct role {
	struct str who, mood;
};

/* A line of a scene: speech when `who` is set, narration otherwise. */
struct line {
	struct str who, mood, text;
};

struct choice_option {
	struct str text, go, feedback;
	bool good;
	int target;		/* scene index of `go`, -1 if unknown */
};

struct choice {
	struct str prompt;
	struct choice_option *v;
	size_t n, cap;
};

enum scene_exit { EXIT_NONE, EXIT_NEXT, EXIT_CHOICE, EXIT_END };

struct scene {
	struct str id, backdrop, next;
	struct role *cast;
	size_t n_cast, cap_cast;
	struct line *lines;
	size_t n_lines, cap_lines;
	struct strv questions;	/* the défi's pool */
	int *question_idx;	/* item index of each question, -1 if unknown */
	bool pick_all;		/* ask every question in order, not an adaptive pick */
	enum scene_exit exit;
	int next_idx;		/* scene index of `next`, -1 if unknown */
	struct choice choice;
	struct pos at;
};

enum item_kind { ITEM_SINGLE, ITEM_MULTIPLE, ITEM_TRUEFALSE, ITEM_TEXT, ITEM_ORDER, ITEM_MATCH };

#define ITEM_MAX_OPTIONS 6
#define ITEM_MAX_PAIRS 5

struct item {
	struct str id, skill, crcn, prompt, hint, explanation;
	enum item_kind kind;
	int level;
	struct pos level_at;
	bool reflex, has_difficulty;
	double difficulty;
	struct strv options;	/* single, multiple; order: in the right order */
	int answers[ITEM_MAX_OPTIONS];	/* single, multiple: 0-based right options */
	size_t n_answers;
	bool truth;		/* truefalse */
	struct strv accepted;	/* text */
	struct strv left, right;	/* match: left[i] goes with right[i] */
	struct pos at;
};

enum ending { ENDING_SUCCESS, ENDING_PARTIAL, ENDING_FAILURE, ENDING_COUNT };

struct teacher_notes {
	struct str objective, crcn;
	struct strv outline, debate, resources;
};

struct lesson {
	char *file;
	struct str id, title, skill, catchphrase, start;
	struct strv crcn, recap;
	int level, minutes;
	struct scene *scenes;
	size_t n_scenes, cap_scenes;
	struct item *items;
	size_t n_items, cap_items;
	struct str endings[ENDING_COUNT];
	struct teacher_notes teacher;
	int start_idx;
	bool graph_unsure;	/* a scene's way out is wrong: the graph is not checked */
};

struct pack {
	char *dir, *file;
	struct str id, title, language, theme, audience, description;
	int format;
	struct strv sources, lessons;
};

void strv_push(struct strv *l, struct str s);
void strv_free(struct strv *l);
void str_free(struct str *s);

/* Index of the scene, item, character... with this id, or -1. */
int lesson_scene_index(const struct lesson *l, const char *id);
int lesson_item_index(const struct lesson *l, const char *id);
const struct character *cast_find(const struct cast *c, const char *id);
const struct mood *character_mood(const struct character *ch, const char *id);
const struct backdrop *backdrops_find(const struct backdrops *b, const char *id);
/* Name of an item kind as written in packs ("single"...), or NULL. */
const char *item_kind_name(enum item_kind k);
/* Name of an ending as written in packs ("success"...). */
const char *ending_name(enum ending e);

/* A lesson of one scene asking copies of the given items in order, under new
 * ids (for a review of reflexes gathered from several lessons); then the
 * recap, empty, and the endings given. Free with lesson_free. */
struct lesson *lesson_review_new(const char *id, const char *title, const struct item *const *items,
				 const char *const *ids, size_t n, const char *const endings[ENDING_COUNT]);
void lesson_free(struct lesson *l);
void cast_free(struct cast *c);
void backdrops_free(struct backdrops *b);
void pack_free(struct pack *p);

#endif
