// Tables in (core/io/table_import.h): separators, quoting, cells' items, lane kinds, the bad-table
// messages, and the realistic fixtures under tests/fixtures/tables/.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/io/table_import.h"
#include "core/io/templates.h"
#include "core/model/limits.h"

using namespace jb;

namespace {

std::string TableFixture(const std::string& name) {
  std::ifstream in(std::string(JB_FIXTURES_DIR) + "/tables/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

using Items = std::vector<std::string>;

std::vector<TableRow> Parse(std::string_view text, char separator) {
  std::vector<TableRow> rows;
  std::string error;
  REQUIRE_MESSAGE(ParseDelimited(text, separator, &rows, &error), error);
  return rows;
}

bool Import(std::string_view text, TableImport* out, std::string* error, const std::string& fileName = "journey.csv",
            const std::string& title = "") {
  return ImportTable(text, TableImportOptions{title, fileName}, out, error);
}

std::string ImportError(std::string_view text, const std::string& fileName = "journey.csv") {
  TableImport out;
  std::string error;
  CHECK_FALSE(Import(text, &out, &error, fileName));
  CHECK(out.board.stages.empty());
  return error;
}

// The notes of one cell, in order.
Items CellNotes(const Board& board, size_t stage, size_t lane) {
  Items texts;
  for (const Note& note : board.notes)
    if (note.stage == board.stages.at(stage).id && note.lane == board.lanes.at(lane).id) texts.push_back(note.text);
  return texts;
}

std::vector<std::string> Names(const std::vector<Stage>& stages) {
  std::vector<std::string> names;
  for (const Stage& s : stages) names.push_back(s.name);
  return names;
}

}  // namespace

TEST_CASE("table import: RFC 4180 quoting keeps commas, doubled quotes and line breaks in one cell") {
  const auto rows = Parse("a,\"b, c\",\"say \"\"hi\"\"\",\"one\ntwo\"\r\nx,y\r\n", ',');
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == Items{"a", "b, c", "say \"hi\"", "one\ntwo"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].cells == Items{"x", "y"});
  CHECK(rows[1].line == 3);  // the quoted line break counts
  // Spaces before an opening quote, text after a closing one, a quote inside a plain cell.
  CHECK(Parse("a, \"b, c\",\"d\"e,f\"g\n", ',')[0].cells == Items{"a", "b, c", "de", "f\"g"});
}

TEST_CASE("table import: TSV as spreadsheets write it, with quoted multi-line cells") {
  const auto rows = Parse("Stages\tA\tB\nGoals\t\"first\nsecond\"\tplain, with comma\n", '\t');
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Items{"Goals", "first\nsecond", "plain, with comma"});
}

TEST_CASE("table import: semicolon CSV, blank rows, lone CR and trailing empty cells") {
  const auto rows = Parse("Stages;A;B;;\r\rGoals;\"x; y\";z\rPains;;w", ';');
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells == Items{"Stages", "A", "B"});
  CHECK(rows[1].cells == Items{"Goals", "x; y", "z"});
  CHECK(rows[1].line == 3);
  CHECK(rows[2].cells == Items{"Pains", "", "w"});
}

TEST_CASE("table import: an unterminated quote names the line it starts on") {
  std::vector<TableRow> rows;
  std::string error;
  CHECK_FALSE(ParseDelimited("Stages,A\nGoals,x\nPains,\"never closed\nmore\n", ',', &rows, &error));
  CHECK(error == "Line 3 opens a quoted cell that is never closed; add the closing quote (\") or remove the opening one.");
  CHECK(ImportError("Stages,A\nGoals,\"open") ==
        "Line 2 opens a quoted cell that is never closed; add the closing quote (\") or remove the opening one.");
}

TEST_CASE("table import: each item separator") {
  CHECK(SplitCellItems("one\ntwo\n\nthree") == Items{"one", "two", "three"});
  CHECK(SplitCellItems("• A• B• C") == Items{"A", "B", "C"});
  CHECK(SplitCellItems("◦ A ◦ B") == Items{"A", "B"});
  CHECK(SplitCellItems("▪ A▪ B") == Items{"A", "B"});
  CHECK(SplitCellItems("- A\n- B") == Items{"A", "B"});
  CHECK(SplitCellItems("- A - B - C") == Items{"A", "B", "C"});
  CHECK(SplitCellItems("* A * B") == Items{"A", "B"});
  CHECK(SplitCellItems("– A\n– B") == Items{"A", "B"});
  CHECK(SplitCellItems("1. A\n2. B") == Items{"A", "B"});
  CHECK(SplitCellItems("1) A 2) B 3) C") == Items{"A", "B", "C"});
  CHECK(SplitCellItems("1. Open 1.5 hours 2. Close") == Items{"Open 1.5 hours", "Close"});
  // Only the next number goes on: "floor 3." is text.
  CHECK(SplitCellItems("1. Go to floor 3. Take the lift 2. Pay") == Items{"Go to floor 3. Take the lift", "Pay"});
  // One sentence stays one item: hyphens, dashes, numbers and commas inside it.
  CHECK(SplitCellItems("Send the e-mail - then wait, 1.5 days") == Items{"Send the e-mail - then wait, 1.5 days"});
  CHECK(SplitCellItems("Step 1. Read the terms") == Items{"Step 1. Read the terms"});
  CHECK(SplitCellItems("-5% fee") == Items{"-5% fee"});
  CHECK(SplitCellItems("Платёж — в два клика") == Items{"Платёж — в два клика"});
  CHECK(SplitCellItems("   ").empty());
  CHECK(SplitCellItems("").empty());
}

TEST_CASE("table import: HTML lists, breaks and paragraphs are items, other tags go but their text stays") {
  CHECK(SplitCellItems("<ul class=\"list\" data-x='a>b'><li>One</li><li>Two</li></ul>") == Items{"One", "Two"});
  CHECK(SplitCellItems("<ol start=\"3\">\n  <li>One\n  more</li>\n  <li>Two</li>\n</ol>") == Items{"One more", "Two"});
  CHECK(SplitCellItems("A<br>B<br/>C<BR />D") == Items{"A", "B", "C", "D"});
  CHECK(SplitCellItems("<p>A</p><p>B</p>") == Items{"A", "B"});
  CHECK(SplitCellItems("<i>Where do I even start?</i>") == Items{"Where do I even start?"});
  CHECK(SplitCellItems("<span style=\"color:red\">Too <b>many</b> fees</span><!-- note -->") == Items{"Too many fees"});
  // After the HTML is flattened, bullets still split.
  CHECK(SplitCellItems("<div>• A• B</div>") == Items{"A", "B"});
  // Not tags: a comparison, a heart, an escaped tag.
  CHECK(SplitCellItems("a < b and <3") == Items{"a < b and <3"});
  CHECK(SplitCellItems("&lt;script&gt;alert(1)&lt;/script&gt;") == Items{"<script>alert(1)</script>"});
}

TEST_CASE("table import: every entity is decoded and white space tidied") {
  CHECK(SplitCellItems("A &amp; B &lt; C &gt; D") == Items{"A & B < C > D"});
  CHECK(SplitCellItems("&quot;x&quot; &#39;y&#39; &apos;z&apos;") == Items{"\"x\" 'y' 'z'"});
  CHECK(SplitCellItems("a&nbsp;&nbsp;b") == Items{"a b"});
  CHECK(SplitCellItems("&#1055;&#x440;&#X438;") == Items{"При"});
  CHECK(SplitCellItems("a&mdash;b&ndash;c") == Items{"a—b–c"});
  CHECK(SplitCellItems("&laquo;Да&raquo;&hellip;") == Items{"«Да»…"});
  CHECK(SplitCellItems("&lsquo;a&rsquo; &ldquo;b&rdquo;") == Items{"‘a’ “b”"});
  CHECK(SplitCellItems("&#0;x &#xD800;y") == Items{"\xEF\xBF\xBDx \xEF\xBF\xBDy"});
  CHECK(SplitCellItems("AT&T &unknown; &") == Items{"AT&T &unknown; &"});
  CHECK(SplitCellItems(" \t many   spaces\u00a0here \t") == Items{"many spaces here"});
}

TEST_CASE("table import: lane kinds from names in English and Russian") {
  struct Case {
    const char* name;
    LaneKind kind;
  };
  const Case cases[] = {
      {"Goals", LaneKind::Goals},
      {"Customer goals", LaneKind::Goals},
      {"ЦЕЛИ", LaneKind::Goals},
      {"Цели клиента", LaneKind::Goals},
      {"Задачи клиента", LaneKind::Goals},
      {"Questions", LaneKind::Questions},
      {"Вопросы", LaneKind::Questions},
      {"Touchpoints", LaneKind::Touchpoints},
      {"Touch points", LaneKind::Touchpoints},
      {"Channels", LaneKind::Touchpoints},
      {"Точки соприкосновения", LaneKind::Touchpoints},
      {"Точки контакта", LaneKind::Touchpoints},
      {"Каналы", LaneKind::Touchpoints},
      {"Customer actions", LaneKind::Touchpoints},
      {"Doing", LaneKind::Touchpoints},
      {"Действия клиента", LaneKind::Touchpoints},
      {"Emotions", LaneKind::Emotions},
      {"Feelings", LaneKind::Emotions},
      {"Эмоции", LaneKind::Emotions},
      {"Что чувствует", LaneKind::Emotions},
      {"Pain points", LaneKind::Pains},
      {"Боли", LaneKind::Pains},
      {"Болевые точки", LaneKind::Pains},
      {"Барьеры", LaneKind::Pains},
      {"Проблемы", LaneKind::Pains},
      {"Moments of delight", LaneKind::Delights},
      {"Joy", LaneKind::Delights},
      {"WOW-моменты", LaneKind::Delights},
      {"Радость", LaneKind::Delights},
      {"Восторг", LaneKind::Delights},
      {"Solutions", LaneKind::Solutions},
      {"Ideas", LaneKind::Solutions},
      {"Opportunities", LaneKind::Solutions},
      {"Решения", LaneKind::Solutions},
      {"Идеи", LaneKind::Solutions},
      {"Возможности", LaneKind::Solutions},
      {"Action items", LaneKind::Actions},
      {"Tasks", LaneKind::Actions},
      {"To do", LaneKind::Actions},
      {"Задачи", LaneKind::Actions},
      {"Действия", LaneKind::Actions},
      {"Metrics", LaneKind::Metrics},
      {"KPI", LaneKind::Metrics},
      {"Метрики", LaneKind::Metrics},
      {"Touchpoint metrics", LaneKind::Metrics},
      {"Thoughts", LaneKind::Custom},
      {"Видео", LaneKind::Custom},
      {"Spain", LaneKind::Custom},
      {"", LaneKind::Custom},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(GuessLaneKind(c.name) == c.kind);
  }
}

TEST_CASE("table import: the lanes of every template and every kind's label guess back to their kind") {
  // What a board exported as a table brings back: its lanes' kinds from their names.
  for (const TemplateInfo& info : Templates()) {
    const Board board = MakeBoard(info.id);
    for (const Lane& lane : board.lanes) {
      CAPTURE(lane.name);
      CHECK(GuessLaneKind(lane.name) == lane.kind);
    }
  }
  for (int k = 0; k < kLaneKindCount; ++k) {
    CAPTURE(LaneKindLabel(LaneKind(k)));
    CHECK(GuessLaneKind(LaneKindLabel(LaneKind(k))) == LaneKind(k));
  }
}

TEST_CASE("table import: a tab-separated table is told from other clipboard text") {
  CHECK(LooksLikeTable("Stages\tA\tB\nGoals\tx\ty\n"));
  CHECK(LooksLikeTable("\xEF\xBB\xBFStages\tA\r\n\r\nGoals\tx"));
  CHECK_FALSE(LooksLikeTable("Stages\tA\tB\n"));        // one row
  CHECK_FALSE(LooksLikeTable("Stages,A,B\nGoals,x,y"));  // not tab-separated
  CHECK_FALSE(LooksLikeTable("Stages\t\nGoals\tx"));     // no stage name
  CHECK_FALSE(LooksLikeTable("just a sentence\nand another"));
  CHECK_FALSE(LooksLikeTable(""));
}

TEST_CASE("table import: a small table builds stages, lanes and notes in order") {
  TableImport out;
  std::string error;
  // A BOM, CRLF, a lane with no name, a short row, a blank row.
  REQUIRE_MESSAGE(Import("\xEF\xBB\xBFStages,Look,Buy,Use,,\r\nPains,\"• slow• dear\",,x\r\n\r\n,a\r\nIdeas,,b\r\n", &out, &error,
                         "/tmp/My map.csv"),
                  error);
  const Board& board = out.board;
  CHECK(board.meta.title == "My map");
  CHECK(board.meta.language == "en");
  CHECK(Names(board.stages) == Items{"Look", "Buy", "Use"});
  REQUIRE(board.lanes.size() == 3);
  CHECK(board.lanes[0].name == "Pains");
  CHECK(board.lanes[0].kind == LaneKind::Pains);
  CHECK(board.lanes[1].name == "Lane 2");
  CHECK(board.lanes[1].kind == LaneKind::Custom);
  CHECK(board.lanes[2].kind == LaneKind::Solutions);
  CHECK(CellNotes(board, 0, 0) == Items{"slow", "dear"});
  CHECK(CellNotes(board, 2, 0) == Items{"x"});
  CHECK(CellNotes(board, 0, 1) == Items{"a"});
  CHECK(CellNotes(board, 1, 2) == Items{"b"});
  CHECK(board.notes.size() == 5);
  for (const Note& note : board.notes) CHECK(note.color == 0);
  CHECK(out.notices == Items{"1 row had no lane name and was named by its place (\"Lane 2\")."});
  // The title given wins; an unnamed middle stage is named by its place.
  REQUIRE(Import("Этапы;Поиск;;Покупка\nЦели;а;б;в\n", &out, &error, "", "Мой путь"));
  CHECK(out.board.meta.title == "Мой путь");
  CHECK(out.board.meta.language == "ru");
  CHECK(Names(out.board.stages) == Items{"Поиск", "Этап 2", "Покупка"});
  CHECK(out.notices == Items{"1 stage had no name in the header and was named by its place (\"Этап 2\")."});
  REQUIRE(Import("Stages\tA\nGoals\tx\n", &out, &error, ""));
  CHECK(out.board.meta.title == "Pasted journey");
  REQUIRE(Import("Stages\tA\nGoals\tx\n", &out, &error, "/tmp/"));
  CHECK(out.board.meta.title == "Imported journey");
}

TEST_CASE("table import: the separator is guessed from the header, outside quotes") {
  TableImport out;
  std::string error;
  // Commas inside a quoted stage name do not make it a comma table.
  REQUIRE(Import("Stages;\"Look, compare\";Buy\nGoals;a, b;c\n", &out, &error));
  CHECK(Names(out.board.stages) == Items{"Look, compare", "Buy"});
  CHECK(CellNotes(out.board, 0, 0) == Items{"a, b"});
  // A tab beats semicolons and commas.
  REQUIRE(Import("Stages\tA;B\tC,D\nGoals\tx\ty\n", &out, &error));
  CHECK(Names(out.board.stages) == Items{"A;B", "C,D"});
  // .tsv says tab even when the header holds none.
  CHECK(ImportError("Stages,A\nGoals,x\n", "t.tsv").rfind("Line 1 names no stages", 0) == 0);
}

TEST_CASE("table import: a Markdown pipe table, in a .md file among prose or alone") {
  TableImport out;
  std::string error;
  REQUIRE_MESSAGE(Import("# Journey\n\nSome text, with commas.\n\n| Stages | Look | Buy |\n|---|:---:|--:|\n"
                         "| Pains | • slow<br>• dear | a \\| b |\n|  |  |  |\n| Ideas | | x |\n\nAfter the table | not a row\n",
                         &out, &error, "notes.md"),
                  error);
  CHECK(Names(out.board.stages) == Items{"Look", "Buy"});
  REQUIRE(out.board.lanes.size() == 2);
  CHECK(CellNotes(out.board, 0, 0) == Items{"slow", "dear"});
  CHECK(CellNotes(out.board, 1, 0) == Items{"a | b"});
  CHECK(CellNotes(out.board, 1, 1) == Items{"x"});
  REQUIRE(Import("| Stages | A |\n| --- | --- |\n| Goals | g |", &out, &error, "t.txt"));
  CHECK(Names(out.board.stages) == Items{"A"});
  CHECK(CellNotes(out.board, 0, 0) == Items{"g"});
  // A .md file with a tab-separated table is read as one.
  REQUIRE(Import("Stages\tA\nGoals\tg\n", &out, &error, "t.md"));
  CHECK(Names(out.board.stages) == Items{"A"});
  CHECK(ImportError("| Stages | A |\n| Goals | 1 | 2 |\n", "t.md") ==
        "Line 2 has 3 cells but the header names 1 stage; give every column a stage name.");
}

TEST_CASE("table import: an emotions row becomes curve points of the customer") {
  TableImport out;
  std::string error;
  REQUIRE(Import("Stages,A,B,C,D,E,F\nEmotions,+2 calm,-1,4/5 ok,😞 lost,no score,\nGoals,g\n", &out, &error));
  const Board& board = out.board;
  REQUIRE(board.lanes.size() == 2);
  CHECK(board.lanes[0].kind == LaneKind::Emotions);
  CHECK(CellNotes(board, 0, 0).empty());
  REQUIRE(board.personas.size() == 1);
  CHECK(board.personas[0].name == "Customer");
  REQUIRE(board.curves.size() == 1);
  const EmotionCurve& curve = board.curves[0];
  CHECK(curve.persona == board.personas[0].id);
  CHECK_FALSE(curve.toBe);
  REQUIRE(curve.points.size() == 5);
  CHECK(curve.points[0].stage == board.stages[0].id);
  CHECK(curve.points[0].t == doctest::Approx(0.5));
  CHECK(curve.points[0].value == doctest::Approx(1.0));
  CHECK(curve.points[0].label == "calm");
  CHECK(curve.points[1].value == doctest::Approx(-0.5));
  CHECK(curve.points[1].label == "");
  CHECK(curve.points[2].value == doctest::Approx(0.5));
  CHECK(curve.points[2].label == "ok");
  CHECK(curve.points[3].value == doctest::Approx(-1.0));
  CHECK(curve.points[3].label == "😞 lost");
  CHECK(curve.points[4].value == doctest::Approx(0.0));
  CHECK(curve.points[4].label == "no score");
  CHECK(curve.points[4].stage == board.stages[4].id);
  // Russian: "3 из 5", words, the persona in the board's language.
  REQUIRE(Import("Этапы;А;Б;В\nЭмоции;3 из 5;негатив;позитивно\n", &out, &error));
  REQUIRE(out.board.curves.size() == 1);
  CHECK(out.board.personas[0].name == "Клиент");
  CHECK(out.board.curves[0].points[0].value == doctest::Approx(0.0));
  CHECK(out.board.curves[0].points[1].value == doctest::Approx(-0.5));
  CHECK(out.board.curves[0].points[2].value == doctest::Approx(0.5));
  // A number too large to be a score is text (found by fuzzing: it made the value NaN).
  REQUIRE(Import("Stages,A\nEmotions,+" + std::string(120, '2') + " wow\n", &out, &error));
  CHECK(out.board.curves[0].points[0].value == doctest::Approx(0.0));
  CHECK(out.board.curves[0].points[0].label == "+" + std::string(120, '2') + " wow");
  // A row of ±1 is on the usual −2..+2 scale, not stretched to ±1.
  REQUIRE(Import("Stages,A,B\nFeelings,+1,-1\n", &out, &error));
  REQUIRE(out.board.curves.size() == 1);
  CHECK(out.board.curves[0].points[0].value == doctest::Approx(0.5));
  CHECK(out.board.curves[0].points[1].value == doctest::Approx(-0.5));
}

TEST_CASE("table import: every bad table gets one sentence and no board") {
  CHECK(ImportError("", "t.csv") == "t.csv is empty.");
  CHECK(ImportError("\xEF\xBB\xBF \r\n\r\n\t\n", "t.csv") == "t.csv is empty.");
  CHECK(ImportError("Stages\nGoals\n") ==
        "Line 1 names no stages: the first row must hold a label, then one stage name per column, separated by tabs, commas or semicolons.");
  CHECK(ImportError("\nStages,,,\nGoals,x\n").rfind("Line 2 names no stages", 0) == 0);
  CHECK(ImportError(std::string("Stages,A\nGo\0als,x\n", 18), "t.csv") == "t.csv is not a text table (it holds binary data).");
  CHECK(ImportError("\x01\x02\x03\x04Stages,A\n") == "journey.csv is not a text table (it holds binary data).");
  // One NUL anywhere is binary, however much text is around it; a stray control character is not.
  std::string rows = "Stages,A\n";
  for (int r = 0; r < 200; ++r) rows += "Goals,x\n";
  CHECK(ImportError(rows + std::string(1, '\0'), "t.csv") == "t.csv is not a text table (it holds binary data).");
  TableImport stray;
  std::string strayError;
  CHECK(Import(rows + "\x01", &stray, &strayError));
  CHECK(ImportError("Stages,A\nGoals,caf\xE9\n", "t.csv") ==
        "t.csv is not UTF-8 text; save the table as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again.");
  CHECK(ImportError("\xFF\xFES\0t\0", "t.txt") ==
        "t.txt is UTF-16 text; save the table as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again.");
  CHECK(ImportError("Stages,A,B,C,D\nGoals,1,2,3,4\n\n\nPains,1,2,3,4,5,,\n") ==
        "Line 5 has 6 cells but the header names 4 stages; give every column a stage name.");
  CHECK(ImportError("Stages,A\nGoals,x\nPains,\"a\nb\",c\n") == "Line 3 has 3 cells but the header names 1 stage; give every column a stage name.");
  CHECK(ImportError("just some words", "notes.md") == "notes.md holds neither a Mermaid journey nor a table.");
  CHECK(ImportError("\xEF\xBB\xBF{\n  \"format\": \"journeyboard\",\n  \"formatVersion\": 4,\n  \"board\": {}\n}\n", "map.cjm") ==
        "map.cjm is a Journeyboard board, not a table: open it as a board instead.");
  CHECK(ImportError("{\"format\":\"journeyboard\"}", "map.txt") ==
        "map.txt is a Journeyboard board, not a table: open it as a board instead.");

  std::string wide = "Stages";
  for (size_t c = 0; c < kMaxTableColumns; ++c) wide += ",S";
  CHECK(ImportError(wide + "\nGoals,x\n") == "Line 1 has more than 1,000 columns; a table may have at most 1,000.");
  // Trailing empty cells do not count.
  std::string trailing = "Stages,A" + std::string(5000, ',') + "\nGoals,x\n";
  TableImport ok;
  std::string error;
  CHECK(Import(trailing, &ok, &error));

  std::string tall = "Stages,A\n";
  for (size_t r = 0; r < kMaxTableRows; ++r) tall += "x\n";
  CHECK(ImportError(tall) == "The table has more than 100,000 rows (line 100001 is past that); split it into smaller tables.");
  std::string lanes = "Stages,A\n";
  for (size_t r = 0; r <= kMaxLanes; ++r) lanes += "x\n";
  CHECK(ImportError(lanes) == "The table has 1001 rows of lanes; a board holds at most 1,000 lanes.");
}

TEST_CASE("table import: items over a board's notes are left out and said") {
  std::string many = "Stages,A\nGoals,\"";
  for (size_t i = 0; i <= kMaxNotes; ++i) many += "x\n";
  TableImport out;
  std::string error;
  REQUIRE(Import(many + "\"\n", &out, &error));
  CHECK(out.board.notes.size() == kMaxNotes);
  CHECK(out.notices == Items{"1 item was left out: a board holds at most 200,000 notes."});
}

TEST_CASE("table import: long texts are cut and said once, broken characters repaired") {
  TableImport out;
  std::string error;
  const std::string longText(kMaxTextChars + 10, 'x');
  REQUIRE(Import("Stages,A,B\nGoals," + longText + "," + longText + "\nPains,a\x01" "b\n", &out, &error));
  CHECK(out.board.notes.size() == 3);
  CHECK(out.board.notes[0].text.size() == kMaxTextChars);
  CHECK(out.board.notes[2].text == "ab");
  CHECK(out.notices == Items{"1 text held control characters or broken UTF-8, which were removed.",
                             "2 texts were cut to 20,000 characters."});
}

TEST_CASE("table import: an online-course journey in Russian (TSV with HTML)") {
  TableImport out;
  std::string error;
  REQUIRE_MESSAGE(Import(TableFixture("online_course_ru.tsv"), &out, &error, "tables/online_course_ru.tsv"), error);
  const Board& board = out.board;
  CHECK(out.notices.empty());
  CHECK(board.meta.title == "online_course_ru");
  CHECK(board.meta.language == "ru");
  CHECK(Names(board.stages) == Items{"Поиск курса", "Выбор и оплата", "Первые уроки", "Учёба в середине курса",
                                     "Итоговый проект", "После курса"});
  const LaneKind kinds[] = {LaneKind::Goals,    LaneKind::Touchpoints, LaneKind::Touchpoints, LaneKind::Questions,
                            LaneKind::Emotions, LaneKind::Pains,       LaneKind::Solutions,   LaneKind::Metrics};
  REQUIRE(board.lanes.size() == 8);
  for (size_t l = 0; l < 8; ++l) CHECK(board.lanes[l].kind == kinds[l]);
  CHECK(board.lanes[1].name == "Действия клиента");
  CHECK(board.notes.size() == 48);
  CHECK(CellNotes(board, 0, 0) == Items{"Сменить профессию за год", "Понять, с чего начать"});
  CHECK(CellNotes(board, 2, 0) == Items{"Не отстать от группы", "Разобраться в теме"});
  CHECK(CellNotes(board, 3, 0) == Items{"Совмещать учёбу и работу", "Сдавать задания вовремя"});
  CHECK(CellNotes(board, 5, 0) == Items{"Найти первую работу", "Получить сертификат"});
  CHECK(CellNotes(board, 0, 1) == Items{"Ищет отзывы", "Сравнивает программы"});
  CHECK(CellNotes(board, 2, 1) == Items{"Смотрит видео", "Делает первое задание"});
  CHECK(CellNotes(board, 1, 2) == Items{"Менеджер по телефону", "Договор на e-mail"});
  CHECK(CellNotes(board, 0, 3) == Items{"С чего вообще начать?"});
  CHECK(CellNotes(board, 1, 3) == Items{"«А если не получится?»"});
  CHECK(CellNotes(board, 1, 5) == Items{"Дорогая программа", "Скрытые платежи & комиссии"});
  CHECK(CellNotes(board, 2, 6) == Items{"Готовая среда в браузере", "Видео-разбор первого задания"});
  REQUIRE(board.curves.size() == 1);
  CHECK(board.personas.at(0).name == "Клиент");
  const auto& points = board.curves[0].points;
  REQUIRE(points.size() == 6);
  const float values[] = {0.5f, -0.5f, 1, -1, 0.5f, 1};
  for (size_t p = 0; p < 6; ++p) CHECK(points[p].value == doctest::Approx(values[p]));
  CHECK(points[1].label == "тревога");
  CHECK(points[5].label == "😀 нашёл работу");
}

TEST_CASE("table import: a bank-card journey in English (RFC 4180 CSV with a BOM and CRLF)") {
  TableImport out;
  std::string error;
  REQUIRE_MESSAGE(Import(TableFixture("bank_card_en.csv"), &out, &error, "bank_card_en.csv", "Debit card"), error);
  const Board& board = out.board;
  CHECK(board.meta.title == "Debit card");
  CHECK(board.meta.language == "en");
  CHECK(Names(board.stages) == Items{"Awareness", "Application", "Approval", "Card delivery", "First use", "Everyday use"});
  const LaneKind kinds[] = {LaneKind::Goals, LaneKind::Touchpoints, LaneKind::Touchpoints, LaneKind::Emotions,
                            LaneKind::Pains, LaneKind::Solutions,   LaneKind::Actions,     LaneKind::Metrics};
  REQUIRE(board.lanes.size() == 8);
  for (size_t l = 0; l < 8; ++l) CHECK(board.lanes[l].kind == kinds[l]);
  CHECK(board.notes.size() == 41);
  CHECK(CellNotes(board, 2, 0) == Items{"Know if I'm approved, fast"});
  CHECK(CellNotes(board, 5, 0) == Items{"Track spending", "Avoid overdraft fees"});
  CHECK(CellNotes(board, 0, 1) == Items{"Compares banks on a review site, reads \"no hidden fees\" claims"});
  CHECK(CellNotes(board, 1, 1) == Items{"Fills in the online form", "Uploads an ID photo"});
  CHECK(CellNotes(board, 1, 4) == Items{"ID photo rejected: \"glare on the document\""});
  CHECK(CellNotes(board, 1, 6) == Items{"Fix ID upload on Android - owner: Mobile team"});
  CHECK(CellNotes(board, 0, 7) == Items{"Click-through to application 4.5%"});
  REQUIRE(board.curves.size() == 1);
  const auto& points = board.curves[0].points;
  REQUIRE(points.size() == 6);
  const float values[] = {0.5f, -0.5f, 0, -1, 1, 0.5f};
  for (size_t p = 0; p < 6; ++p) CHECK(points[p].value == doctest::Approx(values[p]));
  CHECK(points[3].label == "courier missed me");
}

TEST_CASE("table import: a short semicolon CSV as European spreadsheets write it") {
  TableImport out;
  std::string error;
  REQUIRE_MESSAGE(Import(TableFixture("bank_card_semicolon.csv"), &out, &error, "bank_card_semicolon.csv"), error);
  const Board& board = out.board;
  CHECK(Names(board.stages) == Items{"Awareness", "Application", "First use"});
  REQUIRE(board.lanes.size() == 3);
  CHECK(board.lanes[1].kind == LaneKind::Pains);
  CHECK(board.lanes[2].kind == LaneKind::Solutions);
  CHECK(board.notes.size() == 9);
  CHECK(CellNotes(board, 1, 0) == Items{"Apply fast; no paperwork"});
  CHECK(CellNotes(board, 0, 1) == Items{"Fees are hard to compare", "No clear tariff page"});
  CHECK(CellNotes(board, 0, 2) == Items{"Fee calculator, on the landing page"});
}
