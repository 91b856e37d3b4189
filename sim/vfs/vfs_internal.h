/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/vfs/vfs_internal.h - what the VFS files share beyond linux/fs.h.
 * Declares the 2.4.16 functions that cross files inside fs/ (mnt_init,
 * inode_init, get_empty_inode, set_devname, d_genocide, ...) and the boot
 * entry points (vfs_caches_init, proc_root_init), plus the sim-only pieces:
 * the unnamed-device reservations, the registry of live vfsmounts, the
 * dcache dump, the VFS checks and the shutdown.
 * Included by the files of sim/vfs and tests/vfs; init/main.c includes it for
 * vfs_caches_init() and proc_root_init().
 */
#ifndef _SIM_VFS_INTERNAL_H
#define _SIM_VFS_INTERNAL_H

#include <stdio.h>

#include "linux/fs.h"
#include "linux/slab.h"

/* include/linux/fs.h (2.4.16) i_state bits linux/fs.h does not carry */
#ifndef I_DIRTY
#define I_DIRTY_SYNC		1
#define I_DIRTY_DATASYNC	2
#define I_DIRTY_PAGES		4
#define I_LOCK			8
#define I_DIRTY	(I_DIRTY_SYNC | I_DIRTY_DATASYNC | I_DIRTY_PAGES)
#endif

/* sim: no block devices; read_super() keeps the parameter, always NULL */
struct block_device;

/* sim/vfs/super.c (fs/super.c) */
/*
 * sim: the boot takes device numbers for pseudo filesystems it does not
 * mount (bdev, sockfs), so later mounts get the minors 2.4.16 gives them.
 */
kdev_t sim_reserve_unnamed_dev(const char *what);
int sim_unnamed_dev_reserved(unsigned int minor);
void sim_unreserve_unnamed_devs(void);	/* shutdown; sb numbers restart */
/* how many times kill_super() printed "VFS: Busy inodes after unmount" */
extern int sim_busy_inodes_after_unmount;
/* init/main.c (2.4.16): the root's mount flags and device */
extern int root_mountflags;
extern kdev_t ROOT_DEV;

/* sim/vfs/namespace.c (fs/namespace.c) */
extern struct vfsmount *root_vfsmnt;	/* the rootfs mount, as in 2.4.16 */
void set_devname(struct vfsmount *mnt, const char *name);
void mnt_init(unsigned long mempages);
/*
 * sim: every vfsmount alive, whether mounted in a tree or not (2.4 keeps
 * kernel-internal mounts on no list), so checks and leak reports find them.
 */
#define SIM_MAX_MOUNTS	256
extern struct vfsmount *sim_mounts[SIM_MAX_MOUNTS];
void sim_mnt_exit(void);		/* unmount the tree, drop rootfs */
void sim_mnt_umount_all(void);		/* umount_tree of every mount */
int sim_mount_hash_check(char *why, size_t len);	/* invariant 70 */
int sim_check_d_mounted(struct dentry *dentry, char *why, size_t len);
void sim_show_mounts(FILE *out);	/* /proc/mounts: show_vfsmnt each */

/* sim/vfs/dcache.c (fs/dcache.c) */
extern kmem_cache_t *filp_cachep;
extern kmem_cache_t *names_cachep;
void vfs_caches_init(unsigned long mempages);
char *__d_path(struct dentry *dentry, struct vfsmount *vfsmnt,
	       struct dentry *root, struct vfsmount *rootmnt,
	       char *buffer, int buflen);
void d_genocide(struct dentry *root);
void shrink_dcache_parent(struct dentry *parent);
void prune_dcache(int count);
void sim_dcache_exit(void);		/* destroy dentry_cache and filp */
int sim_dcache_check(char *why, size_t len);	/* invariant 74 */

/* sim/vfs/file_table.c (fs/file_table.c) */
void file_move(struct file *file, struct list_head *list);
int fs_may_remount_ro(struct super_block *sb);

/* sim/vfs/ramfs_inode.c (fs/ramfs/inode.c) */
int init_ramfs_fs(void);
void sim_exit_ramfs_fs(void);		/* shutdown: unregister ramfs */

/* sim/vfs/inode.c (fs/inode.c) */
void inode_init(unsigned long mempages);
struct inode *get_empty_inode(void);
struct inode *iget(struct super_block *sb, unsigned long ino);
void sim_skip_ino(void);
int invalidate_inodes(struct super_block *sb);
void sim_inode_exit(void);		/* destroy inode_cache */

/* sim/vfs/proc_root.c (fs/proc/root.c, proc_read_super of fs/proc/inode.c) */
extern struct vfsmount *proc_mnt;
void proc_root_init(void);
void sim_proc_root_exit(void);		/* drop proc_mnt, proc */

/* sim/vfs/vfs_check.c (sim only) */
int sim_vfs_check(char *why, size_t len);
int sim_vfs_exit(FILE *out);	/* teardown, then sim_vfs_leaks(out) */
int sim_vfs_leaks(FILE *out);

#endif /* _SIM_VFS_INTERNAL_H */
