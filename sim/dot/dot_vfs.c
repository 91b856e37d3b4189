// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dot/dot_vfs.c - the VFS in the picture. Sim only.
 * The nodes of file, dentry, inode, address_space and page; the VFS
 * cluster (file_system_type, super_block, vfsmount and the roots of their
 * trees); an address space's pages in index order; and the pointers from a
 * file down to its pages and among the VFS's structures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/shmem_fs.h"
#include "sim/proc.h"
#include "vfs/vfs_internal.h"
#include "dot/dot.h"

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
	{ 1UL << PG_launder, "launder" },
};

static const struct bit_name fs_bits[] = {
	{ FS_REQUIRES_DEV, "FS_REQUIRES_DEV" }, { FS_SINGLE, "FS_SINGLE" },
	{ FS_NOMOUNT, "FS_NOMOUNT" }, { FS_LITTER, "FS_LITTER" },
};

static const struct bit_name fmode_bits[] = {
	{ FMODE_READ, "FMODE_READ" }, { FMODE_WRITE, "FMODE_WRITE" },
};

/* an address_space's page lists, in the order 2.4 declares them */
static const char *const list_names[3] = { "clean_pages", "dirty_pages",
					   "locked_pages" };

/*
 * rootfs and proc: a superblock that is not shm_mnt's and holds nothing but
 * its root is drawn small, so the internal mounts stay in a corner.
 */
static int compact(const struct super_block *sb)
{
	return sb && (!shm_mnt || sb != shm_mnt->mnt_sb) && sb->s_root &&
	       list_empty(&sb->s_root->d_subdirs);
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

/* ---- nodes -------------------------------------------------------------- */

void file_node(struct dot *d, const struct file *f)
{
	char name[32], mode[64];

	snprintf(name, sizeof(name), "file%u", sim_id(f));
	bit_names(f->f_mode, fmode_bits, NR_BITS(fmode_bits), "|", mode,
		  sizeof(mode));
	node_begin(d, COL_FILE, name, C_FILE, "file", "file#%u", sim_id(f));
	row(d, ROW_VALUE, "f_count", "%d", f->f_count);
	row(d, ROW_VALUE, "f_mode", "%s", mode);
	if (f->f_dentry)
		row(d, ROW_PTR, "f_dentry", "dentry#%u", sim_id(f->f_dentry));
	if (f->f_vfsmnt)
		row(d, ROW_PTR, "f_vfsmnt", "vfsmount#%u",
		    sim_id(f->f_vfsmnt));
	node_end(d);
}

void dentry_node(struct dot *d, const struct dentry *de)
{
	int small = compact(de->d_sb);
	char name[32];

	snprintf(name, sizeof(name), "dentry%u", sim_id(de));
	node_begin(d, COL_DENTRY, name, C_DENTRY, "dentry", "dentry#%u",
		   sim_id(de));
	row(d, ROW_VALUE, "d_name", "\"%.100s\"", dname(de));
	row(d, ROW_VALUE, "d_count", "%d", de->d_count);
	if (!small)
		row(d, ROW_VALUE, "d_hash", "%s",
		    d_unhashed((struct dentry *)de) ? "unhashed" : "hashed");
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
		row(d, ROW_VALUE, "i_size", "%lld", inode->i_size);
		row(d, ROW_VALUE, "nrpages", "%lu", inode->i_data.nrpages);
		row(d, find_map(d, inode->i_mapping) ? ROW_PTR : ROW_VALUE,
		    "i_mapping", "&i_data");
		if (shm_mnt && inode->i_sb == shm_mnt->mnt_sb)
			shmem_rows(d, inode);
	}
	node_end(d);
}

void mapping_node(struct dot *d, const struct dot_map *map)
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
			   sim_id(m->host));
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
		    sim_id(m->i_mmap_shared));
	else if (m->host)
		row(d, ROW_VALUE, "i_mmap_shared", "NULL");
	node_end(d);
}

void page_node(struct dot *d, const struct page *page)
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
		    sim_id(page->mapping->host));
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
		if (sb->s_count >= S_BIAS)
			row(d, ROW_VALUE, "s_count", "S_BIAS + %d",
			    sb->s_count - S_BIAS);
		else
			row(d, ROW_VALUE, "s_count", "%d", sb->s_count);
		row(d, ROW_VALUE, "s_active", "%d", sb->s_active);
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
	node_begin(d, COL_FILE, name, C_VFS, "vfsmount", "vfsmount#%u%s%s",
		   sim_id(mnt), global ? " = " : "", global ? global : "");
	row(d, ROW_VALUE, "mnt_devname", "\"%.64s\"", mnt->mnt_devname ?
	    mnt->mnt_devname : "");
	row(d, ROW_VALUE, "mnt_count", "%d", mnt->mnt_count);
	if (!compact(mnt->mnt_sb)) {
		if (mnt->mnt_parent == mnt)
			row(d, ROW_VALUE, "mnt_parent", "itself");
		if (mnt->mnt_mountpoint == mnt->mnt_root)
			row(d, ROW_VALUE, "mnt_mountpoint", "= mnt_root");
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
 * The VFS cluster. Inside a cluster dot stacks what is defined first at
 * the top, so the newest objects (tmpfs, beside the segments' files) come
 * first and rootfs, the oldest, ends at the bottom.
 */
void vfs_nodes(struct dot *d)
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

/* ---- pages -------------------------------------------------------------- */

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
void mapping_pages(struct dot *d, struct dot_map *map)
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

/* ---- the pointers ------------------------------------------------------- */

/*
 * From each file down: f_dentry, f_vfsmnt, d_inode, d_parent, i_mapping,
 * and i_mmap_shared back to its vma.
 */
static void file_edges(struct dot *d)
{
	const struct dot_map *map;
	char from[64], to[64];
	size_t i;

	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		snprintf(from, sizeof(from), "file%u", sim_id(f));
		if (f->f_dentry) {
			snprintf(to, sizeof(to), "dentry%u",
				 sim_id(f->f_dentry));
			edge(d, from, "f_dentry", to, "f_dentry", NULL);
		}
		if (f->f_vfsmnt) {
			snprintf(to, sizeof(to), "mnt%u", sim_id(f->f_vfsmnt));
			edge(d, from, "f_vfsmnt", to, "f_vfsmnt", FLAT);
		}
	}
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
		map = &d->maps[i];
		if (!map->m->i_mmap_shared)
			continue;
		vma_ref(to, sizeof(to), map->m->i_mmap_shared, NULL);
		strcat(to, ":e");
		edge(d, map->name, "i_mmap_shared:w", to, "i_mmap_shared",
		     BACK);
	}
}

/* Among the VFS's structures: fs_supers, s_root, mnt_sb and mnt_root. */
static void mount_edges(struct dot *d)
{
	const struct file_system_type *fs;
	char from[64], to[64];
	size_t i;

	for (fs = file_systems; fs; fs = fs->next) {
		if (list_empty(&fs->fs_supers) || type_left_out(d, fs))
			continue;
		snprintf(from, sizeof(from), "fs_%s", fs->name);
		snprintf(to, sizeof(to), "sb%u",
			 sim_id(list_entry(fs->fs_supers.next,
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
	mount_edges(d);
}
