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
 *                    (newseg: shmget -ENOMEM), do_shmat's shm_file_data
 *                    (shmat -ENOMEM).
 *   kmem_cache_alloc sim/slab.c kmem_cache_alloc, any cache: NULL. The
 *                    idr's layers (idr_pre_get returns 0: ipcget_new and a
 *                    create in ipcget_public give -ENOMEM), the dentry, file
 *                    and inode of shmem_file_setup (-ENOMEM, -ENFILE,
 *                    -ENOSPC), the vma of mmap_region (shmat -ENOMEM).
 *   alloc_page       sim/2.6/mm/page_alloc.c __alloc_pages_nodemask: NULL.
 *                    A fault's page (shmem_getpage: VM_FAULT_OOM, the task
 *                    is killed), its page table, a task's page directory
 *                    (-ENOMEM).
 *   vm_enough_memory sim/2.6/mm/mmap.c __vm_enough_memory: -ENOMEM.
 *                    shmem_file_setup's shmem_acct_size (shmget -ENOMEM).
 *   d_alloc          sim/2.6/fs/dcache.c, its dentry: NULL.
 *                    shmem_file_setup (-ENOMEM).
 *   get_empty_filp   sim/2.6/fs/file_table.c: NULL, as when the file table
 *                    is full. shmem_file_setup dputs its dentry (-ENFILE);
 *                    do_shmat's alloc_file frees the shm_file_data and
 *                    puts the dentry (shmat -ENOMEM).
 *   new_inode        sim/2.6/fs/inode.c: NULL. shmem_get_inode returns
 *                    NULL (shmem_free_inode gives the slot back);
 *                    shmem_file_setup put_filps and dputs (-ENOSPC).
 *
 * A function-level point (d_alloc, get_empty_filp, new_inode) fails before
 * the allocator under it is called; sim_fail_nth_alloc counts the
 * allocators and the one allocation check (the first four).
 */
#include "linux/kernel.h"
#include "sim/fail.h"

enum {
	SITE_KMALLOC,
	SITE_KMEM_CACHE_ALLOC,
	SITE_ALLOC_PAGE,
	SITE_VM_ENOUGH_MEMORY,
	SITE_D_ALLOC,
	SITE_GET_EMPTY_FILP,
	SITE_NEW_INODE,
	NR_SITES
};

const struct sim_fail_site sim_fail_sites[NR_SITES + 1] = {
	[SITE_KMALLOC] = { "kmalloc", NULL, { ENOMEM }, 1 },
	[SITE_KMEM_CACHE_ALLOC] = { "kmem_cache_alloc", NULL,
				    { ENOMEM, ENFILE, ENOSPC }, 1 },
	[SITE_ALLOC_PAGE] = { "alloc_page", "__alloc_pages_nodemask",
			      { ENOMEM }, 1 },
	[SITE_VM_ENOUGH_MEMORY] = { "vm_enough_memory", "__vm_enough_memory",
				    { ENOMEM }, 1 },
	[SITE_D_ALLOC] = { "d_alloc", NULL, { ENOMEM }, 0 },
	[SITE_GET_EMPTY_FILP] = { "get_empty_filp", NULL, { ENFILE, ENOMEM },
				  0 },
	[SITE_NEW_INODE] = { "new_inode", NULL, { ENOSPC }, 0 },
	[NR_SITES] = { NULL, NULL, { 0 }, 0 },
};

_Static_assert(NR_SITES <= SIM_FAIL_MAX_SITES, "raise SIM_FAIL_MAX_SITES");
