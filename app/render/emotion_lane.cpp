// The emotions lane: the five-level scale with faces, the curves, and their points' labels.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/render/painter.h"
#include "core/layout/board_text.h"
#include "core/layout/ink.h"
#include "core/layout/label_placement.h"

namespace jb {

namespace paint {

namespace {

// A small face drawn with the draw list: mood -2 (very negative) .. +2 (very positive).
void DrawFace(const Painter& p, Vec2 centre, float radius, int mood) {
  ImU32 color = mood < 0 ? p.pal.pain : mood > 0 ? p.pal.delight : p.pal.neutral;
  ImVec2 c = p.S(centre);
  float r = p.Px(radius);
  if (r < 2) return;
  float stroke = std::max(1.0f, r * 0.14f);
  p.dl.AddCircle(c, r, color, 0, stroke);
  p.dl.AddCircleFilled({c.x - r * 0.35f, c.y - r * 0.25f}, r * 0.11f + 0.5f, color);
  p.dl.AddCircleFilled({c.x + r * 0.35f, c.y - r * 0.25f}, r * 0.11f + 0.5f, color);
  if (mood == 0) {
    p.dl.AddLine({c.x - r * 0.4f, c.y + r * 0.35f}, {c.x + r * 0.4f, c.y + r * 0.35f}, color, stroke);
    return;
  }
  float curvature = mood > 0 ? 1.0f : -1.0f;
  float depth = std::abs(mood) == 2 ? 0.45f : 0.25f;
  float mouthY = c.y + r * (mood > 0 ? 0.2f : 0.55f);
  const int segments = 8;
  for (int i = 0; i <= segments; ++i) {
    float u = float(i) / segments * 2 - 1;  // -1..1
    p.dl.PathLineTo({c.x + u * r * 0.5f, mouthY + curvature * (1 - u * u) * r * depth});
  }
  p.dl.PathStroke(color, 0, stroke);
}

}  // namespace

void DrawEmotionBands(const Painter& p, const Layout& layout) {
  if (layout.emotionsLane < 0) return;
  // A tint of 14/255 blended over the cells' fill here, drawn opaque: the bands cover most of the
  // lane, and blended by the GPU they cost a 3840-px export of the 100-note board 3 % of its work.
  const float x0 = layout.stageX.front(), x1 = layout.stageX.back(), mid = layout.EmotionY(0);
  p.dl.AddRectFilled(p.S(x0, layout.EmotionY(1)), p.S(x1, mid),
                     ImAlphaBlendColors(p.pal.cellFill, IM_COL32(46, 158, 87, 14)));
  p.dl.AddRectFilled(p.S(x0, mid), p.S(x1, layout.EmotionY(-1)),
                     ImAlphaBlendColors(p.pal.cellFill, IM_COL32(214, 69, 65, 14)));
}

void DrawEmotionLane(const Painter& p, const Board& board, const Layout& layout, CurveId activeCurve,
                     const std::vector<PointLabel>& labels, PersonaId personaFilter) {
  if (layout.emotionsLane < 0) return;
  const int l = layout.emotionsLane;
  Rect lane{layout.stageX.front(), layout.laneY[l], layout.stageX.back(), layout.laneY[l + 1]};
  // The faces and the legend are in the label column, left of the cells.
  if (!p.Visible({layout.grid.x0, lane.y0, lane.x1, lane.y1})) return;
  float thin = std::max(1.0f, p.Px(1));
  // Five levels: dotted guides, a stronger neutral line, faces at the label column's right edge.
  for (int level = -2; level <= 2; ++level) {
    float y = layout.EmotionY(level * 0.5f);
    // Faint and hairline: the dashed to-be curve must not read as one of them.
    ImU32 color = level == 0 ? IM_COL32(150, 156, 168, 170) : IM_COL32(200, 205, 214, 110);
    if (level == 0) {
      p.dl.AddLine(p.S(lane.x0, y), p.S(lane.x1, y), color, thin * 1.25f);
    } else {
      for (float x = lane.x0; x < lane.x1; x += 16)
        if (p.Visible({x, y - 1, x + 4, y + 1})) p.dl.AddLine(p.S(x, y), p.S(std::min(x + 4, lane.x1), y), color, 1.0f);
    }
    // At most 2 × 9 + 8 units from the cells: Layout::kEmotionFacesWidth, which the lane's ▾ keeps clear of.
    float faceRadius = std::min(9.0f, (layout.EmotionY(-1) - layout.EmotionY(1)) / 10);
    DrawFace(p, {lane.x0 - faceRadius - 8, y}, faceRadius, level);
  }

  // Legend under the lane's name: a stroke of the curve's colour and line (dashed: to-be), its name.
  Rect label = layout.LaneLabel(l);
  const float k = layout.lettering.legendSize / Lettering{}.legendSize, row = 20 * k;
  float legendY = label.y0 + layout.lettering.legendTop;
  for (size_t c = 0; c < board.curves.size(); ++c) {
    const EmotionCurve& curve = board.curves[c];
    if (curve.name.empty() || legendY + 18 * k > label.y1) continue;
    const float x = label.x0 + 22, mid = legendY + 9 * k, width = std::max(1.0f, p.Px(3 * k));
    if (curve.toBe) {
      p.dl.AddLine(p.S(x, mid), p.S(x + 8 * k, mid), ToColor(curve.color), width);
      p.dl.AddLine(p.S(x + 14 * k, mid), p.S(x + 22 * k, mid), ToColor(curve.color), width);
    } else {
      p.dl.AddLine(p.S(x, mid), p.S(x + 22 * k, mid), ToColor(curve.color), width);
    }
    Rect box{x + 28 * k, legendY, label.x1 - 30, legendY + 18 * k};
    p.Text(curve.name, {box.x0, box.y0}, layout.lettering.legendSize, p.pal.inkSoft, 1e9f, box);
    legendY += row;
  }

  // The active curve last, so it is on top; with several curves the others are a little lighter.
  std::vector<size_t> order;
  for (size_t c = 0; c < board.curves.size(); ++c)
    if (board.curves[c].id != activeCurve) order.push_back(c);
  for (size_t c = 0; c < board.curves.size(); ++c)
    if (board.curves[c].id == activeCurve) order.push_back(c);
  for (size_t c : order) {
    const EmotionCurve& curve = board.curves[c];
    const CurveGeometry& geometry = layout.curves[c];
    const bool active = curve.id == activeCurve || board.curves.size() == 1;
    const int firstVertex = p.dl.VtxBuffer.Size;
    const ImU32 lineColor = ToColor(curve.color, active ? 255 : 150);
    if (geometry.samples.size() >= 2) {
      // The layout samples 24 points a stretch between two knots at any zoom; a point within 0.1
      // px of the line through those kept around it adds six triangles and nothing to see. The
      // to-be curve's dashes count samples, so it keeps them all.
      thread_local std::vector<Vec2> simplified;
      const std::vector<Vec2>* samples = &geometry.samples;
      if (!curve.toBe) {
        SimplifyStroke(geometry.samples, 0.1f / p.camera.zoom, &simplified);
        samples = &simplified;
      }
      std::vector<ImVec2> points;
      points.reserve(samples->size());
      for (Vec2 s : *samples) points.push_back(p.S(s));
      float thickness = std::max(1.5f, p.Px(active ? 3.5f : 2.5f));
      // Only the stretches of the curve in view: an export tile across the lane draws its share,
      // not the whole curve's thousand segments each time. A stretch's ends lie a segment out of
      // view, so its end caps, unlike the joints of the whole line, are never seen.
      const float reach = thickness * 2 + 2;
      auto segmentShown = [&](size_t i) {
        const ImVec2 &a = points[i], &b = points[i + 1];
        const Rect box{std::min(a.x, b.x) - reach, std::min(a.y, b.y) - reach, std::max(a.x, b.x) + reach,
                       std::max(a.y, b.y) + reach};
        return box.Overlaps(p.visible);
      };
      auto eachStretch = [&](auto&& draw) {
        for (size_t i = 0; i + 1 < points.size();) {
          if (!segmentShown(i)) {
            ++i;
            continue;
          }
          size_t end = i + 1;
          while (end + 1 < points.size() && segmentShown(end)) ++end;
          draw(i, end);
          i = end;
        }
      };
      if (curve.toBe) {
        // The to-be curve: a soft band of its colour under long, heavier dashes, so it is told
        // apart from the hairline level guides by colour and weight, not by dashes alone.
        eachStretch([&](size_t first, size_t last) {
          p.dl.AddPolyline(points.data() + first, int(last - first + 1), ToColor(curve.color, active ? 60 : 35), 0,
                           thickness * 3.2f);
        });
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((i / 5) % 3 != 2 && segmentShown(i)) p.dl.AddLine(points[i], points[i + 1], lineColor, thickness * 1.3f);
      } else {
        eachStretch([&](size_t first, size_t last) {
          p.dl.AddPolyline(points.data() + first, int(last - first + 1), lineColor, 0, thickness);
        });
      }
    }
    for (const CurvePointPos& knot : geometry.knots) {
      const CurvePoint& point = curve.points[knot.point];
      ImU32 tint = point.value < -0.05f ? p.pal.pain : point.value > 0.05f ? p.pal.delight : p.pal.neutral;
      const ImVec2 at = p.S(knot.pos);
      const float disc = std::max(2.5f, p.Px(8)), reach = disc + 2;  // the white disc and its edge
      if (!Rect{at.x - reach, at.y - reach, at.x + reach, at.y + reach}.Overlaps(p.visible)) continue;
      p.dl.AddCircleFilled(at, disc, IM_COL32(255, 255, 255, 255));
      if (curve.toBe)  // hollow: a ring in the feeling's colour
        p.dl.AddCircle(at, std::max(2.0f, p.Px(5.5f)), tint, 0, std::max(1.0f, p.Px(2.5f)));
      else
        p.dl.AddCircleFilled(at, std::max(2.0f, p.Px(6)), tint);
    }
    if (!CurveShownForPersona(curve, personaFilter)) FadeVertices(p.dl, firstVertex);
  }
  // Labels last, over every curve, each where PlacePointLabels put it.
  for (const PointLabel& label : labels) {
    const EmotionCurve& curve = board.curves[size_t(label.curve)];
    const CurvePointPos& knot = layout.curves[size_t(label.curve)].knots[label.knot];
    const float value = curve.points[size_t(knot.point)].value;
    const ImU32 tint = value < -0.05f ? p.pal.pain : value > 0.05f ? p.pal.delight : p.pal.neutral;
    // With its leader, which reaches from the point: the label may be off the view, the leader not.
    const Rect reach{std::min(label.rect.x0, knot.pos.x), std::min(label.rect.y0, knot.pos.y),
                     std::max(label.rect.x1, knot.pos.x), std::max(label.rect.y1, knot.pos.y)};
    if (!p.Visible(label.moved ? reach : label.rect)) continue;
    const int firstVertex = p.dl.VtxBuffer.Size;
    struct Fade {  // whatever path the label takes below
      const Painter& p;
      int first;
      bool on;
      ~Fade() {
        if (on) FadeVertices(p.dl, first);
      }
    } fade{p, firstVertex, !CurveShownForPersona(curve, personaFilter)};
    if (label.moved) {  // a leader from the point's rim to the nearest spot on the label
      const Vec2 to{std::clamp(knot.pos.x, label.rect.x0, label.rect.x1), std::clamp(knot.pos.y, label.rect.y0, label.rect.y1)};
      const float dx = to.x - knot.pos.x, dy = to.y - knot.pos.y, length = std::hypot(dx, dy);
      if (length > 9) {
        const Vec2 from{knot.pos.x + dx / length * 8, knot.pos.y + dy / length * 8};
        p.dl.AddLine(p.S(from), p.S(to), (tint & 0x00ffffff) | 0xB0000000, std::max(1.0f, p.Px(1.5f)));
      }
    }
    p.dl.AddRectFilled(p.S(label.rect.x0, label.rect.y0), p.S(label.rect.x1, label.rect.y1),
                       (p.pal.cellFill & 0x00ffffff) | 0xC8000000, p.Rounding(4));
    thread_local std::vector<LineRun> runs;
    runs.clear();
    for (const std::string& line : label.lines) runs.push_back({line.data(), line.data() + line.size()});
    const float margin = label.size * kLabelMargin;
    const Rect text{label.rect.x0, label.rect.y0 + margin, label.rect.x1, label.rect.y1};
    p.Lines(runs, {text.x0, text.y0}, label.size, tint, text, false, true);
  }
}

}  // namespace paint

using namespace paint;  // the label sizes

std::vector<PointLabel> PlacePointLabels(const Board& board, const Layout& layout, float zoom, const Fonts& fonts,
                                         float minPx) {
  std::vector<PointLabel> labels;
  if (layout.emotionsLane < 0 || layout.curves.size() != board.curves.size() || layout.stageX.empty()) return labels;
  const int l = layout.emotionsLane;
  const Rect lane{layout.stageX.front(), layout.laneY[l], layout.stageX.back(), layout.laneY[l + 1]};
  // Board units: 13 as ever, more when the view would draw it under minPx on screen.
  const float size = std::max(kLabelSize, minPx / std::max(zoom, 1e-3f));
  const float width = kLabelWidth * size / kLabelSize, margin = size * kLabelMargin;
  std::vector<LabelRequest> requests;
  std::vector<std::vector<Vec2>> curves;
  for (size_t c = 0; c < board.curves.size(); ++c) {
    const EmotionCurve& curve = board.curves[c];
    const CurveGeometry& geometry = layout.curves[c];
    curves.push_back(geometry.samples);
    for (size_t k = 0; k < geometry.knots.size(); ++k) {
      const CurvePoint& point = curve.points[size_t(geometry.knots[k].point)];
      if (point.label.empty()) continue;
      PointLabel label;
      label.curve = int(c);
      label.knot = k;
      label.size = size;
      WrappedText wrapped = WrapText(fonts, point.label, size, width);
      wrapped.maxLines = 3;
      label.lines = ShownLineTexts(point.label, wrapped, 0, width, fonts);
      float widest = 0;
      for (const std::string& line : label.lines) widest = std::max(widest, TextWidth(fonts, line, size));
      LabelRequest request;
      request.anchor = geometry.knots[k].pos;
      request.size = {widest + 2 * margin, float(label.lines.size()) * size * WrappedText::kLineSpacing + margin};
      request.below = point.value > 0;  // away from the lane's edge
      requests.push_back(request);
      labels.push_back(std::move(label));
    }
  }
  LabelPlacementOptions options;
  options.gap = size * 0.6f + 4;
  options.step = size * 0.8f;
  std::vector<PlacedLabel> placed = PlaceLabels(requests, lane, curves, options);
  // A lane too small for its labels (large text in Room view): the whole grid rather than overlap.
  auto overlapping = [&] {
    for (size_t i = 0; i < placed.size(); ++i)
      for (size_t j = i + 1; j < placed.size(); ++j)
        if (placed[i].rect.Overlaps(placed[j].rect)) return true;
    return false;
  };
  if (overlapping() && layout.laneY.size() >= 2) {
    const Rect grid{lane.x0, layout.laneY.front(), lane.x1, layout.laneY.back()};
    options.tries = std::max(options.tries, int(grid.Height() / options.step) + 1);  // tries reach across it
    placed = PlaceLabels(requests, grid, curves, options);
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    labels[i].rect = placed[i].rect;
    labels[i].moved = placed[i].moved;
  }
  return labels;
}

}  // namespace jb
