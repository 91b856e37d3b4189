// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/file_table.c - struct file: allocation and the last fput.
 * Models fs/file_table.c (2.6.32), in its order: file_free,
 *   get_empty_filp, init_file, alloc_file, drop_file_write_access,
 *   __fput, fput, fget, put_filp, file_move, file_kill, files_init; sim
 *   only, last: sim_files_check and the shutdown.
 * Left out: fget_light, fget_raw (2.6.39), the per-CPU
 *   nr_files counter (sim: files_stat.nr_files is kept directly, where
 *   the kernel copies it in proc_nr_files), fsnotify, eventpoll, locks,
 *   fasync, security, the CONFIG_DEBUG_WRITECOUNT checks; mark_files_ro.
 * sim: files_lock and RCU dropped: file_free frees at once.
 * Called by: shmem_file_setup and do_shmat (alloc_file), MM's mmap
 *   (get_file) and remove_vma (fput), shm_release and shm_destroy (fput),
 *   sys_getdents64 (fget, fput), do_filp_open (get_empty_filp, put_filp).
 *
 * A file's life: get_empty_filp (f_count 1, a reference on the opener's
 * cred, nr_files +1) -> init_file (f_path: mntget of the mount; the
 * dentry reference is the caller's, handed over) -> get_file/fput ->
 * the last fput -> __fput: ->release, off sb->s_files, write access
 * back, file_free (nr_files -1), then dput(dentry) and mntput(mnt).
 */
#include <stdio.h>

#include "linux/fs.h"
#include "linux/file.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/trace.h"
#include "fs/internal.h"

struct files_stat_struct files_stat = {
	.max_files = NR_FILE
};

static kmem_cache_t *filp_cachep;

/* sim: the kernel frees after an RCU grace period */
static void file_free(struct file *f)
{
	TRACE_ENTER("file#%u", sim_id(f));
	files_stat.nr_files--;		/* percpu_counter_dec(&nr_files) */
	put_cred(f->f_cred);
	sim_note("file", "file#%u freed, nr_files %d", sim_id(f),
		 files_stat.nr_files);
	kmem_cache_free(filp_cachep, f);
	TRACE_EXIT();
}

/*
 * A zeroed file with f_count 1 and the caller's credentials, or NULL:
 * past max_files (unless CAP_SYS_ADMIN) or out of memory. Callers turn
 * NULL into -ENFILE.
 */
struct file *get_empty_filp(void)
{
	const struct cred *cred = current_cred();
	static int old_max;
	struct file *f;

	TRACE_ENTER("nr_files=%d, max_files=%d", files_stat.nr_files,
		    files_stat.max_files);
	if (files_stat.nr_files >= files_stat.max_files &&
	    !capable(CAP_SYS_ADMIN))
		goto over;

	/* sim: `inject get_empty_filp` fails as a full file table would */
	f = NULL;
	if (!sim_should_fail("get_empty_filp"))
		f = kmem_cache_alloc(filp_cachep, GFP_KERNEL);	/* zalloc */
	if (f == NULL)
		goto fail;

	files_stat.nr_files++;
	f->f_cred = get_cred(cred);
	INIT_LIST_HEAD(&f->f_u.fu_list);
	f->f_count = 1;
	sim_note("file", "file#%u: f_count 1, nr_files %d", sim_id(f),
		 files_stat.nr_files);
	return TRACE_RET_FILE(f);

over:
	if (files_stat.nr_files > old_max) {
		sim_note("file", "VFS: file-max limit %d reached",
			 files_stat.max_files);
		old_max = files_stat.nr_files;
	}
fail:
	return TRACE_RET_FILE(NULL);
}

static int special_file(umode_t mode)
{
	return S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
	       S_ISSOCK(mode);
}

/*
 * Point file at (mnt, dentry): takes a mount reference, not a dentry
 * one (the caller's passes to the file). A writable file also counts
 * as a writer of the mount (mnt_clone_write).
 */
int init_file(struct file *file, struct vfsmount *mnt, struct dentry *dentry,
	      fmode_t mode, const struct file_operations *fop)
{
	int error = 0;

	TRACE_ENTER("file#%u, vfsmount#%u, dentry#%u, mode=%#x", sim_id(file),
		    sim_id(mnt), sim_id(dentry), mode);
	file->f_path.dentry = dentry;
	file->f_path.mnt = mntget(mnt);
	sim_note("vfs", "vfsmount#%u: mnt_count %d -> %d", sim_id(mnt),
		 mnt->mnt_count - 1, mnt->mnt_count);
	file->f_mapping = dentry->d_inode->i_mapping;
	file->f_mode = mode;
	file->f_op = fop;

	if ((mode & FMODE_WRITE) && !special_file(dentry->d_inode->i_mode)) {
		/* mnt_clone_write: -EROFS on a read-only mount */
		if (mnt->mnt_flags & MNT_READONLY)
			error = -EROFS;
		else
			mnt->mnt_writers++;
	}
	return TRACE_RET(error);
}

struct file *alloc_file(struct vfsmount *mnt, struct dentry *dentry,
			fmode_t mode, const struct file_operations *fop)
{
	struct file *file;

	TRACE_ENTER("vfsmount#%u, dentry#%u, mode=%#x", sim_id(mnt),
		    sim_id(dentry), mode);
	file = get_empty_filp();
	if (!file)
		return TRACE_RET_FILE(NULL);

	init_file(file, mnt, dentry, mode, fop);
	return TRACE_RET_FILE(file);
}

/* undo the write access of a FMODE_WRITE file */
void drop_file_write_access(struct file *file)
{
	struct vfsmount *mnt = file->f_path.mnt;
	struct dentry *dentry = file->f_path.dentry;
	struct inode *inode = dentry->d_inode;

	TRACE_ENTER("file#%u", sim_id(file));
	inode->i_writecount--;		/* put_write_access */

	if (special_file(inode->i_mode)) {
		TRACE_EXIT();
		return;
	}
	mnt->mnt_writers--;		/* mnt_drop_write */
	TRACE_EXIT();
}

/* the last reference is gone: release, free, then drop the path */
void __fput(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	struct vfsmount *mnt = file->f_path.mnt;
	struct inode *inode = dentry->d_inode;

	TRACE_ENTER("file#%u", sim_id(file));
	/* sim: no fsnotify, eventpoll, flock or fasync */
	if (file->f_op && file->f_op->release)
		file->f_op->release(inode, file);
	file_kill(file);
	if (file->f_mode & FMODE_WRITE)
		drop_file_write_access(file);
	file->f_path.dentry = NULL;
	file->f_path.mnt = NULL;
	file_free(file);
	dput(dentry);
	mntput(mnt);
	TRACE_EXIT();
}

void fput(struct file *file)
{
	TRACE_ENTER("file#%u, f_count=%ld", sim_id(file), file->f_count);
	sim_note("file", "file#%u: f_count %ld -> %ld", sim_id(file),
		 file->f_count, file->f_count - 1);
	if (!--file->f_count)
		__fput(file);
	TRACE_EXIT();
}

/* the file of current's fd, with a reference for the caller, or NULL */
struct file *fget(unsigned int fd)
{
	struct file *file;
	struct files_struct *files = current->files;

	TRACE_ENTER("%u", fd);
	/* sim: no RCU: fcheck_files, and the count cannot be 0 there */
	file = fcheck_files(files, fd);
	if (file) {
		BUG_ON(!file->f_count);
		file->f_count++;
		sim_note("file", "file#%u: f_count %ld -> %ld", sim_id(file),
			 file->f_count - 1, file->f_count);
	}
	return TRACE_RET_FILE(file);
}

/* a file that never got a path (an open that failed half-way) */
void put_filp(struct file *file)
{
	TRACE_ENTER("file#%u", sim_id(file));
	if (!--file->f_count) {
		file_kill(file);
		file_free(file);
	}
	TRACE_EXIT();
}

void file_move(struct file *file, struct list_head *list)
{
	if (!list)
		return;
	list_del(&file->f_u.fu_list);		/* list_move */
	list_add(&file->f_u.fu_list, list);
}

void file_kill(struct file *file)
{
	if (!list_empty(&file->f_u.fu_list))
		list_del_init(&file->f_u.fu_list);
}

/* max_files: 10% of memory at 1 KiB a file, at least NR_FILE */
void files_init(unsigned long mempages)
{
	unsigned long n;

	TRACE_ENTER("mempages=%lu", mempages);
	if (!filp_cachep)
		filp_cachep = kmem_cache_create("filp", sizeof(struct file));

	n = (mempages * (PAGE_SIZE / 1024)) / 10;
	files_stat.max_files = (int)n;
	if (files_stat.max_files < NR_FILE)
		files_stat.max_files = NR_FILE;
	sim_note("file", "max_files %d", files_stat.max_files);
	TRACE_EXIT();
}

/*
 * sim: for the checks (docs/invariants.md, "Linux 2.6.32", item 62):
 * get_empty_filp and file_free keep nr_files equal to the files alive.
 */
int sim_files_check(char *why, size_t len)
{
	unsigned long live = filp_cachep ? filp_cachep->active_objs : 0;

	if ((unsigned long)files_stat.nr_files != live) {
		snprintf(why, len, "vfs-nr_files: files_stat.nr_files %d, "
			 "filp cache objects %lu", files_stat.nr_files, live);
		return 62;
	}
	return 0;
}

/* sim: shutdown */
void sim_files_exit(void)
{
	if (filp_cachep && filp_cachep->active_objs == 0) {
		kmem_cache_destroy(filp_cachep);
		filp_cachep = NULL;
	}
}
