// A voting round (issue 21), as facilitators know it from Miro and Mural: the facilitator picks the
// candidate notes, the dots each person has (1..10), whether a person may put several dots on one
// note, and whether the dots carry names. Phones (each a random voter id it keeps) and the
// facilitator (voting for the room, as with the Vote tool) cast and take back dots while the round
// is open; nothing of the running count but the number of dots cast is told until the round ends
// (no anchoring), and then the tally is ranked and added to the notes' votes as one undoable edit.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/diff.h"
#include "core/model/model.h"

namespace jb {

inline constexpr int kMinRoundDots = 1;
inline constexpr int kMaxRoundDots = 10;
// Bounds what a round can be made to hold: a phone lists at most this many notes, and a room of
// strangers cannot grow the voter table without end.
inline constexpr size_t kMaxRoundCandidates = 200;
inline constexpr size_t kMaxRoundVoters = 500;
// The facilitator's own voter id: the room's dots cast at the big screen. It has no dot limit
// (the facilitator counts hands) and may always put several dots on a note.
inline constexpr std::string_view kRoomVoter = "room";

// Which notes a round is about.
enum class RoundScope { Lane, Stage, Selection };

struct RoundOptions {
  int dots = 3;  // per person, kMinRoundDots..kMaxRoundDots
  bool severalPerNote = false;
  bool named = false;  // each dot keeps its voter's name; a phone must give one
};

struct RoundCandidate {
  NoteId note;
  std::string text;
};

// One row of the result: a note and its dots, with the names of those who gave them (named rounds).
struct RoundResult {
  NoteId note;
  std::string text;
  int dots = 0;
  std::vector<std::string> names;  // one per dot, in casting order; empty in an anonymous round
};

// The candidate notes of `scope` on `board`: the notes in lane `lane` or stage `stage`, or the
// notes `selected`, in board order (stage, then lane, then their order in the cell); notes face
// down (cover mode) are left out, since a phone would show their text. At most kMaxRoundCandidates.
std::vector<RoundCandidate> RoundCandidates(const Board& board, RoundScope scope, LaneId lane, StageId stage,
                                            const std::vector<NoteId>& selected);

class VoteRound {
 public:
  enum class Cast {
    Taken,          // the dot is cast (or taken back)
    NotOpen,        // no round, or it has ended
    NotCandidate,   // the note is not one of the round's
    NoDotsLeft,     // the voter has spent every dot
    AlreadyOnNote,  // one dot per note, and this voter's is there
    NoDotThere,     // taking back a dot the voter never cast on this note
    NameNeeded,     // a named round and no name given
    TooManyVoters,  // the voter table is full
  };

  VoteRound() = default;  // no round: every cast is NotOpen
  VoteRound(uint64_t number, RoundOptions options, std::vector<RoundCandidate> candidates);

  // One dot from `voter` on `note` (`name` is kept in a named round, ignored in an anonymous one).
  Cast Vote(const std::string& voter, NoteId note, const std::string& name = "");
  // Takes back one of `voter`'s dots on `note`.
  Cast TakeBack(const std::string& voter, NoteId note);
  // Closes the round: from now on every cast is NotOpen and Results() is told.
  void End() { m_open = false; }

  bool Open() const { return m_open; }
  bool Ended() const { return m_number != 0 && !m_open; }
  uint64_t Number() const { return m_number; }  // 0: no round yet
  const RoundOptions& Options() const { return m_options; }
  const std::vector<RoundCandidate>& Candidates() const { return m_candidates; }
  bool IsCandidate(NoteId note) const;
  // What the running round may tell: the dots cast so far and by how many voters (not where).
  int DotsCast() const { return m_dotsCast; }
  size_t Voters() const { return m_voters.size(); }
  // A voter's own dots: what a phone shows. Left: dots not yet cast (the room's is unbounded: -1).
  int DotsLeft(const std::string& voter) const;
  std::vector<NoteId> DotsOf(const std::string& voter) const;  // one entry per dot, candidate order

  // After the end: every candidate with its dots, most first, equal counts in board order. Empty
  // while the round is open, so nothing can show the running count by mistake.
  std::vector<RoundResult> Results() const;

 private:
  struct Voter {
    std::map<uint64_t, int> dots;  // note id → this voter's dots on it
    int cast = 0;
  };
  // Every dot in casting order (note, voter): the named tally lists names in the order given.
  struct Dot {
    NoteId note;
    std::string voter;
  };

  uint64_t m_number = 0;
  bool m_open = false;
  RoundOptions m_options;
  std::vector<RoundCandidate> m_candidates;
  std::map<std::string, Voter> m_voters;
  std::map<std::string, std::string> m_names;  // voter → the name it gave last (named rounds)
  std::vector<Dot> m_dots;
  int m_dotsCast = 0;
};

// The edit that adds an ended round's dots to its notes' votes (one undo step through the
// Document, as the Vote tool's clicks are). Notes deleted since the round started are skipped; an
// empty diff for an open round or one with no dots.
BoardDiff ApplyRoundVotes(const Board& board, const VoteRound& round);

// The phone's vote, read from the JSON body {"voter","note","name"?,"take"?}: the voter id (the
// client id's characters, 8..64 of them), the note id (a decimal string), an optional name, and
// whether a dot is taken back. Empty on success; otherwise one sentence for the phone.
// A phone's voter id: 8..64 letters, digits, '-' or '_' (never the room's own, which is shorter).
bool IsPhoneVoterId(std::string_view voter);
struct PhoneVote {
  std::string voter, name;
  NoteId note;
  bool takeBack = false;
};
std::string ParsePhoneVote(std::string_view body, PhoneVote* vote);

// What GET /api/round tells a phone: {"open":false}, or {"open":true,"round","dots","severalPerNote",
// "named","candidates":[{"id","text"}],"left","mine":[ids]} for `voter` (its own dots only).
std::string RoundJson(const VoteRound& round, const std::string& voter);

// One sentence for a refused cast (English: the server's language; the page translates by "reason").
const char* CastSentence(VoteRound::Cast cast);
// A short stable word for the page: "notOpen", "notCandidate", "noDotsLeft", "alreadyOnNote", ...
const char* CastReason(VoteRound::Cast cast);

}  // namespace jb
