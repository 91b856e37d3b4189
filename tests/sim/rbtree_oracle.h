/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/sim/rbtree_oracle.h - an independent ordered set of unsigned longs.
 * The reference test_rbtree.c compares sim/rbtree.c against: a set kept in
 *   libbsd's <bsd/sys/tree.h> red-black tree, a different implementation of
 *   the same idea. Plain C API, no tree.h types, because tree.h's RB_RED and
 *   RB_BLACK (1 and 0) clash with 2.4's rbtree.h (0 and 1); only
 *   rbtree_oracle.c includes it.
 * Typical sequence: oracle_new(); oracle_insert()/oracle_erase() mirroring
 *   each kernel-tree operation; oracle_inorder() to compare; oracle_free().
 */
#ifndef _TESTS_SIM_RBTREE_ORACLE_H
#define _TESTS_SIM_RBTREE_ORACLE_H

#include <stddef.h>

struct oracle;

/* Empty set, or NULL when out of memory. */
struct oracle *oracle_new(void);
/* Frees the set and all its keys; NULL is allowed. */
void oracle_free(struct oracle *o);

/* 1 if key was added, 0 if it was already there, -1 out of memory. */
int oracle_insert(struct oracle *o, unsigned long key);
/* 1 if key was removed, 0 if it was not there. */
int oracle_erase(struct oracle *o, unsigned long key);
/* 1 if key is in the set, else 0. */
int oracle_contains(struct oracle *o, unsigned long key);
/* Number of keys in the set. */
size_t oracle_size(const struct oracle *o);
/*
 * Stores up to max keys in ascending order into keys[]; returns how many
 * were stored (min(max, oracle_size(o))).
 */
size_t oracle_inorder(struct oracle *o, unsigned long *keys, size_t max);

#endif /* _TESTS_SIM_RBTREE_ORACLE_H */
