// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dump.c - the sim's own views of the 2.6.32 model (sim only).
 * sim_dump_objects counts every live object kind, as the 2.4.16 model's
 * does, plus what 2.6 adds on the shm path: a file per attach and its
 * shm_file_data, the credentials, and the idr and radix-tree nodes that
 * replace 2.4's arrays and page hash. `ipcs -m` is sim/ipcs.c (shared).
 */
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/idr.h"
#include "linux/mm.h"
#include "linux/radix-tree.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/slab.h"
#include "sim/proc.h"
#include "sim/shm_views.h"

void sim_dump_objects(FILE *out)
{
	struct list_head *pos;
	unsigned long sbs = 0, tasks = 0;

	list_for_each(pos, &super_blocks)
		sbs++;
	list_for_each(pos, &sim_tasks)
		tasks++;
	fprintf(out, "%-16s %6lu\n", "super_block", sbs);
	fprintf(out, "%-16s %6lu\n", "vfsmount", sim_cache_objs("mnt_cache"));
	fprintf(out, "%-16s %6d\n", "dentry", dentry_stat.nr_dentry);
	fprintf(out, "%-16s %6lu\n", "inode", sim_cache_objs("inode_cache") +
		sim_cache_objs("shmem_inode_cache"));
	fprintf(out, "%-16s %6lu\n", "file", sim_cache_objs("filp"));
	fprintf(out, "%-16s %6lu\n", "vm_area_struct",
		sim_cache_objs("vm_area_struct"));
	fprintf(out, "%-16s %6lu\n", "mm_struct", sim_cache_objs("mm_struct"));
	fprintf(out, "%-16s %6lu\n", "page",
		totalram_pages - nr_free_pages());
	fprintf(out, "%-16s %6d\n", "shmid_kernel", sim_shm_count());
	fprintf(out, "%-16s %6d\n", "shm_file_data",
		sim_shm_file_data_count());
	fprintf(out, "%-16s %6lu\n", "task_struct", tasks);
	fprintf(out, "%-16s %6lu\n", "cred", sim_cache_objs("cred_jar"));
	fprintf(out, "%-16s %6d\n", "idr_layer", sim_idr_layers_live());
	fprintf(out, "%-16s %6d\n", "radix_tree_node",
		sim_radix_tree_nodes_live());
}
