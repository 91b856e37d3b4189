// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/run/crash.c - a reader that crashes while attached, run under
 * `shmsim run` (tests/run/run_prog.sh). `crash segv` attaches read-only
 * and stores: the simulated kernel's SIGSEGV kills it. `crash abort`
 * dies of abort() with the attach in place. `crash handler` has a
 * SIGSEGV handler of its own: its accesses to the attach still fault
 * into the simulated kernel, and its own bad access (address 16) runs
 * its handler, which exits 3. Each time the segment, removed beforehand
 * with IPC_RMID, goes with the task's exit.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

static void handler(int sig, siginfo_t *si, void *ctx)
{
	char buf[64];
	int n = snprintf(buf, sizeof(buf), "its handler: signal %d at %p\n",
			 sig, si->si_addr);

	(void)ctx;
	if (write(STDOUT_FILENO, buf, (size_t)n) < 0)
		_exit(4);
	_exit(3);
}

int main(int argc, char **argv)
{
	int id = shmget(IPC_PRIVATE, 4096, 0600 | IPC_CREAT);
	volatile char *p;

	if (argc != 2 || id < 0)
		return 2;
	if (!strcmp(argv[1], "handler")) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = handler;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSEGV, &sa, NULL);
		p = shmat(id, NULL, 0);
		if (p == (void *)-1 || shmctl(id, IPC_RMID, NULL))
			return 1;
		p[0] = 'x';
		printf("the attach holds '%c'\n", p[0]);
		fflush(stdout);
		*(volatile int *)16 = 1;
		return 1;
	}
	p = shmat(id, NULL, SHM_RDONLY);
	if (p == (void *)-1 || shmctl(id, IPC_RMID, NULL))
		return 1;
	printf("reads %d\n", p[0]);
	fflush(stdout);
	if (!strcmp(argv[1], "abort"))
		abort();
	p[0] = 1;
	printf("the store went through\n");
	return 1;
}
