/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/radix-tree.h - the page index of an address_space.
 * Models include/linux/radix-tree.h (2.6.32): a tree of 64-slot nodes
 * keyed by page index, which 2.6 uses where 2.4.16 hashed pages by
 * (mapping, index). Implemented in sim/2.6/lib/radix-tree.c.
 * sim: no RCU, no tags beyond what shmem needs (none), no preload per CPU.
 */
#ifndef _SIM26_LINUX_RADIX_TREE_H
#define _SIM26_LINUX_RADIX_TREE_H

#include "linux/kernel.h"

struct radix_tree_node;

struct radix_tree_root {
	unsigned int height;		/* 0: empty, or only index 0 */
	gfp_t gfp_mask;
	struct radix_tree_node *rnode;
};

#define RADIX_TREE_INIT(mask)	{ .height = 0, .gfp_mask = (mask), \
				  .rnode = NULL }
#define INIT_RADIX_TREE(root, mask) \
	do { \
		(root)->height = 0; \
		(root)->gfp_mask = (mask); \
		(root)->rnode = NULL; \
	} while (0)

int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item);
void *radix_tree_lookup(struct radix_tree_root *root, unsigned long index);
void **radix_tree_lookup_slot(struct radix_tree_root *root,
			      unsigned long index);
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
unsigned int radix_tree_gang_lookup(struct radix_tree_root *root,
				    void **results, unsigned long first_index,
				    unsigned int max_items);
int radix_tree_preload(gfp_t gfp_mask);
void radix_tree_init(void);
int sim_radix_tree_nodes_live(void);	/* sim: leak check at shutdown */
void sim_radix_tree_exit(void);	/* sim: shutdown: drain the preload pool */
/* sim: the picture: the top node, its height and count; NULL at height 0 */
const struct radix_tree_node *sim_radix_tree_top(
	const struct radix_tree_root *root, unsigned int *height,
	unsigned int *count);

static inline void radix_tree_preload_end(void)
{
}

#endif /* _SIM26_LINUX_RADIX_TREE_H */
