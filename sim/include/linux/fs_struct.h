/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/fs_struct.h - a task's root and working directory.
 * Models include/linux/fs_struct.h (2.4.16): struct fs_struct, INIT_FS's
 * values (init_fs in sim/kernel/sched.c), set_fs_root and set_fs_pwd.
 * Left out: the altroot (no personality with an emulation prefix), the
 * rwlock (one thread).
 *
 * Each of root and pwd holds a reference on its dentry (dget) and on its
 * vfsmount (mntget); __put_fs_struct (kernel/exit.c) gives both back when
 * the last task sharing the struct exits.
 */
#ifndef _SIM_LINUX_FS_STRUCT_H
#define _SIM_LINUX_FS_STRUCT_H

#include "linux/fs.h"
#include "linux/slab.h"

struct fs_struct {
	int count;
	int umask;
	struct dentry *root, *pwd;
	struct vfsmount *rootmnt, *pwdmnt;
};

extern struct fs_struct init_fs;
extern kmem_cache_t *fs_cachep;
extern kmem_cache_t *files_cachep;

/* Point fs->root at (mnt, dentry), with references; put the old ones. */
static inline void set_fs_root(struct fs_struct *fs, struct vfsmount *mnt,
			       struct dentry *dentry)
{
	struct dentry *old_root = fs->root;
	struct vfsmount *old_rootmnt = fs->rootmnt;

	fs->rootmnt = mntget(mnt);
	fs->root = dget(dentry);
	if (old_root) {
		dput(old_root);
		mntput(old_rootmnt);
	}
}

/* The same for the working directory. */
static inline void set_fs_pwd(struct fs_struct *fs, struct vfsmount *mnt,
			      struct dentry *dentry)
{
	struct dentry *old_pwd = fs->pwd;
	struct vfsmount *old_pwdmnt = fs->pwdmnt;

	fs->pwdmnt = mntget(mnt);
	fs->pwd = dget(dentry);
	if (old_pwd) {
		dput(old_pwd);
		mntput(old_pwdmnt);
	}
}

#endif /* _SIM_LINUX_FS_STRUCT_H */
