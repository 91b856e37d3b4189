/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/2.6/include/linux/ipc_namespace.h - the set of IPC objects a task
 * sees. Models include/linux/ipc_namespace.h (2.6.32): struct ipc_ids,
 * now an idr and a count instead of 2.4's array, and struct ipc_namespace,
 * which holds the ids of the three IPC types and the shm limits that 2.4
 * kept in globals. There is one namespace, init_ipc_ns (no CLONE_NEWIPC).
 * sim: no rw_mutex (one thread); no semaphores, queues or mqueue fields.
 */
#ifndef _SIM26_LINUX_IPC_NAMESPACE_H
#define _SIM26_LINUX_IPC_NAMESPACE_H

#include "linux/idr.h"
#include "linux/ipc.h"

struct ipc_ids {
	int in_use;		/* objects in the idr */
	unsigned short seq;	/* the next sequence number */
	unsigned short seq_max;
	struct idr ipcs_idr;
};

struct ipc_namespace {
	int count;
	struct ipc_ids ids[3];	/* sem, msg, shm */
	size_t shm_ctlmax;
	size_t shm_ctlall;
	int shm_ctlmni;
	int shm_tot;		/* pages of every segment */
};

extern struct ipc_namespace init_ipc_ns;

static inline struct ipc_namespace *get_ipc_ns(struct ipc_namespace *ns)
{
	ns->count++;
	return ns;
}

static inline void put_ipc_ns(struct ipc_namespace *ns)
{
	/* sim: init_ipc_ns is never freed; its count only balances */
	BUG_ON(ns->count <= 1);
	ns->count--;
}

#endif /* _SIM26_LINUX_IPC_NAMESPACE_H */
