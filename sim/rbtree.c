// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/rbtree.c - red-black tree rebalancing.
 * Models lib/rbtree.c (2.4.16): __rb_rotate_left, __rb_rotate_right,
 *   rb_insert_color, __rb_erase_color, rb_erase. The caller links the node
 *   (rb_link_node) and keeps its own ordering; this file only restores the
 *   colours: the root is black, no red node has a red child, and every path
 *   from a node down to a leaf passes the same number of black nodes.
 * Called by mm/mmap.c's __vma_link_rb, __vma_unlink and build_mmap_rb.
 */
#include "linux/kernel.h"
#include "linux/rbtree.h"

static void __rb_rotate_left(rb_node_t *node, rb_root_t *root)
{
	rb_node_t *right = node->rb_right;

	node->rb_right = right->rb_left;
	if (node->rb_right)
		node->rb_right->rb_parent = node;
	right->rb_left = node;

	right->rb_parent = node->rb_parent;
	if (right->rb_parent) {
		if (node == node->rb_parent->rb_left)
			node->rb_parent->rb_left = right;
		else
			node->rb_parent->rb_right = right;
	} else {
		root->rb_node = right;
	}
	node->rb_parent = right;
}

static void __rb_rotate_right(rb_node_t *node, rb_root_t *root)
{
	rb_node_t *left = node->rb_left;

	node->rb_left = left->rb_right;
	if (node->rb_left)
		node->rb_left->rb_parent = node;
	left->rb_right = node;

	left->rb_parent = node->rb_parent;
	if (left->rb_parent) {
		if (node == node->rb_parent->rb_right)
			node->rb_parent->rb_right = left;
		else
			node->rb_parent->rb_left = left;
	} else {
		root->rb_node = left;
	}
	node->rb_parent = left;
}

/*
 * A freshly linked node is red; walk up while its parent is red too.
 * A red uncle lets us push the blackness down from the grandparent and go on
 * from there; a black uncle ends it with one or two rotations.
 */
void rb_insert_color(rb_node_t *node, rb_root_t *root)
{
	rb_node_t *parent, *gparent;

	while ((parent = node->rb_parent) && parent->rb_color == RB_RED) {
		gparent = parent->rb_parent;

		if (parent == gparent->rb_left) {
			rb_node_t *uncle = gparent->rb_right;

			if (uncle && uncle->rb_color == RB_RED) {
				uncle->rb_color = RB_BLACK;
				parent->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (parent->rb_right == node) {
				rb_node_t *tmp;

				__rb_rotate_left(parent, root);
				tmp = parent;
				parent = node;
				node = tmp;
			}
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			__rb_rotate_right(gparent, root);
		} else {
			rb_node_t *uncle = gparent->rb_left;

			if (uncle && uncle->rb_color == RB_RED) {
				uncle->rb_color = RB_BLACK;
				parent->rb_color = RB_BLACK;
				gparent->rb_color = RB_RED;
				node = gparent;
				continue;
			}
			if (parent->rb_left == node) {
				rb_node_t *tmp;

				__rb_rotate_right(parent, root);
				tmp = parent;
				parent = node;
				node = tmp;
			}
			parent->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			__rb_rotate_left(gparent, root);
		}
	}

	root->rb_node->rb_color = RB_BLACK;
}

/*
 * After a black node left the tree, the path through node (possibly NULL,
 * below parent) is one black short. Borrow from the sibling's side.
 */
static void __rb_erase_color(rb_node_t *node, rb_node_t *parent,
			     rb_root_t *root)
{
	rb_node_t *other;

	while ((!node || node->rb_color == RB_BLACK) && node != root->rb_node) {
		if (parent->rb_left == node) {
			other = parent->rb_right;
			if (other->rb_color == RB_RED) {
				other->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				__rb_rotate_left(parent, root);
				other = parent->rb_right;
			}
			if ((!other->rb_left ||
			     other->rb_left->rb_color == RB_BLACK) &&
			    (!other->rb_right ||
			     other->rb_right->rb_color == RB_BLACK)) {
				other->rb_color = RB_RED;
				node = parent;
				parent = node->rb_parent;
			} else {
				if (!other->rb_right ||
				    other->rb_right->rb_color == RB_BLACK) {
					other->rb_left->rb_color = RB_BLACK;
					other->rb_color = RB_RED;
					__rb_rotate_right(other, root);
					other = parent->rb_right;
				}
				other->rb_color = parent->rb_color;
				parent->rb_color = RB_BLACK;
				if (other->rb_right)
					other->rb_right->rb_color = RB_BLACK;
				__rb_rotate_left(parent, root);
				node = root->rb_node;
				break;
			}
		} else {
			other = parent->rb_left;
			if (other->rb_color == RB_RED) {
				other->rb_color = RB_BLACK;
				parent->rb_color = RB_RED;
				__rb_rotate_right(parent, root);
				other = parent->rb_left;
			}
			if ((!other->rb_left ||
			     other->rb_left->rb_color == RB_BLACK) &&
			    (!other->rb_right ||
			     other->rb_right->rb_color == RB_BLACK)) {
				other->rb_color = RB_RED;
				node = parent;
				parent = node->rb_parent;
			} else {
				if (!other->rb_left ||
				    other->rb_left->rb_color == RB_BLACK) {
					other->rb_right->rb_color = RB_BLACK;
					other->rb_color = RB_RED;
					__rb_rotate_left(other, root);
					other = parent->rb_left;
				}
				other->rb_color = parent->rb_color;
				parent->rb_color = RB_BLACK;
				if (other->rb_left)
					other->rb_left->rb_color = RB_BLACK;
				__rb_rotate_right(parent, root);
				node = root->rb_node;
				break;
			}
		}
	}
	if (node)
		node->rb_color = RB_BLACK;
}

/*
 * Unlink node. With two children its in-order successor takes its place
 * (position and colour), so the rebalancing starts where the successor was.
 */
void rb_erase(rb_node_t *node, rb_root_t *root)
{
	rb_node_t *child, *parent;
	int color;

	if (!node->rb_left) {
		child = node->rb_right;
	} else if (!node->rb_right) {
		child = node->rb_left;
	} else {
		rb_node_t *old = node, *left;

		node = node->rb_right;
		while ((left = node->rb_left))
			node = left;
		child = node->rb_right;
		parent = node->rb_parent;
		color = node->rb_color;

		if (child)
			child->rb_parent = parent;
		if (parent) {
			if (parent->rb_left == node)
				parent->rb_left = child;
			else
				parent->rb_right = child;
		} else {
			root->rb_node = child;
		}

		if (node->rb_parent == old)
			parent = node;
		node->rb_parent = old->rb_parent;
		node->rb_color = old->rb_color;
		node->rb_right = old->rb_right;
		node->rb_left = old->rb_left;

		if (old->rb_parent) {
			if (old->rb_parent->rb_left == old)
				old->rb_parent->rb_left = node;
			else
				old->rb_parent->rb_right = node;
		} else {
			root->rb_node = node;
		}

		old->rb_left->rb_parent = node;
		if (old->rb_right)
			old->rb_right->rb_parent = node;
		goto color;
	}

	parent = node->rb_parent;
	color = node->rb_color;

	if (child)
		child->rb_parent = parent;
	if (parent) {
		if (parent->rb_left == node)
			parent->rb_left = child;
		else
			parent->rb_right = child;
	} else {
		root->rb_node = child;
	}

color:
	if (color == RB_BLACK)
		__rb_erase_color(child, parent, root);
}

/* sim: black height below node, or a negative code (see rbtree.h). */
static int rb_check_node(const rb_node_t *node)
{
	int lh, rh;

	if (!node)
		return 1;
	if (node->rb_left && node->rb_left->rb_parent != node)
		return -4;
	if (node->rb_right && node->rb_right->rb_parent != node)
		return -4;
	if (node->rb_color == RB_RED &&
	    ((node->rb_left && node->rb_left->rb_color == RB_RED) ||
	     (node->rb_right && node->rb_right->rb_color == RB_RED)))
		return -2;
	lh = rb_check_node(node->rb_left);
	if (lh < 0)
		return lh;
	rh = rb_check_node(node->rb_right);
	if (rh < 0)
		return rh;
	if (lh != rh)
		return -3;
	return lh + (node->rb_color == RB_BLACK);
}

int rb_check(const rb_root_t *root)
{
	if (!root->rb_node)
		return 1;
	if (root->rb_node->rb_color != RB_BLACK)
		return -1;
	if (root->rb_node->rb_parent)
		return -4;
	return rb_check_node(root->rb_node);
}
