// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/ipcs.c - `ipcs -m` (sim only, for both kernels): util-linux's
 * listing, made by the same calls it makes (shmctl SHM_INFO for the
 * highest index, then SHM_STAT per index, as root), so each kernel's
 * shmctl decides what it shows. Tracing is off while it runs: a `show`
 * adds no events.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "sim/proc.h"
#include "sim/trace.h"

/* util-linux ipcs -m: a blank line, the section, a blank line */
void sim_dump_ipcs(FILE *out)
{
	struct task_struct *saved = current;
	int saved_trace = sim_trace.enabled;
	struct shm_info info;
	int maxid, id;

	sim_trace.enabled = 0;
	current = &init_task;		/* ipcs run by root */
	fprintf(out, "\n------ Shared Memory Segments --------\n");
	fprintf(out, "%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n", "key",
		"shmid", "owner", "perms", "bytes", "nattch", "status");
	maxid = sys_shmctl(0, SHM_INFO, &info);
	for (id = 0; id <= maxid; id++) {
		struct shmid64_ds ds;
		long shmid = sys_shmctl(id, SHM_STAT, &ds);

		if (shmid < 0)
			continue;
		fprintf(out, "0x%08x ", (unsigned int)ds.shm_perm.key);
		fprintf(out, "%-10ld ", shmid);
		if (ds.shm_perm.uid == 0)
			fprintf(out, "%-10.10s ", "root");
		else
			fprintf(out, "%-10u ", (unsigned int)ds.shm_perm.uid);
		fprintf(out, "%-10o %-10lu %-10ld %-6s %-6s\n",
			ds.shm_perm.mode & 0777, (unsigned long)ds.shm_segsz,
			(long)ds.shm_nattch,
			ds.shm_perm.mode & SHM_DEST ? "dest" : " ",
			ds.shm_perm.mode & SHM_LOCKED ? "locked" : " ");
	}
	fprintf(out, "\n");
	current = saved;
	sim_trace.enabled = saved_trace;
}
