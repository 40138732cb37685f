// The Eraser (E): while it is chosen, a left drag removes every pen or highlighter stroke its path
// touches, as the hand passes (whole strokes, as the browser whiteboards erase). The whole drag is
// one gesture, so one undo step "Erase strokes"; Esc during it brings the strokes back. Arrows,
// frames and labels are not strokes: the eraser leaves them (a tap on one does nothing).
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "app/platform/i18n.h"
#include "app/tools/style.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/ink.h"

namespace jb {
namespace {

constexpr float kEraserRadiusPx = 10;  // the circle shown, and how near a stroke it takes it

void DrawEraserCircle(ImDrawList& dl, ImVec2 at) {
  dl.AddCircleFilled(at, kEraserRadiusPx, IM_COL32(255, 255, 255, 140));
  dl.AddCircle(at, kEraserRadiusPx, kAccent, 0, 1.5f);
}

class EraserTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || ctx.tool != ToolKind::Eraser) return false;
    m_erased.clear();
    m_last = input.world;
    ctx.document.BeginGesture(N_("Erase strokes"));
    EraseAlong(ctx, input.world, input.world);
    return true;
  }

  void Update(ToolContext& ctx, const Input& input) override {
    const Vec2 world = ctx.camera.ToWorld(input.mouse);
    if (world == m_last) return;
    EraseAlong(ctx, m_last, world);
    m_last = world;
  }

  void Release(ToolContext& ctx, const Input&) override {
    if (!ctx.document.InGesture()) return;
    if (m_erased.empty()) ctx.document.CancelGesture();  // touched nothing: no empty undo step
    else ctx.document.CommitGesture();
    m_erased.clear();
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_erased.clear();
  }

  void HoverCursor(ToolContext& ctx, const Input& input) override {
    if (ctx.tool == ToolKind::Eraser) DrawEraserCircle(*ImGui::GetForegroundDrawList(), ToIm(input.mouse));
  }

  void DrawAbove(const ToolContext&, ImDrawList& dl) const override {
    DrawEraserCircle(dl, ImGui::GetIO().MousePos);
  }

 private:
  // Adds the shown strokes the segment a–b touches to the erased ones; the gesture removes them
  // all from the board it started with.
  void EraseAlong(ToolContext& ctx, Vec2 a, Vec2 b) {
    const Board& board = ctx.document.board();  // erased strokes are already gone from it
    const float tolerance = kEraserRadiusPx / ctx.camera.zoom;
    bool more = false;
    for (const Stroke& stroke : board.strokes) {
      if (!StrokeShown(StrokePoints(board, ctx.layout, stroke, &m_points))) continue;
      if (!SegmentHitsStroke(m_points, stroke.width, a, b, tolerance)) continue;
      if (std::find(m_erased.begin(), m_erased.end(), stroke.id) != m_erased.end()) continue;
      m_erased.push_back(stroke.id);
      more = true;
    }
    if (!more) return;
    const std::vector<StrokeId> ids = m_erased;
    ctx.document.UpdateGesture([&ids](const Board& start) { return EraseStrokes(start, ids); });
  }

  std::vector<StrokeId> m_erased;
  Vec2 m_last;
  std::vector<Vec2> m_points;  // reused for every stroke
};

}  // namespace

std::unique_ptr<CanvasTool> MakeEraserTool() { return std::make_unique<EraserTool>(); }

}  // namespace jb
