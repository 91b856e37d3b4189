// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/signal.c - delivering a fault's signal.
 * Models force_sig_info of kernel/signal.c (2.4.16) for the fault signals
 *   only: SIGSEGV, SIGBUS and the OOM killer's SIGKILL, all fatal here
 *   since no simulated program installs handlers. One function of that
 *   file. sim_signal_name, which both kernels use, is sim/lib/errno.c's.
 * The signal is recorded in the task; the runner sees it when the faulting
 * access returns and runs do_exit, as the task would die on its way back to
 * user mode.
 */
#include "linux/kernel.h"
#include "linux/sched.h"
#include "sim/trace.h"

void force_sig_info(int sig, int code, unsigned long addr,
		    struct task_struct *t)
{
	TRACE_ENTER("%s, si_code %d, %#lx, pid %d", sim_signal_name(sig), code,
		    addr, t->pid);
	if (!t->sim_sig) {
		t->sim_sig = sig;
		t->sim_sig_code = code;
		t->sim_sig_addr = addr;
	}
	TRACE_EXIT();
}
