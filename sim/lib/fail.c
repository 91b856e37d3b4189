// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/fail.c - fault injection: make an allocation or a check fail (sim).
 * Models nothing of 2.4.16 itself (Linux grew its fault-injection framework
 *   in 2.6.20); it makes the modelled kernel functions (the points of
 *   sim/fail_sites.c) fail exactly as theirs can in 2.4.16, so the
 *   kernel's own unwinding runs: newseg's and shmem_file_setup's labels,
 *   do_mmap_pgoff's -ENOMEM, the fault path's VM_FAULT_OOM,
 *   shmem_writepage's fail_writepage.
 * Left out: probabilities and intervals (Linux's fail_* attributes); a
 *   point fails by count only, so every run is the same.
 * The mechanism only, the same for any kernel: the points themselves, named
 *   after the kernel's functions, are the kernel's table sim_fail_sites
 *   (sim/fail_sites.c for 2.4.16).
 * Called by the injection points (sim_should_fail), the scenario runner's
 *   `inject` statement, the parser (the table, to check names and errnos),
 *   tests (sim_fail_inject, sim_fail_nth_alloc), start_kernel and
 *   sim_shutdown (sim_fail_reset).
 */
#include <stdio.h>
#include <string.h>

#include "sim/kbase.h"
#include "sim/fail.h"
#include "sim/trace.h"

/* What `inject` armed at one point. */
struct sim_fail_arm {
	long after;		/* calls still let through */
	long times;		/* failures to come; -1: no limit; 0: off */
};

static struct sim_fail_arm arms[SIM_FAIL_MAX_SITES];
static unsigned long nth_left;	/* counted calls to the one that fails */
static int armed;		/* arms + nth; 0: every point is one branch */
static unsigned long failures;
static char last[64];

const struct sim_fail_site *sim_fail_find(const char *name, size_t len)
{
	const struct sim_fail_site *s;

	for (s = sim_fail_sites; s->name; s++) {
		if (strlen(s->name) == len && !memcmp(s->name, name, len))
			return s;
		if (s->alias && strlen(s->alias) == len &&
		    !memcmp(s->alias, name, len))
			return s;
	}
	return NULL;
}

int sim_fail_errno_ok(const struct sim_fail_site *site, int err)
{
	int i;

	for (i = 0; i < SIM_FAIL_MAX_ERRNOS && site->errnos[i]; i++)
		if (site->errnos[i] == err)
			return 1;
	return 0;
}

static int site_index(const char *name)
{
	const struct sim_fail_site *s = sim_fail_find(name, strlen(name));

	return s ? (int)(s - sim_fail_sites) : -1;
}

static void count_armed(void)
{
	int i;

	armed = nth_left != 0;
	for (i = 0; sim_fail_sites[i].name; i++)
		armed += arms[i].times != 0;
}

int sim_fail_inject(const char *site, int err, long after, long times)
{
	const char *name;
	char see[48] = "";
	int i = site_index(site);

	if (i < 0 || after < 0 || times == 0 || times < -1)
		return -EINVAL;
	if (err && !sim_fail_errno_ok(&sim_fail_sites[i], err))
		return -EINVAL;
	arms[i].after = after;
	arms[i].times = times;
	count_armed();
	name = sim_fail_sites[i].name;
	if (err)
		snprintf(see, sizeof(see), ", callers see %s",
			 sim_errno_name(err));
	if (times == -1 && after == 0)
		sim_note("fail", "%s armed: every call fails from now on%s",
			 name, see);
	else if (times == -1)
		sim_note("fail", "%s armed: every call from call %ld on "
			 "fails%s", name, after + 1, see);
	else if (times == 1 && after == 0)
		sim_note("fail", "%s armed: the next call fails%s", name, see);
	else if (times == 1)
		sim_note("fail", "%s armed: call %ld from now fails%s", name,
			 after + 1, see);
	else
		sim_note("fail", "%s armed: calls %ld to %ld from now fail%s",
			 name, after + 1, after + times, see);
	return 0;
}

int sim_fail_clear(const char *site)
{
	int i;

	if (!site) {
		memset(arms, 0, sizeof(arms));
		nth_left = 0;
		count_armed();
		sim_note("fail", "every point disarmed");
		return 0;
	}
	i = site_index(site);
	if (i < 0)
		return -EINVAL;
	arms[i].after = 0;
	arms[i].times = 0;
	count_armed();
	sim_note("fail", "%s disarmed", sim_fail_sites[i].name);
	return 0;
}

/* Silent: the boot and the shutdown call it, and they add no events. */
void sim_fail_reset(void)
{
	memset(arms, 0, sizeof(arms));
	nth_left = 0;
	armed = 0;
	failures = 0;
	last[0] = '\0';
}

void sim_fail_nth_alloc(unsigned long n)
{
	nth_left = n;
	count_armed();
}

unsigned long sim_fail_count(void)
{
	return failures;
}

const char *sim_fail_last(void)
{
	return last;
}

int sim_should_fail_what(const char *site, const char *what)
{
	struct sim_fail_arm *arm;
	int i, fail = 0;

	if (!armed)
		return 0;
	i = site_index(site);
	BUG_ON(i < 0);		/* a point with no row in the table */
	arm = &arms[i];
	if (arm->times && arm->after) {
		arm->after--;
	} else if (arm->times) {
		fail = 1;
		if (arm->times > 0)
			arm->times--;
	}
	if (sim_fail_sites[i].counted && nth_left && --nth_left == 0)
		fail = 1;
	count_armed();
	if (!fail)
		return 0;
	failures++;
	if (what)
		snprintf(last, sizeof(last), "%s(%s)", sim_fail_sites[i].name,
			 what);
	else
		snprintf(last, sizeof(last), "%s", sim_fail_sites[i].name);
	sim_note("fail", "%s fails (injected)", last);
	return 1;
}

int sim_should_fail(const char *site)
{
	return sim_should_fail_what(site, NULL);
}
