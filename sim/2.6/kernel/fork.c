// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/fork.c - making a process, and its address space.
 * Models kernel/fork.c (2.6.32), in its order: dup_mmap, mm_init,
 *   mm_alloc, __mmdrop, mmput, dup_mm, copy_mm, copy_fs, copy_files,
 *   do_fork (copy_process reduced into it), proc_caches_init.
 * What changed since 2.4.16: dup_mmap gives the child's vma the parent's
 *   vm_file (for an attach, the per-attach file: f_count +1, no new file)
 *   and then runs vm_ops->open (shm_open: nattch +1, lpid = the parent),
 *   and copy_page_range copies nothing for a shared file vma, so the child
 *   starts with no ptes and faults its pages in (2.4.16 copied the ptes).
 *   free_area_cache restarts at mmap_base in the child.
 * The child gets a copy of the parent's fd table (dup_fd: f_count +1 a
 *   file) and of its fs_struct (a path reference on root and cwd).
 * Left out: threads (CLONE_VM, CLONE_FS and CLONE_FILES share and are
 *   all of clone the model has), signals and namespaces of
 *   copy_process, VM_ACCOUNT
 *   charging (no private writable maps here), KSM, mempolicies, aio,
 *   mmap_sem (one thread).
 */
#include <bsd/string.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/file.h"
#include "linux/fs_struct.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"

kmem_cache_t *mm_cachep;
kmem_cache_t *vm_area_cachep;
kmem_cache_t *files_cachep;
kmem_cache_t *fs_cachep;

/* the child's vmas: each parent vma copied, linked, opened */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp, *prev, **pprev;
	struct rb_node **rb_link, *rb_parent;
	int retval = 0;

	TRACE_ENTER("mm#%u from mm#%u", sim_id(mm), sim_id(oldmm));
	mm->locked_vm = 0;
	mm->mmap = NULL;
	mm->mmap_cache = NULL;
	mm->free_area_cache = oldmm->mmap_base;
	mm->cached_hole_size = ~0UL;
	mm->map_count = 0;
	mm->mm_rb = RB_ROOT;
	rb_link = &mm->mm_rb.rb_node;
	rb_parent = NULL;
	pprev = &mm->mmap;

	prev = NULL;
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		struct file *file;

		if (mpnt->vm_flags & VM_DONTCOPY) {
			mm->total_vm -= (mpnt->vm_end - mpnt->vm_start) >>
					PAGE_SHIFT;	/* vma_pages */
			continue;
		}
		tmp = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
		if (!tmp) {
			retval = -ENOMEM;
			goto out;
		}
		*tmp = *mpnt;
		tmp->vm_flags &= ~VM_LOCKED;
		tmp->vm_mm = mm;
		tmp->vm_next = tmp->vm_prev = NULL;
		file = tmp->vm_file;
		if (file) {
			struct address_space *mapping = file->f_mapping;

			get_file(file);
			if (tmp->vm_flags & VM_SHARED)
				mapping->i_mmap_writable++;
			tmp->vm_truncate_count = mpnt->vm_truncate_count;
			vma_prio_tree_add(tmp, mpnt);
			sim_note("fork", "vma#%u shares file#%u (f_count %ld) "
				 "with vma#%u", sim_id(tmp), sim_id(file),
				 file->f_count, sim_id(mpnt));
		}
		*pprev = tmp;
		pprev = &tmp->vm_next;
		tmp->vm_prev = prev;
		prev = tmp;
		__vma_link_rb(mm, tmp, rb_link, rb_parent);
		rb_link = &tmp->vm_rb.rb_right;
		rb_parent = &tmp->vm_rb;
		mm->map_count++;
		retval = copy_page_range(mm, oldmm, mpnt);
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);
		if (retval)
			goto out;
	}
out:
	return TRACE_RET(retval);
}

/* counts, lists and a page directory; NULL when there is no frame for it */
static struct mm_struct *mm_init(struct mm_struct *mm, struct task_struct *p)
{
	(void)p;
	TRACE_ENTER("mm#%u", sim_id(mm));
	mm->mm_users = 1;
	mm->mm_count = 1;
	INIT_LIST_HEAD(&mm->mmlist);
	mm->flags = current->mm ? current->mm->flags : 0;
	mm->nr_ptes = 0;
	set_mm_counter(mm, file_rss, 0);
	set_mm_counter(mm, anon_rss, 0);
	mm->free_area_cache = TASK_UNMAPPED_BASE;
	mm->cached_hole_size = ~0UL;
	mm->pgd = pgd_alloc(mm);
	if (mm->pgd) {
		mm->def_flags = 0;
		return TRACE_RET_MM(mm);
	}
	kmem_cache_free(mm_cachep, mm);
	return TRACE_RET_MM((struct mm_struct *)NULL);
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm;

	TRACE_ENTER("%s", "");
	mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);
	if (mm) {
		memset(mm, 0, sizeof(*mm));
		mm = mm_init(mm, current);
	}
	return TRACE_RET_MM(mm);
}

/* the last reference to the struct itself (mm_count) */
void __mmdrop(struct mm_struct *mm)
{
	TRACE_ENTER("mm#%u", sim_id(mm));
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
	TRACE_EXIT();
}

/* the last user: the address space goes (exit_mmap), then the struct */
void mmput(struct mm_struct *mm)
{
	TRACE_ENTER("mm#%u, mm_users %d", sim_id(mm), mm->mm_users);
	if (--mm->mm_users == 0) {
		exit_mmap(mm);
		if (!list_empty(&mm->mmlist))
			list_del(&mm->mmlist);
		mmdrop(mm);
	}
	TRACE_EXIT();
}

/* current's mm, copied whole (layout hooks and mmap_base included) */
static struct mm_struct *dup_mm(struct task_struct *tsk)
{
	struct mm_struct *mm, *oldmm = current->mm;
	int err;

	TRACE_ENTER("%s", "");
	if (!oldmm)
		return TRACE_RET_MM((struct mm_struct *)NULL);
	mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);
	if (!mm)
		return TRACE_RET_MM(mm);
	memcpy(mm, oldmm, sizeof(*mm));
	if (!mm_init(mm, tsk))
		return TRACE_RET_MM((struct mm_struct *)NULL);
	err = dup_mmap(mm, oldmm);
	if (err) {
		mmput(mm);
		return TRACE_RET_MM((struct mm_struct *)NULL);
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return TRACE_RET_MM(mm);
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *mm, *oldmm;

	TRACE_ENTER("%#lx", clone_flags);
	tsk->min_flt = tsk->maj_flt = 0;
	tsk->mm = NULL;
	tsk->active_mm = NULL;
	oldmm = current->mm;
	if (!oldmm)
		return TRACE_RET(0);
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;
		mm = oldmm;
	} else {
		mm = dup_mm(tsk);
		if (!mm)
			return TRACE_RET(-ENOMEM);
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return TRACE_RET(0);
}

static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	TRACE_ENTER("%#lx", clone_flags);
	if (clone_flags & CLONE_FS) {
		/* tsk->fs is already what we want */
		if (fs->in_exec)
			return TRACE_RET(-EAGAIN);
		fs->users++;
		return TRACE_RET(0);
	}
	tsk->fs = copy_fs_struct(fs);
	if (!tsk->fs)
		return TRACE_RET(-ENOMEM);
	return TRACE_RET(0);
}

static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf, *newf;
	int error = 0;

	TRACE_ENTER("%#lx", clone_flags);
	oldf = current->files;
	if (!oldf)
		goto out;
	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		goto out;
	}
	newf = dup_fd(oldf, &error);
	if (!newf)
		goto out;
	tsk->files = newf;
	error = 0;
out:
	return TRACE_RET(error);
}

/*
 * A child of current named name, with a copy of its credentials
 * (copy_creds) and of its address space. Returns its pid or -ENOMEM.
 */
long do_fork(unsigned long clone_flags, const char *name)
{
	struct task_struct *p;
	int retval;

	TRACE_ENTER("\"%s\"", name);
	p = calloc(1, sizeof(*p));	/* sim: dup_task_struct */
	if (!p)
		return TRACE_RET(-ENOMEM);
	*p = *current;
	p->pid = p->tgid = ++sim_last_pid;
	p->real_parent = current;
	p->sim_sig = 0;
	strlcpy(p->comm, name, sizeof(p->comm));
	retval = copy_creds(p, clone_flags);
	if (retval) {
		sim_last_pid--;
		free(p);
		return TRACE_RET(retval);
	}
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_cred;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	list_add_tail(&p->tasks, &sim_tasks);
	return TRACE_RET(p->pid);

bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_cred:
	put_cred(p->cred);
	put_cred(p->real_cred);
	sim_last_pid--;
	free(p);
	return TRACE_RET(retval);
}

void proc_caches_init(void)
{
	TRACE_ENTER("%s", "");
	files_cachep = kmem_cache_create("files_cache",
					 sizeof(struct files_struct));
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct));
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct));
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct));
	if (!mm_cachep || !vm_area_cachep || !files_cachep || !fs_cachep)
		BUG();
	TRACE_EXIT();
}
