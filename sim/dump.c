// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dump.c - the sim's own views and the whole-machine check (sim only).
 * sim_dump_vmas, sim_dump_pagecache and sim_dump_objects print structures
 * no /proc file shows (`ipcs -m` is sim/ipcs.c, which both kernels share);
 * sim_check_all runs every invariant check after a step.
 * Tracing is switched off while a view runs, so a `show` adds no events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

static void dump_rb(rb_node_t *node, int depth, const char *side, FILE *out)
{
	struct vm_area_struct *vma;

	if (!node)
		return;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	fprintf(out, "  %*s%s vma#%u %08lx %s\n", 2 * depth, "", side,
		sim_id(vma), vma->vm_start,
		node->rb_color == RB_RED ? "red" : "black");
	dump_rb(node->rb_left, depth + 1, "L", out);
	dump_rb(node->rb_right, depth + 1, "R", out);
}

static int rb_height(rb_node_t *node)
{
	int l, r;

	if (!node)
		return 0;
	l = rb_height(node->rb_left);
	r = rb_height(node->rb_right);
	return 1 + (l > r ? l : r);
}

/* "present rw user accessed dirty": the bits of a pde or pte */
static const struct sim_bit_name pte_bits[] = {
	{ _PAGE_PRESENT, "present" }, { _PAGE_RW, "rw" },
	{ _PAGE_USER, "user" }, { _PAGE_ACCESSED, "accessed" },
	{ _PAGE_DIRTY, "dirty" }, { _PAGE_PROTNONE, "protnone" },
};

static void print_pte_bits(FILE *out, uint32_t v)
{
	sim_print_bits(out, v, pte_bits, ARRAY_SIZE(pte_bits), " ");
}

static void print_pte(FILE *out, unsigned long address, pte_t pte)
{
	if (pte_present(pte)) {
		fprintf(out, "    %08lx: %08x page#%lu (", address, pte.pte_low,
			pte_pfn(pte));
		print_pte_bits(out, pte.pte_low);
		fprintf(out, ")\n");
	} else {
		swp_entry_t e = { pte.pte_low };

		fprintf(out, "    %08lx: %08x swap entry: area %lu, slot %lu\n",
			address, pte.pte_low, SWP_TYPE(e), SWP_OFFSET(e));
	}
}

/*
 * sim: a task's page tables as the MMU walks them, in address order: each
 * page-directory entry in use, the page-table page it names, and every
 * pte in it that is not none (a frame with its bits, or a swap entry); a
 * table whose ptes are all none says so. First the mm's rss and the
 * task's fault counters. `show ptes NAME`; in gdb,
 * call sim_dump_ptes(current, stdout).
 */
void sim_dump_ptes(struct task_struct *tsk, FILE *out)
{
	struct mm_struct *mm = tsk->mm;
	unsigned long i, j, tables = 0;

	if (!mm || !mm->pgd) {
		fprintf(out, "no mm\n");
		return;
	}
	for (i = 0; i < (TASK_SIZE >> PGDIR_SHIFT); i++)
		tables += !pgd_none(mm->pgd[i]);
	fprintf(out, "mm#%u: pgd page#%lu, %lu page-table pages, rss %lu; "
		"min_flt %lu, maj_flt %lu\n", sim_id(mm),
		page_to_pfn(virt_to_page(mm->pgd)), tables, mm->rss,
		tsk->min_flt, tsk->maj_flt);
	for (i = 0; i < (TASK_SIZE >> PGDIR_SHIFT); i++) {
		pgd_t pgd = mm->pgd[i];
		pte_t *table;
		int used = 0;

		if (pgd_none(pgd))
			continue;
		table = page_address(pfn_to_page(pgd.pgd >> PAGE_SHIFT));
		for (j = 0; j < PTRS_PER_PTE; j++)
			used += !pte_none(table[j]);
		fprintf(out, "  pgd[%lu] %08lx-%08lx: %08x page table page#%u "
			"(", i, i << PGDIR_SHIFT, ((i + 1) << PGDIR_SHIFT) - 1,
			pgd.pgd, pgd.pgd >> PAGE_SHIFT);
		print_pte_bits(out, pgd.pgd);
		fprintf(out, ")%s\n", used ? "" : ", every pte none");
		for (j = 0; j < PTRS_PER_PTE; j++)
			if (!pte_none(table[j]))
				print_pte(out, (i << PGDIR_SHIFT) |
					  (j << PAGE_SHIFT), table[j]);
	}
}

/* The vma list in order, then the rb-tree's shape (pre-order). */
void sim_dump_vmas(struct mm_struct *mm, FILE *out)
{
	struct vm_area_struct *vma;

	if (!mm) {
		fprintf(out, "no mm\n");
		return;
	}
	fprintf(out, "mm#%u: map_count %d, total_vm %lu, rss %lu, "
		"mmap_cache %s", sim_id(mm), mm->map_count, mm->total_vm,
		mm->rss, mm->mmap_cache ? "vma#" : "NULL");
	if (mm->mmap_cache)
		fprintf(out, "%u", sim_id(mm->mmap_cache));
	fprintf(out, "\n");
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		fprintf(out, "  vma#%u %08lx-%08lx %c%c%c%c pgoff %lu "
			"vm_flags %#lx", sim_id(vma), vma->vm_start,
			vma->vm_end, vma->vm_flags & VM_READ ? 'r' : '-',
			vma->vm_flags & VM_WRITE ? 'w' : '-',
			vma->vm_flags & VM_EXEC ? 'x' : '-',
			vma->vm_flags & VM_MAYSHARE ? 's' : 'p', vma->vm_pgoff,
			vma->vm_flags);
		if (vma->vm_file)
			fprintf(out, " file#%u ino %lu", sim_id(vma->vm_file),
				vma->vm_file->f_dentry->d_inode->i_ino);
		fprintf(out, "%s\n", sim_is_shm_vma(vma) ? " shm" : "");
	}
	fprintf(out, "rb-tree: %d nodes, height %d, black height %d\n",
		mm->map_count, rb_height(mm->mm_rb.rb_node),
		rb_check(&mm->mm_rb));
	dump_rb(mm->mm_rb.rb_node, 0, "*", out);
}

static const struct sim_bit_name page_flags[] = {
	{ 1UL << PG_locked, "locked" }, { 1UL << PG_error, "error" },
	{ 1UL << PG_referenced, "referenced" },
	{ 1UL << PG_uptodate, "uptodate" }, { 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_lru, "lru" }, { 1UL << PG_active, "active" },
};

/* A segment's pages in index order. Returns -EINVAL for no such id. */
int sim_dump_pagecache(int shmid, FILE *out)
{
	struct sim_shm_info info;
	struct inode *inode;
	struct address_space *mapping;
	unsigned long idx, pages;

	if (!sim_shm_lookup(shmid, &info))
		return -EINVAL;
	inode = info.file->f_dentry->d_inode;
	mapping = inode->i_mapping;
	pages = (info.segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
	fprintf(out, "shmid %d: inode#%u, %lu pages, nrpages %lu, "
		"swapped %lu, i_blocks %lu\n", info.id, sim_id(inode), pages,
		mapping->nrpages, SHMEM_I(inode)->swapped, inode->i_blocks);
	fprintf(out, "  index  frame  count  list   flags\n");
	for (idx = 0; idx < pages; idx++) {
		struct list_head *heads[2] = { &mapping->clean_pages,
					       &mapping->dirty_pages };
		struct page *found = NULL;
		const char *list = "";
		int h;

		for (h = 0; h < 2 && !found; h++) {
			struct list_head *pos;

			list_for_each(pos, heads[h]) {
				struct page *p = list_entry(pos, struct page,
							    list);

				if (p->index == idx) {
					found = p;
					list = h ? "dirty" : "clean";
					break;
				}
			}
		}
		if (!found)
			continue;
		fprintf(out, "  %5lu  %5lu  %5d  %-5s  ", idx,
			page_to_pfn(found), page_count(found), list);
		sim_print_bits(out, found->flags, page_flags,
			       ARRAY_SIZE(page_flags), ",");
		fputc('\n', out);
	}
	return 0;
}

/* How many of each object kind are alive now. */
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
	fprintf(out, "%-16s %6d\n", "inode", inodes_stat.nr_inodes);
	fprintf(out, "%-16s %6d\n", "file",
		files_stat.nr_files - files_stat.nr_free_files);
	fprintf(out, "%-16s %6lu\n", "vm_area_struct",
		sim_cache_objs("vm_area_struct"));
	fprintf(out, "%-16s %6lu\n", "mm_struct", sim_cache_objs("mm_struct"));
	fprintf(out, "%-16s %6lu\n", "page", max_mapnr - nr_free_pages());
	fprintf(out, "%-16s %6d\n", "shmid_kernel", sim_shm_count());
	fprintf(out, "%-16s %6lu\n", "task_struct", tasks);
}

/* A present pte holds a reference to its frame. */
/* A page table's frame: one reference, its pgd entry's */
static int count_pgd_ref(void *arg, unsigned long address, pgd_t *pgd)
{
	(void)address;
	((int *)arg)[pgd->pgd >> PAGE_SHIFT]++;
	return 0;
}

static int count_pte_ref(void *arg, unsigned long address, pte_t *pte)
{
	int *refs = arg;

	(void)address;
	if (pte_present(*pte))
		refs[pte_pfn(*pte)]++;
	return 0;
}

/*
 * docs/invariants.md items 23 and 29: every frame's count is what the
 * structures holding it account for: the page cache (1), each pte mapping
 * it, a page table or page directory it is (1), a swap-vector page it is
 * (1).
 */
static int sim_page_check(char *why, size_t len)
{
	int *refs = calloc(max_mapnr, sizeof(int));
	struct list_head *pos;
	unsigned long pfn, used = 0;
	int ret = 0;

	if (!refs)
		return 0;	/* no memory to check with: not a kernel bug */
	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct mm_struct *mm = tsk->mm;

		if (!mm)
			continue;
		refs[page_to_pfn(virt_to_page(mm->pgd))]++;
		sim_walk_pgds(mm, count_pgd_ref, refs);
		sim_walk_ptes(mm, count_pte_ref, refs);
	}
	list_for_each(pos, &shmem_inodes) {
		struct shmem_inode_info *info;
		unsigned int k;

		info = list_entry(pos, struct shmem_inode_info, list);
		if (!info->i_indirect)
			continue;
		refs[page_to_pfn(virt_to_page(info->i_indirect))]++;
		for (k = 0; k < ENTRIES_PER_PAGE / 2; k++)
			if (info->i_indirect[k])
				refs[(info->i_indirect[k] - PAGE_OFFSET) >>
				     PAGE_SHIFT]++;
	}
	for (pfn = 0; pfn < max_mapnr; pfn++) {
		struct page *page = &mem_map[pfn];
		int expect = refs[pfn] + (page->mapping ? 1 : 0);

		if (page->count)
			used++;
		if (page->count != expect) {
			snprintf(why, len, "page-count: page#%lu count %d, "
				 "expected %d (%d mappings%s)", pfn,
				 page->count, expect, refs[pfn],
				 page->mapping ? " + page cache" : "");
			ret = 23;
			break;
		}
	}
	if (!ret && used + nr_free_pages() != max_mapnr) {
		snprintf(why, len, "page-total: %lu used + %lu free != %lu "
			 "frames", used, nr_free_pages(), max_mapnr);
		ret = 29;
	}
	free(refs);
	return ret;
}

static int check_all(char *why, size_t len)
{
	struct list_head *pos;
	int ret;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		if (tsk->mm && (ret = sim_mm_check(tsk->mm, why, len)))
			return ret;
	}
	ret = sim_shm_check(why, len);
	if (ret)
		return ret;
	ret = sim_vfs_check(why, len);
	if (ret)
		return ret;
	ret = sim_swap_check(why, len);
	if (ret)
		return ret;
	return sim_page_check(why, len);
}

/*
 * Every invariant of the machine; 0, or the first broken one in why.
 * The checks look things up through traced functions; they add no events.
 */
int sim_check_all(char *why, size_t len)
{
	int saved = sim_trace.enabled, ret;

	sim_trace.enabled = 0;
	ret = check_all(why, len);
	sim_trace.enabled = saved;
	return ret;
}
