// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/lib/trace.c - the call tracer (sim only; see sim/include/sim/trace.h).
 * Prints the modelled kernel's calls in ftrace function_graph's layout.
 * A function's opening line is held back until we know whether it calls
 * anything traced: if not, it closes on the same line ("f() = 0;").
 * When the trace is not printed, the inline *_quiet functions of trace.h
 * keep the same event count without formatting anything, so an event has
 * the same number either way; the functions here add the stop at
 * sim_trace_event() when a debugger wants it (sim_trace.stops).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim/kbase.h"
#include "sim/trace.h"

union sim_trace_switches sim_trace = {
	{ .enabled = 1, .printing = 1, .stops = 1 }
};
unsigned int sim_trace_seq;
FILE *sim_trace_out;
struct sim_trace_nest sim_trace_nest;

#define TRACE_LINE_MAX	256

static char pending_line[TRACE_LINE_MAX];	/* the held-back opening */

/*
 * Not static and not inlined: the place for `break ... if sim_trace_seq ==
 * N`. The number is already the new event's when gdb stops here.
 */
__attribute__((noinline)) void sim_trace_event(void)
{
	__asm__ volatile("" ::: "memory");	/* keep the call */
}

/*
 * gdb and strace show up as the TracerPid of /proc/self/status. Without
 * one, nothing can stop at sim_trace_event, so the quiet path skips the
 * call (tools/gdb/shmsim.gdb sets sim_trace.stops after an attach).
 */
void sim_trace_stops_probe(void)
{
	char line[128];
	FILE *f = fopen("/proc/self/status", "r");
	int tracer = -1;

	if (!f) {
		sim_trace.stops = 1;	/* cannot tell: keep the stops */
		return;
	}
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(f);
	sim_trace.stops = tracer != 0;
}

static FILE *out(void)
{
	return sim_trace_out ? sim_trace_out : stdout;
}

static void print_line(unsigned int seq, int level, const char *text)
{
	fprintf(out(), "%8u |%*s%s\n", seq, 2 * (level + 1), "", text);
}

/*
 * A function entered unprinted and printing came on before it left: the
 * language switches only between statements, so this is for a caller of
 * the library that switches inside a call. Its line says it was not seen.
 */
static void format_quiet_pending(void)
{
	struct sim_trace_nest *n = &sim_trace_nest;

	if (!n->pending_func)
		snprintf(pending_line, sizeof(pending_line),
			 "(entered while not printed)");
}

/* A child appeared (while printing): the held-back line gets its brace. */
static void flush_pending(void)
{
	struct sim_trace_nest *n = &sim_trace_nest;
	char line[TRACE_LINE_MAX + 4];

	if (!n->pending)
		return;
	n->pending = 0;
	format_quiet_pending();
	n->pending_func = NULL;
	snprintf(line, sizeof(line), "%s {", pending_line);
	print_line(n->pending_seq, n->depth - 1, line);
}

/*
 * Each entry point calls sim_trace_event() itself, so that a gdb stop
 * there is one frame below sim_trace_enter/exit/_quiet, as tools/gdb's
 * shm-break-event expects.
 */
void sim_trace_enter(const char *func, const char *fmt, ...)
{
	struct sim_trace_nest *n = &sim_trace_nest;
	char args[TRACE_LINE_MAX - 64];
	va_list ap;

	if (!sim_trace.printing) {
		sim_trace_enter_quiet(func);
		if (sim_trace.stops)
			sim_trace_event();
		return;
	}
	flush_pending();
	n->pending = 1;
	n->pending_seq = ++sim_trace_seq;
	n->pending_func = func;
	if (n->depth < SIM_TRACE_MAX_DEPTH)
		n->depth++;
	if (sim_trace.stops)
		sim_trace_event();
	args[0] = '\0';
	if (fmt && *fmt) {
		va_start(ap, fmt);
		vsnprintf(args, sizeof(args), fmt, ap);
		va_end(ap);
	}
	snprintf(pending_line, sizeof(pending_line), "%s(%s)", func, args);
}

/*
 * Leaving: a leaf closes its own entry's line and is no new event; a
 * function with children gets a numbered closing line.
 */
void sim_trace_exit(const char *func, const char *fmt, ...)
{
	struct sim_trace_nest *n = &sim_trace_nest;
	char ret[96], line[TRACE_LINE_MAX + 100];
	int leaf = n->pending;
	va_list ap;

	if (!sim_trace.printing) {
		sim_trace_exit_quiet(func);
		if (!leaf && sim_trace.stops)
			sim_trace_event();
		return;
	}
	if (leaf)
		format_quiet_pending();
	if (n->depth > 0)
		n->depth--;
	n->pending = 0;
	n->pending_func = NULL;
	if (!leaf) {
		sim_trace_seq++;
		if (sim_trace.stops)
			sim_trace_event();
	}
	ret[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(ret, sizeof(ret), fmt, ap);
		va_end(ap);
	}
	if (leaf)	/* one line, numbered by its entry */
		snprintf(line, sizeof(line), "%s%s%s;", pending_line,
			 *ret ? " = " : "", ret);
	else
		snprintf(line, sizeof(line), "}%s%s", *ret ? " = " : "", ret);
	print_line(leaf ? n->pending_seq : sim_trace_seq, n->depth, line);
}

static void quiet_note(void)
{
	sim_trace_note_quiet();
	if (sim_trace.stops)
		sim_trace_event();
}

static void note_line(const char *area, const char *fmt, va_list ap)
{
	char text[TRACE_LINE_MAX], line[TRACE_LINE_MAX + 64];

	flush_pending();
	sim_trace_seq++;
	if (sim_trace.stops)
		sim_trace_event();
	vsnprintf(text, sizeof(text), fmt, ap);
	snprintf(line, sizeof(line), "/* %s%s%s */", area ? area : "",
		 area ? ": " : "", text);
	print_line(sim_trace_seq, sim_trace_nest.depth, line);
}

void sim_trace_note(const char *area, const char *fmt, ...)
{
	va_list ap;

	if (!sim_trace.enabled)
		return;
	if (!sim_trace.printing) {
		quiet_note();
		return;
	}
	va_start(ap, fmt);
	note_line(area, fmt, ap);
	va_end(ap);
}

void sim_trace_comment_line(const char *fmt, ...)
{
	va_list ap;

	if (!sim_trace.enabled)
		return;
	if (!sim_trace.printing) {
		quiet_note();
		return;
	}
	va_start(ap, fmt);
	note_line(NULL, fmt, ap);
	va_end(ap);
}

int sim_trace_depth(void)
{
	return sim_trace_nest.depth;
}

void sim_trace_reset(void)
{
	memset(&sim_trace_nest, 0, sizeof(sim_trace_nest));
	sim_trace_seq = 0;
}

const char *sim_fmt_err(long ret, char *buf, size_t len)
{
	if (ret < 0 && ret >= -MAX_ERRNO)
		snprintf(buf, len, "-%s", sim_errno_name((int)-ret));
	else
		snprintf(buf, len, "%ld", ret);
	return buf;
}

long sim_trace_ret_err(const char *func, long ret)
{
	char buf[32];

	if (!sim_trace.printing)
		sim_trace_exit(func, NULL);	/* counts, and stops */
	else
		sim_trace_exit(func, "%s", sim_fmt_err(ret, buf, sizeof(buf)));
	return ret;
}

long sim_trace_ret_int(const char *func, long ret)
{
	sim_trace_exit(func, "%ld", ret);
	return ret;
}

unsigned long sim_trace_ret_hex(const char *func, unsigned long ret)
{
	char buf[32];

	if (!sim_trace.printing)
		sim_trace_exit(func, NULL);	/* counts, and stops */
	else if (IS_ERR((void *)ret))
		sim_trace_exit(func, "%s", sim_fmt_err((long)ret, buf,
						       sizeof(buf)));
	else
		sim_trace_exit(func, "%#lx", ret);
	return ret;
}

void *sim_trace_ret_obj(const char *func, const void *ptr, const char *kind,
			unsigned int id)
{
	char buf[32];

	if (!sim_trace.printing)
		sim_trace_exit(func, NULL);	/* counts, and stops */
	else if (!ptr)
		sim_trace_exit(func, "NULL");
	else if (IS_ERR(ptr))
		sim_trace_exit(func, "%s", sim_fmt_err(PTR_ERR(ptr), buf,
						       sizeof(buf)));
	else
		sim_trace_exit(func, "%s#%u", kind, id);
	return (void *)ptr;
}
