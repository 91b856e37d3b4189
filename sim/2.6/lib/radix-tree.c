// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/lib/radix-tree.c - the page index of an address_space.
 * Models lib/radix-tree.c (2.6.32), in its order: radix_tree_node_alloc,
 *   radix_tree_node_free, radix_tree_preload, radix_tree_extend,
 *   radix_tree_insert, radix_tree_lookup_element, radix_tree_lookup_slot,
 *   radix_tree_lookup, __lookup, radix_tree_gang_lookup, radix_tree_shrink,
 *   radix_tree_delete, __maxindex, radix_tree_init_maxindex,
 *   radix_tree_init. Sim only: sim_radix_tree_nodes_live (leak check) and
 *   sim_radix_tree_exit (drains the preload pool at shutdown), last.
 * Left out: the tags (dirty/writeback: shmem marks no page), the
 *   gang lookups by tag and by slot, radix_tree_next_hole, RCU (a node is
 *   freed at once), the CPU hotplug callback; the preload pool is one
 *   global pool, not per CPU, and "preemption" needs no disabling (one
 *   thread). Not traced, like lib/idr.c: the callers in mm/filemap.c trace.
 * Called by mm/filemap.c (add_to_page_cache_locked, find_get_page,
 *   find_lock_page, __remove_from_page_cache), mm/truncate.c
 *   (truncate_inode_pages through the gang lookup), radix_tree_init by
 *   start_kernel.
 *
 * The tree: an index is read 6 bits at a time, the top node taking the high
 * bits; a tree of height h covers indices up to 2^(6h) - 1. Height 0 holds
 * at most index 0, stored in root->rnode itself. A pointer to a node in
 * root->rnode carries RADIX_TREE_INDIRECT_PTR (bit 0) so that a lookup can
 * tell a node from an item there. The tree grows at the top
 * (radix_tree_extend: the old top becomes slot 0 of a new one) and shrinks
 * back (radix_tree_shrink) when the top holds only slot 0.
 *
 * Typical sequence (add_to_page_cache_locked): radix_tree_preload(gfp)
 * fills the pool -> radix_tree_insert() takes nodes from the pool (the page
 * tree's mask, GFP_ATOMIC, may not wait) -> radix_tree_preload_end() ->
 * radix_tree_lookup() per fault -> radix_tree_delete() when the page leaves
 * the cache frees the nodes left empty.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/slab.h"
#include "linux/radix-tree.h"

#define RADIX_TREE_MAP_SHIFT	6
#define RADIX_TREE_MAP_SIZE	(1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK	(RADIX_TREE_MAP_SIZE - 1)

/* sim: i386 indices are 32 bits, whatever the host's unsigned long is */
#define RADIX_TREE_INDEX_BITS	32
#define RADIX_TREE_MAX_PATH	((RADIX_TREE_INDEX_BITS + \
				  RADIX_TREE_MAP_SHIFT - 1) / \
				 RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_INDEX_MASK	0xffffffffUL

#define RADIX_TREE_INDIRECT_PTR	1UL

struct radix_tree_node {
	unsigned int height;	/* from the bottom: a leaf is 1 */
	unsigned int count;	/* non-NULL slots */
	void *slots[RADIX_TREE_MAP_SIZE];
};

/* one step of a walk from the root, for delete's way back up */
struct radix_tree_path {
	struct radix_tree_node *node;
	int offset;
};

/* the largest index a tree of each height can hold */
static unsigned long height_to_maxindex[RADIX_TREE_MAX_PATH + 1];

static kmem_cache_t *radix_tree_node_cachep;

/* sim: 2.6.32 keeps one pool per CPU; one thread needs one pool */
struct radix_tree_preload {
	int nr;
	struct radix_tree_node *nodes[RADIX_TREE_MAX_PATH];
};
static struct radix_tree_preload radix_tree_preloads;

/* sim: nodes handed out by the cache and not given back */
static int radix_tree_nodes_allocated;

static inline int radix_tree_is_indirect_ptr(void *ptr)
{
	return (int)((unsigned long)ptr & RADIX_TREE_INDIRECT_PTR);
}

static inline void *radix_tree_ptr_to_indirect(void *ptr)
{
	return (void *)((unsigned long)ptr | RADIX_TREE_INDIRECT_PTR);
}

static inline void *radix_tree_indirect_to_ptr(void *ptr)
{
	return (void *)((unsigned long)ptr & ~RADIX_TREE_INDIRECT_PTR);
}

static inline gfp_t root_gfp_mask(struct radix_tree_root *root)
{
	return root->gfp_mask;
}

static inline unsigned long radix_tree_maxindex(unsigned int height)
{
	return height_to_maxindex[height];
}

/*
 * A new node: from the preload pool when the tree's mask may not wait
 * (the page cache's GFP_ATOMIC tree), else (or if the pool is dry) from
 * the cache. NULL when both fail.
 */
static struct radix_tree_node *
radix_tree_node_alloc(struct radix_tree_root *root)
{
	struct radix_tree_node *ret = NULL;
	gfp_t gfp_mask = root_gfp_mask(root);

	if (!(gfp_mask & __GFP_WAIT)) {
		struct radix_tree_preload *rtp = &radix_tree_preloads;

		if (rtp->nr) {
			ret = rtp->nodes[rtp->nr - 1];
			rtp->nodes[rtp->nr - 1] = NULL;
			rtp->nr--;
		}
	}
	if (ret == NULL) {
		ret = kmem_cache_alloc(radix_tree_node_cachep, (int)gfp_mask);
		if (ret)
			radix_tree_nodes_allocated++;
	}
	BUG_ON(radix_tree_is_indirect_ptr(ret));
	return ret;
}

/* sim: no grace period (call_rcu): the node goes back at once */
static void radix_tree_node_free(struct radix_tree_node *node)
{
	memset(node->slots, 0, sizeof(node->slots));
	node->count = 0;
	kmem_cache_free(radix_tree_node_cachep, node);
	radix_tree_nodes_allocated--;
}

/*
 * Fill the pool so that one insert cannot fail for want of a node: a full
 * path's worth. 0, or -ENOMEM when the cache gave out (the pool keeps what
 * it got).
 */
int radix_tree_preload(gfp_t gfp_mask)
{
	struct radix_tree_preload *rtp = &radix_tree_preloads;
	struct radix_tree_node *node;

	/* sim: no preempt_disable; radix_tree_preload_end is empty */
	while (rtp->nr < (int)(sizeof(rtp->nodes) / sizeof(rtp->nodes[0]))) {
		node = kmem_cache_alloc(radix_tree_node_cachep, (int)gfp_mask);
		if (node == NULL)
			return -ENOMEM;
		radix_tree_nodes_allocated++;
		rtp->nodes[rtp->nr++] = node;
	}
	return 0;
}

/* Grow at the top until index fits: each new top has the old as slot 0. */
static int radix_tree_extend(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *node;
	unsigned int height;

	/* figure out what the height should be */
	height = root->height + 1;
	while (index > radix_tree_maxindex(height))
		height++;

	if (root->rnode == NULL) {
		root->height = height;
		return 0;
	}

	do {
		unsigned int newheight;

		node = radix_tree_node_alloc(root);
		if (!node)
			return -ENOMEM;
		/* the old top (a node or the lone item 0) moves down */
		node->slots[0] = radix_tree_indirect_to_ptr(root->rnode);
		newheight = root->height + 1;
		node->height = newheight;
		node->count = 1;
		root->rnode = radix_tree_ptr_to_indirect(node);
		root->height = newheight;
	} while (height > root->height);
	return 0;
}

/*
 * Store item at index: 0, -ENOMEM (a node could not be had; the nodes
 * already linked stay, empty, as in the kernel) or -EEXIST (taken).
 */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item)
{
	struct radix_tree_node *node = NULL, *slot;
	unsigned int height, shift;
	int offset = 0;
	int error;

	BUG_ON(radix_tree_is_indirect_ptr(item));

	/* make sure the tree is high enough */
	if (index > radix_tree_maxindex(root->height)) {
		error = radix_tree_extend(root, index);
		if (error)
			return error;
	}

	slot = radix_tree_indirect_to_ptr(root->rnode);
	height = root->height;
	shift = (height - 1) * RADIX_TREE_MAP_SHIFT;

	while (height > 0) {
		if (slot == NULL) {
			/* a missing node on the way down */
			slot = radix_tree_node_alloc(root);
			if (!slot)
				return -ENOMEM;
			slot->height = height;
			if (node) {
				node->slots[offset] = slot;
				node->count++;
			} else {
				root->rnode = radix_tree_ptr_to_indirect(slot);
			}
		}

		offset = (int)((index >> shift) & RADIX_TREE_MAP_MASK);
		node = slot;
		slot = node->slots[offset];
		shift -= RADIX_TREE_MAP_SHIFT;
		height--;
	}

	if (slot != NULL)
		return -EEXIST;

	if (node) {
		node->count++;
		node->slots[offset] = item;
	} else {
		root->rnode = item;
	}
	return 0;
}

/* The slot of index (is_slot) or what it holds; NULL when absent. */
static void *radix_tree_lookup_element(struct radix_tree_root *root,
				       unsigned long index, int is_slot)
{
	unsigned int height, shift;
	struct radix_tree_node *node, **slot;

	node = root->rnode;
	if (node == NULL)
		return NULL;

	if (!radix_tree_is_indirect_ptr(node)) {
		/* height 0: only index 0, stored in the root itself */
		if (index > 0)
			return NULL;
		return is_slot ? (void *)&root->rnode : (void *)node;
	}
	node = radix_tree_indirect_to_ptr(node);

	height = node->height;
	if (index > radix_tree_maxindex(height))
		return NULL;

	shift = (height - 1) * RADIX_TREE_MAP_SHIFT;
	do {
		slot = (struct radix_tree_node **)
			(node->slots +
			 ((index >> shift) & RADIX_TREE_MAP_MASK));
		node = *slot;
		if (node == NULL)
			return NULL;
		shift -= RADIX_TREE_MAP_SHIFT;
		height--;
	} while (height > 0);

	return is_slot ? (void *)slot : (void *)node;
}

void **radix_tree_lookup_slot(struct radix_tree_root *root,
			      unsigned long index)
{
	return (void **)radix_tree_lookup_element(root, index, 1);
}

void *radix_tree_lookup(struct radix_tree_root *root, unsigned long index)
{
	return radix_tree_lookup_element(root, index, 0);
}

/*
 * Collect up to max_items filled slots of the subtree under slot from index
 * on; *next_index is where the next call should start (0: wrapped, done).
 */
static unsigned int __lookup(struct radix_tree_node *slot, void ***results,
			     unsigned long index, unsigned int max_items,
			     unsigned long *next_index)
{
	unsigned int nr_found = 0;
	unsigned int shift, height;
	unsigned long i;

	height = slot->height;
	if (height == 0)
		goto out;
	shift = (height - 1) * RADIX_TREE_MAP_SHIFT;

	for (; height > 1; height--) {
		i = (index >> shift) & RADIX_TREE_MAP_MASK;
		for (;;) {
			if (slot->slots[i] != NULL)
				break;
			/* skip the empty subtree */
			index &= ~((1UL << shift) - 1);
			index = (index + (1UL << shift)) &
				RADIX_TREE_INDEX_MASK;
			if (index == 0)
				goto out;	/* 32-bit wrap */
			i++;
			if (i == RADIX_TREE_MAP_SIZE)
				goto out;
		}

		shift -= RADIX_TREE_MAP_SHIFT;
		slot = slot->slots[i];
		if (slot == NULL)
			goto out;
	}

	/* bottom level: grab some items */
	for (i = index & RADIX_TREE_MAP_MASK; i < RADIX_TREE_MAP_SIZE; i++) {
		index = (index + 1) & RADIX_TREE_INDEX_MASK;
		if (slot->slots[i]) {
			results[nr_found++] = &slot->slots[i];
			if (nr_found == max_items)
				goto out;
		}
	}
out:
	*next_index = index;
	return nr_found;
}

/*
 * Up to max_items items from first_index on, in index order, into
 * results. Returns how many.
 */
unsigned int radix_tree_gang_lookup(struct radix_tree_root *root,
				    void **results, unsigned long first_index,
				    unsigned int max_items)
{
	unsigned long max_index;
	struct radix_tree_node *node;
	unsigned long cur_index = first_index;
	unsigned int ret;

	node = root->rnode;
	if (!node)
		return 0;

	if (!radix_tree_is_indirect_ptr(node)) {
		if (first_index > 0)
			return 0;
		results[0] = node;
		return 1;
	}
	node = radix_tree_indirect_to_ptr(node);

	max_index = radix_tree_maxindex(node->height);

	ret = 0;
	while (ret < max_items) {
		unsigned int nr_found, slots_found, i;
		unsigned long next_index;

		if (cur_index > max_index)
			break;
		/* results[] first holds slot pointers, then the items */
		slots_found = __lookup(node, (void ***)results + ret,
				       cur_index, max_items - ret, &next_index);
		nr_found = 0;
		for (i = 0; i < slots_found; i++) {
			struct radix_tree_node *slot;

			slot = *(((void ***)results)[ret + i]);
			if (!slot)
				continue;
			results[ret + nr_found] =
				radix_tree_indirect_to_ptr(slot);
			nr_found++;
		}
		ret += nr_found;
		if (next_index == 0)
			break;
		cur_index = next_index;
	}
	return ret;
}

/* While the top node holds only slot 0, drop it: the tree gets lower. */
static void radix_tree_shrink(struct radix_tree_root *root)
{
	while (root->height > 0) {
		struct radix_tree_node *to_free = root->rnode;
		void *newptr;

		BUG_ON(!radix_tree_is_indirect_ptr(to_free));
		to_free = radix_tree_indirect_to_ptr(to_free);

		/* the top must hold exactly slot 0 */
		if (to_free->count != 1)
			break;
		if (!to_free->slots[0])
			break;

		newptr = to_free->slots[0];
		if (root->height > 1)
			newptr = radix_tree_ptr_to_indirect(newptr);
		root->rnode = newptr;
		root->height--;
		radix_tree_node_free(to_free);
	}
}

/*
 * Take index out. Returns what it held, or NULL. Nodes left empty on the
 * way back up are freed; an emptied tree goes back to height 0.
 */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_path path[RADIX_TREE_MAX_PATH + 1], *pathp = path;
	struct radix_tree_node *slot = NULL;
	struct radix_tree_node *to_free;
	unsigned int height, shift;
	int offset;

	height = root->height;
	if (index > radix_tree_maxindex(height))
		goto out;

	slot = root->rnode;
	if (height == 0) {
		/* the lone item 0 */
		root->rnode = NULL;
		goto out;
	}
	slot = radix_tree_indirect_to_ptr(slot);

	shift = (height - 1) * RADIX_TREE_MAP_SHIFT;
	pathp->node = NULL;

	do {
		if (slot == NULL)
			goto out;

		pathp++;
		offset = (int)((index >> shift) & RADIX_TREE_MAP_MASK);
		pathp->offset = offset;
		pathp->node = slot;
		slot = slot->slots[offset];
		shift -= RADIX_TREE_MAP_SHIFT;
		height--;
	} while (height > 0);

	if (slot == NULL)
		goto out;

	/* sim: no tags to clear */
	to_free = NULL;
	/* clear the slot on the way up, freeing each node left empty */
	while (pathp->node) {
		pathp->node->slots[pathp->offset] = NULL;
		pathp->node->count--;
		/* the child emptied in the previous round */
		if (to_free)
			radix_tree_node_free(to_free);

		if (pathp->node->count) {
			if (pathp->node ==
			    radix_tree_indirect_to_ptr(root->rnode))
				radix_tree_shrink(root);
			goto out;
		}

		/* its last slot went: free it on the next round up */
		to_free = pathp->node;
		pathp--;
	}
	root->height = 0;
	root->rnode = NULL;
	if (to_free)
		radix_tree_node_free(to_free);

out:
	return slot;
}

/* the largest index of a tree of height height (sim: 32-bit indices) */
static unsigned long __maxindex(unsigned int height)
{
	unsigned int width = height * RADIX_TREE_MAP_SHIFT;

	if (width >= RADIX_TREE_INDEX_BITS)
		return RADIX_TREE_INDEX_MASK;
	return (1UL << width) - 1;
}

static void radix_tree_init_maxindex(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(height_to_maxindex) /
			sizeof(height_to_maxindex[0]); i++)
		height_to_maxindex[i] = __maxindex(i);
}

/* start_kernel: the node cache and the height table */
void radix_tree_init(void)
{
	radix_tree_node_cachep =
		kmem_cache_create("radix_tree_node",
				  sizeof(struct radix_tree_node));
	BUG_ON(!radix_tree_node_cachep);
	radix_tree_init_maxindex();
	/* sim: no hotplug_notifier (one CPU) */
}

/* sim: nodes in trees now (the preload pool's spare nodes not counted) */
int sim_radix_tree_nodes_live(void)
{
	return radix_tree_nodes_allocated - radix_tree_preloads.nr;
}

/* sim: shutdown: give the pool's spare nodes back to the cache */
void sim_radix_tree_exit(void)
{
	struct radix_tree_preload *rtp = &radix_tree_preloads;

	while (rtp->nr) {
		kmem_cache_free(radix_tree_node_cachep,
				rtp->nodes[rtp->nr - 1]);
		rtp->nodes[--rtp->nr] = NULL;
		radix_tree_nodes_allocated--;
	}
}

/*
 * sim: the picture (sim/2.6/dot/): the top node of a tree, with its height
 * and count of filled slots, or NULL at height 0 (rnode is then the item
 * at index 0 itself, or NULL).
 */
const struct radix_tree_node *sim_radix_tree_top(
	const struct radix_tree_root *root, unsigned int *height,
	unsigned int *count)
{
	const struct radix_tree_node *node;

	if (!root->rnode || !radix_tree_is_indirect_ptr(root->rnode))
		return NULL;
	node = radix_tree_indirect_to_ptr(root->rnode);
	*height = node->height;
	*count = node->count;
	return node;
}
