// Stage and lane headers: drag a header to reorder, its border (in the header row or the label
// column) to resize; the ▾ chevron collapses a lane, the "+" buttons add a stage or a lane; a click
// on a hidden stage's or lane's strip shows it again.
#include <imgui.h>

#include <string>

#include "app/tools/style.h"
#include "app/tools/tool.h"
#include "app/platform/i18n.h"
#include "core/edit/journey_commands.h"

namespace jb {
namespace {

class HeaderTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft) return false;
    Document& document = ctx.document;
    const Board& board = document.board();
    const Hover& hit = input.hover;
    m_pressMouse = input.mouse;
    m_state = State::None;
    switch (hit.kind) {
      case Hover::StageHeader:
        m_stage = board.stages[hit.index].id;
        m_state = State::PressStage;
        return true;
      case Hover::LaneLabel:
        m_lane = board.lanes[hit.index].id;
        m_state = State::PressLane;
        return true;
      case Hover::LaneChevron: {
        const Lane& lane = board.lanes[hit.index];
        document.Apply(SetLaneCollapsed(board, lane.id, !lane.collapsed), lane.collapsed ? N_("Expand lane") : N_("Collapse lane"));
        return true;
      }
      case Hover::StageBorder:
        m_stage = board.stages[hit.index].id;
        m_resizeStart = board.stages[hit.index].width;
        document.BeginGesture(N_("Resize stage"));
        m_state = State::ResizeStage;
        return true;
      case Hover::LaneBorder:
        m_lane = board.lanes[hit.index].id;
        m_resizeStart = ctx.layout.laneY[hit.index + 1] - ctx.layout.laneY[hit.index];
        document.BeginGesture(N_("Resize lane"));
        m_state = State::ResizeLane;
        return true;
      case Hover::AddStage: {
        std::string name = "Stage " + std::to_string(board.stages.size() + 1);
        document.Apply(AddStage(board, name), N_("Add stage"));
        return true;
      }
      case Hover::AddLane: document.Apply(AddLane(board, "New lane", LaneKind::Custom), N_("Add lane")); return true;
      default: return false;
    }
  }

  void Update(ToolContext& ctx, const Input& input) override {
    Document& document = ctx.document;
    const bool dragging = input.dragging[kLeft];
    const Vec2 deltaUnits{(input.mouse.x - m_pressMouse.x) / ctx.camera.zoom, (input.mouse.y - m_pressMouse.y) / ctx.camera.zoom};
    switch (m_state) {
      case State::PressStage:
        if (dragging) {
          document.BeginGesture(N_("Move stage"));
          m_startLayout = ctx.layout;  // targets against the layout at the start: no feedback
          m_state = State::DragStage;
        }
        break;
      case State::PressLane:
        if (dragging) {
          document.BeginGesture(N_("Move lane"));
          m_startLayout = ctx.layout;
          m_state = State::DragLane;
        }
        break;
      case State::DragStage: {
        const std::vector<float>& xs = m_startLayout.stageX;
        int to = 0;
        for (size_t s = 0; s + 1 < xs.size(); ++s)
          if (input.world.x > (xs[s] + xs[s + 1]) * 0.5f) to = int(s);
        const StageId id = m_stage;
        document.UpdateGesture([&](const Board& start) { return MoveStage(start, id, to); });
        break;
      }
      case State::DragLane: {
        const std::vector<float>& ys = m_startLayout.laneY;
        int to = 0;
        for (size_t l = 0; l + 1 < ys.size(); ++l)
          if (input.world.y > (ys[l] + ys[l + 1]) * 0.5f) to = int(l);
        const LaneId id = m_lane;
        document.UpdateGesture([&](const Board& start) { return MoveLane(start, id, to); });
        break;
      }
      case State::ResizeStage: {
        const StageId id = m_stage;
        float width = m_resizeStart + deltaUnits.x;
        document.UpdateGesture([&](const Board& start) { return ResizeStage(start, id, width); });
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        break;
      }
      case State::ResizeLane: {
        const LaneId id = m_lane;
        float height = m_resizeStart + deltaUnits.y;
        document.UpdateGesture([&](const Board& start) { return ResizeLane(start, id, height); });
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
        break;
      }
      case State::None: break;
    }
  }

  void Release(ToolContext& ctx, const Input&) override {
    Document& document = ctx.document;
    switch (m_state) {
      case State::PressStage:  // a click on a hidden stage's strip shows it again
        if (const Stage* stage = document.board().FindStage(m_stage); stage && stage->hidden)
          document.Apply(SetStageHidden(document.board(), m_stage, false), N_("Show stage"));
        break;
      case State::PressLane:
        if (const Lane* lane = document.board().FindLane(m_lane); lane && lane->hidden)
          document.Apply(SetLaneHidden(document.board(), m_lane, false), N_("Show lane"));
        break;
      case State::DragStage:
      case State::DragLane:
      case State::ResizeStage:
      case State::ResizeLane: ctx.document.CommitGesture(); break;
      default: break;
    }
    m_state = State::None;
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_state = State::None;
  }

  void HoverCursor(ToolContext&, const Input& input) override {
    switch (input.hover.kind) {
      case Hover::StageBorder: ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW); break;
      case Hover::LaneBorder: ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS); break;
      case Hover::AddStage:
      case Hover::AddLane:
      case Hover::LaneChevron: ImGui::SetMouseCursor(ImGuiMouseCursor_Hand); break;
      default: break;
    }
  }

  // The dragged stage or lane, where it is now.
  void DrawBelow(const ToolContext& ctx, ImDrawList& dl) const override {
    if (m_state != State::DragStage && m_state != State::DragLane) return;
    const Board& board = ctx.document.board();
    const Layout& layout = ctx.layout;
    const bool stage = m_state == State::DragStage;
    int index = stage ? board.StageIndex(m_stage) : board.LaneIndex(m_lane);
    if (index < 0) return;
    Rect r = stage ? Rect{layout.stageX[index], layout.grid.y0, layout.stageX[index + 1], layout.grid.y1}
                   : Rect{layout.grid.x0, layout.laneY[index], layout.grid.x1, layout.laneY[index + 1]};
    auto S = [&](Vec2 p) { return ToIm(ctx.camera.ToScreen(p)); };
    dl.AddRectFilled(S({r.x0, r.y0}), S({r.x1, r.y1}), kAccentSoft);
    dl.AddRect(S({r.x0, r.y0}), S({r.x1, r.y1}), kAccent, 0, 0, 2);
  }

 private:
  enum class State { None, PressStage, PressLane, DragStage, DragLane, ResizeStage, ResizeLane };
  State m_state = State::None;
  StageId m_stage;  // the stage pressed, dragged or resized
  LaneId m_lane;
  Vec2 m_pressMouse;
  float m_resizeStart = 0;
  Layout m_startLayout;
};

}  // namespace

std::unique_ptr<CanvasTool> MakeHeaderTool() { return std::make_unique<HeaderTool>(); }

}  // namespace jb
