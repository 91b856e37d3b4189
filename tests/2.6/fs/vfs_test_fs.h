/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/2.6/fs/vfs_test_fs.h - what the tests of sim/2.6/fs share (sim
 * only): the VFS boot as start_kernel does it (vfs_caches_init, then
 * proc_root_init) and its shutdown, and "tnodev", a file system type of
 * the tests' own: get_sb_nodev, a root directory from new_inode,
 * kill_anon_super.
 */
#ifndef _VFS_TEST_FS_H
#define _VFS_TEST_FS_H

#include "linux/fs.h"
#include "linux/fs_struct.h"

static int tfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode;

	(void)data;
	(void)silent;
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	inode = new_inode(sb);
	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFDIR | 0755;
	sb->s_root = d_alloc_root(inode);
	if (!sb->s_root) {
		iput(inode);
		return -ENOMEM;
	}
	return 0;
}

static int tnodev_get_sb(struct file_system_type *t, int flags,
			 const char *dev, void *data, struct vfsmount *mnt)
{
	(void)dev;
	return get_sb_nodev(t, flags, data, tfs_fill_super, mnt);
}

static struct file_system_type tnodev_fs_type = {
	.name = "tnodev",
	.get_sb = tnodev_get_sb,
	.kill_sb = kill_anon_super,
};

static int vfs_boot(void **state)
{
	(void)state;
	vfs_caches_init(8192);
	proc_root_init();
	return register_filesystem(&tnodev_fs_type);
}

static int vfs_shutdown(void **state)
{
	(void)state;
	unregister_filesystem(&tnodev_fs_type);
	sim_vfs_exit();
	return 0;
}

#endif /* _VFS_TEST_FS_H */
