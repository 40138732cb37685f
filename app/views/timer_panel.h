// The workshop timer (Workshop ▸ Timer…, Shift+T): a small panel of large, touch-friendly buttons
// (presets 1, 3, 5, 10 minutes, a custom time, Start / Pause, +1 min, Reset, Chime) over the
// countdown (core/session/countdown.h), and the badge that shows the time left large in a corner
// of the canvas, red in the last 30 s, flashing when it ends. While the panel has the keyboard
// focus, 1, 3, 5 and 0 (10) start a preset.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <functional>
#include <string>

#include "core/session/countdown.h"

namespace jb {

class Fonts;

// How long the end flashes (the app draws timed frames only meanwhile).
constexpr double kTimerFlashSeconds = 1.5;
// A running countdown's badge turns red at this many seconds left.
constexpr int kTimerRedSeconds = 30;

// Draws the countdown's badge (mm:ss, large) with its top-right corner at `topRight` (screen
// pixels), sized by `scale` (the UI scale); nothing while the countdown is idle. Presentation
// mode's overlay calls this too. Returns the badge's rect, or a zero-sized one when nothing was drawn.
ImRect DrawTimerBadge(ImDrawList& dl, ImVec2 topRight, float scale, const Countdown& countdown, double now,
                      const Fonts& fonts);

class TimerPanel {
 public:
  Countdown countdown;
  bool chime = true;
  int chimes = 0;  // how many ends chimed (a player was started), for the layout dump
  // Called with one sentence when typed input is refused (the status line).
  std::function<void(const std::string&)> notice;

  // Opens the panel and gives it the keyboard focus (Shift+T).
  void Open() {
    m_open = true;
    m_focus = true;
  }
  bool IsOpen() const { return m_open; }
  // Once a frame: the end's chime, then the panel when it is open.
  void Show(double now);
  // Over the canvas (screen rect [min, max]): the badge in its top-right corner and, while the
  // end flashes, a border around it. Records "timer.badge" for the layout dump.
  void DrawOverlay(ImDrawList& dl, ImVec2 min, ImVec2 max, float scale, double now, const Fonts& fonts) const;
  // Seconds until the timer needs a frame (its next second, the end's flash), or -1: a stopped
  // or paused timer costs no frames.
  double NextFrameIn(double now) const;
  // The end is flashing (for kTimerFlashSeconds after it).
  bool Flashing(double now) const {
    const double since = countdown.SinceFinished(now);
    return since >= 0 && since < kTimerFlashSeconds;
  }
  // For the layout dump: "idle", "running", "paused" or "finished".
  static const char* StateName(Countdown::State state);

 private:
  void StartPreset(int minutes, double now);
  bool m_open = false;
  bool m_focus = false;
  std::string m_custom;
};

}  // namespace jb
