/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/run_dot.h - the runner's pictures (cli/run_dot.c): `dot FILE` and
 * --dot-dir's picture after every statement.
 */
#ifndef _SHMSIM_CLI_RUN_DOT_H
#define _SHMSIM_CLI_RUN_DOT_H

#include <stddef.h>

#include "run.h"
#include "script.h"

/* `dot FILE` of statement st. Returns 0, or the run's exit status. */
int run_dot(const struct script *s, const struct run_options *o,
	    const struct script_stmt *st);

/*
 * --dot-dir DIR: DIR/NNNN.dot after statement number n (from 1). Returns
 * 0, or the run's exit status.
 */
int run_dot_dir(const struct script *s, const struct run_options *o,
		const struct script_stmt *st, size_t n);

#endif /* _SHMSIM_CLI_RUN_DOT_H */
