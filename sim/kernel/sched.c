// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/sched.c - the task list and `current`.
 * Models what kernel/sched.c and include/linux/sched.h keep for us:
 *   init_task (pid 1 here, the parent of every scenario task) with its
 *   init_fs and init_files (arch/i386/kernel/init_task.c's INIT_FS and
 *   INIT_FILES), the task list and `current`. There is no scheduler:
 *   the scenario runner sets current to the task whose call it makes. No
 *   function of 2.4.16's kernel/sched.c is modelled, so there is no order
 *   to follow: the functions here (sim_task_create, sim_find_task_by_pid,
 *   sim_init_task_exit, sim_task_free) are sim only.
 * sim_task_create is how a scenario's `task NAME` line makes a process: as
 * if init had forked and the child exec'd a program that maps nothing yet:
 * it gets init's root and cwd (copy_fs) and a copy of init's fd table
 * (copy_files, empty), as do_fork would give them.
 * Pids are handed out from 100 in creation order, so output is the same on
 * every run.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>

#include "linux/kernel.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* INIT_FS: umask 022, no root until mount_root sets one */
struct fs_struct init_fs = {
	.count = 1,
	.umask = 0022,
};

/* INIT_FILES: no fd open */
struct files_struct init_files = {
	.count = 1,
	.max_fds = NR_OPEN_DEFAULT,
	.max_fdset = __FD_SETSIZE,
	.next_fd = 0,
	.fd = &init_files.fd_array[0],
	.close_on_exec = &init_files.close_on_exec_init,
	.open_fds = &init_files.open_fds_init,
};

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.pid = 1,
	.comm = "init",
	.fs = &init_fs,
	.files = &init_files,
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
	struct task_struct *saved = current;

	if (!tsk)
		return NULL;
	tsk->pid = sim_last_pid + 1;
	current = &init_task;	/* what init's fork would copy */
	if (init_task.fs && init_task.fs->root && copy_fs(0, tsk))
		goto fail;
	if (copy_files(0, tsk))
		goto fail_fs;
	current = saved;
	tsk->mm = mm_alloc();
	if (!tsk->mm) {
		exit_files(tsk);
		exit_fs(tsk);
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

fail_fs:
	exit_fs(tsk);
fail:
	current = saved;
	free(tsk);
	return NULL;
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

/*
 * sim: shutdown. init gives back its fd table and its root and cwd (it
 * never exits in 2.4.16), and gets fresh INIT_FS and INIT_FILES for the
 * next boot.
 */
void sim_init_task_exit(void)
{
	struct task_struct *saved = current;

	current = &init_task;
	exit_files(&init_task);
	exit_fs(&init_task);
	init_fs.count = 1;
	init_fs.root = init_fs.pwd = NULL;
	init_fs.rootmnt = init_fs.pwdmnt = NULL;
	init_files.count = 1;
	init_files.next_fd = 0;
	memset(&init_files.open_fds_init, 0, sizeof(init_files.open_fds_init));
	memset(&init_files.close_on_exec_init, 0,
	       sizeof(init_files.close_on_exec_init));
	init_task.fs = &init_fs;
	init_task.files = &init_files;
	current = saved;
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
