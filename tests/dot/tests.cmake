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
#   dot/02-writer-reader-2.6, dot/15-per-attach-files-2.6, and
#     dot/15-rbtree-shm-2.6 (--dot-with shm,rbtree): the same on the 2.6.32
#     kernel (sim/2.6/dot/), whose pictures draw a file per attach.
#   dot/golden-15-per-attach-files-2.6: the 2.6.32 picture after
#     scenario 15's first write (two attaches, one page) is
#     tests/dot/15-per-attach-files.2.6.dot, byte for byte, and dot -Tsvg
#     reads it (golden.cmake).
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

# the 2.6.32 kernel: every picture of two scenarios, and one with the
# rb-tree and the shm path only
foreach(name 02-writer-reader 15-per-attach-files)
  add_test(NAME dot/${name}-2.6
    COMMAND ${CMAKE_COMMAND}
      -DSHMSIM=$<TARGET_FILE:shmsim>
      -DSCENARIO=${CMAKE_SOURCE_DIR}/scenarios/${name}.scn
      -DDOT=${SHMSIM_GRAPHVIZ_DOT}
      -DKERNEL=2.6
      -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/${name}-2.6
      -P ${CMAKE_CURRENT_LIST_DIR}/render.cmake)
  set_tests_properties(dot/${name}-2.6 PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIPPED: graphviz")
endforeach()
add_test(NAME dot/15-rbtree-shm-2.6
  COMMAND ${CMAKE_COMMAND}
    -DSHMSIM=$<TARGET_FILE:shmsim>
    -DSCENARIO=${CMAKE_SOURCE_DIR}/scenarios/15-per-attach-files.scn
    -DDOT=${SHMSIM_GRAPHVIZ_DOT}
    -DWITH=shm,rbtree
    -DKERNEL=2.6
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/15-rbtree-shm-2.6
    -P ${CMAKE_CURRENT_LIST_DIR}/render.cmake)
set_tests_properties(dot/15-rbtree-shm-2.6 PROPERTIES
  SKIP_REGULAR_EXPRESSION "SKIPPED: graphviz")

# statement 7 of scenario 15: A: write $a "shared", after two attaches
add_test(NAME dot/golden-15-per-attach-files-2.6
  COMMAND ${CMAKE_COMMAND}
    -DSHMSIM=$<TARGET_FILE:shmsim>
    -DSCENARIO=scenarios/15-per-attach-files.scn
    -DSTATEMENT=7
    -DGOLDEN=${CMAKE_CURRENT_LIST_DIR}/15-per-attach-files.2.6.dot
    -DDOT=${SHMSIM_GRAPHVIZ_DOT}
    -DKERNEL=2.6
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/golden-15-per-attach-files-2.6
    -P ${CMAKE_CURRENT_LIST_DIR}/golden.cmake
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(dot/golden-15-per-attach-files-2.6 PROPERTIES
  SKIP_REGULAR_EXPRESSION "SKIPPED: graphviz")

add_test(NAME dot/errors
  COMMAND ${CMAKE_COMMAND}
    -DSHMSIM=$<TARGET_FILE:shmsim>
    -DOUT=${CMAKE_CURRENT_BINARY_DIR}/dot/errors
    -P ${CMAKE_CURRENT_LIST_DIR}/errors.cmake)
