// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_namespace.c - sim/2.6/fs/namespace.c (fs/namespace.c,
 * 2.6.32) through the system calls on a booted machine: mount(2) and
 * umount(2) with every errno of their paths, /proc/mounts, and the 2.6.32
 * columns of the visibility experiment's outcome table for every
 * combination of the patches (root task; mkdir /mnt, mkdir /mnt/shm,
 * mount none /mnt/shm tmpfs; two IPC_PRIVATE segments; ls /mnt/shm).
 * The whole-machine check runs after each test; the shutdown must leave
 * nothing behind.
 */
#include "sim_test.h"

#include "vfs_world.h"
#include "linux/mm.h"
#include "linux/pagemap.h"

static struct vfsmount *rootfs_mnt(void)
{
	return sim_init_mnt_ns->root;
}

/* the mount on /mnt/shm, or NULL */
static struct vfsmount *shm_user_mnt(void)
{
	struct path p;
	struct vfsmount *m;

	if (kern_path("/mnt/shm", LOOKUP_FOLLOW, &p))
		return NULL;
	m = p.mnt == rootfs_mnt() ? NULL : p.mnt;
	path_put(&p);
	return m;
}

static void two_segments(void)
{
	assert_true(sys_shmget(IPC_PRIVATE, 4096, 0600) >= 0);
	assert_true(sys_shmget(IPC_PRIVATE, 4096, 0600) >= 0);
}

/* one row of the outcome table: the mount's result and what ls shows */
static void outcome(unsigned int patches, long mount_rc, const char *names,
		    int shared_sb)
{
	char out[256];
	int count0;

	assert_int_equal(vfs_world_boot(patches), 0);
	count0 = rootfs_mnt()->mnt_count;
	two_segments();
	assert_errno(vfs_mount_shm(), mount_rc);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, names);
	if (!mount_rc) {
		struct vfsmount *m = shm_user_mnt();

		assert_non_null(m);
		assert_int_equal(m->mnt_sb == sim_shm_mnt()->mnt_sb,
				 shared_sb);
		assert_int_equal(m->mnt_sb->s_active, shared_sb ? 2 : 1);
		assert_int_equal(m->mnt_count, 1);	/* the tree's */
		/* the mountpoint's place: mntget of rootfs */
		assert_int_equal(rootfs_mnt()->mnt_count, count0 + 1);
	} else {
		assert_int_equal(rootfs_mnt()->mnt_count, count0);
		assert_int_equal(sim_shm_mnt()->mnt_sb->s_active, 1);
	}
	vfs_world_teardown(NULL);
}

static void test_outcome__none_new_sb_empty(void **s)
{
	(void)s;
	outcome(0, 0, "", 0);
}

static void test_outcome__single_sb_einval_from_graft_tree(void **s)
{
	(void)s;
	outcome(SIM_PATCH_SINGLE_SB, -EINVAL, "", 0);
}

static void test_outcome__single_sb_user_mount_internal_sb_empty(void **s)
{
	(void)s;
	outcome(SIM_PATCH_SINGLE_SB | SIM_PATCH_USER_MOUNT, 0, "", 1);
}

static void test_outcome__all_three_sysv_names_newest_first(void **s)
{
	(void)s;
	outcome(SIM_PATCH_SINGLE_SB | SIM_PATCH_USER_MOUNT |
		SIM_PATCH_HASHED_SHM, 0, "SYSV00000000 SYSV00000000", 1);
}

static void test_outcome__hashed_shm_alone_other_sb_empty(void **s)
{
	(void)s;
	outcome(SIM_PATCH_HASHED_SHM, 0, "", 0);
}

static void test_outcome__user_mount_alone_new_sb_empty(void **s)
{
	(void)s;
	outcome(SIM_PATCH_USER_MOUNT, 0, "", 0);
}

static void test_outcome__user_mount_hashed_shm_new_sb_empty(void **s)
{
	(void)s;
	outcome(SIM_PATCH_USER_MOUNT | SIM_PATCH_HASHED_SHM, 0, "", 0);
}

/* the newest first: a third segment's name comes before the others */
static void test_dcache_readdir__newest_first_after_mount(void **s)
{
	char out[256];
	long id;

	(void)s;
	assert_int_equal(vfs_world_boot(SIM_PATCH_SINGLE_SB |
					SIM_PATCH_USER_MOUNT |
					SIM_PATCH_HASHED_SHM), 0);
	assert_int_equal(vfs_mount_shm(), 0);
	assert_true(sys_shmget(0x1234, 4096, IPC_CREAT | 0600) >= 0);
	id = sys_shmget(IPC_PRIVATE, 4096, 0600);
	assert_true(id >= 0);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "SYSV00000000 SYSV00001234");
	/* after IPC_RMID the dentry stays cached (LRU): still listed */
	assert_int_equal(sys_shmctl((int)id, IPC_RMID, NULL), 0);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "SYSV00000000 SYSV00001234");
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_nr_dentry_unused, 1);
	vfs_world_teardown(NULL);
}

/* a second single-sb mount prunes the cached one (do_remount_sb) */
static void test_get_sb_single__remount_prunes_cached_sysv_dentry(void **s)
{
	char out[256];
	long id;

	(void)s;
	assert_int_equal(vfs_world_boot(SIM_PATCH_SINGLE_SB |
					SIM_PATCH_USER_MOUNT |
					SIM_PATCH_HASHED_SHM), 0);
	assert_int_equal(vfs_mount_shm(), 0);
	id = sys_shmget(IPC_PRIVATE, 4096, 0600);
	assert_int_equal(sys_shmctl((int)id, IPC_RMID, NULL), 0);
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_nr_dentry_unused, 1);
	assert_int_equal(sys_mkdir("/mnt/b", 0755), 0);
	assert_int_equal(sys_mount("none", "/mnt/b", "tmpfs", 0, NULL), 0);
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_nr_dentry_unused, 0);
	assert_int_equal(vfs_ls("/mnt/b", out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_active, 3);
	vfs_world_teardown(NULL);
}

static void test_do_mount__mountpoint_missing_enoent(void **s)
{
	(void)s;
	assert_errno(sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL),
		     -ENOENT);
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_errno(sys_mount("none", "/mnt/x/y", "tmpfs", 0, NULL),
		     -ENOENT);
}

static void test_do_mount__empty_dir_einval(void **s)
{
	(void)s;
	assert_errno(sys_mount("none", "", "tmpfs", 0, NULL), -ENOENT);
	assert_errno(do_mount("none", "", "tmpfs", 0, NULL), -EINVAL);
}

static void test_do_new_mount__non_root_eperm_after_lookup(void **s)
{
	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	current = user_task;
	assert_errno(sys_mount("none", "/nowhere", "tmpfs", 0, NULL),
		     -ENOENT);
	assert_errno(sys_mount("none", "/mnt", "tmpfs", 0, NULL), -EPERM);
	current = root_task;
}

static void test_get_fs_type__unknown_type_enodev(void **s)
{
	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	assert_errno(sys_mount("none", "/mnt", "nosuchfs", 0, NULL), -ENODEV);
	assert_errno(sys_mount("none", "/mnt", NULL, 0, NULL), -EINVAL);
}

static void test_graft_tree__rootfs_type_is_nouser_einval(void **s)
{
	(void)s;
	assert_int_equal(sys_mkdir("/mnt", 0755), 0);
	/* rootfs_get_sb always adds MS_NOUSER */
	assert_errno(sys_mount("none", "/mnt", "rootfs", 0, NULL), -EINVAL);
	assert_int_equal(sim_super_blocks_live(), 5);
}

static void test_do_add_mount__same_sb_same_root_ebusy(void **s)
{
	(void)s;
	vfs_world_teardown(NULL);
	assert_int_equal(vfs_world_boot(SIM_PATCH_SINGLE_SB |
					SIM_PATCH_USER_MOUNT), 0);
	assert_int_equal(vfs_mount_shm(), 0);
	assert_errno(sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL), -EBUSY);
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_active, 2);
}

static void test_do_add_mount__stacked_new_sb_ok(void **s)
{
	char out[64];

	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	assert_int_equal(sys_mkdir("/mnt/shm/d", 0755), 0);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "d");
	assert_int_equal(sys_mount("none", "/mnt/shm", "tmpfs", 0, NULL), 0);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(sys_umount("/mnt/shm", 0), 0);
	assert_int_equal(vfs_ls("/mnt/shm", out, sizeof(out)), 0);
	assert_string_equal(out, "d");
}

static void test_sys_umount__non_mountpoint_einval_before_eperm(void **s)
{
	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	assert_errno(sys_umount("/mnt", 0), -EINVAL);
	assert_errno(sys_umount("/nowhere", 0), -ENOENT);
	current = user_task;
	assert_errno(sys_umount("/mnt", 0), -EINVAL);
	assert_errno(sys_umount("/mnt/shm", 0), -EPERM);
	current = root_task;
	assert_errno(sys_umount("/mnt/shm", 0x100), -EINVAL);
}

static void test_do_umount__open_dir_ebusy_then_ok(void **s)
{
	long fd;
	int count0;

	(void)s;
	count0 = rootfs_mnt()->mnt_count;
	assert_int_equal(vfs_mount_shm(), 0);
	fd = sys_open("/mnt/shm", O_RDONLY | O_DIRECTORY, 0);
	assert_true(fd >= 0);
	assert_errno(sys_umount("/mnt/shm", 0), -EBUSY);
	vfs_world_check();
	assert_int_equal(sys_close((unsigned int)fd), 0);
	assert_int_equal(sys_umount("/mnt/shm", 0), 0);
	assert_int_equal(rootfs_mnt()->mnt_count, count0);
	assert_int_equal(vfs_lookup("/mnt/shm")->d_mounted, 0);
	assert_int_equal(sim_super_blocks_live(), 5);
	assert_errno(sys_umount("/mnt/shm", 0), -EINVAL);
}

static void test_show_vfsmnt__proc_mounts_rw_relatime(void **s)
{
	char buf[512];
	FILE *f;

	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	f = fmemopen(buf, sizeof(buf), "w");
	mounts_read_proc(f);
	fclose(f);
	assert_string_equal(buf, "rootfs / rootfs rw 0 0\n"
			    "none /mnt/shm tmpfs rw,relatime 0 0\n");
}

static void test_filesystems_read_proc__nodev_in_registration_order(
	void **s)
{
	char buf[512];
	FILE *f;

	(void)s;
	f = fmemopen(buf, sizeof(buf), "w");
	filesystems_read_proc(f);
	fclose(f);
	assert_string_equal(buf, "nodev\tsysfs\nnodev\trootfs\nnodev\tbdev\n"
			    "nodev\tproc\nnodev\ttmpfs\n");
}

/* user-mount's side effect: the internal sb gets the default limits */
static void test_user_mount__internal_sb_limited(void **s)
{
	struct shmem_sb_info *sbinfo;

	(void)s;
	sbinfo = SHMEM_SB(sim_shm_mnt()->mnt_sb);
	assert_int_equal(sbinfo->max_blocks, 0);
	vfs_world_teardown(NULL);
	assert_int_equal(vfs_world_boot(SIM_PATCH_USER_MOUNT), 0);
	sbinfo = SHMEM_SB(sim_shm_mnt()->mnt_sb);
	assert_int_equal(sbinfo->max_blocks, totalram_pages / 2);
	assert_int_equal(sbinfo->max_inodes, totalram_pages / 2);
	assert_int_equal(sim_shm_mnt()->mnt_sb->s_flags & MS_NOUSER, 0);
}

/* ...so shmget runs out of inodes: -ENOSPC from shmem_get_inode */
static void test_user_mount__free_inodes_exhausted_enospc(void **s)
{
	struct shmem_sb_info *sbinfo;

	(void)s;
	vfs_world_teardown(NULL);
	assert_int_equal(vfs_world_boot(SIM_PATCH_USER_MOUNT), 0);
	sbinfo = SHMEM_SB(sim_shm_mnt()->mnt_sb);
	sbinfo->free_inodes = 1;	/* as if the rest were in use */
	assert_true(sys_shmget(IPC_PRIVATE, 4096, 0600) >= 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), -ENOSPC);
	sbinfo->free_inodes = sbinfo->max_inodes - 2;	/* back to true */
}

/* ...and a fault past free_blocks is SIGBUS (shmem_getpage -ENOSPC) */
static void test_user_mount__free_blocks_exhausted_sigbus(void **s)
{
	struct shmem_sb_info *sbinfo;
	unsigned long addr;
	long id;

	(void)s;
	vfs_world_teardown(NULL);
	assert_int_equal(vfs_world_boot(SIM_PATCH_USER_MOUNT), 0);
	current = user_task;
	id = sys_shmget(IPC_PRIVATE, 2 * 4096, 0600);
	assert_true(id >= 0);
	assert_int_equal(sys_shmat((int)id, NULL, 0, &addr), 0);
	sbinfo = SHMEM_SB(sim_shm_mnt()->mnt_sb);
	sbinfo->free_blocks = 1;
	do_page_fault(addr, PF_USER | PF_WRITE);
	assert_int_equal(user_task->sim_sig, 0);
	do_page_fault(addr + 4096, PF_USER | PF_WRITE);
	assert_int_equal(user_task->sim_sig, SIGBUS);
	user_task->sim_sig = 0;
	sbinfo->free_blocks = sbinfo->max_blocks - 1;	/* back to true */
	assert_int_equal(sys_shmdt((char *)addr), 0);
	current = root_task;
}

/* one attached, touched segment: maps' line for it, into buf */
static unsigned long attach_touch(long *idp, char *buf, size_t len)
{
	unsigned long addr;
	FILE *f;

	current = user_task;
	*idp = sys_shmget(IPC_PRIVATE, 4096, 0600);
	assert_true(*idp >= 0);
	assert_int_equal(sys_shmat((int)*idp, NULL, 0, &addr), 0);
	do_page_fault(addr, PF_USER | PF_WRITE);
	assert_int_equal(user_task->sim_sig, 0);
	f = fmemopen(buf, len, "w");
	proc_pid_maps(user_task, f);
	fclose(f);
	return addr;
}

static void test_shmem_file_setup__unpatched_maps_deleted(void **s)
{
	char maps[512];
	long id;

	(void)s;
	attach_touch(&id, maps, sizeof(maps));
	assert_non_null(strstr(maps, "/SYSV00000000 (deleted)"));
	current = root_task;
}

/*
 * hashed-shm: maps loses " (deleted)"; after IPC_RMID and the last
 * detach the dentry is cached on the LRU, so the inode and its page
 * stay until the dentry is pruned (here shrink_dcache_sb, as a
 * remount or the shutdown does).
 */
static void test_hashed_shm__inode_lives_until_dentry_pruned(void **s)
{
	struct super_block *sb;
	unsigned long addr, inodes;
	char maps[512];
	long id;

	(void)s;
	vfs_world_teardown(NULL);
	assert_int_equal(vfs_world_boot(SIM_PATCH_HASHED_SHM), 0);
	sb = sim_shm_mnt()->mnt_sb;
	inodes = sim_inodes_live();
	addr = attach_touch(&id, maps, sizeof(maps));
	assert_non_null(strstr(maps, "/SYSV00000000\n"));
	assert_null(strstr(maps, "(deleted)"));
	assert_int_equal(sys_shmdt((char *)addr), 0);
	assert_int_equal(sys_shmctl((int)id, IPC_RMID, NULL), 0);
	vfs_world_check();
	assert_int_equal(sb->s_nr_dentry_unused, 1);
	assert_int_equal(sim_inodes_live(), inodes + 1);
	assert_int_equal(global_page_state(NR_SHMEM), 1);
	shrink_dcache_sb(sb);
	assert_int_equal(sb->s_nr_dentry_unused, 0);
	assert_int_equal(sim_inodes_live(), inodes);
	assert_int_equal(global_page_state(NR_SHMEM), 0);
	current = root_task;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outcome__none_new_sb_empty),
		cmocka_unit_test(
			test_outcome__single_sb_einval_from_graft_tree),
		cmocka_unit_test(
			test_outcome__single_sb_user_mount_internal_sb_empty),
		cmocka_unit_test(
			test_outcome__all_three_sysv_names_newest_first),
		cmocka_unit_test(
			test_outcome__hashed_shm_alone_other_sb_empty),
		cmocka_unit_test(test_outcome__user_mount_alone_new_sb_empty),
		cmocka_unit_test(
			test_outcome__user_mount_hashed_shm_new_sb_empty),
		cmocka_unit_test(
			test_dcache_readdir__newest_first_after_mount),
		cmocka_unit_test(
			test_get_sb_single__remount_prunes_cached_sysv_dentry),
		cmocka_unit_test_setup_teardown(
			test_do_mount__mountpoint_missing_enoent,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_mount__empty_dir_einval,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_new_mount__non_root_eperm_after_lookup,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_fs_type__unknown_type_enodev,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_graft_tree__rootfs_type_is_nouser_einval,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_add_mount__same_sb_same_root_ebusy,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_add_mount__stacked_new_sb_ok,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_umount__non_mountpoint_einval_before_eperm,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_umount__open_dir_ebusy_then_ok,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_show_vfsmnt__proc_mounts_rw_relatime,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_filesystems_read_proc__nodev_in_registration_order,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_user_mount__internal_sb_limited,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_user_mount__free_inodes_exhausted_enospc,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_user_mount__free_blocks_exhausted_sigbus,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_file_setup__unpatched_maps_deleted,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_hashed_shm__inode_lives_until_dentry_pruned,
			vfs_world_setup, vfs_world_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/fs/namespace");
}
