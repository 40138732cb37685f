// Builds a new board record by record, for the importers (tables, Mermaid journeys): ids from the
// board, every text through RepairText (valid UTF-8, no control characters, cut to kMaxTextChars)
// with the cuts counted, and the limits of limits.h kept.
#pragma once
#include <cstddef>
#include <string>

#include "core/model/model.h"
#include "core/model/sanitize.h"

namespace jb {

class BoardBuilder {
 public:
  // A board with no stages or lanes, created now; `language` "ru" when the texts are Russian.
  BoardBuilder(std::string title, std::string language);

  StageId AddStage(std::string name);
  LaneId AddLane(std::string name, LaneKind kind);
  // A note in the cell (stage, lane), after the cell's other notes; colour 0: the lane kind's.
  NoteId AddNote(StageId stage, LaneId lane, std::string text);
  PersonaId AddPersona(std::string name);
  // An as-is curve for `persona` (named after it), coloured from a fixed palette by its order.
  CurveId AddCurve(PersonaId persona);
  void AddPoint(CurveId curve, CurvePoint point);

  Board& board() { return m_board; }
  // Texts that were repaired or cut on the way in (SanitizeCounts::broken + cuts).
  const SanitizeCounts& counts() const { return m_counts; }
  Board Take() { return std::move(m_board); }

 private:
  Board m_board;
  SanitizeCounts m_counts;
};

// "ru" when `text` has more Cyrillic letters than Latin ones, else "en": the board language of an
// imported board (lane prompts, persona headings).
std::string GuessLanguage(std::string_view text);

}  // namespace jb
