# SPDX-License-Identifier: GPL-2.0-only
#
# tests/fuzz-regressions/<target>/<name>: every input a fuzz target
# (fuzz/, docs/fuzzing.md) found to crash, hang, leak or break an
# invariant, kept after the fix. ctest replays each through the same
# harness, built without libFuzzer (fuzz/replay.c): fuzz_replay_script for
# script/, fuzz_replay_ops for ops/, fuzz_replay_ops26 (the 2.6.32 kernel
# and model) for ops26/, which also holds seeds that reach every op. The
# harness aborts on a bug; a hang hits the timeout.
foreach(target script ops ops26)
  file(GLOB inputs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/${target}/*)
  foreach(input ${inputs})
    get_filename_component(name ${input} NAME)
    add_test(NAME fuzz-regression/${target}/${name}
      COMMAND $<TARGET_FILE:fuzz_replay_${target}> ${input})
    set_tests_properties(fuzz-regression/${target}/${name}
      PROPERTIES TIMEOUT 60)
  endforeach()
endforeach()

# A script too long for fuzz_script's 64 KiB: twice in one process.
add_test(NAME fuzz-regression/two-boots/file-max
  COMMAND ${CMAKE_COMMAND} -DSHMSIM=$<TARGET_FILE:shmsim>
    -DWORK=${CMAKE_CURRENT_BINARY_DIR}
    -P ${CMAKE_CURRENT_LIST_DIR}/two-boots.cmake)
