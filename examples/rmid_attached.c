// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/rmid_attached.c - remove a segment while it is still attached.
 * IPC_RMID only marks it (SHM_DEST, the key made private): the attach
 * keeps working, a shmget of the key no longer finds it, and the memory
 * goes with the last detach. Prints what it sees at each step.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define KEY	4321

int main(void)
{
	struct shmid_ds ds;
	char *p;
	int id;

	id = shmget(KEY, 4096, 0600 | IPC_CREAT);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		perror("shmat");
		return 1;
	}
	strcpy(p, "still here");
	if (shmctl(id, IPC_RMID, NULL) < 0) {
		perror("shmctl IPC_RMID");
		return 1;
	}
	if (shmctl(id, IPC_STAT, &ds) == 0)
		printf("after IPC_RMID: nattch %lu, mode %s\n",
		       (unsigned long)ds.shm_nattch,
		       ds.shm_perm.mode & SHM_DEST ? "SHM_DEST" : "live");
	printf("the attach still reads \"%s\"\n", p);
	if (shmget(KEY, 4096, 0600) < 0)
		printf("shmget of the key: %s\n", strerror(errno));
	if (shmdt(p) < 0) {
		perror("shmdt");
		return 1;
	}
	if (shmctl(id, IPC_STAT, &ds) < 0)
		printf("after the last shmdt, IPC_STAT: %s\n", strerror(errno));
	return 0;
}
