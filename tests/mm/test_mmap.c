// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_mmap.c - sim/mm/mmap.c (and the mmap2/munmap entry of
 * sim/arch/sys_i386.c): do_mmap_pgoff, get_unmapped_area and
 * arch_get_unmapped_area, find_vma, find_vma_prev, vma_merge, do_munmap
 * with unmap_fixup's four cases, free_pgtables, and sim_mm_check
 * (validate_mm).
 * Anonymous mappings are made as a program would make them,
 * sys_mmap2(addr, len, prot, MAP_SHARED|MAP_ANONYMOUS or
 * MAP_PRIVATE|MAP_ANONYMOUS, -1, 0); shm attaches come from sys_shmat.
 * After each step the address space is checked: list sorted, equal to the
 * rb-tree's in-order walk, red-black properties, map_count, total_vm, rss.
 * A seeded random run of 400 steps compares the vma list with a page map
 * of what must be mapped, and each page's bytes with what was written.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define RW		(PROT_READ | PROT_WRITE)
#define SHARED_ANON	(MAP_SHARED | MAP_ANONYMOUS)
#define PRIVATE_ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define MAP_NORESERVE	0x4000		/* include/asm-i386/mman.h */
#define BASE		0x40000000UL

static void check_mm(void)
{
	char why[256];
	int err = sim_mm_check(current->mm, why, sizeof(why));

	if (err)
		print_error("sim_mm_check() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

static unsigned long mmap_anon(unsigned long addr, unsigned long len,
			       unsigned long prot, unsigned long flags)
{
	unsigned long ret = sys_mmap2(addr, len, prot, flags, -1, 0);

	check_mm();
	return ret;
}

static void munmap_ok(unsigned long addr, unsigned long len)
{
	assert_errno(sys_munmap(addr, len), 0);
	check_mm();
}

/* The vma that starts exactly at addr and ends at end. */
static struct vm_area_struct *vma_is(unsigned long addr, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);

	assert_non_null(vma);
	assert_int_equal(vma->vm_start, addr);
	assert_int_equal(vma->vm_end, end);
	return vma;
}

/* a 4-page segment attached at 0x40000000 */
static long attach_4_pages(void)
{
	unsigned long raddr = 0;
	long id = sys_shmget(IPC_PRIVATE, 4 * 4096, 0600);

	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(raddr, BASE);
	return id;
}

static struct sim_shm_info seg(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info;
}

/* ---- do_mmap_pgoff ---- */

static void test_do_mmap_pgoff__shared_anonymous_gets_dev_zero_file(
	void **state)
{
	struct vm_area_struct *vma;
	struct inode *inode;

	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 8192, RW, SHARED_ANON), BASE);

	vma = vma_is(BASE, BASE + 8192);
	assert_int_equal(vma->vm_flags, 0xfb);
	assert_int_equal(vma->vm_page_prot.pgprot, 0x27);
	assert_non_null(vma->vm_file);
	assert_ptr_equal(vma->vm_ops, &shmem_vm_ops);
	assert_false(sim_is_shm_vma(vma));
	assert_int_equal(vma->vm_file->f_count, 1);
	assert_string_equal((const char *)vma->vm_file->f_dentry->d_name.name,
			    "dev/zero");
	inode = vma->vm_file->f_dentry->d_inode;
	assert_int_equal(inode->i_size, 8192);
	assert_ptr_equal(inode->i_mapping->i_mmap_shared, vma);
	assert_int_equal(current->mm->total_vm, 2);
}

static void test_do_mmap_pgoff__private_anonymous_flags_0x73(void **state)
{
	struct vm_area_struct *vma;

	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 4096, RW, PRIVATE_ANON), BASE);

	vma = vma_is(BASE, BASE + 4096);
	assert_int_equal(vma->vm_flags, 0x73);
	assert_int_equal(vma->vm_page_prot.pgprot, 0x25);	/* PAGE_COPY */
	assert_null(vma->vm_file);
	assert_null(vma->vm_ops);
}

static void test_do_mmap_pgoff__read_only_private_flags_0x71(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 4096, PROT_READ, PRIVATE_ANON), BASE);

	assert_int_equal(vma_is(BASE, BASE + 4096)->vm_flags, 0x71);
}

static void test_do_mmap_pgoff__len_rounded_up_to_pages(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 4097, RW, SHARED_ANON), BASE);

	vma_is(BASE, BASE + 8192);
	assert_int_equal(current->mm->total_vm, 2);
}

static void test_do_mmap_pgoff__len_0_returns_addr_and_maps_nothing(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0x12345000, 0, RW, PRIVATE_ANON),
			 0x12345000);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_do_mmap_pgoff__len_over_task_size_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 0xc0001000, PROT_READ, PRIVATE_ANON),
		     -EINVAL);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_do_mmap_pgoff__no_map_type_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 4096, RW, MAP_ANONYMOUS), -EINVAL);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_do_mmap_pgoff__map_type_3_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 4096, RW, MAP_ANONYMOUS | 3), -EINVAL);

	assert_int_equal(current->mm->map_count, 0);
}

/* a private writable mapping must fit in free memory (16 MiB here) */
static void test_do_mmap_pgoff__private_writable_beyond_memory_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 64UL << 20, RW, PRIVATE_ANON), -ENOMEM);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_do_mmap_pgoff__private_noreserve_beyond_memory_maps(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 64UL << 20, RW,
				   PRIVATE_ANON | MAP_NORESERVE), BASE);

	assert_int_equal(current->mm->total_vm, 16384);
}

static void test_do_mmap_pgoff__private_read_only_beyond_memory_maps(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 64UL << 20, PROT_READ, PRIVATE_ANON),
			 BASE);
}

/* the dev/zero file asks vm_enough_memory too (shmem_file_setup) */
static void test_do_mmap_pgoff__shared_beyond_memory_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 64UL << 20, RW, SHARED_ANON), -ENOMEM);

	assert_int_equal(current->mm->map_count, 0);
	assert_int_equal(current->mm->total_vm, 0);
}

/* MAP_FIXED over the middle of a mapping: the old one is split */
static void test_do_mmap_pgoff__fixed_over_middle_splits_old_mapping(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 3 * 4096, RW, SHARED_ANON);

	assert_int_equal(mmap_anon(BASE + 4096, 4096, PROT_READ,
				   SHARED_ANON | MAP_FIXED), BASE + 4096);

	vma_is(BASE, BASE + 4096);
	assert_int_equal(vma_is(BASE + 4096, BASE + 8192)->vm_flags, 0xf9);
	assert_int_equal(vma_is(BASE + 8192, BASE + 12288)->vm_pgoff, 2);
	assert_int_equal(current->mm->map_count, 3);
	assert_int_equal(current->mm->total_vm, 3);
}

/* ---- vma_merge: anonymous private mappings grow instead ---- */

static void test_vma_merge__adjacent_private_mapping_extends_prev(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, PRIVATE_ANON);

	assert_int_equal(mmap_anon(0, 4096, RW, PRIVATE_ANON), BASE + 4096);

	vma_is(BASE, BASE + 8192);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(current->mm->total_vm, 2);
}

static void test_vma_merge__mapping_just_below_extends_next_down(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(BASE + 4096, 4096, RW, PRIVATE_ANON | MAP_FIXED);

	assert_int_equal(mmap_anon(BASE, 4096, RW, PRIVATE_ANON | MAP_FIXED),
			 BASE);

	vma_is(BASE, BASE + 8192);
	assert_int_equal(current->mm->map_count, 1);
}

static void test_vma_merge__filling_a_gap_joins_both_neighbours(
	void **state)
{
	struct vm_area_struct *before;

	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(BASE, 4096, RW, PRIVATE_ANON | MAP_FIXED);
	mmap_anon(BASE + 8192, 4096, RW, PRIVATE_ANON | MAP_FIXED);
	before = find_vma(current->mm, BASE);
	assert_int_equal(vm_area_cachep->active_objs, 2);

	assert_int_equal(mmap_anon(BASE + 4096, 4096, RW,
				   PRIVATE_ANON | MAP_FIXED), BASE + 4096);

	assert_ptr_equal(vma_is(BASE, BASE + 12288), before);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(vm_area_cachep->active_objs, 1);
	assert_int_equal(current->mm->total_vm, 3);
}

static void test_vma_merge__different_protection_does_not_merge(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, PRIVATE_ANON);

	assert_int_equal(mmap_anon(0, 4096, PROT_READ, PRIVATE_ANON),
			 BASE + 4096);

	assert_int_equal(current->mm->map_count, 2);
}

static void test_vma_merge__shared_anonymous_never_merges(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, SHARED_ANON);

	assert_int_equal(mmap_anon(0, 4096, RW, SHARED_ANON), BASE + 4096);

	assert_int_equal(current->mm->map_count, 2);
}

/* 2.4.16 tries to merge only when the tree is not empty (rb_parent) */
static void test_vma_merge__first_mapping_is_a_new_vma(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 4096, RW, PRIVATE_ANON), BASE);

	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(vm_area_cachep->active_objs, 1);
}

/* ---- get_unmapped_area / arch_get_unmapped_area ---- */

static void test_arch_get_unmapped_area__first_fit_fills_hole(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, SHARED_ANON);
	mmap_anon(0, 4096, RW, SHARED_ANON);
	mmap_anon(0, 4096, RW, SHARED_ANON);
	munmap_ok(BASE + 4096, 4096);

	/* two pages do not fit the one-page hole, one page does */
	assert_int_equal(mmap_anon(0, 8192, RW, SHARED_ANON), BASE + 12288);
	assert_int_equal(mmap_anon(0, 4096, RW, SHARED_ANON), BASE + 4096);

	assert_int_equal(current->mm->map_count, 4);
}

static void test_arch_get_unmapped_area__hint_taken_when_free(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0x50000000, 4096, RW, SHARED_ANON),
			 0x50000000);

	vma_is(0x50000000, 0x50001000);
}

static void test_arch_get_unmapped_area__hint_below_base_taken(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0x10000, 4096, RW, SHARED_ANON), 0x10000);

	vma_is(0x10000, 0x11000);
}

static void test_arch_get_unmapped_area__hint_rounded_up_to_a_page(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0x50000001, 4096, RW, SHARED_ANON),
			 0x50001000);
}

static void test_arch_get_unmapped_area__busy_hint_falls_back_to_base(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0x50000000, 8192, RW, SHARED_ANON | MAP_FIXED);

	assert_int_equal(mmap_anon(0x50001000, 4096, RW, SHARED_ANON), BASE);
}

static void test_arch_get_unmapped_area__len_task_size_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, TASK_SIZE, PROT_READ, PRIVATE_ANON), -ENOMEM);
}

static void test_arch_get_unmapped_area__two_gib_fits_exactly_above_base(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, 0x80000000, PROT_READ, PRIVATE_ANON),
			 BASE);

	vma_is(BASE, TASK_SIZE);
}

static void test_arch_get_unmapped_area__no_hole_left_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 0x80000000, PROT_READ, PRIVATE_ANON);

	assert_errno(mmap_anon(0, 4096, PROT_READ, SHARED_ANON), -ENOMEM);

	assert_int_equal(current->mm->map_count, 1);
}

static void test_arch_get_unmapped_area__past_task_size_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(0, 0x80001000, PROT_READ, PRIVATE_ANON),
		     -ENOMEM);
}

static void test_get_unmapped_area__fixed_at_task_size_fails_einval(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(TASK_SIZE, 4096, RW, SHARED_ANON | MAP_FIXED),
		     -EINVAL);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_get_unmapped_area__fixed_ending_past_task_size_einval(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(TASK_SIZE - 4096, 8192, RW,
			       SHARED_ANON | MAP_FIXED), -EINVAL);

	assert_int_equal(current->mm->map_count, 0);
}

static void test_get_unmapped_area__fixed_last_page_below_task_size(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(TASK_SIZE - 4096, 4096, RW,
				   SHARED_ANON | MAP_FIXED), TASK_SIZE - 4096);

	vma_is(TASK_SIZE - 4096, TASK_SIZE);
}

static void test_get_unmapped_area__fixed_unaligned_fails_einval(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(mmap_anon(BASE + 0x123, 4096, RW,
			       SHARED_ANON | MAP_FIXED), -EINVAL);
}

/* MAP_FIXED at 0 over the whole of user space: legal, and unmappable */
static void test_get_unmapped_area__fixed_whole_user_space(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(mmap_anon(0, TASK_SIZE, PROT_READ,
				   PRIVATE_ANON | MAP_FIXED), 0);

	vma_is(0, TASK_SIZE);
	assert_int_equal(current->mm->total_vm, 786432);
	munmap_ok(0, TASK_SIZE);
	assert_int_equal(current->mm->map_count, 0);
}

/* ---- find_vma, find_vma_prev ---- */

static void test_find_vma__returns_next_vma_above_a_hole(void **state)
{
	struct vm_area_struct *a, *b;

	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(BASE, 4096, RW, SHARED_ANON | MAP_FIXED);
	mmap_anon(BASE + 0x5000, 4096, RW, SHARED_ANON | MAP_FIXED);
	a = vma_is(BASE, BASE + 4096);
	current->mm->mmap_cache = a;

	b = find_vma(current->mm, BASE + 0x2000);

	assert_non_null(b);
	assert_int_equal(b->vm_start, BASE + 0x5000);
	assert_ptr_equal(current->mm->mmap_cache, b);
	assert_ptr_equal(find_vma(current->mm, BASE + 0xfff), a);
	assert_ptr_equal(find_vma(current->mm, 0), a);
	assert_null(find_vma(current->mm, BASE + 0x6000));
}

static void test_find_vma_prev__gives_the_vma_before(void **state)
{
	struct vm_area_struct *a, *b, *prev = (void *)1;

	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(BASE, 4096, RW, SHARED_ANON | MAP_FIXED);
	mmap_anon(BASE + 0x5000, 4096, RW, SHARED_ANON | MAP_FIXED);
	a = vma_is(BASE, BASE + 4096);

	b = find_vma_prev(current->mm, BASE + 0x2000, &prev);

	assert_int_equal(b->vm_start, BASE + 0x5000);
	assert_ptr_equal(prev, a);
	assert_ptr_equal(find_vma_prev(current->mm, BASE + 0x5fff, &prev), b);
	assert_ptr_equal(prev, a);
	assert_ptr_equal(find_vma_prev(current->mm, 0x1000, &prev), a);
	assert_null(prev);
	assert_null(find_vma_prev(current->mm, BASE + 0x6000, &prev));
	assert_null(prev);
}

/* ---- do_munmap and unmap_fixup ---- */

static void test_do_munmap__head_cut_advances_pgoff(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_4_pages();

	munmap_ok(BASE, 4096);

	vma = vma_is(BASE + 4096, BASE + 4 * 4096);
	assert_int_equal(vma->vm_pgoff, 1);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(current->mm->total_vm, 3);
	assert_int_equal(seg(id).nattch, 1);
	assert_int_equal(seg(id).file->f_count, 2);
}

static void test_do_munmap__tail_cut_keeps_pgoff(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_4_pages();

	munmap_ok(BASE + 3 * 4096, 4096);

	vma = vma_is(BASE, BASE + 3 * 4096);
	assert_int_equal(vma->vm_pgoff, 0);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(current->mm->total_vm, 3);
	assert_int_equal(seg(id).nattch, 1);
}

static void test_do_munmap__hole_splits_and_opens_the_upper_part(
	void **state)
{
	struct vm_area_struct *low, *high;
	struct task_struct *a;
	struct shmid64_ds ds;
	struct inode *inode;
	unsigned long raddr = 0;
	long id;

	(void)state;
	a = sim_task("a", 500, 100);
	id = attach_4_pages();
	sim_task("b", 500, 100);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);	/* lpid 101 */
	current = a;
	sim_clock += 4;

	munmap_ok(BASE + 4096, 4096);

	low = vma_is(BASE, BASE + 4096);
	high = vma_is(BASE + 8192, BASE + 4 * 4096);
	assert_int_equal(low->vm_pgoff, 0);
	assert_int_equal(high->vm_pgoff, 2);
	assert_ptr_equal(high->vm_file, low->vm_file);
	assert_true(sim_is_shm_vma(high));
	assert_int_equal(current->mm->map_count, 2);
	assert_int_equal(current->mm->total_vm, 3);
	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	assert_int_equal(ds.shm_nattch, 3);	/* a's two parts, b's one */
	assert_int_equal(ds.shm_lpid, 100);	/* shm_open -> shm_inc */
	assert_int_equal(ds.shm_atime, 1000000004);
	assert_int_equal(seg(id).file->f_count, 4);
	inode = seg(id).file->f_dentry->d_inode;
	/* __insert_vm_struct put high first, then low, both at the head */
	assert_ptr_equal(inode->i_mapping->i_mmap_shared, low);
	assert_ptr_equal(low->vm_next_share, high);
}

static void test_do_munmap__range_over_two_vmas_and_a_gap(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(BASE, 3 * 4096, RW, SHARED_ANON | MAP_FIXED);
	mmap_anon(BASE + 5 * 4096, 3 * 4096, RW, SHARED_ANON | MAP_FIXED);

	munmap_ok(BASE + 2 * 4096, 4 * 4096);

	vma_is(BASE, BASE + 2 * 4096);
	assert_int_equal(vma_is(BASE + 6 * 4096, BASE + 8 * 4096)->vm_pgoff,
			 1);
	assert_int_equal(current->mm->map_count, 2);
	assert_int_equal(current->mm->total_vm, 4);
}

static void test_do_munmap__whole_vmas_closed_and_freed(void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_4_pages();
	mmap_anon(0, 4096, RW, SHARED_ANON);

	munmap_ok(BASE, 5 * 4096);

	assert_int_equal(current->mm->map_count, 0);
	assert_int_equal(current->mm->total_vm, 0);
	assert_int_equal(vm_area_cachep->active_objs, 0);
	assert_int_equal(seg(id).nattch, 0);
	assert_int_equal(seg(id).file->f_count, 1);
}

static void test_do_munmap__unaligned_address_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 8192, RW, SHARED_ANON);

	assert_errno(sys_munmap(BASE + 1, 4096), -EINVAL);

	vma_is(BASE, BASE + 8192);
}

static void test_do_munmap__len_0_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 8192, RW, SHARED_ANON);

	assert_errno(sys_munmap(BASE, 0), -EINVAL);

	vma_is(BASE, BASE + 8192);
}

static void test_do_munmap__past_task_size_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(TASK_SIZE - 4096, 4096, RW, SHARED_ANON | MAP_FIXED);

	assert_errno(sys_munmap(TASK_SIZE + 4096, 4096), -EINVAL);

	assert_int_equal(current->mm->map_count, 1);
}

static void test_do_munmap__len_past_task_size_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(TASK_SIZE - 4096, 4096, RW, SHARED_ANON | MAP_FIXED);

	assert_errno(sys_munmap(TASK_SIZE - 4096, 8192), -EINVAL);

	assert_int_equal(current->mm->map_count, 1);
}

static void test_do_munmap__nothing_above_returns_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, SHARED_ANON);

	assert_errno(sys_munmap(BASE + 4096, 4096), 0);

	assert_int_equal(current->mm->map_count, 1);
}

static void test_do_munmap__hole_below_a_vma_returns_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, SHARED_ANON);

	assert_errno(sys_munmap(0x1000, 4096), 0);

	vma_is(BASE, BASE + 4096);
}

/* a partial length counts as its whole last page */
static void test_do_munmap__len_rounded_up_to_pages(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 3 * 4096, RW, SHARED_ANON);

	munmap_ok(BASE, 4097);

	vma_is(BASE + 8192, BASE + 12288);
}

static void test_do_munmap__frees_the_pages_of_a_private_mapping(
	void **state)
{
	unsigned long free_pages;

	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 2 * 4096, RW, PRIVATE_ANON);
	free_pages = nr_free_pages();
	assert_int_equal(sim_user_access(BASE, "ab", 2, 1, NULL), 0);
	assert_int_equal(sim_user_access(BASE + 4096, "cd", 2, 1, NULL), 0);
	assert_int_equal(nr_free_pages(), free_pages - 3);	/* +1 table */

	munmap_ok(BASE, 2 * 4096);

	assert_int_equal(current->mm->rss, 0);
	/* the page table went too */
	assert_int_equal(nr_free_pages(), free_pages);
}

/* ---- free_pgtables: page tables of 4 MiB regions left empty ---- */

static void test_free_pgtables__lone_vma_unmapped_frees_its_table(
	void **state)
{
	unsigned long free_pages;

	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, PRIVATE_ANON);
	free_pages = nr_free_pages();
	assert_int_equal(sim_user_touch(BASE, 1), 0);	/* table + page */

	munmap_ok(BASE, 4096);

	assert_true(pgd_none(current->mm->pgd[256]));
	assert_int_equal(nr_free_pages(), free_pages);
}

static void test_free_pgtables__table_kept_while_its_region_is_mapped(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0, 4096, RW, SHARED_ANON);
	mmap_anon(0, 4096, RW, SHARED_ANON);
	assert_int_equal(sim_user_touch(BASE, 1), 0);
	assert_int_equal(sim_user_touch(BASE + 4096, 1), 0);

	munmap_ok(BASE, 4096);

	assert_false(pgd_none(current->mm->pgd[256]));
	assert_int_equal(current->mm->rss, 1);
}

/* a vma across 0x40400000 loses its upper page: only that table goes */
static void test_free_pgtables__only_the_emptied_region(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_anon(0x403ff000, 8192, RW, PRIVATE_ANON | MAP_FIXED);
	assert_int_equal(sim_user_touch(0x403ff000, 1), 0);
	assert_int_equal(sim_user_touch(0x40400000, 1), 0);

	munmap_ok(0x40400000, 4096);

	assert_false(pgd_none(current->mm->pgd[256]));
	assert_true(pgd_none(current->mm->pgd[257]));
	assert_int_equal(current->mm->rss, 1);
}

/* ---- MAX_MAP_COUNT (65536, checked with '>') ---- */

/* one-page private mappings with one-page gaps, so none merge */
static void map_every_other_page(int n)
{
	int i;

	for (i = 0; i < n; i++)
		assert_int_equal(sys_mmap2(0x1000000UL + 8192UL * i, 4096,
					   RW, PRIVATE_ANON | MAP_FIXED, -1, 0),
				 0x1000000UL + 8192UL * i);
}

static void test_do_mmap_pgoff__map_count_over_max_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	map_every_other_page(MAX_MAP_COUNT + 1);
	assert_int_equal(current->mm->map_count, 65537);

	assert_errno(mmap_anon(0, 4096, PROT_READ, PRIVATE_ANON), -ENOMEM);

	assert_int_equal(current->mm->map_count, 65537);
}

static void test_do_munmap__hole_at_max_map_count_fails_enomem(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	map_every_other_page(MAX_MAP_COUNT - 1);
	mmap_anon(BASE, 3 * 4096, PROT_READ, PRIVATE_ANON | MAP_FIXED);
	assert_int_equal(current->mm->map_count, 65536);

	assert_errno(sys_munmap(BASE + 4096, 4096), -ENOMEM);

	vma_is(BASE, BASE + 3 * 4096);
	munmap_ok(BASE, 4096);		/* a head cut adds no vma */
	assert_int_equal(current->mm->map_count, 65536);
}

/* ---- a seeded random run ---- */

#define WIN_PAGES	2048	/* the shadow: BASE .. BASE + 8 MiB */
#define OP_PAGES	256	/* fixed maps, unmaps: the first 1 MiB */

enum { NONE, PRIV_RW, PRIV_RO, SHARED_RW };

static unsigned char kind[WIN_PAGES];	/* what must be mapped */
static unsigned char byte[WIN_PAGES];	/* each page's first byte */
static unsigned int rng = 20011221;	/* 2.4.16's release date */

static unsigned int rnd(unsigned int n)
{
	rng = rng * 1103515245 + 12345;
	return (rng >> 16) % n;
}

static unsigned long kind_flags(int k)
{
	return k == PRIV_RW ? 0x73 : k == PRIV_RO ? 0x71 : 0xfb;
}

static unsigned long first_fit(unsigned int n)
{
	unsigned int p, i;

	for (p = 0; p + n <= WIN_PAGES; p++) {
		for (i = 0; i < n && kind[p + i] == NONE; i++)
			;
		if (i == n)
			return BASE + p * 4096UL;
	}
	fail_msg("shadow window full");
	return 0;
}

/* Every page of the window is mapped exactly as the shadow says. */
static void compare_with_shadow(void)
{
	struct vm_area_struct *vma = current->mm->mmap;
	unsigned long total = 0;
	unsigned int p;

	for (p = 0; p < WIN_PAGES; p++) {
		unsigned long addr = BASE + p * 4096UL;

		while (vma && vma->vm_end <= addr)
			vma = vma->vm_next;
		if (kind[p] == NONE) {
			if (vma && vma->vm_start <= addr)
				fail_msg("page %#lx mapped, shadow says not",
					 addr);
			continue;
		}
		total++;
		if (!vma || vma->vm_start > addr)
			fail_msg("page %#lx not mapped, shadow says %d", addr,
				 kind[p]);
		assert_int_equal(vma->vm_flags, kind_flags(kind[p]));
	}
	assert_int_equal(current->mm->total_vm, total);
}

static void random_map(void)
{
	unsigned int n = 1 + rnd(8), p, i;
	int k = 1 + rnd(3);
	int fixed = rnd(2);
	unsigned long addr, want;

	if (fixed) {
		p = rnd(OP_PAGES);
		want = BASE + p * 4096UL;
	} else {
		want = first_fit(n);
		p = (want - BASE) >> PAGE_SHIFT;
	}
	addr = mmap_anon(fixed ? want : 0, n * 4096UL,
			 k == PRIV_RO ? PROT_READ : RW,
			 (k == SHARED_RW ? SHARED_ANON : PRIVATE_ANON) |
			 (fixed ? MAP_FIXED : 0));
	assert_int_equal(addr, want);
	for (i = 0; i < n; i++) {
		kind[p + i] = k;
		byte[p + i] = 0;
	}
}

static void random_unmap(void)
{
	unsigned int p = rnd(OP_PAGES), n = 1 + rnd(12), i;

	munmap_ok(BASE + p * 4096UL, n * 4096UL);
	for (i = 0; i < n && p + i < WIN_PAGES; i++)
		kind[p + i] = NONE;
}

/* a write to a writable page, or a read of any mapped page */
static void random_access(void)
{
	unsigned int p = rnd(OP_PAGES);
	unsigned char b = 1 + rnd(255), got = 0;
	unsigned long addr = BASE + p * 4096UL;

	if (kind[p] == NONE)
		return;
	if (kind[p] != PRIV_RO && rnd(2)) {
		assert_int_equal(sim_user_access(addr, &b, 1, 1, NULL), 0);
		byte[p] = b;
	} else {
		assert_int_equal(sim_user_access(addr, &got, 1, 0, NULL), 0);
		assert_int_equal(got, byte[p]);
	}
	check_mm();
}

static void test_do_mmap_pgoff__random_maps_unmaps_and_accesses(
	void **state)
{
	int step;

	(void)state;
	memset(kind, NONE, sizeof(kind));
	memset(byte, 0, sizeof(byte));
	rng = 20011221;
	sim_task("random", 500, 100);

	for (step = 0; step < 400; step++) {
		unsigned int r = rnd(10);

		if (r < 4)
			random_map();
		else if (r < 7)
			random_unmap();
		else
			random_access();
		compare_with_shadow();
	}
	assert_true(current->mm->map_count > 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_do_mmap_pgoff__shared_anonymous_gets_dev_zero_file),
		T(test_do_mmap_pgoff__private_anonymous_flags_0x73),
		T(test_do_mmap_pgoff__read_only_private_flags_0x71),
		T(test_do_mmap_pgoff__len_rounded_up_to_pages),
		T(test_do_mmap_pgoff__len_0_returns_addr_and_maps_nothing),
		T(test_do_mmap_pgoff__len_over_task_size_fails_einval),
		T(test_do_mmap_pgoff__no_map_type_fails_einval),
		T(test_do_mmap_pgoff__map_type_3_fails_einval),
		T(test_do_mmap_pgoff__private_writable_beyond_memory_enomem),
		T(test_do_mmap_pgoff__private_noreserve_beyond_memory_maps),
		T(test_do_mmap_pgoff__private_read_only_beyond_memory_maps),
		T(test_do_mmap_pgoff__shared_beyond_memory_fails_enomem),
		T(test_do_mmap_pgoff__fixed_over_middle_splits_old_mapping),
		T(test_vma_merge__adjacent_private_mapping_extends_prev),
		T(test_vma_merge__mapping_just_below_extends_next_down),
		T(test_vma_merge__filling_a_gap_joins_both_neighbours),
		T(test_vma_merge__different_protection_does_not_merge),
		T(test_vma_merge__shared_anonymous_never_merges),
		T(test_vma_merge__first_mapping_is_a_new_vma),
		T(test_arch_get_unmapped_area__first_fit_fills_hole),
		T(test_arch_get_unmapped_area__hint_taken_when_free),
		T(test_arch_get_unmapped_area__hint_below_base_taken),
		T(test_arch_get_unmapped_area__hint_rounded_up_to_a_page),
		T(test_arch_get_unmapped_area__busy_hint_falls_back_to_base),
		T(test_arch_get_unmapped_area__len_task_size_fails_enomem),
		T(test_arch_get_unmapped_area__two_gib_fits_exactly_above_base),
		T(test_arch_get_unmapped_area__no_hole_left_fails_enomem),
		T(test_arch_get_unmapped_area__past_task_size_fails_enomem),
		T(test_get_unmapped_area__fixed_at_task_size_fails_einval),
		T(test_get_unmapped_area__fixed_ending_past_task_size_einval),
		T(test_get_unmapped_area__fixed_last_page_below_task_size),
		T(test_get_unmapped_area__fixed_unaligned_fails_einval),
		T(test_get_unmapped_area__fixed_whole_user_space),
		T(test_find_vma__returns_next_vma_above_a_hole),
		T(test_find_vma_prev__gives_the_vma_before),
		T(test_do_munmap__head_cut_advances_pgoff),
		T(test_do_munmap__tail_cut_keeps_pgoff),
		T(test_do_munmap__hole_splits_and_opens_the_upper_part),
		T(test_do_munmap__range_over_two_vmas_and_a_gap),
		T(test_do_munmap__whole_vmas_closed_and_freed),
		T(test_do_munmap__unaligned_address_fails_einval),
		T(test_do_munmap__len_0_fails_einval),
		T(test_do_munmap__past_task_size_fails_einval),
		T(test_do_munmap__len_past_task_size_fails_einval),
		T(test_do_munmap__nothing_above_returns_0),
		T(test_do_munmap__hole_below_a_vma_returns_0),
		T(test_do_munmap__len_rounded_up_to_pages),
		T(test_do_munmap__frees_the_pages_of_a_private_mapping),
		T(test_free_pgtables__lone_vma_unmapped_frees_its_table),
		T(test_free_pgtables__table_kept_while_its_region_is_mapped),
		T(test_free_pgtables__only_the_emptied_region),
		T(test_do_mmap_pgoff__map_count_over_max_fails_enomem),
		T(test_do_munmap__hole_at_max_map_count_fails_enomem),
		T(test_do_mmap_pgoff__random_maps_unmaps_and_accesses),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/mmap");
}
