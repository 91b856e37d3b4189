// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/ipc/test_shm.c - sim/ipc/shm.c: sys_shmget (newseg), sys_shmat
 * (shm_mmap, shm_inc), sys_shmdt (shm_close), sys_shmctl (IPC_STAT,
 * SHM_STAT, IPC_INFO, SHM_INFO, IPC_SET, SHM_LOCK, IPC_RMID, shm_destroy)
 * and /proc/sysvipc/shm.
 * The numbers are 2.4.16's (ipc/shm.c, mm/mmap.c): errnos and their order,
 * the attach addresses (0x40000000 first fit), vm_flags 0xfb/0xf9, the
 * IPC_STAT fields with the simulated clock (1000000000 at boot) and pids
 * (from 100), and that a whole segment life gives every object back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define KEY	0x4d2

static struct sim_shm_info seg(long id)
{
	struct sim_shm_info info;

	memset(&info, 0, sizeof(info));
	assert_true(sim_shm_lookup(id, &info));
	return info;
}

static struct inode *seg_inode(long id)
{
	return seg(id).file->f_dentry->d_inode;
}

static unsigned long attach(long id, unsigned long addr, int flg)
{
	unsigned long raddr = 0;

	assert_errno(sys_shmat(id, (char *)addr, flg, &raddr), 0);
	return raddr;
}

static struct shmid64_ds stat_of(long id)
{
	struct shmid64_ds ds;

	memset(&ds, 0xff, sizeof(ds));
	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	return ds;
}

/* The vma that starts exactly at addr, or a failed test. */
static struct vm_area_struct *vma_at(unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);

	assert_non_null(vma);
	assert_int_equal(vma->vm_start, addr);
	return vma;
}

/* ---- sys_shmget / newseg ---- */

static void test_sys_shmget__missing_key_without_ipc_creat_fails_enoent(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(KEY, 4096, 0600), -ENOENT);

	assert_int_equal(sim_shm_count(), 0);
}

static void test_sys_shmget__excl_on_existing_key_fails_eexist(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | IPC_EXCL | 0600),
		     -EEXIST);

	assert_int_equal(sim_shm_count(), 1);
}

static void test_sys_shmget__existing_key_with_ipc_creat_returns_its_id(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(0x99, 4096, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 32769);

	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 32769);

	assert_int_equal(sim_shm_count(), 2);
}

static void test_sys_shmget__ipc_private_always_creates(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL), 0);

	assert_errno(sys_shmget(IPC_PRIVATE, 4096, IPC_CREAT | IPC_EXCL),
		     32769);

	assert_int_equal(sim_shm_count(), 2);
}

static void test_sys_shmget__size_0_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(KEY, 0, IPC_CREAT | 0600), -EINVAL);

	assert_int_equal(sim_shm_count(), 0);
}

static void test_sys_shmget__size_over_shmmax_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(KEY, 0x2000001, IPC_CREAT | 0600), -EINVAL);

	assert_int_equal(sim_shm_count(), 0);
}

static int setup_64m(void **state)
{
	(void)state;
	return sim_setup_ram(64UL << 20);
}

/* with 16384 frames, vm_enough_memory lets a full SHMMAX segment in */
static void test_sys_shmget__size_shmmax_succeeds(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(KEY, 0x2000000, IPC_CREAT | 0600), 0);

	assert_int_equal(seg(0).segsz, 0x2000000);
	assert_int_equal(seg_inode(0)->i_size, 0x2000000);
}

static void test_sys_shmget__below_lowered_shmmax_limit(void **state)
{
	long rc;

	(void)state;
	sim_task("a", 500, 100);
	shm_ctlmax = 8192;

	rc = sys_shmget(KEY, 8193, IPC_CREAT | 0600);

	shm_ctlmax = SHMMAX;
	assert_errno(rc, -EINVAL);
}

/* shm_tot + numpages >= shm_ctlall: the last page of SHMALL never fits */
static void test_newseg__shm_tot_reaching_shmall_fails_enospc(void **state)
{
	long first, second;

	(void)state;
	sim_task("a", 500, 100);
	shm_ctlall = 2;	/* one page usable */
	first = sys_shmget(IPC_PRIVATE, 4096, 0600);

	second = sys_shmget(IPC_PRIVATE, 4096, 0600);

	shm_ctlall = SHMALL;
	assert_errno(first, 0);
	assert_errno(second, -ENOSPC);
	assert_int_equal(sim_shm_count(), 1);
}

static void test_sys_shmget__lookup_larger_than_segment_fails_einval(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmget(KEY, 4097, 0600), -EINVAL);
}

static void test_sys_shmget__lookup_with_size_0_finds_segment(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmget(KEY, 0, 0), 0);
}

static void test_sys_shmget__other_uid_without_permission_fails_eacces(
	void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	sim_task("other", 501, 101);

	assert_errno(sys_shmget(KEY, 4096, 0400), -EACCES);
}

static void test_sys_shmget__other_uid_asking_nothing_finds_segment(
	void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	sim_task("other", 501, 101);

	assert_errno(sys_shmget(KEY, 4096, 0), 0);
}

/* sys_shmget: for an existing key EEXIST, then EINVAL, then EACCES */
static void test_sys_shmget__eexist_checked_before_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmget(KEY, 8192, IPC_CREAT | IPC_EXCL | 0600),
		     -EEXIST);
}

static void test_sys_shmget__einval_checked_before_eacces(void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	sim_task("other", 501, 101);

	assert_errno(sys_shmget(KEY, 8192, 0600), -EINVAL);
}

static void test_newseg__mode_is_low_9_bits_of_shmflg(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(KEY, 4096,
				IPC_CREAT | IPC_EXCL | SHM_RDONLY | 0640), 0);

	assert_int_equal(stat_of(0).shm_perm.mode, 0640);
}

static void test_newseg__ipc_stat_fields_of_a_new_segment(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	sim_clock += 7;
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);

	ds = stat_of(0);

	assert_int_equal(ds.shm_perm.key, KEY);
	assert_int_equal(ds.shm_perm.uid, 500);
	assert_int_equal(ds.shm_perm.gid, 100);
	assert_int_equal(ds.shm_perm.cuid, 500);
	assert_int_equal(ds.shm_perm.cgid, 100);
	assert_int_equal(ds.shm_perm.mode, 0666);
	assert_int_equal(ds.shm_perm.seq, 0);
	assert_int_equal(ds.shm_segsz, 2052);	/* not rounded */
	assert_int_equal(ds.shm_atime, 0);
	assert_int_equal(ds.shm_dtime, 0);
	assert_int_equal(ds.shm_ctime, 1000000007);
	assert_int_equal(ds.shm_cpid, 100);
	assert_int_equal(ds.shm_lpid, 0);
	assert_int_equal(ds.shm_nattch, 0);
}

static void test_newseg__file_inode_and_dentry(void **state)
{
	struct inode *inode;
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(0x99, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 32769);

	file = seg(32769).file;
	inode = file->f_dentry->d_inode;
	/* the id doubles as the inode number */
	assert_int_equal(inode->i_ino, 32769);
	assert_int_equal(inode->i_size, 2052);
	assert_int_equal(inode->i_nlink, 0);
	assert_int_equal(inode->i_mode, S_IFREG | 0777);
	assert_string_equal((const char *)file->f_dentry->d_name.name,
			    "SYSV000004d2");
	assert_int_equal(file->f_count, 1);
	assert_int_equal(file->f_mode, FMODE_READ | FMODE_WRITE);
	assert_ptr_equal(file->f_vfsmnt, shm_mnt);
}

/* ---- sys_shmat / shm_mmap ---- */

static void test_sys_shmat__first_attach_at_0x40000000(void **state)
{
	struct vm_area_struct *vma;
	struct file *file;
	unsigned long raddr = 0;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);
	file = seg(0).file;

	assert_errno(sys_shmat(0, NULL, 0, &raddr), 0);

	assert_int_equal(raddr, 0x40000000);
	vma = vma_at(0x40000000);
	assert_int_equal(vma->vm_end, 0x40001000);
	assert_int_equal(vma->vm_flags, 0xfb);
	assert_int_equal(vma->vm_page_prot.pgprot, 0x27);	/* SHARED */
	assert_int_equal(vma->vm_pgoff, 0);
	assert_ptr_equal(vma->vm_file, file);
	assert_true(sim_is_shm_vma(vma));
	assert_ptr_equal(file->f_dentry->d_inode->i_mapping->i_mmap_shared,
			 vma);
	assert_int_equal(file->f_count, 2);
	assert_int_equal(seg(0).nattch, 1);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(current->mm->total_vm, 1);
	assert_int_equal(current->mm->rss, 0);	/* no page yet */
}

static void test_sys_shmat__second_attach_in_same_task_at_0x40001000(
	void **state)
{
	unsigned long raddr = 0;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);

	assert_errno(sys_shmat(0, NULL, 0, &raddr), 0);

	assert_int_equal(raddr, 0x40001000);
	assert_int_equal(seg(0).nattch, 2);
	assert_int_equal(seg(0).file->f_count, 3);
	assert_int_equal(current->mm->map_count, 2);
}

static void test_sys_shmat__rdonly_gives_vm_flags_0xf9(void **state)
{
	struct vm_area_struct *vma;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_int_equal(attach(0, 0, SHM_RDONLY), 0x40000000);

	vma = vma_at(0x40000000);
	assert_int_equal(vma->vm_flags, 0xf9);
	assert_int_equal(vma->vm_page_prot.pgprot, 0x25);	/* READONLY */
}

static void test_sys_shmat__sets_atime_and_lpid(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	sim_task("user", 501, 101);
	sim_clock += 5;

	attach(0, 0, 0);

	ds = stat_of(0);
	assert_int_equal(ds.shm_atime, 1000000005);
	assert_int_equal(ds.shm_lpid, 101);
	assert_int_equal(ds.shm_dtime, 0);
	assert_int_equal(ds.shm_nattch, 1);
}

static void test_sys_shmat__negative_id_fails_einval(void **state)
{
	unsigned long raddr = 0x1234;

	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmat(-1, NULL, 0, &raddr), -EINVAL);

	assert_int_equal(raddr, 0x1234);
}

static void test_sys_shmat__unaligned_address_without_rnd_fails_einval(
	void **state)
{
	unsigned long raddr = 0x1234;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmat(0, (char *)0x50000123, 0, &raddr), -EINVAL);

	assert_int_equal(raddr, 0x1234);
	assert_int_equal(seg(0).nattch, 0);
	assert_int_equal(current->mm->map_count, 0);
}

static void test_sys_shmat__shm_rnd_rounds_down(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_int_equal(attach(0, 0x50000fff, SHM_RND), 0x50000000);

	assert_int_equal(vma_at(0x50000000)->vm_end, 0x50001000);
}

/* sys_shmat: rounding down to 0 still means MAP_FIXED at address 0 */
static void test_sys_shmat__shm_rnd_to_0_maps_at_address_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_int_equal(attach(0, 0x123, SHM_RND), 0);

	assert_int_equal(vma_at(0)->vm_end, 0x1000);
	assert_int_equal(seg(0).nattch, 1);
}

static void test_sys_shmat__fixed_address_at_task_size_fails_einval(
	void **state)
{
	unsigned long raddr = 0;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmat(0, (char *)0xc0000000, 0, &raddr), -EINVAL);

	assert_int_equal(raddr, (unsigned long)-EINVAL);  /* stored anyway */
	assert_int_equal(seg(0).nattch, 0);		  /* pin released */
}

static void test_sys_shmat__other_uid_read_write_fails_eacces(void **state)
{
	unsigned long raddr = 0;

	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0644), 0);
	sim_task("other", 501, 101);

	assert_errno(sys_shmat(0, NULL, 0, &raddr), -EACCES);

	assert_int_equal(seg(0).nattch, 0);
	assert_int_equal(current->mm->map_count, 0);
}

static void test_sys_shmat__other_uid_rdonly_with_read_bit_succeeds(
	void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0644), 0);
	sim_task("other", 501, 101);

	assert_int_equal(attach(0, 0, SHM_RDONLY), 0x40000000);

	assert_int_equal(seg(0).nattch, 1);
}

/* SHM_REMAP is defined in 2.4.16 but never read */
static void test_sys_shmat__shm_remap_is_ignored(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_int_equal(attach(0, 0, SHM_REMAP), 0x40000000);

	assert_int_equal(vma_at(0x40000000)->vm_flags, 0xfb);
}

/* a SHM_DEST segment stays in its slot: shmat by id still works */
static void test_sys_shmat__dest_segment_still_attachable_by_id(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(attach(0, 0, 0), 0x40001000);

	assert_int_equal(seg(0).nattch, 2);
	assert_int_equal(seg(0).mode, SHM_DEST | 0666);
}

/* MAP_FIXED over another segment's attach: its shm_close runs */
static void test_sys_shmat__fixed_over_other_attach_replaces_it(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(0x1, 4096, IPC_CREAT | 0666), 0);
	assert_errno(sys_shmget(0x2, 4096, IPC_CREAT | 0666), 32769);
	attach(0, 0x50000000, 0);

	assert_int_equal(attach(32769, 0x50000000, 0), 0x50000000);

	assert_int_equal(seg(0).nattch, 0);
	assert_int_equal(seg(0).file->f_count, 1);
	assert_int_equal(seg(32769).nattch, 1);
	assert_ptr_equal(vma_at(0x50000000)->vm_file, seg(32769).file);
	assert_int_equal(current->mm->map_count, 1);
}

/*
 * Re-attaching a SHM_DEST segment over its own only attach: do_munmap's
 * shm_close drops nattch to 1, not 0, because sys_shmat's pin holds it.
 */
static void test_sys_shmat__pin_keeps_dest_segment_over_own_attach(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0x50000000, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(attach(0, 0x50000000, 0), 0x50000000);

	assert_int_equal(sim_shm_count(), 1);
	assert_int_equal(seg(0).nattch, 1);
	assert_int_equal(current->mm->map_count, 1);
}

/* ---- sys_shmdt / shm_close ---- */

static void test_sys_shmdt__detaches_and_sets_dtime_lpid(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);
	sim_task("user", 501, 101);
	attach(0, 0, 0);
	sim_clock += 9;

	assert_errno(sys_shmdt((char *)0x40000000), 0);

	ds = stat_of(0);
	assert_int_equal(ds.shm_nattch, 1);
	assert_int_equal(ds.shm_dtime, 1000000009);
	assert_int_equal(ds.shm_lpid, 101);
	assert_int_equal(current->mm->map_count, 0);
	assert_int_equal(current->mm->total_vm, 0);
	assert_int_equal(seg(0).file->f_count, 2);
}

static void test_sys_shmdt__address_without_attach_returns_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);

	assert_errno(sys_shmdt((char *)0x40001000), 0);

	assert_int_equal(seg(0).nattch, 1);
	assert_int_equal(current->mm->map_count, 1);
}

/* no alignment check either (later kernels say EINVAL) */
static void test_sys_shmdt__unaligned_address_returns_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);

	assert_errno(sys_shmdt((char *)0x40000123), 0);

	assert_int_equal(seg(0).nattch, 1);
}

static void test_sys_shmdt__only_the_attach_at_that_address(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);
	attach(0, 0, 0);

	assert_errno(sys_shmdt((char *)0x40001000), 0);

	assert_int_equal(seg(0).nattch, 1);
	assert_int_equal(vma_at(0x40000000)->vm_end, 0x40001000);
	assert_null(find_vma(current->mm, 0x40001000));
}

/* every fragment's vm_start - vm_pgoff * 4096 is the attach address */
static void test_sys_shmdt__detaches_every_fragment_of_an_attach(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 3 * 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);
	assert_errno(sys_munmap(0x40001000, 4096), 0);
	assert_int_equal(seg(0).nattch, 2);

	assert_errno(sys_shmdt((char *)0x40000000), 0);

	assert_int_equal(seg(0).nattch, 0);
	assert_int_equal(current->mm->map_count, 0);
	assert_int_equal(seg(0).file->f_count, 1);
}

static void test_sys_shmdt__fragment_start_is_not_an_attach_address(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 3 * 4096, IPC_CREAT | 0666), 0);
	attach(0, 0, 0);
	assert_errno(sys_munmap(0x40000000, 4096), 0);

	assert_errno(sys_shmdt((char *)0x40001000), 0);

	assert_int_equal(seg(0).nattch, 1);
	assert_int_equal(vma_at(0x40001000)->vm_pgoff, 1);
}

static void test_sys_shmdt__leaves_anonymous_shared_mapping(void **state)
{
	unsigned long addr;

	(void)state;
	sim_task("a", 500, 100);
	addr = sys_mmap2(0, 4096, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(addr, 0x40000000);

	assert_errno(sys_shmdt((char *)addr), 0);

	assert_int_equal(current->mm->map_count, 1);
}

/* ---- sys_shmctl: IPC_RMID and shm_destroy ---- */

static void test_sys_shmctl__rmid_unattached_destroys_at_once(void **state)
{
	struct shmid64_ds ds;
	struct dentry *root = shm_mnt->mnt_root;
	int d_count = root->d_count, mnt_count = shm_mnt->mnt_count;
	int nr_dentry = dentry_stat.nr_dentry;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(sim_shm_count(), 0);
	assert_errno(sys_shmctl(0, IPC_STAT, &ds), -EINVAL);
	assert_int_equal(root->d_count, d_count);
	assert_int_equal(shm_mnt->mnt_count, mnt_count);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
}

static void test_sys_shmctl__rmid_attached_marks_dest_and_clears_key(
	void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	ds = stat_of(0);
	assert_int_equal(ds.shm_perm.key, IPC_PRIVATE);
	assert_int_equal(ds.shm_perm.mode, SHM_DEST | 0600);
	assert_int_equal(ds.shm_nattch, 1);
	assert_int_equal(sim_shm_count(), 1);
	/* the dentry keeps the old key's name */
	assert_string_equal(
		(const char *)seg(0).file->f_dentry->d_name.name,
		"SYSV000004d2");
}

static void test_sys_shmget__old_key_after_dest_creates_new_segment(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 32769);

	assert_int_equal(sim_shm_count(), 2);
	assert_int_equal(seg(32769).key, KEY);
	assert_int_equal(seg(0).key, IPC_PRIVATE);
}

static void test_sys_shmget__old_key_after_dest_without_creat_enoent(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_errno(sys_shmget(KEY, 4096, 0600), -ENOENT);
}

static void test_shm_close__last_detach_of_dest_segment_destroys(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);
	assert_errno(sys_shmdt((char *)0x40000000), 0);
	assert_int_equal(sim_shm_count(), 1);

	assert_errno(sys_shmdt((char *)0x40001000), 0);

	assert_int_equal(sim_shm_count(), 0);
	assert_int_equal(sim_shm_max_slot(), -1);
}

static void test_sys_shmctl__rmid_twice_on_dest_segment_returns_0(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(seg(0).mode, SHM_DEST | 0600);
	assert_int_equal(seg(0).nattch, 1);
}

static void test_sys_shmctl__rmid_by_stranger_fails_eperm(void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	sim_task("other", 501, 100);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), -EPERM);

	assert_int_equal(sim_shm_count(), 1);
}

static void test_sys_shmctl__rmid_by_root_succeeds(void **state)
{
	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	sim_task("root", 0, 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(sim_shm_count(), 0);
}

static void test_sys_shmctl__rmid_by_creator_after_owner_changed(
	void **state)
{
	struct shmid64_ds set;

	(void)state;
	sim_task("creator", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	memset(&set, 0, sizeof(set));
	set.shm_perm.uid = 600;
	set.shm_perm.gid = 200;
	set.shm_perm.mode = 0600;
	assert_errno(sys_shmctl(0, IPC_SET, &set), 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(sim_shm_count(), 0);
}

/*
 * A whole life: shmget, shmat, a write, shmdt, IPC_RMID. Every count is
 * back where it was, the page table too (free_pgtables on the shmdt).
 */
static void test_sys_shmctl__full_cycle_gives_every_object_back(
	void **state)
{
	struct shmem_sb_info *sbinfo = &shm_mnt->mnt_sb->u.shmem_sb;
	int nr_dentry, nr_inodes, files, d_count, mnt_count;
	unsigned long vmas, free_pages, free_inodes, free_blocks, cached;
	unsigned long addr;
	struct task_struct *tsk;

	(void)state;
	tsk = sim_task("a", 500, 100);
	nr_dentry = dentry_stat.nr_dentry;
	nr_inodes = inodes_stat.nr_inodes;
	files = files_stat.nr_files - files_stat.nr_free_files;
	vmas = vm_area_cachep->active_objs;
	free_pages = nr_free_pages();
	free_inodes = sbinfo->free_inodes;
	free_blocks = sbinfo->free_blocks;
	cached = page_cache_size;
	d_count = shm_mnt->mnt_root->d_count;
	mnt_count = shm_mnt->mnt_count;
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);
	addr = attach(0, 0, 0);
	assert_int_equal(sim_user_access(addr, "hello", 5, 1, NULL), 0);
	assert_errno(sys_shmdt((char *)addr), 0);

	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes);
	assert_int_equal(files_stat.nr_files - files_stat.nr_free_files, files);
	assert_int_equal(vm_area_cachep->active_objs, vmas);
	assert_int_equal(page_tables(tsk->mm), 0);	/* free_pgtables */
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(sbinfo->free_inodes, free_inodes);
	assert_int_equal(sbinfo->free_blocks, free_blocks);
	assert_int_equal(page_cache_size, cached);
	assert_int_equal(shm_mnt->mnt_root->d_count, d_count);
	assert_int_equal(shm_mnt->mnt_count, mnt_count);
	assert_int_equal(sim_shm_count(), 0);
}

/* The same with IPC_RMID first: the last shmdt does the teardown. */
static void test_shm_close__deferred_destroy_gives_every_object_back(
	void **state)
{
	int nr_dentry, nr_inodes, files;
	unsigned long vmas, free_pages, addr;
	struct task_struct *tsk;

	(void)state;
	tsk = sim_task("a", 500, 100);
	nr_dentry = dentry_stat.nr_dentry;
	nr_inodes = inodes_stat.nr_inodes;
	files = files_stat.nr_files - files_stat.nr_free_files;
	vmas = vm_area_cachep->active_objs;
	free_pages = nr_free_pages();
	assert_errno(sys_shmget(KEY, 8192, IPC_CREAT | 0666), 0);
	addr = attach(0, 0, 0);
	assert_int_equal(sim_user_access(addr + 4096, "x", 1, 1, NULL), 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	assert_errno(sys_shmdt((char *)addr), 0);

	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes);
	assert_int_equal(files_stat.nr_files - files_stat.nr_free_files, files);
	assert_int_equal(vm_area_cachep->active_objs, vmas);
	assert_int_equal(page_tables(tsk->mm), 0);	/* free_pgtables */
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(sim_shm_count(), 0);
}

/* ---- sys_shmctl: the other commands ---- */

static void test_sys_shmctl__negative_id_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmctl(-1, IPC_STAT, &ds), -EINVAL);
}

static void test_sys_shmctl__negative_cmd_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmctl(0, -1, &ds), -EINVAL);
}

/* no SHM_STAT_ANY (15) in 2.4 */
static void test_sys_shmctl__unknown_cmd_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmctl(0, 15, &ds), -EINVAL);
}

static void test_sys_shmctl__ipc_stat_with_ipc_64_flag(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);

	assert_errno(sys_shmctl(0, IPC_STAT | IPC_64, &ds), 0);

	assert_int_equal(ds.shm_segsz, 2052);
}

static void test_sys_shmctl__ipc_stat_without_read_permission_eacces(
	void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	sim_task("other", 501, 101);

	assert_errno(sys_shmctl(0, IPC_STAT, &ds), -EACCES);
}

static void test_sys_shmctl__ipc_stat_null_buffer_fails_efault(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmctl(0, IPC_STAT, NULL), -EFAULT);
}

static void test_sys_shmctl__shm_stat_past_max_id_fails_einval(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 32769);
	assert_errno(sys_shmctl(32769, IPC_RMID, NULL), 0);

	assert_errno(sys_shmctl(1, SHM_STAT, &ds), -EINVAL);
}

/* SHM_STAT takes a slot and returns the full id */
static void test_sys_shmctl__shm_stat_returns_the_id(void **state)
{
	struct shmid64_ds ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0600), 32769);

	assert_errno(sys_shmctl(1, SHM_STAT, &ds), 32769);

	assert_int_equal(ds.shm_perm.key, KEY);
	assert_int_equal(ds.shm_segsz, 2052);
}

static void test_sys_shmctl__ipc_info_limits(void **state)
{
	struct shminfo64 info;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 32769);

	assert_errno(sys_shmctl(0, IPC_INFO, &info), 1);	/* max_id */

	assert_int_equal(info.shmmax, 0x2000000);
	assert_int_equal(info.shmmin, 1);
	assert_int_equal(info.shmmni, 4096);
	assert_int_equal(info.shmseg, 4096);
	assert_int_equal(info.shmall, 2097152);
}

static void test_sys_shmctl__shm_info_usage(void **state)
{
	struct shm_info info;
	unsigned long addr;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmget(IPC_PRIVATE, 8192, 0600), 32769);
	addr = attach(32769, 0, 0);
	assert_int_equal(sim_user_touch(addr + 4096, 1), 0);

	assert_errno(sys_shmctl(0, SHM_INFO, &info), 1);

	assert_int_equal(info.used_ids, 2);
	assert_int_equal(info.shm_tot, 3);
	assert_int_equal(info.shm_rss, 1);
	assert_int_equal(info.shm_swp, 0);
}

static void test_sys_shmctl__info_with_no_segments_returns_0(void **state)
{
	struct shm_info info;

	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmctl(0, SHM_INFO, &info), 0);

	assert_int_equal(info.used_ids, 0);
	assert_int_equal(info.shm_tot, 0);
}

static void test_sys_shmctl__ipc_set_changes_owner_and_low_mode_bits(
	void **state)
{
	struct shmid64_ds set, ds;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);
	memset(&set, 0, sizeof(set));
	set.shm_perm.uid = 600;
	set.shm_perm.gid = 200;
	set.shm_perm.mode = SHM_LOCKED | 0644;
	sim_clock += 3;

	assert_errno(sys_shmctl(0, IPC_SET, &set), 0);

	ds = stat_of(0);
	assert_int_equal(ds.shm_perm.uid, 600);
	assert_int_equal(ds.shm_perm.gid, 200);
	assert_int_equal(ds.shm_perm.cuid, 500);
	assert_int_equal(ds.shm_perm.cgid, 100);
	assert_int_equal(ds.shm_perm.mode, SHM_DEST | 0644);
	assert_int_equal(ds.shm_ctime, 1000000003);
}

static void test_sys_shmctl__ipc_set_by_stranger_fails_eperm(void **state)
{
	struct shmid64_ds set;

	(void)state;
	sim_task("owner", 500, 100);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0666), 0);
	sim_task("other", 501, 100);
	memset(&set, 0, sizeof(set));
	set.shm_perm.mode = 0777;

	assert_errno(sys_shmctl(0, IPC_SET, &set), -EPERM);

	assert_int_equal(seg(0).mode, 0666);
}

/* the buffer is read before the id is looked up */
static void test_sys_shmctl__ipc_set_null_buffer_efault_before_lookup(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmctl(12345, IPC_SET, NULL), -EFAULT);
}

static void test_sys_shmctl__shm_lock_by_user_fails_eperm_before_lookup(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmctl(12345, SHM_LOCK, NULL), -EPERM);
}

static void test_sys_shmctl__shm_lock_by_root_sets_locked(void **state)
{
	(void)state;
	sim_task("root", 0, 0);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);

	assert_errno(sys_shmctl(0, SHM_LOCK, NULL), 0);

	assert_int_equal(seg(0).mode, SHM_LOCKED | 0600);
	assert_int_equal(SHMEM_I(seg_inode(0))->locked, 1);
}

static void test_sys_shmctl__shm_unlock_clears_locked(void **state)
{
	(void)state;
	sim_task("root", 0, 0);
	assert_errno(sys_shmget(KEY, 4096, IPC_CREAT | 0600), 0);
	assert_errno(sys_shmctl(0, SHM_LOCK, NULL), 0);

	assert_errno(sys_shmctl(0, SHM_UNLOCK, NULL), 0);

	assert_int_equal(seg(0).mode, 0600);
	assert_int_equal(SHMEM_I(seg_inode(0))->locked, 0);
}

/* ---- /proc/sysvipc/shm ---- */

/*
 * The stream writes through &text until fclose, so text belongs to the
 * caller: a local of this function would be a dangling target to gcc -O2.
 */
static void read_proc(char **text)
{
	size_t len = 0;
	FILE *f;

	*text = NULL;
	f = open_memstream(text, &len);
	assert_non_null(f);
	sysvipc_shm_read_proc(f);
	fclose(f);
}

static void test_sysvipc_shm_read_proc__one_line_per_segment(void **state)
{
	char *text;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 2052, IPC_CREAT | 0666), 0);

	read_proc(&text);

	assert_string_equal(text,
		"       key      shmid perms       size  cpid  lpid nattch   "
		"uid   gid  cuid  cgid      atime      dtime      ctime\n"
		"      1234          0   666       2052   100     0      0   "
		"500   100   500   100          0          0 1000000000\n");
	free(text);
}

static void test_sysvipc_shm_read_proc__dest_segment_key_0_perms_1600(
	void **state)
{
	char *text;

	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(KEY, 8192, IPC_CREAT | 0600), 0);
	sim_task("b", 500, 100);
	sim_clock += 5;
	attach(0, 0, 0);
	assert_errno(sys_shmctl(0, IPC_RMID, NULL), 0);

	read_proc(&text);

	assert_non_null(strchr(text, '\n'));
	assert_string_equal(strchr(text, '\n') + 1,
		"         0          0  1600       8192   100   101      1   "
		"500   100   500   100 1000000005          0 1000000000\n");
	free(text);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_sys_shmget__missing_key_without_ipc_creat_fails_enoent),
		T(test_sys_shmget__excl_on_existing_key_fails_eexist),
		T(test_sys_shmget__existing_key_with_ipc_creat_returns_its_id),
		T(test_sys_shmget__ipc_private_always_creates),
		T(test_sys_shmget__size_0_fails_einval),
		T(test_sys_shmget__size_over_shmmax_fails_einval),
		cmocka_unit_test_setup_teardown(
			test_sys_shmget__size_shmmax_succeeds, setup_64m,
			sim_teardown),
		T(test_sys_shmget__below_lowered_shmmax_limit),
		T(test_newseg__shm_tot_reaching_shmall_fails_enospc),
		T(test_sys_shmget__lookup_larger_than_segment_fails_einval),
		T(test_sys_shmget__lookup_with_size_0_finds_segment),
		T(test_sys_shmget__other_uid_without_permission_fails_eacces),
		T(test_sys_shmget__other_uid_asking_nothing_finds_segment),
		T(test_sys_shmget__eexist_checked_before_einval),
		T(test_sys_shmget__einval_checked_before_eacces),
		T(test_newseg__mode_is_low_9_bits_of_shmflg),
		T(test_newseg__ipc_stat_fields_of_a_new_segment),
		T(test_newseg__file_inode_and_dentry),
		T(test_sys_shmat__first_attach_at_0x40000000),
		T(test_sys_shmat__second_attach_in_same_task_at_0x40001000),
		T(test_sys_shmat__rdonly_gives_vm_flags_0xf9),
		T(test_sys_shmat__sets_atime_and_lpid),
		T(test_sys_shmat__negative_id_fails_einval),
		T(test_sys_shmat__unaligned_address_without_rnd_fails_einval),
		T(test_sys_shmat__shm_rnd_rounds_down),
		T(test_sys_shmat__shm_rnd_to_0_maps_at_address_0),
		T(test_sys_shmat__fixed_address_at_task_size_fails_einval),
		T(test_sys_shmat__other_uid_read_write_fails_eacces),
		T(test_sys_shmat__other_uid_rdonly_with_read_bit_succeeds),
		T(test_sys_shmat__shm_remap_is_ignored),
		T(test_sys_shmat__dest_segment_still_attachable_by_id),
		T(test_sys_shmat__fixed_over_other_attach_replaces_it),
		T(test_sys_shmat__pin_keeps_dest_segment_over_own_attach),
		T(test_sys_shmdt__detaches_and_sets_dtime_lpid),
		T(test_sys_shmdt__address_without_attach_returns_0),
		T(test_sys_shmdt__unaligned_address_returns_0),
		T(test_sys_shmdt__only_the_attach_at_that_address),
		T(test_sys_shmdt__detaches_every_fragment_of_an_attach),
		T(test_sys_shmdt__fragment_start_is_not_an_attach_address),
		T(test_sys_shmdt__leaves_anonymous_shared_mapping),
		T(test_sys_shmctl__rmid_unattached_destroys_at_once),
		T(test_sys_shmctl__rmid_attached_marks_dest_and_clears_key),
		T(test_sys_shmget__old_key_after_dest_creates_new_segment),
		T(test_sys_shmget__old_key_after_dest_without_creat_enoent),
		T(test_shm_close__last_detach_of_dest_segment_destroys),
		T(test_sys_shmctl__rmid_twice_on_dest_segment_returns_0),
		T(test_sys_shmctl__rmid_by_stranger_fails_eperm),
		T(test_sys_shmctl__rmid_by_root_succeeds),
		T(test_sys_shmctl__rmid_by_creator_after_owner_changed),
		T(test_sys_shmctl__full_cycle_gives_every_object_back),
		T(test_shm_close__deferred_destroy_gives_every_object_back),
		T(test_sys_shmctl__negative_id_fails_einval),
		T(test_sys_shmctl__negative_cmd_fails_einval),
		T(test_sys_shmctl__unknown_cmd_fails_einval),
		T(test_sys_shmctl__ipc_stat_with_ipc_64_flag),
		T(test_sys_shmctl__ipc_stat_without_read_permission_eacces),
		T(test_sys_shmctl__ipc_stat_null_buffer_fails_efault),
		T(test_sys_shmctl__shm_stat_past_max_id_fails_einval),
		T(test_sys_shmctl__shm_stat_returns_the_id),
		T(test_sys_shmctl__ipc_info_limits),
		T(test_sys_shmctl__shm_info_usage),
		T(test_sys_shmctl__info_with_no_segments_returns_0),
		T(test_sys_shmctl__ipc_set_changes_owner_and_low_mode_bits),
		T(test_sys_shmctl__ipc_set_by_stranger_fails_eperm),
		T(test_sys_shmctl__ipc_set_null_buffer_efault_before_lookup),
		T(test_sys_shmctl__shm_lock_by_user_fails_eperm_before_lookup),
		T(test_sys_shmctl__shm_lock_by_root_sets_locked),
		T(test_sys_shmctl__shm_unlock_clears_locked),
		T(test_sysvipc_shm_read_proc__one_line_per_segment),
		T(test_sysvipc_shm_read_proc__dest_segment_key_0_perms_1600),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "ipc/shm");
}
