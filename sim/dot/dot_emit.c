// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dot/dot_emit.c - the picture: every live structure of the 2.4.16
 * model as one Graphviz digraph.
 * Sim only, no 2.4.16 counterpart. sim_dump_dot() draws the machine the way
 * the seed texts draw it by hand, left to right:
 *
 *   task -> mm -> vma --vm_file--> file -> dentry -> inode -> address_space
 *   shm_ids -> shmid_kernel --shm_file--> (the same file)   clean_pages -> page
 *   vma - - - - - - - - - - pte 0x40000000 rw - - - - - - - - - - - - -> page
 *
 * and below them the VFS: file_system_type -> super_block <- vfsmount, and
 * mnt_root -> "/", the d_parent of every segment's dentry. Each structure
 * is a table of the fields a learner looks for; each pointer is a row, and
 * its edge is labelled with the field's name. Back pointers (vm_mm,
 * i_mmap_shared) are grey; ptes are dashed red.
 *
 * Layout: columns are graphviz ranks (newrank=true lets a rank cross the
 * clusters): 0 task, 1 mm and shm_ids, 2 vma and shmid_kernel, 3 file,
 * vfsmount and file_system_type, 4 dentry and super_block, 5 inode,
 * 6 address_space, 7 page. Clusters: one per task (task, mm, vmas), one for
 * the segments, one for the VFS (types, superblocks, mounts, the roots of
 * their trees). rootfs and proc are drawn small. An mm's vmas are one node
 * of stacked tables, in list (address) order, which dot keeps.
 *
 * sim_dump_dot_with()'s flags: SIM_DOT_SHM leaves rootfs and proc out,
 * SIM_DOT_RBTREE adds each mm's rb-tree (mm_rb, vm_rb, rb_left/rb_right).
 *
 * Deterministic: nodes are named from sim_id (kind#N), pids, shmids and
 * frame numbers, never host addresses, and listed in creation order (by
 * sim_id) or list order, so two runs give the same bytes. Read-only, and
 * tracing is off while it runs: a picture adds no trace event.
 * Called by the scenario runner (`dot FILE`, `--dot-dir DIR`) and gdb:
 *   (gdb) call sim_dump_dot(stdout)
 *
 * This file: what is drawn where, the gather of every object before
 * anything is printed, and the order of the output. The emitter (struct
 * dot, tables, rows, edges, the digraph's head and columns) is
 * version-neutral, sim/lib/dot.c, shared with the 2.6.32 picture. The
 * nodes and edges are drawn by dot_tasks.c (processes), dot_shm.c
 * (segments) and dot_vfs.c (files to pages, and the VFS).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shmem_fs.h"
#include "sim/boot.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "vfs/vfs_internal.h"
#include "dot/dot.h"

/* ---- what is drawn where ------------------------------------------------ */

/* The root of its superblock's tree: drawn in the VFS cluster. */
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
		     m->i_mmap_shared || m->i_mmap);
}

/*
 * Left out of a picture of the shm path only (SIM_DOT_SHM): a superblock
 * of another type than shm_mnt's (rootfs, proc). Every tmpfs stays.
 */
int left_out(const struct dot *d, const struct super_block *sb)
{
	return (d->flags & SIM_DOT_SHM) && sb && shm_mnt &&
	       sb->s_type != shm_mnt->mnt_sb->s_type;
}

/* ---- the gather --------------------------------------------------------- */

/* dentry and every dentry under it. */
static void add_dentry_tree(struct dot *d, struct dentry *dentry)
{
	struct list_head *pos;

	set_add(d, &d->dentries, dentry, sim_id(dentry));
	list_for_each(pos, &dentry->d_subdirs)
		add_dentry_tree(d, list_entry(pos, struct dentry, d_child));
}

/* Every file a vma, a segment or anon_list holds, in creation order. */
static void gather_files(struct dot *d)
{
	struct list_head *pos;
	struct vm_area_struct *vma;
	struct sim_shm_info info;
	int slot;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next)
			if (vma->vm_file)
				set_add(d, &d->files, vma->vm_file,
					sim_id(vma->vm_file));
	}
	for (slot = 0; slot <= sim_shm_max_slot(); slot++)
		if (sim_shm_slot(slot, &info))
			set_add(d, &d->files, info.file, sim_id(info.file));
	list_for_each(pos, &anon_list) {
		struct file *f = list_entry(pos, struct file, f_list);

		set_add(d, &d->files, f, sim_id(f));
	}
	set_sort(&d->files);
}

/*
 * The address spaces with a node: each drawn inode's, then any other a
 * page is in.
 */
static void gather_maps(struct dot *d)
{
	unsigned long pfn;
	size_t i;

	for (i = 0; i < d->inodes.n; i++) {
		const struct inode *inode = d->inodes.v[i].p;

		if (has_mapping_node(inode))
			add_map(d, inode->i_mapping, "mapping%u",
				sim_id(inode));
	}
	/* any other cache a page is in: the swap cache, once there is one */
	for (pfn = 0; pfn < max_mapnr; pfn++)
		if (mem_map[pfn].mapping)
			add_map(d, mem_map[pfn].mapping, "mapping_x%u",
				(unsigned int)d->nmaps);
}

/* Every live file, mount, superblock, dentry, inode and address space. */
static void gather(struct dot *d)
{
	struct list_head *pos;
	size_t i;

	gather_files(d);
	for (i = 0; i < SIM_MAX_MOUNTS; i++)
		if (sim_mounts[i] && !left_out(d, sim_mounts[i]->mnt_sb))
			set_add(d, &d->mounts, sim_mounts[i],
				sim_id(sim_mounts[i]));
	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		if (f->f_vfsmnt)
			set_add(d, &d->mounts, f->f_vfsmnt,
				sim_id(f->f_vfsmnt));
		if (f->f_dentry)
			set_add(d, &d->dentries, f->f_dentry,
				sim_id(f->f_dentry));
	}
	set_sort(&d->mounts);
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
	list_for_each(pos, &inode_in_use) {
		struct inode *inode = list_entry(pos, struct inode, i_list);

		if (!left_out(d, inode->i_sb))
			set_add(d, &d->inodes, inode, sim_id(inode));
	}
	set_sort(&d->inodes);
	gather_maps(d);
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
	size_t i;

	fprintf(d->out, "\t// the VFS\n");
	vfs_nodes(d);
	fprintf(d->out, "\t// files, dentries, inodes, address spaces, "
		"pages\n");
	for (i = 0; i < d->files.n; i++)
		file_node(d, d->files.v[i].p);
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
	fprintf(d->out, "\t// shm_ids and the segments\n");
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

	snprintf(label, sizeof(label), "shmsim: Linux 2.4.16's structures. "
		 "Arrows are pointers, named by their field; red dashed: a "
		 "pte (user address, rw/ro); grey: a back pointer. kind#N: "
		 "N-th of its kind created; page#N: frame N.%s%s",
		 flags & SIM_DOT_SHM ? " The shm path only: rootfs, proc and "
		 "the ramfs root are left out." : "",
		 flags & SIM_DOT_RBTREE ? " Red and "
		 "black: each mm's rb-tree of vmas (mm_rb, vm_rb)." : "");
	dot_picture(out, flags, &k);
}

/* Everything, no rb-tree: `dot FILE`, and gdb's call sim_dump_dot(stdout). */
void sim_dump_dot(FILE *out)
{
	sim_dump_dot_with(out, 0);
}
