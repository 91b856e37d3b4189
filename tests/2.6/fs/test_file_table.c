// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_file_table.c - tests of sim/2.6/fs/file_table.c:
 * get_empty_filp's count and its -ENFILE limit (which CAP_SYS_ADMIN
 * passes), alloc_file's mount reference, and the order of the last fput:
 * ->release while the path is still held, then file_free, dput, mntput.
 */
#include "sim_test.h"

#include "linux/sched.h"
#include "vfs_test_fs.h"

static struct vfsmount *mnt;
static struct dentry *dentry;

/* what ->release saw */
static int release_calls;
static int release_d_count, release_mnt_count, release_nr_files;

static int t_release(struct inode *inode, struct file *file)
{
	(void)inode;
	release_calls++;
	release_d_count = file->f_path.dentry->d_count;
	release_mnt_count = file->f_path.mnt->mnt_count;
	release_nr_files = files_stat.nr_files;
	return 0;
}

static const struct file_operations t_fops = {
	.release = t_release,
};

static int setup(void **state)
{
	struct inode *inode;
	int err = vfs_boot(state);

	mnt = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	dentry = d_alloc_name(mnt->mnt_root, "f");
	inode = new_inode(mnt->mnt_sb);
	inode->i_mode = S_IFREG | 0600;
	d_instantiate(dentry, inode);
	release_calls = 0;
	return err || IS_ERR(mnt);
}

static int teardown(void **state)
{
	mntput(mnt);
	return vfs_shutdown(state);
}

static void test_alloc_file__counts_and_mnt_reference(void **s)
{
	int files = files_stat.nr_files;
	struct file *f;

	(void)s;
	f = alloc_file(mnt, dentry, FMODE_READ | FMODE_WRITE, &t_fops);
	assert_non_null(f);
	assert_int_equal(files_stat.nr_files, files + 1);
	assert_int_equal(f->f_count, 1);
	assert_int_equal(mnt->mnt_count, 2);
	assert_int_equal(dentry->d_count, 1);	/* the caller's, handed on */
	assert_ptr_equal(f->f_mapping, dentry->d_inode->i_mapping);
	assert_ptr_equal(f->f_cred, current_cred());
	assert_int_equal(mnt->mnt_writers, 1);
	get_file(f);
	fput(f);
	assert_int_equal(release_calls, 0);
	fput(f);
	assert_int_equal(release_calls, 1);
	/* ->release ran with the path and the file still counted */
	assert_int_equal(release_d_count, 1);
	assert_int_equal(release_mnt_count, 2);
	assert_int_equal(release_nr_files, files + 1);
	/* then file_free, dput (the dentry is freed), mntput */
	assert_int_equal(files_stat.nr_files, files);
	assert_int_equal(mnt->mnt_count, 1);
	assert_int_equal(mnt->mnt_writers, 0);
	assert_int_equal(mnt->mnt_root->d_count, 2);
	assert_true(list_empty(&mnt->mnt_root->d_subdirs));
	dentry = NULL;
}

static void test_get_empty_filp__enfile_at_max_files_unless_admin(void **s)
{
	static struct cred user_cred = { .usage = 1, .uid = 1000,
					 .euid = 1000, .fsuid = 1000 };
	struct task_struct *saved = current;
	static struct task_struct user_task;
	int max = files_stat.max_files;
	struct file *f;

	(void)s;
	files_stat.max_files = files_stat.nr_files;
	user_task = init_task;
	user_task.cred = user_task.real_cred = &user_cred;
	current = &user_task;
	assert_null(get_empty_filp());
	current = saved;
	f = get_empty_filp();		/* root: CAP_SYS_ADMIN */
	assert_non_null(f);
	assert_int_equal(files_stat.nr_files, files_stat.max_files + 1);
	put_filp(f);
	files_stat.max_files = max;
	dput(dentry);
}

static void test_files_init__max_files_floor_nr_file(void **s)
{
	(void)s;
	/* vfs_boot passed 8192 pages: 8192 * 4 / 10 = 3276 < NR_FILE */
	assert_int_equal(files_stat.max_files, NR_FILE);
	files_init(65536);
	assert_int_equal(files_stat.max_files, 26214);
	dput(dentry);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_alloc_file__counts_and_mnt_reference),
		T(test_get_empty_filp__enfile_at_max_files_unless_admin),
		T(test_files_init__max_files_floor_nr_file),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/fs/file_table");
}
