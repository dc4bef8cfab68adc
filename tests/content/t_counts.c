/* t_counts.c — the bundled French packs hold what the issue asks for: each
 * pupil pack (cycle2, cycle3) at least 4 episodes and 40 questions, 10 at each
 * of levels 1 to 3, the 6 kinds, 6 reflex questions, complete teacher notes
 * (objective, CRCN, outline, 3 debate questions, resources), a catch-phrase
 * and a recap in every episode, a skill and a CRCN code on every question;
 * the atelier pack (adults) at least 3 modules and 25 questions. The figures
 * come from the loaded model (core/stats.c, as `declic stats` prints them).
 *
 *   t_counts [LANGUAGE-FOLDER]      default: $top_srcdir/content/fr
 *
 * The goals are first tried on tests/data/good/mini, which must fall short of
 * exactly the goals it is known to miss. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tap.h"
#include "core/stats.h"
#include "pack/bundle.h"
#include "xalloc.h"

/* What a pupil pack and the atelier pack must hold. */
#define PUPIL_EPISODES 4
#define PUPIL_ITEMS 40
#define PUPIL_PER_LEVEL 10
#define PUPIL_REFLEX 6
#define EPISODE_DEBATE 3
#define ATELIER_MODULES 3
#define ATELIER_ITEMS 25

/* A goal: its name, the figure and the least it may be (or, for a yes/no
 * goal, got is 1 for yes and least is 1). */
struct goal {
	char *name;
	size_t got, least;
	bool yes_no;
};

struct goals {
	struct goal *v;
	size_t n, cap;
};

/* Add a goal. */
static void goal(struct goals *g, size_t got, size_t least, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void goal(struct goals *g, size_t got, size_t least, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *name = NULL;
	if (vasprintf(&name, fmt, ap) < 0)
		name = xstrdup("?");
	va_end(ap);
	g->v = xgrow(g->v, &g->cap, g->n + 1, sizeof *g->v);
	g->v[g->n++] = (struct goal){name, got, least, false};
}

/* Add a yes/no goal. */
static void must(struct goals *g, bool yes, const char *name)
{
	goal(g, yes, 1, "%s", name);
	g->v[g->n - 1].yes_no = true;
}

static void goals_free(struct goals *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].name);
	free(g->v);
	memset(g, 0, sizeof *g);
}

/* Every episode's own goals: notes, catch-phrase, recap, tags. */
static void episode_goals(struct goals *g, const struct pack_stats *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct lesson_stats *ls = &s->v[i];
		const char *id = ls->lesson->id.s ? ls->lesson->id.s : "?";
		goal(g, ls->objective, 1, "episode %s: teacher objective", id);
		goal(g, ls->notes_crcn, 1, "episode %s: teacher CRCN", id);
		goal(g, ls->outline, 1, "episode %s: session outline steps", id);
		goal(g, ls->debate, EPISODE_DEBATE, "episode %s: debate questions", id);
		goal(g, ls->resources, 1, "episode %s: resources", id);
		goal(g, ls->catchphrase, 1, "episode %s: catch-phrase", id);
		goal(g, ls->recap, 1, "episode %s: recap lines", id);
		char *tags = xasprintf("episode %s: every question has a skill and a CRCN code", id);
		must(g, ls->untagged == 0, tags);
		free(tags);
	}
}

/* The goals of a pack for its audience. */
static void pack_goals(struct goals *g, const struct pack_stats *s)
{
	const char *aud = s->pack->audience.s ? s->pack->audience.s : "";
	const struct lesson_stats *t = &s->total;
	must(g, s->unreadable == 0, "every lesson file can be read");
	if (!strcmp(aud, "adults")) {
		goal(g, s->n, ATELIER_MODULES, "modules");
		goal(g, t->items, ATELIER_ITEMS, "questions");
		return;
	}
	goal(g, s->n, PUPIL_EPISODES, "episodes");
	goal(g, t->items, PUPIL_ITEMS, "questions");
	for (int l = 1; l <= 3; l++)
		goal(g, t->by_level[l], PUPIL_PER_LEVEL, "questions of level %d", l);
	for (int k = 0; k < STATS_KINDS; k++)
		goal(g, t->by_kind[k], 1, "questions of kind %s", item_kind_name((enum item_kind)k));
	goal(g, t->reflex, PUPIL_REFLEX, "reflex questions");
	episode_goals(g, s);
}

/* Load a pack and count it; NULL if its manifest cannot be read. *problems
 * receives the number of load and check errors. */
static struct bundle *count(const char *dir, struct pack_stats *s, size_t *problems)
{
	struct diags d = {0};
	struct bundle *b = bundle_load(dir, &d);
	*problems = d.n;
	for (size_t i = 0; i < d.n; i++)
		printf("#   %s:%u:%u: %s\n", d.v[i].file ? d.v[i].file : "?", d.v[i].at.line,
		       d.v[i].at.col, d.v[i].msg);
	diag_free(&d);
	if (b)
		stats_count(s, b->pack, b->lessons, b->n);
	return b;
}

/* The goals must be missed on the mini pack exactly where it falls short. */
static void self_check(struct tap *t, const char *src)
{
	char *dir = xasprintf("%s/tests/data/good/mini", src);
	struct pack_stats s;
	size_t problems;
	struct bundle *b = count(dir, &s, &problems);
	free(dir);
	if (!ok(t, b != NULL, "the mini pack loads"))
		return;
	struct goals g = {0};
	pack_goals(&g, &s);
	static const char *const misses[] = {"episodes", "questions", "questions of level 1",
					     "questions of level 2", "questions of level 3",
					     "reflex questions", "episode lecon: debate questions"};
	size_t n_miss = sizeof misses / sizeof misses[0], missed = 0;
	bool right = true;
	for (size_t i = 0; i < g.n; i++) {
		bool miss = g.v[i].got < g.v[i].least, want = false;
		for (size_t k = 0; k < n_miss; k++)
			want = want || !strcmp(g.v[i].name, misses[k]);
		missed += miss;
		if (miss != want) {
			printf("#   %s: %zu (at least %zu)\n", g.v[i].name, g.v[i].got, g.v[i].least);
			right = false;
		}
	}
	ok(t, right && missed == n_miss,
	   "the goals catch what the mini pack lacks: 1 episode, 6 questions, 3/3/0 by level, "
	   "no reflex question, 1 debate question");
	is_int(t, s.total.by_kind[ITEM_MATCH] + s.total.by_kind[ITEM_ORDER], 2,
	       "the mini pack's kinds are counted (one order, one match)");
	goals_free(&g);
	stats_free(&s);
	bundle_free(b);
}

/* Compare names, for a stable order. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	struct tap t = {0};
	const char *src = getenv("top_srcdir") ? getenv("top_srcdir") : ABS_SRCDIR;
	char *root = argc > 1 ? xstrdup(argv[1]) : xasprintf("%s/content/fr", src);
	self_check(&t, src);

	/* The packs of the language folder, in name order. */
	DIR *dp = opendir(root);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL) {
		char *sub = xasprintf("%s/%s/pack.yaml", root, e->d_name);
		if (e->d_name[0] != '.' && access(sub, F_OK) == 0) {
			names = xgrow(names, &cap, n + 1, sizeof *names);
			names[n++] = xasprintf("%s/%s", root, e->d_name);
		}
		free(sub);
	}
	if (dp)
		closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);

	size_t pupil = 0, adults = 0;
	for (size_t i = 0; i < n; i++) {
		struct pack_stats s;
		size_t problems;
		struct bundle *b = count(names[i], &s, &problems);
		if (!ok(&t, b != NULL, "%s: the manifest can be read", names[i]))
			continue;
		const char *id = b->pack->id.s ? b->pack->id.s : names[i];
		const char *aud = b->pack->audience.s ? b->pack->audience.s : "?";
		bool adult = !strcmp(aud, "adults");
		adults += adult;
		pupil += !adult;
		const struct lesson_stats *tt = &s.total;
		printf("# %s (%s): %zu %s, %zu questions (levels 1-3: %zu/%zu/%zu), reflex %zu, "
		       "kinds", id, aud, s.n, adult ? "modules" : "episodes", tt->items,
		       tt->by_level[1], tt->by_level[2], tt->by_level[3], tt->reflex);
		for (int k = 0; k < STATS_KINDS; k++)
			printf(" %s:%zu", item_kind_name((enum item_kind)k), tt->by_kind[k]);
		printf("\n");
		is_int(&t, problems, 0, "%s: loads and checks without error", id);
		struct goals g = {0};
		pack_goals(&g, &s);
		for (size_t k = 0; k < g.n; k++) {
			/* Episode goals are gathered into one test line per pack. */
			if (!strncmp(g.v[k].name, "episode ", 8))
				continue;
			if (g.v[k].yes_no)
				ok(&t, g.v[k].got >= g.v[k].least, "%s: %s", id, g.v[k].name);
			else
				ok(&t, g.v[k].got >= g.v[k].least, "%s: %zu %s (at least %zu)", id,
				   g.v[k].got, g.v[k].name, g.v[k].least);
		}
		if (!adult) {
			bool all = true;
			for (size_t k = 0; k < g.n; k++)
				if (!strncmp(g.v[k].name, "episode ", 8) && g.v[k].got < g.v[k].least) {
					if (all)
						printf("# %s: missing in episodes:\n", id);
					if (g.v[k].yes_no)
						printf("#   %s: no\n", g.v[k].name);
					else
						printf("#   %s: %zu (at least %zu)\n", g.v[k].name,
						       g.v[k].got, g.v[k].least);
					all = false;
				}
			ok(&t, all, "%s: every episode has teacher notes (objective, CRCN, outline, "
			   "%d debate questions, resources), a catch-phrase, a recap and tagged "
			   "questions", id, EPISODE_DEBATE);
		}
		goals_free(&g);
		stats_free(&s);
		bundle_free(b);
	}
	ok(&t, pupil >= 3, "%s: %zu pupil packs (at least 3)", root, pupil);
	ok(&t, adults >= 1, "%s: %zu atelier pack for adults (at least 1)", root, adults);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(root);
	return tap_done(&t);
}
