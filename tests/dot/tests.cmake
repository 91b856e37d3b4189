# SPDX-License-Identifier: GPL-2.0-only
#
# tests/dot: the picture (sim/dot/) through the shmsim program.
#   dot/02-writer-reader, dot/03-first-touch: `shmsim --dot-dir` writes one
#     .dot per statement, twice, and the two runs must be the same bytes;
#     then Graphviz's dot renders every picture to PNG, with nothing on
#     stderr. Without graphviz (tools/bootstrap installs it) the rendering
#     is left out and the test reports itself skipped.
#   dot/07-rbtree-shm: the same, --dot-with shm,rbtree, on a script that
#     splits and merges vmas.
#   dot/errors: `dot FILE` on an unwritable path and the --dot-dir misuses
#     exit 2 with their messages; `dot FILE` is relative to the current
#     directory.
# Included by tests/CMakeLists.txt.
find_program(SHMSIM_GRAPHVIZ_DOT dot)
if(NOT SHMSIM_GRAPHVIZ_DOT)
  message(STATUS "graphviz's dot not found: tests dot/* will check the "
    ".dot files but skip rendering them (apt-get install graphviz)")
endif()

foreach(name 02-writer-reader 03-first-touch)
  add_test(NAME dot/${name}
    COMMAND ${CMAKE_COMMAND}
      -DSHMSIM=$<TARGET_FILE:shmsim>
      -DSCENARIO=${CMAKE_SOURCE_DIR}/scenarios/${name}.scn
      -DDOT=${SHMSIM_GRAPHVIZ_DOT}
      -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/${name}
      -P ${CMAKE_CURRENT_LIST_DIR}/render.cmake)
  set_tests_properties(dot/${name} PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIPPED: graphviz")
endforeach()

# scenario 07 splits and merges vmas: every picture with the rb-tree and
# the shm path only
add_test(NAME dot/07-rbtree-shm
  COMMAND ${CMAKE_COMMAND}
    -DSHMSIM=$<TARGET_FILE:shmsim>
    -DSCENARIO=${CMAKE_SOURCE_DIR}/scenarios/07-munmap-mprotect-splits.scn
    -DDOT=${SHMSIM_GRAPHVIZ_DOT}
    -DWITH=shm,rbtree
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/07-rbtree-shm
    -P ${CMAKE_CURRENT_LIST_DIR}/render.cmake)
set_tests_properties(dot/07-rbtree-shm PROPERTIES
  SKIP_REGULAR_EXPRESSION "SKIPPED: graphviz")

add_test(NAME dot/errors
  COMMAND ${CMAKE_COMMAND}
    -DSHMSIM=$<TARGET_FILE:shmsim>
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/errors
    -P ${CMAKE_CURRENT_LIST_DIR}/errors.cmake)
