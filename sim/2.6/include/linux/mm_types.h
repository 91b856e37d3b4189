/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/mm_types.h - struct page, vm_area_struct, mm_struct.
 * Models include/linux/mm_types.h (2.6.32), with the fields the shm path,
 * fork, exit and the views read. Counts are plain ints where the kernel
 * has atomic_t (sim: one thread); _mapcount starts at -1 as there.
 * Left out: page-table locks, mmap_sem, the cpu mask, aio, core dumps,
 *   exe_file, mmu notifiers, NUMA policy.
 */
#ifndef _SIM26_LINUX_MM_TYPES_H
#define _SIM26_LINUX_MM_TYPES_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/rbtree.h"
#include "asm/pgtable.h"

typedef unsigned long pgoff_t;	/* include/linux/types.h */

struct address_space;
struct file;
struct anon_vma;
struct vm_operations_struct;

/*
 * One per frame of the arena (mem_map). A page-cache page: mapping and
 * index say where it belongs; _count holds the cache's reference and each
 * user's; _mapcount is the number of ptes mapping it, minus one.
 */
struct page {
	unsigned long flags;		/* PG_* (linux/mm.h) */
	int _count;			/* references; 0: free */
	int _mapcount;			/* ptes mapping it, -1: none */
	unsigned long private;		/* swap entry when PageSwapCache */
	struct address_space *mapping;
	pgoff_t index;			/* its offset in mapping, in pages */
	struct list_head lru;		/* on a zone LRU list, or free */
	void *virtual;			/* sim: the frame in the arena */
};

/*
 * One mapped range [vm_start, vm_end) of an address space: on the mm's
 * sorted list (vm_next/vm_prev) and rb-tree (vm_rb, by address), and, when
 * it maps a file, on that file's mapping->i_mmap through shared.vm_set.
 */
struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;		/* VM_* (linux/mm.h) */
	struct rb_node vm_rb;
	/*
	 * sim: 2.6.32 keeps file vmas in a priority tree (the raw node of
	 * this union); the model keeps mapping->i_mmap as a plain list of
	 * vm_set.list (sim/2.6/mm/prio_tree.c).
	 */
	union {
		struct {
			struct list_head list;
			void *parent;
			struct vm_area_struct *head;
		} vm_set;
	} shared;
	struct list_head anon_vma_node;
	struct anon_vma *anon_vma;	/* sim: always NULL (no private COW) */
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* in pages, into vm_file */
	struct file *vm_file;
	void *vm_private_data;
	unsigned long vm_truncate_count;
};

/* An address space: a task's vmas, page tables and layout. */
struct mm_struct {
	struct vm_area_struct *mmap;	/* list of vmas */
	struct rb_root mm_rb;
	struct vm_area_struct *mmap_cache;	/* last find_vma result */
	unsigned long (*get_unmapped_area)(struct file *filp,
					   unsigned long addr,
					   unsigned long len,
					   unsigned long pgoff,
					   unsigned long flags);
	void (*unmap_area)(struct mm_struct *mm, unsigned long addr);
	unsigned long mmap_base;	/* top of the top-down area */
	unsigned long task_size;
	unsigned long cached_hole_size;	/* largest hole below free_area_cache */
	unsigned long free_area_cache;	/* where the next search starts */
	pgd_t *pgd;			/* a frame of the arena */
	int mm_users;			/* tasks using it */
	int mm_count;			/* references (all users: 1) */
	int map_count;			/* vmas */
	struct list_head mmlist;
	unsigned long _file_rss;	/* get_mm_counter(mm, file_rss) */
	unsigned long _anon_rss;
	unsigned long hiwater_rss, hiwater_vm;
	unsigned long total_vm, locked_vm, shared_vm, exec_vm;
	unsigned long stack_vm, reserved_vm, def_flags, nr_ptes;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long flags;
};

/* include/linux/sched.h: the rss counters (sim: plain, one thread) */
#define set_mm_counter(mm, member, value)	((mm)->_##member = (value))
#define get_mm_counter(mm, member)		((mm)->_##member)
#define add_mm_counter(mm, member, value)	((mm)->_##member += (value))
#define inc_mm_counter(mm, member)		((mm)->_##member++)
#define dec_mm_counter(mm, member)		((mm)->_##member--)
#define get_mm_rss(mm)	(get_mm_counter(mm, file_rss) + \
			 get_mm_counter(mm, anon_rss))

#endif /* _SIM26_LINUX_MM_TYPES_H */
