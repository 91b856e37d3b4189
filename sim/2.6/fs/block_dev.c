// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/block_dev.c - the bdev pseudo file system (reduced).
 * Models fs/block_dev.c (2.6.32), in its order: bdev_sops, bd_get_sb,
 *   bd_type, bdev_cache_init.
 * Left out: block devices themselves (struct block_device, bdget,
 *   blkdev_get, the bdev_cache and bdev_inode: no disks here). What stays
 *   is the superblock the boot makes, the third anonymous one (00:02).
 * sim: the kernel keeps no pointer to bd_mnt (only blockdev_superblock);
 *   sim_bd_mnt keeps it for the shutdown. Sim only: sim_bdev_exit.
 * Called by: vfs_caches_init.
 */
#include "linux/fs.h"
#include "sim/trace.h"
#include "fs/internal.h"

#define BDEVFS_MAGIC	0x62646576

struct super_block *blockdev_superblock;
struct vfsmount *sim_bd_mnt;

/* sim: no bdev_alloc_inode: the root inode comes from inode_cachep */
static const struct super_operations bdev_sops = {
	.statfs		= simple_statfs,
	.drop_inode	= generic_delete_inode,
};

static int bd_get_sb(struct file_system_type *fs_type, int flags,
		     const char *dev_name, void *data, struct vfsmount *mnt)
{
	(void)flags;
	(void)dev_name;
	(void)data;
	TRACE_ENTER("%s", "");
	return TRACE_RET(get_sb_pseudo(fs_type, "bdev:", &bdev_sops,
				       BDEVFS_MAGIC, mnt));
}

static struct file_system_type bd_type = {
	.name		= "bdev",
	.get_sb		= bd_get_sb,
	.kill_sb	= kill_anon_super,
};

void bdev_cache_init(void)
{
	int err;
	struct vfsmount *bd_mnt;

	TRACE_ENTER("%s", "");
	err = register_filesystem(&bd_type);
	if (err)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot register bdev pseudo-fs");
	bd_mnt = kern_mount(&bd_type);
	if (IS_ERR(bd_mnt))
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create bdev pseudo-fs");
	sim_bd_mnt = bd_mnt;			/* sim */
	blockdev_superblock = bd_mnt->mnt_sb;	/* for writeback */
	TRACE_EXIT();
}

/* sim: unmount and unregister */
void sim_bdev_exit(void)
{
	if (sim_bd_mnt)
		mntput(sim_bd_mnt);
	sim_bd_mnt = NULL;
	blockdev_superblock = NULL;
	if (get_fs_type("bdev") == &bd_type)
		unregister_filesystem(&bd_type);
}
