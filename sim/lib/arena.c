// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/arena.c - the machine's RAM: one real memfd, mapped shared
 * (sim only). A memfd, not anonymous memory, so that `shmsim run` can
 * hand it to real programs, which map a frame at its offset
 * (pfn << PAGE_SHIFT) and share its bytes with the simulated kernel
 * (docs/run.md). Kept apart from the kernel files so that <sys/mman.h>'s
 * names never meet the simulated kernel's (PROT_*, MAP_* and shm_open
 * live in both).
 */
#define _GNU_SOURCE	/* memfd_create */
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sim/arena.h"

static int arena_fd = -1;

/*
 * A machine's RAM is there before its kernel touches it: MAP_POPULATE has
 * the host fault every frame in now, at boot, so that a simulated page
 * fault later costs the simulated kernel's work and not a host fault too.
 */
void *sim_arena_map(size_t bytes)
{
	void *p;
	int fd = memfd_create("shmsim-ram", MFD_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (ftruncate(fd, (off_t)bytes)) {
		close(fd);
		return NULL;
	}
	p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_POPULATE, fd, 0);
	if (p == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	arena_fd = fd;
	return p;
}

void sim_arena_unmap(void *base, size_t bytes)
{
	if (base)
		munmap(base, bytes);
	if (arena_fd >= 0)
		close(arena_fd);
	arena_fd = -1;
}

int sim_arena_fd(void)
{
	return arena_fd;
}
