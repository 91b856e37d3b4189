// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_dcache.c - sim/vfs/dcache.c: d_alloc, d_alloc_root,
 * d_instantiate, dget/dput, the unused list (prune_dcache,
 * shrink_dcache_parent), d_genocide, d_path and sim_dump_dcache.
 * Every test boots a fresh VFS (rootfs, bdev reserved, proc) and mounts a
 * test-local filesystem, testfs (00:04), whose root is the parent of the
 * dentries under test, as tmpfs's root is for the SYSV dentries. The
 * teardown unmounts it, checks the invariants, shuts the VFS down and
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
#include "sim/proc.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"
#include "testfs.h"

static struct vfsmount *mnt;	/* testfs, mounted by the setup */
static struct dentry *root;	/* its root dentry */

static int vfs_setup(void **state)
{
	(void)state;
	testfs_world_init();
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
	assert_int_equal(root->d_count, 2);
	mntput(mnt);
	assert_errno(unregister_filesystem(&testfs_type), 0);
	testfs_world_exit();
	return 0;
}

static struct dentry *alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = { (const unsigned char *)name, strlen(name), 0 };
	struct dentry *dentry = d_alloc(parent, &q);

	assert_non_null(dentry);
	return dentry;
}

/* A positive child as shmem_file_setup makes one: an inode of nlink links. */
static struct dentry *alloc_child(struct dentry *parent, const char *name,
				  unsigned int nlink)
{
	struct dentry *dentry = alloc_name(parent, name);
	struct inode *inode = new_inode(parent->d_sb);

	assert_non_null(inode);
	inode->i_mode = S_IFREG | 0777;
	inode->i_nlink = nlink;
	d_instantiate(dentry, inode);
	return dentry;
}

static void test_d_alloc__child_pins_parent_at_head_of_d_subdirs(void **state)
{
	struct dentry *a, *b;
	int nr = dentry_stat.nr_dentry;

	(void)state;
	assert_int_equal(root->d_count, 2);
	a = alloc_name(root, "a");
	assert_int_equal(root->d_count, 3);
	b = alloc_name(root, "b");
	assert_int_equal(root->d_count, 4);
	assert_int_equal(dentry_stat.nr_dentry, nr + 2);
	/* list_add: the newest child first */
	assert_ptr_equal(root->d_subdirs.next, &b->d_child);
	assert_ptr_equal(b->d_child.next, &a->d_child);
	assert_ptr_equal(a->d_child.next, &root->d_subdirs);
	assert_int_equal(a->d_count, 1);
	assert_ptr_equal(a->d_parent, root);
	assert_ptr_equal(a->d_sb, root->d_sb);
	assert_null(a->d_inode);
	assert_true(d_unhashed(a));
	assert_true(list_empty(&a->d_subdirs));
	assert_true(list_empty(&a->d_alias));
	assert_true(list_empty(&a->d_lru));
	assert_int_equal(sim_id(a), 4);
	assert_int_equal(sim_id(b), 5);
	dput(b);
	assert_int_equal(root->d_count, 3);
	dput(a);
	assert_int_equal(root->d_count, 2);
	assert_int_equal(dentry_stat.nr_dentry, nr);
	assert_true(list_empty(&root->d_subdirs));
}

static void test_d_alloc__15_char_name_is_kept_inline(void **state)
{
	unsigned long kmalloc_before = sim_kmalloc_live;
	struct dentry *dentry;

	(void)state;
	dentry = alloc_name(root, "SYSV000004d2abc");
	assert_ptr_equal(dentry->d_name.name, dentry->d_iname);
	assert_int_equal(dentry->d_name.len, 15);
	assert_string_equal((const char *)dentry->d_name.name,
			    "SYSV000004d2abc");
	assert_int_equal(sim_kmalloc_live, kmalloc_before);
	dput(dentry);
}

static void test_d_alloc__16_char_name_is_kmalloced(void **state)
{
	unsigned long kmalloc_before = sim_kmalloc_live;
	struct dentry *dentry;

	(void)state;
	dentry = alloc_name(root, "SYSV000004d2abcd");
	assert_ptr_not_equal(dentry->d_name.name, dentry->d_iname);
	assert_string_equal((const char *)dentry->d_name.name,
			    "SYSV000004d2abcd");
	assert_int_equal(sim_kmalloc_live, kmalloc_before + 1);
	dput(dentry);
	assert_int_equal(sim_kmalloc_live, kmalloc_before);
}

static void test_d_alloc_root__is_its_own_parent_and_holds_the_inode(void **state)
{
	struct inode *inode = new_inode(root->d_sb);
	struct dentry *dentry;
	int nr = dentry_stat.nr_dentry;

	(void)state;
	dentry = d_alloc_root(inode);
	assert_non_null(dentry);
	assert_ptr_equal(dentry->d_parent, dentry);
	assert_ptr_equal(dentry->d_sb, root->d_sb);
	assert_int_equal(dentry->d_count, 1);
	assert_string_equal((const char *)dentry->d_name.name, "/");
	assert_true(list_empty(&dentry->d_child));
	assert_ptr_equal(dentry->d_inode, inode);
	assert_ptr_equal(inode->i_dentry.next, &dentry->d_alias);
	assert_int_equal(inode->i_count, 1);
	assert_int_equal(dentry_stat.nr_dentry, nr + 1);
	assert_null(d_alloc_root(NULL));
	/* the loop in dput must stop at a dentry that is its own parent */
	dput(dentry);
	assert_int_equal(dentry_stat.nr_dentry, nr);
	assert_int_equal(testfs_deletes, 1);
}

static void test_d_instantiate__takes_no_inode_reference(void **state)
{
	struct dentry *a, *b;
	struct inode *inode = new_inode(root->d_sb);

	(void)state;
	a = alloc_name(root, "a");
	b = alloc_name(root, "b");
	d_instantiate(a, inode);
	assert_ptr_equal(a->d_inode, inode);
	assert_int_equal(inode->i_count, 1);
	assert_ptr_equal(inode->i_dentry.next, &a->d_alias);
	/* a second alias needs its own reference, taken by the caller */
	inode->i_count++;
	d_instantiate(b, inode);
	assert_int_equal(inode->i_count, 2);
	assert_ptr_equal(inode->i_dentry.next, &b->d_alias);
	assert_ptr_equal(b->d_alias.next, &a->d_alias);
	dput(b);
	assert_int_equal(inode->i_count, 1);
	assert_ptr_equal(inode->i_dentry.next, &a->d_alias);
	dput(a);
	assert_int_equal(testfs_deletes, 1);
}

static void test_dget__adds_one_reference(void **state)
{
	struct dentry *dentry;

	(void)state;
	dentry = alloc_name(root, "a");
	assert_ptr_equal(dget(dentry), dentry);
	assert_int_equal(dentry->d_count, 2);
	assert_null(dget(NULL));
	dput(dentry);
	assert_int_equal(dentry->d_count, 1);
	assert_int_equal(root->d_count, 3);
	dput(dentry);
}

static void test_dput__not_last_reference_keeps_the_dentry(void **state)
{
	struct dentry *dentry;
	int nr;

	(void)state;
	dentry = alloc_child(root, "SYSV000004d2", 0);
	nr = dentry_stat.nr_dentry;
	dget(dentry);
	dput(dentry);
	assert_int_equal(dentry->d_count, 1);
	assert_int_equal(dentry_stat.nr_dentry, nr);
	assert_int_equal(dentry->d_inode->i_count, 1);
	assert_int_equal(root->d_count, 3);
	dput(NULL);
	dput(dentry);
}

static void test_dput__last_reference_kills_child_then_drops_parent(void **state)
{
	struct dentry *dentry;
	int dentries = dentry_stat.nr_dentry, inodes = inodes_stat.nr_inodes;

	(void)state;
	dentry = alloc_child(root, "SYSV000004d2", 0);
	assert_int_equal(root->d_count, 3);
	assert_int_equal(dentry_stat.nr_dentry, dentries + 1);
	assert_int_equal(inodes_stat.nr_inodes, inodes + 1);
	dput(dentry);
	/* off d_subdirs, inode deleted (nlink 0), freed, root d_count -1 */
	assert_true(list_empty(&root->d_subdirs));
	assert_int_equal(testfs_deletes, 1);
	assert_int_equal(dentry_stat.nr_dentry, dentries);
	assert_int_equal(inodes_stat.nr_inodes, inodes);
	assert_int_equal(root->d_count, 2);
	assert_int_equal(dentry_stat.nr_unused, 0);
}

static void test_dput__chain_kills_every_unreferenced_ancestor(void **state)
{
	struct dentry *dir, *file;
	int dentries = dentry_stat.nr_dentry, inodes = inodes_stat.nr_inodes;

	(void)state;
	dir = alloc_child(root, "dir", 2);
	file = alloc_child(dir, "file", 0);
	assert_int_equal(dir->d_count, 2);
	assert_int_equal(root->d_count, 3);
	/* the creator's reference; the child still holds dir */
	dput(dir);
	assert_int_equal(dir->d_count, 1);
	assert_int_equal(root->d_count, 3);
	/* file 0: killed, then dir 0: killed, then root -1 */
	dput(file);
	assert_int_equal(root->d_count, 2);
	assert_true(list_empty(&root->d_subdirs));
	assert_int_equal(dentry_stat.nr_dentry, dentries);
	assert_int_equal(inodes_stat.nr_inodes, inodes);
	/* force_delete made the directory's last iput a delete as well */
	assert_int_equal(testfs_deletes, 2);
}

static void test_dput__hashed_dentry_waits_on_dentry_unused(void **state)
{
	LIST_HEAD(fake_hash);
	struct dentry *dentry;
	int dentries = dentry_stat.nr_dentry;

	(void)state;
	dentry = alloc_child(root, "hashed", 1);
	/* sim: nothing hashes dentries here; put it on a hash chain by hand */
	list_add(&dentry->d_hash, &fake_hash);
	dput(dentry);
	assert_int_equal(dentry->d_count, 0);
	assert_int_equal(dentry_stat.nr_unused, 1);
	assert_int_equal(dentry_stat.nr_dentry, dentries + 1);
	assert_int_equal(root->d_count, 3);	/* still held by the child */
	assert_false(list_empty(&dentry->d_lru));
	shrink_dcache_parent(root);
	assert_int_equal(dentry_stat.nr_unused, 0);
	assert_int_equal(dentry_stat.nr_dentry, dentries);
	assert_int_equal(root->d_count, 2);
	assert_true(list_empty(&fake_hash));
	assert_int_equal(testfs_deletes, 1);
}

static void test_shrink_dcache_parent__keeps_dentries_in_use(void **state)
{
	struct dentry *dentry;

	(void)state;
	dentry = alloc_child(root, "SYSV000004d2", 0);
	shrink_dcache_parent(root);
	assert_int_equal(dentry->d_count, 1);
	assert_int_equal(root->d_count, 3);
	dput(dentry);
}

static void test_d_genocide__skips_unhashed_dentries(void **state)
{
	struct dentry *dentry;

	(void)state;
	dentry = alloc_child(root, "SYSV000004d2", 0);
	d_genocide(root);
	assert_int_equal(dentry->d_count, 1);
	assert_int_equal(root->d_count, 3);
	dput(dentry);
}

static void test_d_genocide__drops_a_reference_of_hashed_dentries(void **state)
{
	LIST_HEAD(fake_hash);
	struct dentry *dentry;

	(void)state;
	dentry = alloc_child(root, "pinned", 1);
	dget(dentry);
	list_add(&dentry->d_hash, &fake_hash);
	d_genocide(root);
	assert_int_equal(dentry->d_count, 1);
	/* the root itself is spared */
	assert_int_equal(root->d_count, 3);
	list_del_init(&dentry->d_hash);
	dput(dentry);
}

static void test_d_path__unhashed_child_of_self_parented_mount_is_deleted(void **state)
{
	char buf[64];
	struct dentry *dentry;

	(void)state;
	dentry = alloc_child(root, "SYSV000004d2", 0);
	assert_string_equal(d_path(dentry, mnt, buf, sizeof(buf)),
			    "/SYSV000004d2 (deleted)");
	dput(dentry);
}

static void test_d_path__mount_root_is_slash(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(d_path(root, mnt, buf, sizeof(buf)), "/");
	assert_string_equal(d_path(root_vfsmnt->mnt_root, root_vfsmnt, buf,
				   sizeof(buf)), "/");
}

static void test_d_path__nested_dentries_are_joined(void **state)
{
	LIST_HEAD(fake_hash);
	char buf[64];
	struct dentry *dir, *file;

	(void)state;
	dir = alloc_child(root, "dev", 2);
	file = alloc_child(dir, "zero", 0);
	assert_string_equal(d_path(file, mnt, buf, sizeof(buf)),
			    "/dev/zero (deleted)");
	list_add(&file->d_hash, &fake_hash);
	assert_string_equal(d_path(file, mnt, buf, sizeof(buf)), "/dev/zero");
	list_del_init(&file->d_hash);
	dput(file);
	dput(dir);
}

static void test_sim_dump_dcache__prints_each_tree(void **state)
{
	struct dentry *negative, *sysv;
	char *text;
	size_t size;
	FILE *out;

	(void)state;
	sysv = alloc_child(root, "SYSV000004d2", 0);
	negative = alloc_name(root, "b");
	out = open_memstream(&text, &size);
	assert_non_null(out);
	sim_dump_dcache(out);
	fclose(out);
	assert_string_equal(text,
		"super_block#1 rootfs dev 00:01 (s_count 1073741825, s_active 1)\n"
		"  \"/\" d_count 2 inode 1 (i_count 1, nlink 1) unhashed  [dentry#1 inode#1]\n"
		"super_block#2 proc dev 00:03 (s_count 1073741825, s_active 1)\n"
		"  \"/\" d_count 2 inode 1 (i_count 1, nlink 2) unhashed  [dentry#2 inode#2]\n"
		"super_block#3 testfs dev 00:04 (s_count 1073741825, s_active 1)\n"
		"  \"/\" d_count 4 inode 3 (i_count 1, nlink 2) unhashed  [dentry#3 inode#3]\n"
		"    \"b\" d_count 1 negative unhashed  [dentry#5]\n"
		"    \"SYSV000004d2\" d_count 1 inode 4 (i_count 1, nlink 0) unhashed  [dentry#4 inode#4]\n");
	free(text);
	dput(negative);
	dput(sysv);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, vfs_setup, vfs_teardown)
		T(test_d_alloc__child_pins_parent_at_head_of_d_subdirs),
		T(test_d_alloc__15_char_name_is_kept_inline),
		T(test_d_alloc__16_char_name_is_kmalloced),
		T(test_d_alloc_root__is_its_own_parent_and_holds_the_inode),
		T(test_d_instantiate__takes_no_inode_reference),
		T(test_dget__adds_one_reference),
		T(test_dput__not_last_reference_keeps_the_dentry),
		T(test_dput__last_reference_kills_child_then_drops_parent),
		T(test_dput__chain_kills_every_unreferenced_ancestor),
		T(test_dput__hashed_dentry_waits_on_dentry_unused),
		T(test_shrink_dcache_parent__keeps_dentries_in_use),
		T(test_d_genocide__skips_unhashed_dentries),
		T(test_d_genocide__drops_a_reference_of_hashed_dentries),
		T(test_d_path__unhashed_child_of_self_parented_mount_is_deleted),
		T(test_d_path__mount_root_is_slash),
		T(test_d_path__nested_dentries_are_joined),
		T(test_sim_dump_dcache__prints_each_tree),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "vfs/dcache");
}
