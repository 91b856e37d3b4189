// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dot.c - the picture: every live structure as one Graphviz digraph.
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
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/boot.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/* At most this many pages per address space (or per vma, anonymous). */
#define DOT_MAX_PAGES	4

/* Header colours, one per kind, so a kind is recognised at a glance. */
#define C_TASK		"#ffe599"
#define C_MM		"#f9cb9c"
#define C_VMA		"#fce5cd"
#define C_SHM		"#fff2cc"
#define C_FILE		"#c9daf8"
#define C_DENTRY	"#d9ead3"
#define C_INODE		"#d9d2e9"
#define C_MAPPING	"#ead1dc"
#define C_PAGE		"#eeeeee"
#define C_VFS		"#cfe2f3"

/* Edge styles: back pointers do not pull the layout; ptes are dashed. */
#define BACK	"color=\"#888888\", fontcolor=\"#666666\", constraint=false"
#define PTE	"style=dashed, color=\"#cc0000\", fontcolor=\"#cc0000\""
#define FLAT	"flat"		/* both ends in one column: an xlabel */

enum dot_col {
	COL_TASK, COL_MM, COL_VMA, COL_FILE, COL_DENTRY, COL_INODE,
	COL_MAPPING, COL_PAGE, NR_COLS,
	COL_NONE = -1
};

/* A set of objects of one kind; sorted by sim_id, it is creation order. */
struct dot_obj {
	const void *p;
	unsigned int id;
};

struct dot_set {
	struct dot_obj *v;
	size_t n, cap;
};

/* An address space with a node: an inode's i_data, or another (swap). */
struct dot_map {
	const struct address_space *m;
	char name[32];			/* mapping<inode>, mapping_x<n> */
	int more;			/* has a node "<name>_more" */
};

/* Everything the picture shows, gathered before anything is printed. */
struct dot {
	FILE *out;
	FILE *col[NR_COLS];		/* the names of each column's nodes */
	char *colbuf[NR_COLS];
	size_t collen[NR_COLS];
	struct dot_set files, mounts, sbs, dentries, inodes;
	struct dot_map *maps;
	size_t nmaps;
	unsigned char *drawn;		/* per frame: it has a node */
	unsigned int flags;		/* SIM_DOT_* */
	const char *port_prefix;	/* rows inside a node of many tables */
	int oom;
};

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

static void set_sort(struct dot_set *s)
{
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), obj_cmp);
}

/* ---- labels and edges --------------------------------------------------- */

/* Text inside an HTML-like label: &, <, > and " escaped. */
static void html(FILE *out, const char *s)
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
static void table_begin(struct dot *d, const char *port, const char *color,
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

static void node_begin(struct dot *d, enum dot_col col, const char *name,
		       const char *color, const char *kind, const char *fmt,
		       ...) __attribute__((format(printf, 6, 7)));

/*
 * "name [label=<" and the struct's table; rows follow and node_end()
 * closes. The node joins its column.
 */
static void node_begin(struct dot *d, enum dot_col col, const char *name,
		       const char *color, const char *kind, const char *fmt,
		       ...)
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

static void node_end(struct dot *d)
{
	fputs("</TABLE>>];\n", d->out);
}

enum row_kind {
	ROW_VALUE,		/* a field and its value */
	ROW_PTR,		/* a pointer: the edge leaves the value cell */
	ROW_BACK,		/* back pointer: leaves the name cell, :w */
};

#define PREFIX(d)	((d)->port_prefix ? (d)->port_prefix : "")

static void row(struct dot *d, enum row_kind kind, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void row(struct dot *d, enum row_kind kind, const char *field,
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
static void edge(struct dot *d, const char *from, const char *port,
		 const char *to, const char *label, const char *attrs)
{
	int flat = attrs && !strcmp(attrs, FLAT);

	fprintf(d->out, "\t%s%s%s -> %s [%slabel=\"%s\"%s%s];\n", from,
		port ? ":" : "", port ? port : "", to, flat ? "x" : "", label,
		attrs && !flat ? ", " : "", attrs && !flat ? attrs : "");
}

static const char *dname(const struct dentry *de)
{
	return de->d_name.name ? (const char *)de->d_name.name : "";
}

/* Names of the bits set in flags, joined by sep; "0" if none is. */
struct bit_name {
	unsigned long bit;
	const char *name;
};

static void bit_names(unsigned long flags, const struct bit_name *names,
		      size_t n, const char *sep, char *buf, size_t len)
{
	size_t i, used = 0;

	snprintf(buf, len, "0");
	for (i = 0; i < n && used < len; i++)
		if (flags & names[i].bit)
			used += snprintf(buf + used, len - used, "%s%s",
					 used ? sep : "", names[i].name);
}

static const struct bit_name page_bits[] = {
	{ 1UL << PG_locked, "locked" }, { 1UL << PG_error, "error" },
	{ 1UL << PG_referenced, "referenced" },
	{ 1UL << PG_uptodate, "uptodate" }, { 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_lru, "lru" }, { 1UL << PG_active, "active" },
	{ 1UL << PG_slab, "slab" }, { 1UL << PG_reserved, "reserved" },
	{ 1UL << PG_launder, "launder" },
};

static const struct bit_name fs_bits[] = {
	{ FS_REQUIRES_DEV, "FS_REQUIRES_DEV" }, { FS_SINGLE, "FS_SINGLE" },
	{ FS_NOMOUNT, "FS_NOMOUNT" }, { FS_LITTER, "FS_LITTER" },
};

static const struct bit_name fmode_bits[] = {
	{ FMODE_READ, "FMODE_READ" }, { FMODE_WRITE, "FMODE_WRITE" },
};

#define NR_BITS(a)	(sizeof(a) / sizeof((a)[0]))

/* an address_space's page lists, in the order 2.4 declares them */
static const char *const list_names[3] = { "clean_pages", "dirty_pages",
					   "locked_pages" };

/* ---- what is drawn where ------------------------------------------------ */

/* The root of its superblock's tree: drawn in the VFS cluster. */
static int is_root(const struct dentry *de)
{
	return de->d_parent == de;
}

/* An inode whose every dentry is a root goes with them. */
static int is_root_inode(const struct inode *inode)
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
 * rootfs and proc: a superblock that is not shm_mnt's and holds nothing but
 * its root is drawn small, so the internal mounts stay in a corner.
 */
static int compact(const struct super_block *sb)
{
	return sb && (!shm_mnt || sb != shm_mnt->mnt_sb) && sb->s_root &&
	       list_empty(&sb->s_root->d_subdirs);
}

/*
 * Left out of a picture of the shm path only (SIM_DOT_SHM): a superblock
 * of another type than shm_mnt's (rootfs, proc). Every tmpfs stays.
 */
static int left_out(const struct dot *d, const struct super_block *sb)
{
	return (d->flags & SIM_DOT_SHM) && sb && shm_mnt &&
	       sb->s_type != shm_mnt->mnt_sb->s_type;
}

/* A type left out: all of its superblocks are. */
static int type_left_out(const struct dot *d,
			 const struct file_system_type *fs)
{
	const struct list_head *pos;

	if (!(d->flags & SIM_DOT_SHM) || list_empty(&fs->fs_supers))
		return 0;
	list_for_each(pos, &fs->fs_supers)
		if (!left_out(d, list_entry(pos, struct super_block,
					    s_instances)))
			return 0;
	return 1;
}

/* The global that holds a kernel-internal mount, if any. */
static const char *mount_global(const struct vfsmount *mnt)
{
	if (mnt == root_vfsmnt)
		return "root_vfsmnt";
	if (mnt == proc_mnt)
		return "proc_mnt";
	if (mnt == shm_mnt)
		return "shm_mnt";
	return NULL;
}

static struct dot_map *find_map(struct dot *d, const struct address_space *m)
{
	size_t i;

	for (i = 0; i < d->nmaps; i++)
		if (d->maps[i].m == m)
			return &d->maps[i];
	return NULL;
}

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

static void add_dentry_tree(struct dot *d, struct dentry *dentry)
{
	struct list_head *pos;

	set_add(d, &d->dentries, dentry, dentry->sim_id);
	list_for_each(pos, &dentry->d_subdirs)
		add_dentry_tree(d, list_entry(pos, struct dentry, d_child));
}

/* Every live file, mount, superblock, dentry, inode and address space. */
static void gather(struct dot *d)
{
	struct list_head *pos;
	struct vm_area_struct *vma;
	struct sim_shm_info info;
	unsigned long pfn;
	size_t i;
	int slot;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next)
			if (vma->vm_file)
				set_add(d, &d->files, vma->vm_file,
					vma->vm_file->sim_id);
	}
	for (slot = 0; slot <= sim_shm_max_slot(); slot++)
		if (sim_shm_slot(slot, &info))
			set_add(d, &d->files, info.file, info.file->sim_id);
	list_for_each(pos, &anon_list) {
		struct file *f = list_entry(pos, struct file, f_list);

		set_add(d, &d->files, f, f->sim_id);
	}
	set_sort(&d->files);
	for (i = 0; i < SIM_MAX_MOUNTS; i++)
		if (sim_mounts[i] && !left_out(d, sim_mounts[i]->mnt_sb))
			set_add(d, &d->mounts, sim_mounts[i],
				sim_mounts[i]->sim_id);
	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		if (f->f_vfsmnt)
			set_add(d, &d->mounts, f->f_vfsmnt,
				f->f_vfsmnt->sim_id);
		if (f->f_dentry)
			set_add(d, &d->dentries, f->f_dentry,
				f->f_dentry->sim_id);
	}
	set_sort(&d->mounts);
	list_for_each(pos, &super_blocks) {
		struct super_block *sb = list_entry(pos, struct super_block,
						    s_list);

		if (left_out(d, sb))
			continue;
		set_add(d, &d->sbs, sb, sb->sim_id);
		if (sb->s_root)
			add_dentry_tree(d, sb->s_root);
	}
	for (i = 0; i < d->mounts.n; i++) {
		const struct vfsmount *mnt = d->mounts.v[i].p;

		if (mnt->mnt_sb)
			set_add(d, &d->sbs, mnt->mnt_sb, mnt->mnt_sb->sim_id);
		if (mnt->mnt_root)
			set_add(d, &d->dentries, mnt->mnt_root,
				mnt->mnt_root->sim_id);
	}
	set_sort(&d->sbs);
	set_sort(&d->dentries);
	for (i = 0; i < d->dentries.n; i++) {
		const struct dentry *de = d->dentries.v[i].p;

		if (de->d_inode)
			set_add(d, &d->inodes, de->d_inode,
				de->d_inode->sim_id);
	}
	list_for_each(pos, &inode_in_use) {
		struct inode *inode = list_entry(pos, struct inode, i_list);

		if (!left_out(d, inode->i_sb))
			set_add(d, &d->inodes, inode, inode->sim_id);
	}
	set_sort(&d->inodes);
	for (i = 0; i < d->inodes.n; i++) {
		const struct inode *inode = d->inodes.v[i].p;

		if (has_mapping_node(inode))
			add_map(d, inode->i_mapping, "mapping%u",
				inode->sim_id);
	}
	/* any other cache a page is in: the swap cache, once there is one */
	for (pfn = 0; pfn < max_mapnr; pfn++)
		if (mem_map[pfn].mapping)
			add_map(d, mem_map[pfn].mapping, "mapping_x%u",
				(unsigned int)d->nmaps);
}

/* ---- nodes -------------------------------------------------------------- */

/*
 * Where a vma is drawn: its table inside its mm's node "vmas<mm>", the
 * header's port "v<vma>", or a field's "v<vma>_<field>".
 */
static void vma_ref(char *buf, size_t len, const struct vm_area_struct *vma,
		    const char *field)
{
	snprintf(buf, len, "vmas%u:v%u%s%s", vma->vm_mm ? vma->vm_mm->sim_id :
		 0, vma->sim_id, field ? "_" : "", field ? field : "");
}

/* One vm_area_struct, as a table inside its mm's node. */
static void vma_table(struct dot *d, const struct vm_area_struct *vma)
{
	char port[32], title[32], flags[8];

	snprintf(port, sizeof(port), "v%u", vma->sim_id);
	snprintf(title, sizeof(title), "vma#%u", vma->sim_id);
	snprintf(flags, sizeof(flags), "%c%c%c%c",
		 vma->vm_flags & VM_READ ? 'r' : '-',
		 vma->vm_flags & VM_WRITE ? 'w' : '-',
		 vma->vm_flags & VM_EXEC ? 'x' : '-',
		 vma->vm_flags & VM_MAYSHARE ? 's' : 'p');
	table_begin(d, port, C_VMA, "vm_area_struct", title);
	strcat(port, "_");
	d->port_prefix = port;
	row(d, ROW_VALUE, "vm_start-vm_end", "%08lx-%08lx", vma->vm_start,
	    vma->vm_end);
	row(d, ROW_VALUE, "vm_flags", "%s (%#lx)", flags, vma->vm_flags);
	row(d, ROW_VALUE, "vm_pgoff", "%lu", vma->vm_pgoff);
	row(d, ROW_VALUE, "vm_ops", "%s", sim_is_shm_vma((void *)vma) ?
	    "shm_vm_ops" : vma->vm_ops == &shmem_vm_ops ? "shmem_vm_ops" :
	    vma->vm_ops ? "?" : "NULL");
	row(d, ROW_BACK, "vm_mm", "mm#%u", vma->vm_mm ? vma->vm_mm->sim_id : 0);
	if (vma->vm_file)
		row(d, ROW_PTR, "vm_file", "file#%u", vma->vm_file->sim_id);
	else
		row(d, ROW_VALUE, "vm_file", "NULL");
	/* the next table down: the list is in address order */
	row(d, ROW_VALUE, "vm_next", vma->vm_next ? "vma#%u" : "NULL",
	    vma->vm_next ? vma->vm_next->sim_id : 0);
	/* i_mmap_shared's chain: a row, as arrows in one column cross */
	if (vma->vm_next_share)
		row(d, ROW_VALUE, "vm_next_share", "vma#%u",
		    vma->vm_next_share->sim_id);
	d->port_prefix = NULL;
	fputs("</TABLE>", d->out);
}

/*
 * An mm's vmas, mm->mmap and on down vm_next, as one node of stacked
 * tables: dot keeps the rows of a node in order, so the picture shows
 * them by address as the list holds them (separate nodes it reorders).
 */
static void vmas_node(struct dot *d, const struct mm_struct *mm)
{
	const struct vm_area_struct *vma;
	char name[32];

	snprintf(name, sizeof(name), "vmas%u", mm->sim_id);
	fprintf(d->out, "\t%s [label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
		"CELLSPACING=\"0\" CELLPADDING=\"0\">", name);
	fprintf(d->col[COL_VMA], " %s;", name);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		fputs("<TR><TD>", d->out);
		vma_table(d, vma);
		fputs("</TD></TR>", d->out);
		if (vma->vm_next)
			fputs("<TR><TD HEIGHT=\"8\"></TD></TR>", d->out);
	}
	fputs("</TABLE>>];\n", d->out);
}

/*
 * SIM_DOT_RBTREE: the vm_rb node of every vma as a red or black node,
 * mm_rb to the root, rb_left and rb_right down; the tree find_vma walks.
 */
static void rb_nodes(struct dot *d, const rb_node_t *rb)
{
	const struct vm_area_struct *vma;

	if (!rb)
		return;
	vma = rb_entry(rb, struct vm_area_struct, vm_rb);
	fprintf(d->out, "\trb%u [shape=box, style=\"rounded,filled\", "
		"fillcolor=\"%s\", fontcolor=white, label=\"vm_rb of vma#%u"
		"\\n%08lx %s\"];\n", vma->sim_id, rb->rb_color == RB_RED ?
		"#cc0000" : "#000000", vma->sim_id, vma->vm_start,
		rb->rb_color == RB_RED ? "red" : "black");
	rb_nodes(d, rb->rb_left);
	rb_nodes(d, rb->rb_right);
}

static void rb_edges(struct dot *d, const rb_node_t *rb)
{
	const struct vm_area_struct *vma, *child;
	char from[32], to[32];

	if (!rb)
		return;
	vma = rb_entry(rb, struct vm_area_struct, vm_rb);
	snprintf(from, sizeof(from), "rb%u", vma->sim_id);
	if (rb->rb_left) {
		child = rb_entry(rb->rb_left, struct vm_area_struct, vm_rb);
		snprintf(to, sizeof(to), "rb%u", child->sim_id);
		edge(d, from, NULL, to, "rb_left", NULL);
	}
	if (rb->rb_right) {
		child = rb_entry(rb->rb_right, struct vm_area_struct, vm_rb);
		snprintf(to, sizeof(to), "rb%u", child->sim_id);
		edge(d, from, NULL, to, "rb_right", NULL);
	}
	rb_edges(d, rb->rb_left);
	rb_edges(d, rb->rb_right);
}

/* One cluster per task: its task_struct, mm_struct and vmas. */
static void task_nodes(struct dot *d)
{
	struct list_head *pos;
	char name[32];

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct mm_struct *mm = tsk->mm;

		fprintf(d->out, "\tsubgraph cluster_task%d {\n\t\tlabel=\"",
			(int)tsk->pid);
		html(d->out, tsk->comm);
		fprintf(d->out, "[%d]\"; labelloc=t; style=rounded; "
			"color=\"#b4a7d6\";\n", (int)tsk->pid);
		snprintf(name, sizeof(name), "task%d", (int)tsk->pid);
		node_begin(d, COL_TASK, name, C_TASK, "task_struct",
			   "%.16s[%d]", tsk->comm, (int)tsk->pid);
		row(d, ROW_VALUE, "uid, gid", "%u, %u", (unsigned int)tsk->uid,
		    (unsigned int)tsk->gid);
		if (mm)
			row(d, ROW_PTR, "mm", "mm#%u", mm->sim_id);
		else
			row(d, ROW_VALUE, "mm", "NULL");
		node_end(d);
		if (mm) {
			snprintf(name, sizeof(name), "mm%u", mm->sim_id);
			node_begin(d, COL_MM, name, C_MM, "mm_struct", "mm#%u",
				   mm->sim_id);
			row(d, ROW_VALUE, "map_count", "%d", mm->map_count);
			row(d, ROW_VALUE, "rss", "%lu", mm->rss);
			row(d, ROW_VALUE, "total_vm", "%lu", mm->total_vm);
			row(d, ROW_VALUE, "mm_users", "%d", mm->mm_users);
			row(d, ROW_VALUE, "pgd", "page#%lu",
			    page_to_pfn(virt_to_page(mm->pgd)));
			if (mm->mmap)
				row(d, ROW_PTR, "mmap", "vma#%u",
				    mm->mmap->sim_id);
			else
				row(d, ROW_VALUE, "mmap", "NULL");
			if ((d->flags & SIM_DOT_RBTREE) && mm->mm_rb.rb_node)
				row(d, ROW_PTR, "mm_rb", "vma#%u",
				    rb_entry(mm->mm_rb.rb_node,
					     struct vm_area_struct,
					     vm_rb)->sim_id);
			else if (d->flags & SIM_DOT_RBTREE)
				row(d, ROW_VALUE, "mm_rb", "NULL");
			node_end(d);
			if (mm->mmap)
				vmas_node(d, mm);
			if (d->flags & SIM_DOT_RBTREE)
				rb_nodes(d, mm->mm_rb.rb_node);
		}
		fprintf(d->out, "\t}\n");
	}
}

/* shm_ids and every segment, in slot order. */
static void shm_nodes(struct dot *d)
{
	struct sim_shm_info info;
	int slot, max = sim_shm_max_slot();
	char name[32];

	fprintf(d->out, "\tsubgraph cluster_shm {\n\t\tlabel=\"System V "
		"segments\"; labelloc=t; style=rounded; color=\"#e69138\";\n");
	node_begin(d, COL_MM, "shm_ids", C_SHM, "ipc_ids", "shm_ids");
	row(d, ROW_VALUE, "in_use", "%d", sim_shm_count());
	row(d, ROW_VALUE, "max_id", "%d", max);
	for (slot = 0; slot <= max; slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		fprintf(d->out, "<TR><TD ALIGN=\"LEFT\">entries[%d]</TD><TD "
			"ALIGN=\"LEFT\" PORT=\"e%d\">shmid %d</TD></TR>", slot,
			slot, info.id);
	}
	node_end(d);
	for (slot = 0; slot <= max; slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		snprintf(name, sizeof(name), "shm%d", info.id);
		node_begin(d, COL_VMA, name, C_SHM, "shmid_kernel", "shmid %d",
			   info.id);
		row(d, ROW_VALUE, "id", "%d", info.id);
		row(d, ROW_VALUE, "key", "0x%08x", (unsigned int)info.key);
		row(d, ROW_VALUE, "mode", "%04o%s%s", info.mode & 0777,
		    info.mode & SHM_DEST ? " dest" : "",
		    info.mode & SHM_LOCKED ? " locked" : "");
		row(d, ROW_VALUE, "shm_segsz", "%lu", info.segsz);
		row(d, ROW_VALUE, "shm_nattch", "%lu", info.nattch);
		row(d, ROW_PTR, "shm_file", "file#%u", info.file->sim_id);
		node_end(d);
	}
	fprintf(d->out, "\t}\n");
}

static void file_node(struct dot *d, const struct file *f)
{
	char name[32], mode[64];

	snprintf(name, sizeof(name), "file%u", f->sim_id);
	bit_names(f->f_mode, fmode_bits, NR_BITS(fmode_bits), "|", mode,
		  sizeof(mode));
	node_begin(d, COL_FILE, name, C_FILE, "file", "file#%u", f->sim_id);
	row(d, ROW_VALUE, "f_count", "%d", f->f_count);
	row(d, ROW_VALUE, "f_mode", "%s", mode);
	if (f->f_dentry)
		row(d, ROW_PTR, "f_dentry", "dentry#%u", f->f_dentry->sim_id);
	if (f->f_vfsmnt)
		row(d, ROW_PTR, "f_vfsmnt", "vfsmount#%u",
		    f->f_vfsmnt->sim_id);
	node_end(d);
}

static void dentry_node(struct dot *d, const struct dentry *de)
{
	int small = compact(de->d_sb);
	char name[32];

	snprintf(name, sizeof(name), "dentry%u", de->sim_id);
	node_begin(d, COL_DENTRY, name, C_DENTRY, "dentry", "dentry#%u",
		   de->sim_id);
	row(d, ROW_VALUE, "d_name", "\"%.100s\"", dname(de));
	row(d, ROW_VALUE, "d_count", "%d", de->d_count);
	if (!small)
		row(d, ROW_VALUE, "d_hash", "%s",
		    d_unhashed((struct dentry *)de) ? "unhashed" : "hashed");
	if (de->d_inode)
		row(d, ROW_PTR, "d_inode", "inode#%u", de->d_inode->sim_id);
	else
		row(d, ROW_VALUE, "d_inode", "NULL (negative)");
	if (!is_root(de) && de->d_parent)
		row(d, ROW_PTR, "d_parent", "dentry#%u",
		    de->d_parent->sim_id);
	else if (!small)
		row(d, ROW_VALUE, "d_parent", "itself");
	node_end(d);
}

/*
 * A tmpfs inode's swap entries (its shmem_inode_info), once it has any:
 * "swapped" and the first i_direct[] entries in use, each the value a
 * swap-cache page of it has as its index.
 */
static void shmem_rows(struct dot *d, const struct inode *inode)
{
	const struct shmem_inode_info *info = &inode->u.shmem_i;
	unsigned long i, shown = 0;
	char field[32];

	if (!info->swapped)
		return;
	row(d, ROW_VALUE, "swapped", "%lu", info->swapped);
	for (i = 0; i < SHMEM_NR_DIRECT && shown < DOT_MAX_PAGES; i++) {
		if (!info->i_direct[i].val)
			continue;
		snprintf(field, sizeof(field), "i_direct[%lu]", i);
		row(d, ROW_VALUE, field, "%#lx (swap entry)",
		    (unsigned long)info->i_direct[i].val);
		shown++;
	}
	if (info->swapped > shown)
		row(d, ROW_VALUE, "...", "%lu more swap entries",
		    info->swapped - shown);
}

static void inode_node(struct dot *d, const struct inode *inode)
{
	char name[32];

	snprintf(name, sizeof(name), "inode%u", inode->sim_id);
	node_begin(d, COL_INODE, name, C_INODE, "inode", "inode#%u",
		   inode->sim_id);
	row(d, ROW_VALUE, "i_ino", "%lu", inode->i_ino);
	row(d, ROW_VALUE, "i_mode", "%06o", inode->i_mode);
	row(d, ROW_VALUE, "i_count", "%d", inode->i_count);
	row(d, ROW_VALUE, "i_nlink", "%u", inode->i_nlink);
	if (!compact(inode->i_sb)) {
		row(d, ROW_VALUE, "i_size", "%lld", inode->i_size);
		row(d, ROW_VALUE, "nrpages", "%lu", inode->i_data.nrpages);
		row(d, find_map(d, inode->i_mapping) ? ROW_PTR : ROW_VALUE,
		    "i_mapping", "&i_data");
		if (shm_mnt && inode->i_sb == shm_mnt->mnt_sb)
			shmem_rows(d, inode);
	}
	node_end(d);
}

static void mapping_node(struct dot *d, const struct dot_map *map)
{
	const struct address_space *m = map->m;
	const struct list_head *heads[3] = { &m->clean_pages, &m->dirty_pages,
					     &m->locked_pages };
	const struct list_head *pos;
	unsigned long n;
	int h;

	if (m->host)
		node_begin(d, COL_MAPPING, map->name, C_MAPPING,
			   "address_space", "inode#%u.i_data",
			   m->host->sim_id);
	else
		node_begin(d, COL_MAPPING, map->name, C_MAPPING,
			   "address_space", "host NULL (swap cache)");
	row(d, ROW_VALUE, "nrpages", "%lu", m->nrpages);
	for (h = 0; h < 3; h++) {
		n = 0;
		list_for_each(pos, heads[h])
			n++;
		if (n)
			row(d, ROW_PTR, list_names[h], "%lu page%s", n,
			    n == 1 ? "" : "s");
		else if (h < 2)
			row(d, ROW_VALUE, list_names[h], "empty");
	}
	if (m->i_mmap_shared)
		row(d, ROW_BACK, "i_mmap_shared", "vma#%u",
		    m->i_mmap_shared->sim_id);
	else if (m->host)
		row(d, ROW_VALUE, "i_mmap_shared", "NULL");
	node_end(d);
}

static void page_node(struct dot *d, const struct page *page)
{
	unsigned long pfn = page_to_pfn((struct page *)page);
	char name[32], flags[128];

	snprintf(name, sizeof(name), "page%lu", pfn);
	bit_names(page->flags, page_bits, NR_BITS(page_bits), ",", flags,
		  sizeof(flags));
	node_begin(d, COL_PAGE, name, C_PAGE, "page", "page#%lu", pfn);
	row(d, ROW_VALUE, "count", "%d", page->count);
	if (page->mapping && page->mapping->host)
		row(d, ROW_VALUE, "mapping", "inode#%u.i_data",
		    page->mapping->host->sim_id);
	else if (page->mapping)
		row(d, ROW_VALUE, "mapping", "swap cache");
	else
		row(d, ROW_VALUE, "mapping", "NULL (anonymous)");
	if (page->mapping && page->mapping->host)
		row(d, ROW_VALUE, "index", "%lu", page->index);
	else if (page->mapping)
		row(d, ROW_VALUE, "index", "%#lx (swap entry)", page->index);
	row(d, ROW_VALUE, "flags", "%s", flags);
	node_end(d);
	d->drawn[pfn] = 1;
}

static void fstype_node(struct dot *d, const struct file_system_type *fs)
{
	char name[64], flags[96];

	snprintf(name, sizeof(name), "fs_%s", fs->name);
	bit_names(fs->fs_flags, fs_bits, NR_BITS(fs_bits), "|", flags,
		  sizeof(flags));
	node_begin(d, COL_FILE, name, C_VFS, "file_system_type", "\"%s\"",
		   fs->name);
	row(d, ROW_VALUE, "fs_flags", "%s", flags);
	if (!list_empty(&fs->fs_supers))
		row(d, ROW_PTR, "fs_supers", "super_block#%u",
		    list_entry(fs->fs_supers.next, struct super_block,
			       s_instances)->sim_id);
	if (fs->next)
		row(d, ROW_VALUE, "next", "\"%s\"", fs->next->name);
	node_end(d);
}

static void sb_node(struct dot *d, const struct super_block *sb)
{
	char name[32];

	snprintf(name, sizeof(name), "sb%u", sb->sim_id);
	node_begin(d, COL_DENTRY, name, C_VFS, "super_block",
		   "super_block#%u", sb->sim_id);
	row(d, ROW_VALUE, "s_dev", "%02x:%02x", MAJOR(sb->s_dev),
	    MINOR(sb->s_dev));
	row(d, ROW_VALUE, "s_type", "\"%s\"", sb->s_type ? sb->s_type->name :
	    "NULL");
	if (!compact(sb)) {
		if (sb->s_count >= S_BIAS)
			row(d, ROW_VALUE, "s_count", "S_BIAS + %d",
			    sb->s_count - S_BIAS);
		else
			row(d, ROW_VALUE, "s_count", "%d", sb->s_count);
		row(d, ROW_VALUE, "s_active", "%d", sb->s_active);
	}
	if (sb->s_root)
		row(d, ROW_PTR, "s_root", "dentry#%u", sb->s_root->sim_id);
	else
		row(d, ROW_VALUE, "s_root", "NULL");
	node_end(d);
}

static void mnt_node(struct dot *d, const struct vfsmount *mnt)
{
	const char *global = mount_global(mnt);
	char name[32];

	snprintf(name, sizeof(name), "mnt%u", mnt->sim_id);
	node_begin(d, COL_FILE, name, C_VFS, "vfsmount", "vfsmount#%u%s%s",
		   mnt->sim_id, global ? " = " : "", global ? global : "");
	row(d, ROW_VALUE, "mnt_devname", "\"%.64s\"", mnt->mnt_devname ?
	    mnt->mnt_devname : "");
	row(d, ROW_VALUE, "mnt_count", "%d", mnt->mnt_count);
	if (!compact(mnt->mnt_sb)) {
		if (mnt->mnt_parent == mnt)
			row(d, ROW_VALUE, "mnt_parent", "itself");
		if (mnt->mnt_mountpoint == mnt->mnt_root)
			row(d, ROW_VALUE, "mnt_mountpoint", "= mnt_root");
	}
	if (mnt->mnt_sb)
		row(d, ROW_PTR, "mnt_sb", "super_block#%u",
		    mnt->mnt_sb->sim_id);
	if (mnt->mnt_root)
		row(d, ROW_PTR, "mnt_root", "dentry#%u",
		    mnt->mnt_root->sim_id);
	node_end(d);
}

/*
 * The VFS cluster. Inside a cluster dot stacks what is defined first at
 * the top, so the newest objects (tmpfs, beside the segments' files) come
 * first and rootfs, the oldest, ends at the bottom.
 */
static void vfs_nodes(struct dot *d)
{
	const struct file_system_type *types[64];
	struct file_system_type *fs;
	size_t i, ntypes = 0;

	fprintf(d->out, "\tsubgraph cluster_vfs {\n\t\tlabel=\"VFS: "
		"filesystem types, superblocks, mounts and their roots\"; "
		"labelloc=t; style=rounded; color=\"#6fa8dc\";\n");
	for (fs = file_systems; fs && ntypes < 64; fs = fs->next)
		types[ntypes++] = fs;
	for (i = ntypes; i-- > 0; )
		if (!type_left_out(d, types[i]))
			fstype_node(d, types[i]);
	for (i = d->mounts.n; i-- > 0; )
		mnt_node(d, d->mounts.v[i].p);
	for (i = d->sbs.n; i-- > 0; )
		sb_node(d, d->sbs.v[i].p);
	for (i = d->dentries.n; i-- > 0; )
		if (is_root(d->dentries.v[i].p))
			dentry_node(d, d->dentries.v[i].p);
	for (i = d->inodes.n; i-- > 0; )
		if (is_root_inode(d->inodes.v[i].p))
			inode_node(d, d->inodes.v[i].p);
	fprintf(d->out, "\t}\n");
}

/* ---- pages and ptes ----------------------------------------------------- */

struct dot_page {
	const struct page *page;
	int list;			/* clean_pages, dirty_pages, ... */
};

static int page_index_cmp(const void *a, const void *b)
{
	const struct page *x = ((const struct dot_page *)a)->page;
	const struct page *y = ((const struct dot_page *)b)->page;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return x < y ? -1 : x > y;	/* two pages at one index: a bug */
}

/*
 * An address space's pages in index order, each with an edge from the list
 * it is on. The first DOT_MAX_PAGES are drawn; the rest fold into one
 * "<map>_more" node.
 */
static void mapping_pages(struct dot *d, struct dot_map *map)
{
	const struct address_space *m = map->m;
	const struct list_head *heads[3] = { &m->clean_pages, &m->dirty_pages,
					     &m->locked_pages };
	const struct list_head *pos;
	struct dot_page *pages;
	char to[32];
	size_t n = 0, i;
	int h;

	for (h = 0; h < 3; h++)
		list_for_each(pos, heads[h])
			n++;
	if (!n)
		return;
	pages = calloc(n, sizeof(*pages));
	if (!pages) {
		d->oom = 1;
		return;
	}
	n = 0;
	for (h = 0; h < 3; h++) {
		list_for_each(pos, heads[h]) {
			pages[n].page = list_entry(pos, struct page, list);
			pages[n++].list = h;
		}
	}
	qsort(pages, n, sizeof(*pages), page_index_cmp);
	for (i = 0; i < n && i < DOT_MAX_PAGES; i++) {
		page_node(d, pages[i].page);
		snprintf(to, sizeof(to), "page%lu",
			 page_to_pfn((struct page *)pages[i].page));
		edge(d, map->name, list_names[pages[i].list], to,
		     list_names[pages[i].list], NULL);
		/* an invisible edge in a column keeps index order */
		if (i)
			fprintf(d->out, "\tpage%lu -> %s [style=invis];\n",
				page_to_pfn((struct page *)pages[i - 1].page),
				to);
	}
	if (n > DOT_MAX_PAGES) {
		fprintf(d->out, "\t%s_more [shape=box, style=dashed, label=\""
			"%zu more pages\\nindex %lu to %lu\"];\n", map->name,
			n - DOT_MAX_PAGES, pages[DOT_MAX_PAGES].page->index,
			pages[n - 1].page->index);
		fprintf(d->col[COL_PAGE], " %s_more;", map->name);
		fprintf(d->out, "\t%s -> %s_more [label=\"...\"];\n",
			map->name, map->name);
		fprintf(d->out, "\t%s -> %s_more [style=invis];\n", to,
			map->name);
		map->more = 1;
	}
	free(pages);
}

/*
 * Every present pte of a vma, as a dashed edge to the page it maps. An
 * anonymous page gets its node here (DOT_MAX_PAGES per vma); a pte to a
 * page not drawn counts towards one edge to its "more" node.
 */
static void vma_ptes(struct dot *d, struct vm_area_struct *vma)
{
	unsigned long addr, anon = 0, hidden = 0;
	const struct dot_map *more = NULL;
	char from[48], to[64], label[48];

	vma_ref(from, sizeof(from), vma, NULL);
	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *ptep = sim_pte_lookup(vma->vm_mm, addr);
		unsigned long pfn;
		struct page *page;

		if (!ptep) {
			/* no page table: on to the next 4 MiB */
			addr = (addr | (PGDIR_SIZE - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		if (!pte_present(*ptep) || pte_pfn(*ptep) >= max_mapnr)
			continue;
		pfn = pte_pfn(*ptep);
		page = pfn_to_page(pfn);
		if (!d->drawn[pfn] && !page->mapping) {
			if (anon++ >= DOT_MAX_PAGES) {
				hidden++;
				continue;
			}
			page_node(d, page);
		}
		if (!d->drawn[pfn]) {
			hidden++;
			more = find_map(d, page->mapping);
			continue;
		}
		snprintf(to, sizeof(to), "page%lu", pfn);
		snprintf(label, sizeof(label), "pte 0x%08lx %s", addr,
			 pte_write(*ptep) ? "rw" : "ro");
		edge(d, from, NULL, to, label, PTE);
	}
	if (!hidden)
		return;
	if (more && more->more) {
		snprintf(to, sizeof(to), "%s_more", more->name);
	} else {
		fprintf(d->out, "\tvma%u_more [shape=box, style=dashed, "
			"label=\"more anonymous pages\"];\n", vma->sim_id);
		fprintf(d->col[COL_PAGE], " vma%u_more;", vma->sim_id);
		snprintf(to, sizeof(to), "vma%u_more", vma->sim_id);
	}
	snprintf(label, sizeof(label), "%lu more ptes", hidden);
	edge(d, from, NULL, to, label, PTE);
}

/* ---- the pointers ------------------------------------------------------- */

static void task_edges(struct dot *d)
{
	struct list_head *pos;
	struct vm_area_struct *vma;
	char from[48], to[48];

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct mm_struct *mm = tsk->mm;

		if (!mm)
			continue;
		snprintf(from, sizeof(from), "task%d", (int)tsk->pid);
		snprintf(to, sizeof(to), "mm%u", mm->sim_id);
		edge(d, from, "mm", to, "mm", NULL);
		if (mm->mmap) {
			snprintf(from, sizeof(from), "mm%u", mm->sim_id);
			vma_ref(to, sizeof(to), mm->mmap, NULL);
			edge(d, from, "mmap", to, "mmap", NULL);
		}
		if ((d->flags & SIM_DOT_RBTREE) && mm->mm_rb.rb_node) {
			snprintf(from, sizeof(from), "mm%u", mm->sim_id);
			snprintf(to, sizeof(to), "rb%u",
				 rb_entry(mm->mm_rb.rb_node,
					  struct vm_area_struct,
					  vm_rb)->sim_id);
			edge(d, from, "mm_rb", to, "mm_rb", NULL);
			rb_edges(d, mm->mm_rb.rb_node);
		}
		for (vma = mm->mmap; vma; vma = vma->vm_next) {
			vma_ref(from, sizeof(from), vma, "vm_mm:w");
			snprintf(to, sizeof(to), "mm%u:e", mm->sim_id);
			edge(d, from, NULL, to, "vm_mm", BACK);
			if (vma->vm_file) {
				vma_ref(from, sizeof(from), vma, "vm_file");
				snprintf(to, sizeof(to), "file%u",
					 vma->vm_file->sim_id);
				edge(d, from, NULL, to, "vm_file", NULL);
			}
		}
	}
}

static void shm_edges(struct dot *d)
{
	struct sim_shm_info info;
	char from[32], to[32], port[16], label[32];
	int slot;

	for (slot = 0; slot <= sim_shm_max_slot(); slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		snprintf(port, sizeof(port), "e%d", slot);
		snprintf(to, sizeof(to), "shm%d", info.id);
		snprintf(label, sizeof(label), "entries[%d]", slot);
		edge(d, "shm_ids", port, to, label, NULL);
		snprintf(from, sizeof(from), "shm%d", info.id);
		snprintf(to, sizeof(to), "file%u", info.file->sim_id);
		edge(d, from, "shm_file", to, "shm_file", NULL);
	}
}

static void vfs_edges(struct dot *d)
{
	const struct file_system_type *fs;
	const struct dot_map *map;
	char from[64], to[64];
	size_t i;

	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		snprintf(from, sizeof(from), "file%u", f->sim_id);
		if (f->f_dentry) {
			snprintf(to, sizeof(to), "dentry%u",
				 f->f_dentry->sim_id);
			edge(d, from, "f_dentry", to, "f_dentry", NULL);
		}
		if (f->f_vfsmnt) {
			snprintf(to, sizeof(to), "mnt%u", f->f_vfsmnt->sim_id);
			edge(d, from, "f_vfsmnt", to, "f_vfsmnt", FLAT);
		}
	}
	for (i = 0; i < d->dentries.n; i++) {
		const struct dentry *de = d->dentries.v[i].p;

		snprintf(from, sizeof(from), "dentry%u", de->sim_id);
		if (de->d_inode) {
			snprintf(to, sizeof(to), "inode%u",
				 de->d_inode->sim_id);
			edge(d, from, "d_inode", to, "d_inode", NULL);
		}
		if (!is_root(de) && de->d_parent) {
			snprintf(to, sizeof(to), "dentry%u",
				 de->d_parent->sim_id);
			edge(d, from, "d_parent", to, "d_parent", FLAT);
		}
	}
	for (i = 0; i < d->inodes.n; i++) {
		const struct inode *inode = d->inodes.v[i].p;

		map = find_map(d, inode->i_mapping);
		if (!map)
			continue;
		snprintf(from, sizeof(from), "inode%u", inode->sim_id);
		edge(d, from, "i_mapping", map->name, "i_mapping", NULL);
	}
	for (i = 0; i < d->nmaps; i++) {
		map = &d->maps[i];
		if (!map->m->i_mmap_shared)
			continue;
		vma_ref(to, sizeof(to), map->m->i_mmap_shared, NULL);
		strcat(to, ":e");
		edge(d, map->name, "i_mmap_shared:w", to, "i_mmap_shared",
		     BACK);
	}
	for (fs = file_systems; fs; fs = fs->next) {
		if (list_empty(&fs->fs_supers) || type_left_out(d, fs))
			continue;
		snprintf(from, sizeof(from), "fs_%s", fs->name);
		snprintf(to, sizeof(to), "sb%u", list_entry(fs->fs_supers.next,
			 struct super_block, s_instances)->sim_id);
		edge(d, from, "fs_supers", to, "fs_supers", NULL);
	}
	for (i = 0; i < d->sbs.n; i++) {
		const struct super_block *sb = d->sbs.v[i].p;

		if (!sb->s_root)
			continue;
		snprintf(from, sizeof(from), "sb%u", sb->sim_id);
		snprintf(to, sizeof(to), "dentry%u", sb->s_root->sim_id);
		edge(d, from, "s_root", to, "s_root", FLAT);
	}
	for (i = 0; i < d->mounts.n; i++) {
		const struct vfsmount *mnt = d->mounts.v[i].p;

		snprintf(from, sizeof(from), "mnt%u", mnt->sim_id);
		if (mnt->mnt_sb) {
			snprintf(to, sizeof(to), "sb%u", mnt->mnt_sb->sim_id);
			edge(d, from, "mnt_sb", to, "mnt_sb", NULL);
		}
		if (mnt->mnt_root) {
			snprintf(to, sizeof(to), "dentry%u",
				 mnt->mnt_root->sim_id);
			edge(d, from, "mnt_root", to, "mnt_root", NULL);
		}
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

/* Everything, with no rb-tree: `dot FILE`, and gdb's call sim_dump_dot(stdout). */
void sim_dump_dot(FILE *out)
{
	sim_dump_dot_with(out, 0);
}
