# SPDX-License-Identifier: GPL-2.0-only
#
# Run by tests/dot/tests.cmake: cmake -DSHMSIM=... -DOUT=dir -P this.
# The runner's side of the picture: `dot FILE` writes FILE relative to the
# current directory; an unwritable FILE is a run-time error at FILE's
# column with exit 2; --dot-dir without a directory, on a plain file, or
# with two scripts is a command-line error, exit 2. No file is replaced
# that is not a picture of shmsim's (unless --force), never a script of the
# run, never through a symbolic link; a refused file keeps its bytes.
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
check(2 "^shmsim: option '--dot-dir' needs an argument\n" ok.scn --dot-dir)
check(2 "^shmsim: --dot-dir needs a directory, not the option '-q'" --dot-dir -q ok.scn)
if(EXISTS ${OUT}/-q)
  message(FATAL_ERROR "--dot-dir -q made a directory named -q")
endif()
check(2 "^shmsim: --dot-dir takes one script" --dot-dir d ok.scn ok.scn)
check(0 "^$" --dot-dir=deep/er ok.scn)
if(NOT EXISTS ${OUT}/deep/er/0003.dot)
  message(FATAL_ERROR "--dot-dir=deep/er did not make deep/er/0003.dot")
endif()

# what a picture may not replace: the script, a file of the user's, a link
file(WRITE ${OUT}/self.scn "task A\ndot self.scn\n")
check(2 "^self.scn:2:5: dot: cannot write self.scn: is a script of this run\n$"
  self.scn)
check(2 "is a script of this run" --force self.scn)
file(READ ${OUT}/self.scn text)
if(NOT text STREQUAL "task A\ndot self.scn\n")
  message(FATAL_ERROR "dot overwrote its own script: ${text}")
endif()
file(WRITE ${OUT}/notes.txt "my notes\n")
file(WRITE ${OUT}/mine.scn "task A\ndot notes.txt\n")
check(2 "^mine.scn:2:5: dot: cannot write notes.txt: exists and was not written by shmsim; --force replaces it\n$"
  mine.scn)
file(READ ${OUT}/notes.txt text)
if(NOT text STREQUAL "my notes\n")
  message(FATAL_ERROR "dot overwrote notes.txt: ${text}")
endif()
check(0 "^$" --force mine.scn)
file(READ ${OUT}/notes.txt text)
if(NOT text MATCHES "^// mine.scn:2: dot notes.txt\ndigraph shmsim {\n")
  message(FATAL_ERROR "--force did not write the picture: ${text}")
endif()
file(CREATE_LINK ${OUT}/notes.txt ${OUT}/link.dot SYMBOLIC)
file(WRITE ${OUT}/link.scn "task A\ndot link.dot\n")
check(2 "^link.scn:2:5: dot: cannot write link.dot: is a symbolic link; name the file itself\n$"
  --force link.scn)
# a picture of ours is replaced, whole: no temporary file is left beside it
check(0 "^$" ok.scn)
check(0 "^$" ok.scn)
file(GLOB left ${OUT}/pic.dot.*)
if(left)
  message(FATAL_ERROR "temporary files left: ${left}")
endif()
