# SPDX-License-Identifier: GPL-2.0-only
#
# tests/options/: the command line of shmsim, each case with its whole
# output and exit status in <case>.expected.
set(SHMSIM_OPT_DIR ${CMAKE_CURRENT_LIST_DIR})
function(shmsim_option_test name stdin)
  set(args ${ARGN})
  string(REPLACE ";" "\\;" args "${args}")
  set(cmd ${CMAKE_COMMAND} -DSHMSIM=$<TARGET_FILE:shmsim>
      -DDIR=${SHMSIM_OPT_DIR} -DGOLDEN=${SHMSIM_OPT_DIR}/${name}.expected
      "-DARGS=${args}")
  if(stdin)
    list(APPEND cmd -DSTDIN=${SHMSIM_OPT_DIR}/${stdin})
  endif()
  add_test(NAME option/${name}
    COMMAND ${cmd} -P ${SHMSIM_OPT_DIR}/run_option.cmake)
endfunction()

shmsim_option_test(stops-at-first-failure "" -q two-failures.scn)
shmsim_option_test(keep-going "" -q --keep-going two-failures.scn)
shmsim_option_test(no-trace "" --no-trace two-failures.scn)
shmsim_option_test(stdin "two-failures.scn" -q -)
shmsim_option_test(two-scripts "" -q --keep-going two-failures.scn
  ../../scenarios/06-ids-and-limits.scn)
shmsim_option_test(no-script "")
shmsim_option_test(unknown-option "" --frob two-failures.scn)
shmsim_option_test(missing-file "" -q no-such-file.scn)
shmsim_option_test(help "" --help)
shmsim_option_test(dot-with-bad-word "" -q --dot-with shm,frob
  two-failures.scn)
shmsim_option_test(kernel-bad-value "" -q --kernel 2.5 two-failures.scn)
# --compare: one script on both kernels, side by side (cli/compare.c)
shmsim_option_test(compare-writer-reader "" --compare --no-trace
  ../../scenarios/02-writer-reader.scn)
shmsim_option_test(compare-trace "" --compare compare-shmat.scn)
shmsim_option_test(compare-stdin "two-failures.scn" --compare -q -)
shmsim_option_test(compare-with-kernel "" --compare --kernel 2.6
  two-failures.scn)
shmsim_option_test(compare-two-scripts "" --compare two-failures.scn
  compare-shmat.scn)
# --html: the page of one script (tests/html/ open pages in a browser)
shmsim_option_test(html-with-dot-dir "" --html x.html --dot-dir d
  two-failures.scn)
shmsim_option_test(html-two-scripts "" --html x.html two-failures.scn
  compare-shmat.scn)

# -i: the prompt. Read from a file (no terminal): each line as typed, the
# meta-commands, an error that changes nothing; through a pseudo-terminal:
# Tab completion, :back, :save and Ctrl-D (tests/cli/interactive_pty.c).
shmsim_option_test(interactive-stdin "interactive.in" -i --no-trace)
add_executable(interactive_pty ${CMAKE_CURRENT_LIST_DIR}/../cli/interactive_pty.c)
target_link_libraries(interactive_pty PRIVATE util)
add_test(NAME option/interactive-pty
  COMMAND interactive_pty $<TARGET_FILE:shmsim> ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(option/interactive-pty PROPERTIES SKIP_RETURN_CODE 77
  TIMEOUT 60 ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/../cli/lsan-libedit.supp")
