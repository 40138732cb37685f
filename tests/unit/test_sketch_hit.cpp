// What of the sketches is under a point (core/layout/sketch_hit.h): the canvas' hover and the
// tools ask this, so the order (over the notes, under them) and the frame's grips must hold.
#include <doctest/doctest.h>

#include "core/io/templates.h"
#include "core/layout/ink.h"
#include "core/layout/sketch_hit.h"

using namespace jb;

namespace {

// Every glyph half as wide as the text is high.
struct HalfGlyphs : GlyphMetrics {
  float Advance(char32_t) const override { return 0.5f; }
};

}  // namespace

TEST_CASE("sketch hits: labels, then arrows, then pen strokes over the notes, highlighter and frames under them") {
  Board board = MakeBoard(Template::Blank);
  const Rect grid = ComputeLayout(board).bounds;
  const float x = grid.x1 + 200;  // outside the grid, in free canvas
  Stroke pen;
  pen.id = StrokeId(board.NewId());
  pen.points = {{x, 100}, {x + 300, 100}};
  Stroke marker = pen;
  marker.id = StrokeId(board.NewId());
  marker.highlighter = true;
  marker.points = {{x, 400}, {x + 300, 400}};
  board.strokes = {pen, marker};
  Arrow arrow;
  arrow.id = ArrowId(board.NewId());
  arrow.from.pos = {x + 150, 50};
  arrow.to.pos = {x + 150, 150};  // crosses the pen stroke at (x + 150, 100)
  board.arrows = {arrow};
  board.labels = {{LabelId(board.NewId()), {x + 140, 90}, "Hi", 20}};  // over the crossing
  board.frames = {{FrameId(board.NewId()), {x - 50, 300, x + 400, 700}, "Parking lot"}};
  const Layout layout = ComputeLayout(board);
  const HalfGlyphs glyphs;

  // The label sits on top of the arrow, which crosses the stroke.
  SketchHit hit = HitSketchAbove(board, layout, glyphs, {x + 150, 100}, 2);
  CHECK(hit.kind == SketchKind::Label);
  board.labels.clear();
  hit = HitSketchAbove(board, layout, glyphs, {x + 150, 100}, 2);
  CHECK(hit.kind == SketchKind::Arrow);
  hit = HitSketchAbove(board, layout, glyphs, {x + 50, 101}, 2);
  CHECK(hit.kind == SketchKind::Stroke);
  CHECK(hit.index == 0);
  // The highlighter is not over the notes, and nothing is hit in empty canvas.
  CHECK_FALSE(HitSketchAbove(board, layout, glyphs, {x + 50, 400}, 2));
  CHECK_FALSE(HitSketchAbove(board, layout, glyphs, {x + 50, 250}, 2));
  hit = HitSketchBelow(board, layout, {x + 50, 400}, 2);
  CHECK(hit.kind == SketchKind::Stroke);
  CHECK(hit.index == 1);
  // A frame by its title strip and its border, not by its inside (presses there reach the canvas).
  CHECK(HitSketchBelow(board, layout, {x + 200, 300 + kFrameTitleHeight / 2}, 2).kind == SketchKind::Frame);
  CHECK(HitSketchBelow(board, layout, {x - 51, 600}, 2).kind == SketchKind::Frame);
  CHECK(HitSketchBelow(board, layout, {x + 401, 600}, 2).kind == SketchKind::Frame);
  CHECK_FALSE(HitSketchBelow(board, layout, {x + 200, 600}, 2));
  CHECK_FALSE(HitSketchBelow(board, layout, {x + 200, 720}, 2));
}

TEST_CASE("sketch hits: a label's box is its longest line by its lines, and bounds follow each kind") {
  Board board = MakeBoard(Template::Blank);
  TextLabel label{LabelId(board.NewId()), {10, 20}, "abcd\nab", 40};
  const HalfGlyphs glyphs;
  const Rect box = LabelBounds(glyphs, label);
  CHECK(box.x0 == doctest::Approx(10));
  CHECK(box.y0 == doctest::Approx(20));
  CHECK(box.Width() == doctest::Approx(4 * 0.5f * 40));                      // "abcd"
  CHECK(box.Height() == doctest::Approx(2 * 40 * WrappedText::kLineSpacing));  // two lines
  // An empty label still has a box to click.
  label.text.clear();
  CHECK(LabelBounds(glyphs, label).Width() > 0);
  CHECK(LabelBounds(glyphs, label).Height() > 0);

  board.labels = {label};
  Stroke stroke;
  stroke.id = StrokeId(board.NewId());
  stroke.points = {{0, 0}, {100, 50}};
  stroke.width = 4;
  board.strokes = {stroke};
  board.frames = {{FrameId(board.NewId()), {-500, -500, -100, -100}, ""}};
  const Layout layout = ComputeLayout(board);
  const Rect strokeBox = SketchBounds(board, layout, glyphs, SketchKind::Stroke, 0);
  CHECK(strokeBox.x0 == doctest::Approx(-2));
  CHECK(strokeBox.y1 == doctest::Approx(52));
  CHECK(SketchBounds(board, layout, glyphs, SketchKind::Frame, 0).x1 == doctest::Approx(-100));
  CHECK(SketchBounds(board, layout, glyphs, SketchKind::Label, 0).x0 == doctest::Approx(10));
  // A stroke whose cell is hidden has no bounds to select.
  board.strokes[0].stage = board.stages[0].id;
  board.strokes[0].lane = board.lanes[0].id;
  board.stages[0].hidden = true;
  const Layout hidden = ComputeLayout(board);
  CHECK(SketchBounds(board, hidden, glyphs, SketchKind::Stroke, 0).Width() == 0);
}

TEST_CASE("a layout works out each stroke and arrow once, as drawn, and is not used for a board it was not made for") {
  Board board = MakeBoard(Template::Blank);
  CHECK(ComputeLayout(board).sketches.get() == nullptr);  // nothing to work out
  Stroke inCell;
  inCell.id = StrokeId(board.NewId());
  inCell.stage = board.stages[1].id;
  inCell.lane = board.lanes[0].id;
  inCell.points = {{10, 10}, {60, 40}};
  board.strokes = {inCell};
  Arrow arrow;
  arrow.id = ArrowId(board.NewId());
  arrow.from.pos = {-300, -300};
  arrow.to.pos = {-100, -250};
  board.arrows = {arrow};
  const Layout layout = ComputeLayout(board);
  REQUIRE(layout.sketches.get() != nullptr);
  const StrokeGeometry* stroke = StrokeOf(layout, board, 0);
  REQUIRE(stroke);
  std::vector<Vec2> points;
  CHECK(StrokeShown(StrokePoints(board, layout, inCell, &points)));
  CHECK(stroke->shown);
  REQUIRE(stroke->points.size() == points.size());
  CHECK(stroke->points[1].x == doctest::Approx(points[1].x));
  CHECK(stroke->points[0].x == doctest::Approx(layout.stageX[1] + 10));  // offset from its cell
  const ArrowGeometry* drawn = ArrowOf(layout, board, 0);
  REQUIRE(drawn);
  ArrowGeometry fresh;
  ArrowPath(board, layout, arrow, &fresh);
  CHECK(drawn->bounds.x0 == doctest::Approx(fresh.bounds.x0));
  CHECK(drawn->path.size() == fresh.path.size());
  // A board with another stroke list than the layout's: the cache is not used.
  Board changed = board;
  changed.strokes.push_back(inCell);
  CHECK_FALSE(StrokeOf(layout, changed, 0));
  CHECK(ArrowOf(layout, changed, 0));  // its arrows still match
  // A hidden stage hides the stroke in the cache too.
  board.stages[1].hidden = true;
  const Layout hidden = ComputeLayout(board);
  CHECK_FALSE(StrokeOf(hidden, board, 0)->shown);
}
