// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_open.c - sim/2.6/fs/open.c (fs/open.c, 2.6.32) on a
 * booted machine: sys_open of a directory (do_sys_open -> do_filp_open ->
 * nameidata_to_filp -> __dentry_open -> dcache_dir_open's cursor ->
 * fd_install), its errors, the lowest free fd, and sys_close giving every
 * reference back (the cursor, the path, the file).
 */
#include "sim_test.h"

#include "vfs_world.h"

static struct file *fd_file(unsigned int fd)
{
	return fcheck_files(current->files, fd);
}

static void test_sys_open__dir_fd0_file_cursor_path_refs(void **s)
{
	struct dentry *root = sim_init_mnt_ns->root->mnt_root;
	struct vfsmount *mnt = sim_init_mnt_ns->root;
	int d0 = root->d_count, m0 = mnt->mnt_count;
	unsigned long dentries = sim_dentries_live();
	struct file *f;
	struct dentry *cursor;
	long fd;

	(void)s;
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_int_equal(fd, 0);
	f = fd_file(0);
	assert_non_null(f);
	assert_int_equal(f->f_count, 1);
	assert_ptr_equal(f->f_path.dentry, root);
	assert_ptr_equal(f->f_path.mnt, mnt);
	assert_int_equal(f->f_mode & (FMODE_READ | FMODE_WRITE), FMODE_READ);
	cursor = f->private_data;
	assert_non_null(cursor);
	assert_true(d_unhashed(cursor));
	assert_null(cursor->d_inode);
	/* the path's dget, and the cursor's on its parent */
	assert_int_equal(root->d_count, d0 + 2);
	assert_int_equal(mnt->mnt_count, m0 + 1);
	assert_int_equal(sim_dentries_live(), dentries + 1);
	vfs_world_check();

	assert_int_equal(sys_close(0), 0);
	assert_null(fd_file(0));
	assert_int_equal(root->d_count, d0);
	assert_int_equal(mnt->mnt_count, m0);
	assert_int_equal(sim_dentries_live(), dentries);
	assert_int_equal(current->files->next_fd, 0);
}

static void test_sys_open__lowest_free_fd(void **s)
{
	(void)s;
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 1);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 2);
	assert_int_equal(sys_close(1), 0);
	assert_int_equal(current->files->next_fd, 1);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 1);
	assert_int_equal(current->files->next_fd, 2);	/* a bound only */
	vfs_world_check();
	/* the rest are closed by exit at the shutdown */
}

static void test_sys_open__errors_give_the_fd_back(void **s)
{
	unsigned long files = (unsigned long)files_stat.nr_files;

	(void)s;
	assert_errno(sys_open("/nowhere", O_RDONLY | O_DIRECTORY, 0),
		     -ENOENT);
	assert_errno(sys_open("", O_RDONLY, 0), -ENOENT);
	assert_errno(sys_open("/", O_RDWR | O_DIRECTORY, 0), -EISDIR);
	assert_errno(sys_open("/", O_WRONLY, 0), -EISDIR);
	vfs_make_file("f");
	assert_errno(sys_open("/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	assert_int_equal((unsigned long)files_stat.nr_files, files);
	assert_int_equal(current->files->next_fd, 0);
	assert_int_equal(sys_open("/f", O_RDONLY, 0), 0);
	assert_int_equal(sys_close(0), 0);
}

static void test_sys_open__non_root_search_permission(void **s)
{
	struct dentry *mnt;

	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0700), 0);
	assert_int_equal(sys_mkdir("/mnt/shm", 0755), 0);
	current = user_task;
	assert_errno(sys_open("/mnt", O_RDONLY | O_DIRECTORY, 0), -EACCES);
	assert_errno(sys_open("/mnt/shm", O_RDONLY | O_DIRECTORY, 0),
		     -EACCES);
	current = root_task;
	mnt = vfs_lookup("/mnt");
	mnt->d_inode->i_mode = S_IFDIR | 0711;
	current = user_task;
	assert_errno(sys_open("/mnt", O_RDONLY | O_DIRECTORY, 0), -EACCES);
	assert_int_equal(sys_open("/mnt/shm", O_RDONLY | O_DIRECTORY, 0), 0);
	assert_int_equal(sys_close(0), 0);
	current = root_task;
}

static void test_sys_close__bad_fd_ebadf(void **s)
{
	(void)s;
	assert_errno(sys_close(0), -EBADF);
	assert_errno(sys_close(5), -EBADF);
	assert_errno(sys_close(1000), -EBADF);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	assert_int_equal(sys_close(0), 0);
	assert_errno(sys_close(0), -EBADF);
}

static void test_alloc_fd__table_full_emfile(void **s)
{
	int i;

	(void)s;
	for (i = 0; i < NR_OPEN_DEFAULT; i++)
		assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), i);
	assert_errno(sys_open("/", O_RDONLY | O_DIRECTORY, 0), -EMFILE);
	vfs_world_check();
	assert_int_equal(sys_close(7), 0);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 7);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sys_open__dir_fd0_file_cursor_path_refs,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_open__lowest_free_fd,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_open__errors_give_the_fd_back,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_open__non_root_search_permission,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_close__bad_fd_ebadf,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_alloc_fd__table_full_emfile,
			vfs_world_setup, vfs_world_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/fs/open");
}
