/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/dot.h - the emitter both kernels' pictures draw with.
 * Sim only. Version-neutral: struct dot, the sets of objects a picture
 * gathers before it prints anything, the colours and edge styles, the
 * tables, rows and edges (sim/lib/dot.c), and dot_picture(), which runs
 * one kernel's gather and draw between the digraph's head and its columns.
 * Each kernel's drawers are its own: sim/dot/ (2.4.16) and sim/2.6/dot/
 * (2.6.32), each with a dot.h that names its columns and includes this.
 * Nothing here reads a kernel structure: an address_space is only a
 * pointer, so one object file serves both kernels.
 */
#ifndef _SIM_DOT_H
#define _SIM_DOT_H

#include <stddef.h>
#include <stdio.h>

struct address_space;

/* At most this many pages per address space (or per vma, anonymous). */
#define DOT_MAX_PAGES	4

/* Columns (graphviz ranks) a kernel's picture may use, left to right. */
#define DOT_MAX_COLS	12
#define COL_NONE	(-1)

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
	FILE *col[DOT_MAX_COLS];	/* the names of each column's nodes */
	char *colbuf[DOT_MAX_COLS];
	size_t collen[DOT_MAX_COLS];
	struct dot_set files, mounts, sbs, dentries, inodes;
	struct dot_map *maps;
	size_t nmaps;
	unsigned char *drawn;		/* per frame: it has a node */
	unsigned int flags;		/* SIM_DOT_* (sim/proc.h) */
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

/* One kernel's picture, for dot_picture(). */
struct dot_kernel {
	const char *label;		/* the caption under the graph */
	int booted;			/* sim_booted: else a one-node graph */
	unsigned long nframes;		/* max_mapnr: the size of drawn[] */
	void (*gather)(struct dot *d);	/* fills the sets */
	void (*draw)(struct dot *d);	/* prints the clusters, nodes, edges */
};

/* ---- sim/lib/dot.c: the emitter ----------------------------------------- */

/* Text inside an HTML-like label: &, <, > and " escaped. */
void html(FILE *out, const char *s);
/* A struct's table: a header row "kind title"; rows follow. */
void table_begin(struct dot *d, const char *port, const char *color,
		 const char *kind, const char *title);
/* "name [label=<" and the struct's table; the node joins column col. */
void node_begin(struct dot *d, int col, const char *name,
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

/* ---- sim/lib/dot.c: the sets and the address spaces --------------------- */

/* Adds p, of sim_id id, to s once; on no memory d->oom is set. */
void set_add(struct dot *d, struct dot_set *s, const void *p,
	     unsigned int id);
/* s in sim_id order: creation order. */
void set_sort(struct dot_set *s);
/* Whether p is in s (drawn): an edge may only go to a drawn node. */
int set_has(const struct dot_set *s, const void *p);
/*
 * A mount made by mount(2): the rows naming its parent vfsmount and the
 * dentry it covers (pointers when those are drawn, else their names), and
 * the edges to them. Each kernel passes its own struct's fields.
 */
void mountpoint_rows(struct dot *d, const void *parent, unsigned int parent_id,
		     const void *mp, unsigned int mp_id, const char *mp_name);
void mountpoint_edges(struct dot *d, const char *from, const void *parent,
		      unsigned int parent_id, const void *mp,
		      unsigned int mp_id);
/* The node of address space m, or NULL if it has none. */
struct dot_map *find_map(struct dot *d, const struct address_space *m);
/* Gives m a node, named from fmt and n, unless it has one. */
void add_map(struct dot *d, const struct address_space *m, const char *fmt,
	     unsigned int n);

/* ---- sim/lib/dot.c: the picture ----------------------------------------- */

/*
 * The digraph on out: its head and caption, k's gather and draw, the
 * columns. Tracing is off throughout: a picture adds no trace event.
 */
void dot_picture(FILE *out, unsigned int flags, const struct dot_kernel *k);

#endif /* _SIM_DOT_H */
