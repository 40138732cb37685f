// Notes: a click selects (Shift/Ctrl + click adds or removes), a drag moves the selection into
// another cell (the cell lights up, the others make room), before another note (reorder), or out
// of the grid (free notes). One undo step per drag; Esc puts everything back.
#include <imgui.h>

#include <algorithm>

#include "app/render/render.h"
#include "app/tools/style.h"
#include "app/tools/tool.h"
#include "app/platform/i18n.h"

namespace jb {
namespace {

class NoteDragTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || input.hover.kind != Hover::Note) return false;
    const Board& board = ctx.document.board();
    m_pressIndex = input.hover.index;
    m_pressWorld = input.world;
    m_pressModifier = input.shift || input.ctrl;
    NoteId id = board.notes[m_pressIndex].id;
    m_pressWasSelected = IsSelected(ctx.selection, id);
    if (m_pressModifier) SelectNote(ctx.selection, id, true, true);
    else if (!m_pressWasSelected) SelectNote(ctx.selection, id, false, false);
    if (!m_pressModifier && !m_pressWasSelected) ctx.sketches.Clear();  // a plain click picks just this note
    // A Ctrl/Shift click that took the note out of the selection drags nothing.
    m_state = IsSelected(ctx.selection, id) ? State::Press : State::None;
    return true;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    if (m_state == State::Press && input.dragging[kLeft]) {
      const Board& board = ctx.document.board();
      m_ids = SelectionInBoardOrder(board, ctx.selection);
      m_startLayout = ctx.layout;
      m_startRects.clear();
      for (NoteId id : m_ids) m_startRects.push_back(ctx.layout.notes[board.NoteIndex(id)].rect);
      m_hasTarget = false;
      ctx.document.BeginGesture(m_ids.size() == 1 ? N_("Move note") : N_("Move notes"));
      m_state = State::Drag;
    } else if (m_state == State::Drag) {
      UpdateDrag(ctx, input);
    }
  }

  void Release(ToolContext& ctx, const Input&) override {
    const Board& board = ctx.document.board();
    if (m_state == State::Press) {
      // A plain click on a note that was part of a selection selects just that note.
      if (!m_pressModifier && m_pressWasSelected && m_pressIndex >= 0 && m_pressIndex < int(board.notes.size())) {
        SelectNote(ctx.selection, board.notes[m_pressIndex].id, false, false);
        ctx.sketches.Clear();
      }
    } else if (m_state == State::Drag) {
      ctx.document.CommitGesture();
    }
    m_state = State::None;
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_state = State::None;
  }

  const std::vector<NoteId>* HiddenNotes() const override { return m_state == State::Drag ? &m_ids : nullptr; }
  bool LocksView() const override { return m_state == State::Drag; }

  // The cell the notes will land in.
  void DrawBelow(const ToolContext& ctx, ImDrawList& dl) const override {
    if (m_state != State::Drag || !m_target.IsCell()) return;
    const Board& board = ctx.document.board();
    int s = board.StageIndex(m_target.stage), l = board.LaneIndex(m_target.lane);
    if (s < 0 || l < 0) return;
    Rect cell = ctx.layout.Cell(s, l);
    auto S = [&](Vec2 p) { return ToIm(ctx.camera.ToScreen(p)); };
    dl.AddRectFilled(S({cell.x0, cell.y0}), S({cell.x1, cell.y1}), kAccentSoft);
    dl.AddRect(S({cell.x0, cell.y0}), S({cell.x1, cell.y1}), kAccent, 0, 0, 2);
  }

  // The notes follow the hand; their outlines in the layout show where they will land.
  void DrawAbove(const ToolContext& ctx, ImDrawList& dl) const override {
    if (m_state != State::Drag) return;
    const Board& board = ctx.document.board();
    Vec2 world = ctx.camera.ToWorld(ToVec(ImGui::GetIO().MousePos));
    for (size_t k = 0; k < m_ids.size(); ++k) {
      int i = board.NoteIndex(m_ids[k]);
      if (i < 0) continue;
      NoteBox box = ctx.layout.notes[i];
      Vec2 offset{m_startRects[k].x0 - box.rect.x0 + world.x - m_pressWorld.x,
                  m_startRects[k].y0 - box.rect.y0 + world.y - m_pressWorld.y};
      DrawNote(board, board.notes[i], box, offset, ctx.camera, ctx.fonts, dl, false, ctx.palette);
    }
  }

 private:
  enum class State { None, Press, Drag };

  // Before the first note (in cell order) that the pointer is above, or left of within its row;
  // against the layout at the drag's start, so the live reflow never feeds back into the target.
  NoteTarget DropTarget(const Board& board, Vec2 world) const {
    NoteTarget target;
    int stage = -1, lane = -1;
    if (!m_startLayout.CellAt(world, &stage, &lane) || !CellTakesNotes(board, stage, lane)) return target;
    target.stage = board.stages[stage].id;
    target.lane = board.lanes[lane].id;
    for (size_t i = 0; i < m_startLayout.notes.size(); ++i) {
      const NoteBox& box = m_startLayout.notes[i];
      if (box.stage != stage || box.lane != lane) continue;
      if (std::find(m_ids.begin(), m_ids.end(), box.id) != m_ids.end()) continue;
      bool above = world.y < box.rect.y0;
      bool leftInRow = world.y < box.rect.y1 && world.x < (box.rect.x0 + box.rect.x1) * 0.5f;
      if (above || leftInRow) {
        target.before = box.id;
        break;
      }
    }
    return target;
  }

  void UpdateDrag(ToolContext& ctx, const Input& input) {
    const Board& board = ctx.document.board();
    const Vec2 world = ctx.camera.ToWorld(input.mouse);
    NoteTarget target = DropTarget(board, world);
    std::vector<Vec2> offsets;
    if (!target.IsCell() && !m_startRects.empty()) {
      const Rect& first = m_startRects.front();
      target.freePos = {first.x0 + world.x - m_pressWorld.x, first.y0 + world.y - m_pressWorld.y};
      for (const Rect& r : m_startRects) offsets.push_back({r.x0 - first.x0, r.y0 - first.y0});
    }
    bool same = m_hasTarget && target.stage == m_target.stage && target.lane == m_target.lane &&
                target.before == m_target.before && target.freePos == m_target.freePos;
    if (same) return;
    m_target = target;
    m_hasTarget = true;
    const std::vector<NoteId> ids = m_ids;
    ctx.document.UpdateGesture([&](const Board& start) { return MoveNotes(start, ids, target, offsets); });
  }

  State m_state = State::None;
  int m_pressIndex = -1;  // the note pressed, by index in Board::notes
  Vec2 m_pressWorld;
  bool m_pressWasSelected = false;
  bool m_pressModifier = false;
  // The drag: the notes, where they started, and the layout at the start (drop targets are
  // computed against it).
  std::vector<NoteId> m_ids;
  std::vector<Rect> m_startRects;
  Layout m_startLayout;
  NoteTarget m_target;
  bool m_hasTarget = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeNoteDragTool() { return std::make_unique<NoteDragTool>(); }

}  // namespace jb
