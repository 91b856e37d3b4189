// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/ipc/util.c - ids, keys and permissions for System V IPC, 2.6.32.
 * Models ipc/util.c (2.6.32), in its order: ipc_init, ipc_init_ids,
 *   ipc_findkey, ipc_get_maxid, ipc_addid, ipcget_new, ipc_check_perms,
 *   ipcget_public, ipc_rmid, ipc_rcu_alloc, ipc_rcu_getref, ipc_rcu_putref,
 *   ipcperms, kernel_to_ipc64_perm, ipc_lock, ipc_lock_check, ipcget,
 *   ipc_update_perm, ipcctl_pre_down, ipc_parse_version, sysvipc_find_ipc.
 *   Sim only: ipc_free_ids (shutdown), after ipc_init_ids.
 * What changed since 2.4.16: the ids live in an idr (sim/2.6/lib/idr.c),
 *   not an array grown on demand; creation goes through one protocol for
 *   all three types (ipcget, with the type's struct ipc_ops), whose order
 *   of checks is ipcget_public's; and an object can be found "deleted".
 * Left out: semaphores and message queues, the memory hotplug notifier,
 *   the rw_mutex and the object spinlocks (one thread), RCU (an object is
 *   freed at its last ipc_rcu_putref), the LSM and audit hooks, ipc_alloc
 *   and ipc_free (only sem and msg use them), ipc64_perm_to_ipc_perm (the
 *   model's shmctl copies the IPC_64 form only).
 */
#include <limits.h>

#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "linux/shm.h"
#include "sim/trace.h"
#include "ipc/util.h"

/* an __initcall (do_initcalls), after init_tmpfs */
void ipc_init(void)
{
	TRACE_ENTER("%s", "");
	sim_trace_comment("sem_init(), msg_init(): not modelled (sim)");
	shm_init();
	TRACE_EXIT();
}

void ipc_init_ids(struct ipc_ids *ids)
{
	int seq_limit = INT_MAX / SEQ_MULTIPLIER;

	TRACE_ENTER("%s", "");
	ids->in_use = 0;
	ids->seq = 0;
	ids->seq_max = seq_limit > USHORT_MAX ? USHORT_MAX : seq_limit;
	idr_init(&ids->ipcs_idr);
	TRACE_EXIT();
}

/* sim: shutdown; every object must be gone by now */
void ipc_free_ids(struct ipc_ids *ids)
{
	BUG_ON(ids->in_use);
	idr_destroy(&ids->ipcs_idr);
}

/*
 * The object holding key, or NULL. Walks the indices upwards and stops
 * once it has seen every object in use, so the cost is the highest index.
 */
static struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key)
{
	struct kern_ipc_perm *ipc;
	int next_id, total;

	TRACE_ENTER("%#x", (unsigned int)key);
	for (total = 0, next_id = 0; total < ids->in_use; next_id++) {
		ipc = idr_find(&ids->ipcs_idr, next_id);
		if (ipc == NULL)
			continue;
		if (ipc->key != key) {
			total++;
			continue;
		}
		ipc_lock_by_ptr(ipc);
		sim_note("ipc", "key %#x at index %d, id %d",
			 (unsigned int)key, next_id, ipc->id);
		return TRACE_RET_IPC(ipc);
	}
	return TRACE_RET_IPC(NULL);
}

/* the highest index in use, -1 if none (IPC_INFO and SHM_INFO return it) */
int ipc_get_maxid(struct ipc_ids *ids)
{
	struct kern_ipc_perm *ipc;
	int max_id = -1;
	int total, id;

	if (ids->in_use == 0)
		return -1;
	if (ids->in_use == IPCMNI)
		return IPCMNI - 1;
	total = 0;
	for (id = 0; id < IPCMNI && total < ids->in_use; id++) {
		ipc = idr_find(&ids->ipcs_idr, id);
		if (ipc != NULL) {
			max_id = id;
			total++;
		}
	}
	return max_id;
}

/*
 * Give new the lowest free index, the caller's effective ids as owner and
 * creator, and the next sequence number; at most size objects (capped at
 * IPCMNI). Returns the index, -ENOSPC when full, or idr_get_new's error
 * (-EAGAIN: its free list ran dry, the caller preloads and retries).
 */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int size)
{
	uid_t euid;
	gid_t egid;
	int id, err;

	TRACE_ENTER("in_use %d, size %d", ids->in_use, size);
	if (size > IPCMNI)
		size = IPCMNI;
	if (ids->in_use >= size)
		return TRACE_RET_INT(-ENOSPC);

	new->deleted = 0;
	err = idr_get_new(&ids->ipcs_idr, new, &id);
	if (err)
		return TRACE_RET_INT(err);
	ids->in_use++;

	current_euid_egid(&euid, &egid);
	new->cuid = new->uid = euid;
	new->gid = new->cgid = egid;

	new->seq = ids->seq++;
	if (ids->seq > ids->seq_max)
		ids->seq = 0;
	new->id = ipc_buildid(id, new->seq);
	sim_note("ipc", "index %d, seq %lu: id %d; in_use %d", id, new->seq,
		 new->id, ids->in_use);
	return TRACE_RET_INT(id);
}

/* IPC_PRIVATE: always a new object; IPC_CREAT and IPC_EXCL do not matter */
static int ipcget_new(struct ipc_namespace *ns, struct ipc_ids *ids,
		      struct ipc_ops *ops, struct ipc_params *params)
{
	int err;

	TRACE_ENTER("%s", "");
retry:
	err = idr_pre_get(&ids->ipcs_idr, GFP_KERNEL);
	if (!err)
		return TRACE_RET_INT(-ENOMEM);
	err = ops->getnew(ns, params);
	if (err == -EAGAIN)
		goto retry;
	return TRACE_RET_INT(err);
}

/* an existing object: the permission bits, then the type's own vetting */
static int ipc_check_perms(struct kern_ipc_perm *ipcp, struct ipc_ops *ops,
			   struct ipc_params *params)
{
	int err;

	TRACE_ENTER("id %d, flg %#o", ipcp->id, (unsigned int)params->flg);
	if (ipcperms(ipcp, params->flg))
		err = -EACCES;
	else {
		err = ops->associate(ipcp, params->flg);
		if (!err)
			err = ipcp->id;
	}
	return TRACE_RET_INT(err);
}

/*
 * A key: find it or make it. The order decides which errno a caller
 * sees: ENOENT (no IPC_CREAT), then for an existing key EEXIST, the type's
 * more_checks (shm: EINVAL for a bigger size), EACCES.
 */
static int ipcget_public(struct ipc_namespace *ns, struct ipc_ids *ids,
			 struct ipc_ops *ops, struct ipc_params *params)
{
	struct kern_ipc_perm *ipcp;
	int flg = params->flg;
	int err;

	TRACE_ENTER("key %#x", (unsigned int)params->key);
retry:
	/* preloaded before the lock; a failure matters only for a create */
	err = idr_pre_get(&ids->ipcs_idr, GFP_KERNEL);
	ipcp = ipc_findkey(ids, params->key);
	if (ipcp == NULL) {
		if (!(flg & IPC_CREAT))
			err = -ENOENT;
		else if (!err)
			err = -ENOMEM;
		else
			err = ops->getnew(ns, params);
	} else {
		if (flg & IPC_CREAT && flg & IPC_EXCL)
			err = -EEXIST;
		else {
			err = 0;
			if (ops->more_checks)
				err = ops->more_checks(ipcp, params);
			if (!err)
				err = ipc_check_perms(ipcp, ops, params);
		}
		ipc_unlock(ipcp);
	}
	if (err == -EAGAIN)
		goto retry;
	return TRACE_RET_INT(err);
}

/* Out of the idr: later lookups by id find nothing, or find it deleted. */
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	int lid = ipcid_to_idx(ipcp->id);

	TRACE_ENTER("id %d", ipcp->id);
	idr_remove(&ids->ipcs_idr, lid);
	ids->in_use--;
	ipcp->deleted = 1;
	sim_note("ipc", "index %d free, in_use %d, id %d marked deleted",
		 lid, ids->in_use, ipcp->id);
	TRACE_EXIT();
}

/*
 * An IPC object with a reference count in front of it (the kernel's
 * header also holds the RCU head). Too big for a page, 2.6.32 vmallocs
 * it; a shmid_kernel never is.
 */
struct ipc_rcu_hdr {
	int refcount;
	int is_vmalloc;
	void *data[];
};

void *ipc_rcu_alloc(int size)
{
	struct ipc_rcu_hdr *hdr;

	hdr = kmalloc(sizeof(*hdr) + size, GFP_KERNEL);
	if (!hdr)
		return NULL;
	hdr->is_vmalloc = 0;	/* sim: every object fits a page */
	hdr->refcount = 1;
	return hdr->data;
}

void ipc_rcu_getref(void *ptr)
{
	container_of(ptr, struct ipc_rcu_hdr, data)->refcount++;
}

/* sim: no grace period to wait for; the last reference frees at once */
void ipc_rcu_putref(void *ptr)
{
	struct ipc_rcu_hdr *hdr = container_of(ptr, struct ipc_rcu_hdr, data);

	if (--hdr->refcount > 0)
		return;
	kfree(hdr);
}

/*
 * 0 when current may have the access flag asks for (its rwx bits at the
 * owner's, group's or others' place), -1 when not. The owner test uses
 * both the creator and the owner; CAP_IPC_OWNER overrides.
 */
int ipcperms(struct kern_ipc_perm *ipcp, short flag)
{
	uid_t euid = current_euid();
	int requested_mode, granted_mode;

	TRACE_ENTER("mode %#o, flag %#o", ipcp->mode, (unsigned int)flag);
	requested_mode = (flag >> 6) | (flag >> 3) | flag;
	granted_mode = ipcp->mode;
	if (euid == ipcp->cuid || euid == ipcp->uid)
		granted_mode >>= 6;
	else if (in_group_p(ipcp->cgid) || in_group_p(ipcp->gid))
		granted_mode >>= 3;
	if ((requested_mode & ~granted_mode & 0007) &&
	    !capable(CAP_IPC_OWNER))
		return TRACE_RET_INT(-1);
	return TRACE_RET_INT(0);
}

void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = in->seq;
}

/*
 * The object at id's index, or -EINVAL when there is none or it was
 * removed. The seq part of id is not looked at: a stale id finds the new
 * object at its index (ipc_lock_check is the one that refuses).
 */
struct kern_ipc_perm *ipc_lock(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out;
	int lid = ipcid_to_idx(id);

	TRACE_ENTER("id %d", id);
	out = idr_find(&ids->ipcs_idr, lid);
	if (out == NULL)
		return TRACE_RET_IPC(ERR_PTR(-EINVAL));
	if (out->deleted)
		return TRACE_RET_IPC(ERR_PTR(-EINVAL));
	return TRACE_RET_IPC(out);
}

/* ipc_lock, and -EIDRM when id's sequence number is not the object's */
struct kern_ipc_perm *ipc_lock_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out;

	TRACE_ENTER("id %d", id);
	out = ipc_lock(ids, id);
	if (IS_ERR(out))
		return TRACE_RET_IPC(out);
	if (ipc_checkid(out, id)) {
		ipc_unlock(out);
		return TRACE_RET_IPC(ERR_PTR(-EIDRM));
	}
	return TRACE_RET_IPC(out);
}

int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids,
	   struct ipc_ops *ops, struct ipc_params *params)
{
	int ret;

	TRACE_ENTER("key %#x, flg %#o", (unsigned int)params->key,
		    (unsigned int)params->flg);
	if (params->key == IPC_PRIVATE)
		ret = ipcget_new(ns, ids, ops, params);
	else
		ret = ipcget_public(ns, ids, ops, params);
	return TRACE_RET_INT(ret);
}

/* IPC_SET: owner and the nine permission bits; the rest of mode stays */
void ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out)
{
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (out->mode & ~0777) | (in->mode & 0777);
}

/*
 * IPC_SET and IPC_RMID: the object, if id is current and the caller owns
 * or created it (or has CAP_SYS_ADMIN); else -EINVAL, -EIDRM or -EPERM.
 */
struct kern_ipc_perm *ipcctl_pre_down(struct ipc_ids *ids, int id, int cmd,
				      struct ipc64_perm *perm, int extra_perm)
{
	struct kern_ipc_perm *ipcp;
	uid_t euid;

	TRACE_ENTER("id %d, cmd %d", id, cmd);
	(void)perm;
	(void)extra_perm;	/* sim: for the audit record only */
	ipcp = ipc_lock_check(ids, id);
	if (IS_ERR(ipcp))
		return TRACE_RET_IPC(ipcp);
	euid = current_euid();
	if (euid == ipcp->cuid || euid == ipcp->uid ||
	    capable(CAP_SYS_ADMIN))
		return TRACE_RET_IPC(ipcp);
	ipc_unlock(ipcp);
	return TRACE_RET_IPC(ERR_PTR(-EPERM));
}

/* strips IPC_64 from *cmd and says which layout the caller wants */
int ipc_parse_version(int *cmd)
{
	if (*cmd & IPC_64) {
		*cmd ^= IPC_64;
		return IPC_64;
	}
	return IPC_OLD;
}

/*
 * The proc files' cursor: the first object at index pos or above, and in
 * *new_pos the index after it; NULL past the last object in use.
 */
struct kern_ipc_perm *sysvipc_find_ipc(struct ipc_ids *ids, long pos,
				       long *new_pos)
{
	struct kern_ipc_perm *ipc;
	int total, id;

	total = 0;
	for (id = 0; id < pos && total < ids->in_use; id++) {
		ipc = idr_find(&ids->ipcs_idr, id);
		if (ipc != NULL)
			total++;
	}
	if (total >= ids->in_use)
		return NULL;
	for (; pos < IPCMNI; pos++) {
		ipc = idr_find(&ids->ipcs_idr, pos);
		if (ipc != NULL) {
			*new_pos = pos + 1;
			ipc_lock_by_ptr(ipc);
			return ipc;
		}
	}
	return NULL;
}
