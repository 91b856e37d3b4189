// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/fs_struct.c - the root and cwd a task resolves paths from.
 * Models fs/fs_struct.c (2.6.32), in its order: set_fs_root, set_fs_pwd,
 *   free_fs_struct, exit_fs, copy_fs_struct, current_umask, init_fs.
 * Left out: chroot_fs_refs (no pivot_root), unshare_fs_struct,
 *   daemonize_fs_struct (no kernel threads of their own).
 * sim: fs->lock is dropped (one thread). Called by init_mount_tree (boot),
 *   copy_process's copy_fs (fork), do_exit, sim_vfs_exit (shutdown, with
 *   an empty path).
 *
 * Each fs_struct holds a whole path reference (mnt_count and d_count) on
 * its root and on its pwd: copy_fs_struct takes them, free_fs_struct
 * drops them when the last user (fs->users) of a CLONE_FS group goes.
 */
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "linux/slab.h"
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

void free_fs_struct(struct fs_struct *fs)
{
	TRACE_ENTER("fs_struct#%u", sim_id(fs));
	path_put(&fs->root);
	path_put(&fs->pwd);
	kmem_cache_free(fs_cachep, fs);
	TRACE_EXIT();
}

/* do_exit: the task lets go of its fs; the last user frees it */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	TRACE_ENTER("pid %d", tsk->pid);
	if (fs) {
		int kill;

		/* sim: no task_lock, no fs->lock */
		tsk->fs = NULL;
		kill = !--fs->users;
		if (kill)
			free_fs_struct(fs);
	}
	TRACE_EXIT();
}

/* fork without CLONE_FS: the child's own copy, one path_get per path */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);

	TRACE_ENTER("%s", old == &init_fs ? "init_fs" : "fs_struct");
	if (fs) {
		fs->users = 1;
		fs->in_exec = 0;
		fs->umask = old->umask;
		fs->root = old->root;
		path_get(&old->root);
		fs->pwd = old->pwd;
		path_get(&old->pwd);
		sim_note("vfs", "fs_struct#%u: root dentry#%u, pwd dentry#%u",
			 sim_id(fs), fs->root.dentry ?
			 sim_id(fs->root.dentry) : 0, fs->pwd.dentry ?
			 sim_id(fs->pwd.dentry) : 0);
	}
	return SIM_TRACE_RET_TYPED(struct fs_struct, fs, "fs_struct");
}

int current_umask(void)
{
	return current->fs->umask;
}

struct fs_struct init_fs = {
	.users		= 1,
	.umask		= 0022,
};
