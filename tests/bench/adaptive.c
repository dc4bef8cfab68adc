/* adaptive.c — `make bench`: the adaptive practice against simulated pupils.
 *
 * 1000 pupils of true ability spread evenly over [-2, 2] answer 20 items each
 * from a pool of 60 (20 per level 1..3, kinds mixed so that guessing varies,
 * three skills of one theme). A pupil answers right with the chance given by
 * the model's own response model, P = g + (1 - g) σ(ability - b_true), where
 * b_true = level - 2 plus a jitter the model does not know (it only sees the
 * authored level, through learner_item_params). Items are chosen by the real
 * selection (learner_select, learner_target) and the real updates
 * (learner_pupil_answer), with 10 to 40 simulated seconds per answer; the
 * baseline asks the same 20 items in a fixed easy-to-hard order to everyone.
 *
 * Printed per ability band: the observed success rate, the Spearman
 * correlation of final θ with true ability, and how many (pupil, skill) pairs
 * end labelled "acquis" with the share of them truly mastered; then the same
 * after three sessions, and the pooled calibration of item difficulties from
 * the simulated answers. Seeded: the figures are the same on every run.
 * Usage: tests/bench/adaptive */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/item.h"
#include "core/learner.h"

#define N_PUPILS 1000
#define N_ITEMS 60
#define N_SKILLS 3
#define SESSION 20
#define N_BANDS 5
#define T0 1700000000

/* "Truly mastered": the true chance of a right typed answer (no guessing) to a
 * level-2 item (b = 0) is at least this. NEAR_P: a near miss. */
#define MASTERY_P 0.85
#define NEAR_P 0.75

static const char *const skills[N_SKILLS] = {"donnees/formulaires", "donnees/traces", "donnees/pseudos"};

struct sim_item {
	struct item it;		/* kind, level, options: what the model sees */
	double b_true;		/* level - 2 + jitter: what the pupils answer by */
	double b, g;		/* the model's parameters, from learner_item_params */
	int skill;
};

/* What one condition gives over all pupils. */
struct result {
	double theta[N_PUPILS];		/* final θ, averaged over skills by answers */
	double skill_theta[N_PUPILS][N_SKILLS];	/* final θ per skill */
	int answers[N_BANDS], right[N_BANDS];
	int acquis[N_BANDS], acquis_true[N_BANDS];	/* pairs labelled acquis; truly mastered */
	int acquis_near[N_BANDS];			/* labelled acquis, true P >= NEAR_P */
	int mastered, mastered_acquis;			/* truly mastered pairs; labelled acquis */
	int max_repeat;					/* most times one pupil saw one item */
};

static struct str option_text[ITEM_MAX_OPTIONS];

/* The pool: per level, a cycle of ten kinds (single of 3 or 4 options, true/false,
 * multiple, typed text, order, match), skills in turn, a jitter of ±0.3 on b. */
static void make_pool(struct sim_item *pool)
{
	static const struct {
		enum item_kind kind;
		size_t options;
	} cycle[10] = {
		{ITEM_SINGLE, 3}, {ITEM_TRUEFALSE, 0}, {ITEM_MULTIPLE, 4}, {ITEM_SINGLE, 4}, {ITEM_TEXT, 0},
		{ITEM_TRUEFALSE, 0}, {ITEM_SINGLE, 3}, {ITEM_ORDER, 4}, {ITEM_SINGLE, 4}, {ITEM_MATCH, 0},
	};
	uint32_t rng = item_seed("pool");
	for (int i = 0; i < N_ITEMS; i++) {
		struct sim_item *s = &pool[i];
		memset(s, 0, sizeof *s);
		s->it.level = 1 + i / 20;
		s->it.kind = cycle[i % 10].kind;
		s->it.options.v = option_text;
		s->it.options.n = cycle[i % 10].options;
		s->skill = (i + i / 20) % N_SKILLS;
		learner_item_params(&s->it, &s->b, &s->g);
		s->b_true = s->b + (item_rand_unit(&rng) * 0.6 - 0.3);
	}
}

/* Band (0..4) of an ability in [-2, 2]. */
static int band_of(double ability)
{
	int k = (int)floor((ability + 2) / 4 * N_BANDS);
	return k < 0 ? 0 : k >= N_BANDS ? N_BANDS - 1 : k;
}

static double ability_of(int pupil)
{
	return -2.0 + 4.0 * pupil / (N_PUPILS - 1);
}

/* Ranks of v[0..n-1] (1-based, ties get their mean rank) into r. */
static void ranks(const double *v, int n, double *r)
{
	int *idx = malloc((size_t)n * sizeof *idx);
	for (int i = 0; i < n; i++)
		idx[i] = i;
	for (int i = 1; i < n; i++)	/* insertion sort: n is small */
		for (int j = i; j > 0 && v[idx[j - 1]] > v[idx[j]]; j--) {
			int t = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
	for (int i = 0; i < n;) {
		int j = i;
		while (j + 1 < n && v[idx[j + 1]] == v[idx[i]])
			j++;
		for (int k = i; k <= j; k++)
			r[idx[k]] = (i + j) / 2.0 + 1;
		i = j + 1;
	}
	free(idx);
}

/* Spearman correlation of x and y (n values): Pearson on the ranks. */
static double spearman(const double *x, const double *y, int n)
{
	double *rx = malloc((size_t)n * sizeof *rx), *ry = malloc((size_t)n * sizeof *ry);
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

/* An answer for the pooled calibration, with who gave it on which skill. */
struct sim_obs {
	struct learner_obs o;	/* θ: the pupil's θ on the skill just before */
	int pupil, skill;
};

/* Runs every pupil through one condition: adaptive with prm, or the fixed order
 * (of `session` items); `sessions` sessions a day apart. When obs is not NULL,
 * every answer goes there (room for N_PUPILS * SESSION * sessions). */
static void run(const struct sim_item *pool, const int *fixed, const struct learner_params *prm, int sessions,
		struct result *res, struct sim_obs *obs)
{
	size_t n_obs = 0;
	memset(res, 0, sizeof *res);
	double mastery_theta = log(MASTERY_P / (1 - MASTERY_P)), near_theta = log(NEAR_P / (1 - NEAR_P));
	for (int i = 0; i < N_PUPILS; i++) {
		double ability = ability_of(i);
		int band = band_of(ability);
		char key[32];
		snprintf(key, sizeof key, "pupil %d", i);
		uint32_t rng = item_seed(key);	/* answers and durations */
		uint32_t ties = item_seed(key) ^ 0x9e3779b9u;
		struct learner_pupil pu = {0};
		struct learner_cand cand[N_ITEMS];
		int seen[N_ITEMS] = {0};
		int64_t last_seen[N_ITEMS] = {0}, now = T0;
		int last = -1;
		for (int k = 0; k < SESSION * sessions; k++) {
			int idx = fixed ? fixed[k % SESSION] : -1;
			if (k > 0 && k % SESSION == 0)
				now += 86400;
			if (!fixed) {
				for (int j = 0; j < N_ITEMS; j++)
					cand[j] = (struct learner_cand){
						skills[pool[j].skill], pool[j].b, pool[j].g,
						learner_pupil_theta(&pu, skills[pool[j].skill]), seen[j], last_seen[j]};
				double target = learner_target(prm, learner_recent_rate(prm, &pu.recent));
				idx = learner_select(prm, cand, N_ITEMS, NULL, target, now, last, &ties);
			}
			const struct sim_item *s = &pool[idx];
			bool correct = item_rand_unit(&rng) < learner_predict(ability, s->b_true, s->g);
			struct learner_step st = learner_pupil_answer(prm, &pu, skills[s->skill], s->b, s->g, correct);
			if (obs)
				obs[n_obs++] = (struct sim_obs){{(size_t)idx, st.theta_before, correct}, i, s->skill};
			now += 10 + (int64_t)(item_rand(&rng) % 31);
			seen[idx]++;
			last_seen[idx] = now;
			last = idx;
			res->answers[band]++;
			res->right[band] += correct;
			if (seen[idx] > res->max_repeat)
				res->max_repeat = seen[idx];
		}
		double sum = 0;
		int n = 0;
		bool mastered = ability >= mastery_theta, near = ability >= near_theta;
		for (size_t k = 0; k < pu.n; k++) {
			sum += pu.v[k].s.theta * pu.v[k].s.n;
			n += pu.v[k].s.n;
			bool acq = learner_label(prm, &pu.v[k].s) == LEARNER_ACQUIRED;
			res->acquis[band] += acq;
			res->acquis_true[band] += acq && mastered;
			res->acquis_near[band] += acq && near;
			res->mastered += mastered;
			res->mastered_acquis += mastered && acq;
		}
		res->theta[i] = n ? sum / n : 0;
		for (int k = 0; k < N_SKILLS; k++)
			res->skill_theta[i][k] = learner_pupil_theta(&pu, skills[k]);
		learner_pupil_free(&pu);
	}
}

/* Spearman of θ with ability over the pupils of one band, or all (band < 0). */
static double band_spearman(const struct result *r, int band)
{
	double th[N_PUPILS], ab[N_PUPILS];
	int n = 0;
	for (int i = 0; i < N_PUPILS; i++)
		if (band < 0 || band_of(ability_of(i)) == band) {
			th[n] = r->theta[i];
			ab[n++] = ability_of(i);
		}
	return spearman(th, ab, n);
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

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The success rates the pool allows a band's pupils over SESSION distinct items:
 * the mean true chance on the SESSION hardest (*lo) and easiest (*hi) items. */
static void pool_range(const struct sim_item *pool, int band, double *lo, double *hi)
{
	double p[N_ITEMS], sum_lo = 0, sum_hi = 0;
	int n = 0;
	for (int i = 0; i < N_PUPILS; i++) {
		if (band >= 0 && band_of(ability_of(i)) != band)
			continue;
		for (int j = 0; j < N_ITEMS; j++)
			p[j] = learner_predict(ability_of(i), pool[j].b_true, pool[j].g);
		qsort(p, N_ITEMS, sizeof *p, cmp_double);
		for (int j = 0; j < SESSION; j++) {
			sum_lo += p[j] / SESSION;
			sum_hi += p[N_ITEMS - 1 - j] / SESSION;
		}
		n++;
	}
	*lo = sum_lo / n;
	*hi = sum_hi / n;
}

/* One table: a line per band and condition, then all pupils. */
static void print_table(const struct sim_item *pool, const char *const *names, const struct result *const *res,
			int n_cond)
{
	char b1[16], b2[16], range[32];
	printf("%-13s %-22s %7s %9s %8s %6s %8s %7s\n", "band", "condition", "success", "pool", "Spearman",
	       "acquis", "truly ok", "P>=.75");
	for (int band = 0; band <= N_BANDS; band++) {
		bool all = band == N_BANDS;
		char label[32];
		if (all)
			snprintf(label, sizeof label, "all");
		else
			snprintf(label, sizeof label, "[%+.1f,%+.1f%c", -2 + 0.8 * band, -2 + 0.8 * (band + 1),
				 band == N_BANDS - 1 ? ']' : ')');
		double lo, hi;
		pool_range(pool, all ? -1 : band, &lo, &hi);
		snprintf(range, sizeof range, "%.2f-%.2f", lo, hi);
		for (int c = 0; c < n_cond; c++) {
			const struct result *r = res[c];
			int ans = 0, right = 0, acq = 0, acq_true = 0, acq_near = 0;
			for (int k = 0; k < N_BANDS; k++)
				if (all || k == band) {
					ans += r->answers[k];
					right += r->right[k];
					acq += r->acquis[k];
					acq_true += r->acquis_true[k];
					acq_near += r->acquis_near[k];
				}
			printf("%-13s %-22s %7.2f %9s %8.2f %6d %8s %7s\n", c == 0 ? label : "", names[c],
			       (double)right / ans, c == 0 ? range : "", band_spearman(r, all ? -1 : band), acq,
			       share(b1, sizeof b1, acq_true, acq), share(b2, sizeof b2, acq_near, acq));
		}
	}
	for (int c = 0; c < n_cond; c++)
		printf("%-22s truly mastered pairs: %d, labelled acquis: %d (recall %s); most times one item\n"
		       "%-22s was seen by one pupil: %d\n",
		       names[c], res[c]->mastered, res[c]->mastered_acquis,
		       share(b1, sizeof b1, res[c]->mastered_acquis, res[c]->mastered), "", res[c]->max_repeat);
}

/* Sums of a result over all bands: acquis, truly mastered among them. */
static void totals(const struct result *r, int *acq, int *acq_true)
{
	*acq = *acq_true = 0;
	for (int k = 0; k < N_BANDS; k++) {
		*acq += r->acquis[k];
		*acq_true += r->acquis_true[k];
	}
}

/* Pooled calibration from the authored levels over the adaptive answers, with
 * the pupil's θ at the time of each answer, then with the pupil's final θ on
 * the skill: the mean distance to the true difficulties and the items flagged
 * at 1 logit from their level (none is that far in truth). */
static void calibration(const struct sim_item *pool, const struct learner_params *prm, const struct sim_obs *obs,
			int n, const struct result *res)
{
	static struct learner_obs o[N_PUPILS * SESSION * 3];
	double b0[N_ITEMS], g[N_ITEMS], err0 = 0;
	for (int j = 0; j < N_ITEMS; j++) {
		b0[j] = pool[j].b;
		g[j] = pool[j].g;
		err0 += fabs(b0[j] - pool[j].b_true) / N_ITEMS;
	}
	printf("pooled calibration over the %d adaptive answers of %d session%s, starting from\n"
	       "the authored levels (mean |b - b_true| %.2f):\n", n, n / (N_PUPILS * SESSION),
	       n > N_PUPILS * SESSION ? "s" : "", err0);
	for (int final = 0; final < 2; final++) {
		double b[N_ITEMS], err = 0;
		int m[N_ITEMS] = {0};
		memcpy(b, b0, sizeof b);
		for (int k = 0; k < n; k++) {
			o[k] = obs[k].o;
			if (final)
				o[k].theta = res->skill_theta[obs[k].pupil][obs[k].skill];
		}
		learner_calibrate(prm, o, (size_t)n, b, m, g, N_ITEMS);
		for (int j = 0; j < N_ITEMS; j++)
			err += fabs(b[j] - pool[j].b_true) / N_ITEMS;
		size_t flagged[N_ITEMS];
		size_t n_flagged = learner_drift(b, b0, m, N_ITEMS, 1.0, 20, flagged);
		printf("  with %-30s mean |b - b_true| %.2f, flagged (1 logit) %zu\n",
		       final ? "the final theta on the skill:" : "theta at the time of the answer:", err, n_flagged);
	}
}

int main(void)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	static struct sim_item pool[N_ITEMS];
	make_pool(pool);
	/* the baseline: every third item of the pool, level 1 first */
	int fixed[SESSION];
	for (int k = 0; k < SESSION; k++)
		fixed[k] = 3 * k;

	static struct result fixed_res, design_res, tuned_res, long_res;
	const struct learner_params *design = learner_design_params(), *tuned = learner_defaults();
	static struct sim_obs obs[N_PUPILS * SESSION], long_obs[N_PUPILS * SESSION * 3];
	run(pool, fixed, tuned, 1, &fixed_res, NULL);
	run(pool, NULL, design, 1, &design_res, NULL);
	run(pool, NULL, tuned, 1, &tuned_res, obs);
	run(pool, NULL, tuned, 3, &long_res, long_obs);

	printf("Adaptive practice, simulated: %d pupils of true ability evenly spread over [-2, 2],\n"
	       "%d items each from a pool of %d (20 per level 1-3, kinds mixed, %d skills of one\n"
	       "theme); answers by P = g + (1-g) sigma(ability - b_true), b_true = level - 2 +\n"
	       "jitter in [-0.3, 0.3] (the model only knows the level); 10-40 s per answer.\n",
	       N_PUPILS, SESSION, N_ITEMS, N_SKILLS);
	printf("success: observed rate of right answers; pool: the rates %d distinct items of the\n"
	       "pool allow (all hardest - all easiest); Spearman: final theta (skills averaged by\n"
	       "answers) against true ability; acquis: (pupil, skill) pairs labelled acquis;\n"
	       "truly ok: share of those truly mastered, defined as: true chance of a right typed\n"
	       "answer (no guessing) to a level-2 item >= %.2f, i.e. ability >= %.2f;\n"
	       "P>=.75: share of them with that chance >= %.2f (ability >= %.2f).\n"
	       "fixed: items 1, 4, 7 ... 58 of the pool, easy to hard, for everyone (defaults);\n"
	       "ADAPTIVE.md: its values as written; defaults: learner_defaults().\n\n",
	       SESSION, MASTERY_P, log(MASTERY_P / (1 - MASTERY_P)), NEAR_P, log(NEAR_P / (1 - NEAR_P)));
	const char *names[3] = {"fixed easy-to-hard", "adaptive, ADAPTIVE.md", "adaptive, defaults"};
	const struct result *res[3] = {&fixed_res, &design_res, &tuned_res};
	print_table(pool, names, res, 3);

	int acq, acq_true;
	totals(&long_res, &acq, &acq_true);
	char b1[16], b2[16];
	printf("\nadaptive, defaults, after 3 sessions of %d items (a day apart): Spearman %.2f,\n"
	       "acquis %d, truly ok %s, recall %s\n",
	       SESSION, band_spearman(&long_res, -1), acq, share(b1, sizeof b1, acq_true, acq),
	       share(b2, sizeof b2, long_res.mastered_acquis, long_res.mastered));

	printf("\n");
	calibration(pool, tuned, obs, N_PUPILS * SESSION, &tuned_res);
	calibration(pool, tuned, long_obs, N_PUPILS * SESSION * 3, &long_res);

	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("\nrun time: %.2f s\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
