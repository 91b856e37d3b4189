/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/dot/dot.h - what the files of the 2.4.16 picture share. Sim only.
 * The columns, and the functions one file of sim/dot calls in another:
 * dot_emit.c's and each drawer's (dot_tasks.c, dot_shm.c, dot_vfs.c).
 * struct dot, the colours, edge styles and the emitter (tables, rows,
 * edges) are version-neutral: sim/dot.h (sim/lib/dot.c), shared with the
 * 2.6.32 picture (sim/2.6/dot/). The big picture is at the head of
 * dot_emit.c.
 * Included by the files of sim/dot only; the public entry points,
 * sim_dump_dot() and sim_dump_dot_with(), are declared in sim/proc.h.
 */
#ifndef _SIM_DOT_DOT_H
#define _SIM_DOT_DOT_H

#include <stddef.h>
#include <stdio.h>

#include "linux/fs.h"
#include "linux/mm.h"
#include "sim/dot.h"

/* The columns, left to right: graphviz ranks (see dot_emit.c). */
enum dot_col {
	COL_TASK, COL_MM, COL_VMA, COL_FILE, COL_DENTRY, COL_INODE,
	COL_MAPPING, COL_PAGE, NR_COLS
};

_Static_assert(NR_COLS <= DOT_MAX_COLS, "sim/dot.h: DOT_MAX_COLS");

/* ---- dot_emit.c: what is drawn where ------------------------------------ */

/* The root of its superblock's tree: drawn in the VFS cluster. */
int is_root(const struct dentry *de);
/* An inode whose every dentry is a root: drawn in the VFS cluster. */
int is_root_inode(const struct inode *inode);
/* A superblock left out of a picture of the shm path only (SIM_DOT_SHM). */
int left_out(const struct dot *d, const struct super_block *sb);
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
