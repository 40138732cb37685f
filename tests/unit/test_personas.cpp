// Notes tied to personas: the filter's rule, the repair of ties to personas that are gone, and
// the untying when a persona is deleted (one undo step with it).
#include <doctest/doctest.h>

#include "core/edit/document.h"
#include "core/edit/journey_commands.h"
#include "core/io/file_io.h"
#include "core/model/consistency.h"
#include "file_io_support.h"

using namespace jb;

namespace {

Board TiedBoard() {
  Board board;
  for (uint64_t id : {1, 2}) {
    Persona persona;
    persona.id = PersonaId(id);
    persona.name = id == 1 ? "Olga" : "Ivan";
    board.personas.push_back(persona);
  }
  for (uint64_t id : {3, 4, 5, 6}) {
    Note note;
    note.id = NoteId(id);
    note.pos = {float(id) * 200, 0};
    note.text = "note " + std::to_string(id);
    board.notes.push_back(note);
  }
  board.notes[0].personas = {PersonaId(1)};                // Olga's
  board.notes[1].personas = {PersonaId(2)};                // Ivan's
  board.notes[2].personas = {PersonaId(1), PersonaId(2)};  // both
  // note 6: no one's, so everyone's
  EmotionCurve olgas, anyones;
  olgas.id = CurveId(7);
  olgas.persona = PersonaId(1);
  anyones.id = CurveId(8);
  board.curves = {olgas, anyones};
  board.nextId = 20;
  return board;
}

}  // namespace

TEST_CASE("The persona filter shows a note tied to that persona or to none, and dims the rest") {
  const Board board = TiedBoard();
  const PersonaId olga(1), ivan(2);
  CHECK(NoteShownForPersona(board.notes[0], olga));
  CHECK_FALSE(NoteShownForPersona(board.notes[1], olga));
  CHECK(NoteShownForPersona(board.notes[2], olga));
  CHECK(NoteShownForPersona(board.notes[3], olga));  // untied: everyone's
  CHECK_FALSE(NoteShownForPersona(board.notes[0], ivan));
  CHECK(NoteShownForPersona(board.notes[1], ivan));
  for (const Note& note : board.notes) CHECK(NoteShownForPersona(note, PersonaId()));  // no filter
  CHECK(CurveShownForPersona(board.curves[0], olga));
  CHECK_FALSE(CurveShownForPersona(board.curves[0], ivan));
  CHECK(CurveShownForPersona(board.curves[1], ivan));  // no persona: everyone's
  // An arrow is dimmed only when both its ends are dimmed notes.
  Arrow arrow;
  arrow.from.note = NoteId(3);
  arrow.to.note = NoteId(6);
  CHECK(ArrowShownForPersona(board, arrow, ivan));  // its end at the untied note is shown
  arrow.to.note = NoteId(3);
  CHECK_FALSE(ArrowShownForPersona(board, arrow, ivan));
  arrow.to.note = NoteId();  // a free end
  CHECK(ArrowShownForPersona(board, arrow, ivan));
}

TEST_CASE("A file's ties to missing personas are dropped with a warning, the other ties kept") {
  const std::string json = R"({"format":"journeyboard","formatVersion":3,"board":{"meta":{"title":"t"},"nextId":20,
    "personas":[{"id":1,"name":"Olga"}],
    "notes":[{"id":3,"text":"a","pos":{"x":0,"y":0},"personas":[1,99,1]},
             {"id":4,"text":"b","pos":{"x":300,"y":0},"personas":["1","x",null,-2,1.5]},
             {"id":5,"text":"c","pos":{"x":600,"y":0},"personas":7}]}})";
  const LoadResult loaded = BoardFromJson(json, "ties.cjm");
  const Board* board = jb::test::AsBoard(loaded);
  REQUIRE(board);
  REQUIRE(board->notes.size() == 3);
  CHECK(board->notes[0].personas == std::vector<PersonaId>{PersonaId(1)});
  CHECK(board->notes[1].personas == std::vector<PersonaId>{PersonaId(1)});  // the id in text kept
  CHECK(board->notes[2].personas.empty());
  std::string warnings;
  for (const std::string& warning : jb::test::Warnings(loaded)) warnings += warning + "\n";
  CAPTURE(warnings);
  CHECK(warnings.find("named a missing persona") != std::string::npos);
  CHECK(warnings.find("personas") != std::string::npos);  // the wrong values named
  CHECK(CheckBoard(*board).empty());
}

TEST_CASE("Deleting a persona unties its notes in the same undo step") {
  Document document;
  document.Reset(TiedBoard(), "");
  REQUIRE(document.Apply(DeletePersona(document.board(), PersonaId(1)), "Delete persona"));
  const Board& after = document.board();
  CHECK(after.personas.size() == 1);
  CHECK(after.notes[0].personas.empty());
  CHECK(after.notes[1].personas == std::vector<PersonaId>{PersonaId(2)});
  CHECK(after.notes[2].personas == std::vector<PersonaId>{PersonaId(2)});
  CHECK_FALSE(after.curves[0].persona);
  CHECK(CheckBoard(after).empty());
  REQUIRE(document.Undo());
  CHECK(document.board() == TiedBoard());
}
