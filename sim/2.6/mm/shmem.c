// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/shmem.c - tmpfs: the filesystem that holds every shm segment.
 * Models mm/shmem.c (2.6.32), in its order: shmem_acct_size,
 *   shmem_unacct_size, shmem_acct_block, shmem_unacct_blocks,
 *   shmem_free_blocks, shmem_reserve_inode, shmem_free_inode,
 *   shmem_recalc_inode, shmem_truncate_range, shmem_truncate,
 *   shmem_delete_inode, shmem_alloc_page, shmem_getpage, shmem_fault,
 *   shmem_lock, shmem_mmap, shmem_get_inode, shmem_mknod, shmem_mkdir,
 *   shmem_remount_fs, shmem_show_options, shmem_put_super,
 *   shmem_fill_super, shmem_alloc_inode, shmem_destroy_inode,
 *   init_inodecache, destroy_inodecache, the operation tables,
 *   shmem_get_sb, tmpfs_fs_type, init_tmpfs, shmem_file_setup,
 *   shmem_zero_setup. Sim only, last: sim_shmem_vm_ops and sim_shm_mnt
 *   (for the checks and views), and sim_shmem_exit (shutdown). The
 *   Committed_AS charge is mm/mmap.c's __vm_enough_memory through
 *   security_vm_enough_memory_kern (linux/mm.h).
 * Longer than ~800 lines as 2.6.32's mm/shmem.c (2702) is; so is its
 *   shmem_getpage, here as there.
 * Left out: swap (no swap in this slice): the swap vector (shmem_swp_*,
 *   shmem_dir_*, shmem_free_swp), shmem_writepage, shmem_unuse,
 *   shmem_swapin, so shmem_getpage never finds a swap entry, never
 *   allocates index pages (2.6.32 allocates them at fault time for
 *   indices >= 16: MemFree differs by those pages) and never returns
 *   VM_FAULT_MAJOR; most of the user-mountable side (read/write, create,
 *   links, symlinks, unlink, rmdir, mount options: shmem_parse_options,
 *   statfs, export, xattrs and ACLs), NUMA policies, memory cgroups, the
 *   spinlocks and mutexes (one thread).
 * The visibility experiment's patches live here: single-sb
 *   (shmem_get_sb), user-mount (init_tmpfs) and hashed-shm
 *   (shmem_file_setup), each a sim_patched() line with its trace note.
 * Called by newseg (shmem_file_setup), the fault path (shmem_fault via
 *   shm_fault), iput (shmem_delete_inode via s_op), shmctl (shmem_lock),
 *   mmap_region (shmem_zero_setup), do_basic_setup (init_tmpfs), mount(2)
 *   (shmem_get_sb), vfs_mkdir (shmem_mkdir), do_remount_sb
 *   (shmem_remount_fs), /proc/mounts (shmem_show_options).
 *
 * A segment's file: shmem_file_setup makes an unlinked regular file on the
 * internal mount shm_mnt: d_alloc under the root (the dentry stays
 * DCACHE_UNHASHED), get_empty_filp, shmem_get_inode, d_instantiate,
 * init_file. Pages arrive one fault at a time: shmem_fault ->
 * shmem_getpage, which finds the page in the page cache or allocates,
 * zeroes and adds it there (NR_SHMEM +1). When the inode's last reference
 * goes, iput -> generic_delete_inode -> shmem_delete_inode ->
 * truncate_inode_pages frees the pages and gives back Committed_AS.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/mount.h"
#include "linux/pagemap.h"
#include "linux/backing-dev.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "sim/boot.h"
#include "sim/trace.h"

static struct vfsmount *shm_mnt;

/* i386: 1024 swap entries a page; the vector's reach bounds the size */
#define ENTRIES_PER_PAGE	(PAGE_CACHE_SIZE / sizeof(uint32_t))
#define ENTRIES_PER_PAGEPAGE	((unsigned long long)ENTRIES_PER_PAGE * \
				 ENTRIES_PER_PAGE)
#define BLOCKS_PER_PAGE		(PAGE_CACHE_SIZE / 512)

#define SHMSWP_MAX_INDEX	(SHMEM_NR_DIRECT + \
				 (ENTRIES_PER_PAGEPAGE / 2) * \
				 (ENTRIES_PER_PAGE + 1))
#define SHMSWP_MAX_BYTES	(SHMSWP_MAX_INDEX << PAGE_CACHE_SHIFT)
#define SHMEM_MAX_BYTES		min_t(unsigned long long, SHMSWP_MAX_BYTES, \
				      MAX_LFS_FILESIZE)
#define SHMEM_MAX_INDEX		((unsigned long)((SHMEM_MAX_BYTES + 1) >> \
						 PAGE_CACHE_SHIFT))

/* pages charged to Committed_AS for size bytes: rounded up */
#define VM_ACCT(size)		(PAGE_CACHE_ALIGN(size) >> PAGE_SHIFT)

/* info->flags bits, borrowed VM_ values: a pagein or truncate in flight */
#define SHMEM_PAGEIN		VM_READ
#define SHMEM_TRUNCATE		VM_WRITE

/* what shmem_getpage is asked for */
enum sgp_type {
	SGP_READ,	/* within i_size; a hole stays a hole */
	SGP_CACHE,	/* within i_size; a hole gets a new page */
	SGP_DIRTY,	/* as SGP_CACHE, and the new page is marked dirty */
	SGP_WRITE,	/* past i_size allowed; a hole gets a new page */
};

/*
 * shmem_file_setup charges the whole size of a SysV segment or shared
 * anonymous mapping up front (unless VM_NORESERVE), as private writable
 * mappings are charged.
 */
static inline int shmem_acct_size(unsigned long flags, loff_t size)
{
	return (flags & VM_NORESERVE) ?
		0 : security_vm_enough_memory_kern((long)VM_ACCT(size));
}

static inline void shmem_unacct_size(unsigned long flags, loff_t size)
{
	if (!(flags & VM_NORESERVE)) {
		vm_unacct_memory((long)VM_ACCT(size));
		sim_note("mm", "Committed_AS %ld pages (-%lu)", vm_committed_as,
			 (unsigned long)VM_ACCT(size));
	}
}

/* VM_NORESERVE objects (tmpfs files) are charged a page at a time */
static inline int shmem_acct_block(unsigned long flags)
{
	return (flags & VM_NORESERVE) ?
		security_vm_enough_memory_kern((long)VM_ACCT(PAGE_CACHE_SIZE)) :
		0;
}

static inline void shmem_unacct_blocks(unsigned long flags, long pages)
{
	if (flags & VM_NORESERVE)
		vm_unacct_memory(pages * (long)VM_ACCT(PAGE_CACHE_SIZE));
}

static const struct super_operations shmem_ops;
static const struct address_space_operations shmem_aops;
static const struct file_operations shmem_file_operations;
static const struct inode_operations shmem_inode_operations;
static const struct inode_operations shmem_dir_inode_operations;
static const struct vm_operations_struct shmem_vm_ops;

/* no readahead, no dirty accounting or writeback, swap-backed pages */
static struct backing_dev_info shmem_backing_dev_info = {
	.ra_pages	= 0,
	.capabilities	= BDI_CAP_NO_ACCT_AND_WRITEBACK | BDI_CAP_SWAP_BACKED,
	.name		= "shmem",
};

/* the block limit counts only on a superblock that has one */
static void shmem_free_blocks(struct inode *inode, long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	if (sbinfo->max_blocks) {
		sbinfo->free_blocks += pages;
		inode->i_blocks -= pages * BLOCKS_PER_PAGE;
	}
}

/* 0, or -ENOSPC when a limited superblock has no inode left */
static int shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (sbinfo->max_inodes) {
		if (!sbinfo->free_inodes)
			return -ENOSPC;
		sbinfo->free_inodes--;
	}
	return 0;
}

static void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (sbinfo->max_inodes)
		sbinfo->free_inodes++;
}

/*
 * Pages the VM dropped behind our back still count in alloced: give their
 * blocks and their charge back. Normally alloced == nrpages + swapped.
 */
static void shmem_recalc_inode(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	long freed;

	freed = (long)(info->alloced - info->swapped -
		       inode->i_mapping->nrpages);
	if (freed > 0) {
		info->alloced -= freed;
		shmem_unacct_blocks(info->flags, freed);
		shmem_free_blocks(inode, freed);
	}
}

/*
 * Drop the pages from start on (end is always -1 here: a whole-file
 * truncate). (simplified: 2.6.32 first frees the swap entries and the
 * vector pages; without swap there are none, so only the page-cache pages
 * go, through truncate_inode_pages_range.)
 */
static void shmem_truncate_range(struct inode *inode, loff_t start,
				 loff_t end)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	unsigned long idx;
	unsigned long flags;

	TRACE_ENTER("inode#%u, %lld, %lld", sim_id(inode), (long long)start,
		    (long long)end);
	inode->i_ctime = inode->i_mtime = (time_t)CURRENT_TIME;
	idx = (unsigned long)((start + PAGE_CACHE_SIZE - 1) >>
			      PAGE_CACHE_SHIFT);
	if (idx >= info->next_index) {
		TRACE_EXIT();
		return;
	}

	info->flags |= SHMEM_TRUNCATE;
	BUG_ON(end != (loff_t)-1);	/* sim: no hole punching */
	info->next_index = idx;
	/* sim: no i_indirect to free, no swap entries (info->swapped 0) */

	flags = info->flags;
	/* pages a racing fault may have added since truncate_inode_pages */
	if ((flags & SHMEM_PAGEIN) && inode->i_mapping->nrpages) {
		info->flags &= ~SHMEM_PAGEIN;
		truncate_inode_pages_range(inode->i_mapping, start, end);
	}

	info->flags &= ~SHMEM_TRUNCATE;
	shmem_recalc_inode(inode);
	TRACE_EXIT();
}

static void shmem_truncate(struct inode *inode)
{
	shmem_truncate_range(inode, inode->i_size, (loff_t)-1);
}

/*
 * s_op->delete_inode, from iput at the last reference of an unlinked
 * inode: its pages, its Committed_AS charge, its inode slot.
 */
static void shmem_delete_inode(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);

	TRACE_ENTER("inode#%u, ino %lu", sim_id(inode), inode->i_ino);
	if (inode->i_op->truncate == shmem_truncate) {
		truncate_inode_pages(inode->i_mapping, 0);
		shmem_unacct_size(info->flags, inode->i_size);
		inode->i_size = 0;
		shmem_truncate(inode);
		if (!list_empty(&info->swaplist))
			list_del_init(&info->swaplist);
	}
	BUG_ON(inode->i_blocks);
	shmem_free_inode(inode->i_sb);
	clear_inode(inode);
	TRACE_EXIT();
}

/* !CONFIG_NUMA: any page will do */
static inline struct page *shmem_alloc_page(gfp_t gfp,
					    struct shmem_inode_info *info,
					    unsigned long idx)
{
	(void)info;
	(void)idx;
	return alloc_page(gfp);
}

/* aops->set_page_dirty: __set_page_dirty_no_writeback */
static int __set_page_dirty_no_writeback(struct page *page)
{
	if (!PageDirty(page))
		SetPageDirty(page);
	return 0;
}

/*
 * The page at idx of inode, locked and with a reference, in *pagep; found
 * in the page cache, or a new zeroed page added there. *type gets
 * VM_FAULT_MAJOR only for a swap-in (never here). 0, -EFBIG, -EINVAL
 * (past i_size), -ENOSPC (block limit) or -ENOMEM.
 * (simplified: no swap, so the swap vector's half of the function, and
 * shmem_swp_alloc's index pages, are gone; the model's one caller asks
 * for SGP_CACHE.)
 */
static int shmem_getpage(struct inode *inode, unsigned long idx,
			 struct page **pagep, enum sgp_type sgp, int *type)
{
	struct address_space *mapping = inode->i_mapping;
	struct shmem_inode_info *info = SHMEM_I(inode);
	struct shmem_sb_info *sbinfo;
	struct page *filepage = *pagep;
	gfp_t gfp;
	int error;

	TRACE_ENTER("inode#%u, index %lu", sim_id(inode), idx);
	if (idx >= SHMEM_MAX_INDEX)
		return TRACE_RET(-EFBIG);

	if (type)
		*type = 0;

repeat:
	if (!filepage)
		filepage = find_lock_page(mapping, idx);
	if (filepage && PageUptodate(filepage))
		goto done;
	error = 0;
	gfp = mapping_gfp_mask(mapping);
	if (!filepage) {
		/* preload while we may wait: the insert below may not */
		error = radix_tree_preload(gfp & ~__GFP_HIGHMEM);
		if (error)
			goto failed;
		radix_tree_preload_end();
	}

	shmem_recalc_inode(inode);
	/*
	 * sim: shmem_swp_alloc(info, idx, sgp), reduced to what it checks
	 * and records without a swap vector: past i_size is -EINVAL (not for
	 * SGP_WRITE), and next_index grows to cover idx. No swap entry, so
	 * the page is never on swap.
	 */
	if (sgp != SGP_WRITE &&
	    ((loff_t)idx << PAGE_CACHE_SHIFT) >= inode->i_size) {
		error = -EINVAL;
		goto failed;
	}
	if (info->next_index <= idx)
		info->next_index = idx + 1;

	/* sim: the SGP_READ branch (find_get_page, no allocation) is left
	 * out: no modelled caller reads a hole */
	BUG_ON(sgp == SGP_READ);

	sbinfo = SHMEM_SB(inode->i_sb);
	if (sbinfo->max_blocks) {
		if (sbinfo->free_blocks == 0 ||
		    shmem_acct_block(info->flags)) {
			error = -ENOSPC;
			goto failed;
		}
		sbinfo->free_blocks--;
		inode->i_blocks += BLOCKS_PER_PAGE;
	} else if (shmem_acct_block(info->flags)) {
		error = -ENOSPC;
		goto failed;
	}

	if (!filepage) {
		int ret;

		filepage = shmem_alloc_page(gfp, info, idx);
		if (!filepage) {
			shmem_unacct_blocks(info->flags, 1);
			shmem_free_blocks(inode, 1);
			error = -ENOMEM;
			goto failed;
		}
		SetPageSwapBacked(filepage);
		/* sim: no mem_cgroup_cache_charge; no swap entry to recheck */
		ret = add_to_page_cache_lru(filepage, mapping, idx, 0);
		if (ret) {
			/* GFP_NOWAIT (0): the preload above should cover it */
			page_cache_release(filepage);
			shmem_unacct_blocks(info->flags, 1);
			shmem_free_blocks(inode, 1);
			filepage = NULL;
			goto repeat;
		}
		info->flags |= SHMEM_PAGEIN;
	}

	info->alloced++;
	clear_highpage(filepage);
	SetPageUptodate(filepage);
	if (sgp == SGP_DIRTY)
		__set_page_dirty_no_writeback(filepage);
	sim_note("shmem", "inode#%u index %lu: new zeroed page#%lu, alloced "
		 "%lu", sim_id(inode), idx, page_to_pfn(filepage),
		 info->alloced);
done:
	*pagep = filepage;
	return TRACE_RET(0);

failed:
	if (*pagep != filepage) {
		unlock_page(filepage);
		page_cache_release(filepage);
	}
	return TRACE_RET(error);
}

/*
 * vm_ops->fault (through shm_fault for SysV attaches): the page for
 * vmf->pgoff, returned locked (VM_FAULT_LOCKED) with a reference.
 */
static int shmem_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct inode *inode = vma->vm_file->f_path.dentry->d_inode;
	int error;
	int ret;

	TRACE_ENTER("vma#%u, pgoff %lu", sim_id(vma), vmf->pgoff);
	if (((loff_t)vmf->pgoff << PAGE_CACHE_SHIFT) >= inode->i_size)
		return TRACE_RET_INT(VM_FAULT_SIGBUS);

	error = shmem_getpage(inode, vmf->pgoff, &vmf->page, SGP_CACHE, &ret);
	if (error)
		return TRACE_RET_INT((error == -ENOMEM) ?
				     VM_FAULT_OOM : VM_FAULT_SIGBUS);

	return TRACE_RET_INT(ret | VM_FAULT_LOCKED);
}

/*
 * SHM_LOCK (lock 1) charges user's RLIMIT_MEMLOCK and keeps the mapping's
 * pages off the evictable lists; SHM_UNLOCK and shm_destroy (lock 0) undo
 * it. 0 or -ENOMEM (over the limit).
 */
int shmem_lock(struct file *file, int lock, struct user_struct *user)
{
	struct inode *inode = file->f_path.dentry->d_inode;
	struct shmem_inode_info *info = SHMEM_I(inode);
	int retval = -ENOMEM;

	TRACE_ENTER("file#%u, %d", sim_id(file), lock);
	if (lock && !(info->flags & VM_LOCKED)) {
		if (!user_shm_lock((size_t)inode->i_size, user))
			goto out_nomem;
		info->flags |= VM_LOCKED;
		mapping_set_unevictable(file->f_mapping);
	}
	if (!lock && (info->flags & VM_LOCKED) && user) {
		user_shm_unlock((size_t)inode->i_size, user);
		info->flags &= ~VM_LOCKED;
		mapping_clear_unevictable(file->f_mapping);
		/* sim: scan_mapping_unevictable_pages: no unevictable list
		 * is kept apart in this slice */
	}
	retval = 0;

out_nomem:
	return TRACE_RET(retval);
}

/* f_op->mmap of a shmem file: faults go to shmem_fault */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	TRACE_ENTER("file#%u, vma#%u", sim_id(file), sim_id(vma));
	file_accessed(file);
	vma->vm_ops = &shmem_vm_ops;
	vma->vm_flags |= VM_CAN_NONLINEAR;
	return TRACE_RET(0);
}

/* A new tmpfs inode of mode on sb, or NULL (-ENOSPC for the callers). */
static struct inode *shmem_get_inode(struct super_block *sb, int mode,
				     dev_t dev, unsigned long flags)
{
	struct inode *inode;
	struct shmem_inode_info *info;

	TRACE_ENTER("super_block#%u, %#o", sim_id(sb), (unsigned int)mode);
	if (shmem_reserve_inode(sb))
		return TRACE_RET_INODE(NULL);

	inode = new_inode(sb);
	if (inode) {
		inode->i_mode = (umode_t)mode;
		inode->i_uid = current_fsuid();
		inode->i_gid = current_fsgid();
		inode->i_blocks = 0;
		inode->i_mapping->backing_dev_info = &shmem_backing_dev_info;
		inode->i_atime = inode->i_mtime = inode->i_ctime =
			(time_t)CURRENT_TIME;
		inode->i_generation = (unsigned int)get_seconds();
		info = SHMEM_I(inode);
		/* sim: the fields after vfs_inode (see shmem_fs.h) */
		memset(&info->flags, 0, sizeof(*info) -
		       offsetof(struct shmem_inode_info, flags));
		info->flags = flags & VM_NORESERVE;
		INIT_LIST_HEAD(&info->swaplist);

		switch (mode & S_IFMT) {
		default:
			/* sim: no shmem_special_inode_operations */
			init_special_inode(inode, (umode_t)mode, dev);
			break;
		case S_IFREG:
			inode->i_mapping->a_ops = &shmem_aops;
			inode->i_op = &shmem_inode_operations;
			inode->i_fop = &shmem_file_operations;
			break;
		case S_IFDIR:
			inode->i_nlink++;	/* inc_nlink: "." */
			/* a directory reports a nonzero size */
			inode->i_size = 2 * 20;	/* BOGO_DIRENT_SIZE */
			inode->i_op = &shmem_dir_inode_operations;
			inode->i_fop = &simple_dir_operations;
			break;
		}
		sim_note("shmem", "inode#%u: ino %lu, mode %#o, flags %#lx",
			 sim_id(inode), inode->i_ino, (unsigned int)mode,
			 info->flags);
	} else {
		shmem_free_inode(sb);
	}
	return TRACE_RET_INODE(inode);
}

#define BOGO_DIRENT_SIZE	20

/* a new inode for dentry, pinned as ramfs pins them (d_genocide drops) */
static int shmem_mknod(struct inode *dir, struct dentry *dentry, int mode,
		       dev_t dev)
{
	struct inode *inode;
	int error = -ENOSPC;

	TRACE_ENTER("inode#%u, dentry#%u \"%s\"", sim_id(dir), sim_id(dentry),
		    dentry->d_name.name);
	inode = shmem_get_inode(dir->i_sb, mode, dev, VM_NORESERVE);
	if (inode) {
		/* sim: no security_inode_init_security, no ACLs */
		error = 0;
		if (dir->i_mode & S_ISGID) {
			inode->i_gid = dir->i_gid;
			if (S_ISDIR(mode))
				inode->i_mode |= S_ISGID;
		}
		dir->i_size += BOGO_DIRENT_SIZE;
		dir->i_ctime = dir->i_mtime = (time_t)CURRENT_TIME;
		d_instantiate(dentry, inode);
		dget(dentry);	/* the pin */
	}
	return TRACE_RET(error);
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int error;

	error = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);
	if (error)
		return error;
	dir->i_nlink++;		/* inc_nlink */
	return 0;
}

/* the default limits of a tmpfs instance: half of RAM, lowmem inodes */
static unsigned long shmem_default_max_blocks(void)
{
	return totalram_pages / 2;
}

static unsigned long shmem_default_max_inodes(void)
{
	/* sim: no highmem, so lowmem is all of RAM */
	return min_t(unsigned long, totalram_pages, totalram_pages / 2);
}

/*
 * (simplified: no options: shmem_parse_options left out, so the limits
 * stay what they are, which every test below accepts) Refuses a limit
 * below what is in use and an unlimited instance becoming limited.
 */
static int shmem_remount_fs(struct super_block *sb, int *flags, char *data)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	struct shmem_sb_info config = *sbinfo;
	unsigned long blocks;
	unsigned long inodes;
	int error = -EINVAL;

	(void)flags;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	if (data && *data)
		return TRACE_RET(error);	/* sim: no options parsed */

	blocks = sbinfo->max_blocks - sbinfo->free_blocks;
	inodes = sbinfo->max_inodes - sbinfo->free_inodes;
	if (config.max_blocks < blocks)
		goto out;
	if (config.max_inodes < inodes)
		goto out;
	if (config.max_blocks && !sbinfo->max_blocks)
		goto out;
	if (config.max_inodes && !sbinfo->max_inodes)
		goto out;

	error = 0;
	sbinfo->max_blocks = config.max_blocks;
	sbinfo->free_blocks = config.max_blocks - blocks;
	sbinfo->max_inodes = config.max_inodes;
	sbinfo->free_inodes = config.max_inodes - inodes;
out:
	return TRACE_RET(error);
}

/* /proc/mounts: only what differs from a default mount's */
static int shmem_show_options(FILE *seq, struct vfsmount *vfs)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(vfs->mnt_sb);

	if (sbinfo->max_blocks != shmem_default_max_blocks())
		fprintf(seq, ",size=%luk",
			sbinfo->max_blocks << (PAGE_CACHE_SHIFT - 10));
	if (sbinfo->max_inodes != shmem_default_max_inodes())
		fprintf(seq, ",nr_inodes=%lu", sbinfo->max_inodes);
	if (sbinfo->mode != (S_IRWXUGO | S_ISVTX))
		fprintf(seq, ",mode=%03o", (unsigned int)sbinfo->mode);
	if (sbinfo->uid != 0)
		fprintf(seq, ",uid=%u", (unsigned int)sbinfo->uid);
	if (sbinfo->gid != 0)
		fprintf(seq, ",gid=%u", (unsigned int)sbinfo->gid);
	/* sim: no NUMA, so no mpol */
	return 0;
}

static void shmem_put_super(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
	TRACE_EXIT();
}

/*
 * get_sb_nodev's fill_super: the superblock's limits and root directory.
 * The internal mount (MS_NOUSER) is unlimited: max_blocks and max_inodes
 * stay 0 and no options are parsed.
 */
int shmem_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode;
	struct dentry *root;
	struct shmem_sb_info *sbinfo;
	int err = -ENOMEM;

	(void)silent;
	TRACE_ENTER("super_block#%u, s_flags %#lx", sim_id(sb), sb->s_flags);
	sbinfo = kzalloc(sizeof(struct shmem_sb_info), GFP_KERNEL);
	if (!sbinfo)
		return TRACE_RET(-ENOMEM);

	sbinfo->mode = S_IRWXUGO | S_ISVTX;
	sbinfo->uid = current_fsuid();
	sbinfo->gid = current_fsgid();
	sb->s_fs_info = sbinfo;

	/*
	 * By default a tmpfs instance gets half of RAM and one inode per
	 * page of lowmem; the internal instance is left unlimited.
	 */
	if (!(sb->s_flags & MS_NOUSER)) {
		sbinfo->max_blocks = shmem_default_max_blocks();
		sbinfo->max_inodes = shmem_default_max_inodes();
		/* sim: shmem_parse_options left out: data must be empty */
		if (data && *(char *)data) {
			err = -EINVAL;
			goto failed;
		}
	}

	sbinfo->free_blocks = sbinfo->max_blocks;
	sbinfo->free_inodes = sbinfo->max_inodes;

	sb->s_maxbytes = (loff_t)SHMEM_MAX_BYTES;
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	sb->s_time_gran = 1;

	inode = shmem_get_inode(sb, (int)(S_IFDIR | sbinfo->mode), 0,
				VM_NORESERVE);
	if (!inode)
		goto failed;
	inode->i_uid = sbinfo->uid;
	inode->i_gid = sbinfo->gid;
	root = d_alloc_root(inode);
	if (!root)
		goto failed_iput;
	sb->s_root = root;
	sim_note("shmem", "super_block#%u: max_blocks %lu, max_inodes %lu%s",
		 sim_id(sb), sbinfo->max_blocks, sbinfo->max_inodes,
		 sbinfo->max_blocks ? "" : " (unlimited)");
	return TRACE_RET(0);

failed_iput:
	iput(inode);
failed:
	shmem_put_super(sb);
	return TRACE_RET(err);
}

static kmem_cache_t *shmem_inode_cachep;

static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *p;

	(void)sb;
	p = kmem_cache_alloc(shmem_inode_cachep, GFP_KERNEL);
	if (!p)
		return NULL;
	/* sim: no slab constructor (init_once); alloc_inode runs it */
	return &p->vfs_inode;
}

static void shmem_destroy_inode(struct inode *inode)
{
	/* sim: no NUMA policy to free */
	kmem_cache_free(shmem_inode_cachep, SHMEM_I(inode));
}

static int init_inodecache(void)
{
	shmem_inode_cachep = kmem_cache_create("shmem_inode_cache",
					       sizeof(struct shmem_inode_info));
	BUG_ON(!shmem_inode_cachep);	/* SLAB_PANIC */
	return 0;
}

static void destroy_inodecache(void)
{
	kmem_cache_destroy(shmem_inode_cachep);
	shmem_inode_cachep = NULL;
}

static const struct address_space_operations shmem_aops = {
	/* sim: no .writepage (no swap), no readpage/write_begin/write_end */
	.set_page_dirty	= __set_page_dirty_no_writeback,
};

static const struct file_operations shmem_file_operations = {
	.mmap		= shmem_mmap,
	/* sim: no llseek/read/write/aio/splice (no file I/O modelled) */
	.fsync		= simple_sync_file,
};

static const struct inode_operations shmem_inode_operations = {
	.truncate	= shmem_truncate,
	/* sim: no setattr (notify_change), truncate_range, xattrs */
};

static const struct inode_operations shmem_dir_inode_operations = {
	.lookup		= simple_lookup,
	.mkdir		= shmem_mkdir,
	/* sim: no create, link, unlink, symlink, rmdir, mknod, rename:
	 * mkdir is all the model's scripts can do in a tmpfs directory */
};

static const struct super_operations shmem_ops = {
	.alloc_inode	= shmem_alloc_inode,
	.destroy_inode	= shmem_destroy_inode,
	/* sim: no statfs */
	.remount_fs	= shmem_remount_fs,
	.show_options	= shmem_show_options,
	.delete_inode	= shmem_delete_inode,
	.drop_inode	= generic_delete_inode,
	.put_super	= shmem_put_super,
};

static const struct vm_operations_struct shmem_vm_ops = {
	.fault		= shmem_fault,
	/* sim: no set_policy/get_policy (no NUMA) */
};

/*
 * file_system_type.get_sb: a new superblock for every mount; under the
 * single-sb patch the first one (the internal mount's) for all of them.
 */
static int shmem_get_sb(struct file_system_type *fs_type, int flags,
			const char *dev_name, void *data,
			struct vfsmount *mnt)
{
	int ret;

	(void)dev_name;
	TRACE_ENTER("%s, %#x", fs_type->name, (unsigned int)flags);
	if (sim_patched(SIM_PATCH_SINGLE_SB)) {
		sim_note("patch single-sb", "get_sb_single in place of "
			 "get_sb_nodev");
		ret = get_sb_single(fs_type, flags, data, shmem_fill_super,
				    mnt);
	} else {
		ret = get_sb_nodev(fs_type, flags, data, shmem_fill_super,
				   mnt);
	}
	return TRACE_RET(ret);
}

static struct file_system_type tmpfs_fs_type = {
	.name		= "tmpfs",
	.get_sb		= shmem_get_sb,
	.kill_sb	= kill_litter_super,
};

/*
 * do_basic_setup: register tmpfs and mount its internal instance,
 * MS_NOUSER (never mountable, no limits). On error shm_mnt holds it, and
 * every shmem_file_setup returns it. Under the user-mount patch the
 * flag is dropped, and shmem_fill_super then gives the internal
 * instance a user mount's default limits (half of RAM, lowmem inodes):
 * every segment and shared mapping counts against them.
 */
int init_tmpfs(void)
{
	int error;
	int flags = (int)MS_NOUSER;

	TRACE_ENTER("%s", "");
	error = bdi_init(&shmem_backing_dev_info);
	if (error)
		goto out4;

	error = init_inodecache();
	if (error)
		goto out3;

	error = register_filesystem(&tmpfs_fs_type);
	if (error)
		goto out2;	/* "Could not register tmpfs" */

	if (sim_patched(SIM_PATCH_USER_MOUNT)) {
		sim_note("patch user-mount", "init_tmpfs's vfs_kern_mount "
			 "without MS_NOUSER");
		flags = 0;
	}
	shm_mnt = vfs_kern_mount(&tmpfs_fs_type, flags, tmpfs_fs_type.name,
				 NULL);
	if (IS_ERR(shm_mnt)) {
		error = (int)PTR_ERR(shm_mnt);
		goto out1;	/* "Could not kern_mount tmpfs" */
	}
	sim_note("shmem", "shm_mnt = vfsmount#%u, super_block#%u dev "
		 "%02x:%02x", sim_id(shm_mnt), sim_id(shm_mnt->mnt_sb),
		 MAJOR(shm_mnt->mnt_sb->s_dev), MINOR(shm_mnt->mnt_sb->s_dev));
	return TRACE_RET(0);

out1:
	unregister_filesystem(&tmpfs_fs_type);
out2:
	destroy_inodecache();
out3:
	bdi_destroy(&shmem_backing_dev_info);
out4:
	shm_mnt = ERR_PTR(error);
	return TRACE_RET(error);
}

/*
 * An unlinked file of size bytes on shm_mnt, named name (what maps
 * shows), opened read-write with one reference; the dentry stays
 * unhashed (under hashed-shm it is hashed, so readdir lists it and its
 * last dput caches it on the LRU). flags: VM_NORESERVE skips the
 * Committed_AS charge. -EINVAL, -ENOMEM (charge or dentry), -ENFILE,
 * -ENOSPC (inode).
 */
struct file *shmem_file_setup(const char *name, loff_t size,
			      unsigned long flags)
{
	int error;
	struct file *file;
	struct inode *inode;
	struct dentry *dentry, *root;
	struct qstr this;

	TRACE_ENTER("\"%s\", %lld, %#lx", name, (long long)size, flags);
	if (IS_ERR(shm_mnt))
		return TRACE_RET_FILE((struct file *)shm_mnt);

	if (size < 0 || (unsigned long long)size > SHMEM_MAX_BYTES)
		return TRACE_RET_FILE(ERR_PTR(-EINVAL));

	if (shmem_acct_size(flags, size))
		return TRACE_RET_FILE(ERR_PTR(-ENOMEM));

	error = -ENOMEM;
	this.name = (const unsigned char *)name;
	this.len = (unsigned int)strlen(name);
	this.hash = 0;	/* will go */
	root = shm_mnt->mnt_root;
	dentry = d_alloc(root, &this);
	if (!dentry)
		goto put_memory;

	error = -ENFILE;
	file = get_empty_filp();
	if (!file)
		goto put_dentry;

	error = -ENOSPC;
	inode = shmem_get_inode(root->d_sb, S_IFREG | S_IRWXUGO, 0, flags);
	if (!inode)
		goto close_file;

	d_instantiate(dentry, inode);
	if (sim_patched(SIM_PATCH_HASHED_SHM)) {
		sim_note("patch hashed-shm", "d_rehash(dentry#%u \"%s\")",
			 sim_id(dentry), name);
		d_rehash(dentry);
	}
	inode->i_size = size;
	inode->i_nlink = 0;	/* it is unlinked */
	init_file(file, shm_mnt, dentry, FMODE_WRITE | FMODE_READ,
		  &shmem_file_operations);
	sim_note("shmem", "file#%u on dentry#%u \"%s\" (%s), inode#%u "
		 "i_size %lld i_nlink 0", sim_id(file), sim_id(dentry), name,
		 d_unhashed(dentry) ? "unhashed" : "hashed", sim_id(inode),
		 (long long)size);
	return TRACE_RET_FILE(file);

close_file:
	put_filp(file);
put_dentry:
	dput(dentry);
put_memory:
	shmem_unacct_size(flags, size);
	return TRACE_RET_FILE(ERR_PTR(error));
}

/* mmap_region for MAP_SHARED|MAP_ANONYMOUS: a "dev/zero" shmem file */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file;
	loff_t size = (loff_t)(vma->vm_end - vma->vm_start);

	TRACE_ENTER("vma#%u", sim_id(vma));
	file = shmem_file_setup("dev/zero", size, vma->vm_flags);
	if (IS_ERR(file))
		return TRACE_RET(PTR_ERR(file));

	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_vm_ops;
	vma->vm_flags |= VM_CAN_NONLINEAR;
	return TRACE_RET(0);
}

/* sim: shmem's vm_ops, which an attach's shm_file_data must have saved */
const struct vm_operations_struct *sim_shmem_vm_ops(void)
{
	return &shmem_vm_ops;
}

/* sim: the internal mount, for the views (NULL before init_tmpfs) */
struct vfsmount *sim_shm_mnt(void)
{
	return IS_ERR(shm_mnt) ? NULL : shm_mnt;
}

/*
 * sim: shutdown, once every segment and shared mapping is gone: drop the
 * internal mount (its last reference kills the superblock:
 * kill_litter_super), unregister tmpfs, free the inode cache.
 */
void sim_shmem_exit(void)
{
	TRACE_ENTER("%s", "");
	/*
	 * sim: the SYSV dentries hashed-shm left cached go first, as
	 * prune_dcache would take them: kill_litter_super's d_genocide
	 * would take an unpinned cached dentry's d_count below 0.
	 */
	if (shm_mnt && !IS_ERR(shm_mnt) &&
	    shm_mnt->mnt_sb->s_nr_dentry_unused)
		shrink_dcache_sb(shm_mnt->mnt_sb);
	if (shm_mnt && !IS_ERR(shm_mnt))
		mntput(shm_mnt);
	shm_mnt = NULL;
	unregister_filesystem(&tmpfs_fs_type);
	if (shmem_inode_cachep)
		destroy_inodecache();
	bdi_destroy(&shmem_backing_dev_info);
	TRACE_EXIT();
}

/*
 * sim: the picture (sim/2.6/dot/): the name of one of tmpfs's operation
 * tables (a file's f_op, a vma's vm_ops, an inode's i_op, a mapping's
 * a_ops, a superblock's s_op), or NULL if ops is none of them.
 */
const char *sim_shmem_ops_name(const void *ops)
{
	if (ops == &shmem_file_operations)
		return "shmem_file_operations";
	if (ops == &shmem_vm_ops)
		return "shmem_vm_ops";
	if (ops == &shmem_aops)
		return "shmem_aops";
	if (ops == &shmem_inode_operations)
		return "shmem_inode_operations";
	if (ops == &shmem_dir_inode_operations)
		return "shmem_dir_inode_operations";
	if (ops == &shmem_ops)
		return "shmem_ops";
	return NULL;
}
