#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/templates.h"

using namespace jb;
using namespace jb::test;

// Index:
//  [SECTION] Curve points
//  [SECTION] Curves
//  [SECTION] Personas
//  [SECTION] Note details
//  [SECTION] Votes
//  [SECTION] Queries

// As in test_commands.cpp: every diff must revert exactly and leave a consistent board.
namespace {
Board Run(const Board& board, const BoardDiff& diff) {
  CHECK_FALSE(diff.Empty());
  CheckRevertRestores(board, diff);
  Board after = Applied(board, diff);
  CHECK(IsConsistent(after));
  return after;
}

// (stage, t, value) of each point of the board's first curve, for compact comparisons.
struct Place {
  StageId stage;
  float t, value;
  friend bool operator==(const Place& a, const Place& b) {
    return a.stage == b.stage && a.t == b.t && a.value == b.value;
  }
};
std::vector<Place> Places(const Board& board) {
  std::vector<Place> places;
  for (const CurvePoint& p : board.curves.front().points) places.push_back({p.stage, p.t, p.value});
  return places;
}
std::vector<std::string> Labels(const Board& board) {
  std::vector<std::string> labels;
  for (const CurvePoint& p : board.curves.front().points) labels.push_back(p.label);
  return labels;
}

// SmallBoard's curve is out of order (a, b1, c, b2); this is it sorted.
Board Sorted(const SmallBoard& s) {
  Board board = s.board;
  auto& points = board.curves.front().points;
  std::swap(points[2], points[3]);
  return board;
}
}  // namespace

namespace doctest {
template <>
struct StringMaker<Place> {
  static String convert(const Place& p) {
    return ("(#" + std::to_string(p.stage.value) + " " + std::to_string(p.t) + " " + std::to_string(p.value) + ")")
        .c_str();
  }
};
}  // namespace doctest

// [SECTION] Curve points

TEST_CASE("SnapEmotion goes to the nearest of the five levels") {
  CHECK(SnapEmotion(0.9f) == 1.0f);
  CHECK(SnapEmotion(0.7f) == 0.5f);
  CHECK(SnapEmotion(0.2f) == 0.0f);
  CHECK(SnapEmotion(-0.2f) == 0.0f);
  CHECK(SnapEmotion(-0.3f) == -0.5f);
  CHECK(SnapEmotion(-0.76f) == -1.0f);
  CHECK(SnapEmotion(-5.0f) == -1.0f);
  CHECK(SnapEmotion(INFINITY) == 1.0f);
  CHECK(SnapEmotion(NAN) == 0.0f);
  for (float level : {-1.0f, -0.5f, 0.0f, 0.5f, 1.0f}) CHECK(SnapEmotion(level) == level);
}

TEST_CASE("AddCurvePoint inserts in (stage order, t) order, clamped, and reports the index") {
  SmallBoard s;
  const Board sorted = Sorted(s);
  int index = 99;
  Board after = Run(sorted, AddCurvePoint(sorted, s.curve, {s.b, 0.5f, 0.9f, "mid"}, &index));
  CHECK(index == 2);
  CHECK(Labels(after) == std::vector<std::string>{"a", "b1", "mid", "b2", "c"});

  after = Run(sorted, AddCurvePoint(sorted, s.curve, {s.a, -3.0f, 7.0f, "first"}, &index));
  CHECK(index == 0);
  CHECK(after.curves[0].points[0].t == 0.0f);
  CHECK(after.curves[0].points[0].value == 1.0f);

  after = Run(sorted, AddCurvePoint(sorted, s.curve, {s.c, 2.0f, -INFINITY, "last"}, &index));
  CHECK(index == 4);
  CHECK(Places(after).back() == Place{s.c, 1.0f, -1.0f});

  // The same place as an existing point: after it.
  after = Run(sorted, AddCurvePoint(sorted, s.curve, {s.b, 0.3f, 0.0f, "twin"}, &index));
  CHECK(index == 2);
  CHECK(Labels(after) == std::vector<std::string>{"a", "b1", "twin", "b2", "c"});
}

TEST_CASE("AddCurvePoint on a curve out of order sorts it in the same step") {
  SmallBoard s;  // its points are a, b1, c, b2
  int index = -1;
  const BoardDiff diff = AddCurvePoint(s.board, s.curve, {s.c, 0.9f, 0.0f, "end"}, &index);
  CHECK(diff.curves.updated.size() == 1);
  const Board after = Run(s.board, diff);
  CHECK(index == 4);
  CHECK(Labels(after) == std::vector<std::string>{"a", "b1", "b2", "c", "end"});

  // Order follows the stages' order on screen, not their ids.
  Board moved = s.board;
  std::swap(moved.stages[0], moved.stages[2]);  // c, b, a
  const Board resorted = Run(moved, AddCurvePoint(moved, s.curve, {s.b, 0.5f, 0.0f, "new"}, &index));
  CHECK(Labels(resorted) == std::vector<std::string>{"c", "b1", "new", "b2", "a"});
  CHECK(index == 2);
}

TEST_CASE("AddCurvePoint refuses unknown curves and stages, and NaN") {
  SmallBoard s;
  int index = 5;
  CHECK(AddCurvePoint(s.board, CurveId(999), {s.a, 0.5f, 0, ""}, &index).Empty());
  CHECK(index == -1);
  CHECK(AddCurvePoint(s.board, CurveId(s.persona.value), {s.a, 0.5f, 0, ""}).Empty());  // a persona's id
  CHECK(AddCurvePoint(s.board, s.curve, {StageId(999), 0.5f, 0, ""}).Empty());
  CHECK(AddCurvePoint(s.board, s.curve, {StageId(), 0.5f, 0, ""}).Empty());
  CHECK(AddCurvePoint(s.board, s.curve, {StageId(s.l1.value), 0.5f, 0, ""}).Empty());  // a lane's id
  CHECK(AddCurvePoint(s.board, s.curve, {s.a, NAN, 0, ""}).Empty());
  CHECK(AddCurvePoint(s.board, s.curve, {s.a, 0.5f, NAN, ""}, &index).Empty());
  CHECK(index == -1);
}

TEST_CASE("MoveCurvePoint moves a point, keeps the curve sorted and reports the new index") {
  SmallBoard s;
  const Board sorted = Sorted(s);  // a, b1, b2, c
  int index = -1;
  // b1 past b2 within stage b.
  Board after = Run(sorted, MoveCurvePoint(sorted, s.curve, 1, s.b, 0.9f, -0.25f, &index));
  CHECK(index == 2);
  CHECK(Labels(after) == std::vector<std::string>{"a", "b2", "b1", "c"});
  CHECK(Places(after)[2] == Place{s.b, 0.9f, -0.25f});

  // Into another stage, clamped.
  after = Run(sorted, MoveCurvePoint(sorted, s.curve, 3, s.a, -1.0f, 9.0f, &index));
  CHECK(index == 0);
  CHECK(Places(after)[0] == Place{s.a, 0.0f, 1.0f});
  CHECK(Labels(after) == std::vector<std::string>{"c", "a", "b1", "b2"});

  // Only the value: same index.
  after = Run(sorted, MoveCurvePoint(sorted, s.curve, 2, s.b, 0.8f, SnapEmotion(0.6f), &index));
  CHECK(index == 2);
  CHECK(after.curves[0].points[2].value == 0.5f);
}

TEST_CASE("MoveCurvePoint to where the point is, or with bad arguments, is an empty diff") {
  SmallBoard s;
  int index = 42;
  CHECK(MoveCurvePoint(s.board, s.curve, 1, s.b, 0.3f, -0.5f, &index).Empty());
  CHECK(index == 1);
  CHECK_FALSE(MoveCurvePoint(s.board, s.curve, 1, s.b, 0.3f, -2.0f).Empty());  // clamps to -1: a change
  CHECK(MoveCurvePoint(s.board, s.curve, 0, s.a, 0.5f, 0.2f).Empty());         // unsorted curve, unchanged point
  CHECK(MoveCurvePoint(s.board, s.curve, 4, s.a, 0.5f, 0.2f, &index).Empty());
  CHECK(index == -1);
  CHECK(MoveCurvePoint(s.board, s.curve, -1, s.a, 0.5f, 0.2f).Empty());
  CHECK(MoveCurvePoint(s.board, CurveId(999), 0, s.a, 0.1f, 0.2f).Empty());
  CHECK(MoveCurvePoint(s.board, s.curve, 0, StageId(999), 0.1f, 0.2f).Empty());
  CHECK(MoveCurvePoint(s.board, s.curve, 0, s.a, NAN, 0.2f).Empty());
}

TEST_CASE("A point drag recomputed from the start gives the same board as one move") {
  SmallBoard s;
  const Board start = Sorted(s);
  Board board = start;
  BoardDiff last;
  auto t = [](int i) { return 0.05f * float(i); };
  auto value = [](int i) { return 0.1f * float(i) - 1; };
  for (int i = 1; i <= 20; ++i) {
    if (!last.Empty()) RevertDiff(board, last);
    CHECK(board == start);
    last = MoveCurvePoint(board, s.curve, 0, i % 2 ? s.b : s.c, t(i), value(i));
    ApplyDiff(board, last);
  }
  const Board once = Applied(start, MoveCurvePoint(start, s.curve, 0, s.c, t(20), value(20)));
  CHECK(BoardToJson(board) == BoardToJson(once));
}

TEST_CASE("DeleteCurvePoint and SetCurvePointLabel") {
  SmallBoard s;
  const Board sorted = Sorted(s);
  Board after = Run(sorted, DeleteCurvePoint(sorted, s.curve, 1));
  CHECK(Labels(after) == std::vector<std::string>{"a", "b2", "c"});
  after = Run(s.board, DeleteCurvePoint(s.board, s.curve, 0));  // the rest gets sorted too
  CHECK(Labels(after) == std::vector<std::string>{"b1", "b2", "c"});
  CHECK(DeleteCurvePoint(s.board, s.curve, 4).Empty());
  CHECK(DeleteCurvePoint(s.board, s.curve, -1).Empty());
  CHECK(DeleteCurvePoint(s.board, CurveId(), 0).Empty());

  after = Run(sorted, SetCurvePointLabel(sorted, s.curve, 3, "Отмена подписки"));
  CHECK(Labels(after) == std::vector<std::string>{"a", "b1", "b2", "Отмена подписки"});
  CHECK(SetCurvePointLabel(sorted, s.curve, 3, "c").Empty());
  CHECK(SetCurvePointLabel(sorted, s.curve, 4, "x").Empty());
  CHECK(SetCurvePointLabel(sorted, CurveId(999), 0, "x").Empty());

  // Deleting every point one by one, then undoing all, restores the curve.
  Board board = sorted;
  std::vector<BoardDiff> steps;
  while (!board.curves[0].points.empty()) {
    steps.push_back(DeleteCurvePoint(board, s.curve, int(board.curves[0].points.size() / 2)));
    ApplyDiff(board, steps.back());
  }
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) RevertDiff(board, *step);
  CHECK(BoardToJson(board) == BoardToJson(sorted));
}

// [SECTION] Curves

TEST_CASE("AddCurve appends a curve with a new id, for a persona or none") {
  SmallBoard s;
  CurveId id;
  const BoardDiff diff = AddCurve(s.board, s.persona, "Maria — to-be", 0xe0523a, true, &id);
  CHECK(id == CurveId(s.board.nextId));
  const Board after = Run(s.board, diff);
  CHECK(after.nextId == s.board.nextId + 1);
  REQUIRE(after.curves.size() == 2);
  const EmotionCurve& curve = after.curves.back();
  CHECK(curve.id == id);
  CHECK(curve.persona == s.persona);
  CHECK(curve.name == "Maria — to-be");
  CHECK(curve.color == 0xe0523a);
  CHECK(curve.toBe);
  CHECK(curve.points.empty());

  const Board none = Run(s.board, AddCurve(s.board, PersonaId(), "Team", 0x2e9e5b, false, &id));
  CHECK_FALSE(none.FindCurve(id)->persona);

  CHECK(AddCurve(s.board, PersonaId(999), "x", 0, false, &id).Empty());
  CHECK(id == CurveId());
  CHECK(AddCurve(s.board, PersonaId(s.curve.value), "x", 0, false).Empty());  // a curve's id
}

TEST_CASE("DeleteCurve and the curve setters") {
  SmallBoard s;
  Board after = Run(s.board, DeleteCurve(s.board, s.curve));
  CHECK(after.curves.empty());
  CHECK(DeleteCurve(s.board, CurveId(999)).Empty());
  CHECK(DeleteCurve(s.board, CurveId()).Empty());

  after = Run(s.board, SetCurveName(s.board, s.curve, "Как есть"));
  CHECK(after.curves[0].name == "Как есть");
  CHECK(SetCurveName(s.board, s.curve, "").Empty());
  CHECK(SetCurveName(s.board, CurveId(999), "x").Empty());

  after = Run(s.board, SetCurveColor(s.board, s.curve, 0x9b4dca));
  CHECK(after.curves[0].color == 0x9b4dca);
  CHECK(SetCurveColor(s.board, s.curve, s.board.curves[0].color).Empty());

  after = Run(s.board, SetCurveToBe(s.board, s.curve, true));
  CHECK(after.curves[0].toBe);
  CHECK(SetCurveToBe(s.board, s.curve, false).Empty());

  after = Run(s.board, SetCurvePersona(s.board, s.curve, PersonaId()));
  CHECK_FALSE(after.curves[0].persona);
  CHECK(SetCurvePersona(s.board, s.curve, s.persona).Empty());
  CHECK(SetCurvePersona(s.board, s.curve, PersonaId(999)).Empty());
  CHECK(SetCurvePersona(s.board, CurveId(999), PersonaId()).Empty());
  PersonaId other;
  Board two = Run(s.board, AddPersona(s.board, Persona{}, &other));
  after = Run(after, SetCurvePersona(after, s.curve, s.persona));
  CHECK(after.curves[0].persona == s.persona);
  after = Run(two, SetCurvePersona(two, s.curve, other));
  CHECK(after.curves[0].persona == other);
}

TEST_CASE("NextCurveColor picks a colour no curve uses, then the least used") {
  SmallBoard s;
  Board board = s.board;
  board.curves.clear();
  const Rgb first = NextCurveColor(board);
  CHECK(first == EmotionCurve{}.color);  // an empty board starts with the default
  std::vector<Rgb> seen;
  for (int i = 0; i < 8; ++i) {
    const Rgb color = NextCurveColor(board);
    CHECK(std::find(seen.begin(), seen.end(), color) == seen.end());
    seen.push_back(color);
    board = Applied(board, AddCurve(board, PersonaId(), "c", color, false));
  }
  // All used once: the palette starts again; then the one used least.
  CHECK(NextCurveColor(board) == seen[0]);
  board = Applied(board, AddCurve(board, PersonaId(), "c", seen[0], false));
  CHECK(NextCurveColor(board) == seen[1]);
  board.curves.erase(board.curves.begin() + 3);
  CHECK(NextCurveColor(board) == seen[3]);
}

// [SECTION] Personas

TEST_CASE("AddPersona assigns the id and appends, UpdatePersona replaces the record") {
  SmallBoard s;
  Persona p;
  p.id = PersonaId(12345);  // ignored
  p.name = "Олег";
  p.quote = "Just let me cancel.";
  PersonaId id;
  Board after = Run(s.board, AddPersona(s.board, p, &id));
  CHECK(id == PersonaId(s.board.nextId));
  CHECK(after.personas.back().id == id);
  CHECK(after.personas.back().name == "Олег");
  CHECK(after.nextId == s.board.nextId + 1);

  Persona edited = *s.board.FindPersona(s.persona);
  edited.goals = "Watch without ads";
  edited.pains = "Surprise charges";
  after = Run(s.board, UpdatePersona(s.board, edited));
  CHECK(*after.FindPersona(s.persona) == edited);
  CHECK(UpdatePersona(s.board, *s.board.FindPersona(s.persona)).Empty());
  edited.id = PersonaId(999);
  CHECK(UpdatePersona(s.board, edited).Empty());
  edited.id = PersonaId(s.curve.value);
  CHECK(UpdatePersona(s.board, edited).Empty());
}

TEST_CASE("DeletePersona keeps its curves, without a persona, undo restores both") {
  SmallBoard s;
  Board board = s.board;
  ApplyDiff(board, AddCurve(board, s.persona, "to-be", 0xe0523a, true));
  ApplyDiff(board, AddCurve(board, PersonaId(), "team", 0x2e9e5b, false));
  const BoardDiff diff = DeletePersona(board, s.persona);
  CHECK(diff.personas.removed.size() == 1);
  CHECK(diff.curves.updated.size() == 2);
  const Board after = Run(board, diff);
  CHECK(after.personas.empty());
  REQUIRE(after.curves.size() == 3);
  for (const EmotionCurve& curve : after.curves) CHECK_FALSE(curve.persona);
  CHECK(after.curves[0].points == board.curves[0].points);
  CHECK(DeletePersona(board, PersonaId(999)).Empty());
  CHECK(DeletePersona(board, PersonaId()).Empty());
  CHECK(DeletePersona(board, PersonaId(s.a.value)).Empty());
}

// [SECTION] Note details

TEST_CASE("UpdateNote replaces the note's fields but never where it sits") {
  SmallBoard s;
  Note edited = *s.board.FindNote(s.n2);
  edited.owner = "Anna";
  edited.due = "2024-07-01";
  edited.tags = {"billing", "quick win"};
  edited.text = "two, edited";
  edited.votes = 3;
  // A stale copy: the note was somewhere else when the inspector took it.
  edited.stage = s.c;
  edited.lane = s.l2;
  edited.pos = {9, 9};
  const BoardDiff diff = UpdateNote(s.board, edited);
  CHECK(diff.notes.updated.size() == 1);
  const Board after = Run(s.board, diff);
  const Note* note = after.FindNote(s.n2);
  CHECK(note->stage == s.a);
  CHECK(note->lane == s.l1);
  CHECK(note->pos == s.board.FindNote(s.n2)->pos);
  CHECK(note->owner == "Anna");
  CHECK(note->due == "2024-07-01");
  CHECK(note->tags == edited.tags);
  CHECK(note->votes == 3);
  CHECK(NoteOrder(after) == NoteOrder(s.board));

  // Only a position differs: nothing to do.
  Note moved = *s.board.FindNote(s.n5);
  moved.pos = {0, 0};
  CHECK(UpdateNote(s.board, moved).Empty());
  CHECK(UpdateNote(s.board, *s.board.FindNote(s.n1)).Empty());
  moved.id = NoteId(999);
  moved.text = "x";
  CHECK(UpdateNote(s.board, moved).Empty());

  Note negative = *s.board.FindNote(s.n1);
  negative.votes = -4;
  CHECK(UpdateNote(s.board, negative).Empty());  // clamps to 0, which it already is
  negative.owner = "Bo";
  CHECK(Run(s.board, UpdateNote(s.board, negative)).FindNote(s.n1)->votes == 0);
}

TEST_CASE("SetNotesTags sets the same tags on each note that differs") {
  SmallBoard s;
  const std::vector<std::string> tags = {"срочно", "legal"};
  Board board = Applied(s.board, SetNotesTags(s.board, {s.n1}, tags));
  const BoardDiff diff = SetNotesTags(board, {s.n3, s.n1, NoteId(999), s.n3}, tags);
  CHECK(diff.notes.updated.size() == 1);
  const Board after = Run(board, diff);
  CHECK(after.FindNote(s.n3)->tags == tags);
  CHECK(SetNotesTags(after, {s.n1, s.n3}, tags).Empty());
  CHECK(Run(after, SetNotesTags(after, {s.n1}, {})).FindNote(s.n1)->tags.empty());
  CHECK(SetNotesTags(s.board, {}, tags).Empty());
  CHECK(SetNotesTags(s.board, {NoteId(s.a.value)}, tags).Empty());
}

// [SECTION] Votes

TEST_CASE("AddVotes adds to each note once and never goes below zero") {
  SmallBoard s;
  Board after = Run(s.board, AddVotes(s.board, {s.n1, s.n4, s.n1}, 2));
  CHECK(after.FindNote(s.n1)->votes == 2);
  CHECK(after.FindNote(s.n4)->votes == 2);
  CHECK(TotalVotes(after) == 4);

  const BoardDiff down = AddVotes(after, {s.n1, s.n2}, -5);  // n2 has none to take
  CHECK(down.notes.updated.size() == 1);
  const Board lower = Run(after, down);
  CHECK(lower.FindNote(s.n1)->votes == 0);
  CHECK(lower.FindNote(s.n2)->votes == 0);

  CHECK(AddVotes(s.board, {s.n1, s.n2}, -1).Empty());
  CHECK(AddVotes(after, {s.n1}, 0).Empty());
  CHECK(AddVotes(s.board, {}, 1).Empty());
  CHECK(AddVotes(s.board, {NoteId(999), NoteId()}, 1).Empty());
  CHECK(AddVotes(s.board, {NoteId(s.curve.value)}, 1).Empty());

  Board huge = s.board;
  huge.notes[0].votes = INT_MAX - 1;
  CHECK(Run(huge, AddVotes(huge, {huge.notes[0].id}, INT_MAX)).notes[0].votes == INT_MAX);
  CHECK(AddVotes(Applied(huge, AddVotes(huge, {huge.notes[0].id}, 5)), {huge.notes[0].id}, 1).Empty());
  CHECK(Run(huge, AddVotes(huge, {huge.notes[0].id}, INT_MIN)).notes[0].votes == 0);
}

TEST_CASE("ResetVotes clears every note's votes in one step") {
  SmallBoard s;
  CHECK(ResetVotes(s.board).Empty());
  Board voted = Applied(s.board, AddVotes(s.board, {s.n2, s.n5, s.n4}, 3));
  const BoardDiff diff = ResetVotes(voted);
  CHECK(diff.notes.updated.size() == 3);
  const Board after = Run(voted, diff);
  CHECK(TotalVotes(after) == 0);
  CHECK(after == s.board);
}

TEST_CASE("SortCellByVotes puts the most voted first, stably, without moving other notes") {
  SmallBoard s;
  Board board = s.board;
  ApplyDiff(board, AddVotes(board, {s.n3}, 5));
  ApplyDiff(board, AddVotes(board, {s.n2}, 1));
  const BoardDiff diff = SortCellByVotes(board, s.a, s.l1);
  CHECK_FALSE(diff.notes.moved.empty());
  CHECK(diff.notes.updated.empty());
  CHECK(diff.notes.removed.empty());
  const Board after = Run(board, diff);
  CHECK(CellNotes(after, s.a, s.l1) == std::vector<NoteId>{s.n3, s.n2, s.n1});
  CHECK(after.NoteIndex(s.n5) == 2);  // the free note between the cell's notes stays put
  CHECK(after.NoteIndex(s.n4) == 4);
  CHECK(SortCellByVotes(after, s.a, s.l1).Empty());

  // Equal votes keep their order: nothing to do.
  CHECK(SortCellByVotes(s.board, s.a, s.l1).Empty());
  ApplyDiff(board, AddVotes(board, {s.n1}, 1));  // n1 = n2 = 1, n3 = 5: n3, n1, n2
  CHECK(CellNotes(Run(board, SortCellByVotes(board, s.a, s.l1)), s.a, s.l1) == std::vector<NoteId>{s.n3, s.n1, s.n2});

  CHECK(SortCellByVotes(board, s.b, s.l1).Empty());  // one note
  CHECK(SortCellByVotes(board, s.c, s.l2).Empty());  // none
  CHECK(SortCellByVotes(board, StageId(999), s.l1).Empty());
  CHECK(SortCellByVotes(board, s.a, LaneId()).Empty());
}

TEST_CASE("SortCellByVotes on random cells: sorted, stable, others in place, undo exact") {
  std::mt19937 rng(5);
  auto roll = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    SmallBoard s;
    Board board = s.board;
    board.notes.clear();
    const int count = roll(0, 14);
    for (int i = 0; i < count; ++i) {
      Note note;
      note.id = NoteId(board.NewId());
      const int where = roll(0, 3);  // mostly the cell, with other cells and free notes between
      note.stage = where < 2 ? s.a : where == 2 ? s.b : StageId();
      note.lane = where < 3 ? s.l1 : LaneId();
      note.votes = roll(0, 3);
      board.notes.push_back(note);
    }
    const BoardDiff diff = SortCellByVotes(board, s.a, s.l1);
    CheckRevertRestores(board, diff);
    const Board after = Applied(board, diff);
    CHECK(diff.notes.moved.size() <= 2 * board.notes.size());

    std::vector<NoteId> expected = CellNotes(board, s.a, s.l1);
    std::stable_sort(expected.begin(), expected.end(),
                     [&board](NoteId x, NoteId y) { return board.FindNote(x)->votes > board.FindNote(y)->votes; });
    CHECK(CellNotes(after, s.a, s.l1) == expected);
    CHECK(diff.Empty() == (expected == CellNotes(board, s.a, s.l1)));
    for (size_t i = 0; i < board.notes.size(); ++i) {
      const Note& note = board.notes[i];
      if (note.stage == s.a && note.lane == s.l1) continue;
      CHECK(after.notes[i] == note);
    }
  }
}

// [SECTION] Queries

TEST_CASE("IsOverdue: a real due date before today") {
  Note note;
  CHECK_FALSE(IsOverdue(note, "2024-06-11"));
  note.due = "2024-06-10";
  CHECK(IsOverdue(note, "2024-06-11"));
  CHECK_FALSE(IsOverdue(note, "2024-06-10"));  // due today is not overdue yet
  CHECK_FALSE(IsOverdue(note, "2024-05-31"));
  CHECK(IsOverdue(note, "2025-01-01"));
  CHECK_FALSE(IsOverdue(note, "today"));
  CHECK_FALSE(IsOverdue(note, ""));
  for (const char* bad : {"2024-6-10", "2024/06/10", "10.06.2024", "2024-13-01", "2024-00-10", "2023-02-29",
                          "2024-04-31", "2024-06-10T00:00", "next week", "２０２４-06-10"}) {
    CAPTURE(bad);
    note.due = bad;
    CHECK_FALSE(IsIsoDate(bad));
    CHECK_FALSE(IsOverdue(note, "2099-01-01"));
  }
  CHECK(IsIsoDate("2024-02-29"));
  CHECK(IsIsoDate("2000-02-29"));
  CHECK_FALSE(IsIsoDate("1900-02-29"));
  CHECK(IsIsoDate("1999-12-31"));
}

TEST_CASE("TotalVotes adds up every note's votes") {
  SmallBoard s;
  CHECK(TotalVotes(s.board) == 0);
  const Board sample = MakeBoard(Template::Sample);
  int sum = 0;
  for (const Note& note : sample.notes) sum += note.votes;
  CHECK(TotalVotes(sample) == sum);
  CHECK(sum > 0);
  Board huge = s.board;
  huge.notes[0].votes = INT_MAX;
  huge.notes[1].votes = INT_MAX;
  CHECK(TotalVotes(huge) == INT_MAX);
}

// [SECTION] The board itself

TEST_CASE("SetBoardTitle and SetBoardLanguage change the meta, undoably, and refuse no-ops and non-tags") {
  Document document;
  document.Reset(MakeBoard(Template::FiveStage), "");
  const BoardMeta before = document.board().meta;
  CHECK(before.language == "ru");
  CHECK(SetBoardTitle(document.board(), before.title).Empty());
  CHECK(SetBoardLanguage(document.board(), "ru").Empty());
  CHECK(SetBoardLanguage(document.board(), "").Empty());
  CHECK(SetBoardLanguage(document.board(), "RU; rm").Empty());

  CHECK(document.Apply(SetBoardTitle(document.board(), "Onboarding, spring"), "Rename board"));
  CHECK(document.board().meta.title == "Onboarding, spring");
  CHECK(document.board().meta.language == "ru");
  CHECK(document.board().meta.created == before.created);
  CHECK(document.Apply(SetBoardLanguage(document.board(), "en"), "Change board language"));
  CHECK(document.board().meta.language == "en");
  CHECK(document.board().meta.title == "Onboarding, spring");
  CHECK(document.UndoLabel() == "Change board language");
  document.Undo();
  CHECK(document.board().meta.language == "ru");
  CHECK(document.UndoLabel() == "Rename board");
  document.Undo();
  CHECK(document.board().meta.title == before.title);
  document.Redo();
  CHECK(document.board().meta.title == "Onboarding, spring");
}
