// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_inode.c - sim/vfs/inode.c: new_inode/get_empty_inode and
 * clean_inode's fields, iput's three endings (delete, free unhashed, keep
 * hashed on inode_unused), force_delete, clear_inode, invalidate_inodes.
 * Every test boots a fresh VFS (rootfs ino 1, proc, bdev reserved) and
 * mounts a test-local filesystem, testfs (00:04, root inode ino 3), whose
 * super_operations are tmpfs's shape: put_inode = force_delete and a
 * delete_inode that records what it saw and calls clear_inode. The teardown
 * unmounts it, checks the invariants and asserts that nothing is left.
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

/*
 * A stand-in for sim/mm/filemap.c's truncate_inode_pages that counts its
 * calls and drops the pages. All are weak: defining `current`, `init_task`
 * and `sim_tasks` (which the VFS checks walk) here keeps
 * sim/kernel/sched.c, and through it sim/mm/filemap.c, out of this test's
 * link, so the stand-in is the one iput calls.
 */
static int truncate_calls;

__attribute__((weak)) struct task_struct *current;
__attribute__((weak)) struct task_struct init_task;
__attribute__((weak)) struct list_head sim_tasks = LIST_HEAD_INIT(sim_tasks);
__attribute__((weak)) void truncate_inode_pages(struct address_space *mapping,
						long long lstart)
{
	(void)lstart;
	truncate_calls++;
	mapping->nrpages = 0;
}

static struct vfsmount *mnt;	/* testfs, mounted by the setup */
static struct super_block *sb;	/* its superblock */

/* what testfs_delete_inode saw */
static unsigned long state_before_clear, state_after_clear;
static int count_at_delete;

static void look_at_delete(struct inode *inode)
{
	state_before_clear = inode->i_state;
	count_at_delete = inode->i_count;
	clear_inode(inode);
	state_after_clear = inode->i_state;
}

static int vfs_setup(void **state)
{
	(void)state;
	testfs_world_init();
	testfs_delete_hook = look_at_delete;
	truncate_calls = 0;
	state_before_clear = state_after_clear = 0;
	count_at_delete = -1;
	if (register_filesystem(&testfs_type))
		return -1;
	mnt = kern_mount(&testfs_type);
	if (IS_ERR(mnt))
		return -1;
	sb = mnt->mnt_sb;
	return 0;
}

static int vfs_teardown(void **state)
{
	(void)state;
	testfs_check();
	mntput(mnt);
	assert_errno(unregister_filesystem(&testfs_type), 0);
	testfs_world_exit();
	assert_int_equal(inodes_stat.nr_unused, 0);
	assert_true(list_empty(&inode_in_use));
	return 0;
}

static int is_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		if (*c++)
			return 0;
	return 1;
}

static void test_new_inode__starts_unhashed_on_inode_in_use(void **state)
{
	struct inode *inode;
	int nr = inodes_stat.nr_inodes;

	(void)state;
	inode = new_inode(sb);
	assert_non_null(inode);
	assert_int_equal(sim_id(inode), 4);
	/* last_ino: rootfs 1, proc 2 (renumbered 1), testfs 3 */
	assert_int_equal(inode->i_ino, 4);
	assert_int_equal(inode->i_count, 1);
	assert_int_equal(inode->i_nlink, 1);
	assert_int_equal(inode->i_state, 0);
	assert_int_equal(inodes_stat.nr_inodes, nr + 1);
	assert_ptr_equal(inode_in_use.next, &inode->i_list);
	assert_true(list_empty(&inode->i_hash));
	assert_true(list_empty(&inode->i_dentry));
	/* new_inode's part */
	assert_ptr_equal(inode->i_sb, sb);
	assert_int_equal(inode->i_dev, MKDEV(0, 4));
	assert_int_equal(inode->i_blkbits, 12);
	/* clean_inode's part */
	assert_ptr_equal(inode->i_mapping, &inode->i_data);
	assert_ptr_equal(inode->i_data.host, inode);
	assert_int_equal(inode->i_data.gfp_mask, GFP_HIGHUSER);
	assert_non_null(inode->i_data.a_ops);
	assert_non_null(inode->i_op);
	assert_non_null(inode->i_fop);
	assert_true(list_empty(&inode->i_data.clean_pages));
	assert_true(list_empty(&inode->i_data.dirty_pages));
	assert_true(list_empty(&inode->i_data.locked_pages));
	assert_int_equal(inode->i_data.nrpages, 0);
	assert_int_equal(inode->i_writecount, 0);
	assert_true(inode->i_size == 0);
	assert_int_equal(inode->i_blocks, 0);
	assert_true(is_zero(&inode->u, sizeof(inode->u)));
	iput(inode);
}

static void test_get_empty_inode__numbers_in_sequence_at_the_list_head(void **state)
{
	struct inode *a, *b;

	(void)state;
	a = get_empty_inode();
	b = get_empty_inode();
	assert_int_equal(b->i_ino, a->i_ino + 1);
	assert_int_equal(sim_id(b), sim_id(a) + 1);
	assert_null(a->i_sb);
	assert_int_equal(a->i_dev, 0);
	assert_ptr_equal(inode_in_use.next, &b->i_list);
	assert_ptr_equal(b->i_list.next, &a->i_list);
	/* no sb, so no s_op: an unhashed inode with a link is just freed */
	iput(b);
	iput(a);
	assert_int_equal(testfs_deletes, 0);
}

static void test_iput__not_last_reference_only_drops_i_count(void **state)
{
	struct inode *inode;
	int nr;

	(void)state;
	inode = new_inode(sb);
	nr = inodes_stat.nr_inodes;
	inode->i_count++;
	iput(inode);
	assert_int_equal(inode->i_count, 1);
	/* force_delete waits for the last reference */
	assert_int_equal(inode->i_nlink, 1);
	assert_int_equal(inodes_stat.nr_inodes, nr);
	assert_int_equal(testfs_deletes, 0);
	iput(inode);
}

static void test_iput__last_reference_with_nlink_0_deletes(void **state)
{
	struct inode *inode;
	int nr;

	(void)state;
	inode = new_inode(sb);
	inode->i_nlink = 0;
	nr = inodes_stat.nr_inodes;
	iput(inode);
	assert_int_equal(testfs_deletes, 1);
	assert_int_equal(count_at_delete, 0);
	assert_true(state_before_clear & I_FREEING);
	assert_int_equal(state_after_clear, I_CLEAR);
	assert_int_equal(inodes_stat.nr_inodes, nr - 1);
	assert_int_equal(truncate_calls, 0);
}

static void test_iput__force_delete_makes_the_last_reference_delete(void **state)
{
	struct inode *inode;

	(void)state;
	inode = new_inode(sb);
	assert_int_equal(inode->i_nlink, 1);
	iput(inode);
	assert_int_equal(testfs_deletes, 1);
}

static void test_iput__pages_are_truncated_before_delete_inode(void **state)
{
	struct inode *inode;

	(void)state;
	inode = new_inode(sb);
	inode->i_nlink = 0;
	/* sim: a pretend page, which the stub's truncate drops */
	inode->i_data.nrpages = 1;
	iput(inode);
	assert_int_equal(truncate_calls, 1);
	assert_int_equal(testfs_deletes, 1);
}

static void test_iput__unhashed_inode_with_links_is_freed(void **state)
{
	struct super_block *rootsb = root_vfsmnt->mnt_sb;
	struct inode *inode;
	int nr = inodes_stat.nr_inodes;

	(void)state;
	/* rootfs has empty super_operations: no put_inode, no delete_inode */
	inode = new_inode(rootsb);
	inode->i_nlink = 2;
	iput(inode);
	assert_int_equal(inodes_stat.nr_inodes, nr);
	assert_int_equal(inodes_stat.nr_unused, 0);
	assert_int_equal(testfs_deletes, 0);
}

static void test_iput__hashed_inode_with_links_waits_on_inode_unused(void **state)
{
	struct super_block *rootsb = root_vfsmnt->mnt_sb;
	LIST_HEAD(fake_hash);
	struct inode *inode;
	int nr;

	(void)state;
	inode = new_inode(rootsb);
	nr = inodes_stat.nr_inodes;
	/* sim: nothing hashes inodes here; put it on a hash chain by hand */
	list_add(&inode->i_hash, &fake_hash);
	iput(inode);
	assert_int_equal(inode->i_count, 0);
	assert_int_equal(inodes_stat.nr_unused, 1);
	assert_int_equal(inodes_stat.nr_inodes, nr);
	assert_ptr_not_equal(inode_in_use.next, &inode->i_list);
	/* the rootfs root is still in use: busy, but the unused one goes */
	assert_int_equal(invalidate_inodes(rootsb), 1);
	assert_int_equal(inodes_stat.nr_unused, 0);
	assert_int_equal(inodes_stat.nr_inodes, nr - 1);
	assert_true(list_empty(&fake_hash));
}

static void test_iput__hashed_inode_on_inactive_sb_is_freed(void **state)
{
	struct super_block *rootsb = root_vfsmnt->mnt_sb;
	LIST_HEAD(fake_hash);
	struct inode *inode;
	int nr;

	(void)state;
	inode = new_inode(rootsb);
	nr = inodes_stat.nr_inodes;
	list_add(&inode->i_hash, &fake_hash);
	rootsb->s_flags &= ~MS_ACTIVE;	/* as during kill_super */
	iput(inode);
	rootsb->s_flags |= MS_ACTIVE;
	assert_int_equal(inodes_stat.nr_unused, 0);
	assert_int_equal(inodes_stat.nr_inodes, nr - 1);
	assert_true(list_empty(&fake_hash));
}

static void test_force_delete__keeps_links_while_others_hold_the_inode(void **state)
{
	struct inode *inode;

	(void)state;
	inode = new_inode(sb);
	inode->i_count = 2;
	force_delete(inode);
	assert_int_equal(inode->i_nlink, 1);
	inode->i_count = 1;
	force_delete(inode);
	assert_int_equal(inode->i_nlink, 0);
	iput(inode);
	assert_int_equal(testfs_deletes, 1);
}

static void test_invalidate_inodes__reports_inodes_in_use(void **state)
{
	struct inode *inode;
	int nr;

	(void)state;
	inode = new_inode(sb);
	nr = inodes_stat.nr_inodes;
	assert_int_equal(invalidate_inodes(sb), 1);
	assert_int_equal(inodes_stat.nr_inodes, nr);
	assert_int_equal(inode->i_count, 1);
	iput(inode);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, vfs_setup, vfs_teardown)
		T(test_new_inode__starts_unhashed_on_inode_in_use),
		T(test_get_empty_inode__numbers_in_sequence_at_the_list_head),
		T(test_iput__not_last_reference_only_drops_i_count),
		T(test_iput__last_reference_with_nlink_0_deletes),
		T(test_iput__force_delete_makes_the_last_reference_delete),
		T(test_iput__pages_are_truncated_before_delete_inode),
		T(test_iput__unhashed_inode_with_links_is_freed),
		T(test_iput__hashed_inode_with_links_waits_on_inode_unused),
		T(test_iput__hashed_inode_on_inactive_sb_is_freed),
		T(test_force_delete__keeps_links_while_others_hold_the_inode),
		T(test_invalidate_inodes__reports_inodes_in_use),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "vfs/inode");
}
