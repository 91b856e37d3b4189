// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/super.c - superblocks, anonymous devices, kernel mounts.
 * Models fs/super.c (2.6.32), in its order: alloc_super, destroy_super,
 *   __put_super, put_super, deactivate_super, deactivate_locked_super,
 *   grab_super, generic_shutdown_super, sget, drop_super, do_remount_sb
 *   (reduced), set_anon_super, kill_anon_super, kill_litter_super,
 *   get_sb_nodev, compare_single, get_sb_single, vfs_kern_mount,
 *   do_kern_mount, kern_mount_data.
 * Left out: block devices (get_sb_bdev, kill_block_super, get_super and
 *   friends), get_sb_ns, sync_supers, emergency remount, freezing,
 *   quotas and security hooks, fs_set_subtype (no FS_HAS_SUBTYPE type).
 * sim: sb_lock, s_umount and unnamed_dev_lock are dropped (one thread);
 *   the IDA is fs/internal.h's bitmap; superblocks come from kzalloc,
 *   which has no numbers, so they are numbered here (super_block#N).
 * Called by: the get_sb of every type (rootfs, sysfs, bdev, proc, tmpfs),
 *   mntput's __mntput (deactivate_super), init_mount_tree (do_kern_mount),
 *   sysfs_init, bdev_cache_init, proc_root_init, init_tmpfs.
 *
 * A superblock has two counts. s_active counts the mounts (and other
 * active users) that keep the file system alive; s_count counts the
 * references to the structure, plus S_BIAS while s_active is non-zero.
 * Typical life of an anonymous one:
 *   vfs_kern_mount -> alloc_vfsmnt -> type->get_sb -> get_sb_nodev
 *     -> sget -> alloc_super (s_count S_BIAS, s_active 1) -> set_anon_super
 *        (s_dev 0:n) -> tail of super_blocks, head of type->fs_supers
 *     -> fill_super (s_root) -> MS_ACTIVE -> simple_set_mnt
 *   last mntput -> __mntput -> deactivate_super: s_active 0,
 *     s_count S_BIAS -> 1 -> kill_sb (kill_anon_super or kill_litter_super)
 *     -> generic_shutdown_super (dentries, inodes, off the lists) ->
 *     the minor back to the IDA -> put_super: s_count 0 -> destroy_super
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/idr.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "fs/internal.h"

LIST_HEAD(super_blocks);

/* s_count holds this while the superblock is active */
#define S_BIAS	(1 << 30)

/* sim: numbers for super_block#N, and the live count for the views */
static unsigned int sb_last_id;
static unsigned long sb_live;

/*
 * fs/super.c: a zeroed superblock with its lists empty, s_count S_BIAS
 * and s_active 1: the caller's reference, handed on to the vfsmount.
 */
static struct super_block *alloc_super(struct file_system_type *type)
{
	struct super_block *s = kzalloc(sizeof(struct super_block), GFP_USER);
	static const struct super_operations default_op;

	TRACE_ENTER("type=%s", type->name);
	if (s) {
		sim_obj_number(s, ++sb_last_id);	/* sim */
		sb_live++;				/* sim */
		INIT_LIST_HEAD(&s->s_files);
		INIT_LIST_HEAD(&s->s_instances);
		INIT_HLIST_HEAD(&s->s_anon);
		INIT_LIST_HEAD(&s->s_inodes);
		INIT_LIST_HEAD(&s->s_dentry_lru);
		INIT_LIST_HEAD(&s->s_dirty);
		INIT_LIST_HEAD(&s->s_io);
		INIT_LIST_HEAD(&s->s_more_io);
		INIT_LIST_HEAD(&s->s_list);
		s->s_count = S_BIAS;
		s->s_active = 1;
		s->s_maxbytes = MAX_NON_LFS;
		s->s_op = &default_op;
		s->s_time_gran = 1000000000;
	}
	return TRACE_RET_SB(s);
}

static void destroy_super(struct super_block *s)
{
	TRACE_ENTER("super_block#%u", sim_id(s));
	kfree(s->s_subtype);
	kfree(s->s_options);
	sb_live--;				/* sim */
	sim_note("vfs", "super_block#%u freed", sim_id(s));
	kfree(s);
	TRACE_EXIT();
}

/* drop a passive reference; the last one frees the structure */
static int __put_super(struct super_block *sb)
{
	int ret = 0;

	TRACE_ENTER("super_block#%u, s_count=%d", sim_id(sb), sb->s_count);
	if (!--sb->s_count) {
		destroy_super(sb);
		ret = 1;
	}
	return TRACE_RET_INT(ret);
}

void put_super(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	__put_super(sb);
	TRACE_EXIT();
}

/*
 * Drop an active reference. The last one takes the bias off s_count,
 * leaving the one reference that put_super drops after ->kill_sb.
 */
void deactivate_super(struct super_block *s)
{
	struct file_system_type *fs = s->s_type;

	TRACE_ENTER("super_block#%u (%s), s_active=%d", sim_id(s), s->s_id,
		    s->s_active);
	if (!--s->s_active) {
		s->s_count -= S_BIAS - 1;
		sim_note("vfs", "super_block#%u: s_active 1 -> 0, s_count %d",
			 sim_id(s), s->s_count);
		fs->kill_sb(s);
		put_filesystem(fs);
		put_super(s);
	} else {
		sim_note("vfs", "super_block#%u: s_active %d -> %d", sim_id(s),
			 s->s_active + 1, s->s_active);
	}
	TRACE_EXIT();
}

/* the same, for a caller holding s_umount (sim: no lock to drop) */
void deactivate_locked_super(struct super_block *s)
{
	struct file_system_type *fs = s->s_type;

	TRACE_ENTER("super_block#%u, s_active=%d", sim_id(s), s->s_active);
	if (!--s->s_active) {
		s->s_count -= S_BIAS - 1;
		fs->kill_sb(s);
		put_filesystem(fs);
		put_super(s);
	}
	TRACE_EXIT();
}

/*
 * sget found s: make it active again unless it is on its way out
 * (no root yet, or s_count without the bias). 1 on success.
 */
static int grab_super(struct super_block *s)
{
	TRACE_ENTER("super_block#%u", sim_id(s));
	s->s_count++;
	if (s->s_root) {
		if (s->s_count > S_BIAS) {
			s->s_active++;
			s->s_count--;
			sim_note("vfs", "super_block#%u: s_active %d -> %d",
				 sim_id(s), s->s_active - 1, s->s_active);
			return TRACE_RET_INT(1);
		}
	}
	put_super(s);
	/* sim: no yield(); sget retries at once */
	return TRACE_RET_INT(0);
}

/*
 * The common end of every superblock: its dentries and inodes go, then
 * it leaves super_blocks and its type's list. The structure stays until
 * its last put_super.
 */
void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	TRACE_ENTER("super_block#%u (%s)", sim_id(sb), sb->s_id);
	if (sb->s_root) {
		shrink_dcache_for_umount(sb);
		/* sim: nothing to sync_filesystem() */
		sb->s_flags &= ~MS_ACTIVE;

		invalidate_inodes(sb);

		if (sop->put_super)
			sop->put_super(sb);

		if (invalidate_inodes(sb)) {
			sim_note("vfs", "VFS: Busy inodes after unmount of %s. "
				 "Self-destruct in 5 seconds.  Have a nice "
				 "day...", sb->s_id);
		}
	}
	list_del_init(&sb->s_list);
	list_del(&sb->s_instances);
	TRACE_EXIT();
}

/*
 * Find (test) or make (set) the superblock of type. A found one comes
 * back active (grab_super); a new one from alloc_super, with set() done,
 * s_id the type's name, at the tail of super_blocks and the head of
 * type->fs_supers. ERR_PTR(-ENOMEM) or set()'s error otherwise.
 */
struct super_block *sget(struct file_system_type *type,
			 int (*test)(struct super_block *, void *),
			 int (*set)(struct super_block *, void *),
			 void *data)
{
	struct super_block *s = NULL;
	struct super_block *old;
	struct list_head *p;
	int err;

	TRACE_ENTER("type=%s, test=%s", type->name, test ? "yes" : "NULL");
retry:
	if (test) {
		list_for_each(p, &type->fs_supers) {
			old = list_entry(p, struct super_block, s_instances);
			if (!test(old, data))
				continue;
			if (!grab_super(old))
				goto retry;
			if (s)
				destroy_super(s);
			return TRACE_RET_SB(old);
		}
	}
	if (!s) {
		s = alloc_super(type);
		if (!s)
			return TRACE_RET_SB(ERR_PTR(-ENOMEM));
		goto retry;
	}

	err = set(s, data);
	if (err) {
		destroy_super(s);
		return TRACE_RET_SB(ERR_PTR(err));
	}
	s->s_type = type;
	snprintf(s->s_id, sizeof(s->s_id), "%s", type->name);	/* strlcpy */
	list_add_tail(&s->s_list, &super_blocks);
	list_add(&s->s_instances, &type->fs_supers);
	get_filesystem(type);
	sim_note("vfs", "super_block#%u %s dev %02x:%02x on super_blocks",
		 sim_id(s), s->s_id, MAJOR(s->s_dev), MINOR(s->s_dev));
	return TRACE_RET_SB(s);
}

void drop_super(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	put_super(sb);
	TRACE_EXIT();
}

/*
 * The unused dentries go first (shrink_dcache_sb: under hashed-shm that
 * prunes the cached SYSV dentries of a shared tmpfs superblock), then
 * ->remount_fs and the MS_RMT_MASK flags. (simplified: no freezing, no
 * dquot, nothing to sync; a read-only switch does not look for files
 * open for writing)
 */
int do_remount_sb(struct super_block *sb, int flags, void *data, int force)
{
	int retval;

	TRACE_ENTER("super_block#%u, flags=%#x", sim_id(sb), flags);
	(void)force;
	shrink_dcache_sb(sb);
	/* sim: no sync_filesystem, no fs_may_remount_ro */
	if (sb->s_op->remount_fs) {
		retval = sb->s_op->remount_fs(sb, &flags, data);
		if (retval)
			return TRACE_RET(retval);
	}
	sb->s_flags = (sb->s_flags & ~MS_RMT_MASK) | (flags & MS_RMT_MASK);
	return TRACE_RET(0);
}

/*
 * Unnamed devices: the minors of major 0 for file systems without a
 * block device. 2.6.32 takes the lowest free id at or above
 * unnamed_dev_start, which starts at 0 (so the first is 00:00) and moves
 * past each id given out, back down to any id given back.
 */
static unsigned long unnamed_dev_bits[SIM_IDA_WORDS((1 << MINORBITS) + 1)];
static struct sim_ida unnamed_dev_ida = {
	.bits = unnamed_dev_bits,
	.nbits = (1 << MINORBITS) + 1,	/* sim: room for the -EMFILE id */
};
static int unnamed_dev_start;	/* don't bother trying below it */

int set_anon_super(struct super_block *s, void *data)
{
	int dev;
	int error;

	TRACE_ENTER("super_block#%u, unnamed_dev_start=%d", sim_id(s),
		    unnamed_dev_start);
	(void)data;
	/* sim: no ida_pre_get, so no -ENOMEM; no race, so no -EAGAIN retry */
	error = sim_ida_get_new_above(&unnamed_dev_ida, unnamed_dev_start,
				      &dev);
	if (!error)
		unnamed_dev_start = dev + 1;
	if (error)
		return TRACE_RET(-EAGAIN);

	if ((dev & MAX_ID_MASK) == (1 << MINORBITS)) {
		sim_ida_remove(&unnamed_dev_ida, dev);
		if (unnamed_dev_start > dev)
			unnamed_dev_start = dev;
		return TRACE_RET(-EMFILE);
	}
	s->s_dev = MKDEV(0, dev & MINORMASK);
	sim_note("vfs", "anon dev %02x:%02x given to super_block#%u",
		 MAJOR(s->s_dev), MINOR(s->s_dev), sim_id(s));
	return TRACE_RET(0);
}

/* ->kill_sb of the anonymous types: shut down, give the minor back */
void kill_anon_super(struct super_block *sb)
{
	int slot = MINOR(sb->s_dev);

	TRACE_ENTER("super_block#%u, dev %02x:%02x", sim_id(sb),
		    MAJOR(sb->s_dev), MINOR(sb->s_dev));
	generic_shutdown_super(sb);
	sim_ida_remove(&unnamed_dev_ida, slot);
	if (slot < unnamed_dev_start)
		unnamed_dev_start = slot;
	sim_note("vfs", "anon dev 00:%02x given back, unnamed_dev_start %d",
		 slot, unnamed_dev_start);
	TRACE_EXIT();
}

/*
 * ramfs and tmpfs pin every dentry they create (an extra d_count);
 * d_genocide drops those pins so the umount can free the tree.
 */
void kill_litter_super(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
	TRACE_EXIT();
}

/* a new anonymous superblock for every mount: tmpfs, rootfs */
int get_sb_nodev(struct file_system_type *fs_type, int flags, void *data,
		 int (*fill_super)(struct super_block *, void *, int),
		 struct vfsmount *mnt)
{
	int error;
	struct super_block *s;

	TRACE_ENTER("type=%s, flags=%#x, vfsmount#%u", fs_type->name,
		    (unsigned int)flags, sim_id(mnt));
	s = sget(fs_type, NULL, set_anon_super, NULL);
	if (IS_ERR(s))
		return TRACE_RET(PTR_ERR(s));

	s->s_flags = (unsigned int)flags;

	error = fill_super(s, data, flags & MS_SILENT ? 1 : 0);
	if (error) {
		deactivate_locked_super(s);
		return TRACE_RET(error);
	}
	s->s_flags |= MS_ACTIVE;
	simple_set_mnt(mnt, s);
	return TRACE_RET(0);
}

static int compare_single(struct super_block *s, void *p)
{
	(void)s;
	(void)p;
	return 1;
}

/* one superblock per type, shared by all its mounts: sysfs */
int get_sb_single(struct file_system_type *fs_type, int flags, void *data,
		  int (*fill_super)(struct super_block *, void *, int),
		  struct vfsmount *mnt)
{
	struct super_block *s;
	int error;

	TRACE_ENTER("type=%s, flags=%#x, vfsmount#%u", fs_type->name,
		    (unsigned int)flags, sim_id(mnt));
	s = sget(fs_type, compare_single, set_anon_super, NULL);
	if (IS_ERR(s))
		return TRACE_RET(PTR_ERR(s));
	if (!s->s_root) {
		s->s_flags = (unsigned int)flags;
		error = fill_super(s, data, flags & MS_SILENT ? 1 : 0);
		if (error) {
			deactivate_locked_super(s);
			return TRACE_RET(error);
		}
		s->s_flags |= MS_ACTIVE;
	} else {
		do_remount_sb(s, flags, data, 0);
	}
	simple_set_mnt(mnt, s);
	return TRACE_RET(0);
}

/*
 * A mount of type that no namespace sees: its own parent, mounted on its
 * own root. Holds mnt_count 1 and the superblock's active reference.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct vfsmount *mnt;
	int error;

	TRACE_ENTER("type=%s, flags=%#x, name=\"%s\"", type ? type->name : "",
		    (unsigned int)flags, name ? name : "");
	if (!type)
		return TRACE_RET_MNT(ERR_PTR(-ENODEV));

	error = -ENOMEM;
	mnt = alloc_vfsmnt(name);
	if (!mnt)
		goto out;

	/* sim: no security module, so no secdata to copy */
	error = type->get_sb(type, flags, name, data, mnt);
	if (error < 0)
		goto out_mnt;
	BUG_ON(!mnt->mnt_sb);

	mnt->mnt_mountpoint = mnt->mnt_root;
	mnt->mnt_parent = mnt;
	return TRACE_RET_MNT(mnt);
out_mnt:
	free_vfsmnt(mnt);
out:
	return TRACE_RET_MNT(ERR_PTR(error));
}

/* vfs_kern_mount by type name: -ENODEV for an unregistered one */
struct vfsmount *do_kern_mount(const char *fstype, int flags,
			       const char *name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;

	TRACE_ENTER("\"%s\", flags=%#x", fstype, (unsigned int)flags);
	type = get_fs_type(fstype);
	if (!type)
		return TRACE_RET_MNT(ERR_PTR(-ENODEV));
	mnt = vfs_kern_mount(type, flags, name, data);
	/* sim: no FS_HAS_SUBTYPE type, so no fs_set_subtype */
	put_filesystem(type);
	return TRACE_RET_MNT(mnt);
}

struct vfsmount *kern_mount_data(struct file_system_type *type, void *data)
{
	TRACE_ENTER("type=%s", type->name);
	return TRACE_RET_MNT(vfs_kern_mount(type, MS_KERNMOUNT, type->name,
					    data));
}

/* sim: for the views and the tests */
unsigned long sim_super_blocks_live(void)
{
	return sb_live;
}

int sim_unnamed_dev_start(void)
{
	return unnamed_dev_start;
}
