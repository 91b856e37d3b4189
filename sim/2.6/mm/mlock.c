// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/mm/mlock.c - the SHM_LOCK accounting of mm/mlock.c.
 * Models mm/mlock.c (2.6.32), in its order: user_shm_lock,
 *   user_shm_unlock.
 * Left out: mlock, munlock, mlockall and the VM_LOCKED machinery (no
 *   modelled caller in this slice); the shmlock_user_lock spinlock (one
 *   thread). sim: there are no rlimits in the model, so RLIMIT_MEMLOCK is
 *   its default, MLOCK_LIMIT (64 KiB, include/linux/resource.h), for
 *   every task.
 * Called by shmem_lock (mm/shmem.c) for shmctl(SHM_LOCK), and
 *   user_shm_unlock by shmem_lock(file, 0, user) at SHM_UNLOCK and at
 *   shm_destroy.
 */
#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "sim/trace.h"

/* sim: current->signal->rlim[RLIMIT_MEMLOCK].rlim_cur */
static unsigned long sim_rlimit_memlock(void)
{
	return MLOCK_LIMIT;
}

/*
 * Charge size bytes (in pages) to user's locked_shm: allowed within
 * RLIMIT_MEMLOCK, or beyond it with CAP_IPC_LOCK. Returns 1 (allowed: user
 * gets a reference) or 0.
 */
int user_shm_lock(size_t size, struct user_struct *user)
{
	unsigned long lock_limit, locked;
	int allowed = 0;

	TRACE_ENTER("%zu, uid %u", size, (unsigned int)user->uid);
	locked = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	lock_limit = sim_rlimit_memlock();
	if (lock_limit == RLIM_INFINITY)
		allowed = 1;
	lock_limit >>= PAGE_SHIFT;
	if (!allowed &&
	    locked + user->locked_shm > lock_limit && !capable(CAP_IPC_LOCK))
		return TRACE_RET_INT(allowed);
	get_uid(user);
	user->locked_shm += locked;
	allowed = 1;
	sim_note("mm", "uid %u locked_shm %lu pages (limit %lu)",
		 (unsigned int)user->uid, user->locked_shm, lock_limit);
	return TRACE_RET_INT(allowed);
}

/* Give back what user_shm_lock charged, and its reference. */
void user_shm_unlock(size_t size, struct user_struct *user)
{
	TRACE_ENTER("%zu, uid %u", size, (unsigned int)user->uid);
	user->locked_shm -= (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	sim_note("mm", "uid %u locked_shm %lu pages", (unsigned int)user->uid,
		 user->locked_shm);
	free_uid(user);
	TRACE_EXIT();
}
