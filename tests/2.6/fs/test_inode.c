// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_inode.c - tests of sim/2.6/fs/inode.c: new_inode's
 * numbers and lists, iput through ->drop_inode (generic_drop_inode
 * forgets an unhashed inode; generic_delete_inode calls ->delete_inode),
 * ->alloc_inode/->destroy_inode, and iget_locked's cache.
 */
#include "sim_test.h"

#include "linux/slab.h"
#include "vfs_test_fs.h"

static struct vfsmount *mnt;
static int delete_calls, alloc_calls, destroy_calls;

/* vfs_inode first, as shmem_inode_info (sim: sim_id reads its header) */
struct t_inode_info {
	struct inode vfs_inode;
	int tag;
};

static struct inode *t_alloc_inode(struct super_block *sb)
{
	struct t_inode_info *p = kzalloc(sizeof(*p), GFP_KERNEL);

	(void)sb;
	alloc_calls++;
	inode_init_once(&p->vfs_inode);
	return &p->vfs_inode;
}

static void t_destroy_inode(struct inode *inode)
{
	destroy_calls++;
	kfree(container_of(inode, struct t_inode_info, vfs_inode));
}

static void t_delete_inode(struct inode *inode)
{
	delete_calls++;
	clear_inode(inode);
}

static const struct super_operations t_ops = {
	.alloc_inode = t_alloc_inode,
	.destroy_inode = t_destroy_inode,
	.drop_inode = generic_delete_inode,
	.delete_inode = t_delete_inode,
};

static int setup(void **state)
{
	int err = vfs_boot(state);

	mnt = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	delete_calls = alloc_calls = destroy_calls = 0;
	return err || IS_ERR(mnt);
}

static int teardown(void **state)
{
	mntput(mnt);
	return vfs_shutdown(state);
}

static void test_new_inode__numbers_after_boot_and_lists(void **s)
{
	struct super_block *sb = mnt->mnt_sb;
	unsigned long live = sim_inodes_live();
	struct inode *inode;

	(void)s;
	/* rootfs root 1, bdev root 2 (then set to 1), tnodev root 3 */
	assert_int_equal(sb->s_root->d_inode->i_ino, 3);
	inode = new_inode(sb);
	assert_int_equal(inode->i_ino, 4);
	assert_int_equal(inode->i_count, 1);
	assert_int_equal(inode->i_nlink, 1);
	assert_int_equal(inode->i_state, 0);
	assert_ptr_equal(inode->i_mapping, &inode->i_data);
	assert_ptr_equal(inode->i_data.host, inode);
	assert_true(list_empty(&inode->i_data.i_mmap));
	assert_ptr_equal(sb->s_inodes.next, &inode->i_sb_list);
	assert_true(hlist_unhashed(&inode->i_hash));
	assert_int_equal(sim_inodes_live(), live + 1);
	iput(inode);		/* generic_drop_inode -> forget: freed */
	assert_int_equal(sim_inodes_live(), live);
}

static void test_iput__delete_inode_and_own_cache(void **s)
{
	struct super_block *sb = mnt->mnt_sb;
	const struct super_operations *saved = sb->s_op;
	struct inode *inode;

	(void)s;
	sb->s_op = &t_ops;
	inode = new_inode(sb);
	assert_int_equal(alloc_calls, 1);
	inode->i_count++;
	iput(inode);
	assert_int_equal(delete_calls, 0);
	iput(inode);
	assert_int_equal(delete_calls, 1);
	assert_int_equal(destroy_calls, 1);
	sb->s_op = saved;
}

static void test_iget_locked__new_then_cached(void **s)
{
	struct super_block *sb = mnt->mnt_sb;
	struct inode *a, *b;

	(void)s;
	a = iget_locked(sb, 77);
	assert_int_equal(a->i_ino, 77);
	assert_int_equal(a->i_state, I_NEW);
	assert_false(hlist_unhashed(&a->i_hash));
	unlock_new_inode(a);
	b = iget_locked(sb, 77);
	assert_ptr_equal(a, b);
	assert_int_equal(a->i_count, 2);
	iput(b);
	iput(a);	/* hashed, sb active: kept unused until umount */
	assert_int_equal(a->i_count, 0);
	assert_int_equal(inodes_stat.nr_unused, 1);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_new_inode__numbers_after_boot_and_lists),
		T(test_iput__delete_inode_and_own_cache),
		T(test_iget_locked__new_then_cached),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/fs/inode");
}
