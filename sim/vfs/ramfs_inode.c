// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/ramfs_inode.c - ramfs: directories that live in the dcache only.
 * Models fs/ramfs/inode.c (2.4.16), in its order: ramfs_lookup,
 *   ramfs_get_inode, ramfs_mknod, ramfs_mkdir, the operation tables,
 *   ramfs_read_super, ramfs_fs_type, init_ramfs_fs; sim only, last:
 *   sim_exit_ramfs_fs.
 * Left out: regular files and their pages (ramfs_readpage, prepare_write,
 *   commit_write, ramfs_create), link, unlink/rmdir, symlink, rename,
 *   statfs, sync_file; nothing here creates anything but directories.
 * Called by: do_initcalls (init_ramfs_fs), mount_root (ramfs is the root
 *   file system here, sim: see mount_root), and as any mounted type: the
 *   path walk (ramfs_lookup), vfs_mkdir (ramfs_mkdir), vfs_readdir
 *   (dcache_readdir).
 *
 * A name in ramfs is nothing but a dentry: `mkdir /mnt` is lookup_hash ->
 * ramfs_lookup, which d_adds the new dentry negative (hashed), then
 * ramfs_mkdir -> ramfs_mknod: a new directory inode instantiated into it,
 * and one extra dget that pins it in the dcache (d_count 1 once sys_mkdir
 * has dropped its own). ramfs is FS_LITTER, so kill_super's d_genocide
 * drops the pins when it is unmounted.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

#define RAMFS_MAGIC	0x858458f6

static struct super_operations ramfs_ops;
static struct address_space_operations ramfs_aops;
static struct file_operations ramfs_dir_operations;
static struct inode_operations ramfs_dir_inode_operations;

/* Not in the dcache, so there is no such name: a negative dentry. */
static struct dentry *ramfs_lookup(struct inode *dir, struct dentry *dentry)
{
	TRACE_ENTER("inode#%u, dentry#%u", sim_id(dir), sim_id(dentry));
	d_add(dentry, NULL);
	return TRACE_RET_DENTRY(NULL);
}

/* A new inode of sb with the caller's fsuid/fsgid; NULL when out of memory */
static struct inode *ramfs_get_inode(struct super_block *sb, int mode,
				     int dev)
{
	struct inode *inode;

	(void)dev;
	TRACE_ENTER("%#o", mode);
	inode = new_inode(sb);
	if (inode) {
		inode->i_mode = mode;
		inode->i_uid = current->fsuid;
		inode->i_gid = current->fsgid;
		inode->i_blksize = PAGE_CACHE_SIZE;
		inode->i_blocks = 0;
		inode->i_rdev = NODEV;
		inode->i_mapping->a_ops = &ramfs_aops;
		inode->i_atime = inode->i_mtime = inode->i_ctime = CURRENT_TIME;
		switch (mode & S_IFMT) {
		case S_IFDIR:
			inode->i_op = &ramfs_dir_inode_operations;
			inode->i_fop = &ramfs_dir_operations;
			break;
		default:
			/* sim: no files, symlinks or device nodes here */
			break;
		}
	}
	return TRACE_RET_INODE(inode);
}

/* Give dentry a new inode, and pin it: the dcache is all ramfs has. */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, int mode,
		       int dev)
{
	struct inode *inode;
	int error = -ENOSPC;

	TRACE_ENTER("inode#%u, dentry#%u, %#o", sim_id(dir), sim_id(dentry),
		    mode);
	inode = ramfs_get_inode(dir->i_sb, mode, dev);
	if (inode) {
		d_instantiate(dentry, inode);
		dget(dentry);	/* Extra count - pin the dentry in core */
		error = 0;
	}
	return TRACE_RET(error);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int error;

	TRACE_ENTER("inode#%u, dentry#%u, %#o", sim_id(dir), sim_id(dentry),
		    mode);
	error = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);
	return TRACE_RET(error);
}

/* sim: no pages, so no readpage/prepare_write/commit_write */
static struct address_space_operations ramfs_aops;

/* sim: generic_read_dir and ramfs_sync_file left out */
static struct file_operations ramfs_dir_operations = {
	.readdir	= dcache_readdir,
};

static struct inode_operations ramfs_dir_inode_operations = {
	.lookup		= ramfs_lookup,
	.mkdir		= ramfs_mkdir,
};

/* sim: no statfs */
static struct super_operations ramfs_ops = {
	.put_inode	= force_delete,
};

/* The root directory, 0755, of a new ramfs instance. */
static struct super_block *ramfs_read_super(struct super_block *sb,
					    void *data, int silent)
{
	struct inode *inode;
	struct dentry *root;

	(void)data;
	(void)silent;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	sb->s_magic = RAMFS_MAGIC;
	sb->s_op = &ramfs_ops;
	inode = ramfs_get_inode(sb, S_IFDIR | 0755, 0);
	if (!inode)
		return TRACE_RET_SB(NULL);

	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		return TRACE_RET_SB(NULL);
	}
	sb->s_root = root;
	return TRACE_RET_SB(sb);
}

/* DECLARE_FSTYPE(ramfs_fs_type, "ramfs", ramfs_read_super, FS_LITTER) */
static struct file_system_type ramfs_fs_type = {
	.name		= "ramfs",
	.read_super	= ramfs_read_super,
	.fs_flags	= FS_LITTER,
};

/* An initcall (fs/ramfs links after mm/shmem.c): register the type only. */
int init_ramfs_fs(void)
{
	int err;

	TRACE_ENTER("%s", "");
	err = register_filesystem(&ramfs_fs_type);
	return TRACE_RET(err);
}

/* sim: shutdown, after the root file system is unmounted */
void sim_exit_ramfs_fs(void)
{
	if (get_fs_type(ramfs_fs_type.name) == &ramfs_fs_type)
		unregister_filesystem(&ramfs_fs_type);
}
