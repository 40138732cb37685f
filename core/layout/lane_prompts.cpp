#include "core/layout/lane_prompts.h"

#include "core/layout/board_text.h"

namespace jb {

std::vector<CellPrompt> CellPrompts(const Board& board, const Layout& layout) {
  std::vector<CellPrompt> prompts;
  if (layout.stageX.size() != board.stages.size() + 1 || layout.laneY.size() != board.lanes.size() + 1 ||
      layout.notes.size() != board.notes.size())
    return prompts;
  const size_t stages = board.stages.size();
  // Cells with something in them, as stage * lanes + lane: by the cells the layout put the notes in
  // (drawn every frame: looking each note's stage and lane up by id was most of a zoomed-in frame
  // of a 50,000-note board).
  std::vector<bool> filled(stages * board.lanes.size(), false);
  for (const NoteBox& box : layout.notes) {
    if (box.stage >= 0 && box.lane >= 0 && size_t(box.stage) < stages && size_t(box.lane) < board.lanes.size())
      filled[size_t(box.stage) * board.lanes.size() + size_t(box.lane)] = true;
  }
  for (size_t l = 0; l < board.lanes.size(); ++l) {
    const Lane& lane = board.lanes[l];
    const char* text = LanePrompt(board.meta.language, lane.kind);
    if (!*text || lane.hidden || lane.collapsed) continue;
    for (size_t s = 0; s < stages; ++s) {
      if (board.stages[s].hidden || filled[s * board.lanes.size() + l]) continue;
      if (lane.kind == LaneKind::Emotions) {  // the curve is what fills an emotions cell
        bool point = false;
        for (const EmotionCurve& curve : board.curves)
          for (const CurvePoint& p : curve.points) point = point || p.stage == board.stages[s].id;
        if (point) continue;
      }
      const Rect cell = layout.Cell(int(s), int(l));
      const float margin = 16;
      if (cell.Width() <= 2 * margin || cell.Height() <= 2 * margin) continue;
      prompts.push_back({int(s), int(l), text, {cell.x0 + margin, cell.y0 + margin, cell.x1 - margin, cell.y1 - margin}});
    }
  }
  return prompts;
}

}  // namespace jb
