// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dump.c - the sim's own views of the 2.6.32 model (sim only),
 * in the 2.4.16 model's formats where the structures are the same:
 * sim_dump_ptes (a task's page tables), sim_dump_vmas (the vma list and
 * rb-tree, with free_area_cache and cached_hole_size, which steer the
 * top-down search), sim_dump_pagecache (a segment's pages through its
 * mapping's radix tree, with _count and _mapcount; 2.6 has no clean and
 * dirty page lists) and sim_dump_objects, which adds what 2.6 brings to
 * the shm path: a file per attach and its shm_file_data, the credentials,
 * and the idr and radix-tree nodes. `ipcs -m` is sim/ipcs.c (shared),
 * sim_dump_dcache is in sim/2.6/fs/dcache.c.
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/idr.h"
#include "linux/mm.h"
#include "linux/radix-tree.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/shm_views.h"

/* the bits of a pgd entry or a pte; 2.6.32's _PAGE_PROTNONE is bit 8 */
static const struct sim_bit_name pte_bits[] = {
	{ _PAGE_PRESENT, "present" }, { _PAGE_RW, "rw" },
	{ _PAGE_USER, "user" }, { _PAGE_ACCESSED, "accessed" },
	{ _PAGE_DIRTY, "dirty" }, { _PAGE_PROTNONE, "protnone" },
};

static void print_pte(FILE *out, unsigned long address, pte_t pte)
{
	fprintf(out, "    %08lx: %08x ", address, pte_val(pte));
	if (pte_present(pte))
		fprintf(out, "page#%lu (", pte_pfn(pte));
	else
		fprintf(out, "not present (");
	sim_print_bits(out, pte_val(pte), pte_bits, ARRAY_SIZE(pte_bits), " ");
	fprintf(out, ")\n");
}

/* one page-directory entry in use and the ptes of its table */
static void dump_pgd_entry(FILE *out, unsigned long i, pgd_t pgd)
{
	pte_t *table = page_address(pfn_to_page(pgd_val(pgd) >> PAGE_SHIFT));
	unsigned long j, used = 0;

	for (j = 0; j < PTRS_PER_PTE; j++)
		used += !pte_none(table[j]);
	fprintf(out, "  pgd[%lu] %08lx-%08lx: %08x page table page#%u (", i,
		i << PGDIR_SHIFT, ((i + 1) << PGDIR_SHIFT) - 1, pgd_val(pgd),
		pgd_val(pgd) >> PAGE_SHIFT);
	sim_print_bits(out, pgd_val(pgd), pte_bits, ARRAY_SIZE(pte_bits), " ");
	fprintf(out, ")%s\n", used ? "" : ", every pte none");
	for (j = 0; j < PTRS_PER_PTE; j++)
		if (!pte_none(table[j]))
			print_pte(out, (i << PGDIR_SHIFT) | (j << PAGE_SHIFT),
				  table[j]);
}

/*
 * sim: a task's page tables as the MMU walks them, in address order (the
 * pud and pmd levels are folded into the pgd on a two-level i386), after
 * the mm's rss counters and the task's fault counts. `show ptes NAME`; in
 * gdb, call sim_dump_ptes(current, stdout).
 */
void sim_dump_ptes(struct task_struct *tsk, FILE *out)
{
	struct mm_struct *mm = tsk->mm;
	unsigned long i, tables = 0;

	if (!mm || !mm->pgd) {
		fprintf(out, "no mm\n");
		return;
	}
	for (i = 0; i < USER_PTRS_PER_PGD; i++)
		tables += !pgd_none(mm->pgd[i]);
	fprintf(out, "mm#%u: pgd page#%lu, %lu page-table pages (nr_ptes "
		"%lu), file_rss %lu, anon_rss %lu; min_flt %lu, maj_flt %lu\n",
		sim_id(mm), page_to_pfn(virt_to_page(mm->pgd)), tables,
		mm->nr_ptes, get_mm_counter(mm, file_rss),
		get_mm_counter(mm, anon_rss), tsk->min_flt, tsk->maj_flt);
	for (i = 0; i < USER_PTRS_PER_PGD; i++)
		if (!pgd_none(mm->pgd[i]))
			dump_pgd_entry(out, i, mm->pgd[i]);
}

/* the rb-tree in pre-order, two spaces a level */
static void dump_rb(FILE *out, struct rb_node *node, int depth,
		    const char *side)
{
	struct vm_area_struct *vma;

	if (!node)
		return;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	fprintf(out, "  %*s%s vma#%u %08lx %s\n", 2 * depth, "", side,
		sim_id(vma), vma->vm_start, rb_is_red(node) ? "red" : "black");
	dump_rb(out, node->rb_left, depth + 1, "L");
	dump_rb(out, node->rb_right, depth + 1, "R");
}

static int rb_height(const struct rb_node *node)
{
	int l, r;

	if (!node)
		return 0;
	l = rb_height(node->rb_left);
	r = rb_height(node->rb_right);
	return 1 + (l > r ? l : r);
}

/* black nodes on the leftmost path: the same on every path when valid */
static int black_height(const struct rb_node *node)
{
	int n = 0;

	for (; node; node = node->rb_left)
		n += rb_is_black(node);
	return n;
}

static void dump_vma(FILE *out, struct vm_area_struct *vma)
{
	struct sim_shm_info info;

	fprintf(out, "  vma#%u %08lx-%08lx %c%c%c%c pgoff %lu vm_flags %#lx",
		sim_id(vma), vma->vm_start, vma->vm_end,
		vma->vm_flags & VM_READ ? 'r' : '-',
		vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-',
		vma->vm_flags & VM_MAYSHARE ? 's' : 'p', vma->vm_pgoff,
		vma->vm_flags);
	if (vma->vm_file)
		fprintf(out, " file#%u ino %lu", sim_id(vma->vm_file),
			vma->vm_file->f_path.dentry->d_inode->i_ino);
	if (!sim_is_shm_vma(vma)) {
		fprintf(out, "\n");
		return;
	}
	/* the vma's file is the attach's own; the segment keeps another */
	if (sim_shm_lookup((int)vma->vm_file->f_path.dentry->d_inode->i_ino,
			   &info))
		fprintf(out, " shm (segment file#%u)\n", sim_id(info.file));
	else
		fprintf(out, " shm (segment removed)\n");
}

/* The vma list in order, then the rb-tree's shape; `show vmas NAME`. */
void sim_dump_vmas(struct mm_struct *mm, FILE *out)
{
	struct vm_area_struct *vma;

	if (!mm) {
		fprintf(out, "no mm\n");
		return;
	}
	fprintf(out, "mm#%u: map_count %d, total_vm %lu, file_rss %lu, "
		"anon_rss %lu, mmap_cache ", sim_id(mm), mm->map_count,
		mm->total_vm, get_mm_counter(mm, file_rss),
		get_mm_counter(mm, anon_rss));
	if (mm->mmap_cache)
		fprintf(out, "vma#%u", sim_id(mm->mmap_cache));
	else
		fprintf(out, "NULL");
	/* ~0UL ("no hole seen yet") is 0xffffffff on i386 */
	fprintf(out, "\n  mmap_base %#lx, free_area_cache %#lx, "
		"cached_hole_size %#lx\n", mm->mmap_base, mm->free_area_cache,
		mm->cached_hole_size & 0xffffffffUL);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		dump_vma(out, vma);
	fprintf(out, "rb-tree: %d nodes, height %d, black height %d\n",
		mm->map_count, rb_height(mm->mm_rb.rb_node),
		black_height(mm->mm_rb.rb_node));
	dump_rb(out, mm->mm_rb.rb_node, 0, "*");
}

static const struct sim_bit_name page_flags[] = {
	{ 1UL << PG_locked, "locked" }, { 1UL << PG_error, "error" },
	{ 1UL << PG_referenced, "referenced" },
	{ 1UL << PG_uptodate, "uptodate" }, { 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_lru, "lru" }, { 1UL << PG_active, "active" },
	{ 1UL << PG_swapcache, "swapcache" },
	{ 1UL << PG_swapbacked, "swapbacked" },
	{ 1UL << PG_unevictable, "unevictable" },
	{ 1UL << PG_mlocked, "mlocked" },
};

/*
 * A segment's pages in index order, as find_get_page finds them: through
 * the radix tree of its mapping. Returns -EINVAL for no such id.
 */
int sim_dump_pagecache(int shmid, FILE *out)
{
	struct sim_shm_info info;
	struct inode *inode;
	struct address_space *mapping;
	unsigned long pages, next = 0;
	struct page *batch[16];
	unsigned int n, i;

	if (!sim_shm_lookup(shmid, &info))
		return -EINVAL;
	inode = info.file->f_path.dentry->d_inode;
	mapping = inode->i_mapping;
	pages = (info.segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
	fprintf(out, "shmid %d: inode#%u, %lu pages, nrpages %lu, "
		"alloced %lu, swapped %lu, i_blocks %lu\n", info.id,
		sim_id(inode), pages, mapping->nrpages,
		SHMEM_I(inode)->alloced, SHMEM_I(inode)->swapped,
		(unsigned long)inode->i_blocks);
	fprintf(out, "  index  frame  _count  _mapcount  flags\n");
	while ((n = radix_tree_gang_lookup(&mapping->page_tree,
					   (void **)batch, next,
					   ARRAY_SIZE(batch))) > 0) {
		for (i = 0; i < n; i++) {
			fprintf(out, "  %5lu  %5lu  %6d  %9d  ",
				batch[i]->index, page_to_pfn(batch[i]),
				page_count(batch[i]), batch[i]->_mapcount);
			sim_print_bits(out, batch[i]->flags, page_flags,
				       ARRAY_SIZE(page_flags), ",");
			fputc('\n', out);
		}
		next = batch[n - 1]->index + 1;
	}
	return 0;
}

void sim_dump_objects(FILE *out)
{
	struct list_head *pos;
	unsigned long sbs = 0, tasks = 0;

	list_for_each(pos, &super_blocks)
		sbs++;
	list_for_each(pos, &sim_tasks)
		tasks++;
	fprintf(out, "%-16s %6lu\n", "super_block", sbs);
	fprintf(out, "%-16s %6lu\n", "vfsmount", sim_cache_objs("mnt_cache"));
	fprintf(out, "%-16s %6d\n", "dentry", dentry_stat.nr_dentry);
	fprintf(out, "%-16s %6lu\n", "inode", sim_cache_objs("inode_cache") +
		sim_cache_objs("shmem_inode_cache"));
	fprintf(out, "%-16s %6lu\n", "file", sim_cache_objs("filp"));
	fprintf(out, "%-16s %6lu\n", "vm_area_struct",
		sim_cache_objs("vm_area_struct"));
	fprintf(out, "%-16s %6lu\n", "mm_struct", sim_cache_objs("mm_struct"));
	fprintf(out, "%-16s %6lu\n", "page",
		totalram_pages - nr_free_pages());
	fprintf(out, "%-16s %6d\n", "shmid_kernel", sim_shm_count());
	fprintf(out, "%-16s %6d\n", "shm_file_data",
		sim_shm_file_data_count());
	fprintf(out, "%-16s %6lu\n", "task_struct", tasks);
	fprintf(out, "%-16s %6lu\n", "cred", sim_cache_objs("cred_jar"));
	fprintf(out, "%-16s %6d\n", "idr_layer", sim_idr_layers_live());
	fprintf(out, "%-16s %6d\n", "radix_tree_node",
		sim_radix_tree_nodes_live());
}
