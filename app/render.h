// The one board renderer: Board + Layout + Camera → ImDrawList. The window and the PNG export
// both call it, so a snapshot looks exactly like the screen. It only reads the board.
#pragma once
#include <imgui.h>

#include "core/camera.h"
#include "core/layout.h"
#include "core/model.h"

namespace jb {

class Fonts;

// Interaction state the canvas wants drawn on top of the board (nothing of it is saved).
struct RenderOptions {
  Rect visible;  // window-pixel rectangle actually on screen: everything outside is culled
};

// The background colour behind the board (the caller clears to it: cheaper than a filled quad).
inline constexpr float kBackgroundRgb[3] = {0.925f, 0.933f, 0.945f};

void DrawBoard(const Board& board, const Layout& layout, const Camera& camera, const Fonts& fonts,
               ImDrawList& drawList, const RenderOptions& options);

}  // namespace jb
