#include "core/room/mailbox.h"

namespace jb {

RoomMailbox::Posted RoomMailbox::Post(IncomingNote note) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_seen.count(note.clientId)) return Posted::Repeat;
  if (m_seen.size() >= kMaxRoomNotes) return Posted::Full;
  m_seen.insert(note.clientId);
  m_pending.push_back(std::move(note));
  return Posted::Taken;
}

std::vector<IncomingNote> RoomMailbox::Drain() {
  std::vector<IncomingNote> taken;
  std::lock_guard<std::mutex> lock(m_mutex);
  taken.swap(m_pending);
  return taken;
}

size_t RoomMailbox::Seen() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_seen.size();
}

}  // namespace jb
