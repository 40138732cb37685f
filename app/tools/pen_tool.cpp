// The Pen (P) and the Highlighter (Shift+P): while either is chosen, any left press on the canvas
// (a note, a cell, empty canvas) starts a stroke. One point per frame the mouse moved (ImGui 1.86
// gives one mouse position per frame and keeps no queue of motion events; a motion event wakes the
// main loop, so at a normal pace every event makes a frame), smoothed with core's StrokeSmoother
// unless the user turned smoothing off. The stroke in progress is drawn with the renderer's own
// ink line, and nothing else is re-laid out while it grows. On release it is simplified (RDP),
// anchored to the cell under it and added in one undo step. Esc cancels it; the tool stays chosen.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/platform/i18n.h"
#include "app/render/render.h"
#include "app/tools/tool.h"
#include "core/edit/sketch_commands.h"
#include "core/layout/ink.h"
#include "core/model/limits.h"

namespace jb {
namespace {

// Simplification keeps every point within this many screen pixels of the drawn line: below what
// an eye sees at the zoom it was drawn at, yet a circle drawn slowly drops to a few dozen points.
constexpr float kSimplifyPx = 0.75f;
// The smoothed ink trails the pointer by at most this many screen pixels (unseen).
constexpr float kMaxLagPx = 2;
// Raw points kept while drawing: a stroke held down for minutes stops growing (the last point
// still follows the hand) rather than using memory without end.
constexpr size_t kMaxRawPoints = 8 * kMaxStrokePoints;

class PenTool : public CanvasTool {
 public:
  bool Press(ToolContext& ctx, const Input& input, MouseButton button) override {
    if (button != kLeft || (ctx.tool != ToolKind::Pen && ctx.tool != ToolKind::Highlighter)) return false;
    m_highlighter = ctx.tool == ToolKind::Highlighter;
    SmoothingOptions options;
    options.enabled = ctx.ink.smoothing;
    options.maxLag = kMaxLagPx / std::max(ctx.camera.zoom, 1e-6f);
    m_smoother = StrokeSmoother(options);
    m_points.clear();
    m_lastRaw = input.world;
    m_points.push_back(m_smoother.Add(input.world, ImGui::GetTime()));
    m_active = true;
    return true;
  }

  void Update(ToolContext&, const Input& input) override {
    if (!m_active || (input.world.x == m_lastRaw.x && input.world.y == m_lastRaw.y)) return;
    m_lastRaw = input.world;
    const Vec2 point = m_smoother.Add(input.world, ImGui::GetTime());
    if (m_points.size() < kMaxRawPoints) m_points.push_back(point);
    else m_points.back() = point;
  }

  void Release(ToolContext& ctx, const Input& input) override {
    if (!m_active) return;
    Update(ctx, input);
    m_active = false;
    // The smoothed line may trail the hand by a pixel or two: it ends where the pen was lifted.
    if (m_points.size() > 1) m_points.back() = m_lastRaw;
    const Board& board = ctx.document.board();
    float tolerance = kSimplifyPx / std::max(ctx.camera.zoom, 1e-6f);
    std::vector<Vec2> simplified;
    SimplifyStroke(m_points, tolerance, &simplified);
    while (simplified.size() > kMaxStrokePoints) {  // only a scribble of thousands of turns gets here
      tolerance *= 2;
      SimplifyStroke(m_points, tolerance, &simplified);
    }
    if (m_points.size() > 1 && simplified.size() == 2 && simplified[0].x == simplified[1].x &&
        simplified[0].y == simplified[1].y)
      simplified.pop_back();  // back where it started: a dot
    StrokeAnchor anchor = AnchorStroke(board, ctx.layout, simplified);
    Stroke stroke;
    stroke.stage = anchor.stage;
    stroke.lane = anchor.lane;
    stroke.points = std::move(anchor.points);
    stroke.highlighter = m_highlighter;
    stroke.color = m_highlighter ? ctx.ink.highlighterColor : ctx.ink.penColor;
    stroke.width = m_highlighter ? ctx.ink.highlighterWidth : ctx.ink.penWidth;
    ctx.document.Apply(AddStroke(board, std::move(stroke)), m_highlighter ? N_("Highlight") : N_("Draw stroke"));
    m_points.clear();
  }

  void Cancel(ToolContext& ctx) override {
    CanvasTool::Cancel(ctx);
    m_active = false;
    m_points.clear();
  }

  // The stroke in progress, as it will look once added: a highlighter under the selection
  // outlines, the pen over everything.
  void DrawBelow(const ToolContext& ctx, ImDrawList& dl) const override {
    if (m_active && m_highlighter) Draw(ctx, dl);
  }
  void DrawAbove(const ToolContext& ctx, ImDrawList& dl) const override {
    if (m_active && !m_highlighter) Draw(ctx, dl);
  }

 private:
  void Draw(const ToolContext& ctx, ImDrawList& dl) const {
    DrawStrokeLine(m_points, m_highlighter ? ctx.ink.highlighterColor : ctx.ink.penColor,
                   m_highlighter ? ctx.ink.highlighterWidth : ctx.ink.penWidth, m_highlighter, ctx.camera, dl);
  }

  StrokeSmoother m_smoother;
  std::vector<Vec2> m_points;  // board units, smoothed (or raw with smoothing off)
  Vec2 m_lastRaw;
  bool m_highlighter = false;
  bool m_active = false;
};

}  // namespace

std::unique_ptr<CanvasTool> MakePenTool() { return std::make_unique<PenTool>(); }

}  // namespace jb
