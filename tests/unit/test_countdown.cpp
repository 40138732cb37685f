// The workshop timer's countdown (core/session/countdown.h): every transition, the end told once,
// and when the app must draw again. The clock is a plain number: no test sleeps.
#include <doctest/doctest.h>

#include <limits>

#include "core/session/countdown.h"

using jb::Countdown;
using State = Countdown::State;

TEST_CASE("countdown: a new countdown is idle and shows its duration without asking for frames") {
  Countdown c;
  CHECK(c.StateAt(0) == State::Idle);
  c.Set(180);
  CHECK(c.StateAt(1000) == State::Idle);
  CHECK(c.Remaining(1000) == 180);
  CHECK(c.ShownSeconds(1000) == 180);
  CHECK(c.NextRedrawIn(1000) == -1);
  CHECK_FALSE(c.JustFinished(1e9));
}

TEST_CASE("countdown: Set clamps to 1 s .. 99:59 and stops a running countdown") {
  Countdown c;
  c.Set(0);
  CHECK(c.Duration() == 1);
  c.Set(-5);
  CHECK(c.Duration() == 1);
  c.Set(1e9);
  CHECK(c.Duration() == Countdown::kMaxSeconds);
  c.Set(std::numeric_limits<double>::quiet_NaN());
  CHECK(c.Duration() == 1);
  c.Set(60);
  c.Start(10);
  c.Set(120);
  CHECK(c.StateAt(20) == State::Idle);
  CHECK(c.Remaining(20) == 120);
}

TEST_CASE("countdown: Start runs the duration, time passes, the end comes at zero") {
  Countdown c;
  c.Set(60);
  c.Start(100);
  CHECK(c.StateAt(100) == State::Running);
  CHECK(c.Remaining(100) == 60);
  CHECK(c.ShownSeconds(100) == 60);
  CHECK(c.ShownSeconds(100.25) == 60);  // rounded up: 01:00 for the whole first second
  CHECK(c.ShownSeconds(101) == 59);
  CHECK(c.Remaining(130.5) == doctest::Approx(29.5));
  CHECK(c.StateAt(159.999) == State::Running);
  CHECK(c.StateAt(160) == State::Finished);
  CHECK(c.Remaining(175) == 0);
  CHECK(c.ShownSeconds(175) == 0);
  c.Start(100);  // a second Start while running changes nothing
  CHECK(c.Remaining(130) == 30);
}

TEST_CASE("countdown: the end is told exactly once, late or on time") {
  Countdown c;
  c.Set(5);
  c.Start(0);
  CHECK_FALSE(c.JustFinished(4.9));
  CHECK(c.JustFinished(7));  // a late frame still hears of it
  CHECK_FALSE(c.JustFinished(7));
  CHECK_FALSE(c.JustFinished(8));
  CHECK(c.StateAt(8) == State::Finished);
  CHECK(c.SinceFinished(7.5) == doctest::Approx(2.5));  // from the end itself, not from the frame
  CHECK(c.SinceFinished(8) == doctest::Approx(3));
  // Started again, the next end is told again.
  c.Start(10);
  CHECK(c.StateAt(10) == State::Running);
  CHECK(c.SinceFinished(11) < 0);
  CHECK_FALSE(c.JustFinished(14));
  CHECK(c.JustFinished(15));
}

TEST_CASE("countdown: Pause keeps what is left, Resume goes on from there") {
  Countdown c;
  c.Set(60);
  c.Start(0);
  c.Pause(20.5);
  CHECK(c.StateAt(20.5) == State::Paused);
  CHECK(c.Remaining(500) == doctest::Approx(39.5));
  CHECK(c.ShownSeconds(500) == 40);
  CHECK(c.NextRedrawIn(500) == -1);  // paused: nothing changes by itself
  CHECK_FALSE(c.JustFinished(1000));
  c.Pause(600);  // pausing twice changes nothing
  CHECK(c.Remaining(600) == doctest::Approx(39.5));
  c.Resume(1000);
  CHECK(c.StateAt(1000) == State::Running);
  CHECK(c.Remaining(1010) == doctest::Approx(29.5));
  CHECK(c.JustFinished(1039.5));
  c.Resume(1050);  // only a paused countdown resumes
  CHECK(c.StateAt(1050) == State::Finished);
}

TEST_CASE("countdown: Start resumes a paused countdown and restarts a finished one") {
  Countdown c;
  c.Set(10);
  c.Start(0);
  c.Pause(4);
  c.Start(100);
  CHECK(c.StateAt(100) == State::Running);
  CHECK(c.Remaining(100) == 6);
  CHECK(c.JustFinished(106));
  c.Start(200);
  CHECK(c.Remaining(200) == 10);
}

TEST_CASE("countdown: pausing after the end finishes instead, and the end is still told") {
  Countdown c;
  c.Set(10);
  c.Start(0);
  c.Pause(12);
  CHECK(c.StateAt(12) == State::Finished);
  CHECK(c.Remaining(12) == 0);
  CHECK(c.JustFinished(12));
  CHECK(c.SinceFinished(12) == doctest::Approx(2));
}

TEST_CASE("countdown: AddMinute in every state") {
  SUBCASE("idle: the set duration grows") {
    Countdown c;
    c.Set(60);
    c.AddMinute(0);
    CHECK(c.StateAt(0) == State::Idle);
    CHECK(c.Duration() == 120);
    CHECK(c.Remaining(5) == 120);
  }
  SUBCASE("running: what is left grows, the end moves") {
    Countdown c;
    c.Set(60);
    c.Start(0);
    c.AddMinute(10);
    CHECK(c.StateAt(10) == State::Running);
    CHECK(c.Remaining(10) == 110);
    CHECK_FALSE(c.JustFinished(60));
    CHECK(c.JustFinished(120));
  }
  SUBCASE("paused: what is left grows, still paused") {
    Countdown c;
    c.Set(60);
    c.Start(0);
    c.Pause(1);
    c.AddMinute(5);
    CHECK(c.StateAt(5) == State::Paused);
    CHECK(c.Remaining(5) == 119);
    CHECK(c.ShownSeconds(5) == 119);
  }
  SUBCASE("finished: one more minute runs, and its end is told again") {
    Countdown c;
    c.Set(30);
    c.Start(0);
    CHECK(c.JustFinished(31));
    c.AddMinute(40);
    CHECK(c.StateAt(40) == State::Running);
    CHECK(c.Remaining(40) == 60);
    CHECK(c.JustFinished(100));
  }
  SUBCASE("a running countdown past its end is finished: the minute counts from now") {
    Countdown c;
    c.Set(30);
    c.Start(0);
    c.AddMinute(45);
    CHECK(c.Remaining(45) == 60);
  }
  SUBCASE("capped at 99:59") {
    Countdown c;
    c.Set(Countdown::kMaxSeconds - 10);
    c.AddMinute(0);
    CHECK(c.Duration() == Countdown::kMaxSeconds);
    c.Start(0);
    c.AddMinute(0);
    CHECK(c.Remaining(0) == Countdown::kMaxSeconds);
    c.Pause(0);
    c.AddMinute(0);
    CHECK(c.Remaining(0) == Countdown::kMaxSeconds);
  }
}

TEST_CASE("countdown: Reset goes back to idle with the set duration in every state") {
  Countdown c;
  c.Set(180);
  c.Start(0);
  c.Reset();
  CHECK(c.StateAt(1) == State::Idle);
  CHECK(c.Remaining(1) == 180);
  c.Start(10);
  c.Pause(20);
  c.Reset();
  CHECK(c.StateAt(20) == State::Idle);
  c.Start(30);
  CHECK(c.JustFinished(300));
  c.Reset();
  CHECK(c.StateAt(300) == State::Idle);
  // An end not yet told is forgotten with the reset.
  c.Start(400);
  c.Reset();
  CHECK_FALSE(c.JustFinished(1000));
  CHECK(c.NextRedrawIn(1000) == -1);
}

TEST_CASE("countdown: NextRedrawIn is the time to the next change of the shown seconds") {
  Countdown c;
  c.Set(60);
  c.Start(0);
  CHECK(c.NextRedrawIn(0) == doctest::Approx(1));
  CHECK(c.NextRedrawIn(0.25) == doctest::Approx(0.75));
  CHECK(c.NextRedrawIn(59.5) == doctest::Approx(0.5));
  // Waking when it says shows the next value, every time: never more than one frame a second.
  double now = 0.3;
  int shown = c.ShownSeconds(now), frames = 0;
  while (c.StateAt(now) == State::Running) {
    const double wait = c.NextRedrawIn(now);
    REQUIRE(wait > 0);
    REQUIRE(wait <= 1);
    now += wait + 1e-9;  // as the app does: a hair past the change, never just before it
    ++frames;
    CHECK(c.ShownSeconds(now) == shown - 1);
    shown = c.ShownSeconds(now);
  }
  CHECK(frames == 60);
  // Ended but not yet told: draw now, to tell it; then nothing more.
  CHECK(c.NextRedrawIn(now) == 0);
  CHECK(c.JustFinished(now));
  CHECK(c.NextRedrawIn(now + 1) == -1);
}

TEST_CASE("countdown: ParseDuration reads minutes or minutes:seconds and nothing else") {
  CHECK(jb::ParseDuration("7") == 420.0);
  CHECK(jb::ParseDuration(" 10 ") == 600.0);
  CHECK(jb::ParseDuration("1:30") == 90.0);
  CHECK(jb::ParseDuration("0:05") == 5.0);
  CHECK(jb::ParseDuration("99:59") == Countdown::kMaxSeconds);
  CHECK(jb::ParseDuration("99") == 5940.0);
  for (const char* bad : {"", "   ", "abc", "1.5", "-2", "0", "0:00", "100", "1:60", "1:5", "1:", ":30", "1:2:3",
                          "+3", "3 min", "１", "99999999999999999999"})
    CHECK_MESSAGE(!jb::ParseDuration(bad), bad);
}
