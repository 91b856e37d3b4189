/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/boot.h - the machine, its boot and its shutdown (sim). */
#ifndef _SIM_BOOT_H
#define _SIM_BOOT_H

#include <stdio.h>

#include "linux/fs.h"

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

int start_kernel(void);
int sim_shutdown(FILE *out);

#endif /* _SIM_BOOT_H */
