/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/outfile.h - files shmsim writes for the user (the pictures of `dot
 * FILE` and --dot-dir): never through a symbolic link, never over a
 * script of the run, never over a file shmsim did not write unless the
 * user said --force, and whole or not at all (a temporary file beside it,
 * renamed into place; on any error it is removed and the errno is the
 * host's own: ENOSPC for a full disk).
 */
#ifndef _SHMSIM_CLI_OUTFILE_H
#define _SHMSIM_CLI_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

/* the files a run must never write: its scripts (device and inode) */
struct outfile_guard {
	dev_t *dev;
	ino_t *ino;
	int n;
	int force;		/* --force: replace what shmsim did not write */
};

int outfile_guard_add(struct outfile_guard *g, const char *path);
void outfile_guard_free(struct outfile_guard *g);
int outfile_guard_has(const struct outfile_guard *g, dev_t dev, ino_t ino);

/*
 * Write path with fill(f, ctx), which returns 0 or an errno. A file
 * already at path is replaced only if it is empty, if its first kilobyte
 * holds ours (a line every file of this kind that shmsim writes has), or
 * with g->force. Returns 0, or an errno with why filled ("is a symbolic
 * link", strerror, ...).
 */
int outfile_write(const char *path, const struct outfile_guard *g,
		  const char *ours, int (*fill)(FILE *f, void *ctx),
		  void *ctx, char *why, size_t len);

#endif /* _SHMSIM_CLI_OUTFILE_H */
