// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/vmscan.c - page reclaim.
 * Models mm/vmscan.c (2.4.16), in its order: try_to_swap_out,
 *   swap_out_pgd (with swap_out_pmd's walk: i386 folds the pmd),
 *   swap_out_vma, swap_out_mm, swap_out, shrink_cache, refill_inactive,
 *   shrink_caches, try_to_free_pages, and kswapd's balancing loop
 *   (kswapd_balance). Header inlines at their first user: swp_entry_to_pte
 *   at the top, is_page_cache_freeable (linux/mm.h) before shrink_cache;
 *   sim_pressure, sim only, last.
 * shrink_cache is longer than 80 lines, as 2.4.16's is (189 lines): it is one
 *   function there, so it is one here.
 * Left out: zones and classzones (one zone of low memory), the slab, dcache
 *   and icache shrinkers (nothing reclaimable there: our dentries and
 *   inodes are never unused), buffers. (simplified: when every priority
 *   fails, 2.4 calls out_of_memory() and its allocator loops until the OOM
 *   killer's victim has exited; here try_to_free_pages returns 0 and the
 *   allocation fails, so the faulting task gets VM_FAULT_OOM and is killed
 *   as do_page_fault's out_of_memory path kills it.)
 *
 * How a shmem page leaves RAM (docs/walkthrough-swap.md): shrink_cache
 * finds it mapped (count > 1) and calls swap_out, which walks the mms and
 * drops its ptes (try_to_swap_out; a dirty pte dirties the page). With
 * only the page cache's reference left, a later pass calls
 * shmem_writepage, which moves it into the swap cache; a later pass still
 * writes it to the swap file (swap_writepage) and, clean, frees it.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/swap.h"
#include "sim/trace.h"

int sim_in_reclaim;
unsigned long sim_reclaim_work;	/* ptes dropped, pages written or freed */
struct mm_struct *swap_mm = &init_mm;

static inline pte_t swp_entry_to_pte(swp_entry_t entry)
{
	pte_t pte = { entry.val };

	return pte;
}

/*
 * Unmap one pte of page, if it is not in recent use. Returns 1 if the page
 * may now be freeable (only the caches hold it), 0 otherwise.
 */
static int try_to_swap_out(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long address, pte_t *page_table,
			   struct page *page)
{
	pte_t pte;
	swp_entry_t entry;
	int freeable;

	/* a locked vma, or a page used since the last scan, stays */
	if ((vma->vm_flags & VM_LOCKED) ||
	    ptep_test_and_clear_young(page_table)) {
		mark_page_accessed(page);
		return 0;
	}
	if (test_bit(PG_active, &page->flags))
		return 0;
	if (PageLocked(page))
		return 0;
	LockPage(page);

	pte = ptep_get_and_clear(page_table);
	flush_tlb_page(vma, address);
	if (pte_dirty(pte))
		set_page_dirty(page);

	if (PageSwapCache(page)) {
		entry.val = page->index;
		swap_duplicate(entry);
set_swap_pte:
		set_pte(page_table, swp_entry_to_pte(entry));
drop_pte:
		mm->rss--;
		sim_reclaim_work++;
		UnlockPage(page);
		freeable = page_count(page) <= 2;
		sim_note("vmscan", "pte %#lx -> page#%lu dropped%s, page count "
			 "%d, rss %lu", address, page_to_pfn(page),
			 pte_none(*page_table) ? "" : " (swap pte)",
			 page_count(page) - 1, mm->rss);
		page_cache_release(page);
		return freeable;
	}

	/* a page-cache page (shmem): the pte simply goes, nothing to save */
	if (page->mapping)
		goto drop_pte;
	if (!PageDirty(page))
		goto drop_pte;

	/* a dirty anonymous page: it needs a slot and the swap cache */
	for (;;) {
		entry = get_swap_page();
		if (!entry.val)
			break;
		if (add_to_swap_cache(page, entry) == 0) {
			SetPageUptodate(page);
			set_page_dirty(page);
			goto set_swap_pte;
		}
		swap_free(entry);
	}
	/* no swap: keep it mapped */
	set_pte(page_table, pte);
	UnlockPage(page);
	return 0;
}

static int swap_out_pgd(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long address, unsigned long end, int count)
{
	unsigned long pgd_end = (address + PGDIR_SIZE) & ~(PGDIR_SIZE - 1);

	if (pgd_end && end > pgd_end)
		end = pgd_end;
	if (!sim_pte_lookup(mm, address)) {
		mm->swap_address = end;
		return count;
	}
	do {
		pte_t *pte = sim_pte_lookup(mm, address);

		if (pte_present(*pte)) {
			struct page *page = pfn_to_page(pte_pfn(*pte));

			if (!PageReserved(page)) {
				count -= try_to_swap_out(mm, vma, address, pte,
							 page);
				if (!count) {
					address += PAGE_SIZE;
					break;
				}
			}
		}
		address += PAGE_SIZE;
	} while (address && address < end);
	mm->swap_address = address;
	return count;
}

static int swap_out_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long address, int count)
{
	unsigned long end;

	if (vma->vm_flags & VM_RESERVED)
		return count;
	end = vma->vm_end;
	BUG_ON(address >= end);
	do {
		count = swap_out_pgd(mm, vma, address, end, count);
		if (!count)
			break;
		address = (address + PGDIR_SIZE) & ~(PGDIR_SIZE - 1);
	} while (address && address < end);
	return count;
}

/* Scan one mm from where the last scan stopped (mm->swap_address). */
static int swap_out_mm(struct mm_struct *mm, int count, int *mmcounter)
{
	unsigned long address;
	struct vm_area_struct *vma;

	TRACE_ENTER("mm#%u from %#lx", sim_id(mm), mm->swap_address);
	address = mm->swap_address;
	if (address == TASK_SIZE || swap_mm != mm) {
		++*mmcounter;
		return TRACE_RET_INT(count);
	}
	vma = find_vma(mm, address);
	if (vma) {
		if (address < vma->vm_start)
			address = vma->vm_start;
		for (;;) {
			count = swap_out_vma(mm, vma, address, count);
			vma = vma->vm_next;
			if (!vma)
				break;
			if (!count)
				return TRACE_RET_INT(count);
			address = vma->vm_start;
		}
	}
	mm->swap_address = TASK_SIZE;
	return TRACE_RET_INT(count);
}

/*
 * Unmap up to SWAP_CLUSTER_MAX pages, round-robin over the mms on mmlist
 * from swap_mm on. Returns 1 when that many were unmapped.
 */
static int swap_out(unsigned int priority, unsigned int gfp_mask)
{
	int counter, nr_pages = SWAP_CLUSTER_MAX;
	struct mm_struct *mm;

	(void)gfp_mask;
	TRACE_ENTER("priority %u", priority);
	counter = mmlist_nr;
	do {
		mm = swap_mm;
		while (mm->swap_address == TASK_SIZE || mm == &init_mm) {
			mm->swap_address = 0;
			mm = list_entry(mm->mmlist.next, struct mm_struct,
					mmlist);
			if (mm == swap_mm)
				return TRACE_RET_INT(0);	/* empty */
			swap_mm = mm;
		}
		mm->mm_users++;
		nr_pages = swap_out_mm(mm, nr_pages, &counter);
		mmput(mm);
		if (!nr_pages)
			return TRACE_RET_INT(1);
	} while (--counter >= 0);
	return TRACE_RET_INT(0);
}

static inline int is_page_cache_freeable(struct page *page)
{
	return page_count(page) == 1;	/* no buffers here */
}

/*
 * Scan the inactive list from its tail for up to nr_pages pages to free:
 * write dirty ones out through their mapping's writepage, free clean ones,
 * and when too many are still mapped, unmap some with swap_out. Returns
 * how many pages are still wanted.
 */
static int shrink_cache(int nr_pages, unsigned int gfp_mask, int priority)
{
	struct list_head *entry;
	int max_scan = nr_inactive_pages / priority;
	int max_mapped = nr_pages << (9 - priority);
	int mapped = 0;

	TRACE_ENTER("%d, priority %d", nr_pages, priority);
	while (--max_scan >= 0 &&
	       (entry = inactive_list.prev) != &inactive_list) {
		struct page *page = list_entry(entry, struct page, lru);

		BUG_ON(!test_bit(PG_lru, &page->flags));
		BUG_ON(test_bit(PG_active, &page->flags));
		list_del(entry);
		list_add(entry, &inactive_list);

		if (!page_count(page))
			continue;
		if (page_count(page) != 1 || !page->mapping)
			goto page_mapped;
		if (PageLocked(page))
			continue;
		LockPage(page);

		if (PageDirty(page) && is_page_cache_freeable(page) &&
		    page->mapping) {
			int (*writepage)(struct page *);

			writepage = page->mapping->a_ops->writepage;
			if (writepage) {
				struct address_space *was = page->mapping;

				clear_bit(PG_dirty, &page->flags);
				set_bit(PG_launder, &page->flags);
				get_page(page);
				writepage(page);
				/*
				 * sim: a refused write (fail_writepage: the
				 * segment is SHM_LOCKed, or swap is full)
				 * leaves the page dirty where it was; that
				 * is no progress for the allocator's loop.
				 */
				if (!PageDirty(page) || page->mapping != was)
					sim_reclaim_work++;
				page_cache_release(page);
				continue;
			}
		}

		if (!page->mapping || !is_page_cache_freeable(page)) {
			UnlockPage(page);
page_mapped:
			mapped++;
			if (--max_mapped >= 0)
				continue;
			swap_out(priority, gfp_mask);
			return TRACE_RET_INT(nr_pages);
		}
		if (PageDirty(page)) {
			UnlockPage(page);
			continue;
		}
		if (!PageSwapCache(page)) {
			sim_note("vmscan", "clean page#%lu index %lu of the "
				 "page cache freed", page_to_pfn(page),
				 page->index);
			__remove_inode_page(page);
		} else {
			swp_entry_t swap;

			swap.val = page->index;
			sim_note("vmscan", "page#%lu of the swap cache freed, "
				 "its data is in slot %lu", page_to_pfn(page),
				 SWP_OFFSET(swap));
			__delete_from_swap_cache(page);
			swap_free(swap);
		}
		lru_cache_del(page);
		UnlockPage(page);
		page_cache_release(page);
		sim_reclaim_work++;
		if (--nr_pages)
			continue;
		break;
	}
	/*
	 * sim: max_mapped is tuned for machines of thousands of frames; on
	 * one of a few hundred the inactive list can be shorter than it, and
	 * 2.4.16 would never unmap anything. A scan that met mapped pages
	 * and did not free enough calls swap_out too.
	 */
	if (nr_pages > 0 && mapped)
		swap_out(priority, gfp_mask);
	return TRACE_RET_INT(nr_pages);
}

/* Move unreferenced pages from the active list's tail to inactive. */
static void refill_inactive(int nr_pages)
{
	struct list_head *entry = active_list.prev;

	while (nr_pages-- && entry != &active_list) {
		struct page *page = list_entry(entry, struct page, lru);

		entry = entry->prev;
		if (test_bit(PG_referenced, &page->flags)) {
			clear_bit(PG_referenced, &page->flags);
			list_del(&page->lru);
			list_add(&page->lru, &active_list);
			continue;
		}
		list_del(&page->lru);
		clear_bit(PG_active, &page->flags);
		nr_active_pages--;
		list_add(&page->lru, &inactive_list);
		nr_inactive_pages++;
		set_bit(PG_referenced, &page->flags);
	}
}

static int shrink_caches(int priority, unsigned int gfp_mask, int nr_pages)
{
	unsigned long ratio;

	TRACE_ENTER("priority %d, %d pages", priority, nr_pages);
	/* kmem_cache_reap: nothing to reap (sim) */
	ratio = (unsigned long)nr_pages * nr_active_pages /
		((nr_inactive_pages + 1) * 2);
	refill_inactive(ratio);
	nr_pages = shrink_cache(nr_pages, gfp_mask, priority);
	/* shrink_dcache_memory, shrink_icache_memory: nothing unused (sim) */
	return TRACE_RET_INT(nr_pages);
}

/* Free SWAP_CLUSTER_MAX pages, trying harder at each priority (6..1). */
int try_to_free_pages(unsigned int gfp_mask)
{
	int priority = DEF_PRIORITY;
	int nr_pages = SWAP_CLUSTER_MAX;
	int saved = sim_in_reclaim;

	TRACE_ENTER("%#x", gfp_mask);
	sim_in_reclaim = 1;
	do {
		nr_pages = shrink_caches(priority, gfp_mask, nr_pages);
		if (nr_pages <= 0) {
			sim_in_reclaim = saved;
			return TRACE_RET_INT(1);
		}
	} while (--priority);
	sim_in_reclaim = saved;
	/* out_of_memory(): 2.4.16 kills nothing while swap slots are free */
	if (nr_swap_pages > 0)
		sim_note("vmscan", "fewer than %d pages freed; out_of_memory() "
			 "kills nothing: %ld swap slots are free",
			 SWAP_CLUSTER_MAX, nr_swap_pages);
	else
		sim_note("vmscan", "fewer than %d pages freed, and no free "
			 "swap: out of memory", SWAP_CLUSTER_MAX);
	return TRACE_RET_INT(0);
}

/*
 * kswapd's loop (kswapd_balance_pgdat): free pages until the zone is back
 * above pages_high. sim: kswapd is a thread in 2.4; here it runs when the
 * allocator wakes it, between two statements of the scenario.
 */
void kswapd_balance(void)
{
	TRACE_ENTER("free %lu, pages_high %lu", nr_free_pages(), pages_high);
	while (nr_free_pages() <= pages_high)
		if (!try_to_free_pages(GFP_KSWAPD))
			break;
	need_balance = 0;
	TRACE_EXIT();
}

/*
 * sim: `pressure N`: reclaim until N more frames are free (or nothing more
 * can go), as kswapd would under that much demand. Returns frames freed.
 */
int sim_pressure(int nr_pages)
{
	unsigned long before = nr_free_pages();
	unsigned long target = before + nr_pages;

	TRACE_ENTER("%d", nr_pages);
	while (nr_free_pages() < target && nr_free_pages() < max_mapnr)
		if (!try_to_free_pages(GFP_KSWAPD))
			break;
	return TRACE_RET_INT((long)(nr_free_pages() - before));
}
