// One schema, checked: every field of every record type survives the file (BoardToJson →
// BoardFromJson), the journal (EncodeDiff → DecodeDiff, as an added and as an updated record) and
// RepairBoard. A field is spelled in several places (model.h and operator==, serialize.h,
// board_json.cpp, diff_codec.cpp's ByteWriter and ByteReader, repair.cpp); this test holds the one
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
// added: carry it in the journal (ByteWriter::Put and ByteReader::Get in diff_codec.cpp), the file
// (serialize.h, board_json.cpp), operator== and repair, then add it here and to the lists below.
[[maybe_unused]] void FieldsOfStage(Stage& s) { [[maybe_unused]] auto& [id, name, width, hidden, reached] = s; }
[[maybe_unused]] void FieldsOfLane(Lane& l) {
  [[maybe_unused]] auto& [id, name, kind, height, color, collapsed, hidden] = l;
}
[[maybe_unused]] void FieldsOfVec2(Vec2& v) { [[maybe_unused]] auto& [x, y] = v; }
[[maybe_unused]] void FieldsOfNoteMetrics(NoteMetrics& m) { [[maybe_unused]] auto& [conversion, csi, nps, retention] = m; }
[[maybe_unused]] void FieldsOfOpportunity(Opportunity& o) {
  [[maybe_unused]] auto& [customerValue, businessValue, effort] = o;
}
[[maybe_unused]] void FieldsOfNote(Note& n) {
  [[maybe_unused]] auto& [id, stage, lane, pos, size, text, color, votes, tags, owner, due, channel, metrics,
                          severity, covered, personas, opportunity] = n;
}
[[maybe_unused]] void FieldsOfCurvePoint(CurvePoint& p) { [[maybe_unused]] auto& [stage, t, value, label, note] = p; }
[[maybe_unused]] void FieldsOfEmotionCurve(EmotionCurve& c) {
  [[maybe_unused]] auto& [id, persona, name, color, toBe, points] = c;
}
[[maybe_unused]] void FieldsOfPersona(Persona& p) {
  [[maybe_unused]] auto& [id, name, description, age, gender, family, home, occupation, income, currency, status,
                          freeTime, decides, blockers, ifUnsolved, competitors, goals, needs, pains, objections,
                          channels, quote] = p;
}
[[maybe_unused]] void FieldsOfBoardMeta(BoardMeta& m) { [[maybe_unused]] auto& [title, created, modified, language] = m; }
[[maybe_unused]] void FieldsOfStroke(Stroke& s) {
  [[maybe_unused]] auto& [id, stage, lane, points, width, color, highlighter] = s;
}
[[maybe_unused]] void FieldsOfArrowEnd(ArrowEnd& e) { [[maybe_unused]] auto& [note, pos] = e; }
[[maybe_unused]] void FieldsOfArrow(Arrow& a) {
  [[maybe_unused]] auto& [id, from, to, curved, heads, label, color] = a;
}
[[maybe_unused]] void FieldsOfRect(Rect& r) { [[maybe_unused]] auto& [x0, y0, x1, y1] = r; }
[[maybe_unused]] void FieldsOfFrame(Frame& f) { [[maybe_unused]] auto& [id, rect, title, color] = f; }
[[maybe_unused]] void FieldsOfTextLabel(TextLabel& l) { [[maybe_unused]] auto& [id, pos, text, size, color] = l; }
// A new record type is a new member of Board (and of BoardDiff): a new list here, too.
[[maybe_unused]] void FieldsOfBoard(Board& b) {
  [[maybe_unused]] auto& [meta, stages, lanes, notes, curves, personas, strokes, arrows, frames, labels, nextId] = b;
}

// [SECTION] A board with every field set, and one change per field

// Ids: two of each referenced kind, so a reference can point at the other one, and records whose
// id can change without breaking a reference (stage 9, lane 4, persona 6); ids up to 14 are taken,
// nextId leaves room for a changed id (50).
Board FullBoard() {
  Board b;
  b.meta = {"Every field", "2026-01-02T03:04:05Z", "2026-02-03T04:05:06Z", "ru"};
  b.stages = {{StageId(1), "Search", 420, false, 12000}, {StageId(2), "Buy", 380},
              {StageId(9), "Use", 400, false, 4520.5}};
  b.lanes = {{LaneId(3), "Pains", LaneKind::Pains, 170, 0x102030, true},
             {LaneId(4), "Ideas", LaneKind::Solutions, 190, 0x405060, false}};
  Persona olga;
  olga.id = PersonaId(5);
  olga.name = "Olga";
  olga.description = "A teacher";
  olga.age = "38";
  olga.gender = "female";
  olga.family = "married, two children";
  olga.home = "Kazan";
  olga.occupation = "teacher";
  olga.income = 65000.5f;
  olga.currency = "RUB";
  olga.status = "middle class";
  olga.freeTime = "the dacha, books";
  olga.decides = "with her husband";
  olga.blockers = "no time";
  olga.ifUnsolved = "late every morning";
  olga.competitors = "the bank next door calls back";
  olga.goals = "a flat";
  olga.needs = "speed";
  olga.pains = "queues";
  olga.objections = "price";
  olga.channels = "site";
  olga.quote = "\"Call me\"";
  Persona ivan = olga;  // the one whose fields change (Slot<Persona>)
  ivan.id = PersonaId(6);
  ivan.name = "Ivan";
  ivan.income = 900.f;
  ivan.currency = "EUR";
  ivan.description = "d";
  ivan.goals = "g";
  ivan.needs = "n";
  ivan.pains = "p";
  ivan.objections = "o";
  ivan.channels = "c";
  ivan.quote = "q";
  b.personas = {olga, ivan};
  EmotionCurve curve;
  curve.id = CurveId(7);
  curve.persona = PersonaId(5);
  curve.name = "As is";
  curve.color = 0x3344ff;
  curve.toBe = true;
  curve.points = {{StageId(1), 0.25f, -0.5f, "low", NoteId(8)}, {StageId(2), 0.75f, 0.5f, "high"}};
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
  note.metrics = {12.5f, 80.f, -20.f, 64.f};
  note.severity = 2;
  note.personas = {PersonaId(5)};
  note.opportunity = Opportunity{70.5f, 40.f, 2};
  Note free;  // an arrow's note, so that changing note 8's id leaves the arrow bound
  free.id = NoteId(14);
  free.pos = {900.f, -60.5f};
  free.text = "Free";
  b.notes = {note, free};
  Stroke stroke;
  stroke.id = StrokeId(10);
  stroke.stage = StageId(1);
  stroke.lane = LaneId(3);
  stroke.points = {{4.5f, 8.25f}, {120.f, 16.f}, {60.f, 90.5f}};
  stroke.width = 6.5f;
  stroke.color = 0xd92626;
  b.strokes = {stroke};
  Arrow arrow;
  arrow.id = ArrowId(11);
  arrow.from = {NoteId(14), {100.f, 200.f}};
  arrow.to = {NoteId(), {-50.5f, 400.25f}};
  arrow.curved = true;
  arrow.heads = ArrowHeads::Start;
  arrow.label = "fixes";
  arrow.color = 0x2563eb;
  b.arrows = {arrow};
  b.frames = {{FrameId(12), {-300.f, -200.f, 100.5f, 50.f}, "Parking lot", 0xeeeeee}};
  b.labels = {{LabelId(13), {-400.f, -250.5f}, "Where do we lose people?", 72.f, 0x111111}};
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
          {"hidden", [](Stage& s) { s.hidden = !s.hidden; }},
          {"reached", [](Stage& s) { s.reached = 987654321.0; }},
          {"reached (a fraction)", [](Stage& s) { s.reached = 33.25; }},
          {"reached (none)", [](Stage& s) { s.reached.reset(); }}};
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
          {"metrics.retention", [](Note& n) { n.metrics.retention = 37.5f; }},
          {"metrics.retention (none)", [](Note& n) { n.metrics.retention.reset(); }},
          {"severity", [](Note& n) { n.severity = 3; }},
          {"covered", [](Note& n) { n.covered = !n.covered; }},
          {"personas (one more)", [](Note& n) { n.personas.push_back(PersonaId(6)); }},
          {"personas (none)", [](Note& n) { n.personas.clear(); }},
          {"personas (the other)", [](Note& n) { n.personas = {PersonaId(6)}; }},
          {"opportunity.customerValue", [](Note& n) { n.opportunity->customerValue = 12.5f; }},
          {"opportunity.businessValue", [](Note& n) { n.opportunity->businessValue = 99.f; }},
          {"opportunity.effort", [](Note& n) { n.opportunity->effort = 5; }},
          {"opportunity (none)", [](Note& n) { n.opportunity.reset(); }}};
}
std::vector<Field<CurvePoint>> CurvePointFields() {
  return {{"stage", [](CurvePoint& p) { p.stage = StageId(2); }},
          {"t", [](CurvePoint& p) { p.t = 0.375f; }},
          {"value", [](CurvePoint& p) { p.value = -0.625f; }},
          {"label", [](CurvePoint& p) { p.label += "!"; }},
          {"note", [](CurvePoint& p) { p.note = p.note ? NoteId() : NoteId(8); }}};
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
          {"age", [](Persona& p) { p.age += "!"; }},
          {"gender", [](Persona& p) { p.gender += "!"; }},
          {"family", [](Persona& p) { p.family += "!"; }},
          {"home", [](Persona& p) { p.home += "!"; }},
          {"occupation", [](Persona& p) { p.occupation += "!"; }},
          {"income", [](Persona& p) { p.income = 1234.5f; }},
          {"income (none)", [](Persona& p) { p.income.reset(); }},
          {"currency", [](Persona& p) { p.currency += "!"; }},
          {"status", [](Persona& p) { p.status += "!"; }},
          {"freeTime", [](Persona& p) { p.freeTime += "!"; }},
          {"decides", [](Persona& p) { p.decides += "!"; }},
          {"blockers", [](Persona& p) { p.blockers += "!"; }},
          {"ifUnsolved", [](Persona& p) { p.ifUnsolved += "!"; }},
          {"competitors", [](Persona& p) { p.competitors += "!"; }},
          {"goals", [](Persona& p) { p.goals += "!"; }},
          {"needs", [](Persona& p) { p.needs += "!"; }},
          {"pains", [](Persona& p) { p.pains += "!"; }},
          {"objections", [](Persona& p) { p.objections += "!"; }},
          {"channels", [](Persona& p) { p.channels += "!"; }},
          {"quote", [](Persona& p) { p.quote += "!"; }}};
}
std::vector<Field<Stroke>> StrokeFields() {
  return {{"id", [](Stroke& s) { s.id = StrokeId(50); }},
          {"stage", [](Stroke& s) { s.stage = StageId(2); }},
          {"lane", [](Stroke& s) { s.lane = LaneId(4); }},
          {"stage and lane (free)", [](Stroke& s) { s.stage = StageId(), s.lane = LaneId(); }},
          {"points (one fewer)", [](Stroke& s) { s.points.pop_back(); }},
          {"points (one more)", [](Stroke& s) { s.points.push_back({7.f, 7.5f}); }},
          {"points[1].x", [](Stroke& s) { s.points[1].x += 1.5f; }},
          {"points[1].y", [](Stroke& s) { s.points[1].y += 1.5f; }},
          {"width", [](Stroke& s) { s.width = 12.5f; }},
          {"color", [](Stroke& s) { s.color = 0x00ff00; }},
          {"highlighter", [](Stroke& s) { s.highlighter = !s.highlighter; }}};
}
std::vector<Field<Arrow>> ArrowFields() {
  return {{"id", [](Arrow& a) { a.id = ArrowId(50); }},
          {"from.note (none)", [](Arrow& a) { a.from.note = NoteId(); }},
          {"from.pos.x", [](Arrow& a) { a.from.pos.x += 1.5f; }},
          {"from.pos.y", [](Arrow& a) { a.from.pos.y += 1.5f; }},
          {"to.note", [](Arrow& a) { a.to.note = NoteId(8); }},
          {"from.note", [](Arrow& a) { a.from.note = NoteId(8); }},
          {"to.pos.x", [](Arrow& a) { a.to.pos.x += 1.5f; }},
          {"to.pos.y", [](Arrow& a) { a.to.pos.y += 1.5f; }},
          {"curved", [](Arrow& a) { a.curved = !a.curved; }},
          {"heads (both)", [](Arrow& a) { a.heads = ArrowHeads::Both; }},
          {"heads (none)", [](Arrow& a) { a.heads = ArrowHeads::None; }},
          {"heads (end)", [](Arrow& a) { a.heads = ArrowHeads::End; }},
          {"label", [](Arrow& a) { a.label += "!"; }},
          {"color", [](Arrow& a) { a.color = 0x00ff00; }}};
}
std::vector<Field<Frame>> FrameFields() {
  return {{"id", [](Frame& f) { f.id = FrameId(50); }},
          {"rect.x0", [](Frame& f) { f.rect.x0 -= 1.5f; }},
          {"rect.y0", [](Frame& f) { f.rect.y0 -= 1.5f; }},
          {"rect.x1", [](Frame& f) { f.rect.x1 += 1.5f; }},
          {"rect.y1", [](Frame& f) { f.rect.y1 += 1.5f; }},
          {"title", [](Frame& f) { f.title += "!"; }},
          {"color", [](Frame& f) { f.color = 0x00ff00; }}};
}
std::vector<Field<TextLabel>> LabelFields() {
  return {{"id", [](TextLabel& l) { l.id = LabelId(50); }},
          {"pos.x", [](TextLabel& l) { l.pos.x += 1.5f; }},
          {"pos.y", [](TextLabel& l) { l.pos.y += 1.5f; }},
          {"text", [](TextLabel& l) { l.text += "!"; }},
          {"size", [](TextLabel& l) { l.size = 20.5f; }},
          {"color", [](TextLabel& l) { l.color = 0x00ff00; }}};
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

template <>
struct Slot<Stroke> {
  template <class B>
  static auto& In(B& b) { return b.strokes[0]; }
  template <class D>
  static auto& Of(D& d) { return d.strokes; }
};
template <>
struct Slot<Arrow> {
  template <class B>
  static auto& In(B& b) { return b.arrows[0]; }
  template <class D>
  static auto& Of(D& d) { return d.arrows; }
};
template <>
struct Slot<Frame> {
  template <class B>
  static auto& In(B& b) { return b.frames[0]; }
  template <class D>
  static auto& Of(D& d) { return d.frames; }
};
template <>
struct Slot<TextLabel> {
  template <class B>
  static auto& In(B& b) { return b.labels[0]; }
  template <class D>
  static auto& Of(D& d) { return d.labels; }
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

    // The diff: applying the update (as it came out of the journal) makes the changed board, and
    // reverting it gives back the full one. (An id change is a different record to a diff.)
    if (field.name != "id") {
      BoardDiff update;
      Slot<T>::Of(update).updated.push_back({base, variant});
      Board board = full;
      ApplyDiff(board, ThroughJournal(update));
      CHECK(board == changed);
      RevertDiff(board, ThroughJournal(update));
      CHECK(board == full);
    }
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
  diff.notes.added = {{full.notes[0], 0}, {full.notes[1], 1}};
  diff.curves.added = {{full.curves[0], 0}};
  diff.personas.added = {{full.personas[0], 0}, {full.personas[1], 1}};
  diff.strokes.added = {{full.strokes[0], 0}};
  diff.arrows.added = {{full.arrows[0], 0}};
  diff.frames.added = {{full.frames[0], 0}};
  diff.labels.added = {{full.labels[0], 0}};
  diff.meta = Updated<BoardMeta>{BoardMeta{}, full.meta};
  Board replayed;
  replayed.nextId = 99;
  ApplyDiff(replayed, ThroughJournal(diff));
  CHECK(replayed == full);
  CHECK(SameMeta(replayed.meta, full.meta));
  RevertDiff(replayed, ThroughJournal(diff));
  Board empty;
  empty.nextId = 99;
  CHECK(replayed == empty);
}

TEST_CASE("Every field of a stage survives the file, repair and the journal") { CheckEveryField(StageFields()); }
TEST_CASE("Every field of a lane survives the file, repair and the journal") { CheckEveryField(LaneFields()); }
TEST_CASE("Every field of a note survives the file, repair and the journal") { CheckEveryField(NoteFields()); }
TEST_CASE("Every field of a curve and its points survives the file, repair and the journal") {
  CheckEveryField(CurveFields());
}
TEST_CASE("Every field of a persona survives the file, repair and the journal") { CheckEveryField(PersonaFields()); }

TEST_CASE("Every field of a stroke survives the file, repair, the journal and the diff") {
  CheckEveryField(StrokeFields());
}
TEST_CASE("Every field of an arrow survives the file, repair, the journal and the diff") {
  CheckEveryField(ArrowFields());
}
TEST_CASE("Every field of a frame survives the file, repair, the journal and the diff") {
  CheckEveryField(FrameFields());
}
TEST_CASE("Every field of a text label survives the file, repair, the journal and the diff") {
  CheckEveryField(LabelFields());
}

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
