// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/namespace.c - vfsmounts, the mount tree, mount(2), umount(2).
 * Models fs/namespace.c (2.6.32), in its order: hash, mnt_alloc_id,
 *   mnt_free_id, alloc_vfsmnt, __mnt_is_readonly, mnt_want_write,
 *   mnt_drop_write, simple_set_mnt, free_vfsmnt, __lookup_mnt,
 *   lookup_mnt, check_mnt, touch_mnt_namespace, __touch_mnt_namespace,
 *   mnt_set_mountpoint, commit_tree, next_mnt, __mntput, mntput_no_expire,
 *   mntput (inline in mount.h in the kernel; out of line here so it is
 *   traced), show_sb_opts, show_mnt_opts, show_type, show_vfsmnt (with
 *   fs/seq_file.c's mangle_path and seq_path, and fs/proc_namespace's
 *   m_start/m_next as mounts_read_proc), release_mounts, umount_tree,
 *   do_umount (propagate_mount_busy of fs/pnode.c in it), sys_umount,
 *   attach_recursive_mnt, graft_tree, do_new_mount, do_add_mount,
 *   do_mount, alloc_mnt_ns, create_mnt_ns, sys_mount, init_mount_tree,
 *   mnt_init, put_mnt_ns.
 * Left out: bind, move, remount and propagation changes of mount(2)
 *   (MS_BIND, MS_MOVE, MS_REMOUNT, MS_SHARED...: -EINVAL here), shared
 *   subtrees (no mount is ever shared, so propagate_* do nothing),
 *   expiry and shrink_submounts, lazy and forced umount (MNT_DETACH and
 *   MNT_FORCE are accepted and have their kernel meaning only where a
 *   private tree gives them one), copy_mnt_ns (no CLONE_NEWNS),
 *   pivot_root, /proc/self/mountinfo, the per-CPU write counts.
 * sim: vfsmount_lock and namespace_sem are dropped (one thread); the
 *   mount-id IDA is fs/internal.h's bitmap; there is no nsproxy: every
 *   task's namespace is sim_init_mnt_ns, init_task's.
 * Sim only: sim_vfs_exit (the boot mounts' shutdown), sim_vfs_counts,
 *   sim_mnt_check.
 * Called by: vfs_kern_mount (alloc_vfsmnt, free_vfsmnt), every get_sb
 *   (simple_set_mnt), __fput and path_put (mntput), the path walk
 *   (lookup_mnt), the runner (sys_mount, sys_umount, mounts_read_proc),
 *   vfs_caches_init (mnt_init), the shutdown (sim_vfs_exit).
 *
 * A mount(2) of tmpfs on /mnt/shm:
 *   sys_mount -> do_mount (MNT_RELATIME; kern_path("/mnt/shm"): the
 *     mountpoint, referenced) -> do_new_mount (CAP_SYS_ADMIN) ->
 *     do_kern_mount (a new vfsmount, and tmpfs's get_sb) -> do_add_mount
 *     (-EBUSY, -EINVAL checks) -> graft_tree (MS_NOUSER -> -EINVAL) ->
 *     attach_recursive_mnt -> mnt_set_mountpoint (mntget of the parent,
 *     dget of the mountpoint, d_mounted +1) and commit_tree (onto the
 *     namespace's list and the mount hash under (parent, mountpoint)).
 *   The new vfsmount keeps do_kern_mount's mnt_count 1: the tree's.
 * umount(2): sys_umount (the mount's root by name; -EINVAL, -EPERM) ->
 *   do_umount (-EBUSY if anyone but the tree and this call holds it) ->
 *   umount_tree (off the hash and lists, d_mounted -1) -> release_mounts
 *   (the parent and mountpoint references, then the tree's mntput: the
 *   last one deactivates the superblock).
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/namei.h"
#include "linux/sched.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/trace.h"
#include "fs/internal.h"

/* i386: a page of list heads */
#define HASH_SHIFT	9
#define HASH_SIZE	(1UL << HASH_SHIFT)

static int event;
static struct list_head *mount_hashtable;
static kmem_cache_t *mnt_cache;

/* sim: object numbers stand for the addresses, so runs repeat */
static unsigned long hash(struct vfsmount *mnt, struct dentry *dentry)
{
	unsigned long tmp = sim_id(mnt);

	tmp += sim_id(dentry);
	tmp = tmp + (tmp >> HASH_SHIFT);
	return tmp & (HASH_SIZE - 1);
}

/* mount ids: lowest free at or above mnt_id_start (sim: 4096 of them) */
#define SIM_MNT_IDS	4096
static unsigned long mnt_id_bits[SIM_IDA_WORDS(SIM_MNT_IDS)];
static struct sim_ida mnt_id_ida = {
	.bits = mnt_id_bits, .nbits = SIM_MNT_IDS
};
static int mnt_id_start;

/* sim: init_task.nsproxy->mnt_ns */
struct mnt_namespace *sim_init_mnt_ns;

static int mnt_alloc_id(struct vfsmount *mnt)
{
	int res;

	res = sim_ida_get_new_above(&mnt_id_ida, mnt_id_start, &mnt->mnt_id);
	if (!res)
		mnt_id_start = mnt->mnt_id + 1;
	return res;
}

static void mnt_free_id(struct vfsmount *mnt)
{
	int id = mnt->mnt_id;

	sim_ida_remove(&mnt_id_ida, id);
	if (mnt_id_start > id)
		mnt_id_start = id;
}

/* a vfsmount with mnt_count 1, its own id and a copy of name */
struct vfsmount *alloc_vfsmnt(const char *name)
{
	struct vfsmount *mnt;
	size_t len;
	char *devname;

	TRACE_ENTER("\"%s\"", name ? name : "");
	mnt = kmem_cache_alloc(mnt_cache, GFP_KERNEL);	/* zalloc */
	if (mnt) {
		int err;

		err = mnt_alloc_id(mnt);
		if (err)
			goto out_free_cache;

		if (name) {
			len = strlen(name) + 1;		/* kstrdup */
			devname = kmalloc(len, GFP_KERNEL);
			if (!devname)
				goto out_free_id;
			memcpy(devname, name, len);
			mnt->mnt_devname = devname;
		}

		mnt->mnt_count = 1;
		INIT_LIST_HEAD(&mnt->mnt_hash);
		INIT_LIST_HEAD(&mnt->mnt_child);
		INIT_LIST_HEAD(&mnt->mnt_mounts);
		INIT_LIST_HEAD(&mnt->mnt_list);
		INIT_LIST_HEAD(&mnt->mnt_expire);
		INIT_LIST_HEAD(&mnt->mnt_share);
		INIT_LIST_HEAD(&mnt->mnt_slave_list);
		INIT_LIST_HEAD(&mnt->mnt_slave);
		mnt->mnt_writers = 0;
		sim_note("vfs", "vfsmount#%u \"%s\": mnt_id %d, mnt_count 1",
			 sim_id(mnt), name ? name : "", mnt->mnt_id);
	}
	return TRACE_RET_MNT(mnt);

out_free_id:
	mnt_free_id(mnt);
out_free_cache:
	kmem_cache_free(mnt_cache, mnt);
	return TRACE_RET_MNT(NULL);
}

static int __mnt_is_readonly(struct vfsmount *mnt)
{
	if (mnt->mnt_flags & MNT_READONLY)
		return 1;
	if (mnt->mnt_sb->s_flags & MS_RDONLY)
		return 1;
	return 0;
}

/* a writer of the mount for the length of a change: -EROFS if r/o */
int mnt_want_write(struct vfsmount *mnt)
{
	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	if (__mnt_is_readonly(mnt))
		return TRACE_RET(-EROFS);
	mnt->mnt_writers++;	/* sim: one count, not per CPU */
	return TRACE_RET(0);
}

void mnt_drop_write(struct vfsmount *mnt)
{
	mnt->mnt_writers--;
}

/* the end of every get_sb: the mount holds sb's active reference */
void simple_set_mnt(struct vfsmount *mnt, struct super_block *sb)
{
	TRACE_ENTER("vfsmount#%u, super_block#%u", sim_id(mnt), sim_id(sb));
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	sim_note("dentry", "root dentry#%u: d_count %d -> %d",
		 sim_id(sb->s_root), sb->s_root->d_count - 1,
		 sb->s_root->d_count);
	TRACE_EXIT();
}

void free_vfsmnt(struct vfsmount *mnt)
{
	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	kfree(mnt->mnt_devname);
	mnt_free_id(mnt);
	kmem_cache_free(mnt_cache, mnt);
	TRACE_EXIT();
}

/* the mount hashed under (mnt, dentry): what is mounted there */
static struct vfsmount *__lookup_mnt(struct vfsmount *mnt,
				     struct dentry *dentry, int dir)
{
	struct list_head *head = mount_hashtable + hash(mnt, dentry);
	struct list_head *tmp = head;
	struct vfsmount *p, *found = NULL;

	for (;;) {
		tmp = dir ? tmp->next : tmp->prev;
		p = NULL;
		if (tmp == head)
			break;
		p = list_entry(tmp, struct vfsmount, mnt_hash);
		if (p->mnt_parent == mnt && p->mnt_mountpoint == dentry) {
			found = p;
			break;
		}
	}
	return found;
}

/* the child mount on path, with a reference (mntget), or NULL */
struct vfsmount *lookup_mnt(struct path *path)
{
	struct vfsmount *child_mnt;

	TRACE_ENTER("vfsmount#%u, dentry#%u", sim_id(path->mnt),
		    sim_id(path->dentry));
	child_mnt = __lookup_mnt(path->mnt, path->dentry, 1);
	if (child_mnt) {
		mntget(child_mnt);
		sim_note("vfs", "vfsmount#%u: mnt_count %d -> %d",
			 sim_id(child_mnt), child_mnt->mnt_count - 1,
			 child_mnt->mnt_count);
	}
	return TRACE_RET_MNT(child_mnt);
}

/* sim: current->nsproxy->mnt_ns is init_task's namespace */
static int check_mnt(struct vfsmount *mnt)
{
	return mnt->mnt_ns == sim_init_mnt_ns;
}

/* sim: no poll queue to wake */
static void touch_mnt_namespace(struct mnt_namespace *ns)
{
	if (ns)
		ns->event = ++event;
}

static void __touch_mnt_namespace(struct mnt_namespace *ns)
{
	if (ns && ns->event != event)
		ns->event = event;
}

/* child_mnt sits on dentry of mnt: a reference on each */
static void mnt_set_mountpoint(struct vfsmount *mnt, struct dentry *dentry,
			       struct vfsmount *child_mnt)
{
	child_mnt->mnt_parent = mntget(mnt);
	child_mnt->mnt_mountpoint = dget(dentry);
	dentry->d_mounted++;
	sim_note("vfs", "vfsmount#%u on dentry#%u \"%s\" of vfsmount#%u: "
		 "d_mounted %d, parent mnt_count %d", sim_id(child_mnt),
		 sim_id(dentry), dentry->d_name.name, sim_id(mnt),
		 dentry->d_mounted, mnt->mnt_count);
}

/* onto the parent's namespace list (at its end), the hash, mnt_mounts */
static void commit_tree(struct vfsmount *mnt)
{
	struct vfsmount *parent = mnt->mnt_parent;
	struct mnt_namespace *n = parent->mnt_ns;

	BUG_ON(parent == mnt);
	/* sim: a tree of one mount: the kernel's list splice of it */
	mnt->mnt_ns = n;
	list_add_tail(&mnt->mnt_list, &n->list);

	list_add_tail(&mnt->mnt_hash, mount_hashtable +
		      hash(parent, mnt->mnt_mountpoint));
	list_add_tail(&mnt->mnt_child, &parent->mnt_mounts);
	touch_mnt_namespace(n);
}

/* the tree under root, depth first: the mount after p, or NULL */
static struct vfsmount *next_mnt(struct vfsmount *p, struct vfsmount *root)
{
	struct list_head *next = p->mnt_mounts.next;

	if (next == &p->mnt_mounts) {
		for (;;) {
			if (p == root)
				return NULL;
			next = p->mnt_child.next;
			if (next != &p->mnt_parent->mnt_mounts)
				break;
			p = p->mnt_parent;
		}
	}
	return list_entry(next, struct vfsmount, mnt_child);
}

/* the last reference: root dentry, the structure, then the superblock */
static void __mntput(struct vfsmount *mnt)
{
	struct super_block *sb = mnt->mnt_sb;

	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	BUG_ON(mnt->mnt_writers);	/* the kernel WARNs */
	dput(mnt->mnt_root);
	free_vfsmnt(mnt);
	deactivate_super(sb);
	TRACE_EXIT();
}

void mntput_no_expire(struct vfsmount *mnt)
{
	TRACE_ENTER("vfsmount#%u, mnt_count=%d", sim_id(mnt), mnt->mnt_count);
	sim_note("vfs", "vfsmount#%u: mnt_count %d -> %d", sim_id(mnt),
		 mnt->mnt_count, mnt->mnt_count - 1);
	if (!--mnt->mnt_count) {
		/* sim: mnt_pinned is always 0 (no BSD process accounting) */
		__mntput(mnt);
	}
	TRACE_EXIT();
}

void mntput(struct vfsmount *mnt)
{
	if (mnt) {
		TRACE_ENTER("vfsmount#%u", sim_id(mnt));
		mnt->mnt_expiry_mark = 0;
		mntput_no_expire(mnt);
		TRACE_EXIT();
	}
}

/* /proc/mounts: each option flag of the superblock, then of the mount */
struct proc_fs_info {
	unsigned long flag;
	const char *str;
};

static int show_sb_opts(FILE *m, struct super_block *sb)
{
	static const struct proc_fs_info fs_info[] = {
		{ MS_SYNCHRONOUS, ",sync" },
		{ MS_DIRSYNC, ",dirsync" },
		{ MS_MANDLOCK, ",mand" },
		{ 0, NULL }
	};
	const struct proc_fs_info *fs_infop;

	for (fs_infop = fs_info; fs_infop->flag; fs_infop++)
		if (sb->s_flags & fs_infop->flag)
			fputs(fs_infop->str, m);
	return 0;	/* sim: no security_sb_show_options */
}

static void show_mnt_opts(FILE *m, struct vfsmount *mnt)
{
	static const struct proc_fs_info mnt_info[] = {
		{ MNT_NOSUID, ",nosuid" },
		{ MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" },
		{ MNT_NOATIME, ",noatime" },
		{ MNT_NODIRATIME, ",nodiratime" },
		{ MNT_RELATIME, ",relatime" },
		{ MNT_STRICTATIME, ",strictatime" },
		{ 0, NULL }
	};
	const struct proc_fs_info *fs_infop;

	for (fs_infop = mnt_info; fs_infop->flag; fs_infop++)
		if ((unsigned long)mnt->mnt_flags & fs_infop->flag)
			fputs(fs_infop->str, m);
}

/* fs/seq_file.c's mangle: each character of esc as \ooo */
static void mangle(FILE *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		if (strchr(esc, *s))
			fprintf(m, "\\%03o", (unsigned char)*s);
		else
			fputc(*s, m);
	}
}

/* fs/seq_file.c: the path as d_path names it from the reader's root */
static void seq_path(FILE *m, struct path *path, const char *esc)
{
	char buf[PAGE_SIZE];
	char *p = d_path(path, buf, sizeof(buf));

	if (!IS_ERR(p))
		mangle(m, p, esc);	/* mangle_path */
}

static void show_type(FILE *m, struct super_block *sb)
{
	mangle(m, sb->s_type->name, " \t\n\\");
	if (sb->s_subtype && sb->s_subtype[0]) {
		fputc('.', m);
		mangle(m, sb->s_subtype, " \t\n\\");
	}
}

/* one line of /proc/mounts: "dev path type rw[,opts] 0 0" */
static int show_vfsmnt(FILE *m, struct vfsmount *mnt)
{
	int err = 0;
	struct path mnt_path = { .dentry = mnt->mnt_root, .mnt = mnt };

	mangle(m, mnt->mnt_devname ? mnt->mnt_devname : "none", " \t\n\\");
	fputc(' ', m);
	seq_path(m, &mnt_path, " \t\n\\");
	fputc(' ', m);
	show_type(m, mnt->mnt_sb);
	fputs(__mnt_is_readonly(mnt) ? " ro" : " rw", m);
	err = show_sb_opts(m, mnt->mnt_sb);
	if (err)
		goto out;
	show_mnt_opts(m, mnt);
	if (mnt->mnt_sb->s_op->show_options)
		err = mnt->mnt_sb->s_op->show_options(m, mnt);
	fputs(" 0 0\n", m);
out:
	return err;
}

/*
 * /proc/mounts (fs/proc/base.c's mounts_open with mounts_op: m_start
 * and m_next walk the reader's namespace list, show_vfsmnt prints):
 * every mount in mount order, rootfs first.
 */
void mounts_read_proc(FILE *out)
{
	struct list_head *p;

	if (!sim_init_mnt_ns)
		return;
	list_for_each(p, &sim_init_mnt_ns->list)
		show_vfsmnt(out, list_entry(p, struct vfsmount, mnt_list));
}

/*
 * After umount_tree: each mount's place in its parent goes (the
 * mountpoint's dget and the parent's mntget given back), then the
 * tree's own reference on it.
 */
static void release_mounts(struct list_head *head)
{
	struct vfsmount *mnt;

	TRACE_ENTER("%s", "");
	while (!list_empty(head)) {
		mnt = list_entry(head->next, struct vfsmount, mnt_hash);
		list_del_init(&mnt->mnt_hash);
		if (mnt->mnt_parent != mnt) {
			struct dentry *dentry;
			struct vfsmount *m;

			dentry = mnt->mnt_mountpoint;
			m = mnt->mnt_parent;
			mnt->mnt_mountpoint = mnt->mnt_root;
			mnt->mnt_parent = mnt;
			m->mnt_ghosts--;
			dput(dentry);
			mntput(m);
		}
		mntput(mnt);
	}
	TRACE_EXIT();
}

/*
 * mnt and every mount under it: off the hash (onto kill), off their
 * namespace and parent; each mountpoint's d_mounted -1. The references
 * go in release_mounts.
 */
static void umount_tree(struct vfsmount *mnt, int propagate,
			struct list_head *kill)
{
	struct vfsmount *p;
	struct list_head *q;

	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	for (p = mnt; p; p = next_mnt(p, mnt)) {
		list_del(&p->mnt_hash);		/* list_move */
		list_add(&p->mnt_hash, kill);
	}
	(void)propagate;	/* sim: propagate_umount: nothing is shared */

	list_for_each(q, kill) {		/* list_for_each_entry */
		p = list_entry(q, struct vfsmount, mnt_hash);
		list_del_init(&p->mnt_expire);
		list_del_init(&p->mnt_list);
		__touch_mnt_namespace(p->mnt_ns);
		p->mnt_ns = NULL;
		list_del_init(&p->mnt_child);
		if (p->mnt_parent != p) {
			p->mnt_parent->mnt_ghosts++;
			p->mnt_mountpoint->d_mounted--;
		}
		/* sim: change_mnt_propagation(p, MS_PRIVATE): it is */
	}
	TRACE_EXIT();
}

/*
 * fs/pnode.c: busy if it has mounts on it or more references than
 * refcnt (the tree's and the caller's); a private mount has no peers.
 */
static int propagate_mount_busy(struct vfsmount *mnt, int refcnt)
{
	if (!list_empty(&mnt->mnt_mounts))
		return 1;
	return mnt->mnt_count - mnt->mnt_ghosts > refcnt;
}

/* (simplified: no MNT_EXPIRE, no umount_begin, no shrink_submounts) */
static int do_umount(struct vfsmount *mnt, int flags)
{
	struct super_block *sb = mnt->mnt_sb;
	int retval;
	LIST_HEAD(umount_list);

	TRACE_ENTER("vfsmount#%u, mnt_count %d", sim_id(mnt), mnt->mnt_count);
	/* the root: remounted read-only instead, as the kernel does */
	if (mnt == current->fs->root.mnt && !(flags & MNT_DETACH)) {
		retval = 0;
		if (!(sb->s_flags & MS_RDONLY))
			retval = do_remount_sb(sb, MS_RDONLY, NULL, 0);
		return TRACE_RET(retval);
	}

	event++;
	retval = -EBUSY;
	if (flags & MNT_DETACH || !propagate_mount_busy(mnt, 2)) {
		if (!list_empty(&mnt->mnt_list))
			umount_tree(mnt, 1, &umount_list);
		retval = 0;
	}
	release_mounts(&umount_list);
	return TRACE_RET(retval);
}

/*
 * umount(2): name must be a mount's root (-EINVAL, before the
 * capability test: -EPERM).
 */
long sys_umount(char *name, int flags)
{
	struct path path;
	int retval;
	unsigned int lookup_flags = 0;

	TRACE_ENTER("\"%s\", %#x", name, (unsigned int)flags);
	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return TRACE_RET(-EINVAL);
	if (!(flags & UMOUNT_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;

	retval = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (retval)
		goto out;
	retval = -EINVAL;
	if (path.dentry != path.mnt->mnt_root)
		goto dput_and_out;
	if (!check_mnt(path.mnt))
		goto dput_and_out;

	retval = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto dput_and_out;

	BUG_ON(flags & MNT_EXPIRE);	/* sim: no expiry */
	retval = do_umount(path.mnt, flags);
dput_and_out:
	/* not path_put: that would clear mnt_expiry_mark */
	dput(path.dentry);
	mntput_no_expire(path.mnt);
out:
	return TRACE_RET(retval);
}

/*
 * (simplified: no shared destination, so propagate_mnt adds nothing and
 * there are no group ids) source_mnt goes on path, a new tree's root.
 */
static int attach_recursive_mnt(struct vfsmount *source_mnt,
				struct path *path, struct path *parent_path)
{
	struct vfsmount *dest_mnt = path->mnt;
	struct dentry *dest_dentry = path->dentry;

	TRACE_ENTER("vfsmount#%u on vfsmount#%u dentry#%u",
		    sim_id(source_mnt), sim_id(dest_mnt), sim_id(dest_dentry));
	BUG_ON(parent_path);	/* sim: no MS_MOVE */
	mnt_set_mountpoint(dest_mnt, dest_dentry, source_mnt);
	commit_tree(source_mnt);
	return TRACE_RET(0);
}

/* mnt onto path, if its superblock may be mounted there */
static int graft_tree(struct vfsmount *mnt, struct path *path)
{
	int err;

	TRACE_ENTER("vfsmount#%u, s_flags %#lx", sim_id(mnt),
		    mnt->mnt_sb->s_flags);
	if (mnt->mnt_sb->s_flags & MS_NOUSER)
		return TRACE_RET(-EINVAL);

	if (S_ISDIR(path->dentry->d_inode->i_mode) !=
	    S_ISDIR(mnt->mnt_root->d_inode->i_mode))
		return TRACE_RET(-ENOTDIR);

	err = -ENOENT;
	/* sim: no i_mutex, no security_sb_check_sb */
	if (IS_DEADDIR(path->dentry->d_inode))
		goto out_unlock;

	err = -ENOENT;
	/* d_unlinked: unhashed and not a root */
	if (!(d_unhashed(path->dentry) && !IS_ROOT(path->dentry)))
		err = attach_recursive_mnt(mnt, path, NULL);
out_unlock:
	return TRACE_RET(err);
}

/* a new mount of type by name: root only */
static int do_new_mount(struct path *path, char *type, int flags,
			int mnt_flags, char *name, void *data)
{
	struct vfsmount *mnt;

	TRACE_ENTER("\"%s\", flags %#x, mnt_flags %#x", type ? type : "",
		    (unsigned int)flags, (unsigned int)mnt_flags);
	if (!type)
		return TRACE_RET(-EINVAL);

	if (!capable(CAP_SYS_ADMIN))
		return TRACE_RET(-EPERM);

	/* sim: no big kernel lock */
	mnt = do_kern_mount(type, flags, name, data);
	if (IS_ERR(mnt))
		return TRACE_RET(PTR_ERR(mnt));

	return TRACE_RET(do_add_mount(mnt, path, mnt_flags, NULL));
}

/*
 * newmnt (do_kern_mount's reference, which the tree keeps) onto path,
 * after whatever is mounted there already. On error it is mntput: for
 * a shared superblock that gives back grab_super's s_active.
 */
int do_add_mount(struct vfsmount *newmnt, struct path *path,
		 int mnt_flags, struct list_head *fslist)
{
	int err;

	TRACE_ENTER("vfsmount#%u, dentry#%u", sim_id(newmnt),
		    sim_id(path->dentry));
	/* something was mounted here while we slept */
	while (d_mountpoint(path->dentry) && follow_down(path))
		;
	err = -EINVAL;
	if (!(mnt_flags & MNT_SHRINKABLE) && !check_mnt(path->mnt))
		goto unlock;

	/* the same superblock over its own root here: already mounted */
	err = -EBUSY;
	if (path->mnt->mnt_sb == newmnt->mnt_sb &&
	    path->mnt->mnt_root == path->dentry)
		goto unlock;

	err = -EINVAL;
	if (S_ISLNK(newmnt->mnt_root->d_inode->i_mode))
		goto unlock;

	newmnt->mnt_flags = mnt_flags;
	err = graft_tree(newmnt, path);
	if (err)
		goto unlock;

	if (fslist)
		list_add_tail(&newmnt->mnt_expire, fslist);
	return TRACE_RET(0);

unlock:
	mntput(newmnt);
	return TRACE_RET(err);
}

/* a string of user memory, copied (strndup_user); NULL stays NULL */
static int copy_mount_string(const void *data, char **where)
{
	char *tmp;
	size_t length;

	if (!data) {
		*where = NULL;
		return 0;
	}
	length = strnlen(data, PAGE_SIZE) + 1;
	if (length > PAGE_SIZE)
		return -EINVAL;
	tmp = kmalloc(length, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	memcpy(tmp, data, length);
	*where = tmp;
	return 0;
}

/*
 * mount(2)'s dispatcher: the per-mount flags apart (relatime unless
 * noatime), the mountpoint looked up, then a new mount. (simplified:
 * MS_REMOUNT, MS_BIND, MS_MOVE and the propagation flags are -EINVAL)
 */
long do_mount(char *dev_name, char *dir_name, char *type_page,
	      unsigned long flags, void *data_page)
{
	struct path path;
	int retval = 0;
	int mnt_flags = 0;

	TRACE_ENTER("\"%s\", \"%s\", \"%s\", %#lx", dev_name ? dev_name : "",
		    dir_name ? dir_name : "", type_page ? type_page : "",
		    flags);
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;

	if (!dir_name || !*dir_name || !memchr(dir_name, 0, PAGE_SIZE))
		return TRACE_RET(-EINVAL);

	if (!(flags & MS_NOATIME))
		mnt_flags |= MNT_RELATIME;
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_STRICTATIME)
		mnt_flags &= ~(MNT_RELATIME | MNT_NOATIME);
	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;

	flags &= ~(MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_ACTIVE |
		   MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_KERNMOUNT |
		   MS_STRICTATIME);

	retval = kern_path(dir_name, LOOKUP_FOLLOW, &path);
	if (retval)
		return TRACE_RET(retval);

	/* sim: no security_sb_mount */
	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE | MS_SHARED |
		     MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		retval = -EINVAL;	/* sim: not modelled */
	else
		retval = do_new_mount(&path, type_page, (int)flags,
				      mnt_flags, dev_name, data_page);
	path_put(&path);
	return TRACE_RET(retval);
}

static struct mnt_namespace *alloc_mnt_ns(void)
{
	struct mnt_namespace *new_ns;

	new_ns = kmalloc(sizeof(struct mnt_namespace), GFP_KERNEL);
	if (!new_ns)
		return ERR_PTR(-ENOMEM);
	new_ns->count = 1;
	new_ns->root = NULL;
	INIT_LIST_HEAD(&new_ns->list);
	new_ns->event = 0;
	return new_ns;
}

/* a namespace whose only mount, and root, is mnt */
static struct mnt_namespace *create_mnt_ns(struct vfsmount *mnt)
{
	struct mnt_namespace *new_ns;

	new_ns = alloc_mnt_ns();
	if (!IS_ERR(new_ns)) {
		mnt->mnt_ns = new_ns;
		new_ns->root = mnt;
		list_add(&new_ns->list, &new_ns->root->mnt_list);
	}
	return new_ns;
}

/*
 * mount(2): the strings copied in (copy_mount_string, getname), then
 * do_mount. (sim: data must be NULL: no options page is copied)
 */
long sys_mount(char *dev_name, char *dir_name, char *type,
	       unsigned long flags, void *data)
{
	int ret;
	char *kernel_type;
	char *kernel_dir;
	char *kernel_dev;

	TRACE_ENTER("\"%s\", \"%s\", \"%s\", %#lx", dev_name ? dev_name : "",
		    dir_name ? dir_name : "", type ? type : "", flags);
	ret = copy_mount_string(type, &kernel_type);
	if (ret < 0)
		goto out_type;

	kernel_dir = getname(dir_name);
	if (IS_ERR(kernel_dir)) {
		ret = (int)PTR_ERR(kernel_dir);
		goto out_dir;
	}

	ret = copy_mount_string(dev_name, &kernel_dev);
	if (ret < 0)
		goto out_dev;

	BUG_ON(data);	/* sim: copy_mount_options not modelled */
	ret = (int)do_mount(kernel_dev, kernel_dir, kernel_type, flags, NULL);

	kfree(kernel_dev);
out_dev:
	putname(kernel_dir);
out_dir:
	kfree(kernel_type);
out_type:
	return TRACE_RET(ret);
}

/*
 * rootfs becomes "/" of the first namespace, and of init's root and
 * working directory (each path_get: mnt_count and d_count +1).
 */
static void init_mount_tree(void)
{
	struct vfsmount *mnt;
	struct mnt_namespace *ns;
	struct path root;

	TRACE_ENTER("%s", "");
	mnt = do_kern_mount("rootfs", 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		sim_bug(__FILE__, __LINE__, "panic: Can't create rootfs");
	ns = create_mnt_ns(mnt);
	if (IS_ERR(ns))
		sim_bug(__FILE__, __LINE__,
			"panic: Can't allocate initial namespace");

	sim_init_mnt_ns = ns;		/* init_task.nsproxy->mnt_ns */
	ns->count++;			/* get_mnt_ns */

	root.mnt = ns->root;
	root.dentry = ns->root->mnt_root;

	set_fs_pwd(&init_fs, &root);	/* sim: current->fs is init_fs */
	set_fs_root(&init_fs, &root);
	sim_note("vfs", "rootfs vfsmount#%u: mnt_count %d, root dentry#%u "
		 "d_count %d", sim_id(mnt), mnt->mnt_count,
		 sim_id(root.dentry), root.dentry->d_count);
	TRACE_EXIT();
}

/* the vfsmount cache, sysfs, rootfs and the initial mount tree */
void mnt_init(void)
{
	unsigned long u;
	int err;

	TRACE_ENTER("%s", "");
	if (!mnt_cache)
		mnt_cache = kmem_cache_create("mnt_cache",
					      sizeof(struct vfsmount));
	mount_hashtable = kmalloc(HASH_SIZE * sizeof(struct list_head),
				  GFP_KERNEL);
	if (!mount_hashtable)
		sim_bug(__FILE__, __LINE__, "panic: Failed to allocate mount "
			"hash table");
	for (u = 0; u < HASH_SIZE; u++)
		INIT_LIST_HEAD(&mount_hashtable[u]);

	err = sysfs_init();
	if (err)
		sim_note("vfs", "mnt_init: sysfs_init error: %d", err);
	/* sim: no kobjects, so no fs_kobj */
	init_rootfs();
	init_mount_tree();
	TRACE_EXIT();
}

/* the last reference: every mount of the namespace is unmounted */
void put_mnt_ns(struct mnt_namespace *ns)
{
	struct vfsmount *root;
	LIST_HEAD(umount_list);

	TRACE_ENTER("count=%d", ns->count);
	if (--ns->count) {
		TRACE_EXIT();
		return;
	}
	root = ns->root;
	ns->root = NULL;
	umount_tree(root, 0, &umount_list);
	release_mounts(&umount_list);
	kfree(ns);
	TRACE_EXIT();
}

/* sim: the live vfsmounts, for the views */
unsigned long sim_vfsmounts_live(void)
{
	return mnt_cache ? mnt_cache->active_objs : 0;
}

void sim_mnt_exit(void)
{
	kfree(mount_hashtable);
	mount_hashtable = NULL;
	if (mnt_cache && mnt_cache->active_objs == 0) {
		kmem_cache_destroy(mnt_cache);
		mnt_cache = NULL;
	}
}

/*
 * sim: the shutdown's `umount -a`: every mount on top of rootfs goes
 * (umount_tree, release_mounts), before the segments' file system and
 * its inode cache do. A tmpfs user mount's superblock dies here; one
 * shared with shm_mnt (single-sb) only loses an active reference.
 */
void sim_umount_all(void)
{
	struct vfsmount *root;
	LIST_HEAD(umount_list);

	if (!sim_init_mnt_ns || !sim_init_mnt_ns->root)
		return;
	root = sim_init_mnt_ns->root;
	if (list_empty(&root->mnt_mounts))
		return;
	sim_trace_comment("vfs: shutdown: every mount on rootfs unmounted "
			  "(sim)");
	while (!list_empty(&root->mnt_mounts))
		umount_tree(list_entry(root->mnt_mounts.next, struct vfsmount,
				       mnt_child), 0, &umount_list);
	release_mounts(&umount_list);
}

/*
 * sim: shutdown of what the boot mounted, in the reverse order: proc
 * (proc_mnt), bdev (its pseudo mount), init's root and cwd and the
 * initial namespace (rootfs), then sysfs. Each last mntput takes its
 * superblock down through deactivate_super -> kill_sb, as an unmount
 * would; each type is unregistered, so the next boot can register it
 * again. Then the caches that are empty are destroyed. SHM's shm_mnt
 * must be dropped before (its own exit); a cache with objects left
 * stays, for the leak report and gdb.
 */
void sim_vfs_exit(void)
{
	struct path empty = { NULL, NULL };

	sim_trace_comment("vfs: shutdown: proc, bdev, rootfs and sysfs "
			  "mounts dropped (sim)");
	sim_proc_root_exit();
	sim_bdev_exit();
	if (init_fs.root.mnt) {
		struct path old_root = init_fs.root, old_pwd = init_fs.pwd;

		init_fs.root = empty;
		init_fs.pwd = empty;
		path_put(&old_pwd);
		path_put(&old_root);
	}
	if (sim_init_mnt_ns) {
		put_mnt_ns(sim_init_mnt_ns);	/* get_mnt_ns's */
		put_mnt_ns(sim_init_mnt_ns);	/* nsproxy's: umounts rootfs */
		sim_init_mnt_ns = NULL;
	}
	sim_rootfs_exit();
	sim_sysfs_exit();
	sim_mnt_exit();
	sim_files_exit();
	sim_inode_exit();
	sim_dcache_exit();
}

/* sim: the objects view's numbers (the allocator's live counts) */
void sim_vfs_counts(unsigned long *sb, unsigned long *mnt,
		    unsigned long *dentry, unsigned long *inode,
		    unsigned long *file)
{
	*sb = sim_super_blocks_live();
	*mnt = sim_vfsmounts_live();
	*dentry = sim_dentries_live();
	*inode = sim_inodes_live();
	*file = (unsigned long)files_stat.nr_files;
}

/* sim: the checks' count of the fs_struct references on mnt */
static int fs_refs(struct vfsmount *mnt)
{
	struct list_head *pos;
	int n = (init_fs.root.mnt == mnt) + (init_fs.pwd.mnt == mnt);

	list_for_each(pos, &sim_tasks) {
		struct task_struct *t = list_entry(pos, struct task_struct,
						   tasks);
		struct list_head *q;
		int first = 1;

		if (!t->fs || t->fs == &init_fs)
			continue;
		list_for_each(q, &sim_tasks) {	/* CLONE_FS: count once */
			struct task_struct *o = list_entry(q,
					struct task_struct, tasks);

			if (o == t)
				break;
			if (o->fs == t->fs)
				first = 0;
		}
		if (first)
			n += (t->fs->root.mnt == mnt) + (t->fs->pwd.mnt == mnt);
	}
	return n;
}

/* files open on mnt (open(2) puts each on its superblock's s_files) */
static int file_refs(struct vfsmount *mnt)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, &mnt->mnt_sb->s_files) {
		struct file *f = list_entry(pos, struct file, f_u.fu_list);

		n += f->f_path.mnt == mnt;
	}
	return n;
}

/* is mnt on the chain of the mount hash that (parent, mountpoint) picks */
static int hashed_where(struct vfsmount *mnt)
{
	struct list_head *head = mount_hashtable +
				 hash(mnt->mnt_parent, mnt->mnt_mountpoint);
	struct list_head *p;

	list_for_each(p, head)
		if (p == &mnt->mnt_hash)
			return 1;
	return 0;
}

/* one mount of the namespace: items 63, 64 and 65 */
static int check_one_mnt(struct vfsmount *mnt, char *why, size_t len)
{
	struct list_head *p;
	int children = 0, holders;

	if (mnt->mnt_parent != mnt && !hashed_where(mnt)) {
		snprintf(why, len, "mnt-hash: vfsmount#%u is not hashed under "
			 "(vfsmount#%u, dentry#%u)", sim_id(mnt),
			 sim_id(mnt->mnt_parent),
			 sim_id(mnt->mnt_mountpoint));
		return 63;
	}
	list_for_each(p, &mnt->mnt_mounts) {
		struct vfsmount *c = list_entry(p, struct vfsmount, mnt_child);

		if (c->mnt_parent != mnt || c->mnt_ns != mnt->mnt_ns) {
			snprintf(why, len, "mnt-hash: vfsmount#%u on "
				 "vfsmount#%u's mnt_mounts has mnt_parent "
				 "vfsmount#%u", sim_id(c), sim_id(mnt),
				 sim_id(c->mnt_parent));
			return 63;
		}
		children++;
	}
	holders = 1 + children + fs_refs(mnt) + file_refs(mnt);
	if (mnt->mnt_count != holders) {
		snprintf(why, len, "mnt-count: vfsmount#%u mnt_count %d, "
			 "holders %d (the tree 1, mounts on it %d, fs_struct "
			 "paths %d, open files %d)", sim_id(mnt),
			 mnt->mnt_count, holders, children, fs_refs(mnt),
			 file_refs(mnt));
		return 64;
	}
	return 0;
}

/* item 63, the other way: every hashed mount is a child where it says */
static int check_hash_chains(char *why, size_t len)
{
	unsigned long u;

	for (u = 0; u < HASH_SIZE; u++) {
		struct list_head *p;

		list_for_each(p, &mount_hashtable[u]) {
			struct vfsmount *m = list_entry(p, struct vfsmount,
							mnt_hash);

			if (m->mnt_parent == m ||
			    hash(m->mnt_parent, m->mnt_mountpoint) != u ||
			    !d_mountpoint(m->mnt_mountpoint) ||
			    m->mnt_ns != sim_init_mnt_ns) {
				snprintf(why, len, "mnt-hash: vfsmount#%u on "
					 "chain %lu: parent vfsmount#%u, "
					 "mountpoint dentry#%u (d_mounted %d)",
					 sim_id(m), u, sim_id(m->mnt_parent),
					 sim_id(m->mnt_mountpoint),
					 m->mnt_mountpoint->d_mounted);
				return 63;
			}
		}
	}
	return 0;
}

/*
 * item 65: a superblock's s_active is the vfsmounts on it (the
 * namespace's and the boot's internal ones; a tmpfs superblock shared
 * by single-sb counts shm_mnt and each user mount), whenever every live
 * vfsmount is one of those (a lazily detached one would not be).
 */
static int check_s_active(char *why, size_t len)
{
	struct vfsmount *internal[4];
	unsigned long listed = 0;
	struct list_head *p, *q;
	int i;

	internal[0] = sim_shm_mnt();
	internal[1] = sysfs_mount;
	internal[2] = sim_bd_mnt;
	internal[3] = proc_mnt;
	for (i = 0; i < 4; i++)
		listed += internal[i] != NULL;
	list_for_each(q, &sim_init_mnt_ns->list)
		listed++;
	if (listed != sim_vfsmounts_live())
		return 0;
	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);
		int n = 0;

		for (i = 0; i < 4; i++)
			n += internal[i] && internal[i]->mnt_sb == sb;
		list_for_each(q, &sim_init_mnt_ns->list)
			n += list_entry(q, struct vfsmount,
					mnt_list)->mnt_sb == sb;
		if (sb->s_active != n) {
			snprintf(why, len, "sb-s_active: super_block#%u (%s) "
				 "s_active %d, %d vfsmounts on it", sim_id(sb),
				 sb->s_id, sb->s_active, n);
			return 65;
		}
	}
	return 0;
}

/* the references on d the namespace's structures hold (item 67) */
static int dentry_holders(struct dentry *d)
{
	struct list_head *p, *q;
	int n = 0;

	if (d == d->d_sb->s_root)
		n++;				/* s_root's own */
	else if (d->d_inode && !d_unhashed(d))
		n++;				/* mknod's pin */
	list_for_each(p, &d->d_subdirs)
		n++;				/* each child's parent */
	n += d->d_mounted;			/* mnt_set_mountpoint's */
	list_for_each(p, &sim_init_mnt_ns->list) {
		struct vfsmount *m = list_entry(p, struct vfsmount, mnt_list);

		n += m->mnt_root == d;		/* simple_set_mnt's */
	}
	n += (init_fs.root.dentry == d) + (init_fs.pwd.dentry == d);
	list_for_each(p, &sim_tasks) {
		struct task_struct *t = list_entry(p, struct task_struct,
						   tasks);
		int first = 1;

		if (!t->fs || t->fs == &init_fs)
			continue;
		list_for_each(q, &sim_tasks) {
			struct task_struct *o = list_entry(q,
					struct task_struct, tasks);

			if (o == t)
				break;
			first &= o->fs != t->fs;
		}
		if (first)
			n += (t->fs->root.dentry == d) +
			     (t->fs->pwd.dentry == d);
	}
	list_for_each(p, &d->d_sb->s_files) {
		struct file *f = list_entry(p, struct file, f_u.fu_list);

		n += f->f_path.dentry == d;	/* the open's path */
		n += f->private_data == d;	/* a dcache_dir_open cursor */
	}
	return n;
}

/* every dentry under d (children first is not needed: no frees here) */
static int check_dentry_tree(struct dentry *d, char *why, size_t len)
{
	struct list_head *p;
	int n = dentry_holders(d);

	if (d->d_count != n) {
		snprintf(why, len, "vfs-d_count: dentry#%u \"%s\" d_count %d, "
			 "%d holders (s_root or pin, children, mounts, "
			 "mnt_root, fs_struct paths, open files, cursors)",
			 sim_id(d), d->d_name.name, d->d_count, n);
		return 67;
	}
	list_for_each(p, &d->d_subdirs) {
		int ret = check_dentry_tree(list_entry(p, struct dentry,
						       d_u.d_child), why, len);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * item 67: the dentries of every superblock the namespace mounts
 * (rootfs, a tmpfs user mount's) but the internal tmpfs one, whose
 * SYSV dentries the segments' files hold (items 54, 55).
 */
static int check_ns_dentries(char *why, size_t len)
{
	struct vfsmount *shm = sim_shm_mnt();
	struct list_head *p;

	list_for_each(p, &sim_init_mnt_ns->list) {
		struct vfsmount *m = list_entry(p, struct vfsmount, mnt_list);
		int ret;

		if (shm && m->mnt_sb == shm->mnt_sb)
			continue;
		if (m->mnt_root != m->mnt_sb->s_root)
			continue;	/* sim: no bind mounts to see */
		ret = check_dentry_tree(m->mnt_root, why, len);
		if (ret)
			return ret;
	}
	return 0;
}

/* sim: the mount tree's invariants (docs/invariants.md, 2.6.32) */
int sim_mnt_check(char *why, size_t len)
{
	struct list_head *p;
	int ret;

	if (!sim_init_mnt_ns || !mount_hashtable)
		return 0;
	list_for_each(p, &sim_init_mnt_ns->list) {
		ret = check_one_mnt(list_entry(p, struct vfsmount, mnt_list),
				    why, len);
		if (ret)
			return ret;
	}
	ret = check_hash_chains(why, len);
	if (!ret)
		ret = check_s_active(why, len);
	if (!ret)
		ret = check_ns_dentries(why, len);
	return ret;
}
