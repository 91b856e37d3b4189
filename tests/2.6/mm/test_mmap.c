// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/mm/test_mmap.c - tests of sim/2.6/mm/mmap.c: the top-down
 * allocator's addresses (docs/kernel-2.6.md), hole reuse after an
 * unmap, MAP_FIXED over a mapping, get_unmapped_area's -ENOMEM past
 * TASK_SIZE, mmap_min_addr, the map_count limit, do_munmap's splits and
 * exit_mmap. Anonymous private maps stand in for a file: they take the
 * same allocator (a vma with no ->close would merge with its neighbour,
 * so the tests that count vmas keep gaps or use vmas of their own).
 */
#include "mm_test.h"

static unsigned long map(unsigned long addr, unsigned long len,
			 unsigned long flags)
{
	return do_mmap(NULL, addr, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | flags, 0);
}

/* a vma with ->close never merges: the shm vmas' situation */
static void nop_close(struct vm_area_struct *vma)
{
	(void)vma;
}

static const struct vm_operations_struct closing_ops = {
	.close = nop_close,
};

/* map len at the top-down allocator's choice, as an unmergeable vma */
static unsigned long attach(unsigned long len)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr = get_unmapped_area(NULL, 0, len, 0, MAP_SHARED);

	if (addr & ~PAGE_MASK)
		return addr;
	mm_test_vma(mm, addr, addr + len, VM_READ | VM_WRITE | VM_SHARED |
		    VM_MAYREAD | VM_MAYWRITE | VM_MAYSHARE, &closing_ops);
	return addr;
}

static void test_arch_pick_mmap_layout__top_down_below_128m_gap(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	assert_int_equal(mm->mmap_base, 0xB8000000UL);
	assert_true(mm->get_unmapped_area == arch_get_unmapped_area_topdown);
	assert_true(mm->unmap_area == arch_unmap_area_topdown);
}

static void test_topdown__worked_values(void **state)
{
	(void)state;
	assert_int_equal(attach(2052 + 2044), 0xB7FFF000UL);	/* 1 page */
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFE000UL);
	assert_int_equal(attach(8 * PAGE_SIZE), 0xB7FF6000UL);
	assert_int_equal(current->mm->map_count, 3);
	assert_int_equal(current->mm->free_area_cache, 0xB7FF6000UL);
}

static void test_topdown__first_8192_byte_attach(void **state)
{
	(void)state;
	assert_int_equal(attach(8192), 0xB7FFE000UL);
}

static void test_topdown__hole_reused_after_unmap(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFF000UL);
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFE000UL);
	assert_int_equal(attach(8 * PAGE_SIZE), 0xB7FF6000UL);
	assert_int_equal(do_munmap(mm, 0xB7FFE000UL, PAGE_SIZE), 0);
	/* the vma above the hole starts at 0xB7FFF000 */
	assert_int_equal(mm->free_area_cache, 0xB7FFF000UL);
	assert_int_equal(mm->map_count, 2);
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFE000UL);
}

static void test_topdown__hole_too_small_searches_below(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFF000UL);
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFE000UL);
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFD000UL);
	assert_int_equal(do_munmap(mm, 0xB7FFE000UL, PAGE_SIZE), 0);
	/* two pages do not fit the one-page hole: below the lowest vma */
	assert_int_equal(attach(2 * PAGE_SIZE), 0xB7FFB000UL);
	assert_int_equal(mm->cached_hole_size, PAGE_SIZE);
	/* a one-page request now resets to mmap_base and finds the hole */
	assert_int_equal(attach(PAGE_SIZE), 0xB7FFE000UL);
}

static void test_topdown__fork_reset_searches_below_inherited(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	assert_int_equal(attach(8192), 0xB7FFE000UL);
	/* what dup_mmap leaves in the child: cache at mmap_base, hole ~0 */
	mm->free_area_cache = mm->mmap_base;
	mm->cached_hole_size = ~0UL;
	assert_int_equal(attach(8192), 0xB7FFC000UL);
}

static void test_do_mmap__anonymous_uses_the_same_allocator(void **state)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	(void)state;
	assert_int_equal(map(0, 100, 0), 0xB7FFF000UL);
	vma = find_vma(mm, 0xB7FFF000UL);
	assert_non_null(vma);
	assert_int_equal(vma->vm_flags, VM_READ | VM_WRITE | VM_MAYREAD |
			 VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT);
	assert_int_equal(vma->vm_pgoff, 0xB7FFFUL);
	assert_int_equal(mm->total_vm, 1);
	/* the next one sits right below and merges into one vma */
	assert_int_equal(map(0, PAGE_SIZE, 0), 0xB7FFE000UL);
	assert_int_equal(mm->map_count, 1);
	assert_int_equal(mm->mmap->vm_start, 0xB7FFE000UL);
	assert_int_equal(mm->mmap->vm_end, 0xB8000000UL);
	assert_int_equal(mm->total_vm, 2);
}

static void test_do_mmap__len_zero_is_einval(void **state)
{
	(void)state;
	assert_errno((long)map(0, 0, 0), -EINVAL);
}

static void test_get_unmapped_area__fixed_past_task_size_is_enomem(void **state)
{
	(void)state;
	assert_errno((long)map(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE,
			       MAP_FIXED), -ENOMEM);
	assert_errno((long)map(0, TASK_SIZE + PAGE_SIZE, 0), -ENOMEM);
	assert_int_equal(map(TASK_SIZE - PAGE_SIZE, PAGE_SIZE, MAP_FIXED),
			 TASK_SIZE - PAGE_SIZE);
}

static void test_do_mmap__fixed_unaligned_is_einval(void **state)
{
	(void)state;
	assert_errno((long)map(0x10000100UL, PAGE_SIZE, MAP_FIXED), -EINVAL);
}

static void test_do_mmap__fixed_below_mmap_min_addr_is_eperm(void **state)
{
	(void)state;
	assert_errno((long)map(0, PAGE_SIZE, MAP_FIXED), -EPERM);
	assert_int_equal(current->mm->map_count, 0);
}

static void test_do_mmap__root_may_map_page_zero(void **state)
{
	struct cred *cred = (struct cred *)current->cred;
	uid_t old = cred->euid;

	(void)state;
	cred->euid = 0;
	assert_int_equal(map(0, PAGE_SIZE, MAP_FIXED), 0);
	cred->euid = old;
}

/* mmap_min_addr is one page: a hint below it rounds to 0, no hint */
static void test_do_mmap__hint_below_min_addr_is_dropped(void **state)
{
	(void)state;
	assert_int_equal(map(0x100, PAGE_SIZE, 0), 0xB7FFF000UL);
	/* a hint that fits is taken */
	assert_int_equal(map(0x10000000UL, PAGE_SIZE, 0), 0x10000000UL);
}

static void test_mmap_region__fixed_over_a_vma_replaces_it(void **state)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = attach(3 * PAGE_SIZE);

	(void)state;
	assert_int_equal(a, 0xB7FFD000UL);
	/* MAP_FIXED over the middle page: the old vma splits around it */
	assert_int_equal(map(a + PAGE_SIZE, PAGE_SIZE, MAP_FIXED),
			 a + PAGE_SIZE);
	assert_int_equal(mm->map_count, 3);
	assert_int_equal(find_vma(mm, a)->vm_end, a + PAGE_SIZE);
	assert_true(find_vma(mm, a + PAGE_SIZE)->vm_ops == NULL);
	/* a file-less vma's pgoff is its page number; the upper part's too */
	assert_int_equal(find_vma(mm, a + 2 * PAGE_SIZE)->vm_pgoff,
			 (a >> PAGE_SHIFT) + 2);
	assert_int_equal(mm->total_vm, 3);
}

static void test_do_mmap_pgoff__map_count_limit_is_enomem(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	mm->map_count = sysctl_max_map_count + 1;
	assert_errno((long)map(0, PAGE_SIZE, 0), -ENOMEM);
	mm->map_count = sysctl_max_map_count;
	assert_int_equal(map(0, PAGE_SIZE, 0), 0xB7FFF000UL);
	assert_int_equal(mm->map_count, sysctl_max_map_count + 1);
	mm->map_count = 1;
}

static void test_split_vma__at_the_limit_is_enomem(void **state)
{
	struct mm_struct *mm = current->mm;
	unsigned long a = attach(3 * PAGE_SIZE);

	(void)state;
	mm->map_count = sysctl_max_map_count;
	assert_errno(do_munmap(mm, a + PAGE_SIZE, PAGE_SIZE), -ENOMEM);
	mm->map_count = 1;
	assert_int_equal(do_munmap(mm, a + PAGE_SIZE, PAGE_SIZE), 0);
	assert_int_equal(mm->map_count, 2);
}

static void test_do_munmap__bad_ranges(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	assert_errno(do_munmap(mm, 0x1001, PAGE_SIZE), -EINVAL);
	assert_errno(do_munmap(mm, 0x1000, 0), -EINVAL);
	assert_errno(do_munmap(mm, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE),
		     -EINVAL);
	assert_int_equal(do_munmap(mm, 0x10000000UL, PAGE_SIZE), 0);
}

static void test_find_vma_prev__before_and_between(void **state)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *prev, *low, *high;

	(void)state;
	low = mm_test_vma(mm, 0x10000000UL, 0x10001000UL, VM_READ,
			  &closing_ops);
	high = mm_test_vma(mm, 0x20000000UL, 0x20002000UL, VM_READ,
			   &closing_ops);
	assert_ptr_equal(find_vma_prev(mm, 0x1000, &prev), low);
	assert_null(prev);
	assert_ptr_equal(find_vma_prev(mm, 0x10001000UL, &prev), high);
	assert_ptr_equal(prev, low);
	assert_null(find_vma_prev(mm, 0x20002000UL, &prev));
	assert_ptr_equal(prev, high);
	assert_ptr_equal(find_vma_intersection(mm, 0x1000UL, 0x10000000UL),
			 NULL);
	assert_ptr_equal(find_vma_intersection(mm, 0x1000UL, 0x10000001UL),
			 low);
	assert_ptr_equal(low->vm_next, high);
	assert_ptr_equal(high->vm_prev, low);
}

static void test_exit_mmap__frees_every_vma(void **state)
{
	struct mm_struct *mm = current->mm;

	(void)state;
	attach(PAGE_SIZE);
	attach(2 * PAGE_SIZE);
	map(0x30000000UL, PAGE_SIZE, MAP_FIXED);
	assert_int_equal(mm->map_count, 3);
	exit_mmap(mm);
	assert_null(mm->mmap);
	/* the mm is going: exit_mmap leaves total_vm as it was */
	assert_int_equal(mm->total_vm, 4);
	assert_int_equal(vm_area_cachep->active_objs, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, mm_test_setup, \
					       mm_test_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_arch_pick_mmap_layout__top_down_below_128m_gap),
		T(test_topdown__worked_values),
		T(test_topdown__first_8192_byte_attach),
		T(test_topdown__hole_reused_after_unmap),
		T(test_topdown__hole_too_small_searches_below),
		T(test_topdown__fork_reset_searches_below_inherited),
		T(test_do_mmap__anonymous_uses_the_same_allocator),
		T(test_do_mmap__len_zero_is_einval),
		T(test_get_unmapped_area__fixed_past_task_size_is_enomem),
		T(test_do_mmap__fixed_unaligned_is_einval),
		T(test_do_mmap__fixed_below_mmap_min_addr_is_eperm),
		T(test_do_mmap__root_may_map_page_zero),
		T(test_do_mmap__hint_below_min_addr_is_dropped),
		T(test_mmap_region__fixed_over_a_vma_replaces_it),
		T(test_do_mmap_pgoff__map_count_limit_is_enomem),
		T(test_split_vma__at_the_limit_is_enomem),
		T(test_do_munmap__bad_ranges),
		T(test_find_vma_prev__before_and_between),
		T(test_exit_mmap__frees_every_vma),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/mm/mmap");
}
