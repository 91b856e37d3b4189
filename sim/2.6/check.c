// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/check.c - the whole-machine check of the 2.6.32 model (sim
 * only): sim_check_all, which `--check` runs after every statement and
 * the tests after their steps. docs/invariants.md, "Linux 2.6.32", lists
 * every item. Each area's check sits in the file whose state it reads, as
 * in the 2.4.16 model: sim_mm_check (mm/mm_check.c), sim_shm_check
 * (ipc/shm.c), sim_page_cache_check (mm/filemap.c), sim_page_alloc_check
 * (mm/page_alloc.c), sim_dcache_check (fs/dcache.c), sim_files_check
 * (fs/file_table.c), sim_fd_check (fs/file.c), sim_mnt_check
 * (fs/namespace.c). This file adds the one check no kernel file owns:
 * every frame's references against the structures that hold them (the
 * 2.4 model keeps it in sim/dump.c, beside its views).
 * Tracing is off while it runs: a check adds no event to the trace.
 */
#include <stdio.h>
#include <stdlib.h>

#include "linux/kernel.h"
#include "linux/dcache.h"
#include "linux/fs.h"
#include "linux/file.h"
#include "linux/mount.h"
#include "linux/mm.h"
#include "linux/pagemap.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"

/* per frame: what the page tables and the page cache hold on it */
struct page_refs {
	int *tables;		/* 1 for a pgd page, 1 for a pte page */
	int *ptes;		/* present ptes mapping it */
	int *cache;		/* 1 when in an inode's page cache */
	unsigned long pte_pages, cache_pages;
};

static int count_pte_page(void *arg, unsigned long address, pmd_t *pmd)
{
	struct page_refs *r = arg;

	(void)address;
	if (pfn_valid(pmd_pfn(*pmd)))	/* sim: a bad entry is not counted */
		r->tables[pmd_pfn(*pmd)]++;
	r->pte_pages++;
	return 0;
}

static int count_pte(void *arg, unsigned long address, pte_t *pte)
{
	struct page_refs *r = arg;

	(void)address;
	if (pte_present(*pte) && pfn_valid(pte_pfn(*pte)))
		r->ptes[pte_pfn(*pte)]++;
	return 0;
}

/* every task's page tables, then every inode's page cache */
static int gather_page_refs(struct page_refs *r, char *why, size_t len)
{
	struct list_head *pos;
	int ret;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		if (!tsk->mm || !tsk->mm->pgd)
			continue;
		r->tables[page_to_pfn(virt_to_page(tsk->mm->pgd))]++;
		sim_walk_pmds(tsk->mm, count_pte_page, r);
		sim_walk_ptes(tsk->mm, count_pte, r);
	}
	/* every inode of every superblock: segments and dev/zero alike */
	list_for_each(pos, &super_blocks) {
		struct super_block *sb = list_entry(pos, struct super_block,
						    s_list);
		struct list_head *ip;

		list_for_each(ip, &sb->s_inodes) {
			struct inode *inode = list_entry(ip, struct inode,
							 i_sb_list);
			struct address_space *mapping = inode->i_mapping;

			ret = sim_page_cache_check(mapping, r->cache, why,
						   len);
			if (ret)
				return ret;
			r->cache_pages += mapping->nrpages;
		}
	}
	return 0;
}

/* items 23 and 57: one frame's _count and _mapcount */
static int check_frame(struct page_refs *r, unsigned long pfn,
		       unsigned long *mapped, char *why, size_t len)
{
	struct page *page = pfn_to_page(pfn);
	int expect = r->tables[pfn] + r->ptes[pfn] + r->cache[pfn];

	if (page_count(page) != expect) {
		snprintf(why, len, "page-count: page#%lu _count %d, expected "
			 "%d (%d page-table, %d ptes, %d page cache)", pfn,
			 page_count(page), expect, r->tables[pfn],
			 r->ptes[pfn], r->cache[pfn]);
		return 23;
	}
	if (page_mapcount(page) != r->ptes[pfn]) {
		snprintf(why, len, "page-mapcount: page#%lu _mapcount %d, "
			 "%d ptes map it", pfn, page->_mapcount,
			 r->ptes[pfn]);
		return 57;
	}
	*mapped += r->cache[pfn] && page_mapped(page);
	return 0;
}

/* item 61: meminfo's counters against what the frames say */
static int check_vm_stat(struct page_refs *r, unsigned long mapped,
			 char *why, size_t len)
{
	unsigned long file = global_page_state(NR_FILE_PAGES);
	unsigned long shmem = global_page_state(NR_SHMEM);
	unsigned long fmapped = global_page_state(NR_FILE_MAPPED);
	unsigned long tables = global_page_state(NR_PAGETABLE);

	if (file != r->cache_pages || shmem != r->cache_pages ||
	    fmapped != mapped || tables != r->pte_pages) {
		snprintf(why, len, "vm_stat: NR_FILE_PAGES %lu, NR_SHMEM %lu "
			 "(page cache %lu); NR_FILE_MAPPED %lu (mapped %lu); "
			 "NR_PAGETABLE %lu (pte pages %lu)", file, shmem,
			 r->cache_pages, fmapped, mapped, tables,
			 r->pte_pages);
		return 61;
	}
	return 0;
}

/*
 * Items 58, 59 (per segment), then 23, 57 and 61: every frame's count is
 * the references the model's structures hold on it, as 2.6.32 keeps
 * them: 1 for a task's pgd page (pgd_alloc), 1 for a pte page (the pgd
 * entry, __pte_alloc), 1 for the page cache (add_to_page_cache_locked)
 * and 1 for each present pte (__do_fault hands its fault reference to
 * the pte); _mapcount + 1 is the number of those ptes.
 */
static int sim_page_check(char *why, size_t len)
{
	struct page_refs r = { NULL, NULL, NULL, 0, 0 };
	unsigned long pfn, mapped = 0;
	int ret = 0, ok;

	r.tables = calloc(max_mapnr, sizeof(int));
	r.ptes = calloc(max_mapnr, sizeof(int));
	r.cache = calloc(max_mapnr, sizeof(int));
	ok = r.tables && r.ptes && r.cache;	/* else: not a kernel bug */
	if (ok)
		ret = gather_page_refs(&r, why, len);
	for (pfn = 0; ok && !ret && pfn < max_mapnr; pfn++)
		ret = check_frame(&r, pfn, &mapped, why, len);
	if (ok && !ret)
		ret = check_vm_stat(&r, mapped, why, len);
	free(r.tables);
	free(r.ptes);
	free(r.cache);
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
	if (!ret)
		ret = sim_page_alloc_check(why, len);
	if (!ret)
		ret = sim_page_check(why, len);
	if (!ret)
		ret = sim_dcache_check(why, len);
	if (!ret)
		ret = sim_files_check(why, len);
	if (!ret)
		ret = sim_fd_check(why, len);
	if (!ret)
		ret = sim_mnt_check(why, len);
	return ret;
}

/*
 * Every invariant of the machine; 0, or the item number of the first
 * broken one, with "name: details" in why.
 */
int sim_check_all(char *why, size_t len)
{
	int saved = sim_trace.enabled, ret;

	sim_trace.enabled = 0;
	ret = check_all(why, len);
	sim_trace.enabled = saved;
	return ret;
}
