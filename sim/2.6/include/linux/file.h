/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/file.h - file descriptors: a task's fd table.
 * Models include/linux/file.h and include/linux/fdtable.h (2.6.32):
 *   struct fdtable, struct files_struct with its embedded first table of
 *   NR_OPEN_DEFAULT descriptors, fcheck_files, get_unused_fd, and the fd
 *   functions of sim/2.6/fs/file.c, fs/open.c and fs/file_table.c.
 * Left out: RCU (fdtables are freed at once), expand_files: a table
 *   never grows past its first NR_OPEN_DEFAULT slots (sim: -EMFILE
 *   there, where 2.6.32 would allocate a bigger fdtable up to
 *   RLIMIT_NOFILE); close-on-exec has its bitmap but no exec.
 *
 * A descriptor's life: get_unused_fd (alloc_fd: the lowest free bit of
 * open_fds, next_fd moves past it) -> fd_install (fd_array[fd] = the
 * file, whose reference the table now holds) -> fget (+1 for a system
 * call's use) / fput -> sys_close (slot cleared, the bit freed, then
 * filp_close drops the table's reference).
 */
#ifndef _SIM26_LINUX_FILE_H
#define _SIM26_LINUX_FILE_H

#include "linux/kernel.h"

struct file;
struct task_struct;

#define NR_OPEN_DEFAULT	32	/* BITS_PER_LONG on i386 */

struct fdtable {
	unsigned int max_fds;
	struct file **fd;		/* current fd array */
	unsigned long *close_on_exec;
	unsigned long *open_fds;
	struct fdtable *next;
};

struct files_struct {
	int count;			/* atomic_t: CLONE_FILES sharers */
	struct fdtable *fdt;		/* &fdtab: never expanded here */
	struct fdtable fdtab;
	int next_fd;			/* no free fd below it */
	unsigned long close_on_exec_init;
	unsigned long open_fds_init;
	struct file *fd_array[NR_OPEN_DEFAULT];
};

extern struct files_struct init_files;
struct kmem_cache_s;
extern struct kmem_cache_s *files_cachep;	/* kernel/fork.c */

static inline struct fdtable *files_fdtable(struct files_struct *files)
{
	return files->fdt;
}

static inline struct file *fcheck_files(struct files_struct *files,
					unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

/* sim/2.6/fs/file.c (fs/file.c) */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
int alloc_fd(unsigned start, unsigned flags);
int get_unused_fd(void);
int sim_fd_check(char *why, size_t len);	/* sim: the checks */

#define get_unused_fd_flags(flags)	alloc_fd(0, (flags))

/* sim/2.6/fs/open.c (fs/open.c) */
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int filp_close(struct file *filp, void *id);

/* sim/2.6/fs/file_table.c */
struct file *fget(unsigned int fd);

/* sim/2.6/kernel/exit.c and kernel/fork.c */
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);

#endif /* _SIM26_LINUX_FILE_H */
