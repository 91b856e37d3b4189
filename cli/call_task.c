// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/call_task.c - the task calls of the scenario language: fork and
 * exit.
 *	parent[100]: fork() = 101
 *	child[101]: exit(0) = ?
 * run_fork makes the child (do_fork copies the mm, vm_ops->open counts
 * its attaches); cli/run.c then knows it by name. run_exit only says the
 * call has no value: cli/run.c's task_exit makes the task die, as it
 * does for a task a signal killed. fork has no print_args: no arguments.
 * See cli/call.h for how cli/run.c and cli/print.c use them.
 */
#include "sim/kernel.h"
#include "call.h"

/* fork CHILD: the value is the child's pid */
void run_fork(const struct call_args *args, struct call_result *res)
{
	call_set_return(res, do_fork(0, args->c->child));
}

/* exit: "= ?", a call that does not return */
void run_exit(const struct call_args *args, struct call_result *res)
{
	(void)args;
	res->no_value = 1;
}

/* exit's status, always 0 (a killed task's line is the access's) */
void print_exit(FILE *out, const struct call_args *args,
		const struct call_result *res)
{
	(void)args;
	(void)res;
	fputs("0", out);
}
