// Free text labels: with the Text tool (T) a tap on the canvas places a label there and opens its
// text field (a tap on a label edits it); with the Select tool a double-click on empty canvas
// outside the grid does the same (the Pan tool's double-click there still adds a free note); with
// any tool but the sketching ones, a double-click on a label edits its text. The typing is the
// canvas' (ToolHost::BeginLabelEdit): after it the Text tool goes back to Select, like the Add note
// tool goes back to Pan after one note.
#include <cmath>

#include "app/tools/tool.h"

namespace jb {
namespace {

class LabelTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft) return false;
    const Board& board = ctx.document.board();
    const Hover& hit = input.hover;
    const bool onLabel = hit.kind == Hover::Label && hit.index >= 0 && hit.index < int(board.labels.size());
    m_label = onLabel ? board.labels[hit.index].id : LabelId();
    if (ctx.tool == ToolKind::Text) {  // placed on release: a drag is no tap
      m_tap = true;
      m_at = input.world;
      return true;
    }
    m_tap = false;
    if (!input.doubleClicked[kLeft] || ctx.SketchTool() || ctx.voting) return false;
    if (onLabel) {
      ctx.host.BeginLabelEdit(ctx.document, m_label, {});
      return true;
    }
    if (ctx.SelectTool() && hit.kind == Hover::Empty) {
      ctx.host.BeginLabelEdit(ctx.document, LabelId(), TopLeftAt(input.world));
      return true;
    }
    return false;
  }
  void Update(ToolContext&, const Input& input) override {
    if (input.dragging[kLeft]) m_tap = false;
  }
  void Release(ToolContext& ctx, const Input&) override {
    if (!m_tap) return;
    m_tap = false;
    ctx.host.BeginLabelEdit(ctx.document, m_label, TopLeftAt(m_at));
  }

 private:
  // The first line's middle at the tap, as text starts where one points.
  static Vec2 TopLeftAt(Vec2 world) { return {world.x, world.y - kDefaultLabelSize * 0.5f}; }
  bool m_tap = false;
  Vec2 m_at;
  LabelId m_label;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeLabelTool() { return std::make_unique<LabelTool>(); }

}  // namespace jb
