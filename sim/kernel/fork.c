// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/fork.c - new address spaces, and fork.
 * Models kernel/fork.c (2.4.16), in its order: dup_mmap, allocate_mm (a
 *   macro there), mm_init, mm_alloc, mmdrop (sched.h's inline with the
 *   __mmdrop of fork.c), mmput, copy_mm, __copy_fs_struct, copy_fs,
 *   count_open_files, copy_files, and the part of do_fork that makes a
 *   child task with copies of the parent's files, fs and mm, then
 *   proc_caches_init. pgd_alloc and pgd_free (asm-i386/pgalloc.h) come
 *   right before mm_init.
 * Left out: CLONE_* sharing (a fork here always copies), signals, the
 *   scheduler, the altroot; copy_files' expand_fdset/expand_fd_array (the
 *   table never grows here, see sim/vfs/open.c). The child is named by the
 *   scenario (`fork CHILD`).
 * Called by sim_task_create (mm_alloc, copy_fs, copy_files), the runner's
 *   fork (do_fork), do_exit (mmput) and start_kernel (proc_caches_init).
 *
 * Typical sequence: do_fork -> copy_mm -> mm_alloc -> dup_mmap: for each
 * parent vma a copy, get_file, the share list right after the parent's vma,
 * copy_page_range, vm_ops->open (shm_open: nattch +1); then build_mmap_rb.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "sim/trace.h"

kmem_cache_t *mm_cachep;
kmem_cache_t *files_cachep;	/* SLAB cache for files_struct */
kmem_cache_t *fs_cachep;	/* SLAB cache for fs_struct */

/* Copy current's vmas (and ptes) into mm. */
static int dup_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *mpnt, *tmp, **pprev;
	int retval = 0;

	TRACE_ENTER("mm#%u <- mm#%u", sim_id(mm), sim_id(current->mm));
	/* on mmlist right after the parent, so fork keeps its order */
	list_add(&mm->mmlist, &current->mm->mmlist);
	mmlist_nr++;
	mm->locked_vm = 0;
	mm->mmap = NULL;
	mm->mmap_cache = NULL;
	mm->map_count = 0;
	mm->rss = 0;
	mm->swap_address = 0;	/* swap_out scans the child from its start */
	mm->mm_rb = RB_ROOT;
	pprev = &mm->mmap;

	for (mpnt = current->mm->mmap; mpnt; mpnt = mpnt->vm_next) {
		struct file *file;

		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		tmp = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
		retval = -ENOMEM;
		if (!tmp)
			goto fail_nomem;
		*tmp = *mpnt;
		tmp->vm_flags &= ~VM_LOCKED;
		tmp->vm_mm = mm;
		tmp->vm_next = NULL;
		file = tmp->vm_file;
		if (file) {
			struct inode *inode = file->f_dentry->d_inode;

			get_file(file);
			if (tmp->vm_flags & VM_DENYWRITE)
				inode->i_writecount--;
			/* insert tmp right after mpnt in the share list */
			tmp->vm_next_share = mpnt->vm_next_share;
			if (tmp->vm_next_share)
				mpnt->vm_next_share->vm_pprev_share =
					&tmp->vm_next_share;
			mpnt->vm_next_share = tmp;
			tmp->vm_pprev_share = &mpnt->vm_next_share;
		}

		/* the list first; the tree comes after the loop */
		*pprev = tmp;
		pprev = &tmp->vm_next;
		mm->map_count++;
		retval = copy_page_range(mm, current->mm, tmp);
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);
		if (retval)
			goto fail_nomem;
	}
	retval = 0;
	build_mmap_rb(mm);

fail_nomem:
	/* sim: on failure 2.4 leaves the partial copy for exit_mmap */
	if (retval)
		build_mmap_rb(mm);
	return TRACE_RET(retval);
}

/* kernel/fork.c's allocate_mm(), a macro in 2.4 */
static struct mm_struct *allocate_mm(void)
{
	return kmem_cache_alloc(mm_cachep, GFP_KERNEL);
}

/* include/asm-i386/pgalloc.h: the page directory is one zeroed frame */
static pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL);

	(void)mm;
	if (!page)
		return NULL;
	clear_user_highpage(page);
	return page_address(page);
}

static void pgd_free(pgd_t *pgd)
{
	__free_page(virt_to_page(pgd));
}

static struct mm_struct *mm_init(struct mm_struct *mm)
{
	mm->mm_users = 1;
	mm->mm_count = 1;
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmlist);
	mm->sim_ptes = NULL;	/* sim: not the parent's list (copy_mm) */
	mm->pgd = pgd_alloc(mm);
	if (mm->pgd)
		return mm;
	kmem_cache_free(mm_cachep, mm);
	return NULL;
}

/* A new, empty address space with its own page directory. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm;

	TRACE_ENTER("%s", "");
	mm = allocate_mm();
	if (mm) {
		memset(mm, 0, sizeof(*mm));
		mm = mm_init(mm);
	}
	return TRACE_RET_MM(mm);
}

/* The last reference to the struct itself: free the pgd and the mm. */
static void mmdrop(struct mm_struct *mm)
{
	if (--mm->mm_count == 0) {
		sim_forget_ptes(mm);
		pgd_free(mm->pgd);
		kmem_cache_free(mm_cachep, mm);
	}
}

/* A user of the address space goes; the last one tears it down. */
void mmput(struct mm_struct *mm)
{
	TRACE_ENTER("mm#%u, mm_users %d", sim_id(mm), mm->mm_users);
	if (--mm->mm_users == 0) {
		/* off mmlist; swap_out must not come back to it */
		if (swap_mm == mm)
			swap_mm = list_entry(mm->mmlist.next, struct mm_struct,
					     mmlist);
		list_del(&mm->mmlist);
		mmlist_nr--;
		exit_mmap(mm);
		mmdrop(mm);
	}
	TRACE_EXIT();
}

/* Give tsk a copy of current's address space. */
int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *mm;
	int retval;

	(void)clone_flags;
	TRACE_ENTER("pid %d", tsk->pid);
	tsk->min_flt = tsk->maj_flt = 0;
	tsk->mm = NULL;
	tsk->active_mm = NULL;

	retval = -ENOMEM;
	mm = allocate_mm();
	if (!mm)
		return TRACE_RET(retval);
	/* copy the current mm whole, as 2.4 does; mm_init fixes it up */
	memcpy(mm, current->mm, sizeof(*mm));
	if (!mm_init(mm))
		return TRACE_RET(retval);
	sim_note("fork", "mm#%u: a copy of mm#%u with its own page directory",
		 sim_id(mm), sim_id(current->mm));
	tsk->mm = mm;
	tsk->active_mm = mm;
	retval = dup_mmap(mm);
	if (retval) {
		mmput(mm);
		tsk->mm = NULL;
		tsk->active_mm = NULL;
		return TRACE_RET(retval);
	}
	return TRACE_RET(0);
}

/* A copy of old with its own references on the root and the cwd. */
static inline struct fs_struct *__copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);

	if (fs) {
		fs->count = 1;
		fs->umask = old->umask;
		fs->rootmnt = mntget(old->rootmnt);
		fs->root = dget(old->root);
		fs->pwdmnt = mntget(old->pwdmnt);
		fs->pwd = dget(old->pwd);
		/* sim: no altroot */
	}
	return fs;
}

/* Give tsk current's root and cwd (CLONE_FS: share the struct). */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	TRACE_ENTER("pid %d", tsk->pid);
	if (clone_flags & CLONE_FS) {
		current->fs->count++;
		return TRACE_RET(0);
	}
	tsk->fs = __copy_fs_struct(current->fs);
	if (!tsk->fs)
		return TRACE_RET(-1);
	sim_note("fork", "fs_struct#%u: a copy of pid %d's root and cwd",
		 sim_id(tsk->fs), current->pid);
	return TRACE_RET(0);
}

/* One past the last word of open_fds with a bit set, in bits. */
static int count_open_files(struct files_struct *files, int size)
{
	int i;

	for (i = size / __NFDBITS; i > 0; ) {
		if (files->open_fds->fds_bits[--i])
			break;
	}
	i = (i + 1) * __NFDBITS;
	return i;
}

/*
 * Give tsk a copy of current's fd table: the same files, each with one
 * more reference (get_file). -ENOMEM.
 */
int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf, *newf;
	struct file **old_fds, **new_fds;
	int open_files, size, i, error = 0;

	TRACE_ENTER("pid %d", tsk->pid);
	/* a task with no fd table gives its child none either */
	oldf = current->files;
	if (!oldf)
		goto out;
	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		goto out;
	}

	tsk->files = NULL;
	error = -ENOMEM;
	newf = kmem_cache_alloc(files_cachep, GFP_KERNEL);
	if (!newf)
		goto out;

	newf->count = 1;
	newf->next_fd = 0;
	newf->max_fds = NR_OPEN_DEFAULT;
	newf->max_fdset = __FD_SETSIZE;
	newf->close_on_exec = &newf->close_on_exec_init;
	newf->open_fds = &newf->open_fds_init;
	newf->fd = &newf->fd_array[0];

	/* sim: oldf->max_fdset is never above __FD_SETSIZE (no expand) */
	size = oldf->max_fdset;
	open_files = count_open_files(oldf, size);
	/* sim: nor above NR_OPEN_DEFAULT files (expand_fd_array) */
	BUG_ON(open_files > NR_OPEN_DEFAULT);

	old_fds = oldf->fd;
	new_fds = newf->fd;
	memcpy(newf->open_fds->fds_bits, oldf->open_fds->fds_bits,
	       open_files / 8);
	memcpy(newf->close_on_exec->fds_bits, oldf->close_on_exec->fds_bits,
	       open_files / 8);
	for (i = open_files; i != 0; i--) {
		struct file *f = *old_fds++;

		if (f)
			get_file(f);
		*new_fds++ = f;
	}
	/* compute the remainder to be cleared */
	size = (newf->max_fds - open_files) * sizeof(struct file *);
	memset(new_fds, 0, size);
	if (newf->max_fdset > open_files) {
		int left = (newf->max_fdset - open_files) / 8;
		int start = open_files / __NFDBITS;

		memset(&newf->open_fds->fds_bits[start], 0, left);
		memset(&newf->close_on_exec->fds_bits[start], 0, left);
	}
	tsk->files = newf;
	sim_note("fork", "files_struct#%u: a copy of pid %d's fd table, "
		 "%d fds looked at", sim_id(newf), current->pid, open_files);
	error = 0;
out:
	return TRACE_RET(error);
}

/*
 * fork(): a child of current named name, with copies of its files, fs
 * and mm. Returns the child's pid or -errno. (simplified: no clone flags
 * or signal handlers; the child's credentials are the parent's.)
 */
long do_fork(unsigned long clone_flags, const char *name)
{
	struct task_struct *p;
	int retval;

	TRACE_ENTER("\"%s\"", name);
	p = calloc(1, sizeof(*p));
	if (!p)
		return TRACE_RET(-ENOMEM);
	*p = *current;
	p->pid = ++sim_last_pid;
	p->p_pptr = current;
	p->sim_sig = 0;
	strlcpy(p->comm, name, sizeof(p->comm));
	p->files = NULL;
	p->fs = NULL;
	retval = -ENOMEM;
	if (copy_files(clone_flags, p))
		goto bad_fork_cleanup;
	if (copy_fs(clone_flags, p))
		goto bad_fork_cleanup_files;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	list_add_tail(&p->tasks, &sim_tasks);
	return TRACE_RET(p->pid);

bad_fork_cleanup_fs:
	exit_fs(p);	/* blocking */
bad_fork_cleanup_files:
	exit_files(p);	/* blocking */
bad_fork_cleanup:
	sim_last_pid--;
	free(p);
	return TRACE_RET(retval);
}

/* the caches for files_struct, fs_struct, mm_struct and vm_area_struct */
void proc_caches_init(void)
{
	/* sim: no sigact_cachep: no signal handlers */
	files_cachep = kmem_cache_create("files_cache",
					 sizeof(struct files_struct));
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct));
	if (!files_cachep || !fs_cachep)
		BUG();
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct));
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct));
	if (!mm_cachep || !vm_area_cachep)
		BUG();
}
