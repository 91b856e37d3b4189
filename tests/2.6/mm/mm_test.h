/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/2.6/mm/mm_test.h - a world for the mm tests: RAM, the vma and mm
 * caches, one model task (top-down layout, mmap_base 0xB8000000) as
 * current, and vmas of the test's own with no file (vm_file NULL).
 */
#ifndef _TESTS26_MM_TEST_H
#define _TESTS26_MM_TEST_H

#include <string.h>

#include "sim_test.h"

#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/file.h"
#include "linux/fs_struct.h"
#include "linux/slab.h"

#define MM_TEST_RAM	(4UL << 20)	/* 1024 frames */

static struct task_struct *mm_test_task;

static inline int mm_test_setup(void **state)
{
	static int caches;

	(void)state;
	assert_int_equal(sim_mem_init(MM_TEST_RAM), 0);
	if (!caches++) {
		cred_init();
		proc_caches_init();
	}
	mm_test_task = sim_task_create("t", 1000, 1000);
	assert_non_null(mm_test_task);
	current = mm_test_task;
	return 0;
}

static inline int mm_test_teardown(void **state)
{
	(void)state;
	if (mm_test_task) {
		current = mm_test_task;
		mmput(mm_test_task->mm);
		mm_test_task->mm = mm_test_task->active_mm = NULL;
		exit_files(mm_test_task);
		exit_fs(mm_test_task);
		sim_task_free(mm_test_task);
		mm_test_task = NULL;
	}
	/* every frame came back: the pgd, the pte pages, the pages */
	assert_int_equal(nr_free_pages(), MM_TEST_RAM >> PAGE_SHIFT);
	assert_int_equal(global_page_state(NR_PAGETABLE), 0);
	assert_int_equal(global_page_state(NR_FILE_MAPPED), 0);
	sim_mem_exit();
	return 0;
}

/* A file-less vma of the test's own at [start, end), linked into mm. */
static inline struct vm_area_struct *
mm_test_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	    unsigned long vm_flags, const struct vm_operations_struct *ops)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, 0);

	assert_non_null(vma);
	memset(vma, 0, sizeof(*vma));	/* the slab does not zero it */
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_ops = ops;
	INIT_LIST_HEAD(&vma->shared.vm_set.list);
	INIT_LIST_HEAD(&vma->anon_vma_node);
	assert_int_equal(insert_vm_struct(mm, vma), 0);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return vma;
}

#endif /* _TESTS26_MM_TEST_H */
