/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/kernel.h - the small kernel vocabulary every file uses.
 * Models include/linux/kernel.h, include/linux/err.h, include/asm-i386/page.h
 * and include/asm-i386/errno.h (2.4.16): BUG(), ERR_PTR/IS_ERR/PTR_ERR, page
 * constants, errno values, kmalloc/kfree and the simulated clock.
 * What 2.6.32 shares with it is in sim/include/sim/kbase.h; this file adds
 * 2.4.16's allocation flags and kmalloc.
 */
#ifndef _SIM_LINUX_KERNEL_H
#define _SIM_LINUX_KERNEL_H

#include "sim/kbase.h"

/* include/linux/mm.h: allocation flags */
#define __GFP_WAIT	0x10	/* may sleep: may reclaim */
#define __GFP_HIGH	0x20
#define __GFP_IO	0x40
#define __GFP_HIGHIO	0x80
#define __GFP_FS	0x100	/* may call writepage */
#define GFP_KERNEL	0x1f0
#define GFP_USER	0x1d0
#define GFP_HIGHUSER	0x1d2
#define GFP_KSWAPD	(__GFP_WAIT | __GFP_IO | __GFP_HIGHIO | __GFP_FS)

/* mm/slab.c: kmalloc/kfree (fault injection hooks in sim/slab.c) */
void *kmalloc(size_t size, int flags);
void kfree(const void *objp);

#endif /* _SIM_LINUX_KERNEL_H */
