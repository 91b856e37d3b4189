/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/shmem_fs.h - tmpfs, the filesystem behind every segment.
 * Models include/linux/shmem_fs.h and the entry points of mm/shmem.c
 * (2.4.16).
 */
#ifndef _SIM_LINUX_SHMEM_FS_H
#define _SIM_LINUX_SHMEM_FS_H

#include "linux/fs.h"
#include "linux/mm.h"

#define TMPFS_MAGIC	0x01021994
/* sim: sizeof(unsigned long) on i386 */
#define ENTRIES_PER_PAGE (PAGE_CACHE_SIZE / sizeof(uint32_t))
#define BLOCKS_PER_PAGE	(PAGE_CACHE_SIZE / 512)
#define SHMEM_MAX_BLOCKS (SHMEM_NR_DIRECT + \
			  (ENTRIES_PER_PAGE * ENTRIES_PER_PAGE / 2) * \
			  (ENTRIES_PER_PAGE + 1))
_Static_assert(SHMEM_MAX_BLOCKS == 537395216UL, "i386's SHMEM_MAX_BLOCKS");

/* sim/mm/shmem.c (mm/shmem.c) */
extern struct vfsmount *shm_mnt;	/* static in 2.4; the views need it */
extern struct list_head shmem_inodes;
extern struct vm_operations_struct shmem_vm_ops;
int init_shmem_fs(void);
void sim_exit_shmem_fs(void);		/* sim: unmount at shutdown */
struct file *shmem_file_setup(char *name, long long size);
struct page *shmem_nopage(struct vm_area_struct *vma, unsigned long address,
			  int unused);
int shmem_zero_setup(struct vm_area_struct *vma);
void shmem_lock(struct file *file, int lock);
swp_entry_t *shmem_swp_lookup(struct shmem_inode_info *info,
			      unsigned long index);	/* sim: no allocation */

#endif /* _SIM_LINUX_SHMEM_FS_H */
