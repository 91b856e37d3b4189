// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/dot.c - the emitter both kernels' pictures draw with (sim only,
 * no kernel counterpart; sim/include/sim/dot.h). A picture is one Graphviz
 * digraph: each structure a node whose label is an HTML-like table of the
 * fields a learner looks for, each pointer a row whose edge is labelled
 * with the field's name. Nodes join columns (graphviz ranks, newrank=true
 * so that a rank crosses the clusters), printed last as rank=same lines.
 * Each kernel gathers and draws its own structures (sim/dot/ for 2.4.16,
 * sim/2.6/dot/ for 2.6.32) with these; dot_picture() runs the two between
 * the digraph's head and its columns, with tracing off, so a picture adds
 * no trace event. Deterministic: node names come from sim_id, pids, ids
 * and frame numbers, never host addresses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/dot.h"
#include "sim/trace.h"

/* ---- the sets ----------------------------------------------------------- */

void set_add(struct dot *d, struct dot_set *s, const void *p,
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

void set_sort(struct dot_set *s)
{
	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), obj_cmp);
}

int set_has(const struct dot_set *s, const void *p)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].p == p)
			return 1;
	return 0;
}

void mountpoint_rows(struct dot *d, const void *parent, unsigned int parent_id,
		     const void *mp, unsigned int mp_id, const char *mp_name)
{
	row(d, set_has(&d->mounts, parent) ? ROW_PTR : ROW_VALUE,
	    "mnt_parent", "vfsmount#%u", parent_id);
	row(d, set_has(&d->dentries, mp) ? ROW_PTR : ROW_VALUE,
	    "mnt_mountpoint", "dentry#%u \"%.32s\"", mp_id, mp_name);
}

void mountpoint_edges(struct dot *d, const char *from, const void *parent,
		      unsigned int parent_id, const void *mp,
		      unsigned int mp_id)
{
	char to[64];

	if (set_has(&d->mounts, parent)) {
		snprintf(to, sizeof(to), "mnt%u", parent_id);
		edge(d, from, "mnt_parent", to, "mnt_parent", BACK);
	}
	if (set_has(&d->dentries, mp)) {
		snprintf(to, sizeof(to), "dentry%u", mp_id);
		edge(d, from, "mnt_mountpoint", to, "mnt_mountpoint", NULL);
	}
}

struct dot_map *find_map(struct dot *d, const struct address_space *m)
{
	size_t i;

	for (i = 0; i < d->nmaps; i++)
		if (d->maps[i].m == m)
			return &d->maps[i];
	return NULL;
}

void add_map(struct dot *d, const struct address_space *m, const char *fmt,
	     unsigned int n)
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

/* ---- labels and edges --------------------------------------------------- */

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
void node_begin(struct dot *d, int col, const char *name,
		const char *color, const char *kind, const char *fmt, ...)
{
	char title[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(title, sizeof(title), fmt, ap);
	va_end(ap);
	fprintf(d->out, "\t%s [label=<", name);
	table_begin(d, NULL, color, kind, title);
	if (col >= 0 && col < DOT_MAX_COLS)
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

/* ---- the picture -------------------------------------------------------- */

/* The columns, left to right: each one rank. */
static void columns(struct dot *d)
{
	int c;

	fprintf(d->out, "\t// the columns, left to right\n");
	for (c = 0; c < DOT_MAX_COLS; c++) {
		fflush(d->col[c]);
		if (d->collen[c])
			fprintf(d->out, "\t{rank=same;%s}\n", d->colbuf[c]);
	}
}

static void dot_free(struct dot *d)
{
	int c;

	for (c = 0; c < DOT_MAX_COLS; c++) {
		if (d->col[c])
			fclose(d->col[c]);
		free(d->colbuf[c]);
	}
	free(d->files.v);
	free(d->mounts.v);
	free(d->sbs.v);
	free(d->dentries.v);
	free(d->inodes.v);
	free(d->maps);
	free(d->drawn);
}

/*
 * Safe at any quiescent point, booted or not: k's gather and draw only
 * read. Out of memory, the picture says it is incomplete.
 */
void dot_picture(FILE *out, unsigned int flags, const struct dot_kernel *k)
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
		"label=\"%s\"];\n"
		"\tnode [shape=plaintext, fontname=\"Helvetica\", "
		"fontsize=10];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n", k->label);
	if (!k->booted) {
		fprintf(out, "\tnot_booted [shape=box, label=\"the machine "
			"has not booted\"];\n}\n");
		sim_trace.enabled = saved_trace;
		return;
	}
	for (c = 0; c < DOT_MAX_COLS; c++) {
		d.col[c] = open_memstream(&d.colbuf[c], &d.collen[c]);
		if (!d.col[c])
			d.oom = 1;
	}
	d.drawn = calloc(k->nframes ? k->nframes : 1, 1);
	if (!d.drawn)
		d.oom = 1;
	if (!d.oom)
		k->gather(&d);
	if (!d.oom) {
		k->draw(&d);
		columns(&d);
	}
	if (d.oom)
		fprintf(out, "\toom [shape=box, label=\"sim_dump_dot: out of "
			"memory, the picture is incomplete\"];\n");
	fprintf(out, "}\n");
	dot_free(&d);
	sim_trace.enabled = saved_trace;
}
