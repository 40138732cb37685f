// Journey ▸ Voting round (issue 21): the facilitator chooses the notes (a lane, a stage or the
// selection), the dots per person, one per note or several, anonymous or named, and a time limit
// on the workshop timer (or none), and starts the round; phones vote through the room's server
// (room_server.h), the facilitator votes for the room with the Vote tool. While it runs the panel
// shows only how many dots were cast; at the end (End round, or the timer running out) the dots
// are added to the notes as one undo step and the panel ranks the notes.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/platform/fonts.h"
#include "app/platform/room_server.h"
#include "core/edit/document.h"
#include "core/room/vote_round.h"
#include "core/session/countdown.h"

namespace jb {

class RoundPanel {
 public:
  bool show = false;
  // One sentence for the status line (started, ended, refused).
  std::function<void(const std::string&)> notice;

  // Starts a round with the panel's choices; false (said through notice) when it has no notes.
  bool Start(Document& document, RoomServer& server, const std::vector<NoteId>& selection, Countdown& countdown,
             double now);
  // Ends the open round: the tally is kept for the panel and its dots go onto the notes.
  void End(Document& document, RoomServer& server);
  // Once a frame: a round tied to the timer ends when the timer does.
  void Tick(Document& document, RoomServer& server, const Countdown& countdown, double now);
  void Show(Document& document, RoomServer& server, const std::vector<NoteId>& selection, Countdown& countdown,
            double now, float scale, const Fonts& fonts);
  // The facilitator's dot for the room on `note` (Vote tool); false (said through notice) when refused.
  bool RoomDot(RoomServer& server, NoteId note, bool takeBack);
  // For --dump-layout: {"state":"none|open|ended","number","dots","severalPerNote","named","timed",
  // "candidates":[{"id","text"}],"dotsCast","voters","results":[{"id","text","dots","names"}]}
  // (results only after the end).
  std::string DumpJson(const RoomServer& server) const;

 private:
  RoundScope m_scope = RoundScope::Lane;
  LaneId m_lane;
  StageId m_stage;
  RoundOptions m_options;
  int m_minutes = 0;     // 0: no time limit
  bool m_timed = false;  // the open round ends with the timer
  uint64_t m_lastNumber = 0;
  std::vector<RoundResult> m_results;  // the last ended round's, most dots first
};

}  // namespace jb
