// How often one phone (one network address) may send: at most `perSecond` notes a second (a token
// bucket that holds one second's worth) and never more than `perMinute` in any 60 seconds (the
// times of its latest notes, a sliding window: a bucket refilled per minute would let a steady
// phone send nearly twice that in its first minute). Time comes from the caller, in seconds on any
// steady clock, so tests need no sleeps.
#pragma once
#include <deque>
#include <string>
#include <unordered_map>

namespace jb {

struct RateLimits {
  double perSecond = 1;
  int perMinute = 30;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits = {}) : m_limits(limits) {}
  // Counts one note from `address` at time `now`; false (nothing counted) when it is over a limit.
  bool Allow(const std::string& address, double now);
  // Addresses remembered (one quiet for a minute is forgotten once many are kept).
  size_t Tracked() const { return m_phones.size(); }

 private:
  struct Phone {
    double tokens = 0;          // the second's bucket
    double at = 0;              // when it was last refilled
    std::deque<double> recent;  // times of the notes allowed in the last minute, oldest first
  };
  void ForgetQuiet(double now);

  RateLimits m_limits;
  std::unordered_map<std::string, Phone> m_phones;
};

}  // namespace jb
