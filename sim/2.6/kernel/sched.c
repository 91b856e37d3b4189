// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/sched.c - the task that runs, and the model's tasks.
 * Models what kernel/sched.c and arch/x86/kernel/init_task.c (2.6.32)
 *   provide the shm path: init_task, and `current` (a per-CPU variable in
 *   2.6.32, one plain global here, so gdb's `p *current` works).
 * Sim only, after them: the runner's tasks. sim_task_create makes what a
 *   fork from init followed by setuid/setgid and an exec would leave: own
 *   credentials, a copy of init's fd table (empty) and fs_struct (root
 *   and cwd at "/"), an empty mm with the exec-time layout
 *   (arch_pick_mmap_layout: top-down from mmap_base), pid from 100.
 * Left out: scheduling; the runner points current at the task whose call
 *   it makes.
 */
#include <bsd/string.h>
#include <stdlib.h>

#include "linux/file.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"

LIST_HEAD(sim_tasks);
pid_t sim_last_pid = 99;

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.pid = 0,
	.tgid = 0,
	.real_parent = &init_task,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.real_cred = &init_cred,
	.cred = &init_cred,
	.comm = "swapper",
	.fs = &init_fs,
	.files = &init_files,
};

struct task_struct *current = &init_task;

/* A new task with an empty address space; NULL when out of memory. */
struct task_struct *sim_task_create(const char *name, uid_t uid, gid_t gid)
{
	struct task_struct *tsk = calloc(1, sizeof(*tsk));
	struct cred *cred;
	int err;

	if (!tsk)
		return NULL;
	cred = prepare_creds();
	if (!cred) {
		free(tsk);
		return NULL;
	}
	cred->uid = cred->euid = cred->suid = cred->fsuid = uid;
	cred->gid = cred->egid = cred->sgid = cred->fsgid = gid;
	tsk->mm = mm_alloc();
	if (!tsk->mm) {
		put_cred(cred);
		free(tsk);
		return NULL;
	}
	/* fork's copy_files and copy_fs from init (no fd is open there) */
	tsk->files = dup_fd(&init_files, &err);
	tsk->fs = tsk->files ? copy_fs_struct(&init_fs) : NULL;
	if (!tsk->fs) {
		if (tsk->files)
			put_files_struct(tsk->files);
		mmput(tsk->mm);
		put_cred(cred);
		free(tsk);
		return NULL;
	}
	arch_pick_mmap_layout(tsk->mm);
	tsk->mm->free_area_cache = tsk->mm->mmap_base;	/* binfmt_elf */
	tsk->mm->cached_hole_size = 0;
	tsk->active_mm = tsk->mm;
	tsk->real_cred = cred;		/* one reference each, as */
	tsk->cred = get_cred(cred);	/* commit_creds leaves them */
	tsk->state = TASK_RUNNING;
	tsk->pid = tsk->tgid = ++sim_last_pid;
	tsk->real_parent = &init_task;
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
	BUG_ON(tsk->files || tsk->fs);	/* do_exit's */
	list_del(&tsk->tasks);
	if (current == tsk)
		current = &init_task;
	put_cred(tsk->cred);
	put_cred(tsk->real_cred);
	free(tsk);
}
