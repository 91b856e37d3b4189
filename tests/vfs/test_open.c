// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_open.c - sim/vfs/open.c: sys_open of a directory, the fd
 * table (get_unused_fd, fd_install, sys_close), fork's copy and exit's
 * close of it (kernel/fork.c's copy_files, kernel/exit.c's close_files).
 */
#include "syscalls.h"

static void test_sys_open__errors(void **state)
{
	(void)state;
	make_file("f");
	assert_errno(sys_open("/nothere", O_RDONLY | O_DIRECTORY, 0), -ENOENT);
	assert_errno(sys_open("/f", O_RDONLY | O_DIRECTORY, 0), -ENOTDIR);
	assert_errno(sys_open("/f/x", O_RDONLY, 0), -ENOTDIR);
	assert_errno(sys_open("/", O_RDWR | O_DIRECTORY, 0), -EISDIR);
	assert_errno(sys_open("", O_RDONLY, 0), -ENOENT);
	assert_errno(sys_close(3), -EBADF);
	assert_vfs_ok();
}

static void test_get_unused_fd__lowest_free_fd(void **state)
{
	struct dentry *root = init_task.fs->root;
	int d_count = root->d_count;
	long a, b, c;

	(void)state;
	a = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	b = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	assert_int_equal(root->d_count, d_count + 2);	/* one per file */
	assert_int_equal(sys_close(a), 0);
	c = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	assert_int_equal(c, 0);
	assert_vfs_ok();
	assert_int_equal(sys_close(b), 0);
	assert_int_equal(sys_close(c), 0);
	assert_int_equal(root->d_count, d_count);
}

static void test_sys_open__table_full_emfile(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < NR_OPEN_DEFAULT; i++)
		assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), i);
	assert_errno(sys_open("/", O_RDONLY | O_DIRECTORY, 0), -EMFILE);
	assert_vfs_ok();
}

static void test_copy_files__fork_shares_each_file_exit_closes(void **state)
{
	struct task_struct *a;
	struct file *f;
	long fd, pid;

	(void)state;
	a = sim_task("a", 0, 0);
	fd = sys_open("/", O_RDONLY | O_DIRECTORY, 0);
	f = a->files->fd[fd];
	pid = do_fork(0, "b");
	assert_true(pid > 0);
	assert_int_equal(f->f_count, 2);
	assert_vfs_ok();
	current = sim_find_task_by_pid(pid);
	do_exit(0);
	assert_int_equal(f->f_count, 1);
	sim_task_free(current);
	current = a;
	assert_vfs_ok();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, boot, shutdown)
		T(test_sys_open__errors),
		T(test_get_unused_fd__lowest_free_fd),
		T(test_sys_open__table_full_emfile),
		T(test_copy_files__fork_shares_each_file_exit_closes),
#undef T
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv, "vfs/open");
}
