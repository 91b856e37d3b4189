// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/outfile.c - files shmsim writes for the user; see outfile.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

int outfile_guard_add(struct outfile_guard *g, const char *path)
{
	struct stat st;
	dev_t *dev;
	ino_t *ino;

	if (stat(path, &st))
		return 0;	/* standard input, or nothing to protect */
	dev = realloc(g->dev, (g->n + 1) * sizeof(*dev));
	if (!dev)
		return ENOMEM;
	g->dev = dev;
	ino = realloc(g->ino, (g->n + 1) * sizeof(*ino));
	if (!ino)
		return ENOMEM;
	g->ino = ino;
	g->dev[g->n] = st.st_dev;
	g->ino[g->n] = st.st_ino;
	g->n++;
	return 0;
}

void outfile_guard_free(struct outfile_guard *g)
{
	free(g->dev);
	free(g->ino);
	g->dev = NULL;
	g->ino = NULL;
	g->n = 0;
}

int outfile_guard_has(const struct outfile_guard *g, dev_t dev, ino_t ino)
{
	int i;

	for (i = 0; i < g->n; i++)
		if (g->dev[i] == dev && g->ino[i] == ino)
			return 1;
	return 0;
}

/* Does the file at path hold ours in its first kilobyte? */
static int written_by_us(const char *path, const char *ours)
{
	char head[1025];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, head, sizeof(head) - 1);
	close(fd);
	if (n <= 0)
		return n == 0;	/* an empty file holds nothing to lose */
	head[n] = '\0';
	return strstr(head, ours) != NULL;
}

/* May path be written? 0, or an errno with why filled. */
static int may_write(const char *path, const struct outfile_guard *g,
		     const char *ours, char *why, size_t len)
{
	struct stat st;

	if (lstat(path, &st)) {
		int err = errno;

		if (err == ENOENT)
			return 0;	/* a new file: nothing to lose */
		snprintf(why, len, "%s", strerror(err));
		return err;
	}
	if (S_ISLNK(st.st_mode)) {
		snprintf(why, len, "is a symbolic link; name the file itself");
		return ELOOP;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, len, "exists and is not a regular file");
		return EEXIST;
	}
	if (outfile_guard_has(g, st.st_dev, st.st_ino)) {
		snprintf(why, len, "is a script of this run");
		return EEXIST;
	}
	if (!g->force && !written_by_us(path, ours)) {
		snprintf(why, len, "exists and was not written by shmsim; "
			 "--force replaces it");
		return EEXIST;
	}
	return 0;
}

/* mkstemp made it 0600; a picture is as readable as fopen would make it */
static int fchmod_at_umask(const char *path)
{
	mode_t mask = umask(0);

	umask(mask);
	return chmod(path, 0666 & ~mask);
}

int outfile_write(const char *path, const struct outfile_guard *g,
		  const char *ours, int (*fill)(FILE *f, void *ctx),
		  void *ctx, char *why, size_t len)
{
	size_t plen = strlen(path) + 16;
	char *tmp = malloc(plen);
	FILE *f = NULL;
	int fd, err;

	if (!tmp) {
		snprintf(why, len, "%s", strerror(ENOMEM));
		return ENOMEM;
	}
	err = may_write(path, g, ours, why, len);
	if (err)
		goto out;
	snprintf(tmp, plen, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		snprintf(why, len, "%s", strerror(err));
		goto out;
	}
	f = fdopen(fd, "w");
	if (!f) {
		err = errno;
		close(fd);
		goto fail;
	}
	err = fill(f, ctx);
	if (!err && fflush(f))
		err = errno;
	if (!err && ferror(f))
		err = EIO;
	if (!err && fsync(fileno(f)))
		err = errno;
	if (fclose(f) && !err)
		err = errno;
	if (!err && fchmod_at_umask(tmp))
		err = errno;
	if (!err && rename(tmp, path))
		err = errno;
	if (!err)
		goto out;
fail:
	snprintf(why, len, "%s", strerror(err));
	unlink(tmp);
out:
	free(tmp);
	return err;
}
