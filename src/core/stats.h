/* stats.h — what a pack holds: episodes, questions by level and kind, teacher
 * notes; and the texts a pupil reads, one by one (pure). */
#ifndef DECLIC_STATS_H
#define DECLIC_STATS_H

#include <stddef.h>

#include "core/model.h"

#define STATS_MAX_LEVEL 8
#define STATS_KINDS (ITEM_MATCH + 1)

/* Figures of one lesson; in a pack's total, each is summed over its lessons
 * (the yes/no ones count the lessons that have it). */
struct lesson_stats {
	const struct lesson *lesson;	/* NULL in a total */
	size_t minutes, scenes, choices, options;
	size_t items, reflex;
	size_t untagged;		/* questions without a skill or a CRCN code */
	size_t by_level[STATS_MAX_LEVEL + 1];	/* [0]: out of 1..STATS_MAX_LEVEL */
	size_t by_kind[STATS_KINDS];
	size_t objective, notes_crcn;	/* teacher notes: has an objective, a CRCN line */
	size_t outline, debate, resources;	/* teacher notes: entries */
	size_t catchphrase, recap;	/* has a catch-phrase; recap lines */
};

struct pack_stats {
	const struct pack *pack;
	size_t listed, unreadable;	/* lessons in the manifest; of them, not loaded */
	struct lesson_stats total;
	struct lesson_stats *v;		/* each lesson loaded, in manifest order */
	size_t n;
};

/* Count a pack whose lessons are lessons[0..n) (NULL entries are unreadable). */
void stats_count(struct pack_stats *s, const struct pack *p, struct lesson *const *lessons,
		 size_t n);
void stats_free(struct pack_stats *s);

/* Call fn for every text of the lesson a pupil reads (speech and narration,
 * choice prompts, options, feedback, question prompts and choices, hints,
 * explanations, recap, catch-phrase, endings; not the teacher notes), with
 * its kind: "line", "choice", "option", "feedback", "prompt", "hint",
 * "explanation", "recap", "catchphrase", "ending". */
void stats_pupil_texts(const struct lesson *l,
		       void (*fn)(const char *field, const struct str *text, void *ctx), void *ctx);

#endif
