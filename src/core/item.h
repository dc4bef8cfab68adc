/* item.h — checking a pupil's response to a question (pure). */
#ifndef DECLIC_ITEM_H
#define DECLIC_ITEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/* What the pupil answered. Indices refer to the item's own option order. */
struct response {
	int pick;				/* single: option; truefalse: 1 true, 0 false */
	bool ticked[ITEM_MAX_OPTIONS];		/* multiple */
	const char *text;			/* text */
	int seq[ITEM_MAX_OPTIONS];		/* order: options in the pupil's order;
						 * match: right chosen for each left */
	size_t n_seq;
};

/* True if the response is right for the item. */
bool item_check(const struct item *it, const struct response *r);

/* The response as short text for the attempt log: option numbers from 1
 * ("2", "1,3", "3,1,2"), "true"/"false", the typed text, or the right picked
 * for each left ("2,1"). Caller frees. */
char *item_response_text(const struct item *it, const struct response *r);
/* The right answer in words, shown before the explanation after two wrong
 * answers ("Answer: pseudo", "Right order: 1) ... 2) ..."), or NULL for the
 * kinds that show it by marking the right choices. Caller frees. */
char *item_answer_text(const struct item *it);

/* Number of choices the pupil sees for the item (options, 2 for true/false, rights
 * for match, 0 for typed answers). */
size_t item_n_choices(const struct item *it);

/* FNV-1a hash of key, never 0: the seed of a deterministic sequence. */
uint32_t item_seed(const char *key);
/* Next number of the xorshift32 sequence kept in *state (0 is taken as 1). */
uint32_t item_rand(uint32_t *state);
/* Next number of the sequence in *state as a double in [0, 1). */
double item_rand_unit(uint32_t *state);

/* A deterministic shuffle of 0..n-1 seeded by key, never the identity when n > 1. */
void item_shuffle(const char *key, size_t n, int *perm);

/* Chance of guessing the item right (for the learner model): 1/options for
 * single, 1/2 for true/false, 0 otherwise. */
double item_guess(const struct item *it);

#endif
