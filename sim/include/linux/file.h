/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/file.h - descriptors to files.
 * Models include/linux/file.h (2.4.16): fcheck, __put_unused_fd,
 * put_unused_fd and fd_install, inline there and here (so untraced; the
 * table change is noted). fget is in sim/vfs/file_table.c, get_unused_fd
 * and sys_close in sim/vfs/open.c.
 * Left out: the file_lock rwlock (one thread), fcheck_files for another
 * task's table.
 *
 * A descriptor's life: get_unused_fd sets its bit in open_fds; fd_install
 * stores the file (whose reference passes to the table); sys_close clears
 * the slot, gives the bit back (__put_unused_fd) and filp_close()s the file.
 */
#ifndef _SIM_LINUX_FILE_H
#define _SIM_LINUX_FILE_H

#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"

/* current's file at fd, or NULL; no reference taken */
static inline struct file *fcheck(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (fd < (unsigned int)files->max_fds)
		return files->fd[fd];
	return NULL;
}

static inline void __put_unused_fd(struct files_struct *files,
				   unsigned int fd)
{
	FD_CLR(fd, files->open_fds);
	if (fd < (unsigned int)files->next_fd)
		files->next_fd = fd;
}

/* an fd that get_unused_fd gave but that never got its file */
static inline void put_unused_fd(unsigned int fd)
{
	__put_unused_fd(current->files, fd);
}

/* The fd table takes over the caller's reference on file. */
static inline void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	if (files->fd[fd])
		BUG();
	files->fd[fd] = file;
	sim_note("file", "fd %u -> file#%u in pid %d's table", fd,
		 sim_id(file), current->pid);
}

#endif /* _SIM_LINUX_FILE_H */
