/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/rbtree.h - red-black trees.
 * Models include/linux/rbtree.h (2.6.32): the parent pointer and the
 * colour share one word, rb_parent_color (nodes are 4-byte aligned, so bit
 * 0 is free: 0 red, 1 black). The user embeds a struct rb_node, links it
 * with rb_link_node at the leaf its own ordering found, then calls
 * rb_insert_color; sim/2.6/lib/rbtree.c does the rebalancing.
 * Used by mm/mmap.c (mm->mm_rb, ordered by vm_start).
 */
#ifndef _SIM26_LINUX_RBTREE_H
#define _SIM26_LINUX_RBTREE_H

#include <stddef.h>

#include "sim/kbase.h"

struct rb_node {
	unsigned long rb_parent_color;
#define RB_RED		0
#define RB_BLACK	1
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT	(struct rb_root) { NULL, }
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

static inline struct rb_node *rb_parent(const struct rb_node *r)
{
	return (struct rb_node *)(r->rb_parent_color & ~3UL);
}

static inline int rb_color(const struct rb_node *r)
{
	return (int)(r->rb_parent_color & 1);
}

static inline int rb_is_red(const struct rb_node *r)
{
	return !rb_color(r);
}

static inline int rb_is_black(const struct rb_node *r)
{
	return rb_color(r);
}

static inline void rb_set_red(struct rb_node *r)
{
	r->rb_parent_color &= ~1UL;
}

static inline void rb_set_black(struct rb_node *r)
{
	r->rb_parent_color |= 1UL;
}

static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->rb_parent_color = (rb->rb_parent_color & 3UL) | (unsigned long)p;
}

static inline void rb_set_color(struct rb_node *rb, int color)
{
	rb->rb_parent_color = (rb->rb_parent_color & ~1UL) |
			      (unsigned long)color;
}

#define RB_EMPTY_ROOT(root)	((root)->rb_node == NULL)
#define RB_EMPTY_NODE(node)	(rb_parent(node) == (node))
#define RB_CLEAR_NODE(node)	(rb_set_parent(node, node))

/* sim/2.6/lib/rbtree.c (lib/rbtree.c) */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);
int sim_rb_check(const struct rb_root *root);	/* sim: for the checks */

/* Hang node, red and childless, at *rb_link below parent. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

#endif /* _SIM26_LINUX_RBTREE_H */
