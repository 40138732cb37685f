# Proves that CTest runs every doctest case exactly once: each case name is registered as one
# CTest entry. A name holding ';' is split by CMake into two entries whose filters match nothing
# (doctest then reports "test cases: 0 ... SUCCESS"), so such a name fails here by name.
# Run as: cmake -DEXE=<unit test binary> -DBUILD_DIR=<build folder> -P check_unit_registration.cmake
execute_process(COMMAND "${EXE}" --list-test-cases --no-version=true
  OUTPUT_VARIABLE listed RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "could not list the test cases of ${EXE} (exit ${status})")
endif()
# One name a line; doctest frames the list with "===" and "[doctest] ..." lines. Semicolons are
# escaped first so that CMake's list splitting cannot hide them.
string(REPLACE ";" "<SEMICOLON>" listed "${listed}")
string(REPLACE "\n" ";" lines "${listed}")
set(cases 0)
set(bad "")
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^=+$" OR line MATCHES "^\\[doctest\\]")
    continue()
  endif()
  math(EXPR cases "${cases} + 1")
  if(line MATCHES "<SEMICOLON>")
    string(APPEND bad "\n  ${line}")
  endif()
endforeach()
if(bad)
  string(REPLACE "<SEMICOLON>" "\\;" bad "${bad}")
  message(FATAL_ERROR "doctest names must not hold a semicolon (CMake splits them and the case never runs):${bad}")
endif()

execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${BUILD_DIR}" -N -R "^unit:"
  OUTPUT_VARIABLE registered RESULT_VARIABLE status)
string(REGEX MATCH "Total Tests: ([0-9]+)" found "${registered}")
if(NOT status EQUAL 0 OR NOT found)
  message(FATAL_ERROR "could not list the registered CTest tests in ${BUILD_DIR}")
endif()
if(NOT CMAKE_MATCH_1 EQUAL cases)
  message(FATAL_ERROR "${cases} doctest cases but ${CMAKE_MATCH_1} CTest 'unit:' entries: every case must be one entry")
endif()
message(STATUS "all ${cases} doctest cases are registered, one CTest entry each")
