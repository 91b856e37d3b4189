/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/swap.h - swap areas, the swap cache and reclaim.
 * Models include/linux/swap.h and include/asm-i386/pgtable.h's swap entry
 * layout (2.4.16): swap_info_struct and its swap_map counts, the swap
 * cache (swapper_space), and the entry points of mm/swapfile.c,
 * mm/swap_state.c, mm/page_io.c and mm/vmscan.c.
 *
 * A swap entry (swp_entry_t, in linux/fs.h) is type << 1 | offset << 8:
 * bit 0 is clear, so it never looks like a present pte. Offset 0 of every
 * area is its header (SWAP_MAP_BAD), so the value 0 means "no swap".
 */
#ifndef _SIM_LINUX_SWAP_H
#define _SIM_LINUX_SWAP_H

#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"

#define SWAP_MAP_MAX	0x7fff
#define SWAP_MAP_BAD	0x8000
#define MAX_SWAPFILES	32
#define SWAPFILE_CLUSTER 256
#define SWAP_CLUSTER_MAX 32
#define DEF_PRIORITY	6

#define SWP_USED	1
#define SWP_WRITEOK	3

static inline unsigned long SWP_TYPE(swp_entry_t x)
{
	return (x.val >> 1) & 0x3f;
}

static inline unsigned long SWP_OFFSET(swp_entry_t x)
{
	return x.val >> 8;
}

static inline swp_entry_t SWP_ENTRY(unsigned long type, unsigned long offset)
{
	swp_entry_t e = { (uint32_t)((type << 1) | (offset << 8)) };

	return e;
}

struct swap_info_struct {
	unsigned int flags;
	char *swap_file;		/* sim: the host file behind the area */
	int sim_fd;			/* sim: its descriptor */
	int sim_keep;			/* sim: not unlinked at swapoff */
	int sim_temp;			/* sim: the boot's nameless file */
	unsigned short *swap_map;	/* a count per slot */
	unsigned int lowest_bit;
	unsigned int highest_bit;
	unsigned int cluster_next;
	unsigned int cluster_nr;
	int prio;
	int pages;			/* good slots */
	unsigned long max;		/* slots, header included */
	int next;			/* the next area in swap_list order */
};

struct swap_list_t {
	int head;	/* the area of highest priority */
	int next;	/* where get_swap_page looks first */
};

extern struct swap_info_struct swap_info[MAX_SWAPFILES];
extern int nr_swapfiles;
extern long nr_swap_pages;		/* free slots */
extern long total_swap_pages;
extern struct swap_list_t swap_list;
extern struct address_space swapper_space;
/* sim: a swap file in $TMPDIR shows under this name, for stable output */
#define SIM_SWAPFILE_NAME	"/swapfile"
extern const char *sim_swap_display;

/* the swap cache: page-cache pages of swapper_space, index = entry.val */
static inline int PageSwapCache(struct page *page)
{
	return page->mapping == &swapper_space;
}

static inline int vm_swap_full(void)
{
	return nr_swap_pages * 2 < total_swap_pages;
}

/* sim/mm/swapfile.c (mm/swapfile.c) */
swp_entry_t get_swap_page(void);
void swap_free(swp_entry_t entry);
int swap_duplicate(swp_entry_t entry);
void free_swap_and_cache(swp_entry_t entry);
int remove_exclusive_swap_page(struct page *page);
int can_share_swap_page(struct page *page);
long sys_swapon(const char *specialfile, int swap_flags);
int sim_mkswap(const char *path, unsigned long bytes, int force);
void sim_swapoff_all(void);		/* shutdown: areas must be empty */
int sim_swap_check(char *why, size_t len);
void sim_dump_swap(FILE *out);		/* show swap: /proc/swaps and more */

/* sim/mm/swap_state.c (mm/swap_state.c) */
int add_to_swap_cache(struct page *page, swp_entry_t entry);
void __delete_from_swap_cache(struct page *page);
void delete_from_swap_cache(struct page *page);
void free_page_and_swap_cache(struct page *page);
struct page *lookup_swap_cache(swp_entry_t entry);
struct page *read_swap_cache_async(swp_entry_t entry);
int swap_writepage(struct page *page);

/* sim/mm/page_io.c (mm/page_io.c) */
#define READ	0
#define WRITE	1
void rw_swap_page(int rw, struct page *page);
extern unsigned long sim_pswpin, sim_pswpout;	/* pages read, written */

/* sim/mm/vmscan.c (mm/vmscan.c) */
int try_to_free_pages(unsigned int gfp_mask);
void kswapd_balance(void);
int sim_pressure(int nr_pages);
extern int sim_in_reclaim;		/* PF_MEMALLOC of the reclaiming task */
extern unsigned long sim_reclaim_work;	/* progress, for the allocator */
extern struct mm_struct *swap_mm;	/* where swap_out goes on */

#endif /* _SIM_LINUX_SWAP_H */
