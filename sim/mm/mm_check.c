// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/mm_check.c - sim only: the invariants of one address space
 * (docs/invariants.md items 1-6), checked after every statement by
 * sim_check_all. 2.4.16 has a debug-only validate_mm in mm/mmap.c
 * (DEBUG_MM_RB: browse_rb, the tree's count against map_count); this is it
 * made always-on and widened: bounds and order of the list, the tree's
 * in-order walk and its red-black shape, map_count, mmap_cache, total_vm,
 * and rss against the present ptes.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/rbtree.h"

/* sim: an in-order walk of the tree, checked against the list */
static int check_rb_inorder(rb_node_t *node, struct vm_area_struct **expect,
			    int *count)
{
	struct vm_area_struct *vma;

	if (!node)
		return 0;
	if (check_rb_inorder(node->rb_left, expect, count))
		return 1;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	if (vma != *expect)
		return 1;
	*expect = vma->vm_next;
	(*count)++;
	return check_rb_inorder(node->rb_right, expect, count);
}

static int count_present(void *arg, unsigned long address, pte_t *pte)
{
	(void)address;
	if (pte_present(*pte))
		(*(unsigned long *)arg)++;
	return 0;
}

static unsigned long count_present_ptes(struct mm_struct *mm)
{
	unsigned long n = 0;

	sim_walk_ptes(mm, count_present, &n);
	return n;
}

/*
 * mm/mmap.c's validate_mm, made always-on: docs/invariants.md items 1-6.
 * Returns 0, or the number of the broken invariant with a message in why.
 */
int sim_mm_check(struct mm_struct *mm, char *why, size_t len)
{
	struct vm_area_struct *vma, *prev = NULL, *expect;
	unsigned long total = 0;
	int n = 0, walked = 0, cache_ok = mm->mmap_cache == NULL, bh;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if (vma->vm_start >= vma->vm_end ||
		    (vma->vm_start & ~PAGE_MASK) || (vma->vm_end & ~PAGE_MASK) ||
		    vma->vm_end > TASK_SIZE) {
			snprintf(why, len, "vma-bounds: mm#%u vma#%u %#lx-%#lx",
				 sim_id(mm), sim_id(vma), vma->vm_start,
				 vma->vm_end);
			return 1;
		}
		if (prev && prev->vm_end > vma->vm_start) {
			snprintf(why, len, "vma-order: mm#%u vma#%u ends %#lx "
				 "after vma#%u starts %#lx", sim_id(mm),
				 sim_id(prev), prev->vm_end, sim_id(vma),
				 vma->vm_start);
			return 1;
		}
		if (vma == mm->mmap_cache)
			cache_ok = 1;
		total += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		n++;
	}
	expect = mm->mmap;
	bh = rb_check(&mm->mm_rb);
	if (check_rb_inorder(mm->mm_rb.rb_node, &expect, &walked) || expect ||
	    walked != n) {
		snprintf(why, len, "vma-rbtree: mm#%u in-order walk of the "
			 "rb-tree differs from the vma list", sim_id(mm));
		return 2;
	}
	if (bh < 0) {
		snprintf(why, len, "vma-rbtree: mm#%u red-black property %d "
			 "broken", sim_id(mm), -bh);
		return 2;
	}
	if (mm->map_count != n) {
		snprintf(why, len, "map_count: mm#%u map_count %d, list has %d",
			 sim_id(mm), mm->map_count, n);
		return 3;
	}
	if (!cache_ok) {
		snprintf(why, len, "mmap_cache: mm#%u caches a vma not on "
			 "its list", sim_id(mm));
		return 4;
	}
	if (mm->total_vm != total) {
		snprintf(why, len, "total_vm: mm#%u total_vm %lu, vmas cover "
			 "%lu pages", sim_id(mm), mm->total_vm, total);
		return 5;
	}
	if (mm->rss != count_present_ptes(mm)) {
		snprintf(why, len, "rss: mm#%u rss %lu, present ptes %lu",
			 sim_id(mm), mm->rss, count_present_ptes(mm));
		return 6;
	}
	return 0;
}
