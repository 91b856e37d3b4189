# SPDX-License-Identifier: GPL-2.0-only
#
# tests/docs: the docs show real output.
#   docs/outputs   tests/docs/check-docs re-runs every command of every
#                  ```console block in docs/*.md and README.md, from the
#                  source tree, with this build's shmsim standing in for
#                  ./build/shmsim, and fails with a unified diff (doc file
#                  and line) when an output differs from the one shown.
#                  After reviewing a change: tools/update-docs.
#   docs/pictures  tools/make-pictures --check: every docs/pictures/*.dot
#                  is what this build's shmsim draws today (the PNGs are
#                  not compared: they depend on Graphviz's version).
# Included by tests/CMakeLists.txt.
add_test(NAME docs/outputs
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/check-docs
    --shmsim $<TARGET_FILE:shmsim>
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(docs/outputs PROPERTIES TIMEOUT 300)

add_test(NAME docs/pictures
  COMMAND ${CMAKE_COMMAND} -E env SHMSIM=$<TARGET_FILE:shmsim>
    ${CMAKE_SOURCE_DIR}/tools/make-pictures --check
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
