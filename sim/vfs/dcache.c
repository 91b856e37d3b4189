// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/dcache.c - dentries: names in a filesystem's tree.
 * Models fs/dcache.c (2.4.16), in its order: d_free, dentry_iput, dput,
 *   prune_one_dentry, prune_dcache, shrink_dcache_sb, select_parent,
 *   shrink_dcache_parent, d_alloc, d_instantiate, d_alloc_root, d_hash,
 *   d_lookup, d_rehash, __d_path, d_genocide, dcache_init,
 *   vfs_caches_init. Header inlines and other files' functions sit before
 *   their first user or next to their kin: dget (dcache.h) before dput,
 *   IS_ROOT (dcache.h) before __d_path, d_path (sched.h) after it (d_add,
 *   dcache.h's d_instantiate + d_rehash, is in linux/fs.h). Sim only: dname
 *   and dname_external at the top, the views (sim_dump_*) and
 *   sim_dcache_exit last.
 * Left out: d_move, d_delete, d_invalidate, shrink_dcache_memory and
 *   sys_getcwd (no rename, unlink or memory pressure on the dcache here);
 *   d_op hooks (no filesystem here sets d_op); the DCACHE_REFERENCED second
 *   chance; the buffer_head and dquot caches; bdev and cdev caches (bdev's
 *   device number is reserved, see sim/vfs/block_dev.c).
 * Called by: shmem_file_setup (d_alloc, d_instantiate; d_rehash under the
 *   hashed-shm patch), the read_super of rootfs, proc, tmpfs and ramfs
 *   (d_alloc_root), the path walk (d_lookup, d_alloc, and d_add from the
 *   ->lookup of rootfs, ramfs and tmpfs), fput, path_release and __mntput
 *   (dput), kill_super (d_genocide, shrink_dcache_parent), do_remount_sb
 *   and the shutdown of tmpfs (shrink_dcache_sb), /proc/PID/maps and
 *   /proc/mounts (d_path), start_kernel (vfs_caches_init).
 *
 * A dentry's life on the shm path (the segment "SYSV000004d2"):
 *   d_alloc(root, name): d_count 1, at the head of root->d_subdirs, and
 *     root d_count +1 (d_parent = dget(root)); nr_dentry +1
 *   d_instantiate(dentry, inode): d_inode set, the inode's reference moves
 *     into the dentry; the file then holds the dentry's one count
 *   ... fput at f_count 0 -> dput(dentry): d_count 0, unhashed, so it dies
 *   at once: off d_subdirs, dentry_iput -> iput(inode), d_free
 *   (nr_dentry -1), and the loop goes on with dput(root): root d_count -1.
 * A hashed dentry reaching 0 waits on dentry_unused for prune_dcache or
 * shrink_dcache_sb: the names a path walk found (d_add in ->lookup), and
 * under the hashed-shm patch a SYSV dentry whose segment is gone, whose
 * inode then lives on (i_count 1) until the dentry is pruned.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/proc.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

static kmem_cache_t *dentry_cache;

/*
 * The dentry hash: (parent, name hash) -> the chain the dentry sits on.
 * sim: host memory, not page frames (2.4.16 takes __get_free_pages sized
 * from mempages), so /proc/meminfo is unchanged; 2^10 chains.
 */
#define D_HASHBITS	10
#define D_HASHMASK	((1UL << D_HASHBITS) - 1)
#define L1_CACHE_BYTES	32
static struct list_head dentry_hashtable[1UL << D_HASHBITS];

/* Hashed dentries with d_count 0, most recently used at the head. */
static LIST_HEAD(dentry_unused);

/* /proc/sys/fs/dentry-state: nr_dentry, nr_unused (sim: age_limit left out) */
struct dentry_stat_t dentry_stat;

/*
 * sim: how far nr_unused has drifted below the length of dentry_unused.
 * d_genocide drops an FS_LITTER pin without putting the dentry on
 * dentry_unused; select_parent then moves it there uncounted, and
 * prune_dcache counts it off: 2.4.16's nr_unused goes one lower for each
 * such dentry of an unmounted filesystem. The check allows for it.
 */
static int sim_unused_drift;

/* sim: a plain C string for traces, "/" or "SYSV000004d2" */
static const char *dname(struct dentry *dentry)
{
	return (const char *)dentry->d_name.name;
}

/* The name was too long for d_iname and sits in a kmalloc'd block. */
static int dname_external(struct dentry *dentry)
{
	return dentry->d_name.name != dentry->d_iname;
}

static void d_free(struct dentry *dentry)
{
	/* sim: no d_op->d_release */
	sim_note("dcache", "dentry#%u \"%s\" freed, nr_dentry %d -> %d",
		 sim_id(dentry), dname(dentry), dentry_stat.nr_dentry,
		 dentry_stat.nr_dentry - 1);
	if (dname_external(dentry))
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	dentry_stat.nr_dentry--;
}

/*
 * Detach the inode and drop the reference the dentry held on it.
 * sim: no d_op->d_iput, so always iput().
 */
static void dentry_iput(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	TRACE_ENTER("dentry#%u", sim_id(dentry));
	if (inode) {
		dentry->d_inode = NULL;
		list_del_init(&dentry->d_alias);
		iput(inode);
	}
	TRACE_EXIT();
}

/* include/linux/dcache.h: inline there, so untraced; the count is noted. */
struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		if (!dentry->d_count)
			BUG();
		sim_note("dcache", "dentry#%u \"%s\" d_count %d -> %d",
			 sim_id(dentry), dname(dentry), dentry->d_count,
			 dentry->d_count + 1);
		dentry->d_count++;
	}
	return dentry;
}

/*
 * Drop a reference. At 0 an unhashed dentry is killed at once and its
 * parent loses the reference the child held, in the same loop (2.4's
 * hand-made tail recursion), up to a root, which is its own parent.
 */
void dput(struct dentry *dentry)
{
	struct dentry *parent;
	int is_root;

	if (!dentry) {
		TRACE_ENTER("NULL");
		TRACE_EXIT();
		return;
	}
	TRACE_ENTER("dentry#%u \"%s\"", sim_id(dentry), dname(dentry));
repeat:
	BUG_ON(dentry->d_count <= 0);	/* sim: 2.4 would go negative */
	sim_note("dcache", "dentry#%u \"%s\" d_count %d -> %d", sim_id(dentry),
		 dname(dentry), dentry->d_count, dentry->d_count - 1);
	if (--dentry->d_count)
		goto out;

	/* dput on a free dentry? */
	if (!list_empty(&dentry->d_lru))
		BUG();
	/* sim: no d_op->d_delete to ask for unhashing (unhash_it) */

	/* Unreachable? Get rid of it */
	if (list_empty(&dentry->d_hash))
		goto kill_it;
	list_add(&dentry->d_lru, &dentry_unused);
	dentry_stat.nr_unused++;
	sim_note("dcache", "dentry#%u at the head of dentry_unused, "
		 "nr_unused %d", sim_id(dentry), dentry_stat.nr_unused);
	goto out;

kill_it:
	list_del(&dentry->d_child);
	dentry_iput(dentry);
	parent = dentry->d_parent;
	is_root = (dentry == parent);	/* sim: tested before the free */
	d_free(dentry);
	if (is_root)
		goto out;
	dentry = parent;
	goto repeat;
out:
	TRACE_EXIT();
}

/*
 * Free an unused dentry taken off dentry_unused, then drop the reference
 * it held on its parent.
 */
static void prune_one_dentry(struct dentry *dentry)
{
	struct dentry *parent;

	list_del_init(&dentry->d_hash);
	list_del(&dentry->d_child);
	dentry_iput(dentry);
	parent = dentry->d_parent;
	d_free(dentry);
	if (parent != dentry)
		dput(parent);
}

/* Free up to count dentries from the cold end of dentry_unused. */
void prune_dcache(int count)
{
	TRACE_ENTER("%d", count);
	for (;;) {
		struct dentry *dentry;
		struct list_head *tmp;

		tmp = dentry_unused.prev;
		if (tmp == &dentry_unused)
			break;
		list_del_init(tmp);
		dentry = list_entry(tmp, struct dentry, d_lru);
		/* sim: no DCACHE_REFERENCED (d_vfs_flags), no second chance */
		dentry_stat.nr_unused--;

		/* Unused dentry with a count? */
		if (dentry->d_count)
			BUG();

		prune_one_dentry(dentry);
		if (!--count)
			break;
	}
	TRACE_EXIT();
}

/*
 * Free every unused dentry of sb: first move them all to the hot end of
 * dentry_unused, then free them from there (do_remount_sb, and the
 * shutdown of the internal tmpfs).
 */
void shrink_dcache_sb(struct super_block *sb)
{
	struct list_head *tmp, *next;
	struct dentry *dentry;

	TRACE_ENTER("super_block#%u", sim_id(sb));
	next = dentry_unused.next;
	while (next != &dentry_unused) {
		tmp = next;
		next = tmp->next;
		dentry = list_entry(tmp, struct dentry, d_lru);
		if (dentry->d_sb != sb)
			continue;
		list_del(tmp);
		list_add(tmp, &dentry_unused);
	}
repeat:
	next = dentry_unused.next;
	while (next != &dentry_unused) {
		tmp = next;
		next = tmp->next;
		dentry = list_entry(tmp, struct dentry, d_lru);
		if (dentry->d_sb != sb)
			continue;
		if (dentry->d_count)
			continue;
		dentry_stat.nr_unused--;
		list_del_init(tmp);
		prune_one_dentry(dentry);
		goto repeat;
	}
	TRACE_EXIT();
}

/*
 * Move every unused dentry below parent to the cold end of dentry_unused;
 * returns how many.
 */
static int select_parent(struct dentry *parent)
{
	struct dentry *this_parent = parent;
	struct list_head *next;
	int found = 0;

repeat:
	next = this_parent->d_subdirs.next;
resume:
	while (next != &this_parent->d_subdirs) {
		struct list_head *tmp = next;
		struct dentry *dentry = list_entry(tmp, struct dentry, d_child);

		next = tmp->next;
		if (!dentry->d_count) {
			if (list_empty(&dentry->d_lru))
				sim_unused_drift++;	/* sim */
			list_del(&dentry->d_lru);
			list_add(&dentry->d_lru, dentry_unused.prev);
			found++;
		}
		/* a child with children of its own: go down into it */
		if (!list_empty(&dentry->d_subdirs)) {
			this_parent = dentry;
			goto repeat;
		}
	}
	/* this directory is done: back up to the parent's next child */
	if (this_parent != parent) {
		next = this_parent->d_child.next;
		this_parent = this_parent->d_parent;
		goto resume;
	}
	return found;
}

/* Free the unused dentries below parent (before an unmount). */
void shrink_dcache_parent(struct dentry *parent)
{
	int found;

	TRACE_ENTER("dentry#%u", sim_id(parent));
	while ((found = select_parent(parent)) != 0)
		prune_dcache(found);
	TRACE_EXIT();
}

#define NAME_ALLOC_LEN(len)	((len + 16) & ~15)

/*
 * A new negative dentry called name, d_count 1. With a parent it pins the
 * parent (d_count +1) and goes at the head of parent->d_subdirs; without
 * one it has no parent yet (d_alloc_root makes it its own). NULL when out
 * of memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	char *str;
	struct dentry *dentry;

	TRACE_ENTER("\"%.*s\"", (int)name->len, (const char *)name->name);
	/* sim: `inject d_alloc` fails the dentry's allocation */
	dentry = NULL;
	if (!sim_should_fail("d_alloc"))
		dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	if (!dentry)
		goto out;

	if (name->len > DNAME_INLINE_LEN - 1) {
		str = kmalloc(NAME_ALLOC_LEN(name->len), GFP_KERNEL);
		if (!str) {
			kmem_cache_free(dentry_cache, dentry);
			dentry = NULL;
			goto out;
		}
	} else
		str = (char *)dentry->d_iname;

	memcpy(str, name->name, name->len);
	str[name->len] = 0;

	dentry->d_count = 1;
	dentry->d_flags = 0;
	dentry->d_inode = NULL;
	dentry->d_parent = NULL;
	dentry->d_sb = NULL;
	dentry->d_name.name = (const unsigned char *)str;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	dentry->d_op = NULL;
	dentry->d_mounted = 0;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_lru);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_alias);
	if (parent) {
		dentry->d_parent = dget(parent);
		dentry->d_sb = parent->d_sb;
		list_add(&dentry->d_child, &parent->d_subdirs);
		sim_note("dcache", "dentry#%u at the head of dentry#%u's "
			 "d_subdirs, nr_dentry %d -> %d", sim_id(dentry),
			 sim_id(parent), dentry_stat.nr_dentry,
			 dentry_stat.nr_dentry + 1);
	} else {
		INIT_LIST_HEAD(&dentry->d_child);
		sim_note("dcache", "dentry#%u has no parent, "
			 "nr_dentry %d -> %d", sim_id(dentry),
			 dentry_stat.nr_dentry, dentry_stat.nr_dentry + 1);
	}
	dentry_stat.nr_dentry++;
out:
	return TRACE_RET_DENTRY(dentry);
}

/*
 * Make entry positive. The caller's reference on inode passes to the
 * dentry (no i_count change); entry goes at the head of inode->i_dentry.
 */
void d_instantiate(struct dentry *entry, struct inode *inode)
{
	TRACE_ENTER("dentry#%u, inode#%u", sim_id(entry),
		    inode ? sim_id(inode) : 0);
	if (!list_empty(&entry->d_alias))
		BUG();
	if (inode)
		list_add(&entry->d_alias, &inode->i_dentry);
	entry->d_inode = inode;
	TRACE_EXIT();
}

/* The "/" dentry of a new superblock: its own parent, holding root_inode. */
struct dentry *d_alloc_root(struct inode *root_inode)
{
	struct dentry *res = NULL;

	TRACE_ENTER("inode#%u", root_inode ? sim_id(root_inode) : 0);
	if (root_inode) {
		res = d_alloc(NULL, &(const struct qstr) {
			(const unsigned char *)"/", 1, 0 });
		if (res) {
			res->d_sb = root_inode->i_sb;
			res->d_parent = res;
			d_instantiate(res, root_inode);
		}
	}
	return TRACE_RET_DENTRY(res);
}

/*
 * A reference for a lookup: a dentry waiting on dentry_unused at d_count 0
 * comes off it again.
 */
static inline struct dentry *__dget_locked(struct dentry *dentry)
{
	sim_note("dcache", "dentry#%u \"%s\" d_count %d -> %d",
		 sim_id(dentry), dname(dentry), dentry->d_count,
		 dentry->d_count + 1);
	if (++dentry->d_count == 1) {
		dentry_stat.nr_unused--;
		list_del_init(&dentry->d_lru);
		sim_note("dcache", "dentry#%u off dentry_unused, nr_unused %d",
			 sim_id(dentry), dentry_stat.nr_unused);
	}
	return dentry;
}

/* The chain for a child called hash under parent. */
static inline struct list_head *d_hash(struct dentry *parent,
				       unsigned long hash)
{
	hash += (uintptr_t)parent / L1_CACHE_BYTES;
	hash = hash ^ (hash >> D_HASHBITS);
	return dentry_hashtable + (hash & D_HASHMASK);
}

/*
 * The hashed child of parent called name, with a new reference (d_count
 * +1, off dentry_unused if it waited there), or NULL.
 */
struct dentry *d_lookup(struct dentry *parent, struct qstr *name)
{
	unsigned int len = name->len;
	unsigned int hash = name->hash;
	const unsigned char *str = name->name;
	struct list_head *head = d_hash(parent, hash);
	struct list_head *tmp;

	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(parent), (int)len,
		    (const char *)str);
	for (tmp = head->next; tmp != head; tmp = tmp->next) {
		struct dentry *dentry = list_entry(tmp, struct dentry, d_hash);

		if (dentry->d_name.hash != hash)
			continue;
		if (dentry->d_parent != parent)
			continue;
		if (dentry->d_name.len != len)
			continue;
		if (memcmp(dentry->d_name.name, str, len))
			continue;
		__dget_locked(dentry);
		return TRACE_RET_DENTRY(dentry);
	}
	return TRACE_RET_DENTRY(NULL);
}

/* Put entry on its hash chain, where d_lookup and dcache_readdir see it. */
void d_rehash(struct dentry *entry)
{
	struct list_head *list = d_hash(entry->d_parent, entry->d_name.hash);

	TRACE_ENTER("dentry#%u \"%s\"", sim_id(entry), dname(entry));
	if (!list_empty(&entry->d_hash))
		BUG();
	list_add(&entry->d_hash, list);
	sim_note("dcache", "dentry#%u \"%s\" hashed", sim_id(entry),
		 dname(entry));
	TRACE_EXIT();
}

/* include/linux/dcache.h */
static inline int IS_ROOT(struct dentry *x)
{
	return x == x->d_parent;
}

/*
 * Write the path of dentry (in mount vfsmnt) at the end of buffer and
 * return where it starts. The walk climbs d_parent and crosses mounts
 * upwards until it meets root in rootmnt or a mount that is its own parent
 * (a "global root", as every kern_mount is); " (deleted)" is appended for
 * an unhashed dentry that is not a root, which is how /proc/PID/maps shows
 * a shm segment: "/SYSV000004d2 (deleted)".
 */
char *__d_path(struct dentry *dentry, struct vfsmount *vfsmnt,
	       struct dentry *root, struct vfsmount *rootmnt,
	       char *buffer, int buflen)
{
	char *end = buffer + buflen;
	char *retval;
	int namelen;

	*--end = '\0';
	buflen--;
	if (!IS_ROOT(dentry) && list_empty(&dentry->d_hash)) {
		buflen -= 10;
		end -= 10;
		memcpy(end, " (deleted)", 10);
	}

	/* Get '/' right */
	retval = end - 1;
	*retval = '/';

	for (;;) {
		struct dentry *parent;

		if (dentry == root && vfsmnt == rootmnt)
			break;
		if (dentry == vfsmnt->mnt_root || IS_ROOT(dentry)) {
			/* Global root? */
			if (vfsmnt->mnt_parent == vfsmnt)
				goto global_root;
			dentry = vfsmnt->mnt_mountpoint;
			vfsmnt = vfsmnt->mnt_parent;
			continue;
		}
		parent = dentry->d_parent;
		namelen = dentry->d_name.len;
		buflen -= namelen + 1;
		if (buflen < 0)
			break;
		end -= namelen;
		memcpy(end, dentry->d_name.name, namelen);
		*--end = '/';
		retval = end;
		dentry = parent;
	}
	return retval;
global_root:
	namelen = dentry->d_name.len;
	buflen -= namelen;
	if (buflen >= 0) {
		retval -= namelen - 1;	/* hit the slash */
		memcpy(retval, dentry->d_name.name, namelen);
	}
	return retval;
}

/*
 * include/linux/sched.h: the path as the current process sees it, from
 * its fs->root; inline there, so untraced (the /proc views call it).
 * sim: the root is not pinned around the walk (one thread), and a task
 * with no fs_struct (a unit test's) sees from rootfs's root.
 */
char *d_path(struct dentry *dentry, struct vfsmount *vfsmnt, char *buf,
	     int buflen)
{
	struct vfsmount *rootmnt = root_vfsmnt;
	struct dentry *root = rootmnt ? rootmnt->mnt_root : NULL;

	if (current->fs && current->fs->root) {
		rootmnt = current->fs->rootmnt;
		root = current->fs->root;
	}
	return __d_path(dentry, vfsmnt, root, rootmnt, buf, buflen);
}

/*
 * Drop one reference from every hashed, positive dentry below root: the
 * pin an FS_LITTER filesystem keeps on entries it created. Unhashed ones
 * (every shm dentry) are skipped.
 */
void d_genocide(struct dentry *root)
{
	struct dentry *this_parent = root;
	struct list_head *next;

	TRACE_ENTER("dentry#%u", sim_id(root));
repeat:
	next = this_parent->d_subdirs.next;
resume:
	while (next != &this_parent->d_subdirs) {
		struct list_head *tmp = next;
		struct dentry *dentry = list_entry(tmp, struct dentry, d_child);

		next = tmp->next;
		if (d_unhashed(dentry) || !dentry->d_inode)
			continue;
		if (!list_empty(&dentry->d_subdirs)) {
			this_parent = dentry;
			goto repeat;
		}
		dentry->d_count--;
	}
	if (this_parent != root) {
		next = this_parent->d_child.next;
		this_parent->d_count--;
		this_parent = this_parent->d_parent;
		goto resume;
	}
	TRACE_EXIT();
}

static void dcache_init(unsigned long mempages)
{
	size_t i;

	TRACE_ENTER("%lu", mempages);
	dentry_cache = kmem_cache_create("dentry_cache", sizeof(struct dentry));
	if (!dentry_cache)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create dentry cache");
	/* sim: a fixed table (2.4.16 sizes it from mempages) */
	for (i = 0; i < ARRAY_SIZE(dentry_hashtable); i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
	TRACE_EXIT();
}

/* SLAB cache for __getname()'s PATH_MAX buffers (fs/namei.c's getname) */
kmem_cache_t *names_cachep;

/* SLAB cache for file structures (fs/file_table.c allocates from it) */
kmem_cache_t *filp_cachep;

/* sim/vfs/block_dev.c, declared here as in 2.4.16's fs/dcache.c */
extern void bdev_cache_init(void);

/*
 * Boot: the caches of the VFS, then rootfs (mnt_init). Called by
 * start_kernel after fork_init.
 */
void vfs_caches_init(unsigned long mempages)
{
	TRACE_ENTER("%lu", mempages);
	/* sim: no buffer_head or dquot caches: unused here */
	/*
	 * sim: PATH_MAX + 1, not 2.4.16's PATH_MAX: do_getname copies up to
	 * PATH_MAX + 1 bytes, one past a 2.4.16 names_cache object
	 */
	names_cachep = kmem_cache_create("names_cache", PATH_MAX + 1);
	if (!names_cachep)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create names SLAB cache");

	filp_cachep = kmem_cache_create("filp", sizeof(struct file));
	if (!filp_cachep)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create filp SLAB cache");

	dcache_init(mempages);
	inode_init(mempages);
	mnt_init(mempages);
	bdev_cache_init();
	/* sim: cdev_cache_init() omitted: no character devices */
	TRACE_EXIT();
}

/*
 * sim: one dentry line, then its children in d_subdirs order, one of
 *   "<name>" d_count <n> inode <i_ino> (i_count <n>, nlink <n>) <hashed|
 *     unhashed>  [dentry#<n> inode#<n>]
 *   "<name>" d_count <n> negative <hashed|unhashed>  [dentry#<n>]
 * on one line, indented two spaces per level, for example
 *     "/" d_count 3 inode 3 (i_count 1, nlink 2) unhashed  [dentry#3 inode#3]
 */
static void sim_dump_dentry(FILE *out, struct dentry *dentry, int depth)
{
	struct list_head *p;
	struct inode *inode = dentry->d_inode;

	fprintf(out, "%*s\"%s\" d_count %d ", 2 * depth, "", dname(dentry),
		dentry->d_count);
	if (inode)
		fprintf(out, "inode %lu (i_count %d, nlink %u) %s  "
			"[dentry#%u inode#%u]\n",
			inode->i_ino, inode->i_count, inode->i_nlink,
			d_unhashed(dentry) ? "unhashed" : "hashed",
			sim_id(dentry), sim_id(inode));
	else
		fprintf(out, "negative %s  [dentry#%u]\n",
			d_unhashed(dentry) ? "unhashed" : "hashed",
			sim_id(dentry));
	list_for_each(p, &dentry->d_subdirs)
		sim_dump_dentry(out, list_entry(p, struct dentry, d_child),
				depth + 1);
}

/*
 * sim: gdb's `call sim_dump_dcache(stdout)` and the scenario view. For each
 * superblock on super_blocks, in order:
 *   super_block#<n> <type> dev <MM>:<mm> (s_count <n>, s_active <n>)
 * then its tree from s_root, two spaces deeper per level (format above),
 * or "  (no root)" while a superblock is being set up or torn down.
 */
void sim_dump_dcache(FILE *out)
{
	struct list_head *p;

	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);

		fprintf(out, "super_block#%u %s dev %02x:%02x "
			"(s_count %d, s_active %d)\n",
			sim_id(sb), sb->s_type ? sb->s_type->name : "(none)",
			MAJOR(sb->s_dev), MINOR(sb->s_dev), sb->s_count,
			sb->s_active);
		if (sb->s_root)
			sim_dump_dentry(out, sb->s_root, 1);
		else
			fprintf(out, "  (no root)\n");
	}
}

/*
 * sim: invariant 74 (docs/invariants.md), vfs-dentry_unused: every dentry
 * on dentry_unused has d_count 0 and is hashed; there are nr_unused of
 * them; every dentry on a hash chain is in its own bucket, with d_count 0
 * exactly when it is on dentry_unused. Returns 74 or 0.
 */
int sim_dcache_check(char *why, size_t len)
{
	struct list_head *p;
	size_t b;
	int n = 0;

	list_for_each(p, &dentry_unused) {
		struct dentry *dentry = list_entry(p, struct dentry, d_lru);

		n++;
		if (dentry->d_count || d_unhashed(dentry))
			goto bad;
	}
	if (n != dentry_stat.nr_unused + sim_unused_drift) {
		if (why && len)
			snprintf(why, len, "vfs-dentry_unused: %d dentries on "
				 "it, nr_unused %d (+ %d drift)", n,
				 dentry_stat.nr_unused, sim_unused_drift);
		return 74;
	}
	for (b = 0; b < ARRAY_SIZE(dentry_hashtable); b++) {
		list_for_each(p, &dentry_hashtable[b]) {
			struct dentry *dentry = list_entry(p, struct dentry,
							   d_hash);

			if (d_hash(dentry->d_parent, dentry->d_name.hash) !=
			    &dentry_hashtable[b] ||
			    !dentry->d_count != !list_empty(&dentry->d_lru))
				goto bad_dentry;
		}
	}
	return 0;
bad:
	if (why && len)
		snprintf(why, len, "vfs-dentry_unused: dentry#%u \"%s\" on "
			 "it with d_count %d, %s", sim_id(list_entry(p,
			 struct dentry, d_lru)), dname(list_entry(p,
			 struct dentry, d_lru)), list_entry(p, struct dentry,
			 d_lru)->d_count, d_unhashed(list_entry(p,
			 struct dentry, d_lru)) ? "unhashed" : "hashed");
	return 74;
bad_dentry:
	if (why && len)
		snprintf(why, len, "vfs-dentry_unused: hashed dentry#%u is in "
			 "the wrong bucket, or unused and not on "
			 "dentry_unused", sim_id(list_entry(p, struct dentry,
			 d_hash)));
	return 74;
}

/*
 * sim: shutdown. Destroys dentry_cache and filp when they are empty; a
 * cache with objects left stays, for sim_vfs_leaks and gdb.
 */
void sim_dcache_exit(void)
{
	/* sim: the next boot starts without 2.4.16's drift */
	if (dentry_stat.nr_unused + sim_unused_drift == 0) {
		dentry_stat.nr_unused = 0;
		sim_unused_drift = 0;
	}
	if (dentry_cache && dentry_cache->active_objs == 0) {
		kmem_cache_destroy(dentry_cache);
		dentry_cache = NULL;
	}
	if (filp_cachep && filp_cachep->active_objs == 0) {
		kmem_cache_destroy(filp_cachep);
		filp_cachep = NULL;
	}
	if (names_cachep && names_cachep->active_objs == 0) {
		kmem_cache_destroy(names_cachep);
		names_cachep = NULL;
	}
}
