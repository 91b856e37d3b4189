/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/namei.h - the path walk's state.
 * Models include/linux/namei.h (2.6.32): struct nameidata and its open
 *   intent, the LOOKUP_* flags, the LAST_* kinds of a last component, and
 *   the functions of sim/2.6/fs/namei.c.
 * Left out: symlinks (nd_set_link, saved_names are kept but never used:
 *   nothing here creates a symlink), lookup_one_len, the RCU walk (2.6.38).
 */
#ifndef _SIM26_LINUX_NAMEI_H
#define _SIM26_LINUX_NAMEI_H

#include "linux/dcache.h"
#include "linux/path.h"

struct file;

struct open_intent {
	int flags;
	int create_mode;
	struct file *file;	/* get_empty_filp's, or an ERR_PTR */
};

#define MAX_NESTED_LINKS	8

struct nameidata {
	struct path path;	/* where the walk is: a reference held */
	struct qstr last;	/* the last component (LOOKUP_PARENT) */
	struct path root;	/* current->fs->root, once set_root ran */
	unsigned int flags;	/* LOOKUP_* */
	int last_type;		/* LAST_* */
	unsigned int depth;	/* symlink nesting */
	char *saved_names[MAX_NESTED_LINKS + 1];
	union {
		struct open_intent open;
	} intent;
};

/* what the last component is */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT, LAST_BIND };

#define LOOKUP_FOLLOW		 1
#define LOOKUP_DIRECTORY	 2
#define LOOKUP_CONTINUE		 4
#define LOOKUP_PARENT		16
#define LOOKUP_REVAL		64
#define LOOKUP_OPEN		0x0100
#define LOOKUP_CREATE		0x0200
#define LOOKUP_EXCL		0x0400

#define AT_FDCWD		-100	/* include/linux/fcntl.h */
#define PATH_MAX		4096	/* include/linux/limits.h */
#define NAME_MAX		255

/* sim/2.6/fs/namei.c (fs/namei.c), in its order */
char *getname(const char *filename);
void putname(const char *name);
int inode_permission(struct inode *inode, int mask);
int path_lookup(const char *name, unsigned int flags, struct nameidata *nd);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char *name, unsigned int flags,
		 struct path *path);
struct file *do_filp_open(int dfd, const char *pathname, int open_flag,
			  int mode, int acc_mode);
struct dentry *lookup_create(struct nameidata *nd, int is_dir);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode);
long sys_mkdirat(int dfd, const char *pathname, int mode);
long sys_mkdir(const char *pathname, int mode);

#endif /* _SIM26_LINUX_NAMEI_H */
