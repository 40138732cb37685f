// [SECTION] Migrations: one function per format version step, over the whole envelope.
// [SECTION] Limits: record counts checked on the document, before any record is built.
// [SECTION] Schema: the fields of each record and their defaults, and the pass that fills them.
#include "core/io/board_json.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <iterator>
#include <string_view>

#include "core/io/file_io.h"
#include "core/model/model.h"
#include "core/model/warnings.h"

namespace jb::board_json {

namespace {

using Allocator = rapidjson::Document::AllocatorType;
using rapidjson::StringRef;
using rapidjson::Value;

// Adds `name: value` unless the object already has that member.
void AddIfMissing(Value& object, const char* name, Value value, Allocator& allocator) {
  if (!object.HasMember(name)) object.AddMember(StringRef(name), value, allocator);
}

Value* Member(Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// ---- [SECTION] Migrations -------------------------------------------------------------------

// Version 2 added a touchpoint channel, metrics (each a number or null) and a severity to notes.
void MigrateV1ToV2(rapidjson::Document& document) {
  Value* board = Member(document, "board");
  Value* notes = board ? Member(*board, "notes") : nullptr;
  if (!notes || !notes->IsArray()) return;
  Allocator& allocator = document.GetAllocator();
  for (Value& note : notes->GetArray()) {
    if (!note.IsObject()) continue;
    AddIfMissing(note, "channel", Value(StringRef("")), allocator);
    Value metrics(rapidjson::kObjectType);
    metrics.AddMember("conversion", Value(), allocator);
    metrics.AddMember("csi", Value(), allocator);
    metrics.AddMember("nps", Value(), allocator);
    AddIfMissing(note, "metrics", std::move(metrics), allocator);
    AddIfMissing(note, "severity", Value(0), allocator);
  }
}

// Version 3 added the sketch lists; an older board simply has none.
void MigrateV2ToV3(rapidjson::Document& document) {
  Value* board = Member(document, "board");
  if (!board || !board->IsObject()) return;
  Allocator& allocator = document.GetAllocator();
  for (const char* list : {"strokes", "arrows", "frames", "labels"})
    AddIfMissing(*board, list, Value(rapidjson::kArrayType), allocator);
}

// Version 4 added the funnel: every stage says how many customers reached it, null when not
// measured. (It also let a solution note carry an `opportunity`, written only when scored, so an
// older board simply has none.)
void MigrateV3ToV4(rapidjson::Document& document) {
  Value* board = Member(document, "board");
  Value* stages = board ? Member(*board, "stages") : nullptr;
  if (!stages || !stages->IsArray()) return;
  Allocator& allocator = document.GetAllocator();
  for (Value& stage : stages->GetArray())
    if (stage.IsObject()) AddIfMissing(stage, "reached", Value(), allocator);
}

using Migration = void (*)(rapidjson::Document&);
// kMigrations[i] turns version i + 1 into version i + 2.
constexpr Migration kMigrations[] = {&MigrateV1ToV2, &MigrateV2ToV3, &MigrateV3ToV4};
static_assert(std::size(kMigrations) == kFormatVersion - 1,
              "each format version needs a migration from the one before");

// ---- [SECTION] Schema -----------------------------------------------------------------------

enum class Type { String, LaneKind, Int, Uint64, Double, Bool, Object, List, OptionalNumber, IdList, OptionalObject };

struct RecordSpec;

struct FieldSpec {
  const char* name;
  Type type;
  double number = 0;                   // default of a number or bool field
  const char* text = "";               // default of a string field
  const RecordSpec* record = nullptr;  // the record inside an Object or List field
  bool optional = false;               // written only when set: a file without it lacks nothing
};

// Warnings are counted per kind of record; parts (pos, metrics, meta) count for the record they are in.
enum Tally {
  kBoardTally,
  kStageTally,
  kLaneTally,
  kNoteTally,
  kCurveTally,
  kPointTally,
  kPersonaTally,
  kStrokeTally,
  kInkPointTally,
  kArrowTally,
  kFrameTally,
  kLabelTally,
  kTallyCount
};

struct RecordSpec {
  const FieldSpec* fields;
  size_t count;
  Tally tally;
};

template <size_t N>
constexpr RecordSpec Record(const FieldSpec (&fields)[N], Tally tally) {
  return RecordSpec{fields, N, tally};
}

constexpr FieldSpec Str(const char* name, const char* text = "") {
  return {name, Type::String, 0, text};
}
constexpr FieldSpec Int(const char* name, double value = 0) {
  return {name, Type::Int, value};
}
constexpr FieldSpec Id(const char* name) {
  return {name, Type::Uint64, 0};
}
constexpr FieldSpec Num(const char* name, double value) {
  return {name, Type::Double, value};
}
constexpr FieldSpec Bool(const char* name) {
  return {name, Type::Bool, 0};
}
// A flag files carry only when it is true (hidden, covered), so older files and readers are unaffected.
constexpr FieldSpec Flag(const char* name) {
  return {name, Type::Bool, 0, "", nullptr, true};
}
// A text files carry only when it differs from `text` (the board language), read as `text` when absent.
constexpr FieldSpec Opt(const char* name, const char* text) {
  return {name, Type::String, 0, text, nullptr, true};
}
// An id files carry only when it is set (a curve point's task), read as 0 when absent.
constexpr FieldSpec OptId(const char* name) {
  return {name, Type::Uint64, 0, "", nullptr, true};
}
// A number files carry only when it is set (a persona's income), read as not set when absent.
constexpr FieldSpec OptNumber(const char* name) {
  return {name, Type::OptionalNumber, 0, "", nullptr, true};
}
// A list of ids files carry only when it is not empty (the personas a note concerns).
constexpr FieldSpec IdList(const char* name) {
  return {name, Type::IdList, 0, "", nullptr, true};
}
constexpr FieldSpec Metric(const char* name) {
  return {name, Type::OptionalNumber};
}
// A metric files carry only when it is measured (retention), read as not measured when absent.
constexpr FieldSpec OptMetric(const char* name) {
  return {name, Type::OptionalNumber, 0, "", nullptr, true};
}
// A record files carry only when it is set (a solution's opportunity), read as not set when absent or null.
constexpr FieldSpec OptObj(const char* name, const RecordSpec& record) {
  return {name, Type::OptionalObject, 0, "", &record, true};
}
constexpr FieldSpec Obj(const char* name, const RecordSpec& record) {
  return {name, Type::Object, 0, "", &record};
}
constexpr FieldSpec List(const char* name, const RecordSpec& record) {
  return {name, Type::List, 0, "", &record};
}

// Defaults are the model's (model.h): a file that lacks a field reads as a board that never set it.
constexpr FieldSpec kVec2Fields[] = {Num("x", 0), Num("y", 0)};
constexpr RecordSpec kVec2 = Record(kVec2Fields, kNoteTally);
constexpr FieldSpec kMetricsFields[] = {Metric("conversion"), Metric("csi"), Metric("nps"), OptMetric("retention")};
constexpr RecordSpec kMetrics = Record(kMetricsFields, kNoteTally);
constexpr FieldSpec kMetaFields[] = {Str("title"), Str("created"), Str("modified"), Opt("language", "en")};
constexpr RecordSpec kMeta = Record(kMetaFields, kBoardTally);
constexpr FieldSpec kStageFields[] = {Id("id"), Str("name"), Num("width", kDefaultStageWidth), Flag("hidden"),
                                      Metric("reached")};
constexpr RecordSpec kStage = Record(kStageFields, kStageTally);
constexpr FieldSpec kLaneFields[] = {Id("id"),           Str("name"),  {"kind", Type::LaneKind, 0, "custom"},
                                     Num("height", kDefaultLaneHeight), Str("color"), Bool("collapsed"),
                                     Flag("hidden")};
constexpr RecordSpec kLane = Record(kLaneFields, kLaneTally);
constexpr FieldSpec kOpportunityFields[] = {Num("customerValue", Opportunity{}.customerValue),
                                            Num("businessValue", Opportunity{}.businessValue),
                                            Int("effort", Opportunity{}.effort)};
constexpr RecordSpec kOpportunity = Record(kOpportunityFields, kNoteTally);
constexpr FieldSpec kNoteFields[] = {Id("id"),
                                     Id("stage"),
                                     Id("lane"),
                                     Obj("pos", kVec2),
                                     Str("size", "M"),
                                     Str("text"),
                                     Str("color"),
                                     Int("votes"),
                                     {"tags", Type::List, 0, "", nullptr},  // strings, not records
                                     Str("owner"),
                                     Str("due"),
                                     Str("channel"),
                                     Obj("metrics", kMetrics),
                                     Int("severity"),
                                     Flag("covered"),
                                     IdList("personas"),
                                     OptObj("opportunity", kOpportunity)};
constexpr RecordSpec kNote = Record(kNoteFields, kNoteTally);
constexpr FieldSpec kPointFields[] = {Id("stage"), Num("t", 0.5), Num("value", 0), Str("label"), OptId("note")};
constexpr RecordSpec kPoint = Record(kPointFields, kPointTally);
constexpr FieldSpec kCurveFields[] = {Id("id"),     Id("persona"),         Str("name"), Str("color", "#3b6fd8"),
                                      Bool("toBe"), List("points", kPoint)};
constexpr RecordSpec kCurve = Record(kCurveFields, kCurveTally);
constexpr FieldSpec kPersonaFields[] = {
    Id("id"),           Str("name"),        Str("description"),       Str("goals"),          Str("needs"),
    Str("pains"),       Str("objections"),  Str("channels"),          Str("quote"),          Opt("age", ""),
    Opt("gender", ""),  Opt("family", ""),  Opt("home", ""),          Opt("occupation", ""), OptNumber("income"),
    Opt("currency", ""), Opt("status", ""), Opt("freeTime", ""),      Opt("decides", ""),    Opt("blockers", ""),
    Opt("ifUnsolved", ""), Opt("competitors", "")};
constexpr RecordSpec kPersona = Record(kPersonaFields, kPersonaTally);
// Sketch records (model.h); a part counts for the record it is in, as a note's pos does.
constexpr FieldSpec kInkPointFields[] = {Num("x", 0), Num("y", 0)};
constexpr RecordSpec kInkPoint = Record(kInkPointFields, kInkPointTally);
constexpr FieldSpec kStrokeFields[] = {Id("id"),          Id("stage"),         Id("lane"),
                                       List("points", kInkPoint), Num("width", kDefaultStrokeWidth),
                                       Str("color", "#1f2937"),   Bool("highlighter")};
constexpr RecordSpec kStroke = Record(kStrokeFields, kStrokeTally);
constexpr FieldSpec kArrowPosFields[] = {Num("x", 0), Num("y", 0)};
constexpr RecordSpec kArrowPos = Record(kArrowPosFields, kArrowTally);
constexpr FieldSpec kArrowEndFields[] = {Id("note"), Obj("pos", kArrowPos)};
constexpr RecordSpec kArrowEnd = Record(kArrowEndFields, kArrowTally);
constexpr FieldSpec kArrowFields[] = {Id("id"),           Obj("from", kArrowEnd), Obj("to", kArrowEnd), Bool("curved"),
                                      Str("heads", "end"), Str("label"),          Str("color", "#374151")};
constexpr RecordSpec kArrow = Record(kArrowFields, kArrowTally);
constexpr FieldSpec kRectFields[] = {Num("x0", 0), Num("y0", 0), Num("x1", 0), Num("y1", 0)};
constexpr RecordSpec kFrameRect = Record(kRectFields, kFrameTally);
constexpr FieldSpec kFrameFields[] = {Id("id"), Obj("rect", kFrameRect), Str("title"), Str("color")};
constexpr RecordSpec kFrame = Record(kFrameFields, kFrameTally);
constexpr FieldSpec kLabelPosFields[] = {Num("x", 0), Num("y", 0)};
constexpr RecordSpec kLabelPos = Record(kLabelPosFields, kLabelTally);
constexpr FieldSpec kLabelFields[] = {Id("id"), Obj("pos", kLabelPos), Str("text"), Num("size", kDefaultLabelSize),
                                      Str("color")};
constexpr RecordSpec kLabel = Record(kLabelFields, kLabelTally);
constexpr FieldSpec kBoardFields[] = {Obj("meta", kMeta),        {"nextId", Type::Uint64, 1}, List("stages", kStage),
                                      List("lanes", kLane),      List("notes", kNote),        List("curves", kCurve),
                                      List("personas", kPersona), List("strokes", kStroke),   List("arrows", kArrow),
                                      List("frames", kFrame),     List("labels", kLabel)};
constexpr RecordSpec kBoard = Record(kBoardFields, kBoardTally);

struct TallyInfo {
  const char* singular;
  const char* plural;
};
constexpr TallyInfo kTallyInfo[kTallyCount] = {
    {"board", "boards"},
    {"stage", "stages"},
    {"lane", "lanes"},
    {"note", "notes"},
    {"emotion curve", "emotion curves"},
    {"emotion curve point", "emotion curve points"},
    {"persona", "personas"},
    {"stroke", "strokes"},
    {"stroke point", "stroke points"},
    {"arrow", "arrows"},
    {"frame", "frames"},
    {"text label", "text labels"},
};

struct Counts {
  size_t recordsMissing = 0;        // records that lacked at least one field
  std::vector<std::string> fields;  // which fields, in the order first met
  size_t dropped = 0;               // list items that were not records
  size_t recordsWrong = 0;          // records with a value of the wrong kind or out of range
  std::vector<std::string> wrongFields;
};

void AddField(std::vector<std::string>& fields, std::string name) {
  if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(std::move(name));
}

// A number written as text ("20", " 2.5"), as a whole string; false for anything else.
bool NumberInText(const Value& value, double* number) {
  if (!value.IsString()) return false;
  std::string_view text(value.GetString(), value.GetStringLength());
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *number);
  return !text.empty() && result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// The value a number field can use, if `value` holds one (a number, or a number in text).
bool AsNumber(const Value& value, double* number) {
  if (value.IsNumber()) {
    *number = value.GetDouble();
    return true;
  }
  return NumberInText(value, number);
}

// A number or a true/false as the text a person would write for it.
bool AsText(const Value& value, std::string* text) {
  if (value.IsBool()) {
    *text = value.GetBool() ? "true" : "false";
  } else if (value.IsInt64()) {
    *text = std::to_string(value.GetInt64());
  } else if (value.IsUint64()) {
    *text = std::to_string(value.GetUint64());
  } else if (value.IsDouble() && std::isfinite(value.GetDouble())) {
    char digits[32];
    const auto written = std::to_chars(digits, digits + sizeof digits, value.GetDouble());
    text->assign(digits, written.ptr);
  } else {
    return false;
  }
  return true;
}

struct Filler {
  Allocator& allocator;
  Counts counts[kTallyCount];
  size_t unknownKinds = 0;

  // The value a missing field gets. An Object default is filled quietly: its own fields are
  // defaults by definition, and the warning names the object.
  Value Default(const FieldSpec& field) {
    switch (field.type) {
      case Type::String:
      case Type::LaneKind:
        return Value(StringRef(field.text));
      case Type::Int:
        return Value(static_cast<int>(field.number));
      case Type::Uint64:
        return Value(static_cast<uint64_t>(field.number));
      case Type::Double:
        return Value(field.number);
      case Type::Bool:
        return Value(field.number != 0);
      case Type::OptionalNumber:
      case Type::List:
      case Type::IdList:
      case Type::OptionalObject:  // serialize.h reads zero or one record from an array
        return Value(rapidjson::kArrayType);
      case Type::Object: {
        Value object(rapidjson::kObjectType);
        bool ignored = false;
        std::string none;
        Fill(object, *field.record, "", nullptr, &ignored, &none);
        return object;
      }
    }
    return Value();
  }

  size_t wrongInRecord = 0;  // fields of the record being filled that were repaired

  // Whether cereal can read `value` as `field` (a List or Object only needs the right kind; a null
  // never gets here).
  static bool UsableValue(const FieldSpec& field, const Value& value) {
    switch (field.type) {
      case Type::String:
      case Type::LaneKind:
        return value.IsString();
      case Type::Int:
        return value.IsInt();
      case Type::Uint64:
        return value.IsUint64();
      case Type::Double:
        return value.IsNumber();
      case Type::Bool:
        return value.IsBool();
      case Type::OptionalNumber:
        return value.IsNumber() || value.IsNull();
      case Type::IdList:
        return value.IsArray();
      case Type::OptionalObject:
        return value.IsObject();  // a null never gets here
      case Type::Object:
      case Type::List:
        return true;  // broken structure: Fill refuses it
    }
    return true;
  }

  // `value` converted to what `field` holds where that keeps its meaning ("20" → 20, 12 → "12",
  // 2.5e9 votes → the most an int holds, "yes" → true); otherwise the field's default.
  Value Repaired(const FieldSpec& field, const Value& value) {
    double number = 0;
    std::string text;
    switch (field.type) {
      case Type::String:
      case Type::LaneKind:
        if (AsText(value, &text)) return Value(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
        break;
      case Type::Int:
        if (AsNumber(value, &number) && !std::isnan(number))
          return Value(static_cast<int>(std::clamp(number, double(INT_MIN), double(INT_MAX))));
        break;
      case Type::Uint64:
        // A whole number within the ids a board uses; anything else is no id (RepairBoard gives a
        // record a fresh one, a reference to nothing makes the note free).
        if (AsNumber(value, &number) && number >= 0 && number <= double(kMaxId) && std::floor(number) == number)
          return Value(static_cast<uint64_t>(number));
        break;
      case Type::Double:
        if (NumberInText(value, &number)) return Value(number);
        break;
      case Type::Bool:
        if (value.IsNumber()) return Value(value.GetDouble() != 0);
        if (value.IsString()) {
          const std::string_view word(value.GetString(), value.GetStringLength());
          if (word == "true" || word == "yes" || word == "1") return Value(true);
        }
        break;
      case Type::OptionalNumber:
        if (AsNumber(value, &number)) return Value(number);
        return Value();  // not measured
      case Type::List:
      case Type::Object:
      case Type::IdList:
      case Type::OptionalObject:
        break;
    }
    return Default(field);
  }

  // Keeps the texts of a list of texts (tags): numbers and true/false become their text, anything
  // else is dropped. False when it changed the list.
  bool TextList(Value& list) {
    bool clean = true;
    rapidjson::SizeType kept = 0;
    const rapidjson::SizeType size = list.Size();
    for (rapidjson::SizeType i = 0; i < size; ++i) {
      std::string text;
      if (!list[i].IsString()) {
        clean = false;
        if (!AsText(list[i], &text)) continue;
        list[i].SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), allocator);
      }
      if (kept != i) list[kept] = list[i];
      ++kept;
    }
    while (list.Size() > kept) list.PopBack();
    return clean;
  }

  // Keeps the ids of a list of ids (a number in text counts); anything else is dropped. False
  // when it changed the list.
  bool IdsOnly(Value& list) {
    bool clean = true;
    rapidjson::SizeType kept = 0;
    const rapidjson::SizeType size = list.Size();
    for (rapidjson::SizeType i = 0; i < size; ++i) {
      double number = 0;
      if (!list[i].IsUint64() || list[i].GetUint64() > kMaxId) {
        clean = false;
        if (!AsNumber(list[i], &number) || !(number > 0 && number <= double(kMaxId)) || std::floor(number) != number)
          continue;
        list[i] = Value(static_cast<uint64_t>(number));
      }
      if (kept != i) list[kept] = list[i];
      ++kept;
    }
    while (list.Size() > kept) list.PopBack();
    return clean;
  }

  // Fills the fields of one record. `prefix` names the part ("pos.") for warnings; a null
  // `counts` records nothing. False with `failed` relative to `object` when the structure is broken.
  bool Fill(Value& object, const RecordSpec& spec, const std::string& prefix, Counts* counts, bool* anyMissing,
            std::string* failed) {
    for (size_t f = 0; f < spec.count; ++f) {
      const FieldSpec& field = spec.fields[f];
      auto it = object.FindMember(field.name);
      const bool absent = it == object.MemberEnd();
      // A null metric means "not measured"; any other null carries no data, so it is missing.
      if (absent || (it->value.IsNull() && field.type != Type::OptionalNumber)) {
        if (field.optional) {  // not set: nothing is missing
          if (absent)
            object.AddMember(StringRef(field.name), Default(field), allocator);
          else
            it->value = Default(field);
          continue;
        }
        if (absent)
          object.AddMember(StringRef(field.name), Default(field), allocator);
        else
          it->value = Default(field);
        *anyMissing = true;
        if (counts) {
          std::string name = prefix + field.name;
          if (std::find(counts->fields.begin(), counts->fields.end(), name) == counts->fields.end())
            counts->fields.push_back(std::move(name));
        }
        continue;
      }
      Value& value = it->value;
      // A plain value of the wrong kind or out of range is converted or set to its default, so
      // one bad field never costs the whole board (cereal would refuse it).
      if (!UsableValue(field, value)) {
        if (counts) {
          AddField(counts->wrongFields, prefix + field.name);
          ++wrongInRecord;
        }
        value = Repaired(field, value);
        if (field.type != Type::OptionalNumber) continue;  // a metric still becomes an array below
      }
      switch (field.type) {
        case Type::Object: {
          if (!value.IsObject()) {
            *failed = field.name;
            return false;
          }
          std::string inner;
          if (!Fill(value, *field.record, prefix + field.name + ".", counts, anyMissing, &inner)) {
            *failed = std::string(field.name) + "." + inner;
            return false;
          }
          break;
        }
        case Type::List:
          if (!value.IsArray()) {
            *failed = field.name;
            return false;
          }
          if (field.record && !FillList(value, *field.record, field.name, failed)) return false;
          if (!field.record && !TextList(value) && counts) {  // tags: texts only
            AddField(counts->wrongFields, prefix + field.name);
            ++wrongInRecord;
          }
          break;
        case Type::IdList:
          if (!IdsOnly(value) && counts) {
            AddField(counts->wrongFields, prefix + field.name);
            ++wrongInRecord;
          }
          break;
        case Type::OptionalObject: {
          if (!value.IsObject()) break;  // repaired above to not set
          std::string inner;
          if (!Fill(value, *field.record, prefix + field.name + ".", counts, anyMissing, &inner)) {
            *failed = std::string(field.name) + "." + inner;
            return false;
          }
          Value record(std::move(value));  // serialize.h reads zero or one record from an array
          value.SetArray();
          value.PushBack(record, allocator);
          break;
        }
        case Type::OptionalNumber:
          // serialize.h reads a metric as an array of zero or one number (see GetOptionalFloat).
          if (value.IsNull()) {
            value.SetArray();
          } else {
            Value number(std::move(value));
            value.SetArray();
            value.PushBack(number, allocator);
          }
          break;
        case Type::LaneKind:
          // Kinds a later version may add read as custom lanes; say so, as the kind is lost on save.
          if (value.IsString() &&
              LaneKindName(LaneKindFromName(value.GetString())) != std::string_view(value.GetString()))
            ++unknownKinds;
          break;
        default:
          break;  // types of plain values are cereal's to check: it names the field
      }
    }
    return true;
  }

  // Drops items that are not objects (each record is repaired or dropped on its own), then fills
  // each record.
  bool FillList(Value& list, const RecordSpec& spec, const char* name, std::string* failed) {
    Counts& counts = this->counts[spec.tally];
    // Compacting in place: erasing one by one would be quadratic on a hostile file.
    rapidjson::SizeType kept = 0;
    const rapidjson::SizeType size = list.Size();
    for (rapidjson::SizeType i = 0; i < size; ++i) {
      if (!list[i].IsObject()) {
        ++counts.dropped;
        continue;
      }
      if (kept != i) list[kept] = list[i];  // RapidJSON's assignment moves
      ++kept;
    }
    while (list.Size() > kept) list.PopBack();

    const size_t outer = wrongInRecord;  // the record holding this list counts its own
    for (rapidjson::SizeType i = 0; i < kept; ++i) {
      bool missing = false;
      std::string inner;
      wrongInRecord = 0;
      if (!Fill(list[i], spec, "", &counts, &missing, &inner)) {
        *failed = std::string(name) + "[" + std::to_string(i) + "]." + inner;
        return false;
      }
      if (missing) ++counts.recordsMissing;
      if (wrongInRecord > 0) ++counts.recordsWrong;
    }
    wrongInRecord = outer;
    return true;
  }
};

std::string FieldList(const std::vector<std::string>& fields) {
  constexpr size_t kShown = 5;
  std::string text;
  for (size_t i = 0; i < fields.size() && i < kShown; ++i) {
    if (i > 0) text += ", ";
    text += fields[i];
  }
  if (fields.size() > kShown) text += " and " + std::to_string(fields.size() - kShown) + " more";
  return text;
}

}  // namespace

void Migrate(rapidjson::Document& document, int fromVersion) {
  for (int version = std::max(fromVersion, 1); version < kFormatVersion; ++version) kMigrations[version - 1](document);
  if (Value* version = Member(document, "formatVersion")) version->SetInt(kFormatVersion);
}

// ---- [SECTION] Limits -----------------------------------------------------------------------

std::string CheckLimits(const rapidjson::Value& board) {
  if (!board.IsObject()) return "";
  struct Limit {
    const char* list;
    size_t most;
    const char* plural;
  };
  // Beyond these the app would stall (core/model/limits.h).
  constexpr Limit kLimits[] = {
      {"notes", kMaxNotes, "notes"},
      {"stages", kMaxStages, "stages"},
      {"lanes", kMaxLanes, "lanes"},
      {"curves", kMaxCurves, "emotion curves"},
      {"personas", kMaxPersonas, "personas"},
      {"strokes", kMaxStrokes, "strokes"},
      {"arrows", kMaxArrows, "arrows"},
      {"frames", kMaxFrames, "frames"},
      {"labels", kMaxLabels, "text labels"},
  };
  for (const Limit& limit : kLimits) {
    auto it = board.FindMember(limit.list);
    if (it != board.MemberEnd() && it->value.IsArray() && it->value.Size() > limit.most) {
      return "it has " + Thousands(it->value.Size()) + " " + limit.plural +
             ", and Journeyboard opens boards of up to " + Thousands(limit.most);
    }
  }
  size_t points = 0;
  auto curves = board.FindMember("curves");
  if (curves != board.MemberEnd() && curves->value.IsArray()) {
    for (const Value& curve : curves->value.GetArray()) {
      if (!curve.IsObject()) continue;
      auto list = curve.FindMember("points");
      if (list != curve.MemberEnd() && list->value.IsArray()) points += list->value.Size();
    }
  }
  if (points > kMaxCurvePoints) {
    return "it has " + Thousands(points) + " emotion curve points, and Journeyboard opens boards of up to " +
           Thousands(kMaxCurvePoints);
  }
  return "";
}

bool HasBoardField(const rapidjson::Value& board) {
  if (!board.IsObject()) return false;
  for (const FieldSpec& field : kBoardFields)
    if (board.HasMember(field.name)) return true;
  return false;
}

bool PrepareBoard(rapidjson::Value& board, rapidjson::Document::AllocatorType& allocator, std::string* failedField,
                  std::vector<std::string>* warnings) {
  Filler filler{allocator, {}, 0};
  bool boardMissing = false;
  if (!filler.Fill(board, kBoard, "", &filler.counts[kBoardTally], &boardMissing, failedField)) return false;

  const Counts& boardCounts = filler.counts[kBoardTally];
  if (!boardCounts.fields.empty()) {
    warnings->push_back("The board was missing some details (" + FieldList(boardCounts.fields) +
                        ") and got default values.");
  }
  if (!boardCounts.wrongFields.empty()) {
    warnings->push_back("The board had values of the wrong kind or out of range (" +
                        FieldList(boardCounts.wrongFields) + "), which were converted or set to defaults.");
  }
  for (int tally = kStageTally; tally < kTallyCount; ++tally) {
    const Counts& counts = filler.counts[tally];
    const TallyInfo& info = kTallyInfo[tally];
    if (counts.dropped > 0) {
      warnings->push_back(Counted(counts.dropped, info.singular, info.plural) + " could not be read and " +
                          WasWere(counts.dropped) + " left out.");
    }
    if (counts.recordsMissing > 0) {
      warnings->push_back(Counted(counts.recordsMissing, info.singular, info.plural) + " " +
                          WasWere(counts.recordsMissing) + " missing some details (" + FieldList(counts.fields) +
                          ") and got default values.");
    }
    if (counts.recordsWrong > 0) {
      warnings->push_back(Counted(counts.recordsWrong, info.singular, info.plural) + " had values of the wrong kind " +
                          "or out of range (" + FieldList(counts.wrongFields) +
                          "), which were converted or set to defaults.");
    }
    if (tally == kLaneTally && filler.unknownKinds > 0) {
      warnings->push_back(Counted(filler.unknownKinds, "lane", "lanes") +
                          " had a kind this version does not know and " +
                          (filler.unknownKinds == 1 ? "became a custom lane." : "became custom lanes."));
    }
  }
  return true;
}

}  // namespace jb::board_json
