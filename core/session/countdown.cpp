#include "core/session/countdown.h"

#include <algorithm>
#include <cmath>

namespace jb {

namespace {

double Clamp(double seconds) {
  if (!(seconds >= 1)) return 1;  // NaN too
  return std::min(std::round(seconds), Countdown::kMaxSeconds);
}

}  // namespace

void Countdown::Settle(double now) {
  if (m_state == State::Running && now >= m_endsAt) m_state = State::Finished;
}

void Countdown::Set(double seconds) {
  m_duration = Clamp(seconds);
  m_state = State::Idle;
}

void Countdown::Start(double now) {
  Settle(now);
  switch (m_state) {
    case State::Idle:
    case State::Finished:
      m_state = State::Running;
      m_endsAt = now + m_duration;
      m_endTold = false;
      break;
    case State::Paused: Resume(now); break;
    case State::Running: break;
  }
}

void Countdown::Pause(double now) {
  Settle(now);
  if (m_state != State::Running) return;
  m_left = m_endsAt - now;
  m_state = State::Paused;
}

void Countdown::Resume(double now) {
  if (m_state != State::Paused) return;
  m_endsAt = now + m_left;
  m_state = State::Running;
}

void Countdown::AddMinute(double now) {
  Settle(now);
  switch (m_state) {
    case State::Idle: m_duration = std::min(m_duration + 60, kMaxSeconds); break;
    case State::Running: m_endsAt = now + std::min(m_endsAt - now + 60, kMaxSeconds); break;
    case State::Paused: m_left = std::min(m_left + 60, kMaxSeconds); break;
    case State::Finished:
      m_state = State::Running;
      m_endsAt = now + 60;
      m_endTold = false;
      break;
  }
}

void Countdown::Reset() { m_state = State::Idle; }

Countdown::State Countdown::StateAt(double now) const {
  if (m_state == State::Running && now >= m_endsAt) return State::Finished;
  return m_state;
}

double Countdown::Remaining(double now) const {
  switch (StateAt(now)) {
    case State::Idle: return m_duration;
    case State::Running: return m_endsAt - now;
    case State::Paused: return m_left;
    case State::Finished: return 0;
  }
  return 0;
}

int Countdown::ShownSeconds(double now) const { return int(std::ceil(Remaining(now))); }

bool Countdown::JustFinished(double now) {
  Settle(now);
  if (m_state != State::Finished || m_endTold) return false;
  m_endTold = true;
  return true;
}

double Countdown::SinceFinished(double now) const {
  return StateAt(now) == State::Finished ? now - m_endsAt : -1;
}

double Countdown::NextRedrawIn(double now) const {
  const State state = StateAt(now);
  if (state == State::Finished) return m_endTold ? -1 : 0;
  if (state != State::Running) return -1;
  const double left = m_endsAt - now;
  // The shown value drops when `left` passes the whole second below it.
  return left - (std::ceil(left) - 1);
}

std::optional<double> ParseDuration(const std::string& text) {
  size_t begin = text.find_first_not_of(' '), end = text.find_last_not_of(' ');
  if (begin == std::string::npos) return std::nullopt;
  const std::string trimmed = text.substr(begin, end - begin + 1);
  // Digits only, at most one ':' with two digits after it; short enough never to overflow.
  const size_t colon = trimmed.find(':');
  const std::string minutes = trimmed.substr(0, colon);
  const std::string seconds = colon == std::string::npos ? "" : trimmed.substr(colon + 1);
  auto digits = [](const std::string& part, size_t most) {
    return !part.empty() && part.size() <= most && part.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(minutes, 2)) return std::nullopt;
  if (colon != std::string::npos && (seconds.size() != 2 || !digits(seconds, 2))) return std::nullopt;
  const int m = std::stoi(minutes), s = seconds.empty() ? 0 : std::stoi(seconds);
  const int total = m * 60 + s;
  if (s > 59 || total < 1 || total > int(Countdown::kMaxSeconds)) return std::nullopt;
  return double(total);
}

}  // namespace jb
