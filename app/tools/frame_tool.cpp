// The Frame tool (Shift+F): a left drag draws a frame (a titled rounded rectangle under the notes,
// for clustering ideas outside the grid); on release it is added in one undo step, selected, and
// its title field opens on the title strip. Then the tool goes back to Select, so the next drag on
// the new frame's title strip moves it (app/tools/frame_move_tool.cpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/platform/i18n.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"

namespace jb {
namespace {

// A drag smaller than this on screen (either side) is a slip, not a frame.
constexpr float kMinFramePx = 12;

class FrameTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || ctx.tool != ToolKind::Frame) return false;
    m_start = m_end = input.world;
    return true;
  }
  void Update(ToolContext&, const Input& input) override { m_end = input.world; }
  void Release(ToolContext& ctx, const Input& input) override {
    m_end = input.world;
    const Rect rect = Drawn();
    if (rect.Width() * ctx.camera.zoom < kMinFramePx || rect.Height() * ctx.camera.zoom < kMinFramePx) return;
    Frame frame;
    frame.rect = rect;
    FrameId id;
    if (!ctx.document.Apply(AddFrame(ctx.document.board(), frame, &id), N_("Add frame"))) return;
    ctx.selection.clear();
    ctx.sketches.Clear();
    ctx.sketches.frames = {id};
    ctx.host.BeginFrameTitle(ctx.document.board(), id);
  }
  bool LocksView() const override { return true; }
  void DrawAbove(const ToolContext& ctx, ImDrawList& drawList) const override {
    const Rect r = ctx.camera.ToScreen(Drawn());
    const float rounding = std::min(12.0f, 12 * ctx.camera.zoom);
    drawList.AddRectFilled({r.x0, r.y0}, {r.x1, r.y1}, IM_COL32(100, 116, 139, 28), rounding);
    drawList.AddRect({r.x0, r.y0}, {r.x1, r.y1}, IM_COL32(100, 116, 139, 255), rounding, 0, 2);
  }

 private:
  Rect Drawn() const {
    return {std::min(m_start.x, m_end.x), std::min(m_start.y, m_end.y), std::max(m_start.x, m_end.x),
            std::max(m_start.y, m_end.y)};
  }
  Vec2 m_start, m_end;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeFrameTool() { return std::make_unique<FrameTool>(); }

}  // namespace jb
