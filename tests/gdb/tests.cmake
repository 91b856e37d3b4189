# SPDX-License-Identifier: GPL-2.0-only
#
# tests/gdb/tests.cmake - the gdb tests, driven by tests/gdb/run-gdb-test
# (included by tests/CMakeLists.txt). Each is skipped (exit 77) when gdb,
# its Python, or ptrace is missing, and in the optimised builds (they test
# the -O0 learning build); tools/bootstrap installs gdb.
#   gdb/writer-reader                  a session on 02-writer-reader: the
#                                      backtraces at shmem_file_setup and
#                                      shmem_nopage, the pretty-printers,
#                                      the shm-* views, nattch changing
#   gdb/writer-reader-2.6              the same on shmsim-2.6: newseg,
#                                      do_shmat and shm_fault each at one
#                                      place, the attach's file and its
#                                      shm_file_data, the teardown
#   gdb/traced-functions-not-inlined-2.6,
#   gdb/stack-matches-trace-2.6 and
#   gdb/event-numbers-unprinted-2.6    the same on shmsim-2.6
#   gdb/traced-functions-not-inlined   every function the trace names is a
#                                      function symbol `break` can stop in
#   gdb/stack-matches-trace            at every traced call of every shipped
#                                      scenario, bt nests as the trace does
#   gdb/event-numbers-unprinted        every `break sim_trace_event` stop
#                                      (number, kind, function) is the
#                                      same with --no-trace
#   gdb/source-outside-repo            tools/gdb/shmsim.gdb loads from
#                                      another directory
set(SHMSIM_GDB_DRIVER ${CMAKE_CURRENT_LIST_DIR}/run-gdb-test)

add_test(NAME gdb/writer-reader
  COMMAND ${SHMSIM_GDB_DRIVER} session writer-reader
    scenarios/02-writer-reader.scn $<TARGET_FILE:shmsim> ${CMAKE_SOURCE_DIR})
add_test(NAME gdb/writer-reader-2.6
  COMMAND ${SHMSIM_GDB_DRIVER} session writer-reader-2.6
    scenarios/02-writer-reader.scn $<TARGET_FILE:shmsim-2.6>
    ${CMAKE_SOURCE_DIR})
foreach(mode traced-functions-not-inlined stack-matches-trace
    event-numbers-unprinted source-outside-repo)
  add_test(NAME gdb/${mode}
    COMMAND ${SHMSIM_GDB_DRIVER} ${mode} $<TARGET_FILE:shmsim>
      ${CMAKE_SOURCE_DIR})
endforeach()
# ... and the same checks on shmsim-2.6, over the scenarios it runs
foreach(mode traced-functions-not-inlined stack-matches-trace
    event-numbers-unprinted)
  add_test(NAME gdb/${mode}-2.6
    COMMAND ${SHMSIM_GDB_DRIVER} ${mode} $<TARGET_FILE:shmsim-2.6>
      ${CMAKE_SOURCE_DIR})
endforeach()
set_tests_properties(gdb/writer-reader gdb/writer-reader-2.6
  gdb/traced-functions-not-inlined-2.6 gdb/stack-matches-trace-2.6
  gdb/event-numbers-unprinted-2.6
  gdb/traced-functions-not-inlined
  gdb/stack-matches-trace gdb/event-numbers-unprinted gdb/source-outside-repo
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  ENVIRONMENT "SHMSIM_BUILD_TYPE=${CMAKE_BUILD_TYPE}")
