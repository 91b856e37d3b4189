// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_super.c - tests of sim/2.6/fs/super.c: the anonymous
 * device numbers of the boot and after it (set_anon_super from
 * unnamed_dev_start 0, reuse of a freed minor), get_sb_nodev (a new
 * superblock per mount), get_sb_single (one shared), sget's error path,
 * and the two counts s_active and s_count.
 */
#include "sim_test.h"

#include "vfs_test_fs.h"
#include "fs/internal.h"

#define S_BIAS	(1 << 30)

static int tsingle_get_sb(struct file_system_type *t, int flags,
			  const char *dev, void *data, struct vfsmount *mnt)
{
	(void)dev;
	return get_sb_single(t, flags, data, tfs_fill_super, mnt);
}

static struct file_system_type tsingle_fs_type = {
	.name = "tsingle",
	.get_sb = tsingle_get_sb,
	.kill_sb = kill_anon_super,
};

static void test_boot__anon_devs_are_sysfs0_rootfs1_bdev2_proc3(void **s)
{
	(void)s;
	assert_int_equal(sysfs_mount->mnt_sb->s_dev, MKDEV(0, 0));
	assert_int_equal(sim_init_mnt_ns->root->mnt_sb->s_dev, MKDEV(0, 1));
	assert_int_equal(sim_bd_mnt->mnt_sb->s_dev, MKDEV(0, 2));
	assert_int_equal(proc_mnt->mnt_sb->s_dev, MKDEV(0, 3));
	assert_int_equal(sim_unnamed_dev_start(), 4);
	assert_int_equal(sim_super_blocks_live(), 4);
	/* super_blocks in creation order */
	assert_ptr_equal(list_entry(super_blocks.next, struct super_block,
				    s_list), sysfs_mount->mnt_sb);
	assert_ptr_equal(list_entry(super_blocks.prev, struct super_block,
				    s_list), proc_mnt->mnt_sb);
}

static void test_get_sb_nodev__new_sb_each_mount_and_freed_minor_reused(
	void **s)
{
	struct vfsmount *m1, *m2, *m3;

	(void)s;
	m1 = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	m2 = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	assert_false(IS_ERR(m1));
	assert_false(IS_ERR(m2));
	assert_ptr_not_equal(m1->mnt_sb, m2->mnt_sb);
	assert_int_equal(m1->mnt_sb->s_dev, MKDEV(0, 4));
	assert_int_equal(m2->mnt_sb->s_dev, MKDEV(0, 5));
	assert_int_equal(sim_unnamed_dev_start(), 6);
	assert_int_equal(m1->mnt_sb->s_active, 1);
	assert_int_equal(m1->mnt_sb->s_count, S_BIAS);
	assert_int_equal(m1->mnt_sb->s_flags, MS_NOUSER | MS_ACTIVE);
	assert_int_equal(m1->mnt_count, 1);
	assert_ptr_equal(m1->mnt_parent, m1);
	assert_ptr_equal(m1->mnt_mountpoint, m1->mnt_root);
	assert_int_equal(m1->mnt_root->d_count, 2);	/* s_root, mnt_root */
	assert_int_equal(sim_super_blocks_live(), 6);

	mntput(m1);		/* 00:04 back: unnamed_dev_start goes down */
	assert_int_equal(sim_unnamed_dev_start(), 4);
	assert_int_equal(sim_super_blocks_live(), 5);
	m3 = vfs_kern_mount(&tnodev_fs_type, (int)MS_NOUSER, "t", NULL);
	assert_int_equal(m3->mnt_sb->s_dev, MKDEV(0, 4));
	assert_int_equal(sim_unnamed_dev_start(), 5);
	mntput(m2);
	mntput(m3);
	assert_int_equal(sim_super_blocks_live(), 4);
	assert_int_equal(sim_unnamed_dev_start(), 4);
}

static void test_get_sb_single__second_mount_shares_sb_s_active_2(void **s)
{
	struct vfsmount *m1, *m2;
	struct super_block *sb;

	(void)s;
	assert_int_equal(register_filesystem(&tsingle_fs_type), 0);
	m1 = kern_mount(&tsingle_fs_type);
	m2 = kern_mount(&tsingle_fs_type);
	sb = m1->mnt_sb;
	assert_ptr_equal(m2->mnt_sb, sb);
	assert_ptr_not_equal(m1, m2);
	assert_int_equal(sb->s_dev, MKDEV(0, 4));
	assert_int_equal(sim_unnamed_dev_start(), 5);
	assert_int_equal(sb->s_active, 2);
	assert_int_equal(sb->s_count, S_BIAS);
	assert_int_equal(sb->s_root->d_count, 3);
	mntput(m1);
	assert_int_equal(sb->s_active, 1);
	assert_int_equal(sim_super_blocks_live(), 5);
	mntput(m2);
	assert_int_equal(sim_super_blocks_live(), 4);
	assert_int_equal(unregister_filesystem(&tsingle_fs_type), 0);
}

static int set_fails(struct super_block *sb, void *data)
{
	(void)sb;
	(void)data;
	return -EINVAL;
}

static void test_sget__set_error_frees_the_new_sb(void **s)
{
	struct super_block *sb;

	(void)s;
	sb = sget(&tnodev_fs_type, NULL, set_fails, NULL);
	assert_errno(PTR_ERR(sb), -EINVAL);
	assert_int_equal(sim_super_blocks_live(), 4);
	assert_true(list_empty(&tnodev_fs_type.fs_supers));
}

static void test_sget__no_test_makes_new_sb_on_both_lists(void **s)
{
	struct super_block *sb;

	(void)s;
	sb = sget(&tnodev_fs_type, NULL, set_anon_super, NULL);
	assert_false(IS_ERR(sb));
	assert_int_equal(sb->s_dev, MKDEV(0, 4));
	assert_string_equal(sb->s_id, "tnodev");
	assert_ptr_equal(sb->s_type, &tnodev_fs_type);
	assert_ptr_equal(super_blocks.prev, &sb->s_list);
	assert_ptr_equal(tnodev_fs_type.fs_supers.next, &sb->s_instances);
	assert_int_equal(sb->s_active, 1);
	assert_int_equal(sb->s_count, S_BIAS);
	deactivate_super(sb);	/* no root: kill_anon_super, freed */
	assert_int_equal(sim_super_blocks_live(), 4);
	assert_int_equal(sim_unnamed_dev_start(), 4);
}

static void test_do_kern_mount__unknown_type_enodev(void **s)
{
	(void)s;
	assert_errno(PTR_ERR(do_kern_mount("nosuchfs", 0, "x", NULL)),
		     -ENODEV);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, vfs_boot, vfs_shutdown)
		T(test_boot__anon_devs_are_sysfs0_rootfs1_bdev2_proc3),
		T(test_get_sb_nodev__new_sb_each_mount_and_freed_minor_reused),
		T(test_get_sb_single__second_mount_shares_sb_s_active_2),
		T(test_sget__set_error_frees_the_new_sb),
		T(test_sget__no_test_makes_new_sb_on_both_lists),
		T(test_do_kern_mount__unknown_type_enodev),
#undef T
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/fs/super");
}
