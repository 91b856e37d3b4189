// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_slab.c - tests of sim/slab.c and the kind#N header
 * (sim/include/sim/objid.h, sim/lib/objid.c).
 * An object's number is given once, by the allocator, and nothing the
 * kernel does to the structure (memset, struct copies) can change it:
 * that is what lets the trace say "vma#3" for the same vma from its
 * kmem_cache_alloc to its kmem_cache_free.
 */
#include <string.h>

#include "sim_test.h"

#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/objid.h"

struct thing {
	unsigned long a, b;
	char name[24];
};

static void test_kmem_cache_alloc__numbers_from_1_per_cache(void **state)
{
	kmem_cache_t *c1 = kmem_cache_create("thing", sizeof(struct thing));
	kmem_cache_t *c2 = kmem_cache_create("other", sizeof(struct thing));
	struct thing *a = kmem_cache_alloc(c1, GFP_KERNEL);
	struct thing *b = kmem_cache_alloc(c1, GFP_KERNEL);
	struct thing *x = kmem_cache_alloc(c2, GFP_KERNEL);

	(void)state;
	assert_int_equal(sim_id(a), 1);
	assert_int_equal(sim_id(b), 2);
	assert_int_equal(sim_id(x), 1);
	assert_int_equal(c1->active_objs, 2);
	assert_int_equal(c1->sim_last_id, 2);
	/* zeroed, and aligned as malloc's memory is */
	assert_int_equal(a->a | a->b, 0);
	assert_int_equal((unsigned long)a % _Alignof(max_align_t), 0);
	kmem_cache_free(c1, a);
	kmem_cache_free(c1, b);
	kmem_cache_free(c2, x);
	assert_int_equal(c1->active_objs, 0);
	kmem_cache_destroy(c1);
	kmem_cache_destroy(c2);
}

static void test_sim_id__survives_memset_and_struct_copy(void **state)
{
	kmem_cache_t *c = kmem_cache_create("thing", sizeof(struct thing));
	struct thing *a = kmem_cache_alloc(c, GFP_KERNEL);
	struct thing *b = kmem_cache_alloc(c, GFP_KERNEL);

	(void)state;
	strcpy(a->name, "first");
	a->a = 7;
	memset(a, 0, sizeof(*a));	/* mm_alloc, get_empty_filp */
	assert_int_equal(sim_id(a), 1);
	a->a = 9;
	*b = *a;			/* dup_mmap, split_vma */
	assert_int_equal(b->a, 9);
	assert_int_equal(sim_id(a), 1);
	assert_int_equal(sim_id(b), 2);
	memcpy(a, b, sizeof(*a));	/* dup_mm's copy of the mm */
	assert_int_equal(sim_id(a), 1);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
}

static void test_kmem_cache_free__numbers_are_never_reused(void **state)
{
	kmem_cache_t *c = kmem_cache_create("thing", sizeof(struct thing));
	struct thing *a = kmem_cache_alloc(c, GFP_KERNEL);

	(void)state;
	kmem_cache_free(c, a);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	assert_int_equal(sim_id(a), 2);
	assert_int_equal(c->active_objs, 1);
	kmem_cache_free(c, a);
	kmem_cache_destroy(c);
}

static void test_kmem_cache_alloc__failure_takes_no_number(void **state)
{
	kmem_cache_t *c = kmem_cache_create("thing", sizeof(struct thing));
	struct thing *a;

	(void)state;
	assert_int_equal(sim_fail_inject("kmem_cache_alloc", 0, 0, 1), 0);
	assert_null(kmem_cache_alloc(c, GFP_KERNEL));
	assert_int_equal(c->active_objs, 0);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	assert_non_null(a);
	assert_int_equal(sim_id(a), 1);
	kmem_cache_free(c, a);
	kmem_cache_destroy(c);
	sim_fail_reset();
}

static void test_kmalloc__no_number_until_one_is_given(void **state)
{
	unsigned long live = sim_kmalloc_live;
	struct thing *s = kmalloc(sizeof(*s), GFP_KERNEL);

	(void)state;
	assert_int_equal(sim_kmalloc_live, live + 1);
	assert_int_equal(sim_id(s), 0);
	sim_obj_number(s, 5);		/* alloc_super's super_block#5 */
	memset(s, 0, sizeof(*s));
	assert_int_equal(sim_id(s), 5);
	kfree(s);
	assert_int_equal(sim_kmalloc_live, live);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_kmem_cache_alloc__numbers_from_1_per_cache),
		cmocka_unit_test(
			test_sim_id__survives_memset_and_struct_copy),
		cmocka_unit_test(
			test_kmem_cache_free__numbers_are_never_reused),
		cmocka_unit_test(
			test_kmem_cache_alloc__failure_takes_no_number),
		cmocka_unit_test(
			test_kmalloc__no_number_until_one_is_given),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "sim/slab");
}
