// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/exit.c - a task's death.
 * Models kernel/exit.c (2.4.16), in its order: close_files,
 *   put_files_struct, __exit_files, exit_files, __put_fs_struct,
 *   __exit_fs, exit_fs, __exit_mm and do_exit, for the address space, the
 *   fd table and the root and cwd: the mm is put, and with its last user
 *   gone exit_mmap closes every vma (shm_close for attaches) and frees the
 *   page tables; every open fd is filp_close()d; the root and the cwd are
 *   given back (dput, mntput).
 * Left out: signals to the parent, reparenting, semaphores (sem_exit); the
 *   zombie is reaped at once by the runner (sim_task_free).
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* filp_close every open descriptor of files. */
static inline void close_files(struct files_struct *files)
{
	int i, j;

	j = 0;
	for (;;) {
		uint32_t set;

		i = j * __NFDBITS;
		if (i >= files->max_fdset || i >= files->max_fds)
			break;
		set = files->open_fds->fds_bits[j++];
		while (set) {
			if (set & 1) {
				struct file *file = files->fd[i];

				files->fd[i] = NULL;	/* xchg */
				if (file)
					filp_close(file, files);
			}
			i++;
			set >>= 1;
		}
	}
}

/* The last user of files closes them all and frees the table. */
void put_files_struct(struct files_struct *files)
{
	TRACE_ENTER("count %d", files->count);
	if (--files->count == 0) {
		close_files(files);
		/* sim: never expanded, so no fd array or fdsets to free */
		if (files != &init_files)	/* sim: init's is static */
			kmem_cache_free(files_cachep, files);
	}
	TRACE_EXIT();
}

static inline void __exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

void exit_files(struct task_struct *tsk)
{
	__exit_files(tsk);
}

/* The last user of fs gives back the root and the cwd. */
static inline void __put_fs_struct(struct fs_struct *fs)
{
	TRACE_ENTER("count %d", fs->count);
	if (--fs->count == 0) {
		dput(fs->root);
		mntput(fs->rootmnt);
		dput(fs->pwd);
		mntput(fs->pwdmnt);
		/* sim: no altroot */
		if (fs != &init_fs)	/* sim: init's is static */
			kmem_cache_free(fs_cachep, fs);
	}
	TRACE_EXIT();
}

static inline void __exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		__put_fs_struct(fs);
	}
}

void exit_fs(struct task_struct *tsk)
{
	__exit_fs(tsk);
}

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
	/* sim: sem_exit() omitted: no System V semaphores */
	__exit_files(tsk);
	__exit_fs(tsk);
	tsk->exit_code = code;
	tsk->state = TASK_ZOMBIE;
	TRACE_EXIT();
}
