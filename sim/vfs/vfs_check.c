// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/vfs_check.c - the VFS's invariants, shutdown and leak report.
 * Sim only: nothing in 2.4.16 corresponds, so no kernel order to follow
 *   (validate_mm is the model for the checks). Checks the VFS-only items
 *   of docs/invariants.md (17, 18, 19, 31, 32, 72, 73) in general form,
 *   for every superblock and every vfsmount, not only the internal tmpfs;
 *   sim_vfs_check also runs the mount hash's (70, 71, in
 *   sim/vfs/namespace.c) and the dcache's (74, in sim/vfs/dcache.c).
 * Left out: anything about shm segments, shmem inodes or pages (checked by
 *   sim/ipc and sim/mm).
 * Called by: the tests and the scenario runner after every step
 *   (sim_vfs_check), and the shutdown: after sim_exit_shmem_fs() has
 *   dropped shm_mnt, sim_vfs_exit(), which ends with sim_vfs_leaks().
 *
 * The invariants. sim_vfs_check returns the number of the first broken one
 * in docs/invariants.md (as sim/ipc and sim/mm do), and writes
 * "<name>: <details>" to why; several named checks share a number:
 *  17 vfs-mnt_count    every vfsmount: mnt_count == 1 + files in use with
 *                      f_vfsmnt == it + roots/cwds on it + mounts on it;
 *                      its sb is on super_blocks, mnt_root->d_sb == mnt_sb
 *     vfs-mnt_cache    the live vfsmounts are mnt_cache's live objects
 *     vfs-s_active     every sb: s_active == vfsmounts with mnt_sb == it
 *  18 vfs-super_blocks every sb on super_blocks has a type, s_count >
 *                      S_BIAS, s_active >= 1, MS_ACTIVE, and sits on its
 *                      type's fs_supers
 *     vfs-fs_supers    every sb on a registered type's fs_supers is of
 *                      that type and on super_blocks
 *     vfs-s_root       every sb has a positive root dentry that is its own
 *                      parent, with d_sb == sb
 *     vfs-d_count      a root: d_count == 1 (s_root) + vfsmounts with
 *                      mnt_root or (in the tree) mnt_mountpoint == it +
 *                      children on d_subdirs + files with f_dentry == it +
 *                      roots/cwds (tmpfs: 2 + children)
 *  19 vfs-d_parent     every dentry found through d_subdirs has d_parent ==
 *                      the dentry it was found under, and d_sb == sb
 *     vfs-d_count      any other dentry: d_count == vfsmounts + children +
 *                      files + roots/cwds as above + an FS_LITTER pin (a
 *                      SYSV dentry: 1, its file's)
 *     vfs-d_alias      a positive dentry is on its inode's i_dentry, and
 *                      that inode has i_count >= 1 and i_sb == the sb
 *  31 vfs-inode_in_use every inode on it has i_count >= 1, neither
 *                      I_FREEING nor I_CLEAR, i_mapping == &i_data,
 *                      i_data.host == it; length + nr_unused == nr_inodes
 *     vfs-nr_inodes    inodes_stat.nr_inodes == inode_cache's live objects
 *     vfs-nr_dentry    dentry_stat.nr_dentry == dentry_cache's live objects
 *     vfs-nr_files     files_stat.nr_files == filp's live objects
 *     vfs-file_lists   anon_list and the sbs' s_files hold nr_files -
 *                      nr_free_files files, each
 *                      with f_count >= 1 and a mount if it has a dentry;
 *                      free_list holds nr_free_files, f_count 0, no dentry
 *  32 vfs-unnamed_dev  bit 0 is clear; each unnamed sb's minor is set and
 *                      no other sb has it; every set bit is one sb's or
 *                      reserved (bdev, sockfs), never both
 *  72 vfs-fd_table     every fd slot's file is open (bit set, f_count >= 1,
 *                      on its sb's s_files); f_count >= the slots holding it
 *  73 vfs-fs_struct    every task's root and cwd match their vfsmounts
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/* The newest cache called name on cache_chain, as /proc/slabinfo names it. */
static kmem_cache_t *sim_find_cache(const char *name)
{
	struct list_head *p;

	for (p = cache_chain.prev; p != &cache_chain; p = p->prev) {
		kmem_cache_t *cachep = list_entry(p, kmem_cache_t, next);

		if (strcmp(cachep->name, name) == 0)
			return cachep;
	}
	return NULL;
}

static unsigned long sim_cache_live(const char *name)
{
	kmem_cache_t *cachep = sim_find_cache(name);

	return cachep ? cachep->active_objs : 0;
}

static int fail(char *why, size_t len, int num, const char *name,
		const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(char *why, size_t len, int num, const char *name,
		const char *fmt, ...)
{
	va_list ap;
	int n;

	if (why && len) {
		n = snprintf(why, len, "%s: ", name);
		if (n >= 0 && (size_t)n < len) {
			va_start(ap, fmt);
			vsnprintf(why + n, len - n, fmt, ap);
			va_end(ap);
		}
	}
	return num;
}

static int on_list(struct list_head *entry, struct list_head *head)
{
	struct list_head *p;

	list_for_each(p, head)
		if (p == entry)
			return 1;
	return 0;
}

static int list_length(struct list_head *head)
{
	struct list_head *p;
	int n = 0;

	list_for_each(p, head)
		n++;
	return n;
}

/* sim: the lists a file in use sits on: anon_list, or an sb's s_files */
static int for_each_file_list(int (*fn)(struct list_head *, void *),
			      void *arg)
{
	struct list_head *p;
	int n = fn(&anon_list, arg);

	list_for_each(p, &super_blocks)
		n += fn(&list_entry(p, struct super_block, s_list)->s_files,
			arg);
	return n;
}

static int count_list(struct list_head *head, void *arg)
{
	(void)arg;
	return list_length(head);
}

static int add_file_dentries(struct list_head *head, void *arg)
{
	struct sim_refs *r = arg;
	struct list_head *p;

	list_for_each(p, head) {
		struct file *f = list_entry(p, struct file, f_list);

		if (f->f_dentry)
			r->ptrs[r->n++] = f->f_dentry;
	}
	return 0;
}

static void *sim_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		sim_bug(__FILE__, __LINE__, "sim: out of host memory");
	return p;
}

/* The dentries of the files in use, sorted, to count per dentry. */
static void refs_from_files(struct sim_refs *r)
{
	r->n = 0;
	r->ptrs = sim_calloc(for_each_file_list(count_list, NULL),
			     sizeof(*r->ptrs));
	for_each_file_list(add_file_dentries, r);
	sim_refs_sort(r);
}

/*
 * The mounts' roots and the mountpoints of the mounts in the tree (each
 * held by attach_mnt's dget), sorted like the files' dentries: every
 * dentry asks how many it is, and a scan of the mount table per dentry
 * made --check O(dentries x mounts) per statement.
 */
static void refs_from_mounts(struct sim_refs *r)
{
	int i;

	r->n = 0;
	r->ptrs = sim_calloc(2 * SIM_MAX_MOUNTS, sizeof(*r->ptrs));
	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		struct vfsmount *mnt = sim_mounts[i];

		if (!mnt)
			continue;
		if (mnt->mnt_root)
			r->ptrs[r->n++] = mnt->mnt_root;
		if (mnt->mnt_parent && mnt->mnt_parent != mnt)
			r->ptrs[r->n++] = mnt->mnt_mountpoint;
	}
	sim_refs_sort(r);
}

/* sim: init and every task of the runner, for their fs and files */
static int for_each_task(int (*fn)(struct task_struct *, void *), void *arg)
{
	struct list_head *p;
	int err = fn(&init_task, arg);

	list_for_each(p, &sim_tasks) {
		if (err)
			break;
		err = fn(list_entry(p, struct task_struct, tasks), arg);
	}
	return err;
}

static int add_fs_dentries(struct task_struct *tsk, void *arg)
{
	struct sim_refs *r = arg;

	if (tsk->fs && tsk->fs->root) {
		r->ptrs[r->n++] = tsk->fs->root;
		r->ptrs[r->n++] = tsk->fs->pwd;
	}
	return 0;
}

static int count_task(struct task_struct *tsk, void *arg)
{
	(void)tsk;
	++*(int *)arg;
	return 0;
}

/* The roots and cwds of the tasks (2 per fs_struct: none is shared here) */
static void refs_from_fs(struct sim_refs *r)
{
	int tasks = 0;

	for_each_task(count_task, &tasks);
	r->n = 0;
	r->ptrs = sim_calloc(2 * tasks, sizeof(*r->ptrs));
	for_each_task(add_fs_dentries, r);
	sim_refs_sort(r);
}

struct sim_dentry_refs {
	struct sim_refs files, mounts, fs;
};

static int count_mnt_files(struct list_head *head, void *arg)
{
	struct list_head *p;
	int n = 0;

	list_for_each(p, head)
		if (list_entry(p, struct file, f_list)->f_vfsmnt == arg)
			n++;
	return n;
}

static int files_with_mnt(struct vfsmount *mnt)
{
	return for_each_file_list(count_mnt_files, mnt);
}

struct sim_mnt_users {
	struct vfsmount *mnt;
	int n;
};

static int count_fs_mnt(struct task_struct *tsk, void *arg)
{
	struct sim_mnt_users *u = arg;

	if (tsk->fs && tsk->fs->root)
		u->n += (tsk->fs->rootmnt == u->mnt) +
			(tsk->fs->pwdmnt == u->mnt);
	return 0;
}

/* the roots and cwds on mnt */
static int fs_with_mnt(struct vfsmount *mnt)
{
	struct sim_mnt_users u = { mnt, 0 };

	for_each_task(count_fs_mnt, &u);
	return u.n;
}

/* the mounts in the tree whose parent is mnt */
static int children_of_mnt(struct vfsmount *mnt)
{
	int i, n = 0;

	for (i = 0; i < SIM_MAX_MOUNTS; i++)
		if (sim_mounts[i] && sim_mounts[i] != mnt &&
		    sim_mounts[i]->mnt_parent == mnt)
			n++;
	return n;
}

/*
 * The pin an FS_LITTER filesystem's mknod keeps (dget) on a hashed,
 * positive, linked entry; a SYSV file (i_nlink 0), hashed or not, has none.
 */
static int littered(struct super_block *sb, struct dentry *dentry)
{
	return (sb->s_type->fs_flags & FS_LITTER) && dentry != sb->s_root &&
	       !d_unhashed(dentry) && dentry->d_inode &&
	       dentry->d_inode->i_nlink > 0;
}

/* 18 (a root's d_count) and 19 for dentry and everything below it. */
static int check_dentry(struct super_block *sb, struct dentry *dentry,
			struct sim_dentry_refs *refs, char *why, size_t len)
{
	struct list_head *p;
	struct inode *inode = dentry->d_inode;
	int children = 0, want, err, mounts, files, fs, pin;

	list_for_each(p, &dentry->d_subdirs) {
		struct dentry *child = list_entry(p, struct dentry, d_child);

		children++;
		if (child->d_parent != dentry)
			return fail(why, len, 19, "vfs-d_parent",
				    "dentry#%u \"%s\" is on dentry#%u's "
				    "d_subdirs, its d_parent is dentry#%u",
				    sim_id(child), child->d_name.name,
				    sim_id(dentry), child->d_parent ?
				    sim_id(child->d_parent) : 0);
		if (child->d_sb != sb)
			return fail(why, len, 19, "vfs-d_parent",
				    "dentry#%u \"%s\" has d_sb "
				    "super_block#%u, its root super_block#%u",
				    sim_id(child), child->d_name.name,
				    child->d_sb ? sim_id(child->d_sb) : 0,
				    sim_id(sb));
		err = check_dentry(sb, child, refs, why, len);
		if (err)
			return err;
	}
	mounts = sim_refs_count(&refs->mounts, dentry);
	files = sim_refs_count(&refs->files, dentry);
	fs = sim_refs_count(&refs->fs, dentry);
	pin = littered(sb, dentry);
	want = (dentry == sb->s_root) + mounts + children + files + fs + pin;
	if (dentry->d_count != want)
		return fail(why, len, dentry == sb->s_root ? 18 : 19,
			    "vfs-d_count",
			    "dentry#%u \"%s\" d_count %d, expected %d "
			    "(s_root %d + mounts %d + children %d + files %d "
			    "+ roots/cwds %d + pin %d)",
			    sim_id(dentry), dentry->d_name.name,
			    dentry->d_count, want, dentry == sb->s_root,
			    mounts, children, files, fs, pin);
	err = sim_check_d_mounted(dentry, why, len);
	if (err)
		return err;
	if (inode) {
		if (!on_list(&dentry->d_alias, &inode->i_dentry))
			return fail(why, len, 19, "vfs-d_alias",
				    "dentry#%u is not on inode#%u's i_dentry",
				    sim_id(dentry), sim_id(inode));
		if (inode->i_count < 1 || inode->i_sb != sb)
			return fail(why, len, 19, "vfs-d_alias",
				    "inode#%u of dentry#%u has i_count %d, "
				    "i_sb %s",
				    sim_id(inode), sim_id(dentry),
				    inode->i_count, inode->i_sb == sb ?
				    "right" : "wrong");
	}
	return 0;
}

/* 18 and 19: the superblocks and their dentry trees. */
static int check_supers(struct sim_dentry_refs *refs, char *why, size_t len)
{
	struct list_head *p, *q;
	struct file_system_type *fs;
	int err;

	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);
		struct dentry *root = sb->s_root;

		if (!sb->s_type || sb->s_count <= S_BIAS || sb->s_active < 1 ||
		    !(sb->s_flags & MS_ACTIVE))
			return fail(why, len, 18, "vfs-super_blocks",
				    "super_block#%u: type %s, s_count %d, "
				    "s_active %d, MS_ACTIVE %s",
				    sim_id(sb), sb->s_type ? sb->s_type->name :
				    "none", sb->s_count, sb->s_active,
				    sb->s_flags & MS_ACTIVE ? "set" : "clear");
		if (!on_list(&sb->s_instances, &sb->s_type->fs_supers))
			return fail(why, len, 18, "vfs-super_blocks",
				    "super_block#%u is not on \"%s\" fs_supers",
				    sim_id(sb), sb->s_type->name);
		if (!root || root->d_parent != root || root->d_sb != sb ||
		    !root->d_inode)
			return fail(why, len, 18, "vfs-s_root",
				    "super_block#%u: root dentry#%u is %s",
				    sim_id(sb), root ? sim_id(root) : 0,
				    !root ? "missing" :
				    root->d_parent != root ?
				    "not its own parent" :
				    root->d_sb != sb ? "of another sb" :
				    "negative");
		err = check_dentry(sb, root, refs, why, len);
		if (err)
			return err;
	}
	for (fs = file_systems; fs; fs = fs->next) {
		list_for_each(q, &fs->fs_supers) {
			struct super_block *sb = list_entry(q,
					struct super_block, s_instances);

			if (sb->s_type != fs || !on_list(&sb->s_list,
							 &super_blocks))
				return fail(why, len, 18, "vfs-fs_supers",
					    "super_block#%u on \"%s\" "
					    "fs_supers is %s", sim_id(sb),
					    fs->name, sb->s_type != fs ?
					    "of another type" :
					    "not on super_blocks");
		}
	}
	return 0;
}

/* 31: the inode, dentry and file counts and lists. */
static int check_counts(char *why, size_t len)
{
	struct list_head *p;
	int n;

	list_for_each(p, &inode_in_use) {
		struct inode *inode = list_entry(p, struct inode, i_list);

		if (inode->i_count < 1 ||
		    (inode->i_state & (I_FREEING | I_CLEAR)) ||
		    inode->i_mapping != &inode->i_data ||
		    inode->i_data.host != inode)
			return fail(why, len, 31, "vfs-inode_in_use",
				    "inode#%u: i_count %d, i_state %#lx, "
				    "i_mapping %s, host %s",
				    sim_id(inode), inode->i_count,
				    inode->i_state,
				    inode->i_mapping == &inode->i_data ?
				    "&i_data" : "elsewhere",
				    inode->i_data.host == inode ?
				    "itself" : "another");
	}
	n = list_length(&inode_in_use);
	if (n + inodes_stat.nr_unused != inodes_stat.nr_inodes)
		return fail(why, len, 31, "vfs-inode_in_use",
			    "%d in use + nr_unused %d != nr_inodes %d", n,
			    inodes_stat.nr_unused, inodes_stat.nr_inodes);
	n = inodes_stat.nr_inodes;
	if ((unsigned long)n != sim_cache_live("inode_cache"))
		return fail(why, len, 31, "vfs-nr_inodes",
			    "nr_inodes %d, inode_cache holds %lu",
			    inodes_stat.nr_inodes,
			    sim_cache_live("inode_cache"));
	n = dentry_stat.nr_dentry;
	if ((unsigned long)n != sim_cache_live("dentry_cache"))
		return fail(why, len, 31, "vfs-nr_dentry",
			    "nr_dentry %d, dentry_cache holds %lu",
			    dentry_stat.nr_dentry,
			    sim_cache_live("dentry_cache"));
	if ((unsigned long)files_stat.nr_files != sim_cache_live("filp"))
		return fail(why, len, 31, "vfs-nr_files",
			    "nr_files %d, filp holds %lu", files_stat.nr_files,
			    sim_cache_live("filp"));
	n = for_each_file_list(count_list, NULL);
	if (n != files_stat.nr_files - files_stat.nr_free_files)
		return fail(why, len, 31, "vfs-file_lists",
			    "anon_list and s_files have %d, nr_files %d - "
			    "nr_free_files %d",
			    n, files_stat.nr_files, files_stat.nr_free_files);
	n = list_length(&free_list);
	if (n != files_stat.nr_free_files)
		return fail(why, len, 31, "vfs-file_lists",
			    "free_list has %d, nr_free_files %d", n,
			    files_stat.nr_free_files);
	list_for_each(p, &anon_list) {
		struct file *f = list_entry(p, struct file, f_list);

		if (f->f_count < 1 || (f->f_dentry && !f->f_vfsmnt))
			return fail(why, len, 31, "vfs-file_lists",
				    "file#%u on anon_list: f_count %d, %s",
				    sim_id(f), f->f_count, f->f_dentry &&
				    !f->f_vfsmnt ? "dentry without mount" :
				    "no reference");
	}
	list_for_each(p, &free_list) {
		struct file *f = list_entry(p, struct file, f_list);

		if (f->f_count || f->f_dentry)
			return fail(why, len, 31, "vfs-file_lists",
				    "file#%u on free_list: f_count %d, "
				    "dentry %s",
				    sim_id(f), f->f_count,
				    f->f_dentry ? "set" : "NULL");
	}
	return 0;
}

/* 17: vfsmounts and active references. */
static int check_mounts(char *why, size_t len)
{
	struct list_head *p;
	unsigned long live = 0;
	int i;

	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		struct vfsmount *mnt = sim_mounts[i];
		int files, fs, children;

		if (!mnt)
			continue;
		live++;
		/* do_kern_mount is still filling it in */
		if (!mnt->mnt_sb)
			continue;
		files = files_with_mnt(mnt);
		fs = fs_with_mnt(mnt);
		children = children_of_mnt(mnt);
		if (mnt->mnt_count != 1 + files + fs + children)
			return fail(why, len, 17, "vfs-mnt_count",
				    "vfsmount#%u \"%s\" mnt_count %d, "
				    "expected %d (1 + %d files + %d roots/cwds "
				    "+ %d mounts on it)",
				    sim_id(mnt), mnt->mnt_devname ?
				    mnt->mnt_devname : "", mnt->mnt_count,
				    1 + files + fs + children, files, fs,
				    children);
		if (!on_list(&mnt->mnt_sb->s_list, &super_blocks) ||
		    !mnt->mnt_root || mnt->mnt_root->d_sb != mnt->mnt_sb)
			return fail(why, len, 17, "vfs-mnt_count",
				    "vfsmount#%u: super_block#%u %s",
				    sim_id(mnt), sim_id(mnt->mnt_sb),
				    mnt->mnt_root ? "is not on super_blocks"
				    " or not under mnt_root" :
				    "has no mnt_root");
	}
	if (live != sim_cache_live("mnt_cache"))
		return fail(why, len, 17, "vfs-mnt_cache",
			    "%lu live vfsmounts, mnt_cache holds %lu", live,
			    sim_cache_live("mnt_cache"));
	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);
		int n = 0;

		for (i = 0; i < SIM_MAX_MOUNTS; i++)
			if (sim_mounts[i] && sim_mounts[i]->mnt_sb == sb)
				n++;
		if (sb->s_active != n)
			return fail(why, len, 17, "vfs-s_active",
				    "super_block#%u \"%s\" s_active %d, "
				    "%d vfsmounts",
				    sim_id(sb), sb->s_type->name,
				    sb->s_active, n);
	}
	return 0;
}

/* 32: the unnamed device bitmap. */
static int check_unnamed_devs(char *why, size_t len)
{
	struct list_head *p;
	unsigned int minor;

	if (sim_unnamed_dev_in_use(0))
		return fail(why, len, 32, "vfs-unnamed_dev", "bit 0 is set");
	for (minor = 1; minor < 256; minor++) {
		int owners = 0;

		list_for_each(p, &super_blocks) {
			struct super_block *sb = list_entry(p,
					struct super_block, s_list);

			if (sb->s_dev == MKDEV(UNNAMED_MAJOR, minor))
				owners++;
		}
		owners += sim_unnamed_dev_reserved(minor);
		if (owners > 1)
			return fail(why, len, 32, "vfs-unnamed_dev",
				    "00:%02x has %d owners", minor, owners);
		if (owners != sim_unnamed_dev_in_use(minor))
			return fail(why, len, 32, "vfs-unnamed_dev",
				    "00:%02x is %s but %s", minor,
				    sim_unnamed_dev_in_use(minor) ?
				    "in use" : "free",
				    owners ? "a superblock or reservation "
				    "has it" : "no superblock or reservation "
				    "has it");
	}
	return 0;
}

/* 72: a task's fd table, and 73: its root and cwd. */
static int check_task_files(struct task_struct *tsk, void *arg)
{
	struct files_struct *files = tsk->files;
	struct fs_struct *fs = tsk->fs;
	char **whyp = arg;
	size_t len = 256;
	int fd;

	if (fs && fs->root &&
	    (!fs->rootmnt || !fs->pwd || !fs->pwdmnt ||
	     fs->root->d_sb != fs->rootmnt->mnt_sb ||
	     fs->pwd->d_sb != fs->pwdmnt->mnt_sb || !fs->root->d_inode ||
	     !S_ISDIR(fs->root->d_inode->i_mode) || fs->count < 1))
		return fail(*whyp, len, 73, "vfs-fs_struct",
			    "pid %d: root dentry#%u / vfsmount#%u, cwd "
			    "dentry#%u / vfsmount#%u do not match",
			    tsk->pid, sim_id(fs->root),
			    fs->rootmnt ? sim_id(fs->rootmnt) : 0,
			    fs->pwd ? sim_id(fs->pwd) : 0,
			    fs->pwdmnt ? sim_id(fs->pwdmnt) : 0);
	if (!files)
		return 0;
	for (fd = 0; fd < files->max_fds; fd++) {
		struct file *f = files->fd[fd];

		if (!f) {
			if (fd < files->next_fd &&
			    !FD_ISSET(fd, files->open_fds))
				return fail(*whyp, len, 72, "vfs-fd_table",
					    "pid %d: fd %d is free below "
					    "next_fd %d", tsk->pid, fd,
					    files->next_fd);
			continue;
		}
		if (!FD_ISSET(fd, files->open_fds) || f->f_count < 1 ||
		    !f->f_dentry || !f->f_vfsmnt ||
		    !on_list(&f->f_list,
			     &f->f_dentry->d_inode->i_sb->s_files))
			return fail(*whyp, len, 72, "vfs-fd_table",
				    "pid %d: fd %d -> file#%u (f_count %d) "
				    "is not an open file of its superblock",
				    tsk->pid, fd, sim_id(f), f->f_count);
	}
	return 0;
}

/* 72: each file's f_count covers the fd tables that hold it */
static int check_fd_refs(char *why, size_t len)
{
	struct list_head *p;
	int i;

	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);
		struct list_head *q;

		list_for_each(q, &sb->s_files) {
			struct file *f = list_entry(q, struct file, f_list);
			struct list_head *t;
			int refs = 0;

			for (i = 0; i < NR_OPEN_DEFAULT; i++)
				refs += init_task.files &&
					init_task.files->fd[i] == f;
			list_for_each(t, &sim_tasks) {
				struct task_struct *tsk = list_entry(t,
						struct task_struct, tasks);

				for (i = 0; tsk->files &&
				     i < tsk->files->max_fds; i++)
					refs += tsk->files->fd[i] == f;
			}
			if (f->f_count < refs)
				return fail(why, len, 72, "vfs-fd_table",
					    "file#%u f_count %d, held by %d "
					    "fds", sim_id(f), f->f_count,
					    refs);
		}
	}
	return 0;
}

int sim_vfs_check(char *why, size_t len)
{
	struct sim_dentry_refs refs;
	char buf[256], *bufp = buf;
	int err;

	if (why && len)
		why[0] = '\0';
	refs_from_files(&refs.files);
	refs_from_mounts(&refs.mounts);
	refs_from_fs(&refs.fs);
	err = check_supers(&refs, why, len);
	free(refs.files.ptrs);
	free(refs.mounts.ptrs);
	free(refs.fs.ptrs);
	if (!err)
		err = check_counts(why, len);
	if (!err)
		err = check_mounts(why, len);
	if (!err)
		err = sim_mount_hash_check(why, len);
	if (!err)
		err = sim_dcache_check(why, len);
	if (!err) {
		buf[0] = '\0';
		err = for_each_task(check_task_files, &bufp);
		if (err && why && len)
			snprintf(why, len, "%s", buf);
	}
	if (!err)
		err = check_fd_refs(why, len);
	if (!err)
		err = check_unnamed_devs(why, len);
	return err;
}

/*
 * sim: shutdown of the VFS, once every other mount is gone (shm_mnt by
 * sim_exit_shmem_fs()). Drops proc_mnt and root_vfsmnt, so every
 * superblock dies through __mntput -> kill_super as in an unmount, gives
 * back the reserved devices, frees free_list and destroys the caches that
 * are empty. Returns sim_vfs_leaks(out): what is left.
 */
int sim_vfs_exit(FILE *out)
{
	int leaks;

	sim_trace_comment("vfs: shutdown: proc and rootfs mounts dropped "
			  "(sim)");
	sim_proc_root_exit();
	sim_mnt_exit();
	sim_unreserve_unnamed_devs();
	sim_file_table_release();
	sim_inode_exit();
	sim_dcache_exit();
	leaks = sim_vfs_leaks(out);
	/* reported; the next boot starts clean */
	sim_busy_inodes_after_unmount = 0;
	return leaks;
}

/*
 * sim: print one line per VFS object still alive (to out, unless out is
 * NULL) and return how many there are: superblocks, vfsmounts, dentries,
 * inodes, files, unnamed devices, registered types. Meant for after the
 * teardown (sim_vfs_exit calls it); before, it lists the live machine.
 * Dentries, inodes, files and vfsmounts are counted from their caches, so
 * a cache the caller reports again counts twice.
 */
/* sim_vfs_leaks' objects: super_blocks, mounts, dentries, inodes, files */
static unsigned long vfs_object_leaks(FILE *out)
{
	struct list_head *p;
	unsigned long leaks = 0, n;
	int i;

	list_for_each(p, &super_blocks) {
		struct super_block *sb = list_entry(p, struct super_block,
						    s_list);

		fprintf(out, "VFS: super_block#%u \"%s\" %02x:%02x still on "
			"super_blocks (s_count %d, s_active %d)\n",
			sim_id(sb), sb->s_type ? sb->s_type->name : "",
			MAJOR(sb->s_dev), MINOR(sb->s_dev), sb->s_count,
			sb->s_active);
		leaks++;
	}
	for (i = 0; i < SIM_MAX_MOUNTS; i++) {
		struct vfsmount *mnt = sim_mounts[i];

		if (mnt)
			fprintf(out, "VFS: vfsmount#%u \"%s\" still "
				"allocated (mnt_count %d)\n",
				sim_id(mnt), mnt->mnt_devname ?
				mnt->mnt_devname : "", mnt->mnt_count);
	}
	leaks += sim_cache_live("mnt_cache");
	n = sim_cache_live("dentry_cache");
	if (n)
		fprintf(out, "VFS: %lu dentries still allocated "
			"(nr_dentry %d)\n",
			n, dentry_stat.nr_dentry);
	leaks += n;
	list_for_each(p, &inode_in_use) {
		struct inode *inode = list_entry(p, struct inode, i_list);

		fprintf(out, "VFS: inode#%u (ino %lu) still in use "
			"(i_count %d, i_nlink %u)\n",
			sim_id(inode), inode->i_ino, inode->i_count,
			inode->i_nlink);
	}
	n = sim_cache_live("inode_cache");
	if (n)
		fprintf(out, "VFS: %lu inodes still allocated "
			"(nr_inodes %d, nr_unused %d)\n",
			n, inodes_stat.nr_inodes, inodes_stat.nr_unused);
	leaks += n;
	list_for_each(p, &anon_list) {
		struct file *f = list_entry(p, struct file, f_list);

		fprintf(out, "VFS: file#%u still in use (f_count %d)\n",
			sim_id(f), f->f_count);
	}
	return leaks + sim_cache_live("filp");
}

int sim_vfs_leaks(FILE *out)
{
	struct file_system_type *fs;
	FILE *devnull = NULL;
	unsigned int minor;
	int leaks = 0, i;

	if (!out)
		out = devnull = fopen("/dev/null", "w");
	if (!out)
		return -1;
	for (i = 0; i < sim_busy_inodes_after_unmount; i++)
		fprintf(out, "VFS: Busy inodes after unmount. "
			"Self-destruct in 5 seconds.  Have a nice day...\n");
	leaks += (int)vfs_object_leaks(out);
	for (minor = 1; minor < 256; minor++) {
		if (!sim_unnamed_dev_in_use(minor))
			continue;
		fprintf(out, "VFS: unnamed device 00:%02x still in use\n",
			minor);
		leaks++;
	}
	for (fs = file_systems; fs; fs = fs->next) {
		fprintf(out, "VFS: filesystem \"%s\" still registered\n",
			fs->name);
		leaks++;
	}
	if (devnull)
		fclose(devnull);
	return leaks;
}
