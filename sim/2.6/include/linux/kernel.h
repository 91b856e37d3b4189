/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/kernel.h - the small vocabulary every 2.6.32 file
 * uses. What both kernels share (page constants, errno, ERR_PTR, BUG, the
 * clock) is sim/include/sim/kbase.h; this adds 2.6.32's allocation flags
 * (include/linux/gfp.h) and the kmalloc family (include/linux/slab.h).
 */
#ifndef _SIM26_LINUX_KERNEL_H
#define _SIM26_LINUX_KERNEL_H

#include <limits.h>

#include "sim/kbase.h"

typedef unsigned int gfp_t;

/* include/linux/gfp.h (2.6.32) */
#define __GFP_WAIT	0x10u	/* may sleep: may reclaim */
#define __GFP_HIGH	0x20u
#define __GFP_IO	0x40u
#define __GFP_FS	0x80u	/* may call into the file system */
#define __GFP_HIGHMEM	0x02u
#define __GFP_ZERO	0x8000u
#define GFP_KERNEL	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_USER	(__GFP_WAIT | __GFP_IO | __GFP_FS | 0x40000u)
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)

/* the kmalloc family; sim/slab.c serves both kernels */
void *kmalloc(size_t size, int flags);
void kfree(const void *objp);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, (int)(flags | __GFP_ZERO));
}

/* include/linux/kernel.h: x rounded up to a power of two a */
#define ALIGN(x, a)	(((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))

#define USHORT_MAX	((unsigned short)~0U)

/* 2.6.32 reads the clock as seconds; CURRENT_TIME is kbase.h's */
static inline unsigned long get_seconds(void)
{
	return (unsigned long)CURRENT_TIME;
}

#endif /* _SIM26_LINUX_KERNEL_H */
