// The ink strip: a row of large buttons beside the toolbar's Pen button, shown while the Pen or the
// Highlighter is chosen: six colours and three widths for the chosen one (the pen's readable on the
// light and the dark theme, the highlighter's bright marker colours), the current ones framed. A
// finger can hit each (44 px at UI scale 1). Tests aim at "ink.color.N" and "ink.width.N".
#pragma once
#include <cstdint>

#include "app/tools/tool.h"
#include "core/io/settings.h"

namespace jb {

inline constexpr int kInkColors = 6, kInkWidths = 3;
// The palettes, 0xRRGGBB and board units (the settings' defaults are among them).
extern const uint32_t kPenColors[kInkColors], kHighlighterColors[kInkColors];
extern const float kPenWidths[kInkWidths], kHighlighterWidths[kInkWidths];

// The ink the settings hold, and back (the App keeps Canvas::ink and saves it with the settings).
InkChoice InkFromSettings(const Settings& settings);
void InkToSettings(const InkChoice& ink, Settings* settings);

// Draws the strip with its top-left corner at (x, y) (window pixels) for the pen or the
// highlighter, sized by `scale` (the UI scale); a tap changes `ink`.
void ShowInkStrip(InkChoice* ink, bool highlighter, float x, float y, float scale);

}  // namespace jb
