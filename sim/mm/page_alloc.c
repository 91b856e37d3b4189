// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/page_alloc.c - the page frame allocator.
 * Models mm/page_alloc.c (2.4.16), in its order: __free_pages_ok, rmqueue,
 *   __alloc_pages, get_zeroed_page (an i386 address, for shmem's swap
 *   vector; free_page, a macro there, is linux/mm.h's), __free_pages,
 *   nr_free_pages; and mem_map, one struct page per frame. Sim only:
 *   sim_mem_init/sim_mem_exit (RAM, with free_area_init_core's
 *   watermarks) first; the trace's page formatters
 *   (sim_trace_ret_page, sim_trace_ret_nopage) last.
 * Left out: zones (all RAM is one low-memory zone), the buddy system,
 *   orders above 0. Frames are handed out lowest number first, so a
 *   scenario's frame numbers are the same on every run.
 * Called by shmem_getpage (page cache pages), pte_alloc and mm_alloc (page
 *   tables), and page_cache_release from zap, truncate and the cache.
 *
 * A frame's life: free (count 0) -> __alloc_pages (count 1) -> the users'
 * get_page/page_cache_release -> count 0 -> __free_pages_ok -> free.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/swap.h"
#include "sim/arena.h"
#include "sim/fail.h"
#include "sim/trace.h"

struct page *mem_map;
unsigned long max_mapnr;
unsigned long pages_min, pages_low, pages_high;
int need_balance;
unsigned long nr_free_pages_count;
/*
 * sim: one bit per frame, set while in use, and the first word that may
 * have a clear bit: frames below it are all in use, so taking the lowest
 * free frame does not scan the whole map every time.
 */
#define FRAME_WORD_BITS	(sizeof(unsigned long) * CHAR_BIT)
static unsigned long *frame_in_use;
static unsigned long frame_words, frame_hint;
static void *arena;

/* sim: set up RAM, called from start_kernel before anything allocates */
int sim_mem_init(unsigned long ram_bytes)
{
	unsigned long pfn;

	max_mapnr = ram_bytes >> PAGE_SHIFT;
	/* sim: tmpfs gets half of RAM in inodes, and needs one for its root */
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
		INIT_LIST_HEAD(&mem_map[pfn].list);
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	}
	nr_free_pages_count = max_mapnr;
	/*
	 * free_area_init_core: the watermarks are 1, 2 and 3 times
	 * size / zone_balance_ratio (128), kept within 20..255 frames.
	 */
	pages_min = max_mapnr / 128;
	if (pages_min < 20)
		pages_min = 20;
	else if (pages_min > 255)
		pages_min = 255;
	pages_low = pages_min * 2;
	pages_high = pages_min * 3;
	need_balance = 0;
	return 0;
}

void sim_mem_exit(void)
{
	sim_arena_unmap(arena, max_mapnr << PAGE_SHIFT);
	free(mem_map);
	free(frame_in_use);
	arena = NULL;
	mem_map = NULL;
	frame_in_use = NULL;
	frame_words = frame_hint = 0;
	max_mapnr = 0;
	nr_free_pages_count = 0;
}

/* The last reference went: the frame returns to the free pool. */
static void __free_pages_ok(struct page *page, unsigned int order)
{
	unsigned long pfn;

	TRACE_ENTER("page#%lu, %u", page_to_pfn(page), order);
	BUG_ON(page->mapping);
	BUG_ON(PageLocked(page));
	if (test_bit(PG_lru, &page->flags))
		lru_cache_del(page);
	page->flags = 0;
	pfn = page_to_pfn(page);
	frame_in_use[pfn / FRAME_WORD_BITS] &= ~(1UL << (pfn % FRAME_WORD_BITS));
	if (pfn / FRAME_WORD_BITS < frame_hint)
		frame_hint = pfn / FRAME_WORD_BITS;
	nr_free_pages_count++;
	TRACE_EXIT();
}

/* Take the lowest free frame: count 1, no flags, no mapping. */
static struct page *rmqueue(void)
{
	unsigned long w, pfn;
	struct page *page;

	for (w = frame_hint; w < frame_words && !~frame_in_use[w]; w++)
		;
	frame_hint = w;
	if (w == frame_words)
		return NULL;
	pfn = w * FRAME_WORD_BITS + __builtin_ctzl(~frame_in_use[w]);
	if (pfn >= max_mapnr)
		return NULL;	/* the last word's bits past the end */
	frame_in_use[w] |= 1UL << (pfn % FRAME_WORD_BITS);
	nr_free_pages_count--;
	page = &mem_map[pfn];
	page->count = 1;
	page->flags = 0;
	page->mapping = NULL;
	page->index = 0;
	return page;
}

/*
 * A frame with count 1, or NULL. Above pages_low anything goes; at or
 * below it kswapd is woken; at or below pages_min the caller reclaims
 * itself (try_to_free_pages), unless it is reclaiming already
 * (PF_MEMALLOC), which may take the last frames.
 * (simplified: where 2.4.16 loops until memory comes back, the OOM
 * killer's victim's included, the allocation fails once a round of
 * reclaim can do nothing at all; the faulting task is the one killed.)
 */
struct page *__alloc_pages(unsigned int gfp_mask, unsigned int order)
{
	unsigned long min = 1UL << order;
	unsigned long local_min, work;
	struct page *page;
	int enough;

	TRACE_ENTER("%#x, %u", gfp_mask, order);
	BUG_ON(order != 0);
	if (sim_should_fail("alloc_page"))	/* sim: `inject alloc_page` */
		return TRACE_RET_PAGE((struct page *)NULL);
	if (nr_free_pages_count > pages_low + min)
		return TRACE_RET_PAGE(rmqueue());

	if (!need_balance)
		sim_note("mm", "free pages %lu, not above pages_low %lu + 1: "
			 "kswapd woken", nr_free_pages_count, pages_low);
	need_balance = 1;
	local_min = pages_min;
	if (!(gfp_mask & __GFP_WAIT))
		local_min >>= 2;
	if (nr_free_pages_count > local_min + min)
		return TRACE_RET_PAGE(rmqueue());

	for (;;) {
		if (sim_in_reclaim) {
			page = rmqueue();
			if (!page)
				sim_note("mm", "out of page frames");
			return TRACE_RET_PAGE(page);
		}
		if (!(gfp_mask & __GFP_WAIT))
			return TRACE_RET_PAGE((struct page *)NULL);
		sim_note("mm", "free pages %lu, not above pages_min %lu + 1: "
			 "direct reclaim", nr_free_pages_count, pages_min);
		work = sim_reclaim_work;
		enough = try_to_free_pages(gfp_mask);
		if (nr_free_pages_count > pages_min + min)
			return TRACE_RET_PAGE(rmqueue());
		/* 2.4 yields and tries again while reclaim gets somewhere */
		if (!enough && sim_reclaim_work == work) {
			sim_note("mm", "out of memory");
			return TRACE_RET_PAGE((struct page *)NULL);
		}
	}
}

uint32_t get_zeroed_page(int gfp_mask)
{
	struct page *page = alloc_page(gfp_mask);

	if (!page)
		return 0;
	clear_user_highpage(page);
	return sim_kaddr(page);
}

void __free_pages(struct page *page, unsigned int order)
{
	BUG_ON(page->count <= 0);
	if (--page->count == 0)
		__free_pages_ok(page, order);
}

unsigned long nr_free_pages(void)
{
	return nr_free_pages_count;
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

/* A nopage result: page#PFN, or the sentinel NOPAGE_SIGBUS or NOPAGE_OOM */
struct page *sim_trace_ret_nopage(const char *func, struct page *page)
{
	if (!sim_trace.printing || (page != NOPAGE_SIGBUS &&
				    page != NOPAGE_OOM))
		return sim_trace_ret_page(func, page);
	sim_trace_exit(func, page == NOPAGE_OOM ? "NOPAGE_OOM" :
		       "NOPAGE_SIGBUS");
	return page;
}
