// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/page_io.c - reading and writing swap pages.
 * Models mm/page_io.c (2.4.16), in its order: rw_swap_page_base,
 *   rw_swap_page.
 * sim: the area is a real file of the host and the I/O is synchronous: a
 *   write really puts the page's 4 KiB at the slot's offset (pwrite), a
 *   read brings them back (pread). The page is locked during I/O and
 *   unlocked, up to date and clean afterwards, as end_buffer_io_async
 *   leaves it in 2.4.
 *   When the host refuses (a full disk, EIO), the page gets PG_error as a
 *   failed buffer gives it in 2.4; a page that was being written also
 *   stays dirty, so reclaim keeps it in RAM rather than drop the only copy
 *   of its bytes; a page being read is not up to date, and the fault
 *   fails (SIGBUS). The failure is noted in the trace and kept for the
 *   runner (sim_swapdev_failed), which stops the run and says so.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/swap.h"
#include "sim/swapdev.h"
#include "sim/trace.h"

unsigned long sim_pswpin, sim_pswpout;

static int rw_swap_page_base(int rw, swp_entry_t entry, struct page *page)
{
	struct swap_info_struct *p;
	unsigned long offset = SWP_OFFSET(entry);
	long long pos;
	long n;

	if (SWP_TYPE(entry) >= (unsigned long)nr_swapfiles)
		return 0;
	p = &swap_info[SWP_TYPE(entry)];
	if (!(p->flags & SWP_USED) || offset >= p->max)
		return 0;
	pos = (long long)offset << PAGE_SHIFT;
	if (rw == READ) {
		n = sim_swapdev_read(p->sim_fd, page_address(page), PAGE_SIZE,
				     pos);
		sim_pswpin++;
	} else {
		n = sim_swapdev_write(p->sim_fd, page_address(page), PAGE_SIZE,
				      pos);
		sim_pswpout++;
	}
	if (n == (long)PAGE_SIZE) {
		sim_note("swap", "%s slot %lu: %ld bytes at offset %#llx of "
			 "the swap file", rw == READ ? "read" : "wrote",
			 offset, n, pos);
		return 1;
	}
	sim_swapdev_failed(n < 0 ? (int)-n : EIO, "%s slot %lu of the swap "
			   "file", rw == READ ? "reading" : "writing", offset);
	sim_note("swap", "%s slot %lu at offset %#llx of the swap file "
		 "failed on the host: %s", rw == READ ? "reading" : "writing",
		 offset, pos, n < 0 ? sim_errno_name((int)-n) : "short I/O");
	return 0;
}

/* I/O on the locked swap-cache page; it comes back unlocked. */
void rw_swap_page(int rw, struct page *page)
{
	swp_entry_t entry;

	TRACE_ENTER("%s, page#%lu", rw == READ ? "READ" : "WRITE",
		    page_to_pfn(page));
	entry.val = page->index;
	BUG_ON(!PageLocked(page));
	BUG_ON(!PageSwapCache(page));
	if (rw == WRITE)
		clear_bit(PG_dirty, &page->flags);
	if (rw_swap_page_base(rw, entry, page)) {
		SetPageUptodate(page);
		clear_bit(PG_error, &page->flags);
	} else {
		set_bit(PG_error, &page->flags);
		if (rw == READ)
			clear_bit(PG_uptodate, &page->flags);
		else
			set_page_dirty(page);	/* sim: keep the only copy */
	}
	UnlockPage(page);
	TRACE_EXIT();
}
