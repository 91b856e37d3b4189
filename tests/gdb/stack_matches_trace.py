# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/stack_matches_trace.py - gdb/stack-matches-trace: at every traced
# call, gdb's stack must read like the trace's nesting.
# Run by tests/gdb/run-gdb-test inside `gdb -batch -x THIS --args shmsim S.scn`.
#
# A breakpoint on sim_trace_enter(func, ...) keeps a shadow of the trace's
# open functions; sim_trace_exit(func, ...) pops it (under gdb, unprinted
# events come through them too: sim_trace.stops is set). At each entry:
#   - the function that called the tracer is func itself (TRACE_ENTER sits in
#     the traced function, under its own name: nothing inlined, no wrapper);
#   - the frames above it that are traced functions (named in the trace so
#     far) are, innermost first, exactly the trace's open functions: so
#     `bt` at shmem_nopage shows do_no_page, handle_pte_fault,
#     handle_mm_fault, do_page_fault, as the trace's braces do.
# At each exit, func is the innermost open function and the function
# returning through the tracer. Prints "ok N events" or each mismatch, and
# quits with status 1 on any.

import gdb

# the tracer's own frames, between a traced function and sim_trace_event
TRACER = {"sim_trace_enter", "sim_trace_exit", "sim_trace_ret_err",
          "sim_trace_ret_int", "sim_trace_ret_hex", "sim_trace_ret_obj",
          "sim_trace_ret_page", "sim_trace_ret_nopage",
          "sim_trace_enter_quiet",
          "sim_trace_exit_quiet"}
MAX_REPORTS = 20

shadow = []		# the trace's open functions, outermost first
traced = set()		# every function the trace has named so far
events = 0
errors = []


def frame_names(start):
    names = []
    f = start
    while f is not None:
        names.append(f.name() or "??")
        f = f.older()
    return names


def caller_outside_tracer(names):
    """The first frame above the tracer's own: the traced function."""
    for n in names:
        if n not in TRACER:
            return n
    return "??"


def report(what):
    errors.append("event %d (sim_trace_seq %s): %s" % (
        events, gdb.parse_and_eval("sim_trace_seq"), what))


class EnterBreakpoint(gdb.Breakpoint):
    def stop(self):
        global events
        events += 1
        func = gdb.parse_and_eval("func").string()
        names = frame_names(gdb.selected_frame().older())
        if names[0] != func:
            report("%s traced from %s(): TRACE_ENTER is not in the traced "
                   "function" % (func, names[0]))
        traced.add(func)
        stack = [n for n in names[1:] if n in traced]
        want = list(reversed(shadow))
        if stack != want:
            report("entering %s, gdb's traced frames %s, the trace's open "
                   "functions %s" % (func, stack, want))
        shadow.append(func)
        return False


class ExitBreakpoint(gdb.Breakpoint):
    def stop(self):
        global events
        events += 1
        func = gdb.parse_and_eval("func").string()
        names = frame_names(gdb.selected_frame().older())
        if caller_outside_tracer(names) != func:
            report("%s leaves through the tracer from %s()" % (
                func, caller_outside_tracer(names)))
        if not shadow or shadow[-1] != func:
            report("%s leaves, the trace's innermost open function is %s" % (
                func, shadow[-1] if shadow else "none"))
        if shadow and func in shadow:
            while shadow.pop() != func:
                pass
        return False


class ResetBreakpoint(gdb.Breakpoint):
    def stop(self):
        del shadow[:]
        return False


gdb.execute("set pagination off")
gdb.execute("set confirm off")
# under a debugger (sim_trace.stops) every event goes through these two,
# printed or not (the silent boot); the inline quiet path is not taken
EnterBreakpoint("sim_trace_enter", internal=True)
ExitBreakpoint("sim_trace_exit", internal=True)
ResetBreakpoint("sim_trace_reset", internal=True)
# the trace itself is not needed: only the calls into the tracer
args = gdb.execute("show args", to_string=True)
args = args[args.index('"') + 1:args.rindex('"')]
gdb.execute("run %s > /dev/null" % args)

for e in errors[:MAX_REPORTS]:
    print("MISMATCH " + e)
if len(errors) > MAX_REPORTS:
    print("... and %d more" % (len(errors) - MAX_REPORTS))
if events == 0:
    print("MISMATCH no trace events seen")
    errors.append("none")
if errors:
    gdb.execute("quit 1")
print("ok %d events, %d traced functions, the stack matched the trace at "
      "every one" % (events, len(traced)))
