// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/exit.c - a task's end.
 * Models kernel/exit.c (2.6.32), in its order: close_files,
 *   put_files_struct, exit_files, exit_mm, do_exit.
 * Left out: everything of do_exit but the address space, the fd table,
 *   the fs_struct and the state (signals, the parent's notification,
 *   SysV semaphores): the runner reaps.
 * Called by the runner for `exit`, after a fatal signal, and at the end.
 */
#include "linux/kernel.h"
#include "linux/file.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* every open fd's file, closed in fd order */
static void close_files(struct files_struct *files)
{
	struct fdtable *fdt = files_fdtable(files);
	unsigned int i;

	TRACE_ENTER("files_struct#%u", sim_id(files));
	/* sim: the kernel walks open_fds a word at a time; same order */
	for (i = 0; i < fdt->max_fds; i++) {
		if (fdt->open_fds[i / (8 * sizeof(long))] &
		    (1UL << (i % (8 * sizeof(long))))) {
			struct file *file = fdt->fd[i];

			fdt->fd[i] = NULL;	/* xchg */
			if (file)
				filp_close(file, files);
		}
	}
	TRACE_EXIT();
}

/* the last sharer closes every file and frees the table */
void put_files_struct(struct files_struct *files)
{
	TRACE_ENTER("files_struct#%u, count %d", sim_id(files), files->count);
	if (!--files->count) {
		close_files(files);
		/* free_fdtable: the embedded table frees the struct */
		BUG_ON(files == &init_files);
		kmem_cache_free(files_cachep, files);
	}
	TRACE_EXIT();
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	TRACE_ENTER("pid %d", tsk->pid);
	if (files) {
		tsk->files = NULL;	/* sim: no task_lock */
		put_files_struct(files);
	}
	TRACE_EXIT();
}

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
	/* sim: no exit_sem */
	exit_files(tsk);
	exit_fs(tsk);
	tsk->exit_code = code;
	tsk->exit_state = EXIT_ZOMBIE;
	TRACE_EXIT();
}
