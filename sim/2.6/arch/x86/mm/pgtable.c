// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/arch/x86/mm/pgtable.c - page-table pages.
 * Models arch/x86/mm/pgtable.c (2.6.32, i386, no PAE), in its order:
 *   pte_alloc_one, ___pte_free_tlb (as pte_free), pgd_ctor (reduced),
 *   pgd_alloc, pgd_free.
 * Left out: the kernel half of the pgd (clone_pgd_range of swapper_pg_dir:
 *   the model has no kernel mappings), pgd_list, PAE's pmd preallocation.
 * Called by __pte_alloc and free_pte_range (mm/memory.c), and mm_init /
 *   __mmdrop (kernel/fork.c) for the pgd.
 * A pte page counts in NR_PAGETABLE (pgtable_page_ctor/dtor); the pgd
 * page does not, as in 2.6.32 i386.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "sim/trace.h"

#define PGALLOC_GFP	(GFP_KERNEL | __GFP_ZERO)

/* A zeroed page for 1024 ptes. */
struct page *pte_alloc_one(struct mm_struct *mm, unsigned long address)
{
	struct page *pte;

	TRACE_ENTER("mm#%u, %#lx", sim_id(mm), address);
	pte = alloc_pages(PGALLOC_GFP | __GFP_HIGHMEM, 0);
	if (pte)
		inc_zone_page_state(pte, NR_PAGETABLE);	/* pgtable_page_ctor */
	return TRACE_RET_PAGE(pte);
}

/* pte_free / ___pte_free_tlb: the pte page goes back */
void pte_free(struct mm_struct *mm, struct page *pte)
{
	TRACE_ENTER("mm#%u, page#%lu", sim_id(mm), page_to_pfn(pte));
	dec_zone_page_state(pte, NR_PAGETABLE);	/* pgtable_page_dtor */
	__free_page(pte);
	TRACE_EXIT();
}

/* sim: the pgd's user half starts empty; there is no kernel half */
static void pgd_ctor(pgd_t *pgd)
{
	(void)pgd;
}

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd;

	TRACE_ENTER("mm#%u", sim_id(mm));
	pgd = (pgd_t *)__get_free_page(PGALLOC_GFP);
	if (!pgd) {
		TRACE_EXIT_FMT("NULL");
		return NULL;
	}
	mm->pgd = pgd;
	pgd_ctor(pgd);
	TRACE_EXIT_FMT("page#%lu", page_to_pfn(virt_to_page(pgd)));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	TRACE_ENTER("mm#%u", sim_id(mm));
	free_page((unsigned long)pgd);
	TRACE_EXIT();
}
