// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/ramfs/inode.c - rootfs, the ramfs that "/" starts on.
 * Models fs/ramfs/inode.c (2.6.32), in its order: ramfs_get_inode,
 *   ramfs_mknod, ramfs_mkdir, ramfs_dir_inode_operations, ramfs_ops,
 *   ramfs_fill_super, rootfs_get_sb, rootfs_fs_type, init_rootfs.
 * Left out: create, symlink, link, unlink, rmdir, rename (only mkdir is
 *   reached: `mkdir /mnt`), ramfs_fs_type itself ("ramfs" is not
 *   registered by this model), option parsing (rootfs has none), the
 *   backing_dev_info (bdi_init), the file inode operations.
 * sim: rootfs_fs_type's kill_sb is ramfs_kill_sb, not kill_litter_super,
 *   so that the shutdown also frees s_fs_info (2.6.32 never unmounts
 *   rootfs). Sim only: sim_rootfs_exit.
 * Called by: mnt_init (init_rootfs), init_mount_tree (do_kern_mount
 *   "rootfs" -> rootfs_get_sb).
 */
#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "fs/internal.h"

#define RAMFS_DEFAULT_MODE	0755
#define RAMFS_MAGIC		0x858458f6

struct ramfs_mount_opts {
	umode_t mode;
};

struct ramfs_fs_info {
	struct ramfs_mount_opts mount_opts;
};

static const struct inode_operations ramfs_dir_inode_operations;

/* a new inode of mode owned by the caller; directories start at nlink 2 */
static struct inode *ramfs_get_inode(struct super_block *sb, int mode,
				     dev_t dev)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u, mode=%#o", sim_id(sb), (unsigned)mode);
	inode = new_inode(sb);
	if (inode) {
		inode->i_mode = (umode_t)mode;
		inode->i_uid = current_fsuid();
		inode->i_gid = current_fsgid();
		/* sim: no ramfs_aops, no backing_dev_info; GFP_HIGHUSER */
		inode->i_mapping->flags = GFP_HIGHUSER;
		inode->i_atime = inode->i_mtime = inode->i_ctime = CURRENT_TIME;
		switch (mode & S_IFMT) {
		default:
			init_special_inode(inode, (umode_t)mode, dev);
			break;
		case S_IFDIR:
			inode->i_op = &ramfs_dir_inode_operations;
			inode->i_fop = &simple_dir_operations;
			inode->i_nlink++;	/* inc_nlink: "." */
			break;
		}
	}
	return TRACE_RET_INODE(inode);
}

/*
 * A new inode for dentry. The dentry is pinned (an extra d_count, which
 * kill_litter_super's d_genocide drops): ramfs has no other copy of its
 * tree than the dcache.
 */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, int mode,
		       dev_t dev)
{
	struct inode *inode;
	int error = -ENOSPC;

	TRACE_ENTER("inode#%u, dentry#%u \"%s\"", sim_id(dir), sim_id(dentry),
		    dentry->d_name.name);
	inode = ramfs_get_inode(dir->i_sb, mode, dev);
	if (inode) {
		if (dir->i_mode & S_ISGID) {
			inode->i_gid = dir->i_gid;
			if (S_ISDIR(mode))
				inode->i_mode |= S_ISGID;
		}
		d_instantiate(dentry, inode);
		dget(dentry);	/* the pin */
		sim_note("dentry", "dentry#%u \"%s\" pinned: d_count %d",
			 sim_id(dentry), dentry->d_name.name,
			 dentry->d_count);
		error = 0;
		dir->i_mtime = dir->i_ctime = CURRENT_TIME;
	}
	return TRACE_RET(error);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int retval = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!retval)
		dir->i_nlink++;		/* inc_nlink: the child's ".." */
	return retval;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup		= simple_lookup,
	.mkdir		= ramfs_mkdir,
	/* sim: no create, link, unlink, symlink, rmdir, mknod, rename */
};

static const struct super_operations ramfs_ops = {
	.statfs		= simple_statfs,
	.drop_inode	= generic_delete_inode,
};

static int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct ramfs_fs_info *fsi;
	struct inode *inode = NULL;
	struct dentry *root;
	int err;

	(void)data;
	(void)silent;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	/* sim: no save_mount_options: rootfs has none */
	fsi = kzalloc(sizeof(struct ramfs_fs_info), GFP_KERNEL);
	sb->s_fs_info = fsi;
	if (!fsi) {
		err = -ENOMEM;
		goto fail;
	}
	/* what ramfs_parse_options leaves for no options */
	fsi->mount_opts.mode = RAMFS_DEFAULT_MODE;

	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	sb->s_magic = RAMFS_MAGIC;
	sb->s_op = &ramfs_ops;
	sb->s_time_gran = 1;

	inode = ramfs_get_inode(sb, S_IFDIR | fsi->mount_opts.mode, 0);
	if (!inode) {
		err = -ENOMEM;
		goto fail;
	}

	root = d_alloc_root(inode);
	sb->s_root = root;
	if (!root) {
		err = -ENOMEM;
		goto fail;
	}
	return TRACE_RET(0);
fail:
	kfree(fsi);
	sb->s_fs_info = NULL;
	iput(inode);
	return TRACE_RET(err);
}

/* every rootfs mount is a new ramfs, never mountable from user space */
static int rootfs_get_sb(struct file_system_type *fs_type, int flags,
			 const char *dev_name, void *data,
			 struct vfsmount *mnt)
{
	(void)dev_name;
	TRACE_ENTER("flags=%#x", (unsigned int)flags);
	return TRACE_RET(get_sb_nodev(fs_type, (int)(flags | MS_NOUSER), data,
				      ramfs_fill_super, mnt));
}

static void ramfs_kill_sb(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	kfree(sb->s_fs_info);
	kill_litter_super(sb);
	TRACE_EXIT();
}

static struct file_system_type rootfs_fs_type = {
	.name		= "rootfs",
	.get_sb		= rootfs_get_sb,
	.kill_sb	= ramfs_kill_sb,	/* sim: see the header */
};

int init_rootfs(void)
{
	int err;

	TRACE_ENTER("%s", "");
	/* sim: no bdi_init(&ramfs_backing_dev_info) */
	err = register_filesystem(&rootfs_fs_type);
	return TRACE_RET(err);
}

/* sim: after the namespace's last mntput, forget the type */
void sim_rootfs_exit(void)
{
	if (get_fs_type("rootfs") == &rootfs_fs_type)
		unregister_filesystem(&rootfs_fs_type);
}
