// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/prio_tree.c - the vmas that map a file.
 * Models mm/prio_tree.c (2.6.32), in its order: vma_prio_tree_add,
 *   vma_prio_tree_insert, vma_prio_tree_remove.
 * (simplified: 2.6.32 keeps mapping->i_mmap as a radix priority search
 *   tree over [vm_pgoff, vm_pgoff + pages), with vmas of the same range
 *   on a vm_set list under the one in the tree. The model keeps i_mmap as
 *   one list of vma->shared.vm_set.list, in insertion order, and
 *   vma_prio_tree_add puts a vma right after the one it copies, as the
 *   kernel's vm_set list does. A walk over i_mmap sees the same vmas.)
 * Left out: vma_prio_tree_next and the tree's search (walk the list).
 * Called by __vma_link_file (mm/mmap.c), __remove_shared_vm_struct, and
 *   dup_mmap in kernel/fork.c (vma_prio_tree_add).
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "sim/trace.h"

/* vma copies old (fork): it goes on old's list, right after it */
void vma_prio_tree_add(struct vm_area_struct *vma, struct vm_area_struct *old)
{
	TRACE_ENTER("vma#%u, vma#%u", sim_id(vma), sim_id(old));
	vma->shared.vm_set.parent = NULL;
	vma->shared.vm_set.head = NULL;
	list_add(&vma->shared.vm_set.list, &old->shared.vm_set.list);
	TRACE_EXIT();
}

void vma_prio_tree_insert(struct vm_area_struct *vma, struct list_head *root)
{
	TRACE_ENTER("vma#%u", sim_id(vma));
	vma->shared.vm_set.parent = NULL;
	vma->shared.vm_set.head = NULL;
	list_add_tail(&vma->shared.vm_set.list, root);
	TRACE_EXIT();
}

void vma_prio_tree_remove(struct vm_area_struct *vma, struct list_head *root)
{
	TRACE_ENTER("vma#%u", sim_id(vma));
	(void)root;
	list_del_init(&vma->shared.vm_set.list);
	TRACE_EXIT();
}
