// Helpers for the tests of diffs, commands and the document: small boards and the checks that
// an edit can be undone exactly.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/edit/commands.h"
#include "core/edit/diff.h"
#include "core/io/file_io.h"
#include "core/model/model.h"

namespace jb::test {

// A 3 × 2 grid (stages A B C, lanes L1 L2) with notes n1 n2 n3 in (A, L1), n4 in (B, L1), a free
// note n5 between them in the vector, and a curve with one point per stage.
struct SmallBoard {
  Board board;
  StageId a, b, c;
  LaneId l1, l2;
  NoteId n1, n2, n3, n4, n5;
  CurveId curve;
  PersonaId persona;

  SmallBoard() {
    board.meta.title = "Small";
    a = StageId(board.NewId());
    b = StageId(board.NewId());
    c = StageId(board.NewId());
    board.stages = {{a, "A", 300}, {b, "B", 300}, {c, "C", 300}};
    l1 = LaneId(board.NewId());
    l2 = LaneId(board.NewId());
    Lane lane1, lane2;
    lane1.id = l1;
    lane1.name = "L1";
    lane1.kind = LaneKind::Touchpoints;
    lane2.id = l2;
    lane2.name = "L2";
    lane2.kind = LaneKind::Emotions;
    board.lanes = {lane1, lane2};
    auto note = [this](StageId stage, LaneId lane, const char* text) {
      Note n;
      n.id = NoteId(board.NewId());
      n.stage = stage;
      n.lane = lane;
      n.text = text;
      board.notes.push_back(n);
      return n.id;
    };
    n1 = note(a, l1, "one");
    n2 = note(a, l1, "two");
    n5 = note(StageId(), LaneId(), "free");
    board.notes.back().pos = {1500, 40};
    n3 = note(a, l1, "three");
    n4 = note(b, l1, "four");
    persona = PersonaId(board.NewId());
    Persona p;
    p.id = persona;
    p.name = "Maria";
    board.personas.push_back(p);
    curve = CurveId(board.NewId());
    EmotionCurve line;
    line.id = curve;
    line.persona = persona;
    line.points = {{a, 0.5f, 0.2f, "a"}, {b, 0.3f, -0.5f, "b1"}, {c, 0.5f, 0.6f, "c"}, {b, 0.8f, 0.1f, "b2"}};
    board.curves.push_back(line);
  }
};

inline Board Applied(const Board& board, const BoardDiff& diff) {
  Board copy = board;
  ApplyDiff(copy, diff);
  return copy;
}

// Apply then revert gives the board back, by content and byte for byte in the file format.
inline void CheckRevertRestores(const Board& board, const BoardDiff& diff) {
  Board copy = board;
  ApplyDiff(copy, diff);
  RevertDiff(copy, diff);
  CHECK(copy == board);
  CHECK(BoardToJson(copy) == BoardToJson(board));
}

// A board that loading would leave alone: unique ids below nextId, notes in existing cells or
// free, curve points in existing stages, numbers in range.
inline bool IsConsistent(const Board& board) {
  Board repaired = board;
  RepairBoard(repaired);
  return repaired == board;
}

// Ids of the notes in a cell, in their order; the vector order of all notes.
inline std::vector<NoteId> CellNotes(const Board& board, StageId stage, LaneId lane) {
  std::vector<NoteId> ids;
  for (const Note& note : board.notes)
    if (!note.IsFree() && note.stage == stage && note.lane == lane) ids.push_back(note.id);
  return ids;
}

inline std::vector<NoteId> NoteOrder(const Board& board) {
  std::vector<NoteId> ids;
  for (const Note& note : board.notes) ids.push_back(note.id);
  return ids;
}

inline NoteTarget Cell(StageId stage, LaneId lane, NoteId before = NoteId()) {
  NoteTarget target;
  target.stage = stage;
  target.lane = lane;
  target.before = before;
  return target;
}

inline NoteTarget Free(Vec2 pos) {
  NoteTarget target;
  target.freePos = pos;
  return target;
}

}  // namespace jb::test

namespace doctest {
template <class Tag>
struct StringMaker<jb::Id<Tag>> {
  static String convert(jb::Id<Tag> id) { return ("#" + std::to_string(id.value)).c_str(); }
};
template <class Tag>
struct StringMaker<std::vector<jb::Id<Tag>>> {
  static String convert(const std::vector<jb::Id<Tag>>& ids) {
    std::string text = "{";
    for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", #" : "#") + std::to_string(ids[i].value);
    return (text + "}").c_str();
  }
};
}  // namespace doctest
