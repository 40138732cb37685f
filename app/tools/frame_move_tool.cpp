// Frames under the Pan, Select and Add note tools: a left press on a frame's title strip or border
// selects it (Shift adds it to the selection); a drag moves it together with the free notes,
// strokes and text labels inside it (as they lay at the press), live, in one undo step, and Esc
// puts everything back. A double-click on the title strip renames the frame in place.
#include <imgui.h>

#include <algorithm>

#include "app/platform/i18n.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/sketch_hit.h"

namespace jb {
namespace {

class FrameMoveTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || ctx.SketchTool() || input.hover.kind != Hover::Frame) return false;
    const Board& board = ctx.document.board();
    if (input.hover.index < 0 || input.hover.index >= int(board.frames.size())) return false;
    const Frame& frame = board.frames[input.hover.index];
    if (input.doubleClicked[kLeft] && input.world.y < frame.rect.y0 + kFrameTitleHeight) {
      ctx.host.BeginFrameTitle(board, frame.id);
      m_moving = false;
      return true;
    }
    std::vector<FrameId>& frames = ctx.sketches.frames;
    const bool selected = std::find(frames.begin(), frames.end(), frame.id) != frames.end();
    if (!input.shift && !selected) {
      ctx.selection.clear();
      ctx.sketches.Clear();
    }
    if (!selected) frames.push_back(frame.id);
    m_picked = ctx.sketches;  // the selected sketches go with it; notes only when inside a frame
    m_moving = false;
    return true;
  }
  void Update(ToolContext& ctx, const Input& input) override {
    if (!input.dragging[kLeft] && !m_moving) return;
    if (!m_moving) {
      ctx.document.BeginGesture(m_picked.frames.size() == 1 ? N_("Move frame") : N_("Move frames"));
      m_moving = true;
    }
    const Vec2 delta{input.dragDelta[kLeft].x / ctx.camera.zoom, input.dragDelta[kLeft].y / ctx.camera.zoom};
    ctx.document.UpdateGesture([&](const Board& start) { return MoveSketch(start, m_picked, delta); });
  }
  void Release(ToolContext& ctx, const Input&) override {
    if (m_moving) ctx.document.CommitGesture();
    m_moving = false;
  }
  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_moving = false;
  }
  bool LocksView() const override { return m_moving; }
  void HoverCursor(ToolContext& ctx, const Input& input) override {
    if (!ctx.SketchTool() && input.hover.kind == Hover::Frame) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  }

 private:
  SketchSelection m_picked;
  bool m_moving = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeFrameMoveTool() { return std::make_unique<FrameMoveTool>(); }

}  // namespace jb
