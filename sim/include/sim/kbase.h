/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/kbase.h - the kernel vocabulary that is the same in every
 * modelled kernel (Linux 2.4.16 and 2.6.32, i386): the page constants,
 * errno values and their names, ERR_PTR/IS_ERR/PTR_ERR, BUG()/BUG_ON(),
 * container_of, ARRAY_SIZE, min_t/max_t and the simulated clock. Each kernel's
 * linux/kernel.h includes it and adds what differs (the GFP flags, kmalloc).
 * sim: the host is 64-bit; i386 addresses and sizes are kept below 4 GiB by
 *   the syscall boundary, and PAGE_MASK is a 32-bit constant so that
 *   PAGE_ALIGN wraps at 4 GiB as it does on i386.
 */
#ifndef _SIM_KBASE_H
#define _SIM_KBASE_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* include/asm-i386/page.h */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	0xFFFFF000UL
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_OFFSET	0xC0000000UL
#define TASK_SIZE	PAGE_OFFSET
#define TASK_UNMAPPED_BASE	(TASK_SIZE / 3)
#define PAGE_CACHE_SHIFT	PAGE_SHIFT
#define PAGE_CACHE_SIZE	PAGE_SIZE

/* sim: unsigned long is 64 bits on the host; i386's is 32 */
#define SIM_ULONG_MAX	0xFFFFFFFFUL

/*
 * include/asm-i386/errno.h. The host's <errno.h> names them; 2.4's values
 * are the ones Linux still uses (2.6.32's too), which these assertions pin
 * down.
 */
_Static_assert(EPERM == 1 && ENOENT == 2 && ENOMEM == 12 && EACCES == 13 &&
	       EFAULT == 14 && EEXIST == 17 && EINVAL == 22 && ENFILE == 23 &&
	       EMFILE == 24 && ENOSPC == 28 && EIDRM == 43,
	       "errno values differ from i386 Linux");

const char *sim_errno_name(int err);	/* 22 -> "EINVAL" */
const char *sim_errno_text(int err);	/* 22 -> "Invalid argument" */
/* "EINVAL" -> 22, 0 if unknown */
int sim_errno_from_name(const char *name);

/* sim: IPC_STAT -> "IPC_STAT", for the trace of sys_shmctl; "?" if unknown */
const char *sim_shmctl_cmd_name(int cmd);

/* pointer returns that carry an errno (2.4.16 fs.h, 2.6.32 linux/err.h) */
#define MAX_ERRNO	1000
static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline long IS_ERR(const void *ptr)
{
	return (unsigned long)ptr > (unsigned long)-MAX_ERRNO;
}

/* "Cannot happen": say where, then stop so gdb lands on the spot. */
void sim_bug(const char *file, int line, const char *what);
#define BUG()		sim_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(cond) \
	do { if (cond) sim_bug(__FILE__, __LINE__, #cond); } while (0)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b)	((type)(a) > (type)(b) ? (type)(a) : (type)(b))

/* The simulated clock: CURRENT_TIME starts at 1000000000, moves by sleep. */
extern long sim_clock;
#define CURRENT_TIME	(sim_clock)

#endif /* _SIM_KBASE_H */
