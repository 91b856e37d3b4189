// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/ipcs_listing.c - what `ipcs -m` lists while this program holds
 * two segments: a keyed one, attached and then removed (IPC_RMID marks
 * it: status "dest", its key made private, nattch still 1), and a
 * private one nobody attached. Under `shmsim run` the ipcs it starts
 * reads the simulated kernel's /proc/sysvipc/shm (docs/run.md, "ipcs").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define KEY	5678

int main(void)
{
	int kept, removed;
	char *p;

	removed = shmget(KEY, 8192, 0640 | IPC_CREAT);
	kept = shmget(IPC_PRIVATE, 4096, 0600);
	if (removed < 0 || kept < 0) {
		perror("shmget");
		return 1;
	}
	p = shmat(removed, NULL, 0);
	if (p == (void *)-1) {
		perror("shmat");
		return 1;
	}
	strcpy(p, "in use");
	if (shmctl(removed, IPC_RMID, NULL) < 0) {
		perror("shmctl IPC_RMID");
		return 1;
	}
	fflush(stdout);
	if (system("ipcs -m") != 0)
		fprintf(stderr, "ipcs_listing: ipcs -m failed\n");
	if (shmdt(p) < 0 || shmctl(kept, IPC_RMID, NULL) < 0) {
		perror("shmdt or shmctl");
		return 1;
	}
	return 0;
}
