// The renderer's own drawing kit, shared by its files (render.cpp, emotion_lane.cpp) and not part
// of render.h's interface: sizes and colours, board units to pixels, and text wrapped once in
// board units and drawn with the baked size that fits the zoom.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData: the white pixel a fill reads

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/platform/fonts.h"
#include "app/render/render.h"
#include "core/layout/camera.h"
#include "core/layout/text_wrap.h"

namespace jb::paint {

// [SECTION] Sizes (board units unless a name says px) and colours

constexpr float kNoteRounding = 6;
constexpr float kMinReadablePx = 4.5f;   // below this, text is drawn as grey bars
constexpr float kLabelSize = 13;         // an emotion point's label: text height,
constexpr float kLabelWidth = 180;       // the width it wraps to (both grow with pointLabelMinPx)
constexpr float kLabelMargin = 0.25f;    // and its margin, times its size

inline ImU32 ToColor(Rgb rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

inline ImVec2 V(Vec2 p) { return {p.x, p.y}; }

// The colour scaled toward black by `factor` (a covered note's marks: its own tint, never ink).
inline Rgb Darker(Rgb rgb, float factor) {
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

inline void FadeVertices(ImDrawList& dl, int first) {
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

// DrawBoard's channels for the notes in cells, which never overlap: what lies under them (find
// halos, shadows), their bodies' opaque insides, the bodies' anti-aliased edges, and what is drawn
// over them (text, marks). Merged in that order, the bodies are one run GpuRenderer draws without
// blending, where a body's inside and its fringe used to share a blended run.
enum NoteLayer : int { kUnderNotes, kNoteBodies, kNoteEdges, kOverNotes, kNoteLayers };

struct Painter {
  const Camera& camera;
  const Fonts& fonts;
  ImDrawList& dl;
  Rect visible;
  const BoardPalette& pal;
  // When set, a note is drawn in the NoteLayer channels (DrawBoard, for notes in cells).
  ImDrawListSplitter* layers = nullptr;
  // The pixels this list lands in (RenderOptions::visible): a note's text is clipped to it.
  Rect drawn = kEverywhere;

  void ToLayer(NoteLayer layer) const {
    if (layers) layers->SetCurrentChannel(&dl, layer);
  }

  float Px(float units) const { return units * camera.zoom; }
  ImVec2 S(Vec2 p) const { return V(camera.ToScreen(p)); }
  ImVec2 S(float x, float y) const { return S(Vec2{x, y}); }
  bool Visible(const Rect& r) const { return camera.ToScreen(r).Overlaps(visible); }
  // Rounding and shadows cost vertices and fill; skip them when they would be under a pixel.
  // Rounding under 2 px is skipped too: a rounded rectangle is ~60 triangles with an anti-aliased
  // fringe, blended, where a square one is 2 and opaque, and corners that small are a pixel or two
  // each. A 3840-px export of the 10,000-note board (notes ~40 px wide): render 262 → 141 ms.
  float Rounding(float units) const { return Px(units) >= 2.0f ? Px(units) : 0.0f; }

  // A rectangle snapped to whole pixels, `corners` rounded: its straight sides then cover whole
  // pixels and need no anti-aliased fringe. Those fringes, long strips a pixel wide, were most of a
  // note's and its shadow's rasterising on llvmpipe (each blended 4×4 block they cross is shaded
  // with a mask), and ImGui's fill is a fan from one corner whose slivers cross the whole shape.
  // As ImGui's anti-aliased fill, the inside is the outline moved half a pixel in and the fringe
  // runs from there to half a pixel out; but only the rounded corners get a fringe, and the inside
  // is a fan per corner and the polygon between the corners. The inside stops 1/64 px short of half
  // a pixel, so a side's last column of pixel centres is inside whichever edge rule the driver
  // keeps. The fringe goes to `fringeLayer` when the notes are drawn in layers; `fringe` false
  // leaves it out.
  void CrispRect(ImVec2 a, ImVec2 b, ImU32 color, float rounding, ImDrawFlags corners, NoteLayer fringeLayer,
                 bool fringe = true) const {
    a = {std::round(a.x), std::round(a.y)};
    b = {std::round(b.x), std::round(b.y)};
    if (b.x <= a.x || b.y <= a.y) return;
    rounding = std::min({rounding, (b.x - a.x) * 0.5f - 1, (b.y - a.y) * 0.5f - 1});
    if (rounding < 0.5f) corners = ImDrawFlags_RoundCornersNone;
    if (!(corners & ImDrawFlags_RoundCornersAll)) {
      // Square: what the outline below gives for four square corners (each moved in along the
      // diagonal, two triangles, no fringe), without its vectors: a zoomed-out board is thousands.
      constexpr float kIn = 0.5f - 1.0f / 64;
      dl.PrimReserve(6, 4);
      dl.PrimRect({a.x + kIn, a.y + kIn}, {b.x - kIn, b.y - kIn}, color);
      return;
    }
    // The outline clockwise from the top-left corner, as ImGui's PathRect. A corner under 5 px is
    // one straight cut, its legs 0.655 × the radius so that it takes off the arc's area: it stays
    // within 0.058 × the radius of the arc (under 0.3 px, ImGui's own tessellation tolerance),
    // where ImGui gives such a corner two or three segments. A larger one is ImGui's arc.
    thread_local std::vector<ImVec2> points, normals;
    int cornerEnd[4];
    points.clear();
    const ImVec2 at[4] = {a, {b.x, a.y}, b, {a.x, b.y}};
    const ImDrawFlags flag[4] = {ImDrawFlags_RoundCornersTopLeft, ImDrawFlags_RoundCornersTopRight,
                                 ImDrawFlags_RoundCornersBottomRight, ImDrawFlags_RoundCornersBottomLeft};
    constexpr float kCutBelowPx = 5, kLegs = 0.655f;
    for (int c = 0; c < 4; ++c) {
      const float sx = c == 0 || c == 3 ? 1.0f : -1.0f, sy = c < 2 ? 1.0f : -1.0f;  // toward the inside
      if (!(corners & flag[c])) {
        points.push_back(at[c]);
      } else if (rounding < kCutBelowPx) {
        const float legs = rounding * kLegs;
        const bool downFirst = c == 0 || c == 2;  // the cut starts on the side the path arrives by
        const ImVec2 along{at[c].x + sx * legs, at[c].y}, across{at[c].x, at[c].y + sy * legs};
        points.insert(points.end(), {downFirst ? across : along, downFirst ? along : across});
      } else {
        dl.PathArcToFast({at[c].x + sx * rounding, at[c].y + sy * rounding}, rounding, 6 + 3 * c, 9 + 3 * c);
        points.insert(points.end(), dl._Path.begin(), dl._Path.end());
        dl.PathClear();
      }
      cornerEnd[c] = int(points.size());
    }
    // Each point's outward normal as ImGui's fill takes it: the mean of its two edges' normals,
    // lengthened so that the moved edges stay parallel to the outline.
    const int count = int(points.size());
    normals.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
      auto edgeNormal = [&](int from) {
        const ImVec2 p = points[size_t(from)], q = points[size_t((from + 1) % count)];
        const float dx = q.x - p.x, dy = q.y - p.y, length = std::sqrt(dx * dx + dy * dy);
        return length > 0 ? ImVec2{dy / length, -dx / length} : ImVec2{0, 0};
      };
      const ImVec2 before = edgeNormal((i + count - 1) % count), after = edgeNormal(i);
      ImVec2 mean{(before.x + after.x) * 0.5f, (before.y + after.y) * 0.5f};
      const float squared = mean.x * mean.x + mean.y * mean.y;
      const float scale = squared > 1e-6f ? std::min(1 / squared, 100.0f) : 1;
      normals[size_t(i)] = {mean.x * scale, mean.y * scale};
    }
    constexpr float kIn = 0.5f - 1.0f / 64, kOut = 0.5f;
    const ImVec2 white = dl._Data->TexUvWhitePixel;
    dl.PrimReserve((count - 2) * 3, count);
    const ImDrawIdx base = ImDrawIdx(dl._VtxCurrentIdx);
    for (int i = 0; i < count; ++i)
      dl.PrimWriteVtx({points[size_t(i)].x - normals[size_t(i)].x * kIn, points[size_t(i)].y - normals[size_t(i)].y * kIn},
                      white, color);
    auto triangle = [&](int i, int j, int k) {
      for (int index : {i, j, k}) dl.PrimWriteIdx(ImDrawIdx(base + index));
    };
    int between[8], sides = 0;  // the corners' first and last points
    for (int c = 0, from = 0; c < 4; from = cornerEnd[c++]) {
      for (int i = from + 1; i + 1 < cornerEnd[c]; ++i) triangle(from, i, i + 1);
      between[sides++] = from;
      if (cornerEnd[c] - 1 > from) between[sides++] = cornerEnd[c] - 1;
    }
    for (int i = 1; i + 1 < sides; ++i) triangle(between[0], between[i], between[i + 1]);

    const int segments = count - 4;  // each corner's points, but for its last
    if (segments == 0 || !fringe) return;
    if (layers) layers->SetCurrentChannel(&dl, fringeLayer);
    const ImU32 none = color & ~IM_COL32_A_MASK;
    dl.PrimReserve(segments * 6, count * 2);
    const ImDrawIdx edge = ImDrawIdx(dl._VtxCurrentIdx);
    for (int i = 0; i < count; ++i) {
      const ImVec2 p = points[size_t(i)], n = normals[size_t(i)];
      dl.PrimWriteVtx({p.x - n.x * kIn, p.y - n.y * kIn}, white, color);
      dl.PrimWriteVtx({p.x + n.x * kOut, p.y + n.y * kOut}, white, none);
    }
    for (int c = 0, from = 0; c < 4; from = cornerEnd[c++])
      for (int i = from; i + 1 < cornerEnd[c]; ++i) {
        const ImDrawIdx inner = ImDrawIdx(edge + 2 * i), outer = ImDrawIdx(inner + 1);
        for (ImDrawIdx index : {inner, outer, ImDrawIdx(outer + 2), inner, ImDrawIdx(outer + 2), ImDrawIdx(inner + 2)})
          dl.PrimWriteIdx(index);
      }
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
    // ImGui floors a run's start to a whole pixel, up to a pixel left of and above the text's
    // place: the clip's left and top edges are floored too, or they would cut off the first
    // glyph's first column (a small "I" vanished) depending on where the view's pan left it.
    ImVec4 clipRect{std::floor(clipPx.x0), std::floor(clipPx.y0), clipPx.x1, clipPx.y1};
    // ImGui truncates toward zero, which above or left of the window (the board cache draws its
    // margins there) is a pixel right of or below the floor a full redraw takes once the pan has
    // brought the text on screen: floored here, ImGui's truncation keeps it.
    auto Floored = [](ImVec2 v) { return ImVec2{std::floor(v.x), std::floor(v.y)}; };
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
      dl.AddText(font, px, Floored(S(x, y)), color, line.first, line.second, 0, &clipRect);
      if (line.hyphen) dl.AddText(font, px, Floored(S(x + w, y)), color, "-", nullptr, 0, &clipRect);
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

// The emotions lane's pain and delight bands (emotion_lane.cpp), with the cells' fill: a faint
// tint of it, opaque, so the lines and strokes drawn after stay over it untinted.
void DrawEmotionBands(const Painter& p, const Layout& layout);

// The emotions lane (emotion_lane.cpp): the five-level scale with its faces and the curves' legend
// in the label column, the curves, the active one on top, then their points' labels as
// PlacePointLabels placed them.
void DrawEmotionLane(const Painter& p, const Board& board, const Layout& layout, CurveId activeCurve,
                     const std::vector<PointLabel>& labels, PersonaId personaFilter);

}  // namespace jb::paint
