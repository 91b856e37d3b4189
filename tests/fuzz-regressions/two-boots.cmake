# SPDX-License-Identifier: GPL-2.0-only
#
# Run one script twice in one shmsim process (two boots) and require both
# runs to print the same: state a run leaves behind (a static never reset
# at shutdown) shows up as a difference. fuzz_script checks the same for
# every input, but its inputs stay under 64 KiB; this one needs more: the
# 8193 anonymous shared mappings that fill 2.4.16's file table (NR_FILE),
# whose "VFS: file-max limit" warning get_empty_filp gives once per boot.
#   cmake -DSHMSIM=path/to/shmsim -DWORK=dir -P two-boots.cmake
set(script ${WORK}/file-max.scn)
set(text "task A\n")
foreach(i RANGE 8193)
  string(APPEND text "A: mmap 0 4096 PROT_READ MAP_SHARED|MAP_ANONYMOUS\n")
endforeach()
file(WRITE ${script} "${text}")
execute_process(COMMAND ${SHMSIM} --trace ${script} ${script}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "shmsim exited ${rc}: ${err}")
endif()
string(REGEX MATCHALL "VFS: file-max limit 8192 reached" warnings "${out}")
list(LENGTH warnings n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "the file-max warning came ${n} times in two boots, "
    "not once in each")
endif()
# the event numbers and results of both runs must match, line for line;
# each starts with the trace comment of its `task A` line
set(start " |  /* task A: pid 100")
string(FIND "${out}" "${start}" first)
string(FIND "${out}" "${start}" second REVERSE)
math(EXPR len "${second} - ${first}")
string(SUBSTRING "${out}" ${first} ${len} run1)
string(SUBSTRING "${out}" ${second} -1 run2)
# the first run ends before the blank line and "==> FILE <==" line that
# open the second script's output
string(FIND "${run1}" "\n==> " sep REVERSE)
if(sep GREATER -1)
  string(SUBSTRING "${run1}" 0 ${sep} run1)
endif()
if(NOT run1 STREQUAL run2)
  message(FATAL_ERROR "the second boot printed something else")
endif()
