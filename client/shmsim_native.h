/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * client/shmsim_native.h - the records libshmsim_native.so
 * (client/shmsim_native.c) sends to `shmsim run --compare`
 * (cli/run_compare.c): one per shm call a program made on the host's
 * own kernel, with its arguments, value and errno, which the server
 * prints as the simulated kernel's result lines are printed. A
 * SOCK_SEQPACKET Unix socket; each record is answered with one byte, so
 * that the lines come in the order the calls were made.
 */
#ifndef _SHMSIM_NATIVE_H
#define _SHMSIM_NATIVE_H

#include <stdint.h>

#include "shmsim_proto.h"

#define SHMSIM_ENV_NATIVE	"SHMSIM_NATIVE_SOCKET"
#define SHMSIM_NATIVE_MAGIC	0x73686e31u	/* "shn1" */

struct shmsim_record {
	uint32_t magic;
	uint32_t op;		/* SHMSIM_SHMGET ... SHMSIM_SHMCTL, FORK */
	uint64_t a[3];		/* the arguments: x86-64's, 64 bits */
	int64_t ret;		/* the value (shmat: the address), or -1 */
	int32_t err;		/* its errno, 0 on success */
	int32_t pid;		/* the caller's host pid */
	char name[SHMSIM_NAME_LEN];	/* NUL-terminated */
	int64_t ds[SF_NR];	/* shmctl: what it copied out (or in) */
};

#endif /* _SHMSIM_NATIVE_H */
