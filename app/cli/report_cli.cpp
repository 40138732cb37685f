// `journeyboard report FILE.cjm -o REPORT.md|REPORT.html [--date YYYY-MM-DD]`: the follow-up
// report (core/insights/report.h). The page gets the board's snapshot, rendered headless as
// `export-html` does; Markdown needs no graphics.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "app/cli/cli.h"
#include "app/platform/i18n.h"
#include "app/render/png_export.h"
#include "core/insights/report.h"
#include "core/io/durable_file.h"
#include "core/model/clock.h"

namespace jb {

int RunReport(const std::string& file, const std::string& out, const std::string& date) {
  std::string extension = std::filesystem::path(out).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  const bool html = extension == ".html" || extension == ".htm";
  if (!html && extension != ".md")
    return CliFail(Format(_("Cannot tell the report format from %s: name it .md or .html."), out.c_str()), 2);
  if (!date.empty() && !IsIsoDate(date))
    return CliFail(_("--date must be a day written YYYY-MM-DD, e.g. --date 2026-12-02."), 2);
  Board board;
  if (const int failed = LoadForExport(file, out, &board)) return failed;
  ReportOptions options;
  options.todayIso = date.empty() ? LocalDate(std::time(nullptr)) : date;
  std::string png, error, report;
  if (html) {
    ExportStats stats;
    // The report is the point: without a picture it is still worth sending.
    if (!RenderPageSnapshot(board, &png, &stats, &error)) {
      png.clear();
      std::fprintf(stderr, _("journeyboard: warning: %s\n"),
                   Format(_("the report has no picture of the board: %s"), error.c_str()).c_str());
    }
    options.png = png;
    options.pngWidth = stats.width;
    options.pngHeight = stats.height;
    report = WriteReportHtml(board, options);
  } else {
    report = WriteReportMarkdown(board, options);
  }
  DurableWriter writer;
  SaveError failure;
  if (!writer.Open(out, false, &failure, "write")) return CliFail(failure.message);
  writer.Write(report);  // a failure is reported by Commit
  if (!writer.Commit(&failure)) return CliFail(failure.message);
  return 0;
}

}  // namespace jb
