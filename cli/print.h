/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/print.h - the runner's result lines, in strace's manner.
 * cli/run.c makes a call and fills a struct call_result (cli/call.h);
 * print_call turns it into one line: the frame, with the call's own
 * print_args (cli/call_*.c) between the parentheses. The printers those
 * share are here too; print_string is also used by the failure messages.
 * print_view prints the view of a `show` statement.
 */
#ifndef _SHMSIM_CLI_PRINT_H
#define _SHMSIM_CLI_PRINT_H

#include <stdio.h>
#include <sys/types.h>

#include "sim/kernel.h"
#include "call.h"

struct task_struct;

/* A named bit of a flags argument; a table of them ends in { 0, NULL }. */
struct flag_name {
	unsigned long value;
	const char *name;
};

void print_string(FILE *out, const char *s, size_t len);
void print_flags(FILE *out, unsigned long v, const struct flag_name *names,
		 int octal_rest);
void print_prot(FILE *out, unsigned long prot);
void print_cmd(FILE *out, int cmd);
void print_addr(FILE *out, unsigned long addr);
void print_shmid_ds(FILE *out, const struct shmid64_ds *ds);

void print_call(FILE *out, pid_t pid, const struct call_args *args,
		const struct call_result *res);

void print_view(FILE *out, const struct script_show *sh,
		struct task_struct *tsk, int shmid);

#endif /* _SHMSIM_CLI_PRINT_H */
