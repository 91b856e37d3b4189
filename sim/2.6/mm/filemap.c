// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/filemap.c - the page cache: a file's pages by index.
 * Models mm/filemap.c (2.6.32), in its order: __remove_from_page_cache,
 *   remove_from_page_cache, add_to_page_cache_locked,
 *   add_to_page_cache_lru, unlock_page, find_get_page, find_lock_page,
 *   find_get_pages; and sim_page_cache_check (sim: for the checks).
 * Left out: everything about reading and writing files (the generic
 *   read/write paths, readahead, filemap_fault: shmem has its own ->fault),
 *   writeback waits, the memory cgroup charges, the tree_lock and RCU (one
 *   thread: the lockless lookup's retry loop never retries, so it is a
 *   plain radix-tree lookup plus a reference).
 * Called by mm/shmem.c (shmem_getpage: find_lock_page,
 *   add_to_page_cache_lru), mm/truncate.c (find_get_pages,
 *   remove_from_page_cache) and __do_fault (unlock_page).
 *
 * A page-cache page holds one reference for the cache (taken by
 * add_to_page_cache_locked, dropped by the caller of
 * remove_from_page_cache) besides its users'. In the cache it is counted
 * in mapping->nrpages, NR_FILE_PAGES and, if swap-backed (shmem), NR_SHMEM
 * (meminfo's Shmem:); it sits on an LRU list (the anon ones for shmem).
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/pagemap.h"
#include "linux/swap.h"
#include "linux/backing-dev.h"
#include "linux/radix-tree.h"
#include "sim/trace.h"

/* Out of the tree and the counters; the cache's reference stays. */
void __remove_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	TRACE_ENTER("page#%lu, index %lu", page_to_pfn(page), page->index);
	radix_tree_delete(&mapping->page_tree, page->index);
	page->mapping = NULL;
	mapping->nrpages--;
	__dec_zone_page_state(page, NR_FILE_PAGES);
	if (PageSwapBacked(page))
		__dec_zone_page_state(page, NR_SHMEM);
	BUG_ON(page_mapped(page));
	sim_note("mm", "page#%lu out of the page cache: nrpages %lu, "
		 "NR_FILE_PAGES %lu, NR_SHMEM %lu", page_to_pfn(page),
		 mapping->nrpages, global_page_state(NR_FILE_PAGES),
		 global_page_state(NR_SHMEM));

	/* a page re-dirtied after the VM cleaned it: fix the count */
	if (PageDirty(page) && mapping_cap_account_dirty(mapping))
		dec_zone_page_state(page, NR_FILE_DIRTY);
	TRACE_EXIT();
}

/* The page is locked; sim: no tree_lock, no mem_cgroup uncharge. */
void remove_from_page_cache(struct page *page)
{
	TRACE_ENTER("page#%lu", page_to_pfn(page));
	BUG_ON(!PageLocked(page));
	__remove_from_page_cache(page);
	TRACE_EXIT();
}

/*
 * Put a locked page at offset of mapping: the cache takes a reference.
 * 0, -ENOMEM (no radix-tree node) or -EEXIST (someone was first).
 */
int add_to_page_cache_locked(struct page *page, struct address_space *mapping,
			     pgoff_t offset, gfp_t gfp_mask)
{
	int error;

	TRACE_ENTER("page#%lu, inode#%u, index %lu", page_to_pfn(page),
		    sim_id(mapping->host), offset);
	BUG_ON(!PageLocked(page));

	/* sim: no mem_cgroup_cache_charge */
	error = radix_tree_preload(gfp_mask & ~__GFP_HIGHMEM);
	if (error == 0) {
		page_cache_get(page);
		page->mapping = mapping;
		page->index = offset;

		error = radix_tree_insert(&mapping->page_tree, offset, page);
		if (!error) {
			mapping->nrpages++;
			__inc_zone_page_state(page, NR_FILE_PAGES);
			if (PageSwapBacked(page))
				__inc_zone_page_state(page, NR_SHMEM);
			sim_note("mm", "page#%lu in the page cache at index "
				 "%lu: nrpages %lu, NR_FILE_PAGES %lu, "
				 "NR_SHMEM %lu, _count %d", page_to_pfn(page),
				 offset, mapping->nrpages,
				 global_page_state(NR_FILE_PAGES),
				 global_page_state(NR_SHMEM),
				 page_count(page));
		} else {
			page->mapping = NULL;
			page_cache_release(page);
		}
		radix_tree_preload_end();
	}
	return TRACE_RET(error);
}

/* The same, and onto an LRU list: shmem's pages on the anon ones. */
int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  pgoff_t offset, gfp_t gfp_mask)
{
	int ret;

	TRACE_ENTER("page#%lu, inode#%u, index %lu", page_to_pfn(page),
		    sim_id(mapping->host), offset);
	/* swap-backed before the charge and the LRU choice below */
	if (mapping_cap_swap_backed(mapping))
		SetPageSwapBacked(page);

	ret = add_to_page_cache(page, mapping, offset, gfp_mask);
	if (ret == 0) {
		if (page_is_file_cache(page))
			lru_cache_add_file(page);
		else
			lru_cache_add_anon(page);
	}
	return TRACE_RET(ret);
}

/* sim: no waiters to wake (one thread) */
void unlock_page(struct page *page)
{
	BUG_ON(!PageLocked(page));
	ClearPageLocked(page);
}

/*
 * The page at offset, with a reference the caller drops, or NULL.
 * sim: the speculative get and its retries reduce to a get.
 */
struct page *find_get_page(struct address_space *mapping, pgoff_t offset)
{
	void **pagep;
	struct page *page = NULL;

	TRACE_ENTER("inode#%u, index %lu", sim_id(mapping->host), offset);
	pagep = radix_tree_lookup_slot(&mapping->page_tree, offset);
	if (pagep) {
		page = *pagep;
		BUG_ON(!page);
		page_cache_get(page);
	}
	return TRACE_RET_PAGE(page);
}

/* find_get_page, and the page lock; NULL if absent. */
struct page *find_lock_page(struct address_space *mapping, pgoff_t offset)
{
	struct page *page;

	TRACE_ENTER("inode#%u, index %lu", sim_id(mapping->host), offset);
repeat:
	page = find_get_page(mapping, offset);
	if (page) {
		lock_page(page);
		/* has the page been truncated? */
		if (page->mapping != mapping) {
			unlock_page(page);
			page_cache_release(page);
			goto repeat;
		}
		BUG_ON(page->index != offset);
	}
	return TRACE_RET_PAGE(page);
}

/*
 * Up to nr_pages pages from index start on, each with a reference
 * (pagevec_lookup's worker). Returns how many.
 */
unsigned int find_get_pages(struct address_space *mapping, pgoff_t start,
			    unsigned int nr_pages, struct page **pages)
{
	unsigned int i, ret;

	ret = radix_tree_gang_lookup(&mapping->page_tree, (void **)pages,
				     start, nr_pages);
	for (i = 0; i < ret; i++)
		page_cache_get(pages[i]);
	return ret;
}

/*
 * sim: one mapping's page cache, for the checks (docs/invariants.md,
 * "Linux 2.6.32", items 58 and 59): every page in its tree has mapping
 * == it and sits at its own index; nrpages is how many there are. Each
 * page found adds one to pages[pfn] (the cache's reference), if given.
 */
int sim_page_cache_check(struct address_space *mapping, int *pages,
			 char *why, size_t len)
{
	struct page *batch[16];
	unsigned long next = 0, found = 0;
	unsigned int i, n;

	do {
		n = radix_tree_gang_lookup(&mapping->page_tree,
					   (void **)batch, next, 16);
		for (i = 0; i < n; i++) {
			struct page *page = batch[i];

			if (page->mapping != mapping || page->index < next ||
			    radix_tree_lookup(&mapping->page_tree,
					      page->index) != page) {
				snprintf(why, len, "pagecache-index: inode#%u: "
					 "page#%lu in its tree has index %lu "
					 "and %s mapping",
					 sim_id(mapping->host),
					 page_to_pfn(page), page->index,
					 page->mapping == mapping ? "its" :
					 "another");
				return 59;
			}
			next = page->index + 1;
			found++;
			if (pages)
				pages[page_to_pfn(page)]++;
		}
	} while (n == 16 && next);
	if (mapping->nrpages != found) {
		snprintf(why, len, "pagecache-nrpages: inode#%u nrpages %lu, "
			 "its tree holds %lu pages", sim_id(mapping->host),
			 mapping->nrpages, found);
		return 58;
	}
	return 0;
}
