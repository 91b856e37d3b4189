/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/path.h - a place in the tree: (vfsmount, dentry).
 * Models include/linux/path.h (2.6.32): struct path, which 2.6.20 put
 *   into struct file (f_path) and 2.6.25 into nameidata and fs_struct.
 * path_get/path_put are fs/namei.c's.
 */
#ifndef _SIM26_LINUX_PATH_H
#define _SIM26_LINUX_PATH_H

struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* sim/2.6/fs/namei.c */
void path_get(struct path *path);
void path_put(struct path *path);

#endif /* _SIM26_LINUX_PATH_H */
