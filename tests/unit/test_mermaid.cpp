// Mermaid journeys (core/io/mermaid_journey.h): the reader, the writer and the round trip between them.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "core/io/board_builder.h"
#include "core/io/file_io.h"
#include "core/io/mermaid_journey.h"
#include "core/io/table_import.h"
#include "core/io/templates.h"

using namespace jb;

namespace {

std::string MermaidFixture(const std::string& name) {
  std::ifstream in(std::string(JB_FIXTURES_DIR) + "/tables/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Board ReadJourney(const std::string& text, const std::string& fileName = "journey.mmd",
                  std::vector<std::string>* notices = nullptr) {
  TableImport import;
  std::string error;
  const bool read = ReadMermaidJourney(text, {"", fileName}, &import, &error);
  INFO(error);
  REQUIRE(read);
  CHECK(error.empty());
  if (notices) *notices = import.notices;
  return std::move(import.board);
}

std::string ReadError(const std::string& text) {
  TableImport import;
  std::string error;
  CHECK_FALSE(ReadMermaidJourney(text, {}, &import, &error));
  return error;
}

// What Mermaid holds of a board, as the board keeps it: per stage, its touchpoint notes in order,
// each with the actors whose as-is curve has a point on it (curve order) and their scores.
struct TaskSeen {
  std::string text;
  std::vector<std::string> actors;
  std::vector<int> scores;  // one per actor
  bool operator==(const TaskSeen& o) const { return text == o.text && actors == o.actors && scores == o.scores; }
};
struct StageSeen {
  std::string name;
  std::vector<TaskSeen> tasks;
  bool operator==(const StageSeen& o) const { return name == o.name && tasks == o.tasks; }
};

std::vector<StageSeen> Seen(const Board& board) {
  std::vector<StageSeen> stages;
  for (const Stage& stage : board.stages) {
    StageSeen seen{stage.name, {}};
    for (const Lane& lane : board.lanes) {
      if (lane.kind != LaneKind::Touchpoints) continue;
      for (const Note& note : board.notes) {
        if (note.stage != stage.id || note.lane != lane.id) continue;
        TaskSeen task{note.text, {}, {}};
        for (const EmotionCurve& curve : board.curves)
          for (const CurvePoint& point : curve.points)
            if (point.note == note.id) {
              const Persona* persona = board.FindPersona(curve.persona);
              task.actors.push_back(persona ? persona->name : "?");
              task.scores.push_back(int(std::lround(point.value * 2 + 3)));
              CHECK(point.stage == stage.id);
            }
        seen.tasks.push_back(task);
      }
    }
    stages.push_back(seen);
  }
  return stages;
}

std::string Describe(const std::vector<StageSeen>& stages) {
  std::string out;
  for (const StageSeen& stage : stages) {
    out += "[" + stage.name + "]";
    for (const TaskSeen& task : stage.tasks) {
      out += " {" + task.text;
      for (size_t i = 0; i < task.actors.size(); ++i)
        out += " " + task.actors[i] + "=" + std::to_string(task.scores[i]);
      out += "}";
    }
    out += "\n";
  }
  return out;
}

// Import, export, import again: the second board holds what the first did, and a second export is
// the first one, character for character.
void CheckRoundTrip(const std::string& text) {
  const Board first = ReadJourney(text);
  const std::string written = WriteMermaidJourney(first);
  INFO("written:\n" << written);
  const Board second = ReadJourney(written);
  CHECK(Describe(Seen(second)) == Describe(Seen(first)));
  CHECK(Seen(second) == Seen(first));
  CHECK(second.meta.title == first.meta.title);
  CHECK(WriteMermaidJourney(second) == written);
}

const char* const kWorkingDay =
    "journey\n"
    "  title My working day\n"
    "  section Go to work\n"
    "    Make tea: 5: Me\n"
    "    Go upstairs: 3: Me\n"
    "    Do work: 1: Me, Cat\n"
    "  section Go home\n"
    "    Go downstairs: 5: Me\n"
    "    Sit down: 5: Me\n";

}  // namespace

// [SECTION] Recognising a journey

TEST_CASE("Mermaid: a journey is recognised bare, after comments, front matter and a BOM, or in a Markdown fence") {
  CHECK(IsMermaidJourney(kWorkingDay));
  CHECK(IsMermaidJourney("\xEF\xBB\xBF%% a comment\r\n\r\n  journey\r\n  section A\r\n"));
  CHECK(IsMermaidJourney("---\ntitle: Front\nconfig:\n  theme: forest\n---\njourney\nsection A\n"));
  CHECK(IsMermaidJourney("# Notes\n\nSome prose.\n\n```mermaid\njourney\n  section A\n    Task: 3: Me\n```\nMore.\n"));
  CHECK(IsMermaidJourney("Prose\n\n  ~~~~ Mermaid\n  journey\n  section A\n  ~~~~\n"));
  // The first mermaid fence that is a journey: a flowchart before it is passed over.
  CHECK(IsMermaidJourney("```mermaid\ngraph TD\nA-->B\n```\n\n```mermaid\njourney\nsection A\n```\n"));

  CHECK_FALSE(IsMermaidJourney(""));
  CHECK_FALSE(IsMermaidJourney("Journey,Awareness,Purchase\nGoals,Find,Buy\n"));  // a table's header
  CHECK_FALSE(IsMermaidJourney("Stages\tAwareness\njourney\tx\n"));
  CHECK_FALSE(IsMermaidJourney("```mermaid\ngraph TD\nA-->B\n```\n"));
  CHECK_FALSE(IsMermaidJourney("```text\njourney\nsection A\n```\n"));
  // A mermaid fence shown inside a longer fence is an example, not the document's diagram.
  CHECK_FALSE(IsMermaidJourney("````markdown\n```mermaid\njourney\nsection A\n```\n````\n"));
}

// [SECTION] Reading

TEST_CASE("Mermaid reader: the docs' working day becomes stages, a Steps lane, a persona and curve per actor") {
  const Board board = ReadJourney(kWorkingDay);
  CHECK(board.meta.title == "My working day");
  CHECK(board.meta.language == "en");
  REQUIRE(board.stages.size() == 2);
  CHECK(board.stages[0].name == "Go to work");
  CHECK(board.stages[1].name == "Go home");
  REQUIRE(board.lanes.size() == 2);
  CHECK(board.lanes[0].name == "Steps");
  CHECK(board.lanes[0].kind == LaneKind::Touchpoints);
  CHECK(board.lanes[1].name == "Emotions");
  CHECK(board.lanes[1].kind == LaneKind::Emotions);
  REQUIRE(board.notes.size() == 5);
  CHECK(board.notes[2].text == "Do work");
  CHECK(board.notes[2].stage == board.stages[0].id);
  CHECK(board.notes[2].lane == board.lanes[0].id);
  REQUIRE(board.personas.size() == 2);
  CHECK(board.personas[0].name == "Me");
  CHECK(board.personas[1].name == "Cat");
  REQUIRE(board.curves.size() == 2);
  CHECK(board.curves[0].persona == board.personas[0].id);
  CHECK(board.curves[0].name == "Me");
  CHECK_FALSE(board.curves[0].toBe);
  CHECK(board.curves[0].color != board.curves[1].color);

  // Me scores all five tasks, spread across each stage in task order; Cat only "Do work".
  const EmotionCurve& me = board.curves[0];
  REQUIRE(me.points.size() == 5);
  CHECK(me.points[0].stage == board.stages[0].id);
  CHECK(me.points[0].t == doctest::Approx(1.0 / 6));
  CHECK(me.points[0].value == doctest::Approx(1.0));  // 5
  CHECK(me.points[1].t == doctest::Approx(0.5));
  CHECK(me.points[1].value == doctest::Approx(0.0));  // 3
  CHECK(me.points[2].t == doctest::Approx(5.0 / 6));
  CHECK(me.points[2].value == doctest::Approx(-1.0));  // 1
  CHECK(me.points[3].stage == board.stages[1].id);
  CHECK(me.points[3].t == doctest::Approx(0.25));
  CHECK(me.points[4].t == doctest::Approx(0.75));
  for (size_t i = 0; i < me.points.size(); ++i) {
    CHECK(me.points[i].note == board.notes[i].id);
    CHECK(me.points[i].label.empty());
  }
  const EmotionCurve& cat = board.curves[1];
  REQUIRE(cat.points.size() == 1);
  CHECK(cat.points[0].note == board.notes[2].id);
  CHECK(cat.points[0].value == doctest::Approx(-1.0));
  CHECK(cat.points[0].t == doctest::Approx(5.0 / 6));
}

TEST_CASE(
    "Mermaid reader: comments, free indentation, accessibility lines, CRLF and a BOM are read as Mermaid reads them") {
  const std::string text =
      "\xEF\xBB\xBF%% exported from the wiki\r\n"
      "journey\r\n"
      "title   Visiting the dentist   \r\n"
      "accTitle: For screen readers\r\n"
      "accDescr {\r\n"
      "  Several lines\r\n"
      "  of description: 5: nobody\r\n"
      "}\r\n"
      "\tsection Booking   %% not a comment in Mermaid: part of the name\r\n"
      "Call the clinic:2:Me # a comment to the end of the line: 5: Ghost\r\n"
      "            %% an indented comment\r\n"
      "      Get an SMS reminder :  4  :  Me ,  Dr  Who  \r\n"
      "section   Visit\r\n"
      "\r\n"
      "  Wait#58; 20 minutes: 1: Me\r";
  std::vector<std::string> notices;
  const Board board = ReadJourney(text, "dentist.mmd", &notices);
  CHECK(notices.empty());
  CHECK(board.meta.title == "Visiting the dentist");
  REQUIRE(board.stages.size() == 2);
  CHECK(board.stages[0].name == "Booking   %% not a comment in Mermaid: part of the name");
  CHECK(board.stages[1].name == "Visit");
  REQUIRE(board.notes.size() == 3);
  CHECK(board.notes[0].text == "Call the clinic");
  CHECK(board.notes[1].text == "Get an SMS reminder");
  CHECK(board.notes[2].text == "Wait: 20 minutes");
  REQUIRE(board.personas.size() == 2);
  CHECK(board.personas[0].name == "Me");
  CHECK(board.personas[1].name == "Dr  Who");  // spaces inside a name are kept, around it trimmed
  REQUIRE(board.curves.size() == 2);
  REQUIRE(board.curves[0].points.size() == 3);
  CHECK(board.curves[0].points[0].value == doctest::Approx(-0.5));
  CHECK(board.curves[0].points[1].value == doctest::Approx(0.5));
  REQUIRE(board.curves[1].points.size() == 1);
  CHECK(board.curves[1].points[0].note == board.notes[1].id);
}

TEST_CASE("Mermaid reader: a task with no score is kept without points, and what cannot be kept is said once each") {
  const std::string text =
      "journey\n"
      "Arrive\n"  // before any section, no score
      "section Order\n"
      "Choose:\n"                    // a colon, no score
      "Wait: : Me, Ann\n"            // actors but no score: kept without them
      "Pay: 7: Me\n"                 // clamped to 5
      "Tip: 0: Ann\n"                // clamped to 1
      "Leave: 4\n"                   // a score and no actor
      "Rate: 2: Me: extra: more\n";  // Mermaid ignores what follows the actors
  std::vector<std::string> notices;
  const Board board = ReadJourney(text, "cafe.mmd", &notices);
  CHECK(board.meta.title == "cafe");  // no title: the file's name
  REQUIRE(board.stages.size() == 2);
  CHECK(board.stages[0].name == "Journey");  // tasks before any section
  CHECK(board.stages[1].name == "Order");
  REQUIRE(board.notes.size() == 7);
  CHECK(board.notes[0].text == "Arrive");
  CHECK(board.notes[0].stage == board.stages[0].id);
  CHECK(board.notes[1].text == "Choose");
  CHECK(board.notes[2].text == "Wait");
  REQUIRE(board.personas.size() == 2);
  CHECK(board.personas[0].name == "Me");
  CHECK(board.personas[1].name == "Ann");
  REQUIRE(board.curves.size() == 2);
  const EmotionCurve& me = board.curves[0];
  REQUIRE(me.points.size() == 2);
  CHECK(me.points[0].note == board.notes[3].id);
  CHECK(me.points[0].value == doctest::Approx(1.0));
  CHECK(me.points[1].note == board.notes[6].id);
  CHECK(me.points[1].value == doctest::Approx(-0.5));
  REQUIRE(board.curves[1].points.size() == 1);
  CHECK(board.curves[1].points[0].value == doctest::Approx(-1.0));

  REQUIRE(notices.size() == 4);
  CHECK(notices[0] == "2 scores were outside 1 to 5 and clamped to it (the first on line 6).");
  CHECK(notices[1] ==
        "1 task has a score but no actors, and a score is kept only on an actor's curve (the first on line 8).");
  CHECK(notices[2] == "1 task lists actors but no score, so the task is kept without them (the first on line 5).");
  CHECK(notices[3].find("on line 9") != std::string::npos);
  for (const std::string& notice : notices) CHECK(notice.back() == '.');

  // Tasks before any section take the journey's title as their stage's name.
  const Board titled = ReadJourney("journey\ntitle Weekend\nSleep in: 5: Me\n");
  REQUIRE(titled.stages.size() == 1);
  CHECK(titled.stages[0].name == "Weekend");
}

TEST_CASE("Mermaid reader: bad input gets one sentence naming the line") {
  CHECK(ReadError("journey\nsection A\n  Make tea: 5: Me\n  Go upstairs: abc: Me\n") ==
        "Line 4: \"abc\" is not a score; a task is written \"Task: 5: Actor, Actor\" with a score from 1 to 5.");
  CHECK(ReadError("journey\nsection A\nMake tea: 5 Me\n").rfind("Line 3: \"5 Me\" is not a score", 0) == 0);
  CHECK(ReadError("title Not a journey\nsection A\nTask: 3: Me\n") ==
        "No Mermaid journey found: the first line that is not blank or a %% comment must be \"journey\", or a "
        "Markdown text must hold a ```mermaid block that starts so.");
  CHECK(ReadError("journey\nsection A\n: 5: Me\n") == "Line 3 has no task text before its \":\".");
  CHECK(ReadError("journey\nsection A\n  #32;\n") == "Line 3 has no task text.");  // a space as a code
  CHECK(ReadError("journey\nsection A\nTask: 3: Me\ngraph TD\nA --> B\n") ==
        "Line 4 starts another Mermaid diagram (\"graph\"): a journey is read alone.");
  CHECK(ReadError("%% nothing yet\n\njourney\n  title Empty\n") ==
        "The journey on line 3 has no sections and no tasks.");
  // Line numbers are the file's, inside a Markdown fence too.
  CHECK(ReadError("# Title\n\n```mermaid\njourney\nsection A\nTask: x: Me\n```\n").rfind("Line 6: ", 0) == 0);
  // A board's limits hold: the 1,001st section is refused, naming its line.
  std::string many = "journey\n";
  for (int i = 0; i <= 1000; ++i) many += "section S" + std::to_string(i) + "\n";
  CHECK(ReadError(many) == "Line 1002 starts section 1001, more than the 1000 stages a board holds.");
}

TEST_CASE("Mermaid reader: entity codes decode, a bare # starts a comment, and invalid UTF-8 is repaired and said") {
  std::vector<std::string> notices;
  const Board board = ReadJourney(
      "journey\nsection Q#38;A\nAsk #quot;why#quot;#59; wait #35;2: 3: R#44; D # gone\nBad \xFF byte: 4: Me\n", "x.mmd",
      &notices);
  CHECK(board.stages[0].name == "Q&A");
  REQUIRE(board.notes.size() == 2);
  CHECK(board.notes[0].text == "Ask \"why\"; wait #2");
  CHECK(board.personas[0].name == "R, D");
  CHECK(board.notes[1].text == "Bad \xEF\xBF\xBD byte");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0] == "1 text was repaired (invalid UTF-8 or control characters) or cut to 20000 characters.");
  // A line break or tab, raw or as a code, is a space (a task is one line); other control
  // characters are dropped, a raw one counted as a repair.
  notices.clear();
  const Board controls =
      ReadJourney("journey\nsection A\nOne#10;two#9;three #1;: 3: Me\nFour\x01: 3: Me\n", "x.mmd", &notices);
  CHECK(controls.notes[0].text == "One two three");
  CHECK(controls.notes[1].text == "Four");
  CHECK(notices.size() == 1);
  // A text over the limit is cut to it, and trimmed again: cut after a space, it reads back the same.
  notices.clear();
  const Board cut = ReadJourney("journey\nsection A\n" + std::string(19999, 'a') + " bbb: 3: Me\n", "x.mmd", &notices);
  CHECK(cut.notes[0].text == std::string(19999, 'a'));
  CHECK(notices == std::vector<std::string>{
                       "1 text was repaired (invalid UTF-8 or control characters) or cut to 20000 characters."});
  CHECK(Seen(ReadJourney(WriteMermaidJourney(cut))) == Seen(cut));
  // Codes Mermaid would not turn into a character stay as written.
  const Board kept = ReadJourney("journey\nsection A\nCode #nosuch; and #99999999;: 3: Me\n");
  CHECK(kept.notes[0].text == "Code #nosuch; and #99999999;");
}

TEST_CASE("Mermaid reader: a Russian Markdown document with prose around its fence") {
  std::vector<std::string> notices;
  const Board board = ReadJourney(MermaidFixture("insurance_claim_ru.md"), "insurance_claim_ru.md", &notices);
  CHECK(notices.empty());
  CHECK(board.meta.title == "Страховой случай по КАСКО");
  CHECK(board.meta.language == "ru");
  REQUIRE(board.stages.size() == 4);
  CHECK(board.stages[0].name == "Происшествие");
  CHECK(board.stages[3].name == "Ремонт");
  REQUIRE(board.lanes.size() == 2);
  CHECK(board.lanes[0].name == "Шаги");
  CHECK(board.lanes[1].name == "Эмоции");
  REQUIRE(board.notes.size() == 8);
  CHECK(board.notes[1].text == "Фото повреждений в приложении");
  REQUIRE(board.personas.size() == 3);
  CHECK(board.personas[0].name == "Водитель");
  CHECK(board.personas[1].name == "Аварийный комиссар");
  CHECK(board.personas[2].name == "Эксперт");
  CHECK(board.curves[0].points.size() == 8);
  REQUIRE(board.curves[2].points.size() == 2);
  CHECK(board.curves[2].points[1].note == board.notes[6].id);
  CHECK(board.curves[2].points[1].value == doctest::Approx(0.5));

  // The same through ImportTable, which hands Mermaid text to this reader.
  TableImport import;
  std::string error;
  REQUIRE(ImportTable(MermaidFixture("insurance_claim_ru.md"), {"Claim", "insurance_claim_ru.md"}, &import, &error));
  CHECK(import.board.meta.title == "Claim");  // the caller's title wins
  CHECK(Seen(import.board) == Seen(board));
}

TEST_CASE("Mermaid reader: the coffee order fixture, four sections and an actor whose name has a space") {
  const Board board = ReadJourney(MermaidFixture("coffee_order.mmd"), "coffee_order.mmd");
  CHECK(board.meta.title == "Ordering coffee ahead on the way to work");
  REQUIRE(board.stages.size() == 4);
  CHECK(board.stages[2].name == "Pick up");
  REQUIRE(board.personas.size() == 3);
  CHECK(board.personas[0].name == "Guest Shopper");
  CHECK(board.personas[1].name == "Regular");
  CHECK(board.personas[2].name == "Barista");
  REQUIRE(board.notes.size() == 10);
  CHECK(board.notes[7].text == "Order called by name: \"Sam; flat white\"");
  CHECK(board.notes[9].text == "Rate the order #1 of the day");
  CHECK(board.curves[1].points.size() == 6);  // Regular scores six tasks
}

TEST_CASE("Mermaid reader: personas are ordered so every task's actors come back in the order listed") {
  // Cat is met first, but a later task lists Me before Cat: Me, Cat, Dog keeps both lists.
  const Board board = ReadJourney("journey\nsection A\nOne: 3: Cat, Dog\nTwo: 4: Me, Cat\nThree: 2: Me, Dog\n");
  REQUIRE(board.personas.size() == 3);
  CHECK(board.personas[0].name == "Me");
  CHECK(board.personas[1].name == "Cat");
  CHECK(board.personas[2].name == "Dog");
  CHECK(WriteMermaidJourney(board) ==
        "journey\n  title journey\n  section A\n    One: 3: Cat, Dog\n    Two: 4: Me, Cat\n    Three: 2: Me, Dog\n");

  // Two tasks listing two actors in opposite orders: one order (first seen) for both, and said.
  std::vector<std::string> notices;
  const Board crossed = ReadJourney("journey\nsection A\nOne: 3: Ann, Bob\nTwo: 4: Bob, Ann\n", "x.mmd", &notices);
  CHECK(crossed.personas[0].name == "Ann");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0] ==
        "Some tasks list the same actors in different orders, so the board keeps one order for all of them.");
  CHECK(WriteMermaidJourney(crossed).find("    Two: 4: Ann, Bob\n") != std::string::npos);
}

// [SECTION] Writing

TEST_CASE("Mermaid writer: the exact text for a small board made with BoardBuilder") {
  BoardBuilder builder("Coffee: a morning; #1", "en");
  const StageId find = builder.AddStage("Find the café");
  const StageId order = builder.AddStage("Order: at the counter");
  const StageId empty = builder.AddStage("");
  builder.AddLane("Goals", LaneKind::Goals);
  const LaneId steps = builder.AddLane("Touchpoints", LaneKind::Touchpoints);
  const NoteId map = builder.AddNote(find, steps, "Map app\nshows it");
  const NoteId queue = builder.AddNote(order, steps, "Queue: 5 people; ask #2");
  const NoteId title = builder.AddNote(order, steps, "Title page of the menu");
  builder.AddNote(order, steps, "   ");  // blank: left out
  builder.AddNote(order, builder.board().lanes[0].id, "Not a task");
  const CurveId ann = builder.AddCurve(builder.AddPersona("Ann, 34"));
  const CurveId bob = builder.AddCurve(builder.AddPersona("Bob"));
  builder.AddPoint(ann, CurvePoint(find, 0.5f, 1.0f, "", map));
  builder.AddPoint(ann, CurvePoint(order, 0.3f, -0.5f, "", queue));
  builder.AddPoint(bob, CurvePoint(order, 0.3f, -0.5f, "", queue));
  builder.AddPoint(bob, CurvePoint(order, 0.6f, 0.26f, "", title));  // 3.52 rounds to 4
  const Board board = builder.Take();
  (void)empty;

  CHECK(WriteMermaidJourney(board) ==
        "journey\n"
        "  title Coffee: a morning#59; #35;1\n"
        "  section Find the café\n"
        "    Map app shows it: 5: Ann#44; 34\n"
        "  section Order#58; at the counter\n"
        "    Queue#58; 5 people#59; ask #35;2: 2: Ann#44; 34, Bob\n"
        "    #84;itle page of the menu: 4: Bob\n"
        "  section #32;\n");

  // Read back: every escaped text is what the board held (the line break became a space).
  const Board back = ReadJourney(WriteMermaidJourney(board));
  CHECK(back.meta.title == "Coffee: a morning; #1");
  CHECK(back.stages[1].name == "Order: at the counter");
  CHECK(back.stages[2].name.empty());
  CHECK(back.notes[0].text == "Map app shows it");
  CHECK(back.notes[1].text == "Queue: 5 people; ask #2");
  CHECK(back.notes[2].text == "Title page of the menu");
  CHECK(back.personas[0].name == "Ann, 34");
}

TEST_CASE("Mermaid writer: tasks that would read as keywords, comments or fences are escaped") {
  BoardBuilder builder("", "en");
  const StageId stage = builder.AddStage("S");
  const LaneId steps = builder.AddLane("Steps", LaneKind::Touchpoints);
  const std::vector<std::string> texts = {"journey planning", "title deed", "Section 3 form", "accTitle check",
                                          "accDescr{",        "%% off",     "```code",        "~~~",
                                          "Titles",           "Sections"};
  for (const std::string& text : texts) builder.AddNote(stage, steps, text);
  const Board board = builder.Take();
  const std::string written = WriteMermaidJourney(board);
  CHECK(written.rfind("journey\n  section S\n", 0) == 0);  // an untitled board has no title line
  CHECK(written.find("    #106;ourney planning: 3\n") != std::string::npos);
  CHECK(written.find("    #116;itle deed: 3\n") != std::string::npos);
  CHECK(written.find("    #37;% off: 3\n") != std::string::npos);
  CHECK(written.find("    Titles: 3\n") != std::string::npos);  // "title" then no space: not the keyword
  const Board back = ReadJourney(written);
  REQUIRE(back.notes.size() == texts.size());
  for (size_t i = 0; i < texts.size(); ++i) CHECK(back.notes[i].text == texts[i]);
  CHECK(back.stages.size() == 1);
}

TEST_CASE("Mermaid writer: a board made in the app scores every task from each as-is curve as it is drawn") {
  const Board sample = MakeBoard(Template::Sample);
  const std::string written = WriteMermaidJourney(sample);
  INFO(written);
  // The as-is curve of "Maria, 34" (the to-be curve is not an actor): Awareness 0.4 → 3.8 → 4,
  // Decision −0.2 → 2.6 → 3, Purchase's one task at the stage's middle between −0.8 and −0.4.
  CHECK(written ==
        "journey\n"
        "  title Streamly — first month of a video streaming subscription\n"
        "  section Awareness\n"
        "    Instagram ad with a free month: 4: Maria#44; 34\n"
        "    Friend's tip in a group chat: 4: Maria#44; 34\n"
        "  section Consideration\n"
        "    Landing page with catalogue preview: 3: Maria#44; 34\n"
        "    App store reviews, 4.3 stars: 3: Maria#44; 34\n"  // a comma only matters in an actor's name
        "  section Decision\n"
        "    Pricing page with three plans: 3: Maria#44; 34\n"
        "  section Purchase\n"
        "    Sign-up form and payment screen: 2: Maria#44; 34\n"
        "  section Post-purchase\n"
        "    Welcome email and TV app pairing: 4: Maria#44; 34\n");

  // Re-imported: the same sections and tasks, each scored by Maria; a second export is the same.
  const Board back = ReadJourney(written);
  REQUIRE(back.stages.size() == sample.stages.size());
  for (size_t s = 0; s < sample.stages.size(); ++s) CHECK(back.stages[s].name == sample.stages[s].name);
  std::vector<std::string> sampleTasks, backTasks;
  for (const StageSeen& stage : Seen(sample))
    for (const TaskSeen& task : stage.tasks) sampleTasks.push_back(stage.name + ": " + task.text);
  for (const StageSeen& stage : Seen(back))
    for (const TaskSeen& task : stage.tasks) {
      backTasks.push_back(stage.name + ": " + task.text);
      CHECK(task.actors == std::vector<std::string>{"Maria, 34"});
    }
  CHECK(backTasks == sampleTasks);
  CHECK(sampleTasks.size() == 7);
  CHECK(WriteMermaidJourney(back) == written);

  // The to-be curve is never an actor, even when it comes first.
  Board toBeFirst = sample;
  std::swap(toBeFirst.curves[0], toBeFirst.curves[1]);
  REQUIRE(toBeFirst.curves[0].toBe);
  CHECK(WriteMermaidJourney(toBeFirst) == written);
}

TEST_CASE(
    "Mermaid writer: points of deleted tasks are ignored, and with no touchpoints lane the first lane with notes is "
    "used") {
  Board board = ReadJourney(kWorkingDay);
  // "Do work" deleted: its points name a note that is gone, and read as no task.
  board.notes.erase(board.notes.begin() + 2);
  CHECK(WriteMermaidJourney(board) ==
        "journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me\n"
        "  section Go home\n    Go downstairs: 5: Me\n    Sit down: 5: Me\n");

  // The Steps lane turned into a custom lane: its notes are still the tasks (the first lane with notes).
  board.lanes[0].kind = LaneKind::Custom;
  CHECK(WriteMermaidJourney(board).find("    Make tea: 5: Me\n") != std::string::npos);

  // A task no actor scores gets the neutral score Mermaid needs, and no actors.
  BoardBuilder builder("T", "en");
  const StageId stage = builder.AddStage("S");
  builder.AddNote(stage, builder.AddLane("Channels", LaneKind::Touchpoints), "Call");
  CHECK(WriteMermaidJourney(builder.Take()) == "journey\n  title T\n  section S\n    Call: 3\n");
}

// [SECTION] The round trip

TEST_CASE("Mermaid round trip: import, export, import keeps sections, tasks, each task's actors in order and scores") {
  SUBCASE("the docs' working day") {
    CheckRoundTrip(kWorkingDay);
    // Written back exactly as Mermaid's docs write it.
    CHECK(WriteMermaidJourney(ReadJourney(kWorkingDay)) == kWorkingDay);
  }
  SUBCASE("the coffee order fixture") {
    CheckRoundTrip(MermaidFixture("coffee_order.mmd"));
  }
  SUBCASE("the Russian Markdown fixture") {
    CheckRoundTrip(MermaidFixture("insurance_claim_ru.md"));
  }
  SUBCASE("actors with spaces, missing scores, comments and odd indentation") {
    CheckRoundTrip(
        "%% top\njourney\n\ttitle Moving house\nPack: 2: Old Tenant\n section Move\n\t\tVan late:1:Old Tenant,  Van "
        "Driver\n"
        "   Unload: : Van Driver\n Keys: 4: New Tenant, Old Tenant\n%% end\nsection Settle\n  Wi-Fi at last\n");
  }
  SUBCASE("text with : # ; , and Cyrillic") {
    CheckRoundTrip(
        "journey\ntitle Заказ: пицца #59; ночь\nsection Шаг #35;1#58; выбор\n"
        "  Пицца #34;4 сыра#34;#58; 20%#59; скидка: 5: Клиент#44; VIP, Курьер\n"
        "  Ждать 40 мин#58;#58;: 2: Клиент#44; VIP\n");
  }
}

TEST_CASE("Mermaid round trip: an imported board saved and loaded as a .cjm file exports the same journey") {
  const Board board = ReadJourney(MermaidFixture("coffee_order.mmd"));
  LoadResult loaded = BoardFromJson(BoardToJson(board), "coffee.cjm");
  REQUIRE(std::holds_alternative<LoadedBoard>(loaded));
  const Board& back = std::get<LoadedBoard>(loaded).board;
  CHECK(std::get<LoadedBoard>(loaded).warnings.empty());
  CHECK(WriteMermaidJourney(back) == WriteMermaidJourney(board));
  CHECK(Seen(back) == Seen(board));
}
