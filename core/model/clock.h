// Wall-clock time as text: the one place that formats dates and times.
// - FormatIso8601 / NowIso8601: ISO 8601 UTC, as stored in BoardMeta and recovery copies
//   ("2026-03-01T09:30:00Z"), computed from the number alone (no time zone, no C library state).
// - LocalTimestampForFileName, LocalClockTime, LocalDate: the user's local time (TZ), through
//   localtime_r: thread-safe, unlike std::localtime, whose one static result another thread (the
//   autosave, the export) may overwrite while it is being read.
#pragma once
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace jb {

// Seconds since 1970-01-01T00:00:00Z → "YYYY-MM-DDThh:mm:ssZ" (proleptic Gregorian calendar).
inline std::string FormatIso8601(int64_t unixSeconds) {
  int64_t days = unixSeconds / 86400;
  int64_t secondsOfDay = unixSeconds % 86400;
  if (secondsOfDay < 0) {
    secondsOfDay += 86400;
    days -= 1;
  }
  // Days → civil date (Howard Hinnant's days_from_civil inverse), exact for any int64 day count
  // that fits a four-digit year.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t dayOfEra = days - era * 146097;
  const int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int64_t monthIndex = (5 * dayOfYear + 2) / 153;  // March = 0
  const int64_t day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
  const int64_t month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

  char text[160];  // room for any int64 fields, so the compiler can prove no truncation
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(year),
                static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(secondsOfDay / 3600),
                static_cast<long long>(secondsOfDay / 60 % 60), static_cast<long long>(secondsOfDay % 60));
  return text;
}

inline std::string NowIso8601() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return FormatIso8601(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

namespace detail {
// `when` in the local time zone, formatted by strftime; "" if the time cannot be represented.
inline std::string FormatLocal(std::time_t when, const char* format) {
  std::tm local{};
  if (!localtime_r(&when, &local)) return "";
  char text[64];
  const size_t length = std::strftime(text, sizeof text, format, &local);
  return std::string(text, length);
}
}  // namespace detail

// "2026-03-01-093000": local date and time for a file name (exports); sorts by time, no colons.
inline std::string LocalTimestampForFileName(std::time_t when) {
  return detail::FormatLocal(when, "%Y-%m-%d-%H%M%S");
}

// "20260301-093000": the same, compact, for snapshot names (`<board>-YYYYMMDD-HHMMSS.png`).
inline std::string LocalTimestampCompact(std::time_t when) { return detail::FormatLocal(when, "%Y%m%d-%H%M%S"); }

// "09:30:00": local time of day, for a sentence ("restore unsaved work from 09:30:00?").
inline std::string LocalClockTime(std::time_t when) { return detail::FormatLocal(when, "%H:%M:%S"); }

// "2026-03-01": the local calendar date, as a note's due date is written (the overdue check).
inline std::string LocalDate(std::time_t when) { return detail::FormatLocal(when, "%Y-%m-%d"); }

}  // namespace jb
