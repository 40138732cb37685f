// The selection rectangle: Shift + drag on empty canvas (or any left drag there with the Select
// tool) selects the notes it touches; without Shift or Ctrl at the release it replaces the selection.
#include <imgui.h>

#include <algorithm>

#include "app/tools/style.h"
#include "app/tools/tool.h"

namespace jb {
namespace {

// Whether a left press on `hover` is on the canvas itself (not on a note, header or point).
bool OnCanvas(const Hover& hover) {
  return hover.kind == Hover::Curve || hover.kind == Hover::Cell || hover.kind == Hover::Empty || hover.kind == Hover::Title ||
         hover.kind == Hover::None;
}

class SelectTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || !OnCanvas(input.hover) || !(input.shift || ctx.SelectTool())) return false;
    if (input.hover.kind == Hover::Curve) ctx.activeCurve = ctx.document.board().curves[input.hover.curve].id;
    m_pressWorld = input.world;
    m_active = true;
    return true;
  }

  void Release(ToolContext& ctx, const Input& input) override {
    const Vec2 world = input.world;
    Rect box{std::min(m_pressWorld.x, world.x), std::min(m_pressWorld.y, world.y), std::max(m_pressWorld.x, world.x),
             std::max(m_pressWorld.y, world.y)};
    if (!input.shift && !input.ctrl) ctx.selection.clear();
    for (const NoteBox& note : ctx.layout.notes)
      if (!note.hidden && note.rect.Overlaps(box) && !IsSelected(ctx.selection, note.id)) ctx.selection.push_back(note.id);
    m_active = false;
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_active = false;
  }

  void DrawAbove(const ToolContext& ctx, ImDrawList& dl) const override {
    if (!m_active) return;
    Vec2 a = ctx.camera.ToScreen(m_pressWorld);
    ImVec2 b = ImGui::GetIO().MousePos;
    ImVec2 lo{std::min(a.x, b.x), std::min(a.y, b.y)}, hi{std::max(a.x, b.x), std::max(a.y, b.y)};
    dl.AddRectFilled(lo, hi, kAccentSoft);
    dl.AddRect(lo, hi, kAccent, 0, 0, 1.5f);
  }

 private:
  Vec2 m_pressWorld;
  bool m_active = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeSelectTool() { return std::make_unique<SelectTool>(); }

}  // namespace jb
