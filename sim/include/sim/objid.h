/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/objid.h - the number an object is known by: kind#N.
 * sim only. The allocator (kmem_cache_alloc, kmalloc) puts a small header
 * in front of every object it hands out and writes the object's number
 * there, once, when it allocates it. The number lives outside the kernel's
 * structure, so nothing the kernel does to the structure (a memset in
 * get_empty_filp, mm_alloc's memset, dup_mmap's `*tmp = *mpnt`, the copies
 * of a vma that mprotect and munmap split) can change which object it is.
 * A cache numbers its objects 1, 2, 3... in the order it hands them out,
 * which is what makes traces and pictures the same from run to run.
 *
 * In gdb: `p sim_id(file)`, or `p ((struct sim_obj *)file)[-1]`; the
 * pretty printers (tools/gdb/shmsim.py) read the same header.
 * Only objects from the allocator have one: never ask for the number of a
 * static object (init_mm) or one on the stack.
 */
#ifndef _SIM_OBJID_H
#define _SIM_OBJID_H

#include <stddef.h>

#define SIM_OBJ_MAGIC	0x5ab0b1ecU

struct sim_obj {
	/* the object after the header keeps malloc's alignment */
	_Alignas(max_align_t) unsigned int magic;
	unsigned int id;		/* N of kind#N; 0 for kmalloc blocks */
};

void *sim_obj_alloc(size_t size, unsigned int id);
void sim_obj_free(void *objp);
void sim_obj_bad(const void *objp);

static inline struct sim_obj *sim_obj(const void *objp)
{
	struct sim_obj *o = (struct sim_obj *)objp - 1;

	if (o->magic != SIM_OBJ_MAGIC)
		sim_obj_bad(objp);
	return o;
}

/* the N of kind#N, as the allocator gave it */
static inline unsigned int sim_id(const void *objp)
{
	return sim_obj(objp)->id;
}

/*
 * An object the kernel takes off its own free list is a new object to the
 * reader (get_empty_filp's free_list), and a super_block comes from
 * kmalloc, which has no numbers of its own: these say which number it gets.
 */
static inline void sim_obj_number(void *objp, unsigned int id)
{
	sim_obj(objp)->id = id;
}

#endif /* _SIM_OBJID_H */
