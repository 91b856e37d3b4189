/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sim/include/sim/trace.h - the call tracer (sim only).
 * Every modelled kernel function enters with TRACE_ENTER() and leaves through
 * one of the TRACE_RET*() forms, which print in ftrace function_graph's
 * layout: a function that calls nothing traced prints on one line,
 * "name(args) = ret;", otherwise "name(args) {" ... "} = ret". State changes
 * worth teaching are sim_note() lines, "/ * area: what changed * /".
 *
 * The left column is the event number, sim_trace_seq. Every enter, note and
 * (non-leaf) exit counts, printed or not, so in gdb
 *   break sim_trace_event if sim_trace_seq == 20
 * stops on the line shown as 20. With sim_trace_enabled clear (benchmarks)
 * the tracer costs one branch per function and counts nothing.
 */
#ifndef _SIM_TRACE_H
#define _SIM_TRACE_H

#include <stdio.h>

extern int sim_trace_enabled;	/* master switch: count and track events */
extern int sim_trace_printing;	/* print them (script `trace on|off`, -q) */
extern unsigned int sim_trace_seq;	/* number of the last event */
extern FILE *sim_trace_out;

void sim_trace_event(void);	/* a gdb breakpoint target, once per event */
void sim_trace_enter(const char *func, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sim_trace_exit(const char *func, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sim_note(const char *area, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* sim: a free-standing line at the current depth, for the boot narrative */
void sim_trace_comment(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
int sim_trace_depth(void);
void sim_trace_reset(void);

/* "0", "-EINVAL": how errno-style results read in the trace */
const char *sim_fmt_err(long ret, char *buf, size_t len);
long sim_trace_ret_err(const char *func, long ret);
long sim_trace_ret_int(const char *func, long ret);
unsigned long sim_trace_ret_hex(const char *func, unsigned long ret);
void *sim_trace_ret_obj(const char *func, const void *ptr, const char *kind,
			unsigned int id);

#define TRACE_ENTER(...) \
	do { if (sim_trace_enabled) sim_trace_enter(__func__, __VA_ARGS__); } while (0)
/* void functions: TRACE_EXIT(); before every return */
#define TRACE_EXIT() \
	do { if (sim_trace_enabled) sim_trace_exit(__func__, NULL); } while (0)
/* 0 or a negative errno: prints 0 / -ENOMEM */
#define TRACE_RET(v) \
	(sim_trace_enabled ? sim_trace_ret_err(__func__, (v)) : (long)(v))
/* a plain number: prints -1 as -1 (ipc_findkey, ipc_addid) */
#define TRACE_RET_INT(v) \
	(sim_trace_enabled ? sim_trace_ret_int(__func__, (v)) : (long)(v))
/* an address, or a negative errno carried in it (get_unmapped_area) */
#define TRACE_RET_ADDR(v) \
	(sim_trace_enabled ? sim_trace_ret_hex(__func__, (v)) : (unsigned long)(v))
/* an object pointer, NULL or ERR_PTR: prints dentry#3, NULL or -ENOMEM */
#define TRACE_RET_OBJ(p, kind, idfield) \
	((__typeof__(p))(sim_trace_enabled ? \
		sim_trace_ret_obj(__func__, (p), (kind), \
			((p) && !IS_ERR(p)) ? (p)->idfield : 0) : (void *)(p)))

#endif /* _SIM_TRACE_H */
