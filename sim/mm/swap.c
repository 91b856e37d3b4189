// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/swap.c - the LRU lists.
 * Models mm/swap.c (2.4.16), in its order: activate_page (with
 *   activate_page_nolock's body), lru_cache_add, lru_cache_del (with
 *   __lru_cache_del's: one thread, no pagemap_lru_lock to take).
 *   mark_page_accessed is mm/filemap.c's (sim/mm/filemap.c).
 * Every page-cache page (shmem pages included) sits on one of two lists:
 * new pages enter inactive; a page referenced twice moves to active. Reclaim
 * (mm/vmscan.c) scans them from the tail.
 */
#include "linux/kernel.h"
#include "linux/mm.h"

LIST_HEAD(active_list);
LIST_HEAD(inactive_list);
unsigned long nr_active_pages;
unsigned long nr_inactive_pages;

void activate_page(struct page *page)
{
	if (test_bit(PG_lru, &page->flags) &&
	    !test_bit(PG_active, &page->flags)) {
		list_del(&page->lru);
		nr_inactive_pages--;
		set_bit(PG_active, &page->flags);
		list_add(&page->lru, &active_list);
		nr_active_pages++;
	}
}

/* A page not on the LRU yet joins the inactive list (others stay put). */
void lru_cache_add(struct page *page)
{
	if (test_bit(PG_lru, &page->flags))
		return;
	set_bit(PG_lru, &page->flags);
	list_add(&page->lru, &inactive_list);
	nr_inactive_pages++;
}

void lru_cache_del(struct page *page)
{
	if (!test_bit(PG_lru, &page->flags))
		return;
	list_del_init(&page->lru);
	if (test_bit(PG_active, &page->flags)) {
		clear_bit(PG_active, &page->flags);
		nr_active_pages--;
	} else {
		nr_inactive_pages--;
	}
	clear_bit(PG_lru, &page->flags);
}
