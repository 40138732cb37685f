// Commands for sketching over the map: pen and highlighter strokes, arrows, frames and free text
// labels. Like commands.h: pure functions from the current board to the diff of one edit; an
// impossible or no-op request returns an empty diff. Values are kept as loading keeps them
// (ClampStrokeValues and the others, core/model/sanitize.h), so an edit never makes a board that
// a save and load would change.
#pragma once
#include <string>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

// Sketch records picked together (a click, a marquee), for the commands that treat them alike.
struct SketchSelection {
  std::vector<StrokeId> strokes;
  std::vector<ArrowId> arrows;
  std::vector<FrameId> frames;
  std::vector<LabelId> labels;

  bool Empty() const { return strokes.empty() && arrows.empty() && frames.empty() && labels.empty(); }
  void Clear() { *this = {}; }
};

// [SECTION] Strokes
// Appends `stroke` (its id is assigned here; the new id in *id). Refused (empty diff) when it has
// no point, more than kMaxStrokePoints, a point that is not a number, or a cell that does not
// exist (a half-set cell is made free). Width and coordinates are clamped.
BoardDiff AddStroke(const Board& board, Stroke stroke, StrokeId* id = nullptr);
// Removes the strokes (an eraser drag: many ids, one diff, one undo step).
BoardDiff EraseStrokes(const Board& board, const std::vector<StrokeId>& ids);

// [SECTION] Arrows
// Appends `arrow` (id assigned here). A bound end must name an existing note; both ends on the
// same note are refused. Free end positions are clamped; a NaN one is refused.
BoardDiff AddArrow(const Board& board, Arrow arrow, ArrowId* id = nullptr);
BoardDiff DeleteArrows(const Board& board, const std::vector<ArrowId>& ids);
BoardDiff SetArrowStyle(const Board& board, ArrowId id, bool curved, ArrowHeads heads, std::string label);

// [SECTION] Frames and labels
// Appends a frame (id assigned here; corners put in order, clamped; NaN refused).
BoardDiff AddFrame(const Board& board, Frame frame, FrameId* id = nullptr);
// Appends a text label (id assigned here; position clamped, NaN refused; size clamped).
BoardDiff AddLabel(const Board& board, TextLabel label, LabelId* id = nullptr);
BoardDiff EditLabel(const Board& board, LabelId id, std::string text);

// [SECTION] Any sketch records
// Moves the picked records by `delta` (board units): a stroke's points (a stroke in a cell stays
// in it, offset within it), a label's position, an arrow's free ends (bound ends follow their
// notes), a frame's rectangle together with what lies inside it and is not in a cell: free notes
// whose top-left is inside, free strokes and labels wholly inside. Each record moves once, however
// it was picked. Results are clamped to ±kMaxCoordinate.
BoardDiff MoveSketch(const Board& board, const SketchSelection& picked, Vec2 delta);
// Gives the picked records `color` (0: each kind's default).
BoardDiff Recolor(const Board& board, const SketchSelection& picked, Rgb color);
// Removes the picked records.
BoardDiff DeleteSketch(const Board& board, const SketchSelection& picked);

// [SECTION] Cascades of the structure commands (commands.cpp)
// To a diff that removes notes, stages or lanes, adds the removal of what belongs to them: the
// arrows bound to a removed note (an arrow needs both its notes) and the strokes drawn in a cell of
// a removed stage or lane (they marked that cell's notes, which go too). One diff, so one undo
// restores all of it.
void AddSketchCascade(const Board& board, BoardDiff& diff);

}  // namespace jb
