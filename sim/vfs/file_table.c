// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/file_table.c - open file structures.
 * Models fs/file_table.c (2.4.16), in its order: files_stat, anon_list
 *   and free_list, get_empty_filp, fput, fget, put_filp, file_move,
 *   fs_may_remount_ro; put_write_access (inline in fs.h) at the top,
 *   before fput, its user; sim only, last: sim_file_table_release.
 * Left out: init_private_file, locks, kiobufs, fops_put (no modules),
 *   f_version and the global `event` it is taken from (struct file has no
 *   f_version).
 * Called by: shmem_file_setup (get_empty_filp, put_filp on its error path),
 *   dentry_open (get_empty_filp, file_move, put_filp), sys_getdents64
 *   (fget), every holder of a file reference (fput: shm_destroy,
 *   unmap_fixup, exit_mmap, newseg's error path, filp_close),
 *   do_remount_sb (fs_may_remount_ro), the shutdown
 *   (sim_file_table_release).
 *
 * A file's life on the shm path:
 *   get_empty_filp: f_count 1 (the segment's shm_file), on anon_list
 *   get_file +1 per vma mapping it ... fput -1 per vma and at shm_destroy
 *   fput at f_count 0: put_write_access (i_writecount -1, to -1 for shm:
 *     shmem_file_setup never took write access), f_dentry/f_vfsmnt cleared,
 *     to free_list (nr_free_files +1), then dput(dentry), then mntput(mnt).
 * A file that dentry_open makes (an open directory) moves from anon_list
 * to its superblock's s_files (file_move) and lives in an fd table slot.
 * Freed structures stay on free_list for reuse; nr_files counts them too.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/file.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/* sysctl fs.file-nr / file-max */
struct files_stat_struct files_stat = {0, 0, NR_FILE};
/* get_empty_filp's static in 2.4.16; here, so each boot warns again */
static int old_max;

/*
 * Here the new files go, and here the free ones sit.
 * sim: both static in 2.4.16; the views and checks walk them.
 */
LIST_HEAD(anon_list);
LIST_HEAD(free_list);

/* include/linux/fs.h */
static inline void put_write_access(struct inode *inode)
{
	sim_note("file", "inode#%u i_writecount %d -> %d", sim_id(inode),
		 inode->i_writecount, inode->i_writecount - 1);
	inode->i_writecount--;
}

/*
 * A zeroed file with f_count 1, the caller's fsuid/fsgid, at the head of
 * anon_list; NULL when the table is full (the caller returns -ENFILE).
 * A free one is reused when more than NR_RESERVED_FILES are free, or any
 * free one for root; otherwise a new one is allocated below max_files.
 * sim: a reused file gets a fresh number from filp's counter, so that each
 * use of it reads as a new object in the trace.
 */
struct file *get_empty_filp(void)
{
	struct file *f;
	unsigned int id;

	TRACE_ENTER("%s", "");
	/* sim: `inject get_empty_filp` fails it as a full table would */
	if (sim_should_fail("get_empty_filp"))
		goto fail;
	if (files_stat.nr_free_files > NR_RESERVED_FILES) {
used_one:
		f = list_entry(free_list.next, struct file, f_list);
		list_del(&f->f_list);
		files_stat.nr_free_files--;
		/* sim: a file off the free list reads as a new one */
		id = ++filp_cachep->sim_last_id;
		sim_note("file", "file#%u off free_list as file#%u, "
			 "nr_free_files %d -> %d", sim_id(f), id,
			 files_stat.nr_free_files + 1,
			 files_stat.nr_free_files);
		sim_obj_number(f, id);
new_one:
		memset(f, 0, sizeof(*f));
		f->f_count = 1;
		f->f_uid = current->fsuid;
		f->f_gid = current->fsgid;
		list_add(&f->f_list, &anon_list);
		sim_note("file", "file#%u f_count 1, at the head of anon_list",
			 sim_id(f));
		return TRACE_RET_FILE(f);
	}
	/* root may take one of the files kept free for it */
	if (files_stat.nr_free_files && !current->euid)
		goto used_one;
	/* under max_files: a new one from the slab */
	if (files_stat.nr_files < files_stat.max_files) {
		f = kmem_cache_alloc(filp_cachep, GFP_KERNEL);
		if (f) {
			files_stat.nr_files++;
			sim_note("file", "file#%u allocated, nr_files %d -> %d",
				 sim_id(f), files_stat.nr_files - 1,
				 files_stat.nr_files);
			goto new_one;
		}
		/* Big problems... (2.4.16 printk()s this) */
		sim_trace_comment("VFS: filp allocation failed");
	} else if (files_stat.max_files > old_max) {
		sim_trace_comment("VFS: file-max limit %d reached",
				  files_stat.max_files);
		old_max = files_stat.max_files;
	}
fail:
	f = NULL;
	return TRACE_RET_FILE(f);
}

/*
 * Drop a reference. The last one releases the file: the file goes to
 * free_list first, then its dentry and its mount lose the references it
 * held, in that order (dput before mntput).
 */
void fput(struct file *file)
{
	struct dentry *dentry = file->f_dentry;
	struct vfsmount *mnt = file->f_vfsmnt;
	struct inode *inode = dentry->d_inode;

	TRACE_ENTER("file#%u", sim_id(file));
	BUG_ON(file->f_count <= 0);	/* sim: 2.4 would go negative */
	sim_note("file", "file#%u f_count %d -> %d", sim_id(file),
		 file->f_count, file->f_count - 1);
	if (!--file->f_count) {
		/* sim: no locks_remove_flock, no kiobufs */
		if (file->f_op && file->f_op->release)
			file->f_op->release(inode, file);
		/* sim: fops_put() is a no-op without modules */
		if (file->f_mode & FMODE_WRITE)
			put_write_access(inode);
		file->f_dentry = NULL;
		file->f_vfsmnt = NULL;
		list_del(&file->f_list);
		list_add(&file->f_list, &free_list);
		files_stat.nr_free_files++;
		sim_note("file", "file#%u at the head of free_list, "
			 "nr_free_files %d -> %d", sim_id(file),
			 files_stat.nr_free_files - 1,
			 files_stat.nr_free_files);
		dput(dentry);
		mntput(mnt);
	}
	TRACE_EXIT();
}

/* current's file at fd with a new reference (f_count +1), or NULL. */
struct file *fget(unsigned int fd)
{
	struct file *file;

	TRACE_ENTER("%u", fd);
	file = fcheck(fd);
	if (file)
		get_file(file);
	return TRACE_RET_FILE(file);
}

/*
 * Give back a file that was never set up (no dentry, no mount): the error
 * paths of shmem_file_setup and dentry_open.
 */
void put_filp(struct file *file)
{
	TRACE_ENTER("file#%u", sim_id(file));
	sim_note("file", "file#%u f_count %d -> %d", sim_id(file),
		 file->f_count, file->f_count - 1);
	if (!--file->f_count) {
		list_del(&file->f_list);
		list_add(&file->f_list, &free_list);
		files_stat.nr_free_files++;
		sim_note("file", "file#%u at the head of free_list, "
			 "nr_free_files %d -> %d", sim_id(file),
			 files_stat.nr_free_files - 1,
			 files_stat.nr_free_files);
	}
	TRACE_EXIT();
}

/* Move file to list (a superblock's s_files, or anon_list). */
void file_move(struct file *file, struct list_head *list)
{
	if (!list)
		return;
	list_del(&file->f_list);
	list_add(&file->f_list, list);
}

/* May sb go read-only: no regular file on it is open for writing? */
int fs_may_remount_ro(struct super_block *sb)
{
	struct list_head *p;

	for (p = sb->s_files.next; p != &sb->s_files; p = p->next) {
		struct file *file = list_entry(p, struct file, f_list);
		struct inode *inode = file->f_dentry->d_inode;

		/* File with pending delete? */
		if (inode->i_nlink == 0)
			return 0;
		/* Writable file? */
		if (S_ISREG(inode->i_mode) && (file->f_mode & FMODE_WRITE))
			return 0;
	}
	return 1;
}

/*
 * sim: at shutdown, free what sits on free_list (2.4 never shrinks it), so
 * nr_files and nr_free_files go back to 0 when every file was put.
 */
void sim_file_table_release(void)
{
	struct list_head *p, *n;

	list_for_each_safe(p, n, &free_list) {
		struct file *f = list_entry(p, struct file, f_list);

		list_del(&f->f_list);
		kmem_cache_free(filp_cachep, f);
		files_stat.nr_free_files--;
		files_stat.nr_files--;
	}
	old_max = 0;
}
