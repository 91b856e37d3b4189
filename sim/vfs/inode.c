// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/inode.c - in-core inodes.
 * Models fs/inode.c (2.4.16), in its order: alloc_inode (a macro there),
 *   destroy_inode, init_once, clear_inode, dispose_list, invalidate_list,
 *   invalidate_inodes, clean_inode, get_empty_inode, iget (proc's root:
 *   get_new_inode without the lookup, where iget4 is), iput, force_delete,
 *   inode_init. Beside them: __get_empty_inode (sim: the part
 *   get_empty_inode and iget share) before get_empty_inode; new_inode
 *   (inline in fs.h) and sim_skip_ino after iget; sim_inode_exit last.
 * Left out: the inode hash table and everything that looks inodes up
 *   (find_inode, iget4, insert_inode_hash): no inode here is hashed;
 *   dirty inodes and writeback (sync_*, write_inode_now, __mark_inode_dirty);
 *   prune_icache and shrink_icache_memory; buffers, quotas, bdev/cdev.
 * Called by: the read_super of rootfs, proc and tmpfs and shmem_get_inode
 *   (new_inode), dentry_iput (iput), shmem_delete_inode (clear_inode),
 *   tmpfs's s_op->put_inode (force_delete), kill_super (invalidate_inodes).
 *
 * An inode's life on the shm path (the segment's inode):
 *   new_inode(sb) -> get_empty_inode: i_ino = ++last_ino, i_count 1, at the
 *     head of inode_in_use, unhashed, nr_inodes +1; clean_inode: i_nlink 1,
 *     u zeroed, i_mapping = &i_data; then i_sb, i_dev = s_dev, i_blkbits
 *   d_instantiate hands the one reference to the dentry
 *   ... dput -> dentry_iput -> iput: s_op->put_inode (force_delete: i_nlink
 *     0), i_count 0 with i_nlink 0: off the lists, I_FREEING, nr_inodes -1,
 *     truncate_inode_pages, s_op->delete_inode (which calls clear_inode:
 *     I_CLEAR), destroy_inode.
 * An unhashed inode with links left (a root directory at unmount) is freed
 * the same way through clear_inode; only a hashed one would be kept on
 * inode_unused.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * The "type" lists an inode sits on through i_list: in use (i_count > 0)
 * or unused (i_count 0, kept for reuse; only hashed inodes get there).
 * sim: inode_in_use is static in 2.4.16; the views walk it.
 */
LIST_HEAD(inode_in_use);
static LIST_HEAD(inode_unused);

/* /proc/sys/fs/inode-state: nr_inodes, nr_unused */
struct inodes_stat_t inodes_stat;

static kmem_cache_t *inode_cachep;

/*
 * The last inode number handed out. sim: a static inside get_empty_inode
 * in 2.4.16; out here so the shutdown can restart it for the next boot.
 */
static unsigned long last_ino;

static inline struct inode *alloc_inode(void)
{
	return kmem_cache_alloc(inode_cachep, GFP_KERNEL);
}

static void destroy_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	sim_note("inode", "inode#%u (ino %lu) freed", sim_id(inode),
		 inode->i_ino);
	kmem_cache_free(inode_cachep, inode);
	TRACE_EXIT();
}

/*
 * The slab constructor: what stays valid while an inode sits free in the
 * cache. sim: our slab has no constructors, so get_empty_inode calls it on
 * each allocation.
 */
static void init_once(struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	INIT_LIST_HEAD(&inode->i_hash);
	INIT_LIST_HEAD(&inode->i_data.clean_pages);
	INIT_LIST_HEAD(&inode->i_data.dirty_pages);
	INIT_LIST_HEAD(&inode->i_data.locked_pages);
	INIT_LIST_HEAD(&inode->i_dentry);
}

/*
 * Mark an inode dead once its pages are gone: the last step before the
 * filesystem (or iput) frees it. Called from delete_inode methods.
 */
void clear_inode(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	if (inode->i_data.nrpages)
		BUG();
	if (!(inode->i_state & I_FREEING))
		BUG();
	if (inode->i_state & I_CLEAR)
		BUG();
	/* sim: no buffers, quotas, s_op->clear_inode, bdev or cdev */
	inode->i_state = I_CLEAR;
	TRACE_EXIT();
}

/* Free a list of I_FREEING inodes collected by invalidate_list. */
static void dispose_list(struct list_head *head)
{
	struct list_head *inode_entry;
	struct inode *inode;

	while ((inode_entry = head->next) != head) {
		list_del(inode_entry);

		inode = list_entry(inode_entry, struct inode, i_list);
		if (inode->i_data.nrpages)
			truncate_inode_pages(&inode->i_data, 0);
		clear_inode(inode);
		destroy_inode(inode);
		inodes_stat.nr_inodes--;
	}
}

/*
 * Move sb's unused inodes from head to dispose; returns 1 if sb still has
 * inodes in use on head.
 */
static int invalidate_list(struct list_head *head, struct super_block *sb,
			   struct list_head *dispose)
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
		inode = list_entry(tmp, struct inode, i_list);
		if (inode->i_sb != sb)
			continue;
		if (!inode->i_count) {
			list_del_init(&inode->i_hash);
			list_del(&inode->i_list);
			list_add(&inode->i_list, dispose);
			inode->i_state |= I_FREEING;
			count++;
			continue;
		}
		busy = 1;
	}
	/* the inodes freed here were on inode_unused */
	inodes_stat.nr_unused -= count;
	return busy;
}

/*
 * Free every unused inode of sb; returns 1 if some are still in use (the
 * "Busy inodes after unmount" case of kill_super).
 * sim: there are no per-sb s_dirty/s_locked_inodes lists to scan.
 */
int invalidate_inodes(struct super_block *sb)
{
	int busy;
	LIST_HEAD(throw_away);

	TRACE_ENTER("super_block#%u", sim_id(sb));
	busy = invalidate_list(&inode_in_use, sb, &throw_away);
	busy |= invalidate_list(&inode_unused, sb, &throw_away);
	dispose_list(&throw_away);
	return TRACE_RET_INT(busy);
}

/*
 * The fields every new inode starts with; i_sb, i_ino, i_count, i_state
 * and the lists were set by the caller.
 */
static void clean_inode(struct inode *inode)
{
	static struct address_space_operations empty_aops;
	static struct inode_operations empty_iops;
	static struct file_operations empty_fops;

	memset(&inode->u, 0, sizeof(inode->u));
	inode->i_op = &empty_iops;
	inode->i_fop = &empty_fops;
	inode->i_nlink = 1;
	inode->i_writecount = 0;
	inode->i_size = 0;
	inode->i_blocks = 0;
	inode->i_data.a_ops = &empty_aops;
	inode->i_data.host = inode;
	inode->i_data.gfp_mask = GFP_HIGHUSER;
	inode->i_mapping = &inode->i_data;
}

/* A fresh inode numbered ino: i_count 1, at the head of inode_in_use. */
static struct inode *__get_empty_inode(unsigned long ino)
{
	struct inode *inode = alloc_inode();

	if (!inode)
		return NULL;
	init_once(inode);
	inodes_stat.nr_inodes++;
	list_add(&inode->i_list, &inode_in_use);
	inode->i_sb = NULL;
	inode->i_dev = 0;
	inode->i_blkbits = 0;
	inode->i_ino = ino;
	inode->i_count = 1;
	inode->i_state = 0;
	clean_inode(inode);
	sim_note("inode", "inode#%u ino %lu i_count 1, at the head of "
		 "inode_in_use, nr_inodes %d -> %d", sim_id(inode),
		 inode->i_ino, inodes_stat.nr_inodes - 1,
		 inodes_stat.nr_inodes);
	return inode;
}

/*
 * A fresh inode on no superblock: the next inode number, i_count 1, at
 * the head of inode_in_use, unhashed (iget will never find it). NULL when
 * out of memory.
 */
struct inode *get_empty_inode(void)
{
	struct inode *inode;

	TRACE_ENTER("%s", "");
	inode = __get_empty_inode(last_ino + 1);
	if (inode)
		++last_ino;
	return TRACE_RET_INODE(inode);
}

/*
 * The inode numbered ino of sb, made by get_new_inode; unlike new_inode it
 * leaves last_ino alone. (simplified: no inode hash, so no lookup first and
 * the inode stays unhashed; its one caller, proc's root, always comes first.)
 */
struct inode *iget(struct super_block *sb, unsigned long ino)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u, %lu", sim_id(sb), ino);
	inode = __get_empty_inode(ino);
	if (inode) {
		inode->i_sb = sb;
		inode->i_dev = sb->s_dev;
		inode->i_blkbits = sb->s_blocksize_bits;
	}
	return TRACE_RET_INODE(inode);
}

/*
 * sim: a pseudo filesystem that is only reserved (bdev, sockfs) would have
 * made its root inode with new_inode: its number is used up all the same.
 */
void sim_skip_ino(void)
{
	++last_ino;
}

/* include/linux/fs.h: get_empty_inode, then tie the inode to sb. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	TRACE_ENTER("super_block#%u", sim_id(sb));
	/* sim: `inject new_inode` fails it as a failed alloc_inode would */
	inode = NULL;
	if (!sim_should_fail("new_inode"))
		inode = get_empty_inode();
	if (inode) {
		inode->i_sb = sb;
		inode->i_dev = sb->s_dev;
		inode->i_blkbits = sb->s_blocksize_bits;
	}
	return TRACE_RET_INODE(inode);
}

/*
 * Drop a reference. At i_count 0 an inode with no links is deleted
 * (delete_inode or clear_inode, then freed); one with links is kept on
 * inode_unused if hashed and the sb is active, else freed as well.
 */
void iput(struct inode *inode)
{
	struct super_block *sb;
	struct super_operations *op = NULL;

	if (!inode) {
		TRACE_ENTER("NULL");
		TRACE_EXIT();
		return;
	}
	TRACE_ENTER("inode#%u", sim_id(inode));
	sb = inode->i_sb;
	if (inode->i_state == I_CLEAR)
		BUG();

	if (sb && sb->s_op)
		op = sb->s_op;
	if (op && op->put_inode)
		op->put_inode(inode);

	BUG_ON(inode->i_count <= 0);	/* sim: 2.4 would go negative */
	sim_note("inode", "inode#%u i_count %d -> %d", sim_id(inode),
		 inode->i_count, inode->i_count - 1);
	if (--inode->i_count)
		goto out;

	if (!inode->i_nlink) {
		list_del(&inode->i_hash);
		INIT_LIST_HEAD(&inode->i_hash);
		list_del(&inode->i_list);
		INIT_LIST_HEAD(&inode->i_list);
		inode->i_state |= I_FREEING;
		inodes_stat.nr_inodes--;
		sim_note("inode", "inode#%u off inode_in_use, I_FREEING, "
			 "nr_inodes %d -> %d", sim_id(inode),
			 inodes_stat.nr_inodes + 1, inodes_stat.nr_inodes);

		if (inode->i_data.nrpages)
			truncate_inode_pages(&inode->i_data, 0);

		if (op && op->delete_inode) {
			void (*delete)(struct inode *) = op->delete_inode;

			/* sim: no is_bad_inode/DQUOT_INIT */
			/* s_op->delete_inode calls clear_inode() itself */
			delete(inode);
		} else
			clear_inode(inode);
		if (inode->i_state != I_CLEAR)
			BUG();
	} else {
		if (!list_empty(&inode->i_hash)) {
			if (!(inode->i_state & (I_DIRTY | I_LOCK))) {
				list_del(&inode->i_list);
				list_add(&inode->i_list, &inode_unused);
			}
			inodes_stat.nr_unused++;
			sim_note("inode", "inode#%u kept on inode_unused, "
				 "nr_unused %d", sim_id(inode),
				 inodes_stat.nr_unused);
			if (!sb || sb->s_flags & MS_ACTIVE)
				goto out;
			/* sim: write_inode_now() omitted: nothing is dirty */
			inodes_stat.nr_unused--;
			list_del_init(&inode->i_hash);
		}
		list_del_init(&inode->i_list);
		inode->i_state |= I_FREEING;
		inodes_stat.nr_inodes--;
		sim_note("inode", "inode#%u off inode_in_use, I_FREEING, "
			 "nr_inodes %d -> %d", sim_id(inode),
			 inodes_stat.nr_inodes + 1, inodes_stat.nr_inodes);
		if (inode->i_data.nrpages)
			truncate_inode_pages(&inode->i_data, 0);
		clear_inode(inode);
	}
	destroy_inode(inode);
out:
	TRACE_EXIT();
}

/*
 * A put_inode method (tmpfs, proc): the last reference going away deletes
 * the inode, links or not. Called before iput drops the count, so "last"
 * is i_count 1.
 */
void force_delete(struct inode *inode)
{
	TRACE_ENTER("inode#%u", sim_id(inode));
	if (inode->i_count == 1) {
		if (inode->i_nlink)
			sim_note("inode", "inode#%u i_nlink %u -> 0",
				 sim_id(inode), inode->i_nlink);
		inode->i_nlink = 0;
	}
	TRACE_EXIT();
}

void inode_init(unsigned long mempages)
{
	TRACE_ENTER("%lu", mempages);
	/* sim: no hash table (2.4.16 sizes it from mempages): no iget here */
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode));
	if (!inode_cachep)
		sim_bug(__FILE__, __LINE__,
			"panic: cannot create inode slab cache");
	TRACE_EXIT();
}

/*
 * sim: shutdown. Destroys inode_cache if it is empty (else it is kept for
 * sim_vfs_leaks and gdb), and then restarts the inode numbers, so that the
 * next boot numbers its inodes as this one did.
 */
void sim_inode_exit(void)
{
	if (inode_cachep && inode_cachep->active_objs == 0) {
		kmem_cache_destroy(inode_cachep);
		inode_cachep = NULL;
		last_ino = 0;
	}
}
