// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/print.c - result lines in strace's manner (see cli/print.h).
 *	A[100]: shmget(0x4d2, 2052, IPC_CREAT|0666) = 0
 *	B[101]: write(0x40000000, "x", 1) = SIGSEGV (task killed)
 * Here: the line's frame (task[pid]: name( ... ) = result, and the signal
 * lines after a killed access), and the printers the calls' print_args
 * (cli/call_*.c) share. Flags print by name (IPC_CREAT|0666, SHM_RDONLY,
 * PROT_READ|PROT_WRITE), addresses in hex (0 as NULL), strings with the
 * script's escapes and cut after 32 bytes as strace cuts them, shmctl's
 * structs as strace -v does.
 * And the views of `show` (ipcs, maps, meminfo, ...), each headed by a
 * line saying what it shows.
 */
#include <stdio.h>

#include "sim/kernel.h"
#include "print.h"
#include "tables.h"

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

/* Named bits joined by '|', then what is left in base ("0%lo"/"%#lx"). */
void print_flags(FILE *out, unsigned long v, const struct flag_name *names,
		 int octal_rest)
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

static const struct flag_name prot_flags[] = {
	{ PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
	{ PROT_EXEC, "PROT_EXEC" }, { 0, NULL }
};

/* mmap's and mprotect's PROT: PROT_READ|PROT_WRITE, 0 as PROT_NONE */
void print_prot(FILE *out, unsigned long prot)
{
	if (!prot)
		fputs("PROT_NONE", out);
	else
		print_flags(out, prot, prot_flags, 0);
}

/* shmctl's CMD by name (IPC_64|IPC_STAT), in decimal if it has none */
void print_cmd(FILE *out, int cmd)
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

/* a pointer argument: hex, 0 as NULL */
void print_addr(FILE *out, unsigned long addr)
{
	if (addr)
		fprintf(out, "%#lx", addr);
	else
		fputs("NULL", out);
}

/* a struct shmid64_ds, every field, as strace -v shows it */
void print_shmid_ds(FILE *out, const struct shmid64_ds *ds)
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
	if (call_specs[kind].hex)
		fprintf(out, " = %#llx\n", res->value);
	else
		fprintf(out, " = %lld\n", res->value);
}

/*
 * The result line of a call made by pid: its name, the arguments as its
 * print_args shows them, what happened, and for a killed access strace's
 * two lines for the signal.
 */
void print_call(FILE *out, pid_t pid, const struct call_args *args,
		const struct call_result *res)
{
	const struct script_call *c = args->c;

	fprintf(out, "%s[%d]: %s(", c->task, pid, script_call_name(c->kind));
	if (c->kind < SCRIPT_NR_CALLS && call_specs[c->kind].print_args)
		call_specs[c->kind].print_args(out, args, res);
	fputc(')', out);
	print_result(out, res, c->kind);
	if (res->signo)
		print_signal(out, c->task, pid, res);
}

/*
 * The view of `show WHAT`: a line saying what it shows, "# " and then its
 * own name for itself (/proc/PID/maps of NAME[PID], ...), so that views
 * in a row can be told apart, then the view as the kernel prints it. gdb's
 * shm-* commands head theirs the same way. tsk is the task of maps, vmas
 * and ptes, shmid the segment of pagecache; cli/run.c checked both.
 */
void print_view(FILE *out, const struct script_show *sh,
		struct task_struct *tsk, int shmid)
{
	switch (sh->what) {
	case SCRIPT_SHOW_IPCS:
		fprintf(out, "# ipcs -m\n");
		sim_dump_ipcs(out);
		break;
	case SCRIPT_SHOW_SYSVIPC:
		fprintf(out, "# /proc/sysvipc/shm\n");
		sysvipc_shm_read_proc(out);
		break;
	case SCRIPT_SHOW_MAPS:
		fprintf(out, "# /proc/%d/maps of %s[%d]\n", tsk->pid, sh->task,
			tsk->pid);
		proc_pid_maps(tsk, out);
		break;
	case SCRIPT_SHOW_MEMINFO:
		fprintf(out, "# /proc/meminfo\n");
		meminfo_read_proc(out);
		break;
	case SCRIPT_SHOW_VMAS:
		fprintf(out, "# vmas of %s[%d]: the list, then the rb-tree\n",
			sh->task, tsk->pid);
		sim_dump_vmas(tsk->mm, out);
		break;
	case SCRIPT_SHOW_DCACHE:
		fprintf(out, "# dcache: the dentries of every superblock\n");
		sim_dump_dcache(out);
		break;
	case SCRIPT_SHOW_PAGECACHE:
		fprintf(out, "# pagecache of shmid %d\n", shmid);
		sim_dump_pagecache(shmid, out);
		break;
	case SCRIPT_SHOW_SWAP:
		fprintf(out, "# /proc/swaps, then the used slots\n");
		sim_dump_swap(out);
		break;
	case SCRIPT_SHOW_OBJECTS:
		fprintf(out, "# objects alive, by kind\n");
		sim_dump_objects(out);
		break;
	case SCRIPT_SHOW_PTES:
		fprintf(out, "# page tables of %s[%d]\n", sh->task, tsk->pid);
		sim_dump_ptes(tsk, out);
		break;
	case SCRIPT_SHOW_MOUNTS:
		fprintf(out, "# /proc/mounts\n");
		mounts_read_proc(out);
		break;
	case SCRIPT_SHOW_FILESYSTEMS:
		fprintf(out, "# /proc/filesystems\n");
		filesystems_read_proc(out);
		break;
	}
}
