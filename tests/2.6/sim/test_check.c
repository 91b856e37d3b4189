// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/2.6/sim/test_check.c - sim/2.6/check.c's sim_check_all and the
 * area checks it runs, on the 2.6.32 model. Each test builds the same
 * world (boot; task A attaches segment 0x4d2 twice, read-write and
 * read-only, and writes its first page; A forks B, who shares A's attach
 * files; A attaches an IPC_PRIVATE segment and removes it, so it waits
 * SHM_DEST), checks it is whole, breaks one invariant by hand, expects
 * that item's number and name, mends it and expects 0 again. The numbers
 * are docs/invariants.md's, "Linux 2.6.32".
 */
#include <string.h>

#include "sim_test.h"

#include "linux/dcache.h"
#include "linux/fs.h"
#include "linux/ipc_namespace.h"
#include "linux/mm.h"
#include "linux/mount.h"
#include "linux/pagemap.h"
#include "linux/radix-tree.h"
#include "linux/rbtree.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/boot.h"
#include "sim/mmu.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "ipc/util.h"

/*
 * ipc/shm.c's private struct shm_file_data, field for field, so that a
 * test can break an attach file's (its layout is 2.6.32's).
 */
struct sfd_view {
	int id;
	struct ipc_namespace *ns;
	struct file *file;
	const struct vm_operations_struct *vm_ops;
};

static struct task_struct *a, *b;
static unsigned long rw_addr, ro_addr, dest_addr;
static int dest_id;

static int setup(void **state)
{
	pid_t pid;

	(void)state;
	sim_trace.all = 0;
	sim_machine.ram = 16UL << 20;
	if (start_kernel())
		return -1;
	a = sim_task_create("A", 1000, 1000);
	if (!a)
		return -1;
	current = a;
	if (sys_shmget(0x4d2, 8192, IPC_CREAT | 0600) != 0 ||
	    sys_shmat(0, NULL, 0, &rw_addr) ||
	    sys_shmat(0, NULL, SHM_RDONLY, &ro_addr) ||
	    sim_user_touch(rw_addr, 1))
		return -1;
	pid = (pid_t)do_fork(0, "B");
	b = sim_find_task_by_pid(pid);
	current = a;
	dest_id = (int)sys_shmget(IPC_PRIVATE, 4096, 0600);
	if (!b || dest_id != 32769 || sys_shmat(dest_id, NULL, 0, &dest_addr) ||
	    sys_shmctl(dest_id, IPC_RMID, NULL))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char why[256] = "";

	(void)state;
	if (sim_check_all(why, sizeof(why)))
		fail_msg("teardown: %s", why);
	sim_radix_tree_exit();
	sim_uid_exit();
	assert_int_equal(sim_shutdown(stderr), 0);
	return 0;
}

/* the check finds item, and its message has words */
static void expect_broken(int item, const char *words)
{
	char why[256] = "";
	int got = sim_check_all(why, sizeof(why));

	if (got != item || !strstr(why, words))
		fail_msg("expected item %d \"%s\", got %d: %s", item, words,
			 got, why);
}

static void expect_whole(void)
{
	char why[256] = "";

	if (sim_check_all(why, sizeof(why)))
		fail_msg("expected 0: %s", why);
}

static struct shmid_kernel *seg(int id)
{
	struct kern_ipc_perm *ipcp;

	ipcp = idr_find(&init_ipc_ns.ids[IPC_SHM_IDS].ipcs_idr,
			id % SEQ_MULTIPLIER);
	assert_non_null(ipcp);
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

static struct vm_area_struct *vma_at(struct task_struct *tsk,
				     unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = tsk->mm->mmap; vma; vma = vma->vm_next)
		if (vma->vm_start <= addr && addr < vma->vm_end)
			return vma;
	fail_msg("no vma at %#lx", addr);
	return NULL;
}

/* the page of segment 0 at index 0, which A wrote */
static struct page *page0(void)
{
	struct address_space *mapping = seg(0)->shm_file->f_mapping;
	struct page *page = radix_tree_lookup(&mapping->page_tree, 0);

	assert_non_null(page);
	return page;
}

static void test_sim_check_all__world_is_whole(void **s)
{
	(void)s;
	expect_whole();
	assert_int_equal(seg(0)->shm_nattch, 4);
	assert_int_equal(vma_at(a, rw_addr)->vm_file->f_count, 2);
	assert_int_equal(seg(0)->shm_file->f_count, 1);
	assert_int_equal(seg(0)->shm_file->f_path.dentry->d_count, 3);
	assert_int_equal(page_count(page0()), 2);
	assert_true(seg(dest_id)->shm_perm.mode & SHM_DEST);
}

/* mm: items 1, 40, 41, 2, 42, 3, 4, 5, 6, 43, 44 */

static void test_sim_mm_check__vma_bounds(void **s)
{
	struct vm_area_struct *vma = vma_at(a, rw_addr);

	(void)s;
	vma->vm_end += 1;
	expect_broken(1, "vma-bounds: mm#");
	vma->vm_end -= 1;
	expect_whole();
}

static void test_sim_mm_check__vma_order(void **s)
{
	struct vm_area_struct *first = a->mm->mmap;
	unsigned long end = first->vm_end;

	(void)s;
	assert_non_null(first->vm_next);
	first->vm_end = first->vm_next->vm_start + PAGE_SIZE;
	expect_broken(40, "vma-order:");
	first->vm_end = end;
	expect_whole();
}

static void test_sim_mm_check__vma_links(void **s)
{
	struct vm_area_struct *second = a->mm->mmap->vm_next;

	(void)s;
	second->vm_prev = NULL;
	expect_broken(41, "vma-links:");
	second->vm_prev = a->mm->mmap;
	expect_whole();
}

/* put vma back into mm's tree where its address says (find_vma_prepare) */
static void rb_relink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = rb_entry(parent, struct vm_area_struct, vm_rb);
		link = vma->vm_start < v->vm_start ? &parent->rb_left :
		       &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
}

static void test_sim_mm_check__vma_rbtree(void **s)
{
	struct vm_area_struct *vma = vma_at(a, ro_addr);

	(void)s;
	rb_erase(&vma->vm_rb, &a->mm->mm_rb);
	expect_broken(2, "vma-rbtree: mm#");
	rb_relink(a->mm, vma);
	expect_whole();
}

static void test_sim_mm_check__vma_rbcolour(void **s)
{
	struct rb_node *root = a->mm->mm_rb.rb_node;

	(void)s;
	rb_set_red(root);
	expect_broken(42, "vma-rbcolour:");
	rb_set_black(root);
	expect_whole();
}

static void test_sim_mm_check__map_count(void **s)
{
	(void)s;
	a->mm->map_count++;
	expect_broken(3, "map_count: mm#");
	a->mm->map_count--;
	expect_whole();
}

static void test_sim_mm_check__mmap_cache(void **s)
{
	struct vm_area_struct *saved = a->mm->mmap_cache;

	(void)s;
	a->mm->mmap_cache = b->mm->mmap;	/* B's copy, not A's */
	expect_broken(4, "mmap_cache:");
	a->mm->mmap_cache = saved;
	expect_whole();
}

static void test_sim_mm_check__total_vm(void **s)
{
	(void)s;
	b->mm->total_vm++;
	expect_broken(5, "total_vm: mm#");
	b->mm->total_vm--;
	expect_whole();
}

static void test_sim_mm_check__rss(void **s)
{
	(void)s;
	inc_mm_counter(a->mm, file_rss);
	expect_broken(6, "rss: mm#");
	dec_mm_counter(a->mm, file_rss);
	expect_whole();
}

static void test_sim_mm_check__anon_rss(void **s)
{
	(void)s;
	dec_mm_counter(a->mm, file_rss);
	inc_mm_counter(a->mm, anon_rss);
	expect_broken(43, "anon_rss:");
	dec_mm_counter(a->mm, anon_rss);
	inc_mm_counter(a->mm, file_rss);
	expect_whole();
}

static void test_sim_mm_check__nr_ptes(void **s)
{
	(void)s;
	a->mm->nr_ptes++;
	expect_broken(44, "nr_ptes:");
	a->mm->nr_ptes--;
	expect_whole();
}

/* ipc: items 10, 46, 47, 15, 45, 9, 14 */

static void test_sim_shm_check__perm_id(void **s)
{
	(void)s;
	seg(0)->shm_perm.id += SEQ_MULTIPLIER;
	expect_broken(10, "shm-id: index 0 holds id 32768");
	seg(0)->shm_perm.id -= SEQ_MULTIPLIER;
	expect_whole();
}

static void test_sim_shm_check__deleted(void **s)
{
	(void)s;
	seg(0)->shm_perm.deleted = 1;
	expect_broken(46, "shm-deleted: id 0");
	seg(0)->shm_perm.deleted = 0;
	expect_whole();
}

static void test_sim_shm_check__i_ino(void **s)
{
	struct inode *inode = seg(0)->shm_file->f_path.dentry->d_inode;

	(void)s;
	inode->i_ino = 7;
	expect_broken(47, "shm-ino: id 0");
	inode->i_ino = 0;
	expect_whole();
}

static void test_sim_shm_check__keys_unique(void **s)
{
	(void)s;
	seg(dest_id)->shm_perm.key = 0x4d2;
	expect_broken(15, "shm-key: two segments have key 0x4d2");
	seg(dest_id)->shm_perm.key = IPC_PRIVATE;
	expect_whole();
}

static void test_sim_shm_check__maxid(void **s)
{
	struct ipc_ids *ids = &init_ipc_ns.ids[IPC_SHM_IDS];
	int in_use = ids->in_use;

	(void)s;
	ids->in_use = IPCMNI;	/* ipc_get_maxid then says IPCMNI - 1 */
	expect_broken(45, "shm-maxid: ipc_get_maxid 32767");
	ids->in_use = in_use;
	expect_whole();
}

static void test_sim_shm_check__in_use(void **s)
{
	struct ipc_ids *ids = &init_ipc_ns.ids[IPC_SHM_IDS];

	(void)s;
	ids->in_use++;
	expect_broken(9, "shm-ids: in_use 3, the idr holds 2");
	ids->in_use--;
	expect_whole();
}

static void test_sim_shm_check__shm_tot(void **s)
{
	(void)s;
	init_ipc_ns.shm_tot++;
	expect_broken(14, "shm-tot: shm_tot 4, segments hold 3 pages");
	init_ipc_ns.shm_tot--;
	expect_whole();
}

/* shm attaches: items 48-51, 11, 53, 12, 54, 13, 52, 55, 56 */

static void test_sim_shm_check__vm_file_f_op(void **s)
{
	struct file *file = vma_at(b, ro_addr)->vm_file;
	const struct file_operations *fop = file->f_op;

	(void)s;
	file->f_op = seg(0)->shm_file->f_op;	/* shmem's, not shm's */
	expect_broken(48, "shm-vm_file: vma#");
	file->f_op = fop;
	expect_whole();
}

static void test_sim_shm_check__sfd_id(void **s)
{
	struct sfd_view *sfd = vma_at(a, rw_addr)->vm_file->private_data;

	(void)s;
	sfd->id = 5;
	expect_broken(49, "shm-sfd_id:");
	sfd->id = 0;
	expect_whole();
}

static void test_sim_shm_check__sfd_file(void **s)
{
	struct sfd_view *sfd = vma_at(a, rw_addr)->vm_file->private_data;

	(void)s;
	sfd->file = seg(dest_id)->shm_file;
	expect_broken(50, "shm-sfd: file#");
	sfd->file = seg(0)->shm_file;
	expect_whole();
}

static void test_sim_shm_check__sfd_vm_ops(void **s)
{
	struct sfd_view *sfd = vma_at(a, ro_addr)->vm_file->private_data;
	const struct vm_operations_struct *ops = sfd->vm_ops;

	(void)s;
	sfd->vm_ops = vma_at(a, ro_addr)->vm_ops;	/* shm's own */
	expect_broken(50, "vm_ops other");
	sfd->vm_ops = ops;
	expect_whole();
}

static void test_sim_shm_check__attach_f_count(void **s)
{
	struct file *file = vma_at(a, rw_addr)->vm_file;

	(void)s;
	file->f_count++;
	expect_broken(51, "shm-attach_f_count: attach file#");
	file->f_count--;
	expect_whole();
}

static void test_sim_shm_check__nattch(void **s)
{
	(void)s;
	seg(0)->shm_nattch++;
	expect_broken(11, "shm-nattch: id 0 shm_nattch 5, vmas 4");
	seg(0)->shm_nattch--;
	expect_whole();
}

static void test_sim_shm_check__i_mmap_writable(void **s)
{
	struct address_space *mapping = seg(0)->shm_file->f_mapping;

	(void)s;
	mapping->i_mmap_writable++;
	expect_broken(53, "shm-i_mmap: id 0");
	mapping->i_mmap_writable--;
	expect_whole();
}

static void test_sim_shm_check__segment_f_count(void **s)
{
	(void)s;
	seg(0)->shm_file->f_count++;
	expect_broken(12, "shm-f_count: id 0");
	seg(0)->shm_file->f_count--;
	expect_whole();
}

static void test_sim_shm_check__d_count(void **s)
{
	struct dentry *dentry = seg(0)->shm_file->f_path.dentry;

	(void)s;
	dentry->d_count--;
	expect_broken(54, "shm-d_count: id 0");
	dentry->d_count++;
	expect_whole();
}

static void test_sim_shm_check__dest_needs_private_key(void **s)
{
	(void)s;
	seg(0)->shm_perm.mode |= SHM_DEST;
	expect_broken(13, "shm-dest: id 0 SHM_DEST with key 0x4d2");
	seg(0)->shm_perm.mode &= ~SHM_DEST;
	expect_whole();
}

static void test_sim_shm_check__ns_count(void **s)
{
	(void)s;
	init_ipc_ns.count++;
	expect_broken(52, "shm-ns_count:");
	init_ipc_ns.count--;
	expect_whole();
}

static void test_sim_shm_check__mnt_count(void **s)
{
	(void)s;
	sim_shm_mnt()->mnt_count++;
	expect_broken(55, "shm-mnt_count:");
	sim_shm_mnt()->mnt_count--;
	expect_whole();
}

static void test_sim_shm_check__mnt_writers(void **s)
{
	(void)s;
	sim_shm_mnt()->mnt_writers--;
	expect_broken(56, "shm-mnt_writers:");
	sim_shm_mnt()->mnt_writers++;
	expect_whole();
}

/* pages: items 60, 29, 58, 59, 23, 57, 61 */

static void test_sim_page_alloc_check__free_frame_counted(void **s)
{
	struct page *page = pfn_to_page(max_mapnr - 1);	/* never used */

	(void)s;
	page->_count = 1;
	expect_broken(60, "page-free_map: page#");
	page->_count = 0;
	expect_whole();
}

static void test_sim_page_alloc_check__total(void **s)
{
	(void)s;
	vm_stat[NR_FREE_PAGES]++;
	expect_broken(29, "page-total:");
	vm_stat[NR_FREE_PAGES]--;
	expect_whole();
}

static void test_sim_page_cache_check__nrpages(void **s)
{
	struct address_space *mapping = seg(0)->shm_file->f_mapping;

	(void)s;
	mapping->nrpages++;
	expect_broken(58, "pagecache-nrpages: inode#");
	mapping->nrpages--;
	expect_whole();
}

static void test_sim_page_cache_check__index(void **s)
{
	(void)s;
	page0()->index = 1;
	expect_broken(59, "pagecache-index: inode#");
	page0()->index = 0;
	expect_whole();
}

static void test_sim_page_check__count(void **s)
{
	(void)s;
	page0()->_count++;
	expect_broken(23, "1 ptes, 1 page cache");
	page0()->_count--;
	expect_whole();
}

static void test_sim_page_check__mapcount(void **s)
{
	(void)s;
	page0()->_mapcount++;
	expect_broken(57, "page-mapcount: page#");
	page0()->_mapcount--;
	expect_whole();
}

static void test_sim_page_check__vm_stat(void **s)
{
	(void)s;
	vm_stat[NR_FILE_MAPPED]++;
	expect_broken(61, "vm_stat:");
	vm_stat[NR_FILE_MAPPED]--;
	expect_whole();
}

/* vfs: items 31, 62 */

static void test_sim_dcache_check__nr_dentry(void **s)
{
	(void)s;
	dentry_stat.nr_dentry++;
	expect_broken(31, "vfs-nr_dentry:");
	dentry_stat.nr_dentry--;
	expect_whole();
}

static void test_sim_files_check__nr_files(void **s)
{
	(void)s;
	files_stat.nr_files++;
	expect_broken(62, "vfs-nr_files:");
	files_stat.nr_files--;
	expect_whole();
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_sim_check_all__world_is_whole),
		T(test_sim_mm_check__vma_bounds),
		T(test_sim_mm_check__vma_order),
		T(test_sim_mm_check__vma_links),
		T(test_sim_mm_check__vma_rbtree),
		T(test_sim_mm_check__vma_rbcolour),
		T(test_sim_mm_check__map_count),
		T(test_sim_mm_check__mmap_cache),
		T(test_sim_mm_check__total_vm),
		T(test_sim_mm_check__rss),
		T(test_sim_mm_check__anon_rss),
		T(test_sim_mm_check__nr_ptes),
		T(test_sim_shm_check__perm_id),
		T(test_sim_shm_check__deleted),
		T(test_sim_shm_check__i_ino),
		T(test_sim_shm_check__keys_unique),
		T(test_sim_shm_check__maxid),
		T(test_sim_shm_check__in_use),
		T(test_sim_shm_check__shm_tot),
		T(test_sim_shm_check__vm_file_f_op),
		T(test_sim_shm_check__sfd_id),
		T(test_sim_shm_check__sfd_file),
		T(test_sim_shm_check__sfd_vm_ops),
		T(test_sim_shm_check__attach_f_count),
		T(test_sim_shm_check__nattch),
		T(test_sim_shm_check__i_mmap_writable),
		T(test_sim_shm_check__segment_f_count),
		T(test_sim_shm_check__d_count),
		T(test_sim_shm_check__dest_needs_private_key),
		T(test_sim_shm_check__ns_count),
		T(test_sim_shm_check__mnt_count),
		T(test_sim_shm_check__mnt_writers),
		T(test_sim_page_alloc_check__free_frame_counted),
		T(test_sim_page_alloc_check__total),
		T(test_sim_page_cache_check__nrpages),
		T(test_sim_page_cache_check__index),
		T(test_sim_page_check__count),
		T(test_sim_page_check__mapcount),
		T(test_sim_page_check__vm_stat),
		T(test_sim_dcache_check__nr_dentry),
		T(test_sim_files_check__nr_files),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "2.6/sim/check");
}
