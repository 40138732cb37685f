#include "app/render/render.h"

#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "app/platform/fonts.h"
#include <imgui_internal.h>  // ImDrawListSharedData, for offscreen draw lists
#include "app/render/painter.h"
#include "core/layout/lane_prompts.h"
#include "core/layout/board_text.h"
#include "core/layout/ink.h"
#include "core/model/clock.h"

// A board drawn into an ImGui draw list, for the screen and every export alike. The drawing kit
// (sizes, colours, the Painter and its text) is painter.h; the emotions lane is emotion_lane.cpp.
namespace jb {

using namespace paint;

namespace {

// [SECTION] Grid: title, stage headers, lane labels, cells

constexpr ImU32 kHiddenHeader = IM_COL32(112, 122, 142, 255);  // a hidden stage's header strip

// Hidden stages and lanes: a thin hatched strip with an eye-slash mark and the name, so the room
// sees that something is there (notes in it are not drawn).
void DrawHidden(const Painter& p, const Board& board, const Layout& layout) {
  for (int l = 0; l < int(board.lanes.size()); ++l) {
    if (!board.lanes[l].hidden) continue;
    const Rect label = layout.LaneLabel(l);
    const Rect row{layout.stageX.front(), label.y0, layout.stageX.back(), label.y1};
    if (!p.Visible({label.x0, label.y0, row.x1, row.y1})) continue;
    p.Hatch(row, p.pal.labelFill, p.pal.gridLine);  // the theme's: a hidden strip reads on any background
    const float mid = (label.y0 + label.y1) * 0.5f;
    p.EyeSlash({label.x0 + 30, mid}, 9, p.pal.inkSoft);
    const Rect name{label.x0 + 48, mid - 10, label.x1 - 40, mid + 10};
    p.Text(board.lanes[l].name, {name.x0, name.y0}, 15, p.pal.inkSoft, 1e9f, name, true);
  }
  for (int s = 0; s < int(board.stages.size()); ++s) {
    if (!board.stages[s].hidden) continue;
    const Rect header = layout.StageHeader(s);
    const Rect column{header.x0, header.y1, header.x1, layout.grid.y1};
    if (!p.Visible({header.x0, header.y0, column.x1, column.y1})) continue;
    p.dl.AddRectFilled(p.S(header.x0, header.y0), p.S(header.x1, header.y1), kHiddenHeader);
    const float mid = (header.x0 + header.x1) * 0.5f;
    char number[16];
    std::snprintf(number, sizeof number, "%d", s + 1);
    p.Text(number, {header.x0, header.y0 + 8}, 13, IM_COL32(255, 255, 255, 190), 1e9f, header, true, true);
    p.EyeSlash({mid, header.y0 + 40}, 9, p.pal.headerInk);
    p.Hatch(column, p.pal.labelFill, p.pal.gridLine);
    p.VerticalText(board.stages[s].name, {mid, column.y0 + 14}, 15, p.pal.inkSoft, std::min(column.Height() - 28, 800.0f));
  }
}

// What the cells do not cover of the pixels drawn, in `color`: the page of an export that cleared
// to the cells' colour (RenderOptions::pageAroundClearedCells). Four strips around the cells.
void DrawPageAroundCells(const Painter& p, const Layout& layout, ImU32 color) {
  const Rect& all = p.visible;
  const Rect block = CellsBlock(layout);
  const ImVec2 from = p.S(block.x0, block.y0), to = p.S(block.x1, block.y1);  // as DrawGrid's bands
  const float top = std::clamp(from.y, all.y0, all.y1), bottom = std::clamp(to.y, top, all.y1);
  const Rect strips[4] = {{all.x0, all.y0, all.x1, top},
                          {all.x0, bottom, all.x1, all.y1},
                          {all.x0, top, std::clamp(from.x, all.x0, all.x1), bottom},
                          {std::clamp(to.x, all.x0, all.x1), top, all.x1, bottom}};
  for (const Rect& strip : strips)
    if (strip.x1 > strip.x0 && strip.y1 > strip.y0) p.dl.AddRectFilled({strip.x0, strip.y0}, {strip.x1, strip.y1}, color);
}

void DrawGrid(const Painter& p, const Board& board, const Layout& layout, bool cellsCleared) {
  const Rect& grid = layout.grid;
  // Title above the grid.
  if (!board.meta.title.empty()) {
    const Rect titleBox = layout.TitleBox();
    if (p.Visible(titleBox))
      p.Text(board.meta.title, {titleBox.x0, titleBox.y0}, layout.lettering.titleSize, p.pal.ink, 1e9f, titleBox, true);
  }
  // The header row, the corner above the lane labels included, as one fill (the funnel strip,
  // when shown, is drawn below it): its rounded ends are anti-aliased all round, and beside a
  // square neighbour that a pixel's centre missed, such an edge let the background through as a
  // light seam at some pan offsets.
  const Rect band{grid.x0, grid.y0, layout.stageX.back(), layout.laneY.front() - layout.funnel.rect.Height()};
  if (p.Visible(band))
    p.dl.AddRectFilled(p.S(band.x0, band.y0), p.S(band.x1, band.y1), p.pal.headerFill, p.Rounding(8),
                       ImDrawFlags_RoundCornersTop);

  for (int s = 0; s < int(board.stages.size()); ++s) {
    Rect header = layout.StageHeader(s);
    if (board.stages[s].hidden) continue;  // drawn with its column, below
    if (!p.Visible(header)) continue;
    if (s > 0) p.dl.AddLine(p.S(header.x0, header.y0 + 12), p.S(header.x0, header.y1 - 12), IM_COL32(255, 255, 255, 60), std::max(1.0f, p.Px(1)));
    char number[16];
    std::snprintf(number, sizeof number, "%d", s + 1);
    Rect inner{header.x0 + 16, header.y0, header.x1 - 16, header.y1};
    const Lettering& h = layout.lettering;
    p.Text(number, {inner.x0, header.y0 + h.stageNumberTop}, h.stageNumberSize, IM_COL32(255, 255, 255, 150), 1e9f,
           inner, true);
    p.Text(board.stages[s].name, {inner.x0, header.y0 + h.stageNameTop}, h.stageNameSize, p.pal.headerInk, 1e9f,
           inner, true);
  }

  if (cellsCleared) {
    // The headers' anti-aliased bottom edge reaches half a pixel into the cells, where the first
    // lane's band used to cover it: its one row of pixels is covered still.
    const Rect cells = CellsBlock(layout);
    const ImVec2 from = p.S(cells.x0, cells.y0), to = p.S(cells.x1, cells.y0);
    p.dl.AddRectFilled(from, {to.x, to.y + 1}, p.pal.cellFill);
  }
  for (int l = 0; l < int(board.lanes.size()); ++l) {
    const Lane& lane = board.lanes[l];
    Rect label = layout.LaneLabel(l);
    Rect row{label.x0, label.y0, grid.x1, label.y1};
    if (!p.Visible(row)) continue;
    p.dl.AddRectFilled(p.S(label.x0, label.y0), p.S(label.x1, label.y1), p.pal.labelFill);
    ImU32 kindColor = ToColor(lane.color ? lane.color : LaneKindNoteColor(lane.kind));
    p.dl.AddRectFilled(p.S(label.x0, label.y0), p.S(label.x0 + 8, label.y1), kindColor);
    if (lane.hidden) continue;  // drawn as a strip, below
    const Rect inner = layout.LaneNameBox(l);
    p.Text(lane.name, {inner.x0, inner.y0}, layout.lettering.laneNameSize, p.pal.ink, inner.Width(), inner, true);
    // Cells of the row: one filled band (unless cleared to), then the stage separators.
    Rect cells{layout.stageX.front(), label.y0, layout.stageX.back(), label.y1};
    if (!cellsCleared) p.dl.AddRectFilled(p.S(cells.x0, cells.y0), p.S(cells.x1, cells.y1), p.pal.cellFill);
    if (l == layout.emotionsLane) DrawEmotionBands(p, layout);
  }
  DrawHidden(p, board, layout);
  // Grid lines last, over the fills.
  float thin = std::max(1.0f, p.Px(1)) * p.pal.lineScale;
  for (size_t l = 1; l < layout.laneY.size(); ++l) {
    float y = layout.laneY[l];
    p.dl.AddLine(p.S(grid.x0, y), p.S(grid.x1, y), p.pal.gridLine, thin);
  }
  for (size_t s = 0; s < layout.stageX.size(); ++s) {
    float x = layout.stageX[s];
    p.dl.AddLine(p.S(x, layout.laneY.front()), p.S(x, grid.y1), p.pal.gridLine, thin);
  }
  p.dl.AddLine(p.S(grid.x0, layout.laneY.front()), p.S(grid.x0, grid.y1), p.pal.gridLine, thin);
}

// [SECTION] Funnel strip: each shown stage's reached count, its bar and the drop to the next

// Text widths for the strip's small labels (single lines, never wrapped).
float LineWidth(const Fonts& fonts, const std::string& text, float size, bool bold = false) {
  return fonts.ForPixelSize(Fonts::kReferencePixelSize, bold)->CalcTextSizeA(size, 1e9f, 0, text.c_str()).x;
}

void DrawFunnel(const Painter& p, const Board& board, const Layout& layout) {
  const FunnelStrip& strip = layout.funnel;
  if (!strip.Shown() || !p.Visible(strip.rect)) return;
  const float k = strip.rect.Height() / kMetrics.funnelHeight;  // Room view's strip is taller, its text too
  const std::string& language = board.meta.language;
  const ImU32 quiet = (p.pal.inkSoft & 0x00ffffff) | 0x90000000;
  const ImU32 barFill = (p.pal.headerFill & 0x00ffffff) | 0xd8000000;
  const ImU32 trackFill = (p.pal.gridLine & 0x00ffffff) | 0x90000000;
  // The corner under the headers' corner: what the strip is.
  const Rect corner{strip.rect.x0, strip.rect.y0, layout.stageX.front(), strip.rect.y1};
  p.dl.AddRectFilled(p.S(corner.x0, corner.y0), p.S(corner.x1, corner.y1), p.pal.labelFill);
  const Rect title{corner.x0 + 22, corner.y0 + 16 * k, corner.x1 - 12, corner.y1 - 8};
  p.Text(BoardTextIn(language, BoardPhrase::FunnelTitle), {title.x0, title.y0}, 15 * k, p.pal.inkSoft, title.Width(),
         title, true);
  const char* conv = BoardTextIn(language, BoardPhrase::FunnelConversion);
  for (const FunnelColumn& column : strip.columns) {
    if (!p.Visible(column.column)) continue;
    const FunnelStep& step = strip.funnel.steps[size_t(column.step)];
    const Rect& c = column.column;
    p.dl.AddRectFilled(p.S(c.x0, c.y0), p.S(c.x1, c.y1), p.pal.cellFill);
    const Rect text{c.x0 + kMetrics.funnelPadding * k, c.y0 + 8 * k, c.x1 - 6 * k, column.track.y0};
    const float round = p.Rounding(4 * k);
    if (!step.reached) {  // not measured: an empty, quiet placeholder
      p.Text("\u2014", {text.x0, text.y0}, 26 * k, quiet, 1e9f, text, true);
      p.dl.AddRect(p.S(column.track.x0, column.track.y0), p.S(column.track.x1, column.track.y1), trackFill, round, 0,
                   std::max(1.0f, p.Px(1.5f)));
      continue;
    }
    const std::string count = FormatReachedCount(*step.reached, language);
    p.Text(count, {text.x0, text.y0}, 26 * k, p.pal.ink, 1e9f, text, true);
    if (step.share) {
      const float countWidth = LineWidth(p.fonts, count, 26 * k, true);
      p.Text(FormatFunnelPercent(*step.share * 100, language), {text.x0 + countWidth + 10 * k, text.y0 + 6 * k}, 19 * k,
             p.pal.inkSoft, 1e9f, text);
    }
    p.dl.AddRectFilled(p.S(column.track.x0, column.track.y0), p.S(column.track.x1, column.track.y1), trackFill, round);
    if (column.bar.Width() > 0)
      p.dl.AddRectFilled(p.S(column.bar.x0, column.bar.y0), p.S(column.bar.x1, column.bar.y1), barFill, round);
    if (step.dropToNext) {
      // The drop to the next measured stage, at the column's right edge next to it: the biggest in
      // the pain colour on a pill, a gain (more customers than before) plainly.
      const Rect& d = column.drop;
      const std::string drop = FormatFunnelPercent(-*step.dropToNext, language, /*sign=*/true);
      const float size = (column.biggest ? 22 : 19) * k;
      const float width = LineWidth(p.fonts, drop, size, column.biggest);
      const float x = std::max(d.x0, d.x1 - width - 8 * k), y = (d.y0 + d.y1) * 0.5f - size * 0.6f;
      if (column.biggest) {
        p.dl.AddRectFilled(p.S(x - 6 * k, d.y0), p.S(d.x1, d.y1), p.pal.pain, p.Rounding(d.Height() * 0.5f));
        p.Text(drop, {x, y}, size, IM_COL32(255, 255, 255, 255), 1e9f, d, true);
      } else {
        p.Text(drop, {x, y}, size, *step.dropToNext < 0 ? p.pal.neutral : p.pal.inkSoft, 1e9f, d);
      }
    }
    // The stage's touchpoints' conversions, lowest first, as many chips as fit (then "+N").
    float x = column.track.x0;
    const float chipTop = column.track.y1 + 8 * k, chipSize = 14 * k, chipPad = 6 * k;
    const float right = c.x1 - kMetrics.funnelPadding * k;
    for (size_t i = 0; i < column.conversions.size(); ++i) {
      const std::string chip = std::string(conv) + " " + FormatFunnelPercent(column.conversions[i], language);
      const float width = LineWidth(p.fonts, chip, chipSize) + 2 * chipPad;
      const std::string more = "+" + std::to_string(column.conversions.size() - i);
      if (x + width > right - (i + 1 < column.conversions.size() ? LineWidth(p.fonts, more, chipSize) + 8 * k : 0)) {
        p.Text(more, {x, chipTop + 3 * k}, chipSize, p.pal.inkSoft, 1e9f, {x, chipTop, right + 40 * k, chipTop + 22 * k});
        break;
      }
      const Rect r{x, chipTop, x + width, chipTop + chipSize * 1.5f};
      p.dl.AddRectFilled(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.labelFill, p.Rounding(r.Height() * 0.5f));
      p.dl.AddRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.gridLine, p.Rounding(r.Height() * 0.5f));
      p.Text(chip, {r.x0 + chipPad, r.y0 + chipSize * 0.2f}, chipSize, p.pal.inkSoft, 1e9f, r);
      x = r.x1 + 6 * k;
    }
  }
  // Column separators and the strip's lower edge, as the grid's lines.
  const float thin = std::max(1.0f, p.Px(1)) * p.pal.lineScale;
  for (const FunnelColumn& column : strip.columns)
    p.dl.AddLine(p.S(column.column.x0, strip.rect.y0), p.S(column.column.x0, strip.rect.y1), p.pal.gridLine, thin);
  p.dl.AddLine(p.S(strip.rect.x1, strip.rect.y0), p.S(strip.rect.x1, strip.rect.y1), p.pal.gridLine, thin);
  p.dl.AddLine(p.S(strip.rect.x0, strip.rect.y0), p.S(strip.rect.x0, strip.rect.y1), p.pal.gridLine, thin);
  p.dl.AddLine(p.S(strip.rect.x0, strip.rect.y1), p.S(strip.rect.x1, strip.rect.y1), p.pal.gridLine, thin);
}

// [SECTION] Lane prompts: a faint question in each empty cell, on screen only

void DrawLanePrompts(const Painter& p, const Board& board, const Layout& layout, std::vector<DrawnPrompt>* drawn) {
  // About 12 px on screen when zoomed out (a fitted board at 1080p), within 15 to 24 board units;
  // too small to read is not drawn at all (no grey bars: a prompt is not content).
  const float minPx = std::max(9.0f, kMinReadablePx);
  const float wanted = std::clamp(12 / p.camera.zoom, kPromptUnits, 1.6f * kPromptUnits);
  if (p.Px(wanted) < minPx) return;
  const ImU32 faint = (p.pal.inkSoft & 0x00ffffff) | 0x80000000;
  thread_local std::vector<LineRun> lines;
  for (const CellPrompt& prompt : CellPrompts(board, layout)) {
    if (!p.Visible(prompt.box)) continue;
    const std::string text = prompt.text;
    float size = wanted;  // smaller until the whole question fits the cell, while still readable
    Painter::WrapLines(p.fonts, text, size, prompt.box.Width(), &lines);
    while (float(lines.size()) * size * 1.2f > prompt.box.Height() && p.Px(size * 0.85f) >= minPx) {
      size *= 0.85f;
      Painter::WrapLines(p.fonts, text, size, prompt.box.Width(), &lines);
    }
    if (float(lines.size()) * size * 1.2f > prompt.box.Height()) continue;  // a cell too short for it
    if (board.lanes[size_t(prompt.lane)].kind == LaneKind::Emotions) {
      // The level lines would strike the question through: a plate of cell colour behind it.
      ImFont* font = p.fonts.ForPixelSize(p.Px(size));
      float width = 0;
      for (const auto& line : lines) width = std::max(width, font->CalcTextSizeA(size, 1e9f, 0, line.first, line.second).x);
      const Rect plate{prompt.box.x0 - 4, prompt.box.y0 - 2, std::min(prompt.box.x0 + width + 4, prompt.box.x1),
                       prompt.box.y0 + float(lines.size()) * size * 1.2f + 2};
      p.dl.AddRectFilled(p.S(plate.x0, plate.y0), p.S(plate.x1, plate.y1), (p.pal.cellFill & 0x00ffffff) | 0xd0000000,
                         p.Rounding(4));
    }
    p.Lines(lines, {prompt.box.x0, prompt.box.y0}, size, faint, prompt.box);
    if (drawn) drawn->push_back({prompt.stage, prompt.lane, prompt.text, p.camera.ToScreen(prompt.box)});
  }
}

// [SECTION] Sketches: frames and highlighter under the notes; ink, arrows and free text over them

ImU32 Ink(Rgb rgb, int alpha) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

constexpr int kHighlighterAlpha = 90;  // translucent: the notes and text under it still read

// A polyline of fixed board-space width (so it looks the same at every zoom and in exports), with
// round ends; a single point is a dot. Points closer than a pixel and a half to the last one kept
// are left out: zoomed out, a stroke of forty points is a handful of pixels, and under llvmpipe
// the vertices, not the pixels, are what thousands of strokes cost.
void DrawInkLine(const Camera& camera, ImDrawList& dl, const std::vector<Vec2>& points, ImU32 color, float width) {
  if (points.empty()) return;
  thread_local std::vector<ImVec2> screen;
  screen.clear();
  for (size_t i = 0; i < points.size(); ++i) {
    const ImVec2 point = V(camera.ToScreen(points[i]));
    const bool last = i + 1 == points.size();
    if (!screen.empty() && !last) {
      const float dx = point.x - screen.back().x, dy = point.y - screen.back().y;
      if (dx * dx + dy * dy < 1.5f * 1.5f) continue;
    }
    screen.push_back(point);
  }
  const float px = std::max(1.0f, width * camera.zoom);
  if (screen.size() > 1) dl.AddPolyline(screen.data(), int(screen.size()), color, ImDrawFlags_None, px);
  if (px >= 3) {
    dl.AddCircleFilled(screen.front(), px * 0.5f, color);
    if (screen.size() > 1) dl.AddCircleFilled(screen.back(), px * 0.5f, color);
  }
}

void DrawInkLine(const Painter& p, const std::vector<Vec2>& points, ImU32 color, float width) {
  DrawInkLine(p.camera, p.dl, points, color, width);
}

void DrawFrames(const Painter& p, const Board& board) {
  for (const Frame& frame : board.frames) {
    if (!p.Visible(frame.rect)) continue;
    const Rgb rgb = frame.color ? frame.color : 0x64748b;
    const ImVec2 a = p.S(frame.rect.x0, frame.rect.y0), b = p.S(frame.rect.x1, frame.rect.y1);
    p.dl.AddRectFilled(a, b, Ink(rgb, 24), p.Rounding(18));
    p.dl.AddRect(a, b, Ink(rgb, 190), p.Rounding(18), 0, std::max(1.0f, p.Px(2.5f)));
    if (!frame.title.empty())
      p.Text(frame.title, {frame.rect.x0 + 18, frame.rect.y0 + 12}, 24, Ink(rgb, 255), frame.rect.Width() - 36,
             frame.rect, true);
  }
}

void DrawStrokes(const Painter& p, const Board& board, const Layout& layout, bool highlighter) {
  thread_local std::vector<Vec2> points;
  for (size_t i = 0; i < board.strokes.size(); ++i) {
    const Stroke& stroke = board.strokes[i];
    if (stroke.highlighter != highlighter) continue;
    const StrokeGeometry* cached = StrokeOf(layout, board, i);
    const std::vector<Vec2>* shown = &points;
    if (cached) {  // the layout's, worked out once for every frame that shows it
      if (!cached->shown || !p.Visible(cached->bounds)) continue;
      shown = &cached->points;
    } else if (!StrokeShown(StrokePoints(board, layout, stroke, &points)) ||
               !p.Visible(StrokeBounds(points, stroke.width))) {
      continue;
    }
    DrawInkLine(p, *shown, Ink(stroke.color, highlighter ? kHighlighterAlpha : 255), stroke.width);
  }
}

void DrawArrow(const Painter& p, const Arrow& arrow, const ArrowGeometry& geometry) {
  const ImU32 color = Ink(arrow.color, 255);
  DrawInkLine(p, geometry.path, color, kArrowStyle.lineWidth);
  for (const auto& [shown, head] : {std::pair{geometry.headAtStart, geometry.startHead},
                                    std::pair{geometry.headAtEnd, geometry.endHead}})
    if (shown) p.dl.AddTriangleFilled(p.S(head[0]), p.S(head[1]), p.S(head[2]), color);
  // Too small to read: no label (each one clips, so each is a draw call of its own).
  const float size = 16;
  if (arrow.label.empty() || p.Px(size) < kMinReadablePx) return;
  const float width = TextWidth(p.fonts, arrow.label, size) + 12;
  const Rect plate{geometry.labelAnchor.x - width * 0.5f, geometry.labelAnchor.y - size * 0.75f,
                   geometry.labelAnchor.x + width * 0.5f, geometry.labelAnchor.y + size * 0.75f};
  p.dl.AddRectFilled(p.S(plate.x0, plate.y0), p.S(plate.x1, plate.y1), p.pal.cellFill, p.Rounding(6));
  p.Text(arrow.label, {plate.x0 + 6, plate.y0 + size * 0.15f}, size, color, width - 12, plate);
}

void DrawArrows(const Painter& p, const Board& board, const Layout& layout, PersonaId personaFilter) {
  if (board.arrows.empty()) return;
  thread_local ArrowGeometry computed;
  std::optional<NoteBoxIndex> index;  // only when the layout has no geometry for this board
  for (size_t i = 0; i < board.arrows.size(); ++i) {
    const ArrowGeometry* geometry = ArrowOf(layout, board, i);
    if (!geometry) {
      if (!index) index.emplace(layout);
      ArrowPath(board, layout, board.arrows[i], &computed, &*index);
      geometry = &computed;
    }
    if (!geometry->shown || !p.Visible(geometry->bounds)) continue;
    const int first = p.dl.VtxBuffer.Size;
    DrawArrow(p, board.arrows[i], *geometry);
    if (!ArrowShownForPersona(board, board.arrows[i], personaFilter)) FadeVertices(p.dl, first);
  }
}

void DrawTextLabels(const Painter& p, const Board& board) {
  for (const TextLabel& label : board.labels) {
    if (p.Px(label.size) < kMinReadablePx) continue;
    const Rect clip{label.pos.x, label.pos.y, label.pos.x + 1e6f, label.pos.y + 1e6f};
    p.Text(label.text, label.pos, label.size, label.color ? Ink(label.color, 255) : p.pal.ink, 1e6f, clip, true);
  }
}

// [SECTION] Notes

Rgb NoteColor(const Board& board, const Note& note) {
  if (note.color) return note.color;
  if (const Lane* lane = note.IsFree() ? nullptr : board.FindLane(note.lane))
    return lane->color ? lane->color : LaneKindNoteColor(lane->kind);
  return LaneKindNoteColor(LaneKind::Custom);
}

void DrawVotes(const Painter& p, const Note& note, const Rect& r);

// Face down: the note's colour, a quiet pattern and a "?" in its own darker tint; nothing of what
// it says (text, footer, severity, due date).
void DrawCoveredNote(const Painter& p, const Board& board, const Note& note, const Rect& r) {
  const Rgb color = NoteColor(board, note);
  const ImU32 mark = ToColor(Darker(color, 0.86f));
  if (p.Px(18) >= 6) {
    for (float y = r.y0 + 12; y < r.y1 - 8; y += 18)
      for (float x = r.x0 + 12 + (int((y - r.y0) / 18) % 2) * 9; x < r.x1 - 8; x += 18)
        p.dl.AddCircleFilled(p.S(x, y), p.Px(2), mark);
  }
  const float size = std::min(40.0f, r.Height() * 0.6f);
  const Rect box{r.x0, (r.y0 + r.y1 - size * 1.2f) * 0.5f, r.x1, (r.y0 + r.y1 + size * 1.2f) * 0.5f};
  p.Text("?", {box.x0, box.y0}, size, ToColor(Darker(color, 0.72f)), 1e9f, box, true, true);
  DrawVotes(p, note, r);
}

void DrawNoteBody(const Painter& p, const Board& board, const Note& note, const NoteBox& box, Vec2 offset,
                  const std::string& today, bool hideText = false, size_t firstLine = 0, bool covered = false) {
  const Rect r{box.rect.x0 + offset.x, box.rect.y0 + offset.y, box.rect.x1 + offset.x, box.rect.y1 + offset.y};
  const float rounding = p.Rounding(kNoteRounding);
  if (p.Px(3) >= 1.0f && (p.pal.shadow & IM_COL32_A_MASK)) {
    // The shadow is the note's shape moved (d / 2, d); only a strip under the note and one down
    // its right side show (the rest lies under the opaque note), so only they are filled: each
    // shadow pixel is a blended fill, and a whole note's worth of them cost as much as the note.
    const float d = 3, corner = rounding > 0 ? kNoteRounding : 0;
    const Rect shadow{r.x0 + d * 0.5f, r.y0 + d, r.x1 + d * 0.5f, r.y1 + d};
    // A shadow under 4 px has no anti-aliased edge: at its faint alpha a pixel's coverage moves
    // it by a few percent, and the fringe was two thirds of its triangles.
    const bool fringe = p.Px(d) >= 4;
    p.CrispRect(p.S(shadow.x0, r.y1 - corner), p.S(shadow.x1, shadow.y1), p.pal.shadow, rounding,
                ImDrawFlags_RoundCornersBottom, kUnderNotes, fringe);
    p.CrispRect(p.S(r.x1 - corner, shadow.y0), p.S(shadow.x1, r.y1 - corner), p.pal.shadow, rounding,
                ImDrawFlags_RoundCornersTopRight, kUnderNotes, fringe);
  }
  p.ToLayer(kNoteBodies);
  p.CrispRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.NoteFill(NoteColor(board, note)), rounding,
              ImDrawFlags_RoundCornersAll, kNoteEdges);
  p.ToLayer(kNoteEdges);
  if (p.pal.noteOutlinePx > 0)  // a projector washes pale notes into the cells: outline them
    p.dl.AddRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.noteOutline, rounding, 0, p.pal.noteOutlinePx);
  p.ToLayer(kOverNotes);
  if (covered) {
    DrawCoveredNote(p, board, note, r);
    return;
  }

  if (!note.text.empty() && !hideText && !box.text.lines.empty()) {
    thread_local std::vector<LineRun> lines;
    thread_local std::vector<std::string> marked;  // a clipped note's lines, with their "…"
    lines.clear();
    const Rect textBox{box.textBox.x0 + offset.x, box.textBox.y0 + offset.y, box.textBox.x1 + offset.x,
                       box.textBox.y1 + offset.y};
    // Clipped to the pixels drawn, widened by a line (a line that reaches in is drawn whole; its
    // level-of-detail bar is drawn only where the clip holds all of it), so a note across an
    // export's tiles submits each glyph once or twice rather than all of them in every tile.
    const Vec2 drawnFrom = p.camera.ToWorld({p.drawn.x0, p.drawn.y0}), drawnTo = p.camera.ToWorld({p.drawn.x1, p.drawn.y1});
    const float reach = box.text.size * 1.2f + 1 / p.camera.zoom;
    const Rect textClip{std::max(textBox.x0, drawnFrom.x - reach), std::max(textBox.y0, drawnFrom.y - reach),
                        std::min(textBox.x1, drawnTo.x + reach), std::min(textBox.y1, drawnTo.y + reach)};
    if (box.text.Clipped() || firstLine > 0) {
      marked = ShownLineTexts(note.text, box.text, firstLine, textBox.Width(), p.fonts);
      for (const std::string& line : marked) lines.push_back({line.data(), line.data() + line.size()});
    } else {
      for (size_t k = 0; k < box.text.lines.size(); ++k)
        lines.push_back({note.text.data() + box.text.lines[k].first, note.text.data() + box.text.lines[k].second,
                         box.text.Hyphen(k)});
    }
    if (textClip.x0 < textClip.x1 && textClip.y0 < textClip.y1)
      p.Lines(lines, {textBox.x0, textBox.y0}, box.text.size, p.pal.noteInk, textClip);
  }
  // Footer: touchpoint data, then owner, due date and tags (an overdue date in red).
  const NoteFooter footer = MakeNoteFooter(note);
  if (footer.Lines() > 0) {
    const float pad = kMetrics.notePadding, line = kMetrics.noteFooter;
    float y = r.y1 - pad - footer.Lines() * line;
    for (const std::string* text : {&footer.touchpoint, &footer.action}) {
      if (text->empty()) continue;
      Rect box{r.x0 + pad, y, r.x1 - pad, y + line};
      bool late = text == &footer.action && IsOverdue(note, today);
      p.Text(*text, {box.x0, box.y0 + 1}, 12, late ? p.pal.pain : p.pal.noteInkSoft, 1e9f, box,
             text == &footer.touchpoint);
      y += line;
    }
  }
  // Severity of a pain or delight: one to three marks in the top-left corner.
  if (note.severity > 0 && p.Px(4) >= 1.0f) {
    const Lane* lane = note.IsFree() ? nullptr : board.FindLane(note.lane);
    ImU32 color = lane && lane->kind == LaneKind::Delights ? p.pal.delight : p.pal.pain;
    for (int i = 0; i < std::min(note.severity, 3); ++i)
      p.dl.AddTriangleFilled(p.S(r.x0 + 4 + i * 10.0f, r.y0 + 2), p.S(r.x0 + 12 + i * 10.0f, r.y0 + 2),
                             p.S(r.x0 + 8 + i * 10.0f, r.y0 + 9), color);
  }
  if (IsOverdue(note, today) && p.Px(4) >= 1.0f) {
    p.dl.AddRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.pain, p.Rounding(kNoteRounding), 0, std::max(1.0f, p.Px(2)));
  }
  DrawVotes(p, note, r);
}

void DrawVotes(const Painter& p, const Note& note, const Rect& r) {
  if (note.votes <= 0 || p.Px(4) < 1.0f) return;
  if (note.votes <= kMaxVoteDots) {
    for (int v = 0; v < note.votes; ++v) p.dl.AddCircleFilled(p.S(r.x1 - 10 - v * 11.0f, r.y0 - 2), p.Px(4.5f), p.pal.vote);
    return;
  }
  // Past a few dots nobody counts them: a badge with the number, on the note's top edge.
  char count[16];
  std::snprintf(count, sizeof count, "%d", note.votes);
  const float radius = note.votes >= 100 ? 22 : 16;
  const Vec2 centre{r.x1 - radius - 4, r.y0};
  p.dl.AddCircleFilled(p.S(centre), p.Px(radius + 2), IM_COL32(255, 255, 255, 255));
  p.dl.AddCircleFilled(p.S(centre), p.Px(radius), p.pal.vote);
  const float size = 19;
  const Rect box{centre.x - radius - 4, centre.y - size * 0.6f, centre.x + radius + 4, centre.y + size * 0.6f};
  p.Text(count, {box.x0, box.y0}, size, IM_COL32(255, 255, 255, 255), 1e9f, box, true, true);
}

void DrawPlaceholder(const Painter& p, const Rect& r) {
  ImU32 color = IM_COL32(58, 80, 200, 140);
  p.dl.AddRectFilled(p.S(r.x0, r.y0), p.S(r.x1, r.y1), IM_COL32(58, 80, 200, 24), p.Rounding(kNoteRounding));
  p.dl.AddRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), color, p.Rounding(kNoteRounding), 0, std::max(1.0f, p.Px(2)));
}

// A find match: a halo behind the note, wide enough to see on a fitted board (at least a few
// pixels), in a colour no lane kind uses. One filled rect per match, so thousands cost nothing.
float FoundHaloPad(const Camera& camera, bool current) {
  return std::max(current ? 6.0f : 4.0f, camera.zoom * (current ? 14.0f : 9.0f)) / camera.zoom;
}

void DrawFoundHalo(const Painter& p, const Rect& r, bool current) {
  const float pad = FoundHaloPad(p.camera, current);
  const ImU32 color = current ? IM_COL32(255, 110, 0, 255) : IM_COL32(255, 200, 0, 235);
  p.dl.AddRectFilled(p.S(r.x0 - pad, r.y0 - pad), p.S(r.x1 + pad, r.y1 + pad), color, p.Rounding(kNoteRounding + pad));
}

// [SECTION] Persona cards

// `k` scales the card's every size and place (Room view draws it larger, Lettering::personaScale).
void DrawPersona(const Painter& p, const Persona& persona, const Rect& card, const std::string& language, float k) {
  if (!p.Visible(card)) return;
  const float rounding = p.Rounding(12 * k);
  if (p.Px(4 * k) >= 1.0f)
    p.dl.AddRectFilled(p.S(card.x0 + 2 * k, card.y0 + 4 * k), p.S(card.x1 + 2 * k, card.y1 + 4 * k), p.pal.shadow,
                       rounding);
  p.dl.AddRectFilled(p.S(card.x0, card.y0), p.S(card.x1, card.y1), IM_COL32(255, 255, 255, 255), rounding);
  p.dl.AddRectFilled(p.S(card.x0, card.y0), p.S(card.x1, card.y0 + 8 * k), IM_COL32(58, 80, 200, 255), rounding,
                     ImDrawFlags_RoundCornersTop);
  if (p.pal.noteOutlinePx > 0)  // outlined as the notes are: white on the projector's white board
    p.dl.AddRect(p.S(card.x0, card.y0), p.S(card.x1, card.y1), p.pal.noteOutline, rounding, 0, p.pal.noteOutlinePx);
  // Avatar: a circle with the initial.
  Vec2 avatar{card.x0 + 44 * k, card.y0 + 52 * k};
  p.dl.AddCircleFilled(p.S(avatar), p.Px(26 * k), IM_COL32(214, 222, 250, 255));
  if (!persona.name.empty()) {
    int len = 1;
    unsigned char c0 = static_cast<unsigned char>(persona.name[0]);
    if (c0 >= 0xC0) len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
    Rect box{avatar.x - 26 * k, avatar.y - 14 * k, avatar.x + 26 * k, avatar.y + 16 * k};
    p.Text(persona.name.substr(0, len), {box.x0, box.y0}, 24 * k, IM_COL32(58, 80, 200, 255), 1e9f, box, true, true);
  }
  const float x0 = card.x0 + 20 * k, width = card.Width() - 40 * k;
  Rect head{card.x0 + 82 * k, card.y0 + 30 * k, card.x1 - 16 * k, card.y0 + 84 * k};
  p.Text(persona.name, {head.x0, head.y0}, 22 * k, p.pal.noteInk, head.Width(), head, true);
  Rect inner{x0, card.y0 + 90 * k, card.x1 - 20 * k, card.y1 - 14 * k};
  float y = inner.y0;
  auto section = [&](const char* title, const std::string& body, float size) {
    if (body.empty() || y >= inner.y1) return;
    size *= k;
    if (title) {
      p.Text(title, {x0, y}, 12 * k, IM_COL32(58, 80, 200, 255), 1e9f, inner, true);
      y += 16 * k;
    }
    thread_local std::vector<LineRun> lines;
    Painter::WrapLines(p.fonts, body, size, width, &lines);
    p.Lines(lines, {x0, y}, size, p.pal.noteInk, inner);
    y += lines.size() * size * 1.2f + 10 * k;
  };
  section(nullptr, persona.description, Lettering::kPersonaTextSize);
  // The portrait's filled parts, one "label: value" each, labels in the board's language.
  std::string income;
  if (persona.income) {
    char amount[32];
    std::snprintf(amount, sizeof amount, "%.0f", double(*persona.income));
    income = amount + (persona.currency.empty() ? "" : " " + persona.currency);
  } else if (!persona.currency.empty()) {
    income = persona.currency;
  }
  const std::pair<BoardPhrase, const std::string*> portrait[] = {
      {BoardPhrase::PersonaAge, &persona.age},           {BoardPhrase::PersonaGender, &persona.gender},
      {BoardPhrase::PersonaFamily, &persona.family},     {BoardPhrase::PersonaHome, &persona.home},
      {BoardPhrase::PersonaOccupation, &persona.occupation}, {BoardPhrase::PersonaIncome, &income},
      {BoardPhrase::PersonaStatus, &persona.status},     {BoardPhrase::PersonaFreeTime, &persona.freeTime},
      {BoardPhrase::PersonaDecides, &persona.decides},   {BoardPhrase::PersonaBlockers, &persona.blockers},
      {BoardPhrase::PersonaIfUnsolved, &persona.ifUnsolved}, {BoardPhrase::PersonaCompetitors, &persona.competitors}};
  for (const auto& [phrase, value] : portrait)
    if (!value->empty()) section(nullptr, std::string(BoardTextIn(language, phrase)) + ": " + *value, 13);
  // Headings in the board's language.
  section(BoardTextIn(language, BoardPhrase::PersonaGoals), persona.goals, Lettering::kPersonaTextSize);
  section(BoardTextIn(language, BoardPhrase::PersonaNeeds), persona.needs, Lettering::kPersonaTextSize);
  section(BoardTextIn(language, BoardPhrase::PersonaPains), persona.pains, Lettering::kPersonaTextSize);
  section(BoardTextIn(language, BoardPhrase::PersonaObjections), persona.objections, Lettering::kPersonaTextSize);
  section(BoardTextIn(language, BoardPhrase::PersonaChannels), persona.channels, Lettering::kPersonaTextSize);
  if (!persona.quote.empty()) section(nullptr, "“" + persona.quote + "”", 15);
}

}  // namespace

// [SECTION] Palettes: the light one is the board's own (and every export's unless a theme is asked for)

ImU32 BoardPalette::NoteFill(Rgb rgb) const {
  if (noteSaturation == 1) return ToColor(rgb);
  float r = ((rgb >> 16) & 0xff) / 255.0f, g = ((rgb >> 8) & 0xff) / 255.0f, b = (rgb & 0xff) / 255.0f, h, s, v;
  ImGui::ColorConvertRGBtoHSV(r, g, b, h, s, v);
  ImGui::ColorConvertHSVtoRGB(h, std::min(1.0f, s * noteSaturation), v, r, g, b);
  return IM_COL32(int(r * 255 + 0.5f), int(g * 255 + 0.5f), int(b * 255 + 0.5f), 255);
}

const BoardPalette& LightPalette() {
  static const BoardPalette palette;
  return palette;
}

const BoardPalette& DarkPalette() {
  static const BoardPalette palette = [] {
    BoardPalette dark;
    dark.background[0] = 0.118f, dark.background[1] = 0.125f, dark.background[2] = 0.145f;
    dark.ink = IM_COL32(226, 230, 238, 255);
    dark.inkSoft = IM_COL32(160, 168, 182, 255);
    dark.gridLine = IM_COL32(70, 76, 90, 255);
    dark.cellFill = IM_COL32(40, 44, 52, 255);
    dark.labelFill = IM_COL32(50, 55, 65, 255);
    dark.headerFill = IM_COL32(62, 84, 136, 255);
    dark.shadow = IM_COL32(0, 0, 0, 90);
    dark.vote = IM_COL32(120, 146, 255, 255);
    return dark;
  }();
  return palette;
}

const BoardPalette& ProjectorPalette() {
  static const BoardPalette palette = [] {
    BoardPalette projector;
    projector.background[0] = projector.background[1] = projector.background[2] = 1.0f;
    projector.ink = projector.noteInk = IM_COL32(0, 0, 0, 255);
    projector.inkSoft = projector.noteInkSoft = IM_COL32(20, 20, 20, 255);
    projector.gridLine = IM_COL32(40, 40, 40, 255);
    projector.cellFill = IM_COL32(255, 255, 255, 255);
    projector.labelFill = IM_COL32(255, 255, 255, 255);
    projector.headerFill = IM_COL32(0, 0, 0, 255);
    projector.shadow = IM_COL32(0, 0, 0, 0);
    projector.pain = IM_COL32(200, 0, 0, 255);
    projector.delight = IM_COL32(0, 130, 40, 255);
    projector.vote = IM_COL32(0, 40, 220, 255);
    projector.lineScale = 2.5f;
    projector.noteOutline = IM_COL32(0, 0, 0, 255);
    projector.noteOutlinePx = 2;
    projector.noteSaturation = 2.2f;
    return projector;
  }();
  return palette;
}

void BeginOffscreenDrawList(ImDrawList& drawList, ImDrawListSharedData& shared, const Fonts& fonts, int width,
                            int height) {
  shared.ClipRectFullscreen = {0, 0, float(width), float(height)};
  drawList._ResetForNewFrame();
  drawList.Flags = shared.InitialFlags | ImDrawListFlags_AllowVtxOffset;
  drawList.PushClipRect({0, 0}, {float(width), float(height)});
  drawList.PushTextureID(fonts.Ui()->ContainerAtlas->TexID);
}

void DrawStrokeLine(const std::vector<Vec2>& points, Rgb color, float width, bool highlighter, const Camera& camera,
                    ImDrawList& drawList) {
  DrawInkLine(camera, drawList, points, Ink(color, highlighter ? kHighlighterAlpha : 255), width);
}

Rect CellsBlock(const Layout& layout) {
  return {layout.stageX.front(), layout.laneY.front(), layout.stageX.back(), layout.laneY.back()};
}

bool CellsMayBeCleared(const Board& board, const Layout& layout) {
  const Rect cells = CellsBlock(layout);
  return std::none_of(board.frames.begin(), board.frames.end(),
                      [&](const Frame& frame) { return frame.rect.Overlaps(cells); });
}

namespace {

// The most any note in `box` reaches: NoteReach with a vote badge, from the layout alone.
Rect MostNoteReach(const NoteBox& box) { return {box.rect.x0 - 2, box.rect.y0 - 26, box.rect.x1 + 4, box.rect.y1 + 4}; }

}  // namespace

Rect NoteReach(const Note& note, const NoteBox& box) {
  // The badge's white ring reaches 24 above the top edge, a dot 6.5; an overdue outline 1.
  Rect reach = MostNoteReach(box);
  if (note.votes <= kMaxVoteDots) reach.y0 = box.rect.y0 - (note.votes > 0 ? 7 : 2);
  return reach;
}

void DrawBoard(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
               ImDrawList& drawList, const RenderOptions& options) {
  // A layout is only valid for the board it was computed from; never index past it.
  if (layout.notes.size() != board.notes.size() || layout.stageX.size() != board.stages.size() + 1 ||
      layout.laneY.size() != board.lanes.size() + 1 || layout.curves.size() != board.curves.size())
    return;
  Painter p{camera, fonts, drawList, options.visible.Grown(options.spill),
            options.palette ? *options.palette : LightPalette()};
  // A filter on a persona deleted since filters nothing.
  const PersonaId filter = board.FindPersona(options.personaFilter) ? options.personaFilter : PersonaId();
  if (options.pageAroundClearedCells && *options.pageAroundClearedCells != p.pal.cellFill)
    DrawPageAroundCells(p, layout, *options.pageAroundClearedCells);
  DrawFrames(p, board);
  DrawGrid(p, board, layout, options.pageAroundClearedCells.has_value());
  DrawFunnel(p, board, layout);
  DrawStrokes(p, board, layout, /*highlighter=*/true);
  DrawEmotionLane(p, board, layout, options.activeCurve,
                  PlacePointLabels(board, layout, camera.zoom, fonts, options.pointLabelMinPx), filter);
  // Over the emotions lane's level lines (a curve rarely crosses a cell with no point), under notes.
  if (options.promptsDrawn) options.promptsDrawn->clear();
  if (options.lanePrompts) DrawLanePrompts(p, board, layout, options.promptsDrawn);
  for (size_t i = 0; i < board.personas.size(); ++i)
    DrawPersona(p, board.personas[i], layout.personas[i], board.meta.language, layout.lettering.personaScale);
  // Notes in cells never overlap (the layout keeps a gap between them wider than a vote badge
  // rises), so they are drawn in layers (NoteLayer): all halos and shadows, all bodies, all the
  // bodies' edges, then all text and marks. GpuRenderer then draws the fills as one stretch without
  // the atlas, the bodies without blending, and the text as one textured run, instead of
  // alternating small runs (each change of program costs llvmpipe more than a note's fill). A free
  // note may lie over anything: it is drawn alone, in its order.
  thread_local ImDrawListSplitter layers;
  const Rect culled = options.visible.Grown(1);
  const float haloPad = options.found ? FoundHaloPad(camera, true) : 0;  // the largest halo
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const NoteBox& box = layout.notes[i];
    if (box.hidden) continue;
    // First by the most any note reaches, from the layout alone: the notes themselves (large
    // records) are read only for those near the view, so a zoomed-in frame of a 50,000-note board
    // costs what it shows.
    if (!camera.ToScreen(MostNoteReach(box).Grown(haloPad)).Overlaps(culled)) continue;
    const bool found = options.found && options.found->count(box.id.value);
    const Rect reach = NoteReach(board.notes[i], box);
    if (!camera.ToScreen(found ? reach.Grown(FoundHaloPad(camera, box.id == options.foundCurrent)) : reach)
             .Overlaps(culled))
      continue;
    if (board.notes[i].IsFree() == (p.layers != nullptr)) {
      if (p.layers) layers.Merge(&drawList);
      else layers.Split(&drawList, kNoteLayers);
      p.layers = p.layers ? nullptr : &layers;
    }
    p.ToLayer(kUnderNotes);
    if (found) DrawFoundHalo(p, box.rect, box.id == options.foundCurrent);
    if (options.placeholders && options.placeholders->count(box.id.value)) {
      DrawPlaceholder(p, box.rect);
      continue;
    }
    const bool editing = box.id == options.editing;  // its author sees what they type
    bool covered = board.notes[i].covered && !options.revealCovered && !editing;
    float flip = 1;  // the note's width, as a share of its own
    if (options.flipping) {
      if (auto it = options.flipping->find(box.id.value); it != options.flipping->end()) {
        const float progress = std::clamp(it->second, 0.0f, 1.0f);
        covered = progress < 0.5f;
        flip = std::abs(1 - 2 * progress);
      }
    }
    const int first = drawList.VtxBuffer.Size;
    p.drawn = flip < 1 ? kEverywhere : options.visible;  // a turning note is narrowed after it is drawn
    DrawNoteBody(p, board, board.notes[i], box, {0, 0}, options.today, false, editing ? options.editingFirstLine : 0,
                 covered);
    if (flip < 1) {
      const float centre = p.S((box.rect.x0 + box.rect.x1) * 0.5f, 0).x;
      TransformVertices(drawList, first, [centre, flip](ImVec2 v) { return ImVec2{centre + (v.x - centre) * flip, v.y}; });
    }
    if (!NoteShownForPersona(board.notes[i], filter)) FadeVertices(drawList, first);
  }
  if (p.layers) layers.Merge(&drawList);
  p.layers = nullptr;
  DrawStrokes(p, board, layout, /*highlighter=*/false);
  DrawArrows(p, board, layout, filter);
  DrawTextLabels(p, board);
}

void ListLanePrompts(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
                     const RenderOptions& options, std::vector<DrawnPrompt>* out) {
  out->clear();
  if (!options.lanePrompts || layout.stageX.size() != board.stages.size() + 1 ||
      layout.laneY.size() != board.lanes.size() + 1)
    return;
  ImDrawList scratch(ImGui::GetDrawListSharedData());
  scratch._ResetForNewFrame();
  scratch.PushClipRect({options.visible.x0, options.visible.y0}, {options.visible.x1, options.visible.y1});
  scratch.PushTextureID(fonts.Ui()->ContainerAtlas->TexID);
  Painter p{camera, fonts, scratch, options.visible, options.palette ? *options.palette : LightPalette()};
  DrawLanePrompts(p, board, layout, out);
}

std::string LocalDateIso() { return LocalDate(std::time(nullptr)); }

void DrawArrowOver(const Board& board, const Layout& layout, const Arrow& arrow, const Camera& camera, const Fonts& fonts,
                   ImDrawList& drawList, const BoardPalette* palette) {
  ArrowGeometry geometry;
  ArrowPath(board, layout, arrow, &geometry);
  Painter p{camera, fonts, drawList, camera.ToScreen(geometry.bounds), palette ? *palette : LightPalette()};
  DrawArrow(p, arrow, geometry);
}

void DrawNote(const Board& board, const Note& note, const NoteBox& box, Vec2 offset, const Camera& camera,
              const Fonts& fonts, ImDrawList& drawList, bool hideText, const BoardPalette* palette) {
  Rect r{box.rect.x0 + offset.x, box.rect.y0 + offset.y, box.rect.x1 + offset.x, box.rect.y1 + offset.y};
  Painter p{camera, fonts, drawList, camera.ToScreen(r), palette ? *palette : LightPalette()};
  DrawNoteBody(p, board, note, box, offset, {}, hideText, 0, note.covered && !hideText);
}

}  // namespace jb
