// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/sim_missing.c - what the 2.6.32 model does not have yet (sim
 * only). sim_not_modelled lists it by the script language's words; the
 * runner refuses a script that uses any of it before anything runs, so
 * the functions below, which the runner links for the 2.4.16 kernel's
 * sake, are never reached: each is a BUG if it is. Every entry goes away
 * as the model grows (docs/kernel-2.6.md says what is in).
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/boot.h"
#include "sim/kernel_version.h"
#include "sim/proc.h"

const char *const sim_not_modelled[] = {
	"MAP_PRIVATE",
	"SHM_HUGETLB",
	"pressure",
	"swap",
	"swap=",
	"--swap-file",
	NULL
};

int need_balance;	/* no kswapd: nothing ever wakes it */

#define NOT_MODELLED(what) \
	sim_bug(__FILE__, __LINE__, what ": not in the 2.6.32 model yet")



int sim_pressure(int nr_pages)
{
	(void)nr_pages;
	NOT_MODELLED("pressure");
	return 0;
}

void kswapd_balance(void)
{
	NOT_MODELLED("kswapd");
}

void sim_dump_swap(FILE *out)
{
	(void)out;
	NOT_MODELLED("show swap");
}
