/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/kernel.h - what a simulated kernel offers the code that
 * drives it: the runner (cli/), the fuzzers (fuzz/), the benchmarks and the
 * tests' fixture include this header and no kernel-private one (such as
 * sim/vfs/vfs_internal.h). Each kernel provides all of it under its own
 * kernel names; docs/layout.md says how a second kernel stands beside the
 * first.
 *
 *   the machine	struct sim_machine, start_kernel, sim_shutdown
 *			(sim/boot.h); the clock, CURRENT_TIME (linux/kernel.h)
 *   the tasks		current, init_task, sim_task_create, sim_task_free,
 *			sim_find_task_by_pid, do_fork, do_exit (linux/sched.h)
 *   the calls		sys_shmget, sys_shmat, sys_shmdt, sys_shmctl
 *			(linux/shm.h); sys_mmap2, sys_munmap, sys_mprotect
 *			(linux/mm.h); sys_mkdir, sys_mount, sys_umount,
 *			sys_open, sys_getdents64, sys_close (linux/fs.h)
 *   user access	sim_user_access, sim_user_touch (sim/mmu.h)
 *   reclaim		sim_pressure (linux/swap.h)
 *   the views		/proc/PID/maps, meminfo, ipcs, vmas, ptes, dcache,
 *			pagecache, swap, objects (sim/proc.h, sim/shm_views.h)
 *   the checks		sim_check_all (sim/proc.h)
 *   the picture	sim_dump_dot, sim_dump_dot_with (sim/proc.h)
 *   fault injection	sim_fail_sites, sim_fail_inject (sim/fail.h)
 *   the swap file	sim_swapdev_* (sim/swapdev.h)
 *   the tracer		sim_trace, sim_trace_seq (sim/trace.h)
 *
 * The structures the calls take and fill (struct shmid64_ds, shminfo64,
 * shm_info) are the kernel's own, from linux/shm.h.
 */
#ifndef _SIM_KERNEL_H
#define _SIM_KERNEL_H

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/swap.h"
#include "sim/boot.h"
#include "sim/fail.h"
#include "sim/kernel_version.h"
#include "sim/mmu.h"
#include "sim/proc.h"
#include "sim/shm_views.h"
#include "sim/swapdev.h"
#include "sim/trace.h"

#endif /* _SIM_KERNEL_H */
