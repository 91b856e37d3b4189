// SPDX-License-Identifier: GPL-2.0-only
/*
 * client/shmsim_client_proc.c - the simulated kernel's /proc/sysvipc/shm
 * for the programs `shmsim run` runs, so that `ipcs -m` lists the
 * simulated segments, not the host's (docs/run.md, "ipcs"). An open of
 * that path, by any of the names glibc and its callers use (fopen, open,
 * openat, their 64 and fortified forms), is a request to the server,
 * whose reply brings a sealed memfd with the file's text as the simulated
 * kernel prints it (cli/run_prog_proc.c); every other path goes to the
 * real call. The open is made by the process's simulated task, which it
 * becomes here if no shm call made it one before.
 * sim: the exact path only (no "/proc/./sysvipc/shm", no path relative
 * to a descriptor of /proc), and for reading only: anything else is
 * EACCES, where the real file refuses only what writes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shmsim_client.h"

#define NOT_OURS	(-2)	/* the real call opens it */

/*
 * path's simulated file, opened with flags: a descriptor, -1 with errno,
 * or NOT_OURS for a path the simulated kernel does not stand in for.
 */
static int proc_open(int dirfd, const char *path, int flags)
{
	struct shmsim_request rq;
	struct shmsim_reply rp;
	int fds[2] = { -1, -1 }, fd;

	if (!path || strcmp(path, "/proc/sysvipc/shm") ||
	    (dirfd != AT_FDCWD && path[0] != '/') ||
	    !getenv(SHMSIM_ENV_SOCKET))
		return NOT_OURS;
	if ((flags & O_ACCMODE) != O_RDONLY ||
	    (flags & (O_CREAT | O_TRUNC | O_DIRECTORY))) {
		errno = flags & O_DIRECTORY ? ENOTDIR : EACCES;
		return -1;
	}
	memset(&rq, 0, sizeof(rq));
	rq.magic = SHMSIM_MAGIC;
	rq.op = SHMSIM_PROC;
	rq.a[0] = SHMSIM_PROC_SYSVIPC_SHM;
	if (connect_server(0) || exchange(&rq, &rp, fds)) {
		errno = EIO;
		return -1;
	}
	fd = fds[0];
	if (rp.err || fd < 0) {
		if (fd >= 0)
			close(fd);
		errno = rp.err ? rp.err : EIO;
		return -1;
	}
	/* it came close-on-exec (MSG_CMSG_CLOEXEC): as asked, then */
	if (!(flags & O_CLOEXEC))
		fcntl(fd, F_SETFD, 0);
	return fd;
}

/* the next definition of name (glibc's); NULL, having said so, if none */
static void *real(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);

	if (!fn)
		errno = ENOSYS;
	return fn;
}

/* open's mode argument is there only when the flags need one */
static mode_t mode_arg(int flags, va_list ap)
{
	if (__OPEN_NEEDS_MODE(flags))
		return (mode_t)va_arg(ap, int);
	return 0;
}

typedef int open_fn(const char *, int, ...);
typedef int openat_fn(int, const char *, int, ...);
typedef FILE *fopen_fn(const char *, const char *);

static int do_open(const char *name, const char *path, int flags,
		   mode_t mode)
{
	int fd = proc_open(AT_FDCWD, path, flags);
	open_fn *fn;

	if (fd != NOT_OURS)
		return fd;
	fn = (open_fn *)real(name);
	return fn ? fn(path, flags, mode) : -1;
}

static int do_openat(const char *name, int dirfd, const char *path,
		     int flags, mode_t mode)
{
	int fd = proc_open(dirfd, path, flags);
	openat_fn *fn;

	if (fd != NOT_OURS)
		return fd;
	fn = (openat_fn *)real(name);
	return fn ? fn(dirfd, path, flags, mode) : -1;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return do_open("open", path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return do_open("open64", path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return do_openat("openat", dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return do_openat("openat64", dirfd, path, flags, mode);
}

/* _FORTIFY_SOURCE's forms, which ipcs itself calls: never a mode */
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

int __open_2(const char *path, int flags)
{
	return do_open("__open_2", path, flags, 0);
}

int __open64_2(const char *path, int flags)
{
	return do_open("__open64_2", path, flags, 0);
}

int __openat_2(int dirfd, const char *path, int flags)
{
	return do_openat("__openat_2", dirfd, path, flags, 0);
}

int __openat64_2(int dirfd, const char *path, int flags)
{
	return do_openat("__openat64_2", dirfd, path, flags, 0);
}

/* fopen's mode as open's flags: only "r" (with "b", "e") reads alone */
static int fopen_flags(const char *mode)
{
	int flags = strchr(mode, '+') || mode[0] != 'r' ? O_RDWR : O_RDONLY;

	if (strchr(mode, 'e'))
		flags |= O_CLOEXEC;
	return flags;
}

static FILE *do_fopen(const char *name, const char *path, const char *mode)
{
	int fd = mode ? proc_open(AT_FDCWD, path, fopen_flags(mode)) :
		 NOT_OURS;
	fopen_fn *fn;
	FILE *f;

	if (fd == NOT_OURS) {
		fn = (fopen_fn *)real(name);
		return fn ? fn(path, mode) : NULL;
	}
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f) {
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	return do_fopen("fopen", path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	return do_fopen("fopen64", path, mode);
}
