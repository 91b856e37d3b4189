// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_namespace.c - sim/vfs/namespace.c: mount, umount, the
 * mount hash and /proc/mounts; and the 2.4.16 columns of the visibility
 * experiment's outcome table (docs/walkthrough-visibility.md), through the
 * system calls: `mkdir /mnt`, `mkdir /mnt/shm`, two IPC_PRIVATE segments,
 * `mount none /mnt/shm tmpfs`, then `ls /mnt/shm`, for each set of patches.
 * The teardown checks every invariant and that nothing is left.
 */
#include <stdio.h>

#include "syscalls.h"

/* The table's steps; returns the mount's result, names gets ls's. */
static long experiment(char *names, size_t len)
{
	int id1, id2;
	long rc;

	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mkdir("/mnt/shm", 0755), 0);
	two_segments(&id1, &id2);
	rc = sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL);
	assert_int_equal(ls("/mnt/shm", names, len), 0);
	assert_vfs_ok();
	return rc;
}

static int boot_single_sb(void **state)
{
	(void)state;
	return boot_with(SIM_PATCH_SINGLE_SB);
}

static int boot_hashed_shm(void **state)
{
	(void)state;
	return boot_with(SIM_PATCH_HASHED_SHM);
}

static int boot_both(void **state)
{
	(void)state;
	return boot_with(SIM_PATCH_SINGLE_SB | SIM_PATCH_HASHED_SHM);
}

static void test_outcome__none_mounts_a_new_sb_and_lists_nothing(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(experiment(names, sizeof(names)), 0);
	assert_string_equal(names, "");
	/* its own superblock, on the next unnamed device after ramfs's */
	assert_int_equal(shm_mnt->mnt_sb->s_active, 1);
	assert_true(sim_unnamed_dev_in_use(7));
}

static void test_outcome__single_sb_shares_the_internal_sb(void **state)
{
	char names[256];
	struct super_block *sb = shm_mnt->mnt_sb;

	(void)state;
	assert_int_equal(experiment(names, sizeof(names)), 0);
	assert_string_equal(names, "");		/* SYSV dentries unhashed */
	assert_int_equal(sb->s_active, 2);	/* shm_mnt's and the mount's */
}

static void test_outcome__hashed_shm_alone_lists_another_sb(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(experiment(names, sizeof(names)), 0);
	assert_string_equal(names, "");
}

static void test_outcome__both_list_the_segments_newest_first(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(experiment(names, sizeof(names)), 0);
	assert_string_equal(names, "SYSV00000000 SYSV00000000");
}

static void test_dput__hashed_sysv_dentry_is_cached_after_rmid(void **state)
{
	char names[256];
	int id1, id2;
	int deleted = inodes_stat.nr_inodes;

	(void)state;
	assert_int_equal(experiment(names, sizeof(names)), 0);
	id1 = 0;
	id2 = 32769;
	assert_int_equal(sys_shmctl(id1, IPC_RMID, NULL), 0);
	assert_int_equal(sys_shmctl(id2, IPC_RMID, NULL), 0);
	/* the names stay, and so do the inodes: cached, not deleted */
	assert_int_equal(ls("/mnt/shm", names, sizeof(names)), 0);
	assert_string_equal(names, "SYSV00000000 SYSV00000000");
	assert_true(inodes_stat.nr_inodes >= deleted);
	assert_true(dentry_stat.nr_unused >= 2);
	assert_vfs_ok();
}

static void test_sys_mount__errors(void **state)
{
	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_errno(sys_mount("none", "/nowhere", "tmpfs", 0, NULL), -ENOENT);
	assert_errno(sys_mount("none", "/mnt", "nosuchfs", 0, NULL), -ENODEV);
	assert_errno(sys_mount("none", "/mnt", NULL, 0, NULL), -EINVAL);
	assert_errno(sys_mount("none", "", "tmpfs", 0, NULL), -ENOENT);
	/* rootfs is FS_NOMOUNT: its new sb is MS_NOUSER, graft_tree refuses */
	assert_errno(sys_mount("none", "/mnt", "rootfs", 0, NULL), -EINVAL);
	make_file("f");
	assert_errno(sys_mount("none", "/f", "tmpfs", 0, NULL), -ENOTDIR);
	sim_task("user", 1000, 1000);
	/* the walk first (ENOENT), then do_kern_mount's capable() */
	assert_errno(sys_mount("none", "/nowhere", "tmpfs", 0, NULL), -ENOENT);
	assert_errno(sys_mount("none", "/mnt", "tmpfs", 0, NULL), -EPERM);
	current = &init_task;
	assert_vfs_ok();
}

/* single-sb: the second mount is the same superblock on its own root */
static void test_do_add_mount__same_sb_on_its_own_root_ebusy(void **state)
{
	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mount("none", "/mnt", "tmpfs", 0, NULL), 0);
	assert_errno(sys_mount("none", "/mnt", "tmpfs", 0, NULL), -EBUSY);
	assert_vfs_ok();
}

static void test_sys_umount__errors_and_success(void **state)
{
	struct vfsmount *root = root_mnt();
	struct task_struct *user;
	char names[256];
	int mnt_count;
	long fd;

	(void)state;
	user = sim_task("user", 1000, 1000);	/* its root and cwd: +2 */
	current = &init_task;
	mnt_count = root->mnt_count;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mount("none", "/mnt", "tmpfs", 0, NULL), 0);
	assert_int_equal(sys_mkdir("/mnt/inside", 0755), 0);
	assert_errno(sys_umount("/nowhere", 0), -ENOENT);
	assert_errno(sys_umount("/mnt/inside", 0), -EINVAL);
	current = user;
	assert_errno(sys_umount("/mnt/inside", 0), -EINVAL);
	assert_errno(sys_umount("/mnt", 0), -EPERM);
	current = &init_task;
	fd = sys_open("/mnt", O_RDONLY | O_DIRECTORY, 0);
	assert_true(fd >= 0);
	assert_errno(sys_umount("/mnt", 0), -EBUSY);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_umount("/mnt", 0), 0);
	assert_int_equal(ls("/mnt", names, sizeof(names)), 0);
	assert_string_equal(names, "");		/* the ramfs directory again */
	assert_int_equal(root->mnt_count, mnt_count);
	assert_errno(sys_umount("/mnt", 0), -EINVAL);
	assert_vfs_ok();
}

static void test_do_umount__the_root_is_remounted_read_only(void **state)
{
	(void)state;
	assert_int_equal(sys_umount("/", 0), 0);
	assert_errno(sys_mkdir("/mnt", 0755), -EROFS);
}

static void test_mounts_read_proc__2_4_16_format(void **state)
{
	char buf[512];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mkdir("/mnt/shm", 0755), 0);
	assert_int_equal(sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL), 0);
	mounts_read_proc(f);
	fclose(f);
	assert_string_equal(buf, "/dev/root / ramfs rw 0 0\n"
			    "none /mnt/shm tmpfs rw 0 0\n");
}

static void test_filesystems_read_proc__registration_order(void **state)
{
	char buf[512];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	(void)state;
	filesystems_read_proc(f);
	fclose(f);
	assert_string_equal(buf, "nodev\trootfs\nnodev\tproc\nnodev\ttmpfs\n"
			    "nodev\tshm\nnodev\tramfs\n");
}

static void test_lookup_mnt__finds_the_mount_on_its_mountpoint(void **state)
{
	struct nameidata nd;
	struct vfsmount *mnt;

	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_int_equal(sys_mount("none", "/mnt", "tmpfs", 0, NULL), 0);
	/* LOOKUP_PARENT stops before /mnt: nd is the root, "mnt" last */
	assert_int_equal(path_init("/mnt", LOOKUP_PARENT, &nd), 1);
	assert_int_equal(path_walk("/mnt", &nd), 0);
	mnt = lookup_mnt(nd.mnt, lookup_hash(&nd.last, nd.dentry));
	assert_non_null(mnt);
	assert_ptr_equal(mnt->mnt_parent, nd.mnt);
	dput(mnt->mnt_mountpoint);	/* lookup_hash's reference */
	path_release(&nd);
	assert_vfs_ok();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f, s) cmocka_unit_test_setup_teardown(f, s, shutdown)
		T(test_outcome__none_mounts_a_new_sb_and_lists_nothing, boot),
		T(test_outcome__single_sb_shares_the_internal_sb,
		  boot_single_sb),
		T(test_outcome__hashed_shm_alone_lists_another_sb,
		  boot_hashed_shm),
		T(test_outcome__both_list_the_segments_newest_first, boot_both),
		T(test_dput__hashed_sysv_dentry_is_cached_after_rmid, boot_both),
		T(test_sys_mount__errors, boot),
		T(test_do_add_mount__same_sb_on_its_own_root_ebusy,
		  boot_single_sb),
		T(test_sys_umount__errors_and_success, boot),
		T(test_do_umount__the_root_is_remounted_read_only, boot),
		T(test_mounts_read_proc__2_4_16_format, boot),
		T(test_filesystems_read_proc__registration_order, boot),
		T(test_lookup_mnt__finds_the_mount_on_its_mountpoint, boot),
#undef T
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv,
			     "vfs/namespace");
}
