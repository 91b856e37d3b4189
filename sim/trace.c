// SPDX-License-Identifier: GPL-2.0-only
/*
 * sim/trace.c - the call tracer (sim only; see sim/include/sim/trace.h).
 * Prints the modelled kernel's calls in ftrace function_graph's layout.
 * A function's opening line is held back until we know whether it calls
 * anything traced: if not, it closes on the same line ("f() = 0;").
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "linux/kernel.h"
#include "sim/trace.h"

int sim_trace_enabled = 1;
int sim_trace_printing = 1;
unsigned int sim_trace_seq;
FILE *sim_trace_out;

#define TRACE_MAX_DEPTH	64
#define TRACE_LINE_MAX	256

static int depth;			/* open functions */
static int pending;			/* the innermost one has no child yet */
static unsigned int pending_seq;
static char pending_line[TRACE_LINE_MAX];

/*
 * Not static and not inlined: the place for `break ... if sim_trace_seq ==
 * N`. The number is already the new event's when gdb stops here.
 */
__attribute__((noinline)) void sim_trace_event(void)
{
	__asm__ volatile("" ::: "memory");	/* keep the call */
}


static FILE *out(void)
{
	return sim_trace_out ? sim_trace_out : stdout;
}

static void print_line(unsigned int seq, int level, const char *text)
{
	if (!sim_trace_printing)
		return;
	fprintf(out(), "%8u |%*s%s\n", seq, 2 * (level + 1), "", text);
}

/* A child appeared: the held-back opening line gets its brace. */
static void flush_pending(void)
{
	char line[TRACE_LINE_MAX + 4];

	if (!pending)
		return;
	snprintf(line, sizeof(line), "%s {", pending_line);
	print_line(pending_seq, depth - 1, line);
	pending = 0;
}

void sim_trace_enter(const char *func, const char *fmt, ...)
{
	char args[TRACE_LINE_MAX - 64];
	va_list ap;

	flush_pending();
	sim_trace_seq++;
	sim_trace_event();
	args[0] = '\0';
	if (fmt && *fmt) {
		va_start(ap, fmt);
		vsnprintf(args, sizeof(args), fmt, ap);
		va_end(ap);
	}
	snprintf(pending_line, sizeof(pending_line), "%s(%s)", func, args);
	pending = 1;
	pending_seq = sim_trace_seq;
	if (depth < TRACE_MAX_DEPTH)
		depth++;
}

void sim_trace_exit(const char *func, const char *fmt, ...)
{
	char ret[96], line[TRACE_LINE_MAX + 100];
	va_list ap;

	(void)func;
	ret[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(ret, sizeof(ret), fmt, ap);
		va_end(ap);
	}
	if (depth > 0)
		depth--;
	if (pending) {
		/* a leaf: one line, numbered by its entry */
		snprintf(line, sizeof(line), "%s%s%s;", pending_line,
			 *ret ? " = " : "", ret);
		print_line(pending_seq, depth, line);
		pending = 0;
		return;
	}
	sim_trace_seq++;
	sim_trace_event();
	snprintf(line, sizeof(line), "}%s%s", *ret ? " = " : "", ret);
	print_line(sim_trace_seq, depth, line);
}

static void note_line(const char *prefix, const char *fmt, va_list ap)
{
	char text[TRACE_LINE_MAX], line[TRACE_LINE_MAX + 64];

	flush_pending();
	sim_trace_seq++;
	sim_trace_event();
	vsnprintf(text, sizeof(text), fmt, ap);
	snprintf(line, sizeof(line), "/* %s%s */", prefix, text);
	print_line(sim_trace_seq, depth, line);
}

void sim_note(const char *area, const char *fmt, ...)
{
	char prefix[32];
	va_list ap;

	if (!sim_trace_enabled)
		return;
	snprintf(prefix, sizeof(prefix), "%s: ", area);
	va_start(ap, fmt);
	note_line(prefix, fmt, ap);
	va_end(ap);
}

void sim_trace_comment(const char *fmt, ...)
{
	va_list ap;

	if (!sim_trace_enabled)
		return;
	va_start(ap, fmt);
	note_line("", fmt, ap);
	va_end(ap);
}

int sim_trace_depth(void)
{
	return depth;
}

void sim_trace_reset(void)
{
	depth = 0;
	pending = 0;
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

	if (IS_ERR((void *)ret))
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

	if (!ptr)
		sim_trace_exit(func, "NULL");
	else if (IS_ERR(ptr))
		sim_trace_exit(func, "%s", sim_fmt_err(PTR_ERR(ptr), buf,
						       sizeof(buf)));
	else
		sim_trace_exit(func, "%s#%u", kind, id);
	return (void *)ptr;
}
