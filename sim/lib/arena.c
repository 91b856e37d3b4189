// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/arena.c - the machine's RAM: one real mmap'd region (sim only).
 * Kept apart from the kernel files so that <sys/mman.h>'s names never meet
 * the simulated kernel's (PROT_*, MAP_* and shm_open live in both).
 */
#include <stddef.h>
#include <sys/mman.h>

#include "sim/arena.h"

/*
 * A machine's RAM is there before its kernel touches it: MAP_POPULATE has
 * the host fault every frame in now, at boot, so that a simulated page
 * fault later costs the simulated kernel's work and not a host fault too.
 */
void *sim_arena_map(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void sim_arena_unmap(void *base, size_t bytes)
{
	if (base)
		munmap(base, bytes);
}
