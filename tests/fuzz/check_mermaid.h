// What reading a Mermaid journey must satisfy (core/io/mermaid_journey.h), for fuzz_mermaid and the
// unit test that replays corpus/mermaid/ and regressions/mermaid/:
//  - IsMermaidJourney agrees with the reader: it says no exactly when the reader finds no journey;
//  - a failure is one sentence (one line ending with '.'), and so is each notice;
//  - a board passes CheckBoard; every text is valid UTF-8; every curve point scores a note of the
//    Steps lane in the point's own stage, at t in 0..1 and a value in −1..+1;
//  - the round trip: the board written as a journey reads back to the same stages, tasks, actors
//    and scores, and writing that board gives the same text again (a fixed point).
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include "core/io/mermaid_journey.h"
#include "core/model/consistency.h"
#include "core/model/sanitize.h"

namespace jb::fuzz::mermaid {

inline bool IsSentence(const std::string& text) {
  return !text.empty() && text.back() == '.' && text.find('\n') == std::string::npos;
}

// What Mermaid holds of a board the reader built: stage names, and per stage its tasks in order,
// each with the actors (curve order) that score it and their scores.
inline std::string Journey(const Board& board) {
  std::string out = board.meta.title + "\n";
  for (const Stage& stage : board.stages) {
    out += "[" + stage.name + "]\n";
    for (const Note& note : board.notes) {
      if (note.stage != stage.id) continue;
      out += "  " + note.text + ":";
      for (const EmotionCurve& curve : board.curves)
        for (const CurvePoint& point : curve.points)
          if (point.note == note.id) {
            const Persona* persona = board.FindPersona(curve.persona);
            out += " " + (persona ? persona->name : std::string("?")) + "=" +
                   std::to_string(std::lround(point.value * 2 + 3));
          }
      out += "\n";
    }
  }
  return out;
}

inline std::string CheckBoardRead(const Board& board) {
  const std::vector<std::string> problems = CheckBoard(board);
  if (!problems.empty()) return "the board is not consistent: " + problems.front();
  if (board.lanes.empty() || board.lanes[0].kind != LaneKind::Touchpoints) return "no Steps lane first";
  if (!IsValidUtf8(board.meta.title)) return "the title is not valid UTF-8";
  for (const Stage& stage : board.stages)
    if (!IsValidUtf8(stage.name)) return "a stage name is not valid UTF-8";
  for (const Persona& persona : board.personas)
    if (!IsValidUtf8(persona.name) || persona.name.empty()) return "an actor's name is empty or not valid UTF-8";
  for (const Note& note : board.notes) {
    if (note.lane != board.lanes[0].id || !note.stage) return "a task outside the Steps lane";
    if (!IsValidUtf8(note.text) || note.text.empty()) return "a task's text is empty or not valid UTF-8";
  }
  for (const EmotionCurve& curve : board.curves)
    for (const CurvePoint& point : curve.points) {
      const Note* note = board.FindNote(point.note);
      if (!note || note->stage != point.stage) return "a curve point scores no task of its stage";
      if (!(point.t >= 0 && point.t <= 1) || !(point.value >= -1 && point.value <= 1)) return "a point out of range";
    }
  return "";
}

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  TableImport first;
  std::string error;
  const bool read = ReadMermaidJourney(bytes, {}, &first, &error);
  if (IsMermaidJourney(bytes) != (read || error.rfind("No Mermaid journey found", 0) != 0))
    return "IsMermaidJourney disagrees with the reader";
  if (!read) return IsSentence(error) ? "" : "the error is not one sentence: " + error;
  if (gaveBoard) *gaveBoard = true;
  for (const std::string& notice : first.notices)
    if (!IsSentence(notice)) return "a notice is not one sentence: " + notice;
  if (std::string problem = CheckBoardRead(first.board); !problem.empty()) return problem;

  const std::string written = WriteMermaidJourney(first.board);
  if (!IsMermaidJourney(written)) return "the written journey is not recognised";
  TableImport second;
  if (!ReadMermaidJourney(written, {}, &second, &error)) return "the written journey does not read back: " + error;
  if (Journey(second.board) != Journey(first.board)) return "the round trip changed the journey";
  if (WriteMermaidJourney(second.board) != written) return "writing the read-back board gives other text";
  return "";
}

}  // namespace jb::fuzz::mermaid
