// Presentation mode's overlay (F5, app.cpp): over the full-screen canvas, the board title and the
// focused stage top left, the status line bottom left and a Leave button bottom right (a touch
// screen has no F5). The workshop timer's badge is the canvas's own, top right, in every mode. Only the button takes clicks: editing,
// dragging and voting on the board go on underneath.
#pragma once
#include <string>

#include "core/model/model.h"

namespace jb {

struct PresentationOverlay {
  std::string title;   // the board's title (or file name)
  std::string stage;   // the focused stage's name; "" when none is
  std::string status;  // the status line while it shows; "" otherwise
  Rect area;           // the canvas, in window pixels: the overlay keeps inside it (off the toolbar)
};

// How far down from the canvas' top the top-left box reaches at most (a stage's name shown), in
// pixels at the current UI scale: the canvas keeps its fitted views below it (Canvas::SetCoveredTop).
float PresentationOverlayReach();

// Call between ImGui::NewFrame and Render, after the canvas. Returns true when Leave was clicked.
// Records "present.overlay", "present.status" and "present.leave" in the layout dump.
bool ShowPresentationOverlay(const PresentationOverlay& overlay);

}  // namespace jb
