// What "zoom to fit" shows: the whole board with its title and both "+" buttons, so nothing a
// facilitator needs lies outside the window. Plain math, no GUI (the canvas and tests share it).
#pragma once
#include "core/layout/layout.h"
#include "core/model/model.h"

namespace jb {

inline constexpr float kAddButtonUnits = 40;  // the "+" buttons' side, board units

// The canvas' "+" buttons, board units: add-stage right of the header row, add-lane below the
// lane labels.
Rect AddStageButtonRect(const Layout& layout);
Rect AddLaneButtonRect(const Layout& layout);

// The smallest rectangle holding both.
Rect Enclose(const Rect& a, const Rect& b);

// The board area zoom to fit shows: the grid, the title above it and both "+" buttons.
Rect FitBounds(const Layout& layout);
// The area a focus on `stage` shows: its column (StageFocusRect), and for the last stage the
// add-stage button beside it too. Empty when there is no such stage.
Rect StageFitBounds(const Layout& layout, int stage);

}  // namespace jb
