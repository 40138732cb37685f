// File ▸ Export report…: the follow-up (core/insights/report.h) as Markdown, written at once, or as
// one self-contained page, whose snapshot the export job renders as for File ▸ Export page…
// (app_export_page.cpp: StartPageExport, FinishPage).
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "app/render/render.h"
#include "core/insights/report.h"
#include "core/io/durable_file.h"

namespace fs = std::filesystem;

namespace jb {

void App::RequestExportReport() {
  // "<board>.report.html" beside the board file: the page is what most people can open; a name
  // ending in .md gives Markdown. In the current folder for an unsaved board.
  const fs::path base = m_document.path().empty() ? fs::current_path() / "journey" : fs::path(m_document.path());
  m_fileDialog.Request(FileDialog::Purpose::ExportReport,
                       (base.parent_path() / (base.stem().string() + ".report.html")).string());
}

void App::ExportReportTo(const std::string& path) {
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  if (extension == ".html" || extension == ".htm") {
    StartPageExport(path, /*report=*/true);
    return;
  }
  if (extension != ".md") {  // the dialog adds .html to other names: a safety net
    ShowError(Format(_("Cannot tell the report format from %s: name it .md or .html."), path.c_str()));
    return;
  }
  if (SameFile(m_document.path(), path)) {
    ShowError(Format(_("Cannot write %s: it is this board's own file; choose another name."), path.c_str()));
    return;
  }
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of the report
  ReportOptions options;
  options.todayIso = LocalDateIso();
  DurableWriter writer;
  SaveError failure;
  if (!writer.Open(path, false, &failure, "write")) {
    ShowError(failure.message);
    return;
  }
  writer.Write(WriteReportMarkdown(m_document.board(), options));  // a failure is reported by Commit
  if (!writer.Commit(&failure)) {
    ShowError(failure.message);
    return;
  }
  Status(Format(_("Saved the report %s."), path.c_str()));
}

}  // namespace jb
