/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/fs_struct.h - a task's root and working directory.
 * Models include/linux/fs_struct.h (2.6.32): struct fs_struct, init_fs,
 *   set_fs_root, set_fs_pwd.
 * sim: task_struct has no ->fs yet; every task shares init_fs, which
 *   init_mount_tree points at rootfs and d_path reads as current->fs.
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

/* sim/2.6/fs/fs_struct.c (fs/fs_struct.c) */
void set_fs_root(struct fs_struct *fs, struct path *path);
void set_fs_pwd(struct fs_struct *fs, struct path *path);

#endif /* _SIM26_LINUX_FS_STRUCT_H */
