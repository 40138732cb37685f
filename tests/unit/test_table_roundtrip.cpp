// Export then import (core/io/table_export.h → core/io/table_import.h): CSV and TSV come back as
// the same stages, lanes (names and kinds) and per-cell note texts. Registered in
// tests/CMakeLists.txt once the table reader is merged.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/io/board_builder.h"
#include "core/io/table_export.h"
#include "core/io/table_import.h"
#include "core/io/templates.h"

using namespace jb;

namespace {

// What a table holds of a board: stage names, lane names and kinds, and each cell's note texts
// in order (by stage and lane position, so boards with different ids compare).
struct TableShape {
  std::vector<std::string> stages;
  std::vector<std::pair<std::string, LaneKind>> lanes;
  std::vector<std::vector<std::vector<std::string>>> cells;  // [lane][stage] → texts
};

TableShape ShapeOf(const Board& board) {
  TableShape shape;
  for (const Stage& stage : board.stages) shape.stages.push_back(stage.name);
  for (const Lane& lane : board.lanes) {
    shape.lanes.emplace_back(lane.name, lane.kind);
    std::vector<std::vector<std::string>> row;
    for (const Stage& stage : board.stages) {
      std::vector<std::string> texts;
      for (const Note& note : board.notes)
        if (note.stage == stage.id && note.lane == lane.id) texts.push_back(note.text);
      row.push_back(texts);
    }
    shape.cells.push_back(row);
  }
  return shape;
}

void CheckRoundTrip(const Board& board, TableFormat format, const char* fileName) {
  const std::string bytes = WriteTable(board, format);
  TableImport imported;
  std::string error;
  REQUIRE_MESSAGE(ImportTable(bytes, TableImportOptions{board.meta.title, fileName}, &imported, &error), error);
  const TableShape want = ShapeOf(board), got = ShapeOf(imported.board);
  CHECK(got.stages == want.stages);
  REQUIRE(got.lanes.size() == want.lanes.size());
  for (size_t i = 0; i < want.lanes.size(); ++i) {
    CAPTURE(want.lanes[i].first);
    CHECK(got.lanes[i].first == want.lanes[i].first);
    CHECK(int(got.lanes[i].second) == int(want.lanes[i].second));
    CHECK(got.cells[i] == want.cells[i]);
  }
  CHECK(imported.board.meta.title == board.meta.title);
}

Board RussianBoard() {
  BoardBuilder builder("Онлайн-курс по дизайну", "ru");
  const StageId search = builder.AddStage("Поиск курса");
  const StageId pay = builder.AddStage("Оплата");
  const StageId study = builder.AddStage("Обучение");
  const LaneId goals = builder.AddLane("Цель", LaneKind::Goals);
  const LaneId questions = builder.AddLane("Вопросы", LaneKind::Questions);
  const LaneId pains = builder.AddLane("Боли", LaneKind::Pains);
  builder.AddLane("Эмоции", LaneKind::Emotions);
  const LaneId ideas = builder.AddLane("Решения", LaneKind::Solutions);
  builder.AddNote(search, goals, "Найти курс с наставником");
  builder.AddNote(search, goals, "Понять, сколько это стоит");
  builder.AddNote(pay, questions, "Можно ли платить частями?");
  builder.AddNote(study, pains, "Домашние задания проверяют \"через неделю\"");
  builder.AddNote(study, pains, "Нет обратной связи; чат молчит");
  builder.AddNote(pay, ideas, "Рассрочка без переплаты");
  return builder.Take();
}

}  // namespace

TEST_CASE("Table round trip: the sample board as CSV and as TSV re-imports to the same stages, lanes and notes") {
  const Board sample = MakeBoard(Template::Sample);
  CheckRoundTrip(sample, TableFormat::Csv, "sample.csv");
  CheckRoundTrip(sample, TableFormat::Tsv, "sample.tsv");
}

TEST_CASE("Table round trip: a Russian board as CSV and as TSV re-imports with its Cyrillic intact") {
  const Board russian = RussianBoard();
  CheckRoundTrip(russian, TableFormat::Csv, "курс.csv");
  CheckRoundTrip(russian, TableFormat::Tsv, "курс.tsv");
}
