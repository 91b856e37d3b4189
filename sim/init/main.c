// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/init/main.c - boot and shutdown of the simulated machine.
 * Models init/main.c (2.4.16): start_kernel in its order, for the steps the
 *   shm path depends on: memory (mem_init), the object caches
 *   (proc_caches_init, vfs_caches_init: dcache, inode, the rootfs mount and
 *   the bdev pseudo-filesystem), page_cache_init, proc_root_init, ipc_init,
 *   then the init thread's do_basic_setup: sock_init and do_initcalls,
 *   where init_shmem_fs mounts the internal tmpfs and init_ramfs_fs
 *   registers ramfs; prepare_namespace's mount_root mounts the root file
 *   system (ramfs here, sim: see mount_root) over rootfs and makes it
 *   init's root and cwd; then, as /etc/rc would, a swap file is made and
 *   swapped on (sys_swapon).
 * Its functions in 2.4.16's order: rest_init, start_kernel, do_initcalls,
 *   do_basic_setup, prepare_namespace, init (declared ahead, as there). At
 *   the top, a stand-in for net/socket.c's sock_init (shmsim has no net/);
 *   sim only: sim_swap_setup right before init, its user, and the shutdown
 *   last.
 * Unnamed devices come out in the order a standard 2.4.16 build hands them
 *   out: rootfs 00:01, bdev 00:02, proc 00:03, sockfs 00:04, tmpfs 00:05.
 *   rootfs, proc and tmpfs are really mounted; bdev and sockfs only take
 *   their device numbers (sim), so that tmpfs gets 00:05. The ramfs root
 *   gets 00:06 (sim: 2.4.16 would give 00:06 to pipefs, whose initcall
 *   shmsim leaves out, and mount a disk root with no unnamed device; so a
 *   later user mount gets 00:07 here as there).
 * sim_shutdown() is our own: every task exits, every segment is removed,
 *   the mounts go, and whatever is still alive is reported.
 * Seed texts name these steps with early-2.5 names: get_anon_super is
 *   2.4.16's get_unnamed_dev, and insert_super is the list insertion inside
 *   read_super (docs/walkthrough-boot.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "linux/kernel.h"
#include "linux/fs.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "linux/shmem_fs.h"
#include "linux/slab.h"
#include "linux/swap.h"
#include "linux/vmalloc.h"
#include "sim/boot.h"
#include "sim/fail.h"
#include "sim/swapdev.h"
#include "sim/shm_views.h"
#include "sim/trace.h"
#include "vfs/vfs_internal.h"

long sim_clock = SIM_CLOCK_START;
struct sim_machine sim_machine;
int sim_booted;
const char sim_kernel_release[] = "2.4.16";	/* sim: uname -r */
const char *const sim_not_modelled[] = { NULL };	/* sim: all of it */
/* sim: the experiment's patches 2.4.16 can take (no MS_NOUSER on tmpfs) */
const unsigned int sim_patches_known = SIM_PATCH_SINGLE_SB |
				       SIM_PATCH_HASHED_SHM;

/* defined last, where 2.4.16's init/main.c has it */
static void init(void);

/* net/socket.c: sockfs's kern_mount takes the next unnamed device */
static void sock_init(void)
{
	TRACE_ENTER("%s", "");
	sim_reserve_unnamed_dev("sockfs");
	TRACE_EXIT();
}

static void rest_init(void)
{
	TRACE_ENTER("%s", "");
	init();
	TRACE_EXIT();
}

/* sim: the boot trace names the experiment's patches applied, if any */
static void sim_note_patches(void)
{
	if (!sim_machine.patches)
		return;
	sim_note("patch", "%s%s%s",
		 sim_patched(SIM_PATCH_SINGLE_SB) ? "single-sb" : "",
		 sim_patched(SIM_PATCH_SINGLE_SB) &&
		 sim_patched(SIM_PATCH_HASHED_SHM) ? ", " : "",
		 sim_patched(SIM_PATCH_HASHED_SHM) ? "hashed-shm" : "");
}

/* Boot the machine described by sim_machine. Returns 0 or -errno. */
int start_kernel(void)
{
	int err;

	sim_trace_stops_probe();	/* sim: is a debugger watching? */
	TRACE_ENTER("ram %lu KiB", sim_machine.ram >> 10);
	sim_note_patches();	/* sim: which lines differ from 2.4.16 */
	sim_fail_reset();	/* sim: a fresh machine has nothing armed */
	err = sim_mem_init(sim_machine.ram);	/* mem_init */
	if (err)
		return TRACE_RET(err);
	proc_caches_init();
	vfs_caches_init(max_mapnr);
	page_cache_init(max_mapnr);
	proc_root_init();
	ipc_init();
	rest_init();
	sim_booted = 1;
	return TRACE_RET(0);
}

/*
 * the initcalls in link order: mm/ comes before fs/, and in fs/ the
 * objects (pipe.o: sim, left out) before the subdirectories (ramfs)
 */
static void do_initcalls(void)
{
	TRACE_ENTER("%s", "");
	if (init_shmem_fs())
		BUG();
	if (init_ramfs_fs())
		BUG();
	TRACE_EXIT();
}

static void do_basic_setup(void)
{
	TRACE_ENTER("%s", "");
	sock_init();
	do_initcalls();
	TRACE_EXIT();
}

/*
 * Mount the root file system. sim: no initrd or ramdisk to load first,
 * and no devfs to mount after.
 */
static void prepare_namespace(void)
{
	TRACE_ENTER("%s", "");
	mount_root();
	TRACE_EXIT();
}

/*
 * sim: what /etc/rc's `mkswap` and `swapon -a` do once init runs: a swap
 * file of machine.swap bytes. One the user named is made only where it is
 * new or a swap area shmsim made (or machine.swap_force), and is kept; one
 * nobody named has no name in the host's file system at all: swapon opens
 * it through /proc/self/fd, and it is gone with its last descriptor, at
 * shutdown or at any exit. A failure is kept in machine.swap_err for the
 * caller; the boot goes on without swap, as 2.4's would.
 */
static void sim_swap_setup(void)
{
	const char *path = sim_machine.swap_file;
	char fdpath[32];
	int tmpfd = -1, err;

	sim_machine.swap_err = 0;
	if (sim_machine.swap < 2 * PAGE_SIZE)
		return;		/* swap=0: no swap area */
	if (!path) {
		tmpfd = sim_swapdev_tempfile();
		err = tmpfd;
		if (tmpfd < 0)
			goto out;
		snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", tmpfd);
		path = fdpath;
		sim_swap_display = SIM_SWAPFILE_NAME;
	}
	err = sim_mkswap(path, sim_machine.swap, sim_machine.swap_force);
	if (!err)
		err = sys_swapon(path, 0);
	if (!err) {
		struct swap_info_struct *p = &swap_info[swap_list.head];

		p->sim_keep = 1;
		p->sim_temp = tmpfd >= 0;
		/* a temporary area: name it by its own descriptor */
		if (p->sim_temp) {
			snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d",
				 p->sim_fd);
			free(p->swap_file);
			p->swap_file = strdup(fdpath);
		}
	}
out:
	if (tmpfd >= 0)
		close(tmpfd);	/* swapon's own descriptor keeps the file */
	sim_swap_display = NULL;
	sim_machine.swap_err = err;
}

/* The init thread (pid 1); rest_init starts it. */
static void init(void)
{
	TRACE_ENTER("%s", "");
	do_basic_setup();
	prepare_namespace();
	sim_trace_comment("exec /sbin/init: not modelled (sim)");
	sim_trace_comment("/etc/rc: mkswap and swapon -a (sim)");
	sim_swap_setup();
	TRACE_EXIT();
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
 * caches are emptied. Returns the number of objects still alive (0 when the
 * model released everything), after reporting them on out.
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
		if (tsk->mm)
			do_exit(0);
		sim_task_free(tsk);
	}
	current = &init_task;
	remove_all_segments();
	sim_init_task_exit();
	sim_mnt_umount_all();
	sim_exit_ramfs_fs();
	sim_exit_shmem_fs();
	sim_shm_exit();
	leaks += sim_vfs_exit(out);
	for (int type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *p = &swap_info[type];
		unsigned long off, used = 0;

		for (off = 1; p->swap_map && off < p->max; off++)
			if (p->swap_map[off])
				used++;
		if (used) {
			fprintf(out, "swapoff: %lu slots of area %d still in "
				"use\n", used, type);
			leaks += used;
		}
	}
	sim_swapoff_all();
	sim_page_hash_release();

	leaks += sim_slab_leaks(out);
	if (sim_vmalloc_live) {
		fprintf(out, "vmalloc: %lu areas never freed\n",
			sim_vmalloc_live);
		leaks += sim_vmalloc_live;
	}
	if (nr_free_pages() != max_mapnr) {
		fprintf(out,
			"page_alloc: %lu of %lu page frames still in use\n",
			max_mapnr - nr_free_pages(), max_mapnr);
		leaks += max_mapnr - nr_free_pages();
	}
	sim_slab_exit();
	sim_mem_exit();
	sim_booted = 0;
	return leaks;
}
