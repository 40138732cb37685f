// One schema, checked: every field of every record type survives the file (BoardToJson →
// BoardFromJson), the journal (EncodeDiff → DecodeDiff, as an added and as an updated record) and
// RepairBoard. A field is spelled in several places (model.h and operator==, serialize.h,
// board_json.cpp, journal.cpp's ByteWriter and ByteReader, repair.cpp); this test holds the one
// list of them, and the compiler holds the list to the structs (FieldsOf... below).
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/diff.h"
#include "core/io/file_io.h"
#include "core/session/journal.h"
#include "file_io_support.h"

using namespace jb;
using namespace jb::test;

namespace {

// [SECTION] The fields, as the compiler sees them
// Each binding names every data member of its struct, in order, and stops compiling when one is
// added or removed ("only N names provided for structured binding"). A field was
// added: carry it in the journal (ByteWriter::Put and ByteReader::Get in journal.cpp), the file
// (serialize.h, board_json.cpp), operator== and repair, then add it here and to the lists below.
[[maybe_unused]] void FieldsOfStage(Stage& s) { [[maybe_unused]] auto& [id, name, width, hidden] = s; }
[[maybe_unused]] void FieldsOfLane(Lane& l) {
  [[maybe_unused]] auto& [id, name, kind, height, color, collapsed, hidden] = l;
}
[[maybe_unused]] void FieldsOfVec2(Vec2& v) { [[maybe_unused]] auto& [x, y] = v; }
[[maybe_unused]] void FieldsOfNoteMetrics(NoteMetrics& m) { [[maybe_unused]] auto& [conversion, csi, nps] = m; }
[[maybe_unused]] void FieldsOfNote(Note& n) {
  [[maybe_unused]] auto& [id, stage, lane, pos, size, text, color, votes, tags, owner, due, channel, metrics,
                          severity, covered] = n;
}
[[maybe_unused]] void FieldsOfCurvePoint(CurvePoint& p) { [[maybe_unused]] auto& [stage, t, value, label] = p; }
[[maybe_unused]] void FieldsOfEmotionCurve(EmotionCurve& c) {
  [[maybe_unused]] auto& [id, persona, name, color, toBe, points] = c;
}
[[maybe_unused]] void FieldsOfPersona(Persona& p) {
  [[maybe_unused]] auto& [id, name, description, goals, needs, pains, objections, channels, quote] = p;
}
[[maybe_unused]] void FieldsOfBoardMeta(BoardMeta& m) { [[maybe_unused]] auto& [title, created, modified, language] = m; }
// A new record type is a new member of Board (and of BoardDiff): a new list here, too.
[[maybe_unused]] void FieldsOfBoard(Board& b) {
  [[maybe_unused]] auto& [meta, stages, lanes, notes, curves, personas, strokes, arrows, frames, labels, nextId] = b;
}

// [SECTION] A board with every field set, and one change per field

// Ids: two of each referenced kind, so a reference can point at the other one, and records whose
// id can change without breaking a reference (stage 9, lane 4, persona 6); ids up to 9 are taken,
// nextId leaves room for a changed id (50).
Board FullBoard() {
  Board b;
  b.meta = {"Every field", "2026-01-02T03:04:05Z", "2026-02-03T04:05:06Z", "ru"};
  b.stages = {{StageId(1), "Search", 420}, {StageId(2), "Buy", 380}, {StageId(9), "Use", 400}};
  b.lanes = {{LaneId(3), "Pains", LaneKind::Pains, 170, 0x102030, true},
             {LaneId(4), "Ideas", LaneKind::Solutions, 190, 0x405060, false}};
  b.personas = {{PersonaId(5), "Olga", "38, teacher", "a flat", "speed", "queues", "price", "site", "\"Call me\""},
                {PersonaId(6), "Ivan", "d", "g", "n", "p", "o", "c", "q"}};
  EmotionCurve curve;
  curve.id = CurveId(7);
  curve.persona = PersonaId(5);
  curve.name = "As is";
  curve.color = 0x3344ff;
  curve.toBe = true;
  curve.points = {{StageId(1), 0.25f, -0.5f, "low"}, {StageId(2), 0.75f, 0.5f, "high"}};
  b.curves = {curve};
  Note note;
  note.id = NoteId(8);
  note.stage = StageId(1);
  note.lane = LaneId(3);
  note.pos = {12.5f, -40.25f};
  note.size = NoteSize::Large;
  note.text = "Waits 40 minutes";
  note.color = 0xffcc00;
  note.votes = 4;
  note.tags = {"queue", "call"};
  note.owner = "Ann";
  note.due = "2026-03-04";
  note.channel = "call centre";
  note.metrics = {12.5f, 80.f, -20.f};
  note.severity = 2;
  b.notes = {note};
  b.nextId = 100;
  return b;
}

template <class T>
struct Field {
  std::string name;
  std::function<void(T&)> change;  // makes exactly this field differ, to a value a board may hold
};

// One entry per field (and per kind of change of a list or optional), in struct order.
std::vector<Field<Stage>> StageFields() {
  return {{"id", [](Stage& s) { s.id = StageId(50); }},
          {"name", [](Stage& s) { s.name += "!"; }},
          {"width", [](Stage& s) { s.width += 10.5f; }},
          {"hidden", [](Stage& s) { s.hidden = !s.hidden; }}};
}
std::vector<Field<Lane>> LaneFields() {
  return {{"id", [](Lane& l) { l.id = LaneId(50); }},
          {"name", [](Lane& l) { l.name += "!"; }},
          {"kind", [](Lane& l) { l.kind = LaneKind::Metrics; }},
          {"height", [](Lane& l) { l.height += 10.5f; }},
          {"color", [](Lane& l) { l.color = 0x0a0b0c; }},
          {"collapsed", [](Lane& l) { l.collapsed = !l.collapsed; }},
          {"hidden", [](Lane& l) { l.hidden = !l.hidden; }}};
}
std::vector<Field<Note>> NoteFields() {
  return {{"id", [](Note& n) { n.id = NoteId(50); }},
          {"stage", [](Note& n) { n.stage = StageId(2); }},
          {"lane", [](Note& n) { n.lane = LaneId(4); }},
          {"pos.x", [](Note& n) { n.pos.x += 1.5f; }},
          {"pos.y", [](Note& n) { n.pos.y += 1.5f; }},
          {"size", [](Note& n) { n.size = NoteSize::Small; }},
          {"text", [](Note& n) { n.text += "!"; }},
          {"color", [](Note& n) { n.color = 0x00ccff; }},
          {"votes", [](Note& n) { n.votes += 1; }},
          {"tags (one more)", [](Note& n) { n.tags.push_back("extra"); }},
          {"tags (one changed)", [](Note& n) { n.tags[1] = "mail"; }},
          {"owner", [](Note& n) { n.owner += "a"; }},
          {"due", [](Note& n) { n.due = "2026-03-05"; }},
          {"channel", [](Note& n) { n.channel = "office"; }},
          {"metrics.conversion", [](Note& n) { n.metrics.conversion = 13.5f; }},
          {"metrics.conversion (none)", [](Note& n) { n.metrics.conversion.reset(); }},
          {"metrics.csi", [](Note& n) { n.metrics.csi = 81.f; }},
          {"metrics.csi (none)", [](Note& n) { n.metrics.csi.reset(); }},
          {"metrics.nps", [](Note& n) { n.metrics.nps = -21.f; }},
          {"metrics.nps (none)", [](Note& n) { n.metrics.nps.reset(); }},
          {"severity", [](Note& n) { n.severity = 3; }},
          {"covered", [](Note& n) { n.covered = !n.covered; }}};
}
std::vector<Field<CurvePoint>> CurvePointFields() {
  return {{"stage", [](CurvePoint& p) { p.stage = StageId(2); }},
          {"t", [](CurvePoint& p) { p.t = 0.375f; }},
          {"value", [](CurvePoint& p) { p.value = -0.625f; }},
          {"label", [](CurvePoint& p) { p.label += "!"; }}};
}
std::vector<Field<EmotionCurve>> CurveFields() {
  std::vector<Field<EmotionCurve>> fields = {
      {"id", [](EmotionCurve& c) { c.id = CurveId(50); }},
      {"persona", [](EmotionCurve& c) { c.persona = PersonaId(6); }},
      {"persona (none)", [](EmotionCurve& c) { c.persona = PersonaId(); }},
      {"name", [](EmotionCurve& c) { c.name += "!"; }},
      {"color", [](EmotionCurve& c) { c.color = 0x00ff00; }},
      {"toBe", [](EmotionCurve& c) { c.toBe = !c.toBe; }},
      {"points (one fewer)", [](EmotionCurve& c) { c.points.pop_back(); }}};
  // Each field of a point, through the curve that holds it.
  for (const Field<CurvePoint>& point : CurvePointFields())
    fields.push_back({point.name, [change = point.change](EmotionCurve& c) { change(c.points[0]); }});
  return fields;
}
std::vector<Field<Persona>> PersonaFields() {
  return {{"id", [](Persona& p) { p.id = PersonaId(50); }},
          {"name", [](Persona& p) { p.name += "!"; }},
          {"description", [](Persona& p) { p.description += "!"; }},
          {"goals", [](Persona& p) { p.goals += "!"; }},
          {"needs", [](Persona& p) { p.needs += "!"; }},
          {"pains", [](Persona& p) { p.pains += "!"; }},
          {"objections", [](Persona& p) { p.objections += "!"; }},
          {"channels", [](Persona& p) { p.channels += "!"; }},
          {"quote", [](Persona& p) { p.quote += "!"; }}};
}
std::vector<Field<BoardMeta>> MetaFields() {
  return {{"title", [](BoardMeta& m) { m.title += "!"; }},
          {"created", [](BoardMeta& m) { m.created = "2026-01-02T03:04:06Z"; }},
          {"modified", [](BoardMeta& m) { m.modified = "2026-02-03T04:05:07Z"; }},
          {"language", [](BoardMeta& m) { m.language = m.language == "ru" ? "en" : "ru"; }}};
}

bool SameMeta(const BoardMeta& a, const BoardMeta& b) {
  return a.title == b.title && a.created == b.created && a.modified == b.modified && a.language == b.language;
}

// [SECTION] The round trips

Board ThroughFile(const Board& board) {
  const LoadResult loaded = BoardFromJson(BoardToJson(board), "schema.cjm");
  const Board* result = AsBoard(loaded);
  REQUIRE(result);
  CHECK(Warnings(loaded).empty());
  return *result;
}

Board ThroughRepair(Board board) {
  CHECK(RepairBoard(board).empty());
  return board;
}

BoardDiff ThroughJournal(const BoardDiff& diff) {
  BoardDiff decoded;
  REQUIRE(DecodeDiff(EncodeDiff(diff), &decoded));
  return decoded;
}

// The record of type T in `board` that the fields of T change, and in a diff.
template <class T>
struct Slot;
template <>
struct Slot<Stage> {
  template <class B>
  static auto& In(B& b) { return b.stages[2]; }
  template <class D>
  static auto& Of(D& d) { return d.stages; }
};
template <>
struct Slot<Lane> {
  template <class B>
  static auto& In(B& b) { return b.lanes[1]; }
  template <class D>
  static auto& Of(D& d) { return d.lanes; }
};
template <>
struct Slot<Note> {
  template <class B>
  static auto& In(B& b) { return b.notes[0]; }
  template <class D>
  static auto& Of(D& d) { return d.notes; }
};
template <>
struct Slot<EmotionCurve> {
  template <class B>
  static auto& In(B& b) { return b.curves[0]; }
  template <class D>
  static auto& Of(D& d) { return d.curves; }
};
template <>
struct Slot<Persona> {
  template <class B>
  static auto& In(B& b) { return b.personas[1]; }
  template <class D>
  static auto& Of(D& d) { return d.personas; }
};

template <class T>
void CheckEveryField(const std::vector<Field<T>>& fields) {
  const Board full = FullBoard();
  const T base = Slot<T>::In(full);
  for (const Field<T>& field : fields) {
    CAPTURE(field.name);
    Board changed = FullBoard();
    field.change(Slot<T>::In(changed));
    const T variant = Slot<T>::In(changed);
    // operator== sees the field (else every check below would pass without looking).
    REQUIRE_FALSE(variant == base);
    REQUIRE_FALSE(changed == full);

    // The file: the changed board comes back changed, and exactly as it was.
    const Board loaded = ThroughFile(changed);
    CHECK(Slot<T>::In(loaded) == variant);
    CHECK(loaded == changed);
    CHECK_FALSE(loaded == ThroughFile(full));

    // Repair keeps the field.
    CHECK(ThroughRepair(changed) == changed);

    // The journal: as an updated record (before → after) and as an added one.
    BoardDiff diff;
    Slot<T>::Of(diff).updated.push_back({base, variant});
    Slot<T>::Of(diff).added.push_back({variant, 1});
    const BoardDiff decoded = ThroughJournal(diff);
    REQUIRE(Slot<T>::Of(decoded).updated.size() == 1);
    REQUIRE(Slot<T>::Of(decoded).added.size() == 1);
    CHECK(Slot<T>::Of(decoded).updated[0].before == base);
    CHECK(Slot<T>::Of(decoded).updated[0].after == variant);
    CHECK(Slot<T>::Of(decoded).added[0].record == variant);
  }
}

}  // namespace

TEST_CASE("The full board survives the file, repair and the journal unchanged") {
  const Board full = FullBoard();
  CHECK(ThroughFile(full) == full);
  CHECK(ThroughRepair(full) == full);
  BoardDiff diff;
  diff.nextIdBefore = 99;
  diff.nextIdAfter = full.nextId;
  diff.stages.added = {{full.stages[0], 0}, {full.stages[1], 1}, {full.stages[2], 2}};
  diff.lanes.added = {{full.lanes[0], 0}, {full.lanes[1], 1}};
  diff.notes.added = {{full.notes[0], 0}};
  diff.curves.added = {{full.curves[0], 0}};
  diff.personas.added = {{full.personas[0], 0}, {full.personas[1], 1}};
  diff.meta = Updated<BoardMeta>{BoardMeta{}, full.meta};
  Board replayed;
  replayed.nextId = 99;
  ApplyDiff(replayed, ThroughJournal(diff));
  CHECK(replayed == full);
  CHECK(SameMeta(replayed.meta, full.meta));
}

TEST_CASE("Every field of a stage survives the file, repair and the journal") { CheckEveryField(StageFields()); }
TEST_CASE("Every field of a lane survives the file, repair and the journal") { CheckEveryField(LaneFields()); }
TEST_CASE("Every field of a note survives the file, repair and the journal") { CheckEveryField(NoteFields()); }
TEST_CASE("Every field of a curve and its points survives the file, repair and the journal") {
  CheckEveryField(CurveFields());
}
TEST_CASE("Every field of a persona survives the file, repair and the journal") { CheckEveryField(PersonaFields()); }

TEST_CASE("Every field of the board's meta survives the file, repair and the journal") {
  const Board full = FullBoard();
  for (const Field<BoardMeta>& field : MetaFields()) {
    CAPTURE(field.name);
    Board changed = FullBoard();
    field.change(changed.meta);
    REQUIRE_FALSE(SameMeta(changed.meta, full.meta));
    REQUIRE_FALSE(changed == full);
    CHECK(SameMeta(ThroughFile(changed).meta, changed.meta));
    CHECK(SameMeta(ThroughRepair(changed).meta, changed.meta));
    BoardDiff diff;
    diff.meta = Updated<BoardMeta>{full.meta, changed.meta};
    const BoardDiff decoded = ThroughJournal(diff);
    REQUIRE(decoded.meta);
    CHECK(SameMeta(decoded.meta->before, full.meta));
    CHECK(SameMeta(decoded.meta->after, changed.meta));
  }
}

TEST_CASE("The board's nextId survives the file and the journal") {
  Board changed = FullBoard();
  changed.nextId = 123;
  CHECK(ThroughFile(changed).nextId == 123);
  BoardDiff diff;
  diff.nextIdBefore = 100;
  diff.nextIdAfter = 123;
  const BoardDiff decoded = ThroughJournal(diff);
  CHECK(decoded.nextIdBefore == 100);
  CHECK(decoded.nextIdAfter == 123);
}
