/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/dot/dot.h - what the files of the picture share. Sim only.
 * struct dot, everything the picture shows, gathered before anything is
 * printed; the columns, row kinds, colours and edge styles; and the
 * functions one file of sim/dot calls in another: the emitter's
 * (dot_emit.c) and each drawer's (dot_tasks.c, dot_shm.c, dot_vfs.c).
 * The big picture is at the head of dot_emit.c.
 * Included by the files of sim/dot only; the public entry points,
 * sim_dump_dot() and sim_dump_dot_with(), are declared in sim/proc.h.
 */
#ifndef _SIM_DOT_DOT_H
#define _SIM_DOT_DOT_H

#include <stddef.h>
#include <stdio.h>

#include "linux/fs.h"
#include "linux/mm.h"

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

/* The columns, left to right: graphviz ranks (see dot_emit.c). */
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

/* What a row() is, and so where its edge leaves it. */
enum row_kind {
	ROW_VALUE,		/* a field and its value */
	ROW_PTR,		/* a pointer: the edge leaves the value cell */
	ROW_BACK,		/* back pointer: leaves the name cell, :w */
};

/* A bit of a flags word and its name, for bit_names(). */
struct bit_name {
	unsigned long bit;
	const char *name;
};

#define NR_BITS(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- dot_emit.c: the emitter -------------------------------------------- */

/* Text inside an HTML-like label: &, <, > and " escaped. */
void html(FILE *out, const char *s);
/* A struct's table: a header row "kind title"; rows follow. */
void table_begin(struct dot *d, const char *port, const char *color,
		 const char *kind, const char *title);
/* "name [label=<" and the struct's table; the node joins column col. */
void node_begin(struct dot *d, enum dot_col col, const char *name,
		const char *color, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Closes the table and the node node_begin() opened. */
void node_end(struct dot *d);
/* One field and its value; a pointer's row carries the edge's port. */
void row(struct dot *d, enum row_kind kind, const char *field,
	 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* from[:port] -> to, labelled with its field; attrs BACK, PTE or FLAT. */
void edge(struct dot *d, const char *from, const char *port,
	  const char *to, const char *label, const char *attrs);
/* Names of the bits set in flags, joined by sep; "0" if none is. */
void bit_names(unsigned long flags, const struct bit_name *names,
	       size_t n, const char *sep, char *buf, size_t len);

/* ---- dot_emit.c: what is drawn where ------------------------------------ */

/* The root of its superblock's tree: drawn in the VFS cluster. */
int is_root(const struct dentry *de);
/* An inode whose every dentry is a root: drawn in the VFS cluster. */
int is_root_inode(const struct inode *inode);
/* A superblock left out of a picture of the shm path only (SIM_DOT_SHM). */
int left_out(const struct dot *d, const struct super_block *sb);
/* The node of address space m, or NULL if it has none. */
struct dot_map *find_map(struct dot *d, const struct address_space *m);

/* ---- dot_tasks.c: the processes ----------------------------------------- */

/* Where a vma is drawn: "vmas<mm>:v<vma>", or a field's port in it. */
void vma_ref(char *buf, size_t len, const struct vm_area_struct *vma,
	     const char *field);
/* One cluster per task: its task_struct, mm_struct and vmas. */
void task_nodes(struct dot *d);
/* Every present pte of a vma, as a dashed edge to the page it maps. */
void vma_ptes(struct dot *d, struct vm_area_struct *vma);
/* mm, mmap, mm_rb (and the rb-tree's), vm_mm and vm_file. */
void task_edges(struct dot *d);

/* ---- dot_shm.c: the segments -------------------------------------------- */

/* The cluster of shm_ids and every segment, in slot order. */
void shm_nodes(struct dot *d);
/* entries[N] from shm_ids, and each segment's shm_file. */
void shm_edges(struct dot *d);

/* ---- dot_vfs.c: files to pages, and the VFS ----------------------------- */

/* The nodes of one file, dentry, inode, address space and page. */
void file_node(struct dot *d, const struct file *f);
void dentry_node(struct dot *d, const struct dentry *de);
void inode_node(struct dot *d, const struct inode *inode);
void mapping_node(struct dot *d, const struct dot_map *map);
void page_node(struct dot *d, const struct page *page);
/* An address space's pages in index order, the edges from its lists. */
void mapping_pages(struct dot *d, struct dot_map *map);
/* The VFS cluster: types, superblocks, mounts and the roots of trees. */
void vfs_nodes(struct dot *d);
/* Every pointer from a file down, and among the VFS's structures. */
void vfs_edges(struct dot *d);

#endif /* _SIM_DOT_DOT_H */
