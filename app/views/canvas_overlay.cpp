// The canvas, part 3: what is drawn over the board and never exported: "+" buttons, lane
// chevrons, selection outlines, the caret, the selected point, the voting and cover banners, and what the
// tool that owns the gesture draws (the drop target, dragged notes, the selection rectangle).
#include "app/views/canvas.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "app/platform/fonts.h"
#include "app/render/render.h"
#include "app/views/canvas_internal.h"
#include "core/layout/sketch_hit.h"
#include "app/platform/i18n.h"

namespace jb {

using namespace canvas;

// [SECTION] Overlay

void Canvas::DrawOverlay(const ToolContext& ctx, ImDrawList& dl) const {
  const Document& document = ctx.document;
  const Fonts& fonts = ctx.fonts;
  const Board& board = document.board();
  if (!LayoutIsCurrent(document)) return;
  const float z = m_camera.zoom;
  auto S = [&](Vec2 p) { return ToIm(m_camera.ToScreen(p)); };
  auto drawRect = [&](const Rect& r, ImU32 colour, float thickness, float rounding = 6) {
    dl.AddRect(S({r.x0, r.y0}), S({r.x1, r.y1}), colour, rounding * z, 0, thickness);
  };

  // "+" buttons after the last stage and under the last lane.
  for (const Rect& button : {AddStageButton(), AddLaneButton()}) {
    Vec2 c{(button.x0 + button.x1) * 0.5f, (button.y0 + button.y1) * 0.5f};
    dl.AddRectFilled(S({button.x0, button.y0}), S({button.x1, button.y1}), IM_COL32(255, 255, 255, 255), 8 * z);
    drawRect(button, IM_COL32(160, 168, 184, 255), std::max(1.0f, 1.5f * z), 8);
    float arm = kButtonUnits * 0.25f;
    dl.AddLine(S({c.x - arm, c.y}), S({c.x + arm, c.y}), kAccent, std::max(1.5f, 3 * z));
    dl.AddLine(S({c.x, c.y - arm}), S({c.x, c.y + arm}), kAccent, std::max(1.5f, 3 * z));
  }
  // Collapse chevrons in the lane labels.
  for (size_t l = 0; l < board.lanes.size(); ++l) {
    Rect r = LaneChevron(int(l));
    Vec2 c{(r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f};
    float a = 6;
    ImU32 colour = IM_COL32(120, 128, 145, 255);
    if (board.lanes[l].collapsed) dl.AddTriangleFilled(S({c.x - a * 0.6f, c.y - a}), S({c.x + a, c.y}), S({c.x - a * 0.6f, c.y + a}), colour);
    else dl.AddTriangleFilled(S({c.x - a, c.y - a * 0.6f}), S({c.x + a, c.y - a * 0.6f}), S({c.x, c.y + a}), colour);
  }

  DrawSpotlight(dl);

  // The gesture in progress: the drop target, the dragged stage or lane.
  if (m_owner) m_owner->DrawBelow(ctx, dl);

  const bool hidingNotes = m_owner && m_owner->HiddenNotes();  // dragged: they follow the hand
  for (NoteId id : m_selection) {
    int i = board.NoteIndex(id);
    if (i < 0 || m_layout.notes[i].hidden || hidingNotes) continue;
    Rect r = m_layout.notes[i].rect;
    drawRect({r.x0 - 3, r.y0 - 3, r.x1 + 3, r.y1 + 3}, kAccent, 2.5f, 8);
  }
  // Selected sketches: a thinner accent rectangle around each one's extent (they move live, so it
  // follows a drag).
  auto outline = [&](SketchKind kind, const auto& ids, const auto& records) {
    for (size_t i = 0; i < records.size(); ++i) {
      if (std::find(ids.begin(), ids.end(), records[i].id) == ids.end()) continue;
      const Rect r = SketchBounds(board, m_layout, fonts, kind, int(i));
      if (r.x1 > r.x0) drawRect({r.x0 - 4, r.y0 - 4, r.x1 + 4, r.y1 + 4}, kAccent, 1.5f, 4);
    }
  };
  outline(SketchKind::Stroke, m_sketches.strokes, board.strokes);
  outline(SketchKind::Arrow, m_sketches.arrows, board.arrows);
  outline(SketchKind::Frame, m_sketches.frames, board.frames);
  outline(SketchKind::Label, m_sketches.labels, board.labels);

  if (m_editing == Editing::Note) {
    int i = board.NoteIndex(m_editId);
    if (i >= 0) {
      const NoteBox& box = m_layout.notes[i];
      drawRect({box.rect.x0 - 3, box.rect.y0 - 3, box.rect.x1 + 3, box.rect.y1 + 3}, kAccent, 3, 8);
      const WrappedText& text = box.text;
      const std::string& edited = m_edit.text();
      float size = text.size > 0 ? text.size : kMetrics.noteTextSize;
      auto lineX = [&](size_t line, size_t pos) {  // x of byte `pos` on a wrapped line
        size_t begin = text.lines.empty() ? 0 : std::min(text.lines[line].first, edited.size());
        pos = std::clamp(pos, begin, edited.size());
        return box.textBox.x0 + TextWidth(fonts, std::string_view(edited).substr(begin, pos - begin), size);
      };
      // A clipped note scrolls to the caret: only lines [first, last) are on the note.
      const size_t first = EditorFirstLine(box), last = first + text.ShownLines();
      auto lineY = [&](size_t k) { return box.textBox.y0 + float(k - first) * size * WrappedText::kLineSpacing; };
      // The selected text: a band on each line it covers.
      for (size_t k = first; m_edit.HasSelection() && k < last && k < text.lines.size(); ++k) {
        size_t from = std::max(m_edit.SelectionBegin(), text.lines[k].first);
        size_t to = std::min(m_edit.SelectionEnd(), text.lines[k].second);
        if (from > to || (from == to && m_edit.SelectionEnd() <= text.lines[k].second)) continue;
        float y = lineY(k);
        float x1 = std::max(lineX(k, to), lineX(k, from) + size * 0.3f);  // a selected line break shows too
        dl.AddRectFilled(S({lineX(k, from), y}), S({x1, y + size * 1.15f}), kAccentSoft);
      }
      // Caret: on the line that holds it, after the text before it.
      bool visible = std::fmod(ImGui::GetTime() - m_editStartTime, 1.0) < 0.6;
      if (visible) {
        size_t line = std::clamp(TextEdit::LineOf(text, m_edit.caret()), first, std::max(first, last - 1));
        float x = lineX(line, m_edit.caret());
        float y = lineY(line);
        dl.AddLine(S({x, y}), S({x, y + size * 1.15f}), kAccent, std::max(1.5f, 2 * z));
      }
    }
  }

  // The selected emotion point: a ring around it.
  if (m_point.index >= 0)
    for (size_t c = 0; c < board.curves.size(); ++c)
      if (board.curves[c].id == m_point.curve)
        for (const CurvePointPos& knot : m_layout.curves[c].knots)
          if (knot.point == m_point.index) dl.AddCircle(S(knot.pos), std::max(6.0f, 12 * z), kAccent, 0, 2.5f);

  const char* banner = nullptr;
  if (voting)
    banner = _("Voting: click a note to add a vote, Shift + click to take one back.  V or Esc ends voting.");
  else if (tool == Tool::Note)
    banner = _("Add note: tap a cell or empty canvas to add a note there.  N or Esc cancels.");
  if (banner) {
    ImVec2 size = ImGui::CalcTextSize(banner);
    ImVec2 at{m_camera.screenOrigin.x + (m_size.x - size.x) * 0.5f, m_camera.screenOrigin.y + 10};
    dl.AddRectFilled({at.x - 12, at.y - 6}, {at.x + size.x + 12, at.y + size.y + 6}, kAccent, 6);
    dl.AddText(at, IM_COL32(255, 255, 255, 255), banner);
  }
  if (coverMode) {  // below the voting banner when both are on
    const char* banner = _("Cover mode: new notes are face down.  Workshop > Reveal covered notes shows them; C ends it.");
    ImVec2 size = ImGui::CalcTextSize(banner);
    const float below = voting ? size.y + 20 : 0;
    ImVec2 at{m_camera.screenOrigin.x + (m_size.x - size.x) * 0.5f, m_camera.screenOrigin.y + 10 + below};
    dl.AddRectFilled({at.x - 12, at.y - 6}, {at.x + size.x + 12, at.y + size.y + 6}, IM_COL32(70, 78, 96, 235), 6);
    dl.AddText(at, IM_COL32(255, 255, 255, 255), banner);
  }

  // The gesture in progress: dragged notes, the selection rectangle.
  if (m_owner) m_owner->DrawAbove(ctx, dl);
}

// Spotlight: one translucent rectangle left of the focused stage's column and one right of it (two
// small blends, not a full-window layer), under what the gesture in progress draws.
void Canvas::DrawSpotlight(ImDrawList& dl) const {
  const int stage = FocusedStage();
  if (!spotlight || stage < 0) return;
  const Rect column = m_camera.ToScreen(StageFocusRect(m_layout, stage));
  const float x0 = m_camera.screenOrigin.x, y0 = m_camera.screenOrigin.y;
  const float x1 = x0 + m_size.x, y1 = y0 + m_size.y;
  constexpr ImU32 kDim = IM_COL32(24, 28, 38, 160);
  if (column.x0 > x0) dl.AddRectFilled({x0, y0}, {std::min(column.x0, x1), y1}, kDim);
  if (column.x1 < x1) dl.AddRectFilled({std::max(column.x1, x0), y0}, {x1, y1}, kDim);
}

}  // namespace jb
