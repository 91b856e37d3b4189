/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/fs.h - the VFS objects of 2.6.32.
 * Models include/linux/fs.h (2.6.32): struct file and file_operations,
 *   struct inode and inode_operations, struct address_space and
 *   address_space_operations, struct super_block and super_operations,
 *   struct file_system_type, the MS_*, FMODE_*, FS_*, I_* and ATTR_*
 *   constants, MKDEV/MAJOR/MINOR (include/linux/kdev_t.h), the *UGO modes
 *   (include/linux/stat.h), get_file, and the functions of sim/2.6/fs/.
 * Left out: locks, mutexes, RCU and per-CPU counters (sim: one thread;
 *   atomic_t fields are plain ints), block devices (struct block_device
 *   stays opaque), quotas, leases and file locks, inotify/fsnotify,
 *   security blobs, aio. Times are whole seconds (sim: the kernel keeps
 *   struct timespec; sim_clock has only seconds).
 * The SysV shm objects of 2.6.32 (ipc/shm.c, mm/shmem.c):
 *   shm_mnt --mnt_sb--> tmpfs super_block (00:04)
 *   segment: shm_file_data->file = shmem file --f_path.dentry--> "SYSV%08x"
 *     dentry (d_alloc on shm_mnt's root, unhashed but for hashed-shm)
 *     --d_inode--> the shmem inode (shmem_inode_info.vfs_inode)
 *     --i_mapping--> its pages
 *   each attach: a second struct file (shm_file_operations) on the same
 *     dentry and mnt, whose private_data points at the shm_file_data.
 */
#ifndef _SIM26_LINUX_FS_H
#define _SIM26_LINUX_FS_H

#include <stdio.h>
#include <sys/stat.h>

#include "linux/kernel.h"
#include "linux/list.h"
#include "linux/radix-tree.h"
#include "linux/path.h"
#include "linux/dcache.h"
#include "linux/mount.h"
#include "linux/statfs.h"

struct page;
struct address_space;
struct file;
struct inode;
struct super_block;
struct file_system_type;
struct vm_area_struct;
struct writeback_control;
struct backing_dev_info;
struct block_device;
struct nameidata;
struct seq_file;
struct cred;
struct kstat;

typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef unsigned long long u64;
typedef long long s64;

/* include/linux/kdev_t.h: 12 bits of major, 20 of minor */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* include/linux/stat.h: the host's <sys/stat.h> has the S_IF* values */
#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)

/* include/linux/fs.h: readdir's d_type values */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* inode.i_flags */
#define S_DEAD		16	/* removed, but still open directory */

/* file.f_mode */
#define FMODE_READ	((fmode_t)1)
#define FMODE_WRITE	((fmode_t)2)
#define FMODE_LSEEK	((fmode_t)4)
#define FMODE_PREAD	((fmode_t)8)
#define FMODE_PWRITE	((fmode_t)16)
#define FMODE_EXEC	((fmode_t)32)
#define FMODE_NDELAY	((fmode_t)64)
#define FMODE_EXCL	((fmode_t)128)
#define FMODE_NOCMTIME	((fmode_t)2048)
#define FMODE_RANDOM	((fmode_t)4096)

#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4
#define MAY_APPEND	8
#define MAY_ACCESS	16
#define MAY_OPEN	32

/* file_system_type.fs_flags */
#define FS_REQUIRES_DEV		1
#define FS_BINARY_MOUNTDATA	2
#define FS_HAS_SUBTYPE		4
#define FS_REVAL_DOT		16384
#define FS_RENAME_DOES_D_MOVE	32768

/* super_block.s_flags (and mount(2)'s flags) */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_SYNCHRONOUS	16
#define MS_REMOUNT	32
#define MS_MANDLOCK	64
#define MS_DIRSYNC	128
#define MS_NOATIME	1024
#define MS_NODIRATIME	2048
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_REC		16384
#define MS_SILENT	32768
#define MS_POSIXACL	(1 << 16)
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#define MS_RELATIME	(1 << 21)
#define MS_KERNMOUNT	(1 << 22)	/* a kern_mount, not mount(2) */
#define MS_I_VERSION	(1 << 23)
#define MS_STRICTATIME	(1 << 24)
#define MS_ACTIVE	(1 << 30)	/* fill_super succeeded */
#define MS_NOUSER	(1U << 31)	/* never mountable from user space */
#define MS_MGC_VAL	0xC0ED0000UL	/* the old magic in the high bits */
#define MS_MGC_MSK	0xffff0000UL
#define MS_RMT_MASK	(MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | \
			 MS_I_VERSION)

/* inode.i_state */
#define I_DIRTY_SYNC		1
#define I_DIRTY_DATASYNC	2
#define I_DIRTY_PAGES		4
#define I_NEW			8
#define I_WILL_FREE		16
#define I_FREEING		32
#define I_CLEAR			64
#define I_SYNC			128
#define I_DIRTY	(I_DIRTY_SYNC | I_DIRTY_DATASYNC | I_DIRTY_PAGES)

/* iattr.ia_valid */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)

/* i386: 2^43 - 1, the page cache's limit (MAX_LFS_FILESIZE) */
#define MAX_LFS_FILESIZE	(((u64)PAGE_CACHE_SIZE << (32 - 1)) - 1)
#define MAX_NON_LFS		((1UL << 31) - 1)

/* fs/file_table.c's files_stat, /proc/sys/fs/file-nr and file-max */
struct files_stat_struct {
	int nr_files;		/* files allocated */
	int nr_free_files;	/* sim: always 0, as 2.6.32 reports */
	int max_files;		/* -ENFILE above this */
};
extern struct files_stat_struct files_stat;
#define NR_FILE	8192	/* the floor of max_files */

/* fs/inode.c's inodes_stat, /proc/sys/fs/inode-nr */
struct inodes_stat_t {
	int nr_inodes;
	int nr_unused;
	int dummy[5];
};
extern struct inodes_stat_t inodes_stat;

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	time_t ia_atime;
	time_t ia_mtime;
	time_t ia_ctime;
	struct file *ia_file;
};

typedef int (*filldir_t)(void *, const char *, int, loff_t, u64,
			 unsigned int);

struct address_space_operations {
	int (*writepage)(struct page *page, struct writeback_control *wbc);
	int (*readpage)(struct file *, struct page *);
	void (*sync_page)(struct page *);
	int (*set_page_dirty)(struct page *page);
	int (*write_begin)(struct file *, struct address_space *mapping,
			   loff_t pos, unsigned len, unsigned flags,
			   struct page **pagep, void **fsdata);
	int (*write_end)(struct file *, struct address_space *mapping,
			 loff_t pos, unsigned len, unsigned copied,
			 struct page *page, void *fsdata);
	void (*invalidatepage)(struct page *, unsigned long);
	int (*releasepage)(struct page *, gfp_t);
	int (*migratepage)(struct address_space *, struct page *,
			   struct page *);
	int (*error_remove_page)(struct address_space *, struct page *);
};

/* the pages of one file, and who maps them */
struct address_space {
	struct inode *host;
	struct radix_tree_root page_tree;	/* page index -> page */
	unsigned int i_mmap_writable;		/* VM_SHARED mappings */
	/*
	 * sim: the kernel's prio tree of mapping vmas (struct
	 * prio_tree_root) reduced to a list, through
	 * vma->shared.vm_set.list; kept by sim/2.6/mm/prio_tree.c
	 */
	struct list_head i_mmap;
	struct list_head i_mmap_nonlinear;
	unsigned int truncate_count;
	unsigned long nrpages;
	unsigned long writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;			/* AS_* and the gfp mask */
	struct backing_dev_info *backing_dev_info;
	struct list_head private_list;
	struct address_space *assoc_mapping;
};

struct inode {
	struct hlist_node i_hash;	/* on inode_hashtable, if hashed */
	struct list_head i_list;	/* inode_in_use or inode_unused */
	struct list_head i_sb_list;	/* on sb->s_inodes */
	struct list_head i_dentry;	/* dentries of this inode */
	unsigned long i_ino;
	int i_count;			/* atomic_t in the kernel */
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	u64 i_version;
	loff_t i_size;
	time_t i_atime;			/* sim: seconds, not timespec */
	time_t i_mtime;
	time_t i_ctime;
	unsigned int i_blkbits;
	unsigned long i_blocks;		/* blkcnt_t: 512-byte units */
	unsigned short i_bytes;
	umode_t i_mode;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* usually &i_data */
	struct address_space i_data;
	unsigned long i_state;		/* I_* */
	unsigned long dirtied_when;
	unsigned int i_flags;
	int i_writecount;		/* atomic_t in the kernel */
	void *i_private;
	unsigned int i_generation;
};

struct file {
	union {
		struct list_head fu_list;	/* on sb->s_files */
	} f_u;
	struct path f_path;
#define f_dentry	f_path.dentry
#define f_vfsmnt	f_path.mnt
	const struct file_operations *f_op;
	long f_count;			/* atomic_long_t in the kernel */
	unsigned int f_flags;		/* O_* of open(2) */
	fmode_t f_mode;			/* FMODE_* */
	loff_t f_pos;
	const struct cred *f_cred;	/* who opened it */
	u64 f_version;
	void *private_data;		/* shm: the shm_file_data */
	struct address_space *f_mapping;
};

static inline struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

#define file_count(x)	((x)->f_count)

typedef void *fl_owner_t;

struct file_operations {
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char *, size_t, loff_t *);
	int (*readdir)(struct file *, void *, filldir_t);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, fl_owner_t id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, struct dentry *, int datasync);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long,
					   unsigned long, unsigned long,
					   unsigned long);
};

struct inode_operations {
	int (*create)(struct inode *, struct dentry *, int,
		      struct nameidata *);
	struct dentry *(*lookup)(struct inode *, struct dentry *,
				 struct nameidata *);
	int (*link)(struct dentry *, struct inode *, struct dentry *);
	int (*unlink)(struct inode *, struct dentry *);
	int (*symlink)(struct inode *, struct dentry *, const char *);
	int (*mkdir)(struct inode *, struct dentry *, int);
	int (*rmdir)(struct inode *, struct dentry *);
	int (*mknod)(struct inode *, struct dentry *, int, dev_t);
	int (*rename)(struct inode *, struct dentry *,
		      struct inode *, struct dentry *);
	void (*truncate)(struct inode *);
	int (*permission)(struct inode *, int);
	int (*setattr)(struct dentry *, struct iattr *);
	int (*getattr)(struct vfsmount *mnt, struct dentry *,
		       struct kstat *);
	void (*truncate_range)(struct inode *, loff_t, loff_t);
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *);
	void (*dirty_inode)(struct inode *);
	int (*write_inode)(struct inode *, int);
	void (*drop_inode)(struct inode *);
	void (*delete_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	void (*write_super)(struct super_block *);
	int (*sync_fs)(struct super_block *sb, int wait);
	int (*statfs)(struct dentry *, struct kstatfs *);
	int (*remount_fs)(struct super_block *, int *, char *);
	void (*clear_inode)(struct inode *);
	void (*umount_begin)(struct super_block *);
	/* sim: a stdio stream where the kernel has a seq_file */
	int (*show_options)(FILE *, struct vfsmount *);
};

struct super_block {
	struct list_head s_list;	/* on super_blocks, at the tail */
	dev_t s_dev;			/* MKDEV(0, n) for anonymous ones */
	unsigned char s_dirt;
	unsigned char s_blocksize_bits;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags;		/* MS_* */
	unsigned long s_magic;
	struct dentry *s_root;
	int s_count;			/* passive: the struct stays */
	int s_need_sync;
	int s_active;			/* active: the fs stays mounted */
	struct list_head s_inodes;	/* every inode of this sb */
	struct list_head s_dirty;
	struct list_head s_io;
	struct list_head s_more_io;
	struct hlist_head s_anon;
	struct list_head s_files;	/* open files on this sb */
	struct list_head s_dentry_lru;	/* unused dentries */
	int s_nr_dentry_unused;
	struct block_device *s_bdev;
	struct list_head s_instances;	/* on type->fs_supers, at the head */
	char s_id[32];			/* the type's name for nodev ones */
	void *s_fs_info;		/* shmem: the shmem_sb_info */
	fmode_t s_mode;
	unsigned int s_time_gran;	/* ns; 1 for tmpfs */
	char *s_subtype;
	char *s_options;
};

struct file_system_type {
	const char *name;
	int fs_flags;			/* FS_* */
	int (*get_sb)(struct file_system_type *, int, const char *, void *,
		      struct vfsmount *);
	void (*kill_sb)(struct super_block *);
	void *owner;			/* sim: no modules, always NULL */
	struct file_system_type *next;	/* file_systems, in order */
	struct list_head fs_supers;	/* its superblocks */
};

static inline int IS_DEADDIR(struct inode *inode)
{
	return inode->i_flags & S_DEAD;
}

static inline int IS_RDONLY(struct inode *inode)
{
	return inode->i_sb->s_flags & MS_RDONLY;
}

/* fs/dcache.c: the buffers getname copies path names into */
struct kmem_cache_s;
extern struct kmem_cache_s *names_cachep;

/* sim/2.6/fs/super.c (fs/super.c) */
extern struct list_head super_blocks;
void put_super(struct super_block *sb);
void deactivate_locked_super(struct super_block *s);
void deactivate_super(struct super_block *s);
void generic_shutdown_super(struct super_block *sb);
struct super_block *sget(struct file_system_type *type,
			 int (*test)(struct super_block *, void *),
			 int (*set)(struct super_block *, void *),
			 void *data);
void drop_super(struct super_block *sb);
int do_remount_sb(struct super_block *sb, int flags, void *data, int force);
int set_anon_super(struct super_block *s, void *data);
void kill_anon_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
int get_sb_nodev(struct file_system_type *fs_type, int flags, void *data,
		 int (*fill_super)(struct super_block *, void *, int),
		 struct vfsmount *mnt);
int get_sb_single(struct file_system_type *fs_type, int flags, void *data,
		  int (*fill_super)(struct super_block *, void *, int),
		  struct vfsmount *mnt);
/* sim: superblocks allocated and not yet freed; unnamed_dev_start */
unsigned long sim_super_blocks_live(void);
int sim_unnamed_dev_start(void);

/* sim/2.6/fs/inode.c (fs/inode.c) */
void inode_init_once(struct inode *inode);
struct inode *new_inode(struct super_block *sb);
void unlock_new_inode(struct inode *inode);
struct inode *iget_locked(struct super_block *sb, unsigned long ino);
void clear_inode(struct inode *inode);
void generic_delete_inode(struct inode *inode);
void generic_drop_inode(struct inode *inode);
void iput(struct inode *inode);
void inode_init(void);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
int invalidate_inodes(struct super_block *sb);
/* sim: inodes allocated and not yet freed */
unsigned long sim_inodes_live(void);

/* sim/2.6/fs/file_table.c (fs/file_table.c) */
struct file *get_empty_filp(void);
int init_file(struct file *file, struct vfsmount *mnt, struct dentry *dentry,
	      fmode_t mode, const struct file_operations *fop);
struct file *alloc_file(struct vfsmount *mnt, struct dentry *dentry,
			fmode_t mode, const struct file_operations *fop);
void drop_file_write_access(struct file *file);
void fput(struct file *file);
void __fput(struct file *file);
void put_filp(struct file *file);
void file_move(struct file *file, struct list_head *list);
void file_kill(struct file *file);
void files_init(unsigned long mempages);
int sim_files_check(char *why, size_t len);	/* sim: the checks */

/* sim/2.6/mm/truncate.c (SHM helper; declared in linux/mm.h too) */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);

/* sim/2.6/fs/filesystems.c (fs/filesystems.c) */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
void get_filesystem(struct file_system_type *fs);
void put_filesystem(struct file_system_type *fs);

/* sim/2.6/fs/libfs.c (fs/libfs.c) */
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
int dcache_readdir(struct file *filp, void *dirent, filldir_t filldir);
int simple_sync_file(struct file *file, struct dentry *dentry, int datasync);
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     struct nameidata *nd);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
int get_sb_pseudo(struct file_system_type *fs_type, char *name,
		  const struct super_operations *ops, unsigned long magic,
		  struct vfsmount *mnt);

/* sim/2.6/fs/open.c (fs/open.c): the system calls declared here, as
 * for every VFS call the runner makes */
struct file *nameidata_to_filp(struct nameidata *nd, int flags);
long do_sys_open(int dfd, const char *filename, int flags, int mode);
long sys_open(const char *filename, int flags, int mode);
long sys_close(unsigned int fd);

/* sim/2.6/fs/readdir.c (fs/readdir.c) */
int vfs_readdir(struct file *file, filldir_t filler, void *buf);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);

/* sim/2.6/fs/namei.c (fs/namei.c): the runner's mkdir */
long sys_mkdir(const char *pathname, int mode);

/* sim/2.6/fs/namespace.c (fs/namespace.c): mount(2) and umount(2) */
long sys_mount(char *dev_name, char *dir_name, char *type,
	       unsigned long flags, void *data);
long sys_umount(char *name, int flags);

/* sim/2.6/fs/ramfs/inode.c (rootfs) */
int init_rootfs(void);

/* sim/2.6/fs/sysfs/mount.c */
int sysfs_init(void);

/* sim/2.6/fs/block_dev.c */
void bdev_cache_init(void);

/* sim/2.6/fs/proc/root.c */
void proc_root_init(void);

/* sim: tear down the boot mounts (sim/2.6/fs/namespace.c) and count */
void sim_umount_all(void);
void sim_vfs_exit(void);
void sim_vfs_counts(unsigned long *sb, unsigned long *mnt,
		    unsigned long *dentry, unsigned long *inode,
		    unsigned long *file);

#endif /* _SIM26_LINUX_FS_H */
