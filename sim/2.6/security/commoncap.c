// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/security/commoncap.c - the capability checks without an LSM.
 * Models security/commoncap.c (2.6.32), in its order:
 *   cap_vm_enough_memory, cap_file_mmap.
 * Left out: the rest of the capability hooks (capable() is sched.h's).
 * Called through include/linux/security.h's !CONFIG_SECURITY inlines
 *   (linux/mm.h here): security_vm_enough_memory[_kern] from shmem's
 *   accounting and mprotect_fixup, security_file_mmap from do_mmap_pgoff.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* Committed_AS for pages: root (CAP_SYS_ADMIN) may dip into the reserve */
int cap_vm_enough_memory(struct mm_struct *mm, long pages)
{
	/* cap_capable with SECURITY_CAP_NOAUDIT; sim: no audit */
	int cap_sys_admin = capable(CAP_SYS_ADMIN);

	return __vm_enough_memory(mm, pages, cap_sys_admin);
}

/* Mapping below dac_mmap_min_addr needs CAP_SYS_RAWIO: else -EPERM. */
int cap_file_mmap(struct file *file, unsigned long reqprot,
		  unsigned long prot, unsigned long flags,
		  unsigned long addr, unsigned long addr_only)
{
	int ret = 0;

	TRACE_ENTER("%#lx", addr);
	(void)file;
	(void)reqprot;
	(void)prot;
	(void)flags;
	(void)addr_only;
	if (addr < dac_mmap_min_addr) {
		/* cap_capable; sim: no PF_SUPERPRIV to set */
		ret = capable(CAP_SYS_RAWIO) ? 0 : -EPERM;
	}
	return TRACE_RET(ret);
}
