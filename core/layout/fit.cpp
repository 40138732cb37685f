#include "core/layout/fit.h"

#include <algorithm>

#include "core/layout/camera_glide.h"

namespace jb {

Rect AddStageButtonRect(const Layout& layout) {
  // Beside the headers, not the funnel strip under them.
  const float header = layout.laneY.front() - layout.funnel.rect.Height();
  const float x = layout.stageX.back() + 12, y = (header - kAddButtonUnits) * 0.5f;
  return {x, y, x + kAddButtonUnits, y + kAddButtonUnits};
}

Rect AddLaneButtonRect(const Layout& layout) {
  const float x = (layout.stageX.front() - kAddButtonUnits) * 0.5f, y = layout.laneY.back() + 12;
  return {x, y, x + kAddButtonUnits, y + kAddButtonUnits};
}

Rect Enclose(const Rect& a, const Rect& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

Rect FitBounds(const Layout& layout) {
  Rect bounds = layout.bounds;
  bounds.y0 -= layout.TitleBand();
  if (layout.stageX.empty() || layout.laneY.empty()) return bounds;
  return Enclose(Enclose(bounds, AddStageButtonRect(layout)), AddLaneButtonRect(layout));
}

Rect StageFitBounds(const Layout& layout, int stage) {
  Rect column = StageFocusRect(layout, stage);
  if (column.Width() <= 0) return column;
  if (stage + 2 == int(layout.stageX.size())) column = Enclose(column, AddStageButtonRect(layout));
  return column;
}

}  // namespace jb
