/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/rbtree.h - red-black trees, the 2.4.16 API.
 * Models include/linux/rbtree.h: the node is embedded in the object (a vma's
 * vm_rb), the caller walks down to the empty slot itself, then calls
 * rb_link_node() and rb_insert_color(); rb_erase() removes. 2.4.16 has no
 * rb_first/rb_next: mm/mmap.c keeps the sorted vma list beside the tree.
 * RB_RED is 0 and RB_BLACK 1, as in 2.4 (BSD's sys/tree.h has them the
 * other way round, which is why tests keep that oracle in a file of its own).
 */
#ifndef _SIM_LINUX_RBTREE_H
#define _SIM_LINUX_RBTREE_H

#include <stddef.h>

typedef struct rb_node_s {
	struct rb_node_s *rb_parent;
	int rb_color;
#define RB_RED		0
#define RB_BLACK	1
	struct rb_node_s *rb_right;
	struct rb_node_s *rb_left;
} rb_node_t;

typedef struct rb_root_s {
	struct rb_node_s *rb_node;
} rb_root_t;

#define RB_ROOT (rb_root_t) { NULL, }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* sim/rbtree.c (lib/rbtree.c) */
void rb_insert_color(rb_node_t *node, rb_root_t *root);
void rb_erase(rb_node_t *node, rb_root_t *root);

/* New node: red, childless, hung in the slot *link below parent. */
static inline void rb_link_node(rb_node_t *node, rb_node_t *parent,
				rb_node_t **link)
{
	node->rb_parent = parent;
	node->rb_color = RB_RED;
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

/*
 * sim: checks for tests and the invariant checker. rb_check() returns the
 * black height of the tree (>= 1), or a negative number naming the first
 * broken property: -1 red root, -2 red node with a red child, -3 unequal
 * black heights, -4 a child whose rb_parent does not point back.
 */
int rb_check(const rb_root_t *root);

#endif /* _SIM_LINUX_RBTREE_H */
