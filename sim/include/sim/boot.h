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
	unsigned int patches;	/* SIM_PATCH_*: the experiment's changes */
};

/*
 * The visibility experiment's patches (`machine patch=`), each one change
 * to the kernel applied at boot; the patched line says so in the trace
 * (a "patch single-sb" note). sim_patches_known: the ones this kernel has
 * (2.4.16 has no MS_NOUSER on tmpfs, so no user-mount).
 */
#define SIM_PATCH_SINGLE_SB	0x1	/* tmpfs mounts share one super_block */
#define SIM_PATCH_USER_MOUNT	0x2	/* internal mount without MS_NOUSER */
#define SIM_PATCH_HASHED_SHM	0x4	/* the SYSV dentries hashed */
extern const unsigned int sim_patches_known;
extern struct sim_machine sim_machine;

static inline int sim_patched(unsigned int patch)
{
	return (sim_machine.patches & patch) != 0;
}

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
