// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/mm/test_shmem.c - sim/mm/shmem.c: shmem_file_setup (and
 * shmem_get_inode), shmem_zero_setup, shmem_nopage -> shmem_getpage ->
 * shmem_getpage_locked, the swap vector (shmem_swp_entry,
 * shmem_alloc_entry), shmem_truncate and shmem_delete_inode, shmem_lock.
 * The counts are 2.4.16's mm/shmem.c: a file takes a dentry under the
 * internal root (root d_count +1), a mount reference and an inode
 * (free_inodes -1); a page takes a block (free_blocks -1, i_blocks +8);
 * page index 16 and up needs the swap vector's i_indirect page and a leaf,
 * allocated at fault time and freed with the inode.
 */
#include <string.h>

#include "sim_world.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

#define BASE	0x40000000UL

static struct shmem_sb_info *sbinfo(void)
{
	return &shm_mnt->mnt_sb->u.shmem_sb;
}

static int list_length(struct list_head *head)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

static int live_files(void)
{
	return files_stat.nr_files - files_stat.nr_free_files;
}

static struct inode *seg_inode(long id)
{
	struct sim_shm_info info;

	assert_true(sim_shm_lookup(id, &info));
	return info.file->f_dentry->d_inode;
}

/* a segment of pages pages, attached read-write at BASE */
static long attach_pages(unsigned long pages)
{
	unsigned long raddr = 0;
	long id = sys_shmget(IPC_PRIVATE, pages * 4096, 0600);

	assert_true(id >= 0);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(raddr, BASE);
	return id;
}

/* ---- shmem_file_setup ---- */

static void test_shmem_file_setup__takes_dentry_mount_and_inode(
	void **state)
{
	struct dentry *root = shm_mnt->mnt_root;
	int d_count = root->d_count, mnt_count = shm_mnt->mnt_count;
	int nr_dentry = dentry_stat.nr_dentry;
	int nr_inodes = inodes_stat.nr_inodes;
	int files = live_files();
	unsigned long free_inodes = sbinfo()->free_inodes;
	struct inode *inode;
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);

	file = shmem_file_setup("SYSVtest", 5000);

	assert_false(IS_ERR(file));
	assert_int_equal(root->d_count, d_count + 1);
	assert_int_equal(shm_mnt->mnt_count, mnt_count + 1);
	assert_int_equal(sbinfo()->free_inodes, free_inodes - 1);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry + 1);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes + 1);
	assert_int_equal(live_files(), files + 1);
	assert_int_equal(file->f_count, 1);
	assert_int_equal(file->f_mode, FMODE_READ | FMODE_WRITE);
	assert_ptr_equal(file->f_vfsmnt, shm_mnt);
	assert_ptr_equal(file->f_dentry->d_parent, root);
	assert_string_equal((const char *)file->f_dentry->d_name.name,
			    "SYSVtest");
	inode = file->f_dentry->d_inode;
	assert_int_equal(inode->i_size, 5000);		/* not rounded */
	assert_int_equal(inode->i_nlink, 0);
	assert_int_equal(inode->i_count, 1);
	assert_int_equal(inode->i_mode, S_IFREG | 0777);
	assert_int_equal(inode->i_uid, 500);
	assert_int_equal(inode->i_gid, 100);
	assert_int_equal(inode->i_blocks, 0);
	assert_int_equal(inode->i_ctime, 1000000000);
	assert_ptr_equal(shmem_inodes.next, &SHMEM_I(inode)->list);
	fput(file);
}

static void test_shmem_file_setup__last_fput_gives_everything_back(
	void **state)
{
	struct dentry *root = shm_mnt->mnt_root;
	int d_count = root->d_count, mnt_count = shm_mnt->mnt_count;
	int nr_dentry = dentry_stat.nr_dentry;
	int nr_inodes = inodes_stat.nr_inodes;
	int files = live_files();
	unsigned long free_inodes = sbinfo()->free_inodes;
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);
	file = shmem_file_setup("SYSVtest", 5000);
	assert_false(IS_ERR(file));

	fput(file);

	assert_int_equal(root->d_count, d_count);
	assert_int_equal(shm_mnt->mnt_count, mnt_count);
	assert_int_equal(sbinfo()->free_inodes, free_inodes);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(inodes_stat.nr_inodes, nr_inodes);
	assert_int_equal(live_files(), files);
	assert_int_equal(list_length(&shmem_inodes), 0);
}

static void test_shmem_file_setup__past_shmem_max_blocks_fails_einval(
	void **state)
{
	int nr_dentry = dentry_stat.nr_dentry;
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);

	file = shmem_file_setup("big", ((long long)SHMEM_MAX_BLOCKS << 12) + 1);

	assert_errno(PTR_ERR(file), -EINVAL);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
}

/* vm_enough_memory: 16 MiB of segment do not fit in 16 MiB of RAM */
static void test_shmem_file_setup__more_than_free_memory_fails_enomem(
	void **state)
{
	int nr_dentry = dentry_stat.nr_dentry;

	(void)state;
	sim_task("a", 500, 100);

	assert_errno(PTR_ERR(shmem_file_setup("big", 16L << 20)), -ENOMEM);

	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
}

/* newseg passes shmem_file_setup's error on, and frees its shmid_kernel */
static void test_newseg__segment_beyond_free_memory_fails_enomem(
	void **state)
{
	(void)state;
	sim_task("a", 500, 100);

	assert_errno(sys_shmget(IPC_PRIVATE, 16L << 20, 0600), -ENOMEM);

	assert_int_equal(sim_shm_count(), 0);
}

/* no inode left: the file and the dentry are unwound again */
static void test_shmem_file_setup__no_free_inode_fails_enospc(void **state)
{
	struct dentry *root = shm_mnt->mnt_root;
	int d_count = root->d_count, nr_dentry = dentry_stat.nr_dentry;
	int files = live_files();
	unsigned long saved = sbinfo()->free_inodes;
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);
	sbinfo()->free_inodes = 0;

	file = shmem_file_setup("SYSVtest", 4096);

	sbinfo()->free_inodes = saved;
	assert_errno(PTR_ERR(file), -ENOSPC);
	assert_int_equal(root->d_count, d_count);
	assert_int_equal(dentry_stat.nr_dentry, nr_dentry);
	assert_int_equal(live_files(), files);
}

static void test_newseg__inode_number_is_the_shmid(void **state)
{
	(void)state;
	sim_task("a", 500, 100);
	assert_errno(sys_shmget(IPC_PRIVATE, 4096, 0600), 0);

	assert_errno(sys_shmget(IPC_PRIVATE, 5000, 0600), 32769);

	assert_int_equal(seg_inode(0)->i_ino, 0);
	assert_int_equal(seg_inode(32769)->i_ino, 32769);
	assert_int_equal(seg_inode(32769)->i_size, 5000);
}

/* ---- shmem_zero_setup ---- */

static void test_shmem_zero_setup__dev_zero_file_for_shared_anonymous(
	void **state)
{
	unsigned long free_inodes = sbinfo()->free_inodes;
	struct vm_area_struct *vma;
	struct inode *inode;

	(void)state;
	sim_task("a", 500, 100);

	assert_int_equal(sys_mmap2(0, 3 * 4096, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0), BASE);

	vma = find_vma(current->mm, BASE);
	assert_ptr_equal(vma->vm_ops, &shmem_vm_ops);
	assert_string_equal((const char *)vma->vm_file->f_dentry->d_name.name,
			    "dev/zero");
	inode = vma->vm_file->f_dentry->d_inode;
	assert_int_equal(inode->i_size, 3 * 4096);
	assert_int_equal(inode->i_nlink, 0);
	assert_int_equal(sbinfo()->free_inodes, free_inodes - 1);
	assert_int_equal(sim_shm_count(), 0);		/* no ipc id */
}

/* ---- shmem_getpage_locked: a new page ---- */

static void test_shmem_getpage_locked__new_page_takes_a_block(void **state)
{
	unsigned long free_blocks = sbinfo()->free_blocks;
	unsigned long cached = page_cache_size;
	struct inode *inode;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(4);
	inode = seg_inode(id);

	assert_int_equal(sim_user_touch(BASE + 2 * 4096, 1), 0);

	assert_int_equal(inode->i_blocks, 8);
	assert_int_equal(sbinfo()->free_blocks, free_blocks - 1);
	assert_int_equal(inode->i_mapping->nrpages, 1);
	assert_int_equal(SHMEM_I(inode)->next_index, 3);
	assert_int_equal(SHMEM_I(inode)->swapped, 0);
	assert_null(SHMEM_I(inode)->i_indirect);
	assert_int_equal(page_cache_size, cached + 1);
}

/* the page already cached: no second block, the same frame */
static void test_shmem_getpage_locked__cached_page_found_again(void **state)
{
	struct task_struct *b;
	struct inode *inode;
	unsigned long free_pages, raddr = 0;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(1);
	inode = seg_inode(id);
	assert_int_equal(sim_user_touch(BASE, 1), 0);
	b = sim_task("b", 500, 100);
	assert_errno(sys_shmat(id, NULL, 0, &raddr), 0);
	assert_int_equal(sim_user_touch(BASE, 0), 0);	/* b's table */
	zap_page_range(b->mm, BASE, 4096);
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_touch(BASE, 0), 0);

	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(inode->i_blocks, 8);
	assert_int_equal(inode->i_mapping->nrpages, 1);
}

/* free_blocks 0: -ENOSPC, which the fault path turns into SIGBUS */
static void test_shmem_getpage_locked__no_free_block_gives_sigbus(
	void **state)
{
	unsigned long saved = sbinfo()->free_blocks;
	struct inode *inode;
	int sig;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(1);
	inode = seg_inode(id);
	sbinfo()->free_blocks = 0;

	sig = sim_user_touch(BASE, 1);

	sbinfo()->free_blocks = saved;
	assert_int_equal(sig, SIGBUS);
	assert_int_equal(current->sim_sig_code, BUS_ADRERR);
	assert_int_equal(inode->i_blocks, 0);
	assert_int_equal(inode->i_mapping->nrpages, 0);
}

/* ---- shmem_nopage / shmem_getpage ---- */

static void test_shmem_nopage__returns_page_with_callers_reference(
	void **state)
{
	struct vm_area_struct *vma;
	struct page *page;

	(void)state;
	sim_task("a", 500, 100);
	attach_pages(2);
	vma = find_vma(current->mm, BASE);

	page = shmem_nopage(vma, BASE + 4096, 0);

	assert_non_null(page);
	assert_true(page != NOPAGE_OOM);
	assert_int_equal(page->index, 1);
	assert_int_equal(page_count(page), 2);		/* cache + ours */
	assert_false(PageLocked(page));
	assert_true(PageUptodate(page));
	page_cache_release(page);
}

static void test_shmem_nopage__index_at_i_size_gives_sigbus(void **state)
{
	struct vm_area_struct *vma;
	struct inode *inode;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = sys_shmget(IPC_PRIVATE, 2052, 0600);
	assert_errno(sys_shmat(id, NULL, 0, (unsigned long[]){ 0 }), 0);
	vma = find_vma(current->mm, BASE);
	inode = seg_inode(id);

	/* index 1: i_size 2052 <= 4096 */
	assert_ptr_equal(shmem_nopage(vma, BASE + 4096, 0), NOPAGE_SIGBUS);

	assert_int_equal(inode->i_mapping->nrpages, 0);
	assert_int_equal(SHMEM_I(inode)->next_index, 0);
}

/* ---- the swap vector ---- */

/* index 15 is the last i_direct entry: no vector page */
static void test_shmem_alloc_entry__index_15_uses_i_direct(void **state)
{
	unsigned long free_pages;
	struct inode *inode;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(17);
	inode = seg_inode(id);
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_touch(BASE + 15 * 4096, 1), 0);

	assert_int_equal(nr_free_pages(), free_pages - 2); /* table + page */
	assert_null(SHMEM_I(inode)->i_indirect);
	assert_int_equal(SHMEM_I(inode)->next_index, 16);
}

static void test_shmem_alloc_entry__index_16_allocates_indirect_and_leaf(
	void **state)
{
	struct shmem_inode_info *info;
	unsigned long free_pages;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(17);
	info = SHMEM_I(seg_inode(id));
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_touch(BASE + 16 * 4096, 1), 0);

	/* page table + i_indirect + leaf + the page itself */
	assert_int_equal(nr_free_pages(), free_pages - 4);
	assert_non_null(info->i_indirect);
	assert_true(info->i_indirect[0] != 0);
	assert_int_equal(info->i_indirect[1], 0);
	assert_int_equal(info->next_index, 17);
	/* the vector pages are not counted in i_blocks */
	assert_int_equal(seg_inode(id)->i_blocks, 8);
}

static void test_shmem_alloc_entry__leaf_shared_by_the_next_index(
	void **state)
{
	unsigned long free_pages;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(18);
	assert_int_equal(sim_user_touch(BASE + 16 * 4096, 1), 0);
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_touch(BASE + 17 * 4096, 1), 0);

	assert_int_equal(nr_free_pages(), free_pages - 1);
	assert_int_equal(SHMEM_I(seg_inode(id))->next_index, 18);
}

/* leaf k covers indices 16 + 1024k .. 1039 + 1024k */
static void test_shmem_alloc_entry__index_1040_needs_a_second_leaf(
	void **state)
{
	struct shmem_inode_info *info;
	unsigned long free_pages;
	long id;

	(void)state;
	sim_task("a", 500, 100);
	id = attach_pages(1041);
	info = SHMEM_I(seg_inode(id));
	assert_int_equal(sim_user_touch(BASE + 1039 * 4096UL, 1), 0);
	assert_int_equal(info->i_indirect[1], 0);
	free_pages = nr_free_pages();

	assert_int_equal(sim_user_touch(BASE + 1040 * 4096UL, 1), 0);

	/* leaf 1 + the page (0x40410000 shares 1039's page table) */
	assert_int_equal(nr_free_pages(), free_pages - 2);
	assert_true(info->i_indirect[1] != 0);
	assert_int_equal(info->next_index, 1041);
}

/* shmem_delete_inode -> shmem_truncate frees i_indirect and the leaves */
static void test_shmem_truncate__destroy_frees_the_vector_pages(
	void **state)
{
	struct task_struct *tsk;
	unsigned long free_pages, free_blocks = sbinfo()->free_blocks;
	unsigned long free_inodes = sbinfo()->free_inodes;
	long id;

	(void)state;
	tsk = sim_task("a", 500, 100);
	free_pages = nr_free_pages();
	id = attach_pages(1041);
	assert_int_equal(sim_user_touch(BASE + 16 * 4096, 1), 0);
	assert_int_equal(sim_user_touch(BASE + 1040 * 4096UL, 1), 0);
	assert_errno(sys_shmdt((char *)BASE), 0);

	assert_errno(sys_shmctl(id, IPC_RMID, NULL), 0);

	assert_int_equal(page_tables(tsk->mm), 0);	/* free_pgtables */
	assert_int_equal(nr_free_pages(), free_pages);
	assert_int_equal(sbinfo()->free_blocks, free_blocks);
	assert_int_equal(sbinfo()->free_inodes, free_inodes);
	assert_int_equal(list_length(&shmem_inodes), 0);
}

/* ---- shmem_lock ---- */

static void test_shmem_lock__sets_and_clears_info_locked(void **state)
{
	struct file *file;

	(void)state;
	sim_task("a", 500, 100);
	file = shmem_file_setup("SYSVlock", 4096);
	assert_false(IS_ERR(file));

	shmem_lock(file, 1);
	assert_int_equal(SHMEM_I(file->f_dentry->d_inode)->locked, 1);
	shmem_lock(file, 0);
	assert_int_equal(SHMEM_I(file->f_dentry->d_inode)->locked, 0);
	fput(file);
}

#define T(f) cmocka_unit_test_setup_teardown(f, sim_setup, sim_teardown)

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(test_shmem_file_setup__takes_dentry_mount_and_inode),
		T(test_shmem_file_setup__last_fput_gives_everything_back),
		T(test_shmem_file_setup__past_shmem_max_blocks_fails_einval),
		T(test_shmem_file_setup__more_than_free_memory_fails_enomem),
		T(test_newseg__segment_beyond_free_memory_fails_enomem),
		T(test_shmem_file_setup__no_free_inode_fails_enospc),
		T(test_newseg__inode_number_is_the_shmid),
		T(test_shmem_zero_setup__dev_zero_file_for_shared_anonymous),
		T(test_shmem_getpage_locked__new_page_takes_a_block),
		T(test_shmem_getpage_locked__cached_page_found_again),
		T(test_shmem_getpage_locked__no_free_block_gives_sigbus),
		T(test_shmem_nopage__returns_page_with_callers_reference),
		T(test_shmem_nopage__index_at_i_size_gives_sigbus),
		T(test_shmem_alloc_entry__index_15_uses_i_direct),
		T(test_shmem_alloc_entry__index_16_allocates_indirect_and_leaf),
		T(test_shmem_alloc_entry__leaf_shared_by_the_next_index),
		T(test_shmem_alloc_entry__index_1040_needs_a_second_leaf),
		T(test_shmem_truncate__destroy_frees_the_vector_pages),
		T(test_shmem_lock__sets_and_clears_info_locked),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "mm/shmem");
}
