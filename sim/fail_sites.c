// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/fail_sites.c - the 2.4.16 kernel's fault-injection points (sim
 * only): the table sim_fail_sites that sim/lib/fail.c arms. Each point is
 * named after the 2.4.16 function that fails, with the errnos its failure
 * gives the callers on the modelled paths; the parser checks `inject`
 * against it.
 *
 * The points, where each sits, and what its callers make of the failure:
 *
 *   kmalloc          sim/slab.c kmalloc: NULL. newseg's shmid_kernel
 *                    (shmget -ENOMEM); d_alloc's name when longer than 15
 *                    bytes (never a SYSV name); alloc_super, set_devname.
 *   kmem_cache_alloc sim/slab.c kmem_cache_alloc, any cache: NULL. The
 *                    dentry (d_alloc: -ENOMEM), the filp (get_empty_filp:
 *                    -ENFILE), the inode (new_inode: shmem_file_setup gives
 *                    -ENOSPC), the vma of do_mmap_pgoff (shmat/mmap
 *                    -ENOMEM), do_munmap's spare vma (munmap -ENOMEM;
 *                    shmdt ignores it and returns 0, attached as before),
 *                    mprotect's split vmas, fork's mm and vmas (-ENOMEM).
 *   vmalloc          sim/mm/vmalloc.c: NULL. grow_ary's id array (the first
 *                    shmget grows it to 4097 slots): the old array stays,
 *                    and shmget gives -ENOSPC only if it has no free slot.
 *   alloc_page       sim/mm/page_alloc.c __alloc_pages (also __alloc_pages):
 *                    NULL. A fault's page (shmem_getpage_locked), its page
 *                    table (pte_alloc) or swap vector page
 *                    (shmem_alloc_entry), an anonymous or COW page, a swap-in
 *                    (read_swap_cache_async): -ENOMEM -> NOPAGE_OOM ->
 *                    VM_FAULT_OOM -> the task is SIGKILLed. A page
 *                    directory (fork, task): -ENOMEM.
 *   get_swap_page    sim/mm/swapfile.c: no slot. shmem_writepage's
 *                    fail_writepage (the page stays, dirty), try_to_swap_out
 *                    (an anonymous page stays mapped). No errno reaches a
 *                    program; ENOSPC names the condition (swap is full).
 *   vm_enough_memory sim/mm/mmap.c: 0. shmem_file_setup (shmget -ENOMEM),
 *                    do_mmap_pgoff for a private writable map (-ENOMEM).
 *   d_alloc          sim/vfs/dcache.c, its dentry: NULL. shmem_file_setup
 *                    (-ENOMEM).
 *   get_empty_filp   sim/vfs/file_table.c: NULL, as when the file table is
 *                    full. shmem_file_setup dputs its dentry (-ENFILE).
 *   new_inode        sim/vfs/inode.c: NULL. shmem_get_inode returns NULL
 *                    (free_inodes stays one lower, as in 2.4.16);
 *                    shmem_file_setup put_filps and dputs (-ENOSPC).
 *
 * A function-level point (d_alloc, get_empty_filp, new_inode) fails before
 * the allocator under it is called. sim_fail_nth_alloc counts the
 * allocators and the one allocation check (the first six above), so
 * walking n = 1, 2, ... reaches every place a path can run out, once.
 */
#include "linux/kernel.h"
#include "sim/fail.h"

enum {
	SITE_KMALLOC,
	SITE_KMEM_CACHE_ALLOC,
	SITE_VMALLOC,
	SITE_ALLOC_PAGE,
	SITE_GET_SWAP_PAGE,
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
	[SITE_VMALLOC] = { "vmalloc", NULL, { ENOSPC }, 1 },
	[SITE_ALLOC_PAGE] = { "alloc_page", "__alloc_pages", { ENOMEM }, 1 },
	[SITE_GET_SWAP_PAGE] = { "get_swap_page", NULL, { ENOSPC }, 1 },
	[SITE_VM_ENOUGH_MEMORY] = { "vm_enough_memory", NULL, { ENOMEM }, 1 },
	[SITE_D_ALLOC] = { "d_alloc", NULL, { ENOMEM }, 0 },
	[SITE_GET_EMPTY_FILP] = { "get_empty_filp", NULL, { ENFILE }, 0 },
	[SITE_NEW_INODE] = { "new_inode", NULL, { ENOSPC }, 0 },
	[NR_SITES] = { NULL, NULL, { 0 }, 0 },
};

_Static_assert(NR_SITES <= SIM_FAIL_MAX_SITES, "raise SIM_FAIL_MAX_SITES");
