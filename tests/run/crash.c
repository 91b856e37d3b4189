// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/run/crash.c - a reader that crashes while attached, run under
 * `shmsim run` (tests/run/run_prog.sh). `crash segv` attaches read-only
 * and stores: the simulated kernel's SIGSEGV kills it. `crash abort`
 * dies of abort() with the attach in place. Either way the segment,
 * removed beforehand with IPC_RMID, goes with the task's exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

int main(int argc, char **argv)
{
	int id = shmget(IPC_PRIVATE, 4096, 0600 | IPC_CREAT);
	volatile char *p;

	if (argc != 2 || id < 0)
		return 2;
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
