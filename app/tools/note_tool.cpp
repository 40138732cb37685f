// The Add note tool (toolbar, N): one tap on a cell or on empty canvas adds a note there and starts
// typing, with no double-click (hard on a touch screen); the canvas then goes back to panning.
#include "app/tools/tool.h"

namespace jb {
namespace {

class NoteTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || !ctx.NoteTool()) return false;
    const Board& board = ctx.document.board();
    const Hover& hit = input.hover;
    if (hit.kind == Hover::Cell) {
      // The Emotions lane takes curve points, and a collapsed lane shows no notes: not there.
      if (hit.lane == ctx.layout.emotionsLane || board.lanes[hit.lane].collapsed) return false;
      NoteTarget target;
      target.stage = board.stages[hit.stage].id;
      target.lane = board.lanes[hit.lane].id;
      ctx.host.BeginNewNote(ctx.document, target, input.world);
      return true;
    }
    if (hit.kind == Hover::Empty) {
      const Vec2 size = NoteSizeUnits(NoteSize::Medium);
      ctx.host.BeginNewNote(ctx.document, NoteTarget{}, {input.world.x - size.x * 0.5f, input.world.y - size.y * 0.5f});
      return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<CanvasTool> MakeNoteTool() {
  return std::make_unique<NoteTool>();
}

}  // namespace jb
