#include "core/model/consistency.h"

#include "core/model/sanitize.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace jb {

namespace {

constexpr size_t kMaxProblems = 32;

class Checker {
 public:
  explicit Checker(ConsistencyOptions options) : m_options(options) {}

  void Fail(const std::string& problem) {
    if (m_problems.size() < kMaxProblems) m_problems.push_back(problem);
  }
  // `what` is only built when the check fails, so a clean board costs no strings.
  template <class Describe>
  void Expect(bool ok, Describe&& what) {
    if (!ok) Fail(what());
  }

  void Record(uint64_t id, uint64_t nextId, const char* kind) {
    if (id == 0) return Fail(std::string("a ") + kind + " has no id");
    if (id >= nextId) Fail(std::string("a ") + kind + " id " + std::to_string(id) + " is not below nextId");
    if (!m_ids.insert(id).second) Fail(std::string("the id ") + std::to_string(id) + " is used twice");
  }
  void Number(float value, float low, float high, const char* what) {
    // Written so that NaN fails too.
    Expect(std::isfinite(value) && value >= low && value <= high,
           [&] { return std::string(what) + " " + std::to_string(value) + " is out of range"; });
  }
  void Text(const std::string& text, const char* what) {
    if (text.size() > kMaxTextChars)  // a code point is at least one byte: count only long ones
      Expect(CountCodepoints(text) <= kMaxTextChars, [&] { return std::string(what) + " is longer than the text limit"; });
    if (m_options.utf8) Expect(IsValidUtf8(text), [&] { return std::string(what) + " is not valid UTF-8"; });
  }

  std::vector<std::string> Take() { return std::move(m_problems); }

 private:
  ConsistencyOptions m_options;
  std::vector<std::string> m_problems;
  std::unordered_set<uint64_t> m_ids;
};

}  // namespace

std::vector<std::string> CheckBoard(const Board& board, ConsistencyOptions options) {
  Checker check(options);
  const uint64_t next = board.nextId;
  check.Expect(next >= 1 && next <= kMaxId + 1, [&] { return "nextId " + std::to_string(next) + " is out of range"; });
  check.Expect(board.stages.size() <= kMaxStages, [] { return "too many stages"; });
  check.Expect(board.lanes.size() <= kMaxLanes, [] { return "too many lanes"; });
  check.Expect(board.notes.size() <= kMaxNotes, [] { return "too many notes"; });
  check.Expect(board.curves.size() <= kMaxCurves, [] { return "too many emotion curves"; });
  check.Expect(board.personas.size() <= kMaxPersonas, [] { return "too many personas"; });

  check.Text(board.meta.title, "the title");
  check.Text(board.meta.created, "the creation time");
  check.Text(board.meta.modified, "the modification time");
  check.Text(board.meta.language, "the board language");

  std::unordered_set<uint64_t> stageIds, laneIds, personaIds;
  for (const Stage& stage : board.stages) {
    check.Record(stage.id.value, next, "stage");
    stageIds.insert(stage.id.value);
    check.Number(stage.width, kMinStageWidth, kMaxStageWidth, "a stage width");
    if (stage.reached)
      check.Expect(std::isfinite(*stage.reached) && *stage.reached >= 0 && *stage.reached <= kMaxReached,
                   [] { return std::string("a stage's reached count is out of range"); });
    check.Text(stage.name, "a stage name");
  }
  for (const Lane& lane : board.lanes) {
    check.Record(lane.id.value, next, "lane");
    laneIds.insert(lane.id.value);
    check.Number(lane.height, kMinLaneHeight, kMaxLaneHeight, "a lane height");
    check.Expect(int(lane.kind) >= 0 && int(lane.kind) < kLaneKindCount, [] { return "a lane kind is unknown"; });
    check.Text(lane.name, "a lane name");
  }
  for (const Persona& persona : board.personas) {
    check.Record(persona.id.value, next, "persona");
    personaIds.insert(persona.id.value);
    for (const std::string* text : PersonaTexts(persona)) check.Text(*text, "a persona's text");
  }
  for (const Note& note : board.notes) {
    check.Record(note.id.value, next, "note");
    if (note.stage || note.lane) {
      check.Expect(note.stage && stageIds.count(note.stage.value) && note.lane && laneIds.count(note.lane.value),
                   [&] { return "note " + std::to_string(note.id.value) + " points at a missing stage or lane"; });
    }
    check.Number(note.pos.x, -kMaxCoordinate, kMaxCoordinate, "a note's x");
    check.Number(note.pos.y, -kMaxCoordinate, kMaxCoordinate, "a note's y");
    check.Expect(int(note.size) >= 0 && int(note.size) <= int(NoteSize::Large), [] { return "a note size is unknown"; });
    check.Expect(note.votes >= 0, [] { return "a note has negative votes"; });
    check.Expect(note.severity >= 0 && note.severity <= 3, [] { return "a note's severity is out of range"; });
    if (note.metrics.conversion) check.Number(*note.metrics.conversion, 0, 100, "a conversion");
    if (note.metrics.csi) check.Number(*note.metrics.csi, 0, 100, "a CSI");
    if (note.metrics.nps) check.Number(*note.metrics.nps, -100, 100, "an NPS");
    if (note.metrics.retention) check.Number(*note.metrics.retention, 0, 100, "a retention");
    if (note.opportunity) {
      check.Number(note.opportunity->customerValue, 0, kMaxOpportunityValue, "a customer value");
      check.Number(note.opportunity->businessValue, 0, kMaxOpportunityValue, "a business value");
      check.Expect(note.opportunity->effort >= kMinEffort && note.opportunity->effort <= kMaxEffort,
                   [] { return std::string("an opportunity's effort is out of range"); });
    }
    for (const std::string* text : {&note.text, &note.owner, &note.due, &note.channel}) check.Text(*text, "a note's text");
    for (const std::string& tag : note.tags) check.Text(tag, "a tag");
    for (size_t i = 0; i < note.personas.size(); ++i) {
      const PersonaId persona = note.personas[i];
      check.Expect(personaIds.count(persona.value) > 0 &&
                       std::find(note.personas.begin(), note.personas.begin() + long(i), persona) ==
                           note.personas.begin() + long(i),
                   [&] { return "note " + std::to_string(note.id.value) + " names a missing or repeated persona"; });
    }
  }
  size_t points = 0;
  for (const EmotionCurve& curve : board.curves) {
    check.Record(curve.id.value, next, "emotion curve");
    check.Expect(!curve.persona || personaIds.count(curve.persona.value),
                 [&] { return "curve " + std::to_string(curve.id.value) + " belongs to a missing persona"; });
    check.Text(curve.name, "a curve name");
    points += curve.points.size();
    for (const CurvePoint& point : curve.points) {
      check.Expect(stageIds.count(point.stage.value) > 0, [] { return "a curve point's stage is missing"; });
      check.Number(point.t, 0, 1, "a curve point's t");
      check.Number(point.value, -1, 1, "a curve point's value");
      check.Text(point.label, "a curve point's label");
    }
  }
  check.Expect(points <= kMaxCurvePoints, [] { return "too many emotion curve points"; });

  check.Expect(board.strokes.size() <= kMaxStrokes, [] { return "too many strokes"; });
  check.Expect(board.arrows.size() <= kMaxArrows, [] { return "too many arrows"; });
  check.Expect(board.frames.size() <= kMaxFrames, [] { return "too many frames"; });
  check.Expect(board.labels.size() <= kMaxLabels, [] { return "too many text labels"; });
  auto position = [&check](Vec2 p, const char* what) {
    check.Number(p.x, -kMaxCoordinate, kMaxCoordinate, what);
    check.Number(p.y, -kMaxCoordinate, kMaxCoordinate, what);
  };
  for (const Stroke& stroke : board.strokes) {
    check.Record(stroke.id.value, next, "stroke");
    if (stroke.stage || stroke.lane) {
      check.Expect(stroke.stage && stageIds.count(stroke.stage.value) && stroke.lane && laneIds.count(stroke.lane.value),
                   [&] { return "stroke " + std::to_string(stroke.id.value) + " points at a missing stage or lane"; });
    }
    check.Expect(!stroke.points.empty() && stroke.points.size() <= kMaxStrokePoints,
                 [&] { return "stroke " + std::to_string(stroke.id.value) + " has no points or too many"; });
    for (Vec2 p : stroke.points) position(p, "a stroke point");
    check.Number(stroke.width, kMinStrokeWidth, kMaxStrokeWidth, "a stroke width");
  }
  std::unordered_set<uint64_t> noteIds;
  for (const Note& note : board.notes) noteIds.insert(note.id.value);
  for (const Arrow& arrow : board.arrows) {
    check.Record(arrow.id.value, next, "arrow");
    for (const ArrowEnd* end : {&arrow.from, &arrow.to}) {
      check.Expect(!end->note || noteIds.count(end->note.value),
                   [&] { return "arrow " + std::to_string(arrow.id.value) + " is bound to a missing note"; });
      position(end->pos, "an arrow end");
    }
    check.Expect(int(arrow.heads) >= 0 && int(arrow.heads) <= int(ArrowHeads::Both),
                 [] { return "an arrow's heads are unknown"; });
    check.Text(arrow.label, "an arrow label");
  }
  for (const Frame& frame : board.frames) {
    check.Record(frame.id.value, next, "frame");
    position({frame.rect.x0, frame.rect.y0}, "a frame corner");
    position({frame.rect.x1, frame.rect.y1}, "a frame corner");
    check.Expect(frame.rect.x0 <= frame.rect.x1 && frame.rect.y0 <= frame.rect.y1,
                 [] { return "a frame's corners are out of order"; });
    check.Text(frame.title, "a frame title");
  }
  for (const TextLabel& label : board.labels) {
    check.Record(label.id.value, next, "text label");
    position(label.pos, "a text label's position");
    check.Number(label.size, kMinLabelSize, kMaxLabelSize, "a text label's size");
    check.Text(label.text, "a text label");
  }
  return check.Take();
}

}  // namespace jb
