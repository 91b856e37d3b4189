# SPDX-License-Identifier: GPL-2.0-only
#
# Run shmsim with ARGS (a ;-list) in this folder, optionally feeding STDIN
# (a file) to it, and compare "# exit N", stdout and stderr with GOLDEN.
# SHMSIM_UPDATE_GOLDEN=1 rewrites GOLDEN, as for the scenarios.
# --compare's width comes from COLUMNS: the goldens are at its default
unset(ENV{COLUMNS})
if(DEFINED STDIN)
  execute_process(COMMAND ${SHMSIM} ${ARGS} WORKING_DIRECTORY ${DIR}
    INPUT_FILE ${STDIN}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
else()
  execute_process(COMMAND ${SHMSIM} ${ARGS} WORKING_DIRECTORY ${DIR}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
endif()
set(actual "# exit ${rc}\n${out}${err}")
if(DEFINED ENV{SHMSIM_UPDATE_GOLDEN})
  file(WRITE ${GOLDEN} "${actual}")
  return()
endif()
file(READ ${GOLDEN} expected)
if(NOT actual STREQUAL expected)
  get_filename_component(name ${GOLDEN} NAME)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${name}.actual "${actual}")
  execute_process(COMMAND diff -u ${GOLDEN}
    ${CMAKE_CURRENT_BINARY_DIR}/${name}.actual)
  message(FATAL_ERROR "shmsim ${ARGS}: output differs from ${GOLDEN}")
endif()
