// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/mm/test_mprotect.c - tests of sim/2.6/mm/mprotect.c:
 * sys_mprotect's argument checks and errnos in 2.6.32's order, the
 * VM_MAY* check (EACCES, the read-only attach's case), the splits of
 * mprotect_fixup (start, end, middle, a run of vmas) with vm_ops->open
 * on each new piece, merging where the vma allows it, the hole that stops
 * a run (ENOMEM, with what came before it changed), and the ptes that
 * change_protection rewrites.
 */
#include "mm_test.h"

static int opens;

static int test_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct page *page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);

	(void)vma;
	if (!page)
		return VM_FAULT_OOM;
	__SetPageLocked(page);
	vmf->page = page;
	return VM_FAULT_LOCKED;
}

static void test_open(struct vm_area_struct *vma)
{
	(void)vma;
	opens++;
}

static void test_close(struct vm_area_struct *vma)
{
	(void)vma;
}

/* as shm_vm_ops: ->close keeps the pieces from merging back */
static const struct vm_operations_struct closing_ops = {
	.open = test_open,
	.close = test_close,
	.fault = test_fault,
};

#define BASE	0xB7FF0000UL
#define P	PAGE_SIZE
#define MAY	(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_MAYSHARE)
#define RW_SHARED	(VM_READ | VM_WRITE | VM_SHARED | MAY)
/* a SHM_RDONLY attach: do_mmap_pgoff took VM_MAYWRITE and VM_SHARED off */
#define RO_ATTACH	(VM_READ | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE)

static int setup(void **state)
{
	opens = 0;
	return mm_test_setup(state);
}

static struct vm_area_struct *vma_at(unsigned long start, unsigned long end,
				     unsigned long flags,
				     const struct vm_operations_struct *ops)
{
	return mm_test_vma(current->mm, start, end, flags, ops);
}

/* the vmas of current's mm as "start-end:flags" pairs, in order */
static void assert_vmas(const unsigned long (*want)[3], int n)
{
	struct vm_area_struct *vma = current->mm->mmap;
	int i;

	for (i = 0; i < n; i++, vma = vma->vm_next) {
		assert_non_null(vma);
		assert_int_equal(vma->vm_start, want[i][0]);
		assert_int_equal(vma->vm_end, want[i][1]);
		assert_int_equal(vma->vm_flags, want[i][2]);
	}
	assert_null(vma);
	assert_int_equal(current->mm->map_count, n);
}

static void test_sys_mprotect__argument_errors(void **s)
{
	(void)s;
	vma_at(BASE, BASE + 4 * P, RW_SHARED, &closing_ops);
	assert_int_equal(sys_mprotect(BASE + 1, P, PROT_READ), -EINVAL);
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | 0x10), -EINVAL);
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | PROT_GROWSDOWN |
				      PROT_GROWSUP), -EINVAL);
	/* a len of 0 is success before any other look at the range */
	assert_int_equal(sys_mprotect(0x1000, 0, PROT_READ), 0);
	/* start + len wraps */
	assert_int_equal(sys_mprotect(0xFFFFF000UL, 2 * P, PROT_READ),
			 -ENOMEM);
	/* nothing mapped there: 2.6.32 says ENOMEM (2.4.16: EFAULT) */
	assert_int_equal(sys_mprotect(0x1000, P, PROT_READ), -ENOMEM);
	assert_int_equal(sys_mprotect(BASE + 4 * P, P, PROT_READ), -ENOMEM);
	/* no stack vma: PROT_GROWSDOWN finds no VM_GROWSDOWN */
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | PROT_GROWSDOWN),
			 -EINVAL);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(opens, 0);
}

static void test_sys_mprotect__readonly_attach_write_is_eacces(void **s)
{
	struct vm_area_struct *vma;

	(void)s;
	vma = vma_at(BASE, BASE + 4 * P, RO_ATTACH, &closing_ops);
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | PROT_WRITE),
			 -EACCES);
	/* refused before any split: one vma, its flags as they were */
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(vma->vm_flags, RO_ATTACH);
	assert_int_equal(opens, 0);
	/* what VM_MAY* allow still works: exec, and read again */
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | PROT_EXEC), 0);
	assert_int_equal(current->mm->map_count, 2);
	assert_int_equal(vma->vm_flags, RO_ATTACH | VM_EXEC);
}

static void test_mprotect_fixup__split_middle_opens_two_pieces(void **s)
{
	static const unsigned long want[][3] = {
		{ BASE, BASE + P, RW_SHARED },
		{ BASE + P, BASE + 3 * P, RW_SHARED & ~VM_WRITE },
		{ BASE + 3 * P, BASE + 4 * P, RW_SHARED },
	};
	struct vm_area_struct *vma;

	(void)s;
	vma = vma_at(BASE, BASE + 4 * P, RW_SHARED, &closing_ops);
	vma->vm_pgoff = 8;
	assert_int_equal(sys_mprotect(BASE + P, 2 * P, PROT_READ), 0);
	assert_vmas(want, 3);
	assert_int_equal(opens, 2);	/* shm_open for each new piece */
	assert_int_equal(current->mm->mmap->vm_pgoff, 8);
	assert_int_equal(current->mm->mmap->vm_next->vm_pgoff, 9);
	assert_int_equal(current->mm->mmap->vm_next->vm_next->vm_pgoff, 11);
	assert_int_equal(current->mm->total_vm, 4);
}

static void test_mprotect_fixup__same_flags_change_nothing(void **s)
{
	(void)s;
	vma_at(BASE, BASE + 4 * P, RW_SHARED, &closing_ops);
	assert_int_equal(sys_mprotect(BASE + P, P, PROT_READ | PROT_WRITE), 0);
	assert_int_equal(current->mm->map_count, 1);
	assert_int_equal(opens, 0);
}

static void test_mprotect_fixup__closing_vmas_never_merge_back(void **s)
{
	(void)s;
	vma_at(BASE, BASE + 4 * P, RW_SHARED, &closing_ops);
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ), 0);
	assert_int_equal(sys_mprotect(BASE, P, PROT_READ | PROT_WRITE), 0);
	assert_int_equal(current->mm->map_count, 2);
	assert_int_equal(current->mm->mmap->vm_flags, RW_SHARED);
	assert_int_equal(current->mm->mmap->vm_next->vm_flags, RW_SHARED);
}

static void test_mprotect_fixup__mergeable_piece_joins_prev(void **s)
{
	static const unsigned long want[][3] = {
		{ BASE, BASE + 2 * P, RW_SHARED & ~VM_WRITE },
		{ BASE + 2 * P, BASE + 4 * P, RW_SHARED },
	};

	(void)s;
	/* no ->close: vma_merge may move the boundary instead of splitting */
	vma_at(BASE, BASE + P, RW_SHARED & ~VM_WRITE, NULL)->vm_pgoff = 0;
	vma_at(BASE + P, BASE + 4 * P, RW_SHARED, NULL)->vm_pgoff = 1;
	assert_int_equal(sys_mprotect(BASE + P, P, PROT_READ), 0);
	assert_vmas(want, 2);
	assert_int_equal(current->mm->mmap->vm_next->vm_pgoff, 2);
}

static void test_sys_mprotect__run_of_vmas_and_the_hole_after(void **s)
{
	static const unsigned long want[][3] = {
		{ BASE, BASE + P, RW_SHARED },
		{ BASE + P, BASE + 2 * P, RW_SHARED & ~VM_WRITE },
		{ BASE + 2 * P, BASE + 3 * P, RW_SHARED & ~VM_WRITE },
		{ BASE + 4 * P, BASE + 5 * P, RW_SHARED },
	};

	(void)s;
	vma_at(BASE, BASE + 2 * P, RW_SHARED, &closing_ops);
	vma_at(BASE + 2 * P, BASE + 3 * P, RW_SHARED, &closing_ops);
	vma_at(BASE + 4 * P, BASE + 5 * P, RW_SHARED, &closing_ops);
	/* [P, 5P): two vmas in a row, then a hole at 3P */
	assert_int_equal(sys_mprotect(BASE + P, 4 * P, PROT_READ), -ENOMEM);
	/* what came before the hole keeps its new protection */
	assert_vmas(want, 4);
	assert_int_equal(opens, 1);
}

static void test_change_protection__rewrites_present_ptes(void **s)
{
	struct mm_struct *mm = current->mm;
	pte_t *pte;

	(void)s;
	vma_at(BASE, BASE + 2 * P, RW_SHARED, &closing_ops);
	do_page_fault(BASE, PF_USER | PF_WRITE);
	assert_int_equal(current->sim_sig, 0);
	pte = sim_pte_lookup(mm, BASE);
	assert_non_null(pte);
	assert_true(pte_write(*pte));
	assert_true(pte_dirty(*pte));
	assert_int_equal(sys_mprotect(BASE, 2 * P, PROT_READ), 0);
	pte = sim_pte_lookup(mm, BASE);
	assert_non_null(pte);
	assert_true(pte_present(*pte));
	assert_false(pte_write(*pte));
	/* the frame and its dirty and accessed bits stay */
	assert_true(pte_dirty(*pte));
	assert_true(pte_young(*pte));
	assert_int_equal(pte_val(*pte) & ~PAGE_MASK,
			 _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED |
			 _PAGE_DIRTY);
	/* a store now faults with SEGV_ACCERR */
	do_page_fault(BASE, PF_USER | PF_WRITE | PF_PROT);
	assert_int_equal(current->sim_sig, SIGSEGV);
	current->sim_sig = 0;
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, mm_test_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_sys_mprotect__argument_errors),
		T(test_sys_mprotect__readonly_attach_write_is_eacces),
		T(test_mprotect_fixup__split_middle_opens_two_pieces),
		T(test_mprotect_fixup__same_flags_change_nothing),
		T(test_mprotect_fixup__closing_vmas_never_merge_back),
		T(test_mprotect_fixup__mergeable_piece_joins_prev),
		T(test_sys_mprotect__run_of_vmas_and_the_hole_after),
		T(test_change_protection__rewrites_present_ptes),
	};

	return sim_test_main(tests, ARRAY_SIZE(tests), argc, argv,
			     "2.6/mm/mprotect");
}
