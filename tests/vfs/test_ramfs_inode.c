// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_ramfs_inode.c - sim/vfs/ramfs_inode.c: the root file
 * system (mount_root), ramfs_lookup's negative dentries and ramfs_mkdir's
 * pinned ones.
 */
#include "syscalls.h"

static void test_mount_root__ramfs_is_init_s_root_on_00_06(void **state)
{
	struct vfsmount *mnt = root_mnt();

	(void)state;
	assert_string_equal(mnt->mnt_sb->s_type->name, "ramfs");
	assert_int_equal(mnt->mnt_sb->s_dev, MKDEV(0, 6));
	assert_ptr_equal(mnt->mnt_parent, root_vfsmnt);
	assert_ptr_equal(mnt->mnt_mountpoint, root_vfsmnt->mnt_root);
	assert_ptr_equal(init_task.fs->root, mnt->mnt_root);
	assert_ptr_equal(init_task.fs->pwd, mnt->mnt_root);
	/* the tree's, the root's and the cwd's */
	assert_int_equal(mnt->mnt_count, 3);
}

static void test_ramfs_mkdir__pins_the_new_dentry(void **state)
{
	struct nameidata nd;

	(void)state;
	assert_int_equal(sys_mkdir("/d", 0755), 0);
	assert_int_equal(path_init("/d", LOOKUP_POSITIVE, &nd), 1);
	assert_int_equal(path_walk("/d", &nd), 0);
	/* the pin and the walk's */
	assert_int_equal(nd.dentry->d_count, 2);
	assert_false(d_unhashed(nd.dentry));
	assert_true(S_ISDIR(nd.dentry->d_inode->i_mode));
	path_release(&nd);
	assert_vfs_ok();
}

static void test_ramfs_lookup__leaves_a_hashed_negative_dentry(void **state)
{
	struct dentry *root = init_task.fs->root;
	int children = root->d_count;

	(void)state;
	assert_errno(sys_umount("/nothere", 0), -ENOENT);
	/* cached at d_count 0 on dentry_unused; it pins its parent */
	assert_int_equal(root->d_count, children + 1);
	assert_int_equal(dentry_stat.nr_unused, 1);
	assert_vfs_ok();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, boot, shutdown)
		T(test_mount_root__ramfs_is_init_s_root_on_00_06),
		T(test_ramfs_mkdir__pins_the_new_dentry),
		T(test_ramfs_lookup__leaves_a_hashed_negative_dentry),
#undef T
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv,
			     "vfs/ramfs_inode");
}
