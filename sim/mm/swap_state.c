// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/swap_state.c - the swap cache.
 * Models mm/swap_state.c (2.4.16), in its order: swap_writepage,
 *   swapper_space, add_to_swap_cache, __delete_from_swap_cache,
 *   delete_from_swap_cache, free_page_and_swap_cache, lookup_swap_cache,
 *   read_swap_cache_async.
 * The swap cache is the page cache of one address_space, swapper_space,
 *   with a page's index the swap entry's value: the same hash as the
 *   inodes' pages, so a page moves between them by remove_inode_page and
 *   add_to_swap_cache. While a page is in it, its slot's count holds one
 *   reference for the cache.
 * Called by shmem_writepage (into the cache), shmem_getpage (swap-in),
 *   shrink_cache (writeback and freeing) and free_swap_and_cache.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/swap.h"
#include "sim/trace.h"

/*
 * a_ops->writepage of the swap cache: write the locked page to its slot,
 * unless nobody but the cache needs it any more, then just drop it.
 */
int swap_writepage(struct page *page)
{
	TRACE_ENTER("page#%lu, %#lx", page_to_pfn(page), page->index);
	if (remove_exclusive_swap_page(page)) {
		UnlockPage(page);
		return TRACE_RET(0);
	}
	rw_swap_page(WRITE, page);
	return TRACE_RET(0);
}

static struct address_space_operations swap_aops = {
	.writepage	= swap_writepage,
};

struct address_space swapper_space = {
	.clean_pages	= LIST_HEAD_INIT(swapper_space.clean_pages),
	.dirty_pages	= LIST_HEAD_INIT(swapper_space.dirty_pages),
	.locked_pages	= LIST_HEAD_INIT(swapper_space.locked_pages),
	.a_ops		= &swap_aops,
};

/*
 * Put a locked page, in no cache, into the swap cache under entry. The
 * slot gains the cache's reference. -ENOENT if the slot is not in use,
 * -EEXIST if another page already caches it.
 */
int add_to_swap_cache(struct page *page, swp_entry_t entry)
{
	TRACE_ENTER("page#%lu, %#x", page_to_pfn(page), entry.val);
	BUG_ON(page->mapping);
	if (!swap_duplicate(entry))
		return TRACE_RET(-ENOENT);
	if (add_to_page_cache_unique(page, &swapper_space, entry.val)) {
		swap_free(entry);
		return TRACE_RET(-EEXIST);
	}
	BUG_ON(!PageLocked(page));
	BUG_ON(!PageSwapCache(page));
	return TRACE_RET(0);
}

/* Out of the swap cache; the caller drops the slot and the reference. */
void __delete_from_swap_cache(struct page *page)
{
	BUG_ON(!PageLocked(page));
	BUG_ON(!PageSwapCache(page));
	clear_bit(PG_dirty, &page->flags);
	__remove_inode_page(page);
}

/* Out of the swap cache, the slot's and the cache's references dropped. */
void delete_from_swap_cache(struct page *page)
{
	swp_entry_t entry;

	TRACE_ENTER("page#%lu, %#lx", page_to_pfn(page), page->index);
	BUG_ON(!PageLocked(page));
	entry.val = page->index;
	__delete_from_swap_cache(page);
	swap_free(entry);
	page_cache_release(page);
	TRACE_EXIT();
}

/* zap: drop a pte's page; if only the swap cache is left, it goes too. */
void free_page_and_swap_cache(struct page *page)
{
	if (PageSwapCache(page) && !PageLocked(page)) {
		LockPage(page);
		remove_exclusive_swap_page(page);
		UnlockPage(page);
	}
	page_cache_release(page);
}

/* The swap-cache page of entry with a reference, or NULL. */
struct page *lookup_swap_cache(swp_entry_t entry)
{
	return find_get_page(&swapper_space, entry.val);
}

/*
 * The page of entry in the swap cache, reading it from the swap area if it
 * is not there yet. Returns it with a reference, or NULL (no memory, or the
 * slot was freed meanwhile).
 */
struct page *read_swap_cache_async(swp_entry_t entry)
{
	struct page *found_page, *new_page = NULL;
	int err;

	TRACE_ENTER("%#x", entry.val);
	do {
		found_page = find_get_page(&swapper_space, entry.val);
		if (found_page)
			break;
		if (!new_page) {
			new_page = alloc_page(GFP_HIGHUSER);
			if (!new_page)
				break;
		}
		err = add_to_swap_cache(new_page, entry);
		if (!err) {
			rw_swap_page(READ, new_page);
			return TRACE_RET_PAGE(new_page);
		}
	} while (err != -ENOENT);

	if (new_page)
		page_cache_release(new_page);
	return TRACE_RET_PAGE(found_page);
}
