// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fail_sites.c - the 2.6.32 kernel's fault-injection points (sim
 * only): the table sim_fail_sites that sim/lib/fail.c arms, as
 * sim/fail_sites.c is for 2.4.16. Each point is named after the function
 * that fails, with the errnos its failure gives the callers on the
 * modelled paths. The table grows with the model: only what the 2.6.32
 * files modelled so far can fail is listed.
 *
 *   kmalloc          sim/slab.c kmalloc: NULL. ipc_rcu_alloc's object
 *                    (newseg: shmget -ENOMEM).
 *   kmem_cache_alloc sim/slab.c kmem_cache_alloc, any cache: NULL. The
 *                    idr's layers (idr_pre_get returns 0: ipcget_new and a
 *                    create in ipcget_public give -ENOMEM), the dentry, file
 *                    and inode of shmem_file_setup (-ENOMEM, -ENFILE,
 *                    -ENOSPC), the vma of mmap_region (shmat -ENOMEM).
 *   alloc_page       sim/2.6/mm/page_alloc.c __alloc_pages_nodemask: NULL.
 *                    A fault's page (shmem_getpage: VM_FAULT_OOM, the task
 *                    is killed), its page table, a task's page directory
 *                    (-ENOMEM).
 */
#include "linux/kernel.h"
#include "sim/fail.h"

enum {
	SITE_KMALLOC,
	SITE_KMEM_CACHE_ALLOC,
	SITE_ALLOC_PAGE,
	NR_SITES
};

const struct sim_fail_site sim_fail_sites[NR_SITES + 1] = {
	[SITE_KMALLOC] = { "kmalloc", NULL, { ENOMEM }, 1 },
	[SITE_KMEM_CACHE_ALLOC] = { "kmem_cache_alloc", NULL,
				    { ENOMEM, ENFILE, ENOSPC }, 1 },
	[SITE_ALLOC_PAGE] = { "alloc_page", "__alloc_pages_nodemask",
			      { ENOMEM }, 1 },
	[NR_SITES] = { NULL, NULL, { 0 }, 0 },
};

_Static_assert(NR_SITES <= SIM_FAIL_MAX_SITES, "raise SIM_FAIL_MAX_SITES");
