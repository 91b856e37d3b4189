// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_dot.c - the runner's pictures (cli/run_dot.h). The picture of
 * every structure (sim/dot/) after a statement, which like a view adds no
 * trace event, written as cli/outfile.c writes: whole or not at all, and
 * never over a file that is not a picture of ours.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/kernel.h"
#include "outfile.h"
#include "run_dot.h"

/* a picture's first line; every picture then says DOT_MARK */
#define DOT_FIRST_LINE	"// "
#define DOT_MARK	"\ndigraph shmsim {\n"

struct dot_ctx {
	const struct script *s;
	const struct script_stmt *st;
	unsigned int flags;		/* SIM_DOT_* */
};

static int fill_dot(FILE *f, void *arg)
{
	struct dot_ctx *c = arg;
	int saved = sim_trace.enabled;

	fprintf(f, "%s%s:%d: %s\n", DOT_FIRST_LINE, c->s->file, c->st->line,
		c->st->text);
	sim_trace.enabled = 0;
	sim_dump_dot_with(f, c->flags);
	sim_trace.enabled = saved;
	return 0;
}

/*
 * The picture after statement st, in path: a comment naming the statement,
 * then sim_dump_dot's digraph. Returns 0 or an errno, with why filled.
 */
static int write_dot(const struct script *s, const struct run_options *o,
		     const struct script_stmt *st, const char *path,
		     unsigned int flags, char *why, size_t len)
{
	static const struct outfile_guard none;
	struct dot_ctx c = { s, st, flags | o->dot_flags };

	return outfile_write(path, o->guard ? o->guard : &none, DOT_MARK,
			     fill_dot, &c, why, len);
}

/*
 * The exit status when a picture could not be written: the host failing
 * while it wrote (a full disk, EIO) is 4; a path the script may not write
 * (no such directory, no permission, not a file of ours) is the script's
 * error, 2.
 */
static int dot_status(int err)
{
	switch (err) {
	case ENOSPC:
	case EIO:
	case EDQUOT:
	case EFBIG:
	case ENOMEM:
		return RUN_HOST;
	}
	return RUN_BAD_SCRIPT;
}

/* FILE is relative to the current directory. */
int run_dot(const struct script *s, const struct run_options *o,
	    const struct script_stmt *st)
{
	char why[160];
	int err = write_dot(s, o, st, st->dot.file, st->dot.flags, why,
			    sizeof(why));
	const char *t = st->text + 3;	/* past "dot", to the FILE token */

	if (!err)
		return 0;
	while (*t == ' ' || *t == '\t')
		t++;
	fflush(o->out);
	fprintf(o->err, "%s:%d:%d: dot: cannot write %s: %s\n", s->file,
		st->line, st->col + (int)(t - st->text), st->dot.file, why);
	return dot_status(err);
}

int run_dot_dir(const struct script *s, const struct run_options *o,
		const struct script_stmt *st, size_t n)
{
	size_t len = strlen(o->dot_dir) + 32;
	char *path = malloc(len);
	char why[160] = "out of memory";
	int err = ENOMEM;

	if (path) {
		snprintf(path, len, "%s/%04zu.dot", o->dot_dir, n);
		err = write_dot(s, o, st, path, 0, why, sizeof(why));
	}
	if (err) {
		fflush(o->out);
		fprintf(o->err, "%s:%d: --dot-dir: cannot write %s: %s\n",
			s->file, st->line, path ? path : o->dot_dir, why);
	}
	free(path);
	return err ? dot_status(err) : 0;
}
