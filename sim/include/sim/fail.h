/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/fail.h - fault injection (sim only).
 * Makes a modelled allocation or check fail the way 2.4.16's can: the
 * function returns NULL (or 0, or no swap slot) and its callers unwind as
 * the kernel does. Nothing is armed after boot, and then every injection
 * point costs one branch and adds no trace event.
 *
 * The points are named after the kernel function that fails, and each one
 * sits where 2.4.16's own failure arises (sim/fail_sites.c lists them):
 *
 *	kmalloc kmem_cache_alloc vmalloc alloc_page get_swap_page
 *	vm_enough_memory d_alloc get_empty_filp new_inode
 *
 * An injected failure prints one trace line at the point:
 *	/ * fail: get_empty_filp fails (injected) * /
 *
 * Scenario scripts arm points with `inject FUNCTION ERRNAME [after=N]
 * [times=N]` (docs/scenario-language.md); tests call the same functions:
 *
 *	sim_fail_inject("get_empty_filp", ENFILE, 0, 1);
 *	assert_errno(sys_shmget(key, 4096, IPC_CREAT | 0600), -ENFILE);
 *
 * or, to walk every point of a path in turn (as Linux's /proc/PID/fail-nth):
 *
 *	sim_fail_nth_alloc(n);		// the n-th allocation fails
 *	...the path...
 *	if (!sim_fail_count()) break;	// no failure: all points done
 */
#ifndef _SIM_FAIL_H
#define _SIM_FAIL_H

#include <stddef.h>

#define SIM_FAIL_MAX_ERRNOS	4
#define SIM_FAIL_MAX_SITES	16	/* points a kernel's table may have */

/* One injection point: a kernel function that can fail. */
struct sim_fail_site {
	const char *name;	/* "get_empty_filp" */
	const char *alias;	/* another spelling users know, or NULL */
	/* what a failure gives the callers on the modelled paths, 0-ended */
	int errnos[SIM_FAIL_MAX_ERRNOS];
	int counted;		/* counted by sim_fail_nth_alloc */
};

/*
 * every point, in the order messages list them; ends with name NULL. The
 * kernel's own table (sim/fail_sites.c); sim/lib/fail.c is the mechanism.
 */
extern const struct sim_fail_site sim_fail_sites[];

/* the point called name[0..len), by its name or alias; NULL if none */
const struct sim_fail_site *sim_fail_find(const char *name, size_t len);
/* may a failure of site give err (positive) to its callers? */
int sim_fail_errno_ok(const struct sim_fail_site *site, int err);

/*
 * Arm site: let after calls through, then fail times calls (-1: every
 * call until cleared). err is what the caller should see, printed in the
 * arming note; 0 skips the check. Returns 0, or -EINVAL for an unknown site,
 * an err the site cannot give, after < 0 or times 0 or below -1.
 */
int sim_fail_inject(const char *site, int err, long after, long times);
/* Disarm site (NULL: every point, and the nth); -EINVAL if unknown. */
int sim_fail_clear(const char *site);
/* disarm all, forget the counts (start_kernel, sim_shutdown); silent */
void sim_fail_reset(void);

/* The n-th call (from 1) of any counted point from now on fails; 0: off. */
void sim_fail_nth_alloc(unsigned long n);

unsigned long sim_fail_count(void);	/* failures injected since reset */
const char *sim_fail_last(void);	/* "kmem_cache_alloc(filp)", or "" */

/*
 * The injection point itself, called by the modelled function: nonzero
 * means "fail now" (and the trace line is printed). what, if not NULL,
 * names the object in the note and in sim_fail_last(): the slab cache.
 */
int sim_should_fail(const char *site);
int sim_should_fail_what(const char *site, const char *what);

#endif /* _SIM_FAIL_H */
