/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/swap.h - the LRU adders and their helpers.
 * Models the part of include/linux/swap.h and mm_inline.h (2.6.32) the
 * page cache uses: __lru_cache_add and its wrappers lru_cache_add_anon,
 * lru_cache_add_file, lru_cache_add_active_anon, lru_cache_add_active_file,
 * lru_cache_add_lru, activate_page, lru_add_drain, and mm_inline.h's
 * page_is_file_cache, page_lru_base_type, page_lru, add_page_to_lru_list,
 * del_page_from_lru_list, del_page_from_lru.
 * Left out: swap entries and the swap cache (not modelled yet).
 * Implemented in sim/2.6/mm/swap.c.
 */
#ifndef _SIM26_LINUX_SWAP_H
#define _SIM26_LINUX_SWAP_H

#include "linux/mm.h"

/* sim/2.6/mm/swap.c (mm/swap.c) */
void __lru_cache_add(struct page *page, enum lru_list lru);
void lru_cache_add_lru(struct page *page, enum lru_list lru);
void activate_page(struct page *page);
void lru_add_drain(void);

static inline void lru_cache_add_anon(struct page *page)
{
	__lru_cache_add(page, LRU_INACTIVE_ANON);
}

static inline void lru_cache_add_active_anon(struct page *page)
{
	__lru_cache_add(page, LRU_ACTIVE_ANON);
}

static inline void lru_cache_add_file(struct page *page)
{
	__lru_cache_add(page, LRU_INACTIVE_FILE);
}

static inline void lru_cache_add_active_file(struct page *page)
{
	__lru_cache_add(page, LRU_ACTIVE_FILE);
}

/* mm_inline.h: swap-backed pages (shmem's) go on the anon lists */
static inline int page_is_file_cache(struct page *page)
{
	return !PageSwapBacked(page);
}

static inline enum lru_list page_lru_base_type(struct page *page)
{
	if (page_is_file_cache(page))
		return LRU_INACTIVE_FILE;
	return LRU_INACTIVE_ANON;
}

/* the list the page is on, from its flags */
static inline enum lru_list page_lru(struct page *page)
{
	enum lru_list lru;

	if (PageUnevictable(page))
		return LRU_UNEVICTABLE;
	lru = page_lru_base_type(page);
	if (PageActive(page))
		lru = (enum lru_list)(lru + LRU_ACTIVE);
	return lru;
}

/* mm_inline.h: on and off a zone's LRU list, with the NR_*_ANON/FILE count */
static inline void add_page_to_lru_list(struct zone *zone, struct page *page,
					enum lru_list l)
{
	list_add(&page->lru, &zone->lru[l].list);
	__mod_zone_page_state(zone, (enum zone_stat_item)(NR_LRU_BASE + l), 1);
}

static inline void del_page_from_lru_list(struct zone *zone,
					  struct page *page, enum lru_list l)
{
	list_del_init(&page->lru);
	__mod_zone_page_state(zone, (enum zone_stat_item)(NR_LRU_BASE + l), -1);
}

/* off whichever list its flags say, clearing PG_active/PG_unevictable */
static inline void del_page_from_lru(struct zone *zone, struct page *page)
{
	enum lru_list l;

	if (PageUnevictable(page)) {
		__ClearPageUnevictable(page);
		l = LRU_UNEVICTABLE;
	} else {
		l = page_lru_base_type(page);
		if (PageActive(page)) {
			__ClearPageActive(page);
			l = (enum lru_list)(l + LRU_ACTIVE);
		}
	}
	del_page_from_lru_list(zone, page, l);
}

#endif /* _SIM26_LINUX_SWAP_H */
