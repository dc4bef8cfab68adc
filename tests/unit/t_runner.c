/* t_runner.c — the lesson runner: lines, choice with consequences and the way
 * back, hint then explanation, scoring, endings, moods. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "../tap.h"
#include "core/runner.h"
#include "pack/pack.h"

static const char lesson_yaml[] =
	"id: l\ntitle: \"T\"\nskill: s\ncrcn: \"4.2\"\nlevel: 1\ncatchphrase: \"C\"\n"
	"scenes:\n"
	"  - id: a\n    cast: {noe: joyeux, jade: calme}\n    lines:\n"
	"      - text: \"n1\"\n      - {who: noe, mood: inquiet, text: \"s1\"}\n"
	"      - {who: jade, text: \"s2\"}\n    next: c\n"
	"  - id: c\n    cast: {noe: inquiet}\n    choice:\n      prompt: \"P\"\n      options:\n"
	"        - {text: \"bad\", goto: bad, good: false, feedback: \"F1\"}\n"
	"        - {text: \"good\", goto: good, good: true, feedback: \"F2\"}\n"
	"  - id: bad\n    lines: [{text: \"oops\"}]\n    next: c\n"
	"  - id: good\n    lines: [{text: \"yay\"}]\n    next: q\n"
	"  - id: q\n    questions: [q1, q2, q3]\n    pick: all\n    next: e\n"
	"  - id: e\n    end: true\n"
	"questions:\n"
	"  - {id: q1, kind: single, skill: s, crcn: \"4.2\", level: 1, prompt: \"p\","
	" options: [a, b, c], answer: 2, hint: h, explanation: x}\n"
	"  - {id: q2, kind: text, skill: s, crcn: \"4.2\", level: 1, prompt: \"p\","
	" answer: [pseudo], hint: h, explanation: x}\n"
	"  - {id: q3, kind: order, skill: s, crcn: \"4.2\", level: 1, prompt: \"p\","
	" options: [un, deux, trois], hint: h, explanation: x}\n"
	"recap: [\"r\"]\nendings: {success: \"S\", partial: \"P\", failure: \"F\"}\n"
	"teacher: {objective: \"o\"}\n";

/* A défi of two skills, levels 1 to 3, after a scene that explains. */
static const char defi_yaml[] =
	"id: d\ntitle: \"T\"\nskill: s\ncrcn: \"4.2\"\nlevel: 1\ncatchphrase: \"C\"\n"
	"scenes:\n"
	"  - id: story\n    lines: [{text: \"explains\"}, {text: \"more\"}]\n    next: defi\n"
	"  - id: defi\n    questions: [a1, a2, a3, a4, b1, b2, b3, b4]\n    next: e\n"
	"  - id: e\n    end: true\n"
	"questions:\n"
#define Q(id, skill, level) \
	"  - {id: " id ", kind: text, skill: " skill ", crcn: \"4.2\", level: " level "," \
	" prompt: p, answer: [oui], hint: h, explanation: x}\n"
	Q("a1", "t/a", "1") Q("a2", "t/a", "2") Q("a3", "t/a", "3") Q("a4", "t/a", "2")
	Q("b1", "t/b", "1") Q("b2", "t/b", "2") Q("b3", "t/b", "3") Q("b4", "t/b", "1")
#undef Q
	"recap: [\"r\"]\nendings: {success: \"S\", partial: \"P\", failure: \"F\"}\n"
	"teacher: {objective: \"o\"}\n";

/* Write a lesson to a temporary file and load it. */
static struct lesson *load_text(struct tap *t, const char *text)
{
	char path[] = "/tmp/declic-t_runner-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		return NULL;
	close(fd);
	struct diags d = {0};
	struct lesson *l = pack_load_lesson(path, NULL, NULL, &d);
	is_int(t, d.n, 0, "the test lesson loads without error");
	diag_print(&d, stdout);
	diag_free(&d);
	unlink(path);
	return l;
}

/* Play the défi answering every question right (or wrong); returns the
 * questions asked, counting replays of the explaining scene in *replays. */
static int play_defi(struct runner *r, bool right, int *replays, int *levels, int max_levels)
{
	struct response yes = {.text = "oui"}, no = {.text = "non"};
	int asked = 0;
	*replays = 0;
	for (int guard = 0; guard < 200 && r->state != RS_RECAP; guard++) {
		if (r->state == RS_QUESTION) {
			if (asked < max_levels)
				levels[asked] = runner_item(r)->level;
			asked++;
			runner_answer(r, right ? &yes : &no);
			if (!right)
				runner_answer(r, &no);
		} else if (runner_replaying(r) && r->line == 0) {
			(*replays)++;
		}
		runner_next(r);
	}
	return asked;
}

/* Gives the pupil `right` right answers on t/a (level 3 items), then starts
 * the lesson up to the défi's first question. */
static void start_defi(struct runner *r, const struct lesson *l, struct learner_pupil *p, int right)
{
	for (int i = 0; i < right; i++)
		learner_pupil_answer(learner_defaults(), p, "t/a", 1, 0, true);
	runner_start(r, l);
	runner_learn(r, learner_defaults(), p);
	runner_next(r);
	runner_next(r);
}

/* The défi: validation first, practice and a replay after failures, three
 * runs at most, easier questions after mistakes; its place survives a restart. */
static void test_defi(struct tap *t)
{
	struct lesson *l = load_text(t, defi_yaml);
	if (!l)
		return;
	struct runner r;
	struct learner_pupil pupil = {0};
	int replays, levels[64];
	runner_start(&r, l);
	runner_learn(&r, learner_defaults(), &pupil);
	runner_next(&r);
	runner_next(&r);
	is_int(t, r.state, RS_QUESTION, "after the story, the défi asks");
	is_int(t, runner_item(&r)->level, 1, "for a new pupil (θ = 0) the question nearest 75%% success: level 1");
	int asked = play_defi(&r, true, &replays, levels, 64);
	is_int(t, asked, 2, "all right at once: one validation question per skill, practice skipped");
	is_int(t, replays, 0, "and no replay");
	is_int(t, r.partial_steps, 0, "both steps reached");
	is_int(t, runner_ending(&r), ENDING_SUCCESS, "success");
	ok(t, learner_pupil_theta(NULL, &pupil, "t/a") > 0, "θ rose on skill t/a (%.2f)", learner_pupil_theta(NULL, &pupil, "t/a"));
	learner_pupil_free(&pupil);

	struct learner_pupil weak = {0};
	runner_start(&r, l);
	runner_learn(&r, learner_defaults(), &weak);
	runner_next(&r);
	runner_next(&r);
	asked = play_defi(&r, false, &replays, levels, 64);
	ok(t, r.state == RS_RECAP, "all wrong: the pupil still reaches the recap (%d questions)", asked);
	is_int(t, r.partial_steps, 2, "both steps end \"partially reached\"");
	is_int(t, replays, 2 * (DEFI_MAX_RUNS - 1), "the explaining scene replays between failed runs");
	ok(t, asked <= 2 * 9, "at most 9 questions per step (%d)", asked);
	ok(t, learner_pupil_theta(NULL, &weak, "t/a") < 0, "θ fell (%.2f)", learner_pupil_theta(NULL, &weak, "t/a"));
	is_int(t, runner_ending(&r), ENDING_FAILURE, "and the kind failure ending");

	/* A strong pupil starts high; a mistake brings an easier question. */
	struct learner_pupil strong = {0};
	start_defi(&r, l, &strong, 6);
	int first = runner_item(&r)->level;
	is_int(t, first, 3, "a pupil with a high θ starts at level 3 (θ = %.2f)", learner_pupil_theta(NULL, &strong, "t/a"));
	struct response wrong = {.text = "non"};
	runner_answer(&r, &wrong);
	runner_answer(&r, &wrong);
	runner_next(&r);
	ok(t, r.state == RS_QUESTION && runner_item(&r)->level < first,
	   "after a wrong answer, an easier question (level %d)", runner_item(&r)->level);
	learner_pupil_free(&strong);

	/* What the pupil showed on t/a is the best guess for t/b, of the same
	 * theme: the first question on t/b is a hard one too. */
	struct learner_pupil shown = {0};
	start_defi(&r, l, &shown, 6);
	struct response yes = {.text = "oui"};
	runner_answer(&r, &yes);
	runner_next(&r);
	const struct item *next = r.state == RS_QUESTION ? runner_item(&r) : NULL;
	ok(t, next && !strcmp(next->skill.s, "t/b") && next->level == 3,
	   "t/b never answered: its first question is level %d (θ prior %.2f from t/a)", next ? next->level : 0,
	   learner_pupil_theta(NULL, &shown, "t/b"));
	learner_pupil_free(&shown);

	/* A restart in the middle of a step, then during a replay. */
	struct learner_pupil p2 = {0};	/* able enough for practice after a mistake */
	struct response no = {.text = "non"};
	start_defi(&r, l, &p2, 3);
	runner_answer(&r, &no);
	runner_answer(&r, &no);
	runner_next(&r);
	if (r.state != RS_QUESTION || r.defi.phase != DEFI_PRACTICE) {
		ok(t, false, "a wrong validation question brings practice (state %d)", (int)r.state);
		learner_pupil_free(&weak);
		learner_pupil_free(&p2);
		lesson_free(l);
		return;
	}
	const char *practice = runner_item(&r)->id.s;
	char *pos = runner_position(&r);
	struct runner b;
	ok(t, runner_restore(&b, l, pos), "a position in the défi restores: %s", pos);
	runner_learn(&b, learner_defaults(), &p2);
	is_str(t, runner_item(&b)->id.s, practice, "at the same practice question");
	ok(t, b.defi.phase == DEFI_PRACTICE && b.step == 0, "in the same step and phase");
	free(pos);
	for (int i = 0; i < 10 && !runner_replaying(&b); i++) {
		runner_answer(&b, &no);
		runner_answer(&b, &no);
		runner_next(&b);
	}
	ok(t, runner_replaying(&b), "failed practice: the explaining scene replays");
	pos = runner_position(&b);
	ok(t, runner_restore(&r, l, pos) && runner_replaying(&r), "a replay restores as a replay");
	runner_next(&r);
	runner_next(&r);
	ok(t, r.state == RS_QUESTION && r.defi.run == 2, "after it, the second run's validation question");
	free(pos);
	learner_pupil_free(&weak);
	learner_pupil_free(&p2);
	lesson_free(l);
}

/* Load the main test lesson. */
static struct lesson *load(struct tap *t)
{
	return load_text(t, lesson_yaml);
}

/* Answer the current question through a response. */
static enum verdict answer_pick(struct runner *r, int pick)
{
	struct response resp = {.pick = pick};
	return runner_answer(r, &resp);
}

/* Start the lesson and go the good way to its first question. */
static void to_questions(struct runner *r, const struct lesson *l)
{
	runner_start(r, l);
	for (int i = 0; i < 3; i++)
		runner_next(r);
	runner_pick(r, 1);
	runner_next(r);
	runner_next(r);
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	struct lesson *l = load(&t);
	if (!l)
		return tap_done(&t) | 1;
	struct runner r;
	runner_start(&r, l);
	is_int(&t, r.state, RS_LINE, "starts on a line");
	is_str(&t, runner_mood(&r, 0), "joyeux", "Noé starts with the scene's mood");
	runner_next(&r);
	is_str(&t, runner_mood(&r, 0), "inquiet", "a line changes the speaker's mood");
	runner_next(&r);
	runner_next(&r);
	is_int(&t, r.state, RS_CHOICE, "after the last line: the choice");
	runner_next(&r);
	is_int(&t, r.state, RS_CHOICE, "Enter alone does not leave a choice");
	runner_pick(&r, 0);
	is_int(&t, r.state, RS_LINE, "the wrong option shows its consequence");
	is_str(&t, runner_scene(&r)->id.s, "bad", "in the consequence scene");
	runner_next(&r);
	is_int(&t, r.state, RS_FEEDBACK, "then the feedback");
	ok(&t, runner_back(&r), "the pupil can go back");
	is_int(&t, r.state, RS_CHOICE, "back at the choice");
	ok(&t, !runner_back(&r), "going back from the choice itself does nothing");
	runner_pick(&r, 1);
	runner_next(&r);
	is_int(&t, r.state, RS_FEEDBACK, "the good path has feedback too");
	is_int(&t, r.option, 1, "the runner knows which option was picked");
	runner_next(&r);
	is_int(&t, r.state, RS_QUESTION, "then the questions");
	is_str(&t, runner_item(&r)->id.s, "q1", "first question");

	is_int(&t, answer_pick(&r, 1), VERDICT_RIGHT, "right at once");
	runner_next(&r);
	is_str(&t, runner_item(&r)->id.s, "q2", "on to the second question");
	struct response typed = {.text = "mot de passe"};
	is_int(&t, runner_answer(&r, &typed), VERDICT_HINT, "first wrong answer: a hint");
	runner_next(&r);
	is_str(&t, runner_item(&r)->id.s, "q2", "a hint does not move on");
	is_int(&t, runner_answer(&r, &typed), VERDICT_EXPLAIN, "second wrong answer: the explanation");
	is_int(&t, runner_answer(&r, &typed), VERDICT_EXPLAIN, "a settled question takes no more answers");
	runner_next(&r);
	struct response order = {.seq = {0, 2, 1}, .n_seq = 3};
	is_int(&t, runner_answer(&r, &order), VERDICT_HINT, "wrong order");
	struct response order2 = {.seq = {0, 1, 2}, .n_seq = 3};
	is_int(&t, runner_answer(&r, &order2), VERDICT_RIGHT, "right order after a hint");
	is_int(&t, r.points, 3, "2 points at once, 1 after a hint, 0 after the explanation");
	is_int(&t, r.max_points, 6, "out of 2 per question");
	runner_next(&r);
	is_int(&t, r.state, RS_RECAP, "the end scene leads to the recap");
	is_int(&t, runner_ending(&r), ENDING_PARTIAL, "3/6 is a partial success");
	is_int(&t, runner_stars(&r), 2, "two stars");
	runner_next(&r);
	is_int(&t, r.state, RS_ENDING, "then the ending");
	runner_next(&r);
	is_int(&t, r.state, RS_DONE, "then done");

	/* A pupil who gets everything right at once. */
	to_questions(&r, l);
	answer_pick(&r, 1);
	runner_next(&r);
	struct response good = {.text = "Pseudo !"};
	runner_answer(&r, &good);
	runner_next(&r);
	runner_answer(&r, &order2);
	runner_next(&r);
	is_int(&t, runner_ending(&r), ENDING_SUCCESS, "all right at once: success");
	is_int(&t, runner_stars(&r), 3, "three stars");

	/* Everything wrong twice. */
	to_questions(&r, l);
	for (int q = 0; q < 3; q++) {
		struct response bad = {.pick = 0, .text = "non", .seq = {2, 1, 0}, .n_seq = 3};
		runner_answer(&r, &bad);
		runner_answer(&r, &bad);
		runner_next(&r);
	}
	is_int(&t, r.state, RS_RECAP, "a pupil who fails every question still reaches the recap");
	is_int(&t, runner_ending(&r), ENDING_FAILURE, "and the failure ending");
	is_int(&t, runner_stars(&r), 1, "with one star, never zero");

	/* Resume: the position of a run, saved as text, puts a new runner back. */
	struct runner a, b;
	runner_start(&a, l);
	runner_next(&a);
	char *pos = runner_position(&a);
	ok(&t, runner_restore(&b, l, pos), "a position on a line restores: %s", pos);
	ok(&t, b.state == RS_LINE && b.scene == a.scene && b.line == 1, "at the same scene and line");
	free(pos);
	runner_next(&a);
	runner_next(&a);
	runner_pick(&a, 0);
	pos = runner_position(&a);
	ok(&t, runner_restore(&b, l, pos), "a position in a consequence restores: %s", pos);
	runner_next(&b);
	ok(&t, b.state == RS_FEEDBACK && b.option == 0, "the option's feedback still follows");
	ok(&t, runner_back(&b), "and the way back to the choice");
	free(pos);
	to_questions(&a, l);
	answer_pick(&a, 0);
	pos = runner_position(&a);
	ok(&t, runner_restore(&b, l, pos), "after a hint: %s", pos);
	ok(&t, b.state == RS_QUESTION && b.question == 0 && b.verdict == VERDICT_HINT,
	   "the same question, with its hint");
	is_int(&t, answer_pick(&b, 1), VERDICT_RIGHT, "answered after the restart");
	is_int(&t, b.points, 1, "the hint still costs its point");
	free(pos);
	answer_pick(&a, 1);
	pos = runner_position(&a);
	ok(&t, runner_restore(&b, l, pos), "after a right answer: %s", pos);
	is_str(&t, runner_item(&b)->id.s, "q2", "a settled question is not asked again");
	is_int(&t, b.points, 1, "its points are kept");
	ok(&t, runner_percent(&b) > 0 && runner_percent(&b) < 100, "progress in between: %d%%",
	   runner_percent(&b));
	free(pos);
	const char *bad_pos[] = {"", "garbage", "1 line nowhere 0 0 0 0 0 - -1 0",
				 "1 line a 9 0 0 0 0 - -1 0", "1 question q 0 7 0 0 0 - -1 0",
				 "1 choice a 0 0 0 0 0 - -1 0", "1 line a 0 0 0 5 2 - -1 0",
				 "1 line a 0 0 0 0 0 c 9 1", "2 line a 0 0 0 0 0 - -1 0 0 0 1 0 0 -1 -1 0 2 0 0 - - extra"};
	for (size_t i = 0; i < sizeof bad_pos / sizeof *bad_pos; i++) {
		b.scene = 99;
		ok(&t, !runner_restore(&b, l, bad_pos[i]) && b.scene == 99,
		   "refused, runner untouched: '%s'", bad_pos[i]);
	}
	ok(&t, !runner_restore(&b, l, NULL), "no position: refused");
	lesson_free(l);
	test_defi(&t);
	return tap_done(&t);
}
