// Frames and free text labels (issue 16): dragging a frame moves what lies inside it at the press
// and nothing else, live and in one undo step that puts everything back exactly; a frame's title
// keeps to the text rules of a load.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/edit/sketch_commands.h"
#include "core/model/consistency.h"

using namespace jb;
using namespace jb::test;

namespace {

// SmallBoard (free note n5 at 1500, 40) with a frame around n5, a free note outside it, a free
// stroke and a label inside, a stroke that leaves the frame, a label outside and a second frame.
struct FramedBoard : SmallBoard {
  FrameId frame, other;
  NoteId outside;
  StrokeId inside, crossing;
  LabelId labelIn, labelOut;

  FramedBoard() {
    Note note;
    note.id = outside = NoteId(board.NewId());
    note.text = "outside";
    note.pos = {2000, 40};
    board.notes.push_back(note);
    auto stroke = [this](std::vector<Vec2> points) {
      Stroke s;
      s.id = StrokeId(board.NewId());
      s.points = std::move(points);
      board.strokes.push_back(s);
      return s.id;
    };
    inside = stroke({{1450, 200}, {1600, 250}});
    crossing = stroke({{1450, 300}, {1900, 300}});  // its end lies outside: not carried
    auto label = [this](Vec2 pos, const char* text) {
      TextLabel l;
      l.id = LabelId(board.NewId());
      l.pos = pos;
      l.text = text;
      board.labels.push_back(l);
      return l.id;
    };
    labelIn = label({1420, 320}, "Parking lot");
    labelOut = label({1300, 320}, "Elsewhere");
    frame = FrameId(board.NewId());
    board.frames.push_back({frame, {1400, 0, 1800, 400}, "Parking", 0});
    other = FrameId(board.NewId());
    board.frames.push_back({other, {1900, 0, 2300, 400}, "Other", 0});
    REQUIRE(IsConsistent(board));
  }
};

template <class T, class IdT>
const T& ById(const std::vector<T>& records, IdT id) {
  for (const T& r : records)
    if (r.id == id) return r;
  FAIL("no such record");
  return records.front();
}

}  // namespace

TEST_CASE("Frames: a frame drag moves only what was inside it at the press, and one undo restores it exactly") {
  FramedBoard s;
  Document document;
  document.Reset(s.board, "");
  SketchSelection picked;
  picked.frames = {s.frame};
  // A live drag: many updates from the board at the press, the last one kept.
  document.BeginGesture("Move frame");
  for (float step : {10.f, 300.f, 700.f, 450.f})
    document.UpdateGesture([&](const Board& start) { return MoveSketch(start, picked, {step, 20}); });
  REQUIRE(document.CommitGesture());
  const Board& after = document.board();
  CHECK(ById(after.frames, s.frame).rect.x0 == 1850);
  CHECK(ById(after.frames, s.frame).rect.y0 == 20);
  CHECK(ById(after.notes, s.n5).pos == Vec2{1950, 60});
  CHECK(ById(after.strokes, s.inside).points[1] == Vec2{2050, 270});
  CHECK(ById(after.labels, s.labelIn).pos == Vec2{1870, 340});
  // What was outside at the press stays, though the frame now lies over some of it.
  CHECK(ById(after.notes, s.outside) == ById(s.board.notes, s.outside));
  CHECK(ById(after.strokes, s.crossing) == ById(s.board.strokes, s.crossing));
  CHECK(ById(after.labels, s.labelOut) == ById(s.board.labels, s.labelOut));
  CHECK(ById(after.frames, s.other) == ById(s.board.frames, s.other));
  CHECK(ById(after.notes, s.n1) == ById(s.board.notes, s.n1));
  CHECK(IsConsistent(after));

  REQUIRE(document.Undo());
  CHECK(document.board() == s.board);
  CHECK_FALSE(document.CanUndo());
  REQUIRE(document.Redo());
  CHECK(ById(document.board().notes, s.n5).pos == Vec2{1950, 60});
}

TEST_CASE("Frames: Esc during a frame drag leaves the board as it was") {
  FramedBoard s;
  Document document;
  document.Reset(s.board, "");
  SketchSelection picked;
  picked.frames = {s.frame};
  document.BeginGesture("Move frame");
  document.UpdateGesture([&](const Board& start) { return MoveSketch(start, picked, {-80, 90}); });
  CHECK(ById(document.board().notes, s.n5).pos == Vec2{1420, 130});
  document.CancelGesture();
  CHECK(document.board() == s.board);
  CHECK_FALSE(document.CanUndo());
}

TEST_CASE("Frames: RenameFrame sets the title as a load would keep it, and an unchanged or unknown frame is no edit") {
  FramedBoard s;
  // The command itself repairs (not only the Document that applies it), and reverts exactly.
  const BoardDiff diff = RenameFrame(s.board, s.frame, "Ideas \xff");
  CheckRevertRestores(s.board, diff);
  CHECK(ById(Applied(s.board, diff).frames, s.frame).title == "Ideas \xEF\xBF\xBD");
  Document document;
  document.Reset(s.board, "");
  REQUIRE(document.Apply(RenameFrame(document.board(), s.frame, "Ideas \xff"), "Rename frame"));
  CHECK(ById(document.board().frames, s.frame).title == "Ideas \xEF\xBF\xBD");
  CHECK(ById(document.board().frames, s.other).title == "Other");
  CHECK(RenameFrame(document.board(), s.frame, "Ideas \xEF\xBF\xBD").Empty());
  CHECK(RenameFrame(document.board(), FrameId(999999), "x").Empty());
  REQUIRE(document.Undo());
  CHECK(document.board() == s.board);
  // An empty title is a title too (the frame shows its "Title" hint only while being named).
  REQUIRE(document.Apply(RenameFrame(document.board(), s.frame, ""), "Rename frame"));
  CHECK(ById(document.board().frames, s.frame).title.empty());
}
