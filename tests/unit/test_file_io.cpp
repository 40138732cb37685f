// The .cjm file: save/load round trips, repair on load, load errors, format versions.
// Index:
//   [SECTION] Round trips and the file's spelling
//   [SECTION] Repair on load
//   [SECTION] Load errors
//   [SECTION] Format versions and migrations
//
// cereal's JSON archive first, so RapidJSON's assertions throw (as in core).
#include "core/io/cereal_json.h"
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "../fuzz/check_load.h"
#include "core/io/file_io.h"
#include "core/io/templates.h"
#include "file_io_support.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;
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
  cell.channel = "Колл-центр / call centre";
  cell.metrics.conversion = 12.5f;
  cell.metrics.nps = -40;
  cell.severity = 3;
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
  curve.points = {{s1, 0.1f, -0.85f, "Card demanded", cell.id}, {s2, 0.9f, 0.7f, "Ура!"}, {s2, 0.3f, 0, ""}};
  board.curves = {curve};
  board.nextId += 10;  // a board may have handed out ids since deleted
  return board;
}

}  // namespace

// [SECTION] Round trips and the file's spelling

TEST_CASE("Save and load round trip every field") {
  const Board board = FullBoard();
  const LoadResult loaded = BoardFromJson(BoardToJson(board), "full.cjm");
  const Board* back = AsBoard(loaded);
  REQUIRE(back != nullptr);
  CHECK(*back == board);
  // Spot checks, so a broken operator== cannot hide a loss.
  CHECK(back->notes[0].text == board.notes[0].text);
  CHECK(back->notes[0].tags == board.notes[0].tags);
  CHECK(back->notes[0].channel == board.notes[0].channel);
  CHECK(back->notes[0].metrics.conversion == 12.5f);
  CHECK_FALSE(back->notes[0].metrics.csi.has_value());
  CHECK(back->notes[0].metrics.nps == -40.0f);
  CHECK(back->notes[0].severity == 3);
  CHECK(Warnings(loaded).empty());
  CHECK(back->lanes[0].color == 0x12ab9f);
  CHECK(back->lanes[0].collapsed);
  CHECK(back->lanes[2].kind == LaneKind::Metrics);
  CHECK(back->curves[0].toBe);
  CHECK(back->curves[0].points[0].value == -0.85f);
  CHECK(back->curves[0].points[0].note == board.notes[0].id);  // the task it scores
  CHECK_FALSE(back->curves[0].points[1].note);
  CHECK(BoardToJson(board).find("\"note\": " + std::to_string(board.notes[0].id.value)) != std::string::npos);
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
  CHECK(Contains(json, "\"width\": 360.25,\n"));
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
  const size_t version = json.find("\"formatVersion\": " + std::to_string(kFormatVersion) + ",");
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
  // Metrics are numbers, or null when nobody measured them.
  CHECK(Contains(json, "\"metrics\": {\n"));
  CHECK(Contains(json, "\"conversion\": 12.5,"));
  CHECK(Contains(json, "\"csi\": null,"));
  CHECK(Contains(json, "\"severity\": 3\n"));
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

// [SECTION] Repair on load

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
  const std::vector<std::string> warnings = Warnings(loaded);
  CAPTURE(warnings);
  CHECK(HasWarning(warnings, "1 note pointed at a missing stage or lane and was moved to the free area"));
  CHECK(HasWarning(warnings, "1 emotion curve belonged to a missing persona"));
  CHECK(HasWarning(warnings, "1 persona had a missing or repeated id and was given a new one."));
  CHECK(HasWarning(warnings, "Corrected 1 position or size that could not be drawn"));
  CHECK(HasWarning(warnings, "Corrected 3 votes, scores and emotion values that were out of range."));
  CHECK(board->stages[0].width == 360);  // NaN keeps the default
  CHECK(board->curves[0].points[0].value == -1);
  CHECK(board->curves[0].points[0].t == 1);
  CHECK(board->notes[0].votes == 0);
  CHECK(board->curves[0].color == 0);
  CHECK_FALSE(board->curves[0].persona.IsValid());
  CHECK(board->notes[0].IsFree());
  CHECK_FALSE(board->notes[0].stage.IsValid());
  CHECK_FALSE(board->notes[0].lane.IsValid());
  CHECK(board->notes[0].pos.x > 210 + 360);  // right of the grid, not on it
  CHECK(board->personas[0].id.value != board->stages[0].id.value);
  CHECK(board->personas[0].id.value < board->nextId);
  CHECK(board->nextId > 99);
}

TEST_CASE("RepairBoard gives fresh ids to missing and repeated ones") {
  Board board = FullBoard();
  board.notes[1].id = board.notes[0].id;
  board.curves[0].id = CurveId();
  board.nextId = 1;
  const std::vector<std::string> warnings = RepairBoard(board);
  CHECK(warnings == std::vector<std::string>{"1 note had a missing or repeated id and was given a new one.",
                                             "1 emotion curve had a missing or repeated id and was given a new one."});
  CHECK(board.notes[0].id != board.notes[1].id);
  CHECK(board.curves[0].id.IsValid());
  CHECK(board.nextId > board.curves[0].id.value);
  CHECK(board.nextId > board.notes[1].id.value);
}

// [SECTION] Load errors

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
    const std::string message = ExpectError(LoadBoard(path), LoadErrorKind::TooLarge, path);
    CHECK(message == path + " is too large to open: it is 256 MiB, and the limit is 256 MiB.");
  }
  SUBCASE("a good file") {
    const std::string path = dir.File("good.cjm");
    WriteFile(path, kMinimalBoard);
    CHECK(std::holds_alternative<LoadedBoard>(LoadBoard(path)));
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
    CHECK(message == "test.cjm was written by a newer Journeyboard (format 7); this version reads format 4 and older.");
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

TEST_CASE("Load errors: broken structure names the field") {
  struct Case {
    const char* from;
    const char* to;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {R"("notes": [)", R"("notes": "none", "x": [)", "a field with a wrong value (notes)"},
      {R"("notes": [)", R"("notes": {"a": 1}, "x": [)", "a field with a wrong value (notes)"},
      {R"("pos": {"y": 0, "x": 0})", R"("pos": [0, 0])", "a field with a wrong value (notes[0].pos)"},
      {R"("stages": [)", R"("stages": 5, "x": [)", "a field with a wrong value (stages)"},
      {R"("points": [)", R"("points": {}, "x": [)", "a field with a wrong value (curves[0].points)"},
      {R"("meta": {)", R"("meta": [], "x": {)", "a field with a wrong value (meta)"},
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

// A plain value of the wrong kind costs that value, not the board (issue 13; these were refusals).
TEST_CASE("Load: a plain value of the wrong kind is repaired, and the warning names the field") {
  struct Case {
    const char* from;
    const char* to;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {R"("text": "Hello")", R"("text": 5)", "1 note had values of the wrong kind or out of range (text)"},
      {R"("width": 360)", R"("width": "wide")", "1 stage had values of the wrong kind or out of range (width)"},
      {R"("id": 5)", R"("id": -5)", "1 note had values of the wrong kind or out of range (id)"},
      {R"("votes": 0)", R"("votes": 10000000000)", "1 note had values of the wrong kind or out of range (votes)"},
      {R"("tags": ["a"])", R"("tags": [1])", "1 note had values of the wrong kind or out of range (tags)"},
      {R"("pos": {"y": 0, "x": 0})", R"("pos": {"y": 0, "x": "left"})",
       "1 note had values of the wrong kind or out of range (pos.x)"},
      {R"("kind": "custom")", R"("kind": 3)", "1 lane had values of the wrong kind or out of range (kind)"},
      {R"("collapsed": false)", R"("collapsed": 0)", "1 lane had values of the wrong kind or out of range (collapsed)"},
      {R"("value": -0.25)", R"("value": "low")",
       "1 emotion curve point had values of the wrong kind or out of range (value)"},
      {R"({"id": 4, "name": "P")", R"({"id": 4, "name": ["P"])",
       "1 persona had values of the wrong kind or out of range (name)"},
      {R"("title": "Hand made")", R"("title": 5)", "The board had values of the wrong kind or out of range (meta.title)"},
      {R"("nextId": 1,)", R"("nextId": -1,)", "The board had values of the wrong kind or out of range (nextId)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.to);
    const LoadResult loaded = BoardFromJson(Replace(kMinimalBoard, c.from, c.to), "test.cjm");
    REQUIRE(AsBoard(loaded));
    CAPTURE(Warnings(loaded));
    CHECK(HasWarning(Warnings(loaded), std::string(c.expected) + ", which were converted or set to defaults."));
  }
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
  CHECK(std::holds_alternative<LoadedBoard>(loaded));
  // The board is all there, as without the mark, and nothing needed repair.
  const Board* board = AsBoard(loaded);
  REQUIRE(board);
  CHECK(Warnings(loaded).empty());
  CHECK(board->meta.title == "Hand made");
  REQUIRE(board->stages.size() == 1);
  CHECK(board->stages[0].name == "Only stage");
  REQUIRE(board->lanes.size() == 1);
  CHECK(board->lanes[0].name == "Notes");
  REQUIRE(board->notes.size() == 1);
  CHECK(board->notes[0].id == NoteId(5));
  CHECK(board->notes[0].text == "Hello");
  CHECK(board->notes[0].tags == std::vector<std::string>{"a"});
  REQUIRE(board->curves.size() == 1);
  REQUIRE(board->curves[0].points.size() == 1);
  CHECK(board->curves[0].points[0].value == -0.25f);
  CHECK(board->curves[0].points[0].label == "meh");
  REQUIRE(board->personas.size() == 1);
  CHECK(board->personas[0].name == "P");
  const LoadResult plain = BoardFromJson(kMinimalBoard, "bom.cjm");
  REQUIRE(AsBoard(plain));
  CHECK(*board == *AsBoard(plain));
  // Only a mark at the very start is skipped: one inside a text is kept as it is.
  const LoadResult inside = BoardFromJson(Replace(kMinimalBoard, R"("Hello")", "\"\xEF\xBB\xBFHello\""), "bom.cjm");
  REQUIRE(AsBoard(inside));
  CHECK(AsBoard(inside)->notes[0].text == "\xEF\xBB\xBFHello");
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
    // What the fuzzer checks: a board that loads is repaired for good, lays out, and saves and
    // loads back equal; an error is a sentence.
    bool loaded = false;
    std::string problem;
    CHECK_NOTHROW(problem = fuzz::CheckLoad(json, &loaded));
    CHECK(problem == "");
    if (loaded)
      ++boards;
    else
      ++errors;
  }
  CHECK(errors > 0);
  CHECK(boards > 0);  // some damage leaves a board, so the checks above ran on boards too
  CHECK(boards + errors == 600);
}

// [SECTION] Format versions and migrations

namespace {

std::string Fixture(const std::string& relative) { return std::string(JB_FIXTURES_DIR) + "/" + relative; }

rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

// Whether every member of `older` is in `newer` with the same value (objects by name, arrays by
// position); `where` names the first one that is not.
bool Covers(const rapidjson::Value& older, const rapidjson::Value& newer, const std::string& path, std::string* where) {
  *where = path;
  if (older.IsObject()) {
    if (!newer.IsObject()) return false;
    for (const auto& member : older.GetObject()) {
      const std::string name = member.name.GetString();
      auto it = newer.FindMember(member.name);
      if (it == newer.MemberEnd()) {
        *where = path + "." + name;
        return false;
      }
      if (!Covers(member.value, it->value, path + "." + name, where)) return false;
    }
    return true;
  }
  if (older.IsArray()) {
    if (!newer.IsArray() || newer.Size() != older.Size()) return false;
    for (rapidjson::SizeType i = 0; i < older.Size(); ++i)
      if (!Covers(older[i], newer[i], path + "[" + std::to_string(i) + "]", where)) return false;
    return true;
  }
  if (older.IsNumber()) return newer.IsNumber() && older.GetDouble() == newer.GetDouble();
  return older == newer;
}

// The file with its "app" version replaced by this build's: a release changes that line only.
std::string WithThisApp(std::string json) {
  const std::string key = "\"app\": \"";
  const size_t at = json.find(key);
  REQUIRE(at != std::string::npos);
  const size_t end = json.find('"', at + key.size());
  return json.replace(at + key.size(), end - at - key.size(), kAppVersion);
}

}  // namespace

// Frozen when format 1 was current: every later version must still read it, through migrations.
TEST_CASE("The frozen version 1 sample loads with every field, and saves as the current version") {
  const std::string path = Fixture("v1/sample.cjm");
  const std::string v1 = ReadFile(path);
  const LoadResult loaded = LoadBoard(path);
  const Board* board = AsBoard(loaded);
  REQUIRE_MESSAGE(board != nullptr, std::get<LoadError>(loaded).message);
  CHECK(Warnings(loaded).empty());  // migrating is not repairing: nothing to tell the user
  CHECK(board->meta.created == "2026-03-01T09:30:00Z");
  CHECK(board->notes.size() >= 28);
  CHECK(board->personas.size() == 1);
  CHECK(board->curves.size() == 1);
  for (const Note& note : board->notes) {
    CHECK(note.channel.empty());
    CHECK(note.metrics == NoteMetrics{});
    CHECK(note.severity == 0);
  }

  // Every field of the old file came through: the re-saved file holds all of it, same values.
  const std::string v2 = BoardToJson(*board);
  rapidjson::Document older = ParseJson(v1), newer = ParseJson(v2);
  std::string where;
  CHECK_MESSAGE(Covers(older["board"], newer["board"], "board", &where), "lost or changed: " << where);
  CHECK(older["formatVersion"].GetInt() == 1);
  CHECK(newer["formatVersion"].GetInt() == kFormatVersion);
  CHECK(board->strokes.empty());
  CHECK(board->arrows.empty());
  CHECK(newer["board"]["notes"][0]["metrics"]["csi"].IsNull());

  const LoadResult again = BoardFromJson(v2, "v2.cjm");
  REQUIRE(AsBoard(again));
  CHECK(*AsBoard(again) == *board);
  CHECK(Warnings(again).empty());
}

// Frozen when format 2 was defined: every later version must still read it, through migrations.
TEST_CASE("The frozen version 2 sample loads with every field and no sketches, and saves as the current version") {
  const std::string path = Fixture("v2/sample.cjm");
  const std::string v2 = ReadFile(path);
  const LoadResult loaded = LoadBoard(path);
  const Board* board = AsBoard(loaded);
  REQUIRE_MESSAGE(board != nullptr, std::get<LoadError>(loaded).message);
  CHECK(Warnings(loaded).empty());  // migrating is not repairing
  // The fixture exercises what version 2 added.
  CHECK(std::any_of(board->notes.begin(), board->notes.end(), [](const Note& n) { return !n.channel.empty(); }));
  CHECK(std::any_of(board->notes.begin(), board->notes.end(), [](const Note& n) { return n.metrics.conversion.has_value(); }));
  CHECK(std::any_of(board->notes.begin(), board->notes.end(), [](const Note& n) { return !n.metrics.csi; }));
  CHECK(std::any_of(board->notes.begin(), board->notes.end(), [](const Note& n) { return n.severity > 0; }));
  CHECK(board->strokes.empty());
  CHECK(board->arrows.empty());
  CHECK(board->frames.empty());
  CHECK(board->labels.empty());

  const std::string saved = BoardToJson(*board);
  rapidjson::Document older = ParseJson(v2), newer = ParseJson(saved);
  std::string where;
  CHECK_MESSAGE(Covers(older["board"], newer["board"], "board", &where), "lost or changed: " << where);
  CHECK(newer["formatVersion"].GetInt() == kFormatVersion);
  REQUIRE(newer["board"]["strokes"].IsArray());
  CHECK(newer["board"]["strokes"].Empty());
  const LoadResult again = BoardFromJson(saved, "v3.cjm");
  REQUIRE(AsBoard(again));
  CHECK(*AsBoard(again) == *board);
  CHECK(Warnings(again).empty());
}

// Frozen when format 3 was defined: every later version must still read it, through migrations.
TEST_CASE("The frozen version 3 sample loads with every kind of sketch, and saves as the current version") {
  const std::string path = Fixture("v3/sample.cjm");
  const std::string v3 = ReadFile(path);
  const LoadResult loaded = LoadBoard(path);
  const Board* board = AsBoard(loaded);
  REQUIRE_MESSAGE(board != nullptr, std::get<LoadError>(loaded).message);
  CHECK(Warnings(loaded).empty());  // migrating is not repairing
  CHECK(CheckBoard(*board).empty());
  // Version 4's funnel: a board from before it measured no stage and scored no solution.
  CHECK(std::none_of(board->stages.begin(), board->stages.end(), [](const Stage& s) { return s.reached.has_value(); }));
  CHECK(std::none_of(board->notes.begin(), board->notes.end(), [](const Note& n) { return n.opportunity.has_value(); }));

  const std::string saved = BoardToJson(*board);
  rapidjson::Document older = ParseJson(v3), newer = ParseJson(saved);
  std::string where;
  CHECK_MESSAGE(Covers(older["board"], newer["board"], "board", &where), "lost or changed: " << where);
  CHECK(newer["formatVersion"].GetInt() == kFormatVersion);
  CHECK(newer["board"]["stages"][0]["reached"].IsNull());
  const LoadResult again = BoardFromJson(saved, "v4.cjm");
  REQUIRE(AsBoard(again));
  CHECK(*AsBoard(again) == *board);

  // The fixture exercises what version 3 added: a stroke in a cell, a free one, a highlighter;
  // an arrow bound at both ends and one with a free end; a frame; a label.
  REQUIRE(board->strokes.size() == 3);
  CHECK(board->strokes[0].stage == StageId(4));
  CHECK(board->strokes[0].lane == LaneId(10));
  CHECK(board->strokes[0].points.size() == 5);
  CHECK(board->strokes[0].points[1] == Vec2{300.5f, 14.0f});
  CHECK(board->strokes[0].color == 0xd92626);
  CHECK(board->strokes[1].IsFree());
  CHECK(board->strokes[1].width == 3.0f);
  CHECK(board->strokes[2].highlighter);
  REQUIRE(board->arrows.size() == 2);
  CHECK(board->arrows[0].from.note == NoteId(35));
  CHECK(board->arrows[0].to.note == NoteId(47));
  CHECK(board->arrows[0].curved);
  CHECK(board->arrows[0].heads == ArrowHeads::End);
  CHECK(board->arrows[0].label == "fixes");
  CHECK(board->arrows[1].from.note == NoteId(36));
  CHECK_FALSE(board->arrows[1].to.note);
  CHECK(board->arrows[1].to.pos == Vec2{2100.0f, 400.5f});
  CHECK(board->arrows[1].heads == ArrowHeads::Both);
  REQUIRE(board->frames.size() == 1);
  CHECK(board->frames[0].rect.x1 == 2400.0f);
  CHECK(board->frames[0].title == "Parking lot");
  REQUIRE(board->labels.size() == 1);
  CHECK(board->labels[0].size == 64.0f);
  CHECK(board->labels[0].text == "Where do we lose people? — гипотезы");
  CHECK(board->nextId == 59);
}


// Frozen when format 4 was defined. When this fails because the format changed: bump
// kFormatVersion, add a migration, freeze tests/fixtures/v5/, and make this test load v4 as the
// one above loads v3.
TEST_CASE("The frozen version 4 sample re-saves byte for byte, with its funnel and scored solutions") {
  REQUIRE_MESSAGE(kFormatVersion == 4, "the format changed: add a migration and freeze a new fixture");
  const std::string path = Fixture("v4/sample.cjm");
  const std::string bytes = ReadFile(path);
  const LoadResult loaded = LoadBoard(path);
  const Board* board = AsBoard(loaded);
  REQUIRE_MESSAGE(board != nullptr, std::get<LoadError>(loaded).message);
  CHECK(Warnings(loaded).empty());
  CHECK(BoardToJson(*board) == WithThisApp(bytes));
  CHECK(CheckBoard(*board).empty());
  // What version 4 added: each stage's reached count (whole numbers written without a fraction,
  // null when not measured) and a solution's opportunity.
  REQUIRE(board->stages.size() == 5);
  CHECK(board->stages[0].reached == 10000.0);
  CHECK(board->stages[3].reached == 1178.0);
  CHECK_FALSE(board->stages[4].reached);
  CHECK(std::count_if(board->notes.begin(), board->notes.end(), [](const Note& n) { return n.opportunity.has_value(); }) == 2);
  const auto scored = std::find_if(board->notes.begin(), board->notes.end(), [](const Note& n) { return n.id == NoteId(42); });
  REQUIRE(scored != board->notes.end());
  REQUIRE(scored->opportunity);
  CHECK(scored->opportunity->customerValue == 70.0f);
  CHECK(scored->opportunity->businessValue == 40.5f);
  CHECK(scored->opportunity->effort == 1);
  CHECK(board->strokes.size() == 3);  // and everything version 3 had
}

TEST_CASE("Migrating version 1 adds the note fields of version 2, keeping any already there") {
  const LoadResult plain = BoardFromJson(kMinimalBoard, "v1.cjm");
  REQUIRE(AsBoard(plain));
  CHECK(Warnings(plain).empty());
  const Note& note = AsBoard(plain)->notes.at(0);
  CHECK(note.channel.empty());
  CHECK(note.metrics == NoteMetrics{});
  CHECK(note.severity == 0);

  const LoadResult early = BoardFromJson(Replace(kMinimalBoard, R"("due": "")", R"("due": "", "channel": "site")"), "v1.cjm");
  REQUIRE(AsBoard(early));
  CHECK(AsBoard(early)->notes.at(0).channel == "site");
}

TEST_CASE("Metrics read as numbers or null, and nothing else") {
  const std::string v2 = Replace(Replace(kMinimalBoard, R"("formatVersion": 1)", R"("formatVersion": 2)"),
                                 R"("due": "")",
                                 R"("due": "", "channel": "site", "severity": 2,
                                    "metrics": {"conversion": 41.5, "csi": null, "nps": -7})");
  const LoadResult loaded = BoardFromJson(v2, "m.cjm");
  REQUIRE(AsBoard(loaded));
  const Note& note = AsBoard(loaded)->notes.at(0);
  CHECK(note.metrics.conversion == 41.5f);
  CHECK_FALSE(note.metrics.csi);
  CHECK(note.metrics.nps == -7.0f);
  CHECK(note.severity == 2);
  CHECK(note.channel == "site");
  CHECK(Warnings(loaded).empty());

  // Anything else is not measured (a number in text is that number), with a warning.
  for (const char* bad : {R"("csi": "high")", R"("csi": [50])", R"("csi": {})", R"("csi": true)"}) {
    CAPTURE(bad);
    const LoadResult repaired = BoardFromJson(Replace(v2, R"("csi": null)", bad), "m.cjm");
    REQUIRE(AsBoard(repaired));
    CHECK_FALSE(AsBoard(repaired)->notes.at(0).metrics.csi);
    CHECK(HasWarning(Warnings(repaired), "1 note had values of the wrong kind or out of range (metrics.csi)"));
  }
  const LoadResult text = BoardFromJson(Replace(v2, R"("csi": null)", R"("csi": "55")"), "m.cjm");
  REQUIRE(AsBoard(text));
  CHECK(AsBoard(text)->notes.at(0).metrics.csi == 55.0f);
  // A metric left out is simply not measured.
  const LoadResult partial = BoardFromJson(Replace(v2, R"("csi": null, )", ""), "m.cjm");
  REQUIRE(AsBoard(partial));
  CHECK_FALSE(AsBoard(partial)->notes.at(0).metrics.csi);
  CHECK(HasWarning(Warnings(partial), "1 note was missing some details (metrics.csi)"));
}

TEST_CASE("Version 4: a stage's reached count and a solution's opportunity, read leniently and repaired") {
  // The minimal board is version 1; migrations add what it lacks and keep what it has.
  const std::string v4 = Replace(kMinimalBoard, R"("width": 360})", R"("width": 360, "reached": 1250})");
  auto load = [&](const std::string& reached, const std::string& opportunity) {
    std::string json = Replace(v4, R"("reached": 1250)", R"("reached": )" + reached);
    if (!opportunity.empty()) json = Replace(json, R"("due": "")", R"("due": "", "opportunity": )" + opportunity);
    return BoardFromJson(json, "v4.cjm");
  };
  const LoadResult plain = load("1250", "");
  REQUIRE(AsBoard(plain));
  CHECK(AsBoard(plain)->stages[0].reached == 1250.0);
  CHECK_FALSE(AsBoard(plain)->notes[0].opportunity);
  CHECK(Warnings(plain).empty());

  const LoadResult scored = load("null", R"({"customerValue": 80, "businessValue": 35.5, "effort": 2})");
  REQUIRE(AsBoard(scored));
  CHECK_FALSE(AsBoard(scored)->stages[0].reached);
  REQUIRE(AsBoard(scored)->notes[0].opportunity);
  CHECK(*AsBoard(scored)->notes[0].opportunity == Opportunity{80.f, 35.5f, 2});
  CHECK(Warnings(scored).empty());
  CHECK(Contains(BoardToJson(*AsBoard(scored)), R"("reached": null)"));

  // null is not scored; a value of the wrong kind is not scored either, with a warning.
  const LoadResult none = load("null", "null");
  REQUIRE(AsBoard(none));
  CHECK_FALSE(AsBoard(none)->notes[0].opportunity);
  CHECK(Warnings(none).empty());
  const LoadResult wrong = load("\"many\"", "5");
  REQUIRE(AsBoard(wrong));
  CHECK_FALSE(AsBoard(wrong)->stages[0].reached);
  CHECK_FALSE(AsBoard(wrong)->notes[0].opportunity);
  CHECK(HasWarning(Warnings(wrong), "(opportunity)"));
  CHECK(HasWarning(Warnings(wrong), "(reached)"));

  // Out of range is clamped and said; a missing part of an opportunity gets its default.
  const LoadResult clamped = load("-5", R"({"customerValue": 180, "effort": 9})");
  REQUIRE(AsBoard(clamped));
  CHECK(AsBoard(clamped)->stages[0].reached == 0.0);
  REQUIRE(AsBoard(clamped)->notes[0].opportunity);
  CHECK(*AsBoard(clamped)->notes[0].opportunity == Opportunity{100.f, 50.f, 5});
  CHECK(HasWarning(Warnings(clamped), "out of range"));
  CHECK(HasWarning(Warnings(clamped), "opportunity.businessValue"));
  CHECK(CheckBoard(*AsBoard(clamped)).empty());

  // A count past float's range stays exact, and writes as a whole number.
  const LoadResult big = load("123456789012", "");
  REQUIRE(AsBoard(big));
  CHECK(AsBoard(big)->stages[0].reached == 123456789012.0);
  CHECK(Contains(BoardToJson(*AsBoard(big)), R"("reached": 123456789012)"));
}

TEST_CASE("Numbers read exactly, including the ones RapidJSON 1.1's own conversion mishandles") {
  auto width = [](const std::string& number) {
    const LoadResult loaded = BoardFromJson(Replace(kMinimalBoard, R"("width": 360)", R"("width": )" + number), "n.cjm");
    REQUIRE_MESSAGE(AsBoard(loaded), std::get<LoadError>(loaded).message);
    return AsBoard(loaded)->stages.at(0).width;
  };
  CHECK(width("360") == 360);
  CHECK(width("360.25") == 360.25f);
  CHECK(width("3.6025e2") == 360.25f);
  CHECK(width("3602.5E-1") == 360.25f);
  CHECK(width("0e300") == kMinStageWidth);  // zero, clamped to the smallest stage (UB inside RapidJSON 1.1)
  CHECK(width("-0.0e-400") == kMinStageWidth);
  CHECK(width("1e-400") == kMinStageWidth);     // underflows to zero
  CHECK(width("9.99e308") == kMaxStageWidth);  // overflows to infinity, clamped
  CHECK(width("123456789012345678901234567890") == kMaxStageWidth);  // no 64-bit integer: a double
  CHECK(width("NaN") == 360);
  CHECK(width("-Infinity") == kMinStageWidth);

  auto id = [](const std::string& number) {
    return BoardFromJson(Replace(kMinimalBoard, R"("id": 5)", R"("id": )" + number), "n.cjm");
  };
  const LoadResult largest = id("18446744073709551615");  // the largest a file can hold: loads, renumbered
  REQUIRE(AsBoard(largest));
  CHECK(HasWarning(Warnings(largest), "renumbered"));
  // Past 64 bits it is no id: a fresh one, with a warning. A whole number written as 5.0 is 5.
  const LoadResult past = id("18446744073709551616");
  REQUIRE(AsBoard(past));
  CHECK(HasWarning(Warnings(past), "out of range (id)"));
  for (const char* five : {"5.0", "5e0"}) {
    const LoadResult loaded = id(five);
    REQUIRE(AsBoard(loaded));
    CHECK(AsBoard(loaded)->notes.at(0).id.value == 5);
  }
}
