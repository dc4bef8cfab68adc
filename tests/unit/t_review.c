/* t_review.c — Leitner boxes of reflex items: the schedule in sessions and the
 * choice of the items of a "Mes réflexes" session. */
#include "config.h"

#include "../tap.h"
#include "core/review.h"

static void test_schedule(struct tap *t)
{
	is_int(t, review_interval(1), 1, "box 1: next session");
	is_int(t, review_interval(2), 3, "box 2: in 3 sessions");
	is_int(t, review_interval(3), 7, "box 3: in 7 sessions");

	struct review_card c = {0};
	ok(t, !review_is_due(&c, 1), "a card never answered is not due");
	review_answer(&c, false, 1);
	ok(t, c.box == 1 && c.due == 2, "wrong the first time (session 1): box 1, due in session 2");
	review_answer(&c, true, 2);
	ok(t, c.box == 2 && c.due == 5, "right in session 2: box 2, due in session 5");
	ok(t, !review_is_due(&c, 4), "not due in session 4");
	ok(t, review_is_due(&c, 5), "due in session 5");
	review_answer(&c, true, 5);
	ok(t, c.box == 3 && c.due == 12, "right in session 5: box 3, due in session 12");
	review_answer(&c, true, 12);
	ok(t, c.box == 3 && c.due == 19, "right in box 3: stays in box 3, due 7 sessions later");
	review_answer(&c, false, 19);
	ok(t, c.box == 1 && c.due == 20, "wrong in box 3: back to box 1, due next session");
	struct review_card d = {0};
	review_answer(&d, true, 4);
	ok(t, d.box == 1 && d.due == 5, "right the first time: box 1, due next session");

	/* a pupil who always answers right, one session a day: sessions of review */
	struct review_card e = {0};
	int reviews[8], n = 0;
	review_answer(&e, true, 1);	/* met in a lesson */
	for (int s = 2; s <= 30; s++)
		if (review_is_due(&e, s)) {
			reviews[n++] = s;
			review_answer(&e, true, s);
		}
	ok(t, n == 5 && reviews[0] == 2 && reviews[1] == 5 && reviews[2] == 12 && reviews[3] == 19 &&
		      reviews[4] == 26,
	   "always right: reviewed in sessions 2, 5, 12, 19, 26 (%d reviews)", n);
}

static void test_due(struct tap *t)
{
	size_t out[5];
	/* session 10 */
	struct review_card v[9] = {
		{0, 0},		/* 0: never answered */
		{2, 14},	/* 1: due in 4 sessions */
		{1, 11},	/* 2: due next session */
		{3, 15},	/* 3 */
		{2, 12},	/* 4 */
		{0, 0},		/* 5: never answered */
		{3, 17},	/* 6 */
		{1, 11},	/* 7 */
		{2, 13},	/* 8 */
	};
	is_int(t, review_due(v, 9, 10, REVIEW_MIN, REVIEW_MAX, out), 0, "nothing due: no review session");
	v[4].due = 10;	/* due now, box 2 */
	v[8].due = 9;	/* overdue, box 2 */
	size_t k = review_due(v, 9, 10, REVIEW_MIN, REVIEW_MAX, out);
	ok(t, k == 3 && out[0] == 8 && out[1] == 4 && out[2] == 2,
	   "two due: most overdue first, topped up to 3 with the card due soonest (box 1 first)");
	for (int i = 1; i < 9; i++)
		if (v[i].box)
			v[i].due = 10;
	v[6].due = 3;
	k = review_due(v, 9, 10, REVIEW_MIN, REVIEW_MAX, out);
	ok(t, k == 5 && out[0] == 6 && out[1] == 2 && out[2] == 7 && out[3] == 1 && out[4] == 4,
	   "seven due: five of them, most overdue, then box 1 before box 2, then by index");
	bool never = true;
	for (size_t i = 0; i < k; i++)
		never = never && out[i] != 0 && out[i] != 5;
	ok(t, never, "never a card that was never answered");
	struct review_card two[2] = {{1, 10}, {0, 0}};
	k = review_due(two, 2, 10, REVIEW_MIN, REVIEW_MAX, out);
	ok(t, k == 1 && out[0] == 0, "a single card answered: a session of one");
}

int main(void)
{
	struct tap t = {0};
	test_schedule(&t);
	test_due(&t);
	return tap_done(&t);
}
