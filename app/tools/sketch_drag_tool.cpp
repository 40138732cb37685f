// Sketches under the Pan, Select and Note tools: a click on a pen or highlighter stroke, an arrow
// or a text label selects it (Shift/Ctrl + click adds or removes it, as with notes), a drag moves
// every selected sketch together with the selected free notes. A moved stroke is re-anchored where
// it lands (AnchorStroke), so a circle dragged onto another cell follows that cell. One undo step
// per drag; Esc puts everything back. Frames are picked by the frame tools, not here.
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "app/platform/i18n.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/ink.h"

namespace jb {
namespace {

// Adds `id` to `ids` (clearing it first unless additive), or with `toggle` takes it out when in.
template <class IdT>
void Pick(std::vector<IdT>& ids, IdT id, bool toggle) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) ids.push_back(id);
  else if (toggle) ids.erase(it);
}

template <class IdT>
bool Has(const std::vector<IdT>& ids, IdT id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

class SketchDragTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || ctx.SketchTool()) return false;
    const Hover::Kind kind = input.hover.kind;
    if (kind != Hover::Stroke && kind != Hover::Arrow && kind != Hover::Label) return false;
    m_press = input.hover;
    m_pressWorld = input.world;
    m_pressModifier = input.shift || input.ctrl;
    m_pressWasSelected = Selected(ctx, m_press);
    if (m_pressModifier) {
      Toggle(ctx, m_press, true);
    } else if (!m_pressWasSelected) {
      ctx.selection.clear();
      ctx.sketches.Clear();
      Toggle(ctx, m_press, false);
    }
    // A Ctrl/Shift click that took the sketch out of the selection drags nothing.
    m_state = Selected(ctx, m_press) ? State::Press : State::None;
    return true;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    if (m_state == State::Press && input.dragging[kLeft]) {
      m_startLayout = ctx.layout;
      m_picked = ctx.sketches;
      m_notes = ctx.selection;
      m_lastDelta = {0, 0};
      const bool one = m_notes.empty() && m_picked.strokes.size() + m_picked.arrows.size() + m_picked.frames.size() +
                                                  m_picked.labels.size() == 1;
      ctx.document.BeginGesture(one ? N_("Move sketch") : N_("Move selection"));
      m_state = State::Drag;
    }
    if (m_state == State::Drag) {
      const Vec2 world = ctx.camera.ToWorld(input.mouse);
      const Vec2 delta{world.x - m_pressWorld.x, world.y - m_pressWorld.y};
      if (delta == m_lastDelta) return;
      m_lastDelta = delta;
      ctx.document.UpdateGesture([&](const Board& start) { return MoveTo(start, delta); });
    }
  }

  void Release(ToolContext& ctx, const Input&) override {
    if (m_state == State::Press) {
      // A plain click on a sketch that was part of a selection selects just that sketch.
      if (!m_pressModifier && m_pressWasSelected) {
        ctx.selection.clear();
        ctx.sketches.Clear();
        Toggle(ctx, m_press, false);
      }
    } else if (m_state == State::Drag && ctx.document.InGesture()) {
      ctx.document.CommitGesture();
    }
    m_state = State::None;
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_state = State::None;
  }

  bool LocksView() const override { return m_state == State::Drag; }

 private:
  enum class State { None, Press, Drag };

  // The sketch `hover` names: its id, looked up in the board's list by index.
  static bool Selected(const ToolContext& ctx, const Hover& hover) {
    const Board& board = ctx.document.board();
    const int i = hover.index;
    switch (hover.kind) {
      case Hover::Stroke: return i < int(board.strokes.size()) && Has(ctx.sketches.strokes, board.strokes[i].id);
      case Hover::Arrow: return i < int(board.arrows.size()) && Has(ctx.sketches.arrows, board.arrows[i].id);
      case Hover::Label: return i < int(board.labels.size()) && Has(ctx.sketches.labels, board.labels[i].id);
      default: return false;
    }
  }

  static void Toggle(ToolContext& ctx, const Hover& hover, bool toggle) {
    const Board& board = ctx.document.board();
    const int i = hover.index;
    if (hover.kind == Hover::Stroke && i < int(board.strokes.size())) Pick(ctx.sketches.strokes, board.strokes[i].id, toggle);
    if (hover.kind == Hover::Arrow && i < int(board.arrows.size())) Pick(ctx.sketches.arrows, board.arrows[i].id, toggle);
    if (hover.kind == Hover::Label && i < int(board.labels.size())) Pick(ctx.sketches.labels, board.labels[i].id, toggle);
  }

  // The move by `delta` from the drag's start: the picked strokes re-anchored where they land,
  // against the layout at the start (moving sketches and free notes does not change the grid).
  BoardDiff MoveTo(const Board& start, Vec2 delta) {
    std::vector<Stroke> landed;
    for (const Stroke& stroke : start.strokes) {
      if (!Has(m_picked.strokes, stroke.id)) continue;
      if (!StrokeShown(StrokePoints(start, m_startLayout, stroke, &m_points))) continue;
      for (Vec2& p : m_points) p = {p.x + delta.x, p.y + delta.y};
      StrokeAnchor anchor = AnchorStroke(start, m_startLayout, m_points);
      Stroke moved;
      moved.id = stroke.id;
      moved.stage = anchor.stage;
      moved.lane = anchor.lane;
      moved.points = std::move(anchor.points);
      landed.push_back(std::move(moved));
    }
    return MoveSelection(start, m_picked, m_notes, delta, landed);
  }

  State m_state = State::None;
  Hover m_press;
  Vec2 m_pressWorld, m_lastDelta;
  bool m_pressWasSelected = false;
  bool m_pressModifier = false;
  // The drag: what moves, and the layout at its start.
  SketchSelection m_picked;
  std::vector<NoteId> m_notes;
  Layout m_startLayout;
  std::vector<Vec2> m_points;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeSketchDragTool() { return std::make_unique<SketchDragTool>(); }

}  // namespace jb
