/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/pagemap.h - the page cache.
 * Models include/linux/pagemap.h (2.6.32): the gfp mask and flags kept in
 *   mapping->flags, the page lock (trylock_page, lock_page, unlock_page),
 *   and the page-cache calls of mm/filemap.c; plus, from include/linux/fs.h
 *   and mm.h, file_accessed and truncate_inode_pages, which only the page
 *   cache's users call here. page_cache_get/page_cache_release are
 *   linux/mm.h's (MM's).
 * Left out: speculative references (no RCU lookup), the read_cache_page
 *   family, the wait queues (one thread: a page is never found locked by
 *   someone else, so lock_page BUGs instead of sleeping), fault_in_pages_*.
 * Implemented by sim/2.6/mm/filemap.c and sim/2.6/mm/truncate.c.
 */
#ifndef _SIM26_LINUX_PAGEMAP_H
#define _SIM26_LINUX_PAGEMAP_H

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"

/* include/linux/gfp.h: the low bits of mapping->flags are a gfp mask */
#define __GFP_BITS_SHIFT	22
#define __GFP_BITS_MASK		((gfp_t)((1 << __GFP_BITS_SHIFT) - 1))

/* the bits above it */
#define AS_EIO		(__GFP_BITS_SHIFT + 0)	/* IO error on async write */
#define AS_ENOSPC	(__GFP_BITS_SHIFT + 1)	/* ENOSPC on async write */
#define AS_MM_ALL_LOCKS	(__GFP_BITS_SHIFT + 2)
#define AS_UNEVICTABLE	(__GFP_BITS_SHIFT + 3)	/* SHM_LOCKed mapping */

static inline void mapping_set_unevictable(struct address_space *mapping)
{
	mapping->flags |= 1UL << AS_UNEVICTABLE;
}

static inline void mapping_clear_unevictable(struct address_space *mapping)
{
	mapping->flags &= ~(1UL << AS_UNEVICTABLE);
}

static inline int mapping_unevictable(struct address_space *mapping)
{
	return mapping && ((mapping->flags >> AS_UNEVICTABLE) & 1UL);
}

static inline gfp_t mapping_gfp_mask(struct address_space *mapping)
{
	return (gfp_t)mapping->flags & __GFP_BITS_MASK;
}

/* the mask the page cache allocates this file's pages with */
static inline void mapping_set_gfp_mask(struct address_space *m, gfp_t mask)
{
	m->flags = (m->flags & ~(unsigned long)__GFP_BITS_MASK) |
		   (unsigned long)mask;
}

#define PAGE_CACHE_MASK		PAGE_MASK
#define PAGE_CACHE_ALIGN(addr)	(((addr) + PAGE_CACHE_SIZE - 1) & \
				 PAGE_CACHE_MASK)

/* the page lock: held while a page is set up or under I/O */
static inline void __set_page_locked(struct page *page)
{
	__SetPageLocked(page);
}

static inline void __clear_page_locked(struct page *page)
{
	__ClearPageLocked(page);
}

/* 1 if we got the lock */
static inline int trylock_page(struct page *page)
{
	return !TestSetPageLocked(page);
}

/*
 * sim: the kernel sleeps in __lock_page until the holder unlocks; with
 * one thread nobody else can hold it, so finding it locked is a bug.
 */
static inline void lock_page(struct page *page)
{
	if (!trylock_page(page))
		BUG();
}

/* sim: nobody to wait for (wait_on_page_bit) */
static inline void wait_on_page_locked(struct page *page)
{
	BUG_ON(PageLocked(page));
}

/*
 * include/linux/fs.h: a read or mmap of file touches its atime
 * (touch_atime, reduced: no NOATIME inodes or mounts on the shm path;
 * vfs_kern_mount gives the internal mount no MNT_RELATIME).
 */
static inline void file_accessed(struct file *file)
{
	struct inode *inode = file->f_path.dentry->d_inode;

	if (file->f_path.mnt->mnt_flags & MNT_NOATIME)
		return;
	if (inode->i_atime == (time_t)CURRENT_TIME)
		return;
	inode->i_atime = (time_t)CURRENT_TIME;
	/* sim: mark_inode_dirty_sync: tmpfs has no write_inode */
}

/* sim/2.6/mm/filemap.c (mm/filemap.c), in its order */
void __remove_from_page_cache(struct page *page);
void remove_from_page_cache(struct page *page);
int add_to_page_cache_locked(struct page *page, struct address_space *mapping,
			     pgoff_t offset, gfp_t gfp_mask);
int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  pgoff_t offset, gfp_t gfp_mask);
void unlock_page(struct page *page);
struct page *find_get_page(struct address_space *mapping, pgoff_t offset);
struct page *find_lock_page(struct address_space *mapping, pgoff_t offset);
unsigned int find_get_pages(struct address_space *mapping, pgoff_t start,
			    unsigned int nr_pages, struct page **pages);
/* sim: the tree against nrpages; counts each page in pages[pfn] */
int sim_page_cache_check(struct address_space *mapping, int *pages,
			 char *why, size_t len);

/* include/linux/pagemap.h: the page cache's add, with the page locked */
static inline int add_to_page_cache(struct page *page,
				    struct address_space *mapping,
				    pgoff_t offset, gfp_t gfp_mask)
{
	int error;

	__set_page_locked(page);
	error = add_to_page_cache_locked(page, mapping, offset, gfp_mask);
	if (error)
		__clear_page_locked(page);
	return error;
}

/* sim/2.6/mm/truncate.c (mm/truncate.c; declared in linux/mm.h there) */
void truncate_inode_pages_range(struct address_space *mapping,
				loff_t lstart, loff_t lend);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);

#endif /* _SIM26_LINUX_PAGEMAP_H */
