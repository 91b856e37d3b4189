/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tests/sim_world.h - a fresh simulated machine per test (sim only).
 * sim_setup() boots a machine silently (RAM as given, default 16 MiB);
 * sim_teardown() runs every invariant check, then shuts the machine down
 * and fails the test if any object (dentry, inode, file, vma, page frame,
 * segment, ...) is still alive. Use them as cmocka setup/teardown:
 *
 *	cmocka_unit_test_setup_teardown(test_x, sim_setup, sim_teardown)
 *
 * sim_task(name, uid, gid) makes a task and points `current` at it.
 */
#ifndef _SIM_WORLD_H
#define _SIM_WORLD_H

#include <stdio.h>

#include "sim_test.h"
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/fs.h"
#include "sim/boot.h"
#include "sim/proc.h"
#include "sim/trace.h"

/* Boot a machine of ram bytes with a swap file of swap bytes (0: none). */
static inline int sim_setup_machine(unsigned long ram, unsigned long swap)
{
	sim_trace_reset();
	sim_trace.printing = 0;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	sim_machine.ram = ram;
	sim_machine.swap = swap;
	sim_machine.swap_file = NULL;
	current = &init_task;
	return start_kernel() ? -1 : 0;
}

static inline int sim_setup_ram(unsigned long ram)
{
	return sim_setup_machine(ram, 0);
}

static inline int sim_setup(void **state)
{
	(void)state;
	return sim_setup_ram(16UL << 20);
}

/* Checks the invariants and that shutdown frees every object. */
static inline int sim_teardown(void **state)
{
	char why[512];
	int broken, leaks;

	(void)state;
	broken = sim_check_all(why, sizeof(why));
	if (broken)
		print_error("BUG: %s\n", why);
	current = &init_task;
	leaks = sim_shutdown(stderr);
	if (leaks)
		print_error("%d objects still alive at shutdown\n", leaks);
	return broken || leaks ? -1 : 0;
}

static inline struct task_struct *sim_task(const char *name, uid_t uid,
					   gid_t gid)
{
	struct task_struct *tsk = sim_task_create(name, uid, gid);

	assert_non_null(tsk);
	current = tsk;
	return tsk;
}

/* How many page-table pages mm has (one per 4 MiB region in use). */
static inline int page_tables(struct mm_struct *mm)
{
	unsigned long i;
	int n = 0;

	for (i = 0; i < (TASK_SIZE >> PGDIR_SHIFT); i++)
		if (!pgd_none(mm->pgd[i]))
			n++;
	return n;
}

#endif /* _SIM_WORLD_H */
