// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/exit.c - a task's end.
 * Models kernel/exit.c (2.6.32), in its order: exit_mm, do_exit.
 * Left out: everything of do_exit but the address space and the state
 *   (files, fs, signals, the parent's notification): the runner reaps.
 * Called by the runner for `exit`, after a fatal signal, and at the end.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* drop the task's use of its mm; the last user's mmput runs exit_mmap */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	TRACE_ENTER("pid %d", tsk->pid);
	if (!mm) {
		TRACE_EXIT();
		return;
	}
	tsk->mm = NULL;
	tsk->active_mm = NULL;	/* sim: no lazy TLB borrowing */
	mmput(mm);
	TRACE_EXIT();
}

void do_exit(long code)
{
	struct task_struct *tsk = current;

	TRACE_ENTER("%ld", code);
	exit_mm(tsk);
	tsk->exit_code = code;
	tsk->exit_state = EXIT_ZOMBIE;
	TRACE_EXIT();
}
