/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/idr.h - small integer ids that map to pointers.
 * Models include/linux/idr.h (2.6.32, i386): the radix tree of idr_layers,
 *   32 slots each, where ipc/util.c keeps the SysV ids of a namespace
 *   (ids->ipcs_idr), and the calls ipc/ reaches.
 * Left out: the ida allocator and idr_get_next (no modelled caller), the
 *   64-bit constants, TOP_LEVEL_FULL (lib/idr.c does not read it), the
 *   rcu_head of a layer and the spinlock of an idr (no RCU, one thread).
 * sim: unsigned long is 64 bits on the host, but IDR_BITS stays i386's 5,
 *   so a bitmap only ever uses its low 32 bits.
 */
#ifndef _SIM26_LINUX_IDR_H
#define _SIM26_LINUX_IDR_H

#include "linux/kernel.h"

/* one layer resolves IDR_BITS bits of the id (BITS_PER_LONG == 32) */
#define IDR_BITS	5
#define IDR_FULL	0xfffffffful

#define IDR_SIZE	(1 << IDR_BITS)
#define IDR_MASK	((1 << IDR_BITS) - 1)

/* sim: an int (31), not size_t, so the checks against int counts stay signed */
#define MAX_ID_SHIFT	((int)sizeof(int) * 8 - 1)
#define MAX_ID_BIT	(1U << MAX_ID_SHIFT)
#define MAX_ID_MASK	(MAX_ID_BIT - 1)

/* 7: the last layer may be partly used (5 * 7 = 35 > 31 bits) */
#define MAX_LEVEL	((MAX_ID_SHIFT + IDR_BITS - 1) / IDR_BITS)

/* 14: what idr_pre_get() keeps ready, enough for two worst-case paths */
#define IDR_FREE_MAX	(MAX_LEVEL + MAX_LEVEL)

/*
 * A node of the tree. In a leaf (layer 0) ary[] holds the callers'
 * pointers and bit n of bitmap says slot n is taken; higher up ary[]
 * holds layers and bit n says the subtree below slot n is full. count is
 * the number of non-NULL slots; a layer whose count drops to 0 is freed.
 */
struct idr_layer {
	unsigned long bitmap;		/* a zero bit means "space here" */
	struct idr_layer *ary[1 << IDR_BITS];
	int count;			/* when zero, we can release it */
	int layer;			/* distance from the leaves */
};

/*
 * top is NULL, and layers 0, while the idr is empty. id_free chains the
 * spare layers through ary[0]; idr_pre_get() fills it so that
 * idr_get_new() need not allocate while the caller holds its lock.
 */
struct idr {
	struct idr_layer *top;
	struct idr_layer *id_free;
	int layers;			/* height of the tree above top */
	int id_free_cnt;
};

/* sim: name only named the spinlock, which is left out */
#define IDR_INIT(name)						\
{								\
	.top		= NULL,					\
	.id_free	= NULL,					\
	.layers		= 0,					\
	.id_free_cnt	= 0,					\
}
#define DEFINE_IDR(name)	struct idr name = IDR_INIT(name)

/* what sub_alloc() tells idr_get_empty_slot(); -1 is "free list empty" */
#define IDR_NEED_TO_GROW	-2
#define IDR_NOMORE_SPACE	-3

/* the errno the exported calls give for a negative internal result */
static inline int _idr_rc_to_errno(int rc)
{
	return rc == -1 ? -EAGAIN : -ENOSPC;
}

/* sim/2.6/lib/idr.c (lib/idr.c) */
void *idr_find(struct idr *idp, int id);
int idr_pre_get(struct idr *idp, gfp_t gfp_mask);
int idr_get_new(struct idr *idp, void *ptr, int *id);
int idr_get_new_above(struct idr *idp, void *ptr, int starting_id, int *id);
int idr_for_each(struct idr *idp,
		 int (*fn)(int id, void *p, void *data), void *data);
void *idr_replace(struct idr *idp, void *ptr, int id);
void idr_remove(struct idr *idp, int id);
void idr_remove_all(struct idr *idp);
void idr_destroy(struct idr *idp);
void idr_init(struct idr *idp);

void idr_init_cache(void);

/* sim: idr_layers allocated from idr_layer_cache and not yet freed */
int sim_idr_layers_live(void);

#endif /* _SIM26_LINUX_IDR_H */
