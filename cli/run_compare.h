/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/run_compare.h - `shmsim run --compare -- PROGRAM`: the program on
 * the host's kernel and on the simulated one, their result lines and
 * their output side by side (docs/run.md, "--compare").
 */
#ifndef _SHMSIM_CLI_RUN_COMPARE_H
#define _SHMSIM_CLI_RUN_COMPARE_H

#include <stdio.h>

#include "shmsim_native.h"

/*
 * cli/run_compare.c: runs prog natively, then under this program's
 * simulated kernel, and prints both into out. Returns the larger of the
 * two exit statuses, or 2 (having said why) when a run could not be made.
 */
int prog_compare(char **prog, FILE *out);

/* cli/run_compare_kernel.c: record r as a result line of name[pid] */
void prog_print_record(FILE *out, const struct shmsim_record *r, int pid,
		       const char *name);

#endif /* _SHMSIM_CLI_RUN_COMPARE_H */
