#include <doctest/doctest.h>

#include <random>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "board_support.h"
#include "core/edit/commands.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/templates.h"
#include "core/model/limits.h"
#include "core/session/save_document.h"
#include "random_editor.h"
#include "test_support.h"

using namespace jb;
using namespace jb::test;

// Index:
//  [SECTION] Apply, undo, redo
//  [SECTION] Gestures
//  [SECTION] Dirty flag and saving
//  [SECTION] History memory
//  [SECTION] Random edits

namespace {

Document DocumentOf(const Board& board) {
  Document doc;
  doc.Reset(board, "");
  return doc;
}

}  // namespace

// [SECTION] Apply, undo, redo

TEST_CASE("Apply, Undo and Redo walk the history with labels") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  CHECK_FALSE(doc.CanUndo());
  CHECK_FALSE(doc.CanRedo());
  CHECK(doc.UndoLabel().empty());
  CHECK(doc.RedoLabel().empty());
  CHECK_FALSE(doc.Undo());
  CHECK_FALSE(doc.Redo());

  CHECK_FALSE(doc.Apply(RenameStage(doc.board(), s.a, "A"), "Rename stage"));  // empty: nothing
  CHECK(doc.HistorySize() == 0);

  CHECK(doc.Apply(RenameStage(doc.board(), s.a, "Aware"), "Rename stage"));
  const Board afterRename = doc.board();
  CHECK(doc.Apply(DeleteNotes(doc.board(), {s.n1}), "Delete note"));
  const Board afterDelete = doc.board();
  CHECK(doc.HistorySize() == 2);
  CHECK(doc.HistoryPosition() == 2);
  CHECK(doc.HistoryLabel(0) == "Rename stage");
  CHECK(doc.UndoLabel() == "Delete note");
  CHECK(doc.RedoLabel().empty());

  CHECK(doc.Undo());
  CHECK(doc.board() == afterRename);
  CHECK(doc.UndoLabel() == "Rename stage");
  CHECK(doc.RedoLabel() == "Delete note");
  CHECK(doc.Undo());
  CHECK(doc.board() == s.board);
  CHECK(BoardToJson(doc.board()) == BoardToJson(s.board));
  CHECK_FALSE(doc.CanUndo());
  CHECK(doc.Redo());
  CHECK(doc.Redo());
  CHECK(doc.board() == afterDelete);
  CHECK_FALSE(doc.Redo());

  // A new edit after undo drops the redo steps.
  doc.Undo();
  CHECK(doc.Apply(ResizeStage(doc.board(), s.b, 500), "Resize stage"));
  CHECK(doc.HistorySize() == 2);
  CHECK_FALSE(doc.CanRedo());
  CHECK(doc.UndoLabel() == "Resize stage");
}

TEST_CASE("JumpTo undoes or redoes to a history position") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  std::vector<Board> states = {doc.board()};
  for (int i = 0; i < 5; ++i) {
    doc.Apply(RenameStage(doc.board(), s.a, "A" + std::to_string(i)), "Rename " + std::to_string(i));
    states.push_back(doc.board());
  }
  doc.JumpTo(2);
  CHECK(doc.HistoryPosition() == 2);
  CHECK(doc.board() == states[2]);
  doc.JumpTo(4);
  CHECK(doc.board() == states[4]);
  doc.JumpTo(0);
  CHECK(doc.board() == states[0]);
  doc.JumpTo(99);
  CHECK(doc.HistoryPosition() == 5);
  CHECK(doc.board() == states[5]);
  CHECK(doc.HistorySize() == 5);
}

TEST_CASE("ChangeCount grows on every change to the board and only then") {
  SmallBoard s;
  Document doc;
  const uint64_t c0 = doc.ChangeCount();
  doc.Reset(s.board, "");
  CHECK(doc.ChangeCount() > c0);
  uint64_t count = doc.ChangeCount();
  auto grew = [&] {
    const bool result = doc.ChangeCount() > count;
    count = doc.ChangeCount();
    return result;
  };
  doc.Apply(RenameLane(doc.board(), s.l1, "X"), "Rename lane");
  CHECK(grew());
  doc.Apply(BoardDiff(), "Nothing");
  CHECK_FALSE(grew());
  doc.Undo();
  CHECK(grew());
  doc.Redo();
  CHECK(grew());
  doc.BeginGesture("Drag");
  CHECK_FALSE(grew());
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {1, 1}); });
  CHECK(grew());
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {2, 1}); });
  CHECK(grew());
  doc.CancelGesture();
  CHECK(grew());
  test::TempDir dir;
  SaveDocument(doc, dir.File("b.cjm"), nullptr);
  CHECK_FALSE(grew());
}

TEST_CASE("Every change keeps to a load's text rules, whatever field it came from") {
  // A 5 MB paste into a stage's name field made a 5 MB name that saved silently (issue 13,
  // defect 5's other doors): the Document cuts it as a load would, and counts it.
  Document doc = DocumentOf(MakeBoard(Template::Classic));
  const StageId stage = doc.board().stages.front().id;
  const std::string oldName = doc.board().stages.front().name;
  CHECK(doc.TextsRepaired() == 0);
  doc.Apply(RenameStage(doc.board(), stage, std::string(kMaxTextChars + 5000, 'x')), "Rename stage");
  CHECK(doc.board().stages.front().name.size() == kMaxTextChars);
  CHECK(doc.TextsRepaired() == 1);
  doc.Undo();
  CHECK(doc.board().stages.front().name == oldName);  // undo restores what was there
  doc.Redo();
  CHECK(doc.board().stages.front().name.size() == kMaxTextChars);  // and redo the cut one
  // A gesture (a panel field being typed) too: broken bytes and control characters go.
  const LaneId lane = doc.board().lanes.front().id;
  doc.BeginGesture("Rename lane");
  doc.UpdateGesture([&](const Board& start) { return RenameLane(start, lane, "Go\x01" "als \xff"); });
  CHECK(doc.board().lanes.front().name == "Goals \xef\xbf\xbd");
  CHECK(doc.CommitGesture());
  CHECK(doc.TextsRepaired() == 2);
  // Text that keeps the rules is not counted.
  doc.Apply(RenameStage(doc.board(), stage, "Клиент 😀"), "Rename stage");
  CHECK(doc.TextsRepaired() == 2);
}

// [SECTION] Gestures

TEST_CASE("A gesture recomputes from its start: 100 updates make one step equal to one apply") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  doc.BeginGesture("Move note");
  CHECK(doc.InGesture());
  for (int i = 1; i <= 100; ++i) {
    // Fractions that would drift if the deltas were added up update after update.
    const Vec2 delta{0.1f * float(i), -0.3f * float(i)};
    doc.UpdateGesture([&](const Board& start) {
      CHECK(start == s.board);  // every update sees the board as it was when the gesture began
      return NudgeNotes(start, {s.n5}, delta);
    });
    CHECK(doc.board().FindNote(s.n5)->pos == Vec2{1500 + delta.x, 40 + delta.y});
  }
  CHECK(doc.HistorySize() == 0);
  CHECK(doc.UndoLabel() == "Move note");  // the open gesture is what Undo would take back
  CHECK(doc.CommitGesture());
  CHECK_FALSE(doc.InGesture());
  CHECK(doc.HistorySize() == 1);
  CHECK(doc.HistoryLabel(0) == "Move note");
  const Board once = Applied(s.board, NudgeNotes(s.board, {s.n5}, {0.1f * 100.0f, -0.3f * 100.0f}));
  CHECK(doc.board() == once);
  CHECK(BoardToJson(doc.board()) == BoardToJson(once));
  CHECK(doc.IsDirty());
  doc.Undo();
  CHECK(BoardToJson(doc.board()) == BoardToJson(s.board));
  CHECK_FALSE(doc.IsDirty());
}

TEST_CASE("A gesture moving notes between cells ends as one step") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  doc.BeginGesture("Move notes");
  const std::vector<NoteTarget> path = {Cell(s.a, s.l2), Cell(s.b, s.l1, s.n4), Free({0, 0}), Cell(s.c, s.l1),
                                        Cell(s.b, s.l1)};
  for (const NoteTarget& target : path)
    doc.UpdateGesture([&](const Board& start) { return MoveNotes(start, {s.n1, s.n3}, target); });
  CHECK(doc.CommitGesture());
  const Board once = Applied(s.board, MoveNotes(s.board, {s.n1, s.n3}, path.back()));
  CHECK(BoardToJson(doc.board()) == BoardToJson(once));
  CHECK(CellNotes(doc.board(), s.b, s.l1) == std::vector<NoteId>{s.n4, s.n1, s.n3});
  doc.Undo();
  CHECK(BoardToJson(doc.board()) == BoardToJson(s.board));
}

TEST_CASE("Cancelling a gesture restores its start exactly and records nothing") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  doc.Apply(RenameStage(doc.board(), s.c, "Gamma"), "Rename stage");
  const Board start = doc.board();
  const uint64_t count = doc.ChangeCount();
  doc.BeginGesture("Resize stage");
  for (int i = 0; i < 10; ++i)
    doc.UpdateGesture([&](const Board& b) { return ResizeStage(b, s.a, 200.5f + 13.1f * float(i)); });
  doc.UpdateGesture([&](const Board& b) { return DeleteStage(b, s.a); });  // the last update may be anything
  CHECK(doc.board().FindStage(s.a) == nullptr);
  doc.CancelGesture();
  CHECK_FALSE(doc.InGesture());
  CHECK(doc.board() == start);
  CHECK(BoardToJson(doc.board()) == BoardToJson(start));
  CHECK(doc.HistorySize() == 1);
  CHECK(doc.UndoLabel() == "Rename stage");
  CHECK(doc.ChangeCount() > count);
}

TEST_CASE("A gesture that changes nothing records nothing") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  doc.BeginGesture("Click");
  CHECK_FALSE(doc.CommitGesture());
  CHECK(doc.HistorySize() == 0);
  CHECK_FALSE(doc.IsDirty());

  // Dragged away and back: the last update is empty, so the board is at the start again.
  doc.BeginGesture("Resize lane");
  doc.UpdateGesture([&](const Board& b) { return ResizeLane(b, s.l1, 300); });
  CHECK(doc.board().FindLane(s.l1)->height == 300);
  doc.UpdateGesture([&](const Board& b) { return ResizeLane(b, s.l1, 150); });
  CHECK_FALSE(doc.CanUndo());
  CHECK_FALSE(doc.CommitGesture());
  CHECK(doc.HistorySize() == 0);
  CHECK(doc.board() == s.board);
  CHECK_FALSE(doc.CommitGesture());  // not in a gesture any more
  doc.CancelGesture();               // harmless too
  CHECK(doc.board() == s.board);
}

TEST_CASE("A gesture keeps its owner until it ends, and a new one commits the open one first") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  CHECK(doc.GestureOwner() == 0);
  doc.BeginGesture("Edit channel", 42);  // a panel's field
  CHECK(doc.GestureOwner() == 42);
  doc.UpdateGesture([&](const Board& b) { return RenameStage(b, s.a, "Alpha"); });
  doc.BeginGesture("Move note");  // a tool's gesture, no particular owner: the field's is a step
  CHECK(doc.GestureOwner() == 0);
  CHECK(doc.InGesture());
  CHECK(doc.HistorySize() == 1);
  CHECK(doc.HistoryLabel(0) == "Edit channel");
  doc.CancelGesture();
  doc.BeginGesture("Edit owner", 7);
  CHECK(doc.CommitGesture() == false);  // nothing changed: no step
  CHECK(doc.GestureOwner() == 0);  // an ended gesture has no owner
  doc.BeginGesture("Edit tags", 9);
  doc.Undo();  // ends it first
  CHECK(doc.GestureOwner() == 0);
  CHECK(doc.board().FindStage(s.a)->name == s.board.FindStage(s.a)->name);
}

TEST_CASE("Apply, Undo, Redo and JumpTo during a gesture commit it first") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  doc.BeginGesture("Resize stage");
  doc.UpdateGesture([&](const Board& b) { return ResizeStage(b, s.a, 500); });
  CHECK(doc.Apply(RenameStage(doc.board(), s.a, "Alpha"), "Rename stage"));
  CHECK_FALSE(doc.InGesture());
  CHECK(doc.HistorySize() == 2);
  CHECK(doc.HistoryLabel(0) == "Resize stage");
  CHECK(doc.board().FindStage(s.a)->width == 500);

  doc.Undo();
  CHECK(doc.CanRedo());
  doc.BeginGesture("Resize lane");
  doc.UpdateGesture([&](const Board& b) { return ResizeLane(b, s.l2, 400); });
  CHECK_FALSE(doc.CanRedo());  // the gesture will replace the redo step
  CHECK(doc.RedoLabel().empty());
  CHECK(doc.Undo());  // commits "Resize lane", then undoes it
  CHECK_FALSE(doc.InGesture());
  CHECK(doc.HistorySize() == 2);
  CHECK(doc.RedoLabel() == "Resize lane");
  CHECK(doc.board().FindLane(s.l2)->height == 150);

  doc.BeginGesture("Nothing yet");
  CHECK(doc.CanRedo());  // an empty gesture does not drop redo
  CHECK(doc.Redo());
  CHECK(doc.board().FindLane(s.l2)->height == 400);
  CHECK(doc.HistorySize() == 2);

  doc.BeginGesture("Resize stage again");
  doc.UpdateGesture([&](const Board& b) { return ResizeStage(b, s.b, 600); });
  doc.JumpTo(0);
  CHECK(doc.HistorySize() == 3);
  CHECK(doc.board() == s.board);
}

// [SECTION] Dirty flag and saving

TEST_CASE("The dirty flag follows the saved state through undo, redo and new edits") {
  SmallBoard s;
  test::TempDir dir;
  Document doc = DocumentOf(s.board);
  CHECK_FALSE(doc.IsDirty());
  doc.Apply(RenameStage(doc.board(), s.a, "One"), "Rename");
  CHECK(doc.IsDirty());
  doc.Undo();
  CHECK_FALSE(doc.IsDirty());  // back at the state that was "saved" (the reset)
  doc.Redo();
  CHECK(doc.IsDirty());

  SaveError error;
  REQUIRE(SaveDocument(doc, dir.File("board.cjm"), &error));
  CHECK_FALSE(doc.IsDirty());
  CHECK(doc.HistorySize() == 1);  // saving does not touch history
  CHECK(doc.HistoryPosition() == 1);
  CHECK(doc.UndoLabel() == "Rename");
  doc.Undo();
  CHECK(doc.IsDirty());
  doc.Redo();
  CHECK_FALSE(doc.IsDirty());

  // Undo, then a different edit: the saved state is gone from history; every state is dirty.
  doc.Undo();
  doc.Apply(RenameStage(doc.board(), s.a, "Two"), "Rename");
  CHECK(doc.IsDirty());
  doc.Undo();
  CHECK(doc.IsDirty());
  doc.Redo();
  CHECK(doc.IsDirty());
  REQUIRE(SaveDocument(doc, "", &error));  // the current path
  CHECK_FALSE(doc.IsDirty());

  // An edit that changes back to the saved content is still an edit (states are numbered).
  doc.Apply(RenameStage(doc.board(), s.a, "One"), "Rename");
  doc.Apply(RenameStage(doc.board(), s.a, "Two"), "Rename");
  CHECK(doc.IsDirty());
}

TEST_CASE("Reset counts as saved unless told otherwise") {
  SmallBoard s;
  Document doc;
  doc.Reset(s.board, "");
  CHECK_FALSE(doc.IsDirty());
  doc.Apply(RenameStage(doc.board(), s.a, "One"), "Rename");
  doc.BeginGesture("Drag");
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {5, 5}); });
  doc.Reset(MakeBoard(Template::Blank), "/tmp/x.cjm");
  CHECK_FALSE(doc.IsDirty());
  CHECK_FALSE(doc.InGesture());
  CHECK(doc.HistorySize() == 0);
  CHECK_FALSE(doc.CanUndo());
  CHECK(doc.path() == "/tmp/x.cjm");
  CHECK(doc.DisplayName() == "x.cjm");
  doc.Reset(s.board, "", false);  // e.g. recovered from autosave
  CHECK(doc.IsDirty());
  CHECK(doc.DisplayName() == "untitled.cjm");
}

TEST_CASE("Save remembers the path, writes the board, and fails with a message without one") {
  SmallBoard s;
  test::TempDir dir;
  Document doc = DocumentOf(s.board);
  doc.Apply(RenameStage(doc.board(), s.a, "One"), "Rename");
  SaveError error;
  CHECK_FALSE(SaveDocument(doc, "", &error));
  CHECK_FALSE(error.message.empty());
  CHECK_FALSE(SaveDocument(doc, "", nullptr));
  CHECK(doc.IsDirty());
  CHECK_FALSE(SaveDocument(doc, dir.File("missing/folder/b.cjm"), &error));
  CHECK(doc.IsDirty());
  CHECK(doc.path().empty());

  const std::string path = dir.File("b.cjm");
  REQUIRE(SaveDocument(doc, path, &error));
  CHECK(doc.path() == path);
  CHECK(doc.DisplayName() == "b.cjm");
  LoadResult loaded = LoadBoard(path);
  REQUIRE(std::holds_alternative<LoadedBoard>(loaded));
  CHECK(std::get<LoadedBoard>(loaded).board == doc.board());
}

TEST_CASE("Saving during a gesture writes the board as it was before the gesture") {
  SmallBoard s;
  test::TempDir dir;
  Document doc = DocumentOf(s.board);
  doc.BeginGesture("Drag");
  doc.UpdateGesture([&](const Board& b) { return NudgeNotes(b, {s.n5}, {50, 0}); });
  const std::string path = dir.File("b.cjm");
  REQUIRE(SaveDocument(doc, path, nullptr));
  CHECK(doc.InGesture());
  CHECK(doc.board().FindNote(s.n5)->pos == Vec2{1550, 40});
  CHECK(ReadFile(path) == BoardToJson(s.board));
  CHECK_FALSE(doc.IsDirty());
  doc.CommitGesture();
  CHECK(doc.IsDirty());  // the gesture is not in the file
  doc.Undo();
  CHECK_FALSE(doc.IsDirty());
}

// [SECTION] History memory

TEST_CASE("The history memory limit drops the oldest steps and keeps the newest") {
  SmallBoard s;
  Document doc = DocumentOf(s.board);
  std::vector<Board> states = {doc.board()};
  for (int i = 0; i < 10; ++i) {
    doc.Apply(SetNoteText(doc.board(), s.n1, std::string(1000, char('a' + i))), "Text " + std::to_string(i));
    states.push_back(doc.board());
  }
  CHECK(doc.HistorySize() == 10);
  const size_t all = doc.HistoryBytes();
  CHECK(all > 10 * 2000);  // before and after text of each step

  doc.SetHistoryLimit(all / 3);
  CHECK(doc.HistoryBytes() <= all / 3);
  const size_t kept = doc.HistorySize();
  CHECK(kept >= 2);
  CHECK(kept <= 4);
  CHECK(doc.HistoryPosition() == kept);
  CHECK(doc.HistoryLabel(kept - 1) == "Text 9");
  CHECK(doc.HistoryLabel(0) == "Text " + std::to_string(10 - kept));
  doc.JumpTo(0);
  CHECK(doc.board() == states[10 - kept]);
  CHECK(doc.IsDirty());  // the reset state is out of reach

  // New steps keep being trimmed; a limit smaller than one step still keeps the last one.
  doc.JumpTo(kept);
  doc.SetHistoryLimit(1);
  CHECK(doc.HistorySize() == 1);
  CHECK(doc.UndoLabel() == "Text 9");
  doc.Apply(SetNoteText(doc.board(), s.n2, "x"), "Short");
  CHECK(doc.HistorySize() == 1);
  CHECK(doc.UndoLabel() == "Short");
  CHECK(doc.Undo());
  CHECK(doc.board() == states[10]);
  CHECK_FALSE(doc.Undo());

  // With everything undone, the farthest redo steps go first.
  Document redoDoc = DocumentOf(s.board);
  for (int i = 0; i < 5; ++i)
    redoDoc.Apply(SetNoteText(redoDoc.board(), s.n1, std::string(1000, char('a' + i))), "Text " + std::to_string(i));
  redoDoc.JumpTo(0);
  redoDoc.SetHistoryLimit(redoDoc.HistoryBytes() / 2);
  CHECK(redoDoc.HistorySize() < 5);
  CHECK(redoDoc.HistoryPosition() == 0);
  CHECK(redoDoc.RedoLabel() == "Text 0");
  CHECK(redoDoc.HistoryBytes() <= Document::kDefaultHistoryBytes);
}

// [SECTION] Random edits

namespace {

struct RandomRunStats {
  int applied = 0, gestures = 0, undos = 0, redos = 0, refused = 0;
};

// Thousands of random edits, gestures, undos and redos; then undo everything back to the start
// and redo everything to the end, comparing the saved bytes.
RandomRunStats RandomEdits(const Board& startBoard, uint32_t seed, int steps) {
  RandomRunStats stats;
  REQUIRE_FALSE(startBoard.personas.empty());
  REQUIRE_FALSE(startBoard.stages.empty());
  RandomEditor editor(seed, startBoard.personas.front().id.value, startBoard.stages.front().id.value);
  Document doc = DocumentOf(startBoard);
  const std::string startJson = BoardToJson(startBoard);

  for (int step = 0; step < steps; ++step) {
    CAPTURE(step);
    const Board& board = doc.board();
    if (editor.Chance(6) && doc.CanUndo()) {
      const int count = editor.Int(1, 3);
      for (int i = 0; i < count; ++i) stats.undos += doc.Undo() ? 1 : 0;
    } else if (doc.CanRedo() && editor.Chance(25)) {
      stats.redos += doc.Redo() ? 1 : 0;
    } else if (editor.Chance(12)) {
      ++stats.gestures;
      const Board start = board;
      const int kind = editor.Int(0, 4);
      doc.BeginGesture("Gesture");
      BoardDiff last;
      const int updates = editor.Int(1, 12);
      for (int u = 0; u < updates; ++u) {
        auto make = editor.GestureStep(start, kind);
        doc.UpdateGesture([&](const Board& b) {
          CHECK(b == start);
          last = make(b);
          return last;
        });
      }
      CHECK(doc.board() == Applied(start, last));
      const int end = editor.Int(0, 99);
      const size_t steps0 = doc.HistorySize();
      if (end < 70) {
        CHECK(doc.CommitGesture() == !last.Empty());
        if (!last.Empty()) CHECK(doc.UndoLabel() == "Gesture");
      } else if (end < 90) {
        doc.CancelGesture();
        CHECK(doc.board() == start);
        CHECK(doc.HistorySize() == steps0);
      } else {
        std::string label;
        bool mustBeEmpty = false;
        doc.Apply(editor.Command(doc.board(), &label, &mustBeEmpty), label);  // commits the gesture first
        CHECK_FALSE(doc.InGesture());
      }
      editor.EndGesture();
    } else {
      std::string label;
      bool mustBeEmpty = false;
      const BoardDiff diff = editor.Command(board, &label, &mustBeEmpty);
      CAPTURE(label);
      if (mustBeEmpty) CHECK(diff.Empty());
      if (diff.Empty()) {
        ++stats.refused;
      } else {
        CheckRevertRestores(board, diff);
      }
      CHECK(doc.Apply(diff, label) == !diff.Empty());
      stats.applied += diff.Empty() ? 0 : 1;
    }
    CHECK(IsConsistent(doc.board()));
  }

  REQUIRE_FALSE(doc.InGesture());
  CHECK(doc.HistoryBytes() < Document::kDefaultHistoryBytes);  // nothing was trimmed
  doc.JumpTo(doc.HistorySize());
  const std::string endJson = BoardToJson(doc.board());
  const size_t position = doc.HistoryPosition();
  while (doc.Undo()) {
  }
  CHECK(BoardToJson(doc.board()) == startJson);
  CHECK(doc.board() == startBoard);
  CHECK_FALSE(doc.IsDirty());
  while (doc.Redo()) {
  }
  CHECK(doc.HistoryPosition() == position);
  CHECK(BoardToJson(doc.board()) == endJson);
  return stats;
}

}  // namespace

TEST_CASE("Random edits of the sample board undo to the start and redo to the end, byte for byte") {
  for (uint32_t seed : {1u, 20240611u}) {
    CAPTURE(seed);
    const RandomRunStats stats = RandomEdits(MakeBoard(Template::Sample), seed, 3000);
    CHECK(stats.applied > 1000);
    CHECK(stats.gestures > 100);
    CHECK(stats.undos > 100);
    CHECK(stats.redos > 20);
    CHECK(stats.refused > 100);
  }
}

TEST_CASE("Random edits of the blank template undo to the start and redo to the end, byte for byte") {
  Board blank = MakeBoard(Template::Blank);
  if (blank.personas.empty()) {  // the editor needs one id of another record type
    Persona persona;
    persona.id = PersonaId(blank.NewId());
    blank.personas.push_back(persona);
  }
  for (uint32_t seed : {7u, 99u}) {
    CAPTURE(seed);
    const RandomRunStats stats = RandomEdits(blank, seed, 3000);
    CHECK(stats.applied > 1000);
  }
}
