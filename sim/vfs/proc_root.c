// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/vfs/proc_root.c - the proc filesystem's mount.
 * Models fs/proc/root.c (2.4.16): proc_fs_type and proc_root_init, with
 *   proc_read_super, proc_sops and proc_mnt from fs/proc/inode.c (the only
 *   parts of that file the boot reaches). Not in one file's order: the
 *   fs/proc/inode.c parts come first, as the definitions proc_fs_type
 *   needs (2.4.16 declares proc_read_super in a header), then root.c's
 *   proc_fs_type and proc_root_init; sim_proc_root_exit, sim only, last.
 * Left out: every /proc entry (proc_misc_init, proc_mkdir of net, sysvipc,
 *   sys, fs, driver, bus; proc_tty_init), lookups and readdir. The /proc
 *   views (sysvipc/shm, PID/maps, meminfo) are printed elsewhere, from the
 *   kernel's data, not through this filesystem.
 * Called by: start_kernel, after vfs_caches_init (rootfs 00:01, bdev 00:02),
 *   so proc's superblock gets 00:03 as on a standard 2.4.16 build.
 *
 * proc is FS_SINGLE: every mount of it shares one superblock (get_sb_single),
 * whose root is the "/proc" directory, inode PROC_ROOT_INO.
 */
#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/sched.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1

/* fs/proc/inode.c: the kernel's own proc mount */
struct vfsmount *proc_mnt;

/*
 * fs/proc/inode.c. sim: delete_inode = proc_delete_inode (which drops the
 * proc_dir_entry) is left out; iput falls back to clear_inode.
 */
static struct super_operations proc_sops = {
	.put_inode	= force_delete,
};

/*
 * fs/proc/inode.c: the root inode is PROC_ROOT_INO, from iget, so it
 * takes no number from last_ino.
 */
static struct super_block *proc_read_super(struct super_block *s, void *data,
					   int silent)
{
	struct inode *root_inode;

	TRACE_ENTER("super_block#%u", sim_id(s));
	(void)data;
	(void)silent;
	s->s_blocksize = 1024;
	s->s_blocksize_bits = 10;
	s->s_magic = PROC_SUPER_MAGIC;
	s->s_op = &proc_sops;

	/* proc_get_inode(s, PROC_ROOT_INO, &proc_root) -> iget */
	root_inode = iget(s, PROC_ROOT_INO);
	if (!root_inode)
		goto out_no_root;
	root_inode->i_mode = S_IFDIR | 0555;	/* proc_root.mode */
	root_inode->i_nlink = 2;		/* proc_root.nlink */
	/*
	 * 2.4.16 adds a link per task with a pid; at proc_root_init only the
	 * idle task (pid 0) exists, so none is added.
	 */
	s->s_root = d_alloc_root(root_inode);
	if (!s->s_root)
		goto out_no_root;
	/* parse_options(data, ...): no options, so current's uid and gid */
	root_inode->i_uid = current->uid;
	root_inode->i_gid = current->gid;
	return TRACE_RET_SB(s);

out_no_root:
	/* 2.4.16 printk()s this */
	sim_trace_comment("proc_read_super: get root inode failed");
	iput(root_inode);
	s = NULL;
	return TRACE_RET_SB(s);
}

/* DECLARE_FSTYPE(proc_fs_type, "proc", proc_read_super, FS_SINGLE) */
static struct file_system_type proc_fs_type = {
	.name		= "proc",
	.read_super	= proc_read_super,
	.fs_flags	= FS_SINGLE,
};

void proc_root_init(void)
{
	int err;

	TRACE_ENTER("%s", "");
	err = register_filesystem(&proc_fs_type);
	if (err)
		goto out;
	proc_mnt = kern_mount(&proc_fs_type);
	err = PTR_ERR(proc_mnt);
	if (IS_ERR(proc_mnt)) {
		unregister_filesystem(&proc_fs_type);
		goto out;
	}
	/* sim: proc_misc_init() and the proc_mkdir()s omitted: no /proc tree */
out:
	TRACE_EXIT();
}

/* sim: shutdown. Drops proc_mnt, which takes proc down; unregisters it. */
void sim_proc_root_exit(void)
{
	if (proc_mnt && !IS_ERR(proc_mnt))
		mntput(proc_mnt);
	proc_mnt = NULL;
	if (get_fs_type(proc_fs_type.name) == &proc_fs_type)
		unregister_filesystem(&proc_fs_type);
}
