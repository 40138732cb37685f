#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "core/io/templates.h"
#include "core/layout/curve.h"
#include "core/layout/ink.h"
#include "core/layout/layout.h"
#include "unit/board_support.h"

using namespace jb;

namespace {

constexpr float kTau = 6.2831853f;

float Distance(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
Vec2 Centre(const Rect& r) { return {(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f}; }
bool ContainsPointClosed(const Rect& r, Vec2 p) { return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1; }

// Whether p lies on the rectangle's border (within a hair).
bool OnBorder(const Rect& r, Vec2 p) {
  const float eps = 1e-3f;
  const bool inside = p.x >= r.x0 - eps && p.x <= r.x1 + eps && p.y >= r.y0 - eps && p.y <= r.y1 + eps;
  const bool onEdge = std::fabs(p.x - r.x0) < eps || std::fabs(p.x - r.x1) < eps || std::fabs(p.y - r.y0) < eps ||
                      std::fabs(p.y - r.y1) < eps;
  return inside && onEdge;
}

// A shaky hand drawing a circle at 120 Hz: one lap in `seconds`, jitter up to ±`jitter` per axis.
struct NoisyCircle {
  Vec2 centre{500, 400};
  float radius = 100;
  std::vector<Vec2> raw;
  std::vector<double> times;
  NoisyCircle(int samples, double seconds, float jitter, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> noise(-jitter, jitter);
    for (int i = 0; i < samples; ++i) {
      const float angle = kTau * float(i) / float(samples);
      raw.push_back({centre.x + radius * std::cos(angle) + noise(random),
                     centre.y + radius * std::sin(angle) + noise(random)});
      times.push_back(seconds * i / samples);
    }
  }
  float MeanError(const std::vector<Vec2>& points) const {
    double sum = 0;
    for (Vec2 p : points) sum += std::fabs(Distance(p, centre) - radius);
    return float(sum / double(points.size()));
  }
};

// Jitter as the mean change of direction between consecutive segments (radians): a smooth circle
// drawn with n points turns 2π/n each step.
float MeanTurn(const std::vector<Vec2>& points) {
  double sum = 0;
  for (size_t i = 2; i < points.size(); ++i) {
    const float a = std::atan2(points[i - 1].y - points[i - 2].y, points[i - 1].x - points[i - 2].x);
    const float b = std::atan2(points[i].y - points[i - 1].y, points[i].x - points[i - 1].x);
    float turn = std::fabs(b - a);
    if (turn > kTau / 2) turn = kTau - turn;
    sum += turn;
  }
  return float(sum / double(points.size() - 2));
}

std::vector<Vec2> Smooth(const NoisyCircle& circle, const SmoothingOptions& options) {
  StrokeSmoother smoother(options);
  std::vector<Vec2> out;
  for (size_t i = 0; i < circle.raw.size(); ++i) out.push_back(smoother.Add(circle.raw[i], circle.times[i]));
  return out;
}

}  // namespace

// [SECTION] Smoothing

TEST_CASE("ink smoothing steadies a shaky circle and never trails the pen by more than its bound") {
  SmoothingOptions options;
  options.maxLag = 2;
  // A lap in 4 s is a slow, careful circle (160 units/s); in 0.6 s a quick flick (1000 units/s),
  // where a lag bound of 2 leaves little room to smooth, and jitter matters less beside the speed.
  struct Lap {
    double seconds;
    float jitter, errorRatio, turnRatio;
  };
  for (const Lap& lap : {Lap{4.0, 1.5f, 0.7f, 0.6f}, Lap{1.5, 1.5f, 0.85f, 0.7f}, Lap{0.6, 1.0f, 0.95f, 0.9f}}) {
    const double seconds = lap.seconds;
    CAPTURE(seconds);
    const int samples = int(seconds * 120);
    const NoisyCircle circle(samples, seconds, lap.jitter, 7);
    const std::vector<Vec2> smoothed = Smooth(circle, options);
    const float rawError = circle.MeanError(circle.raw), smoothError = circle.MeanError(smoothed);
    const float rawTurn = MeanTurn(circle.raw), smoothTurn = MeanTurn(smoothed);
    MESSAGE("lap ", seconds, " s: distance to the circle ", rawError, " -> ", smoothError, ", mean turn ", rawTurn,
            " -> ", smoothTurn);
    CHECK(smoothError < rawError * lap.errorRatio);
    CHECK(smoothTurn < rawTurn * lap.turnRatio);
    float worstLag = 0;
    for (size_t i = 0; i < smoothed.size(); ++i) worstLag = std::max(worstLag, Distance(smoothed[i], circle.raw[i]));
    CHECK(worstLag <= 2.0f + 1e-4f);
  }
}

TEST_CASE("ink smoothing keeps its lag bound for a fast flick and a sudden jump, at any zoom") {
  for (const float maxLag : {2.0f, 0.5f, 8.0f}) {
    CAPTURE(maxLag);
    SmoothingOptions options;
    options.maxLag = maxLag;
    StrokeSmoother smoother(options);
    float worst = 0;
    // 4000 units/s across, then a jump of 300 units between two events.
    for (int i = 0; i < 60; ++i) {
      const Vec2 raw{100 + 33.0f * float(i) + (i >= 40 ? 300.0f : 0.0f), 200};
      worst = std::max(worst, Distance(smoother.Add(raw, i / 120.0), raw));
    }
    CHECK(worst <= maxLag + 1e-4f);
    CHECK(worst > 0);  // it did smooth
  }
}

TEST_CASE("ink smoothing switched off passes points through, and Reset starts a new stroke at the pen") {
  const NoisyCircle circle(240, 2, 1.5f, 3);
  SmoothingOptions off;
  off.enabled = false;
  CHECK(Smooth(circle, off) == circle.raw);

  StrokeSmoother smoother;
  smoother.Add({0, 0}, 0);
  smoother.Add({10, 0}, 0.01);
  smoother.Reset();
  CHECK(smoother.Add({500, 500}, 0.02) == Vec2{500, 500});
  // Repeated timestamps (coarse event clocks) do not divide by zero.
  const Vec2 next = smoother.Add({501, 500}, 0.02);
  CHECK(std::isfinite(next.x));
  CHECK(Distance(next, {501, 500}) <= 2.0f);
}

// [SECTION] Simplification

TEST_CASE("ink simplification keeps every point within tolerance and makes a 2000-point circle a few dozen") {
  std::vector<Vec2> circle;
  for (int i = 0; i <= 2000; ++i) {
    const float angle = kTau * float(i) / 2000;
    circle.push_back({300 + 200 * std::cos(angle), 300 + 200 * std::sin(angle)});
  }
  std::vector<Vec2> simplified;
  SimplifyStroke(circle, 0.5f, &simplified);
  MESSAGE("2001-point circle -> ", simplified.size(), " points");
  CHECK(simplified.size() < 80);
  CHECK(simplified.size() > 8);
  CHECK(simplified.front() == circle.front());
  CHECK(simplified.back() == circle.back());
  for (Vec2 p : circle) CHECK(DistanceToPolyline(simplified, p) <= 0.5f + 1e-3f);

  // A hand-drawn scribble (a random walk) of 5,000 points.
  std::mt19937 random(11);
  std::normal_distribution<float> step(0, 3);
  std::vector<Vec2> scribble{{0, 0}};
  for (int i = 0; i < 5000; ++i) scribble.push_back({scribble.back().x + step(random), scribble.back().y + step(random)});
  SimplifyStroke(scribble, 1.0f, &simplified);
  CHECK(simplified.size() < scribble.size());
  float worst = 0;
  for (Vec2 p : scribble) worst = std::max(worst, DistanceToPolyline(simplified, p));
  CHECK(worst <= 1.0f + 1e-3f);
}

TEST_CASE("ink simplification makes a straight line two points and a dot one") {
  std::vector<Vec2> line;
  for (int i = 0; i < 1000; ++i) line.push_back({10 + 0.5f * float(i), 20 + 0.25f * float(i) + (i % 2 ? 0.1f : -0.1f)});
  std::vector<Vec2> simplified;
  SimplifyStroke(line, 0.5f, &simplified);
  REQUIRE(simplified.size() == 2);
  CHECK(simplified[0] == line.front());
  CHECK(simplified[1] == line.back());

  SimplifyStroke(std::vector<Vec2>(50, Vec2{7, 7}), 0.5f, &simplified);
  CHECK(simplified == std::vector<Vec2>{{7, 7}});
  SimplifyStroke({{1, 1}, {1, 1}}, 0.5f, &simplified);
  CHECK(simplified.size() == 1);
  SimplifyStroke({}, 0.5f, &simplified);
  CHECK(simplified.empty());
  // A closed loop (first point == last) keeps its shape.
  SimplifyStroke({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, 0.5f, &simplified);
  CHECK(simplified.size() == 5);
}

// [SECTION] Strokes in cells

namespace {

std::vector<Vec2> CircleAround(Vec2 centre, float radius, int points) {
  std::vector<Vec2> out;
  for (int i = 0; i <= points; ++i) {
    const float angle = kTau * float(i) / float(points);
    out.push_back({centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
  }
  return out;
}

Stroke Anchored(const Board& board, const Layout& layout, const std::vector<Vec2>& boardPoints) {
  const StrokeAnchor anchor = AnchorStroke(board, layout, boardPoints);
  Stroke stroke;
  stroke.stage = anchor.stage;
  stroke.lane = anchor.lane;
  stroke.points = anchor.points;
  return stroke;
}

const NoteBox& BoxOf(const Board& board, const Layout& layout, NoteId id) {
  return layout.notes[size_t(board.NoteIndex(id))];
}

// Where the stroke's bounding box centre sits relative to the note's centre.
Vec2 StrokeOffsetFromNote(const Board& board, const Stroke& stroke, NoteId note) {
  const Layout layout = ComputeLayout(board);
  std::vector<Vec2> points;
  REQUIRE(StrokePoints(board, layout, stroke, &points) == StrokePlace::InCell);
  const Vec2 strokeCentre = Centre(StrokeBounds(points, 0));
  const Vec2 noteCentre = Centre(BoxOf(board, layout, note).rect);
  return {strokeCentre.x - noteCentre.x, strokeCentre.y - noteCentre.y};
}

}  // namespace

TEST_CASE("ink a circle drawn around a note belongs to its cell and stays around it as the map changes") {
  test::SmallBoard small;
  Board& board = small.board;
  Layout layout = ComputeLayout(board);
  const Vec2 noteCentre = Centre(BoxOf(board, layout, small.n2).rect);
  // A wide circle whose rim crosses into the lane label column and the next stage: the centre decides.
  const std::vector<Vec2> drawn = CircleAround(noteCentre, 120, 40);
  const Stroke stroke = Anchored(board, layout, drawn);
  CHECK(stroke.stage == small.a);
  CHECK(stroke.lane == small.l1);
  std::vector<Vec2> points;
  REQUIRE(StrokePoints(board, layout, stroke, &points) == StrokePlace::InCell);
  REQUIRE(points.size() == drawn.size());
  for (size_t i = 0; i < drawn.size(); ++i) CHECK(Distance(points[i], drawn[i]) < 1e-3f);
  const Vec2 before = StrokeOffsetFromNote(board, stroke, small.n2);

  SUBCASE("a stage reorder moves it with its cell") {
    std::swap(board.stages[0], board.stages[2]);  // A goes to the right
    const Layout moved = ComputeLayout(board);
    StrokePoints(board, moved, stroke, &points);
    const float shift = moved.stageX[2] - layout.stageX[0];
    CHECK(shift > 0);
    for (size_t i = 0; i < drawn.size(); ++i) {
      CHECK(points[i].x == doctest::Approx(drawn[i].x + shift).epsilon(1e-5));
      CHECK(points[i].y == doctest::Approx(drawn[i].y).epsilon(1e-5));
    }
    const Vec2 after = StrokeOffsetFromNote(board, stroke, small.n2);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));
  }
  SUBCASE("a stage resized to the left of it moves it") {
    std::swap(board.stages[0], board.stages[1]);  // A second, after B...
    const Layout reordered = ComputeLayout(board);
    board.stages[0].width += 250;  // ...and B grows
    const Layout grown = ComputeLayout(board);
    StrokePoints(board, grown, stroke, &points);
    CHECK(points[0].x == doctest::Approx(drawn[0].x + reordered.stageX[1] - layout.stageX[0] + 250));
  }
}

TEST_CASE("ink a stroke in a lower lane follows the lane above growing taller") {
  test::SmallBoard small;
  Board& board = small.board;
  const Layout layout = ComputeLayout(board);
  // A stroke across the middle of cell (B, L2), under note n4's lane.
  const Rect cell = layout.Cell(1, 1);
  const std::vector<Vec2> drawn = {{cell.x0 + 40, cell.y0 + 30}, {cell.x0 + 200, cell.y0 + 60}};
  const Stroke stroke = Anchored(board, layout, drawn);
  CHECK(stroke.stage == small.b);
  CHECK(stroke.lane == small.l2);

  // Six more notes in (B, L1) make L1 taller, pushing L2 down.
  for (int i = 0; i < 6; ++i) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = small.b;
    note.lane = small.l1;
    board.notes.push_back(note);
  }
  const Layout grown = ComputeLayout(board);
  const float drop = grown.laneY[1] - layout.laneY[1];
  REQUIRE(drop > 100);
  std::vector<Vec2> points;
  REQUIRE(StrokePoints(board, grown, stroke, &points) == StrokePlace::InCell);
  for (size_t i = 0; i < drawn.size(); ++i) {
    CHECK(points[i].x == doctest::Approx(drawn[i].x));
    CHECK(points[i].y == doctest::Approx(drawn[i].y + drop));
  }
}

TEST_CASE("ink strokes outside the grid are free, hidden cells hide theirs, a stroke whose cell is gone has no points") {
  test::SmallBoard small;
  Board& board = small.board;
  Layout layout = ComputeLayout(board);
  std::vector<Vec2> points;

  // Beside the grid, on the header row, in the lane label column: free, board coordinates kept.
  for (const Vec2 centre : {Vec2{layout.grid.x1 + 300, 200}, Vec2{400, 20}, Vec2{100, 200}}) {
    CAPTURE(centre.x);
    const std::vector<Vec2> drawn = CircleAround(centre, 15, 12);
    const Stroke free = Anchored(board, layout, drawn);
    CHECK(free.IsFree());
    CHECK(free.points == drawn);
    CHECK(StrokePoints(board, layout, free, &points) == StrokePlace::Free);
    CHECK(points == drawn);
  }
  CHECK(Anchored(board, layout, {}).IsFree());

  // Drawn over a collapsed lane (which takes no notes): free.
  board.lanes[1].collapsed = true;
  layout = ComputeLayout(board);
  CHECK(Anchored(board, layout, CircleAround(Centre(layout.Cell(0, 1)), 5, 8)).IsFree());
  board.lanes[1].collapsed = false;
  layout = ComputeLayout(board);

  const Stroke inCell = Anchored(board, layout, CircleAround(Centre(layout.Cell(2, 0)), 30, 16));
  REQUIRE(inCell.stage == small.c);
  board.stages[2].hidden = true;
  CHECK(StrokePoints(board, ComputeLayout(board), inCell, &points) == StrokePlace::Hidden);
  CHECK(points.size() == inCell.points.size());
  CHECK_FALSE(StrokeShown(StrokePlace::Hidden));
  board.stages[2].hidden = false;
  board.lanes[0].collapsed = true;
  CHECK(StrokePoints(board, ComputeLayout(board), inCell, &points) == StrokePlace::Hidden);
  board.lanes[0].collapsed = false;

  board.stages.erase(board.stages.begin() + 2);
  CHECK(StrokePoints(board, ComputeLayout(board), inCell, &points) == StrokePlace::Orphan);
  CHECK(points.empty());
  CHECK_FALSE(StrokeShown(StrokePlace::Orphan));
}

// [SECTION] Arrows

namespace {

Arrow Between(NoteId from, NoteId to, bool curved) {
  Arrow arrow;
  arrow.from.note = from;
  arrow.to.note = to;
  arrow.curved = curved;
  return arrow;
}

Vec2 Direction(Vec2 from, Vec2 to) {
  const float length = Distance(from, to);
  return {(to.x - from.x) / length, (to.y - from.y) / length};
}

}  // namespace

TEST_CASE("ink a straight arrow runs from border to border along the line between the notes") {
  test::SmallBoard small;
  Board& board = small.board;
  const Layout layout = ComputeLayout(board);
  ArrowGeometry geometry;
  ArrowPath(board, layout, Between(small.n2, small.n4, false), &geometry);
  REQUIRE(geometry.path.size() == 2);
  CHECK(geometry.shown);
  const Rect from = BoxOf(board, layout, small.n2).rect, to = BoxOf(board, layout, small.n4).rect;
  CHECK(OnBorder(from, geometry.path.front()));
  CHECK(OnBorder(to, geometry.path.back()));
  // On the line between the centres, not at them.
  const Vec2 c0 = Centre(from), c1 = Centre(to), d = Direction(c0, c1);
  for (Vec2 p : geometry.path) CHECK(std::fabs((p.x - c0.x) * d.y - (p.y - c0.y) * d.x) < 1e-2f);
  CHECK(Distance(geometry.path.front(), c0) > 40);
  // The label sits half-way; the head points at n4.
  CHECK(Distance(geometry.labelAnchor, {(geometry.path[0].x + geometry.path[1].x) / 2,
                                        (geometry.path[0].y + geometry.path[1].y) / 2}) < 1e-3f);
  CHECK(geometry.headAtEnd);
  CHECK_FALSE(geometry.headAtStart);
  CHECK(geometry.endHead[0] == geometry.path.back());
  const Vec2 headBase = {(geometry.endHead[1].x + geometry.endHead[2].x) / 2, (geometry.endHead[1].y + geometry.endHead[2].y) / 2};
  const Vec2 headDir = Direction(headBase, geometry.endHead[0]);
  CHECK(headDir.x * d.x + headDir.y * d.y > 0.999f);
}

TEST_CASE("ink arrow ends follow their notes to another stage and through a stage reorder") {
  test::SmallBoard small;
  Board& board = small.board;
  const Arrow arrow = Between(small.n1, small.n4, false);
  ArrowGeometry geometry;
  ArrowPath(board, ComputeLayout(board), arrow, &geometry);
  const Vec2 endBefore = geometry.path.back();

  // n4 moves from stage B to stage C.
  board.notes[size_t(board.NoteIndex(small.n4))].stage = small.c;
  Layout layout = ComputeLayout(board);
  ArrowPath(board, layout, arrow, &geometry);
  CHECK(geometry.path.back().x > endBefore.x + 200);
  CHECK(OnBorder(BoxOf(board, layout, small.n4).rect, geometry.path.back()));
  CHECK(OnBorder(BoxOf(board, layout, small.n1).rect, geometry.path.front()));

  // Stage C (with n4) moves to the far left: the arrow turns round, ends still on the borders.
  std::rotate(board.stages.begin(), board.stages.begin() + 2, board.stages.end());
  layout = ComputeLayout(board);
  const NoteBoxIndex index(layout);
  ArrowPath(board, layout, arrow, &geometry, &index);
  CHECK(geometry.path.back().x < geometry.path.front().x);
  CHECK(OnBorder(BoxOf(board, layout, small.n4).rect, geometry.path.back()));
  CHECK(OnBorder(BoxOf(board, layout, small.n1).rect, geometry.path.front()));
  // With or without the index, the same geometry.
  ArrowGeometry slow;
  ArrowPath(board, layout, arrow, &slow);
  CHECK(slow.path == geometry.path);
}

TEST_CASE("ink a curved arrow leaves each note along the outward normal of the side it sits on") {
  test::SmallBoard small;
  Board& board = small.board;
  const Layout layout = ComputeLayout(board);
  ArrowGeometry geometry;

  // n1 (stage A) to n4 (stage B, to the right): out of n1's right side, into n4's left side.
  ArrowPath(board, layout, Between(small.n1, small.n4, true), &geometry);
  REQUIRE(geometry.path.size() == size_t(kArrowStyle.curveSamples) + 1);
  const Rect from = BoxOf(board, layout, small.n1).rect, to = BoxOf(board, layout, small.n4).rect;
  CHECK(geometry.path.front().x == doctest::Approx(from.x1));
  CHECK(geometry.path.front().y == doctest::Approx(Centre(from).y));
  CHECK(geometry.path.back().x == doctest::Approx(to.x0));
  CHECK(geometry.path.back().y == doctest::Approx(Centre(to).y));
  const Vec2 leaving = Direction(geometry.path[0], geometry.path[1]);
  CHECK(leaving.x > 0.99f);
  const Vec2 arriving = Direction(geometry.path[geometry.path.size() - 2], geometry.path.back());
  CHECK(arriving.x > 0.99f);  // entering n4's left side, i.e. against its outward normal (-1, 0)

  // n3 (below n1 in the same cell) to n1: out of n3's top side, into n1's bottom side.
  ArrowPath(board, layout, Between(small.n3, small.n1, true), &geometry);
  const Rect top = BoxOf(board, layout, small.n1).rect, bottom = BoxOf(board, layout, small.n3).rect;
  CHECK(geometry.path.front().y == doctest::Approx(bottom.y0));
  CHECK(geometry.path.back().y == doctest::Approx(top.y1));
  CHECK(Direction(geometry.path[0], geometry.path[1]).y < -0.99f);
  // n3 (low in stage A) to n4 (high in stage B): the line between the centres is diagonal, but
  // the arrow still leaves n3's top side straight up and enters n4's bottom side straight up.
  ArrowPath(board, layout, Between(small.n3, small.n4, true), &geometry);
  const Rect low = BoxOf(board, layout, small.n3).rect, high = BoxOf(board, layout, small.n4).rect;
  CHECK(geometry.path.front().x == doctest::Approx(Centre(low).x));
  CHECK(geometry.path.front().y == doctest::Approx(low.y0));
  CHECK(geometry.path.back().x == doctest::Approx(Centre(high).x));
  CHECK(geometry.path.back().y == doctest::Approx(high.y1));
  CHECK(Direction(geometry.path[0], geometry.path[1]).y < -0.99f);
  CHECK(Direction(geometry.path[geometry.path.size() - 2], geometry.path.back()).y < -0.99f);
  // Every sample lies within the bounds.
  for (Vec2 p : geometry.path) CHECK(ContainsPointClosed(geometry.bounds, p));
}

TEST_CASE("ink arrows with free, missing and hidden ends, and every choice of heads") {
  test::SmallBoard small;
  Board& board = small.board;
  Layout layout = ComputeLayout(board);
  ArrowGeometry geometry;

  Arrow free = Between(small.n1, NoteId(), false);
  free.to.pos = {2000, 900};
  free.heads = ArrowHeads::Both;
  ArrowPath(board, layout, free, &geometry);
  CHECK(geometry.path.back() == Vec2{2000, 900});
  CHECK(OnBorder(BoxOf(board, layout, small.n1).rect, geometry.path.front()));
  CHECK(geometry.headAtStart);
  CHECK(geometry.headAtEnd);
  CHECK(geometry.startHead[0] == geometry.path.front());
  CHECK(geometry.endHead[0] == geometry.path.back());
  for (const auto& head : {geometry.startHead, geometry.endHead})
    for (Vec2 p : head) CHECK(ContainsPointClosed(geometry.bounds, p));

  // Both ends free, curved: starts and ends exactly at pos, heads None.
  Arrow loose;
  loose.from.pos = {0, 0};
  loose.to.pos = {100, 0};
  loose.curved = true;
  loose.heads = ArrowHeads::None;
  ArrowPath(board, layout, loose, &geometry);
  CHECK(geometry.path.front() == Vec2{0, 0});
  CHECK(geometry.path.back() == Vec2{100, 0});
  CHECK_FALSE(geometry.headAtStart);
  CHECK_FALSE(geometry.headAtEnd);

  // A note that is gone: its end stays at the end's pos, as a free end.
  Arrow missing = Between(NoteId(987654), small.n4, false);
  missing.from.pos = {5, 6};
  missing.heads = ArrowHeads::Start;
  ArrowPath(board, layout, missing, &geometry);
  CHECK(geometry.shown);
  CHECK(geometry.path.front() == Vec2{5, 6});
  CHECK(geometry.startHead[0] == Vec2{5, 6});
  const NoteBoxIndex index(layout);
  ArrowGeometry indexed;
  ArrowPath(board, layout, missing, &indexed, &index);
  CHECK(indexed.path == geometry.path);

  // An arrow from a note to itself (nothing should make one, but a file might): a finite dot at
  // the note's centre when straight, a small loop off its right side when curved; no NaN either way.
  for (const bool curved : {false, true}) {
    ArrowPath(board, layout, Between(small.n2, small.n2, curved), &geometry);
    for (Vec2 p : geometry.path) CHECK((std::isfinite(p.x) && std::isfinite(p.y)));
    for (Vec2 p : geometry.endHead) CHECK((std::isfinite(p.x) && std::isfinite(p.y)));
    CHECK(std::isfinite(geometry.labelAnchor.x));
  }

  // A note in a collapsed lane: the arrow hides with it, and cannot be hit or marqueed.
  board.lanes[0].collapsed = true;
  layout = ComputeLayout(board);
  ArrowPath(board, layout, Between(small.n1, small.n5, false), &geometry);
  CHECK_FALSE(geometry.shown);
  CHECK_FALSE(HitArrow(geometry, geometry.labelAnchor, 5));
  CHECK_FALSE(RectTouchesArrow(geometry, geometry.bounds));
}

// [SECTION] Hit tests and bounds

TEST_CASE("ink stroke bounds and point hits, including dots and zero-length segments") {
  const std::vector<Vec2> stroke = {{0, 0}, {100, 0}, {100, 100}};
  const Rect bounds = StrokeBounds(stroke, 6);
  CHECK(bounds.x0 == -3);
  CHECK(bounds.y0 == -3);
  CHECK(bounds.x1 == 103);
  CHECK(bounds.y1 == 103);
  const Rect empty = StrokeBounds({}, 6);
  CHECK(empty.Width() == 0);
  CHECK(empty.Height() == 0);

  CHECK(HitStroke(stroke, 6, {50, 3}, 0));         // on the inked edge
  CHECK_FALSE(HitStroke(stroke, 6, {50, 3.5f}, 0));
  CHECK(HitStroke(stroke, 6, {50, 5}, 2));          // within the tolerance
  CHECK_FALSE(HitStroke(stroke, 6, {50, 5.5f}, 2));
  CHECK(HitStroke(stroke, 6, {103, 50}, 0));
  CHECK_FALSE(HitStroke(stroke, 6, {50, 50}, 4));   // inside the corner, far from both lines
  CHECK(HitStroke(stroke, 6, {-2, 0}, 0));          // the round end
  CHECK_FALSE(HitStroke({}, 6, {0, 0}, 100));

  // A dot, and a stroke of one point repeated: hit within their radius, like a round blot.
  for (const std::vector<Vec2>& dot : {std::vector<Vec2>{{10, 10}}, std::vector<Vec2>{{10, 10}, {10, 10}}}) {
    CHECK(HitStroke(dot, 8, {13, 12}, 0.5f));
    CHECK_FALSE(HitStroke(dot, 8, {14, 14}, 0.5f));
    CHECK(StrokeBounds(dot, 8).x0 == 6);
  }
  CHECK(DistanceToSegment({3, 4}, {0, 0}, {0, 0}) == doctest::Approx(5));
}

TEST_CASE("ink the eraser segment touches a stroke it crosses between points, not one it passes by") {
  const std::vector<Vec2> stroke = {{0, 0}, {200, 0}};
  // Crosses the middle of the only segment: no stroke point near it.
  CHECK(SegmentHitsStroke(stroke, 2, {100, -50}, {100, 50}, 0));
  // Passes parallel, 5 above: only with enough width or tolerance.
  CHECK_FALSE(SegmentHitsStroke(stroke, 2, {0, 5}, {200, 5}, 0));
  CHECK(SegmentHitsStroke(stroke, 2, {0, 5}, {200, 5}, 4));
  CHECK(SegmentHitsStroke(stroke, 10, {0, 5}, {200, 5}, 0));
  // Ends just short of it.
  CHECK_FALSE(SegmentHitsStroke(stroke, 2, {100, -50}, {100, -3}, 1));
  CHECK(SegmentHitsStroke(stroke, 2, {100, -50}, {100, -2}, 1));
  // A zero-length eraser segment (a click without moving), on and off the stroke.
  CHECK(SegmentHitsStroke(stroke, 2, {150, 1}, {150, 1}, 0));
  CHECK_FALSE(SegmentHitsStroke(stroke, 2, {150, 4}, {150, 4}, 0));
  // Collinear, overlapping.
  CHECK(SegmentHitsStroke(stroke, 0, {150, 0}, {300, 0}, 0));
  // A dot stroke, crossed by the eraser.
  CHECK(SegmentHitsStroke({{50, 50}}, 4, {0, 51}, {100, 51}, 0));
  CHECK_FALSE(SegmentHitsStroke({{50, 50}}, 4, {0, 60}, {100, 60}, 0));
  CHECK_FALSE(SegmentHitsStroke({}, 4, {0, 0}, {100, 0}, 10));
  CHECK(SegmentDistance({0, 0}, {10, 10}, {0, 10}, {10, 0}) == 0);
  CHECK(SegmentDistance({0, 0}, {10, 0}, {0, 3}, {10, 3}) == doctest::Approx(3));
}

TEST_CASE("ink marquee rectangles touch a stroke's ink, not the empty middle of its bounding box") {
  const std::vector<Vec2> circle = CircleAround({500, 500}, 100, 48);
  CHECK_FALSE(RectTouchesStroke(circle, 4, {450, 450, 550, 550}));  // inside the loop
  CHECK(RectTouchesStroke(circle, 4, {350, 350, 650, 650}));        // around it all
  CHECK(RectTouchesStroke(circle, 4, {590, 490, 700, 510}));        // over its rim
  // Crossing a long segment between its points.
  const std::vector<Vec2> line = {{0, 0}, {1000, 0}};
  CHECK(RectTouchesStroke(line, 2, {400, -10, 420, 10}));
  CHECK(RectTouchesStroke(line, 2, {400, 0.9f, 420, 10}));  // just touching the inked width
  CHECK_FALSE(RectTouchesStroke(line, 2, {400, 1.5f, 420, 10}));
  CHECK(RectTouchesStroke({{5, 5}}, 4, {6, 6, 20, 20}));  // a dot
  CHECK_FALSE(RectTouchesStroke({{5, 5}}, 4, {8, 8, 20, 20}));
  CHECK_FALSE(RectTouchesStroke({}, 4, {-1e6f, -1e6f, 1e6f, 1e6f}));
}

TEST_CASE("ink arrow hits: the line, the head, and not beside them") {
  Board board;
  const Layout layout = ComputeLayout(board);
  Arrow arrow;
  arrow.from.pos = {0, 0};
  arrow.to.pos = {200, 0};
  ArrowGeometry geometry;
  ArrowPath(board, layout, arrow, &geometry);
  // The bounds hold the head, which is wider than the line.
  CHECK(geometry.bounds.y0 == doctest::Approx(-kArrowStyle.headWidth / 2));
  CHECK(geometry.bounds.y1 == doctest::Approx(kArrowStyle.headWidth / 2));
  CHECK(geometry.bounds.x0 == doctest::Approx(-kArrowStyle.lineWidth / 2));
  CHECK(geometry.bounds.x1 == doctest::Approx(200 + kArrowStyle.lineWidth / 2));
  CHECK(HitArrow(geometry, {100, 1}, 0));
  CHECK_FALSE(HitArrow(geometry, {100, 4}, 0));
  CHECK(HitArrow(geometry, {100, 4}, 3));
  // Inside the head's triangle, beyond the line's width.
  CHECK(HitArrow(geometry, {195, 4}, 0) == false);
  CHECK(HitArrow(geometry, {190, 3.5f}, 0));
  CHECK_FALSE(HitArrow(geometry, {250, 0}, 5));
  // Marquee: over the head's corner only, over the middle, nowhere near.
  CHECK(RectTouchesArrow(geometry, {187, 4, 195, 10}));
  CHECK(RectTouchesArrow(geometry, {90, -10, 110, 10}));
  CHECK_FALSE(RectTouchesArrow(geometry, {90, 10, 110, 20}));
  CHECK(RectTouchesArrow(geometry, {191, 2, 192, 3}));  // a tiny marquee inside the head, off the line
}

TEST_CASE("a board's bounds take in its frames, free text, free strokes and arrows' free ends") {
  Board board = MakeBoard(Template::Blank);
  const Rect grid = ComputeLayout(board).bounds;
  board.frames.push_back({FrameId(board.NewId()), {grid.x1 + 100, 0, grid.x1 + 500, 300}, "Parking lot"});
  board.labels.push_back({LabelId(board.NewId()), {-400, -300}, "Where do we lose people?", 64});
  Stroke free;
  free.id = StrokeId(board.NewId());
  free.points = {{0, grid.y1 + 200}, {50, grid.y1 + 260}};
  board.strokes.push_back(free);
  Arrow arrow;
  arrow.id = ArrowId(board.NewId());
  arrow.from.pos = {grid.x1 + 900, -50};
  arrow.to.pos = {grid.x1 + 950, 10};
  board.arrows.push_back(arrow);
  const Rect bounds = ComputeLayout(board).bounds;
  CHECK(bounds.x1 >= grid.x1 + 950);                      // the arrow's free end
  CHECK(bounds.x0 <= -400);                               // the label's left edge
  CHECK(bounds.y0 <= -300);                               // ...and its top
  CHECK(bounds.x1 - bounds.x0 >= grid.x1 + 500 + 400);    // the frame lies within
  CHECK(bounds.y1 >= grid.y1 + 260);                      // the free stroke
  // A stroke in a cell stays inside the grid: it adds nothing.
  Board cell = MakeBoard(Template::Blank);
  Stroke inCell;
  inCell.id = StrokeId(cell.NewId());
  inCell.stage = cell.stages[0].id;
  inCell.lane = cell.lanes[0].id;
  inCell.points = {{10, 10}, {40, 30}};
  cell.strokes.push_back(inCell);
  const Rect cellBounds = ComputeLayout(cell).bounds;
  CHECK(cellBounds.x0 == grid.x0);
  CHECK(cellBounds.y1 == grid.y1);
}
