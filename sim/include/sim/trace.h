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
 * stops on the line shown as 20 whether the trace is printed or not.
 *
 * What it costs, by the switches of sim_trace:
 *   - printed (enabled, printing): arguments and results are formatted and
 *     written, out of line (the printing side is cold);
 *   - counted (enabled, not printing: --no-trace): nothing is formatted and
 *     no argument of TRACE_ENTER or sim_note is even evaluated; one load
 *     of sim_trace.all decides, and the inline *_quiet functions count;
 *   - off (not enabled: the views, some benchmarks): nothing counted.
 * With sim_trace.stops set (a debugger is there) every event also calls
 * sim_trace_event(), through the out-of-line functions (which evaluate the
 * arguments, but format them only when printing).
 * Built with -DSHMSIM_TRACE=OFF (CMake), the macros compile to nothing at
 * all (SIM_TRACE_COMPILED is 0): the benchmark's baseline.
 */
#ifndef _SIM_TRACE_H
#define _SIM_TRACE_H

#include <stdio.h>

#include "sim/objid.h"

#ifdef SHMSIM_NO_TRACE
#define SIM_TRACE_COMPILED	0
#else
#define SIM_TRACE_COMPILED	1
#endif

/* the switches, each 0 or 1; `all` reads them in one load */
union sim_trace_switches {
	struct {
		unsigned char enabled;	/* count and track events */
		unsigned char printing;	/* print them (`trace on|off`, -q) */
		/*
		 * call sim_trace_event() at every event, for gdb: set at
		 * every boot when a debugger (ptrace) is there, and by
		 * tools/gdb's shm-break-event; clear, events are counted
		 * all the same but make no call
		 */
		unsigned char stops;
		unsigned char unused;
	};
	unsigned int all;
};
extern union sim_trace_switches sim_trace;
/* sim_trace.all when the inline quiet path applies: counted, nothing else */
#define SIM_TRACE_COUNTING \
	(((union sim_trace_switches){ { .enabled = 1 } }).all)

extern unsigned int sim_trace_seq;	/* number of the last event */
extern FILE *sim_trace_out;

/*
 * The tracer's nesting: printed lines need all of it, the count only
 * `pending` (a function's exit is an event unless it was a leaf).
 */
struct sim_trace_nest {
	int pending;		/* the innermost open function has no child yet */
	int depth;		/* open functions, while printed */
	unsigned int pending_seq;	/* the pending function's entry event */
	const char *pending_func;	/* NULL: it entered unprinted */
};
extern struct sim_trace_nest sim_trace_nest;
#define SIM_TRACE_MAX_DEPTH	64

/*
 * The out-of-line side is cold: the compiler keeps it, and the formatting
 * of its arguments, out of the traced functions' hot paths.
 */
#define SIM_TRACE_COLD	__attribute__((cold))
void sim_trace_event(void) SIM_TRACE_COLD;	/* gdb's target, per event */
void sim_trace_stops_probe(void);	/* sim_trace.stops from TracerPid */
/* each prints, or when not printing counts and stops (sim_trace.stops) */
void sim_trace_enter(const char *func, const char *fmt, ...)
	SIM_TRACE_COLD __attribute__((format(printf, 2, 3)));
void sim_trace_exit(const char *func, const char *fmt, ...)
	SIM_TRACE_COLD __attribute__((format(printf, 2, 3)));
/* use sim_note() and sim_trace_comment(), which decide between these */
void sim_trace_note(const char *area, const char *fmt, ...)
	SIM_TRACE_COLD __attribute__((format(printf, 2, 3)));
void sim_trace_comment_line(const char *fmt, ...)
	SIM_TRACE_COLD __attribute__((format(printf, 1, 2)));
int sim_trace_depth(void);
void sim_trace_reset(void);

/* "0", "-EINVAL": how errno-style results read in the trace */
const char *sim_fmt_err(long ret, char *buf, size_t len);
long sim_trace_ret_err(const char *func, long ret) SIM_TRACE_COLD;
long sim_trace_ret_int(const char *func, long ret) SIM_TRACE_COLD;
unsigned long sim_trace_ret_hex(const char *func, unsigned long ret)
	SIM_TRACE_COLD;
void *sim_trace_ret_obj(const char *func, const void *ptr, const char *kind,
			unsigned int id) SIM_TRACE_COLD;

/*
 * The events, counted but not formatted and with no stop: inline, and no
 * more than the count needs, so that a trace that is not printed costs a
 * few instructions an event. Printing switches between statements, when
 * no call is open, so the printed nesting (depth) needs no upkeep here.
 * At -O0 each is a real function that gdb can break on (func says whose).
 */
static inline void sim_trace_enter_quiet(const char *func)
{
	(void)func;
	sim_trace_nest.pending = 1;
	sim_trace_seq++;
}

static inline void sim_trace_exit_quiet(const char *func)
{
	(void)func;	/* for gdb: the function leaving */
	if (sim_trace_nest.pending)
		sim_trace_nest.pending = 0;	/* a leaf: no event of its own */
	else
		sim_trace_seq++;
}

static inline void sim_trace_note_quiet(void)
{
	sim_trace_nest.pending = 0;
	sim_trace_seq++;
}

#if SIM_TRACE_COMPILED

/* the inline quiet path applies */
#define SIM_TRACE_QUIET()	(sim_trace.all == SIM_TRACE_COUNTING)
/*
 * Every tracer hook: the inline quiet form when only counting, else the
 * out-of-line one (printing, or a debugger's stops), else nothing.
 */
#define SIM_TRACE_HOOK(quiet, loud) \
	do { \
		if (SIM_TRACE_QUIET()) \
			quiet; \
		else if (sim_trace.enabled) \
			loud; \
	} while (0)

#define TRACE_ENTER(...) \
	SIM_TRACE_HOOK(sim_trace_enter_quiet(__func__), \
		       sim_trace_enter(__func__, __VA_ARGS__))
/* a result the TRACE_RET forms do not spell: TRACE_EXIT_FMT("%#x", v) */
#define TRACE_EXIT_FMT(...) \
	SIM_TRACE_HOOK(sim_trace_exit_quiet(__func__), \
		       sim_trace_exit(__func__, __VA_ARGS__))
/* void functions: TRACE_EXIT(); before every return */
#define TRACE_EXIT()	TRACE_EXIT_FMT(NULL)
/*
 * The value once, then the exit: v may be a traced call of its own
 * (return TRACE_RET_ADDR(arch_get_unmapped_area(...))).
 */
#define SIM_TRACE_RETURN(type, v, ret_fn) \
	({ \
		type __ret = (type)(v); \
		SIM_TRACE_HOOK(sim_trace_exit_quiet(__func__), \
			       ret_fn(__func__, __ret)); \
		__ret; \
	})
/* 0 or a negative errno: prints 0 / -ENOMEM */
#define TRACE_RET(v)		SIM_TRACE_RETURN(long, v, sim_trace_ret_err)
/* a plain number: prints -1 as -1 (ipc_findkey, ipc_addid) */
#define TRACE_RET_INT(v)	SIM_TRACE_RETURN(long, v, sim_trace_ret_int)
/* an address, or a negative errno carried in it (get_unmapped_area) */
#define TRACE_RET_ADDR(v) \
	SIM_TRACE_RETURN(unsigned long, v, sim_trace_ret_hex)
/* the engine of TRACE_RET_FILE etc. (below): dentry#3, NULL or -ENOMEM */
#define TRACE_RET_OBJ(p, kind) \
	({ \
		__typeof__(p) __obj = (p); \
		SIM_TRACE_HOOK(sim_trace_exit_quiet(__func__), \
			       sim_trace_ret_obj(__func__, __obj, (kind), \
				__obj && !IS_ERR(__obj) ? sim_id(__obj) : 0)); \
		__obj; \
	})
/* "/ * area: text * /": the arguments are evaluated only when printed */
#define sim_note(area, ...) \
	SIM_TRACE_HOOK(sim_trace_note_quiet(), \
		       sim_trace_note(area, __VA_ARGS__))
/* sim: a free-standing line at the current depth, for the boot narrative */
#define sim_trace_comment(...) \
	SIM_TRACE_HOOK(sim_trace_note_quiet(), \
		       sim_trace_comment_line(__VA_ARGS__))

#else /* !SIM_TRACE_COMPILED: nothing is traced, nothing evaluated */

/*
 * The calls stay as dead code, so their arguments are still checked and
 * count as used (a parameter only the trace prints warns no more than in
 * the traced build), and the compiler removes them.
 */
#define TRACE_ENTER(...) \
	do { if (0) sim_trace_enter(__func__, __VA_ARGS__); } while (0)
#define TRACE_EXIT_FMT(...) \
	do { if (0) sim_trace_exit(__func__, __VA_ARGS__); } while (0)
#define TRACE_EXIT()		do { } while (0)
#define TRACE_RET(v)		((long)(v))
#define TRACE_RET_INT(v)	((long)(v))
#define TRACE_RET_ADDR(v)	((unsigned long)(v))
#define TRACE_RET_OBJ(p, kind)	(p)
#define sim_note(area, ...) \
	do { if (0) sim_trace_note(area, __VA_ARGS__); } while (0)
#define sim_trace_comment(...) \
	do { if (0) sim_trace_comment_line(__VA_ARGS__); } while (0)

#endif /* SIM_TRACE_COMPILED */

/*
 * A returned object, typed: the value is evaluated once, into a pointer of
 * the function's return type (a wrong type does not compile), and prints
 * as kind#N, NULL or -ERRNO. TRACE_RET_OBJ is their engine only.
 */
#define SIM_TRACE_RET_TYPED(type, p, kind) \
	({ type *__typed = (p); TRACE_RET_OBJ(__typed, kind); })
#define TRACE_RET_FILE(p)	SIM_TRACE_RET_TYPED(struct file, p, "file")
#define TRACE_RET_DENTRY(p)	SIM_TRACE_RET_TYPED(struct dentry, p, "dentry")
#define TRACE_RET_INODE(p)	SIM_TRACE_RET_TYPED(struct inode, p, "inode")
#define TRACE_RET_SB(p) \
	SIM_TRACE_RET_TYPED(struct super_block, p, "super_block")
#define TRACE_RET_MNT(p) \
	SIM_TRACE_RET_TYPED(struct vfsmount, p, "vfsmount")
#define TRACE_RET_VMA(p) \
	SIM_TRACE_RET_TYPED(struct vm_area_struct, p, "vma")
#define TRACE_RET_MM(p)		SIM_TRACE_RET_TYPED(struct mm_struct, p, "mm")

#endif /* _SIM_TRACE_H */
