/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/asm/pgtable.h - i386 page tables, two levels, no PAE.
 * Models arch/x86/include/asm/{pgtable_types.h, pgtable.h, pgtable-2level.h,
 * pgtable_32.h} (2.6.32): the pte and pgd words, their flag bits, and the
 * accessors the fault and zap paths use. pud and pmd are folded into the
 * pgd, as on a two-level i386: pud_offset/pmd_offset return the pgd entry.
 * A pgd entry holds the frame number of a page-table page with
 * _PAGE_TABLE; a pte the frame number of the page it maps with its bits.
 * Page-table pages are frames of the arena (sim/2.6/mm/page_alloc.c).
 * What needs struct page (mk_pte, pte_offset_map) is in linux/mm.h.
 */
#ifndef _SIM26_ASM_PGTABLE_H
#define _SIM26_ASM_PGTABLE_H

#include <stdint.h>

#include "sim/kbase.h"

/* pgtable-2level_types.h */
#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define PTRS_PER_PMD	1
#define PTRS_PER_PTE	1024
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1) & 0xFFFFFFFFUL)
#define PMD_SHIFT	PGDIR_SHIFT
#define PMD_SIZE	PGDIR_SIZE
#define PMD_MASK	PGDIR_MASK
#define USER_PTRS_PER_PGD	(TASK_SIZE / PGDIR_SIZE)	/* 768 */
#define KERNEL_PGD_BOUNDARY	USER_PTRS_PER_PGD
#define FIRST_USER_ADDRESS	0

typedef struct { uint32_t pte_low; } pte_t;
typedef struct { uint32_t pgd; } pgd_t;
typedef struct { pgd_t pgd; } pud_t;	/* folded */
typedef struct { pud_t pud; } pmd_t;	/* folded */
typedef struct { uint32_t pgprot; } pgprot_t;

#define pte_val(x)	((x).pte_low)
#define pgd_val(x)	((x).pgd)
#define pmd_val(x)	((x).pud.pgd.pgd)
#define pgprot_val(x)	((x).pgprot)
#define __pte(x)	((pte_t) { (uint32_t)(x) })
#define __pgprot(x)	((pgprot_t) { (uint32_t)(x) })

/* pgtable_types.h */
#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PWT	0x008
#define _PAGE_PCD	0x010
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080
#define _PAGE_GLOBAL	0x100
/* only when !_PAGE_PRESENT: a PROT_NONE pte keeps its page */
#define _PAGE_PROTNONE	_PAGE_GLOBAL
#define _PAGE_FILE	_PAGE_DIRTY
#define _PAGE_NX	0		/* no PAE: no NX bit */

#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_CHG_MASK	(PAGE_MASK | _PAGE_PCD | _PAGE_PWT | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)

#define PAGE_NONE	__pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC __pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				  _PAGE_ACCESSED)
#define PAGE_COPY_NOEXEC __pgprot(_PAGE_PRESENT | _PAGE_USER | \
				  _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_COPY_EXEC	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY	PAGE_COPY_NOEXEC
#define PAGE_READONLY	__pgprot(_PAGE_PRESENT | _PAGE_USER | \
				 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY_EXEC __pgprot(_PAGE_PRESENT | _PAGE_USER | \
				    _PAGE_ACCESSED)

/* pgtable_32.h: the protection_map entries, private (P) and shared (S) */
#define __P000	PAGE_NONE
#define __P001	PAGE_READONLY
#define __P010	PAGE_COPY
#define __P011	PAGE_COPY
#define __P100	PAGE_READONLY_EXEC
#define __P101	PAGE_READONLY_EXEC
#define __P110	PAGE_COPY_EXEC
#define __P111	PAGE_COPY_EXEC

#define __S000	PAGE_NONE
#define __S001	PAGE_READONLY
#define __S010	PAGE_SHARED
#define __S011	PAGE_SHARED
#define __S100	PAGE_READONLY_EXEC
#define __S101	PAGE_READONLY_EXEC
#define __S110	PAGE_SHARED_EXEC
#define __S111	PAGE_SHARED_EXEC

/* the pte's bits */
static inline int pte_none(pte_t pte)
{
	return !pte.pte_low;
}

static inline int pte_present(pte_t pte)
{
	return pte.pte_low & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline int pte_write(pte_t pte)
{
	return pte.pte_low & _PAGE_RW;
}

static inline int pte_dirty(pte_t pte)
{
	return pte.pte_low & _PAGE_DIRTY;
}

static inline int pte_young(pte_t pte)
{
	return pte.pte_low & _PAGE_ACCESSED;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte.pte_low >> PAGE_SHIFT;
}

static inline pte_t pte_mkwrite(pte_t pte)
{
	return __pte(pte.pte_low | _PAGE_RW);
}

static inline pte_t pte_mkdirty(pte_t pte)
{
	return __pte(pte.pte_low | _PAGE_DIRTY);
}

static inline pte_t pte_mkyoung(pte_t pte)
{
	return __pte(pte.pte_low | _PAGE_ACCESSED);
}

static inline pte_t pte_mkold(pte_t pte)
{
	return __pte(pte.pte_low & ~_PAGE_ACCESSED);
}

static inline pte_t pte_wrprotect(pte_t pte)
{
	return __pte(pte.pte_low & ~_PAGE_RW);
}

/* new protection bits; the frame, accessed and dirty stay */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte.pte_low & _PAGE_CHG_MASK) |
		     (pgprot_val(newprot) & ~_PAGE_CHG_MASK));
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((pfn << PAGE_SHIFT) | pgprot_val(prot));
}

static inline int pte_same(pte_t a, pte_t b)
{
	return a.pte_low == b.pte_low;
}

/* sim: no TLB and no hardware walker racing: a pte write is a store */
struct mm_struct;
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	(void)mm;
	(void)addr;
	*ptep = pte;
}

/*
 * sim: how many times a pte lost its present bit, in any mm: `shmsim
 * run` then checks the real mappings it made (cli/run_prog_orders.c).
 */
extern unsigned long sim_pte_drops;
/*
 * sim: 2.4.16's flush_tlb_page hook for `shmsim run`
 * (cli/run_prog_orders.c); 2.6.32's model never takes a page from a
 * task other than the one it runs as, so nothing here calls it.
 */
struct mm_struct;
extern void (*sim_flush_tlb_hook)(struct mm_struct *mm, unsigned long addr);

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	sim_pte_drops++;
	set_pte_at(mm, addr, ptep, __pte(0));
}

static inline pte_t ptep_get_and_clear(struct mm_struct *mm,
				       unsigned long addr, pte_t *ptep)
{
	pte_t pte = *ptep;

	pte_clear(mm, addr, ptep);
	return pte;
}

/* the pgd (and the folded pud/pmd) */
#define pgd_index(address)	(((address) >> PGDIR_SHIFT) & \
				 (PTRS_PER_PGD - 1))
#define pte_index(address)	(((address) >> PAGE_SHIFT) & \
				 (PTRS_PER_PTE - 1))
#define pgd_offset(mm, address)	((mm)->pgd + pgd_index(address))

static inline int pgd_none(pgd_t pgd)
{
	return !pgd.pgd;
}

static inline int pmd_none(pmd_t pmd)
{
	return !pmd_val(pmd);
}

static inline int pmd_present(pmd_t pmd)
{
	return pmd_val(pmd) & _PAGE_PRESENT;
}

static inline unsigned long pmd_pfn(pmd_t pmd)
{
	return pmd_val(pmd) >> PAGE_SHIFT;
}

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long address)
{
	(void)address;
	return (pud_t *)pgd;
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long address)
{
	(void)address;
	return (pmd_t *)pud;
}

/* where a pmd's table covers: [addr & PMD_MASK, +PMD_SIZE) */
static inline unsigned long pmd_addr_end(unsigned long addr,
					 unsigned long end)
{
	unsigned long boundary = (addr + PMD_SIZE) & PMD_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}

#define pgd_addr_end(addr, end)	pmd_addr_end(addr, end)

static inline void pmd_clear(pmd_t *pmd)
{
	pmd_val(*pmd) = 0;
}

/* arch/x86/mm/pgtable.c (sim/2.6/arch/x86/mm/pgtable.c) */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

#endif /* _SIM26_ASM_PGTABLE_H */
