// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/namespace.c - vfsmounts, the mount tree, mount and umount.
 * Models fs/namespace.c (2.4.16), in its order: hash, alloc_vfsmnt,
 *   free_vfsmnt, set_devname, lookup_mnt, check_mnt, detach_mnt,
 *   attach_mnt, next_mnt, __mntput, mangle, show_vfsmnt (with the
 *   seq_file walk of m_start/m_next/m_stop as sim_show_mounts), umount_tree,
 *   do_umount, sys_umount, graft_tree, do_remount, do_add_mount,
 *   copy_mount_options, do_mount, sys_mount, the rootfs type
 *   (rootfs_lookup, its operations, rootfs_read_super, root_fs_type),
 *   init_mount_tree, mnt_init; with mntget/mntput (inline in
 *   include/linux/mount.h) before __mntput. Sim only: the registry of live
 *   vfsmounts (sim_mount_register/unregister) at the top, sim_mnt_exit
 *   last.
 * Left out: bind mounts (clone_mnt, copy_tree, do_loopback: MS_BIND gives
 *   -EINVAL here), pivot_root and chroot_fs_refs, change_root (no initrd),
 *   show_nfs_mount, may_umount, MNT_FORCE's umount_begin, quotas and
 *   process accounting at umount, mount_sem, dcache_lock and the BKL (one
 *   thread).
 * Called by: vfs_caches_init (mnt_init), do_kern_mount (alloc_vfsmnt,
 *   set_devname, free_vfsmnt), mount_root (graft_tree), the path walk
 *   (lookup_mnt), the `mount` and `umount` calls (sys_mount, sys_umount),
 *   /proc/mounts (sim_show_mounts), every holder of a vfsmount
 *   (mntget/mntput).
 *
 * A vfsmount is born in do_kern_mount with mnt_count 1, the reference of
 * whoever keeps the pointer (root_vfsmnt, proc_mnt, shm_mnt), and is its
 * own parent: a kernel mount, in no tree. `mount none /mnt/shm tmpfs`:
 *   do_mount: path_walk("/mnt/shm") -> nd (held)
 *   do_add_mount: do_kern_mount -> mnt (mnt_count 1)
 *     graft_tree -> attach_mnt: mnt_parent = mntget(nd.mnt), mnt_mountpoint
 *       = dget(nd.dentry), on the hash chain of (parent, mountpoint), on
 *       the parent's mnt_mounts, d_mounted +1; at the tail of vfsmntlist;
 *       mntget(mnt): 2
 *     mntput(mnt): 1, the reference the tree holds
 *   path_release(nd)
 * Every file opened on a mount takes one more (mntget) and fput gives it
 * back (mntput), as do a task's root and cwd, and each child mount. umount
 * finds the mount by a walk (+1), wants mnt_count 2 (else -EBUSY), and
 * umount_tree detaches it and drops the tree's reference: __mntput ->
 * dput(mnt_root), free_vfsmnt, kill_super.
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * The mount hash: (parent vfsmount, mountpoint dentry) -> the chain of the
 * vfsmounts mounted there. sim: host memory (2.4.16 sizes it from mempages
 * and takes page frames), 2^8 chains.
 */
#define L1_CACHE_BYTES	32
static struct list_head mount_hashtable[1 << 8];
static int hash_mask = (1 << 8) - 1, hash_bits = 8;
static kmem_cache_t *mnt_cache;

/* the mounts of the namespace, in mount order (rootfs is not on it) */
static LIST_HEAD(vfsmntlist);

/* "Will be static", says 2.4.16: the rootfs vfsmount made at boot */
struct vfsmount *root_vfsmnt;

struct vfsmount *sim_mounts[SIM_MAX_MOUNTS];

/* sim: keep the registry of live vfsmounts that checks and leaks walk */
static void sim_mount_register(struct vfsmount *mnt)
{
	int i;

	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		if (!sim_mounts[i]) {
			sim_mounts[i] = mnt;
			return;
		}
	}
	BUG();		/* sim: raise SIM_MAX_MOUNTS */
}

static void sim_mount_unregister(struct vfsmount *mnt)
{
	int i;

	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		if (sim_mounts[i] == mnt) {
			sim_mounts[i] = NULL;
			return;
		}
	}
	BUG();
}

static inline unsigned long hash(struct vfsmount *mnt, struct dentry *dentry)
{
	unsigned long tmp = ((uintptr_t)mnt / L1_CACHE_BYTES);

	tmp += ((uintptr_t)dentry / L1_CACHE_BYTES);
	tmp = tmp + (tmp >> hash_bits);
	return tmp & hash_mask;
}

/* A zeroed vfsmount, mnt_count 1, lists empty; NULL when out of memory. */
struct vfsmount *alloc_vfsmnt(void)
{
	struct vfsmount *mnt;

	TRACE_ENTER("%s", "");
	mnt = kmem_cache_alloc(mnt_cache, GFP_KERNEL);
	if (mnt) {
		memset(mnt, 0, sizeof(struct vfsmount));
		mnt->mnt_count = 1;
		INIT_LIST_HEAD(&mnt->mnt_hash);
		INIT_LIST_HEAD(&mnt->mnt_child);
		INIT_LIST_HEAD(&mnt->mnt_mounts);
		INIT_LIST_HEAD(&mnt->mnt_list);
		sim_mount_register(mnt);
	}
	return TRACE_RET_MNT(mnt);
}

void free_vfsmnt(struct vfsmount *mnt)
{
	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	sim_mount_unregister(mnt);
	if (mnt->mnt_devname)
		kfree(mnt->mnt_devname);
	kmem_cache_free(mnt_cache, mnt);
	TRACE_EXIT();
}

/* A private copy of name; left NULL if kmalloc fails, as in 2.4.16. */
void set_devname(struct vfsmount *mnt, const char *name)
{
	if (name) {
		size_t size = strlen(name) + 1;
		char *newname = kmalloc(size, GFP_KERNEL);

		if (newname) {
			memcpy(newname, name, size);
			mnt->mnt_devname = newname;
		}
	}
}

/* The vfsmount mounted on (mnt, dentry), or NULL; no reference taken. */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct list_head *head = mount_hashtable + hash(mnt, dentry);
	struct list_head *tmp = head;
	struct vfsmount *p;

	TRACE_ENTER("vfsmount#%u, dentry#%u", sim_id(mnt), sim_id(dentry));
	for (;;) {
		tmp = tmp->next;
		p = NULL;
		if (tmp == head)
			break;
		p = list_entry(tmp, struct vfsmount, mnt_hash);
		if (p->mnt_parent == mnt && p->mnt_mountpoint == dentry)
			break;
	}
	return TRACE_RET_MNT(p);
}

/* Is mnt in the tree (below rootfs), rather than a kernel mount? */
static int check_mnt(struct vfsmount *mnt)
{
	while (mnt->mnt_parent != mnt)
		mnt = mnt->mnt_parent;
	return mnt == root_vfsmnt;
}

/*
 * Take mnt off its mountpoint; old_nd gets the parent and the mountpoint,
 * whose references (from attach_mnt) the caller drops.
 */
static void detach_mnt(struct vfsmount *mnt, struct nameidata *old_nd)
{
	old_nd->dentry = mnt->mnt_mountpoint;
	old_nd->mnt = mnt->mnt_parent;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	list_del_init(&mnt->mnt_child);
	list_del_init(&mnt->mnt_hash);
	old_nd->dentry->d_mounted--;
	sim_note("mount", "vfsmount#%u detached from dentry#%u of "
		 "vfsmount#%u, off the mount hash", sim_id(mnt),
		 sim_id(old_nd->dentry), sim_id(old_nd->mnt));
}

/* Mount mnt on nd: references on both, the hash chain, d_mounted. */
static void attach_mnt(struct vfsmount *mnt, struct nameidata *nd)
{
	mnt->mnt_parent = mntget(nd->mnt);
	mnt->mnt_mountpoint = dget(nd->dentry);
	list_add(&mnt->mnt_hash, mount_hashtable + hash(nd->mnt, nd->dentry));
	list_add(&mnt->mnt_child, &nd->mnt->mnt_mounts);
	nd->dentry->d_mounted++;
	sim_note("mount", "vfsmount#%u on dentry#%u \"%s\" of vfsmount#%u, "
		 "hashed", sim_id(mnt), sim_id(nd->dentry),
		 nd->dentry->d_name.name, sim_id(nd->mnt));
}

/* The mount after p in a walk of root's subtree (parents first), or NULL. */
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

/* include/linux/mount.h: inline there, so untraced; the count is noted. */
struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt) {
		sim_note("mount", "vfsmount#%u mnt_count %d -> %d", sim_id(mnt),
			 mnt->mnt_count, mnt->mnt_count + 1);
		mnt->mnt_count++;
	}
	return mnt;
}

/* include/linux/mount.h: the last reference takes the mount down. */
void mntput(struct vfsmount *mnt)
{
	if (mnt) {
		sim_note("mount", "vfsmount#%u mnt_count %d -> %d", sim_id(mnt),
			 mnt->mnt_count, mnt->mnt_count - 1);
		/* sim: 2.4 would go negative */
		BUG_ON(mnt->mnt_count <= 0);
		if (!--mnt->mnt_count)
			__mntput(mnt);
	}
}

/* mnt_count reached 0: the root's reference, the mount, the superblock. */
void __mntput(struct vfsmount *mnt)
{
	struct super_block *sb = mnt->mnt_sb;

	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	dput(mnt->mnt_root);
	free_vfsmnt(mnt);
	kill_super(sb);
	TRACE_EXIT();
}

/*
 * seq_escape(m, s, " \t\n\\"): a space, tab, newline or backslash in a
 * name is written as a backslash and three octal digits.
 */
static void mangle(FILE *m, const char *s)
{
	for (; *s; s++) {
		if (strchr(" \t\n\\", *s))
			fprintf(m, "\\%03o", (unsigned char)*s);
		else
			fputc(*s, m);
	}
}

/*
 * One line of /proc/mounts: device name ("none" if there is none), the
 * mountpoint as current sees it, the type, "ro" or "rw", the flags, and
 * " 0 0" (dump and pass, which the kernel does not know).
 */
static int show_vfsmnt(FILE *m, void *v)
{
	struct vfsmount *mnt = v;
	static const struct proc_fs_info {
		unsigned long flag;
		const char *str;
	} fs_info[] = {
		{ MS_SYNCHRONOUS, ",sync" },
		{ MS_MANDLOCK, ",mand" },
		{ MS_NOATIME, ",noatime" },
		{ MS_NODIRATIME, ",nodiratime" },
		{ 0, NULL }
	};
	static const struct proc_fs_info mnt_info[] = {
		{ MNT_NOSUID, ",nosuid" },
		{ MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" },
		{ 0, NULL }
	};
	const struct proc_fs_info *fs_infop;
	char path_buf[PAGE_SIZE], *path;	/* sim: not a page frame */

	path = d_path(mnt->mnt_root, mnt, path_buf, PAGE_SIZE);
	mangle(m, mnt->mnt_devname ? mnt->mnt_devname : "none");
	fputc(' ', m);
	mangle(m, path);
	fputc(' ', m);
	mangle(m, mnt->mnt_sb->s_type->name);
	fputs(mnt->mnt_sb->s_flags & MS_RDONLY ? " ro" : " rw", m);
	for (fs_infop = fs_info; fs_infop->flag; fs_infop++) {
		if (mnt->mnt_sb->s_flags & fs_infop->flag)
			fputs(fs_infop->str, m);
	}
	for (fs_infop = mnt_info; fs_infop->flag; fs_infop++) {
		if (mnt->mnt_flags & fs_infop->flag)
			fputs(fs_infop->str, m);
	}
	/* sim: no nfs, so no show_nfs_mount */
	fputs(" 0 0\n", m);
	return 0;
}

/*
 * sim: the seq_file walk of mounts_op (m_start, m_next, m_stop): every
 * mount on vfsmntlist, in mount order, through show_vfsmnt.
 */
void sim_show_mounts(FILE *out)
{
	struct list_head *p;

	list_for_each(p, &vfsmntlist)
		show_vfsmnt(out, list_entry(p, struct vfsmount, mnt_list));
}

/*
 * Unmount mnt and everything mounted below it: each is taken off
 * vfsmntlist and its mountpoint (path_release of what attach_mnt took),
 * then loses the tree's reference (mntput), which frees it unless
 * something else still holds it.
 */
void umount_tree(struct vfsmount *mnt)
{
	struct vfsmount *p;
	LIST_HEAD(kill);

	TRACE_ENTER("vfsmount#%u", sim_id(mnt));
	for (p = mnt; p; p = next_mnt(p, mnt)) {
		list_del(&p->mnt_list);
		list_add(&p->mnt_list, &kill);
	}

	while (!list_empty(&kill)) {
		mnt = list_entry(kill.next, struct vfsmount, mnt_list);
		list_del_init(&mnt->mnt_list);
		if (mnt->mnt_parent != mnt) {
			struct nameidata old_nd;

			detach_mnt(mnt, &old_nd);
			path_release(&old_nd);
		}
		mntput(mnt);
	}
	TRACE_EXIT();
}

/*
 * Unmount mnt (found by a walk, so held once by the caller): the task's
 * root is only remounted read-only; anything else must have mnt_count 2
 * (the tree's and the caller's), else -EBUSY.
 */
static int do_umount(struct vfsmount *mnt, int flags)
{
	struct super_block *sb = mnt->mnt_sb;
	int retval = 0;

	TRACE_ENTER("vfsmount#%u, %d", sim_id(mnt), flags);
	/* sim: no umount_begin for MNT_FORCE: no filesystem here has one */

	/* "unmounting" the root: remount it read-only instead */
	if (mnt == current->fs->rootmnt && !(flags & MNT_DETACH)) {
		if (!(sb->s_flags & MS_RDONLY))
			retval = do_remount_sb(sb, MS_RDONLY, 0);
		return TRACE_RET(retval);
	}

	/* sim: the last instance's DQUOT_OFF and acct_auto_close omitted */
	retval = -EBUSY;
	if (mnt->mnt_count == 2 || flags & MNT_DETACH) {
		if (!list_empty(&mnt->mnt_list))
			umount_tree(mnt);
		retval = 0;
	}
	return TRACE_RET(retval);
}

/*
 * umount(2): name must be the root of a mount in the tree (else -EINVAL,
 * before the -EPERM test for a task that is not root), then do_umount.
 */
long sys_umount(char *name, int flags)
{
	struct nameidata nd;
	char *kname;
	int retval;

	TRACE_ENTER("\"%s\", %d", name ? name : "(null)", flags);
	kname = getname(name);
	retval = PTR_ERR(kname);
	if (IS_ERR(kname))
		goto out;
	retval = 0;
	if (path_init(kname, LOOKUP_POSITIVE | LOOKUP_FOLLOW, &nd))
		retval = path_walk(kname, &nd);
	putname(kname);
	if (retval)
		goto out;
	retval = -EINVAL;
	if (nd.dentry != nd.mnt->mnt_root)
		goto dput_and_out;
	if (!check_mnt(nd.mnt))
		goto dput_and_out;

	retval = -EPERM;
	if (!capable(CAP_SYS_ADMIN))
		goto dput_and_out;

	retval = do_umount(nd.mnt, flags);
dput_and_out:
	path_release(&nd);
out:
	return TRACE_RET(retval);
}

/*
 * Mount mnt on nd: -EINVAL for a kernel-only superblock (MS_NOUSER),
 * -ENOTDIR when one is a directory and the other not, -ENOENT when the
 * mountpoint is no longer in the tree. On success mnt is on vfsmntlist
 * with one more reference (the tree's).
 */
int graft_tree(struct vfsmount *mnt, struct nameidata *nd)
{
	int err;

	TRACE_ENTER("vfsmount#%u, dentry#%u", sim_id(mnt), sim_id(nd->dentry));
	if (mnt->mnt_sb->s_flags & MS_NOUSER)
		return TRACE_RET(-EINVAL);

	if (S_ISDIR(nd->dentry->d_inode->i_mode) !=
	    S_ISDIR(mnt->mnt_root->d_inode->i_mode))
		return TRACE_RET(-ENOTDIR);

	err = -ENOENT;
	/* sim: down(&nd->dentry->d_inode->i_zombie) omitted */
	if (IS_DEADDIR(nd->dentry->d_inode))
		goto out_unlock;

	if (nd->dentry == nd->dentry->d_parent || !d_unhashed(nd->dentry)) {
		attach_mnt(mnt, nd);
		list_add_tail(&mnt->mnt_list, &vfsmntlist);
		mntget(mnt);
		err = 0;
	}
out_unlock:
	return TRACE_RET(err);
}

/* MS_REMOUNT: new flags for the superblock mounted at nd (its root). */
static int do_remount(struct nameidata *nd, int flags, int mnt_flags,
		      void *data)
{
	int err;
	struct super_block *sb = nd->mnt->mnt_sb;

	TRACE_ENTER("vfsmount#%u, %#x", sim_id(nd->mnt), flags);
	if (!capable(CAP_SYS_ADMIN))
		return TRACE_RET(-EPERM);
	if (!check_mnt(nd->mnt))
		return TRACE_RET(-EINVAL);
	if (nd->dentry != nd->mnt->mnt_root)
		return TRACE_RET(-EINVAL);
	err = do_remount_sb(sb, flags, data);
	if (!err)
		nd->mnt->mnt_flags = mnt_flags;
	return TRACE_RET(err);
}

/*
 * A new mount of type on nd: do_kern_mount (-EINVAL, -EPERM, -ENODEV,
 * ...), then on top of whatever is already mounted there; -EBUSY for the
 * same superblock on its own root. The new vfsmount's own reference is
 * dropped either way: on success the tree's keeps it.
 */
static int do_add_mount(struct nameidata *nd, char *type, int flags,
			int mnt_flags, char *name, void *data)
{
	struct vfsmount *mnt;
	int err;

	TRACE_ENTER("\"%s\", dentry#%u", type ? type : "(null)",
		    sim_id(nd->dentry));
	mnt = do_kern_mount(type, flags, name, data);
	err = PTR_ERR(mnt);
	if (IS_ERR(mnt))
		goto out;

	/* sim: down(&mount_sem) omitted; nothing mounts while we sleep */
	while (d_mountpoint(nd->dentry) && follow_down(&nd->mnt, &nd->dentry))
		;
	err = -EINVAL;
	if (!check_mnt(nd->mnt))
		goto unlock;

	/* the same superblock over its own root here: already mounted */
	err = -EBUSY;
	if (nd->mnt->mnt_sb == mnt->mnt_sb && nd->mnt->mnt_root == nd->dentry)
		goto unlock;

	mnt->mnt_flags = mnt_flags;
	err = graft_tree(mnt, nd);
unlock:
	mntput(mnt);
out:
	return TRACE_RET(err);
}

/*
 * A kernel copy of mount's string or data argument, zero-filled to a page
 * (*where = 0 for NULL). sim: kmalloc'd rather than a page frame, so the
 * page counts do not move, and a host string is copied up to its NUL (a
 * user page would be read whole).
 */
static int copy_mount_options(const void *data, unsigned long *where)
{
	char *page;
	size_t i;

	*where = 0;
	if (!data)
		return 0;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);	/* __get_free_page */
	if (!page)
		return -ENOMEM;
	i = strnlen(data, PAGE_SIZE);
	memcpy(page, data, i);
	if (i != PAGE_SIZE)
		memset(page + i, 0, PAGE_SIZE - i);
	*where = (unsigned long)page;
	return 0;
}

/*
 * mount(2) on kernel copies of its arguments: the mountpoint dir_name is
 * walked first (-ENOENT, -ENOTDIR), then remount, bind or a new mount.
 */
long do_mount(char *dev_name, char *dir_name, char *type_page,
	      unsigned long flags, void *data_page)
{
	struct nameidata nd;
	int retval = 0;
	int mnt_flags = 0;

	TRACE_ENTER("\"%s\", \"%s\", \"%s\", %#lx",
		    dev_name ? dev_name : "(null)",
		    dir_name ? dir_name : "(null)",
		    type_page ? type_page : "(null)", flags);
	/* Discard magic */
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;

	/* Basic sanity checks */
	if (!dir_name || !*dir_name || !memchr(dir_name, 0, PAGE_SIZE))
		return TRACE_RET(-EINVAL);
	if (dev_name && !memchr(dev_name, 0, PAGE_SIZE))
		return TRACE_RET(-EINVAL);

	/* Separate the per-mountpoint flags */
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	flags &= ~(MS_NOSUID | MS_NOEXEC | MS_NODEV);

	/* ... and get the mountpoint */
	if (path_init(dir_name, LOOKUP_FOLLOW | LOOKUP_POSITIVE, &nd))
		retval = path_walk(dir_name, &nd);
	if (retval)
		return TRACE_RET(retval);

	if (flags & MS_REMOUNT)
		retval = do_remount(&nd, flags & ~MS_REMOUNT, mnt_flags,
				    data_page);
	else if (flags & MS_BIND)
		retval = -EINVAL;	/* sim: do_loopback left out */
	else
		retval = do_add_mount(&nd, type_page, flags, mnt_flags,
				      dev_name, data_page);
	path_release(&nd);
	return TRACE_RET(retval);
}

/* mount(2): copy the arguments in, do_mount, free the copies. */
long sys_mount(char *dev_name, char *dir_name, char *type,
	       unsigned long flags, void *data)
{
	int retval;
	unsigned long data_page;
	unsigned long type_page;
	unsigned long dev_page;
	char *dir_page;

	TRACE_ENTER("\"%s\", \"%s\", \"%s\", %#lx",
		    dev_name ? dev_name : "(null)",
		    dir_name ? dir_name : "(null)", type ? type : "(null)",
		    flags);
	retval = copy_mount_options(type, &type_page);
	if (retval < 0)
		return TRACE_RET(retval);

	dir_page = getname(dir_name);
	retval = PTR_ERR(dir_page);
	if (IS_ERR(dir_page))
		goto out1;

	retval = copy_mount_options(dev_name, &dev_page);
	if (retval < 0)
		goto out2;

	retval = copy_mount_options(data, &data_page);
	if (retval < 0)
		goto out3;

	/* sim: lock_kernel() omitted */
	retval = do_mount((char *)dev_page, dir_page, (char *)type_page,
			  flags, (void *)data_page);
	kfree((void *)data_page);
out3:
	kfree((void *)dev_page);
out2:
	putname(dir_page);
out1:
	kfree((void *)type_page);
	return TRACE_RET(retval);
}
/*
 * rootfs: an empty directory to hang the first vfsmount on. 2.4.16 calls it
 * an "absolutely minimal fake fs"; the real root is mounted over it later
 * (mount_root). It can look names up (always negative) and list itself,
 * but has no mkdir: vfs_mkdir on it gives -EPERM.
 */
static struct super_operations rootfs_s_ops;	/* empty, as in 2.4.16 */

static struct dentry *rootfs_lookup(struct inode *dir, struct dentry *dentry)
{
	TRACE_ENTER("inode#%u, dentry#%u", sim_id(dir), sim_id(dentry));
	d_add(dentry, NULL);
	return TRACE_RET_DENTRY(NULL);
}

/* sim: no read (generic_read_dir's -EISDIR): nothing here reads a file */
static struct file_operations rootfs_dir_operations = {
	.readdir	= dcache_readdir,
};

static struct inode_operations rootfs_dir_inode_operations = {
	.lookup		= rootfs_lookup,
};

static struct super_block *rootfs_read_super(struct super_block *sb,
					     void *data, int silent)
{
	struct inode *inode;
	struct dentry *root;

	TRACE_ENTER("super_block#%u", sim_id(sb));
	(void)data;
	(void)silent;
	sb->s_op = &rootfs_s_ops;
	inode = new_inode(sb);
	if (!inode)
		goto fail;
	inode->i_mode = S_IFDIR | 0555;
	inode->i_uid = inode->i_gid = 0;
	inode->i_op = &rootfs_dir_inode_operations;
	inode->i_fop = &rootfs_dir_operations;
	root = d_alloc_root(inode);
	if (!root) {
		iput(inode);
		goto fail;
	}
	sb->s_root = root;
	return TRACE_RET_SB(sb);
fail:
	sb = NULL;
	return TRACE_RET_SB(sb);
}

/* DECLARE_FSTYPE(root_fs_type, "rootfs", rootfs_read_super, FS_NOMOUNT) */
static struct file_system_type root_fs_type = {
	.name		= "rootfs",
	.read_super	= rootfs_read_super,
	.fs_flags	= FS_NOMOUNT,
};

static void init_mount_tree(void)
{
	TRACE_ENTER("%s", "");
	register_filesystem(&root_fs_type);
	root_vfsmnt = do_kern_mount("rootfs", 0, "rootfs", NULL);
	if (IS_ERR(root_vfsmnt))
		sim_bug(__FILE__, __LINE__,
			"panic: can't allocate root vfsmount");
	TRACE_EXIT();
}

void mnt_init(unsigned long mempages)
{
	size_t i;

	TRACE_ENTER("%lu", mempages);
	mnt_cache = kmem_cache_create("mnt_cache", sizeof(struct vfsmount));
	if (!mnt_cache)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create vfsmount cache");
	/* sim: a fixed table in host memory (see mount_hashtable) */
	for (i = 0; i < ARRAY_SIZE(mount_hashtable); i++)
		INIT_LIST_HEAD(&mount_hashtable[i]);
	init_mount_tree();
	TRACE_EXIT();
}

/* sim: the checks' failure message, as sim/vfs/vfs_check.c writes it */
static int sim_mnt_fail(char *why, size_t len, int num, const char *msg,
			struct vfsmount *mnt)
{
	if (why && len)
		snprintf(why, len, "%s: vfsmount#%u \"%s\"", msg, sim_id(mnt),
			 mnt->mnt_devname ? mnt->mnt_devname : "");
	return num;
}

/*
 * sim: invariant 70 (docs/invariants.md), vfs-mount_hash: a mount in the
 * tree is on the hash chain of (mnt_parent, mnt_mountpoint), is what
 * lookup_mnt finds there, is on its parent's mnt_mounts and on
 * vfsmntlist, and its mountpoint is under its parent; a kernel mount (its
 * own parent) is on no chain and has mnt_mountpoint == mnt_root; every
 * vfsmount on a chain is live and in its own bucket. Returns 70 or 0.
 */
int sim_mount_hash_check(char *why, size_t len)
{
	size_t b;
	int i;

	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		struct vfsmount *mnt = sim_mounts[i];
		struct list_head *p;
		int on = 0;

		if (!mnt || !mnt->mnt_sb)
			continue;
		if (mnt->mnt_parent == mnt) {
			if (!list_empty(&mnt->mnt_hash) ||
			    mnt->mnt_mountpoint != mnt->mnt_root)
				return sim_mnt_fail(why, len, 70,
					"vfs-mount_hash: a kernel mount is "
					"hashed or has a mountpoint", mnt);
			continue;
		}
		list_for_each(p, mount_hashtable +
			      hash(mnt->mnt_parent, mnt->mnt_mountpoint))
			on += p == &mnt->mnt_hash;
		if (!on || lookup_mnt(mnt->mnt_parent,
				      mnt->mnt_mountpoint) != mnt)
			return sim_mnt_fail(why, len, 70, "vfs-mount_hash: "
					    "not found on its hash chain",
					    mnt);
		on = 0;
		list_for_each(p, &mnt->mnt_parent->mnt_mounts)
			on += p == &mnt->mnt_child;
		list_for_each(p, &vfsmntlist)
			on += p == &mnt->mnt_list;
		if (on != 2 || !check_mnt(mnt) ||
		    mnt->mnt_mountpoint->d_sb != mnt->mnt_parent->mnt_sb)
			return sim_mnt_fail(why, len, 70, "vfs-mount_hash: "
					    "not in its parent's mounts, on "
					    "vfsmntlist, under rootfs", mnt);
	}
	for (b = 0; b < ARRAY_SIZE(mount_hashtable); b++) {
		struct list_head *p;

		list_for_each(p, &mount_hashtable[b]) {
			struct vfsmount *mnt = list_entry(p, struct vfsmount,
							  mnt_hash);

			for (i = 0; i < SIM_MAX_MOUNTS; i++)
				if (sim_mounts[i] == mnt)
					break;
			if (i == SIM_MAX_MOUNTS ||
			    hash(mnt->mnt_parent, mnt->mnt_mountpoint) != b)
				return sim_mnt_fail(why, len, 70,
					"vfs-mount_hash: a chain holds a dead "
					"or misplaced vfsmount", mnt);
		}
	}
	return 0;
}

/*
 * sim: invariant 71, vfs-d_mounted: a dentry's d_mounted is the number of
 * mounts in the tree whose mountpoint it is. Returns 71 or 0.
 */
int sim_check_d_mounted(struct dentry *dentry, char *why, size_t len)
{
	int i, n = 0;

	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		struct vfsmount *mnt = sim_mounts[i];

		if (mnt && mnt->mnt_parent != mnt &&
		    mnt->mnt_mountpoint == dentry)
			n++;
	}
	if (dentry->d_mounted == n)
		return 0;
	if (why && len)
		snprintf(why, len, "vfs-d_mounted: dentry#%u \"%s\" d_mounted "
			 "%d, %d mounts on it", sim_id(dentry),
			 dentry->d_name.name, dentry->d_mounted, n);
	return 71;
}

/*
 * sim: shutdown, once no task holds a root, a cwd or a file: unmount the
 * tree (the root file system and all below it) as umount would.
 */
void sim_mnt_umount_all(void)
{
	while (!list_empty(&vfsmntlist)) {
		struct vfsmount *mnt = list_entry(vfsmntlist.next,
						  struct vfsmount, mnt_list);

		umount_tree(mnt);
	}
}

/*
 * sim: shutdown. Unmounts what is left of the tree, drops the
 * reference root_vfsmnt holds, which takes rootfs down, unregisters the
 * type and destroys mnt_cache if nothing is left in it (a leaked vfsmount
 * keeps it for sim_vfs_leaks and gdb).
 */
void sim_mnt_exit(void)
{
	sim_mnt_umount_all();
	if (root_vfsmnt && !IS_ERR(root_vfsmnt))
		mntput(root_vfsmnt);
	root_vfsmnt = NULL;
	if (get_fs_type(root_fs_type.name) == &root_fs_type)
		unregister_filesystem(&root_fs_type);
	if (mnt_cache && mnt_cache->active_objs == 0) {
		kmem_cache_destroy(mnt_cache);
		mnt_cache = NULL;
	}
}
