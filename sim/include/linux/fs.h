/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/fs.h - the VFS objects on the shm path.
 * Models include/linux/fs.h, dcache.h, mount.h and shmem_fs.h (2.4.16):
 * file_system_type, super_block (+ shmem_sb_info), vfsmount, dentry, inode
 * (+ shmem_inode_info), address_space and file, with only the fields the
 * shm path reads or writes. Counts are plain ints where 2.4 has atomic_t.
 *
 * How they hang together after shmget (one segment):
 *   shmid_kernel.shm_file -> file -> f_dentry -> dentry "SYSV000004d2"
 *     -> d_inode -> inode (i_ino = shmid) -> i_mapping = &i_data (pages)
 *   file->f_vfsmnt = shm_mnt -> mnt_sb -> super_block (tmpfs, 00:05)
 *   dentry->d_parent = the root dentry "/" = shm_mnt->mnt_root
 */
#ifndef _SIM_LINUX_FS_H
#define _SIM_LINUX_FS_H

#include "linux/kernel.h"
#include "linux/list.h"
#include "sim/objid.h"

struct page;
struct vm_area_struct;
struct super_block;
struct inode;
struct file;

/* include/linux/kdev_t.h: 8-bit major, 8-bit minor */
typedef unsigned short kdev_t;
#define MINORBITS	8
#define MKDEV(ma, mi)	((kdev_t)(((ma) << MINORBITS) | (mi)))
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & 0xff))
#define NODEV		0
#define UNNAMED_MAJOR	0

/* include/linux/stat.h */
#define S_IFMT		00170000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFLNK		0120000
#define S_ISVTX		0001000
#define S_IRWXUGO	00777
#define S_IXUGO		00111
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

/* permission()'s mask */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* fs_flags */
#define FS_REQUIRES_DEV	1
#define FS_SINGLE	8
#define FS_NOMOUNT	16
#define FS_LITTER	32

/* s_flags, and sys_mount's flags */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_SYNCHRONOUS	16
#define MS_REMOUNT	32
#define MS_MANDLOCK	64
#define MS_NOATIME	1024
#define MS_NODIRATIME	2048
#define MS_BIND		4096
#define MS_REC		16384
#define MS_VERBOSE	32768
#define MS_ACTIVE	(1 << 30)
#define MS_NOUSER	(1U << 31)
/* the flags a remount may change */
#define MS_RMT_MASK	(MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | \
			 MS_NOATIME | MS_NODIRATIME)
/* before 2.4.0-test9 the top half of flags had to be this magic */
#define MS_MGC_VAL	0xC0ED0000UL
#define MS_MGC_MSK	0xffff0000UL

/* include/linux/mount.h: mnt_flags */
#define MNT_NOSUID	1
#define MNT_NODEV	2
#define MNT_NOEXEC	4

/* sys_umount's flags */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002

/* the d_type of a directory entry */
#define DT_UNKNOWN	0
#define DT_DIR		4

/* path_walk's flags, and the kinds of last component under LOOKUP_PARENT */
#define LOOKUP_FOLLOW		1
#define LOOKUP_DIRECTORY	2
#define LOOKUP_CONTINUE		4
#define LOOKUP_POSITIVE		8
#define LOOKUP_PARENT		16
#define LOOKUP_NOALT		32
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT, LAST_BIND };

/* include/linux/limits.h */
#define PATH_MAX	4096

#define S_BIAS		(1 << 30)
#define FMODE_READ	1
#define FMODE_WRITE	2
#define NR_FILE		8192
#define NR_RESERVED_FILES 10
#define I_FREEING	16
#define I_CLEAR		32
#define DNAME_INLINE_LEN 16
#define MAX_NON_LFS	((1UL << 31) - 1)

/*
 * include/linux/shmem_fs.h: a swap entry, type in bits 1-6, offset from bit
 * 8. sim: i386's unsigned long is 32 bits, so a vector page holds 1024.
 */
typedef struct {
	uint32_t val;
} swp_entry_t;

struct file_system_type {
	const char *name;
	int fs_flags;
	struct super_block *(*read_super)(struct super_block *, void *, int);
	void *owner;			/* module; NULL when built in */
	struct file_system_type *next;	/* the file_systems chain */
	struct list_head fs_supers;	/* its super_blocks, via s_instances */
};

/* mm/shmem.c's per-instance accounting, sb->u.shmem_sb */
struct shmem_sb_info {
	unsigned long max_blocks;
	unsigned long free_blocks;
	unsigned long max_inodes;
	unsigned long free_inodes;
};

struct super_operations {
	void (*put_inode)(struct inode *);
	void (*delete_inode)(struct inode *);
	int (*remount_fs)(struct super_block *, int *, char *);
};

struct super_block {
	struct list_head s_list;	/* on super_blocks */
	kdev_t s_dev;
	unsigned long s_blocksize;
	unsigned char s_blocksize_bits;
	unsigned long long s_maxbytes;
	struct file_system_type *s_type;
	struct super_operations *s_op;
	unsigned long s_flags;
	unsigned long s_magic;
	struct dentry *s_root;
	int s_count;			/* S_BIAS while on the lists */
	int s_active;
	struct list_head s_files;
	struct list_head s_instances;	/* on s_type->fs_supers */
	union {
		struct shmem_sb_info shmem_sb;
	} u;
};

struct vfsmount {
	struct list_head mnt_hash;
	struct vfsmount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct list_head mnt_mounts;
	struct list_head mnt_child;
	int mnt_count;
	int mnt_flags;
	char *mnt_devname;
	struct list_head mnt_list;
};

struct qstr {
	const unsigned char *name;
	unsigned int len;
	unsigned int hash;
};

struct dentry {
	int d_count;
	unsigned int d_flags;
	struct inode *d_inode;		/* NULL: negative */
	struct dentry *d_parent;
	struct list_head d_hash;	/* empty: unhashed */
	struct list_head d_lru;
	struct list_head d_child;	/* on d_parent->d_subdirs */
	struct list_head d_subdirs;
	struct list_head d_alias;	/* on d_inode->i_dentry */
	int d_mounted;
	struct qstr d_name;
	struct dentry_operations *d_op;
	struct super_block *d_sb;
	unsigned char d_iname[DNAME_INLINE_LEN];
};

/* 2.4 has no flag for it: a dentry is unhashed when d_hash is empty. */
static inline int d_unhashed(struct dentry *dentry)
{
	return list_empty(&dentry->d_hash);
}

struct address_space_operations {
	int (*writepage)(struct page *);
};

struct address_space {
	struct list_head clean_pages;
	struct list_head dirty_pages;
	struct list_head locked_pages;
	unsigned long nrpages;
	struct address_space_operations *a_ops;
	struct inode *host;
	struct vm_area_struct *i_mmap;		/* private mappings */
	struct vm_area_struct *i_mmap_shared;	/* shared mappings */
	int gfp_mask;
};

#define SHMEM_NR_DIRECT	16

/* mm/shmem.c's per-inode state, inode->u.shmem_i (SHMEM_I) */
struct shmem_inode_info {
	unsigned long next_index;	/* one past the highest swap slot used */
	swp_entry_t i_direct[SHMEM_NR_DIRECT];
	uint32_t *i_indirect;		/* sim: a frame of 1024 i386 pointers */
	unsigned long swapped;		/* non-zero swap entries */
	int locked;			/* SHM_LOCK */
	struct list_head list;		/* on shmem_inodes */
	struct inode *inode;
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *, struct dentry *);
	int (*mkdir)(struct inode *, struct dentry *, int);
	void (*truncate)(struct inode *);
};

/* readdir's callback: one entry; < 0 stops the walk (buffer full) */
typedef int (*filldir_t)(void *, const char *, int, long long,
			 unsigned long, unsigned int);

struct file_operations {
	int (*readdir)(struct file *, void *, filldir_t);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
};

struct inode {
	struct list_head i_hash;	/* empty: iget() never finds it */
	struct list_head i_list;	/* on inode_in_use */
	struct list_head i_dentry;	/* its dentries, via d_alias */
	unsigned long i_ino;
	int i_count;
	kdev_t i_dev;
	unsigned int i_mode;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	kdev_t i_rdev;
	long long i_size;
	long i_atime;
	long i_mtime;
	long i_ctime;
	unsigned int i_blkbits;
	unsigned long i_blksize;
	unsigned long i_blocks;		/* in 512-byte units */
	struct inode_operations *i_op;
	struct file_operations *i_fop;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	struct address_space i_data;
	unsigned long i_state;
	int i_writecount;
	union {
		struct shmem_inode_info shmem_i;
	} u;
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return &inode->u.shmem_i;
}

static inline int IS_RDONLY(struct inode *inode)
{
	return (inode->i_sb->s_flags & MS_RDONLY) != 0;
}

/* sim: no rmdir, so no directory is ever S_DEAD (i_flags left out) */
static inline int IS_DEADDIR(struct inode *inode)
{
	(void)inode;
	return 0;
}

struct file {
	struct list_head f_list;	/* anon_list, or free_list once put */
	struct dentry *f_dentry;
	struct vfsmount *f_vfsmnt;
	struct file_operations *f_op;
	int f_count;
	unsigned int f_flags;
	unsigned int f_mode;
	long long f_pos;
	uid_t f_uid;
	gid_t f_gid;
};

/* the result of a path walk: where it ended, and the last component */
struct nameidata {
	struct dentry *dentry;
	struct vfsmount *mnt;
	struct qstr last;
	unsigned int flags;
	int last_type;
};

/* include/linux/dcache.h: the name hash, about 4 bits per character */
#define init_name_hash()	0
static inline unsigned long partial_name_hash(unsigned long c,
					      unsigned long prevhash)
{
	return (prevhash + (c << 4) + (c >> 4)) * 11;
}

static inline unsigned long end_name_hash(unsigned long hash)
{
	return (unsigned int)hash;
}

/* include/linux/dcache.h: something is mounted on this dentry */
static inline int d_mountpoint(struct dentry *dentry)
{
	return dentry->d_mounted;
}

/* sim/vfs/super.c (fs/super.c) */
extern struct list_head super_blocks;
extern struct file_system_type *file_systems;
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
kdev_t get_unnamed_dev(void);
void put_unnamed_dev(kdev_t dev);
int sim_unnamed_dev_in_use(unsigned int minor);
struct super_block *get_sb_nodev(struct file_system_type *fs_type, int flags,
				 void *data);
struct super_block *get_sb_single(struct file_system_type *fs_type, int flags,
				  void *data);
struct vfsmount *do_kern_mount(const char *type, int flags, const char *name,
			       void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
void kill_super(struct super_block *sb);
int do_remount_sb(struct super_block *sb, int flags, void *data);
int get_filesystem_list(char *buf);
void mount_root(void);

/* sim/vfs/namei.c (fs/namei.c) */
char *getname(const char *filename);
void putname(const char *name);
int permission(struct inode *inode, int mask);
void path_release(struct nameidata *nd);
int follow_down(struct vfsmount **mnt, struct dentry **dentry);
int link_path_walk(const char *name, struct nameidata *nd);
int path_walk(const char *name, struct nameidata *nd);
int path_init(const char *name, unsigned int flags, struct nameidata *nd);
struct dentry *lookup_hash(struct qstr *name, struct dentry *base);
int open_namei(const char *pathname, int flag, int mode,
	       struct nameidata *nd);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode);
long sys_mkdir(const char *pathname, int mode);

/* sim/vfs/open.c (fs/open.c) */
struct file *filp_open(const char *filename, int flags, int mode);
struct file *dentry_open(struct dentry *dentry, struct vfsmount *mnt,
			 int flags);
int get_unused_fd(void);
long sys_open(const char *filename, int flags, int mode);
int filp_close(struct file *filp, void *id);
long sys_close(unsigned int fd);

/* sim/vfs/readdir.c (fs/readdir.c) */
int vfs_readdir(struct file *file, filldir_t filler, void *buf);
int dcache_readdir(struct file *filp, void *dirent, filldir_t filldir);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);

/* sim/vfs/namespace.c (fs/namespace.c) */
struct vfsmount *alloc_vfsmnt(void);
void free_vfsmnt(struct vfsmount *mnt);
void __mntput(struct vfsmount *mnt);
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
void umount_tree(struct vfsmount *mnt);
long sys_umount(char *name, int flags);
int graft_tree(struct vfsmount *mnt, struct nameidata *nd);
long do_mount(char *dev_name, char *dir_name, char *type_page,
	      unsigned long flags, void *data_page);
long sys_mount(char *dev_name, char *dir_name, char *type,
	       unsigned long flags, void *data);

/* sim/vfs/dcache.c (fs/dcache.c) */
extern struct dentry_stat_t {
	int nr_dentry;
	int nr_unused;
} dentry_stat;
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_root(struct inode *root_inode);
void d_instantiate(struct dentry *entry, struct inode *inode);
struct dentry *d_lookup(struct dentry *parent, struct qstr *name);
void d_rehash(struct dentry *entry);
void shrink_dcache_sb(struct super_block *sb);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
char *d_path(struct dentry *dentry, struct vfsmount *vfsmnt, char *buf,
	     int buflen);

/* sim/vfs/inode.c (fs/inode.c) */
extern struct inodes_stat_t {
	int nr_inodes;
	int nr_unused;
} inodes_stat;
extern struct list_head inode_in_use;
struct inode *new_inode(struct super_block *sb);
void iput(struct inode *inode);
void clear_inode(struct inode *inode);
void force_delete(struct inode *inode);

/* sim/vfs/file_table.c (fs/file_table.c) */
extern struct files_stat_struct {
	int nr_files;
	int nr_free_files;
	int max_files;
} files_stat;
extern struct list_head anon_list;
extern struct list_head free_list;
struct file *get_empty_filp(void);
void put_filp(struct file *file);
void fput(struct file *file);
struct file *fget(unsigned int fd);
static inline void get_file(struct file *f)
{
	f->f_count++;
}
void sim_file_table_release(void);	/* free free_list at shutdown */

/* include/linux/dcache.h: a positive (or negative) entry, now hashed */
static inline void d_add(struct dentry *entry, struct inode *inode)
{
	d_instantiate(entry, inode);
	d_rehash(entry);
}

#endif /* _SIM_LINUX_FS_H */
