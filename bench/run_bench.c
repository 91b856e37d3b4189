// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/run_bench.c - what `shmsim run` adds to a real program's page
 * fault (docs/benchmark.md, figure 6). It runs bench/run_touch (N pages
 * attached, one store each, the storing loop timed by the program
 * itself) natively, then under `shmsim run --no-trace` (result lines to
 * /dev/null) and `shmsim run --trace /dev/null` on both kernels, R rounds
 * each, one mode after the other within a round; per mode the median.
 * The figure: (median loop time - native median) / N, the µs the client
 * and the server add to one fault. Not a test: it measures, and fails
 * only when a run does.
 *   run_bench [-n PAGES] [-r ROUNDS] [-d BUILD_DIR]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ROUNDS	99
#define NR_MODES	5

static const char *const mode_name[NR_MODES] = {
	"native (the host's kernel)",
	"shmsim run --no-trace, 2.4",
	"shmsim run --trace /dev/null, 2.4",
	"shmsim run --no-trace, 2.6",
	"shmsim run --trace /dev/null, 2.6",
};

/* argv's stdout as a number (the loop's ns), stderr to /dev/null */
static long long run(char **argv)
{
	char buf[64];
	int p[2], status, null;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		null = open("/dev/null", O_WRONLY);
		dup2(p[1], STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		close(p[0]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	while (got < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(p[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	close(p[0]);
	buf[got] = '\0';
	if (pid < 0 || waitpid(pid, &status, 0) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) || !got)
		return -1;
	return strtoll(buf, NULL, 10);
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* the program and the options of mode m */
static void mode_argv(int m, char *shmsim, char *touch, char *pages,
		      char **argv)
{
	int n = 0;

	if (m > 0) {
		argv[n++] = shmsim;
		argv[n++] = "run";
		argv[n++] = "--kernel";
		argv[n++] = m < 3 ? "2.4" : "2.6";
		if (m % 2) {
			argv[n++] = "--no-trace";
		} else {
			argv[n++] = "--trace";
			argv[n++] = "/dev/null";
		}
		argv[n++] = "--";
	}
	argv[n++] = touch;
	argv[n++] = pages;
	argv[n] = NULL;
}

int main(int argc, char **argv)
{
	static long long t[NR_MODES][MAX_ROUNDS];
	char dir[PATH_MAX], shmsim[PATH_MAX + 16], touch[PATH_MAX + 16];
	char pages_s[24], *args[12], *slash;
	long pages = 2048, rounds = 7, r;
	double native;
	ssize_t n;
	int c, m;

	dir[0] = '\0';
	while ((c = getopt(argc, argv, "n:r:d:")) != -1) {
		if (c == 'n')
			pages = strtol(optarg, NULL, 10);
		else if (c == 'r')
			rounds = strtol(optarg, NULL, 10);
		else if (c == 'd')
			snprintf(dir, sizeof(dir), "%s", optarg);
		else
			goto usage;
	}
	if (optind != argc || pages < 1 || pages > 3000 || rounds < 1 ||
	    rounds > MAX_ROUNDS)
		goto usage;
	/* beside this program: run_touch; one directory up: shmsim */
	n = readlink("/proc/self/exe", touch, PATH_MAX - 1);
	if (n < 0)
		return 1;
	touch[n] = '\0';
	slash = strrchr(touch, '/');
	*slash = '\0';
	if (!dir[0])
		snprintf(dir, sizeof(dir), "%.*s/..", PATH_MAX - 8, touch);
	strcpy(slash, "/run_touch");
	snprintf(shmsim, sizeof(shmsim), "%s/shmsim", dir);
	snprintf(pages_s, sizeof(pages_s), "%ld", pages);
	for (r = 0; r < rounds; r++)
		for (m = 0; m < NR_MODES; m++) {
			mode_argv(m, shmsim, touch, pages_s, args);
			t[m][r] = run(args);
			if (t[m][r] < 0) {
				fprintf(stderr, "run_bench: %s failed\n",
					mode_name[m]);
				return 1;
			}
		}
	printf("6. shmsim run: %ld pages, one store each; medians of %ld "
	       "rounds\n", pages, rounds);
	printf("| mode | loop, ms | per fault, us | added per fault, us |\n");
	printf("| --- | ---: | ---: | ---: |\n");
	for (m = 0; m < NR_MODES; m++)
		qsort(t[m], (size_t)rounds, sizeof(t[m][0]), cmp);
	native = (double)t[0][rounds / 2];
	for (m = 0; m < NR_MODES; m++) {
		double med = (double)t[m][rounds / 2];

		printf("| %s | %.2f | %.2f | ", mode_name[m], med / 1e6,
		       med / 1e3 / (double)pages);
		if (m)
			printf("%.2f |\n", (med - native) / 1e3 /
			       (double)pages);
		else
			printf("|\n");
	}
	return 0;
usage:
	fprintf(stderr, "usage: run_bench [-n PAGES (1..3000)] "
		"[-r ROUNDS] [-d BUILD_DIR]\n");
	return 2;
}
