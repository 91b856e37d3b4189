// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/sched.c - the task list and `current`.
 * Models what kernel/sched.c and include/linux/sched.h keep for us:
 *   init_task (pid 1 here, the parent of every scenario task), the task
 *   list and `current`. There is no scheduler: the scenario runner sets
 *   current to the task whose call it makes. No function of 2.4.16's
 *   kernel/sched.c is modelled, so there is no order to follow: the
 *   functions here (sim_task_create, sim_find_task_by_pid, sim_task_free)
 *   are sim only.
 * sim_task_create is how a scenario's `task NAME` line makes a process: as
 * if init had forked and the child exec'd a program that maps nothing yet.
 * Pids are handed out from 100 in creation order, so output is the same on
 * every run.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.pid = 1,
	.comm = "init",
};
struct task_struct *current = &init_task;

/* arch/i386/kernel/init_task.c: the kernel's own mm, head of mmlist */
struct mm_struct init_mm = {
	.mm_users = 2,
	.mm_count = 1,
	.mmlist = LIST_HEAD_INIT(init_mm.mmlist),
};
int mmlist_nr;
LIST_HEAD(sim_tasks);
pid_t sim_last_pid = 99;

/* A new task with an empty address space; NULL when out of memory. */
struct task_struct *sim_task_create(const char *name, uid_t uid, gid_t gid)
{
	struct task_struct *tsk = calloc(1, sizeof(*tsk));

	if (!tsk)
		return NULL;
	tsk->mm = mm_alloc();
	if (!tsk->mm) {
		free(tsk);
		return NULL;
	}
	tsk->active_mm = tsk->mm;
	/* fs/exec.c's exec_mmap: every mm is on mmlist, for swap_out */
	list_add(&tsk->mm->mmlist, &init_mm.mmlist);
	mmlist_nr++;
	tsk->state = TASK_RUNNING;
	tsk->pid = ++sim_last_pid;
	tsk->p_pptr = &init_task;
	tsk->uid = tsk->euid = tsk->suid = tsk->fsuid = uid;
	tsk->gid = tsk->egid = tsk->sgid = tsk->fsgid = gid;
	strlcpy(tsk->comm, name, sizeof(tsk->comm));
	list_add_tail(&tsk->tasks, &sim_tasks);
	return tsk;
}

struct task_struct *sim_find_task_by_pid(pid_t pid)
{
	struct list_head *pos;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk;

		tsk = list_entry(pos, struct task_struct, tasks);
		if (tsk->pid == pid)
			return tsk;
	}
	return NULL;
}

/* release_task: the parent reaped the zombie */
void sim_task_free(struct task_struct *tsk)
{
	BUG_ON(tsk->mm);
	list_del(&tsk->tasks);
	if (current == tsk)
		current = &init_task;
	free(tsk);
}
