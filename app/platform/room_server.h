// The room's web server (issue 21): while the facilitator invites the room, phones on the local
// network open the phone page and post notes. cpp-httplib (Debian's libcpp-httplib-dev) runs on a
// thread of its own; the UI thread never waits for it: it hands the server the board's lanes and
// stages (SetState) and takes the notes that came in (TakeNotes), each a moment under a lock.
// Served: GET / (the page, assets/phone/), GET /api/state, POST /api/note, and for voting rounds
// GET /api/round (?v=VOTER: the round's notes and that phone's own dots, never the count) and POST
// /api/vote; every request must carry the join code (?c=CODE), else 403. Bodies past 16 KiB: 413;
// past the rate limit: 429 (notes 1 a second and 30 a minute; votes 5 a second and 60 a minute).
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/room/incoming_note.h"
#include "core/room/mailbox.h"
#include "core/room/rate_limiter.h"
#include "core/room/vote_round.h"

namespace httplib {
class Server;
}

namespace jb {

// Where to listen: "" the address of the interface with the default route (the room's network),
// "loopback" 127.0.0.1 only, or an IPv4 address of this machine. Port 0: any free port.
struct RoomOptions {
  std::string bind;
  int port = 0;
};

// The address `bind` names (RoomOptions), or empty with one sentence in `error`. `note` (may be
// null) says when the choice fell back (no default route: this computer only).
std::string ChooseRoomAddress(const std::string& bind, std::string* error, std::string* note = nullptr);

class RoomServer {
 public:
  RoomServer();
  ~RoomServer();
  // Called on a server thread when the UI has news (a note taken, a new phone), after HasNews turned
  // true: the app wakes its event loop (glfwPostEmptyEvent), so a sleeping window shows it without
  // polling. Set before Start.
  std::function<void()> wake;
  RoomServer(const RoomServer&) = delete;
  RoomServer& operator=(const RoomServer&) = delete;

  // Opens the room on a new join code; false with one sentence in `error`. `note` as ChooseRoomAddress's.
  bool Start(const RoomOptions& options, std::string* error, std::string* note = nullptr);
  // Closes the room: the server stops and its thread ends; waiting notes already taken stay in the inbox.
  void Stop();
  bool Running() const { return m_server != nullptr; }

  const std::string& Code() const { return m_code; }
  const std::string& Address() const { return m_address; }
  int Port() const { return m_port; }
  // What phones open: http://ADDRESS:PORT/?c=CODE
  std::string JoinUrl() const;

  // UI thread: what phones may choose from and the facilitator's prompt.
  void SetState(RoomState state);
  // UI thread: the notes taken since the last call, oldest first (and the news is taken).
  std::vector<IncomingNote> TakeNotes() {
    m_news = false;
    return m_mailbox.Drain();
  }
  // A note came in or a phone joined since TakeNotes: the window must draw a frame (an empty
  // event wakes its loop, but only a frame that asks for itself is drawn).
  bool HasNews() const { return m_news; }
  // Phones (addresses) that asked anything in the last minute.
  size_t PhonesConnected() const;

  // UI thread: the voting round, which the server checks every phone's dot against. It is kept
  // here (under the server's lock) whether or not the room is open, so a round runs with no phones.
  // `use` gets the round under the lock: keep it short, the server waits meanwhile.
  template <typename Use>
  auto WithRound(Use&& use) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return use(m_round);
  }
  template <typename Use>
  auto WithRound(Use&& use) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return use(static_cast<const VoteRound&>(m_round));
  }

 private:
  void Serve();
  void Seen(const std::string& address);

  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  std::atomic<bool> m_listening{false};
  std::atomic<bool> m_news{false};  // the server thread has not left httplib's loop yet
  std::string m_code, m_address;
  int m_port = 0;
  RoomMailbox m_mailbox;

  mutable std::mutex m_mutex;  // the members below: httplib answers on several threads at once
  RoomState m_state;
  RateLimiter m_limiter;
  // A person spends 10 dots in a few seconds and takes some back: 5 a second (a burst of 5), 60 a minute.
  RateLimiter m_voteLimiter{RateLimits{5, 60}};
  VoteRound m_round;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> m_lastSeen;
};

}  // namespace jb
