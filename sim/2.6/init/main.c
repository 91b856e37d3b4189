// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/init/main.c - boot and shutdown of the simulated 2.6.32 machine.
 * Models init/main.c (2.6.32): start_kernel in its order, for the steps
 *   the shm path depends on: mm_init (the page allocator over the arena),
 *   idr_init_cache, cred_init, proc_caches_init, vfs_caches_init (dcache,
 *   inodes, files, mnt_init: sysfs, rootfs, the first namespace; then
 *   bdev_cache_init), radix_tree_init, proc_root_init, then the init
 *   thread: kernel_init → do_basic_setup → init_tmpfs (the internal tmpfs
 *   mount, with MS_NOUSER) and do_initcalls (ipc_init → shm_init, which in
 *   2.6.32 runs after init_tmpfs: 2.4.16 ran shm_init from start_kernel).
 * Its functions in 2.6.32's order: rest_init, do_initcalls,
 *   do_basic_setup, kernel_init, mm_init (static there too), start_kernel.
 *   Sim only, last: sim_shutdown.
 * Unnamed devices come out as on a standard build (the boot section of
 *   docs/kernel-2.6.md): sysfs 00:00, rootfs 00:01, bdev 00:02, proc
 *   00:03, tmpfs 00:04. sockfs, pipefs and the rest of do_initcalls are not
 *   modelled; nothing the shm path shows depends on them.
 * Left out: swap (this slice of the 2.6 model has none), everything of
 *   start_kernel that is not memory, objects or file systems.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/idr.h"
#include "linux/mm.h"
#include "linux/radix-tree.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "sim/boot.h"
#include "sim/fail.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "ipc/util.h"

long sim_clock = SIM_CLOCK_START;
struct sim_machine sim_machine;
int sim_booted;
const char sim_kernel_release[] = "2.6.32";	/* sim: uname -r */
/* sim: the experiment's patches (all three have a 2.6.32 meaning) */
const unsigned int sim_patches_known = SIM_PATCH_SINGLE_SB |
				       SIM_PATCH_USER_MOUNT |
				       SIM_PATCH_HASHED_SHM;

static int kernel_init(void);

static void rest_init(void)
{
	TRACE_ENTER("%s", "");
	sim_trace_comment("kernel_thread(kernel_init): pid 1 (sim: called)");
	kernel_init();
	TRACE_EXIT();
}

/* the initcalls in link order; of them the model has ipc/'s */
static void do_initcalls(void)
{
	TRACE_ENTER("%s", "");
	sim_trace_comment("sock_init, pipefs, anon_inodefs, ...: not "
			  "modelled (sim)");
	ipc_init();
	TRACE_EXIT();
}

static void do_basic_setup(void)
{
	TRACE_ENTER("%s", "");
	if (init_tmpfs())
		BUG();
	do_initcalls();
	TRACE_EXIT();
}

/* The init thread (pid 1); rest_init starts it. */
static int kernel_init(void)
{
	TRACE_ENTER("%s", "");
	do_basic_setup();
	sim_trace_comment("prepare_namespace(), init_post: exec /sbin/init: "
			  "not modelled (sim)");
	return TRACE_RET(0);
}

/* memory first: the allocator over the arena (mem_init) */
static int mm_init(void)
{
	int err;

	TRACE_ENTER("ram %lu KiB", sim_machine.ram >> 10);
	err = sim_mem_init(sim_machine.ram);
	return TRACE_RET(err);
}

/* Boot the machine described by sim_machine. Returns 0 or -errno. */
int start_kernel(void)
{
	int err;

	sim_trace_stops_probe();	/* sim: is a debugger watching? */
	TRACE_ENTER("Linux %s", sim_kernel_release);
	if (sim_machine.patches)	/* sim: the experiment's changes */
		sim_note("patch", "%s%s%s",
			 sim_patched(SIM_PATCH_SINGLE_SB) ? "single-sb" : "",
			 sim_patched(SIM_PATCH_USER_MOUNT) ?
			 (sim_patched(SIM_PATCH_SINGLE_SB) ? ", user-mount" :
			  "user-mount") : "",
			 sim_patched(SIM_PATCH_HASHED_SHM) ?
			 (sim_machine.patches & (SIM_PATCH_SINGLE_SB |
						 SIM_PATCH_USER_MOUNT) ?
			  ", hashed-shm" : "hashed-shm") : "");
	sim_fail_reset();	/* sim: a fresh machine has nothing armed */
	err = mm_init();
	if (err)
		return TRACE_RET(err);
	idr_init_cache();
	cred_init();
	proc_caches_init();
	vfs_caches_init(nr_free_pages());
	radix_tree_init();
	proc_root_init();
	rest_init();
	sim_booted = 1;
	return TRACE_RET(0);
}

/* sim: remove every segment left, as root would with ipcrm */
static void remove_all_segments(void)
{
	struct task_struct *saved = current;
	struct sim_shm_info info;
	int slot;

	current = &init_task;
	for (slot = 0; slot <= sim_shm_max_slot(); slot++)
		if (sim_shm_slot(slot, &info))
			sys_shmctl(info.id, IPC_RMID, NULL);
	current = saved;
}

/*
 * sim: every task exits, every segment is removed, the mounts go and the
 * caches are emptied. Returns the number of objects still alive (0 when
 * the model released everything), after reporting them on out.
 */
int sim_shutdown(FILE *out)
{
	struct list_head *pos, *n;
	int leaks = 0;

	if (!sim_booted)
		return 0;
	sim_fail_reset();	/* the teardown itself must not fail */
	list_for_each_safe(pos, n, &sim_tasks) {
		struct task_struct *tsk;

		tsk = list_entry(pos, struct task_struct, tasks);
		current = tsk;
		if (tsk->exit_state != EXIT_ZOMBIE)
			do_exit(0);
		sim_task_free(tsk);
	}
	current = &init_task;
	remove_all_segments();
	sim_umount_all();	/* the user mounts, before tmpfs goes */
	sim_shm_exit();
	sim_shmem_exit();
	sim_vfs_exit();
	sim_radix_tree_exit();	/* the preload pool's spare nodes */
	sim_uid_exit();		/* the per-uid records (kernel/user.c) */

	leaks += sim_slab_leaks(out);
	if (nr_free_pages() != totalram_pages) {
		fprintf(out, "page_alloc: %lu of %lu page frames still in "
			"use\n", totalram_pages - nr_free_pages(),
			totalram_pages);
		leaks += totalram_pages - nr_free_pages();
	}
	sim_slab_exit();
	sim_mem_exit();
	sim_booted = 0;
	return leaks;
}
