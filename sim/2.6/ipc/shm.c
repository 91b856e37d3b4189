// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/ipc/shm.c - System V shared memory segments, 2.6.32.
 * Models ipc/shm.c (2.6.32), in its order: shm_init_ns, do_shm_rmid,
 *   shm_init, shm_lock, shm_lock_check, shm_rmid, shm_open, shm_destroy,
 *   shm_close, shm_fault, shm_mmap, shm_release, shm_fsync,
 *   shm_file_operations, shm_vm_ops, newseg, shm_security,
 *   shm_more_checks, sys_shmget, shm_get_stat, shmctl_down, sys_shmctl
 *   (split by command, as the 2.4 model does: shmctl_info for IPC_INFO and
 *   SHM_INFO, shmctl_stat for SHM_STAT and IPC_STAT, shmctl_lock for
 *   SHM_LOCK and SHM_UNLOCK; the command's name in the trace is
 *   sim/lib/shmctl_name.c's, shared with the 2.4 model),
 *   do_shmat, sys_shmat, sys_shmdt, sysvipc_shm_proc_show. Sim only, last:
 *   sysvipc_shm_read_proc (the /proc file's walk), the views (sim_shm_*)
 *   and sim_shm_check.
 * Longer than ~800 lines: 2.6.32's ipc/shm.c is 1102, its do_shmat 130;
 *   the views (130 lines) and the check (370) read its private statics.
 * Left out: IPC namespaces other than init_ipc_ns (shm_exit_ns,
 *   shm_destroy_orphaned), SHM_HUGETLB (hugetlb_file_setup,
 *   shm_file_operations_huge, shm_get_unmapped_area), the sysctls (the
 *   limits keep their defaults), the LSM and audit hooks (all return 0),
 *   the rw_mutex, mmap_sem and object locks (one thread), copies from and
 *   to user memory: shmctl's buf is a kernel-side struct shmid64_ds,
 *   shminfo64 or shm_info (NULL gives -EFAULT; the old IPC_OLD layouts are
 *   filled in the IPC_64 form).
 * Called by the runner's system calls (sys_shmget, sys_shmat, sys_shmdt,
 *   sys_shmctl), by ipc_init (shm_init), by the vm through the tables:
 *   shm_mmap from mmap_region, shm_open/shm_close/shm_fault from fork,
 *   split_vma, remove_vma and __do_fault, shm_release from __fput.
 *
 * A segment's life: shmget -> ipcget -> newseg (shmem_file_setup: the
 * segment's file; ipc_addid: the id, also the inode number) -> shmat ->
 * do_shmat: a second struct file on the same dentry (shm_file_operations,
 * private_data a shm_file_data) -> do_mmap -> shm_mmap -> shmem_mmap, then
 * shm_open (nattch +1) -> faults: shm_fault -> shmem_fault -> shmdt ->
 * do_munmap -> remove_vma: shm_close (nattch -1), fput of the attach file
 * -> shm_release -> IPC_RMID -> do_shm_rmid: shm_destroy now (nattch 0) or
 * SHM_DEST and key IPC_PRIVATE, destroyed by the last shm_close.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/mman.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/trace.h"
#include "sim/shm_views.h"
#include "ipc/util.h"

/* what an attach file's private_data points at */
struct shm_file_data {
	int id;				/* the segment's id */
	struct ipc_namespace *ns;
	struct file *file;		/* the segment's shm_file */
	const struct vm_operations_struct *vm_ops;	/* shmem's */
};

/* the kernel's shm_file_data(file) macro, as an inline */
static inline struct shm_file_data *shm_file_data(struct file *file)
{
	return file->private_data;
}

static const struct file_operations shm_file_operations;
static const struct vm_operations_struct shm_vm_ops;
static int sim_shm_file_data_live;	/* sim: kzalloc'd, not yet kfree'd */

static inline struct ipc_ids *shm_ids(struct ipc_namespace *ns)
{
	return &ns->ids[IPC_SHM_IDS];
}

static inline void shm_unlock(struct shmid_kernel *shp)
{
	ipc_unlock(&shp->shm_perm);
}

static int newseg(struct ipc_namespace *ns, struct ipc_params *params);
static void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp);

/* the limits and the ids of a namespace (init_ipc_ns only here) */
static void shm_init_ns(struct ipc_namespace *ns)
{
	TRACE_ENTER("%s", "");
	ns->shm_ctlmax = SHMMAX;
	ns->shm_ctlall = SHMALL;
	ns->shm_ctlmni = SHMMNI;
	ns->shm_tot = 0;
	ipc_init_ids(shm_ids(ns));
	TRACE_EXIT();
}

/*
 * IPC_RMID: destroy now if nobody is attached, else mark it SHM_DEST and
 * hide its key (shmget by key no longer finds it; attach by id still
 * works); the last shm_close destroys it.
 */
static void do_shm_rmid(struct ipc_namespace *ns, struct kern_ipc_perm *ipcp)
{
	struct shmid_kernel *shp;

	TRACE_ENTER("id %d", ipcp->id);
	shp = container_of(ipcp, struct shmid_kernel, shm_perm);

	if (shp->shm_nattch) {
		shp->shm_perm.mode |= SHM_DEST;
		/* do not find it any more */
		shp->shm_perm.key = IPC_PRIVATE;
		sim_note("shm", "id %d marked SHM_DEST, key now IPC_PRIVATE, "
			 "shm_nattch %lu", ipcp->id, shp->shm_nattch);
		shm_unlock(shp);
	} else {
		shm_destroy(ns, shp);
	}
	TRACE_EXIT();
}

/* ipc_init (an initcall, after init_tmpfs) */
void shm_init(void)
{
	TRACE_ENTER("%s", "");
	shm_init_ns(&init_ipc_ns);
	/* sim: the proc file is sysvipc_shm_read_proc, read by the views */
	sim_trace_comment("ipc_init_proc_interface(\"sysvipc/shm\")");
	TRACE_EXIT();
}

/* the segment at id's index, or -EINVAL; the seq is not checked */
static inline struct shmid_kernel *shm_lock(struct ipc_namespace *ns, int id)
{
	struct kern_ipc_perm *ipcp = ipc_lock(shm_ids(ns), id);

	if (IS_ERR(ipcp))
		return (struct shmid_kernel *)ipcp;
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

/* shm_lock, and -EIDRM for a stale id */
static inline struct shmid_kernel *shm_lock_check(struct ipc_namespace *ns,
						  int id)
{
	struct kern_ipc_perm *ipcp = ipc_lock_check(shm_ids(ns), id);

	if (IS_ERR(ipcp))
		return (struct shmid_kernel *)ipcp;
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

static inline void shm_rmid(struct ipc_namespace *ns, struct shmid_kernel *s)
{
	ipc_rmid(shm_ids(ns), &s->shm_perm);
}

/*
 * vm_ops->open, and the last step of shm_mmap: one more vma attached (a
 * new attach, a fork's copy, a split half). atime and lpid are current's.
 */
static void shm_open(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;
	struct shm_file_data *sfd = shm_file_data(file);
	struct shmid_kernel *shp;

	TRACE_ENTER("vma#%u", sim_id(vma));
	shp = shm_lock(sfd->ns, sfd->id);
	BUG_ON(IS_ERR(shp));
	shp->shm_atim = (time_t)get_seconds();
	shp->shm_lprid = current->tgid;
	shp->shm_nattch++;
	sim_note("shm", "id %d shm_nattch %lu, lpid %d", sfd->id,
		 shp->shm_nattch, shp->shm_lprid);
	shm_unlock(shp);
	TRACE_EXIT();
}

/*
 * Free the segment: out of the idr, undo SHM_LOCK, drop the segment's
 * file. The inode dies here only if no attach file still holds the dentry
 * (IPC_RMID at nattch 0); else the last attach file's __fput finishes it.
 */
static void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	TRACE_ENTER("id %d", shp->shm_perm.id);
	ns->shm_tot -= (int)((shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT);
	shm_rmid(ns, shp);
	shm_unlock(shp);
	/* sim: no hugetlb: always the shmem file */
	shmem_lock(shp->shm_file, 0, shp->mlock_user);
	sim_note("shm", "id %d destroyed, shm_tot %d", shp->shm_perm.id,
		 ns->shm_tot);
	fput(shp->shm_file);
	/* sim: security_shm_free has nothing to free */
	ipc_rcu_putref(shp);
	TRACE_EXIT();
}

/* vm_ops->close: an attach goes (munmap, shmdt, exit, SHM_REMAP). */
static void shm_close(struct vm_area_struct *vma)
{
	struct file *file = vma->vm_file;
	struct shm_file_data *sfd = shm_file_data(file);
	struct shmid_kernel *shp;
	struct ipc_namespace *ns = sfd->ns;

	TRACE_ENTER("vma#%u", sim_id(vma));
	shp = shm_lock(ns, sfd->id);
	BUG_ON(IS_ERR(shp));
	shp->shm_lprid = current->tgid;
	shp->shm_dtim = (time_t)get_seconds();
	shp->shm_nattch--;
	sim_note("shm", "id %d shm_nattch %lu, lpid %d", sfd->id,
		 shp->shm_nattch, shp->shm_lprid);
	if (shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		shm_destroy(ns, shp);
	else
		shm_unlock(shp);
	TRACE_EXIT();
}

/* vm_ops->fault: shmem's, saved by shm_mmap */
static int shm_fault(struct vm_area_struct *vma, struct vm_fault *vmf)
{
	struct file *file = vma->vm_file;
	struct shm_file_data *sfd = shm_file_data(file);
	int ret;

	TRACE_ENTER("vma#%u, pgoff %lu", sim_id(vma), vmf->pgoff);
	ret = sfd->vm_ops->fault(vma, vmf);
	return TRACE_RET_INT(ret);
}

/*
 * f_op->mmap of an attach file: shmem_mmap on the segment's file, then
 * our vm_ops over shmem's, and the attach counted (shm_open).
 */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(file);
	int ret;

	TRACE_ENTER("file#%u, vma#%u", sim_id(file), sim_id(vma));
	ret = sfd->file->f_op->mmap(sfd->file, vma);
	if (ret != 0)
		return TRACE_RET(ret);
	sfd->vm_ops = vma->vm_ops;
	BUG_ON(!sfd->vm_ops->fault);
	vma->vm_ops = &shm_vm_ops;
	shm_open(vma);
	return TRACE_RET(ret);
}

/* f_op->release of an attach file, from __fput */
static int shm_release(struct inode *ino, struct file *file)
{
	struct shm_file_data *sfd = shm_file_data(file);

	(void)ino;
	TRACE_ENTER("file#%u", sim_id(file));
	put_ipc_ns(sfd->ns);
	file->private_data = NULL;
	kfree(sfd);
	sim_shm_file_data_live--;	/* sim: show objects */
	return TRACE_RET(0);
}

/* f_op->fsync: the segment file's (simple_sync_file), reduced */
static int shm_fsync(struct file *file, struct dentry *dentry, int datasync)
{
	struct shm_file_data *sfd = shm_file_data(file);
	int ret;

	TRACE_ENTER("file#%u", sim_id(file));
	if (!sfd->file->f_op->fsync)
		return TRACE_RET(-EINVAL);
	ret = sfd->file->f_op->fsync(sfd->file, dentry, datasync);
	return TRACE_RET(ret);
}

/* an attach file's: no get_unmapped_area in 2.6.32 (only the _huge one) */
static const struct file_operations shm_file_operations = {
	.mmap		= shm_mmap,
	.fsync		= shm_fsync,
	.release	= shm_release,
};

static const struct vm_operations_struct shm_vm_ops = {
	.open	= shm_open,	/* callback for a new vm-area open */
	.close	= shm_close,	/* a vma of the attach goes away */
	.fault	= shm_fault,
};

/*
 * ipc_ops.getnew: a new segment for params (key, flags, size). Returns
 * its id, or -EINVAL, -ENOSPC, -ENOMEM, -ENFILE, shmem_file_setup's
 * errors, or ipc_addid's (-ENOSPC; -EAGAIN makes ipcget retry).
 */
static int newseg(struct ipc_namespace *ns, struct ipc_params *params)
{
	key_t key = params->key;
	int shmflg = params->flg;
	size_t size = params->u.size;
	int error;
	struct shmid_kernel *shp;
	int numpages = (int)((size + PAGE_SIZE - 1) >> PAGE_SHIFT);
	struct file *file;
	char name[13];
	int id;
	unsigned long acctflag = 0;

	TRACE_ENTER("key %#x, %#o, %zu", (unsigned int)key,
		    (unsigned int)shmflg, size);
	if (size < SHMMIN || size > ns->shm_ctlmax)
		return TRACE_RET(-EINVAL);

	/* `>`: 2.6 may use the last page of SHMALL (2.4.16 had `>=`) */
	if ((size_t)ns->shm_tot + (size_t)numpages > ns->shm_ctlall)
		return TRACE_RET(-ENOSPC);

	shp = ipc_rcu_alloc(sizeof(*shp));
	if (!shp)
		return TRACE_RET(-ENOMEM);

	shp->shm_perm.key = key;
	shp->shm_perm.mode = (unsigned int)(shmflg & S_IRWXUGO);
	shp->mlock_user = NULL;
	/* sim: security_shm_alloc returns 0 */

	snprintf(name, sizeof(name), "SYSV%08x", (unsigned int)key);
	/* sim: no SHM_HUGETLB; overcommit is never OVERCOMMIT_NEVER */
	if (shmflg & SHM_NORESERVE)
		acctflag = VM_NORESERVE;
	file = shmem_file_setup(name, (loff_t)size, acctflag);
	error = (int)PTR_ERR(file);
	if (IS_ERR(file))
		goto no_file;

	id = ipc_addid(shm_ids(ns), &shp->shm_perm, ns->shm_ctlmni);
	if (id < 0) {
		error = id;
		goto no_id;
	}

	shp->shm_cprid = current->tgid;
	shp->shm_lprid = 0;
	shp->shm_atim = shp->shm_dtim = 0;
	shp->shm_ctim = (time_t)get_seconds();
	shp->shm_segsz = size;
	shp->shm_nattch = 0;
	shp->shm_file = file;
	/* the id doubles as the inode number: what /proc/PID/maps shows */
	file->f_dentry->d_inode->i_ino = (unsigned long)shp->shm_perm.id;

	ns->shm_tot += numpages;
	error = shp->shm_perm.id;
	sim_note("shm", "id=%d key=%#x size=%zu pages=%d mode=%#o, shm_tot "
		 "%d", shp->shm_perm.id, (unsigned int)key, size, numpages,
		 shp->shm_perm.mode, ns->shm_tot);
	shm_unlock(shp);
	return TRACE_RET(error);

no_id:
	if (shp->mlock_user)	/* shmflg & SHM_HUGETLB case */
		user_shm_unlock(size, shp->mlock_user);
	fput(file);
no_file:
	/* sim: security_shm_free */
	ipc_rcu_putref(shp);
	return TRACE_RET(error);
}

/* ipc_ops.associate: security_shm_associate, always 0 without an LSM */
static inline int shm_security(struct kern_ipc_perm *ipcp, int shmflg)
{
	(void)ipcp;
	(void)shmflg;
	return 0;
}

/* ipc_ops.more_checks: an existing key of a smaller segment: -EINVAL */
static inline int shm_more_checks(struct kern_ipc_perm *ipcp,
				  struct ipc_params *params)
{
	struct shmid_kernel *shp;

	shp = container_of(ipcp, struct shmid_kernel, shm_perm);
	if (shp->shm_segsz < params->u.size)
		return -EINVAL;
	return 0;
}

long sys_shmget(key_t key, size_t size, int shmflg)
{
	struct ipc_namespace *ns;
	struct ipc_ops shm_ops;
	struct ipc_params shm_params;
	long ret;

	TRACE_ENTER("%#x, %zu, %#o", (unsigned int)key, size,
		    (unsigned int)shmflg);
	ns = &init_ipc_ns;	/* current->nsproxy->ipc_ns */

	shm_ops.getnew = newseg;
	shm_ops.associate = shm_security;
	shm_ops.more_checks = shm_more_checks;

	shm_params.key = key;
	shm_params.flg = shmflg;
	shm_params.u.size = size;

	ret = ipcget(ns, shm_ids(ns), &shm_ops, &shm_params);
	return TRACE_RET(ret);
}

/* SHM_INFO's usage: pages in RAM and in swap over every segment */
static void shm_get_stat(struct ipc_namespace *ns, unsigned long *rss,
			 unsigned long *swp)
{
	int next_id;
	int total, in_use;

	*rss = 0;
	*swp = 0;

	in_use = shm_ids(ns)->in_use;

	for (total = 0, next_id = 0; total < in_use; next_id++) {
		struct shmid_kernel *shp;
		struct inode *inode;
		struct kern_ipc_perm *ipcp;

		ipcp = idr_find(&shm_ids(ns)->ipcs_idr, next_id);
		if (ipcp == NULL)
			continue;
		shp = container_of(ipcp, struct shmid_kernel, shm_perm);
		inode = shp->shm_file->f_path.dentry->d_inode;
		/* sim: no hugetlb */
		*rss += inode->i_mapping->nrpages;
		*swp += SHMEM_I(inode)->swapped;
		total++;
	}
}

/*
 * IPC_RMID and IPC_SET: for the owner, the creator or CAP_SYS_ADMIN.
 * ipcctl_pre_down gives -EINVAL, -EIDRM or -EPERM in that order.
 */
static int shmctl_down(struct ipc_namespace *ns, int shmid, int cmd,
		       void *buf, int version)
{
	struct kern_ipc_perm *ipcp;
	struct shmid64_ds shmid64;
	struct shmid_kernel *shp;
	int err;

	(void)version;
	TRACE_ENTER("%d, %d", shmid, cmd);
	memset(&shmid64, 0, sizeof(shmid64));
	if (cmd == IPC_SET) {
		/* copy_shmid_from_user: sim: a kernel-side buffer */
		if (!buf)
			return TRACE_RET(-EFAULT);
		memcpy(&shmid64, buf, sizeof(shmid64));
	}

	ipcp = ipcctl_pre_down(shm_ids(ns), shmid, cmd, &shmid64.shm_perm, 0);
	if (IS_ERR(ipcp))
		return TRACE_RET(PTR_ERR(ipcp));

	shp = container_of(ipcp, struct shmid_kernel, shm_perm);

	/* sim: security_shm_shmctl returns 0 */
	switch (cmd) {
	case IPC_RMID:
		do_shm_rmid(ns, ipcp);
		return TRACE_RET(0);
	case IPC_SET:
		ipc_update_perm(&shmid64.shm_perm, ipcp);
		shp->shm_ctim = (time_t)get_seconds();
		sim_note("shm", "id %d IPC_SET: uid %u, gid %u, mode %#o",
			 ipcp->id, (unsigned int)ipcp->uid,
			 (unsigned int)ipcp->gid, ipcp->mode);
		err = 0;
		break;
	default:
		err = -EINVAL;
	}
	shm_unlock(shp);
	return TRACE_RET(err);
}

/* IPC_INFO and SHM_INFO: both return the highest index in use (or 0) */
static long shmctl_info(struct ipc_namespace *ns, int cmd, void *buf)
{
	int err;

	if (cmd == IPC_INFO) {
		struct shminfo64 shminfo;

		memset(&shminfo, 0, sizeof(shminfo));
		shminfo.shmmni = shminfo.shmseg = (unsigned long)ns->shm_ctlmni;
		shminfo.shmmax = ns->shm_ctlmax;
		shminfo.shmall = ns->shm_ctlall;
		shminfo.shmmin = SHMMIN;
		/* copy_shminfo_to_user: sim: a kernel-side buffer */
		if (!buf)
			return -EFAULT;
		memcpy(buf, &shminfo, sizeof(shminfo));
		err = ipc_get_maxid(shm_ids(ns));
		if (err < 0)
			err = 0;
		return err;
	} else {
		struct shm_info shm_info;

		memset(&shm_info, 0, sizeof(shm_info));
		shm_info.used_ids = shm_ids(ns)->in_use;
		shm_get_stat(ns, &shm_info.shm_rss, &shm_info.shm_swp);
		shm_info.shm_tot = (unsigned long)ns->shm_tot;
		shm_info.swap_attempts = 0;
		shm_info.swap_successes = 0;
		err = ipc_get_maxid(shm_ids(ns));
		if (!buf)
			return -EFAULT;
		memcpy(buf, &shm_info, sizeof(shm_info));
		return err < 0 ? 0 : err;
	}
}

/*
 * SHM_STAT (by index: a full id is accepted too, only its index counts;
 * returns the id) and IPC_STAT (by id, -EIDRM for a stale one; returns 0).
 */
static long shmctl_stat(struct ipc_namespace *ns, int shmid, int cmd,
			void *buf)
{
	struct shmid64_ds tbuf;
	struct shmid_kernel *shp;
	int result, err;

	if (cmd == SHM_STAT) {
		shp = shm_lock(ns, shmid);
		if (IS_ERR(shp))
			return PTR_ERR(shp);
		result = shp->shm_perm.id;
	} else {
		shp = shm_lock_check(ns, shmid);
		if (IS_ERR(shp))
			return PTR_ERR(shp);
		result = 0;
	}
	err = -EACCES;
	if (ipcperms(&shp->shm_perm, S_IRUGO))
		goto out_unlock;
	/* sim: security_shm_shmctl returns 0 */
	memset(&tbuf, 0, sizeof(tbuf));
	kernel_to_ipc64_perm(&shp->shm_perm, &tbuf.shm_perm);
	tbuf.shm_segsz = shp->shm_segsz;
	tbuf.shm_atime = shp->shm_atim;
	tbuf.shm_dtime = shp->shm_dtim;
	tbuf.shm_ctime = shp->shm_ctim;
	tbuf.shm_cpid = shp->shm_cprid;
	tbuf.shm_lpid = shp->shm_lprid;
	tbuf.shm_nattch = shp->shm_nattch;
	shm_unlock(shp);
	/* copy_shmid_to_user: sim: a kernel-side buffer */
	if (!buf)
		return -EFAULT;
	memcpy(buf, &tbuf, sizeof(tbuf));
	return result;

out_unlock:
	shm_unlock(shp);
	return err;
}

/*
 * SHM_LOCK / SHM_UNLOCK: the id first (-EINVAL, -EIDRM); without
 * CAP_IPC_LOCK only the owner or creator (-EPERM), and SHM_LOCK is
 * charged to RLIMIT_MEMLOCK (shmem_lock: -ENOMEM beyond it).
 */
static long shmctl_lock(struct ipc_namespace *ns, int shmid, int cmd)
{
	struct shmid_kernel *shp;
	int err;

	/* sim: lru_add_drain_all: no pagevecs */
	shp = shm_lock_check(ns, shmid);
	if (IS_ERR(shp))
		return PTR_ERR(shp);

	if (!capable(CAP_IPC_LOCK)) {
		uid_t euid = current_euid();

		err = -EPERM;
		if (euid != shp->shm_perm.uid && euid != shp->shm_perm.cuid)
			goto out_unlock;
		/* sim: RLIMIT_MEMLOCK is never 0 (MLOCK_LIMIT) */
	}

	/* sim: security_shm_shmctl returns 0 */
	err = 0;
	if (cmd == SHM_LOCK) {
		struct user_struct *user = current_user();

		err = -ENOMEM;	/* sim: no record for the uid */
		if (user)
			err = shmem_lock(shp->shm_file, 1, user);
		if (!err && !(shp->shm_perm.mode & SHM_LOCKED)) {
			shp->shm_perm.mode |= SHM_LOCKED;
			shp->mlock_user = user;
		}
	} else {
		shmem_lock(shp->shm_file, 0, shp->mlock_user);
		shp->shm_perm.mode &= ~SHM_LOCKED;
		shp->mlock_user = NULL;
	}
	sim_note("shm", "id %d: mode %#o", shp->shm_perm.id,
		 shp->shm_perm.mode);
out_unlock:
	shm_unlock(shp);
	return err;
}

long sys_shmctl(int shmid, int cmd, void *buf)
{
	struct ipc_namespace *ns;
	long err;

	TRACE_ENTER("%d, %d %s", shmid, cmd, sim_shmctl_cmd_name(cmd));
	if (cmd < 0 || shmid < 0)
		return TRACE_RET(-EINVAL);

	(void)ipc_parse_version(&cmd);	/* sim: IPC_64 layouts only */
	ns = &init_ipc_ns;

	switch (cmd) {
	case IPC_INFO:
	case SHM_INFO:
		err = shmctl_info(ns, cmd, buf);
		break;
	case SHM_STAT:
	case IPC_STAT:
		err = shmctl_stat(ns, shmid, cmd, buf);
		break;
	case SHM_LOCK:
	case SHM_UNLOCK:
		err = shmctl_lock(ns, shmid, cmd);
		break;
	case IPC_RMID:
	case IPC_SET:
		err = shmctl_down(ns, shmid, cmd, buf, IPC_64);
		break;
	default:
		err = -EINVAL;
	}
	return TRACE_RET(err);
}

/* include/linux/err.h: an address that is really -errno */
static inline int IS_ERR_VALUE(unsigned long x)
{
	return x >= (unsigned long)-MAX_ERRNO;
}

/*
 * Attach segment shmid to current at shmaddr (0: the kernel chooses) with
 * a new file of its own; the address goes to *raddr. 0 or -errno. nattch
 * is pinned across do_mmap so that an IPC_RMID meanwhile cannot free the
 * segment; the pin is released at the end (maybe destroying it).
 */
long do_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr)
{
	struct shmid_kernel *shp;
	unsigned long addr;
	unsigned long size;
	struct file *file;
	int err;
	unsigned long flags;
	unsigned long prot;
	int acc_mode;
	unsigned long user_addr;
	struct ipc_namespace *ns;
	struct shm_file_data *sfd;
	struct path path;
	fmode_t f_mode;

	TRACE_ENTER("%d, %#lx, %#o", shmid, (unsigned long)shmaddr,
		    (unsigned int)shmflg);
	err = -EINVAL;
	if (shmid < 0)
		goto out;
	else if ((addr = (unsigned long)shmaddr)) {
		if (addr & (SHMLBA - 1)) {
			if (shmflg & SHM_RND)
				addr &= ~(SHMLBA - 1);	/* round down */
			else if (addr & ~PAGE_MASK)	/* no FORCE_SHMLBA */
				goto out;
		}
		flags = MAP_SHARED | MAP_FIXED;
	} else {
		if ((shmflg & SHM_REMAP))
			goto out;
		flags = MAP_SHARED;
	}

	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		acc_mode = S_IRUGO;
		f_mode = FMODE_READ;
	} else {
		prot = PROT_READ | PROT_WRITE;
		acc_mode = S_IRUGO | S_IWUGO;
		f_mode = FMODE_READ | FMODE_WRITE;
	}
	if (shmflg & SHM_EXEC) {
		prot |= PROT_EXEC;
		acc_mode |= S_IXUGO;
	}

	/* we must hold a reference to the segment's file while we map */
	ns = &init_ipc_ns;
	shp = shm_lock_check(ns, shmid);
	if (IS_ERR(shp)) {
		err = (int)PTR_ERR(shp);
		goto out;
	}

	err = -EACCES;
	if (ipcperms(&shp->shm_perm, (short)acc_mode))
		goto out_unlock;
	/* sim: security_shm_shmat returns 0 */

	path.dentry = dget(shp->shm_file->f_path.dentry);
	path.mnt = shp->shm_file->f_path.mnt;
	shp->shm_nattch++;
	size = (unsigned long)path.dentry->d_inode->i_size;
	sim_note("shm", "id %d shm_nattch %lu (pinned across do_mmap), "
		 "dentry#%u d_count %d", shmid, shp->shm_nattch,
		 sim_id(path.dentry), path.dentry->d_count);
	shm_unlock(shp);

	err = -ENOMEM;
	sfd = kzalloc(sizeof(*sfd), GFP_KERNEL);
	if (!sfd)
		goto out_put_dentry;
	sim_shm_file_data_live++;	/* sim: show objects */

	file = alloc_file(path.mnt, path.dentry, f_mode,
			  &shm_file_operations);
	if (!file)
		goto out_free;

	file->private_data = sfd;
	file->f_mapping = shp->shm_file->f_mapping;
	sfd->id = shp->shm_perm.id;
	sfd->ns = get_ipc_ns(ns);
	sfd->file = shp->shm_file;
	sfd->vm_ops = NULL;
	sim_note("shm", "attach file#%u (f_mode %#x) for id %d", sim_id(file),
		 (unsigned int)f_mode, sfd->id);

	/* sim: no mmap_sem */
	if (addr && !(shmflg & SHM_REMAP)) {
		err = -EINVAL;
		if (find_vma_intersection(current->mm, addr, addr + size))
			goto invalid;
		/*
		 * An attach placed just under the stack would leave it no
		 * room: keep four pages free below start_stack.
		 */
		if (addr < current->mm->start_stack &&
		    addr > current->mm->start_stack - size - PAGE_SIZE * 5)
			goto invalid;
	}

	user_addr = do_mmap(file, addr, size, prot, flags, 0);
	*raddr = user_addr;
	err = 0;
	if (IS_ERR_VALUE(user_addr))
		err = (int)(long)user_addr;
invalid:
	/* the vma took its own reference (get_file in mmap_region) */
	fput(file);

out_nattch:
	shp = shm_lock(ns, shmid);
	BUG_ON(IS_ERR(shp));
	shp->shm_nattch--;
	sim_note("shm", "id %d shm_nattch %lu (pin released)", shmid,
		 shp->shm_nattch);
	if (shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		shm_destroy(ns, shp);
	else
		shm_unlock(shp);
out:
	return TRACE_RET(err);

out_unlock:
	shm_unlock(shp);
	goto out;

out_free:
	kfree(sfd);
	sim_shm_file_data_live--;	/* sim */
out_put_dentry:
	dput(path.dentry);
	goto out_nattch;
}

/*
 * The runner's shmat: i386's sys_ipc(SHMAT), which stores the address
 * with put_user and returns 0 (sim: *raddr is the user's word).
 */
long sys_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr)
{
	unsigned long ret = 0;
	long err;

	TRACE_ENTER("%d, %#lx, %#o", shmid, (unsigned long)shmaddr,
		    (unsigned int)shmflg);
	err = do_shmat(shmid, shmaddr, shmflg, &ret);
	if (err)
		return TRACE_RET(err);
	*raddr = ret;
	return TRACE_RET(0);
}

/* sim: i386 unsigned long arithmetic, whatever the host's width */
static inline unsigned long sim_u32(unsigned long x)
{
	return x & 0xffffffffUL;
}

/*
 * Detach the attach that starts at shmaddr: the first shm vma from there
 * on whose (vm_start - shmaddr) / PAGE_SIZE is its vm_pgoff, then the
 * fragments of the same attach within its size. -EINVAL if shmaddr is not
 * page-aligned or no attach starts there.
 */
long sys_shmdt(char *shmaddr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	unsigned long addr = (unsigned long)shmaddr;
	loff_t size = 0;
	int retval = -EINVAL;

	TRACE_ENTER("%#lx", addr);
	if (addr & ~PAGE_MASK)
		return TRACE_RET(retval);

	/* sim: no mmap_sem */
	vma = find_vma(mm, addr);

	while (vma) {
		next = vma->vm_next;

		/*
		 * A vma of an attach that would start at addr: its pgoff
		 * pages above addr. A whole attach matches with pgoff 0; a
		 * piece left by munmap or mprotect matches only if addr is
		 * where its attach began.
		 */
		if ((vma->vm_ops == &shm_vm_ops) &&
		    sim_u32(vma->vm_start - addr) / PAGE_SIZE ==
		    vma->vm_pgoff) {
			size = vma->vm_file->f_path.dentry->d_inode->i_size;
			do_munmap(mm, vma->vm_start,
				  vma->vm_end - vma->vm_start);
			/*
			 * Now the segment's size is known: the loop below
			 * takes the other pieces of this attach, and stops
			 * once past addr + size.
			 */
			retval = 0;
			vma = next;
			break;
		}
		vma = next;
	}

	/* the rest of the attach's fragments, within its size */
	size = (loff_t)PAGE_ALIGN((unsigned long)size);
	while (vma && (loff_t)(vma->vm_end - addr) <= size) {
		next = vma->vm_next;

		/* retval is already 0: more pieces do not change it */
		if ((vma->vm_ops == &shm_vm_ops) &&
		    sim_u32(vma->vm_start - addr) / PAGE_SIZE ==
		    vma->vm_pgoff)
			do_munmap(mm, vma->vm_start,
				  vma->vm_end - vma->vm_start);
		vma = next;
	}

	return TRACE_RET(retval);
}

/* one row of /proc/sysvipc/shm (i386: size_t is an int, the 10-wide form) */
static int sysvipc_shm_proc_show(FILE *s, void *it)
{
	struct shmid_kernel *shp = it;

	return fprintf(s, "%10d %10d  %4o %10u %5u %5u  %5lu %5u %5u %5u %5u "
		       "%10lu %10lu %10lu\n",
		       shp->shm_perm.key, shp->shm_perm.id,
		       shp->shm_perm.mode, (unsigned int)shp->shm_segsz,
		       (unsigned int)shp->shm_cprid,
		       (unsigned int)shp->shm_lprid, shp->shm_nattch,
		       (unsigned int)shp->shm_perm.uid,
		       (unsigned int)shp->shm_perm.gid,
		       (unsigned int)shp->shm_perm.cuid,
		       (unsigned int)shp->shm_perm.cgid,
		       (unsigned long)shp->shm_atim,
		       (unsigned long)shp->shm_dtim,
		       (unsigned long)shp->shm_ctim);
}

/*
 * sim: /proc/sysvipc/shm as ipc/util.c's seq_file walk prints it: the
 * header shm_init registered, then every segment in index order,
 * whatever the reader's rights.
 */
void sysvipc_shm_read_proc(FILE *out)
{
	struct kern_ipc_perm *ipcp;
	long pos = 0, next;

	fprintf(out, "       key      shmid perms       size  cpid  lpid "
		"nattch   uid   gid  cuid  cgid      atime      dtime      "
		"ctime\n");
	while ((ipcp = sysvipc_find_ipc(shm_ids(&init_ipc_ns), pos, &next))) {
		sysvipc_shm_proc_show(out, container_of(ipcp,
							struct shmid_kernel,
							shm_perm));
		ipc_unlock(ipcp);
		pos = next;
	}
}

/* sim: the views and the checker read segments through these */
int sim_shm_file_data_count(void)
{
	return sim_shm_file_data_live;
}

int sim_shm_count(void)
{
	return shm_ids(&init_ipc_ns)->in_use;
}

int sim_shm_max_slot(void)
{
	return ipc_get_maxid(shm_ids(&init_ipc_ns));
}

/* The segment at index slot, or 0 when empty: its id, file and counts. */
int sim_shm_slot(int slot, struct sim_shm_info *info)
{
	struct kern_ipc_perm *ipcp;
	struct shmid_kernel *shp;

	if (slot < 0 || slot >= IPCMNI)
		return 0;
	ipcp = idr_find(&shm_ids(&init_ipc_ns)->ipcs_idr, slot);
	if (!ipcp || ipcp->deleted)
		return 0;
	shp = container_of(ipcp, struct shmid_kernel, shm_perm);
	info->id = ipcp->id;
	info->key = ipcp->key;
	info->mode = ipcp->mode;
	info->segsz = shp->shm_segsz;
	info->nattch = shp->shm_nattch;
	info->file = shp->shm_file;
	return 1;
}

/* The live segment with this id (not stale), or 0 (ipc_lock_check's
 * tests, untraced: a view's lookup is not a kernel step). */
int sim_shm_lookup(int shmid, struct sim_shm_info *info)
{
	struct kern_ipc_perm *ipcp;

	if (shmid < 0)
		return 0;
	ipcp = idr_find(&shm_ids(&init_ipc_ns)->ipcs_idr, ipcid_to_idx(shmid));
	if (!ipcp || ipcp->deleted || ipc_checkid(ipcp, shmid))
		return 0;
	return sim_shm_slot(ipcid_to_idx(shmid), info);
}

int sim_is_shm_vma(struct vm_area_struct *vma)
{
	return vma->vm_ops == &shm_vm_ops;
}

/* sim: shutdown, once no segment is left */
void sim_shm_exit(void)
{
	ipc_free_ids(shm_ids(&init_ipc_ns));
}


/*
 * sim: the checks (docs/invariants.md, "Linux 2.6.32": items 9-15 and
 * 45-56). First the idr on its own: each index's segment, the keys and
 * the totals; then every shm vma of every task, on its own, gathered
 * with its attach file and segment; then each distinct attach file; then
 * each segment against what its vmas and attach files account for, and
 * what the attach files hold besides.
 */
struct shm_check_sets {
	struct sim_refs files;		/* each shm vma's vm_file */
	struct sim_refs segs;		/* each shm vma's segment */
	struct sim_refs shared;		/* the same, VM_SHARED vmas only */
	struct sim_refs file_segs;	/* a segment, once per attach file */
	struct sim_refs others;		/* other shm_mnt files: dev/zero */
	int nfiles, nwrite;		/* attach files; FMODE_WRITE ones */
};

/* items 48-50: one shm vma's attach file and its shm_file_data */
static int shm_check_vma(struct vm_area_struct *vma,
			 struct shm_check_sets *c, char *why, size_t len)
{
	struct file *file = vma->vm_file, *seg;
	struct kern_ipc_perm *ipcp = NULL;
	struct shm_file_data *sfd;
	struct shmid_kernel *shp;

	if (!file || file->f_op != &shm_file_operations ||
	    !file->private_data) {
		snprintf(why, len, "shm-vm_file: vma#%u of mm#%u: vm_file "
			 "file#%u is not an attach file (shm_file_operations "
			 "and a shm_file_data)", sim_id(vma),
			 sim_id(vma->vm_mm), file ? sim_id(file) : 0);
		return 48;
	}
	sfd = shm_file_data(file);
	if (sfd->id >= 0)
		ipcp = idr_find(&shm_ids(&init_ipc_ns)->ipcs_idr,
				ipcid_to_idx(sfd->id));
	if (!ipcp || ipcp->deleted || ipcp->id != sfd->id) {
		snprintf(why, len, "shm-sfd_id: vma#%u file#%u: its "
			 "shm_file_data names id %d, no live segment",
			 sim_id(vma), sim_id(file), sfd->id);
		return 49;
	}
	shp = container_of(ipcp, struct shmid_kernel, shm_perm);
	seg = shp->shm_file;
	if (sfd->ns != &init_ipc_ns || sfd->file != seg ||
	    sfd->vm_ops != sim_shmem_vm_ops() ||
	    file->f_mapping != seg->f_mapping ||
	    file->f_path.dentry != seg->f_path.dentry ||
	    file->f_path.mnt != seg->f_path.mnt) {
		snprintf(why, len, "shm-sfd: file#%u for id %d: ns %s, file "
			 "%s, vm_ops %s, f_mapping %s, f_path %s",
			 sim_id(file), sfd->id,
			 sfd->ns == &init_ipc_ns ? "init_ipc_ns" : "other",
			 sfd->file == seg ? "segment's" : "other",
			 sfd->vm_ops == sim_shmem_vm_ops() ? "shmem's" :
			 "other", file->f_mapping == seg->f_mapping ?
			 "segment's" : "other",
			 file->f_path.dentry == seg->f_path.dentry &&
			 file->f_path.mnt == seg->f_path.mnt ? "segment's" :
			 "other");
		return 50;
	}
	c->files.ptrs[c->files.n++] = file;
	c->segs.ptrs[c->segs.n++] = shp;
	if (vma->vm_flags & VM_SHARED)
		c->shared.ptrs[c->shared.n++] = shp;
	return 0;
}

/* every task's shm vmas: how many there are, or (sets) gather them */
static int shm_check_vmas(struct shm_check_sets *c, int *count, char *why,
			  size_t len)
{
	struct list_head *pos;
	int ret;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct vm_area_struct *vma;

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next) {
			if (vma->vm_ops != &shm_vm_ops) {
				/* shmem_zero_setup's files hold shm_mnt too */
				if (!vma->vm_file || vma->vm_file->f_path.mnt !=
				    sim_shm_mnt())
					continue;
				(*count)++;
				if (c)
					c->others.ptrs[c->others.n++] =
						vma->vm_file;
				continue;
			}
			(*count)++;
			if (c && (ret = shm_check_vma(vma, c, why, len)))
				return ret;
		}
	}
	return 0;
}

/* item 51: each attach file once, f_count == the vmas holding it */
static int shm_check_files(struct shm_check_sets *c, char *why, size_t len)
{
	int i;

	sim_refs_sort(&c->files);
	for (i = 0; i < c->files.n; i++) {
		struct file *file = (struct file *)c->files.ptrs[i];
		struct shm_file_data *sfd = shm_file_data(file);
		int vmas = sim_refs_count(&c->files, file);

		if (i && file == c->files.ptrs[i - 1])
			continue;
		if (file->f_count != vmas) {
			snprintf(why, len, "shm-attach_f_count: attach file#%u "
				 "of id %d f_count %ld, vmas %d", sim_id(file),
				 sfd->id, file->f_count, vmas);
			return 51;
		}
		c->file_segs.ptrs[c->file_segs.n++] =
			container_of(idr_find(&shm_ids(&init_ipc_ns)->ipcs_idr,
					      ipcid_to_idx(sfd->id)),
				     struct shmid_kernel, shm_perm);
		c->nfiles++;
		c->nwrite += (file->f_mode & FMODE_WRITE) != 0;
	}
	sim_refs_sort(&c->segs);
	sim_refs_sort(&c->shared);
	sim_refs_sort(&c->file_segs);
	return 0;
}

/* items 10, 46, 47: the segment at index i is where its id says */
static int shm_check_id(struct kern_ipc_perm *ipcp, int i, char *why,
			size_t len)
{
	struct shmid_kernel *shp = container_of(ipcp, struct shmid_kernel,
						shm_perm);
	struct inode *inode = shp->shm_file->f_path.dentry->d_inode;

	if (ipcp->id != (int)(ipcp->seq * SEQ_MULTIPLIER + (unsigned)i)) {
		snprintf(why, len, "shm-id: index %d holds id %d, seq %lu "
			 "(expected id %lu)", i, ipcp->id, ipcp->seq,
			 ipcp->seq * SEQ_MULTIPLIER + (unsigned long)i);
		return 10;
	}
	if (ipcp->deleted) {
		snprintf(why, len, "shm-deleted: id %d is in the idr but "
			 "marked deleted", ipcp->id);
		return 46;
	}
	if (inode->i_ino != (unsigned long)ipcp->id) {
		snprintf(why, len, "shm-ino: id %d, its inode#%u has i_ino "
			 "%lu", ipcp->id, sim_id(inode), inode->i_ino);
		return 47;
	}
	return 0;
}

static int list_length(struct list_head *head)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, head)
		n++;
	return n;
}

/* items 11, 53, 12, 54, 13: one segment against its vmas and files */
static int shm_check_seg(struct shmid_kernel *shp, struct shm_check_sets *c,
			 char *why, size_t len)
{
	struct file *file = shp->shm_file;
	struct address_space *mapping = file->f_mapping;
	struct dentry *dentry = file->f_path.dentry;
	int id = shp->shm_perm.id, mapped;
	unsigned long vmas = (unsigned long)sim_refs_count(&c->segs, shp);
	int shared = sim_refs_count(&c->shared, shp);
	int files = sim_refs_count(&c->file_segs, shp);

	if (shp->shm_nattch != vmas) {
		snprintf(why, len, "shm-nattch: id %d shm_nattch %lu, vmas %lu",
			 id, shp->shm_nattch, vmas);
		return 11;
	}
	mapped = list_length(&mapping->i_mmap);
	if ((unsigned long)mapped != vmas ||
	    mapping->i_mmap_writable != (unsigned int)shared) {
		snprintf(why, len, "shm-i_mmap: id %d i_mmap holds %d vmas, "
			 "i_mmap_writable %u; vmas %lu, VM_SHARED %d", id,
			 mapped, mapping->i_mmap_writable, vmas, shared);
		return 53;
	}
	/* 2.6.32's shm_file_data takes no reference on the segment file */
	if (file->f_count != 1) {
		snprintf(why, len, "shm-f_count: id %d file#%u f_count %ld, "
			 "expected 1", id, sim_id(file), file->f_count);
		return 12;
	}
	/* its own file's reference, and do_shmat's dget per attach file */
	if (dentry->d_count != 1 + files) {
		snprintf(why, len, "shm-d_count: id %d dentry#%u d_count %d, "
			 "expected 1 + %d attach files", id, sim_id(dentry),
			 dentry->d_count, files);
		return 54;
	}
	if ((shp->shm_perm.mode & SHM_DEST) &&
	    (shp->shm_perm.key != IPC_PRIVATE || !shp->shm_nattch)) {
		snprintf(why, len, "shm-dest: id %d SHM_DEST with key %#x, "
			 "nattch %lu", id, (unsigned int)shp->shm_perm.key,
			 shp->shm_nattch);
		return 13;
	}
	return 0;
}

static int cmp_key(const void *a, const void *b)
{
	key_t x = *(const key_t *)a, y = *(const key_t *)b;

	return x < y ? -1 : x > y;
}

/* item 15: no key but IPC_PRIVATE is held by two segments */
static int shm_check_keys(key_t *keys, int n, char *why, size_t len)
{
	int i;

	qsort(keys, (size_t)n, sizeof(*keys), cmp_key);
	for (i = 1; i < n; i++)
		if (keys[i] == keys[i - 1]) {
			snprintf(why, len, "shm-key: two segments have key "
				 "%#x", (unsigned int)keys[i]);
			return 15;
		}
	return 0;
}

/* items 45, 9, 14: the idr's highest index and count, and shm_tot */
static int shm_check_totals(int used, int max, int tot, char *why,
			    size_t len)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	int maxid = ipc_get_maxid(shm_ids(ns));

	/* first: with in_use wrong, ipc_get_maxid may still be right */
	if (maxid != max) {
		snprintf(why, len, "shm-maxid: ipc_get_maxid %d, highest "
			 "index in the idr %d", maxid, max);
		return 45;
	}
	if (used != shm_ids(ns)->in_use) {
		snprintf(why, len, "shm-ids: in_use %d, the idr holds %d",
			 shm_ids(ns)->in_use, used);
		return 9;
	}
	if (tot != ns->shm_tot || (size_t)ns->shm_tot > ns->shm_ctlall) {
		snprintf(why, len, "shm-tot: shm_tot %d, segments hold %d "
			 "pages, shm_ctlall %zu", ns->shm_tot, tot,
			 ns->shm_ctlall);
		return 14;
	}
	return 0;
}

/* items 52, 55, 56: what the files on shm_mnt hold besides dentries */
static int shm_check_holders(int used, struct shm_check_sets *c, char *why,
			     size_t len)
{
	struct vfsmount *mnt = sim_shm_mnt();
	int i, others = 0, owrite = 0;

	sim_refs_sort(&c->others);
	for (i = 0; i < c->others.n; i++) {
		const struct file *file = c->others.ptrs[i];

		if (i && file == c->others.ptrs[i - 1])
			continue;
		others++;
		owrite += (file->f_mode & FMODE_WRITE) != 0;
	}
	if (init_ipc_ns.count != 1 + c->nfiles ||
	    sim_shm_file_data_live != c->nfiles) {
		snprintf(why, len, "shm-ns_count: init_ipc_ns count %d, "
			 "shm_file_data %d; expected 1 + %d attach files and "
			 "%d", init_ipc_ns.count, sim_shm_file_data_live,
			 c->nfiles, c->nfiles);
		return 52;
	}
	if (!mnt || IS_ERR(mnt))
		return 0;
	if (mnt->mnt_count != 1 + used + c->nfiles + others) {
		snprintf(why, len, "shm-mnt_count: vfsmount#%u mnt_count %d, "
			 "expected 1 + %d segment files + %d attach files + "
			 "%d dev/zero files", sim_id(mnt), mnt->mnt_count,
			 used, c->nfiles, others);
		return 55;
	}
	if (mnt->mnt_writers != used + c->nwrite + owrite) {
		snprintf(why, len, "shm-mnt_writers: vfsmount#%u mnt_writers "
			 "%d, expected %d segment files + %d writable attach "
			 "files + %d writable dev/zero files", sim_id(mnt),
			 mnt->mnt_writers, used, c->nwrite, owrite);
		return 56;
	}
	return 0;
}

/*
 * sim: the indexes the idr's tree can hold (idr_find is NULL past them),
 * so that the checks after every step do not look up all IPCMNI.
 */
static int shm_check_limit(struct ipc_namespace *ns)
{
	struct idr_layer *top = shm_ids(ns)->ipcs_idr.top;
	int n;

	if (!top)
		return 0;
	n = (top->layer + 1) * IDR_BITS;
	return n >= 15 ? IPCMNI : 1 << n;	/* IPCMNI is 1 << 15 */
}

/* items 10, 46, 47, 15, 45, 9, 14: the idr on its own */
static int shm_check_idr(key_t *keys, char *why, size_t len)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	int i, used = 0, max = -1, tot = 0, nkeys = 0, ret;
	int limit = shm_check_limit(ns);

	for (i = 0; i < limit; i++) {
		struct kern_ipc_perm *ipcp;
		struct shmid_kernel *shp;

		ipcp = idr_find(&shm_ids(ns)->ipcs_idr, i);
		if (!ipcp)
			continue;
		used++;
		max = i;
		shp = container_of(ipcp, struct shmid_kernel, shm_perm);
		tot += (int)((shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT);
		ret = shm_check_id(ipcp, i, why, len);
		if (ret)
			return ret;
		if (ipcp->key != IPC_PRIVATE)
			keys[nkeys++] = ipcp->key;
	}
	ret = shm_check_keys(keys, nkeys, why, len);
	if (!ret)
		ret = shm_check_totals(used, max, tot, why, len);
	return ret;
}

/* items 11, 53, 12, 54, 13 for every segment, then 52, 55, 56 */
static int shm_check_segs(struct shm_check_sets *c, char *why, size_t len)
{
	struct ipc_namespace *ns = &init_ipc_ns;
	int i, used = 0, ret;
	int limit = shm_check_limit(ns);

	for (i = 0; i < limit; i++) {
		struct kern_ipc_perm *ipcp;

		ipcp = idr_find(&shm_ids(ns)->ipcs_idr, i);
		if (!ipcp)
			continue;
		used++;
		ret = shm_check_seg(container_of(ipcp, struct shmid_kernel,
						 shm_perm), c, why, len);
		if (ret)
			return ret;
	}
	return shm_check_holders(used, c, why, len);
}

/*
 * The segments, their attaches and the ids: docs/invariants.md, "Linux
 * 2.6.32". Returns 0, or the number of the broken item with "name:
 * details" in why.
 */
int sim_shm_check(char *why, size_t len)
{
	struct shm_check_sets c;
	key_t *keys;
	int n = 0, ret;

	memset(&c, 0, sizeof(c));
	shm_check_vmas(NULL, &n, why, len);
	c.files.ptrs = calloc((size_t)n + 1, sizeof(void *));
	c.segs.ptrs = calloc((size_t)n + 1, sizeof(void *));
	c.shared.ptrs = calloc((size_t)n + 1, sizeof(void *));
	c.file_segs.ptrs = calloc((size_t)n + 1, sizeof(void *));
	c.others.ptrs = calloc((size_t)n + 1, sizeof(void *));
	keys = calloc(IPCMNI, sizeof(*keys));
	if (c.files.ptrs && c.segs.ptrs && c.shared.ptrs &&
	    c.file_segs.ptrs && c.others.ptrs && keys) {
		n = 0;
		ret = shm_check_idr(keys, why, len);
		if (!ret)
			ret = shm_check_vmas(&c, &n, why, len);
		if (!ret)
			ret = shm_check_files(&c, why, len);
		if (!ret)
			ret = shm_check_segs(&c, why, len);
	} else {
		ret = 0;	/* no memory to check with: not a kernel bug */
	}
	free(c.files.ptrs);
	free(c.segs.ptrs);
	free(c.shared.ptrs);
	free(c.file_segs.ptrs);
	free(c.others.ptrs);
	free(keys);
	return ret;
}

/*
 * sim: the picture (sim/2.6/dot/): whether file is an attach file (its
 * f_op is shm_file_operations) and, if so, what its shm_file_data holds.
 * Returns 1 with *a filled, or 0.
 */
int sim_shm_attach(const struct file *file, struct sim_shm_attach *a)
{
	const struct shm_file_data *sfd;

	if (!file || file->f_op != &shm_file_operations)
		return 0;
	sfd = file->private_data;
	a->sfd = sfd;
	a->id = sfd->id;
	a->ns = sfd->ns;
	a->file = sfd->file;
	a->vm_ops = sfd->vm_ops;
	return 1;
}
