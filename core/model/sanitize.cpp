#include "core/model/sanitize.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

#include <utf8proc.h>

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

size_t CountCodepoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

bool CutToCodepoints(std::string& text, size_t most) {
  if (text.size() <= most) return false;  // a code point is at least one byte
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (points++ == most) {
      text.resize(i);
      return true;
    }
  }
  return false;
}

void CutText(std::string& text, size_t* cuts) {
  if (CutToCodepoints(text, kMaxTextChars)) ++*cuts;
}

namespace {

// Bytes at the start of `bytes` that are well-formed UTF-8.
utf8proc_ssize_t ValidPrefix(const utf8proc_uint8_t* bytes, utf8proc_ssize_t size) {
  utf8proc_int32_t code = 0;
  utf8proc_ssize_t at = 0;
  while (at < size) {
    if (bytes[at] < 0x80) {  // most text is ASCII: no call for it
      ++at;
      continue;
    }
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code);
    if (length < 0) break;
    at += length;
  }
  return at;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  return ValidPrefix(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), size) == size;
}

bool RepairUtf8(std::string& text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_int32_t code = 0;
  utf8proc_ssize_t at = ValidPrefix(bytes, size);  // most texts are valid: look without copying first
  if (at == size) return false;
  std::string repaired(text, 0, static_cast<size_t>(at));
  while (at < size) {
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code);
    if (length < 0) {
      repaired += "\xEF\xBF\xBD";  // U+FFFD for the byte that starts no valid sequence
      ++at;
    } else {
      repaired.append(text, static_cast<size_t>(at), static_cast<size_t>(length));
      at += length;
    }
  }
  text = std::move(repaired);
  return true;
}

bool RemoveControlChars(std::string& text) {
  auto control = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F;  // never inside a UTF-8 sequence
  };
  const auto first = std::find_if(text.begin(), text.end(), control);
  if (first == text.end()) return false;
  text.erase(std::remove_if(first, text.end(), control), text.end());
  return true;
}

void RepairText(std::string& text, SanitizeCounts* counts) {
  const bool broken = RepairUtf8(text);
  if (RemoveControlChars(text) || broken) ++counts->broken;
  CutText(text, &counts->cuts);
}

void ClampNoteValues(Note& note, SanitizeCounts* counts) {
  note.pos.x = ClampValue(note.pos.x, -kMaxCoordinate, kMaxCoordinate, 0, &counts->geometry);
  note.pos.y = ClampValue(note.pos.y, -kMaxCoordinate, kMaxCoordinate, 0, &counts->geometry);
  ClampInt(note.votes, 0, INT_MAX, &counts->scores);
  ClampInt(note.severity, 0, 3, &counts->scores);
  ClampMetric(note.metrics.conversion, 0, 100, &counts->scores);
  ClampMetric(note.metrics.csi, 0, 100, &counts->scores);
  ClampMetric(note.metrics.nps, -100, 100, &counts->scores);
  ClampMetric(note.metrics.retention, 0, 100, &counts->scores);
  ClampOpportunity(note.opportunity, &counts->scores);
  RepairTexts(note, counts);
}

void ClampReached(std::optional<double>& reached, size_t* changes) {
  if (!reached) return;
  if (!std::isfinite(*reached)) {
    reached.reset();
    ++*changes;
    return;
  }
  const double fixed = std::clamp(*reached, 0.0, kMaxReached);
  if (fixed != *reached) ++*changes;
  *reached = fixed;
}

void ClampOpportunity(std::optional<Opportunity>& opportunity, size_t* changes) {
  if (!opportunity) return;
  const Opportunity unscored;
  opportunity->customerValue =
      ClampValue(opportunity->customerValue, 0, kMaxOpportunityValue, unscored.customerValue, changes);
  opportunity->businessValue =
      ClampValue(opportunity->businessValue, 0, kMaxOpportunityValue, unscored.businessValue, changes);
  ClampInt(opportunity->effort, kMinEffort, kMaxEffort, changes);
}

void RepairTexts(Note& note, SanitizeCounts* counts) {
  for (std::string* text : {&note.text, &note.owner, &note.due, &note.channel}) RepairText(*text, counts);
  for (std::string& tag : note.tags) RepairText(tag, counts);
}

void RepairTexts(Stage& stage, SanitizeCounts* counts) { RepairText(stage.name, counts); }

void RepairTexts(Lane& lane, SanitizeCounts* counts) { RepairText(lane.name, counts); }

void RepairTexts(EmotionCurve& curve, SanitizeCounts* counts) {
  RepairText(curve.name, counts);
  for (CurvePoint& point : curve.points) RepairText(point.label, counts);
}

void RepairTexts(Persona& persona, SanitizeCounts* counts) {
  for (std::string* value : PersonaTexts(persona)) RepairText(*value, counts);
  ClampMetric(persona.income, 0, float(kMaxJsonNumber), &counts->scores);  // an amount, never negative
}

void RepairTexts(BoardMeta& meta, SanitizeCounts* counts) {
  for (std::string* value : {&meta.title, &meta.created, &meta.modified, &meta.language}) RepairText(*value, counts);
}

void RepairTexts(Stroke&, SanitizeCounts*) {}

void RepairTexts(Arrow& arrow, SanitizeCounts* counts) { RepairText(arrow.label, counts); }

void RepairTexts(Frame& frame, SanitizeCounts* counts) { RepairText(frame.title, counts); }

void RepairTexts(TextLabel& label, SanitizeCounts* counts) { RepairText(label.text, counts); }

namespace {
void ClampPosition(Vec2& p, size_t* changes) {
  p.x = ClampValue(p.x, -kMaxCoordinate, kMaxCoordinate, 0, changes);
  p.y = ClampValue(p.y, -kMaxCoordinate, kMaxCoordinate, 0, changes);
}
}  // namespace

void ClampStrokeValues(Stroke& stroke, SanitizeCounts* counts) {
  auto unplaceable = [](Vec2 p) { return !std::isfinite(p.x) || !std::isfinite(p.y); };
  const size_t before = stroke.points.size();
  stroke.points.erase(std::remove_if(stroke.points.begin(), stroke.points.end(), unplaceable), stroke.points.end());
  counts->geometry += before - stroke.points.size();
  for (Vec2& p : stroke.points) ClampPosition(p, &counts->geometry);
  stroke.width = ClampValue(stroke.width, kMinStrokeWidth, kMaxStrokeWidth, kDefaultStrokeWidth, &counts->geometry);
}

void ClampArrowValues(Arrow& arrow, SanitizeCounts* counts) {
  ClampPosition(arrow.from.pos, &counts->geometry);
  ClampPosition(arrow.to.pos, &counts->geometry);
  RepairTexts(arrow, counts);
}

void ClampFrameValues(Frame& frame, SanitizeCounts* counts) {
  Rect& r = frame.rect;
  for (float* v : {&r.x0, &r.y0, &r.x1, &r.y1}) *v = ClampValue(*v, -kMaxCoordinate, kMaxCoordinate, 0, &counts->geometry);
  if (r.x1 < r.x0 || r.y1 < r.y0) {
    r = Rect{std::min(r.x0, r.x1), std::min(r.y0, r.y1), std::max(r.x0, r.x1), std::max(r.y0, r.y1)};
    ++counts->geometry;
  }
  RepairTexts(frame, counts);
}

void ClampLabelValues(TextLabel& label, SanitizeCounts* counts) {
  ClampPosition(label.pos, &counts->geometry);
  label.size = ClampValue(label.size, kMinLabelSize, kMaxLabelSize, kDefaultLabelSize, &counts->geometry);
  RepairTexts(label, counts);
}

}  // namespace jb
