/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/run.h - running a parsed scenario against the simulated kernel.
 * The runner boots the machine a script describes, makes each call as the
 * named task (setting `current`), prints the trace and one strace-style
 * result line per call, checks outcomes and expectations, prints the views,
 * and at the end shuts the machine down and reports anything still alive.
 */
#ifndef _SHMSIM_CLI_RUN_H
#define _SHMSIM_CLI_RUN_H

#include "outfile.h"

#include <stdio.h>

#include "script.h"

/* Exit statuses of the contract */
#define RUN_OK		0	/* every expectation held */
#define RUN_FAILED	1	/* an expectation failed */
#define RUN_BAD_SCRIPT	2	/* the script or command line is wrong */
#define RUN_BUG		3	/* a broken invariant or a leak */
#define RUN_HOST	4	/* the host failed: a file shmsim writes (the
				   swap file, a picture, the output) could not
				   be written or read; the run stops there */

struct run_options {
	int trace;		/* print the call trace (--trace, default) */
	int quiet;		/* -q: only results and failures */
	int keep_going;		/* --keep-going: continue past failures */
	int interactive;	/* -i: the prompt (cli/interactive.c) */
	int check;		/* --check: every invariant after each step */
	const char *dot_dir;	/* --dot-dir DIR: a picture per statement */
	const char *html;	/* --html FILE: the run as a page */
	unsigned int dot_flags;	/* --dot-with: SIM_DOT_* in every picture */
	const char *swap_file;	/* --swap-file PATH: kept after the run */
	int force;		/* --force: replace files shmsim did not make */
	int marks;		/* --statement-marks: a line (RUN_MARK and
				   the statement's index, or "end") before
				   each statement's output and the
				   shutdown report, for --compare */
	int has_kernel;		/* --kernel given: */
	enum script_kernel kernel;	/* it overrides the machine line */
	const struct outfile_guard *guard;	/* files never written */
	FILE *out;		/* trace, results and views */
	FILE *err;		/* failures and errors */
};

/* --statement-marks: a line that starts with it is a mark (cli/compare.c) */
#define RUN_MARK "\036shmsim-statement "

void run_options_init(struct run_options *opt);
/* the kernel s runs on: --kernel, else its machine line, else this program's */
enum script_kernel run_kernel(const struct script *s,
			      const struct run_options *opt);
/* the statement that chose it (machine kernel=...), or NULL */
const struct script_stmt *run_kernel_stmt(const struct script *s);
int run_script(const struct script *s, const struct run_options *opt);

/* the same in steps, for the prompt: see cli/run.c */
struct runner;
struct runner *run_begin(const struct script *s, const struct run_options *opt,
			 int *status);
int run_more(struct runner *r, const struct script *s, size_t from);
int run_end(struct runner *r);
void run_free(struct runner *r);
int run_stopped(const struct runner *r);
void run_resume(struct runner *r, const struct run_options *opt);
void run_rescript(struct runner *r, const struct script *s);

#endif /* _SHMSIM_CLI_RUN_H */
