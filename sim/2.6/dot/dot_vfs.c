// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dot/dot_vfs.c - the VFS in the 2.6.32 picture. Sim only.
 * The nodes of file (an attach file or a segment's), dentry, inode,
 * address_space, radix_tree_node and page; the VFS cluster
 * (file_system_type, super_block, vfsmount and the roots of their trees);
 * an address space's radix tree and its pages in index order; and the
 * pointers from a file down to its pages and among the VFS's structures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/radix-tree.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "sim/proc.h"
#include "fs/internal.h"
#include "dot/dot.h"

/* include/linux/fs.h's S_BIAS, which the model defines in fs/super.c */
#define S_BIAS	(1 << 30)

/* A dentry's name, "" if it has none. */
static const char *dname(const struct dentry *de)
{
	return de->d_name.name ? (const char *)de->d_name.name : "";
}

static const struct bit_name page_bits[] = {
	{ 1UL << PG_locked, "locked" }, { 1UL << PG_error, "error" },
	{ 1UL << PG_referenced, "referenced" },
	{ 1UL << PG_uptodate, "uptodate" }, { 1UL << PG_dirty, "dirty" },
	{ 1UL << PG_lru, "lru" }, { 1UL << PG_active, "active" },
	{ 1UL << PG_slab, "slab" }, { 1UL << PG_reserved, "reserved" },
	{ 1UL << PG_swapcache, "swapcache" },
	{ 1UL << PG_swapbacked, "swapbacked" },
	{ 1UL << PG_unevictable, "unevictable" },
};

static const struct bit_name fs_bits[] = {
	{ FS_REQUIRES_DEV, "FS_REQUIRES_DEV" },
	{ FS_BINARY_MOUNTDATA, "FS_BINARY_MOUNTDATA" },
	{ FS_HAS_SUBTYPE, "FS_HAS_SUBTYPE" },
	{ FS_REVAL_DOT, "FS_REVAL_DOT" },
	{ FS_RENAME_DOES_D_MOVE, "FS_RENAME_DOES_D_MOVE" },
};

static const struct bit_name fmode_bits[] = {
	{ FMODE_READ, "FMODE_READ" }, { FMODE_WRITE, "FMODE_WRITE" },
	{ FMODE_EXEC, "FMODE_EXEC" },
};

static const struct bit_name dcache_bits[] = {
	{ DCACHE_DISCONNECTED, "DCACHE_DISCONNECTED" },
	{ DCACHE_REFERENCED, "DCACHE_REFERENCED" },
	{ DCACHE_UNHASHED, "DCACHE_UNHASHED" },
};

/*
 * sysfs, rootfs, bdev and proc: a superblock that is not shm_mnt's and
 * holds nothing but its root is drawn small, in a corner.
 */
static int compact(const struct super_block *sb)
{
	const struct vfsmount *shm = sim_shm_mnt();

	return sb && (!shm || sb != shm->mnt_sb) && sb->s_root &&
	       list_empty(&sb->s_root->d_subdirs);
}

/* The global that holds a kernel-internal mount, if any. */
static const char *mount_global(const struct vfsmount *mnt)
{
	if (mnt == sim_shm_mnt())
		return "shm_mnt";
	if (mnt == proc_mnt)
		return "proc_mnt";
	if (mnt == sim_bd_mnt)
		return "bd_mnt";
	if (mnt == sysfs_mount)
		return "sysfs_mount";
	if (sim_init_mnt_ns && mnt == sim_init_mnt_ns->root)
		return "init_mnt_ns.root";
	return NULL;
}

/* ---- nodes -------------------------------------------------------------- */

/*
 * A file: an attach file (do_shmat's, f_op shm_file_operations, its
 * private_data a shm_file_data) or a segment's own (shmem_file_setup's).
 */
void file_node(struct dot *d, const struct file *f)
{
	struct sim_shm_attach a;
	int attach = sim_shm_attach(f, &a);
	char name[32], mode[64];

	snprintf(name, sizeof(name), "file%u", sim_id(f));
	bit_names(f->f_mode, fmode_bits, NR_BITS(fmode_bits), "|", mode,
		  sizeof(mode));
	if (attach)
		node_begin(d, COL_FILE, name, C_AFILE, "file",
			   "file#%u: a shmat's", sim_id(f));
	else
		node_begin(d, COL_SHMFILE, name, C_FILE, "file",
			   "file#%u: the segment's", sim_id(f));
	row(d, ROW_VALUE, "f_count", "%ld", f->f_count);
	row(d, ROW_VALUE, "f_mode", "%s", mode);
	row(d, ROW_VALUE, "f_op", "%s", attach ? "shm_file_operations" :
	    ops_name(f->f_op));
	if (f->f_path.dentry)
		row(d, ROW_PTR, "f_path.dentry", "dentry#%u",
		    sim_id(f->f_path.dentry));
	if (f->f_path.mnt)
		row(d, ROW_PTR, "f_path.mnt", "vfsmount#%u",
		    sim_id(f->f_path.mnt));
	if (f->f_mapping && f->f_mapping->host)
		row(d, ROW_VALUE, "f_mapping", "inode#%u.i_data",
		    sim_id(f->f_mapping->host));
	if (attach)
		row(d, ROW_PTR, "private_data", "shm_file_data");
	else
		row(d, ROW_VALUE, "private_data", f->private_data ? "?" :
		    "NULL");
	node_end(d);
}

void dentry_node(struct dot *d, const struct dentry *de)
{
	int small = compact(de->d_sb);
	char name[32], flags[96];

	snprintf(name, sizeof(name), "dentry%u", sim_id(de));
	bit_names(de->d_flags, dcache_bits, NR_BITS(dcache_bits), "|", flags,
		  sizeof(flags));
	node_begin(d, COL_DENTRY, name, C_DENTRY, "dentry", "dentry#%u",
		   sim_id(de));
	row(d, ROW_VALUE, "d_name", "\"%.100s\"", dname(de));
	row(d, ROW_VALUE, "d_count", "%d", de->d_count);
	if (!small)
		row(d, ROW_VALUE, "d_flags", "%s", flags);
	if (de->d_inode)
		row(d, ROW_PTR, "d_inode", "inode#%u", sim_id(de->d_inode));
	else
		row(d, ROW_VALUE, "d_inode", "NULL (negative)");
	if (!is_root(de) && de->d_parent)
		row(d, ROW_PTR, "d_parent", "dentry#%u",
		    sim_id(de->d_parent));
	else if (!small)
		row(d, ROW_VALUE, "d_parent", "itself");
	node_end(d);
}

void inode_node(struct dot *d, const struct inode *inode)
{
	char name[32];

	snprintf(name, sizeof(name), "inode%u", sim_id(inode));
	node_begin(d, COL_INODE, name, C_INODE, "inode", "inode#%u",
		   sim_id(inode));
	row(d, ROW_VALUE, "i_ino", "%lu", inode->i_ino);
	row(d, ROW_VALUE, "i_mode", "%06o", inode->i_mode);
	row(d, ROW_VALUE, "i_count", "%d", inode->i_count);
	row(d, ROW_VALUE, "i_nlink", "%u", inode->i_nlink);
	if (!compact(inode->i_sb)) {
		row(d, ROW_VALUE, "i_size", "%lld", (long long)inode->i_size);
		row(d, ROW_VALUE, "i_op", "%s", ops_name(inode->i_op));
		row(d, find_map(d, inode->i_mapping) ? ROW_PTR : ROW_VALUE,
		    "i_mapping", "&i_data");
	}
	node_end(d);
}

/* The vmas on an address space's i_mmap (sim: a list, not a prio tree). */
static void i_mmap_row(struct dot *d, const struct address_space *m)
{
	const struct list_head *pos;
	char vmas[96];
	size_t used = 0;
	int n = 0;

	vmas[0] = '\0';
	list_for_each(pos, &m->i_mmap) {
		const struct vm_area_struct *vma = list_entry(pos,
			struct vm_area_struct, shared.vm_set.list);

		if (used < sizeof(vmas))
			used += snprintf(vmas + used, sizeof(vmas) - used,
					 "%svma#%u", n ? " " : "",
					 sim_id(vma));
		n++;
	}
	if (n)
		row(d, ROW_BACK, "i_mmap", "%s", vmas);
	else
		row(d, ROW_VALUE, "i_mmap", "empty");
}

void mapping_node(struct dot *d, const struct dot_map *map)
{
	const struct address_space *m = map->m;
	const struct radix_tree_node *top;
	unsigned int height = 0, count = 0;
	char name[32];

	node_begin(d, COL_MAPPING, map->name, C_MAPPING, "address_space",
		   "inode#%u.i_data", m->host ? sim_id(m->host) : 0);
	row(d, ROW_VALUE, "nrpages", "%lu", m->nrpages);
	row(d, ROW_VALUE, "page_tree.height", "%u", m->page_tree.height);
	top = sim_radix_tree_top(&m->page_tree, &height, &count);
	if (top)
		row(d, ROW_PTR, "page_tree.rnode", "radix_tree_node#%u",
		    sim_id(top));
	else if (m->page_tree.rnode)
		row(d, ROW_PTR, "page_tree.rnode", "page#%lu (index 0)",
		    page_to_pfn((const struct page *)
				(const void *)m->page_tree.rnode));
	else
		row(d, ROW_VALUE, "page_tree.rnode", "NULL");
	row(d, ROW_VALUE, "a_ops", "%s", ops_name(m->a_ops));
	i_mmap_row(d, m);
	row(d, ROW_VALUE, "i_mmap_writable", "%u", m->i_mmap_writable);
	node_end(d);
	if (!top)
		return;
	snprintf(name, sizeof(name), "radix%u", sim_id(top));
	node_begin(d, COL_RADIX, name, C_RADIX, "radix_tree_node",
		   "radix_tree_node#%u", sim_id(top));
	row(d, ROW_VALUE, "height", "%u", height);
	row(d, ROW_VALUE, "count", "%u", count);
	node_end(d);
}

void page_node(struct dot *d, const struct page *page)
{
	unsigned long pfn = page_to_pfn(page);
	char name[32], flags[160];

	snprintf(name, sizeof(name), "page%lu", pfn);
	bit_names(page->flags, page_bits, NR_BITS(page_bits), ",", flags,
		  sizeof(flags));
	node_begin(d, COL_PAGE, name, C_PAGE, "page", "page#%lu", pfn);
	row(d, ROW_VALUE, "_count", "%d", page->_count);
	row(d, ROW_VALUE, "_mapcount", "%d", page->_mapcount);
	if (page->mapping && page->mapping->host)
		row(d, ROW_VALUE, "mapping", "inode#%u.i_data",
		    sim_id(page->mapping->host));
	else
		row(d, ROW_VALUE, "mapping", page->mapping ? "?" : "NULL");
	row(d, ROW_VALUE, "index", "%lu", page->index);
	row(d, ROW_VALUE, "flags", "%s", flags);
	node_end(d);
	d->drawn[pfn] = 1;
}

static void fstype_node(struct dot *d, const struct file_system_type *fs)
{
	char name[64], flags[128];

	snprintf(name, sizeof(name), "fs_%s", fs->name);
	bit_names((unsigned long)fs->fs_flags, fs_bits, NR_BITS(fs_bits), "|",
		  flags, sizeof(flags));
	node_begin(d, COL_SHMFILE, name, C_VFS, "file_system_type", "\"%s\"",
		   fs->name);
	row(d, ROW_VALUE, "fs_flags", "%s", flags);
	if (!list_empty(&fs->fs_supers))
		row(d, ROW_PTR, "fs_supers", "super_block#%u",
		    sim_id(list_entry(fs->fs_supers.next,
				      struct super_block, s_instances)));
	if (fs->next)
		row(d, ROW_VALUE, "next", "\"%s\"", fs->next->name);
	node_end(d);
}

static void sb_node(struct dot *d, const struct super_block *sb)
{
	char name[32];

	snprintf(name, sizeof(name), "sb%u", sim_id(sb));
	node_begin(d, COL_DENTRY, name, C_VFS, "super_block",
		   "super_block#%u", sim_id(sb));
	row(d, ROW_VALUE, "s_dev", "%02x:%02x", MAJOR(sb->s_dev),
	    MINOR(sb->s_dev));
	row(d, ROW_VALUE, "s_type", "\"%s\"", sb->s_type ? sb->s_type->name :
	    "NULL");
	if (!compact(sb)) {
		row(d, ROW_VALUE, "s_id", "\"%.32s\"", sb->s_id);
		if (sb->s_count >= S_BIAS)
			row(d, ROW_VALUE, "s_count", "S_BIAS + %d",
			    sb->s_count - S_BIAS);
		else
			row(d, ROW_VALUE, "s_count", "%d", sb->s_count);
		row(d, ROW_VALUE, "s_active", "%d", sb->s_active);
		row(d, ROW_VALUE, "s_op", "%s", ops_name(sb->s_op));
	}
	if (sb->s_root)
		row(d, ROW_PTR, "s_root", "dentry#%u", sim_id(sb->s_root));
	else
		row(d, ROW_VALUE, "s_root", "NULL");
	node_end(d);
}

/* a mount made by mount(2), with a parent and a mountpoint of its own */
static int grafted(const struct vfsmount *mnt)
{
	return mnt->mnt_parent && mnt->mnt_parent != mnt &&
	       mnt->mnt_mountpoint;
}

static void mnt_node(struct dot *d, const struct vfsmount *mnt)
{
	const char *global = mount_global(mnt);
	char name[32];

	snprintf(name, sizeof(name), "mnt%u", sim_id(mnt));
	node_begin(d, COL_SHMFILE, name, C_VFS, "vfsmount", "vfsmount#%u%s%s",
		   sim_id(mnt), global ? " = " : "", global ? global : "");
	row(d, ROW_VALUE, "mnt_devname", "\"%.64s\"", mnt->mnt_devname ?
	    mnt->mnt_devname : "");
	row(d, ROW_VALUE, "mnt_count", "%d", mnt->mnt_count);
	if (!compact(mnt->mnt_sb)) {
		row(d, ROW_VALUE, "mnt_id", "%d", mnt->mnt_id);
		if (mnt->mnt_parent == mnt)
			row(d, ROW_VALUE, "mnt_parent", "itself");
		row(d, ROW_VALUE, "mnt_ns", mnt->mnt_ns ? "a namespace" :
		    "NULL (internal)");
	}
	if (grafted(mnt))
		mountpoint_rows(d, mnt->mnt_parent, sim_id(mnt->mnt_parent),
				mnt->mnt_mountpoint,
				sim_id(mnt->mnt_mountpoint),
				dname(mnt->mnt_mountpoint));
	if (mnt->mnt_sb)
		row(d, ROW_PTR, "mnt_sb", "super_block#%u",
		    sim_id(mnt->mnt_sb));
	if (mnt->mnt_root)
		row(d, ROW_PTR, "mnt_root", "dentry#%u",
		    sim_id(mnt->mnt_root));
	node_end(d);
}

/*
 * The drawn superblocks' types, each once, newest superblock's first: the
 * type list itself (fs/filesystems.c's file_systems) is private.
 */
static size_t drawn_types(const struct dot *d,
			  const struct file_system_type **types, size_t max)
{
	size_t i, j, n = 0;

	for (i = d->sbs.n; i-- > 0 && n < max; ) {
		const struct super_block *sb = d->sbs.v[i].p;

		if (!sb->s_type)
			continue;
		for (j = 0; j < n && types[j] != sb->s_type; j++)
			;
		if (j == n)
			types[n++] = sb->s_type;
	}
	return n;
}

/*
 * The VFS cluster. Inside a cluster dot stacks what is defined first at
 * the top, so the newest objects (tmpfs, beside the segments' files) come
 * first and sysfs, the oldest, ends at the bottom.
 */
void vfs_nodes(struct dot *d)
{
	const struct file_system_type *types[32];
	size_t i, ntypes = drawn_types(d, types, NR_BITS(types));

	fprintf(d->out, "\tsubgraph cluster_vfs {\n\t\tlabel=\"VFS: "
		"filesystem types, superblocks, mounts and their roots\"; "
		"labelloc=t; style=rounded; color=\"#6fa8dc\";\n");
	for (i = 0; i < ntypes; i++)
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

/* ---- pages -------------------------------------------------------------- */

/* The edge to a page from its slot: the top node's, or the root's. */
static void slot_edge(struct dot *d, const struct dot_map *map,
		      const struct radix_tree_node *top, unsigned int height,
		      const struct page *page)
{
	char from[64], to[32], label[48];

	snprintf(to, sizeof(to), "page%lu", page_to_pfn(page));
	if (!top) {
		snprintf(from, sizeof(from), "%s:\"page_tree.rnode\"",
			 map->name);
		edge(d, from, NULL, to, "page_tree.rnode", NULL);
		return;
	}
	snprintf(from, sizeof(from), "radix%u", sim_id(top));
	if (height == 1)
		snprintf(label, sizeof(label), "slots[%lu]", page->index);
	else
		snprintf(label, sizeof(label), "index %lu", page->index);
	edge(d, from, NULL, to, label, NULL);
}

/*
 * An address space's pages in index order (the radix tree's gang lookup),
 * each with an edge from its slot. The first DOT_MAX_PAGES are drawn; the
 * rest fold into one "<map>_more" node.
 */
void mapping_pages(struct dot *d, struct dot_map *map)
{
	struct address_space *m = (struct address_space *)map->m;
	const struct radix_tree_node *top;
	unsigned int height = 0, count = 0, n, i;
	struct page **pages;
	char from[32], to[32];

	if (!m->nrpages)
		return;
	pages = calloc(m->nrpages, sizeof(*pages));
	if (!pages) {
		d->oom = 1;
		return;
	}
	top = sim_radix_tree_top(&m->page_tree, &height, &count);
	if (top) {
		fprintf(d->out, "\t%s:\"page_tree.rnode\" -> radix%u "
			"[label=\"page_tree.rnode\"];\n", map->name,
			sim_id(top));
	}
	n = radix_tree_gang_lookup(&m->page_tree, (void **)pages, 0,
				   (unsigned int)m->nrpages);
	for (i = 0; i < n && i < DOT_MAX_PAGES; i++) {
		page_node(d, pages[i]);
		slot_edge(d, map, top, height, pages[i]);
		/* an invisible edge in a column keeps index order */
		snprintf(to, sizeof(to), "page%lu", page_to_pfn(pages[i]));
		if (i)
			fprintf(d->out, "\tpage%lu -> %s [style=invis];\n",
				page_to_pfn(pages[i - 1]), to);
	}
	if (n > DOT_MAX_PAGES) {
		fprintf(d->out, "\t%s_more [shape=box, style=dashed, label=\""
			"%u more pages\\nindex %lu to %lu\"];\n", map->name,
			n - DOT_MAX_PAGES, pages[DOT_MAX_PAGES]->index,
			pages[n - 1]->index);
		fprintf(d->col[COL_PAGE], " %s_more;", map->name);
		if (top)
			snprintf(from, sizeof(from), "radix%u", sim_id(top));
		else
			snprintf(from, sizeof(from), "%s", map->name);
		fprintf(d->out, "\t%s -> %s_more [label=\"...\"];\n", from,
			map->name);
		fprintf(d->out, "\t%s -> %s_more [style=invis];\n", to,
			map->name);
		map->more = 1;
	}
	free(pages);
}

/* ---- the pointers ------------------------------------------------------- */

/* From each file down: f_path.dentry, f_path.mnt. */
static void file_edges(struct dot *d)
{
	struct sim_shm_attach a;
	char from[64], to[64];
	size_t i;

	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		snprintf(from, sizeof(from), "file%u", sim_id(f));
		if (f->f_path.dentry) {
			snprintf(to, sizeof(to), "dentry%u",
				 sim_id(f->f_path.dentry));
			edge(d, from, "\"f_path.dentry\"", to,
			     "f_path.dentry", NULL);
		}
		if (f->f_path.mnt) {
			snprintf(to, sizeof(to), "mnt%u",
				 sim_id(f->f_path.mnt));
			edge(d, from, "\"f_path.mnt\"", to, "f_path.mnt",
			     sim_shm_attach(f, &a) ? NULL : FLAT);
		}
	}
}

/* d_inode, d_parent, i_mapping, and i_mmap back to its first vma. */
static void tree_edges(struct dot *d)
{
	const struct dot_map *map;
	char from[64], to[64];
	size_t i;

	for (i = 0; i < d->dentries.n; i++) {
		const struct dentry *de = d->dentries.v[i].p;

		snprintf(from, sizeof(from), "dentry%u", sim_id(de));
		if (de->d_inode) {
			snprintf(to, sizeof(to), "inode%u",
				 sim_id(de->d_inode));
			edge(d, from, "d_inode", to, "d_inode", NULL);
		}
		if (!is_root(de) && de->d_parent) {
			snprintf(to, sizeof(to), "dentry%u",
				 sim_id(de->d_parent));
			edge(d, from, "d_parent", to, "d_parent", FLAT);
		}
	}
	for (i = 0; i < d->inodes.n; i++) {
		const struct inode *inode = d->inodes.v[i].p;

		map = find_map(d, inode->i_mapping);
		if (!map)
			continue;
		snprintf(from, sizeof(from), "inode%u", sim_id(inode));
		edge(d, from, "i_mapping", map->name, "i_mapping", NULL);
	}
	for (i = 0; i < d->nmaps; i++) {
		const struct vm_area_struct *vma;

		map = &d->maps[i];
		if (list_empty(&map->m->i_mmap))
			continue;
		vma = list_entry(map->m->i_mmap.next, struct vm_area_struct,
				 shared.vm_set.list);
		vma_ref(to, sizeof(to), vma, NULL);
		strcat(to, ":e");
		edge(d, map->name, "i_mmap:w", to, "i_mmap", BACK);
	}
}

/* Among the VFS's structures: fs_supers, s_root, mnt_sb and mnt_root. */
static void mount_edges(struct dot *d)
{
	const struct file_system_type *types[32];
	size_t i, ntypes = drawn_types(d, types, NR_BITS(types));
	char from[64], to[64];

	for (i = 0; i < ntypes; i++) {
		if (list_empty(&types[i]->fs_supers))
			continue;
		snprintf(from, sizeof(from), "fs_%s", types[i]->name);
		snprintf(to, sizeof(to), "sb%u",
			 sim_id(list_entry(types[i]->fs_supers.next,
					   struct super_block, s_instances)));
		edge(d, from, "fs_supers", to, "fs_supers", NULL);
	}
	for (i = 0; i < d->sbs.n; i++) {
		const struct super_block *sb = d->sbs.v[i].p;

		if (!sb->s_root)
			continue;
		snprintf(from, sizeof(from), "sb%u", sim_id(sb));
		snprintf(to, sizeof(to), "dentry%u", sim_id(sb->s_root));
		edge(d, from, "s_root", to, "s_root", FLAT);
	}
	for (i = 0; i < d->mounts.n; i++) {
		const struct vfsmount *mnt = d->mounts.v[i].p;

		snprintf(from, sizeof(from), "mnt%u", sim_id(mnt));
		if (mnt->mnt_sb) {
			snprintf(to, sizeof(to), "sb%u", sim_id(mnt->mnt_sb));
			edge(d, from, "mnt_sb", to, "mnt_sb", NULL);
		}
		if (mnt->mnt_root) {
			snprintf(to, sizeof(to), "dentry%u",
				 sim_id(mnt->mnt_root));
			edge(d, from, "mnt_root", to, "mnt_root", NULL);
		}
		if (grafted(mnt))
			mountpoint_edges(d, from, mnt->mnt_parent,
					 sim_id(mnt->mnt_parent),
					 mnt->mnt_mountpoint,
					 sim_id(mnt->mnt_mountpoint));
	}
}

/* The VFS's pointers, the file side's first. */
void vfs_edges(struct dot *d)
{
	file_edges(d);
	tree_edges(d);
	mount_edges(d);
}
