// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/namespace.c - vfsmounts and the initial mount tree.
 * Models fs/namespace.c (2.6.32), in its order: mnt_alloc_id,
 *   mnt_free_id, alloc_vfsmnt, simple_set_mnt, free_vfsmnt, __mntput,
 *   mntput_no_expire, mntput (inline in mount.h in the kernel; out of line
 *   here so it is traced), put_mnt_ns (reduced), alloc_mnt_ns,
 *   create_mnt_ns, init_mount_tree, mnt_init.
 * Left out: mount(2)/umount(2) and everything they need (lookup_mnt, the
 *   mount hash table, attach/detach, propagation, expiry, the read-only
 *   and writer machinery beyond a count, /proc/mounts), copy_mnt_ns.
 * sim: vfsmount_lock and namespace_sem are dropped (one thread); the
 *   mount-id IDA is fs/internal.h's bitmap; init_task has no nsproxy, so
 *   the initial namespace is sim_init_mnt_ns, and no fs, so init_fs.
 * Sim only: sim_vfs_exit (the boot mounts' shutdown) and sim_vfs_counts.
 * Called by: vfs_kern_mount (alloc_vfsmnt, free_vfsmnt), every get_sb
 *   (simple_set_mnt), __fput and remove_vma through fput (mntput),
 *   vfs_caches_init (mnt_init), the runner's shutdown (sim_vfs_exit).
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "fs/internal.h"

static kmem_cache_t *mnt_cache;

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

/*
 * (simplified: umount_tree of a one-mount namespace) The last reference
 * unmounts every mount of the namespace and frees it.
 */
static void put_mnt_ns(struct mnt_namespace *ns)
{
	TRACE_ENTER("count=%d", ns->count);
	if (--ns->count) {
		TRACE_EXIT();
		return;
	}
	while (!list_empty(&ns->list)) {
		struct vfsmount *mnt = list_entry(ns->list.next,
						  struct vfsmount, mnt_list);

		list_del_init(&mnt->mnt_list);
		mnt->mnt_ns = NULL;
		mntput(mnt);
	}
	kfree(ns);
	TRACE_EXIT();
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
	int err;

	TRACE_ENTER("%s", "");
	if (!mnt_cache)
		mnt_cache = kmem_cache_create("mnt_cache",
					      sizeof(struct vfsmount));
	/* sim: no mount_hashtable: nothing is mounted on a mountpoint */

	err = sysfs_init();
	if (err)
		sim_note("vfs", "mnt_init: sysfs_init error: %d", err);
	/* sim: no kobjects, so no fs_kobj */
	init_rootfs();
	init_mount_tree();
	TRACE_EXIT();
}

/* sim: the live vfsmounts, for the views */
unsigned long sim_vfsmounts_live(void)
{
	return mnt_cache ? mnt_cache->active_objs : 0;
}

void sim_mnt_exit(void)
{
	if (mnt_cache && mnt_cache->active_objs == 0) {
		kmem_cache_destroy(mnt_cache);
		mnt_cache = NULL;
	}
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
