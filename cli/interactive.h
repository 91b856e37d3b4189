/* SPDX-License-Identifier: GPL-2.0-only */
/* cli/interactive.h - `shmsim -i [SCRIPT]`: the prompt (cli/interactive.c). */
#ifndef _SHMSIM_CLI_INTERACTIVE_H
#define _SHMSIM_CLI_INTERACTIVE_H

#include <stdio.h>

#include "run.h"

/* Runs SCRIPT (or nothing), then the prompt; returns the exit status. */
int cli_interactive(const struct run_options *opt, const char *script);

/*
 * cli/trace_filter.c: a stream onto out that drops the trace's lines
 * *depth calls deep or deeper (*depth 0: none), read at every line.
 */
FILE *depth_filter_open(FILE *out, const int *depth);

#endif /* _SHMSIM_CLI_INTERACTIVE_H */
