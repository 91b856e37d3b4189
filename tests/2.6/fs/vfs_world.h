/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/2.6/fs/vfs_world.h - what the tests of the 2.6.32 file-system
 * calls share (sim only): a booted machine with the experiment's patches,
 * a root task and a user task, `ls` as the runner does it (sys_open with
 * O_RDONLY | O_DIRECTORY, sys_getdents64 until 0, sys_close), and the
 * whole-machine check after each step; the shutdown must leave nothing.
 */
#ifndef _VFS_WORLD_H
#define _VFS_WORLD_H

#include <stdio.h>
#include <string.h>

#include "linux/dirent.h"
#include "linux/fcntl.h"
#include "linux/file.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/mount.h"
#include "linux/namei.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/radix-tree.h"
#include "sim/boot.h"
#include "sim/proc.h"
#include "sim/trace.h"

static struct task_struct *root_task, *user_task;

static inline int vfs_world_boot(unsigned int patches)
{
	sim_trace.all = 0;
	sim_machine.ram = 16UL << 20;
	sim_machine.patches = patches;
	if (start_kernel())
		return -1;
	root_task = sim_task_create("root", 0, 0);
	user_task = sim_task_create("user", 1000, 1000);
	if (!root_task || !user_task)
		return -1;
	current = root_task;
	return 0;
}

static int vfs_world_setup(void **state)
{
	(void)state;
	return vfs_world_boot(0);
}

/* every invariant holds (item 0 = none broken) */
static inline void vfs_world_check(void)
{
	char why[300] = "";
	int item = sim_check_all(why, sizeof(why));

	if (item)
		print_error("check: item %d: %s\n", item, why);
	assert_int_equal(item, 0);
}

static int vfs_world_teardown(void **state)
{
	int leaks;

	(void)state;
	vfs_world_check();
	sim_radix_tree_exit();
	sim_uid_exit();
	leaks = sim_shutdown(stderr);
	sim_machine.patches = 0;
	assert_int_equal(leaks, 0);
	return 0;
}

/*
 * ls PATH: the names getdents64 returns but "." and "..", space
 * separated, into out; the errno of the open, or 0.
 */
static inline long vfs_ls(const char *path, char *out, size_t len)
{
	char buf[4096];
	long fd, n, rc;

	out[0] = 0;
	fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return fd;
	while ((n = sys_getdents64((unsigned int)fd, buf, sizeof(buf))) > 0) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *d = (void *)(buf + off);

			size_t used = strlen(out);

			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				;
			else if (used)
				snprintf(out + used, len - used, " %s",
					 d->d_name);
			else
				snprintf(out, len, "%s", d->d_name);
			off += d->d_reclen;
		}
	}
	rc = sys_close((unsigned int)fd);
	assert_int_equal(rc, 0);
	return n;
}

/* mkdir /mnt, mkdir /mnt/shm, mount none /mnt/shm tmpfs */
static inline long vfs_mount_shm(void)
{
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mkdir("/mnt/shm", 0755), 0);
	return sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL);
}

/* the dentry path names, from current's root (no reference kept) */
static inline struct dentry *vfs_lookup(const char *path)
{
	struct path p;

	if (kern_path(path, LOOKUP_FOLLOW, &p))
		return NULL;
	dput(p.dentry);
	mntput(p.mnt);
	return p.dentry;
}

#endif /* _VFS_WORLD_H */

/*
 * A regular file "name" in rootfs's root, made by hand as ramfs_create
 * would (a new inode, d_add, the pin): nothing in the model creates one.
 */
static inline struct dentry *vfs_make_file(const char *name)
{
	struct dentry *root = sim_init_mnt_ns->root->mnt_root;
	struct dentry *dentry = d_alloc_name(root, name);
	struct inode *inode = new_inode(root->d_sb);

	inode->i_mode = S_IFREG | 0644;
	d_add(dentry, inode);
	return dentry;		/* d_alloc's reference stays: the pin */
}
