// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/kernel/test_fork.c - sim/kernel/fork.c: do_fork, copy_mm, dup_mmap
 * (with copy_page_range of sim/mm/memory.c and build_mmap_rb), and the
 * other end, do_exit -> mmput -> exit_mmap (sim/kernel/exit.c).
 * As 2.4.16's dup_mmap: the child gets a copy of every vma, vm_ops->open runs
 * for it (shm_open: nattch +1, lpid = the parent's pid, since the parent
 * is current), the copy goes into i_mmap_shared right after the parent's
 * vma, each present pte is copied (page count +1, child rss +1; shared:
 * clean and old; private: write-protected in both, old in the child), and
 * the child's rb-tree is built from its list. The child's exit closes its
 * attaches (lpid = the child's pid) and a SHM_DEST segment dies with the
 * last one.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define BASE		0x40000000UL
#define PTE_FLAGS	0xfffUL
#define RW		(PROT_READ | PROT_WRITE)

static struct task_struct *parent;

static void check_mm(struct mm_struct *mm)
{
	char why[256];
	int err = sim_mm_check(mm, why, sizeof(why));

	if (err)
		print_error("sim_mm_check() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

/* The parent (pid 100) with a one-page segment attached at BASE. */
static long parent_with_attach(const char *bytes)
{
	unsigned long raddr = 0;
	long id;

	parent = sim_task("parent", 500, 100);
	id = sys_shmget(0x1234, 4096, IPC_CREAT | 0640);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(raddr, BASE);
	if (bytes)
		assert_int_equal(sim_user_access(BASE, (void *)bytes,
						 strlen(bytes), 1, NULL), 0);
	return id;
}

static struct task_struct *fork_child(void)
{
	long pid;
	struct task_struct *child;

	current = parent;
	pid = do_fork(0, "child");
	assert_true(pid > 0);
	child = sim_find_task_by_pid(pid);
	assert_non_null(child);
	return child;
}

static void child_exits(struct task_struct *child)
{
	current = child;
	do_exit(0);
	sim_task_free(child);
	current = parent;
}

static struct sim_shm_info seg(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info;
}

static uint32_t pte_in(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = sim_pte_lookup(mm, addr);

	assert_non_null(pte);
	return pte->pte_low;
}

static struct page *page_in(struct mm_struct *mm, unsigned long addr)
{
	return pfn_to_page(pte_in(mm, addr) >> PAGE_SHIFT);
}

/* ---- do_fork, copy_mm, dup_mmap ---- */

static void test_do_fork__child_gets_next_pid_and_a_copy_of_each_vma(
	void **state)
{
	struct vm_area_struct *p, *c;
	struct task_struct *child;
	long pid;

	(void)state;
	parent_with_attach(NULL);
	sys_mmap2(0, 8192, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sys_mmap2(0x50000000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);

	pid = do_fork(0, "child");

	assert_errno(pid, 101);
	child = sim_find_task_by_pid(101);
	assert_non_null(child);
	assert_ptr_equal(child->p_pptr, parent);
	assert_ptr_equal(current, parent);
	assert_int_equal(child->mm->map_count, 3);
	check_mm(child->mm);
	for (p = parent->mm->mmap, c = child->mm->mmap; p;
	     p = p->vm_next, c = c->vm_next) {
		assert_non_null(c);
		assert_true(c != p);
		assert_ptr_equal(c->vm_mm, child->mm);
		assert_int_equal(c->vm_start, p->vm_start);
		assert_int_equal(c->vm_end, p->vm_end);
		assert_int_equal(c->vm_flags, p->vm_flags);
		assert_int_equal(c->vm_pgoff, p->vm_pgoff);
		assert_ptr_equal(c->vm_file, p->vm_file);
		assert_ptr_equal(c->vm_ops, p->vm_ops);
	}
	assert_null(c);
}

static void test_dup_mmap__shm_open_counts_child_with_parents_pid(
	void **state)
{
	struct shmid64_ds ds;
	long id;

	(void)state;
	id = parent_with_attach(NULL);
	sim_task("other", 500, 100);	/* pid 101: the child will be 102 */
	sim_clock += 6;

	fork_child();

	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	assert_int_equal(ds.shm_nattch, 2);
	assert_int_equal(ds.shm_lpid, 100);
	assert_int_equal(ds.shm_atime, 1000000006);
	assert_int_equal(seg(id).file->f_count, 3);
}

/* i_mmap_shared: each copy goes right after its parent's vma */
static void test_dup_mmap__copy_follows_parents_vma_in_share_list(
	void **state)
{
	struct vm_area_struct *a1, *a2, *c1, *c2, *head;
	struct task_struct *child;
	unsigned long raddr = 0;
	long id;

	(void)state;
	id = parent_with_attach(NULL);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	a1 = find_vma(parent->mm, BASE);
	a2 = find_vma(parent->mm, BASE + 4096);

	child = fork_child();

	c1 = find_vma(child->mm, BASE);
	c2 = find_vma(child->mm, BASE + 4096);
	head = seg(id).file->f_dentry->d_inode->i_mapping->i_mmap_shared;
	assert_ptr_equal(head, a2);	/* vma_link pushes at the head */
	assert_ptr_equal(a2->vm_next_share, c2);
	assert_ptr_equal(c2->vm_next_share, a1);
	assert_ptr_equal(a1->vm_next_share, c1);
	assert_null(c1->vm_next_share);
	assert_ptr_equal(c1->vm_pprev_share, &a1->vm_next_share);
}

/* build_mmap_rb: the child's tree agrees with its list */
static void test_dup_mmap__child_tree_built_from_its_list(void **state)
{
	struct task_struct *child;
	int i;

	(void)state;
	parent = sim_task("parent", 500, 100);
	for (i = 0; i < 9; i++)
		sys_mmap2(BASE + i * 0x10000UL, 4096, RW,
			  MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	child = fork_child();

	assert_int_equal(child->mm->map_count, 9);
	check_mm(child->mm);
	assert_true(rb_check(&child->mm->mm_rb) >= 1);
	assert_null(child->mm->mmap_cache);
}

static void test_copy_mm__counts_reset_and_total_vm_copied(void **state)
{
	struct task_struct *child;

	(void)state;
	parent_with_attach("x");
	sys_mmap2(0, 3 * 4096, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(parent->maj_flt, 1);

	child = fork_child();

	assert_int_equal(child->min_flt, 0);
	assert_int_equal(child->maj_flt, 0);
	assert_int_equal(child->mm->total_vm, 4);
	assert_int_equal(child->mm->mm_users, 1);
	assert_true(child->mm->pgd != parent->mm->pgd);
	assert_int_equal(child->mm->rss, 1);
}

/* ---- copy_page_range ---- */

static void test_copy_page_range__child_reads_parents_bytes_same_frame(
	void **state)
{
	struct task_struct *child;
	struct page *page;
	char buf[6] = "";
	long id;

	(void)state;
	id = parent_with_attach("hello");
	page = page_in(parent->mm, BASE);

	child = fork_child();

	assert_ptr_equal(page_in(child->mm, BASE), page);
	assert_int_equal(page_count(page), 3);	/* cache + two ptes */
	assert_int_equal(child->mm->rss, 1);
	/* the shared copy starts clean and old: 0x067 -> 0x007 */
	assert_int_equal(pte_in(child->mm, BASE) & PTE_FLAGS, 0x007);
	assert_int_equal(pte_in(parent->mm, BASE) & PTE_FLAGS, 0x067);
	current = child;
	assert_int_equal(sim_user_access(BASE, buf, 5, 0, NULL), 0);
	assert_string_equal(buf, "hello");
	assert_int_equal(child->min_flt + child->maj_flt, 0);
	assert_int_equal(seg(id).nattch, 2);
}

static void test_copy_page_range__only_present_ptes_are_copied(
	void **state)
{
	struct task_struct *child;
	unsigned long raddr = 0;
	long id;

	(void)state;
	parent = sim_task("parent", 500, 100);
	id = sys_shmget(IPC_PRIVATE, 4 * 4096, 0600);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(sim_user_touch(BASE, 1), 0);
	assert_int_equal(sim_user_touch(BASE + 2 * 4096, 0), 0);

	child = fork_child();

	assert_int_equal(child->mm->rss, 2);
	assert_int_equal(pte_in(child->mm, BASE + 4096), 0);
	assert_int_equal(pte_in(child->mm, BASE + 3 * 4096), 0);
	assert_int_equal(pte_in(child->mm, BASE + 2 * 4096) & PTE_FLAGS, 0x007);
}

/* private writable: write-protected in both; the child's copy is old */
static void test_copy_page_range__private_page_write_protected_in_both(
	void **state)
{
	struct task_struct *child;
	struct page *page;

	(void)state;
	parent = sim_task("parent", 500, 100);
	sys_mmap2(0, 4096, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(sim_user_access(BASE, "mine", 4, 1, NULL), 0);
	page = page_in(parent->mm, BASE);

	child = fork_child();

	assert_int_equal(pte_in(parent->mm, BASE) & PTE_FLAGS, 0x065);
	assert_int_equal(pte_in(child->mm, BASE) & PTE_FLAGS, 0x045);
	assert_ptr_equal(page_in(child->mm, BASE), page);
	assert_int_equal(page_count(page), 2);
	assert_int_equal(child->mm->rss, 1);
}

/* a shared mapping is never write-protected by fork */
static void test_copy_page_range__shared_anonymous_stays_writable(
	void **state)
{
	struct task_struct *child;
	char buf[3] = "";

	(void)state;
	parent = sim_task("parent", 500, 100);
	sys_mmap2(0, 4096, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(sim_user_access(BASE, "p", 1, 1, NULL), 0);

	child = fork_child();

	current = child;
	assert_int_equal(sim_user_access(BASE + 1, "c", 1, 1, NULL), 0);
	assert_int_equal(child->min_flt + child->maj_flt, 0);
	current = parent;
	assert_int_equal(sim_user_access(BASE, buf, 2, 0, NULL), 0);
	assert_string_equal(buf, "pc");
	assert_int_equal(find_vma(parent->mm, BASE)->vm_file->f_count, 2);
}

/* ---- after fork: copy on write ---- */

static void test_do_wp_page__parent_write_after_fork_gets_own_copy(
	void **state)
{
	struct task_struct *child;
	struct page *old;
	char buf[5] = "";

	(void)state;
	parent = sim_task("parent", 500, 100);
	sys_mmap2(0, 4096, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(sim_user_access(BASE, "orig", 4, 1, NULL), 0);
	old = page_in(parent->mm, BASE);
	child = fork_child();

	assert_int_equal(sim_user_access(BASE, "new!", 4, 1, NULL), 0);

	assert_true(page_in(parent->mm, BASE) != old);
	assert_int_equal(pte_in(parent->mm, BASE) & PTE_FLAGS, 0x067);
	assert_ptr_equal(page_in(child->mm, BASE), old);
	assert_int_equal(page_count(old), 1);
	assert_int_equal(parent->min_flt, 2);
	current = child;
	assert_int_equal(sim_user_access(BASE, buf, 4, 0, NULL), 0);
	assert_string_equal(buf, "orig");
}

/* do_wp_page: the only user of a page takes it over, no copy */
static void test_do_wp_page__last_user_reuses_the_page(void **state)
{
	struct task_struct *child;
	struct page *old;
	unsigned long free_pages;

	(void)state;
	parent = sim_task("parent", 500, 100);
	sys_mmap2(0, 4096, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(sim_user_access(BASE, "orig", 4, 1, NULL), 0);
	old = page_in(parent->mm, BASE);
	child = fork_child();
	assert_int_equal(sim_user_access(BASE, "new!", 4, 1, NULL), 0);
	current = child;
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_access(BASE, "kid", 3, 1, NULL), 0);

	assert_ptr_equal(page_in(child->mm, BASE), old);
	assert_int_equal(pte_in(child->mm, BASE) & PTE_FLAGS, 0x067);
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(page_count(old), 1);
	assert_int_equal(child->min_flt, 1);
}

/* ---- do_exit -> exit_mmap ---- */

static void test_do_exit__child_exit_closes_its_attach(void **state)
{
	struct task_struct *child;
	struct shmid64_ds ds;
	struct page *page;
	long id;

	(void)state;
	id = parent_with_attach("hello");
	page = page_in(parent->mm, BASE);
	child = fork_child();
	sim_clock += 8;

	child_exits(child);

	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	assert_int_equal(ds.shm_nattch, 1);
	assert_int_equal(ds.shm_lpid, 101);		/* the child's pid */
	assert_int_equal(ds.shm_dtime, 1000000008);
	assert_int_equal(seg(id).file->f_count, 2);
	assert_int_equal(page_count(page), 2);	/* cache + parent's pte */
	assert_null(sim_find_task_by_pid(101));
}

static void test_do_exit__dest_segment_dies_with_the_last_attach(
	void **state)
{
	struct task_struct *child;
	int nr_dentry, nr_inodes;
	long id;

	(void)state;
	nr_dentry = dentry_stat.nr_dentry;
	nr_inodes = inodes_stat.nr_inodes;
	id = parent_with_attach("bye");
	child = fork_child();
	assert_errno(sys_shmdt((char *)BASE), 0);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	assert_int_equal(seg(id).mode, SHM_DEST | 0640);

	child_exits(child);

	assert_int_equal(sim_shm_count(), 0);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes);
	assert_int_equal(page_cache_size, 0);
}

/* the child's page directory, page tables and vmas all go back */
static void test_do_exit__child_gives_back_every_frame_and_vma(void **state)
{
	struct task_struct *child;
	unsigned long free_pages, vmas;

	(void)state;
	parent_with_attach("x");
	sys_mmap2(0x50000000, 4096, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_int_equal(sim_user_touch(0x50000000, 1), 0);
	free_pages = nr_free_pages();
	vmas = vm_area_cachep->active_objs;
	child = fork_child();
	assert_int_equal(vm_area_cachep->active_objs, vmas + 2);

	child_exits(child);

	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(vm_area_cachep->active_objs, vmas);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_do_fork__child_gets_next_pid_and_a_copy_of_each_vma),
		T(test_dup_mmap__shm_open_counts_child_with_parents_pid),
		T(test_dup_mmap__copy_follows_parents_vma_in_share_list),
		T(test_dup_mmap__child_tree_built_from_its_list),
		T(test_copy_mm__counts_reset_and_total_vm_copied),
		T(test_copy_page_range__child_reads_parents_bytes_same_frame),
		T(test_copy_page_range__only_present_ptes_are_copied),
		T(test_copy_page_range__private_page_write_protected_in_both),
		T(test_copy_page_range__shared_anonymous_stays_writable),
		T(test_do_wp_page__parent_write_after_fork_gets_own_copy),
		T(test_do_wp_page__last_user_reuses_the_page),
		T(test_do_exit__child_exit_closes_its_attach),
		T(test_do_exit__dest_segment_dies_with_the_last_attach),
		T(test_do_exit__child_gives_back_every_frame_and_vma),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "kernel/fork");
}
