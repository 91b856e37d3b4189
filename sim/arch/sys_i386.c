// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/arch/sys_i386.c - the i386 entry of mmap.
 * Models sys_mmap2/do_mmap2 of arch/i386/kernel/sys_i386.c (2.4.16) and
 *   sys_munmap of mm/mmap.c: the checks made before do_mmap_pgoff and
 *   do_munmap. There is no file descriptor table here, so only anonymous
 *   mappings can be made (a file mapping's fd is -EBADF, as for a closed
 *   descriptor).
 * Not one file's order: one function from each of two files, sys_mmap2
 *   (with do_mmap2 folded in), then sys_munmap.
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

long sys_munmap(unsigned long addr, size_t len)
{
	TRACE_ENTER("%#lx, %#zx", addr, len);
	return TRACE_RET(do_munmap(current->mm, addr, len));
}
