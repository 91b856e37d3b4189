/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/ipc.h - the kernel's record of an IPC object.
 * Models include/linux/ipc.h (2.6.32). Unlike 2.4.16's, kern_ipc_perm
 * knows its own id and whether it was removed (`deleted`): 2.6 finds an
 * object through the idr without a lock on the whole table, so a finder
 * may meet an object that ipc_rmid has just taken out.
 * sim: no spinlock (one thread) and no LSM blob.
 */
#ifndef _SIM26_LINUX_IPC_H
#define _SIM26_LINUX_IPC_H

#include "linux/kernel.h"
#include "asm/shmbuf.h"

#define IPCMNI		32768	/* <= MAX_INT: the highest index + 1 */

struct kern_ipc_perm {
	int deleted;		/* ipc_rmid took it out of the idr */
	int id;			/* seq * SEQ_MULTIPLIER + idr index */
	key_t key;
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	unsigned int mode;
	unsigned long seq;
};

#endif /* _SIM26_LINUX_IPC_H */
