// The command line, parsed by CLI11: `journeyboard [FILE.cjm | --template T] [--window WxH] [--dump-layout PATH]`
// opens the window; the subcommands (`new`, `export`, `thumbnail`, ...) work without a display.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace jb {

struct Board;
struct ExportParams;
struct ExportStats;
class Fonts;
class GpuRenderer;

struct WindowOptions {
  std::string file;            // empty: the start screen, or `templateKey`'s board
  std::string templateKey;     // --template: a new, unsaved board from this template (core/io/templates.h)
  int width = 0, height = 0;   // 0: fit the monitor
  std::string dumpLayoutPath;  // --dump-layout
  double autosaveSeconds = 30; // --autosave-seconds: how often unsaved work is copied for recovery
  bool debug = false;          // --debug: the Debug menu (developers' tools) is shown
  bool invite = false;         // --invite: open the room at start and print its join address on stdout
  int invitePort = 0;          // --port (0: any free port)
  std::string inviteBind;      // --bind: an IPv4 address or "loopback" ("": the default route's)
};

// Opens the window and runs until it closes (RunWindow in app.cpp); returns the exit code.
using WindowRunner = int (*)(const WindowOptions& options);

// The command table, one line per command (ListCommands in app.cpp), for `--list-commands`.
using CommandLister = std::string (*)();

// Runs the whole program; returns the process exit code. The window is `runWindow`'s and the
// command table `listCommands`'s: the command line sits below the app (main.cpp passes RunWindow
// and ListCommands).
int RunCommandLine(const std::vector<std::string>& args, WindowRunner runWindow, CommandLister listCommands);

// "journeyboard: MESSAGE" on stderr, in the interface's language; returns `code`.
int CliFail(const std::string& message, int code = 1);

// Headless commands (cli.cpp), each returning the exit code.
int RunNew(const std::string& out, const std::string& templateKey);
// The headless set-up `export` and `export-html` share: a GL context without a window (EGL, else a
// hidden window), an ImGui context with the fonts, and a renderer; `draw` runs between
// ImGui::NewFrame and EndFrame, where the PNG export can render. False with one sentence when the
// graphics cannot start (`draw` is then not called).
// `largestTextPixels` > 0: the board's text is never drawn larger than about this, so the fonts
// are baked only that far (Fonts::Build; a thumbnail). Else `textPixels`, when given, is asked for
// that size with the fonts baked to the reference size (an export: ExportTextPixels).
// The context is made on a helper thread while this one runs `meanwhile` (loading the board), then
// makes the fonts; false from `meanwhile` stops there: false with *error empty (it said why).
bool RunHeadlessGl(const std::function<void(GpuRenderer& renderer, const Fonts& fonts)>& draw, std::string* error,
                   float largestTextPixels = 0, const std::function<float(const Fonts& fonts)>& textPixels = {},
                   const std::function<bool()>& meanwhile = {});
// What every export of a board file checks first: `out` is not the board itself (exit 2) and can be
// written, `file` exists and loads (its repairs said on stderr as warnings). 0 with `board` set,
// else the exit code, its one sentence printed.
int LoadForExport(const std::string& file, const std::string& out, Board* board);
// Loads `file` (LoadForExport) and renders it to the PNG `out` headless; `plan` gives the export's
// parameters once the fonts exist (a thumbnail fits the laid-out board). `largestTextPixels` as
// RunHeadlessGl's; 0: the fonts are baked as far as the export's largest text (ExportTextPixels).
// Each failure said in one sentence. Once the graphics started it ends the process with the exit
// code (std::_Exit: the OS frees the GL context and fonts faster than their teardown); else it
// returns the exit code.
int ExportBoardFile(const std::string& file, const std::string& out,
                    const std::function<ExportParams(const Board&, const Fonts&)>& plan, float largestTextPixels);
int RunExport(const std::string& file, const std::string& out, const ExportParams& params);
// `journeyboard thumbnail FILE.cjm OUT.png SIZE` (thumbnail_cli.cpp), the freedesktop thumbnailer's
// command: the whole board at most `size` pixels on its longest side, shape kept, rendered headless
// like an export and written the same way (no half file on failure).
inline constexpr int kMaxThumbnailSide = 4096;
int RunThumbnail(const std::string& file, const std::string& out, int size);
// The map travels (issue 17): a table or Mermaid journey in (import_table_cli.cpp), the board as a
// table (export_table_cli.cpp) or one HTML page (export_html_cli.cpp). `title` empty: the file's own.
int RunImportTable(const std::string& table, const std::string& out, const std::string& title);
int RunExportTable(const std::string& file, const std::string& out);
int RunExportHtml(const std::string& file, const std::string& out);
// The page's snapshot width for `board`: kPageSnapshotWidth, or less for a board whose picture
// would be taller than kPageSnapshotHeight (core/io/html_page.h).
int PageSnapshotWidth(const Board& board, const Fonts& fonts);
// The whole board PageSnapshotWidth wide as PNG bytes, rendered headless (export_html_cli.cpp).
// False with one sentence when the graphics cannot start or the render fails.
bool RenderPageSnapshot(const Board& board, std::string* png, ExportStats* stats, std::string* error);
// `journeyboard report FILE.cjm -o REPORT.md|REPORT.html [--date YYYY-MM-DD]` (report_cli.cpp):
// the follow-up report (core/insights/report.h); `date` empty: today.
int RunReport(const std::string& file, const std::string& out, const std::string& date);

}  // namespace jb
