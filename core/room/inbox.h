// The facilitator's inbox: notes from phones waiting to be accepted onto the board or rejected,
// newest first. It is workshop state, like the timer, not part of the board: nothing waiting is
// saved in the .cjm file, so a rejected note leaves no trace there, and a board shared after the
// workshop never carries what the facilitator chose not to show. Accepting is an ordinary edit
// (AcceptIncomingNotes, one undo step through the Document); undoing it takes the notes off the
// board, it does not put them back in the inbox.
#pragma once
#include <optional>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"
#include "core/room/incoming_note.h"

namespace jb {

class Inbox {
 public:
  // Takes in notes in arrival order (the mailbox's Drain), numbering each.
  void Add(std::vector<IncomingNote> notes);
  // Waiting notes, newest first.
  const std::vector<IncomingNote>& Waiting() const { return m_waiting; }
  const IncomingNote* Find(uint64_t seq) const;
  // Removes the note (accepted or rejected); false when it is not waiting.
  bool Remove(uint64_t seq);

 private:
  std::vector<IncomingNote> m_waiting;
  uint64_t m_nextSeq = 1;
};

// The diff that puts `notes` on the board as ordinary notes, each at the end of its cell: its lane
// and its stage, or `fallbackStage` when the phone named none (or its stage is gone). Notes go in
// the order given within each cell; `covered`: face down (cover mode). A note whose lane or stage
// is not on the board is left out; `placed` (may be null) gets the seq of every note the diff
// adds, in board order. An empty diff when none can be placed.
BoardDiff AcceptIncomingNotes(const Board& board, const std::vector<IncomingNote>& notes, StageId fallbackStage,
                              bool covered, std::vector<uint64_t>* placed = nullptr);

}  // namespace jb
