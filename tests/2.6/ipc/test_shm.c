// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/ipc/test_shm.c - sim/2.6/ipc/shm.c (ipc/shm.c, 2.6.32) on a
 * booted machine: start_kernel, one task of uid 1000, then one action per
 * test; sim_shutdown must find nothing left.
 */
#include <string.h>

#include "sim_test.h"

#include "linux/fs.h"
#include "linux/ipc_namespace.h"
#include "linux/pagemap.h"
#include "linux/mm.h"
#include "linux/radix-tree.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/boot.h"
#include "sim/shm_views.h"
#include "sim/trace.h"

static struct task_struct *task;

static int setup(void **state)
{
	(void)state;
	sim_trace.all = 0;
	sim_machine.ram = 16UL << 20;
	if (start_kernel())
		return -1;
	task = sim_task_create("t", 1000, 1000);
	if (!task)
		return -1;
	current = task;
	return 0;
}

static int teardown(void **state)
{
	char why[200];
	int leaks;

	(void)state;
	assert_int_equal(sim_shm_check(why, sizeof(why)), 0);
	/* sim: until sim_shutdown does it: the radix-tree preload pool's
	 * spare nodes and the unreferenced uid records */
	sim_radix_tree_exit();
	sim_uid_exit();
	leaks = sim_shutdown(stderr);
	assert_int_equal(leaks, 0);
	return 0;
}

static struct file *seg_file(int id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file;
}

static void test_sys_shmget__ids_follow_seq_and_lowest_index(void **s)
{
	(void)s;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 32769);
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 65538);
	assert_int_equal(sys_shmctl(0, IPC_RMID, NULL), 0);
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 98304);
}

static void test_sys_shmget__existing_key_checks_in_order(void **s)
{
	(void)s;
	assert_int_equal(sys_shmget(0x4d2, 2052, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(0x4d2, 9999, IPC_CREAT | IPC_EXCL | 0600),
		     -EEXIST);
	assert_errno(sys_shmget(0x4d2, 9999, 0), -EINVAL);
	current->cred = get_cred(current->cred);
	((struct cred *)current->cred)->euid = 2000;
	assert_errno(sys_shmget(0x4d2, 100, 0600), -EACCES);
	((struct cred *)current->cred)->euid = 1000;
	put_cred(current->cred);
	assert_int_equal(sys_shmget(0x4d2, 0, 0), 0);
	assert_errno(sys_shmget(0x4d3, 10, 0), -ENOENT);
}

static void test_newseg__shmall_is_greater_than(void **s)
{
	(void)s;
	init_ipc_ns.shm_ctlall = 2;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 8192, 0600), 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 1, 0600), -ENOSPC);
	assert_errno(sys_shmget(IPC_PRIVATE, 0, 0600), -EINVAL);
	assert_errno(sys_shmget(IPC_PRIVATE, SHMMAX + 1, 0600), -EINVAL);
}

static void test_newseg__file_dentry_inode_state(void **s)
{
	struct file *f;
	struct dentry *d;

	(void)s;
	assert_int_equal(sys_shmget(0x4d2, 2052, IPC_CREAT | 0666), 0);
	f = seg_file(0);
	d = f->f_path.dentry;
	assert_int_equal(f->f_count, 1);
	assert_int_equal(d->d_count, 1);
	assert_true(d->d_flags & DCACHE_UNHASHED);
	assert_string_equal((const char *)d->d_name.name, "SYSV000004d2");
	assert_int_equal(d->d_inode->i_ino, 0);
	assert_int_equal(d->d_inode->i_nlink, 0);
	assert_int_equal(d->d_inode->i_size, 2052);
}

static void test_do_shmat__new_file_per_attach(void **s)
{
	unsigned long addr = 0, addr2 = 0;
	struct file *f;
	struct vm_area_struct *vma;

	(void)s;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 2052, 0600), 0);
	f = seg_file(0);
	assert_int_equal(sys_shmat(0, NULL, 0, &addr), 0);
	assert_int_equal(addr, 0xB7FFF000UL);
	vma = find_vma(current->mm, addr);
	assert_non_null(vma);
	assert_true(sim_is_shm_vma(vma));
	assert_ptr_not_equal(vma->vm_file, f);
	assert_non_null(vma->vm_file->private_data);
	assert_int_equal(vma->vm_file->f_count, 1);
	assert_int_equal(f->f_count, 1);
	assert_int_equal(f->f_path.dentry->d_count, 2);
	assert_int_equal(vma->vm_flags & 0xff, 0xfb);
	assert_true(vma->vm_flags & VM_CAN_NONLINEAR);
	assert_int_equal(sys_shmat(0, NULL, 0, &addr2), 0);
	assert_int_equal(addr2, 0xB7FFE000UL);
	assert_int_equal(f->f_path.dentry->d_count, 3);
	assert_errno(sys_shmat(0, (char *)addr, 0, &addr2), -EINVAL);
	assert_errno(sys_shmat(0, NULL, SHM_REMAP, &addr2), -EINVAL);
	assert_errno(sys_shmat(32768, NULL, 0, &addr2), -EIDRM);
	assert_errno(sys_shmat(5, NULL, 0, &addr2), -EINVAL);
}

static void test_sys_shmdt__einval_cases(void **s)
{
	unsigned long addr = 0;

	(void)s;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 8192, 0600), 0);
	assert_int_equal(sys_shmat(0, NULL, 0, &addr), 0);
	assert_int_equal(addr, 0xB7FFE000UL);
	assert_errno(sys_shmdt((char *)(addr + 1)), -EINVAL);
	assert_errno(sys_shmdt((char *)(addr + 4096)), -EINVAL);
	assert_errno(sys_shmdt((char *)0x10000000), -EINVAL);
	assert_int_equal(sys_shmdt((char *)addr), 0);
	assert_errno(sys_shmdt((char *)addr), -EINVAL);
}

static void test_ipc_rmid__deferred_until_last_detach(void **s)
{
	unsigned long addr = 0;
	struct sim_shm_info info;
	struct dentry *d;

	(void)s;
	assert_int_equal(sys_shmget(0x10, 4096, IPC_CREAT | 0600), 0);
	assert_int_equal(sys_shmat(0, NULL, 0, &addr), 0);
	d = seg_file(0)->f_path.dentry;
	assert_int_equal(sys_shmctl(0, IPC_RMID, NULL), 0);
	assert_true(sim_shm_lookup(0, &info));
	assert_int_equal(info.key, IPC_PRIVATE);
	assert_true(info.mode & SHM_DEST);
	assert_int_equal(info.nattch, 1);
	assert_int_equal(d->d_count, 2);
	assert_int_equal(sys_shmdt((char *)addr), 0);
	assert_false(sim_shm_lookup(0, &info));
	assert_int_equal(sim_shm_count(), 0);
}

static void test_shmem_fault__page_in_cache(void **s)
{
	unsigned long addr = 0;
	struct vm_area_struct *vma;
	struct vm_fault vmf = { 0 };
	struct inode *inode;
	unsigned long shmem0 = global_page_state(NR_SHMEM);
	int ret;

	(void)s;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
	assert_int_equal(sys_shmat(0, NULL, 0, &addr), 0);
	vma = find_vma(current->mm, addr);
	inode = vma->vm_file->f_path.dentry->d_inode;
	vmf.pgoff = 0;
	ret = vma->vm_ops->fault(vma, &vmf);
	assert_int_equal(ret, VM_FAULT_LOCKED);
	assert_non_null(vmf.page);
	assert_int_equal(inode->i_mapping->nrpages, 1);
	assert_int_equal(global_page_state(NR_SHMEM), shmem0 + 1);
	assert_int_equal(page_count(vmf.page), 2);
	unlock_page(vmf.page);
	put_page(vmf.page);
	vmf.pgoff = 1;
	vmf.page = NULL;
	assert_int_equal(vma->vm_ops->fault(vma, &vmf), VM_FAULT_SIGBUS);
	assert_int_equal(sys_shmdt((char *)addr), 0);
	assert_int_equal(sys_shmctl(0, IPC_RMID, NULL), 0);
	assert_int_equal(global_page_state(NR_SHMEM), shmem0);
}

static void test_sys_shmctl__stat_by_full_id_and_lock(void **s)
{
	struct shmid64_ds ds;

	(void)s;
	assert_int_equal(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
	assert_int_equal(sys_shmget(IPC_PRIVATE, 65536, 0600), 32769);
	assert_int_equal(sys_shmctl(32769, SHM_STAT, &ds), 32769);
	assert_int_equal(sys_shmctl(1, SHM_STAT, &ds), 32769);
	assert_errno(sys_shmctl(1, IPC_STAT, &ds), -EIDRM);
	assert_int_equal(sys_shmctl(0, SHM_LOCK, NULL), 0);
	assert_errno(sys_shmctl(32769, SHM_LOCK, NULL), -ENOMEM);
	assert_int_equal(sys_shmctl(0, SHM_UNLOCK, NULL), 0);
	assert_int_equal(sys_shmctl(32769, SHM_LOCK, NULL), 0);
	assert_errno(sys_shmctl(7, SHM_LOCK, NULL), -EINVAL);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sys_shmget__ids_follow_seq_and_lowest_index,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmget__existing_key_checks_in_order,
			setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_newseg__shmall_is_greater_than, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_newseg__file_dentry_inode_state, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_do_shmat__new_file_per_attach, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmdt__einval_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_ipc_rmid__deferred_until_last_detach, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_fault__page_in_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmctl__stat_by_full_id_and_lock, setup,
			teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/ipc/shm");
}
