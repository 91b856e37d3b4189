/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/asm/shmbuf.h - System V shm as user space sees it on i386:
 * the command and flag numbers of include/linux/ipc.h and shm.h, and the
 * IPC_64 structures shmctl copies out (asm-i386/ipcbuf.h, shmbuf.h). This
 * is the ABI, so it is the same in 2.4.16 and 2.6.32, and both kernels'
 * linux/shm.h include it; what differs between them stays there.
 */
#ifndef _SIM_ASM_SHMBUF_H
#define _SIM_ASM_SHMBUF_H

#include <stddef.h>
#include <sys/types.h>

#define IPC_PRIVATE	((key_t)0)
#define IPC_CREAT	00001000
#define IPC_EXCL	00002000
#define IPC_NOWAIT	00004000

#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3

#define IPC_OLD		0
#define IPC_64		0x0100

#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14

/* what IPC_STAT/SHM_STAT copy out (the IPC_64 form) */
struct ipc64_perm {
	key_t key;
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	unsigned int mode;
	unsigned short seq;
};

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	size_t shm_segsz;
	long shm_atime;
	long shm_dtime;
	long shm_ctime;
	pid_t shm_cpid;
	pid_t shm_lpid;
	unsigned long shm_nattch;
};

struct shminfo64 {
	unsigned long shmmax;
	unsigned long shmmin;
	unsigned long shmmni;
	unsigned long shmseg;
	unsigned long shmall;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot;
	unsigned long shm_rss;
	unsigned long shm_swp;
	unsigned long swap_attempts;
	unsigned long swap_successes;
};

#endif /* _SIM_ASM_SHMBUF_H */
