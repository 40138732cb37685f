// One geometry for every stroke and arrow: where it is, what it looks like as polylines and
// triangles, and whether a point, an eraser segment or a marquee touches it. The renderer, the
// PNG export, hit-testing, marquee selection, the eraser and --dump-layout all use these, so they
// agree. Pure functions of the board and its layout, in board units; outputs go into caller-owned
// vectors so a frame that draws thousands of strokes reuses its buffers instead of allocating.
//
// [SECTION] Capture: smoothing while drawing, simplification on release
// [SECTION] Where a stroke is
// [SECTION] Arrows
// [SECTION] The geometry of a layout's sketches
// [SECTION] Hit tests and bounds
#pragma once
#include <array>
#include <unordered_map>
#include <vector>

#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

// [SECTION] Capture: smoothing while drawing, simplification on release

// A streaming smoother for pen input (one point per input event): a one-euro filter (an
// exponential average whose cut-off rises with the pen's speed, so a slow shaky hand is steadied
// and a fast stroke is not lagged), with a hard bound: the smoothed point never trails the raw
// pointer by more than `maxLag`. Set maxLag to ~2 screen px in board units (2 / zoom) so nobody
// sees the ink lag behind the pen.
struct SmoothingOptions {
  bool enabled = true;    // off: points pass through unchanged (a user setting)
  float maxLag = 2;       // board units
  float minCutoff = 3;    // Hz: smoothing at rest; lower steadies more
  float speedCoefficient = 0.02f;  // how fast the cut-off rises with speed (per board unit/s)
};

class StrokeSmoother {
 public:
  explicit StrokeSmoother(const SmoothingOptions& options = {}) : m_options(options) {}
  // Starts a new stroke (forgets the previous one).
  void Reset();
  // The smoothed point for a raw pointer position at `seconds` (monotonic; equal or decreasing
  // times are treated as one input frame apart at 120 Hz).
  Vec2 Add(Vec2 raw, double seconds);

 private:
  SmoothingOptions m_options;
  bool m_started = false;
  double m_lastTime = 0;
  Vec2 m_value, m_speed;  // filtered position and filtered velocity (board units/s)
};

// Ramer–Douglas–Peucker: the fewest points (first and last always kept) such that every point of
// `points` lies within `tolerance` board units of the simplified polyline. Writes into `out`
// (cleared first; must not alias `points`). Written here rather than taken from Boost.Geometry:
// it is ~40 lines and core/ stays free of Boost.
void SimplifyStroke(const std::vector<Vec2>& points, float tolerance, std::vector<Vec2>* out);

// [SECTION] Where a stroke is

enum class StrokePlace {
  Free,    // free on the canvas: points are board coordinates
  InCell,  // in a shown cell: points offset by the cell's top-left
  Hidden,  // its cell is in a collapsed or hidden lane, or a hidden stage: like the notes there, it
           // is neither drawn nor hit (points still given, offset from the cell's strip)
  Orphan,  // its stage or lane is gone (only a damaged file or a half-done edit leaves this): no
           // points, so it is never drawn nor hit and cannot sprawl over the map
};

// The stroke's points in board coordinates, written into `out` (cleared first).
StrokePlace StrokePoints(const Board& board, const Layout& layout, const Stroke& stroke, std::vector<Vec2>* out);

// Whether a stroke in this place is drawn and hit-tested.
inline bool StrokeShown(StrokePlace place) { return place == StrokePlace::Free || place == StrokePlace::InCell; }

struct StrokeAnchor {
  StageId stage;  // both set: the stroke belongs to this cell; both empty: free
  LaneId lane;
  std::vector<Vec2> points;  // as stored in Stroke::points
};

// Where a finished stroke (board coordinates) belongs: the cell under the centre of its bounding
// box, if that cell takes notes, else free. The bounding-box centre, not where most points are,
// because the typical stroke is a circle around notes: its points lie on the rim, perhaps mostly
// in neighbouring cells, while what it encloses is at the centre.
StrokeAnchor AnchorStroke(const Board& board, const Layout& layout, const std::vector<Vec2>& boardPoints);

// [SECTION] Arrows

// Finds a note's box in a layout by id in constant time (Board::NoteIndex scans). Build once per
// layout (building it costs more than laying out a thousand arrows) and pass it to ArrowPath; it
// points into the layout, so it must not outlive it.
class NoteBoxIndex {
 public:
  explicit NoteBoxIndex(const Layout& layout);
  const NoteBox* Find(NoteId id) const;

 private:
  const Layout* m_layout;
  std::unordered_map<uint64_t, int> m_index;
};

struct ArrowStyle {
  float lineWidth = 2.5f;   // board units
  float headLength = 14;
  float headWidth = 11;
  int curveSamples = 24;  // segments of a curved arrow's cubic
};
inline constexpr ArrowStyle kArrowStyle{};

struct ArrowGeometry {
  std::vector<Vec2> path;  // from the `from` end to the `to` end
  // Arrowheads: tip first, then the two back corners. A head's tip is its end of the path.
  bool headAtStart = false, headAtEnd = false;
  std::array<Vec2, 3> startHead{}, endHead{};
  Vec2 labelAnchor;  // the middle of the path by length: the label is centred here
  Rect bounds;       // path (with its width) and heads
  // False when an end is bound to a note that is hidden (collapsed lane, hidden stage or lane):
  // the arrow is then hidden like its note, neither drawn nor hit.
  bool shown = true;
};

// The arrow's geometry, written into `out` (its vectors reused). A bound end leaves its note's
// border: a straight arrow where the line towards the other end crosses the border, a curved one
// from the middle of the side facing the other end, along that side's outward normal. An end bound
// to a note that is missing from the board is treated as free at its `pos` (what the damaged-file
// repair makes of it too). `index` (optional) speeds up finding the notes.
void ArrowPath(const Board& board, const Layout& layout, const Arrow& arrow, ArrowGeometry* out,
               const NoteBoxIndex* index = nullptr, const ArrowStyle& style = kArrowStyle);

// [SECTION] The geometry of a layout's sketches

struct StrokeGeometry {
  std::vector<Vec2> points;  // board units, as drawn (empty when not shown)
  Rect bounds;               // with the stroke's width
  bool shown = false;        // StrokeShown: free, or in a cell that is shown
};

// What ComputeLayout works out for Layout::sketches: one entry per Board::strokes and
// Board::arrows, in their order.
struct SketchGeometry {
  std::vector<StrokeGeometry> strokes;
  std::vector<ArrowGeometry> arrows;
};

// Fills `out` for `board` laid out as `layout`.
void ComputeSketchGeometry(const Board& board, const Layout& layout, SketchGeometry* out);

// The layout's geometry of board.strokes[i] / board.arrows[i]; null when the layout was made for
// a board with other lists (a frame where the board changed after its layout): then compute it.
const StrokeGeometry* StrokeOf(const Layout& layout, const Board& board, size_t i);
const ArrowGeometry* ArrowOf(const Layout& layout, const Board& board, size_t i);

// [SECTION] Hit tests and bounds

// The stroke's extent with its width. No points: an empty Rect at the origin (touches nothing).
Rect StrokeBounds(const std::vector<Vec2>& points, float width);

// Distance from p to the segment a–b (a point when a == b).
float DistanceToSegment(Vec2 p, Vec2 a, Vec2 b);
// Shortest distance between segments a–b and c–d (0 when they cross).
float SegmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d);

// Whether p is on the stroke: within width/2 + tolerance of its polyline (a single point is a dot).
bool HitStroke(const std::vector<Vec2>& points, float width, Vec2 p, float tolerance);
// Whether an eraser's drag segment a–b (a point when a == b) touches the stroke: comes within
// width/2 + tolerance of any of its segments.
bool SegmentHitsStroke(const std::vector<Vec2>& points, float width, Vec2 a, Vec2 b, float tolerance);
// Whether p is on the arrow's line (within lineWidth/2 + tolerance) or inside one of its heads.
// A hidden arrow is never hit.
bool HitArrow(const ArrowGeometry& arrow, Vec2 p, float tolerance, const ArrowStyle& style = kArrowStyle);

// Marquee selection: whether the rectangle touches the stroke (any part of its inked width) or the
// arrow (its line or a head).
bool RectTouchesStroke(const std::vector<Vec2>& points, float width, const Rect& rect);
bool RectTouchesArrow(const ArrowGeometry& arrow, const Rect& rect, const ArrowStyle& style = kArrowStyle);

}  // namespace jb
