// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dot/dot_emit.c - the picture: every live structure of the 2.6.32
 * model as one Graphviz digraph. Sim only, no 2.6.32 counterpart.
 * sim_dump_dot() draws the shm path the way the "one picture" article
 * draws it, left to right:
 *
 *   task -> mm -> vma --vm_file--> file (attach) --private_data-->
 *     shm_file_data --sfd->file--> file (segment) -> dentry -> inode ->
 *     address_space -> radix_tree_node -> page
 *   init_ipc_ns -> ipc_ids -> idr_layer --ary[N]--> shmid_kernel
 *     --shm_file--> (the same segment file)
 *   vma - - - - - - - - - - - pte 0xb7fff000 rw - - - - - - - - - -> page
 *
 * 2.6 gives every shmat its own struct file: both files are nodes, and
 * both point at one dentry and one vfsmount (f_path); below them, the VFS:
 * file_system_type -> super_block <- vfsmount, mnt_root -> the tmpfs root,
 * the d_parent of every segment's dentry. Each structure is a table of
 * the fields a learner looks for; each pointer is a row, and its edge is
 * labelled with the field's name. Back pointers (vm_mm, i_mmap, ns) are
 * grey; ptes are dashed red.
 *
 * Layout: columns are graphviz ranks (dot.h): 0 task, 1 mm and
 * init_ipc_ns, 2 vma and ipc_ids, 3 attach file and idr_layer, 4
 * shm_file_data and shmid_kernel, 5 segment file, vfsmount and
 * file_system_type, 6 dentry and super_block, 7 inode, 8 address_space,
 * 9 radix_tree_node, 10 page. Clusters: one per task, one for the IPC
 * namespace and its segments, one for the VFS. sysfs, rootfs, bdev and
 * proc are drawn small; SIM_DOT_SHM leaves them out. An mm's vmas are one
 * node of stacked tables, in list (address) order, which dot keeps;
 * SIM_DOT_RBTREE adds the mm's rb-tree.
 *
 * Node names come from sim_id (kind#N, the names the trace prints), pids,
 * shmids and frame numbers; a shm_file_data (kzalloc'd, unnumbered) is
 * named by its attach file. Read-only; tracing is off while it runs.
 * Called by the scenario runner (`dot FILE`, `--dot-dir DIR`) and gdb:
 *   (gdb) call sim_dump_dot(stdout)
 *
 * This file: what is drawn where, the gather of every object before
 * anything is printed, and the order of the output. The emitter is
 * sim/lib/dot.c, shared with the 2.4.16 picture; the nodes and edges are
 * drawn by dot_tasks.c, dot_shm.c and dot_vfs.c.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/boot.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "fs/internal.h"
#include "dot/dot.h"

/* ---- what is drawn where ------------------------------------------------ */

int is_root(const struct dentry *de)
{
	return de->d_parent == de;
}

/* An inode whose every dentry is a root goes with them. */
int is_root_inode(const struct inode *inode)
{
	const struct list_head *pos;

	if (list_empty(&inode->i_dentry))
		return 0;
	list_for_each(pos, &inode->i_dentry)
		if (!is_root(list_entry(pos, struct dentry, d_alias)))
			return 0;
	return 1;
}

/* A regular file's address space, or one in use, gets a node. */
static int has_mapping_node(const struct inode *inode)
{
	const struct address_space *m = inode->i_mapping;

	return m && (S_ISREG(inode->i_mode) || m->nrpages ||
		     !list_empty(&m->i_mmap));
}

/*
 * Left out of a picture of the shm path only (SIM_DOT_SHM): a superblock
 * of another type than shm_mnt's (sysfs, rootfs, bdev, proc).
 */
int left_out(const struct dot *d, const struct super_block *sb)
{
	const struct vfsmount *shm = sim_shm_mnt();

	return (d->flags & SIM_DOT_SHM) && sb && shm &&
	       sb->s_type != shm->mnt_sb->s_type;
}

const char *ops_name(const void *ops)
{
	const char *name = sim_shmem_ops_name(ops);

	if (name)
		return name;
	if (!ops)
		return "NULL";
	if (ops == &simple_dir_operations)
		return "simple_dir_operations";
	if (ops == &simple_dir_inode_operations)
		return "simple_dir_inode_operations";
	return "?";
}

/* ---- the gather --------------------------------------------------------- */

/* dentry and every dentry under it. */
static void add_dentry_tree(struct dot *d, struct dentry *dentry)
{
	struct list_head *pos;

	set_add(d, &d->dentries, dentry, sim_id(dentry));
	list_for_each(pos, &dentry->d_subdirs)
		add_dentry_tree(d, list_entry(pos, struct dentry, d_u.d_child));
}

/*
 * Every file a vma maps (an attach file), the segment file its
 * shm_file_data names, and every segment's shm_file: creation order.
 */
static void gather_files(struct dot *d)
{
	struct list_head *pos;
	struct vm_area_struct *vma;
	struct sim_shm_attach a;
	struct sim_shm_info info;
	int slot;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next) {
			if (!vma->vm_file)
				continue;
			set_add(d, &d->files, vma->vm_file,
				sim_id(vma->vm_file));
			if (sim_shm_attach(vma->vm_file, &a) && a.file)
				set_add(d, &d->files, a.file, sim_id(a.file));
		}
	}
	for (slot = 0; slot <= sim_shm_max_slot(); slot++)
		if (sim_shm_slot(slot, &info))
			set_add(d, &d->files, info.file, sim_id(info.file));
	set_sort(&d->files);
}

/* The kernel's own mounts (held by globals), the namespace's, the files'. */
static void gather_mounts(struct dot *d)
{
	struct vfsmount *known[] = {
		sysfs_mount, sim_init_mnt_ns ? sim_init_mnt_ns->root : NULL,
		sim_bd_mnt, proc_mnt, sim_shm_mnt(),
	};
	struct list_head *pos;
	size_t i;

	for (i = 0; i < NR_BITS(known); i++)
		if (known[i] && !left_out(d, known[i]->mnt_sb))
			set_add(d, &d->mounts, known[i], sim_id(known[i]));
	/* and every mount of the namespace: mount(2)'s too */
	if (sim_init_mnt_ns)
		list_for_each(pos, &sim_init_mnt_ns->list) {
			struct vfsmount *mnt = list_entry(pos,
							  struct vfsmount,
							  mnt_list);

			if (!left_out(d, mnt->mnt_sb))
				set_add(d, &d->mounts, mnt, sim_id(mnt));
		}
	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		if (f->f_path.mnt)
			set_add(d, &d->mounts, f->f_path.mnt,
				sim_id(f->f_path.mnt));
		if (f->f_path.dentry)
			set_add(d, &d->dentries, f->f_path.dentry,
				sim_id(f->f_path.dentry));
	}
	set_sort(&d->mounts);
}

/* Every superblock's tree, and the inodes of every drawn superblock. */
static void gather_trees(struct dot *d)
{
	struct list_head *pos;
	size_t i;

	list_for_each(pos, &super_blocks) {
		struct super_block *sb = list_entry(pos, struct super_block,
						    s_list);

		if (left_out(d, sb))
			continue;
		set_add(d, &d->sbs, sb, sim_id(sb));
		if (sb->s_root)
			add_dentry_tree(d, sb->s_root);
	}
	for (i = 0; i < d->mounts.n; i++) {
		const struct vfsmount *mnt = d->mounts.v[i].p;

		if (mnt->mnt_sb)
			set_add(d, &d->sbs, mnt->mnt_sb, sim_id(mnt->mnt_sb));
		if (mnt->mnt_root)
			set_add(d, &d->dentries, mnt->mnt_root,
				sim_id(mnt->mnt_root));
	}
	set_sort(&d->sbs);
	set_sort(&d->dentries);
	for (i = 0; i < d->dentries.n; i++) {
		const struct dentry *de = d->dentries.v[i].p;

		if (de->d_inode)
			set_add(d, &d->inodes, de->d_inode,
				sim_id(de->d_inode));
	}
	for (i = 0; i < d->sbs.n; i++) {
		const struct super_block *sb = d->sbs.v[i].p;

		list_for_each(pos, &sb->s_inodes)
			set_add(d, &d->inodes, list_entry(pos, struct inode,
							  i_sb_list),
				sim_id(list_entry(pos, struct inode,
						  i_sb_list)));
	}
	set_sort(&d->inodes);
}

/* Every live file, mount, superblock, dentry, inode and address space. */
static void gather(struct dot *d)
{
	size_t i;

	gather_files(d);
	gather_mounts(d);
	gather_trees(d);
	for (i = 0; i < d->inodes.n; i++) {
		const struct inode *inode = d->inodes.v[i].p;

		if (has_mapping_node(inode))
			add_map(d, inode->i_mapping, "mapping%u",
				sim_id(inode));
	}
}

/* ---- the picture -------------------------------------------------------- */

/*
 * Clusters and nodes in this order: in rankdir=LR dot stacks what is
 * defined first at the bottom, so the VFS ends below, the segments' objects
 * in the middle and the processes on top. Edges come last, outside every
 * cluster (an edge naming a node not yet defined would create it there).
 */
static void draw(struct dot *d)
{
	struct list_head *pos;
	struct vm_area_struct *vma;
	struct sim_shm_attach a;
	size_t i;

	fprintf(d->out, "\t// the VFS\n");
	vfs_nodes(d);
	fprintf(d->out, "\t// files, shm_file_data, dentries, inodes, "
		"address spaces, pages\n");
	for (i = 0; i < d->files.n; i++) {
		file_node(d, d->files.v[i].p);
		if (sim_shm_attach(d->files.v[i].p, &a))
			sfd_node(d, d->files.v[i].p);
	}
	for (i = 0; i < d->dentries.n; i++)
		if (!is_root(d->dentries.v[i].p))
			dentry_node(d, d->dentries.v[i].p);
	for (i = 0; i < d->inodes.n; i++)
		if (!is_root_inode(d->inodes.v[i].p))
			inode_node(d, d->inodes.v[i].p);
	for (i = 0; i < d->nmaps; i++) {
		mapping_node(d, &d->maps[i]);
		mapping_pages(d, &d->maps[i]);
	}
	fprintf(d->out, "\t// init_ipc_ns and the segments\n");
	shm_nodes(d);
	fprintf(d->out, "\t// the processes\n");
	task_nodes(d);
	fprintf(d->out, "\t// the ptes\n");
	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next)
			vma_ptes(d, vma);
	}
	fprintf(d->out, "\t// the pointers\n");
	task_edges(d);
	shm_edges(d);
	vfs_edges(d);
}

/*
 * The whole machine as a Graphviz digraph on out; `dot -Tpng` draws it.
 * Safe at any quiescent point, booted or not; changes nothing and adds no
 * trace event (sim/lib/dot.c's dot_picture).
 */
void sim_dump_dot_with(FILE *out, unsigned int flags)
{
	char label[640];
	const struct dot_kernel k = {
		.label = label, .booted = sim_booted, .nframes = max_mapnr,
		.gather = gather, .draw = draw,
	};

	snprintf(label, sizeof(label), "shmsim: Linux 2.6.32's structures. "
		 "Arrows are pointers, named by their field; red dashed: a "
		 "pte (user address, rw/ro); grey: a back pointer. kind#N: "
		 "N-th of its kind created; page#N: frame N. Every shmat has "
		 "its own struct file (dark blue), whose shm_file_data names "
		 "the segment's file (light blue).%s%s",
		 flags & SIM_DOT_SHM ? " The shm path only: sysfs, rootfs, "
		 "bdev and proc are left out." : "", flags & SIM_DOT_RBTREE ?
		 " Red and black: each mm's rb-tree of vmas (mm_rb, vm_rb)." :
		 "");
	dot_picture(out, flags, &k);
}

/* Everything, no rb-tree: `dot FILE`, and gdb's call sim_dump_dot(stdout). */
void sim_dump_dot(FILE *out)
{
	sim_dump_dot_with(out, 0);
}
