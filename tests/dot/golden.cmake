# SPDX-License-Identifier: GPL-2.0-only
#
# Run by tests/dot/tests.cmake, from the source tree: cmake -DSHMSIM=...
#   -DSCENARIO=scenarios/x.scn -DSTATEMENT=N -DGOLDEN=tests/dot/x.dot
#   -DDOT=/usr/bin/dot (empty or NOTFOUND: do not render) -DOUT=dir
#   [-DKERNEL=2.6] [-DWITH=shm] -P this.
# The picture shmsim --dot-dir draws after the script's N-th statement must
# be the golden file's bytes, and Graphviz's dot must read it (-Tsvg, exit
# 0, nothing on stderr). To accept a new picture after looking at it:
# SHMSIM_UPDATE_GOLDEN=1 ctest -R dot/golden.
file(REMOVE_RECURSE ${OUT})
set(args)
if(KERNEL)
  list(APPEND args --kernel ${KERNEL})
endif()
if(WITH)
  list(APPEND args --dot-with ${WITH})
endif()
execute_process(COMMAND ${SHMSIM} -q ${args} --dot-dir ${OUT} ${SCENARIO}
  OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "shmsim --dot-dir exited ${rc}: ${err}")
endif()
string(LENGTH "${STATEMENT}" len)
math(EXPR pad "4 - ${len}")
string(REPEAT "0" ${pad} zeros)
set(pic ${OUT}/${zeros}${STATEMENT}.dot)
if(NOT EXISTS ${pic})
  message(FATAL_ERROR "no picture ${pic}")
endif()
file(READ ${pic} actual)
if(DEFINED ENV{SHMSIM_UPDATE_GOLDEN})
  file(WRITE ${GOLDEN} "${actual}")
  message(STATUS "updated ${GOLDEN}")
elseif(NOT EXISTS ${GOLDEN})
  message(FATAL_ERROR "no golden file ${GOLDEN}; look at the picture and "
    "create it with SHMSIM_UPDATE_GOLDEN=1 ctest -R dot/golden")
else()
  file(READ ${GOLDEN} expected)
  if(NOT actual STREQUAL expected)
    execute_process(COMMAND diff -u ${GOLDEN} ${pic})
    message(FATAL_ERROR "${pic} differs from ${GOLDEN}")
  endif()
endif()
if(DOT)
  execute_process(COMMAND ${DOT} -Tsvg ${pic} -o ${OUT}/picture.svg
    ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "dot -Tsvg ${pic} exited ${rc}: ${err}")
  endif()
else()
  message("SKIPPED: graphviz's dot not found; the picture is the golden "
    "one, not rendered")
endif()
