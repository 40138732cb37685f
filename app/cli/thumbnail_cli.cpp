#include <algorithm>
#include <cmath>

#include "app/cli/cli.h"
#include "app/platform/fonts.h"
#include "app/render/png_export.h"
#include "core/layout/layout.h"

namespace jb {

namespace {

// Pixels per board unit that fit `area` into size × size: the longer side gets `size` pixels
// (PlanExport rounds the width, then the height from it, so the height is checked again).
float ThumbnailScale(const Rect& area, int size) {
  const double w = area.Width(), h = area.Height();
  if (w >= h) return float(size / w);
  double width = std::max(1.0, std::round(w * size / h));
  while (width > 1 && std::round(h * width / w) > size) width -= 1;
  return float(width / w);
}

}  // namespace

int RunThumbnail(const std::string& file, const std::string& out, int size) {
  return ExportBoardFile(
      file, out,
      [size](const Board& board, const Fonts& fonts) {
        ExportParams params;
        params.scale = ThumbnailScale(ExportArea(ComputeLayout(board, &fonts)), size);
        return params;
      },
      // A thumbnail's text is a few pixels tall: the fonts are baked to the reference size only
      // (5 % of the atlas; 270 -> 175 ms for the sample board at 256 px). Larger text, on a tiny
      // board in a large thumbnail, is drawn from that size scaled: soft, still legible.
      Fonts::kReferencePixelSize);
}

}  // namespace jb
