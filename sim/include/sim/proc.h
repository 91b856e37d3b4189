/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/proc.h - the views: /proc files and the sim's own dumps.
 * Every function prints what a scenario's `show` prints, so gdb can show
 * the same from a stopped session: `call sim_dump_vmas(current->mm, stdout)`.
 */
#ifndef _SIM_PROC_H
#define _SIM_PROC_H

#include <stddef.h>
#include <stdio.h>

struct task_struct;
struct mm_struct;

/* sim/proc.c (fs/proc/array.c, fs/proc/proc_misc.c) */
void proc_pid_maps(struct task_struct *task, FILE *out);
void meminfo_read_proc(FILE *out);
/* /proc/mounts and /proc/filesystems, each kernel in its own format */
void mounts_read_proc(FILE *out);
void filesystems_read_proc(FILE *out);

/* sim/dump.c (sim only) */
void sim_dump_ipcs(FILE *out);
void sim_dump_vmas(struct mm_struct *mm, FILE *out);
struct task_struct;
void sim_dump_ptes(struct task_struct *tsk, FILE *out);
int sim_dump_pagecache(int shmid, FILE *out);
void sim_dump_objects(FILE *out);
void sim_dump_dcache(FILE *out);	/* sim/vfs/dcache.c */
int sim_check_all(char *why, size_t len);

/* sim/lib/bitnames.c: the names of v's set bits, sep between, or "-" */
struct sim_bit_name {
	unsigned long mask;
	const char *name;
};
void sim_print_bits(FILE *out, unsigned long v,
		    const struct sim_bit_name *names, size_t n,
		    const char *sep);

/* sim/lib/refs.c, for the checks: pointers sorted, then counted */
struct sim_refs {
	const void **ptrs;
	int n;
};
void sim_refs_sort(struct sim_refs *r);
int sim_refs_count(const struct sim_refs *r, const void *ptr);

/* sim/dot/ (sim only): every live structure as a Graphviz digraph */
#define SIM_DOT_SHM	0x1	/* the shm path only: no rootfs, no proc */
#define SIM_DOT_RBTREE	0x2	/* and each mm's rb-tree of vmas */
void sim_dump_dot(FILE *out);
void sim_dump_dot_with(FILE *out, unsigned int flags);

#endif /* _SIM_PROC_H */
