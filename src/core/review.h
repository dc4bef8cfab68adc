/* review.h — spaced review of reflex items (pure): Leitner boxes counted in the
 * pupil's sessions, for the "Mes réflexes" sessions. */
#ifndef DECLIC_REVIEW_H
#define DECLIC_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#define REVIEW_BOXES 3
#define REVIEW_MIN 3	/* items in a review session, at least (when there are) */
#define REVIEW_MAX 5	/* and at most */

/* Where a pupil is with one reflex item. Sessions are numbered by the caller
 * (the pupil's 1st, 2nd... session); a zeroed card was never answered. */
struct review_card {
	int box;	/* 0: never answered; 1..REVIEW_BOXES */
	int due;	/* the session from which it is due again */
};

/* Sessions to wait in a box: 1 (box 1), 3 (box 2), 7 (box 3); 0 for box 0. */
int review_interval(int box);
/* The pupil answered the item in session `session` (in a lesson or a review):
 * right moves it up a box (at most the last), wrong back to box 1; it is due
 * again after the new box's interval. */
void review_answer(struct review_card *c, bool correct, int session);
/* True if the card was answered once and is due in session `session`. */
bool review_is_due(const struct review_card *c, int session);
/* Chooses the items of a review session in session `session`: none when no
 * card is due; else the due cards, most overdue first, then the lower box,
 * then the lower index, at most max; when fewer than min are due, topped up
 * with the cards due soonest. Indices go to out (room for max); returns how
 * many. */
size_t review_due(const struct review_card *v, size_t n, int session, size_t min, size_t max, size_t *out);

#endif
