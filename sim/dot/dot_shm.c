// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/dot/dot_shm.c - the System V segments in the picture. Sim only.
 * A cluster of shm_ids, with a row per slot in use, and a shmid_kernel per
 * segment; and their pointers (entries[N], shm_file).
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/shm.h"
#include "sim/shm_views.h"
#include "dot/dot.h"

/* shm_ids and every segment, in slot order. */
void shm_nodes(struct dot *d)
{
	struct sim_shm_info info;
	int slot, max = sim_shm_max_slot();
	char name[32];

	fprintf(d->out, "\tsubgraph cluster_shm {\n\t\tlabel=\"System V "
		"segments\"; labelloc=t; style=rounded; color=\"#e69138\";\n");
	node_begin(d, COL_MM, "shm_ids", C_SHM, "ipc_ids", "shm_ids");
	row(d, ROW_VALUE, "in_use", "%d", sim_shm_count());
	row(d, ROW_VALUE, "max_id", "%d", max);
	for (slot = 0; slot <= max; slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		fprintf(d->out, "<TR><TD ALIGN=\"LEFT\">entries[%d]</TD><TD "
			"ALIGN=\"LEFT\" PORT=\"e%d\">shmid %d</TD></TR>", slot,
			slot, info.id);
	}
	node_end(d);
	for (slot = 0; slot <= max; slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		snprintf(name, sizeof(name), "shm%d", info.id);
		node_begin(d, COL_VMA, name, C_SHM, "shmid_kernel", "shmid %d",
			   info.id);
		row(d, ROW_VALUE, "id", "%d", info.id);
		row(d, ROW_VALUE, "key", "0x%08x", (unsigned int)info.key);
		row(d, ROW_VALUE, "mode", "%04o%s%s", info.mode & 0777,
		    info.mode & SHM_DEST ? " dest" : "",
		    info.mode & SHM_LOCKED ? " locked" : "");
		row(d, ROW_VALUE, "shm_segsz", "%lu", info.segsz);
		row(d, ROW_VALUE, "shm_nattch", "%lu", info.nattch);
		row(d, ROW_PTR, "shm_file", "file#%u", sim_id(info.file));
		node_end(d);
	}
	fprintf(d->out, "\t}\n");
}

void shm_edges(struct dot *d)
{
	struct sim_shm_info info;
	char from[32], to[32], port[16], label[32];
	int slot;

	for (slot = 0; slot <= sim_shm_max_slot(); slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		snprintf(port, sizeof(port), "e%d", slot);
		snprintf(to, sizeof(to), "shm%d", info.id);
		snprintf(label, sizeof(label), "entries[%d]", slot);
		edge(d, "shm_ids", port, to, label, NULL);
		snprintf(from, sizeof(from), "shm%d", info.id);
		snprintf(to, sizeof(to), "file%u", sim_id(info.file));
		edge(d, from, "shm_file", to, "shm_file", NULL);
	}
}
