// What of the sketches (core/model: strokes, arrows, frames, text labels) is under a point, with
// the same geometry the renderer draws (core/layout/ink.h): one answer for the canvas' hover, its
// tools and the layout dump. Pen strokes, arrows and labels are drawn over the notes, so they are
// hit before them; highlighter strokes and frames lie under the notes and are hit after them.
#pragma once
#include <string_view>

#include "core/layout/layout.h"
#include "core/layout/text_wrap.h"
#include "core/model/model.h"

namespace jb {

enum class SketchKind { None, Stroke, Arrow, Frame, Label };

struct SketchHit {
  SketchKind kind = SketchKind::None;
  int index = -1;  // in the board's list of that kind
  explicit operator bool() const { return kind != SketchKind::None; }
};

// A frame is picked by its title strip or its border (inside it, presses reach what is under it).
inline constexpr float kFrameTitleHeight = 48;  // board units

// A text label's box: its lines at its size (one line per '\n'), from its top-left.
Rect LabelBounds(const GlyphMetrics& glyphs, const TextLabel& label);

// Topmost first. `tolerance` is in board units (a few pixels over the zoom).
SketchHit HitSketchAbove(const Board& board, const Layout& layout, const GlyphMetrics& glyphs, Vec2 p,
                         float tolerance);
SketchHit HitSketchBelow(const Board& board, const Layout& layout, Vec2 p, float tolerance);

// The sketch's extent in board units (empty Rect for one not shown: a stroke or arrow in a hidden
// stage or lane).
Rect SketchBounds(const Board& board, const Layout& layout, const GlyphMetrics& glyphs, SketchKind kind, int index);

}  // namespace jb
