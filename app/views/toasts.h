// Toasts: short messages in the canvas's bottom-right corner, instead of text in the menu bar.
// An info toast ("Saved board.cjm") fades by itself after a few seconds; an error stays until its
// × (or Esc) dismisses it. Several stack, the newest at the bottom. A toast may carry one action
// button ("Open folder" after an export).
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace jb {

struct Toast {
  enum class Kind { Info, Error };
  Kind kind = Kind::Info;
  std::string text;
  std::string action;  // the button's label ("Open folder"); empty: none
  std::string path;    // what the action is about (the exported file)
  double until = 0;    // an info toast's end (seconds, the app's clock); errors: 0, never
  uint64_t id = 0;
};

class Toasts {
 public:
  static constexpr double kInfoSeconds = 4.0;
  static constexpr double kFadeSeconds = 0.5;  // the last part of an info toast's life

  void Info(const std::string& text, double now, const std::string& action = "", const std::string& path = "");
  void Error(const std::string& text);
  // Esc: every error shown is dismissed; false when there was none (the key is someone else's).
  bool DismissErrors();
  // Draws them in `area`'s bottom-right corner (window pixels); returns the toast whose action
  // was clicked this frame (null: none). Info toasts past their time are dropped first.
  const Toast* Show(const Rect& area, double now);
  // The stack's top as last drawn (window pixels): what else goes in the corner goes above it.
  float top() const { return m_top; }
  // Seconds until a toast must be redrawn with no input (its fade, its end); negative: never.
  double NextFrameIn(double now) const;
  const std::deque<Toast>& shown() const { return m_toasts; }

 private:
  void Push(Toast toast);
  std::deque<Toast> m_toasts;  // oldest first
  uint64_t m_nextId = 1;
  Toast m_clicked;
  float m_top = 0;
};

}  // namespace jb
