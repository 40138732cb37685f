// `journeyboard export-html FILE.cjm -o MAP.html` (core/io/html_page.h): the page with a snapshot
// of the whole board, rendered headless like `export`; without graphics, the page without it.
#include <imgui.h>
#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/cli/cli.h"
#include "app/platform/fonts.h"
#include "app/platform/i18n.h"
#include "app/render/png_export.h"
#include "core/io/durable_file.h"
#include "core/io/html_page.h"
#include "core/layout/layout.h"
#include "core/model/clock.h"

namespace fs = std::filesystem;

namespace jb {

// The whole board PageSnapshotWidth wide, as PNG bytes: rendered into a private folder in the
// system's temp folder (the PNG export writes files), read back, and the folder removed.
bool RenderPageSnapshot(const Board& board, std::string* png, ExportStats* stats, std::string* error) {
  std::string folder = (fs::temp_directory_path() / "journeyboard-page-XXXXXX").string();
  if (!mkdtemp(folder.data())) {
    *error = Format(_("Cannot write %s: %s."), folder.c_str(), std::strerror(errno));
    return false;
  }
  const std::string path = folder + "/snapshot.png";
  bool ok = false;
  const bool started = RunHeadlessGl(
      [&](GpuRenderer& renderer, const Fonts& fonts) {
        ExportParams params;
        params.width = PageSnapshotWidth(board, fonts);
        ExportProgress progress;
        ok = RenderExportPng(board, params, path, renderer, fonts, *ImGui::GetDrawListSharedData(), &progress, stats,
                             error);
      },
      error);
  if (started && ok) {
    std::ifstream in(path, std::ios::binary);
    png->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  fs::remove_all(folder, ec);
  return started && ok && !png->empty();
}

int PageSnapshotWidth(const Board& board, const Fonts& fonts) {
  const Rect area = ExportArea(ComputeLayout(board, &fonts));
  if (!(area.Width() > 0 && area.Height() > 0)) return kPageSnapshotWidth;
  const double fits = std::floor(double(kPageSnapshotHeight) * area.Width() / area.Height());
  return int(std::clamp(fits, 16.0, double(kPageSnapshotWidth)));
}

int RunExportHtml(const std::string& file, const std::string& out) {
  Board board;
  if (const int failed = LoadForExport(file, out, &board)) return failed;
  std::string png, error;
  ExportStats stats;
  // The table is the point of the page: without a picture it is still worth sending.
  if (!RenderPageSnapshot(board, &png, &stats, &error)) {
    png.clear();
    std::fprintf(stderr, _("journeyboard: warning: %s\n"),
                 Format(_("the page has no picture of the board: %s"), error.c_str()).c_str());
  }
  HtmlPageOptions options;
  options.png = png;
  options.pngWidth = stats.width;
  options.pngHeight = stats.height;
  options.today = LocalDate(std::time(nullptr));
  DurableWriter writer;
  SaveError failure;
  if (!writer.Open(out, false, &failure, "write")) return CliFail(failure.message);
  writer.Write(WriteHtmlPage(board, options));  // a failure is reported by Commit
  if (!writer.Commit(&failure)) return CliFail(failure.message);
  return 0;
}

}  // namespace jb
