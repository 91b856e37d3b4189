// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/run_touch.c - the program bench/run_bench runs, natively and
 * under `shmsim run`: a plain SysV shm program (no shmsim header) that
 * attaches N pages and stores one byte in each, and prints how long the
 * storing loop took, in ns. Under shmsim run every store is a real fault
 * that the client library makes a simulated one (docs/run.md).
 *   run_touch PAGES
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long pages = argc == 2 ? strtol(argv[1], NULL, 10) : 0, i;
	volatile char *p;
	long long t0, t1;
	int id;

	if (pages <= 0 || pages > 1 << 20) {
		fprintf(stderr, "usage: run_touch PAGES\n");
		return 2;
	}
	id = shmget(IPC_PRIVATE, (size_t)pages * 4096, 0600);
	if (id < 0) {
		perror("run_touch: shmget");
		return 1;
	}
	p = shmat(id, NULL, 0);
	shmctl(id, IPC_RMID, NULL);	/* it goes with the detach */
	if (p == (void *)-1) {
		perror("run_touch: shmat");
		return 1;
	}
	t0 = now_ns();
	for (i = 0; i < pages; i++)
		p[i * 4096] = 1;
	t1 = now_ns();
	printf("%lld\n", t1 - t0);
	return shmdt((const void *)p) ? 1 : 0;
}
