/* enospc.c — an LD_PRELOAD shim for the disk-full test: once the files
 * (descriptors above 2) have been written ENOSPC_BUDGET bytes, every write
 * and sync fails with ENOSPC, as on a full disk. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static atomic_long used;

/* True when n more bytes to fd go over the budget (and counts them if not). */
static int full(int fd, size_t n)
{
	const char *b = getenv("ENOSPC_BUDGET");
	if (fd <= 2 || !b)
		return 0;
	long budget = atol(b);
	if (atomic_load(&used) + (long)n > budget) {
		atomic_store(&used, budget + 1);
		errno = ENOSPC;
		return 1;
	}
	atomic_fetch_add(&used, (long)n);
	return 0;
}

/* The next definition of name after this library. */
static void *next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	ssize_t (*f)(int, const void *, size_t) = next("write");
	return full(fd, n) ? -1 : f(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	ssize_t (*f)(int, const void *, size_t, off_t) = next("pwrite");
	return full(fd, n) ? -1 : f(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	ssize_t (*f)(int, const void *, size_t, off_t) = next("pwrite64");
	return full(fd, n) ? -1 : f(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	ssize_t (*f)(int, const struct iovec *, int) = next("writev");
	size_t n = 0;
	for (int i = 0; i < cnt; i++)
		n += iov[i].iov_len;
	return full(fd, n) ? -1 : f(fd, iov, cnt);
}

int fsync(int fd)
{
	int (*f)(int) = next("fsync");
	return full(fd, 0) ? -1 : f(fd);
}

int fdatasync(int fd)
{
	int (*f)(int) = next("fdatasync");
	return full(fd, 0) ? -1 : f(fd);
}

int posix_fallocate(int fd, off_t off, off_t len)
{
	int (*f)(int, off_t, off_t) = next("posix_fallocate");
	return full(fd, (size_t)len) ? ENOSPC : f(fd, off, len);
}
