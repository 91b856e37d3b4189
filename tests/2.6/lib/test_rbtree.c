// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/lib/test_rbtree.c - tests of sim/2.6/lib/rbtree.c: after every
 * insert and erase the tree is ordered, the root is black, no red node
 * has a red child, every leaf path has as many black nodes, and each
 * child's parent pointer (in rb_parent_color) is right; rb_first/rb_next
 * and rb_last/rb_prev walk it in order; rb_replace_node swaps in place.
 */
#include "sim_test.h"

#include "linux/kernel.h"
#include "linux/rbtree.h"

struct item {
	struct rb_node node;
	unsigned long key;
};

#define N	200
static struct item items[N];

static void insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < rb_entry(parent, struct item, node)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
}

/* the black height of n's subtree; fails the test on a broken rule */
static int check(const struct rb_node *n, const struct rb_node *parent)
{
	int l, r;

	if (!n)
		return 1;
	assert_ptr_equal(rb_parent(n), parent);
	if (rb_is_red(n)) {
		assert_true(!n->rb_left || rb_is_black(n->rb_left));
		assert_true(!n->rb_right || rb_is_black(n->rb_right));
	}
	l = check(n->rb_left, n);
	r = check(n->rb_right, n);
	assert_int_equal(l, r);
	return l + rb_is_black(n);
}

static int count_in_order(const struct rb_root *root)
{
	const struct rb_node *n;
	unsigned long last = 0;
	int count = 0;

	for (n = rb_first(root); n; n = rb_next(n)) {
		unsigned long key = rb_entry(n, struct item, node)->key;

		assert_true(count == 0 || key >= last);
		last = key;
		count++;
	}
	return count;
}

static void check_tree(const struct rb_root *root)
{
	if (root->rb_node)
		assert_true(rb_is_black(root->rb_node));
	check(root->rb_node, NULL);
}

static void test_rb_insert_color__keeps_the_rules(void **state)
{
	struct rb_root root = RB_ROOT;
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		items[i].key = (unsigned long)((i * 37) % N);
		insert(&root, &items[i]);
		check_tree(&root);
	}
	assert_int_equal(count_in_order(&root), N);
	assert_int_equal(rb_entry(rb_first(&root), struct item, node)->key, 0);
	assert_int_equal(rb_entry(rb_last(&root), struct item, node)->key,
			 N - 1);
}

static void test_rb_erase__keeps_the_rules(void **state)
{
	struct rb_root root = RB_ROOT;
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		items[i].key = (unsigned long)i;	/* rotations */
		insert(&root, &items[i]);
	}
	for (i = 0; i < N; i += 3) {
		rb_erase(&items[(i * 7) % N].node, &root);
		check_tree(&root);
	}
	assert_int_equal(count_in_order(&root), N - (N + 2) / 3);
	while (root.rb_node) {
		rb_erase(root.rb_node, &root);
		check_tree(&root);
	}
	assert_null(rb_first(&root));
}

static void test_rb_prev__walks_backwards(void **state)
{
	struct rb_root root = RB_ROOT;
	const struct rb_node *n;
	unsigned long expect = 9;
	int i;

	(void)state;
	for (i = 0; i < 10; i++) {
		items[i].key = (unsigned long)(9 - i);
		insert(&root, &items[i]);
	}
	for (n = rb_last(&root); n; n = rb_prev(n))
		assert_int_equal(rb_entry(n, struct item, node)->key,
				 expect--);
	assert_int_equal(expect, (unsigned long)-1);
}

static void test_rb_replace_node__takes_the_place(void **state)
{
	struct rb_root root = RB_ROOT;
	struct item spare = { .key = 5 };
	int i;

	(void)state;
	for (i = 0; i < 10; i++) {
		items[i].key = (unsigned long)i;
		insert(&root, &items[i]);
	}
	rb_replace_node(&items[5].node, &spare.node, &root);
	check_tree(&root);
	assert_ptr_equal(rb_next(&items[4].node), &spare.node);
	assert_ptr_equal(rb_next(&spare.node), &items[6].node);
	assert_int_equal(count_in_order(&root), 10);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rb_insert_color__keeps_the_rules),
		cmocka_unit_test(test_rb_erase__keeps_the_rules),
		cmocka_unit_test(test_rb_prev__walks_backwards),
		cmocka_unit_test(test_rb_replace_node__takes_the_place),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/lib/rbtree");
}
