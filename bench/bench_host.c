// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/bench_host.c - the host kernel's side of kernel_bench: the same
 * work as bench_sim.c, through the real shmget/shmat/shmdt/shmctl.
 * Segments are IPC_PRIVATE and removed before returning, also on error.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "bench.h"

#define HOST_PAGE	4096UL

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void host_error(const char *what)
{
	fprintf(stderr, "kernel_bench: host %s: %s\n", what, strerror(errno));
}

/* A fresh private segment of bytes, attached; NULL (said) if not. */
static volatile char *host_attach(size_t bytes, int *idp)
{
	void *p;
	int id = shmget(IPC_PRIVATE, bytes, IPC_CREAT | 0600);

	if (id < 0) {
		host_error("shmget");
		return NULL;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		host_error("shmat");
		shmctl(id, IPC_RMID, NULL);
		return NULL;
	}
	*idp = id;
	return p;
}

/* One store to every page of a fresh segment: the host's page faults. */
double bench_host_first_touch(unsigned long pages)
{
	volatile char *p;
	double t0, secs;
	unsigned long i;
	int id;

	p = host_attach(pages * HOST_PAGE, &id);
	if (!p)
		return -1;
	t0 = bench_now();
	for (i = 0; i < pages; i++)
		p[i * HOST_PAGE] = (char)i;
	secs = bench_now() - t0;
	shmdt((const void *)p);
	shmctl(id, IPC_RMID, NULL);
	return secs;
}

/* shmget, shmat, one store, shmdt, IPC_RMID: cycles times. */
double bench_host_cycle(unsigned long cycles)
{
	double t0 = bench_now();
	unsigned long i;

	for (i = 0; i < cycles; i++) {
		int id;
		volatile char *p = host_attach(HOST_PAGE, &id);

		if (!p)
			return -1;
		*p = 1;
		if (shmdt((const void *)p) || shmctl(id, IPC_RMID, NULL)) {
			host_error("shmdt/IPC_RMID");
			return -1;
		}
	}
	return bench_now() - t0;
}
