/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/call.h - the calls a task makes, one run/print pair each.
 * cli/run.c evaluates a call's arguments once into a struct call_args,
 * makes the call with call_specs[kind].run (cli/tables.c), which fills a
 * struct call_result, and cli/print.c's print_call prints the result line,
 * whose arguments call_specs[kind].print_args prints. The pairs are in
 *	cli/call_shm.c		shmget, shmat, shmdt, shmctl
 *	cli/call_mm.c		mmap, munmap, mprotect
 *	cli/call_access.c	write, fill, read, touch (user loads, stores)
 *	cli/call_task.c		fork, exit
 *	cli/call_fs.c		mkdir, mount, umount, ls (Version 2)
 * What stays the runner's (the tasks it knows, captures, outcomes) stays
 * in cli/run.c.
 */
#ifndef _SHMSIM_CLI_CALL_H
#define _SHMSIM_CLI_CALL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "sim/kernel.h"
#include "script.h"

/* What shmctl copies out to the task (or in from it, for IPC_SET). */
struct call_copy {
	struct shmid64_ds ds;		/* IPC_STAT, SHM_STAT, IPC_SET */
	struct shminfo64 info;		/* IPC_INFO */
	struct shm_info sinfo;		/* SHM_INFO */
};

/* A call's arguments, evaluated once, before it is made. */
struct call_args {
	const struct script_call *c;
	long long a[SCRIPT_MAX_ARGS];	/* the integer arguments, as given */
	const char *data;		/* write: the bytes (the string arg) */
	size_t len;
	/* every string argument by position (mkdir, mount, umount, ls) */
	const char *str[SCRIPT_MAX_ARGS];
	unsigned int given;		/* how many arguments the line has */
	/* shmctl IPC_SET: the fields the script names, as evaluated */
	int has_uid, has_gid, has_mode;
	long long uid, gid, mode;
	struct call_copy *copy;		/* shmctl: the task's buffer */
	int native;			/* the host's call (run --compare):
					   x86-64's 64-bit arguments */
};

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

/* A system call's return: -errno is a failure, anything else its value. */
static inline void call_set_return(struct call_result *res, long ret)
{
	if (ret < 0 && ret >= -MAX_ERRNO) {
		res->is_err = 1;
		res->err = (int)-ret;
	} else {
		res->value = ret;
	}
}

/*
 * The pairs of call_specs[]: run_X makes call X as `current`; print_X
 * prints its arguments, what goes between the parentheses of its line.
 */
void run_shmget(const struct call_args *args, struct call_result *res);
void print_shmget(FILE *out, const struct call_args *args,
		  const struct call_result *res);
void run_shmat(const struct call_args *args, struct call_result *res);
void print_shmat(FILE *out, const struct call_args *args,
		 const struct call_result *res);
void run_shmdt(const struct call_args *args, struct call_result *res);
void print_shmdt(FILE *out, const struct call_args *args,
		 const struct call_result *res);
void run_shmctl(const struct call_args *args, struct call_result *res);
void print_shmctl(FILE *out, const struct call_args *args,
		  const struct call_result *res);
/* a field of what shmctl copied out, as "$st.shm_nattch" reads it */
long long call_copy_field(const struct call_copy *copy, enum script_field f);

void run_mmap(const struct call_args *args, struct call_result *res);
void print_mmap(FILE *out, const struct call_args *args,
		const struct call_result *res);
void run_munmap(const struct call_args *args, struct call_result *res);
void print_munmap(FILE *out, const struct call_args *args,
		  const struct call_result *res);
void run_mprotect(const struct call_args *args, struct call_result *res);
void print_mprotect(FILE *out, const struct call_args *args,
		    const struct call_result *res);

void run_write(const struct call_args *args, struct call_result *res);
void print_write(FILE *out, const struct call_args *args,
		 const struct call_result *res);
void run_fill(const struct call_args *args, struct call_result *res);
void print_fill(FILE *out, const struct call_args *args,
		const struct call_result *res);
void run_read(const struct call_args *args, struct call_result *res);
void print_read(FILE *out, const struct call_args *args,
		const struct call_result *res);
void run_touch(const struct call_args *args, struct call_result *res);
void print_touch(FILE *out, const struct call_args *args,
		 const struct call_result *res);

void run_mkdir(const struct call_args *args, struct call_result *res);
void print_mkdir(FILE *out, const struct call_args *args,
		 const struct call_result *res);
void run_mount(const struct call_args *args, struct call_result *res);
void print_mount(FILE *out, const struct call_args *args,
		 const struct call_result *res);
void run_umount(const struct call_args *args, struct call_result *res);
void print_umount(FILE *out, const struct call_args *args,
		  const struct call_result *res);
void run_ls(const struct call_args *args, struct call_result *res);
void print_ls(FILE *out, const struct call_args *args,
	      const struct call_result *res);

/* fork() has no arguments to print: its print_args is NULL */
void run_fork(const struct call_args *args, struct call_result *res);
void run_exit(const struct call_args *args, struct call_result *res);
void print_exit(FILE *out, const struct call_args *args,
		const struct call_result *res);

#endif /* _SHMSIM_CLI_CALL_H */
