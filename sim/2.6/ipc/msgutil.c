// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/ipc/msgutil.c - where 2.6.32 defines the first IPC namespace.
 * Models the one definition of ipc/msgutil.c (2.6.32) that shm needs:
 *   init_ipc_ns, the namespace of every task (there is no CLONE_NEWIPC in
 *   the model). Left out: the message copying the rest of the file does.
 * Its limits and ids are set by shm_init_ns (ipc/shm.c) at boot.
 */
#include "linux/ipc_namespace.h"

struct ipc_namespace init_ipc_ns = {
	.count = 1,
};
