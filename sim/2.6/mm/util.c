// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/util.c - the mmap system call.
 * Models mm/util.c (2.6.32.67): sys_mmap_pgoff only, which i386's system
 *   call table gives mmap2 (entry 192; linux/mm.h names it sys_mmap2 for
 *   the runner, whose call is the same on both kernels).
 * Left out: the rest of the file (kstrdup, memdup_user, get_user_pages
 *   and the like). There is no file descriptor table, so every descriptor
 *   is closed: a file mapping is -EBADF, as fget(fd) failing makes it.
 *   MAP_HUGETLB (hugetlb_file_setup) is not modelled: -EINVAL with a note.
 * Called by the runner's mmap.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/mman.h"
#include "linux/sched.h"
#include "sim/trace.h"

unsigned long sys_mmap_pgoff(unsigned long addr, unsigned long len,
			     unsigned long prot, unsigned long flags,
			     unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long retval = (unsigned long)-EBADF;

	TRACE_ENTER("%#lx, %#lx, %#lx, %#lx, %ld, %lu", addr, len, prot, flags,
		    (long)fd, pgoff);
	if (!(flags & MAP_ANONYMOUS)) {
		if (flags & MAP_HUGETLB)
			return TRACE_RET_ADDR((unsigned long)-EINVAL);
		/* fget(fd); sim: no descriptor is ever open */
		goto out;
	} else if (flags & MAP_HUGETLB) {
		sim_note("mm", "MAP_HUGETLB: hugetlbfs is not modelled");
		return TRACE_RET_ADDR((unsigned long)-EINVAL);
	}

	flags &= ~(MAP_EXECUTABLE | MAP_DENYWRITE);
	/* sim: no mmap_sem (one thread) */
	retval = do_mmap_pgoff(file, addr, len, prot, flags, pgoff);
out:
	return TRACE_RET_ADDR(retval);
}
