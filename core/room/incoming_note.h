// What a phone sends, as the room checks it: a note's text, the lane (and stage, when the
// facilitator allows choosing it), an optional name and the phone's own id for the note, which
// makes a re-send after a lost answer harmless. Limits of a room note are here too.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/ids.h"

namespace jb {

inline constexpr size_t kMaxRoomBodyBytes = 16 * 1024;  // a request body past this is refused unread
inline constexpr size_t kMaxRoomNoteChars = 500;        // code points of a note's text
inline constexpr size_t kMaxRoomNameChars = 60;         // code points of a sender's name
inline constexpr size_t kMaxClientIdBytes = 64;
// Notes one room takes in a session (waiting, accepted and rejected together): bounds the memory a
// room can be made to hold (about 25 MiB at the longest texts); 20 phones at the rate limit would
// need half an hour to fill it.
inline constexpr size_t kMaxRoomNotes = 20000;

struct IncomingNote {
  uint64_t seq = 0;  // the inbox's number for it (Accept, Reject); 0 until the inbox takes it
  std::string text;  // valid UTF-8, no control characters but tab and newline, 1..kMaxRoomNoteChars code points
  std::string name;  // the sender's, as typed (may be empty)
  std::string clientId;
  LaneId lane;
  StageId stage;  // empty: the facilitator's choice when accepting
  int64_t receivedAt = 0;  // Unix seconds
};

// The lanes and stages a phone may choose from, and what the facilitator asks the room.
struct RoomChoice {
  uint64_t id = 0;
  std::string name;
};
struct RoomState {
  std::string title;  // the board's
  std::vector<RoomChoice> lanes, stages;
  bool stageChoice = false;  // phones may choose the stage too
  std::string prompt;        // the facilitator's current question ("What annoyed you at Decision?"), may be empty
};

// Reads a phone's note from the JSON body {"text","lane","stage"?,"name"?,"clientId"} and checks it
// against `state` (the lane must be one of its lanes; the stage one of its stages, and only when
// stage choice is allowed). Empty on success with `note` filled (seq and receivedAt left alone);
// otherwise one sentence for the phone, and `note` unspecified.
std::string ParseIncomingNote(std::string_view body, const RoomState& state, IncomingNote* note);

// The state as the phone page reads it (GET /api/state):
// {"title","lanes":[{"id","name"}],"stages":[...],"stageChoice","prompt"}. Ids are strings (a
// 64-bit id does not fit a JavaScript number).
std::string RoomStateJson(const RoomState& state);

}  // namespace jb
