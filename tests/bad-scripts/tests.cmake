# SPDX-License-Identifier: GPL-2.0-only
#
# tests/bad-scripts/: broken scripts, each with the exact error it must get
# (and its exit status) in <name>.expected, compared as scenarios are.
# kernel26-*.scn are refused by the 2.6.32 kernel's program: they run with
# --kernel 2.6 --keep-going --check against <name>.2.6.expected.
file(GLOB SHMSIM_BAD_SCRIPTS CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/*.scn)
foreach(scn ${SHMSIM_BAD_SCRIPTS})
  get_filename_component(name ${scn} NAME_WE)
  set(kernel)
  if(name MATCHES "^kernel26-")
    set(kernel -DKERNEL=2.6)
  endif()
  add_test(NAME bad-script/${name}
    COMMAND ${CMAKE_COMMAND}
      -DSHMSIM=$<TARGET_FILE:shmsim> -DSCENARIO=${scn} ${kernel}
      -P ${CMAKE_CURRENT_LIST_DIR}/../run_scenario.cmake)
endforeach()
