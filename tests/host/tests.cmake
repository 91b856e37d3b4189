# SPDX-License-Identifier: GPL-2.0-only
#
# tests/host/tests.cmake - what shmsim does to the host's files: the swap
# file (--swap-file, the temporary one), the output (tests/host/*.sh).
add_test(NAME host/files
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/host-files.sh $<TARGET_FILE:shmsim>)
