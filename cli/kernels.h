/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/kernels.h - which simulated kernel runs a script, and handing a
 * script to the program that has it. Each program links one kernel
 * (docs/layout.md): shmsim is Linux 2.4.16, shmsim-2.6 is Linux 2.6.32,
 * built side by side from the same cli/ sources. A script whose kernel
 * (--kernel, else its machine line) is the other one runs in the other
 * program, found in the same directory, with the same options.
 */
#ifndef _SHMSIM_CLI_KERNELS_H
#define _SHMSIM_CLI_KERNELS_H

#include <stddef.h>

#include "run.h"
#include "script.h"

/* the kernel this program links */
enum script_kernel cli_this_kernel(void);
/* "2.4", "2.6" */
const char *cli_kernel_name(enum script_kernel k);
/* "shmsim", "shmsim-2.6" */
const char *cli_kernel_program(enum script_kernel k);

/*
 * The program that runs kernel k, beside this one, into path. Returns 0,
 * or an errno (ENOENT: not built) having filled path with where it looked.
 */
int cli_find_program(enum script_kernel k, char *path, size_t len);

/*
 * Runs the script arg (s, as parsed here) in the program at path with
 * options[0..noptions): with replace, this process becomes it (execv)
 * and the call returns only on failure; else it runs as a child and its
 * exit status is returned. A script read from standard input is given to
 * it again on its standard input. Returns 2 (and says why) on failure.
 */
int cli_hand_off(const char *path, char **options, int noptions,
		 const struct script *s, const char *arg, int replace);

/*
 * Runs the script arg in the program at path as a child, as cli_hand_off
 * does, with its standard output and error captured into *out (*len
 * bytes, NUL-terminated, to free). Returns its exit status; 2 (having
 * said why, *out NULL) when it could not be run or read.
 */
/* fd read to its end, NUL-terminated, its length in *len; NULL: no memory */
char *cli_read_all(int fd, size_t *len);
int cli_run_captured(const char *path, char **options, int noptions,
		     const struct script *s, const char *arg, char **out,
		     size_t *len);

/*
 * A kernel still being built (the 2.6.32 model) lists what it does not
 * model yet (sim_not_modelled): a script or an option that uses any of it
 * is refused before anything runs, with FILE:LINE:COL and why, rather
 * than run halfway. Returns RUN_BAD_SCRIPT when refused, else 0.
 */
/*
 * cli/not_modelled.c: every inject's function and errno against this
 * kernel's sim_fail_sites; 0 or RUN_BAD_SCRIPT with FILE:LINE:COL said
 */
int cli_check_injects(const struct script *s, FILE *err);
/* "kmalloc, kmem_cache_alloc, ...": the functions inject can fail */
void cli_fail_site_list(char *buf, size_t len);
struct sim_fail_site;
/* "ENOMEM", "ENOMEM or ENOSPC": what a failing site gives its callers */
void cli_fail_errno_list(const struct sim_fail_site *site, char *buf,
			 size_t n);
int cli_refuse_not_modelled(const struct script *s,
			    const struct run_options *o);

#endif /* _SHMSIM_CLI_KERNELS_H */
