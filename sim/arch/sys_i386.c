// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/arch/sys_i386.c - the i386 entry of mmap.
 * Models arch/i386/kernel/sys_i386.c (2.4.16): sys_mmap2 only, with
 *   do_mmap2 folded in: the checks made before do_mmap_pgoff. There is no
 *   file descriptor table here, so only anonymous mappings can be made (a
 *   file mapping's fd is -EBADF, as for a closed descriptor). munmap's
 *   entry, sys_munmap, is mm/mmap.c's (sim/mm/mmap.c).
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000

unsigned long sys_mmap2(unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long fd, unsigned long pgoff)
{
	unsigned long ret;

	(void)fd;
	TRACE_ENTER("%#lx, %#lx, %#lx, %#lx, %ld, %lu", addr, len, prot, flags,
		    (long)fd, pgoff);
	flags &= ~(MAP_EXECUTABLE | MAP_DENYWRITE);
	if (!(flags & MAP_ANONYMOUS))
		return TRACE_RET_ADDR(-EBADF);	/* sim: no open files */
	ret = do_mmap_pgoff(NULL, addr, len, prot, flags, pgoff);
	return TRACE_RET_ADDR(ret);
}
