// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/inode.c - in-core inodes.
 * Models fs/inode.c (2.6.32), in its order: inode_init_always,
 *   alloc_inode, destroy_inode, address_space_init_once, inode_init_once,
 *   clear_inode, dispose_list, invalidate_list, invalidate_inodes,
 *   __inode_add_to_lists, new_inode, unlock_new_inode, hash,
 *   find_inode_fast, get_new_inode_fast, iget_locked, generic_delete_inode,
 *   generic_detach_inode, generic_forget_inode, generic_drop_inode,
 *   iput_final, iput, inode_init, init_special_inode.
 * Left out: the other hash lookups (iget5_locked, ilookup, find_inode:
 *   no disk file system), iunique, igrab, prune_icache and the shrinker,
 *   writeback (write_inode_now), atime updates, quotas, security and fsnotify.
 * sim: inode_lock and i_lock are dropped (one thread); the slab
 *   constructor (init_once -> inode_init_once) runs in alloc_inode, since
 *   sim/slab.c has no constructors; the mapping's backing_dev_info stays
 *   NULL unless the file system sets it (no default_backing_dev_info).
 * Called by: ramfs_get_inode, shmem_get_inode and the boot file systems
 *   (new_inode), dentry_iput (iput), generic_shutdown_super
 *   (invalidate_inodes), shmem's ->delete_inode (clear_inode).
 *
 * An inode's life here: new_inode -> alloc_inode (->alloc_inode or
 * inode_cachep), i_count 1, on inode_in_use and sb->s_inodes, i_ino
 * ++last_ino -> d_instantiate gives the reference to a dentry -> the
 * dentry's last iput -> iput_final -> ->drop_inode (shmem:
 * generic_delete_inode; others generic_drop_inode: an unhashed inode is
 * forgotten at once) -> ->delete_inode or truncate + clear_inode ->
 * destroy_inode (->destroy_inode or back to inode_cachep).
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/trace.h"
#include "fs/internal.h"

static LIST_HEAD(inode_in_use);
static LIST_HEAD(inode_unused);

struct inodes_stat_t inodes_stat;

static kmem_cache_t *inode_cachep;

/* sim: a fixed table of 1 << I_HASHBITS chains (iget_locked's) */
#define I_HASHBITS	8
static struct hlist_head inode_hashtable[1 << I_HASHBITS];

/* sim: new_inode's counter, at file scope so that each boot restarts it */
static unsigned int last_ino;

static const struct address_space_operations empty_aops;
static const struct inode_operations empty_iops;
static const struct file_operations empty_fops;

/* the fields every new inode starts with, whatever its cache */
static int inode_init_always(struct super_block *sb, struct inode *inode)
{
	struct address_space *const mapping = &inode->i_data;

	inode->i_sb = sb;
	inode->i_blkbits = sb->s_blocksize_bits;
	inode->i_flags = 0;
	inode->i_count = 1;
	inode->i_op = &empty_iops;
	inode->i_fop = &empty_fops;
	inode->i_nlink = 1;
	inode->i_uid = 0;
	inode->i_gid = 0;
	inode->i_writecount = 0;
	inode->i_size = 0;
	inode->i_blocks = 0;
	inode->i_bytes = 0;
	inode->i_generation = 0;
	inode->i_rdev = 0;
	inode->dirtied_when = 0;

	mapping->a_ops = &empty_aops;
	mapping->host = inode;
	/* mapping_set_gfp_mask(GFP_HIGHUSER_MOVABLE): __GFP_MOVABLE 0x08 */
	mapping->flags = GFP_HIGHUSER | 0x08u;
	mapping->assoc_mapping = NULL;
	mapping->backing_dev_info = NULL;	/* sim: see the header */
	mapping->writeback_index = 0;

	inode->i_private = NULL;
	inode->i_mapping = mapping;
	return 0;
}

static struct inode *alloc_inode(struct super_block *sb)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u", sim_id(sb));
	if (sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_alloc(inode_cachep, GFP_KERNEL);

	if (!inode)
		return TRACE_RET_INODE(NULL);

	/* sim: the slab constructor, unless ->alloc_inode's cache ran it */
	if (!inode->i_dentry.next)
		inode_init_once(inode);

	if (inode_init_always(sb, inode)) {
		if (inode->i_sb->s_op->destroy_inode)
			inode->i_sb->s_op->destroy_inode(inode);
		else
			kmem_cache_free(inode_cachep, inode);
		return TRACE_RET_INODE(NULL);
	}
	return TRACE_RET_INODE(inode);
}

/* __destroy_inode has nothing left to do here (no security, no acl) */
static void destroy_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	sim_note("vfs", "inode#%u (ino %lu) freed", sim_id(inode),
		 inode->i_ino);
	if (inode->i_sb->s_op->destroy_inode)
		inode->i_sb->s_op->destroy_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
	TRACE_EXIT();
}

static void address_space_init_once(struct address_space *mapping)
{
	memset(mapping, 0, sizeof(*mapping));
	INIT_RADIX_TREE(&mapping->page_tree, 0);	/* GFP_ATOMIC */
	INIT_LIST_HEAD(&mapping->private_list);
	INIT_LIST_HEAD(&mapping->i_mmap);	/* sim: the prio tree's list */
	INIT_LIST_HEAD(&mapping->i_mmap_nonlinear);
}

/* what the slab constructor does once for every inode object */
void inode_init_once(struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	INIT_HLIST_NODE(&inode->i_hash);
	INIT_LIST_HEAD(&inode->i_dentry);
	INIT_LIST_HEAD(&inode->i_list);
	INIT_LIST_HEAD(&inode->i_sb_list);
	address_space_init_once(&inode->i_data);
}

/* the file system is done with it: it must have no pages left */
void clear_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	BUG_ON(inode->i_data.nrpages);
	BUG_ON(!(inode->i_state & I_FREEING));
	BUG_ON(inode->i_state & I_CLEAR);
	if (inode->i_sb->s_op->clear_inode)
		inode->i_sb->s_op->clear_inode(inode);
	inode->i_state = I_CLEAR;
	TRACE_EXIT();
}

static void dispose_list(struct list_head *head)
{
	int nr_disposed = 0;

	TRACE_ENTER("%s", "");
	while (!list_empty(head)) {
		struct inode *inode;

		inode = list_entry(head->next, struct inode, i_list);
		list_del(&inode->i_list);

		if (inode->i_data.nrpages)
			truncate_inode_pages(&inode->i_data, 0);
		clear_inode(inode);

		hlist_del_init(&inode->i_hash);
		list_del_init(&inode->i_sb_list);

		destroy_inode(inode);
		nr_disposed++;
	}
	inodes_stat.nr_inodes -= nr_disposed;
	TRACE_EXIT();
}

/* move the unused inodes of head to dispose; 1 if any is still in use */
static int invalidate_list(struct list_head *head, struct list_head *dispose)
{
	struct list_head *next;
	int busy = 0, count = 0;

	next = head->next;
	for (;;) {
		struct list_head *tmp = next;
		struct inode *inode;

		next = next->next;
		if (tmp == head)
			break;
		inode = list_entry(tmp, struct inode, i_sb_list);
		if (inode->i_state & I_NEW)
			continue;
		if (!inode->i_count) {
			list_del(&inode->i_list);	/* list_move */
			list_add(&inode->i_list, dispose);
			inode->i_state |= I_FREEING;
			count++;
			continue;
		}
		busy = 1;
	}
	inodes_stat.nr_unused -= count;
	return busy;
}

/* umount: free every unused inode of sb; 1 if some are still busy */
int invalidate_inodes(struct super_block *sb)
{
	int busy;
	LIST_HEAD(throw_away);

	TRACE_ENTER("super_block#%u", sim_id(sb));
	busy = invalidate_list(&sb->s_inodes, &throw_away);
	dispose_list(&throw_away);
	return TRACE_RET_INT(busy);
}

static void __inode_add_to_lists(struct super_block *sb,
				 struct hlist_head *head, struct inode *inode)
{
	inodes_stat.nr_inodes++;
	list_add(&inode->i_list, &inode_in_use);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	if (head)
		hlist_add_head(&inode->i_hash, head);
}

/*
 * A fresh, unhashed inode of sb with the next i_ino, i_count 1, on
 * inode_in_use and sb->s_inodes. NULL when memory runs out.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u (%s)", sim_id(sb), sb->s_id);
	/* sim: `inject new_inode` fails before alloc_inode is called */
	inode = sim_should_fail("new_inode") ? NULL : alloc_inode(sb);
	if (inode) {
		__inode_add_to_lists(sb, NULL, inode);
		inode->i_ino = ++last_ino;
		inode->i_state = 0;
		sim_note("vfs", "inode#%u: ino %lu, i_count 1", sim_id(inode),
			 inode->i_ino);
	}
	return TRACE_RET_INODE(inode);
}

/* the inode is set up: lookups may now use it */
void unlock_new_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	inode->i_state &= ~I_NEW;
	/* sim: no waiters to wake */
	TRACE_EXIT();
}

/* sim: the superblock's number stands for its address */
static unsigned long hash(struct super_block *sb, unsigned long hashval)
{
	unsigned long tmp;

	tmp = (hashval * sim_id(sb)) ^ (0x9e370001UL + hashval) /
	      64;	/* L1_CACHE_BYTES */
	tmp = tmp ^ ((tmp ^ 0x9e370001UL) >> I_HASHBITS);
	return tmp & ((1UL << I_HASHBITS) - 1);
}

static struct inode *find_inode_fast(struct super_block *sb,
				     struct hlist_head *head,
				     unsigned long ino)
{
	struct hlist_node *node;

	for (node = head->first; node; node = node->next) {
		struct inode *inode = hlist_entry(node, struct inode, i_hash);

		if (inode->i_ino == ino && inode->i_sb == sb &&
		    !(inode->i_state & (I_FREEING | I_CLEAR | I_WILL_FREE)))
			return inode;
	}
	return NULL;
}

/* a new hashed inode ino, I_NEW until the caller unlocks it */
static struct inode *get_new_inode_fast(struct super_block *sb,
					struct hlist_head *head,
					unsigned long ino)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u, ino %lu", sim_id(sb), ino);
	inode = alloc_inode(sb);
	if (inode) {
		inode->i_ino = ino;
		__inode_add_to_lists(sb, head, inode);
		inode->i_state = I_NEW;
	}
	return TRACE_RET_INODE(inode);
}

/*
 * The inode ino of sb: a cached one with a new reference, or a new one
 * in state I_NEW. sysfs and proc find their root inodes this way.
 */
struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct hlist_head *head = inode_hashtable + hash(sb, ino);
	struct inode *inode;

	TRACE_ENTER("super_block#%u, ino %lu", sim_id(sb), ino);
	inode = find_inode_fast(sb, head, ino);
	if (inode) {
		/* __iget */
		if (!inode->i_count++) {
			if (!(inode->i_state & (I_DIRTY | I_SYNC))) {
				list_del(&inode->i_list);
				list_add(&inode->i_list, &inode_in_use);
			}
			inodes_stat.nr_unused--;
		}
		return TRACE_RET_INODE(inode);
	}
	return TRACE_RET_INODE(get_new_inode_fast(sb, head, ino));
}

/* ->drop_inode of shmem, and of any inode whose i_nlink is 0 */
void generic_delete_inode(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	TRACE_ENTER("inode#%u", sim_id(inode));
	list_del_init(&inode->i_list);
	list_del_init(&inode->i_sb_list);
	inode->i_state |= I_FREEING;
	inodes_stat.nr_inodes--;

	if (op->delete_inode) {
		op->delete_inode(inode);	/* ends with clear_inode */
	} else {
		if (inode->i_data.nrpages)	/* sim: its fast path */
			truncate_inode_pages(&inode->i_data, 0);
		clear_inode(inode);
	}
	hlist_del_init(&inode->i_hash);
	BUG_ON(inode->i_state != I_CLEAR);
	destroy_inode(inode);
	TRACE_EXIT();
}

/*
 * A hashed inode of a live sb stays cached, unused; an unhashed one (all
 * of them here) leaves the lists to be freed. 1: the caller frees it.
 */
static int generic_detach_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	TRACE_ENTER("inode#%u", sim_id(inode));
	if (!hlist_unhashed(&inode->i_hash)) {
		if (!(inode->i_state & (I_DIRTY | I_SYNC))) {
			list_del(&inode->i_list);	/* list_move */
			list_add(&inode->i_list, &inode_unused);
		}
		inodes_stat.nr_unused++;
		if (sb->s_flags & MS_ACTIVE)
			return TRACE_RET_INT(0);
		/* sim: no write_inode_now(): nothing is dirty */
		inodes_stat.nr_unused--;
		hlist_del_init(&inode->i_hash);
	}
	list_del_init(&inode->i_list);
	list_del_init(&inode->i_sb_list);
	inode->i_state |= I_FREEING;
	inodes_stat.nr_inodes--;
	return TRACE_RET_INT(1);
}

static void generic_forget_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	if (!generic_detach_inode(inode)) {
		TRACE_EXIT();
		return;
	}
	if (inode->i_data.nrpages)
		truncate_inode_pages(&inode->i_data, 0);
	clear_inode(inode);
	destroy_inode(inode);
	TRACE_EXIT();
}

void generic_drop_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u, i_nlink=%u", sim_id(inode), inode->i_nlink);
	if (!inode->i_nlink)
		generic_delete_inode(inode);
	else
		generic_forget_inode(inode);
	TRACE_EXIT();
}

static void iput_final(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;
	void (*drop)(struct inode *) = generic_drop_inode;

	TRACE_ENTER("inode#%u", sim_id(inode));
	if (op && op->drop_inode)
		drop = op->drop_inode;
	drop(inode);
	TRACE_EXIT();
}

/* drop a reference; the last one lets the file system decide its fate */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	TRACE_ENTER("inode#%u, i_count=%d", sim_id(inode), inode->i_count);
	BUG_ON(inode->i_state == I_CLEAR);
	sim_note("vfs", "inode#%u: i_count %d -> %d", sim_id(inode),
		 inode->i_count, inode->i_count - 1);
	if (!--inode->i_count)
		iput_final(inode);
	TRACE_EXIT();
}

void inode_init(void)
{
	int loop;

	TRACE_ENTER("%s", "");
	if (!inode_cachep)
		inode_cachep = kmem_cache_create("inode_cache",
						 sizeof(struct inode));
	/* sim: no shrinker; the hash table is static */
	for (loop = 0; loop < (1 << I_HASHBITS); loop++)
		INIT_HLIST_HEAD(&inode_hashtable[loop]);
	last_ino = 0;		/* sim: each boot starts again */
	TRACE_EXIT();
}

/* sim: no device drivers, so only the mode and the number are kept */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	TRACE_ENTER("inode#%u, mode=%#o", sim_id(inode), (unsigned int)mode);
	inode->i_mode = mode;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->i_rdev = rdev;
	TRACE_EXIT();
}

/* sim: for the views and the shutdown */
unsigned long sim_inodes_live(void)
{
	return (unsigned long)inodes_stat.nr_inodes;
}

void sim_inode_exit(void)
{
	if (inode_cachep && inode_cachep->active_objs == 0) {
		kmem_cache_destroy(inode_cachep);
		inode_cachep = NULL;
	}
}
