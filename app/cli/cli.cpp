#include "app/cli/cli.h"

#include <imgui.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <utility>

#include "app/platform/fonts.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/platform/i18n.h"
#include "app/render/png_export.h"
#include "core/io/durable_file.h"
#include "core/io/file_io.h"
#include "core/io/templates.h"

namespace jb {

int CliFail(const std::string& message, int code) {
  std::fprintf(stderr, _("journeyboard: %s\n"), message.c_str());
  return code;
}

namespace {

constexpr const char* kHelp = N_(
    "Journeyboard %s: customer journey maps for live workshops.\n"
    "\n"
    "Usage:\n"
    "  journeyboard [FILE.cjm | --template T] [--window WxH] [--autosave-seconds N] [--dump-layout PATH] [--debug]\n"
    "      Open FILE in a window (no FILE: the start screen).\n"
    "      --template T         open a new, unsaved board from template T instead: classic,\n"
    "                           five-stage, blank or sample (the filled example board)\n"
    "      --window WxH         window size in pixels, e.g. 1600x1000\n"
    "      --autosave-seconds N copy unsaved work for crash recovery every N seconds (default 30)\n"
    "      --dump-layout PATH   after each frame that changed the board, the view or the window,\n"
    "                           write the on-screen rectangles of stages, lanes, cells, notes and\n"
    "                           curve points as JSON (for tests and tools)\n"
    "      --debug              show the Debug menu (tools for developers of Journeyboard)\n"
    "  journeyboard new OUT.cjm [--template classic|five-stage|blank|sample]\n"
    "      Write a new board file (default template: classic).\n"
    "  journeyboard export FILE.cjm -o OUT.png [--width PX | --scale S] [--region R] [--background B]\n"
    "                    [--reveal]\n"
    "      Render the board to a PNG, no display needed: exactly PX wide (default 3840, at most\n"
    "      32768) or S pixels per board unit; R is board (default), view (the same as board\n"
    "      here), or stage:NAME; B is canvas (default), white or transparent; --reveal shows\n"
    "      covered notes face up.\n"
    "  journeyboard import-table TABLE -o OUT.cjm [--title T]\n"
    "      Make a board from a table (.csv, .tsv, .txt: stages across, one row per lane) or a\n"
    "      Mermaid journey (.mmd, or .md holding one).\n"
    "  journeyboard export-table FILE.cjm -o OUT.csv|OUT.tsv|OUT.md|OUT.mmd\n"
    "      Write the board as a table (CSV, TSV, Markdown) or a Mermaid journey, by the extension.\n"
    "  journeyboard export-html FILE.cjm -o MAP.html\n"
    "      Write the map as one self-contained web page to share.\n"
    "  journeyboard report FILE.cjm -o REPORT.md|REPORT.html [--date YYYY-MM-DD]\n"
    "      Write the follow-up report (funnel, top pains, opportunities, who does what by when)\n"
    "      as Markdown or one self-contained web page, by the extension; --date is the report's\n"
    "      day, which decides what is overdue (default: today).\n"
    "  journeyboard --help | --version\n");

int Fail(const std::string& message, int code = 1) { return CliFail(message, code); }


// A whole number from `low` to `high`, digits only: "0", "1e3", "16.5", "-5", "" and anything
// out of range are all refused alike.
bool ParseInt(const std::string& text, int low, int high, int* out) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  const long value = std::strtol(text.c_str(), nullptr, 10);
  if (value < low || value > high) return false;
  *out = int(value);
  return true;
}

// Hand-written rather than Debian's CLI11: its errors are its own texts ("Value 0 not in range 16
// to 32768", "The following argument was not expected: ..."), and mapping each of its error
// types back to our sentences took more code than these few options need.
// One option that takes a value: its names (the first is the one messages use) and what it got.
struct Option {
  explicit Option(std::vector<std::string> optionNames, std::string byDefault = "", bool isFlag = false)
      : names(std::move(optionNames)), value(std::move(byDefault)), flag(isFlag) {}
  std::vector<std::string> names;
  std::string value;
  bool flag = false;  // takes no value (--reveal)
  bool given = false;
};

// Reads `args` from index `first`: the `options` (each at most once, each followed by its value)
// and up to `maxPlain` plain arguments. False with one sentence for the first thing wrong.
bool ParseArgs(const std::vector<std::string>& args, size_t first, const std::vector<Option*>& options,
               size_t maxPlain, std::vector<std::string>* plain, std::string* error) {
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    Option* option = nullptr;
    for (Option* candidate : options)
      for (const std::string& name : candidate->names)
        if (arg == name) option = candidate;
    if (!option && arg.size() > 1 && arg[0] == '-') {
      *error = Format(_("unknown option '%s' (see journeyboard --help)."), arg.c_str());
      return false;
    }
    if (!option) {
      if (plain->size() == maxPlain) {
        *error = Format(_("unexpected argument '%s' (see journeyboard --help)."), arg.c_str());
        return false;
      }
      plain->push_back(arg);
      continue;
    }
    if (option->given) {
      *error = Format(_("%s was given twice; give it once."), option->names[0].c_str());
      return false;
    }
    if (option->flag) {
      option->given = true;
      continue;
    }
    if (i + 1 == args.size() || args[i + 1].empty()) {
      *error = Format(_("%s needs a value (see journeyboard --help)."), arg.c_str());
      return false;
    }
    option->given = true;
    option->value = args[++i];
  }
  return true;
}

std::string WidthRule() {
  return Format(_("--width must be a whole number of pixels from 16 to %d, e.g. --width %d."), int(kMaxExportSide),
                int(kDefaultExportWidth));
}

}  // namespace

int RunNew(const std::string& out, const std::string& templateKey) {
  Template which;
  if (!TemplateFromKey(templateKey, &which))
    return Fail(Format(_("unknown template '%s' (use classic, five-stage, blank or sample)."), templateKey.c_str()), 2);
  SaveError error;
  if (!SaveBoard(MakeBoard(which), out, &error)) return Fail(error.message);
  return 0;
}

namespace {

// A decimal number from `low` to `high` ("0.5", "2"; not "1e3", "", "-1", "nan").
bool ParseScale(const std::string& text, float low, float high, float* out) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789.") != std::string::npos) return false;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !(value >= low && value <= high)) return false;
  *out = float(value);
  return true;
}

// "tile 3 of 12", then "encoding", rewritten in place on a terminal as the export goes (it
// runs on this thread); nothing when stderr is a file or a pipe.
class TerminalProgress {
 public:
  explicit TerminalProgress(ExportProgress& progress) : m_progress(progress) {
    if (!isatty(STDERR_FILENO)) return;
    progress.changed = [this] {
      const int tiles = m_progress.tiles;
      const std::string text = m_progress.encoding ? _("encoding")
                                                   : Format(_("tile %d of %d"), std::min(tiles, int(m_progress.tile)), tiles);
      if (text == m_last) return;
      std::fprintf(stderr, "\r\033[Kjourneyboard: %s", text.c_str());
      m_last = text;
    };
  }
  ~TerminalProgress() {
    if (!m_last.empty()) std::fprintf(stderr, "\r\033[K");
    m_progress.changed = nullptr;
  }

 private:
  ExportProgress& m_progress;
  std::string m_last;
};

}  // namespace

bool RunHeadlessGl(const std::function<void(GpuRenderer& renderer, const Fonts& fonts)>& draw, std::string* error) {
  HeadlessGl gl;
  if (!gl.Create(error)) return false;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {1, 1};
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  Fonts fonts;
  std::string fontWarning;
  fonts.Build(*io.Fonts, 16, &fontWarning);
  if (!fontWarning.empty()) std::fprintf(stderr, _("journeyboard: %s\n"), fontWarning.c_str());
  bool started = true;
  {
    GpuRenderer renderer;
    if (!renderer.Init()) {
      *error = _("the graphics driver could not compile the renderer's shaders.");
      started = false;
    } else {
      renderer.UploadFonts(*io.Fonts);
      ImGui::NewFrame();
      draw(renderer, fonts);
      ImGui::EndFrame();
    }
  }
  ImGui::DestroyContext();
  return started;
}

int LoadForExport(const std::string& file, const std::string& out, Board* board) {
  // The same file by another name, a hard link or a symlink too: the board must survive.
  if (SameFile(file, out))
    return Fail(Format(_("Cannot write %s: it is the board being exported; choose another file."), out.c_str()), 2);
  SaveError unwritable;
  if (!CheckWritableTarget(out, &unwritable, "write")) return Fail(unwritable.message);
  // Said here in the interface's language (core's load errors are English).
  if (struct stat info {}; stat(file.c_str(), &info) != 0 && errno == ENOENT)
    return Fail(Format(_("Cannot open %s: there is no such file."), file.c_str()));
  LoadResult loaded = LoadBoard(file);
  if (auto* error = std::get_if<LoadError>(&loaded)) return Fail(error->message);
  LoadedBoard& loadedBoard = std::get<LoadedBoard>(loaded);
  for (const std::string& warning : loadedBoard.warnings) std::fprintf(stderr, _("journeyboard: warning: %s\n"), warning.c_str());
  *board = std::move(loadedBoard.board);
  return 0;
}

int RunExport(const std::string& file, const std::string& out, const ExportParams& params) {
  Board board;
  if (const int failed = LoadForExport(file, out, &board)) return failed;
  int code = 0;
  std::string error;
  const bool started = RunHeadlessGl(
      [&](GpuRenderer& renderer, const Fonts& fonts) {
        ExportStats stats;
        ExportProgress progress;
        bool ok = false;
        {
          TerminalProgress shown(progress);
          ok = RenderExportPng(board, params, out, renderer, fonts, *ImGui::GetDrawListSharedData(), &progress, &stats,
                               &error);
        }
        if (!ok) code = Fail(error);
        if (ok && !stats.scaledDown.empty()) std::fprintf(stderr, _("journeyboard: %s\n"), stats.scaledDown.c_str());
        if (const char* timing = std::getenv("JB_EXPORT_TIMING"); ok && timing && *timing)
          std::fprintf(stderr, "journeyboard: %d×%d render %.0f ms, encode %.0f ms\n", stats.width, stats.height,
                       stats.renderMs, stats.encodeMs);
      },
      &error);
  return started ? code : Fail(error);
}

int RunCommandLine(const std::vector<std::string>& args, WindowRunner runWindow, CommandLister listCommands) {
  // Hidden (not in --help): the command table, for checking README's key list against it.
  if (args.size() == 1 && args[0] == "--list-commands") {
    std::fputs(listCommands().c_str(), stdout);
    return 0;
  }
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::printf(_(kHelp), kAppVersion);
    return 0;
  }
  if (!args.empty() && args[0] == "--version") {
    std::printf("journeyboard %s\n", kAppVersion);
    return 0;
  }
  std::string error;
  std::vector<std::string> plain;

  if (!args.empty() && args[0] == "new") {
    Option templateKey({"--template"}, "classic");
    if (!ParseArgs(args, 1, {&templateKey}, 1, &plain, &error)) return Fail(error, 2);
    if (plain.empty()) return Fail(_("'new' needs an output file: journeyboard new OUT.cjm."), 2);
    return RunNew(plain[0], templateKey.value);
  }

  if (!args.empty() && args[0] == "export") {
    Option out({"-o", "--output"}), width({"--width"}), scale({"--scale"}), region({"--region"}),
        background({"--background"}), reveal({"--reveal"}, "", true);
    if (!ParseArgs(args, 1, {&out, &width, &scale, &region, &background, &reveal}, 1, &plain, &error))
      return Fail(error, 2);
    ExportParams params;
    if (width.given && !ParseInt(width.value, 16, kMaxExportSide, &params.width)) return Fail(WidthRule(), 2);
    if (width.given && scale.given) return Fail(_("give --width or --scale, not both."), 2);
    if (scale.given && !ParseScale(scale.value, kMinExportScale, kMaxExportScale, &params.scale))
      return Fail(_("--scale must be a number of pixels per board unit from 0.01 to 64, e.g. --scale 2."), 2);
    if (region.given) {
      const std::string& r = region.value;
      // `view` has no window here: it is the whole board, as a window fitted to it shows.
      if (r == "board" || r == "view") params.region = ExportRegion::Board;
      else if (r == "selection")
        return Fail(_("--region selection needs a selection, and a board file keeps none; use board, view or stage:NAME."), 2);
      else if (r.rfind("stage:", 0) == 0 && r.size() > 6) {
        params.region = ExportRegion::Stage;
        params.stage = r.substr(6);
      } else {
        return Fail(_("--region must be board, view, selection or stage:NAME, e.g. --region stage:Awareness."), 2);
      }
    }
    if (background.given) {
      const std::string& b = background.value;
      if (b == "canvas") params.background = ExportBackground::Canvas;
      else if (b == "white") params.background = ExportBackground::White;
      else if (b == "transparent") params.background = ExportBackground::Transparent;
      else return Fail(_("--background must be canvas, white or transparent."), 2);
    }
    params.reveal = reveal.given;
    if (plain.empty() || !out.given)
      return Fail(_("'export' needs a board and an output file: journeyboard export FILE.cjm -o OUT.png."), 2);
    return RunExport(plain[0], out.value, params);
  }

  if (!args.empty() && args[0] == "import-table") {
    Option out({"-o", "--output"}), title({"--title"});
    if (!ParseArgs(args, 1, {&out, &title}, 1, &plain, &error)) return Fail(error, 2);
    if (plain.empty() || !out.given)
      return Fail(_("'import-table' needs a table and an output file: journeyboard import-table TABLE.csv -o OUT.cjm."), 2);
    return RunImportTable(plain[0], out.value, title.value);
  }

  if (!args.empty() && args[0] == "export-table") {
    Option out({"-o", "--output"});
    if (!ParseArgs(args, 1, {&out}, 1, &plain, &error)) return Fail(error, 2);
    if (plain.empty() || !out.given)
      return Fail(_("'export-table' needs a board and an output file: journeyboard export-table FILE.cjm -o OUT.csv."), 2);
    return RunExportTable(plain[0], out.value);
  }

  if (!args.empty() && args[0] == "export-html") {
    Option out({"-o", "--output"});
    if (!ParseArgs(args, 1, {&out}, 1, &plain, &error)) return Fail(error, 2);
    if (plain.empty() || !out.given)
      return Fail(_("'export-html' needs a board and an output file: journeyboard export-html FILE.cjm -o MAP.html."), 2);
    return RunExportHtml(plain[0], out.value);
  }

  if (!args.empty() && args[0] == "report") {
    Option out({"-o", "--output"}), date({"--date"});
    if (!ParseArgs(args, 1, {&out, &date}, 1, &plain, &error)) return Fail(error, 2);
    if (plain.empty() || !out.given)
      return Fail(_("'report' needs a board and an output file: journeyboard report FILE.cjm -o REPORT.md."), 2);
    return RunReport(plain[0], out.value, date.value);
  }

  Option window({"--window"}), dump({"--dump-layout"}), autosave({"--autosave-seconds"}), templateKey({"--template"}),
      debug({"--debug"}, "", true);
  if (!ParseArgs(args, 0, {&window, &dump, &autosave, &templateKey, &debug}, 1, &plain, &error)) return Fail(error, 2);
  WindowOptions options;
  options.debug = debug.given;
  if (!plain.empty()) options.file = plain[0];
  if (templateKey.given) {
    Template which;
    if (!TemplateFromKey(templateKey.value, &which))
      return Fail(Format(_("unknown template '%s' (use classic, five-stage, blank or sample)."), templateKey.value.c_str()), 2);
    if (!options.file.empty()) return Fail(_("Give a board file or --template, not both."), 2);
    options.templateKey = templateKey.value;
  }
  if (window.given) {
    const size_t x = window.value.find('x');
    if (x == std::string::npos || !ParseInt(window.value.substr(0, x), 1, 1000000, &options.width) ||
        !ParseInt(window.value.substr(x + 1), 1, 1000000, &options.height))
      return Fail(_("--window needs a size like 1600x1000."), 2);
  }
  if (autosave.given) {
    int seconds = 0;
    if (!ParseInt(autosave.value, 1, 1000000, &seconds))
      return Fail(_("--autosave-seconds needs a whole number of seconds from 1 to 1000000."), 2);
    options.autosaveSeconds = seconds;
  }
  if (dump.given) {
    options.dumpLayoutPath = dump.value;
    if (SameFile(options.file, dump.value))
      return Fail(Format(_("Cannot write %s: it is the board being opened; choose another file."), dump.value.c_str()), 2);
    SaveError unwritable;
    if (!CheckWritableTarget(dump.value, &unwritable, "write")) return Fail(unwritable.message, 2);
  }
  return runWindow(options);
}

}  // namespace jb
