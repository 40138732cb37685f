// The workshop timer's countdown: a pure state machine over an injected clock (seconds as a
// double, e.g. glfwGetTime()), so the app, presentation mode and the tests share one behaviour and
// no test sleeps. It knows nothing of drawing or sound; the app asks it what to show and when to
// draw again (NextRedrawIn), and hears of the end once (JustFinished).
#pragma once
#include <optional>
#include <string>

namespace jb {

class Countdown {
 public:
  enum class State { Idle, Running, Paused, Finished };

  // Durations are whole seconds from 1 s to 99:59 (what "mm:ss" can show).
  static constexpr double kMaxSeconds = 99 * 60 + 59;

  // Idle with this duration (clamped to 1 s .. kMaxSeconds); stops a running countdown.
  void Set(double seconds);
  // Idle or Finished: runs the set duration afresh. Paused: resumes. Running: nothing.
  void Start(double now);
  // Running → Paused, keeping what is left (a countdown already past its end finishes instead).
  void Pause(double now);
  // Paused → Running with what was left. Otherwise nothing.
  void Resume(double now);
  // One more minute, capped at kMaxSeconds: Idle → the set duration grows; Running and Paused →
  // what is left grows; Finished → runs again with one minute.
  void AddMinute(double now);
  // Back to Idle with the set duration; a pending end is forgotten.
  void Reset();

  // The state at `now`: a running countdown past its end is Finished, even before JustFinished.
  State StateAt(double now) const;
  // Seconds left at `now` (never negative): Idle → the set duration; Finished → 0.
  double Remaining(double now) const;
  // The whole seconds shown as mm:ss: Remaining rounded up, so "01:00" shows the first second
  // of a minute and "00:00" only at the end.
  int ShownSeconds(double now) const;
  double Duration() const { return m_duration; }
  // True exactly once after a running countdown reaches zero (the moment to flash and chime);
  // from then on the state is Finished.
  bool JustFinished(double now);
  // Seconds since the countdown ended (negative when it has not): how far the end's flash is.
  double SinceFinished(double now) const;
  // Seconds until ShownSeconds next changes (a running countdown: in (0, 1]; 0 when it has just
  // ended and JustFinished has not yet told), or -1 when it will not change by itself. The app
  // draws again then, so a running timer costs at most one frame a second.
  double NextRedrawIn(double now) const;

 private:
  State m_state = State::Idle;
  double m_duration = 300;  // the set duration (Idle shows it; Start runs it)
  double m_endsAt = 0;      // Running and Finished: the clock's time of the end
  double m_left = 0;        // Paused: seconds left
  bool m_endTold = false;   // JustFinished has reported this end

  void Settle(double now);  // a running countdown past its end becomes Finished
};

// A duration as a facilitator types it: whole minutes ("7") or minutes:seconds ("1:30", "0:45"),
// spaces around allowed, from 1 s to 99:59. Nothing for anything else (empty, "abc", "1.5",
// "-2", "0", "100", "1:60").
std::optional<double> ParseDuration(const std::string& text);

}  // namespace jb
