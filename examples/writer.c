// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/writer.c - the writer of the classic pair: it creates (or
 * finds) the segment of key 1234, attaches it, and hands each line of its
 * standard input to the reader through it, until a line "end". A plain
 * SysV shm program: it runs natively or under `shmsim run`.
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
	char line[TEXT_SIZE];
	void *mem;
	int shmid;

	shmid = shmget((key_t)SHARED_KEY, sizeof(struct shared_use_st),
		       0666 | IPC_CREAT);
	if (shmid == -1) {
		perror("writer: shmget");
		return EXIT_FAILURE;
	}
	mem = shmat(shmid, NULL, 0);
	if (mem == (void *)-1) {
		perror("writer: shmat");
		return EXIT_FAILURE;
	}
	shared = mem;
	while (fgets(line, sizeof(line), stdin)) {
		/* the reader has not taken the last line yet */
		while (shared->written)
			usleep(1000);
		strncpy(shared->text, line, TEXT_SIZE - 1);
		shared->text[TEXT_SIZE - 1] = '\0';
		shared->written = 1;
		if (!strncmp(line, "end", 3))
			break;
	}
	if (shmdt(mem) == -1) {
		perror("writer: shmdt");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
