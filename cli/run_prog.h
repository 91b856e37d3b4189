/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli/run_prog.h - `shmsim run -- PROGRAM`: real programs on the
 * simulated kernel (docs/run.md). cli/run_prog.c, run_prog_server.c and
 * run_prog_orders.c are the host side (the socket, the program, the
 * clients, the unmap orders); cli/run_prog_kernel.c the kernel side,
 * which makes each request as the client's task, with the trace and the
 * result line a script's call would print.
 */
#ifndef _SHMSIM_CLI_RUN_PROG_H
#define _SHMSIM_CLI_RUN_PROG_H

#include <stdio.h>
#include <sys/types.h>

#include "shmsim_proto.h"

struct task_struct;

struct prog_task;

/* the main of `shmsim run ARGS`: argv[0] is "run" */
int prog_main(int argc, char **argv, char **all_argv);

struct script_machine;
/* name, beside this program, into path; -1 if it does not fit */
int prog_beside(const char *name, char *path, size_t len);
/* a task's name as a process gives it: printable, never empty */
void prog_clean_name(char *name);
/* boot the machine m describes, with the trace on out or not */
int prog_boot(FILE *out, int trace, const struct script_machine *m);
/* after boot: 0, or the errno that left the machine without its swap */
int prog_swap_error(void);
/* the memfd behind the simulated RAM, and its size */
int prog_arena_fd(unsigned long long *bytes);
/* a new task (pid from 100) for the real process pid; NULL: no memory */
struct prog_task *prog_task_new(const char *name, pid_t pid, uid_t uid,
				gid_t gid);
/* its process is gone: do_exit, and the task is freed */
void prog_task_exit(struct prog_task *t);
/* a request of the task's process, validated, into rp */
void prog_handle(struct prog_task *t, const struct shmsim_request *rq,
		 struct shmsim_reply *rp);
/* FORK: the task forks; the child's task, NULL (rp says why) */
struct prog_task *prog_fork(struct prog_task *parent, struct shmsim_reply *rp);
/* the forked child's process is host pid pid; rp gets its vmas */
void prog_task_adopt(struct prog_task *t, pid_t pid, struct shmsim_reply *rp);
/* fn(t, page): t's process must unmap page before the kernel goes on */
void prog_set_tlb_flush(void (*fn)(struct prog_task *t, uint32_t addr));
/* sim_pte_drops: when it moves, prog_task_stale may find pages */
unsigned long prog_pte_drops(void);
/* the pages t's process must unmap now (see cli/run_prog_kernel.c) */
unsigned int prog_task_stale(struct prog_task *t, uint32_t *addr,
			     unsigned int max, int *all);
/* every invariant (--check): 0, or how many broke, the first in why */
int prog_check(char *why, size_t len);
/* the task's kernel task (NULL once it died) and name, for the files below */
struct task_struct *prog_task_tsk(struct prog_task *t);
const char *prog_task_name(const struct prog_task *t);
/* cli/run_prog_proc.c: a /proc file's text for the task (SHMSIM_PROC),
   a memfd for the reply to carry and the caller to close, or -1 */
int prog_proc_open(struct prog_task *t, const struct shmsim_request *rq,
		   struct shmsim_reply *rp);
/* cli/run_prog_proc_kernel.c: file which's text as the task reads it
   into f (0, or -ENOENT), and the result line of the open's outcome */
int prog_proc_render(struct prog_task *t, unsigned int which, FILE *f);
void prog_proc_result(struct prog_task *t, long ret);
/* cli/run_compare.c's socket, as a run's (SO_PASSCRED, a fresh 0700
   directory): the listening fd and its path, or -1 having said why; and
   its removal */
int prog_listen(const char **path);
void prog_unlisten(void);
/* the end: ipcs -m on out, shutdown, leaks on err; returns the leaks */
int prog_shutdown(FILE *out, FILE *err);

#endif /* _SHMSIM_CLI_RUN_PROG_H */
