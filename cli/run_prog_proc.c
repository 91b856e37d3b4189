// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_prog_proc.c - the /proc files of the simulated kernel for the
 * programs `shmsim run` runs: util-linux's ipcs opens /proc/sysvipc/shm
 * (client/shmsim_client_proc.c answers the open), and the server has the
 * simulated kernel print the file (cli/run_prog_proc_kernel.c) into a
 * memfd, sealed, that the reply carries back (SCM_RIGHTS). Both kernels
 * had the file, in the same 14 columns (i386's small format), which ipcs
 * parses: docs/run.md ("ipcs") says why neither answers ENOENT.
 * sim: the text is made whole at the open, as one read would see it;
 * the real file is made again at each read(), a page at a time.
 */
#define _GNU_SOURCE	/* memfd_create, F_ADD_SEALS */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "run_prog.h"

/* the text into a memfd nobody can change; -errno if it cannot be */
static int render(struct prog_task *t, unsigned int which, long *bytes)
{
	int fd = memfd_create("sysvipc/shm", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	int dup_fd = fd < 0 ? -1 : dup(fd), err;
	FILE *f = dup_fd < 0 ? NULL : fdopen(dup_fd, "w");

	if (!f) {
		err = -errno;
		if (dup_fd >= 0)
			close(dup_fd);
		goto fail;
	}
	err = prog_proc_render(t, which, f);
	*bytes = ftell(f);
	if (fclose(f) && !err)
		err = -errno;
	if (!err && (fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_WRITE |
			   F_SEAL_GROW | F_SEAL_SHRINK) ||
		     lseek(fd, 0, SEEK_SET)))
		err = -errno;
	if (!err)
		return fd;
fail:
	if (fd >= 0)
		close(fd);
	return err ? err : -EIO;
}

int prog_proc_open(struct prog_task *t, const struct shmsim_request *rq,
		   struct shmsim_reply *rp)
{
	long bytes = 0;
	int fd = render(t, rq->a[0], &bytes);

	if (fd == -ENOENT && rq->a[0] != SHMSIM_PROC_SYSVIPC_SHM) {
		/* a file it does not know: no result line */
		rp->ret = -1;
		rp->err = ENOENT;
		return -1;
	}
	prog_proc_result(t, fd < 0 ? fd : bytes);
	rp->ret = fd < 0 ? -1 : bytes;
	rp->err = fd < 0 ? -fd : 0;
	return fd < 0 ? -1 : fd;
}
