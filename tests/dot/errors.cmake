# SPDX-License-Identifier: GPL-2.0-only
#
# Run by tests/dot/tests.cmake: cmake -DSHMSIM=... -DOUT=dir -P this.
# The runner's side of the picture: `dot FILE` writes FILE relative to the
# current directory; an unwritable FILE is a run-time error at FILE's
# column with exit 2; --dot-dir without a directory, on a plain file, or
# with two scripts is a command-line error, exit 2.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})

# check(expected-rc stderr-regex arg...): run shmsim in OUT
function(check want_rc want_err)
  execute_process(COMMAND ${SHMSIM} -q ${ARGN} WORKING_DIRECTORY ${OUT}
    OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL want_rc OR NOT err MATCHES "${want_err}")
    message(FATAL_ERROR "shmsim ${ARGN}: exit ${rc}, stderr: ${err}\n"
      "expected exit ${want_rc} and stderr matching: ${want_err}")
  endif()
endfunction()

file(WRITE ${OUT}/ok.scn "task A\nA: shmget 0x4d2 100 IPC_CREAT|0600\n"
  "dot pic.dot\n")
check(0 "^$" ok.scn)
file(READ ${OUT}/pic.dot text)
if(NOT text MATCHES "^// ok.scn:3: dot pic.dot\ndigraph shmsim {\n.*\tshm0 \\[")
  message(FATAL_ERROR "pic.dot is not the picture: ${text}")
endif()

file(WRITE ${OUT}/bad.scn "task A\n  dot   /nonexistent-dir/x.dot\ntask B\n")
check(2 "^bad.scn:2:9: dot: cannot write /nonexistent-dir/x.dot: No such file or directory\n$"
  bad.scn)

file(WRITE ${OUT}/plain "")
check(2 "^shmsim: --dot-dir plain: Not a directory\n$" --dot-dir plain ok.scn)
check(2 "^shmsim: --dot-dir needs a directory\n" ok.scn --dot-dir)
check(2 "^shmsim: --dot-dir takes one script" --dot-dir d ok.scn ok.scn)
check(0 "^$" --dot-dir=deep/er ok.scn)
if(NOT EXISTS ${OUT}/deep/er/0003.dot)
  message(FATAL_ERROR "--dot-dir=deep/er did not make deep/er/0003.dot")
endif()
