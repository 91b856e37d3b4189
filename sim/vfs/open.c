// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/open.c - opening and closing files.
 * Models fs/open.c (2.4.16), in its order: filp_open, dentry_open,
 *   get_unused_fd, sys_open, filp_close, sys_close.
 * Left out: statfs, truncate, utime, access, chdir, chroot, chmod, chown,
 *   creat, vhangup, generic_file_open; in dentry_open get_write_access
 *   (nothing here opens a file for writing: `ls` opens directories
 *   O_RDONLY) and O_DIRECT's kiobuf; in get_unused_fd expand_fdset and
 *   expand_fd_array (sim: the table stays at NR_OPEN_DEFAULT, 32 fds, so
 *   the 33rd open gives -EMFILE where 2.4.16 grows it to RLIMIT_NOFILE);
 *   filp_close's flush, dnotify and POSIX locks.
 * Called by: the `ls` call (sys_open, sys_close), close_files at exit
 *   (filp_close).
 *
 * `ls /mnt/shm` opens like this:
 *   sys_open: getname, get_unused_fd (the lowest free fd from next_fd)
 *     filp_open -> open_namei: the walk, nd held (dget, mntget)
 *       dentry_open: get_empty_filp, the walk's references move into the
 *         file (f_dentry, f_vfsmnt), file_move to the sb's s_files,
 *         f_op = the inode's i_fop
 *     fd_install: the fd table takes the file's one reference
 *   ... sys_getdents64 ... sys_close: the slot is cleared, filp_close ->
 *   fput -> dput, mntput.
 */
#include "linux/kernel.h"
#include "linux/fcntl.h"
#include "linux/file.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * The file for filename opened with open(2)'s flags (O_ACCMODE 0, 1, 2
 * become open_namei's 1, 2, 3: the access needed), or ERR_PTR.
 */
struct file *filp_open(const char *filename, int flags, int mode)
{
	int namei_flags, error;
	struct nameidata nd;
	struct file *f;

	TRACE_ENTER("\"%s\", %#o", filename, flags);
	namei_flags = flags;
	if ((namei_flags + 1) & O_ACCMODE)
		namei_flags++;
	if (namei_flags & O_TRUNC)
		namei_flags |= 2;

	error = open_namei(filename, namei_flags, mode, &nd);
	f = ERR_PTR(error);
	if (!error)
		f = dentry_open(nd.dentry, nd.mnt, flags);
	return TRACE_RET_FILE(f);
}

/*
 * A file on (dentry, mnt), whose references (the caller's) it takes over;
 * on failure they are dropped. -ENFILE when no file is free.
 */
struct file *dentry_open(struct dentry *dentry, struct vfsmount *mnt,
			 int flags)
{
	struct file *f;
	struct inode *inode;
	int error;

	TRACE_ENTER("dentry#%u, vfsmount#%u, %#o", sim_id(dentry),
		    sim_id(mnt), flags);
	error = -ENFILE;
	f = get_empty_filp();
	if (!f)
		goto cleanup_dentry;
	f->f_flags = flags;
	f->f_mode = (flags + 1) & O_ACCMODE;
	inode = dentry->d_inode;
	/* sim: get_write_access left out: no open here writes */

	f->f_dentry = dentry;
	f->f_vfsmnt = mnt;
	f->f_pos = 0;
	f->f_op = inode->i_fop;		/* fops_get: no modules */
	file_move(f, &inode->i_sb->s_files);
	sim_note("file", "file#%u -> dentry#%u, vfsmount#%u, on "
		 "super_block#%u's s_files", sim_id(f), sim_id(dentry),
		 sim_id(mnt), sim_id(inode->i_sb));
	/* sim: no O_DIRECT kiobuf */

	if (f->f_op && f->f_op->open) {
		error = f->f_op->open(inode, f);
		if (error)
			goto cleanup_all;
	}
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return TRACE_RET_FILE(f);

cleanup_all:
	file_move(f, &anon_list);	/* out of the way (kill_list) */
	f->f_dentry = NULL;
	f->f_vfsmnt = NULL;
	put_filp(f);
cleanup_dentry:
	dput(dentry);
	mntput(mnt);
	f = ERR_PTR(error);
	return TRACE_RET_FILE(f);
}

/* The lowest free fd of current, marked in use, or -EMFILE. */
int get_unused_fd(void)
{
	struct files_struct *files = current->files;
	int fd, error;

	TRACE_ENTER("%s", "");
	error = -EMFILE;
	/* find_next_zero_bit(open_fds, max_fdset, next_fd) */
	for (fd = files->next_fd; fd < files->max_fdset; fd++)
		if (!FD_ISSET(fd, files->open_fds))
			break;

	/* sim: RLIMIT_NOFILE is the default INR_OPEN (no setrlimit) */
	if (fd >= INR_OPEN)
		goto out;
	/* sim: expand_fdset/expand_fd_array left out: never larger */
	if (fd >= files->max_fdset || fd >= files->max_fds)
		goto out;

	FD_SET(fd, files->open_fds);
	FD_CLR(fd, files->close_on_exec);
	files->next_fd = fd + 1;
	/* Sanity check */
	if (files->fd[fd] != NULL) {
		/* 2.4.16 printk()s this */
		sim_trace_comment("get_unused_fd: slot %d not NULL!", fd);
		files->fd[fd] = NULL;
	}
	error = fd;
out:
	return TRACE_RET_INT(error);
}

/* open(2): an fd, or -errno (the walk's, -EMFILE, -ENFILE, ...). */
long sys_open(const char *filename, int flags, int mode)
{
	char *tmp;
	int fd, error;

	TRACE_ENTER("\"%s\", %#o, %#o", filename ? filename : "(null)",
		    flags, mode);
	/* sim: BITS_PER_LONG is 32 on i386: no forced O_LARGEFILE */
	tmp = getname(filename);
	fd = PTR_ERR(tmp);
	if (!IS_ERR(tmp)) {
		fd = get_unused_fd();
		if (fd >= 0) {
			struct file *f = filp_open(tmp, flags, mode);

			error = PTR_ERR(f);
			if (IS_ERR(f))
				goto out_error;
			fd_install(fd, f);
		}
out:
		putname(tmp);
	}
	return TRACE_RET_INT(fd);

out_error:
	put_unused_fd(fd);
	fd = error;
	goto out;
}

/*
 * Drop a descriptor's reference to filp. sim: no f_op->flush, dnotify or
 * POSIX locks (id, the owner, is unused).
 */
int filp_close(struct file *filp, void *id)
{
	int retval;

	(void)id;
	TRACE_ENTER("file#%u", sim_id(filp));
	if (!filp->f_count) {
		/* 2.4.16 printk()s this */
		sim_trace_comment("VFS: Close: file count is 0");
		return TRACE_RET(0);
	}
	retval = 0;
	fput(filp);
	return TRACE_RET(retval);
}

/* close(2): 0, or -EBADF for an fd that is not open. */
long sys_close(unsigned int fd)
{
	struct file *filp;
	struct files_struct *files = current->files;

	TRACE_ENTER("%u", fd);
	if (fd >= (unsigned int)files->max_fds)
		goto out_unlock;
	filp = files->fd[fd];
	if (!filp)
		goto out_unlock;
	files->fd[fd] = NULL;
	FD_CLR(fd, files->close_on_exec);
	__put_unused_fd(files, fd);
	sim_note("file", "fd %u of pid %d closed", fd, current->pid);
	return TRACE_RET(filp_close(filp, files));

out_unlock:
	return TRACE_RET(-EBADF);
}
