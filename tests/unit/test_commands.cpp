#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/io/templates.h"

using namespace jb;
using namespace jb::test;

// Every test here also checks that the command's diff reverts exactly, and that the edited
// board is consistent.
namespace {
Board Run(const Board& board, const BoardDiff& diff) {
  CheckRevertRestores(board, diff);
  Board after = Applied(board, diff);
  CHECK(IsConsistent(after));
  return after;
}
}  // namespace

// [SECTION] Notes

TEST_CASE("AddNote puts the note at the end of its cell, not of the vector") {
  SmallBoard s;
  Note note;
  note.text = "new";
  note.id = NoteId(777);  // ignored
  NoteId id;
  const BoardDiff diff = AddNote(s.board, note, Cell(s.a, s.l1), &id);
  CHECK(id == NoteId(s.board.nextId));
  CHECK(diff.nextIdAfter == s.board.nextId + 1);
  const Board after = Run(s.board, diff);
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n1, s.n2, s.n3, id});
  CHECK(NoteOrder(after) == std::vector<NoteId>{s.n1, s.n2, s.n5, s.n3, id, s.n4});
  CHECK(after.FindNote(id)->color == 0);  // follows the lane colour
  CHECK(after.FindNote(id)->text == "new");
  CHECK(after.nextId == s.board.nextId + 1);
}

TEST_CASE("AddNote before a note of the cell, into an empty cell, and free") {
  SmallBoard s;
  NoteId id;
  Board after = Run(s.board, AddNote(s.board, Note{}, Cell(s.a, s.l1, s.n2), &id));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n1, id, s.n2, s.n3});

  // `before` in another cell is ignored: end of the target cell.
  after = Run(s.board, AddNote(s.board, Note{}, Cell(s.b, s.l1, s.n2), &id));
  CHECK(CellNotes(after, s.b, s.l1) == std::vector<NoteId>{s.n4, id});

  after = Run(s.board, AddNote(s.board, Note{}, Cell(s.c, s.l2), &id));
  CHECK(after.notes.back().id == id);
  CHECK(after.notes.back().stage == s.c);

  Note colored;
  colored.color = 0xff0000;
  colored.stage = s.a;  // overwritten by the target
  after = Run(s.board, AddNote(s.board, colored, Free({10, 20}), &id));
  const Note* added = after.FindNote(id);
  REQUIRE(added);
  CHECK(added->IsFree());
  CHECK(added->pos == Vec2{10, 20});
  CHECK(added->color == 0xff0000);
}

TEST_CASE("AddNote refuses targets that do not exist") {
  SmallBoard s;
  NoteId id(5);
  CHECK(AddNote(s.board, Note{}, Cell(StageId(999), s.l1), &id).Empty());
  CHECK(id == NoteId());
  CHECK(AddNote(s.board, Note{}, Cell(s.a, LaneId(s.a.value))).Empty());  // a stage's id as a lane
  NoteTarget half;
  half.stage = s.a;
  CHECK(AddNote(s.board, Note{}, half).Empty());
  CHECK(AddNote(s.board, Note{}, Free({std::numeric_limits<float>::quiet_NaN(), 0})).Empty());
}

TEST_CASE("DeleteNotes removes notes and undo puts them back in place") {
  SmallBoard s;
  const BoardDiff diff = DeleteNotes(s.board, {s.n3, s.n1, NoteId(999), s.n1, NoteId(s.a.value)});
  CHECK(diff.notes.removed.size() == 2);
  const Board after = Run(s.board, diff);
  CHECK(NoteOrder(after) == std::vector<NoteId>{s.n2, s.n5, s.n4});
  CHECK(DeleteNotes(s.board, {}).Empty());
  CHECK(DeleteNotes(s.board, {NoteId(999)}).Empty());
}

TEST_CASE("MoveNotes reorders inside a cell") {
  SmallBoard s;
  Board after = Run(s.board, MoveNotes(s.board, {s.n3}, Cell(s.a, s.l1, s.n1)));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n3, s.n1, s.n2});
  after = Run(s.board, MoveNotes(s.board, {s.n1}, Cell(s.a, s.l1)));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n2, s.n3, s.n1});
}

TEST_CASE("MoveNotes to the same place is an empty diff") {
  SmallBoard s;
  CHECK(MoveNotes(s.board, {s.n3}, Cell(s.a, s.l1)).Empty());        // last of its cell, to the end
  CHECK(MoveNotes(s.board, {s.n2}, Cell(s.a, s.l1, s.n3)).Empty());  // already right before n3
  CHECK(MoveNotes(s.board, {s.n2}, Cell(s.a, s.l1, s.n2)).Empty());  // before itself
  CHECK(MoveNotes(s.board, {s.n4}, Cell(s.b, s.l1)).Empty());        // the only note of its cell
  CHECK(MoveNotes(s.board, {s.n1, s.n2, s.n3}, Cell(s.a, s.l1)).Empty());
  CHECK(MoveNotes(s.board, {s.n1, s.n2}, Cell(s.a, s.l1, s.n2)).Empty());
  CHECK(MoveNotes(s.board, {s.n5}, Free({1500, 40})).Empty());
  CHECK(MoveNotes(s.board, {}, Cell(s.a, s.l1)).Empty());
  CHECK(MoveNotes(s.board, {NoteId(999)}, Cell(s.a, s.l1)).Empty());
  CHECK(MoveNotes(s.board, {s.n1}, Cell(StageId(999), s.l1)).Empty());
}

TEST_CASE("MoveNotes of several notes keeps their board order, even when `before` is one of them") {
  SmallBoard s;
  // Listed out of order: they still land as n1 then n3.
  Board after = Run(s.board, MoveNotes(s.board, {s.n3, s.n1}, Cell(s.b, s.l1, s.n4)));
  CHECK(CellNotes(after, s.b, s.l1) == std::vector<NoteId>{s.n1, s.n3, s.n4});
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n2});

  // `before` is moved: the notes go before the next note that stays (n3).
  after = Run(s.board, MoveNotes(s.board, {s.n2, s.n1}, Cell(s.a, s.l1, s.n1)));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n1, s.n2, s.n3});
  after = Run(s.board, MoveNotes(s.board, {s.n1, s.n3}, Cell(s.a, s.l1, s.n3)));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n2, s.n1, s.n3});
  after = Run(s.board, MoveNotes(s.board, {s.n1}, Cell(s.a, s.l1, s.n3)));
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n2, s.n1, s.n3});

  // Into an empty cell; the free note joins too. Any vector place gives that cell order, so the
  // notes stay near where they were.
  after = Run(s.board, MoveNotes(s.board, {s.n5, s.n2}, Cell(s.c, s.l2)));
  CHECK(CellNotes(after, s.c, s.l2) == std::vector<NoteId>{s.n2, s.n5});
  CHECK(NoteOrder(after) == NoteOrder(s.board));
  const BoardDiff intoB = MoveNotes(s.board, {s.n4, s.n1}, Cell(s.b, s.l1, s.n4));
  after = Run(s.board, intoB);
  CHECK(CellNotes(after, s.b, s.l1) == std::vector<NoteId>{s.n1, s.n4});
  CHECK(NoteOrder(after) == NoteOrder(s.board));  // n1 changes cell in place: an update
  CHECK(intoB.notes.updated.size() == 1);
  CHECK(intoB.notes.removed.empty());
  CHECK(after.FindNote(s.n5)->pos == Vec2{1500, 40});  // a cell note keeps its last free pos
}

TEST_CASE("MoveNotes to a free target places notes by offsets and keeps their drawing order") {
  SmallBoard s;
  Board after = Run(s.board, MoveNotes(s.board, {s.n4, s.n1}, Free({100, 200}), {{5, 6}}));
  const Note* n4 = after.FindNote(s.n4);
  const Note* n1 = after.FindNote(s.n1);
  CHECK(n4->IsFree());
  CHECK(!n4->stage);
  CHECK(!n4->lane);
  CHECK(n4->pos == Vec2{105, 206});  // offsets[0] belongs to ids[0]
  CHECK(n1->pos == Vec2{120, 220});  // no offset: stacked 20 apart by its place in ids
  CHECK(NoteOrder(after) == NoteOrder(s.board));
  // Moving an already free note is a plain update.
  const BoardDiff diff = MoveNotes(s.board, {s.n5}, Free({0, 0}));
  CHECK(diff.notes.updated.size() == 1);
  CHECK(diff.notes.removed.empty());
}

TEST_CASE("PasteNotes gives copies new ids and keeps their contents") {
  SmallBoard s;
  Note source = s.board.notes[0];
  source.votes = 4;
  source.tags = {"x"};
  std::vector<NoteId> ids;
  Board after = Run(s.board, PasteNotes(s.board, {source, s.board.notes[1]}, Cell(s.b, s.l1, s.n4), &ids));
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == NoteId(s.board.nextId));
  CHECK(ids[1] == NoteId(s.board.nextId + 1));
  CHECK(after.nextId == s.board.nextId + 2);
  CHECK(CellNotes(after, s.b, s.l1) == std::vector<NoteId>{ids[0], ids[1], s.n4});
  CHECK(after.FindNote(ids[0])->votes == 4);
  CHECK(after.FindNote(ids[0])->tags == std::vector<std::string>{"x"});
  CHECK(after.FindNote(ids[0])->text == "one");
  CHECK(after.FindNote(s.n1) != nullptr);  // the original stays

  // Free notes keep their arrangement around the first one.
  Note f1, f2;
  f1.pos = {10, 10};
  f2.pos = {50, 30};
  ids.clear();
  after = Run(s.board, PasteNotes(s.board, {f1, f2}, Free({100, 100}), &ids));
  CHECK(after.FindNote(ids[0])->pos == Vec2{100, 100});
  CHECK(after.FindNote(ids[1])->pos == Vec2{140, 120});
  // Notes from cells have no arrangement: stacked.
  ids.clear();
  after = Run(s.board, PasteNotes(s.board, {s.board.notes[0], f2}, Free({100, 100}), &ids));
  CHECK(after.FindNote(ids[0])->pos == Vec2{100, 100});
  CHECK(after.FindNote(ids[1])->pos == Vec2{120, 120});
  CHECK(after.FindNote(ids[1])->IsFree());

  CHECK(PasteNotes(s.board, {}, Free({0, 0})).Empty());
  CHECK(PasteNotes(s.board, {f1}, Cell(s.a, LaneId(999))).Empty());
}

TEST_CASE("DuplicateNotes puts each copy right after its original") {
  SmallBoard s;
  std::vector<NoteId> ids;
  const Board after = Run(s.board, DuplicateNotes(s.board, {s.n3, s.n1, s.n5, NoteId(999)}, &ids));
  REQUIRE(ids.size() == 3);  // board order: n1, n5, n3
  CHECK(NoteOrder(after) == std::vector<NoteId>{s.n1, ids[0], s.n2, s.n5, ids[1], s.n3, ids[2], s.n4});
  CHECK(after.FindNote(ids[0])->stage == s.a);
  CHECK(after.FindNote(ids[0])->text == "one");
  CHECK(after.FindNote(ids[1])->pos == Vec2{1524, 64});
  CHECK(after.nextId == s.board.nextId + 3);
  CHECK(DuplicateNotes(s.board, {NoteId(999)}).Empty());
}

TEST_CASE("Text, colour and size changes record only the notes that change") {
  SmallBoard s;
  Board after = Run(s.board, SetNoteText(s.board, s.n2, "Два — new"));
  CHECK(after.FindNote(s.n2)->text == "Два — new");
  CHECK(SetNoteText(s.board, s.n2, "two").Empty());
  CHECK(SetNoteText(s.board, NoteId(999), "x").Empty());

  BoardDiff diff = SetNotesColor(s.board, {s.n1, s.n2}, 0x00ff00);
  CHECK(diff.notes.updated.size() == 2);
  after = Run(s.board, diff);
  CHECK(after.FindNote(s.n1)->color == 0x00ff00);
  CHECK(SetNotesColor(after, {s.n1, s.n2}, 0x00ff00).Empty());
  CHECK(SetNotesColor(after, {s.n1, s.n3}, 0x00ff00).notes.updated.size() == 1);

  after = Run(s.board, SetNotesSize(s.board, {s.n4}, NoteSize::Large));
  CHECK(after.FindNote(s.n4)->size == NoteSize::Large);
  CHECK(SetNotesSize(s.board, {s.n4}, NoteSize::Medium).Empty());
}

TEST_CASE("NudgeNotes moves free notes only") {
  SmallBoard s;
  const BoardDiff diff = NudgeNotes(s.board, {s.n1, s.n5}, {3, -4});
  CHECK(diff.notes.updated.size() == 1);
  const Board after = Run(s.board, diff);
  CHECK(after.FindNote(s.n5)->pos == Vec2{1503, 36});
  CHECK(after.FindNote(s.n1)->pos == s.board.FindNote(s.n1)->pos);
  CHECK(NudgeNotes(s.board, {s.n1}, {3, 4}).Empty());
  CHECK(NudgeNotes(s.board, {s.n5}, {0, 0}).Empty());
  CHECK(NudgeNotes(s.board, {s.n5}, {INFINITY, 0}).Empty());
}

// [SECTION] Stages

TEST_CASE("AddStage inserts at a clamped index with a new id") {
  SmallBoard s;
  StageId id;
  Board after = Run(s.board, AddStage(s.board, "Новый", 1, &id));
  CHECK(after.stages[1].id == id);
  CHECK(after.stages[1].name == "Новый");
  CHECK(after.nextId == s.board.nextId + 1);
  after = Run(s.board, AddStage(s.board, "End", -1, &id));
  CHECK(after.stages.back().id == id);
  after = Run(s.board, AddStage(s.board, "Far", 99, &id));
  CHECK(after.stages.back().id == id);
}

TEST_CASE("Stage rename, resize and move") {
  SmallBoard s;
  Board after = Run(s.board, RenameStage(s.board, s.b, "Beta"));
  CHECK(after.FindStage(s.b)->name == "Beta");
  CHECK(RenameStage(s.board, s.b, "B").Empty());
  CHECK(RenameStage(s.board, StageId(999), "X").Empty());

  after = Run(s.board, ResizeStage(s.board, s.b, 10));
  CHECK(after.FindStage(s.b)->width == kMinStageWidth);
  after = Run(s.board, ResizeStage(s.board, s.b, 1e9f));
  CHECK(after.FindStage(s.b)->width == kMaxStageWidth);
  CHECK(ResizeStage(s.board, s.b, 300).Empty());
  CHECK(ResizeStage(s.board, s.b, NAN).Empty());

  after = Run(s.board, MoveStage(s.board, s.a, 2));
  CHECK(after.StageIndex(s.a) == 2);
  after = Run(s.board, MoveStage(s.board, s.c, -3));
  CHECK(after.StageIndex(s.c) == 0);
  after = Run(s.board, MoveStage(s.board, s.a, 50));
  CHECK(after.StageIndex(s.a) == 2);
  CHECK(MoveStage(s.board, s.b, 1).Empty());
  CHECK(MoveStage(s.board, StageId(999), 0).Empty());
}

TEST_CASE("DeleteStage takes its notes and curve points, undo restores them in place and order") {
  SmallBoard s;
  CHECK(CountNotesInStage(s.board, s.a) == 3);
  CHECK(CountNotesInStage(s.board, s.c) == 0);
  CHECK(CountNotesInStage(s.board, StageId()) == 0);
  const BoardDiff diff = DeleteStage(s.board, s.b);
  CHECK(diff.notes.removed.size() == 1);
  CHECK(diff.curves.updated.size() == 1);
  const Board after = Run(s.board, diff);
  CHECK(after.FindStage(s.b) == nullptr);
  CHECK(after.FindNote(s.n4) == nullptr);
  REQUIRE(after.curves[0].points.size() == 2);
  CHECK(after.curves[0].points[0].stage == s.a);
  CHECK(after.curves[0].points[1].stage == s.c);

  const Board afterA = Run(s.board, DeleteStage(s.board, s.a));
  CHECK(NoteOrder(afterA) == std::vector<NoteId>{s.n5, s.n4});
  CHECK(DeleteStage(s.board, StageId(999)).Empty());
  CHECK(DeleteStage(s.board, StageId()).Empty());
}

TEST_CASE("Deleting every stage of the sample board, one after another, undoes to the original") {
  const Board start = MakeBoard(Template::Sample);
  Board board = start;
  std::vector<BoardDiff> steps;
  while (!board.stages.empty()) {
    steps.push_back(DeleteStage(board, board.stages[board.stages.size() / 2].id));
    ApplyDiff(board, steps.back());
    CHECK(IsConsistent(board));
  }
  for (const Note& note : board.notes) CHECK(note.IsFree());
  for (const EmotionCurve& curve : board.curves) CHECK(curve.points.empty());
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) RevertDiff(board, *step);
  CHECK(board == start);
  CHECK(BoardToJson(board) == BoardToJson(start));
}

// [SECTION] Lanes

TEST_CASE("Lane add, rename, resize, move, kind and collapse") {
  SmallBoard s;
  LaneId id;
  Board after = Run(s.board, AddLane(s.board, "Pains", LaneKind::Pains, 0, &id));
  CHECK(after.lanes[0].id == id);
  CHECK(after.lanes[0].kind == LaneKind::Pains);
  after = Run(s.board, AddLane(s.board, "Last", LaneKind::Custom, -1, &id));
  CHECK(after.lanes.back().id == id);

  after = Run(s.board, RenameLane(s.board, s.l1, "Каналы"));
  CHECK(after.FindLane(s.l1)->name == "Каналы");
  CHECK(RenameLane(s.board, s.l1, "L1").Empty());

  after = Run(s.board, ResizeLane(s.board, s.l1, 1));
  CHECK(after.FindLane(s.l1)->height == kMinLaneHeight);
  after = Run(s.board, ResizeLane(s.board, s.l1, 99999));
  CHECK(after.FindLane(s.l1)->height == kMaxLaneHeight);
  CHECK(ResizeLane(s.board, s.l1, 150).Empty());
  CHECK(ResizeLane(s.board, LaneId(999), 200).Empty());

  after = Run(s.board, MoveLane(s.board, s.l1, 1));
  CHECK(after.lanes[0].id == s.l2);
  CHECK(MoveLane(s.board, s.l2, 5).Empty());

  after = Run(s.board, SetLaneKind(s.board, s.l1, LaneKind::Delights));
  CHECK(after.FindLane(s.l1)->kind == LaneKind::Delights);
  CHECK(SetLaneKind(s.board, s.l1, LaneKind::Touchpoints).Empty());

  after = Run(s.board, SetLaneCollapsed(s.board, s.l2, true));
  CHECK(after.FindLane(s.l2)->collapsed);
  CHECK(SetLaneCollapsed(s.board, s.l2, false).Empty());
  CHECK(SetLaneCollapsed(s.board, LaneId(s.a.value), true).Empty());
}

TEST_CASE("DeleteLane takes its notes but keeps curve points") {
  SmallBoard s;
  CHECK(CountNotesInLane(s.board, s.l1) == 4);
  CHECK(CountNotesInLane(s.board, s.l2) == 0);
  CHECK(CountNotesInLane(s.board, LaneId()) == 0);
  const BoardDiff diff = DeleteLane(s.board, s.l1);
  CHECK(diff.notes.removed.size() == 4);
  CHECK(diff.curves.Empty());
  const Board after = Run(s.board, diff);
  CHECK(NoteOrder(after) == std::vector<NoteId>{s.n5});
  CHECK(after.curves == s.board.curves);
  CHECK(DeleteLane(s.board, LaneId(999)).Empty());
}
