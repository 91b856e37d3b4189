// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/mm/mmap.c - an address space's vmas: the sorted list and the rb-tree.
 * Models mm/mmap.c (2.4.16), in its order: vm_enough_memory,
 *   remove_shared_vm_struct, calc_vm_flags, find_vma_prepare,
 *   __vma_link_list/_rb/_file, __vma_link, vma_link, vma_merge,
 *   do_mmap_pgoff, do_mmap (an inline of linux/mm.h there),
 *   arch_get_unmapped_area, get_unmapped_area, find_vma, find_vma_prev,
 *   unmap_fixup, free_pgtables, do_munmap, sys_munmap, build_mmap_rb,
 *   exit_mmap, __insert_vm_struct. validate_mm, debug-only there, is the
 *   always-on sim_mm_check of sim/mm/mm_check.c.
 * do_mmap_pgoff is longer than 80 lines, as 2.4.16's is (185 lines): it is one
 *   function there, so it is one here.
 * Left out: brk, mlock (VM_LOCKED), RLIMIT_AS.
 * Called by sys_shmat (do_mmap), sys_shmdt and sys_munmap (do_munmap), the
 *   runner's munmap (sys_munmap), dup_mmap (build_mmap_rb,
 *   __insert_vm_struct) and do_exit (exit_mmap).
 *
 * Every vma is on two structures at once: mm->mmap, a list sorted by
 * address that walks use, and mm->mm_rb, keyed by vm_start, that lookups
 * use. A shared file vma is also on its inode's i_mmap_shared list.
 * Typical sequence: do_mmap_pgoff -> get_unmapped_area -> find_vma_prepare
 * -> f_op->mmap -> vma_link; later do_munmap -> unmap_fixup -> vm_ops->close
 * -> fput; at exit, exit_mmap.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "sim/fail.h"
#include "sim/trace.h"

#define MAP_NORESERVE	0x4000	/* include/asm-i386/mman.h */

kmem_cache_t *vm_area_cachep;

/* index: vm_flags & (VM_READ|VM_WRITE|VM_EXEC|VM_SHARED) */
pgprot_t protection_map[16] = {
	PAGE_NONE, PAGE_READONLY, PAGE_COPY, PAGE_COPY,
	PAGE_READONLY, PAGE_READONLY, PAGE_COPY, PAGE_COPY,
	PAGE_NONE, PAGE_READONLY, PAGE_SHARED, PAGE_SHARED,
	PAGE_READONLY, PAGE_READONLY, PAGE_SHARED, PAGE_SHARED
};

/*
 * Would pages more pages fit? 2.4.16's heuristic: what is free or could be
 * made free: the page cache, free frames, free swap slots, the swap cache.
 * sim: no unused dentries or inodes are kept, so they add nothing.
 */
int vm_enough_memory(long pages)
{
	unsigned long free;

	if (sim_should_fail("vm_enough_memory"))	/* sim: `inject` */
		return 0;
	free = page_cache_size;
	free += nr_free_pages();
	free += nr_swap_pages;
	free += swapper_space.nrpages;
	return free > (unsigned long)pages;
}

static void remove_shared_vm_struct(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;

	if (!file)
		return;
	if (vma->vm_flags & VM_DENYWRITE)
		file->f_dentry->d_inode->i_writecount++;
	if (vma->vm_next_share)
		vma->vm_next_share->vm_pprev_share = vma->vm_pprev_share;
	*vma->vm_pprev_share = vma->vm_next_share;
	vma->vm_next_share = NULL;
	vma->vm_pprev_share = NULL;
}

static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	(void)flags;	/* MAP_GROWSDOWN, MAP_DENYWRITE: not on our paths */
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/*
 * Walk the tree for addr. If a vma contains addr it is returned at once;
 * otherwise returns the first vma above addr, and where a new vma at addr
 * would hang in list and tree. sim: 2.4.16 leaves the out-parameters
 * unset on the early return; shmsim sets them to NULL there, so that no
 * path hands a caller an indeterminate pointer (callers only use them
 * when nothing overlaps, which gcc -O2 cannot prove).
 */
static struct vm_area_struct *
find_vma_prepare(struct mm_struct *mm, unsigned long addr,
		 struct vm_area_struct **pprev, rb_node_t ***rb_link,
		 rb_node_t **rb_parent)
{
	struct vm_area_struct *vma = NULL;
	rb_node_t **__rb_link, *__rb_parent, *rb_prev;

	TRACE_ENTER("%#lx", addr);
	__rb_link = &mm->mm_rb.rb_node;
	rb_prev = __rb_parent = NULL;

	while (*__rb_link) {
		struct vm_area_struct *vma_tmp;

		__rb_parent = *__rb_link;
		vma_tmp = rb_entry(__rb_parent, struct vm_area_struct, vm_rb);
		if (vma_tmp->vm_end > addr) {
			vma = vma_tmp;
			if (vma_tmp->vm_start <= addr) {
				*pprev = NULL;
				*rb_link = NULL;
				*rb_parent = NULL;
				goto out;
			}
			__rb_link = &__rb_parent->rb_left;
		} else {
			rb_prev = __rb_parent;
			__rb_link = &__rb_parent->rb_right;
		}
	}

	*pprev = NULL;
	if (rb_prev)
		*pprev = rb_entry(rb_prev, struct vm_area_struct, vm_rb);
	*rb_link = __rb_link;
	*rb_parent = __rb_parent;
out:
	return TRACE_RET_VMA(vma);
}

static void __vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			    struct vm_area_struct *prev, rb_node_t *rb_parent)
{
	if (prev) {
		vma->vm_next = prev->vm_next;
		prev->vm_next = vma;
	} else {
		mm->mmap = vma;
		if (rb_parent)
			vma->vm_next = rb_entry(rb_parent,
						struct vm_area_struct, vm_rb);
		else
			vma->vm_next = NULL;
	}
}

static void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
			  rb_node_t **rb_link, rb_node_t *rb_parent)
{
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
}

/* Push the vma at the head of its inode's i_mmap or i_mmap_shared. */
static void __vma_link_file(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;
	struct inode *inode;
	struct vm_area_struct **head;

	if (!file)
		return;
	inode = file->f_dentry->d_inode;
	if (vma->vm_flags & VM_DENYWRITE)
		inode->i_writecount--;
	head = &inode->i_mapping->i_mmap;
	if (vma->vm_flags & VM_SHARED)
		head = &inode->i_mapping->i_mmap_shared;
	vma->vm_next_share = *head;
	if (vma->vm_next_share)
		(*head)->vm_pprev_share = &vma->vm_next_share;
	*head = vma;
	vma->vm_pprev_share = head;
}

static void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *prev, rb_node_t **rb_link,
		       rb_node_t *rb_parent)
{
	__vma_link_list(mm, vma, prev, rb_parent);
	__vma_link_rb(mm, vma, rb_link, rb_parent);
	__vma_link_file(vma);
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev, rb_node_t **rb_link,
		     rb_node_t *rb_parent)
{
	TRACE_ENTER("vma#%u %#lx-%#lx", sim_id(vma), vma->vm_start,
		    vma->vm_end);
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	mm->map_count++;
	sim_note("mm", "vma#%u on mm#%u's list and rb-tree%s, map_count %d",
		 sim_id(vma), sim_id(mm),
		 vma->vm_file && (vma->vm_flags & VM_SHARED) ?
		 " and i_mmap_shared" : "", mm->map_count);
	TRACE_EXIT();
}

/*
 * A new anonymous private mapping [addr, end) beside a vma it can merge
 * with: stretch prev up to end (and swallow next if that closes the gap),
 * or stretch next down to addr. Returns 1 when no new vma is needed.
 * (2.4.16 leaves vm_pgoff alone when next grows down; so do we.)
 */
static int vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
		     rb_node_t *rb_parent, unsigned long addr,
		     unsigned long end, unsigned long vm_flags)
{
	TRACE_ENTER("%#lx-%#lx", addr, end);
	if (!prev) {
		prev = rb_entry(rb_parent, struct vm_area_struct, vm_rb);
		goto merge_next;
	}
	if (prev->vm_end == addr && can_vma_merge(prev, vm_flags)) {
		struct vm_area_struct *next;

		prev->vm_end = end;
		next = prev->vm_next;
		if (next && prev->vm_end == next->vm_start &&
		    can_vma_merge(next, vm_flags)) {
			prev->vm_end = next->vm_end;
			__vma_unlink(mm, next, prev);
			mm->map_count--;
			sim_note("mm", "vma#%u now %#lx-%#lx, vma#%u merged "
				 "into it and freed, map_count %d",
				 sim_id(prev), prev->vm_start, prev->vm_end,
				 sim_id(next), mm->map_count);
			kmem_cache_free(vm_area_cachep, next);
			return TRACE_RET_INT(1);
		}
		sim_note("mm", "vma#%u grows up to %#lx-%#lx", sim_id(prev),
			 prev->vm_start, prev->vm_end);
		return TRACE_RET_INT(1);
	}

	prev = prev->vm_next;
	if (prev) {
merge_next:
		if (!can_vma_merge(prev, vm_flags))
			return TRACE_RET_INT(0);
		if (end == prev->vm_start) {
			prev->vm_start = addr;
			sim_note("mm", "vma#%u grows down to %#lx-%#lx",
				 sim_id(prev), prev->vm_start, prev->vm_end);
			return TRACE_RET_INT(1);
		}
	}
	return TRACE_RET_INT(0);
}

/* Returns the address, or a negative errno cast to unsigned long. */
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long vm_flags;
	rb_node_t **rb_link, *rb_parent;
	long error;

	TRACE_ENTER("%s%u, %#lx, %#lx, prot %#lx, flags %#lx, pgoff %lu",
		    file ? "file#" : "no file", file ? sim_id(file) : 0,
		    addr, len, prot, flags, pgoff);
	if (file && (!file->f_op || !file->f_op->mmap))
		return TRACE_RET_ADDR(-ENODEV);
	len = PAGE_ALIGN(len);
	if (len == 0)
		return TRACE_RET_ADDR(addr);
	if (len > TASK_SIZE)
		return TRACE_RET_ADDR(-EINVAL);
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return TRACE_RET_ADDR(-EINVAL);
	if (mm->map_count > MAX_MAP_COUNT)
		return TRACE_RET_ADDR(-ENOMEM);

	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (addr & ~PAGE_MASK)
		return TRACE_RET_ADDR(addr);

	vm_flags = calc_vm_flags(prot, flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (file) {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if ((prot & PROT_WRITE) &&
			    !(file->f_mode & FMODE_WRITE))
				return TRACE_RET_ADDR(-EACCES);
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (!(file->f_mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
			/* fall through */
		case MAP_PRIVATE:
			if (!(file->f_mode & FMODE_READ))
				return TRACE_RET_ADDR(-EACCES);
			break;
		default:
			return TRACE_RET_ADDR(-EINVAL);
		}
	} else {
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		switch (flags & MAP_TYPE) {
		default:
			return TRACE_RET_ADDR(-EINVAL);
		case MAP_PRIVATE:
			vm_flags &= ~(VM_SHARED | VM_MAYSHARE);
			/* fall through */
		case MAP_SHARED:
			break;
		}
	}

	/* Whatever is mapped at [addr, addr+len) now goes (MAP_FIXED). */
munmap_back:
	vma = find_vma_prepare(mm, addr, &prev, &rb_link, &rb_parent);
	if (vma && vma->vm_start < addr + len) {
		if (do_munmap(mm, addr, len))
			return TRACE_RET_ADDR(-ENOMEM);
		goto munmap_back;
	}
	/* sim: no RLIMIT_AS (no rlimits) */

	/* Private writable mapping? Check memory availability.. */
	if ((vm_flags & (VM_SHARED | VM_WRITE)) == VM_WRITE &&
	    !(flags & MAP_NORESERVE) &&
	    !vm_enough_memory(len >> PAGE_SHIFT))
		return TRACE_RET_ADDR(-ENOMEM);

	/* a private anonymous range may grow the vma just before it */
	if (!file && !(vm_flags & VM_SHARED) && rb_parent)
		if (vma_merge(mm, prev, rb_parent, addr, addr + len, vm_flags))
			goto out;

	vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!vma)
		return TRACE_RET_ADDR(-ENOMEM);
	vma->vm_mm = mm;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = protection_map[vm_flags & 0x0f];
	vma->vm_ops = NULL;
	vma->vm_pgoff = pgoff;
	vma->vm_file = NULL;
	vma->vm_private_data = NULL;
	vma->vm_raend = 0;
	sim_note("mm", "vma#%u %#lx-%#lx vm_flags %#lx", sim_id(vma),
		 vma->vm_start, vma->vm_end, vma->vm_flags);

	if (file) {
		error = -EINVAL;
		if (vm_flags & (VM_GROWSDOWN | VM_GROWSUP))
			goto free_vma;
		vma->vm_file = file;
		get_file(file);
		sim_note("vfs", "file#%u f_count %d (get_file for vma#%u)",
			 sim_id(file), file->f_count, sim_id(vma));
		error = file->f_op->mmap(file, vma);
		if (error)
			goto unmap_and_free_vma;
	} else if (flags & MAP_SHARED) {
		error = shmem_zero_setup(vma);
		if (error)
			goto free_vma;
	}

	addr = vma->vm_start;
	vma_link(mm, vma, prev, rb_link, rb_parent);
out:
	mm->total_vm += len >> PAGE_SHIFT;
	return TRACE_RET_ADDR(addr);

unmap_and_free_vma:
	vma->vm_file = NULL;
	fput(file);
	zap_page_range(mm, vma->vm_start, vma->vm_end - vma->vm_start);
free_vma:
	kmem_cache_free(vm_area_cachep, vma);
	return TRACE_RET_ADDR(error);
}

/* include/linux/mm.h: byte offset to page offset */
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset)
{
	unsigned long ret = -EINVAL;

	if ((offset + PAGE_ALIGN(len)) < offset)
		goto out;
	if (!(offset & ~PAGE_MASK))
		ret = do_mmap_pgoff(file, addr, len, prot, flag,
				    offset >> PAGE_SHIFT);
out:
	return ret;
}

/*
 * First fit upward from TASK_UNMAPPED_BASE (after trying the hint, which
 * shmat never gives): the lowest hole of len bytes between vmas.
 */
static unsigned long arch_get_unmapped_area(struct file *filp,
					    unsigned long addr,
					    unsigned long len,
					    unsigned long pgoff,
					    unsigned long flags)
{
	struct vm_area_struct *vma;

	(void)filp;
	(void)pgoff;
	(void)flags;
	TRACE_ENTER("%#lx, %#lx", addr, len);
	if (len > TASK_SIZE)
		return TRACE_RET_ADDR(-ENOMEM);
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma(current->mm, addr);
		if (TASK_SIZE - len >= addr &&
		    (!vma || addr + len <= vma->vm_start))
			return TRACE_RET_ADDR(addr);
	}
	addr = PAGE_ALIGN(TASK_UNMAPPED_BASE);
	for (vma = find_vma(current->mm, addr); ; vma = vma->vm_next) {
		if (TASK_SIZE - len < addr)
			return TRACE_RET_ADDR(-ENOMEM);
		if (!vma || addr + len <= vma->vm_start)
			return TRACE_RET_ADDR(addr);
		addr = vma->vm_end;
	}
}

unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags)
{
	TRACE_ENTER("%#lx, %#lx%s", addr, len,
		    flags & MAP_FIXED ? ", MAP_FIXED" : "");
	if (flags & MAP_FIXED) {
		if (addr > TASK_SIZE - len)
			return TRACE_RET_ADDR(-EINVAL);
		if (addr & ~PAGE_MASK)
			return TRACE_RET_ADDR(-EINVAL);
		return TRACE_RET_ADDR(addr);
	}
	/* sim: no file type here has its own f_op->get_unmapped_area */
	return TRACE_RET_ADDR(arch_get_unmapped_area(file, addr, len, pgoff,
						     flags));
}

/* The lowest vma with vm_end > addr (it may start above addr), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = NULL;

	TRACE_ENTER("%#lx", addr);
	if (mm) {
		vma = mm->mmap_cache;
		if (!(vma && vma->vm_end > addr && vma->vm_start <= addr)) {
			rb_node_t *rb_node = mm->mm_rb.rb_node;

			vma = NULL;
			while (rb_node) {
				struct vm_area_struct *vma_tmp;

				vma_tmp = rb_entry(rb_node,
						   struct vm_area_struct, vm_rb);
				if (vma_tmp->vm_end > addr) {
					vma = vma_tmp;
					if (vma_tmp->vm_start <= addr)
						break;
					rb_node = rb_node->rb_left;
				} else {
					rb_node = rb_node->rb_right;
				}
			}
			if (vma)
				mm->mmap_cache = vma;
		}
	}
	return TRACE_RET_VMA(vma);
}

/*
 * As find_vma, and *pprev = the vma before it on the list. Both are NULL
 * when no vma ends above addr (2.6's version keeps the last vma in *pprev).
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	if (mm) {
		struct vm_area_struct *vma = NULL;
		rb_node_t *rb_node, *rb_last_right = NULL, *rb_prev = NULL;

		rb_node = mm->mm_rb.rb_node;
		while (rb_node) {
			struct vm_area_struct *vma_tmp;

			vma_tmp = rb_entry(rb_node, struct vm_area_struct,
					   vm_rb);
			if (vma_tmp->vm_end > addr) {
				vma = vma_tmp;
				rb_prev = rb_last_right;
				if (vma_tmp->vm_start <= addr)
					break;
				rb_node = rb_node->rb_left;
			} else {
				rb_last_right = rb_node;
				rb_node = rb_node->rb_right;
			}
		}
		if (vma) {
			if (vma->vm_rb.rb_left) {
				rb_prev = vma->vm_rb.rb_left;
				while (rb_prev->rb_right)
					rb_prev = rb_prev->rb_right;
			}
			*pprev = NULL;
			if (rb_prev)
				*pprev = rb_entry(rb_prev,
						  struct vm_area_struct, vm_rb);
			/* the list and the tree must agree on the neighbour */
			BUG_ON((rb_prev ? (*pprev)->vm_next : mm->mmap) != vma);
			return vma;
		}
	}
	*pprev = NULL;
	return NULL;
}

/*
 * The vma area (already off the list and tree) lost [addr, addr+len):
 * free it whole, keep one end, or split it in two using extra. Returns
 * extra if it was not needed.
 */
static struct vm_area_struct *unmap_fixup(struct mm_struct *mm,
					  struct vm_area_struct *area,
					  unsigned long addr, size_t len,
					  struct vm_area_struct *extra)
{
	struct vm_area_struct *mpnt;
	unsigned long end = addr + len;

	TRACE_ENTER("vma#%u, %#lx, %#zx", sim_id(area), addr, len);
	area->vm_mm->total_vm -= len >> PAGE_SHIFT;
	if (area->vm_flags & VM_LOCKED)
		area->vm_mm->locked_vm -= len >> PAGE_SHIFT;

	if (addr == area->vm_start && end == area->vm_end) {
		/* the whole vma goes: close, then the vma's file ref */
		if (area->vm_ops && area->vm_ops->close)
			area->vm_ops->close(area);
		if (area->vm_file)
			fput(area->vm_file);
		sim_note("mm", "vma#%u freed", sim_id(area));
		kmem_cache_free(vm_area_cachep, area);
		TRACE_EXIT();
		return extra;
	}

	if (end == area->vm_end) {
		area->vm_end = addr;
	} else if (addr == area->vm_start) {
		area->vm_pgoff += (end - area->vm_start) >> PAGE_SHIFT;
		area->vm_start = end;
	} else {
		/* a hole: extra becomes the upper part */
		mpnt = extra;
		extra = NULL;
		mpnt->vm_mm = area->vm_mm;
		mpnt->vm_start = end;
		mpnt->vm_end = area->vm_end;
		mpnt->vm_page_prot = area->vm_page_prot;
		mpnt->vm_flags = area->vm_flags;
		mpnt->vm_raend = 0;
		mpnt->vm_ops = area->vm_ops;
		mpnt->vm_pgoff = area->vm_pgoff +
				 ((end - area->vm_start) >> PAGE_SHIFT);
		mpnt->vm_file = area->vm_file;
		mpnt->vm_private_data = area->vm_private_data;
		if (mpnt->vm_file)
			get_file(mpnt->vm_file);
		if (mpnt->vm_ops && mpnt->vm_ops->open)
			mpnt->vm_ops->open(mpnt);
		area->vm_end = addr;
		__insert_vm_struct(mm, mpnt);
		sim_note("mm", "vma#%u split off %#lx-%#lx", sim_id(mpnt),
			 mpnt->vm_start, mpnt->vm_end);
	}
	__insert_vm_struct(mm, area);
	sim_note("mm", "vma#%u now %#lx-%#lx pgoff %lu", sim_id(area),
		 area->vm_start, area->vm_end, area->vm_pgoff);
	TRACE_EXIT();
	return extra;
}

/*
 * After an unmap of [start, end): free the page tables of the 4 MiB regions
 * that no vma touches any more, between prev (the vma before the hole, or
 * NULL) and the next vma.
 */
static void free_pgtables(struct mm_struct *mm, struct vm_area_struct *prev,
			  unsigned long start, unsigned long end)
{
	unsigned long first = start & ~(PGDIR_SIZE - 1);
	unsigned long last = end + PGDIR_SIZE - 1;
	unsigned long start_index, end_index;

	if (!prev) {
		prev = mm->mmap;
		if (!prev)
			goto no_mmaps;
		if (prev->vm_end > start) {
			if (last > prev->vm_start)
				last = prev->vm_start;
			goto no_mmaps;
		}
	}
	for (;;) {
		struct vm_area_struct *next = prev->vm_next;

		if (next) {
			if (next->vm_start < start) {
				prev = next;
				continue;
			}
			if (last > next->vm_start)
				last = next->vm_start;
		}
		if (prev->vm_end > first)
			first = prev->vm_end + PGDIR_SIZE - 1;
		break;
	}
no_mmaps:
	start_index = (first >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
	end_index = (last >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
	if (end_index > start_index)
		clear_page_tables(mm, start_index, end_index - start_index);
}

/*
 * Unmap [addr, addr+len) of mm: every vma that overlaps leaves the list and
 * tree, its ptes are zapped, and unmap_fixup frees or trims it.
 */
int do_munmap(struct mm_struct *mm, unsigned long addr, size_t len)
{
	struct vm_area_struct *mpnt, *prev, **npp, *free, *extra;

	TRACE_ENTER("mm#%u, %#lx, %#zx", sim_id(mm), addr, len);
	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return TRACE_RET(-EINVAL);
	len = PAGE_ALIGN(len);
	if (len == 0)
		return TRACE_RET(-EINVAL);

	mpnt = find_vma_prev(mm, addr, &prev);
	if (!mpnt)
		return TRACE_RET(0);
	if (mpnt->vm_start >= addr + len)
		return TRACE_RET(0);

	/* punching a hole adds a vma */
	if ((mpnt->vm_start < addr && mpnt->vm_end > addr + len) &&
	    mm->map_count >= MAX_MAP_COUNT)
		return TRACE_RET(-ENOMEM);

	extra = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!extra)
		return TRACE_RET(-ENOMEM);

	npp = prev ? &prev->vm_next : &mm->mmap;
	free = NULL;
	for (; mpnt && mpnt->vm_start < addr + len; mpnt = *npp) {
		*npp = mpnt->vm_next;
		mpnt->vm_next = free;
		free = mpnt;
		rb_erase(&mpnt->vm_rb, &mm->mm_rb);
	}
	mm->mmap_cache = NULL;

	/* free is in reverse order: the highest vma is handled first */
	while ((mpnt = free) != NULL) {
		unsigned long st, end, size;

		free = free->vm_next;
		st = addr < mpnt->vm_start ? mpnt->vm_start : addr;
		end = addr + len;
		end = end > mpnt->vm_end ? mpnt->vm_end : end;
		size = end - st;

		remove_shared_vm_struct(mpnt);
		mm->map_count--;
		zap_page_range(mm, st, size);
		extra = unmap_fixup(mm, mpnt, st, size, extra);
	}

	if (extra)
		kmem_cache_free(vm_area_cachep, extra);
	free_pgtables(mm, prev, addr, addr + len);
	return TRACE_RET(0);
}

long sys_munmap(unsigned long addr, size_t len)
{
	TRACE_ENTER("%#lx, %#zx", addr, len);
	return TRACE_RET(do_munmap(current->mm, addr, len));
}

/* Rebuild the tree from the list, as a fork's child does (dup_mmap). */
void build_mmap_rb(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	rb_node_t **rb_link, *rb_parent;

	mm->mm_rb = RB_ROOT;
	rb_link = &mm->mm_rb.rb_node;
	rb_parent = NULL;
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		__vma_link_rb(mm, vma, rb_link, rb_parent);
		rb_parent = &vma->vm_rb;
		rb_link = &rb_parent->rb_right;
	}
}

/*
 * The mm's last user is gone: every vma is closed, unmapped and freed, in
 * list order (close first here, unlike do_munmap), then the page tables.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *mpnt;

	TRACE_ENTER("mm#%u", sim_id(mm));
	mpnt = mm->mmap;
	mm->mmap = mm->mmap_cache = NULL;
	mm->mm_rb = RB_ROOT;
	mm->rss = 0;
	mm->total_vm = 0;
	mm->locked_vm = 0;

	while (mpnt) {
		struct vm_area_struct *next = mpnt->vm_next;
		unsigned long start = mpnt->vm_start;
		unsigned long end = mpnt->vm_end;
		unsigned long size = end - start;

		if (mpnt->vm_ops && mpnt->vm_ops->close)
			mpnt->vm_ops->close(mpnt);
		mm->map_count--;
		remove_shared_vm_struct(mpnt);
		zap_page_range(mm, start, size);
		if (mpnt->vm_file)
			fput(mpnt->vm_file);
		sim_note("mm", "vma#%u freed", sim_id(mpnt));
		kmem_cache_free(vm_area_cachep, mpnt);
		mpnt = next;
	}
	BUG_ON(mm->map_count);
	clear_page_tables(mm, 0, TASK_SIZE >> PGDIR_SHIFT);
	TRACE_EXIT();
}

/* Re-insert a vma that do_munmap trimmed or split off (or dup_mmap's). */
void __insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *__vma, *prev;
	rb_node_t **rb_link, *rb_parent;

	__vma = find_vma_prepare(mm, vma->vm_start, &prev, &rb_link,
				 &rb_parent);
	BUG_ON(__vma && __vma->vm_start < vma->vm_end);
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	mm->map_count++;
}
