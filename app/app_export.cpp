// The App's exports: the Export dialog's choices, quick snapshots, and the export job that runs
// beside the window (app/render/export_job.h) with its progress, Cancel and the toast after it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "app/platform/open_folder.h"
#include "app/render/png_export.h"
#include "app/views/dialogs.h"
#include "core/io/durable_file.h"
#include "core/io/snapshot_path.h"
#include "core/model/clock.h"

namespace fs = std::filesystem;

namespace jb {

namespace {

std::string TimeStamp() { return LocalTimestampForFileName(std::time(nullptr)); }

// Below this the notes' text in a PNG is hard to read at 100 %; the width suggested makes the
// smallest at least kComfortableTextPx.
constexpr float kReadableTextPx = 11, kComfortableTextPx = 14;

// The notes' text in the image ("notes' text 7–9 px") and, when the smallest is hard to read, the
// width that makes it comfortable: a preset, or any width up to the widest an export takes. Empty
// when no note with text is in the region.
std::string NoteTextLine(const Layout& layout, const ExportPlan& plan) {
  float smallest = 0, largest = 0;
  for (const NoteBox& box : layout.notes) {
    if (box.hidden || box.text.lines.empty() || !box.rect.Overlaps(plan.area)) continue;
    const float px = box.text.size * plan.zoom;
    smallest = smallest > 0 ? std::min(smallest, px) : px;
    largest = std::max(largest, px);
  }
  if (smallest <= 0) return "";
  const int low = int(std::lround(smallest)), high = int(std::lround(largest));
  std::string line = low == high ? Format(_("notes' text %d px"), low) : Format(_("notes' text %d–%d px"), low, high);
  if (smallest >= kReadableTextPx) return line;
  const double wanted = std::ceil(double(plan.width) * kComfortableTextPx / smallest);
  int width = 0;
  for (int preset : kExportWidthPresets)
    if (preset >= wanted) {
      width = preset;
      break;
    }
  if (!width && wanted <= kMaxExportSide) width = int(std::ceil(wanted / 10) * 10);
  if (!width) return Format(_("%s, small to read"), line.c_str());
  return Format(_("%s, small to read (%d px wide makes it %d px)"), line.c_str(), width,
                int(std::lround(smallest * width / plan.width)));
}

}  // namespace

void App::RequestExport() {
  // A new name by time for each board; kept while the same board is exported again.
  if (m_exportChoice.path.empty() || m_exportBoardPath != m_document.path()) {
    fs::path base = m_document.path().empty() ? fs::current_path() / "journey" : fs::path(m_document.path());
    m_exportChoice.path = (base.parent_path() / (base.stem().string() + "-" + TimeStamp() + ".png")).string();
    m_exportBoardPath = m_document.path();
  }
  m_exportDialogRequested = true;
}

void App::QuickSnapshot() {
  const std::string& board = m_document.path();
  const std::string stem = board.empty() ? "untitled" : fs::path(board).stem().string();
  std::string error;
  const std::string path = ReserveSnapshotFile(SnapshotFolder(board), stem, LocalTimestampCompact(std::time(nullptr)), &error);
  if (path.empty()) {
    ShowError(error);
    return;
  }
  // Its name is taken now (the time of the press); it is drawn when the running export ends.
  if (m_exportJob.Busy()) {
    m_queuedSnapshots.push_back(path);
    return;
  }
  std::error_code ec;
  if (!StartExport(ExportParams{}, path, /*reservedFile=*/true)) fs::remove(path, ec);  // the empty file reserved above
}

ExportParams App::ParamsFor(const ExportChoice& choice) const {
  ExportParams params;
  switch (choice.region) {
    case ExportChoice::Board: params.region = ExportRegion::Board; break;
    case ExportChoice::View: {
      params.region = ExportRegion::View;
      const Camera& camera = m_canvas.camera();
      const Vec2 size = m_canvas.size();
      params.view = {camera.world.x, camera.world.y, camera.world.x + size.x / camera.zoom,
                     camera.world.y + size.y / camera.zoom};
      params.room = m_canvas.RoomView();  // what the screen shows, in the layout it shows
      break;
    }
    case ExportChoice::Selection:
      params.region = ExportRegion::Selection;
      params.selection.assign(m_canvas.selection().begin(), m_canvas.selection().end());
      break;
    case ExportChoice::Stage:
      params.region = ExportRegion::Stage;
      if (choice.stage >= 0 && size_t(choice.stage) < m_document.board().stages.size())
        params.stage = m_document.board().stages[size_t(choice.stage)].name;
      break;
  }
  if (choice.preset >= 0 && choice.preset < 4) params.width = kExportWidthPresets[choice.preset];
  else if (choice.preset == 4) params.width = choice.customWidth;
  else params.scale = choice.scale;
  params.background = choice.background == ExportChoice::White         ? ExportBackground::White
                      : choice.background == ExportChoice::Transparent ? ExportBackground::Transparent
                                                                       : ExportBackground::Canvas;
  return params;
}

std::string App::ExportSizeLine(const ExportChoice& choice) const {
  if (!m_canvas.LayoutIsCurrent(m_document)) return "";
  // The image's layout (ExportLayout): in Room view only the current view is the one on screen.
  const ExportParams params = ParamsFor(choice);
  Layout other;
  if (params.room != m_canvas.RoomView()) other = ExportLayout(m_document.board(), params, m_fonts);
  const Layout& layout = params.room != m_canvas.RoomView() ? other : m_canvas.layout();
  ExportPlan plan;
  std::string error;
  if (!PlanExport(m_document.board(), layout, params, &plan, &error)) return error;
  if (plan.ScaledDown()) return ScaledDownNote(plan);
  char text[128];
  std::snprintf(text, sizeof text, _("%d × %d px, about %.1f MB"), plan.width, plan.height, plan.ApproxMegabytes());
  const std::string notes = NoteTextLine(layout, plan);
  return notes.empty() ? std::string(text) : std::string(text) + "; " + notes;
}

bool App::StartExport(const ExportParams& params, const std::string& path, bool reservedFile) {
  // A PNG written over the board's own file (typed in the Export dialog) would destroy it.
  if (SameFile(m_document.path(), path)) {
    ShowError(Format(_("Cannot write %s: it is this board's own file; choose another name."), path.c_str()));
    return false;
  }
  if (m_exportJob.Busy()) {
    ShowError(_("An export is already running; wait for it or cancel it."));
    return false;
  }
  // What cannot be made (too tall, no such stage) is said now, before a thread starts.
  ExportPlan plan;
  std::string error;
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of the picture
  if (!PlanExport(m_document.board(), ExportLayout(m_document.board(), params, m_fonts), params, &plan, &error)) {
    ShowError(error);
    return false;
  }
  m_exportJob.Start(m_document.board(), params, path, m_fonts, &m_exportGl, m_renderer, reservedFile);
  return true;
}

void App::ExportStatus() {
  if (std::optional<ExportOutcome> outcome = m_exportJob.Poll()) {
    if (m_page && outcome->path == m_page->snapshot) {
      FinishPage(*outcome);  // app_export_page.cpp
    } else if (outcome->ok) {
      char text[1024];
      std::snprintf(text, sizeof text, _("Saved %s (%d×%d)"), outcome->path.c_str(), outcome->stats.width,
                    outcome->stats.height);
      m_toasts.Info(text, Now(), _("Open folder"), outcome->path);
      m_lastExportDraws = outcome->stats.draws;
      // The dump's status keeps the timing (for measuring); the room sees the toast.
      std::snprintf(text, sizeof text, _("Exported %s (%d×%d) in %.0f ms"), outcome->path.c_str(), outcome->stats.width,
                    outcome->stats.height, outcome->stats.renderMs + outcome->stats.encodeMs);
      m_status = text;
    } else if (outcome->cancelled) {
      Status(_("Export cancelled; no file was written."));
    } else {
      ShowError(outcome->error);
    }
  }
  if (!m_exportJob.Busy() && !m_queuedSnapshots.empty()) {
    const std::string next = m_queuedSnapshots.front();
    m_queuedSnapshots.pop_front();
    std::error_code ec;
    if (!StartExport(ExportParams{}, next, /*reservedFile=*/true)) fs::remove(next, ec);
  }
  const std::string progress =
      m_exportJob.Busy() ? "Exporting " + fs::path(m_exportJob.path()).filename().string() + ": " + m_exportJob.ProgressText()
                         : "";
  if (ShowExportProgress(progress, {m_canvasRect.x0, m_canvasRect.y0, m_canvasRect.x1, m_toasts.top()}))
    m_exportJob.Cancel();
}

}  // namespace jb
