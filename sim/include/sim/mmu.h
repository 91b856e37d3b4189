/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/mmu.h - user loads and stores through the page tables. */
#ifndef _SIM_MMU_H
#define _SIM_MMU_H

#include <stddef.h>

int sim_user_access(unsigned long addr, void *buf, size_t len, int write,
		    size_t *done);

int sim_user_touch(unsigned long addr, int write);

#endif /* _SIM_MMU_H */
