// Double-click to type: on a note edits it, in a cell or on empty canvas adds a note (free on the
// canvas), on a stage or lane header or the board's title renames it, on an emotion point labels it. The typing itself
// is the canvas' (its note editor and fields); this tool only enters it.
#include "app/tools/tool.h"

namespace jb {
namespace {

class TextEntryTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || !input.doubleClicked[kLeft]) return false;
    Document& document = ctx.document;
    const Board& board = document.board();
    const Hover& hit = input.hover;
    switch (hit.kind) {
      case Hover::Note:
        if (ctx.voting) return false;  // in voting mode every click is a vote
        ctx.host.BeginNoteEdit(document, board.notes[hit.index].id);
        return true;
      case Hover::CurvePoint:
        if (document.InGesture()) document.CancelGesture();
        ctx.point = {board.curves[hit.curve].id, hit.index};
        ctx.host.BeginPointLabel(board.curves[hit.curve].points[hit.index].label);
        return true;
      case Hover::StageHeader:
      case Hover::LaneLabel: ctx.host.BeginRename(board, hit.kind == Hover::StageHeader, hit.index); return true;
      case Hover::Title: ctx.host.BeginTitleRename(board); return true;
      case Hover::Cell:
        if (hit.lane == ctx.layout.emotionsLane) return false;  // a double-click there adds a curve point
        if (CellTakesNotes(board, hit.stage, hit.lane)) {
          NoteTarget target;
          target.stage = board.stages[hit.stage].id;
          target.lane = board.lanes[hit.lane].id;
          ctx.host.BeginNewNote(document, target, input.world);
        }
        return true;
      case Hover::Empty: {
        Vec2 size = NoteSizeUnits(NoteSize::Medium);
        ctx.host.BeginNewNote(document, NoteTarget{}, {input.world.x - size.x * 0.5f, input.world.y - size.y * 0.5f});
        return true;
      }
      default: return false;
    }
  }
};

}  // namespace

std::unique_ptr<CanvasTool> MakeTextEntryTool() { return std::make_unique<TextEntryTool>(); }

}  // namespace jb
