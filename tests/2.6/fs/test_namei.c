// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_namei.c - sim/2.6/fs/namei.c (fs/namei.c, 2.6.32) on
 * a booted machine: sys_mkdir (sys_mkdirat -> lookup_create -> vfs_mkdir
 * -> ramfs_mkdir) with every errno of its path, the walk's "." and ".."
 * (never above the root), getname's and simple_lookup's ENAMETOOLONG,
 * the search and write permission of a non-root task, and the
 * references each call takes and gives back.
 */
#include "sim_test.h"

#include "vfs_world.h"
#include "fs/internal.h"

static struct dentry *rootfs_root(void)
{
	return sim_init_mnt_ns->root->mnt_root;
}

static void test_sys_mkdir__makes_pinned_dir_refcounts_back(void **s)
{
	struct dentry *root = rootfs_root(), *mnt;
	int d0 = root->d_count, m0 = sim_init_mnt_ns->root->mnt_count;
	unsigned int nlink = root->d_inode->i_nlink;

	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	mnt = vfs_lookup("/mnt");
	assert_non_null(mnt);
	assert_int_equal(mnt->d_count, 1);		/* the pin */
	assert_int_equal(mnt->d_inode->i_mode, S_IFDIR | 0755);
	assert_int_equal(mnt->d_inode->i_nlink, 2);
	assert_int_equal(root->d_inode->i_nlink, nlink + 1);
	assert_false(d_unhashed(mnt));
	assert_int_equal(root->d_count, d0 + 1);	/* the child's */
	assert_int_equal(sim_init_mnt_ns->root->mnt_count, m0);
	assert_int_equal(mnt->d_inode->i_uid, 0);
	vfs_world_check();
}

static void test_sys_mkdir__umask_applies(void **s)
{
	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0777), 0);
	assert_int_equal(vfs_lookup("/mnt")->d_inode->i_mode, S_IFDIR | 0755);
}

static void test_sys_mkdir__existing_eexist(void **s)
{
	struct dentry *root = rootfs_root();
	int d0;

	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	d0 = root->d_count;
	assert_errno(sys_mkdir("/mnt", 0755), -EEXIST);
	assert_errno(sys_mkdir("/", 0755), -EEXIST);
	assert_errno(sys_mkdir("/mnt/.", 0755), -EEXIST);
	assert_errno(sys_mkdir("/mnt/..", 0755), -EEXIST);
	assert_int_equal(root->d_count, d0);
	assert_int_equal(vfs_lookup("/mnt")->d_count, 1);
}

static void test_sys_mkdir__missing_parent_enoent(void **s)
{
	struct dentry *root = rootfs_root();
	int d0 = root->d_count;
	unsigned long dentries = sim_dentries_live();

	(void)s;
	assert_errno(sys_mkdir("/a/b", 0755), -ENOENT);
	assert_errno(sys_mkdir("", 0755), -ENOENT);
	/* the negative dentry "a" is not cached (simple_delete_dentry) */
	assert_int_equal(root->d_count, d0);
	assert_int_equal(sim_dentries_live(), dentries);
}

static void test_sys_mkdir__through_a_file_enotdir(void **s)
{
	(void)s;
	vfs_make_file("f");
	assert_errno(sys_mkdir("/f/x", 0755), -ENOTDIR);
	assert_errno(sys_open("/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	assert_errno(sys_open("/f/", O_RDONLY, 0), -ENOTDIR);
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_errno(sys_mount("none", "/f", "tmpfs", 0, NULL), -ENOTDIR);
	assert_int_equal(vfs_lookup("/f")->d_count, 1);
}

static void test_getname__path_max_enametoolong(void **s)
{
	static char path[PATH_MAX + 2];

	(void)s;
	memset(path, 'a', PATH_MAX);
	path[0] = '/';
	path[PATH_MAX] = 0;
	assert_errno(sys_mkdir(path, 0755), -ENAMETOOLONG);
	path[PATH_MAX - 1] = 0;		/* fits: the component is too long */
	assert_errno(sys_mkdir(path, 0755), -ENAMETOOLONG);
}

static void test_simple_lookup__name_max_enametoolong(void **s)
{
	char path[NAME_MAX + 3];

	(void)s;
	memset(path, 'n', sizeof(path));
	path[0] = '/';
	path[NAME_MAX + 2] = 0;		/* 256 characters */
	assert_errno(sys_mkdir(path, 0755), -ENAMETOOLONG);
	path[NAME_MAX + 1] = 0;		/* 255: fine */
	assert_int_equal(sys_mkdir(path, 0755), 0);
}

static void test_follow_dotdot__never_above_the_root(void **s)
{
	(void)s;
	assert_ptr_equal(vfs_lookup("/.."), rootfs_root());
	assert_ptr_equal(vfs_lookup("/../../.."), rootfs_root());
	assert_int_equal(sys_mkdir("/../../mnt", 0755), 0);
	assert_ptr_equal(vfs_lookup("/mnt/.."), rootfs_root());
	assert_ptr_equal(vfs_lookup("/mnt/./"), vfs_lookup("/mnt"));
	assert_int_equal(sys_mkdir("/mnt/../mnt/shm", 0755), 0);
	assert_non_null(vfs_lookup("//mnt//shm/"));
	vfs_world_check();
}

/* ".." from a mount's root climbs to its mountpoint's parent */
static void test_follow_dotdot__crosses_back_over_a_mount(void **s)
{
	struct dentry *mnt;

	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	mnt = vfs_lookup("/mnt");
	assert_ptr_equal(vfs_lookup("/mnt/shm/.."), mnt);
	assert_ptr_equal(vfs_lookup("/mnt/shm/../shm/.."), mnt);
	vfs_world_check();
}

static void test_sys_mkdir__non_root_in_root_dir_eacces(void **s)
{
	(void)s;
	current = user_task;
	assert_errno(sys_mkdir("/mnt", 0755), -EACCES);
	current = root_task;
	assert_int_equal(sys_mkdir("/mnt", 0777), 0);	/* 0755 by umask */
	current = user_task;
	assert_errno(sys_mkdir("/mnt/x", 0755), -EACCES);
	current = root_task;
}

static void test_vfs_mkdir__no_mkdir_op_eperm(void **s)
{
	struct dentry *root = proc_mnt->mnt_root;
	struct dentry *dentry;

	(void)s;
	/* proc's root directory has no ->mkdir (and is never mounted) */
	dentry = d_alloc_name(root, "x");
	assert_errno(vfs_mkdir(root->d_inode, dentry, 0755), -EPERM);
	dput(dentry);
}

static void test_sys_mkdir__in_tmpfs_mount(void **s)
{
	char out[64];

	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	assert_int_equal(sys_mkdir("/mnt/shm/a", 0755), 0);
	assert_int_equal(sys_mkdir("/mnt/shm/b", 0755), 0);
	assert_errno(sys_mkdir("/mnt/shm/a", 0755), -EEXIST);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "b a");
	vfs_world_check();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__makes_pinned_dir_refcounts_back,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__umask_applies,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__existing_eexist,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__missing_parent_enoent,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__through_a_file_enotdir,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_getname__path_max_enametoolong,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_simple_lookup__name_max_enametoolong,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_follow_dotdot__never_above_the_root,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_follow_dotdot__crosses_back_over_a_mount,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__non_root_in_root_dir_eacces,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_vfs_mkdir__no_mkdir_op_eperm,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_mkdir__in_tmpfs_mount,
			vfs_world_setup, vfs_world_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/fs/namei");
}
