// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/rmap.c - counting the ptes that map a page.
 * Models mm/rmap.c (2.6.32), in its order: page_add_file_rmap,
 *   page_remove_rmap.
 * Left out: anonymous pages and anon_vma (no private COW is modelled),
 *   try_to_unmap and page_referenced (no reclaim yet), memory cgroups, the
 *   s390 storage-key dirty transfer.
 * Called by __do_fault (a pte installed) and zap_pte_range (a pte zapped).
 *
 * _mapcount starts at -1: the first pte makes it 0 and counts the page in
 * NR_FILE_MAPPED (meminfo's Mapped); the last one going makes it -1 again.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "sim/trace.h"

void page_add_file_rmap(struct page *page)
{
	TRACE_ENTER("page#%lu", page_to_pfn(page));
	if (++page->_mapcount == 0) {
		__inc_zone_page_state(page, NR_FILE_MAPPED);
		sim_note("mm", "page#%lu mapped: NR_FILE_MAPPED %lu",
			 page_to_pfn(page), global_page_state(NR_FILE_MAPPED));
	}
	TRACE_EXIT();
}

void page_remove_rmap(struct page *page)
{
	TRACE_ENTER("page#%lu", page_to_pfn(page));
	/* still mapped by another pte? */
	if (--page->_mapcount >= 0) {
		TRACE_EXIT();
		return;
	}
	if (PageAnon(page))
		__dec_zone_page_state(page, NR_ANON_PAGES);
	else
		__dec_zone_page_state(page, NR_FILE_MAPPED);
	sim_note("mm", "page#%lu unmapped: NR_FILE_MAPPED %lu",
		 page_to_pfn(page), global_page_state(NR_FILE_MAPPED));
	TRACE_EXIT();
}
