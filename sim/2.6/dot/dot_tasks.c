// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dot/dot_tasks.c - the processes in the 2.6.32 picture. Sim only.
 * One cluster per task: its task_struct, its mm_struct and its vmas as one
 * node of stacked tables; with SIM_DOT_RBTREE the mm's rb-tree of vmas;
 * each vma's present ptes as dashed edges to the pages they map; and the
 * task side's pointers (mm, mmap, mm_rb, vm_mm, vm_file).
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "dot/dot.h"

/*
 * Where a vma is drawn: its table inside its mm's node "vmas<mm>", the
 * header's port "v<vma>", or a field's "v<vma>_<field>".
 */
void vma_ref(char *buf, size_t len, const struct vm_area_struct *vma,
	     const char *field)
{
	snprintf(buf, len, "vmas%u:v%u%s%s", vma->vm_mm ? sim_id(vma->vm_mm) :
		 0, sim_id(vma), field ? "_" : "", field ? field : "");
}

/* The vm_ops a vma has: shm's own around tmpfs's, or tmpfs's. */
static const char *vm_ops_name(struct vm_area_struct *vma)
{
	if (sim_is_shm_vma(vma))
		return "shm_vm_ops";
	return ops_name(vma->vm_ops);
}

/* One vm_area_struct, as a table inside its mm's node. */
static void vma_table(struct dot *d, struct vm_area_struct *vma)
{
	char port[32], title[32], flags[8];

	snprintf(port, sizeof(port), "v%u", sim_id(vma));
	snprintf(title, sizeof(title), "vma#%u", sim_id(vma));
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
	row(d, ROW_VALUE, "vm_ops", "%s", vm_ops_name(vma));
	row(d, ROW_BACK, "vm_mm", "mm#%u", vma->vm_mm ? sim_id(vma->vm_mm) : 0);
	if (vma->vm_file)
		row(d, ROW_PTR, "vm_file", "file#%u", sim_id(vma->vm_file));
	else
		row(d, ROW_VALUE, "vm_file", "NULL");
	/* the next table down: the list is in address order */
	row(d, ROW_VALUE, "vm_next", vma->vm_next ? "vma#%u" : "NULL",
	    vma->vm_next ? sim_id(vma->vm_next) : 0);
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
	struct vm_area_struct *vma;
	char name[32];

	snprintf(name, sizeof(name), "vmas%u", sim_id(mm));
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

/* The vma whose vm_rb rb is. */
static const struct vm_area_struct *rb_vma(const struct rb_node *rb)
{
	return rb_entry(rb, struct vm_area_struct, vm_rb);
}

/*
 * SIM_DOT_RBTREE: the vm_rb node of every vma as a red or black node,
 * mm_rb to the root, rb_left and rb_right down; the tree find_vma walks.
 */
static void rb_nodes(struct dot *d, const struct rb_node *rb)
{
	if (!rb)
		return;
	fprintf(d->out, "\trb%u [shape=box, style=\"rounded,filled\", "
		"fillcolor=\"%s\", fontcolor=white, label=\"vm_rb of vma#%u"
		"\\n%08lx %s\"];\n", sim_id(rb_vma(rb)), rb_is_red(rb) ?
		"#cc0000" : "#000000", sim_id(rb_vma(rb)),
		rb_vma(rb)->vm_start, rb_is_red(rb) ? "red" : "black");
	rb_nodes(d, rb->rb_left);
	rb_nodes(d, rb->rb_right);
}

static void rb_edges(struct dot *d, const struct rb_node *rb)
{
	char from[32], to[32];

	if (!rb)
		return;
	snprintf(from, sizeof(from), "rb%u", sim_id(rb_vma(rb)));
	if (rb->rb_left) {
		snprintf(to, sizeof(to), "rb%u", sim_id(rb_vma(rb->rb_left)));
		edge(d, from, NULL, to, "rb_left", NULL);
	}
	if (rb->rb_right) {
		snprintf(to, sizeof(to), "rb%u", sim_id(rb_vma(rb->rb_right)));
		edge(d, from, NULL, to, "rb_right", NULL);
	}
	rb_edges(d, rb->rb_left);
	rb_edges(d, rb->rb_right);
}

static void mm_node(struct dot *d, const struct mm_struct *mm)
{
	char name[32];

	snprintf(name, sizeof(name), "mm%u", sim_id(mm));
	node_begin(d, COL_MM, name, C_MM, "mm_struct", "mm#%u", sim_id(mm));
	row(d, ROW_VALUE, "map_count", "%d", mm->map_count);
	row(d, ROW_VALUE, "file_rss", "%lu", get_mm_counter(mm, file_rss));
	row(d, ROW_VALUE, "total_vm", "%lu", mm->total_vm);
	row(d, ROW_VALUE, "mm_users", "%d", mm->mm_users);
	row(d, ROW_VALUE, "mmap_base", "%#lx", mm->mmap_base);
	row(d, ROW_VALUE, "pgd", "page#%lu",
	    page_to_pfn(virt_to_page(mm->pgd)));
	if (mm->mmap)
		row(d, ROW_PTR, "mmap", "vma#%u", sim_id(mm->mmap));
	else
		row(d, ROW_VALUE, "mmap", "NULL");
	if ((d->flags & SIM_DOT_RBTREE) && mm->mm_rb.rb_node)
		row(d, ROW_PTR, "mm_rb", "vma#%u",
		    sim_id(rb_vma(mm->mm_rb.rb_node)));
	else if (d->flags & SIM_DOT_RBTREE)
		row(d, ROW_VALUE, "mm_rb", "NULL");
	node_end(d);
}

/* One cluster per task: its task_struct, mm_struct and vmas. */
void task_nodes(struct dot *d)
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
		row(d, ROW_VALUE, "cred: uid, gid", "%u, %u",
		    (unsigned int)tsk->cred->uid, (unsigned int)tsk->cred->gid);
		if (mm)
			row(d, ROW_PTR, "mm", "mm#%u", sim_id(mm));
		else
			row(d, ROW_VALUE, "mm", "NULL");
		node_end(d);
		if (mm) {
			mm_node(d, mm);
			if (mm->mmap)
				vmas_node(d, mm);
			if (d->flags & SIM_DOT_RBTREE)
				rb_nodes(d, mm->mm_rb.rb_node);
		}
		fprintf(d->out, "\t}\n");
	}
}

/*
 * Every present pte of a vma, as a dashed edge to the page it maps; a pte
 * to a page not drawn (past DOT_MAX_PAGES of its address space) counts
 * towards one edge to that address space's "more" node.
 */
void vma_ptes(struct dot *d, struct vm_area_struct *vma)
{
	unsigned long addr, hidden = 0;
	const struct dot_map *more = NULL;
	char from[48], to[64], label[48];

	vma_ref(from, sizeof(from), vma, NULL);
	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *ptep = sim_pte_lookup(vma->vm_mm, addr);
		unsigned long pfn;

		if (!ptep) {
			/* no page table: on to the next 4 MiB */
			addr = (addr | (PGDIR_SIZE - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		if (!pte_present(*ptep) || pte_pfn(*ptep) >= max_mapnr)
			continue;
		pfn = pte_pfn(*ptep);
		if (!d->drawn[pfn]) {
			hidden++;
			more = find_map(d, pfn_to_page(pfn)->mapping);
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
			"label=\"pages not drawn\"];\n", sim_id(vma));
		fprintf(d->col[COL_PAGE], " vma%u_more;", sim_id(vma));
		snprintf(to, sizeof(to), "vma%u_more", sim_id(vma));
	}
	snprintf(label, sizeof(label), "%lu more ptes", hidden);
	edge(d, from, NULL, to, label, PTE);
}

/* ---- the pointers ------------------------------------------------------- */

static void vma_edges(struct dot *d, const struct mm_struct *mm)
{
	const struct vm_area_struct *vma;
	char from[48], to[48];

	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		vma_ref(from, sizeof(from), vma, "vm_mm:w");
		snprintf(to, sizeof(to), "mm%u:e", sim_id(mm));
		edge(d, from, NULL, to, "vm_mm", BACK);
		if (vma->vm_file) {
			vma_ref(from, sizeof(from), vma, "vm_file");
			snprintf(to, sizeof(to), "file%u",
				 sim_id(vma->vm_file));
			edge(d, from, NULL, to, "vm_file", NULL);
		}
	}
}

void task_edges(struct dot *d)
{
	struct list_head *pos;
	char from[48], to[48];

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct mm_struct *mm = tsk->mm;

		if (!mm)
			continue;
		snprintf(from, sizeof(from), "task%d", (int)tsk->pid);
		snprintf(to, sizeof(to), "mm%u", sim_id(mm));
		edge(d, from, "mm", to, "mm", NULL);
		snprintf(from, sizeof(from), "mm%u", sim_id(mm));
		if (mm->mmap) {
			vma_ref(to, sizeof(to), mm->mmap, NULL);
			edge(d, from, "mmap", to, "mmap", NULL);
		}
		if ((d->flags & SIM_DOT_RBTREE) && mm->mm_rb.rb_node) {
			snprintf(to, sizeof(to), "rb%u",
				 sim_id(rb_vma(mm->mm_rb.rb_node)));
			edge(d, from, "mm_rb", to, "mm_rb", NULL);
			rb_edges(d, mm->mm_rb.rb_node);
		}
		vma_edges(d, mm);
	}
}
