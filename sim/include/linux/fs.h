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
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)

/* fs_flags */
#define FS_REQUIRES_DEV	1
#define FS_SINGLE	8
#define FS_NOMOUNT	16
#define FS_LITTER	32

/* s_flags */
#define MS_VERBOSE	32768
#define MS_ACTIVE	(1 << 30)
#define MS_NOUSER	(1U << 31)

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
	void (*truncate)(struct inode *);
};

struct file_operations {
	int (*mmap)(struct file *, struct vm_area_struct *);
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

/* sim/vfs/namespace.c (fs/namespace.c) */
struct vfsmount *alloc_vfsmnt(void);
void free_vfsmnt(struct vfsmount *mnt);
void __mntput(struct vfsmount *mnt);
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);

/* sim/vfs/dcache.c (fs/dcache.c) */
extern struct dentry_stat_t {
	int nr_dentry;
	int nr_unused;
} dentry_stat;
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_root(struct inode *root_inode);
void d_instantiate(struct dentry *entry, struct inode *inode);
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
static inline void get_file(struct file *f)
{
	f->f_count++;
}
void sim_file_table_release(void);	/* free free_list at shutdown */

#endif /* _SIM_LINUX_FS_H */
