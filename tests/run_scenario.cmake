# SPDX-License-Identifier: GPL-2.0-only
#
# Run one scenario and compare its whole output (stdout, then stderr) and
# exit status with the reviewed golden file beside it:
#   scenarios/NN-what.scn  ->  scenarios/NN-what.expected
# The golden file's first line is "# exit N"; the rest is the output.
# Scenarios run with --check, so every invariant holds after every step.
# To accept a new output after reviewing it: SHMSIM_UPDATE_GOLDEN=1 ctest.
# Run from the script's folder, so messages name it the same everywhere.
# With -DKERNEL=2.6 the same script runs on the 2.6.32 kernel instead
# (shmsim hands it to shmsim-2.6), with --keep-going so that every
# difference from 2.4.16 shows, against NN-what.2.6.expected, and with
# --check too (its invariants: docs/invariants.md, "Linux 2.6.32"); the
# goldens were written without it, so --check must change nothing.
get_filename_component(dir ${SCENARIO} DIRECTORY)
get_filename_component(file ${SCENARIO} NAME)
if(DEFINED KERNEL)
  set(args --kernel ${KERNEL} --keep-going --check)
  set(suffix ".${KERNEL}.expected")
else()
  set(args --check)
  set(suffix ".expected")
endif()
execute_process(
  COMMAND ${SHMSIM} ${args} ${file}
  WORKING_DIRECTORY ${dir}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX REPLACE "\\.scn$" "${suffix}" golden ${SCENARIO})
set(actual "# exit ${rc}\n${out}${err}")
if(DEFINED ENV{SHMSIM_UPDATE_GOLDEN})
  file(WRITE ${golden} "${actual}")
  message(STATUS "updated ${golden}")
  return()
endif()
if(NOT EXISTS ${golden})
  message(FATAL_ERROR "no golden file ${golden}; review the output and "
    "create it with SHMSIM_UPDATE_GOLDEN=1 ctest -R scenario/")
endif()
file(READ ${golden} expected)
if(NOT actual STREQUAL expected)
  string(REGEX REPLACE "\\.expected$" ".actual" actual_file ${golden})
  get_filename_component(name ${actual_file} NAME)
  set(actual_file ${CMAKE_CURRENT_BINARY_DIR}/${name})
  file(WRITE ${actual_file} "${actual}")
  execute_process(COMMAND diff -u ${golden} ${actual_file})
  message(FATAL_ERROR "${SCENARIO}: output differs from ${golden}")
endif()
