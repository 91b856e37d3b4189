// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/filemap.c - the page cache.
 * Models mm/filemap.c (2.4.16), in its order: add_page_to_hash_queue,
 *   add_page_to_inode_queue, remove_page_from_inode_queue,
 *   remove_page_from_hash_queue, __remove_inode_page, remove_inode_page,
 *   set_page_dirty, truncate_inode_pages (truncate_partial_page,
 *   truncate_complete_page, truncate_list_pages before it),
 *   __find_page_nolock, fail_writepage, add_to_page_cache_locked,
 *   __add_to_page_cache, add_to_page_cache, add_to_page_cache_unique, then
 *   find_get_page and find_lock_page (pagemap.h macros there, where
 *   __find_get_page and __find_lock_page are), mark_page_accessed,
 *   page_cache_init. Sim only, last: sim_page_hash_release.
 * One global hash, keyed by (mapping, index), holds every cached page: the
 *   shmem inodes' pages and the swap cache (mapping = &swapper_space).
 *   sim: uthash replaces 2.4's page_hash_table chains; page_cache_size and
 *   each mapping's nrpages are kept as 2.4 keeps them.
 *
 * A shmem page's cache life: shmem_getpage -> add_to_page_cache (count +1,
 * on clean_pages, hashed, on the LRU) ... iput -> truncate_inode_pages ->
 * remove_inode_page + page_cache_release -> freed.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/swap.h"
#include "sim/trace.h"

unsigned long page_cache_size;
static struct page *page_hash_table;	/* sim: uthash head */

/* The hash key is the pair (mapping, index), adjacent in struct page. */
struct page_hash_key {
	struct address_space *mapping;
	unsigned long index;
};
_Static_assert(offsetof(struct page, index) ==
	       offsetof(struct page, mapping) + sizeof(struct address_space *),
	       "struct page: mapping and index must be adjacent for the hash");
#define PAGE_HASH_KEYLEN sizeof(struct page_hash_key)

static void add_page_to_hash_queue(struct page *page)
{
	HASH_ADD(hh, page_hash_table, mapping, PAGE_HASH_KEYLEN, page);
	page_cache_size++;
}

static void add_page_to_inode_queue(struct address_space *mapping,
				    struct page *page)
{
	list_add(&page->list, &mapping->clean_pages);
	mapping->nrpages++;
	page->mapping = mapping;
}

static void remove_page_from_inode_queue(struct page *page)
{
	struct address_space *mapping = page->mapping;

	mapping->nrpages--;
	list_del_init(&page->list);
	page->mapping = NULL;
}

static void remove_page_from_hash_queue(struct page *page)
{
	HASH_DELETE(hh, page_hash_table, page);
	page_cache_size--;
}

/* Out of the mapping and the hash; the caller drops the cache's ref. */
void __remove_inode_page(struct page *page)
{
	remove_page_from_inode_queue(page);
	remove_page_from_hash_queue(page);
}

void remove_inode_page(struct page *page)
{
	BUG_ON(!PageLocked(page));
	__remove_inode_page(page);
}

/* A page written to: onto its mapping's dirty list. */
void set_page_dirty(struct page *page)
{
	struct address_space *mapping = page->mapping;

	if (test_bit(PG_dirty, &page->flags))
		return;
	set_bit(PG_dirty, &page->flags);
	if (mapping) {
		list_del(&page->list);
		list_add(&page->list, &mapping->dirty_pages);
	}
}

/* lstart fell inside this page: zero it from there to its end */
static void truncate_partial_page(struct page *page, unsigned int partial)
{
	memset((char *)page_address(page) + partial, 0,
	       PAGE_CACHE_SIZE - partial);
	sim_note("pagecache", "page#%lu index %lu zeroed from byte %u",
		 page_to_pfn(page), page->index, partial);
}

static void truncate_complete_page(struct page *page)
{
	lru_cache_del(page);
	clear_bit(PG_dirty, &page->flags);
	clear_bit(PG_uptodate, &page->flags);
	remove_inode_page(page);
	page_cache_release(page);
}

/*
 * Drop the pages of head at index start and above; the page just below
 * start is only zeroed past *partial (once, then *partial is 0).
 */
static int truncate_list_pages(struct list_head *head, unsigned long start,
			       unsigned int *partial)
{
	struct list_head *curr, *next;
	int freed = 0;

	list_for_each_safe(curr, next, head) {
		struct page *page = list_entry(curr, struct page, list);
		unsigned long offset = page->index;

		/* Is one of the pages to truncate? */
		if (offset < start && !(*partial && offset + 1 == start))
			continue;
		/* pin, lock, drop from the cache, unlock, unpin */
		get_page(page);
		LockPage(page);
		if (*partial && offset + 1 == start) {
			truncate_partial_page(page, *partial);
			*partial = 0;
		} else {
			sim_note("pagecache", "page#%lu index %lu leaves the "
				 "cache", page_to_pfn(page), page->index);
			truncate_complete_page(page);
			freed++;
		}
		UnlockPage(page);
		page_cache_release(page);
	}
	return freed;
}

/*
 * Drop every cached page at or past lstart, and zero the rest of the page
 * lstart falls in. Called by iput for a dying inode (lstart 0); no pte may
 * map these pages any more.
 */
void truncate_inode_pages(struct address_space *mapping, long long lstart)
{
	unsigned long start = (lstart + PAGE_CACHE_SIZE - 1) >> PAGE_CACHE_SHIFT;
	unsigned int partial = lstart & (PAGE_CACHE_SIZE - 1);

	TRACE_ENTER("nrpages %lu, from index %lu", mapping->nrpages, start);
	truncate_list_pages(&mapping->clean_pages, start, &partial);
	truncate_list_pages(&mapping->dirty_pages, start, &partial);
	truncate_list_pages(&mapping->locked_pages, start, &partial);
	TRACE_EXIT();
}

static struct page *__find_page_nolock(struct address_space *mapping,
				       unsigned long offset)
{
	struct page_hash_key key = { mapping, offset };
	struct page *page;

	HASH_FIND(hh, page_hash_table, &key, PAGE_HASH_KEYLEN, page);
	return page;
}

/* writepage refused; keep the page dirty (and busy). */
int fail_writepage(struct page *page)
{
	if (test_bit(PG_launder, &page->flags)) {
		activate_page(page);
		set_bit(PG_referenced, &page->flags);
	}
	set_bit(PG_dirty, &page->flags);
	UnlockPage(page);
	return 0;
}

/*
 * A page the caller has locked and whose flags it set (one coming back
 * from the swap cache) joins mapping at index.
 */
void add_to_page_cache_locked(struct page *page, struct address_space *mapping,
			      unsigned long index)
{
	BUG_ON(!PageLocked(page));
	BUG_ON(__find_page_nolock(mapping, index));
	page->index = index;
	get_page(page);
	add_page_to_inode_queue(mapping, page);
	add_page_to_hash_queue(page);
	lru_cache_add(page);
	sim_note("pagecache", "page#%lu hashed at index %lu, count %d, "
		 "nrpages %lu", page_to_pfn(page), index, page->count,
		 mapping->nrpages);
}

/* Into mapping at offset: locked, flags reset, the cache's reference. */
static void __add_to_page_cache(struct page *page,
				struct address_space *mapping,
				unsigned long offset)
{
	page->flags &= ~((1UL << PG_uptodate) | (1UL << PG_error) |
			 (1UL << PG_dirty) | (1UL << PG_referenced));
	LockPage(page);
	get_page(page);
	page->index = offset;
	add_page_to_inode_queue(mapping, page);
	add_page_to_hash_queue(page);
	if (mapping == &swapper_space)
		sim_note("pagecache", "page#%lu hashed in the swap cache as "
			 "entry %#lx, count %d", page_to_pfn(page), offset,
			 page->count);
	else
		sim_note("pagecache", "page#%lu hashed at index %lu, count %d, "
			 "nrpages %lu", page_to_pfn(page), offset, page->count,
			 mapping->nrpages);
}

/*
 * A new page joins the cache locked, with one more reference (the cache's),
 * on the mapping's clean list and on the inactive LRU list.
 */
void add_to_page_cache(struct page *page, struct address_space *mapping,
		       unsigned long offset)
{
	TRACE_ENTER("page#%lu, index %lu", page_to_pfn(page), offset);
	BUG_ON(__find_page_nolock(mapping, offset));
	__add_to_page_cache(page, mapping, offset);
	lru_cache_add(page);
	TRACE_EXIT();
}

/* As add_to_page_cache, unless (mapping, offset) is taken: then 1. */
int add_to_page_cache_unique(struct page *page, struct address_space *mapping,
			     unsigned long offset)
{
	if (__find_page_nolock(mapping, offset))
		return 1;
	__add_to_page_cache(page, mapping, offset);
	lru_cache_add(page);
	return 0;
}

/* Returns the cached page with a reference for the caller, or NULL. */
struct page *find_get_page(struct address_space *mapping, unsigned long offset)
{
	struct page *page;

	if (mapping == &swapper_space)
		TRACE_ENTER("swap cache, entry %#lx", offset);
	else
		TRACE_ENTER("index %lu", offset);
	page = __find_page_nolock(mapping, offset);
	if (page)
		get_page(page);
	return TRACE_RET_PAGE(page);
}

/* As find_get_page, and the page comes back locked. */
struct page *find_lock_page(struct address_space *mapping, unsigned long offset)
{
	struct page *page;

	TRACE_ENTER("index %lu", offset);
	page = __find_page_nolock(mapping, offset);
	if (page) {
		get_page(page);
		/* sim: one thread of control, so the lock is always free */
		BUG_ON(PageLocked(page));
		LockPage(page);
	}
	return TRACE_RET_PAGE(page);
}

/* First touch sets PG_referenced; a second one promotes to active. */
void mark_page_accessed(struct page *page)
{
	if (!test_bit(PG_active, &page->flags) &&
	    test_bit(PG_referenced, &page->flags)) {
		activate_page(page);
		clear_bit(PG_referenced, &page->flags);
		return;
	}
	set_bit(PG_referenced, &page->flags);
}

/* 2.4 sizes its hash table here; uthash grows by itself */
void page_cache_init(unsigned long mempages)
{
	TRACE_ENTER("%lu", mempages);
	sim_trace_comment("page hash: uthash, keyed by (mapping, index) (sim)");
	TRACE_EXIT();
}

/* sim: at shutdown the hash must already be empty; free uthash's table */
void sim_page_hash_release(void)
{
	BUG_ON(page_cache_size != 0);
	HASH_CLEAR(hh, page_hash_table);
}
