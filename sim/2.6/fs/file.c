// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/file.c - the fd table.
 * Models fs/file.c (2.6.32), in its order: count_open_files, dup_fd,
 *   init_files, alloc_fd, get_unused_fd. Sim only, last: sim_fd_check.
 * Left out: alloc_fdtable/free_fdtable and expand_files' growth (a table
 *   stays at its embedded NR_OPEN_DEFAULT slots: sim: -EMFILE past them),
 *   RCU, file_lock (one thread), sysctl_nr_open.
 * Called by: copy_process's copy_files (dup_fd), do_sys_open
 *   (get_unused_fd_flags), the checks (sim_fd_check).
 */
#include <stdio.h>
#include <string.h>

#include "linux/fs.h"
#include "linux/file.h"
#include "linux/fcntl.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"

#ifndef O_CLOEXEC
#define O_CLOEXEC	02000000	/* i386 (sim: not in linux/fcntl.h) */
#endif

/* the bits of an fd set a table uses (sim: 32 of a host long) */
static int fd_isset(unsigned long *set, unsigned int fd)
{
	return (set[fd / (8 * sizeof(long))] >> (fd % (8 * sizeof(long))))
	       & 1;
}

static void fd_set_bit(unsigned long *set, unsigned int fd)
{
	set[fd / (8 * sizeof(long))] |= 1UL << (fd % (8 * sizeof(long)));
}

static void fd_clr_bit(unsigned long *set, unsigned int fd)
{
	set[fd / (8 * sizeof(long))] &= ~(1UL << (fd % (8 * sizeof(long))));
}

/* one past the highest open fd, rounded up to a word of fds (32) */
static int count_open_files(struct fdtable *fdt)
{
	int size = (int)fdt->max_fds;
	int i;

	for (i = size - 1; i >= 0; i--)
		if (fd_isset(fdt->open_fds, (unsigned int)i))
			break;
	i++;
	return (i + NR_OPEN_DEFAULT - 1) / NR_OPEN_DEFAULT * NR_OPEN_DEFAULT;
}

/*
 * fork: a copy of oldf's table. Every file in it gets one more
 * reference (get_file); a claimed fd with no file yet is left free.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf;
	struct file **old_fds, **new_fds;
	struct fdtable *old_fdt, *new_fdt;
	int open_files, i;

	if (oldf == &init_files)	/* sim: a static one has no number */
		TRACE_ENTER("%s", "init_files");
	else
		TRACE_ENTER("files_struct#%u", sim_id(oldf));
	*errorp = -ENOMEM;
	newf = kmem_cache_alloc(files_cachep, GFP_KERNEL);
	if (!newf)
		return SIM_TRACE_RET_TYPED(struct files_struct, NULL,
					   "files_struct");

	newf->count = 1;
	newf->next_fd = 0;
	new_fdt = &newf->fdtab;
	new_fdt->max_fds = NR_OPEN_DEFAULT;
	new_fdt->close_on_exec = &newf->close_on_exec_init;
	new_fdt->open_fds = &newf->open_fds_init;
	new_fdt->fd = &newf->fd_array[0];
	new_fdt->next = NULL;

	old_fdt = files_fdtable(oldf);
	open_files = count_open_files(old_fdt);
	/* sim: open_files never exceeds NR_OPEN_DEFAULT: no alloc_fdtable */

	old_fds = old_fdt->fd;
	new_fds = new_fdt->fd;
	*new_fdt->open_fds = *old_fdt->open_fds;
	*new_fdt->close_on_exec = *old_fdt->close_on_exec;

	for (i = open_files; i != 0; i--) {
		struct file *f = *old_fds++;

		if (f) {
			get_file(f);
			sim_note("file", "file#%u: f_count %ld -> %ld (fd %d "
				 "copied)", sim_id(f), f->f_count - 1,
				 f->f_count, open_files - i);
		} else {
			fd_clr_bit(new_fdt->open_fds,
				   (unsigned int)(open_files - i));
		}
		*new_fds++ = f;
	}
	memset(new_fds, 0, (new_fdt->max_fds - (unsigned int)open_files) *
	       sizeof(struct file *));
	newf->fdt = new_fdt;
	*errorp = 0;
	return SIM_TRACE_RET_TYPED(struct files_struct, newf, "files_struct");
}

struct files_struct init_files = {
	.count		= 1,
	.fdt		= &init_files.fdtab,
	.fdtab		= {
		.max_fds	= NR_OPEN_DEFAULT,
		.fd		= &init_files.fd_array[0],
		.close_on_exec	= &init_files.close_on_exec_init,
		.open_fds	= &init_files.open_fds_init,
	},
};

/*
 * The lowest free fd at or above start (and next_fd), marked open, its
 * slot still empty for fd_install. -EMFILE when the table is full.
 */
int alloc_fd(unsigned start, unsigned flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;
	int error;
	struct fdtable *fdt;

	TRACE_ENTER("start %u, next_fd %d", start, files->next_fd);
	fdt = files_fdtable(files);
	fd = start;
	if (fd < (unsigned int)files->next_fd)
		fd = (unsigned int)files->next_fd;

	while (fd < fdt->max_fds && fd_isset(fdt->open_fds, fd))
		fd++;			/* find_next_zero_bit */

	/* expand_files: (simplified: the first table is the only one) */
	error = fd < fdt->max_fds ? 0 : -EMFILE;
	if (error < 0)
		return TRACE_RET(error);

	if (start <= (unsigned int)files->next_fd)
		files->next_fd = (int)fd + 1;

	fd_set_bit(fdt->open_fds, fd);
	if (flags & O_CLOEXEC)
		fd_set_bit(fdt->close_on_exec, fd);
	else
		fd_clr_bit(fdt->close_on_exec, fd);
	error = (int)fd;
	if (fdt->fd[fd] != NULL) {
		sim_note("file", "alloc_fd: slot %u not NULL!", fd);
		fdt->fd[fd] = NULL;
	}
	return TRACE_RET(error);
}

int get_unused_fd(void)
{
	return alloc_fd(0, 0);
}

/*
 * sim: for the checks (docs/invariants.md, "Linux 2.6.32", item 66,
 * fd-table): in every task's table an fd holding a file is in open_fds,
 * no fd below next_fd is free (alloc_fd starts its search there), and
 * every file a slot holds is alive with f_count covering all the slots
 * of all tables that hold it (each slot is one reference: fd_install's,
 * or dup_fd's get_file).
 */
static int check_table(struct files_struct *files, pid_t pid, char *why,
		       size_t len)
{
	struct fdtable *fdt = files_fdtable(files);
	unsigned int fd;

	for (fd = 0; fd < fdt->max_fds; fd++) {
		struct file *f = fdt->fd[fd];

		if (f && !fd_isset(fdt->open_fds, fd)) {
			snprintf(why, len, "fd-table: pid %d fd %u holds "
				 "file#%u but is not in open_fds", pid, fd,
				 sim_id(f));
			return 66;
		}
		if (!fd_isset(fdt->open_fds, fd) &&
		    fd < (unsigned int)files->next_fd) {
			snprintf(why, len, "fd-table: pid %d fd %u is free "
				 "below next_fd %d", pid, fd, files->next_fd);
			return 66;
		}
	}
	return 0;
}

/* is t the first task on the list with this table (CLONE_FILES)? */
static int first_holder(struct task_struct *t)
{
	struct list_head *pos;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *o = list_entry(pos, struct task_struct,
						   tasks);

		if (o == t)
			return 1;
		if (o->files == t->files)
			return 0;
	}
	return 1;
}

/* the slots of all tables that hold f, each table counted once */
static long count_slots(struct file *f)
{
	struct list_head *pos;
	long n = 0;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *t = list_entry(pos, struct task_struct,
						   tasks);
		struct fdtable *fdt;
		unsigned int fd;

		if (!t->files || !first_holder(t))
			continue;
		fdt = files_fdtable(t->files);
		for (fd = 0; fd < fdt->max_fds; fd++)
			n += fdt->fd[fd] == f;
	}
	return n;
}

int sim_fd_check(char *why, size_t len)
{
	struct list_head *pos;
	int ret;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *t = list_entry(pos, struct task_struct,
						   tasks);
		struct fdtable *fdt;
		unsigned int fd;

		if (!t->files)
			continue;
		ret = check_table(t->files, t->pid, why, len);
		if (ret)
			return ret;
		fdt = files_fdtable(t->files);
		for (fd = 0; fd < fdt->max_fds; fd++) {
			struct file *f = fdt->fd[fd];
			long slots;

			if (!f)
				continue;
			slots = count_slots(f);
			if (f->f_count < slots) {
				snprintf(why, len, "fd-table: file#%u f_count "
					 "%ld, held by %ld fd slots", sim_id(f),
					 f->f_count, slots);
				return 66;
			}
		}
	}
	return 0;
}
