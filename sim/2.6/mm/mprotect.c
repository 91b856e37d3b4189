// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/mprotect.c - changing the protection of a range.
 * Models mm/mprotect.c (2.6.32), in its order: change_pte_range,
 *   change_protection (with change_pmd_range and change_pud_range folded
 *   in: two levels on i386), mprotect_fixup, sys_mprotect.
 * The check that makes 2.6 differ from 2.4.16 for shm: the new flags must
 *   be allowed by the vma's VM_MAY* bits, and do_shmat maps a SHM_RDONLY
 *   attach from a file opened FMODE_READ only, so do_mmap_pgoff never gave
 *   it VM_MAYWRITE: mprotect(PROT_WRITE) there is EACCES (2.4.16 let it
 *   through).
 * A range covering part of a vma splits it (split_vma: the new piece gets
 *   its own reference on the attach's file and vm_ops->open, shm_open:
 *   nattch +1); a piece whose new flags match a neighbour's is merged
 *   back by vma_merge first.
 * Left out: PROT_GROWSDOWN/PROT_GROWSUP (no stack vma: -EINVAL when asked
 *   for, as for a vma without VM_GROWSDOWN), READ_IMPLIES_EXEC (no
 *   personalities), migration entries, hugetlb, mmu notifiers, the
 *   mmap_sem (one thread), TLB and cache flushes (sim: no TLB).
 * Called by the runner's mprotect (sys_mprotect).
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/mman.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* i386 keeps no bits of its own across a change: the new prot wins */
static inline pgprot_t pgprot_modify(pgprot_t oldprot, pgprot_t newprot)
{
	(void)oldprot;
	return newprot;
}

/* Every present pte of [addr, end) in this table gets newprot. */
static void change_pte_range(struct mm_struct *mm, pmd_t *pmd,
			     unsigned long addr, unsigned long end,
			     pgprot_t newprot, int dirty_accountable)
{
	pte_t *pte = pte_offset_map(pmd, addr);

	do {
		pte_t ptent = *pte;

		if (!pte_present(ptent))
			continue;	/* sim: no swap or migration entries */
		ptent = ptep_get_and_clear(mm, addr, pte);
		ptent = pte_modify(ptent, newprot);
		/* a page known dirty need not fault again to be written */
		if (dirty_accountable && pte_dirty(ptent))
			ptent = pte_mkwrite(ptent);
		set_pte_at(mm, addr, pte, ptent);
		sim_note("mm", "pte %#lx -> %08x", addr, pte_val(ptent));
	} while (pte++, addr += PAGE_SIZE, addr != end);
}

static void change_protection(struct vm_area_struct *vma,
			      unsigned long addr, unsigned long end,
			      pgprot_t newprot, int dirty_accountable)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long next;
	pgd_t *pgd;

	TRACE_ENTER("vma#%u, %#lx-%#lx, prot %#x", sim_id(vma), addr, end,
		    pgprot_val(newprot));
	BUG_ON(addr >= end);
	pgd = pgd_offset(mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		/* pud and pmd are the pgd entry on a two-level i386 */
		if (pgd_none(*pgd))
			continue;
		change_pte_range(mm, pmd_offset(pud_offset(pgd, addr), addr),
				 addr, next, newprot, dirty_accountable);
	} while (pgd++, addr = next, addr != end);
	TRACE_EXIT();
}

/*
 * Give [start, end) of vma the flags newflags: merge it with a neighbour,
 * or split it off, then rewrite its ptes. *pprev is left at the vma that
 * now covers the range.
 */
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end,
		   unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags;
	long nrpages = (long)((end - start) >> PAGE_SHIFT);
	unsigned long charged = 0;
	int dirty_accountable = 0;
	pgoff_t pgoff;
	int error;

	TRACE_ENTER("vma#%u, %#lx-%#lx, newflags %#lx", sim_id(vma), start,
		    end, newflags);
	if (newflags == oldflags) {
		*pprev = vma;
		return TRACE_RET(0);
	}

	/*
	 * A private mapping made writable is charged to Committed_AS now;
	 * made read-only again it keeps the charge (VM_ACCOUNT).
	 */
	if ((newflags & VM_WRITE) &&
	    !(oldflags & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB | VM_SHARED |
			  VM_NORESERVE))) {
		charged = (unsigned long)nrpages;
		if (security_vm_enough_memory((long)charged))
			return TRACE_RET(-ENOMEM);
		newflags |= VM_ACCOUNT;
	}

	pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	*pprev = vma_merge(mm, *pprev, start, end, newflags, vma->anon_vma,
			   vma->vm_file, pgoff, NULL);
	if (*pprev) {
		vma = *pprev;
		goto success;
	}

	*pprev = vma;
	if (start != vma->vm_start) {
		error = split_vma(mm, vma, start, 1);
		if (error)
			goto fail;
	}
	if (end != vma->vm_end) {
		error = split_vma(mm, vma, end, 0);
		if (error)
			goto fail;
	}

success:
	vma->vm_flags = newflags;
	vma->vm_page_prot = pgprot_modify(vma->vm_page_prot,
					  vm_get_page_prot(newflags));
	if (vma_wants_writenotify(vma)) {
		vma->vm_page_prot = vm_get_page_prot(newflags & ~VM_SHARED);
		dirty_accountable = 1;
	}
	sim_note("mm", "vma#%u %08lx-%08lx vm_flags %#lx -> %#lx",
		 sim_id(vma), vma->vm_start, vma->vm_end, oldflags, newflags);
	change_protection(vma, start, end, vma->vm_page_prot,
			  dirty_accountable);
	vm_stat_account(mm, oldflags, vma->vm_file, -nrpages);
	vm_stat_account(mm, newflags, vma->vm_file, nrpages);
	return TRACE_RET(0);

fail:
	vm_unacct_memory((long)charged);
	return TRACE_RET(error);
}

/*
 * The system call: every vma of [start, start + len) in turn, which must
 * follow each other without a hole (else -ENOMEM) and each allow the new
 * protection through its VM_MAY* bits (else -EACCES). What was changed
 * before an error stays changed.
 */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	unsigned long vm_flags, nstart, end, tmp;
	struct vm_area_struct *vma, *prev;
	const unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	long error = -EINVAL;

	TRACE_ENTER("%#lx, %#zx, %#lx", start, len, prot);
	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return TRACE_RET(-EINVAL);
	if (start & ~PAGE_MASK)
		return TRACE_RET(-EINVAL);
	if (!len)
		return TRACE_RET(0);
	len = PAGE_ALIGN(len);
	end = (start + len) & SIM_ULONG_MAX;	/* sim: i386 wraps at 4 GiB */
	if (end <= start)
		return TRACE_RET(-ENOMEM);
	/* arch_validate_prot: i386 takes any combination of these */
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return TRACE_RET(-EINVAL);
	/* sim: no READ_IMPLIES_EXEC personality */
	vm_flags = calc_vm_prot_bits(prot);

	vma = find_vma_prev(current->mm, start, &prev);
	error = -ENOMEM;
	if (!vma)
		goto out;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			goto out;
		start = vma->vm_start;
		error = -EINVAL;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			goto out;
	} else {
		if (vma->vm_start > start)
			goto out;
		if (grows & PROT_GROWSUP) {
			end = vma->vm_end;
			error = -EINVAL;
			if (!(vma->vm_flags & VM_GROWSUP))
				goto out;
		}
	}
	if (start > vma->vm_start)
		prev = vma;

	for (nstart = start; ; ) {
		unsigned long newflags;

		newflags = vm_flags |
			   (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));
		/* VM_MAYREAD..VM_MAYEXEC sit 4 bits above VM_READ..VM_EXEC */
		error = -EACCES;
		if ((newflags & ~(newflags >> 4)) &
		    (VM_READ | VM_WRITE | VM_EXEC))
			goto out;
		/* security_file_mprotect: 0 without an LSM */
		tmp = vma->vm_end;
		if (tmp > end)
			tmp = end;
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			goto out;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			goto out;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM;
			goto out;
		}
	}
out:
	return TRACE_RET(error);
}
