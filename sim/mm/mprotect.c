// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/mprotect.c - changing a range's protection.
 * Models mm/mprotect.c (2.4.16), in its order: change_protection, the
 *   four cases of mprotect_fixup (_all, _start, _end, _middle),
 *   mprotect_fixup, sys_mprotect.
 * A range that covers part of a vma splits it, as do_munmap does, and every
 *   new piece of a shm attach gets vm_ops->open (shm_open: nattch +1), so
 *   nattch keeps counting vmas. Only anonymous private vmas merge back.
 * The check allows what VM_MAY* allow: a SHM_RDONLY attach keeps
 *   VM_MAYWRITE, so mprotect(PROT_WRITE) makes it writable (a 2.4 hole).
 * Called by the runner's mprotect.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"

/* pte_modify: keep the frame, accessed and dirty; take the new prot bits */
#define _PAGE_CHG_MASK	(PAGE_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)

static void change_protection(unsigned long start, unsigned long end,
			      pgprot_t newprot)
{
	unsigned long addr;

	TRACE_ENTER("%#lx-%#lx, prot %#x", start, end, newprot.pgprot);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = sim_pte_lookup(current->mm, addr), entry;

		if (!pte || !pte_present(*pte))
			continue;
		/* ptep_get_and_clear, then set_pte of pte_modify's */
		entry = ptep_get_and_clear(pte);
		entry.pte_low = (entry.pte_low & _PAGE_CHG_MASK) |
				newprot.pgprot;
		set_pte(pte, entry);
	}
	TRACE_EXIT();
}

static int mprotect_fixup_all(struct vm_area_struct *vma,
			      struct vm_area_struct **pprev, int newflags,
			      pgprot_t prot)
{
	struct vm_area_struct *prev = *pprev;
	struct mm_struct *mm = vma->vm_mm;

	if (prev && prev->vm_end == vma->vm_start &&
	    can_vma_merge(prev, newflags) && !vma->vm_file &&
	    !(vma->vm_flags & VM_SHARED)) {
		prev->vm_end = vma->vm_end;
		__vma_unlink(mm, vma, prev);
		sim_note("mm", "vma#%u merged into vma#%u", sim_id(vma),
			 sim_id(prev));
		kmem_cache_free(vm_area_cachep, vma);
		mm->map_count--;
		return 0;
	}
	vma->vm_flags = newflags;
	vma->vm_page_prot = prot;
	*pprev = vma;
	return 0;
}

/* The head [vm_start, end) gets the new flags as a new vma n. */
static int mprotect_fixup_start(struct vm_area_struct *vma,
				struct vm_area_struct **pprev,
				unsigned long end, int newflags, pgprot_t prot)
{
	struct vm_area_struct *n, *prev = *pprev;

	*pprev = vma;
	if (prev && prev->vm_end == vma->vm_start &&
	    can_vma_merge(prev, newflags) && !vma->vm_file &&
	    !(vma->vm_flags & VM_SHARED)) {
		prev->vm_end = end;
		vma->vm_start = end;
		return 0;
	}
	n = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	*n = *vma;
	n->vm_end = end;
	n->vm_flags = newflags;
	n->vm_raend = 0;
	n->vm_page_prot = prot;
	if (n->vm_file)
		get_file(n->vm_file);
	if (n->vm_ops && n->vm_ops->open)
		n->vm_ops->open(n);
	vma->vm_pgoff += (end - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_start = end;
	__insert_vm_struct(current->mm, n);
	sim_note("mm", "vma#%u split off %#lx-%#lx", sim_id(n), n->vm_start,
		 n->vm_end);
	return 0;
}

/* The tail [start, vm_end) gets the new flags as a new vma n. */
static int mprotect_fixup_end(struct vm_area_struct *vma,
			      struct vm_area_struct **pprev,
			      unsigned long start, int newflags, pgprot_t prot)
{
	struct vm_area_struct *n;

	n = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	*n = *vma;
	n->vm_start = start;
	n->vm_pgoff += (n->vm_start - vma->vm_start) >> PAGE_SHIFT;
	n->vm_flags = newflags;
	n->vm_raend = 0;
	n->vm_page_prot = prot;
	if (n->vm_file)
		get_file(n->vm_file);
	if (n->vm_ops && n->vm_ops->open)
		n->vm_ops->open(n);
	vma->vm_end = start;
	__insert_vm_struct(current->mm, n);
	sim_note("mm", "vma#%u split off %#lx-%#lx", sim_id(n), n->vm_start,
		 n->vm_end);
	*pprev = n;
	return 0;
}

/* [start, end) inside vma: new vmas left and right, vma keeps the middle. */
static int mprotect_fixup_middle(struct vm_area_struct *vma,
				 struct vm_area_struct **pprev,
				 unsigned long start, unsigned long end,
				 int newflags, pgprot_t prot)
{
	struct vm_area_struct *left, *right;

	left = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!left)
		return -ENOMEM;
	right = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!right) {
		kmem_cache_free(vm_area_cachep, left);
		return -ENOMEM;
	}
	*left = *vma;
	*right = *vma;
	left->vm_end = start;
	right->vm_start = end;
	right->vm_pgoff += (right->vm_start - left->vm_start) >> PAGE_SHIFT;
	left->vm_raend = 0;
	right->vm_raend = 0;
	if (vma->vm_file)
		vma->vm_file->f_count += 2;
	if (vma->vm_ops && vma->vm_ops->open) {
		vma->vm_ops->open(left);
		vma->vm_ops->open(right);
	}
	vma->vm_pgoff += (start - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_raend = 0;
	vma->vm_page_prot = prot;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = newflags;
	__insert_vm_struct(current->mm, left);
	__insert_vm_struct(current->mm, right);
	sim_note("mm", "vma#%u split into vma#%u, vma#%u, vma#%u", sim_id(vma),
		 sim_id(left), sim_id(vma), sim_id(right));
	*pprev = right;
	return 0;
}

static int mprotect_fixup(struct vm_area_struct *vma,
			  struct vm_area_struct **pprev, unsigned long start,
			  unsigned long end, unsigned int newflags)
{
	pgprot_t newprot;
	int error;

	TRACE_ENTER("vma#%u, %#lx-%#lx, vm_flags %#lx -> %#x", sim_id(vma),
		    start, end, vma->vm_flags, newflags);
	if (newflags == vma->vm_flags) {
		*pprev = vma;
		return TRACE_RET(0);
	}
	newprot = protection_map[newflags & 0xf];
	if (start == vma->vm_start) {
		if (end == vma->vm_end)
			error = mprotect_fixup_all(vma, pprev, newflags,
						   newprot);
		else
			error = mprotect_fixup_start(vma, pprev, end,
						     newflags, newprot);
	} else if (end == vma->vm_end) {
		error = mprotect_fixup_end(vma, pprev, start, newflags,
					   newprot);
	} else {
		error = mprotect_fixup_middle(vma, pprev, start, end,
					      newflags, newprot);
	}
	if (error)
		return TRACE_RET(error);
	change_protection(start, end, newprot);
	return TRACE_RET(0);
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	unsigned long nstart, end, tmp;
	struct vm_area_struct *vma, *next = NULL, *prev;
	int error = -EINVAL;

	TRACE_ENTER("%#lx, %#zx, %#lx", start, len, prot);
	if (start & ~PAGE_MASK)
		return TRACE_RET(-EINVAL);
	len = PAGE_ALIGN(len);
	end = (start + len) & SIM_ULONG_MAX;	/* sim: i386 wraps at 4 GiB */
	if (end < start)
		return TRACE_RET(-EINVAL);
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return TRACE_RET(-EINVAL);
	if (end == start)
		return TRACE_RET(0);

	vma = find_vma_prev(current->mm, start, &prev);
	error = -EFAULT;
	if (!vma || vma->vm_start > start)
		goto out;

	for (nstart = start; ; ) {
		unsigned int newflags;
		int last = 0;

		/* here vma->vm_start <= nstart < vma->vm_end */
		newflags = prot | (vma->vm_flags &
				   ~(PROT_READ | PROT_WRITE | PROT_EXEC));
		/* every VM_READ/WRITE/EXEC/SHARED bit needs its VM_MAY* bit */
		if ((newflags & ~(newflags >> 4)) & 0xf) {
			error = -EACCES;
			goto out;
		}
		if (vma->vm_end > end) {
			error = mprotect_fixup(vma, &prev, nstart, end,
					       newflags);
			goto out;
		}
		if (vma->vm_end == end)
			last = 1;

		tmp = vma->vm_end;
		next = vma->vm_next;
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			goto out;
		if (last)
			break;
		nstart = tmp;
		vma = next;
		if (!vma || vma->vm_start != nstart) {
			error = -EFAULT;
			goto out;
		}
	}
	if (next && prev->vm_end == next->vm_start &&
	    can_vma_merge(next, prev->vm_flags) && !prev->vm_file &&
	    !(prev->vm_flags & VM_SHARED)) {
		prev->vm_end = next->vm_end;
		__vma_unlink(prev->vm_mm, next, prev);
		sim_note("mm", "vma#%u merged into vma#%u", sim_id(next),
			 sim_id(prev));
		kmem_cache_free(vm_area_cachep, next);
		prev->vm_mm->map_count--;
	}
out:
	return TRACE_RET(error);
}
