// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/objid.c - the numbered header in front of every kernel object
 * (sim/include/sim/objid.h). sim only: the allocator of any kernel calls
 * sim_obj_alloc and sim_obj_free, and nothing else touches the header.
 */
#include <stdio.h>
#include <stdlib.h>

#include "sim/objid.h"

/* zeroed, so a field the kernel leaves stale reads as 0 in gdb */
void *sim_obj_alloc(size_t size, unsigned int id)
{
	struct sim_obj *o = calloc(1, sizeof(*o) + size);

	if (!o)
		return NULL;
	o->magic = SIM_OBJ_MAGIC;
	o->id = id;
	return o + 1;
}

void sim_obj_free(void *objp)
{
	struct sim_obj *o = sim_obj(objp);

	o->magic = 0;
	free(o);
}

/* a pointer that did not come from the allocator: a bug of shmsim's */
void sim_obj_bad(const void *objp)
{
	fflush(stdout);
	fprintf(stderr, "shmsim: %p is not an object of the allocator "
		"(no kind#N header)\n", objp);
	abort();
}
