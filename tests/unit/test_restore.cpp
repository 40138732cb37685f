// Restoring damaged boards: missing fields get defaults, unreadable records are left out, broken
// references and numbers are repaired, and each kind of repair is told in one sentence.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "core/layout/layout.h"
#include "core/model/sanitize.h"
#include "file_io_support.h"

using namespace jb;
using namespace jb::test;

namespace {

// kMinimalBoard as version 2, so that no migration fills fields before the restore pass does.
std::string MinimalV2() {
  return Replace(
      Replace(kMinimalBoard, R"("formatVersion": 1)", R"("formatVersion": 2)"), R"("due": "")",
      R"("due": "", "channel": "", "metrics": {"conversion": null, "csi": null, "nps": null}, "severity": 0)");
}

LoadedBoard MustLoad(const std::string& json) {
  LoadResult result = BoardFromJson(json, "test.cjm");
  if (const LoadError* error = std::get_if<LoadError>(&result)) FAIL(error->message);
  return std::get<LoadedBoard>(std::move(result));
}

Rect NoteRect(const Note& note) {
  const Vec2 size = NoteSizeUnits(note.size);
  return {note.pos.x, note.pos.y, note.pos.x + size.x, note.pos.y + size.y};
}

}  // namespace

// [SECTION] Missing fields

TEST_CASE("Missing optional fields load with defaults and one warning per kind of record") {
  std::string json = MinimalV2();
  json = Replace(json, R"("size": "M",)", "");
  json = Replace(json, R"("color": "", "votes": 0, "tags": ["a"], "owner": "", "due": "", )", R"("votes": 0, )");
  json = Replace(json, R"(, "color": "", "collapsed": false)", "");
  json = Replace(json, R"(, "width": 360)", "");
  const LoadedBoard loaded = MustLoad(json);
  const Board& board = loaded.board;
  const Note& note = board.notes.at(0);
  CHECK(note.size == NoteSize::Medium);
  CHECK(note.color == 0);
  CHECK(note.tags.empty());
  CHECK(note.owner.empty());
  CHECK(note.due.empty());
  CHECK(note.text == "Hello");
  CHECK(board.lanes.at(0).color == 0);
  CHECK_FALSE(board.lanes.at(0).collapsed);
  CHECK(board.stages.at(0).width == 360);
  CAPTURE(loaded.warnings);
  CHECK(loaded.warnings ==
        std::vector<std::string>{
            "1 stage was missing some details (width) and got default values.",
            "1 lane was missing some details (color, collapsed) and got default values.",
            "1 note was missing some details (size, color, tags, owner, due) and got default values.",
        });
}

TEST_CASE("A null carries no data, so it counts as missing") {
  std::string json = Replace(MinimalV2(), R"("owner": "")", R"("owner": null)");
  json = Replace(json, R"("title": "Hand made")", R"("title": null)");
  json = Replace(json, R"("pos": {"y": 0, "x": 0})", R"("pos": null)");
  json = Replace(json, R"("nextId": 1)", R"("nextId": null)");
  const LoadedBoard loaded = MustLoad(json);
  CHECK(loaded.board.notes.at(0).owner.empty());
  CHECK(loaded.board.meta.title.empty());
  CHECK(loaded.board.nextId == 6);
  CHECK(loaded.warnings == std::vector<std::string>{
                               "The board was missing some details (meta.title, nextId) and got default values.",
                               "1 note was missing some details (pos, owner) and got default values.",
                           });
}

TEST_CASE("A board with the envelope only loads empty, with a warning") {
  const LoadedBoard loaded = MustLoad(R"({"format": "journeyboard", "formatVersion": 2, "board": {}})");
  CHECK(loaded.board == Board());
  CHECK(loaded.warnings == std::vector<std::string>{"The board was missing some details (meta, nextId, stages, "
                                                    "lanes, notes and 2 more) and got default values."});
}

TEST_CASE("Records missing everything, ids included, get defaults and fresh ids") {
  const LoadedBoard loaded = MustLoad(R"({"format": "journeyboard", "formatVersion": 2, "board": {
      "meta": {}, "nextId": 1, "stages": [{}, {}], "lanes": [{}], "notes": [{}],
      "curves": [{"points": [{}]}], "personas": [{}]}})");
  const Board& board = loaded.board;
  REQUIRE(board.stages.size() == 2);
  CHECK(board.stages[0].id != board.stages[1].id);
  CHECK(board.stages[0].width == 360);
  CHECK(board.lanes.at(0).kind == LaneKind::Custom);
  CHECK(board.notes.at(0).IsFree());
  CHECK(board.curves.at(0).color == 0x3b6fd8);
  CHECK(board.curves.at(0).points.empty());  // a point without a stage has nowhere to be
  CHECK(HasWarning(loaded.warnings, "2 stages had a missing or repeated id and were given a new one."));
  CHECK(HasWarning(loaded.warnings, "1 emotion curve point belonged to a missing stage and was removed."));
  CHECK(HasWarning(loaded.warnings, "2 stages were missing some details (id, name, width)"));
}

TEST_CASE("List items that are not records are left out, each kind with a warning") {
  std::string json = Replace(MinimalV2(), R"("notes": [)", R"("notes": [7, "note", null, [], )");
  json = Replace(json, R"("stages": [)", R"("stages": [true, )");
  json = Replace(json, R"("points": [)", R"("points": [0.5, )");
  const LoadedBoard loaded = MustLoad(json);
  CHECK(loaded.board.notes.size() == 1);
  CHECK(loaded.board.notes.at(0).text == "Hello");
  CHECK(loaded.board.stages.size() == 1);
  CHECK(loaded.board.curves.at(0).points.size() == 1);
  CHECK(loaded.warnings == std::vector<std::string>{
                               "1 stage could not be read and was left out.",
                               "4 notes could not be read and were left out.",
                               "1 emotion curve point could not be read and was left out.",
                           });
}

TEST_CASE("Structural damage is still refused, naming the place") {
  CHECK(FromJsonError(Replace(MinimalV2(), R"("notes": [)", R"("notes": {"0": 1}, "x": [)"),
                      LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: the board data has a field with a wrong value (notes).");
  CHECK(FromJsonError(Replace(MinimalV2(), R"("pos": {"y": 0, "x": 0})", R"("pos": "here")"),
                      LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: the board data has a field with a wrong value (notes[0].pos).");
  CHECK(FromJsonError(Replace(MinimalV2(), R"("metrics": {)", R"("metrics": 5, "m": {)"), LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: the board data has a field with a wrong value (notes[0].metrics).");
  FromJsonError(R"({"format": "journeyboard", "formatVersion": 2, "board": "all of it"})", LoadErrorKind::InvalidData);
}

TEST_CASE("Lane kinds this version does not know become custom lanes, with a warning") {
  const LoadedBoard loaded = MustLoad(Replace(MinimalV2(), R"("kind": "custom")", R"("kind": "hopes")"));
  CHECK(loaded.board.lanes.at(0).kind == LaneKind::Custom);
  CHECK(loaded.warnings ==
        std::vector<std::string>{"1 lane had a kind this version does not know and became a custom lane."});
}

// [SECTION] Repairs

TEST_CASE("RepairBoard leaves sound boards exactly as they are") {
  for (const TemplateInfo& info : Templates()) {
    CAPTURE(info.key);
    Board board = MakeBoard(info.id);
    const Board before = board;
    CHECK(RepairBoard(board).empty());
    CHECK(board == before);
  }
}

TEST_CASE("Notes pointing at a missing stage or lane move to a column right of the grid") {
  Board board = MakeBoard(Template::Classic);
  const StageId goneStage(board.NewId());
  const LaneId goneLane(board.NewId());
  Note parked;  // a free note already right of the grid: the column goes right of it
  parked.id = NoteId(board.NewId());
  parked.pos = {3000, 100};
  board.notes.push_back(parked);
  const size_t kept = board.notes.size();
  for (int i = 0; i < 150; ++i) {
    Note note;
    note.id = NoteId(board.NewId());
    note.stage = i % 2 ? goneStage : board.stages[0].id;
    note.lane = i % 2 ? board.lanes[0].id : goneLane;
    note.size = i % 3 == 0 ? NoteSize::Large : NoteSize::Small;
    note.text = "orphan " + std::to_string(i);
    board.notes.push_back(note);
  }
  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(warnings ==
        std::vector<std::string>{
            "150 notes pointed at a missing stage or lane and were moved to the free area right of the map."});
  REQUIRE(board.notes.size() == kept + 150);  // moved, never dropped
  const Layout layout = ComputeLayout(board);
  const float right = std::max(layout.grid.x1, parked.pos.x + NoteSizeUnits(parked.size).x);
  std::vector<Rect> rects;
  for (size_t i = kept; i < board.notes.size(); ++i) {
    const Note& note = board.notes[i];
    CHECK(note.IsFree());
    CHECK_FALSE(note.stage.IsValid());
    CHECK(note.pos.x > right);
    CHECK(note.pos.y >= 0);
    CHECK(note.pos.y < 20000);  // wrapped into several columns, not one endless one
    rects.push_back(NoteRect(note));
  }
  for (size_t a = 0; a < rects.size(); ++a)
    for (size_t b = a + 1; b < rects.size(); ++b) CHECK_FALSE(rects[a].Overlaps(rects[b]));
  // Repaired once is repaired for good.
  const Board after = board;
  CHECK(RepairBoard(board).empty());
  CHECK(board == after);
}

TEST_CASE("NaN, infinite and absurd numbers are brought back to the board") {
  Board board = MakeBoard(Template::Sample);
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  board.stages[0].width = nan;
  board.stages[1].width = inf;
  board.lanes[0].height = -5;
  Note& free = board.notes[0];
  free.stage = StageId();
  free.lane = LaneId();
  free.pos = {nan, 5e6f};
  Note& scored = board.notes[1];
  scored.votes = -2;
  scored.severity = 9;
  scored.metrics = {150.0f, nan, -1000.0f, std::nullopt};
  board.curves[0].points[0].t = nan;
  board.curves[0].points[1].value = -inf;

  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(warnings == std::vector<std::string>{
                        "Corrected 5 positions and sizes that could not be drawn (not a number, or far out of range).",
                        "Corrected 7 votes, scores and emotion values that were out of range.",
                    });
  CHECK(board.stages[0].width == 360);
  CHECK(board.stages[1].width == kMaxStageWidth);  // the resize commands' range (limits.h)
  CHECK(board.lanes[0].height == kMinLaneHeight);
  CHECK(free.pos == Vec2{0, 1e6f});
  CHECK(scored.votes == 0);
  CHECK(scored.severity == 3);
  CHECK(scored.metrics.conversion == 100.0f);
  CHECK_FALSE(scored.metrics.csi);
  CHECK(scored.metrics.nps == -100.0f);
  CHECK(board.curves[0].points[0].t == 0.5f);
  CHECK(board.curves[0].points[1].value == -1);
}

TEST_CASE("NaN and huge numbers in a file are repaired with a warning, not refused") {
  std::string json = Replace(MinimalV2(), R"("pos": {"y": 0, "x": 0})", R"("pos": {"y": -Infinity, "x": 1e300})");
  json = Replace(json, R"("conversion": null)", R"("conversion": NaN)");
  json = Replace(json, R"("lane": 2,)", R"("lane": 0,)");  // a free note, so that its position counts
  const LoadedBoard loaded = MustLoad(json);
  const Note& note = loaded.board.notes.at(0);
  CHECK(note.pos == Vec2{1e6f, -1e6f});
  CHECK_FALSE(note.metrics.conversion);
  CHECK(HasWarning(loaded.warnings, "Corrected 2 positions and sizes"));
  CHECK(HasWarning(loaded.warnings, "Corrected 1 vote, score or emotion value that was out of range."));
  // And the repaired board saves as plain JSON again.
  const LoadedBoard again = MustLoad(BoardToJson(loaded.board));
  CHECK(again.board == loaded.board);
  CHECK(again.warnings.empty());
}

TEST_CASE("ClampNoteValues leaves a note exactly as RepairBoard does, and counts the same") {
  // The edit commands clamp with ClampNoteValues alone; loading runs it inside RepairBoard.
  Board board = MakeBoard(Template::Blank);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  Note note;
  note.id = NoteId(board.NewId());
  note.pos = {nan, -5e6f};
  note.votes = -4;
  note.severity = -1;
  note.metrics = {-3.0f, 101.0f, nan, std::nullopt};
  std::string longText;
  for (int i = 0; i < 20003; ++i) longText += "ж";  // two bytes each
  note.text = longText;
  note.owner = note.due = note.channel = std::string(20001, 'o');
  note.tags = {"short", std::string(20002, 't')};
  board.notes.push_back(note);

  Note clamped = note;
  SanitizeCounts counts;
  ClampNoteValues(clamped, &counts);
  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(clamped == board.notes.back());
  CHECK(counts.geometry == 2);
  CHECK(counts.scores == 5);
  CHECK(counts.cuts == 5);
  CHECK(warnings == std::vector<std::string>{
                        "Corrected 2 positions and sizes that could not be drawn (not a number, or far out of range).",
                        "Corrected 5 votes, scores and emotion values that were out of range.",
                        "Cut 5 texts longer than 20,000 characters.",
                    });
  CHECK(clamped.pos == Vec2{0, -kMaxCoordinate});
  CHECK(clamped.text.size() == 2 * kMaxTextChars);
  CHECK(clamped.tags == std::vector<std::string>{"short", std::string(kMaxTextChars, 't')});
  // A sound note is left alone and counts nothing.
  SanitizeCounts none;
  ClampNoteValues(clamped, &none);
  CHECK(clamped == board.notes.back());
  CHECK((none.geometry == 0 && none.scores == 0 && none.cuts == 0));
}

TEST_CASE("A position between the board's limit and the reader's is clamped by the repair, with a warning") {
  // kMaxJsonNumber (what the reader clamps to) sits above kMaxCoordinate (what a board holds),
  // so a position between them reaches RepairBoard out of range and the user is told.
  static_assert(kMaxJsonNumber > double(kMaxCoordinate));
  std::string json = Replace(MinimalV2(), R"("pos": {"y": 0, "x": 0})", R"("pos": {"y": 0, "x": 5000000})");
  json = Replace(json, R"("lane": 2,)", R"("lane": 0,)");  // a free note, so that its position counts
  const LoadedBoard loaded = MustLoad(json);
  CHECK(loaded.board.notes.at(0).pos == Vec2{kMaxCoordinate, 0});
  CHECK(HasWarning(loaded.warnings, "Corrected 1 position or size"));
}

TEST_CASE("Texts over 20,000 characters are cut on a character boundary") {
  Board board = MakeBoard(Template::Blank);
  Note note;
  note.id = NoteId(board.NewId());
  note.text = "";
  for (int i = 0; i < 20005; ++i) note.text += "ж";  // two bytes each
  board.notes.push_back(note);
  board.meta.title = std::string(25000, 't');
  board.stages[0].name = std::string(20000, 's');  // exactly the limit: kept
  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(warnings == std::vector<std::string>{"Cut 2 texts longer than 20,000 characters."});
  CHECK(board.notes.back().text.size() == 40000);
  CHECK(board.notes.back().text.substr(39998) == "ж");
  CHECK(board.meta.title.size() == 20000);
  CHECK(board.stages[0].name.size() == 20000);
}

TEST_CASE("Emotion curve points of missing stages are dropped, curves of missing personas kept") {
  Board board = MakeBoard(Template::Sample);
  REQUIRE(board.curves.size() >= 1);
  EmotionCurve& curve = board.curves[0];
  const size_t points = curve.points.size();
  curve.points.push_back({StageId(board.NewId()), 0.5f, 0.2f, "gone"});
  curve.points.push_back({StageId(board.NewId()), 0.5f, 0.2f, "gone too"});
  curve.persona = PersonaId(board.NewId());
  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(warnings == std::vector<std::string>{
                        "1 emotion curve belonged to a missing persona and now belongs to none.",
                        "2 emotion curve points belonged to a missing stage and were removed.",
                    });
  CHECK(board.curves[0].points.size() == points);
  CHECK_FALSE(board.curves[0].persona.IsValid());
}

TEST_CASE("Ids near the top of the range never wrap to 0") {
  Board board = MakeBoard(Template::Blank);
  board.stages[0].id = StageId(UINT64_MAX);
  board.nextId = UINT64_MAX;
  CHECK(RepairBoard(board) ==
        std::vector<std::string>{"The board's ids were out of range, so all of them were renumbered."});
  CHECK(board.nextId < 100);
  CHECK(board.stages[0].id.value < board.nextId);
  const Board renumbered = board;
  CHECK(RepairBoard(board).empty());
  CHECK(board == renumbered);

  // Found by fuzzing: a nextId at the very top plus a repeated id made the check overflow.
  Board repeated = MakeBoard(Template::Classic);
  repeated.nextId = UINT64_MAX;
  repeated.lanes[1].id = repeated.lanes[0].id;
  CHECK(RepairBoard(repeated) ==
        std::vector<std::string>{"The board's ids were out of range, so all of them were renumbered."});
  CHECK(repeated.lanes[0].id != repeated.lanes[1].id);
  const Board once = repeated;
  CHECK(RepairBoard(repeated).empty());
  CHECK(repeated == once);
  for (int i = 0; i < 1000; ++i) CHECK(board.NewId() != 0);
}

// [SECTION] Limits

TEST_CASE("Boards over the limits are refused before a record is built") {
  auto withNotes = [](size_t count) {
    std::string notes;
    for (size_t i = 0; i < count; ++i) notes += i ? ",{}" : "{}";
    return R"({"format": "journeyboard", "formatVersion": 2, "board": {"notes": [)" + notes + "]}}";
  };
  CHECK(FromJsonError(withNotes(kMaxNotes + 1), LoadErrorKind::TooLarge) ==
        "test.cjm is too large to open: it has 200,001 notes, and Journeyboard opens boards of up to 200,000.");

  std::string stages;
  for (int i = 0; i < 1001; ++i) stages += i ? ",{}" : "{}";
  CHECK(FromJsonError(R"({"format": "journeyboard", "formatVersion": 1, "board": {"stages": [)" + stages + "]}}",
                      LoadErrorKind::TooLarge) ==
        "test.cjm is too large to open: it has 1,001 stages, and Journeyboard opens boards of up to 1,000.");

  // Nesting deeper than any board is refused with a sentence, before a recursive parser sees it.
  CHECK(FromJsonError(std::string(100, '[') + std::string(100, ']'), LoadErrorKind::NotABoard) ==
        "test.cjm is not a Journeyboard file: its data is nested more than 64 levels deep.");
}
