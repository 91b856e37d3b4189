// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/namespace.c - vfsmounts, and rootfs, the first mount.
 * Models fs/namespace.c (2.4.16), in its order: alloc_vfsmnt,
 *   free_vfsmnt, set_devname, __mntput, the rootfs type
 *   (rootfs_read_super, root_fs_type), init_mount_tree, mnt_init; with
 *   mntget/mntput (inline in include/linux/mount.h) before __mntput. Sim
 *   only: the registry of live vfsmounts (sim_mount_register/unregister)
 *   at the top, sim_mnt_exit last.
 * Left out: the mount hash table, vfsmntlist and namespaces (nothing here
 *   is mounted on a mountpoint or looked up by path), sys_mount/sys_umount,
 *   pivot_root, /proc/mounts, rootfs's lookup and readdir operations.
 * Called by: vfs_caches_init (mnt_init), do_kern_mount (alloc_vfsmnt,
 *   set_devname, free_vfsmnt), every holder of a vfsmount (mntget/mntput:
 *   shmem_file_setup, fput, the shutdown).
 *
 * A vfsmount is born in do_kern_mount with mnt_count 1, the reference of
 * whoever keeps the pointer (root_vfsmnt, proc_mnt, shm_mnt). Every file
 * opened on it takes one more (mntget) and fput gives it back (mntput).
 * The mntput that reaches 0 runs __mntput: dput(mnt_root), free_vfsmnt,
 * kill_super. For the kernel's own mounts that only happens at shutdown.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

static kmem_cache_t *mnt_cache;

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
 * rootfs: an empty directory to hang the first vfsmount on. 2.4.16 calls it
 * an "absolutely minimal fake fs"; the real root is mounted over it later.
 * sim: its lookup and readdir operations are left out (no path walks).
 */
static struct super_operations rootfs_s_ops;	/* empty, as in 2.4.16 */

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
	TRACE_ENTER("%lu", mempages);
	mnt_cache = kmem_cache_create("mnt_cache", sizeof(struct vfsmount));
	if (!mnt_cache)
		sim_bug(__FILE__, __LINE__,
			"panic: Cannot create vfsmount cache");
	/*
	 * sim: the mount hash table, sized from mempages in 2.4.16, is left
	 * out: no mount here sits on a mountpoint.
	 */
	init_mount_tree();
	TRACE_EXIT();
}

/*
 * sim: shutdown. Drops the reference root_vfsmnt holds, which takes rootfs
 * down, unregisters the type and destroys mnt_cache if nothing is left in
 * it (a leaked vfsmount keeps it for sim_vfs_leaks and gdb).
 */
void sim_mnt_exit(void)
{
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
