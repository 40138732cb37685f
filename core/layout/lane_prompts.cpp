#include "core/layout/lane_prompts.h"

#include "core/layout/board_text.h"

namespace jb {

std::vector<CellPrompt> CellPrompts(const Board& board, const Layout& layout) {
  std::vector<CellPrompt> prompts;
  if (layout.stageX.size() != board.stages.size() + 1 || layout.laneY.size() != board.lanes.size() + 1) return prompts;
  const size_t stages = board.stages.size();
  // Cells with something in them, as stage * lanes + lane.
  std::vector<bool> filled(stages * board.lanes.size(), false);
  for (const Note& note : board.notes) {
    const int s = board.StageIndex(note.stage), l = board.LaneIndex(note.lane);
    if (s >= 0 && l >= 0) filled[size_t(s) * board.lanes.size() + size_t(l)] = true;
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
