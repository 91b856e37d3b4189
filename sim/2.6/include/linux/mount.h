/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/mount.h - mounts.
 * Models include/linux/mount.h and include/linux/mnt_namespace.h (2.6.32):
 *   struct vfsmount, the MNT_* flags, mntget, struct mnt_namespace, and
 *   the mount functions of sim/2.6/fs/namespace.c and sim/2.6/fs/super.c.
 * Left out: propagation (mnt_share, mnt_slave*: kept as fields, never
 *   linked), expiry, the per-CPU write counts (mnt_writers is kept as a
 *   plain count), the namespace's poll queue.
 */
#ifndef _SIM26_LINUX_MOUNT_H
#define _SIM26_LINUX_MOUNT_H

#include "linux/kernel.h"
#include "linux/list.h"

struct super_block;
struct dentry;
struct mnt_namespace;
struct file_system_type;

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40
#define MNT_STRICTATIME 0x80
#define MNT_SHRINKABLE	0x100
#define MNT_WRITE_HOLD	0x200
#define MNT_SHARED	0x1000
#define MNT_UNBINDABLE	0x2000
#define MNT_PNODE_MASK	0x3000

struct vfsmount {
	struct list_head mnt_hash;	/* on mount_hashtable, once attached */
	struct vfsmount *mnt_parent;	/* itself: a root of its own */
	struct dentry *mnt_mountpoint;	/* where it sits in the parent */
	struct dentry *mnt_root;	/* its tree's root, a dget of s_root */
	struct super_block *mnt_sb;
	struct list_head mnt_mounts;	/* mounts on top of this one */
	struct list_head mnt_child;	/* on the parent's mnt_mounts */
	int mnt_flags;			/* MNT_* */
	const char *mnt_devname;	/* "tmpfs", kstrdup'd */
	struct list_head mnt_list;	/* on the namespace's list */
	struct list_head mnt_expire;
	struct list_head mnt_share;
	struct list_head mnt_slave_list;
	struct list_head mnt_slave;
	struct vfsmount *mnt_master;
	struct mnt_namespace *mnt_ns;	/* NULL for internal mounts */
	int mnt_id;			/* from mnt_id_ida */
	int mnt_group_id;
	int mnt_count;			/* atomic_t in the kernel */
	int mnt_expiry_mark;
	int mnt_pinned;
	int mnt_ghosts;
	int mnt_writers;
};

/* include/linux/mnt_namespace.h */
struct mnt_namespace {
	int count;			/* atomic_t in the kernel */
	struct vfsmount *root;
	struct list_head list;		/* every mount of the namespace */
	int event;
};

/* umount(2)'s flags (include/linux/fs.h) */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

/* take a reference: untraced, like the kernel's inline */
static inline struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		mnt->mnt_count++;
	return mnt;
}

/* sim/2.6/fs/namespace.c (fs/namespace.c) */
struct vfsmount *alloc_vfsmnt(const char *name);
void simple_set_mnt(struct vfsmount *mnt, struct super_block *sb);
void free_vfsmnt(struct vfsmount *mnt);
void mntput_no_expire(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
int mnt_want_write(struct vfsmount *mnt);
void mnt_drop_write(struct vfsmount *mnt);
struct path;
struct vfsmount *lookup_mnt(struct path *path);
int do_add_mount(struct vfsmount *newmnt, struct path *path,
		 int mnt_flags, struct list_head *fslist);
long do_mount(char *dev_name, char *dir_name, char *type_page,
	      unsigned long flags, void *data_page);
void mnt_init(void);
void put_mnt_ns(struct mnt_namespace *ns);
extern struct mnt_namespace *sim_init_mnt_ns;	/* sim: init_task's */
int sim_mnt_check(char *why, size_t len);	/* sim: the checks */

/* sim/2.6/fs/namei.c */
int follow_down(struct path *path);

/* sim/2.6/fs/super.c */
struct vfsmount *do_kern_mount(const char *fstype, int flags,
			       const char *name, void *data);
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
struct vfsmount *kern_mount_data(struct file_system_type *type, void *data);
#define kern_mount(type) kern_mount_data(type, NULL)

#endif /* _SIM26_LINUX_MOUNT_H */
