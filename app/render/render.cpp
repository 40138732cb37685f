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
#include "core/layout/lane_prompts.h"
#include "core/layout/board_text.h"
#include "core/layout/ink.h"
#include "core/layout/label_placement.h"
#include "core/model/clock.h"

namespace jb {

namespace {

// [SECTION] Palette and sizes (board units unless a name says px)

constexpr ImU32 kHiddenHeader = IM_COL32(112, 122, 142, 255);  // a hidden stage's header strip

constexpr float kNoteRounding = 6;
constexpr float kMinReadablePx = 4.5f;   // below this, text is drawn as grey bars
constexpr float kLabelSize = 13;         // an emotion point's label: text height,
constexpr float kLabelWidth = 180;       // the width it wraps to (both grow with pointLabelMinPx)
constexpr float kLabelMargin = 0.25f;    // and its margin, times its size

ImU32 ToColor(Rgb rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

ImVec2 V(Vec2 p) { return {p.x, p.y}; }

// The colour scaled toward black by `factor` (a covered note's marks: its own tint, never ink).
Rgb Darker(Rgb rgb, float factor) {
  auto channel = [&](int shift) { return Rgb(float((rgb >> shift) & 0xff) * factor) << shift; };
  return channel(16) | channel(8) | channel(0);
}

// Transforms the draw list's vertices from `first` on (what was drawn since): how a note flips
// and a name turns vertical, with the same glyphs and clipping as ever.
template <class Transform>
void TransformVertices(ImDrawList& dl, int first, Transform transform) {
  for (int i = first; i < dl.VtxBuffer.Size; ++i) dl.VtxBuffer[i].pos = transform(dl.VtxBuffer[i].pos);
}

// What the persona filter dims keeps this share of its opacity: still there, plainly set aside.
constexpr float kDimmedOpacity = 0.22f;

void FadeVertices(ImDrawList& dl, int first) {
  for (int i = first; i < dl.VtxBuffer.Size; ++i) {
    ImU32& col = dl.VtxBuffer[i].col;
    const ImU32 alpha = (col >> IM_COL32_A_SHIFT) & 0xff;
    col = (col & ~IM_COL32_A_MASK) | (ImU32(float(alpha) * kDimmedOpacity + 0.5f) << IM_COL32_A_SHIFT);
  }
}

// [SECTION] Text: wrapped once in board units, drawn with the baked size that fits the zoom

// One line to draw: its bytes, and whether a word broken there shows a hyphen after it.
struct LineRun {
  const char* first;
  const char* second;
  bool hyphen = false;
};

constexpr Rect kEverywhere{-1e30f, -1e30f, 1e30f, 1e30f};

struct Painter {
  const Camera& camera;
  const Fonts& fonts;
  ImDrawList& dl;
  Rect visible;
  const BoardPalette& pal;
  // When set, a note's fills go to channel 0 and what is drawn over them to channel 1 (DrawBoard).
  ImDrawListSplitter* layers = nullptr;
  // The pixels this list lands in (RenderOptions::visible): a note's text is clipped to it.
  Rect drawn = kEverywhere;

  float Px(float units) const { return units * camera.zoom; }
  ImVec2 S(Vec2 p) const { return V(camera.ToScreen(p)); }
  ImVec2 S(float x, float y) const { return S(Vec2{x, y}); }
  bool Visible(const Rect& r) const { return camera.ToScreen(r).Overlaps(visible); }
  // Rounding and shadows cost vertices and fill; skip them when they would be under a pixel.
  // Rounding under 2 px is skipped too: a rounded rectangle is ~60 triangles with an anti-aliased
  // fringe, blended, where a square one is 2 and opaque, and corners that small are a pixel or two
  // each. A 3840-px export of the 10,000-note board (notes ~40 px wide): render 262 → 141 ms.
  float Rounding(float units) const { return Px(units) >= 2.0f ? Px(units) : 0.0f; }

  // AddRectFilled with `rounding` px corners, but a corner under 5 px is one straight cut, its legs
  // 0.655 × the radius so that it takes off the arc's area: it stays within 0.058 × the radius of
  // the arc (under 0.3 px, ImGui's own tessellation tolerance), where ImGui gives such a corner two
  // or three segments. A note of 3 px corners with its anti-aliased fringe is 22 triangles, not 34.
  // `fringe` false leaves out that fringe (a triangle pair per vertex of the shape).
  void RoundedRect(ImVec2 a, ImVec2 b, ImU32 color, float rounding,
                   ImDrawFlags corners = ImDrawFlags_RoundCornersAll, bool fringe = true) const {
    constexpr float kCutBelowPx = 5, kLegs = 0.655f;
    const ImDrawListFlags flags = dl.Flags;
    if (!fringe) dl.Flags &= ~ImDrawListFlags_AntiAliasedFill;
    // Clamped as ImGui clamps it, so the corners it keeps round stay the same size.
    const bool wholeTop = (corners & ImDrawFlags_RoundCornersTop) == ImDrawFlags_RoundCornersTop;
    const bool wholeBottom = (corners & ImDrawFlags_RoundCornersBottom) == ImDrawFlags_RoundCornersBottom;
    const bool wholeLeft = (corners & ImDrawFlags_RoundCornersLeft) == ImDrawFlags_RoundCornersLeft;
    const bool wholeRight = (corners & ImDrawFlags_RoundCornersRight) == ImDrawFlags_RoundCornersRight;
    rounding = std::min(rounding, (b.x - a.x) * (wholeTop || wholeBottom ? 0.5f : 1.0f) - 1);
    rounding = std::min(rounding, (b.y - a.y) * (wholeLeft || wholeRight ? 0.5f : 1.0f) - 1);
    if (rounding < 0.5f || rounding >= kCutBelowPx) {
      dl.AddRectFilled(a, b, color, rounding >= 0.5f ? rounding : 0, corners);
    } else {
      const float legs = rounding * kLegs;
      // Clockwise from the top-left, as ImGui's PathRect: its fringe is drawn outward of that order.
      auto corner = [&](ImDrawFlags which, ImVec2 at, ImVec2 in, ImVec2 out) {
        if (!(corners & which)) return dl.PathLineTo(at);
        dl.PathLineTo({at.x + in.x * legs, at.y + in.y * legs});
        dl.PathLineTo({at.x + out.x * legs, at.y + out.y * legs});
      };
      corner(ImDrawFlags_RoundCornersTopLeft, a, {0, 1}, {1, 0});
      corner(ImDrawFlags_RoundCornersTopRight, {b.x, a.y}, {-1, 0}, {0, 1});
      corner(ImDrawFlags_RoundCornersBottomRight, b, {0, -1}, {-1, 0});
      corner(ImDrawFlags_RoundCornersBottomLeft, {a.x, b.y}, {1, 0}, {0, -1});
      dl.PathFillConvex(color);
    }
    dl.Flags = flags;
  }

  // Line breaks come from core's WrapText with the reference font's metrics, so wrapping is
  // identical at every zoom and in exports.
  static void WrapLines(const GlyphMetrics& glyphs, const std::string& text, float size, float width,
                        std::vector<LineRun>* lines) {
    lines->clear();
    const WrappedText wrapped = WrapText(glyphs, text, size, width);
    for (size_t k = 0; k < wrapped.lines.size(); ++k)
      lines->push_back({text.data() + wrapped.lines[k].first, text.data() + wrapped.lines[k].second, wrapped.Hyphen(k)});
  }

  // Draws pre-wrapped lines from `topLeft` (board units), clipped to `clip` (board units).
  void Lines(const std::vector<LineRun>& lines, Vec2 topLeft, float size,
             ImU32 color, const Rect& clip, bool bold = false, bool centred = false) const {
    const float px = Px(size);
    const float lineHeight = size * 1.2f;
    Rect clipPx = camera.ToScreen(clip);
    ImVec4 clipRect{clipPx.x0, clipPx.y0, clipPx.x1, clipPx.y1};
    float y = topLeft.y;
    if (px < kMinReadablePx) {  // level of detail: a grey bar per line
      for (const auto& line : lines) {
        if (y + lineHeight > clip.y1 + 0.01f) break;
        float w = std::min(float(line.second - line.first) * size * 0.52f, clip.x1 - topLeft.x);
        float x = centred ? (clip.x0 + clip.x1 - w) * 0.5f : topLeft.x;
        if (px >= 1.0f) dl.AddRectFilled(S(x, y + size * 0.3f), S(x + w, y + size * 0.9f), (color & 0x00ffffff) | 0x50000000);
        y += lineHeight;
      }
      return;
    }
    ImFont* font = fonts.ForPixelSize(px, bold);
    for (const auto& line : lines) {
      if (y > clip.y1) break;
      float x = topLeft.x;
      const float w = centred || line.hyphen ? font->CalcTextSizeA(size, 1e9f, 0, line.first, line.second).x : 0;
      const float hyphen = line.hyphen ? font->CalcTextSizeA(size, 1e9f, 0, "-").x : 0;
      if (centred) x = (clip.x0 + clip.x1 - w - hyphen) * 0.5f;
      dl.AddText(font, px, S(x, y), color, line.first, line.second, 0, &clipRect);
      if (line.hyphen) dl.AddText(font, px, S(x + w, y), color, "-", nullptr, 0, &clipRect);
      y += lineHeight;
    }
  }

  void Text(const std::string& text, Vec2 topLeft, float size, ImU32 color, float width, const Rect& clip,
            bool bold = false, bool centred = false) const {
    thread_local std::vector<LineRun> lines;
    if (bold) WrapLines(fonts.BoldGlyphs(), text, size, width, &lines);
    else WrapLines(fonts, text, size, width, &lines);
    Lines(lines, topLeft, size, color, clip, bold, centred);
  }

  // One line of text read top to bottom, from `top` down at most `length` units, centred on x.
  void VerticalText(const std::string& text, Vec2 top, float size, ImU32 color, float length) const {
    const int first = dl.VtxBuffer.Size;
    const Rect box{top.x, top.y - size * 0.6f, top.x + length, top.y + size * 0.6f};  // laid out across...
    Text(text, {box.x0, box.y0}, size, color, 1e9f, box, true);
    const ImVec2 pivot = S(top);  // ...then turned a quarter clockwise about its start
    TransformVertices(dl, first, [pivot](ImVec2 v) { return ImVec2{pivot.x - (v.y - pivot.y), pivot.y + (v.x - pivot.x)}; });
  }

  // Diagonal hatching over `r`: where something is hidden.
  void Hatch(const Rect& r, ImU32 fill, ImU32 line) const {
    dl.AddRectFilled(S(r.x0, r.y0), S(r.x1, r.y1), fill);
    const float step = 14;
    if (Px(step) < 4) return;  // too fine to see: the fill says it
    const ImVec2 a = S(r.x0, r.y0), b = S(r.x1, r.y1);
    dl.PushClipRect(a, b, true);
    const float thin = std::max(1.0f, Px(1.5f));
    for (float x = r.x0 - r.Height(); x < r.x1; x += step) dl.AddLine(S(x, r.y1), S(x + r.Height(), r.y0), line, thin);
    dl.PopClipRect();
  }

  // An eye with a slash through it: the mark of a hidden stage or lane.
  void EyeSlash(Vec2 centre, float radius, ImU32 color) const {
    const float r = Px(radius);
    if (r < 3) return;
    const ImVec2 c = S(centre);
    const float stroke = std::max(1.0f, r * 0.16f);
    const float pi = 3.14159265f;
    dl.PathArcTo({c.x, c.y + r * 0.9f}, r * 1.35f, -pi * 0.79f, -pi * 0.21f, 12);  // upper lid
    dl.PathStroke(color, 0, stroke);
    dl.PathArcTo({c.x, c.y - r * 0.9f}, r * 1.35f, pi * 0.21f, pi * 0.79f, 12);  // lower lid
    dl.PathStroke(color, 0, stroke);
    dl.AddCircleFilled(c, r * 0.3f, color);
    dl.AddLine({c.x - r * 0.9f, c.y + r * 0.9f}, {c.x + r * 0.9f, c.y - r * 0.9f}, color, stroke * 1.3f);
  }
};

// [SECTION] Grid: title, stage headers, lane labels, cells

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

void DrawGrid(const Painter& p, const Board& board, const Layout& layout) {
  const Rect& grid = layout.grid;
  // Title above the grid.
  if (!board.meta.title.empty()) {
    const Rect titleBox = layout.TitleBox();
    if (p.Visible(titleBox)) p.Text(board.meta.title, {titleBox.x0, titleBox.y0}, 30, p.pal.ink, 1e9f, titleBox, true);
  }
  // Corner above the lane labels.
  Rect corner{grid.x0, grid.y0, layout.stageX.front(), layout.laneY.front()};
  p.dl.AddRectFilled(p.S(corner.x0, corner.y0), p.S(corner.x1, corner.y1), p.pal.headerFill, p.Rounding(8),
                     ImDrawFlags_RoundCornersTopLeft);

  for (int s = 0; s < int(board.stages.size()); ++s) {
    Rect header = layout.StageHeader(s);
    if (board.stages[s].hidden) continue;  // drawn with its column, below
    if (!p.Visible(header)) continue;
    p.dl.AddRectFilled(
        p.S(header.x0, header.y0), p.S(header.x1, header.y1), p.pal.headerFill, p.Rounding(8),
        s + 1 == int(board.stages.size()) ? ImDrawFlags_RoundCornersTopRight : ImDrawFlags_RoundCornersNone);
    if (s > 0) p.dl.AddLine(p.S(header.x0, header.y0 + 12), p.S(header.x0, header.y1 - 12), IM_COL32(255, 255, 255, 60), std::max(1.0f, p.Px(1)));
    char number[16];
    std::snprintf(number, sizeof number, "%d", s + 1);
    Rect inner{header.x0 + 16, header.y0, header.x1 - 16, header.y1};
    const Headings& h = layout.headings;
    p.Text(number, {inner.x0, header.y0 + h.stageNumberTop}, h.stageNumberSize, IM_COL32(255, 255, 255, 150), 1e9f,
           inner, true);
    p.Text(board.stages[s].name, {inner.x0, header.y0 + h.stageNameTop}, h.stageNameSize, p.pal.headerInk, 1e9f,
           inner, true);
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
    p.Text(lane.name, {inner.x0, inner.y0}, layout.headings.laneNameSize, p.pal.ink, inner.Width(), inner, true);
    // Cells of the row: one filled band, then the stage separators.
    Rect cells{layout.stageX.front(), label.y0, layout.stageX.back(), label.y1};
    p.dl.AddRectFilled(p.S(cells.x0, cells.y0), p.S(cells.x1, cells.y1), p.pal.cellFill);
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

// [SECTION] Emotion lane: the five-level scale with faces, then the curves

// A small face drawn with the draw list: mood -2 (very negative) .. +2 (very positive).
void DrawFace(const Painter& p, Vec2 centre, float radius, int mood) {
  ImU32 color = mood < 0 ? p.pal.pain : mood > 0 ? p.pal.delight : p.pal.neutral;
  ImVec2 c = p.S(centre);
  float r = p.Px(radius);
  if (r < 2) return;
  float stroke = std::max(1.0f, r * 0.14f);
  p.dl.AddCircle(c, r, color, 0, stroke);
  p.dl.AddCircleFilled({c.x - r * 0.35f, c.y - r * 0.25f}, r * 0.11f + 0.5f, color);
  p.dl.AddCircleFilled({c.x + r * 0.35f, c.y - r * 0.25f}, r * 0.11f + 0.5f, color);
  if (mood == 0) {
    p.dl.AddLine({c.x - r * 0.4f, c.y + r * 0.35f}, {c.x + r * 0.4f, c.y + r * 0.35f}, color, stroke);
    return;
  }
  float curvature = mood > 0 ? 1.0f : -1.0f;
  float depth = std::abs(mood) == 2 ? 0.45f : 0.25f;
  float mouthY = c.y + r * (mood > 0 ? 0.2f : 0.55f);
  const int segments = 8;
  for (int i = 0; i <= segments; ++i) {
    float u = float(i) / segments * 2 - 1;  // -1..1
    p.dl.PathLineTo({c.x + u * r * 0.5f, mouthY + curvature * (1 - u * u) * r * depth});
  }
  p.dl.PathStroke(color, 0, stroke);
}

void DrawEmotionLane(const Painter& p, const Board& board, const Layout& layout, CurveId activeCurve,
                     const std::vector<PointLabel>& labels, PersonaId personaFilter) {
  if (layout.emotionsLane < 0) return;
  const int l = layout.emotionsLane;
  Rect lane{layout.stageX.front(), layout.laneY[l], layout.stageX.back(), layout.laneY[l + 1]};
  // The faces and the legend are in the label column, left of the cells.
  if (!p.Visible({layout.grid.x0, lane.y0, lane.x1, lane.y1})) return;
  float thin = std::max(1.0f, p.Px(1));
  // Five levels: dotted guides, a stronger neutral line, faces at the label column's right edge.
  for (int level = -2; level <= 2; ++level) {
    float y = layout.EmotionY(level * 0.5f);
    // Faint and hairline: the dashed to-be curve must not read as one of them.
    ImU32 color = level == 0 ? IM_COL32(150, 156, 168, 170) : IM_COL32(200, 205, 214, 110);
    if (level == 0) {
      p.dl.AddLine(p.S(lane.x0, y), p.S(lane.x1, y), color, thin * 1.25f);
    } else {
      for (float x = lane.x0; x < lane.x1; x += 16)
        if (p.Visible({x, y - 1, x + 4, y + 1})) p.dl.AddLine(p.S(x, y), p.S(std::min(x + 4, lane.x1), y), color, 1.0f);
    }
    // At most 2 × 9 + 8 units from the cells: Layout::kEmotionFacesWidth, which the lane's ▾ keeps clear of.
    float faceRadius = std::min(9.0f, (layout.EmotionY(-1) - layout.EmotionY(1)) / 10);
    DrawFace(p, {lane.x0 - faceRadius - 8, y}, faceRadius, level);
  }
  // Pain and delight bands: a faint tint below and above the neutral line.
  float mid = layout.EmotionY(0);
  p.dl.AddRectFilled(p.S(lane.x0, layout.EmotionY(1)), p.S(lane.x1, mid), IM_COL32(46, 158, 87, 14));
  p.dl.AddRectFilled(p.S(lane.x0, mid), p.S(lane.x1, layout.EmotionY(-1)), IM_COL32(214, 69, 65, 14));

  // Legend under the lane's name.
  Rect label = layout.LaneLabel(l);
  float legendY = label.y0 + 44;
  for (size_t c = 0; c < board.curves.size(); ++c) {
    const EmotionCurve& curve = board.curves[c];
    if (curve.name.empty() || legendY + 18 > label.y1) continue;
    float x = label.x0 + 22;
    if (curve.toBe) {
      p.dl.AddLine(p.S(x, legendY + 9), p.S(x + 8, legendY + 9), ToColor(curve.color), std::max(1.0f, p.Px(3)));
      p.dl.AddLine(p.S(x + 14, legendY + 9), p.S(x + 22, legendY + 9), ToColor(curve.color), std::max(1.0f, p.Px(3)));
    } else {
      p.dl.AddLine(p.S(x, legendY + 9), p.S(x + 22, legendY + 9), ToColor(curve.color), std::max(1.0f, p.Px(3)));
    }
    Rect box{x + 28, legendY, label.x1 - 30, legendY + 18};
    p.Text(curve.name, {box.x0, box.y0}, 13, p.pal.inkSoft, 1e9f, box);
    legendY += 20;
  }

  // The active curve last, so it is on top; with several curves the others are a little lighter.
  std::vector<size_t> order;
  for (size_t c = 0; c < board.curves.size(); ++c)
    if (board.curves[c].id != activeCurve) order.push_back(c);
  for (size_t c = 0; c < board.curves.size(); ++c)
    if (board.curves[c].id == activeCurve) order.push_back(c);
  for (size_t c : order) {
    const EmotionCurve& curve = board.curves[c];
    const CurveGeometry& geometry = layout.curves[c];
    const bool active = curve.id == activeCurve || board.curves.size() == 1;
    const int firstVertex = p.dl.VtxBuffer.Size;
    const ImU32 lineColor = ToColor(curve.color, active ? 255 : 150);
    if (geometry.samples.size() >= 2) {
      // The layout samples 24 points a stretch between two knots at any zoom; a point within 0.1
      // px of the line through those kept around it adds six triangles and nothing to see. The
      // to-be curve's dashes count samples, so it keeps them all.
      thread_local std::vector<Vec2> simplified;
      const std::vector<Vec2>* samples = &geometry.samples;
      if (!curve.toBe) {
        SimplifyStroke(geometry.samples, 0.1f / p.camera.zoom, &simplified);
        samples = &simplified;
      }
      std::vector<ImVec2> points;
      points.reserve(samples->size());
      for (Vec2 s : *samples) points.push_back(p.S(s));
      float thickness = std::max(1.5f, p.Px(active ? 3.5f : 2.5f));
      // Only the stretches of the curve in view: an export tile across the lane draws its share,
      // not the whole curve's thousand segments each time. A stretch's ends lie a segment out of
      // view, so its end caps, unlike the joints of the whole line, are never seen.
      const float reach = thickness * 2 + 2;
      auto segmentShown = [&](size_t i) {
        const ImVec2 &a = points[i], &b = points[i + 1];
        const Rect box{std::min(a.x, b.x) - reach, std::min(a.y, b.y) - reach, std::max(a.x, b.x) + reach,
                       std::max(a.y, b.y) + reach};
        return box.Overlaps(p.visible);
      };
      auto eachStretch = [&](auto&& draw) {
        for (size_t i = 0; i + 1 < points.size();) {
          if (!segmentShown(i)) {
            ++i;
            continue;
          }
          size_t end = i + 1;
          while (end + 1 < points.size() && segmentShown(end)) ++end;
          draw(i, end);
          i = end;
        }
      };
      if (curve.toBe) {
        // The to-be curve: a soft band of its colour under long, heavier dashes, so it is told
        // apart from the hairline level guides by colour and weight, not by dashes alone.
        eachStretch([&](size_t first, size_t last) {
          p.dl.AddPolyline(points.data() + first, int(last - first + 1), ToColor(curve.color, active ? 60 : 35), 0,
                           thickness * 3.2f);
        });
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((i / 5) % 3 != 2 && segmentShown(i)) p.dl.AddLine(points[i], points[i + 1], lineColor, thickness * 1.3f);
      } else {
        eachStretch([&](size_t first, size_t last) {
          p.dl.AddPolyline(points.data() + first, int(last - first + 1), lineColor, 0, thickness);
        });
      }
    }
    for (const CurvePointPos& knot : geometry.knots) {
      const CurvePoint& point = curve.points[knot.point];
      ImU32 tint = point.value < -0.05f ? p.pal.pain : point.value > 0.05f ? p.pal.delight : p.pal.neutral;
      const ImVec2 at = p.S(knot.pos);
      const float disc = std::max(2.5f, p.Px(8)), reach = disc + 2;  // the white disc and its edge
      if (!Rect{at.x - reach, at.y - reach, at.x + reach, at.y + reach}.Overlaps(p.visible)) continue;
      p.dl.AddCircleFilled(at, disc, IM_COL32(255, 255, 255, 255));
      if (curve.toBe)  // hollow: a ring in the feeling's colour
        p.dl.AddCircle(at, std::max(2.0f, p.Px(5.5f)), tint, 0, std::max(1.0f, p.Px(2.5f)));
      else
        p.dl.AddCircleFilled(at, std::max(2.0f, p.Px(6)), tint);
    }
    if (!CurveShownForPersona(curve, personaFilter)) FadeVertices(p.dl, firstVertex);
  }
  // Labels last, over every curve, each where PlacePointLabels put it.
  for (const PointLabel& label : labels) {
    const EmotionCurve& curve = board.curves[size_t(label.curve)];
    const CurvePointPos& knot = layout.curves[size_t(label.curve)].knots[label.knot];
    const float value = curve.points[size_t(knot.point)].value;
    const ImU32 tint = value < -0.05f ? p.pal.pain : value > 0.05f ? p.pal.delight : p.pal.neutral;
    // With its leader, which reaches from the point: the label may be off the view, the leader not.
    const Rect reach{std::min(label.rect.x0, knot.pos.x), std::min(label.rect.y0, knot.pos.y),
                     std::max(label.rect.x1, knot.pos.x), std::max(label.rect.y1, knot.pos.y)};
    if (!p.Visible(label.moved ? reach : label.rect)) continue;
    const int firstVertex = p.dl.VtxBuffer.Size;
    struct Fade {  // whatever path the label takes below
      const Painter& p;
      int first;
      bool on;
      ~Fade() {
        if (on) FadeVertices(p.dl, first);
      }
    } fade{p, firstVertex, !CurveShownForPersona(curve, personaFilter)};
    if (label.moved) {  // a leader from the point's rim to the nearest spot on the label
      const Vec2 to{std::clamp(knot.pos.x, label.rect.x0, label.rect.x1), std::clamp(knot.pos.y, label.rect.y0, label.rect.y1)};
      const float dx = to.x - knot.pos.x, dy = to.y - knot.pos.y, length = std::hypot(dx, dy);
      if (length > 9) {
        const Vec2 from{knot.pos.x + dx / length * 8, knot.pos.y + dy / length * 8};
        p.dl.AddLine(p.S(from), p.S(to), (tint & 0x00ffffff) | 0xB0000000, std::max(1.0f, p.Px(1.5f)));
      }
    }
    p.dl.AddRectFilled(p.S(label.rect.x0, label.rect.y0), p.S(label.rect.x1, label.rect.y1),
                       (p.pal.cellFill & 0x00ffffff) | 0xC8000000, p.Rounding(4));
    thread_local std::vector<LineRun> runs;
    runs.clear();
    for (const std::string& line : label.lines) runs.push_back({line.data(), line.data() + line.size()});
    const float margin = label.size * kLabelMargin;
    const Rect text{label.rect.x0, label.rect.y0 + margin, label.rect.x1, label.rect.y1};
    p.Lines(runs, {text.x0, text.y0}, label.size, tint, text, false, true);
  }
}

}  // namespace

std::vector<PointLabel> PlacePointLabels(const Board& board, const Layout& layout, float zoom, const Fonts& fonts,
                                         float minPx) {
  std::vector<PointLabel> labels;
  if (layout.emotionsLane < 0 || layout.curves.size() != board.curves.size() || layout.stageX.empty()) return labels;
  const int l = layout.emotionsLane;
  const Rect lane{layout.stageX.front(), layout.laneY[l], layout.stageX.back(), layout.laneY[l + 1]};
  // Board units: 13 as ever, more when the view would draw it under minPx on screen.
  const float size = std::max(kLabelSize, minPx / std::max(zoom, 1e-3f));
  const float width = kLabelWidth * size / kLabelSize, margin = size * kLabelMargin;
  std::vector<LabelRequest> requests;
  std::vector<std::vector<Vec2>> curves;
  for (size_t c = 0; c < board.curves.size(); ++c) {
    const EmotionCurve& curve = board.curves[c];
    const CurveGeometry& geometry = layout.curves[c];
    curves.push_back(geometry.samples);
    for (size_t k = 0; k < geometry.knots.size(); ++k) {
      const CurvePoint& point = curve.points[size_t(geometry.knots[k].point)];
      if (point.label.empty()) continue;
      PointLabel label;
      label.curve = int(c);
      label.knot = k;
      label.size = size;
      WrappedText wrapped = WrapText(fonts, point.label, size, width);
      wrapped.maxLines = 3;
      label.lines = ShownLineTexts(point.label, wrapped, 0, width, fonts);
      float widest = 0;
      for (const std::string& line : label.lines) widest = std::max(widest, TextWidth(fonts, line, size));
      LabelRequest request;
      request.anchor = geometry.knots[k].pos;
      request.size = {widest + 2 * margin, float(label.lines.size()) * size * WrappedText::kLineSpacing + margin};
      request.below = point.value > 0;  // away from the lane's edge
      requests.push_back(request);
      labels.push_back(std::move(label));
    }
  }
  LabelPlacementOptions options;
  options.gap = size * 0.6f + 4;
  options.step = size * 0.8f;
  std::vector<PlacedLabel> placed = PlaceLabels(requests, lane, curves, options);
  // A lane too small for its labels (large text in Room view): the whole grid rather than overlap.
  auto overlapping = [&] {
    for (size_t i = 0; i < placed.size(); ++i)
      for (size_t j = i + 1; j < placed.size(); ++j)
        if (placed[i].rect.Overlaps(placed[j].rect)) return true;
    return false;
  };
  if (overlapping() && layout.laneY.size() >= 2) {
    const Rect grid{lane.x0, layout.laneY.front(), lane.x1, layout.laneY.back()};
    options.tries = std::max(options.tries, int(grid.Height() / options.step) + 1);  // tries reach across it
    placed = PlaceLabels(requests, grid, curves, options);
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    labels[i].rect = placed[i].rect;
    labels[i].moved = placed[i].moved;
  }
  return labels;
}

namespace {

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
    p.RoundedRect(p.S(shadow.x0, r.y1 - corner), p.S(shadow.x1, shadow.y1), p.pal.shadow, rounding,
                  ImDrawFlags_RoundCornersBottom, fringe);
    p.RoundedRect(p.S(r.x1 - corner, shadow.y0), p.S(shadow.x1, r.y1 - corner), p.pal.shadow, rounding,
                  ImDrawFlags_RoundCornersTopRight, fringe);
  }
  p.RoundedRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.NoteFill(NoteColor(board, note)), rounding);
  if (p.pal.noteOutlinePx > 0)  // a projector washes pale notes into the cells: outline them
    p.dl.AddRect(p.S(r.x0, r.y0), p.S(r.x1, r.y1), p.pal.noteOutline, rounding, 0, p.pal.noteOutlinePx);
  if (p.layers) p.layers->SetCurrentChannel(&p.dl, 1);
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
void DrawFoundHalo(const Painter& p, const Rect& r, bool current) {
  const float pad = std::max(current ? 6.0f : 4.0f, p.Px(current ? 14.0f : 9.0f)) / p.camera.zoom;
  const ImU32 color = current ? IM_COL32(255, 110, 0, 255) : IM_COL32(255, 200, 0, 235);
  p.dl.AddRectFilled(p.S(r.x0 - pad, r.y0 - pad), p.S(r.x1 + pad, r.y1 + pad), color, p.Rounding(kNoteRounding + pad));
}

// [SECTION] Persona cards

void DrawPersona(const Painter& p, const Persona& persona, const Rect& card, const std::string& language) {
  if (!p.Visible(card)) return;
  if (p.Px(4) >= 1.0f)
    p.dl.AddRectFilled(p.S(card.x0 + 2, card.y0 + 4), p.S(card.x1 + 2, card.y1 + 4), p.pal.shadow, p.Rounding(12));
  p.dl.AddRectFilled(p.S(card.x0, card.y0), p.S(card.x1, card.y1), IM_COL32(255, 255, 255, 255), p.Rounding(12));
  p.dl.AddRectFilled(p.S(card.x0, card.y0), p.S(card.x1, card.y0 + 8), IM_COL32(58, 80, 200, 255), p.Rounding(12), ImDrawFlags_RoundCornersTop);
  if (p.pal.noteOutlinePx > 0)  // outlined as the notes are: white on the projector's white board
    p.dl.AddRect(p.S(card.x0, card.y0), p.S(card.x1, card.y1), p.pal.noteOutline, p.Rounding(12), 0, p.pal.noteOutlinePx);
  // Avatar: a circle with the initial.
  Vec2 avatar{card.x0 + 44, card.y0 + 52};
  p.dl.AddCircleFilled(p.S(avatar), p.Px(26), IM_COL32(214, 222, 250, 255));
  if (!persona.name.empty()) {
    int len = 1;
    unsigned char c0 = static_cast<unsigned char>(persona.name[0]);
    if (c0 >= 0xC0) len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
    Rect box{avatar.x - 26, avatar.y - 14, avatar.x + 26, avatar.y + 16};
    p.Text(persona.name.substr(0, len), {box.x0, box.y0}, 24, IM_COL32(58, 80, 200, 255), 1e9f, box, true, true);
  }
  const float x0 = card.x0 + 20, width = card.Width() - 40;
  Rect head{card.x0 + 82, card.y0 + 30, card.x1 - 16, card.y0 + 84};
  p.Text(persona.name, {head.x0, head.y0}, 22, p.pal.noteInk, head.Width(), head, true);
  Rect inner{x0, card.y0 + 90, card.x1 - 20, card.y1 - 14};
  float y = inner.y0;
  auto section = [&](const char* title, const std::string& body, float size) {
    if (body.empty() || y >= inner.y1) return;
    if (title) {
      p.Text(title, {x0, y}, 12, IM_COL32(58, 80, 200, 255), 1e9f, inner, true);
      y += 16;
    }
    thread_local std::vector<LineRun> lines;
    Painter::WrapLines(p.fonts, body, size, width, &lines);
    p.Lines(lines, {x0, y}, size, p.pal.noteInk, inner);
    y += lines.size() * size * 1.2f + 10;
  };
  section(nullptr, persona.description, 14);
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
  section(BoardTextIn(language, BoardPhrase::PersonaGoals), persona.goals, 14);
  section(BoardTextIn(language, BoardPhrase::PersonaNeeds), persona.needs, 14);
  section(BoardTextIn(language, BoardPhrase::PersonaPains), persona.pains, 14);
  section(BoardTextIn(language, BoardPhrase::PersonaObjections), persona.objections, 14);
  section(BoardTextIn(language, BoardPhrase::PersonaChannels), persona.channels, 14);
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
  DrawFrames(p, board);
  DrawGrid(p, board, layout);
  DrawFunnel(p, board, layout);
  DrawStrokes(p, board, layout, /*highlighter=*/true);
  DrawEmotionLane(p, board, layout, options.activeCurve,
                  PlacePointLabels(board, layout, camera.zoom, fonts, options.pointLabelMinPx), filter);
  // Over the emotions lane's level lines (a curve rarely crosses a cell with no point), under notes.
  if (options.promptsDrawn) options.promptsDrawn->clear();
  if (options.lanePrompts) DrawLanePrompts(p, board, layout, options.promptsDrawn);
  for (size_t i = 0; i < board.personas.size(); ++i) DrawPersona(p, board.personas[i], layout.personas[i], board.meta.language);
  // Notes in cells never overlap (the layout keeps a gap between them wider than a vote badge
  // rises), so all their fills (halo, shadow, body) are drawn first and their text and marks over
  // them: GpuRenderer then draws the fills as one stretch without the atlas and the text as one
  // textured run, instead of alternating small runs (each change of program costs llvmpipe more
  // than a note's fill). A free note may lie over anything: it is drawn alone, in its order.
  thread_local ImDrawListSplitter layers;
  for (size_t i = 0; i < board.notes.size(); ++i) {
    const NoteBox& box = layout.notes[i];
    // A note's vote badge rises above it and its shadow falls below: culled with them.
    if (box.hidden || !camera.ToScreen({box.rect.x0, box.rect.y0 - 26, box.rect.x1 + 4, box.rect.y1 + 4})
                           .Overlaps(options.visible.Grown(1)))
      continue;
    if (board.notes[i].IsFree() == (p.layers != nullptr)) {
      if (p.layers) layers.Merge(&drawList);
      else layers.Split(&drawList, 2);
      p.layers = p.layers ? nullptr : &layers;
    }
    if (p.layers) layers.SetCurrentChannel(&drawList, 0);
    if (options.found && options.found->count(box.id.value)) DrawFoundHalo(p, box.rect, box.id == options.foundCurrent);
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
