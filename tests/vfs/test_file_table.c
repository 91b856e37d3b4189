// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_file_table.c - sim/vfs/file_table.c: get_empty_filp (new,
 * reused for root, reused above the reserve, table full), put_filp, fput
 * (not last; last: release, put_write_access, free_list, dput then mntput)
 * and sim_file_table_release.
 * Every test boots a fresh VFS (rootfs, bdev reserved, proc) and mounts a
 * test-local filesystem, testfs (00:04); open_file() builds a file on it the
 * way shmem_file_setup builds a SYSV segment's. The teardown unmounts it,
 * checks the invariants, shuts the VFS down (which frees free_list) and
 * asserts that nothing is left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_test.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"
#include "testfs.h"

static struct vfsmount *mnt;	/* testfs, mounted by the setup */
static struct dentry *root;	/* its root dentry */

static int vfs_setup(void **state)
{
	(void)state;
	testfs_world_init();
	test_task.fsuid = 500;
	test_task.fsgid = 600;
	if (register_filesystem(&testfs_type))
		return -1;
	mnt = kern_mount(&testfs_type);
	if (IS_ERR(mnt))
		return -1;
	root = mnt->mnt_root;
	return 0;
}

static int vfs_teardown(void **state)
{
	(void)state;
	testfs_check();
	assert_true(list_empty(&anon_list));
	files_stat.max_files = NR_FILE;
	mntput(mnt);
	assert_errno(unregister_filesystem(&testfs_type), 0);
	testfs_world_exit();
	assert_true(list_empty(&free_list));
	return 0;
}

/*
 * A file on testfs as shmem_file_setup makes a SYSV segment's: a dentry
 * under the root, an unlinked inode, FMODE_READ|FMODE_WRITE, a reference
 * on the mount.
 */
static struct file *open_file(const char *name)
{
	struct qstr q = { (const unsigned char *)name, strlen(name), 0 };
	struct dentry *dentry;
	struct inode *inode;
	struct file *file;

	dentry = d_alloc(root, &q);
	assert_non_null(dentry);
	file = get_empty_filp();
	assert_non_null(file);
	inode = new_inode(root->d_sb);
	assert_non_null(inode);
	inode->i_mode = S_IFREG | 0777;
	d_instantiate(dentry, inode);
	inode->i_nlink = 0;
	file->f_vfsmnt = mntget(mnt);
	file->f_dentry = dentry;
	file->f_mode = FMODE_READ | FMODE_WRITE;
	return file;
}

static void test_get_empty_filp__new_file_is_at_head_of_anon_list(void **state)
{
	struct file *a, *b;

	(void)state;
	a = get_empty_filp();
	assert_non_null(a);
	assert_int_equal(sim_id(a), 1);
	assert_int_equal(a->f_count, 1);
	assert_int_equal(a->f_uid, 500);
	assert_int_equal(a->f_gid, 600);
	assert_null(a->f_dentry);
	assert_null(a->f_vfsmnt);
	assert_null(a->f_op);
	assert_int_equal(a->f_mode, 0);
	assert_int_equal(files_stat.nr_files, 1);
	assert_int_equal(files_stat.nr_free_files, 0);
	b = get_empty_filp();
	assert_ptr_equal(anon_list.next, &b->f_list);
	assert_ptr_equal(b->f_list.next, &a->f_list);
	assert_int_equal(files_stat.nr_files, 2);
	put_filp(b);
	put_filp(a);
}

static void test_put_filp__last_reference_moves_file_to_free_list(void **state)
{
	struct file *f;

	(void)state;
	f = get_empty_filp();
	put_filp(f);
	assert_int_equal(f->f_count, 0);
	assert_ptr_equal(free_list.next, &f->f_list);
	assert_true(list_empty(&anon_list));
	assert_int_equal(files_stat.nr_free_files, 1);
	assert_int_equal(files_stat.nr_files, 1);
}

static void test_fput__not_last_reference_keeps_the_file(void **state)
{
	struct file *f;

	(void)state;
	f = open_file("SYSV000004d2");
	get_file(f);
	assert_int_equal(f->f_count, 2);
	assert_int_equal(mnt->mnt_count, 2);
	fput(f);
	assert_int_equal(f->f_count, 1);
	assert_ptr_equal(anon_list.next, &f->f_list);
	assert_non_null(f->f_dentry);
	assert_int_equal(f->f_dentry->d_count, 1);
	assert_int_equal(root->d_count, 3);
	assert_int_equal(mnt->mnt_count, 2);
	fput(f);
}

static void test_fput__last_reference_frees_to_free_list_then_dput_then_mntput(void **state)
{
	struct file *f;
	int dentries = dentry_stat.nr_dentry, inodes = inodes_stat.nr_inodes;
	char *text, *free_at, *dput_at, *mntput_at;

	(void)state;
	f = open_file("SYSV000004d2");
	assert_int_equal(root->d_count, 3);
	assert_int_equal(mnt->mnt_count, 2);
	trace_capture_start();
	fput(f);
	text = trace_capture_end();
	/* the file: on free_list, no dentry or mount */
	assert_int_equal(f->f_count, 0);
	assert_null(f->f_dentry);
	assert_null(f->f_vfsmnt);
	assert_ptr_equal(free_list.next, &f->f_list);
	assert_true(list_empty(&anon_list));
	assert_int_equal(files_stat.nr_free_files, 1);
	assert_int_equal(files_stat.nr_files, 1);
	/* the dentry and its inode are gone, the root and mount are back */
	assert_int_equal(dentry_stat.nr_dentry, dentries);
	assert_int_equal(inodes_stat.nr_inodes, inodes);
	assert_int_equal(testfs_deletes, 1);
	assert_int_equal(root->d_count, 2);
	assert_int_equal(mnt->mnt_count, 1);
	/* in that order: free_list, dput, mntput */
	free_at = strstr(text, "file: file#1 at the head of free_list");
	dput_at = strstr(text, "dput(dentry#4 \"SYSV000004d2\")");
	mntput_at = strstr(text, "mount: vfsmount#3 mnt_count 2 -> 1");
	assert_non_null(free_at);
	assert_non_null(dput_at);
	assert_non_null(mntput_at);
	assert_true(free_at < dput_at);
	assert_true(dput_at < mntput_at);
	free(text);
}

static void test_fput__fmode_write_drops_i_writecount_to_minus_1(void **state)
{
	struct file *f;
	struct inode *inode;

	(void)state;
	f = open_file("SYSV000004d2");
	inode = f->f_dentry->d_inode;
	inode->i_count++;	/* keep the inode to look at it afterwards */
	assert_int_equal(inode->i_writecount, 0);
	fput(f);
	/* shmem_file_setup never took write access: -1, as in 2.4.16 */
	assert_int_equal(inode->i_writecount, -1);
	assert_int_equal(inode->i_count, 1);
	assert_int_equal(testfs_deletes, 0);
	iput(inode);
	assert_int_equal(testfs_deletes, 1);
}

static int releases;
static int dentry_count_at_release;

static int test_release(struct inode *inode, struct file *file)
{
	(void)inode;
	releases++;
	dentry_count_at_release = file->f_dentry->d_count;
	return 0;
}

static void test_fput__release_runs_before_dput(void **state)
{
	static struct file_operations fops = { .release = test_release };
	struct file *f;

	(void)state;
	releases = 0;
	f = open_file("SYSV000004d2");
	f->f_op = &fops;
	get_file(f);
	fput(f);
	assert_int_equal(releases, 0);
	fput(f);
	assert_int_equal(releases, 1);
	assert_int_equal(dentry_count_at_release, 1);
}

static void test_get_empty_filp__root_reuses_a_free_file(void **state)
{
	struct file *f, *g;

	(void)state;
	f = get_empty_filp();
	put_filp(f);
	assert_int_equal(files_stat.nr_free_files, 1);
	g = get_empty_filp();	/* euid 0: any free one will do */
	assert_ptr_equal(g, f);
	/* a fresh number for the new use */
	assert_int_equal(sim_id(g), 2);
	assert_int_equal(g->f_count, 1);
	assert_ptr_equal(anon_list.next, &g->f_list);
	assert_int_equal(files_stat.nr_free_files, 0);
	assert_int_equal(files_stat.nr_files, 1);
	put_filp(g);
}

static void test_get_empty_filp__user_allocates_while_10_or_fewer_are_free(void **state)
{
	struct file *files[10], *f;
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		files[i] = get_empty_filp();
	for (i = 0; i < 10; i++)
		put_filp(files[i]);
	assert_int_equal(files_stat.nr_free_files, NR_RESERVED_FILES);
	test_task.euid = 1000;
	f = get_empty_filp();
	for (i = 0; i < 10; i++)
		assert_ptr_not_equal(f, files[i]);
	assert_int_equal(files_stat.nr_files, 11);
	assert_int_equal(files_stat.nr_free_files, 10);
	put_filp(f);
}

static void test_get_empty_filp__user_reuses_when_more_than_10_are_free(void **state)
{
	struct file *files[11], *f;
	int i;

	(void)state;
	for (i = 0; i < 11; i++)
		files[i] = get_empty_filp();
	for (i = 0; i < 11; i++)
		put_filp(files[i]);
	test_task.euid = 1000;
	f = get_empty_filp();
	/* free_list is a stack: the last file put comes back first */
	assert_ptr_equal(f, files[10]);
	assert_int_equal(files_stat.nr_files, 11);
	assert_int_equal(files_stat.nr_free_files, 10);
	put_filp(f);
}

static void test_get_empty_filp__full_table_returns_null(void **state)
{
	struct file *f;
	char *text;

	(void)state;
	f = get_empty_filp();
	files_stat.max_files = 1;
	test_task.euid = 1000;
	trace_capture_start();
	assert_null(get_empty_filp());
	text = trace_capture_end();
	assert_non_null(strstr(text, "VFS: file-max limit 1 reached"));
	free(text);
	assert_int_equal(files_stat.nr_files, 1);
	/* root may still take a free one, even with the table full */
	put_filp(f);
	test_task.euid = 0;
	assert_ptr_equal(get_empty_filp(), f);
	put_filp(f);
}

static void test_sim_file_table_release__frees_the_free_list(void **state)
{
	struct file *f;

	(void)state;
	f = open_file("SYSV000004d2");
	fput(f);
	put_filp(get_empty_filp());
	assert_int_equal(files_stat.nr_files, 1);
	assert_int_equal(files_stat.nr_free_files, 1);
	f = get_empty_filp();
	put_filp(get_empty_filp());
	assert_int_equal(files_stat.nr_files, 2);
	sim_file_table_release();
	assert_int_equal(files_stat.nr_files, 1);
	assert_int_equal(files_stat.nr_free_files, 0);
	assert_true(list_empty(&free_list));
	put_filp(f);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, vfs_setup, vfs_teardown)
		T(test_get_empty_filp__new_file_is_at_head_of_anon_list),
		T(test_put_filp__last_reference_moves_file_to_free_list),
		T(test_fput__not_last_reference_keeps_the_file),
		T(test_fput__last_reference_frees_to_free_list_then_dput_then_mntput),
		T(test_fput__fmode_write_drops_i_writecount_to_minus_1),
		T(test_fput__release_runs_before_dput),
		T(test_get_empty_filp__root_reuses_a_free_file),
		T(test_get_empty_filp__user_allocates_while_10_or_fewer_are_free),
		T(test_get_empty_filp__user_reuses_when_more_than_10_are_free),
		T(test_get_empty_filp__full_table_returns_null),
		T(test_sim_file_table_release__frees_the_free_list),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "vfs/file_table");
}
