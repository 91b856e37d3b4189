/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/fs_struct.h - a task's root and working directory.
 * Models include/linux/fs_struct.h (2.6.32): struct fs_struct, init_fs,
 *   and the functions of sim/2.6/fs/fs_struct.c.
 * init_task's ->fs is init_fs, which init_mount_tree points at rootfs;
 * every fork copies its parent's (copy_fs_struct: a path_get of each).
 */
#ifndef _SIM26_LINUX_FS_STRUCT_H
#define _SIM26_LINUX_FS_STRUCT_H

#include "linux/path.h"

struct fs_struct {
	int users;
	int umask;
	int in_exec;
	struct path root, pwd;
};

extern struct fs_struct init_fs;
struct kmem_cache_s;
extern struct kmem_cache_s *fs_cachep;	/* kernel/fork.c */

/* sim/2.6/fs/fs_struct.c (fs/fs_struct.c) */
void set_fs_root(struct fs_struct *fs, struct path *path);
void set_fs_pwd(struct fs_struct *fs, struct path *path);
void free_fs_struct(struct fs_struct *fs);
struct task_struct;
void exit_fs(struct task_struct *tsk);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
int current_umask(void);

#endif /* _SIM26_LINUX_FS_STRUCT_H */
