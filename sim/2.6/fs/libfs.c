// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/libfs.c - helpers for simple in-memory file systems.
 * Models fs/libfs.c (2.6.32), in its order: simple_statfs, simple_lookup,
 *   dcache_dir_open, dcache_dir_close, dcache_readdir (reduced),
 *   simple_dir_operations, simple_dir_inode_operations, get_sb_pseudo,
 *   simple_sync_file (reduced).
 * Left out: dcache_dir_lseek and generic_read_dir (no read(2) of a
 *   directory), the simple_* link/unlink/rename family, simple_fill_super,
 *   simple_pin_fs, simple_read_from_buffer, the transaction files. The
 *   directory listing (dcache_readdir's walk) is issue 14.
 * Called by: bdev_cache_init (get_sb_pseudo), ramfs and shmem (their root
 *   directory's i_fop and ->statfs).
 */
#include <string.h>

#include "linux/fs.h"
#include "sim/trace.h"

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	buf->f_type = (long)dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_CACHE_SIZE;
	buf->f_namelen = 255;	/* NAME_MAX */
	return TRACE_RET(0);
}

/* a negative dentry: a name that does not exist in an in-memory dir */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     struct nameidata *nd)
{
	(void)dir;
	(void)nd;
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	if (dentry->d_name.len > 255)
		return TRACE_RET_DENTRY(ERR_PTR(-ENAMETOOLONG));
	/* sim: no simple_dentry_operations (its d_delete says "always") */
	d_add(dentry, NULL);
	return TRACE_RET_DENTRY(NULL);
}

/* the cursor: a dentry "." under the directory, marking the position */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	static const struct qstr cursor_name = {
		.len = 1, .name = (const unsigned char *)"."
	};

	(void)inode;
	TRACE_ENTER("file#%u", sim_id(file));
	file->private_data = d_alloc(file->f_path.dentry, &cursor_name);
	return TRACE_RET(file->private_data ? 0 : -ENOMEM);
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	(void)inode;
	TRACE_ENTER("file#%u", sim_id(file));
	dput(file->private_data);
	return TRACE_RET(0);
}

/* (simplified: lists nothing yet; issue 14) */
int dcache_readdir(struct file *filp, void *dirent, filldir_t filldir)
{
	(void)dirent;
	(void)filldir;
	TRACE_ENTER("file#%u", sim_id(filp));
	return TRACE_RET(0);
}

/* (simplified: no buffers to write back) */
int simple_sync_file(struct file *file, struct dentry *dentry, int datasync)
{
	(void)file;
	(void)datasync;
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	return TRACE_RET(0);
}

const struct file_operations simple_dir_operations = {
	.open		= dcache_dir_open,
	.release	= dcache_dir_close,
	.readdir	= dcache_readdir,
	.fsync		= simple_sync_file,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup		= simple_lookup,
};

static const struct super_operations simple_super_operations = {
	.statfs		= simple_statfs,
};

/*
 * The superblock of a file system nobody mounts (bdev, pipefs, sockfs):
 * anonymous, MS_NOUSER, with a root directory inode (i_ino 1) and a
 * root dentry called name.
 */
int get_sb_pseudo(struct file_system_type *fs_type, char *name,
		  const struct super_operations *ops, unsigned long magic,
		  struct vfsmount *mnt)
{
	struct super_block *s;
	struct dentry *dentry;
	struct inode *root;
	struct qstr d_name = {
		.name = (const unsigned char *)name,
		.len = (unsigned int)strlen(name)
	};

	TRACE_ENTER("type=%s, \"%s\", magic=%#lx", fs_type->name, name, magic);
	s = sget(fs_type, NULL, set_anon_super, NULL);
	if (IS_ERR(s))
		return TRACE_RET(PTR_ERR(s));

	s->s_flags = MS_NOUSER;
	s->s_maxbytes = MAX_LFS_FILESIZE;
	s->s_blocksize = PAGE_SIZE;
	s->s_blocksize_bits = PAGE_SHIFT;
	s->s_magic = magic;
	s->s_op = ops ? ops : &simple_super_operations;
	s->s_time_gran = 1;
	root = new_inode(s);
	if (!root)
		goto Enomem;
	root->i_ino = 1;	/* the root of a pseudo fs is always 1 */
	root->i_mode = S_IFDIR | S_IRUSR | S_IWUSR;
	root->i_uid = root->i_gid = 0;
	root->i_atime = root->i_mtime = root->i_ctime = CURRENT_TIME;
	dentry = d_alloc(NULL, &d_name);
	if (!dentry) {
		iput(root);
		goto Enomem;
	}
	dentry->d_sb = s;
	dentry->d_parent = dentry;
	d_instantiate(dentry, root);
	s->s_root = dentry;
	s->s_flags |= MS_ACTIVE;
	simple_set_mnt(mnt, s);
	return TRACE_RET(0);

Enomem:
	deactivate_locked_super(s);
	return TRACE_RET(-ENOMEM);
}
