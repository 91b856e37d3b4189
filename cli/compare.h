/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/compare.h - one script on both kernels, side by side (--compare).
 */
#ifndef _SHMSIM_CLI_COMPARE_H
#define _SHMSIM_CLI_COMPARE_H

#include <stdio.h>

#include "capture.h"
#include "run.h"
#include "script.h"

/*
 * Runs s (the script arg, as parsed here) in shmsim and in shmsim-2.6
 * with options[0..noptions) and --keep-going, and prints what each
 * statement printed on each kernel side by side into out, differences
 * marked, then a summary. Returns the larger of the two exit statuses,
 * or 2 (having said why) when a run could not be made.
 */
int cli_compare(const struct script *s, const char *arg, char **options,
		int noptions, FILE *out);

/* For `shmsim run --compare` (cli/run_compare.c): the two columns'
   width, from $COLUMNS; a and b side by side as a statement's outputs
   are, aligned as diff aligns them, with sdiff's gutter. */
int compare_column_width(void);
void compare_print_lines(FILE *out, const struct compare_block *a,
			 const struct compare_block *b, int colw);

#endif /* _SHMSIM_CLI_COMPARE_H */
