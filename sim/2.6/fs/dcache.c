// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/dcache.c - the dentry cache.
 * Models fs/dcache.c (2.6.32), in its order: __d_free, d_free,
 *   dentry_iput, dentry_lru_add, dentry_lru_del, dentry_lru_del_init,
 *   d_kill, dput, __d_drop (include/linux/dcache.h), prune_one_dentry,
 *   __shrink_dcache_sb, shrink_dcache_sb, shrink_dcache_for_umount_subtree,
 *   shrink_dcache_for_umount, d_alloc, d_alloc_name, __d_instantiate,
 *   d_instantiate, d_alloc_root, d_hash, d_lookup, __d_lookup,
 *   __d_rehash, _d_rehash, d_rehash, prepend, prepend_name, __d_path,
 *   d_path, d_genocide, dcache_init, vfs_caches_init; sim only, last: the
 *   live count, sim_dcache_check and the shutdown.
 * Left out: prune_dcache and the shrinker (nothing here runs short of
 *   memory: the LRU is pruned by shrink_dcache_sb only, from
 *   do_remount_sb and the shutdown), shrink_dcache_parent, d_move,
 *   d_delete, aliases (d_find_alias, d_splice_alias), ->d_compare.
 *   sim: dcache_lock, d_lock, rename_lock and RCU are dropped (one
 *   thread; d_free frees at once where the kernel may call_rcu).
 * Called by: every fill_super (d_alloc_root), shmem_file_setup (d_alloc,
 *   d_instantiate, d_rehash under hashed-shm), the path walk (d_lookup,
 *   __d_lookup, d_alloc), __fput and mntput (dput), show_map and
 *   /proc/mounts (d_path), do_remount_sb (shrink_dcache_sb), the boot
 *   (vfs_caches_init from start_kernel).
 *
 * A dentry's life in 2.6.32:
 *   d_alloc: d_count 1, DCACHE_UNHASHED, parent's d_count +1, at the head
 *     of parent->d_subdirs; d_instantiate: on inode->i_dentry
 *   [d_rehash: on dentry_hashtable, DCACHE_UNHASHED cleared]
 *   dput to 0: unhashed -> d_kill (off d_subdirs, iput, freed, and the
 *     parent dput in turn); hashed -> kept, unused, on sb->s_dentry_lru
 *   umount: shrink_dcache_for_umount frees whatever is left.
 */
#include <stdio.h>
#include <string.h>

#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/namei.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/fail.h"
#include "sim/trace.h"
#include "fs/internal.h"

struct dentry_stat_t dentry_stat = {
	.age_limit = 45,
};

static kmem_cache_t *dentry_cache;
kmem_cache_t *names_cachep;

/* sim: a fixed table of 1 << D_HASHBITS chains */
#define D_HASHBITS	10
#define D_HASHMASK	((1UL << D_HASHBITS) - 1)
static struct hlist_head dentry_hashtable[1UL << D_HASHBITS];

#define DNAME_INLINE_LEN	(sizeof(((struct dentry *)0)->d_iname))

static int dname_external(struct dentry *dentry)
{
	return dentry->d_name.name != dentry->d_iname;
}

static void __d_free(struct dentry *dentry)
{
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	BUG_ON(!list_empty(&dentry->d_alias));
	if (dname_external(dentry))
		kfree(dentry->d_name.name);
	sim_note("dentry", "dentry#%u \"%s\" freed", sim_id(dentry),
		 dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	TRACE_EXIT();
}

/* sim: no RCU grace period for a hashed dentry: freed at once */
static void d_free(struct dentry *dentry)
{
	TRACE_ENTER("dentry#%u", sim_id(dentry));
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	__d_free(dentry);
	TRACE_EXIT();
}

/* detach the inode, and drop the dentry's reference on it */
static void dentry_iput(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	TRACE_ENTER("dentry#%u, inode#%u", sim_id(dentry),
		    inode ? sim_id(inode) : 0);
	if (inode) {
		dentry->d_inode = NULL;
		list_del_init(&dentry->d_alias);
		/* sim: no fsnotify */
		if (dentry->d_op && dentry->d_op->d_iput)
			dentry->d_op->d_iput(dentry, inode);
		else
			iput(inode);
	}
	TRACE_EXIT();
}

static void dentry_lru_add(struct dentry *dentry)
{
	list_add(&dentry->d_lru, &dentry->d_sb->s_dentry_lru);
	dentry->d_sb->s_nr_dentry_unused++;
	dentry_stat.nr_unused++;
}

static void dentry_lru_del(struct dentry *dentry)
{
	if (!list_empty(&dentry->d_lru)) {
		list_del(&dentry->d_lru);
		dentry->d_sb->s_nr_dentry_unused--;
		dentry_stat.nr_unused--;
	}
}

static void dentry_lru_del_init(struct dentry *dentry)
{
	if (!list_empty(&dentry->d_lru)) {
		list_del_init(&dentry->d_lru);
		dentry->d_sb->s_nr_dentry_unused--;
		dentry_stat.nr_unused--;
	}
}

/*
 * Free an unused, unhashed dentry. Returns its parent, whose reference
 * the caller (dput) now drops, or NULL for a root.
 */
static struct dentry *d_kill(struct dentry *dentry)
{
	struct dentry *parent;

	TRACE_ENTER("dentry#%u \"%s\"", sim_id(dentry), dentry->d_name.name);
	list_del(&dentry->d_u.d_child);
	dentry_stat.nr_dentry--;	/* for d_free, below */
	dentry_iput(dentry);
	if (IS_ROOT(dentry))
		parent = NULL;
	else
		parent = dentry->d_parent;
	d_free(dentry);
	return TRACE_RET_DENTRY(parent);
}

/*
 * Drop a reference. At zero an unhashed dentry dies (and with it the
 * reference it held on its parent); a hashed one stays cached, on the
 * LRU, until memory pressure or umount.
 */
void dput(struct dentry *dentry)
{
	if (!dentry)
		return;

	TRACE_ENTER("dentry#%u \"%s\", d_count=%d", sim_id(dentry),
		    dentry->d_name.name, dentry->d_count);
repeat:
	BUG_ON(dentry->d_count <= 0);
	sim_note("dentry", "dentry#%u: d_count %d -> %d", sim_id(dentry),
		 dentry->d_count, dentry->d_count - 1);
	if (--dentry->d_count) {
		TRACE_EXIT();
		return;
	}

	if (dentry->d_op && dentry->d_op->d_delete) {
		if (dentry->d_op->d_delete(dentry))
			goto unhash_it;
	}
	if (d_unhashed(dentry))
		goto kill_it;
	if (list_empty(&dentry->d_lru)) {
		dentry->d_flags |= DCACHE_REFERENCED;
		dentry_lru_add(dentry);
		sim_note("dentry", "dentry#%u unused, on the LRU of "
			 "super_block#%u", sim_id(dentry),
			 sim_id(dentry->d_sb));
	}
	TRACE_EXIT();
	return;

unhash_it:
	/* __d_drop */
	if (!d_unhashed(dentry)) {
		dentry->d_flags |= DCACHE_UNHASHED;
		hlist_del_init(&dentry->d_hash);
	}
kill_it:
	dentry_lru_del(dentry);
	dentry = d_kill(dentry);
	if (dentry)
		goto repeat;
	TRACE_EXIT();
}

/* include/linux/dcache.h: off the hash table, invisible to lookups */
static void __d_drop(struct dentry *dentry)
{
	if (!(dentry->d_flags & DCACHE_UNHASHED)) {
		dentry->d_flags |= DCACHE_UNHASHED;
		hlist_del_init(&dentry->d_hash);
	}
}

/*
 * Free an unused dentry taken off the LRU, then each ancestor whose
 * last reference that was (the kernel's loop, dput's without the LRU).
 */
static void prune_one_dentry(struct dentry *dentry)
{
	TRACE_ENTER("dentry#%u \"%s\"", sim_id(dentry), dentry->d_name.name);
	__d_drop(dentry);
	dentry = d_kill(dentry);

	while (dentry) {
		sim_note("dentry", "dentry#%u: d_count %d -> %d",
			 sim_id(dentry), dentry->d_count,
			 dentry->d_count - 1);
		if (--dentry->d_count)
			break;
		if (dentry->d_op && dentry->d_op->d_delete)
			dentry->d_op->d_delete(dentry);
		dentry_lru_del_init(dentry);
		__d_drop(dentry);
		dentry = d_kill(dentry);
	}
	TRACE_EXIT();
}

/*
 * Prune the unused dentries on sb's LRU (count NULL: all of them; the
 * model has no caller that passes a count or DCACHE_REFERENCED). One
 * found in use again (a lookup's d_count, left on the LRU) only leaves
 * the list.
 */
static void __shrink_dcache_sb(struct super_block *sb, int *count, int flags)
{
	LIST_HEAD(tmp);
	struct dentry *dentry;

	BUG_ON(!sb);
	BUG_ON(count != NULL || flags != 0);	/* sim: see above */
restart:
	while (!list_empty(&sb->s_dentry_lru)) {	/* list_splice_init */
		struct list_head *e = sb->s_dentry_lru.next;

		list_del(e);
		list_add_tail(e, &tmp);
	}
	while (!list_empty(&tmp)) {
		dentry = list_entry(tmp.prev, struct dentry, d_lru);
		dentry_lru_del_init(dentry);
		if (dentry->d_count)
			continue;
		prune_one_dentry(dentry);
	}
	if (!list_empty(&sb->s_dentry_lru))
		goto restart;
}

/* every unused dentry of sb goes: remount and (sim) the shutdown */
void shrink_dcache_sb(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u, %d unused", sim_id(sb),
		    sb->s_nr_dentry_unused);
	__shrink_dcache_sb(sb, NULL, 0);
	TRACE_EXIT();
}

/*
 * umount: free the whole tree under a root, children first. Every dentry
 * must be unused by now (d_count 0), or it is a BUG.
 */
static void shrink_dcache_for_umount_subtree(struct dentry *dentry)
{
	struct dentry *parent;
	unsigned int detached = 0;

	TRACE_ENTER("dentry#%u", sim_id(dentry));
	BUG_ON(!IS_ROOT(dentry));

	dentry_lru_del_init(dentry);
	if (!d_unhashed(dentry)) {		/* __d_drop */
		dentry->d_flags |= DCACHE_UNHASHED;
		hlist_del_init(&dentry->d_hash);
	}

	for (;;) {
		while (!list_empty(&dentry->d_subdirs)) {
			struct list_head *p;

			list_for_each(p, &dentry->d_subdirs) {
				struct dentry *loop = list_entry(p,
						struct dentry, d_u.d_child);

				dentry_lru_del_init(loop);
				if (!d_unhashed(loop)) {
					loop->d_flags |= DCACHE_UNHASHED;
					hlist_del_init(&loop->d_hash);
				}
			}
			dentry = list_entry(dentry->d_subdirs.next,
					    struct dentry, d_u.d_child);
		}

		do {
			struct inode *inode;

			if (dentry->d_count != 0) {
				sim_note("dentry", "BUG: Dentry dentry#%u{n=%s}"
					 " still in use (%d) [unmount of %s]",
					 sim_id(dentry), dentry->d_name.name,
					 dentry->d_count,
					 dentry->d_sb->s_type->name);
				BUG();
			}

			if (IS_ROOT(dentry)) {
				parent = NULL;
			} else {
				parent = dentry->d_parent;
				parent->d_count--;
			}

			list_del(&dentry->d_u.d_child);
			detached++;

			inode = dentry->d_inode;
			if (inode) {
				dentry->d_inode = NULL;
				list_del_init(&dentry->d_alias);
				if (dentry->d_op && dentry->d_op->d_iput)
					dentry->d_op->d_iput(dentry, inode);
				else
					iput(inode);
			}

			d_free(dentry);

			if (!parent)
				goto out;

			dentry = parent;
		} while (list_empty(&dentry->d_subdirs));

		dentry = list_entry(dentry->d_subdirs.next, struct dentry,
				    d_u.d_child);
	}
out:
	dentry_stat.nr_dentry -= (int)detached;
	TRACE_EXIT();
}

/* s_root's own reference goes here; the tree must be otherwise unused */
void shrink_dcache_for_umount(struct super_block *sb)
{
	struct dentry *dentry;

	TRACE_ENTER("super_block#%u", sim_id(sb));
	dentry = sb->s_root;
	sb->s_root = NULL;
	dentry->d_count--;
	shrink_dcache_for_umount_subtree(dentry);

	while (!hlist_empty(&sb->s_anon)) {
		dentry = hlist_entry(sb->s_anon.first, struct dentry, d_hash);
		shrink_dcache_for_umount_subtree(dentry);
	}
	TRACE_EXIT();
}

/*
 * A new dentry named name under parent (NULL: a root to be), unhashed,
 * negative, d_count 1. It holds a reference on parent and sits at the
 * head of parent->d_subdirs. NULL when memory runs out.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry;
	char *dname;

	if (parent)
		TRACE_ENTER("parent=dentry#%u, \"%.*s\"", sim_id(parent),
			    (int)name->len, name->name);
	else	/* a root: d_alloc_root's */
		TRACE_ENTER("parent=NULL, \"%.*s\"", (int)name->len,
			    name->name);
	/* sim: `inject d_alloc` fails the dentry's allocation */
	dentry = NULL;
	if (!sim_should_fail("d_alloc"))
		dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	if (!dentry)
		return TRACE_RET_DENTRY(NULL);

	if (name->len > DNAME_INLINE_LEN - 1) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return TRACE_RET_DENTRY(NULL);
		}
	} else {
		dname = (char *)dentry->d_iname;
	}
	dentry->d_name.name = (const unsigned char *)dname;

	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	memcpy(dname, name->name, name->len);
	dname[name->len] = 0;

	dentry->d_count = 1;
	dentry->d_flags = DCACHE_UNHASHED;
	dentry->d_inode = NULL;
	dentry->d_parent = NULL;
	dentry->d_sb = NULL;
	dentry->d_op = NULL;
	dentry->d_fsdata = NULL;
	dentry->d_mounted = 0;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_lru);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_alias);

	if (parent) {
		sim_note("dentry", "parent dentry#%u: d_count %d -> %d",
			 sim_id(parent), parent->d_count, parent->d_count + 1);
		dentry->d_parent = dget(parent);
		dentry->d_sb = parent->d_sb;
	} else {
		INIT_LIST_HEAD(&dentry->d_u.d_child);
	}

	if (parent)
		list_add(&dentry->d_u.d_child, &parent->d_subdirs);
	dentry_stat.nr_dentry++;

	return TRACE_RET_DENTRY(dentry);
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q;

	TRACE_ENTER("parent=dentry#%u, \"%s\"", sim_id(parent), name);
	q.name = (const unsigned char *)name;
	q.len = (unsigned int)strlen(name);
	q.hash = full_name_hash(q.name, q.len);
	return TRACE_RET_DENTRY(d_alloc(parent, &q));
}

static void __d_instantiate(struct dentry *dentry, struct inode *inode)
{
	if (inode)
		list_add(&dentry->d_alias, &inode->i_dentry);
	dentry->d_inode = inode;
}

/* give a negative dentry its inode; the inode reference passes to it */
void d_instantiate(struct dentry *entry, struct inode *inode)
{
	TRACE_ENTER("dentry#%u, inode#%u", sim_id(entry),
		    inode ? sim_id(inode) : 0);
	BUG_ON(!list_empty(&entry->d_alias));
	__d_instantiate(entry, inode);
	TRACE_EXIT();
}

/* the root dentry "/" of a new superblock: its own parent */
struct dentry *d_alloc_root(struct inode *root_inode)
{
	struct dentry *res = NULL;

	TRACE_ENTER("inode#%u", root_inode ? sim_id(root_inode) : 0);
	if (root_inode) {
		static const struct qstr name = {
			.name = (const unsigned char *)"/", .len = 1
		};

		res = d_alloc(NULL, &name);
		if (res) {
			res->d_sb = root_inode->i_sb;
			res->d_parent = res;
			d_instantiate(res, root_inode);
		}
	}
	return TRACE_RET_DENTRY(res);
}

/* sim: the parent's number stands for its address, so runs repeat */
static struct hlist_head *d_hash(struct dentry *parent, unsigned long hash)
{
	hash += (unsigned long)sim_id(parent) * 0x9e370001UL;
	hash = hash ^ ((hash ^ 0x9e370001UL) >> D_HASHBITS);
	return dentry_hashtable + (hash & D_HASHMASK);
}

/*
 * The hashed child of parent called name, with a reference (d_count +1;
 * an unused one stays on the LRU, as the kernel's lazy LRU leaves it),
 * or NULL. (sim: no rename_lock seqlock to retry on)
 */
struct dentry *d_lookup(struct dentry *parent, struct qstr *name)
{
	struct dentry *dentry;

	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(parent), (int)name->len,
		    name->name);
	dentry = __d_lookup(parent, name);
	return TRACE_RET_DENTRY(dentry);
}

struct dentry *__d_lookup(struct dentry *parent, struct qstr *name)
{
	unsigned int len = name->len;
	unsigned int hash = name->hash;
	const unsigned char *str = name->name;
	struct hlist_head *head = d_hash(parent, hash);
	struct dentry *found = NULL;
	struct hlist_node *node;

	for (node = head->first; node; node = node->next) {
		struct dentry *dentry = hlist_entry(node, struct dentry,
						    d_hash);

		if (dentry->d_name.hash != hash)
			continue;
		if (dentry->d_parent != parent)
			continue;
		/* sim: no ->d_compare on any dentry here */
		if (dentry->d_name.len != len ||
		    memcmp(dentry->d_name.name, str, len))
			continue;
		if (!d_unhashed(dentry)) {
			dentry->d_count++;
			found = dentry;
		}
		break;
	}
	if (found)
		sim_note("dentry", "dcache hit dentry#%u \"%s\": d_count %d",
			 sim_id(found), found->d_name.name, found->d_count);
	return found;
}

static void __d_rehash(struct dentry *entry, struct hlist_head *list)
{
	entry->d_flags &= ~DCACHE_UNHASHED;
	hlist_add_head(&entry->d_hash, list);
}

static void _d_rehash(struct dentry *entry)
{
	__d_rehash(entry, d_hash(entry->d_parent, entry->d_name.hash));
}

/* make the dentry visible to lookups: dput will now keep it cached */
void d_rehash(struct dentry *entry)
{
	TRACE_ENTER("dentry#%u \"%s\"", sim_id(entry), entry->d_name.name);
	_d_rehash(entry);
	sim_note("dentry", "dentry#%u hashed: DCACHE_UNHASHED cleared",
		 sim_id(entry));
	TRACE_EXIT();
}

/* the path is built backwards, from the end of the buffer */
static int prepend(char **buffer, int *buflen, const char *str, int namelen)
{
	*buflen -= namelen;
	if (*buflen < 0)
		return -ENAMETOOLONG;
	*buffer -= namelen;
	memcpy(*buffer, str, (size_t)namelen);
	return 0;
}

static int prepend_name(char **buffer, int *buflen, struct qstr *name)
{
	return prepend(buffer, buflen, (const char *)name->name,
		       (int)name->len);
}

/*
 * The name of path as seen from root. A mount that is its own parent
 * (an internal kern_mount such as shm_mnt) ends the walk at a "global
 * root": its root's name ("/") is put in front, and root is set to it.
 * A dentry that is unhashed and not a root reads " (deleted)".
 */
char *__d_path(const struct path *path, struct path *root, char *buffer,
	       int buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *vfsmnt = path->mnt;
	char *end = buffer + buflen;
	char *retval;

	TRACE_ENTER("dentry#%u, vfsmount#%u", sim_id(dentry), sim_id(vfsmnt));
	prepend(&end, &buflen, "\0", 1);
	/* d_unlinked */
	if (d_unhashed(dentry) && !IS_ROOT(dentry) &&
	    (prepend(&end, &buflen, " (deleted)", 10) != 0))
		goto Elong;

	if (buflen < 1)
		goto Elong;
	retval = end - 1;	/* "/" for the root itself */
	*retval = '/';

	for (;;) {
		struct dentry *parent;

		if (dentry == root->dentry && vfsmnt == root->mnt)
			break;
		if (dentry == vfsmnt->mnt_root || IS_ROOT(dentry)) {
			if (vfsmnt->mnt_parent == vfsmnt)
				goto global_root;
			dentry = vfsmnt->mnt_mountpoint;
			vfsmnt = vfsmnt->mnt_parent;
			continue;
		}
		parent = dentry->d_parent;
		if ((prepend_name(&end, &buflen, &dentry->d_name) != 0) ||
		    (prepend(&end, &buflen, "/", 1) != 0))
			goto Elong;
		retval = end;
		dentry = parent;
	}

out:
	TRACE_EXIT_FMT("\"%s\"", IS_ERR(retval) ? "-ENAMETOOLONG" : retval);
	return retval;

global_root:
	retval += 1;	/* hit the slash */
	if (prepend_name(&retval, &buflen, &dentry->d_name) != 0)
		goto Elong;
	root->mnt = vfsmnt;
	root->dentry = dentry;
	goto out;

Elong:
	retval = ERR_PTR(-ENAMETOOLONG);
	goto out;
}

/*
 * /proc/PID/maps' name of a mapped file, from current's root (sim:
 * init_fs). A SysV segment reads "/SYSV0000abcd (deleted)".
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	char *res;
	struct path root;
	struct path tmp;

	TRACE_ENTER("dentry#%u", sim_id(path->dentry));
	if (path->dentry->d_op && path->dentry->d_op->d_dname) {
		res = path->dentry->d_op->d_dname(path->dentry, buf, buflen);
		TRACE_EXIT_FMT("\"%s\"", IS_ERR(res) ? "ERR" : res);
		return res;
	}

	/* sim: a task made before the boot's fs reads init_fs */
	root = current->fs ? current->fs->root : init_fs.root;
	if (root.mnt)
		path_get(&root);
	tmp = root;
	res = __d_path(path, &tmp, buf, buflen);
	if (root.mnt)
		path_put(&root);
	TRACE_EXIT_FMT("\"%s\"", IS_ERR(res) ? "-ENAMETOOLONG" : res);
	return res;
}

/* drop the pin of every hashed, positive dentry below root */
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
		struct dentry *dentry = list_entry(tmp, struct dentry,
						   d_u.d_child);
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
		next = this_parent->d_u.d_child.next;
		this_parent->d_count--;
		this_parent = this_parent->d_parent;
		goto resume;
	}
	TRACE_EXIT();
}

void dcache_init(void)
{
	unsigned long loop;

	TRACE_ENTER("%s", "");
	/* KMEM_CACHE(dentry, ...): the cache takes the struct's name */
	if (!dentry_cache)
		dentry_cache = kmem_cache_create("dentry",
						 sizeof(struct dentry));
	/* sim: no shrinker to register */
	for (loop = 0; loop < (1UL << D_HASHBITS); loop++)
		INIT_HLIST_HEAD(&dentry_hashtable[loop]);
	TRACE_EXIT();
}

/* start_kernel's step for the VFS caches and the first mounts */
void vfs_caches_init(unsigned long mempages)
{
	TRACE_ENTER("mempages=%lu", mempages);
	/* sim: the reserve for the kernel's own size is left out */
	if (!names_cachep)
		names_cachep = kmem_cache_create("names_cache", PATH_MAX);
	dcache_init();
	inode_init();
	files_init(mempages);
	mnt_init();
	bdev_cache_init();
	/* sim: chrdev_init() left out: no character devices */
	TRACE_EXIT();
}

/* sim: the live count, and the shutdown of the cache */
unsigned long sim_dentries_live(void)
{
	return dentry_cache ? dentry_cache->active_objs : 0;
}

/*
 * sim: for the checks (docs/invariants.md, "Linux 2.6.32", item 31):
 * d_alloc and d_kill keep nr_dentry equal to the dentries alive.
 */
int sim_dcache_check(char *why, size_t len)
{
	if ((unsigned long)dentry_stat.nr_dentry != sim_dentries_live()) {
		snprintf(why, len, "vfs-nr_dentry: dentry_stat.nr_dentry %d, "
			 "dentry cache objects %lu", dentry_stat.nr_dentry,
			 sim_dentries_live());
		return 31;
	}
	return 0;
}

void sim_dcache_exit(void)
{
	if (names_cachep && names_cachep->active_objs == 0) {
		kmem_cache_destroy(names_cachep);
		names_cachep = NULL;
	}
	if (dentry_cache && dentry_cache->active_objs == 0) {
		kmem_cache_destroy(dentry_cache);
		dentry_cache = NULL;
	}
}

/*
 * sim: `show dcache` and gdb's `call sim_dump_dcache(stdout)`. Every
 * superblock on super_blocks, in order, as
 *   super_block#<n> <type> dev <MM>:<mm> (s_count <n>, s_active <n>)
 * then its dentries from s_root, children in d_subdirs order, two spaces
 * deeper a level:
 *   "<name>" d_count <n> inode <i_ino> (i_count <n>, nlink <n>) d_flags
 *     <DCACHE_* names | 0>  [dentry#<n> inode#<n>]
 * ("negative" for no inode). 2.4.16's dentry has no flag for "unhashed"
 * (its d_hash list is empty); 2.6.32's sets DCACHE_UNHASHED, which is
 * what the SYSV dentries show.
 */
static const struct sim_bit_name d_flag_names[] = {
	{ DCACHE_DISCONNECTED, "DCACHE_DISCONNECTED" },
	{ DCACHE_REFERENCED, "DCACHE_REFERENCED" },
	{ DCACHE_UNHASHED, "DCACHE_UNHASHED" },
};

static void sim_dump_dentry(FILE *out, struct dentry *dentry, int depth)
{
	struct inode *inode = dentry->d_inode;
	struct list_head *p;

	fprintf(out, "%*s\"%s\" d_count %d ", 2 * depth, "",
		dentry->d_name.name, dentry->d_count);
	if (inode)
		fprintf(out, "inode %lu (i_count %d, nlink %u) ",
			inode->i_ino, inode->i_count, inode->i_nlink);
	else
		fprintf(out, "negative ");
	fprintf(out, "d_flags ");
	if (dentry->d_flags)
		sim_print_bits(out, dentry->d_flags, d_flag_names,
			       ARRAY_SIZE(d_flag_names), "|");
	else
		fputc('0', out);
	fprintf(out, "  [dentry#%u", sim_id(dentry));
	if (inode)
		fprintf(out, " inode#%u", sim_id(inode));
	fprintf(out, "]\n");
	list_for_each(p, &dentry->d_subdirs)
		sim_dump_dentry(out, list_entry(p, struct dentry, d_u.d_child),
				depth + 1);
}

void sim_dump_dcache(FILE *out)
{
	struct list_head *p;

	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);

		fprintf(out, "super_block#%u %s dev %02x:%02x (s_count %d, "
			"s_active %d)\n", sim_id(sb),
			sb->s_type ? sb->s_type->name : "(none)",
			MAJOR(sb->s_dev), MINOR(sb->s_dev), sb->s_count,
			sb->s_active);
		if (sb->s_root)
			sim_dump_dentry(out, sb->s_root, 1);
		else
			fprintf(out, "  (no root)\n");
	}
}
