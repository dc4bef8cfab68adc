/* cmd_stats.c — `declic stats [--text] [PACK...]`: what each pack holds
 * (episodes, questions by level and kind, teacher notes), or with --text every
 * text a pupil reads, one per line, for the sentence-length report. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/stats.h"
#include "core/text.h"
#include "i18n.h"
#include "pack/bundle.h"
#include "pack/catalog.h"
#include "xalloc.h"

/* Where a --text line goes, and what it is about. */
struct text_out {
	const struct pack *pack;
	const struct lesson *lesson;
};

/* Print a string with tabs and newlines as spaces, unprintable as U+FFFD. */
static void put_flat(const char *s)
{
	char *safe = text_safe(s ? s : "");
	for (char *p = safe; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	fputs(safe, stdout);
	free(safe);
}

/* One pupil text as PACK TAB AUDIENCE TAB LESSON TAB FIELD TAB TEXT. */
static void print_text(const char *field, const struct str *text, void *ctx)
{
	const struct text_out *o = ctx;
	put_flat(o->pack->id.s);
	putchar('\t');
	put_flat(o->pack->audience.s);
	putchar('\t');
	put_flat(o->lesson->id.s);
	printf("\t%s\t", field);
	put_flat(text->s);
	putchar('\n');
}

/* Print "label" padded to `cols` columns (labels are translated). */
static void pad(const char *label, int cols)
{
	int w = text_width(label);
	fputs(label, stdout);
	for (; w < cols; w++)
		putchar(' ');
}

/* The parts of an episode's notes and texts that are missing, or "" if none. Caller frees. */
static char *missing(const struct lesson_stats *ls)
{
	const char *parts[8];
	size_t n = 0;
	if (!ls->objective)
		parts[n++] = _("objective");
	if (!ls->notes_crcn)
		parts[n++] = _("CRCN");
	if (!ls->outline)
		parts[n++] = _("outline");
	if (!ls->debate)
		parts[n++] = _("debate");
	if (!ls->resources)
		parts[n++] = _("resources");
	if (!ls->catchphrase)
		parts[n++] = _("catch-phrase");
	if (!ls->recap)
		parts[n++] = _("recap");
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%s%s", s, i ? ", " : "", parts[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Print the figures of one pack. */
static void print_stats(const struct pack_stats *s)
{
	const struct pack *p = s->pack;
	const struct lesson_stats *t = &s->total;
	put_flat(p->id.s);
	fputs(": ", stdout);
	put_flat(p->title.s);
	printf(" (");
	put_flat(p->audience.s);
	printf(")\n  ");
	printf(ngettext("%zu episode", "%zu episodes", s->n), s->n);
	if (s->unreadable)
		printf(_(" (and %zu unreadable)"), s->unreadable);
	printf(", %zu min, ", t->minutes);
	printf(ngettext("%zu question", "%zu questions", t->items), t->items);
	printf(", ");
	printf(ngettext("%zu reflex question", "%zu reflex questions", t->reflex), t->reflex);
	printf(", ");
	printf(ngettext("%zu choice", "%zu choices", t->choices), t->choices);
	printf("\n  %s", _("levels:"));
	for (int l = 1; l <= STATS_MAX_LEVEL; l++)
		if (t->by_level[l] || l <= 3)
			printf(" %d:%zu", l, t->by_level[l]);
	printf("\n  %s", _("kinds:"));
	for (int k = 0; k < STATS_KINDS; k++)
		printf(" %s:%zu", item_kind_name((enum item_kind)k), t->by_kind[k]);
	putchar('\n');
	if (t->untagged)
		printf(ngettext("  %zu question without a skill or a CRCN code\n",
				"  %zu questions without a skill or a CRCN code\n", t->untagged),
		       t->untagged);
	int idw = text_width(_("episode"));
	for (size_t i = 0; i < s->n; i++) {
		const char *id = s->v[i].lesson->id.s ? s->v[i].lesson->id.s : "?";
		int w = text_width(id);
		idw = w > idw ? w : idw;
	}
	/* TRANSLATORS: the columns of the table of episodes of `declic stats`:
	 * minutes, questions, questions of levels 1, 2, 3, reflex questions,
	 * debate questions, recap lines; keep them short. */
	const char *cols[] = {_("min"), _("quest"), _("lv1"), _("lv2"), _("lv3"), _("reflex"),
			      _("debate"), _("recap")};
	enum { NCOLS = sizeof cols / sizeof cols[0] };
	int cw[NCOLS];
	printf("  ");
	pad(_("episode"), idw);
	for (int c = 0; c < NCOLS; c++) {
		cw[c] = text_width(cols[c]) > 3 ? text_width(cols[c]) : 3;
		printf(" %*s", cw[c] - text_width(cols[c]) + (int)strlen(cols[c]), cols[c]);
	}
	printf("  %s\n", _("missing"));
	for (size_t i = 0; i < s->n; i++) {
		const struct lesson_stats *ls = &s->v[i];
		size_t v[NCOLS] = {ls->minutes, ls->items, ls->by_level[1], ls->by_level[2],
				   ls->by_level[3], ls->reflex, ls->debate, ls->recap};
		printf("  ");
		char *id = text_safe(ls->lesson->id.s ? ls->lesson->id.s : "?");
		pad(id, idw);
		free(id);
		for (int c = 0; c < NCOLS; c++)
			printf(" %*zu", cw[c], v[c]);
		char *m = missing(ls);
		printf("  %s\n", *m ? m : "-");
		free(m);
	}
}

/* Report one pack, figures or texts; returns the number of problems met. */
static size_t stats_pack(const char *dir, bool text)
{
	struct diags d = {0};
	struct bundle *b = bundle_load(dir, &d);
	size_t problems = diag_print(&d, stderr);
	diag_free(&d);
	if (!b)
		return problems ? problems : 1;
	if (text) {
		for (size_t i = 0; i < b->n; i++) {
			struct text_out o = {b->pack, b->lessons[i]};
			if (b->lessons[i])
				stats_pupil_texts(b->lessons[i], print_text, &o);
		}
	} else {
		struct pack_stats s;
		stats_count(&s, b->pack, b->lessons, b->n);
		print_stats(&s);
		stats_free(&s);
	}
	bundle_free(b);
	return problems;
}

bool cmd_text_option(int argc, char **argv, bool *text)
{
	static const struct option longopts[] = {
		{"text", no_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 't') {
			fprintf(stderr, _("Try 'declic --help' for more information.\n"));
			return false;
		}
		*text = true;
	}
	return true;
}

int cmd_stats(int argc, char **argv, const char *content, const char *lang)
{
	bool text = false;
	if (!cmd_text_option(argc, argv, &text))
		return 2;
	/* Every pack asked for: by folder or id, or every pack of a folder. */
	struct strv dirs = {0};
	size_t problems = 0;
	const char *all[] = {content};
	char **args = optind < argc ? argv + optind : (char **)all;
	int n = optind < argc ? argc - optind : 1;
	for (int i = 0; i < n; i++) {
		char *dir = catalog_find_pack(content, lang, args[i]);
		if (dir) {
			strv_push(&dirs, (struct str){dir, {0, 0}});
			continue;
		}
		struct catalog cat = {0};
		struct diags d = {0};
		catalog_scan(&cat, args[i], lang, &d);
		for (size_t k = 0; k < cat.n; k++)
			strv_push(&dirs, (struct str){xstrdup(cat.packs[k]->dir), {0, 0}});
		if (!cat.n && !d.n) {
			char *e = text_escape(args[i]);
			fprintf(stderr, _("declic stats: no pack '%s'\n"), e);
			free(e);
			problems++;
		}
		problems += diag_print(&d, stderr);
		diag_free(&d);
		catalog_free(&cat);
	}
	for (size_t i = 0; i < dirs.n; i++) {
		if (i && !text)
			putchar('\n');
		problems += stats_pack(dirs.v[i].s, text);
	}
	strv_free(&dirs);
	if (fflush(stdout) != 0) {
		perror("declic stats");
		return 1;
	}
	return problems ? 1 : 0;
}
