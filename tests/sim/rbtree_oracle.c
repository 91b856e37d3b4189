// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/rbtree_oracle.c - the oracle set behind rbtree_oracle.h.
 * Built on libbsd's <bsd/sys/tree.h> RB_* macros (OpenBSD's red-black tree),
 *   written independently of Linux's lib/rbtree.c, so a shared mistake is
 *   unlikely. This is the only file that may include tree.h: its RB_RED is
 *   1, rbtree.h's is 0.
 * Called by tests/sim/test_rbtree.c only.
 */
#include <stdlib.h>

#include <bsd/sys/tree.h>

#include "rbtree_oracle.h"

struct oracle_node {
	RB_ENTRY(oracle_node) entry;
	unsigned long key;
};

static int oracle_cmp(struct oracle_node *a, struct oracle_node *b)
{
	if (a->key < b->key)
		return -1;
	return a->key > b->key;
}

RB_HEAD(oracle_tree, oracle_node);
/*
 * RB_GENERATE_STATIC would do, but libbsd leaves its __unused undefined
 * (Debian #522773), and -Werror rejects the unused RB_PREV/RB_NFIND.
 */
RB_GENERATE_INTERNAL(oracle_tree, oracle_node, entry, oracle_cmp,
		     __attribute__((__unused__)) static)

struct oracle {
	struct oracle_tree head;
	size_t size;
};

struct oracle *oracle_new(void)
{
	struct oracle *o = malloc(sizeof(*o));

	if (!o)
		return NULL;
	RB_INIT(&o->head);
	o->size = 0;
	return o;
}

void oracle_free(struct oracle *o)
{
	struct oracle_node *n, *next;

	if (!o)
		return;
	RB_FOREACH_SAFE(n, oracle_tree, &o->head, next) {
		RB_REMOVE(oracle_tree, &o->head, n);
		free(n);
	}
	free(o);
}

int oracle_insert(struct oracle *o, unsigned long key)
{
	struct oracle_node *n = malloc(sizeof(*n));

	if (!n)
		return -1;
	n->key = key;
	/* RB_INSERT returns the node already holding key, if any. */
	if (RB_INSERT(oracle_tree, &o->head, n)) {
		free(n);
		return 0;
	}
	o->size++;
	return 1;
}

int oracle_erase(struct oracle *o, unsigned long key)
{
	struct oracle_node find = { .key = key }, *n;

	n = RB_FIND(oracle_tree, &o->head, &find);
	if (!n)
		return 0;
	RB_REMOVE(oracle_tree, &o->head, n);
	free(n);
	o->size--;
	return 1;
}

int oracle_contains(struct oracle *o, unsigned long key)
{
	struct oracle_node find = { .key = key };

	return RB_FIND(oracle_tree, &o->head, &find) != NULL;
}

size_t oracle_size(const struct oracle *o)
{
	return o->size;
}

size_t oracle_inorder(struct oracle *o, unsigned long *keys, size_t max)
{
	struct oracle_node *n;
	size_t i = 0;

	RB_FOREACH(n, oracle_tree, &o->head) {
		if (i == max)
			break;
		keys[i++] = n->key;
	}
	return i;
}
