// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/kernel_bench.c - shmsim beside the host kernel, the same work on
 * both, in the same run (sim only; not a test). docs/benchmark.md.
 *   1. first touch: a segment of N pages attached, one store per page;
 *   2. the cycle: shmget, shmat, one store, shmdt, IPC_RMID;
 *   3. find_vma among 64 and 65,536 vmas of one mm;
 *   5. what tracing costs: the first touch and the cycle with the tracer
 *      compiled out (the program named by --untraced, the same source built
 *      with -DSHMSIM_TRACE=OFF), compiled in but not printed (--no-trace),
 *      not even counted, and printed to /dev/null.
 * (4, swap, is bench/swap_bench; tools/bench runs both.)
 * Every figure is the median of R rounds; within a round the host and
 * each shmsim mode run one after the other, so that a slow moment of the
 * machine falls on all of them alike. shmsim's figures are for this
 * program's build; Release is the one the bars are set for.
 *
 *	kernel_bench [-r ROUNDS] [--untraced PROGRAM] [--quick]
 *	kernel_bench --raw    one round of the untraced figures, one a line
 * Exit status 0, 1 when a call failed or a shutdown found leaks, 2 for a
 * bad command line.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "bench.h"

#ifndef SHMSIM_BUILD_TYPE
#define SHMSIM_BUILD_TYPE "unknown"
#endif

#define MAX_ROUNDS	51
#define NR_TOUCH	3

/* the sizes of the first-touch figure, in pages */
static const unsigned long touch_pages[NR_TOUCH] = { 1024, 8192, 32768 };
#define TOUCH_BAR_PAGES	8192	/* the size the trace-cost rows use */

/* the mm sizes of the find_vma figure; the bar compares the first and last */
#define NR_VMA	6
static const unsigned long vma_sizes[NR_VMA] = {
	64, 256, 1024, 4096, 16384, 65536
};

struct config {
	unsigned long cycles;		/* per cycle measurement */
	unsigned long lookups;		/* per find_vma measurement */
	int rounds;
};

/* one figure: a sample per round, in ns per unit of work */
struct figure {
	double v[MAX_ROUNDS];
	int n;
};

static void add(struct figure *f, double secs, unsigned long units)
{
	if (secs < 0) {
		fprintf(stderr, "kernel_bench: a measurement failed\n");
		exit(1);
	}
	f->v[f->n++] = secs * 1e9 / units;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(const struct figure *f)
{
	double v[MAX_ROUNDS];

	if (!f->n)
		return 0;
	memcpy(v, f->v, f->n * sizeof(v[0]));
	qsort(v, f->n, sizeof(v[0]), cmp_double);
	return f->n % 2 ? v[f->n / 2] : (v[f->n / 2 - 1] + v[f->n / 2]) / 2;
}

/* the figures --raw prints, in this order: what the untraced build adds */
enum raw_figure { RAW_TOUCH, RAW_CYCLE, NR_RAW };

static double raw_round(const struct config *c, enum raw_figure which)
{
	if (which == RAW_TOUCH)
		return bench_sim_first_touch(TOUCH_BAR_PAGES, BENCH_TRACE_OFF);
	return bench_sim_cycle(c->cycles, BENCH_TRACE_OFF);
}

static int run_raw(const struct config *c)
{
	double t = raw_round(c, RAW_TOUCH), y = raw_round(c, RAW_CYCLE);

	if (t < 0 || y < 0)
		return 1;
	printf("first_touch_ns_per_page %.3f\ncycle_ns %.3f\n",
	       t * 1e9 / TOUCH_BAR_PAGES, y * 1e9 / c->cycles);
	return 0;
}

/* One round of the untraced program: its two figures, or -1. */
static int untraced_round(const char *prog, const struct config *c,
			  double out[NR_RAW])
{
	char cmd[4200], key[64];
	double v;
	FILE *p;
	int got = 0;

	snprintf(cmd, sizeof(cmd), "'%s' --raw --cycles %lu", prog, c->cycles);
	p = popen(cmd, "r");
	if (!p) {
		perror("kernel_bench: popen");
		return -1;
	}
	while (fscanf(p, "%63s %lf", key, &v) == 2) {
		if (!strcmp(key, "first_touch_ns_per_page"))
			out[RAW_TOUCH] = v, got |= 1;
		else if (!strcmp(key, "cycle_ns"))
			out[RAW_CYCLE] = v, got |= 2;
	}
	if (pclose(p) || got != 3) {
		fprintf(stderr, "kernel_bench: %s --raw failed\n", prog);
		return -1;
	}
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: kernel_bench [-r ROUNDS] [--untraced PROGRAM] [--quick]\n"
		"       kernel_bench --raw [--cycles N]\n"
		"  -r, --rounds N     rounds, each figure their median (default 7)\n"
		"  --untraced PROG    kernel_bench built with -DSHMSIM_TRACE=OFF,\n"
		"                     for the tracer-compiled-out figures\n"
		"  --quick            a tenth of the work (a smoke run)\n"
		"  --raw              print this build's untraced figures, one round\n");
}

static void print_ratio_row(const char *what, double host, double sim,
			    const char *bar)
{
	printf("  %-34s %10.1f %10.1f %8.3f   %s\n", what, host, sim,
	       host > 0 ? sim / host : 0, bar);
}

static const char *verdict(double value, double limit, int at_most)
{
	return (at_most ? value <= limit : value >= limit) ? "met" : "NOT MET";
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rounds", required_argument, NULL, 'r' },
		{ "untraced", required_argument, NULL, 'u' },
		{ "quick", no_argument, NULL, 'q' },
		{ "raw", no_argument, NULL, 'R' },
		{ "cycles", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct config c = { .cycles = 20000, .lookups = 2000000, .rounds = 7 };
	/* static: zeroed, and too big for a comfortable stack */
	static struct figure host_touch[NR_TOUCH], sim_touch[NR_TOUCH];
	static struct figure host_cycle, sim_cycle;
	static struct figure vma[2][NR_VMA];	/* [in_order][size] */
	double vma_nodes[2][NR_VMA] = { { 0 } };
	static struct figure cost[4][NR_RAW];	/* [mode][figure] */
	static const char *const cost_names[4] = {
		"compiled out (SHMSIM_TRACE=OFF)",
		"compiled in, not counted",
		"compiled in, off (--no-trace)",
		"on, printed to /dev/null",
	};
	static const enum bench_trace cost_modes[4] = {
		BENCH_TRACE_OFF, BENCH_TRACE_NOT_COUNTED, BENCH_TRACE_OFF,
		BENCH_TRACE_PRINTED,
	};
	const char *untraced = NULL;
	int opt, raw = 0, quick = 0, r, i, k;
	struct utsname u;
	char *end;

	while ((opt = getopt_long(argc, argv, "r:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			errno = 0;
			c.rounds = (int)strtol(optarg, &end, 10);
			if (errno || *end || c.rounds < 1 ||
			    c.rounds > MAX_ROUNDS) {
				fprintf(stderr, "kernel_bench: -r takes 1 to "
					"%d\n", MAX_ROUNDS);
				return 2;
			}
			break;
		case 'u':
			untraced = optarg;
			break;
		case 'q':
			quick = 1;
			break;
		case 'R':
			raw = 1;
			break;
		case 'c':
			c.cycles = strtoul(optarg, &end, 10);
			if (*end || !c.cycles) {
				fprintf(stderr, "kernel_bench: --cycles takes "
					"a positive number\n");
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (quick) {
		c.cycles /= 10;
		c.lookups /= 10;
	}
	if (raw)
		return run_raw(&c);
	if (!bench_sim_traced()) {
		fprintf(stderr, "kernel_bench: this build has no tracer; run "
			"the traced build with --untraced %s\n", argv[0]);
		return 2;
	}

	for (r = 0; r < c.rounds; r++) {
		double u_fig[NR_RAW] = { 0 };

		for (i = 0; i < NR_TOUCH; i++) {
			unsigned long n = touch_pages[i];

			add(&host_touch[i], bench_host_first_touch(n), n);
			add(&sim_touch[i],
			    bench_sim_first_touch(n, BENCH_TRACE_OFF), n);
		}
		add(&host_cycle, bench_host_cycle(c.cycles), c.cycles);
		add(&sim_cycle, bench_sim_cycle(c.cycles, BENCH_TRACE_OFF),
		    c.cycles);
		for (i = 0; i < 2; i++)
			for (k = 0; k < NR_VMA; k++)
				add(&vma[i][k],
				    bench_sim_find_vma(vma_sizes[k], c.lookups,
						       i, BENCH_TRACE_OFF,
						       &vma_nodes[i][k]),
				    c.lookups);
		if (untraced) {
			if (untraced_round(untraced, &c, u_fig))
				return 1;
			for (k = 0; k < NR_RAW; k++)
				cost[0][k].v[cost[0][k].n++] = u_fig[k];
		}
		for (i = 1; i < 4; i++) {
			add(&cost[i][RAW_TOUCH],
			    bench_sim_first_touch(TOUCH_BAR_PAGES,
						  cost_modes[i]),
			    TOUCH_BAR_PAGES);
			add(&cost[i][RAW_CYCLE],
			    bench_sim_cycle(c.cycles, cost_modes[i]), c.cycles);
		}
	}

	uname(&u);
	printf("kernel_bench: shmsim (%s build, tracing compiled in, not "
	       "printed) beside the host kernel (%s %s %s);\nmedians of %d "
	       "rounds, ns\n", SHMSIM_BUILD_TYPE, u.sysname, u.release,
	       u.machine, c.rounds);
	printf("\n1. first touch, one store per page of a fresh segment, "
	       "per page\n");
	printf("  %-34s %10s %10s %8s   %s\n", "", "host", "shmsim", "ratio",
	       "bar: ratio <= 0.5");
	for (i = 0; i < NR_TOUCH; i++) {
		char what[64];
		double h = median(&host_touch[i]), s = median(&sim_touch[i]);

		snprintf(what, sizeof(what), "N = %lu pages (%lu MiB)",
			 touch_pages[i], touch_pages[i] >> 8);
		print_ratio_row(what, h, s, verdict(s / h, 0.5, 1));
	}
	printf("\n2. shmget, shmat, one store, shmdt, IPC_RMID, per cycle "
	       "(%lu cycles)\n", c.cycles);
	printf("  %-34s %10s %10s %8s   %s\n", "", "host", "shmsim", "ratio",
	       "bar: ratio <= 0.3");
	print_ratio_row("one-page segment", median(&host_cycle),
			median(&sim_cycle),
			verdict(median(&sim_cycle) / median(&host_cycle), 0.3,
				1));
	printf("\n3. find_vma, per lookup (%lu lookups; shmsim only), and the "
	       "rb-tree nodes\n   a lookup visits\n", c.lookups);
	printf("  %-10s %12s %8s %12s %8s\n", "vmas", "random: ns", "nodes",
	       "in order: ns", "nodes");
	for (k = 0; k < NR_VMA; k++)
		printf("  %-10lu %12.1f %8.2f %12.1f %8.2f\n", vma_sizes[k],
		       median(&vma[0][k]), vma_nodes[0][k],
		       median(&vma[1][k]), vma_nodes[1][k]);
	for (i = 0; i < 2; i++) {
		double a = median(&vma[i][0]), b = median(&vma[i][NR_VMA - 1]);

		printf("  %s, 65536 vmas against 64: %.2f times the time, %.2f "
		       "times the nodes;\n    bar: time ratio <= 3: %s\n",
		       i ? "in address order" : "at random vmas", b / a,
		       vma_nodes[i][NR_VMA - 1] / vma_nodes[i][0],
		       verdict(b / a, 3, 1));
	}
	printf("\n5. what tracing costs, shmsim only (first touch at N = %d, "
	       "and the cycle)\n", TOUCH_BAR_PAGES);
	printf("  %-34s %10s %10s %8s %8s\n", "", "touch", "cycle", "touch",
	       "cycle");
	printf("  %-34s %10s %10s %8s %8s\n", "", "ns/page", "ns/cycle",
	       "vs out", "vs out");
	for (i = 0; i < 4; i++) {
		double t = median(&cost[i][RAW_TOUCH]);
		double y = median(&cost[i][RAW_CYCLE]);
		double t0 = median(&cost[0][RAW_TOUCH]);
		double y0 = median(&cost[0][RAW_CYCLE]);

		if (!untraced && i == 0) {
			printf("  %-34s %10s %10s   (no --untraced PROGRAM)\n",
			       cost_names[0], "-", "-");
			continue;
		}
		if (untraced)
			printf("  %-34s %10.1f %10.1f %+7.1f%% %+7.1f%%\n",
			       cost_names[i], t, y, 100 * (t / t0 - 1),
			       100 * (y / y0 - 1));
		else
			printf("  %-34s %10.1f %10.1f\n", cost_names[i], t, y);
	}
	if (untraced) {
		double t = median(&cost[2][RAW_TOUCH]) /
			   median(&cost[0][RAW_TOUCH]);
		double y = median(&cost[2][RAW_CYCLE]) /
			   median(&cost[0][RAW_CYCLE]);

		printf("  bar: compiled in but off <= 2%% slower than compiled "
		       "out: touch %s, cycle %s\n", verdict(t, 1.02, 1),
		       verdict(y, 1.02, 1));
	}
	return 0;
}
