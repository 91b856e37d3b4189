/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/shm.h - System V shared memory, 2.6.32.
 * Models include/linux/shm.h (2.6.32): the limits, the shmat and shmget
 *   flags, the kernel-only mode bits, struct shmid_kernel (public in 2.6,
 *   private to ipc/shm.c in 2.4.16) and the system calls. The user ABI
 *   (IPC_ and SHM_ command numbers, shmid64_ds, shminfo64, shm_info) is
 *   asm/shmbuf.h, shared with the 2.4.16 model.
 * Left out: the old struct shmid_ds and shminfo (the model's shmctl fills
 *   the IPC_64 forms only), is_file_shm_hugepages (no hugetlb).
 * Implemented by sim/2.6/ipc/shm.c; user_shm_lock and user_shm_unlock by
 *   sim/2.6/mm/mlock.c.
 */
#ifndef _SIM26_LINUX_SHM_H
#define _SIM26_LINUX_SHM_H

#include <stdio.h>

#include "linux/kernel.h"
#include "linux/ipc.h"
#include "asm/shmbuf.h"

/* the defaults of the per-namespace limits (shm_init_ns) */
#define SHMMAX	0x2000000		/* max shared seg size (bytes) */
#define SHMMIN	1			/* min shared seg size (bytes) */
#define SHMMNI	4096			/* max num of segs system wide */
#define SHMALL	(SHMMAX / PAGE_SIZE * (SHMMNI / 16)) /* max shm pages */
#define SHMSEG	SHMMNI			/* max shared segs per process */
#define SHMLBA	PAGE_SIZE		/* attach address multiple (x86) */

/* permission flags for shmget */
#define SHM_R		0400
#define SHM_W		0200

/* mode for attach */
#define SHM_RDONLY	010000	/* read-only access */
#define SHM_RND		020000	/* round attach address to SHMLBA */
#define SHM_REMAP	040000	/* take-over region on attach */
#define SHM_EXEC	0100000	/* execution access */

/* bits kept in shm_perm.mode (the kernel's shm_flags) */
#define SHM_DEST	01000	/* segment will be destroyed on last detach */
#define SHM_LOCKED	02000	/* segment will not be swapped */
#define SHM_HUGETLB	04000	/* segment will use huge TLB pages */
#define SHM_NORESERVE	010000	/* don't check for reservations */

struct file;
struct ipc_namespace;
struct vm_operations_struct;

/*
 * sim: include/linux/sched.h (2.6.32) defines struct user_struct, the
 * per-uid accounting kernel/user.c keeps; the model's sched.h has none
 * yet, so the two fields SHM_LOCK needs are here: how many pages the uid
 * has locked with SHM_LOCK, and the references (shp->mlock_user holds one).
 */
struct user_struct {
	int __count;		/* references */
	unsigned long locked_shm; /* pages locked by SHM_LOCK */
	uid_t uid;
	struct user_struct *sim_next;	/* sim: kernel/user.c's uid list */
};

/* one segment: its id and permissions, its tmpfs file, its counters */
struct shmid_kernel {
	struct kern_ipc_perm shm_perm;	/* first: the idr points here */
	struct file *shm_file;		/* the segment's file on shm_mnt */
	unsigned long shm_nattch;	/* vmas attached, plus shmat's pin */
	unsigned long shm_segsz;	/* size asked for, not rounded */
	time_t shm_atim;
	time_t shm_dtim;
	time_t shm_ctim;
	pid_t shm_cprid;
	pid_t shm_lprid;
	struct user_struct *mlock_user;	/* who SHM_LOCKed it, or NULL */
};

/*
 * sim/2.6/ipc/shm.c (ipc/shm.c). buf of sys_shmctl is a kernel-side
 * struct shmid64_ds, shminfo64 or shm_info (sim: no user memory for
 * structs; IPC_SET reads uid, gid and mode from it; NULL gives -EFAULT).
 * sys_shmat stores the address in *raddr and returns 0 or -errno, as
 * i386's sys_ipc(SHMAT) does with put_user.
 */
void shm_init(void);
long sys_shmget(key_t key, size_t size, int shmflg);
long do_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr);
long sys_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr);
long sys_shmdt(char *shmaddr);
long sys_shmctl(int shmid, int cmd, void *buf);
/* /proc/sysvipc/shm (sysvipc_shm_proc_show over every segment) */
void sysvipc_shm_read_proc(FILE *out);
/* sim: checks; 0 or the number of the broken item, message in why */
int sim_shm_check(char *why, size_t len);
/* sim: shm_file_data structures live (one per attach file) */
int sim_shm_file_data_count(void);

/* sim: what an attach file's shm_file_data holds, for the picture */
struct sim_shm_attach {
	const void *sfd;		/* the shm_file_data itself */
	int id;
	struct ipc_namespace *ns;
	struct file *file;		/* the segment's shm_file */
	const struct vm_operations_struct *vm_ops;	/* shmem's */
};
int sim_shm_attach(const struct file *file, struct sim_shm_attach *a);

/* sim/2.6/mm/mlock.c (mm/mlock.c) */
int user_shm_lock(size_t size, struct user_struct *user);
void user_shm_unlock(size_t size, struct user_struct *user);

/* sim/2.6/kernel/user.c (kernel/user.c, reduced) */
struct user_struct *current_user(void);
void free_uid(struct user_struct *up);
void sim_uid_exit(void);	/* sim: shutdown, frees unreferenced uids */

static inline struct user_struct *get_uid(struct user_struct *u)
{
	u->__count++;
	return u;
}

#endif /* _SIM26_LINUX_SHM_H */
