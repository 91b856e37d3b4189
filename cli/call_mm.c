// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/call_mm.c - the mapping calls of the scenario language: mmap,
 * munmap and mprotect, each a run_X that makes the sys_* call as
 * `current` (arguments cut to i386's registers) and a print_X that prints
 * its arguments as strace does:
 *	A[100]: mmap(NULL, 4096, PROT_READ|PROT_WRITE,
 *		MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x40000000
 * mmap is always anonymous here: fd -1, offset 0.
 * See cli/call.h for how cli/run.c and cli/print.c use them.
 */
#include "sim/kernel.h"
#include "call.h"
#include "print.h"

static const struct flag_name map_flags[] = {
	{ MAP_SHARED, "MAP_SHARED" }, { MAP_PRIVATE, "MAP_PRIVATE" },
	{ MAP_FIXED, "MAP_FIXED" }, { MAP_ANONYMOUS, "MAP_ANONYMOUS" },
	{ 0, NULL }
};

/* mmap ADDR LEN PROT FLAGS: the value is the address mapped at */
void run_mmap(const struct call_args *args, struct call_result *res)
{
	const long long *a = args->a;

	call_set_return(res, (long)sys_mmap2(reg(a[0]), reg(a[1]), reg(a[2]),
					     reg(a[3]), (unsigned long)-1, 0));
}

void print_mmap(FILE *out, const struct call_args *args,
		const struct call_result *res)
{
	const long long *a = args->a;

	(void)res;
	print_addr(out, reg(a[0]));
	fprintf(out, ", %lu, ", reg(a[1]));
	print_prot(out, reg(a[2]));
	fputs(", ", out);
	print_flags(out, reg(a[3]), map_flags, 0);
	fputs(", -1, 0", out);
}

/* munmap ADDR LEN */
void run_munmap(const struct call_args *args, struct call_result *res)
{
	call_set_return(res, sys_munmap(reg(args->a[0]), reg(args->a[1])));
}

void print_munmap(FILE *out, const struct call_args *args,
		  const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, %lu", reg(args->a[0]), reg(args->a[1]));
}

/* mprotect ADDR LEN PROT */
void run_mprotect(const struct call_args *args, struct call_result *res)
{
	const long long *a = args->a;

	call_set_return(res, sys_mprotect(reg(a[0]), reg(a[1]), reg(a[2])));
}

void print_mprotect(FILE *out, const struct call_args *args,
		    const struct call_result *res)
{
	(void)res;
	fprintf(out, "%#lx, %lu, ", reg(args->a[0]), reg(args->a[1]));
	print_prot(out, reg(args->a[2]));
}
