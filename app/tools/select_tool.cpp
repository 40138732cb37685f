// The selection rectangle: Shift + drag on empty canvas (or any left drag there with the Select
// tool) selects the notes, pen and highlighter strokes and arrows it touches, and the text labels and
// frames wholly inside it; without Shift or Ctrl at the release it replaces the selection.
#include <imgui.h>

#include <algorithm>

#include "app/tools/style.h"
#include "app/platform/fonts.h"
#include "app/tools/tool.h"
#include "core/layout/ink.h"
#include "core/layout/sketch_hit.h"

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
    if (!input.shift && !input.ctrl) {
      ctx.selection.clear();
      ctx.sketches.Clear();
    }
    for (const NoteBox& note : ctx.layout.notes)
      if (!note.hidden && note.rect.Overlaps(box) && !IsSelected(ctx.selection, note.id)) ctx.selection.push_back(note.id);
    SelectSketches(ctx, box);
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
  // The sketches the rectangle takes, by the geometry they are drawn with.
  void SelectSketches(ToolContext& ctx, const Rect& box) {
    const Board& board = ctx.document.board();
    auto add = [](auto& ids, auto id) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    auto inside = [&box](const Rect& r) {
      return r.x1 > r.x0 && r.x0 >= box.x0 && r.y0 >= box.y0 && r.x1 <= box.x1 && r.y1 <= box.y1;
    };
    for (const Stroke& stroke : board.strokes)
      if (StrokeShown(StrokePoints(board, ctx.layout, stroke, &m_points)) && RectTouchesStroke(m_points, stroke.width, box))
        add(ctx.sketches.strokes, stroke.id);
    const NoteBoxIndex index(ctx.layout);
    for (const Arrow& arrow : board.arrows) {
      ArrowPath(board, ctx.layout, arrow, &m_arrow, &index);
      if (m_arrow.shown && RectTouchesArrow(m_arrow, box)) add(ctx.sketches.arrows, arrow.id);
    }
    for (size_t i = 0; i < board.labels.size(); ++i)
      if (inside(SketchBounds(board, ctx.layout, ctx.fonts, SketchKind::Label, int(i)))) add(ctx.sketches.labels, board.labels[i].id);
    for (size_t i = 0; i < board.frames.size(); ++i)
      if (inside(SketchBounds(board, ctx.layout, ctx.fonts, SketchKind::Frame, int(i)))) add(ctx.sketches.frames, board.frames[i].id);
  }

  Vec2 m_pressWorld;
  std::vector<Vec2> m_points;  // reused buffers
  ArrowGeometry m_arrow;
  bool m_active = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeSelectTool() { return std::make_unique<SelectTool>(); }

}  // namespace jb
