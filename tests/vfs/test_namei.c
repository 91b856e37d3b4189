// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_namei.c - sim/vfs/namei.c: the path walk and mkdir.
 * Every test boots a machine (ramfs mounted over rootfs as init's root),
 * makes one call, checks its result and that the walk's references came
 * back; the teardown checks every invariant and that nothing is left.
 */
#include "syscalls.h"

static void test_sys_mkdir__makes_a_directory_on_the_ramfs_root(void **state)
{
	struct dentry *root = init_task.fs->root;
	int d_count = root->d_count, mnt_count = root_mnt()->mnt_count;
	char names[256];

	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	/* one more child on the root; the walk gave its references back */
	assert_int_equal(root->d_count, d_count + 1);
	assert_int_equal(root_mnt()->mnt_count, mnt_count);
	assert_int_equal(ls("/", names, sizeof(names)), 0);
	assert_string_equal(names, "mnt");
	assert_vfs_ok();
}

static void test_sys_mkdir__existing_name_fails_eexist(void **state)
{
	(void)state;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_errno(sys_mkdir("/mnt", 0755), -EEXIST);
	assert_errno(sys_mkdir("/", 0755), -EEXIST);
	assert_errno(sys_mkdir("/mnt/..", 0755), -EEXIST);
	assert_vfs_ok();
}

static void test_sys_mkdir__missing_parent_fails_enoent(void **state)
{
	(void)state;
	assert_errno(sys_mkdir("/a/b", 0755), -ENOENT);
	assert_errno(sys_mkdir("", 0755), -ENOENT);
	assert_vfs_ok();
}

static void test_sys_mkdir__through_a_file_fails_enotdir(void **state)
{
	(void)state;
	make_file("f");
	assert_errno(sys_mkdir("/f/x", 0755), -ENOTDIR);
	assert_vfs_ok();
}

static void test_sys_mkdir__too_long_fails_enametoolong(void **state)
{
	static char path[PATH_MAX + 2];

	(void)state;
	memset(path, 'a', sizeof(path) - 1);
	path[0] = '/';
	assert_errno(sys_mkdir(path, 0755), -ENAMETOOLONG);
}

static void test_link_path_walk__dotdot_above_the_root_stays(void **state)
{
	char names[256];

	(void)state;
	assert_int_equal(sys_mkdir("/../../x", 0755), 0);
	assert_int_equal(sys_mkdir("/x/../y", 0755), 0);
	assert_int_equal(ls("/..", names, sizeof(names)), 0);
	assert_string_equal(names, "y x");
	assert_vfs_ok();
}

static void test_path_init__relative_path_starts_at_the_cwd(void **state)
{
	(void)state;
	assert_int_equal(sys_mkdir("rel", 0700), 0);
	assert_errno(sys_mkdir("/rel", 0700), -EEXIST);
}

static void test_sys_mkdir__non_root_in_root_dir_fails_eacces(void **state)
{
	(void)state;
	sim_task("user", 1000, 1000);
	assert_errno(sys_mkdir("/mnt", 0755), -EACCES);
	current = &init_task;
	assert_vfs_ok();
}

static void test_vfs_mkdir__rootfs_has_no_mkdir_eperm(void **state)
{
	struct dentry *rootfs_root = root_vfsmnt->mnt_root;
	struct qstr this = { (const unsigned char *)"mnt", 3, 0 };
	struct dentry *dentry;

	(void)state;
	dentry = lookup_hash(&this, rootfs_root);
	assert_false(IS_ERR(dentry));
	assert_null(dentry->d_inode);
	assert_errno(vfs_mkdir(rootfs_root->d_inode, dentry, 0755), -EPERM);
	dput(dentry);
	assert_vfs_ok();
}

static void test_sys_mkdir__umask_is_applied(void **state)
{
	struct dentry *d;
	struct nameidata nd;

	(void)state;
	assert_int_equal(sys_mkdir("/m", 0777), 0);
	assert_int_equal(path_init("/m", LOOKUP_POSITIVE, &nd), 1);
	assert_int_equal(path_walk("/m", &nd), 0);
	d = nd.dentry;
	assert_int_equal(d->d_inode->i_mode, S_IFDIR | 0755);
	path_release(&nd);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, boot, shutdown)
		T(test_sys_mkdir__makes_a_directory_on_the_ramfs_root),
		T(test_sys_mkdir__existing_name_fails_eexist),
		T(test_sys_mkdir__missing_parent_fails_enoent),
		T(test_sys_mkdir__through_a_file_fails_enotdir),
		T(test_sys_mkdir__too_long_fails_enametoolong),
		T(test_link_path_walk__dotdot_above_the_root_stays),
		T(test_path_init__relative_path_starts_at_the_cwd),
		T(test_sys_mkdir__non_root_in_root_dir_fails_eacces),
		T(test_vfs_mkdir__rootfs_has_no_mkdir_eperm),
		T(test_sys_mkdir__umask_is_applied),
#undef T
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv, "vfs/namei");
}
