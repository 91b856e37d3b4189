// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/readdir.c - reading a directory.
 * Models fs/readdir.c (2.4.16), in its order: vfs_readdir, dcache_readdir,
 *   filldir64, sys_getdents64.
 * Left out: old_readdir and sys_getdents with their fillonedir/filldir
 *   (the 32-bit dirent formats: `ls` here reads linux_dirent64), the
 *   i_sem/i_zombie semaphores and the BKL (one thread).
 * Called by: sys_getdents64 (the `ls` call reads with it), and through
 *   f_op->readdir, dcache_readdir for rootfs, ramfs and tmpfs directories.
 *
 * What `ls` sees (2.4.16's dcache_readdir): "." and ".." at f_pos 0 and 1,
 * then from f_pos 2 it counts f_pos - 2 children from the head of
 * d_subdirs, and lists each child from there that is hashed (d_hash not
 * empty) and positive. Every child moves f_pos, listed or not. d_alloc
 * puts children at the head, so the newest comes first. A SYSV dentry
 * (never hashed, in the release) is skipped: that is why `ls` of a tmpfs
 * mount shows no segment until the hashed-shm patch rehashes it.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/dirent.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * List file's directory through its f_op->readdir: -ENOTDIR if it has
 * none (a regular file), -ENOENT once it was removed.
 */
int vfs_readdir(struct file *file, filldir_t filler, void *buf)
{
	struct inode *inode = file->f_dentry->d_inode;
	int res = -ENOTDIR;

	TRACE_ENTER("file#%u, f_pos %lld", sim_id(file), file->f_pos);
	if (!file->f_op || !file->f_op->readdir)
		goto out;
	/* sim: down(&inode->i_sem) and down(&inode->i_zombie) omitted */
	res = -ENOENT;
	if (!IS_DEADDIR(inode))
		res = file->f_op->readdir(file, buf, filler);
out:
	return TRACE_RET(res);
}

/* The readdir of a filesystem whose directories are their dcache. */
int dcache_readdir(struct file *filp, void *dirent, filldir_t filldir)
{
	int i;
	struct dentry *dentry = filp->f_dentry;
	struct list_head *list;
	int j;

	TRACE_ENTER("file#%u, f_pos %lld", sim_id(filp), filp->f_pos);
	i = filp->f_pos;
	switch (i) {
	case 0:
		if (filldir(dirent, ".", 1, i, dentry->d_inode->i_ino,
			    DT_DIR) < 0)
			break;
		i++;
		filp->f_pos++;
		/* fallthrough */
	case 1:
		if (filldir(dirent, "..", 2, i,
			    dentry->d_parent->d_inode->i_ino, DT_DIR) < 0)
			break;
		i++;
		filp->f_pos++;
		/* fallthrough */
	default:
		j = i - 2;
		list = dentry->d_subdirs.next;
		/* skip the j children listed before */
		for (;;) {
			if (list == &dentry->d_subdirs)
				return TRACE_RET(0);
			if (!j)
				break;
			j--;
			list = list->next;
		}
		for (;;) {
			struct dentry *de = list_entry(list, struct dentry,
						       d_child);

			if (!list_empty(&de->d_hash) && de->d_inode) {
				if (filldir(dirent,
					    (const char *)de->d_name.name,
					    de->d_name.len, filp->f_pos,
					    de->d_inode->i_ino,
					    DT_UNKNOWN) < 0)
					break;
			}
			filp->f_pos++;
			list = list->next;
			if (list != &dentry->d_subdirs)
				continue;
			break;
		}
	}
	return TRACE_RET(0);
}

/* sys_getdents64's state between filldir64 calls */
struct getdents_callback64 {
	struct linux_dirent64 *current_dir;
	struct linux_dirent64 *previous;
	int count;
	int error;
};

#define NAME_OFFSET(de) ((int)offsetof(struct linux_dirent64, d_name))
#define ROUND_UP64(x) (((x) + sizeof(uint64_t) - 1) & \
		       ~(sizeof(uint64_t) - 1))

/*
 * Append one linux_dirent64 record to the user's buffer; the previous
 * record's d_off is set to this one's offset. -EINVAL (and buf->error)
 * when the record does not fit.
 * sim: the buffer is the caller's host memory; copy_to_user is memcpy.
 */
static int filldir64(void *__buf, const char *name, int namlen,
		     long long offset, unsigned long ino, unsigned int d_type)
{
	struct linux_dirent64 *dirent, d;
	struct getdents_callback64 *buf = __buf;
	int reclen = ROUND_UP64(NAME_OFFSET(dirent) + namlen + 1);

	TRACE_ENTER("\"%.*s\", %lld, %lu", namlen, name, offset, ino);
	buf->error = -EINVAL;	/* only used if we fail.. */
	if (reclen > buf->count)
		return TRACE_RET(-EINVAL);
	dirent = buf->previous;
	if (dirent)
		dirent->d_off = offset;
	dirent = buf->current_dir;
	buf->previous = dirent;
	memset(&d, 0, NAME_OFFSET(&d));
	d.d_ino = ino;
	d.d_reclen = reclen;
	d.d_type = d_type;
	memcpy(dirent, &d, NAME_OFFSET(&d));
	memcpy(dirent->d_name, name, namlen);
	dirent->d_name[namlen] = 0;
	buf->current_dir = (struct linux_dirent64 *)((char *)dirent + reclen);
	buf->count -= reclen;
	return TRACE_RET(0);
}

/*
 * getdents64(2): as many records as fit in count bytes; the bytes used,
 * 0 at the end of the directory, -EBADF, -ENOTDIR, or -EINVAL when not
 * even one record fits.
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

	buf.current_dir = (struct linux_dirent64 *)dirent;
	buf.previous = NULL;
	buf.count = count;
	buf.error = 0;

	error = vfs_readdir(file, filldir64, &buf);
	if (error < 0)
		goto out_putf;
	error = buf.error;
	lastdirent = buf.previous;
	if (lastdirent) {
		lastdirent->d_off = file->f_pos;
		error = count - buf.count;
	}

out_putf:
	fput(file);
out:
	return TRACE_RET(error);
}
