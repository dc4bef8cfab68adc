/* fuzz_pack.c — libFuzzer target: any bytes, read as a lesson, a cast, a
 * backdrops file and a manifest, must give diagnostics, never a crash. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pack/pack.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("declic-fuzz", MFD_CLOEXEC);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct diags d = {0};
	struct cast *c = pack_load_cast(path, &d);
	struct backdrops *b = pack_load_backdrops(path, &d);
	lesson_free(pack_load_lesson(path, c, b, &d));
	cast_free(c);
	backdrops_free(b);
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		diag_print(&d, null);
		fclose(null);
	}
	diag_free(&d);
	close(fd);
	return 0;
}
