/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/sim/kernel_version.h - the part of the runner's seam
 * (sim/include/sim/kernel.h) that the 2.6.32 model does not have in its
 * own headers yet: the functions sim/2.6/sim_missing.c guards. The
 * 2.4.16 kernel declares them in its linux/mm.h and linux/swap.h; this
 * file takes their place in a 2.6 build (sim/2.6/include comes first).
 */
#ifndef _SIM26_KERNEL_VERSION_H
#define _SIM26_KERNEL_VERSION_H

#include <stddef.h>
#include <stdio.h>

unsigned long sys_mmap2(unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long fd, unsigned long pgoff);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
int sim_pressure(int nr_pages);
void kswapd_balance(void);
extern int need_balance;
void sim_dump_swap(FILE *out);

#endif /* _SIM26_KERNEL_VERSION_H */
