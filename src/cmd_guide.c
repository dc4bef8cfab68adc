/* cmd_guide.c — `declic guide PACK`: a pack's teacher notes as a sheet to print
 * (Markdown, or plain text with --text). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/text.h"
#include "i18n.h"
#include "pack/bundle.h"
#include "pack/catalog.h"
#include "xalloc.h"

/* Width of wrapped paragraphs in plain text. */
#define GUIDE_TEXT_COLS 76

/* The sheet being written, to memory until it is complete. */
struct sheet {
	FILE *f;
	bool text;		/* plain text rather than Markdown */
};

/* A copy of untrusted s fit to print on one line: newlines and tabs become
 * spaces, anything unprintable U+FFFD. Caller frees. */
static char *flat(const char *s)
{
	char *safe = text_safe(s ? s : "");
	for (char *p = safe; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return safe;
}

/* Write s escaped for Markdown: marks that would change its meaning get a
 * backslash, and so does a start that would make a heading or a list. */
static void md_put(FILE *f, const char *s)
{
	const char *p = s;
	while (*p == ' ')
		p++;
	if (*p == '>' || (*p && strchr("#+-=", *p) && (p[1] == ' ' || !p[1] || p[1] == *p)))
		fputc('\\', f);
	else if (*p >= '0' && *p <= '9') {
		const char *q = p;
		while (*q >= '0' && *q <= '9')
			q++;
		if ((*q == '.' || *q == ')') && (q[1] == ' ' || !q[1])) {
			fwrite(p, 1, (size_t)(q - p), f);
			fputc('\\', f);
			p = q;
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_[]<>", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
}

/* Write a content text: escaped in Markdown, as it is in plain text. */
static void put(struct sheet *sh, const char *s)
{
	char *t = flat(s);
	if (sh->text)
		fputs(t, sh->f);
	else
		md_put(sh->f, t);
	free(t);
}

/* Write lead then s, wrapped to GUIDE_TEXT_COLS - indent columns, every line
 * after the first indented by `indent` spaces (plain text). */
static void put_wrapped(struct sheet *sh, const char *lead, const char *s, int indent)
{
	char *f = flat(s), *t = xasprintf("%s%s", lead, f);
	struct text_lines tl = {0};
	size_t n = text_wrap(t, GUIDE_TEXT_COLS - indent, &tl);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fprintf(sh->f, "\n%*s", indent, "");
		fwrite(t + tl.v[i].off, 1, tl.v[i].len, sh->f);
	}
	text_lines_free(&tl);
	free(t);
	free(f);
}

/* A heading: `#`s in Markdown, a line underlined (levels 1 and 2) or a plain
 * line in plain text. `pre` and `post` are written as they are, `s` is content
 * (any may be NULL). */
static void heading(struct sheet *sh, int level, const char *pre, const char *s,
		    const char *post)
{
	char *t = flat(s);
	if (sh->text) {
		char *line = xasprintf("%s%s%s", pre ? pre : "", t, post ? post : "");
		fprintf(sh->f, "%s\n", line);
		if (level <= 2) {
			int w = text_width(line);
			for (int i = 0; i < w; i++)
				fputc(level == 1 ? '=' : '-', sh->f);
			fputc('\n', sh->f);
		}
		free(line);
	} else {
		fprintf(sh->f, "%.*s %s", level, "######", pre ? pre : "");
		md_put(sh->f, t);
		fprintf(sh->f, "%s\n", post ? post : "");
	}
	fputc('\n', sh->f);
	free(t);
}

/* A labelled value on its own line ("**Objective:** ..."); nothing if empty. */
static void field(struct sheet *sh, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (sh->text) {
		char *lead = xasprintf("%s ", label);
		put_wrapped(sh, lead, value, 2);
		free(lead);
	} else {
		fprintf(sh->f, "- **%s** ", label);
		put(sh, value);
	}
	fputc('\n', sh->f);
}

/* A paragraph of content. */
static void paragraph(struct sheet *sh, const char *s)
{
	if (!s || !*s)
		return;
	if (sh->text)
		put_wrapped(sh, "", s, 0);
	else
		put(sh, s);
	fputs("\n\n", sh->f);
}

/* A titled list of content texts, numbered or not; nothing if it is empty. */
static void list(struct sheet *sh, const char *title, const struct strv *v, bool numbered)
{
	if (!v->n)
		return;
	heading(sh, 3, title, NULL, NULL);
	for (size_t i = 0; i < v->n; i++) {
		char mark[32];
		if (numbered)
			snprintf(mark, sizeof mark, "%zu. ", i + 1);
		else
			snprintf(mark, sizeof mark, "- ");
		if (sh->text) {
			fputs("  ", sh->f);
			put_wrapped(sh, mark, v->v[i].s, 2 + (int)strlen(mark));
		} else {
			fputs(mark, sh->f);
			put(sh, v->v[i].s);
		}
		fputc('\n', sh->f);
	}
	fputc('\n', sh->f);
}

/* Codes of a list of CRCN codes, joined with ", ". Caller frees. */
static char *join(const struct strv *v)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < v->n; i++) {
		char *n = xasprintf("%s%s%s", s, i ? ", " : "", v->v[i].s);
		free(s);
		s = n;
	}
	return s;
}

/* Compare two strings through pointers, for qsort. */
static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The CRCN codes of every lesson of the pack, sorted, each once. Caller frees. */
static char *pack_crcn(const struct bundle *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		n += b->lessons[i]->crcn.n;
	char **codes = xcalloc(n + 1, sizeof *codes);
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++)
		for (size_t j = 0; j < b->lessons[i]->crcn.n; j++)
			codes[k++] = b->lessons[i]->crcn.v[j].s;
	if (k)
		qsort(codes, k, sizeof *codes, str_cmp);
	struct strv v = {0};
	for (size_t i = 0; i < k; i++)
		if (i == 0 || strcmp(codes[i], codes[i - 1]))
			strv_push(&v, (struct str){xstrdup(codes[i]), {0, 0}});
	char *s = join(&v);
	strv_free(&v);
	free(codes);
	return s;
}

/* The audience in words. */
static const char *audience_name(const char *a)
{
	if (!a)
		return NULL;
	if (!strcmp(a, "cycle2"))
		return _("cycle 2 (CP, CE1, CE2)");
	if (!strcmp(a, "cycle3"))
		return _("cycle 3 (CM1, CM2, 6e)");
	if (!strcmp(a, "adults"))
		return _("adults (teachers, facilitators)");
	return a;
}

/* The notes of lesson k. */
static void write_lesson(struct sheet *sh, const struct lesson *l, size_t k)
{
	char *num = xasprintf("%zu. ", k + 1);
	/* TRANSLATORS: after an episode's title, its playing time. */
	char *time = xasprintf(_(" (%d min)"), l->minutes);
	heading(sh, 2, num, l->title.s, time);
	free(num);
	free(time);
	const struct teacher_notes *t = &l->teacher;
	char *crcn = t->crcn.s && *t->crcn.s ? xstrdup(t->crcn.s) : join(&l->crcn);
	field(sh, _("Objective:"), t->objective.s);
	field(sh, _("CRCN:"), crcn);
	field(sh, _("Catch-phrase:"), l->catchphrase.s);
	fputc('\n', sh->f);
	free(crcn);
	list(sh, _("Session outline"), &t->outline, true);
	list(sh, _("Debate questions"), &t->debate, false);
	list(sh, _("Remember"), &l->recap, false);
	list(sh, _("Resources"), &t->resources, false);
}

/* The whole sheet of a pack. */
static void write_sheet(struct sheet *sh, const struct bundle *b)
{
	const struct pack *p = b->pack;
	heading(sh, 1, NULL, p->title.s, NULL);
	paragraph(sh, p->description.s);
	int minutes = 0;
	for (size_t i = 0; i < b->n; i++)
		minutes += b->lessons[i]->minutes;
	char *crcn = pack_crcn(b);
	/* TRANSLATORS: number of episodes of a pack and their total playing time. */
	char *episodes = xasprintf(_("%zu (%d min)"), b->n, minutes);
	field(sh, _("Audience:"), audience_name(p->audience.s));
	field(sh, _("CRCN:"), crcn);
	field(sh, _("Episodes:"), episodes);
	fputc('\n', sh->f);
	free(crcn);
	free(episodes);
	for (size_t i = 0; i < b->n; i++)
		write_lesson(sh, b->lessons[i], i);
	if (p->sources.n) {
		heading(sh, 2, _("Sources"), NULL, NULL);
		for (size_t i = 0; i < p->sources.n; i++) {
			if (sh->text) {
				fputs("  ", sh->f);
				put_wrapped(sh, "- ", p->sources.v[i].s, 4);
			} else {
				fputs("- ", sh->f);
				put(sh, p->sources.v[i].s);
			}
			fputc('\n', sh->f);
		}
	}
}

/* Load the pack and check it whole; NULL (with the problems on stderr) if it
 * has any error. */
static struct bundle *load_clean(const char *dir)
{
	struct diags d = {0};
	struct bundle *b = bundle_load(dir, &d);
	bool broken = !b || d.n > 0;
	for (size_t i = 0; b && i < b->n; i++)
		broken = broken || !b->lessons[i];
	if (broken) {
		diag_print(&d, stderr);
		char *e = text_escape(dir);
		fprintf(stderr, _("declic guide: the pack %s has errors, no sheet printed "
				  "(see: declic check %s)\n"), e, e);
		free(e);
		bundle_free(b);
		b = NULL;
	}
	diag_free(&d);
	return b;
}

int cmd_guide(int argc, char **argv, const char *content, const char *lang)
{
	struct sheet sh = {NULL, false};
	if (!cmd_text_option(argc, argv, &sh.text))
		return 2;
	if (argc - optind != 1) {
		fprintf(stderr, _("declic guide: which pack? (declic guide [--text] PACK)\n"));
		return 2;
	}
	const char *arg = argv[optind];
	char *dir = catalog_find_pack(content, lang, arg);
	if (!dir) {
		char *e = text_escape(arg), *ce = text_escape(content);
		fprintf(stderr, _("declic guide: no pack '%s' (neither a pack folder nor a pack of %s)\n"),
			e, ce);
		free(e);
		free(ce);
		return 1;
	}
	struct bundle *b = load_clean(dir);
	free(dir);
	if (!b)
		return 1;
	char *buf = NULL;
	size_t len = 0;
	sh.f = open_memstream(&buf, &len);
	if (!sh.f) {
		bundle_free(b);
		perror("declic guide");
		return 1;
	}
	write_sheet(&sh, b);
	bundle_free(b);
	int status = 0;
	if (fclose(sh.f) != 0 || fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		perror("declic guide");
		status = 1;
	}
	free(buf);
	return status;
}
