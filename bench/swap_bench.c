// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/swap_bench.c - how fast pages go through the simulated swap path,
 * beside a plain copy of the same bytes to a file (sim only; not a test).
 * A machine of RAM R (default 16 MiB), a swap file of 8 R, one task with
 * one segment of 4 R attached (shm_ctlmax raised to fit, as
 * `sysctl kernel.shmmax` would). Twice: a write pass puts a pattern of its
 * own in every page (most pages go out: shmem_writepage, swap_writepage),
 * then a read pass reads every page back and checks it (most come in:
 * read_swap_cache_async, and go out again, dirty, to make room). kswapd
 * runs between two pages when the allocator woke it, as the scenario
 * runner runs it between statements; tracing is off.
 * Each pass is timed (CLOCK_MONOTONIC) and reports the pages written to
 * and read from the swap file (page_io.c's sim_pswpout and sim_pswpin) and
 * pages per second. Then the same passes without the simulator: pwrite
 * and pread of the same bytes, 4 KiB at a time, to a file in the same
 * directory as the swap file (sim/swapdev.c, the very calls page_io.c
 * makes), so the simulator's overhead shows.
 * Deterministic except the timings; exit status 0, or 1 if a byte came
 * back wrong, a task was killed or the machine did not shut down clean,
 * 2 for a bad command line. Usage and numbers: docs/benchmark.md.
 *
 *	build/bench/swap_bench [-r RAM_MIB] [-d DIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim/kernel.h"

#define ROUNDS	2

struct pass {
	const char *what;
	unsigned long pages;		/* pages the program touched */
	unsigned long out, in;		/* pages written / read */
	double secs;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Page idx's contents in round r: every 8-byte word names both. */
static void pattern(unsigned char *buf, unsigned long idx, int r)
{
	uint64_t *w = (uint64_t *)buf;
	size_t i;

	for (i = 0; i < PAGE_SIZE / sizeof(*w); i++)
		w[i] = (uint64_t)idx << 32 ^ (uint64_t)r << 24 ^ i ^
		       0x5a5a5a5a00000000ULL;
}

static void print_pass(const struct pass *p)
{
	printf("  %-22s %7lu %9lu %9lu %8.3f %11.0f %11.0f\n", p->what,
	       p->pages, p->out, p->in, p->secs,
	       p->secs > 0 ? p->out / p->secs : 0,
	       p->secs > 0 ? p->in / p->secs : 0);
}

static void print_head(const char *out, const char *in)
{
	char out_rate[32], in_rate[32];

	snprintf(out_rate, sizeof(out_rate), "%s/s", out);
	snprintf(in_rate, sizeof(in_rate), "%s/s", in);
	printf("  %-22s %7s %9s %9s %8s %11s %11s\n", "pass", "pages", out,
	       in, "seconds", out_rate, in_rate);
}

/*
 * One pass over the segment at addr as current: write the round's pattern
 * into every page, or read every page and compare. Returns the number of
 * bad pages; a killed task ends the pass (*killed).
 */
static unsigned long sim_pass(unsigned long addr, unsigned long pages, int r,
			      int write, struct pass *p, int *killed)
{
	static unsigned char buf[PAGE_SIZE], want[PAGE_SIZE];
	unsigned long i, bad = 0, out = sim_pswpout, in = sim_pswpin;
	struct task_struct *tsk = current;
	double t0 = now();

	for (i = 0; i < pages && !*killed; i++) {
		pattern(write ? buf : want, i, r);
		if (sim_user_access(addr + i * PAGE_SIZE, buf, PAGE_SIZE,
				    write, NULL)) {
			fprintf(stderr, "swap_bench: page %lu: task killed "
				"(signal %d)\n", i, tsk->sim_sig);
			*killed = 1;
			break;
		}
		if (!write && memcmp(buf, want, PAGE_SIZE)) {
			if (!bad)
				fprintf(stderr, "swap_bench: round %d: page "
					"%lu came back wrong\n", r, i);
			bad++;
		}
		/* kswapd, woken by the allocator, runs between accesses */
		if (need_balance) {
			current = &init_task;
			kswapd_balance();
			current = tsk;
		}
	}
	p->secs = now() - t0;
	p->pages = i;
	p->out = sim_pswpout - out;
	p->in = sim_pswpin - in;
	return bad;
}

/* The same passes as plain pwrite/pread of 4 KiB at the page's offset. */
static unsigned long plain_pass(int fd, unsigned long pages, int r,
				int write, struct pass *p)
{
	static unsigned char buf[PAGE_SIZE], want[PAGE_SIZE];
	unsigned long i, bad = 0;
	double t0 = now();
	long n;

	for (i = 0; i < pages; i++) {
		long long pos = (long long)i << PAGE_SHIFT;

		if (write) {
			pattern(buf, i, r);
			n = sim_swapdev_write(fd, buf, PAGE_SIZE, pos);
		} else {
			pattern(want, i, r);
			n = sim_swapdev_read(fd, buf, PAGE_SIZE, pos);
			if (n == (long)PAGE_SIZE &&
			    memcmp(buf, want, PAGE_SIZE))
				n = -1;
		}
		if (n != (long)PAGE_SIZE)
			bad++;
	}
	p->secs = now() - t0;
	p->pages = pages;
	p->out = write ? pages : 0;
	p->in = write ? 0 : pages;
	return bad;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: swap_bench [-r RAM_MIB] [-d DIR]\n"
		"  -r  RAM of the simulated machine in MiB (default 16); "
		"swap is 8x, the segment 4x\n"
		"  -d  directory of the swap file and of the plain copy "
		"(default $TMPDIR or /tmp)\n");
}

/* the run: the machine's size, its segment and the two files */
struct bench {
	unsigned long ram_mib, ram, pages, raddr;
	const char *dir;
	char swap_path[4096], copy_path[4096];
	struct task_struct *tsk;
	long id;
};

/* The command line into *b: -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, struct bench *b)
{
	int opt;

	while ((opt = getopt(argc, argv, "r:d:h")) != -1) {
		switch (opt) {
		case 'r':
			b->ram_mib = strtoul(optarg, NULL, 0);
			break;
		case 'd':
			b->dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc || b->ram_mib < 1 || b->ram_mib > 256) {
		usage(stderr);
		return 2;
	}
	if (!b->dir || !*b->dir)
		b->dir = "/tmp";
	return -1;
}

/* Boot the machine, attach the segment as b->tsk: 0, or 1 when it failed. */
static int boot(struct bench *b)
{
	snprintf(b->swap_path, sizeof(b->swap_path),
		 "%s/shmsim-bench-swap.%d", b->dir, (int)getpid());
	snprintf(b->copy_path, sizeof(b->copy_path),
		 "%s/shmsim-bench-copy.%d", b->dir, (int)getpid());
	b->ram = b->ram_mib << 20;
	b->pages = 4 * b->ram / PAGE_SIZE;

	/* the machine, silent: no trace events at all */
	sim_trace.enabled = 0;
	sim_trace.printing = 0;
	sim_machine.ram = b->ram;
	sim_machine.swap = 8 * b->ram;
	sim_machine.swap_file = b->swap_path;
	if (start_kernel() || !total_swap_pages) {
		fprintf(stderr, "swap_bench: cannot boot with %lu MiB of RAM "
			"and a swap file %s\n", b->ram_mib, b->swap_path);
		unlink(b->swap_path);
		return 1;
	}
	shm_ctlmax = 4 * b->ram;	/* sysctl kernel.shmmax */
	b->tsk = sim_task_create("bench", 0, 0);
	current = b->tsk;
	b->id = sys_shmget(IPC_PRIVATE, 4 * b->ram, 0600);
	if (b->id < 0 || sys_shmat(b->id, NULL, 0, &b->raddr) < 0) {
		fprintf(stderr, "swap_bench: shmget/shmat of %lu MiB: %ld\n",
			4 * b->ram_mib, b->id);
		return 1;
	}
	printf("shmsim swap_bench: RAM %lu MiB (%lu frames; pages_min %lu, "
	       "pages_high %lu),\n  swap %lu MiB (%ld slots), segment %lu MiB "
	       "(%lu pages), files in %s\n", b->ram_mib, max_mapnr, pages_min,
	       pages_high, 8 * b->ram_mib, total_swap_pages, 4 * b->ram_mib,
	       b->pages, b->dir);
	return 0;
}

/* The simulator's rounds into sim[]: the bad pages; *killed if it was. */
static unsigned long sim_rounds(const struct bench *b,
				struct pass sim[2 * ROUNDS], int *killed)
{
	unsigned long bad = 0;
	int r;

	for (r = 0; r < ROUNDS && !*killed; r++) {
		sim[2 * r].what = r ? "round 2: write" : "round 1: write";
		bad += sim_pass(b->raddr, b->pages, r, 1, &sim[2 * r], killed);
		sim[2 * r + 1].what = r ? "round 2: read+check" :
					  "round 1: read+check";
		if (!*killed)
			bad += sim_pass(b->raddr, b->pages, r, 0,
					&sim[2 * r + 1], killed);
	}
	return bad;
}

/* Detach and remove the segment, end the task, shut down: the leaks. */
static int shut_down(const struct bench *b, int killed)
{
	int leaks;

	current = b->tsk;
	if (!killed)
		sys_shmdt((char *)b->raddr);
	current = &init_task;
	sys_shmctl(b->id, IPC_RMID, NULL);
	current = b->tsk;
	do_exit(0);
	sim_task_free(b->tsk);
	current = &init_task;
	leaks = sim_shutdown(stderr);
	unlink(b->swap_path);
	return leaks;
}

/* The table of 2 * ROUNDS passes under out and in, then their total. */
static struct pass print_passes(const struct pass p[2 * ROUNDS],
				const char *out, const char *in)
{
	struct pass tot = { "total", 0, 0, 0, 0 };
	int r;

	print_head(out, in);
	for (r = 0; r < 2 * ROUNDS; r++) {
		print_pass(&p[r]);
		tot.pages += p[r].pages;
		tot.out += p[r].out;
		tot.in += p[r].in;
		tot.secs += p[r].secs;
	}
	print_pass(&tot);
	return tot;
}

/* The plain copy's rounds into plain[], bad pages to *bad: 0, or 1. */
static int plain_rounds(const struct bench *b, struct pass plain[2 * ROUNDS],
			unsigned long *bad)
{
	int r, fd;

	if (sim_swapdev_create(b->copy_path, (unsigned long long)b->pages *
			       PAGE_SIZE, "", 0, 0)) {
		fprintf(stderr, "swap_bench: cannot create %s\n",
			b->copy_path);
		return 1;
	}
	fd = sim_swapdev_open(b->copy_path);
	if (fd < 0) {
		fprintf(stderr, "swap_bench: cannot open %s\n", b->copy_path);
		return 1;
	}
	for (r = 0; r < ROUNDS; r++) {
		plain[2 * r].what = r ? "round 2: pwrite" : "round 1: pwrite";
		*bad += plain_pass(fd, b->pages, r, 1, &plain[2 * r]);
		plain[2 * r + 1].what = r ? "round 2: pread+check" :
					    "round 1: pread+check";
		*bad += plain_pass(fd, b->pages, r, 0, &plain[2 * r + 1]);
	}
	sim_swapdev_close(fd, b->copy_path);
	return 0;
}

/* The last lines: the two totals side by side, and the bar. */
static void print_summary(const struct pass *sim_tot, const struct pass *tot)
{
	unsigned long sim_io = sim_tot->out + sim_tot->in;
	unsigned long plain_io = tot->out + tot->in;

	printf("\nsimulator:  %7lu pages of swap I/O in %6.3f s "
	       "(%.2f us a page)\nplain copy: %7lu pages of file I/O in "
	       "%6.3f s (%.2f us a page)"
	       "\nthe same %lu MiB written and read: the simulator took %.1f "
	       "times as long\n", sim_io, sim_tot->secs,
	       sim_io ? 1e6 * sim_tot->secs / sim_io : 0, plain_io, tot->secs,
	       plain_io ? 1e6 * tot->secs / plain_io : 0,
	       tot->pages * PAGE_SIZE >> 20,
	       tot->secs > 0 ? sim_tot->secs / tot->secs : 0);
	if (sim_tot->secs > 0 && tot->secs > 0) {
		double out_pct = 100 * (sim_tot->out / sim_tot->secs) /
				 (tot->out / tot->secs);
		double in_pct = 100 * (sim_tot->in / sim_tot->secs) /
				(tot->in / tot->secs);

		printf("pages a second against the plain copy's: out %.0f %%, "
		       "in %.0f %% (bar: >= 50 %% each: %s)\n", out_pct,
		       in_pct, out_pct >= 50 && in_pct >= 50 ? "met" :
		       "NOT MET");
	}
}

int main(int argc, char **argv)
{
	struct bench b = { .ram_mib = 16, .dir = getenv("TMPDIR") };
	struct pass sim[2 * ROUNDS], plain[2 * ROUNDS], sim_tot, tot;
	unsigned long bad;
	int status, killed = 0, leaks;

	status = parse_options(argc, argv, &b);
	if (status >= 0)
		return status;
	if (boot(&b))
		return 1;
	bad = sim_rounds(&b, sim, &killed);
	leaks = shut_down(&b, killed);
	if (killed)
		return 1;

	printf("\nsimulator (shmem pages through the swap file; out and in "
	       "are pages\nwritten to and read from it):\n");
	sim_tot = print_passes(sim, "out", "in");

	/* the same bytes, plainly, in the same directory */
	if (plain_rounds(&b, plain, &bad))
		return 1;
	printf("\nplain copy (pwrite/pread of 4 KiB, the same bytes, the same "
	       "directory):\n");
	tot = print_passes(plain, "written", "read");

	print_summary(&sim_tot, &tot);
	if (bad)
		fprintf(stderr, "swap_bench: %lu pages came back wrong\n", bad);
	if (leaks)
		fprintf(stderr, "swap_bench: %d objects alive at shutdown\n",
			leaks);
	return bad || leaks ? 1 : 0;
}
