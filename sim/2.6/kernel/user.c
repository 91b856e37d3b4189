// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/2.6/kernel/user.c - one record per uid, for per-user accounting.
 * Models kernel/user.c (2.6.32), reduced, in its order: free_uid,
 *   alloc_uid (inside current_user, see below). Sim only: current_user
 *   and sim_uid_exit, last.
 * Left out: the uid hash (a list: a handful of uids), user namespaces,
 *   the sysfs and scheduler-group parts, the processes/files/sigpending
 *   counters (only locked_shm is read, by mm/mlock.c), the uidhash_lock.
 * sim: 2.6.32 reaches a task's user_struct through its cred
 *   (current_user() is current_cred()->user, holding a reference); the
 *   model's struct cred has no user pointer, so current_user() finds or
 *   makes the record of current's real uid and holds no reference of its
 *   own. A record nobody references is freed by free_uid, or at shutdown.
 * Called by ipc/shm.c (SHM_LOCK: current_user) and mm/mlock.c (get_uid,
 *   free_uid).
 */
#include "linux/kernel.h"
#include "linux/sched.h"
#include "linux/shm.h"

static struct user_struct *sim_uid_list;

/* drop a reference; the last one frees the record */
void free_uid(struct user_struct *up)
{
	struct user_struct **pp;

	if (!up)
		return;
	BUG_ON(up->__count <= 0);
	if (--up->__count)
		return;
	for (pp = &sim_uid_list; *pp; pp = &(*pp)->sim_next) {
		if (*pp == up) {
			*pp = up->sim_next;
			break;
		}
	}
	kfree(up);
}

/* alloc_uid, reduced: the record of uid, made on first use (NULL: ENOMEM) */
static struct user_struct *alloc_uid(uid_t uid)
{
	struct user_struct *up;

	for (up = sim_uid_list; up; up = up->sim_next)
		if (up->uid == uid)
			return up;
	up = kzalloc(sizeof(*up), GFP_KERNEL);
	if (!up)
		return NULL;
	up->uid = uid;
	up->sim_next = sim_uid_list;
	sim_uid_list = up;
	return up;
}

/* sim: see the header; NULL only when no record could be made */
struct user_struct *current_user(void)
{
	return alloc_uid(current_uid());
}

/* sim: shutdown; records still referenced are a leak the checks report */
void sim_uid_exit(void)
{
	struct user_struct **pp = &sim_uid_list;

	while (*pp) {
		struct user_struct *up = *pp;

		if (up->__count) {
			pp = &up->sim_next;
			continue;
		}
		*pp = up->sim_next;
		kfree(up);
	}
}
