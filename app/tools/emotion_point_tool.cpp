// Emotion points: a double-click in the Emotions lane adds a point to the active curve at the
// stage and height of the feeling, as a double-click adds a note (a single click only focuses the
// canvas and deselects: a stray click never spikes the curve; a drag from there pans); a point
// dragged moves up and down (the feeling) and sideways within its stage, Shift snapping to the
// five levels. A press on a point selects it (Delete removes it); a press anywhere else deselects it.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/tools/tool.h"
#include "app/platform/i18n.h"
#include "core/edit/journey_commands.h"

namespace jb {
namespace {

class EmotionPointTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft) return false;
    const Board& board = ctx.document.board();
    const Hover& hit = input.hover;
    if (hit.kind != Hover::CurvePoint) ctx.point.index = -1;
    if (hit.kind == Hover::CurvePoint) {
      const EmotionCurve& curve = board.curves[hit.curve];
      ctx.activeCurve = ctx.point.curve = curve.id;
      ctx.point.index = hit.index;
      m_start = curve.points[hit.index];
      m_movedIndex = -1;
      ctx.selection.clear();
      ctx.document.BeginGesture(N_("Move point"));
      m_state = State::Drag;
      return true;
    }
    if (hit.kind == Hover::Cell && hit.lane == ctx.layout.emotionsLane && !board.stages[hit.stage].hidden && !input.shift && !ctx.SelectTool() && !ctx.voting) {
      m_pressWorld = input.world;
      m_add = input.doubleClicked[kLeft];
      m_pan.Start(ctx, input);
      m_state = State::Press;
      return true;
    }
    return false;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    switch (m_state) {
      case State::Press:
        if (input.dragging[kLeft]) m_state = State::Pan;  // a drag from the lane pans
        break;
      case State::Pan:
        m_pan.MoveTo(ctx, input.mouse);
        if (input.dragging[kLeft]) ctx.fitted = false;
        break;
      case State::Drag:
        if (input.dragging[kLeft]) UpdateDrag(ctx, input);
        break;
      case State::None: break;
    }
  }

  void Release(ToolContext& ctx, const Input& input) override {
    switch (m_state) {
      case State::Press: {
        int stage = -1, lane = -1;
        if (m_add && ctx.layout.CellAt(m_pressWorld, &stage, &lane)) {
          AddPointAt(ctx, input, stage);
        } else {  // one click: focus and deselect, nothing added
          ctx.point.index = -1;
          ctx.selection.clear();
        }
        break;
      }
      case State::Pan:
        if (std::hypot(input.mouse.x - m_pan.pressMouse.x, input.mouse.y - m_pan.pressMouse.y) < kDragThresholdPx)
          ctx.selection.clear();
        break;
      case State::Drag:
        ctx.document.CommitGesture();
        // The move may have re-sorted the curve: follow the point to its new index.
        if (m_movedIndex >= 0) ctx.point.index = m_movedIndex;
        break;
      case State::None: break;
    }
    m_state = State::None;
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_state = State::None;
  }

 private:
  enum class State { None, Press, Pan, Drag };

  // A board without a curve gets one.
  void AddPointAt(ToolContext& ctx, const Input& input, int stage) {
    Document& document = ctx.document;
    const Board& board = document.board();
    const EmotionCurve* curve = ActiveCurveOf(board, ctx.activeCurve);
    if (!curve) {
      CurveId id;
      PersonaId persona = board.personas.empty() ? PersonaId{} : board.personas.front().id;
      document.Apply(AddCurve(board, persona, "Emotions", NextCurveColor(board), false, &id), N_("Add curve"));
      ctx.activeCurve = id;
      curve = document.board().FindCurve(id);
      if (!curve) return;
    }
    const Board& now = document.board();
    const Stage& s = now.stages[stage];
    CurvePoint point;
    point.stage = s.id;
    point.t = std::clamp((m_pressWorld.x - ctx.layout.stageX[stage]) / s.width, 0.0f, 1.0f);
    point.value = ctx.layout.EmotionValue(m_pressWorld.y);
    if (input.shift) point.value = SnapEmotion(point.value);
    int index = -1;
    if (document.Apply(AddCurvePoint(now, curve->id, point, &index), N_("Add point"))) {
      ctx.activeCurve = ctx.point.curve = curve->id;
      ctx.point.index = index;
      ctx.selection.clear();
    }
  }

  // Recomputed from the gesture's start, like every drag.
  void UpdateDrag(ToolContext& ctx, const Input& input) {
    const Board& board = ctx.document.board();
    const int stage = board.StageIndex(m_start.stage);
    if (stage < 0) return;
    const Vec2 world = ctx.camera.ToWorld(input.mouse);
    CurvePoint target = m_start;
    target.t = std::clamp((world.x - ctx.layout.stageX[stage]) / board.stages[stage].width, 0.0f, 1.0f);
    target.value = ctx.layout.EmotionValue(world.y);
    if (input.shift) target.value = SnapEmotion(target.value);
    const CurveId curve = ctx.point.curve;
    const int index = ctx.point.index;
    ctx.document.UpdateGesture([&](const Board& start) {
      return MoveCurvePoint(start, curve, index, target.stage, target.t, target.value, &m_movedIndex);
    });
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  }

  State m_state = State::None;
  Vec2 m_pressWorld;
  bool m_add = false;  // the press was a double-click's second: its release adds a point
  PanDrag m_pan;
  CurvePoint m_start;
  int m_movedIndex = -1;  // where the dragged point ended up after re-sorting
};

}  // namespace

std::unique_ptr<CanvasTool> MakeEmotionPointTool() { return std::make_unique<EmotionPointTool>(); }

}  // namespace jb
