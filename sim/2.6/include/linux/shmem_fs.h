/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/shmem_fs.h - tmpfs, the filesystem behind every
 * SysV segment and every shared anonymous mapping.
 * Models include/linux/shmem_fs.h (2.6.32): the shmem inode, which wraps
 *   the VFS inode (SHMEM_I), and the tmpfs superblock's limits (SHMEM_SB),
 *   plus the entry points of mm/shmem.c other files call (in 2.6.32 some
 *   are declared in linux/mm.h; they are gathered here).
 * Left out: the spinlocks (one thread), the NUMA policy fields, the
 *   POSIX ACL hooks. sim: i_direct holds swp_entry_t values as unsigned
 *   long (the swap vector is not modelled in this slice; no swap).
 */
#ifndef _SIM26_LINUX_SHMEM_FS_H
#define _SIM26_LINUX_SHMEM_FS_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/fs.h"

#define SHMEM_NR_DIRECT	16

#define TMPFS_MAGIC	0x01021994

/*
 * inode in-kernel data: the shmem part around the VFS inode.
 * sim: vfs_inode comes first (2.6.32 puts it last) so that an inode's
 * address is its object's and sim_id(inode) reads the allocator's header;
 * SHMEM_I's container_of does not care where it is.
 */
struct shmem_inode_info {
	struct inode vfs_inode;
	/* sim: no lock */
	unsigned long flags;		/* VM_NORESERVE, VM_LOCKED, PAGEIN */
	unsigned long alloced;		/* data pages alloced to file */
	unsigned long swapped;		/* subtotal assigned to swap */
	unsigned long next_index;	/* highest alloced index + 1 */
	struct page *i_indirect;	/* top indirect blocks page */
	unsigned long i_direct[SHMEM_NR_DIRECT]; /* sim: swp_entry_t.val */
	struct list_head swaplist;	/* chain of maybes on swap */
};

/* a tmpfs superblock's limits; 0 in max_* means unlimited */
struct shmem_sb_info {
	unsigned long max_blocks;	/* how many blocks are allowed */
	unsigned long free_blocks;	/* how many are left for allocation */
	unsigned long max_inodes;	/* how many inodes are allowed */
	unsigned long free_inodes;	/* how many are left for allocation */
	/* sim: no stat_lock */
	uid_t uid;			/* mount uid for root directory */
	gid_t gid;			/* mount gid for root directory */
	mode_t mode;			/* mount mode for root directory */
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

struct vm_area_struct;
struct user_struct;

/* sim/2.6/mm/shmem.c (mm/shmem.c) */
int init_tmpfs(void);
int shmem_fill_super(struct super_block *sb, void *data, int silent);
int shmem_lock(struct file *file, int lock, struct user_struct *user);
struct file *shmem_file_setup(const char *name, loff_t size,
			      unsigned long flags);
int shmem_zero_setup(struct vm_area_struct *vma);
void sim_shmem_exit(void);	/* sim: shutdown, kills the internal mount */
/* sim: the internal mount (static in 2.6.32's mm/shmem.c), for views */
struct vfsmount *sim_shm_mnt(void);
/* sim: &shmem_vm_ops (static there too), for the checks */
struct vm_operations_struct;
const struct vm_operations_struct *sim_shmem_vm_ops(void);

/* sim: the picture: the name of a tmpfs ops table (f_op, vm_ops, ...) */
const char *sim_shmem_ops_name(const void *ops);

#endif /* _SIM26_LINUX_SHMEM_FS_H */
