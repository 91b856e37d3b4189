// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/swapdev.c - the host file behind a swap area (sim only).
 * Kept apart from the kernel files so that <fcntl.h>'s S_IF* and the
 * simulated kernel's never meet. mm/swapfile.c opens and sizes the file,
 * mm/page_io.c reads and writes 4 KiB at a slot's offset.
 *
 * The host's files come first: a path is never followed through a
 * symlink; a file that is not a swap area shmsim made (the SWAPSPACE2
 * signature and shmsim's label) is not replaced unless the caller forces
 * it; an area in use is locked (flock), so that two shmsim processes never
 * share one; and a swap file nobody named has no name at all (O_TMPFILE,
 * or unlinked at once), so that no exit, not even SIGKILL, leaves it.
 * Functions return a descriptor or 0, or a negative errno.
 */
#define _GNU_SOURCE		/* O_TMPFILE */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "sim/swapdev.h"

/* the swap header (util-linux's swap_header_v1_2) */
#define HDR_SIZE	4096
#define HDR_LABEL	1052	/* volume_name[16] */
#define HDR_MAGIC	(HDR_SIZE - 10)

/* /proc/self/fd/N names one of our own descriptors: follow that link */
static int own_fd_path(const char *path)
{
	return !strncmp(path, "/proc/self/fd/", 14);
}

static int open_flags(const char *path)
{
	return O_RDWR | O_CLOEXEC | (own_fd_path(path) ? 0 : O_NOFOLLOW);
}

/* 0 if fd is a regular file we may lock for ourselves, else -errno */
static int take(int fd)
{
	struct stat st;

	if (fstat(fd, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if (flock(fd, LOCK_EX | LOCK_NB))
		return errno == EWOULDBLOCK ? -EBUSY : -errno;
	return 0;
}

/* Is the file at fd a swap area shmsim made (or empty, just created)? */
static int ours(int fd)
{
	char hdr[HDR_SIZE];
	ssize_t n = pread(fd, hdr, sizeof(hdr), 0);

	if (n == 0)
		return 1;
	return n == (ssize_t)sizeof(hdr) &&
	       !memcmp(hdr + HDR_MAGIC, "SWAPSPACE2", 10) &&
	       !strncmp(hdr + HDR_LABEL, SIM_SWAPDEV_LABEL, 16);
}

int sim_swapdev_create(const char *path, unsigned long long bytes,
		       const void *hdr, size_t hdrlen, int force)
{
	int fd = open(path, open_flags(path) | O_CREAT, 0600);
	int err;

	if (fd < 0)
		return -errno;	/* ELOOP: a symbolic link */
	err = take(fd);
	if (!err && !force && !ours(fd))
		err = -EEXIST;
	if (!err && (ftruncate(fd, (off_t)bytes) ||
		     pwrite(fd, hdr, hdrlen, 0) != (ssize_t)hdrlen))
		err = errno ? -errno : -EIO;
	close(fd);		/* and the lock with it */
	return err;
}

int sim_swapdev_open(const char *path)
{
	int fd = open(path, open_flags(path));
	int err;

	if (fd < 0)
		return -errno;
	err = take(fd);
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

int sim_swapdev_errno;
char sim_swapdev_why[160];

void sim_swapdev_failed(int err, const char *fmt, ...)
{
	va_list ap;

	if (sim_swapdev_errno)
		return;		/* the first failure is the one to report */
	sim_swapdev_errno = err;
	va_start(ap, fmt);
	vsnprintf(sim_swapdev_why, sizeof(sim_swapdev_why), fmt, ap);
	va_end(ap);
}

long long sim_swapdev_size(int fd)
{
	return (long long)lseek(fd, 0, SEEK_END);
}

long sim_swapdev_read(int fd, void *buf, size_t len, long long pos)
{
	ssize_t n = pread(fd, buf, len, (off_t)pos);

	return n < 0 ? -errno : (long)n;
}

long sim_swapdev_write(int fd, const void *buf, size_t len, long long pos)
{
	ssize_t n = pwrite(fd, buf, len, (off_t)pos);

	return n < 0 ? -errno : (long)n;
}

/* Do the two descriptors name the same file (device and inode)? */
int sim_swapdev_same(int fd1, int fd2)
{
	struct stat a, b;

	if (fstat(fd1, &a) || fstat(fd2, &b))
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

void sim_swapdev_close(int fd, const char *unlink_path)
{
	close(fd);
	if (unlink_path)
		unlink(unlink_path);
}

static const char *temp_dir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

/*
 * A file with no name in $TMPDIR (or /tmp): it is gone when its last
 * descriptor closes, however the process ends. Where the file system has
 * no O_TMPFILE, a mkstemp name unlinked at once.
 */
int sim_swapdev_tempfile(void)
{
	char path[4096];
	int fd = open(temp_dir(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);

	if (fd >= 0)
		return fd;
	if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		return -errno;
	if (snprintf(path, sizeof(path), "%s/shmsim-swap-XXXXXX",
		     temp_dir()) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	fd = mkstemp(path);
	if (fd < 0)
		return -errno;
	unlink(path);
	return fd;
}

/* A new file name in $TMPDIR for a swap area (tests); NULL if none. */
char *sim_swapdev_tempname(void)
{
	char *path = malloc(4096);
	int fd;

	if (!path)
		return NULL;
	snprintf(path, 4096, "%s/shmsim-swap-XXXXXX", temp_dir());
	fd = mkstemp(path);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

/*
 * May a run use path as its swap file? 0, or -errno with why filled: a
 * symlink (-ELOOP), not a regular file (-EINVAL), a file shmsim did not
 * make and force not given (-EEXIST), in use by another run (-EBUSY), or
 * what open(2) says (a missing directory, no permission, a read-only file
 * system). Creates nothing that stays: a file made to find out is removed.
 */
int sim_swapdev_check(const char *path, int force, char *why, size_t len)
{
	struct stat st;
	int fd, err = 0, made = 0;

	if (!lstat(path, &st)) {
		if (S_ISLNK(st.st_mode)) {
			snprintf(why, len, "is a symbolic link; give the file "
				 "itself");
			return -ELOOP;
		}
		if (!S_ISREG(st.st_mode)) {
			snprintf(why, len, "is not a regular file");
			return -EINVAL;
		}
		fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	} else if (errno == ENOENT) {
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
			  O_CLOEXEC, 0600);
		made = fd >= 0;
	} else {
		fd = -1;
	}
	if (fd < 0) {
		err = -errno;
		snprintf(why, len, "%s", strerror(-err));
		return err;
	}
	err = take(fd);
	if (err == -EBUSY)
		snprintf(why, len, "is in use by another shmsim run");
	else if (err)
		snprintf(why, len, "%s", strerror(-err));
	else if (!force && !ours(fd)) {
		err = -EEXIST;
		snprintf(why, len, "exists and is not a swap area shmsim made; "
			 "--force replaces it");
	}
	close(fd);
	if (made)
		unlink(path);
	return err;
}

/* Can a nameless swap file be made in $TMPDIR? 0, or -errno with why. */
int sim_swapdev_check_tempdir(char *why, size_t len)
{
	int fd = sim_swapdev_tempfile();

	if (fd < 0) {
		snprintf(why, len, "TMPDIR %s: %s", temp_dir(),
			 strerror(-fd));
		return fd;
	}
	close(fd);
	return 0;
}
