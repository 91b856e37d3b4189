// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/readdir.c - reading a directory: getdents64.
 * Models fs/readdir.c (2.6.32), in its order: vfs_readdir, filldir64,
 *   sys_getdents64.
 * Left out: the old readdir(2) and getdents(2) with their filldir
 *   callbacks, i_mutex, security_file_permission, file_accessed's atime
 *   (sim: no atime is shown anywhere).
 * Called by the runner for `ls` (sys_getdents64), which reads until 0.
 *
 * The file system's ->readdir (dcache_readdir for ramfs and tmpfs)
 * calls filldir64 once per entry; each writes one linux_dirent64 record
 * and sets the previous record's d_off to this entry's position. A
 * record that does not fit stops the walk (-EINVAL in buf.error, which
 * only counts when nothing fitted); the last record's d_off is f_pos.
 */
#include <stddef.h>
#include <string.h>

#include "linux/fs.h"
#include "linux/dirent.h"
#include "linux/file.h"
#include "sim/trace.h"

/* ->readdir under the directory's lock, unless it has been removed */
int vfs_readdir(struct file *file, filldir_t filler, void *buf)
{
	struct inode *inode = file->f_path.dentry->d_inode;
	int res = -ENOTDIR;

	TRACE_ENTER("file#%u, f_pos %lld", sim_id(file),
		    (long long)file->f_pos);
	if (!file->f_op || !file->f_op->readdir)
		goto out;
	/* sim: no security hook, no i_mutex */
	res = -ENOENT;
	if (!IS_DEADDIR(inode))
		res = file->f_op->readdir(file, buf, filler);
out:
	return TRACE_RET(res);
}

struct getdents_callback64 {
	struct linux_dirent64 *current_dir;
	struct linux_dirent64 *previous;
	int count;
	int error;
};

/* the name and its NUL after the fixed part, rounded up to 8 */
#define NAME_OFFSET(de)	offsetof(struct linux_dirent64, d_name)

static int filldir64(void *__buf, const char *name, int namlen,
		     loff_t offset, u64 ino, unsigned int d_type)
{
	struct linux_dirent64 *dirent;
	struct getdents_callback64 *buf = __buf;
	int reclen = (int)ALIGN(NAME_OFFSET(dirent) + (size_t)namlen + 1,
				sizeof(u64));

	TRACE_ENTER("\"%.*s\", off %lld, ino %llu", namlen, name,
		    (long long)offset, (unsigned long long)ino);
	buf->error = -EINVAL;	/* only used if we fail */
	if (reclen > buf->count)
		return TRACE_RET(-EINVAL);
	dirent = buf->previous;
	if (dirent)
		dirent->d_off = offset;		/* __put_user */
	dirent = buf->current_dir;
	dirent->d_ino = ino;
	dirent->d_off = 0;
	dirent->d_reclen = (unsigned short)reclen;
	dirent->d_type = (unsigned char)d_type;
	memcpy(dirent->d_name, name, (size_t)namlen);	/* copy_to_user */
	dirent->d_name[namlen] = 0;
	buf->previous = dirent;
	dirent = (void *)((char *)dirent + reclen);
	buf->current_dir = dirent;
	buf->count -= reclen;
	return TRACE_RET(0);
}

/*
 * Fill dirent with as many records as fit in count bytes: their bytes,
 * 0 at the end of the directory, -EBADF, -ENOTDIR, or -EINVAL when not
 * even one fits. (sim: access_ok always holds for the runner's buffer)
 */
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	struct file *file;
	struct linux_dirent64 *lastdirent;
	struct getdents_callback64 buf;
	int error;

	TRACE_ENTER("%u, %u", fd, count);
	error = -EBADF;
	file = fget(fd);
	if (!file)
		goto out;

	buf.current_dir = dirent;
	buf.previous = NULL;
	buf.count = (int)count;
	buf.error = 0;

	error = vfs_readdir(file, filldir64, &buf);
	if (error >= 0)
		error = buf.error;
	lastdirent = buf.previous;
	if (lastdirent) {
		lastdirent->d_off = file->f_pos;
		error = (int)count - buf.count;
	}
	fput(file);
out:
	return TRACE_RET(error);
}
