// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dot/dot_emit.c - the picture: every live structure as one Graphviz
 * digraph, and the emitter the other files of sim/dot draw with.
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
 * This file: the object sets, the emitter (tables, rows, edges, bit names),
 * the gather of every object before anything is printed, and the order of
 * the output. The nodes and edges are drawn by dot_tasks.c (processes),
 * dot_shm.c (segments) and dot_vfs.c (files to pages, and the VFS).
 */
#include <stdarg.h>
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
#include "sim/trace.h"
#include "vfs/vfs_internal.h"
#include "dot/dot.h"

/* Adds p, of sim_id id, to s once; on no memory d->oom is set. */
static void set_add(struct dot *d, struct dot_set *s, const void *p,
		    unsigned int id)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < s->n; i++)
		if (s->v[i].p == p)
			return;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		struct dot_obj *v = realloc(s->v, cap * sizeof(*v));

		if (!v) {
			d->oom = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].p = p;
	s->v[s->n++].id = id;
}

static int obj_cmp(const void *a, const void *b)
{
	const struct dot_obj *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* s in sim_id order: creation order. */
static void set_sort(struct dot_set *s)
{
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), obj_cmp);
}

/* ---- labels and edges --------------------------------------------------- */

/* Text inside an HTML-like label: &, <, > and " escaped. */
void html(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else if ((unsigned char)*s < ' ' || *s == 0x7f)
			fprintf(out, "\\x%02x", (unsigned char)*s);
		else
			fputc(*s, out);
	}
}

/* A struct's table: a header row "kind title"; rows follow. */
void table_begin(struct dot *d, const char *port, const char *color,
		 const char *kind, const char *title)
{
	fprintf(d->out, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING="
		"\"0\" CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\" BGCOLOR=\"%s\"",
		color);
	if (port)
		fprintf(d->out, " PORT=\"%s\"", port);
	fprintf(d->out, "><B>%s</B> ", kind);
	html(d->out, title);
	fputs("</TD></TR>", d->out);
}

/*
 * "name [label=<" and the struct's table; rows follow and node_end()
 * closes. The node joins its column.
 */
void node_begin(struct dot *d, enum dot_col col, const char *name,
		const char *color, const char *kind, const char *fmt, ...)
{
	char title[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(title, sizeof(title), fmt, ap);
	va_end(ap);
	fprintf(d->out, "\t%s [label=<", name);
	table_begin(d, NULL, color, kind, title);
	if (col != COL_NONE)
		fprintf(d->col[col], " %s;", name);
}

void node_end(struct dot *d)
{
	fputs("</TABLE>>];\n", d->out);
}

#define PREFIX(d)	((d)->port_prefix ? (d)->port_prefix : "")

void row(struct dot *d, enum row_kind kind, const char *field,
	 const char *fmt, ...)
{
	char value[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	fprintf(d->out, "<TR><TD ALIGN=\"LEFT\"");
	if (kind == ROW_BACK)
		fprintf(d->out, " PORT=\"%s%s\"", PREFIX(d), field);
	fprintf(d->out, ">%s</TD><TD ALIGN=\"LEFT\"", field);
	if (kind == ROW_PTR)
		fprintf(d->out, " PORT=\"%s%s\"", PREFIX(d), field);
	fputc('>', d->out);
	html(d->out, value);
	fputs("</TD></TR>", d->out);
}

/*
 * from[:port] -> to, labelled with the pointer field it draws. Between two
 * nodes of one column (vm_next, s_root, d_parent, f_vfsmnt) the label is an
 * xlabel: dot fails ("trouble in init_rank") on labelled flat edges inside
 * clusters.
 */
void edge(struct dot *d, const char *from, const char *port,
	  const char *to, const char *label, const char *attrs)
{
	int flat = attrs && !strcmp(attrs, FLAT);

	fprintf(d->out, "\t%s%s%s -> %s [%slabel=\"%s\"%s%s];\n", from,
		port ? ":" : "", port ? port : "", to, flat ? "x" : "", label,
		attrs && !flat ? ", " : "", attrs && !flat ? attrs : "");
}

/* Names of the bits set in flags, joined by sep; "0" if none is. */
void bit_names(unsigned long flags, const struct bit_name *names,
	       size_t n, const char *sep, char *buf, size_t len)
{
	size_t i, used = 0;

	snprintf(buf, len, "0");
	for (i = 0; i < n && used < len; i++)
		if (flags & names[i].bit)
			used += snprintf(buf + used, len - used, "%s%s",
					 used ? sep : "", names[i].name);
}

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

/* The node of address space m, or NULL if it has none. */
struct dot_map *find_map(struct dot *d, const struct address_space *m)
{
	size_t i;

	for (i = 0; i < d->nmaps; i++)
		if (d->maps[i].m == m)
			return &d->maps[i];
	return NULL;
}

/* Gives m a node, named from fmt and n, unless it has one. */
static void add_map(struct dot *d, const struct address_space *m,
		    const char *fmt, unsigned int n)
{
	struct dot_map *maps;

	if (find_map(d, m))
		return;
	maps = realloc(d->maps, (d->nmaps + 1) * sizeof(*maps));
	if (!maps) {
		d->oom = 1;
		return;
	}
	d->maps = maps;
	memset(&maps[d->nmaps], 0, sizeof(*maps));
	maps[d->nmaps].m = m;
	snprintf(maps[d->nmaps].name, sizeof(maps->name), fmt, n);
	d->nmaps++;
}

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
	int c;

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
	fprintf(d->out, "\t// the columns, left to right\n");
	for (c = 0; c < NR_COLS; c++) {
		fflush(d->col[c]);
		if (d->collen[c])
			fprintf(d->out, "\t{rank=same;%s}\n", d->colbuf[c]);
	}
}

/*
 * The whole machine as a Graphviz digraph on out; `dot -Tpng` draws it.
 * Safe at any quiescent point, booted or not; changes nothing and adds no
 * trace event.
 */
void sim_dump_dot_with(FILE *out, unsigned int flags)
{
	int saved_trace = sim_trace.enabled;
	struct dot d;
	int c;

	sim_trace.enabled = 0;
	memset(&d, 0, sizeof(d));
	d.out = out;
	d.flags = flags;
	fprintf(out, "digraph shmsim {\n"
		"\tgraph [rankdir=LR, newrank=true, nodesep=0.2, ranksep=0.5, "
		"fontname=\"Helvetica\", fontsize=12, labelloc=b, "
		"label=\"shmsim: Linux 2.4.16's structures. Arrows are "
		"pointers, named by their field; red dashed: a pte (user "
		"address, rw/ro); grey: a back pointer. kind#N: N-th of its "
		"kind created; page#N: frame N.%s%s\"];\n"
		"\tnode [shape=plaintext, fontname=\"Helvetica\", "
		"fontsize=10];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n",
		flags & SIM_DOT_SHM ? " The shm path only: rootfs and proc "
		"are left out." : "", flags & SIM_DOT_RBTREE ? " Red and "
		"black: each mm's rb-tree of vmas (mm_rb, vm_rb)." : "");
	if (!sim_booted) {
		fprintf(out, "\tnot_booted [shape=box, label=\"the machine "
			"has not booted\"];\n}\n");
		sim_trace.enabled = saved_trace;
		return;
	}
	for (c = 0; c < NR_COLS; c++) {
		d.col[c] = open_memstream(&d.colbuf[c], &d.collen[c]);
		if (!d.col[c])
			d.oom = 1;
	}
	d.drawn = calloc(max_mapnr ? max_mapnr : 1, 1);
	if (!d.drawn)
		d.oom = 1;
	if (!d.oom)
		gather(&d);
	if (!d.oom)
		draw(&d);
	if (d.oom)
		fprintf(out, "\toom [shape=box, label=\"sim_dump_dot: out of "
			"memory, the picture is incomplete\"];\n");
	fprintf(out, "}\n");
	for (c = 0; c < NR_COLS; c++) {
		if (d.col[c])
			fclose(d.col[c]);
		free(d.colbuf[c]);
	}
	free(d.files.v);
	free(d.mounts.v);
	free(d.sbs.v);
	free(d.dentries.v);
	free(d.inodes.v);
	free(d.maps);
	free(d.drawn);
	sim_trace.enabled = saved_trace;
}

/* Everything, no rb-tree: `dot FILE`, and gdb's call sim_dump_dot(stdout). */
void sim_dump_dot(FILE *out)
{
	sim_dump_dot_with(out, 0);
}
