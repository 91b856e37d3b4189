/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/print.h - the runner's result lines, in strace's manner.
 * cli/run.c makes a call and fills a struct call_result; print_call turns
 * it into one line. print_string is also used by the failure messages.
 */
#ifndef _SHMSIM_CLI_PRINT_H
#define _SHMSIM_CLI_PRINT_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "linux/shm.h"
#include "script.h"

/* The outcome of one call, as the result line and the checks see it. */
struct call_result {
	int is_err;			/* failed with -err */
	int err;
	int signo;			/* the access killed the task */
	int sig_code;			/* its si_code (SEGV_ACCERR, ...) */
	unsigned long sig_addr;		/* and si_addr */
	long long value;		/* success: the call's value */
	int is_string;			/* read: the bytes */
	char *str;
	size_t len;
	int no_value;			/* exit: "= ?" */
};

/* sim: syscall arguments travel in i386's 32-bit registers */
static inline unsigned long reg(long long v)
{
	return (unsigned long)(uint32_t)v;
}

void print_string(FILE *out, const char *s, size_t len);
void print_call(FILE *out, const struct script_call *c, pid_t pid,
		const long long *a, const char *data, size_t len,
		const struct call_result *res, const struct shmid64_ds *ds,
		const struct shminfo64 *info, const struct shm_info *sinfo);

#endif /* _SHMSIM_CLI_PRINT_H */
