// The sketch commands (core/edit/sketch_commands.h) and the cascades of the structure commands:
// every diff reverts exactly, leaves a board that loading would keep, and goes through the
// journal and the Document as one undo step.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/edit/sketch_commands.h"
#include "core/model/consistency.h"
#include "core/session/journal.h"

using namespace jb;
using namespace jb::test;

namespace {

Board Run(const Board& board, const BoardDiff& diff) {
  CHECK_FALSE(diff.Empty());
  CheckRevertRestores(board, diff);
  // The same diff after the journal lands the same way.
  BoardDiff decoded;
  REQUIRE(DecodeDiff(EncodeDiff(diff), &decoded));
  Board after = Applied(board, diff);
  CHECK(Applied(board, decoded) == after);
  CHECK(IsConsistent(after));
  return after;
}

// The small board with sketches: a stroke in cell (A, L1), one in (B, L2), a free one; an arrow
// n1 → n4, an arrow n2 → free point, an arrow free → free; a frame around the free note n5 (at
// 1500, 40) and a free stroke inside it; a label.
struct SketchBoard : SmallBoard {
  StrokeId inA, inB, loose, inFrame;
  ArrowId n1n4, n2free, bothFree;
  FrameId frame;
  LabelId label;

  SketchBoard() {
    auto stroke = [this](StageId stage, LaneId lane, std::vector<Vec2> points) {
      Stroke s;
      s.id = StrokeId(board.NewId());
      s.stage = stage;
      s.lane = lane;
      s.points = std::move(points);
      board.strokes.push_back(s);
      return s.id;
    };
    inA = stroke(a, l1, {{5, 5}, {100, 10}, {90, 80}});
    inB = stroke(b, l2, {{10, 10}, {20, 20}});
    loose = stroke(StageId(), LaneId(), {{-100, -100}, {-50, -80}});
    inFrame = stroke(StageId(), LaneId(), {{1450, 20}, {1700, 30}});
    auto arrow = [this](ArrowEnd from, ArrowEnd to) {
      Arrow a;
      a.id = ArrowId(board.NewId());
      a.from = from;
      a.to = to;
      board.arrows.push_back(a);
      return a.id;
    };
    n1n4 = arrow({n1, {}}, {n4, {}});
    n2free = arrow({n2, {}}, {NoteId(), {900, 300}});
    bothFree = arrow({NoteId(), {0, 0}}, {NoteId(), {10, 10}});
    frame = FrameId(board.NewId());
    board.frames.push_back({frame, {1400, 0, 1800, 400}, "Parking", 0});
    label = LabelId(board.NewId());
    board.labels.push_back({label, {-300, -200}, "Title", 48, 0});
    REQUIRE(IsConsistent(board));
  }
};

const Stroke* FindStroke(const Board& board, StrokeId id) {
  for (const Stroke& s : board.strokes)
    if (s.id == id) return &s;
  return nullptr;
}
const Arrow* FindArrow(const Board& board, ArrowId id) {
  for (const Arrow& a : board.arrows)
    if (a.id == id) return &a;
  return nullptr;
}

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

}  // namespace

// [SECTION] Strokes

TEST_CASE("Sketch: AddStroke adds a cell or free stroke with a fresh id, and refuses what loading would") {
  SketchBoard s;
  Stroke stroke;
  stroke.stage = s.b;
  stroke.lane = s.l1;
  stroke.points = {{1, 2}, {3, 4}};
  stroke.width = 1e9f;
  StrokeId id;
  const Board after = Run(s.board, AddStroke(s.board, stroke, &id));
  REQUIRE(FindStroke(after, id));
  CHECK(FindStroke(after, id)->stage == s.b);
  CHECK(FindStroke(after, id)->width == kMaxStrokeWidth);
  CHECK(after.nextId == s.board.nextId + 1);

  // A half-set cell makes it free.
  Stroke half = stroke;
  half.lane = LaneId();
  const Board freed = Run(s.board, AddStroke(s.board, half, &id));
  CHECK(FindStroke(freed, id)->IsFree());
  CHECK_FALSE(FindStroke(freed, id)->stage);

  Stroke bad = stroke;
  bad.points.clear();
  CHECK(AddStroke(s.board, bad, &id).Empty());
  CHECK_FALSE(id);
  bad = stroke;
  bad.points[1].x = kNaN;
  CHECK(AddStroke(s.board, bad).Empty());
  bad = stroke;
  bad.points.assign(kMaxStrokePoints + 1, Vec2{1, 1});
  CHECK(AddStroke(s.board, bad).Empty());
  bad = stroke;
  bad.stage = StageId(999);
  CHECK(AddStroke(s.board, bad).Empty());
}

TEST_CASE("Sketch: EraseStrokes removes many strokes in one diff, and one undo restores them all") {
  SketchBoard s;
  Document document;
  document.Reset(s.board, "");
  const Board before = s.board;
  document.Apply(EraseStrokes(document.board(), {s.inA, s.loose, StrokeId(999), s.loose}), "Erase");
  CHECK(document.board().strokes.size() == before.strokes.size() - 2);
  CHECK_FALSE(FindStroke(document.board(), s.inA));
  CHECK(FindStroke(document.board(), s.inB));
  CHECK(document.Undo());
  CHECK(document.board() == before);
  CHECK(EraseStrokes(s.board, {StrokeId(999)}).Empty());
  Run(s.board, EraseStrokes(s.board, {s.inA, s.inB, s.loose, s.inFrame}));
}

// [SECTION] Arrows

TEST_CASE("Sketch: AddArrow binds ends to existing notes only, and DeleteArrows and SetArrowStyle revert exactly") {
  SketchBoard s;
  Arrow arrow;
  arrow.from = {s.n3, {}};
  arrow.to = {NoteId(), {5e7f, -20}};
  arrow.label = std::string("ok\x01");
  ArrowId id;
  const Board after = Run(s.board, AddArrow(s.board, arrow, &id));
  REQUIRE(FindArrow(after, id));
  CHECK(FindArrow(after, id)->to.pos.x == kMaxCoordinate);
  CHECK(FindArrow(after, id)->label == "ok");

  Arrow missing = arrow;
  missing.to.note = NoteId(999);
  CHECK(AddArrow(s.board, missing).Empty());
  Arrow self = arrow;
  self.to.note = s.n3;
  CHECK(AddArrow(s.board, self).Empty());
  Arrow nan = arrow;
  nan.from = {NoteId(), {kNaN, 0}};
  CHECK(AddArrow(s.board, nan).Empty());

  const Board styled = Run(s.board, SetArrowStyle(s.board, s.n1n4, true, ArrowHeads::Both, "answers"));
  CHECK(FindArrow(styled, s.n1n4)->curved);
  CHECK(FindArrow(styled, s.n1n4)->heads == ArrowHeads::Both);
  CHECK(FindArrow(styled, s.n1n4)->label == "answers");
  CHECK(SetArrowStyle(s.board, s.n1n4, false, ArrowHeads::End, "").Empty());  // already so
  CHECK(SetArrowStyle(s.board, ArrowId(999), true, ArrowHeads::End, "").Empty());

  const Board gone = Run(s.board, DeleteArrows(s.board, {s.n1n4, s.bothFree}));
  CHECK(gone.arrows.size() == 1);
  CHECK(gone.arrows[0].id == s.n2free);
}

// [SECTION] Frames and labels

TEST_CASE("Sketch: AddFrame puts corners in order, and AddLabel and EditLabel keep to the load's rules") {
  SketchBoard s;
  FrameId frame;
  const Board framed = Run(s.board, AddFrame(s.board, {FrameId(), {100, 200, -100, -50}, "Group", 0}, &frame));
  REQUIRE(framed.frames.size() == 2);
  CHECK(framed.frames[1].id == frame);
  CHECK(framed.frames[1].rect.x0 == -100);
  CHECK(framed.frames[1].rect.y1 == 200);
  CHECK(AddFrame(s.board, {FrameId(), {kNaN, 0, 1, 1}, "", 0}).Empty());

  LabelId label;
  const Board labelled = Run(s.board, AddLabel(s.board, {LabelId(), {10, 20}, "Hi", 0.001f, 0}, &label));
  REQUIRE(labelled.labels.size() == 2);
  CHECK(labelled.labels[1].size == kMinLabelSize);
  CHECK(AddLabel(s.board, {LabelId(), {kNaN, 20}, "Hi", 48, 0}).Empty());

  const Board edited = Run(s.board, EditLabel(s.board, s.label, "New title \xff"));
  CHECK(edited.labels[0].text == "New title \xEF\xBF\xBD");
  CHECK(EditLabel(s.board, s.label, "Title").Empty());
  CHECK(EditLabel(s.board, LabelId(999), "x").Empty());
}

// [SECTION] Any sketch records

TEST_CASE("Sketch: MoveSketch moves strokes, labels and free arrow ends, and a cell stroke stays in its cell") {
  SketchBoard s;
  SketchSelection picked;
  picked.strokes = {s.inA, s.loose};
  picked.labels = {s.label};
  picked.arrows = {s.n2free};
  const Board after = Run(s.board, MoveSketch(s.board, picked, {10, -5}));
  CHECK(FindStroke(after, s.inA)->stage == s.a);
  CHECK(FindStroke(after, s.inA)->points[0] == Vec2{15, 0});
  CHECK(FindStroke(after, s.loose)->points[1] == Vec2{-40, -85});
  CHECK(FindStroke(after, s.inB)->points == FindStroke(s.board, s.inB)->points);  // not picked
  CHECK(after.labels[0].pos == Vec2{-290, -205});
  CHECK(FindArrow(after, s.n2free)->to.pos == Vec2{910, 295});
  CHECK(FindArrow(after, s.n2free)->from == FindArrow(s.board, s.n2free)->from);  // bound: follows its note
  CHECK(MoveSketch(s.board, picked, {0, 0}).Empty());
  CHECK(MoveSketch(s.board, picked, {kNaN, 0}).Empty());
  // Far away: clamped to where a board keeps things.
  const Board far = Run(s.board, MoveSketch(s.board, picked, {1e30f, 0}));
  CHECK(far.labels[0].pos.x == kMaxCoordinate);
}

TEST_CASE("Sketch: moving a frame moves the free notes and free strokes inside it, once each") {
  SketchBoard s;
  SketchSelection picked;
  picked.frames = {s.frame};
  picked.strokes = {s.inFrame};  // picked and inside: still moved once
  const BoardDiff diff = MoveSketch(s.board, picked, {100, 50});
  CHECK(diff.notes.updated.size() == 1);
  CHECK(diff.strokes.updated.size() == 1);
  const Board after = Run(s.board, diff);
  CHECK(after.frames[0].rect.x0 == 1500);
  CHECK(after.frames[0].rect.y1 == 450);
  CHECK(after.notes[size_t(after.NoteIndex(s.n5))].pos == Vec2{1600, 90});
  CHECK(FindStroke(after, s.inFrame)->points[0] == Vec2{1550, 70});
  // Notes in cells and strokes outside stay.
  CHECK(after.notes[size_t(after.NoteIndex(s.n1))] == s.board.notes[size_t(s.board.NoteIndex(s.n1))]);
  CHECK(FindStroke(after, s.loose)->points == FindStroke(s.board, s.loose)->points);
}

TEST_CASE("Sketch: Recolor and DeleteSketch act on every picked kind in one diff") {
  SketchBoard s;
  SketchSelection picked;
  picked.strokes = {s.inB};
  picked.arrows = {s.bothFree};
  picked.frames = {s.frame};
  picked.labels = {s.label};
  const Board colored = Run(s.board, Recolor(s.board, picked, 0xff345678u));
  CHECK(FindStroke(colored, s.inB)->color == 0x345678);
  CHECK(FindArrow(colored, s.bothFree)->color == 0x345678);
  CHECK(colored.frames[0].color == 0x345678);
  CHECK(colored.labels[0].color == 0x345678);
  CHECK(FindStroke(colored, s.inA)->color == FindStroke(s.board, s.inA)->color);

  const Board gone = Run(s.board, DeleteSketch(s.board, picked));
  CHECK_FALSE(FindStroke(gone, s.inB));
  CHECK_FALSE(FindArrow(gone, s.bothFree));
  CHECK(gone.frames.empty());
  CHECK(gone.labels.empty());
  CHECK(DeleteSketch(s.board, SketchSelection{}).Empty());
}

// [SECTION] Cascades

TEST_CASE("Sketch: deleting a note removes its arrows in the same diff, and undo restores both exactly") {
  SketchBoard s;
  Document document;
  document.Reset(s.board, "");
  const Board before = s.board;
  document.Apply(DeleteNotes(document.board(), {s.n1}), "Delete note");
  CHECK(document.board().FindNote(s.n1) == nullptr);
  CHECK_FALSE(FindArrow(document.board(), s.n1n4));  // n1 → n4 went with n1
  CHECK(FindArrow(document.board(), s.n2free));
  CHECK(CheckBoard(document.board()).empty());
  CHECK(document.Undo());
  CHECK(document.board() == before);
  CHECK(BoardToJson(document.board()) == BoardToJson(before));
  // Both ends' notes deleted together: the arrow is removed once.
  const BoardDiff both = DeleteNotes(s.board, {s.n1, s.n4});
  CHECK(both.arrows.removed.size() == 1);
  Run(s.board, both);
}

TEST_CASE("Sketch: deleting a stage or lane removes the strokes in its cells and the arrows of its notes") {
  SketchBoard s;
  // Stage A holds n1, n2, n3 and stroke inA: the arrows n1 → n4 and n2 → free go, and inA.
  const BoardDiff stage = DeleteStage(s.board, s.a);
  CHECK(stage.strokes.removed.size() == 1);
  CHECK(stage.arrows.removed.size() == 2);
  const Board noA = Run(s.board, stage);
  CHECK_FALSE(FindStroke(noA, s.inA));
  CHECK(FindStroke(noA, s.inB));
  CHECK(FindStroke(noA, s.loose));
  CHECK(noA.arrows.size() == 1);
  CHECK(CheckBoard(noA).empty());
  // Lane L2 holds no note but stroke inB.
  const Board noL2 = Run(s.board, DeleteLane(s.board, s.l2));
  CHECK_FALSE(FindStroke(noL2, s.inB));
  CHECK(noL2.arrows.size() == s.board.arrows.size());
  // Lane L1: every cell note, so both bound arrows, and stroke inA.
  const Board noL1 = Run(s.board, DeleteLane(s.board, s.l1));
  CHECK_FALSE(FindStroke(noL1, s.inA));
  CHECK(noL1.arrows.size() == 1);
}

// [SECTION] Moving and deleting a mixed selection (the canvas' drag and Del)

TEST_CASE("Sketch: MoveSelection moves the picked sketches and the free notes, re-anchors landed strokes, once each") {
  SketchBoard s;
  SketchSelection picked;
  picked.strokes = {s.inA, s.loose};
  picked.frames = {s.frame};  // carries n5
  // inA landed in cell (B, L2); a landed stroke whose cell is gone becomes free.
  Stroke landedInB;
  landedInB.id = s.inA;
  landedInB.stage = s.b;
  landedInB.lane = s.l2;
  landedInB.points = {{1, 2}, {3, 4}};
  Stroke landedNowhere;
  landedNowhere.id = s.loose;
  landedNowhere.stage = StageId(999);
  landedNowhere.lane = s.l1;
  landedNowhere.points = {{7, 8}};
  // n5 is picked too (and carried by the frame): moved once; n1 is in a cell: stays.
  const BoardDiff diff = MoveSelection(s.board, picked, {s.n5, s.n1}, {10, 20}, {landedInB, landedNowhere});
  CHECK(diff.notes.updated.size() == 1);
  const Board after = Run(s.board, diff);
  CHECK(FindStroke(after, s.inA)->stage == s.b);
  CHECK(FindStroke(after, s.inA)->lane == s.l2);
  CHECK(FindStroke(after, s.inA)->points == std::vector<Vec2>{{1, 2}, {3, 4}});
  CHECK(FindStroke(after, s.loose)->IsFree());
  CHECK(FindStroke(after, s.loose)->points == std::vector<Vec2>{{7, 8}});
  CHECK(after.notes[size_t(after.NoteIndex(s.n5))].pos == Vec2{1510, 60});
  CHECK(after.notes[size_t(after.NoteIndex(s.n1))] == s.board.notes[size_t(s.board.NoteIndex(s.n1))]);
  CHECK(FindStroke(after, s.inFrame)->points[0] == Vec2{1460, 40});  // carried by the frame: offset
  // Notes alone (no sketch) move too; nothing picked, or no move: empty.
  const Board notesOnly = Run(s.board, MoveSelection(s.board, {}, {s.n5}, {-5, 0}));
  CHECK(notesOnly.notes[size_t(notesOnly.NoteIndex(s.n5))].pos == Vec2{1495, 40});
  CHECK(MoveSelection(s.board, picked, {s.n5}, {0, 0}).Empty());
  CHECK(MoveSelection(s.board, {}, {s.n1}, {5, 5}).Empty());
}

TEST_CASE("Sketch: DeleteNotesAndSketch removes notes, their arrows and the picked records once, and undo restores all") {
  SketchBoard s;
  SketchSelection picked;
  picked.arrows = {s.n1n4, s.bothFree};  // n1n4 also goes with n1
  picked.strokes = {s.inB};
  const BoardDiff diff = DeleteNotesAndSketch(s.board, {s.n1}, picked);
  CHECK(diff.arrows.removed.size() == 2);
  const Board after = Run(s.board, diff);
  CHECK(after.NoteIndex(s.n1) < 0);
  CHECK_FALSE(FindArrow(after, s.n1n4));
  CHECK_FALSE(FindArrow(after, s.bothFree));
  CHECK(FindArrow(after, s.n2free));
  CHECK_FALSE(FindStroke(after, s.inB));
  Document document;
  document.Reset(s.board, "");
  REQUIRE(document.Apply(diff, "Delete"));
  CHECK(document.Undo());
  CHECK(document.board() == s.board);
  CHECK(DeleteNotesAndSketch(s.board, {}, {}).Empty());
}

TEST_CASE("Sketch: RecolorSelection colours the notes and the picked records in one diff") {
  SketchBoard s;
  SketchSelection picked;
  picked.strokes = {s.inA};
  picked.arrows = {s.n1n4};
  const Board after = Run(s.board, RecolorSelection(s.board, {s.n2}, picked, 0xc8f0c8));
  CHECK(after.notes[size_t(after.NoteIndex(s.n2))].color == 0xc8f0c8);
  CHECK(FindStroke(after, s.inA)->color == 0xc8f0c8);
  CHECK(FindArrow(after, s.n1n4)->color == 0xc8f0c8);
  CHECK(FindStroke(after, s.inB)->color == FindStroke(s.board, s.inB)->color);
  const Board sketchOnly = Run(s.board, RecolorSelection(s.board, {}, picked, 0xc8f0c8));
  CHECK(sketchOnly.notes == s.board.notes);
}
