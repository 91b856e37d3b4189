/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/ipc/util.h - the id arrays shared by the System V IPC types.
 * Models ipc/util.h (2.4.16): struct ipc_ids and struct ipc_id, and the
 * helpers of ipc/util.c. An id is seq * SEQ_MULTIPLIER + slot: the slot
 * finds the object, the seq catches ids kept after their object died.
 */
#ifndef _SIM_IPC_UTIL_H
#define _SIM_IPC_UTIL_H

#include "linux/kernel.h"
#include "linux/shm.h"

#define SEQ_MULTIPLIER	(IPCMNI)

struct ipc_id {
	struct kern_ipc_perm *p;
};

struct ipc_ids {
	int size;		/* slots allocated in entries */
	int in_use;		/* slots holding an object */
	int max_id;		/* highest used slot, -1 if none */
	unsigned short seq;	/* next sequence number to hand out */
	unsigned short seq_max;
	struct ipc_id *entries;
};

void ipc_init_ids(struct ipc_ids *ids, int size);
void ipc_free_ids(struct ipc_ids *ids);	/* sim: shutdown */
int ipc_findkey(struct ipc_ids *ids, key_t key);
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int size);
struct kern_ipc_perm *ipc_rmid(struct ipc_ids *ids, int id);
int ipcperms(struct kern_ipc_perm *ipcp, short flag);
int ipc_parse_version(int *cmd);

/* ipc_lock: the object in id's slot, or NULL (sim: no spinlock to take) */
static inline struct kern_ipc_perm *ipc_lock(struct ipc_ids *ids, int id)
{
	int lid = id % SEQ_MULTIPLIER;

	if (lid >= ids->size)
		return NULL;
	return ids->entries[lid].p;
}

static inline void ipc_unlock(struct ipc_ids *ids, int id)
{
	(void)ids;
	(void)id;
}

static inline int ipc_buildid(struct ipc_ids *ids, int id, int seq)
{
	(void)ids;
	return SEQ_MULTIPLIER * seq + id;
}

/* 1 when the id's sequence number is not the object's: a stale id */
static inline int ipc_checkid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp,
			      int uid)
{
	(void)ids;
	return (unsigned long)(uid / SEQ_MULTIPLIER) != ipcp->seq;
}

#endif /* _SIM_IPC_UTIL_H */
