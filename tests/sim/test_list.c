// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_list.c - tests of sim/include/linux/list.h.
 * The 2.4 list is what the simulator's object graph hangs on (super_blocks,
 *   d_subdirs, shmem_inodes, ...), so its order and unlinking are pinned
 *   down exactly here: list_add stacks, list_add_tail queues, list_del
 *   poisons, list_del_init leaves an empty list, list_for_each_safe survives
 *   deleting the current entry, list_entry finds the container.
 */
#include "sim_test.h"

#include "linux/list.h"

/* The link is deliberately not the first member: list_entry must subtract. */
struct item {
	int val;
	char pad[12];
	struct list_head link;
};

#define NITEMS	10

static struct item items[NITEMS];

static void items_init(void)
{
	int i;

	for (i = 0; i < NITEMS; i++) {
		items[i].val = i;
		items[i].link.next = NULL;
		items[i].link.prev = NULL;
	}
}

/*
 * Walks head both ways and checks the values met against want[0..n-1]; the
 * backward walk catches a prev pointer that the forward walk cannot see.
 */
static void assert_list_is(struct list_head *head, const int *want, int n)
{
	struct list_head *pos;
	int i = 0;

	list_for_each(pos, head) {
		assert_true(i < n);
		assert_int_equal(list_entry(pos, struct item, link)->val,
				 want[i]);
		assert_ptr_equal(pos->next->prev, pos);
		i++;
	}
	assert_int_equal(i, n);

	for (pos = head->prev; pos != head; pos = pos->prev) {
		i--;
		assert_true(i >= 0);
		assert_int_equal(list_entry(pos, struct item, link)->val,
				 want[i]);
	}
	assert_int_equal(i, 0);
}

static void test_list_empty__fresh_head_is_empty(void **state)
{
	LIST_HEAD(head);
	struct list_head other;

	(void)state;
	assert_ptr_equal(head.next, &head);
	assert_ptr_equal(head.prev, &head);
	assert_true(list_empty(&head));

	INIT_LIST_HEAD(&other);
	assert_ptr_equal(other.next, &other);
	assert_ptr_equal(other.prev, &other);
	assert_true(list_empty(&other));
}

static void test_list_add__single_entry_links_both_ways(void **state)
{
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add(&items[0].link, &head);

	assert_false(list_empty(&head));
	assert_ptr_equal(head.next, &items[0].link);
	assert_ptr_equal(head.prev, &items[0].link);
	assert_ptr_equal(items[0].link.next, &head);
	assert_ptr_equal(items[0].link.prev, &head);
}

static void test_list_add__inserts_at_head_lifo(void **state)
{
	static const int want[] = { 3, 2, 1 };
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add(&items[1].link, &head);
	list_add(&items[2].link, &head);
	list_add(&items[3].link, &head);

	assert_ptr_equal(head.next, &items[3].link);
	assert_ptr_equal(head.prev, &items[1].link);
	assert_list_is(&head, want, 3);
}

static void test_list_add_tail__appends_fifo(void **state)
{
	static const int want[] = { 1, 2, 3 };
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add_tail(&items[1].link, &head);
	list_add_tail(&items[2].link, &head);
	list_add_tail(&items[3].link, &head);

	assert_ptr_equal(head.next, &items[1].link);
	assert_ptr_equal(head.prev, &items[3].link);
	assert_list_is(&head, want, 3);
}

static void test_list_add__mixed_with_add_tail(void **state)
{
	static const int want[] = { 4, 2, 1, 3, 5 };
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add(&items[1].link, &head);
	list_add(&items[2].link, &head);
	list_add_tail(&items[3].link, &head);
	list_add(&items[4].link, &head);
	list_add_tail(&items[5].link, &head);

	assert_list_is(&head, want, 5);
}

static void test_list_del__middle_entry_unlinks_and_poisons(void **state)
{
	static const int want[] = { 1, 3 };
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add_tail(&items[1].link, &head);
	list_add_tail(&items[2].link, &head);
	list_add_tail(&items[3].link, &head);

	list_del(&items[2].link);

	assert_list_is(&head, want, 2);
	assert_ptr_equal(items[1].link.next, &items[3].link);
	assert_ptr_equal(items[3].link.prev, &items[1].link);
	/* sim: poisoned, so a use after list_del faults instead of walking */
	assert_null(items[2].link.next);
	assert_null(items[2].link.prev);
}

static void test_list_del__last_entry_leaves_head_empty(void **state)
{
	LIST_HEAD(head);

	(void)state;
	items_init();
	list_add(&items[0].link, &head);
	list_del(&items[0].link);

	assert_true(list_empty(&head));
	assert_ptr_equal(head.next, &head);
	assert_ptr_equal(head.prev, &head);
}

static void test_list_del_init__entry_becomes_empty_and_reusable(void **state)
{
	static const int want_a[] = { 1, 3 };
	static const int want_b[] = { 2 };
	LIST_HEAD(a);
	LIST_HEAD(b);

	(void)state;
	items_init();
	list_add_tail(&items[1].link, &a);
	list_add_tail(&items[2].link, &a);
	list_add_tail(&items[3].link, &a);

	list_del_init(&items[2].link);

	assert_list_is(&a, want_a, 2);
	assert_ptr_equal(items[2].link.next, &items[2].link);
	assert_ptr_equal(items[2].link.prev, &items[2].link);
	assert_true(list_empty(&items[2].link));

	/* Moving an object between lists is del_init then add (d_move). */
	list_add(&items[2].link, &b);
	assert_list_is(&b, want_b, 1);
	assert_list_is(&a, want_a, 2);
}

static void test_list_for_each__empty_list_visits_nothing(void **state)
{
	LIST_HEAD(head);
	struct list_head *pos;
	int visits = 0;

	(void)state;
	list_for_each(pos, &head)
		visits++;
	assert_int_equal(visits, 0);
}

static void test_list_for_each_safe__delete_odd_while_walking(void **state)
{
	static const int want[] = { 0, 2, 4, 6, 8 };
	LIST_HEAD(head);
	struct list_head *pos, *n;
	int i, visits = 0;

	(void)state;
	items_init();
	for (i = 0; i < NITEMS; i++)
		list_add_tail(&items[i].link, &head);

	/* list_del poisons pos, so a plain list_for_each would crash here. */
	list_for_each_safe(pos, n, &head) {
		struct item *it = list_entry(pos, struct item, link);

		assert_int_equal(it->val, visits);
		visits++;
		if (it->val % 2)
			list_del(pos);
	}

	assert_int_equal(visits, NITEMS);
	assert_list_is(&head, want, 5);
}

static void test_list_for_each_safe__delete_all_leaves_empty(void **state)
{
	LIST_HEAD(head);
	struct list_head *pos, *n;
	int i, visits = 0;

	(void)state;
	items_init();
	for (i = 0; i < NITEMS; i++)
		list_add(&items[i].link, &head);

	list_for_each_safe(pos, n, &head) {
		assert_int_equal(list_entry(pos, struct item, link)->val,
				 NITEMS - 1 - visits);
		list_del_init(pos);
		visits++;
	}

	assert_int_equal(visits, NITEMS);
	assert_true(list_empty(&head));
	for (i = 0; i < NITEMS; i++)
		assert_true(list_empty(&items[i].link));
}

static void test_list_entry__recovers_container_from_member(void **state)
{
	struct item it = { .val = 42 };
	struct list_head *link = &it.link;

	(void)state;
	assert_int_not_equal(offsetof(struct item, link), 0);
	assert_ptr_equal(list_entry(link, struct item, link), &it);
	assert_int_equal(list_entry(link, struct item, link)->val, 42);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_empty__fresh_head_is_empty),
		cmocka_unit_test(test_list_add__single_entry_links_both_ways),
		cmocka_unit_test(test_list_add__inserts_at_head_lifo),
		cmocka_unit_test(test_list_add_tail__appends_fifo),
		cmocka_unit_test(test_list_add__mixed_with_add_tail),
		cmocka_unit_test(
			test_list_del__middle_entry_unlinks_and_poisons),
		cmocka_unit_test(test_list_del__last_entry_leaves_head_empty),
		cmocka_unit_test(
			test_list_del_init__entry_becomes_empty_and_reusable),
		cmocka_unit_test(test_list_for_each__empty_list_visits_nothing),
		cmocka_unit_test(
			test_list_for_each_safe__delete_odd_while_walking),
		cmocka_unit_test(
			test_list_for_each_safe__delete_all_leaves_empty),
		cmocka_unit_test(
			test_list_entry__recovers_container_from_member),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "sim/list");
}
