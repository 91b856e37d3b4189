// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/html_svg.c - the page's pictures (cli/html.h), drawn by Graphviz's
 * own library (in the process cli/html_render.c keeps for it): each
 * statement's digraph (sim/dot/, as --dot-dir writes it) is read with
 * agmemread, compared with the previous statement's by node name (a
 * stable object id: dentry5 is dentry#5) and by each edge's ends, ports
 * and label, marked, laid out with gvLayout "dot" and drawn with
 * gvRenderData "svg".
 *
 * Marks are SVG classes the page's stylesheet colours: "new" for a node
 * or edge the previous picture did not have, "changed" for a node whose
 * label changed (its changed rows get a background too), "ghost" for
 * what the previous picture had and this one has not, drawn greyed for
 * this one step.
 *
 * The VFS (the cluster_vfs of the digraph: file system types, superblocks,
 * mounts and their roots) is laid out as a picture of its own, so that
 * the page can fold it away without leaving a hole: the main picture
 * keeps a small dashed stub for each VFS object a pointer leads to. The
 * fold shows only the VFS objects that changed; unfolded, the whole VFS.
 * A task's vmas keep address order: the digraph draws each mm's vmas as
 * one node, a column of tables in vm_next order.
 */
#define _GNU_SOURCE	/* memmem */
#include <gvc.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

/* a changed row's background */
#define HTML_ROW_BG "#fff59d"
/* a ghost's tables */
#define HTML_GHOST_BG "#eeeeee"

enum part { PART_MAIN, PART_VFS, PART_FOLD };
enum mark { MARK_SAME, MARK_NEW, MARK_CHANGED };

/* the keys of a picture's edges (edge_key), sorted */
struct keyset {
	char **k;
	size_t n;
};

struct html_pics {
	GVC_t *gvc;
	Agraph_t *prev;		/* the previous picture as read, or NULL */
	struct keyset prev_edges;	/* its edges' keys */
	char prefix[8];		/* of the SVG ids: one page, many pictures */
	unsigned int n;		/* pictures drawn */
};

static const char *attr(void *obj, const char *name)
{
	const char *v = agget(obj, (char *)name);

	return v ? v : "";
}

/* sets an attribute, as an HTML-like label when html */
static void set_attr(void *obj, const char *name, const char *value, int html)
{
	Agraph_t *g = agraphof(obj);
	char *v = html ? agstrdup_html(g, (char *)value) :
			 agstrdup(g, (char *)value);

	agsafeset(obj, (char *)name, v, "");
	agstrfree(g, v);
}

/* the SVG classes of obj, and one more */
static void add_class(void *obj, const char *cls)
{
	char buf[128];
	const char *old = attr(obj, "class");

	snprintf(buf, sizeof(buf), "%s%s%s", old, *old ? " " : "", cls);
	set_attr(obj, "class", buf, 0);
}

/* Graphviz's warnings (an unknown port, ...) are not the user's business */
static int quiet(char *msg)
{
	(void)msg;
	return 0;
}

struct html_pics *html_draw_new(const char *prefix)
{
	struct html_pics *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	snprintf(p->prefix, sizeof(p->prefix), "%s", prefix);
	agseterrf(quiet);
	p->gvc = gvContext();
	if (!p->gvc) {
		free(p);
		return NULL;
	}
	return p;
}

/* an edge's identity: its ends, their ports, its label */
static void edge_key(Agedge_t *e, char *buf, size_t len)
{
	snprintf(buf, len, "%s:%s>%s:%s|%s|%s", agnameof(agtail(e)),
		 attr(e, "tailport"), agnameof(aghead(e)), attr(e, "headport"),
		 attr(e, "label"), attr(e, "xlabel"));
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void keys_free(struct keyset *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++)
		free(ks->k[i]);
	free(ks->k);
	ks->k = NULL;
	ks->n = 0;
}

/* 0, or -1 out of memory (ks is then empty) */
static int keys_of(Agraph_t *g, struct keyset *ks)
{
	size_t size = (size_t)agnedges(g) + 1;
	Agnode_t *n;
	Agedge_t *e;
	char buf[512];

	ks->n = 0;
	ks->k = calloc(size, sizeof(*ks->k));
	if (!ks->k)
		return -1;
	for (n = agfstnode(g); n; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e && ks->n < size;
		     e = agnxtout(g, e)) {
			edge_key(e, buf, sizeof(buf));
			ks->k[ks->n] = strdup(buf);
			if (!ks->k[ks->n++]) {
				keys_free(ks);
				return -1;
			}
		}
	qsort(ks->k, ks->n, sizeof(*ks->k), key_cmp);
	return 0;
}

static int keys_has(const struct keyset *ks, Agedge_t *e)
{
	char buf[512], *key = buf;

	edge_key(e, buf, sizeof(buf));
	return ks->n && bsearch(&key, ks->k, ks->n, sizeof(*ks->k), key_cmp);
}

void html_draw_free(struct html_pics *p)
{
	if (!p)
		return;
	if (p->prev)
		agclose(p->prev);
	keys_free(&p->prev_edges);
	gvFreeContext(p->gvc);
	free(p);
}

static int in_vfs(Agraph_t *g, Agnode_t *n)
{
	Agraph_t *vfs = agsubg(g, "cluster_vfs", 0);

	return vfs && agsubnode(vfs, n, 0);
}

static enum mark node_mark(Agraph_t *prev, Agnode_t *n)
{
	Agnode_t *o;

	if (!prev)
		return MARK_SAME;	/* the first picture: nothing to say */
	o = agnode(prev, agnameof(n), 0);
	if (!o)
		return MARK_NEW;
	return strcmp(attr(o, "label"), attr(n, "label")) ? MARK_CHANGED :
							     MARK_SAME;
}

/* the end of the innermost <TR> row starting at row, or NULL */
static const char *row_end(const char *row)
{
	const char *end = strstr(row, "</TR>");
	const char *inner = strstr(row + 4, "<TR>");

	return end && (!inner || inner > end) ? end + 5 : NULL;
}

static int is_header(const char *row, const char *end)
{
	const char *c = strstr(row, "COLSPAN");

	return c && c < end;
}

/*
 * Is this row, in the table headed by head, in the old label too? A row
 * is compared with its table's header, so that two vmas' equal rows
 * stay apart.
 */
static int old_row(const char *old, const char *head, size_t hlen,
		   const char *row, size_t rlen)
{
	const char *p = old, *oh = "", *end;
	size_t ohlen = 0;

	while ((p = strstr(p, "<TR>"))) {
		end = row_end(p);
		if (!end) {
			p += 4;
			continue;
		}
		if (is_header(p, end)) {
			oh = p;
			ohlen = (size_t)(end - p);
		}
		if (ohlen == hlen && !strncmp(oh, head, hlen) &&
		    (size_t)(end - p) == rlen && !strncmp(p, row, rlen))
			return 1;
		p = end;
	}
	return 0;
}

/* a changed row: each cell without a colour of its own gets one */
static void mark_row(FILE *f, const char *row, size_t rlen)
{
	const char *p = row, *end = row + rlen, *td, *gt;

	while ((td = strstr(p, "<TD")) && td < end) {
		gt = strchr(td, '>');
		fwrite(p, 1, (size_t)(td - p), f);
		fputs("<TD", f);
		if (gt && !memmem(td, (size_t)(gt - td), "BGCOLOR", 7))
			fputs(" BGCOLOR=\"" HTML_ROW_BG "\"", f);
		p = td + 3;
	}
	fwrite(p, 1, (size_t)(end - p), f);
}

/* cur's label with the rows old did not have marked; to free */
static char *mark_rows(const char *cur, const char *old)
{
	char *buf = NULL;
	size_t len = 0, hlen = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *p = cur, *row, *end, *head = "";

	if (!f)
		return NULL;
	while ((row = strstr(p, "<TR>"))) {
		end = row_end(row);
		fwrite(p, 1, (size_t)(row - p) + (end ? 0 : 4), f);
		if (!end) {
			p = row + 4;
			continue;
		}
		if (is_header(row, end)) {
			head = row;
			hlen = (size_t)(end - row);
		}
		if (old_row(old, head, hlen, row, (size_t)(end - row)))
			fwrite(row, 1, (size_t)(end - row), f);
		else
			mark_row(f, row, (size_t)(end - row));
		p = end;
	}
	fputs(p, f);
	fclose(f);
	return buf;
}

/* a label greyed: every background the ghost's */
static char *ghost_label(const char *label)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *p = label, *bg, *q;

	if (!f)
		return NULL;
	while ((bg = strstr(p, "BGCOLOR=\"")) && (q = strchr(bg + 9, '"'))) {
		fwrite(p, 1, (size_t)(bg - p), f);
		fputs("BGCOLOR=\"" HTML_GHOST_BG "\"", f);
		p = q + 1;
	}
	fputs(p, f);
	fclose(f);
	return buf;
}

/* marks what is new or changed in g since prev (NULL: the first) */
static void mark(Agraph_t *g, Agraph_t *prev, const struct keyset *prev_edges)
{
	Agnode_t *n;
	Agedge_t *e;
	char *label;

	if (!prev)
		return;
	for (n = agfstnode(g); n; n = agnxtnode(g, n)) {
		switch (node_mark(prev, n)) {
		case MARK_NEW:
			add_class(n, "new");
			break;
		case MARK_CHANGED:
			add_class(n, "changed");
			label = mark_rows(attr(n, "label"),
					  attr(agnode(prev, agnameof(n), 0),
					       "label"));
			if (label && aghtmlstr(agget(n, "label")))
				set_attr(n, "label", label, 1);
			free(label);
			break;
		case MARK_SAME:
			break;
		}
		for (e = agfstout(g, n); e; e = agnxtout(g, e))
			if (!keys_has(prev_edges, e))
				add_class(e, "new");
	}
}

static void copy_attr(void *to, void *from, const char *name)
{
	const char *v = agget(from, (char *)name);

	if (v && *v)
		set_attr(to, name, v, aghtmlstr((char *)v));
}

/* "<B>vfsmount</B> vfsmount#3 = shm_mnt": a node's header, for its stub */
static void stub_label(Agnode_t *n, char *buf, size_t len)
{
	const char *label = attr(n, "label"), *b = strstr(label, "<B>");
	const char *end = b ? strstr(b, "</TD>") : NULL;

	if (end)
		snprintf(buf, len, "%.*s<BR/><FONT POINT-SIZE=\"8\">in the "
			 "VFS picture</FONT>", (int)(end - b), b);
	else
		snprintf(buf, len, "%s (VFS)", agnameof(n));
}

/* n's stub in the main picture: where a pointer into the VFS ends */
static Agnode_t *stub_of(Agraph_t *g, Agnode_t *n)
{
	char name[256], label[1024];
	Agnode_t *s;

	snprintf(name, sizeof(name), "stub_%s", agnameof(n));
	s = agnode(g, name, 0);
	if (s)
		return s;
	s = agnode(g, name, 1);
	stub_label(n, label, sizeof(label));
	set_attr(s, "label", label, 1);
	set_attr(s, "shape", "box", 0);
	set_attr(s, "style", "rounded,dashed", 0);
	set_attr(s, "color", "#888888", 0);
	set_attr(s, "class", "stub", 0);
	return s;
}

/* the main picture's pointers into VFS node n, led to its stub */
static void stub_edges(Agraph_t *g, Agnode_t *n)
{
	static const char *const copied[] = { "label", "xlabel", "color",
		"fontcolor", "style", "constraint", "class" };
	Agedge_t *e, *se;
	Agnode_t *other;
	size_t i;

	for (e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
		other = agtail(e) == n ? aghead(e) : agtail(e);
		if (in_vfs(g, other))
			continue;
		if (aghead(e) == n) {
			se = agedge(g, other, stub_of(g, n), NULL, 1);
			copy_attr(se, e, "tailport");
		} else {
			se = agedge(g, stub_of(g, n), other, NULL, 1);
			copy_attr(se, e, "headport");
		}
		for (i = 0; i < sizeof(copied) / sizeof(copied[0]); i++)
			copy_attr(se, e, copied[i]);
	}
}

/* is n drawn in this part of the picture? */
static int in_part(Agraph_t *g, Agnode_t *n, enum part part,
		   Agraph_t *prev)
{
	if (part == PART_MAIN)
		return !in_vfs(g, n);
	return in_vfs(g, n) &&
	       (part == PART_VFS || node_mark(prev, n) != MARK_SAME);
}

/* g keeps this part's nodes; the main picture gets stubs for the VFS */
static void keep_part(Agraph_t *g, enum part part, Agraph_t *prev)
{
	Agnode_t *n, *next;

	for (n = agfstnode(g); n; n = next) {
		next = agnxtnode(g, n);
		if (in_part(g, n, part, prev))
			continue;
		if (part == PART_MAIN)
			stub_edges(g, n);
		agdelnode(g, n);
	}
}

/* the cluster of prev that holds o, or NULL */
static Agraph_t *cluster_of(Agraph_t *prev, Agnode_t *o)
{
	Agraph_t *sg;

	for (sg = agfstsubg(prev); sg; sg = agnxtsubg(sg))
		if (!strncmp(agnameof(sg), "cluster", 7) &&
		    agsubnode(sg, o, 0))
			return sg;
	return NULL;
}

/* o, gone since the previous picture, drawn greyed where it was */
static void ghost_node(Agraph_t *g, Agraph_t *prev, Agnode_t *o)
{
	Agraph_t *pc = cluster_of(prev, o), *sg = g;
	Agnode_t *n;
	char *label;

	if (pc) {
		sg = agsubg(g, agnameof(pc), 0);
		if (!sg) {	/* the whole cluster went: a task that exited */
			sg = agsubg(g, agnameof(pc), 1);
			copy_attr(sg, pc, "label");
			set_attr(sg, "style", "rounded,dashed", 0);
			set_attr(sg, "color", "#aaaaaa", 0);
		}
	}
	n = agnode(sg, agnameof(o), 1);
	label = ghost_label(attr(o, "label"));
	if (label)
		set_attr(n, "label", label, aghtmlstr(agget(o, "label")));
	free(label);
	add_class(n, "ghost");
}

/* an edge of prev that this picture has not, greyed, for one step */
static void ghost_edge(Agraph_t *g, Agedge_t *o)
{
	Agnode_t *t = agnode(g, agnameof(agtail(o)), 0);
	Agnode_t *h = agnode(g, agnameof(aghead(o)), 0);
	Agedge_t *e;

	if (!t || !h)
		return;
	e = agedge(g, t, h, NULL, 1);
	copy_attr(e, o, "tailport");
	copy_attr(e, o, "headport");
	copy_attr(e, o, "label");
	copy_attr(e, o, "xlabel");
	copy_attr(e, o, "constraint");
	set_attr(e, "style", "dashed", 0);
	set_attr(e, "color", "#aaaaaa", 0);
	set_attr(e, "fontcolor", "#aaaaaa", 0);
	add_class(e, "ghost");
}

/* what prev had in this part and cur (this step's picture) has not */
static void add_ghosts(Agraph_t *g, Agraph_t *cur, Agraph_t *prev,
		       enum part part)
{
	struct keyset now;
	Agnode_t *o;
	Agedge_t *e;

	if (!prev)
		return;
	for (o = agfstnode(prev); o; o = agnxtnode(prev, o))
		if (!agnode(cur, agnameof(o), 0) &&
		    in_vfs(prev, o) == (part != PART_MAIN))
			ghost_node(g, prev, o);
	if (keys_of(cur, &now))
		return;
	for (o = agfstnode(prev); o; o = agnxtnode(prev, o))
		for (e = agfstout(prev, o); e; e = agnxtout(prev, e))
			if (!keys_has(&now, e))
				ghost_edge(g, e);
	keys_free(&now);
}

/* subgraphs left with no node would be drawn as empty boxes */
static void drop_empty(Agraph_t *g)
{
	Agraph_t *sg, *next;

	for (sg = agfstsubg(g); sg; sg = next) {
		next = agnxtsubg(sg);
		if (!agnnodes(sg))
			agdelsubg(g, sg);
	}
}

/* Graphviz's SVG from its <svg> on, without its comments */
static void write_svg(FILE *f, const char *svg)
{
	const char *p = strstr(svg, "<svg"), *c, *end;

	while (p && (c = strstr(p, "<!--")) && (end = strstr(c, "-->"))) {
		fwrite(p, 1, (size_t)(c - p), f);
		p = end + 3;
		while (*p == '\n')
			p++;
	}
	if (p)
		fputs(p, f);
}

/* lays g out and draws it into f */
static void render(struct html_pics *p, FILE *f, Agraph_t *g)
{
	char id[32], *svg = NULL;
	unsigned int len = 0;

	snprintf(id, sizeof(id), "%s%u", p->prefix, p->n++);
	set_attr(g, "id", id, 0);
	if (gvLayout(p->gvc, g, "dot")) {
		fputs("<p class=\"nopic\">Graphviz could not lay this picture "
		      "out</p>\n", f);
		return;
	}
	if (!gvRenderData(p->gvc, g, "svg", &svg, &len) && svg)
		write_svg(f, svg);
	else
		fputs("<p class=\"nopic\">Graphviz could not draw this "
		      "picture</p>\n", f);
	gvFreeRenderData(svg);
	gvFreeLayout(p->gvc, g);
}

/* one part of the picture of dot (cur, as read) */
static void draw_part(struct html_pics *p, FILE *f, const char *dot,
		      Agraph_t *cur, enum part part)
{
	Agraph_t *g = agmemread(dot);

	if (!g)
		return;
	mark(g, p->prev, &p->prev_edges);
	keep_part(g, part, p->prev);
	add_ghosts(g, cur, p->prev, part);
	drop_empty(g);
	render(p, f, g);
	agclose(g);
}

/* the VFS objects of cur, and how many are new, changed or gone */
static int vfs_changes(Agraph_t *cur, Agraph_t *prev, int *total)
{
	Agnode_t *n;
	int changed = 0;

	*total = 0;
	for (n = agfstnode(cur); n; n = agnxtnode(cur, n))
		if (in_vfs(cur, n)) {
			++*total;
			changed += node_mark(prev, n) != MARK_SAME;
		}
	for (n = prev ? agfstnode(prev) : NULL; n; n = agnxtnode(prev, n))
		changed += in_vfs(prev, n) && !agnode(cur, agnameof(n), 0);
	return changed;
}

static void draw_vfs(struct html_pics *p, FILE *f, const char *dot,
		     Agraph_t *cur)
{
	int total, changed = vfs_changes(cur, p->prev, &total);

	if (!total && !changed)
		return;
	fprintf(f, "<details class=\"vfs\" data-changed=\"%d\"%s><summary>"
		"the VFS: %d object%s, %d new, changed or gone since the "
		"previous statement</summary>\n", changed,
		changed ? " open" : "", total, total == 1 ? "" : "s", changed);
	fputs("<div class=\"vfs-fold\">\n", f);
	if (changed)
		draw_part(p, f, dot, cur, PART_FOLD);
	fputs("</div>\n<div class=\"vfs-full\">\n", f);
	draw_part(p, f, dot, cur, PART_VFS);
	fputs("</div>\n</details>\n", f);
}

void html_draw_step(struct html_pics *p, FILE *f, const char *dot)
{
	Agraph_t *cur = dot ? agmemread(dot) : NULL;

	fputs("<div class=\"picture\">\n", f);
	if (cur) {
		draw_part(p, f, dot, cur, PART_MAIN);
		draw_vfs(p, f, dot, cur);
	} else {
		fputs("<p class=\"nopic\">no picture: the statement did not "
		      "run</p>\n", f);
	}
	fputs("</div>\n", f);
	if (p->prev)
		agclose(p->prev);
	keys_free(&p->prev_edges);
	p->prev = cur;
	if (cur)
		keys_of(cur, &p->prev_edges);
}

unsigned int html_draw_count(const struct html_pics *p)
{
	return p->n;
}

void html_draw_set_count(struct html_pics *p, unsigned int n)
{
	p->n = n;
}
