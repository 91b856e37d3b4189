// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/libfs.c - helpers for simple in-memory file systems.
 * Models fs/libfs.c (2.6.32), in its order: simple_statfs,
 *   simple_delete_dentry, simple_lookup, dcache_dir_open,
 *   dcache_dir_close, dt_type (include/linux/fs.h), dcache_readdir,
 *   simple_dir_operations, simple_dir_inode_operations, get_sb_pseudo,
 *   simple_sync_file (reduced).
 * Left out: dcache_dir_lseek and generic_read_dir (no read(2) of a
 *   directory), the simple_* link/unlink/rename family, simple_fill_super,
 *   simple_pin_fs, simple_read_from_buffer, the transaction files.
 * Called by: bdev_cache_init (get_sb_pseudo), ramfs and shmem (their
 *   directories' i_fop and ->lookup, ->statfs), __dentry_open
 *   (dcache_dir_open), __fput (dcache_dir_close), vfs_readdir.
 *
 * Listing a directory of ramfs or tmpfs: open gives the file a cursor,
 * a dentry "." under the directory (d_alloc: unhashed, negative, at the
 * head of d_subdirs). dcache_readdir emits "." and "..", then moves the
 * cursor to the head of d_subdirs and walks forward from it, emitting
 * every child that is hashed and positive and moving the cursor past
 * it. d_alloc adds children at the head, so the newest comes first; an
 * unhashed dentry (a SysV segment's, unless hashed-shm) is skipped.
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/namei.h"
#include "sim/trace.h"

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	buf->f_type = (long)dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_CACHE_SIZE;
	buf->f_namelen = 255;	/* NAME_MAX */
	return TRACE_RET(0);
}

/* ->d_delete: an unused dentry of an in-memory fs is never cached */
static int simple_delete_dentry(struct dentry *dentry)
{
	(void)dentry;
	return 1;
}

/*
 * A negative dentry, hashed: a name that does not exist in an in-memory
 * directory (everything that does is in the dcache already).
 */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     struct nameidata *nd)
{
	static const struct dentry_operations simple_dentry_operations = {
		.d_delete = simple_delete_dentry,
	};

	(void)dir;
	(void)nd;
	TRACE_ENTER("dentry#%u \"%s\"", sim_id(dentry), dentry->d_name.name);
	if (dentry->d_name.len > NAME_MAX)
		return TRACE_RET_DENTRY(ERR_PTR(-ENAMETOOLONG));
	dentry->d_op = &simple_dentry_operations;
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

/* include/linux/fs.h: the S_IF* type as a DT_* value */
static unsigned int dt_type(struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

static ino_t parent_ino(struct dentry *dentry)
{
	return dentry->d_parent->d_inode->i_ino;
}

/*
 * From filp->f_pos: 0 ".", 1 "..", then the children after the cursor.
 * A record that does not fit ends this call; the next starts there.
 */
int dcache_readdir(struct file *filp, void *dirent, filldir_t filldir)
{
	struct dentry *dentry = filp->f_path.dentry;
	struct dentry *cursor = filp->private_data;
	struct list_head *p, *q = &cursor->d_u.d_child;
	ino_t ino;
	int i = (int)filp->f_pos;

	TRACE_ENTER("file#%u, f_pos %d", sim_id(filp), i);
	switch (i) {
	case 0:
		ino = dentry->d_inode->i_ino;
		if (filldir(dirent, ".", 1, i, ino, DT_DIR) < 0)
			break;
		filp->f_pos++;
		i++;
		/* fallthrough */
	case 1:
		ino = parent_ino(dentry);
		if (filldir(dirent, "..", 2, i, ino, DT_DIR) < 0)
			break;
		filp->f_pos++;
		i++;
		/* fallthrough */
	default:
		/* sim: no dcache_lock */
		if (filp->f_pos == 2) {
			list_del(q);		/* list_move */
			list_add(q, &dentry->d_subdirs);
		}

		for (p = q->next; p != &dentry->d_subdirs; p = p->next) {
			struct dentry *next;

			next = list_entry(p, struct dentry, d_u.d_child);
			if (d_unhashed(next) || !next->d_inode)
				continue;

			if (filldir(dirent, (const char *)next->d_name.name,
				    (int)next->d_name.len, filp->f_pos,
				    next->d_inode->i_ino,
				    dt_type(next->d_inode)) < 0)
				return TRACE_RET(0);
			list_del(q);		/* list_move(q, p) */
			list_add(q, p);
			p = q;
			filp->f_pos++;
		}
	}
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
