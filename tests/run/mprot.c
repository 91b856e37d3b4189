// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/run/mprot.c - mprotect of an attach, under `shmsim run`
 * (tests/run/run_prog.sh): the simulated kernel's sys_mprotect decides,
 * and the real mappings follow its ptes. A read-only attach asked to
 * become writable: 2.4.16's sys_mprotect says 0 (it has no VM_MAYWRITE
 * check) and the store then faults in the simulated kernel; 2.6.32's
 * says EACCES. Then a writable attach made read-only: it still reads,
 * and a store kills the process with the simulated SIGSEGV.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>

int main(void)
{
	int id = shmget(IPC_PRIVATE, 8192, 0600 | IPC_CREAT);
	char *ro, *rw;

	if (id < 0)
		return 2;
	ro = shmat(id, NULL, SHM_RDONLY);
	rw = shmat(id, NULL, 0);
	if (ro == (void *)-1 || rw == (void *)-1 || shmctl(id, IPC_RMID, NULL))
		return 1;
	strcpy(rw, "written");
	if (mprotect(ro, 8192, PROT_READ | PROT_WRITE))
		printf("mprotect of the read-only attach: %s\n",
		       strerror(errno));
	else
		printf("mprotect of the read-only attach: 0\n");
	printf("it reads \"%s\"\n", ro);
	if (mprotect(rw + 4096, 4096, PROT_READ))
		printf("mprotect of the writable one's second page: %s\n",
		       strerror(errno));
	rw[0] = 'W';
	printf("the first page still takes a store: \"%s\"\n", rw);
	fflush(stdout);
	rw[4096] = 'x';
	printf("the store went through\n");
	return 1;
}
