#include "app/cli/cli.h"

#include <CLI/CLI.hpp>
#include <imgui.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <chrono>
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
    "      --invite [--port P] [--bind ADDR]\n"
    "                           open the room at once (phones send notes to the inbox) and print\n"
    "                           the join address; P: its port (default: any free one), ADDR: an\n"
    "                           IPv4 address of this computer or loopback (default: the network's)\n"
    "  journeyboard new OUT.cjm [--template classic|five-stage|blank|sample]\n"
    "      Write a new board file (default template: classic).\n"
    "  journeyboard export FILE.cjm -o OUT.png [--width PX | --scale S] [--region R] [--background B]\n"
    "                    [--reveal]\n"
    "      Render the board to a PNG, no display needed: PX wide (16 to 32768, default 3840) or\n"
    "      S pixels per board unit (0.01 to 64); an image over 400 megapixels is scaled down to\n"
    "      fit, keeping its shape. R is board (default), view (the same as board here), or\n"
    "      stage:NAME; B is canvas (default), white or transparent; --reveal shows covered notes\n"
    "      face up.\n"
    "  journeyboard thumbnail FILE.cjm OUT.png SIZE\n"
    "      Write a picture of the whole board at most SIZE pixels on its longest side (1 to 4096),\n"
    "      for file managers (the freedesktop thumbnailer).\n"
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
    "  journeyboard --help | --version\n"
    "  journeyboard COMMAND --help\n"
    "      What COMMAND does and each of its options.\n");

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

// JB_EXPORT_TIMING=1: each step of a headless command's time on stderr (README "Performance").
class PhaseTimer {
 public:
  PhaseTimer() : m_on(std::getenv("JB_EXPORT_TIMING") && *std::getenv("JB_EXPORT_TIMING")) {}
  void Lap(const char* what) {
    if (!m_on) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "journeyboard: %s %.1f ms\n", what, std::chrono::duration<double, std::milli>(now - m_last).count());
    m_last = now;
  }
  // A step timed elsewhere (on another thread).
  void Note(const char* what, double ms) const {
    if (m_on) std::fprintf(stderr, "journeyboard: %s %.1f ms\n", what, ms);
  }

 private:
  bool m_on;
  std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

}  // namespace

bool RunHeadlessGl(const std::function<void(GpuRenderer& renderer, const Fonts& fonts)>& draw, std::string* error,
                   float largestTextPixels, const std::function<float(const Fonts& fonts)>& textPixels,
                   const std::function<bool()>& meanwhile) {
  PhaseTimer timer;
  HeadlessGl gl;
  GpuRenderer renderer;
  Fonts fonts;
  std::string fontWarning;
  bool prepared = true, compiled = false;
  double contextMs = 0, shaderMs = 0;  // on the helper thread, for JB_EXPORT_TIMING
  // The board and the fonts are made while another thread loads the driver and makes the context.
  auto prepare = [&] {
    if (meanwhile && !(prepared = meanwhile())) return;
    timer.Lap("board");
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1, 1};
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    if (textPixels) {
      // The reference size first (the layout's; a thumbnail's bake, likely cached), then the sizes
      // up to the largest text the export draws, when that is larger.
      fonts.Build(*io.Fonts, 16, &fontWarning, Fonts::kReferencePixelSize);
      largestTextPixels = textPixels(fonts);
      if (largestTextPixels > Fonts::kReferencePixelSize) fonts.Build(*io.Fonts, 16, &fontWarning, largestTextPixels);
    } else {
      fonts.Build(*io.Fonts, 16, &fontWarning, largestTextPixels);
    }
    timer.Lap("fonts");
  };
  const auto contextStart = std::chrono::steady_clock::now();
  auto compile = [&] {
    const auto start = std::chrono::steady_clock::now();
    compiled = renderer.Init();
    const auto end = std::chrono::steady_clock::now();
    shaderMs = std::chrono::duration<double, std::milli>(end - start).count();
    contextMs = std::chrono::duration<double, std::milli>(start - contextStart).count();
  };
  const bool created = gl.CreateAlongside(prepare, compile, error);
  if (!prepared || !created) {
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (!prepared) error->clear();
    return false;
  }
  timer.Lap("waiting for the GL context");
  timer.Note("(alongside) GL context", contextMs);
  timer.Note("(alongside) shaders", shaderMs);
  if (!fontWarning.empty()) std::fprintf(stderr, _("journeyboard: %s\n"), fontWarning.c_str());
  if (!compiled) {
    *error = _("the graphics driver could not compile the renderer's shaders.");
  } else {
    ImGuiIO& io = ImGui::GetIO();
    renderer.UploadFonts(*io.Fonts);
    timer.Lap("atlas upload");
    ImGui::NewFrame();
    draw(renderer, fonts);
    ImGui::EndFrame();
    timer.Lap("export");
  }
  ImGui::DestroyContext();
  return compiled;
}

namespace {

// The checks of LoadForExport that need no loading: 0, else the exit code, its sentence printed.
int CheckExportFiles(const std::string& file, const std::string& out) {
  // The same file by another name, a hard link or a symlink too: the board must survive.
  if (SameFile(file, out))
    return Fail(Format(_("Cannot write %s: it is the board being exported; choose another file."), out.c_str()), 2);
  SaveError unwritable;
  if (!CheckWritableTarget(out, &unwritable, "write")) return Fail(unwritable.message);
  // Said here in the interface's language (core's load errors are English).
  if (struct stat info {}; stat(file.c_str(), &info) != 0 && errno == ENOENT)
    return Fail(Format(_("Cannot open %s: there is no such file."), file.c_str()));
  return 0;
}

// LoadForExport's loading, once CheckExportFiles passed.
int LoadCheckedForExport(const std::string& file, Board* board) {
  LoadResult loaded = LoadBoard(file);
  if (auto* error = std::get_if<LoadError>(&loaded)) return Fail(error->message);
  LoadedBoard& loadedBoard = std::get<LoadedBoard>(loaded);
  for (const std::string& warning : loadedBoard.warnings) std::fprintf(stderr, _("journeyboard: warning: %s\n"), warning.c_str());
  *board = std::move(loadedBoard.board);
  return 0;
}

}  // namespace

int LoadForExport(const std::string& file, const std::string& out, Board* board) {
  if (const int failed = CheckExportFiles(file, out)) return failed;
  return LoadCheckedForExport(file, board);
}

int ExportBoardFile(const std::string& file, const std::string& out,
                    const std::function<ExportParams(const Board&, const Fonts&)>& plan, float largestTextPixels) {
  // A missing or unwritable file is said at once; the board itself is read while the GL context starts.
  if (const int failed = CheckExportFiles(file, out)) return failed;
  Board board;
  int code = 0;
  std::string error;
  std::function<float(const Fonts&)> textPixels;
  if (largestTextPixels <= 0)
    textPixels = [&](const Fonts& fonts) { return ExportTextPixels(board, plan(board, fonts), fonts); };
  const bool started = RunHeadlessGl(
      [&](GpuRenderer& renderer, const Fonts& fonts) {
        const ExportParams params = plan(board, fonts);
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
          std::fprintf(stderr,
                       _("journeyboard: %d×%d render %.0f ms (draw lists %.1f, submit %.1f, read back %.1f, copy %.1f, "
                         "bands %.1f), encode %.0f ms\n"),
                       stats.width, stats.height, stats.renderMs, stats.drawListMs, stats.submitMs, stats.readBackMs,
                       stats.copyMs, stats.bandMs, stats.encodeMs);
        // The command is done: the file is in place (or removed) and said. Ending here leaves the GL
        // context, Mesa's threads and libraries and the fonts to the process's exit, which frees
        // them anyway: 60-70 ms of a 3840-px export's wall time went to tearing them down.
        std::fflush(nullptr);
        std::_Exit(code);
      },
      &error, largestTextPixels, textPixels, [&] { return (code = LoadCheckedForExport(file, &board)) == 0; });
  if (started) return code;
  return code ? code : Fail(error);
}

int RunExport(const std::string& file, const std::string& out, const ExportParams& params) {
  return ExportBoardFile(file, out, [&](const Board&, const Fonts&) { return params; }, 0);
}

namespace {

// An option CLI11 collects as text: every value is checked afterwards by our own rules, so each
// mistake gets our one sentence, in the interface's language, rather than CLI11's English.
// Several occurrences are all kept, to be refused as "given twice".
CLI::Option* Text(CLI::App& command, const std::string& names, std::string* value, const std::string& help,
                  const std::string& shape) {
  return command.add_option(names, *value, help)
      ->type_name(shape)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// The board, table or output named without an option.
CLI::Option* Plain(CLI::App& command, const std::string& name, std::string* value, const std::string& help) {
  return command.add_option(name, *value, help)->type_name("");
}

// The whole command line, declared once: RunCommandLine reads it, `--help` shows it and
// `--list-cli` lists it for the check that README and the man page agree with it.
struct CommandLine {
  CLI::App app;
  CLI::App *newBoard = nullptr, *exportPng = nullptr, *thumbnail = nullptr, *importTable = nullptr,
           *exportTable = nullptr, *exportHtml = nullptr, *report = nullptr;
  // The window's.
  std::string file, templateKey, window, dumpLayout, autosave, port, bind;
  // The subcommands' (each parses at most one subcommand, so they share the fields).
  std::string input, output, newTemplate, width, scale, region, background, title, date, size;
  bool debug = false, reveal = false, listCommands = false, listCli = false, invite = false;

  CommandLine();
  // The subcommand given, else the app itself (the window).
  const CLI::App* Ran() const { return app.get_subcommands().empty() ? &app : app.get_subcommands().front(); }
  // The first option given more than once in the command that ran, or null.
  const CLI::Option* GivenTwice() const;
};

CommandLine::CommandLine() : app(_("Journeyboard: customer journey maps for live workshops."), "journeyboard") {
  CLI::FormatterBase& formatter = *app.get_formatter();
  formatter.label("Usage", _("Usage"));
  formatter.label("OPTIONS", _("OPTIONS"));
  formatter.label("Positionals", _("Positionals"));
  formatter.column_width(26);
  // Groups are named when an option is made (CLI11 prints their names as they are).
  app.option_defaults()->group(_("Options"));
  app.set_help_flag("-h,--help", _("print this help and exit"));
  app.set_version_flag("--version", std::string("journeyboard ") + kAppVersion, _("print the version and exit"));

  Plain(app, "FILE.cjm", &file, _("the board to open (none: the start screen)"));
  Text(app, "--template", &templateKey, _("open a new, unsaved board from this template instead"), "T");
  Text(app, "--window", &window, _("window size in pixels, e.g. 1600x1000"), "WxH");
  Text(app, "--autosave-seconds", &autosave, _("copy unsaved work for crash recovery every N seconds (default 30)"), "N");
  Text(app, "--dump-layout", &dumpLayout, _("write the on-screen rectangles as JSON after each changed frame"), "PATH");
  app.add_flag("--debug", debug, _("show the Debug menu (tools for developers of Journeyboard)"));
  app.add_flag("--invite", invite, _("invite the room at once: print the join address phones open"));
  Text(app, "--port", &port, _("the room's port with --invite (default: any free port)"), "P");
  Text(app, "--bind", &bind, _("the room's address with --invite: an IPv4 address or loopback (default: the network's)"), "ADDR");
  // Hidden (no group): the command table, for checking README's key list against it; and every
  // command and option of this parser, for checking README and the man page against it.
  app.add_flag("--list-commands", listCommands)->group("");
  app.add_flag("--list-cli", listCli)->group("");

  newBoard = app.add_subcommand("new", _("Write a new board file."));
  Plain(*newBoard, "OUT.cjm", &output, _("the board file to write"));
  Text(*newBoard, "--template", &newTemplate, _("classic (default), five-stage, blank or sample"), "T");

  exportPng = app.add_subcommand("export", _("Render the board to a PNG image; no display needed."));
  Plain(*exportPng, "FILE.cjm", &input, _("the board"));
  Text(*exportPng, "-o,--output", &output, _("the PNG file to write"), "OUT.png");
  Text(*exportPng, "--width", &width,
       _("the image's width in pixels, 16 to 32768 (default 3840); an image over 400 megapixels is scaled down to fit"),
       "PX");
  Text(*exportPng, "--scale", &scale, _("S pixels per board unit instead of a width, 0.01 to 64"), "S");
  Text(*exportPng, "--region", &region, _("board (default), view (the same here) or stage:NAME"), "R");
  Text(*exportPng, "--background", &background, _("canvas (default), white or transparent"), "B");
  exportPng->add_flag("--reveal", reveal, _("show covered notes face up"));

  thumbnail = app.add_subcommand("thumbnail", _("Write a small PNG picture of the whole board (for file managers)."));
  Plain(*thumbnail, "FILE.cjm", &input, _("the board"));
  Plain(*thumbnail, "OUT.png", &output, _("the PNG file to write"));
  Plain(*thumbnail, "SIZE", &size, _("the picture's longest side in pixels, 1 to 4096"));

  importTable = app.add_subcommand("import-table", _("Make a board from a table or a Mermaid journey."));
  Plain(*importTable, "TABLE", &input, _("a .csv, .tsv or .txt table, or a Mermaid journey (.mmd, .md)"));
  Text(*importTable, "-o,--output", &output, _("the board file to write"), "OUT.cjm");
  Text(*importTable, "--title", &title, _("the board's title (default: the file's own)"), "T");

  exportTable = app.add_subcommand("export-table", _("Write the board as a table or a Mermaid journey."));
  Plain(*exportTable, "FILE.cjm", &input, _("the board"));
  Text(*exportTable, "-o,--output", &output, _("a .csv, .tsv, .md or .mmd file: the extension decides the format"),
       "OUT");

  exportHtml = app.add_subcommand("export-html", _("Write the map as one self-contained web page to share."));
  Plain(*exportHtml, "FILE.cjm", &input, _("the board"));
  Text(*exportHtml, "-o,--output", &output, _("the web page to write"), "MAP.html");

  report = app.add_subcommand("report", _("Write the follow-up report as Markdown or a web page."));
  Plain(*report, "FILE.cjm", &input, _("the board"));
  Text(*report, "-o,--output", &output, _("a .md or .html file: the extension decides the format"), "REPORT");
  Text(*report, "--date", &date, _("the report's day, which decides what is overdue (default: today)"), "YYYY-MM-DD");
  // A command's own --help is made before it takes the option defaults: its group named here.
  for (CLI::App* command : app.get_subcommands({})) command->get_help_ptr()->group(_("Options"));
}

const CLI::Option* CommandLine::GivenTwice() const {
  for (const CLI::Option* option : Ran()->get_options())
    if (option->count() > 1) return option;
  return nullptr;
}

// "--output", or "-o" when it has no long name: how messages name an option.
std::string NameOf(const CLI::Option& option) {
  return option.get_lnames().empty() ? "-" + option.get_snames().front() : "--" + option.get_lnames().front();
}

// One line per name, "COMMAND NAME" (COMMAND `-` for the window's options, NAME `-` for a
// command with no options of its own), hidden options last as "hidden NAME".
std::string ListCli(const CommandLine& line) {
  std::string out;
  auto names = [&](const CLI::App& command, const std::string& label) {
    bool any = false;
    for (const CLI::Option* option : command.get_options()) {
      if (option->get_positional()) continue;
      const std::string group = option->get_group().empty() ? "hidden" : label;
      for (const std::string& name : option->get_snames()) out += group + " -" + name + "\n";
      for (const std::string& name : option->get_lnames()) out += group + " --" + name + "\n";
      any = true;
    }
    if (!any) out += label + " -\n";
  };
  names(line.app, "-");
  for (const CLI::App* command : line.app.get_subcommands({})) names(*command, command->get_name());
  return out;
}

// The sentence for a command line CLI11 refused, naming what it refused.
std::string Refusal(const CLI::ParseError& failure, const CommandLine& line, const std::vector<std::string>& args) {
  if (dynamic_cast<const CLI::ExtrasError*>(&failure)) {
    const std::vector<std::string> extra = line.app.remaining(true);
    const std::string first = extra.empty() ? "" : extra.front();
    if (first.size() > 1 && first[0] == '-')
      return Format(_("unknown option '%s' (see journeyboard --help)."), first.c_str());
    return Format(_("unexpected argument '%s' (see journeyboard --help)."), first.c_str());
  }
  // CLI11 runs out of words only at the end: the last one is the option missing its value.
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&failure) && !args.empty())
    return Format(_("%s needs a value (see journeyboard --help)."), args.back().c_str());
  return Format(_("the command line is not understood: %s (see journeyboard --help)."), failure.what());
}

}  // namespace

int RunCommandLine(const std::vector<std::string>& args, WindowRunner runWindow, CommandLister listCommands) {
  CommandLine line;
  try {
    // CLI11 takes the words last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    line.app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    // The overview is ours (every command, in the interface's language); a command's own help is CLI11's.
    if (line.Ran() == &line.app) std::printf(_(kHelp), kAppVersion);
    else std::fputs(line.app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::printf("journeyboard %s\n", kAppVersion);
    return 0;
  } catch (const CLI::ParseError& failure) {
    return Fail(Refusal(failure, line, args), 2);
  }
  if (const CLI::Option* twice = line.GivenTwice())
    return Fail(Format(_("%s was given twice; give it once."), NameOf(*twice).c_str()), 2);
  const CLI::App* command = line.Ran();
  // The window's options before a command would be taken and then ignored: refused instead.
  if (command != &line.app)
    for (const CLI::Option* option : line.app.get_options())
      if (option->count() > 0)
        return Fail(Format(_("'%s' is for the window, not for '%s' (see journeyboard --help)."),
                           option->get_positional() ? option->results().front().c_str() : NameOf(*option).c_str(),
                           command->get_name().c_str()),
                    2);
  // An option given with an empty value (-o "") is as good as none.
  for (const CLI::Option* option : command->get_options())
    if (!option->get_positional() && option->count() == 1 && option->get_expected_min() > 0 && option->results().front().empty())
      return Fail(Format(_("%s needs a value (see journeyboard --help)."), NameOf(*option).c_str()), 2);

  if (line.listCommands) {
    std::fputs(listCommands().c_str(), stdout);
    return 0;
  }
  if (line.listCli) {
    std::fputs(ListCli(line).c_str(), stdout);
    return 0;
  }
  auto given = [](const CLI::App* in, const char* name) { return in->get_option(name)->count() > 0; };

  if (line.newBoard->parsed()) {
    if (line.output.empty()) return Fail(_("'new' needs an output file: journeyboard new OUT.cjm."), 2);
    return RunNew(line.output, given(line.newBoard, "--template") ? line.newTemplate : "classic");
  }

  if (line.exportPng->parsed()) {
    const CLI::App* cmd = line.exportPng;
    ExportParams params;
    if (given(cmd, "--width") && !ParseInt(line.width, 16, kMaxExportSide, &params.width)) return Fail(WidthRule(), 2);
    if (given(cmd, "--width") && given(cmd, "--scale")) return Fail(_("give --width or --scale, not both."), 2);
    if (given(cmd, "--scale") && !ParseScale(line.scale, kMinExportScale, kMaxExportScale, &params.scale))
      return Fail(_("--scale must be a number of pixels per board unit from 0.01 to 64, e.g. --scale 2."), 2);
    if (given(cmd, "--region")) {
      const std::string& r = line.region;
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
    if (given(cmd, "--background")) {
      const std::string& b = line.background;
      if (b == "canvas") params.background = ExportBackground::Canvas;
      else if (b == "white") params.background = ExportBackground::White;
      else if (b == "transparent") params.background = ExportBackground::Transparent;
      else return Fail(_("--background must be canvas, white or transparent."), 2);
    }
    params.reveal = line.reveal;
    if (line.input.empty() || !given(cmd, "--output"))
      return Fail(_("'export' needs a board and an output file: journeyboard export FILE.cjm -o OUT.png."), 2);
    return RunExport(line.input, line.output, params);
  }

  if (line.thumbnail->parsed()) {
    int size = 0;
    if (line.size.empty())
      return Fail(_("'thumbnail' needs a board, an output file and a size: journeyboard thumbnail FILE.cjm OUT.png 256."), 2);
    if (!ParseInt(line.size, 1, kMaxThumbnailSide, &size))
      return Fail(Format(_("SIZE must be a whole number of pixels from 1 to %d, e.g. 256."), kMaxThumbnailSide), 2);
    return RunThumbnail(line.input, line.output, size);
  }

  if (line.importTable->parsed()) {
    if (line.input.empty() || !given(line.importTable, "--output"))
      return Fail(_("'import-table' needs a table and an output file: journeyboard import-table TABLE.csv -o OUT.cjm."), 2);
    return RunImportTable(line.input, line.output, line.title);
  }

  if (line.exportTable->parsed()) {
    if (line.input.empty() || !given(line.exportTable, "--output"))
      return Fail(_("'export-table' needs a board and an output file: journeyboard export-table FILE.cjm -o OUT.csv."), 2);
    return RunExportTable(line.input, line.output);
  }

  if (line.exportHtml->parsed()) {
    if (line.input.empty() || !given(line.exportHtml, "--output"))
      return Fail(_("'export-html' needs a board and an output file: journeyboard export-html FILE.cjm -o MAP.html."), 2);
    return RunExportHtml(line.input, line.output);
  }

  if (line.report->parsed()) {
    if (line.input.empty() || !given(line.report, "--output"))
      return Fail(_("'report' needs a board and an output file: journeyboard report FILE.cjm -o REPORT.md."), 2);
    return RunReport(line.input, line.output, line.date);
  }

  WindowOptions options;
  options.debug = line.debug;
  options.file = line.file;
  if (given(&line.app, "--template")) {
    Template which;
    if (!TemplateFromKey(line.templateKey, &which))
      return Fail(Format(_("unknown template '%s' (use classic, five-stage, blank or sample)."), line.templateKey.c_str()), 2);
    if (!options.file.empty()) return Fail(_("Give a board file or --template, not both."), 2);
    options.templateKey = line.templateKey;
  }
  if (given(&line.app, "--window")) {
    const size_t x = line.window.find('x');
    if (x == std::string::npos || !ParseInt(line.window.substr(0, x), 1, 1000000, &options.width) ||
        !ParseInt(line.window.substr(x + 1), 1, 1000000, &options.height))
      return Fail(_("--window needs a size like 1600x1000."), 2);
  }
  if (given(&line.app, "--autosave-seconds")) {
    int seconds = 0;
    if (!ParseInt(line.autosave, 1, 1000000, &seconds))
      return Fail(_("--autosave-seconds needs a whole number of seconds from 1 to 1000000."), 2);
    options.autosaveSeconds = seconds;
  }
  if (given(&line.app, "--dump-layout")) {
    options.dumpLayoutPath = line.dumpLayout;
    if (SameFile(options.file, line.dumpLayout))
      return Fail(Format(_("Cannot write %s: it is the board being opened; choose another file."), line.dumpLayout.c_str()), 2);
    SaveError unwritable;
    if (!CheckWritableTarget(line.dumpLayout, &unwritable, "write")) return Fail(unwritable.message, 2);
  }
  if ((given(&line.app, "--port") || given(&line.app, "--bind")) && !line.invite)
    return Fail(_("--port and --bind go with --invite."), 2);
  options.invite = line.invite;
  options.inviteBind = line.bind;
  if (given(&line.app, "--port") && !ParseInt(line.port, 1, 65535, &options.invitePort))
    return Fail(_("--port needs a port number from 1 to 65535."), 2);
  return runWindow(options);
}

}  // namespace jb
