#include <doctest/doctest.h>

#include <string>

#include "core/model/model.h"

using namespace jb;

TEST_CASE("LaneKind names round trip and unknown names become custom") {
  for (int i = 0; i < kLaneKindCount; ++i) {
    const auto kind = static_cast<LaneKind>(i);
    CAPTURE(i);
    CHECK(LaneKindFromName(LaneKindName(kind)) == kind);
    CHECK(std::string(LaneKindLabel(kind)).size() > 0);
    CHECK(LaneKindNoteColor(kind) != 0);
  }
  CHECK(std::string(LaneKindName(LaneKind::Pains)) == "pains");
  CHECK(std::string(LaneKindName(LaneKind::Emotions)) == "emotions");
  CHECK(LaneKindFromName("") == LaneKind::Custom);
  CHECK(LaneKindFromName("Pains") == LaneKind::Custom);  // names are exact, lower case
  CHECK(LaneKindFromName("wishes") == LaneKind::Custom);
}

TEST_CASE("NoteSize names round trip and unknown names become medium") {
  for (NoteSize size : {NoteSize::Small, NoteSize::Medium, NoteSize::Large})
    CHECK(NoteSizeFromName(NoteSizeName(size)) == size);
  CHECK(std::string(NoteSizeName(NoteSize::Small)) == "S");
  CHECK(std::string(NoteSizeName(NoteSize::Large)) == "L");
  CHECK(NoteSizeFromName("XL") == NoteSize::Medium);
  CHECK(NoteSizeFromName("") == NoteSize::Medium);
}

TEST_CASE("Board finds records by id and reports indices") {
  Board board;
  Stage a{StageId(board.NewId()), "A", 300};
  Stage b{StageId(board.NewId()), "B", 300};
  board.stages = {a, b};
  Lane lane;
  lane.id = LaneId(board.NewId());
  board.lanes = {lane};
  Note note;
  note.id = NoteId(board.NewId());
  note.stage = b.id;
  note.lane = lane.id;
  board.notes = {note};
  EmotionCurve curve;
  curve.id = CurveId(board.NewId());
  board.curves = {curve};
  Persona persona;
  persona.id = PersonaId(board.NewId());
  board.personas = {persona};

  REQUIRE(board.FindStage(b.id) != nullptr);
  CHECK(board.FindStage(b.id)->name == "B");
  CHECK(board.FindStage(StageId(999)) == nullptr);
  CHECK(board.FindStage(StageId()) == nullptr);
  CHECK(board.FindLane(lane.id) == &board.lanes[0]);
  CHECK(board.FindNote(note.id) == &board.notes[0]);
  CHECK(board.FindNote(NoteId(a.id.value)) == nullptr);  // same number, other record type
  CHECK(board.FindCurve(curve.id) == &board.curves[0]);
  CHECK(board.FindPersona(persona.id) == &board.personas[0]);
  CHECK(board.StageIndex(a.id) == 0);
  CHECK(board.StageIndex(b.id) == 1);
  CHECK(board.StageIndex(StageId(999)) == -1);
  CHECK(board.LaneIndex(lane.id) == 0);
  CHECK(board.LaneIndex(LaneId()) == -1);
  CHECK(board.nextId == 7);
}

TEST_CASE("A note is free unless both stage and lane are set") {
  Note note;
  CHECK(note.IsFree());
  note.stage = StageId(1);
  CHECK(note.IsFree());
  note.lane = LaneId(2);
  CHECK_FALSE(note.IsFree());
}

TEST_CASE("Board equality sees every part of the board") {
  Board a;
  a.meta.title = "T";
  Board b = a;
  CHECK(a == b);
  b.nextId = 5;
  CHECK_FALSE(a == b);
  b = a;
  b.meta.modified = "2026-01-01T00:00:00Z";
  CHECK_FALSE(a == b);
}
