/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench/bench.h - the two halves of kernel_bench (sim only; not a test).
 * bench_host.c makes the host kernel's real SysV calls and includes only
 * the host's headers; bench_sim.c drives the simulated kernel and includes
 * only shmsim's: the two sets define the same names (struct shmid_ds,
 * IPC_CREAT, key_t) differently, so they never meet in one file.
 * Every function returns the seconds its timed loop took, or a negative
 * number when a call failed (the message is already on stderr).
 */
#ifndef _SHMSIM_BENCH_H
#define _SHMSIM_BENCH_H

double bench_now(void);

/* bench_host.c: the host kernel */
double bench_host_first_touch(unsigned long pages);
double bench_host_cycle(unsigned long cycles);

/* bench_sim.c: the simulated kernel, booted fresh for each measurement */
enum bench_trace {
	BENCH_TRACE_OFF,	/* compiled in, not printed (--no-trace) */
	BENCH_TRACE_PRINTED,	/* printed, to /dev/null */
	BENCH_TRACE_NOT_COUNTED,	/* sim_trace.enabled = 0: no events */
};
int bench_sim_traced(void);	/* 0 when built with SHMSIM_TRACE=OFF */
double bench_sim_first_touch(unsigned long pages, enum bench_trace mode);
double bench_sim_cycle(unsigned long cycles, enum bench_trace mode);
double bench_sim_find_vma(unsigned long vmas, unsigned long lookups,
			  int in_order, enum bench_trace mode, double *nodes);

#endif /* _SHMSIM_BENCH_H */
