/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/mman.h - mmap's prot and flags, and their vm_flags.
 * Models include/asm-generic/mman-common.h, mman.h and include/linux/mman.h
 * (2.6.32, i386): PROT_*, MAP_*, and calc_vm_prot_bits/calc_vm_flag_bits,
 * which do_mmap_pgoff uses to turn them into VM_* bits.
 * sim: never include <sys/mman.h> beside this.
 */
#ifndef _SIM26_LINUX_MMAN_H
#define _SIM26_LINUX_MMAN_H

#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8
#define PROT_NONE	0x0
#define PROT_GROWSDOWN	0x01000000
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_HUGETLB	0x40000

/* include/linux/mman.h: bit x of a maps to bit y of the result */
#define _calc_vm_trans(x, bit1, bit2) \
	((bit1) <= (bit2) ? ((x) & (bit1)) * ((bit2) / (bit1)) \
			  : ((x) & (bit1)) / ((bit1) / (bit2)))

/* VM_READ etc. are linux/mm.h's; these are used after it */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return _calc_vm_trans(prot, PROT_READ, 0x1UL) |
	       _calc_vm_trans(prot, PROT_WRITE, 0x2UL) |
	       _calc_vm_trans(prot, PROT_EXEC, 0x4UL);
}

static inline unsigned long calc_vm_flag_bits(unsigned long flags)
{
	/* to VM_GROWSDOWN, VM_DENYWRITE, VM_EXECUTABLE, VM_LOCKED */
	return _calc_vm_trans(flags, MAP_GROWSDOWN, 0x100UL) |
	       _calc_vm_trans(flags, MAP_DENYWRITE, 0x800UL) |
	       _calc_vm_trans(flags, MAP_EXECUTABLE, 0x1000UL) |
	       _calc_vm_trans(flags, MAP_LOCKED, 0x2000UL);
}

/* Committed_AS, in pages: mm/mmap.c's vm_committed_as and its helpers */
extern long vm_committed_as;

static inline void vm_acct_memory(long pages)
{
	vm_committed_as += pages;
}

static inline void vm_unacct_memory(long pages)
{
	vm_committed_as -= pages;
}

#endif /* _SIM26_LINUX_MMAN_H */
