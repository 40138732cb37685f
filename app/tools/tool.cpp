// What every tool shares: cancelling a gesture, and the selection helpers.
#include "app/tools/tool.h"

#include <algorithm>

namespace jb {

void CanvasTool::Cancel(ToolContext& ctx) {
  if (ctx.document.InGesture()) ctx.document.CancelGesture();
}

bool IsSelected(const std::vector<NoteId>& selection, NoteId id) {
  return std::find(selection.begin(), selection.end(), id) != selection.end();
}

void SelectNote(std::vector<NoteId>& selection, NoteId id, bool additive, bool toggle) {
  if (!additive) selection.clear();
  auto it = std::find(selection.begin(), selection.end(), id);
  if (it != selection.end()) {
    if (toggle) selection.erase(it);
  } else {
    selection.push_back(id);
  }
}

std::vector<NoteId> SelectionInBoardOrder(const Board& board, const std::vector<NoteId>& selection) {
  std::vector<NoteId> ordered;
  for (const Note& note : board.notes)
    if (IsSelected(selection, note.id)) ordered.push_back(note.id);
  return ordered;
}

const EmotionCurve* ActiveCurveOf(const Board& board, CurveId active) {
  if (const EmotionCurve* curve = board.FindCurve(active)) return curve;
  return board.curves.empty() ? nullptr : &board.curves.front();
}

}  // namespace jb
