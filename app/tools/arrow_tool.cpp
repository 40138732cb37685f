// Arrows that follow notes: with the Arrow tool (A), a left drag from a note (or from anywhere on
// the canvas) to another note draws an arrow bound at both ends; an end dropped off the notes stays
// free where it was dropped. With the Pan or Select tool, Alt + drag from a note does the same, so
// linking two notes needs no trip to the strip. The arrow shows while dragging (the renderer's own
// path and heads) and the note it would bind to is outlined. One undo step, "Draw arrow"; a drag
// back onto its own note or shorter than kMinArrowPx draws nothing; Esc cancels.
#include <imgui.h>

#include <cmath>

#include "app/platform/i18n.h"
#include "app/render/render.h"
#include "app/tools/style.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"

namespace jb {
namespace {

// A free-ended arrow shorter than this (screen pixels) is a slip of the hand, not an arrow.
constexpr float kMinArrowPx = 16;

// The topmost shown note under `world`: the one a press starts from or a drop binds to, whatever
// sketch lies over it.
NoteId NoteAt(const Layout& layout, Vec2 world) {
  for (auto it = layout.notes.rbegin(); it != layout.notes.rend(); ++it)
    if (!it->hidden && it->rect.Contains(world)) return it->id;
  return {};
}

Vec2 Centre(const Rect& r) { return {(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f}; }

class ArrowTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft) return false;
    const bool altFromNote = input.alt && (ctx.tool == ToolKind::Pan || ctx.tool == ToolKind::Select) &&
                             !ctx.voting && input.hover.kind == Hover::Note;
    if (ctx.tool != ToolKind::Arrow && !altFromNote) return false;
    m_arrow = Arrow{};
    m_arrow.from = End(ctx, input.world);
    m_arrow.to = m_arrow.from;
    m_pressMouse = input.mouse;
    m_active = true;
    m_moved = false;
    return true;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    if (!m_active) return;
    if (input.dragging[kLeft]) m_moved = true;
    m_arrow.to = End(ctx, input.world);
    if (m_arrow.to.note == m_arrow.from.note && m_arrow.from.note) m_arrow.to = {NoteId(), input.world};
  }

  void Release(ToolContext& ctx, const Input& input) override {
    if (!m_active) return;
    m_active = false;
    Update(ctx, input);
    if (!m_moved) return;
    const bool onOwnNote = m_arrow.from.note && NoteAt(ctx.layout, input.world) == m_arrow.from.note;
    const float px = std::hypot(input.mouse.x - m_pressMouse.x, input.mouse.y - m_pressMouse.y);
    if (onOwnNote || (!m_arrow.to.note && px < kMinArrowPx)) return;
    ctx.document.Apply(AddArrow(ctx.document.board(), m_arrow), N_("Draw arrow"));
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_active = false;
  }

  bool LocksView() const override { return m_active; }

  // The arrow as it will be, and the notes it binds to outlined.
  void DrawAbove(const ToolContext& ctx, ImDrawList& dl) const override {
    if (!m_active || !m_moved) return;
    const Board& board = ctx.document.board();
    for (NoteId id : {m_arrow.from.note, m_arrow.to.note}) {
      const int index = id ? board.NoteIndex(id) : -1;
      if (index < 0 || index >= int(ctx.layout.notes.size())) continue;
      const Rect r = ctx.camera.ToScreen(ctx.layout.notes[size_t(index)].rect);
      dl.AddRect({r.x0 - 3, r.y0 - 3}, {r.x1 + 3, r.y1 + 3}, kAccent, 6, 0, 2.5f);
    }
    DrawArrowOver(board, ctx.layout, m_arrow, ctx.camera, ctx.fonts, dl, ctx.palette);
  }

 private:
  // A bound end on the note under `world` (its `pos` the note's centre, so a file whose note is
  // later lost shows the end near where it was), else a free end at `world`.
  static ArrowEnd End(const ToolContext& ctx, Vec2 world) {
    const NoteId id = NoteAt(ctx.layout, world);
    if (!id) return {NoteId(), world};
    const int index = ctx.document.board().NoteIndex(id);
    return {id, Centre(ctx.layout.notes[size_t(index)].rect)};
  }

  Arrow m_arrow;
  Vec2 m_pressMouse;
  bool m_active = false, m_moved = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeArrowTool() { return std::make_unique<ArrowTool>(); }

}  // namespace jb
