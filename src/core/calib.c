/* calib.c — pooled calibration of item difficulties over every pupil's
 * answers, and the items that drift from their authored level. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/calib.h"
#include "core/learner.h"
#include "xalloc.h"

/* An answer and its place in time order, for sorting by item. */
struct ref {
	const struct calib_answer *a;
	size_t at;
};

/* s, or "" for NULL. */
static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

/* The order of two answers' items: pack, lesson, item; 0 for the same item. */
static int item_cmp(const struct calib_answer *x, const struct calib_answer *y)
{
	int c = strcmp(str_or_empty(x->pack), str_or_empty(y->pack));
	if (!c)
		c = strcmp(str_or_empty(x->lesson), str_or_empty(y->lesson));
	if (!c)
		c = strcmp(str_or_empty(x->item), str_or_empty(y->item));
	return c;
}

/* qsort order of refs: by item, then by time order (a stable sort). */
static int ref_cmp(const void *p, const void *q)
{
	const struct ref *x = p, *y = q;
	int c = item_cmp(x->a, y->a);
	return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

size_t calib_items(const struct learner_params *prm, const struct calib_answer *v, size_t n, double threshold,
		   int min_answers, struct calib_item **out)
{
	*out = NULL;
	if (n == 0)
		return 0;
	struct ref *refs = xmalloc(n * sizeof *refs);
	for (size_t i = 0; i < n; i++)
		refs[i] = (struct ref){&v[i], i};
	qsort(refs, n, sizeof *refs, ref_cmp);

	/* Number the items; each answer's observation names its item. */
	struct learner_obs *obs = xmalloc(n * sizeof *obs);
	struct calib_item *items = NULL;
	size_t n_items = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct calib_answer *a = refs[i].a;
		if (i == 0 || item_cmp(refs[i - 1].a, a) != 0) {
			items = xgrow(items, &cap, n_items + 1, sizeof *items);
			items[n_items++] = (struct calib_item){
				.pack = xstrdup(str_or_empty(a->pack)),
				.lesson = xstrdup(str_or_empty(a->lesson)),
				.item = xstrdup(str_or_empty(a->item)),
			};
		}
		struct calib_item *it = &items[n_items - 1];
		/* The answers of an item come oldest first: the last one sets
		 * the authored parameters, as the pack was last played. */
		it->b_authored = a->b;
		it->g = a->g;
		it->right += a->correct;
		obs[refs[i].at] = (struct learner_obs){n_items - 1, a->theta, a->correct};
	}
	free(refs);

	double *b = xmalloc(n_items * sizeof *b), *b0 = xmalloc(n_items * sizeof *b0),
	       *g = xmalloc(n_items * sizeof *g);
	int *m = xcalloc(n_items, sizeof *m);
	size_t *flagged = xmalloc(n_items * sizeof *flagged);
	for (size_t k = 0; k < n_items; k++) {
		b[k] = b0[k] = items[k].b_authored;
		g[k] = items[k].g;
	}
	learner_calibrate(prm, obs, n, b, m, g, n_items);
	size_t n_flagged = learner_drift(b, b0, m, n_items, threshold, min_answers, flagged);
	for (size_t k = 0; k < n_items; k++) {
		items[k].b_pooled = b[k];
		items[k].answers = m[k];
	}
	for (size_t i = 0; i < n_flagged; i++)
		items[flagged[i]].drifts = true;
	free(flagged);
	free(m);
	free(g);
	free(b0);
	free(b);
	free(obs);
	*out = items;
	return n_items;
}

size_t calib_drifting(const struct calib_item *v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += v[i].drifts;
	return k;
}

size_t calib_judged(const struct calib_item *v, size_t n, int min_answers)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += v[i].answers >= min_answers;
	return k;
}

void calib_items_free(struct calib_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].pack);
		free(v[i].lesson);
		free(v[i].item);
	}
	free(v);
}
