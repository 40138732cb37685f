#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "core/file_io.h"
#include "core/templates.h"
#include "test_support.h"

using namespace jb;
using jb::test::ReadFile;
using jb::test::TempDir;
using jb::test::WriteFile;
namespace fs = std::filesystem;

namespace {

// Every field of every record set to something other than its default, with the text a
// workshop produces: Cyrillic, emoji, line breaks, quotes, backslashes, tabs.
Board FullBoard() {
  Board board;
  board.meta = {"Путь клиента 🚀 \"v2\"", "2026-03-01T09:30:00Z", "2026-03-02T17:45:12Z"};
  const StageId s1(board.NewId()), s2(board.NewId());
  board.stages = {{s1, "Поиск", 420.5f}, {s2, "Post-purchase\n(after)", 280}};
  Lane goals{LaneId(board.NewId()), "Цель", LaneKind::Goals, 175.25f, 0x12ab9f, true};
  Lane emotions{LaneId(board.NewId()), "Эмоции 😊", LaneKind::Emotions, 210, 0, false};
  Lane metrics{LaneId(board.NewId()), "KPIs", LaneKind::Metrics, 90, 0xffffff, false};
  board.lanes = {goals, emotions, metrics};

  Note cell;
  cell.id = NoteId(board.NewId());
  cell.stage = s2;
  cell.lane = goals.id;
  cell.size = NoteSize::Large;
  cell.text = "Line one\nLine \"two\" with a \\ backslash\tand tab — «ёлки» 👍🏽";
  cell.color = 0xff0000;
  cell.votes = 4;
  cell.tags = {"срочно", "trial", "with space", ""};
  cell.owner = "Анна К.";
  cell.due = "2026-12-15";
  Note freeNote;
  freeNote.id = NoteId(board.NewId());
  freeNote.pos = {-123.75f, 4567.125f};
  freeNote.size = NoteSize::Small;
  freeNote.text = "Parking lot: {not} [json] ,:";
  board.notes = {cell, freeNote};

  Persona persona;
  persona.id = PersonaId(board.NewId());
  persona.name = "Мария, 34";
  persona.description = "34, marketing\nmanager";
  persona.goals = "Goals";
  persona.needs = "Needs";
  persona.pains = "Pains";
  persona.objections = "Objections";
  persona.channels = "Instagram, Telegram";
  persona.quote = "«Я не против платить»";
  board.personas = {persona};

  EmotionCurve curve;
  curve.id = CurveId(board.NewId());
  curve.persona = persona.id;
  curve.name = "Maria — to-be";
  curve.color = 0x00ff7f;
  curve.toBe = true;
  curve.points = {{s1, 0.1f, -0.85f, "Card demanded"}, {s2, 0.9f, 0.7f, "Ура!"}, {s2, 0.3f, 0, ""}};
  board.curves = {curve};
  board.nextId += 10;  // a board may have handed out ids since deleted
  return board;
}

// A small, valid version 1 file written by hand, keys deliberately in a different order
// from what the writer produces.
const std::string kMinimalBoard = R"({
  "board": {
    "notes": [
      {"text": "Hello", "id": 5, "stage": 1, "lane": 2, "pos": {"y": 0, "x": 0}, "size": "M",
       "color": "", "votes": 0, "tags": ["a"], "owner": "", "due": ""}
    ],
    "nextId": 1,
    "meta": {"title": "Hand made", "created": "", "modified": ""},
    "stages": [{"id": 1, "name": "Only stage", "width": 360}],
    "lanes": [{"id": 2, "name": "Notes", "kind": "custom", "height": 150, "color": "", "collapsed": false}],
    "curves": [{"id": 3, "persona": 4, "name": "As-is", "color": "#3B6FD8", "toBe": false,
                "points": [{"stage": 1, "t": 0.5, "value": -0.25, "label": "meh"}]}],
    "personas": [{"id": 4, "name": "P", "description": "", "goals": "", "needs": "", "pains": "",
                  "objections": "", "channels": "", "quote": ""}],
    "someFutureField": {"ignored": [1, 2, 3]}
  },
  "app": "0.0.9",
  "formatVersion": 1,
  "format": "journeyboard"
})";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
  return text.replace(at, from.size(), to);
}

const Board* AsBoard(const LoadResult& result) {
  return std::get_if<Board>(&result);
}
const Board* AsBoard(LoadResult&&) = delete;  // the pointer would dangle

// Loading must fail with this kind; returns the message. Messages are plain sentences that name
// the file and never leak parser jargon.
std::string ExpectError(const LoadResult& result, LoadErrorKind kind, const std::string& name = "test.cjm") {
  const LoadError* error = std::get_if<LoadError>(&result);
  REQUIRE_MESSAGE(error != nullptr, "expected a load error");
  CHECK(static_cast<int>(error->kind) == static_cast<int>(kind));
  const std::string& message = error->message;
  CAPTURE(message);
  CHECK(message.find(name) != std::string::npos);
  CHECK(message.back() == '.');
  for (const char* jargon : {"rapidjson", "RapidJSON", "NVP", "assert", "IsObject", "cereal", "exception"})
    CHECK(message.find(jargon) == std::string::npos);
  return message;
}

std::string FromJsonError(const std::string& json, LoadErrorKind kind) {
  return ExpectError(BoardFromJson(json, "test.cjm"), kind);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> FolderEntries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("Save and load round trip every field") {
  const Board board = FullBoard();
  const LoadResult loaded = BoardFromJson(BoardToJson(board), "full.cjm");
  const Board* back = AsBoard(loaded);
  REQUIRE(back != nullptr);
  CHECK(*back == board);
  // Spot checks, so a broken operator== cannot hide a loss.
  CHECK(back->notes[0].text == board.notes[0].text);
  CHECK(back->notes[0].tags == board.notes[0].tags);
  CHECK(back->lanes[0].color == 0x12ab9f);
  CHECK(back->lanes[0].collapsed);
  CHECK(back->lanes[2].kind == LaneKind::Metrics);
  CHECK(back->curves[0].toBe);
  CHECK(back->curves[0].points[0].value == -0.85f);
  CHECK(back->notes[1].pos == Vec2{-123.75f, 4567.125f});
  CHECK(back->nextId == board.nextId);
}

TEST_CASE("Save and load round trip every template through a file") {
  TempDir dir;
  for (const TemplateInfo& info : Templates()) {
    CAPTURE(info.key);
    const Board board = MakeBoard(info.id);
    const std::string path = dir.File(std::string(info.key) + ".cjm");
    SaveError error;
    REQUIRE(SaveBoard(board, path, &error));
    const LoadResult loaded = LoadBoard(path);
    REQUIRE(AsBoard(loaded) != nullptr);
    CHECK(*AsBoard(loaded) == board);
  }
}

TEST_CASE("Floats survive exactly and are written short") {
  Board board = FullBoard();
  board.stages[0].width = 360.25f;
  board.curves[0].points[0].t = 1.0f / 3.0f;
  board.notes[1].pos = {0.1f, -1.0e-7f};
  const std::string json = BoardToJson(board);
  CHECK(Contains(json, "\"x\": 0.1,"));
  CHECK(Contains(json, "\"width\": 360.25\n"));
  CHECK(Contains(json, "\"t\": 0.33333334,"));
  const LoadResult loaded = BoardFromJson(json, "f.cjm");
  const Board* back = AsBoard(loaded);
  REQUIRE(back);
  CHECK(back->notes[1].pos.x == 0.1f);
  CHECK(back->stages[0].width == 360.25f);
  CHECK(back->curves[0].points[0].t == 1.0f / 3.0f);
  CHECK(back->notes[1].pos.y == -1.0e-7f);
}

TEST_CASE("BoardToJson is deterministic and has the envelope") {
  const Board board = MakeBoard(Template::Sample);
  const std::string json = BoardToJson(board);
  CHECK(json == BoardToJson(board));
  const LoadResult loaded = BoardFromJson(json, "s.cjm");
  const Board* back = AsBoard(loaded);
  REQUIRE(back);
  CHECK(BoardToJson(*back) == json);  // load + save changes nothing

  CHECK(std::string(kAppVersion) == "0.1.0");
  const size_t format = json.find("\"format\": \"journeyboard\"");
  const size_t version = json.find("\"formatVersion\": 1,");
  const size_t app = json.find("\"app\": \"0.1.0\"");
  const size_t boardAt = json.find("\"board\": {");
  CHECK(json.front() == '{');
  CHECK(json.back() == '\n');
  REQUIRE(format != std::string::npos);
  REQUIRE(version != std::string::npos);
  REQUIRE(app != std::string::npos);
  REQUIRE(boardAt != std::string::npos);
  CHECK(format < version);
  CHECK(version < app);
  CHECK(app < boardAt);
}

TEST_CASE("The file spells kinds, sizes and colours as names") {
  const std::string json = BoardToJson(FullBoard());
  CHECK(Contains(json, "\"kind\": \"goals\""));
  CHECK(Contains(json, "\"kind\": \"metrics\""));
  CHECK(Contains(json, "\"size\": \"L\""));
  CHECK(Contains(json, "\"size\": \"S\""));
  CHECK(Contains(json, "\"color\": \"#12ab9f\""));
  CHECK(Contains(json, "\"color\": \"\""));  // 0: follow the lane kind
  CHECK(Contains(json, "\"stage\": 0,"));    // a free note: ids as plain numbers, 0 = none
  CHECK(Contains(json, "Путь клиента 🚀"));   // UTF-8 as is, not \u escapes
}

TEST_CASE("A hand-written file loads whatever the key order, ignoring unknown fields") {
  const LoadResult loaded = BoardFromJson(kMinimalBoard, "hand.cjm");
  const Board* board = AsBoard(loaded);
  REQUIRE(board != nullptr);
  CHECK(board->meta.title == "Hand made");
  REQUIRE(board->notes.size() == 1);
  CHECK(board->notes[0].text == "Hello");
  CHECK(board->notes[0].tags == std::vector<std::string>{"a"});
  CHECK(board->curves[0].color == 0x3b6fd8);  // upper-case hex accepted
  CHECK(board->curves[0].persona == PersonaId(4));
  CHECK(board->nextId == 6);  // raised above every id seen
}

TEST_CASE("Loading repairs ids, references and numbers") {
  std::string json = kMinimalBoard;
  json = Replace(json, R"("width": 360)", R"("width": NaN)");
  json = Replace(json, R"("value": -0.25)", R"("value": -7.5)");
  json = Replace(json, R"("t": 0.5)", R"("t": 1e300)");
  json = Replace(json, R"("votes": 0)", R"("votes": -3)");
  json = Replace(json, R"("color": "#3B6FD8")", R"("color": "teal")");
  json = Replace(json, R"("persona": 4)", R"("persona": 77)");
  json = Replace(json, R"("lane": 2,)", R"("lane": 99,)");                       // the note's lane is gone
  json = Replace(json, R"({"id": 4, "name": "P")", R"({"id": 1, "name": "P")");  // id shared with the stage
  const LoadResult loaded = BoardFromJson(json, "fix.cjm");
  const Board* board = AsBoard(loaded);
  REQUIRE(board != nullptr);
  CHECK(board->stages[0].width == 360);  // NaN keeps the default
  CHECK(board->curves[0].points[0].value == -1);
  CHECK(board->curves[0].points[0].t == 1);
  CHECK(board->notes[0].votes == 0);
  CHECK(board->curves[0].color == 0);
  CHECK_FALSE(board->curves[0].persona.IsValid());
  CHECK(board->notes[0].IsFree());
  CHECK_FALSE(board->notes[0].stage.IsValid());
  CHECK(board->personas[0].id.value != board->stages[0].id.value);
  CHECK(board->personas[0].id.value < board->nextId);
  CHECK(board->nextId > 99);
}

TEST_CASE("RepairBoard gives fresh ids to missing and repeated ones") {
  Board board = FullBoard();
  board.notes[1].id = board.notes[0].id;
  board.curves[0].id = CurveId();
  board.nextId = 1;
  RepairBoard(board);
  CHECK(board.notes[0].id != board.notes[1].id);
  CHECK(board.curves[0].id.IsValid());
  CHECK(board.nextId > board.curves[0].id.value);
  CHECK(board.nextId > board.notes[1].id.value);
}

TEST_CASE("Save is atomic: it overwrites and leaves no temp files") {
  TempDir dir;
  const std::string path = dir.File("board.cjm");
  SaveError error;
  Board first = MakeBoard(Template::Classic);
  REQUIRE(SaveBoard(first, path, &error));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"board.cjm"});
  CHECK(ReadFile(path) == BoardToJson(first));

  Board second = MakeBoard(Template::Sample);
  REQUIRE(SaveBoard(second, path, nullptr));
  CHECK(FolderEntries(dir.Path()) == std::vector<std::string>{"board.cjm"});
  const LoadResult loaded = LoadBoard(path);
  REQUIRE(AsBoard(loaded));
  CHECK(*AsBoard(loaded) == second);
}

TEST_CASE("Save keeps the file's permissions") {
  TempDir dir;
  const std::string path = dir.File("shared.cjm");
  REQUIRE(SaveBoard(MakeBoard(Template::Blank), path, nullptr));
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  REQUIRE(SaveBoard(MakeBoard(Template::Classic), path, nullptr));
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("A failed save leaves the previous file byte-identical") {
  TempDir dir;
  const std::string path = dir.File("keep.cjm");
  REQUIRE(SaveBoard(MakeBoard(Template::Classic), path, nullptr));
  const std::string before = ReadFile(path);
  // Block the temp file's name with a non-empty folder (chmod would not stop root).
  const fs::path blocker = dir.Path() / (".keep.cjm.tmp-" + std::to_string(::getpid()));
  fs::create_directories(blocker / "inside");
  SaveError error;
  CHECK_FALSE(SaveBoard(MakeBoard(Template::Sample), path, &error));
  CHECK(error.message.rfind("Cannot save " + path + ": ", 0) == 0);
  CHECK(error.message.back() == '.');
  CHECK(ReadFile(path) == before);
}

TEST_CASE("Saving into a missing folder or over a folder fails with a message") {
  TempDir dir;
  const std::string path = dir.File("no/such/folder/board.cjm");
  SaveError error;
  CHECK_FALSE(SaveBoard(MakeBoard(Template::Blank), path, &error));
  CAPTURE(error.message);
  CHECK(error.message.rfind("Cannot save " + path + ": ", 0) == 0);
  CHECK(Contains(error.message, "does not exist"));
  CHECK_FALSE(SaveBoard(MakeBoard(Template::Blank), path, nullptr));  // no error slot: still no crash
  CHECK(FolderEntries(dir.Path()).empty());

  fs::create_directories(dir.Path() / "taken.cjm");
  CHECK_FALSE(SaveBoard(MakeBoard(Template::Blank), dir.File("taken.cjm"), &error));
  CHECK(fs::is_directory(dir.Path() / "taken.cjm"));
}

TEST_CASE("Load errors: files that cannot be read") {
  TempDir dir;
  SUBCASE("missing file") {
    const std::string path = dir.File("missing.cjm");
    const std::string message = ExpectError(LoadBoard(path), LoadErrorKind::Io, path);
    CHECK(message == "Cannot open " + path + ": No such file or directory.");
  }
  SUBCASE("a folder") {
    ExpectError(LoadBoard(dir.Path().string()), LoadErrorKind::Io, dir.Path().string());
  }
  SUBCASE("a pipe does not hang the loader") {
    const std::string path = dir.File("pipe.cjm");
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    ExpectError(LoadBoard(path), LoadErrorKind::Io, path);
  }
  SUBCASE("empty file") {
    const std::string path = dir.File("empty.cjm");
    WriteFile(path, "");
    CHECK(ExpectError(LoadBoard(path), LoadErrorKind::NotABoard, path) == path + " is empty.");
    WriteFile(path, " \n\t\r\n");
    ExpectError(LoadBoard(path), LoadErrorKind::NotABoard, path);
  }
  SUBCASE("a file over the size cap is refused before it is read") {
    const std::string path = dir.File("huge.cjm");
    WriteFile(path, "{");
    fs::resize_file(path, (uintmax_t(256) << 20) + 1);  // sparse: costs no disk
    const std::string message = ExpectError(LoadBoard(path), LoadErrorKind::NotABoard, path);
    CHECK(Contains(message, "too large"));
  }
  SUBCASE("a good file") {
    const std::string path = dir.File("good.cjm");
    WriteFile(path, kMinimalBoard);
    CHECK(std::holds_alternative<Board>(LoadBoard(path)));
  }
}

TEST_CASE("Load errors: not JSON, or JSON that is not a board") {
  for (const char* json : {"hello", "{", "[1,2]", "{\"a\":1}", "42", "null", "\"journeyboard\"", "{\"format\": 1}",
                           "{\"format\": \"other\", \"formatVersion\": 1, \"board\": {}}",
                           "{\"formatVersion\": 1, \"board\": {}}", "\xff\xfe{\x00}"}) {
    CAPTURE(json);
    const std::string message = FromJsonError(json, LoadErrorKind::NotABoard);
    CHECK(message == "test.cjm is not a Journeyboard file.");
  }
}

TEST_CASE("Load errors: a truncated board is reported as damaged") {
  const std::string json = BoardToJson(MakeBoard(Template::Sample));
  for (size_t cut : {json.size() / 2, json.size() - 3, size_t(300)}) {
    CAPTURE(cut);
    const std::string message = FromJsonError(json.substr(0, cut), LoadErrorKind::InvalidData);
    CHECK(Contains(message, "damaged"));
  }
  const std::string twoLines = "{\"format\": \"journeyboard\",\n \"formatVersion\": 1, \"board\": {";
  CHECK(FromJsonError(twoLines, LoadErrorKind::InvalidData) ==
        "test.cjm is damaged: its text is cut off or broken at line 2.");
}

TEST_CASE("Load errors: versions") {
  SUBCASE("newer format") {
    const std::string message = FromJsonError(Replace(kMinimalBoard, R"("formatVersion": 1)", R"("formatVersion": 7)"),
                                              LoadErrorKind::UnsupportedVersion);
    CHECK(message == "test.cjm was written by a newer Journeyboard (format 7); this version reads format 1 and older.");
  }
  SUBCASE("not an integer") {
    for (const char* version : {R"("formatVersion": "1")", R"("formatVersion": 1.5)", R"("formatVersion": null)",
                                R"("formatVersion": [1])", R"("formatVersion": true)"}) {
      CAPTURE(version);
      FromJsonError(Replace(kMinimalBoard, R"("formatVersion": 1)", version), LoadErrorKind::InvalidData);
    }
    FromJsonError(Replace(kMinimalBoard, R"("formatVersion": 1,)", ""), LoadErrorKind::InvalidData);
  }
  SUBCASE("impossible") {
    FromJsonError(Replace(kMinimalBoard, R"("formatVersion": 1)", R"("formatVersion": 0)"), LoadErrorKind::InvalidData);
    FromJsonError(Replace(kMinimalBoard, R"("formatVersion": 1)", R"("formatVersion": -3)"),
                  LoadErrorKind::InvalidData);
  }
}

TEST_CASE("Load errors: wrong fields name the field") {
  struct Case {
    const char* from;
    const char* to;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {R"("notes": [)", R"("notes": "none", "x": [)", "a field with a wrong value (notes)"},
      {R"("notes": [)", R"("notes": {"a": 1}, "x": [)", "a field with a wrong value (notes)"},
      {R"("text": "Hello")", R"("text": 5)", "a field with a wrong value (notes[0].text)"},
      {R"("text": "Hello", )", "", "a missing field (notes[0].text)"},
      {R"("width": 360)", R"("width": "wide")", "a field with a wrong value (stages[0].width)"},
      {R"("id": 5)", R"("id": -5)", "a field with a wrong value (notes[0].id)"},
      {R"("votes": 0)", R"("votes": 10000000000)", "a field with a wrong value (notes[0].votes)"},
      {R"("tags": ["a"])", R"("tags": [1])", "a field with a wrong value (notes[0].tags)"},
      {R"("pos": {"y": 0, "x": 0})", R"("pos": [0, 0])", "a missing field (notes[0].pos.x)"},
      {R"("collapsed": false)", R"("collapsed": 0)", "a field with a wrong value (lanes[0].collapsed)"},
      {R"("value": -0.25)", R"("value": "low")", "a field with a wrong value (curves[0].points[0].value)"},
      {R"({"id": 4, "name": "P")", R"({"id": 4, "name": ["P"])", "a field with a wrong value (personas[0].name)"},
      {R"("title": "Hand made")", R"("title": null)", "a field with a wrong value (meta.title)"},
      {R"("nextId": 1,)", "", "a missing field (nextId)"},
      {R"({"text": "Hello")", R"(7, {"text": "Hello")", "a field with a wrong value (notes[0])"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.to);
    const std::string message = FromJsonError(Replace(kMinimalBoard, c.from, c.to), LoadErrorKind::InvalidData);
    CHECK(message == std::string("test.cjm is damaged: the board data has ") + c.expected + ".");
  }
  // No board object at all.
  FromJsonError(R"({"format": "journeyboard", "formatVersion": 1, "app": "0.1.0"})", LoadErrorKind::InvalidData);
  FromJsonError(R"({"format": "journeyboard", "formatVersion": 1, "board": []})", LoadErrorKind::InvalidData);
}

TEST_CASE("Load errors: deep nesting is refused without a crash") {
  FromJsonError(std::string(200000, '['), LoadErrorKind::NotABoard);
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  FromJsonError(objects, LoadErrorKind::NotABoard);
  // Nesting hidden inside a board's data.
  FromJsonError(Replace(kMinimalBoard, R"("ignored": [1, 2, 3])", R"("ignored": )" + std::string(100, '[')),
                LoadErrorKind::NotABoard);
  // Brackets inside strings are text, not nesting.
  const std::string brackets = std::string(5000, '[') + "\\\"]" + std::string(5000, '{');
  const LoadResult loaded = BoardFromJson(Replace(kMinimalBoard, R"("Hello")", "\"" + brackets + "\""), "b.cjm");
  REQUIRE(AsBoard(loaded));
  CHECK(AsBoard(loaded)->notes[0].text == std::string(5000, '[') + "\"]" + std::string(5000, '{'));
}

TEST_CASE("A byte order mark in front of a board is skipped") {
  const LoadResult loaded = BoardFromJson("\xEF\xBB\xBF" + kMinimalBoard, "bom.cjm");
  CHECK(std::holds_alternative<Board>(loaded));
}

TEST_CASE("Randomly damaged boards give a board or an error, never an exception") {
  const std::string original = BoardToJson(MakeBoard(Template::Sample));
  const std::string alphabet = "{}[]\",:0123456789.-eE \\ntrufalsn\xff\xd0";
  std::mt19937 random(7);
  std::uniform_int_distribution<size_t> position(0, original.size() - 1);
  std::uniform_int_distribution<size_t> symbol(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> edits(1, 4), operation(0, 2);
  int boards = 0, errors = 0;
  for (int trial = 0; trial < 600; ++trial) {
    std::string json = original;
    for (int e = edits(random); e > 0 && !json.empty(); --e) {
      const size_t at = std::min(position(random), json.size() - 1);
      switch (operation(random)) {
        case 0:
          json[at] = alphabet[symbol(random)];
          break;  // replace a byte
        case 1:
          json.erase(at, 1 + at % 7);
          break;  // delete a few
        default:
          json.insert(at, 1, alphabet[symbol(random)]);  // insert one
      }
    }
    CAPTURE(trial);
    LoadResult result = Board();
    CHECK_NOTHROW(result = BoardFromJson(json, "fuzz.cjm"));
    if (std::holds_alternative<Board>(result))
      ++boards;
    else
      ++errors;
  }
  CHECK(errors > 0);
  CHECK(boards + errors == 600);
}

// Frozen when format 1 was defined: a later version must still read it (after migrating), and
// while the format is 1, saving it again must give the very same bytes.
TEST_CASE("The frozen version 1 sample still loads and re-saves byte for byte") {
  const std::string path = std::string(JB_FIXTURES_DIR) + "/v1/sample.cjm";
  const LoadResult loaded = LoadBoard(path);
  const Board* board = AsBoard(loaded);
  REQUIRE_MESSAGE(board != nullptr, std::get<LoadError>(loaded).message);
  CHECK(board->meta.created == "2026-03-01T09:30:00Z");
  CHECK(board->notes.size() >= 28);
  CHECK(board->personas.size() == 1);
  CHECK(board->curves.size() == 1);
  if (kFormatVersion == 1) CHECK(BoardToJson(*board) == ReadFile(path));
}
