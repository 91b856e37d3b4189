/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/ipc/util.h - what the System V IPC types share in 2.6.32.
 * Models ipc/util.h (2.6.32): the creation protocol (struct ipc_ops and
 * struct ipc_params, driven by ipcget), the id arithmetic, and the helpers
 * of ipc/util.c. An id is seq * SEQ_MULTIPLIER + idr index: the index
 * finds the object, the seq catches an id kept after its object died.
 */
#ifndef _SIM26_IPC_UTIL_H
#define _SIM26_IPC_UTIL_H

#include "linux/ipc_namespace.h"
#include "sim/trace.h"

#define SEQ_MULTIPLIER	(IPCMNI)

#define IPC_SEM_IDS	0
#define IPC_MSG_IDS	1
#define IPC_SHM_IDS	2

#define ipcid_to_idx(id)	((id) % SEQ_MULTIPLIER)

/* what sys_shmget (and semget, msgget) hand to ipcget */
struct ipc_params {
	key_t key;
	int flg;
	union {
		size_t size;	/* shm */
		int nsems;	/* sem */
	} u;
};

/* the type's part of the protocol: make one, vet an old one */
struct ipc_ops {
	int (*getnew)(struct ipc_namespace *, struct ipc_params *);
	int (*associate)(struct kern_ipc_perm *, int);
	int (*more_checks)(struct kern_ipc_perm *, struct ipc_params *);
};

void ipc_init(void);
void ipc_init_ids(struct ipc_ids *ids);
void ipc_free_ids(struct ipc_ids *ids);	/* sim: shutdown */
int ipc_get_maxid(struct ipc_ids *ids);
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int size);
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
void *ipc_rcu_alloc(int size);
void ipc_rcu_getref(void *ptr);
void ipc_rcu_putref(void *ptr);
int ipcperms(struct kern_ipc_perm *ipcp, short flag);
void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out);
struct kern_ipc_perm *ipc_lock(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_lock_check(struct ipc_ids *ids, int id);
int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids,
	   struct ipc_ops *ops, struct ipc_params *params);
void ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out);
struct kern_ipc_perm *ipcctl_pre_down(struct ipc_ids *ids, int id, int cmd,
				      struct ipc64_perm *perm, int extra_perm);
int ipc_parse_version(int *cmd);
/* sim: the proc files' walk (sysvipc_find_ipc), for the views */
struct kern_ipc_perm *sysvipc_find_ipc(struct ipc_ids *ids, long pos,
				       long *new_pos);

/*
 * sim: how a function returning an object's kern_ipc_perm reads in the
 * trace: "id 32769", NULL or -EINVAL. p is evaluated once.
 */
#define TRACE_RET_IPC(p) \
	({ \
		struct kern_ipc_perm *__ipc = (p); \
		if (!__ipc) \
			TRACE_EXIT_FMT("NULL"); \
		else if (IS_ERR(__ipc)) \
			TRACE_EXIT_FMT("-%s", \
				       sim_errno_name(-PTR_ERR(__ipc))); \
		else \
			TRACE_EXIT_FMT("id %d", __ipc->id); \
		__ipc; \
	})

static inline int ipc_buildid(int id, int seq)
{
	return SEQ_MULTIPLIER * seq + id;
}

/* 1 when the id's sequence number is not the object's: a stale id */
static inline int ipc_checkid(struct kern_ipc_perm *ipcp, int uid)
{
	return (unsigned long)(uid / SEQ_MULTIPLIER) != ipcp->seq;
}

/* sim: one thread, so locking an object is only a name in the trace */
static inline void ipc_lock_by_ptr(struct kern_ipc_perm *perm)
{
	(void)perm;
}

static inline void ipc_unlock(struct kern_ipc_perm *perm)
{
	(void)perm;
}

#endif /* _SIM26_IPC_UTIL_H */
