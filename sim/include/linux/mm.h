/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/mm.h - pages, page tables, vmas and address spaces.
 * Models include/linux/mm.h, include/linux/sched.h's mm_struct,
 * include/asm-i386/pgtable*.h and page.h (2.4.16, i386, two-level tables).
 *
 * Page frames live in one real mmap'd arena (sim/mm/page_alloc.c); mem_map
 * holds a struct page per frame. Page tables are themselves frames of that
 * arena holding 1024 32-bit entries, exactly as on i386: a pgd entry holds
 * the frame number of a page-table page, a pte the frame number of the page
 * it maps, each with the low flag bits.
 */
#ifndef _SIM_LINUX_MM_H
#define _SIM_LINUX_MM_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/rbtree.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include <uthash.h>

struct file;
struct address_space;
struct mm_struct;

/* include/asm-i386/pgtable-2level.h */
#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)

typedef struct { uint32_t pte_low; } pte_t;
typedef struct { uint32_t pgd; } pgd_t;
typedef struct { uint32_t pgprot; } pgprot_t;

#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PROTNONE	0x080
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)

#define PAGE_NONE	((pgprot_t) { _PAGE_PROTNONE | _PAGE_ACCESSED })
#define PAGE_SHARED	((pgprot_t) { _PAGE_PRESENT | _PAGE_RW | \
				      _PAGE_USER | _PAGE_ACCESSED })
#define PAGE_COPY	((pgprot_t) { _PAGE_PRESENT | _PAGE_USER | \
				      _PAGE_ACCESSED })
#define PAGE_READONLY	PAGE_COPY

static inline int pte_none(pte_t pte)
{
	return !pte.pte_low;
}

static inline int pte_present(pte_t pte)
{
	return pte.pte_low & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline int pte_write(pte_t pte)
{
	return pte.pte_low & _PAGE_RW;
}

static inline int pte_dirty(pte_t pte)
{
	return pte.pte_low & _PAGE_DIRTY;
}

static inline int pte_young(pte_t pte)
{
	return pte.pte_low & _PAGE_ACCESSED;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte.pte_low >> PAGE_SHIFT;
}

static inline int pgd_none(pgd_t pgd)
{
	return !pgd.pgd;
}

/* include/linux/mm.h: struct page, one per frame of the arena */
typedef struct page {
	struct list_head list;		/* on a mapping's clean/dirty list */
	struct address_space *mapping;
	unsigned long index;		/* page offset in mapping */
	UT_hash_handle hh;		/* sim: the page hash chain (uthash),
					 * keyed by (mapping, index) */
	int count;
	unsigned long flags;
	struct list_head lru;		/* active or inactive list */
	void *virtual;			/* sim: the frame's bytes in the arena */
	struct mm_struct *sim_pt_mm;	/* sim: a page table's mm, else NULL */
} mem_map_t;

/* page->flags bits */
#define PG_locked	0
#define PG_error	1
#define PG_referenced	2
#define PG_uptodate	3
#define PG_dirty	4
#define PG_lru		6
#define PG_active	7
#define PG_slab		8
#define PG_reserved	14
#define PG_launder	15

static inline int test_bit(int nr, const unsigned long *addr)
{
	return (*addr >> nr) & 1UL;
}

static inline void set_bit(int nr, unsigned long *addr)
{
	*addr |= 1UL << nr;
}

static inline void clear_bit(int nr, unsigned long *addr)
{
	*addr &= ~(1UL << nr);
}

static inline int PageLocked(struct page *page)
{
	return test_bit(PG_locked, &page->flags);
}

static inline void LockPage(struct page *page)
{
	set_bit(PG_locked, &page->flags);
}

/*
 * mm/filemap.c's unlock_page: the end of I/O ends laundering too.
 * sim: nobody sleeps on a page, so there are no waiters to wake.
 */
static inline void UnlockPage(struct page *page)
{
	clear_bit(PG_launder, &page->flags);
	clear_bit(PG_locked, &page->flags);
}

static inline int PageUptodate(struct page *page)
{
	return test_bit(PG_uptodate, &page->flags);
}

static inline void SetPageUptodate(struct page *page)
{
	set_bit(PG_uptodate, &page->flags);
}

static inline int PageDirty(struct page *page)
{
	return test_bit(PG_dirty, &page->flags);
}

static inline int PageReserved(struct page *page)
{
	return test_bit(PG_reserved, &page->flags);
}

static inline int page_count(struct page *page)
{
	return page->count;
}

static inline void get_page(struct page *page)
{
	page->count++;
}

/* sim/mm/page_alloc.c (mm/page_alloc.c) */
extern unsigned long pages_min, pages_low, pages_high;	/* the watermarks */
extern int need_balance;		/* the allocator woke kswapd */
extern struct page *mem_map;
extern unsigned long max_mapnr;		/* frames in the arena */
extern unsigned long nr_free_pages_count;
struct page *__alloc_pages(unsigned int gfp_mask, unsigned int order);
uint32_t get_zeroed_page(int gfp_mask);	/* sim: an i386 address */
void __free_pages(struct page *page, unsigned int order);
unsigned long nr_free_pages(void);
int sim_mem_init(unsigned long ram_bytes);
void sim_mem_exit(void);

/* 2.4's macros alloc_page, __free_page and page_cache_release, as functions */
static inline struct page *alloc_page(unsigned int gfp_mask)
{
	return __alloc_pages(gfp_mask, 0);
}

static inline void __free_page(struct page *page)
{
	__free_pages(page, 0);
}

static inline void page_cache_release(struct page *page)
{
	__free_pages(page, 0);
}

static inline unsigned long page_to_pfn(struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/*
 * sim: shmem's swap vector pages hold i386 pointers: the kernel virtual
 * address of a frame, PAGE_OFFSET + its physical address, as __va() would
 * give (get_zeroed_page returns one, free_page takes one).
 */
static inline uint32_t sim_kaddr(struct page *page)
{
	return (uint32_t)(PAGE_OFFSET + (page_to_pfn(page) << PAGE_SHIFT));
}

/* 2.4's macro free_page (of get_zeroed_page's addresses), as a function */
static inline void free_page(uint32_t kaddr)
{
	__free_page(pfn_to_page((kaddr - PAGE_OFFSET) >> PAGE_SHIFT));
}

static inline void *page_address(struct page *page)
{
	return page->virtual;
}

/* sim: the struct page of a frame address inside the arena (virt_to_page) */
static inline struct page *virt_to_page(const void *kaddr)
{
	return mem_map + (((const char *)kaddr - (const char *)mem_map[0].virtual)
			  >> PAGE_SHIFT);
}

/*
 * include/asm-i386/pgtable-2level.h: every pte is written through these.
 * sim: each write also tells sim_pte_written(), which bumps the page
 * table's mm's sim_pte_gen; sim_walk_ptes keeps its list of an mm's ptes
 * for as long as that stays the same.
 */
void sim_pte_written(pte_t *ptep);
/*
 * sim: how many times a pte lost its present or accessed bit, in any mm:
 * `shmsim run` then checks the real mappings it made
 * (cli/run_prog_orders.c).
 */
extern unsigned long sim_pte_drops;

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	*ptep = pte;
	sim_pte_written(ptep);
}

static inline void pte_clear(pte_t *ptep)
{
	pte_t none = { 0 };

	sim_pte_drops++;
	set_pte(ptep, none);
}

static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	pte_t pte = *ptep;

	pte_clear(ptep);
	return pte;
}

static inline int ptep_test_and_clear_young(pte_t *ptep)
{
	pte_t pte = *ptep;

	if (!(pte.pte_low & _PAGE_ACCESSED))
		return 0;
	pte.pte_low &= ~_PAGE_ACCESSED;
	sim_pte_drops++;
	set_pte(ptep, pte);
	return 1;
}

/* sim: trace a page result as page#PFN, NULL or -ERRNO */
struct page *sim_trace_ret_page(const char *func, struct page *page)
	SIM_TRACE_COLD;
#if SIM_TRACE_COMPILED
#define TRACE_RET_PAGE(p) \
	SIM_TRACE_RETURN(struct page *, p, sim_trace_ret_page)
#else
#define TRACE_RET_PAGE(p)	(p)
#endif

static inline void clear_user_highpage(struct page *page)
{
	__builtin_memset(page->virtual, 0, PAGE_SIZE);
}

/* include/linux/mm.h: vm_flags */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008
#define VM_MAYREAD	0x00000010
#define VM_MAYWRITE	0x00000020
#define VM_MAYEXEC	0x00000040
#define VM_MAYSHARE	0x00000080
#define VM_GROWSDOWN	0x00000100
#define VM_GROWSUP	0x00000200
#define VM_SHM		0x00000400
#define VM_DENYWRITE	0x00000800
#define VM_EXECUTABLE	0x00001000
#define VM_LOCKED	0x00002000
#define VM_IO		0x00004000
#define VM_DONTCOPY	0x00020000
#define VM_RESERVED	0x00080000

/* include/asm-i386/mman.h */
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_NONE	0x0
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20

#define MAX_MAP_COUNT	65536

struct vm_area_struct;

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	struct page *(*nopage)(struct vm_area_struct *area,
			       unsigned long address, int unused);
};

/* ->nopage results other than a page */
#define NOPAGE_SIGBUS	(NULL)
#define NOPAGE_OOM	((struct page *)(-1))

/* sim: trace a nopage result as page#PFN, NOPAGE_SIGBUS or NOPAGE_OOM */
struct page *sim_trace_ret_nopage(const char *func, struct page *page)
	SIM_TRACE_COLD;
#if SIM_TRACE_COMPILED
#define TRACE_RET_NOPAGE(p) \
	SIM_TRACE_RETURN(struct page *, p, sim_trace_ret_nopage)
#else
#define TRACE_RET_NOPAGE(p)	(p)
#endif

struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next;	/* sorted list, by address */
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	rb_node_t vm_rb;
	/* i_mmap_shared: singly linked, with a back pointer for removal */
	struct vm_area_struct *vm_next_share;
	struct vm_area_struct **vm_pprev_share;
	struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;		/* in pages, into vm_file */
	struct file *vm_file;
	unsigned long vm_raend;
	void *vm_private_data;
};

extern struct mm_struct init_mm;		/* head of mmlist */
extern int mmlist_nr;

struct mm_struct {
	struct vm_area_struct *mmap;	/* list of vmas */
	rb_root_t mm_rb;
	struct vm_area_struct *mmap_cache;	/* last find_vma result */
	pgd_t *pgd;			/* a frame of the arena */
	int mm_users;
	int mm_count;
	int map_count;
	struct list_head mmlist;
	unsigned long start_stack, brk;
	unsigned long rss, total_vm, locked_vm;
	unsigned long def_flags;
	unsigned long swap_address;
	unsigned long sim_pte_gen;	/* sim: bumped by every pte write */
	struct sim_pte_list *sim_ptes;	/* sim: sim_walk_ptes' list */
};

/* fault codes of handle_mm_fault (2.4 returns plain numbers) */
#define VM_FAULT_OOM	(-1)
#define VM_FAULT_SIGBUS	0
#define VM_FAULT_MINOR	1
#define VM_FAULT_MAJOR	2

/* include/linux/mm.h: anonymous private vmas with equal flags may merge */
static inline int can_vma_merge(struct vm_area_struct *vma,
				unsigned long vm_flags)
{
	return !vma->vm_file && vma->vm_flags == vm_flags;
}

/* Take vma (whose list predecessor is prev) off the list and the tree. */
static inline void __vma_unlink(struct mm_struct *mm,
				struct vm_area_struct *vma,
				struct vm_area_struct *prev)
{
	prev->vm_next = vma->vm_next;
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	if (mm->mmap_cache == vma)
		mm->mmap_cache = prev;
}

/* sim/mm/mprotect.c (mm/mprotect.c) */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* sim/mm/mmap.c (mm/mmap.c) */
extern pgprot_t protection_map[16];
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
unsigned long get_unmapped_area(struct file *file, unsigned long addr,
				unsigned long len, unsigned long pgoff,
				unsigned long flags);
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr,
			    unsigned long len, unsigned long prot,
			    unsigned long flag, unsigned long pgoff);
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flag, unsigned long offset);
int do_munmap(struct mm_struct *mm, unsigned long addr, size_t len);
long sys_munmap(unsigned long addr, size_t len);
void exit_mmap(struct mm_struct *mm);
void __insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
void build_mmap_rb(struct mm_struct *mm);
int vm_enough_memory(long pages);
extern kmem_cache_t *vm_area_cachep;
int sim_mm_check(struct mm_struct *mm, char *why, size_t len); /* mm_check.c */

/* sim/mm/memory.c (mm/memory.c) */
int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long address, int write_access);
void zap_page_range(struct mm_struct *mm, unsigned long address,
		    unsigned long size);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
void clear_page_tables(struct mm_struct *mm, unsigned long first, int nr);
pte_t *sim_pte_lookup(struct mm_struct *mm, unsigned long address);

/*
 * include/asm-i386/pgalloc.h: the TLB. sim: the simulated CPU has none
 * to flush; under `shmsim run` the real mappings a process holds of the
 * arena's frames are its TLB, and the hook has them dropped before the
 * kernel goes on to write or free the page (cli/run_prog_orders.c).
 */
extern void (*sim_flush_tlb_hook)(struct mm_struct *mm, unsigned long addr);

static inline void flush_tlb_page(struct vm_area_struct *vma,
				  unsigned long addr)
{
	if (sim_flush_tlb_hook)
		sim_flush_tlb_hook(vma->vm_mm, addr);
}
int sim_walk_ptes(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pte_t *pte),
		  void *arg);
int sim_walk_pgds(struct mm_struct *mm,
		  int (*fn)(void *arg, unsigned long address, pgd_t *pgd),
		  void *arg);
void sim_forget_ptes(struct mm_struct *mm);

/* sim/mm/filemap.c (mm/filemap.c) */
extern unsigned long page_cache_size;
void add_to_page_cache(struct page *page, struct address_space *mapping,
		       unsigned long index);
struct page *find_get_page(struct address_space *mapping,
			   unsigned long index);
struct page *find_lock_page(struct address_space *mapping,
			    unsigned long index);
int add_to_page_cache_unique(struct page *page, struct address_space *mapping,
			     unsigned long offset);
void add_to_page_cache_locked(struct page *page, struct address_space *mapping,
			      unsigned long index);
void __remove_inode_page(struct page *page);
void remove_inode_page(struct page *page);
void truncate_inode_pages(struct address_space *mapping, long long lstart);
void set_page_dirty(struct page *page);
int fail_writepage(struct page *page);
void mark_page_accessed(struct page *page);
void page_cache_init(unsigned long mempages);	/* pagemap.h there */
void sim_page_hash_release(void);

/* sim/mm/swap.c (mm/swap.c): the LRU lists */
extern struct list_head active_list, inactive_list;
extern unsigned long nr_active_pages, nr_inactive_pages;
void lru_cache_add(struct page *page);
void lru_cache_del(struct page *page);
void activate_page(struct page *page);

/* sim/arch/sys_i386.c (arch/i386/kernel/sys_i386.c) */
unsigned long sys_mmap2(unsigned long addr, unsigned long len,
			unsigned long prot, unsigned long flags,
			unsigned long fd, unsigned long pgoff);

/* sim/arch/fault.c (arch/i386/mm/fault.c) */
void do_page_fault(unsigned long address, unsigned long error_code);

/* sim/kernel/fork.c (kernel/fork.c) */
extern kmem_cache_t *mm_cachep;
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);

#endif /* _SIM_LINUX_MM_H */
