/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/shm.h - the System V IPC and shm user interface.
 * Models include/linux/ipc.h, include/linux/shm.h and
 * include/asm-i386/shmbuf.h (2.4.16): constants, the IPC_64 structures
 * that shmctl copies out, and the shm system calls.
 */
#ifndef _SIM_LINUX_SHM_H
#define _SIM_LINUX_SHM_H

#include <stdio.h>

#include "linux/kernel.h"

#include "asm/shmbuf.h"

#define SHM_R		0400
#define SHM_W		0200
#define SHM_RDONLY	010000
#define SHM_RND		020000
#define SHM_REMAP	040000

/* kernel-only bits kept in shm_perm.mode */
#define SHM_DEST	01000
#define SHM_LOCKED	02000

#define SHMMAX		0x2000000
#define SHMMIN		1
#define SHMMNI		4096
#define SHMALL		(SHMMAX / PAGE_SIZE * (SHMMNI / 16))
#define SHMSEG		SHMMNI
#define SHMLBA		PAGE_SIZE

#define IPCMNI		32768

/* include/linux/ipc.h: the kernel's view of an id's permissions */
struct kern_ipc_perm {
	key_t key;
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	unsigned int mode;
	unsigned long seq;
};

extern size_t shm_ctlmax;
extern size_t shm_ctlall;
extern int shm_ctlmni;

/* sim/ipc/shm.c (ipc/shm.c). buf is a kernel-side copy (sim: no user
 * memory for structs; IPC_SET reads uid, gid and mode from it). */
void shm_init(void);
long sys_shmget(key_t key, size_t size, int shmflg);
long sys_shmat(int shmid, char *shmaddr, int shmflg, unsigned long *raddr);
long sys_shmdt(char *shmaddr);
long sys_shmctl(int shmid, int cmd, void *buf);
/* sim: views and checks */
void sysvipc_shm_read_proc(FILE *out);
int sim_shm_check(char *why, size_t len);
int sim_shm_count(void);

/* sim/ipc/util.c */
void ipc_init(void);

#endif /* _SIM_LINUX_SHM_H */
