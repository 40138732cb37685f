// Hide, reveal and cover (issue 14): the commands with undo and redo, the flags in the file
// (written only when set, repaired like any field) and how the layout leaves hidden things out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/file_io.h"
#include "core/layout/layout.h"
#include "file_io_support.h"

using namespace jb;
using namespace jb::test;

namespace {

const NoteBox& BoxOf(const Layout& layout, const Board& board, NoteId id) {
  return layout.notes.at(size_t(board.NoteIndex(id)));
}

LoadedBoard LoadsJson(const std::string& json) {
  LoadResult result = BoardFromJson(json, "test.cjm");
  REQUIRE(std::holds_alternative<LoadedBoard>(result));
  return std::get<LoadedBoard>(std::move(result));
}

}  // namespace

// [SECTION] Commands

TEST_CASE("Hiding and showing a stage or a lane is one undoable step each and keeps its notes") {
  SmallBoard s;
  Document document;
  document.Reset(s.board, "");
  REQUIRE(document.Apply(SetStageHidden(document.board(), s.a, true), "Hide stage"));
  CHECK(document.board().FindStage(s.a)->hidden);
  CHECK(document.board().notes.size() == s.board.notes.size());  // the notes stay
  CHECK(CountHidden(document.board()) == 1);
  REQUIRE(document.Apply(SetLaneHidden(document.board(), s.l1, true), "Hide lane"));
  CHECK(document.board().FindLane(s.l1)->hidden);
  CHECK(CountHidden(document.board()) == 2);
  // Hiding what is hidden changes nothing and is no step.
  CHECK(SetStageHidden(document.board(), s.a, true).Empty());
  CHECK(SetLaneHidden(document.board(), LaneId(999), true).Empty());

  document.Undo();
  CHECK_FALSE(document.board().FindLane(s.l1)->hidden);
  CHECK(document.board().FindStage(s.a)->hidden);
  document.Undo();
  CHECK(document.board() == s.board);
  document.Redo();
  CHECK(document.board().FindStage(s.a)->hidden);
  CHECK(document.UndoLabel() == "Hide stage");

  CheckRevertRestores(s.board, SetStageHidden(s.board, s.b, true));
  CheckRevertRestores(s.board, SetLaneHidden(s.board, s.l2, true));
}

TEST_CASE("Show all hidden shows every hidden stage and lane in one step") {
  SmallBoard s;
  Board board = Applied(s.board, SetStageHidden(s.board, s.a, true));
  board = Applied(board, SetStageHidden(board, s.c, true));
  board = Applied(board, SetLaneHidden(board, s.l2, true));
  REQUIRE(CountHidden(board) == 3);
  const BoardDiff diff = ShowAllHidden(board);
  CHECK(diff.stages.updated.size() == 2);
  CHECK(diff.lanes.updated.size() == 1);
  const Board shown = Applied(board, diff);
  CHECK(CountHidden(shown) == 0);
  CHECK(shown == s.board);
  CheckRevertRestores(board, diff);
  CHECK(ShowAllHidden(shown).Empty());
}

TEST_CASE("Notes made in cover mode are covered, and Reveal uncovers them all in one step") {
  SmallBoard s;
  Document document;
  document.Reset(s.board, "");
  Note typed;
  typed.text = "secret idea";
  NoteId added;
  REQUIRE(document.Apply(CoverAddedNotes(AddNote(document.board(), typed, Cell(s.b, s.l1), &added)), "Add note"));
  CHECK(document.board().FindNote(added)->covered);
  CHECK(document.board().FindNote(added)->text == "secret idea");  // kept, only not shown
  std::vector<NoteId> pasted;
  REQUIRE(document.Apply(CoverAddedNotes(PasteNotes(document.board(), {typed, typed}, Cell(s.c, s.l1), &pasted)),
                         "Paste notes"));
  std::vector<NoteId> copies;
  REQUIRE(document.Apply(CoverAddedNotes(DuplicateNotes(document.board(), {s.n1}, &copies)), "Duplicate"));
  REQUIRE(copies.size() == 1);
  CHECK(document.board().FindNote(copies[0])->covered);
  CHECK_FALSE(document.board().FindNote(s.n1)->covered);  // the original stays face up
  CHECK(CountCovered(document.board()) == 4);

  const Board before = document.board();
  std::vector<NoteId> revealed;
  REQUIRE(document.Apply(RevealCovered(document.board(), &revealed), "Reveal notes"));
  CHECK(revealed.size() == 4);
  CHECK(CountCovered(document.board()) == 0);
  CHECK(document.board().FindNote(added)->text == "secret idea");
  document.Undo();
  CHECK(document.board() == before);
  CHECK(CountCovered(document.board()) == 4);
  document.Redo();
  CHECK(CountCovered(document.board()) == 0);
  CHECK(RevealCovered(document.board()).Empty());
  CheckRevertRestores(before, RevealCovered(before));
}

// [SECTION] File

TEST_CASE("Hidden and covered are written only when set and survive a save and load") {
  SmallBoard s;
  // A board that uses none of them saves as before: older readers see nothing new.
  const std::string plain = BoardToJson(s.board);
  CHECK(plain.find("\"hidden\"") == std::string::npos);
  CHECK(plain.find("\"covered\"") == std::string::npos);

  Board board = Applied(s.board, SetStageHidden(s.board, s.b, true));
  board = Applied(board, SetLaneHidden(board, s.l2, true));
  board.notes[0].covered = true;
  const std::string json = BoardToJson(board);
  CHECK(json.find("\"hidden\": true") != std::string::npos);
  CHECK(json.find("\"covered\": true") != std::string::npos);
  const LoadedBoard loaded = LoadsJson(json);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.board == board);
  CHECK(loaded.board.FindStage(s.b)->hidden);
  CHECK(loaded.board.FindLane(s.l2)->hidden);
  CHECK(loaded.board.notes[0].covered);
  CHECK_FALSE(loaded.board.notes[1].covered);
}

TEST_CASE("A file without the flags loads with no warning, and a wrong kind is repaired with one") {
  const LoadedBoard clean = LoadsJson(kMinimalBoard);
  CHECK(clean.warnings.empty());
  CHECK_FALSE(clean.board.stages.at(0).hidden);
  CHECK_FALSE(clean.board.lanes.at(0).hidden);
  CHECK_FALSE(clean.board.notes.at(0).covered);
  CHECK(LoadsJson(Replace(kMinimalBoard, R"("width": 360)", R"("width": 360, "hidden": null)")).warnings.empty());

  struct Case {
    const char* from;
    const char* to;
    const char* warning;
    bool value;
  };
  const std::vector<Case> cases = {
      {R"("width": 360)", R"("width": 360, "hidden": "yes")", "1 stage had values of the wrong kind or out of range (hidden)", true},
      {R"("width": 360)", R"("width": 360, "hidden": [1])", "1 stage had values of the wrong kind or out of range (hidden)", false},
      {R"("collapsed": false)", R"("collapsed": false, "hidden": 1)", "1 lane had values of the wrong kind or out of range (hidden)", true},
      {R"("due": "")", R"("due": "", "covered": "no")", "1 note had values of the wrong kind or out of range (covered)", false},
      {R"("due": "")", R"("due": "", "covered": 2)", "1 note had values of the wrong kind or out of range (covered)", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.to);
    const LoadedBoard loaded = LoadsJson(Replace(kMinimalBoard, c.from, c.to));
    CAPTURE(loaded.warnings);
    CHECK(HasWarning(loaded.warnings, c.warning));
    const bool got = std::string(c.to).find("covered") != std::string::npos ? loaded.board.notes.at(0).covered
                     : std::string(c.from).find("width") != std::string::npos ? loaded.board.stages.at(0).hidden
                                                                               : loaded.board.lanes.at(0).hidden;
    CHECK(got == c.value);
    CHECK(loaded.board.notes.at(0).text == "Hello");  // the rest is all there
  }
}

// [SECTION] Layout

TEST_CASE("A hidden stage or lane is laid out as a thin strip and its notes are left out") {
  SmallBoard s;
  const Layout shown = ComputeLayout(s.board);
  CHECK_FALSE(BoxOf(shown, s.board, s.n1).hidden);
  CHECK(shown.curves[0].knots.size() == 4);
  CHECK(shown.emotionsLane == 1);

  Board board = Applied(s.board, SetStageHidden(s.board, s.a, true));
  const Layout layout = ComputeLayout(board);
  CHECK(layout.StageHeader(0).Width() == kMetrics.hiddenStrip);
  CHECK(layout.StageHeader(1).Width() == 300);
  for (NoteId id : {s.n1, s.n2, s.n3}) CHECK(BoxOf(layout, board, id).hidden);  // in stage A
  CHECK_FALSE(BoxOf(layout, board, s.n4).hidden);
  CHECK_FALSE(BoxOf(layout, board, s.n5).hidden);  // free
  CHECK_FALSE(CellTakesNotes(board, 0, 0));
  CHECK(CellTakesNotes(board, 1, 0));
  // The curve leaves the hidden stage's point out.
  CHECK(layout.curves[0].knots.size() == 3);
  for (const CurvePointPos& knot : layout.curves[0].knots) CHECK(board.curves[0].points[size_t(knot.point)].stage != s.a);

  board = Applied(board, SetLaneHidden(board, s.l1, true));
  const Layout both = ComputeLayout(board);
  CHECK(both.LaneLabel(0).Height() == kMetrics.hiddenStrip);
  CHECK(BoxOf(both, board, s.n4).hidden);
  CHECK_FALSE(CellTakesNotes(board, 1, 0));
  CHECK(CellTakesNotes(board, 1, 1));

  // A hidden Emotions lane draws no curve.
  board = Applied(s.board, SetLaneHidden(s.board, s.l2, true));
  CHECK(ComputeLayout(board).emotionsLane == -1);
}

TEST_CASE("Notes in a hidden stage do not make a lane taller") {
  SmallBoard s;
  Note note;
  note.text = "x";
  Board board = s.board;
  for (int i = 0; i < 12; ++i) board = Applied(board, AddNote(board, note, Cell(s.a, s.l2)));
  const float tall = ComputeLayout(board).LaneLabel(1).Height();
  REQUIRE(tall > kDefaultLaneHeight);
  board = Applied(board, SetStageHidden(board, s.a, true));
  CHECK(ComputeLayout(board).LaneLabel(1).Height() == kDefaultLaneHeight);
}
