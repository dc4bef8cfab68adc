/* replay.c — run the fuzz target over every file of the corpora (the
 * broken and good packs, tests/fuzz/corpus) so that `make check` (and its
 * sanitizer build) replays them all. Prints TAP. */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feed one file to the target; false if it cannot be read. */
static bool replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *buf = xmalloc(n > 0 ? (size_t)n : 1);
	size_t got = fread(buf, 1, n > 0 ? (size_t)n : 0, f);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, got);
	free(buf);
	return true;
}

/* Replay every regular file under dir; counts them in *n. */
static void replay_tree(const char *dir, int *n)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "expected"))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			replay_tree(path, n);
		} else if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			bool ok = replay_file(path);
			printf("%s %d - %s\n", ok ? "ok" : "not ok", ++*n, path);
		}
		free(path);
	}
	if (dp)
		closedir(dp);
}

int main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir") ? getenv("top_srcdir") : ".";
	int n = 0;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			replay_tree(argv[i], &n);
	} else {
		const char *dirs[] = {"tests/data", "tests/fuzz/corpus", "content"};
		for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
			char *d = xasprintf("%s/%s", top, dirs[i]);
			replay_tree(d, &n);
			free(d);
		}
	}
	printf("1..%d\n", n);
	return n > 0 ? 0 : 1;
}
