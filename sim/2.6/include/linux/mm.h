/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/mm.h - pages, vmas, faults and the zone counters.
 * Models include/linux/mm.h (2.6.32) and the pieces of page-flags.h,
 * mmzone.h, vmstat.h, gfp.h, rmap.h and security.h the shm path needs:
 * the VM_* flags, vm_operations_struct and struct vm_fault, the PG_* bits
 * and their PageX/SetPageX/ClearPageX helpers, the page reference helpers,
 * struct page <-> frame number <-> arena address, mk_pte and
 * pte_offset_map, and the zone counters behind /proc/meminfo.
 * sim: one memory zone (all RAM is ZONE_NORMAL); its counters are the
 *   global vm_stat[], so zone_page_state and global_page_state agree.
 * sim: no per-CPU page lists or pagevecs; no locks; counts are plain ints.
 * Declares the functions of sim/2.6/mm/{page_alloc,swap,rmap,prio_tree,
 * mmap,memory}.c and sim/2.6/arch/x86/mm/{mmap,fault,pgtable}.c.
 */
#ifndef _SIM26_LINUX_MM_H
#define _SIM26_LINUX_MM_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/slab.h"
#include "linux/mm_types.h"
#include "linux/mman.h"
#include "asm/pgtable.h"
#include "sim/trace.h"

struct file;
struct task_struct;

/* vm_flags */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010	/* what mprotect may add */
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100
#define VM_GROWSUP	0x00000000	/* i386 stacks grow down only */
#define VM_PFNMAP	0x00000400
#define VM_DENYWRITE	0x00000800
#define VM_EXECUTABLE	0x00001000
#define VM_LOCKED	0x00002000
#define VM_IO		0x00004000
#define VM_SEQ_READ	0x00008000
#define VM_RAND_READ	0x00010000
#define VM_DONTCOPY	0x00020000
#define VM_DONTEXPAND	0x00040000
#define VM_RESERVED	0x00080000
#define VM_ACCOUNT	0x00100000
#define VM_NORESERVE	0x00200000
#define VM_HUGETLB	0x00400000
#define VM_NONLINEAR	0x00800000
#define VM_MAPPED_COPY	0x01000000
#define VM_INSERTPAGE	0x02000000
#define VM_ALWAYSDUMP	0x04000000
#define VM_CAN_NONLINEAR 0x08000000	/* has ->fault, may go nonlinear */
#define VM_MIXEDMAP	0x10000000
#define VM_SAO		0x20000000
#define VM_PFN_AT_MMAP	0x40000000
#define VM_MERGEABLE	0x80000000

/* arch/x86/include/asm/page_types.h: i386 data and stack default flags */
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_EXEC | \
				 VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_DEFAULT_FLAGS	VM_DATA_DEFAULT_FLAGS
#define VM_STACK_FLAGS	(VM_GROWSDOWN | VM_STACK_DEFAULT_FLAGS | VM_ACCOUNT)
/* no merging, no mremap expansion, no ordinary pages behind them */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_RESERVED | VM_PFNMAP)

/* what a fault was: vm_fault.flags */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_NONLINEAR	0x02
#define FAULT_FLAG_MKWRITE	0x04

/* what handle_mm_fault and ->fault return, or-ed */
#define VM_FAULT_MINOR	0
#define VM_FAULT_OOM	0x0001
#define VM_FAULT_SIGBUS	0x0002
#define VM_FAULT_MAJOR	0x0004
#define VM_FAULT_WRITE	0x0008
#define VM_FAULT_HWPOISON 0x0010
#define VM_FAULT_NOPAGE	0x0100	/* ->fault set the pte itself */
#define VM_FAULT_LOCKED	0x0200	/* ->fault returns the page locked */
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_HWPOISON)

/* what __do_fault asks ->fault for, and gets back in page */
struct vm_fault {
	unsigned int flags;		/* FAULT_FLAG_* */
	pgoff_t pgoff;			/* the page's offset in the object */
	void *virtual_address;		/* the faulting user address */
	struct page *page;		/* ->fault's result, referenced */
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*fault)(struct vm_area_struct *vma, struct vm_fault *vmf);
	int (*page_mkwrite)(struct vm_area_struct *vma, struct vm_fault *vmf);
};

/* include/linux/page-flags.h (2.6.32, i386 flatmem: extended flags) */
enum pageflags {
	PG_locked,		/* 0: under I/O or being set up */
	PG_error,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,			/* 5: on a zone LRU list */
	PG_active,
	PG_slab,
	PG_owner_priv_1,
	PG_arch_1,
	PG_reserved,		/* 10 */
	PG_private,
	PG_private_2,
	PG_writeback,
	PG_head,
	PG_tail,		/* 15 */
	PG_swapcache,
	PG_mappedtodisk,
	PG_reclaim,
	PG_buddy,
	PG_swapbacked,		/* 20: backed by RAM or swap (shmem) */
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS,
	PG_checked = PG_owner_priv_1,
};

/*
 * PageX, SetPageX, ClearPageX, __SetPageX, __ClearPageX, TestClearPageX,
 * TestSetPageX: generated as the kernel's PAGEFLAG() does, as functions.
 */
#define SIM_PAGEFLAG_TEST(uname, lname) \
static inline int Page##uname(const struct page *page) \
{ return (int)((page->flags >> PG_##lname) & 1UL); }
#define SIM_PAGEFLAG_SET(uname, lname) \
static inline void SetPage##uname(struct page *page) \
{ page->flags |= 1UL << PG_##lname; } \
static inline void __SetPage##uname(struct page *page) \
{ page->flags |= 1UL << PG_##lname; }
#define SIM_PAGEFLAG_CLEAR(uname, lname) \
static inline void ClearPage##uname(struct page *page) \
{ page->flags &= ~(1UL << PG_##lname); } \
static inline void __ClearPage##uname(struct page *page) \
{ page->flags &= ~(1UL << PG_##lname); }
#define SIM_PAGEFLAG_TESTOPS(uname, lname) \
static inline int TestSetPage##uname(struct page *page) \
{ int old = Page##uname(page); SetPage##uname(page); return old; } \
static inline int TestClearPage##uname(struct page *page) \
{ int old = Page##uname(page); ClearPage##uname(page); return old; }
#define SIM_PAGEFLAG(uname, lname) \
	SIM_PAGEFLAG_TEST(uname, lname) \
	SIM_PAGEFLAG_SET(uname, lname) \
	SIM_PAGEFLAG_CLEAR(uname, lname) \
	SIM_PAGEFLAG_TESTOPS(uname, lname)

SIM_PAGEFLAG(Locked, locked)
SIM_PAGEFLAG(Error, error)
SIM_PAGEFLAG(Referenced, referenced)
SIM_PAGEFLAG(Dirty, dirty)
SIM_PAGEFLAG(LRU, lru)
SIM_PAGEFLAG(Active, active)
SIM_PAGEFLAG(Slab, slab)
SIM_PAGEFLAG(Checked, checked)
SIM_PAGEFLAG(Reserved, reserved)
SIM_PAGEFLAG(Private, private)
SIM_PAGEFLAG(Writeback, writeback)
SIM_PAGEFLAG(SwapCache, swapcache)
SIM_PAGEFLAG(MappedToDisk, mappedtodisk)
SIM_PAGEFLAG(Reclaim, reclaim)
SIM_PAGEFLAG(Buddy, buddy)
SIM_PAGEFLAG(SwapBacked, swapbacked)
SIM_PAGEFLAG(Unevictable, unevictable)
SIM_PAGEFLAG(Mlocked, mlocked)

/* PG_uptodate is set only once the contents are there (sim: no barrier) */
static inline int PageUptodate(const struct page *page)
{
	return (int)((page->flags >> PG_uptodate) & 1UL);
}

static inline void SetPageUptodate(struct page *page)
{
	page->flags |= 1UL << PG_uptodate;
}

static inline void __SetPageUptodate(struct page *page)
{
	page->flags |= 1UL << PG_uptodate;
}

static inline void ClearPageUptodate(struct page *page)
{
	page->flags &= ~(1UL << PG_uptodate);
}

/* include/linux/mm.h: PageAnon: mapping's low bit marks an anon_vma */
#define PAGE_MAPPING_ANON	1
static inline int PageAnon(const struct page *page)
{
	return ((unsigned long)page->mapping & PAGE_MAPPING_ANON) != 0;
}

/* the reference count */
static inline int page_count(const struct page *page)
{
	return page->_count;
}

static inline void get_page(struct page *page)
{
	BUG_ON(page->_count <= 0);
	page->_count++;
}

/* true when this put dropped the last reference */
static inline int put_page_testzero(struct page *page)
{
	BUG_ON(page->_count <= 0);
	return --page->_count == 0;
}

static inline void init_page_count(struct page *page)
{
	page->_count = 1;
}

/* the pte count: -1 based, as page_mapcount reads it */
static inline void reset_page_mapcount(struct page *page)
{
	page->_mapcount = -1;
}

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

static inline int page_mapped(const struct page *page)
{
	return page->_mapcount >= 0;
}

/* include/linux/pagemap.h's names for the page cache's references */
#define page_cache_get(page)		get_page(page)
#define page_cache_release(page)	put_page(page)

/* frames: mem_map is one struct page per frame of the arena */
extern struct page *mem_map;
extern unsigned long max_mapnr;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline int pfn_valid(unsigned long pfn)
{
	return pfn < max_mapnr;
}

/* sim: a kernel address is the frame's address in the arena */
static inline void *page_address(const struct page *page)
{
	return page->virtual;
}

static inline struct page *virt_to_page(const void *kaddr)
{
	return mem_map + (((const char *)kaddr -
			   (const char *)mem_map[0].virtual) >> PAGE_SHIFT);
}

static inline void clear_highpage(struct page *page)
{
	__builtin_memset(page_address(page), 0, PAGE_SIZE);
}

#define clear_user_highpage(page, vaddr)	clear_highpage(page)

/* asm/pgtable.h's, needing struct page */
static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

static inline struct page *pte_page(pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static inline struct page *pmd_page(pmd_t pmd)
{
	return pfn_to_page(pmd_pfn(pmd));
}

/* the pte for address inside the table the pmd points to */
static inline pte_t *pte_offset_map(pmd_t *pmd, unsigned long address)
{
	return (pte_t *)page_address(pmd_page(*pmd)) + pte_index(address);
}

#define pte_offset_kernel(pmd, address)	pte_offset_map(pmd, address)
#define pte_unmap(pte)			((void)(pte))	/* no highmem */

/* include/linux/mmzone.h: the LRU lists and the zone counters */
#define LRU_BASE	0
#define LRU_ACTIVE	1
#define LRU_FILE	2

enum lru_list {
	LRU_INACTIVE_ANON = LRU_BASE,
	LRU_ACTIVE_ANON = LRU_BASE + LRU_ACTIVE,
	LRU_INACTIVE_FILE = LRU_BASE + LRU_FILE,
	LRU_ACTIVE_FILE = LRU_BASE + LRU_FILE + LRU_ACTIVE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};

enum zone_stat_item {
	NR_FREE_PAGES,
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE,	/* in the order of enum lru_list */
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_MLOCK,
	NR_ANON_PAGES,		/* anonymous pages mapped by ptes */
	NR_FILE_MAPPED,		/* page-cache pages mapped by ptes */
	NR_FILE_PAGES,		/* page-cache pages, shmem's included */
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_PAGETABLE,		/* pte pages */
	NR_KERNEL_STACK,
	NR_UNSTABLE_NFS,
	NR_BOUNCE,
	NR_VMSCAN_WRITE,
	NR_WRITEBACK_TEMP,
	NR_ISOLATED_ANON,
	NR_ISOLATED_FILE,
	NR_SHMEM,		/* shmem and tmpfs page-cache pages */
	NR_VM_ZONE_STAT_ITEMS
};

struct zone_lru {
	struct list_head list;
};

/* sim: the one zone; its counters are vm_stat[] */
struct zone {
	const char *name;
	struct zone_lru lru[NR_LRU_LISTS];
	unsigned long present_pages;
};

extern struct zone sim_zone_normal;	/* sim/2.6/mm/page_alloc.c */
extern long vm_stat[NR_VM_ZONE_STAT_ITEMS];

static inline struct zone *page_zone(const struct page *page)
{
	(void)page;
	return &sim_zone_normal;
}

/* include/linux/vmstat.h, mm/vmstat.c (sim: no per-CPU deltas) */
static inline unsigned long global_page_state(enum zone_stat_item item)
{
	long x = vm_stat[item];

	return x < 0 ? 0 : (unsigned long)x;
}

static inline unsigned long zone_page_state(struct zone *zone,
					    enum zone_stat_item item)
{
	(void)zone;
	return global_page_state(item);
}

static inline void __mod_zone_page_state(struct zone *zone,
					 enum zone_stat_item item, int delta)
{
	(void)zone;
	vm_stat[item] += delta;
}

static inline void __inc_zone_page_state(struct page *page,
					 enum zone_stat_item item)
{
	__mod_zone_page_state(page_zone(page), item, 1);
}

static inline void __dec_zone_page_state(struct page *page,
					 enum zone_stat_item item)
{
	__mod_zone_page_state(page_zone(page), item, -1);
}

#define inc_zone_page_state(page, item)	__inc_zone_page_state(page, item)
#define dec_zone_page_state(page, item)	__dec_zone_page_state(page, item)
#define mod_zone_page_state(zone, item, d) \
	__mod_zone_page_state(zone, item, d)

/* sim/2.6/mm/page_alloc.c (mm/page_alloc.c) */
extern unsigned long totalram_pages;
int sim_mem_init(unsigned long ram_bytes);
void sim_mem_exit(void);
int sim_page_alloc_check(char *why, size_t len);	/* sim: the checks */
/* sim: one node, one zone: no zonelist, no nodemask */
struct page *__alloc_pages_nodemask(gfp_t gfp_mask, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
void free_hot_page(struct page *page);

/* include/linux/swap.h's macro nr_free_pages, as a function */
static inline unsigned long nr_free_pages(void)
{
	return global_page_state(NR_FREE_PAGES);
}

static inline struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	return __alloc_pages_nodemask(gfp_mask, order);
}

static inline struct page *alloc_page(gfp_t gfp_mask)
{
	return alloc_pages(gfp_mask, 0);
}

#define __get_free_page(gfp_mask)	__get_free_pages((gfp_mask), 0)
#define __free_page(page)		__free_pages((page), 0)
#define free_page(addr)			free_pages((addr), 0)

/* sim: trace a page result as page#PFN, NULL or -ERRNO */
struct page *sim_trace_ret_page(const char *func, struct page *page)
	SIM_TRACE_COLD;
#if SIM_TRACE_COMPILED
#define TRACE_RET_PAGE(p) \
	SIM_TRACE_RETURN(struct page *, p, sim_trace_ret_page)
#else
#define TRACE_RET_PAGE(p)	(p)
#endif

/* sim/2.6/mm/swap.c (mm/swap.c); the LRU adders are in linux/swap.h */
void put_page(struct page *page);
void mark_page_accessed(struct page *page);

/* sim/2.6/mm/page-writeback.c (mm/page-writeback.c) */
int set_page_dirty(struct page *page);

/* sim/2.6/mm/rmap.c (mm/rmap.c; include/linux/rmap.h) */
void page_add_file_rmap(struct page *page);
void page_remove_rmap(struct page *page);

/* sim/2.6/mm/prio_tree.c (mm/prio_tree.c): root is mapping->i_mmap */
void vma_prio_tree_add(struct vm_area_struct *vma,
		       struct vm_area_struct *old);
void vma_prio_tree_insert(struct vm_area_struct *vma, struct list_head *root);
void vma_prio_tree_remove(struct vm_area_struct *vma, struct list_head *root);

/* sim/2.6/mm/mmap.c (mm/mmap.c) */
extern int sysctl_max_map_count;
extern kmem_cache_t *vm_area_cachep;	/* kernel/fork.c: proc_caches_init */
pgprot_t vm_get_page_prot(unsigned long vm_flags);
void vm_stat_account(struct mm_struct *mm, unsigned long flags,
		     struct file *file, long pages);
int vma_wants_writenotify(struct vm_area_struct *vma);
void unlink_file_vma(struct vm_area_struct *vma);
void __vma_link_rb(struct mm_struct *mm, struct vm_area_struct *vma,
		   struct rb_node **rb_link, struct rb_node *rb_parent);
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 pgoff_t pgoff, void *policy);
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flags, unsigned long pgoff);
unsigned long mmap_region(struct file *file, unsigned long addr,
			  unsigned long len, unsigned long flags,
			  unsigned int vm_flags, unsigned long pgoff);
unsigned long arch_get_unmapped_area(struct file *filp, unsigned long addr,
				     unsigned long len, unsigned long pgoff,
				     unsigned long flags);
void arch_unmap_area(struct mm_struct *mm, unsigned long addr);
unsigned long arch_get_unmapped_area_topdown(struct file *filp,
					     unsigned long addr0,
					     unsigned long len,
					     unsigned long pgoff,
					     unsigned long flags);
void arch_unmap_area_topdown(struct mm_struct *mm, unsigned long addr);
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
				     unsigned long addr,
				     struct vm_area_struct **pprev);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
long sys_munmap(unsigned long addr, size_t len);
void exit_mmap(struct mm_struct *mm);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
int may_expand_vm(struct mm_struct *mm, unsigned long npages);

/* sim/2.6/mm/util.c (mm/util.c): i386's mmap2 is sys_mmap_pgoff there */
unsigned long sys_mmap_pgoff(unsigned long addr, unsigned long len,
			     unsigned long prot, unsigned long flags,
			     unsigned long fd, unsigned long pgoff);
#define sys_mmap2	sys_mmap_pgoff

/* sim/2.6/mm/mprotect.c (mm/mprotect.c) */
int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
		   unsigned long start, unsigned long end,
		   unsigned long newflags);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* include/linux/mm.h: the first vma overlapping [start, end), or NULL */
static inline struct vm_area_struct *
find_vma_intersection(struct mm_struct *mm, unsigned long start_addr,
		      unsigned long end_addr)
{
	struct vm_area_struct *vma = find_vma(mm, start_addr);

	if (vma && end_addr <= vma->vm_start)
		vma = NULL;
	return vma;
}

/* include/linux/mm.h: do_mmap checks the byte offset, then maps pages */
static inline unsigned long do_mmap(struct file *file, unsigned long addr,
				    unsigned long len, unsigned long prot,
				    unsigned long flag, unsigned long offset)
{
	unsigned long ret = (unsigned long)-EINVAL;

	if ((offset + PAGE_ALIGN(len)) < offset)
		goto out;
	if (!(offset & ~PAGE_MASK))
		ret = do_mmap_pgoff(file, addr, len, prot, flag,
				    offset >> PAGE_SHIFT);
out:
	return ret;
}

/* include/linux/security.h without CONFIG_SECURITY: the capability check */
extern unsigned long mmap_min_addr;		/* security/min_addr.c */
extern unsigned long dac_mmap_min_addr;
int cap_file_mmap(struct file *file, unsigned long reqprot,
		  unsigned long prot, unsigned long flags,
		  unsigned long addr, unsigned long addr_only);
static inline int security_file_mmap(struct file *file, unsigned long reqprot,
				     unsigned long prot, unsigned long flags,
				     unsigned long addr,
				     unsigned long addr_only)
{
	return cap_file_mmap(file, reqprot, prot, flags, addr, addr_only);
}

/* the Committed_AS charge: __vm_enough_memory with current's CAP_SYS_ADMIN */
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin);
int cap_vm_enough_memory(struct mm_struct *mm, long pages);

/* sim: macros, as current (linux/sched.h) is not declared here */
#define security_vm_enough_memory(pages) \
	cap_vm_enough_memory(current->mm, (pages))
#define security_vm_enough_memory_kern(pages) \
	cap_vm_enough_memory(current->mm, (pages))

/* include/linux/resource.h: sim: every task has the default limits */
#define _STK_LIM	(8 * 1024 * 1024)
#define MLOCK_LIMIT	(8 * PAGE_SIZE * 2)
#define RLIM_INFINITY	(~0UL)
#define STACK_TOP	TASK_SIZE

/* sim/2.6/mm/memory.c (mm/memory.c) */
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd, unsigned long address);
void free_pgtables(struct vm_area_struct *start_vma, unsigned long floor,
		   unsigned long ceiling);
int copy_page_range(struct mm_struct *dst_mm, struct mm_struct *src_mm,
		    struct vm_area_struct *vma);
unsigned long unmap_vmas(struct vm_area_struct *start_vma,
			 unsigned long start_addr, unsigned long end_addr,
			 unsigned long *nr_accounted);
unsigned long zap_page_range(struct vm_area_struct *vma,
			     unsigned long address, unsigned long size);
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long address, unsigned int flags);
/* sim: the walk sim/mmu.c and the views use; NULL when no table */
pte_t *sim_pte_lookup(struct mm_struct *mm, unsigned long address);
/* sim/2.6/mm/mm_check.c (sim: mm/mmap.c's validate_mm, always on) */
int sim_mm_check(struct mm_struct *mm, char *why, size_t len);
/* sim: the checks' walks over the pte pages, and over the ptes not none */
int sim_walk_pmds(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pmd_t *pmd),
		  void *arg);
int sim_walk_ptes(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pte_t *pte),
		  void *arg);

/* sim/2.6/arch/x86/mm/pgtable.c (arch/x86/mm/pgtable.c) */
struct page *pte_alloc_one(struct mm_struct *mm, unsigned long address);
void pte_free(struct mm_struct *mm, struct page *pte);

/* sim/2.6/arch/x86/mm/mmap.c (arch/x86/mm/mmap.c) */
void arch_pick_mmap_layout(struct mm_struct *mm);

/* sim/2.6/arch/x86/mm/fault.c (arch/x86/mm/fault.c) */
/* error_code: bit 0 protection fault, bit 1 write, bit 2 user mode */
#define PF_PROT		(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
/* sim: the faulting address in place of regs and cr2 */
void do_page_fault(unsigned long address, unsigned long error_code);

/* kernel/signal.c (the lead's): sim: the siginfo reduced to its fields */
int force_sig_info(int sig, int code, unsigned long addr,
		   struct task_struct *t);

#endif /* _SIM26_LINUX_MM_H */
