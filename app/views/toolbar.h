// The room's toolbar: a column of large buttons on the left edge, below the menu bar, so a
// facilitator at a touch screen needs neither keyboard nor menus. Each button runs a command of
// the command table by id (a command not in the table is not shown); its tooltip is the command's
// label and shortcut, a toggle shows its checked state.
#pragma once
#include <string>
#include <vector>

#include "app/views/commands.h"
#include "core/layout/camera.h"

namespace jb {

class Fonts;

// A button as drawn this frame, for the layout dump.
struct ToolbarButtonState {
  std::string id;  // the command's id
  Rect rect;       // window pixels
  bool checked = false;
};

// The toolbar's width for `height` pixels of room at `scale` (one column, or two when one does not
// fit); 0 when `shown` is false.
float ToolbarWidth(const std::vector<Command>& commands, float height, float scale, bool shown);
// Draws the toolbar in `area` (window pixels: x0, y0 and its height; the width is ToolbarWidth)
// and runs the command of a clicked button.
std::vector<ToolbarButtonState> ShowToolbar(const std::vector<Command>& commands, const Fonts& fonts, const Rect& area,
                                            float scale);

}  // namespace jb
