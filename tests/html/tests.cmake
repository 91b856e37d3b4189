# SPDX-License-Identifier: GPL-2.0-only
#
# tests/html/: `shmsim --html` (docs/html.md). html/size weighs the page of
# the biggest shipped scenario, in every build. html/browser and
# html/browser-compare open pages in headless Chromium and step through
# them (tests/html/browser_test.py); they run in the Debug build only
# (the browser is slow to start, and one build is enough for the page's
# script) and skip (77) only where chromium is not installed. Their
# screenshots stay in the build tree: tests/html/*.png.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_FOUND)
  message(FATAL_ERROR "python3 not found: apt-get install python3")
endif()
set(SHMSIM_HTML_TESTS ${CMAKE_CURRENT_LIST_DIR})
set(SHMSIM_HTML_OUT ${CMAKE_CURRENT_BINARY_DIR}/html)
add_test(NAME html/size COMMAND ${Python3_EXECUTABLE}
  ${SHMSIM_HTML_TESTS}/size_test.py $<TARGET_FILE:shmsim>
  ${CMAKE_SOURCE_DIR}/scenarios ${SHMSIM_HTML_OUT} 24)
set_tests_properties(html/size PROPERTIES TIMEOUT 300 ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${SHMSIM_HTML_TESTS}/lsan-graphviz.supp")
if(CMAKE_BUILD_TYPE STREQUAL "Debug" AND NOT SHMSIM_SANITIZE)
  add_test(NAME html/browser COMMAND ${Python3_EXECUTABLE}
    ${SHMSIM_HTML_TESTS}/browser_test.py $<TARGET_FILE:shmsim>
    ${CMAKE_SOURCE_DIR}/scenarios/03-first-touch.scn ${SHMSIM_HTML_OUT})
  add_test(NAME html/browser-compare COMMAND ${Python3_EXECUTABLE}
    ${SHMSIM_HTML_TESTS}/browser_test.py $<TARGET_FILE:shmsim>
    ${CMAKE_SOURCE_DIR}/scenarios/14-two-kernels.scn ${SHMSIM_HTML_OUT}
    --compare)
  set_tests_properties(html/browser html/browser-compare PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 180)
endif()
