/* SPDX-License-Identifier: GPL-2.0-only */
/* sim/include/sim/arena.h - the RAM arena behind mem_map (sim only). */
#ifndef _SIM_ARENA_H
#define _SIM_ARENA_H

#include <stddef.h>

void *sim_arena_map(size_t bytes);
void sim_arena_unmap(void *base, size_t bytes);
/* the memfd behind the arena (frame pfn at pfn << PAGE_SHIFT), or -1 */
int sim_arena_fd(void);

#endif /* _SIM_ARENA_H */
