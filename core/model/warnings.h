// Small helpers for the sentences loading and repair report: "3 notes", "200,000".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace jb {

// 200000 → "200,000": counts in messages are read by people. `separator` between groups of three
// (a Russian board's figures use a no-break space).
inline std::string Thousands(uint64_t n, std::string_view separator = ",") {
  std::string digits = std::to_string(n), text;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += separator;
    text += digits[i];
  }
  return text;
}

// "1 note", "3 notes".
inline std::string Counted(uint64_t n, const char* singular, const char* plural) {
  return Thousands(n) + " " + (n == 1 ? singular : plural);
}

// "was" or "were" to agree with a count.
inline const char* WasWere(uint64_t n) {
  return n == 1 ? "was" : "were";
}

}  // namespace jb
