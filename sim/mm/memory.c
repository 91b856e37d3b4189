// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/memory.c - page tables and the generic fault path.
 * Models mm/memory.c (2.4.16), in its order: clear_page_tables,
 *   copy_page_range, zap_page_range, do_wp_page, do_swap_page (anonymous
 *   pages' swap ptes; shmem never has them), do_anonymous_page,
 *   do_no_page, handle_pte_fault, handle_mm_fault, pte_alloc. Before them,
 *   sim only: sim_pte_lookup and the walks of an mm's ptes that the
 *   invariant checks use (sim_walk_ptes, with its kept lists).
 * Left out: the zero page (simplified: do_anonymous_page gives every
 *   access its own zeroed frame), TLB and cache flushes, page_table_lock
 *   (one thread), swapin_readahead.
 * Called by do_page_fault (the fault path), do_munmap and exit_mmap (zap),
 *   dup_mmap (copy_page_range).
 *
 * i386 two-level tables: mm->pgd is one frame of 1024 entries, each naming
 * the frame of a page table of 1024 ptes; a pte names the page it maps.
 * Typical sequence for the first touch of a shm page: handle_mm_fault ->
 * pte_alloc -> handle_pte_fault -> do_no_page -> vma->vm_ops->nopage
 * (shmem_nopage) -> set the pte; rss +1.
 */
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/swap.h"
#include "sim/trace.h"

static inline unsigned long pgd_index(unsigned long address)
{
	return (address >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long pte_index(unsigned long address)
{
	return (address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline pte_t *pte_table(pgd_t pgd)
{
	return page_address(pfn_to_page(pgd.pgd >> PAGE_SHIFT));
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	pte_t pte = { (uint32_t)(page_to_pfn(page) << PAGE_SHIFT) | prot.pgprot };

	return pte;
}

static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static inline swp_entry_t pte_to_swp_entry(pte_t pte)
{
	swp_entry_t entry = { pte.pte_low };

	return entry;
}

/* sim: the pte for address, or NULL when no page table covers it */
pte_t *sim_pte_lookup(struct mm_struct *mm, unsigned long address)
{
	pgd_t *pgd;

	if (!mm->pgd || address >= TASK_SIZE)
		return NULL;
	pgd = &mm->pgd[pgd_index(address)];
	if (pgd_none(*pgd))
		return NULL;
	return pte_table(*pgd) + pte_index(address);
}

unsigned long sim_pte_drops;
void (*sim_flush_tlb_hook)(struct mm_struct *mm, unsigned long addr);

/*
 * sim: a pte of ptep's page table changed (set_pte, pte_clear): its mm's
 * list of ptes is out of date.
 */
void sim_pte_written(pte_t *ptep)
{
	struct mm_struct *mm = virt_to_page(ptep)->sim_pt_mm;

	if (mm)
		mm->sim_pte_gen++;
}

/*
 * sim: every present pgd entry of mm's user space (pgd_fn) and every
 * non-empty pte under it (pte_fn), in address order; either may be NULL.
 * Stops at the first non-zero return and passes it on.
 */
static int scan_tables(struct mm_struct *mm,
		       int (*pgd_fn)(void *, unsigned long, pgd_t *),
		       int (*pte_fn)(void *, unsigned long, pte_t *),
		       void *arg)
{
	unsigned long i, j;
	int ret;

	for (i = 0; mm->pgd && i < (TASK_SIZE >> PGDIR_SHIFT); i++) {
		pte_t *table;

		if (pgd_none(mm->pgd[i]))
			continue;
		if (pgd_fn && (ret = pgd_fn(arg, i << PGDIR_SHIFT,
					    &mm->pgd[i])))
			return ret;
		table = pte_table(mm->pgd[i]);
		for (j = 0; pte_fn && j < PTRS_PER_PTE; j++) {
			if (pte_none(table[j]))
				continue;
			ret = pte_fn(arg, (i << PGDIR_SHIFT) |
				     (j << PAGE_SHIFT), &table[j]);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/*
 * sim: what scan_tables found in an mm when mm->sim_pte_gen was gen, in
 * its order. The invariant checks walk every mm after every statement;
 * rescanning 768 pgd entries and 1024 ptes per table of every mm made a
 * run of thousands of tasks take minutes. Each pte write bumps the gen
 * (set_pte), as does each page table made or freed, so an unchanged mm is
 * walked from its list.
 */
struct sim_pte_ref {
	unsigned long address;
	pgd_t *pgd;			/* one of the two, the other NULL */
	pte_t *pte;
};

struct sim_pte_list {
	unsigned long gen;
	size_t n, cap;
	struct sim_pte_ref v[];
};

static int pte_list_push(struct mm_struct *mm, unsigned long address,
			 pgd_t *pgd, pte_t *pte)
{
	struct sim_pte_list *l = mm->sim_ptes;

	if (l->n == l->cap) {
		l = realloc(l, sizeof(*l) + 2 * l->cap * sizeof(l->v[0]));
		if (!l)
			return -1;
		l->cap *= 2;
		mm->sim_ptes = l;
	}
	l->v[l->n].address = address;
	l->v[l->n].pgd = pgd;
	l->v[l->n++].pte = pte;
	return 0;
}

static int push_pgd(void *mm, unsigned long address, pgd_t *pgd)
{
	return pte_list_push(mm, address, pgd, NULL);
}

static int push_pte(void *mm, unsigned long address, pte_t *pte)
{
	return pte_list_push(mm, address, NULL, pte);
}

/* mm's list, made again if a pte changed since; NULL: out of host memory */
static struct sim_pte_list *pte_list(struct mm_struct *mm)
{
	struct sim_pte_list *l = mm->sim_ptes;

	if (l && l->gen == mm->sim_pte_gen)
		return l;
	if (!l) {
		l = malloc(sizeof(*l) + 16 * sizeof(l->v[0]));
		if (!l)
			return NULL;
		l->cap = 16;
		mm->sim_ptes = l;
	}
	l->n = 0;
	if (scan_tables(mm, push_pgd, push_pte, mm)) {
		sim_forget_ptes(mm);
		return NULL;
	}
	mm->sim_ptes->gen = mm->sim_pte_gen;
	return mm->sim_ptes;
}

/* sim: mm is going; so is its list. */
void sim_forget_ptes(struct mm_struct *mm)
{
	free(mm->sim_ptes);
	mm->sim_ptes = NULL;
}

/*
 * sim: call fn(arg, address, pte) for every non-empty pte of mm's user
 * space, in address order; stop at the first non-zero return and pass it
 * on. The invariant checks count ptes with it (rss, frame and slot counts).
 * Out of host memory for the list it scans the tables themselves.
 */
int sim_walk_ptes(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pte_t *pte),
		  void *arg)
{
	struct sim_pte_list *l = pte_list(mm);
	size_t i;
	int ret;

	if (!l)
		return scan_tables(mm, NULL, fn, arg);
	for (i = 0; i < l->n; i++)
		if (l->v[i].pte && (ret = fn(arg, l->v[i].address,
					      l->v[i].pte)))
			return ret;
	return 0;
}

/* sim: fn(arg, address, pgd) for every present pgd entry of user space. */
int sim_walk_pgds(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pgd_t *pgd),
		  void *arg)
{
	struct sim_pte_list *l = pte_list(mm);
	size_t i;
	int ret;

	if (!l)
		return scan_tables(mm, fn, NULL, arg);
	for (i = 0; i < l->n; i++)
		if (l->v[i].pgd && (ret = fn(arg, l->v[i].address,
					      l->v[i].pgd)))
			return ret;
	return 0;
}

/* defined last, where 2.4.16's mm/memory.c has it */
static pte_t *pte_alloc(struct mm_struct *mm, pgd_t *pgd,
			unsigned long address);

/*
 * Free the page-table pages of pgd entries [first, first+nr): exit, and
 * free_pgtables after an unmap. Their ptes were zapped before.
 */
void clear_page_tables(struct mm_struct *mm, unsigned long first, int nr)
{
	pgd_t *pgd = mm->pgd + first;

	for (; nr > 0; nr--, pgd++, first++) {
		if (pgd_none(*pgd))
			continue;
		sim_note("mm", "page table page#%u for %#lx-%#lx freed",
			 pgd->pgd >> PAGE_SHIFT, first << PGDIR_SHIFT,
			 (first << PGDIR_SHIFT) + PGDIR_SIZE - 1);
		pfn_to_page(pgd->pgd >> PAGE_SHIFT)->sim_pt_mm = NULL;
		mm->sim_pte_gen++;	/* sim: a table less to walk */
		__free_page(pfn_to_page(pgd->pgd >> PAGE_SHIFT));
		pgd->pgd = 0;
	}
}

/*
 * fork: copy src's ptes of vma into dst. A private writable vma's ptes are
 * write-protected in both (copy on write); a shared vma's stay writable
 * and the child's copy is clean. Every copy is old; each takes a page
 * reference and counts in dst's rss.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long address;
	int cow = (vma->vm_flags & (VM_SHARED | VM_WRITE)) == VM_WRITE;

	TRACE_ENTER("mm#%u <- mm#%u, vma#%u", sim_id(dst), sim_id(src),
		    sim_id(vma));
	for (address = vma->vm_start; address < vma->vm_end;
	     address += PAGE_SIZE) {
		pte_t *src_pte = sim_pte_lookup(src, address), *dst_pte;
		pte_t pte;

		if (!src_pte || pte_none(*src_pte))
			continue;
		dst_pte = pte_alloc(dst, &dst->pgd[pgd_index(address)],
				    address);
		if (!dst_pte)
			return TRACE_RET(-ENOMEM);
		pte = *src_pte;
		if (!pte_present(pte)) {
			/* a swap pte: both name the slot now */
			swap_duplicate(pte_to_swp_entry(pte));
			set_pte(dst_pte, pte);
			continue;
		}
		/* COW mapping: write-protect it in the parent and the child */
		if (cow) {
			pte.pte_low &= ~_PAGE_RW;	/* ptep_set_wrprotect */
			set_pte(src_pte, pte);
		}
		/* the child's pte of a shared page starts clean: the
		 * parent's keeps the dirty bit */
		if (vma->vm_flags & VM_SHARED)
			pte.pte_low &= ~_PAGE_DIRTY;
		pte.pte_low &= ~_PAGE_ACCESSED;		/* pte_mkold */
		get_page(pte_page(pte));
		set_pte(dst_pte, pte);
		dst->rss++;
	}
	return TRACE_RET(0);
}

/*
 * Drop the ptes of [address, address+size): each mapped page loses the
 * pte's reference (a dirty pte first dirties the page). rss goes down.
 */
void zap_page_range(struct mm_struct *mm, unsigned long address,
		    unsigned long size)
{
	unsigned long end = address + size, addr;
	unsigned long freed = 0;

	TRACE_ENTER("mm#%u, %#lx, %#lx", sim_id(mm), address, size);
	for (addr = address; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = sim_pte_lookup(mm, addr);
		pte_t pte;
		struct page *page;

		if (!ptep) {
			/* no page table: skip to the next 4 MiB */
			addr = (addr | (PGDIR_SIZE - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		if (pte_none(*ptep))
			continue;
		pte = ptep_get_and_clear(ptep);
		if (!pte_present(pte)) {
			/* an anonymous page's swap pte: its slot goes */
			sim_note("mm", "swap pte %#lx (slot %u) cleared", addr,
				 pte.pte_low >> 8);
			free_swap_and_cache(pte_to_swp_entry(pte));
			continue;
		}
		page = pte_page(pte);
		if (!PageReserved(page))
			freed++;
		if (pte_dirty(pte))
			set_page_dirty(page);
		sim_note("mm", "pte %#lx -> page#%lu cleared, page count %d",
			 addr, page_to_pfn(page), page_count(page) - 1);
		free_page_and_swap_cache(page);
	}
	if (mm->rss > freed)
		mm->rss -= freed;
	else
		mm->rss = 0;
	TRACE_EXIT();
}

/*
 * A write to a present read-only pte of a writable private vma: make the
 * page writable if this pte holds its only reference, else copy it.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long address, pte_t *page_table, pte_t pte)
{
	struct page *old_page = pte_page(pte), *new_page;

	TRACE_ENTER("vma#%u, %#lx", sim_id(vma), address);
	(void)mm;
	/* TryLockPage + can_share_swap_page(): nobody else has the page */
	if (!PageLocked(old_page)) {
		int reuse;

		LockPage(old_page);
		reuse = can_share_swap_page(old_page);
		UnlockPage(old_page);
		if (reuse) {
			pte.pte_low |= _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED;
			set_pte(page_table, pte);	/* establish_pte */
			sim_note("mm", "pte %#lx -> page#%lu reused, now rw "
				 "dirty", address & PAGE_MASK,
				 page_to_pfn(old_page));
			return TRACE_RET_INT(VM_FAULT_MINOR);
		}
	}
	/*
	 * Copy. alloc_page may reclaim, and reclaim may unmap this very pte
	 * (try_to_swap_out): hold old_page meanwhile, and replace the pte
	 * only if it is still the one that faulted (pte_same); if not, the
	 * access is simply retried.
	 */
	get_page(old_page);
	new_page = alloc_page(GFP_HIGHUSER);
	if (!new_page) {
		page_cache_release(old_page);
		return TRACE_RET_INT(VM_FAULT_OOM);
	}
	memcpy(page_address(new_page), page_address(old_page), PAGE_SIZE);
	if (page_table->pte_low == pte.pte_low) {
		/* break_cow */
		pte = mk_pte(new_page, vma->vm_page_prot);
		pte.pte_low |= _PAGE_RW | _PAGE_DIRTY;
		set_pte(page_table, pte);
		lru_cache_add(new_page);
		new_page = old_page;	/* drop the old pte's reference */
	}
	page_cache_release(new_page);
	page_cache_release(old_page);
	return TRACE_RET_INT(VM_FAULT_MINOR);
}

/*
 * A swap pte (an anonymous page that swap_out wrote away): find the page
 * in the swap cache or read it from the swap file, and map it again.
 * Returns 1 (minor: found in the swap cache), 2 (major: read), -1 (OOM).
 */
static int do_swap_page(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long address, pte_t *page_table,
			pte_t orig_pte, int write_access)
{
	swp_entry_t entry = pte_to_swp_entry(orig_pte);
	struct page *page;
	pte_t pte;
	int ret = VM_FAULT_MINOR;

	TRACE_ENTER("vma#%u, %#lx, %#x", sim_id(vma), address, entry.val);
	page = lookup_swap_cache(entry);
	if (!page) {
		/* sim: no swapin_readahead */
		page = read_swap_cache_async(entry);
		if (!page)
			return TRACE_RET_INT(page_table->pte_low ==
					     orig_pte.pte_low ? VM_FAULT_OOM :
					     VM_FAULT_MINOR);
		ret = VM_FAULT_MAJOR;	/* read from the swap area */
	}
	LockPage(page);
	swap_free(entry);
	if (vm_swap_full())
		remove_exclusive_swap_page(page);
	mm->rss++;
	pte = mk_pte(page, vma->vm_page_prot);
	if (write_access && can_share_swap_page(page))
		pte.pte_low |= _PAGE_RW | _PAGE_DIRTY;
	UnlockPage(page);
	set_pte(page_table, pte);
	sim_note("mm", "pte %#lx -> page#%lu from swap, page count %d, rss %lu",
		 address & PAGE_MASK, page_to_pfn(page), page_count(page),
		 mm->rss);
	return TRACE_RET_INT(ret);
}

/* Anonymous memory: a new zeroed frame of its own (simplified, see top). */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     pte_t *page_table, int write_access,
			     unsigned long addr)
{
	struct page *page;
	pte_t entry;

	TRACE_ENTER("vma#%u, %#lx", sim_id(vma), addr);
	page = alloc_page(GFP_HIGHUSER);
	if (!page)
		return TRACE_RET_INT(VM_FAULT_OOM);
	clear_user_highpage(page);
	mm->rss++;
	entry = mk_pte(page, vma->vm_page_prot);
	if (write_access)
		entry.pte_low |= _PAGE_RW | _PAGE_DIRTY;
	set_pte(page_table, entry);
	lru_cache_add(page);
	mark_page_accessed(page);
	return TRACE_RET_INT(VM_FAULT_MINOR);
}

/*
 * No pte yet: ask the vma's nopage (shmem_nopage for shm) for the page and
 * map it. Returns VM_FAULT_MAJOR (every shm first touch counts as major),
 * VM_FAULT_SIGBUS or VM_FAULT_OOM.
 */
static int do_no_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long address, int write_access, pte_t *page_table)
{
	struct page *new_page;
	pte_t entry;

	TRACE_ENTER("vma#%u, %#lx, %s", sim_id(vma), address,
		    write_access ? "write" : "read");
	new_page = vma->vm_ops->nopage(vma, address & PAGE_MASK, 0);
	if (new_page == NOPAGE_SIGBUS)
		return TRACE_RET_INT(VM_FAULT_SIGBUS);
	if (new_page == NOPAGE_OOM)
		return TRACE_RET_INT(VM_FAULT_OOM);

	/* sim: a private vma would copy the page here (never for shm) */
	if (!pte_none(*page_table)) {
		/* someone else mapped it meanwhile */
		page_cache_release(new_page);
		return TRACE_RET_INT(VM_FAULT_MINOR);
	}
	mm->rss++;
	entry = mk_pte(new_page, vma->vm_page_prot);
	if (write_access)
		entry.pte_low |= _PAGE_RW | _PAGE_DIRTY;
	set_pte(page_table, entry);
	sim_note("mm", "pte %#lx -> page#%lu %s%s, page count %d, rss %lu",
		 address & PAGE_MASK, page_to_pfn(new_page),
		 pte_write(entry) ? "rw" : "ro",
		 pte_dirty(entry) ? " dirty" : "", page_count(new_page),
		 mm->rss);
	return TRACE_RET_INT(VM_FAULT_MAJOR);
}

static int handle_pte_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long address, int write_access,
			    pte_t *pte)
{
	pte_t entry = *pte;
	int ret;

	TRACE_ENTER("%#lx, %s", address, write_access ? "write" : "read");
	if (!pte_present(entry)) {
		if (!pte_none(entry))
			ret = do_swap_page(mm, vma, address, pte, entry,
					   write_access);
		else if (vma->vm_ops && vma->vm_ops->nopage)
			ret = do_no_page(mm, vma, address, write_access, pte);
		else
			ret = do_anonymous_page(mm, vma, pte, write_access,
						address);
		return TRACE_RET_INT(ret);
	}
	if (write_access) {
		if (!pte_write(entry))
			return TRACE_RET_INT(do_wp_page(mm, vma, address, pte,
							entry));
		entry.pte_low |= _PAGE_DIRTY;
	}
	entry.pte_low |= _PAGE_ACCESSED;
	set_pte(pte, entry);
	return TRACE_RET_INT(VM_FAULT_MINOR);
}

/* Returns 1 minor, 2 major, 0 SIGBUS, -1 out of memory. */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long address, int write_access)
{
	pgd_t *pgd;
	pte_t *pte;
	int ret = VM_FAULT_OOM;

	TRACE_ENTER("mm#%u, vma#%u, %#lx, %s", sim_id(mm), sim_id(vma),
		    address, write_access ? "write" : "read");
	pgd = &mm->pgd[pgd_index(address)];
	/* pmd_alloc: nothing to do with two-level tables */
	pte = pte_alloc(mm, pgd, address);
	if (pte)
		ret = handle_pte_fault(mm, vma, address, write_access, pte);
	return TRACE_RET_INT(ret);
}

/* Find the pte slot, allocating the page-table page on first use. */
static pte_t *pte_alloc(struct mm_struct *mm, pgd_t *pgd,
			unsigned long address)
{
	struct page *new;

	if (pgd_none(*pgd)) {
		TRACE_ENTER("%#lx", address);
		new = alloc_page(GFP_KERNEL);
		if (!new) {
			TRACE_EXIT();
			return NULL;
		}
		clear_user_highpage(new);
		new->sim_pt_mm = mm;	/* sim: whose ptes set_pte changes */
		mm->sim_pte_gen++;	/* sim: a table more to walk */
		pgd->pgd = (uint32_t)(page_to_pfn(new) << PAGE_SHIFT) |
			   _PAGE_TABLE;
		sim_note("mm", "page table page#%lu covers %#lx-%#lx",
			 page_to_pfn(new), address & ~(PGDIR_SIZE - 1),
			 (address & ~(PGDIR_SIZE - 1)) + PGDIR_SIZE - 1);
		TRACE_EXIT();
	}
	return pte_table(*pgd) + pte_index(address);
}
