// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/page_alloc.c - the page frame allocator.
 * Models mm/page_alloc.c (2.6.32), in its order: free_pages_check,
 *   prep_new_page, __rmqueue (reduced), free_hot_cold_page, free_hot_page,
 *   buffered_rmqueue, get_page_from_freelist, __alloc_pages_nodemask,
 *   __get_free_pages, get_zeroed_page, __free_pages, free_pages; and
 *   totalram_pages, the zone counters vm_stat[] (mm/vmstat.c) and mem_map.
 *   Sim only: sim_mem_init/sim_mem_exit (RAM) before them, the
 *   allocator's check (sim_page_alloc_check) and the trace's page
 *   formatter (sim_trace_ret_page) last.
 * Left out: the buddy system and orders above 0, migrate types, per-CPU
 *   hot/cold lists (sim: one CPU, no lists: a freed frame goes straight
 *   back), watermarks with kswapd and direct reclaim (no reclaim is
 *   modelled yet: an allocation fails only when no frame is free), NUMA,
 *   zonelists (sim: one zone, ZONE_NORMAL, all of RAM). Frames are handed
 *   out lowest number first, so a scenario's frame numbers are the same on
 *   every run.
 * Called by shmem_getpage (page-cache pages), __pte_alloc and pgd_alloc
 *   (page tables), and by put_page/__free_pages from zap, truncate and the
 *   page cache.
 *
 * A frame's life: free (count 0) -> __alloc_pages_nodemask (count 1,
 * _mapcount -1) -> the users' get_page/put_page -> count 0 ->
 * free_hot_cold_page -> free. NR_FREE_PAGES follows every step.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "sim/arena.h"
#include "sim/fail.h"
#include "sim/trace.h"

struct page *mem_map;
unsigned long max_mapnr;
unsigned long totalram_pages;
long vm_stat[NR_VM_ZONE_STAT_ITEMS];	/* mm/vmstat.c */
struct zone sim_zone_normal = { .name = "Normal" };

/*
 * sim: one bit per frame, set while in use, and the first word that may
 * have a clear bit, so taking the lowest free frame does not scan the whole
 * map every time (this stands for the zone's free_area lists).
 */
#define FRAME_WORD_BITS	(sizeof(unsigned long) * CHAR_BIT)
static unsigned long *frame_in_use;
static unsigned long frame_words, frame_hint;
static void *arena;

/* sim: set up RAM, called from start_kernel before anything allocates */
int sim_mem_init(unsigned long ram_bytes)
{
	unsigned long pfn;
	int l;

	max_mapnr = ram_bytes >> PAGE_SHIFT;
	if (max_mapnr < 2)
		return -EINVAL;
	arena = sim_arena_map(max_mapnr << PAGE_SHIFT);
	mem_map = calloc(max_mapnr, sizeof(struct page));
	frame_words = (max_mapnr + FRAME_WORD_BITS - 1) / FRAME_WORD_BITS;
	frame_hint = 0;
	frame_in_use = calloc(frame_words, sizeof(*frame_in_use));
	if (!arena || !mem_map || !frame_in_use) {
		sim_mem_exit();
		return -ENOMEM;
	}
	for (pfn = 0; pfn < max_mapnr; pfn++) {
		mem_map[pfn].virtual = (char *)arena + (pfn << PAGE_SHIFT);
		reset_page_mapcount(&mem_map[pfn]);
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	}
	memset(vm_stat, 0, sizeof(vm_stat));
	for (l = 0; l < NR_LRU_LISTS; l++)
		INIT_LIST_HEAD(&sim_zone_normal.lru[l].list);
	sim_zone_normal.present_pages = max_mapnr;
	/* free_all_bootmem: every frame is free; none is reserved here */
	totalram_pages = max_mapnr;
	vm_stat[NR_FREE_PAGES] = (long)max_mapnr;
	return 0;
}

void sim_mem_exit(void)
{
	if (arena)
		sim_arena_unmap(arena, max_mapnr << PAGE_SHIFT);
	free(mem_map);
	free(frame_in_use);
	arena = NULL;
	mem_map = NULL;
	frame_in_use = NULL;
	frame_words = frame_hint = 0;
	max_mapnr = 0;
	totalram_pages = 0;
	memset(vm_stat, 0, sizeof(vm_stat));
}

/* A frame coming back must be unmapped, unowned and unreferenced. */
static int free_pages_check(struct page *page)
{
	/* sim: bad_page() would report and leak it; here it is a bug */
	BUG_ON(page_mapcount(page) != 0);
	BUG_ON(page->mapping != NULL);
	BUG_ON(page_count(page) != 0);
	BUG_ON(PageLocked(page) || PageLRU(page) || PageWriteback(page) ||
	       PageSwapCache(page) || PageSlab(page));
	/* the flags a new page must not carry are dropped here */
	page->flags = 0;
	return 0;
}

/* The page the allocator hands out: count 1, no private data. */
static int prep_new_page(struct page *page, int order, gfp_t gfp_flags)
{
	page->private = 0;
	init_page_count(page);
	if (gfp_flags & __GFP_ZERO)
		clear_highpage(page);	/* prep_zero_page */
	(void)order;
	return 0;
}

/* sim: the buddy lists reduced to "the lowest free frame" */
static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	unsigned long w, pfn;

	(void)zone;
	(void)order;
	for (w = frame_hint; w < frame_words && !~frame_in_use[w]; w++)
		;
	frame_hint = w;
	if (w == frame_words)
		return NULL;
	pfn = w * FRAME_WORD_BITS +
	      (unsigned long)__builtin_ctzl(~frame_in_use[w]);
	if (pfn >= max_mapnr)
		return NULL;	/* the last word's bits past the end */
	frame_in_use[w] |= 1UL << (pfn % FRAME_WORD_BITS);
	return &mem_map[pfn];
}

/*
 * The last reference to an order-0 page went: back to the free pool.
 * (simplified: 2.6.32 parks it on the CPU's hot or cold list and gives
 * batches back to the buddy lists; one CPU with no lists frees at once)
 */
static void free_hot_cold_page(struct page *page, int cold)
{
	unsigned long pfn = page_to_pfn(page);

	TRACE_ENTER("page#%lu, %d", pfn, cold);
	if (PageAnon(page))
		page->mapping = NULL;
	if (free_pages_check(page)) {
		TRACE_EXIT();
		return;
	}
	TestClearPageMlocked(page);
	page->private = 0;
	frame_in_use[pfn / FRAME_WORD_BITS] &=
		~(1UL << (pfn % FRAME_WORD_BITS));
	if (pfn / FRAME_WORD_BITS < frame_hint)
		frame_hint = pfn / FRAME_WORD_BITS;
	__mod_zone_page_state(page_zone(page), NR_FREE_PAGES, 1);
	TRACE_EXIT();
}

void free_hot_page(struct page *page)
{
	free_hot_cold_page(page, 0);
}

/* Take one page off the zone (sim: no per-CPU list in between). */
static struct page *buffered_rmqueue(struct zone *zone, int order,
				     gfp_t gfp_flags)
{
	struct page *page = __rmqueue(zone, (unsigned int)order);

	if (!page)
		return NULL;
	__mod_zone_page_state(zone, NR_FREE_PAGES, -(1 << order));
	if (prep_new_page(page, order, gfp_flags))
		return NULL;
	return page;
}

/* sim: one zone; no watermark check, since nothing could reclaim */
static struct page *get_page_from_freelist(gfp_t gfp_mask,
					   unsigned int order)
{
	return buffered_rmqueue(&sim_zone_normal, (int)order, gfp_mask);
}

/*
 * The allocator's heart: a page with count 1, or NULL when no frame is
 * free (2.6.32 would wake kswapd, reclaim, and at last OOM-kill; none of
 * that is modelled yet, so the caller sees the failure: -ENOMEM, or
 * VM_FAULT_OOM from a fault).
 */
struct page *__alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order)
{
	struct page *page;

	TRACE_ENTER("%#x, %u", gfp_mask, order);
	BUG_ON(order != 0);	/* sim: no buddy system */
	if (sim_should_fail("alloc_page"))	/* sim: `inject alloc_page` */
		return TRACE_RET_PAGE((struct page *)NULL);
	page = get_page_from_freelist(gfp_mask, order);
	if (!page)
		sim_note("mm", "out of page frames");
	return TRACE_RET_PAGE(page);
}

/* A page's kernel address (sim: its bytes in the arena), or 0. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask, order);

	if (!page)
		return 0;
	return (unsigned long)page_address(page);
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

void __free_pages(struct page *page, unsigned int order)
{
	BUG_ON(order != 0);
	if (put_page_testzero(page))
		free_hot_page(page);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr != 0)
		__free_pages(virt_to_page((void *)addr), order);
}

/*
 * sim: the allocator's own books, for the checks (docs/invariants.md,
 * "Linux 2.6.32", items 60 and 29): a frame is marked in use exactly when
 * its count is not 0, and the frames in use plus NR_FREE_PAGES are all
 * of RAM (totalram_pages, every frame of the arena).
 */
int sim_page_alloc_check(char *why, size_t len)
{
	unsigned long pfn, used = 0;
	long free = global_page_state(NR_FREE_PAGES);

	for (pfn = 0; pfn < max_mapnr; pfn++) {
		int in_use = (frame_in_use[pfn / FRAME_WORD_BITS] >>
			      (pfn % FRAME_WORD_BITS)) & 1;

		if (in_use != (page_count(&mem_map[pfn]) != 0)) {
			snprintf(why, len, "page-free_map: page#%lu _count %d "
				 "but %s by the allocator", pfn,
				 page_count(&mem_map[pfn]),
				 in_use ? "in use" : "free");
			return 60;
		}
		used += in_use;
	}
	if (free < 0 || used + (unsigned long)free != totalram_pages ||
	    totalram_pages != max_mapnr) {
		snprintf(why, len, "page-total: %lu used + %ld free != %lu "
			 "frames (max_mapnr %lu)", used, free, totalram_pages,
			 max_mapnr);
		return 29;
	}
	return 0;
}

struct page *sim_trace_ret_page(const char *func, struct page *page)
{
	char buf[32];

	if (!sim_trace.printing)
		sim_trace_exit(func, NULL);	/* counts, and stops */
	else if (!page)
		sim_trace_exit(func, "NULL");
	else if (IS_ERR(page))
		sim_trace_exit(func, "%s", sim_fmt_err(PTR_ERR(page), buf,
						       sizeof(buf)));
	else
		sim_trace_exit(func, "page#%lu", page_to_pfn(page));
	return page;
}
