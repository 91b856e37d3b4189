// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/truncate.c - dropping a file's pages from the page cache.
 * Models mm/truncate.c (2.6.32), reduced, in its order:
 *   truncate_complete_page, truncate_inode_page,
 *   truncate_inode_pages_range, truncate_inode_pages.
 * Left out: partial-page zeroing (truncate_partial_page: the model
 *   truncates whole files only, to 0), invalidatepage (no buffers),
 *   dirty accounting (shmem's bdi does none), writeback waits, the
 *   invalidate_* family; pagevecs are a local array of PAGEVEC_SIZE.
 * Called by shmem_delete_inode (mm/shmem.c) when the last reference to a
 *   segment's inode goes: iput -> generic_delete_inode -> delete_inode.
 *
 * For each page: lock it, take it out of the cache (remove_from_page_cache)
 * and drop the cache's reference; the lookup's own reference goes at the
 * end of the batch, which frees the page if nobody else holds it.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/pagemap.h"
#include "sim/trace.h"

#define PAGEVEC_SIZE	14	/* include/linux/pagevec.h */

/* sim: pagevec_release without the LRU drain: put each page */
static void sim_pagevec_release(struct page **pages, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		page_cache_release(pages[i]);
}

/* -EIO if the page left this mapping meanwhile */
static int truncate_complete_page(struct address_space *mapping,
				  struct page *page)
{
	if (page->mapping != mapping)
		return -EIO;
	/* sim: no page_has_private, cancel_dirty_page, clear_page_mlock */
	remove_from_page_cache(page);
	ClearPageMappedToDisk(page);
	page_cache_release(page);	/* pagecache ref */
	return 0;
}

static int truncate_inode_page(struct address_space *mapping,
			       struct page *page)
{
	/* sim: a mapped page would be unmapped first; none is, here */
	BUG_ON(page_mapped(page));
	return truncate_complete_page(mapping, page);
}

/*
 * Drop every page from lstart (rounded up to a page) to lend inclusive.
 * sim: the kernel's two passes (trylock, then lock and wait) are one: no
 * page is ever locked or under writeback here.
 */
void truncate_inode_pages_range(struct address_space *mapping,
				loff_t lstart, loff_t lend)
{
	const pgoff_t start = (pgoff_t)((lstart + PAGE_CACHE_SIZE - 1) >>
					PAGE_CACHE_SHIFT);
	struct page *pages[PAGEVEC_SIZE];
	pgoff_t end, next;
	unsigned int i, nr;

	TRACE_ENTER("inode#%u, %lld, %lld", sim_id(mapping->host),
		    (long long)lstart, (long long)lend);
	if (mapping->nrpages == 0) {
		TRACE_EXIT();
		return;
	}

	BUG_ON((lend & (PAGE_CACHE_SIZE - 1)) != (PAGE_CACHE_SIZE - 1));
	end = (pgoff_t)(lend >> PAGE_CACHE_SHIFT);
	if (lend < 0)
		end = ~0UL;	/* sim: (loff_t)-1 on a 64-bit pgoff_t */

	next = start;
	while (next <= end &&
	       (nr = find_get_pages(mapping, next, PAGEVEC_SIZE, pages))) {
		for (i = 0; i < nr; i++) {
			struct page *page = pages[i];
			pgoff_t page_index = page->index;

			if (page_index > end) {
				next = page_index;
				break;
			}
			if (page_index > next)
				next = page_index;
			next++;
			if (!trylock_page(page))
				continue;
			if (PageWriteback(page)) {
				unlock_page(page);
				continue;
			}
			truncate_inode_page(mapping, page);
			unlock_page(page);
		}
		sim_pagevec_release(pages, nr);
		if (next > end || i < nr)
			break;
	}
	/* sim: no partial page, no second pass (see above) */
	TRACE_EXIT();
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, (loff_t)-1);
}
