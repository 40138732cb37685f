#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/diff.h"

using namespace jb;
using namespace jb::test;

namespace {

Stage MakeStage(uint64_t id, const char* name) {
  return {StageId(id), name, 300};
}

std::vector<uint64_t> StageIds(const Board& board) {
  std::vector<uint64_t> ids;
  for (const Stage& stage : board.stages) ids.push_back(stage.id.value);
  return ids;
}

// Stages 1..5 named A..E; nextId 6.
Board FiveStages() {
  Board board;
  for (uint64_t i = 1; i <= 5; ++i) board.stages.push_back(MakeStage(i, std::string(1, char('A' + i - 1)).c_str()));
  board.nextId = 6;
  return board;
}

}  // namespace

TEST_CASE("An empty diff is empty and changes nothing") {
  BoardDiff diff;
  CHECK(diff.Empty());
  CHECK(diff.ApproxBytes() >= sizeof(BoardDiff));
  SmallBoard small;
  // Hand-made diffs leave both id counters at 0: that means "allocates nothing", not "reset to 0".
  CHECK(Applied(small.board, diff) == small.board);
  CheckRevertRestores(small.board, diff);

  BoardDiff ids;
  ids.nextIdBefore = 3;
  ids.nextIdAfter = 4;
  CHECK_FALSE(ids.Empty());
  BoardDiff meta;
  meta.meta = Updated<BoardMeta>{};
  CHECK_FALSE(meta.Empty());
  BoardDiff moved;
  moved.stages.moved.push_back({StageId(1), 0, 1});
  CHECK_FALSE(moved.Empty());
}

TEST_CASE("Removed records go by descending index whatever order they are listed in") {
  const Board board = FiveStages();
  BoardDiff diff;
  diff.stages.removed = {{board.stages[1], 1}, {board.stages[3], 3}, {board.stages[0], 0}};
  Board after = Applied(board, diff);
  CHECK(StageIds(after) == std::vector<uint64_t>{3, 5});
  CheckRevertRestores(board, diff);
}

TEST_CASE("Removal falls back to the id when the index names another record") {
  const Board board = FiveStages();
  BoardDiff diff;
  diff.stages.removed = {{board.stages[3], 0}};  // stage 4, with a stale index
  CHECK(StageIds(Applied(board, diff)) == std::vector<uint64_t>{1, 2, 3, 5});
  BoardDiff gone;
  gone.stages.removed = {{MakeStage(99, "X"), 1}};  // not on the board: nothing happens
  CHECK(Applied(board, gone) == board);
}

TEST_CASE("Added records go in by ascending index, clamped to the vector") {
  const Board board = FiveStages();
  BoardDiff diff;
  diff.stages.added = {{MakeStage(8, "H"), 100}, {MakeStage(6, "F"), 0}, {MakeStage(7, "G"), 2}};
  diff.nextIdBefore = 6;
  diff.nextIdAfter = 9;
  Board after = Applied(board, diff);
  CHECK(StageIds(after) == std::vector<uint64_t>{6, 1, 7, 2, 3, 4, 5, 8});
  CHECK(after.nextId == 9);
  CheckRevertRestores(board, diff);

  BoardDiff negative;
  negative.stages.added = {{MakeStage(6, "F"), -5}};
  CHECK(StageIds(Applied(board, negative)).front() == 6);
}

TEST_CASE("Updated records are replaced by id and restored by revert") {
  const Board board = FiveStages();
  BoardDiff diff;
  Stage after = board.stages[2];
  after.name = "Renamed";
  after.width = 500;
  diff.stages.updated.push_back({board.stages[2], after});
  Board applied = Applied(board, diff);
  CHECK(applied.stages[2] == after);
  CHECK(applied.stages[0] == board.stages[0]);
  CheckRevertRestores(board, diff);
}

TEST_CASE("Moves run in order, and revert runs them backwards") {
  const Board board = FiveStages();
  BoardDiff diff;
  diff.stages.moved = {{StageId(1), 0, 4}, {StageId(5), 3, 0}, {StageId(3), 2, 3}};
  // 1 2 3 4 5 → 2 3 4 5 1 → 5 2 3 4 1 → 5 2 4 3 1
  CHECK(StageIds(Applied(board, diff)) == std::vector<uint64_t>{5, 2, 4, 3, 1});
  CheckRevertRestores(board, diff);

  BoardDiff stale;
  stale.stages.moved = {{StageId(2), 4, 0}};  // wrong from: found by id
  CHECK(StageIds(Applied(board, stale)) == std::vector<uint64_t>{2, 1, 3, 4, 5});
  BoardDiff far;
  far.stages.moved = {{StageId(2), 1, 99}};  // to is clamped
  CHECK(StageIds(Applied(board, far)) == std::vector<uint64_t>{1, 3, 4, 5, 2});
  BoardDiff missing;
  missing.stages.moved = {{StageId(42), 0, 1}};
  CHECK(Applied(board, missing) == board);
}

TEST_CASE("All parts of a diff together revert exactly, for every record type and the meta") {
  SmallBoard small;
  const Board& board = small.board;
  BoardDiff diff;
  diff.nextIdBefore = board.nextId;
  diff.nextIdAfter = board.nextId + 3;
  // Stages: remove A, rename B, add D at the end, then move it to the front.
  diff.stages.removed = {{board.stages[0], 0}};
  Stage renamed = board.stages[1];
  renamed.name = "B2";
  diff.stages.updated = {{board.stages[1], renamed}};
  Stage d{StageId(board.nextId), "D", 200};
  diff.stages.added = {{d, 2}};
  diff.stages.moved = {{d.id, 2, 0}};
  // Lanes: swap.
  diff.lanes.moved = {{small.l2, 1, 0}};
  // Notes: remove two, add one in the middle, change one.
  diff.notes.removed = {{board.notes[0], 0}, {board.notes[3], 3}};
  Note added = board.notes[1];
  added.id = NoteId(board.nextId + 1);
  added.text = "added";
  diff.notes.added = {{added, 1}};
  Note changed = board.notes[4];
  changed.votes = 3;
  diff.notes.updated = {{board.notes[4], changed}};
  // Curves, personas, meta.
  EmotionCurve flat = board.curves[0];
  flat.points.clear();
  diff.curves.updated = {{board.curves[0], flat}};
  Persona p2;
  p2.id = PersonaId(board.nextId + 2);
  p2.name = "Ivan";
  diff.personas.added = {{p2, 0}};
  BoardMeta meta = board.meta;
  meta.title = "New title";
  diff.meta = Updated<BoardMeta>{board.meta, meta};

  const Board after = Applied(board, diff);
  CHECK(StageIds(after) == std::vector<uint64_t>{d.id.value, small.b.value, small.c.value});
  CHECK(after.stages[1].name == "B2");
  CHECK(after.lanes[0].id == small.l2);
  CHECK(NoteOrder(after) == std::vector<NoteId>{small.n2, added.id, small.n5, small.n4});
  CHECK(after.notes[3].votes == 3);
  CHECK(after.curves[0].points.empty());
  CHECK(after.personas.front().name == "Ivan");
  CHECK(after.meta.title == "New title");
  CHECK(after.nextId == board.nextId + 3);
  CheckRevertRestores(board, diff);

  // Byte estimate: grows with the text it holds.
  BoardDiff big = diff;
  big.notes.added[0].record.text.assign(100000, 'x');
  CHECK(big.ApproxBytes() >= diff.ApproxBytes() + 99000);
}
