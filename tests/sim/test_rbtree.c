// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_rbtree.c - tests of sim/rbtree.c (lib/rbtree.c, 2.4.16).
 * Small trees are checked shape by shape, written as strings such as
 *   "2B(1R,3R)" (key, colour, then left and right subtrees, "-" for none).
 *   Long random runs are checked after every step against an oracle, the
 *   BSD tree behind rbtree_oracle.h, and against rb_check(). rb_check() is
 *   itself tested on trees broken by hand.
 * Nodes are inserted the way mm/mmap.c links a vma: walk down from the root
 *   to the empty slot, then rb_link_node() and rb_insert_color().
 */
#include "sim_test.h"

#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/rbtree.h"
#include "rbtree_oracle.h"

/* Stands in for a vma: the key is vm_start, rb is vm_rb. */
struct item {
	unsigned long key;
	rb_node_t rb;
};

#define MAXKEYS	4096

static struct item items[MAXKEYS];
static unsigned long kernel_keys[MAXKEYS], oracle_keys[MAXKEYS];

/* Like find_vma_prepare() + __vma_link_rb() (mm/mmap.c); keys are unique. */
static void item_insert(rb_root_t *root, struct item *it)
{
	rb_node_t **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct item *cur;

		parent = *link;
		cur = rb_entry(parent, struct item, rb);
		if (it->key < cur->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	rb_insert_color(&it->rb, root);
}

static struct item *item_find(rb_root_t *root, unsigned long key)
{
	rb_node_t *node = root->rb_node;

	while (node) {
		struct item *cur = rb_entry(node, struct item, rb);

		if (key < cur->key)
			node = node->rb_left;
		else if (key > cur->key)
			node = node->rb_right;
		else
			return cur;
	}
	return NULL;
}

static void insert_keys(rb_root_t *root, const unsigned long *keys, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		items[i].key = keys[i];
		item_insert(root, &items[i]);
	}
}

/*
 * Our own in-order walk: stores up to max keys, counts all nodes in *n and
 * returns the height (nodes on the longest root-to-leaf path).
 */
static int walk_inorder(rb_node_t *node, unsigned long *keys, size_t max,
			size_t *n)
{
	int lh, rh;

	if (!node)
		return 0;
	assert_true(node->rb_color == RB_RED || node->rb_color == RB_BLACK);
	lh = walk_inorder(node->rb_left, keys, max, n);
	if (*n < max)
		keys[*n] = rb_entry(node, struct item, rb)->key;
	(*n)++;
	rh = walk_inorder(node->rb_right, keys, max, n);
	return 1 + (lh > rh ? lh : rh);
}

/* "4B(2R,6R(-,7B))": pre-order, children in parentheses only if any. */
static void shape_node(rb_node_t *node, char *buf, size_t len)
{
	size_t used = strlen(buf);

	if (!node) {
		snprintf(buf + used, len - used, "-");
		return;
	}
	snprintf(buf + used, len - used, "%lu%c",
		 rb_entry(node, struct item, rb)->key,
		 node->rb_color == RB_BLACK ? 'B' : 'R');
	if (!node->rb_left && !node->rb_right)
		return;
	strncat(buf, "(", len - strlen(buf) - 1);
	shape_node(node->rb_left, buf, len);
	strncat(buf, ",", len - strlen(buf) - 1);
	shape_node(node->rb_right, buf, len);
	strncat(buf, ")", len - strlen(buf) - 1);
}

static const char *shape(rb_root_t *root)
{
	static char buf[256];

	buf[0] = '\0';
	shape_node(root->rb_node, buf, sizeof(buf));
	return buf;
}

/*
 * The kernel tree must hold exactly the oracle's keys in the same order,
 * satisfy rb_check(), and be as shallow as red-black trees promise: with
 * black height bh (not counting the NULL leaves) it has at least 2^bh - 1
 * nodes and no path longer than 2 * bh. op says which step broke it.
 */
static void assert_matches_oracle(rb_root_t *root, struct oracle *o, int op)
{
	size_t n = 0, m, i;
	int height, bh;

	height = walk_inorder(root->rb_node, kernel_keys, MAXKEYS, &n);
	m = oracle_inorder(o, oracle_keys, MAXKEYS);
	if (n != m || n != oracle_size(o))
		fail_msg("op %d: kernel tree has %zu keys, oracle %zu",
			 op, n, oracle_size(o));
	for (i = 0; i < n; i++) {
		if (kernel_keys[i] != oracle_keys[i])
			fail_msg("op %d: in-order key %zu is %lu, oracle %lu",
				 op, i, kernel_keys[i], oracle_keys[i]);
	}

	bh = rb_check(root);
	if (bh < 1)
		fail_msg("op %d: rb_check() = %d", op, bh);
	bh--;
	if (height > 2 * bh)
		fail_msg("op %d: height %d > 2 * black height %d",
			 op, height, bh);
	if (n + 1 < (1UL << bh))
		fail_msg("op %d: %zu nodes under black height %d", op, n, bh);
}

/* A fixed-seed xorshift64: the same run on every host and libc. */
static uint64_t rnd_state;

static void rnd_seed(uint64_t seed)
{
	rnd_state = seed ? seed : 1;
}

static unsigned long rnd(unsigned long bound)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned long)(rnd_state % bound);
}

static void shuffle(unsigned long *a, int n)
{
	int i;

	for (i = n - 1; i > 0; i--) {
		int j = (int)rnd((unsigned long)i + 1);
		unsigned long t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

/* Hand-built nodes for rb_check(): no rebalancing touches them. */
static void hand_node(struct item *it, unsigned long key, int color,
		      struct item *parent, struct item *left,
		      struct item *right)
{
	it->key = key;
	it->rb.rb_color = color;
	it->rb.rb_parent = parent ? &parent->rb : NULL;
	it->rb.rb_left = left ? &left->rb : NULL;
	it->rb.rb_right = right ? &right->rb : NULL;
}

static void test_rb_insert_color__first_node_becomes_black_root(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 5 };

	(void)state;
	assert_int_equal(rb_check(&root), 1);
	insert_keys(&root, keys, 1);

	assert_ptr_equal(root.rb_node, &items[0].rb);
	assert_int_equal(items[0].rb.rb_color, RB_BLACK);
	assert_null(items[0].rb.rb_parent);
	assert_null(items[0].rb.rb_left);
	assert_null(items[0].rb.rb_right);
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_insert_color__ascending_keys_rebalance(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3 };
	rb_node_t *n1 = &items[0].rb, *n2 = &items[1].rb, *n3 = &items[2].rb;

	(void)state;
	insert_keys(&root, keys, 3);

	/* 1 <- 2 <- 3 would be a list; one left rotation at 1 makes 2 root */
	assert_ptr_equal(root.rb_node, n2);
	assert_int_equal(n2->rb_color, RB_BLACK);
	assert_null(n2->rb_parent);
	assert_ptr_equal(n2->rb_left, n1);
	assert_ptr_equal(n2->rb_right, n3);
	assert_int_equal(n1->rb_color, RB_RED);
	assert_ptr_equal(n1->rb_parent, n2);
	assert_null(n1->rb_left);
	assert_null(n1->rb_right);
	assert_int_equal(n3->rb_color, RB_RED);
	assert_ptr_equal(n3->rb_parent, n2);
	assert_null(n3->rb_left);
	assert_null(n3->rb_right);
	assert_string_equal(shape(&root), "2B(1R,3R)");
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_insert_color__descending_keys_rebalance(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 3, 2, 1 };

	(void)state;
	insert_keys(&root, keys, 3);
	assert_ptr_equal(root.rb_node, &items[1].rb);
	assert_ptr_equal(items[0].rb.rb_parent, &items[1].rb);
	assert_ptr_equal(items[2].rb.rb_parent, &items[1].rb);
	assert_string_equal(shape(&root), "2B(1R,3R)");
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_insert_color__left_right_zigzag_rotates_twice(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 3, 1, 2 };

	(void)state;
	insert_keys(&root, keys, 3);
	assert_ptr_equal(root.rb_node, &items[2].rb);
	assert_string_equal(shape(&root), "2B(1R,3R)");
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_insert_color__right_left_zigzag_rotates_twice(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 3, 2 };

	(void)state;
	insert_keys(&root, keys, 3);
	assert_ptr_equal(root.rb_node, &items[2].rb);
	assert_string_equal(shape(&root), "2B(1R,3R)");
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_insert_color__red_uncle_recolours_only(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 2, 1, 3, 4 };

	(void)state;
	insert_keys(&root, keys, 4);
	/* 4's uncle 1 is red: blackness moves down, the root stays 2 */
	assert_ptr_equal(root.rb_node, &items[0].rb);
	assert_string_equal(shape(&root), "2B(1B,3B(-,4R))");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_insert_color__ascending_1_to_7_shape(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	insert_keys(&root, keys, 7);
	assert_string_equal(shape(&root), "2B(1B,4R(3B,6B(5R,7R)))");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_insert_color__descending_7_to_1_shape(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 7, 6, 5, 4, 3, 2, 1 };

	(void)state;
	insert_keys(&root, keys, 7);
	assert_string_equal(shape(&root), "6B(4R(2B(1R,3R),5B),7B)");
	assert_int_equal(rb_check(&root), 3);
}

/* The order mmap() fills an address space in: always the largest key. */
static void test_rb_insert_color__ascending_4096_stay_balanced(void **state)
{
	rb_root_t root = RB_ROOT;
	struct oracle *o = oracle_new();
	int i;

	(void)state;
	assert_non_null(o);
	for (i = 0; i < MAXKEYS; i++) {
		items[i].key = (unsigned long)i;
		item_insert(&root, &items[i]);
		assert_int_equal(oracle_insert(o, (unsigned long)i), 1);
	}
	assert_matches_oracle(&root, o, MAXKEYS);
	oracle_free(o);
}

static void test_rb_erase__only_node_leaves_empty_root(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 5 };

	(void)state;
	insert_keys(&root, keys, 1);
	rb_erase(&items[0].rb, &root);
	assert_null(root.rb_node);
	assert_int_equal(rb_check(&root), 1);
}

static void test_rb_erase__red_leaf_needs_no_fixup(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3 };

	(void)state;
	insert_keys(&root, keys, 3);
	rb_erase(&items[2].rb, &root);
	assert_string_equal(shape(&root), "2B(1R,-)");
	assert_null(items[1].rb.rb_right);
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_erase__root_two_children_successor_moves_up(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3 };

	(void)state;
	insert_keys(&root, keys, 3);
	rb_erase(&items[1].rb, &root);
	/* 3 takes 2's place and colour; it was red, so nothing else moves */
	assert_ptr_equal(root.rb_node, &items[2].rb);
	assert_null(items[2].rb.rb_parent);
	assert_ptr_equal(items[0].rb.rb_parent, &items[2].rb);
	assert_string_equal(shape(&root), "3B(1R,-)");
	assert_int_equal(rb_check(&root), 2);
}

static void test_rb_erase__inner_node_successor_deeper_down(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	insert_keys(&root, keys, 7);
	rb_erase(&items[3].rb, &root);
	/* 4's successor 5 is red: it takes 4's place and colour, 6 loses it */
	assert_string_equal(shape(&root), "2B(1B,5R(3B,6B(-,7R)))");
	assert_ptr_equal(items[4].rb.rb_parent, &items[1].rb);
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__root_with_black_successor_rebalances(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	insert_keys(&root, keys, 7);
	rb_erase(&items[1].rb, &root);
	/* successor 3 was black: 4's side is short, 6 rotates up over 4 */
	assert_ptr_equal(root.rb_node, &items[2].rb);
	assert_string_equal(shape(&root), "3B(1B,6R(4B(-,5R),7B))");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_leaf_red_sibling_rotates_left(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	insert_keys(&root, keys, 7);
	rb_erase(&items[0].rb, &root);
	assert_string_equal(shape(&root), "4B(2B(-,3R),6B(5R,7R))");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_leaf_red_sibling_rotates_right(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 7, 6, 5, 4, 3, 2, 1 };

	(void)state;
	insert_keys(&root, keys, 7);
	rb_erase(&items[0].rb, &root);
	assert_string_equal(shape(&root), "4B(2B(1R,3R),6B(5R,-))");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_sibling_far_red_child_left(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2, 3, 4 };

	(void)state;
	insert_keys(&root, keys, 4);
	assert_string_equal(shape(&root), "2B(1B,3B(-,4R))");
	rb_erase(&items[0].rb, &root);
	assert_string_equal(shape(&root), "3B(2B,4B)");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_sibling_near_red_child_left(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 2, 1, 4, 3 };

	(void)state;
	insert_keys(&root, keys, 4);
	assert_string_equal(shape(&root), "2B(1B,4B(3R,-))");
	rb_erase(&items[1].rb, &root);
	/* 3 is rotated out to the far side first, then up to the root */
	assert_string_equal(shape(&root), "3B(2B,4B)");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_sibling_far_red_child_right(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 3, 2, 4, 1 };

	(void)state;
	insert_keys(&root, keys, 4);
	assert_string_equal(shape(&root), "3B(2B(1R,-),4B)");
	rb_erase(&items[2].rb, &root);
	assert_string_equal(shape(&root), "2B(1B,3B)");
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_erase__black_sibling_near_red_child_right(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 3, 1, 4, 2 };

	(void)state;
	insert_keys(&root, keys, 4);
	assert_string_equal(shape(&root), "3B(1B(-,2R),4B)");
	rb_erase(&items[2].rb, &root);
	assert_string_equal(shape(&root), "2B(1B,3B)");
	assert_int_equal(rb_check(&root), 3);
}

/*
 * 20000 steps over keys 0..999, each an insert of an absent key or an erase
 * of a present one; the insert share swings between 70% and 30% every 5000
 * steps so the tree both fills up and drains. Checked after every step.
 */
static void test_rb_erase__random_ops_match_bsd_oracle(void **state)
{
	enum { NKEYS = 1000, NOPS = 20000 };
	static char present[NKEYS];
	rb_root_t root = RB_ROOT;
	struct oracle *o = oracle_new();
	size_t size = 0;
	int op, inserts = 0, erases = 0;

	(void)state;
	assert_non_null(o);
	memset(present, 0, sizeof(present));
	rnd_seed(0x2416);
	for (op = 0; op < NOPS; op++) {
		int insert_pct = (op / 5000) % 2 ? 30 : 70;
		int insert = (int)rnd(100) < insert_pct;
		unsigned long key;

		if (size == 0)
			insert = 1;
		else if (size == NKEYS)
			insert = 0;
		/* Draw until the key fits the chosen operation. */
		do {
			key = rnd(NKEYS);
		} while (present[key] == insert);

		if (insert) {
			items[key].key = key;
			item_insert(&root, &items[key]);
			assert_int_equal(oracle_insert(o, key), 1);
			assert_ptr_equal(item_find(&root, key), &items[key]);
			present[key] = 1;
			size++;
			inserts++;
		} else {
			assert_ptr_equal(item_find(&root, key), &items[key]);
			rb_erase(&items[key].rb, &root);
			assert_int_equal(oracle_erase(o, key), 1);
			assert_null(item_find(&root, key));
			present[key] = 0;
			size--;
			erases++;
		}
		assert_int_equal(oracle_size(o), size);
		assert_matches_oracle(&root, o, op);
	}
	/* Both kinds of step must have had a fair share. */
	assert_true(inserts > NOPS / 3);
	assert_true(erases > NOPS / 3);
	oracle_free(o);
}

static void test_rb_erase__every_node_in_random_order_to_empty(void **state)
{
	static unsigned long keys[MAXKEYS];
	rb_root_t root = RB_ROOT;
	struct oracle *o = oracle_new();
	int i;

	(void)state;
	assert_non_null(o);
	rnd_seed(0x1116);
	/* Sparse keys, so an index is never mistaken for a key. */
	for (i = 0; i < MAXKEYS; i++)
		keys[i] = 3 + 7 * (unsigned long)i;
	shuffle(keys, MAXKEYS);
	for (i = 0; i < MAXKEYS; i++) {
		items[i].key = keys[i];
		item_insert(&root, &items[i]);
		assert_int_equal(oracle_insert(o, keys[i]), 1);
	}
	assert_matches_oracle(&root, o, -1);

	shuffle(keys, MAXKEYS);
	for (i = 0; i < MAXKEYS; i++) {
		struct item *it = item_find(&root, keys[i]);

		assert_non_null(it);
		rb_erase(&it->rb, &root);
		assert_int_equal(oracle_erase(o, keys[i]), 1);
		assert_matches_oracle(&root, o, i);
	}
	assert_null(root.rb_node);
	assert_int_equal(oracle_size(o), 0);
	assert_int_equal(rb_check(&root), 1);
	oracle_free(o);
}

static void test_rb_check__empty_tree_is_height_one(void **state)
{
	rb_root_t root = RB_ROOT;

	(void)state;
	assert_int_equal(rb_check(&root), 1);
}

static void test_rb_check__valid_hand_tree_gives_black_height(void **state)
{
	rb_root_t root = RB_ROOT;
	struct item *a = &items[0], *b = &items[1], *c = &items[2];

	(void)state;
	hand_node(b, 2, RB_BLACK, NULL, a, c);
	hand_node(a, 1, RB_BLACK, b, NULL, NULL);
	hand_node(c, 3, RB_BLACK, b, NULL, NULL);
	root.rb_node = &b->rb;
	assert_int_equal(rb_check(&root), 3);
}

static void test_rb_check__red_root_fails_minus_1(void **state)
{
	rb_root_t root = RB_ROOT;

	(void)state;
	hand_node(&items[0], 1, RB_RED, NULL, NULL, NULL);
	root.rb_node = &items[0].rb;
	assert_int_equal(rb_check(&root), -1);
}

static void test_rb_check__red_red_fails_minus_2(void **state)
{
	rb_root_t root = RB_ROOT;
	struct item *a = &items[0], *b = &items[1], *c = &items[2];

	(void)state;
	/* 2B(1R(0R,-),-): every path has one black node, only colour breaks */
	hand_node(c, 2, RB_BLACK, NULL, b, NULL);
	hand_node(b, 1, RB_RED, c, a, NULL);
	hand_node(a, 0, RB_RED, b, NULL, NULL);
	root.rb_node = &c->rb;
	assert_int_equal(rb_check(&root), -2);
}

static void test_rb_check__link_without_insert_color_fails_minus_2(void **state)
{
	rb_root_t root = RB_ROOT;
	static const unsigned long keys[] = { 1, 2 };

	(void)state;
	insert_keys(&root, keys, 2);
	assert_string_equal(shape(&root), "1B(-,2R)");
	/* the caller forgot rb_insert_color(): 3 hangs red under red 2 */
	items[2].key = 3;
	rb_link_node(&items[2].rb, &items[1].rb, &items[1].rb.rb_right);
	assert_int_equal(rb_check(&root), -2);
}

static void test_rb_check__unequal_black_heights_fail_minus_3(void **state)
{
	rb_root_t root = RB_ROOT;
	struct item *a = &items[0], *b = &items[1];

	(void)state;
	/* 2B(1B,-): three blacks down the left, two down the right */
	hand_node(b, 2, RB_BLACK, NULL, a, NULL);
	hand_node(a, 1, RB_BLACK, b, NULL, NULL);
	root.rb_node = &b->rb;
	assert_int_equal(rb_check(&root), -3);
}

static void test_rb_check__child_parent_mismatch_fails_minus_4(void **state)
{
	rb_root_t root = RB_ROOT;
	struct item *a = &items[0], *b = &items[1], *c = &items[2];

	(void)state;
	/* 2B(1R,3R) with 3's rb_parent pointing at its sibling */
	hand_node(b, 2, RB_BLACK, NULL, a, c);
	hand_node(a, 1, RB_RED, b, NULL, NULL);
	hand_node(c, 3, RB_RED, a, NULL, NULL);
	root.rb_node = &b->rb;
	assert_int_equal(rb_check(&root), -4);
}

static void test_rb_check__root_with_parent_fails_minus_4(void **state)
{
	rb_root_t root = RB_ROOT;

	(void)state;
	hand_node(&items[0], 1, RB_BLACK, &items[1], NULL, NULL);
	root.rb_node = &items[0].rb;
	assert_int_equal(rb_check(&root), -4);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_rb_insert_color__first_node_becomes_black_root),
		cmocka_unit_test(
			test_rb_insert_color__ascending_keys_rebalance),
		cmocka_unit_test(
			test_rb_insert_color__descending_keys_rebalance),
		cmocka_unit_test(
			test_rb_insert_color__left_right_zigzag_rotates_twice),
		cmocka_unit_test(
			test_rb_insert_color__right_left_zigzag_rotates_twice),
		cmocka_unit_test(
			test_rb_insert_color__red_uncle_recolours_only),
		cmocka_unit_test(test_rb_insert_color__ascending_1_to_7_shape),
		cmocka_unit_test(test_rb_insert_color__descending_7_to_1_shape),
		cmocka_unit_test(
			test_rb_insert_color__ascending_4096_stay_balanced),
		cmocka_unit_test(test_rb_erase__only_node_leaves_empty_root),
		cmocka_unit_test(test_rb_erase__red_leaf_needs_no_fixup),
		cmocka_unit_test(
			test_rb_erase__root_two_children_successor_moves_up),
		cmocka_unit_test(
			test_rb_erase__inner_node_successor_deeper_down),
		cmocka_unit_test(
			test_rb_erase__root_with_black_successor_rebalances),
		cmocka_unit_test(
			test_rb_erase__black_leaf_red_sibling_rotates_left),
		cmocka_unit_test(
			test_rb_erase__black_leaf_red_sibling_rotates_right),
		cmocka_unit_test(
			test_rb_erase__black_sibling_far_red_child_left),
		cmocka_unit_test(
			test_rb_erase__black_sibling_near_red_child_left),
		cmocka_unit_test(
			test_rb_erase__black_sibling_far_red_child_right),
		cmocka_unit_test(
			test_rb_erase__black_sibling_near_red_child_right),
		cmocka_unit_test(test_rb_erase__random_ops_match_bsd_oracle),
		cmocka_unit_test(
			test_rb_erase__every_node_in_random_order_to_empty),
		cmocka_unit_test(test_rb_check__empty_tree_is_height_one),
		cmocka_unit_test(
			test_rb_check__valid_hand_tree_gives_black_height),
		cmocka_unit_test(test_rb_check__red_root_fails_minus_1),
		cmocka_unit_test(test_rb_check__red_red_fails_minus_2),
		cmocka_unit_test(
			test_rb_check__link_without_insert_color_fails_minus_2),
		cmocka_unit_test(
			test_rb_check__unequal_black_heights_fail_minus_3),
		cmocka_unit_test(
			test_rb_check__child_parent_mismatch_fails_minus_4),
		cmocka_unit_test(test_rb_check__root_with_parent_fails_minus_4),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]),
			     argc, argv, "sim/rbtree");
}
