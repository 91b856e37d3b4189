// SPDX-License-Identifier: GPL-2.0-only
/*
 * examples/swapper.c - a segment bigger than the machine's RAM, shared by
 * a parent and its child. The parent stamps every page with its number,
 * then forks; the child checks every page and exits with how many were
 * wrong; the parent checks them all again. Run with little RAM and some
 * swap (`shmsim run --ram 1M --swap 8M -- ./swapper`), the pages go out
 * to swap and come back while both processes use them: each must read
 * what was written. PAGES (the first argument, default 512) pages of 4 KiB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096

/* the pages that do not say their own number */
static int check(const unsigned char *p, long pages)
{
	long i;
	int bad = 0;

	for (i = 0; i < pages; i++)
		if (p[i * PAGE] != (unsigned char)i ||
		    p[i * PAGE + PAGE - 1] != (unsigned char)(i >> 8))
			bad++;
	return bad;
}

int main(int argc, char **argv)
{
	long i, pages = argc > 1 ? atol(argv[1]) : 512;
	int id, status;
	unsigned char *p;
	pid_t pid;

	if (pages <= 0) {
		fprintf(stderr, "usage: swapper [PAGES]\n");
		return 2;
	}
	id = shmget(IPC_PRIVATE, pages * PAGE, 0600 | IPC_CREAT);
	if (id < 0) {
		perror("shmget");
		return 1;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1 || shmctl(id, IPC_RMID, NULL) < 0) {
		perror("shmat/IPC_RMID");
		return 1;
	}
	for (i = 0; i < pages; i++) {
		p[i * PAGE] = (unsigned char)i;
		p[i * PAGE + PAGE - 1] = (unsigned char)(i >> 8);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0)
		_exit(check(p, pages) ? 1 : 0);
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		return 1;
	}
	printf("child: %s\n", WIFEXITED(status) && !WEXITSTATUS(status) ?
	       "every page read back intact" : "pages lost");
	printf("parent: %d of %ld pages wrong\n", check(p, pages), pages);
	return 0;
}
