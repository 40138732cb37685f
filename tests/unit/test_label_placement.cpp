// Emotion point labels: placed beside their points, inside the board, never on one another.
#include <doctest/doctest.h>

#include <random>

#include "core/layout/label_placement.h"

using namespace jb;

namespace {

bool Inside(const Rect& inner, const Rect& outer) {
  return inner.x0 >= outer.x0 - 1e-3f && inner.y0 >= outer.y0 - 1e-3f && inner.x1 <= outer.x1 + 1e-3f &&
         inner.y1 <= outer.y1 + 1e-3f;
}

bool SameRect(const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; }

}  // namespace

TEST_CASE("A label with room stays in its first place, centred under or over its point") {
  const Rect bounds{0, 0, 1000, 400};
  const std::vector<PlacedLabel> placed =
      PlaceLabels({{{500, 100}, {120, 30}, true}, {{800, 300}, {100, 20}, false}}, bounds, {});
  REQUIRE(placed.size() == 2);
  CHECK_FALSE(placed[0].moved);
  CHECK(SameRect(placed[0].rect, Rect{440, 112, 560, 142}));
  CHECK_FALSE(placed[1].moved);
  CHECK(SameRect(placed[1].rect, Rect{750, 268, 850, 288}));
}

TEST_CASE("A label near the board's edge is shifted inside it, never cut") {
  const Rect bounds{100, 0, 1000, 400};
  const std::vector<PlacedLabel> placed =
      PlaceLabels({{{110, 100}, {180, 30}, true}, {{995, 390}, {180, 30}, true}}, bounds, {});
  for (const PlacedLabel& label : placed) CHECK(Inside(label.rect, bounds));
  CHECK(placed[0].rect.x0 == 100);
  CHECK(placed[1].rect.x1 == 1000);
  CHECK(placed[1].rect.y1 <= 390 - 12 + 1e-3f);  // no room below the point: it goes above
  CHECK(placed[1].moved);
}

TEST_CASE("Crowded labels never overlap, stay inside and are placed the same way every time") {
  const Rect bounds{0, 0, 1400, 500};
  std::mt19937 random(15);
  std::uniform_real_distribution<float> x(0, 1400), y(120, 380), w(60, 180), h(16, 48);
  std::vector<LabelRequest> labels;
  for (int i = 0; i < 24; ++i) {
    LabelRequest label;
    label.anchor = {x(random), y(random)};
    label.size = {w(random), h(random)};
    label.below = i % 2 == 0;
    labels.push_back(label);
  }
  // The same stage holds several points: anchors close together.
  for (int i = 0; i < 6; ++i) labels.push_back({{700.0f + float(i) * 12, 250.0f + float(i % 3) * 20}, {170, 45}, true});
  const std::vector<std::vector<Vec2>> curves{{{0, 300}, {350, 150}, {700, 250}, {1050, 350}, {1400, 200}}};
  const std::vector<PlacedLabel> placed = PlaceLabels(labels, bounds, curves);
  REQUIRE(placed.size() == labels.size());
  int moved = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    CHECK(Inside(placed[i].rect, bounds));
    CHECK(placed[i].rect.Width() == doctest::Approx(labels[i].size.x));
    CHECK(placed[i].rect.Height() == doctest::Approx(labels[i].size.y));
    for (size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].rect.Overlaps(placed[j].rect));
    moved += placed[i].moved;
  }
  CHECK(moved > 0);
  const std::vector<PlacedLabel> again = PlaceLabels(labels, bounds, curves);
  for (size_t i = 0; i < placed.size(); ++i) {
    CHECK(SameRect(placed[i].rect, again[i].rect));
    CHECK(placed[i].moved == again[i].moved);
  }
}

TEST_CASE("A label keeps off the curve where it can") {
  const Rect bounds{0, 0, 1000, 400};
  // The curve falls steeply through where the label would go under the point.
  const std::vector<std::vector<Vec2>> curves{{{0, 100}, {500, 100}, {520, 300}, {1000, 300}}};
  const std::vector<PlacedLabel> placed = PlaceLabels({{{500, 100}, {120, 30}, true}}, bounds, curves);
  REQUIRE(placed.size() == 1);
  CHECK_FALSE(SegmentTouchesRect({500, 100}, {520, 300}, placed[0].rect));
  CHECK_FALSE(SegmentTouchesRect({0, 100}, {500, 100}, placed[0].rect));
  CHECK(placed[0].moved);
  // Without the curve it stays under the point.
  CHECK_FALSE(PlaceLabels({{{500, 100}, {120, 30}, true}}, bounds, {})[0].moved);
}

TEST_CASE("SegmentTouchesRect") {
  const Rect r{10, 10, 20, 20};
  CHECK(SegmentTouchesRect({0, 0}, {30, 30}, r));
  CHECK(SegmentTouchesRect({12, 12}, {13, 13}, r));  // inside
  CHECK_FALSE(SegmentTouchesRect({0, 0}, {30, 0}, r));
  CHECK_FALSE(SegmentTouchesRect({0, 25}, {25, 40}, r));
  CHECK(SegmentTouchesRect({15, 0}, {15, 30}, r));  // vertical, through it
}
