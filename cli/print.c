// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/print.c - result lines in strace's manner (see cli/print.h).
 *	A[100]: shmget(0x4d2, 2052, IPC_CREAT|0666) = 0
 *	B[101]: write(0x40000000, "x", 1) = SIGSEGV (task killed)
 * Flags print by name (IPC_CREAT|0666, SHM_RDONLY, PROT_READ|PROT_WRITE),
 * addresses in hex (0 as NULL), strings with the script's escapes and cut
 * after 32 bytes as strace cuts them, shmctl's structs as strace -v does.
 */
#include <stdio.h>

#include "linux/kernel.h"
#include "linux/mm.h"
#include "linux/sched.h"
#include "linux/shm.h"
#include "print.h"

/* "..." with the script's escapes; longer than 32 bytes ends in "...". */
void print_string(FILE *out, const char *s, size_t len)
{
	size_t i, shown = len > 32 ? 32 : len;

	fputc('"', out);
	for (i = 0; i < shown; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\0': fputs("\\0", out); break;
		case '\\': fputs("\\\\", out); break;
		case '"': fputs("\\\"", out); break;
		default:
			if (c >= 0x20 && c < 0x7f)
				fputc(c, out);
			else
				fprintf(out, "\\x%02x", c);
		}
	}
	fputc('"', out);
	if (shown < len)
		fputs("...", out);
}

struct flag_name {
	unsigned long value;
	const char *name;
};

/* Named bits joined by '|', then what is left in base ("0%lo"/"%#lx"). */
static void print_flags(FILE *out, unsigned long v,
			const struct flag_name *names, int octal_rest)
{
	int first = 1;

	for (; names->name; names++) {
		if ((v & names->value) == names->value && names->value) {
			fprintf(out, "%s%s", first ? "" : "|", names->name);
			v &= ~names->value;
			first = 0;
		}
	}
	if (v || first) {
		if (!first)
			fputc('|', out);
		if (octal_rest)
			fprintf(out, v ? "0%lo" : "0", v);
		else
			fprintf(out, v ? "%#lx" : "0", v);
	}
}

static const struct flag_name shmget_flags[] = {
	{ IPC_CREAT, "IPC_CREAT" }, { IPC_EXCL, "IPC_EXCL" },
	{ IPC_NOWAIT, "IPC_NOWAIT" }, { 0, NULL }
};
static const struct flag_name shmat_flags[] = {
	{ SHM_RDONLY, "SHM_RDONLY" }, { SHM_RND, "SHM_RND" },
	{ SHM_REMAP, "SHM_REMAP" }, { 0, NULL }
};
static const struct flag_name prot_flags[] = {
	{ PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
	{ PROT_EXEC, "PROT_EXEC" }, { 0, NULL }
};
static const struct flag_name map_flags[] = {
	{ MAP_SHARED, "MAP_SHARED" }, { MAP_PRIVATE, "MAP_PRIVATE" },
	{ MAP_FIXED, "MAP_FIXED" }, { MAP_ANONYMOUS, "MAP_ANONYMOUS" },
	{ 0, NULL }
};

static void print_prot(FILE *out, unsigned long prot)
{
	if (!prot)
		fputs("PROT_NONE", out);
	else
		print_flags(out, prot, prot_flags, 0);
}

static void print_cmd(FILE *out, int cmd)
{
	static const char *const names[] = {
		[IPC_RMID] = "IPC_RMID", [IPC_SET] = "IPC_SET",
		[IPC_STAT] = "IPC_STAT", [IPC_INFO] = "IPC_INFO",
		[SHM_LOCK] = "SHM_LOCK", [SHM_UNLOCK] = "SHM_UNLOCK",
		[SHM_STAT] = "SHM_STAT", [SHM_INFO] = "SHM_INFO",
	};
	int base = cmd & ~IPC_64;

	if (cmd < 0 || base >= (int)(sizeof(names) / sizeof(names[0])) ||
	    !names[base]) {
		fprintf(out, "%d", cmd);
		return;
	}
	fprintf(out, "%s%s", cmd & IPC_64 ? "IPC_64|" : "", names[base]);
}

static void print_addr(FILE *out, unsigned long addr)
{
	if (addr)
		fprintf(out, "%#lx", addr);
	else
		fputs("NULL", out);
}

static void print_shmid_ds(FILE *out, const struct shmid64_ds *ds)
{
	fprintf(out, "{shm_perm={key=%#x, uid=%u, gid=%u, cuid=%u, cgid=%u, "
		"mode=%#o, seq=%u}, shm_segsz=%lu, shm_cpid=%d, shm_lpid=%d, "
		"shm_nattch=%lu, shm_atime=%ld, shm_dtime=%ld, shm_ctime=%ld}",
		(unsigned int)ds->shm_perm.key, (unsigned int)ds->shm_perm.uid,
		(unsigned int)ds->shm_perm.gid, (unsigned int)ds->shm_perm.cuid,
		(unsigned int)ds->shm_perm.cgid, ds->shm_perm.mode,
		ds->shm_perm.seq, (unsigned long)ds->shm_segsz, ds->shm_cpid,
		ds->shm_lpid, ds->shm_nattch, ds->shm_atime, ds->shm_dtime,
		ds->shm_ctime);
}

/* si_code as strace names it */
static const char *si_code_name(int signo, int code)
{
	if (signo == SIGSEGV && code == SEGV_MAPERR)
		return "SEGV_MAPERR";
	if (signo == SIGSEGV && code == SEGV_ACCERR)
		return "SEGV_ACCERR";
	if (signo == SIGBUS && code == BUS_ADRERR)
		return "BUS_ADRERR";
	return "SI_KERNEL";
}

/*
 * After a killed access's result line, strace's two lines for the signal
 * and the death, so that a strace reader sees what strace would show:
 *	A[100]: --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_ACCERR,
 *		si_addr=0x40000000} ---
 *	A[100]: +++ killed by SIGSEGV +++
 * (an OOM kill is SIGKILL, si_code=SI_KERNEL, no address).
 */
static void print_signal(FILE *out, const char *task, pid_t pid,
			 const struct call_result *res)
{
	const char *name = sim_signal_name(res->signo);

	fprintf(out, "%s[%d]: --- %s {si_signo=%s, si_code=%s", task, pid,
		name, name, si_code_name(res->signo, res->sig_code));
	if (res->signo != SIGKILL)
		fprintf(out, ", si_addr=%#lx", res->sig_addr);
	fprintf(out, "} ---\n%s[%d]: +++ killed by %s +++\n", task, pid,
		name);
}

/* The result part: "= 0", "= -1 EINVAL (...)", "= SIGSEGV (task killed)" */
static void print_result(FILE *out, const struct call_result *res,
			 enum script_call_kind kind)
{
	if (res->signo) {
		fprintf(out, " = %s (task killed)\n",
			sim_signal_name(res->signo));
		return;
	}
	if (res->is_err) {
		fprintf(out, " = -1 %s (%s)\n", sim_errno_name(res->err),
			sim_errno_text(res->err));
		return;
	}
	if (res->no_value) {
		fputs(" = ?\n", out);
		return;
	}
	if (res->is_string) {
		fputs(" = ", out);
		print_string(out, res->str, res->len);
		fputc('\n', out);
		return;
	}
	if (kind == SCRIPT_CALL_SHMAT || kind == SCRIPT_CALL_MMAP)
		fprintf(out, " = %#llx\n", res->value);
	else
		fprintf(out, " = %lld\n", res->value);
}

/*
 * The result line of call c made by pid: its arguments a[] (integers as
 * evaluated), the bytes of a write, what happened, and what shmctl copied
 * out (ds, info, sinfo) for the command's struct.
 */
void print_call(FILE *out, const struct script_call *c, pid_t pid,
		const long long *a, const char *data, size_t len,
		const struct call_result *res, const struct shmid64_ds *ds,
		const struct shminfo64 *info, const struct shm_info *sinfo)
{
	long long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];

	fprintf(out, "%s[%d]: %s(", c->task, pid, script_call_name(c->kind));
	switch (c->kind) {
	case SCRIPT_CALL_SHMGET:
		if (reg(a0) == 0)
			fputs("IPC_PRIVATE", out);
		else
			fprintf(out, "%#lx", reg(a0));
		fprintf(out, ", %lu, ", reg(a1));
		print_flags(out, reg(a2), shmget_flags, 1);
		break;
	case SCRIPT_CALL_SHMAT:
		fprintf(out, "%d, ", (int)reg(a0));
		print_addr(out, reg(a1));
		fputs(", ", out);
		print_flags(out, reg(a2), shmat_flags, 1);
		break;
	case SCRIPT_CALL_SHMDT:
		print_addr(out, reg(a0));
		break;
	case SCRIPT_CALL_SHMCTL: {
		int base = (int)reg(a1) & ~IPC_64;

		fprintf(out, "%d, ", (int)reg(a0));
		print_cmd(out, (int)reg(a1));
		fputs(", ", out);
		if (base == IPC_RMID || base == SHM_LOCK || base == SHM_UNLOCK)
			fputs("NULL", out);
		else if (res->is_err)
			fputs("{...}", out);
		else if (base == IPC_STAT || base == SHM_STAT ||
			 base == IPC_SET)
			print_shmid_ds(out, ds);
		else if (base == IPC_INFO)
			fprintf(out, "{shmmax=%lu, shmmin=%lu, shmmni=%lu, "
				"shmseg=%lu, shmall=%lu}", info->shmmax,
				info->shmmin, info->shmmni,
				info->shmseg, info->shmall);
		else if (base == SHM_INFO)
			fprintf(out, "{used_ids=%d, shm_tot=%lu, shm_rss=%lu, "
				"shm_swp=%lu, swap_attempts=%lu, "
				"swap_successes=%lu}", sinfo->used_ids,
				sinfo->shm_tot, sinfo->shm_rss,
				sinfo->shm_swp, sinfo->swap_attempts,
				sinfo->swap_successes);
		else
			fputs("NULL", out);
		break;
	}
	case SCRIPT_CALL_MMAP:
		print_addr(out, reg(a0));
		fprintf(out, ", %lu, ", reg(a1));
		print_prot(out, reg(a2));
		fputs(", ", out);
		print_flags(out, reg(a3), map_flags, 0);
		fputs(", -1, 0", out);
		break;
	case SCRIPT_CALL_MUNMAP:
		fprintf(out, "%#lx, %lu", reg(a0), reg(a1));
		break;
	case SCRIPT_CALL_MPROTECT:
		fprintf(out, "%#lx, %lu, ", reg(a0), reg(a1));
		print_prot(out, reg(a2));
		break;
	case SCRIPT_CALL_WRITE:
		fprintf(out, "%#lx, ", reg(a0));
		print_string(out, data, len);
		fprintf(out, ", %zu", len);
		break;
	/* a length is shown whole: one past 32 bits is refused, not cut */
	case SCRIPT_CALL_FILL:
		fprintf(out, "%#lx, %llu, %#llx", reg(a0),
			(unsigned long long)a1, a2 & 0xff);
		break;
	case SCRIPT_CALL_READ:
		fprintf(out, "%#lx, %llu", reg(a0), (unsigned long long)a1);
		break;
	case SCRIPT_CALL_TOUCH:
		fprintf(out, "%#lx, %llu, %s", reg(a0), (unsigned long long)a1,
			c->touch == SCRIPT_TOUCH_READ ? "read" : "write");
		break;
	case SCRIPT_CALL_FORK:
		break;
	case SCRIPT_CALL_EXIT:
		fputs("0", out);
		break;
	case SCRIPT_NR_CALLS:
		break;
	}
	fputc(')', out);
	print_result(out, res, c->kind);
	if (res->signo)
		print_signal(out, c->task, pid, res);
}
