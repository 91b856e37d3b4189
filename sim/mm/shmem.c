// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/shmem.c - tmpfs: the filesystem that holds every shm segment.
 * Models mm/shmem.c (2.4.16), in its order: shmem_recalc_inode,
 *   shmem_swp_entry, shmem_alloc_entry, shmem_free_swp, shmem_truncate,
 *   shmem_delete_inode, shmem_writepage (swap-out), shmem_getpage_locked
 *   (with its swap-in half), shmem_getpage, shmem_nopage, shmem_lock,
 *   shmem_mmap, shmem_get_inode, shmem_set_size, shmem_lookup,
 *   shmem_mknod, shmem_mkdir, shmem_remount_fs, shmem_read_super,
 *   init_shmem_fs, shmem_file_setup, shmem_zero_setup. Sim only: at the
 *   top, sim_kptr (a vector page's i386 address, as sim_kaddr of
 *   linux/mm.h and get_zeroed_page make them, back to a pointer);
 *   shmem_swp_lookup (for the checks) after shmem_alloc_entry;
 *   sim_exit_shmem_fs (shutdown) after init_shmem_fs.
 * Left out: most of the user-mountable side (CONFIG_TMPFS read/write,
 *   create, link, unlink, rmdir, rename, symlinks, statfs, mount options:
 *   shmem_parse_options sees none, as `mount` passes no data); swapoff
 *   (shmem_unuse), swapin_readahead; the
 *   doubly indirect half of the swap vector (indices past 524,304 pages,
 *   2 GiB: unreachable below SHMMAX).
 * Called by newseg (shmem_file_setup), the fault path (shmem_nopage via
 *   vm_ops), iput (shmem_delete_inode via s_op), shm_destroy (shmem_lock),
 *   do_mmap_pgoff (shmem_zero_setup for MAP_SHARED|MAP_ANONYMOUS), and for
 *   a mounted tmpfs the path walk (shmem_lookup), vfs_mkdir (shmem_mkdir),
 *   get_sb_single's do_remount_sb (shmem_remount_fs), vfs_readdir
 *   (dcache_readdir).
 * The experiment's patches (sim_patched): single-sb makes tmpfs FS_SINGLE
 *   (init_shmem_fs), so every mount of it is the internal superblock;
 *   hashed-shm d_rehash()es the new dentry in shmem_file_setup, so
 *   dcache_readdir lists it, /proc/PID/maps drops " (deleted)", and dput
 *   caches it on dentry_unused when its file goes: the inode and its pages
 *   then live until the dentry is pruned (shrink_dcache_sb at a remount
 *   or at shutdown).
 *
 * A segment's file: shmem_file_setup makes an unlinked regular file on the
 * internal mount shm_mnt: d_alloc under the root, get_empty_filp,
 * shmem_get_inode, d_instantiate. Pages arrive one fault at a time:
 * shmem_nopage -> shmem_getpage -> shmem_getpage_locked, which finds the
 * page in the page cache or allocates, zeroes and adds it there. When the
 * file's last reference goes, iput -> truncate_inode_pages frees the pages
 * and shmem_delete_inode gives back the inode and its blocks.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/boot.h"
#include "sim/trace.h"

struct vfsmount *shm_mnt;
LIST_HEAD(shmem_inodes);

static struct super_operations shmem_ops;
static struct address_space_operations shmem_aops;
static struct file_operations shmem_file_operations;
static struct inode_operations shmem_inode_operations;
static struct file_operations shmem_dir_operations;
static struct inode_operations shmem_dir_inode_operations;
struct vm_operations_struct shmem_vm_ops;

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return &sb->u.shmem_sb;
}

/* sim: the pointer into the arena of a sim_kaddr (linux/mm.h) address */
static inline uint32_t *sim_kptr(uint32_t kaddr)
{
	return page_address(pfn_to_page((kaddr - PAGE_OFFSET) >> PAGE_SHIFT));
}

/*
 * Pages the VM dropped behind our back (clean pages reclaimed) still count
 * in i_blocks; give their blocks back to the superblock.
 */
static void shmem_recalc_inode(struct inode *inode)
{
	unsigned long freed;

	freed = (inode->i_blocks / BLOCKS_PER_PAGE) -
		(inode->i_mapping->nrpages + SHMEM_I(inode)->swapped);
	if (freed) {
		struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

		inode->i_blocks -= freed * BLOCKS_PER_PAGE;
		sbinfo->free_blocks += freed;
	}
}

/*
 * Where the swap entry of page index lives: i_direct for the first 16,
 * then a leaf page found through i_indirect. A missing level is filled with
 * page (a zeroed frame) and -ENOMEM returned, so the caller loops with a
 * new page until the entry exists. With page 0 it only reports -ENOMEM.
 */
static swp_entry_t *shmem_swp_entry(struct shmem_inode_info *info,
				    unsigned long index, uint32_t page)
{
	unsigned long offset;
	uint32_t *dir;

	if (index < SHMEM_NR_DIRECT)
		return info->i_direct + index;

	index -= SHMEM_NR_DIRECT;
	offset = index % ENTRIES_PER_PAGE;
	index /= ENTRIES_PER_PAGE;

	if (!info->i_indirect) {
		if (page) {
			info->i_indirect = sim_kptr(page);
			sim_note("shmem", "swap vector: i_indirect is "
				 "page#%lu", (unsigned long)(page - PAGE_OFFSET)
				 >> PAGE_SHIFT);
		}
		return ERR_PTR(-ENOMEM);
	}
	if (index >= ENTRIES_PER_PAGE / 2)
		return ERR_PTR(-EFBIG);	/* sim: doubly indirect half */

	dir = info->i_indirect + index;
	if (!*dir) {
		if (!page)
			return ERR_PTR(-ENOMEM);
		*dir = page;
		sim_note("shmem", "swap vector: leaf %lu is page#%lu", index,
			 (unsigned long)(page - PAGE_OFFSET) >> PAGE_SHIFT);
	}
	return (swp_entry_t *)sim_kptr(*dir) + offset;
}

/* The entry for index, allocating vector pages now, at fault time, so
 * that swap-out never needs memory. */
static swp_entry_t *shmem_alloc_entry(struct shmem_inode_info *info,
				      unsigned long index)
{
	uint32_t page = 0;
	swp_entry_t *res;

	if (index >= SHMEM_MAX_BLOCKS)
		return ERR_PTR(-EFBIG);
	if (info->next_index <= index)
		info->next_index = index + 1;

	while ((res = shmem_swp_entry(info, index, page)) == ERR_PTR(-ENOMEM)) {
		page = get_zeroed_page(GFP_USER);
		if (!page)
			break;
	}
	return res;
}

/* sim: the entry of index if its vector page exists, else NULL (checks) */
swp_entry_t *shmem_swp_lookup(struct shmem_inode_info *info,
			      unsigned long index)
{
	swp_entry_t *e = shmem_swp_entry(info, index, 0);

	return IS_ERR(e) ? NULL : e;
}

/* Drop the swap entries of dir[0..count): each slot loses a reference. */
static int shmem_free_swp(swp_entry_t *dir, unsigned int count)
{
	swp_entry_t *ptr, entry;
	int freed = 0;

	for (ptr = dir; ptr < dir + count; ptr++) {
		if (!ptr->val)
			continue;
		entry = *ptr;
		*ptr = (swp_entry_t){ 0 };
		freed++;
		free_swap_and_cache(entry);
	}
	return freed;
}

/*
 * i_size shrank (to 0, when the inode dies): free every swap entry from
 * the new end on, and the vector pages no entry needs any more.
 * (simplified: 2.4.16 walks shmem_truncate_indirect region by region,
 * highest first; here the direct entries, then each leaf of the single
 * indirect half, which holds every index a SysV segment can reach.)
 */
static void shmem_truncate(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	unsigned long index, k, freed = 0;

	TRACE_ENTER("inode#%u, i_size %lld", sim_id(inode), inode->i_size);
	inode->i_ctime = inode->i_mtime = CURRENT_TIME;
	index = (inode->i_size + PAGE_CACHE_SIZE - 1) >> PAGE_CACHE_SHIFT;
	if (index < info->next_index) {
		if (index < SHMEM_NR_DIRECT)
			freed += shmem_free_swp(info->i_direct + index,
						SHMEM_NR_DIRECT - index);
		for (k = 0; info->i_indirect && k < ENTRIES_PER_PAGE / 2; k++) {
			unsigned long base = SHMEM_NR_DIRECT +
					     k * ENTRIES_PER_PAGE;
			unsigned long start = index > base ? index - base : 0;
			uint32_t leaf = info->i_indirect[k];

			if (!leaf || start >= ENTRIES_PER_PAGE)
				continue;
			freed += shmem_free_swp((swp_entry_t *)sim_kptr(leaf) +
						start, ENTRIES_PER_PAGE - start);
			if (!start) {
				free_page(leaf);
				info->i_indirect[k] = 0;
			}
		}
		if (index <= SHMEM_NR_DIRECT && info->i_indirect) {
			free_page(sim_kaddr(virt_to_page(info->i_indirect)));
			info->i_indirect = NULL;
			sim_note("shmem", "swap vector pages freed");
		}
		info->next_index = index;
	}
	info->swapped -= freed;
	if (freed)
		sim_note("shmem", "inode#%u: %lu swap entries freed, swapped %lu",
			 sim_id(inode), freed, info->swapped);
	shmem_recalc_inode(inode);
	TRACE_EXIT();
}

/* The inode's last iput: its pages are already gone (truncate_inode_pages). */
static void shmem_delete_inode(struct inode *inode)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	TRACE_ENTER("inode#%u", sim_id(inode));
	inode->i_size = 0;
	if (inode->i_op->truncate == shmem_truncate) {
		list_del(&SHMEM_I(inode)->list);
		shmem_truncate(inode);
	}
	sbinfo->free_inodes++;
	sim_note("shmem", "free_inodes %lu, free_blocks %lu",
		 sbinfo->free_inodes, sbinfo->free_blocks);
	clear_inode(inode);
	TRACE_EXIT();
}

/*
 * a_ops->writepage, called by shrink_cache for a dirty page only the page
 * cache holds: move it from the inode's cache into the swap cache, and
 * record its slot in the swap vector. The write itself comes later
 * (swap_writepage). SHM_LOCK (info->locked) keeps the page in RAM.
 */
static int shmem_writepage(struct page *page)
{
	struct shmem_inode_info *info;
	swp_entry_t *entry, swap;
	struct address_space *mapping;
	unsigned long index;
	struct inode *inode;

	TRACE_ENTER("page#%lu, index %lu", page_to_pfn(page), page->index);
	BUG_ON(!PageLocked(page));
	if (!test_bit(PG_launder, &page->flags))
		return TRACE_RET(fail_writepage(page));

	mapping = page->mapping;
	index = page->index;
	inode = mapping->host;
	info = SHMEM_I(inode);
	if (info->locked) {
		sim_note("shmem", "inode#%u is SHM_LOCKed: page#%lu stays",
			 sim_id(inode), page_to_pfn(page));
		return TRACE_RET(fail_writepage(page));
	}
getswap:
	swap = get_swap_page();
	if (!swap.val)
		return TRACE_RET(fail_writepage(page));

	/* the slot was made at fault time: writepage never allocates */
	entry = shmem_swp_entry(info, index, 0);
	BUG_ON(IS_ERR(entry));
	shmem_recalc_inode(inode);
	BUG_ON(entry->val);

	/* out of the inode's cache ... */
	remove_inode_page(page);
	page_cache_release(page);

	/* ... into the swap cache */
	if (add_to_swap_cache(page, swap) != 0) {
		add_to_page_cache_locked(page, mapping, index);
		swap_free(swap);
		goto getswap;
	}
	*entry = swap;
	info->swapped++;
	sim_note("shmem", "inode#%u index %lu -> swap slot %lu, swapped %lu",
		 sim_id(inode), index, SWP_OFFSET(swap), info->swapped);
	SetPageUptodate(page);
	set_page_dirty(page);
	UnlockPage(page);
	return TRACE_RET(0);
}

/*
 * Find or make page idx of the inode, with info->sem held: from the page
 * cache; else from swap (the swap cache, or the swap file), giving the
 * slot back; else a new zeroed page. Returns the page locked, with a
 * reference for the caller, or an ERR_PTR.
 */
static struct page *shmem_getpage_locked(struct shmem_inode_info *info,
					 struct inode *inode,
					 unsigned long idx)
{
	struct address_space *mapping = inode->i_mapping;
	struct shmem_sb_info *sbinfo;
	struct page *page;
	swp_entry_t *entry;

	TRACE_ENTER("inode#%u, index %lu", sim_id(inode), idx);
repeat:
	page = find_lock_page(mapping, idx);
	if (page)
		return TRACE_RET_PAGE(page);

	entry = shmem_alloc_entry(info, idx);
	if (IS_ERR(entry))
		return TRACE_RET_PAGE((struct page *)entry);

	/* sim: one thread, so nothing can have raced us into the cache */
	shmem_recalc_inode(inode);
	if (entry->val) {
		unsigned long flags;

		page = find_get_page(&swapper_space, entry->val);
		if (!page) {
			swp_entry_t swap = *entry;

			/* sim: no swapin_readahead */
			page = read_swap_cache_async(*entry);
			if (!page) {
				if (entry->val != swap.val)
					goto repeat;
				return TRACE_RET_PAGE((struct page *)
						      ERR_PTR(-ENOMEM));
			}
			if (!PageUptodate(page) && entry->val == swap.val) {
				page_cache_release(page);
				return TRACE_RET_PAGE((struct page *)
						      ERR_PTR(-EIO));
			}
			/* the lock was dropped: look again from the top */
			page_cache_release(page);
			goto repeat;
		}
		BUG_ON(PageLocked(page));	/* sim: no I/O in flight */
		LockPage(page);
		swap_free(*entry);
		*entry = (swp_entry_t){ 0 };
		delete_from_swap_cache(page);
		flags = page->flags & ~((1UL << PG_uptodate) |
					(1UL << PG_error) |
					(1UL << PG_referenced));
		page->flags = flags | (1UL << PG_dirty);
		add_to_page_cache_locked(page, mapping, idx);
		info->swapped--;
		sim_note("shmem", "inode#%u index %lu back from swap in "
			 "page#%lu, swapped %lu", sim_id(inode), idx,
			 page_to_pfn(page), info->swapped);
	} else {
		sbinfo = SHMEM_SB(inode->i_sb);
		if (!sbinfo->free_blocks)
			return TRACE_RET_PAGE((struct page *)ERR_PTR(-ENOSPC));
		sbinfo->free_blocks--;

		page = alloc_page(mapping->gfp_mask);
		if (!page)
			return TRACE_RET_PAGE((struct page *)ERR_PTR(-ENOMEM));
		clear_user_highpage(page);
		inode->i_blocks += BLOCKS_PER_PAGE;
		add_to_page_cache(page, mapping, idx);
		sim_note("shmem", "inode#%u index %lu: new page#%lu, i_blocks "
			 "%lu", sim_id(inode), idx, page_to_pfn(page),
			 inode->i_blocks);
	}
	SetPageUptodate(page);
	return TRACE_RET_PAGE(page);
}

/*
 * Page idx of inode, unlocked, with a reference, in *ptr; 0 on success.
 * On error *ptr is NOPAGE_OOM for -ENOMEM and NOPAGE_SIGBUS otherwise
 * (an index at or past i_size among them).
 */
static int shmem_getpage(struct inode *inode, unsigned long idx,
			 struct page **ptr)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	int error;

	TRACE_ENTER("inode#%u, index %lu", sim_id(inode), idx);
	*ptr = ERR_PTR(-EFAULT);
	if (inode->i_size <= (long long)(idx * PAGE_CACHE_SIZE))
		goto failed;
	*ptr = shmem_getpage_locked(info, inode, idx);
	if (IS_ERR(*ptr))
		goto failed;
	UnlockPage(*ptr);
	return TRACE_RET(0);
failed:
	error = PTR_ERR(*ptr);
	*ptr = NOPAGE_SIGBUS;
	if (error == -ENOMEM)
		*ptr = NOPAGE_OOM;
	return TRACE_RET(error);
}

/* vm_ops->nopage of every shm and shmem vma */
struct page *shmem_nopage(struct vm_area_struct *vma, unsigned long address,
			  int unused)
{
	struct inode *inode = vma->vm_file->f_dentry->d_inode;
	struct page *page;
	unsigned long idx;

	(void)unused;
	TRACE_ENTER("vma#%u, %#lx", sim_id(vma), address);
	idx = (address - vma->vm_start) >> PAGE_CACHE_SHIFT;
	idx += vma->vm_pgoff;
	/* on an error shmem_getpage left NOPAGE_SIGBUS or NOPAGE_OOM */
	if (shmem_getpage(inode, idx, &page))
		return TRACE_RET_NOPAGE(page);
	/* flush_page_to_ram: nothing to do on i386 */
	return TRACE_RET_NOPAGE(page);
}

/* SHM_LOCK / SHM_UNLOCK: a locked inode's pages are never written out. */
void shmem_lock(struct file *file, int lock)
{
	struct inode *inode = file->f_dentry->d_inode;

	SHMEM_I(inode)->locked = lock;
}

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct inode *inode = file->f_dentry->d_inode;

	TRACE_ENTER("file#%u, vma#%u", sim_id(file), sim_id(vma));
	if (!inode->i_sb || !S_ISREG(inode->i_mode))
		return TRACE_RET(-EACCES);
	inode->i_atime = CURRENT_TIME;	/* UPDATE_ATIME */
	vma->vm_ops = &shmem_vm_ops;
	return TRACE_RET(0);
}

/*
 * A new inode of the tmpfs instance sb; counts against its free_inodes
 * (which is not given back when new_inode fails, as in 2.4.16).
 */
static struct inode *shmem_get_inode(struct super_block *sb, int mode,
				     int dev)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	struct inode *inode;
	struct shmem_inode_info *info;

	(void)dev;
	TRACE_ENTER("%#o", mode);
	if (!sbinfo->free_inodes)
		return TRACE_RET_INODE(NULL);
	sbinfo->free_inodes--;

	inode = new_inode(sb);
	if (inode) {
		inode->i_mode = mode;
		inode->i_uid = current->fsuid;
		inode->i_gid = current->fsgid;
		inode->i_blksize = PAGE_CACHE_SIZE;
		inode->i_blocks = 0;
		inode->i_rdev = NODEV;
		inode->i_mapping->a_ops = &shmem_aops;
		inode->i_atime = inode->i_mtime = inode->i_ctime = CURRENT_TIME;
		info = SHMEM_I(inode);
		info->inode = inode;
		INIT_LIST_HEAD(&info->list);
		switch (mode & S_IFMT) {
		case S_IFREG:
			inode->i_op = &shmem_inode_operations;
			inode->i_fop = &shmem_file_operations;
			list_add(&info->list, &shmem_inodes);
			break;
		case S_IFDIR:
			inode->i_nlink++;
			inode->i_op = &shmem_dir_inode_operations;
			inode->i_fop = &shmem_dir_operations;
			break;
		default:
			/* sim: no symlinks or device nodes on this path */
			break;
		}
	}
	return TRACE_RET_INODE(inode);
}

/* New limits for an instance; -EINVAL below what is already used. */
static int shmem_set_size(struct shmem_sb_info *info,
			  unsigned long max_blocks, unsigned long max_inodes)
{
	int error;
	unsigned long blocks, inodes;

	blocks = info->max_blocks - info->free_blocks;
	inodes = info->max_inodes - info->free_inodes;
	error = -EINVAL;
	if (max_blocks < blocks)
		goto out;
	if (max_inodes < inodes)
		goto out;
	error = 0;
	info->max_blocks = max_blocks;
	info->free_blocks = max_blocks - blocks;
	info->max_inodes = max_inodes;
	info->free_inodes = max_inodes - inodes;
out:
	return error;
}

/* Not in the dcache, so there is no such name: a negative dentry. */
static struct dentry *shmem_lookup(struct inode *dir, struct dentry *dentry)
{
	TRACE_ENTER("inode#%u, dentry#%u", sim_id(dir), sim_id(dentry));
	d_add(dentry, NULL);
	return TRACE_RET_DENTRY(NULL);
}

/* A new inode for dentry, pinned in the dcache (FS_LITTER). */
static int shmem_mknod(struct inode *dir, struct dentry *dentry, int mode,
		       int dev)
{
	struct inode *inode;
	int error = -ENOSPC;

	TRACE_ENTER("inode#%u, dentry#%u, %#o", sim_id(dir), sim_id(dentry),
		    mode);
	inode = shmem_get_inode(dir->i_sb, mode, dev);
	dir->i_ctime = dir->i_mtime = CURRENT_TIME;
	if (inode) {
		d_instantiate(dentry, inode);
		dget(dentry);	/* Extra count - pin the dentry in core */
		error = 0;
	}
	return TRACE_RET(error);
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int error;

	TRACE_ENTER("inode#%u, dentry#%u, %#o", sim_id(dir), sim_id(dentry),
		    mode);
	error = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);
	if (!error)
		dir->i_nlink++;
	return TRACE_RET(error);
}

/*
 * A remount (or get_sb_single's reuse): parse data for new limits.
 * sim: shmem_parse_options left out; with no options the limits stay.
 */
static int shmem_remount_fs(struct super_block *sb, int *flags, char *data)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	unsigned long max_blocks = sbinfo->max_blocks;
	unsigned long max_inodes = sbinfo->max_inodes;
	int error;

	(void)flags;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	if (data && *data)
		return TRACE_RET(-EINVAL);	/* sim: no options known */
	error = shmem_set_size(sbinfo, max_blocks, max_inodes);
	return TRACE_RET(error);
}

/*
 * fill_super for tmpfs: size the instance (half of RAM; the internal mount
 * is widened to unlimited by init_shmem_fs), make the root directory.
 */
static struct super_block *shmem_read_super(struct super_block *sb,
					    void *data, int silent)
{
	struct inode *inode;
	struct dentry *root;
	unsigned long blocks, inodes;
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	(void)data;
	(void)silent;
	TRACE_ENTER("super_block#%u", sim_id(sb));
	/* si_meminfo: totalram / 2 for both */
	blocks = inodes = max_mapnr / 2;
	sbinfo->max_blocks = blocks;
	sbinfo->free_blocks = blocks;
	sbinfo->max_inodes = inodes;
	sbinfo->free_inodes = inodes;
	sb->s_maxbytes = (unsigned long long)SHMEM_MAX_BLOCKS << PAGE_CACHE_SHIFT;
	sb->s_blocksize = PAGE_CACHE_SIZE;
	sb->s_blocksize_bits = PAGE_CACHE_SHIFT;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	inode = shmem_get_inode(sb, S_IFDIR | S_IRWXUGO | S_ISVTX, 0);
	if (!inode)
		return TRACE_RET_SB(NULL);

	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		return TRACE_RET_SB(NULL);
	}
	sb->s_root = root;
	return TRACE_RET_SB(sb);
}

static struct super_operations shmem_ops = {
	.remount_fs	= shmem_remount_fs,
	.put_inode	= force_delete,
	.delete_inode	= shmem_delete_inode,
};

static struct address_space_operations shmem_aops = {
	.writepage	= shmem_writepage,
};

static struct file_operations shmem_file_operations = {
	.mmap		= shmem_mmap,
};

static struct inode_operations shmem_inode_operations = {
	.truncate	= shmem_truncate,
};

/* sim: no generic_read_dir or shmem_sync_file */
static struct file_operations shmem_dir_operations = {
	.readdir	= dcache_readdir,
};

static struct inode_operations shmem_dir_inode_operations = {
	.lookup		= shmem_lookup,
	.mkdir		= shmem_mkdir,
};

struct vm_operations_struct shmem_vm_ops = {
	.nopage		= shmem_nopage,
};

/* CONFIG_TMPFS=y: "tmpfs" is user-mountable, and "shm" its old alias. */
static struct file_system_type tmpfs_fs_type = {
	.name		= "tmpfs",
	.fs_flags	= FS_LITTER,
	.read_super	= shmem_read_super,
};

static struct file_system_type shmem_fs_type = {
	.name		= "shm",
	.fs_flags	= FS_LITTER,
	.read_super	= shmem_read_super,
};

/* An initcall: register tmpfs, mount the internal instance shm_mnt. */
int init_shmem_fs(void)
{
	int error;
	struct vfsmount *res;

	TRACE_ENTER("%s", "");
	tmpfs_fs_type.fs_flags = FS_LITTER;	/* sim: a fresh boot's */
	if (sim_patched(SIM_PATCH_SINGLE_SB)) {
		/* DECLARE_FSTYPE(..., FS_LITTER|FS_SINGLE) */
		tmpfs_fs_type.fs_flags |= FS_SINGLE;
		sim_note("patch single-sb", "tmpfs_fs_type is FS_LITTER|"
			 "FS_SINGLE: do_kern_mount takes get_sb_single in "
			 "place of get_sb_nodev");
	}
	error = register_filesystem(&tmpfs_fs_type);
	if (error)
		return TRACE_RET(error);
	error = register_filesystem(&shmem_fs_type);
	if (error) {
		unregister_filesystem(&tmpfs_fs_type);
		return TRACE_RET(error);
	}

	res = kern_mount(&tmpfs_fs_type);
	if (IS_ERR(res)) {
		unregister_filesystem(&shmem_fs_type);
		unregister_filesystem(&tmpfs_fs_type);
		return TRACE_RET(PTR_ERR(res));
	}
	shm_mnt = res;

	/* shm_mnt, the kernel's own mount, has no size limit */
	if (shmem_set_size(SHMEM_SB(res->mnt_sb), SIM_ULONG_MAX,
			   SIM_ULONG_MAX))
		sim_trace_comment("could not set limits on internal tmpfs");
	sim_note("shmem", "shm_mnt = vfsmount#%u, dev %02x:%02x, "
		 "free_inodes %lu", sim_id(shm_mnt),
		 MAJOR(shm_mnt->mnt_sb->s_dev), MINOR(shm_mnt->mnt_sb->s_dev),
		 SHMEM_SB(res->mnt_sb)->free_inodes);
	return TRACE_RET(0);
}

/*
 * sim: shutdown, after every segment is gone and the tree is unmounted.
 * The dentries still cached on the internal superblock (hashed-shm: SYSV
 * files whose segments are gone, with their inodes and pages) are pruned
 * first, as the superblock's end would need (kill_super's d_genocide
 * must not meet a dentry at d_count 0).
 */
void sim_exit_shmem_fs(void)
{
	if (!shm_mnt)
		return;
	shrink_dcache_sb(shm_mnt->mnt_sb);
	mntput(shm_mnt);
	shm_mnt = NULL;
	unregister_filesystem(&shmem_fs_type);
	unregister_filesystem(&tmpfs_fs_type);
}

/*
 * A new unlinked file of size bytes on shm_mnt, named name under its root:
 * the object behind a SYSV segment ("SYSV%08x") or a shared anonymous
 * mapping ("dev/zero"). The caller owns the file's one reference.
 */
struct file *shmem_file_setup(char *name, long long size)
{
	int error;
	struct file *file;
	struct inode *inode;
	struct dentry *dentry, *root;
	struct qstr this;

	TRACE_ENTER("\"%s\", %lld", name, size);
	if (size > (long long)((unsigned long long)SHMEM_MAX_BLOCKS <<
			       PAGE_CACHE_SHIFT))
		return TRACE_RET_FILE(ERR_PTR(-EINVAL));
	if (!vm_enough_memory(size >> PAGE_CACHE_SHIFT))
		return TRACE_RET_FILE(ERR_PTR(-ENOMEM));

	this.name = (const unsigned char *)name;
	this.len = strlen(name);
	this.hash = 0;
	root = shm_mnt->mnt_root;
	dentry = d_alloc(root, &this);
	if (!dentry)
		return TRACE_RET_FILE(ERR_PTR(-ENOMEM));

	error = -ENFILE;
	file = get_empty_filp();
	if (!file)
		goto put_dentry;

	error = -ENOSPC;
	inode = shmem_get_inode(root->d_sb, S_IFREG | S_IRWXUGO, 0);
	if (!inode)
		goto close_file;

	d_instantiate(dentry, inode);
	if (sim_patched(SIM_PATCH_HASHED_SHM)) {
		sim_note("patch hashed-shm", "d_rehash(dentry): \"%s\" is "
			 "hashed, so readdir lists it and dput caches it",
			 name);
		d_rehash(dentry);
	}
	inode->i_size = size;
	shmem_truncate(inode);
	inode->i_nlink = 0;	/* unlinked from birth */
	file->f_vfsmnt = mntget(shm_mnt);
	file->f_dentry = dentry;
	file->f_op = &shmem_file_operations;
	file->f_mode = FMODE_WRITE | FMODE_READ;
	sim_note("shmem", "file#%u -> dentry#%u \"%s\" -> inode#%u, "
		 "i_size %lld", sim_id(file), sim_id(dentry), name,
		 sim_id(inode), size);
	return TRACE_RET_FILE(file);

close_file:
	put_filp(file);
put_dentry:
	dput(dentry);
	return TRACE_RET_FILE(ERR_PTR(error));
}

/* mmap(MAP_SHARED|MAP_ANONYMOUS): back the vma with a "dev/zero" file. */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file;
	long long size = vma->vm_end - vma->vm_start;

	TRACE_ENTER("vma#%u", sim_id(vma));
	file = shmem_file_setup("dev/zero", size);
	if (IS_ERR(file))
		return TRACE_RET(PTR_ERR(file));
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_vm_ops;
	return TRACE_RET(0);
}
