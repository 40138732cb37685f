// cereal save/load functions for the board: the "board" object of a .cjm file.
// Included by file_io.cpp only. <cereal/archives/json.hpp> comes first so that RapidJSON's
// assertions throw cereal::RapidJSONException (instead of calling assert/abort) everywhere.
//
// Every field is written and read by name, so the order of keys in a file does not matter.
// Ids are plain integers, LaneKind and NoteSize are their names, colours "#rrggbb" ("" = 0,
// "follow the lane kind"), floats the shortest decimal that reads back to the same float.
#pragma once
#include "core/io/cereal_json.h"

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace jb {

// Where the loader is in the board, as "notes[3].text". Parts are pushed before a field is read
// and popped after it succeeded, so after an exception the trail names the field that failed.
class LoadTrail {
 public:
  void Push(std::string part) { parts_.push_back(std::move(part)); }
  void Pop() {
    if (!parts_.empty()) parts_.pop_back();
  }
  std::string ToString() const {
    std::string text;
    for (const std::string& part : parts_) {
      if (!text.empty() && part.front() != '[') text += '.';
      text += part;
    }
    return text;
  }

 private:
  std::vector<std::string> parts_;
};

// A JSON input archive that carries a trail. (cereal's UserDataAdapter would do, but in 1.3.2 it
// is hidden behind CEREAL_FUTURE_EXPERIMENTAL.)
class TrailedJsonInputArchive : public cereal::JSONInputArchive {
 public:
  explicit TrailedJsonInputArchive(std::istream& stream) : cereal::JSONInputArchive(stream) {}
  LoadTrail trail;
};

namespace serial {

// The shortest decimal that reads back as exactly `value`, as a double RapidJSON prints the same
// way: 0.35f is written "0.35", not "0.3499999940395355". Locale-independent (to_chars).
inline double TidyFloat(float value) {
  if (!std::isfinite(value)) return 0;  // JSON has no NaN; a NaN on the board becomes 0
  char text[32];
  const auto written = std::to_chars(text, text + sizeof text, value);
  double tidy = 0;
  const auto parsed = std::from_chars(text, written.ptr, tidy);
  // Decimal → double → float could round twice; then keep the float's exact value.
  if (parsed.ec != std::errc() || static_cast<float>(tidy) != value) return double(value);
  return tidy;
}

inline std::string ColorText(Rgb color) {
  if (color == 0) return "";
  char text[8];
  std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(color & 0xffffffu));
  return text;
}

// "#rrggbb" (either case) → colour; anything else → 0, the lane kind's colour: a mistyped colour
// is not worth refusing a board for.
inline Rgb ColorFromText(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return 0;
  Rgb color = 0;
  for (size_t i = 1; i < 7; ++i) {
    const char c = text[i];
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return 0;
    color = color * 16 + Rgb(digit);
  }
  return color;
}

// ---- Reading helpers: each records its field in the trail ------------------------------

// cereal hands load functions the base archive; the trail is optional (a plain archive works).
inline LoadTrail* TrailOf(cereal::JSONInputArchive& ar) {
  auto* trailed = dynamic_cast<TrailedJsonInputArchive*>(&ar);
  return trailed ? &trailed->trail : nullptr;
}

template <class T>
void Get(cereal::JSONInputArchive& ar, const char* name, T& value) {
  LoadTrail* trail = TrailOf(ar);
  if (trail) trail->Push(name);
  ar(cereal::make_nvp(name, value));
  if (trail) trail->Pop();
}

template <class Tag>
void GetId(cereal::JSONInputArchive& ar, const char* name, Id<Tag>& id) {
  uint64_t value = 0;
  Get(ar, name, value);
  id = Id<Tag>(value);
}

// A huge number is clamped (to kMaxJsonNumber, core/model/limits.h) so the cast to float is
// defined; NaN and infinity pass through for RepairBoard to replace, so that it can tell the user
// it did.
inline void GetFloat(cereal::JSONInputArchive& ar, const char* name, float& value) {
  double number = 0;
  Get(ar, name, number);
  value = std::isfinite(number) ? static_cast<float>(std::fmax(-kMaxJsonNumber, std::fmin(number, kMaxJsonNumber)))
                                : static_cast<float>(number);
}

// A metric is a number or null in the file. cereal 1.3.2 cannot ask a value's type, so the loader
// (PrepareBoardJson) hands each one over as an array of zero or one number.
inline void GetOptionalFloat(cereal::JSONInputArchive& ar, const char* name, std::optional<float>& value) {
  std::vector<double> numbers;
  Get(ar, name, numbers);
  value.reset();
  if (numbers.empty()) return;
  const double raw = numbers.front();
  value = std::isfinite(raw) ? static_cast<float>(std::fmax(-kMaxJsonNumber, std::fmin(raw, kMaxJsonNumber)))
                             : static_cast<float>(raw);
}

// A count that may be unmeasured (a stage's reached): the loader hands it over as an array of zero
// or one number, as a metric. Not clamped here: RepairBoard drops what is no count, and says so.
inline void GetOptionalDouble(cereal::JSONInputArchive& ar, const char* name, std::optional<double>& value) {
  std::vector<double> numbers;
  Get(ar, name, numbers);
  value.reset();
  if (!numbers.empty()) value = numbers.front();
}

inline void GetColor(cereal::JSONInputArchive& ar, const char* name, Rgb& color) {
  std::string text;
  Get(ar, name, text);
  color = ColorFromText(text);
}

// A list whose elements are named by index in the trail ("notes[3]").
template <class T>
struct IndexedList {
  std::vector<T>* items;
};

template <class T>
void load(cereal::JSONInputArchive& ar, IndexedList<T>& list) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  list.items->clear();
  list.items->resize(static_cast<size_t>(count));
  LoadTrail* trail = TrailOf(ar);
  for (size_t i = 0; i < list.items->size(); ++i) {
    if (trail) trail->Push("[" + std::to_string(i) + "]");
    ar((*list.items)[i]);
    if (trail) trail->Pop();
  }
}

template <class T>
void GetList(cereal::JSONInputArchive& ar, const char* name, std::vector<T>& items) {
  IndexedList<T> list{&items};
  Get(ar, name, list);
}

}  // namespace serial

// ---- Records ---------------------------------------------------------------------------
// Non-member save/load found by ADL; cereal calls them for JSON archives only.

inline void save(cereal::JSONOutputArchive& ar, const Vec2& v) {
  ar(cereal::make_nvp("x", serial::TidyFloat(v.x)), cereal::make_nvp("y", serial::TidyFloat(v.y)));
}
inline void load(cereal::JSONInputArchive& ar, Vec2& v) {
  serial::GetFloat(ar, "x", v.x);
  serial::GetFloat(ar, "y", v.y);
}

inline void save(cereal::JSONOutputArchive& ar, const BoardMeta& meta) {
  ar(cereal::make_nvp("title", meta.title), cereal::make_nvp("created", meta.created),
     cereal::make_nvp("modified", meta.modified));
  if (meta.language != "en") ar(cereal::make_nvp("language", meta.language));  // only when not the default
}
inline void load(cereal::JSONInputArchive& ar, BoardMeta& meta) {
  serial::Get(ar, "title", meta.title);
  serial::Get(ar, "created", meta.created);
  serial::Get(ar, "modified", meta.modified);
  serial::Get(ar, "language", meta.language);
}

inline void save(cereal::JSONOutputArchive& ar, const Stage& stage) {
  ar(cereal::make_nvp("id", stage.id.value), cereal::make_nvp("name", stage.name),
     cereal::make_nvp("width", serial::TidyFloat(stage.width)));
  if (stage.hidden) ar(cereal::make_nvp("hidden", true));  // only when set: older files and readers are unaffected
  // Always written (format 4): a number, whole ones without a fraction, or null when not measured.
  if (!stage.reached || !std::isfinite(*stage.reached))
    ar(cereal::make_nvp("reached", nullptr));
  else if (std::floor(*stage.reached) == *stage.reached && std::fabs(*stage.reached) <= kMaxReached)
    ar(cereal::make_nvp("reached", static_cast<int64_t>(*stage.reached)));
  else
    ar(cereal::make_nvp("reached", *stage.reached));
}
inline void load(cereal::JSONInputArchive& ar, Stage& stage) {
  serial::GetId(ar, "id", stage.id);
  serial::Get(ar, "name", stage.name);
  serial::GetFloat(ar, "width", stage.width);
  serial::Get(ar, "hidden", stage.hidden);  // PrepareBoard supplies it when the file has none
  serial::GetOptionalDouble(ar, "reached", stage.reached);
}

inline void save(cereal::JSONOutputArchive& ar, const Lane& lane) {
  ar(cereal::make_nvp("id", lane.id.value), cereal::make_nvp("name", lane.name),
     cereal::make_nvp("kind", std::string(LaneKindName(lane.kind))),
     cereal::make_nvp("height", serial::TidyFloat(lane.height)),
     cereal::make_nvp("color", serial::ColorText(lane.color)), cereal::make_nvp("collapsed", lane.collapsed));
  if (lane.hidden) ar(cereal::make_nvp("hidden", true));
}
inline void load(cereal::JSONInputArchive& ar, Lane& lane) {
  serial::GetId(ar, "id", lane.id);
  serial::Get(ar, "name", lane.name);
  std::string kind;
  serial::Get(ar, "kind", kind);
  lane.kind = LaneKindFromName(kind);
  serial::GetFloat(ar, "height", lane.height);
  serial::GetColor(ar, "color", lane.color);
  serial::Get(ar, "collapsed", lane.collapsed);
  serial::Get(ar, "hidden", lane.hidden);
}

namespace serial {
inline void PutOptionalFloat(cereal::JSONOutputArchive& ar, const char* name, const std::optional<float>& value) {
  if (value && std::isfinite(*value))
    ar(cereal::make_nvp(name, TidyFloat(*value)));
  else
    ar(cereal::make_nvp(name, nullptr));
}
}  // namespace serial

inline void save(cereal::JSONOutputArchive& ar, const NoteMetrics& metrics) {
  serial::PutOptionalFloat(ar, "conversion", metrics.conversion);
  serial::PutOptionalFloat(ar, "csi", metrics.csi);
  serial::PutOptionalFloat(ar, "nps", metrics.nps);
  // Only when set (a NaN is no figure), so older files and readers are unaffected.
  if (metrics.retention && std::isfinite(*metrics.retention))
    ar(cereal::make_nvp("retention", serial::TidyFloat(*metrics.retention)));
}
inline void load(cereal::JSONInputArchive& ar, NoteMetrics& metrics) {
  serial::GetOptionalFloat(ar, "conversion", metrics.conversion);
  serial::GetOptionalFloat(ar, "csi", metrics.csi);
  serial::GetOptionalFloat(ar, "nps", metrics.nps);
  serial::GetOptionalFloat(ar, "retention", metrics.retention);  // the loader supplies it when absent
}

inline void save(cereal::JSONOutputArchive& ar, const Opportunity& opportunity) {
  ar(cereal::make_nvp("customerValue", serial::TidyFloat(opportunity.customerValue)),
     cereal::make_nvp("businessValue", serial::TidyFloat(opportunity.businessValue)),
     cereal::make_nvp("effort", opportunity.effort));
}
inline void load(cereal::JSONInputArchive& ar, Opportunity& opportunity) {
  serial::GetFloat(ar, "customerValue", opportunity.customerValue);
  serial::GetFloat(ar, "businessValue", opportunity.businessValue);
  serial::Get(ar, "effort", opportunity.effort);
}

inline void save(cereal::JSONOutputArchive& ar, const Note& note) {
  ar(cereal::make_nvp("id", note.id.value), cereal::make_nvp("stage", note.stage.value),
     cereal::make_nvp("lane", note.lane.value), cereal::make_nvp("pos", note.pos),
     cereal::make_nvp("size", std::string(NoteSizeName(note.size))), cereal::make_nvp("text", note.text),
     cereal::make_nvp("color", serial::ColorText(note.color)), cereal::make_nvp("votes", note.votes),
     cereal::make_nvp("tags", note.tags), cereal::make_nvp("owner", note.owner), cereal::make_nvp("due", note.due),
     cereal::make_nvp("channel", note.channel), cereal::make_nvp("metrics", note.metrics),
     cereal::make_nvp("severity", note.severity));
  if (note.covered) ar(cereal::make_nvp("covered", true));
  if (!note.personas.empty()) {  // only when tied: older files and readers are unaffected
    std::vector<uint64_t> ids;
    for (PersonaId id : note.personas) ids.push_back(id.value);
    ar(cereal::make_nvp("personas", ids));
  }
  if (note.opportunity) ar(cereal::make_nvp("opportunity", *note.opportunity));  // only on scored solutions
}
inline void load(cereal::JSONInputArchive& ar, Note& note) {
  serial::GetId(ar, "id", note.id);
  serial::GetId(ar, "stage", note.stage);
  serial::GetId(ar, "lane", note.lane);
  serial::Get(ar, "pos", note.pos);
  std::string size;
  serial::Get(ar, "size", size);
  note.size = NoteSizeFromName(size);
  serial::Get(ar, "text", note.text);
  serial::GetColor(ar, "color", note.color);
  serial::Get(ar, "votes", note.votes);
  serial::Get(ar, "tags", note.tags);
  serial::Get(ar, "owner", note.owner);
  serial::Get(ar, "due", note.due);
  serial::Get(ar, "channel", note.channel);
  serial::Get(ar, "metrics", note.metrics);
  serial::Get(ar, "severity", note.severity);
  serial::Get(ar, "covered", note.covered);
  std::vector<uint64_t> ids;  // PrepareBoard supplies [] when the file has none and keeps ids only
  serial::Get(ar, "personas", ids);
  note.personas.clear();
  for (uint64_t id : ids) note.personas.push_back(PersonaId(id));
  // The loader hands the opportunity over as an array of zero (none, or null) or one record.
  std::vector<Opportunity> opportunity;
  serial::Get(ar, "opportunity", opportunity);
  note.opportunity.reset();
  if (!opportunity.empty()) note.opportunity = opportunity.front();
}

inline void save(cereal::JSONOutputArchive& ar, const CurvePoint& point) {
  ar(cereal::make_nvp("stage", point.stage.value), cereal::make_nvp("t", serial::TidyFloat(point.t)),
     cereal::make_nvp("value", serial::TidyFloat(point.value)), cereal::make_nvp("label", point.label));
  if (point.note) ar(cereal::make_nvp("note", point.note.value));  // only when set, as `hidden`
}
inline void load(cereal::JSONInputArchive& ar, CurvePoint& point) {
  serial::GetId(ar, "stage", point.stage);
  serial::GetFloat(ar, "t", point.t);
  serial::GetFloat(ar, "value", point.value);
  serial::Get(ar, "label", point.label);
  serial::GetId(ar, "note", point.note);  // PrepareBoard supplies 0 when the file has none
}

inline void save(cereal::JSONOutputArchive& ar, const EmotionCurve& curve) {
  ar(cereal::make_nvp("id", curve.id.value), cereal::make_nvp("persona", curve.persona.value),
     cereal::make_nvp("name", curve.name), cereal::make_nvp("color", serial::ColorText(curve.color)),
     cereal::make_nvp("toBe", curve.toBe), cereal::make_nvp("points", curve.points));
}
inline void load(cereal::JSONInputArchive& ar, EmotionCurve& curve) {
  serial::GetId(ar, "id", curve.id);
  serial::GetId(ar, "persona", curve.persona);
  serial::Get(ar, "name", curve.name);
  serial::GetColor(ar, "color", curve.color);
  serial::Get(ar, "toBe", curve.toBe);
  serial::GetList(ar, "points", curve.points);
}

inline void save(cereal::JSONOutputArchive& ar, const Persona& persona) {
  ar(cereal::make_nvp("id", persona.id.value), cereal::make_nvp("name", persona.name),
     cereal::make_nvp("description", persona.description), cereal::make_nvp("goals", persona.goals),
     cereal::make_nvp("needs", persona.needs), cereal::make_nvp("pains", persona.pains),
     cereal::make_nvp("objections", persona.objections), cereal::make_nvp("channels", persona.channels),
     cereal::make_nvp("quote", persona.quote));
  // The portrait: each part only when filled, so older files and readers are unaffected.
  const std::pair<const char*, const std::string*> texts[] = {
      {"age", &persona.age},           {"gender", &persona.gender},       {"family", &persona.family},
      {"home", &persona.home},         {"occupation", &persona.occupation}, {"currency", &persona.currency},
      {"status", &persona.status},     {"freeTime", &persona.freeTime},   {"decides", &persona.decides},
      {"blockers", &persona.blockers}, {"ifUnsolved", &persona.ifUnsolved}, {"competitors", &persona.competitors}};
  for (const auto& [name, text] : texts)
    if (!text->empty()) ar(cereal::make_nvp(name, *text));
  if (persona.income && std::isfinite(*persona.income))
    ar(cereal::make_nvp("income", serial::TidyFloat(*persona.income)));
}
inline void load(cereal::JSONInputArchive& ar, Persona& persona) {
  serial::GetId(ar, "id", persona.id);
  serial::Get(ar, "name", persona.name);
  serial::Get(ar, "description", persona.description);
  serial::Get(ar, "goals", persona.goals);
  serial::Get(ar, "needs", persona.needs);
  serial::Get(ar, "pains", persona.pains);
  serial::Get(ar, "objections", persona.objections);
  serial::Get(ar, "channels", persona.channels);
  serial::Get(ar, "quote", persona.quote);
  // PrepareBoard supplies "" (and no income) when the file has none.
  serial::Get(ar, "age", persona.age);
  serial::Get(ar, "gender", persona.gender);
  serial::Get(ar, "family", persona.family);
  serial::Get(ar, "home", persona.home);
  serial::Get(ar, "occupation", persona.occupation);
  serial::GetOptionalFloat(ar, "income", persona.income);
  serial::Get(ar, "currency", persona.currency);
  serial::Get(ar, "status", persona.status);
  serial::Get(ar, "freeTime", persona.freeTime);
  serial::Get(ar, "decides", persona.decides);
  serial::Get(ar, "blockers", persona.blockers);
  serial::Get(ar, "ifUnsolved", persona.ifUnsolved);
  serial::Get(ar, "competitors", persona.competitors);
}

namespace serial {
// Arrowheads in files: "none", "end", "start", "both"; anything else reads as the default "end".
inline const char* ArrowHeadsName(ArrowHeads heads) {
  switch (heads) {
    case ArrowHeads::None:
      return "none";
    case ArrowHeads::Start:
      return "start";
    case ArrowHeads::Both:
      return "both";
    case ArrowHeads::End:
      break;
  }
  return "end";
}
inline ArrowHeads ArrowHeadsFromName(const std::string& name) {
  if (name == "none") return ArrowHeads::None;
  if (name == "start") return ArrowHeads::Start;
  if (name == "both") return ArrowHeads::Both;
  return ArrowHeads::End;
}
}  // namespace serial

inline void save(cereal::JSONOutputArchive& ar, const Stroke& stroke) {
  ar(cereal::make_nvp("id", stroke.id.value), cereal::make_nvp("stage", stroke.stage.value),
     cereal::make_nvp("lane", stroke.lane.value), cereal::make_nvp("points", stroke.points),
     cereal::make_nvp("width", serial::TidyFloat(stroke.width)),
     cereal::make_nvp("color", serial::ColorText(stroke.color)), cereal::make_nvp("highlighter", stroke.highlighter));
}
inline void load(cereal::JSONInputArchive& ar, Stroke& stroke) {
  serial::GetId(ar, "id", stroke.id);
  serial::GetId(ar, "stage", stroke.stage);
  serial::GetId(ar, "lane", stroke.lane);
  serial::GetList(ar, "points", stroke.points);
  serial::GetFloat(ar, "width", stroke.width);
  serial::GetColor(ar, "color", stroke.color);
  serial::Get(ar, "highlighter", stroke.highlighter);
}

inline void save(cereal::JSONOutputArchive& ar, const ArrowEnd& end) {
  ar(cereal::make_nvp("note", end.note.value), cereal::make_nvp("pos", end.pos));
}
inline void load(cereal::JSONInputArchive& ar, ArrowEnd& end) {
  serial::GetId(ar, "note", end.note);
  serial::Get(ar, "pos", end.pos);
}

inline void save(cereal::JSONOutputArchive& ar, const Arrow& arrow) {
  ar(cereal::make_nvp("id", arrow.id.value), cereal::make_nvp("from", arrow.from), cereal::make_nvp("to", arrow.to),
     cereal::make_nvp("curved", arrow.curved),
     cereal::make_nvp("heads", std::string(serial::ArrowHeadsName(arrow.heads))),
     cereal::make_nvp("label", arrow.label), cereal::make_nvp("color", serial::ColorText(arrow.color)));
}
inline void load(cereal::JSONInputArchive& ar, Arrow& arrow) {
  serial::GetId(ar, "id", arrow.id);
  serial::Get(ar, "from", arrow.from);
  serial::Get(ar, "to", arrow.to);
  serial::Get(ar, "curved", arrow.curved);
  std::string heads;
  serial::Get(ar, "heads", heads);
  arrow.heads = serial::ArrowHeadsFromName(heads);
  serial::Get(ar, "label", arrow.label);
  serial::GetColor(ar, "color", arrow.color);
}

inline void save(cereal::JSONOutputArchive& ar, const Rect& rect) {
  ar(cereal::make_nvp("x0", serial::TidyFloat(rect.x0)), cereal::make_nvp("y0", serial::TidyFloat(rect.y0)),
     cereal::make_nvp("x1", serial::TidyFloat(rect.x1)), cereal::make_nvp("y1", serial::TidyFloat(rect.y1)));
}
inline void load(cereal::JSONInputArchive& ar, Rect& rect) {
  serial::GetFloat(ar, "x0", rect.x0);
  serial::GetFloat(ar, "y0", rect.y0);
  serial::GetFloat(ar, "x1", rect.x1);
  serial::GetFloat(ar, "y1", rect.y1);
}

inline void save(cereal::JSONOutputArchive& ar, const Frame& frame) {
  ar(cereal::make_nvp("id", frame.id.value), cereal::make_nvp("rect", frame.rect),
     cereal::make_nvp("title", frame.title), cereal::make_nvp("color", serial::ColorText(frame.color)));
}
inline void load(cereal::JSONInputArchive& ar, Frame& frame) {
  serial::GetId(ar, "id", frame.id);
  serial::Get(ar, "rect", frame.rect);
  serial::Get(ar, "title", frame.title);
  serial::GetColor(ar, "color", frame.color);
}

inline void save(cereal::JSONOutputArchive& ar, const TextLabel& label) {
  ar(cereal::make_nvp("id", label.id.value), cereal::make_nvp("pos", label.pos), cereal::make_nvp("text", label.text),
     cereal::make_nvp("size", serial::TidyFloat(label.size)), cereal::make_nvp("color", serial::ColorText(label.color)));
}
inline void load(cereal::JSONInputArchive& ar, TextLabel& label) {
  serial::GetId(ar, "id", label.id);
  serial::Get(ar, "pos", label.pos);
  serial::Get(ar, "text", label.text);
  serial::GetFloat(ar, "size", label.size);
  serial::GetColor(ar, "color", label.color);
}

inline void save(cereal::JSONOutputArchive& ar, const Board& board) {
  ar(cereal::make_nvp("meta", board.meta), cereal::make_nvp("nextId", board.nextId),
     cereal::make_nvp("stages", board.stages), cereal::make_nvp("lanes", board.lanes),
     cereal::make_nvp("notes", board.notes), cereal::make_nvp("curves", board.curves),
     cereal::make_nvp("personas", board.personas), cereal::make_nvp("strokes", board.strokes),
     cereal::make_nvp("arrows", board.arrows), cereal::make_nvp("frames", board.frames),
     cereal::make_nvp("labels", board.labels));
}
inline void load(cereal::JSONInputArchive& ar, Board& board) {
  serial::Get(ar, "meta", board.meta);
  serial::Get(ar, "nextId", board.nextId);
  serial::GetList(ar, "stages", board.stages);
  serial::GetList(ar, "lanes", board.lanes);
  serial::GetList(ar, "notes", board.notes);
  serial::GetList(ar, "curves", board.curves);
  serial::GetList(ar, "personas", board.personas);
  serial::GetList(ar, "strokes", board.strokes);
  serial::GetList(ar, "arrows", board.arrows);
  serial::GetList(ar, "frames", board.frames);
  serial::GetList(ar, "labels", board.labels);
}

}  // namespace jb
