// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/mm_check.c - sim only: the invariants of one address space
 * on the 2.6.32 model (docs/invariants.md, "Linux 2.6.32": items 1-6 and
 * 40-44), checked after every statement by sim_check_all. 2.6.32's
 * mm/mmap.c has a debug-only validate_mm (DEBUG_MM_RB: browse_rb walks the
 * tree, its count must equal map_count); this is it made always-on and
 * widened, as the 2.4 model's sim/mm/mm_check.c is: the list's bounds,
 * order and back links, the tree's in-order walk and colours, map_count,
 * mmap_cache, total_vm, the rss counters against the present ptes, and
 * nr_ptes against the pte pages.
 * Called by sim_check_all (sim/2.6/check.c) for every task's mm.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/rbtree.h"
#include "linux/sched.h"

/* sim: an in-order walk of the tree, checked against the list */
static int check_rb_inorder(struct rb_node *node,
			    struct vm_area_struct **expect, int *count)
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

/* present ptes, and those of them that map an anonymous page */
struct rss_count {
	unsigned long present, anon;
};

static int count_rss(void *arg, unsigned long address, pte_t *pte)
{
	struct rss_count *c = arg;

	(void)address;
	if (pte_present(*pte)) {
		c->present++;
		c->anon += pfn_valid(pte_pfn(*pte)) &&
			   PageAnon(pte_page(*pte));
	}
	return 0;
}

static int count_pte_page(void *arg, unsigned long address, pmd_t *pmd)
{
	(void)address;
	(void)pmd;
	(*(unsigned long *)arg)++;
	return 0;
}

/* items 1, 40, 41, 4, 5: the list on its own; n gets its length */
static int check_vma_list(struct mm_struct *mm, int *n, char *why,
			  size_t len)
{
	struct vm_area_struct *vma, *prev = NULL;
	unsigned long total = 0;
	int cache_ok = mm->mmap_cache == NULL;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if (vma->vm_start >= vma->vm_end ||
		    (vma->vm_start & ~PAGE_MASK) ||
		    (vma->vm_end & ~PAGE_MASK) || vma->vm_end > TASK_SIZE) {
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
			return 40;
		}
		if (vma->vm_prev != prev || vma->vm_mm != mm) {
			/* sim: a wrong pointer may be stale: no sim_id */
			snprintf(why, len, "vma-links: mm#%u vma#%u: vm_prev "
				 "%s (the list has vma#%u before it), vm_mm "
				 "%s", sim_id(mm), sim_id(vma),
				 vma->vm_prev == prev ? "right" : "wrong",
				 prev ? sim_id(prev) : 0,
				 vma->vm_mm == mm ? "right" : "wrong");
			return 41;
		}
		if (vma == mm->mmap_cache)
			cache_ok = 1;
		total += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		(*n)++;
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
	return 0;
}

/* items 6, 43, 44: the counters against the page tables */
static int check_page_tables(struct mm_struct *mm, char *why, size_t len)
{
	struct rss_count c = { 0, 0 };
	unsigned long tables = 0;

	sim_walk_ptes(mm, count_rss, &c);
	sim_walk_pmds(mm, count_pte_page, &tables);
	if (get_mm_rss(mm) != c.present) {
		snprintf(why, len, "rss: mm#%u file_rss %lu + anon_rss %lu, "
			 "present ptes %lu", sim_id(mm),
			 get_mm_counter(mm, file_rss),
			 get_mm_counter(mm, anon_rss), c.present);
		return 6;
	}
	if (get_mm_counter(mm, anon_rss) != c.anon) {
		snprintf(why, len, "anon_rss: mm#%u anon_rss %lu, ptes of "
			 "anonymous pages %lu", sim_id(mm),
			 get_mm_counter(mm, anon_rss), c.anon);
		return 43;
	}
	if (mm->nr_ptes != tables) {
		snprintf(why, len, "nr_ptes: mm#%u nr_ptes %lu, pte pages %lu",
			 sim_id(mm), mm->nr_ptes, tables);
		return 44;
	}
	return 0;
}

/*
 * mm/mmap.c's validate_mm, made always-on. Returns 0, or the number of
 * the broken invariant with "name: details" in why.
 */
int sim_mm_check(struct mm_struct *mm, char *why, size_t len)
{
	struct vm_area_struct *expect = mm->mmap;
	int n = 0, walked = 0, bh, ret;

	ret = check_vma_list(mm, &n, why, len);
	if (ret)
		return ret;
	if (check_rb_inorder(mm->mm_rb.rb_node, &expect, &walked) || expect ||
	    walked != n) {
		snprintf(why, len, "vma-rbtree: mm#%u in-order walk of the "
			 "rb-tree differs from the vma list", sim_id(mm));
		return 2;
	}
	bh = sim_rb_check(&mm->mm_rb);
	if (bh < 0) {
		snprintf(why, len, "vma-rbcolour: mm#%u red-black rule %d "
			 "broken", sim_id(mm), -bh);
		return 42;
	}
	if (mm->map_count != n) {
		snprintf(why, len, "map_count: mm#%u map_count %d, list has %d",
			 sim_id(mm), mm->map_count, n);
		return 3;
	}
	return check_page_tables(mm, why, len);
}
