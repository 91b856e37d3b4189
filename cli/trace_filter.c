// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/trace_filter.c - the prompt's `:trace depth N` (cli/interactive.c):
 * a stdio stream in front of the output that drops the trace lines more
 * than N calls deep and lets every other line through. Apart from the
 * rest of the prompt because it needs glibc's fopencookie (_GNU_SOURCE),
 * which the 2.6 kernel's headers do not build beside.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "interactive.h"

/*
 * A trace line is "%8u |  " then two spaces a level: one deeper than the
 * limit is dropped; every other line (results, views) goes through.
 */
struct depth_filter {
	FILE *out;
	const int *depth;
	char line[4096];
	size_t n;
};

static int too_deep(const char *l, size_t n, int depth)
{
	size_t i = 0, spaces = 0;

	if (!depth || n < 12 || l[8] != ' ' || l[9] != '|')
		return 0;
	while (i < 8 && (l[i] == ' ' || (l[i] >= '0' && l[i] <= '9')))
		i++;
	if (i < 8)
		return 0;
	for (i = 10; i < n && l[i] == ' '; i++)
		spaces++;
	return spaces >= 2 && (int)((spaces - 2) / 2) >= depth;
}

static ssize_t filter_write(void *cookie, const char *buf, size_t size)
{
	struct depth_filter *f = cookie;
	size_t i;

	for (i = 0; i < size; i++) {
		if (f->n < sizeof(f->line))
			f->line[f->n++] = buf[i];
		if (buf[i] != '\n' && f->n < sizeof(f->line))
			continue;
		if (!too_deep(f->line, f->n, *f->depth))
			fwrite(f->line, 1, f->n, f->out);
		f->n = 0;
	}
	fflush(f->out);
	return (ssize_t)size;
}

static int filter_close(void *cookie)
{
	free(cookie);
	return 0;
}

FILE *depth_filter_open(FILE *out, const int *depth)
{
	static const cookie_io_functions_t io = {
		.write = filter_write, .close = filter_close,
	};
	struct depth_filter *f = calloc(1, sizeof(*f));
	FILE *fp;

	if (!f)
		return NULL;
	f->out = out;
	f->depth = depth;
	fp = fopencookie(f, "w", io);
	if (!fp)
		free(f);
	else
		setvbuf(fp, NULL, _IONBF, 0);
	return fp;
}
