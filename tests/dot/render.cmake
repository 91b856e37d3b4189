# SPDX-License-Identifier: GPL-2.0-only
#
# Run by tests/dot/tests.cmake: cmake -DSHMSIM=... -DSCENARIO=x.scn
#   -DDOT=/usr/bin/dot (empty or NOTFOUND: do not render) -DOUT=dir
#   [-DWITH=shm,rbtree: --dot-with's list] [-DKERNEL=2.6] -P this.
# 1. shmsim --dot-dir OUT/run1 and OUT/run2: exit 0, one NNNN.dot per
#    statement of the script, each opening with "// FILE:LINE: statement",
#    and both runs the same bytes.
# 2. dot -Tpng renders each to OUT/run1/NNNN.png, exit 0, stderr empty.
file(REMOVE_RECURSE ${OUT})
set(with)
if(WITH)
  set(with --dot-with ${WITH})
endif()
if(KERNEL)
  list(APPEND with --kernel ${KERNEL})
endif()
foreach(run run1 run2)
  execute_process(COMMAND ${SHMSIM} -q ${with} --dot-dir ${OUT}/${run}
      ${SCENARIO}
    OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "shmsim --dot-dir exited ${rc}: ${err}")
  endif()
endforeach()

# Every statement of the script (a line that is not blank or a comment)
file(STRINGS ${SCENARIO} lines)
set(nstmts 0)
foreach(line IN LISTS lines)
  if(line MATCHES "^[ \t]*[^# \t]")
    math(EXPR nstmts "${nstmts} + 1")
  endif()
endforeach()
file(GLOB pictures ${OUT}/run1/*.dot)
list(LENGTH pictures npictures)
if(NOT npictures EQUAL nstmts)
  message(FATAL_ERROR "${npictures} pictures for ${nstmts} statements")
endif()

foreach(n RANGE 1 ${nstmts})
  string(LENGTH "${n}" len)
  math(EXPR pad "4 - ${len}")
  string(REPEAT "0" ${pad} zeros)
  set(pic ${OUT}/run1/${zeros}${n}.dot)
  if(NOT EXISTS ${pic})
    message(FATAL_ERROR "no ${pic}")
  endif()
  file(READ ${pic} text)
  if(NOT text MATCHES "^// [^\n]+:[0-9]+: [^\n]+\ndigraph shmsim {\n")
    message(FATAL_ERROR "${pic} does not open with the statement and "
      "the digraph")
  endif()
  if(WITH AND NOT text MATCHES "The shm path only.*rb-tree of vmas")
    message(FATAL_ERROR "${pic} is not drawn --dot-with ${WITH}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
    ${pic} ${OUT}/run2/${zeros}${n}.dot RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "two runs drew different ${zeros}${n}.dot")
  endif()
  if(DOT)
    execute_process(COMMAND ${DOT} -Tpng ${pic} -o ${OUT}/run1/${zeros}${n}.png
      OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
      message(FATAL_ERROR "dot -Tpng ${pic} exited ${rc}: ${err}")
    endif()
    file(SIZE ${OUT}/run1/${zeros}${n}.png size)
    if(size LESS 1000)
      message(FATAL_ERROR "${zeros}${n}.png is only ${size} bytes")
    endif()
  endif()
endforeach()
if(NOT DOT)
  message("SKIPPED: graphviz's dot not found; ${nstmts} pictures checked, "
    "none rendered")
else()
  message("${nstmts} pictures rendered in ${OUT}/run1")
endif()
