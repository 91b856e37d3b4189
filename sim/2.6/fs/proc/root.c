// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/fs/proc/root.c - the proc superblock of the boot (reduced).
 * Models fs/proc/root.c (2.6.32), in its order: proc_test_super,
 *   proc_set_super, proc_get_sb, proc_kill_sb, proc_fs_type,
 *   proc_root_init; and, reduced, fs/proc/inode.c's proc_fill_super.
 * Left out: every proc entry (proc_dir_entry, proc_mkdir("sysvipc"),
 *   proc_symlink, proc_net_init, proc_sys_init: the runner's views print
 *   /proc files directly), pid namespaces beyond a token (sim:
 *   sim_init_pid_ns stands for init_pid_ns; no get_pid_ns refcount),
 *   proc_inode (the root inode comes from inode_cachep), the root's pid.
 * Called by: start_kernel (proc_root_init, after vfs_caches_init). It is
 *   the fourth anonymous superblock (00:03). Sim only: sim_proc_root_exit.
 */
#include "linux/fs.h"
#include "sim/trace.h"
#include "fs/internal.h"

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1

struct vfsmount *proc_mnt;

/* sim: the init pid namespace, by address only */
static int sim_init_pid_ns;

static const struct super_operations proc_sops = {
	.statfs		= simple_statfs,
	.drop_inode	= generic_delete_inode,
};

/* one superblock per pid namespace */
static int proc_test_super(struct super_block *sb, void *data)
{
	return sb->s_fs_info == data;
}

static int proc_set_super(struct super_block *sb, void *data)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	sb->s_fs_info = data;		/* get_pid_ns(ns) */
	return TRACE_RET(set_anon_super(sb, NULL));
}

/* fs/proc/inode.c (simplified: proc_get_inode reduced to iget_locked) */
static int proc_fill_super(struct super_block *s)
{
	struct inode *root_inode;

	TRACE_ENTER("super_block#%u", sim_id(s));
	s->s_flags |= MS_NODIRATIME | MS_NOSUID | MS_NOEXEC;
	s->s_blocksize = 1024;
	s->s_blocksize_bits = 10;
	s->s_magic = PROC_SUPER_MAGIC;
	s->s_op = &proc_sops;
	s->s_time_gran = 1;

	root_inode = iget_locked(s, PROC_ROOT_INO);
	if (!root_inode)
		goto out_no_root;
	if (root_inode->i_state & I_NEW) {
		root_inode->i_mode = S_IFDIR | S_IRUGO | S_IXUGO;
		root_inode->i_nlink = 2;
		root_inode->i_op = &simple_dir_inode_operations;
		root_inode->i_fop = &simple_dir_operations;
		root_inode->i_atime = root_inode->i_mtime =
			root_inode->i_ctime = CURRENT_TIME;
		unlock_new_inode(root_inode);
	}
	root_inode->i_uid = 0;
	root_inode->i_gid = 0;
	s->s_root = d_alloc_root(root_inode);
	if (!s->s_root)
		goto out_no_root;
	return TRACE_RET(0);

out_no_root:
	sim_note("vfs", "proc_read_super: get root inode failed");
	iput(root_inode);
	return TRACE_RET(-ENOMEM);
}

static int proc_get_sb(struct file_system_type *fs_type, int flags,
		       const char *dev_name, void *data, struct vfsmount *mnt)
{
	int err;
	struct super_block *sb;
	void *ns;

	(void)dev_name;
	TRACE_ENTER("flags=%#x", (unsigned int)flags);
	if (flags & MS_KERNMOUNT)
		ns = data;
	else
		ns = &sim_init_pid_ns;	/* current->nsproxy->pid_ns */

	sb = sget(fs_type, proc_test_super, proc_set_super, ns);
	if (IS_ERR(sb))
		return TRACE_RET(PTR_ERR(sb));

	if (!sb->s_root) {
		sb->s_flags = (unsigned int)flags;
		err = proc_fill_super(sb);
		if (err) {
			deactivate_locked_super(sb);
			return TRACE_RET(err);
		}
		/* sim: no pid for the root's proc_inode */
		sb->s_flags |= MS_ACTIVE;
	}
	simple_set_mnt(mnt, sb);
	return TRACE_RET(0);
}

static void proc_kill_sb(struct super_block *sb)
{
	TRACE_ENTER("super_block#%u", sim_id(sb));
	kill_anon_super(sb);
	/* sim: no put_pid_ns */
	TRACE_EXIT();
}

static struct file_system_type proc_fs_type = {
	.name		= "proc",
	.get_sb		= proc_get_sb,
	.kill_sb	= proc_kill_sb,
};

void proc_root_init(void)
{
	int err;

	TRACE_ENTER("%s", "");
	/* sim: no proc_inode_cache */
	err = register_filesystem(&proc_fs_type);
	if (err) {
		TRACE_EXIT();
		return;
	}
	proc_mnt = kern_mount_data(&proc_fs_type, &sim_init_pid_ns);
	if (IS_ERR(proc_mnt)) {
		unregister_filesystem(&proc_fs_type);
		proc_mnt = NULL;	/* sim: the kernel leaves the error */
		TRACE_EXIT();
		return;
	}
	/* sim: no entries: mounts, net, sysvipc, fs, ... are left out */
	TRACE_EXIT();
}

/* sim: unmount and unregister */
void sim_proc_root_exit(void)
{
	if (proc_mnt)
		mntput(proc_mnt);
	proc_mnt = NULL;
	if (get_fs_type("proc") == &proc_fs_type)
		unregister_filesystem(&proc_fs_type);
}
