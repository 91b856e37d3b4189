// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/page-writeback.c - marking pages dirty.
 * Models mm/page-writeback.c (2.6.32): set_page_dirty only.
 * Left out: writeback, dirty throttling (balance_dirty_pages), the
 *   buffer-head default (__set_page_dirty_buffers: no block devices).
 * Called by zap_pte_range (a dirty pte goes) and __do_fault (a write
 *   fault on a shared mapping).
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "sim/trace.h"

/* The mapping's own way (shmem: __set_page_dirty_no_writeback); 1 if it
 * was clean. */
int set_page_dirty(struct page *page)
{
	struct address_space *mapping = PageAnon(page) ? NULL : page->mapping;

	TRACE_ENTER("page#%lu", page_to_pfn(page));
	if (mapping && mapping->a_ops && mapping->a_ops->set_page_dirty)
		return TRACE_RET_INT(mapping->a_ops->set_page_dirty(page));
	if (!PageDirty(page)) {
		if (!TestSetPageDirty(page))
			return TRACE_RET_INT(1);
	}
	return TRACE_RET_INT(0);
}
