// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/swapdev.c - the host file behind a swap area (sim only).
 * Kept apart from the kernel files so that <fcntl.h>'s S_IF* and the
 * simulated kernel's never meet. mm/swapfile.c opens and sizes the file,
 * mm/page_io.c reads and writes 4 KiB at a slot's offset.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "sim/swapdev.h"

int sim_swapdev_create(const char *path, unsigned long long bytes,
		       const void *hdr, size_t hdrlen)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	int ok;

	if (fd < 0)
		return -1;
	ok = !ftruncate(fd, (off_t)bytes) &&
	     pwrite(fd, hdr, hdrlen, 0) == (ssize_t)hdrlen;
	close(fd);
	return ok ? 0 : -1;
}

int sim_swapdev_open(const char *path)
{
	return open(path, O_RDWR);
}

long long sim_swapdev_size(int fd)
{
	return (long long)lseek(fd, 0, SEEK_END);
}

long sim_swapdev_read(int fd, void *buf, size_t len, long long pos)
{
	return (long)pread(fd, buf, len, (off_t)pos);
}

long sim_swapdev_write(int fd, const void *buf, size_t len, long long pos)
{
	return (long)pwrite(fd, buf, len, (off_t)pos);
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

/* A new file name for a swap area no one named: $TMPDIR or /tmp. */
char *sim_swapdev_tempname(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	path = malloc(4096);
	if (!path)
		return NULL;
	snprintf(path, 4096, "%s/shmsim-swap-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}
