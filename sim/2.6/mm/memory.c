// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/memory.c - page tables: filling them on faults, emptying them.
 * Models mm/memory.c (2.6.32), in its order: free_pte_range,
 *   free_pgd_range, free_pgtables, __pte_alloc, copy_page_range,
 *   zap_pte_range, unmap_page_range, unmap_vmas, zap_page_range,
 *   do_wp_page (the shared-writable reuse path), do_anonymous_page
 *   (reduced: refused), __do_fault, do_linear_fault, handle_pte_fault,
 *   handle_mm_fault; and sim_pte_lookup (sim: the walk sim/mmu.c uses),
 *   sim_walk_pmds and sim_walk_ptes (sim: the checks' walks).
 * (simplified: i386's two levels: the pud and pmd levels are the pgd
 *   entry itself, so free_pud_range/free_pmd_range and zap_pud/pmd_range
 *   fold into their callers.)
 * Left out: anonymous and private COW pages (no anon_vma: a private
 *   write fault or an anonymous fault gives VM_FAULT_SIGBUS with a
 *   sim note), swap entries, nonlinear (pte_file) faults, hugetlb, pfn
 *   maps, the mmu_gather batching, TLB flushes (sim: no TLB), locks.
 * Called by do_page_fault (handle_mm_fault), unmap_region and exit_mmap
 *   (unmap_vmas, free_pgtables), dup_mmap (copy_page_range), sim/mmu.c.
 *
 * A shm page's pte: none -> a fault: __do_fault gets the page from
 * vm_ops->fault (a reference), installs the pte (writable, and dirty for
 * a write), _mapcount +1 (NR_FILE_MAPPED on the first), file_rss +1 ->
 * zap_pte_range: dirty bit to the page, file_rss -1, _mapcount -1, put.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/pagemap.h"
#include "linux/sched.h"
#include "linux/swap.h"
#include "sim/trace.h"

unsigned long sim_pte_drops;	/* sim: asm/pgtable.h says what for */
void (*sim_flush_tlb_hook)(struct mm_struct *mm, unsigned long addr);

/* Detach the pte page from the pmd and free it. */
static void free_pte_range(struct mm_struct *mm, pmd_t *pmd)
{
	struct page *token = pmd_page(*pmd);

	pmd_clear(pmd);
	pte_free(mm, token);
	mm->nr_ptes--;
}

/*
 * Free the page tables that map only [addr, end), never one that also
 * maps below floor or from ceiling on (a neighbour's; 0: the top).
 */
static void free_pgd_range(struct mm_struct *mm, unsigned long addr,
			   unsigned long end, unsigned long floor,
			   unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;

	pgd = pgd_offset(mm, addr);
	do {
		pmd_t *pmd = pmd_offset(pud_offset(pgd, addr), addr);

		next = pgd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			free_pte_range(mm, pmd);
	} while (pgd++, addr = next, addr != end);
}

/*
 * The vmas from vma on are going: off their files' mapper lists
 * (unlink_file_vma), and the page tables of runs of nearby vmas freed.
 */
void free_pgtables(struct vm_area_struct *vma, unsigned long floor,
		   unsigned long ceiling)
{
	TRACE_ENTER("vma#%u, %#lx, %#lx", sim_id(vma), floor, ceiling);
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		/* hide vma from rmap and truncate_pagecache first */
		unlink_file_vma(vma);
		/* gather nearby vmas into one call down */
		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
			unlink_file_vma(vma);
		}
		free_pgd_range(vma->vm_mm, addr, vma->vm_end, floor,
			       next ? next->vm_start : ceiling);
		vma = next;
	}
	TRACE_EXIT();
}

/* A pte page for pmd (zeroed): 0 or -ENOMEM. */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd, unsigned long address)
{
	struct page *new;

	TRACE_ENTER("mm#%u, %#lx", sim_id(mm), address);
	new = pte_alloc_one(mm, address);
	if (!new)
		return TRACE_RET(-ENOMEM);
	if (!pmd_present(*pmd)) {	/* has another populated it? */
		mm->nr_ptes++;
		/* pmd_populate */
		pmd_val(*pmd) = (uint32_t)((page_to_pfn(new) << PAGE_SHIFT) |
					   _PAGE_TABLE);
		new = NULL;
	}
	if (new)
		pte_free(mm, new);
	return TRACE_RET(0);
}

/*
 * fork: copy the ptes of vma into dst_mm. A shared file vma with no
 * anon_vma copies nothing: the child faults its pages in (docs/kernel-2.6.md).
 */
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma)
{
	TRACE_ENTER("mm#%u, mm#%u, vma#%u", sim_id(dst_mm), sim_id(src_mm),
		    sim_id(vma));
	if (!(vma->vm_flags & (VM_HUGETLB | VM_NONLINEAR | VM_PFNMAP |
			       VM_INSERTPAGE))) {
		if (!vma->anon_vma)
			return TRACE_RET(0);
	}
	/* sim: anon_vma is always NULL, so no other vma gets here */
	BUG();
	return TRACE_RET(0);
}

/* Clear the ptes of [addr, end) in one pte page, releasing their pages. */
static unsigned long zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
				   unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = pte_offset_map(pmd, addr);

	do {
		pte_t ptent = *pte;
		struct page *page;

		if (pte_none(ptent))
			continue;
		/* sim: no swap or file ptes: every one left is present */
		BUG_ON(!pte_present(ptent));
		page = pte_page(ptent);	/* vm_normal_page */
		ptent = ptep_get_and_clear(mm, addr, pte);
		if (PageAnon(page)) {
			dec_mm_counter(mm, anon_rss);
		} else {
			if (pte_dirty(ptent))
				set_page_dirty(page);
			if (pte_young(ptent) &&
			    !(vma->vm_flags & VM_SEQ_READ))
				mark_page_accessed(page);
			dec_mm_counter(mm, file_rss);
		}
		sim_note("mm", "pte %#lx -> page#%lu zapped", addr,
			 page_to_pfn(page));
		page_remove_rmap(page);
		put_page(page);	/* tlb_remove_page */
	} while (pte++, addr += PAGE_SIZE, addr != end);
	pte_unmap(pte - 1);
	return addr;
}

/* The pgd entries over [addr, end) of vma (pud and pmd folded). */
static unsigned long unmap_page_range(struct vm_area_struct *vma,
				      unsigned long addr, unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		pmd_t *pmd = pmd_offset(pud_offset(pgd, addr), addr);

		next = pgd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		next = zap_pte_range(vma, pmd, addr, next);
	} while (pgd++, addr = next, addr != end);
	return addr;
}

/*
 * Zap the ptes of [start_addr, end_addr) in every vma of the list from
 * start_vma on; *nr_accounted += the VM_ACCOUNT pages. Returns the end.
 */
unsigned long unmap_vmas(struct vm_area_struct *vma,
			 unsigned long start_addr, unsigned long end_addr,
			 unsigned long *nr_accounted)
{
	unsigned long start = start_addr;

	TRACE_ENTER("vma#%u, %#lx, %#lx", sim_id(vma), start_addr,
		    end_addr & SIM_ULONG_MAX);
	for (; vma && vma->vm_start < end_addr; vma = vma->vm_next) {
		unsigned long end;

		start = max_t(unsigned long, vma->vm_start, start_addr);
		if (start >= vma->vm_end)
			continue;
		end = min_t(unsigned long, vma->vm_end, end_addr);
		if (end <= vma->vm_start)
			continue;
		if (vma->vm_flags & VM_ACCOUNT)
			*nr_accounted += (end - start) >> PAGE_SHIFT;
		/* sim: no untrack_pfn_vma, no hugetlb, no resched points */
		start = unmap_page_range(vma, start, end);
	}
	TRACE_EXIT();
	return start;
}

/* Zap the ptes of one range inside vma. */
unsigned long zap_page_range(struct vm_area_struct *vma,
			     unsigned long address, unsigned long size)
{
	unsigned long end = address + size;
	unsigned long nr_accounted = 0;

	TRACE_ENTER("vma#%u, %#lx, %#lx", sim_id(vma), address, size);
	lru_add_drain();
	end = unmap_vmas(vma, address, end, &nr_accounted);
	return TRACE_RET_ADDR(end);
}

/*
 * A write to a present read-only pte. On a shared writable vma the page
 * is reused: made writable and dirty in place. (sim: a private vma would
 * need a COW copy and an anon_vma, which are not modelled: SIGBUS.)
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long address, pte_t *page_table, pte_t orig_pte)
{
	struct page *dirty_page;
	pte_t entry;

	TRACE_ENTER("vma#%u, %#lx", sim_id(vma), address);
	(void)mm;
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) !=
	    (VM_WRITE | VM_SHARED)) {
		sim_note("mm", "private COW is not modelled");
		return TRACE_RET_INT(VM_FAULT_SIGBUS);
	}
	/* sim: shmem has no page_mkwrite */
	dirty_page = pte_page(orig_pte);
	get_page(dirty_page);
	/* reuse: */
	entry = pte_mkyoung(orig_pte);
	entry = pte_mkwrite(pte_mkdirty(entry));	/* maybe_mkwrite */
	*page_table = entry;	/* ptep_set_access_flags */
	set_page_dirty(dirty_page);
	put_page(dirty_page);
	return TRACE_RET_INT(VM_FAULT_WRITE);
}

/* sim: no anon_vma, so an anonymous private page cannot be made */
static int do_anonymous_page(struct mm_struct *mm,
			     struct vm_area_struct *vma,
			     unsigned long address, pte_t *page_table,
			     pmd_t *pmd, unsigned int flags)
{
	TRACE_ENTER("vma#%u, %#lx", sim_id(vma), address);
	(void)mm;
	(void)page_table;
	(void)pmd;
	(void)flags;
	sim_note("mm", "anonymous pages are not modelled");
	return TRACE_RET_INT(VM_FAULT_SIGBUS);
}

/*
 * Ask vma's ->fault for page pgoff, then install the pte: writable and
 * dirty for a write fault on a shared vma; the fault's page reference
 * becomes the pte's. Returns VM_FAULT_* bits.
 */
static int __do_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long address, pmd_t *pmd, pgoff_t pgoff,
		      unsigned int flags, pte_t orig_pte)
{
	struct page *dirty_page = NULL;
	struct vm_fault vmf;
	pte_t *page_table;
	struct page *page;
	pte_t entry;
	int anon = 0;
	int ret;

	TRACE_ENTER("vma#%u, %#lx, %lu, %#x", sim_id(vma), address, pgoff,
		    flags);
	vmf.virtual_address = (void *)(address & PAGE_MASK);
	vmf.pgoff = pgoff;
	vmf.flags = flags;
	vmf.page = NULL;

	ret = vma->vm_ops->fault(vma, &vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return TRACE_RET_INT(ret);

	/* the page comes back locked from shmem; lock it if it did not */
	if (!(ret & VM_FAULT_LOCKED))
		lock_page(vmf.page);
	else
		BUG_ON(!PageLocked(vmf.page));

	/* a write to a private mapping must copy the page first */
	page = vmf.page;
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED)) {
		/* sim: the COW copy needs an anon_vma: not modelled */
		sim_note("mm", "private COW is not modelled");
		unlock_page(vmf.page);
		page_cache_release(vmf.page);
		return TRACE_RET_INT(ret | VM_FAULT_SIGBUS);
	}
	/* sim: shmem has no page_mkwrite */

	page_table = pte_offset_map(pmd, address);
	/* only go on if we did not race (sim: nobody can) */
	if (pte_same(*page_table, orig_pte)) {
		entry = mk_pte(page, vma->vm_page_prot);
		if (flags & FAULT_FLAG_WRITE)
			entry = pte_mkwrite(pte_mkdirty(entry));
		inc_mm_counter(mm, file_rss);
		page_add_file_rmap(page);
		if (flags & FAULT_FLAG_WRITE) {
			dirty_page = page;
			get_page(dirty_page);
		}
		set_pte_at(mm, address, page_table, entry);
		sim_note("mm", "pte %#lx -> page#%lu %s%s: file_rss %lu",
			 address & PAGE_MASK, page_to_pfn(page),
			 pte_write(entry) ? "rw" : "ro",
			 pte_dirty(entry) ? " dirty" : "",
			 get_mm_counter(mm, file_rss));
	} else {
		anon = 1;	/* no anon but release the faulted page */
	}
	pte_unmap(page_table);

	if (dirty_page) {
		set_page_dirty(dirty_page);
		unlock_page(dirty_page);
		put_page(dirty_page);
		/* sim: no dirty throttling; file_update_time left out */
	} else {
		unlock_page(vmf.page);
		if (anon)
			page_cache_release(vmf.page);
	}
	return TRACE_RET_INT(ret);
}

/* A fault in a linear file mapping: the page's offset in the file. */
static int do_linear_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long address, pte_t *page_table,
			   pmd_t *pmd, unsigned int flags, pte_t orig_pte)
{
	pgoff_t pgoff = (((address & PAGE_MASK) - vma->vm_start) >>
			 PAGE_SHIFT) + vma->vm_pgoff;

	TRACE_ENTER("vma#%u, %#lx, pgoff %lu", sim_id(vma), address, pgoff);
	pte_unmap(page_table);
	return TRACE_RET_INT(__do_fault(mm, vma, address, pmd, pgoff, flags,
					orig_pte));
}

/* Decide what the pte needs: a page, a write upgrade, or just bits. */
static int handle_pte_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long address, pte_t *pte, pmd_t *pmd,
			    unsigned int flags)
{
	pte_t entry = *pte;

	TRACE_ENTER("vma#%u, %#lx, %#x", sim_id(vma), address, flags);
	if (!pte_present(entry)) {
		if (pte_none(entry)) {
			if (vma->vm_ops && vma->vm_ops->fault)
				return TRACE_RET_INT(do_linear_fault(mm, vma,
						address, pte, pmd, flags,
						entry));
			return TRACE_RET_INT(do_anonymous_page(mm, vma,
						address, pte, pmd, flags));
		}
		/* sim: no nonlinear or swap ptes */
		BUG();
	}
	if (flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return TRACE_RET_INT(do_wp_page(mm, vma, address, pte,
							entry));
		entry = pte_mkdirty(entry);
	}
	entry = pte_mkyoung(entry);
	*pte = entry;	/* ptep_set_access_flags; sim: no TLB to flush */
	return TRACE_RET_INT(0);
}

/*
 * The fault handler's entry: make sure the page table exists (-> OOM),
 * then resolve the pte. Returns VM_FAULT_* bits.
 */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long address, unsigned int flags)
{
	pgd_t *pgd;
	pmd_t *pmd;
	pte_t *pte;

	TRACE_ENTER("mm#%u, vma#%u, %#lx, %#x", sim_id(mm), sim_id(vma),
		    address, flags);
	current->state = TASK_RUNNING;
	/* sim: no PGFAULT event counter, no hugetlb */
	pgd = pgd_offset(mm, address);
	pmd = pmd_offset(pud_offset(pgd, address), address);	/* folded */
	/* pte_alloc_map */
	if (!pmd_present(*pmd) && __pte_alloc(mm, pmd, address))
		return TRACE_RET_INT(VM_FAULT_OOM);
	pte = pte_offset_map(pmd, address);
	return TRACE_RET_INT(handle_pte_fault(mm, vma, address, pte, pmd,
					      flags));
}

/* sim: the pte for address in mm, or NULL when it has no page table */
pte_t *sim_pte_lookup(struct mm_struct *mm, unsigned long address)
{
	pmd_t *pmd;

	if (!mm || !mm->pgd || address >= TASK_SIZE)
		return NULL;
	pmd = pmd_offset(pud_offset(pgd_offset(mm, address), address),
			 address);
	if (!pmd_present(*pmd))
		return NULL;
	return pte_offset_map(pmd, address);
}

/*
 * sim: every pte page of mm's user half in address order: fn(arg, the
 * first address it maps, its pgd entry); stops at fn's first nonzero
 * return and returns it. The checks count page tables with it.
 */
int sim_walk_pmds(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pmd_t *pmd),
		  void *arg)
{
	unsigned long i;
	int ret;

	if (!mm || !mm->pgd)
		return 0;
	for (i = 0; i < USER_PTRS_PER_PGD; i++) {
		unsigned long address = i << PGDIR_SHIFT;
		pmd_t *pmd = pmd_offset(pud_offset(pgd_offset(mm, address),
						   address), address);

		if (pmd_none(*pmd))
			continue;
		ret = fn(arg, address, pmd);
		if (ret)
			return ret;
	}
	return 0;
}

struct sim_pte_walk {
	int (*fn)(void *arg, unsigned long address, pte_t *pte);
	void *arg;
};

static int walk_pte_page(void *arg, unsigned long address, pmd_t *pmd)
{
	struct sim_pte_walk *w = arg;
	unsigned long j;
	int ret;

	for (j = 0; j < PTRS_PER_PTE; j++, address += PAGE_SIZE) {
		pte_t *pte = pte_offset_map(pmd, address);

		if (pte_none(*pte))
			continue;
		ret = w->fn(w->arg, address, pte);
		if (ret)
			return ret;
	}
	return 0;
}

/* sim: the same for every pte that is not none, in address order */
int sim_walk_ptes(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pte_t *pte),
		  void *arg)
{
	struct sim_pte_walk w = { fn, arg };

	return sim_walk_pmds(mm, walk_pte_page, &w);
}
