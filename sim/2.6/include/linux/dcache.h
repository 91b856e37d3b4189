/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/dcache.h - directory entries.
 * Models include/linux/dcache.h (2.6.32): struct qstr, struct dentry,
 *   struct dentry_operations, the DCACHE_* flags, d_unhashed, dget and
 *   the functions of sim/2.6/fs/dcache.c.
 * Left out: d_lock and d_rcu (sim: one thread, no RCU), d_cookie,
 *   dentry_stat's age_limit/want_pages (kept, unused), d_move and the
 *   rename machinery, d_hash_and_lookup, d_validate.
 *
 * In 2.6.32 a dentry is born unhashed (DCACHE_UNHASHED, d_alloc) and
 * becomes visible to lookups at d_rehash. dput() of the last reference
 * frees an unhashed dentry at once (d_kill), but keeps a hashed one,
 * unused, on its superblock's LRU (dentry_lru_add). The SysV shm
 * files (shmem_file_setup: d_alloc on the internal mount's root, not
 * hashed) therefore die with their last fput(); under the hashed-shm
 * patch they are hashed, and stay cached until pruned.
 */
#ifndef _SIM26_LINUX_DCACHE_H
#define _SIM26_LINUX_DCACHE_H

#include "linux/kernel.h"
#include "linux/list.h"

struct inode;
struct super_block;
struct vfsmount;
struct path;
struct nameidata;

/* a name and its hash, as the dcache compares them */
struct qstr {
	unsigned int hash;
	unsigned int len;
	const unsigned char *name;
};

/* fs/dcache.c's dentry_stat, read by /proc/sys/fs/dentry-state */
struct dentry_stat_t {
	int nr_dentry;
	int nr_unused;
	int age_limit;
	int want_pages;
	int dummy[2];
};
extern struct dentry_stat_t dentry_stat;

/* the dcache's name hash (include/linux/dcache.h) */
#define init_name_hash()	0

static inline unsigned long partial_name_hash(unsigned long c,
					      unsigned long prevhash)
{
	return (prevhash + (c << 4) + (c >> 4)) * 11;
}

/* sim: reduced to 32 bits, as on i386 */
static inline unsigned int end_name_hash(unsigned long hash)
{
	return (unsigned int)hash;
}

static inline unsigned int full_name_hash(const unsigned char *name,
					  unsigned int len)
{
	unsigned long hash = init_name_hash();

	while (len--)
		hash = partial_name_hash(*name++, hash);
	return end_name_hash(hash);
}

/* i386: 36 bytes of inline name, so that a dentry fills 128 bytes */
#define DNAME_INLINE_LEN_MIN	36

struct dentry {
	int d_count;			/* atomic_t in the kernel */
	unsigned int d_flags;		/* DCACHE_* */
	int d_mounted;			/* mounts on this dentry */
	struct inode *d_inode;		/* NULL: negative */
	struct hlist_node d_hash;	/* on dentry_hashtable */
	struct dentry *d_parent;	/* the root is its own parent */
	struct qstr d_name;
	struct list_head d_lru;		/* unused: on sb->s_dentry_lru */
	union {
		struct list_head d_child;	/* on the parent's d_subdirs */
	} d_u;
	struct list_head d_subdirs;	/* our children */
	struct list_head d_alias;	/* on the inode's i_dentry */
	unsigned long d_time;
	const struct dentry_operations *d_op;
	struct super_block *d_sb;	/* the root of the tree it is in */
	void *d_fsdata;
	unsigned char d_iname[DNAME_INLINE_LEN_MIN];
};

struct dentry_operations {
	int (*d_revalidate)(struct dentry *, struct nameidata *);
	int (*d_hash)(struct dentry *, struct qstr *);
	int (*d_compare)(struct dentry *, struct qstr *, struct qstr *);
	int (*d_delete)(struct dentry *);
	void (*d_release)(struct dentry *);
	void (*d_iput)(struct dentry *, struct inode *);
	char *(*d_dname)(struct dentry *, char *, int);
};

/* d_flags */
#define DCACHE_AUTOFS_PENDING	0x0001
#define DCACHE_NFSFS_RENAMED	0x0002
#define DCACHE_DISCONNECTED	0x0004
#define DCACHE_REFERENCED	0x0008	/* recently used, do not discard */
#define DCACHE_UNHASHED		0x0010	/* not on dentry_hashtable */
#define DCACHE_INOTIFY_PARENT_WATCHED	0x0020
#define DCACHE_COOKIE		0x0040
#define DCACHE_FSNOTIFY_PARENT_WATCHED	0x0080

static inline int d_unhashed(struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNHASHED;
}

static inline int IS_ROOT(struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

/* take a reference: untraced, like the kernel's inline */
static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		BUG_ON(!dentry->d_count);
		dentry->d_count++;
	}
	return dentry;
}

static inline int d_mountpoint(struct dentry *dentry)
{
	return dentry->d_mounted;
}

/* sim/2.6/fs/dcache.c (fs/dcache.c), in its order */
void dput(struct dentry *dentry);
void shrink_dcache_sb(struct super_block *sb);
void shrink_dcache_for_umount(struct super_block *sb);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
void d_instantiate(struct dentry *entry, struct inode *inode);
struct dentry *d_alloc_root(struct inode *root_inode);
struct dentry *d_lookup(struct dentry *parent, struct qstr *name);
struct dentry *__d_lookup(struct dentry *parent, struct qstr *name);
void d_rehash(struct dentry *entry);
char *__d_path(const struct path *path, struct path *root, char *buffer,
	       int buflen);
char *d_path(const struct path *path, char *buf, int buflen);
void d_genocide(struct dentry *root);
void dcache_init(void);
void vfs_caches_init(unsigned long mempages);

/* sim: dentries allocated and not yet freed (== dentry_stat.nr_dentry) */
unsigned long sim_dentries_live(void);
int sim_dcache_check(char *why, size_t len);	/* sim: the checks */

/* instantiate and hash: the dentry becomes visible to lookups */
static inline void d_add(struct dentry *entry, struct inode *inode)
{
	d_instantiate(entry, inode);
	d_rehash(entry);
}

#endif /* _SIM26_LINUX_DCACHE_H */
