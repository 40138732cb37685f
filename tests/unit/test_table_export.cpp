// The board as a table (core/io/table_export.h): exact CSV, TSV and Markdown for small boards.
#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/io/board_builder.h"
#include "core/io/mermaid_journey.h"
#include "core/io/table_export.h"
#include "unit/test_support.h"

using namespace jb;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// Two stages (one name holds a comma), three lanes; notes with quotes, a line break and a tab.
struct ExportBoard {
  BoardBuilder builder{"Card | journey", "en"};
  StageId aware, choice;
  LaneId goals, pains, actions;
  NoteId find, compare, form, call;

  ExportBoard() {
    aware = builder.AddStage("Awareness");
    choice = builder.AddStage("Choice, price");
    goals = builder.AddLane("Goals", LaneKind::Goals);
    pains = builder.AddLane("Pains", LaneKind::Pains);
    actions = builder.AddLane("Actions", LaneKind::Actions);
    find = builder.AddNote(aware, goals, "Find a card");
    compare = builder.AddNote(aware, goals, "Compare \"fees\"");
    form = builder.AddNote(choice, pains, "Long form\nthree\tpages");
    call = builder.AddNote(choice, actions, "Call back | fast");
  }
  Board& board() { return builder.board(); }
  Note& note(NoteId id) { return board().notes[size_t(board().NoteIndex(id))]; }
};

void AddArrow(Board& board, NoteId from, NoteId to, std::string label, ArrowHeads heads = ArrowHeads::End) {
  Arrow arrow;
  arrow.id = ArrowId(board.NewId());
  arrow.from.note = from;
  arrow.to.note = to;
  arrow.label = std::move(label);
  arrow.heads = heads;
  board.arrows.push_back(arrow);
}

// The steps a table write asks the fault hook about; the one named in `g_failStep` fails (ENOSPC).
std::vector<std::string> g_tableSteps;
const char* g_failStep = "";
int TableFault(const char* step) {
  g_tableSteps.push_back(step);
  return std::strcmp(step, g_failStep) == 0 ? ENOSPC : 0;
}

std::string Fence(const Board& board) { return "\n```mermaid\n" + WriteMermaidJourney(board) + "```\n"; }

}  // namespace

TEST_CASE("Table export: the format comes from the extension, any case, and nothing else") {
  TableFormat format = TableFormat::Mermaid;
  CHECK(TableFormatFromPath("out.csv", &format));
  CHECK(format == TableFormat::Csv);
  CHECK(TableFormatFromPath("/tmp/x.y/OUT.TSV", &format));
  CHECK(format == TableFormat::Tsv);
  CHECK(TableFormatFromPath("notes.Md", &format));
  CHECK(format == TableFormat::Markdown);
  CHECK(TableFormatFromPath("journey.mmd", &format));
  CHECK(format == TableFormat::Mermaid);
  for (const char* bad : {"out.txt", "out", "csv", "/tmp/a.csv/out", "out.csv.bak", "out.", ".csv", ""})
    CHECK_MESSAGE(!TableFormatFromPath(bad, &format), bad);
}

TEST_CASE("Table export: CSV is stages across and lanes down, quoted per RFC 4180, with a BOM and LF") {
  ExportBoard b;
  CHECK(WriteTable(b.board(), TableFormat::Csv) ==
        kBom +
            "Stages,Awareness,\"Choice, price\"\n"
            "Goals,\"• Find a card\n• Compare \"\"fees\"\"\",\n"
            "Pains,,\"Long form / three\tpages\"\n"
            "Actions,,Call back | fast\n");
}

TEST_CASE("Table export: TSV quotes cells holding tabs, line breaks and quotes as spreadsheets do") {
  ExportBoard b;
  CHECK(WriteTable(b.board(), TableFormat::Tsv) ==
        kBom +
            "Stages\tAwareness\t\"Choice, price\"\n"
            "Goals\t\"• Find a card\n• Compare \"\"fees\"\"\"\t\n"
            "Pains\t\t\"Long form / three\tpages\"\n"
            "Actions\t\tCall back | fast\n");
}

TEST_CASE("Table export: hidden stages and lanes are written, free notes are not, and a cell's notes keep board order") {
  ExportBoard b;
  b.board().stages[0].hidden = true;
  b.board().lanes[1].hidden = true;
  Note free;
  free.id = NoteId(b.board().NewId());
  free.text = "Loose idea";
  b.board().notes.insert(b.board().notes.begin(), free);
  // The second note of the Goals cell moved first in the board: the cell follows.
  std::swap(b.board().notes[1], b.board().notes[2]);
  const std::string csv = WriteTable(b.board(), TableFormat::Csv);
  CHECK(csv.find("Loose idea") == std::string::npos);
  CHECK(csv.find("Stages,Awareness,") != std::string::npos);
  CHECK(csv.find("Pains,,") != std::string::npos);
  CHECK(csv.find("\"• Compare \"\"fees\"\"\n• Find a card\"") != std::string::npos);
}

TEST_CASE("Table export: Markdown has the title, the escaped table, action items, emotions, links and the Mermaid journey") {
  ExportBoard b;
  Board& board = b.board();
  b.note(b.find).votes = 3;
  b.note(b.call).owner = "Olga";
  b.note(b.call).due = "2026-03-01";
  b.note(b.call).votes = 2;
  const NoteId late = b.builder.AddNote(b.aware, b.actions, "Fix *the* <form>");
  b.note(late).due = "2026-05-01";
  const PersonaId olga = b.builder.AddPersona("Olga");
  const CurveId asIs = b.builder.AddCurve(olga);
  b.builder.AddPoint(asIs, CurvePoint(b.aware, 0.2f, 0.5f));
  b.builder.AddPoint(asIs, CurvePoint(b.choice, 0.2f, -0.5f));
  b.builder.AddPoint(asIs, CurvePoint(b.choice, 0.8f, 0.1f));
  const CurveId toBe = b.builder.AddCurve(olga);
  board.curves.back().toBe = true;
  b.builder.AddPoint(toBe, CurvePoint(b.choice, 0.5f, 0.04f));
  b.builder.AddCurve(b.builder.AddPersona("Nobody"));  // no points: no line
  AddArrow(board, b.form, b.call, "answers");
  AddArrow(board, b.find, b.compare, "", ArrowHeads::Both);
  Arrow loose;  // a free end links nothing
  loose.id = ArrowId(board.NewId());
  loose.from.note = b.form;
  board.arrows.push_back(loose);

  const std::string expected =
      "# Card \\| journey\n"
      "\n"
      "| Stages | Awareness | Choice, price |\n"
      "| --- | --- | --- |\n"
      "| Goals | • Find a card (▲3)<br>• Compare \"fees\" | |\n"
      "| Pains | | • Long form<br>three\tpages |\n"
      "| Actions | • Fix \\*the\\* \\<form\\> | • Call back \\| fast (▲2) |\n"
      "\n"
      "## Action items\n"
      "\n"
      "- Fix \\*the\\* \\<form\\> — due 2026-05-01\n"
      "- Call back \\| fast — owner: Olga, due 2026-03-01 (overdue), ▲2\n"
      "\n"
      "## Emotions\n"
      "\n"
      "- Olga (as-is): Awareness +0.5 · Choice, price −0.2\n"
      "- Olga (to-be): Choice, price 0.0\n"
      "\n"
      "## Links\n"
      "\n"
      "- Find a card (Goals) ↔ Compare \"fees\" (Goals)\n"
      "- Long form (Pains) → Call back \\| fast (Actions): answers\n" +
      Fence(board);
  CHECK(WriteTable(board, TableFormat::Markdown, "2026-04-01") == expected);
  // Without today's date nothing is marked overdue.
  CHECK(WriteTable(board, TableFormat::Markdown).find("overdue") == std::string::npos);
}

TEST_CASE("Table export: Markdown lists free notes under Other notes and escapes backslashes") {
  BoardBuilder builder("", "en");
  const StageId s = builder.AddStage("S");
  builder.AddLane("L", LaneKind::Custom);
  Note free;
  free.id = NoteId(builder.board().NewId());
  free.text = "C:\\temp_dir\n[x]";
  free.votes = 1;
  builder.board().notes.push_back(free);
  (void)s;
  const Board& board = builder.board();
  CHECK(WriteTable(board, TableFormat::Markdown) ==
        "| Stages | S |\n| --- | --- |\n| L | |\n\n## Other notes\n\n- C:\\\\temp\\_dir / \\[x\\] (▲1)\n" +
            Fence(board));
}

TEST_CASE("Table export: a Russian board keeps its Cyrillic and labels the table and sections in Russian") {
  BoardBuilder builder("Онлайн-курс", "ru");
  const StageId search = builder.AddStage("Поиск");
  const StageId pay = builder.AddStage("Оплата");
  const LaneId pains = builder.AddLane("Боли", LaneKind::Pains);
  const LaneId tasks = builder.AddLane("Задачи", LaneKind::Actions);
  builder.AddNote(search, pains, "Не понятно, с чего начать");
  const NoteId task = builder.AddNote(pay, tasks, "Упростить оплату");
  Board& board = builder.board();
  board.notes[size_t(board.NoteIndex(task))].owner = "Ольга";
  board.notes[size_t(board.NoteIndex(task))].due = "2026-01-10";
  const CurveId curve = builder.AddCurve(builder.AddPersona("Анна"));
  builder.AddPoint(curve, CurvePoint(search, 0.5f, -0.75f));

  CHECK(WriteTable(board, TableFormat::Csv) ==
        kBom + "Этапы,Поиск,Оплата\nБоли,\"Не понятно, с чего начать\",\nЗадачи,,Упростить оплату\n");
  CHECK(WriteTable(board, TableFormat::Tsv) ==
        kBom + "Этапы\tПоиск\tОплата\nБоли\t\"Не понятно, с чего начать\"\t\nЗадачи\t\tУпростить оплату\n");
  CHECK(WriteTable(board, TableFormat::Markdown, "2026-02-01") ==
        "# Онлайн-курс\n\n"
        "| Этапы | Поиск | Оплата |\n| --- | --- | --- |\n"
        "| Боли | • Не понятно, с чего начать | |\n"
        "| Задачи | | • Упростить оплату |\n"
        "\n## Задачи\n\n- Упростить оплату — ответственный: Ольга, срок 2026-01-10 (просрочено)\n"
        "\n## Эмоции\n\n- Анна (как есть): Поиск −0.8\n" +
            Fence(board));
}

TEST_CASE("Table export: an empty board is a header alone, and Mermaid is the Mermaid writer's text") {
  BoardBuilder builder("", "en");
  const Board& board = builder.board();
  CHECK(WriteTable(board, TableFormat::Csv) == kBom + "Stages\n");
  CHECK(WriteTable(board, TableFormat::Tsv) == kBom + "Stages\n");
  CHECK(WriteTable(board, TableFormat::Markdown) == "| Stages |\n| --- |\n" + Fence(board));
  CHECK(WriteTable(board, TableFormat::Mermaid) == WriteMermaidJourney(board));

  ExportBoard b;
  CHECK(WriteTable(b.board(), TableFormat::Mermaid) == WriteMermaidJourney(b.board()));
  const std::string md = WriteTable(b.board(), TableFormat::Markdown);
  CHECK(md.find("```mermaid\n" + WriteMermaidJourney(b.board()) + "```\n") != std::string::npos);
}

TEST_CASE("Table export: the file is written durably (synced, renamed) and a failed write leaves the old file whole") {
  jb::test::TempDir dir;
  const std::string path = dir.File("map.md");
  jb::test::WriteFile(path, "the old table");
  ExportBoard b;
  g_tableSteps.clear();
  SaveError error;
  SetSaveFaultHookForTesting(&TableFault);
  for (const char* step : {"write", "fsync", "rename"}) {
    CAPTURE(step);
    g_failStep = step;
    error.message.clear();
    CHECK_FALSE(WriteTableFile(b.board(), TableFormat::Markdown, path, "", &error));
    CHECK(error.message == "Cannot write " + path + ": the disk is full.");
    CHECK(jb::test::ReadFile(path) == "the old table");
  }
  g_failStep = "";
  g_tableSteps.clear();
  CHECK(WriteTableFile(b.board(), TableFormat::Csv, path, "", &error));
  SetSaveFaultHookForTesting(nullptr);
  CHECK(jb::test::ReadFile(path) == WriteTable(b.board(), TableFormat::Csv));
  CHECK(g_tableSteps == std::vector<std::string>{"create", "write", "fsync", "rename", "fsync folder"});
  CHECK(!std::filesystem::exists(path + ".bak"));  // no backup copy of a table
  CHECK_FALSE(WriteTableFile(b.board(), TableFormat::Csv, dir.File("no/such/folder.csv"), "", &error));
  CHECK(error.message.rfind("Cannot write " + dir.File("no/such/folder.csv") + ": ", 0) == 0);
}
