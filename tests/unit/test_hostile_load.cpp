// Issue 13's hostile inputs to the loader, the clipboard and the note editor, each exactly as
// found: broken UTF-8 (repaired to U+FFFD, counted, never written back), one wrong field (repaired
// with a warning, never the whole board refused), absurd sizes (clamped to limits.h), repeated
// keys, stray data after the JSON and a board part that is not a board (refused with a sentence).
// Index:
//   [SECTION] Broken UTF-8
//   [SECTION] One wrong field
//   [SECTION] Sizes
//   [SECTION] Lenient parsing
//   [SECTION] Sketches
//   [SECTION] Paste and typing
#include "core/io/cereal_json.h"
#include <doctest/doctest.h>

#include <chrono>
#include <climits>
#include <functional>
#include <string>
#include <vector>

#include "../fuzz/check_load.h"
#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/io/file_io.h"
#include "core/layout/clipboard_text.h"
#include "core/layout/text_edit.h"
#include "core/model/limits.h"
#include "core/model/sanitize.h"
#include "core/session/recovery_keeper.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

// Loads `json` (which must load) and checks what every loaded board must pass (check_load.h).
LoadedBoard Loads(const std::string& json) {
  const LoadResult result = BoardFromJson(json, "test.cjm");
  const LoadError* error = std::get_if<LoadError>(&result);
  REQUIRE_MESSAGE(error == nullptr, (error ? error->message : ""));
  CHECK(fuzz::CheckLoad(json) == "");
  return std::get<LoadedBoard>(result);
}

// kMinimalBoard (note 5 in stage 1 × lane 2) with these sketch lists (JSON arrays).
std::string WithSketches(const std::string& strokes, const std::string& arrows = "[]",
                         const std::string& frames = "[]", const std::string& labels = "[]") {
  return Replace(kMinimalBoard, R"("someFutureField")",
                 "\"strokes\": " + strokes + ", \"arrows\": " + arrows + ", \"frames\": " + frames +
                     ", \"labels\": " + labels + ", \"someFutureField\"");
}

std::string StrokeJson(int id, const std::string& cell, const std::string& points) {
  return "{\"id\": " + std::to_string(id) + ", " + cell + ", \"points\": " + points +
         R"(, "width": 4, "color": "#112233", "highlighter": false})";
}
const std::string kInCell = R"("stage": 1, "lane": 2)";
const std::string kFree = R"("stage": 0, "lane": 0)";
const std::string kTwoPoints = R"([{"x": 1, "y": 2}, {"x": 3, "y": 4}])";

std::string WithNoteText(const std::string& escapedOrRaw) {
  return Replace(kMinimalBoard, R"("text": "Hello")", "\"text\": \"" + escapedOrRaw + "\"");
}

}  // namespace

// ---- [SECTION] Broken UTF-8 ----------------------------------------------------------------

TEST_CASE("Hostile load: invalid UTF-8 in texts is repaired to U+FFFD, counted, and never saved") {
  struct Case {
    const char* bytes;
    std::string repaired;
  };
  const std::vector<Case> cases = {
      {"a\xff\xfe" "b", "a" + kFffd + kFffd + "b"},           // bytes that start nothing
      {"\xc0\xaf", kFffd + kFffd},                            // overlong '/'
      {"x\xed\xa0\x80y", "x" + kFffd + kFffd + kFffd + "y"},  // a surrogate, UTF-8 encoded
      {"cut \xe2\x82", "cut " + kFffd + kFffd},               // a sequence cut off at the end
      {"\xf4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd},    // past U+10FFFF
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    const LoadedBoard loaded = Loads(WithNoteText(c.bytes));
    CHECK(loaded.board.notes.at(0).text == c.repaired);
    CHECK(HasWarning(loaded.warnings, "1 text held broken characters and was repaired."));
    const std::string saved = BoardToJson(loaded.board);
    CHECK(IsValidUtf8(saved));
  }
  // Every text of the board, not only notes', and each counted once.
  std::string json = Replace(kMinimalBoard, R"("title": "Hand made")", "\"title\": \"\xff\"");
  json = Replace(json, R"("name": "Only stage")", "\"name\": \"\xc0\xaf\"");
  json = Replace(json, R"("label": "meh")", "\"label\": \"\xed\xa0\x80\"");
  json = Replace(json, R"("tags": ["a"])", "\"tags\": [\"\xfe\"]");
  const LoadedBoard all = Loads(json);
  REQUIRE_FALSE(all.warnings.empty());
  CHECK(all.warnings.back() == "4 texts held broken characters and were repaired.");
  CHECK(IsValidUtf8(BoardToJson(all.board)));
  // Valid text is left alone, and says nothing.
  const LoadedBoard clean = Loads(WithNoteText("Путь 🚀 ё"));
  CHECK(clean.board.notes.at(0).text == "Путь 🚀 ё");
  CHECK(clean.warnings.empty());
}

TEST_CASE("Hostile load: an escaped lone surrogate is repaired, not a reason to refuse the file") {
  for (const char* escape : {R"(\ud800)", R"(a\udc00b)", R"(\ud800\u0041)", R"(\ud800)" R"(\ud800)"}) {
    CAPTURE(escape);
    const LoadedBoard loaded = Loads(WithNoteText(escape));
    const std::string& text = loaded.board.notes.at(0).text;
    CHECK(text.find(kFffd) != std::string::npos);
    CHECK(IsValidUtf8(text));
    CHECK(HasWarning(loaded.warnings, "1 text held broken characters and was repaired."));
  }
  // A proper pair and an escaped backslash before "ud800" are not surrogates to repair.
  CHECK(Loads(WithNoteText(R"(\ud83d\ude80)")).board.notes.at(0).text == "🚀");
  const LoadedBoard backslash = Loads(WithNoteText(R"(\\ud800)"));
  CHECK(backslash.board.notes.at(0).text == "\\ud800");
  CHECK(backslash.warnings.empty());
}

// Journal records are binary diffs applied with ApplyDiff. The Document repairs what an edit
// brings in, so the diff made by `change` goes straight to the journal, as a damaged or forged
// record would carry it; then the board is restored as after a crash (Restore repairs the
// replayed board as a load does).
static Board JournalAndRestore(const SmallBoard& s, const std::function<BoardDiff(const Board&)>& change) {
  TempDir dir;
  ScopedEnv env{"XDG_STATE_HOME", dir.Path().c_str()};
  const std::string path = dir.File("workshop.cjm");
  Document doc;
  RecoveryKeeper keeper{30};
  doc.Reset(s.board, path);
  keeper.OnChange(JournalKind::Apply, change(doc.board()), doc, 0);
  keeper.Settle();  // the copy is written on the journal's thread
  RecoveryKeeper next{30};
  REQUIRE(next.Offer(path));
  const RestoreResult restored = RecoveryKeeper::Restore(*next.offered());
  REQUIRE(std::holds_alternative<RestoredBoard>(restored));
  return std::get<RestoredBoard>(restored).board;
}

TEST_CASE("Hostile load: broken UTF-8 in a journal record is repaired on restore") {
  SmallBoard s;
  const Board board = JournalAndRestore(s, [&](const Board& b) { return SetNoteText(b, s.n1, "ok \xff\xc0\xaf"); });
  const Note* note = board.FindNote(s.n1);
  REQUIRE(note);
  CHECK(note->text == "ok " + kFffd + kFffd + kFffd);
}

// cereal reads a JSON string as a C string: a saved "\u0000" used to load back cut there, so a
// board with a NUL (only a forged journal record or a hand-edited file makes one) did not survive
// save and load (found by fuzz_journal). Control characters are removed on every way in instead.
TEST_CASE("Hostile load: control characters are removed and counted, a NUL never cuts the text") {
  const LoadedBoard loaded = Loads(WithNoteText(R"(Syst\u0002\u0000em\u0000 \u001b[1mbold\u007f\tand\nmore\r)"));
  CHECK(loaded.board.notes.at(0).text == "System [1mbold\tand\nmore");
  CHECK(HasWarning(loaded.warnings, "1 text held broken characters and was repaired."));
  // An escaped backslash before "u0000" is text.
  const LoadedBoard backslash = Loads(WithNoteText(R"(a\\u0000b)"));
  CHECK(backslash.board.notes.at(0).text == "a\\u0000b");
  CHECK(backslash.warnings.empty());
  // Tabs, newlines and every printable character stay; each text is counted once.
  std::string text = "tab\there\nnext \xF0\x9F\x9A\x80";
  CHECK_FALSE(RemoveControlChars(text));
  text = std::string("a\0b\x01\x1f\x7f", 6);
  CHECK(RemoveControlChars(text));
  CHECK(text == "ab");
  SanitizeCounts counts;
  text = std::string("\xff\0", 2);
  RepairText(text, &counts);
  CHECK(text == kFffd);
  CHECK(counts.broken == 1);
}

TEST_CASE("Hostile load: a NUL in a journal record is removed on restore, and the board saves as it loads") {
  SmallBoard s;
  const Board board =
      JournalAndRestore(s, [&](const Board& b) { return RenameLane(b, s.l1, std::string("Syst\x02\0\0em", 9)); });
  REQUIRE(board.FindLane(s.l1));
  CHECK(board.FindLane(s.l1)->name == "System");
  CHECK(fuzz::CheckBoardAsLoaded(board) == "");
}

TEST_CASE("Hostile load: RepairUtf8 keeps valid text byte for byte") {
  std::string text = "plain, Кириллица, 👍🏽, e\xcc\x81";
  CHECK_FALSE(RepairUtf8(text));
  CHECK(text == "plain, Кириллица, 👍🏽, e\xcc\x81");
  std::string broken = "\x80";
  CHECK(RepairUtf8(broken));
  CHECK(broken == kFffd);
}

// ---- [SECTION] One wrong field -------------------------------------------------------------

TEST_CASE("Hostile load: one wrong field is repaired with a warning, not the whole board refused") {
  struct Case {
    const char* from;
    const char* to;
    const char* warning;
  };
  const std::vector<Case> cases = {
      {R"("votes": 0)", R"("votes": -9223372036854775808)", "1 note had values of the wrong kind or out of range (votes)"},
      {R"("nextId": 1,)", R"("nextId": -5,)", "The board had values of the wrong kind or out of range (nextId)"},
      {R"("id": 5)", R"("id": 1e30)", "1 note had values of the wrong kind or out of range (id)"},
      {R"("id": 5)", R"("id": "20")", "1 note had values of the wrong kind or out of range (id)"},
      {R"("collapsed": false)", R"("collapsed": "yes")", "1 lane had values of the wrong kind or out of range (collapsed)"},
      {R"("tags": ["a"])", R"("tags": [1, null])", "1 note had values of the wrong kind or out of range (tags)"},
      {R"("text": "Hello")", R"("text": 12)", "1 note had values of the wrong kind or out of range (text)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.to);
    const LoadedBoard loaded = Loads(Replace(kMinimalBoard, c.from, c.to));
    CAPTURE(loaded.warnings);
    CHECK(HasWarning(loaded.warnings, c.warning));
    // The rest of the board is all there.
    CHECK(loaded.board.notes.size() == 1);
    CHECK(loaded.board.stages.at(0).name == "Only stage");
    CHECK(loaded.board.curves.at(0).points.size() == 1);
  }
  // What each became: converted where that keeps the meaning, else the default.
  auto note = [](const char* from, const char* to) {
    return Loads(Replace(kMinimalBoard, from, to)).board.notes.at(0);
  };
  CHECK(note(R"("votes": 0)", R"("votes": -9223372036854775808)").votes == 0);
  CHECK(note(R"("votes": 0)", R"("votes": 9223372036854775807)").votes == INT_MAX);
  CHECK(note(R"("id": 5)", R"("id": "20")").id.value == 20);
  CHECK(note(R"("tags": ["a"])", R"("tags": [1, null])").tags == std::vector<std::string>{"1"});
  CHECK(note(R"("text": "Hello")", R"("text": 12)").text == "12");
  CHECK(note(R"("id": 5)", R"("id": 1e30)").id.IsValid());  // a fresh id
  CHECK(Loads(Replace(kMinimalBoard, R"("collapsed": false)", R"("collapsed": "yes")")).board.lanes.at(0).collapsed);
  const LoadedBoard next = Loads(Replace(kMinimalBoard, R"("nextId": 1,)", R"("nextId": -5,)"));
  CHECK(next.board.nextId == 6);  // above every id
}

TEST_CASE("Hostile load: a number too large to read is out of range, repaired, not a broken text") {
  for (const char* huge : {"1e400", "-1e400", "1E+99999999999999999999"}) {
    CAPTURE(huge);
    const LoadedBoard loaded = Loads(Replace(kMinimalBoard, R"("width": 360)", std::string(R"("width": )") + huge));
    CHECK(loaded.board.stages.at(0).width == (huge[0] == '-' ? kMinStageWidth : kMaxStageWidth));
    CHECK(HasWarning(loaded.warnings, "far out of range"));
  }
  const std::string digits(100000, '7');
  const LoadedBoard wide = Loads(Replace(kMinimalBoard, R"("width": 360)", R"("width": )" + digits));
  CHECK(wide.board.stages.at(0).width == kMaxStageWidth);
  CHECK(HasWarning(wide.warnings, "far out of range"));
  // In an id, the number is no id: the record gets a fresh one.
  const LoadedBoard id = Loads(Replace(kMinimalBoard, R"("id": 5)", R"("id": )" + digits));
  CHECK(HasWarning(id.warnings, "out of range (id)"));
  // Tiny numbers are zero; digits inside a string are text.
  CHECK(Loads(Replace(kMinimalBoard, R"("width": 360)", R"("width": 1e-400, "w": 1e400)")).board.stages.at(0).width ==
        kMinStageWidth);
  CHECK(Loads(Replace(WithNoteText("1e400"), R"("width": 360)", R"("width": 1e400)")).board.notes.at(0).text ==
        "1e400");
}

// ---- [SECTION] Sizes -----------------------------------------------------------------------

TEST_CASE("Hostile load: stage widths and lane heights are clamped to the resize commands' range") {
  for (const char* width : {"1e308", "Infinity", "1e30", "5000"}) {
    CAPTURE(width);
    const LoadedBoard loaded = Loads(Replace(kMinimalBoard, R"("width": 360)", std::string(R"("width": )") + width));
    CHECK(loaded.board.stages.at(0).width == kMaxStageWidth);
    CHECK(HasWarning(loaded.warnings, "far out of range"));
  }
  CHECK(Loads(Replace(kMinimalBoard, R"("width": 360)", R"("width": 30)")).board.stages.at(0).width == kMinStageWidth);
  CHECK(Loads(Replace(kMinimalBoard, R"("height": 150)", R"("height": 1e308)")).board.lanes.at(0).height ==
        kMaxLaneHeight);
  CHECK(Loads(Replace(kMinimalBoard, R"("height": 150)", R"("height": 1)")).board.lanes.at(0).height ==
        kMinLaneHeight);
  // 1,000 stages of width Infinity make a board no wider than 1,000 of the widest a drag allows.
  std::string stages;
  for (int i = 0; i < 1000; ++i)
    stages += (i ? "," : "") + std::string(R"({"id": )") + std::to_string(100 + i) + R"(, "name": "", "width": Infinity})";
  const LoadedBoard many = Loads(Replace(kMinimalBoard, R"("stages": [{"id": 1, "name": "Only stage", "width": 360}])",
                                         "\"stages\": [" + stages + "]"));
  double total = 0;
  for (const Stage& stage : many.board.stages) total += stage.width;
  CHECK(total == 1000.0 * kMaxStageWidth);
}

// ---- [SECTION] Lenient parsing -------------------------------------------------------------

TEST_CASE("Hostile load: a repeated key is refused with one sentence") {
  const std::string twice = R"({"format": "journeyboard", "formatVersion": 2,
    "board": {"meta": {"title": "first"}},
    "board": {"meta": {"title": "second"}}})";
  CHECK(FromJsonError(twice, LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: it holds \"board\" twice, and Journeyboard cannot tell which copy is right.");
  CHECK(FromJsonError(Replace(kMinimalBoard, R"("nextId": 1,)", R"("nextId": 1, "notes": [],)"),
                      LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: its board holds \"notes\" twice, and Journeyboard cannot tell which copy is right.");
}

TEST_CASE("Hostile load: NUL and garbage after the JSON are refused with one sentence") {
  CHECK(FromJsonError(kMinimalBoard + std::string("\0garbage", 8), LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: it has stray data after the board, at line 20.");
  CHECK(FromJsonError(kMinimalBoard + std::string(1, '\0'), LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: it has stray data after the board, at line 20.");
  CHECK(FromJsonError(kMinimalBoard + "\n}", LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: it has stray data after the board, at line 21.");
  // Whitespace after the board is fine.
  Loads(kMinimalBoard + "\n\n  \n");
}

TEST_CASE("Hostile load: a board part with no board field at all is not a board") {
  CHECK(FromJsonError(R"({"format": "journeyboard", "formatVersion": 2, "board": {"title": "x"}})",
                      LoadErrorKind::NotABoard) ==
        "test.cjm is not a Journeyboard board: its board part holds none of a board's fields.");
  // One board field is enough to repair the rest from.
  Loads(R"({"format": "journeyboard", "formatVersion": 2, "board": {"title": "x", "notes": []}})");
}

// ---- [SECTION] Sketches -------------------------------------------------------------------

TEST_CASE("Hostile load: sketch records with NaN, infinite or absurd numbers are repaired or dropped") {
  const std::string strokes =
      "[" + StrokeJson(10, kFree, R"([{"x": NaN, "y": 1}, {"x": Infinity, "y": 2}, {"x": 5e6, "y": 3}, {"x": 4, "y": -1e300}])") +
      "," + Replace(StrokeJson(11, kFree, kTwoPoints), R"("width": 4)", R"("width": NaN)") + "]";
  const std::string arrows =
      R"([{"id": 12, "from": {"note": 0, "pos": {"x": NaN, "y": 7}}, "to": {"note": 5, "pos": {"x": 1, "y": -Infinity}},
           "curved": false, "heads": "end", "label": "", "color": ""}])";
  const std::string frames =
      R"([{"id": 13, "rect": {"x0": NaN, "y0": 10, "x1": -50, "y1": 5}, "title": "F", "color": ""}])";
  const std::string labels = R"([{"id": 14, "pos": {"x": 1e30, "y": 2}, "text": "T", "size": Infinity, "color": ""},
                                  {"id": 15, "pos": {"x": 1, "y": 2}, "text": "U", "size": -3, "color": ""}])";
  const LoadedBoard loaded = Loads(WithSketches(strokes, arrows, frames, labels));
  CAPTURE(loaded.warnings);
  CHECK(HasWarning(loaded.warnings, "that could not be drawn (not a number, or far out of range)."));
  const Board& b = loaded.board;
  REQUIRE(b.strokes.size() == 2);
  // Points that are not numbers have no place on a line: dropped; the rest clamped.
  CHECK(b.strokes[0].points == std::vector<Vec2>{{kMaxCoordinate, 3}, {4, -kMaxCoordinate}});
  CHECK(b.strokes[1].width == kDefaultStrokeWidth);
  REQUIRE(b.arrows.size() == 1);
  CHECK(b.arrows[0].from.pos == Vec2{0, 7});
  CHECK(b.arrows[0].to.pos == Vec2{1, -kMaxCoordinate});
  CHECK(b.arrows[0].to.note == NoteId(5));
  REQUIRE(b.frames.size() == 1);
  CHECK(b.frames[0].rect.x0 == -50);  // NaN became 0, then the corners were put in order
  CHECK(b.frames[0].rect.y0 == 5);
  CHECK(b.frames[0].rect.x1 == 0);
  CHECK(b.frames[0].rect.y1 == 10);
  REQUIRE(b.labels.size() == 2);
  CHECK(b.labels[0].pos.x == kMaxCoordinate);
  CHECK(b.labels[0].size == kMaxLabelSize);
  CHECK(b.labels[1].size == kMinLabelSize);

  // A stroke with no point left that can be drawn is left out, with a sentence.
  const LoadedBoard empty = Loads(WithSketches("[" + StrokeJson(10, kFree, R"([{"x": NaN, "y": NaN}])") + "]"));
  CHECK(empty.board.strokes.empty());
  CHECK(HasWarning(empty.warnings, "1 stroke had no point that could be drawn and was left out."));
}

TEST_CASE("Hostile load: a stroke with an absurd point count is refused with one sentence, the rest kept") {
  auto pointList = [](size_t count) {
    std::string list = "[";
    for (size_t i = 0; i < count; ++i) list += (i ? "," : "") + std::string(R"({"x": 1, "y": 2})");
    return list + "]";
  };
  const std::string points = pointList(kMaxStrokePoints + 1);
  const std::string strokes = "[" + StrokeJson(10, kFree, points) + "," + StrokeJson(11, kInCell, kTwoPoints) + "]";
  const LoadedBoard loaded = Loads(WithSketches(strokes));
  CAPTURE(loaded.warnings);
  CHECK(HasWarning(loaded.warnings, "1 stroke had more than 10,000 points and was left out."));
  REQUIRE(loaded.board.strokes.size() == 1);
  CHECK(loaded.board.strokes[0].id == StrokeId(11));
  CHECK(loaded.board.notes.size() == 1);
  // Exactly the limit is a stroke like any other.
  const LoadedBoard limit = Loads(WithSketches("[" + StrokeJson(10, kFree, pointList(kMaxStrokePoints)) + "]"));
  REQUIRE(limit.board.strokes.size() == 1);
  CHECK(limit.board.strokes[0].points.size() == kMaxStrokePoints);
  CHECK(limit.warnings.empty());
}

TEST_CASE("Hostile load: arrows bound to missing notes become free ends at their stored position") {
  const std::string arrows =
      R"([{"id": 12, "from": {"note": 5, "pos": {"x": 1, "y": 2}}, "to": {"note": 77, "pos": {"x": 300, "y": 40}},
           "curved": true, "heads": "both", "label": "fixes", "color": ""},
          {"id": 13, "from": {"note": 78, "pos": {"x": 0, "y": 0}}, "to": {"note": 79, "pos": {"x": 5, "y": 6}},
           "curved": false, "heads": "end", "label": "", "color": ""}])";
  const LoadedBoard loaded = Loads(WithSketches("[]", arrows));
  CAPTURE(loaded.warnings);
  CHECK(HasWarning(loaded.warnings, "3 arrow ends pointed at a missing note and now stay at their last positions."));
  const Board& b = loaded.board;
  REQUIRE(b.arrows.size() == 2);
  CHECK(b.arrows[0].from.note == NoteId(5));  // an existing note stays bound
  CHECK_FALSE(b.arrows[0].to.note);
  CHECK(b.arrows[0].to.pos == Vec2{300, 40});
  CHECK(b.arrows[0].label == "fixes");
  CHECK_FALSE(b.arrows[1].from.note);
  CHECK(b.arrows[1].to.pos == Vec2{5, 6});
  const LoadedBoard one = Loads(WithSketches("[]", Replace(arrows, R"("note": 78)", R"("note": 5)")));
  CHECK(HasWarning(one.warnings, "2 arrow ends pointed at a missing note and now stay at their last positions."));
}

TEST_CASE("Hostile load: strokes bound to a missing stage or lane become free, with one sentence") {
  const std::string strokes = "[" + StrokeJson(10, R"("stage": 1, "lane": 66)", kTwoPoints) + "," +
                              StrokeJson(11, R"("stage": 66, "lane": 2)", kTwoPoints) + "," +
                              StrokeJson(12, kInCell, kTwoPoints) + "," +
                              StrokeJson(13, R"("stage": 1, "lane": 0)", kTwoPoints) + "]";
  const LoadedBoard loaded = Loads(WithSketches(strokes));
  CAPTURE(loaded.warnings);
  CHECK(HasWarning(loaded.warnings, "2 strokes belonged to a missing stage or lane and are now free on the canvas."));
  REQUIRE(loaded.board.strokes.size() == 4);
  CHECK(loaded.board.strokes[0].IsFree());
  CHECK_FALSE(loaded.board.strokes[0].stage);
  CHECK(loaded.board.strokes[0].points[1] == Vec2{3, 4});  // kept where its offsets put it
  CHECK(loaded.board.strokes[1].IsFree());
  CHECK(loaded.board.strokes[2].stage == StageId(1));
  CHECK_FALSE(loaded.board.strokes[3].stage);  // half-set: a free stroke already, made tidy quietly
}

TEST_CASE("Hostile load: repeated sketch ids get new ones, wrong kinds are converted, and texts repaired") {
  const std::string strokes = "[" + StrokeJson(5, kFree, kTwoPoints) + "," + StrokeJson(10, kFree, kTwoPoints) +
                              "," + StrokeJson(10, kFree, kTwoPoints) + "]";
  const std::string labels =
      "[{\"id\": 10, \"pos\": {\"x\": 1, \"y\": 2}, \"text\": \"a\xff\", \"size\": \"64\", \"color\": \"\"}]";
  const std::string frames = R"([{"id": 0, "rect": {"x0": 0, "y0": 0, "x1": 1, "y1": 1}, "title": 12, "color": 7}])";
  const std::string arrows =
      R"([{"id": 20, "from": {"note": 5}, "to": {"note": 0, "pos": {"x": 1, "y": 1}}, "curved": "yes", "heads": 3,
           "label": "x", "color": ""}])";
  const LoadedBoard loaded = Loads(WithSketches(strokes, arrows, frames, labels));
  CAPTURE(loaded.warnings);
  CHECK(HasWarning(loaded.warnings, "2 strokes had a missing or repeated id and were given a new one."));
  CHECK(HasWarning(loaded.warnings, "1 text label had a missing or repeated id and was given a new one."));
  CHECK(HasWarning(loaded.warnings, "1 frame had a missing or repeated id and was given a new one."));
  CHECK(HasWarning(loaded.warnings, "1 arrow was missing some details (from.pos) and got default values."));
  CHECK(HasWarning(loaded.warnings, "1 arrow had values of the wrong kind or out of range (curved, heads)"));
  CHECK(HasWarning(loaded.warnings, "1 frame had values of the wrong kind or out of range (title, color)"));
  CHECK(HasWarning(loaded.warnings, "1 text held broken characters and was repaired."));
  const Board& b = loaded.board;
  REQUIRE(b.strokes.size() == 3);
  CHECK(b.strokes[0].id != StrokeId(5));  // note 5 had it first
  CHECK(b.strokes[1].id == StrokeId(10));  // the first holder keeps it
  CHECK(b.strokes[2].id != StrokeId(10));
  CHECK(b.labels[0].id != LabelId(10));
  CHECK(b.labels[0].size == 64);
  CHECK(b.labels[0].text == "a\xEF\xBF\xBD");
  CHECK(b.frames[0].title == "12");
  CHECK(b.frames[0].id.IsValid());
  CHECK(b.arrows[0].curved);
  CHECK(b.arrows[0].heads == ArrowHeads::End);  // "3" names no heads: the default
  CHECK(b.arrows[0].from.note == NoteId(5));
  // Items of a sketch list that are not records are left out, each list on its own.
  const LoadedBoard junk = Loads(WithSketches("[1, " + StrokeJson(10, kFree, R"([{"x": 1, "y": 2}, "p"])") + "]",
                                              "[null]", "[\"f\"]", "[[]]"));
  CAPTURE(junk.warnings);
  CHECK(HasWarning(junk.warnings, "1 stroke could not be read and was left out."));
  CHECK(HasWarning(junk.warnings, "1 stroke point could not be read and was left out."));
  CHECK(HasWarning(junk.warnings, "1 arrow could not be read and was left out."));
  CHECK(HasWarning(junk.warnings, "1 frame could not be read and was left out."));
  CHECK(HasWarning(junk.warnings, "1 text label could not be read and was left out."));
  REQUIRE(junk.board.strokes.size() == 1);
  CHECK(junk.board.strokes[0].points.size() == 1);
}

TEST_CASE("Hostile load: more sketch records than the limits is refused with one sentence") {
  std::string labels = "[";
  for (size_t i = 0; i <= kMaxLabels; ++i) labels += i ? ",{}" : "{}";
  labels += "]";
  const LoadResult result = BoardFromJson(WithSketches("[]", "[]", "[]", labels), "many.cjm");
  const LoadError* error = std::get_if<LoadError>(&result);
  REQUIRE(error);
  CHECK(error->message.find("10,001 text labels, and Journeyboard opens boards of up to 10,000") != std::string::npos);
  CHECK(error->message.back() == '.');
  CHECK(fuzz::CheckLoadResult(result) == "");
}

// ---- [SECTION] Paste and typing ------------------------------------------------------------

TEST_CASE("Hostile paste: one 5 MB line becomes one note cut to the text limit, and says so") {
  const std::string line(5 << 20, 'x');
  ClipboardReport report;
  const std::vector<std::string> notes = ParseClipboardNotes(line, kMaxPastedNotes, &report);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].size() == kMaxTextChars);
  CHECK(report.cut == 1);
  CHECK(ClipboardMessage(report, notes.size()) == "Pasted text was cut to a note's limit of 20,000 characters.");
  // Multi-byte text is cut by characters, never inside one.
  std::string ya;
  for (int i = 0; i < 30000; ++i) ya += "я";
  const std::vector<std::string> cut = ParseClipboardNotes(ya);
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].size() == 2 * kMaxTextChars);
}

TEST_CASE("Hostile paste: 90,000 lines make 200 notes, and the message says how many were left out") {
  std::string text;
  for (int i = 0; i < 90000; ++i) text += "line " + std::to_string(i) + "\n";
  ClipboardReport report;
  const std::vector<std::string> notes = ParseClipboardNotes(text, kMaxPastedNotes, &report);
  CHECK(notes.size() == kMaxPastedNotes);
  CHECK(notes.back() == "line 199");
  CHECK(report.found == 90000);
  CHECK(ClipboardMessage(report, notes.size()) == "Pasted 200 of 90,000 lines: one paste makes at most 200 notes.");
  // Within the cap nothing is said.
  ClipboardReport small;
  CHECK(ParseClipboardNotes("a\nb\n", kMaxPastedNotes, &small).size() == 2);
  CHECK(ClipboardMessage(small, 2).empty());
}

TEST_CASE("Hostile paste: broken UTF-8 on the clipboard becomes U+FFFD") {
  const std::vector<std::string> notes = ParseClipboardNotes("ok\n\xff\xfe\n\xc0\xaf\tx\xed\xa0\x80");
  REQUIRE(notes.size() == 4);
  for (const std::string& note : notes) CHECK(IsValidUtf8(note));
  CHECK(notes[1] == kFffd + kFffd);
}

TEST_CASE("Hostile typing: the note editor keeps to the text limit and to valid UTF-8") {
  TextEdit edit;
  CHECK_FALSE(edit.Insert(std::string(5 << 20, 'x')));  // a 5 MB paste into a note being edited
  CHECK(edit.text().size() == kMaxTextChars);
  CHECK(edit.caret() == kMaxTextChars);
  edit.Type(U'y');  // full: the keystroke is ignored
  CHECK(edit.text().size() == kMaxTextChars);
  edit.Backspace();
  edit.Type(U'я');  // room for one more character, however many bytes it takes
  CHECK(CountCodepoints(edit.text()) == kMaxTextChars);
  CHECK(edit.text().substr(edit.text().size() - 2) == "я");

  TextEdit broken;
  CHECK(broken.Insert("a\xff\xc0\xaf"));
  CHECK(broken.text() == "a" + kFffd + kFffd + kFffd);
  broken.Type(char32_t(0xD800));  // a surrogate from a key event is no character
  CHECK(IsValidUtf8(broken.text()));
  // Replacing a selection frees its room.
  TextEdit full(std::string(kMaxTextChars, 'x'));
  full.SelectAll();
  CHECK(full.Insert("short"));
  CHECK(full.text() == "short");
}
