// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/dot/dot_shm.c - the System V segments in the 2.6.32 picture.
 * Sim only. A cluster of init_ipc_ns, its shm ipc_ids (ids[IPC_SHM_IDS])
 * with the idr that replaced 2.4.16's entries[] array, the idr's layers,
 * and a shmid_kernel per segment (its kern_ipc_perm first); each attach
 * file's shm_file_data; and their pointers (ids, top, ary[N], shm_file,
 * private_data, sfd->file, ns).
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/idr.h"
#include "linux/ipc_namespace.h"
#include "linux/shm.h"
#include "sim/shm_views.h"
#include "ipc/util.h"
#include "dot/dot.h"

static struct ipc_ids *shm_ids(void)
{
	return &init_ipc_ns.ids[IPC_SHM_IDS];
}

/* The node an idr slot points at: a layer, or a segment (layer 0). */
static void slot_name(char *buf, size_t len, const struct idr_layer *p,
		      int layer)
{
	const struct kern_ipc_perm *ipcp = (const void *)p;

	if (layer > 0)
		snprintf(buf, len, "idr%u", sim_id(p));
	else
		snprintf(buf, len, "shm%d", ipcp->id);
}

static void ns_nodes(struct dot *d)
{
	const struct ipc_ids *ids = shm_ids();

	node_begin(d, COL_MM, "init_ipc_ns", C_IPC, "ipc_namespace",
		   "init_ipc_ns");
	row(d, ROW_VALUE, "count", "%d", init_ipc_ns.count);
	row(d, ROW_VALUE, "shm_ctlmax", "%zu", init_ipc_ns.shm_ctlmax);
	row(d, ROW_VALUE, "shm_ctlall", "%zu", init_ipc_ns.shm_ctlall);
	row(d, ROW_VALUE, "shm_ctlmni", "%d", init_ipc_ns.shm_ctlmni);
	row(d, ROW_VALUE, "shm_tot", "%d", init_ipc_ns.shm_tot);
	row(d, ROW_PTR, "ids[IPC_SHM_IDS]", "&ids[%d]", IPC_SHM_IDS);
	node_end(d);
	node_begin(d, COL_VMA, "shm_ids", C_IPC, "ipc_ids",
		   "init_ipc_ns.ids[IPC_SHM_IDS]");
	row(d, ROW_VALUE, "in_use", "%d", ids->in_use);
	row(d, ROW_VALUE, "seq", "%u", ids->seq);
	row(d, ROW_VALUE, "seq_max", "%u", ids->seq_max);
	if (ids->ipcs_idr.top)
		row(d, ROW_PTR, "ipcs_idr.top", "idr_layer#%u",
		    sim_id(ids->ipcs_idr.top));
	else
		row(d, ROW_VALUE, "ipcs_idr.top", "NULL");
	row(d, ROW_VALUE, "ipcs_idr.layers", "%d", ids->ipcs_idr.layers);
	row(d, ROW_VALUE, "ipcs_idr.id_free_cnt", "%d",
	    ids->ipcs_idr.id_free_cnt);
	node_end(d);
}

/* A layer of the idr and every layer under it; ary[i] rows in use. */
static void idr_nodes(struct dot *d, const struct idr_layer *p)
{
	char name[32], field[16], target[32];
	int i;

	snprintf(name, sizeof(name), "idr%u", sim_id(p));
	node_begin(d, COL_FILE, name, C_IDR, "idr_layer", "idr_layer#%u",
		   sim_id(p));
	row(d, ROW_VALUE, "layer", "%d", p->layer);
	row(d, ROW_VALUE, "count", "%d", p->count);
	row(d, ROW_VALUE, "bitmap", "%#lx", p->bitmap);
	for (i = 0; i < IDR_SIZE; i++) {
		if (!p->ary[i])
			continue;
		snprintf(field, sizeof(field), "ary[%d]", i);
		if (p->layer > 0)
			snprintf(target, sizeof(target), "idr_layer#%u",
				 sim_id(p->ary[i]));
		else
			snprintf(target, sizeof(target), "shmid %d",
				 ((const struct kern_ipc_perm *)
				  (const void *)p->ary[i])->id);
		row(d, ROW_PTR, field, "%s", target);
	}
	node_end(d);
	if (p->layer > 0)
		for (i = 0; i < IDR_SIZE; i++)
			if (p->ary[i])
				idr_nodes(d, p->ary[i]);
}

static void segment_node(struct dot *d, const struct sim_shm_info *info)
{
	const struct shmid_kernel *shp;
	const struct kern_ipc_perm *ipcp;
	char name[32];

	ipcp = idr_find(&shm_ids()->ipcs_idr, ipcid_to_idx(info->id));
	shp = container_of(ipcp, struct shmid_kernel, shm_perm);
	snprintf(name, sizeof(name), "shm%d", info->id);
	node_begin(d, COL_SFD, name, C_SHM, "shmid_kernel", "shmid %d",
		   info->id);
	row(d, ROW_VALUE, "shm_perm.id", "%d", ipcp->id);
	row(d, ROW_VALUE, "shm_perm.key", "0x%08x", (unsigned int)ipcp->key);
	row(d, ROW_VALUE, "shm_perm.mode", "%04o%s%s", ipcp->mode & 0777,
	    ipcp->mode & SHM_DEST ? " SHM_DEST" : "",
	    ipcp->mode & SHM_LOCKED ? " SHM_LOCKED" : "");
	row(d, ROW_VALUE, "shm_perm.seq", "%lu", ipcp->seq);
	row(d, ROW_VALUE, "shm_segsz", "%lu", shp->shm_segsz);
	row(d, ROW_VALUE, "shm_nattch", "%lu", shp->shm_nattch);
	row(d, ROW_PTR, "shm_file", "file#%u", sim_id(shp->shm_file));
	node_end(d);
}

/* init_ipc_ns, its shm ids, the idr and every segment, in slot order. */
void shm_nodes(struct dot *d)
{
	struct sim_shm_info info;
	int slot;

	fprintf(d->out, "\tsubgraph cluster_shm {\n\t\tlabel=\"System V "
		"segments: the IPC namespace\"; labelloc=t; style=rounded; "
		"color=\"#e69138\";\n");
	ns_nodes(d);
	if (shm_ids()->ipcs_idr.top)
		idr_nodes(d, shm_ids()->ipcs_idr.top);
	for (slot = 0; slot <= sim_shm_max_slot(); slot++)
		if (sim_shm_slot(slot, &info))
			segment_node(d, &info);
	fprintf(d->out, "\t}\n");
}

/*
 * An attach file's shm_file_data: kzalloc'd, so it has no number of its
 * own; it is named by its file, "sfd<file>".
 */
void sfd_node(struct dot *d, const struct file *f)
{
	struct sim_shm_attach a;
	char name[32];

	if (!sim_shm_attach(f, &a))
		return;
	snprintf(name, sizeof(name), "sfd%u", sim_id(f));
	node_begin(d, COL_SFD, name, C_SFD, "shm_file_data", "of file#%u",
		   sim_id(f));
	row(d, ROW_VALUE, "id", "%d", a.id);
	row(d, ROW_BACK, "ns", "%s", a.ns == &init_ipc_ns ? "&init_ipc_ns" :
	    "?");
	if (a.file)
		row(d, ROW_PTR, "file", "file#%u", sim_id(a.file));
	else
		row(d, ROW_VALUE, "file", "NULL");
	row(d, ROW_VALUE, "vm_ops", "%s", ops_name(a.vm_ops));
	node_end(d);
}

static void idr_edges(struct dot *d, const struct idr_layer *p)
{
	char from[32], to[32], port[16];
	int i;

	snprintf(from, sizeof(from), "idr%u", sim_id(p));
	for (i = 0; i < IDR_SIZE; i++) {
		if (!p->ary[i])
			continue;
		snprintf(port, sizeof(port), "ary[%d]", i);
		slot_name(to, sizeof(to), p->ary[i], p->layer);
		fprintf(d->out, "\t%s:\"%s\" -> %s [label=\"%s\"];\n", from,
			port, to, port);
		if (p->layer > 0)
			idr_edges(d, p->ary[i]);
	}
}

/* Each attach file's private_data, and its shm_file_data's file and ns. */
static void sfd_edges(struct dot *d)
{
	struct sim_shm_attach a;
	char from[32], to[32];
	size_t i;

	for (i = 0; i < d->files.n; i++) {
		const struct file *f = d->files.v[i].p;

		if (!sim_shm_attach(f, &a))
			continue;
		snprintf(from, sizeof(from), "file%u", sim_id(f));
		snprintf(to, sizeof(to), "sfd%u", sim_id(f));
		edge(d, from, "private_data", to, "private_data", NULL);
		snprintf(from, sizeof(from), "sfd%u", sim_id(f));
		if (a.file) {
			snprintf(to, sizeof(to), "file%u", sim_id(a.file));
			edge(d, from, "file", to, "sfd->file", NULL);
		}
		if (a.ns == &init_ipc_ns)
			edge(d, from, "ns:w", "init_ipc_ns:e", "ns", BACK);
	}
}

void shm_edges(struct dot *d)
{
	const struct ipc_ids *ids = shm_ids();
	struct sim_shm_info info;
	char from[32], to[32];
	int slot;

	edge(d, "init_ipc_ns", "\"ids[IPC_SHM_IDS]\"", "shm_ids",
	     "ids[IPC_SHM_IDS]", NULL);
	if (ids->ipcs_idr.top) {
		snprintf(to, sizeof(to), "idr%u", sim_id(ids->ipcs_idr.top));
		edge(d, "shm_ids", "\"ipcs_idr.top\"", to, "ipcs_idr.top",
		     NULL);
		idr_edges(d, ids->ipcs_idr.top);
	}
	for (slot = 0; slot <= sim_shm_max_slot(); slot++) {
		if (!sim_shm_slot(slot, &info))
			continue;
		snprintf(from, sizeof(from), "shm%d", info.id);
		snprintf(to, sizeof(to), "file%u", sim_id(info.file));
		edge(d, from, "shm_file", to, "shm_file", NULL);
	}
	sfd_edges(d);
}
