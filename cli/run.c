// SPDX-License-Identifier: GPL-2.0-only
/*
 * cli/run.c - the scenario runner: executes a parsed script (cli/script.h)
 * against the simulated kernel (sim/).
 * Each call is made as its task: `current` points at it, the arguments are
 * evaluated once and the call's run function (call_specs[], cli/call_*.c)
 * cuts them to i386's 32-bit registers and runs the sys_* function with
 * its trace. User loads and stores go through the simulated MMU, so they
 * fault like a program's would. The result line follows strace
 * (cli/print.c):
 *	A[100]: shmget(0x4d2, 2052, IPC_CREAT|0666) = 0
 * What is the runner's stays here: the tasks it knows (fork's child, a
 * task that exits or is killed), captures, and checking the outcome.
 * `show` checks its task or segment here and prints in cli/print.c.
 * A script without `boot` boots silently before the first statement that
 * needs the kernel. At the end every task exits, every segment is removed
 * and the mounts go; anything left alive is a leak (exit status 3).
 * `dot FILE`, and --dot-dir after every statement, write the picture of
 * every structure (cli/run_dot.c), which like a view adds no trace event.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/kernel.h"
#include "kernels.h"
#include "call.h"
#include "print.h"
#include "run_dot.h"
#include "run.h"
#include "tables.h"

/* What a variable holds at run time. */
struct run_var {
	enum script_capture_kind kind;
	long long value;		/* the call's value (or result) */
	struct call_copy copy;		/* SHMID_DS, SHMINFO, SHM_INFO */
	char *str;			/* STRING */
	size_t len;
	int hex;			/* an address: shown in hex */
};

struct run_task {
	struct task_struct *tsk;	/* NULL before it exists or once gone */
	int exited;
	int killed_by;			/* the signal that ended it, or 0 */
	int exit_line;			/* the script line it ended on */
};

struct runner {
	const struct script *s;
	const struct run_options *opt;
	struct run_var *vars;
	struct run_task *tasks;
	size_t nvars, ntasks;		/* the slots vars and tasks have */
	int status;			/* the worst status so far */
	int trace_on;			/* the script's `trace on|off` */
	int booted_silently;		/* before a statement other than boot */
	int stop;			/* a failure ended the run */
};

void run_options_init(struct run_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->trace = 1;
	opt->out = stdout;
	opt->err = stderr;
}

enum script_kernel run_kernel(const struct script *s,
			      const struct run_options *opt)
{
	if (opt->has_kernel)
		return opt->kernel;
	/* a script that names no kernel runs on this program's own */
	return run_kernel_stmt(s) ? s->machine.kernel : cli_this_kernel();
}

const struct script_stmt *run_kernel_stmt(const struct script *s)
{
	const struct script_stmt *found = NULL;
	size_t i;

	for (i = 0; i < s->nstmts; i++)
		if (s->stmts[i].kind == SCRIPT_STMT_MACHINE &&
		    s->stmts[i].machine.has_kernel)
			found = &s->stmts[i];
	return found;
}

static void set_printing(struct runner *r, int on)
{
	sim_trace.printing = on && r->opt->trace && !r->opt->quiet;
}

static void fail(struct runner *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* An expectation failed: FILE:LINE: expected ..., got ... */
static void fail(struct runner *r, int line, const char *fmt, ...)
{
	va_list ap;

	fflush(r->opt->out);
	fprintf(r->opt->err, "%s:%d: ", r->s->file, line);
	va_start(ap, fmt);
	vfprintf(r->opt->err, fmt, ap);
	va_end(ap);
	fprintf(r->opt->err, "\n");
	if (r->status < RUN_FAILED)
		r->status = RUN_FAILED;
	if (!r->opt->keep_going)
		r->stop = 1;
}

/* The script asked for something this run cannot do: status 2, stop. */
static void script_error(struct runner *r, int line, int col,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void script_error(struct runner *r, int line, int col,
			 const char *fmt, ...)
{
	va_list ap;

	fflush(r->opt->out);
	fprintf(r->opt->err, "%s:%d:%d: ", r->s->file, line, col);
	va_start(ap, fmt);
	vfprintf(r->opt->err, fmt, ap);
	va_end(ap);
	fprintf(r->opt->err, "\n");
	r->status = RUN_BAD_SCRIPT;
	r->stop = 1;
}

/* A step that failed with status (not 0) ends the run with it. */
static void stop_on(struct runner *r, int status)
{
	if (status) {
		r->status = status;
		r->stop = 1;
	}
}

/* ---- values ---------------------------------------------------------- */

/* $var or $var.field: the call's value, or a field shmctl copied out */
static long long field_value(const struct run_var *v, enum script_field f)
{
	if (f == SCRIPT_FIELD_NONE)
		return v->value;
	return call_copy_field(&v->copy, f);
}

static long long int_value(struct runner *r, const struct script_value *v)
{
	if (v->kind == SCRIPT_VALUE_INT)
		return v->num;
	if (v->kind == SCRIPT_VALUE_VAR) {
		/* $var+N wraps at 64 bits (a signed overflow is undefined) */
		unsigned long long sum = field_value(&r->vars[v->slot],
						     v->field);

		sum += (unsigned long long)v->offset;
		return (long long)sum;
	}
	return 0;
}

/* A string value: a literal, or a variable that captured a read. */
static const char *str_value(struct runner *r, const struct script_value *v,
			     size_t *len)
{
	if (v->kind == SCRIPT_VALUE_STRING) {
		*len = v->len;
		return v->str;
	}
	*len = r->vars[v->slot].len;
	return r->vars[v->slot].str ? r->vars[v->slot].str : "";
}

/* ---- the calls ------------------------------------------------------- */

/* The task dies: exit_mmap releases its attaches; the zombie is reaped. */
static void task_exit(struct runner *r, unsigned int slot, long code,
		      int line)
{
	struct run_task *t = &r->tasks[slot];

	current = t->tsk;
	do_exit(code);
	sim_task_free(t->tsk);
	t->tsk = NULL;
	t->exited = 1;
	t->killed_by = (int)code;
	t->exit_line = line;
	current = &init_task;
}

/* An optional integer (shmctl's uid=N, ...): 1 and its value if given. */
static int optional_int(struct runner *r, const struct script_value *v,
			long long *value)
{
	if (v->kind == SCRIPT_VALUE_NONE)
		return 0;
	*value = int_value(r, v);
	return 1;
}

/*
 * The arguments of call c, evaluated once, before it is made: integers
 * as given (the run functions cut them to registers), a write's bytes,
 * shmctl's IPC_SET fields, and copy as shmctl's buffer.
 */
static void eval_call_args(struct runner *r, const struct script_call *c,
			   struct call_copy *copy, struct call_args *args)
{
	unsigned int i;

	memset(args, 0, sizeof(*args));
	args->c = c;
	args->copy = copy;
	args->given = c->nargs;
	for (i = 0; i < c->nargs; i++) {
		if (script_value_is_string(&c->args[i])) {
			args->data = str_value(r, &c->args[i], &args->len);
			args->str[i] = args->data;
		} else {
			args->a[i] = int_value(r, &c->args[i]);
		}
	}
	args->has_uid = optional_int(r, &c->uid, &args->uid);
	args->has_gid = optional_int(r, &c->gid, &args->gid);
	args->has_mode = optional_int(r, &c->mode, &args->mode);
}

/* Make the call as `current`; a forked child becomes a task of the run. */
static void make_call(struct runner *r, const struct call_args *args,
		      struct call_result *res)
{
	const struct script_call *c = args->c;
	struct run_task *child;

	if (c->kind >= SCRIPT_NR_CALLS || !call_specs[c->kind].run)
		return;
	call_specs[c->kind].run(args, res);
	if (c->kind == SCRIPT_CALL_FORK && !res->is_err) {
		child = &r->tasks[c->child_slot];
		child->tsk = sim_find_task_by_pid((pid_t)res->value);
		child->exited = 0;
	}
}

/* An address call's values read in hex, as its result line shows them. */
static int hex_call(enum script_call_kind kind)
{
	return call_specs[kind].hex;
}

static void format_number(char *buf, size_t len, long long v, int hex)
{
	snprintf(buf, len, hex ? "%#llx" : "%lld", v);
}

static void format_value(char *buf, size_t len, const struct call_result *res,
			 enum script_call_kind kind)
{
	if (res->signo)
		snprintf(buf, len, "%s", sim_signal_name(res->signo));
	else if (res->is_err)
		snprintf(buf, len, "%s", sim_errno_name(res->err));
	else if (res->no_value)
		snprintf(buf, len, "no value");
	else
		format_number(buf, len, res->value, hex_call(kind));
}

/* An address (a captured attach, a 0x literal) reads in hex. */
static int value_is_hex(struct runner *r, const struct script_value *v)
{
	if (v->kind == SCRIPT_VALUE_VAR)
		return v->field == SCRIPT_FIELD_NONE && r->vars[v->slot].hex;
	return v->text && (!strncmp(v->text, "0x", 2) ||
			   !strncmp(v->text, "-0x", 3));
}

/* Compare what happened with "=> OUTCOME". */
static void check_outcome(struct runner *r, const struct script_stmt *st,
			  const struct call_result *res)
{
	const struct script_outcome *o = &st->call.outcome;
	char got[64], want[64];

	format_value(got, sizeof(got), res, st->call.kind);
	switch (o->kind) {
	case SCRIPT_OUTCOME_NONE:
		return;
	case SCRIPT_OUTCOME_ERRNO:
		if (!res->is_err || res->err != o->err)
			fail(r, st->line, "expected %s, got %s", o->text, got);
		return;
	case SCRIPT_OUTCOME_SIGNAL:
		if (res->signo != o->signo)
			fail(r, st->line, "expected %s, got %s", o->text, got);
		return;
	case SCRIPT_OUTCOME_OK:
		if (res->is_err || res->signo)
			fail(r, st->line, "expected ok, got %s", got);
		return;
	case SCRIPT_OUTCOME_VALUE:
		break;
	}
	if (script_value_is_string(&o->value)) {
		size_t len;
		const char *want = str_value(r, &o->value, &len);

		if (!res->is_string || res->len != len ||
		    memcmp(res->str, want, len)) {
			FILE *e = r->opt->err;

			fflush(r->opt->out);
			fprintf(e, "%s:%d: expected ", r->s->file, st->line);
			print_string(e, want, len);
			fputs(", got ", e);
			if (res->is_string)
				print_string(e, res->str, res->len);
			else
				fputs(got, e);
			fputc('\n', e);
			if (r->status < RUN_FAILED)
				r->status = RUN_FAILED;
			if (!r->opt->keep_going)
				r->stop = 1;
		}
		return;
	}
	if (res->is_err || res->signo || res->no_value ||
	    res->value != int_value(r, &o->value)) {
		format_number(want, sizeof(want), int_value(r, &o->value),
			      hex_call(st->call.kind));
		fail(r, st->line, "expected %s, got %s", want, got);
	}
}

static int need_task(struct runner *r, const struct script_stmt *st,
		     const char *name, unsigned int slot, int col)
{
	const struct run_task *t = &r->tasks[slot];

	if (t->tsk)
		return 1;
	if (t->exited && t->killed_by)
		script_error(r, st->line, col, "task \"%s\" was killed by %s "
			     "on line %d", name, sim_signal_name(t->killed_by),
			     t->exit_line);
	else if (t->exited)
		script_error(r, st->line, col, "task \"%s\" exited on line %d",
			     name, t->exit_line);
	else
		script_error(r, st->line, col, "task \"%s\" does not exist",
			     name);
	return 0;
}

/* "-> VAR": the value, the struct shmctl copied out, or read's bytes. */
static void capture_result(struct runner *r, const struct script_call *c,
			   struct call_result *res,
			   const struct call_copy *copy)
{
	struct run_var *v = &r->vars[c->capture_slot];

	free(v->str);
	memset(v, 0, sizeof(*v));
	v->copy = *copy;
	v->kind = c->result;
	v->hex = hex_call(c->kind);
	v->value = res->is_err ? -1 : res->value;
	if (res->is_string) {
		v->str = res->str;
		v->len = res->len;
		res->str = NULL;
	}
}

static void run_call(struct runner *r, const struct script_stmt *st)
{
	const struct script_call *c = &st->call;
	struct call_result res;
	struct call_copy copy;
	struct call_args args;
	struct run_task *t = &r->tasks[c->task_slot];
	pid_t pid;

	if (!need_task(r, st, c->task, c->task_slot, st->col))
		return;
	memset(&res, 0, sizeof(res));
	memset(&copy, 0, sizeof(copy));
	eval_call_args(r, c, &copy, &args);
	pid = t->tsk->pid;
	current = t->tsk;
	make_call(r, &args, &res);
	if (!res.signo && current->sim_sig)
		res.signo = current->sim_sig;
	if (res.signo) {
		res.sig_code = current->sim_sig_code;
		res.sig_addr = current->sim_sig_addr;
	}
	if (res.signo || c->kind == SCRIPT_CALL_EXIT)
		task_exit(r, c->task_slot, res.signo, st->line);
	current = &init_task;

	print_call(r->opt->out, pid, &args, &res);
	check_outcome(r, st, &res);
	if (c->capture)
		capture_result(r, c, &res, &copy);
	free(res.str);
}

static int compare(long long a, enum script_op op, long long b)
{
	switch (op) {
	case SCRIPT_OP_EQ: return a == b;
	case SCRIPT_OP_NE: return a != b;
	case SCRIPT_OP_LT: return a < b;
	case SCRIPT_OP_LE: return a <= b;
	case SCRIPT_OP_GT: return a > b;
	case SCRIPT_OP_GE: return a >= b;
	}
	return 0;
}

static void run_expect(struct runner *r, const struct script_stmt *st)
{
	const struct script_expect *e = &st->expect;

	if (script_value_is_string(&e->lhs)) {
		size_t la, lb;
		const char *a = str_value(r, &e->lhs, &la);
		const char *b = str_value(r, &e->rhs, &lb);
		int eq = la == lb && !memcmp(a, b, la);

		if (eq != (e->op == SCRIPT_OP_EQ)) {
			FILE *f = r->opt->err;

			fflush(r->opt->out);
			fprintf(f, "%s:%d: expected %s %s %s, got ", r->s->file,
				st->line, e->lhs.text, script_op_name(e->op),
				e->rhs.text);
			print_string(f, a, la);
			fprintf(f, " %s ", script_op_name(e->op));
			print_string(f, b, lb);
			fputc('\n', f);
			if (r->status < RUN_FAILED)
				r->status = RUN_FAILED;
			if (!r->opt->keep_going)
				r->stop = 1;
		}
		return;
	}
	{
		long long a = int_value(r, &e->lhs), b = int_value(r, &e->rhs);
		char as[32], bs[32];

		if (!compare(a, e->op, b)) {
			format_number(as, sizeof(as), a,
				      value_is_hex(r, &e->lhs));
			format_number(bs, sizeof(bs), b,
				      value_is_hex(r, &e->rhs));
			fail(r, st->line, "expected %s %s %s, got %s %s %s",
			     e->lhs.text, script_op_name(e->op), e->rhs.text,
			     as, script_op_name(e->op), bs);
		}
	}
}

/*
 * `show WHAT`: the view, headed by what it shows (print_view, cli/print.c).
 * Like every view, it adds no trace event.
 */
static void run_show(struct runner *r, const struct script_stmt *st)
{
	const struct script_show *sh = &st->show;
	int saved = sim_trace.enabled;
	struct task_struct *tsk = NULL;
	struct sim_shm_info info;
	int shmid = 0;

	if (r->opt->quiet)
		return;		/* -q: only result lines and failures */
	if (script_show_takes_task(sh->what)) {
		if (!need_task(r, st, sh->task, sh->task_slot, st->col))
			return;
		tsk = r->tasks[sh->task_slot].tsk;
	}
	if (sh->what == SCRIPT_SHOW_PAGECACHE) {
		shmid = (int)reg(int_value(r, &sh->shmid));
		if (!sim_shm_lookup(shmid, &info)) {
			script_error(r, st->line, sh->shmid.col,
				     "show pagecache: no segment with id %d",
				     shmid);
			return;
		}
	}
	sim_trace.enabled = 0;
	print_view(r->opt->out, sh, tsk, shmid);
	sim_trace.enabled = saved;
}

/* Boot now if nothing has: silently unless it is the `boot` statement. */
static int ensure_booted(struct runner *r, int loud)
{
	const struct script_machine *m = &r->s->machine;
	int err;

	if (sim_booted)
		return 0;
	sim_machine.ram = m->ram;
	sim_machine.swap = m->swap;
	sim_machine.patches = m->patches;
	sim_machine.swap_file = r->opt->swap_file;
	sim_machine.swap_force = r->opt->force;
	set_printing(r, loud && r->trace_on);
	err = start_kernel();
	set_printing(r, r->trace_on);
	if (err) {
		fprintf(r->opt->err, "%s: boot failed: %s\n", r->s->file,
			sim_errno_name(-err));
		r->status = RUN_BAD_SCRIPT;
		r->stop = 1;
		return err;
	}
	if (sim_machine.swap_err) {
		/* the command line was checked: the host changed since */
		fflush(r->opt->out);
		fprintf(r->opt->err, "%s: boot: no swap area: the swap file "
			"%s: %s\n", r->s->file, r->opt->swap_file ?
			r->opt->swap_file : "(a temporary file)",
			strerror(-sim_machine.swap_err));
		r->status = RUN_HOST;
		r->stop = 1;
		return sim_machine.swap_err;
	}
	return 0;
}

static void run_task_stmt(struct runner *r, const struct script_stmt *st)
{
	const struct script_task *t = &st->task;
	struct task_struct *tsk;

	sim_trace_comment("task %s: pid %d, uid %u, gid %u", t->name,
			  (int)sim_last_pid + 1, t->uid, t->gid);
	tsk = sim_task_create(t->name, t->uid, t->gid);
	if (!tsk) {
		script_error(r, st->line, st->col, "task %s: out of memory "
			     "for its page directory", t->name);
		return;
	}
	r->tasks[t->slot].tsk = tsk;
}

static void check_machine(struct runner *r, const struct script_stmt *st)
{
	char why[512];
	int n = sim_check_all(why, sizeof(why));

	if (!n)
		return;
	fflush(r->opt->out);
	fprintf(r->opt->err, "%s:%d: BUG: %s\n", r->s->file, st->line, why);
	r->status = RUN_BUG;
	r->stop = 1;
}

/* `inject`: arm a point of sim/fail_sites.c (the parser checked it) */
static void run_inject(struct runner *r, const struct script_stmt *st)
{
	const struct script_inject *in = &st->inject;
	int err;

	if (in->off)
		err = sim_fail_clear(in->func);
	else
		err = sim_fail_inject(in->func, in->err, (long)in->after,
				      (long)in->times);
	if (err)
		script_error(r, st->line, st->col, "inject: %s",
			     sim_errno_text(-err));
}

/*
 * After each statement: did the host refuse a swap-file I/O, or the
 * output a write? Either stops the run with RUN_HOST; the simulated
 * memory is still right (page_io keeps a page it could not write).
 */
static void check_host(struct runner *r, const struct script_stmt *st)
{
	if (sim_swapdev_errno) {
		fflush(r->opt->out);
		fprintf(r->opt->err, "%s:%d: the host failed %s: %s; the page "
			"is kept in RAM, and the run stops\n", r->s->file,
			st->line, sim_swapdev_why,
			strerror(sim_swapdev_errno));
		sim_swapdev_errno = 0;
		r->status = RUN_HOST;
		r->stop = 1;
	}
	if (fflush(r->opt->out) || ferror(r->opt->out)) {
		int err = errno ? errno : EIO;

		fprintf(r->opt->err, "%s:%d: writing the output: %s; the run "
			"stops\n", r->s->file, st->line, strerror(err));
		r->status = RUN_HOST;
		r->stop = 1;
	}
}

static void run_stmt(struct runner *r, const struct script_stmt *st)
{
	if (st->kind != SCRIPT_STMT_MACHINE && st->kind != SCRIPT_STMT_EXPECT &&
	    st->kind != SCRIPT_STMT_TRACE && st->kind != SCRIPT_STMT_SLEEP) {
		if (!sim_booted && st->kind != SCRIPT_STMT_BOOT)
			r->booted_silently = 1;
		if (ensure_booted(r, st->kind == SCRIPT_STMT_BOOT))
			return;
	}

	switch (st->kind) {
	case SCRIPT_STMT_MACHINE:
		break;
	case SCRIPT_STMT_BOOT:
		/* ensure_booted did it, loudly, unless it had to before */
		if (r->booted_silently)
			script_error(r, st->line, st->col, "boot: the machine "
				     "already booted silently for an earlier "
				     "statement; put boot first");
		break;
	case SCRIPT_STMT_TASK:
		run_task_stmt(r, st);
		break;
	case SCRIPT_STMT_CALL:
		run_call(r, st);
		break;
	case SCRIPT_STMT_EXPECT:
		run_expect(r, st);
		break;
	case SCRIPT_STMT_SHOW:
		run_show(r, st);
		break;
	case SCRIPT_STMT_DOT:
		stop_on(r, run_dot(r->s, r->opt, st));
		break;
	case SCRIPT_STMT_TRACE:
		r->trace_on = st->trace;
		break;
	case SCRIPT_STMT_SLEEP:
		/* CURRENT_TIME is i386's 32-bit time_t: it ends in 2038 */
		if (st->sleep > INT32_MAX - sim_clock)
			script_error(r, st->line, st->col, "sleep %lld: the "
				     "clock would pass %ld, the last second "
				     "of i386's time_t", st->sleep,
				     (long)INT32_MAX);
		else
			sim_clock += st->sleep;
		break;
	case SCRIPT_STMT_PRESSURE:
		sim_pressure((int)st->pressure);
		break;
	case SCRIPT_STMT_INJECT:
		run_inject(r, st);
		break;
	}
	set_printing(r, r->trace_on);
	/* kswapd, woken by the allocator, runs before the next statement */
	if (!r->stop && sim_booted && need_balance)
		kswapd_balance();
	if (!r->stop && r->opt->check && sim_booted)
		check_machine(r, st);
	check_host(r, st);
}

/*
 * A run in three steps, so the prompt (cli/interactive.c) can feed it a
 * script that grows: run_begin checks the script's kernel and what it
 * may not use and resets the clock and pids; run_more runs statements
 * [from, s->nstmts) of s, the same script grown by some lines (its
 * variables and tasks keep their slots); run_end shuts the machine down.
 */
struct runner *run_begin(const struct script *s, const struct run_options *opt,
			 int *status)
{
	struct runner *r;

	*status = RUN_OK;
	if (run_kernel(s, opt) != cli_this_kernel()) {
		/* sim: main hands such a script to the other program */
		fprintf(opt->err, "%s: kernel=%s runs in %s, not in %s\n",
			s->file, cli_kernel_name(run_kernel(s, opt)),
			cli_kernel_program(run_kernel(s, opt)),
			cli_kernel_program(cli_this_kernel()));
		*status = RUN_BAD_SCRIPT;
		return NULL;
	}
	r = calloc(1, sizeof(*r));
	if (!r) {
		fprintf(opt->err, "%s: out of memory\n", s->file);
		*status = RUN_BAD_SCRIPT;
		return NULL;
	}
	r->s = s;
	r->opt = opt;
	r->trace_on = 1;
	sim_trace_reset();
	sim_trace_out = opt->out;
	sim_clock = SIM_CLOCK_START;
	sim_last_pid = 99;
	set_printing(r, 1);
	return r;
}

/* room for s's variables and tasks: new ones start empty */
static int run_grow(struct runner *r, const struct script *s)
{
	size_t nv = s->nvars ? s->nvars : 1, nt = s->ntasks ? s->ntasks : 1;
	struct run_var *vars = realloc(r->vars, nv * sizeof(*vars));
	struct run_task *tasks;

	if (!vars)
		return -1;
	r->vars = vars;
	tasks = realloc(r->tasks, nt * sizeof(*tasks));
	if (!tasks)
		return -1;
	r->tasks = tasks;
	if (nv > r->nvars)
		memset(vars + r->nvars, 0, (nv - r->nvars) * sizeof(*vars));
	if (nt > r->ntasks)
		memset(tasks + r->ntasks, 0, (nt - r->ntasks) * sizeof(*tasks));
	r->nvars = nv;
	r->ntasks = nt;
	return 0;
}

int run_more(struct runner *r, const struct script *s, size_t from)
{
	const struct run_options *opt = r->opt;
	size_t i;

	if (run_grow(r, s)) {
		fprintf(opt->err, "%s: out of memory\n", s->file);
		return RUN_BAD_SCRIPT;
	}
	r->s = s;
	for (i = from; i < s->nstmts && !r->stop; i++) {
		if (opt->marks)
			fprintf(opt->out, RUN_MARK "%zu\n", i);
		run_stmt(r, &s->stmts[i]);
		if (opt->dot_dir)
			stop_on(r, run_dot_dir(s, opt, &s->stmts[i], i + 1));
	}
	return r->status;
}

/* the prompt's: did the last statements stop the run? */
int run_stopped(const struct runner *r)
{
	return r && r->stop;
}

/* the prompt's: go on after a stop, printing as opt says now */
void run_resume(struct runner *r, const struct run_options *opt)
{
	r->stop = 0;
	r->opt = opt;
	sim_trace_out = opt->out;
	set_printing(r, r->trace_on);
}

/* the prompt's: the script the runner goes on with (same slots) */
void run_rescript(struct runner *r, const struct script *s)
{
	r->s = s;
}

/* the runner's memory, without a shutdown (nothing ran) */
void run_free(struct runner *r)
{
	size_t i;

	for (i = 0; i < r->nvars; i++)
		free(r->vars[i].str);
	free(r->vars);
	free(r->tasks);
	free(r);
}

/* the end: everything must go back, silently */
int run_end(struct runner *r)
{
	const struct run_options *opt = r->opt;
	int leaks, status;

	if (opt->marks)
		fprintf(opt->out, RUN_MARK "end\n");
	sim_trace.printing = 0;
	leaks = sim_shutdown(opt->err);
	if (leaks) {
		fprintf(opt->err, "%s: BUG: leak: %d objects still alive at "
			"shutdown\n", r->s->file, leaks);
		r->status = RUN_BUG;
	}
	fflush(opt->out);
	status = r->status;
	run_free(r);
	return status;
}

int run_script(const struct script *s, const struct run_options *opt)
{
	struct runner *r;
	int status;

	r = run_begin(s, opt, &status);
	if (!r)
		return status;
	status = cli_refuse_not_modelled(s, opt);
	if (status) {	/* before anything runs: no machine to shut down */
		run_free(r);
		return status;
	}
	run_more(r, s, 0);
	return run_end(r);
}
