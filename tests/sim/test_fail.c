// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_fail.c - sim/lib/fail.c, fault injection, and the kernel's
 * unwinding behind every point it can fail.
 * Covers: the registry (after=, times=, -1, clearing, the errno table,
 *   sim_fail_nth_alloc), each named point failing its caller with 2.4.16's
 *   errno (newseg, sys_shmat, do_no_page), and the walk: a full shmget -> shmat -> write
 *   (fault) -> shmdt -> IPC_RMID run, failing its n-th allocation for
 *   n = 1, 2, ... until a run sees no failure; each time the failing call's
 *   result, then, once the run is wound up, every object count back at its
 *   boot value and every invariant holding. Two more walks with no table
 *   (fork, anonymous maps, mprotect/munmap splits, the swap vector; swap
 *   out and in under pressure) check only that nothing leaks or breaks.
 * Left out: the scenario statement (tests/cli/test_parse.c parses it,
 *   scenarios/12-fault-injection.scn runs it).
 */
#include <stdio.h>
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "linux/vmalloc.h"
#include "sim/fail.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define KEY	0x4d2
#define SIZE	8192

/* ---- what a run must give back ---- */

struct counts {
	int dentries;			/* dentry_stat.nr_dentry */
	int inodes;			/* inodes_stat.nr_inodes */
	int files;			/* nr_files - nr_free_files */
	unsigned long vmas;		/* vm_area_cachep active objects */
	unsigned long mms;		/* mm_cachep active objects */
	int segments;			/* live shm segments */
	unsigned long free_pages;	/* nr_free_pages() */
	/*
	 * kmalloc'd plus vmalloc'd blocks: the id array moves from a 1-slot
	 * kmalloc to a 4097-slot vmalloc on the first shmget and never
	 * shrinks back (2.4 keeps it), so only the sum is a boot value.
	 */
	unsigned long blocks;
	unsigned long free_inodes;	/* shm_mnt's shmem_sb_info */
	unsigned long free_blocks;
};

static struct counts counts_now(void)
{
	struct shmem_sb_info *sbinfo = &shm_mnt->mnt_sb->u.shmem_sb;
	struct counts c;

	memset(&c, 0, sizeof(c));
	c.dentries = dentry_stat.nr_dentry;
	c.inodes = inodes_stat.nr_inodes;
	c.files = files_stat.nr_files - files_stat.nr_free_files;
	c.vmas = vm_area_cachep->active_objs;
	c.mms = mm_cachep->active_objs;
	c.segments = sim_shm_count();
	c.free_pages = nr_free_pages();
	c.blocks = sim_kmalloc_live + sim_vmalloc_live;
	c.free_inodes = sbinfo->free_inodes;
	c.free_blocks = sbinfo->free_blocks;
	return c;
}

static void check_invariants(void)
{
	char why[512];
	int broken = sim_check_all(why, sizeof(why));

	if (broken)
		print_error("BUG: %s\n", why);
	assert_int_equal(broken, 0);
}

/*
 * Every count equal to base, except the two tmpfs counters, which 2.4.16
 * does not give back when new_inode or the page allocation fails after
 * shmem_get_inode or shmem_getpage_locked took them (lost_*).
 */
static void assert_counts_back(const struct counts *base,
			       unsigned long lost_inodes,
			       unsigned long lost_blocks)
{
	struct counts now = counts_now();

	assert_int_equal(now.dentries, base->dentries);
	assert_int_equal(now.inodes, base->inodes);
	assert_int_equal(now.files, base->files);
	assert_int_equal(now.vmas, base->vmas);
	assert_int_equal(now.mms, base->mms);
	assert_int_equal(now.segments, base->segments);
	assert_int_equal(now.free_pages, base->free_pages);
	assert_int_equal(now.blocks, base->blocks);
	assert_true(now.free_inodes == base->free_inodes - lost_inodes);
	assert_true(now.free_blocks == base->free_blocks - lost_blocks);
	check_invariants();
}

/* current dies as the runner kills a task: do_exit, then reaped */
static void task_exit(struct task_struct *tsk, long code)
{
	current = tsk;
	do_exit(code);
	sim_task_free(tsk);
	current = &init_task;
}

static struct shmid64_ds stat_of(long id)
{
	struct shmid64_ds ds;

	memset(&ds, 0xff, sizeof(ds));
	assert_errno(sys_shmctl(id, IPC_STAT, &ds), 0);
	return ds;
}

static unsigned long seg_nrpages(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file->f_dentry->d_inode->i_mapping->nrpages;
}

static struct inode *seg_inode(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file->f_dentry->d_inode;
}

/* ---- the registry ---- */

static void test_sim_fail_find__names_and_alias(void **state)
{
	(void)state;

	assert_string_equal(sim_fail_find("get_empty_filp", 14)->name,
			    "get_empty_filp");
	assert_string_equal(sim_fail_find("__alloc_pages", 13)->name,
			    "alloc_page");
	assert_null(sim_fail_find("get_empty", 9));
	assert_null(sim_fail_find("vm_area_alloc", 13));	/* 4.18 */
	assert_true(sim_fail_errno_ok(sim_fail_find("new_inode", 9), ENOSPC));
	assert_false(sim_fail_errno_ok(sim_fail_find("new_inode", 9), ENOMEM));
	assert_true(sim_fail_errno_ok(sim_fail_find("kmem_cache_alloc", 16),
				      ENFILE));
}

static void test_sim_fail_inject__rejects_what_cannot_happen(void **state)
{
	(void)state;

	assert_errno(sim_fail_inject("kfree", ENOMEM, 0, 1), -EINVAL);
	assert_errno(sim_fail_inject("get_empty_filp", ENOMEM, 0, 1), -EINVAL);
	assert_errno(sim_fail_inject("kmalloc", ENOMEM, -1, 1), -EINVAL);
	assert_errno(sim_fail_inject("kmalloc", ENOMEM, 0, 0), -EINVAL);
	assert_errno(sim_fail_inject("kmalloc", ENOMEM, 0, -2), -EINVAL);
	assert_errno(sim_fail_clear("kfree"), -EINVAL);

	/* nothing was armed: the next allocation works */
	assert_false(sim_should_fail("kmalloc"));
	assert_int_equal(sim_fail_count(), 0);
}

static void test_sim_should_fail__after_then_times(void **state)
{
	(void)state;
	assert_errno(sim_fail_inject("kmalloc", ENOMEM, 2, 2), 0);

	assert_false(sim_should_fail("kmalloc"));
	assert_false(sim_should_fail("kmalloc"));
	/* another point: not armed */
	assert_false(sim_should_fail("kmem_cache_alloc"));
	assert_true(sim_should_fail("kmalloc"));
	assert_true(sim_should_fail("kmalloc"));
	assert_false(sim_should_fail("kmalloc"));

	assert_int_equal(sim_fail_count(), 2);
	assert_string_equal(sim_fail_last(), "kmalloc");
}

static void test_sim_should_fail__times_minus_one_until_cleared(void **state)
{
	int i;

	(void)state;
	assert_errno(sim_fail_inject("get_swap_page", ENOSPC, 0, -1), 0);

	for (i = 0; i < 100; i++)
		assert_true(sim_should_fail("get_swap_page"));
	assert_errno(sim_fail_clear("get_swap_page"), 0);
	assert_false(sim_should_fail("get_swap_page"));
	assert_int_equal(sim_fail_count(), 100);
}

static void test_sim_fail_clear__null_disarms_everything(void **state)
{
	(void)state;
	assert_errno(sim_fail_inject("kmalloc", 0, 0, -1), 0);
	assert_errno(sim_fail_inject("d_alloc", ENOMEM, 0, 1), 0);
	sim_fail_nth_alloc(1);

	assert_errno(sim_fail_clear(NULL), 0);

	assert_false(sim_should_fail("kmalloc"));
	assert_false(sim_should_fail("d_alloc"));
	assert_false(sim_should_fail("alloc_page"));
}

static void test_sim_fail_nth_alloc__counts_allocators_only(void **state)
{
	(void)state;
	sim_fail_nth_alloc(3);

	assert_false(sim_should_fail("d_alloc"));	/* a function point */
	assert_false(sim_should_fail("kmalloc"));	/* 1 */
	assert_false(sim_should_fail("get_empty_filp"));
	assert_false(sim_should_fail("alloc_page"));	/* 2 */
	assert_true(sim_should_fail_what("kmem_cache_alloc", "filp")); /* 3 */
	assert_false(sim_should_fail("kmalloc"));	/* once only */

	assert_int_equal(sim_fail_count(), 1);
	assert_string_equal(sim_fail_last(), "kmem_cache_alloc(filp)");
}

static void test_start_kernel__disarms_every_point(void **state)
{
	(void)state;
	assert_errno(sim_fail_inject("kmalloc", ENOMEM, 0, -1), 0);
	sim_fail_nth_alloc(1);

	assert_int_equal(sim_teardown(NULL), 0);	/* the shutdown works */
	assert_int_equal(sim_setup(NULL), 0);		/* nor the boot */

	assert_false(sim_should_fail("kmalloc"));
	assert_int_equal(sim_fail_count(), 0);
}

/* ---- each point, named: the caller's errno and the unwinding ---- */

static void test_get_empty_filp__injected_fails_shmget_enfile(void **state)
{
	struct counts base;
	struct dentry *root = shm_mnt->mnt_root;
	int root_count = root->d_count;

	(void)state;
	sim_task("a", 1000, 1000);
	base = counts_now();
	assert_errno(sim_fail_inject("get_empty_filp", ENFILE, 0, 1), 0);

	assert_errno(sys_shmget(KEY, SIZE, IPC_CREAT | 0600), -ENFILE);

	/* shmem_file_setup's put_dentry: the dentry and root's pin went */
	assert_int_equal(root->d_count, root_count);
	assert_string_equal(sim_fail_last(), "get_empty_filp");
	assert_counts_back(&base, 0, 0);
}

static void test_new_inode__injected_fails_shmget_enospc(void **state)
{
	struct counts base;

	(void)state;
	sim_task("a", 1000, 1000);
	base = counts_now();
	assert_errno(sim_fail_inject("new_inode", ENOSPC, 0, 1), 0);

	assert_errno(sys_shmget(KEY, SIZE, IPC_CREAT | 0600), -ENOSPC);

	/* close_file: put_filp, then put_dentry; free_inodes stays taken */
	assert_int_equal(files_stat.nr_free_files, 1);
	assert_counts_back(&base, 1, 0);
}

static void test_d_alloc__injected_fails_shmget_enomem(void **state)
{
	struct counts base;

	(void)state;
	sim_task("a", 1000, 1000);
	base = counts_now();
	assert_errno(sim_fail_inject("d_alloc", ENOMEM, 0, 1), 0);

	assert_errno(sys_shmget(KEY, SIZE, IPC_CREAT | 0600), -ENOMEM);

	assert_counts_back(&base, 0, 0);
}

static void test_vm_enough_memory__injected_fails_shmget_enomem(void **state)
{
	struct counts base;

	(void)state;
	sim_task("a", 1000, 1000);
	base = counts_now();
	assert_errno(sim_fail_inject("vm_enough_memory", ENOMEM, 0, 1), 0);

	assert_errno(sys_shmget(KEY, SIZE, IPC_CREAT | 0600), -ENOMEM);

	assert_string_equal(sim_fail_last(), "vm_enough_memory");
	assert_counts_back(&base, 0, 0);
}

/* The id array cannot grow: a segment fits while a slot is free. */
static void test_vmalloc__injected_fails_shmget_on_a_full_array(
	void **state)
{
	struct counts base;
	long id;

	(void)state;
	sim_task("a", 1000, 1000);
	base = counts_now();
	assert_errno(sim_fail_inject("vmalloc", ENOSPC, 0, 2), 0);

	id = sys_shmget(KEY, SIZE, IPC_CREAT | 0600);
	assert_errno(id, 0);				/* slot 0 of 1 */
	assert_errno(sys_shmget(KEY + 1, SIZE, IPC_CREAT | 0600), -ENOSPC);

	/* newseg's no_id: fput tore the second file, dentry, inode down */
	assert_int_equal(sim_shm_count(), 1);
	assert_int_equal(sim_fail_count(), 2);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	assert_counts_back(&base, 0, 0);
}

/* shmdt ignores do_munmap's -ENOMEM: 0, and still attached (2.4.16). */
static void test_sys_shmdt__injected_vma_failure_returns_0_attached(
	void **state)
{
	struct task_struct *tsk;
	struct counts base;
	unsigned long addr = 0;
	long id;

	(void)state;
	base = counts_now();
	tsk = sim_task("a", 1000, 1000);
	id = sys_shmget(KEY, SIZE, IPC_CREAT | 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	assert_errno(sim_fail_inject("kmem_cache_alloc", ENOMEM, 0, 1), 0);

	assert_errno(sys_shmdt((char *)addr), 0);

	assert_string_equal(sim_fail_last(),
			    "kmem_cache_alloc(vm_area_struct)");
	assert_int_equal(stat_of(id).shm_nattch, 1);
	assert_non_null(find_vma(current->mm, addr));
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	task_exit(tsk, 0);
	assert_counts_back(&base, 0, 0);
}

/*
 * After IPC_RMID, a MAP_FIXED shmat over the only attach unmaps it, then
 * gets no vma: its pin was the last reference, so sys_shmat's tail
 * destroys the segment.
 */
static void test_sys_shmat__injected_failure_destroys_dest_segment(
	void **state)
{
	struct task_struct *tsk;
	struct counts base;
	unsigned long addr = 0, again = 0;
	long id;

	(void)state;
	base = counts_now();
	tsk = sim_task("a", 1000, 1000);
	id = sys_shmget(KEY, SIZE, IPC_CREAT | 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	assert_int_equal(sim_shm_count(), 1);		/* SHM_DEST */
	/* call 1: do_munmap's spare vma; call 2: the new vma */
	assert_errno(sim_fail_inject("kmem_cache_alloc", ENOMEM, 1, 1), 0);

	assert_errno(sys_shmat(id, (char *)addr, 0, &again), -ENOMEM);

	assert_int_equal(sim_shm_count(), 0);
	assert_null(find_vma(current->mm, addr));
	task_exit(tsk, 0);
	assert_counts_back(&base, 0, 0);
}

/* The page table comes, the page does not: VM_FAULT_OOM, SIGKILL. */
static void test_alloc_page__injected_fault_kills_the_task(void **state)
{
	struct task_struct *tsk;
	struct counts base;
	unsigned long addr = 0;
	long id;

	(void)state;
	base = counts_now();
	tsk = sim_task("a", 1000, 1000);
	id = sys_shmget(KEY, SIZE, IPC_CREAT | 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	assert_errno(sim_fail_inject("__alloc_pages", ENOMEM, 1, 1), 0);

	assert_int_equal(sim_user_access(addr, "x", 1, 1, NULL), SIGKILL);

	assert_int_equal(tsk->sim_sig, SIGKILL);
	assert_int_equal(seg_nrpages(id), 0);
	task_exit(tsk, SIGKILL);
	assert_int_equal(stat_of(id).shm_nattch, 0);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	assert_counts_back(&base, 0, 1);	/* shmem's block stays taken */
}

/* sim_setup with a swap file: 256K of RAM (64 frames), 1M of swap */
static int setup_with_swap(void **state)
{
	(void)state;
	sim_trace_reset();
	sim_trace.printing = 0;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	sim_machine.ram = 256UL << 10;
	sim_machine.swap = 1UL << 20;
	sim_machine.swap_file = NULL;
	current = &init_task;
	return start_kernel() ? -1 : 0;
}

static int dirty_pages(struct address_space *mapping)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, &mapping->dirty_pages)
		n++;
	return n;
}

/* No slot: shmem_writepage's fail_writepage keeps every page, dirty. */
static void test_get_swap_page__injected_keeps_shmem_pages_in_ram(
	void **state)
{
	static char buf[8 * PAGE_SIZE];
	struct task_struct *tsk;
	struct inode *inode;
	unsigned long addr = 0;
	long id, free_slots;

	(void)state;
	tsk = sim_task("a", 1000, 1000);
	id = sys_shmget(KEY, sizeof(buf), IPC_CREAT | 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	memset(buf, 0x5a, sizeof(buf));
	assert_int_equal(sim_user_access(addr, buf, sizeof(buf), 1, NULL), 0);
	assert_errno(sys_shmdt((char *)addr), 0);
	inode = seg_inode(id);
	free_slots = nr_swap_pages;
	assert_errno(sim_fail_inject("get_swap_page", ENOSPC, 0, -1), 0);

	sim_pressure(4);

	assert_true(sim_fail_count() >= 8);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	assert_int_equal(inode->i_mapping->nrpages, 8);
	assert_int_equal(dirty_pages(inode->i_mapping), 8);
	assert_int_equal(nr_swap_pages, free_slots);
	check_invariants();

	/* swap is back: the same pressure sends pages out */
	assert_errno(sim_fail_clear("get_swap_page"), 0);
	sim_pressure(4);
	assert_true(SHMEM_I(inode)->swapped > 0);
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	task_exit(tsk, 0);
}

/* ---- the walk: every allocation of a whole run, failed in turn ---- */

enum step { STEP_NONE, STEP_SHMGET, STEP_SHMAT, STEP_WRITE, STEP_SHMDT };

static const char *const step_names[] = {
	"none", "shmget", "shmat", "write", "shmdt",
};

/*
 * The allocations of shmget -> shmat -> write -> shmdt -> IPC_RMID, in
 * order, and what failing each does (2.4.16's errnos). A new allocation
 * on the path shifts this table: the walk then names the first row that
 * no longer matches.
 */
static const struct point {
	const char *site;		/* sim_fail_last() */
	enum step step;			/* the call that fails */
	long result;			/* its return value or signal */
	unsigned long lost_inodes;	/* tmpfs counts 2.4.16 keeps taken */
	unsigned long lost_blocks;
} points[] = {
	/* newseg: the shmid_kernel */
	{ "kmalloc", STEP_SHMGET, -ENOMEM, 0, 0 },
	/* shmem_file_setup: the overcommit check, d_alloc, get_empty_filp
	 * (put_dentry), shmem_get_inode -> new_inode (close_file) */
	{ "vm_enough_memory", STEP_SHMGET, -ENOMEM, 0, 0 },
	{ "kmem_cache_alloc(dentry_cache)", STEP_SHMGET, -ENOMEM, 0, 0 },
	{ "kmem_cache_alloc(filp)", STEP_SHMGET, -ENFILE, 0, 0 },
	{ "kmem_cache_alloc(inode_cache)", STEP_SHMGET, -ENOSPC, 1, 0 },
	/* ipc_addid -> grow_ary: the 1-slot array stays; slot 0 is free */
	{ "vmalloc", STEP_SHMGET, 0, 0, 0 },
	/* do_mmap_pgoff's vma: sys_shmat still drops its pin */
	{ "kmem_cache_alloc(vm_area_struct)", STEP_SHMAT, -ENOMEM, 0, 0 },
	/* the fault: pte_alloc's page table, then shmem's page */
	{ "alloc_page", STEP_WRITE, SIGKILL, 0, 0 },
	{ "alloc_page", STEP_WRITE, SIGKILL, 0, 1 },
	/* do_munmap's spare vma: -ENOMEM, which sys_shmdt drops */
	{ "kmem_cache_alloc(vm_area_struct)", STEP_SHMDT, 0, 0, 0 },
};

#define NR_POINTS	(sizeof(points) / sizeof(points[0]))

struct run {
	enum step failed;		/* the step the injected failure hit */
	long result;			/* that step's result */
};

/* After each step: did the failure happen in it? Check the machine then. */
static void note_step(struct run *r, enum step s, long result)
{
	if (r->failed != STEP_NONE || !sim_fail_count())
		return;
	r->failed = s;
	r->result = result;
	check_invariants();
}

/*
 * One run with its n-th allocation failing, wound up whatever failed: a
 * killed task is reaped, a segment is removed, the task exits.
 */
static void run_with_nth_failing(unsigned long n, struct run *r)
{
	struct task_struct *tsk = sim_task("a", 1000, 1000);
	unsigned long addr = 0;
	char got[6] = "";
	long id, err;
	int sig;

	r->failed = STEP_NONE;
	r->result = 0;
	sim_fail_nth_alloc(n);
	id = sys_shmget(KEY, SIZE, IPC_CREAT | 0600);
	note_step(r, STEP_SHMGET, id);
	if (id < 0)
		goto out;
	err = sys_shmat(id, NULL, 0, &addr);
	note_step(r, STEP_SHMAT, err);
	if (err) {
		/* the pin is gone */
		assert_int_equal(stat_of(id).shm_nattch, 0);
		goto rmid;
	}
	sig = sim_user_access(addr, "hello", 5, 1, NULL);
	note_step(r, STEP_WRITE, sig);
	if (sig) {
		assert_int_equal(sig, SIGKILL);
		task_exit(tsk, sig);
		tsk = NULL;
		assert_int_equal(stat_of(id).shm_nattch, 0);
		goto rmid;
	}
	assert_int_equal(sim_user_access(addr, got, 5, 0, NULL), 0);
	assert_memory_equal(got, "hello", 5);
	err = sys_shmdt((char *)addr);
	note_step(r, STEP_SHMDT, err);
	/* a failed do_munmap leaves the attach in place */
	assert_int_equal(stat_of(id).shm_nattch,
			 r->failed == STEP_SHMDT ? 1 : 0);
rmid:
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
out:
	if (tsk)
		task_exit(tsk, 0);
}

static void test_sim_fail_nth_alloc__every_shm_point_unwinds(
	void **state)
{
	const struct point *p;
	struct counts base;
	struct run r;
	unsigned long n;

	(void)state;
	for (n = 1;; n++) {
		assert_int_equal(sim_setup(NULL), 0);
		base = counts_now();
		run_with_nth_failing(n, &r);
		if (!sim_fail_count()) {
			/* past the last point: a clean run */
			assert_int_equal(r.failed, STEP_NONE);
			assert_counts_back(&base, 0, 0);
			assert_int_equal(sim_teardown(NULL), 0);
			break;
		}
		if (n > NR_POINTS)
			print_error("point %lu (%s in %s) is not in the "
				    "table\n", n, sim_fail_last(),
				    step_names[r.failed]);
		assert_true(n <= NR_POINTS);
		p = &points[n - 1];
		if (strcmp(sim_fail_last(), p->site) || r.failed != p->step ||
		    r.result != p->result)
			print_error("point %lu: %s failed %s with %ld, the "
				    "table says %s, %s, %ld\n", n,
				    sim_fail_last(), step_names[r.failed],
				    r.result, p->site, step_names[p->step],
				    p->result);
		assert_string_equal(sim_fail_last(), p->site);
		assert_int_equal(r.failed, p->step);
		assert_errno(r.result, p->result);
		assert_int_equal(sim_fail_count(), 1);
		assert_counts_back(&base, p->lost_inodes, p->lost_blocks);
		assert_int_equal(sim_teardown(NULL), 0);
	}
	assert_int_equal(n - 1, NR_POINTS);
}

/* ---- the other paths: whatever fails, nothing leaks ---- */

/*
 * As assert_counts_back, but the tmpfs counters may only have gone down
 * (2.4.16 keeps what a failed shmem_get_inode/shmem_getpage_locked took).
 */
static void assert_counts_back_but_tmpfs(const struct counts *base)
{
	struct counts now = counts_now();

	assert_true(now.free_inodes <= base->free_inodes);
	assert_true(now.free_blocks <= base->free_blocks);
	assert_counts_back(base, base->free_inodes - now.free_inodes,
			   base->free_blocks - now.free_blocks);
}

/* A one-byte access as *tsk; a fatal fault reaps the task (*tsk NULL). */
static void access_as(struct task_struct **tsk, unsigned long addr,
		      int write)
{
	char c = 'x';
	int sig;

	if (!*tsk || !addr)
		return;
	current = *tsk;
	sig = sim_user_access(addr, &c, 1, write, NULL);
	if (sig) {
		assert_true(sig == SIGKILL);	/* only memory runs out */
		task_exit(*tsk, sig);
		*tsk = NULL;
	}
	check_invariants();
}

static unsigned long map_anon(struct task_struct *tsk, unsigned long flags)
{
	unsigned long addr;

	if (!tsk)
		return 0;
	current = tsk;
	addr = sys_mmap2(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 flags | MAP_ANONYMOUS, (unsigned long)-1, 0);
	check_invariants();
	return IS_ERR((void *)addr) ? 0 : addr;
}

/*
 * Beyond the walk above: a segment past the 16 direct swap entries (the
 * swap vector's pages), shared and private anonymous maps, fork (mm, page
 * directory, vmas, page tables) with a copy-on-write fault, mprotect and
 * munmap splits. Any call may fail; the run goes on with what it has.
 */
static void run_other_paths(unsigned long n)
{
	struct task_struct *a = sim_task("a", 1000, 1000), *child = NULL;
	unsigned long shm = 0, shared, private;
	long id, pid;

	sim_fail_nth_alloc(n);
	id = sys_shmget(KEY, 20 * PAGE_SIZE, IPC_CREAT | 0600);
	check_invariants();
	if (id >= 0 && sys_shmat(id, NULL, 0, &shm))
		shm = 0;
	check_invariants();
	access_as(&a, shm, 1);
	access_as(&a, shm ? shm + 17 * PAGE_SIZE : 0, 1);
	shared = map_anon(a, MAP_SHARED);
	access_as(&a, shared, 1);
	private = map_anon(a, MAP_PRIVATE);
	access_as(&a, private, 1);
	if (a) {
		current = a;
		pid = do_fork(0, "child");
		if (pid > 0)
			child = sim_find_task_by_pid(pid);
		check_invariants();
	}
	access_as(&child, shm ? shm + PAGE_SIZE : 0, 1);
	access_as(&child, private, 1);		/* copy on write */
	if (a && shm) {
		current = a;
		sys_mprotect(shm + PAGE_SIZE, PAGE_SIZE, PROT_READ);
		check_invariants();
		sys_munmap(shm + 4 * PAGE_SIZE, PAGE_SIZE);
		check_invariants();
	}
	if (child)
		task_exit(child, 0);
	if (a && shm) {
		current = a;
		assert_errno(sys_shmdt((char *)shm), 0);
	}
	current = &init_task;		/* root removes it */
	if (id >= 0)
		assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	if (a)
		task_exit(a, 0);
}

/*
 * Memory pressure with swap: pages go out (get_swap_page, the swap
 * cache) and come back (read_swap_cache_async), a private anonymous
 * page through a swap pte (do_swap_page).
 */
static void run_swap_paths(unsigned long n)
{
	static char buf[24 * PAGE_SIZE];
	struct task_struct *a = sim_task("a", 1000, 1000);
	unsigned long shm = 0, private;
	long id;
	int i;

	private = map_anon(a, MAP_PRIVATE);
	id = sys_shmget(KEY, sizeof(buf), IPC_CREAT | 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &shm), 0);
	sim_fail_nth_alloc(n);
	access_as(&a, private, 1);
	memset(buf, 0x5a, sizeof(buf));
	if (a) {
		current = a;
		if (sim_user_access(shm, buf, sizeof(buf), 1, NULL)) {
			task_exit(a, SIGKILL);
			a = NULL;
		}
		check_invariants();
	}
	sim_pressure(32);
	check_invariants();
	for (i = 0; i < 24; i++)
		access_as(&a, shm + i * PAGE_SIZE, 0);
	access_as(&a, private, 0);
	current = &init_task;
	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);
	if (a)
		task_exit(a, 0);
}

/* n = 1, 2, ... until a run sees no failure; returns the points seen. */
static unsigned long walk(int (*setup)(void **), void (*run)(unsigned long))
{
	struct counts base;
	unsigned long n;

	for (n = 1;; n++) {
		assert_int_equal(setup(NULL), 0);
		base = counts_now();
		run(n);
		if (!sim_fail_count()) {
			assert_counts_back(&base, 0, 0);
			assert_int_equal(sim_teardown(NULL), 0);
			return n - 1;
		}
		assert_counts_back_but_tmpfs(&base);
		if (sim_teardown(NULL)) {
			print_error("point %lu: %s\n", n, sim_fail_last());
			fail();
		}
	}
}

static void test_sim_fail_nth_alloc__fork_mmap_mprotect_unwind(
	void **state)
{
	unsigned long n;

	(void)state;
	n = walk(sim_setup, run_other_paths);
	print_message("%lu points\n", n);
	assert_true(n > 20);
}

static void test_sim_fail_nth_alloc__swap_out_and_in_unwind(void **state)
{
	unsigned long n;

	(void)state;
	n = walk(setup_with_swap, run_swap_paths);
	print_message("%lu points\n", n);
	assert_true(n > 20);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sim_fail_find__names_and_alias,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_fail_inject__rejects_what_cannot_happen,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_should_fail__after_then_times,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_should_fail__times_minus_one_until_cleared,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_fail_clear__null_disarms_everything,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_fail_nth_alloc__counts_allocators_only,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_start_kernel__disarms_every_point,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_empty_filp__injected_fails_shmget_enfile,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_new_inode__injected_fails_shmget_enospc,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_d_alloc__injected_fails_shmget_enomem,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_vm_enough_memory__injected_fails_shmget_enomem,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_vmalloc__injected_fails_shmget_on_a_full_array,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmdt__injected_vma_failure_returns_0_attached,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sys_shmat__injected_failure_destroys_dest_segment,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_alloc_page__injected_fault_kills_the_task,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_get_swap_page__injected_keeps_shmem_pages_in_ram,
			setup_with_swap, sim_teardown),
		/* these boot and shut down a machine per point themselves */
		cmocka_unit_test(
			test_sim_fail_nth_alloc__every_shm_point_unwinds),
		cmocka_unit_test(
			test_sim_fail_nth_alloc__fork_mmap_mprotect_unwind),
		cmocka_unit_test(
			test_sim_fail_nth_alloc__swap_out_and_in_unwind),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "sim/fail");
}
