// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/groups.c - group membership.
 * Models kernel/groups.c (2.6.32): in_group_p, which ipcperms asks.
 * Left out: supplementary groups (a model task has none), so the answer is
 *   whether grp is the caller's fsgid.
 */
#include "linux/sched.h"

int in_group_p(gid_t grp)
{
	const struct cred *cred = current_cred();

	return grp == cred->fsgid;	/* sim: groups_search finds nothing */
}
