// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_swapfile.c - sim/mm/swapfile.c (sys_swapon, scan_swap_map
 * through get_swap_page, swap_duplicate, swap_free, free_swap_and_cache)
 * and the paths that use its slots: shmem_writepage, swap_writepage and
 * shrink_cache (sim/mm/shmem.c, swap_state.c, vmscan.c), the swap-in in
 * shmem_getpage_locked, shmem_truncate, and for anonymous memory
 * try_to_swap_out, do_swap_page, copy_page_range and zap_page_range.
 * The numbers are 2.4.16's (mm/swapfile.c, mm/vmscan.c, mm/shmem.c;
 * docs/invariants.md item 27):
 *   - a 16 MiB mkswap'd file has last_page 4095: slots 1..4094 (the header
 *     is slot 0, SWAP_MAP_BAD, and page 4095 is never used), priority -1;
 *   - get_swap_page hands out SWP_ENTRY(0, n), val n << 8, with count 1;
 *   - a shmem page is (a) in the page cache, (b) in the swap cache with
 *     its shmem entry set, swap_map 2, or (c) only in the slot, swap_map 1;
 *     swap-in frees the slot and leaves the page dirty in the page cache.
 * Each test boots its own machine, with a swap file (sim_machine.swap: 16
 * MiB beside 16 MiB of RAM, or 1 MiB beside 64 frames) or, for the
 * sys_swapon tests, none; it gives back every slot it takes, so that
 * sim_teardown's checks (swap_map against entries, swap ptes and the swap
 * cache; nothing left at shutdown) hold.
 */
#include <string.h>
#include <unistd.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"
#include "sim/swapdev.h"

#define BASE		0x40000000UL
#define PTE_FLAGS	0xfffUL
#define RW		(PROT_READ | PROT_WRITE)

/* 16 MiB of RAM, a 16 MiB swap file: 4094 slots */
static int setup_16m_swap(void **state)
{
	(void)state;
	return sim_setup_machine(16UL << 20, 16UL << 20);
}

/* 16 MiB of RAM and no swap area (the tests run sys_swapon) */
static int setup_no_swap(void **state)
{
	(void)state;
	return sim_setup_machine(16UL << 20, 0);
}

/* 64 frames (pages_min 20) and a 1 MiB swap file: 254 slots */
static int setup_tiny(void **state)
{
	(void)state;
	return sim_setup_machine(256UL << 10, 1UL << 20);
}

static struct swap_info_struct *area0(void)
{
	return &swap_info[0];
}

static unsigned int swap_count(unsigned long offset)
{
	return area0()->swap_map[offset];
}

/* A fresh file name beside the machine's swap file; freed by the caller. */
static char *temp_path(void)
{
	char *path = sim_swapdev_tempname();

	assert_non_null(path);
	return path;
}

static struct inode *seg_inode(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file->f_dentry->d_inode;
}

static struct shm_info shm_usage(void)
{
	struct shm_info info;

	assert_true(sys_shmctl(0, SHM_INFO, &info) >= 0);
	return info;
}

static void check_machine(void)
{
	char why[512];
	int err = sim_check_all(why, sizeof(why));

	if (err)
		print_error("sim_check_all() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

/* ---- sys_swapon ---- */

static void test_sys_swapon__16m_file_gives_4094_slots_prio_minus_1(
	void **state)
{
	(void)state;
	assert_int_equal(nr_swapfiles, 1);
	assert_int_equal(total_swap_pages, 4094);
	assert_int_equal(nr_swap_pages, 4094);
	assert_int_equal(area0()->prio, -1);
	assert_int_equal(area0()->pages, 4094);
	assert_int_equal(swap_list.head, 0);
	assert_int_equal(swap_list.next, 0);
}

/* last_page 4095: max = 4095 map entries, slots 1..4094 */
static void test_sys_swapon__area_bounds_as_2_4_16_sets_them(void **state)
{
	(void)state;
	assert_int_equal(area0()->flags, SWP_WRITEOK);
	assert_int_equal(area0()->max, 4095);
	assert_int_equal(area0()->lowest_bit, 1);
	assert_int_equal(area0()->highest_bit, 4094);
	assert_int_equal(area0()->cluster_nr, 0);
	assert_int_equal(swap_count(0), SWAP_MAP_BAD);
	assert_int_equal(swap_count(1), 0);
	assert_int_equal(swap_count(4094), 0);
	assert_int_equal(area0()->next, -1);
}

static void test_sys_swapon__second_area_gets_next_lower_priority(
	void **state)
{
	char *path = temp_path();

	(void)state;
	assert_int_equal(sim_mkswap(path, 1UL << 20, 0), 0);

	assert_errno(sys_swapon(path, 0), 0);

	assert_int_equal(nr_swapfiles, 2);
	assert_int_equal(swap_info[1].prio, -2);
	assert_int_equal(swap_info[1].pages, 254);
	assert_int_equal(total_swap_pages, 4094 + 254);
	assert_int_equal(nr_swap_pages, 4094 + 254);
	/* swap_list in priority order: area 0 first, then area 1 */
	assert_int_equal(swap_list.head, 0);
	assert_int_equal(swap_info[0].next, 1);
	assert_int_equal(swap_info[1].next, -1);
	free(path);
}

/*
 * A file without the signature: -EINVAL, and bad_swap_2's ++least_priority
 * gives the priority back, so the next good area still gets -1.
 */
static void test_sys_swapon__bad_signature_fails_einval_keeps_prio(
	void **state)
{
	unsigned char zeros[PAGE_SIZE];
	char *bad = temp_path(), *good = temp_path();

	(void)state;
	memset(zeros, 0, sizeof(zeros));
	assert_int_equal(sim_swapdev_create(bad, 1UL << 20, zeros,
					    sizeof(zeros), 0), 0);
	assert_int_equal(sim_mkswap(good, 1UL << 20, 0), 0);

	assert_errno(sys_swapon(bad, 0), -EINVAL);

	assert_int_equal(swap_info[0].flags, 0);
	assert_int_equal(total_swap_pages, 0);
	assert_int_equal(nr_swap_pages, 0);
	assert_int_equal(swap_list.head, -1);
	assert_errno(sys_swapon(good, 0), 0);
	assert_int_equal(swap_info[0].prio, -1);	/* type 0 reused */
	assert_int_equal(total_swap_pages, 254);
	unlink(bad);
	free(bad);
	free(good);
}

/*
 * The boot's swap file again: -EBUSY (2.4.16 finds its inode among the
 * areas'), the area slot stays unused and the priority is given back.
 */
static void test_sys_swapon__file_already_in_use_fails_ebusy(void **state)
{
	char *path = temp_path();

	(void)state;
	assert_int_equal(sim_mkswap(path, 1UL << 20, 0), 0);

	assert_errno(sys_swapon(area0()->swap_file, 0), -EBUSY);

	assert_int_equal(swap_info[1].flags, 0);
	assert_int_equal(total_swap_pages, 4094);
	assert_int_equal(nr_swap_pages, 4094);
	assert_int_equal(swap_info[0].next, -1);
	assert_errno(sys_swapon(path, 0), 0);
	assert_int_equal(swap_info[1].prio, -2);
	free(path);
}

static void test_sys_swapon__missing_file_fails_enoent(void **state)
{
	(void)state;
	assert_errno(sys_swapon("/nonexistent/shmsim-swap", 0), -ENOENT);
	assert_int_equal(total_swap_pages, 0);
	assert_int_equal(swap_list.head, -1);
}

/* ---- get_swap_page (scan_swap_map) ---- */

static void test_get_swap_page__hands_out_slots_1_2_3(void **state)
{
	swp_entry_t e1, e2, e3;

	(void)state;
	e1 = get_swap_page();
	e2 = get_swap_page();
	e3 = get_swap_page();

	assert_int_equal(e1.val, 0x100);	/* SWP_ENTRY(0, 1) */
	assert_int_equal(e2.val, 0x200);
	assert_int_equal(e3.val, 0x300);
	assert_int_equal(SWP_ENTRY(0, 3).val, 3 << 8);
	assert_int_equal(SWP_TYPE(e3), 0);
	assert_int_equal(SWP_OFFSET(e3), 3);
	assert_int_equal(swap_count(1), 1);
	assert_int_equal(swap_count(3), 1);
	assert_int_equal(swap_count(4), 0);
	assert_int_equal(nr_swap_pages, 4094 - 3);
	assert_int_equal(area0()->lowest_bit, 4);
	assert_int_equal(area0()->cluster_next, 4);
	swap_free(e1);
	swap_free(e2);
	swap_free(e3);
	assert_int_equal(nr_swap_pages, 4094);
}

/*
 * The first allocation finds a free cluster (cluster_nr = 256, not yet
 * counted down), the next 256 take it slot by slot; the 258th searches
 * again from lowest_bit for 256 free slots in a row. A slot freed below
 * does not stop that search: slot 5 stays free, 258 is handed out.
 */
static void test_get_swap_page__257_in_a_row_then_a_new_cluster(
	void **state)
{
	swp_entry_t e;
	unsigned long n;

	(void)state;
	for (n = 1; n <= 257; n++) {
		e = get_swap_page();
		assert_int_equal(e.val, n << 8);
	}
	assert_int_equal(area0()->cluster_nr, 0);
	swap_free(SWP_ENTRY(0, 5));
	assert_int_equal(area0()->lowest_bit, 5);

	e = get_swap_page();

	assert_int_equal(e.val, 258 << 8);
	assert_int_equal(area0()->cluster_nr, SWAPFILE_CLUSTER);
	assert_int_equal(area0()->lowest_bit, 5);
	assert_int_equal(swap_count(5), 0);
	assert_int_equal(nr_swap_pages, 4094 - 257);
	for (n = 1; n <= 258; n++)
		if (n != 5)
			swap_free(SWP_ENTRY(0, n));
	assert_int_equal(nr_swap_pages, 4094);
}

/* Within a cluster the slot after the last one goes next, freed or not. */
static void test_get_swap_page__freed_slot_waits_for_cluster_end(
	void **state)
{
	swp_entry_t e;
	unsigned long n;

	(void)state;
	for (n = 1; n <= 10; n++)
		get_swap_page();
	swap_free(SWP_ENTRY(0, 3));

	e = get_swap_page();

	assert_int_equal(SWP_OFFSET(e), 11);
	assert_int_equal(area0()->lowest_bit, 3);
	for (n = 1; n <= 11; n++)
		if (n != 3)
			swap_free(SWP_ENTRY(0, n));
}

/*
 * An area of 254 slots never holds a 256-slot cluster: first fit from
 * lowest_bit. When full, get_swap_page gives 0; slots freed (7, then 3)
 * come back lowest first, the next one by cluster_next.
 */
static void test_get_swap_page__no_free_cluster_is_first_fit(void **state)
{
	swp_entry_t e;
	unsigned long n;

	(void)state;
	assert_int_equal(total_swap_pages, 254);
	for (n = 1; n <= 254; n++) {
		e = get_swap_page();
		assert_int_equal(SWP_OFFSET(e), n);
	}
	assert_int_equal(nr_swap_pages, 0);
	assert_int_equal(get_swap_page().val, 0);
	swap_free(SWP_ENTRY(0, 7));
	swap_free(SWP_ENTRY(0, 3));
	assert_int_equal(area0()->lowest_bit, 3);
	assert_int_equal(area0()->highest_bit, 7);

	e = get_swap_page();

	assert_int_equal(SWP_OFFSET(e), 3);
	assert_int_equal(SWP_OFFSET(get_swap_page()), 7);
	assert_int_equal(get_swap_page().val, 0);
	assert_int_equal(nr_swap_pages, 0);
	for (n = 1; n <= 254; n++)
		swap_free(SWP_ENTRY(0, n));
	assert_int_equal(nr_swap_pages, 254);
}

/* ---- swap_duplicate, swap_free ---- */

static void test_swap_duplicate__counts_up_and_swap_free_down(
	void **state)
{
	swp_entry_t e;

	(void)state;
	e = get_swap_page();

	assert_int_equal(swap_duplicate(e), 1);
	assert_int_equal(swap_duplicate(e), 1);
	assert_int_equal(swap_count(1), 3);
	swap_free(e);
	assert_int_equal(swap_count(1), 2);
	swap_free(e);
	assert_int_equal(swap_count(1), 1);
	assert_int_equal(nr_swap_pages, 4093);
	swap_free(e);
	assert_int_equal(swap_count(1), 0);
	assert_int_equal(nr_swap_pages, 4094);
}

/* A free slot cannot gain a reference, and freeing it again is ignored. */
static void test_swap_duplicate__free_slot_is_refused(void **state)
{
	(void)state;
	assert_int_equal(swap_duplicate(SWP_ENTRY(0, 9)), 0);
	/* no area 5 */
	assert_int_equal(swap_duplicate(SWP_ENTRY(5, 9)), 0);
	swap_free(SWP_ENTRY(0, 9));
	assert_int_equal(swap_count(9), 0);
	assert_int_equal(nr_swap_pages, 4094);
}

/* At SWAP_MAP_MAX (0x7fff) the count sticks: neither up nor down. */
static void test_swap_duplicate__sticks_at_swap_map_max(void **state)
{
	swp_entry_t e;

	(void)state;
	e = get_swap_page();
	area0()->swap_map[1] = SWAP_MAP_MAX - 2;

	assert_int_equal(swap_duplicate(e), 1);
	assert_int_equal(swap_count(1), SWAP_MAP_MAX - 1);
	assert_int_equal(swap_duplicate(e), 1);
	assert_int_equal(swap_count(1), SWAP_MAP_MAX);
	assert_int_equal(swap_duplicate(e), 1);
	assert_int_equal(swap_count(1), SWAP_MAP_MAX);
	swap_free(e);
	assert_int_equal(swap_count(1), SWAP_MAP_MAX);
	area0()->swap_map[1] = 1;	/* let the test give it back */
	swap_free(e);
	assert_int_equal(nr_swap_pages, 4094);
}

/* ---- a shmem page's way out: page cache, swap cache, slot ---- */

/*
 * A root task (SHM_LOCK needs it) with a segment of pages pages at BASE,
 * page i holding "page<i>" at offset 100; then detached, so each page is
 * dirty (the ptes were) and held by the page cache alone.
 */
static long written_segment(unsigned long pages)
{
	unsigned long raddr = 0, i;
	char text[32];
	long id;

	sim_task("a", 0, 0);
	id = sys_shmget(IPC_PRIVATE, pages * PAGE_SIZE, 0600);
	assert_true(id >= 0);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(raddr, BASE);
	for (i = 0; i < pages; i++) {
		snprintf(text, sizeof(text), "page%lu", i);
		assert_int_equal(sim_user_access(BASE + i * PAGE_SIZE + 100,
						 text, strlen(text) + 1, 1,
						 NULL), 0);
	}
	assert_errno(sys_shmdt((char *)BASE), 0);
	return id;
}

static struct page *cached(struct address_space *mapping, unsigned long idx)
{
	struct page *page = find_get_page(mapping, idx);

	if (page)
		page_cache_release(page);
	return page;
}

/* What shrink_cache does for a dirty page only the cache holds. */
static void launder(struct page *page)
{
	LockPage(page);
	clear_bit(PG_dirty, &page->flags);
	set_bit(PG_launder, &page->flags);
	get_page(page);
	page->mapping->a_ops->writepage(page);
	page_cache_release(page);
}

static void test_shmem_writepage__dirty_page_moves_to_swap_cache(
	void **state)
{
	struct inode *inode;
	struct page *page;
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	page = cached(inode->i_mapping, 0);
	assert_non_null(page);
	/* (a): in the inode's page cache, dirty, count 1 */
	assert_int_equal(page_count(page), 1);
	assert_true(PageDirty(page));
	assert_int_equal(shm_usage().shm_rss, 1);
	assert_int_equal(shm_usage().shm_swp, 0);

	launder(page);

	/* (b): in the swap cache under slot 1, the shmem entry names it */
	assert_true(PageSwapCache(page));
	assert_int_equal(page->index, 0x100);
	assert_int_equal(SHMEM_I(inode)->i_direct[0].val, 0x100);
	assert_int_equal(swap_count(1), 2);	/* entry + swap cache */
	assert_int_equal(nr_swap_pages, 253);
	assert_int_equal(page_count(page), 1);	/* the swap cache's */
	assert_true(PageDirty(page));
	assert_true(PageUptodate(page));
	assert_false(PageLocked(page));
	assert_int_equal(SHMEM_I(inode)->swapped, 1);
	assert_int_equal(inode->i_mapping->nrpages, 0);
	assert_int_equal(inode->i_blocks, 8);	/* nrpages + swapped */
	assert_int_equal(swapper_space.nrpages, 1);
	assert_null(cached(inode->i_mapping, 0));
	assert_int_equal(shm_usage().shm_rss, 0);
	assert_int_equal(shm_usage().shm_swp, 1);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/*
 * (b) -> (c): one pressure writes the dirty swap-cache page to its slot
 * (swap_writepage: swap_map 2, so not exclusive: rw_swap_page WRITE); the
 * next frees the now clean page: swap_free leaves the entry's 1.
 */
static void test_swap_writepage__writes_the_slot_then_page_is_freed(
	void **state)
{
	unsigned long out = sim_pswpout, free_before;
	char buf[PAGE_SIZE];
	struct inode *inode;
	struct page *page;
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	page = cached(inode->i_mapping, 0);
	launder(page);
	free_before = nr_free_pages();

	assert_int_equal(sim_pressure(1), 0);

	assert_int_equal(sim_pswpout - out, 1);
	assert_true(PageSwapCache(page));
	assert_false(PageDirty(page));
	assert_int_equal(swap_count(1), 2);
	assert_int_equal(sim_swapdev_read(area0()->sim_fd, buf, PAGE_SIZE,
					  1L << PAGE_SHIFT), PAGE_SIZE);
	assert_string_equal(buf + 100, "page0");

	assert_int_equal(sim_pressure(1), 1);

	/* (c): only the slot, named by the shmem entry */
	assert_int_equal(nr_free_pages(), free_before + 1);
	assert_int_equal(swapper_space.nrpages, 0);
	assert_null(lookup_swap_cache(SWP_ENTRY(0, 1)));
	assert_int_equal(swap_count(1), 1);
	assert_int_equal(SHMEM_I(inode)->i_direct[0].val, 0x100);
	assert_int_equal(SHMEM_I(inode)->swapped, 1);
	assert_int_equal(shm_usage().shm_rss, 0);
	assert_int_equal(shm_usage().shm_swp, 1);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/* Pressure until the segment's pages are all in swap and none in RAM. */
static void push_out(struct inode *inode)
{
	int rounds;

	for (rounds = 0; rounds < 20; rounds++) {
		if (!inode->i_mapping->nrpages && !swapper_space.nrpages)
			return;
		sim_pressure(64);
	}
	fail_msg("pages still in RAM: %lu cached, %lu in the swap cache",
		 inode->i_mapping->nrpages, swapper_space.nrpages);
}

/*
 * (c) -> the page cache: the fault reads the slot (read_swap_cache_async),
 * then shmem_getpage_locked gives the slot back (swap_free of the entry's
 * reference, delete_from_swap_cache the cache's): nr_swap_pages is whole
 * again, the page is dirty (the only copy) and mapped: count 2.
 */
int swapfile_test_readonly(int fd);
void swapfile_test_restore(int fd, int saved);

/*
 * The host refuses the write (here: the descriptor is read-only; a full
 * disk gives ENOSPC the same way): the page stays in RAM, dirty and with
 * PG_error, so no pressure frees the only copy of its bytes; the failure
 * is kept for the runner. Once the host writes again, the page goes out.
 */
static void test_swap_writepage__host_write_failure_keeps_the_page(
	void **state)
{
	unsigned long free_before;
	char buf[16];
	struct inode *inode;
	struct page *page;
	int saved;
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	page = cached(inode->i_mapping, 0);
	launder(page);
	free_before = nr_free_pages();
	saved = swapfile_test_readonly(area0()->sim_fd);
	assert_true(saved >= 0);
	sim_swapdev_errno = 0;

	sim_pressure(1);
	sim_pressure(1);

	assert_int_equal(sim_swapdev_errno, EBADF);
	assert_string_equal(sim_swapdev_why, "writing slot 1 of the swap file");
	assert_true(PageSwapCache(page));
	assert_true(PageDirty(page));
	assert_true(test_bit(PG_error, &page->flags));
	assert_int_equal(nr_free_pages(), free_before);
	sim_task("reader", 0, 0);
	assert_errno(sys_shmat(id, NULL, 0, &(unsigned long){ 0 }), 0);
	assert_int_equal(sim_user_access(BASE + 100, buf, 6, 0, NULL), 0);
	assert_string_equal(buf, "page0");
	assert_errno(sys_shmdt((char *)BASE), 0);

	swapfile_test_restore(area0()->sim_fd, saved);
	sim_swapdev_errno = 0;
	launder(page);
	assert_int_equal(sim_pressure(1), 0);
	assert_int_equal(sim_swapdev_errno, 0);
	assert_false(PageDirty(page));
	assert_int_equal(sim_swapdev_read(area0()->sim_fd, buf, 6,
					  1L << PAGE_SHIFT), 6);
	check_machine();
}

static void test_shmem_getpage_locked__swap_in_frees_the_slot(void **state)
{
	unsigned long in, raddr = 0;
	struct task_struct *tsk;
	struct inode *inode;
	struct page *page;
	char buf[8];
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	push_out(inode);
	assert_int_equal(swap_count(1), 1);
	tsk = current;
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	in = sim_pswpin;

	assert_int_equal(sim_user_access(BASE + 100, buf, 6, 0, NULL), 0);

	assert_string_equal(buf, "page0");
	assert_int_equal(sim_pswpin - in, 1);
	assert_int_equal(tsk->maj_flt, 2);	/* first touch, swap-in */
	page = cached(inode->i_mapping, 0);
	assert_non_null(page);
	assert_int_equal(page_count(page), 2);	/* page cache + pte */
	assert_true(PageDirty(page));
	assert_true(PageUptodate(page));
	assert_false(PageSwapCache(page));
	assert_int_equal(swap_count(1), 0);
	assert_int_equal(nr_swap_pages, total_swap_pages);
	assert_int_equal(SHMEM_I(inode)->i_direct[0].val, 0);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	assert_int_equal(swapper_space.nrpages, 0);
	assert_int_equal(inode->i_blocks, 8);
	assert_int_equal(shm_usage().shm_rss, 1);
	assert_int_equal(shm_usage().shm_swp, 0);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/* (b) -> the page cache: found in the swap cache, no read at all. */
static void test_shmem_getpage_locked__swap_cache_hit_needs_no_read(
	void **state)
{
	unsigned long in, raddr = 0;
	struct inode *inode;
	struct page *page;
	char buf[8];
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	page = cached(inode->i_mapping, 0);
	launder(page);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	in = sim_pswpin;

	assert_int_equal(sim_user_access(BASE + 100, buf, 6, 0, NULL), 0);

	assert_string_equal(buf, "page0");
	assert_int_equal(sim_pswpin, in);
	assert_ptr_equal(cached(inode->i_mapping, 0), page);
	assert_int_equal(page_count(page), 2);
	assert_true(PageDirty(page));
	assert_int_equal(swap_count(1), 0);
	assert_int_equal(nr_swap_pages, 254);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/*
 * SHM_LOCK: shmem_writepage refuses (fail_writepage): the page stays in
 * the page cache, dirty again, moved to the active list, unlocked (and
 * unlock_page clears PG_launder); no slot is taken.
 */
static void test_shmem_writepage__shm_lock_keeps_the_page(void **state)
{
	struct inode *inode;
	struct page *page;
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	assert_errno(sys_shmctl(id, SHM_LOCK, NULL), 0);
	page = cached(inode->i_mapping, 0);

	launder(page);

	assert_ptr_equal(cached(inode->i_mapping, 0), page);
	assert_int_equal(page_count(page), 1);
	assert_true(PageDirty(page));
	assert_true(test_bit(PG_active, &page->flags));
	assert_true(test_bit(PG_referenced, &page->flags));
	assert_false(PageLocked(page));
	assert_false(test_bit(PG_launder, &page->flags));
	assert_int_equal(nr_swap_pages, 254);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/* Under pressure too, a locked segment's pages stay in RAM. */
static void test_shmem_writepage__shm_lock_survives_pressure(void **state)
{
	struct inode *inode;
	unsigned long out;
	long id;

	(void)state;
	id = written_segment(8);
	inode = seg_inode(id);
	assert_errno(sys_shmctl(id, SHM_LOCK, NULL), 0);
	out = sim_pswpout;

	sim_pressure(64);

	assert_int_equal(inode->i_mapping->nrpages, 8);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	assert_int_equal(nr_swap_pages, 254);
	assert_int_equal(sim_pswpout, out);
	assert_errno(sys_shmctl(id, SHM_UNLOCK, NULL), 0);
	push_out(inode);
	assert_int_equal(SHMEM_I(inode)->swapped, 8);
	assert_int_equal(shm_usage().shm_swp, 8);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/* No free slot: fail_writepage, the page stays dirty in the page cache. */
static void test_shmem_writepage__no_free_slot_keeps_the_page(void **state)
{
	struct inode *inode;
	struct page *page;
	unsigned long n;
	long id;

	(void)state;
	id = written_segment(1);
	inode = seg_inode(id);
	for (n = 1; n <= 254; n++)
		get_swap_page();
	page = cached(inode->i_mapping, 0);

	launder(page);

	assert_ptr_equal(cached(inode->i_mapping, 0), page);
	assert_true(PageDirty(page));
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	for (n = 1; n <= 254; n++)
		swap_free(SWP_ENTRY(0, n));
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/* SHM_INFO: shm_rss sums nrpages, shm_swp sums swapped (shm_get_stat). */
static void test_sys_shmctl__shm_info_counts_pages_in_ram_and_swap(
	void **state)
{
	unsigned long raddr = 0;
	struct inode *inode;
	char c;
	long id;

	(void)state;
	id = written_segment(4);
	inode = seg_inode(id);
	push_out(inode);
	assert_int_equal(shm_usage().shm_rss, 0);
	assert_int_equal(shm_usage().shm_swp, 4);
	assert_int_equal(shm_usage().shm_tot, 4);
	assert_int_equal(nr_swap_pages, 250);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);

	assert_int_equal(sim_user_access(BASE + PAGE_SIZE, &c, 1, 0, NULL), 0);

	assert_int_equal(shm_usage().shm_rss, 1);
	assert_int_equal(shm_usage().shm_swp, 3);
	assert_int_equal(inode->i_blocks, 4 * 8);
	assert_int_equal(nr_swap_pages, 251);
	check_machine();
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
}

/*
 * The segment dies (IPC_RMID with no attach): shmem_delete_inode ->
 * shmem_truncate frees every swap entry with free_swap_and_cache, the
 * direct ones and those behind the indirect leaf; the one page still in
 * the swap cache (state b) goes with its slot.
 */
static void test_shmem_truncate__destroy_frees_every_swap_slot(void **state)
{
	struct inode *inode;
	struct page *page;
	unsigned long free_before;
	long id;

	(void)state;
	free_before = nr_free_pages();
	id = written_segment(20);	/* 16 direct + 4 indirect entries */
	inode = seg_inode(id);
	push_out(inode);
	assert_int_equal(SHMEM_I(inode)->swapped, 20);
	assert_int_equal(nr_swap_pages, 254 - 20);
	/* bring page 17 back into the swap cache only (state b) */
	page = read_swap_cache_async(*shmem_swp_lookup(SHMEM_I(inode), 17));
	assert_non_null(page);
	page_cache_release(page);
	assert_int_equal(swapper_space.nrpages, 1);
	check_machine();

	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);

	assert_int_equal(nr_swap_pages, 254);
	assert_int_equal(swapper_space.nrpages, 0);
	assert_int_equal(page_cache_size, 0);
	/* the vector pages (i_indirect and a leaf) went too; only the
	 * task's pgd is left (shmdt freed its page table) */
	assert_int_equal(nr_free_pages(), free_before - 1);
}

/* ---- anonymous pages: swap ptes ---- */

/*
 * One private anonymous page with "anon" in it, then pressure until it
 * has been unmapped: try_to_swap_out gives it a slot and the swap cache,
 * and leaves a swap pte behind; more pressure writes and frees the page.
 */
static unsigned long anon_page_swapped_out(struct task_struct **tskp)
{
	struct task_struct *tsk = sim_task("a", 500, 100);
	unsigned long addr;
	int rounds;

	addr = sys_mmap2(0, PAGE_SIZE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(addr, BASE);
	assert_int_equal(sim_user_access(addr, "anon", 5, 1, NULL), 0);
	for (rounds = 0; rounds < 20 && tsk->mm->rss; rounds++)
		sim_pressure(64);
	assert_int_equal(tsk->mm->rss, 0);
	for (rounds = 0; rounds < 20 && swapper_space.nrpages; rounds++)
		sim_pressure(64);
	assert_int_equal(swapper_space.nrpages, 0);
	*tskp = tsk;
	return addr;
}

static void test_try_to_swap_out__dirty_anon_page_gets_a_swap_pte(
	void **state)
{
	struct task_struct *tsk;
	char buf[PAGE_SIZE];
	unsigned long addr;

	(void)state;
	addr = anon_page_swapped_out(&tsk);

	/* the pte is the swap entry: type 0, offset 1, not present */
	assert_int_equal(sim_pte_lookup(tsk->mm, addr)->pte_low, 0x100);
	assert_int_equal(swap_count(1), 1);	/* the swap pte's */
	assert_int_equal(nr_swap_pages, 253);
	assert_int_equal(sim_swapdev_read(area0()->sim_fd, buf, PAGE_SIZE,
					  1L << PAGE_SHIFT), PAGE_SIZE);
	assert_string_equal(buf, "anon");
	check_machine();
}

/*
 * do_swap_page: the read makes a major fault; the slot's count goes from
 * the pte to the swap cache (read_swap_cache_async +1, swap_free -1); the
 * pte maps the swap-cache page read-only (a private vma: PAGE_COPY).
 */
static void test_do_swap_page__swap_pte_comes_back_as_major_fault(
	void **state)
{
	struct task_struct *tsk;
	unsigned long addr, in;
	struct page *page;
	char buf[8];
	pte_t pte;

	(void)state;
	addr = anon_page_swapped_out(&tsk);
	in = sim_pswpin;

	assert_int_equal(sim_user_access(addr, buf, 5, 0, NULL), 0);

	assert_string_equal(buf, "anon");
	assert_int_equal(sim_pswpin - in, 1);
	assert_int_equal(tsk->maj_flt, 1);
	assert_int_equal(tsk->mm->rss, 1);
	pte = *sim_pte_lookup(tsk->mm, addr);
	assert_true(pte_present(pte));
	assert_int_equal(pte.pte_low & PTE_FLAGS, 0x025);	/* PAGE_COPY */
	page = pfn_to_page(pte_pfn(pte));
	assert_true(PageSwapCache(page));
	assert_int_equal(page->index, 0x100);
	assert_int_equal(page_count(page), 2);	/* swap cache + pte */
	assert_int_equal(swap_count(1), 1);	/* the swap cache's */
	check_machine();
}

/*
 * A write to it then: do_wp_page finds the page exclusive
 * (can_share_swap_page: count 2, swap_map 1) and makes the pte writable
 * in place; no copy.
 */
static void test_do_wp_page__exclusive_swap_cache_page_is_reused(
	void **state)
{
	struct task_struct *tsk;
	unsigned long addr;
	struct page *page;
	char c;
	pte_t pte;

	(void)state;
	addr = anon_page_swapped_out(&tsk);
	assert_int_equal(sim_user_access(addr, &c, 1, 0, NULL), 0);
	page = pfn_to_page(pte_pfn(*sim_pte_lookup(tsk->mm, addr)));

	assert_int_equal(sim_user_access(addr, "A", 1, 1, NULL), 0);

	pte = *sim_pte_lookup(tsk->mm, addr);
	assert_ptr_equal(pfn_to_page(pte_pfn(pte)), page);
	assert_true(pte_write(pte));
	assert_true(pte_dirty(pte));
	assert_true(PageSwapCache(page));
	assert_int_equal(page_count(page), 2);
	check_machine();
}

/* fork copies the swap pte: both name the slot, swap_map 2. */
static void test_copy_page_range__fork_duplicates_a_swap_pte(void **state)
{
	struct task_struct *tsk, *child;
	unsigned long addr;
	char buf[8];
	long pid;

	(void)state;
	addr = anon_page_swapped_out(&tsk);

	pid = do_fork(0, "child");

	assert_true(pid > 0);
	child = sim_find_task_by_pid(pid);
	assert_non_null(child);
	assert_int_equal(sim_pte_lookup(child->mm, addr)->pte_low, 0x100);
	assert_int_equal(swap_count(1), 2);
	assert_int_equal(child->mm->rss, 0);
	check_machine();
	/* the child reads it in: the parent's swap pte keeps a reference */
	current = child;
	assert_int_equal(sim_user_access(addr, buf, 5, 0, NULL), 0);
	assert_string_equal(buf, "anon");
	assert_int_equal(swap_count(1), 2);	/* parent pte + swap cache */
	/* the parent finds it in the swap cache: a minor fault */
	current = tsk;
	assert_int_equal(sim_user_access(addr, buf, 5, 0, NULL), 0);
	assert_int_equal(tsk->min_flt, 2);	/* the first write, this */
	assert_int_equal(tsk->maj_flt, 0);
	assert_int_equal(child->maj_flt, 1);
	assert_int_equal(swap_count(1), 1);	/* the swap cache's */
	assert_int_equal(page_count(pfn_to_page(pte_pfn(
		*sim_pte_lookup(tsk->mm, addr)))), 3);
	check_machine();
	current = child;
	do_exit(0);
	sim_task_free(child);
	current = tsk;
	check_machine();
}

/* munmap of a swap pte: free_swap_and_cache gives the slot back. */
static void test_zap_page_range__swap_pte_frees_its_slot(void **state)
{
	struct task_struct *tsk;
	unsigned long addr;

	(void)state;
	addr = anon_page_swapped_out(&tsk);

	assert_errno(sys_munmap(addr, PAGE_SIZE), 0);

	assert_int_equal(swap_count(1), 0);
	assert_int_equal(nr_swap_pages, 254);
	assert_int_equal(tsk->mm->rss, 0);
	check_machine();
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__16m_file_gives_4094_slots_prio_minus_1,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__area_bounds_as_2_4_16_sets_them,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__second_area_gets_next_lower_priority,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__bad_signature_fails_einval_keeps_prio,
			setup_no_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__file_already_in_use_fails_ebusy,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_swapon__missing_file_fails_enoent,
			setup_no_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_swap_page__hands_out_slots_1_2_3,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_swap_page__257_in_a_row_then_a_new_cluster,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_swap_page__freed_slot_waits_for_cluster_end,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_swap_page__no_free_cluster_is_first_fit,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_swap_duplicate__counts_up_and_swap_free_down,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_swap_duplicate__free_slot_is_refused,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_swap_duplicate__sticks_at_swap_map_max,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_writepage__dirty_page_moves_to_swap_cache,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_swap_writepage__writes_the_slot_then_page_is_freed,
			setup_16m_swap, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_swap_writepage__host_write_failure_keeps_the_page,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_getpage_locked__swap_in_frees_the_slot,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_getpage_locked__swap_cache_hit_needs_no_read,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_writepage__shm_lock_keeps_the_page,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_writepage__shm_lock_survives_pressure,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_writepage__no_free_slot_keeps_the_page,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmctl__shm_info_counts_pages_in_ram_and_swap,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_shmem_truncate__destroy_frees_every_swap_slot,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_try_to_swap_out__dirty_anon_page_gets_a_swap_pte,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_swap_page__swap_pte_comes_back_as_major_fault,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_do_wp_page__exclusive_swap_cache_page_is_reused,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_copy_page_range__fork_duplicates_a_swap_pte,
			setup_tiny, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_zap_page_range__swap_pte_frees_its_slot,
			setup_tiny, sim_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/swapfile");
}
