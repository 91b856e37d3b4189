/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/fs/internal.h - what the files of fs/ share among themselves.
 * Models fs/internal.h (2.6.32) for the parts used here, plus (sim) the
 *   small-id allocator that fs/super.c (unnamed_dev_ida) and
 *   fs/namespace.c (mnt_id_ida) take from lib/idr.c's ida_* calls.
 * sim: the IDA is a bitmap here (sim/2.6/include/linux/idr.h leaves the
 *   ida out); ida_get_new_above's result is the same: the lowest free id
 *   at or above the start.
 */
#ifndef _SIM26_FS_INTERNAL_H
#define _SIM26_FS_INTERNAL_H

#include "linux/kernel.h"

/* sim: an IDA of at most nbits ids */
struct sim_ida {
	unsigned long *bits;
	int nbits;
};

#define SIM_IDA_WORD	((int)(8 * sizeof(unsigned long)))
#define SIM_IDA_WORDS(n)	(((n) + SIM_IDA_WORD - 1) / SIM_IDA_WORD)

/* lowest free id >= start into *id: 0, or -ENOSPC when none is left */
static inline int sim_ida_get_new_above(struct sim_ida *ida, int start,
					int *id)
{
	int i;

	for (i = start; i < ida->nbits; i++) {
		unsigned long bit = 1UL << (i % SIM_IDA_WORD);

		if (!(ida->bits[i / SIM_IDA_WORD] & bit)) {
			ida->bits[i / SIM_IDA_WORD] |= bit;
			*id = i;
			return 0;
		}
	}
	return -ENOSPC;
}

static inline void sim_ida_remove(struct sim_ida *ida, int id)
{
	unsigned long bit = 1UL << (id % SIM_IDA_WORD);

	BUG_ON(id < 0 || id >= ida->nbits);
	BUG_ON(!(ida->bits[id / SIM_IDA_WORD] & bit));
	ida->bits[id / SIM_IDA_WORD] &= ~bit;
}

/*
 * sim: the boot's internal mounts, global so that sim_vfs_exit can drop
 * them (the kernel keeps sysfs_mount and bd_mnt static, or forgets them)
 */
struct vfsmount;
extern struct vfsmount *sysfs_mount;	/* fs/sysfs/mount.c */
extern struct vfsmount *sim_bd_mnt;	/* fs/block_dev.c */
extern struct vfsmount *proc_mnt;	/* fs/proc/root.c */
void sim_sysfs_exit(void);
void sim_bdev_exit(void);
void sim_proc_root_exit(void);
void sim_rootfs_exit(void);		/* fs/ramfs/inode.c */

/* sim: counts and shutdown of each file's caches */
unsigned long sim_vfsmounts_live(void);	/* fs/namespace.c */
void sim_dcache_exit(void);		/* fs/dcache.c */
void sim_inode_exit(void);		/* fs/inode.c */
void sim_files_exit(void);		/* fs/file_table.c */
void sim_mnt_exit(void);		/* fs/namespace.c */

#endif /* _SIM26_FS_INTERNAL_H */
