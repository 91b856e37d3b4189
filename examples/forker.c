// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/forker.c - a parent and the child it forks share an attach.
 * The parent attaches a segment and writes into it, then forks: the
 * child inherits the attach (the segment's nattch goes to 2 without a
 * shmat), reads the parent's words, answers in the same page, and exits
 * without a shmdt, which its exit does for it. The parent waits, reads
 * the answer, and removes the segment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long nattch(int id)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds) < 0) {
		perror("shmctl IPC_STAT");
		exit(1);
	}
	return (unsigned long)ds.shm_nattch;
}

/* the child: it reads the parent's line and answers below it */
static int child(int id, char *p)
{
	printf("child: the attach reads \"%s\", nattch %lu\n", p,
	       nattch(id));
	strcpy(p + 2048, "hello from the child");
	return 0;
}

int main(void)
{
	int id, status;
	pid_t pid;
	char *p;

	id = shmget(IPC_PRIVATE, 8192, 0600 | IPC_CREAT);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		perror("shmat");
		return 1;
	}
	strcpy(p, "hello from the parent");
	printf("parent: nattch %lu before fork\n", nattch(id));
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		fflush(stdout);
		return child(id, p);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		fprintf(stderr, "parent: the child failed\n");
		return 1;
	}
	printf("parent: the child answered \"%s\", nattch %lu\n", p + 2048,
	       nattch(id));
	if (shmdt(p) < 0 || shmctl(id, IPC_RMID, NULL) < 0) {
		perror("shmdt/IPC_RMID");
		return 1;
	}
	return 0;
}
