// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/kernel/sys.c - credentials.
 * Models kernel/sys.c (2.4.16): in_group_p only; the set*id/get*id system
 *   calls, supplementary groups (supplemental_group_member), rlimits, uname
 *   and the reboot notifiers are left out.
 * Called by ipcperms (sim/ipc/util.c).
 */
#include "linux/kernel.h"
#include "linux/sched.h"

/* Is gid one of current's groups? (sim: no supplementary) */
int in_group_p(gid_t grp)
{
	return grp == current->fsgid;
}
