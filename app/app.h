// The application: composes one document, the canvas, the panels and dialogs (app/views), the
// command table (menus and shortcuts) and the window. RunWindow (app.cpp) drives it from GLFW;
// the benchmark (tests/bench) drives BuildUi headless.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "app/platform/fonts.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/render/export_job.h"
#include "app/views/canvas.h"
#include "app/views/checks_panel.h"
#include "app/views/command_palette.h"
#include "app/views/commands.h"
#include "app/views/export_dialog.h"
#include "app/views/file_dialog.h"
#include "app/views/find_bar.h"
#include "app/views/help_sheet.h"
#include "app/views/presentation_overlay.h"
#include "app/views/room_panel.h"
#include "app/views/round_panel.h"
#include "app/views/start_screen.h"
#include "app/views/timer_panel.h"
#include "app/views/toasts.h"
#include "app/views/toolbar.h"
#include "core/edit/document.h"
#include "core/io/desktop_recent.h"
#include "core/io/settings.h"
#include "core/io/templates.h"
#include "core/session/recovery_keeper.h"

struct GLFWwindow;

namespace jb {

// The version of a board file we loaded or last saved (StampOf): a save first compares it
// with the file on disk, so another program's save is never overwritten without asking.
struct FileStamp {
  std::string path;  // empty: nothing known
  uint64_t device = 0, inode = 0;
  int64_t size = 0, mtimeNs = 0;
  bool operator==(const FileStamp& o) const {
    return path == o.path && device == o.device && inode == o.inode && size == o.size && mtimeNs == o.mtimeNs;
  }
};
// The file at `path` as it is on disk now (app_files.cpp); an empty stamp when there is none.
FileStamp StampOf(const std::string& path);

// The window: set-up, main loop, tear-down; returns the process exit code.
int RunWindow(const WindowOptions& options);
// The command table as `journeyboard --list-commands` prints it (no window, no GL).
std::string ListCommands();

class App {
 public:
  // `window` may be null (the benchmark): no title, content scale 1, time from a steady clock.
  App(GLFWwindow* window, const WindowOptions& options)
      : m_window(window), m_options(options), m_recovery(options.autosaveSeconds) {}
  ~App();

  bool Init();
  // Returns true when the frame changed the board: the next frame must show it (the canvas may
  // have drawn before a panel or dialog made the change).
  bool Frame();
  // The UI of one frame, between ImGui::NewFrame and ImGui::Render: menu bar, shortcuts, the
  // canvas window, panels and dialogs. No GLFW or GL calls, so the benchmark builds the very same
  // frame headless. `typed`: characters typed since the last frame (full code points).
  void BuildUi(const std::u32string& typed);
  // Lays out one frame without drawing it, so the first drawn frame already knows the menu
  // bar's height (ImGui learns it from the previous frame).
  void WarmUp();
  bool ShouldQuit() const { return m_quit; }
  Document& document() { return m_document; }
  Canvas& canvas() { return m_canvas; }
  const Fonts& fonts() const { return m_fonts; }
  GpuRenderer& renderer() { return m_renderer; }
  TimerPanel& timer() { return m_timer; }
  double Now() const;  // seconds, GLFW's clock when there is a window
  // Seconds until the app must draw again with no input (text cursor blink, status message
  // expiry), or a negative number when it can sleep until the next event.
  double NextTimedFrameIn() const {
    double wait = -1;
    if (m_dialogSwitchFrames > 0) return 0;  // the next dialog opens the frame after this one closed
    if (m_room.server.HasNews()) return 0;   // a phone's note or a new phone: shown at once
    if (ImGui::GetIO().WantTextInput || m_canvas.IsTyping()) wait = 0.5;
    double status = m_presenting ? m_statusUntil - Now() : -1;  // the overlay's status line
    if (status > 0 && (wait < 0 || status < wait)) wait = status;
    double autosave = m_recovery.NextCopyIn(m_document, Now());
    if (autosave >= 0 && (wait < 0 || autosave < wait)) wait = autosave;
    if (m_canvas.Gliding() && (wait < 0 || wait > 0.016)) wait = 0.016;  // only while the camera glides
    double crisp = m_canvas.BoardCacheFrameIn(ImGui::GetTime());  // a gesture's scaled board, drawn crisp at rest
    if (crisp >= 0 && (wait < 0 || crisp < wait)) wait = crisp;
    double timer = m_timer.NextFrameIn(Now());  // a running timer: once a second
    if (timer >= 0 && (wait < 0 || timer < wait)) wait = timer;
    if (m_canvas.IsAnimating() && (wait < 0 || wait > 1.0 / 60)) wait = 1.0 / 60;  // Reveal's flip: only while it runs
    // A running export's progress, a toast's fade: timed frames only while they show.
    double exporting = m_exportJob.Busy() || !m_queuedSnapshots.empty() ? 0.1 : -1;
    if (exporting > 0 && (wait < 0 || exporting < wait)) wait = exporting;
    double toast = m_toasts.NextFrameIn(Now());
    if (toast >= 0 && (wait < 0 || toast < wait)) wait = toast;
    return wait;
  }

 private:
  enum class Pending { None, New, Open, OpenPath, Quit, ImportTable, PasteTable };

  void ApplyUiScale();
  // The ImGui colours and borders of `theme` (the board's are m_canvas.palette).
  void SetThemeStyle(Theme theme);
  // Writes the settings file when a setting changed (never while the side panels' edge is dragged).
  void PersistSettings();
  float SidePanelWidthPx() const;
  void OpenFile(const std::string& path);
  bool SaveTo(const std::string& path);
  // Ctrl+S: to the board's file, asking first when another program changed it (ChangedOnDisk).
  void Save();
  bool ChangedOnDisk() const;
  void RequestSaveAs();
  void RequestExport();
  void QuickSnapshot();
  // Starts an export of the current board (a copy) off the UI thread; false with the reason shown.
  bool StartExport(const ExportParams& params, const std::string& path, bool reservedFile);
  ExportParams ParamsFor(const ExportChoice& choice) const;
  std::string ExportSizeLine(const ExportChoice& choice) const;
  // Each frame: the export's progress box or toast, and what its outcome means.
  void ExportStatus();
  void StartOrConfirm(Pending action);
  void RunPending();
  // The command table (app_commands.cpp); `app` null only to list it.
  static std::vector<Command> MakeCommands(App* app);
  static const std::vector<MenuInfo>& Menus();
  friend std::string ListCommands();
  void Menu();
  void Undo();
  void Redo();
  void Shortcuts();
  void Dialogs();
  void UpdateTitle();
  // F5: full screen on the monitor under the window's centre, menus and panels hidden; again (or
  // Esc, or the overlay's Leave) puts the window back where and as large as it was.
  void TogglePresent();
  void PresentationOverlayUi();
  void DumpLayout();
  // File ▸ Invite participants, --invite: opens the room (a failure said in one sentence); `print`:
  // its join address on stdout too, for a launcher script or a test.
  void OpenRoom(const RoomOptions& options, bool print);
  // View ▸ Language: "" (the system's), "en", "ru"; the interface speaks it from the next frame on.
  void SetLanguage(const std::string& setting);
  // A confirmation: an info toast that fades by itself (and the dump's `status`).
  void Status(const std::string& message);
  // An error: a toast that stays until dismissed (× or Esc), and a line on stderr.
  void ShowError(const std::string& message);
  // The toasts, bottom right of the canvas, and what a click on one's button asks for.
  void ToastsUi();
  void InkStripUi(float scale);  // the pen's colours and widths beside the toolbar (app/views/ink_strip.h)
  // [SECTION] Recovery: the restore prompt; the policy is m_recovery's (core/session/recovery_keeper.h).
  void RecoveryDialog();
  // A damaged file was opened and repaired: say what was repaired (the file on disk is untouched
  // until the facilitator saves).
  void ReportRepairs(const std::vector<std::string>& warnings, const std::string& path);
  void AddRecent(const std::string& path);
  // The start screen, the new board's title and Board properties: what their answers do.
  void StartDialogs();
  void LoadRecent();
  // [SECTION] The map travels: tables and Mermaid journeys in and out, the shared page
  // File ▸ Import table… and Ctrl+Shift+V (app_import.cpp): the table becomes a new, unsaved
  // board, after the unsaved-changes question.
  void RequestImportTable();
  void ImportTableFile(const std::string& path);
  // Ctrl+Shift+V: a table on the clipboard is kept and, after the question, opened
  // (OpenPendingTable); anything else is said in one sentence and changes nothing.
  void PasteTable();
  void OpenPendingTable();
  // File ▸ Export table… (app_export_table.cpp): CSV, TSV, Markdown or Mermaid by the extension.
  void RequestExportTable();
  void ExportTableTo(const std::string& path);
  // File ▸ Export page… (app_export_page.cpp): one self-contained HTML page.
  void RequestExportPage();
  void RequestExportReport();  // File ▸ Export report… (app_export_report.cpp)
  void ExportPageTo(const std::string& path);
  void ExportReportTo(const std::string& path);
  // The page or (`report`) the report's page, its snapshot through the export job (app_export_page.cpp).
  void StartPageExport(const std::string& path, bool report);

  GLFWwindow* m_window;
  WindowOptions m_options;
  Document m_document;
  Canvas m_canvas;
  Fonts m_fonts;
  GpuRenderer m_renderer;
  FileDialog m_fileDialog;
  std::vector<Command> m_commands;
  ImGuiStyle m_baseStyle;

  float m_uiScale = 1.0f;
  bool m_uiScaleAuto = true;  // not chosen in View ▸ UI scale: follows the window's monitor
  float m_shownUiScale = 1;   // the UI scale in use (chosen or from the monitor), before the content scale
  float m_appliedScale = 0;
  // Theme, toolbar, panel width (m_uiScale is copied in when saved); what the file holds.
  Settings m_settings, m_savedSettings;
  std::string m_settingsPath;
  int m_appliedTheme = -1;
  std::vector<ToolbarButtonState> m_toolbarButtons;  // as drawn this frame
  bool m_panelEdgeDragged = false;
  Rect m_canvasRect;
  bool m_quit = false;
  Pending m_pending = Pending::None;
  Template m_pendingTemplate = Template::Classic;
  bool m_confirmDiscard = false;
  FileStamp m_loadedStamp;  // the board file as we loaded or last saved it
  bool m_changedOnDiskRequested = false;
  bool m_chooseTemplate = false;
  // The start screen (no file given, File ▸ Start screen…), the template cards it shares with
  // Ctrl+N, the title a new board is asked for, File ▸ Board properties….
  StartScreen m_start;
  TemplateGallery m_gallery;
  TitleQuestion m_titleQuestion;
  bool m_propertiesRequested = false;
  std::string m_pendingPath;  // Pending::OpenPath: a recent board chosen on the start screen
  std::string m_pendingTable, m_pendingTableName;  // Pending::PasteTable: the text, and its file ("": the clipboard)
  std::string m_error;
  bool m_errorRequested = false;
  std::string m_status;
  size_t m_textsRepairedShown = 0;  // the Document's TextsRepaired() the status line has told
  double m_statusUntil = 0;
  std::string m_title;
  std::vector<std::string> m_recent;
  DesktopRecentUpdater m_desktopRecent;  // the desktop's own list, beside m_recent (the window only)
  std::string m_lastDump;
  std::string m_dumpError;  // the current --dump-layout failure, said once
  bool m_showDemo = false;
  bool m_showHistory = false;
  bool m_showChecks = false;  // Journey ▸ Map checks
  ChecksPanel m_checks;
  bool m_showMetrics = false;  // Journey ▸ Metrics
  bool m_showOpportunities = false;  // Journey ▸ Opportunities
  bool m_showPersonas = false;
  RecoveryKeeper m_recovery;  // autosave copies, the change journal, the copy offered at start
  bool m_recoveryRequested = false;
  std::optional<RestoreResult> m_recoveryRead;  // the offered copy, read once when the prompt opens
  bool m_showInspector = false;
  FindBar m_find;             // Ctrl+F
  CommandPalette m_palette;   // Ctrl+K

  // [SECTION] Presentation (F5)
  bool m_presenting = false;
  int m_windowedX = 0, m_windowedY = 0, m_windowedW = 0, m_windowedH = 0;  // restored on leaving
  float m_menuBarHeight = 0;  // as last drawn; 0 while presenting
  bool m_escapeTaken = false;  // this frame's Esc closed a menu: it does not also leave presentation
  TimerPanel m_timer;  // Workshop ▸ Timer: the countdown, its panel and its corner badge
  RoomPanel m_room;    // File ▸ Invite participants: the room's server, the Invite and Inbox panels
  RoundPanel m_round;  // Journey ▸ Voting round: its choices, the dots cast, the ranked result (in m_room.server)

  // Exports (Ctrl+E's dialog, Ctrl+Shift+E's snapshot): one at a time, on a worker thread with a
  // GL context of its own. Declared after m_fonts and before nothing that the worker reads, so
  // the job (cancelled and joined first) ends before them.
  SharedGlContext m_exportGl;
  ExportJob m_exportJob;
  GpuRenderer::DrawCounts m_lastExportDraws{-1, -1};  // the dump's, of the last export written
  ExportChoice m_exportChoice;
  std::deque<std::string> m_queuedSnapshots;  // files reserved by Ctrl+Shift+E while an export ran
  std::string m_exportBoardPath;  // the board m_exportChoice.path was suggested for
  // File ▸ Export page…: the page waits for its snapshot, which the export job renders into a
  // private temp folder; the board is the one asked for, not what was edited meanwhile.
  struct PendingPage {
    std::string path, folder, snapshot;
    Board board;
    bool report = false;  // File ▸ Export report…: the report's page rather than the map's
  };
  std::optional<PendingPage> m_page;
  void FinishPage(const ExportOutcome& outcome);
  bool m_exportDialogRequested = false;
  Toasts m_toasts;  // confirmations and errors, bottom right of the canvas
  HelpSheet m_help;  // F1, ?: the shortcuts sheet
  bool m_aboutRequested = false;
  // Export ⇄ its file dialog: the next one opens a frame later, and a popup's first frame is
  // hidden, so two more frames than the click gives.
  int m_dialogSwitchFrames = 0;
  // JOURNEYBOARD_FRAME_STATS=FILE: per-frame times written there at exit (for measuring).
  std::string m_statsPath;
  std::vector<double> m_cpuMs, m_gpuMs;
};

}  // namespace jb
