/* review.c — Leitner boxes at session granularity (see review.h). */
#include "config.h"

#include "core/review.h"

int review_interval(int box)
{
	static const int interval[REVIEW_BOXES + 1] = {0, 1, 3, 7};
	if (box < 0)
		box = 0;
	if (box > REVIEW_BOXES)
		box = REVIEW_BOXES;
	return interval[box];
}

void review_answer(struct review_card *c, bool correct, int session)
{
	if (!correct)
		c->box = 1;
	else if (c->box < REVIEW_BOXES)
		c->box = c->box < 1 ? 1 : c->box + 1;
	c->due = session + review_interval(c->box);
}

bool review_is_due(const struct review_card *c, int session)
{
	return c->box > 0 && c->due <= session;
}

/* True if card a comes before card b in a review: due earlier, lower box, lower
 * index. */
static bool before(const struct review_card *v, size_t a, size_t b)
{
	if (v[a].due != v[b].due)
		return v[a].due < v[b].due;
	if (v[a].box != v[b].box)
		return v[a].box < v[b].box;
	return a < b;
}

size_t review_due(const struct review_card *v, size_t n, int session, size_t min, size_t max, size_t *out)
{
	size_t due = 0;
	for (size_t i = 0; i < n; i++)
		due += review_is_due(&v[i], session);
	if (due == 0 || max == 0)
		return 0;
	size_t want = due > min ? due : min;
	if (want > max)
		want = max;
	/* the first `want` answered cards in review order, by insertion into out */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].box <= 0)
			continue;
		size_t j = k < want ? k++ : want;
		if (j == want && !before(v, i, out[want - 1]))
			continue;
		if (j == want)
			j = want - 1;
		while (j > 0 && before(v, i, out[j - 1])) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = i;
	}
	return k;
}
