// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/sim/test_dot.c - the picture, sim/dot/'s sim_dump_dot().
 * Builds the seed texts' world through the system calls (two tasks, one
 * segment attached by both, a page touched) and checks that the digraph
 * holds the nodes and the labelled pointers a learner follows: shm_ids ->
 * shmid_kernel -shm_file-> file -f_dentry-> dentry -d_inode-> inode
 * -i_mapping-> address_space -> page, both vmas' vm_file to the one file,
 * and the ptes. Also: two dumps are the same bytes, a dump adds no trace
 * event, a segment's many pages fold into a "more" node, the vmas are
 * drawn in address order, and SIM_DOT_RBTREE and SIM_DOT_SHM.
 * Rendering with Graphviz is tests/dot/tests.cmake's job.
 */
#include "sim_test.h"
#include "sim_world.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "linux/mm.h"
#include "linux/shm.h"
#include "sim/mmu.h"
#include "sim/shm_views.h"

/*
 * The picture with SIM_DOT_* flags as a string; the caller frees it. Not
 * inlined: gcc 12 -O2 then takes the returned buffer for a pointer into
 * the local variable open_memstream filled (-Wdangling-pointer).
 */
static __attribute__((noinline)) char *dump_with(unsigned int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	if (flags)
		sim_dump_dot_with(f, flags);
	else
		sim_dump_dot(f);
	assert_int_equal(fclose(f), 0);
	assert_non_null(buf);
	return buf;
}

static char *dump(void)
{
	return dump_with(0);
}

/* Fails, printing the line, unless the picture has it. */
static void assert_has(const char *dot, const char *line)
{
	if (strstr(dot, line))
		return;
	print_error("no line \"%s\" in the picture:\n%s\n", line, dot);
	fail();
}

static void assert_hasf(const char *dot, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void assert_hasf(const char *dot, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	assert_has(dot, line);
}

/* The frame the pte of addr in tsk maps. */
static unsigned long pte_frame(struct task_struct *tsk, unsigned long addr)
{
	pte_t *pte = sim_pte_lookup(tsk->mm, addr);

	assert_non_null(pte);
	assert_true(pte_present(*pte));
	return pte_pfn(*pte);
}

struct world {
	struct task_struct *writer, *reader;
	int id;
	unsigned long w, r;		/* the attach addresses */
	struct sim_shm_info info;
};

/*
 * The seed texts' example: writer creates key 0x4d2 (2052 bytes), attaches
 * and writes; reader attaches read-only and reads the same frame.
 */
static void writer_reader(struct world *wd)
{
	char hello[] = "hello", buf[8];

	wd->writer = sim_task("writer", 1000, 1000);
	wd->reader = sim_task("reader", 1000, 1000);
	current = wd->writer;
	wd->id = (int)sys_shmget(0x4d2, 2052, IPC_CREAT | 0666);
	assert_errno(wd->id, 0);
	assert_errno(sys_shmat(wd->id, NULL, 0, &wd->w), 0);
	assert_int_equal(sim_user_access(wd->w, hello, 5, 1, NULL), 0);
	current = wd->reader;
	assert_errno(sys_shmat(wd->id, NULL, SHM_RDONLY, &wd->r), 0);
	assert_int_equal(sim_user_access(wd->r, buf, 5, 0, NULL), 0);
	assert_memory_equal(buf, "hello", 5);
	current = &init_task;
	assert_true(sim_shm_lookup(wd->id, &wd->info));
}

static void test_sim_dump_dot__writer_reader_draws_every_pointer(void **s)
{
	struct world wd;
	struct file *file;
	struct dentry *dentry;
	struct inode *inode;
	unsigned long pfn;
	char *dot;

	(void)s;
	writer_reader(&wd);
	file = wd.info.file;
	dentry = file->f_dentry;
	inode = dentry->d_inode;
	pfn = pte_frame(wd.writer, wd.w);
	assert_int_equal(pte_frame(wd.reader, wd.r), pfn);

	dot = dump();
	assert_has(dot, "digraph shmsim {\n");
	/* shm_ids -> shmid_kernel -> file */
	assert_hasf(dot, "\tshm%d [label=<", wd.id);
	assert_hasf(dot, "\tshm_ids:e0 -> shm%d [label=\"entries[0]\"];\n",
		    wd.id);
	assert_hasf(dot, "\tshm%d:shm_file -> file%u [label=\"shm_file\"];\n",
		    wd.id, sim_id(file));
	/* file -> dentry -> inode -> address_space -> page */
	assert_hasf(dot, "\tfile%u:f_dentry -> dentry%u [label=\"f_dentry\"];"
		    "\n", sim_id(file), sim_id(dentry));
	assert_hasf(dot, "\tdentry%u:d_inode -> inode%u [label=\"d_inode\"];"
		    "\n", sim_id(dentry), sim_id(inode));
	assert_hasf(dot, "\tinode%u:i_mapping -> mapping%u [label=\"i_mapping\""
		    "];\n", sim_id(inode), sim_id(inode));
	assert_hasf(dot, "\tmapping%u:clean_pages -> page%lu [label=\""
		    "clean_pages\"];\n", sim_id(inode), pfn);
	/* the VFS around it */
	assert_hasf(dot, "\tfile%u:f_vfsmnt -> mnt%u [xlabel=\"f_vfsmnt\"];\n",
		    sim_id(file), sim_id(file->f_vfsmnt));
	assert_hasf(dot, "\tdentry%u:d_parent -> dentry%u [xlabel=\"d_parent\""
		    "];\n", sim_id(dentry), sim_id(dentry->d_parent));
	assert_hasf(dot, "\tmnt%u:mnt_sb -> sb%u [label=\"mnt_sb\"];\n",
		    sim_id(file->f_vfsmnt), sim_id(file->f_vfsmnt->mnt_sb));
	assert_hasf(dot, "\tmnt%u:mnt_root -> dentry%u [label=\"mnt_root\"];\n",
		    sim_id(file->f_vfsmnt), sim_id(dentry->d_parent));
	assert_hasf(dot, "\tfs_tmpfs:fs_supers -> sb%u [label=\"fs_supers\"];"
		    "\n", sim_id(file->f_vfsmnt->mnt_sb));
	/* both tasks' vmas map the one file, and the one page */
	assert_hasf(dot, "\ttask%d:mm -> mm%u [label=\"mm\"];\n",
		    (int)wd.writer->pid, sim_id(wd.writer->mm));
	assert_hasf(dot, "\tmm%u:mmap -> vmas%u:v%u [label=\"mmap\"];\n",
		    sim_id(wd.reader->mm), sim_id(wd.reader->mm),
		    sim_id(wd.reader->mm->mmap));
	assert_hasf(dot, "\tvmas%u:v%u_vm_file -> file%u [label=\"vm_file\"];"
		    "\n", sim_id(wd.writer->mm), sim_id(wd.writer->mm->mmap),
		    sim_id(file));
	assert_hasf(dot, "\tvmas%u:v%u_vm_file -> file%u [label=\"vm_file\"];"
		    "\n", sim_id(wd.reader->mm), sim_id(wd.reader->mm->mmap),
		    sim_id(file));
	assert_hasf(dot, "\tvmas%u:v%u_vm_mm:w -> mm%u:e [label=\"vm_mm\", ",
		    sim_id(wd.reader->mm), sim_id(wd.reader->mm->mmap),
		    sim_id(wd.reader->mm));
	assert_hasf(dot, "\tvmas%u:v%u -> page%lu [label=\"pte 0x40000000 "
		    "rw\", style=dashed", sim_id(wd.writer->mm),
		    sim_id(wd.writer->mm->mmap), pfn);
	assert_hasf(dot, "\tvmas%u:v%u -> page%lu [label=\"pte 0x40000000 "
		    "ro\", style=dashed", sim_id(wd.reader->mm),
		    sim_id(wd.reader->mm->mmap), pfn);
	/* the whole VFS: rootfs and proc too; no rb-tree */
	assert_has(dot, "\tfs_rootfs [label=<");
	assert_has(dot, "\tfs_proc [label=<");
	assert_null(strstr(dot, "mm_rb"));
	/* the fields a learner reads */
	assert_has(dot, "<TD ALIGN=\"LEFT\">key</TD><TD ALIGN=\"LEFT\">"
		   "0x000004d2</TD>");
	assert_has(dot, "<TD ALIGN=\"LEFT\">shm_nattch</TD><TD ALIGN=\"LEFT\">"
		   "2</TD>");
	assert_has(dot, "<TD ALIGN=\"LEFT\">d_name</TD><TD ALIGN=\"LEFT\">"
		   "&quot;SYSV000004d2&quot;</TD>");
	assert_has(dot, "<TD ALIGN=\"LEFT\">f_count</TD><TD ALIGN=\"LEFT\">"
		   "3</TD>");
	assert_has(dot, "<TD ALIGN=\"LEFT\">s_dev</TD><TD ALIGN=\"LEFT\">"
		   "00:05</TD>");
	assert_has(dot, "subgraph cluster_vfs {");
	assert_has(dot, "subgraph cluster_shm {");
	assert_hasf(dot, "subgraph cluster_task%d {", (int)wd.reader->pid);
	assert_non_null(strstr(dot, "\n}\n"));
	free(dot);
}

static void test_sim_dump_dot__two_dumps_are_the_same_bytes(void **s)
{
	struct world wd;
	char *a, *b;

	(void)s;
	writer_reader(&wd);
	a = dump();
	b = dump();
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void test_sim_dump_dot__adds_no_trace_event(void **s)
{
	struct world wd;
	unsigned int seq;
	char *dot;

	(void)s;
	writer_reader(&wd);
	sim_trace.enabled = 1;
	seq = sim_trace_seq;
	dot = dump();
	assert_int_equal(sim_trace_seq, seq);
	assert_int_equal(sim_trace.enabled, 1);
	free(dot);
}

static void test_sim_dump_dot__rmid_while_attached_shows_dest(void **s)
{
	struct world wd;
	char *dot;

	(void)s;
	writer_reader(&wd);
	current = wd.writer;
	assert_errno(sys_shmctl(wd.id, IPC_RMID, NULL), 0);
	current = &init_task;
	dot = dump();
	assert_has(dot, "<TD ALIGN=\"LEFT\">mode</TD><TD ALIGN=\"LEFT\">"
		   "0666 dest</TD>");
	assert_has(dot, "<TD ALIGN=\"LEFT\">key</TD><TD ALIGN=\"LEFT\">"
		   "0x00000000</TD>");
	free(dot);
}

static void test_sim_dump_dot__boot_only_draws_the_three_mounts(void **s)
{
	char *dot;

	(void)s;
	dot = dump();
	assert_has(dot, "vfsmount#1 = root_vfsmnt");
	assert_has(dot, "vfsmount#2 = proc_mnt");
	assert_has(dot, "vfsmount#3 = shm_mnt");
	assert_has(dot, "\tshm_ids [label=<");
	assert_null(strstr(dot, "\tshm0 ["));
	assert_null(strstr(dot, "cluster_task"));
	free(dot);
}

/* 10 pages touched: 4 drawn, 6 folded, and the ptes to them too */
static void test_sim_dump_dot__many_pages_fold_into_more(void **s)
{
	struct task_struct *tsk;
	struct sim_shm_info info;
	struct inode *inode;
	unsigned long addr, i;
	int id;
	char *dot;

	(void)s;
	tsk = sim_task("A", 0, 0);
	id = (int)sys_shmget(IPC_PRIVATE, 10 * PAGE_SIZE, 0600);
	assert_errno(id, 0);
	assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	for (i = 0; i < 10; i++)
		assert_int_equal(sim_user_touch(addr + i * PAGE_SIZE, 1), 0);
	current = &init_task;
	assert_true(sim_shm_lookup(id, &info));
	inode = info.file->f_dentry->d_inode;
	dot = dump();
	assert_hasf(dot, "\tmapping%u_more [shape=box, style=dashed, "
		    "label=\"6 more pages\\nindex 4 to 9\"];\n", sim_id(inode));
	assert_hasf(dot, "\tvmas%u:v%u -> mapping%u_more [label=\"6 more "
		    "ptes\", ", sim_id(tsk->mm), sim_id(tsk->mm->mmap),
		    sim_id(inode));
	assert_hasf(dot, "label=\"pte 0x%08lx rw\"", addr + 3 * PAGE_SIZE);
	assert_null(strstr(dot, "pte 0x40004000"));
	free(dot);
}

/*
 * Three attaches made out of address order: mmap, vm_next and the node's
 * tables all run 0x40000000, 0x40002000, 0x40004000 (dot keeps a node's
 * rows in order; separate vma nodes it reorders).
 */
static void test_sim_dump_dot__vmas_are_drawn_in_address_order(void **s)
{
	static const unsigned long at[] = { 0x40004000, 0x40000000,
					    0x40002000 };
	struct task_struct *tsk;
	unsigned long addr;
	const char *a, *b, *c;
	char node[32];
	char *dot;
	int id;
	size_t i;

	(void)s;
	tsk = sim_task("A", 0, 0);
	id = (int)sys_shmget(IPC_PRIVATE, PAGE_SIZE, 0600);
	assert_errno(id, 0);
	for (i = 0; i < 3; i++) {
		assert_errno(sys_shmat(id, (char *)at[i], 0, &addr), 0);
		assert_int_equal(addr, at[i]);
	}
	current = &init_task;
	dot = dump();
	snprintf(node, sizeof(node), "\tvmas%u [label=<", sim_id(tsk->mm));
	a = strstr(dot, node);
	assert_non_null(a);
	assert_null(strstr(a + 1, node));
	a = strstr(a, "40000000-40001000");
	b = strstr(dot, "40002000-40003000");
	c = strstr(dot, "40004000-40005000");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_true(a < b && b < c);
	/* all three in that one node: no line ends between them */
	assert_null(memchr(a, '\n', (size_t)(c - a)));
	/* the second attach made the lowest vma: mmap points at it */
	assert_hasf(dot, "\tmm%u:mmap -> vmas%u:v%u [label=\"mmap\"];\n",
		    sim_id(tsk->mm), sim_id(tsk->mm),
		    sim_id(tsk->mm->mmap));
	assert_int_equal(tsk->mm->mmap->vm_start, 0x40000000);
	free(dot);
}

/* rbtree: mm_rb to the root, rb_left and rb_right as the tree holds them */
static void test_sim_dump_dot__rbtree_draws_mm_rb(void **s)
{
	struct task_struct *tsk;
	struct vm_area_struct *root, *left, *right;
	unsigned long addr;
	char *dot;
	int id, i;

	(void)s;
	tsk = sim_task("A", 0, 0);
	id = (int)sys_shmget(IPC_PRIVATE, PAGE_SIZE, 0600);
	assert_errno(id, 0);
	for (i = 0; i < 3; i++)
		assert_errno(sys_shmat(id, NULL, 0, &addr), 0);
	current = &init_task;
	root = rb_entry(tsk->mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
	assert_non_null(root->vm_rb.rb_left);
	assert_non_null(root->vm_rb.rb_right);
	left = rb_entry(root->vm_rb.rb_left, struct vm_area_struct, vm_rb);
	right = rb_entry(root->vm_rb.rb_right, struct vm_area_struct, vm_rb);
	assert_true(left->vm_start < root->vm_start);
	assert_true(root->vm_start < right->vm_start);
	dot = dump_with(SIM_DOT_RBTREE);
	assert_hasf(dot, "\tmm%u:mm_rb -> rb%u [label=\"mm_rb\"];\n",
		    sim_id(tsk->mm), sim_id(root));
	assert_hasf(dot, "\trb%u -> rb%u [label=\"rb_left\"];\n",
		    sim_id(root), sim_id(left));
	assert_hasf(dot, "\trb%u -> rb%u [label=\"rb_right\"];\n",
		    sim_id(root), sim_id(right));
	/* three nodes: a black root, two red children */
	assert_hasf(dot, "\trb%u [shape=box, style=\"rounded,filled\", "
		    "fillcolor=\"#000000\", fontcolor=white, label=\"vm_rb of "
		    "vma#%u\\n%08lx black\"];\n", sim_id(root), sim_id(root),
		    root->vm_start);
	assert_hasf(dot, "fillcolor=\"#cc0000\", fontcolor=white, label=\""
		    "vm_rb of vma#%u\\n%08lx red\"];\n", sim_id(left),
		    left->vm_start);
	assert_hasf(dot, "fillcolor=\"#cc0000\", fontcolor=white, label=\""
		    "vm_rb of vma#%u\\n%08lx red\"];\n", sim_id(right),
		    right->vm_start);
	free(dot);
}

/* shm: rootfs, proc and the ramfs root are left out; shm_mnt stays */
static void test_sim_dump_dot__shm_leaves_out_rootfs_and_proc(void **s)
{
	struct world wd;
	char *dot;

	(void)s;
	writer_reader(&wd);
	dot = dump_with(SIM_DOT_SHM);
	assert_null(strstr(dot, "root_vfsmnt"));
	assert_null(strstr(dot, "proc_mnt"));
	assert_null(strstr(dot, "fs_rootfs"));
	assert_null(strstr(dot, "fs_proc"));
	assert_null(strstr(dot, "\"proc\""));
	assert_has(dot, "vfsmount#3 = shm_mnt");
	assert_has(dot, "\tfs_tmpfs [label=<");
	assert_has(dot, "\tfs_shm [label=<");
	assert_hasf(dot, "\tdentry%u [label=<",
		    sim_id(wd.info.file->f_dentry->d_parent));
	assert_has(dot, "The shm path only: rootfs, proc and the ramfs root "
		   "are left out.");
	/* every edge names a node that is drawn: no node made by an edge */
	assert_null(strstr(dot, "sb1"));
	assert_null(strstr(dot, "sb2"));
	assert_null(strstr(dot, "mnt1"));
	assert_null(strstr(dot, "mnt2"));
	free(dot);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__writer_reader_draws_every_pointer,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__two_dumps_are_the_same_bytes,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__adds_no_trace_event,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__rmid_while_attached_shows_dest,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__boot_only_draws_the_three_mounts,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__many_pages_fold_into_more,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__vmas_are_drawn_in_address_order,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__rbtree_draws_mm_rb,
			sim_setup, sim_teardown),
		cmocka_unit_test_setup_teardown(
			test_sim_dump_dot__shm_leaves_out_rootfs_and_proc,
			sim_setup, sim_teardown),
	};

	return sim_test_main(tests, sizeof(tests) / sizeof(tests[0]), argc,
			     argv, "sim/dot");
}
