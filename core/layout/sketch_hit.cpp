#include "core/layout/sketch_hit.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/layout/ink.h"

namespace jb {

Rect LabelBounds(const GlyphMetrics& glyphs, const TextLabel& label) {
  const WrappedText wrapped = WrapText(glyphs, label.text, label.size, 1e6f);
  float width = 0;
  for (const auto& [begin, end] : wrapped.lines)
    width = std::max(width, TextWidth(glyphs, std::string_view(label.text).substr(begin, end - begin), label.size));
  const float height = std::max(wrapped.Height(), label.size * WrappedText::kLineSpacing);
  return {label.pos.x, label.pos.y, label.pos.x + std::max(width, label.size * 0.5f), label.pos.y + height};
}

namespace {

bool NearFrameBorder(const Rect& r, Vec2 p, float tolerance) {
  const Rect outer = r.Grown(tolerance);
  const Rect inner = r.Grown(-tolerance);
  return outer.Contains(p) && !(inner.Width() > 0 && inner.Height() > 0 && inner.Contains(p));
}

// Whether p is on stroke i as the layout shows it (its bounds first: most strokes are far away).
bool HitShownStroke(const Board& board, const Layout& layout, size_t i, Vec2 p, float tolerance,
                    std::vector<Vec2>* scratch) {
  const Stroke& stroke = board.strokes[i];
  const StrokeGeometry* cached = StrokeOf(layout, board, i);
  if (cached) {
    if (!cached->shown || !cached->bounds.Grown(tolerance).Contains(p)) return false;
    return HitStroke(cached->points, stroke.width, p, tolerance);
  }
  return StrokeShown(StrokePoints(board, layout, stroke, scratch)) && HitStroke(*scratch, stroke.width, p, tolerance);
}

}  // namespace

SketchHit HitSketchAbove(const Board& board, const Layout& layout, const GlyphMetrics& glyphs, Vec2 p,
                         float tolerance) {
  // Drawn last, so topmost: labels, then arrows, then pen strokes (each list's last first).
  for (int i = int(board.labels.size()) - 1; i >= 0; --i) {
    if (LabelBounds(glyphs, board.labels[size_t(i)]).Grown(tolerance).Contains(p)) return {SketchKind::Label, i};
  }
  ArrowGeometry computed;
  for (int i = int(board.arrows.size()) - 1; i >= 0; --i) {
    const ArrowGeometry* geometry = ArrowOf(layout, board, size_t(i));
    if (!geometry) {
      ArrowPath(board, layout, board.arrows[size_t(i)], &computed);
      geometry = &computed;
    }
    if (!geometry->bounds.Grown(tolerance).Contains(p)) continue;
    if (HitArrow(*geometry, p, tolerance)) return {SketchKind::Arrow, i};
  }
  std::vector<Vec2> points;
  for (int i = int(board.strokes.size()) - 1; i >= 0; --i)
    if (!board.strokes[size_t(i)].highlighter && HitShownStroke(board, layout, size_t(i), p, tolerance, &points))
      return {SketchKind::Stroke, i};
  return {};
}

SketchHit HitSketchBelow(const Board& board, const Layout& layout, Vec2 p, float tolerance) {
  std::vector<Vec2> points;
  for (int i = int(board.strokes.size()) - 1; i >= 0; --i)
    if (board.strokes[size_t(i)].highlighter && HitShownStroke(board, layout, size_t(i), p, tolerance, &points))
      return {SketchKind::Stroke, i};
  for (int i = int(board.frames.size()) - 1; i >= 0; --i) {
    const Rect& r = board.frames[size_t(i)].rect;
    const Rect title{r.x0, r.y0, r.x1, std::min(r.y1, r.y0 + kFrameTitleHeight)};
    if (title.Contains(p) || NearFrameBorder(r, p, tolerance)) return {SketchKind::Frame, i};
  }
  return {};
}

Rect SketchBounds(const Board& board, const Layout& layout, const GlyphMetrics& glyphs, SketchKind kind, int index) {
  switch (kind) {
    case SketchKind::Stroke: {
      std::vector<Vec2> points;
      const Stroke& stroke = board.strokes[size_t(index)];
      if (!StrokeShown(StrokePoints(board, layout, stroke, &points))) return {};
      return StrokeBounds(points, stroke.width);
    }
    case SketchKind::Arrow: {
      ArrowGeometry geometry;
      ArrowPath(board, layout, board.arrows[size_t(index)], &geometry);
      return geometry.shown ? geometry.bounds : Rect{};
    }
    case SketchKind::Frame: return board.frames[size_t(index)].rect;
    case SketchKind::Label: return LabelBounds(glyphs, board.labels[size_t(index)]);
    case SketchKind::None: break;
  }
  return {};
}

}  // namespace jb
