# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/event_numbers.py - gdb/event-numbers-unprinted: every stop of
# `break sim_trace_event` is written to $SHMSIM_EVENTS_OUT as one line,
#   SEQ KIND FUNCTION
# SEQ is sim_trace_seq at the stop, KIND enter, exit or note (which tracer
# entry point called sim_trace_event), FUNCTION the first frame outside the
# tracer (the traced kernel function, or the runner for a note of its own).
# Run by tests/gdb/run-gdb-test twice, on a printed and on an unprinted run
# (--no-trace) of one scenario; the two files must be identical, so that
# `break sim_trace_event if sim_trace_seq == N` stops at the same place
# either way.

import os

import gdb

KINDS = {"sim_trace_enter": "enter", "sim_trace_enter_quiet": "enter",
         "sim_trace_exit": "exit", "sim_trace_exit_quiet": "exit",
         "sim_trace_note": "note", "sim_trace_note_quiet": "note",
         "sim_trace_comment_line": "note"}
TRACER = set(KINDS) | {"sim_trace_event", "note_line", "quiet_note", "sim_trace_ret_err",
                       "sim_trace_ret_int", "sim_trace_ret_hex",
                       "sim_trace_ret_obj", "sim_trace_ret_page",
                       "sim_trace_ret_nopage"}

out = open(os.environ["SHMSIM_EVENTS_OUT"], "w")


class EventBreakpoint(gdb.Breakpoint):
    def stop(self):
        seq = int(gdb.parse_and_eval("sim_trace_seq"))
        kind, func = "?", "??"
        f = gdb.selected_frame()
        while f is not None:
            name = f.name() or "??"
            if name in KINDS and kind == "?":
                kind = KINDS[name]
            if name not in TRACER:
                func = name
                break
            f = f.older()
        out.write("%d %s %s\n" % (seq, kind, func))
        return False


gdb.execute("set pagination off")
gdb.execute("set confirm off")
EventBreakpoint("sim_trace_event", internal=True)
args = gdb.execute("show args", to_string=True)
args = args[args.index('"') + 1:args.rindex('"')]
gdb.execute("run %s > /dev/null" % args)
out.close()
