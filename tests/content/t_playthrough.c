/* t_playthrough.c — every lesson of every pack played through the real runner:
 * every option of every choice (and the way back after each consequence),
 * every question answered right at once, right after a hint and wrong twice.
 * Each lesson must show every scene and every question, every path must end
 * (no loop, no dead end), the ending must follow the score, and every screen
 * the pupil sees must fit the terminal (80×24 unless --size) without a cut.
 *
 *   t_playthrough [--size COLSxROWS] [DIR...] [--bad DIR...]
 *
 * Every pack under each DIR must pass; every pack under a --bad DIR must fail
 * with the problem written in its file `expected`. Without arguments:
 * $top_srcdir/content and tests/data/good, and --bad tests/data/play. */
#include "config.h"

#include <dirent.h>
#include <libintl.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../sim_response.h"
#include "../tap.h"
#include "core/item.h"
#include "core/layout.h"
#include "core/runner.h"
#include "core/text.h"
#include "i18n.h"
#include "pack/bundle.h"
#include "xalloc.h"

/* States explored at most per lesson and answer policy, and steps per path. */
#define MAX_STATES 1000000
#define MAX_STEPS 5000
/* Problems printed per check. */
#define MAX_SHOWN 8

/* How the pupil answers every question of one exploration. */
enum policy { P_RIGHT, P_HINT, P_EXPLAIN, P_COUNT };

/* The checks made on each lesson. */
enum check { C_LOAD, C_SCENES, C_ITEMS, C_BRANCHES, C_END, C_ANSWERS, C_ENDINGS, C_FIT,
	     C_COUNT };

static const char *const check_names[C_COUNT] = {
	"loads without error",
	"every scene is reached",
	"every question is asked",
	"every option of every choice is played, and the way back",
	"every path ends (no loop, no dead end)",
	"right answers are accepted, wrong ones refused",
	"the ending follows the score",
	"every screen fits",
};

/* Explored states of the runner: a key per state, in a hash table, and the
 * moves between them. */
struct states {
	uint32_t *keys;		/* state i's key at keys[i * KEY_LEN] */
	size_t n, cap;
	int32_t *slots;		/* -1 or a state index */
	size_t nslots;
	unsigned char *done;	/* 0 while on the current path, then 1 */
	size_t *depth;		/* place in the current path */
	uint32_t *longest;	/* most steps to the end from this state */
	uint32_t *edges;	/* pairs: from, to */
	size_t n_edges, cap_edges;
};

/* A state on the current path: its runner, the moves still to try and what
 * is known of the way on. */
struct frame {
	struct runner r;
	size_t state;
	int next_t, moves;
	uint32_t longest;
	bool decided;		/* reached by the pupil's decision */
};

/* The play-through of one lesson. */
struct play {
	const struct lesson *l;
	const struct cast *cast;
	int cols, rows;
	enum policy policy;
	bool *scene_seen, *item_asked, *option_picked, *option_back;
	size_t *option_base;	/* index of scene i's first option in option_picked */
	size_t n_options;
	struct strv problems[C_COUNT];
	struct states st;
	size_t states_total;
	uint32_t longest;
};

/* Record a problem of a check once. */
__attribute__((format(printf, 3, 4))) static void problem(struct play *p, enum check c,
							   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (!msg)
		return;
	for (size_t i = 0; i < p->problems[c].n; i++)
		if (!strcmp(p->problems[c].v[i].s, msg)) {
			free(msg);
			return;
		}
	strv_push(&p->problems[c], (struct str){msg, {0, 0}});
}

/* ---- fitting texts: the arithmetic of scr_play.c and scr_quiz.c ---- */

/* Rows text takes wrapped to width, as the interface wraps it. */
static int rows_of(const char *text, int width)
{
	char *safe = text_safe(text ? text : "");
	struct text_lines tl = {0};
	int n = (int)text_wrap(safe, width, &tl);
	text_lines_free(&tl);
	free(safe);
	return n;
}

/* The first words of a text, for messages. Caller frees. */
static char *quote(const char *s)
{
	char *safe = text_escape(s ? s : "");
	size_t len = strlen(safe), cut = text_fit(safe, len, 40);
	char *q = xasprintf("\"%.*s%s\"", (int)cut, safe, cut < len ? "..." : "");
	free(safe);
	return q;
}

/* Rows a text shown in `where` takes, at most max_rows (beyond, it is cut: a
 * problem). */
static int fit(struct play *p, const char *where, const char *text, int width, int max_rows)
{
	int n = rows_of(text, width);
	if (n > max_rows) {
		char *q = quote(text);
		problem(p, C_FIT, "%s: %s takes %d rows of %d columns, %d are shown", where, q, n,
			width, max_rows);
		free(q);
		return max_rows;
	}
	return n;
}

/* Rows of the tallest character of the current scene in its current mood. */
static int cast_rows(const struct play *p, const struct runner *r)
{
	const struct scene *s = runner_scene(r);
	int tallest = 0;
	for (size_t i = 0; p->cast && i < s->n_cast; i++) {
		const struct character *ch = cast_find(p->cast, s->cast[i].who.s);
		if (!ch || !ch->n_moods)
			continue;
		const struct mood *m = character_mood(ch, runner_mood(r, i));
		const char *art = (m ? m : &ch->moods[0])->art.s;
		int h = 0;
		for (const char *a = art; a && *a; h++) {
			const char *e = strchr(a, '\n');
			a = e ? e + 1 : a + strlen(a);
		}
		tallest = h > tallest ? h : tallest;
	}
	return tallest;
}

/* The stage above a bubble whose top row is `by` must show the whole cast. */
static void fit_stage(struct play *p, const struct runner *r, int by, const char *where)
{
	int room = by - 2, need = cast_rows(p, r);
	if (need > room)
		problem(p, C_FIT, "%s: the characters need %d rows above the text, %d are left",
			where, need, room);
}

/* Top row of a bubble of `text` whose last row is `bottom` (draw_bubble). */
static int bubble_top(struct play *p, const char *where, const char *text, int bottom)
{
	int n = fit(p, where, text, layout_box_text_cols(p->cols), LAYOUT_BUBBLE_ROWS);
	return bottom - (n + 2) + 1;
}

/* Screen of a line (draw_line). */
static void screen_line(struct play *p, const struct runner *r)
{
	const struct scene *s = runner_scene(r);
	char *where = xasprintf("scene '%s', line %zu", s->id.s, r->line + 1);
	int by = bubble_top(p, where, s->lines[r->line].text.s, layout_bottom(p->rows));
	fit_stage(p, r, by, where);
	free(where);
}

/* Screen of a choice point (draw_choice). */
static void screen_choice(struct play *p, const struct runner *r)
{
	const struct scene *s = runner_scene(r);
	int orows = 0, width = layout_option_cols(p->cols, LAYOUT_OPTION_X);
	for (size_t k = 0; k < s->choice.n; k++) {
		char *where = xasprintf("scene '%s', option %zu", s->id.s, k + 1);
		orows += fit(p, where, s->choice.v[k].text.s, width, LAYOUT_OPTION_ROWS);
		free(where);
	}
	char *where = xasprintf("scene '%s', choice", s->id.s);
	int oy = layout_bottom(p->rows) - orows + 1;
	int by = bubble_top(p, where, s->choice.prompt.s, oy - 2);
	fit_stage(p, r, by, where);
	free(where);
}

/* Screen of the feedback on the option picked (draw_feedback). */
static void screen_feedback(struct play *p, const struct runner *r)
{
	const struct scene *cs = &p->l->scenes[r->choice_scene];
	char *where = xasprintf("scene '%s', feedback of option %d", cs->id.s, r->option + 1);
	int by = bubble_top(p, where, cs->choice.v[r->option].feedback.s,
			    layout_bottom(p->rows) - 2);
	fit_stage(p, r, by, where);
	free(where);
}

/* Text of the question's choice i as the pupil sees it (any display order). */
static const char *choice_text(const struct item *it, size_t i)
{
	switch (it->kind) {
	case ITEM_TRUEFALSE:
		return i == 0 ? _("True") : _("False");
	case ITEM_MATCH:
		return it->right.v[i].s;
	default:
		return it->options.v[i].s;
	}
}

/* Screen of a question, with the box its verdict opens (quiz_draw). */
static void screen_question(struct play *p, const struct runner *r)
{
	const struct item *it = runner_item(r);
	int y = LAYOUT_TOP, box = layout_box_text_cols(p->cols);
	char *where = xasprintf("question '%s', prompt", it->id.s);
	y += fit(p, where, it->prompt.s, box, LAYOUT_PROMPT_ROWS) + 1;
	free(where);
	if (it->kind == ITEM_MATCH) {
		for (size_t i = 0; i < it->left.n; i++) {
			where = xasprintf("question '%s', left item %zu", it->id.s, i + 1);
			y += fit(p, where, it->left.v[i].s, layout_match_cols(p->cols),
				 LAYOUT_OPTION_ROWS);
			free(where);
		}
		y++;
	}
	if (it->kind == ITEM_TEXT) {
		y += 1 + 4;	/* "Your answer:", then the 3-row input box and a gap */
	} else {
		/* Marks ([x], (2), the tick of a right option) push the text right. */
		bool marked = it->kind != ITEM_MATCH;
		int x = LAYOUT_OPTION_X + (marked ? LAYOUT_MARK_COLS + 1 : 0);
		for (size_t i = 0; i < item_n_choices(it); i++) {
			where = xasprintf("question '%s', choice %zu", it->id.s, i + 1);
			y += fit(p, where, choice_text(it, i), layout_option_cols(p->cols, x),
				 LAYOUT_OPTION_ROWS);
			free(where);
		}
		y++;
	}
	if (y - 2 > layout_bottom(p->rows))
		problem(p, C_FIT, "question '%s': the prompt and choices need %d rows, %d are left",
			it->id.s, y - 2 - LAYOUT_TOP + 1, layout_bottom(p->rows) - LAYOUT_TOP + 1);
	const char *what = NULL, *body = NULL;
	char *extra = NULL;
	switch (r->verdict) {
	case VERDICT_RIGHT:
		what = "explanation";
		body = it->explanation.s;
		break;
	case VERDICT_HINT:
		what = "hint";
		body = it->hint.s;
		break;
	case VERDICT_EXPLAIN:
		what = "answer and explanation";
		extra = item_answer_text(it);
		body = it->explanation.s;
		break;
	default:
		return;
	}
	char *text = extra ? xasprintf("%s\n%s", extra, body) : xstrdup(body ? body : "");
	where = xasprintf("question '%s', %s", it->id.s, what);
	int rows = fit(p, where, text, box, LAYOUT_BUBBLE_ROWS);
	int by = layout_bottom(p->rows) - (rows + 2) + 1;
	if (by < y)
		problem(p, C_FIT,
			"question '%s': with its %s, the screen needs %d rows, it has %d", it->id.s,
			what, p->rows + (y - by), p->rows);
	free(where);
	free(text);
	free(extra);
}

/* Screen of "Remember" (draw_recap). */
static void screen_recap(struct play *p)
{
	int rows = 0;
	for (size_t i = 0; i < p->l->recap.n; i++) {
		char *where = xasprintf("recap line %zu", i + 1);
		int n = rows_of(p->l->recap.v[i].s, layout_recap_cols(p->cols));
		fit(p, where, p->l->recap.v[i].s, layout_recap_cols(p->cols), LAYOUT_OPTION_ROWS);
		rows += n;
		free(where);
	}
	int y = LAYOUT_TOP + rows + 3;
	int n = fit(p, "catch-phrase", p->l->catchphrase.s, layout_box_text_cols(p->cols),
		    LAYOUT_CATCHPHRASE_ROWS);
	if (y + n - 1 > layout_bottom(p->rows))
		problem(p, C_FIT, "recap and catch-phrase need %d rows, %d are left",
			y + n - LAYOUT_TOP, layout_bottom(p->rows) - LAYOUT_TOP + 1);
}

/* Screen of an ending (draw_ending). */
static void screen_ending(struct play *p, enum ending e)
{
	char *where = xasprintf("ending '%s'", ending_name(e));
	int n = fit(p, where, p->l->endings[e].s, layout_box_text_cols(p->cols),
		    LAYOUT_ENDING_ROWS);
	if (LAYOUT_ENDING_Y + n - 1 > layout_bottom(p->rows))
		problem(p, C_FIT, "%s: %d rows, %d are left", where, n,
			layout_bottom(p->rows) - LAYOUT_ENDING_Y + 1);
	free(where);
}

/* Record what the pupil sees in this state, and check that it fits. */
static void visit(struct play *p, const struct runner *r)
{
	if (r->state < RS_RECAP)
		p->scene_seen[r->scene] = true;
	switch (r->state) {
	case RS_LINE:
		screen_line(p, r);
		break;
	case RS_CHOICE:
		screen_choice(p, r);
		break;
	case RS_FEEDBACK:
		screen_feedback(p, r);
		break;
	case RS_QUESTION: {
		const struct item *it = runner_item(r);
		if (it) {
			p->item_asked[it - p->l->items] = true;
			screen_question(p, r);
		}
		break;
	}
	case RS_RECAP:
		screen_recap(p);
		break;
	case RS_ENDING:
		screen_ending(p, runner_ending(r));
		break;
	case RS_DONE:
		break;
	}
}

/* ---- answers ---- */

/* Answer the current question as the policy says; false if it went wrong. */
static bool answer(struct play *p, struct runner *r)
{
	const struct item *it = runner_item(r);
	bool right = p->policy == P_RIGHT || (p->policy == P_HINT && r->tries == 1);
	struct response resp;
	if (!sim_response(it, right, &resp)) {
		problem(p, C_ANSWERS, "question '%s': no %s answer can be given", it->id.s,
			right ? "right" : "wrong");
		return false;
	}
	if (item_check(it, &resp) != right) {
		problem(p, C_ANSWERS, "question '%s': the %s answer is %s", it->id.s,
			right ? "right" : "wrong", right ? "refused" : "accepted");
		return false;
	}
	enum verdict want = right ? VERDICT_RIGHT : r->tries == 0 ? VERDICT_HINT : VERDICT_EXPLAIN;
	enum verdict got = runner_answer(r, &resp);
	if (got != want) {
		problem(p, C_ANSWERS, "question '%s': verdict %d after %d wrong answers, not %d",
			it->id.s, (int)got, r->tries, (int)want);
		return false;
	}
	return true;
}

/* The ending the policy must reach: success when every answer is right at
 * once (or no question was asked), partial after hints, failure when wrong. */
static enum ending expected_ending(const struct play *p, const struct runner *r)
{
	if (r->max_points == 0 || p->policy == P_RIGHT)
		return ENDING_SUCCESS;
	return p->policy == P_HINT ? ENDING_PARTIAL : ENDING_FAILURE;
}

/* ---- exploring ---- */

/* Words of a state's key. */
#define KEY_LEN 9

/* The key of a runner state: what decides what the pupil sees and what comes
 * next (not the points, only whether any were at stake: the ending depends on
 * it under one answer policy). */
static void make_key(const struct runner *r, uint32_t *key)
{
	bool settled = r->state == RS_CHOICE || r->state >= RS_RECAP;
	key[0] = (uint32_t)r->state;
	key[1] = (uint32_t)r->scene;
	key[2] = settled ? 0 : (uint32_t)r->line;
	key[3] = settled ? 0 : (uint32_t)(r->choice_scene + 1);
	key[4] = settled ? 0 : (uint32_t)(r->option + 1);
	key[5] = settled ? 0 : r->pending_feedback;
	key[6] = settled ? 0 : (uint32_t)r->question;
	key[7] = settled ? 0 : (uint32_t)(r->tries * 8 + (int)r->verdict);
	key[8] = r->max_points > 0;
}

/* FNV-1a of a key. */
static size_t hash(const uint32_t *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < KEY_LEN; i++) {
		h ^= key[i];
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

/* Index of the state with this key, or -1 (with *slot where it would go). */
static long find_state(const struct states *st, const uint32_t *key, size_t *slot)
{
	size_t i = hash(key) & (st->nslots - 1);
	while (st->slots[i] >= 0) {
		if (!memcmp(st->keys + (size_t)st->slots[i] * KEY_LEN, key, KEY_LEN * sizeof *key))
			return st->slots[i];
		i = (i + 1) & (st->nslots - 1);
	}
	*slot = i;
	return -1;
}

/* Add a state with this new key; returns its index. */
static size_t add_state(struct states *st, const uint32_t *key)
{
	if (2 * (st->n + 1) > st->nslots) {	/* grow the table, rehash */
		size_t ns = st->nslots ? 2 * st->nslots : 1024;
		free(st->slots);
		st->slots = xmalloc(ns * sizeof *st->slots);
		memset(st->slots, 0xff, ns * sizeof *st->slots);
		st->nslots = ns;
		for (size_t k = 0; k < st->n; k++) {
			size_t i = hash(st->keys + k * KEY_LEN) & (ns - 1);
			while (st->slots[i] >= 0)
				i = (i + 1) & (ns - 1);
			st->slots[i] = (int32_t)k;
		}
	}
	size_t slot;
	find_state(st, key, &slot);
	if (st->n == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 1024;
		st->keys = xrealloc(st->keys, st->cap * KEY_LEN * sizeof *st->keys);
		st->done = xrealloc(st->done, st->cap);
		st->depth = xrealloc(st->depth, st->cap * sizeof *st->depth);
		st->longest = xrealloc(st->longest, st->cap * sizeof *st->longest);
	}
	memcpy(st->keys + st->n * KEY_LEN, key, KEY_LEN * sizeof *key);
	st->done[st->n] = 0;
	st->longest[st->n] = 0;
	st->slots[slot] = (int32_t)st->n;
	return st->n++;
}

/* Remember the move from state a to state b. */
static void add_edge(struct states *st, size_t a, size_t b)
{
	st->edges = xgrow(st->edges, &st->cap_edges, 2 * (st->n_edges + 1), sizeof *st->edges);
	st->edges[2 * st->n_edges] = (uint32_t)a;
	st->edges[2 * st->n_edges + 1] = (uint32_t)b;
	st->n_edges++;
}

static void states_free(struct states *st)
{
	free(st->keys);
	free(st->slots);
	free(st->done);
	free(st->depth);
	free(st->longest);
	free(st->edges);
	memset(st, 0, sizeof *st);
}

/* Number of moves to try from a state (options of a choice, Enter or ← after
 * a consequence, one otherwise, none at the end). */
static int moves(const struct runner *r)
{
	switch (r->state) {
	case RS_CHOICE:
		return (int)runner_scene(r)->choice.n;
	case RS_FEEDBACK:
		return 2;
	case RS_DONE:
		return 0;
	default:
		return 1;
	}
}

/* Make move t from r (a copy); false if it cannot be made. *decided is set
 * when the move is the pupil's decision (an option, or going back). */
static bool move(struct play *p, struct runner *r, int t, bool *decided)
{
	const struct scene *s = runner_scene(r);
	*decided = false;
	switch (r->state) {
	case RS_CHOICE:
		if (s->choice.v[t].target < 0) {
			problem(p, C_BRANCHES, "scene '%s': option %d leads nowhere", s->id.s, t + 1);
			return false;
		}
		p->option_picked[p->option_base[r->scene] + (size_t)t] = true;
		runner_pick(r, (size_t)t);
		*decided = true;
		return true;
	case RS_FEEDBACK:
		if (t == 1) {
			int choice = r->choice_scene, option = r->option;
			if (!runner_back(r) || r->state != RS_CHOICE || r->scene != choice) {
				problem(p, C_BRANCHES, "after scene '%s': no way back to the choice",
					s->id.s);
				return false;
			}
			p->option_back[p->option_base[choice] + (size_t)option] = true;
			*decided = true;
			return true;
		}
		runner_next(r);
		return true;
	case RS_QUESTION:
		if (r->verdict == VERDICT_RIGHT || r->verdict == VERDICT_EXPLAIN)
			runner_next(r);
		else if (!answer(p, r))
			return false;
		return true;
	case RS_ENDING: {
		enum ending e = runner_ending(r), want = expected_ending(p, r);
		if (e != want)
			problem(p, C_ENDINGS, "%s answers: ending '%s', not '%s'",
				p->policy == P_RIGHT ? "right" : p->policy == P_HINT ? "hinted" : "wrong",
				ending_name(e), ending_name(want));
		runner_next(r);
		return true;
	}
	default:
		runner_next(r);
		return true;
	}
}

/* Where a runner stands, for messages. */
static char *where_is(const struct lesson *l, const uint32_t *key)
{
	static const char *const names[] = {"line", "choice", "feedback", "question", "recap",
					    "ending", "done"};
	if (key[0] >= RS_RECAP)
		return xasprintf("the %s", names[key[0]]);
	return xasprintf("scene '%s' (%s)", l->scenes[key[1]].id.s, names[key[0]]);
}

/* Report the states from which no way leads to the end (going back included). */
static void check_ends(struct play *p)
{
	struct states *st = &p->st;
	size_t n = st->n;
	size_t *start = xcalloc(n + 2, sizeof *start), *fill = xcalloc(n + 1, sizeof *fill);
	uint32_t *from = xmalloc((st->n_edges + 1) * sizeof *from), *queue = xmalloc((n + 1) * sizeof *queue);
	bool *ends = xcalloc(n + 1, sizeof *ends);
	/* Edges by their target, to walk them backwards from the end. */
	for (size_t e = 0; e < st->n_edges; e++)
		start[st->edges[2 * e + 1] + 1]++;
	for (size_t i = 0; i < n; i++)
		start[i + 1] += start[i];
	for (size_t e = 0; e < st->n_edges; e++) {
		uint32_t b = st->edges[2 * e + 1];
		from[start[b] + fill[b]++] = st->edges[2 * e];
	}
	size_t head = 0, tail = 0;
	for (size_t i = 0; i < n; i++)
		if (st->keys[i * KEY_LEN] == RS_DONE) {
			ends[i] = true;
			queue[tail++] = (uint32_t)i;
		}
	while (head < tail) {
		uint32_t b = queue[head++];
		for (size_t k = start[b]; k < start[b + 1]; k++)
			if (!ends[from[k]]) {
				ends[from[k]] = true;
				queue[tail++] = from[k];
			}
	}
	for (size_t i = 0; i < n; i++)
		if (!ends[i]) {
			char *w = where_is(p->l, st->keys + i * KEY_LEN);
			problem(p, C_END, "from %s the end cannot be reached", w);
			free(w);
		}
	free(start);
	free(fill);
	free(from);
	free(queue);
	free(ends);
}

/* Explore every path of the lesson under the current policy: a depth-first
 * walk over the runner's states. Coming back to a state of the current path
 * is the pupil's doing when a decision lies on the way (trying another option
 * or going back); without one, the lesson itself loops. */
static void explore(struct play *p)
{
	struct states *st = &p->st;
	size_t cap = 64, top = 0;
	struct frame *stack = xmalloc(cap * sizeof *stack);
	uint32_t key[KEY_LEN];
	bool overflow = false;

	struct runner start;
	runner_start(&start, p->l);
	make_key(&start, key);
	stack[0] = (struct frame){start, add_state(st, key), 0, 0, 0, false};
	st->depth[0] = 0;
	visit(p, &start);
	top = 1;
	while (top) {
		if (top == cap) {
			cap *= 2;
			stack = xrealloc(stack, cap * sizeof *stack);
		}
		struct frame *f = &stack[top - 1];
		if (f->next_t < moves(&f->r)) {
			int t = f->next_t++;
			struct runner r = f->r;
			bool decided;
			if (!move(p, &r, t, &decided))
				continue;
			f->moves++;
			make_key(&r, key);
			size_t slot;
			long s = find_state(st, key, &slot);
			if (s >= 0) {
				add_edge(st, f->state, (size_t)s);
				if (!st->done[s]) {	/* on the current path */
					bool pupil = decided;
					for (size_t k = st->depth[s] + 1; k < top && !pupil; k++)
						pupil = stack[k].decided;
					if (!pupil) {
						char *w = where_is(p->l, key);
						problem(p, C_END, "%s comes back with no decision on the way: "
							"the lesson loops", w);
						free(w);
					}
					continue;
				}
				uint32_t len = st->longest[s] + 1;
				f->longest = len > f->longest ? len : f->longest;
				continue;
			}
			if (st->n >= MAX_STATES || top >= MAX_STEPS) {
				overflow = true;
				continue;
			}
			size_t n = add_state(st, key);
			add_edge(st, f->state, n);
			st->depth[n] = top;
			stack[top] = (struct frame){r, n, 0, 0, 0, decided};
			visit(p, &r);
			top++;
			continue;
		}
		/* Every move from this state is explored. */
		if (f->moves == 0 && f->r.state != RS_DONE) {
			uint32_t k[KEY_LEN];
			make_key(&f->r, k);
			char *w = where_is(p->l, k);
			problem(p, C_END, "%s: the pupil cannot go on", w);
			free(w);
		}
		size_t s = f->state;
		st->done[s] = 1;
		st->longest[s] = f->longest;
		top--;
		if (top) {
			struct frame *up = &stack[top - 1];
			uint32_t len = st->longest[s] + 1;
			up->longest = len > up->longest ? len : up->longest;
		}
	}
	if (overflow)
		problem(p, C_END, "more than %d states or a path of more than %d steps", MAX_STATES,
			MAX_STEPS);
	check_ends(p);
	if (st->longest[0] > p->longest)
		p->longest = st->longest[0];
	p->states_total += st->n;
	free(stack);
}

/* Play a lesson every way and record what is missing. */
static void play_lesson(struct play *p)
{
	const struct lesson *l = p->l;
	p->scene_seen = xcalloc(l->n_scenes + 1, sizeof *p->scene_seen);
	p->item_asked = xcalloc(l->n_items + 1, sizeof *p->item_asked);
	p->option_base = xcalloc(l->n_scenes + 1, sizeof *p->option_base);
	for (size_t i = 0; i < l->n_scenes; i++) {
		p->option_base[i] = p->n_options;
		p->n_options += l->scenes[i].exit == EXIT_CHOICE ? l->scenes[i].choice.n : 0;
	}
	p->option_picked = xcalloc(p->n_options + 1, sizeof *p->option_picked);
	p->option_back = xcalloc(p->n_options + 1, sizeof *p->option_back);
	if (l->n_scenes) {
		for (p->policy = 0; p->policy < P_COUNT; p->policy++) {
			explore(p);
			states_free(&p->st);
		}
	}
	for (size_t i = 0; i < l->n_scenes; i++)
		if (!p->scene_seen[i])
			problem(p, C_SCENES, "scene '%s' is never reached", l->scenes[i].id.s);
	for (size_t i = 0; i < l->n_items; i++)
		if (!p->item_asked[i])
			problem(p, C_ITEMS, "question '%s' is never asked", l->items[i].id.s);
	for (size_t i = 0; i < l->n_scenes; i++)
		for (size_t k = 0; p->scene_seen[i] && l->scenes[i].exit == EXIT_CHOICE &&
				   k < l->scenes[i].choice.n; k++) {
			if (!p->option_picked[p->option_base[i] + k])
				problem(p, C_BRANCHES, "scene '%s': option %zu is never played",
					l->scenes[i].id.s, k + 1);
			else if (!p->option_back[p->option_base[i] + k])
				problem(p, C_BRANCHES, "scene '%s': no way back after option %zu",
					l->scenes[i].id.s, k + 1);
		}
	/* Every ending may be shown: each must fit, reached or not. */
	for (int e = 0; e < ENDING_COUNT; e++)
		screen_ending(p, (enum ending)e);
}

static void play_free(struct play *p)
{
	free(p->scene_seen);
	free(p->item_asked);
	free(p->option_base);
	free(p->option_picked);
	free(p->option_back);
	for (int c = 0; c < C_COUNT; c++)
		strv_free(&p->problems[c]);
}

/* ---- packs ---- */

/* The test's settings and totals. */
struct run {
	struct tap t;
	int cols, rows;
	bool quiet;		/* --bad: gather problems, print no test line per check */
	struct strv found;	/* --bad: every problem met in the pack */
	size_t load_problems;	/* --bad: of them, problems of the loader and checker */
};

/* Print the first problems of a check as TAP diagnostics. */
static void show(const struct strv *v)
{
	for (size_t i = 0; i < v->n && i < MAX_SHOWN; i++)
		printf("#   %s\n", v->v[i].s);
	if (v->n > MAX_SHOWN)
		printf("#   ... and %zu more\n", v->n - MAX_SHOWN);
}

/* Play every lesson of the pack in dir. */
static void play_pack(struct run *run, const char *dir)
{
	struct diags d = {0};
	struct bundle *b = bundle_load(dir, &d);
	const char *pid = b && b->pack->id.s ? b->pack->id.s : dir;
	if (!b || !b->n) {
		if (run->quiet)
			strv_push(&run->found, (struct str){xstrdup("the pack cannot be loaded"), {0, 0}});
		else
			ok(&run->t, 0, "%s: the pack loads and lists lessons", pid);
		diag_print(&d, stdout);
	}
	if (b && b->n) {
		/* Problems of the manifest and the shared files. */
		struct play p = {0};
		for (size_t k = 0; k < d.n; k++) {
			bool in_lesson = false;
			for (size_t i = 0; i < b->n && d.v[k].file; i++)
				in_lesson = in_lesson || (b->lessons[i] && b->lessons[i]->file &&
							  !strcmp(d.v[k].file, b->lessons[i]->file));
			if (!in_lesson)
				problem(&p, C_LOAD, "%s:%u:%u: %s", d.v[k].file ? d.v[k].file : "?",
					d.v[k].at.line, d.v[k].at.col, d.v[k].msg);
		}
		if (run->quiet)
			for (size_t k = 0; k < p.problems[C_LOAD].n; k++) {
				strv_push(&run->found,
					  (struct str){xstrdup(p.problems[C_LOAD].v[k].s), {0, 0}});
				run->load_problems++;
			}
		else
			ok(&run->t, !p.problems[C_LOAD].n, "%s: the manifest and shared files load "
			   "without error", pid);
		if (!run->quiet)
			show(&p.problems[C_LOAD]);
		play_free(&p);
	}
	for (size_t i = 0; b && i < b->n; i++) {
		struct lesson *l = b->lessons[i];
		const char *lid = l && l->id.s ? l->id.s : b->pack->lessons.v[i].s;
		/* The défi picks from its pool adaptively: which questions a pupil
		 * sees depends on their answers. Asking the whole pool in order
		 * proves that every question of it can be shown and fits. */
		for (size_t k = 0; l && k < l->n_scenes; k++)
			l->scenes[k].pick_all = true;
		struct play p = {.l = l, .cast = b->cast, .cols = run->cols, .rows = run->rows};
		/* Problems of this lesson's file, from the loader and the checks. */
		for (size_t k = 0; l && k < d.n; k++)
			if (d.v[k].file && !strcmp(d.v[k].file, l->file))
				problem(&p, C_LOAD, "%u:%u: %s", d.v[k].at.line, d.v[k].at.col, d.v[k].msg);
		if (!l) {
			problem(&p, C_LOAD, "%s cannot be read", b->pack->lessons.v[i].s);
		} else {
			play_lesson(&p);
			size_t seen = 0, asked = 0, picked = 0;
			for (size_t k = 0; k < l->n_scenes; k++)
				seen += p.scene_seen[k];
			for (size_t k = 0; k < l->n_items; k++)
				asked += p.item_asked[k];
			for (size_t k = 0; k < p.n_options; k++)
				picked += p.option_picked[k];
			printf("# %s/%s: scenes %zu/%zu, questions %zu/%zu, branches %zu/%zu, "
			       "longest path %u steps, %zu states\n",
			       pid, lid, seen, l->n_scenes, asked, l->n_items, picked, p.n_options,
			       p.longest, p.states_total);
		}
		for (int c = 0; c < C_COUNT; c++) {
			if (run->quiet) {
				run->load_problems += c == C_LOAD ? p.problems[c].n : 0;
				for (size_t k = 0; k < p.problems[c].n; k++)
					strv_push(&run->found,
						  (struct str){xasprintf("%s/%s: %s", pid, lid,
									 p.problems[c].v[k].s),
							       {0, 0}});
				continue;
			}
			if (!l && c > C_LOAD)
				break;
			if (c == C_FIT)
				ok(&run->t, !p.problems[c].n, "%s/%s: every screen fits %dx%d", pid, lid,
				   run->cols, run->rows);
			else
				ok(&run->t, !p.problems[c].n, "%s/%s: %s", pid, lid, check_names[c]);
			show(&p.problems[c]);
		}
		play_free(&p);
	}
	bundle_free(b);
	diag_free(&d);
}

/* Compare names, for a stable order of packs. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every pack folder under dir (dir itself if it is one), in name order. */
static void find_packs(const char *dir, int depth, struct strv *out)
{
	char *manifest = xasprintf("%s/pack.yaml", dir);
	bool is_pack = access(manifest, F_OK) == 0;
	free(manifest);
	if (is_pack) {
		strv_push(out, (struct str){xstrdup(dir), {0, 0}});
		return;
	}
	DIR *dp = depth < 4 ? opendir(dir) : NULL;
	if (!dp)
		return;
	struct strv subs = {0};
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		char *sub = xasprintf("%s/%s", dir, e->d_name);
		struct stat sb;
		if (e->d_name[0] != '.' && stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
			strv_push(&subs, (struct str){sub, {0, 0}});
		else
			free(sub);
	}
	closedir(dp);
	char **names = xcalloc(subs.n + 1, sizeof *names);
	for (size_t i = 0; i < subs.n; i++)
		names[i] = subs.v[i].s;
	if (subs.n)
		qsort(names, subs.n, sizeof *names, name_cmp);
	for (size_t i = 0; i < subs.n; i++)
		find_packs(names[i], depth + 1, out);
	free(names);
	strv_free(&subs);
}

/* Line k (from 0) of dir/expected, or NULL. Caller frees. */
static char *expected(const char *dir, int k)
{
	char *path = xasprintf("%s/expected", dir), line[512], *s = NULL;
	FILE *f = fopen(path, "r");
	free(path);
	for (int i = 0; f && i <= k && fgets(line, sizeof line, f); i++)
		if (i == k)
			s = xstrdup(line);
	if (f)
		fclose(f);
	if (s)
		s[strcspn(s, "\n")] = '\0';
	return s;
}

/* A pack that must fail: the problem in the first line of its `expected`
 * file must be found; "checks clean" on the second line means that the
 * loader and `declic check` find nothing wrong with it. */
static void play_bad(struct run *run, const char *dir)
{
	char *want = expected(dir, 0), *clean = expected(dir, 1);
	run->quiet = true;
	run->load_problems = 0;
	play_pack(run, dir);
	run->quiet = false;
	bool found = false;
	for (size_t i = 0; want && i < run->found.n; i++)
		found = found || strstr(run->found.v[i].s, want) != NULL;
	char *copy = xstrdup(dir);
	size_t len = strlen(copy);
	while (len > 1 && copy[len - 1] == '/')
		copy[--len] = '\0';
	const char *name = strrchr(copy, '/') ? strrchr(copy, '/') + 1 : copy;
	ok(&run->t, found, "%s is refused: %s", name, want ? want : "(no expected file)");
	if (!found)
		show(&run->found);
	if (clean && !strcmp(clean, "checks clean"))
		ok(&run->t, run->load_problems == 0, "%s passes declic check: only playing finds it",
		   name);
	strv_free(&run->found);
	free(copy);
	free(want);
	free(clean);
}

/* Use the French interface (the kiosk's default, and longer than English) to
 * measure the labels that share a box with content. */
static void use_french(void)
{
	setenv("LANGUAGE", "fr", 1);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	const char *b = getenv("top_builddir");
	char *mo = xasprintf("%s/mo", b ? b : ABS_BUILDDIR);
	bindtextdomain(PACKAGE, mo);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	free(mo);
}

int main(int argc, char **argv)
{
	use_french();
	struct run run = {.cols = 80, .rows = 24};
	struct strv good = {0}, bad = {0};
	bool bad_args = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--size") && i + 1 < argc) {
			if (sscanf(argv[++i], "%dx%d", &run.cols, &run.rows) != 2 || run.cols < 20 ||
			    run.rows < 10) {
				fprintf(stderr, "t_playthrough: --size COLSxROWS\n");
				return 2;
			}
		} else if (!strcmp(argv[i], "--bad")) {
			bad_args = true;
		} else {
			find_packs(argv[i], 0, bad_args ? &bad : &good);
		}
	}
	if (argc == 1) {
		const char *src = getenv("top_srcdir") ? getenv("top_srcdir") : ABS_SRCDIR;
		char *dirs[] = {xasprintf("%s/content", src), xasprintf("%s/tests/data/good", src),
				xasprintf("%s/tests/data/play", src)};
		find_packs(dirs[0], 0, &good);
		find_packs(dirs[1], 0, &good);
		find_packs(dirs[2], 0, &bad);
		for (int i = 0; i < 3; i++)
			free(dirs[i]);
	}
	for (size_t i = 0; i < good.n; i++)
		play_pack(&run, good.v[i].s);
	for (size_t i = 0; i < bad.n; i++)
		play_bad(&run, bad.v[i].s);
	if (!good.n && !bad.n)
		ok(&run.t, 0, "there are packs to play");
	strv_free(&good);
	strv_free(&bad);
	return tap_done(&run.t);
}
