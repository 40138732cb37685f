// Dot voting (V toggles it): a click on a note adds a vote, Shift + click takes one back; while a
// voting round is open the click is the room's dot in the round, shown only when it ends.
#include "app/tools/tool.h"
#include "app/platform/i18n.h"

#include "core/edit/journey_commands.h"

namespace jb {
namespace {

class VoteTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || !ctx.voting || input.hover.kind != Hover::Note) return false;
    const Board& board = ctx.document.board();
    NoteId id = board.notes[input.hover.index].id;
    if (ctx.roundDot && *ctx.roundDot && (*ctx.roundDot)(id, input.shift)) return true;
    ctx.document.Apply(AddVotes(board, {id}, input.shift ? -1 : 1), input.shift ? N_("Remove vote") : N_("Vote"));
    return true;
  }
};

}  // namespace

std::unique_ptr<CanvasTool> MakeVoteTool() { return std::make_unique<VoteTool>(); }

}  // namespace jb
