/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/capture.h - a script run by a kernel's program as a child, its
 * output captured and cut into what each statement printed, by the marks
 * --statement-marks puts before each statement (cli/run.h). --compare
 * (cli/compare.c) and --html (cli/html.c) build on it.
 */
#ifndef _SHMSIM_CLI_CAPTURE_H
#define _SHMSIM_CLI_CAPTURE_H

#include <stddef.h>

#include "script.h"

/* what one statement (or the part before the first, or the end) printed */
struct compare_block {
	char **lines;
	size_t n, size;
};

struct run_out {
	char *buf;		/* the program's whole output */
	struct compare_block *blocks;	/* [0] before the first statement,
				   [1 + i] statement i, [nstmts + 1] the end */
	size_t ran;		/* statements whose mark was seen */
	int status;		/* the program's exit status */
};

/*
 * Runs s (the script arg) on kernel k's program with options[0..noptions)
 * less --compare and --html FILE, then extra[0..nextra), --kernel K,
 * --keep-going and --statement-marks, into o. what ("--compare") heads
 * the error when the program is not there. Returns 0, or -1 having said
 * why (o is then to be freed all the same).
 */
int capture_run(enum script_kernel k, const struct script *s, const char *arg,
		char **options, int noptions, char **extra, int nextra,
		const char *what, struct run_out *o);
void capture_free(struct run_out *o, size_t nstmts);

/* line (not copied) at the end of b: 0, or -1 out of memory */
int capture_add_line(struct compare_block *b, char *line);
/* "A[100]: ..." as cli/print.c prints a call's result */
int capture_is_result_line(const char *line);
/* "     210 |  sys_shmget(...) {": a line of the call trace */
int capture_is_trace_line(const char *line);
/* a trace line without its event number and indentation, else the line */
const char *capture_line_key(const char *line);

#endif /* _SHMSIM_CLI_CAPTURE_H */
