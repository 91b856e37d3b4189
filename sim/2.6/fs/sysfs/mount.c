// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/sysfs/mount.c - the sysfs superblock (reduced).
 * Models fs/sysfs/mount.c (2.6.32), in its order: sysfs_ops,
 *   sysfs_fill_super, sysfs_get_sb, sysfs_fs_type, sysfs_init.
 * Left out: every sysfs_dirent but the root's number (sysfs_root has
 *   s_ino 1), kobjects, the sysfs_dir_cache, the backing_dev_info
 *   (sysfs_inode_init), sysfs_delete_inode's sysfs_put. What stays is
 *   what the boot's numbers see: sysfs is the first anonymous superblock
 *   (00:00), one for all mounts (get_sb_single), with a root inode from
 *   iget_locked (hashed, ino 1: it takes no number from new_inode).
 * Called by: mnt_init. Sim only: sim_sysfs_exit.
 */
#include "linux/fs.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "fs/internal.h"

#define SYSFS_MAGIC	0x62656572

struct vfsmount *sysfs_mount;
struct super_block *sysfs_sb;

static const struct super_operations sysfs_ops = {
	.statfs		= simple_statfs,
	.drop_inode	= generic_delete_inode,
};

/* (simplified: sysfs_get_inode(&sysfs_root) reduced to iget_locked) */
static int sysfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode;
	struct dentry *root;

	(void)data;
	(void)silent;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	sb->s_magic = SYSFS_MAGIC;
	sb->s_op = &sysfs_ops;
	sb->s_time_gran = 1;
	sysfs_sb = sb;

	inode = iget_locked(sb, 1);		/* sysfs_root.s_ino */
	if (!inode)
		return TRACE_RET(-ENOMEM);
	if (inode->i_state & I_NEW) {		/* sysfs_init_inode */
		inode->i_mode = S_IFDIR | S_IRWXU | S_IRUGO | S_IXUGO;
		inode->i_op = &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_atime = inode->i_mtime = inode->i_ctime =
			CURRENT_TIME;
		unlock_new_inode(inode);
	}

	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		return TRACE_RET(-ENOMEM);
	}
	/* sim: d_fsdata would point at sysfs_root */
	sb->s_root = root;
	return TRACE_RET(0);
}

static int sysfs_get_sb(struct file_system_type *fs_type, int flags,
			const char *dev_name, void *data,
			struct vfsmount *mnt)
{
	(void)dev_name;
	TRACE_ENTER("flags=%#x", (unsigned int)flags);
	return TRACE_RET(get_sb_single(fs_type, flags, data,
				       sysfs_fill_super, mnt));
}

static struct file_system_type sysfs_fs_type = {
	.name		= "sysfs",
	.get_sb		= sysfs_get_sb,
	.kill_sb	= kill_anon_super,
};

int sysfs_init(void)
{
	int err;

	TRACE_ENTER("%s", "");
	/* sim: no sysfs_dir_cache, no sysfs_inode_init */
	err = register_filesystem(&sysfs_fs_type);
	if (!err) {
		sysfs_mount = kern_mount(&sysfs_fs_type);
		if (IS_ERR(sysfs_mount)) {
			sim_note("vfs", "sysfs: could not mount!");
			err = (int)PTR_ERR(sysfs_mount);
			sysfs_mount = NULL;
			unregister_filesystem(&sysfs_fs_type);
		}
	}
	return TRACE_RET(err);
}

/* sim: unmount (the last mntput kills the superblock) and unregister */
void sim_sysfs_exit(void)
{
	if (sysfs_mount)
		mntput(sysfs_mount);
	sysfs_mount = NULL;
	sysfs_sb = NULL;
	if (get_fs_type("sysfs") == &sysfs_fs_type)
		unregister_filesystem(&sysfs_fs_type);
}
