/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/vmalloc.h - virtually contiguous kernel memory.
 * Models the interface of include/linux/vmalloc.h (2.4.16): vmalloc and
 * vfree, which ipc/util.c's ipc_alloc/ipc_free use for id arrays bigger
 * than a page. sim: host memory (see sim/mm/vmalloc.c).
 */
#ifndef _SIM_LINUX_VMALLOC_H
#define _SIM_LINUX_VMALLOC_H

#include <stddef.h>

/* sim/mm/vmalloc.c */
void *vmalloc(unsigned long size);
void vfree(void *addr);

extern unsigned long sim_vmalloc_live;	/* areas not yet vfree'd */

#endif /* _SIM_LINUX_VMALLOC_H */
