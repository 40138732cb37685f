#include "app/cli/cli.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/platform/fonts.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/png_export.h"
#include "core/io/file_io.h"
#include "core/io/templates.h"

namespace jb {

namespace {

constexpr const char* kHelp =
    "Journeyboard %s: customer journey maps for live workshops.\n"
    "\n"
    "Usage:\n"
    "  journeyboard [FILE.cjm] [--window WxH] [--autosave-seconds N] [--dump-layout PATH]\n"
    "      Open FILE in a window (no FILE: the built-in sample board).\n"
    "      --window WxH         window size in pixels, e.g. 1600x1000\n"
    "      --autosave-seconds N copy unsaved work for crash recovery every N seconds (default 30)\n"
    "      --dump-layout PATH   after each frame that changed the board, the view or the window,\n"
    "                           write the on-screen rectangles of stages, lanes, cells, notes and\n"
    "                           curve points as JSON (for tests and tools)\n"
    "  journeyboard new OUT.cjm [--template classic|five-stage|blank|sample]\n"
    "      Write a new board file (default template: classic).\n"
    "  journeyboard export FILE.cjm -o OUT.png [--width PX]\n"
    "      Render the whole board to a PNG exactly PX wide (default 3840), no display needed.\n"
    "  journeyboard --help | --version\n";

int Fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "journeyboard: %s\n", message.c_str());
  return code;
}

bool ParseInt(const std::string& text, int* out) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 1 || value > 1000000) return false;
  *out = int(value);
  return true;
}

}  // namespace

int RunNew(const std::string& out, const std::string& templateKey) {
  Template which;
  if (!TemplateFromKey(templateKey, &which))
    return Fail("unknown template '" + templateKey + "' (use classic, five-stage, blank or sample).", 2);
  SaveError error;
  if (!SaveBoard(MakeBoard(which), out, &error)) return Fail(error.message);
  return 0;
}

int RunExport(const std::string& file, const std::string& out, int width) {
  LoadResult loaded = LoadBoard(file);
  if (auto* error = std::get_if<LoadError>(&loaded)) return Fail(error->message);
  const LoadedBoard& loadedBoard = std::get<LoadedBoard>(loaded);
  for (const std::string& warning : loadedBoard.warnings) std::fprintf(stderr, "journeyboard: warning: %s\n", warning.c_str());
  const Board& board = loadedBoard.board;

  HeadlessGl gl;
  std::string error;
  if (!gl.Create(&error)) return Fail(error);

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {1, 1};
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  Fonts fonts;
  std::string fontWarning;
  fonts.Build(*io.Fonts, 16, &fontWarning);
  if (!fontWarning.empty()) std::fprintf(stderr, "journeyboard: %s\n", fontWarning.c_str());
  int code = 0;
  {
    GpuRenderer renderer;
    if (!renderer.Init()) {
      code = Fail("the graphics driver could not compile the renderer's shaders.");
    } else {
      renderer.UploadFonts(*io.Fonts);
      ImGui::NewFrame();
      ExportStats stats;
      if (!ExportBoardPng(board, out, width, renderer, fonts, &stats, &error)) code = Fail(error);
      ImGui::EndFrame();
    }
  }
  ImGui::DestroyContext();
  return code;
}

int RunCommandLine(const std::vector<std::string>& args, WindowRunner runWindow, CommandLister listCommands) {
  // Hidden (not in --help): the command table, for checking README's key list against it.
  if (args.size() == 1 && args[0] == "--list-commands") {
    std::fputs(listCommands().c_str(), stdout);
    return 0;
  }
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::printf(kHelp, kAppVersion);
    return 0;
  }
  if (!args.empty() && args[0] == "--version") {
    std::printf("journeyboard %s\n", kAppVersion);
    return 0;
  }
  auto needValue = [&](size_t i) { return i + 1 < args.size(); };

  if (!args.empty() && args[0] == "new") {
    std::string out, templateKey = "classic";
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--template" && needValue(i)) templateKey = args[++i];
      else if (!args[i].empty() && args[i][0] != '-' && out.empty()) out = args[i];
      else return Fail("unexpected argument '" + args[i] + "' (see journeyboard --help).", 2);
    }
    if (out.empty()) return Fail("'new' needs an output file: journeyboard new OUT.cjm", 2);
    return RunNew(out, templateKey);
  }

  if (!args.empty() && args[0] == "export") {
    std::string file, out;
    int width = kDefaultExportWidth;
    for (size_t i = 1; i < args.size(); ++i) {
      if ((args[i] == "-o" || args[i] == "--output") && needValue(i)) out = args[++i];
      else if (args[i] == "--width" && needValue(i)) {
        if (!ParseInt(args[++i], &width)) return Fail("--width needs a number of pixels, e.g. --width 3840.", 2);
      } else if (!args[i].empty() && args[i][0] != '-' && file.empty()) file = args[i];
      else return Fail("unexpected argument '" + args[i] + "' (see journeyboard --help).", 2);
    }
    if (file.empty() || out.empty()) return Fail("usage: journeyboard export FILE.cjm -o OUT.png [--width PX]", 2);
    return RunExport(file, out, width);
  }

  WindowOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--window" && needValue(i)) {
      const std::string& size = args[++i];
      size_t x = size.find('x');
      if (x == std::string::npos || !ParseInt(size.substr(0, x), &options.width) ||
          !ParseInt(size.substr(x + 1), &options.height))
        return Fail("--window needs a size like 1600x1000.", 2);
    } else if (args[i] == "--dump-layout" && needValue(i)) {
      options.dumpLayoutPath = args[++i];
    } else if (args[i] == "--autosave-seconds" && needValue(i)) {
      int seconds = 0;
      if (!ParseInt(args[++i], &seconds)) return Fail("--autosave-seconds needs a whole number of seconds.", 2);
      options.autosaveSeconds = seconds;
    } else if (!args[i].empty() && args[i][0] != '-' && options.file.empty()) {
      options.file = args[i];
    } else {
      return Fail("unknown option '" + args[i] + "' (see journeyboard --help).", 2);
    }
  }
  return runWindow(options);
}

}  // namespace jb
