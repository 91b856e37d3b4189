// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/swapfile.c - swap areas and their slots.
 * Models mm/swapfile.c (2.4.16), in its order: scan_swap_map,
 *   get_swap_page, swap_info_get (no swap_info_put: no lock to drop),
 *   swap_entry_free, swap_free, can_share_swap_page (exclusive_swap_page
 *   inline in it), remove_exclusive_swap_page, free_swap_and_cache,
 *   sys_swapon, swap_duplicate. Sim only: sim_mkswap right before
 *   sys_swapon; last, the shutdown, sim_swap_check and the /proc/swaps
 *   view, sim_dump_swap (2.4.16's get_swaparea_info, before sys_swapon
 *   there, kept with the other views: it also prints the swap cache).
 * sys_swapon is longer than 80 lines, as 2.4.16's is (253 lines): it is one
 *   function there, so it is one here.
 * Left out: swapoff (try_to_unuse, shmem_unuse): at shutdown every slot
 *   must already be free; bad-block lists; block devices (an area is a
 *   real file of the host, read and written by sim/mm/page_io.c).
 * sim_mkswap writes the 2.4 swap header ("SWAPSPACE2", version 1,
 *   last_page) into a new file, as mkswap does; the boot's init runs
 *   sys_swapon on it, as /etc/rc's `swapon -a` would.
 *
 * A slot's count (swap_map) is the number of references to it: one per
 * shmem swap-vector entry or swap pte naming it, plus one while the page
 * also sits in the swap cache. get_swap_page hands a slot out with count
 * 1; swap_duplicate adds one; swap_free takes one; at 0 it is free again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/fail.h"
#include "sim/swapdev.h"
#include "sim/trace.h"

struct swap_info_struct swap_info[MAX_SWAPFILES];
int nr_swapfiles;
long nr_swap_pages;
long total_swap_pages;
struct swap_list_t swap_list = { -1, -1 };
const char *sim_swap_display;	/* sim: the name shown for a temporary file */
/* sys_swapon's static in 2.4.16; here, so each boot starts again from 0 */
static int least_priority;

#define SWAP_MAGIC_OFFSET	(PAGE_SIZE - 10)
#define SWAP_HDR_VERSION	1024	/* offsets in the header page */
#define SWAP_HDR_LAST_PAGE	1028
#define SWAP_HDR_NR_BADPAGES	1032
#define SWAP_HDR_LABEL		1052	/* volume_name[16] */

/*
 * Find a free slot: go on with the current cluster of 256 if one is open,
 * else look for a wholly free cluster, else take the first free slot.
 * Returns the offset, or 0 when the area is full.
 */
static unsigned long scan_swap_map(struct swap_info_struct *si)
{
	unsigned long offset;

	if (si->cluster_nr) {
		while (si->cluster_next <= si->highest_bit) {
			offset = si->cluster_next++;
			if (si->swap_map[offset])
				continue;
			si->cluster_nr--;
			goto got_page;
		}
	}
	si->cluster_nr = SWAPFILE_CLUSTER;

	/* look for SWAPFILE_CLUSTER free slots in a row, at any offset */
	offset = si->lowest_bit;
check_next_cluster:
	if (offset + SWAPFILE_CLUSTER - 1 <= si->highest_bit) {
		unsigned long nr;

		for (nr = offset; nr < offset + SWAPFILE_CLUSTER; nr++)
			if (si->swap_map[nr]) {
				offset = nr + 1;
				goto check_next_cluster;
			}
		goto got_page;
	}
	/* no luck: first fit */
	for (offset = si->lowest_bit; offset <= si->highest_bit; offset++) {
		if (si->swap_map[offset])
			continue;
		si->lowest_bit = offset + 1;
got_page:
		if (offset == si->lowest_bit)
			si->lowest_bit++;
		if (offset == si->highest_bit)
			si->highest_bit--;
		if (si->lowest_bit > si->highest_bit) {
			si->lowest_bit = si->max;
			si->highest_bit = 0;
		}
		si->swap_map[offset] = 1;
		nr_swap_pages--;
		si->cluster_next = offset + 1;
		return offset;
	}
	si->lowest_bit = si->max;
	si->highest_bit = 0;
	return 0;
}

/* A free slot with count 1, from the areas in priority order; 0: none. */
swp_entry_t get_swap_page(void)
{
	struct swap_info_struct *p;
	unsigned long offset;
	swp_entry_t entry = { 0 };
	int type, wrapped = 0;

	TRACE_ENTER("%s", "");
	if (sim_should_fail("get_swap_page"))	/* sim: as if swap were full */
		goto out;
	type = swap_list.next;
	if (type < 0 || nr_swap_pages <= 0)
		goto out;
	while (1) {
		p = &swap_info[type];
		if ((p->flags & SWP_WRITEOK) == SWP_WRITEOK) {
			offset = scan_swap_map(p);
			if (offset) {
				entry = SWP_ENTRY(type, offset);
				type = swap_info[type].next;
				if (type < 0 || p->prio != swap_info[type].prio)
					swap_list.next = swap_list.head;
				else
					swap_list.next = type;
				goto out;
			}
		}
		type = p->next;
		if (!wrapped) {
			if (type < 0 || p->prio != swap_info[type].prio) {
				type = swap_list.head;
				wrapped = 1;
			}
		} else if (type < 0) {
			goto out;	/* out of swap space */
		}
	}
out:
	if (entry.val)
		sim_note("swap", "slot %lu of area %lu taken, swap_map 1, "
			 "nr_swap_pages %ld", SWP_OFFSET(entry),
			 SWP_TYPE(entry), nr_swap_pages);
	TRACE_EXIT_FMT("%#x", entry.val);
	return entry;
}

/* The area of entry, or NULL (with 2.4's complaint) for a bad entry. */
static struct swap_info_struct *swap_info_get(swp_entry_t entry)
{
	struct swap_info_struct *p;
	unsigned long offset, type;

	if (!entry.val)
		return NULL;
	type = SWP_TYPE(entry);
	if (type >= (unsigned long)nr_swapfiles)
		goto bad;
	p = &swap_info[type];
	if (!(p->flags & SWP_USED))
		goto bad;
	offset = SWP_OFFSET(entry);
	if (offset >= p->max || !p->swap_map[offset])
		goto bad;
	if (p->prio > swap_info[swap_list.next].prio)
		swap_list.next = type;
	return p;
bad:
	/* 2.4 printk()s "swap_free: Bad swap offset entry ..." */
	sim_note("swap", "swap_free: bad or unused entry %08x", entry.val);
	return NULL;
}

static int swap_entry_free(struct swap_info_struct *p, unsigned long offset)
{
	int count = p->swap_map[offset];

	if (count < SWAP_MAP_MAX) {
		count--;
		p->swap_map[offset] = count;
		if (!count) {
			if (offset < p->lowest_bit)
				p->lowest_bit = offset;
			if (offset > p->highest_bit)
				p->highest_bit = offset;
			nr_swap_pages++;
		}
	}
	sim_note("swap", "slot %lu swap_map %d%s", offset, count,
		 count ? "" : ", free");
	return count;
}

void swap_free(swp_entry_t entry)
{
	struct swap_info_struct *p;

	TRACE_ENTER("%#x", entry.val);
	p = swap_info_get(entry);
	if (p)
		swap_entry_free(p, SWP_OFFSET(entry));
	TRACE_EXIT();
}

/* A locked page that this pte could write alone (no copy needed)? */
int can_share_swap_page(struct page *page)
{
	struct swap_info_struct *p;
	swp_entry_t entry;
	int retval = 0;

	BUG_ON(!PageLocked(page));
	switch (page_count(page)) {
	case 2:
		if (!PageSwapCache(page))
			break;
		/* exclusive_swap_page: nobody else names the slot */
		entry.val = page->index;
		p = swap_info_get(entry);
		if (p && p->swap_map[SWP_OFFSET(entry)] == 1)
			retval = 1;
		break;
	case 1:
		if (PageReserved(page))
			break;
		retval = 1;
	}
	return retval;
}

/*
 * A locked swap-cache page that nobody but the cache and the caller use,
 * and whose slot nobody else names: take it out of the swap cache and free
 * the slot. Returns 1 if it did.
 */
int remove_exclusive_swap_page(struct page *page)
{
	struct swap_info_struct *p;
	swp_entry_t entry;
	int retval = 0;

	BUG_ON(!PageLocked(page));
	if (!PageSwapCache(page))
		return 0;
	if (page_count(page) != 2)	/* 2: us + cache */
		return 0;
	entry.val = page->index;
	p = swap_info_get(entry);
	if (!p)
		return 0;
	if (p->swap_map[SWP_OFFSET(entry)] == 1) {
		__delete_from_swap_cache(page);
		set_bit(PG_dirty, &page->flags);
		retval = 1;
	}
	if (retval) {
		swap_free(entry);
		page_cache_release(page);
	}
	return retval;
}

/*
 * Drop a swap pte's or shmem entry's reference; if only the swap cache
 * still holds the slot (or swap is getting full), drop its page too.
 */
void free_swap_and_cache(swp_entry_t entry)
{
	struct swap_info_struct *p;
	struct page *page = NULL;

	TRACE_ENTER("%#x", entry.val);
	p = swap_info_get(entry);
	if (p && swap_entry_free(p, SWP_OFFSET(entry)) == 1) {
		page = lookup_swap_cache(entry);	/* find_trylock_page */
		if (page && PageLocked(page)) {
			page_cache_release(page);
			page = NULL;
		}
		if (page) {
			LockPage(page);
			/* lookup_swap_cache took our reference */
		}
	}
	if (page) {
		if (page_count(page) == 2 || vm_swap_full()) {
			delete_from_swap_cache(page);
			set_bit(PG_dirty, &page->flags);
		}
		UnlockPage(page);
		page_cache_release(page);
	}
	TRACE_EXIT();
}

/* sim: what mkswap does: a header page with the signature, the rest 0 */
int sim_mkswap(const char *path, unsigned long bytes, int force)
{
	unsigned char hdr[PAGE_SIZE];
	uint32_t v;

	memset(hdr, 0, sizeof(hdr));
	v = 1;
	memcpy(hdr + SWAP_HDR_VERSION, &v, 4);
	v = (uint32_t)(bytes / PAGE_SIZE - 1);
	memcpy(hdr + SWAP_HDR_LAST_PAGE, &v, 4);
	/* sim: mkswap -L shmsim, so that a later run knows the file as ours */
	strncpy((char *)hdr + SWAP_HDR_LABEL, SIM_SWAPDEV_LABEL, 16);
	memcpy(hdr + SWAP_MAGIC_OFFSET, "SWAPSPACE2", 10);
	return sim_swapdev_create(path, bytes & PAGE_MASK, hdr, sizeof(hdr),
				  force);
}

/*
 * Add the swap area in specialfile (here: a host file written by
 * sim_mkswap). Its priority is the next lower one, as swapon without -p
 * gives. (simplified: no path lookup, no block device, no SWAP_FLAG_PREFER)
 */
long sys_swapon(const char *specialfile, int swap_flags)
{
	struct swap_info_struct *p;
	unsigned char hdr[PAGE_SIZE];
	unsigned long maxpages, last_page;
	uint32_t version, nr_badpages, v;
	int type, prev, i, nr_good_pages, error;
	long long size;

	(void)swap_flags;
	TRACE_ENTER("\"%s\"", sim_swap_display ? sim_swap_display :
		    specialfile);
	for (type = 0; type < nr_swapfiles; type++)
		if (!(swap_info[type].flags & SWP_USED))
			break;
	if (type >= MAX_SWAPFILES)
		return TRACE_RET(-EPERM);
	if (type >= nr_swapfiles)
		nr_swapfiles = type + 1;
	p = &swap_info[type];
	memset(p, 0, sizeof(*p));
	p->flags = SWP_USED;
	p->next = -1;
	p->prio = --least_priority;

	/* sim: the host's answer; -EBUSY when another process has the file */
	p->sim_fd = sim_swapdev_open(specialfile);
	error = p->sim_fd;
	if (p->sim_fd < 0)
		goto bad_swap_2;
	/* a file already in use as swap (2.4 compares the inodes) */
	error = -EBUSY;
	for (i = 0; i < nr_swapfiles; i++) {
		struct swap_info_struct *q = &swap_info[i];

		if (i == type || !q->swap_file)
			continue;
		if (sim_swapdev_same(p->sim_fd, q->sim_fd))
			goto bad_swap;
	}
	error = -EINVAL;
	size = sim_swapdev_size(p->sim_fd);
	if (sim_swapdev_read(p->sim_fd, hdr, sizeof(hdr), 0) !=
	    (long)sizeof(hdr) ||
	    memcmp(hdr + SWAP_MAGIC_OFFSET, "SWAPSPACE2", 10))
		goto bad_swap;
	memcpy(&version, hdr + SWAP_HDR_VERSION, 4);
	memcpy(&v, hdr + SWAP_HDR_LAST_PAGE, 4);
	memcpy(&nr_badpages, hdr + SWAP_HDR_NR_BADPAGES, 4);
	last_page = v;
	if (version != 1 || nr_badpages)
		goto bad_swap;
	p->lowest_bit = 1;
	maxpages = SWP_OFFSET(SWP_ENTRY(0, ~0UL)) - 1;
	if (maxpages > last_page)
		maxpages = last_page;
	p->highest_bit = maxpages - 1;
	if ((unsigned long)(size >> PAGE_SHIFT) < maxpages)
		goto bad_swap;	/* "Swap area shorter than signature" */
	nr_good_pages = last_page - nr_badpages - 1;	/* the header */
	if (nr_good_pages <= 0)
		goto bad_swap;	/* "Empty swap-file" */
	error = -ENOMEM;
	p->swap_map = calloc(maxpages, sizeof(unsigned short));
	if (!p->swap_map)
		goto bad_swap;

	p->swap_map[0] = SWAP_MAP_BAD;
	p->max = maxpages;
	p->flags = SWP_WRITEOK;
	p->pages = nr_good_pages;
	p->swap_file = strdup(specialfile);
	nr_swap_pages += nr_good_pages;
	total_swap_pages += nr_good_pages;
	sim_note("swap", "Adding Swap: %dk swap-space (priority %d)",
		 nr_good_pages << (PAGE_SHIFT - 10), p->prio);

	/* insert into swap_list by priority */
	prev = -1;
	for (i = swap_list.head; i >= 0; i = swap_info[i].next) {
		if (p->prio >= swap_info[i].prio)
			break;
		prev = i;
	}
	p->next = i;
	if (prev < 0)
		swap_list.head = swap_list.next = type;
	else
		swap_info[prev].next = type;
	return TRACE_RET(0);

bad_swap:
	sim_swapdev_close(p->sim_fd, NULL);
bad_swap_2:
	p->flags = 0;
	++least_priority;	/* swapon without SWAP_FLAG_PREFER */
	return TRACE_RET(error);
}

/* One more reference to a used slot; 0 if the entry is not in use. */
int swap_duplicate(swp_entry_t entry)
{
	struct swap_info_struct *p;
	unsigned long offset, type;
	int result = 0;

	type = SWP_TYPE(entry);
	if (type >= (unsigned long)nr_swapfiles)
		return 0;
	p = &swap_info[type];
	offset = SWP_OFFSET(entry);
	if (offset < p->max && p->swap_map[offset]) {
		if (p->swap_map[offset] < SWAP_MAP_MAX - 1) {
			p->swap_map[offset]++;
			result = 1;
		} else if (p->swap_map[offset] <= SWAP_MAP_MAX) {
			p->swap_map[offset] = SWAP_MAP_MAX;
			result = 1;
		}
		sim_note("swap", "slot %lu swap_map %u", offset,
			 p->swap_map[offset]);
	}
	return result;
}

/* sim: shutdown; every slot must be free by now (else it is a leak) */
void sim_swapoff_all(void)
{
	int type;

	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *p = &swap_info[type];

		if (!(p->flags & SWP_USED))
			continue;
		sim_swapdev_close(p->sim_fd, p->sim_keep ? NULL : p->swap_file);
		free(p->swap_file);
		free(p->swap_map);
		memset(p, 0, sizeof(*p));
	}
	nr_swapfiles = 0;
	nr_swap_pages = 0;
	total_swap_pages = 0;
	swap_list.head = swap_list.next = -1;
	least_priority = 0;
}

static unsigned long used_slots(struct swap_info_struct *p)
{
	unsigned long j, used = 0;

	for (j = 0; j < p->max; j++)
		if (p->swap_map[j] && p->swap_map[j] != SWAP_MAP_BAD)
			used++;
	return used;
}

struct swap_pte_count {
	unsigned short **want;
	struct mm_struct *mm;
	char *why;
	size_t len;
};

/* The count in want of the slot e names; NULL if e names no live slot. */
static unsigned short *slot_count(unsigned short **want, swp_entry_t e)
{
	unsigned long type = SWP_TYPE(e);

	if (type >= MAX_SWAPFILES || !want[type] ||
	    SWP_OFFSET(e) >= swap_info[type].max)
		return NULL;
	return &want[type][SWP_OFFSET(e)];
}

static int count_swap_pte(void *arg, unsigned long address, pte_t *pte)
{
	struct swap_pte_count *c = arg;
	swp_entry_t e = { pte->pte_low };
	unsigned short *w;

	if (pte_present(*pte))
		return 0;
	w = slot_count(c->want, e);
	if (!w) {
		snprintf(c->why, c->len, "swap_map: swap pte %08x of mm#%u "
			 "at %#lx names no slot", e.val, sim_id(c->mm),
			 address);
		return 27;
	}
	(*w)++;
	return 0;
}

/*
 * The swap ptes of every mm (anonymous pages swap_out wrote away), each
 * counted against its slot in want. Returns 0, or 27 with why filled for
 * a swap pte naming no slot of a live area.
 */
static int count_swap_ptes(unsigned short **want, char *why, size_t len)
{
	struct swap_pte_count c = { want, NULL, why, len };
	struct list_head *pos;
	int ret;

	list_for_each(pos, &init_mm.mmlist) {
		c.mm = list_entry(pos, struct mm_struct, mmlist);
		ret = sim_walk_ptes(c.mm, count_swap_pte, &c);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * docs/invariants.md item 27: each slot's count is the shmem entries and
 * swap ptes naming it, plus one if its page is in the swap cache;
 * nr_swap_pages counts free slots.
 */
int sim_swap_check(char *why, size_t len)
{
	struct list_head *pos;
	unsigned short **want;
	long nfree = 0;
	int type, ret = 0;

	want = calloc(MAX_SWAPFILES, sizeof(*want));
	if (!want)
		return 0;
	for (type = 0; type < nr_swapfiles; type++)
		if (swap_info[type].flags & SWP_USED)
			want[type] = calloc(swap_info[type].max,
					    sizeof(unsigned short));
	list_for_each(pos, &shmem_inodes) {
		struct shmem_inode_info *info;
		unsigned long idx;

		info = list_entry(pos, struct shmem_inode_info, list);
		for (idx = 0; idx < info->next_index && !ret; idx++) {
			swp_entry_t *e = shmem_swp_lookup(info, idx);
			unsigned short *w;

			if (!e || !e->val)
				continue;
			w = slot_count(want, *e);
			if (!w) {
				snprintf(why, len, "swap_map: shmem entry %08x "
					 "of inode#%u at index %lu names no "
					 "slot", e->val, sim_id(info->inode),
					 idx);
				ret = 27;
				break;
			}
			(*w)++;
		}
	}
	if (!ret)
		ret = count_swap_ptes(want, why, len);
	for (type = 0; type < nr_swapfiles && !ret; type++) {
		struct swap_info_struct *p = &swap_info[type];
		unsigned long off;

		if (!(p->flags & SWP_USED) || !want[type])
			continue;
		for (off = 1; off < p->max; off++) {
			swp_entry_t e = SWP_ENTRY(type, off);
			unsigned int w = want[type][off];
			struct page *page = lookup_swap_cache(e);

			if (page) {
				w++;
				page_cache_release(page);
			}
			if (p->swap_map[off] != w) {
				snprintf(why, len, "swap_map: area %d slot %lu "
					 "count %u, entries, swap ptes and the "
					 "swap cache account for %u", type, off,
					 p->swap_map[off], w);
				ret = 27;
				break;
			}
			if (!p->swap_map[off])
				nfree++;
		}
	}
	if (!ret && nfree != nr_swap_pages) {
		snprintf(why, len, "nr_swap_pages: %ld, free slots %ld",
			 nr_swap_pages, nfree);
		ret = 27;
	}
	for (type = 0; type < MAX_SWAPFILES; type++)
		free(want[type]);
	free(want);
	return ret;
}

/* show swap: /proc/swaps as 2.4.16 prints it, then the swap cache */
void sim_dump_swap(FILE *out)
{
	struct list_head *pos;
	int i;

	fprintf(out, "Filename\t\t\tType\t\tSize\tUsed\tPriority\n");
	for (i = 0; i < nr_swapfiles; i++) {
		struct swap_info_struct *p = &swap_info[i];

		if (!(p->flags & SWP_USED) || !p->swap_map)
			continue;
		/* sim: the temporary file shows as /swapfile */
		fprintf(out, "%-31s file\t\t%d\t%lu\t%d\n",
			p->sim_keep && !p->sim_temp ? p->swap_file :
			SIM_SWAPFILE_NAME,
			p->pages << (PAGE_SHIFT - 10),
			used_slots(p) << (PAGE_SHIFT - 10), p->prio);
	}
	fprintf(out, "nr_swap_pages %ld of %ld, swap cache %lu pages\n",
		nr_swap_pages, total_swap_pages, swapper_space.nrpages);
	for (i = 0; i < nr_swapfiles; i++) {
		struct swap_info_struct *p = &swap_info[i];
		unsigned long off;

		if (!(p->flags & SWP_USED) || !p->swap_map)
			continue;
		if (used_slots(p) > 32) {
			fprintf(out, "  area %d: %lu slots used (listed when "
				"32 or fewer)\n", i, used_slots(p));
			continue;
		}
		for (off = 1; off < p->max; off++) {
			struct page *page;

			if (!p->swap_map[off])
				continue;
			page = lookup_swap_cache(SWP_ENTRY(i, off));
			fprintf(out, "  area %d slot %lu: swap_map %u", i, off,
				p->swap_map[off]);
			if (page) {
				fprintf(out, ", in the swap cache as page#%lu%s",
					page_to_pfn(page),
					PageDirty(page) ? " (dirty)" : "");
				page_cache_release(page);
			}
			list_for_each(pos, &shmem_inodes) {
				struct shmem_inode_info *info;
				unsigned long idx;

				info = list_entry(pos, struct shmem_inode_info,
						  list);
				for (idx = 0; idx < info->next_index; idx++) {
					swp_entry_t *e = shmem_swp_lookup(info,
									  idx);

					if (e && e->val == SWP_ENTRY(i, off).val)
						fprintf(out, ", inode ino %lu "
							"index %lu",
							info->inode->i_ino,
							idx);
				}
			}
			fprintf(out, "\n");
		}
	}
}
