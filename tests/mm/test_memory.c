// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_memory.c - sim/mm/memory.c with the fault path around it
 * (sim/arch/fault.c, sim/mmu.c): pte_alloc, handle_mm_fault,
 * handle_pte_fault, do_no_page, do_anonymous_page, do_wp_page,
 * zap_page_range, do_page_fault's signals, and sim_walk_ptes' kept list.
 * Accesses go through sim_user_access, as a program's loads and stores
 * would: a missing pte faults, the handler maps the page, the bytes move.
 * The ptes are read back with sim_pte_lookup and compared bit for bit with
 * 2.4.16's (include/asm-i386/pgtable.h): PRESENT 0x001, RW 0x002, USER 0x004,
 * ACCESSED 0x020, DIRTY 0x040; PAGE_SHARED 0x027, PAGE_READONLY 0x025.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define BASE		0x40000000UL
#define PTE_FLAGS	0xfffUL
#define MAP_NORESERVE	0x4000

static long make_segment(size_t size)
{
	long id = sys_shmget(IPC_PRIVATE, size, 0666);

	assert_true(id >= 0);
	return id;
}

static unsigned long attach(long id, unsigned long addr, int flg)
{
	unsigned long raddr = 0;

	assert_errno(sys_shmat(id, (char *)addr, flg, &raddr), 0);
	return raddr;
}

static struct address_space *mapping_of(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file->f_dentry->d_inode->i_mapping;
}

/* The cached page at index, without keeping a reference to it. */
static struct page *cached_page(long id, unsigned long index)
{
	struct page *page = find_get_page(mapping_of(id), index);

	assert_non_null(page);
	page_cache_release(page);
	return page;
}

static uint32_t pte_of(unsigned long addr)
{
	pte_t *pte = sim_pte_lookup(current->mm, addr);

	assert_non_null(pte);
	return pte->pte_low;
}

static int on_list(struct page *page, struct list_head *head)
{
	struct list_head *pos;

	list_for_each(pos, head)
		if (pos == &page->list)
			return 1;
	return 0;
}

static int user_write(unsigned long addr, const char *s)
{
	return sim_user_access(addr, (void *)s, strlen(s), 1, NULL);
}

/* ---- do_no_page for shm: the page-cache page goes into the pte ---- */

static void test_do_no_page__first_write_maps_cache_page_rw_dirty(
	void **state)
{
	struct task_struct *tsk;
	struct page *page;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);

	assert_int_equal(user_write(BASE + 10, "hello"), 0);

	page = cached_page(id, 0);
	assert_int_equal(pte_of(BASE), (page_to_pfn(page) << PAGE_SHIFT) |
			 0x067);
	assert_int_equal(page_count(page), 2);		/* cache + pte */
	assert_memory_equal((char *)page_address(page) + 10, "hello", 5);
	assert_int_equal(tsk->mm->rss, 1);
	assert_int_equal(tsk->maj_flt, 1);	/* shm: always major */
	assert_int_equal(tsk->min_flt, 0);
	/* a new shmem page is not marked dirty; only its pte is */
	assert_false(PageDirty(page));
	assert_true(on_list(page, &mapping_of(id)->clean_pages));
	assert_true(PageUptodate(page));
	assert_false(PageLocked(page));
	assert_int_equal(mapping_of(id)->nrpages, 1);
}

static void test_do_no_page__read_fault_leaves_pte_clean(void **state)
{
	struct task_struct *tsk;
	char buf[4] = "xxx";
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);

	assert_int_equal(sim_user_access(BASE, buf, 3, 0, NULL), 0);

	assert_memory_equal(buf, "\0\0\0", 3);
	assert_int_equal(pte_of(BASE),
			 (page_to_pfn(cached_page(id, 0)) << PAGE_SHIFT) |
			 0x027);
	assert_int_equal(tsk->maj_flt, 1);
	assert_int_equal(tsk->mm->rss, 1);
}

/* A PAGE_SHARED pte is writable already: the store needs no fault. */
static void test_handle_pte_fault__write_after_read_needs_no_fault(
	void **state)
{
	struct task_struct *tsk;
	char c;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);

	assert_int_equal(user_write(BASE, "w"), 0);

	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x067);
	assert_int_equal(tsk->maj_flt, 1);
	assert_int_equal(tsk->min_flt, 0);
}

static void test_do_no_page__rdonly_attach_read_gives_readonly_pte(
	void **state)
{
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, SHM_RDONLY);

	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);

	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x025);
}

/* every page of the vma finds its own index: vm_pgoff + offset */
static void test_do_no_page__page_index_from_pgoff_and_offset(void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4 * 4096);
	attach(id, 0, 0);
	assert_errno(sys_munmap(BASE, 4096), 0);	/* vm_pgoff 1 */

	assert_int_equal(user_write(BASE + 2 * 4096, "two"), 0);

	assert_memory_equal(page_address(cached_page(id, 2)), "two", 3);
	assert_int_equal(mapping_of(id)->nrpages, 1);
}

/* ---- sharing: two tasks, one frame ---- */

static void test_do_no_page__second_task_maps_the_same_frame(void **state)
{
	struct task_struct *a, *b;
	char buf[6] = "";
	uint32_t pte_a;
	long id;

	(void)state;
	a = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	assert_int_equal(user_write(BASE, "hello"), 0);
	pte_a = pte_of(BASE);
	b = sim_task("b", 500, 100);
	attach(id, 0x50000000, 0);

	assert_int_equal(sim_user_access(0x50000000, buf, 5, 0, NULL), 0);

	assert_string_equal(buf, "hello");
	assert_int_equal(pte_of(0x50000000) >> PAGE_SHIFT,
			 pte_a >> PAGE_SHIFT);
	assert_int_equal(page_count(cached_page(id, 0)), 3);
	assert_int_equal(b->maj_flt, 1);
	assert_int_equal(a->mm->rss, 1);
	assert_int_equal(b->mm->rss, 1);
}

static void test_do_no_page__writes_of_either_task_seen_by_the_other(
	void **state)
{
	struct task_struct *a;
	char buf[6] = "";
	long id;

	(void)state;
	a = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	assert_int_equal(user_write(BASE + 100, "hello"), 0);
	sim_task("b", 500, 100);
	attach(id, 0, 0);
	assert_int_equal(user_write(BASE + 100, "HELLO"), 0);
	current = a;

	assert_int_equal(sim_user_access(BASE + 100, buf, 5, 0, NULL), 0);

	assert_string_equal(buf, "HELLO");
}

/* ---- do_page_fault's signals ---- */

static void test_do_page_fault__write_to_rdonly_attach_segv_accerr(
	void **state)
{
	struct task_struct *tsk;
	size_t done = 99;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, SHM_RDONLY);

	assert_int_equal(sim_user_access(BASE + 8, "x", 1, 1, &done), SIGSEGV);

	assert_int_equal(done, 0);
	assert_int_equal(tsk->sim_sig, SIGSEGV);
	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(tsk->sim_sig_addr, BASE + 8);
	assert_int_equal(mapping_of(id)->nrpages, 0);	/* no page */
	assert_int_equal(tsk->mm->rss, 0);
	assert_int_equal(tsk->maj_flt + tsk->min_flt, 0);
}

/* error code 3 (write, present): still the vma's VM_WRITE that decides */
static void test_do_page_fault__write_to_readonly_pte_segv_accerr(
	void **state)
{
	struct task_struct *tsk;
	char c;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, SHM_RDONLY);
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);

	assert_int_equal(sim_user_touch(BASE, 1), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x025);
}

static void test_do_page_fault__no_vma_segv_maperr(void **state)
{
	struct task_struct *tsk;
	char c;

	(void)state;
	tsk = sim_task("a", 500, 100);
	make_segment(4096);
	attach(0, 0, 0);

	assert_int_equal(sim_user_access(BASE + 4096, &c, 1, 0, NULL), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_MAPERR);
	assert_int_equal(tsk->sim_sig_addr, BASE + 4096);
}

/* find_vma finds the vma above; not VM_GROWSDOWN, so still MAPERR */
static void test_do_page_fault__hole_below_a_vma_segv_maperr(void **state)
{
	struct task_struct *tsk;
	char c;

	(void)state;
	tsk = sim_task("a", 500, 100);
	make_segment(4096);
	attach(0, 0x50000000, 0);

	assert_int_equal(sim_user_access(0x4ffff000, &c, 1, 0, NULL), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_MAPERR);
	assert_int_equal(tsk->sim_sig_addr, 0x4ffff000);
}

static void test_do_page_fault__kernel_address_segv_maperr(void **state)
{
	struct task_struct *tsk;
	char c;

	(void)state;
	tsk = sim_task("a", 500, 100);

	assert_int_equal(sim_user_access(TASK_SIZE, &c, 1, 0, NULL), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_MAPERR);
	assert_int_equal(tsk->sim_sig_addr, TASK_SIZE);
}

/* a copy running off the end of a vma moves what it can, then faults */
static void test_do_page_fault__access_across_vma_end_stops_there(
	void **state)
{
	char buf[8] = "abcdefg";
	size_t done = 0;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);

	assert_int_equal(sim_user_access(BASE + 4093, buf, 7, 1, &done),
			 SIGSEGV);

	assert_int_equal(done, 3);
	assert_memory_equal((char *)page_address(cached_page(id, 0)) + 4093,
			    "abc", 3);
	assert_int_equal(current->sim_sig_code, SEGV_MAPERR);
}

/* nopage finding no page (index at or past i_size) means SIGBUS */
static void test_do_page_fault__nopage_sigbus_gives_bus_adrerr(void **state)
{
	struct vm_area_struct *vma;
	struct task_struct *tsk;
	char c;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	vma = find_vma(tsk->mm, BASE);
	vma->vm_pgoff = 1;		/* sim: as if i_size had shrunk */

	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), SIGBUS);

	vma->vm_pgoff = 0;
	assert_int_equal(tsk->sim_sig_code, BUS_ADRERR);
	assert_int_equal(tsk->sim_sig_addr, BASE);
	assert_int_equal(tsk->mm->rss, 0);
	assert_int_equal(mapping_of(id)->nrpages, 0);
}

/*
 * no frame left for a page: the OOM exit, SIGKILL. With no swap, reclaim
 * frees nothing; an ordinary allocation never takes the last pages_min + 1
 * frames (they are for reclaim itself), so that many are left.
 */
static void test_do_page_fault__no_free_frame_kills_with_sigkill(
	void **state)
{
	struct task_struct *tsk;
	unsigned long addr;
	int i, sig = 0;

	(void)state;
	tsk = sim_task("a", 500, 100);
	addr = sys_mmap2(0, 16UL << 20, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	assert_int_equal(addr, BASE);

	for (i = 0; i < 4096 && !sig; i++)
		sig = sim_user_touch(addr + i * 4096UL, 1);

	assert_int_equal(sig, SIGKILL);
	assert_int_equal(pages_min, 32);	/* 4096 frames / 128 */
	assert_int_equal(nr_free_pages(), pages_min + 1);
	assert_int_equal(tsk->sim_sig, SIGKILL);
	assert_int_equal(tsk->mm->rss, (unsigned long)i - 1);
}

/* ---- anonymous memory ---- */

static void test_do_anonymous_page__write_gives_own_dirty_page(void **state)
{
	struct task_struct *tsk;
	struct page *page;
	uint32_t pte;

	(void)state;
	tsk = sim_task("a", 500, 100);
	sys_mmap2(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);

	assert_int_equal(user_write(BASE, "anon"), 0);

	pte = pte_of(BASE);
	assert_int_equal(pte & PTE_FLAGS, 0x067);	/* COPY + RW + DIRTY */
	page = pfn_to_page(pte >> PAGE_SHIFT);
	assert_int_equal(page_count(page), 1);
	assert_null(page->mapping);
	assert_true(test_bit(PG_lru, &page->flags));
	assert_int_equal(tsk->min_flt, 1);
	assert_int_equal(tsk->maj_flt, 0);
	assert_int_equal(tsk->mm->rss, 1);
}

/* read then write of a private page: the write fault makes it writable */
static void test_do_wp_page__write_after_read_of_private_page(void **state)
{
	struct task_struct *tsk;
	char c, buf[5] = "";

	(void)state;
	tsk = sim_task("a", 500, 100);
	sys_mmap2(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);
	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x025);

	assert_int_equal(user_write(BASE, "priv"), 0);

	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x067);
	assert_int_equal(tsk->min_flt, 2);
	assert_int_equal(tsk->mm->rss, 1);
	assert_int_equal(sim_user_access(BASE, buf, 4, 0, NULL), 0);
	assert_string_equal(buf, "priv");
}

/* ---- page tables ---- */

/* one page-table page per 4 MiB (pgd entry), allocated at first use */
static void test_pte_alloc__one_page_table_per_4_mib(void **state)
{
	struct task_struct *tsk;
	unsigned long free0;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(8 * 4096);
	attach(id, 0x403fc000, 0);	/* 4 pages each side of 0x40400000 */
	free0 = nr_free_pages();
	assert_true(pgd_none(tsk->mm->pgd[256]));

	assert_int_equal(sim_user_touch(0x403fc000, 1), 0);
	assert_int_equal(nr_free_pages(), free0 - 2);	/* table + page */
	assert_int_equal(sim_user_touch(0x403fd000, 1), 0);
	assert_int_equal(nr_free_pages(), free0 - 3);
	assert_int_equal(sim_user_touch(0x40400000, 1), 0);
	assert_int_equal(nr_free_pages(), free0 - 5);	/* 2nd table */

	assert_false(pgd_none(tsk->mm->pgd[256]));
	assert_false(pgd_none(tsk->mm->pgd[257]));
	assert_int_equal(tsk->mm->pgd[256].pgd & PTE_FLAGS, 0x067); /* TABLE */
	assert_int_equal(tsk->mm->rss, 3);
}

/* ---- zap_page_range ---- */

static void test_zap_page_range__drops_ptes_rss_and_page_counts(
	void **state)
{
	struct task_struct *tsk;
	struct page *p1, *p2;
	long id;
	int i;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4 * 4096);
	attach(id, 0, 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(sim_user_touch(BASE + i * 4096UL, 1), 0);
	p1 = cached_page(id, 1);
	p2 = cached_page(id, 2);

	zap_page_range(tsk->mm, BASE + 4096, 3 * 4096);

	assert_int_equal(tsk->mm->rss, 1);
	assert_int_equal(pte_of(BASE + 4096), 0);
	assert_int_equal(pte_of(BASE + 2 * 4096), 0);
	assert_int_equal(page_count(p1), 1);
	assert_int_equal(page_count(p2), 1);
	assert_int_equal(page_count(cached_page(id, 0)), 2);
	/* a dirty pte hands its dirt to the page (set_page_dirty) */
	assert_true(PageDirty(p1));
	assert_true(on_list(p1, &mapping_of(id)->dirty_pages));
	assert_int_equal(mapping_of(id)->nrpages, 3);
	assert_int_equal(find_vma(tsk->mm, BASE)->vm_end, BASE + 4 * 4096);
}

static void test_zap_page_range__clean_pte_leaves_page_clean(void **state)
{
	struct page *page;
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);
	page = cached_page(id, 0);

	assert_errno(sys_shmdt((char *)BASE), 0);

	assert_int_equal(page_count(page), 1);
	assert_false(PageDirty(page));
	assert_true(on_list(page, &mapping_of(id)->clean_pages));
	assert_int_equal(current->mm->rss, 0);
}

/* the page stays cached: touching it again maps the same frame */
static void test_do_no_page__after_zap_maps_the_cached_page_again(
	void **state)
{
	struct task_struct *tsk;
	struct page *page;
	char buf[6] = "";
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = make_segment(4096);
	attach(id, 0, 0);
	assert_int_equal(user_write(BASE, "kept"), 0);
	page = cached_page(id, 0);
	zap_page_range(tsk->mm, BASE, 4096);

	assert_int_equal(sim_user_access(BASE, buf, 4, 0, NULL), 0);

	assert_string_equal(buf, "kept");
	assert_int_equal(pte_of(BASE) >> PAGE_SHIFT, page_to_pfn(page));
	assert_int_equal(tsk->maj_flt, 2);
	assert_int_equal(page_count(page), 2);
}

/* ---- sim_walk_ptes: the kept list is what a fresh scan finds ---------- */

struct walk_log {
	unsigned long addr[64];
	size_t n;
};

static int log_pte(void *arg, unsigned long address, pte_t *pte)
{
	struct walk_log *l = arg;

	assert_false(pte_none(*pte));
	assert_true(l->n < 64);
	l->addr[l->n++] = address;
	return 0;
}

static int log_pgd(void *arg, unsigned long address, pgd_t *pgd)
{
	struct walk_log *l = arg;

	assert_false(pgd_none(*pgd));
	assert_true(l->n < 64);
	l->addr[l->n++] = address;
	return 0;
}

/* Fails unless both walks of mm give what its tables hold, in order. */
static void assert_walks_match_tables(struct mm_struct *mm)
{
	struct walk_log ptes = { { 0 }, 0 }, pgds = { { 0 }, 0 };
	size_t np = 0, nt = 0;
	unsigned long i, j;

	assert_int_equal(sim_walk_ptes(mm, log_pte, &ptes), 0);
	assert_int_equal(sim_walk_pgds(mm, log_pgd, &pgds), 0);
	for (i = 0; i < (TASK_SIZE >> PGDIR_SHIFT); i++) {
		pte_t *table;

		if (pgd_none(mm->pgd[i]))
			continue;
		assert_true(nt < pgds.n);
		assert_int_equal(pgds.addr[nt++], i << PGDIR_SHIFT);
		table = page_address(pfn_to_page(mm->pgd[i].pgd >> PAGE_SHIFT));
		for (j = 0; j < PTRS_PER_PTE; j++) {
			if (pte_none(table[j]))
				continue;
			assert_true(np < ptes.n);
			assert_int_equal(ptes.addr[np++],
					 (i << PGDIR_SHIFT) | (j << PAGE_SHIFT));
		}
	}
	assert_int_equal(np, ptes.n);
	assert_int_equal(nt, pgds.n);
}

/*
 * Every way a pte comes and goes (a fault, a second table, mprotect, zap
 * by munmap, fork's copy, reclaim's unmap, exit's free of the tables):
 * after each, the walks, kept between checks, match a fresh scan.
 */
static void test_sim_walk_ptes__kept_list_follows_every_pte_write(
	void **state)
{
	struct task_struct *tsk, *child;
	unsigned long addr, far;
	long id, pid;
	int i;

	(void)state;
	tsk = sim_task("a", 500, 100);
	assert_walks_match_tables(tsk->mm);
	id = make_segment(4 * 4096);
	addr = attach(id, 0, 0);
	assert_walks_match_tables(tsk->mm);
	for (i = 0; i < 4; i++) {
		assert_int_equal(sim_user_touch(addr + i * 4096UL, 1), 0);
		assert_walks_match_tables(tsk->mm);
	}
	far = attach(id, BASE + 0x800000, 0);	/* a second page table */
	assert_int_equal(far, BASE + 0x800000);
	assert_int_equal(sim_user_touch(far, 0), 0);
	assert_walks_match_tables(tsk->mm);
	assert_errno(sys_mprotect(addr + 4096, 4096, PROT_READ), 0);
	assert_walks_match_tables(tsk->mm);
	assert_errno(sys_munmap(addr + 2 * 4096, 4096), 0);
	assert_walks_match_tables(tsk->mm);
	pid = do_fork(0, "b");
	assert_true(pid > 0);
	child = sim_find_task_by_pid((pid_t)pid);
	assert_non_null(child);
	assert_walks_match_tables(tsk->mm);
	assert_walks_match_tables(child->mm);
	sim_pressure(1000);		/* reclaim unmaps what it can */
	assert_walks_match_tables(tsk->mm);
	assert_walks_match_tables(child->mm);
	assert_int_equal(sim_user_touch(addr, 1), 0);
	assert_walks_match_tables(tsk->mm);
	assert_errno(sys_shmdt((char *)far), 0);	/* its table goes */
	assert_walks_match_tables(tsk->mm);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_do_no_page__first_write_maps_cache_page_rw_dirty),
		T(test_do_no_page__read_fault_leaves_pte_clean),
		T(test_handle_pte_fault__write_after_read_needs_no_fault),
		T(test_do_no_page__rdonly_attach_read_gives_readonly_pte),
		T(test_do_no_page__page_index_from_pgoff_and_offset),
		T(test_do_no_page__second_task_maps_the_same_frame),
		T(test_do_no_page__writes_of_either_task_seen_by_the_other),
		T(test_do_page_fault__write_to_rdonly_attach_segv_accerr),
		T(test_do_page_fault__write_to_readonly_pte_segv_accerr),
		T(test_do_page_fault__no_vma_segv_maperr),
		T(test_do_page_fault__hole_below_a_vma_segv_maperr),
		T(test_do_page_fault__kernel_address_segv_maperr),
		T(test_do_page_fault__access_across_vma_end_stops_there),
		T(test_do_page_fault__nopage_sigbus_gives_bus_adrerr),
		T(test_do_page_fault__no_free_frame_kills_with_sigkill),
		T(test_do_anonymous_page__write_gives_own_dirty_page),
		T(test_do_wp_page__write_after_read_of_private_page),
		T(test_pte_alloc__one_page_table_per_4_mib),
		T(test_zap_page_range__drops_ptes_rss_and_page_counts),
		T(test_zap_page_range__clean_pte_leaves_page_clean),
		T(test_do_no_page__after_zap_maps_the_cached_page_again),
		T(test_sim_walk_ptes__kept_list_follows_every_pte_write),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/memory");
}
