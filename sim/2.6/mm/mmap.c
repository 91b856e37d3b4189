// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/mmap.c - an address space's vmas: mapping and unmapping.
 * Models mm/mmap.c (2.6.32), in its order: protection_map,
 *   vm_get_page_prot, sysctl_max_map_count, vm_committed_as,
 *   __vm_enough_memory, __remove_shared_vm_struct,
 *   unlink_file_vma, remove_vma, find_vma_prepare, __vma_link_list,
 *   __vma_link_rb, __vma_link_file, __vma_link, vma_link,
 *   __insert_vm_struct, __vma_unlink, vma_adjust, is_mergeable_vma,
 *   is_mergeable_anon_vma, can_vma_merge_before, can_vma_merge_after,
 *   vma_merge, vm_stat_account, round_hint_to_min (linux/mm.h's),
 *   do_mmap_pgoff, vma_wants_writenotify, accountable_mapping, mmap_region,
 *   arch_get_unmapped_area, arch_unmap_area,
 *   arch_get_unmapped_area_topdown, arch_unmap_area_topdown,
 *   get_unmapped_area, find_vma, find_vma_prev, remove_vma_list,
 *   unmap_region, detach_vmas_to_be_unmapped, split_vma, do_munmap,
 *   sys_munmap, exit_mmap, insert_vm_struct, may_expand_vm.
 * Longer than ~800 lines as 2.6.32's mm/mmap.c (2400) is long; so are its
 *   do_mmap_pgoff and mmap_region, here as there.
 * Left out: brk, stack growth, copy_vma (mremap), special mappings, the
 *   overcommit accounting (accountable_mapping is false for every shared
 *   map; private writable maps are charged nothing here), mlock's page
 *   population, VM_DENYWRITE (userspace cannot set it), NUMA policies,
 *   perf and ima hooks, validate_mm. sim: no mmap_sem, no i_mmap_lock,
 *   no page_table_lock (one thread); rlimits are the defaults (RLIMIT_AS
 *   and RLIMIT_MEMLOCK: linux/mm.h).
 * Called by do_shmat (do_mmap, find_vma_intersection), sys_shmdt
 *   (find_vma, do_munmap), fork (__vma_link_rb), exit (exit_mmap), the
 *   fault path (find_vma), and the scenario's mmap/munmap.
 *
 * A vma's life: do_mmap_pgoff -> get_unmapped_area picks the address ->
 * mmap_region allocates the vma, get_file, f_op->mmap, vma_link (list,
 * rb-tree, mapping->i_mmap, map_count +1) -> ... -> do_munmap: split_vma
 * at the ends, detach_vmas_to_be_unmapped (map_count -1, the unmap_area
 * hook moves free_area_cache), unmap_region (zap ptes, free tables),
 * remove_vma (vm_ops->close, fput, free).
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/backing-dev.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/fail.h"
#include "sim/trace.h"

void fput(struct file *file);	/* fs/file_table.c */

static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start,
			 unsigned long end);

pgprot_t protection_map[16] = {
	__P000, __P001, __P010, __P011, __P100, __P101, __P110, __P111,
	__S000, __S001, __S010, __S011, __S100, __S101, __S110, __S111
};

/* the pte bits a vma's pages get: by read/write/exec/shared */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return protection_map[vm_flags &
			      (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];
}

/* include/linux/mman.h: DEFAULT_MAX_MAP_COUNT = USHORT_MAX - 5 */
int sysctl_max_map_count = USHORT_MAX - 5;

/*
 * Committed_AS, in pages (a percpu_counter in 2.6.32). sim: overcommit
 * mode 0 (the heuristic, the default) only; no swap (nr_swap_pages 0) and
 * no reserves (totalreserve_pages 0).
 */
long vm_committed_as;

/*
 * Charge pages to Committed_AS if the heuristic believes they can be had:
 * the page cache (shmem's pages included), free swap and reclaimable slab,
 * less 1/32 for non-root; failing that, add free pages (less 1/32 too).
 * 0 or -ENOMEM (uncharged again).
 */
int __vm_enough_memory(struct mm_struct *mm, long pages,
			      int cap_sys_admin)
{
	unsigned long free, n;

	(void)mm;
	TRACE_ENTER("%ld, cap_sys_admin %d", pages, cap_sys_admin);
	vm_acct_memory(pages);
	if (sim_should_fail("vm_enough_memory"))	/* sim: `inject` */
		goto error;

	/* OVERCOMMIT_GUESS */
	free = global_page_state(NR_FILE_PAGES);
	free += 0;	/* sim: nr_swap_pages, no swap */
	free += global_page_state(NR_SLAB_RECLAIMABLE);
	if (!cap_sys_admin)
		free -= free / 32;
	if (free > (unsigned long)pages)
		goto ok;

	n = nr_free_pages();
	/* sim: totalreserve_pages is 0 */
	if (n == 0)
		goto error;
	if (!cap_sys_admin)
		n -= n / 32;
	free += n;
	if (free > (unsigned long)pages)
		goto ok;
error:
	vm_unacct_memory(pages);
	return TRACE_RET(-ENOMEM);
ok:
	sim_note("mm", "Committed_AS %ld pages (+%ld)", vm_committed_as,
		 pages);
	return TRACE_RET(0);
}

/* Off the file's list of mappers (the mapping's i_mmap). */
static void __remove_shared_vm_struct(struct vm_area_struct *vma,
				      struct file *file,
				      struct address_space *mapping)
{
	(void)file;	/* sim: VM_DENYWRITE is not modelled */
	if (vma->vm_flags & VM_SHARED)
		mapping->i_mmap_writable--;
	if (vma->vm_flags & VM_NONLINEAR)
		list_del_init(&vma->shared.vm_set.list);
	else
		vma_prio_tree_remove(vma, &mapping->i_mmap);
}

/* Hide vma from the file's mappers before its page tables go. */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;

	TRACE_ENTER("vma#%u", sim_id(vma));
	if (file)
		__remove_shared_vm_struct(vma, file, file->f_mapping);
	TRACE_EXIT();
}

/* Close a vma and free it; returns the next one. */
static struct vm_area_struct *remove_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma->vm_next;

	TRACE_ENTER("vma#%u", sim_id(vma));
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	/* sim: no mempolicy to put */
	kmem_cache_free(vm_area_cachep, vma);
	TRACE_EXIT();
	return next;
}

/*
 * The vma containing or following addr, and where a new vma starting at
 * addr would go: its list predecessor and its rb-tree link and parent.
 */
static struct vm_area_struct *
find_vma_prepare(struct mm_struct *mm, unsigned long addr,
		 struct vm_area_struct **pprev, struct rb_node ***rb_link,
		 struct rb_node **rb_parent)
{
	struct vm_area_struct *vma = NULL;
	struct rb_node **__rb_link = &mm->mm_rb.rb_node;
	struct rb_node *__rb_parent = NULL, *rb_prev = NULL;

	while (*__rb_link) {
		struct vm_area_struct *vma_tmp;

		__rb_parent = *__rb_link;
		vma_tmp = rb_entry(__rb_parent, struct vm_area_struct, vm_rb);
		if (vma_tmp->vm_end > addr) {
			vma = vma_tmp;
			if (vma_tmp->vm_start <= addr)
				break;
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
	return vma;
}

static void __vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			    struct vm_area_struct *prev,
			    struct rb_node *rb_parent)
{
	struct vm_area_struct *next;

	vma->vm_prev = prev;
	if (prev) {
		next = prev->vm_next;
		prev->vm_next = vma;
	} else {
		mm->mmap = vma;
		next = rb_parent ? rb_entry(rb_parent, struct vm_area_struct,
					    vm_rb) : NULL;
	}
	vma->vm_next = next;
	if (next)
		next->vm_prev = vma;
}

void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
		   struct rb_node **rb_link, struct rb_node *rb_parent)
{
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
}

/* On the file's list of mappers; a shared one counts in i_mmap_writable. */
static void __vma_link_file(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;

	if (file) {
		struct address_space *mapping = file->f_mapping;

		if (vma->vm_flags & VM_SHARED)
			mapping->i_mmap_writable++;
		if (vma->vm_flags & VM_NONLINEAR)
			list_add_tail(&vma->shared.vm_set.list,
				      &mapping->i_mmap_nonlinear);
		else
			vma_prio_tree_insert(vma, &mapping->i_mmap);
	}
}

static void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *prev, struct rb_node **rb_link,
		       struct rb_node *rb_parent)
{
	__vma_link_list(mm, vma, prev, rb_parent);
	__vma_link_rb(mm, vma, rb_link, rb_parent);
	/* sim: no anon_vma to link */
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev, struct rb_node **rb_link,
		     struct rb_node *rb_parent)
{
	TRACE_ENTER("mm#%u, vma#%u", sim_id(mm), sim_id(vma));
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	__vma_link_file(vma);
	mm->map_count++;
	sim_note("mm", "vma#%u %#lx-%#lx flags %#lx linked: map_count %d",
		 sim_id(vma), vma->vm_start, vma->vm_end, vma->vm_flags,
		 mm->map_count);
	TRACE_EXIT();
}

/* split_vma's: list and tree only, the file list was done earlier */
static void __insert_vm_struct(struct mm_struct *mm,
			       struct vm_area_struct *vma)
{
	struct vm_area_struct *__vma, *prev;
	struct rb_node **rb_link, *rb_parent;

	__vma = find_vma_prepare(mm, vma->vm_start, &prev, &rb_link,
				 &rb_parent);
	BUG_ON(__vma && __vma->vm_start < vma->vm_end);
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	mm->map_count++;
}

static void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev)
{
	struct vm_area_struct *next = vma->vm_next;

	prev->vm_next = next;
	if (next)
		next->vm_prev = prev;
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	if (mm->mmap_cache == vma)
		mm->mmap_cache = prev;
}

/*
 * Give vma the bounds [start, end) and offset pgoff, swallowing or
 * trimming the next vma as needed (merges), or linking insert beside it
 * (splits), keeping the file's list of mappers right.
 * (simplified: no anon_vma to merge; the i_mmap list needs no reorder)
 */
static void vma_adjust(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgoff_t pgoff,
		       struct vm_area_struct *insert)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *next = vma->vm_next;
	struct address_space *mapping = NULL;
	struct list_head *root = NULL;
	struct file *file = vma->vm_file;
	long adjust_next = 0;
	int remove_next = 0;

	TRACE_ENTER("vma#%u, %#lx, %#lx, %lu", sim_id(vma), start, end,
		    pgoff);
	if (next && !insert) {
		if (end >= next->vm_end) {
again:
			/* vma swallows next (and maybe the one after) */
			remove_next = 1 + (end > next->vm_end);
			end = next->vm_end;
		} else if (end > next->vm_start) {
			/* vma grows into next: next shrinks */
			adjust_next = (long)((end - next->vm_start) >>
					     PAGE_SHIFT);
		} else if (end < vma->vm_end) {
			/* vma shrinks: next grows down */
			adjust_next = -(long)((vma->vm_end - end) >>
					      PAGE_SHIFT);
		}
	}
	if (file) {
		mapping = file->f_mapping;
		if (!(vma->vm_flags & VM_NONLINEAR))
			root = &mapping->i_mmap;
		if (insert)
			__vma_link_file(insert);
	}
	if (root) {
		vma_prio_tree_remove(vma, root);
		if (adjust_next)
			vma_prio_tree_remove(next, root);
	}
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (adjust_next) {
		next->vm_start += (unsigned long)(adjust_next *
						  (long)PAGE_SIZE);
		next->vm_pgoff += (unsigned long)adjust_next;
	}
	if (root) {
		if (adjust_next)
			vma_prio_tree_insert(next, root);
		vma_prio_tree_insert(vma, root);
	}
	if (remove_next) {
		__vma_unlink(mm, next, vma);
		if (file)
			__remove_shared_vm_struct(next, file, mapping);
	} else if (insert) {
		__insert_vm_struct(mm, insert);
	}
	if (remove_next) {
		if (file)
			fput(file);
		mm->map_count--;
		kmem_cache_free(vm_area_cachep, next);
		if (remove_next == 2) {
			next = vma->vm_next;
			goto again;
		}
	}
	TRACE_EXIT();
}

/* Flags equal (VM_CAN_NONLINEAR aside), same file, and no ->close. */
static int is_mergeable_vma(struct vm_area_struct *vma, struct file *file,
			    unsigned long vm_flags)
{
	if ((vma->vm_flags ^ vm_flags) & ~VM_CAN_NONLINEAR)
		return 0;
	if (vma->vm_file != file)
		return 0;
	/* a shm attach has shm_close: never merged */
	if (vma->vm_ops && vma->vm_ops->close)
		return 0;
	return 1;
}

static int is_mergeable_anon_vma(struct anon_vma *anon_vma1,
				 struct anon_vma *anon_vma2)
{
	return !anon_vma1 || !anon_vma2 || anon_vma1 == anon_vma2;
}

static int can_vma_merge_before(struct vm_area_struct *vma,
				unsigned long vm_flags,
				struct anon_vma *anon_vma, struct file *file,
				pgoff_t vm_pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma) &&
	       vma->vm_pgoff == vm_pgoff;
}

static int can_vma_merge_after(struct vm_area_struct *vma,
			       unsigned long vm_flags,
			       struct anon_vma *anon_vma, struct file *file,
			       pgoff_t vm_pgoff)
{
	pgoff_t vm_pglen = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma) &&
	       vma->vm_pgoff + vm_pglen == vm_pgoff;
}

/*
 * [addr, end) with these flags is about to be mapped after prev: extend
 * prev or next over it when they are compatible; the vma that now covers
 * it, or NULL (the caller then makes a new one).
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 pgoff_t pgoff, void *policy)
{
	pgoff_t pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next;

	TRACE_ENTER("mm#%u, %#lx, %#lx, %#lx", sim_id(mm), addr, end,
		    vm_flags);
	(void)policy;	/* sim: no NUMA: policies are always equal */
	if (vm_flags & VM_SPECIAL)
		return TRACE_RET_VMA((struct vm_area_struct *)NULL);

	next = prev ? prev->vm_next : mm->mmap;
	area = next;
	if (next && next->vm_end == end)	/* cases 6, 7, 8 */
		next = next->vm_next;

	/* can it merge with the predecessor? */
	if (prev && prev->vm_end == addr &&
	    can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff)) {
		/* and with the successor too? */
		if (next && end == next->vm_start &&
		    can_vma_merge_before(next, vm_flags, anon_vma, file,
					 pgoff + pglen) &&
		    is_mergeable_anon_vma(prev->anon_vma, next->anon_vma))
			vma_adjust(prev, prev->vm_start, next->vm_end,
				   prev->vm_pgoff, NULL);	/* cases 1, 6 */
		else
			vma_adjust(prev, prev->vm_start, end,
				   prev->vm_pgoff, NULL);	/* 2, 5, 7 */
		return TRACE_RET_VMA(prev);
	}

	/* can it merge with the successor? */
	if (next && end == next->vm_start &&
	    can_vma_merge_before(next, vm_flags, anon_vma, file,
				 pgoff + pglen)) {
		if (prev && addr < prev->vm_end)	/* case 4 */
			vma_adjust(prev, prev->vm_start, addr,
				   prev->vm_pgoff, NULL);
		else					/* cases 3, 8 */
			vma_adjust(area, addr, next->vm_end,
				   next->vm_pgoff - pglen, NULL);
		return TRACE_RET_VMA(area);
	}
	return TRACE_RET_VMA((struct vm_area_struct *)NULL);
}

/* /proc/PID/status's VmExe/VmStk etc., and shared_vm for file maps */
void vm_stat_account(struct mm_struct *mm, unsigned long flags,
		     struct file *file, long pages)
{
	if (file) {
		mm->shared_vm += (unsigned long)pages;
		if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
			mm->exec_vm += (unsigned long)pages;
	} else if (flags & VM_GROWSDOWN) {
		mm->stack_vm += (unsigned long)pages;
	}
	if (flags & (VM_RESERVED | VM_IO))
		mm->reserved_vm += (unsigned long)pages;
}

/* A hint below mmap_min_addr is raised to it (MAP_FIXED is not). */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < mmap_min_addr)
		return PAGE_ALIGN(mmap_min_addr);
	return hint;
}

/*
 * Map len bytes of file (NULL: anonymous) at pgoff, at addr or where the
 * layout says: the address, or a negative errno in it. current->mm.
 * Every check in 2.6.32's order (docs/kernel-2.6.md).
 */
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long reqprot = prot;
	unsigned int vm_flags;
	int error;

	TRACE_ENTER("file#%u, %#lx, %#lx, %#lx, %#lx, %lu",
		    file ? sim_id(file) : 0, addr, len, prot, flags, pgoff);
	/* sim: no READ_IMPLIES_EXEC personality */
	if (!len)
		return TRACE_RET_ADDR(-EINVAL);
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return TRACE_RET_ADDR(-ENOMEM);
	/* offset overflow? */
	if ((pgoff + (len >> PAGE_SHIFT)) < pgoff)
		return TRACE_RET_ADDR(-EOVERFLOW);
	/* too many mappings? */
	if (mm->map_count > sysctl_max_map_count)
		return TRACE_RET_ADDR(-ENOMEM);

	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (addr & ~PAGE_MASK)
		return TRACE_RET_ADDR(addr);

	vm_flags = (unsigned int)(calc_vm_prot_bits(prot) |
				  calc_vm_flag_bits(flags) | mm->def_flags |
				  VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC);
	if ((flags & MAP_LOCKED) && !capable(CAP_IPC_LOCK))
		return TRACE_RET_ADDR(-EPERM);	/* can_do_mlock, limit 64K */
	if (vm_flags & VM_LOCKED) {
		unsigned long locked = (len >> PAGE_SHIFT) + mm->locked_vm;

		if (locked > (MLOCK_LIMIT >> PAGE_SHIFT) &&
		    !capable(CAP_IPC_LOCK))
			return TRACE_RET_ADDR(-EAGAIN);
	}

	if (file) {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if ((prot & PROT_WRITE) &&
			    !(file->f_mode & FMODE_WRITE))
				return TRACE_RET_ADDR(-EACCES);
			/* sim: no append-only inodes, no mandatory locks */
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			/* read-only open: never writable, even by mprotect */
			if (!(file->f_mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
			/* fall through */
		case MAP_PRIVATE:
			if (!(file->f_mode & FMODE_READ))
				return TRACE_RET_ADDR(-EACCES);
			if (file->f_path.mnt->mnt_flags & MNT_NOEXEC) {
				if (vm_flags & VM_EXEC)
					return TRACE_RET_ADDR(-EPERM);
				vm_flags &= ~VM_MAYEXEC;
			}
			if (!file->f_op || !file->f_op->mmap)
				return TRACE_RET_ADDR(-ENODEV);
			break;
		default:
			return TRACE_RET_ADDR(-EINVAL);
		}
	} else {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			pgoff = 0;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			pgoff = addr >> PAGE_SHIFT;
			break;
		default:
			return TRACE_RET_ADDR(-EINVAL);
		}
	}

	error = security_file_mmap(file, reqprot, prot, flags, addr, 0);
	if (error)
		return TRACE_RET_ADDR(error);
	/* sim: no ima */
	return TRACE_RET_ADDR(mmap_region(file, addr, len, flags, vm_flags,
					  pgoff));
}

/*
 * Should writes to a shared writable mapping fault first (write-protected
 * ptes), so the dirty pages are counted? Only when the backing device
 * accounts dirty pages; tmpfs's does not, so a shm vma never does.
 */
int vma_wants_writenotify(struct vm_area_struct *vma)
{
	unsigned int vm_flags = (unsigned int)vma->vm_flags;

	if ((vm_flags & (VM_WRITE | VM_SHARED)) != (VM_WRITE | VM_SHARED))
		return 0;
	if (vma->vm_ops && vma->vm_ops->page_mkwrite)
		return 1;
	/* f_op->mmap changed the protection itself: leave it */
	if (pgprot_val(vma->vm_page_prot) !=
	    pgprot_val(vm_get_page_prot(vm_flags)))
		return 0;
	if (vm_flags & (VM_PFNMAP | VM_INSERTPAGE))
		return 0;
	return vma->vm_file && vma->vm_file->f_mapping &&
	       mapping_cap_account_dirty(vma->vm_file->f_mapping);
}

/* Charged to overcommit: private writable maps only. */
static int accountable_mapping(struct file *file, unsigned int vm_flags)
{
	(void)file;	/* sim: no hugetlbfs */
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/*
 * Make the vma for [addr, addr + len): replace what is there, merge or
 * allocate, give the file its say (f_op->mmap), link it. The address, or
 * a negative errno.
 */
unsigned long mmap_region(struct file *file, unsigned long addr,
			  unsigned long len, unsigned long flags,
			  unsigned int vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	struct rb_node **rb_link, *rb_parent;
	int error;

	TRACE_ENTER("file#%u, %#lx, %#lx, %#lx, %#x, %lu",
		    file ? sim_id(file) : 0, addr, len, flags, vm_flags, pgoff);
	error = -ENOMEM;
munmap_back:
	/* clear old maps (MAP_FIXED, SHM_REMAP) */
	vma = find_vma_prepare(mm, addr, &prev, &rb_link, &rb_parent);
	if (vma && vma->vm_start < addr + len) {
		if (do_munmap(mm, addr, len))
			return TRACE_RET_ADDR(-ENOMEM);
		goto munmap_back;
	}

	if (!may_expand_vm(mm, len >> PAGE_SHIFT))
		return TRACE_RET_ADDR(-ENOMEM);

	/* sim: overcommit is OVERCOMMIT_GUESS, and nothing is charged */
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	if (accountable_mapping(file, vm_flags))
		vm_flags |= VM_ACCOUNT;

	/* can we just expand an old mapping? */
	vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, file,
			pgoff, NULL);
	if (vma)
		goto out;

	vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);	/* zeroed */
	if (!vma) {
		error = -ENOMEM;
		goto unacct_error;
	}
	vma->vm_mm = mm;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	INIT_LIST_HEAD(&vma->shared.vm_set.list);
	INIT_LIST_HEAD(&vma->anon_vma_node);

	if (file) {
		error = -EINVAL;
		if (vm_flags & (VM_GROWSDOWN | VM_GROWSUP))
			goto free_vma;
		vma->vm_file = file;
		get_file(file);
		error = file->f_op->mmap(file, vma);
		if (error)
			goto unmap_and_free_vma;
		/* the driver may have changed these */
		addr = vma->vm_start;
		pgoff = vma->vm_pgoff;
		vm_flags = (unsigned int)vma->vm_flags;
	} else if (vm_flags & VM_SHARED) {
		error = shmem_zero_setup(vma);
		if (error)
			goto free_vma;
	}

	if (vma_wants_writenotify(vma))
		vma->vm_page_prot = vm_get_page_prot(vm_flags & ~VM_SHARED);

	vma_link(mm, vma, prev, rb_link, rb_parent);
	file = vma->vm_file;
out:
	mm->total_vm += len >> PAGE_SHIFT;
	vm_stat_account(mm, vm_flags, file, (long)(len >> PAGE_SHIFT));
	if (vm_flags & VM_LOCKED)
		mm->locked_vm += len >> PAGE_SHIFT;	/* sim: not populated */
	return TRACE_RET_ADDR(addr);

unmap_and_free_vma:
	vma->vm_file = NULL;
	fput(file);
	/* undo any partial mapping done by the driver */
	unmap_region(mm, vma, prev, vma->vm_start, vma->vm_end);
free_vma:
	kmem_cache_free(vm_area_cachep, vma);
unacct_error:
	return TRACE_RET_ADDR(error);
}

/* Bottom-up, from free_area_cache (TASK_UNMAPPED_BASE at first). */
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr,
				     unsigned long len, unsigned long pgoff,
				     unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long start_addr;

	TRACE_ENTER("%#lx, %#lx", addr, len);
	(void)filp;
	(void)pgoff;
	if (len > TASK_SIZE)
		return TRACE_RET_ADDR(-ENOMEM);
	if (flags & MAP_FIXED)
		return TRACE_RET_ADDR(addr);
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma(mm, addr);
		if (TASK_SIZE - len >= addr &&
		    (!vma || addr + len <= vma->vm_start))
			return TRACE_RET_ADDR(addr);
	}
	if (len > mm->cached_hole_size) {
		start_addr = addr = mm->free_area_cache;
	} else {
		start_addr = addr = TASK_UNMAPPED_BASE;
		mm->cached_hole_size = 0;
	}
full_search:
	for (vma = find_vma(mm, addr); ; vma = vma->vm_next) {
		if (TASK_SIZE - len < addr) {
			/* start a new search, in case we missed a hole */
			if (start_addr != TASK_UNMAPPED_BASE) {
				addr = TASK_UNMAPPED_BASE;
				start_addr = addr;
				mm->cached_hole_size = 0;
				goto full_search;
			}
			return TRACE_RET_ADDR(-ENOMEM);
		}
		if (!vma || addr + len <= vma->vm_start) {
			mm->free_area_cache = addr + len;
			return TRACE_RET_ADDR(addr);
		}
		if (addr + mm->cached_hole_size < vma->vm_start)
			mm->cached_hole_size = vma->vm_start - addr;
		addr = vma->vm_end;
	}
}

/* a hole opened at addr: the next bottom-up search may start there */
void arch_unmap_area(struct mm_struct *mm, unsigned long addr)
{
	TRACE_ENTER("mm#%u, %#lx", sim_id(mm), addr);
	if (addr >= TASK_UNMAPPED_BASE && addr < mm->free_area_cache) {
		mm->free_area_cache = addr;
		mm->cached_hole_size = ~0UL;
	}
	TRACE_EXIT();
}

/*
 * Top-down, from free_area_cache (mmap_base at first), then down from
 * mmap_base, then bottom-up as a last resort (docs/kernel-2.6.md).
 */
unsigned long arch_get_unmapped_area_topdown(struct file *filp,
					     unsigned long addr0,
					     unsigned long len,
					     unsigned long pgoff,
					     unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long addr = addr0;

	TRACE_ENTER("%#lx, %#lx", addr0, len);
	if (len > TASK_SIZE)
		return TRACE_RET_ADDR(-ENOMEM);
	if (flags & MAP_FIXED)
		return TRACE_RET_ADDR(addr);

	/* the hint, if it fits */
	if (addr) {
		addr = PAGE_ALIGN(addr);
		vma = find_vma(mm, addr);
		if (TASK_SIZE - len >= addr &&
		    (!vma || addr + len <= vma->vm_start))
			return TRACE_RET_ADDR(addr);
	}

	/* a hole this small was seen below: search from the top again */
	if (len <= mm->cached_hole_size) {
		mm->cached_hole_size = 0;
		mm->free_area_cache = mm->mmap_base;
	}

	/* right below the last one? */
	addr = mm->free_area_cache;
	if (addr > len) {
		vma = find_vma(mm, addr - len);
		if (!vma || addr <= vma->vm_start) {
			mm->free_area_cache = addr - len;
			return TRACE_RET_ADDR(addr - len);
		}
	}

	if (mm->mmap_base < len)
		goto bottomup;

	addr = mm->mmap_base - len;
	do {
		/* the first vma ending above addr: does it leave room? */
		vma = find_vma(mm, addr);
		if (!vma || addr + len <= vma->vm_start) {
			mm->free_area_cache = addr;
			return TRACE_RET_ADDR(addr);
		}
		/* cached_hole_size: the widest gap passed on the way down */
		if (addr + mm->cached_hole_size < vma->vm_start)
			mm->cached_hole_size = vma->vm_start - addr;
		/* try just below the current vma */
		addr = vma->vm_start - len;
	} while (len < vma->vm_start);

bottomup:
	/*
	 * No room below mmap_base: bottom-up from TASK_UNMAPPED_BASE, and
	 * the top-down cache restored afterwards.
	 */
	mm->cached_hole_size = ~0UL;
	mm->free_area_cache = TASK_UNMAPPED_BASE;
	addr = arch_get_unmapped_area(filp, addr0, len, pgoff, flags);
	mm->free_area_cache = mm->mmap_base;
	mm->cached_hole_size = ~0UL;
	return TRACE_RET_ADDR(addr);
}

/* the vma above a new hole starts at addr: the next search may use it */
void arch_unmap_area_topdown(struct mm_struct *mm, unsigned long addr)
{
	TRACE_ENTER("mm#%u, %#lx", sim_id(mm), addr);
	if (addr > mm->free_area_cache)
		mm->free_area_cache = addr;
	/* dont allow allocations above current base */
	if (mm->free_area_cache > mm->mmap_base)
		mm->free_area_cache = mm->mmap_base;
	TRACE_EXIT();
}

/*
 * Where to map len bytes: the file's own chooser if it has one, else the
 * mm's layout (top-down for a model task); then checked against
 * TASK_SIZE (-ENOMEM) and alignment (-EINVAL).
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags)
{
	unsigned long (*get_area)(struct file *, unsigned long,
				  unsigned long, unsigned long,
				  unsigned long);

	TRACE_ENTER("file#%u, %#lx, %#lx, %lu, %#lx",
		    file ? sim_id(file) : 0, addr, len, pgoff, flags);
	/* x86 has no arch_mmap_check */
	if (len > TASK_SIZE)
		return TRACE_RET_ADDR(-ENOMEM);

	get_area = current->mm->get_unmapped_area;
	if (file && file->f_op && file->f_op->get_unmapped_area)
		get_area = file->f_op->get_unmapped_area;
	addr = get_area(file, addr, len, pgoff, flags);
	if (IS_ERR((void *)addr))
		return TRACE_RET_ADDR(addr);

	if (addr > TASK_SIZE - len)
		return TRACE_RET_ADDR(-ENOMEM);
	if (addr & ~PAGE_MASK)
		return TRACE_RET_ADDR(-EINVAL);
	/* x86_32 has no arch_rebalance_pgtables */
	return TRACE_RET_ADDR(addr);
}

/* The first vma with addr < vm_end, or NULL; mmap_cache remembers it. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = NULL;

	TRACE_ENTER("mm#%u, %#lx", mm ? sim_id(mm) : 0, addr);
	if (mm) {
		/* check the cache first */
		vma = mm->mmap_cache;
		if (!(vma && vma->vm_end > addr && vma->vm_start <= addr)) {
			struct rb_node *rb_node = mm->mm_rb.rb_node;

			vma = NULL;
			while (rb_node) {
				struct vm_area_struct *vma_tmp;

				vma_tmp = rb_entry(rb_node,
						   struct vm_area_struct,
						   vm_rb);
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

/* find_vma, and the vma before it in *pprev (NULL if none). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
				     unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = NULL, *prev = NULL;
	struct rb_node *rb_node;

	TRACE_ENTER("mm#%u, %#lx", mm ? sim_id(mm) : 0, addr);
	if (!mm)
		goto out;
	/* start from the tree's root: addr may lie below every vma */
	vma = mm->mmap;
	rb_node = mm->mm_rb.rb_node;
	while (rb_node) {
		struct vm_area_struct *vma_tmp;

		vma_tmp = rb_entry(rb_node, struct vm_area_struct, vm_rb);
		if (addr < vma_tmp->vm_end) {
			rb_node = rb_node->rb_left;
		} else {
			prev = vma_tmp;
			if (!prev->vm_next || addr < prev->vm_next->vm_end)
				break;
			rb_node = rb_node->rb_right;
		}
	}
out:
	*pprev = prev;
	return TRACE_RET_VMA(prev ? prev->vm_next : vma);
}

/* Free the detached vmas, fixing the mm's page totals. */
static void remove_vma_list(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (mm->hiwater_vm < mm->total_vm)	/* update_hiwater_vm */
		mm->hiwater_vm = mm->total_vm;
	do {
		long nrpages = (long)((vma->vm_end - vma->vm_start) >>
				      PAGE_SHIFT);

		mm->total_vm -= (unsigned long)nrpages;
		vm_stat_account(mm, vma->vm_flags, vma->vm_file, -nrpages);
		vma = remove_vma(vma);
	} while (vma);
}

/* Zap the ptes of [start, end) and free the tables nobody else needs. */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	unsigned long nr_accounted = 0;

	TRACE_ENTER("mm#%u, vma#%u, %#lx, %#lx", sim_id(mm), sim_id(vma),
		    start, end);
	lru_add_drain();
	/* sim: no mmu_gather, no TLB */
	unmap_vmas(vma, start, end, &nr_accounted);
	free_pgtables(vma, prev ? prev->vm_end : FIRST_USER_ADDRESS,
		      next ? next->vm_start : 0);
	TRACE_EXIT();
}

/*
 * Take the vmas from vma up to end off the list and tree (they stay
 * chained by vm_next for remove_vma_list); map_count -1 each; the layout
 * hook moves free_area_cache to the new hole.
 */
static void detach_vmas_to_be_unmapped(struct mm_struct *mm,
				       struct vm_area_struct *vma,
				       struct vm_area_struct *prev,
				       unsigned long end)
{
	struct vm_area_struct **insertion_point;
	struct vm_area_struct *tail_vma = NULL;
	unsigned long addr;

	TRACE_ENTER("mm#%u, vma#%u, %#lx", sim_id(mm), sim_id(vma), end);
	insertion_point = prev ? &prev->vm_next : &mm->mmap;
	vma->vm_prev = NULL;
	do {
		rb_erase(&vma->vm_rb, &mm->mm_rb);
		mm->map_count--;
		tail_vma = vma;
		vma = vma->vm_next;
	} while (vma && vma->vm_start < end);
	*insertion_point = vma;
	if (vma)
		vma->vm_prev = prev;
	tail_vma->vm_next = NULL;
	if (mm->unmap_area == arch_unmap_area)
		addr = prev ? prev->vm_end : mm->mmap_base;
	else
		addr = vma ? vma->vm_start : mm->mmap_base;
	mm->unmap_area(mm, addr);
	mm->mmap_cache = NULL;	/* kill the cache */
	sim_note("mm", "map_count %d, free_area_cache %#lx", mm->map_count,
		 mm->free_area_cache);
	TRACE_EXIT();
}

/*
 * Cut vma at addr into two vmas; new_below: the new one is the lower
 * part. The new vma gets its own file reference and vm_ops->open
 * (shm_open: nattch +1).
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	struct vm_area_struct *new;

	TRACE_ENTER("mm#%u, vma#%u, %#lx, %d", sim_id(mm), sim_id(vma), addr,
		    new_below);
	/* sim: no hugetlb vmas */
	if (mm->map_count >= sysctl_max_map_count)
		return TRACE_RET(-ENOMEM);

	new = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);
	if (!new)
		return TRACE_RET(-ENOMEM);

	/* the new piece starts as a copy; only its bounds and offset change */
	*new = *vma;
	INIT_LIST_HEAD(&new->shared.vm_set.list);
	if (new_below) {
		new->vm_end = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	}
	/* sim: no mempolicy to duplicate */
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);

	if (new_below)
		vma_adjust(vma, addr, vma->vm_end, vma->vm_pgoff +
			   ((addr - new->vm_start) >> PAGE_SHIFT), new);
	else
		vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff, new);
	return TRACE_RET(0);
}

/*
 * Unmap [start, start + len) of mm: 0 (also when nothing was mapped
 * there) or a negative errno (docs/kernel-2.6.md).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *prev, *last;
	unsigned long end;

	TRACE_ENTER("mm#%u, %#lx, %#zx", sim_id(mm), start, len);
	if ((start & ~PAGE_MASK) || start > TASK_SIZE ||
	    len > TASK_SIZE - start)
		return TRACE_RET(-EINVAL);
	len = PAGE_ALIGN(len);
	if (len == 0)
		return TRACE_RET(-EINVAL);

	/* find the first overlapping vma */
	vma = find_vma_prev(mm, start, &prev);
	if (!vma)
		return TRACE_RET(0);
	/* we have start < vma->vm_end */

	/* the range ends below the first vma that could hold it */
	end = start + len;
	if (vma->vm_start >= end)
		return TRACE_RET(0);

	/* split off the part below start */
	if (start > vma->vm_start) {
		int error = split_vma(mm, vma, start, 0);

		if (error)
			return TRACE_RET(error);
		prev = vma;
	}

	/* and the part from end on */
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {
		int error = split_vma(mm, last, end, 1);

		if (error)
			return TRACE_RET(error);
	}
	vma = prev ? prev->vm_next : mm->mmap;

	/* VM_LOCKED pieces give back locked_vm before leaving the list */
	if (mm->locked_vm) {
		struct vm_area_struct *tmp = vma;

		while (tmp && tmp->vm_start < end) {
			if (tmp->vm_flags & VM_LOCKED)
				mm->locked_vm -= (tmp->vm_end -
						  tmp->vm_start) >> PAGE_SHIFT;
			tmp = tmp->vm_next;
		}
	}

	/* remove the vmas from the list and tree, then their ptes */
	detach_vmas_to_be_unmapped(mm, vma, prev, end);
	unmap_region(mm, vma, prev, start, end);

	/* fix up all other vm information */
	remove_vma_list(mm, vma);
	return TRACE_RET(0);
}

long sys_munmap(unsigned long addr, size_t len)
{
	TRACE_ENTER("%#lx, %#zx", addr, len);
	/* sim: no mmap_sem */
	return TRACE_RET(do_munmap(current->mm, addr, len));
}

/*
 * The mm's last user left: zap every pte of every vma first, free the
 * page tables, then close and free each vma in list order (docs/kernel-2.6.md).
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long nr_accounted = 0;

	TRACE_ENTER("mm#%u", sim_id(mm));
	/* no user of this mm is left: every mapping goes now */
	if (mm->locked_vm) {
		/* sim: munlock_vma_pages_all has no pages to move */
		for (vma = mm->mmap; vma; vma = vma->vm_next)
			if (vma->vm_flags & VM_LOCKED)
				mm->locked_vm -= (vma->vm_end -
						  vma->vm_start) >> PAGE_SHIFT;
	}
	vma = mm->mmap;
	if (!vma) {	/* an mm whose dup_mmap failed early may have none */
		TRACE_EXIT();
		return;
	}
	lru_add_drain();
	/* sim: no cache or TLB flush */
	unmap_vmas(vma, 0, ~0UL, &nr_accounted);
	free_pgtables(vma, FIRST_USER_ADDRESS, 0);

	/* second pass: close each vma and free it */
	while (vma)
		vma = remove_vma(vma);
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->mmap_cache = NULL;
	BUG_ON(mm->nr_ptes > (FIRST_USER_ADDRESS + PMD_SIZE - 1) >> PMD_SHIFT);
	TRACE_EXIT();
}

/*
 * Link a vma made outside mmap_region (the stack, a special mapping):
 * -ENOMEM when it overlaps one.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *__vma, *prev;
	struct rb_node **rb_link, *rb_parent;

	TRACE_ENTER("mm#%u, vma#%u", sim_id(mm), sim_id(vma));
	/* an anonymous vma's pgoff is its page number, for merging */
	if (!vma->vm_file) {
		BUG_ON(vma->anon_vma);
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	}
	__vma = find_vma_prepare(mm, vma->vm_start, &prev, &rb_link,
				 &rb_parent);
	if (__vma && __vma->vm_start < vma->vm_end)
		return TRACE_RET(-ENOMEM);
	/* sim: VM_ACCOUNT charges nothing (no overcommit accounting) */
	vma_link(mm, vma, prev, rb_link, rb_parent);
	return TRACE_RET(0);
}

/* Within RLIMIT_AS? (sim: the default limit, infinity) */
int may_expand_vm(struct mm_struct *mm, unsigned long npages)
{
	unsigned long cur = mm->total_vm;	/* pages */
	unsigned long lim = RLIM_INFINITY >> PAGE_SHIFT;

	if (cur + npages > lim)
		return 0;
	return 1;
}
