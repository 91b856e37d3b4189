// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_filemap.c - sim/mm/filemap.c: add_to_page_cache,
 * find_get_page, find_lock_page, remove_inode_page, set_page_dirty and
 * truncate_inode_pages (truncate_list_pages, truncate_complete_page,
 * truncate_partial_page).
 * The mapping under test is a real one: the inode of a file from
 * shmem_file_setup, so the test's last fput runs iput's own
 * truncate_inode_pages. The counts are 2.4.16's mm/filemap.c: the cache holds
 * one reference per page, nrpages and page_cache_size count hashed pages,
 * new pages go on clean_pages and the inactive LRU list.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/mmu.h"

static struct file *file;		/* the inode whose mapping we use */
static struct address_space *mapping;

static int setup(void **state)
{
	if (sim_setup(state))
		return -1;
	file = shmem_file_setup("filemap", 16 * 4096);
	if (IS_ERR(file))
		return -1;
	mapping = file->f_dentry->d_inode->i_mapping;
	return 0;
}

static int teardown(void **state)
{
	fput(file);	/* iput -> truncate_inode_pages(mapping, 0) */
	return sim_teardown(state);
}

static int on_list(struct page *page, struct list_head *head)
{
	struct list_head *pos;

	list_for_each(pos, head)
		if (pos == &page->list)
			return 1;
	return 0;
}

/* A page in the cache at index, holding only the cache's reference. */
static struct page *cache_page(unsigned long index)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	assert_non_null(page);
	add_to_page_cache(page, mapping, index);
	UnlockPage(page);
	page_cache_release(page);
	return page;
}

/* ---- add_to_page_cache ---- */

static void test_add_to_page_cache__cache_ref_index_lists_and_hash(
	void **state)
{
	unsigned long cached = page_cache_size;
	unsigned long inactive = nr_inactive_pages;
	struct page *page;

	(void)state;
	page = alloc_page(GFP_HIGHUSER);
	page->flags |= (1UL << PG_uptodate) | (1UL << PG_dirty) |
		       (1UL << PG_referenced) | (1UL << PG_error);

	add_to_page_cache(page, mapping, 5);

	assert_int_equal(page_count(page), 2);
	assert_true(PageLocked(page));
	assert_int_equal(page->flags, (1UL << PG_locked) | (1UL << PG_lru));
	assert_ptr_equal(page->mapping, mapping);
	assert_int_equal(page->index, 5);
	assert_int_equal(mapping->nrpages, 1);
	assert_int_equal(page_cache_size, cached + 1);
	assert_ptr_equal(mapping->clean_pages.next, &page->list);
	assert_int_equal(nr_inactive_pages, inactive + 1);
	assert_ptr_equal(inactive_list.next, &page->lru);
	UnlockPage(page);
	page_cache_release(page);
}

/* the newest page is at the head of clean_pages */
static void test_add_to_page_cache__new_page_at_head_of_clean_pages(
	void **state)
{
	struct page *a, *b;

	(void)state;
	a = cache_page(0);

	b = cache_page(1);

	assert_ptr_equal(mapping->clean_pages.next, &b->list);
	assert_ptr_equal(b->list.next, &a->list);
	assert_int_equal(mapping->nrpages, 2);
}

/* ---- find_get_page, find_lock_page ---- */

static void test_find_get_page__hit_takes_a_reference(void **state)
{
	struct page *page, *found;

	(void)state;
	page = cache_page(3);

	found = find_get_page(mapping, 3);

	assert_ptr_equal(found, page);
	assert_int_equal(page_count(page), 2);
	assert_false(PageLocked(page));
	page_cache_release(found);
}

static void test_find_get_page__other_index_or_mapping_misses(void **state)
{
	struct file *other;

	(void)state;
	cache_page(3);
	other = shmem_file_setup("other", 4096);
	assert_false(IS_ERR(other));

	assert_null(find_get_page(mapping, 4));
	assert_null(find_get_page(other->f_dentry->d_inode->i_mapping, 3));
	fput(other);
}

static void test_find_lock_page__hit_locks_and_takes_a_reference(
	void **state)
{
	struct page *page, *found;

	(void)state;
	page = cache_page(7);

	found = find_lock_page(mapping, 7);

	assert_ptr_equal(found, page);
	assert_true(PageLocked(page));
	assert_int_equal(page_count(page), 2);
	UnlockPage(found);
	page_cache_release(found);
}

/* ---- remove_inode_page ---- */

static void test_remove_inode_page__out_of_mapping_and_hash(void **state)
{
	unsigned long cached;
	struct page *page;

	(void)state;
	page = cache_page(2);
	cached = page_cache_size;
	get_page(page);
	LockPage(page);

	remove_inode_page(page);

	assert_null(page->mapping);
	assert_int_equal(mapping->nrpages, 0);
	assert_int_equal(page_cache_size, cached - 1);
	assert_null(find_get_page(mapping, 2));
	assert_int_equal(page_count(page), 2);	/* the caller drops it */
	UnlockPage(page);
	page_cache_release(page);
	page_cache_release(page);
}

/* ---- set_page_dirty ---- */

static void test_set_page_dirty__moves_page_to_dirty_pages(void **state)
{
	struct page *page;

	(void)state;
	page = cache_page(0);

	set_page_dirty(page);

	assert_true(PageDirty(page));
	assert_true(on_list(page, &mapping->dirty_pages));
	assert_false(on_list(page, &mapping->clean_pages));
	set_page_dirty(page);		/* already dirty: no change */
	assert_ptr_equal(mapping->dirty_pages.next, &page->list);
	assert_ptr_equal(page->list.next, &mapping->dirty_pages);
}

/* ---- truncate_inode_pages ---- */

static void test_truncate_inode_pages__from_0_frees_every_frame(
	void **state)
{
	unsigned long free_pages = nr_free_pages();
	unsigned long cached = page_cache_size;
	unsigned long inactive = nr_inactive_pages;

	(void)state;
	cache_page(0);
	cache_page(1);
	set_page_dirty(cache_page(2));

	truncate_inode_pages(mapping, 0);

	assert_int_equal(mapping->nrpages, 0);
	assert_int_equal(page_cache_size, cached);
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(nr_inactive_pages, inactive);
	assert_true(list_empty(&mapping->clean_pages));
	assert_true(list_empty(&mapping->dirty_pages));
}

static void test_truncate_inode_pages__keeps_pages_below_start(void **state)
{
	struct page *p0, *p1;
	unsigned long free_pages;

	(void)state;
	p0 = cache_page(0);
	p1 = cache_page(1);
	cache_page(2);
	cache_page(3);
	free_pages = nr_free_pages();

	truncate_inode_pages(mapping, 8192);

	assert_int_equal(mapping->nrpages, 2);
	assert_ptr_equal(find_get_page(mapping, 0), p0);
	assert_ptr_equal(find_get_page(mapping, 1), p1);
	page_cache_release(p0);
	page_cache_release(p1);
	assert_null(find_get_page(mapping, 2));
	assert_int_equal(nr_free_pages(), free_pages + 2);
}

/* lstart inside page 1: that page stays, zeroed from the offset on */
static void test_truncate_inode_pages__partial_page_zeroed_past_offset(
	void **state)
{
	struct page *p1;
	char *bytes;

	(void)state;
	cache_page(0);
	p1 = cache_page(1);
	cache_page(2);
	bytes = page_address(p1);
	memset(bytes, 0xaa, PAGE_SIZE);

	truncate_inode_pages(mapping, 4096 + 904);

	assert_int_equal(mapping->nrpages, 2);
	assert_ptr_equal(p1->mapping, mapping);
	assert_int_equal((unsigned char)bytes[903], 0xaa);
	assert_int_equal(bytes[904], 0);
	assert_int_equal(bytes[PAGE_SIZE - 1], 0);
	assert_null(find_get_page(mapping, 2));
}

/* a page someone still holds leaves the cache and the LRU, not memory */
static void test_truncate_inode_pages__held_page_leaves_cache_and_lru(
	void **state)
{
	unsigned long inactive = nr_inactive_pages, free_pages;
	struct page *page;

	(void)state;
	page = cache_page(4);
	get_page(page);			/* as a pte or a reader would */
	set_page_dirty(page);
	SetPageUptodate(page);
	free_pages = nr_free_pages();

	truncate_inode_pages(mapping, 0);

	assert_int_equal(page_count(page), 1);
	assert_null(page->mapping);
	assert_false(PageDirty(page));
	assert_false(PageUptodate(page));
	assert_false(test_bit(PG_lru, &page->flags));
	assert_int_equal(nr_inactive_pages, inactive);
	assert_int_equal(nr_free_pages(), free_pages);
	page_cache_release(page);
	assert_int_equal(nr_free_pages(), free_pages + 1);
}

/* the shm path: a segment's pages go with its inode */
static void test_truncate_inode_pages__segment_destroy_empties_cache(
	void **state)
{
	unsigned long cached = page_cache_size, raddr = 0;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = sys_shmget(IPC_PRIVATE, 3 * 4096, 0600);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(sim_user_touch(raddr, 1), 0);
	assert_int_equal(sim_user_touch(raddr + 8192, 0), 0);
	assert_int_equal(page_cache_size, cached + 2);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);

	assert_errno(sys_shmdt((char *)raddr), 0);

	assert_int_equal(page_cache_size, cached);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_add_to_page_cache__cache_ref_index_lists_and_hash),
		T(test_add_to_page_cache__new_page_at_head_of_clean_pages),
		T(test_find_get_page__hit_takes_a_reference),
		T(test_find_get_page__other_index_or_mapping_misses),
		T(test_find_lock_page__hit_locks_and_takes_a_reference),
		T(test_remove_inode_page__out_of_mapping_and_hash),
		T(test_set_page_dirty__moves_page_to_dirty_pages),
		T(test_truncate_inode_pages__from_0_frees_every_frame),
		T(test_truncate_inode_pages__keeps_pages_below_start),
		T(test_truncate_inode_pages__partial_page_zeroed_past_offset),
		T(test_truncate_inode_pages__held_page_leaves_cache_and_lru),
		T(test_truncate_inode_pages__segment_destroy_empties_cache),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/filemap");
}
