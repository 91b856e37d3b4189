// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/arch/x86/mm/mmap.c - where a task's mmap area is.
 * Models arch/x86/mm/mmap.c (2.6.32, i386), in its order:
 *   stack_maxrandom_size, mmap_is_ia32, mmap_is_legacy, mmap_rnd,
 *   mmap_base, mmap_legacy_base, arch_pick_mmap_layout.
 * sim: no task has PF_RANDOMIZE (randomization off), every task has the
 *   default RLIMIT_STACK of 8 MiB, no ADDR_COMPAT_LAYOUT personality and
 *   vm.legacy_va_layout is 0: so the layout is top-down with
 *   mmap_base = PAGE_ALIGN(TASK_SIZE - 128 MiB) = 0xB8000000.
 * Called by the exec/task setup (the lead's kernel/fork.c, init), for
 *   every new mm.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "sim/trace.h"

int sysctl_legacy_va_layout;	/* kernel/sysctl.c's vm.legacy_va_layout */

/* sim: no PF_RANDOMIZE: the stack top is not randomized */
static unsigned long stack_maxrandom_size(void)
{
	return 0;
}

/* leave at least 128 MiB for the stack, at most 5/6 of the space */
#define MIN_GAP	(128 * 1024 * 1024UL + stack_maxrandom_size())
#define MAX_GAP	(TASK_SIZE / 6 * 5)

static int mmap_is_ia32(void)
{
	return 1;	/* CONFIG_X86_32 */
}

/* sim: the stack limit is _STK_LIM, never RLIM_INFINITY */
static unsigned long sim_rlimit_stack(void)
{
	return _STK_LIM;
}

static int mmap_is_legacy(void)
{
	/* sim: no ADDR_COMPAT_LAYOUT personality */
	if (sim_rlimit_stack() == RLIM_INFINITY)
		return 1;
	return sysctl_legacy_va_layout;
}

/* sim: no PF_RANDOMIZE, so no random offset */
static unsigned long mmap_rnd(void)
{
	unsigned long rnd = 0;

	(void)mmap_is_ia32;
	return rnd << PAGE_SHIFT;
}

static unsigned long mmap_base(void)
{
	unsigned long gap = sim_rlimit_stack();

	if (gap < MIN_GAP)
		gap = MIN_GAP;
	else if (gap > MAX_GAP)
		gap = MAX_GAP;
	return PAGE_ALIGN(TASK_SIZE - gap - mmap_rnd());
}

static unsigned long mmap_legacy_base(void)
{
	return TASK_UNMAPPED_BASE;	/* ia32: no randomization */
}

/* Choose the layout: top-down below the stack gap, or legacy bottom-up. */
void arch_pick_mmap_layout(struct mm_struct *mm)
{
	TRACE_ENTER("mm#%u", sim_id(mm));
	if (mmap_is_legacy()) {
		mm->mmap_base = mmap_legacy_base();
		mm->get_unmapped_area = arch_get_unmapped_area;
		mm->unmap_area = arch_unmap_area;
	} else {
		mm->mmap_base = mmap_base();
		mm->get_unmapped_area = arch_get_unmapped_area_topdown;
		mm->unmap_area = arch_unmap_area_topdown;
	}
	sim_note("mm", "mm#%u mmap_base %#lx (%s)", sim_id(mm),
		 mm->mmap_base, mmap_is_legacy() ? "legacy" : "top-down");
	TRACE_EXIT();
}
