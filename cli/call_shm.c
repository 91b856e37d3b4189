// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/call_shm.c - the System V shm calls of the scenario language:
 * shmget, shmat, shmdt and shmctl, each a run_X that makes the sys_* call
 * as `current` (arguments cut to i386's registers) and a print_X that
 * prints its arguments as strace does:
 *	A[100]: shmget(0x4d2, 2052, IPC_CREAT|0666) = 0
 *	A[100]: shmctl(0, IPC_STAT, {shm_perm={key=0x4d2, ...}, ...}) = 0
 * And call_copy_field: the fields of the structs shmctl copies out, which
 * a capture ("-> st") keeps for "$st.shm_nattch".
 * See cli/call.h for how cli/run.c and cli/print.c use them.
 */
#include <string.h>

#include "sim/kernel.h"
#include "call.h"
#include "print.h"

static const struct flag_name shmget_flags[] = {
	{ IPC_CREAT, "IPC_CREAT" }, { IPC_EXCL, "IPC_EXCL" },
	{ IPC_NOWAIT, "IPC_NOWAIT" }, { 0, NULL }
};
static const struct flag_name shmat_flags[] = {
	{ SHM_RDONLY, "SHM_RDONLY" }, { SHM_RND, "SHM_RND" },
	{ SHM_REMAP, "SHM_REMAP" }, { 0, NULL }
};

/* argument i as printed: i386's register, or the host's whole value */
static unsigned long arg(const struct call_args *args, int i)
{
	return args->native ? (unsigned long)args->a[i] : reg(args->a[i]);
}

/* shmget KEY SIZE FLAGS */
void run_shmget(const struct call_args *args, struct call_result *res)
{
	const long long *a = args->a;

	call_set_return(res, sys_shmget((key_t)reg(a[0]), reg(a[1]),
					(int)reg(a[2])));
}

void print_shmget(FILE *out, const struct call_args *args,
		  const struct call_result *res)
{
	const long long *a = args->a;

	(void)res;
	if (reg(a[0]) == 0)
		fputs("IPC_PRIVATE", out);
	else
		fprintf(out, "%#lx", reg(a[0]));
	fprintf(out, ", %lu, ", arg(args, 1));
	print_flags(out, reg(a[2]), shmget_flags, 1);
}

/* shmat SHMID ADDR FLAGS: the value is the address attached at */
void run_shmat(const struct call_args *args, struct call_result *res)
{
	const long long *a = args->a;
	unsigned long raddr = 0;
	long ret;

	ret = sys_shmat((int)reg(a[0]), (char *)reg(a[1]), (int)reg(a[2]),
			&raddr);
	call_set_return(res, ret);
	if (!res->is_err)
		res->value = (long long)raddr;
}

void print_shmat(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	const long long *a = args->a;

	(void)res;
	fprintf(out, "%d, ", (int)reg(a[0]));
	print_addr(out, arg(args, 1));
	fputs(", ", out);
	print_flags(out, reg(a[2]), shmat_flags, 1);
}

/* shmdt ADDR */
void run_shmdt(const struct call_args *args, struct call_result *res)
{
	call_set_return(res, sys_shmdt((char *)reg(args->a[0])));
}

void print_shmdt(FILE *out, const struct call_args *args,
		 const struct call_result *res)
{
	(void)res;
	print_addr(out, arg(args, 0));
}

/*
 * IPC_SET's buffer: a program reads the struct (untraced here), changes
 * the fields the script names, and writes it back.
 */
static void fill_ipc_set(const struct call_args *args, int shmid,
			 struct shmid64_ds *set)
{
	int saved = sim_trace.enabled;

	memset(set, 0, sizeof(*set));
	sim_trace.enabled = 0;
	sys_shmctl(shmid, IPC_STAT, set);
	sim_trace.enabled = saved;
	if (args->has_uid)
		set->shm_perm.uid = reg(args->uid);
	if (args->has_gid)
		set->shm_perm.gid = reg(args->gid);
	if (args->has_mode)
		set->shm_perm.mode = reg(args->mode);
}

/* shmctl SHMID CMD [uid=N] [gid=N] [mode=N]: the struct to args->copy */
void run_shmctl(const struct call_args *args, struct call_result *res)
{
	struct call_copy *copy = args->copy;
	int shmid = (int)reg(args->a[0]);
	int cmd = (int)reg(args->a[1]);
	int base = cmd & ~IPC_64;
	void *buf = NULL;
	struct shmid64_ds set;

	if (base == IPC_STAT || base == SHM_STAT) {
		buf = &copy->ds;
	} else if (base == IPC_INFO) {
		buf = &copy->info;
	} else if (base == SHM_INFO) {
		buf = &copy->sinfo;
	} else if (base == IPC_SET) {
		fill_ipc_set(args, shmid, &set);
		buf = &set;
	}
	call_set_return(res, sys_shmctl(shmid, cmd, buf));
	if (base == IPC_SET)
		copy->ds = set;
}

static void print_shminfo(FILE *out, const struct shminfo64 *info)
{
	fprintf(out, "{shmmax=%lu, shmmin=%lu, shmmni=%lu, shmseg=%lu, "
		"shmall=%lu}", info->shmmax, info->shmmin, info->shmmni,
		info->shmseg, info->shmall);
}

static void print_shm_info(FILE *out, const struct shm_info *sinfo)
{
	fprintf(out, "{used_ids=%d, shm_tot=%lu, shm_rss=%lu, shm_swp=%lu, "
		"swap_attempts=%lu, swap_successes=%lu}", sinfo->used_ids,
		sinfo->shm_tot, sinfo->shm_rss, sinfo->shm_swp,
		sinfo->swap_attempts, sinfo->swap_successes);
}

/* The buffer shows what was copied: "{...}" if the call failed */
void print_shmctl(FILE *out, const struct call_args *args,
		  const struct call_result *res)
{
	const struct call_copy *copy = args->copy;
	int base = (int)reg(args->a[1]) & ~IPC_64;

	fprintf(out, "%d, ", (int)reg(args->a[0]));
	print_cmd(out, (int)reg(args->a[1]));
	fputs(", ", out);
	if (base == IPC_RMID || base == SHM_LOCK || base == SHM_UNLOCK)
		fputs("NULL", out);
	else if (res->is_err)
		fputs("{...}", out);
	else if (base == IPC_STAT || base == SHM_STAT || base == IPC_SET)
		print_shmid_ds(out, &copy->ds);
	else if (base == IPC_INFO)
		print_shminfo(out, &copy->info);
	else if (base == SHM_INFO)
		print_shm_info(out, &copy->sinfo);
	else
		fputs("NULL", out);
}

/* Field f of what shmctl copied out ($st.shm_nattch), 0 for none */
long long call_copy_field(const struct call_copy *copy, enum script_field f)
{
	const struct shmid64_ds *ds = &copy->ds;
	const struct shminfo64 *info = &copy->info;
	const struct shm_info *sinfo = &copy->sinfo;

	switch (f) {
	case SCRIPT_FIELD_SHM_SEGSZ:	return ds->shm_segsz;
	case SCRIPT_FIELD_SHM_NATTCH:	return ds->shm_nattch;
	case SCRIPT_FIELD_SHM_CPID:	return ds->shm_cpid;
	case SCRIPT_FIELD_SHM_LPID:	return ds->shm_lpid;
	case SCRIPT_FIELD_SHM_ATIME:	return ds->shm_atime;
	case SCRIPT_FIELD_SHM_DTIME:	return ds->shm_dtime;
	case SCRIPT_FIELD_SHM_CTIME:	return ds->shm_ctime;
	case SCRIPT_FIELD_KEY:		return ds->shm_perm.key;
	case SCRIPT_FIELD_UID:		return ds->shm_perm.uid;
	case SCRIPT_FIELD_GID:		return ds->shm_perm.gid;
	case SCRIPT_FIELD_CUID:		return ds->shm_perm.cuid;
	case SCRIPT_FIELD_CGID:		return ds->shm_perm.cgid;
	case SCRIPT_FIELD_MODE:		return ds->shm_perm.mode;
	case SCRIPT_FIELD_SEQ:		return ds->shm_perm.seq;
	case SCRIPT_FIELD_SHMMAX:	return info->shmmax;
	case SCRIPT_FIELD_SHMMIN:	return info->shmmin;
	case SCRIPT_FIELD_SHMMNI:	return info->shmmni;
	case SCRIPT_FIELD_SHMSEG:	return info->shmseg;
	case SCRIPT_FIELD_SHMALL:	return info->shmall;
	case SCRIPT_FIELD_USED_IDS:	return sinfo->used_ids;
	case SCRIPT_FIELD_SHM_TOT:	return sinfo->shm_tot;
	case SCRIPT_FIELD_SHM_RSS:	return sinfo->shm_rss;
	case SCRIPT_FIELD_SHM_SWP:	return sinfo->shm_swp;
	case SCRIPT_FIELD_SWAP_ATTEMPTS: return sinfo->swap_attempts;
	case SCRIPT_FIELD_SWAP_SUCCESSES: return sinfo->swap_successes;
	case SCRIPT_FIELD_NONE:
	case SCRIPT_NR_FIELDS:
		break;
	}
	return 0;
}
