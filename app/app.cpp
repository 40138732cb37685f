// The App composes the Document, the canvas, the panels, the dialogs and the window; the command
// table declares every menu item and shortcut once. The views live in app/views (dialogs.h,
// panels.h, commands.h); window_events.cpp has GLFW's events and the event-accurate input queue.
// The restore prompt, open and save, and New/Open/Quit asking first are app_files.cpp; exports
// app_export.cpp; tables app_import.cpp.
//
// [SECTION] App               — start-up, UI scale, status line and errors
// [SECTION] Commands          — the menu bar, shortcuts (the command table: app_commands.cpp)
// [SECTION] Dialogs           — the file dialog, New board, unsaved changes, errors
// [SECTION] Frame             — one frame: BuildUi (what the benchmark runs), title, layout dump
// [SECTION] RunWindow         — set-up, main loop, tear-down
#include <glad/gl.h>
// glad first: GLFW must not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_internal.h>  // ImGui::ClosePopupsExceptModals

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <optional>
#include <thread>

#include "app/app.h"
#include "app/cli/cli.h"
#include "app/platform/fonts.h"
#include "app/platform/gl_context.h"
#include "app/platform/gpu_renderer.h"
#include "app/platform/i18n.h"
#include "app/platform/open_folder.h"
#include "app/platform/window_events.h"
#include "app/render/render.h"
#include "app/views/canvas.h"
#include "app/views/commands.h"
#include "app/views/dialogs.h"
#include "app/views/file_dialog.h"
#include "app/views/ink_strip.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "app/views/side_panel.h"
#include "app/views/toolbar.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/durable_file.h"
#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "core/model/clock.h"
#include "core/session/journal.h"
#include "core/session/recovery.h"
#include "core/session/save_document.h"

namespace fs = std::filesystem;

namespace jb {

// [SECTION] App

App::~App() {
  // Snapshots still waiting when the window closes: their reserved, empty files go.
  for (const std::string& path : m_queuedSnapshots) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0) fs::remove(path, ec);
  }
  // A page still waiting for its snapshot: the export stops, and its private temp folder goes.
  if (m_page) {
    m_exportJob.Cancel();
    std::error_code ec;
    fs::remove_all(m_page->folder, ec);
  }
  if (m_statsPath.empty() || m_cpuMs.empty()) return;
  auto summary = [](std::vector<double> v, const char* name, std::FILE* out) {
    std::sort(v.begin(), v.end());
    std::fprintf(out, "\"%s_median\": %.3f, \"%s_p95\": %.3f", name, v[v.size() / 2], name, v[v.size() * 95 / 100]);
  };
  if (std::FILE* out = std::fopen(m_statsPath.c_str(), "w")) {
    std::fprintf(out, "{\"frames\": %zu, ", m_cpuMs.size());
    summary(m_cpuMs, "cpu_ms", out);
    std::fprintf(out, ", ");
    summary(m_gpuMs, "gl_ms", out);
    std::fprintf(out, "}\n");
    std::fclose(out);
  }
}

double App::Now() const {
  if (m_window) return glfwGetTime();
  static const auto start = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool App::Init() {
  if (const char* stats = std::getenv("JOURNEYBOARD_FRAME_STATS")) m_statsPath = stats;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // view state is not the document; nothing is written to the working folder
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  // Settings belong to the window: the benchmark runs with the defaults and writes nothing.
  if (m_window) {
    m_settingsPath = SettingsPath();
    std::string warning;
    m_settings = LoadSettings(m_settingsPath, &warning);
    m_savedSettings = m_settings;  // a damaged file is only replaced when a setting changes
    m_uiScale = m_settings.uiScale;
    m_uiScaleAuto = m_settings.uiScaleAuto;
    m_timer.chime = m_settings.chime;
    m_canvas.ink = InkFromSettings(m_settings);
    SetInterfaceLanguage(m_settings.language);
    if (!warning.empty()) {
      std::fprintf(stderr, "journeyboard: %s\n", warning.c_str());
      Status(warning);
    }
  }
  m_commands = MakeCommands(this);
  m_canvas.commandKeys = [this] { RunCommandKeys(m_commands, /*ctrl=*/false); };
  m_canvas.idleEscape = [this] {
    if (m_presenting && !m_escapeTaken) TogglePresent();
  };
  m_canvas.notice = [this](const std::string& message) { Status(message); };
  m_timer.notice = [this](const std::string& message) { Status(message); };
  m_room.notice = [this](const std::string& message) { Status(message); };
  m_room.network = m_settings.roomNetwork;
  m_room.chooseNetwork = [this](const std::string& network) {
    m_settings.roomNetwork = m_room.network = network;  // saved with the other settings
    m_room.Close();
    OpenRoom(RoomOptions{network}, /*print=*/false);
  };
  m_room.openRound = [this] { m_round.show = true; };
  m_round.notice = [this](const std::string& message) { Status(message); };
  m_canvas.roundDot = [this](NoteId note, bool takeBack) {
    if (!m_room.server.WithRound([](const VoteRound& round) { return round.Open(); })) return false;
    m_round.RoomDot(m_room.server, note, takeBack);
    return true;
  };
  // A note from a phone wakes the sleeping event loop (glfwPostEmptyEvent is safe from any thread).
  if (m_window) m_room.server.wake = [] { glfwPostEmptyEvent(); };
  if (!m_renderer.Init()) {
    std::fprintf(stderr, "journeyboard: the graphics driver could not compile the renderer's shaders.\n");
    return false;
  }
  m_canvas.UseRenderer(&m_renderer);
  ApplyUiScale();
  LoadRecent();
  // The exports' own GL context; without it (a driver that cannot share) they run on this thread.
  if (m_window && !m_exportGl.Create(m_window))
    std::fprintf(stderr, "journeyboard: exports will pause the window (no second GL context).\n");

  if (m_options.file.empty()) {
    // --template: that board, ready to use; else the start screen over an empty board (what Esc leaves).
    Template which = Template::Blank;
    if (m_options.templateKey.empty() || !TemplateFromKey(m_options.templateKey, &which)) m_start.Request();
    m_document.Reset(MakeBoard(which), "");
  } else {
    const FileStamp stamp = StampOf(m_options.file);  // before reading: a change while we read shows
    LoadResult loaded = LoadBoard(m_options.file);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      // Keep running on the sample board and say what was wrong: nothing is lost.
      m_document.Reset(MakeBoard(Template::Sample), "");
      ShowError(error->message);
    } else {
      LoadedBoard& opened = std::get<LoadedBoard>(loaded);
      ReportRepairs(opened.warnings, m_options.file);
      m_document.Reset(std::move(opened.board), m_options.file);
      m_loadedStamp = stamp;
      AddRecent(m_options.file);
    }
  }
  // At start: a copy of this board's unsaved work (or, with no file, of any board) means the last
  // session did not end cleanly.
  m_recoveryRequested = m_recovery.Offer(m_options.file).has_value();
  // Journal every committed change (the window only: the benchmark must not leave recovery files).
  if (m_window)
    m_document.SetObserver([this](JournalKind kind, const BoardDiff& diff) {
      if (auto error = m_recovery.OnChange(kind, diff, m_document, Now())) ShowError(*error);
    });
  if (m_options.invite) {
    const std::string network = m_options.inviteBind.empty() ? m_room.network : m_options.inviteBind;
    OpenRoom(RoomOptions{network, m_options.invitePort}, /*print=*/true);
    if (m_room.server.Running()) m_room.network = network;  // --bind holds for this session only
  }
  return true;
}

void App::OpenRoom(const RoomOptions& options, bool print) {
  std::string error, note;
  if (!m_room.Open(options, m_document.board(), &error, &note)) {
    ShowError(error);
    return;
  }
  if (!note.empty()) Status(note);
  if (print) {
    std::printf("%s\n", m_room.server.JoinUrl().c_str());
    std::fflush(stdout);
  }
}

namespace {

// The height in pixels of the monitor that holds the window's centre (the primary one when none
// does, 0 without a window): a window moved to another monitor takes that monitor's scale.
int WindowMonitorHeight(GLFWwindow* window) {
  if (!window) return 0;
  int x = 0, y = 0, w = 0, h = 0;
  glfwGetWindowPos(window, &x, &y);
  glfwGetWindowSize(window, &w, &h);
  const int cx = x + w / 2, cy = y + h / 2;
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count; ++i) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
    int mx = 0, my = 0;
    glfwGetMonitorPos(monitors[i], &mx, &my);
    if (mode && cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height) return mode->height;
  }
  const GLFWvidmode* primary = glfwGetPrimaryMonitor() ? glfwGetVideoMode(glfwGetPrimaryMonitor()) : nullptr;
  return primary ? primary->height : 0;
}

}  // namespace

void App::ApplyUiScale() {
  float xscale = 1, yscale = 1;
  if (m_window) glfwGetWindowContentScale(m_window, &xscale, &yscale);
  // The projector theme's text is larger: a projected screen is read from across the room.
  const float themeScale = m_settings.theme == Theme::Projector ? 1.25f : 1.0f;
  m_shownUiScale = m_uiScaleAuto ? AutoUiScale(WindowMonitorHeight(m_window), xscale) : m_uiScale;
  float scale = std::max(xscale, 1.0f) * m_shownUiScale * themeScale;
  if (scale == m_appliedScale && int(m_settings.theme) == m_appliedTheme) return;
  if (int(m_settings.theme) != m_appliedTheme) {
    SetThemeStyle(m_settings.theme);
    m_appliedTheme = int(m_settings.theme);
  }
  if (scale != m_appliedScale && m_exportJob.Busy()) return;  // the export draws with these fonts: the new scale waits
  std::string warning;
  if (scale != m_appliedScale) {
    m_fonts.Build(*ImGui::GetIO().Fonts, std::round(16 * scale), &warning);
    m_renderer.UploadFonts(*ImGui::GetIO().Fonts);
    if (!m_fonts.IconWarning().empty()) {
      std::fprintf(stderr, "journeyboard: %s\n", m_fonts.IconWarning().c_str());
      Status(m_fonts.IconWarning());
    }
  }
  m_appliedScale = scale;
  ImGui::GetStyle() = m_baseStyle;
  ImGui::GetStyle().ScaleAllSizes(scale);
  if (!warning.empty()) ShowError(warning);
}

void App::SetThemeStyle(Theme theme) {
  ImGuiStyle style;
  if (theme == Theme::Dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 6;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  // Opaque panels, menus and dialogs: ImGui's slightly see-through ones let the board's text ghost
  // through them, and cost a blended layer of their size each frame on a software renderer.
  style.Colors[ImGuiCol_WindowBg].w = style.Colors[ImGuiCol_PopupBg].w = 1;
  if (theme == Theme::Projector) {  // near-black on white, with outlines a washed-out image keeps
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_Text] = {0, 0, 0, 1};
    colors[ImGuiCol_TextDisabled] = {0.25f, 0.25f, 0.25f, 1};
    colors[ImGuiCol_WindowBg] = colors[ImGuiCol_PopupBg] = colors[ImGuiCol_MenuBarBg] = {1, 1, 1, 1};
    colors[ImGuiCol_Border] = {0, 0, 0, 1};
    colors[ImGuiCol_FrameBg] = {1, 1, 1, 1};
    colors[ImGuiCol_Button] = {0.92f, 0.92f, 0.92f, 1};
    colors[ImGuiCol_ButtonHovered] = colors[ImGuiCol_HeaderHovered] = {1.0f, 0.85f, 0.2f, 1};
    colors[ImGuiCol_ButtonActive] = colors[ImGuiCol_Header] = {1.0f, 0.75f, 0.0f, 1};
    colors[ImGuiCol_CheckMark] = {0, 0, 0, 1};
    colors[ImGuiCol_TitleBg] = colors[ImGuiCol_TitleBgActive] =
        colors[ImGuiCol_TitleBgCollapsed] = {0.85f, 0.85f, 0.85f, 1};
    style.WindowBorderSize = 2;
    style.FrameBorderSize = 2;
    style.PopupBorderSize = 2;
  }
  m_baseStyle = style;
  m_canvas.palette = theme == Theme::Dark        ? &DarkPalette()
                     : theme == Theme::Projector ? &ProjectorPalette()
                                                 : &LightPalette();
}

float App::SidePanelWidthPx() const {
  const float scale = std::max(m_appliedScale, 1.0f);
  return (m_settings.panelWidth > 0 ? m_settings.panelWidth : 352) * scale;
}

void App::PersistSettings() {
  m_settings.uiScale = m_uiScale;
  m_settings.uiScaleAuto = m_uiScaleAuto;
  m_settings.chime = m_timer.chime;
  InkToSettings(m_canvas.ink, &m_settings);
  if (!m_window || m_settingsPath.empty() || m_panelEdgeDragged || m_settings == m_savedSettings) return;
  m_savedSettings = m_settings;  // tried once: a failure is said once, not every frame
  SaveError error;
  if (!SaveSettings(m_settingsPath, m_settings, &error)) Status(error.message);
}

void App::Status(const std::string& message) {
  m_status = message;
  m_statusUntil = Now() + 4;
  if (!m_presenting) m_toasts.Info(message, Now());  // presenting: the overlay's status line says it
}

void App::ShowError(const std::string& message) {
  std::fprintf(stderr, "journeyboard: %s\n", message.c_str());
  m_toasts.Error(message);
}

void App::ToastsUi() {
  if (const Toast* clicked = m_toasts.Show(m_canvasRect, Now())) {
    std::string error;
    if (!clicked->path.empty() && !OpenFolder(fs::path(clicked->path).parent_path().string(), &error)) ShowError(error);
  }
  // A click on a toast leaves the keyboard with the board, so its plain keys still act.
  if (const ImGuiWindow* focused = GImGui->NavWindow;
      focused && std::strncmp(focused->Name, "##toast", 7) == 0 && !ImGui::IsAnyItemActive())
    ImGui::SetWindowFocus("canvas");
}

// [SECTION] Commands

void App::Menu() {
  if (m_document.TextsRepaired() != m_textsRepairedShown) {  // a field or paste met the text rules
    m_textsRepairedShown = m_document.TextsRepaired();
    Status(_("Text past the limit of 20,000 characters, or characters a text cannot hold, was left out."));
  }
  m_menuBarHeight = 0;
  if (m_presenting) return;  // the overlay shows the status line
  if (!ImGui::BeginMainMenuBar()) return;
  m_menuBarHeight = ImGui::GetWindowHeight();
  ShowCommandMenus(m_commands, Menus());
  if (m_room.server.Running()) {
    // The room at a glance, whatever panels are closed: at the right end; a click shows or hides
    // the inbox, as File ▸ Inbox does.
    const std::string counter =
        Format(_("Room: %zu phones, %zu notes waiting"), m_room.server.PhonesConnected(), m_room.inbox.Waiting().size());
    const float textWidth = ImGui::CalcTextSize(counter.c_str()).x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - textWidth - ImGui::GetStyle().ItemSpacing.x * 2));
    if (ImGui::Selectable(counter.c_str(), m_room.showInbox, 0, {textWidth, 0}))
      m_room.showInbox = !m_room.showInbox;
    RecordWidget("menu.room_counter");
  }
  ImGui::EndMainMenuBar();
}

void App::Undo() {
  m_canvas.FinishInteraction(m_document);
  m_document.Undo();
  m_canvas.PruneSelection(m_document);
}

void App::Redo() {
  m_canvas.FinishInteraction(m_document);
  m_document.Redo();
  m_canvas.PruneSelection(m_document);
}

// The Ctrl chords of the command table; the plain keys are the canvas's (Canvas::commandKeys).
void App::Shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  // Without keyboard navigation ImGui leaves menus open on Escape, and an open menu blocks every
  // chord below: Escape closes them (the dialogs, all modal, answer Escape themselves).
  m_escapeTaken = false;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    m_escapeTaken = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
    ImGui::ClosePopupsExceptModals();
    // Then the error toasts (not while a text is typed: there Esc ends the edit).
    if (!m_escapeTaken && !io.WantTextInput && !m_canvas.IsTyping()) m_escapeTaken = m_toasts.DismissErrors();
  }
  // F1 from anywhere but a dialog (on the canvas the command table's keys also run it: F1 and ?).
  if (ImGui::IsKeyPressed(GLFW_KEY_F1, false) && !io.KeyCtrl && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
    m_help.Open();
  if (io.WantTextInput || m_canvas.IsTyping() || !io.KeyCtrl || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
    return;
  RunCommandKeys(m_commands, /*ctrl=*/true);
}

// [SECTION] Dialogs

void App::Dialogs() {
  if (m_dialogSwitchFrames > 0) --m_dialogSwitchFrames;
  std::string chosen;
  if (m_fileDialog.Show(m_recent, &chosen)) {
    switch (m_fileDialog.purpose()) {
      case FileDialog::Purpose::Open: OpenFile(chosen); break;
      case FileDialog::Purpose::SaveAs:
        if (SaveTo(chosen) && m_pending != Pending::None) RunPending();
        break;
      case FileDialog::Purpose::ExportPng:  // Browse: back to the Export dialog with the file
        m_exportChoice.path = chosen;
        m_exportDialogRequested = true;
        m_dialogSwitchFrames = 3;
        break;
      case FileDialog::Purpose::ImportTable: ImportTableFile(chosen); break;
      case FileDialog::Purpose::ExportTable: ExportTableTo(chosen); break;
      case FileDialog::Purpose::ExportPage: ExportPageTo(chosen); break;
      case FileDialog::Purpose::ExportReport: ExportReportTo(chosen); break;
    }
  }
  if (ShowNewBoardDialog(&m_chooseTemplate, m_gallery, m_renderer, m_fonts, &m_pendingTemplate)) {
    m_dialogSwitchFrames = 3;
    StartOrConfirm(Pending::New);
  }
  StartDialogs();
  std::vector<std::string> stages;
  for (const Stage& stage : m_document.board().stages) stages.push_back(stage.name);
  switch (ShowExportDialog(&m_exportDialogRequested, &m_exportChoice, stages, !m_canvas.selection().empty(),
                           [this](const ExportChoice& choice) { return ExportSizeLine(choice); })) {
    case ExportDialogAnswer::Export: StartExport(ParamsFor(m_exportChoice), m_exportChoice.path, false); break;
    case ExportDialogAnswer::Browse:
      m_fileDialog.Request(FileDialog::Purpose::ExportPng, m_exportChoice.path);
      m_dialogSwitchFrames = 3;
      break;
    case ExportDialogAnswer::None: break;
  }
  switch (ShowUnsavedQuestion(&m_confirmDiscard, m_document.DisplayName())) {
    case UnsavedAnswer::Save: Save(); break;
    case UnsavedAnswer::DontSave: RunPending(); break;
    case UnsavedAnswer::Cancel: m_pending = Pending::None; break;
    case UnsavedAnswer::None: break;
  }
  switch (ShowChangedOnDiskQuestion(&m_changedOnDiskRequested, m_document.DisplayName())) {
    case ChangedOnDiskAnswer::SaveAs: RequestSaveAs(); break;  // RunPending follows a successful save
    case ChangedOnDiskAnswer::Overwrite:
      if (SaveTo(m_document.path()) && m_pending != Pending::None) RunPending();
      break;
    case ChangedOnDiskAnswer::Cancel: m_pending = Pending::None; break;
    case ChangedOnDiskAnswer::None: break;
  }
  ShowErrorMessage(&m_errorRequested, m_error);
}

void App::StartDialogs() {
  // Not over the recovery prompt: its answer may bring back the board the facilitator wants.
  if (!m_start.Requested() || (!m_recoveryRequested && !m_recovery.offered())) {
    const StartAnswer answer = m_start.Show(m_recent, m_gallery, m_renderer, m_fonts);
    if (answer.action != StartAction::None && answer.action != StartAction::Close) m_dialogSwitchFrames = 3;
    switch (answer.action) {
      case StartAction::NewBoard:
        m_pendingTemplate = answer.chosen;
        StartOrConfirm(Pending::New);
        break;
      case StartAction::OpenRecent:
        m_pendingPath = answer.path;
        StartOrConfirm(Pending::OpenPath);
        break;
      case StartAction::OpenOther: StartOrConfirm(Pending::Open); break;
      case StartAction::Close:
      case StartAction::None: break;
    }
  }
  std::string title;
  if (m_titleQuestion.Show(&title)) m_document.Apply(SetBoardTitle(m_document.board(), title), N_("Rename board"));
  std::string language;
  if (ShowBoardProperties(&m_propertiesRequested, m_document.board(), &title, &language)) {
    m_document.Apply(SetBoardTitle(m_document.board(), title), N_("Rename board"));
    m_document.Apply(SetBoardLanguage(m_document.board(), language), N_("Change board language"));
  }
}

// [SECTION] Frame

void App::UpdateTitle() {
  std::string title = (m_document.IsDirty() ? "*" : "") + m_document.DisplayName() + " — Journeyboard";
  if (title != m_title && m_window) {
    m_title = title;
    glfwSetWindowTitle(m_window, title.c_str());
  }
}

void App::TogglePresent() {
  if (!m_window) {  // the benchmark: no window to make full screen
    m_presenting = !m_presenting;
    return;
  }
  if (m_presenting) {
    glfwSetWindowMonitor(m_window, nullptr, m_windowedX, m_windowedY, m_windowedW, m_windowedH, GLFW_DONT_CARE);
    m_presenting = false;
    return;
  }
  glfwGetWindowPos(m_window, &m_windowedX, &m_windowedY);
  glfwGetWindowSize(m_window, &m_windowedW, &m_windowedH);
  // The monitor under the window's centre: a laptop's window dragged onto the projector presents there.
  const int cx = m_windowedX + m_windowedW / 2, cy = m_windowedY + m_windowedH / 2;
  GLFWmonitor* chosen = nullptr;
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  for (int i = 0; i < count && !chosen; ++i) {
    int mx = 0, my = 0;
    glfwGetMonitorPos(monitors[i], &mx, &my);
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
    if (mode && cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height) chosen = monitors[i];
  }
  if (!chosen) chosen = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = chosen ? glfwGetVideoMode(chosen) : nullptr;
  if (!mode) {
    Status(_("Presentation needs a screen, and none was found."));
    return;
  }
  glfwSetWindowMonitor(m_window, chosen, 0, 0, mode->width, mode->height, mode->refreshRate);
  m_presenting = true;
}

void App::PresentationOverlayUi() {
  PresentationOverlay overlay;
  const Board& board = m_document.board();
  overlay.title = board.meta.title.empty() ? m_document.DisplayName() : board.meta.title;
  const int stage = m_canvas.FocusedStage();
  if (stage >= 0 && stage < int(board.stages.size())) overlay.stage = board.stages[stage].name;
  if (m_statusUntil > Now()) overlay.status = m_status;
  overlay.area = m_canvasRect;
  if (ShowPresentationOverlay(overlay)) {
    TogglePresent();
    ImGui::SetWindowFocus("canvas");  // the plain keys are the canvas's: give them back
  }
}

void App::SetLanguage(const std::string& setting) {
  m_settings.language = setting;  // saved with the other settings at the end of the frame
  SetInterfaceLanguage(setting);
}

void App::DumpLayout() {
  if (m_options.dumpLayoutPath.empty() || !m_window || !m_canvas.LayoutIsCurrent(m_document)) return;
  // A glide moves the view every frame for a quarter of a second: the dump shows where it ends,
  // never a rectangle a test could aim at while it still moves.
  if (m_canvas.Gliding()) return;
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  ViewInfo view;
  view.windowWidth = w;
  view.windowHeight = h;
  view.path = m_document.path();
  view.dirty = m_document.IsDirty();
  view.addStage = m_canvas.AddStageButton();
  view.addLane = m_canvas.AddLaneButton();
  view.undo = m_document.UndoLabel();
  view.redo = m_document.RedoLabel();
  for (NoteId id : m_canvas.selection()) view.selection.push_back(id.value);
  view.sketchSelection = m_canvas.sketchSelection();
  view.tool = ToolName(m_canvas.tool);
  view.glyphs = &m_fonts;
  for (size_t l = 0; l < m_document.board().lanes.size(); ++l) view.chevrons.push_back(m_canvas.LaneChevron(int(l)));
  view.uiScale = m_shownUiScale;
  view.status = m_status;
  view.editing = m_canvas.EditedNote(&view.editingFirstLine);
  view.gesture = m_document.InGesture();
  view.voting = m_canvas.voting;
  view.findOpen = m_find.open();
  view.findQuery = m_find.query();
  view.findCount = m_find.count();
  for (NoteId id : m_find.matches()) view.findMatches.push_back(id.value);
  view.findCurrent = m_find.current();
  view.paletteOpen = m_palette.open();
  view.paletteQuery = m_palette.query();
  view.paletteShown = m_palette.shown();
  view.presenting = m_presenting;
  view.spotlight = m_canvas.spotlight;
  view.roomView = m_canvas.RoomView();
  // The filter as drawn: one on a persona deleted since filters nothing.
  view.personaFilter = m_document.board().FindPersona(m_canvas.personaFilter) ? m_canvas.personaFilter.value : 0;
  view.focusedStage = m_canvas.FocusedStage();
  view.menuBar = m_menuBarHeight;
  const Countdown::State timerState = m_timer.countdown.StateAt(Now());
  view.timerState = TimerPanel::StateName(timerState);
  view.timerRemaining = m_timer.countdown.ShownSeconds(Now());
  view.timerShown = timerState != Countdown::State::Idle;
  view.timerChime = m_timer.chime;
  view.timerChimes = m_timer.chimes;
  view.timerFlash = m_timer.Flashing(Now());
  view.toolbarShown = m_settings.toolbar;
  view.toolbar = m_toolbarButtons;
  view.theme = ThemeName(m_settings.theme);
  view.uiLanguage = InterfaceLanguage();
  for (const Command& command : m_commands)
    if (!command.path.empty() && (view.uiMenus.empty() || view.uiMenus.back() != _(command.path[0].c_str())))
      view.uiMenus.push_back(_(command.path[0].c_str()));
  view.sidePanels = SidePanelsShown();
  m_checks.Refresh(m_document);
  view.checksOpen = m_showChecks;
  view.topPains = &m_checks.topPains();
  view.checks = &m_checks.entries();
  view.canvas = m_canvasRect;
  view.roomOpen = m_room.server.Running();
  if (view.roomOpen) {
    view.roomUrl = m_room.server.JoinUrl();
    view.roomCode = m_room.server.Code();
    view.roomPhones = m_room.server.PhonesConnected();
  }
  view.inbox = &m_room.inbox.Waiting();
  view.coverMode = m_canvas.coverMode;
  view.flipping = m_canvas.FlippingNotes();
  for (const Toast& toast : m_toasts.shown()) {
    view.toasts.push_back({toast.text, toast.kind == Toast::Kind::Error ? "error" : "info"});
    if (!toast.path.empty()) {  // the export's, as the dump has always named it
      view.toast = toast.text;
      view.toastPath = toast.path;
    }
  }
  view.helpOpen = m_help.open();
  view.helpRows = m_help.rows();
  view.helpGestures = HelpGestureCount();
  view.menuBarMenus = TopMenuNames(m_commands);
  view.exportProgress = m_exportJob.Busy() ? m_exportJob.ProgressText() : "";
  view.lastExportFillDraws = m_lastExportDraws.fills;
  view.lastExportTexturedDraws = m_lastExportDraws.textured;
  const Camera& camera = m_canvas.camera();
  for (const PointLabel& label :
       PlacePointLabels(m_document.board(), m_canvas.layout(), camera.zoom, m_fonts, m_canvas.PointLabelMinPx()))
    view.pointLabels.push_back({label.curve, label.knot, camera.ToScreen(label.rect), label.size * camera.zoom, label.lines});
  view.prompts = m_canvas.PromptsDrawn();
  view.startOpen = m_start.IsOpen();
  view.startTemplates = m_start.TemplateRects();
  view.startRecent = m_start.RecentRects();
  view.title = m_canvas.layout().TitleBox();
  view.renaming = m_canvas.RenamingWhat();
  if (m_showMetrics && !m_presenting) view.metricsPanel = MetricsPanelDump();
  view.round = m_round.DumpJson(m_room.server);
  if (m_showOpportunities && !m_presenting) view.opportunitiesPanel = OpportunitiesPanelDump();
  std::string json = LayoutToJson(m_document.board(), m_canvas.layout(), m_canvas.camera(), view);
  if (json.empty() || json == m_lastDump) return;  // stale layout, or nothing moved: keep the file
  std::string error;
  if (WriteLayoutDump(m_options.dumpLayoutPath, json, &error)) {
    m_lastDump = std::move(json);
    m_dumpError.clear();
  } else {
    m_lastDump.clear();  // the file on disk is not what we last wrote: the next frame writes it anew
    if (error != m_dumpError) {  // once, not every frame
      std::fprintf(stderr, "journeyboard: %s\n", error.c_str());
      m_dumpError = error;
    }
  }
}

// While the Pen or the Highlighter is chosen: the ink strip, in line with the toolbar's Pen button
// (the canvas' top-left corner when the toolbar is hidden).
void App::InkStripUi(float scale) {
  const bool highlighter = m_canvas.tool == Canvas::Tool::Highlighter;
  if (m_canvas.tool != Canvas::Tool::Pen && !highlighter) return;
  float x = m_canvasRect.x0 + 6 * scale, y = m_canvasRect.y0 + 6 * scale;
  for (const ToolbarButtonState& button : m_toolbarButtons)
    if (button.id == "tool.pen") y = std::max(m_canvasRect.y0, button.rect.y0 - 6 * scale);
  ShowInkStrip(&m_canvas.ink, highlighter, x, y, scale);
}

void App::WarmUp() {
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  Menu();
  ImGui::EndFrame();
}

void App::BuildUi(const std::u32string& typed) {
  ClearRecordedWidgets();
  m_room.Poll(m_document);  // first: this frame's panels and dump show what the phones sent
  m_room.PlaceStraight(m_document);
  m_round.Tick(m_document, m_room.server, m_timer.countdown, Now());  // a timed round ends with the timer
  Menu();
  Shortcuts();
  // The canvas gets what the toolbar (left) and the side panels (right) leave: they never cover it.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const Rect work{viewport->WorkPos.x, viewport->WorkPos.y, viewport->WorkPos.x + viewport->WorkSize.x,
                  viewport->WorkPos.y + viewport->WorkSize.y};
  const float scale = std::max(m_appliedScale, 1.0f);
  const float toolbarWidth = ToolbarWidth(m_commands, work.Height(), scale, m_settings.toolbar);
  // First, so a panel its buttons open is counted below in the same frame.
  m_toolbarButtons.clear();
  if (m_settings.toolbar)
    m_toolbarButtons = ShowToolbar(m_commands, m_fonts, {work.x0, work.y0, work.x0 + toolbarWidth, work.y1}, scale);
  // A tap on the toolbar leaves the keyboard with the board, so its plain keys (V, F, N) still act.
  if (const ImGuiWindow* focused = GImGui->NavWindow;
      focused && (std::strcmp(focused->Name, "##toolbar") == 0 || std::strcmp(focused->Name, "##side_splitter") == 0) &&
      !ImGui::IsAnyItemActive())
    ImGui::SetWindowFocus("canvas");
  const int panels = m_presenting ? 0
                                  : int(m_showInspector) + int(m_showPersonas) + int(m_showHistory) +
                                        int(m_showChecks) + int(m_showMetrics) + int(m_showOpportunities);
  const float panelWidth = panels ? std::min(SidePanelWidthPx(), work.Width() * 0.6f) : 0;
  const Rect column{work.x1 - panelWidth, work.y0, work.x1, work.y1};
  m_canvasRect = {work.x0 + toolbarWidth, work.y0, std::max(work.x0 + toolbarWidth + 1, column.x0), work.y1};
  ImGui::SetNextWindowPos({m_canvasRect.x0, m_canvasRect.y0});
  ImGui::SetNextWindowSize({m_canvasRect.Width(), m_canvasRect.Height()});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("canvas", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar(2);
  // What covers the canvas' top, over the board: presentation's overlay, the find bar (both from
  // the top of the work area, which is the canvas' top).
  m_canvas.SetCoveredTop(std::max(m_presenting ? PresentationOverlayReach() : 0.0f, m_find.Reach()));
  m_canvas.Show(m_document, m_fonts, typed);
  const ImVec2 canvasMin = ImGui::GetWindowPos();
  m_timer.DrawOverlay(*ImGui::GetWindowDrawList(), canvasMin,
                      {canvasMin.x + ImGui::GetWindowWidth(), canvasMin.y + ImGui::GetWindowHeight()}, m_appliedScale,
                      Now(), m_fonts);
  ImGui::End();
  InkStripUi(scale);
  m_find.Show(m_document, m_canvas);
  // Presenting hides the panels (they come back on leaving); the toolbar stays, for a hand on a
  // touch screen; dialogs still show.
  if (m_presenting) PresentationOverlayUi();
  StartSidePanels(column, panels);
  if (m_showInspector && !m_presenting) ShowInspector(m_document, m_canvas, &m_showInspector);
  if (m_showPersonas && !m_presenting) ShowPersonaPanel(m_document, m_canvas, &m_showPersonas);
  if (m_showHistory && !m_presenting) ShowHistoryPanel(m_document, m_canvas, &m_showHistory);
  if (m_showChecks && !m_presenting) m_checks.Show(m_document, m_canvas, &m_showChecks);
  if (m_showMetrics && !m_presenting) ShowMetricsPanel(m_document, m_canvas, &m_showMetrics);
  if (m_showOpportunities && !m_presenting) ShowOpportunitiesPanel(m_document, m_canvas, &m_showOpportunities);
  m_panelEdgeDragged = false;
  if (panels) {
    float width = panelWidth;
    m_panelEdgeDragged = SidePanelSplitter(column, &width, kMinPanelWidth * scale,
                                           std::min(kMaxPanelWidth * scale, work.Width() * 0.6f));
    if (width != panelWidth) m_settings.panelWidth = std::clamp(width / scale, kMinPanelWidth, kMaxPanelWidth);
  }
  RecoveryDialog();
  const bool timerWasOpen = m_timer.IsOpen();
  m_timer.Show(Now());  // also while presenting: the facilitator times exercises there
  if (timerWasOpen && !m_timer.IsOpen()) ImGui::SetWindowFocus("canvas");  // its keys go back to the board
  // Also while presenting: the big screen shows the QR code, and the facilitator accepts notes there.
  m_room.ShowInvite(scale, m_fonts);
  m_room.ShowInbox(m_document, m_canvas.coverMode, scale);
  m_round.Show(m_document, m_room.server, m_canvas.selection(), m_timer.countdown, Now(), scale, m_fonts);
  EndOrphanedFieldEdit(m_document);
  m_palette.Show(m_commands);  // before the dialogs: a command it runs may open one
  Dialogs();
  ToastsUi();
  ExportStatus();  // its progress box goes above the toasts: they never move under a finger
  m_help.Show(m_commands, m_fonts);
  ShowAboutDialog(&m_aboutRequested, kAppVersion, m_settingsPath, RecoveryDir());
  if (m_showDemo && !m_presenting) ImGui::ShowDemoWindow(&m_showDemo);
}

bool App::Frame() {
  const auto frameStart = std::chrono::steady_clock::now();
  const uint64_t changesBefore = m_document.ChangeCount();
  if (TakeCloseRequest()) {
    StartOrConfirm(Pending::Quit);
  }
  if (auto error = m_recovery.Tick(m_document, Now(), TakeFocusLost())) ShowError(*error);
  ApplyUiScale();
  ImGui_ImplGlfw_NewFrame();
  ApplyDeliveredMouseState();
  ImGui::NewFrame();
  BuildUi(TypedThisFrame());
  ImGui::Render();
  const auto cpuEnd = std::chrono::steady_clock::now();
  int fbWidth = 0, fbHeight = 0;
  glfwGetFramebufferSize(m_window, &fbWidth, &fbHeight);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, fbWidth, fbHeight);
  const float* background = m_canvas.palette ? m_canvas.palette->background : kBackgroundRgb;
  glClearColor(background[0], background[1], background[2], 1);
  glClear(GL_COLOR_BUFFER_BIT);
  m_renderer.Render(*ImGui::GetDrawData(), fbWidth, fbHeight);
  if (!m_statsPath.empty()) {
    glFinish();  // only when measuring: it stalls the pipeline
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    m_cpuMs.push_back(ms(frameStart, cpuEnd));
    m_gpuMs.push_back(ms(cpuEnd, std::chrono::steady_clock::now()));
  }
  glfwSwapBuffers(m_window);
  UpdateTitle();
  PersistSettings();
  DumpLayout();
  return m_document.ChangeCount() != changesBefore || !m_canvas.LayoutIsCurrent(m_document);
}

// [SECTION] RunWindow

int RunWindow(const WindowOptions& options) {
  // GLFW's reasons are kept and reported below, in the one line a failure gets.
  static std::string glfwError;
  glfwSetErrorCallback([](int, const char* description) { glfwError = description ? description : ""; });
  if (!glfwInit()) {
    std::fprintf(stderr,
                 "journeyboard: no display to open a window on (%s); "
                 "'journeyboard export FILE.cjm -o OUT.png' works without one.\n",
                 glfwError.empty() ? "DISPLAY is not set" : glfwError.c_str());
    return 1;
  }
  HintBoardWindow();
  int width = options.width, height = options.height, left = -1, top = -1;
  if (width <= 0 || height <= 0) {
    // No --window: maximised on its monitor. A window manager honours the hint; without one (a
    // bare X server, a kiosk) the window is given the monitor's work area instead.
    width = 1600;
    height = 1000;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      int x = 0, y = 0, w = 0, h = 0;
      glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
      if (w > 0 && h > 0) {
        width = w;
        height = h;
        left = x;
        top = y;
      }
    }
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
  }
  // WM_CLASS names the desktop entry (assets/desktop/), so docks and task bars show its icon and name.
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "org.journeyboard.Journeyboard");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "journeyboard");
  GLFWwindow* window = glfwCreateWindow(width, height, "Journeyboard", nullptr, nullptr);
  if (window && left >= 0 && top >= 0) glfwSetWindowPos(window, left, top);
  if (!window) {
    std::fprintf(stderr, "journeyboard: could not create an OpenGL 3.3 window (is a GL driver installed?).\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::fprintf(stderr, "journeyboard: OpenGL functions could not be loaded.\n");
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }
  glfwSwapInterval(1);
  InstallWindowCallbacks(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  InstallInputQueueCallbacks(window);
  int code = 0;
  {
    App app(window, options);
    if (!app.Init()) {
      code = 1;
    } else {
      // Draw a few frames after every event (ImGui settles hover and popups over 2–3 frames),
      // then sleep until the next event: an idle board costs no CPU and draws nothing.
      app.WarmUp();
      // Test hook: JOURNEYBOARD_SLOW_FRAME_MS=N makes every frame N ms longer, as a busy machine does.
      const char* slow = std::getenv("JOURNEYBOARD_SLOW_FRAME_MS");
      const int slowFrameMs = slow ? std::atoi(slow) : 0;
      int framesToDraw = 3;
      while (!app.ShouldQuit()) {
        int seen = EventCount();
        double timed = app.NextTimedFrameIn();
        if (framesToDraw > 0) glfwPollEvents();
        else if (timed >= 0) glfwWaitEventsTimeout(std::max(timed, 0.01));
        else glfwWaitEvents();
        if (EventCount() != seen || CloseRequested()) framesToDraw = 3;
        if (framesToDraw == 0 && timed < 0) continue;
        const bool changed = app.Frame();
        if (slowFrameMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slowFrameMs));
        if (framesToDraw > 0) --framesToDraw;
        if (changed) framesToDraw = std::max(framesToDraw, 2);
        if (NextFrameInput(window)) framesToDraw = std::max(framesToDraw, 1);
      }
    }
  }
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}

}  // namespace jb
