/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/boot.h - the machine, its boot and its shutdown (sim). */
#ifndef _SIM_BOOT_H
#define _SIM_BOOT_H

#include <stdio.h>


#define SIM_CLOCK_START	1000000000L

struct sim_machine {
	unsigned long ram;	/* bytes of the page-frame arena */
	unsigned long swap;	/* bytes of the swap file; 0: no swap */
	const char *swap_file;	/* the user's name for it, kept at exit */
	int swap_force;		/* replace swap_file even if not shmsim's */
	int swap_err;		/* after boot: 0, or why swap is missing */
};

extern struct sim_machine sim_machine;
extern int sim_booted;
/* the release this program simulates: "2.4.16" or "2.6.32" */
extern const char sim_kernel_release[];
/*
 * What a script may use that this kernel does not model yet, by the
 * words of the language (a call's name, "show" views by name, "pressure",
 * "dot") and of the command line ("--check"); NULL-ended. The runner
 * refuses a script that uses one, before anything runs (exit 2). Empty
 * for 2.4.16; the 2.6.32 model lists what it still lacks.
 */
extern const char *const sim_not_modelled[];

int start_kernel(void);
int sim_shutdown(FILE *out);

#endif /* _SIM_BOOT_H */
