// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/swap.c - page release and the LRU lists.
 * Models mm/swap.c (2.6.32), in its order: __page_cache_release, put_page,
 *   activate_page, mark_page_accessed, __lru_cache_add, lru_cache_add_lru,
 *   lru_add_drain.
 * Left out: compound pages, the rotate pagevec, release_pages, the reclaim
 *   statistics (update_page_reclaim_stat), the PGACTIVATE event.
 *   sim: no per-CPU pagevecs: __lru_cache_add puts the page on its zone
 *   list at once, where 2.6.32 holds up to 14 pages per CPU until a drain
 *   (so Active(anon)/Inactive(*) in meminfo move with every page here);
 *   and so lru_add_drain has nothing to do. No zone lru_lock (one thread).
 * Called by add_to_page_cache_lru (lru_cache_add_* from linux/swap.h),
 *   page_cache_release/put_page everywhere, mark_page_accessed from shmem.
 *
 * A page-cache page: alloc_page -> add_to_page_cache_lru (PG_lru, on the
 * list the wrapper names; NR_ACTIVE_ANON etc. +1) -> ... -> its last
 * put_page: off the list (counter -1), then free_hot_page.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/swap.h"
#include "sim/trace.h"

/* The last reference went: off the LRU, then back to the allocator. */
static void __page_cache_release(struct page *page)
{
	if (PageLRU(page)) {
		struct zone *zone = page_zone(page);

		__ClearPageLRU(page);
		del_page_from_lru(zone, page);
	}
	free_hot_page(page);
}

void put_page(struct page *page)
{
	TRACE_ENTER("page#%lu", page_to_pfn(page));
	if (put_page_testzero(page))
		__page_cache_release(page);
	TRACE_EXIT();
}

/* An inactive page on the LRU moves to the active list of its type. */
void activate_page(struct page *page)
{
	struct zone *zone = page_zone(page);

	TRACE_ENTER("page#%lu", page_to_pfn(page));
	if (PageLRU(page) && !PageActive(page) && !PageUnevictable(page)) {
		enum lru_list lru = page_lru_base_type(page);

		del_page_from_lru_list(zone, page, lru);
		SetPageActive(page);
		lru = (enum lru_list)(lru + LRU_ACTIVE);
		add_page_to_lru_list(zone, page, lru);
		sim_note("mm", "page#%lu activated", page_to_pfn(page));
	}
	TRACE_EXIT();
}

/*
 * inactive, unreferenced -> inactive, referenced -> active, unreferenced
 * -> active, referenced.
 */
void mark_page_accessed(struct page *page)
{
	TRACE_ENTER("page#%lu", page_to_pfn(page));
	if (!PageActive(page) && !PageUnevictable(page) &&
	    PageReferenced(page) && PageLRU(page)) {
		activate_page(page);
		ClearPageReferenced(page);
	} else if (!PageReferenced(page)) {
		SetPageReferenced(page);
	}
	TRACE_EXIT();
}

/*
 * Put the page on list lru of its zone: PG_lru, PG_active for an active
 * list, the list's NR_* counter +1 (the work of ____pagevec_lru_add).
 * sim: 2.6.32 takes a reference for the pagevec and drops it when the
 * vec drains; with no pagevec there is none to take.
 */
void __lru_cache_add(struct page *page, enum lru_list lru)
{
	struct zone *zone = page_zone(page);

	TRACE_ENTER("page#%lu, %d", page_to_pfn(page), (int)lru);
	BUG_ON(PageActive(page) || PageUnevictable(page) || PageLRU(page));
	SetPageLRU(page);
	if (lru == LRU_ACTIVE_ANON || lru == LRU_ACTIVE_FILE)
		SetPageActive(page);
	add_page_to_lru_list(zone, page, lru);
	TRACE_EXIT();
}

/* The same, after dropping a stale active/unevictable mark. */
void lru_cache_add_lru(struct page *page, enum lru_list lru)
{
	if (PageActive(page))
		ClearPageActive(page);
	else if (PageUnevictable(page))
		ClearPageUnevictable(page);
	__lru_cache_add(page, lru);
}

/* sim: no pagevecs to drain */
void lru_add_drain(void)
{
}
