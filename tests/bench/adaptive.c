/* adaptive.c — `make bench`: the adaptive practice against simulated pupils.
 *
 * 1000 pupils of true ability spread evenly over [-2, 2] answer 20 items each,
 * first from a generated pool of 60 (20 per level 1..3, kinds mixed so that
 * guessing varies, three skills of one theme), then from the bundled pupil
 * packs (every question of each pack of audience cycle2 or cycle3, read by the
 * real pack loader: its authored level, kind and skill). A pupil answers right
 * with the chance given by the model's own response model,
 * P = g + (1 - g) σ(ability - b_true), where b_true = b plus a jitter the model
 * does not know (it only sees the authored level, through learner_item_params).
 * Items are chosen by the real selection (learner_select, learner_target) and
 * the real updates (learner_pupil_answer), with 10 to 40 simulated seconds per
 * answer; the baseline asks the same 20 items of the pool in a fixed
 * easy-to-hard order to everyone.
 *
 * Printed per ability band: the observed success rate, the Spearman
 * correlation of final θ with true ability, and how many (pupil, skill) pairs
 * end labelled "acquis" with the share of them truly mastered (true chance
 * of a right typed answer to a level-2 item >= 0.80, Bloom's criterion; the
 * share at >= 0.85 beside it); for the generated pool, the same after three
 * sessions and the pooled calibration of item difficulties from the
 * simulated answers; last, the precision and recall of "acquis" at several
 * confidence levels; then the défis as the kiosk plays them: every pupil
 * plays every lesson of the pupil packs through the real lesson runner
 * (skill by skill, validation first, practice, replays), with the success
 * rate, questions and steps partially reached per lesson. Seeded: the figures
 * are the same on every run (for the bundled pool, as long as the content is).
 * Usage: tests/bench/adaptive [CONTENT] (the content folder; by default the
 * source tree's) */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/diag.h"
#include "../sim_response.h"
#include "core/item.h"
#include "core/learner.h"
#include "core/model.h"
#include "core/runner.h"
#include "pack/bundle.h"
#include "pack/catalog.h"
#include "xalloc.h"

#define N_PUPILS 1000
#define N_ITEMS 60	/* the generated pool */
#define N_SKILLS 3
#define SESSION 20
#define N_BANDS 5
#define T0 1700000000
#define JITTER 0.3	/* b_true = b + a uniform draw in [-JITTER, JITTER] */

/* "Truly mastered": the true chance of a right typed answer (no guessing) to a
 * level-2 item (b = 0), the level expected of a cycle-3 pupil, is at least
 * this: Bloom's mastery criterion, 4 right out of 5. STRICT_P: a stricter
 * truth, printed beside it. */
#define MASTERY_P 0.80
#define STRICT_P 0.85
/* The confidence levels of the "acquis" rule compared in the trade-off
 * table (learner_defaults uses 1: one standard error). */
static const double z_levels[] = {0, 0.5, 1.0, 1.2816, 1.6449};	/* 90 %, 95 % one-sided */
#define N_Z (sizeof z_levels / sizeof z_levels[0])

struct sim_item {
	double b_true;		/* b + jitter: what the pupils answer by */
	double b, g;		/* the model's parameters, from learner_item_params */
	int level;		/* authored */
	size_t skill;		/* index into the pool's skills */
};

/* A pool of items a pupil practises in one session, with its fixed order. */
struct pool {
	char *name;		/* "generated", or the pack's id */
	struct sim_item *v;
	size_t n, cap;
	char **skills;		/* owned */
	size_t n_skills, cap_skills;
	int fixed[SESSION];	/* the baseline: SESSION items, easy to hard */
};

/* What one condition gives: one run per (pool, pupil), run = pool * N_PUPILS + pupil. */
struct result {
	size_t n_runs, max_skills;
	double *theta;		/* final θ, averaged over skills by answers */
	double *skill_theta;	/* final θ per skill: [run * max_skills + skill] */
	int *answers, *right;
	int *acquis, *acquis_true;	/* pairs labelled acquis; truly mastered */
	int *acquis_strict;		/* labelled acquis, true P >= STRICT_P */
	int mastered, mastered_acquis;	/* truly mastered pairs; labelled acquis */
	int z_acquis[N_Z], z_true[N_Z];	/* the same with acquired_z = z_levels[k] */
	int max_repeat;			/* most times one pupil saw one item */
};

/* Index of skill in the pool's skills, added if new. */
static size_t pool_skill(struct pool *p, const char *skill)
{
	for (size_t k = 0; k < p->n_skills; k++)
		if (!strcmp(p->skills[k], skill))
			return k;
	p->skills = xgrow(p->skills, &p->cap_skills, p->n_skills + 1, sizeof *p->skills);
	p->skills[p->n_skills] = xstrdup(skill);
	return p->n_skills++;
}

/* The next jitter of *rng: uniform in [-JITTER, JITTER]. */
static double jitter_of(uint32_t *rng)
{
	return item_rand_unit(rng) * 2 * JITTER - JITTER;
}

/* The jitter of an item of a lesson of a bundled pack: it comes from the
 * pack, lesson and item ids, so it stays when other questions change. */
static double item_jitter(const char *pack, const struct lesson *l, const struct item *it)
{
	char *key = xasprintf("%s/%s/%s", pack, l->id.s ? l->id.s : l->file, it->id.s ? it->id.s : "");
	uint32_t rng = item_seed(key);
	free(key);
	return jitter_of(&rng);
}

/* The id of a bundled pack, for keys and tables. */
static const char *pack_name(const struct bundle *b)
{
	return b->pack->id.s ? b->pack->id.s : b->pack->dir;
}

/* Adds an item (as the model sees it) of the skill to the pool, b_true being
 * its b plus jitter. */
static void pool_add(struct pool *p, const struct item *it, const char *skill, double jitter)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	struct sim_item *s = &p->v[p->n++];
	memset(s, 0, sizeof *s);
	s->level = it->level;
	s->skill = pool_skill(p, skill);
	learner_item_params(it, &s->b, &s->g);
	s->b_true = s->b + jitter;
}

/* Index order of the pool's items by b (authored), stable. */
static void by_b(const struct pool *p, int *order)
{
	for (size_t i = 0; i < p->n; i++)
		order[i] = (int)i;
	for (size_t i = 1; i < p->n; i++)	/* insertion sort: stable, n is small */
		for (size_t j = i; j > 0 && p->v[order[j - 1]].b > p->v[order[j]].b; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

/* The baseline: SESSION items spread evenly over the pool sorted by b, easy
 * to hard (items 1, 4, 7 ... 58 of the generated pool). */
static void pool_fixed(struct pool *p)
{
	int *order = xmalloc(p->n * sizeof *order);
	by_b(p, order);
	for (size_t k = 0; k < SESSION; k++)
		p->fixed[k] = order[k * p->n / SESSION];
	free(order);
}

/* Frees what the pool owns. */
static void pool_free(struct pool *p)
{
	for (size_t k = 0; k < p->n_skills; k++)
		free(p->skills[k]);
	free(p->skills);
	free(p->v);
	free(p->name);
}

/* The generated pool: per level, a cycle of ten kinds (single of 3 or 4
 * options, true/false, multiple, typed text, order, match), skills in turn,
 * the jitter on b. */
static void make_pool(struct pool *p)
{
	static const char *const skills[N_SKILLS] = {"donnees/formulaires", "donnees/traces", "donnees/pseudos"};
	static const struct {
		enum item_kind kind;
		size_t options;
	} cycle[10] = {
		{ITEM_SINGLE, 3}, {ITEM_TRUEFALSE, 0}, {ITEM_MULTIPLE, 4}, {ITEM_SINGLE, 4}, {ITEM_TEXT, 0},
		{ITEM_TRUEFALSE, 0}, {ITEM_SINGLE, 3}, {ITEM_ORDER, 4}, {ITEM_SINGLE, 4}, {ITEM_MATCH, 0},
	};
	static struct str option_text[ITEM_MAX_OPTIONS];
	memset(p, 0, sizeof *p);
	p->name = xstrdup("generated");
	for (int k = 0; k < N_SKILLS; k++)
		pool_skill(p, skills[k]);
	uint32_t rng = item_seed("pool");
	for (int i = 0; i < N_ITEMS; i++) {
		struct item it;
		memset(&it, 0, sizeof it);
		it.level = 1 + i / 20;
		it.kind = cycle[i % 10].kind;
		it.options.v = option_text;
		it.options.n = cycle[i % 10].options;
		pool_add(p, &it, skills[(i + i / 20) % N_SKILLS], jitter_of(&rng));
	}
	pool_fixed(p);
}

/* The bundled pupil packs under content (the French ones, in name order; not
 * the adults' packs), whole; NULL, the problems printed, if one cannot be
 * read. */
static struct bundle **load_bundles(const char *content, int *n)
{
	struct diags d = {0};
	struct catalog c = {0};
	catalog_scan(&c, content, "fr", &d);
	struct bundle **v = xcalloc(c.n + 1, sizeof *v);
	*n = 0;
	for (size_t i = 0; i < c.n && d.n == 0; i++) {
		const struct pack *pk = c.packs[i];
		if (pk->audience.s && !strcmp(pk->audience.s, "adults"))
			continue;
		v[(*n)++] = bundle_load(pk->dir, &d);
	}
	if (*n == 0 && d.n == 0)
		diag_add(&d, content, (struct pos){0, 0}, "no pupil pack found");
	catalog_free(&c);
	if (d.n) {
		diag_print(&d, stderr);
		diag_free(&d);
		for (int k = 0; k < *n; k++)
			bundle_free(v[k]);
		free(v);
		return NULL;
	}
	return v;
}

/* A pool per bundle, with every question of every lesson. Returns the pools,
 * or NULL (the problem printed) if a pack has fewer questions than a session. */
static struct pool *pools_of(struct bundle *const *bundles, int n)
{
	struct pool *pools = xcalloc((size_t)n + 1, sizeof *pools);
	for (int i = 0; i < n; i++) {
		const struct bundle *b = bundles[i];
		struct pool *p = &pools[i];
		p->name = xstrdup(pack_name(b));
		for (size_t k = 0; k < b->n; k++) {
			const struct lesson *l = b->lessons[k];
			for (size_t q = 0; l && q < l->n_items; q++) {
				const struct item *it = &l->items[q];
				pool_add(p, it, it->skill.s ? it->skill.s : "", item_jitter(p->name, l, it));
			}
		}
		if (p->n < SESSION) {
			fprintf(stderr, "%s: %zu questions, fewer than the %d of a session\n", b->pack->file, p->n,
				SESSION);
			for (int k = 0; k <= i; k++)
				pool_free(&pools[k]);
			free(pools);
			return NULL;
		}
		pool_fixed(p);
	}
	return pools;
}

/* Band (0..4) of an ability in [-2, 2]. */
static int band_of(double ability)
{
	int k = (int)floor((ability + 2) / 4 * N_BANDS);
	return k < 0 ? 0 : k >= N_BANDS ? N_BANDS - 1 : k;
}

/* The true ability of a pupil: evenly spread over [-2, 2]. */
static double ability_of(int pupil)
{
	return -2.0 + 4.0 * pupil / (N_PUPILS - 1);
}

/* A value and where it was, for sorting. */
struct ranked {
	double v;
	int i;
};

/* Orders values ascending (qsort). */
static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	return (x->v > y->v) - (x->v < y->v);
}

/* Ranks of v[0..n-1] (1-based, ties get their mean rank) into r. */
static void ranks(const double *v, int n, double *r)
{
	struct ranked *s = xmalloc((size_t)n * sizeof *s);
	for (int i = 0; i < n; i++)
		s[i] = (struct ranked){v[i], i};
	qsort(s, (size_t)n, sizeof *s, cmp_ranked);
	for (int i = 0; i < n;) {
		int j = i;
		while (j + 1 < n && s[j + 1].v == s[i].v)
			j++;
		for (int k = i; k <= j; k++)
			r[s[k].i] = (i + j) / 2.0 + 1;
		i = j + 1;
	}
	free(s);
}

/* Spearman correlation of x and y (n values): Pearson on the ranks. */
static double spearman(const double *x, const double *y, int n)
{
	double *rx = xmalloc((size_t)n * sizeof *rx), *ry = xmalloc((size_t)n * sizeof *ry);
	ranks(x, n, rx);
	ranks(y, n, ry);
	double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	for (int i = 0; i < n; i++) {
		mx += rx[i] / n;
		my += ry[i] / n;
	}
	for (int i = 0; i < n; i++) {
		sxy += (rx[i] - mx) * (ry[i] - my);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - my) * (ry[i] - my);
	}
	free(rx);
	free(ry);
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

/* An answer for the pooled calibration, with which run gave it on which skill. */
struct sim_obs {
	struct learner_obs o;	/* θ: the pupil's θ on the skill just before */
	int run;
	size_t skill;
};

/* Room in res for one run per (pool, pupil), all counts zero. */
static void result_alloc(struct result *res, const struct pool *pools, int n_pools)
{
	memset(res, 0, sizeof *res);
	res->n_runs = (size_t)n_pools * N_PUPILS;
	for (int p = 0; p < n_pools; p++)
		if (pools[p].n_skills > res->max_skills)
			res->max_skills = pools[p].n_skills;
	res->theta = xcalloc(res->n_runs, sizeof *res->theta);
	res->skill_theta = xcalloc(res->n_runs * res->max_skills, sizeof *res->skill_theta);
	res->answers = xcalloc(res->n_runs, sizeof *res->answers);
	res->right = xcalloc(res->n_runs, sizeof *res->right);
	res->acquis = xcalloc(res->n_runs, sizeof *res->acquis);
	res->acquis_true = xcalloc(res->n_runs, sizeof *res->acquis_true);
	res->acquis_strict = xcalloc(res->n_runs, sizeof *res->acquis_strict);
}

/* Frees what result_alloc took. */
static void result_free(struct result *res)
{
	free(res->theta);
	free(res->skill_theta);
	free(res->answers);
	free(res->right);
	free(res->acquis);
	free(res->acquis_true);
	free(res->acquis_strict);
}

/* Runs every pupil through one condition on each pool, from a fresh state:
 * adaptive with prm, or the pool's fixed order when `fixed` (updates with
 * prm); `sessions` sessions a day apart. When obs is not NULL, every answer
 * goes there (room for n_pools * N_PUPILS * SESSION * sessions). */
static void run(const struct pool *pools, int n_pools, bool fixed, const struct learner_params *prm,
		int sessions, struct result *res, struct sim_obs *obs)
{
	size_t n_obs = 0;
	result_alloc(res, pools, n_pools);
	double mastery_theta = log(MASTERY_P / (1 - MASTERY_P)), strict_theta = log(STRICT_P / (1 - STRICT_P));
	for (int pl = 0; pl < n_pools; pl++) {
		const struct pool *P = &pools[pl];
		struct learner_cand *cand = xcalloc(P->n, sizeof *cand);
		int *seen = xcalloc(P->n, sizeof *seen);
		int64_t *last_seen = xcalloc(P->n, sizeof *last_seen);
		for (int i = 0; i < N_PUPILS; i++) {
			int r = pl * N_PUPILS + i;
			double ability = ability_of(i);
			char key[64];
			/* the generated pool keeps the keys it always had */
			if (n_pools == 1 && !strcmp(P->name, "generated"))
				snprintf(key, sizeof key, "pupil %d", i);
			else
				snprintf(key, sizeof key, "%.40s: pupil %d", P->name, i);
			uint32_t rng = item_seed(key);	/* answers and durations */
			uint32_t ties = item_seed(key) ^ 0x9e3779b9u;
			struct learner_pupil pu = {0};
			memset(seen, 0, P->n * sizeof *seen);
			memset(last_seen, 0, P->n * sizeof *last_seen);
			int64_t now = T0;
			int last = -1;
			for (int k = 0; k < SESSION * sessions; k++) {
				int idx = fixed ? P->fixed[k % SESSION] : -1;
				if (k > 0 && k % SESSION == 0)
					now += 86400;
				if (!fixed) {
					for (size_t j = 0; j < P->n; j++)
						cand[j] = (struct learner_cand){
							P->skills[P->v[j].skill], P->v[j].b, P->v[j].g,
							learner_pupil_theta(prm, &pu, P->skills[P->v[j].skill]), seen[j],
							last_seen[j]};
					double target = learner_target(prm, learner_recent_rate(prm, &pu.recent));
					idx = learner_select(prm, cand, P->n, NULL, target, now, last, &ties);
				}
				const struct sim_item *s = &P->v[idx];
				bool correct = item_rand_unit(&rng) < learner_predict(ability, s->b_true, s->g);
				struct learner_step st =
					learner_pupil_answer(prm, &pu, P->skills[s->skill], s->b, s->g, correct);
				if (obs)
					obs[n_obs++] = (struct sim_obs){{(size_t)idx, st.theta_before, correct}, r,
									s->skill};
				now += 10 + (int64_t)(item_rand(&rng) % 31);
				seen[idx]++;
				last_seen[idx] = now;
				last = idx;
				res->answers[r]++;
				res->right[r] += correct;
				if (seen[idx] > res->max_repeat)
					res->max_repeat = seen[idx];
			}
			double sum = 0;
			int n = 0;
			bool mastered = ability >= mastery_theta, strict = ability >= strict_theta;
			for (size_t k = 0; k < pu.n; k++) {
				sum += pu.v[k].s.theta * pu.v[k].s.n;
				n += pu.v[k].s.n;
				bool acq = learner_label(prm, &pu.v[k].s) == LEARNER_ACQUIRED;
				res->acquis[r] += acq;
				res->acquis_true[r] += acq && mastered;
				res->acquis_strict[r] += acq && strict;
				res->mastered += mastered;
				res->mastered_acquis += mastered && acq;
				for (size_t z = 0; z < N_Z; z++) {
					struct learner_params pz = *prm;
					pz.acquired_z = z_levels[z];
					bool a = learner_label(&pz, &pu.v[k].s) == LEARNER_ACQUIRED;
					res->z_acquis[z] += a;
					res->z_true[z] += a && mastered;
				}
			}
			res->theta[r] = n ? sum / n : 0;
			for (size_t k = 0; k < P->n_skills; k++)
				res->skill_theta[(size_t)r * res->max_skills + k] =
					learner_pupil_theta(prm, &pu, P->skills[k]);
			learner_pupil_free(&pu);
		}
		free(cand);
		free(seen);
		free(last_seen);
	}
}

/* True if run r is in the band (all bands when band < 0) and the pool (all
 * pools when pool < 0). */
static bool in(int r, int band, int pool)
{
	return (band < 0 || band_of(ability_of(r % N_PUPILS)) == band) && (pool < 0 || r / N_PUPILS == pool);
}

/* Spearman of θ with ability over the runs of one band and pool (< 0: all). */
static double band_spearman(const struct result *r, int band, int pool)
{
	double *th = xmalloc(r->n_runs * sizeof *th), *ab = xmalloc(r->n_runs * sizeof *ab);
	int n = 0;
	for (int i = 0; i < (int)r->n_runs; i++)
		if (in(i, band, pool)) {
			th[n] = r->theta[i];
			ab[n++] = ability_of(i % N_PUPILS);
		}
	double rho = spearman(th, ab, n);
	free(th);
	free(ab);
	return rho;
}

/* What the runs of a band and pool add up to. */
struct sums {
	int answers, right, acquis, acquis_true, acquis_strict;
};

/* The sums over the runs of one band and pool (< 0: all). */
static struct sums sums_of(const struct result *r, int band, int pool)
{
	struct sums s = {0};
	for (int i = 0; i < (int)r->n_runs; i++)
		if (in(i, band, pool)) {
			s.answers += r->answers[i];
			s.right += r->right[i];
			s.acquis += r->acquis[i];
			s.acquis_true += r->acquis_true[i];
			s.acquis_strict += r->acquis_strict[i];
		}
	return s;
}

/* A share as "0.83", or "-" when there is nothing to divide. */
static const char *share(char *buf, size_t size, int num, int den)
{
	if (den == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f", (double)num / den);
	return buf;
}

/* Orders doubles ascending (qsort). */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The success rates the pools allow a band's pupils (all when band < 0) over
 * SESSION distinct items: the mean true chance on the SESSION hardest (*lo)
 * and easiest (*hi) items of a pool, over pupils and pools. */
static void pool_range(const struct pool *pools, int n_pools, int band, double *lo, double *hi)
{
	double sum_lo = 0, sum_hi = 0;
	int n = 0;
	for (int pl = 0; pl < n_pools; pl++) {
		const struct pool *P = &pools[pl];
		double *p = xmalloc(P->n * sizeof *p);
		for (int i = 0; i < N_PUPILS; i++) {
			if (band >= 0 && band_of(ability_of(i)) != band)
				continue;
			for (size_t j = 0; j < P->n; j++)
				p[j] = learner_predict(ability_of(i), P->v[j].b_true, P->v[j].g);
			qsort(p, P->n, sizeof *p, cmp_double);
			for (size_t j = 0; j < SESSION; j++) {
				sum_lo += p[j] / SESSION;
				sum_hi += p[P->n - 1 - j] / SESSION;
			}
			n++;
		}
		free(p);
	}
	*lo = sum_lo / n;
	*hi = sum_hi / n;
}

/* One table: a line per band and condition, then all pupils. */
static void print_table(const struct pool *pools, int n_pools, const char *const *names,
			const struct result *const *res, int n_cond)
{
	char b1[16], b2[16], range[32];
	printf("%-13s %-22s %7s %9s %8s %6s %8s %7s\n", "band", "condition", "success", "pool", "Spearman",
	       "acquis", "truly ok", "P>=.85");
	for (int band = 0; band <= N_BANDS; band++) {
		bool all = band == N_BANDS;
		char label[32];
		if (all)
			snprintf(label, sizeof label, "all");
		else
			snprintf(label, sizeof label, "[%+.1f,%+.1f%c", -2 + 0.8 * band, -2 + 0.8 * (band + 1),
				 band == N_BANDS - 1 ? ']' : ')');
		double lo, hi;
		pool_range(pools, n_pools, all ? -1 : band, &lo, &hi);
		snprintf(range, sizeof range, "%.2f-%.2f", lo, hi);
		for (int c = 0; c < n_cond; c++) {
			struct sums s = sums_of(res[c], all ? -1 : band, -1);
			printf("%-13s %-22s %7.2f %9s %8.2f %6d %8s %7s\n", c == 0 ? label : "", names[c],
			       (double)s.right / s.answers, c == 0 ? range : "",
			       band_spearman(res[c], all ? -1 : band, -1), s.acquis,
			       share(b1, sizeof b1, s.acquis_true, s.acquis),
			       share(b2, sizeof b2, s.acquis_strict, s.acquis));
		}
	}
	for (int c = 0; c < n_cond; c++)
		printf("%-22s truly mastered pairs: %d, labelled acquis: %d (recall %s); most times one item\n"
		       "%-22s was seen by one pupil: %d\n",
		       names[c], res[c]->mastered, res[c]->mastered_acquis,
		       share(b1, sizeof b1, res[c]->mastered_acquis, res[c]->mastered), "", res[c]->max_repeat);
}

/* Per pool and condition: the success rate of each band, and the Spearman
 * over the pool's pupils. */
static void print_per_pool(const struct pool *pools, int n_pools, const char *const *names,
			   const struct result *const *res, int n_cond)
{
	printf("%-12s %-22s %-29s %8s\n", "pack", "condition", "success by band, weak to strong", "Spearman");
	for (int pl = 0; pl < n_pools; pl++)
		for (int c = 0; c < n_cond; c++) {
			char rates[64];
			size_t len = 0;
			for (int band = 0; band < N_BANDS; band++) {
				struct sums s = sums_of(res[c], band, pl);
				len += (size_t)snprintf(rates + len, sizeof rates - len, "%s%.2f", band ? " " : "",
							(double)s.right / s.answers);
			}
			printf("%-12s %-22s %-29s %8.2f\n", c == 0 ? pools[pl].name : "", names[c], rates,
			       band_spearman(res[c], -1, pl));
		}
}

/* Pooled calibration of the pool from the authored levels over the adaptive
 * answers, with the pupil's θ at the time of each answer, then with the
 * pupil's final θ on the skill: the mean distance to the true difficulties and
 * the items flagged at 1 logit from their level (none is that far in truth). */
static void calibration(const struct pool *P, const struct learner_params *prm, const struct sim_obs *obs,
			int n, const struct result *res)
{
	struct learner_obs *o = xmalloc((size_t)n * sizeof *o);
	double *b0 = xmalloc(P->n * sizeof *b0), *g = xmalloc(P->n * sizeof *g), *b = xmalloc(P->n * sizeof *b);
	int *m = xmalloc(P->n * sizeof *m);
	size_t *flagged = xmalloc(P->n * sizeof *flagged);
	double err0 = 0;
	for (size_t j = 0; j < P->n; j++) {
		b0[j] = P->v[j].b;
		g[j] = P->v[j].g;
		err0 += fabs(b0[j] - P->v[j].b_true) / (double)P->n;
	}
	printf("pooled calibration over the %d adaptive answers of %d session%s, starting from\n"
	       "the authored levels (mean |b - b_true| %.2f):\n", n, n / (N_PUPILS * SESSION),
	       n > N_PUPILS * SESSION ? "s" : "", err0);
	for (int final = 0; final < 2; final++) {
		double err = 0;
		memcpy(b, b0, P->n * sizeof *b);
		memset(m, 0, P->n * sizeof *m);
		for (int k = 0; k < n; k++) {
			o[k] = obs[k].o;
			if (final)
				o[k].theta = res->skill_theta[(size_t)obs[k].run * res->max_skills + obs[k].skill];
		}
		learner_calibrate(prm, o, (size_t)n, b, m, g, P->n);
		for (size_t j = 0; j < P->n; j++)
			err += fabs(b[j] - P->v[j].b_true) / (double)P->n;
		size_t n_flagged = learner_drift(b, b0, m, P->n, 1.0, 20, flagged);
		printf("  with %-30s mean |b - b_true| %.2f, flagged (1 logit) %zu\n",
		       final ? "the final theta on the skill:" : "theta at the time of the answer:", err, n_flagged);
	}
	free(o);
	free(b0);
	free(g);
	free(b);
	free(m);
	free(flagged);
}

/* The "acquis" rule at several confidence levels, for each run of the
 * defaults: pairs labelled, precision and recall against Bloom's criterion. */
static void print_tradeoff(const char *const *names, const struct result *const *res, int n)
{
	char b1[16], b2[16];
	printf("\n\"acquis\" with the defaults at other confidence levels (theta - z SE must predict\n"
	       ">= 0.80 on a level-2 typed item; z = 1 is the default): labelled pairs,\n"
	       "precision / recall against the truth above (ability >= %.2f)\n%-34s", log(MASTERY_P / (1 - MASTERY_P)),
	       "run");
	for (size_t z = 0; z < N_Z; z++)
		printf("     z = %-5.2f", z_levels[z]);
	printf("\n");
	for (int c = 0; c < n; c++) {
		printf("%-34s", names[c]);
		for (size_t z = 0; z < N_Z; z++)
			printf(" %4d %4s/%4s", res[c]->z_acquis[z],
			       share(b1, sizeof b1, res[c]->z_true[z], res[c]->z_acquis[z]),
			       share(b2, sizeof b2, res[c]->z_true[z], res[c]->mastered));
		printf("\n");
	}
}

/* ---- The défi as the kiosk plays it --------------------------------------- */

/* What pupils met in the lessons' défis, per ability band. */
struct kiosk_res {
	long answers[N_BANDS], right[N_BANDS];	/* first tries */
	long lessons[N_BANDS], partial[N_BANDS];	/* lessons played; steps partially reached */
	long low[N_BANDS];			/* first tries on items the pupil had < 50 % chance on */
	int stuck;				/* lessons that did not end */
};

/* Plays lesson l to its end as the kiosk would for a pupil of this ability
 * whose state is *pu: every line read, the good option of each choice, each
 * question answered by the response model (a retry after a hint too), 10 to
 * 40 s per answer. Counts the first tries into kr. */
static void play_lesson(const char *pack, const struct lesson *l, const struct learner_params *prm,
			struct learner_pupil *pu, double ability, uint32_t *rng, int64_t *now, struct kiosk_res *kr)
{
	int band = band_of(ability);
	struct runner r;
	runner_start(&r, l);
	runner_learn(&r, prm, pu);
	r.now = *now;
	int guard = 0;
	for (; guard < 5000 && r.state != RS_DONE; guard++) {
		if (r.state == RS_CHOICE) {
			const struct choice *c = &runner_scene(&r)->choice;
			size_t k = 0;
			while (k + 1 < c->n && !c->v[k].good)
				k++;
			runner_pick(&r, k);
		} else if (r.state == RS_QUESTION) {
			const struct item *it = runner_item(&r);
			double b, g;
			learner_item_params(it, &b, &g);
			double p = learner_predict(ability, b + item_jitter(pack, l, it), g);
			bool right = item_rand_unit(rng) < p;
			struct response resp;
			if (!sim_response(it, right, &resp))
				break;
			if (r.tries == 0) {
				kr->answers[band]++;
				kr->right[band] += right;
				kr->low[band] += p < 0.5;
			}
			enum verdict v = runner_answer(&r, &resp);
			*now += 10 + (int64_t)(item_rand(rng) % 31);
			r.now = *now;
			if (v == VERDICT_RIGHT || v == VERDICT_EXPLAIN)
				runner_next(&r);
		} else {
			runner_next(&r);
		}
	}
	kr->stuck += r.state != RS_DONE;
	kr->lessons[band]++;
	kr->partial[band] += r.partial_steps;
}

/* Every pupil plays every lesson of each bundle in order (their state carried
 * from lesson to lesson, a day apart, as the kiosk rebuilds it from the log):
 * adaptive with prm, or every question in the authored order when fixed. */
/* (The bundled pupil packs never say `pick: all`.) */
static void run_kiosk(struct bundle *const *bundles, int n_bundles, const struct learner_params *prm, bool fixed,
		      struct kiosk_res *kr)
{
	memset(kr, 0, sizeof *kr);
	for (int bi = 0; bi < n_bundles; bi++) {
		struct bundle *b = bundles[bi];
		const char *pack = pack_name(b);
		for (size_t k = 0; k < b->n; k++)
			for (size_t sc = 0; b->lessons[k] && sc < b->lessons[k]->n_scenes; sc++)
				b->lessons[k]->scenes[sc].pick_all = fixed;
		for (int i = 0; i < N_PUPILS; i++) {
			char key[64];
			snprintf(key, sizeof key, "%.40s: kiosk pupil %d", pack, i);
			uint32_t rng = item_seed(key);
			struct learner_pupil pu = {0};
			int64_t now = T0;
			for (size_t k = 0; k < b->n; k++) {
				if (b->lessons[k])
					play_lesson(pack, b->lessons[k], prm, &pu, ability_of(i), &rng, &now, kr);
				now += 86400;
			}
			learner_pupil_free(&pu);
		}
	}
}

/* The défis as the kiosk plays them, per band and condition. */
static void print_kiosk(struct bundle *const *bundles, int n)
{
	long lessons = 0;
	for (int k = 0; k < n; k++)
		lessons += (long)bundles[k]->n;
	struct kiosk_res kr[3];
	const char *names[3] = {"every question in order", "adaptive, ADAPTIVE.md", "adaptive, defaults"};
	run_kiosk(bundles, n, learner_defaults(), true, &kr[0]);
	run_kiosk(bundles, n, learner_design_params(), false, &kr[1]);
	run_kiosk(bundles, n, learner_defaults(), false, &kr[2]);
	printf("\n\nThe defis as the kiosk plays them: each of the %d pupils plays the %ld lessons of\n"
	       "the %d pupil packs through the real lesson runner (a pack's lessons in order, the\n"
	       "pupil's state carried from one to the next): every line, the good option of each\n"
	       "choice, each question answered by the response model above (and again after a\n"
	       "hint), 10-40 s per answer. The defi goes skill by skill over the lesson's ~15\n"
	       "questions: validation first, practice after a failure, the scene replayed, 3\n"
	       "runs at most. success: first tries right; questions: first tries per lesson;\n"
	       "partial: steps ended \"partially reached\" per lesson; P<.5: share of questions\n"
	       "the pupil had less than an even chance on.\n\n",
	       N_PUPILS, lessons, n);
	printf("%-13s %-24s %7s %9s %7s %5s\n", "band", "condition", "success", "questions", "partial", "P<.5");
	for (int band = 0; band < N_BANDS; band++)
		for (int c = 0; c < 3; c++) {
			char label[32] = "";
			if (c == 0)
				snprintf(label, sizeof label, "[%+.1f,%+.1f%c", -2 + 0.8 * band, -2 + 0.8 * (band + 1),
					 band == N_BANDS - 1 ? ']' : ')');
			printf("%-13s %-24s %7.2f %9.1f %7.2f %5.2f\n", label, names[c],
			       (double)kr[c].right[band] / (double)kr[c].answers[band],
			       (double)kr[c].answers[band] / (double)kr[c].lessons[band],
			       (double)kr[c].partial[band] / (double)kr[c].lessons[band],
			       (double)kr[c].low[band] / (double)kr[c].answers[band]);
		}
	for (int c = 0; c < 3; c++)
		if (kr[c].stuck)
			printf("%s: %d lessons did not end\n", names[c], kr[c].stuck);
}

/* The header of the bundled pool's table: what each pack holds, and why a
 * session draws from one pack. */
static void print_bundled_header(const struct pool *pools, int n_pools)
{
	printf("\n\nBundled pool: every question of the pupil packs (audience cycle2/cycle3), read\n"
	       "by the pack loader; b and g from learner_item_params (authored level, kind),\n"
	       "the item's own skill, b_true = b + jitter in [-%.1f, %.1f] as above.\n", JITTER, JITTER);
	for (int pl = 0; pl < n_pools; pl++) {
		const struct pool *P = &pools[pl];
		int lv[4] = {0};
		double g = 0;
		for (size_t j = 0; j < P->n; j++) {
			lv[P->v[j].level >= 1 && P->v[j].level <= 3 ? P->v[j].level : 0]++;
			g += P->v[j].g / (double)P->n;
		}
		printf("  %-12s %3zu questions (level 1/2/3: %d/%d/%d), %zu skills, mean g %.2f\n", P->name, P->n,
		       lv[1], lv[2], lv[3], P->n_skills, g);
	}
	printf("A session draws from one pack: %d pupils x %d packs = %d sessions of %d items,\n"
	       "each from a fresh state. The kiosk never mixes packs in a defi, and skills\n"
	       "belong to one pack, so a pupil's theta on them grows over that pack's lessons;\n"
	       "one lesson's defi pool (~15 questions over 2-4 skills) is too small for %d\n"
	       "distinct items, so the pool is the union of the lesson pools a pupil meets in\n"
	       "the pack, the selection free over the pack as on the generated pool (the\n"
	       "kiosk's skill-by-skill defi is simulated at the end). Figures are over\n"
	       "all sessions; Spearman on the final theta of each session; pool: averaged over\n"
	       "the packs. fixed: %d questions spread evenly over the pack sorted by level\n"
	       "(in the pack's order within a level), easy to hard.\n\n",
	       N_PUPILS, n_pools, N_PUPILS * n_pools, SESSION, SESSION, SESSION);
}

int main(int argc, char **argv)
{
	if (argc > 2) {
		fprintf(stderr, "usage: %s [CONTENT]\n", argv[0]);
		return 2;
	}
	const char *content = argc == 2 ? argv[1] : ABS_SRCDIR "/content";
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct pool pool;
	make_pool(&pool);
	int n_packs = 0;
	struct bundle **bundles = load_bundles(content, &n_packs);
	struct pool *packs = bundles ? pools_of(bundles, n_packs) : NULL;
	if (!packs) {
		for (int k = 0; bundles && k < n_packs; k++)
			bundle_free(bundles[k]);
		free(bundles);
		pool_free(&pool);
		return 1;
	}

	struct result fixed_res, design_res, tuned_res, long_res;
	const struct learner_params *design = learner_design_params(), *tuned = learner_defaults();
	struct sim_obs *obs = xmalloc((size_t)N_PUPILS * SESSION * sizeof *obs);
	struct sim_obs *long_obs = xmalloc((size_t)N_PUPILS * SESSION * 3 * sizeof *long_obs);
	run(&pool, 1, true, tuned, 1, &fixed_res, NULL);
	run(&pool, 1, false, design, 1, &design_res, NULL);
	run(&pool, 1, false, tuned, 1, &tuned_res, obs);
	run(&pool, 1, false, tuned, 3, &long_res, long_obs);

	printf("Adaptive practice, simulated: %d pupils of true ability evenly spread over [-2, 2],\n"
	       "%d items each from a pool of %d (20 per level 1-3, kinds mixed, %d skills of one\n"
	       "theme); answers by P = g + (1-g) sigma(ability - b_true), b_true = level - 2 +\n"
	       "jitter in [-%.1f, %.1f] (the model only knows the level); 10-40 s per answer.\n",
	       N_PUPILS, SESSION, N_ITEMS, N_SKILLS, JITTER, JITTER);
	printf("success: observed rate of right answers; pool: the rates %d distinct items of the\n"
	       "pool allow (all hardest - all easiest); Spearman: final theta (skills averaged by\n"
	       "answers) against true ability; acquis: (pupil, skill) pairs labelled acquis;\n"
	       "truly ok: share of those truly mastered, defined as: true chance of a right typed\n"
	       "answer (no guessing) to a level-2 item >= %.2f (Bloom's mastery criterion),\n"
	       "i.e. ability >= %.2f; P>=.85: share of them with that chance >= %.2f (ability\n"
	       ">= %.2f), a stricter truth. The defaults say acquis when BKT P(L) >= 0.95 and\n"
	       "theta - 1 SE predicts >= 0.80 on that item (one standard error below).\n"
	       "fixed: items 1, 4, 7 ... 58 of the pool, easy to hard, for everyone (defaults);\n"
	       "ADAPTIVE.md: its values as written; defaults: learner_defaults().\n\n",
	       SESSION, MASTERY_P, log(MASTERY_P / (1 - MASTERY_P)), STRICT_P, log(STRICT_P / (1 - STRICT_P)));
	const char *names[3] = {"fixed easy-to-hard", "adaptive, ADAPTIVE.md", "adaptive, defaults"};
	const struct result *res[3] = {&fixed_res, &design_res, &tuned_res};
	print_table(&pool, 1, names, res, 3);

	char b1[16], b2[16];
	struct sums s = sums_of(&long_res, -1, -1);
	printf("\nadaptive, defaults, after 3 sessions of %d items (a day apart): Spearman %.2f,\n"
	       "acquis %d, truly ok %s, recall %s\n",
	       SESSION, band_spearman(&long_res, -1, -1), s.acquis, share(b1, sizeof b1, s.acquis_true, s.acquis),
	       share(b2, sizeof b2, long_res.mastered_acquis, long_res.mastered));

	printf("\n");
	calibration(&pool, tuned, obs, N_PUPILS * SESSION, &tuned_res);
	calibration(&pool, tuned, long_obs, N_PUPILS * SESSION * 3, &long_res);

	struct result pk_fixed, pk_design, pk_tuned;
	run(packs, n_packs, true, tuned, 1, &pk_fixed, NULL);
	run(packs, n_packs, false, design, 1, &pk_design, NULL);
	run(packs, n_packs, false, tuned, 1, &pk_tuned, NULL);
	print_bundled_header(packs, n_packs);
	const struct result *pk_res[3] = {&pk_fixed, &pk_design, &pk_tuned};
	print_table(packs, n_packs, names, pk_res, 3);
	printf("\n");
	print_per_pool(packs, n_packs, names, pk_res, 3);

	const char *t_names[3] = {"generated pool, 1 session", "generated pool, 3 sessions", "bundled packs, 1 session"};
	const struct result *t_res[3] = {&tuned_res, &long_res, &pk_tuned};
	print_tradeoff(t_names, t_res, 3);

	print_kiosk(bundles, n_packs);

	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("\nrun time: %.2f s\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);

	const struct result *all[] = {&fixed_res, &design_res, &tuned_res, &long_res, &pk_fixed, &pk_design, &pk_tuned};
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
		result_free((struct result *)all[k]);
	free(obs);
	free(long_obs);
	for (int k = 0; k < n_packs; k++) {
		pool_free(&packs[k]);
		bundle_free(bundles[k]);
	}
	free(packs);
	free(bundles);
	pool_free(&pool);
	return 0;
}
