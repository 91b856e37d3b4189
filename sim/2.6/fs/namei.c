// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/namei.c - path names.
 * Models fs/namei.c (2.6.32), in its order: path_get, path_put.
 * Left out: the whole path walk (no open(2) or mount(2) by name here).
 * Called by set_fs_root/set_fs_pwd and d_path's reference on the root.
 */
#include "linux/fs.h"
#include "sim/trace.h"

/* one reference on each half: mntget and dget */
void path_get(struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/* drop them, dentry first, as the kernel does */
void path_put(struct path *path)
{
	TRACE_ENTER("dentry#%u, vfsmount#%u", sim_id(path->dentry),
		    sim_id(path->mnt));
	dput(path->dentry);
	mntput(path->mnt);
	TRACE_EXIT();
}
