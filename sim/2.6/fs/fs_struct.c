// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/fs_struct.c - the root and cwd a task resolves paths from.
 * Models fs/fs_struct.c (2.6.32), in its order: set_fs_root, set_fs_pwd,
 *   init_fs.
 * Left out: chroot_fs_refs, free_fs_struct, exit_fs, copy_fs_struct,
 *   unshare_fs_struct, daemonize_fs_struct (no task has its own fs yet).
 * sim: fs->lock is dropped (one thread). Called by init_mount_tree (boot)
 *   and sim_vfs_exit (shutdown, with an empty path).
 */
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "sim/trace.h"

/*
 * Each takes a reference on the new path (path_get: mnt_count and
 * d_count +1) and drops the one on the old, if there was one.
 */
void set_fs_root(struct fs_struct *fs, struct path *path)
{
	struct path old_root;

	TRACE_ENTER("fs=init_fs, dentry#%u", path->dentry ?
		    sim_id(path->dentry) : 0);
	old_root = fs->root;
	fs->root = *path;
	path_get(path);
	if (old_root.dentry)
		path_put(&old_root);
	TRACE_EXIT();
}

void set_fs_pwd(struct fs_struct *fs, struct path *path)
{
	struct path old_pwd;

	TRACE_ENTER("fs=init_fs, dentry#%u", path->dentry ?
		    sim_id(path->dentry) : 0);
	old_pwd = fs->pwd;
	fs->pwd = *path;
	path_get(path);
	if (old_pwd.dentry)
		path_put(&old_pwd);
	TRACE_EXIT();
}

struct fs_struct init_fs = {
	.users		= 1,
	.umask		= 0022,
};
