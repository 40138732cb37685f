#include "core/layout/label_placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace jb {

bool SegmentTouchesRect(Vec2 a, Vec2 b, const Rect& r) {
  // Liang–Barsky: clip the segment's parameter range [0, 1] against each side.
  float t0 = 0, t1 = 1;
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float p[4] = {-dx, dx, -dy, dy};
  const float q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;  // parallel to this side and outside it
      continue;
    }
    const float t = q[i] / p[i];
    if (p[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

namespace {

bool CrossesCurve(const std::vector<Vec2>& curve, const Rect& r) {
  if (curve.size() < 2) return false;
  // Sorted by x: only the segments from the one before r.x0 to the first past r.x1 can touch it.
  auto from = std::lower_bound(curve.begin(), curve.end(), r.x0, [](Vec2 p, float x) { return p.x < x; });
  size_t i = from == curve.begin() ? 0 : size_t(from - curve.begin()) - 1;
  for (; i + 1 < curve.size() && curve[i].x <= r.x1; ++i)
    if (SegmentTouchesRect(curve[i], curve[i + 1], r)) return true;
  return false;
}

float OverlapArea(const Rect& a, const Rect& b) {
  const float w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

struct Candidate {
  Rect rect;
  float cost = 0;
  bool moved = false;
};

}  // namespace

std::vector<PlacedLabel> PlaceLabels(const std::vector<LabelRequest>& labels, const Rect& bounds,
                                     const std::vector<std::vector<Vec2>>& curves, const LabelPlacementOptions& options) {
  std::vector<PlacedLabel> placed(labels.size());
  std::vector<size_t> order(labels.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return labels[a].anchor.x < labels[b].anchor.x; });
  auto clamp = [&](Rect r) {
    const float w = r.Width(), h = r.Height();
    r.x0 = std::max(bounds.x0, std::min(r.x0, bounds.x1 - w));
    r.y0 = std::max(bounds.y0, std::min(r.y0, bounds.y1 - h));
    r.x1 = r.x0 + w;
    r.y1 = r.y0 + h;
    return r;
  };
  const float radius = options.pointRadius;
  std::vector<Rect> done;  // labels placed so far
  std::vector<Candidate> candidates;
  for (size_t index : order) {
    const LabelRequest& label = labels[index];
    const float w = label.size.x, h = label.size.y;
    auto at = [&](bool below, float distance, float shift) {
      const float x0 = label.anchor.x - w * 0.5f + shift;
      const float y0 = below ? label.anchor.y + distance : label.anchor.y - distance - h;
      return Rect{x0, y0, x0 + w, y0 + h};
    };
    const Rect first = at(label.below, options.gap, 0);
    candidates.clear();
    for (int k = 0; k < options.tries; ++k)
      for (int side = 0; side < 2; ++side)
        for (float shift : {0.0f, -0.6f, 0.6f, -1.2f, 1.2f}) {
          const bool below = side == 0 ? label.below : !label.below;
          const Rect ideal = at(below, options.gap + float(k) * options.step, shift * w);
          Candidate c;
          c.rect = clamp(ideal);
          // Nearest first; the other side and sideways moves cost a little extra, so a tie
          // keeps the label where it reads best.
          c.cost = std::hypot(c.rect.x0 - first.x0, c.rect.y0 - first.y0) + float(side) * 2 + std::abs(shift) * 4;
          c.moved = k > 0 || side > 0 || shift != 0;
          candidates.push_back(c);
        }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
    auto hitsLabel = [&](const Rect& r) {
      return std::any_of(done.begin(), done.end(), [&](const Rect& o) { return o.Overlaps(r); });
    };
    auto hitsCurveOrPoint = [&](const Rect& r) {
      for (const LabelRequest& other : labels)
        if (r.Overlaps({other.anchor.x - radius, other.anchor.y - radius, other.anchor.x + radius, other.anchor.y + radius}))
          return true;
      return std::any_of(curves.begin(), curves.end(), [&](const std::vector<Vec2>& c) { return CrossesCurve(c, r); });
    };
    const Candidate* chosen = nullptr;
    for (const Candidate& c : candidates)
      if (!hitsLabel(c.rect) && !hitsCurveOrPoint(c.rect)) {
        chosen = &c;
        break;
      }
    if (!chosen)
      for (const Candidate& c : candidates)
        if (!hitsLabel(c.rect)) {
          chosen = &c;
          break;
        }
    if (!chosen) {  // no clear place within reach: the one that covers the least of the others
      float least = -1;
      for (const Candidate& c : candidates) {
        float area = 0;
        for (const Rect& o : done) area += OverlapArea(o, c.rect);
        if (least < 0 || area < least) {
          least = area;
          chosen = &c;
        }
      }
    }
    placed[index] = {chosen->rect, chosen->moved};
    done.push_back(chosen->rect);
  }
  return placed;
}

}  // namespace jb
