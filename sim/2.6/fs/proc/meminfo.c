// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/proc/meminfo.c - /proc/meminfo.
 * Models fs/proc/meminfo.c (2.6.32): meminfo_proc_show, with what
 *   mm/hugetlb.c's hugetlb_report_meminfo and arch/x86/mm/pageattr.c's
 *   arch_report_meminfo append, for an i386 build without HIGHMEM (every
 *   frame of the model is low memory) and without PAE.
 * What changed since 2.4.16: no "total: used: free:" table; every line is
 *   a tag padded to 16 columns; Shmem (NR_SHMEM, new in 2.6.32) counts the
 *   tmpfs and SysV pages, which also count in Cached; shmem pages sit on
 *   the anon LRU lists, so Active(anon)/Inactive(anon) grow with them;
 *   Committed_AS grows with every segment (shmem_acct_size).
 * sim: the slab, kernel stack and vmalloc figures are 0 or their empty
 *   values (the model's objects live outside the arena), VmallocTotal is
 *   that of the layout below, there is no swap yet, and DirectMap counts
 *   the arena as 4 KiB mappings. meminfo_read_proc, last, is the name the
 *   runner knows the view by.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/shmem_fs.h"
#include "sim/proc.h"

/* arch/x86: the vmalloc area after low memory, 8 MiB above it */
#define VMALLOC_OFFSET	(8UL << 20)
#define SIM_VMALLOC_END	0xff7fe000UL	/* PKMAP_BASE - 2 pages, typical */
#define THREAD_SIZE	8192
#define HPAGE_SHIFT	22		/* 4 MiB pages without PAE */

static const int sysctl_overcommit_ratio = 50;

static void meminfo_proc_show(FILE *m)
{
	unsigned long totalram = totalram_pages, freeram = nr_free_pages();
	unsigned long committed, allowed, pages[NR_LRU_LISTS];
	unsigned long vmalloc_start, vmalloc_total;
	long cached;
	int lru;

#define K(x) ((unsigned long)(x) << (PAGE_SHIFT - 10))
	committed = vm_committed_as > 0 ? (unsigned long)vm_committed_as : 0;
	allowed = totalram * sysctl_overcommit_ratio / 100;	/* no swap */
	cached = global_page_state(NR_FILE_PAGES);	/* no swap cache */
	if (cached < 0)
		cached = 0;
	for (lru = LRU_BASE; lru < NR_LRU_LISTS; lru++)
		pages[lru] = global_page_state(NR_LRU_BASE + lru);
	vmalloc_start = (PAGE_OFFSET + (totalram << PAGE_SHIFT) +
			 VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1);
	vmalloc_total = SIM_VMALLOC_END - vmalloc_start;

	fprintf(m,
		"MemTotal:       %8lu kB\n"
		"MemFree:        %8lu kB\n"
		"Buffers:        %8lu kB\n"
		"Cached:         %8lu kB\n"
		"SwapCached:     %8lu kB\n"
		"Active:         %8lu kB\n"
		"Inactive:       %8lu kB\n"
		"Active(anon):   %8lu kB\n"
		"Inactive(anon): %8lu kB\n"
		"Active(file):   %8lu kB\n"
		"Inactive(file): %8lu kB\n"
		"Unevictable:    %8lu kB\n"
		"Mlocked:        %8lu kB\n"
		"SwapTotal:      %8lu kB\n"
		"SwapFree:       %8lu kB\n"
		"Dirty:          %8lu kB\n"
		"Writeback:      %8lu kB\n"
		"AnonPages:      %8lu kB\n"
		"Mapped:         %8lu kB\n"
		"Shmem:          %8lu kB\n"
		"Slab:           %8lu kB\n"
		"SReclaimable:   %8lu kB\n"
		"SUnreclaim:     %8lu kB\n"
		"KernelStack:    %8lu kB\n"
		"PageTables:     %8lu kB\n"
		"NFS_Unstable:   %8lu kB\n"
		"Bounce:         %8lu kB\n"
		"WritebackTmp:   %8lu kB\n"
		"CommitLimit:    %8lu kB\n"
		"Committed_AS:   %8lu kB\n"
		"VmallocTotal:   %8lu kB\n"
		"VmallocUsed:    %8lu kB\n"
		"VmallocChunk:   %8lu kB\n",
		K(totalram), K(freeram), K(0UL), K(cached), K(0UL),
		K(pages[LRU_ACTIVE_ANON] + pages[LRU_ACTIVE_FILE]),
		K(pages[LRU_INACTIVE_ANON] + pages[LRU_INACTIVE_FILE]),
		K(pages[LRU_ACTIVE_ANON]), K(pages[LRU_INACTIVE_ANON]),
		K(pages[LRU_ACTIVE_FILE]), K(pages[LRU_INACTIVE_FILE]),
		K(pages[LRU_UNEVICTABLE]), K(global_page_state(NR_MLOCK)),
		K(0UL), K(0UL),
		K(global_page_state(NR_FILE_DIRTY)),
		K(global_page_state(NR_WRITEBACK)),
		K(global_page_state(NR_ANON_PAGES)),
		K(global_page_state(NR_FILE_MAPPED)),
		K(global_page_state(NR_SHMEM)),
		K(global_page_state(NR_SLAB_RECLAIMABLE) +
		  global_page_state(NR_SLAB_UNRECLAIMABLE)),
		K(global_page_state(NR_SLAB_RECLAIMABLE)),
		K(global_page_state(NR_SLAB_UNRECLAIMABLE)),
		global_page_state(NR_KERNEL_STACK) * THREAD_SIZE / 1024,
		K(global_page_state(NR_PAGETABLE)),
		K(global_page_state(NR_UNSTABLE_NFS)),
		K(global_page_state(NR_BOUNCE)),
		K(global_page_state(NR_WRITEBACK_TEMP)),
		K(allowed), K(committed),
		vmalloc_total >> 10, 0UL, vmalloc_total >> 10);
	/* hugetlb_report_meminfo: no huge pages reserved */
	fprintf(m,
		"HugePages_Total:   %5lu\n"
		"HugePages_Free:    %5lu\n"
		"HugePages_Rsvd:    %5lu\n"
		"HugePages_Surp:    %5lu\n"
		"Hugepagesize:   %8lu kB\n",
		0UL, 0UL, 0UL, 0UL, 1UL << (HPAGE_SHIFT - 10));
	/* arch_report_meminfo */
	fprintf(m, "DirectMap4k:    %8lu kB\n", K(totalram));
	fprintf(m, "DirectMap4M:    %8lu kB\n", 0UL);
#undef K
}

/* sim: the view's name in the runner (2.4.16's meminfo_read_proc) */
void meminfo_read_proc(FILE *out)
{
	meminfo_proc_show(out);
}
