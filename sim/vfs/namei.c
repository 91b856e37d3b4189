// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/namei.c - path names: from a string to a dentry and a vfsmount.
 * Models fs/namei.c (2.4.16), in its order: do_getname, getname (with
 *   putname, a macro of fs.h, after it), vfs_permission, permission,
 *   path_release, cached_lookup, real_lookup, __follow_down, follow_down,
 *   follow_dotdot, link_path_walk, path_walk, walk_init_root, path_init,
 *   lookup_hash, may_create, lookup_flags, open_namei, lookup_create,
 *   vfs_mkdir, sys_mkdir.
 * Left out: symbolic links (no filesystem here has one: do_follow_link and
 *   every follow_link branch), the altroot of emulated personalities
 *   (__emul_lookup_dentry), __follow_up (nothing here walks upwards but
 *   follow_dotdot), d_op->d_hash and d_revalidate (no filesystem sets
 *   d_op), the i_sem/i_zombie semaphores and the BKL (one thread), quotas
 *   and dnotify, open_namei's O_CREAT and O_TRUNC halves (the only open
 *   here is `ls`'s O_RDONLY|O_DIRECTORY), mknod, rmdir, unlink, link,
 *   symlink and rename.
 * Called by: sys_mkdir (the `mkdir` call), do_mount and sys_umount
 *   (path_init, path_walk, path_release), filp_open (open_namei).
 *
 * A walk, for "/mnt/shm" (typical sequence):
 *   path_init: nd = current->fs->root with a reference on each (dget,
 *     mntget)
 *   link_path_walk, per component: permission(dir, MAY_EXEC);
 *     cached_lookup (d_lookup: the hashed child, +1) or real_lookup
 *     (d_alloc a child, dir->i_op->lookup: d_add it, negative, hashed);
 *     while d_mountpoint: __follow_down -> lookup_mnt: step onto the
 *     mounted vfsmount (mntget) and its mnt_root (dget), dropping the
 *     mountpoint and its vfsmount; then dput the old nd->dentry
 *   ... the caller uses nd.dentry and nd.mnt, then path_release (dput,
 *     mntput): every get of the walk has its put.
 */
#include <string.h>

#include "linux/kernel.h"
#include "linux/fcntl.h"
#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

/*
 * Copy a user's path into page (PATH_MAX + 1 bytes): -ENOENT when empty
 * (POSIX), -ENAMETOOLONG when no NUL comes within PATH_MAX + 1 bytes.
 * sim: the "user" string is the caller's host string; NULL stands for an
 * address that faults.
 */
static inline int do_getname(const char *filename, char *page)
{
	size_t len = PATH_MAX + 1, retval;

	if (!filename)
		return -EFAULT;
	/* strncpy_from_user: the length, or len when there is no NUL */
	retval = strnlen(filename, len);
	memcpy(page, filename, retval < len ? retval + 1 : len);
	if (retval > 0) {
		if (retval < len)
			return 0;
		return -ENAMETOOLONG;
	}
	return -ENOENT;
}

/* A kernel copy of a user's path name from names_cache; putname frees it. */
char *getname(const char *filename)
{
	char *tmp, *result;

	result = ERR_PTR(-ENOMEM);
	tmp = kmem_cache_alloc(names_cachep, GFP_KERNEL);	/* __getname */
	if (tmp) {
		int retval = do_getname(filename, tmp);

		result = tmp;
		if (retval < 0) {
			kmem_cache_free(names_cachep, tmp);
			result = ERR_PTR(retval);
		}
	}
	return result;
}

/* include/linux/fs.h's putname() */
void putname(const char *name)
{
	kmem_cache_free(names_cachep, (void *)name);
}

/*
 * May current (by fsuid/fsgid) access inode for mask (MAY_READ, MAY_WRITE,
 * MAY_EXEC)? 0, -EROFS on a read-only mount, or -EACCES. Root passes
 * except for executing what nobody may execute.
 */
static int vfs_permission(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	if (mask & MAY_WRITE) {
		/* a read-only mount refuses every write, root's too */
		if (IS_RDONLY(inode) &&
		    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
			return -EROFS;
		/* sim: no i_flags, so no immutable files (IS_IMMUTABLE) */
	}

	if (current->fsuid == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;

	/* the owner, group or other bits allow it */
	if ((mode & mask & (MAY_READ | MAY_WRITE | MAY_EXEC)) == (unsigned)mask)
		return 0;

	/* read and write are overridable; exec if any exec bit is set */
	if ((mask & (MAY_READ | MAY_WRITE)) || (inode->i_mode & S_IXUGO))
		if (capable(CAP_DAC_OVERRIDE))
			return 0;

	/* searching a directory, or reading, with CAP_DAC_READ_SEARCH */
	if (mask == MAY_READ ||
	    (S_ISDIR(inode->i_mode) && !(mask & MAY_WRITE)))
		if (capable(CAP_DAC_READ_SEARCH))
			return 0;

	return -EACCES;
}

/* sim: no filesystem here has its own i_op->permission */
int permission(struct inode *inode, int mask)
{
	TRACE_ENTER("inode#%u, %d", sim_id(inode), mask);
	return TRACE_RET(vfs_permission(inode, mask));
}

/* Give back what a walk took: the dentry and the vfsmount in nd. */
void path_release(struct nameidata *nd)
{
	TRACE_ENTER("dentry#%u, vfsmount#%u", sim_id(nd->dentry),
		    sim_id(nd->mnt));
	dput(nd->dentry);
	mntput(nd->mnt);
	TRACE_EXIT();
}

/* The hashed child of parent called name (+1), or NULL. sim: no d_op. */
static struct dentry *cached_lookup(struct dentry *parent, struct qstr *name,
				    int flags)
{
	struct dentry *dentry;

	(void)flags;
	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(parent), (int)name->len,
		    (const char *)name->name);
	dentry = d_lookup(parent, name);
	return TRACE_RET_DENTRY(dentry);
}

/*
 * Not in the dcache: ask the filesystem. A new child dentry goes to
 * dir->i_op->lookup, which d_adds it (negative if there is no such name)
 * or returns another dentry to use instead. Returns it with one
 * reference, or ERR_PTR(-ENOMEM).
 */
static struct dentry *real_lookup(struct dentry *parent, struct qstr *name,
				  int flags)
{
	struct dentry *result;
	struct inode *dir = parent->d_inode;

	(void)flags;
	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(parent), (int)name->len,
		    (const char *)name->name);
	/* sim: down(&dir->i_sem) omitted; nobody can race the lookup */
	result = d_lookup(parent, name);
	if (!result) {
		struct dentry *dentry = d_alloc(parent, name);

		result = ERR_PTR(-ENOMEM);
		if (dentry) {
			result = dir->i_op->lookup(dir, dentry);
			if (result)
				dput(dentry);
			else
				result = dentry;
		}
		return TRACE_RET_DENTRY(result);
	}
	/* sim: no d_revalidate for a dentry that appeared meanwhile */
	return TRACE_RET_DENTRY(result);
}

/*
 * If a vfsmount is mounted on (*mnt, *dentry), step onto its root: the
 * references move from the mountpoint to the mounted tree. 1 if it did.
 */
static inline int __follow_down(struct vfsmount **mnt, struct dentry **dentry)
{
	struct vfsmount *mounted;

	TRACE_ENTER("vfsmount#%u, dentry#%u", sim_id(*mnt), sim_id(*dentry));
	mounted = lookup_mnt(*mnt, *dentry);
	if (mounted) {
		*mnt = mntget(mounted);
		dput(*dentry);
		mntput(mounted->mnt_parent);
		*dentry = dget(mounted->mnt_root);
		return TRACE_RET_INT(1);
	}
	return TRACE_RET_INT(0);
}

int follow_down(struct vfsmount **mnt, struct dentry **dentry)
{
	return __follow_down(mnt, dentry);
}

/*
 * "..": stay at the task's root; at the root of a mount, climb to the
 * mountpoint in the parent mount first (and again, for a stack of mounts),
 * then to d_parent. A kernel mount (its own parent) stops the climb.
 */
static inline void follow_dotdot(struct nameidata *nd)
{
	TRACE_ENTER("dentry#%u, vfsmount#%u", sim_id(nd->dentry),
		    sim_id(nd->mnt));
	for (;;) {
		struct vfsmount *parent;
		struct dentry *dentry;

		if (nd->dentry == current->fs->root &&
		    nd->mnt == current->fs->rootmnt)
			break;
		if (nd->dentry != nd->mnt->mnt_root) {
			dentry = dget(nd->dentry->d_parent);
			dput(nd->dentry);
			nd->dentry = dentry;
			break;
		}
		parent = nd->mnt->mnt_parent;
		if (parent == nd->mnt)
			break;
		mntget(parent);
		dentry = dget(nd->mnt->mnt_mountpoint);
		dput(nd->dentry);
		nd->dentry = dentry;
		mntput(nd->mnt);
		nd->mnt = parent;
	}
	TRACE_EXIT_FMT("dentry#%u, vfsmount#%u", sim_id(nd->dentry),
		       sim_id(nd->mnt));
}

/*
 * Look name up under nd->dentry: the dcache first, then the filesystem;
 * then down through whatever is mounted on the result. Returns the dentry
 * (+1) with nd->mnt moved onto the mount it is in, or ERR_PTR.
 * sim: the lookup-and-follow-mounts steps that link_path_walk writes out
 * twice (for a middle and for the last component), said once.
 */
static struct dentry *walk_one(struct nameidata *nd, struct qstr *this,
			       int flags)
{
	struct dentry *dentry;

	/* sim: no d_op->d_hash */
	dentry = cached_lookup(nd->dentry, this, flags);
	if (!dentry) {
		dentry = real_lookup(nd->dentry, this, flags);
		if (IS_ERR(dentry))
			return dentry;
	}
	/* Check mountpoints.. */
	while (d_mountpoint(dentry) && __follow_down(&nd->mnt, &dentry))
		;
	return dentry;
}

/*
 * The last component of a walk: "." and ".." as such, LOOKUP_PARENT
 * stops before it (nd->last), otherwise look it up. 0, or -errno with
 * nd still holding its references (link_path_walk releases them).
 * sim: link_path_walk's last_component block, split out for length.
 */
static int walk_last(struct nameidata *nd, struct qstr *this,
		     unsigned int lookup_flags)
{
	struct dentry *dentry;
	struct inode *inode;

	if (lookup_flags & LOOKUP_PARENT)
		goto lookup_parent;
	if (this->name[0] == '.') {
		if (this->len == 1)
			return 0;
		if (this->len == 2 && this->name[1] == '.') {
			follow_dotdot(nd);
			return 0;
		}
	}
	dentry = walk_one(nd, this, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	inode = dentry->d_inode;
	/* sim: no symlinks, so LOOKUP_FOLLOW has nothing to follow */
	dput(nd->dentry);
	nd->dentry = dentry;
	if (!inode) {
		if (lookup_flags & (LOOKUP_POSITIVE | LOOKUP_DIRECTORY))
			return -ENOENT;
		return 0;
	}
	if (lookup_flags & LOOKUP_DIRECTORY) {
		if (!inode->i_op || !inode->i_op->lookup)
			return -ENOTDIR;
	}
	return 0;

lookup_parent:
	nd->last = *this;
	nd->last_type = LAST_NORM;
	if (this->name[0] != '.')
		return 0;
	if (this->len == 1)
		nd->last_type = LAST_DOT;
	else if (this->len == 2 && this->name[1] == '.')
		nd->last_type = LAST_DOTDOT;
	return 0;
}

/*
 * Resolve name from nd (a positive directory, held). On success nd holds
 * the result (or, with LOOKUP_PARENT, its parent and nd->last); on failure
 * nd's references are dropped and -ENOENT, -ENOTDIR, -EACCES or -ENOMEM
 * is returned.
 */
int link_path_walk(const char *name, struct nameidata *nd)
{
	struct dentry *dentry;
	struct inode *inode;
	int err;
	unsigned int lookup_flags = nd->flags;

	TRACE_ENTER("\"%s\", dentry#%u", name, sim_id(nd->dentry));
	while (*name == '/')
		name++;
	if (!*name)
		return TRACE_RET(0);

	inode = nd->dentry->d_inode;
	/* sim: no symlinks, so current->link_count is always 0 */
	for (;;) {
		unsigned long hash;
		struct qstr this;
		unsigned int c;

		err = permission(inode, MAY_EXEC);
		if (err)
			break;

		this.name = (const unsigned char *)name;
		c = *(const unsigned char *)name;
		hash = init_name_hash();
		do {
			name++;
			hash = partial_name_hash(c, hash);
			c = *(const unsigned char *)name;
		} while (c && (c != '/'));
		this.len = name - (const char *)this.name;
		this.hash = end_name_hash(hash);

		/* remove trailing slashes? */
		if (!c)
			goto last_component;
		while (*++name == '/')
			;
		if (!*name)
			goto last_with_slashes;

		/* "." stays, ".." climbs (it knows the root and the mounts) */
		if (this.name[0] == '.' && this.len <= 2) {
			if (this.len == 1)
				continue;
			if (this.name[1] == '.') {
				follow_dotdot(nd);
				inode = nd->dentry->d_inode;
				continue;
			}
		}
		dentry = walk_one(nd, &this, LOOKUP_CONTINUE);
		err = PTR_ERR(dentry);
		if (IS_ERR(dentry))
			break;

		err = -ENOENT;
		inode = dentry->d_inode;
		if (!inode)
			goto out_dput;
		err = -ENOTDIR;
		if (!inode->i_op)
			goto out_dput;
		/* sim: no follow_link to take */
		dput(nd->dentry);
		nd->dentry = dentry;
		err = -ENOTDIR;
		if (!inode->i_op->lookup)
			break;
		continue;

last_with_slashes:
		lookup_flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
last_component:
		err = walk_last(nd, &this, lookup_flags);
		if (err)
			break;
		return TRACE_RET(0);
out_dput:
		dput(dentry);
		break;
	}
	path_release(nd);
	return TRACE_RET(err);
}

int path_walk(const char *name, struct nameidata *nd)
{
	/* sim: current->total_link_count = 0 omitted: no symlinks */
	return link_path_walk(name, nd);
}

/* An absolute walk starts at the task's root (sim: no altroot). */
static inline int walk_init_root(const char *name, struct nameidata *nd)
{
	(void)name;
	nd->mnt = mntget(current->fs->rootmnt);
	nd->dentry = dget(current->fs->root);
	return 1;
}

/*
 * Where a walk of name starts: the root for "/...", else the working
 * directory, each with a reference. 1 means "now call path_walk".
 */
int path_init(const char *name, unsigned int flags, struct nameidata *nd)
{
	TRACE_ENTER("\"%s\", %#x", name, flags);
	nd->last_type = LAST_ROOT;	/* if there are only slashes... */
	nd->flags = flags;
	if (*name == '/')
		return TRACE_RET_INT(walk_init_root(name, nd));
	nd->mnt = mntget(current->fs->pwdmnt);
	nd->dentry = dget(current->fs->pwd);
	return TRACE_RET_INT(1);
}

/*
 * One component under base, without following mounts: the dcache, else
 * a new child for base's ->lookup. The dentry (+1) or ERR_PTR.
 */
struct dentry *lookup_hash(struct qstr *name, struct dentry *base)
{
	struct dentry *dentry;
	struct inode *inode;
	int err;

	TRACE_ENTER("\"%.*s\", dentry#%u", (int)name->len,
		    (const char *)name->name, sim_id(base));
	inode = base->d_inode;
	err = permission(inode, MAY_EXEC);
	dentry = ERR_PTR(err);
	if (err)
		goto out;
	/* sim: no d_op->d_hash */
	dentry = cached_lookup(base, name, 0);
	if (!dentry) {
		struct dentry *new = d_alloc(base, name);

		dentry = ERR_PTR(-ENOMEM);
		if (!new)
			goto out;
		dentry = inode->i_op->lookup(inode, new);
		if (!dentry)
			dentry = new;
		else
			dput(new);
	}
out:
	return TRACE_RET_DENTRY(dentry);
}

/* May current create child in dir? */
static inline int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return permission(dir, MAY_WRITE | MAY_EXEC);
}

/* open's flags as a walk's: O_DIRECTORY forces a directory lookup */
static inline int lookup_flags(unsigned int f)
{
	unsigned long retval = LOOKUP_FOLLOW;

	if (f & O_NOFOLLOW)
		retval &= ~LOOKUP_FOLLOW;
	if ((f & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		retval &= ~LOOKUP_FOLLOW;
	if (f & O_DIRECTORY)
		retval |= LOOKUP_DIRECTORY;
	return retval;
}

/* the access an open needs, from open's O_ACCMODE bits */
#define ACC_MODE(x)	("\000\004\002\006"[(x) & O_ACCMODE])

/*
 * The walk of an open: nd gets the file's dentry and vfsmount (held) on
 * success. flag's low bits are the access needed (filp_open's namei_flags:
 * 01 read, 10 write). -ENOENT, -ENOTDIR, -EISDIR, -EACCES, -EROFS.
 */
int open_namei(const char *pathname, int flag, int mode, struct nameidata *nd)
{
	int acc_mode, error = 0;
	struct inode *inode;
	struct dentry *dentry;

	(void)mode;
	TRACE_ENTER("\"%s\", %#o", pathname, flag);
	acc_mode = ACC_MODE(flag);

	/* The simplest case - just a plain lookup. */
	if (!(flag & O_CREAT)) {
		if (path_init(pathname, lookup_flags(flag), nd))
			error = path_walk(pathname, nd);
		if (error)
			return TRACE_RET(error);
		dentry = nd->dentry;
		goto ok;
	}
	/* sim: creating (O_CREAT) is left out; nothing here asks for it */
	return TRACE_RET(-EOPNOTSUPP);
ok:
	error = -ENOENT;
	inode = dentry->d_inode;
	if (!inode)
		goto exit;
	error = -ELOOP;
	if (S_ISLNK(inode->i_mode))
		goto exit;
	error = -EISDIR;
	if (S_ISDIR(inode->i_mode) && (flag & FMODE_WRITE))
		goto exit;
	error = permission(inode, acc_mode);
	if (error)
		goto exit;
	/* sim: no FIFOs, sockets or device files in any filesystem here */
	error = -EROFS;
	if (IS_RDONLY(inode) && (flag & 2))
		goto exit;
	/* sim: no append-only files, leases, or O_TRUNC (do_truncate) */
	return TRACE_RET(0);

exit:
	path_release(nd);
	return TRACE_RET(error);
}

/*
 * The dentry a mkdir makes, under nd (the parent, from a LOOKUP_PARENT
 * walk): negative if the name is free. -EEXIST for "/", "." and "..".
 */
static struct dentry *lookup_create(struct nameidata *nd, int is_dir)
{
	struct dentry *dentry;

	TRACE_ENTER("\"%.*s\", %d", (int)nd->last.len,
		    nd->last.name ? (const char *)nd->last.name : "",
		    is_dir);
	/* sim: down(&nd->dentry->d_inode->i_sem) omitted */
	dentry = ERR_PTR(-EEXIST);
	if (nd->last_type != LAST_NORM)
		goto fail;
	dentry = lookup_hash(&nd->last, nd->dentry);
	if (IS_ERR(dentry))
		goto fail;
	if (!is_dir && nd->last.name[nd->last.len] && !dentry->d_inode)
		goto enoent;
	return TRACE_RET_DENTRY(dentry);
enoent:
	dput(dentry);
	dentry = ERR_PTR(-ENOENT);
fail:
	return TRACE_RET_DENTRY(dentry);
}

/*
 * Make directory dentry (negative) in dir through dir->i_op->mkdir:
 * -EEXIST, -EACCES, -EROFS (may_create), -EPERM when dir's filesystem
 * has no mkdir (rootfs).
 */
int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int error;

	TRACE_ENTER("inode#%u, dentry#%u, %#o", sim_id(dir), sim_id(dentry),
		    mode);
	/* sim: down(&dir->i_zombie) omitted */
	error = may_create(dir, dentry);
	if (error)
		goto exit_lock;

	error = -EPERM;
	if (!dir->i_op || !dir->i_op->mkdir)
		goto exit_lock;

	/* sim: DQUOT_INIT omitted: no quotas */
	mode &= (S_IRWXUGO | S_ISVTX);
	error = dir->i_op->mkdir(dir, dentry, mode);

exit_lock:
	/* sim: no dnotify (inode_dir_notify) */
	return TRACE_RET(error);
}

/* mkdir(2): 0 or -errno (-EEXIST, -ENOENT, -ENOTDIR, -EPERM, ...). */
long sys_mkdir(const char *pathname, int mode)
{
	int error = 0;
	char *tmp;

	TRACE_ENTER("\"%s\", %#o", pathname ? pathname : "(null)", mode);
	tmp = getname(pathname);
	error = PTR_ERR(tmp);
	if (!IS_ERR(tmp)) {
		struct dentry *dentry;
		struct nameidata nd;

		if (path_init(tmp, LOOKUP_PARENT, &nd))
			error = path_walk(tmp, &nd);
		if (error)
			goto out;
		dentry = lookup_create(&nd, 1);
		error = PTR_ERR(dentry);
		if (!IS_ERR(dentry)) {
			error = vfs_mkdir(nd.dentry->d_inode, dentry,
					  mode & ~current->fs->umask);
			dput(dentry);
		}
		/* sim: up(&nd.dentry->d_inode->i_sem) omitted */
		path_release(&nd);
out:
		putname(tmp);
	}
	return TRACE_RET(error);
}
