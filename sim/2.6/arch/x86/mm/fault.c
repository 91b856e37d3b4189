// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/arch/x86/mm/fault.c - the page fault handler.
 * Models arch/x86/mm/fault.c (2.6.32, i386), in its order:
 *   force_sig_info_fault, __bad_area_nosemaphore, __bad_area, bad_area,
 *   bad_area_access_error, do_sigbus, mm_fault_error, access_error,
 *   do_page_fault.
 * Left out: kernel-mode faults (vmalloc sync, exception fixups, oops),
 *   spurious faults, kmemcheck/mmiotrace, stack growth (no VM_GROWSDOWN
 *   vma exists in the model), vm86, perf events. sim: no mmap_sem.
 *   The OOM path: 2.6.32's pagefault_out_of_memory runs the OOM killer,
 *   which would choose a victim; the model has no OOM killer, so the
 *   faulting task gets SIGKILL (as the 2.4 model does).
 * Called by sim/mmu.c for a user access whose pte does not allow it,
 *   with error_code PF_USER | PF_WRITE? | PF_PROT?.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

static void force_sig_info_fault(int si_signo, int si_code,
				 unsigned long address,
				 struct task_struct *tsk)
{
	/* the siginfo: si_signo, si_errno 0, si_code, si_addr */
	force_sig_info(si_signo, si_code, address, tsk);
}

static void __bad_area_nosemaphore(unsigned long error_code,
				   unsigned long address, int si_code)
{
	struct task_struct *tsk = current;

	/* user mode accesses just cause a SIGSEGV */
	BUG_ON(!(error_code & PF_USER));	/* sim: no kernel faults */
	sim_note("mm", "SIGSEGV at %#lx (%s)", address,
		 si_code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
	/* tsk->thread.cr2/error_code/trap_no: sim: not kept */
	force_sig_info_fault(SIGSEGV, si_code, address, tsk);
}

static void __bad_area(unsigned long error_code, unsigned long address,
		       int si_code)
{
	/* sim: up_read(mmap_sem) */
	__bad_area_nosemaphore(error_code, address, si_code);
}

static void bad_area(unsigned long error_code, unsigned long address)
{
	TRACE_ENTER("%#lx", address);
	__bad_area(error_code, address, SEGV_MAPERR);
	TRACE_EXIT();
}

static void bad_area_access_error(unsigned long error_code,
				  unsigned long address)
{
	TRACE_ENTER("%#lx", address);
	__bad_area(error_code, address, SEGV_ACCERR);
	TRACE_EXIT();
}

static void do_sigbus(unsigned long error_code, unsigned long address,
		      unsigned int fault)
{
	struct task_struct *tsk = current;

	TRACE_ENTER("%#lx", address);
	(void)error_code;
	(void)fault;	/* sim: no hwpoison */
	sim_note("mm", "SIGBUS at %#lx (BUS_ADRERR)", address);
	force_sig_info_fault(SIGBUS, BUS_ADRERR, address, tsk);
	TRACE_EXIT();
}

static void mm_fault_error(unsigned long error_code, unsigned long address,
			   unsigned int fault)
{
	if (fault & VM_FAULT_OOM) {
		/* out_of_memory -> pagefault_out_of_memory (sim: see top) */
		sim_note("mm", "out of memory: task %d killed", current->pid);
		force_sig_info(SIGKILL, 0, address, current);
	} else {
		BUG_ON(!(fault & (VM_FAULT_SIGBUS | VM_FAULT_HWPOISON)));
		do_sigbus(error_code, address, fault);
	}
}

/* Does the vma allow this access? 1: no. */
static int access_error(unsigned long error_code, int write,
			struct vm_area_struct *vma)
{
	if (write) {
		/* write, present and write, not present */
		if (!(vma->vm_flags & VM_WRITE))
			return 1;
		return 0;
	}
	/* read, present: a PROT_NONE pte */
	if (error_code & PF_PROT)
		return 1;
	/* read, not present */
	if (!(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE)))
		return 1;
	return 0;
}

/*
 * A user access at address faulted (sim: address in place of cr2 and
 * regs). Maps the page, or sends SIGSEGV/SIGBUS/SIGKILL to current;
 * counts the fault in current's min_flt or maj_flt.
 */
void do_page_fault(unsigned long address, unsigned long error_code)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	struct vm_area_struct *vma;
	unsigned int fault;
	int write;

	TRACE_ENTER("%#lx, %#lx", address, error_code);
	/* sim: user addresses only; no kernel-space faults */
	if (!mm) {
		__bad_area_nosemaphore(error_code, address, SEGV_MAPERR);
		TRACE_EXIT();
		return;
	}
	vma = find_vma(mm, address);
	if (!vma) {
		bad_area(error_code, address);
		TRACE_EXIT();
		return;
	}
	if (vma->vm_start <= address)
		goto good_area;
	if (!(vma->vm_flags & VM_GROWSDOWN)) {
		bad_area(error_code, address);
		TRACE_EXIT();
		return;
	}
	/* sim: no stack vma grows; expand_stack is not modelled */
	bad_area(error_code, address);
	TRACE_EXIT();
	return;

good_area:
	write = (int)(error_code & PF_WRITE);
	if (access_error(error_code, write, vma)) {
		bad_area_access_error(error_code, address);
		TRACE_EXIT();
		return;
	}
	/*
	 * An error from the handler ends the fault here (a signal, or the
	 * OOM path), so the access is not simply retried forever.
	 */
	fault = (unsigned int)handle_mm_fault(mm, vma, address,
					      write ? FAULT_FLAG_WRITE : 0);
	if (fault & VM_FAULT_ERROR) {
		mm_fault_error(error_code, address, fault);
		TRACE_EXIT();
		return;
	}
	if (fault & VM_FAULT_MAJOR)
		tsk->maj_flt++;
	else
		tsk->min_flt++;
	sim_note("mm", "%s fault: min_flt %lu maj_flt %lu",
		 fault & VM_FAULT_MAJOR ? "major" : "minor", tsk->min_flt,
		 tsk->maj_flt);
	TRACE_EXIT();
}
