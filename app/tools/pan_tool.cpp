// Panning, the last tool asked: a left drag on empty canvas (one finger on a touch screen; a click
// there clears the selection), or a middle or right drag anywhere. A right click that does not move
// opens the context menu of what is under the mouse.
#include <cmath>

#include "app/tools/tool.h"

namespace jb {
namespace {

class PanTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button == kLeft && input.hover.kind == Hover::Curve)
      ctx.activeCurve = ctx.document.board().curves[input.hover.curve].id;
    m_button = button;
    m_pan.Start(ctx, input);
    return true;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    if (m_button == kLeft) {
      m_pan.MoveTo(ctx, input.mouse);
      if (input.dragging[kLeft]) ctx.fitted = false;
    } else if (input.down[m_button] && input.dragging[m_button] && input.canvasActive) {
      m_pan.MoveTo(ctx, input.mouse);
      ctx.fitted = false;
    }
  }

  void Release(ToolContext& ctx, const Input& input) override {
    if (m_button == kLeft) {
      if (std::hypot(input.mouse.x - m_pan.pressMouse.x, input.mouse.y - m_pan.pressMouse.y) < kDragThresholdPx) {
        ctx.selection.clear();
        ctx.sketches.Clear();
      }
    } else if (m_button == kRight && input.hovered && input.dragDelta[kRight].x == 0 && input.dragDelta[kRight].y == 0) {
      ctx.host.OpenContextMenu(ctx.document.board(), input.hover);
    }
  }

 private:
  MouseButton m_button = kLeft;
  PanDrag m_pan;
};

}  // namespace

std::unique_ptr<CanvasTool> MakePanTool() { return std::make_unique<PanTool>(); }

}  // namespace jb
