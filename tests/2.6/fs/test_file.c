// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/fs/test_file.c - sim/2.6/fs/file.c (fs/file.c, 2.6.32): the
 * fd table at fork (dup_fd: one more reference per open file), its own
 * closes in the child, the parent's and the child's exit (exit_files:
 * close_files) and fs_struct (copy_fs_struct, exit_fs), with the mount
 * and dentry counts back where they were.
 */
#include "sim_test.h"

#include "vfs_world.h"

static void test_dup_fd__fork_shares_files_child_closes_own(void **s)
{
	struct vfsmount *mnt = sim_init_mnt_ns->root;
	struct dentry *root = mnt->mnt_root;
	struct task_struct *child;
	struct file *f;
	int m0, d0;
	long pid;

	(void)s;
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 1);
	assert_int_equal(sys_close(0), 0);
	f = fcheck_files(current->files, 1);
	m0 = mnt->mnt_count;
	d0 = root->d_count;
	pid = do_fork(0, "child");
	assert_true(pid > 0);
	child = sim_find_task_by_pid((pid_t)pid);
	assert_ptr_not_equal(child->files, current->files);
	assert_ptr_equal(fcheck_files(child->files, 1), f);
	assert_null(fcheck_files(child->files, 0));
	assert_int_equal(f->f_count, 2);
	assert_int_equal(child->files->next_fd, 0);
	/* the child's fs_struct: root and pwd, a path_get each */
	assert_ptr_not_equal(child->fs, current->fs);
	assert_int_equal(mnt->mnt_count, m0 + 2);
	assert_int_equal(root->d_count, d0 + 2);
	vfs_world_check();

	current = child;
	assert_int_equal(sys_close(1), 0);
	assert_int_equal(f->f_count, 1);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	do_exit(0);
	assert_null(child->files);
	assert_null(child->fs);
	sim_task_free(child);
	current = root_task;
	assert_int_equal(mnt->mnt_count, m0);
	assert_int_equal(root->d_count, d0);
	assert_int_equal(f->f_count, 1);
	vfs_world_check();
}

static void test_exit_files__closes_every_fd(void **s)
{
	unsigned long files = (unsigned long)files_stat.nr_files;
	struct vfsmount *mnt = sim_init_mnt_ns->root;
	int m0 = mnt->mnt_count;

	(void)s;
	current = user_task;
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 1);
	assert_int_equal((unsigned long)files_stat.nr_files, files + 2);
	do_exit(0);
	sim_task_free(user_task);
	user_task = NULL;
	current = root_task;
	assert_int_equal((unsigned long)files_stat.nr_files, files);
	/* the user task's own fs_struct went too */
	assert_int_equal(mnt->mnt_count, m0 - 2);
}

/* a breakage of the fd table is caught: a slot outside open_fds */
static void test_sim_fd_check__slot_without_open_bit(void **s)
{
	char why[200];
	struct fdtable *fdt;

	(void)s;
	assert_int_equal(sys_open("/", O_RDONLY | O_DIRECTORY, 0), 0);
	fdt = files_fdtable(current->files);
	fdt->open_fds[0] &= ~1UL;
	assert_int_equal(sim_check_all(why, sizeof(why)), 66);
	fdt->open_fds[0] |= 1UL;
	assert_int_equal(sim_check_all(why, sizeof(why)), 0);
}

/* mnt_count and d_count must be their holders; mounts hashed right */
static void test_sim_mnt_check__mnt_count_and_hash(void **s)
{
	char why[200];
	struct dentry *mountpoint;
	struct vfsmount *m;
	struct path p;

	(void)s;
	assert_int_equal(vfs_mount_shm(), 0);
	assert_int_equal(kern_path("/mnt/shm", LOOKUP_FOLLOW, &p), 0);
	m = p.mnt;
	assert_int_equal(sim_check_all(why, sizeof(why)), 64);
	path_put(&p);
	assert_int_equal(sim_check_all(why, sizeof(why)), 0);
	mountpoint = m->mnt_mountpoint;
	m->mnt_mountpoint = vfs_lookup("/mnt");
	assert_int_equal(sim_check_all(why, sizeof(why)), 63);
	m->mnt_mountpoint = mountpoint;
	m->mnt_sb->s_active++;
	assert_int_equal(sim_check_all(why, sizeof(why)), 65);
	m->mnt_sb->s_active--;
	assert_int_equal(sim_check_all(why, sizeof(why)), 0);
	dget(mountpoint);	/* a reference nobody holds */
	assert_int_equal(sim_check_all(why, sizeof(why)), 67);
	dput(mountpoint);
	assert_int_equal(sim_check_all(why, sizeof(why)), 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_dup_fd__fork_shares_files_child_closes_own,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_exit_files__closes_every_fd,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_fd_check__slot_without_open_bit,
			vfs_world_setup, vfs_world_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_mnt_check__mnt_count_and_hash,
			vfs_world_setup, vfs_world_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/fs/file");
}
