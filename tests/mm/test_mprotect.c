// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_mprotect.c - sim/mm/mprotect.c: sys_mprotect's checks and
 * walk, mprotect_fixup with its four cases (_all, _start, _end, _middle),
 * change_protection, the merges of anonymous private vmas, and what a
 * later access does (do_page_fault's signals).
 * Expected values are 2.4.16's (mm/mprotect.c, mm/mmap.c protection_map,
 * include/asm-i386/pgtable.h): vm_flags VM_READ 0x1, VM_WRITE 0x2,
 * VM_EXEC 0x4, VM_SHARED 0x8, VM_MAY{READ,WRITE,EXEC,SHARE} 0x10..0x80,
 * so a read-write shm attach is 0xfb and a read-only one 0xf9; pte bits
 * PRESENT 0x001, RW 0x002, USER 0x004, ACCESSED 0x020, DIRTY 0x040,
 * PROTNONE 0x080; PAGE_SHARED 0x027, PAGE_READONLY = PAGE_COPY 0x025,
 * PAGE_NONE 0x0a0. change_protection is pte_modify: frame, ACCESSED and
 * DIRTY kept (_PAGE_CHG_MASK), the rest from the new protection.
 * After every call the address space is checked (sim_mm_check: list
 * sorted, equal to the rb-tree's in-order walk, map_count, total_vm, rss),
 * and each expected vma is looked up with find_vma through the tree.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/swap.h"
#include "sim/fail.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define P		4096UL
#define BASE		0x40000000UL
#define RW		(PROT_READ | PROT_WRITE)
#define SHARED_ANON	(MAP_SHARED | MAP_ANONYMOUS)
#define PRIVATE_ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define PTE_FLAGS	0xfffUL

static void check_mm(void)
{
	char why[256];
	int err = sim_mm_check(current->mm, why, sizeof(why));

	if (err)
		print_error("sim_mm_check() = %d: %s\n", err, why);
	assert_int_equal(err, 0);
}

static void mprotect_ok(unsigned long start, size_t len, unsigned long prot)
{
	assert_errno(sys_mprotect(start, len, prot), 0);
	check_mm();
}

/* find_vma through the rb-tree, not the one-entry cache */
static struct vm_area_struct *lookup(unsigned long addr)
{
	current->mm->mmap_cache = NULL;
	return find_vma(current->mm, addr);
}

struct want {
	unsigned long start, end;
	unsigned long flags;		/* vm_flags */
	uint32_t prot;			/* vm_page_prot */
};

/* The list is exactly w[0..n), each found by find_vma at both ends. */
static void assert_layout(const struct want *w, int n)
{
	struct vm_area_struct *vma = current->mm->mmap;
	int i;

	check_mm();
	for (i = 0; i < n; i++, vma = vma->vm_next) {
		assert_non_null(vma);
		assert_int_equal(vma->vm_start, w[i].start);
		assert_int_equal(vma->vm_end, w[i].end);
		assert_int_equal(vma->vm_flags, w[i].flags);
		assert_int_equal(vma->vm_page_prot.pgprot, w[i].prot);
		assert_ptr_equal(lookup(w[i].start), vma);
		assert_ptr_equal(lookup(w[i].end - 1), vma);
	}
	assert_null(vma);
	assert_int_equal(current->mm->map_count, n);
}

#define LAYOUT(...)							\
	do {								\
		const struct want w_[] = { __VA_ARGS__ };		\
		assert_layout(w_, sizeof(w_) / sizeof(w_[0]));		\
	} while (0)

static long make_segment(unsigned long pages)
{
	long id = sys_shmget(IPC_PRIVATE, pages * P, 0600);

	assert_true(id >= 0);
	return id;
}

static unsigned long attach(long id, unsigned long addr, int flg)
{
	unsigned long raddr = 0;

	assert_errno(sys_shmat(id, (char *)addr, flg, &raddr), 0);
	return raddr;
}

/* a new segment of pages attached read-write at addr */
static long attach_new(unsigned long pages, unsigned long addr)
{
	long id = make_segment(pages);

	assert_int_equal(attach(id, addr, 0), addr);
	return id;
}

static struct sim_shm_info seg(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info;
}

/*
 * A SHM_RDONLY attach whose vma lacks VM_MAYWRITE: 0xd9. In 2.4.16 such
 * a vma is a MAP_SHARED mapping of a file not open for writing, which
 * do_mmap_pgoff gives neither VM_MAYWRITE nor VM_SHARED. sim: a shm file
 * is always FMODE_READ | FMODE_WRITE (shmem_file_setup) and there are no
 * other files to map, so the bit is taken off the vma here; VM_SHARED
 * stays, as the vma stays on i_mmap_shared.
 */
static unsigned long attach_without_maywrite(long id, unsigned long addr)
{
	unsigned long raddr = attach(id, addr, SHM_RDONLY);

	lookup(raddr)->vm_flags &= ~VM_MAYWRITE;
	return raddr;
}

static unsigned long mmap_fixed(unsigned long addr, unsigned long len,
				unsigned long prot, unsigned long flags)
{
	assert_int_equal(sys_mmap2(addr, len, prot, flags | MAP_FIXED, -1, 0),
			 addr);
	check_mm();
	return addr;
}

static uint32_t pte_of(unsigned long addr)
{
	pte_t *pte = sim_pte_lookup(current->mm, addr);

	assert_non_null(pte);
	return pte->pte_low;
}

/* The cached page of segment id at index, without keeping a reference. */
static struct page *cached_page(long id, unsigned long index)
{
	struct page *page;

	page = find_get_page(seg(id).file->f_dentry->d_inode->i_mapping,
			     index);
	assert_non_null(page);
	page_cache_release(page);
	return page;
}

static uint32_t frame_of(long id, unsigned long index)
{
	return page_to_pfn(cached_page(id, index)) << PAGE_SHIFT;
}

static int user_write(unsigned long addr, const char *s)
{
	return sim_user_access(addr, (void *)s, strlen(s), 1, NULL);
}

/* ---- sys_mprotect: the argument checks, in 2.4.16's order ---- */

/* 2.4.16: "if (start & ~PAGE_MASK) return -EINVAL;" comes first */
static void test_sys_mprotect__unaligned_start_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE + 1, P, PROT_READ), -EINVAL);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* the alignment check is before the len == 0 return */
static void test_sys_mprotect__unaligned_start_checked_before_len_0(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE + 0x800, 0, PROT_READ), -EINVAL);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* len = PAGE_ALIGN(len): one byte is one whole page, a head split */
static void test_sys_mprotect__len_1_rounded_up_to_a_page(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	mprotect_ok(BASE, 1, PROT_READ);

	LAYOUT({ BASE, BASE + P, 0xf9, 0x025 },
	       { BASE + P, BASE + 4 * P, 0xfb, 0x027 });
}

static void test_sys_mprotect__len_4097_rounded_up_to_two_pages(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	mprotect_ok(BASE, P + 1, PROT_READ);

	LAYOUT({ BASE, BASE + 2 * P, 0xf9, 0x025 },
	       { BASE + 2 * P, BASE + 4 * P, 0xfb, 0x027 });
}

/* end = start + len wraps past 4 GiB on i386: end < start, -EINVAL */
static void test_sys_mprotect__end_wrapping_below_start_fails_einval(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE, 0xc0000000UL, PROT_READ), -EINVAL);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/*
 * PAGE_ALIGN(0xfffff001) is 4 GiB, which wraps to end == start: the
 * "end == start" return gives 0 and nothing changes.
 */
static void test_sys_mprotect__len_rounded_to_4_gib_returns_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE, 0xfffff001UL, PROT_READ), 0);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC): 0x8 is not a prot bit */
static void test_sys_mprotect__prot_bit_0x8_fails_einval(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE, P, PROT_READ | 0x8), -EINVAL);
	assert_errno(sys_mprotect(BASE, P, 0x80000000UL), -EINVAL);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* the prot check comes before the len == 0 return */
static void test_sys_mprotect__bad_prot_checked_before_len_0(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE, 0, 0x10), -EINVAL);
}

/* ... and before the vmas are looked at (-EFAULT) */
static void test_sys_mprotect__bad_prot_checked_before_efault(void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_mprotect(0x10000000UL, P, 0x10), -EINVAL);
}

/* len 0 returns 0 before any vma is looked up: unmapped is fine */
static void test_sys_mprotect__len_0_returns_0_even_where_unmapped(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(0x10000000UL, 0, PROT_READ), 0);
	assert_errno(sys_mprotect(BASE, 0, PROT_NONE), 0);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* find_vma_prev finds the vma above: vma->vm_start > start, -EFAULT */
static void test_sys_mprotect__start_in_hole_below_a_vma_fails_efault(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE - P, 2 * P, PROT_READ), -EFAULT);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/* no vma at or above start: !vma, -EFAULT */
static void test_sys_mprotect__start_above_every_vma_fails_efault(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE + 4 * P, P, PROT_READ), -EFAULT);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
}

/*
 * A hole after the first vma: 2.4.16 has already run mprotect_fixup on
 * the first one (vm_flags and ptes) when it meets the hole, and does not
 * undo it. -EFAULT, the part before the hole changed, the rest not.
 */
static void test_sys_mprotect__hole_in_middle_efault_first_vma_changed(
	void **state)
{
	long a;

	(void)state;
	sim_task("a", 500, 100);
	a = attach_new(2, BASE);
	attach_new(2, BASE + 3 * P);
	assert_int_equal(user_write(BASE, "x"), 0);
	assert_int_equal(user_write(BASE + 3 * P, "y"), 0);

	assert_errno(sys_mprotect(BASE, 5 * P, PROT_READ), -EFAULT);

	LAYOUT({ BASE, BASE + 2 * P, 0xf9, 0x025 },
	       { BASE + 3 * P, BASE + 5 * P, 0xfb, 0x027 });
	assert_int_equal(pte_of(BASE), frame_of(a, 0) | 0x065);
	assert_int_equal(pte_of(BASE + 3 * P) & PTE_FLAGS, 0x067);
}

/* the first vma was split (mprotect_fixup_end) before the hole: kept */
static void test_sys_mprotect__hole_after_a_split_keeps_the_split(
	void **state)
{
	long a;

	(void)state;
	sim_task("a", 500, 100);
	a = attach_new(3, BASE);
	attach_new(2, BASE + 4 * P);

	assert_errno(sys_mprotect(BASE + P, 4 * P, PROT_READ), -EFAULT);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 },
	       { BASE + P, BASE + 3 * P, 0xf9, 0x025 },
	       { BASE + 4 * P, BASE + 6 * P, 0xfb, 0x027 });
	assert_int_equal(seg(a).nattch, 2);
}

/* running off the end of the last vma: changed up to its end, -EFAULT */
static void test_sys_mprotect__range_past_last_vma_efault_vma_changed(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(4, BASE);

	assert_errno(sys_mprotect(BASE, 5 * P, PROT_READ), -EFAULT);

	LAYOUT({ BASE, BASE + 4 * P, 0xf9, 0x025 });
}

/*
 * 2.4.16's shmat maps shp->shm_file, which shmem_file_setup opened
 * FMODE_WRITE | FMODE_READ, so do_mmap_pgoff keeps VM_MAYWRITE even for
 * SHM_RDONLY (0xf9): mprotect(PROT_WRITE) passes the VM_MAY* check and
 * the attach becomes writable. Returns 0, not -EACCES.
 */
static void test_sys_mprotect__write_on_shm_rdonly_attach_allowed(
	void **state)
{
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4);
	attach(id, BASE, SHM_RDONLY);
	LAYOUT({ BASE, BASE + 4 * P, 0xf9, 0x025 });
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x025);

	mprotect_ok(BASE, 4 * P, RW);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x027);
	assert_int_equal(user_write(BASE + 5, "rw"), 0);
	assert_memory_equal((char *)page_address(cached_page(id, 0)) + 5,
			    "rw", 2);
}

/*
 * "if ((newflags & ~(newflags >> 4)) & 0xf) error = -EACCES": VM_WRITE
 * needs VM_MAYWRITE. Read and exec are still allowed (VM_MAYREAD,
 * VM_MAYEXEC): __S101, PAGE_READONLY.
 */
static void test_sys_mprotect__write_without_vm_maywrite_fails_eacces(
	void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = make_segment(4);
	attach_without_maywrite(id, BASE);
	LAYOUT({ BASE, BASE + 4 * P, 0xd9, 0x025 });

	assert_errno(sys_mprotect(BASE, 4 * P, RW), -EACCES);
	assert_errno(sys_mprotect(BASE, P, PROT_WRITE), -EACCES);

	LAYOUT({ BASE, BASE + 4 * P, 0xd9, 0x025 });
	mprotect_ok(BASE, 4 * P, PROT_READ | PROT_EXEC);
	LAYOUT({ BASE, BASE + 4 * P, 0xdd, 0x025 });
	assert_int_equal(seg(id).nattch, 1);
}

/* the -EACCES of the second vma leaves the first one changed */
static void test_sys_mprotect__eacces_on_second_vma_first_changed(
	void **state)
{
	long a, b;

	(void)state;
	sim_task("a", 500, 100);
	a = make_segment(2);
	b = make_segment(2);
	attach(a, BASE, SHM_RDONLY);
	attach_without_maywrite(b, BASE + 2 * P);

	assert_errno(sys_mprotect(BASE, 4 * P, RW), -EACCES);

	LAYOUT({ BASE, BASE + 2 * P, 0xfb, 0x027 },
	       { BASE + 2 * P, BASE + 4 * P, 0xd9, 0x025 });
}

/* ---- mprotect_fixup and its four cases ---- */

/* newflags == vm_flags: nothing at all, not even a split */
static void test_mprotect_fixup__same_flags_no_split(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	vma = lookup(BASE);

	mprotect_ok(BASE + P, 2 * P, RW);

	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
	assert_ptr_equal(lookup(BASE), vma);
	assert_int_equal(seg(id).nattch, 1);
	assert_int_equal(vm_area_cachep->active_objs, 1);
}

/* the whole vma: its flags and page prot change in place */
static void test_mprotect_fixup_all__whole_vma_changed_in_place(
	void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	vma = lookup(BASE);

	mprotect_ok(BASE, 4 * P, PROT_READ);

	LAYOUT({ BASE, BASE + 4 * P, 0xf9, 0x025 });
	assert_ptr_equal(lookup(BASE), vma);
	assert_int_equal(vma->vm_pgoff, 0);
	assert_int_equal(seg(id).nattch, 1);
	assert_int_equal(seg(id).file->f_count, 2);
	assert_int_equal(vm_area_cachep->active_objs, 1);
	assert_int_equal(current->mm->total_vm, 4);
}

/*
 * The head: a new vma n = [vm_start, end) with the new flags; the old
 * vma keeps the tail, its vm_pgoff advanced. n gets get_file and
 * vm_ops->open (shm_open: nattch +1), __insert_vm_struct: map_count +1.
 */
static void test_mprotect_fixup_start__head_becomes_a_new_vma(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	vma = lookup(BASE);

	mprotect_ok(BASE, P, PROT_READ);

	LAYOUT({ BASE, BASE + P, 0xf9, 0x025 },
	       { BASE + P, BASE + 4 * P, 0xfb, 0x027 });
	assert_ptr_equal(lookup(BASE + P), vma);
	assert_int_equal(vma->vm_pgoff, 1);
	assert_int_equal(lookup(BASE)->vm_pgoff, 0);
	assert_ptr_equal(lookup(BASE)->vm_file, vma->vm_file);
	assert_int_equal(seg(id).nattch, 2);
	assert_int_equal(seg(id).file->f_count, 3);
	assert_int_equal(vm_area_cachep->active_objs, 2);
	assert_int_equal(current->mm->total_vm, 4);
}

/* The tail: a new vma n = [start, vm_end), vm_pgoff 3; the old one ends. */
static void test_mprotect_fixup_end__tail_becomes_a_new_vma(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	vma = lookup(BASE);

	mprotect_ok(BASE + 3 * P, P, PROT_READ);

	LAYOUT({ BASE, BASE + 3 * P, 0xfb, 0x027 },
	       { BASE + 3 * P, BASE + 4 * P, 0xf9, 0x025 });
	assert_ptr_equal(lookup(BASE), vma);
	assert_int_equal(vma->vm_pgoff, 0);
	assert_int_equal(lookup(BASE + 3 * P)->vm_pgoff, 3);
	assert_int_equal(seg(id).nattch, 2);
	assert_int_equal(seg(id).file->f_count, 3);
}

/*
 * The middle: new vmas left and right keep the old flags, the old vma
 * becomes [start, end) with the new ones. One vma becomes three:
 * map_count +2, f_count +2 (atomic_add(2, ...)), two shm_opens.
 */
static void test_mprotect_fixup_middle__one_vma_becomes_three(void **state)
{
	struct vm_area_struct *vma;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	vma = lookup(BASE);

	mprotect_ok(BASE + P, 2 * P, PROT_READ);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 },
	       { BASE + P, BASE + 3 * P, 0xf9, 0x025 },
	       { BASE + 3 * P, BASE + 4 * P, 0xfb, 0x027 });
	assert_ptr_equal(lookup(BASE + P), vma);
	assert_int_equal(lookup(BASE)->vm_pgoff, 0);
	assert_int_equal(vma->vm_pgoff, 1);
	assert_int_equal(lookup(BASE + 3 * P)->vm_pgoff, 3);
	assert_int_equal(seg(id).nattch, 3);
	assert_int_equal(seg(id).file->f_count, 4);
	assert_int_equal(vm_area_cachep->active_objs, 3);
	assert_int_equal(current->mm->total_vm, 4);
}

/* every piece still names the attach address: shmdt(BASE) takes all */
static void test_mprotect_fixup_middle__pieces_detach_together(void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	mprotect_ok(BASE + P, 2 * P, PROT_READ);

	assert_errno(sys_shmdt((char *)BASE), 0);

	check_mm();
	assert_int_equal(current->mm->map_count, 0);
	assert_int_equal(seg(id).nattch, 0);
	assert_int_equal(seg(id).file->f_count, 1);
	assert_int_equal(vm_area_cachep->active_objs, 0);
}

/* a range over two adjacent attaches: an end split, then a start split */
static void test_sys_mprotect__range_spanning_two_vmas_splits_both(
	void **state)
{
	long a, b;

	(void)state;
	sim_task("a", 500, 100);
	a = attach_new(2, BASE);
	b = attach_new(2, BASE + 2 * P);

	mprotect_ok(BASE + P, 2 * P, PROT_READ);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 },
	       { BASE + P, BASE + 2 * P, 0xf9, 0x025 },
	       { BASE + 2 * P, BASE + 3 * P, 0xf9, 0x025 },
	       { BASE + 3 * P, BASE + 4 * P, 0xfb, 0x027 });
	assert_int_equal(lookup(BASE + P)->vm_pgoff, 1);
	assert_int_equal(lookup(BASE + 3 * P)->vm_pgoff, 1);
	assert_int_equal(seg(a).nattch, 2);
	assert_int_equal(seg(b).nattch, 2);
}

/* two whole vmas: both changed in place, and shm vmas do not merge */
static void test_sys_mprotect__two_whole_vmas_changed_not_merged(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(2, BASE);
	attach_new(2, BASE + 2 * P);

	mprotect_ok(BASE, 4 * P, PROT_NONE);

	LAYOUT({ BASE, BASE + 2 * P, 0xf8, 0x0a0 },
	       { BASE + 2 * P, BASE + 4 * P, 0xf8, 0x0a0 });
}

/* PROT_EXEC and PROT_READ | PROT_WRITE | PROT_EXEC: __S100, __S111 */
static void test_mprotect_fixup__exec_bits_pick_protection_map(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(2, BASE);

	mprotect_ok(BASE, P, PROT_EXEC);
	mprotect_ok(BASE + P, P, PROT_READ | PROT_WRITE | PROT_EXEC);

	LAYOUT({ BASE, BASE + P, 0xfc, 0x025 },
	       { BASE + P, BASE + 2 * P, 0xff, 0x027 });
}

/* kmem_cache_alloc of right fails: left is freed, the vma untouched */
static void test_mprotect_fixup_middle__second_alloc_fails_enomem(
	void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	assert_int_equal(user_write(BASE + P, "x"), 0);
	assert_errno(sim_fail_inject("kmem_cache_alloc", ENOMEM, 1, 1), 0);

	assert_errno(sys_mprotect(BASE + P, 2 * P, PROT_READ), -ENOMEM);

	assert_int_equal(sim_fail_count(), 1);
	LAYOUT({ BASE, BASE + 4 * P, 0xfb, 0x027 });
	assert_int_equal(pte_of(BASE + P), frame_of(id, 1) | 0x067);
	assert_int_equal(seg(id).nattch, 1);
	assert_int_equal(seg(id).file->f_count, 2);
	assert_int_equal(vm_area_cachep->active_objs, 1);
}

/* -ENOMEM in the second vma: the first one stays changed */
static void test_sys_mprotect__enomem_in_second_vma_first_changed(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(2, BASE);
	attach_new(2, BASE + 2 * P);
	assert_errno(sim_fail_inject("kmem_cache_alloc", ENOMEM, 0, 1), 0);

	assert_errno(sys_mprotect(BASE, 3 * P, PROT_READ), -ENOMEM);

	LAYOUT({ BASE, BASE + 2 * P, 0xf9, 0x025 },
	       { BASE + 2 * P, BASE + 4 * P, 0xfb, 0x027 });
}

/* ---- change_protection ---- */

/*
 * Present ptes get the new protection and keep frame and DIRTY; a pte
 * never faulted in stays 0. PROT_NONE keeps the pte present to
 * pte_present (PROTNONE 0x080, PRESENT clear).
 */
static void test_change_protection__present_ptes_keep_frame_and_dirty(
	void **state)
{
	uint32_t f0, f1;
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(3, BASE);
	assert_int_equal(user_write(BASE, "w"), 0);
	assert_int_equal(sim_user_access(BASE + P, &c, 1, 0, NULL), 0);
	f0 = frame_of(id, 0);
	f1 = frame_of(id, 1);
	assert_int_equal(pte_of(BASE), f0 | 0x067);
	assert_int_equal(pte_of(BASE + P), f1 | 0x027);
	assert_int_equal(pte_of(BASE + 2 * P), 0);

	mprotect_ok(BASE, 3 * P, PROT_READ);
	assert_int_equal(pte_of(BASE), f0 | 0x065);
	assert_int_equal(pte_of(BASE + P), f1 | 0x025);
	assert_int_equal(pte_of(BASE + 2 * P), 0);

	mprotect_ok(BASE, 3 * P, PROT_NONE);
	assert_int_equal(pte_of(BASE), f0 | 0x0e0);
	assert_int_equal(pte_of(BASE + P), f1 | 0x0a0);
	assert_int_equal(pte_of(BASE + 2 * P), 0);
	assert_int_equal(current->mm->rss, 2);

	mprotect_ok(BASE, 3 * P, RW);
	assert_int_equal(pte_of(BASE), f0 | 0x067);
	assert_int_equal(pte_of(BASE + P), f1 | 0x027);
	assert_int_equal(pte_of(BASE + 2 * P), 0);
	assert_int_equal(page_count(cached_page(id, 0)), 2);	/* cache+pte */
}

/*
 * Every protection_map entry has _PAGE_ACCESSED, so an old pte comes
 * out of pte_modify young: ACCESSED is kept when set and set when not.
 */
static void test_change_protection__every_new_prot_sets_accessed(
	void **state)
{
	pte_t *pte;
	char c;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(1, BASE);
	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);
	pte = sim_pte_lookup(current->mm, BASE);
	assert_non_null(pte);
	pte->pte_low &= ~_PAGE_ACCESSED;	/* sim: as aging leaves it */
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x007);

	mprotect_ok(BASE, P, PROT_READ);

	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x025);
}

/* only [start, end) is walked: the split-off pieces keep their ptes */
static void test_change_protection__only_the_range_changes(void **state)
{
	unsigned long i;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	for (i = 0; i < 4; i++)
		assert_int_equal(sim_user_touch(BASE + i * P, 1), 0);

	mprotect_ok(BASE + P, 2 * P, PROT_READ);

	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x067);
	assert_int_equal(pte_of(BASE + P), frame_of(id, 1) | 0x065);
	assert_int_equal(pte_of(BASE + 2 * P), frame_of(id, 2) | 0x065);
	assert_int_equal(pte_of(BASE + 3 * P), frame_of(id, 3) | 0x067);
}

/* the pgd/pmd loop goes on into the next page table (0x40400000) */
static void test_change_protection__across_a_page_table_boundary(
	void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(2, 0x403ff000UL);
	assert_int_equal(sim_user_touch(0x403ff000UL, 1), 0);
	assert_int_equal(sim_user_touch(0x40400000UL, 1), 0);
	assert_int_equal(page_tables(current->mm), 2);

	mprotect_ok(0x403ff000UL, 2 * P, PROT_READ);

	assert_int_equal(pte_of(0x403ff000UL), frame_of(id, 0) | 0x065);
	assert_int_equal(pte_of(0x40400000UL), frame_of(id, 1) | 0x065);
}

/* pgd_none: nothing to change, and no page table is made */
static void test_change_protection__absent_page_table_stays_absent(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	attach_new(2, 0x403ff000UL);
	assert_int_equal(sim_user_touch(0x403ff000UL, 1), 0);
	assert_int_equal(page_tables(current->mm), 1);

	mprotect_ok(0x403ff000UL, 2 * P, PROT_READ);

	assert_int_equal(pte_of(0x403ff000UL) & PTE_FLAGS, 0x065);
	assert_null(sim_pte_lookup(current->mm, 0x40400000UL));
	assert_int_equal(page_tables(current->mm), 1);
}

/*
 * Private: __P011 and __P001 are both PAGE_COPY 0x025, so a dirty
 * private page goes read-only and stays so when PROT_WRITE comes back;
 * the next write is a minor fault (do_wp_page, the page reused).
 */
static void test_change_protection__private_pte_stays_read_only(
	void **state)
{
	struct task_struct *tsk;
	unsigned long flt;
	uint32_t frame;

	(void)state;
	tsk = sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	assert_int_equal(user_write(BASE, "p"), 0);
	frame = pte_of(BASE) & PAGE_MASK;
	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x067);

	mprotect_ok(BASE, P, PROT_READ);
	LAYOUT({ BASE, BASE + P, 0x71, 0x025 });
	assert_int_equal(pte_of(BASE), frame | 0x065);

	mprotect_ok(BASE, P, RW);
	LAYOUT({ BASE, BASE + P, 0x73, 0x025 });
	assert_int_equal(pte_of(BASE), frame | 0x065);

	flt = tsk->min_flt;
	assert_int_equal(user_write(BASE, "q"), 0);
	assert_int_equal(tsk->min_flt, flt + 1);
	assert_int_equal(pte_of(BASE), frame | 0x067);
}

/* 64 frames and a 1 MiB swap file, for a private page to go out */
static int setup_tiny_swap(void **state)
{
	(void)state;
	return sim_setup_machine(256UL << 10, 1UL << 20);
}

/*
 * A swap pte is not pte_present: change_pte_range leaves it as it is.
 * The protection comes with the swap-in (do_swap_page: vm_page_prot,
 * PAGE_COPY for a private vma), and the read-only vma refuses the write.
 */
static void test_change_protection__swap_pte_left_alone(void **state)
{
	struct task_struct *tsk;
	char buf[5] = "";
	uint32_t swp;
	int rounds;

	(void)state;
	tsk = sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	assert_int_equal(user_write(BASE, "anon"), 0);
	for (rounds = 0; rounds < 20 && tsk->mm->rss; rounds++)
		sim_pressure(64);
	assert_int_equal(tsk->mm->rss, 0);
	swp = pte_of(BASE);
	assert_int_equal(swp, 0x100);	/* SWP_ENTRY(0, 1), not present */

	mprotect_ok(BASE, P, PROT_READ);

	assert_int_equal(pte_of(BASE), swp);
	assert_int_equal(sim_user_access(BASE, buf, 4, 0, NULL), 0);
	assert_string_equal(buf, "anon");
	assert_int_equal(pte_of(BASE) & PTE_FLAGS, 0x025);
	assert_int_equal(sim_user_touch(BASE, 1), SIGSEGV);
	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
}

/* ---- what a later access does ---- */

/* after PROT_READ: a read works, a write is SIGSEGV SEGV_ACCERR */
static void test_do_page_fault__write_after_prot_read_segv_read_works(
	void **state)
{
	struct task_struct *tsk;
	char buf[6] = "";
	size_t done = 99;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(2, BASE);
	assert_int_equal(user_write(BASE, "hello"), 0);
	mprotect_ok(BASE, 2 * P, PROT_READ);

	assert_int_equal(sim_user_access(BASE, buf, 5, 0, NULL), 0);
	assert_string_equal(buf, "hello");
	assert_int_equal(sim_user_access(BASE + 1, "J", 1, 1, &done), SIGSEGV);

	assert_int_equal(done, 0);
	assert_int_equal(tsk->sim_sig, SIGSEGV);
	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(tsk->sim_sig_addr, BASE + 1);
	assert_memory_equal((char *)page_address(cached_page(id, 0)),
			    "hello", 5);
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x065);
}

/* a page not yet faulted in: write, not present, no VM_WRITE */
static void test_do_page_fault__write_to_absent_page_after_prot_read(
	void **state)
{
	struct task_struct *tsk;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(2, BASE);
	mprotect_ok(BASE, 2 * P, PROT_READ);

	assert_int_equal(sim_user_touch(BASE + P, 1), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(tsk->sim_sig_addr, BASE + P);
	assert_int_equal(seg(id).file->f_dentry->d_inode->i_mapping->nrpages,
			 0);
	assert_int_equal(tsk->mm->rss, 0);
}

/* PROT_READ then PROT_READ | PROT_WRITE: writes go through, no fault */
static void test_sys_mprotect__restoring_rw_lets_writes_through(
	void **state)
{
	struct task_struct *tsk;
	unsigned long flt;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(1, BASE);
	assert_int_equal(user_write(BASE, "a"), 0);
	mprotect_ok(BASE, P, PROT_READ);
	flt = tsk->min_flt + tsk->maj_flt;

	mprotect_ok(BASE, P, RW);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 });
	assert_int_equal(user_write(BASE, "b"), 0);
	assert_int_equal(tsk->min_flt + tsk->maj_flt, flt);
	assert_int_equal(*(char *)page_address(cached_page(id, 0)), 'b');
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x067);
}

/* PROT_NONE over a present page: read, present -> bad_area, ACCERR */
static void test_do_page_fault__read_after_prot_none_segv(void **state)
{
	struct task_struct *tsk;
	char c;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(1, BASE);
	assert_int_equal(user_write(BASE, "n"), 0);
	mprotect_ok(BASE, P, PROT_NONE);

	assert_int_equal(sim_user_access(BASE + 9, &c, 1, 0, NULL), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(tsk->sim_sig_addr, BASE + 9);
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x0e0);
	assert_int_equal(tsk->mm->rss, 1);
}

/* PROT_NONE over an absent page: no VM_READ | VM_EXEC, ACCERR */
static void test_do_page_fault__read_of_absent_page_after_prot_none_segv(
	void **state)
{
	struct task_struct *tsk;
	char c;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(1, BASE);
	mprotect_ok(BASE, P, PROT_NONE);

	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), SIGSEGV);

	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
	assert_int_equal(seg(id).file->f_dentry->d_inode->i_mapping->nrpages,
			 0);
	assert_null(sim_pte_lookup(current->mm, BASE));
}

/* PROT_EXEC alone: i386 reads need only VM_READ | VM_EXEC; writes fault */
static void test_do_page_fault__prot_exec_alone_allows_reads(void **state)
{
	struct task_struct *tsk;
	char c = 1;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	id = attach_new(1, BASE);
	mprotect_ok(BASE, P, PROT_EXEC);

	assert_int_equal(sim_user_access(BASE, &c, 1, 0, NULL), 0);
	assert_int_equal(c, 0);
	assert_int_equal(pte_of(BASE), frame_of(id, 0) | 0x025);
	assert_int_equal(sim_user_touch(BASE, 1), SIGSEGV);
	assert_int_equal(tsk->sim_sig_code, SEGV_ACCERR);
}

/* ---- merging: only anonymous private vmas (can_vma_merge, !vm_file) ---- */

/* mprotect_fixup_all: the vma joins prev, is unlinked and freed */
static void test_mprotect_fixup_all__merges_into_prev_private(void **state)
{
	struct vm_area_struct *a;

	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	mmap_fixed(BASE + P, P, PROT_READ, PRIVATE_ANON);
	LAYOUT({ BASE, BASE + P, 0x73, 0x025 },
	       { BASE + P, BASE + 2 * P, 0x71, 0x025 });
	a = lookup(BASE);

	mprotect_ok(BASE + P, P, RW);

	LAYOUT({ BASE, BASE + 2 * P, 0x73, 0x025 });
	assert_ptr_equal(lookup(BASE), a);
	assert_int_equal(vm_area_cachep->active_objs, 1);
	assert_int_equal(current->mm->total_vm, 2);
}

/*
 * The middle of a private vma is split like any other (no merge: left
 * and right keep the old flags); made writable again, it joins prev in
 * mprotect_fixup_all and then next in sys_mprotect's final merge.
 */
static void test_sys_mprotect__private_middle_merges_back_into_one(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, 3 * P, RW, PRIVATE_ANON);

	mprotect_ok(BASE + P, P, PROT_READ);
	LAYOUT({ BASE, BASE + P, 0x73, 0x025 },
	       { BASE + P, BASE + 2 * P, 0x71, 0x025 },
	       { BASE + 2 * P, BASE + 3 * P, 0x73, 0x025 });
	assert_int_equal(vm_area_cachep->active_objs, 3);

	mprotect_ok(BASE + P, P, RW);

	LAYOUT({ BASE, BASE + 3 * P, 0x73, 0x025 });
	assert_int_equal(vm_area_cachep->active_objs, 1);
}

/*
 * mprotect_fixup_start's merge: prev grows to end, the vma starts there;
 * no new vma, and 2.4.16 leaves the vma's vm_pgoff as it was.
 */
static void test_mprotect_fixup_start__head_joins_prev_private(void **state)
{
	struct vm_area_struct *b;

	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	mmap_fixed(BASE + P, 3 * P, PROT_READ, PRIVATE_ANON);
	b = lookup(BASE + P);
	assert_int_equal(b->vm_pgoff, 0);

	mprotect_ok(BASE + P, P, RW);

	LAYOUT({ BASE, BASE + 2 * P, 0x73, 0x025 },
	       { BASE + 2 * P, BASE + 4 * P, 0x71, 0x025 });
	assert_ptr_equal(lookup(BASE + 2 * P), b);
	assert_int_equal(b->vm_pgoff, 0);
	assert_int_equal(vm_area_cachep->active_objs, 2);
}

/* mprotect_fixup_end's new tail is then merged with next */
static void test_sys_mprotect__private_tail_joins_next(void **state)
{
	struct vm_area_struct *a;

	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, 3 * P, PROT_READ, PRIVATE_ANON);
	mmap_fixed(BASE + 3 * P, P, RW, PRIVATE_ANON);
	a = lookup(BASE);

	mprotect_ok(BASE + 2 * P, P, RW);

	LAYOUT({ BASE, BASE + 2 * P, 0x71, 0x025 },
	       { BASE + 2 * P, BASE + 4 * P, 0x73, 0x025 });
	assert_ptr_equal(lookup(BASE), a);
	assert_int_equal(vm_area_cachep->active_objs, 2);
}

/* mprotect_fixup_all does not look at next; the final merge does */
static void test_sys_mprotect__final_merge_joins_next(void **state)
{
	struct vm_area_struct *a;

	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, PROT_READ, PRIVATE_ANON);
	mmap_fixed(BASE + P, P, RW, PRIVATE_ANON);
	a = lookup(BASE);

	mprotect_ok(BASE, P, RW);

	LAYOUT({ BASE, BASE + 2 * P, 0x73, 0x025 });
	assert_ptr_equal(lookup(BASE), a);
	assert_int_equal(vm_area_cachep->active_objs, 1);
}

/*
 * The final merge looks at the vma after the last one walked: over both
 * vmas, the second already has the flags, next is NULL, and 2.4.16 leaves
 * two adjacent vmas with equal flags.
 */
static void test_sys_mprotect__range_over_both_leaves_two_equal_vmas(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, PROT_READ, PRIVATE_ANON);
	mmap_fixed(BASE + P, P, RW, PRIVATE_ANON);

	mprotect_ok(BASE, 2 * P, RW);

	LAYOUT({ BASE, BASE + P, 0x73, 0x025 },
	       { BASE + P, BASE + 2 * P, 0x73, 0x025 });
}

/*
 * A range ending inside a vma leaves by "goto out", past the final merge:
 * the middle vma joins prev, but the vma after it, already writable,
 * stays apart.
 */
static void test_sys_mprotect__range_ending_inside_a_vma_no_final_merge(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	mmap_fixed(BASE + P, P, PROT_READ, PRIVATE_ANON);
	mmap_fixed(BASE + 2 * P, 2 * P, RW, PRIVATE_ANON);

	mprotect_ok(BASE + P, 2 * P, RW);

	LAYOUT({ BASE, BASE + 2 * P, 0x73, 0x025 },
	       { BASE + 2 * P, BASE + 4 * P, 0x73, 0x025 });
	assert_int_equal(vm_area_cachep->active_objs, 2);
}

/* prev->vm_end == vma->vm_start is required: no merge across a gap */
static void test_sys_mprotect__no_merge_across_a_gap(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, P, RW, PRIVATE_ANON);
	mmap_fixed(BASE + 2 * P, P, PROT_READ, PRIVATE_ANON);
	mmap_fixed(BASE + 4 * P, P, RW, PRIVATE_ANON);

	mprotect_ok(BASE + 2 * P, P, RW);

	LAYOUT({ BASE, BASE + P, 0x73, 0x025 },
	       { BASE + 2 * P, BASE + 3 * P, 0x73, 0x025 },
	       { BASE + 4 * P, BASE + 5 * P, 0x73, 0x025 });
}

/* shm vmas have a vm_file: the three pieces stay three, nattch 3 */
static void test_sys_mprotect__shm_pieces_never_merge_back(void **state)
{
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_new(4, BASE);
	mprotect_ok(BASE + P, 2 * P, PROT_READ);

	mprotect_ok(BASE + P, 2 * P, RW);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 },
	       { BASE + P, BASE + 3 * P, 0xfb, 0x027 },
	       { BASE + 3 * P, BASE + 4 * P, 0xfb, 0x027 });
	assert_int_equal(seg(id).nattch, 3);
	assert_int_equal(vm_area_cachep->active_objs, 3);
}

/* shared anonymous vmas have their dev/zero file: no merge either */
static void test_sys_mprotect__shared_anonymous_never_merges(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	mmap_fixed(BASE, 3 * P, RW, SHARED_ANON);
	mprotect_ok(BASE + P, P, PROT_READ);

	mprotect_ok(BASE + P, P, RW);

	LAYOUT({ BASE, BASE + P, 0xfb, 0x027 },
	       { BASE + P, BASE + 2 * P, 0xfb, 0x027 },
	       { BASE + 2 * P, BASE + 3 * P, 0xfb, 0x027 });
	assert_int_equal(lookup(BASE + P)->vm_file->f_count, 3);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_sys_mprotect__unaligned_start_fails_einval),
		T(test_sys_mprotect__unaligned_start_checked_before_len_0),
		T(test_sys_mprotect__len_1_rounded_up_to_a_page),
		T(test_sys_mprotect__len_4097_rounded_up_to_two_pages),
		T(test_sys_mprotect__end_wrapping_below_start_fails_einval),
		T(test_sys_mprotect__len_rounded_to_4_gib_returns_0),
		T(test_sys_mprotect__prot_bit_0x8_fails_einval),
		T(test_sys_mprotect__bad_prot_checked_before_len_0),
		T(test_sys_mprotect__bad_prot_checked_before_efault),
		T(test_sys_mprotect__len_0_returns_0_even_where_unmapped),
		T(test_sys_mprotect__start_in_hole_below_a_vma_fails_efault),
		T(test_sys_mprotect__start_above_every_vma_fails_efault),
		T(test_sys_mprotect__hole_in_middle_efault_first_vma_changed),
		T(test_sys_mprotect__hole_after_a_split_keeps_the_split),
		T(test_sys_mprotect__range_past_last_vma_efault_vma_changed),
		T(test_sys_mprotect__write_on_shm_rdonly_attach_allowed),
		T(test_sys_mprotect__write_without_vm_maywrite_fails_eacces),
		T(test_sys_mprotect__eacces_on_second_vma_first_changed),
		T(test_mprotect_fixup__same_flags_no_split),
		T(test_mprotect_fixup_all__whole_vma_changed_in_place),
		T(test_mprotect_fixup_start__head_becomes_a_new_vma),
		T(test_mprotect_fixup_end__tail_becomes_a_new_vma),
		T(test_mprotect_fixup_middle__one_vma_becomes_three),
		T(test_mprotect_fixup_middle__pieces_detach_together),
		T(test_sys_mprotect__range_spanning_two_vmas_splits_both),
		T(test_sys_mprotect__two_whole_vmas_changed_not_merged),
		T(test_mprotect_fixup__exec_bits_pick_protection_map),
		T(test_mprotect_fixup_middle__second_alloc_fails_enomem),
		T(test_sys_mprotect__enomem_in_second_vma_first_changed),
		T(test_change_protection__present_ptes_keep_frame_and_dirty),
		T(test_change_protection__every_new_prot_sets_accessed),
		T(test_change_protection__only_the_range_changes),
		T(test_change_protection__across_a_page_table_boundary),
		T(test_change_protection__absent_page_table_stays_absent),
		T(test_change_protection__private_pte_stays_read_only),
		cmocka_unit_test_setup_teardown(
			test_change_protection__swap_pte_left_alone,
			setup_tiny_swap, sim_teardown),
		T(test_do_page_fault__write_after_prot_read_segv_read_works),
		T(test_do_page_fault__write_to_absent_page_after_prot_read),
		T(test_sys_mprotect__restoring_rw_lets_writes_through),
		T(test_do_page_fault__read_after_prot_none_segv),
		T(test_do_page_fault__read_of_absent_page_after_prot_none_segv),
		T(test_do_page_fault__prot_exec_alone_allows_reads),
		T(test_mprotect_fixup_all__merges_into_prev_private),
		T(test_sys_mprotect__private_middle_merges_back_into_one),
		T(test_mprotect_fixup_start__head_joins_prev_private),
		T(test_sys_mprotect__private_tail_joins_next),
		T(test_sys_mprotect__final_merge_joins_next),
		T(test_sys_mprotect__range_over_both_leaves_two_equal_vmas),
		T(test_sys_mprotect__range_ending_inside_a_vma_no_final_merge),
		T(test_sys_mprotect__no_merge_across_a_gap),
		T(test_sys_mprotect__shm_pieces_never_merge_back),
		T(test_sys_mprotect__shared_anonymous_never_merges),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/mprotect");
}
