#include "core/room/rate_limiter.h"

#include <algorithm>

namespace jb {

namespace {
constexpr double kMinute = 60;
// Beyond this many addresses, those quiet for a minute are dropped: they are back to where a new
// address starts, so forgetting them changes no answer.
constexpr size_t kForgetAbove = 1024;
}  // namespace

void RateLimiter::ForgetQuiet(double now) {
  for (auto it = m_phones.begin(); it != m_phones.end();) {
    const bool quiet = it->second.recent.empty() || now - it->second.recent.back() >= kMinute;
    it = quiet ? m_phones.erase(it) : std::next(it);
  }
}

bool RateLimiter::Allow(const std::string& address, double now) {
  auto found = m_phones.find(address);
  if (found == m_phones.end()) {
    if (m_phones.size() >= kForgetAbove) ForgetQuiet(now);
    found = m_phones.emplace(address, Phone{m_limits.perSecond, now, {}}).first;
  }
  Phone& phone = found->second;
  const double elapsed = std::max(0.0, now - phone.at);  // a clock that steps back refills nothing
  phone.tokens = std::min(m_limits.perSecond, phone.tokens + elapsed * m_limits.perSecond);
  phone.at = std::max(phone.at, now);
  while (!phone.recent.empty() && now - phone.recent.front() >= kMinute) phone.recent.pop_front();
  if (phone.tokens < 1 || int(phone.recent.size()) >= m_limits.perMinute) return false;
  phone.tokens -= 1;
  phone.recent.push_back(now);
  return true;
}

}  // namespace jb
