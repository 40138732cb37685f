// Where the server thread leaves the notes it took in and the UI thread picks them up: a small
// locked queue, so neither ever waits on the other for longer than a vector move. It also
// remembers every client id it was given in this room, so a note re-sent (its answer was lost,
// the phone was offline) is taken once.
#pragma once
#include <mutex>
#include <unordered_set>
#include <vector>

#include "core/room/incoming_note.h"

namespace jb {

class RoomMailbox {
 public:
  enum class Posted { Taken, Repeat, Full };
  // Server thread: queues `note` unless its client id was seen before or the room is full.
  Posted Post(IncomingNote note);
  // UI thread: the notes posted since the last call, oldest first.
  std::vector<IncomingNote> Drain();
  size_t Seen() const;

 private:
  mutable std::mutex m_mutex;
  std::vector<IncomingNote> m_pending;
  std::unordered_set<std::string> m_seen;
};

}  // namespace jb
