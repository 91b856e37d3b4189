// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/vmalloc.c - virtually contiguous kernel memory.
 * Models the interface of mm/vmalloc.c (2.4.16): vmalloc (__vmalloc with
 *   GFP_KERNEL | __GFP_HIGHMEM) and vfree, which return NULL and free as
 *   the kernel's do; in 2.4.16's order: vfree, then vmalloc where
 *   __vmalloc is (vmalloc itself is an inline of linux/vmalloc.h there).
 * Left out (simplified): the vmalloc address range, vmlist, the page
 *   tables of init_mm and the frames behind them: an area is one calloc()
 *   of host memory, so a vmalloc takes no page frame from the simulated
 *   RAM (2.4 would take one per page). Only counted, for the leak report.
 * Called by ipc_alloc/ipc_free (sim/ipc/util.c) for id arrays bigger than
 *   a page: the first shmget grows shm_ids to 4097 slots, 16388 bytes.
 * `inject vmalloc` (sim/fail_sites.c) makes the next vmalloc return NULL.
 */
#include <stdlib.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/vmalloc.h"
#include "sim/fail.h"

unsigned long sim_vmalloc_live;

void vfree(void *addr)
{
	if (!addr)
		return;
	BUG_ON(sim_vmalloc_live == 0);
	sim_vmalloc_live--;
	free(addr);
}

/* size bytes, zeroed (sim: 2.4 leaves them as the frames held them) */
void *vmalloc(unsigned long size)
{
	void *addr;

	/* max_mapnr stands for num_physpages */
	if (!size || (size >> PAGE_SHIFT) > max_mapnr)
		return NULL;
	if (sim_should_fail("vmalloc"))
		return NULL;
	addr = calloc(1, size);
	if (addr)
		sim_vmalloc_live++;
	return addr;
}
