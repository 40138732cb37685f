// The window: GLFW + glad + Dear ImGui, the menu bar, dialogs, and the main loop.
//
// (window_events.cpp: GLFW events, the idle wake-ups and the event-accurate input queue)
// [SECTION] App               — document commands (new/open/save/export) and their dialogs
// [SECTION] RunWindow         — set-up, main loop, tear-down
#include <glad/gl.h>
// glad first: GLFW must not include the system GL header.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <deque>
#include <optional>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "app/app.h"
#include "app/cli/cli.h"
#include "app/platform/fonts.h"
#include "app/platform/gpu_renderer.h"
#include "app/platform/window_events.h"
#include "app/render/png_export.h"
#include "app/render/render.h"
#include "app/views/canvas.h"
#include "app/views/file_dialog.h"
#include "app/views/layout_dump.h"
#include "app/views/panels.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "core/model/clock.h"
#include "core/session/journal.h"
#include "core/session/recovery.h"
#include "core/session/save_document.h"

namespace fs = std::filesystem;

namespace jb {

namespace {

std::string ConfigDir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/journeyboard";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/journeyboard";
  return {};
}

std::string TimeStamp() { return LocalTimestampForFileName(std::time(nullptr)); }

}  // namespace

// [SECTION] App


App::~App() {
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
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 6;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  m_baseStyle = style;
  if (!m_renderer.Init()) {
    std::fprintf(stderr, "journeyboard: the graphics driver could not compile the renderer's shaders.\n");
    return false;
  }
  ApplyUiScale();
  LoadRecent();

  if (m_options.file.empty()) {
    m_document.Reset(MakeBoard(Template::Sample), "");
  } else {
    LoadResult loaded = LoadBoard(m_options.file);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      // Keep running on the sample board and say what was wrong: nothing is lost.
      m_document.Reset(MakeBoard(Template::Sample), "");
      ShowError(error->message);
    } else {
      LoadedBoard& opened = std::get<LoadedBoard>(loaded);
      ReportRepairs(opened.warnings, m_options.file);
      m_document.Reset(std::move(opened.board), m_options.file);
      AddRecent(m_options.file);
    }
  }
  OfferRecovery();
  // Journal every committed change (the window only: the benchmark must not leave recovery files).
  if (m_window) m_document.SetObserver([this](JournalKind kind, const BoardDiff& diff) { JournalChange(kind, diff); });
  return true;
}

void App::ApplyUiScale() {
  float xscale = 1, yscale = 1;
  if (m_window) glfwGetWindowContentScale(m_window, &xscale, &yscale);
  float scale = std::max(xscale, 1.0f) * m_uiScale;
  if (scale == m_appliedScale) return;
  m_appliedScale = scale;
  std::string warning;
  m_fonts.Build(*ImGui::GetIO().Fonts, std::round(16 * scale), &warning);
  m_renderer.UploadFonts(*ImGui::GetIO().Fonts);
  ImGui::GetStyle() = m_baseStyle;
  ImGui::GetStyle().ScaleAllSizes(scale);
  if (!warning.empty()) ShowError(warning);
}

void App::Status(const std::string& message) {
  m_status = message;
  m_statusUntil = Now() + 4;
}

void App::ShowError(const std::string& message) {
  std::fprintf(stderr, "journeyboard: %s\n", message.c_str());
  m_error = message;
  m_errorRequested = true;
}

void App::Autosave(bool now) {
  if (!NeedsRecoveryCopy() || (!now && Now() - m_lastRecoveryTime < m_options.autosaveSeconds)) return;
  if (m_document.InGesture()) {
    // Never snapshot a gesture half-way: the journal replays its whole diff on top of the snapshot
    // when it commits. Try again in a second (the gesture itself is lost only with the app).
    m_lastRecoveryTime = Now() - m_options.autosaveSeconds + 1;
    return;
  }
  std::string error;
  m_lastRecoveryTime = Now();
  // A fresh snapshot, then an empty journal after it: the journal never grows without bound.
  if (WriteRecovery(m_document.board(), m_document.path(), &error) &&
      m_journal.Restart(m_document.board(), m_document.path(), &error)) {
    m_recoveredChange = m_document.ChangeCount();
    m_recoveryErrorShown = false;
  } else if (!m_recoveryErrorShown) {
    // Say it once (it is retried on every autosave): the workshop goes on, but it needs a save by hand.
    m_recoveryErrorShown = true;
    ShowError("Unsaved work cannot be copied for recovery: " + error + " Save the board to keep it safe.");
  }
}

// A journal past this size is folded into a new recovery snapshot (replaying it stays quick).
constexpr uint64_t kJournalCompactBytes = 1u << 20;

void App::JournalChange(JournalKind kind, const BoardDiff& diff) {
  std::string error;
  if (!m_journal.Record(kind, diff, m_document.board(), m_document.path(), &error)) {
    if (!m_recoveryErrorShown) {
      m_recoveryErrorShown = true;
      ShowError("Changes cannot be logged for recovery: " + error + " Save the board to keep it safe.");
    }
    return;
  }
  if (m_journal.Size() > kJournalCompactBytes) Autosave(true);
}

void App::DiscardRecovery() {
  if (m_offeredRecovery) return;  // still being offered: only the facilitator's answer may remove it
  m_journal.Close();
  ChangeJournal::Remove(m_document.path());
  RemoveRecovery(m_document.path());
  m_recoveredChange = m_document.ChangeCount();
}

// At start: a copy of this board's unsaved work (or, with no file, of any board) means the last
// session did not end cleanly.
void App::OfferRecovery() {
  m_offeredRecovery = FindRecovery(m_options.file);
  if (!m_offeredRecovery && m_options.file.empty()) {
    std::vector<RecoveryInfo> all = ListRecoveries();
    if (!all.empty()) m_offeredRecovery = all.front();
  }
  if (m_offeredRecovery) {
    std::error_code ec;
    auto journalTime = fs::last_write_time(ChangeJournal::PathFor(m_offeredRecovery->boardPath), ec);
    if (!ec) {
      auto systemTime = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
          journalTime - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
      m_offeredRecovery->savedAt = std::max(m_offeredRecovery->savedAt, std::chrono::system_clock::to_time_t(systemTime));
    }
  }
  m_recoveryRequested = m_offeredRecovery.has_value();
}

void App::RecoveryDialog() {
  if (m_recoveryRequested) {
    ImGui::OpenPopup("Restore unsaved work?");
    m_recoveryRequested = false;
  }
  if (!ImGui::BeginPopupModal("Restore unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const RecoveryInfo& info = *m_offeredRecovery;
  const std::string when = LocalClockTime(info.savedAt);
  std::string board = info.boardPath.empty() ? "an untitled board" : fs::path(info.boardPath).filename().string();
  ImGui::Text("Journeyboard did not close cleanly. Restore unsaved work on %s from %s?", board.c_str(), when.c_str());
  RecordDialog("Restore unsaved work?", "Restore unsaved work on " + board + " from " + when + "?");
  ImGui::TextDisabled("Enter: restore    Esc: discard");
  const float em = ImGui::GetFontSize();
  auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
  const bool restore = ImGui::Button("Restore", {em * 8, 0});
  RecordWidget("recovery.restore");  // tests wait for the dialog before they answer it
  if (restore || key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER)) {
    LoadResult loaded = LoadRecovery(info);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      ShowError(error->message);  // the copy stays on disk: nothing is deleted that could not be read
    } else {
      LoadedBoard& restored = std::get<LoadedBoard>(loaded);
      // The copy is a snapshot; the journal holds every change committed after it.
      JournalReadResult journal = ReadJournal(ChangeJournal::PathFor(info.boardPath), SnapshotId(restored.board));
      Board board = ReplayJournal(std::move(restored.board), journal.records);
      RepairBoard(board);  // a safety net: a replayed board must be as valid as a loaded one
      m_canvas.FinishInteraction(m_document);
      m_journal.Close();
      m_document.Reset(std::move(board), info.boardPath, /*saved=*/false);
      if (journal.tornTail) ShowError(journal.warning);
      m_canvas.ClearSelection();
      m_canvas.RequestFit();
      m_recoveredChange = m_document.ChangeCount();  // the copy on disk is this very board
      Status("Restored unsaved work from " + std::string(when));
    }
    m_offeredRecovery.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard", {em * 8, 0}) || key(GLFW_KEY_ESCAPE)) {
    RemoveRecovery(info.boardPath);
    ChangeJournal::Remove(info.boardPath);
    m_offeredRecovery.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void App::ReportRepairs(const std::vector<std::string>& warnings, const std::string& path) {
  if (warnings.empty()) return;
  std::string message = fs::path(path).filename().string() + " was damaged and has been repaired:";
  for (const std::string& warning : warnings) message += "\n  • " + warning;
  message += "\nCheck the board, then save to keep the repaired version.";
  ShowError(message);
}

void App::LoadRecent() {
  std::ifstream in(ConfigDir() + "/recent.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) m_recent.push_back(line);
}

void App::AddRecent(const std::string& path) {
  std::error_code ec;
  std::string absolute = fs::absolute(path, ec).string();
  m_recent.erase(std::remove(m_recent.begin(), m_recent.end(), absolute), m_recent.end());
  m_recent.insert(m_recent.begin(), absolute);
  if (m_recent.size() > 10) m_recent.resize(10);
  const std::string dir = ConfigDir();
  if (dir.empty()) return;
  fs::create_directories(dir, ec);
  std::ofstream out(dir + "/recent.txt", std::ios::trunc);
  for (const std::string& recent : m_recent) out << recent << '\n';
}

void App::OpenFile(const std::string& path) {
  LoadResult loaded = LoadBoard(path);
  if (!std::holds_alternative<LoadError>(loaded)) DiscardRecovery();
  if (auto* error = std::get_if<LoadError>(&loaded)) {
    ShowError(error->message);
    return;
  }
  m_canvas.FinishInteraction(m_document);
  LoadedBoard& opened = std::get<LoadedBoard>(loaded);
  ReportRepairs(opened.warnings, path);
  m_document.Reset(std::move(opened.board), path);
  m_canvas.ClearSelection();
  m_canvas.RequestFit();
  AddRecent(path);
  Status("Opened " + m_document.DisplayName());
}

bool App::SaveTo(const std::string& path) {
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of what gets saved
  SaveError error;
  const std::string previousPath = m_document.path();
  if (!SaveDocument(m_document, path, &error)) {
    ShowError(error.message);
    return false;
  }
  RemoveRecovery(previousPath);
  ChangeJournal::Remove(previousPath);
  DiscardRecovery();
  AddRecent(m_document.path());
  Status("Saved " + m_document.path());
  return true;
}

void App::Save() {
  if (m_document.path().empty()) RequestSaveAs();
  else SaveTo(m_document.path());
}

void App::RequestSaveAs() {
  std::string suggested = m_document.path().empty() ? (fs::current_path() / "journey.cjm").string() : m_document.path();
  m_fileDialog.Request(FileDialog::Purpose::SaveAs, suggested);
}

void App::RequestExport() {
  fs::path base = m_document.path().empty() ? fs::current_path() / "journey" : fs::path(m_document.path());
  std::string name = base.stem().string() + "-" + TimeStamp() + ".png";
  m_fileDialog.Request(FileDialog::Purpose::ExportPng, (base.parent_path() / name).string());
}

void App::QuickSnapshot() {
  fs::path base = m_document.path().empty() ? fs::current_path() / "journey" : fs::path(m_document.path());
  Export((base.parent_path() / (base.stem().string() + "-" + TimeStamp() + ".png")).string());
}

void App::Export(const std::string& path) {
  ExportStats stats;
  std::string error;
  if (!ExportBoardPng(m_document.board(), path, kDefaultExportWidth, m_renderer, m_fonts, &stats, &error)) {
    ShowError(error);
    return;
  }
  char text[512];
  std::snprintf(text, sizeof text, "Exported %s (%d×%d) in %.0f ms", path.c_str(), stats.width, stats.height,
                stats.renderMs + stats.encodeMs);
  Status(text);
}

// New, Open and Quit replace the board: with unsaved changes, ask first.
void App::StartOrConfirm(Pending action) {
  m_pending = action;
  if (m_document.IsDirty()) m_confirmDiscard = true;
  else RunPending();
}

void App::RunPending() {
  Pending action = m_pending;
  m_pending = Pending::None;
  // The board is saved or its changes were declined: its recovery copy is no longer wanted.
  if (action != Pending::None && action != Pending::Open) DiscardRecovery();
  switch (action) {
    case Pending::New:
      m_canvas.FinishInteraction(m_document);
      m_document.Reset(MakeBoard(m_pendingTemplate), "");
      m_canvas.ClearSelection();
      m_canvas.RequestFit();
      break;
    case Pending::Open: m_fileDialog.Request(FileDialog::Purpose::Open, m_document.path()); break;
    case Pending::Quit: m_quit = true; break;
    case Pending::None: break;
  }
}

void App::Menu() {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool fileMenu = ImGui::BeginMenu("File");
  RecordWidget("menu.file");
  if (fileMenu) {
    if (ImGui::BeginMenu("New from template")) {
      for (const TemplateInfo& info : Templates())
        if (ImGui::MenuItem(info.title)) {
          m_pendingTemplate = info.id;
          StartOrConfirm(Pending::New);
        }
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("New...", "Ctrl+N")) m_chooseTemplate = true;
    if (ImGui::MenuItem("Open...", "Ctrl+O")) StartOrConfirm(Pending::Open);
    if (ImGui::BeginMenu("Open recent", !m_recent.empty())) {
      for (const std::string& path : m_recent)
        if (ImGui::MenuItem(path.c_str())) {
          m_pending = Pending::None;
          if (!m_document.IsDirty()) OpenFile(path);
          else ShowError("Save or discard the current changes before opening another board.");
        }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S")) Save();
    if (ImGui::MenuItem("Save As...", "Ctrl+Shift+S")) RequestSaveAs();
    ImGui::Separator();
    if (ImGui::MenuItem("Export PNG...", "Ctrl+E")) RequestExport();
    if (ImGui::MenuItem("Quick snapshot", "Ctrl+Shift+E")) QuickSnapshot();
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) StartOrConfirm(Pending::Quit);
    ImGui::EndMenu();
  }
  EditMenu();
  const bool journeyMenu = ImGui::BeginMenu("Journey");
  RecordWidget("menu.journey");
  if (journeyMenu) {
    if (ImGui::MenuItem("Voting mode", "V", m_canvas.voting)) m_canvas.voting = !m_canvas.voting;
    const bool resetVotes = ImGui::MenuItem("Reset all votes", nullptr, false, TotalVotes(m_document.board()) > 0);
    RecordWidget("menu.reset_votes");
    if (resetVotes) m_document.Apply(ResetVotes(m_document.board()), "Reset votes");
    ImGui::Separator();
    if (ImGui::MenuItem("Personas and curves", "Ctrl+P", m_showPersonas)) m_showPersonas = !m_showPersonas;
    if (ImGui::MenuItem("Inspector", "Ctrl+I", m_showInspector)) m_showInspector = !m_showInspector;
    ImGui::EndMenu();
  }
  const bool viewMenu = ImGui::BeginMenu("View");
  RecordWidget("menu.view");
  if (viewMenu) {
    if (ImGui::MenuItem("History", "Ctrl+H", m_showHistory)) m_showHistory = !m_showHistory;
    ImGui::Separator();
    if (ImGui::MenuItem("Zoom to fit", "F")) m_canvas.RequestFit();
    if (ImGui::MenuItem("Zoom in", "Ctrl++")) m_canvas.ZoomBy(1.25f);
    if (ImGui::MenuItem("Zoom out", "Ctrl+-")) m_canvas.ZoomBy(0.8f);
    const bool scaleMenu = ImGui::BeginMenu("UI scale");
    RecordWidget("menu.ui_scale");
    if (scaleMenu) {
      for (float scale : {1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f}) {
        char label[16];
        std::snprintf(label, sizeof label, "%.0f%%", scale * 100);
        const bool chosen = ImGui::MenuItem(label, nullptr, m_uiScale == scale);
        RecordWidget((std::string("menu.ui_scale.") + label).c_str());
        if (chosen) m_uiScale = scale;
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  // Tools: a left drag on empty canvas pans (touch friendly) or, with Select, draws a selection rectangle.
  ImGui::Separator();
  if (ImGui::MenuItem("Pan", nullptr, m_canvas.tool == Canvas::Tool::Pan)) m_canvas.tool = Canvas::Tool::Pan;
  RecordWidget("tool.pan");
  if (ImGui::MenuItem("Select", nullptr, m_canvas.tool == Canvas::Tool::Select)) m_canvas.tool = Canvas::Tool::Select;
  RecordWidget("tool.select");
  ImGui::Separator();
  if (ImGui::BeginMenu("Debug")) {
    ImGui::MenuItem("ImGui demo window", nullptr, &m_showDemo);
    ImGui::EndMenu();
  }
  if (!m_status.empty() && m_statusUntil > Now()) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", m_status.c_str());
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

void App::EditMenu() {
  if (!ImGui::BeginMenu("Edit")) return;
  std::string undo = m_document.CanUndo() ? "Undo " + m_document.UndoLabel() : "Undo";
  std::string redo = m_document.CanRedo() ? "Redo " + m_document.RedoLabel() : "Redo";
  if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, m_document.CanUndo())) Undo();
  if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, m_document.CanRedo())) Redo();
  ImGui::Separator();
  const bool selection = m_canvas.HasSelection();
  if (ImGui::MenuItem("Cut", "Ctrl+X", false, selection)) m_canvas.CutSelection(m_document);
  if (ImGui::MenuItem("Copy", "Ctrl+C", false, selection)) m_canvas.CopySelection(m_document);
  if (ImGui::MenuItem("Paste", "Ctrl+V")) m_canvas.Paste(m_document);
  if (ImGui::MenuItem("Duplicate", "Ctrl+D", false, selection)) m_canvas.DuplicateSelection(m_document);
  if (ImGui::MenuItem("Delete", "Del", false, selection)) m_canvas.DeleteSelection(m_document);
  ImGui::Separator();
  if (ImGui::MenuItem("Select all", "Ctrl+A")) m_canvas.SelectAll(m_document);
  ImGui::EndMenu();
}

void App::HistoryPanel() {
  if (!m_showHistory) return;
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->WorkPos.x + viewport->WorkSize.x - em * 16, viewport->WorkPos.y + em}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({em * 15, em * 20}, ImGuiCond_FirstUseEver);
  if (ImGui::Begin("History", &m_showHistory)) {
    const size_t position = m_document.HistoryPosition();
    if (ImGui::Selectable("(start)", position == 0)) {
      m_canvas.FinishInteraction(m_document);
      m_document.JumpTo(0);
    }
    RecordWidget("history.0");
    for (size_t i = 0; i < m_document.HistorySize(); ++i) {
      ImGui::PushID(int(i));
      bool undone = i + 1 > position;
      if (undone) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      if (ImGui::Selectable(m_document.HistoryLabel(i).c_str(), i + 1 == position)) {
        m_canvas.FinishInteraction(m_document);
        m_document.JumpTo(i + 1);
      }
      RecordWidget(("history." + std::to_string(i + 1)).c_str());
      if (undone) ImGui::PopStyleColor();
      ImGui::PopID();
    }
    m_canvas.PruneSelection(m_document);
  }
  ImGui::End();
}

void App::Shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || m_canvas.IsTyping() || !io.KeyCtrl || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
    return;
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (pressed(GLFW_KEY_Z)) io.KeyShift ? Redo() : Undo();
  if (pressed(GLFW_KEY_Y)) Redo();
  if (pressed(GLFW_KEY_A)) m_canvas.SelectAll(m_document);
  if (pressed(GLFW_KEY_C)) m_canvas.CopySelection(m_document);
  if (pressed(GLFW_KEY_X)) m_canvas.CutSelection(m_document);
  if (pressed(GLFW_KEY_V)) m_canvas.Paste(m_document);
  if (pressed(GLFW_KEY_D)) m_canvas.DuplicateSelection(m_document);
  if (pressed(GLFW_KEY_H)) m_showHistory = !m_showHistory;
  if (pressed(GLFW_KEY_P)) m_showPersonas = !m_showPersonas;
  if (pressed(GLFW_KEY_I)) m_showInspector = !m_showInspector;
  if (pressed(GLFW_KEY_N)) m_chooseTemplate = true;
  if (pressed(GLFW_KEY_O)) StartOrConfirm(Pending::Open);
  if (pressed(GLFW_KEY_S)) io.KeyShift ? RequestSaveAs() : Save();
  if (pressed(GLFW_KEY_E)) io.KeyShift ? QuickSnapshot() : RequestExport();
  if (pressed(GLFW_KEY_Q)) StartOrConfirm(Pending::Quit);
  if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) m_canvas.ZoomBy(1.25f);
  if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) m_canvas.ZoomBy(0.8f);
  if (pressed(GLFW_KEY_0)) m_canvas.RequestFit();
}

void App::Dialogs() {
  const float em = ImGui::GetFontSize();
  std::string chosen;
  if (m_fileDialog.Show(m_recent, &chosen)) {
    switch (m_fileDialog.purpose()) {
      case FileDialog::Purpose::Open: OpenFile(chosen); break;
      case FileDialog::Purpose::SaveAs:
        if (SaveTo(chosen) && m_pending != Pending::None) RunPending();
        break;
      case FileDialog::Purpose::ExportPng: Export(chosen); break;
    }
  }

  if (m_chooseTemplate) {
    ImGui::OpenPopup("New board");
    m_chooseTemplate = false;
  }
  if (ImGui::BeginPopupModal("New board", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Start from a template:");
    RecordDialog("New board", "Start from a template:");
    for (const TemplateInfo& info : Templates()) {
      const bool chosen = ImGui::Button(info.title, {em * 16, 0});
      RecordWidget((std::string("new.") + info.key).c_str());
      if (chosen) {
        m_pendingTemplate = info.id;
        ImGui::CloseCurrentPopup();
        StartOrConfirm(Pending::New);
      }
    }
    if (ImGui::Button("Cancel", {em * 16, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  if (m_confirmDiscard) {
    ImGui::OpenPopup("Unsaved changes");
    m_confirmDiscard = false;
  }
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Save the changes to %s first?", m_document.DisplayName().c_str());
    RecordDialog("Unsaved changes", "Save the changes to " + m_document.DisplayName() + " first?");
    ImGui::TextDisabled("Enter: save    N: don't save    Esc: cancel");
    ImGui::Spacing();
    auto key = [](int k) { return ImGui::IsKeyPressed(k, false); };
    const bool save = ImGui::Button("Save", {em * 8, 0});
    RecordWidget("unsaved.save");
    if (save || key(GLFW_KEY_ENTER) || key(GLFW_KEY_KP_ENTER)) {
      ImGui::CloseCurrentPopup();
      if (m_document.path().empty()) RequestSaveAs();  // RunPending follows a successful save
      else if (SaveTo(m_document.path())) RunPending();
    }
    ImGui::SameLine();
    if (ImGui::Button("Don't save", {em * 8, 0}) || key(GLFW_KEY_N)) {
      ImGui::CloseCurrentPopup();
      RunPending();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", {em * 8, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      m_pending = Pending::None;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  if (m_errorRequested) {
    ImGui::OpenPopup("Journeyboard");
    m_errorRequested = false;
  }
  ImGui::SetNextWindowSizeConstraints({em * 20, 0}, {em * 40, FLT_MAX});
  if (ImGui::BeginPopupModal("Journeyboard", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(em * 38);
    ImGui::TextUnformatted(m_error.c_str());
    ImGui::PopTextWrapPos();
    RecordDialog("Journeyboard", m_error);
    ImGui::Spacing();
    const bool ok = ImGui::Button("OK", {em * 8, 0});
    RecordWidget("error.ok");
    if (ok || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void App::UpdateTitle() {
  std::string title = (m_document.IsDirty() ? "*" : "") + m_document.DisplayName() + " — Journeyboard";
  if (title != m_title && m_window) {
    m_title = title;
    glfwSetWindowTitle(m_window, title.c_str());
  }
}

void App::DumpLayout() {
  if (m_options.dumpLayoutPath.empty() || !m_window || !m_canvas.LayoutIsCurrent(m_document)) return;
  int w = 0, h = 0;
  glfwGetWindowSize(m_window, &w, &h);
  ViewInfo view{w, h, m_document.path(), m_document.IsDirty(), m_canvas.AddStageButton(), m_canvas.AddLaneButton(), {}, {},
                m_document.UndoLabel(), m_document.RedoLabel()};
  for (NoteId id : m_canvas.selection()) view.selection.push_back(id.value);
  for (size_t l = 0; l < m_document.board().lanes.size(); ++l) view.chevrons.push_back(m_canvas.LaneChevron(int(l)));
  view.uiScale = m_uiScale;
  std::string json = LayoutToJson(m_document.board(), m_canvas.layout(), m_canvas.camera(), view);
  if (json.empty() || json == m_lastDump) return;  // stale layout, or nothing moved: keep the file
  if (WriteLayoutDump(m_options.dumpLayoutPath, json)) m_lastDump = std::move(json);
}

void App::WarmUp() {
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  Menu();
  ImGui::EndFrame();
}

void App::BuildUi(const std::u32string& typed) {
  ClearRecordedWidgets();
  Menu();
  Shortcuts();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("canvas", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar(2);
  m_canvas.Show(m_document, m_fonts, typed);
  ImGui::End();
  HistoryPanel();
  RecoveryDialog();
  if (m_showPersonas) ShowPersonaPanel(m_document, m_canvas, &m_showPersonas);
  if (m_showInspector) ShowInspector(m_document, m_canvas, &m_showInspector);
  Dialogs();
  if (m_showDemo) ImGui::ShowDemoWindow(&m_showDemo);
}

bool App::Frame() {
  const auto frameStart = std::chrono::steady_clock::now();
  const uint64_t changesBefore = m_document.ChangeCount();
  if (TakeCloseRequest()) {
    StartOrConfirm(Pending::Quit);
  }
  Autosave(TakeFocusLost());
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
  glClearColor(kBackgroundRgb[0], kBackgroundRgb[1], kBackgroundRgb[2], 1);
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
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  int width = options.width, height = options.height;
  if (width <= 0 || height <= 0) {
    width = 1600;
    height = 1000;
    if (const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor())) {
      width = std::max(1024, mode->width * 85 / 100);
      height = std::max(700, mode->height * 85 / 100);
    }
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Journeyboard", nullptr, nullptr);
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
