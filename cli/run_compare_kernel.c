// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run_compare_kernel.c - the host's calls as result lines, for
 * `shmsim run --compare` (cli/run_compare.c): a record of a real call
 * (client/shmsim_native.h) is printed by the same print_call, with the
 * same call_specs printers, as a simulated task's call, so that the two
 * columns read alike. The host's values are x86-64's: addresses and
 * sizes are printed whole (call_args.native), and its shmctl commands
 * carry no IPC_64 (x86-64's glibc has none to add).
 */
#include <string.h>

#include "sim/kernel.h"
#include "call.h"
#include "print.h"
#include "run_compare.h"
#include "tables.h"

/* what the host's shmctl copied out, into the structs print_call shows */
static void fill_copy(struct call_copy *c, const int64_t *f)
{
	c->ds.shm_perm.key = (key_t)f[SF_KEY];
	c->ds.shm_perm.uid = (unsigned int)f[SF_UID];
	c->ds.shm_perm.gid = (unsigned int)f[SF_GID];
	c->ds.shm_perm.cuid = (unsigned int)f[SF_CUID];
	c->ds.shm_perm.cgid = (unsigned int)f[SF_CGID];
	c->ds.shm_perm.mode = (unsigned short)f[SF_MODE];
	c->ds.shm_perm.seq = (unsigned short)f[SF_SEQ];
	c->ds.shm_segsz = (size_t)f[SF_SEGSZ];
	c->ds.shm_atime = (long)f[SF_ATIME];
	c->ds.shm_dtime = (long)f[SF_DTIME];
	c->ds.shm_ctime = (long)f[SF_CTIME];
	c->ds.shm_cpid = (int)f[SF_CPID];
	c->ds.shm_lpid = (int)f[SF_LPID];
	c->ds.shm_nattch = (unsigned long)f[SF_NATTCH];
	c->info.shmmax = (unsigned long)f[SF_SHMMAX];
	c->info.shmmin = (unsigned long)f[SF_SHMMIN];
	c->info.shmmni = (unsigned long)f[SF_SHMMNI];
	c->info.shmseg = (unsigned long)f[SF_SHMSEG];
	c->info.shmall = (unsigned long)f[SF_SHMALL];
	c->sinfo.used_ids = (int)f[SF_USED_IDS];
	c->sinfo.shm_tot = (unsigned long)f[SF_SHM_TOT];
	c->sinfo.shm_rss = (unsigned long)f[SF_SHM_RSS];
	c->sinfo.shm_swp = (unsigned long)f[SF_SHM_SWP];
	c->sinfo.swap_attempts = (unsigned long)f[SF_SWAP_ATTEMPTS];
	c->sinfo.swap_successes = (unsigned long)f[SF_SWAP_SUCCESSES];
}

void prog_print_record(FILE *out, const struct shmsim_record *r, int pid,
		       const char *name)
{
	static const enum script_call_kind kinds[SHMSIM_NR_OPS] = {
		[SHMSIM_SHMGET] = SCRIPT_CALL_SHMGET,
		[SHMSIM_SHMAT] = SCRIPT_CALL_SHMAT,
		[SHMSIM_SHMDT] = SCRIPT_CALL_SHMDT,
		[SHMSIM_SHMCTL] = SCRIPT_CALL_SHMCTL,
		[SHMSIM_FORK] = SCRIPT_CALL_FORK,
	};
	struct script_call c;
	struct call_args args;
	struct call_result res;
	struct call_copy copy;
	char task[SHMSIM_NAME_LEN];
	int i;

	if ((r->op < SHMSIM_SHMGET || r->op > SHMSIM_SHMCTL) &&
	    r->op != SHMSIM_FORK)
		return;
	memset(&c, 0, sizeof(c));
	memset(&args, 0, sizeof(args));
	memset(&res, 0, sizeof(res));
	memset(&copy, 0, sizeof(copy));
	snprintf(task, sizeof(task), "%s", name);
	c.kind = kinds[r->op];
	c.task = task;
	c.child = task;
	c.nargs = call_specs[c.kind].nargs;
	args.c = &c;
	args.copy = &copy;
	args.given = c.nargs;
	args.native = 1;
	for (i = 0; i < 3; i++)
		args.a[i] = (long long)r->a[i];
	if (r->ret == -1 && r->err) {
		res.is_err = 1;
		res.err = r->err;
	} else {
		res.value = r->ret;
	}
	if (r->op == SHMSIM_SHMCTL)
		fill_copy(&copy, r->ds);
	print_call(out, pid, &args, &res);
}
