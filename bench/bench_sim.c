// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/bench_sim.c - the simulated kernel's side of kernel_bench: the
 * same work as bench_host.c, through sys_shmget/sys_shmat/sys_shmdt/
 * sys_shmctl and user stores that fault through do_page_fault. Each
 * measurement boots a fresh machine with no swap (tracing as asked) and
 * shuts it down again; a shutdown that finds anything alive is an error.
 * Only the loop is timed, never the boot or the shutdown.
 */
#include <stdio.h>
#include <stdint.h>

#include "sim/kernel.h"

#include "bench.h"

#define BENCH_RAM_EXTRA	(16UL << 20)	/* the kernel's own pages and more */

static struct task_struct *tsk;
static FILE *devnull;

int bench_sim_traced(void)
{
	return SIM_TRACE_COMPILED;
}

static int sim_boot(unsigned long ram, enum bench_trace mode)
{
	sim_trace.enabled = mode != BENCH_TRACE_NOT_COUNTED;
	sim_trace.printing = mode == BENCH_TRACE_PRINTED;
	sim_trace_out = NULL;
	if (sim_trace.printing) {
		devnull = fopen("/dev/null", "w");
		if (!devnull) {
			perror("kernel_bench: /dev/null");
			return -1;
		}
		sim_trace_out = devnull;
	}
	sim_machine.ram = ram;
	sim_machine.swap = 0;
	sim_machine.swap_file = NULL;
	if (start_kernel()) {
		fprintf(stderr, "kernel_bench: the simulated machine (%lu MiB) "
			"does not boot\n", ram >> 20);
		return -1;
	}
	shm_ctlmax = ram;		/* sysctl kernel.shmmax */
	tsk = sim_task_create("bench", 0, 0);
	current = tsk;
	return 0;
}

/* Every task exits; -1 if anything is left alive. */
static int sim_down(void)
{
	int leaks;

	current = &init_task;
	leaks = sim_shutdown(stderr);
	tsk = NULL;
	if (devnull)
		fclose(devnull);
	devnull = NULL;
	sim_trace_out = NULL;
	sim_trace.enabled = 1;
	sim_trace.printing = 1;
	if (leaks)
		fprintf(stderr, "kernel_bench: %d objects alive at shutdown\n",
			leaks);
	return leaks ? -1 : 0;
}

static void sim_error(const char *what, long rc)
{
	fprintf(stderr, "kernel_bench: simulated %s: %ld\n", what, rc);
}

/* One user store of a byte: 0, or the signal that killed the task. */
static int store(unsigned long addr, unsigned char byte)
{
	return sim_user_access(addr, &byte, 1, 1, NULL);
}

double bench_sim_first_touch(unsigned long pages, enum bench_trace mode)
{
	unsigned long addr = 0, i;
	double t0, secs = -1;
	long id;

	if (sim_boot(pages * PAGE_SIZE + BENCH_RAM_EXTRA, mode))
		return -1;
	id = sys_shmget(IPC_PRIVATE, pages * PAGE_SIZE, IPC_CREAT | 0600);
	if (id < 0) {
		sim_error("shmget", id);
		goto out;
	}
	if (sys_shmat(id, NULL, 0, &addr) < 0) {
		sim_error("shmat", 0);
		goto out;
	}
	t0 = bench_now();
	for (i = 0; i < pages; i++)
		if (store(addr + i * PAGE_SIZE, (unsigned char)i)) {
			sim_error("store (task killed)", (long)i);
			goto out;
		}
	secs = bench_now() - t0;
	sys_shmdt((char *)addr);
	sys_shmctl(id, IPC_RMID, NULL);
out:
	if (sim_down())
		return -1;
	return secs;
}

double bench_sim_cycle(unsigned long cycles, enum bench_trace mode)
{
	double t0, secs = -1;
	unsigned long i;

	if (sim_boot(BENCH_RAM_EXTRA, mode))
		return -1;
	t0 = bench_now();
	for (i = 0; i < cycles; i++) {
		unsigned long addr = 0;
		long id, rc;

		id = sys_shmget(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0600);
		if (id < 0) {
			sim_error("shmget", id);
			goto out;
		}
		rc = sys_shmat(id, NULL, 0, &addr);
		if (rc < 0 || store(addr, 1)) {
			sim_error("shmat or store", rc);
			goto out;
		}
		rc = sys_shmdt((char *)addr);
		if (!rc)
			rc = sys_shmctl(id, IPC_RMID, NULL);
		if (rc) {
			sim_error("shmdt/IPC_RMID", rc);
			goto out;
		}
	}
	secs = bench_now() - t0;
out:
	if (sim_down())
		return -1;
	return secs;
}

/* xorshift64: the same lookups on every run */
static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

#define VMA_BASE	0x10000000UL	/* 256 MiB: far from the shm area */

/* The rb-tree nodes find_vma's walk visits for addr (its cache missed). */
static unsigned long walk_length(struct mm_struct *mm, unsigned long addr)
{
	rb_node_t *rb_node = mm->mm_rb.rb_node;
	unsigned long nodes = 0;

	while (rb_node) {
		struct vm_area_struct *vma;

		nodes++;
		vma = rb_entry(rb_node, struct vm_area_struct, vm_rb);
		if (vma->vm_end > addr) {
			if (vma->vm_start <= addr)
				break;
			rb_node = rb_node->rb_left;
		} else {
			rb_node = rb_node->rb_right;
		}
	}
	return nodes;
}

/*
 * vmas (a power of two) one-page read-only anonymous maps with a page
 * between any two (so none merge), then lookups find_vma calls: at random
 * vmas (the mmap_cache misses nearly always) or in address order.
 * *nodes: the mean number of tree nodes a lookup of these addresses
 * visits, counted by a walk of our own after the timed loop.
 */
double bench_sim_find_vma(unsigned long vmas, unsigned long lookups,
			  int in_order, enum bench_trace mode, double *nodes)
{
	unsigned long i, found = 0;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	double t0, secs = -1;

	if (vmas & (vmas - 1)) {
		sim_error("find_vma: vmas not a power of two", (long)vmas);
		return -1;
	}
	if (sim_boot(BENCH_RAM_EXTRA + vmas * 64, mode))
		return -1;
	for (i = 0; i < vmas; i++) {
		unsigned long want = VMA_BASE + 2 * i * PAGE_SIZE;
		unsigned long got = sys_mmap2(want, PAGE_SIZE, PROT_READ,
					      MAP_PRIVATE | MAP_ANONYMOUS |
					      MAP_FIXED, 0, 0);
		if (got != want) {
			sim_error("mmap", (long)got);
			goto out;
		}
	}
	if (current->mm->map_count != (int)vmas) {
		sim_error("map_count", current->mm->map_count);
		goto out;
	}
	t0 = bench_now();
	for (i = 0; i < lookups; i++) {
		unsigned long n = (in_order ? i : next_random(&seed)) &
				  (vmas - 1);
		unsigned long addr = VMA_BASE + 2 * n * PAGE_SIZE + 8;
		struct vm_area_struct *vma = find_vma(current->mm, addr);

		found += vma && vma->vm_start <= addr;
	}
	secs = bench_now() - t0;
	if (found != lookups) {
		sim_error("find_vma missed", (long)(lookups - found));
		secs = -1;
	}
	seed = 0x9e3779b97f4a7c15ULL;
	for (i = 0, found = 0; i < lookups; i++) {
		unsigned long n = (in_order ? i : next_random(&seed)) &
				  (vmas - 1);

		found += walk_length(current->mm,
				     VMA_BASE + 2 * n * PAGE_SIZE + 8);
	}
	*nodes = (double)found / lookups;
out:
	if (sim_down())
		return -1;
	return secs;
}
