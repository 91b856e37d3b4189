// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/arch/fault.c - the i386 page fault handler.
 * Models arch/i386/mm/fault.c (2.4.16): do_page_fault, with its bad_area
 *   (SIGSEGV), do_sigbus (SIGBUS) and out_of_memory (kill) exits (labels
 *   inside it, as there): one function, so in 2.4.16's order.
 * Left out: kernel-mode faults, vmalloc faults, stack growth (no
 *   VM_GROWSDOWN vmas here), the exception table.
 * Called by the simulated MMU (sim/mmu.c) when a user access finds no
 *   present pte, or a read-only one for a write.
 *
 * error_code bits as the CPU pushes them: 1 protection fault (the pte was
 * present), 2 write access, 4 user mode.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

void do_page_fault(unsigned long address, unsigned long error_code)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	struct vm_area_struct *vma;
	int write = 0, ret;

	TRACE_ENTER("%#lx, error_code %lu", address, error_code);
	vma = find_vma(mm, address);
	if (!vma)
		goto bad_area_nomap;
	if (vma->vm_start > address)
		goto bad_area_nomap;	/* no VM_GROWSDOWN stacks here */

	/* good_area: the vma must allow the access */
	switch (error_code & 3) {
	default:		/* 3: write, present */
	case 2:			/* write, not present */
		if (!(vma->vm_flags & VM_WRITE))
			goto bad_area;
		write++;
		break;
	case 1:			/* read, present: a protection fault */
		goto bad_area;
	case 0:			/* read, not present */
		if (!(vma->vm_flags & (VM_READ | VM_EXEC)))
			goto bad_area;
	}

	ret = handle_mm_fault(mm, vma, address, write);
	switch (ret) {
	case VM_FAULT_MINOR:
		tsk->min_flt++;
		break;
	case VM_FAULT_MAJOR:
		tsk->maj_flt++;
		break;
	case VM_FAULT_SIGBUS:
		goto do_sigbus;
	default:
		goto out_of_memory;
	}
	TRACE_EXIT();
	return;

bad_area_nomap:
	force_sig_info(SIGSEGV, SEGV_MAPERR, address, tsk);
	TRACE_EXIT();
	return;
bad_area:
	force_sig_info(SIGSEGV, SEGV_ACCERR, address, tsk);
	TRACE_EXIT();
	return;
do_sigbus:
	force_sig_info(SIGBUS, BUS_ADRERR, address, tsk);
	TRACE_EXIT();
	return;
out_of_memory:
	/* 2.4 prints "VM: killing process" and calls do_exit(SIGKILL);
	 * sim: the runner does the exit once the access is unwound */
	sim_note("mm", "VM: killing process %s", tsk->comm);
	force_sig_info(SIGKILL, 0, address, tsk);
	TRACE_EXIT();
}
