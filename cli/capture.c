// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/capture.c - a script's run in a kernel's program, cut into what
 * each statement printed (cli/capture.h). The program runs as a child with
 * --statement-marks, which puts a mark line (RUN_MARK) before each
 * statement's output and before the shutdown report; its standard output
 * and error arrive together, in order, since a marked run's output is
 * line-buffered.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "kernels.h"

int capture_add_line(struct compare_block *b, char *line)
{
	if (b->n == b->size) {
		size_t size = b->size ? 2 * b->size : 16;
		char **lines = realloc(b->lines, size * sizeof(*lines));

		if (!lines)
			return -1;
		b->lines = lines;
		b->size = size;
	}
	b->lines[b->n++] = line;
	return 0;
}

/* cuts o->buf into lines and the lines into blocks by the marks */
static int split_output(struct run_out *o, size_t nstmts)
{
	size_t mark_len = strlen(RUN_MARK), cur = 0;
	char *line = o->buf, *nl;

	o->blocks = calloc(nstmts + 2, sizeof(*o->blocks));
	if (!o->blocks)
		return -1;
	while (*line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!strncmp(line, RUN_MARK, mark_len)) {
			const char *what = line + mark_len;

			cur = !strcmp(what, "end") ? nstmts + 1 :
				1 + strtoul(what, NULL, 10);
			if (cur > nstmts + 1)
				cur = nstmts + 1;
			if (cur <= nstmts && cur > o->ran)
				o->ran = cur;
		} else if (capture_add_line(&o->blocks[cur], line)) {
			return -1;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

/* the length of this run's own option at opt, and whether it has an argument */
static int own_option(const char *opt, int *with_arg)
{
	size_t n = strcspn(opt, "=");

	*with_arg = 0;
	if (!strcmp(opt, "--compare"))
		return 1;
	/* --html FILE, --html=FILE, or getopt's unambiguous --htm FILE */
	if (n >= 4 && !strncmp(opt, "--html", n) && n <= 6) {
		*with_arg = opt[n] != '=';
		return 1;
	}
	return 0;
}

int capture_run(enum script_kernel k, const struct script *s, const char *arg,
		char **options, int noptions, char **extra, int nextra,
		const char *what, struct run_out *o)
{
	char path[4096];
	char **argv = calloc((size_t)(noptions + nextra) + 5, sizeof(*argv));
	int err = cli_find_program(k, path, sizeof(path)), n = 0, i, with;
	size_t len;

	memset(o, 0, sizeof(*o));
	if (!argv) {
		fprintf(stderr, "shmsim: out of memory\n");
		return -1;
	}
	if (err) {
		fprintf(stderr, "shmsim: %s: %s, which runs Linux %s, is not "
			"there (%s: %s)\n", what, cli_kernel_program(k),
			cli_kernel_name(k), path, strerror(err));
		free(argv);
		return -1;
	}
	for (i = 0; i < noptions; i++) {
		if (own_option(options[i], &with))
			i += with;
		else
			argv[n++] = options[i];
	}
	for (i = 0; i < nextra; i++)
		argv[n++] = extra[i];
	argv[n++] = "--kernel";
	argv[n++] = (char *)cli_kernel_name(k);
	argv[n++] = "--keep-going";
	argv[n++] = "--statement-marks";
	o->status = cli_run_captured(path, argv, n, s, arg, &o->buf, &len);
	free(argv);
	if (!o->buf)
		return -1;
	if (split_output(o, s->nstmts)) {
		fprintf(stderr, "shmsim: out of memory\n");
		return -1;
	}
	return 0;
}

void capture_free(struct run_out *o, size_t nstmts)
{
	size_t i;

	if (o->blocks)
		for (i = 0; i < nstmts + 2; i++)
			free(o->blocks[i].lines);
	free(o->blocks);
	free(o->buf);
	o->blocks = NULL;
	o->buf = NULL;
}

/* past "     210 |", or NULL */
static const char *past_event_number(const char *line)
{
	const char *p = line;

	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return NULL;
	while (isdigit((unsigned char)*p))
		p++;
	return strncmp(p, " |", 2) ? NULL : p + 2;
}

int capture_is_trace_line(const char *line)
{
	return past_event_number(line) != NULL;
}

const char *capture_line_key(const char *line)
{
	const char *p = past_event_number(line);

	if (!p)
		return line;
	while (*p == ' ')
		p++;
	return p;
}

int capture_is_result_line(const char *line)
{
	const char *p = line;

	if (!isalpha((unsigned char)*p) && *p != '_')
		return 0;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	if (*p++ != '[' || !isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	return !strncmp(p, "]: ", 3);
}
