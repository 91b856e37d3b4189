/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/arena.h - the RAM arena behind mem_map (sim only). */
#ifndef _SIM_ARENA_H
#define _SIM_ARENA_H

#include <stddef.h>

void *sim_arena_map(size_t bytes);
void sim_arena_unmap(void *base, size_t bytes);

#endif /* _SIM_ARENA_H */
