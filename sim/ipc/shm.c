// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/ipc/shm.c - System V shared memory segments.
 * Models ipc/shm.c (2.4.16), in its order: shm_init, shm_inc, shm_open,
 *   shm_destroy, shm_close, shm_mmap, newseg, sys_shmget, shm_get_stat,
 *   sys_shmctl (split by command: sys_shmctl_info, sys_shmctl_stat,
 *   sys_shmctl_lock, sys_shmctl_rmid, sys_shmctl_set, right before it;
 *   the command's name in its trace is sim/lib/shmctl_name.c's),
 *   sys_shmat, sys_shmdt and sysvipc_shm_read_proc (/proc/sysvipc/shm).
 *   Its macros shm_lock, shm_unlock and shm_buildid are inlines at the
 *   top; the sim-only views (sim_shm_*) and sim_shm_check come last.
 *   They make the file some 900 lines: they read struct shmid_kernel,
 *   shm_ids and shm_tot, which are private to ipc/shm.c in 2.4.16 as here,
 *   so they stay beside them rather than widen what the kernel exports.
 * Left out: the ipc(2) multiplexer (sys_ipc), the sysctls (shm_ctlmax,
 *   shm_ctlall and shm_ctlmni keep their defaults), copy faults (a NULL buf
 *   gives -EFAULT, nothing else can fault).
 * Called by the scenario runner's calls, and by the vm: shm_open/shm_close
 *   through vma->vm_ops (fork, munmap, exit), shm_mmap through f_op->mmap.
 *
 * A segment's life: shmget -> newseg (shmem_file_setup, shm_addid) ->
 * shmat -> do_mmap -> shm_mmap -> shm_inc (nattch +1) -> faults ->
 * shmdt -> do_munmap -> shm_close (nattch -1) -> IPC_RMID -> shm_destroy ->
 * fput of the segment's file. With attaches left, IPC_RMID only marks the
 * segment SHM_DEST; the last shm_close destroys it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/trace.h"
#include "sim/shm_views.h"
#include "ipc/util.h"

/* private to ipc/shm.c, as in 2.4 */
struct shmid_kernel {
	struct kern_ipc_perm shm_perm;	/* first: the id array points here */
	struct file *shm_file;
	int id;
	unsigned long shm_nattch;
	unsigned long shm_segsz;
	long shm_atim;
	long shm_dtim;
	long shm_ctim;
	pid_t shm_cprid;
	pid_t shm_lprid;
};
/* 2.4's `#define shm_flags shm_perm.mode` is written out in full here */

static struct file_operations shm_file_operations;
static struct vm_operations_struct shm_vm_ops;
static struct ipc_ids shm_ids;

size_t shm_ctlmax = SHMMAX;
size_t shm_ctlall = SHMALL;
int shm_ctlmni = SHMMNI;

static int shm_tot;	/* pages of all live segments */

static inline struct shmid_kernel *shm_lock(int id)
{
	return (struct shmid_kernel *)ipc_lock(&shm_ids, id);
}

static inline void shm_unlock(int id)
{
	ipc_unlock(&shm_ids, id);
}

static inline int shm_buildid(int id, int seq)
{
	return ipc_buildid(&shm_ids, id, seq);
}

void shm_init(void)
{
	TRACE_ENTER("%s", "");
	ipc_init_ids(&shm_ids, 1);
	sim_trace_comment("create_proc_read_entry(\"sysvipc/shm\")");
	TRACE_EXIT();
}

static inline int shm_checkid(struct shmid_kernel *s, int id)
{
	if (ipc_checkid(&shm_ids, &s->shm_perm, id))
		return -EIDRM;
	return 0;
}

static inline struct shmid_kernel *shm_rmid(int id)
{
	return (struct shmid_kernel *)ipc_rmid(&shm_ids, id);
}

static inline int shm_addid(struct shmid_kernel *shp)
{
	return ipc_addid(&shm_ids, &shp->shm_perm, shm_ctlmni + 1);
}

/* One more attach: from shm_mmap (shmat) and shm_open (fork, split). */
static void shm_inc(int id)
{
	struct shmid_kernel *shp;

	TRACE_ENTER("%d", id);
	shp = shm_lock(id);
	BUG_ON(!shp);
	shp->shm_atim = CURRENT_TIME;
	shp->shm_lprid = current->pid;
	shp->shm_nattch++;
	sim_note("shm", "id %d shm_nattch %lu, lpid %d", id, shp->shm_nattch,
		 shp->shm_lprid);
	shm_unlock(id);
	TRACE_EXIT();
}

/* vm_ops->open: a vma copied by fork or split by munmap. The segment id
 * doubles as the inode number, which is how we find it from the vma. */
static void shm_open(struct vm_area_struct *shmd)
{
	TRACE_ENTER("vma#%u", sim_id(shmd));
	shm_inc(shmd->vm_file->f_dentry->d_inode->i_ino);
	TRACE_EXIT();
}

/*
 * Free the segment: out of the id array, then drop its file. The file dies
 * here only if no vma still holds it (IPC_RMID with nattch 0); otherwise
 * the dying vma's own fput finishes it later.
 */
static void shm_destroy(struct shmid_kernel *shp)
{
	TRACE_ENTER("%d", shp->id);
	shm_tot -= (shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
	shm_rmid(shp->id);
	shmem_lock(shp->shm_file, 0);
	fput(shp->shm_file);
	sim_note("shm", "id %d destroyed, shm_tot %d", shp->id, shm_tot);
	kfree(shp);
	TRACE_EXIT();
}

/* vm_ops->close: an attach goes (munmap, shmdt, exit). */
static void shm_close(struct vm_area_struct *shmd)
{
	struct file *file = shmd->vm_file;
	int id = file->f_dentry->d_inode->i_ino;
	struct shmid_kernel *shp;

	TRACE_ENTER("vma#%u", sim_id(shmd));
	shp = shm_lock(id);
	BUG_ON(!shp);
	shp->shm_lprid = current->pid;
	shp->shm_dtim = CURRENT_TIME;
	shp->shm_nattch--;
	sim_note("shm", "id %d shm_nattch %lu, lpid %d", id, shp->shm_nattch,
		 shp->shm_lprid);
	if (shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		shm_destroy(shp);
	shm_unlock(id);
	TRACE_EXIT();
}

/* f_op->mmap of a segment's file: no shmem_mmap, just our vm_ops. */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	TRACE_ENTER("file#%u, vma#%u", sim_id(file), sim_id(vma));
	file->f_dentry->d_inode->i_atime = CURRENT_TIME;	/* UPDATE_ATIME */
	vma->vm_ops = &shm_vm_ops;
	shm_inc(file->f_dentry->d_inode->i_ino);
	return TRACE_RET(0);
}

static struct file_operations shm_file_operations = {
	.mmap	= shm_mmap,
};

static struct vm_operations_struct shm_vm_ops = {
	.open	= shm_open,
	.close	= shm_close,
	.nopage	= shmem_nopage,
};

/* A new segment of size bytes for key. Returns its id or -errno. */
static int newseg(key_t key, int shmflg, size_t size)
{
	int error;
	struct shmid_kernel *shp;
	int numpages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	struct file *file;
	char name[13];
	int id;

	TRACE_ENTER("%#x, %#o, %zu", (unsigned int)key, shmflg, size);
	if (size < SHMMIN || size > shm_ctlmax)
		return TRACE_RET(-EINVAL);

	if (shm_tot + numpages >= (long)shm_ctlall)
		return TRACE_RET(-ENOSPC);

	shp = kmalloc(sizeof(*shp), GFP_USER);
	if (!shp)
		return TRACE_RET(-ENOMEM);
	snprintf(name, sizeof(name), "SYSV%08x", (unsigned int)key);
	file = shmem_file_setup(name, size);
	error = PTR_ERR(file);
	if (IS_ERR(file))
		goto no_file;

	error = -ENOSPC;
	id = shm_addid(shp);
	if (id == -1)
		goto no_id;
	shp->shm_perm.key = key;
	shp->shm_perm.mode = (shmflg & S_IRWXUGO);
	shp->shm_cprid = current->pid;
	shp->shm_lprid = 0;
	shp->shm_atim = shp->shm_dtim = 0;
	shp->shm_ctim = CURRENT_TIME;
	shp->shm_segsz = size;
	shp->shm_nattch = 0;
	shp->id = shm_buildid(id, shp->shm_perm.seq);
	shp->shm_file = file;
	/* the id doubles as the inode number: shm_close finds us by it */
	file->f_dentry->d_inode->i_ino = shp->id;
	file->f_op = &shm_file_operations;
	shm_tot += numpages;
	sim_note("shm", "id=%d key=%#x size=%zu pages=%d mode=%#o",
		 shp->id, (unsigned int)key, size, numpages,
		 shp->shm_perm.mode);
	shm_unlock(id);
	return TRACE_RET(shp->id);

no_id:
	fput(file);
no_file:
	kfree(shp);
	return TRACE_RET(error);
}

long sys_shmget(key_t key, size_t size, int shmflg)
{
	struct shmid_kernel *shp;
	int err, id = 0;

	TRACE_ENTER("%#x, %zu, %#o", (unsigned int)key, size, shmflg);
	if (key == IPC_PRIVATE) {
		err = newseg(key, shmflg, size);
	} else if ((id = ipc_findkey(&shm_ids, key)) == -1) {
		if (!(shmflg & IPC_CREAT))
			err = -ENOENT;
		else
			err = newseg(key, shmflg, size);
	} else if ((shmflg & IPC_CREAT) && (shmflg & IPC_EXCL)) {
		err = -EEXIST;
	} else {
		shp = shm_lock(id);
		BUG_ON(shp == NULL);
		if (shp->shm_segsz < size)
			err = -EINVAL;
		else if (ipcperms(&shp->shm_perm, shmflg))
			err = -EACCES;
		else
			err = shm_buildid(id, shp->shm_perm.seq);
		shm_unlock(id);
	}
	return TRACE_RET(err);
}

/* Pages in RAM and in swap over all segments, for SHM_INFO. */
static void shm_get_stat(unsigned long *rss, unsigned long *swp)
{
	int i;

	*rss = 0;
	*swp = 0;
	for (i = 0; i <= shm_ids.max_id; i++) {
		struct shmid_kernel *shp = shm_lock(i);
		struct inode *inode;

		if (shp == NULL)
			continue;
		inode = shp->shm_file->f_dentry->d_inode;
		*rss += inode->i_mapping->nrpages;
		*swp += SHMEM_I(inode)->swapped;
		shm_unlock(i);
	}
}

/* IPC_INFO and SHM_INFO: limits or usage; both return max_id (>= 0). */
static long sys_shmctl_info(int cmd, void *buf, int version)
{
	int err;

	if (cmd == IPC_INFO) {
		struct shminfo64 *shminfo = buf;

		if (!buf)
			return -EFAULT;
		memset(shminfo, 0, sizeof(*shminfo));
		shminfo->shmmni = shminfo->shmseg = shm_ctlmni;
		shminfo->shmmax = shm_ctlmax;
		shminfo->shmall = shm_ctlall;
		shminfo->shmmin = SHMMIN;
		/* the old layout has an int shmmax */
		if (version == IPC_OLD && shminfo->shmmax > INT32_MAX)
			shminfo->shmmax = INT32_MAX;
	} else {
		struct shm_info *shm_info = buf;

		if (!buf)
			return -EFAULT;
		memset(shm_info, 0, sizeof(*shm_info));
		shm_info->used_ids = shm_ids.in_use;
		shm_get_stat(&shm_info->shm_rss, &shm_info->shm_swp);
		shm_info->shm_tot = shm_tot;
		shm_info->swap_attempts = 0;
		shm_info->swap_successes = 0;
	}
	err = shm_ids.max_id;
	return err < 0 ? 0 : err;
}

/* IPC_STAT (by id) and SHM_STAT (by slot, returning the id). */
static long sys_shmctl_stat(int shmid, int cmd, void *buf, int version)
{
	struct shmid64_ds tbuf;
	struct shmid_kernel *shp;
	int result, err;

	memset(&tbuf, 0, sizeof(tbuf));
	shp = shm_lock(shmid);
	if (shp == NULL)
		return -EINVAL;
	if (cmd == SHM_STAT) {
		err = -EINVAL;
		if (shmid > shm_ids.max_id)
			goto out_unlock;
		result = shm_buildid(shmid, shp->shm_perm.seq);
	} else {
		err = shm_checkid(shp, shmid);
		if (err)
			goto out_unlock;
		result = 0;
	}
	err = -EACCES;
	if (ipcperms(&shp->shm_perm, 0444))
		goto out_unlock;
	tbuf.shm_perm.key = shp->shm_perm.key;
	tbuf.shm_perm.uid = shp->shm_perm.uid;
	tbuf.shm_perm.gid = shp->shm_perm.gid;
	tbuf.shm_perm.cuid = shp->shm_perm.cuid;
	tbuf.shm_perm.cgid = shp->shm_perm.cgid;
	tbuf.shm_perm.mode = shp->shm_perm.mode;
	tbuf.shm_perm.seq = shp->shm_perm.seq;
	tbuf.shm_segsz = shp->shm_segsz;
	tbuf.shm_atime = shp->shm_atim;
	tbuf.shm_dtime = shp->shm_dtim;
	tbuf.shm_ctime = shp->shm_ctim;
	tbuf.shm_cpid = shp->shm_cprid;
	tbuf.shm_lpid = shp->shm_lprid;
	tbuf.shm_nattch = shp->shm_nattch;
	shm_unlock(shmid);
	if (version == IPC_OLD) {
		/* struct shmid_ds: int segsz, unsigned short nattch */
		tbuf.shm_segsz = (int)tbuf.shm_segsz;
		tbuf.shm_nattch = (unsigned short)tbuf.shm_nattch;
	}
	if (!buf)
		return -EFAULT;
	memcpy(buf, &tbuf, sizeof(tbuf));
	return result;
out_unlock:
	shm_unlock(shmid);
	return err;
}

/* SHM_LOCK / SHM_UNLOCK: root only, checked before the id. */
static long sys_shmctl_lock(int shmid, int cmd)
{
	struct shmid_kernel *shp;
	int err;

	if (!capable(CAP_IPC_LOCK))
		return -EPERM;
	shp = shm_lock(shmid);
	if (shp == NULL)
		return -EINVAL;
	err = shm_checkid(shp, shmid);
	if (err)
		goto out_unlock;
	if (cmd == SHM_LOCK) {
		shmem_lock(shp->shm_file, 1);
		shp->shm_perm.mode |= SHM_LOCKED;
	} else {
		shmem_lock(shp->shm_file, 0);
		shp->shm_perm.mode &= ~SHM_LOCKED;
	}
	sim_note("shm", "id %d %s: mode %#o%s", shmid,
		 cmd == SHM_LOCK ? "SHM_LOCKED" : "no longer SHM_LOCKED",
		 shp->shm_perm.mode, cmd == SHM_LOCK ?
		 ", its pages stay in RAM" : ", its pages may be swapped");
out_unlock:
	shm_unlock(shmid);
	return err;
}

/*
 * IPC_RMID: owner, creator or root. Attached segments are only marked
 * SHM_DEST and lose their key; the last detach destroys them.
 */
static long sys_shmctl_rmid(int shmid)
{
	struct shmid_kernel *shp;
	int err;

	shp = shm_lock(shmid);
	if (shp == NULL)
		return -EINVAL;
	err = shm_checkid(shp, shmid);
	if (err)
		goto out_unlock;
	if (current->euid != shp->shm_perm.uid &&
	    current->euid != shp->shm_perm.cuid &&
	    !capable(CAP_SYS_ADMIN)) {
		err = -EPERM;
		goto out_unlock;
	}
	if (shp->shm_nattch) {
		shp->shm_perm.mode |= SHM_DEST;
		/* do not find it any more */
		shp->shm_perm.key = IPC_PRIVATE;
		sim_note("shm", "id %d marked SHM_DEST, key now IPC_PRIVATE, "
			 "shm_nattch %lu", shmid, shp->shm_nattch);
	} else {
		shm_destroy(shp);
	}
out_unlock:
	shm_unlock(shmid);
	return err;
}

/* IPC_SET: new uid, gid and low mode bits, by owner, creator or root. */
static long sys_shmctl_set(int shmid, void *buf)
{
	struct shmid64_ds *setbuf = buf;
	struct shmid_kernel *shp;
	int err;

	if (!buf)
		return -EFAULT;
	shp = shm_lock(shmid);
	if (shp == NULL)
		return -EINVAL;
	err = shm_checkid(shp, shmid);
	if (err)
		goto out_unlock;
	err = -EPERM;
	if (current->euid != shp->shm_perm.uid &&
	    current->euid != shp->shm_perm.cuid &&
	    !capable(CAP_SYS_ADMIN))
		goto out_unlock;
	shp->shm_perm.uid = setbuf->shm_perm.uid;
	shp->shm_perm.gid = setbuf->shm_perm.gid;
	shp->shm_perm.mode = (shp->shm_perm.mode & ~S_IRWXUGO) |
			     (setbuf->shm_perm.mode & S_IRWXUGO);
	shp->shm_ctim = CURRENT_TIME;
	sim_note("shm", "id %d IPC_SET: uid %u, gid %u, mode %#o, ctime %ld",
		 shmid, (unsigned int)shp->shm_perm.uid,
		 (unsigned int)shp->shm_perm.gid, shp->shm_perm.mode,
		 (long)shp->shm_ctim);
	err = 0;
out_unlock:
	shm_unlock(shmid);
	return err;
}

long sys_shmctl(int shmid, int cmd, void *buf)
{
	int version;
	long err;

	TRACE_ENTER("%d, %d %s", shmid, cmd, sim_shmctl_cmd_name(cmd));
	if (cmd < 0 || shmid < 0)
		return TRACE_RET(-EINVAL);

	version = ipc_parse_version(&cmd);
	switch (cmd) {
	case IPC_INFO:
	case SHM_INFO:
		err = sys_shmctl_info(cmd, buf, version);
		break;
	case SHM_STAT:
	case IPC_STAT:
		err = sys_shmctl_stat(shmid, cmd, buf, version);
		break;
	case SHM_LOCK:
	case SHM_UNLOCK:
		err = sys_shmctl_lock(shmid, cmd);
		break;
	case IPC_RMID:
		err = sys_shmctl_rmid(shmid);
		break;
	case IPC_SET:
		err = sys_shmctl_set(shmid, buf);
		break;
	default:
		err = -EINVAL;
	}
	return TRACE_RET(err);
}

/*
 * Attach segment shmid to current at shmaddr (0: the kernel chooses).
 * The address goes to *raddr; returns 0 or -errno. nattch is pinned
 * around do_mmap so that a concurrent IPC_RMID cannot free the file.
 */
long sys_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr)
{
	struct shmid_kernel *shp;
	unsigned long addr, flags, prot, user_addr;
	struct file *file;
	int err, acc_mode;

	TRACE_ENTER("%d, %#lx, %#o", shmid, (unsigned long)shmaddr, shmflg);
	if (shmid < 0)
		return TRACE_RET(-EINVAL);

	addr = (unsigned long)shmaddr;
	if (addr) {
		if (addr & (SHMLBA - 1)) {
			if (shmflg & SHM_RND)
				addr &= ~(SHMLBA - 1);	/* round down */
			else
				return TRACE_RET(-EINVAL);
		}
		flags = MAP_SHARED | MAP_FIXED;
	} else {
		flags = MAP_SHARED;
	}

	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		acc_mode = 0444;
	} else {
		prot = PROT_READ | PROT_WRITE;
		acc_mode = 0666;
	}

	shp = shm_lock(shmid);
	if (shp == NULL)
		return TRACE_RET(-EINVAL);
	err = shm_checkid(shp, shmid);
	if (err) {
		shm_unlock(shmid);
		return TRACE_RET(err);
	}
	if (ipcperms(&shp->shm_perm, acc_mode)) {
		shm_unlock(shmid);
		return TRACE_RET(-EACCES);
	}
	file = shp->shm_file;
	shp->shm_nattch++;
	sim_note("shm", "id %d shm_nattch %lu (pinned across do_mmap)", shmid,
		 shp->shm_nattch);
	shm_unlock(shmid);

	user_addr = do_mmap(file, addr, file->f_dentry->d_inode->i_size, prot,
			    flags, 0);

	shp = shm_lock(shmid);
	BUG_ON(!shp);
	shp->shm_nattch--;
	sim_note("shm", "id %d shm_nattch %lu (pin released)", shmid,
		 shp->shm_nattch);
	if (shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		shm_destroy(shp);
	shm_unlock(shmid);

	*raddr = user_addr;
	err = 0;
	if (IS_ERR((void *)user_addr))
		err = PTR_ERR((void *)user_addr);
	return TRACE_RET(err);
}

/*
 * Detach every shm vma of current whose attach address (vm_start less its
 * page offset) is shmaddr: fragments of one attach all match. 2.4.16
 * returns 0 whether or not anything matched.
 */
long sys_shmdt(char *shmaddr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *shmd, *shmdnext;

	TRACE_ENTER("%#lx", (unsigned long)shmaddr);
	for (shmd = mm->mmap; shmd; shmd = shmdnext) {
		shmdnext = shmd->vm_next;
		if (shmd->vm_ops == &shm_vm_ops &&
		    shmd->vm_start - (shmd->vm_pgoff << PAGE_SHIFT) ==
		    (unsigned long)shmaddr)
			do_munmap(mm, shmd->vm_start,
				  shmd->vm_end - shmd->vm_start);
	}
	return TRACE_RET(0);
}

/* /proc/sysvipc/shm: every used slot, whatever the reader's rights. */
void sysvipc_shm_read_proc(FILE *out)
{
	int i;

	fprintf(out, "       key      shmid perms       size  cpid  lpid "
		"nattch   uid   gid  cuid  cgid      atime      dtime      "
		"ctime\n");
	for (i = 0; i <= shm_ids.max_id; i++) {
		struct shmid_kernel *shp = shm_lock(i);

		if (shp == NULL)
			continue;
		/* i386: size_t is an int, so the small format */
		fprintf(out, "%10d %10d  %4o %10u %5u %5u  %5d %5u %5u %5u "
			"%5u %10lu %10lu %10lu\n",
			shp->shm_perm.key, shm_buildid(i, shp->shm_perm.seq),
			shp->shm_perm.mode, (unsigned int)shp->shm_segsz,
			(unsigned int)shp->shm_cprid,
			(unsigned int)shp->shm_lprid, (int)shp->shm_nattch,
			(unsigned int)shp->shm_perm.uid,
			(unsigned int)shp->shm_perm.gid,
			(unsigned int)shp->shm_perm.cuid,
			(unsigned int)shp->shm_perm.cgid,
			(unsigned long)shp->shm_atim,
			(unsigned long)shp->shm_dtim,
			(unsigned long)shp->shm_ctim);
		shm_unlock(i);
	}
}

/* sim: the views and the checker read segments through these */
int sim_shm_count(void)
{
	return shm_ids.in_use;
}

int sim_shm_max_slot(void)
{
	return shm_ids.max_id;
}

/* The segment in slot, or 0 when empty: its id, file and counts. */
int sim_shm_slot(int slot, struct sim_shm_info *info)
{
	struct shmid_kernel *shp;

	if (slot < 0 || slot > shm_ids.max_id)
		return 0;
	shp = shm_lock(slot);
	if (!shp)
		return 0;
	info->id = shp->id;
	info->key = shp->shm_perm.key;
	info->mode = shp->shm_perm.mode;
	info->segsz = shp->shm_segsz;
	info->nattch = shp->shm_nattch;
	info->file = shp->shm_file;
	return 1;
}

/* The live segment with this id (not stale), or 0. */
int sim_shm_lookup(int shmid, struct sim_shm_info *info)
{
	struct shmid_kernel *shp;

	if (shmid < 0)
		return 0;
	shp = shm_lock(shmid);
	if (!shp || shm_checkid(shp, shmid))
		return 0;
	return sim_shm_slot(shmid % SEQ_MULTIPLIER, info);
}

int sim_is_shm_vma(struct vm_area_struct *vma)
{
	return vma->vm_ops == &shm_vm_ops;
}

/* sim: shutdown, once no segment is left */
void sim_shm_exit(void)
{
	ipc_free_ids(&shm_ids);
}

/*
 * sim: what sim_shm_check compares against, gathered in one pass each
 * (per segment, a walk of every vma or of every other key made a check of
 * thousands of segments quadratic): the vm_file of every vma of every
 * task, and the key of every keyed segment, each sorted.
 */
struct shm_check_sets {
	struct sim_refs files;		/* every vma's vm_file */
	key_t *keys;
	size_t nkeys;
};

static int cmp_key(const void *a, const void *b)
{
	key_t x = *(const key_t *)a, y = *(const key_t *)b;

	return x < y ? -1 : x > y;
}

static int shm_check_gather(struct shm_check_sets *c)
{
	struct list_head *pos;
	size_t n = 0;
	int i;

	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);

		if (tsk->mm)
			n += (size_t)tsk->mm->map_count;
	}
	c->files.ptrs = malloc((n ? n : 1) * sizeof(*c->files.ptrs));
	c->keys = malloc((size_t)(shm_ids.in_use ? shm_ids.in_use : 1) *
			 sizeof(*c->keys));
	if (!c->files.ptrs || !c->keys)
		return -1;
	c->files.n = 0;
	c->nkeys = 0;
	list_for_each(pos, &sim_tasks) {
		struct task_struct *tsk = list_entry(pos, struct task_struct,
						     tasks);
		struct vm_area_struct *vma;

		for (vma = tsk->mm ? tsk->mm->mmap : NULL; vma;
		     vma = vma->vm_next)
			if (vma->vm_file && (size_t)c->files.n < n)
				c->files.ptrs[c->files.n++] = vma->vm_file;
	}
	for (i = 0; i < shm_ids.size; i++) {
		struct shmid_kernel *shp = shm_lock(i);

		if (shp && shp->shm_perm.key != IPC_PRIVATE &&
		    c->nkeys < (size_t)shm_ids.in_use)
			c->keys[c->nkeys++] = shp->shm_perm.key;
	}
	sim_refs_sort(&c->files);
	qsort(c->keys, c->nkeys, sizeof(*c->keys), cmp_key);
	return 0;
}

/* sim_shm_check's items, against the sets gathered in c */
static int shm_check_items(struct shm_check_sets *c, char *why, size_t len)
{
	int i, used = 0, max = -1, tot = 0;
	size_t k;

	if (shm_check_gather(c))
		return 0;	/* no memory to check with: not a kernel bug */
	for (k = 1; k < c->nkeys; k++) {
		if (c->keys[k] == c->keys[k - 1]) {
			snprintf(why, len, "shm-key: two segments share key "
				 "%#x", (unsigned int)c->keys[k]);
			return 15;
		}
	}
	for (i = 0; i < shm_ids.size; i++) {
		struct shmid_kernel *shp = shm_lock(i);
		struct inode *inode;
		struct vm_area_struct *v;
		unsigned long vmas, shared = 0;

		if (!shp)
			continue;
		used++;
		max = i;
		tot += (shp->shm_segsz + PAGE_SIZE - 1) >> PAGE_SHIFT;
		inode = shp->shm_file->f_dentry->d_inode;
		if (shp->id != (int)(shp->shm_perm.seq * SEQ_MULTIPLIER + i) ||
		    inode->i_ino != (unsigned long)shp->id ||
		    shp->shm_file->f_op != &shm_file_operations) {
			snprintf(why, len, "shm-id: slot %d holds id %d, seq "
				 "%lu, i_ino %lu", i, shp->id,
				 shp->shm_perm.seq, inode->i_ino);
			return 10;
		}
		/* the vmas over every task's mm that map the file */
		vmas = (unsigned long)sim_refs_count(&c->files,
						      shp->shm_file);
		for (v = inode->i_mapping->i_mmap_shared; v;
		     v = v->vm_next_share)
			shared++;
		if (shp->shm_nattch != vmas || shared != vmas ||
		    inode->i_mapping->i_mmap) {
			snprintf(why, len, "shm-nattch: id %d shm_nattch %lu, "
				 "vmas %lu, i_mmap_shared %lu", shp->id,
				 shp->shm_nattch, vmas, shared);
			return 11;
		}
		if ((unsigned long)shp->shm_file->f_count != 1 + vmas) {
			snprintf(why, len, "shm-f_count: id %d file#%u f_count "
				 "%d, expected %lu", shp->id,
				 sim_id(shp->shm_file), shp->shm_file->f_count,
				 1 + vmas);
			return 12;
		}
		if ((shp->shm_perm.mode & SHM_DEST) &&
		    (shp->shm_perm.key != IPC_PRIVATE || !shp->shm_nattch)) {
			snprintf(why, len, "shm-dest: id %d SHM_DEST with key "
				 "%#x, nattch %lu", shp->id,
				 (unsigned int)shp->shm_perm.key,
				 shp->shm_nattch);
			return 13;
		}
	}
	if (used != shm_ids.in_use || max != shm_ids.max_id) {
		snprintf(why, len, "shm-ids: in_use %d max_id %d, slots say "
			 "%d and %d", shm_ids.in_use, shm_ids.max_id, used, max);
		return 9;
	}
	if (tot != shm_tot || shm_tot >= (long)shm_ctlall) {
		snprintf(why, len, "shm-tot: shm_tot %d, segments hold %d "
			 "pages, shm_ctlall %lu", shm_tot, tot,
			 (unsigned long)shm_ctlall);
		return 14;
	}
	return 0;
}

/*
 * docs/invariants.md items 9-15: the id array and every live segment.
 * Returns 0, or the number of the broken invariant with a message in why.
 */
int sim_shm_check(char *why, size_t len)
{
	struct shm_check_sets c = { { NULL, 0 }, NULL, 0 };
	int ret = shm_check_items(&c, why, len);

	free(c.files.ptrs);
	free(c.keys);
	return ret;
}
