// File ▸ Export page…: the map as one self-contained HTML page (core/io/html_page.h). Its snapshot
// is rendered by the export job beside the window (app_export.cpp), which keeps drawing; the page
// is written when the job ends (FinishPage, from ExportStatus). File ▸ Export report… as a page
// takes the same path (app_export_report.cpp).
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "core/insights/report.h"
#include "core/io/durable_file.h"
#include "core/io/html_page.h"
#include "core/model/clock.h"

namespace fs = std::filesystem;

namespace jb {

void App::RequestExportPage() {
  // "<board name>.html" beside the board file; in the current folder for an unsaved board.
  const fs::path base = m_document.path().empty() ? fs::current_path() / "journey" : fs::path(m_document.path());
  m_fileDialog.Request(FileDialog::Purpose::ExportPage, (base.parent_path() / (base.stem().string() + ".html")).string());
}

void App::ExportPageTo(const std::string& path) { StartPageExport(path, /*report=*/false); }

void App::StartPageExport(const std::string& path, bool report) {
  if (SameFile(m_document.path(), path)) {
    ShowError(Format(_("Cannot write %s: it is this board's own file; choose another name."), path.c_str()));
    return;
  }
  SaveError unwritable;
  if (!CheckWritableTarget(path, &unwritable, "write")) {
    ShowError(unwritable.message);
    return;
  }
  if (m_exportJob.Busy()) {
    ShowError(_("An export is already running; wait for it or cancel it."));
    return;
  }
  std::string folder = (fs::temp_directory_path() / "journeyboard-page-XXXXXX").string();
  if (!mkdtemp(folder.data())) {
    ShowError(Format(_("Cannot write %s: %s."), folder.c_str(), std::strerror(errno)));
    return;
  }
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of the page
  // Named like the page, so the progress box says which export runs.
  m_page = PendingPage{path, folder, folder + "/" + fs::path(path).filename().string(), m_document.board(), report};
  ExportParams params;
  params.width = PageSnapshotWidth(m_page->board, m_fonts);
  if (!StartExport(params, m_page->snapshot, /*reservedFile=*/false)) {  // it said why
    std::error_code ec;
    fs::remove_all(folder, ec);
    m_page.reset();
  }
}

void App::FinishPage(const ExportOutcome& outcome) {
  const PendingPage page = std::move(*m_page);
  m_page.reset();
  std::string png;
  if (outcome.ok) {
    std::ifstream in(page.snapshot, std::ios::binary);
    png.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  fs::remove_all(page.folder, ec);
  if (outcome.cancelled) {
    Status(_("Export cancelled; no file was written."));
    return;
  }
  if (!outcome.ok) {
    ShowError(outcome.error);
    return;
  }
  DurableWriter writer;
  SaveError failure;
  if (!writer.Open(page.path, false, &failure, "write")) {
    ShowError(failure.message);
    return;
  }
  if (page.report) {
    ReportOptions options;
    options.png = png;
    options.pngWidth = outcome.stats.width;
    options.pngHeight = outcome.stats.height;
    options.todayIso = LocalDate(std::time(nullptr));
    writer.Write(WriteReportHtml(page.board, options));  // a failure is reported by Commit
  } else {
    HtmlPageOptions options;
    options.png = png;
    options.pngWidth = outcome.stats.width;
    options.pngHeight = outcome.stats.height;
    options.today = LocalDate(std::time(nullptr));
    writer.Write(WriteHtmlPage(page.board, options));
  }
  if (!writer.Commit(&failure)) {
    ShowError(failure.message);
    return;
  }
  if (page.report) {
    Status(Format(_("Saved the report %s."), page.path.c_str()));
    return;
  }
  m_toasts.Info(Format(_("Saved the page %s."), page.path.c_str()), Now(), _("Open folder"), page.path);
  // The dump's status keeps the snapshot's timing (for measuring); the room sees the toast.
  m_status = Format(_("Saved the page %s (snapshot %d×%d in %.0f ms)."), page.path.c_str(), outcome.stats.width,
                    outcome.stats.height, outcome.stats.renderMs + outcome.stats.encodeMs);
}

}  // namespace jb
