# Fails when a source file includes across an arrow the layering forbids (README "How the code is
# laid out"), or when a core file names a GUI or GL header at all.
# Run as:
#   cmake -DROOT=<project> -P check_layer_includes.cmake
#       every file under core/, app/ and tests/ (but tests/fixtures/), each in the layer of its folder;
#   cmake -DDIR=<folder> [-DLAYER=<core/edit, app/views...; default core>] -P check_layer_includes.cmake
#       every file under DIR as if it were in LAYER (how the fixtures under tests/fixtures/ are checked).
#
# A file's layer is its folder: core/<x>/ and app/<x>/ are the layers; core/ and app/ themselves
# are "core" and "app" (app.h, app.cpp and main.cpp compose everything).

# The table. A rule: the layers it applies to (a regex on the layer), what they must not include
# (a regex on the included name, quotes or brackets included), and the sentence that says why.
set(q "[<\"]")
set(rules gui core_app
          model_edit model_layout model_io model_session model_insights
          edit_layout edit_io edit_session edit_insights
          layout_edit layout_io layout_session layout_insights
          io_edit io_session
          insights_edit insights_io insights_session
          room_layout room_io room_session room_insights below_room
          platform_render platform_tools platform_views platform_cli
          render_tools render_views render_cli
          tools_views tools_cli
          views_cli
          app_h cereal_json)
set(gui_layers "^core")
set(gui_include "${q}(imgui|backends/imgui|GLFW/|glad/|GL/|GLES|EGL/)")
set(gui_message "core/ must not include GUI or GL headers (core is plain C++17 + cereal; the GUI is app/'s)")
set(core_app_layers "^core")
set(core_app_include "${q}app/")
set(core_app_message "core/ must not include app/ (the app uses core, never the other way)")
foreach(to edit layout io session insights)
  set(model_${to}_layers "^core/model$")
  set(model_${to}_include "${q}core/${to}/")
  set(model_${to}_message "core/model must not include core/${to}/ (the model uses no other layer)")
endforeach()
foreach(to layout io session insights)
  set(edit_${to}_layers "^core/edit$")
  set(edit_${to}_include "${q}core/${to}/")
  set(edit_${to}_message "core/edit must not include core/${to}/ (editing uses only core/model: no files, no layout)")
endforeach()
foreach(to edit io session insights)
  set(layout_${to}_layers "^core/layout$")
  set(layout_${to}_include "${q}core/${to}/")
  set(layout_${to}_message "core/layout must not include core/${to}/ (the layout uses only core/model)")
endforeach()
foreach(to edit session)
  set(io_${to}_layers "^core/io$")
  set(io_${to}_include "${q}core/${to}/")
  set(io_${to}_message "core/io must not include core/${to}/ (files use only core/model and core/layout)")
endforeach()
# core/insights reads a board and its layout; io and session may use it (a report), not it them.
foreach(to edit io session)
  set(insights_${to}_layers "^core/insights$")
  set(insights_${to}_include "${q}core/${to}/")
  set(insights_${to}_message "core/insights must not include core/${to}/ (the insights use only core/model and core/layout)")
endforeach()
# core/room (phones' notes) builds on the model and its edits; no other core layer uses it.
foreach(to layout io session insights)
  set(room_${to}_layers "^core/room$")
  set(room_${to}_include "${q}core/${to}/")
  set(room_${to}_message "core/room must not include core/${to}/ (the room uses only core/model and core/edit)")
endforeach()
set(below_room_layers "^core/(model|edit|layout|io|session|insights)$")
set(below_room_include "${q}core/room/")
set(below_room_message "only app/ may include core/room/ (no other core layer depends on the room)")
foreach(to render tools views cli)
  set(platform_${to}_layers "^app/platform$")
  set(platform_${to}_include "${q}app/${to}/")
  set(platform_${to}_message "app/platform must not include app/${to}/ (the platform uses only core)")
endforeach()
foreach(to tools views cli)
  set(render_${to}_layers "^app/render$")
  set(render_${to}_include "${q}app/${to}/")
  set(render_${to}_message "app/render must not include app/${to}/ (rendering uses only app/platform and core)")
endforeach()
# Tools see the canvas only through app/tools/tool.h's ToolContext and ToolHost: views use tools.
foreach(to views cli)
  set(tools_${to}_layers "^app/tools$")
  set(tools_${to}_include "${q}app/${to}/")
  set(tools_${to}_message "app/tools must not include app/${to}/ (tools use only app/render, app/platform and core)")
endforeach()
set(views_cli_layers "^app/views$")
set(views_cli_include "${q}app/cli/")
set(views_cli_message "app/views must not include app/cli/ (views use only app/render, app/platform and core)")
# app.h composes everything: only main.cpp (and app*.cpp, its own) and the benchmark may include it.
set(app_h_layers ".")
set(app_h_include "${q}app/app\\.h[\">]")
set(app_h_except "^(app/main\\.cpp|app/app(_[a-z_]+)?\\.cpp|tests/bench/)")
set(app_h_message "only app/main.cpp, app/app*.cpp and tests/bench may include app/app.h (it composes every layer)")

# cereal's JSON archive is specialised in core/io/cereal_json.h (its reader); a file that included the
# archive without it would give the program two definitions of cereal::JSONInputArchive.
set(cereal_json_layers ".")
set(cereal_json_include "${q}cereal/archives/json\\.hpp[\">]")
set(cereal_json_except "^core/io/cereal_json\\.h$")
set(cereal_json_message "cereal's JSON archive is included only through core/io/cereal_json.h (which specialises its reader)")

# The files, each with the path that names its layer.
set(files "")
if(DEFINED ROOT)
  foreach(top core app tests)
    file(GLOB_RECURSE found RELATIVE "${ROOT}" "${ROOT}/${top}/*.h" "${ROOT}/${top}/*.hpp" "${ROOT}/${top}/*.cpp"
         "${ROOT}/${top}/*.cc" "${ROOT}/${top}/*.c")
    foreach(rel IN LISTS found)
      if(NOT rel MATCHES "^tests/fixtures/")
        list(APPEND files "${ROOT}/${rel}|${rel}")
      endif()
    endforeach()
  endforeach()
elseif(DEFINED DIR)
  if(NOT DEFINED LAYER)
    set(LAYER core)
  endif()
  file(GLOB_RECURSE found RELATIVE "${DIR}" "${DIR}/*.h" "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.cc" "${DIR}/*.c")
  foreach(rel IN LISTS found)
    list(APPEND files "${DIR}/${rel}|${LAYER}/${rel}")
  endforeach()
else()
  message(FATAL_ERROR "check_layer_includes.cmake needs -DROOT=<project> or -DDIR=<folder>")
endif()

foreach(rule IN LISTS rules)
  set(bad_${rule} "")
endforeach()
foreach(entry IN LISTS files)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 source)
  list(GET parts 1 logical)
  if(logical MATCHES "^(core|app)/([^/]+)/")
    set(layer "${CMAKE_MATCH_1}/${CMAKE_MATCH_2}")
  elseif(logical MATCHES "^(core|app)/")
    set(layer "${CMAKE_MATCH_1}")
  else()
    string(REGEX REPLACE "/.*" "" layer "${logical}")
  endif()
  file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(rule IN LISTS rules)
    if(NOT layer MATCHES "${${rule}_layers}")
      continue()
    endif()
    if(DEFINED ${rule}_except AND logical MATCHES "${${rule}_except}")
      continue()
    endif()
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*" "" name "${line}")
      if(name MATCHES "^${${rule}_include}")
        list(APPEND bad_${rule} "${source}: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()

set(report "")
foreach(rule IN LISTS rules)
  if(bad_${rule})
    list(JOIN bad_${rule} "\n  " lines)
    string(APPEND report "${${rule}_message}:\n  ${lines}\n")
  endif()
endforeach()
if(report)
  message(FATAL_ERROR "${report}")
endif()
