// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/reader.c - the reader of the classic pair: it creates (or
 * finds) the segment of key 1234, attaches it, and prints each line the
 * writer leaves there until the line "end"; then it detaches and removes
 * the segment. A plain SysV shm program: it runs natively or under
 * `shmsim run`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shm_common.h"

int main(void)
{
	struct shared_use_st *shared;
	void *mem;
	int shmid, done = 0;

	shmid = shmget((key_t)SHARED_KEY, sizeof(struct shared_use_st),
		       0666 | IPC_CREAT);
	if (shmid == -1) {
		perror("reader: shmget");
		return EXIT_FAILURE;
	}
	mem = shmat(shmid, NULL, 0);
	if (mem == (void *)-1) {
		perror("reader: shmat");
		return EXIT_FAILURE;
	}
	shared = mem;
	while (!done) {
		if (!shared->written) {
			usleep(1000);
			continue;
		}
		printf("You wrote: %s", shared->text);
		fflush(stdout);
		done = !strncmp(shared->text, "end", 3);
		shared->written = 0;
	}
	if (shmdt(mem) == -1 || shmctl(shmid, IPC_RMID, NULL) == -1) {
		perror("reader: shmdt or shmctl");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
