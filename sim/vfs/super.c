// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/super.c - filesystem types, superblocks and unnamed devices.
 * Models fs/super.c (2.4.16), in its order: get_filesystem/put_filesystem,
 *   find_filesystem, register_filesystem, unregister_filesystem,
 *   get_filesystem_list, get_fs_type, __put_super, put_super, alloc_super,
 *   read_super, get_unnamed_dev, put_unnamed_dev, grab_super,
 *   get_sb_bdev, get_sb_nodev, get_sb_single, kill_super, do_remount_sb,
 *   do_kern_mount, kern_mount, mount_root.
 * Left out: block devices (get_sb_bdev is a stub: FS_REQUIRES_DEV types fail
 *   with -EINVAL), modules and request_module, sb_lock, s_umount and
 *   lock_super (one thread), sync (fsync_super), quotas and accounting,
 *   sys_sysfs and sys_ustat; mount_root's disks, floppies, devfs and NFS
 *   (sim: its NFS branch mounts ramfs instead, see mount_root).
 * Sim only: sim_reserve_unnamed_dev, for the pseudo filesystems the boot
 *   does not mount (bdev, sockfs), and the numbering of superblocks; the
 *   sim_*unnamed_dev* helpers follow put_unnamed_dev.
 * Called by: mnt_init (rootfs), proc_root_init and init_shmem_fs (through
 *   kern_mount), do_add_mount (do_kern_mount), prepare_namespace
 *   (mount_root), __mntput (kill_super), do_umount and do_remount
 *   (do_remount_sb), /proc/filesystems (get_filesystem_list),
 *   vfs_caches_init and sock_init (sim_reserve_unnamed_dev).
 *
 * A superblock of a pseudo filesystem (rootfs, proc, tmpfs) lives like this:
 *   kern_mount(type) -> do_kern_mount -> get_sb_nodev (or get_sb_single)
 *     -> get_unnamed_dev: minor n, device 00:n
 *     -> read_super -> alloc_super: s_count 1, s_active 1
 *        s_list at the tail of super_blocks, s_instances at the head of
 *        type->fs_supers, s_count += S_BIAS, type->read_super (root inode
 *        and root dentry), s_flags |= MS_ACTIVE
 *   the vfsmount holds the one s_active reference (get_sb_single adds one
 *   per extra mount of an FS_SINGLE type) ...
 *   mntput -> __mntput -> kill_super: s_active 0, dput(s_root) frees the
 *     root dentry and inode, put_unnamed_dev, off both lists, kfree.
 */
#include <string.h>

#include <bsd/bitstring.h>

#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

LIST_HEAD(super_blocks);

/*
 * The registered types, a singly linked chain through ->next in
 * registration order. sim: static in 2.4.16; the views list it.
 */
struct file_system_type *file_systems;

/* sim: superblocks are kmalloc'd (no cache), so they are numbered here */
static unsigned int sb_last_id;

int sim_busy_inodes_after_unmount;

/*
 * init/main.c's in 2.4.16 (sim: here, so the VFS links without the boot):
 * the root file system's mount flags, MS_RDONLY unless the command line
 * says "rw" (sim: it does, as nothing here remounts the root read-write
 * the way /etc/rc would), and its device.
 */
int root_mountflags;
kdev_t ROOT_DEV;

/* sim: no modules; ->owner is NULL for every built-in type */
static void get_filesystem(struct file_system_type *fs)
{
	(void)fs;
}

static void put_filesystem(struct file_system_type *fs)
{
	(void)fs;
}

/* The link pointing at the type called name, or the NULL ending the chain. */
static struct file_system_type **find_filesystem(const char *name)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strcmp((*p)->name, name) == 0)
			break;
	return p;
}

/*
 * Append fs to file_systems. -EINVAL for NULL, -EBUSY if fs is already
 * linked (->next set) or its name is taken.
 */
int register_filesystem(struct file_system_type *fs)
{
	int res = 0;
	struct file_system_type **p;

	TRACE_ENTER("\"%s\"", fs ? fs->name : "(null)");
	if (!fs)
		return TRACE_RET(-EINVAL);
	if (fs->next)
		return TRACE_RET(-EBUSY);
	/*
	 * sim: as in 2.4.16 this comes before the name check, so registering
	 * the last type of the chain a second time empties its fs_supers.
	 */
	INIT_LIST_HEAD(&fs->fs_supers);
	p = find_filesystem(fs->name);
	if (*p)
		res = -EBUSY;
	else
		*p = fs;
	return TRACE_RET(res);
}

/* Unlink fs; -EINVAL if it is not registered. Its superblocks stay. */
int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **tmp;

	TRACE_ENTER("\"%s\"", fs ? fs->name : "(null)");
	tmp = &file_systems;
	while (*tmp) {
		if (fs == *tmp) {
			*tmp = fs->next;
			fs->next = NULL;
			return TRACE_RET(0);
		}
		tmp = &(*tmp)->next;
	}
	return TRACE_RET(-EINVAL);
}

/*
 * /proc/filesystems: one "nodev\tNAME" or "\tNAME" line per registered
 * type, in registration order; returns the length written to buf (at most
 * a page, less 80 bytes of room for the last line).
 */
int get_filesystem_list(char *buf)
{
	int len = 0;
	struct file_system_type *tmp;

	tmp = file_systems;
	while (tmp && len < (int)PAGE_SIZE - 80) {
		len += sprintf(buf + len, "%s\t%s\n",
			       (tmp->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
			       tmp->name);
		tmp = tmp->next;
	}
	return len;
}

/* sim: no request_module(); an unknown name gives NULL (-ENODEV upstairs) */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	fs = *(find_filesystem(name));
	return fs;
}

/* s_count reaching 0 frees the superblock. */
static void __put_super(struct super_block *sb)
{
	if (!--sb->s_count) {
		sim_note("vfs", "super_block#%u freed", sim_id(sb));
		kfree(sb);
	}
}

static void put_super(struct super_block *sb)
{
	sb->s_active--;
	/* sim: up_write(&sb->s_umount) omitted */
	__put_super(sb);
}

/*
 * A zeroed superblock with s_count 1 (the caller's) and s_active 1; not on
 * any list yet. NULL when kmalloc fails.
 */
static struct super_block *alloc_super(void)
{
	struct super_block *s;

	TRACE_ENTER("%s", "");
	s = kmalloc(sizeof(struct super_block), GFP_USER);
	if (s) {
		/* sim: kmalloc numbers nothing; super_block#N is our count */
		sim_obj_number(s, ++sb_last_id);
		memset(s, 0, sizeof(struct super_block));
		/* sim: no s_dirty/s_locked_inodes, semaphores or quotas */
		INIT_LIST_HEAD(&s->s_files);
		INIT_LIST_HEAD(&s->s_instances);
		s->s_count = 1;
		s->s_active = 1;
		s->s_maxbytes = MAX_NON_LFS;
	}
	return TRACE_RET_SB(s);
}

/*
 * Make a superblock for dev and fill it with type->read_super. Returns it
 * with s_count 1 + S_BIAS, s_active 1, MS_ACTIVE, on super_blocks (tail) and
 * type->fs_supers (head); NULL if allocation or read_super fails, with
 * nothing left behind but dev, which the caller gives back.
 */
static struct super_block *read_super(kdev_t dev, struct block_device *bdev,
				      struct file_system_type *type, int flags,
				      void *data)
{
	struct super_block *s;

	TRACE_ENTER("%02x:%02x, \"%s\"", MAJOR(dev), MINOR(dev), type->name);
	(void)bdev;		/* sim: always NULL; there is no s_bdev */
	s = alloc_super();
	if (!s)
		goto out;
	s->s_dev = dev;
	s->s_flags = flags;
	s->s_type = type;
	list_add(&s->s_list, super_blocks.prev);
	list_add(&s->s_instances, &type->fs_supers);
	s->s_count += S_BIAS;
	sim_note("vfs", "super_block#%u at the tail of super_blocks and the "
		 "head of \"%s\" fs_supers, s_count 1 -> %d", sim_id(s),
		 type->name, s->s_count);
	/* sim: down_write(&s->s_umount) and lock_super(s) omitted */
	if (!type->read_super(s, data, flags & MS_VERBOSE ? 1 : 0))
		goto out_fail;
	s->s_flags |= MS_ACTIVE;
out:
	return TRACE_RET_SB(s);

out_fail:
	s->s_dev = 0;
	s->s_type = NULL;
	list_del(&s->s_list);
	list_del(&s->s_instances);
	s->s_count -= S_BIAS;
	put_super(s);
	s = NULL;
	return TRACE_RET_SB(s);
}

/*
 * Unnamed devices: the device numbers 00:01 to 00:ff that filesystems
 * without a block device put in s_dev (and so in every inode's i_dev, which
 * /proc/PID/maps prints). Minor 0 is never handed out.
 * sim: the kernel's unsigned long array becomes a libbsd bitstring; the
 * scan is the kernel's loop (bit_ffc would start at the always-clear bit 0).
 */
static bitstr_t bit_decl(unnamed_dev_in_use, 256);
static bitstr_t bit_decl(sim_unnamed_dev_reserve, 256);	/* sim */

/* Lowest free minor from 1 up, as MKDEV(0, minor); 0 when all are taken. */
kdev_t get_unnamed_dev(void)
{
	int i;

	TRACE_ENTER("%s", "");
	for (i = 1; i < 256; i++) {
		if (!bit_test(unnamed_dev_in_use, i)) {
			bit_set(unnamed_dev_in_use, i);
			sim_note("vfs", "unnamed device 00:%02x taken", i);
			return TRACE_RET_INT(MKDEV(UNNAMED_MAJOR, i));
		}
	}
	return TRACE_RET_INT(0);
}

void put_unnamed_dev(kdev_t dev)
{
	TRACE_ENTER("%02x:%02x", MAJOR(dev), MINOR(dev));
	if (!dev || MAJOR(dev) != UNNAMED_MAJOR)
		goto out;
	if (bit_test(unnamed_dev_in_use, MINOR(dev))) {
		bit_clear(unnamed_dev_in_use, MINOR(dev));
		sim_note("vfs", "unnamed device 00:%02x freed", MINOR(dev));
		goto out;
	}
	/* 2.4.16 printk()s this; a comment line in the trace here */
	sim_trace_comment("VFS: put_unnamed_dev: freeing unused device "
			  "%02x:%02x", MAJOR(dev), MINOR(dev));
out:
	TRACE_EXIT();
}

int sim_unnamed_dev_in_use(unsigned int minor)
{
	return minor < 256 && bit_test(unnamed_dev_in_use, minor);
}

/*
 * sim: take the next unnamed device for a pseudo filesystem the boot does
 * not mount (bdev, sockfs), so that tmpfs gets the minor it gets in 2.4.16.
 */
kdev_t sim_reserve_unnamed_dev(const char *what)
{
	kdev_t dev = get_unnamed_dev();

	if (dev) {
		sim_skip_ino();		/* its root inode's number */
		bit_set(sim_unnamed_dev_reserve, MINOR(dev));
		sim_trace_comment("%s: unnamed device %02x:%02x reserved, "
				  "not mounted (sim)", what, MAJOR(dev),
				  MINOR(dev));
	}
	return dev;
}

int sim_unnamed_dev_reserved(unsigned int minor)
{
	return minor < 256 && bit_test(sim_unnamed_dev_reserve, minor);
}

/*
 * sim: at shutdown, give the reserved devices back; with no superblock
 * left, restart the superblock numbers for the next boot.
 */
void sim_unreserve_unnamed_devs(void)
{
	int i;

	for (i = 1; i < 256; i++) {
		if (!bit_test(sim_unnamed_dev_reserve, i))
			continue;
		bit_clear(sim_unnamed_dev_reserve, i);
		put_unnamed_dev(MKDEV(UNNAMED_MAJOR, i));
	}
	if (list_empty(&super_blocks))
		sb_last_id = 0;
}

/*
 * Take one more active reference on sb for another mount. 1 on success; 0
 * if sb is going away (no s_root, or S_BIAS already dropped by kill_super).
 */
static int grab_super(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	sb->s_count++;
	sb->s_active++;
	if (sb->s_root) {
		if (sb->s_count > S_BIAS) {
			sb->s_count--;
			sim_note("vfs", "super_block#%u s_active %d -> %d",
				 sim_id(sb), sb->s_active - 1, sb->s_active);
			return TRACE_RET_INT(1);
		}
	}
	put_super(sb);
	return TRACE_RET_INT(0);
}

/* sim: no block devices; 2.4.16 looks dev_name up and opens the device */
static struct super_block *get_sb_bdev(struct file_system_type *fs_type,
				       const char *dev_name, int flags,
				       void *data)
{
	struct super_block *sb = ERR_PTR(-EINVAL);

	TRACE_ENTER("\"%s\", \"%s\"", fs_type->name, dev_name);
	(void)flags;
	(void)data;
	return TRACE_RET_SB(sb);
}

/*
 * A new superblock on a fresh unnamed device (static in 2.4.16). -EMFILE
 * when all 255 devices are taken, -EINVAL when read_super fails.
 */
struct super_block *get_sb_nodev(struct file_system_type *fs_type, int flags,
				 void *data)
{
	kdev_t dev;
	int error = -EMFILE;
	struct super_block *sb;

	TRACE_ENTER("\"%s\"", fs_type->name);
	dev = get_unnamed_dev();
	if (dev) {
		error = -EINVAL;
		sb = read_super(dev, NULL, fs_type, flags, data);
		if (sb) {
			get_filesystem(fs_type);
			return TRACE_RET_SB(sb);
		}
		put_unnamed_dev(dev);
	}
	sb = ERR_PTR(error);
	return TRACE_RET_SB(sb);
}

/*
 * FS_SINGLE types (proc; tmpfs under the single-sb patch) have one
 * superblock for all their mounts: reuse it if there is one (s_active +1,
 * then do_remount_sb with the new mount's flags and data), else make it as
 * get_sb_nodev does (static in 2.4.16). A superblock is allocated first
 * either way and freed again when the old one is reused.
 */
struct super_block *get_sb_single(struct file_system_type *fs_type, int flags,
				  void *data)
{
	struct super_block *s, *old;
	kdev_t dev;

	TRACE_ENTER("\"%s\"", fs_type->name);
	s = alloc_super();
	if (!s) {
		s = ERR_PTR(-ENOMEM);
		return TRACE_RET_SB(s);
	}
	if (!list_empty(&fs_type->fs_supers)) {
		old = list_entry(fs_type->fs_supers.next, struct super_block,
				 s_instances);
		/*
		 * sim: 2.4.16 retries while another CPU finishes killing old;
		 * with one thread a dying superblock cannot be found here.
		 */
		if (!grab_super(old))
			BUG();
		put_super(s);
		/* the result is ignored, as in 2.4.16 */
		do_remount_sb(old, flags, data);
		return TRACE_RET_SB(old);
	}
	dev = get_unnamed_dev();
	if (!dev) {
		put_super(s);
		s = ERR_PTR(-EMFILE);
		return TRACE_RET_SB(s);
	}
	s->s_dev = dev;
	s->s_flags = flags;
	s->s_type = fs_type;
	list_add(&s->s_list, super_blocks.prev);
	list_add(&s->s_instances, &fs_type->fs_supers);
	s->s_count += S_BIAS;
	sim_note("vfs", "super_block#%u at the tail of super_blocks and the "
		 "head of \"%s\" fs_supers, s_count 1 -> %d", sim_id(s),
		 fs_type->name, s->s_count);
	if (!fs_type->read_super(s, data, flags & MS_VERBOSE ? 1 : 0))
		goto out_fail;
	s->s_flags |= MS_ACTIVE;
	get_filesystem(fs_type);
	return TRACE_RET_SB(s);

out_fail:
	s->s_dev = 0;
	s->s_type = NULL;
	list_del(&s->s_list);
	list_del(&s->s_instances);
	s->s_count -= S_BIAS;
	put_super(s);
	put_unnamed_dev(dev);
	s = ERR_PTR(-EINVAL);
	return TRACE_RET_SB(s);
}

/*
 * Drop one active reference (a mount going away, from __mntput). The last
 * one tears the superblock down: the root dentry and with it the root
 * inode, any inodes left, the device number, the list links, the memory.
 */
void kill_super(struct super_block *sb)
{
	kdev_t dev;
	struct dentry *root = sb->s_root;
	struct file_system_type *fs = sb->s_type;

	TRACE_ENTER("super_block#%u \"%s\" %02x:%02x", sim_id(sb), fs->name,
		    MAJOR(sb->s_dev), MINOR(sb->s_dev));
	sim_note("vfs", "super_block#%u s_active %d -> %d", sim_id(sb),
		 sb->s_active, sb->s_active - 1);
	if (--sb->s_active)
		goto out;

	sb->s_count -= S_BIAS;
	sb->s_root = NULL;
	/* FS_LITTER (tmpfs): drop the reference each pinned entry holds */
	if (fs->fs_flags & FS_LITTER)
		d_genocide(root);
	shrink_dcache_parent(root);
	dput(root);
	/* sim: fsync_super() omitted: nothing is ever dirty */
	sb->s_flags &= ~MS_ACTIVE;
	invalidate_inodes(sb);
	/* sim: no write_super or put_super in our super_operations */

	/* Forget any remaining inodes */
	if (invalidate_inodes(sb)) {
		/* 2.4.16 printk()s this; a comment line in the trace here */
		sim_trace_comment("VFS: Busy inodes after unmount. "
				  "Self-destruct in 5 seconds.  "
				  "Have a nice day...");
		sim_busy_inodes_after_unmount++;
	}

	dev = sb->s_dev;
	sb->s_dev = 0;
	put_filesystem(fs);
	sb->s_type = NULL;
	put_unnamed_dev(dev);
	list_del(&sb->s_list);
	list_del(&sb->s_instances);
	/* put_super() drops s_active again, so give it one to drop */
	sb->s_active++;
	put_super(sb);
out:
	TRACE_EXIT();
}

/*
 * Change the remountable flags (MS_RMT_MASK) of a mounted superblock:
 * first the unused dentries of sb are freed (shrink_dcache_sb), then the
 * filesystem's remount_fs checks data. -EBUSY when going read-only with a
 * file open for writing; remount_fs's error. sim: no read-only devices
 * (is_read_only) and nothing to sync (fsync_super).
 */
int do_remount_sb(struct super_block *sb, int flags, void *data)
{
	int retval;

	TRACE_ENTER("super_block#%u, %#x", sim_id(sb), flags);
	/* sim: acct_auto_close() for MS_RDONLY omitted: no accounting */
	shrink_dcache_sb(sb);
	/* going read-only: no file may still be open for writing */
	if ((flags & MS_RDONLY) && !(sb->s_flags & MS_RDONLY))
		if (!fs_may_remount_ro(sb))
			return TRACE_RET(-EBUSY);
	if (sb->s_op && sb->s_op->remount_fs) {
		retval = sb->s_op->remount_fs(sb, &flags, data);
		if (retval)
			return TRACE_RET(retval);
	}
	sb->s_flags = (sb->s_flags & ~MS_RMT_MASK) | (flags & MS_RMT_MASK);
	return TRACE_RET(0);
}

/*
 * Mount a filesystem type for the kernel's own use: a vfsmount that is its
 * own parent, on no mountpoint, in no namespace. Returns it with
 * mnt_count 1 and a reference on the root dentry (mnt_root), or ERR_PTR:
 * -EINVAL, -EPERM, -ENODEV, -ENOMEM, or what getting the superblock gave.
 */
struct vfsmount *do_kern_mount(const char *type, int flags, const char *name,
			       void *data)
{
	struct file_system_type *fstype;
	struct vfsmount *mnt = NULL;
	struct super_block *sb;

	TRACE_ENTER("\"%s\", %d, \"%s\"", type ? type : "(null)", flags,
		    name ? name : "(null)");
	/* sim: strnlen does the kernel's memchr(type, 0, PAGE_SIZE) */
	if (!type || strnlen(type, PAGE_SIZE) == PAGE_SIZE) {
		mnt = ERR_PTR(-EINVAL);
		return TRACE_RET_MNT(mnt);
	}

	/* we need capabilities... */
	if (!capable(CAP_SYS_ADMIN)) {
		mnt = ERR_PTR(-EPERM);
		return TRACE_RET_MNT(mnt);
	}

	/* ... filesystem driver... */
	fstype = get_fs_type(type);
	if (!fstype) {
		mnt = ERR_PTR(-ENODEV);
		return TRACE_RET_MNT(mnt);
	}

	/* ... allocated vfsmount... */
	mnt = alloc_vfsmnt();
	if (!mnt) {
		mnt = ERR_PTR(-ENOMEM);
		goto fs_out;
	}
	set_devname(mnt, name);
	if (fstype->fs_flags & FS_REQUIRES_DEV)
		sb = get_sb_bdev(fstype, name, flags, data);
	else if (fstype->fs_flags & FS_SINGLE)
		sb = get_sb_single(fstype, flags, data);
	else
		sb = get_sb_nodev(fstype, flags, data);

	if (IS_ERR(sb)) {
		free_vfsmnt(mnt);
		mnt = (struct vfsmount *)sb;
		goto fs_out;
	}
	/* graft_tree() refuses MS_NOUSER superblocks: kernel-only types */
	if (fstype->fs_flags & FS_NOMOUNT)
		sb->s_flags |= MS_NOUSER;

	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	/* no dget: the mountpoint shares mnt_root's reference */
	mnt->mnt_mountpoint = mnt->mnt_root;
	mnt->mnt_parent = mnt;
	/* sim: up_write(&sb->s_umount) omitted */
fs_out:
	put_filesystem(fstype);
	return TRACE_RET_MNT(mnt);
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt;

	TRACE_ENTER("\"%s\"", type->name);
	mnt = do_kern_mount(type->name, 0, type->name, NULL);
	return TRACE_RET_MNT(mnt);
}

/*
 * Mount the root file system over rootfs and make it the root and cwd of
 * current (the init thread, whose fs_struct every task inherits).
 * sim: shmsim has no disks, so this is 2.4.16's NFS branch with ramfs for
 * nfs: do_kern_mount("ramfs", root_mountflags, "/dev/root", NULL), then
 * attach_it: graft it on rootfs's root, set_fs_root, set_fs_pwd, and drop
 * the vfsmount's own reference (the tree, the root and the cwd keep it).
 * A disk root would be read_super on ROOT_DEV, with no unnamed device.
 */
void mount_root(void)
{
	struct nameidata root_nd;
	struct vfsmount *vfsmnt;

	TRACE_ENTER("%s", "");
	root_mountflags |= MS_VERBOSE;
	vfsmnt = do_kern_mount("ramfs", root_mountflags, "/dev/root", NULL);
	if (IS_ERR(vfsmnt))
		sim_bug(__FILE__, __LINE__,
			"panic: VFS: Unable to mount root fs");
	/* 2.4.16 printk()s this */
	sim_trace_comment("VFS: Mounted root (%s filesystem)%s.", "ramfs",
			  (vfsmnt->mnt_sb->s_flags & MS_RDONLY) ?
			  " readonly" : "");
	ROOT_DEV = vfsmnt->mnt_sb->s_dev;

	root_nd.mnt = root_vfsmnt;
	root_nd.dentry = root_vfsmnt->mnt_sb->s_root;
	graft_tree(vfsmnt, &root_nd);

	set_fs_root(current->fs, vfsmnt, vfsmnt->mnt_root);
	set_fs_pwd(current->fs, vfsmnt, vfsmnt->mnt_root);

	mntput(vfsmnt);
	TRACE_EXIT();
}
