// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/lib/test_idr.c - tests of sim/2.6/lib/idr.c, 2.6.32's idr.
 * Pins down what ipc/util.c relies on: the lowest free id comes out first,
 *   the tree grows a layer at ids 32 and 1024 and shrinks a layer at a time
 *   on removal, a full IPCMNI (32768 ids) fits in three layers, and the
 *   free list that idr_pre_get fills is all idr_get_new may use. The layer
 *   counts are 2.6.32's: every test checks sim_idr_layers_live() where the
 *   kernel's own steps decide it. A few quirks of 2.6.32 that no SysV path
 *   reaches (ids beyond the tree alias lower ones) are pinned down too.
 */
#include <string.h>

#include "sim_test.h"

#include "linux/idr.h"
#include "sim/fail.h"

#define IPCMNI		32768	/* 2.6.32's limit on SysV ids */

static struct idr test_idr;
static int objs[IPCMNI + 1];	/* the callers' objects: &objs[id] */

/* whatever a test left goes, and with it every layer */
static int teardown(void **state)
{
	(void)state;
	sim_fail_reset();
	idr_remove_all(&test_idr);
	idr_destroy(&test_idr);
	assert_int_equal(sim_idr_layers_live(), 0);
	return 0;
}

static int setup(void **state)
{
	static int booted;

	(void)state;
	if (!booted++)
		idr_init_cache();	/* start_kernel's */
	idr_init(&test_idr);
	assert_int_equal(sim_idr_layers_live(), 0);
	return 0;
}

/* ipc_addid's two calls: fill the free list, then take the lowest id */
static int pre_get_and_get_new(struct idr *idp, void *ptr)
{
	int id = -1;

	assert_int_equal(idr_pre_get(idp, GFP_KERNEL), 1);
	assert_errno(idr_get_new(idp, ptr, &id), 0);
	return id;
}

/* the same from starting_id on */
static int pre_get_and_get_new_above(struct idr *idp, void *ptr,
				     int starting_id)
{
	int id = -1;

	assert_int_equal(idr_pre_get(idp, GFP_KERNEL), 1);
	assert_errno(idr_get_new_above(idp, ptr, starting_id, &id), 0);
	return id;
}

/* ids from..to, in order, each mapped to &objs[id] */
static void fill(struct idr *idp, int from, int to)
{
	int i;

	for (i = from; i <= to; i++)
		assert_int_equal(pre_get_and_get_new(idp, &objs[i]), i);
}

static void test_idr_init__empty_idr_holds_nothing(void **state)
{
	DEFINE_IDR(static_idr);

	(void)state;
	assert_null(test_idr.top);
	assert_null(test_idr.id_free);
	assert_int_equal(test_idr.layers, 0);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_null(idr_find(&test_idr, 0));

	assert_null(static_idr.top);
	assert_null(static_idr.id_free);
	assert_int_equal(static_idr.layers, 0);
	assert_int_equal(static_idr.id_free_cnt, 0);
	assert_int_equal(sim_idr_layers_live(), 0);
}

static void test_idr_pre_get__fills_free_list_to_idr_free_max(void **state)
{
	(void)state;
	assert_int_equal(MAX_LEVEL, 7);
	assert_int_equal(IDR_FREE_MAX, 14);

	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 1);
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX);
	assert_null(test_idr.top);	/* the tree is built on demand */

	/* a full list: nothing more to allocate */
	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 1);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX);
}

static void test_idr_get_new__without_pre_get_fails_eagain(void **state)
{
	int id = -7;

	(void)state;
	assert_errno(idr_get_new(&test_idr, &objs[0], &id), -EAGAIN);
	assert_int_equal(id, -7);
	assert_null(test_idr.top);
	assert_int_equal(test_idr.layers, 0);
	assert_int_equal(sim_idr_layers_live(), 0);
}

static void test_idr_get_new__ids_come_out_lowest_first(void **state)
{
	int i;

	(void)state;
	fill(&test_idr, 0, 4);
	assert_int_equal(test_idr.layers, 1);
	/* one layer, the leaf, came off the list; pre_get refilled it */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX);
	assert_int_equal(sim_idr_layers_live(), 1 + IDR_FREE_MAX);
	assert_int_equal(test_idr.top->count, 5);
	assert_int_equal(test_idr.top->bitmap, 0x1f);
	for (i = 0; i <= 4; i++)
		assert_ptr_equal(idr_find(&test_idr, i), &objs[i]);
}

static void test_idr_get_new__reuses_the_lowest_removed_id(void **state)
{
	(void)state;
	fill(&test_idr, 0, 4);
	idr_remove(&test_idr, 1);
	assert_null(idr_find(&test_idr, 1));
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[1]), 1);

	idr_remove(&test_idr, 3);
	idr_remove(&test_idr, 0);
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[0]), 0);
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[3]), 3);
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[5]), 5);
}

static void test_idr_get_new_above__starts_at_starting_id(void **state)
{
	(void)state;
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[5], 5), 5);
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[6], 5), 6);
	/* the ids below were skipped, not taken */
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[0]), 0);
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[1], 0), 1);
	assert_null(idr_find(&test_idr, 2));
	assert_ptr_equal(idr_find(&test_idr, 5), &objs[5]);
	assert_ptr_equal(idr_find(&test_idr, 6), &objs[6]);
}

static void test_idr_get_new_above__skips_taken_ids(void **state)
{
	(void)state;
	fill(&test_idr, 0, 9);
	idr_remove(&test_idr, 3);
	idr_remove(&test_idr, 7);
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[7], 4), 7);
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[3]), 3);
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[10], 4),
			 10);
}

/* On an empty tree the one node is raised instead of stacked upon. */
static void test_idr_get_new_above__empty_tree_raises_its_top(void **state)
{
	(void)state;
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[32], 32),
			 32);
	assert_int_equal(test_idr.layers, 2);
	assert_int_equal(test_idr.top->layer, 1);
	assert_int_equal(test_idr.top->count, 1);
	assert_null(test_idr.top->ary[0]);
	assert_int_equal(test_idr.top->ary[1]->layer, 0);
	/* top and one leaf came off the list */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 2);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX);
	assert_ptr_equal(idr_find(&test_idr, 32), &objs[32]);
	assert_null(idr_find(&test_idr, 0));
}

static void test_idr_get_new__grows_a_layer_at_32_and_1024(void **state)
{
	struct idr_layer *leaf0, *mid0;
	int i;

	(void)state;
	fill(&test_idr, 0, 31);
	assert_int_equal(test_idr.layers, 1);
	assert_int_equal(test_idr.top->bitmap, IDR_FULL);
	assert_int_equal(sim_idr_layers_live(), 1 + IDR_FREE_MAX);
	leaf0 = test_idr.top;

	fill(&test_idr, 32, 32);
	assert_int_equal(test_idr.layers, 2);
	/* the old top hangs in slot 0 of the new one, marked full there */
	assert_ptr_equal(test_idr.top->ary[0], leaf0);
	assert_int_equal(test_idr.top->bitmap, 0x1);
	assert_int_equal(test_idr.top->layer, 1);
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 2);
	assert_int_equal(sim_idr_layers_live(), 3 + IDR_FREE_MAX - 2);
	mid0 = test_idr.top;

	fill(&test_idr, 33, 1023);
	assert_int_equal(test_idr.layers, 2);
	assert_int_equal(test_idr.top->bitmap, IDR_FULL);
	assert_int_equal(sim_idr_layers_live(), 1 + 32 + IDR_FREE_MAX);

	fill(&test_idr, 1024, 1024);
	assert_int_equal(test_idr.layers, 3);
	assert_int_equal(test_idr.top->layer, 2);
	assert_ptr_equal(test_idr.top->ary[0], mid0);
	assert_ptr_equal(mid0->ary[0], leaf0);
	/* a new top, a middle layer and a leaf for 1024 */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 3);
	assert_int_equal(sim_idr_layers_live(),
			 1 + 2 + 33 + IDR_FREE_MAX - 3);

	for (i = 0; i <= 1024; i++)
		assert_ptr_equal(idr_find(&test_idr, i), &objs[i]);
	assert_null(idr_find(&test_idr, 1025));
	assert_null(idr_find(&test_idr, 32768));	/* beyond 3 layers */
}

/* 14 spares: the leaf 0..31, then a top, then one leaf per 32 ids. */
static void test_idr_pre_get__one_fill_feeds_416_ids(void **state)
{
	int id = -1, n = 0, rc;

	(void)state;
	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 1);
	while ((rc = idr_get_new(&test_idr, &objs[n], &id)) == 0) {
		assert_int_equal(id, n);
		n++;
	}
	assert_errno(rc, -EAGAIN);
	assert_int_equal(n, 13 * 32);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX);
	assert_null(idr_find(&test_idr, 416));

	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[416]), 416);
}

/* ipc/util.c's whole range: a 32 * 32 * 32 tree, emptied in id order */
static void test_idr_get_new__ipcmni_ids_fill_three_layers(void **state)
{
	int i;

	(void)state;
	fill(&test_idr, 0, IPCMNI - 1);
	assert_int_equal(test_idr.layers, 3);
	assert_int_equal(test_idr.top->bitmap, IDR_FULL);
	assert_int_equal(test_idr.top->count, 32);
	assert_int_equal(sim_idr_layers_live(),
			 1 + 32 + 1024 + IDR_FREE_MAX);
	for (i = 0; i < IPCMNI; i++)
		assert_ptr_equal(idr_find(&test_idr, i), &objs[i]);
	assert_null(idr_find(&test_idr, IPCMNI));

	for (i = 0; i < IPCMNI; i++)
		idr_remove(&test_idr, i);
	assert_null(test_idr.top);
	assert_int_equal(test_idr.layers, 0);
	/* the first idr_remove trimmed the spares below IDR_FREE_MAX */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 1);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX - 1);
	for (i = 0; i < IPCMNI; i += 97)
		assert_null(idr_find(&test_idr, i));

	idr_destroy(&test_idr);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_int_equal(sim_idr_layers_live(), 0);
}

/* Removing from the top down: the tree loses its top at 1024, then 32. */
static void test_idr_remove__descending_shrinks_the_tree(void **state)
{
	struct idr_layer *leaf0, *mid0;
	int i;

	(void)state;
	fill(&test_idr, 0, 2047);
	leaf0 = test_idr.top->ary[0]->ary[0];
	mid0 = test_idr.top->ary[0];
	assert_int_equal(sim_idr_layers_live(), 1 + 2 + 64 + IDR_FREE_MAX);

	for (i = 2047; i >= 1024; i--)
		idr_remove(&test_idr, i);
	assert_int_equal(test_idr.layers, 2);
	assert_ptr_equal(test_idr.top, mid0);
	assert_int_equal(sim_idr_layers_live(), 1 + 32 + IDR_FREE_MAX - 1);

	for (i = 1023; i >= 32; i--)
		idr_remove(&test_idr, i);
	assert_int_equal(test_idr.layers, 1);
	assert_ptr_equal(test_idr.top, leaf0);
	assert_int_equal(sim_idr_layers_live(), 1 + IDR_FREE_MAX - 1);
	for (i = 0; i < 32; i++)
		assert_ptr_equal(idr_find(&test_idr, i), &objs[i]);

	for (i = 31; i >= 0; i--)
		idr_remove(&test_idr, i);
	assert_null(test_idr.top);
	assert_int_equal(test_idr.layers, 0);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX - 1);
}

/* 2.6.32 drops at most one layer per idr_remove, even a failed one. */
static void test_idr_remove__drops_one_layer_per_call(void **state)
{
	struct idr_layer *leaf0;

	(void)state;
	fill(&test_idr, 0, 0);
	leaf0 = test_idr.top;
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[1024],
						   1024), 1024);
	assert_int_equal(test_idr.layers, 3);
	/* two tops stacked on leaf 0, a middle layer and a leaf for 1024 */
	assert_int_equal(sim_idr_layers_live(), 5 + IDR_FREE_MAX - 4);

	idr_remove(&test_idr, 1024);
	/* top, middle and leaf of 1024 are gone; one more could go */
	assert_int_equal(test_idr.layers, 2);
	assert_int_equal(test_idr.top->count, 1);
	assert_ptr_equal(test_idr.top->ary[0], leaf0);
	assert_int_equal(sim_idr_layers_live(), 2 + IDR_FREE_MAX - 4);

	idr_remove(&test_idr, 1);	/* never taken: only the shrink runs */
	assert_int_equal(test_idr.layers, 1);
	assert_ptr_equal(test_idr.top, leaf0);
	assert_ptr_equal(idr_find(&test_idr, 0), &objs[0]);
	assert_int_equal(sim_idr_layers_live(), 1 + IDR_FREE_MAX - 4);
}

static void test_idr_remove__missing_id_leaves_tree_unchanged(void **state)
{
	struct idr_layer *top, *leaf1;
	unsigned long top_bitmap, leaf1_bitmap;
	int i;

	(void)state;
	fill(&test_idr, 0, 40);
	top = test_idr.top;
	leaf1 = top->ary[1];
	top_bitmap = top->bitmap;
	leaf1_bitmap = leaf1->bitmap;
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX);

	idr_remove(&test_idr, 50);	/* in leaf 1, never taken */
	idr_remove(&test_idr, 1000);	/* under a slot with no leaf */
	assert_ptr_equal(test_idr.top, top);
	assert_int_equal(test_idr.layers, 2);
	assert_int_equal(top->count, 2);
	assert_int_equal(top->bitmap, top_bitmap);
	assert_int_equal(leaf1->count, 9);
	assert_int_equal(leaf1->bitmap, leaf1_bitmap);
	for (i = 0; i <= 40; i++)
		assert_ptr_equal(idr_find(&test_idr, i), &objs[i]);
	/* but every idr_remove trims the spares below IDR_FREE_MAX */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 1);
	assert_int_equal(sim_idr_layers_live(), 3 + IDR_FREE_MAX - 1);

	idr_destroy(&test_idr);
	idr_remove(&test_idr, 0);
	idr_remove(&test_idr, 0);	/* already free */
	assert_null(idr_find(&test_idr, 0));
	assert_ptr_equal(idr_find(&test_idr, 1), &objs[1]);
	assert_int_equal(sim_idr_layers_live(), 3);
}

/* 2.6.32 reads only as many bits as the tree is high: 32 is 0 in a leaf */
static void test_idr_remove__id_beyond_the_tree_removes_its_alias(void **s)
{
	(void)s;
	fill(&test_idr, 0, 1);
	idr_remove(&test_idr, 32);
	assert_null(idr_find(&test_idr, 0));
	assert_ptr_equal(idr_find(&test_idr, 1), &objs[1]);
	assert_int_equal(pre_get_and_get_new(&test_idr, &objs[0]), 0);
}

static void test_idr_find__removed_or_unused_id_is_null(void **state)
{
	(void)state;
	assert_null(idr_find(&test_idr, 0));	/* empty idr */
	fill(&test_idr, 0, 40);
	idr_remove(&test_idr, 7);
	assert_null(idr_find(&test_idr, 7));
	assert_null(idr_find(&test_idr, 41));	/* leaf there, slot free */
	assert_null(idr_find(&test_idr, 100));	/* no leaf there */
	assert_null(idr_find(&test_idr, 1024));	/* beyond the tree */
	assert_null(idr_find(&test_idr, 1 << 20));
	assert_null(idr_find(&test_idr, -1));	/* masked: 0x7fffffff */
	assert_ptr_equal(idr_find(&test_idr, 8), &objs[8]);
}

static void test_idr_replace__swaps_the_pointer_returns_old(void **state)
{
	int other;
	void *old;

	(void)state;
	old = idr_replace(&test_idr, &other, 0);
	assert_errno(PTR_ERR(old), -EINVAL);	/* empty idr */

	fill(&test_idr, 0, 40);
	old = idr_replace(&test_idr, &other, 5);
	assert_ptr_equal(old, &objs[5]);
	assert_ptr_equal(idr_find(&test_idr, 5), &other);

	old = idr_replace(&test_idr, &other, 41);
	assert_true(IS_ERR(old));
	assert_errno(PTR_ERR(old), -ENOENT);
	old = idr_replace(&test_idr, &other, 100);	/* no leaf */
	assert_errno(PTR_ERR(old), -ENOENT);
	old = idr_replace(&test_idr, &other, 1024);	/* beyond the tree */
	assert_errno(PTR_ERR(old), -EINVAL);
	assert_null(idr_find(&test_idr, 41));
	assert_int_equal(sim_idr_layers_live(), 3 + IDR_FREE_MAX);
}

static void test_idr_pre_get__allocation_failure_returns_0(void **state)
{
	int id = -1;

	(void)state;
	assert_errno(sim_fail_inject("kmem_cache_alloc", 0, 0, -1), 0);
	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 0);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_int_equal(sim_idr_layers_live(), 0);
	assert_errno(idr_get_new(&test_idr, &objs[0], &id), -EAGAIN);
	sim_fail_reset();

	/* the layers it did get stay on the list, and can be used */
	assert_errno(sim_fail_inject("kmem_cache_alloc", 0, 5, 1), 0);
	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 0);
	sim_fail_reset();
	assert_int_equal(test_idr.id_free_cnt, 5);
	assert_int_equal(sim_idr_layers_live(), 5);
	assert_errno(idr_get_new(&test_idr, &objs[0], &id), 0);
	assert_int_equal(id, 0);
	assert_int_equal(test_idr.id_free_cnt, 4);

	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 1);
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX);
	assert_int_equal(sim_idr_layers_live(), 1 + IDR_FREE_MAX);
}

/* Growing by two layers with one spare: the one goes back on the list. */
static void test_idr_get_new_above__failed_growth_gives_back(void **state)
{
	struct idr_layer *leaf0;
	int id = -1;

	(void)state;
	assert_errno(sim_fail_inject("kmem_cache_alloc", 0, 2, 1), 0);
	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 0);
	sim_fail_reset();
	assert_errno(idr_get_new(&test_idr, &objs[0], &id), 0);
	leaf0 = test_idr.top;
	assert_int_equal(test_idr.id_free_cnt, 1);

	assert_errno(idr_get_new_above(&test_idr, &objs[1024], 1024, &id),
		     -EAGAIN);
	assert_int_equal(id, 0);
	assert_ptr_equal(test_idr.top, leaf0);
	assert_int_equal(test_idr.layers, 1);
	assert_int_equal(test_idr.id_free_cnt, 1);
	assert_int_equal(test_idr.id_free->count, 0);
	assert_null(test_idr.id_free->ary[0]);
	assert_int_equal(sim_idr_layers_live(), 2);

	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[1024],
						   1024), 1024);
	assert_int_equal(test_idr.layers, 3);
	assert_ptr_equal(idr_find(&test_idr, 0), &objs[0]);
}

/*
 * 2.6.32 stops at 6 layers (30 bits): MAX_ID_MASK is taken in the slot of
 * 0x3fffffff, idr_find() calls it beyond the tree, and the next id would
 * pass MAX_ID_MASK: -ENOSPC.
 */
static void test_idr_get_new_above__max_id_then_enospc(void **state)
{
	int id = -1;

	(void)state;
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[0],
						   MAX_ID_MASK), MAX_ID_MASK);
	assert_int_equal(test_idr.layers, MAX_LEVEL - 1);
	assert_int_equal(test_idr.top->layer, MAX_LEVEL - 2);
	/* an empty tree: its top was raised, 5 layers hung below it */
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 6);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX);
	assert_null(idr_find(&test_idr, MAX_ID_MASK));
	assert_ptr_equal(idr_find(&test_idr, MAX_ID_MASK >> 1), &objs[0]);

	assert_int_equal(idr_pre_get(&test_idr, GFP_KERNEL), 1);
	assert_errno(idr_get_new_above(&test_idr, &objs[1], MAX_ID_MASK, &id),
		     -ENOSPC);
	assert_int_equal(id, -1);

	idr_remove(&test_idr, MAX_ID_MASK);
	assert_null(test_idr.top);
	assert_int_equal(test_idr.layers, 0);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX - 1);
}

static void test_idr_remove_all__frees_the_tree_not_the_spares(void **s)
{
	(void)s;
	fill(&test_idr, 0, 2047);	/* three layers */
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[5000],
						   5000), 5000);
	assert_int_equal(sim_idr_layers_live(),
			 1 + 3 + 65 + IDR_FREE_MAX - 2);

	idr_remove_all(&test_idr);
	assert_null(test_idr.top);
	assert_int_equal(test_idr.layers, 0);
	assert_null(idr_find(&test_idr, 0));
	assert_int_equal(test_idr.id_free_cnt, IDR_FREE_MAX - 2);
	assert_int_equal(sim_idr_layers_live(), IDR_FREE_MAX - 2);

	idr_destroy(&test_idr);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_null(test_idr.id_free);
	assert_int_equal(sim_idr_layers_live(), 0);
}

static void test_idr_destroy__frees_only_the_spares(void **state)
{
	(void)state;
	fill(&test_idr, 0, 40);
	idr_destroy(&test_idr);
	assert_int_equal(test_idr.id_free_cnt, 0);
	assert_int_equal(sim_idr_layers_live(), 3);
	assert_ptr_equal(idr_find(&test_idr, 40), &objs[40]);
	assert_int_equal(test_idr.layers, 2);
}

struct walk {
	int ids[64];
	int n;
	int stop_at;		/* id whose callback returns 99, or -1 */
};

static int record(int id, void *p, void *data)
{
	struct walk *w = data;

	assert_ptr_equal(p, &objs[id]);
	assert_true(w->n < 64);
	w->ids[w->n++] = id;
	return id == w->stop_at ? 99 : 0;
}

static void test_idr_for_each__visits_ids_in_order(void **state)
{
	struct walk w = { .n = 0, .stop_at = -1 };

	(void)state;
	assert_int_equal(idr_for_each(&test_idr, record, &w), 0);
	assert_int_equal(w.n, 0);

	fill(&test_idr, 0, 40);
	assert_int_equal(pre_get_and_get_new_above(&test_idr, &objs[1030],
						   1030), 1030);
	idr_remove(&test_idr, 5);
	assert_int_equal(idr_for_each(&test_idr, record, &w), 0);
	assert_int_equal(w.n, 41);
	assert_int_equal(w.ids[4], 4);
	assert_int_equal(w.ids[5], 6);
	assert_int_equal(w.ids[39], 40);
	assert_int_equal(w.ids[40], 1030);

	memset(&w, 0, sizeof(w));
	w.stop_at = 20;
	assert_int_equal(idr_for_each(&test_idr, record, &w), 99);
	assert_int_equal(w.n, 20);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_idr_init__empty_idr_holds_nothing),
		T(test_idr_pre_get__fills_free_list_to_idr_free_max),
		T(test_idr_get_new__without_pre_get_fails_eagain),
		T(test_idr_get_new__ids_come_out_lowest_first),
		T(test_idr_get_new__reuses_the_lowest_removed_id),
		T(test_idr_get_new_above__starts_at_starting_id),
		T(test_idr_get_new_above__skips_taken_ids),
		T(test_idr_get_new_above__empty_tree_raises_its_top),
		T(test_idr_get_new__grows_a_layer_at_32_and_1024),
		T(test_idr_pre_get__one_fill_feeds_416_ids),
		T(test_idr_get_new__ipcmni_ids_fill_three_layers),
		T(test_idr_remove__descending_shrinks_the_tree),
		T(test_idr_remove__drops_one_layer_per_call),
		T(test_idr_remove__missing_id_leaves_tree_unchanged),
		T(test_idr_remove__id_beyond_the_tree_removes_its_alias),
		T(test_idr_find__removed_or_unused_id_is_null),
		T(test_idr_replace__swaps_the_pointer_returns_old),
		T(test_idr_pre_get__allocation_failure_returns_0),
		T(test_idr_get_new_above__failed_growth_gives_back),
		T(test_idr_get_new_above__max_id_then_enospc),
		T(test_idr_remove_all__frees_the_tree_not_the_spares),
		T(test_idr_destroy__frees_only_the_spares),
		T(test_idr_for_each__visits_ids_in_order),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "2.6/lib/idr");
}
