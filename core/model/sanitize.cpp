#include "core/model/sanitize.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace jb {

namespace {

void ClampInt(int& value, int low, int high, size_t* changes) {
  const int fixed = std::clamp(value, low, high);
  if (fixed != value) ++*changes;
  value = fixed;
}

void ClampMetric(std::optional<float>& metric, float low, float high, size_t* changes) {
  if (!metric) return;
  if (std::isnan(*metric)) {
    metric.reset();
    ++*changes;
    return;
  }
  *metric = ClampValue(*metric, low, high, 0, changes);
}

}  // namespace

float ClampValue(float value, float low, float high, float fallback, size_t* changes) {
  const float fixed = std::isnan(value) ? fallback : std::clamp(value, low, high);
  if (!(fixed == value)) ++*changes;  // written so that NaN counts too
  return fixed;
}

void CutText(std::string& text, size_t* cuts) {
  if (text.size() <= kMaxTextChars) return;  // a code point is at least one byte
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (points++ == kMaxTextChars) {
      text.resize(i);
      ++*cuts;
      return;
    }
  }
}

void ClampNoteValues(Note& note, SanitizeCounts* counts) {
  note.pos.x = ClampValue(note.pos.x, -kMaxCoordinate, kMaxCoordinate, 0, &counts->geometry);
  note.pos.y = ClampValue(note.pos.y, -kMaxCoordinate, kMaxCoordinate, 0, &counts->geometry);
  ClampInt(note.votes, 0, INT_MAX, &counts->scores);
  ClampInt(note.severity, 0, 3, &counts->scores);
  ClampMetric(note.metrics.conversion, 0, 100, &counts->scores);
  ClampMetric(note.metrics.csi, 0, 100, &counts->scores);
  ClampMetric(note.metrics.nps, -100, 100, &counts->scores);
  for (std::string* text : {&note.text, &note.owner, &note.due, &note.channel}) CutText(*text, &counts->cuts);
  for (std::string& tag : note.tags) CutText(tag, &counts->cuts);
}

}  // namespace jb
