// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/vfs/test_super.c - sim/vfs/super.c: filesystem types, unnamed
 * devices, superblocks, kern_mount and kill_super (with namespace.c's
 * mntput/__mntput and the boot of vfs_caches_init/proc_root_init).
 * Every test boots a fresh VFS (rootfs 00:01, bdev 00:02 reserved, proc
 * 00:03), mounts what it needs of a test-local filesystem type, and the
 * teardown checks the invariants, shuts the VFS down and asserts that no
 * object, device or kmalloc block is left.
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

static struct file_system_type singlefs_type = {
	.name		= "singlefs",
	.read_super	= testfs_read_super,
	.fs_flags	= FS_SINGLE,
};

static int vfs_setup(void **state)
{
	(void)state;
	testfs_world_init();
	return 0;
}

static int vfs_teardown(void **state)
{
	(void)state;
	testfs_check();
	testfs_world_exit();
	return 0;
}

static void assert_vfs_ok(void)
{
	testfs_check();
}

static int list_length(struct list_head *head)
{
	struct list_head *p;
	int n = 0;

	list_for_each(p, head)
		n++;
	return n;
}

static struct vfsmount *testfs_mount(void)
{
	struct vfsmount *mnt;

	assert_int_equal(register_filesystem(&testfs_type), 0);
	mnt = kern_mount(&testfs_type);
	assert_false(IS_ERR(mnt));
	return mnt;
}

static void testfs_umount(struct vfsmount *mnt)
{
	mntput(mnt);
	assert_int_equal(unregister_filesystem(&testfs_type), 0);
}

/* Take every free unnamed device; returns how many. */
static int take_all_unnamed_devs(void)
{
	int n = 0;

	while (get_unnamed_dev())
		n++;
	return n;
}

static void put_unnamed_devs_from(unsigned int minor)
{
	for (; minor < 256; minor++)
		put_unnamed_dev(MKDEV(UNNAMED_MAJOR, minor));
}

static void test_vfs_caches_init__boot_takes_00_01_to_00_03(void **state)
{
	struct super_block *rootsb = root_vfsmnt->mnt_sb;
	struct super_block *procsb = proc_mnt->mnt_sb;

	(void)state;
	assert_int_equal(rootsb->s_dev, MKDEV(0, 1));
	assert_true(sim_unnamed_dev_in_use(2));
	assert_true(sim_unnamed_dev_reserved(2));
	assert_int_equal(procsb->s_dev, MKDEV(0, 3));
	assert_false(sim_unnamed_dev_in_use(4));
	/* super_blocks in creation order, numbered from 1 */
	assert_ptr_equal(super_blocks.next, &rootsb->s_list);
	assert_ptr_equal(rootsb->s_list.next, &procsb->s_list);
	assert_ptr_equal(procsb->s_list.next, &super_blocks);
	assert_int_equal(sim_id(rootsb), 1);
	assert_int_equal(sim_id(procsb), 2);
	/* rootfs is FS_NOMOUNT: MS_NOUSER */
	assert_int_equal(rootsb->s_flags, MS_ACTIVE | MS_NOUSER);
	assert_int_equal(procsb->s_flags, MS_ACTIVE);
	assert_int_equal(rootsb->s_count, S_BIAS + 1);
	assert_int_equal(rootsb->s_active, 1);
	assert_int_equal(root_vfsmnt->mnt_count, 1);
	assert_int_equal(rootsb->s_root->d_count, 2);
	assert_int_equal(rootsb->s_root->d_inode->i_ino, 1);
	assert_int_equal(rootsb->s_root->d_inode->i_mode, S_IFDIR | 0555);
	assert_int_equal(procsb->s_root->d_inode->i_ino, 1);
	assert_string_equal(file_systems->name, "rootfs");
	assert_string_equal(file_systems->next->name, "proc");
	assert_null(file_systems->next->next);
	assert_int_equal(inodes_stat.nr_inodes, 2);
	assert_int_equal(dentry_stat.nr_dentry, 2);
	assert_vfs_ok();
}

static void test_register_filesystem__null_fails_einval(void **state)
{
	(void)state;
	assert_errno(register_filesystem(NULL), -EINVAL);
}

static void test_register_filesystem__duplicate_name_fails_ebusy(void **state)
{
	struct file_system_type other = { .name = "proc",
					  .read_super = testfs_read_super };

	(void)state;
	assert_errno(register_filesystem(&other), -EBUSY);
	assert_null(file_systems->next->next);
}

static void test_register_filesystem__linked_type_fails_ebusy(void **state)
{
	struct file_system_type other = { .name = "other",
					  .read_super = testfs_read_super,
					  .next = &testfs_type };

	(void)state;
	assert_errno(register_filesystem(&other), -EBUSY);
	assert_null(get_fs_type("other"));
}

static void test_register_filesystem__appends_at_the_tail(void **state)
{
	(void)state;
	assert_errno(register_filesystem(&testfs_type), 0);
	assert_string_equal(file_systems->name, "rootfs");
	assert_string_equal(file_systems->next->name, "proc");
	assert_ptr_equal(file_systems->next->next, &testfs_type);
	assert_null(testfs_type.next);
	assert_true(list_empty(&testfs_type.fs_supers));
	assert_ptr_equal(get_fs_type("testfs"), &testfs_type);
	assert_errno(unregister_filesystem(&testfs_type), 0);
	assert_null(get_fs_type("testfs"));
}

static void test_unregister_filesystem__unregistered_fails_einval(void **state)
{
	(void)state;
	assert_errno(unregister_filesystem(&testfs_type), -EINVAL);
}

static void test_get_fs_type__unknown_name_returns_null(void **state)
{
	(void)state;
	assert_null(get_fs_type("ext2"));
	assert_ptr_equal(get_fs_type("proc"), file_systems->next);
}

static void test_get_unnamed_dev__hands_out_the_lowest_free_minor(void **state)
{
	(void)state;
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 4));
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 5));
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 6));
	put_unnamed_dev(MKDEV(0, 5));
	assert_false(sim_unnamed_dev_in_use(5));
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 5));
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 7));
	put_unnamed_devs_from(4);
}

static void test_get_unnamed_dev__all_taken_returns_0(void **state)
{
	(void)state;
	/* 255 minors, 3 taken at boot */
	assert_int_equal(take_all_unnamed_devs(), 252);
	assert_true(sim_unnamed_dev_in_use(255));
	assert_false(sim_unnamed_dev_in_use(0));
	assert_int_equal(get_unnamed_dev(), 0);
	put_unnamed_dev(MKDEV(0, 200));
	assert_int_equal(get_unnamed_dev(), MKDEV(0, 200));
	put_unnamed_devs_from(4);
}

static void test_put_unnamed_dev__free_device_is_only_reported(void **state)
{
	char *text;

	(void)state;
	trace_capture_start();
	put_unnamed_dev(MKDEV(0, 200));
	text = trace_capture_end();
	assert_non_null(strstr(text, "VFS: put_unnamed_dev: "
			       "freeing unused device 00:c8"));
	free(text);
	assert_false(sim_unnamed_dev_in_use(200));
	/* device 0 and other majors are ignored */
	put_unnamed_dev(0);
	put_unnamed_dev(MKDEV(3, 1));
	assert_true(sim_unnamed_dev_in_use(1));
}

static void test_get_sb_nodev__no_free_unnamed_device_fails_emfile(void **state)
{
	struct vfsmount *mnt;
	int sbs = list_length(&super_blocks);

	(void)state;
	take_all_unnamed_devs();
	assert_errno(register_filesystem(&testfs_type), 0);
	mnt = kern_mount(&testfs_type);
	assert_true(IS_ERR(mnt));
	assert_errno(PTR_ERR(mnt), -EMFILE);
	assert_int_equal(list_length(&super_blocks), sbs);
	assert_true(list_empty(&testfs_type.fs_supers));
	assert_errno(unregister_filesystem(&testfs_type), 0);
	put_unnamed_devs_from(4);
}

static void test_kern_mount__nodev_type_gets_a_new_sb_and_mount(void **state)
{
	struct vfsmount *mnt;
	struct super_block *sb;
	struct dentry *root;

	(void)state;
	mnt = testfs_mount();
	sb = mnt->mnt_sb;
	root = sb->s_root;
	assert_int_equal(sim_id(sb), 3);
	assert_int_equal(sb->s_dev, MKDEV(0, 4));
	assert_int_equal(sb->s_count, S_BIAS + 1);
	assert_int_equal(sb->s_active, 1);
	assert_int_equal(sb->s_flags, MS_ACTIVE);
	assert_ptr_equal(sb->s_type, &testfs_type);
	assert_true(sb->s_maxbytes == MAX_NON_LFS);
	/* s_list at the tail of super_blocks, s_instances at fs_supers' head */
	assert_ptr_equal(super_blocks.prev, &sb->s_list);
	assert_ptr_equal(testfs_type.fs_supers.next, &sb->s_instances);
	/* the mount: its own parent, on its root, one reference */
	assert_int_equal(mnt->mnt_count, 1);
	assert_ptr_equal(mnt->mnt_parent, mnt);
	assert_ptr_equal(mnt->mnt_root, root);
	assert_ptr_equal(mnt->mnt_mountpoint, root);
	assert_string_equal(mnt->mnt_devname, "testfs");
	/* the root: s_root's reference and mnt_root's */
	assert_int_equal(root->d_count, 2);
	assert_ptr_equal(root->d_parent, root);
	assert_ptr_equal(root->d_sb, sb);
	assert_true(d_unhashed(root));
	assert_int_equal(root->d_inode->i_count, 1);
	assert_int_equal(root->d_inode->i_dev, MKDEV(0, 4));
	assert_int_equal(root->d_inode->i_ino, 3);
	assert_vfs_ok();
	testfs_umount(mnt);
}

static void test_kern_mount__second_sb_goes_to_the_head_of_fs_supers(void **state)
{
	struct vfsmount *mnt1, *mnt2;
	struct super_block *sb1, *sb2;

	(void)state;
	mnt1 = testfs_mount();
	mnt2 = kern_mount(&testfs_type);
	assert_false(IS_ERR(mnt2));
	sb1 = mnt1->mnt_sb;
	sb2 = mnt2->mnt_sb;
	assert_ptr_not_equal(sb1, sb2);
	assert_int_equal(sb2->s_dev, MKDEV(0, 5));
	assert_int_equal(sim_id(sb2), sim_id(sb1) + 1);
	assert_ptr_equal(testfs_type.fs_supers.next, &sb2->s_instances);
	assert_ptr_equal(sb2->s_instances.next, &sb1->s_instances);
	assert_ptr_equal(sb1->s_list.next, &sb2->s_list);
	assert_ptr_equal(super_blocks.prev, &sb2->s_list);
	assert_vfs_ok();
	mntput(mnt2);
	testfs_umount(mnt1);
}

static void test_kern_mount__read_super_failure_fails_einval(void **state)
{
	struct vfsmount *mnt;
	unsigned long kmalloc_before = sim_kmalloc_live;
	int sbs = list_length(&super_blocks);

	(void)state;
	assert_errno(register_filesystem(&testfs_type), 0);
	testfs_fail = 1;
	mnt = kern_mount(&testfs_type);
	assert_errno(PTR_ERR(mnt), -EINVAL);
	/* nothing left: sb unlinked and freed, device and vfsmount back */
	assert_int_equal(list_length(&super_blocks), sbs);
	assert_true(list_empty(&testfs_type.fs_supers));
	assert_false(sim_unnamed_dev_in_use(4));
	assert_int_equal(sim_kmalloc_live, kmalloc_before);
	assert_vfs_ok();
	testfs_fail = 0;
	assert_errno(unregister_filesystem(&testfs_type), 0);
}

static void test_do_kern_mount__unknown_type_fails_enodev(void **state)
{
	(void)state;
	assert_errno(PTR_ERR(do_kern_mount("ext2", 0, "ext2", NULL)), -ENODEV);
	assert_errno(PTR_ERR(do_kern_mount(NULL, 0, "x", NULL)), -EINVAL);
}

static void test_do_kern_mount__without_cap_sys_admin_fails_eperm(void **state)
{
	(void)state;
	test_task.euid = 1000;
	assert_errno(PTR_ERR(do_kern_mount("proc", 0, "proc", NULL)), -EPERM);
	test_task.euid = 0;
}

static void test_do_kern_mount__fs_requires_dev_fails_einval(void **state)
{
	struct file_system_type devfs = { .name = "blockfs",
					  .read_super = testfs_read_super,
					  .fs_flags = FS_REQUIRES_DEV };
	unsigned long kmalloc_before = sim_kmalloc_live;

	(void)state;
	assert_errno(register_filesystem(&devfs), 0);
	assert_errno(PTR_ERR(do_kern_mount("blockfs", 0, "/dev/hda1", NULL)),
		     -EINVAL);
	assert_int_equal(sim_kmalloc_live, kmalloc_before);
	assert_errno(unregister_filesystem(&devfs), 0);
	assert_vfs_ok();
}

static void test_do_kern_mount__fs_nomount_sets_ms_nouser(void **state)
{
	struct file_system_type hidden = { .name = "hiddenfs",
					   .read_super = testfs_read_super,
					   .fs_flags = FS_NOMOUNT };
	struct vfsmount *mnt;

	(void)state;
	assert_errno(register_filesystem(&hidden), 0);
	mnt = kern_mount(&hidden);
	assert_false(IS_ERR(mnt));
	assert_int_equal(mnt->mnt_sb->s_flags, MS_ACTIVE | MS_NOUSER);
	mntput(mnt);
	assert_errno(unregister_filesystem(&hidden), 0);
}

static void test_get_sb_single__second_mount_shares_the_sb(void **state)
{
	struct vfsmount *mnt1, *mnt2;
	struct super_block *sb;
	unsigned long kmalloc_before;

	(void)state;
	assert_errno(register_filesystem(&singlefs_type), 0);
	mnt1 = kern_mount(&singlefs_type);
	assert_false(IS_ERR(mnt1));
	sb = mnt1->mnt_sb;
	kmalloc_before = sim_kmalloc_live;
	mnt2 = kern_mount(&singlefs_type);
	assert_false(IS_ERR(mnt2));
	assert_ptr_not_equal(mnt1, mnt2);
	assert_ptr_equal(mnt2->mnt_sb, sb);
	assert_int_equal(sb->s_active, 2);
	assert_int_equal(sb->s_count, S_BIAS + 1);
	assert_false(sim_unnamed_dev_in_use(5));
	/* s_root + two mnt_roots */
	assert_int_equal(sb->s_root->d_count, 3);
	/* the second mount costs its devname only: the spare sb went back */
	assert_int_equal(sim_kmalloc_live, kmalloc_before + 1);
	assert_int_equal(list_length(&singlefs_type.fs_supers), 1);
	assert_vfs_ok();
	mntput(mnt2);
	assert_int_equal(sb->s_active, 1);
	assert_int_equal(sb->s_root->d_count, 2);
	assert_vfs_ok();
	mntput(mnt1);
	assert_true(list_empty(&singlefs_type.fs_supers));
	assert_false(sim_unnamed_dev_in_use(4));
	assert_errno(unregister_filesystem(&singlefs_type), 0);
}

static void test_do_kern_mount__proc_again_reuses_proc_mnt_sb(void **state)
{
	struct vfsmount *mnt;

	(void)state;
	mnt = do_kern_mount("proc", 0, "proc", NULL);
	assert_false(IS_ERR(mnt));
	assert_ptr_equal(mnt->mnt_sb, proc_mnt->mnt_sb);
	assert_int_equal(proc_mnt->mnt_sb->s_active, 2);
	assert_vfs_ok();
	mntput(mnt);
	assert_int_equal(proc_mnt->mnt_sb->s_active, 1);
}

static void test_mntput__last_reference_kills_the_super_block(void **state)
{
	struct vfsmount *mnt;
	int inodes = inodes_stat.nr_inodes, dentries = dentry_stat.nr_dentry;
	int sbs = list_length(&super_blocks);

	(void)state;
	mnt = testfs_mount();
	assert_int_equal(inodes_stat.nr_inodes, inodes + 1);
	assert_int_equal(dentry_stat.nr_dentry, dentries + 1);
	mntget(mnt);
	mntput(mnt);
	assert_int_equal(mnt->mnt_count, 1);
	assert_int_equal(testfs_deletes, 0);
	mntput(mnt);
	/* root dentry and root inode (force_delete -> delete_inode) gone */
	assert_int_equal(testfs_deletes, 1);
	assert_int_equal(inodes_stat.nr_inodes, inodes);
	assert_int_equal(dentry_stat.nr_dentry, dentries);
	assert_int_equal(list_length(&super_blocks), sbs);
	assert_true(list_empty(&testfs_type.fs_supers));
	assert_false(sim_unnamed_dev_in_use(4));
	assert_errno(unregister_filesystem(&testfs_type), 0);
}

static void test_kill_super__busy_inode_is_reported(void **state)
{
	struct vfsmount *mnt;
	struct inode *extra;
	int reports = sim_busy_inodes_after_unmount;
	char *text;

	(void)state;
	mnt = testfs_mount();
	extra = new_inode(mnt->mnt_sb);
	assert_non_null(extra);
	trace_capture_start();
	mntput(mnt);
	text = trace_capture_end();
	assert_non_null(strstr(text, "VFS: Busy inodes after unmount. "
			       "Self-destruct in 5 seconds.  "
			       "Have a nice day..."));
	free(text);
	assert_int_equal(sim_busy_inodes_after_unmount, reports + 1);
	/* the superblock is gone; forget it before dropping the inode */
	extra->i_sb = NULL;
	iput(extra);
	assert_errno(unregister_filesystem(&testfs_type), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, vfs_setup, vfs_teardown)
		T(test_vfs_caches_init__boot_takes_00_01_to_00_03),
		T(test_register_filesystem__null_fails_einval),
		T(test_register_filesystem__duplicate_name_fails_ebusy),
		T(test_register_filesystem__linked_type_fails_ebusy),
		T(test_register_filesystem__appends_at_the_tail),
		T(test_unregister_filesystem__unregistered_fails_einval),
		T(test_get_fs_type__unknown_name_returns_null),
		T(test_get_unnamed_dev__hands_out_the_lowest_free_minor),
		T(test_get_unnamed_dev__all_taken_returns_0),
		T(test_put_unnamed_dev__free_device_is_only_reported),
		T(test_get_sb_nodev__no_free_unnamed_device_fails_emfile),
		T(test_kern_mount__nodev_type_gets_a_new_sb_and_mount),
		T(test_kern_mount__second_sb_goes_to_the_head_of_fs_supers),
		T(test_kern_mount__read_super_failure_fails_einval),
		T(test_do_kern_mount__unknown_type_fails_enodev),
		T(test_do_kern_mount__without_cap_sys_admin_fails_eperm),
		T(test_do_kern_mount__fs_requires_dev_fails_einval),
		T(test_do_kern_mount__fs_nomount_sets_ms_nouser),
		T(test_get_sb_single__second_mount_shares_the_sb),
		T(test_do_kern_mount__proc_again_reuses_proc_mnt_sb),
		T(test_mntput__last_reference_kills_the_super_block),
		T(test_kill_super__busy_inode_is_reported),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "vfs/super");
}
