// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/slab.c - object caches and kmalloc.
 * Models the interface of mm/slab.c (2.4.16): kmem_cache_create,
 * kmem_cache_alloc, kmem_cache_free, kmalloc, kfree.
 * Left out: slabs, colouring, reaping. Each object is one calloc(); the cache
 * only counts and numbers what it hands out, which is what /proc/slabinfo
 * and our leak report need. The number goes in a header in front of the
 * object (sim/include/sim/objid.h), where the kernel's memsets and struct
 * copies cannot reach it. Also home of sim_bug(), behind BUG().
 * `inject kmalloc` and `inject kmem_cache_alloc` (sim/fail_sites.c) make the
 * next allocation return NULL, as 2.4's does when no memory can be found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/kernel.h"
#include "linux/slab.h"
#include "sim/fail.h"
#include "sim/objid.h"

LIST_HEAD(cache_chain);
unsigned long sim_kmalloc_live;

kmem_cache_t *kmem_cache_create(const char *name, size_t size)
{
	kmem_cache_t *cachep = calloc(1, sizeof(*cachep));

	if (!cachep)
		return NULL;
	cachep->name = name;
	cachep->objsize = size;
	list_add_tail(&cachep->next, &cache_chain);
	return cachep;
}

/* sim: zeroed, so a field the kernel leaves stale reads as 0 in gdb */
void *kmem_cache_alloc(kmem_cache_t *cachep, int flags)
{
	void *objp;

	(void)flags;
	if (sim_should_fail_what("kmem_cache_alloc", cachep->name))
		return NULL;
	objp = sim_obj_alloc(cachep->objsize, cachep->sim_last_id + 1);
	if (!objp)
		return NULL;
	cachep->active_objs++;
	cachep->sim_last_id++;
	return objp;
}

void kmem_cache_free(kmem_cache_t *cachep, void *objp)
{
	if (!objp)
		return;
	BUG_ON(cachep->active_objs == 0);
	cachep->active_objs--;
	sim_obj_free(objp);
}

/* sim: at shutdown, after every object went back */
void kmem_cache_destroy(kmem_cache_t *cachep)
{
	list_del(&cachep->next);
	free(cachep);
}

void *kmalloc(size_t size, int flags)
{
	void *p;

	(void)flags;
	if (sim_should_fail("kmalloc"))
		return NULL;
	p = sim_obj_alloc(size, 0);
	if (p)
		sim_kmalloc_live++;
	return p;
}

void kfree(const void *objp)
{
	if (!objp)
		return;
	BUG_ON(sim_kmalloc_live == 0);
	sim_kmalloc_live--;
	sim_obj_free((void *)objp);
}

/* sim: how many objects of the cache called name are alive (show objects) */
unsigned long sim_cache_objs(const char *name)
{
	struct list_head *pos;

	list_for_each(pos, &cache_chain) {
		kmem_cache_t *cachep = list_entry(pos, kmem_cache_t, next);

		if (!strcmp(cachep->name, name))
			return cachep->active_objs;
	}
	return 0;
}

/*
 * sim: at shutdown, report every cache still holding objects and every
 * kmalloc block not freed, as 2.4's kmem_cache_destroy would complain.
 * Returns how many objects that is.
 */
unsigned long sim_slab_leaks(FILE *out)
{
	struct list_head *pos;
	unsigned long leaks = 0;

	list_for_each(pos, &cache_chain) {
		kmem_cache_t *cachep = list_entry(pos, kmem_cache_t, next);

		if (cachep->active_objs) {
			fprintf(out, "slab error in kmem_cache_destroy(): "
				"cache `%s': %lu objects still in use\n",
				cachep->name, cachep->active_objs);
			leaks += cachep->active_objs;
		}
	}
	if (sim_kmalloc_live) {
		fprintf(out, "kmalloc: %lu blocks never freed\n",
			sim_kmalloc_live);
		leaks += sim_kmalloc_live;
	}
	return leaks;
}

/* sim: the caches themselves go, last thing at shutdown */
void sim_slab_exit(void)
{
	struct list_head *pos, *n;

	list_for_each_safe(pos, n, &cache_chain)
		kmem_cache_destroy(list_entry(pos, kmem_cache_t, next));
}

void sim_bug(const char *file, int line, const char *what)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d! (%s)\n", file, line, what);
	abort();
}
