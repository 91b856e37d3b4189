// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/open.c - open(2) and close(2).
 * Models fs/open.c (2.6.32), in its order: __dentry_open,
 *   nameidata_to_filp, __put_unused_fd, put_unused_fd, fd_install,
 *   do_sys_open, sys_open, filp_close, sys_close.
 * Left out: the rest of the file (truncate, chmod, chown, access, chdir,
 *   chroot, statfs, dentry_open, lookup_instantiate_filp), O_DIRECT,
 *   readahead state, fsnotify, POSIX locks and dnotify in filp_close,
 *   file_lock (one thread), force_o_largefile (i386: off).
 * Called by: the runner (sys_open, sys_close for `ls`), do_filp_open
 *   (nameidata_to_filp), close_files at exit (filp_close).
 *
 * open: getname -> get_unused_fd_flags (the fd reserved) ->
 * do_filp_open (the walk; the file gets nd's path references and its
 * f_op->open runs: for a directory of ramfs or tmpfs dcache_dir_open
 * allocates its cursor) -> fd_install. close: the slot cleared and the
 * fd freed first, then filp_close -> fput -> __fput (->release:
 * dcache_dir_close) drops the path.
 */
#include "linux/fs.h"
#include "linux/file.h"
#include "linux/fcntl.h"
#include "linux/mount.h"
#include "linux/namei.h"
#include "linux/sched.h"
#include "sim/trace.h"

static int special_file(umode_t mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
	       S_ISSOCK(mode);
}

/*
 * Point f at (mnt, dentry), whose references it takes over, and run
 * ->open. On error everything is given back: the file, the dentry and
 * the mount.
 */
static struct file *__dentry_open(struct dentry *dentry,
				  struct vfsmount *mnt, int flags,
				  struct file *f,
				  int (*open)(struct inode *, struct file *))
{
	struct inode *inode;
	int error;

	TRACE_ENTER("dentry#%u, vfsmount#%u, file#%u", sim_id(dentry),
		    sim_id(mnt), sim_id(f));
	f->f_flags = (unsigned int)flags;
	f->f_mode = (fmode_t)((flags + 1) & O_ACCMODE) | FMODE_LSEEK |
		    FMODE_PREAD | FMODE_PWRITE;
	inode = dentry->d_inode;
	if (f->f_mode & FMODE_WRITE) {
		/* __get_file_write_access */
		error = mnt_want_write(mnt);
		if (error)
			goto cleanup_file;
		inode->i_writecount++;
	}

	f->f_mapping = inode->i_mapping;
	f->f_path.dentry = dentry;
	f->f_path.mnt = mnt;
	f->f_pos = 0;
	f->f_op = inode->i_fop;		/* fops_get: no modules */
	file_move(f, &inode->i_sb->s_files);

	if (!open && f->f_op)
		open = f->f_op->open;
	if (open) {
		error = open(inode, f);
		if (error)
			goto cleanup_all;
	}

	f->f_flags &= ~(unsigned int)(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	sim_note("file", "file#%u open on dentry#%u \"%s\", vfsmount#%u",
		 sim_id(f), sim_id(dentry), dentry->d_name.name, sim_id(mnt));
	return TRACE_RET_FILE(f);

cleanup_all:
	if (f->f_mode & FMODE_WRITE) {
		inode->i_writecount--;
		if (!special_file(inode->i_mode))
			mnt_drop_write(mnt);
	}
	file_kill(f);
	f->f_path.dentry = NULL;
	f->f_path.mnt = NULL;
cleanup_file:
	put_filp(f);
	dput(dentry);
	mntput(mnt);
	return TRACE_RET_FILE(ERR_PTR(error));
}

/* the intent's file, opened on nd's path (whose references it takes) */
struct file *nameidata_to_filp(struct nameidata *nd, int flags)
{
	struct file *filp;

	filp = nd->intent.open.file;
	if (filp->f_path.dentry == NULL)
		filp = __dentry_open(nd->path.dentry, nd->path.mnt, flags,
				     filp, NULL);
	else
		path_put(&nd->path);
	return filp;
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	fdt->open_fds[fd / (8 * sizeof(long))] &=
		~(1UL << (fd % (8 * sizeof(long))));	/* __FD_CLR */
	if ((int)fd < files->next_fd)
		files->next_fd = (int)fd;
}

/* give back an fd that alloc_fd reserved but nothing was installed in */
void put_unused_fd(unsigned int fd)
{
	TRACE_ENTER("%u", fd);
	__put_unused_fd(current->files, fd);
	TRACE_EXIT();
}

/* the table takes over the caller's reference on file */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;

	TRACE_ENTER("%u, file#%u", fd, sim_id(file));
	fdt = files_fdtable(files);
	BUG_ON(fdt->fd[fd] != NULL);
	fdt->fd[fd] = file;
	sim_note("file", "pid %d fd %u -> file#%u (f_count %ld)",
		 current->pid, fd, sim_id(file), file->f_count);
	TRACE_EXIT();
}

long do_sys_open(int dfd, const char *filename, int flags, int mode)
{
	char *tmp;
	int fd;

	TRACE_ENTER("AT_FDCWD, \"%s\", %#o, %#o", filename,
		    (unsigned int)flags, (unsigned int)mode);
	tmp = getname(filename);
	fd = (int)PTR_ERR(tmp);
	if (!IS_ERR(tmp)) {
		fd = get_unused_fd_flags(flags);
		if (fd >= 0) {
			struct file *f = do_filp_open(dfd, tmp, flags, mode,
						      0);
			if (IS_ERR(f)) {
				put_unused_fd((unsigned int)fd);
				fd = (int)PTR_ERR(f);
			} else {
				fd_install((unsigned int)fd, f);
			}
		}
		putname(tmp);
	}
	return TRACE_RET(fd);
}

/* 2.6.32's SYSCALL_DEFINE3(open) (i386: no forced O_LARGEFILE) */
long sys_open(const char *filename, int flags, int mode)
{
	TRACE_ENTER("\"%s\", %#o, %#o", filename, (unsigned int)flags,
		    (unsigned int)mode);
	return TRACE_RET(do_sys_open(AT_FDCWD, filename, flags, mode));
}

/* close's end, and exit's for every open fd: the table's reference */
int filp_close(struct file *filp, void *id)
{
	int retval = 0;

	TRACE_ENTER("file#%u", sim_id(filp));
	if (!file_count(filp)) {
		sim_note("file", "VFS: Close: file count is 0");
		return TRACE_RET(0);
	}
	if (filp->f_op && filp->f_op->flush)
		retval = filp->f_op->flush(filp, id);
	/* sim: no dnotify_flush, no locks_remove_posix */
	fput(filp);
	return TRACE_RET(retval);
}

/* -EBADF for an fd with no file; else the slot is freed first */
long sys_close(unsigned int fd)
{
	struct file *filp;
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	int retval;

	TRACE_ENTER("%u", fd);
	fdt = files_fdtable(files);
	if (fd >= fdt->max_fds)
		goto out_unlock;
	filp = fdt->fd[fd];
	if (!filp)
		goto out_unlock;
	fdt->fd[fd] = NULL;
	fdt->close_on_exec[fd / (8 * sizeof(long))] &=
		~(1UL << (fd % (8 * sizeof(long))));	/* FD_CLR */
	__put_unused_fd(files, fd);
	retval = filp_close(filp, files);
	return TRACE_RET(retval);

out_unlock:
	return TRACE_RET(-EBADF);
}
