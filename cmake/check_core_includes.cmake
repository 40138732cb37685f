# Fails when a source file under DIR includes a GUI or GL header (ImGui, GLFW, glad, GL, EGL).
# Run as: cmake -DDIR=<folder> -P check_core_includes.cmake
file(GLOB_RECURSE sources "${DIR}/*.h" "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.cc")
set(bad "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](imgui|backends/imgui|GLFW/|glad/|GL/|GLES|EGL/)")
  foreach(line IN LISTS lines)
    list(APPEND bad "${source}: ${line}")
  endforeach()
endforeach()
if(bad)
  list(JOIN bad "\n  " report)
  message(FATAL_ERROR "core/ must not include GUI or GL headers (journeyboard_core links only cereal):\n  ${report}")
endif()
