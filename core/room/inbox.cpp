#include "core/room/inbox.h"

#include <algorithm>

#include "core/edit/commands.h"

namespace jb {

void Inbox::Add(std::vector<IncomingNote> notes) {
  for (IncomingNote& note : notes) {
    note.seq = m_nextSeq++;
    m_waiting.insert(m_waiting.begin(), std::move(note));
  }
}

const IncomingNote* Inbox::Find(uint64_t seq) const {
  const auto found = std::find_if(m_waiting.begin(), m_waiting.end(), [seq](const IncomingNote& n) { return n.seq == seq; });
  return found == m_waiting.end() ? nullptr : &*found;
}

bool Inbox::Remove(uint64_t seq) {
  const auto found = std::find_if(m_waiting.begin(), m_waiting.end(), [seq](const IncomingNote& n) { return n.seq == seq; });
  if (found == m_waiting.end()) return false;
  m_waiting.erase(found);
  return true;
}

BoardDiff AcceptIncomingNotes(const Board& board, const std::vector<IncomingNote>& notes, StageId fallbackStage,
                              bool covered, std::vector<uint64_t>* placed) {
  // Each note through PasteNotes into its cell on a working copy, one after another; the diff is
  // then every new note at its final place (added records go in by ascending final index).
  Board working = board;
  std::vector<std::pair<NoteId, uint64_t>> made;  // new note id → the incoming note's seq
  for (const IncomingNote& incoming : notes) {
    const StageId stage = working.FindStage(incoming.stage) ? incoming.stage : fallbackStage;
    if (!working.FindLane(incoming.lane) || !working.FindStage(stage)) continue;
    Note note;
    note.text = incoming.text;
    note.covered = covered;
    std::vector<NoteId> ids;
    const BoardDiff step = PasteNotes(working, {note}, NoteTarget{stage, incoming.lane, NoteId(), {}}, &ids);
    if (ids.empty()) continue;
    ApplyDiff(working, step);
    made.emplace_back(ids.front(), incoming.seq);
  }
  BoardDiff diff = NewDiff(board, made.size());
  for (size_t i = 0; i < working.notes.size(); ++i) {
    const Note& note = working.notes[i];
    const auto found = std::find_if(made.begin(), made.end(), [&note](const auto& m) { return m.first == note.id; });
    if (found == made.end()) continue;
    diff.notes.added.push_back({note, int(i)});
    if (placed) placed->push_back(found->second);
  }
  return diff;
}

}  // namespace jb
