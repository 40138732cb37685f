#include "core/layout/ink.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace jb {

namespace {

constexpr float kPi = 3.14159265358979f;

Vec2 Plus(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
Vec2 Sub(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
Vec2 Scale(Vec2 a, float s) { return {a.x * s, a.y * s}; }
float Dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
float Cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
float Length(Vec2 a) { return std::sqrt(Dot(a, a)); }
Vec2 Centre(const Rect& r) { return {(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f}; }
bool ContainsClosed(const Rect& r, Vec2 p) { return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1; }

float DistanceSquaredToSegment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = Sub(b, a), ap = Sub(p, a);
  const float lengthSquared = Dot(ab, ab);
  float t = lengthSquared > 0 ? std::clamp(Dot(ap, ab) / lengthSquared, 0.0f, 1.0f) : 0.0f;
  const Vec2 d = Sub(ap, Scale(ab, t));
  return Dot(d, d);
}

// Whether segments a–b and c–d share a point (touching and collinear overlap included).
bool SegmentsIntersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  auto side = [](Vec2 o, Vec2 p, Vec2 q) {
    const float v = Cross(Sub(p, o), Sub(q, o));
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  };
  auto within = [](Vec2 p, Vec2 q, Vec2 r) {  // r on the line p–q: is it between them?
    return r.x >= std::min(p.x, q.x) && r.x <= std::max(p.x, q.x) && r.y >= std::min(p.y, q.y) &&
           r.y <= std::max(p.y, q.y);
  };
  const int d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b)) || (d3 == 0 && within(a, b, c)) ||
         (d4 == 0 && within(a, b, d));
}

// Distance from segment a–b to the rectangle (0 when it touches or lies inside).
float SegmentRectDistance(Vec2 a, Vec2 b, const Rect& r) {
  if (ContainsClosed(r, a) || ContainsClosed(r, b)) return 0;
  const Vec2 corners[4] = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
  float best = SegmentDistance(a, b, corners[3], corners[0]);
  for (int i = 0; i < 3; ++i) best = std::min(best, SegmentDistance(a, b, corners[i], corners[i + 1]));
  return best;
}

bool PointInTriangle(Vec2 p, const std::array<Vec2, 3>& t) {
  const float d1 = Cross(Sub(t[1], t[0]), Sub(p, t[0]));
  const float d2 = Cross(Sub(t[2], t[1]), Sub(p, t[1]));
  const float d3 = Cross(Sub(t[0], t[2]), Sub(p, t[2]));
  const bool negative = d1 < 0 || d2 < 0 || d3 < 0, positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

void Extend(Rect* r, Vec2 p) {
  r->x0 = std::min(r->x0, p.x);
  r->y0 = std::min(r->y0, p.y);
  r->x1 = std::max(r->x1, p.x);
  r->y1 = std::max(r->y1, p.y);
}

}  // namespace

// [SECTION] Capture: smoothing while drawing, simplification on release

void StrokeSmoother::Reset() { m_started = false; }

Vec2 StrokeSmoother::Add(Vec2 raw, double seconds) {
  if (!m_options.enabled) return raw;
  if (!m_started) {
    m_started = true;
    m_lastTime = seconds;
    m_value = raw;
    m_speed = {};
    return raw;
  }
  double dt = seconds - m_lastTime;
  if (!(dt > 0)) dt = 1.0 / 120;
  m_lastTime = seconds;
  const float maxLag = std::max(m_options.maxLag, 0.01f);
  auto alpha = [dt](float cutoff) {
    const double tau = 1.0 / (2 * kPi * cutoff);
    return float(1.0 / (1.0 + tau / dt));
  };
  // The pen's speed, itself smoothed (at 1 Hz) so jitter does not read as speed.
  const Vec2 velocity = Scale(Sub(raw, m_value), float(1.0 / dt));
  m_speed = Plus(m_speed, Scale(Sub(velocity, m_speed), alpha(1.0f)));
  // A first-order filter trails a pen moving at speed v by v·tau. With the cut-off rising as
  // speed / (2π · 0.8 · maxLag), that trail tends to 0.8 · maxLag however fast the pen moves.
  const float speedCoefficient = 1.0f / (2 * kPi * 0.8f * maxLag);
  const float cutoff = m_options.minCutoff + speedCoefficient * Length(m_speed);
  m_value = Plus(m_value, Scale(Sub(raw, m_value), alpha(cutoff)));
  // The hard bound, for sudden turns and starts that the speed estimate has not caught up with.
  const Vec2 lag = Sub(raw, m_value);
  const float lagLength = Length(lag);
  if (lagLength > maxLag) m_value = Sub(raw, Scale(lag, maxLag / lagLength));
  return m_value;
}

void SimplifyStroke(const std::vector<Vec2>& points, float tolerance, std::vector<Vec2>* out) {
  out->clear();
  const size_t n = points.size();
  if (n <= 2) {
    *out = points;
    if (n == 2 && points[0] == points[1]) out->pop_back();  // a dot
    return;
  }
  const float toleranceSquared = tolerance * tolerance;
  std::vector<char> keep(n, 0);
  keep[0] = keep[n - 1] = 1;
  // Ramer–Douglas–Peucker with an explicit stack: a long stroke must not recurse thousands deep.
  std::vector<std::pair<size_t, size_t>> spans{{0, n - 1}};
  while (!spans.empty()) {
    const auto [first, last] = spans.back();
    spans.pop_back();
    float farthest = -1;
    size_t at = first;
    for (size_t i = first + 1; i < last; ++i) {
      const float d = DistanceSquaredToSegment(points[i], points[first], points[last]);
      if (d > farthest) {
        farthest = d;
        at = i;
      }
    }
    if (farthest > toleranceSquared) {
      keep[at] = 1;
      spans.push_back({first, at});
      spans.push_back({at, last});
    }
  }
  for (size_t i = 0; i < n; ++i)
    if (keep[i]) out->push_back(points[i]);
  if (out->size() == 2 && (*out)[0] == (*out)[1]) out->pop_back();  // every point in one place: a dot
}

// [SECTION] Where a stroke is

StrokePlace StrokePoints(const Board& board, const Layout& layout, const Stroke& stroke, std::vector<Vec2>* out) {
  out->clear();
  if (stroke.IsFree()) {
    out->assign(stroke.points.begin(), stroke.points.end());
    return StrokePlace::Free;
  }
  const int stage = board.StageIndex(stroke.stage), lane = board.LaneIndex(stroke.lane);
  if (stage < 0 || lane < 0 || size_t(stage) + 1 >= layout.stageX.size() || size_t(lane) + 1 >= layout.laneY.size())
    return StrokePlace::Orphan;
  const Vec2 origin{layout.stageX[size_t(stage)], layout.laneY[size_t(lane)]};
  out->reserve(stroke.points.size());
  for (Vec2 p : stroke.points) out->push_back(Plus(origin, p));
  return CellTakesNotes(board, stage, lane) ? StrokePlace::InCell : StrokePlace::Hidden;
}

StrokeAnchor AnchorStroke(const Board& board, const Layout& layout, const std::vector<Vec2>& boardPoints) {
  StrokeAnchor anchor;
  anchor.points = boardPoints;
  if (boardPoints.empty()) return anchor;
  Rect box{boardPoints[0].x, boardPoints[0].y, boardPoints[0].x, boardPoints[0].y};
  for (Vec2 p : boardPoints) Extend(&box, p);
  int stage = -1, lane = -1;
  if (!layout.CellAt(Centre(box), &stage, &lane) || !CellTakesNotes(board, stage, lane)) return anchor;
  anchor.stage = board.stages[size_t(stage)].id;
  anchor.lane = board.lanes[size_t(lane)].id;
  const Vec2 origin{layout.stageX[size_t(stage)], layout.laneY[size_t(lane)]};
  for (Vec2& p : anchor.points) p = Sub(p, origin);
  return anchor;
}

// [SECTION] Arrows

NoteBoxIndex::NoteBoxIndex(const Layout& layout) : m_layout(&layout) {
  m_index.reserve(layout.notes.size());
  for (size_t i = 0; i < layout.notes.size(); ++i) m_index.emplace(layout.notes[i].id.value, int(i));
}

const NoteBox* NoteBoxIndex::Find(NoteId id) const {
  auto it = m_index.find(id.value);
  return it == m_index.end() ? nullptr : &m_layout->notes[size_t(it->second)];
}

namespace {

struct ResolvedEnd {
  const NoteBox* box = nullptr;  // null: a free end at `point`
  Vec2 point;                    // the note's centre, or the free end
};

ResolvedEnd Resolve(const Board& board, const Layout& layout, const ArrowEnd& end, const NoteBoxIndex* index) {
  ResolvedEnd resolved;
  resolved.point = end.pos;
  if (!end.note) return resolved;
  if (index) {
    resolved.box = index->Find(end.note);
  } else {
    const int i = board.NoteIndex(end.note);
    if (i >= 0 && size_t(i) < layout.notes.size() && layout.notes[size_t(i)].id == end.note)
      resolved.box = &layout.notes[size_t(i)];
  }
  if (resolved.box) resolved.point = Centre(resolved.box->rect);
  return resolved;
}

// Where the line from the note's centre towards `target` leaves the note. A target inside the
// note (overlapping notes) gives the centre.
Vec2 BorderPoint(const Rect& rect, Vec2 target) {
  const Vec2 c = Centre(rect), d = Sub(target, c);
  if (ContainsClosed(rect, target)) return c;
  const float halfW = rect.Width() * 0.5f, halfH = rect.Height() * 0.5f;
  const float tx = d.x != 0 ? halfW / std::fabs(d.x) : INFINITY;
  const float ty = d.y != 0 ? halfH / std::fabs(d.y) : INFINITY;
  return Plus(c, Scale(d, std::min(tx, ty)));
}

// The middle of the side of `rect` that faces `target`, and that side's outward normal.
void SideFacing(const Rect& rect, Vec2 target, Vec2* point, Vec2* normal) {
  const Vec2 c = Centre(rect), d = Sub(target, c);
  const float halfW = rect.Width() * 0.5f, halfH = rect.Height() * 0.5f;
  if (std::fabs(d.x) * halfH >= std::fabs(d.y) * halfW) {
    const float sign = d.x >= 0 ? 1.0f : -1.0f;
    *point = {c.x + sign * halfW, c.y};
    *normal = {sign, 0};
  } else {
    const float sign = d.y >= 0 ? 1.0f : -1.0f;
    *point = {c.x, c.y + sign * halfH};
    *normal = {0, sign};
  }
}

Vec2 Direction(Vec2 from, Vec2 to) {
  const Vec2 d = Sub(to, from);
  const float length = Length(d);
  return length > 0 ? Scale(d, 1 / length) : Vec2{1, 0};
}

// The head at the path's last point (`reversed`: at its first), pointing the way the path arrives.
std::array<Vec2, 3> Head(const std::vector<Vec2>& path, bool reversed, const ArrowStyle& style) {
  const size_t n = path.size();
  auto at = [&](size_t i) { return reversed ? path[i] : path[n - 1 - i]; };
  const Vec2 tip = at(0);
  // Aim along the path a head's length back, not the last sample: a short last segment of a
  // cubic would swing the head.
  Vec2 back = at(n - 1);
  for (size_t i = 1; i < n; ++i)
    if (Length(Sub(at(i), tip)) >= style.headLength) {
      back = at(i);
      break;
    }
  const Vec2 dir = Direction(back, tip);
  const Vec2 base = Sub(tip, Scale(dir, style.headLength));
  const Vec2 side{-dir.y * style.headWidth * 0.5f, dir.x * style.headWidth * 0.5f};
  return {tip, Plus(base, side), Sub(base, side)};
}

Vec2 PointAtHalfLength(const std::vector<Vec2>& path) {
  float total = 0;
  for (size_t i = 1; i < path.size(); ++i) total += Length(Sub(path[i], path[i - 1]));
  float remaining = total * 0.5f;
  for (size_t i = 1; i < path.size(); ++i) {
    const float segment = Length(Sub(path[i], path[i - 1]));
    if (segment >= remaining && segment > 0) return Plus(path[i - 1], Scale(Sub(path[i], path[i - 1]), remaining / segment));
    remaining -= segment;
  }
  return path.front();
}

}  // namespace

void ArrowPath(const Board& board, const Layout& layout, const Arrow& arrow, ArrowGeometry* out,
               const NoteBoxIndex* index, const ArrowStyle& style) {
  const ResolvedEnd from = Resolve(board, layout, arrow.from, index);
  const ResolvedEnd to = Resolve(board, layout, arrow.to, index);
  out->shown = !(from.box && from.box->hidden) && !(to.box && to.box->hidden);
  out->path.clear();
  if (!arrow.curved) {
    out->path.push_back(from.box ? BorderPoint(from.box->rect, to.point) : from.point);
    out->path.push_back(to.box ? BorderPoint(to.box->rect, from.point) : to.point);
  } else {
    Vec2 p0 = from.point, n0 = Direction(from.point, to.point);
    Vec2 p3 = to.point, n3 = Direction(to.point, from.point);
    if (from.box) SideFacing(from.box->rect, to.point, &p0, &n0);
    if (to.box) SideFacing(to.box->rect, from.point, &p3, &n3);
    // Control points along each end's normal, farther for longer arrows so the bend stays gentle.
    const float reach = std::max(24.0f, 0.4f * Length(Sub(p3, p0)));
    const Vec2 p1 = Plus(p0, Scale(n0, reach)), p2 = Plus(p3, Scale(n3, reach));
    const int steps = std::max(2, style.curveSamples);
    out->path.reserve(size_t(steps) + 1);
    for (int i = 0; i <= steps; ++i) {
      const float t = float(i) / float(steps), u = 1 - t;
      const float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
      out->path.push_back({w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x, w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y});
    }
  }
  out->headAtEnd = arrow.heads == ArrowHeads::End || arrow.heads == ArrowHeads::Both;
  out->headAtStart = arrow.heads == ArrowHeads::Start || arrow.heads == ArrowHeads::Both;
  if (out->headAtEnd) out->endHead = Head(out->path, false, style);
  if (out->headAtStart) out->startHead = Head(out->path, true, style);
  out->labelAnchor = PointAtHalfLength(out->path);
  out->bounds = StrokeBounds(out->path, style.lineWidth);
  if (out->headAtEnd)
    for (Vec2 p : out->endHead) Extend(&out->bounds, p);
  if (out->headAtStart)
    for (Vec2 p : out->startHead) Extend(&out->bounds, p);
}

// [SECTION] Hit tests and bounds

Rect StrokeBounds(const std::vector<Vec2>& points, float width) {
  if (points.empty()) return {};
  Rect box{points[0].x, points[0].y, points[0].x, points[0].y};
  for (Vec2 p : points) Extend(&box, p);
  const float half = std::max(width, 0.0f) * 0.5f;
  return {box.x0 - half, box.y0 - half, box.x1 + half, box.y1 + half};
}

float DistanceToSegment(Vec2 p, Vec2 a, Vec2 b) { return std::sqrt(DistanceSquaredToSegment(p, a, b)); }

float SegmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
  if (SegmentsIntersect(a, b, c, d)) return 0;
  return std::sqrt(std::min({DistanceSquaredToSegment(a, c, d), DistanceSquaredToSegment(b, c, d),
                             DistanceSquaredToSegment(c, a, b), DistanceSquaredToSegment(d, a, b)}));
}

bool HitStroke(const std::vector<Vec2>& points, float width, Vec2 p, float tolerance) {
  if (points.empty()) return false;
  const float reach = std::max(width, 0.0f) * 0.5f + tolerance;
  const float reachSquared = reach * reach;
  if (points.size() == 1) return DistanceSquaredToSegment(p, points[0], points[0]) <= reachSquared;
  for (size_t i = 1; i < points.size(); ++i)
    if (DistanceSquaredToSegment(p, points[i - 1], points[i]) <= reachSquared) return true;
  return false;
}

bool SegmentHitsStroke(const std::vector<Vec2>& points, float width, Vec2 a, Vec2 b, float tolerance) {
  if (points.empty()) return false;
  const float reach = std::max(width, 0.0f) * 0.5f + tolerance;
  if (points.size() == 1) return SegmentDistance(a, b, points[0], points[0]) <= reach;
  for (size_t i = 1; i < points.size(); ++i)
    if (SegmentDistance(a, b, points[i - 1], points[i]) <= reach) return true;
  return false;
}

bool HitArrow(const ArrowGeometry& arrow, Vec2 p, float tolerance, const ArrowStyle& style) {
  if (!arrow.shown) return false;
  if (HitStroke(arrow.path, style.lineWidth, p, tolerance)) return true;
  auto onHead = [&](const std::array<Vec2, 3>& head) {
    if (PointInTriangle(p, head)) return true;
    for (int i = 0; i < 3; ++i)
      if (DistanceToSegment(p, head[size_t(i)], head[size_t((i + 1) % 3)]) <= tolerance) return true;
    return false;
  };
  return (arrow.headAtEnd && onHead(arrow.endHead)) || (arrow.headAtStart && onHead(arrow.startHead));
}

bool RectTouchesStroke(const std::vector<Vec2>& points, float width, const Rect& rect) {
  if (points.empty()) return false;
  const float half = std::max(width, 0.0f) * 0.5f;
  if (points.size() == 1) return SegmentRectDistance(points[0], points[0], rect) <= half;
  for (size_t i = 1; i < points.size(); ++i)
    if (SegmentRectDistance(points[i - 1], points[i], rect) <= half) return true;
  return false;
}

bool RectTouchesArrow(const ArrowGeometry& arrow, const Rect& rect, const ArrowStyle& style) {
  if (!arrow.shown) return false;
  if (RectTouchesStroke(arrow.path, style.lineWidth, rect)) return true;
  auto touchesHead = [&](const std::array<Vec2, 3>& head) {
    if (PointInTriangle(Centre(rect), head)) return true;  // a marquee inside the head
    for (int i = 0; i < 3; ++i)
      if (SegmentRectDistance(head[size_t(i)], head[size_t((i + 1) % 3)], rect) <= 0) return true;
    return false;
  };
  return (arrow.headAtEnd && touchesHead(arrow.endHead)) || (arrow.headAtStart && touchesHead(arrow.startHead));
}

// [SECTION] The geometry of a layout's sketches

void ComputeSketchGeometry(const Board& board, const Layout& layout, SketchGeometry* out) {
  out->strokes.resize(board.strokes.size());
  for (size_t i = 0; i < board.strokes.size(); ++i) {
    StrokeGeometry& geometry = out->strokes[i];
    geometry.shown = StrokeShown(StrokePoints(board, layout, board.strokes[i], &geometry.points));
    if (!geometry.shown) geometry.points.clear();
    geometry.bounds = geometry.shown ? StrokeBounds(geometry.points, board.strokes[i].width) : Rect{};
  }
  out->arrows.resize(board.arrows.size());
  if (board.arrows.empty()) return;
  const NoteBoxIndex index(layout);
  for (size_t i = 0; i < board.arrows.size(); ++i) ArrowPath(board, layout, board.arrows[i], &out->arrows[i], &index);
}

const StrokeGeometry* StrokeOf(const Layout& layout, const Board& board, size_t i) {
  const SketchGeometry* cached = layout.sketches.get();
  return cached && cached->strokes.size() == board.strokes.size() && i < cached->strokes.size() ? &cached->strokes[i]
                                                                                                : nullptr;
}

const ArrowGeometry* ArrowOf(const Layout& layout, const Board& board, size_t i) {
  const SketchGeometry* cached = layout.sketches.get();
  return cached && cached->arrows.size() == board.arrows.size() && i < cached->arrows.size() ? &cached->arrows[i]
                                                                                             : nullptr;
}

}  // namespace jb
