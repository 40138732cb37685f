#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>

#include "core/model/clock.h"
#include "test_support.h"

using namespace jb;

namespace {

// Sets the process's time zone for one test and puts the previous one back.
class TimeZone {
 public:
  explicit TimeZone(const char* zone) : m_tz("TZ", zone) { tzset(); }

 private:
  // Members go in reverse order: m_tz puts TZ back first, then m_reread makes libc read it.
  struct Reread {
    ~Reread() { tzset(); }
  } m_reread;
  jb::test::ScopedEnv m_tz;
};

constexpr std::time_t kLateEvening = 1700000000;  // 2023-11-14T22:13:20Z
constexpr std::time_t kNewYearsEve = 1704063599;  // 2023-12-31T22:59:59Z

}  // namespace

TEST_CASE("Local times are formatted in the TZ time zone: UTC") {
  TimeZone zone("UTC");
  CHECK(LocalTimestampForFileName(kLateEvening) == "2023-11-14-221320");
  CHECK(LocalClockTime(kLateEvening) == "22:13:20");
  CHECK(LocalDate(kLateEvening) == "2023-11-14");
  CHECK(LocalTimestampForFileName(0) == "1970-01-01-000000");
  CHECK(LocalDate(kNewYearsEve) == "2023-12-31");
  CHECK(FormatIso8601(kLateEvening) == "2023-11-14T22:13:20Z");
}

TEST_CASE("Local times are formatted in the TZ time zone: Europe/Moscow, three hours ahead, the date rolls over") {
  TimeZone zone("Europe/Moscow");
  CHECK(LocalTimestampForFileName(kLateEvening) == "2023-11-15-011320");
  CHECK(LocalClockTime(kLateEvening) == "01:13:20");
  CHECK(LocalDate(kLateEvening) == "2023-11-15");
  CHECK(LocalDate(kNewYearsEve) == "2024-01-01");
  CHECK(LocalClockTime(kNewYearsEve) == "01:59:59");
  // The stored ISO text is UTC whatever the zone.
  CHECK(FormatIso8601(kLateEvening) == "2023-11-14T22:13:20Z");
}

TEST_CASE("Local times can be formatted on two threads at once") {
  // std::localtime's one shared result would let one thread format the other's time.
  TimeZone zone("Europe/Moscow");
  auto format = [](std::time_t when, const char* expected, int* wrong) {
    for (int i = 0; i < 200000; ++i)
      if (LocalTimestampForFileName(when) != expected) ++*wrong;
  };
  int wrongA = 0, wrongB = 0;
  std::thread other(format, kNewYearsEve, "2024-01-01-015959", &wrongB);
  format(kLateEvening, "2023-11-15-011320", &wrongA);
  other.join();
  CHECK(wrongA == 0);
  CHECK(wrongB == 0);
}
