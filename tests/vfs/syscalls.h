/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/vfs/syscalls.h - the file-system calls' tests' world (sim only):
 * a booted machine (sim_world.h) with the experiment's patches, and the
 * calls as the CLI makes them: ls (sys_open O_RDONLY|O_DIRECTORY,
 * sys_getdents64 until 0, sys_close), a regular file made by hand (no
 * filesystem here creates one: ramfs_create is left out), and the counts
 * a call must give back.
 * Included by tests/vfs/test_{namei,namespace,open,readdir,ramfs_inode}.c.
 */
#ifndef _TESTS_VFS_SYSCALLS_H
#define _TESTS_VFS_SYSCALLS_H

#include <string.h>

#include "sim_world.h"
#include "linux/dirent.h"
#include "linux/fcntl.h"
#include "linux/fs_struct.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "vfs/vfs_internal.h"

#define SYSCALLS_UNUSED __attribute__((unused))

/* Boot with patches (SIM_PATCH_*); current is init (root). */
static SYSCALLS_UNUSED int boot_with(unsigned int patches)
{
	sim_machine.patches = patches;
	return sim_setup_ram(16UL << 20);
}

static SYSCALLS_UNUSED int boot(void **state)
{
	(void)state;
	return boot_with(0);
}

static SYSCALLS_UNUSED int shutdown(void **state)
{
	int rc = sim_teardown(state);

	sim_machine.patches = 0;
	return rc;
}

/*
 * `ls path` as the CLI does it: the names (without "." and ".."),
 * space-separated, into out; the errno of a failing call, else 0.
 */
static SYSCALLS_UNUSED long ls(const char *path, char *out, size_t len)
{
	_Alignas(8) char buf[4096];
	long fd, n;

	out[0] = '\0';
	fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return fd;
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *d = (void *)(buf + off);

			size_t room = len - strlen(out) - 1;

			if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..")) {
				if (out[0])
					strncat(out, " ", room--);
				strncat(out, d->d_name, room);
			}
			off += d->d_reclen;
		}
	}
	assert_int_equal(sys_close(fd), 0);
	return n;
}

/* The root file system's mount (init's root) and its root dentry. */
static SYSCALLS_UNUSED struct vfsmount *root_mnt(void)
{
	return init_task.fs->rootmnt;
}

/*
 * A regular file called name in the root directory, made as ramfs_create
 * would (a new inode instantiated into the looked-up dentry, pinned).
 */
static SYSCALLS_UNUSED void make_file(const char *name)
{
	struct dentry *root = init_task.fs->root;
	struct qstr this;
	struct dentry *dentry;
	struct inode *inode;
	unsigned long hash = init_name_hash();
	const char *p;

	for (p = name; *p; p++)
		hash = partial_name_hash((unsigned char)*p, hash);
	this.name = (const unsigned char *)name;
	this.len = strlen(name);
	this.hash = end_name_hash(hash);
	dentry = lookup_hash(&this, root);
	assert_false(IS_ERR(dentry));
	inode = new_inode(root->d_sb);
	assert_non_null(inode);
	inode->i_mode = S_IFREG | 0644;
	d_instantiate(dentry, inode);	/* the dentry's count is the pin */
}

/* Two IPC_PRIVATE segments, as the outcome table's scenario makes them. */
static SYSCALLS_UNUSED void two_segments(int *id1, int *id2)
{
	*id1 = sys_shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	*id2 = sys_shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	assert_true(*id1 >= 0 && *id2 >= 0);
}

/* sim_vfs_check() must find nothing broken. */
static SYSCALLS_UNUSED void assert_vfs_ok(void)
{
	char why[256];
	int err = sim_vfs_check(why, sizeof(why));

	if (err)
		print_error("sim_vfs_check() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

#endif /* _TESTS_VFS_SYSCALLS_H */
