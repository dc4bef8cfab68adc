/* t_defi.c — a step of a défi, "test first, then train": every path ends, and
 * ends the right way. */
#include "config.h"

#include "../tap.h"
#include "core/defi.h"
#include "core/item.h"

#define N 8

/* Candidates of skill s/a at θ 0, and one of another skill. */
static void candidates(struct learner_cand *c)
{
	for (int i = 0; i < N; i++)
		c[i] = (struct learner_cand){i == N - 1 ? "s/b" : "s/a", -1.5 + 0.4 * i, 0, 0, 0, 0};
}

/* Plays a step with settings prm, answering by the pattern (bit i: answer i right; beyond the
 * pattern, wrong); writes the actions into acts. Returns the number of
 * defi_next calls until the end (or limit). */
static int play(const struct learner_params *prm, const char *pattern, enum defi_action *acts, int *items,
		bool *valid, int limit, struct defi *d)
{
	struct learner_cand c[N];
	candidates(c);
	uint32_t rng = item_seed("defi");
	defi_start(d);
	int k = 0, answers = 0;
	int64_t now = 1000;
	while (k < limit) {
		struct defi_next nx = defi_next(d, prm, c, N, "s/a", 0.75, now, &rng);
		acts[k] = nx.action;
		items[k] = nx.item;
		valid[k] = nx.validation;
		k++;
		if (nx.action == DEFI_STEP_REACHED || nx.action == DEFI_STEP_PARTIAL)
			break;
		if (nx.action == DEFI_ASK) {
			bool right = pattern[answers] == '1';
			if (pattern[answers])
				answers++;
			c[nx.item].seen++;
			c[nx.item].last_seen = now;
			defi_answer(d, right);
		}
		now += 20;
	}
	return k;
}

int main(void)
{
	struct tap tap = {0}, *t = &tap;
	struct defi d;
	/* the défi's structure, with every question within reach */
	const struct learner_params *dp = learner_design_params();
	enum defi_action a[64];
	int it[64];
	bool v[64];

	int k = play(dp, "1", a, it, v, 64, &d);
	ok(t, k == 2 && a[0] == DEFI_ASK && v[0] && a[1] == DEFI_STEP_REACHED,
	   "right at once: one validation question, then the step is reached");
	is_int(t, d.n_asked, 1, "one question asked");

	k = play(dp, "", a, it, v, 64, &d);
	/* V P P P R V P P P R V end */
	enum defi_action want[] = {DEFI_ASK, DEFI_ASK, DEFI_ASK, DEFI_ASK, DEFI_REPLAY_SCENE,
				   DEFI_ASK, DEFI_ASK, DEFI_ASK, DEFI_ASK, DEFI_REPLAY_SCENE,
				   DEFI_ASK, DEFI_STEP_PARTIAL};
	bool same = k == 12;
	for (int i = 0; same && i < 12; i++)
		same = a[i] == want[i];
	ok(t, same, "all wrong: validation, 3 practice, scene, twice, then a last validation and partial (%d)", k);
	ok(t, v[0] && !v[1] && !v[2] && !v[3] && v[5] && v[10], "validation questions are marked as such");
	is_int(t, d.run, 3, "three runs");
	is_int(t, d.n_asked, 9, "nine questions at most");
	bool never_twice = true, skill_ok = true;
	int prev = -1;
	for (int i = 0; i < k; i++)
		if (a[i] == DEFI_ASK) {
			never_twice = never_twice && it[i] != prev;
			skill_ok = skill_ok && it[i] != N - 1;
			prev = it[i];
		}
	ok(t, never_twice, "never the same question twice in a row");
	ok(t, skill_ok, "only questions of the step's skill");

	k = play(dp, "0111", a, it, v, 64, &d);
	ok(t, k == 6 && a[3] == DEFI_REPLAY_SCENE && v[4] && a[5] == DEFI_STEP_REACHED,
	   "wrong, then 2 right practice questions: scene, then right: reached in run 2");
	k = play(dp, "01011", a, it, v, 64, &d);
	ok(t, k == 7 && a[3] == DEFI_ASK && !v[3] && a[4] == DEFI_REPLAY_SCENE && v[5] && a[6] == DEFI_STEP_REACHED,
	   "a wrong practice question brings a third one");

	/* an answer is waited for: asking again gives the same question */
	struct learner_cand c[N];
	candidates(c);
	uint32_t rng = item_seed("again");
	defi_start(&d);
	ok(t, !defi_answer(&d, true), "no answer before a question");
	struct defi_next n1 = defi_next(&d, NULL, c, N, "s/a", 0.75, 0, &rng);
	struct defi_next n2 = defi_next(&d, NULL, c, N, "s/a", 0.75, 0, &rng);
	ok(t, n1.action == DEFI_ASK && n2.action == DEFI_ASK && n1.item == n2.item,
	   "the question waiting for an answer is asked again");
	ok(t, defi_answer(&d, true) && !defi_answer(&d, true), "one answer per question");
	n1 = defi_next(&d, NULL, c, N, "s/a", 0.75, 0, &rng);
	is_int(t, n1.action, DEFI_STEP_REACHED, "then reached, and it stays so");

	/* no question of the skill: the step cannot be validated, the teacher sees it */
	defi_start(&d);
	n1 = defi_next(&d, NULL, c, N, "s/none", 0.75, 0, &rng);
	is_int(t, n1.action, DEFI_STEP_PARTIAL, "no question for the skill: partial at once");
	/* a single question: no practice, the scene, the same question again */
	defi_start(&d);
	n1 = defi_next(&d, NULL, c, N, "s/b", 0.75, 0, &rng);
	defi_answer(&d, false);
	n2 = defi_next(&d, NULL, c, N, "s/b", 0.75, 0, &rng);
	struct defi_next n3 = defi_next(&d, NULL, c, N, "s/b", 0.75, 0, &rng);
	ok(t, n1.item == N - 1 && n2.action == DEFI_REPLAY_SCENE && n3.action == DEFI_ASK && n3.item == N - 1,
	   "a single question: scene, then the same question again");

	/* never stuck: random answers, random pools, always ends within 12 steps */
	bool ended = true;
	int most = 0;
	for (int s = 0; s < 2000; s++) {
		char pat[16];
		uint32_t r = (uint32_t)s * 2654435761u + 1;
		for (int i = 0; i < 15; i++)
			pat[i] = item_rand(&r) % 3 ? '0' : '1';
		pat[15] = 0;
		k = play(dp, pat, a, it, v, 64, &d);
		ended = ended && d.phase == DEFI_END && (a[k - 1] == DEFI_STEP_REACHED || a[k - 1] == DEFI_STEP_PARTIAL);
		most = k > most ? k : most;
	}
	ok(t, ended, "2000 random answer sequences all end");
	ok(t, most <= 12, "in at most 12 actions (longest: %d)", most);

	/* the defaults: no question under 50 % predicted success while there are
	 * others, and practice never asks again what was asked in the last 2 min */
	const struct learner_params *p = learner_defaults();
	k = play(p, "", a, it, v, 64, &d);
	bool reach = true, fresh = true, ends = d.phase == DEFI_END && a[k - 1] == DEFI_STEP_PARTIAL;
	for (int i = 0; i < k; i++)
		if (a[i] == DEFI_ASK) {
			reach = reach && -1.5 + 0.4 * it[i] <= 0;	/* θ 0, typed: P >= 0.5 iff b <= 0 */
			for (int j = 0; j < i && !v[i]; j++)
				fresh = fresh && !(a[j] == DEFI_ASK && it[j] == it[i] && (i - j) * 20 < 120);
		}
	ok(t, reach, "all wrong: every question asked has P >= 0.5 (4 of the 7 are)");
	ok(t, fresh, "no practice question asked again within 2 minutes");
	ok(t, ends, "and the step still ends partially reached (%d actions)", k);
	/* a weak pupil with one question within reach: after it, the scene */
	struct learner_cand w[4] = {
		{"s/a", -3.5, 0, -2, 0, 0},	/* P = 0.82 */
		{"s/a", 0, 0, -2, 0, 0},	/* P = 0.12 */
		{"s/a", 0.5, 0, -2, 0, 0},
		{"s/a", 1, 0, -2, 0, 0},
	};
	defi_start(&d);
	n1 = defi_next(&d, p, w, 4, "s/a", 0.9, 100, &rng);
	defi_answer(&d, false);
	w[n1.item].seen = 1;
	w[n1.item].last_seen = 100;
	n2 = defi_next(&d, p, w, 4, "s/a", 0.9, 120, &rng);
	ok(t, n1.action == DEFI_ASK && n1.item == 0, "a weak pupil's validation: the question within reach");
	ok(t, n2.action == DEFI_REPLAY_SCENE, "wrong, and no other within reach: the scene that explains, not a hard one");
	n3 = defi_next(&d, p, w, 4, "s/a", 0.9, 200, &rng);
	ok(t, n3.action == DEFI_ASK && n3.item == 0 && n3.validation,
	   "after the scene, the validation takes the question within reach again");
	defi_answer(&d, false);
	w[0].seen = 2;
	w[0].last_seen = 200;
	w[0].b = 2;	/* now nothing is within reach */
	defi_next(&d, p, w, 4, "s/a", 0.9, 220, &rng);	/* the scene */
	struct defi_next n4 = defi_next(&d, p, w, 4, "s/a", 0.9, 300, &rng);
	ok(t, n4.action == DEFI_ASK && n4.validation && n4.item != 0,
	   "with none within reach, a validation question is still asked (%d): the step can end", n4.item);
	is_int(t, learner_design_params()->practice_floor, 0, "ADAPTIVE.md has no floor");
	return tap_done(t);
}
