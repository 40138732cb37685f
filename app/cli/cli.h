// The command line: `journeyboard [FILE.cjm | --template T] [--window WxH] [--dump-layout PATH]` opens the
// window; `new` and `export` work without a display.
#pragma once
#include <string>
#include <vector>

namespace jb {

struct ExportParams;

struct WindowOptions {
  std::string file;            // empty: the start screen, or `templateKey`'s board
  std::string templateKey;     // --template: a new, unsaved board from this template (core/io/templates.h)
  int width = 0, height = 0;   // 0: fit the monitor
  std::string dumpLayoutPath;  // --dump-layout
  double autosaveSeconds = 30; // --autosave-seconds: how often unsaved work is copied for recovery
  bool debug = false;          // --debug: the Debug menu (developers' tools) is shown
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
int RunExport(const std::string& file, const std::string& out, const ExportParams& params);
// The map travels (issue 17): a table or Mermaid journey in (import_table_cli.cpp), the board as a
// table (export_table_cli.cpp) or one HTML page (export_html_cli.cpp). `title` empty: the file's own.
int RunImportTable(const std::string& table, const std::string& out, const std::string& title);
int RunExportTable(const std::string& file, const std::string& out);
int RunExportHtml(const std::string& file, const std::string& out);

}  // namespace jb
