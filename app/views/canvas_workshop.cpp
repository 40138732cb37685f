// The canvas, part 4: hide and reveal stages and lanes (H over a header, its context menu, a click
// on a hidden strip), cover mode's face-down notes and Reveal's flip.
#include <imgui.h>

#include <algorithm>

#include "app/views/canvas.h"
#include "app/platform/i18n.h"
#include "core/edit/journey_commands.h"

namespace jb {

constexpr double kFlipSeconds = 0.3;

bool InHiddenStageOrLane(const Board& board, const Note& note) {
  if (note.IsFree()) return false;
  const Stage* stage = board.FindStage(note.stage);
  const Lane* lane = board.FindLane(note.lane);
  return (stage && stage->hidden) || (lane && lane->hidden);
}

bool Canvas::ToggleHiddenUnderMouse(Document& document) {
  const Board& board = document.board();
  const Hit hit = m_lastMouseInCanvas ? HitTest(board, m_lastMouseWorld) : Hit{};
  switch (hit.kind) {
    case Hit::StageHeader:
    case Hit::StageBorder: SetStageHidden(document, hit.index, !board.stages[hit.index].hidden); return true;
    case Hit::LaneLabel:
    case Hit::LaneChevron:
    case Hit::LaneBorder: SetLaneHidden(document, hit.index, !board.lanes[hit.index].hidden); return true;
    default:
      if (notice) notice(_("Point at a stage header or a lane label, then press H to hide or show it."));
      return false;
  }
}

void Canvas::SetStageHidden(Document& document, int stage, bool hidden) {
  const Board& board = document.board();
  if (stage < 0 || stage >= int(board.stages.size())) return;
  document.Apply(jb::SetStageHidden(board, board.stages[stage].id, hidden), hidden ? N_("Hide stage") : N_("Show stage"));
  // Notes the room cannot see are not selected: Del must not remove what nobody sees.
  PruneHiddenFromSelection(document);
}

void Canvas::SetLaneHidden(Document& document, int lane, bool hidden) {
  const Board& board = document.board();
  if (lane < 0 || lane >= int(board.lanes.size())) return;
  document.Apply(jb::SetLaneHidden(board, board.lanes[lane].id, hidden), hidden ? N_("Hide lane") : N_("Show lane"));
  PruneHiddenFromSelection(document);
}

void Canvas::PruneHiddenFromSelection(const Document& document) {
  const Board& board = document.board();
  m_selection.erase(std::remove_if(m_selection.begin(), m_selection.end(),
                                   [&](NoteId id) {
                                     const Note* note = board.FindNote(id);
                                     return !note || InHiddenStageOrLane(board, *note);
                                   }),
                    m_selection.end());
}

void Canvas::RevealCovered(Document& document) {
  FinishInteraction(document);  // a note being typed face down is committed first, then turned
  std::vector<NoteId> revealed;
  if (!document.Apply(jb::RevealCovered(document.board(), &revealed), N_("Reveal notes"))) return;
  m_flipping.clear();
  for (NoteId id : revealed) m_flipping[id.value] = 0;
  m_flipStart = ImGui::GetTime();
}

void Canvas::AdvanceFlip() {
  if (m_flipping.empty()) return;
  const float progress = float((ImGui::GetTime() - m_flipStart) / kFlipSeconds);
  if (progress >= 1) {
    m_flipping.clear();
    return;
  }
  for (auto& [id, value] : m_flipping) value = progress;
}

BoardDiff Canvas::Covering(BoardDiff diff) const { return coverMode ? CoverAddedNotes(std::move(diff)) : diff; }

}  // namespace jb

namespace jb {

void Canvas::PersonaDrop(Document& document, PersonaId persona, int noteIndex, bool delivered) {
  const Board& board = document.board();
  const Persona* who = board.FindPersona(persona);
  if (!who || noteIndex < 0 || noteIndex >= int(board.notes.size())) return;
  m_personaDropNote = noteIndex;
  if (!delivered) return;
  Note note = board.notes[size_t(noteIndex)];
  const std::string name = who->name.empty() ? std::string(_("(unnamed)")) : who->name;
  if (std::find(note.personas.begin(), note.personas.end(), persona) != note.personas.end()) {
    if (notice) notice(Format(_("This note is already for %s."), name.c_str()));
    return;
  }
  note.personas.push_back(persona);
  if (document.Apply(UpdateNote(board, note), N_("Tie note to persona")) && notice)
    notice(Format(_("This note is now for %s."), name.c_str()));
}

}  // namespace jb
