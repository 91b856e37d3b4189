// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/ipc/util.c - id arrays, keys and permissions for System V IPC.
 * Models ipc/util.c (2.4.16), in its order: ipc_init, ipc_init_ids,
 *   ipc_findkey, grow_ary, ipc_addid, ipc_rmid, ipc_alloc, ipc_free,
 *   ipcperms, ipc_parse_version. Sim only: ipc_free_ids (shutdown), after
 *   ipc_init_ids.
 * Left out: semaphores and message queues (ipc_init starts only shm), the
 *   locks (one thread). (simplified: 2.4 vmallocs an array bigger than a
 *   page, taking frames from RAM; here vmalloc hands out host memory.)
 * Called by ipc/shm.c.
 *
 * Typical sequence: shm_init -> ipc_init_ids(&shm_ids, 1); the first
 * shmget -> ipc_addid -> grow_ary to shmmni + 1 slots -> the lowest free
 * slot; IPC_RMID or the last detach -> ipc_rmid.
 */
#include <limits.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/slab.h"
#include "linux/vmalloc.h"
#include "sim/trace.h"
#include "ipc/util.h"

/* defined after ipc_rmid, where 2.4.16's ipc/util.c has them */
static void *ipc_alloc(int size);
static void ipc_free(void *ptr, int size);

/* start_kernel's call: 2.4.16 also starts sem_init and msg_init here */
void ipc_init(void)
{
	TRACE_ENTER("%s", "");
	sim_trace_comment("sem_init(), msg_init(): not modelled (sim)");
	shm_init();
	TRACE_EXIT();
}

void ipc_init_ids(struct ipc_ids *ids, int size)
{
	int i, seq_limit = INT_MAX / SEQ_MULTIPLIER;

	TRACE_ENTER("%d", size);
	if (size > IPCMNI)
		size = IPCMNI;
	ids->size = size;
	ids->in_use = 0;
	ids->max_id = -1;
	ids->seq = 0;
	ids->seq_max = seq_limit > USHRT_MAX ? USHRT_MAX : seq_limit;
	ids->entries = ipc_alloc(sizeof(struct ipc_id) * size);
	if (!ids->entries) {
		/* 2.4 logs "ipc_init_ids() failed, ipc service disabled." */
		ids->size = 0;
	}
	for (i = 0; i < ids->size; i++)
		ids->entries[i].p = NULL;
	TRACE_EXIT();
}

/* sim: shutdown; every object must be gone by now */
void ipc_free_ids(struct ipc_ids *ids)
{
	BUG_ON(ids->in_use);
	ipc_free(ids->entries, sizeof(struct ipc_id) * ids->size);
	ids->entries = NULL;
	ids->size = 0;
}

/* The slot holding key, or -1. A linear scan, as in 2.4. */
int ipc_findkey(struct ipc_ids *ids, key_t key)
{
	int id;
	struct kern_ipc_perm *p;

	TRACE_ENTER("%#x", (unsigned int)key);
	for (id = 0; id <= ids->max_id; id++) {
		p = ids->entries[id].p;
		if (p == NULL)
			continue;
		if (key == p->key)
			return TRACE_RET_INT(id);
	}
	return TRACE_RET_INT(-1);
}

/* Widen the array to newsize slots (never shrinks; keeps the old on
 * failure). Returns the size now in force. */
static int grow_ary(struct ipc_ids *ids, int newsize)
{
	struct ipc_id *new, *old;
	int i;

	if (newsize > IPCMNI)
		newsize = IPCMNI;
	if (newsize <= ids->size)
		return newsize;

	new = ipc_alloc(sizeof(struct ipc_id) * newsize);
	if (new == NULL)
		return ids->size;
	memcpy(new, ids->entries, sizeof(struct ipc_id) * ids->size);
	for (i = ids->size; i < newsize; i++)
		new[i].p = NULL;
	old = ids->entries;
	ids->entries = new;
	sim_note("ipc", "id array grows from %d to %d slots", ids->size,
		 newsize);
	i = ids->size;
	ids->size = newsize;
	ipc_free(old, sizeof(struct ipc_id) * i);
	return ids->size;
}

/*
 * Put new in the lowest free slot below size, owned by the caller's
 * effective ids, with the next sequence number. Returns the slot or -1.
 */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int size)
{
	int id;

	TRACE_ENTER("size %d", size);
	size = grow_ary(ids, size);
	for (id = 0; id < size; id++) {
		if (ids->entries[id].p == NULL)
			goto found;
	}
	return TRACE_RET_INT(-1);
found:
	ids->in_use++;
	if (id > ids->max_id)
		ids->max_id = id;

	new->cuid = new->uid = current->euid;
	new->gid = new->cgid = current->egid;

	new->seq = ids->seq++;
	if (ids->seq > ids->seq_max)
		ids->seq = 0;

	ids->entries[id].p = new;
	sim_note("ipc", "slot %d, seq %lu, in_use %d, max_id %d", id, new->seq,
		 ids->in_use, ids->max_id);
	return TRACE_RET_INT(id);
}

/* Empty id's slot; max_id falls to the next used slot below. */
struct kern_ipc_perm *ipc_rmid(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *p;
	int lid = id % SEQ_MULTIPLIER;

	TRACE_ENTER("%d", id);
	BUG_ON(lid >= ids->size);
	p = ids->entries[lid].p;
	ids->entries[lid].p = NULL;
	BUG_ON(p == NULL);
	ids->in_use--;

	if (lid == ids->max_id) {
		do {
			lid--;
			if (lid == -1)
				break;
		} while (ids->entries[lid].p == NULL);
		ids->max_id = lid;
	}
	sim_note("ipc", "slot %d free, in_use %d, max_id %d", id % SEQ_MULTIPLIER,
		 ids->in_use, ids->max_id);
	TRACE_EXIT();
	return p;
}

/*
 * An id array: kmalloc up to a page, vmalloc above. sim: sizeof(struct
 * ipc_id) is 8 here, 4 on i386, but the arrays made (1 slot at boot, 4097
 * at the first shmget) fall on the same side of PAGE_SIZE either way.
 */
static void *ipc_alloc(int size)
{
	void *out;

	if (size > (int)PAGE_SIZE)
		out = vmalloc(size);
	else
		out = kmalloc(size, GFP_KERNEL);
	return out;
}

/* The caller must know the size, as in 2.4. */
static void ipc_free(void *ptr, int size)
{
	if (size > (int)PAGE_SIZE)
		vfree(ptr);
	else
		kfree(ptr);
}

/*
 * May current have the access in flag's low 9 bits (rwx for owner, group,
 * other: any of them asks for that bit) to ipcp? 0 yes, -1 no.
 */
int ipcperms(struct kern_ipc_perm *ipcp, short flag)
{
	int requested_mode, granted_mode;

	requested_mode = (flag >> 6) | (flag >> 3) | flag;
	granted_mode = ipcp->mode;
	if (current->euid == ipcp->cuid || current->euid == ipcp->uid)
		granted_mode >>= 6;
	else if (in_group_p(ipcp->cgid) || in_group_p(ipcp->gid))
		granted_mode >>= 3;
	/* a bit asked for that the mode does not grant: refused, unless
	 * CAP_IPC_OWNER */
	if ((requested_mode & ~granted_mode & 0007) &&
	    !capable(CAP_IPC_OWNER))
		return -1;
	return 0;
}

/* glibc ORs IPC_64 into the command; strip it and say which layout. */
int ipc_parse_version(int *cmd)
{
	if (*cmd & IPC_64) {
		*cmd ^= IPC_64;
		return IPC_64;
	}
	return IPC_OLD;
}
