/* cmd_calibrate.c — `declic calibrate [--db FILE] [--min N] [--threshold
 * LOGITS]`: the difficulty of each question re-estimated from the answers of
 * every pupil of the progress database, all classes together, and the
 * questions whose pooled difficulty is far from their authored level, for the
 * teacher report (doc ADAPTIVE.md §2). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/calib.h"
#include "core/text.h"
#include "i18n.h"
#include "pack/bundle.h"
#include "pack/catalog.h"
#include "xalloc.h"

/* The packs of the content folder, their lessons loaded when first asked,
 * to find the authored level of a question. */
struct levels {
	struct catalog cat;
	struct bundle **loaded;		/* per pack of cat, NULL until loaded */
	bool *tried;
};

/* The level of item of lesson of pack in the content (the packs' manifests
 * were read into lv), or -1 when the pack, lesson or item is not there. */
static int item_level(struct levels *lv, const char *pack, const char *lesson, const char *item)
{
	for (size_t k = 0; k < lv->cat.n; k++) {
		const struct pack *p = lv->cat.packs[k];
		if (!p->id.s || strcmp(p->id.s, pack) != 0)
			continue;
		if (!lv->tried[k]) {
			struct diags d = {0};	/* the report is no check: problems are not ours to show */
			lv->loaded[k] = bundle_load(p->dir, &d);
			lv->tried[k] = true;
			diag_free(&d);
		}
		const struct bundle *b = lv->loaded[k];
		for (size_t i = 0; b && i < b->n; i++) {
			const struct lesson *l = b->lessons[i];
			if (!l || !l->id.s || strcmp(l->id.s, lesson) != 0)
				continue;
			for (size_t j = 0; j < l->n_items; j++)
				if (l->items[j].id.s && !strcmp(l->items[j].id.s, item))
					return l->items[j].level;
		}
		return -1;
	}
	return -1;
}

/* Print s padded with spaces to cols columns, on the left when right is
 * true (numbers), else on the right. */
static void put_col(const char *s, int cols, bool right)
{
	int w = text_width(s);
	if (!right)
		fputs(s, stdout);
	for (; w < cols; w++)
		putchar(' ');
	if (right)
		fputs(s, stdout);
}

/* The larger of the display widths of a and b. */
static int max_width(const char *a, int b)
{
	int w = text_width(a);
	return w > b ? w : b;
}

/* Parse a number of logits: a decimal number with a point or a comma,
 * whatever the locale. False if s is not a positive finite number. */
static bool parse_logits(const char *s, double *out)
{
	const char *dp = localeconv()->decimal_point;
	char *t = xstrdup(s);
	for (char *c = t; *c; c++)
		if ((*c == '.' || *c == ',') && dp && dp[0] && !dp[1])
			*c = dp[0];
	char *end;
	errno = 0;
	double v = strtod(t, &end);
	bool good = *t && !*end && errno == 0 && isfinite(v) && v > 0;
	free(t);
	if (good)
		*out = v;
	return good;
}

/* Parse a number of answers, 1 or more. */
static bool parse_count(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 1 || v > INT_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* Print the table of items v and the summary line. */
static void print_report(struct levels *lv, const struct calib_item *v, size_t n, size_t answers, size_t pupils,
			 double threshold, int min_answers)
{
	/* TRANSLATORS: the columns of `declic calibrate`: the question
	 * (pack/lesson/item), its number of answers, the share of right ones,
	 * its authored level, its authored difficulty b and the difficulty
	 * from every pupil's answers; keep them short. */
	const char *h_item = _("question"), *h_answers = _("answers"), *h_right = _("right"),
		   *h_level = _("level"), *h_b = _("b"), *h_pooled = _("pooled b");
	char **names = xmalloc(n * sizeof *names);
	int w_item = text_width(h_item);
	for (size_t i = 0; i < n; i++) {
		char *raw = xasprintf("%s/%s/%s", v[i].pack, v[i].lesson, v[i].item);
		names[i] = text_safe(raw);
		free(raw);
		w_item = max_width(names[i], w_item);
	}
	int w_answers = max_width(h_answers, 5), w_right = max_width(h_right, 4), w_level = max_width(h_level, 1),
	    w_b = max_width(h_b, 5), w_pooled = max_width(h_pooled, 5);

	char *a_text = xasprintf(ngettext("%zu answer", "%zu answers", answers), answers);
	char *p_text = xasprintf(ngettext("%zu pupil", "%zu pupils", pupils), pupils);
	/* TRANSLATORS: the first line of `declic calibrate`; the first %s is
	 * "N answers", the second "N pupils". */
	printf(_("Difficulty of the questions from the first tries of every pupil: %s of %s.\n"), a_text, p_text);
	free(a_text);
	free(p_text);
	put_col(h_item, w_item, false);
	printf("  ");
	put_col(h_answers, w_answers, true);
	printf("  ");
	put_col(h_right, w_right, true);
	printf("  ");
	put_col(h_level, w_level, true);
	printf("  ");
	put_col(h_b, w_b, true);
	printf("  ");
	put_col(h_pooled, w_pooled, true);
	putchar('\n');
	for (size_t i = 0; i < n; i++) {
		char buf[64];
		int level = item_level(lv, v[i].pack, v[i].lesson, v[i].item);
		put_col(names[i], w_item, false);
		printf("  %*d  ", w_answers, v[i].answers);
		snprintf(buf, sizeof buf, "%d%%", (int)lround(100.0 * v[i].right / (v[i].answers ? v[i].answers : 1)));
		put_col(buf, w_right, true);
		printf("  ");
		if (level >= 0)
			snprintf(buf, sizeof buf, "%d", level);
		else
			snprintf(buf, sizeof buf, "-");
		put_col(buf, w_level, true);
		printf("  %+*.2f  %+*.2f", w_b, v[i].b_authored, w_pooled, v[i].b_pooled);
		if (v[i].drifts)
			printf("  %s", v[i].b_pooled > v[i].b_authored ? _("<- harder than its level")
								       : _("<- easier than its level"));
		putchar('\n');
		free(names[i]);
	}
	free(names);
	size_t drifting = calib_drifting(v, n);
	printf(ngettext("%zu of %zu question drifts by %g logit or more", "%zu of %zu questions drift by %g logit or more",
			n),
	       drifting, n, threshold);
	printf(ngettext(" (only those with at least %d answer are judged).\n",
			" (only those with at least %d answers are judged).\n", (unsigned long)min_answers),
	       min_answers);
}

int cmd_calibrate(int argc, char **argv, const char *db, const char *content, const char *lang)
{
	enum { OPT_DB = 256, OPT_MIN, OPT_THRESHOLD };
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"min", required_argument, NULL, OPT_MIN},
		{"threshold", required_argument, NULL, OPT_THRESHOLD},
		{NULL, 0, NULL, 0},
	};
	double threshold = CALIB_THRESHOLD;
	int min_answers = CALIB_MIN_ANSWERS, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == OPT_DB) {
			db = optarg;
		} else if (c == OPT_MIN) {
			if (!parse_count(optarg, &min_answers)) {
				fprintf(stderr, _("declic calibrate: --min takes a number of answers, 1 or more\n"));
				return 2;
			}
		} else if (c == OPT_THRESHOLD) {
			if (!parse_logits(optarg, &threshold)) {
				fprintf(stderr, _("declic calibrate: --threshold takes a number of logits above 0, "
						  "such as 1.5\n"));
				return 2;
			}
		} else {
			optind = argc + 1;
			break;
		}
	}
	if (optind != argc) {
		fprintf(stderr, _("declic calibrate: use  declic calibrate [--db FILE] [--min N] "
				  "[--threshold LOGITS]\n"));
		return 2;
	}
	struct store *st;
	int status = db_open_existing(db, &st);
	if (status)
		return status;
	struct calib_item *v;
	size_t n, answers, pupils;
	enum store_rc rc = store_calibrate(st, NULL, threshold, min_answers, &v, &n, &answers, &pupils);
	if (rc != STORE_OK) {
		db_problem(store_path(st), rc);
		store_close(st);
		return 1;
	}
	if (n == 0) {
		char *p = text_escape(store_path(st));
		printf(_("No pupil has answered a question in %s yet: nothing to calibrate.\n"), p);
		free(p);
	} else {
		struct levels lv = {0};
		struct diags d = {0};
		catalog_scan(&lv.cat, content, lang, &d);
		diag_free(&d);
		lv.loaded = xcalloc(lv.cat.n + 1, sizeof *lv.loaded);
		lv.tried = xcalloc(lv.cat.n + 1, sizeof *lv.tried);
		print_report(&lv, v, n, answers, pupils, threshold, min_answers);
		for (size_t k = 0; k < lv.cat.n; k++)
			bundle_free(lv.loaded[k]);
		free(lv.loaded);
		free(lv.tried);
		catalog_free(&lv.cat);
	}
	calib_items_free(v, n);
	store_close(st);
	if (fflush(stdout) != 0) {
		perror("declic calibrate");
		return 1;
	}
	return 0;
}
