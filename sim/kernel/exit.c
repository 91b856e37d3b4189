// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/exit.c - a task's death.
 * Models kernel/exit.c (2.4.16), in its order: __exit_mm and do_exit, for
 *   the address space only: the mm is put, and with its last user gone
 *   exit_mmap closes every vma (shm_close for attaches) and frees the page
 *   tables.
 * Left out: files, signals to the parent, reparenting; the zombie is
 *   reaped at once by the runner (sim_task_free).
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

static void __exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (mm) {
		tsk->mm = NULL;
		tsk->active_mm = NULL;
		mmput(mm);
	}
}

/* current dies with code (a signal number when a fault killed it) */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	TRACE_ENTER("%ld", code);
	__exit_mm(tsk);
	tsk->exit_code = code;
	tsk->state = TASK_ZOMBIE;
	TRACE_EXIT();
}
