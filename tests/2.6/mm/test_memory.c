// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/mm/test_memory.c - tests of sim/2.6/mm/memory.c and
 * sim/2.6/arch/x86/mm/fault.c: the fault path do_page_fault ->
 * handle_mm_fault -> __pte_alloc -> handle_pte_fault -> do_linear_fault ->
 * __do_fault -> vm_ops->fault, with a ->fault of the test's own that hands
 * out a fresh page (as shmem_fault does: referenced and locked); the pte,
 * _mapcount, NR_FILE_MAPPED, file_rss, min_flt/maj_flt; the signals of
 * bad accesses; and the zap at munmap.
 */
#include "mm_test.h"
#include "linux/pagemap.h"

static int fault_ret;		/* extra VM_FAULT_* bits to return */
static int fault_calls;
static pgoff_t fault_pgoff;
static struct page *fault_page;

static int test_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct page *page;

	(void)vma;
	fault_calls++;
	fault_pgoff = vmf->pgoff;
	if (fault_ret & VM_FAULT_ERROR)
		return fault_ret;
	page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	__SetPageLocked(page);
	vmf->page = page;
	fault_page = page;
	return fault_ret | VM_FAULT_LOCKED;
}

static void test_close(struct vm_area_struct *vma)
{
	(void)vma;
}

static const struct vm_operations_struct test_vm_ops = {
	.close = test_close,
	.fault = test_fault,
};

#define BASE	0xB7FF0000UL
#define RW_SHARED	(VM_READ | VM_WRITE | VM_SHARED | VM_MAYREAD | \
			 VM_MAYWRITE | VM_MAYSHARE)

static int setup(void **state)
{
	fault_ret = fault_calls = 0;
	fault_pgoff = 0;
	fault_page = NULL;
	return mm_test_setup(state);
}

static struct vm_area_struct *shared_vma(unsigned long flags)
{
	struct vm_area_struct *vma;

	vma = mm_test_vma(current->mm, BASE, BASE + 4 * PAGE_SIZE, flags,
			  &test_vm_ops);
	vma->vm_pgoff = 10;	/* as a file offset would be */
	return vma;
}

static void test_do_page_fault__write_installs_dirty_writable_pte(void **s)
{
	struct mm_struct *mm = current->mm;
	unsigned long free = nr_free_pages();
	pte_t *pte;

	(void)s;
	shared_vma(RW_SHARED);
	assert_null(sim_pte_lookup(mm, BASE + PAGE_SIZE));
	do_page_fault(BASE + PAGE_SIZE + 12, PF_USER | PF_WRITE);
	assert_int_equal(current->sim_sig, 0);
	assert_int_equal(fault_calls, 1);
	assert_int_equal(fault_pgoff, 11);
	pte = sim_pte_lookup(mm, BASE + PAGE_SIZE);
	assert_non_null(pte);
	assert_true(pte_present(*pte));
	assert_true(pte_write(*pte));
	assert_true(pte_dirty(*pte));
	assert_int_equal(pte_pfn(*pte), page_to_pfn(fault_page));
	assert_int_equal(page_mapcount(fault_page), 1);
	assert_int_equal(page_count(fault_page), 1);	/* the pte's */
	assert_false(PageLocked(fault_page));
	assert_true(PageDirty(fault_page));
	assert_int_equal(global_page_state(NR_FILE_MAPPED), 1);
	assert_int_equal(global_page_state(NR_PAGETABLE), 1);
	assert_int_equal(get_mm_counter(mm, file_rss), 1);
	assert_int_equal(mm->nr_ptes, 1);
	assert_int_equal(current->min_flt, 1);
	assert_int_equal(current->maj_flt, 0);
	/* a pte page and the page itself */
	assert_int_equal(nr_free_pages(), free - 2);
}

static void test_do_page_fault__read_installs_clean_pte(void **s)
{
	pte_t *pte;

	(void)s;
	shared_vma(RW_SHARED);
	do_page_fault(BASE, PF_USER);
	pte = sim_pte_lookup(current->mm, BASE);
	assert_non_null(pte);
	/* vm_page_prot of a shared writable vma is PAGE_SHARED */
	assert_true(pte_write(*pte));
	assert_false(pte_dirty(*pte));
	assert_false(PageDirty(fault_page));
	assert_int_equal(fault_pgoff, 10);
}

static void test_do_page_fault__major_counts_maj_flt(void **s)
{
	(void)s;
	shared_vma(RW_SHARED);
	fault_ret = VM_FAULT_MAJOR;
	do_page_fault(BASE, PF_USER);
	assert_int_equal(current->maj_flt, 1);
	assert_int_equal(current->min_flt, 0);
}

static void test_do_page_fault__no_vma_is_segv_maperr(void **s)
{
	(void)s;
	shared_vma(RW_SHARED);
	do_page_fault(BASE + 4 * PAGE_SIZE, PF_USER);
	assert_int_equal(current->sim_sig, SIGSEGV);
	assert_int_equal(current->sim_sig_code, SEGV_MAPERR);
	assert_int_equal(current->sim_sig_addr, BASE + 4 * PAGE_SIZE);
	assert_int_equal(fault_calls, 0);
}

static void test_do_page_fault__write_to_readonly_is_segv_accerr(void **s)
{
	(void)s;
	shared_vma(VM_READ | VM_MAYREAD | VM_MAYEXEC | VM_MAYSHARE);
	do_page_fault(BASE, PF_USER | PF_WRITE);
	assert_int_equal(current->sim_sig, SIGSEGV);
	assert_int_equal(current->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(fault_calls, 0);
}

static void test_do_page_fault__fault_sigbus_is_sigbus(void **s)
{
	(void)s;
	shared_vma(RW_SHARED);
	fault_ret = VM_FAULT_SIGBUS;
	do_page_fault(BASE, PF_USER);
	assert_int_equal(current->sim_sig, SIGBUS);
	assert_int_equal(current->sim_sig_code, BUS_ADRERR);
	assert_int_equal(current->min_flt, 0);
	assert_int_equal(get_mm_counter(current->mm, file_rss), 0);
}

static void test_do_munmap__zaps_ptes_and_frees_pages(void **s)
{
	struct mm_struct *mm = current->mm;
	unsigned long free = nr_free_pages();

	(void)s;
	shared_vma(RW_SHARED);
	do_page_fault(BASE, PF_USER | PF_WRITE);
	do_page_fault(BASE + 3 * PAGE_SIZE, PF_USER);
	assert_int_equal(get_mm_counter(mm, file_rss), 2);
	assert_int_equal(global_page_state(NR_FILE_MAPPED), 2);
	assert_int_equal(do_munmap(mm, BASE, 4 * PAGE_SIZE), 0);
	assert_int_equal(get_mm_counter(mm, file_rss), 0);
	assert_int_equal(global_page_state(NR_FILE_MAPPED), 0);
	/* the pte page went too: no neighbour shares it */
	assert_int_equal(mm->nr_ptes, 0);
	assert_null(sim_pte_lookup(mm, BASE));
	assert_int_equal(nr_free_pages(), free);
}

static void test_do_munmap__keeps_pte_page_a_neighbour_uses(void **s)
{
	struct mm_struct *mm = current->mm;

	(void)s;
	shared_vma(RW_SHARED);
	mm_test_vma(mm, BASE - 2 * PAGE_SIZE, BASE - PAGE_SIZE, RW_SHARED,
		    &test_vm_ops);
	do_page_fault(BASE - 2 * PAGE_SIZE, PF_USER);
	do_page_fault(BASE, PF_USER);
	assert_int_equal(do_munmap(mm, BASE, 4 * PAGE_SIZE), 0);
	assert_int_equal(mm->nr_ptes, 1);
	assert_non_null(sim_pte_lookup(mm, BASE - 2 * PAGE_SIZE));
	assert_int_equal(get_mm_counter(mm, file_rss), 1);
}

static void test_handle_mm_fault__present_write_sets_dirty(void **s)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = shared_vma(RW_SHARED);
	pte_t *pte;

	(void)s;
	do_page_fault(BASE, PF_USER);
	pte = sim_pte_lookup(mm, BASE);
	assert_false(pte_dirty(*pte));
	assert_int_equal(handle_mm_fault(mm, vma, BASE, FAULT_FLAG_WRITE), 0);
	assert_true(pte_dirty(*pte));
	assert_int_equal(fault_calls, 1);
}

static void test_copy_page_range__shared_vma_copies_nothing(void **s)
{
	struct vm_area_struct *vma = shared_vma(RW_SHARED);

	(void)s;
	assert_int_equal(copy_page_range(current->mm, current->mm, vma), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, mm_test_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_do_page_fault__write_installs_dirty_writable_pte),
		T(test_do_page_fault__read_installs_clean_pte),
		T(test_do_page_fault__major_counts_maj_flt),
		T(test_do_page_fault__no_vma_is_segv_maperr),
		T(test_do_page_fault__write_to_readonly_is_segv_accerr),
		T(test_do_page_fault__fault_sigbus_is_sigbus),
		T(test_do_munmap__zaps_ptes_and_frees_pages),
		T(test_do_munmap__keeps_pte_page_a_neighbour_uses),
		T(test_handle_mm_fault__present_write_sets_dirty),
		T(test_copy_page_range__shared_vma_copies_nothing),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/mm/memory");
}
