# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/traced_functions.py - gdb/traced-functions-not-inlined: every
# function the trace shows is a real function in the Debug build, one
# `break NAME` can stop in: not a macro, not inlined away.
# Run by tests/gdb/run-gdb-test as `gdb -batch -x THIS shmsim`, with
# SHMSIM_TRACED_NAMES naming a file of function names, one a line (the
# names that open trace lines, "  142 |  shmem_file_setup(...").
#
# For each name: `info address NAME` must say "is a function at address"
# (an out-of-line copy exists; a macro or an inline-only function has none)
# and `info line NAME` must say "starts at address" (the line table has
# its first line, so `break NAME` resolves). Prints each failure, then
# "ok N functions"; quits with status 1 on any failure.

import os

import gdb

path = os.environ["SHMSIM_TRACED_NAMES"]
with open(path) as f:
    names = sorted(set(f.read().split()))

bad = []
for name in names:
    try:
        where = gdb.execute("info address " + name, to_string=True)
        line = gdb.execute("info line " + name, to_string=True)
    except gdb.error as e:
        bad.append("%s: %s" % (name, e))
        continue
    if "is a function at address" not in where:
        bad.append("%s: %s" % (name, where.strip()))
    elif "starts at address" not in line:
        bad.append("%s: %s" % (name, line.strip()))

for b in bad:
    print("NOT A FUNCTION SYMBOL " + b)
if not names:
    print("no traced function names given")
    bad.append("none")
if bad:
    gdb.execute("quit 1")
print("ok %d traced functions, each a function symbol with a line" %
      len(names))
