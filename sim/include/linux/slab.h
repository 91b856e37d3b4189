/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/linux/slab.h - object caches.
 * Models the interface of mm/slab.c (2.4.16): kmem_cache_create,
 * kmem_cache_alloc, kmem_cache_free. Each cache counts its live objects
 * (what /proc/slabinfo's active column shows) and numbers every object it
 * hands out, in creation order, so the trace can name objects "dentry#3"
 * without printing host addresses. The number is kept in front of the
 * object, out of the kernel's reach (sim/include/sim/objid.h: sim_id()).
 * sim: no slabs, colouring or per-CPU queues: each object is one calloc().
 */
#ifndef _SIM_LINUX_SLAB_H
#define _SIM_LINUX_SLAB_H

#include <stdio.h>

#include "linux/kernel.h"
#include "linux/list.h"

typedef struct kmem_cache_s {
	const char *name;
	size_t objsize;
	unsigned long active_objs;	/* allocated and not yet freed */
	unsigned int sim_last_id;	/* the last object's number */
	struct list_head next;		/* on the cache_cache chain */
} kmem_cache_t;

kmem_cache_t *kmem_cache_create(const char *name, size_t size);
void *kmem_cache_alloc(kmem_cache_t *cachep, int flags);
void kmem_cache_free(kmem_cache_t *cachep, void *objp);
void kmem_cache_destroy(kmem_cache_t *cachep);

/* sim: walk every cache (show objects, leak report at shutdown) */
extern struct list_head cache_chain;
extern unsigned long sim_kmalloc_live;	/* kmalloc blocks not yet kfree'd */
unsigned long sim_cache_objs(const char *name);
unsigned long sim_slab_leaks(FILE *out);
void sim_slab_exit(void);

#endif /* _SIM_LINUX_SLAB_H */
