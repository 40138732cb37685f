#include "core/model/funnel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/model/limits.h"
#include "core/model/warnings.h"

namespace jb {

bool Funnel::Measured() const {
  int measured = 0;
  for (const FunnelStep& step : steps) measured += step.reached.has_value();
  return measured >= 2;
}

Funnel ComputeFunnel(const Board& board, bool skipHidden) {
  Funnel funnel;
  for (const Stage& stage : board.stages) {
    if (skipHidden && stage.hidden) continue;
    FunnelStep step;
    step.stage = stage.id;
    if (stage.reached && std::isfinite(*stage.reached) && *stage.reached >= 0) step.reached = stage.reached;
    funnel.steps.push_back(step);
  }
  std::optional<double> first;
  for (FunnelStep& step : funnel.steps) {
    if (!step.reached) continue;
    if (!first) first = step.reached;
    if (*first > 0) step.share = *step.reached / *first;
  }
  double biggest = 0;
  for (size_t i = 0; i < funnel.steps.size(); ++i) {
    FunnelStep& step = funnel.steps[i];
    if (!step.reached) continue;
    for (size_t j = i + 1; j < funnel.steps.size(); ++j) {
      if (!funnel.steps[j].reached) continue;
      step.next = int(j);
      if (*step.reached > 0) step.dropToNext = (*step.reached - *funnel.steps[j].reached) / *step.reached * 100.0;
      break;
    }
    if (step.dropToNext && *step.dropToNext > biggest) {
      biggest = *step.dropToNext;
      funnel.biggestDrop = int(i);
    }
  }
  return funnel;
}

}  // namespace jb

namespace jb {

namespace {

// The spaces people put between digit groups: ASCII, no-break (U+00A0), thin (U+2009), narrow
// no-break (U+202F). Their UTF-8 length at `at`, or 0.
size_t SpaceAt(std::string_view text, size_t at) {
  static constexpr std::string_view kSpaces[] = {" ", "\t", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
  for (std::string_view space : kSpaces)
    if (text.substr(at, space.size()) == space) return space.size();
  return 0;
}

std::string_view Trim(std::string_view text) {
  for (size_t n; !text.empty() && (n = SpaceAt(text, 0)) > 0;) text.remove_prefix(n);
  for (bool trimmed = true; trimmed && !text.empty();) {
    trimmed = false;
    for (size_t n = 1; n <= 3 && n <= text.size(); ++n)
      if (SpaceAt(text, text.size() - n) == n) {
        text.remove_suffix(n);
        trimmed = true;
        break;
      }
  }
  return text;
}

// Whether every group after the first, split at `separator`, has exactly three digits ("1,200,000").
bool ThousandsGroups(const std::string& digits, char separator) {
  size_t start = digits.find(separator);
  if (start == 0) return false;
  while (start != std::string::npos) {
    const size_t next = digits.find(separator, start + 1);
    const size_t length = (next == std::string::npos ? digits.size() : next) - start - 1;
    if (length != 3) return false;
    start = next;
  }
  return true;
}

constexpr const char* kReachedHelp =
    "Type a number of customers (1200), a percentage of the first stage (45%), or nothing to clear it.";

}  // namespace

bool ParseReached(std::string_view text, ReachedEntry* entry, std::string* error) {
  text = Trim(text);
  *entry = {};
  if (text.empty()) return true;
  bool percent = false;
  if (text.back() == '%') {
    percent = true;
    text = Trim(text.substr(0, text.size() - 1));
  }
  bool negative = false;
  if (!text.empty() && text.front() == '-') negative = true, text.remove_prefix(1);
  else if (text.substr(0, 3) == "\xE2\x88\x92") negative = true, text.remove_prefix(3);  // U+2212 minus
  // Digits with ',' and '.' kept; a space counts only between two digits ("1 200").
  std::string number;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
      number += c;
      ++i;
    } else if (size_t n = SpaceAt(text, i); n > 0 && !number.empty() && number.back() >= '0' && number.back() <= '9' &&
                                            i + n < text.size() && text[i + n] >= '0' && text[i + n] <= '9') {
      i += n;
    } else {
      *error = kReachedHelp;
      return false;
    }
  }
  const size_t commas = size_t(std::count(number.begin(), number.end(), ','));
  const size_t dots = size_t(std::count(number.begin(), number.end(), '.'));
  auto drop = [&number](char c) { number.erase(std::remove(number.begin(), number.end(), c), number.end()); };
  if (commas && dots) {  // "1,200.5" or "1.200,5": the last one is the decimal point
    const bool commaDecimal = number.rfind(',') > number.rfind('.');
    drop(commaDecimal ? '.' : ',');
    std::replace(number.begin(), number.end(), ',', '.');
  } else if (commas) {  // "1,200" groups thousands; "12,5" is a decimal comma
    if (ThousandsGroups(number, ',')) drop(',');
    else std::replace(number.begin(), number.end(), ',', '.');
  } else if (dots > 1 && ThousandsGroups(number, '.')) {  // "1.200.000"
    drop('.');
  }
  double value = 0;
  const char* end = number.data() + number.size();
  const auto parsed = std::from_chars(number.data(), end, value);
  if (number.empty() || number.front() == '.' || parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value)) {
    *error = kReachedHelp;
    return false;
  }
  if (negative && value > 0) {
    *error = "A number of customers cannot be negative.";
    return false;
  }
  if (value > kMaxReached) {
    *error = "That is more customers than a board can count.";
    return false;
  }
  entry->kind = percent ? ReachedEntry::Kind::Percent : ReachedEntry::Kind::Count;
  entry->value = value;
  return true;
}

bool ResolveReached(const Board& board, StageId stage, const ReachedEntry& entry, std::vector<ReachedChange>* changes,
                    std::string* error) {
  changes->clear();
  if (board.StageIndex(stage) < 0) {
    *error = "That stage is no longer on the board.";
    return false;
  }
  if (entry.kind != ReachedEntry::Kind::Percent) {
    changes->push_back({stage, entry.kind == ReachedEntry::Kind::Clear ? std::nullopt : std::optional(entry.value)});
    return true;
  }
  for (const Stage& base : board.stages) {
    if (base.id == stage || !base.reached || !std::isfinite(*base.reached) || *base.reached < 0) continue;
    if (*base.reached <= 0) {
      *error = "The first measured stage reached nobody, so type a count rather than a percentage.";
      return false;
    }
    const double value = *base.reached * entry.value / 100.0;
    if (value > kMaxReached) {
      *error = "That is more customers than a board can count.";
      return false;
    }
    changes->push_back({stage, value});
    return true;
  }
  // Nothing measured yet: the board's first stage is the 100 % the percentage is of.
  if (board.stages.front().id == stage) {
    *error = "A percentage is of the first stage, so type a count for the first stage itself.";
    return false;
  }
  changes->push_back({board.stages.front().id, 100.0});
  changes->push_back({stage, entry.value});
  return true;
}

std::string FormatReachedCount(double count, std::string_view language) {
  const bool russian = language.substr(0, 2) == "ru";
  return Thousands(uint64_t(std::llround(std::clamp(count, 0.0, kMaxReached))), russian ? "\xC2\xA0" : ",");
}

std::string FormatFunnelPercent(double percent, std::string_view language, bool sign) {
  const double size = std::fabs(percent);
  char digits[32];
  // Whole percents, but a small figure keeps its first decimal ("4.5 %"), never "4.0 %".
  if (size < 9.95 && std::fabs(size - std::round(size)) >= 0.05) std::snprintf(digits, sizeof digits, "%.1f", size);
  else std::snprintf(digits, sizeof digits, "%.0f", size);
  std::string text = digits;
  if (language.substr(0, 2) == "ru") std::replace(text.begin(), text.end(), '.', ',');
  const bool zero = text == "0";
  if (percent < 0 && !zero) text = "\xE2\x88\x92" + text;
  else if (sign && percent > 0 && !zero) text = "+" + text;
  return text + " %";
}

}  // namespace jb
