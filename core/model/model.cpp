#include "core/model/model.h"

#include <algorithm>
#include <string>

namespace jb {

namespace {

struct LaneKindInfo {
  LaneKind kind;
  const char* name;
  const char* label;
  Rgb noteColor;
};

// Note colours are soft sticky-note tints that keep dark text readable from the back of a room.
constexpr LaneKindInfo kLaneKinds[kLaneKindCount] = {
    {LaneKind::Goals, "goals", "Customer goals", 0xcfe3ff},
    {LaneKind::Questions, "questions", "Questions", 0xe6dcff},
    {LaneKind::Touchpoints, "touchpoints", "Touchpoints", 0xfff1a8},
    {LaneKind::Emotions, "emotions", "Emotions", 0xf3f3f3},
    {LaneKind::Pains, "pains", "Pain points", 0xffc9c2},
    {LaneKind::Delights, "delights", "Moments of delight", 0xc8f0c8},
    {LaneKind::Solutions, "solutions", "Solutions", 0xc6ecec},
    {LaneKind::Actions, "actions", "Action items", 0xffd9a8},
    {LaneKind::Metrics, "metrics", "Metrics", 0xe0e6ee},
    {LaneKind::Custom, "custom", "Custom", 0xfff6c8},
};

const LaneKindInfo& Info(LaneKind kind) {
  for (const auto& info : kLaneKinds)
    if (info.kind == kind) return info;
  return kLaneKinds[kLaneKindCount - 1];
}

template <class T, class IdT>
const T* FindById(const std::vector<T>& items, IdT id) {
  auto it = std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

template <class T, class IdT>
int IndexById(const std::vector<T>& items, IdT id) {
  auto it = std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
  return it == items.end() ? -1 : int(it - items.begin());
}

}  // namespace

const char* LaneKindName(LaneKind kind) { return Info(kind).name; }
const char* LaneKindLabel(LaneKind kind) { return Info(kind).label; }
Rgb LaneKindNoteColor(LaneKind kind) { return Info(kind).noteColor; }

LaneKind LaneKindFromName(std::string_view name) {
  for (const auto& info : kLaneKinds)
    if (name == info.name) return info.kind;
  return LaneKind::Custom;
}

const char* NoteSizeName(NoteSize size) {
  switch (size) {
    case NoteSize::Small: return "S";
    case NoteSize::Large: return "L";
    case NoteSize::Medium: break;
  }
  return "M";
}

NoteSize NoteSizeFromName(std::string_view name) {
  if (name == "S") return NoteSize::Small;
  if (name == "L") return NoteSize::Large;
  return NoteSize::Medium;
}

const Stage* Board::FindStage(StageId id) const { return FindById(stages, id); }
const Lane* Board::FindLane(LaneId id) const { return FindById(lanes, id); }
const Note* Board::FindNote(NoteId id) const { return FindById(notes, id); }
const EmotionCurve* Board::FindCurve(CurveId id) const { return FindById(curves, id); }
const Persona* Board::FindPersona(PersonaId id) const { return FindById(personas, id); }
int Board::StageIndex(StageId id) const { return IndexById(stages, id); }
int Board::LaneIndex(LaneId id) const { return IndexById(lanes, id); }
int Board::NoteIndex(NoteId id) const { return IndexById(notes, id); }

bool operator==(const Stage& a, const Stage& b) {
  return a.id == b.id && a.name == b.name && a.width == b.width && a.hidden == b.hidden && a.reached == b.reached;
}
bool operator==(const Lane& a, const Lane& b) {
  return a.id == b.id && a.name == b.name && a.kind == b.kind && a.height == b.height &&
         a.color == b.color && a.collapsed == b.collapsed && a.hidden == b.hidden;
}
bool operator==(const NoteMetrics& a, const NoteMetrics& b) {
  return a.conversion == b.conversion && a.csi == b.csi && a.nps == b.nps && a.retention == b.retention;
}
bool operator==(const Opportunity& a, const Opportunity& b) {
  return a.customerValue == b.customerValue && a.businessValue == b.businessValue && a.effort == b.effort;
}
bool operator==(const Note& a, const Note& b) {
  return a.id == b.id && a.stage == b.stage && a.lane == b.lane && a.pos == b.pos &&
         a.size == b.size && a.text == b.text && a.color == b.color && a.votes == b.votes &&
         a.tags == b.tags && a.owner == b.owner && a.due == b.due && a.channel == b.channel &&
         a.metrics == b.metrics && a.severity == b.severity && a.covered == b.covered && a.personas == b.personas &&
         a.opportunity == b.opportunity;
}
bool operator==(const CurvePoint& a, const CurvePoint& b) {
  return a.stage == b.stage && a.t == b.t && a.value == b.value && a.label == b.label && a.note == b.note;
}
bool operator==(const EmotionCurve& a, const EmotionCurve& b) {
  return a.id == b.id && a.persona == b.persona && a.name == b.name && a.color == b.color &&
         a.toBe == b.toBe && a.points == b.points;
}
bool operator==(const Persona& a, const Persona& b) {
  return a.id == b.id && a.name == b.name && a.description == b.description &&
         a.goals == b.goals && a.needs == b.needs && a.pains == b.pains &&
         a.objections == b.objections && a.channels == b.channels && a.quote == b.quote && a.age == b.age &&
         a.gender == b.gender && a.family == b.family && a.home == b.home && a.occupation == b.occupation &&
         a.income == b.income && a.currency == b.currency && a.status == b.status && a.freeTime == b.freeTime &&
         a.decides == b.decides && a.blockers == b.blockers && a.ifUnsolved == b.ifUnsolved &&
         a.competitors == b.competitors;
}
bool operator==(const Stroke& a, const Stroke& b) {
  return a.id == b.id && a.stage == b.stage && a.lane == b.lane && a.points == b.points && a.width == b.width &&
         a.color == b.color && a.highlighter == b.highlighter;
}
bool operator==(const ArrowEnd& a, const ArrowEnd& b) {
  return a.note == b.note && a.pos == b.pos;
}
bool operator==(const Arrow& a, const Arrow& b) {
  return a.id == b.id && a.from == b.from && a.to == b.to && a.curved == b.curved && a.heads == b.heads &&
         a.label == b.label && a.color == b.color;
}
bool operator==(const Frame& a, const Frame& b) {
  return a.id == b.id && a.rect.x0 == b.rect.x0 && a.rect.y0 == b.rect.y0 && a.rect.x1 == b.rect.x1 &&
         a.rect.y1 == b.rect.y1 && a.title == b.title && a.color == b.color;
}
bool operator==(const TextLabel& a, const TextLabel& b) {
  return a.id == b.id && a.pos == b.pos && a.text == b.text && a.size == b.size && a.color == b.color;
}
bool operator==(const Board& a, const Board& b) {
  return a.meta.title == b.meta.title && a.meta.created == b.meta.created &&
         a.meta.modified == b.meta.modified && a.meta.language == b.meta.language && a.stages == b.stages && a.lanes == b.lanes &&
         a.notes == b.notes && a.curves == b.curves && a.personas == b.personas && a.strokes == b.strokes &&
         a.arrows == b.arrows && a.frames == b.frames && a.labels == b.labels && a.nextId == b.nextId;
}

// [SECTION] Due dates

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[size_t(i)] < '0' || text[size_t(i)] > '9') return false;
  auto number = [&text](size_t at, size_t len) { return std::stoi(text.substr(at, len)); };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsOverdue(const Note& note, const std::string& todayIso) {
  // Well-formed dates compare correctly as strings.
  return IsIsoDate(note.due) && IsIsoDate(todayIso) && note.due < todayIso;
}

bool CurveShownForPersona(const EmotionCurve& curve, PersonaId persona) {
  return !persona || !curve.persona || curve.persona == persona;
}

bool ArrowShownForPersona(const Board& board, const Arrow& arrow, PersonaId persona) {
  auto shown = [&](const ArrowEnd& end) {
    const Note* note = end.note ? board.FindNote(end.note) : nullptr;
    return !note || NoteShownForPersona(*note, persona);
  };
  return shown(arrow.from) || shown(arrow.to);
}

bool NoteShownForPersona(const Note& note, PersonaId persona) {
  return !persona || note.personas.empty() ||
         std::find(note.personas.begin(), note.personas.end(), persona) != note.personas.end();
}

}  // namespace jb
