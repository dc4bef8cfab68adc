/* t_pack.c — the loader on the bundled content and on limits that need big
 * inputs (generated here rather than stored). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "pack/catalog.h"
#include "pack/pack.h"
#include "xalloc.h"

/* Write len bytes of data to a new temporary file; returns its path (static). */
static const char *temp_file(const char *data, size_t len)
{
	static char path[64];
	strcpy(path, "/tmp/declic-t_pack-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		abort();
	close(fd);
	return path;
}

/* Load text as a lesson; return the first diagnostic's "line:col: msg". */
static char *first_diag(const char *text, size_t len)
{
	const char *path = temp_file(text, len);
	struct diags d = {0};
	lesson_free(pack_load_lesson(path, NULL, NULL, &d));
	unlink(path);
	char *s = d.n ? xasprintf("%u:%u: %s", d.v[0].at.line, d.v[0].at.col, d.v[0].msg)
		      : xstrdup("(none)");
	diag_free(&d);
	return s;
}

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C");
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	char *content = xasprintf("%s/content", top);

	struct catalog cat = {0};
	struct diags d = {0};
	catalog_scan(&cat, content, "fr", &d);
	is_int(&t, d.n, 0, "the bundled manifests load without error");
	ok(&t, cat.n >= 1, "at least one bundled pack (%zu)", cat.n);
	for (size_t i = 0; i < cat.n; i++) {
		struct cast *cast;
		struct backdrops *bd;
		pack_load_shared(cat.packs[i]->dir, &cast, &bd, &d);
		for (size_t k = 0; k < cat.packs[i]->lessons.n; k++) {
			char *path = catalog_lesson_path(cat.packs[i], k);
			struct lesson *l = pack_load_lesson(path, cast, bd, &d);
			ok(&t, l && d.n == 0, "%s loads and checks clean", path);
			size_t kinds[6] = {0};
			for (size_t q = 0; l && q < l->n_items; q++)
				kinds[l->items[q].kind]++;
			bool all = true;
			for (int kd = 0; kd < 6; kd++)
				all = all && kinds[kd] > 0;
			ok(&t, all, "%s has questions of every kind", path);
			lesson_free(l);
			free(path);
		}
		diag_print(&d, stdout);
		cast_free(cast);
		backdrops_free(bd);
	}
	catalog_free(&cat);
	diag_free(&d);

	/* Limits that need large inputs. */
	size_t big = 1024 * 1024 + 1;
	char *buf = xmalloc(big);
	memset(buf, '#', big);
	const char *path = temp_file(buf, big);
	lesson_free(pack_load_lesson(path, NULL, NULL, &d));
	ok(&t, d.n == 1 && d.v[0].at.line == 0 && strstr(d.v[0].msg, "larger than 1 MiB"),
	   "a file over 1 MiB is refused before reading");
	diag_free(&d);
	unlink(path);

	/* 200 001 events: a flat list of 100 000 numbers is 100 004 events, so use
	 * two such lists. */
	char *many = xmalloc(800100);
	size_t n = 0;
	n += (size_t)sprintf(many + n, "a: [");
	for (int i = 0; i < 100000; i++)
		n += (size_t)sprintf(many + n, "1,");
	n += (size_t)sprintf(many + n, "1]\nb: [");
	for (int i = 0; i < 100000; i++)
		n += (size_t)sprintf(many + n, "1,");
	n += (size_t)sprintf(many + n, "1]\n");
	const char *evpath = temp_file(many, n);
	lesson_free(pack_load_lesson(evpath, NULL, NULL, &d));
	bool events = false;
	for (size_t i = 0; i < d.n; i++)
		events = events || strstr(d.v[i].msg, "too many YAML events (at most 200000)");
	ok(&t, events, "more than 200000 events are refused");
	diag_free(&d);
	unlink(evpath);

	n = 0;
	for (int i = 0; i < 1001; i++)
		n += (size_t)sprintf(many + n, "k%d: 1\n", i);
	char *s;
	/* The unknown keys are reported one by one; the limit stops the file. */
	const char *path2 = temp_file(many, n);
	lesson_free(pack_load_lesson(path2, NULL, NULL, &d));
	bool found = false;
	for (size_t i = 0; i < d.n; i++)
		found = found || (d.v[i].at.line == 1001 && strstr(d.v[i].msg, "too many keys"));
	ok(&t, found, "a mapping of more than 1000 keys is refused at the 1001st");
	diag_free(&d);
	unlink(path2);

	n = (size_t)sprintf(many, "id: \"");
	memset(many + n, 'a', 16 * 1024 + 1);
	n += 16 * 1024 + 1;
	n += (size_t)sprintf(many + n, "\"\n");
	s = first_diag(many, n);
	is_str(&t, s, "1:5: text longer than 16 KiB", "a text over 16 KiB is refused");
	free(s);

	n = (size_t)sprintf(many, "a: ");
	for (int i = 0; i < 50000; i++)
		many[n++] = '[';
	many[n++] = '\n';
	s = first_diag(many, n);
	is_str(&t, s, "1:1: unknown key 'a'", "deep nesting: the key before it is still read");
	free(s);

	free(many);
	free(buf);
	free(content);
	return tap_done(&t);
}
