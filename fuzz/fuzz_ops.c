// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/fuzz_ops.c - libFuzzer target: the simulated kernel against a model.
 * The bytes are a program: the first picks the machine (RAM 128-256 KiB,
 * swap 256 KiB-1 MiB), then each op is an opcode and its arguments, run as
 * one of up to four tasks: shmget, shmat, shmdt, shmctl (every command, bad
 * ids too), mmap, munmap, mprotect (anonymous, shared and private, odd
 * lengths, bad addresses), fork, exit, reads, writes and touches through
 * the simulated MMU, memory pressure, and every view (to /dev/null).
 *
 * A model written from 2.4.16's sources (i386: 32-bit arithmetic) predicts
 * every result, and follows every byte: a per-object array of bytes (a
 * segment, an anonymous shared mapping, a private mapping, copied at fork)
 * and, for each task, which ranges map which object at which page offset
 * with which protection. The harness aborts, so libFuzzer keeps the input,
 * when:
 *  - a call returns what 2.4.16 would not (value or errno); the only
 *    results taken on trust are ENOMEM where 2.4.16 may run out of memory,
 *    and SIGKILL on an access (the fault path's out_of_memory);
 *  - a byte read differs from the model, or an access the model says is
 *    allowed gets a signal, or one it forbids succeeds;
 *  - after any step: sim_check_all() finds a broken invariant, a task's
 *    vmas differ from the model's ranges (addresses, protection, object,
 *    offset; shared vmas one for one), a segment's key, size, mode, owner
 *    or nattch differs from the model;
 *  - shutdown finds an object still alive.
 * Set SHMSIM_FUZZ_VERBOSE=1 to print each op, SHMSIM_FUZZ_TRACE=1 to
 * print the kernel's call trace too (fuzz_replay_ops is the program to
 * step through one in gdb).
 *
 * Built with -DFZ_KERNEL26 (fuzz_ops26, fuzz_replay_ops26) the same
 * sources run the same ops on the 2.6.32 kernel against a model of
 * 2.6.32 (fuzz/ops.h; docs/fuzzing.md): no swap, no pressure, shared
 * mappings only, and the model also follows each page's pte and every
 * task's fault counts.
 *
 * This file is the entry point only; the harness is in fuzz/ops_*.c
 * (fuzz/ops.h): ops_input.c decodes the bytes, ops_model.c is the model,
 * ops_run.c the ops and the run, ops_check.c the checks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ops.h"

static void fz_remove_swap_file(void)
{
	unlink(fz_swap_file);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };

	if (!fz_swap_file[0]) {
		snprintf(fz_swap_file, sizeof(fz_swap_file),
			 "/tmp/shmsim-fuzz-ops-%d.swap", (int)getpid());
		atexit(fz_remove_swap_file);
		fz_verbose = getenv("SHMSIM_FUZZ_VERBOSE") != NULL;
		fz_trace = getenv("SHMSIM_FUZZ_TRACE") != NULL;
	}
	if (size < 2)
		return 0;
	fz_run(&in);
	return 0;
}
