// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/namei.c - path names: from a string to a (vfsmount, dentry).
 * Models fs/namei.c (2.6.32), in its order: do_getname, getname,
 *   acl_permission_check, generic_permission, inode_permission,
 *   path_get, path_put, exec_permission_lite, real_lookup, set_root,
 *   link_path_walk, path_put_conditional, path_to_nameidata,
 *   __follow_mount, follow_mount, follow_down, follow_dotdot, do_lookup,
 *   __link_path_walk, path_walk, path_init, do_path_lookup, path_lookup,
 *   kern_path, path_lookup_open, __lookup_hash (cached_lookup folded in),
 *   lookup_hash, user_path_at, user_path_parent, may_create, lookup_flags,
 *   may_open, release_open_intent (include/linux/namei.h's caller),
 *   open_to_namei_flags, do_filp_open, lookup_create, vfs_mkdir,
 *   sys_mkdirat, sys_mkdir; putname (include/linux/fs.h's __putname).
 * Left out: symlinks (do_follow_link and the rest: nothing here makes
 *   one), ->d_revalidate and ->d_hash (no file system here has them), the
 *   LOOKUP_REVAL retry (-ESTALE is NFS's), O_CREAT and O_TRUNC in
 *   do_filp_open (the model's one opener, `ls`, opens a directory),
 *   every other *at call, rename, link, unlink, rmdir, mknod, audit, LSM
 *   hooks, i_mutex (one thread), POSIX ACLs.
 * Called by: sys_open (do_filp_open), do_mount and sys_umount (kern_path,
 *   user_path_at), the runner (sys_mkdir), set_fs_root/pwd and d_path
 *   (path_get, path_put).
 *
 * A walk: path_init takes a reference on the start (root or cwd) in
 * nd->path; each component is looked up in the dcache (__d_lookup) or
 * by the file system (real_lookup: d_alloc, i_op->lookup), crosses any
 * mount on it (__follow_mount: lookup_mnt), and path_to_nameidata hands
 * the new reference to nd->path, dropping the old. ".." climbs
 * (follow_dotdot), never above the task's root. The caller ends with one
 * reference on nd->path, which it path_puts.
 */
#include <string.h>

#include "linux/fs.h"
#include "linux/fs_struct.h"
#include "linux/fcntl.h"
#include "linux/mount.h"
#include "linux/namei.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "sim/trace.h"

/*
 * Copy a name in: -ENAMETOOLONG if it fills the whole PATH_MAX buffer,
 * -ENOENT if empty. (sim: the runner's strings are the "user" memory.)
 */
static int do_getname(const char *filename, char *page)
{
	size_t len = PATH_MAX;
	size_t retval;

	retval = strnlen(filename, len);	/* strncpy_from_user */
	memcpy(page, filename, retval < len ? retval + 1 : len);
	if (retval > 0) {
		if (retval < len)
			return 0;
		return -ENAMETOOLONG;
	}
	return -ENOENT;
}

char *getname(const char *filename)
{
	char *tmp, *result;

	TRACE_ENTER("\"%.40s%s\"", filename, strlen(filename) > 40 ?
		    "..." : "");
	result = ERR_PTR(-ENOMEM);
	tmp = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	if (tmp) {
		int retval = do_getname(filename, tmp);

		result = tmp;
		if (retval < 0) {
			kmem_cache_free(names_cachep, tmp);
			result = ERR_PTR(retval);
		}
	}
	TRACE_EXIT_FMT("%s", IS_ERR(result) ? sim_errno_name(
		       (int)-PTR_ERR(result)) : "name");
	return result;
}

/* __putname: the buffer back to names_cachep */
void putname(const char *name)
{
	kmem_cache_free(names_cachep, (void *)name);
}

/* the mode bits that apply to the caller: owner, group or other */
static int acl_permission_check(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))	/* sim: no POSIX ACLs */
		mode >>= 3;
	if ((mask & ~mode) == 0)
		return 0;
	return -EACCES;
}

/* the mode bits, then the capabilities that override them */
static int generic_permission(struct inode *inode, int mask)
{
	int ret;

	ret = acl_permission_check(inode, mask);
	if (ret != -EACCES)
		return ret;
	if (!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO) ||
	    S_ISDIR(inode->i_mode))		/* execute_ok */
		if (capable(CAP_DAC_OVERRIDE))
			return 0;
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ || (S_ISDIR(inode->i_mode) && !(mask & MAY_WRITE)))
		if (capable(CAP_DAC_READ_SEARCH))
			return 0;
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	int retval;

	TRACE_ENTER("inode#%u, mask %#x", sim_id(inode), (unsigned)mask);
	if (mask & MAY_WRITE) {
		umode_t mode = inode->i_mode;

		if (IS_RDONLY(inode) &&
		    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
			return TRACE_RET(-EROFS);
		/* sim: no immutable files */
	}
	if (inode->i_op && inode->i_op->permission)
		retval = inode->i_op->permission(inode, mask);
	else
		retval = generic_permission(inode, mask);
	/* sim: no device cgroup, no security_inode_permission */
	return TRACE_RET(retval);
}

/* one reference on each half: mntget and dget */
void path_get(struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/* drop them, dentry first, as the kernel does */
void path_put(struct path *path)
{
	TRACE_ENTER("dentry#%u, vfsmount#%u",
		    path->dentry ? sim_id(path->dentry) : 0,
		    path->mnt ? sim_id(path->mnt) : 0);
	dput(path->dentry);
	mntput(path->mnt);
	TRACE_EXIT();
}

/* the walk's search permission on each directory */
static int exec_permission_lite(struct inode *inode)
{
	int ret;

	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, MAY_EXEC);
	ret = acl_permission_check(inode, MAY_EXEC);
	if (!ret)
		return 0;
	if (capable(CAP_DAC_OVERRIDE) || capable(CAP_DAC_READ_SEARCH))
		return 0;
	return ret;
}

/*
 * Not in the dcache: ask the file system. A new dentry (d_alloc: the
 * parent's d_count +1) goes to ->lookup, which hashes it, positive or
 * negative (simple_lookup: d_add). The result has a reference.
 */
static struct dentry *real_lookup(struct dentry *parent, struct qstr *name,
				  struct nameidata *nd)
{
	struct dentry *result;
	struct inode *dir = parent->d_inode;

	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(parent), (int)name->len,
		    name->name);
	/* sim: no i_mutex, so nobody can have added it meanwhile; the
	 * kernel's second d_lookup finds nothing here */
	result = d_lookup(parent, name);
	if (!result) {
		struct dentry *dentry;

		result = ERR_PTR(-ENOENT);
		if (IS_DEADDIR(dir))
			goto out;

		dentry = d_alloc(parent, name);
		result = ERR_PTR(-ENOMEM);
		if (dentry) {
			result = dir->i_op->lookup(dir, dentry, nd);
			if (result)
				dput(dentry);
			else
				result = dentry;
		}
	}
out:
	return TRACE_RET_DENTRY(result);
}

static void set_root(struct nameidata *nd)
{
	if (!nd->root.mnt) {
		struct fs_struct *fs = current->fs;

		nd->root = fs->root;
		path_get(&nd->root);
	}
}

static int __link_path_walk(const char *name, struct nameidata *nd);

/* (simplified: no -ESTALE retry) the saved start pinned for it */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	struct path save = nd->path;
	int result;

	TRACE_ENTER("\"%s\"", name);
	path_get(&save);
	result = __link_path_walk(name, nd);
	path_put(&save);
	return TRACE_RET(result);
}

static void path_put_conditional(struct path *path, struct nameidata *nd)
{
	dput(path->dentry);
	if (path->mnt != nd->path.mnt)
		mntput(path->mnt);
}

/* nd moves to path: its references pass over, nd's old ones go */
static void path_to_nameidata(struct path *path, struct nameidata *nd)
{
	dput(nd->path.dentry);
	if (nd->path.mnt != path->mnt)
		mntput(nd->path.mnt);
	nd->path.mnt = path->mnt;
	nd->path.dentry = path->dentry;
}

/*
 * While something is mounted on path, step onto the mounted root
 * (lookup_mnt's mntget, a dget of mnt_root). The first step keeps
 * path->mnt's reference for the caller (do_lookup's was not its own):
 * 1 if it moved.
 */
static int __follow_mount(struct path *path)
{
	int res = 0;

	TRACE_ENTER("dentry#%u, d_mounted %d", sim_id(path->dentry),
		    path->dentry->d_mounted);
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mounted = lookup_mnt(path);

		if (!mounted)
			break;
		dput(path->dentry);
		if (res)
			mntput(path->mnt);
		path->mnt = mounted;
		path->dentry = dget(mounted->mnt_root);
		sim_note("namei", "crossed onto vfsmount#%u, root dentry#%u",
			 sim_id(mounted), sim_id(path->dentry));
		res = 1;
	}
	return TRACE_RET(res);
}

/* the same, for a path whose references are all the caller's */
static void follow_mount(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mounted = lookup_mnt(path);

		if (!mounted)
			break;
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = mounted;
		path->dentry = dget(mounted->mnt_root);
	}
}

/* one step down onto what is mounted on path; 1 if there was one */
int follow_down(struct path *path)
{
	struct vfsmount *mounted;

	TRACE_ENTER("dentry#%u", sim_id(path->dentry));
	mounted = lookup_mnt(path);
	if (mounted) {
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = mounted;
		path->dentry = dget(mounted->mnt_root);
		return TRACE_RET(1);
	}
	return TRACE_RET(0);
}

/*
 * "..": the parent dentry, or, at a mount's root, the mountpoint in
 * the parent mount, and again. Never above the task's root, nor above
 * a mount that is its own parent (the namespace's root).
 */
static void follow_dotdot(struct nameidata *nd)
{
	TRACE_ENTER("dentry#%u", sim_id(nd->path.dentry));
	set_root(nd);

	for (;;) {
		struct vfsmount *parent;
		struct dentry *old = nd->path.dentry;

		if (nd->path.dentry == nd->root.dentry &&
		    nd->path.mnt == nd->root.mnt)
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			nd->path.dentry = dget(nd->path.dentry->d_parent);
			dput(old);
			break;
		}
		parent = nd->path.mnt->mnt_parent;
		if (parent == nd->path.mnt)
			break;
		mntget(parent);
		nd->path.dentry = dget(nd->path.mnt->mnt_mountpoint);
		dput(old);
		mntput(nd->path.mnt);
		nd->path.mnt = parent;
	}
	follow_mount(&nd->path);
	TRACE_EXIT_FMT("dentry#%u", sim_id(nd->path.dentry));
}

/*
 * One component under nd->path: from the dcache, or real_lookup. path
 * gets a dentry reference and nd's mount (no reference of its own,
 * unless __follow_mount moved it).
 */
static int do_lookup(struct nameidata *nd, struct qstr *name,
		     struct path *path)
{
	struct vfsmount *mnt = nd->path.mnt;
	struct dentry *dentry;

	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(nd->path.dentry),
		    (int)name->len, name->name);
	dentry = __d_lookup(nd->path.dentry, name);
	if (!dentry)
		goto need_lookup;
	/* sim: no ->d_revalidate on any dentry here */
done:
	path->mnt = mnt;
	path->dentry = dentry;
	__follow_mount(path);
	return TRACE_RET(0);

need_lookup:
	dentry = real_lookup(nd->path.dentry, name, nd);
	if (IS_ERR(dentry))
		goto fail;
	goto done;

fail:
	return TRACE_RET(PTR_ERR(dentry));
}

/*
 * The walk proper, from nd->path (a directory, referenced) along name.
 * 0: nd->path is the result (or, for LOOKUP_PARENT, its parent, with
 * nd->last the last component); an error drops nd->path. As long as the
 * kernel's (simplified: no symlinks, no ->d_hash, no FS_REVAL_DOT).
 */
static int __link_path_walk(const char *name, struct nameidata *nd)
{
	struct path next;
	struct inode *inode;
	int err;
	unsigned int lookup_flags = nd->flags;

	while (*name == '/')
		name++;
	if (!*name)
		goto return_base;

	inode = nd->path.dentry->d_inode;

	for (;;) {
		unsigned long hash;
		struct qstr this;
		unsigned int c;

		nd->flags |= LOOKUP_CONTINUE;
		err = exec_permission_lite(inode);
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
		this.len = (unsigned int)(name - (const char *)this.name);
		this.hash = end_name_hash(hash);

		if (!c)
			goto last_component;
		while (*++name == '/')
			;
		if (!*name)
			goto last_with_slashes;

		if (this.name[0] == '.' && this.len <= 2 &&
		    (this.len == 1 || this.name[1] == '.')) {
			if (this.len == 2) {
				follow_dotdot(nd);
				inode = nd->path.dentry->d_inode;
			}
			continue;
		}
		err = do_lookup(nd, &this, &next);
		if (err)
			break;

		err = -ENOENT;
		inode = next.dentry->d_inode;
		if (!inode)
			goto out_dput;
		path_to_nameidata(&next, nd);
		err = -ENOTDIR;
		if (!inode->i_op || !inode->i_op->lookup)
			break;
		continue;

last_with_slashes:
		lookup_flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
last_component:
		nd->flags &= lookup_flags | ~LOOKUP_CONTINUE;
		if (lookup_flags & LOOKUP_PARENT)
			goto lookup_parent;
		if (this.name[0] == '.' && this.len <= 2 &&
		    (this.len == 1 || this.name[1] == '.')) {
			if (this.len == 2)
				follow_dotdot(nd);
			goto return_base;
		}
		err = do_lookup(nd, &this, &next);
		if (err)
			break;
		inode = next.dentry->d_inode;
		path_to_nameidata(&next, nd);
		err = -ENOENT;
		if (!inode)
			break;
		if (lookup_flags & LOOKUP_DIRECTORY) {
			err = -ENOTDIR;
			if (!inode->i_op || !inode->i_op->lookup)
				break;
		}
		goto return_base;
lookup_parent:
		nd->last = this;
		nd->last_type = LAST_NORM;
		if (this.name[0] != '.')
			goto return_base;
		if (this.len == 1)
			nd->last_type = LAST_DOT;
		else if (this.len == 2 && this.name[1] == '.')
			nd->last_type = LAST_DOTDOT;
		goto return_base;
out_dput:
		path_put_conditional(&next, nd);
		break;
	}
	path_put(&nd->path);
	return err;

return_base:
	return 0;
}

static int path_walk(const char *name, struct nameidata *nd)
{
	/* sim: no total_link_count (no symlinks) */
	return link_path_walk(name, nd);
}

/* the start: the root for "/...", else the cwd (each path_get) */
static int path_init(int dfd, const char *name, unsigned int flags,
		     struct nameidata *nd)
{
	nd->last_type = LAST_ROOT;
	nd->flags = flags;
	nd->depth = 0;
	nd->root.mnt = NULL;
	nd->root.dentry = NULL;

	if (*name == '/') {
		set_root(nd);
		nd->path = nd->root;
		path_get(&nd->root);
	} else {
		struct fs_struct *fs = current->fs;

		BUG_ON(dfd != AT_FDCWD);	/* sim: no *at with an fd */
		nd->path = fs->pwd;
		path_get(&fs->pwd);
	}
	return 0;
}

static int do_path_lookup(int dfd, const char *name, unsigned int flags,
			  struct nameidata *nd)
{
	int retval;

	TRACE_ENTER("\"%s\", flags %#x", name, flags);
	retval = path_init(dfd, name, flags, nd);
	if (!retval)
		retval = path_walk(name, nd);
	if (nd->root.mnt) {
		path_put(&nd->root);
		nd->root.mnt = NULL;
	}
	return TRACE_RET(retval);
}

int path_lookup(const char *name, unsigned int flags, struct nameidata *nd)
{
	return do_path_lookup(AT_FDCWD, name, flags, nd);
}

/* a kernel string's path: one reference in *path on success */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int res;

	TRACE_ENTER("\"%s\"", name);
	res = do_path_lookup(AT_FDCWD, name, flags, &nd);
	if (!res)
		*path = nd.path;
	return TRACE_RET(res);
}

static void release_open_intent(struct nameidata *nd)
{
	if (nd->intent.open.file->f_path.dentry == NULL)
		put_filp(nd->intent.open.file);
	else
		fput(nd->intent.open.file);
}

/* a walk for open: the file to be is allocated first, as the intent */
static int path_lookup_open(int dfd, const char *name,
			    unsigned int lookup_flags, struct nameidata *nd,
			    int open_flags)
{
	struct file *filp = get_empty_filp();
	int err;

	if (filp == NULL)
		return -ENFILE;
	nd->intent.open.file = filp;
	nd->intent.open.flags = open_flags;
	nd->intent.open.create_mode = 0;
	err = do_path_lookup(dfd, name, lookup_flags | LOOKUP_OPEN, nd);
	if (IS_ERR(nd->intent.open.file)) {
		if (err == 0) {
			err = (int)PTR_ERR(nd->intent.open.file);
			path_put(&nd->path);
		}
	} else if (err != 0) {
		release_open_intent(nd);
	}
	return err;
}

/*
 * The child called name of base (no mount crossing): cached, or a new
 * dentry that ->lookup hashes. cached_lookup folded in (sim: __d_lookup
 * and d_lookup are one without rename_lock).
 */
static struct dentry *__lookup_hash(struct qstr *name, struct dentry *base,
				    struct nameidata *nd)
{
	struct dentry *dentry;
	struct inode *inode = base->d_inode;

	TRACE_ENTER("dentry#%u, \"%.*s\"", sim_id(base), (int)name->len,
		    name->name);
	dentry = d_lookup(base, name);
	if (!dentry) {
		struct dentry *new;

		dentry = ERR_PTR(-ENOENT);
		if (IS_DEADDIR(inode))
			goto out;

		new = d_alloc(base, name);
		dentry = ERR_PTR(-ENOMEM);
		if (!new)
			goto out;
		dentry = inode->i_op->lookup(inode, new, nd);
		if (!dentry)
			dentry = new;
		else
			dput(new);
	}
out:
	return TRACE_RET_DENTRY(dentry);
}

static struct dentry *lookup_hash(struct nameidata *nd)
{
	int err;

	err = inode_permission(nd->path.dentry->d_inode, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	return __lookup_hash(&nd->last, nd->path.dentry, nd);
}

int user_path_at(int dfd, const char *name, unsigned int flags,
		 struct path *path)
{
	struct nameidata nd;
	char *tmp;
	int err;

	TRACE_ENTER("\"%s\", flags %#x", name, flags);
	tmp = getname(name);
	err = (int)PTR_ERR(tmp);
	if (!IS_ERR(tmp)) {
		BUG_ON(flags & LOOKUP_PARENT);
		err = do_path_lookup(dfd, tmp, flags, &nd);
		putname(tmp);
		if (!err)
			*path = nd.path;
	}
	return TRACE_RET(err);
}

static int user_path_parent(int dfd, const char *path, struct nameidata *nd,
			    char **name)
{
	char *s = getname(path);
	int error;

	if (IS_ERR(s))
		return (int)PTR_ERR(s);

	error = do_path_lookup(dfd, s, LOOKUP_PARENT, nd);
	if (error)
		putname(s);
	else
		*name = s;
	return error;
}

/* creating child in dir: not there yet, dir alive, write+search on it */
static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* O_DIRECTORY becomes LOOKUP_DIRECTORY: ENOTDIR for anything else */
static unsigned int lookup_flags(unsigned int f)
{
	unsigned int retval = LOOKUP_FOLLOW;

	if (f & O_NOFOLLOW)
		retval &= ~LOOKUP_FOLLOW;
	if (f & O_DIRECTORY)
		retval |= LOOKUP_DIRECTORY;
	return retval;
}

/* (simplified: no truncate, no leases, no devices) */
static int may_open(struct path *path, int acc_mode, int flag)
{
	struct dentry *dentry = path->dentry;
	struct inode *inode = dentry->d_inode;

	(void)flag;
	if (!inode)
		return -ENOENT;
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc_mode & MAY_WRITE)
			return -EISDIR;
		break;
	}
	return inode_permission(inode, acc_mode);
}

/* open's 00/01/10 access becomes 01/10/11: bit 0 read, bit 1 write */
static int open_to_namei_flags(int flag)
{
	if ((flag + 1) & O_ACCMODE)
		flag++;
	return flag;
}

/* "\000\004\002\006"[x & O_ACCMODE]: namei flags to MAY_* */
static int ACC_MODE(int x)
{
	static const int acc[4] = { 0, MAY_READ, MAY_WRITE,
				    MAY_READ | MAY_WRITE };

	return acc[x & O_ACCMODE];
}

/*
 * open(2) by name: the walk (with the file allocated up front as the
 * open intent), may_open, then nameidata_to_filp hands nd's path to the
 * file. A new file with f_count 1, or an ERR_PTR with every reference
 * given back. (simplified: no O_CREAT branch: BUG if asked)
 */
struct file *do_filp_open(int dfd, const char *pathname, int open_flag,
			  int mode, int acc_mode)
{
	struct file *filp;
	struct nameidata nd;
	int error;
	int flag = open_to_namei_flags(open_flag);

	(void)mode;
	TRACE_ENTER("\"%s\", %#o", pathname, (unsigned int)open_flag);
	if (!acc_mode)
		acc_mode = MAY_OPEN | ACC_MODE(flag);
	if (flag & O_TRUNC)
		acc_mode |= MAY_WRITE;
	if (flag & O_APPEND)
		acc_mode |= MAY_APPEND;

	BUG_ON(flag & O_CREAT);	/* sim: only plain lookups are modelled */
	error = path_lookup_open(dfd, pathname, lookup_flags((unsigned)flag),
				 &nd, flag);
	if (error)
		return TRACE_RET_FILE(ERR_PTR(error));

	/* sim: no O_TRUNC, so open_will_write_to_fs is 0: no mnt write */
	error = may_open(&nd.path, acc_mode, flag);
	if (error)
		goto exit;
	filp = nameidata_to_filp(&nd, open_flag);
	if (nd.root.mnt)
		path_put(&nd.root);
	return TRACE_RET_FILE(filp);

exit:
	if (!IS_ERR(nd.intent.open.file))
		release_open_intent(&nd);
	if (nd.root.mnt)
		path_put(&nd.root);
	path_put(&nd.path);
	return TRACE_RET_FILE(ERR_PTR(error));
}

/*
 * mkdir's target: the negative dentry of nd's last component, with a
 * reference. -EEXIST for ".", "..", "/" or a name that exists; -ENOENT
 * for "foo/" when not making a directory.
 */
struct dentry *lookup_create(struct nameidata *nd, int is_dir)
{
	struct dentry *dentry = ERR_PTR(-EEXIST);

	TRACE_ENTER("\"%.*s\", is_dir %d",
		    nd->last_type == LAST_NORM ? (int)nd->last.len : 0,
		    nd->last_type == LAST_NORM ? nd->last.name :
		    (const unsigned char *)"", is_dir);
	/* sim: no i_mutex to take on the parent */
	if (nd->last_type != LAST_NORM)
		goto fail;
	nd->flags &= ~LOOKUP_PARENT;
	nd->flags |= LOOKUP_CREATE | LOOKUP_EXCL;
	nd->intent.open.flags = O_EXCL;

	dentry = lookup_hash(nd);
	if (IS_ERR(dentry))
		goto fail;

	if (dentry->d_inode)
		goto eexist;
	if (!is_dir && nd->last.name[nd->last.len]) {
		dput(dentry);
		dentry = ERR_PTR(-ENOENT);
	}
	return TRACE_RET_DENTRY(dentry);
eexist:
	dput(dentry);
	dentry = ERR_PTR(-EEXIST);
fail:
	return TRACE_RET_DENTRY(dentry);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int error;

	TRACE_ENTER("inode#%u, dentry#%u \"%s\", %#o", sim_id(dir),
		    sim_id(dentry), dentry->d_name.name, (unsigned int)mode);
	error = may_create(dir, dentry);
	if (error)
		return TRACE_RET(error);

	if (!dir->i_op->mkdir)
		return TRACE_RET(-EPERM);

	mode &= (S_IRWXUGO | S_ISVTX);
	/* sim: no security_inode_mkdir, no quota */
	error = dir->i_op->mkdir(dir, dentry, mode);
	/* sim: no fsnotify_mkdir */
	return TRACE_RET(error);
}

/* sys_mkdir's body: the parent, the new dentry, the mount's write */
long sys_mkdirat(int dfd, const char *pathname, int mode)
{
	int error = 0;
	char *tmp = NULL;	/* set by user_path_parent when it succeeds */
	struct dentry *dentry;
	struct nameidata nd;

	TRACE_ENTER("AT_FDCWD, \"%s\", %#o", pathname, (unsigned int)mode);
	error = user_path_parent(dfd, pathname, &nd, &tmp);
	if (error)
		goto out_err;

	dentry = lookup_create(&nd, 1);
	error = (int)PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out_unlock;

	/* sim: no POSIX ACLs, so the umask always applies */
	mode &= ~current_umask();
	error = mnt_want_write(nd.path.mnt);
	if (error)
		goto out_dput;
	error = vfs_mkdir(nd.path.dentry->d_inode, dentry, mode);
	mnt_drop_write(nd.path.mnt);
out_dput:
	dput(dentry);
out_unlock:
	path_put(&nd.path);
	putname(tmp);
out_err:
	return TRACE_RET(error);
}

/* 2.6.32's SYSCALL_DEFINE2(mkdir): mkdirat from the cwd */
long sys_mkdir(const char *pathname, int mode)
{
	TRACE_ENTER("\"%s\", %#o", pathname, (unsigned int)mode);
	return TRACE_RET(sys_mkdirat(AT_FDCWD, pathname, mode));
}
