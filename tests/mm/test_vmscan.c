// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_vmscan.c - sim/mm/vmscan.c: reclaim (try_to_free_pages,
 * shrink_cache, swap_out, kswapd_balance) under the page allocator's
 * watermarks (sim/mm/page_alloc.c), and a randomized test of the whole
 * swap path against a plain model of the bytes.
 *
 * The randomized test (fixed seeds): a machine of a few dozen frames
 * (pages_min is 20 on any machine this small, so only the frames above 21
 * are for ordinary allocations) and a swap file of a few MiB; three tasks,
 * three segments of 16-48 pages, and a private anonymous area per task.
 * Thousands of steps, each one of: a 1-16 byte write or read at a random
 * offset through sim_user_access (every read compared with the model
 * array kept here), pressure, fork (the child inherits the attaches and a
 * copy of the anonymous area's model), exit of a child, shmdt, shmat,
 * SHM_LOCK/SHM_UNLOCK. kswapd runs between steps when the allocator woke
 * it, as the scenario runner does, or (seeds 2 and 4) never, so that every
 * fault at pages_min reclaims in the middle of itself. sim_check_all runs
 * after every step. No task may be killed (the swap file is big enough
 * that reclaim never runs out). At the end every byte is compared,
 * everything is removed, and every frame and swap slot must be free again.
 * SHMSIM_SOAK=N runs N more seeds (the last test; skipped otherwise).
 *
 * Before it, deterministic tests of the watermarks (2 MiB: pages_min 20,
 * pages_low 40, pages_high 60), kswapd_balance, the pressure statement's
 * sim_pressure, and shrink_cache dropping clean shmem pages.
 */
#include <stdlib.h>
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define NSEG		3
#define MAX_TASKS	5
#define NORIG		3	/* made first; children come and go */
#define RW		(PROT_READ | PROT_WRITE)

static int saved_trace_enabled;
static int kswapd_asleep;		/* run_kswapd does nothing */

/* The trace off for speed (no events counted); sim_teardown after. */
static int teardown(void **state)
{
	int ret = sim_teardown(state);

	sim_trace.enabled = saved_trace_enabled;
	kswapd_asleep = 0;
	return ret;
}

static void check_machine(const char *after, int step)
{
	char why[512];
	int err = sim_check_all(why, sizeof(why));

	if (err)
		fail_msg("step %d (%s): invariant %d broken: %s", step, after,
			 err, why);
}

/*
 * kswapd, if the allocator woke it: between steps, as cli/run.c does;
 * unless the test keeps it asleep, so that every allocation at pages_min
 * reclaims for itself, in the middle of a fault (do_wp_page's and
 * do_swap_page's alloc_page among them).
 */
static void run_kswapd(void)
{
	struct task_struct *saved = current;

	current = &init_task;
	if (need_balance && !kswapd_asleep)
		kswapd_balance();
	current = saved;
}

/* ---- deterministic tests ---- */

/* 2 MiB (512 frames): pages_min 20 (512 / 128 is 4, raised to 20). */
static int setup_2m(void **state)
{
	(void)state;
	saved_trace_enabled = sim_trace.enabled;
	sim_trace.enabled = 0;
	return sim_setup_machine(2UL << 20, 4UL << 20);
}

static long attach_segment(unsigned long pages, unsigned long *addr)
{
	long id = sys_shmget(IPC_PRIVATE, pages * PAGE_SIZE, 0600);

	assert_true(id >= 0);
	assert_errno(sys_shmat(id, NULL, 0, addr), 0);
	return id;
}

static void test___alloc_pages__watermarks_of_a_small_machine(void **state)
{
	(void)state;
	assert_int_equal(max_mapnr, 512);
	assert_int_equal(pages_min, 20);
	assert_int_equal(pages_low, 40);
	assert_int_equal(pages_high, 60);
	assert_int_equal(need_balance, 0);
}

/*
 * Touching pages until free frames reach pages_low wakes kswapd
 * (need_balance); below pages_min the toucher reclaims itself, so the
 * last ordinary allocation leaves more than pages_min free.
 */
static void test___alloc_pages__pages_low_wakes_kswapd(void **state)
{
	unsigned long addr = 0, i;

	(void)state;
	sim_task("a", 500, 100);
	attach_segment(600, &addr);
	for (i = 0; i < 600 && !need_balance; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 1), 0);

	assert_int_equal(need_balance, 1);
	assert_int_equal(nr_free_pages(), pages_low);
	assert_int_equal(nr_swap_pages, total_swap_pages);
	for (; i < 600; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 1), 0);
	assert_true(nr_free_pages() > pages_min);
	/* the toucher reclaimed for itself: pages went to swap */
	assert_true(nr_swap_pages < total_swap_pages);
}

/* kswapd_balance frees until more than pages_high frames are free. */
static void test_kswapd_balance__frees_above_pages_high(void **state)
{
	unsigned long addr = 0, i;

	(void)state;
	sim_task("a", 500, 100);
	attach_segment(600, &addr);
	for (i = 0; i < 600; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 1), 0);
	assert_int_equal(need_balance, 1);

	kswapd_balance();

	assert_int_equal(need_balance, 0);
	assert_true(nr_free_pages() > pages_high);
	check_machine("kswapd_balance", 0);
}

/*
 * pressure N: try_to_free_pages until N more frames are free, or until a
 * round gives up. With every page mapped and young, the first rounds only
 * age and drop ptes (nothing freed yet); asked again, it frees. Each call
 * returns exactly the frames it freed.
 */
static void test_sim_pressure__counts_freed_frames_stops_on_give_up(
	void **state)
{
	struct task_struct *tsk;
	unsigned long addr = 0, i, before;
	int freed, total, calls;

	(void)state;
	tsk = sim_task("a", 500, 100);
	attach_segment(300, &addr);
	for (i = 0; i < 300; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 1), 0);
	assert_int_equal(need_balance, 0);	/* 200 frames still free */
	assert_int_equal(tsk->mm->rss, 300);
	before = nr_free_pages();

	total = freed = sim_pressure(100);

	assert_int_equal(nr_free_pages(), before + freed);
	assert_true(tsk->mm->rss < 300);	/* ptes went first */
	for (calls = 1; calls < 10 && total < 100; calls++) {
		before = nr_free_pages();
		freed = sim_pressure(100);
		assert_int_equal(nr_free_pages(), before + freed);
		total += freed;
	}
	assert_true(total >= 100);
	check_machine("pressure", 0);
}

/*
 * Clean shmem pages (only read, so still zero) are simply dropped: no
 * slot is used, nothing is written, and i_blocks keeps counting them
 * until the next shmem_recalc_inode gives the blocks back.
 */
static void test_shrink_cache__clean_shmem_pages_dropped_unwritten(
	void **state)
{
	unsigned long addr = 0, i, out = sim_pswpout;
	struct sim_shm_info info;
	struct inode *inode;
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_segment(300, &addr);
	for (i = 0; i < 300; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 0), 0);
	assert_errno(sys_shmdt((char *)addr), 0);
	assert_true(sim_shm_lookup(id, &info));
	inode = info.file->f_dentry->d_inode;
	assert_int_equal(inode->i_mapping->nrpages, 300);

	sim_pressure(400);

	assert_int_equal(inode->i_mapping->nrpages, 0);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	assert_int_equal(sim_pswpout, out);
	assert_int_equal(nr_swap_pages, total_swap_pages);
	/* i_blocks is given back by the next shmem_recalc_inode only */
	assert_int_equal(inode->i_blocks, 300 * 8);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	assert_int_equal(sim_user_access(addr + 5 * PAGE_SIZE, &c, 1, 0, NULL),
			 0);
	assert_int_equal(c, 0);
	assert_int_equal(inode->i_blocks, 1 * 8);	/* recalc: 299 back */
	check_machine("reread", 0);
}

/* ---- the randomized test ---- */

struct rnd_config {
	unsigned long long seed;
	unsigned long frames;		/* RAM */
	unsigned long swap;		/* bytes of swap file */
	unsigned int seg_pages[NSEG];
	unsigned int anon_pages;	/* per original task */
	int steps;
	int shm_lock;			/* segment 0 may be SHM_LOCKed */
	int kswapd_asleep;		/* never run kswapd: faults reclaim */
};

struct rnd_task {
	struct task_struct *tsk;
	unsigned long at[NSEG];		/* attach address, or 0 */
	unsigned long anon;		/* the private anonymous area */
	unsigned char *anon_model;
};

struct rnd_seg {
	long id;
	unsigned long size;
	unsigned char *model;
};

struct rnd_world {
	const struct rnd_config *cfg;
	unsigned long long x;		/* xorshift64* state */
	struct rnd_task task[MAX_TASKS];
	int ntasks;
	struct rnd_seg seg[NSEG];
	int locked;
	int step;
	unsigned long reads, writes, forks, exits, pressures;
};

static unsigned long rnd(struct rnd_world *w, unsigned long n)
{
	w->x ^= w->x >> 12;
	w->x ^= w->x << 25;
	w->x ^= w->x >> 27;
	return (unsigned long)((w->x * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

/* One user access of current's; nothing may kill the task. */
static void user_rw(struct rnd_world *w, unsigned long addr, void *buf,
		    size_t len, int write)
{
	int sig = sim_user_access(addr, buf, len, write, NULL);

	if (sig || current->sim_sig)
		fail_msg("step %d: %s of %zu at %#lx in pid %d: signal %d "
			 "(free %lu, swap free %ld)", w->step,
			 write ? "write" : "read", len, addr, current->pid,
			 sig ? sig : current->sim_sig, nr_free_pages(),
			 nr_swap_pages);
}

static void compare(struct rnd_world *w, const unsigned char *got,
		    const unsigned char *want, size_t len, const char *what,
		    unsigned long off)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (got[i] != want[i])
			fail_msg("step %d: %s byte %lu is %#x, the model says "
				 "%#x", w->step, what, off + i, got[i],
				 want[i]);
}

/* A random 1-16 byte access of area [base, base+size) of task t. */
static void rnd_rw(struct rnd_world *w, struct rnd_task *t,
		   unsigned long base, unsigned char *model,
		   unsigned long size, int write, const char *what)
{
	unsigned char buf[16];
	size_t len = 1 + rnd(w, 16), i;
	unsigned long off = rnd(w, size - len + 1);

	current = t->tsk;
	if (write) {
		for (i = 0; i < len; i++)
			buf[i] = (unsigned char)rnd(w, 256);
		user_rw(w, base + off, buf, len, 1);
		memcpy(model + off, buf, len);
		w->writes++;
	} else {
		user_rw(w, base + off, buf, len, 0);
		compare(w, buf, model + off, len, what, off);
		w->reads++;
	}
	current = &init_task;
}

static struct rnd_task *rnd_task(struct rnd_world *w)
{
	return &w->task[rnd(w, w->ntasks)];
}

static void step_access(struct rnd_world *w, int write)
{
	struct rnd_task *t = rnd_task(w);
	int k, s;

	if (t->anon && rnd(w, 4) == 0) {
		rnd_rw(w, t, t->anon, t->anon_model,
		       w->cfg->anon_pages * PAGE_SIZE, write, "anonymous");
		return;
	}
	for (k = 0, s = rnd(w, NSEG); k < NSEG; k++, s = (s + 1) % NSEG)
		if (t->at[s])
			break;
	if (k == NSEG)
		return;		/* nothing attached: nothing to touch */
	rnd_rw(w, t, t->at[s], w->seg[s].model, w->seg[s].size, write,
	       "segment");
}

static void attach(struct rnd_world *w, struct rnd_task *t, int s)
{
	unsigned long raddr = 0;

	current = t->tsk;
	assert_errno(sys_shmat(w->seg[s].id, NULL, 0, &raddr), 0);
	current = &init_task;
	t->at[s] = raddr;
}

static void step_shmat(struct rnd_world *w)
{
	struct rnd_task *t = rnd_task(w);
	int s = rnd(w, NSEG);

	if (!t->at[s])
		attach(w, t, s);
}

static void step_shmdt(struct rnd_world *w)
{
	struct rnd_task *t = rnd_task(w);
	int s = rnd(w, NSEG);

	if (!t->at[s])
		return;
	current = t->tsk;
	assert_errno(sys_shmdt((char *)t->at[s]), 0);
	current = &init_task;
	t->at[s] = 0;
}

static void step_fork(struct rnd_world *w)
{
	struct rnd_task *parent = rnd_task(w), *child;
	size_t anon = w->cfg->anon_pages * PAGE_SIZE;
	long pid;

	if (w->ntasks == MAX_TASKS)
		return;
	current = parent->tsk;
	pid = do_fork(0, "child");
	current = &init_task;
	if (pid < 0)
		fail_msg("step %d: fork: %ld", w->step, pid);
	child = &w->task[w->ntasks++];
	*child = *parent;
	child->tsk = sim_find_task_by_pid(pid);
	assert_non_null(child->tsk);
	if (parent->anon_model) {
		child->anon_model = malloc(anon);
		assert_non_null(child->anon_model);
		memcpy(child->anon_model, parent->anon_model, anon);
	}
	w->forks++;
}

static void task_exit(struct rnd_task *t)
{
	current = t->tsk;
	do_exit(0);
	sim_task_free(t->tsk);
	current = &init_task;
	free(t->anon_model);
	memset(t, 0, sizeof(*t));
}

/* A child (never one of the first tasks) exits. */
static void step_exit(struct rnd_world *w)
{
	int i;

	if (w->ntasks == NORIG)
		return;
	i = NORIG + rnd(w, w->ntasks - NORIG);
	task_exit(&w->task[i]);
	w->task[i] = w->task[--w->ntasks];
	memset(&w->task[w->ntasks], 0, sizeof(w->task[0]));
	w->exits++;
}

/* SHM_LOCK or SHM_UNLOCK segment 0, as root */
static void step_lock(struct rnd_world *w)
{
	current = &init_task;
	assert_errno(sys_shmctl(w->seg[0].id, w->locked ? SHM_UNLOCK :
				SHM_LOCK, NULL), 0);
	w->locked = !w->locked;
}

/* Every byte of every segment and anonymous area against the model. */
static void verify_all(struct rnd_world *w)
{
	static unsigned char buf[PAGE_SIZE];
	unsigned long raddr, off;
	int s, i;

	for (s = 0; s < NSEG; s++) {
		struct rnd_task *t = &w->task[0];
		int attached_here = 0;

		current = t->tsk;
		raddr = t->at[s];
		if (!raddr) {
			assert_errno(sys_shmat(w->seg[s].id, NULL, 0, &raddr),
				     0);
			attached_here = 1;
		}
		for (off = 0; off < w->seg[s].size; off += PAGE_SIZE) {
			user_rw(w, raddr + off, buf, PAGE_SIZE, 0);
			compare(w, buf, w->seg[s].model + off, PAGE_SIZE,
				"segment (full check)", off);
		}
		if (attached_here)
			assert_errno(sys_shmdt((char *)raddr), 0);
		current = &init_task;
		run_kswapd();
	}
	for (i = 0; i < w->ntasks; i++) {
		struct rnd_task *t = &w->task[i];

		if (!t->anon)
			continue;
		current = t->tsk;
		for (off = 0; off < w->cfg->anon_pages * PAGE_SIZE;
		     off += PAGE_SIZE) {
			user_rw(w, t->anon + off, buf, PAGE_SIZE, 0);
			compare(w, buf, t->anon_model + off, PAGE_SIZE,
				"anonymous (full check)", off);
		}
		current = &init_task;
		run_kswapd();
	}
}

static void rnd_start(struct rnd_world *w)
{
	const struct rnd_config *cfg = w->cfg;
	int s, i;

	for (s = 0; s < NSEG; s++) {
		w->seg[s].size = cfg->seg_pages[s] * PAGE_SIZE;
		w->seg[s].id = sys_shmget(IPC_PRIVATE, w->seg[s].size, 0666);
		assert_true(w->seg[s].id >= 0);
		w->seg[s].model = calloc(1, w->seg[s].size);
		assert_non_null(w->seg[s].model);
	}
	for (i = 0; i < NORIG; i++) {
		struct rnd_task *t = &w->task[w->ntasks++];

		t->tsk = sim_task(i == 0 ? "t0" : i == 1 ? "t1" : "t2",
				  1000, 1000);
		if (cfg->anon_pages) {
			t->anon = sys_mmap2(0, cfg->anon_pages * PAGE_SIZE, RW,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			assert_true(t->anon < TASK_SIZE);
			t->anon_model = calloc(1, cfg->anon_pages * PAGE_SIZE);
			assert_non_null(t->anon_model);
		}
		for (s = 0; s < NSEG; s++)
			if (s == i || rnd(w, 2))
				attach(w, t, s);
		current = &init_task;
	}
}

static void rnd_finish(struct rnd_world *w)
{
	int s;

	verify_all(w);
	check_machine("the full check", w->step);
	current = &init_task;
	/* IPC_RMID while attached: each dies with its last detach */
	for (s = 0; s < NSEG; s++) {
		assert_errno(sys_shmctl(w->seg[s].id, IPC_RMID, NULL), 0);
		free(w->seg[s].model);
	}
	while (w->ntasks)
		task_exit(&w->task[--w->ntasks]);
	run_kswapd();
	check_machine("the end", w->step);
	assert_int_equal(swapper_space.nrpages, 0);
	assert_int_equal(page_cache_size, 0);
	assert_int_equal(nr_swap_pages, total_swap_pages);
	assert_int_equal(nr_free_pages(), max_mapnr);
	assert_int_equal(sim_shm_count(), 0);
}

static int setup_random(void **state)
{
	const struct rnd_config *cfg = *state;

	saved_trace_enabled = sim_trace.enabled;
	sim_trace.enabled = 0;
	kswapd_asleep = cfg->kswapd_asleep;
	return sim_setup_machine(cfg->frames * PAGE_SIZE, cfg->swap);
}

static void run_random(const struct rnd_config *cfg)
{
	unsigned long in = sim_pswpin, out = sim_pswpout;
	struct rnd_world *w = calloc(1, sizeof(*w));

	assert_non_null(w);
	w->cfg = cfg;
	w->x = cfg->seed;
	rnd_start(w);
	check_machine("the start", 0);
	for (w->step = 1; w->step <= cfg->steps; w->step++) {
		unsigned long op = rnd(w, 100);
		const char *what;

		if (op < 40) {
			what = "write";
			step_access(w, 1);
		} else if (op < 80) {
			what = "read";
			step_access(w, 0);
		} else if (op < 85) {
			what = "pressure";
			sim_pressure(1 + (int)rnd(w, 24));
			w->pressures++;
		} else if (op < 88) {
			what = "fork";
			step_fork(w);
		} else if (op < 90) {
			what = "exit";
			step_exit(w);
		} else if (op < 94) {
			what = "shmdt";
			step_shmdt(w);
		} else if (op < 98) {
			what = "shmat";
			step_shmat(w);
		} else if (op < 99 || !cfg->shm_lock) {
			what = "full check";
			if (rnd(w, 4) == 0)
				verify_all(w);
		} else {
			what = "SHM_LOCK";
			step_lock(w);
		}
		run_kswapd();
		check_machine(what, w->step);
	}
	if (w->locked)
		step_lock(w);
	rnd_finish(w);
	print_message("seed %llu: %lu writes, %lu reads, %lu forks, %lu exits, "
		      "%lu pressures; %lu pages out, %lu in\n", cfg->seed,
		      w->writes, w->reads, w->forks, w->exits, w->pressures,
		      sim_pswpout - out, sim_pswpin - in);
	/* the point of the exercise: pages went out and came back */
	assert_true(sim_pswpout - out > 100);
	assert_true(sim_pswpin - in > 100);
	free(w);
}

static const struct rnd_config rnd_configs[] = {
	{ 1, 48, 2UL << 20, { 16, 32, 48 }, 4, 3000, 0, 0 },
	{ 2, 64, 1UL << 20, { 24, 40, 17 }, 8, 3000, 0, 1 },
	{ 3, 96, 4UL << 20, { 16, 48, 33 }, 8, 3000, 1, 0 },
	{ 4, 56, 2UL << 20, { 48, 48, 48 }, 0, 3000, 0, 1 },
};

/* seed 1: 48 frames, 2 MiB of swap, 4 anonymous pages per task */
static void test_try_to_free_pages__random_seed_1_48_frames(
	void **state)
{
	run_random(*state);
}

/* seed 2: 64 frames, 1 MiB of swap, 8 anonymous pages, kswapd asleep */
static void test_try_to_free_pages__random_seed_2_64_frames_asleep(
	void **state)
{
	run_random(*state);
}

/* seed 3: 96 frames, 4 MiB of swap, segment 0 SHM_LOCKed at times */
static void test_try_to_free_pages__random_seed_3_96_frames_locked(
	void **state)
{
	run_random(*state);
}

/* seed 4: 56 frames, 2 MiB of swap, shm only, kswapd asleep */
static void test_try_to_free_pages__random_seed_4_56_frames_asleep(
	void **state)
{
	run_random(*state);
}

/*
 * SHMSIM_SOAK=N: N more seeds (1000, 1001, ...), each with its machine
 * and mix drawn from the seed; skipped when the variable is not set.
 *	SHMSIM_SOAK=500 build/tests/test_mm_vmscan '*soak*'
 */
static void test_try_to_free_pages__random_soak_from_environment(
	void **state)
{
	const char *env = getenv("SHMSIM_SOAK");
	unsigned long n, i;

	(void)state;
	if (!env || !*env)
		skip();
	n = strtoul(env, NULL, 0);
	for (i = 0; i < n; i++) {
		struct rnd_world g = { .x = 1000 + i };
		struct rnd_config cfg = { .seed = 1000 + i, .steps = 3000 };
		void *prestate;
		int s;

		cfg.frames = 48 + rnd(&g, 49);
		cfg.swap = (1 + rnd(&g, 4)) << 20;
		for (s = 0; s < NSEG; s++)
			cfg.seg_pages[s] = 16 + rnd(&g, 33);
		cfg.anon_pages = rnd(&g, 9);
		cfg.kswapd_asleep = rnd(&g, 2);
		cfg.shm_lock = cfg.frames >= 80 && cfg.seg_pages[0] <= 24;
		print_message("seed %llu: %lu frames, %lu MiB of swap, segments "
			      "of %u, %u and %u pages, %u anonymous, kswapd "
			      "%s%s\n", cfg.seed, cfg.frames, cfg.swap >> 20,
			      cfg.seg_pages[0], cfg.seg_pages[1],
			      cfg.seg_pages[2], cfg.anon_pages,
			      cfg.kswapd_asleep ? "asleep" : "awake",
			      cfg.shm_lock ? ", SHM_LOCK" : "");
		prestate = &cfg;
		assert_int_equal(setup_random(&prestate), 0);
		run_random(&cfg);
		assert_int_equal(teardown(NULL), 0);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test___alloc_pages__watermarks_of_a_small_machine,
			setup_2m, teardown),
		cmocka_unit_test_setup_teardown(
			test___alloc_pages__pages_low_wakes_kswapd,
			setup_2m, teardown),
		cmocka_unit_test_setup_teardown(
			test_kswapd_balance__frees_above_pages_high,
			setup_2m, teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_pressure__counts_freed_frames_stops_on_give_up,
			setup_2m, teardown),
		cmocka_unit_test_setup_teardown(
			test_shrink_cache__clean_shmem_pages_dropped_unwritten,
			setup_2m, teardown),
		cmocka_unit_test_prestate_setup_teardown(
			test_try_to_free_pages__random_seed_1_48_frames,
			setup_random, teardown, (void *)&rnd_configs[0]),
		cmocka_unit_test_prestate_setup_teardown(
			test_try_to_free_pages__random_seed_2_64_frames_asleep,
			setup_random, teardown, (void *)&rnd_configs[1]),
		cmocka_unit_test_prestate_setup_teardown(
			test_try_to_free_pages__random_seed_3_96_frames_locked,
			setup_random, teardown, (void *)&rnd_configs[2]),
		cmocka_unit_test_prestate_setup_teardown(
			test_try_to_free_pages__random_seed_4_56_frames_asleep,
			setup_random, teardown, (void *)&rnd_configs[3]),
		cmocka_unit_test(
			test_try_to_free_pages__random_soak_from_environment),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/vmscan");
}
