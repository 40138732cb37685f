// Presentation mode's overlay (F5, app.cpp): over the full-screen canvas, the board title and the
// focused stage top left, the workshop timer's slot top right, the status line bottom left and a
// Leave button bottom right (a touch screen has no F5). Only the button takes clicks: editing,
// dragging and voting on the board go on underneath.
#pragma once
#include <functional>
#include <string>

#include "core/model/model.h"

struct ImDrawList;

namespace jb {

// Draws the timer into `slot` (window pixels) in presentation mode. The timer (workshop.timer)
// provides it; null draws nothing there.
using TimerSlot = std::function<void(ImDrawList& drawList, const Rect& slot)>;

struct PresentationOverlay {
  std::string title;   // the board's title (or file name)
  std::string stage;   // the focused stage's name; "" when none is
  std::string status;  // the status line while it shows; "" otherwise
  TimerSlot timer;
};

// Call between ImGui::NewFrame and Render, after the canvas. Returns true when Leave was clicked.
// Records "present.overlay", "present.timer", "present.status" and "present.leave" in the layout dump.
bool ShowPresentationOverlay(const PresentationOverlay& overlay);

}  // namespace jb
