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

/* the figures of all the rounds, each a sample per round */
struct results {
	struct figure host_touch[NR_TOUCH], sim_touch[NR_TOUCH];
	struct figure host_cycle, sim_cycle;
	struct figure vma[2][NR_VMA];	/* [in_order][size] */
	double vma_nodes[2][NR_VMA];
	struct figure cost[4][NR_RAW];	/* [mode][figure] */
};

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

/* The command line into *c, *untraced and *raw: -1 to go on, or a status. */
static int parse_options(int argc, char **argv, struct config *c,
			 const char **untraced, int *raw)
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
	int opt, quick = 0;
	char *end;

	while ((opt = getopt_long(argc, argv, "r:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			errno = 0;
			c->rounds = (int)strtol(optarg, &end, 10);
			if (errno || *end || c->rounds < 1 ||
			    c->rounds > MAX_ROUNDS) {
				fprintf(stderr, "kernel_bench: -r takes 1 to "
					"%d\n", MAX_ROUNDS);
				return 2;
			}
			break;
		case 'u':
			*untraced = optarg;
			break;
		case 'q':
			quick = 1;
			break;
		case 'R':
			*raw = 1;
			break;
		case 'c':
			c->cycles = strtoul(optarg, &end, 10);
			if (*end || !c->cycles) {
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
		c->cycles /= 10;
		c->lookups /= 10;
	}
	return -1;
}

/* Every round of every figure into *res: 0, or 1 when untraced failed. */
static int run_rounds(const struct config *c, const char *untraced,
		      struct results *res)
{
	int r, i, k;

	for (r = 0; r < c->rounds; r++) {
		double u_fig[NR_RAW] = { 0 };

		for (i = 0; i < NR_TOUCH; i++) {
			unsigned long n = touch_pages[i];

			add(&res->host_touch[i], bench_host_first_touch(n), n);
			add(&res->sim_touch[i],
			    bench_sim_first_touch(n, BENCH_TRACE_OFF), n);
		}
		add(&res->host_cycle, bench_host_cycle(c->cycles), c->cycles);
		add(&res->sim_cycle,
		    bench_sim_cycle(c->cycles, BENCH_TRACE_OFF), c->cycles);
		for (i = 0; i < 2; i++)
			for (k = 0; k < NR_VMA; k++)
				add(&res->vma[i][k],
				    bench_sim_find_vma(vma_sizes[k], c->lookups,
						       i, BENCH_TRACE_OFF,
						       &res->vma_nodes[i][k]),
				    c->lookups);
		if (untraced) {
			if (untraced_round(untraced, c, u_fig))
				return 1;
			for (k = 0; k < NR_RAW; k++)
				res->cost[0][k].v[res->cost[0][k].n++] =
					u_fig[k];
		}
		for (i = 1; i < 4; i++) {
			add(&res->cost[i][RAW_TOUCH],
			    bench_sim_first_touch(TOUCH_BAR_PAGES,
						  cost_modes[i]),
			    TOUCH_BAR_PAGES);
			add(&res->cost[i][RAW_CYCLE],
			    bench_sim_cycle(c->cycles, cost_modes[i]),
			    c->cycles);
		}
	}
	return 0;
}

/* The report's first lines: this build, the host, the rounds. */
static void print_header(const struct config *c)
{
	struct utsname u;

	uname(&u);
	printf("kernel_bench: shmsim (%s build, tracing compiled in, not "
	       "printed) beside the host kernel (%s %s %s);\nmedians of %d "
	       "rounds, ns\n", SHMSIM_BUILD_TYPE, u.sysname, u.release,
	       u.machine, c->rounds);
}

/* Section 1: first touch, host beside shmsim, at each size. */
static void print_first_touch(const struct results *res)
{
	int i;

	printf("\n1. first touch, one store per page of a fresh segment, "
	       "per page\n");
	printf("  %-34s %10s %10s %8s   %s\n", "", "host", "shmsim", "ratio",
	       "bar: ratio <= 0.5");
	for (i = 0; i < NR_TOUCH; i++) {
		char what[64];
		double h = median(&res->host_touch[i]);
		double s = median(&res->sim_touch[i]);

		snprintf(what, sizeof(what), "N = %lu pages (%lu MiB)",
			 touch_pages[i], touch_pages[i] >> 8);
		print_ratio_row(what, h, s, verdict(s / h, 0.5, 1));
	}
}

/* Section 2: the shmget..IPC_RMID cycle, host beside shmsim. */
static void print_cycle(const struct config *c, const struct results *res)
{
	printf("\n2. shmget, shmat, one store, shmdt, IPC_RMID, per cycle "
	       "(%lu cycles)\n", c->cycles);
	printf("  %-34s %10s %10s %8s   %s\n", "", "host", "shmsim", "ratio",
	       "bar: ratio <= 0.3");
	print_ratio_row("one-page segment", median(&res->host_cycle),
			median(&res->sim_cycle),
			verdict(median(&res->sim_cycle) /
				median(&res->host_cycle), 0.3, 1));
}

/* Section 3: find_vma at each mm size, at random and in address order. */
static void print_find_vma(const struct config *c,
			   const struct results *res)
{
	int i, k;

	printf("\n3. find_vma, per lookup (%lu lookups; shmsim only), and the "
	       "rb-tree nodes\n   a lookup visits\n", c->lookups);
	printf("  %-10s %12s %8s %12s %8s\n", "vmas", "random: ns", "nodes",
	       "in order: ns", "nodes");
	for (k = 0; k < NR_VMA; k++)
		printf("  %-10lu %12.1f %8.2f %12.1f %8.2f\n", vma_sizes[k],
		       median(&res->vma[0][k]), res->vma_nodes[0][k],
		       median(&res->vma[1][k]), res->vma_nodes[1][k]);
	for (i = 0; i < 2; i++) {
		double a = median(&res->vma[i][0]);
		double b = median(&res->vma[i][NR_VMA - 1]);

		printf("  %s, 65536 vmas against 64: %.2f times the time, %.2f "
		       "times the nodes;\n    bar: time ratio <= 3: %s\n",
		       i ? "in address order" : "at random vmas", b / a,
		       res->vma_nodes[i][NR_VMA - 1] / res->vma_nodes[i][0],
		       verdict(b / a, 3, 1));
	}
}

/* Section 5: what tracing costs, each mode against compiled out. */
static void print_trace_cost(const char *untraced,
			     const struct results *res)
{
	int i;

	printf("\n5. what tracing costs, shmsim only (first touch at N = %d, "
	       "and the cycle)\n", TOUCH_BAR_PAGES);
	printf("  %-34s %10s %10s %8s %8s\n", "", "touch", "cycle", "touch",
	       "cycle");
	printf("  %-34s %10s %10s %8s %8s\n", "", "ns/page", "ns/cycle",
	       "vs out", "vs out");
	for (i = 0; i < 4; i++) {
		double t = median(&res->cost[i][RAW_TOUCH]);
		double y = median(&res->cost[i][RAW_CYCLE]);
		double t0 = median(&res->cost[0][RAW_TOUCH]);
		double y0 = median(&res->cost[0][RAW_CYCLE]);

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
		double t = median(&res->cost[2][RAW_TOUCH]) /
			   median(&res->cost[0][RAW_TOUCH]);
		double y = median(&res->cost[2][RAW_CYCLE]) /
			   median(&res->cost[0][RAW_CYCLE]);

		printf("  bar: compiled in but off <= 2%% slower than compiled "
		       "out: touch %s, cycle %s\n", verdict(t, 1.02, 1),
		       verdict(y, 1.02, 1));
	}
}

int main(int argc, char **argv)
{
	struct config c = { .cycles = 20000, .lookups = 2000000, .rounds = 7 };
	/* static: zeroed, and too big for a comfortable stack */
	static struct results res;
	const char *untraced = NULL;
	int raw = 0, status;

	status = parse_options(argc, argv, &c, &untraced, &raw);
	if (status >= 0)
		return status;
	if (raw)
		return run_raw(&c);
	if (!bench_sim_traced()) {
		fprintf(stderr, "kernel_bench: this build has no tracer; run "
			"the traced build with --untraced %s\n", argv[0]);
		return 2;
	}
	if (run_rounds(&c, untraced, &res))
		return 1;
	print_header(&c);
	print_first_touch(&res);
	print_cycle(&c, &res);
	print_find_vma(&c, &res);
	print_trace_cost(untraced, &res);
	return 0;
}
