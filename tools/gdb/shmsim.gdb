# SPDX-License-Identifier: GPL-2.0-only
#
# tools/gdb/shmsim.gdb - load shmsim's gdb support (tools/gdb/shmsim.py):
# pretty-printers for the simulated kernel's objects and the shm-* commands.
# From the repository root:
#   gdb --args ./build/shmsim scenarios/02-writer-reader.scn
#   (gdb) source tools/gdb/shmsim.gdb
# From anywhere else, give its path: source /path/to/shmsim/tools/gdb/shmsim.gdb
# (or gdb -x /path/to/shmsim/tools/gdb/shmsim.gdb --args ...). See docs/gdb.md.
#
# gdb's `source` does not say where the script it runs lives, so the Python
# file is looked for in ./tools/gdb, then beside the sources the loaded
# program was built from (its debug info names
# /path/to/shmsim/sim/lib/trace.c: the directories above it are tried).
python
import os as _os

def _shmsim_find_py():
    rel = _os.path.join("tools", "gdb", "shmsim.py")
    if _os.path.isfile(rel):
        return rel
    sym = gdb.lookup_global_symbol("sim_trace_event")
    if sym is None or sym.symtab is None:
        return None
    root = _os.path.dirname(sym.symtab.fullname())
    while root != _os.path.dirname(root):	# up to the repository's root
        path = _os.path.join(root, rel)
        if _os.path.isfile(path):
            return path
        root = _os.path.dirname(root)
    return None

_shmsim_py = _shmsim_find_py()
if _shmsim_py is None:
    raise gdb.GdbError("shmsim.gdb: tools/gdb/shmsim.py not found; run gdb "
                       "from the shmsim repository, or load the program "
                       "first (gdb --args ./build/shmsim ...)")
gdb.execute("source " + _shmsim_py)
del _shmsim_find_py, _shmsim_py
end
