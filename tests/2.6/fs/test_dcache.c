// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_dcache.c - tests of sim/2.6/fs/dcache.c: d_alloc
 * (DCACHE_UNHASHED, the parent's reference, head insertion), dput of an
 * unhashed dentry (d_kill: freed with its inode) and of a hashed one
 * (kept on the LRU until umount), and d_path of a SysV-like dentry on a
 * mount that is its own parent.
 */
#include <string.h>

#include "sim_test.h"

#include "vfs_test_fs.h"

static struct vfsmount *mnt;

static int setup(void **state)
{
	int err = vfs_boot(state);

	mnt = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	return err || IS_ERR(mnt);
}

static int teardown(void **state)
{
	mntput(mnt);
	return vfs_shutdown(state);
}

static struct dentry *alloc_named(const char *name)
{
	return d_alloc_name(mnt->mnt_root, name);
}

static void test_d_alloc__unhashed_parent_count_up_head_of_subdirs(void **s)
{
	struct dentry *root = mnt->mnt_root, *a, *b;

	(void)s;
	assert_int_equal(root->d_count, 2);
	a = alloc_named("a");
	assert_int_equal(a->d_flags, DCACHE_UNHASHED);
	assert_true(d_unhashed(a));
	assert_int_equal(a->d_count, 1);
	assert_ptr_equal(a->d_parent, root);
	assert_ptr_equal(a->d_sb, root->d_sb);
	assert_null(a->d_inode);
	assert_int_equal(root->d_count, 3);
	b = alloc_named("b");
	assert_int_equal(root->d_count, 4);
	/* list_add: the newest child first */
	assert_ptr_equal(root->d_subdirs.next, &b->d_u.d_child);
	assert_ptr_equal(b->d_u.d_child.next, &a->d_u.d_child);
	dput(b);
	dput(a);
	assert_int_equal(root->d_count, 2);
	assert_true(list_empty(&root->d_subdirs));
}

static void test_dput__unhashed_dentry_killed_and_inode_iput(void **s)
{
	unsigned long dentries = sim_dentries_live();
	unsigned long inodes = sim_inodes_live();
	struct dentry *d;
	struct inode *inode;

	(void)s;
	d = alloc_named("SYSV000004d2");
	inode = new_inode(mnt->mnt_sb);
	inode->i_mode = S_IFREG | 0600;
	d_instantiate(d, inode);
	assert_ptr_equal(inode->i_dentry.next, &d->d_alias);
	assert_int_equal(sim_dentries_live(), dentries + 1);
	assert_int_equal(sim_inodes_live(), inodes + 1);
	dput(d);
	assert_int_equal(sim_dentries_live(), dentries);
	assert_int_equal(sim_inodes_live(), inodes);
	assert_int_equal(mnt->mnt_root->d_count, 2);
}

static void test_dput__hashed_dentry_stays_on_lru(void **s)
{
	unsigned long dentries = sim_dentries_live();
	struct super_block *sb = mnt->mnt_sb;
	struct dentry *d;

	(void)s;
	d = alloc_named("kept");
	d_rehash(d);
	assert_false(d_unhashed(d));
	dput(d);
	assert_int_equal(d->d_count, 0);
	assert_int_equal(sim_dentries_live(), dentries + 1);
	assert_int_equal(sb->s_nr_dentry_unused, 1);
	assert_ptr_equal(sb->s_dentry_lru.next, &d->d_lru);
	assert_true(d->d_flags & DCACHE_REFERENCED);
	assert_int_equal(mnt->mnt_root->d_count, 3);	/* the child's */
	/* the umount in teardown frees it (shrink_dcache_for_umount) */
}

static void test_d_path__unhashed_dentry_on_own_parent_mount_deleted(
	void **s)
{
	char buf[64];
	struct dentry *d;
	struct inode *inode;
	struct path path;
	char *p;

	(void)s;
	d = alloc_named("SYSV000004d2");
	inode = new_inode(mnt->mnt_sb);
	inode->i_mode = S_IFREG | 0600;
	d_instantiate(d, inode);
	path.mnt = mnt;
	path.dentry = d;
	p = d_path(&path, buf, sizeof(buf));
	assert_false(IS_ERR(p));
	assert_string_equal(p, "/SYSV000004d2 (deleted)");
	assert_ptr_equal(p + strlen(p) + 1, buf + sizeof(buf));
	dput(d);
}

static void test_d_path__too_small_buffer_enametoolong(void **s)
{
	char buf[12];
	struct dentry *d;
	struct path path;

	(void)s;
	d = alloc_named("SYSV000004d2");
	d_instantiate(d, NULL);
	path.mnt = mnt;
	path.dentry = d;
	assert_errno(PTR_ERR(d_path(&path, buf, sizeof(buf))), -ENAMETOOLONG);
	dput(d);
}

static void test_boot__rootfs_root_counts(void **s)
{
	struct dentry *root = sim_init_mnt_ns->root->mnt_root;

	(void)s;
	/* s_root, mnt_root, init_fs.root, init_fs.pwd */
	assert_int_equal(root->d_count, 4);
	assert_int_equal(sim_init_mnt_ns->root->mnt_count, 3);
	assert_int_equal(root->d_inode->i_nlink, 2);
	assert_int_equal(root->d_inode->i_mode, S_IFDIR | 0755);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_d_alloc__unhashed_parent_count_up_head_of_subdirs),
		T(test_dput__unhashed_dentry_killed_and_inode_iput),
		T(test_dput__hashed_dentry_stays_on_lru),
		T(test_d_path__unhashed_dentry_on_own_parent_mount_deleted),
		T(test_d_path__too_small_buffer_enametoolong),
		T(test_boot__rootfs_root_counts),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/fs/dcache");
}
