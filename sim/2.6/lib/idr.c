// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/lib/idr.c - small integer ids that map to pointers.
 * Models lib/idr.c (2.6.32), in its order: get_from_free_list, free_layer,
 *   __move_to_free_list, move_to_free_list, idr_mark_full, idr_pre_get,
 *   sub_alloc, idr_get_empty_slot, idr_get_new_above_int,
 *   idr_get_new_above, idr_get_new, idr_remove_warning, sub_remove,
 *   idr_remove, idr_remove_all, idr_destroy, idr_find, idr_for_each,
 *   idr_replace, idr_init_cache, idr_init. Sim only: sim_idr_layers_live.
 * Left out: RCU (rcu_assign_pointer and rcu_dereference are plain stores
 *   and loads, idr_layer_rcu_free is gone: a layer is freed at once), the
 *   spinlock (one thread), the warning and stack dump of idr_remove_warning,
 *   idr_get_next and the ida allocator (no modelled caller). Not traced: the
 *   callers in ipc/ trace, and an id lookup is not a step worth a line.
 * Called by ipc/util.c (ipc_init_ids, ipc_addid, ipc_rmid, ipc_findkey,
 *   ipc_lock) and ipc/namespace.c; idr_init_cache() by start_kernel.
 *
 * The tree: an id is read 5 bits at a time, the top layer taking the high
 * bits and a leaf (layer 0) the low 5; a leaf's slots hold the callers'
 * pointers. layers is the height, so the tree covers ids below
 * 1 << (5 * layers). It grows by putting a new layer on top (the old top
 * becomes its slot 0) and shrinks when the top is left with slot 0 only.
 * A set bit in a bitmap means "taken" in a leaf and "full" higher up, so the
 * search for the lowest free id skips full subtrees without entering them.
 *
 * Typical sequence (ipc_addid): idr_pre_get(&ids->ipcs_idr, GFP_KERNEL)
 * fills the free list to IDR_FREE_MAX layers -> idr_get_new() takes the
 * layers it needs from that list, never from the allocator, and returns
 * -EAGAIN if it ran dry (the caller goes back to idr_pre_get) -> idr_find()
 * per lookup -> idr_remove() at IPC_RMID frees the layers left empty.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/slab.h"
#include "linux/idr.h"

static kmem_cache_t *idr_layer_cache;

/*
 * sim: the bitops lib/idr.c uses (include/asm-x86/bitops.h), for a bitmap
 * of one word; size is at most IDR_SIZE here.
 */
static inline void __set_bit(int nr, unsigned long *addr)
{
	*addr |= 1UL << nr;
}

static inline void __clear_bit(int nr, unsigned long *addr)
{
	*addr &= ~(1UL << nr);
}

static inline int test_bit(int nr, const unsigned long *addr)
{
	return (*addr >> nr) & 1;
}

/* the first set bit at or after offset, or size if there is none */
static inline int find_next_bit(const unsigned long *addr, int size,
				int offset)
{
	for (; offset < size; offset++)
		if (test_bit(offset, addr))
			return offset;
	return size;
}

/* the number of the highest set bit, counting from 1; 0 for 0 */
static inline int fls(int x)
{
	return x ? 32 - __builtin_clz((unsigned int)x) : 0;
}

/* lib/idr.c (before 2.6.27 this was alloc_layer) */
static struct idr_layer *get_from_free_list(struct idr *idp)
{
	struct idr_layer *p;

	/* sim: no idp->lock */
	p = idp->id_free;
	if (p) {
		idp->id_free = p->ary[0];
		idp->id_free_cnt--;
		p->ary[0] = NULL;
	}
	return p;
}

/* lib/idr.c (simplified: no RCU readers to wait for, so freed at once) */
static inline void free_layer(struct idr_layer *p)
{
	kmem_cache_free(idr_layer_cache, p);
}

/* lib/idr.c: the free list is chained through ary[0] */
static void __move_to_free_list(struct idr *idp, struct idr_layer *p)
{
	p->ary[0] = idp->id_free;
	idp->id_free = p;
	idp->id_free_cnt++;
}

/* lib/idr.c: p must be zeroed, as the allocator hands it out */
static void move_to_free_list(struct idr *idp, struct idr_layer *p)
{
	/* sim: no idp->lock */
	__move_to_free_list(idp, p);
}

/*
 * lib/idr.c: id was just taken in the leaf pa[0]. A leaf that is now full
 * sets its bit in the layer above, which may fill that one in turn, and so
 * on up; pa[] ends with NULL above the top.
 */
static void idr_mark_full(struct idr_layer **pa, int id)
{
	struct idr_layer *p = pa[0];
	int l = 0;

	__set_bit(id & IDR_MASK, &p->bitmap);
	while (p->bitmap == IDR_FULL) {
		p = pa[++l];
		if (!p)
			break;
		id = id >> IDR_BITS;
		__set_bit(id & IDR_MASK, &p->bitmap);
	}
}

/*
 * lib/idr.c: fill the free list to IDR_FREE_MAX layers, enough for any one
 * idr_get_new(). Called before taking the caller's lock. Returns 0 if an
 * allocation failed (what was allocated stays on the list), 1 otherwise.
 */
int idr_pre_get(struct idr *idp, gfp_t gfp_mask)
{
	while (idp->id_free_cnt < IDR_FREE_MAX) {
		struct idr_layer *new;

		/* sim: kmem_cache_alloc zeroes, as kmem_cache_zalloc does */
		new = kmem_cache_alloc(idr_layer_cache, (int)gfp_mask);
		if (new == NULL)
			return 0;
		move_to_free_list(idp, new);
	}
	return 1;
}

/*
 * lib/idr.c: walk down from the top to the lowest free slot at or above
 * *starting_id, creating missing layers from the free list on the way.
 * Fills pa[] with the path (pa[0] the leaf, NULL above the top) and returns
 * the id; or -1 (free list empty), IDR_NEED_TO_GROW (with *starting_id the
 * first id beyond the tree) or IDR_NOMORE_SPACE.
 */
static int sub_alloc(struct idr *idp, int *starting_id, struct idr_layer **pa)
{
	int n, m, sh;
	struct idr_layer *p, *new;
	int l, id, oid;
	unsigned long bm;

	id = *starting_id;
restart:
	p = idp->top;
	l = idp->layers;
	pa[l--] = NULL;
	while (1) {
		/* one pass per layer, down to the leaf */
		n = (id >> (IDR_BITS * l)) & IDR_MASK;
		bm = ~p->bitmap;
		m = find_next_bit(&bm, IDR_SIZE, n);
		if (m == IDR_SIZE) {
			/*
			 * Nothing free from slot n on: go up one layer and
			 * try the first id of the next subtree there.
			 * sim: computed unsigned; past INT_MAX the kernel's
			 * int wraps to negative (its gcc flags make that
			 * defined), which UBSan would stop on here.
			 */
			l++;
			oid = id;
			id = (int)(((unsigned int)id |
				    ((1U << (IDR_BITS * l)) - 1)) + 1);

			/* past the top: the tree must grow first */
			if (id >= 1 << (idp->layers * IDR_BITS)) {
				*starting_id = id;
				return IDR_NEED_TO_GROW;
			}
			p = pa[l];
			BUG_ON(!p);

			/*
			 * Still below the same grandparent: carry on from
			 * the parent. Otherwise start again from the top.
			 */
			sh = IDR_BITS * (l + 1);
			if (oid >> sh == id >> sh)
				continue;
			else
				goto restart;
		}
		if (m != n) {
			/* sim: unsigned, as above: id may be negative here */
			sh = IDR_BITS * l;
			id = (int)((((unsigned int)id >> sh) ^ n ^ m) << sh);
		}
		if ((unsigned int)id >= MAX_ID_BIT || id < 0)
			return IDR_NOMORE_SPACE;
		if (l == 0)
			break;
		/* the layer below slot m may not exist yet */
		if (!p->ary[m]) {
			new = get_from_free_list(idp);
			if (!new)
				return -1;
			new->layer = l - 1;
			p->ary[m] = new;	/* sim: rcu_assign_pointer */
			p->count++;
		}
		pa[l--] = p;
		p = p->ary[m];
	}

	pa[l] = p;
	return id;
}

/*
 * lib/idr.c: make the tree tall enough for starting_id, then find the
 * lowest free id at or above it (sub_alloc). A new top holds the old one
 * in slot 0. Returns the id with the path in pa[], or sub_alloc's codes.
 */
static int idr_get_empty_slot(struct idr *idp, int starting_id,
			      struct idr_layer **pa)
{
	struct idr_layer *p, *new;
	int layers, v, id;

	id = starting_id;
build_up:
	p = idp->top;
	layers = idp->layers;
	if (!p) {
		p = get_from_free_list(idp);
		if (!p)
			return -1;
		p->layer = 0;
		layers = 1;
	}
	/*
	 * Put layers on top until the tree covers id. 2.6.32 stops at 6
	 * layers (30 bits), so ids from 1 << 30 on share slots with the ids
	 * 1 << 30 below them.
	 */
	while (layers < MAX_LEVEL - 1 && id >= 1 << (layers * IDR_BITS)) {
		layers++;
		if (!p->count) {
			/* an empty tree grows by raising its top node */
			p->layer++;
			continue;
		}
		new = get_from_free_list(idp);
		if (!new) {
			/*
			 * Out of spares: give back the layers put on top
			 * so far; the tree below idp->top is untouched.
			 * sim: no idp->lock
			 */
			for (new = p; p && p != idp->top; new = p) {
				p = p->ary[0];
				new->ary[0] = NULL;
				new->bitmap = new->count = 0;
				__move_to_free_list(idp, new);
			}
			return -1;
		}
		new->ary[0] = p;
		new->count = 1;
		new->layer = layers - 1;
		if (p->bitmap == IDR_FULL)
			__set_bit(0, &new->bitmap);
		p = new;
	}
	idp->top = p;			/* sim: rcu_assign_pointer */
	idp->layers = layers;
	v = sub_alloc(idp, &id, pa);
	if (v == IDR_NEED_TO_GROW)
		goto build_up;
	return v;
}

/* lib/idr.c: take the slot and store ptr in it; the id or a code < 0 */
static int idr_get_new_above_int(struct idr *idp, void *ptr, int starting_id)
{
	struct idr_layer *pa[MAX_LEVEL];
	int id;

	id = idr_get_empty_slot(idp, starting_id, pa);
	if (id >= 0) {
		/* sim: rcu_assign_pointer */
		pa[0]->ary[id & IDR_MASK] = (struct idr_layer *)ptr;
		pa[0]->count++;
		idr_mark_full(pa, id);
	}

	return id;
}

/*
 * lib/idr.c: the lowest free id >= starting_id gets ptr; *id is set and 0
 * returned. -EAGAIN: the free list ran dry, call idr_pre_get() and retry.
 * -ENOSPC: no id left below MAX_ID_BIT.
 */
int idr_get_new_above(struct idr *idp, void *ptr, int starting_id, int *id)
{
	int rv;

	rv = idr_get_new_above_int(idp, ptr, starting_id);
	if (rv < 0)
		return _idr_rc_to_errno(rv);
	*id = rv;
	return 0;
}

/* lib/idr.c: idr_get_new_above() from 0; what ipc_addid() calls */
int idr_get_new(struct idr *idp, void *ptr, int *id)
{
	int rv;

	rv = idr_get_new_above_int(idp, ptr, 0);
	if (rv < 0)
		return _idr_rc_to_errno(rv);
	*id = rv;
	return 0;
}

/* lib/idr.c (simplified: 2.6.32 prints a KERN_WARNING and dumps the stack) */
static void idr_remove_warning(int id)
{
	(void)id;
}

/*
 * lib/idr.c: clear id's slot, and the "full" bits on the way down to it.
 * pa[] remembers where each layer of the path hangs (&idp->top first), so
 * the layers left empty can be freed and unhooked going back up; freeing
 * the top empties the tree (layers 0). A free slot only warns.
 */
static void sub_remove(struct idr *idp, int shift, int id)
{
	struct idr_layer *p = idp->top;
	struct idr_layer **pa[MAX_LEVEL];
	struct idr_layer ***paa = &pa[0];
	struct idr_layer *to_free;
	int n;

	*paa = NULL;
	*++paa = &idp->top;

	while (shift > 0 && p) {
		n = (id >> shift) & IDR_MASK;
		__clear_bit(n, &p->bitmap);
		*++paa = &p->ary[n];
		p = p->ary[n];
		shift -= IDR_BITS;
	}
	n = id & IDR_MASK;
	if (p != NULL && test_bit(n, &p->bitmap)) {
		__clear_bit(n, &p->bitmap);
		p->ary[n] = NULL;	/* sim: rcu_assign_pointer */
		to_free = NULL;
		while (*paa && !--((**paa)->count)) {
			if (to_free)
				free_layer(to_free);
			to_free = **paa;
			**paa-- = NULL;
		}
		if (!*paa)
			idp->layers = 0;
		if (to_free)
			free_layer(to_free);
	} else {
		idr_remove_warning(id);
	}
}

/*
 * lib/idr.c: free id. Only the bits below the tree's height are looked at,
 * so an id beyond the tree removes the id it aliases. The tree loses at
 * most one layer per call, and the free list is trimmed below IDR_FREE_MAX.
 */
void idr_remove(struct idr *idp, int id)
{
	struct idr_layer *p;
	struct idr_layer *to_free;

	/* bit 31 is never part of an id */
	id &= MAX_ID_MASK;

	sub_remove(idp, (idp->layers - 1) * IDR_BITS, id);
	if (idp->top && idp->top->count == 1 && idp->layers > 1 &&
	    idp->top->ary[0]) {
		/*
		 * Only slot 0 of the top is used: drop the top layer. That
		 * is safe because growing adds layers above the old top,
		 * never below it.
		 */
		to_free = idp->top;
		p = idp->top->ary[0];
		idp->top = p;		/* sim: rcu_assign_pointer */
		--idp->layers;
		to_free->bitmap = to_free->count = 0;
		free_layer(to_free);
	}
	while (idp->id_free_cnt >= IDR_FREE_MAX) {
		/* spares were never in the tree: no RCU wait in 2.6.32 */
		p = get_from_free_list(idp);
		kmem_cache_free(idr_layer_cache, p);
	}
}

/*
 * lib/idr.c: free every layer of the tree; the callers' objects and the
 * free list stay (idr_destroy() empties that). The walk keeps the path in
 * pa[] and frees a layer once id has moved past its last slot.
 * (simplified: fixed the way Linux fixed it in 2013, bt_mask below. 2.6.32
 * climbs while n < fls(id), so in a tree of 3 or more layers every step
 * past id 1023 climbs past a middle layer and frees it, again and again.)
 * sim: pa[] has a NULL slot below the path: at the end the walk steps up
 * past the top, where 2.6.32 reads the word below its array.
 */
void idr_remove_all(struct idr *idp)
{
	int n, id, max, bt_mask;
	struct idr_layer *p;
	struct idr_layer *pa[MAX_LEVEL + 1] = { NULL };
	struct idr_layer **paa = &pa[1];

	n = idp->layers * IDR_BITS;
	p = idp->top;
	idp->top = NULL;		/* sim: rcu_assign_pointer */
	max = 1 << n;

	id = 0;
	while (id < max) {
		while (n > IDR_BITS && p) {
			n -= IDR_BITS;
			*paa++ = p;
			p = p->ary[(id >> n) & IDR_MASK];
		}

		/* climb as far as the add below carried: the layers done */
		bt_mask = id;
		id += 1 << n;
		while (n < fls(id ^ bt_mask)) {
			if (p)
				free_layer(p);
			n += IDR_BITS;
			p = *--paa;
		}
	}
	idp->layers = 0;
}

/* lib/idr.c: free the spare layers idr_pre_get() left on the free list */
void idr_destroy(struct idr *idp)
{
	while (idp->id_free_cnt) {
		struct idr_layer *p = get_from_free_list(idp);

		kmem_cache_free(idr_layer_cache, p);
	}
}

/*
 * lib/idr.c: the pointer stored under id; NULL if id is free, beyond the
 * tree, or was given a NULL pointer.
 */
void *idr_find(struct idr *idp, int id)
{
	int n;
	struct idr_layer *p;

	p = idp->top;			/* sim: rcu_dereference */
	if (!p)
		return NULL;
	n = (p->layer + 1) * IDR_BITS;

	/* bit 31 is never part of an id */
	id &= MAX_ID_MASK;

	if (id >= (1 << n))
		return NULL;
	BUG_ON(n == 0);

	while (n > 0 && p) {
		n -= IDR_BITS;
		BUG_ON(n != p->layer * IDR_BITS);
		p = p->ary[(id >> n) & IDR_MASK];	/* rcu_dereference */
	}
	return (void *)p;
}

/*
 * lib/idr.c: fn(id, ptr, data) for each non-NULL pointer, in id order,
 * until fn returns nonzero; returns that value, or 0. fn must not change
 * the idr. sim: pa[] as in idr_remove_all().
 */
int idr_for_each(struct idr *idp,
		 int (*fn)(int id, void *p, void *data), void *data)
{
	int n, id, max, error = 0;
	struct idr_layer *p;
	struct idr_layer *pa[MAX_LEVEL + 1] = { NULL };
	struct idr_layer **paa = &pa[1];

	n = idp->layers * IDR_BITS;
	p = idp->top;			/* sim: rcu_dereference */
	max = 1 << n;

	id = 0;
	while (id < max) {
		while (n > 0 && p) {
			n -= IDR_BITS;
			*paa++ = p;
			p = p->ary[(id >> n) & IDR_MASK];
		}

		if (p) {
			error = fn(id, (void *)p, data);
			if (error)
				break;
		}

		id += 1 << n;
		while (n < fls(id)) {
			n += IDR_BITS;
			p = *--paa;
		}
	}

	return error;
}

/*
 * lib/idr.c: store ptr under an id already taken and return the old
 * pointer. ERR_PTR(-EINVAL) for an empty idr or an id beyond the tree,
 * ERR_PTR(-ENOENT) for a free id.
 */
void *idr_replace(struct idr *idp, void *ptr, int id)
{
	int n;
	struct idr_layer *p, *old_p;

	p = idp->top;
	if (!p)
		return ERR_PTR(-EINVAL);

	n = (p->layer + 1) * IDR_BITS;

	id &= MAX_ID_MASK;

	if (id >= (1 << n))
		return ERR_PTR(-EINVAL);

	n -= IDR_BITS;
	while (n > 0 && p) {
		p = p->ary[(id >> n) & IDR_MASK];
		n -= IDR_BITS;
	}

	n = id & IDR_MASK;
	if (p == NULL || !test_bit(n, &p->bitmap))
		return ERR_PTR(-ENOENT);

	old_p = p->ary[n];
	p->ary[n] = ptr;		/* sim: rcu_assign_pointer */

	return old_p;
}

/* lib/idr.c: once, at boot, before any idr_pre_get() */
void idr_init_cache(void)
{
	idr_layer_cache = kmem_cache_create("idr_layer_cache",
					    sizeof(struct idr_layer));
	/* 2.6.32 creates it with SLAB_PANIC */
	BUG_ON(!idr_layer_cache);
}

/* lib/idr.c: an empty idr, no spares (sim: no spin_lock_init) */
void idr_init(struct idr *idp)
{
	memset(idp, 0, sizeof(struct idr));
}

/* sim: for leak checks; counts the layers of every idr, spares included */
int sim_idr_layers_live(void)
{
	return idr_layer_cache ? (int)idr_layer_cache->active_objs : 0;
}
