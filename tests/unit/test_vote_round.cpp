// Issue 21's voting rounds with no network: the candidates, the dot limit, one dot per note or
// several, taking a dot back, the end (nothing told before it), anonymous and named tallies, what
// a phone sends and reads, and the undoable edit that adds the round's dots to the notes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/io/templates.h"
#include "core/room/vote_round.h"

using namespace jb;
using namespace jb::test;

namespace {

// The Classic template's notes of its first lane that carry text: the candidates of a lane round.
VoteRound LaneRound(const Board& board, RoundOptions options, uint64_t number = 1) {
  return VoteRound(number, options, RoundCandidates(board, RoundScope::Lane, board.lanes[0].id, StageId(), {}));
}

Board BoardWithLaneNotes() {
  Board board = MakeBoard(Template::Classic);
  // Three notes in lane 0 (stages 2, 0, 1 in that order in the notes list) and one in lane 1.
  const StageId stages[] = {board.stages[2].id, board.stages[0].id, board.stages[1].id};
  const char* texts[] = {"Third stage", "First stage", "Second stage"};
  for (int i = 0; i < 3; ++i) {
    Note note;
    note.id = NoteId(board.nextId++);
    note.stage = stages[i];
    note.lane = board.lanes[0].id;
    note.text = texts[i];
    board.notes.push_back(note);
  }
  Note other;
  other.id = NoteId(board.nextId++);
  other.stage = board.stages[0].id;
  other.lane = board.lanes[1].id;
  other.text = "Other lane";
  board.notes.push_back(other);
  return board;
}

std::vector<std::string> Texts(const std::vector<RoundCandidate>& candidates) {
  std::vector<std::string> texts;
  for (const RoundCandidate& c : candidates) texts.push_back(c.text);
  return texts;
}

}  // namespace

TEST_CASE(
    "vote round: candidates are a lane's, a stage's or the selection's notes in board order, face-down ones left out") {
  Board board = BoardWithLaneNotes();
  const size_t templateNotes = board.notes.size() - 4;
  // Lane 0's notes by stage, though the notes list has them third, first, second.
  const std::vector<std::string> lane =
      Texts(RoundCandidates(board, RoundScope::Lane, board.lanes[0].id, StageId(), {}));
  CHECK(std::find(lane.begin(), lane.end(), "First stage") < std::find(lane.begin(), lane.end(), "Second stage"));
  CHECK(std::find(lane.begin(), lane.end(), "Second stage") < std::find(lane.begin(), lane.end(), "Third stage"));
  CHECK(std::find(lane.begin(), lane.end(), "Other lane") == lane.end());

  const std::vector<std::string> stage =
      Texts(RoundCandidates(board, RoundScope::Stage, LaneId(), board.stages[0].id, {}));
  CHECK(std::find(stage.begin(), stage.end(), "First stage") != stage.end());
  CHECK(std::find(stage.begin(), stage.end(), "Other lane") != stage.end());
  CHECK(std::find(stage.begin(), stage.end(), "Second stage") == stage.end());

  const NoteId other = board.notes.back().id, first = board.notes[templateNotes + 1].id;
  CHECK(Texts(RoundCandidates(board, RoundScope::Selection, LaneId(), StageId(), {other, first})) ==
        std::vector<std::string>{"First stage", "Other lane"});
  board.notes[templateNotes + 1].covered = true;
  CHECK(Texts(RoundCandidates(board, RoundScope::Selection, LaneId(), StageId(), {other, first})) ==
        std::vector<std::string>{"Other lane"});
}

TEST_CASE("vote round: a voter casts at most its dots and one per note unless several are allowed") {
  const Board board = BoardWithLaneNotes();
  VoteRound round = LaneRound(board, RoundOptions{2, false, false});
  REQUIRE(round.Candidates().size() >= 3);
  const NoteId a = round.Candidates()[0].note, b = round.Candidates()[1].note, c = round.Candidates()[2].note;
  CHECK(round.DotsLeft("phone-one") == 2);
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::AlreadyOnNote);
  CHECK(round.Vote("phone-one", b) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-one", c) == VoteRound::Cast::NoDotsLeft);
  CHECK(round.DotsLeft("phone-one") == 0);
  CHECK(round.Vote("phone-one", board.notes.back().id) == VoteRound::Cast::NotCandidate);  // the other lane's
  CHECK(round.Vote("phone-two", c) == VoteRound::Cast::Taken);  // each voter has its own dots
  CHECK(round.DotsCast() == 3);
  CHECK(round.Voters() == 2);

  VoteRound several = LaneRound(board, RoundOptions{3, true, false});
  CHECK(several.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(several.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(several.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(several.Vote("phone-one", a) == VoteRound::Cast::NoDotsLeft);
  CHECK(several.DotsOf("phone-one") == std::vector<NoteId>{a, a, a});

  CHECK(VoteRound(1, RoundOptions{0, false, false}, {}).Options().dots == 1);  // clamped to 1..10
  CHECK(VoteRound(1, RoundOptions{50, false, false}, {}).Options().dots == 10);
}

TEST_CASE("vote round: a dot taken back can be cast again, and only a dot that was cast comes back") {
  const Board board = BoardWithLaneNotes();
  VoteRound round = LaneRound(board, RoundOptions{1, false, false});
  const NoteId a = round.Candidates()[0].note, b = round.Candidates()[1].note;
  CHECK(round.TakeBack("phone-one", a) == VoteRound::Cast::NoDotThere);
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(round.TakeBack("phone-one", b) == VoteRound::Cast::NoDotThere);
  CHECK(round.TakeBack("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(round.DotsLeft("phone-one") == 1);
  CHECK(round.DotsCast() == 0);
  CHECK(round.Vote("phone-one", b) == VoteRound::Cast::Taken);
  round.End();
  const std::vector<RoundResult> results = round.Results();
  REQUIRE(!results.empty());
  CHECK(results[0].note == b);
  CHECK(results[0].dots == 1);
  CHECK(results[1].dots == 0);  // a's dot was taken back
}

TEST_CASE("vote round: nothing is told before the end and nothing is cast after it") {
  const Board board = BoardWithLaneNotes();
  VoteRound round = LaneRound(board, RoundOptions{3, true, false});
  const NoteId a = round.Candidates()[0].note, b = round.Candidates()[1].note;
  CHECK(round.Vote("phone-one", b) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-two", b) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-two", a) == VoteRound::Cast::Taken);
  CHECK(round.Results().empty());
  CHECK(ApplyRoundVotes(board, round).Empty());
  CHECK(RoundJson(round, "phone-one").find("\"mine\":[\"" + std::to_string(b.value) + "\"]") != std::string::npos);
  CHECK(RoundJson(round, "phone-one").find(std::to_string(a.value) + "\"]") == std::string::npos);

  round.End();
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::NotOpen);
  CHECK(round.TakeBack("phone-one", b) == VoteRound::Cast::NotOpen);
  CHECK(RoundJson(round, "phone-one") == "{\"open\":false}");
  const std::vector<RoundResult> results = round.Results();
  REQUIRE(results.size() == round.Candidates().size());
  CHECK(results[0].note == b);  // most dots first
  CHECK(results[0].dots == 2);
  CHECK(results[1].note == a);
  CHECK(results[1].dots == 1);
  CHECK(results[0].names.empty());                                      // anonymous: no names kept
  CHECK(VoteRound().Vote("phone-one", a) == VoteRound::Cast::NotOpen);  // no round at all
}

TEST_CASE("vote round: a named round needs a name and lists who gave each dot, the room's dots unnamed and unlimited") {
  const Board board = BoardWithLaneNotes();
  VoteRound round = LaneRound(board, RoundOptions{1, false, true});
  const NoteId a = round.Candidates()[0].note;
  CHECK(round.Vote("phone-one", a, "") == VoteRound::Cast::NameNeeded);
  CHECK(round.Vote("phone-one", a, "Аня") == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-two", a, "Boris") == VoteRound::Cast::Taken);
  for (int i = 0; i < 12; ++i) CHECK(round.Vote(std::string(kRoomVoter), a) == VoteRound::Cast::Taken);
  CHECK(round.DotsLeft(std::string(kRoomVoter)) == -1);
  round.End();
  const RoundResult top = round.Results().front();
  CHECK(top.note == a);
  CHECK(top.dots == 14);
  REQUIRE(top.names.size() == 14);
  CHECK(top.names[0] == "Аня");
  CHECK(top.names[1] == "Boris");
  CHECK(top.names[2].empty());
}

TEST_CASE("vote round: equal counts rank in board order") {
  const Board board = BoardWithLaneNotes();
  VoteRound round = LaneRound(board, RoundOptions{1, false, false});
  const size_t last = round.Candidates().size() - 1;
  CHECK(round.Vote("phone-one", round.Candidates()[last].note) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-two", round.Candidates()[0].note) == VoteRound::Cast::Taken);
  round.End();
  const std::vector<RoundResult> results = round.Results();
  CHECK(results[0].note == round.Candidates()[0].note);
  CHECK(results[1].note == round.Candidates()[last].note);
}

TEST_CASE("vote round: the end's dots are added to the notes as one undo step") {
  Document document;
  document.Reset(BoardWithLaneNotes(), "");
  const Board before = document.board();
  VoteRound round = LaneRound(before, RoundOptions{3, true, false});
  const NoteId a = round.Candidates()[0].note, b = round.Candidates()[1].note;
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-one", a) == VoteRound::Cast::Taken);
  CHECK(round.Vote("phone-two", b) == VoteRound::Cast::Taken);
  round.End();
  const BoardDiff diff = ApplyRoundVotes(before, round);
  CHECK(diff.notes.updated.size() == 2);
  CheckRevertRestores(before, diff);
  REQUIRE(document.Apply(diff, "Voting round"));
  CHECK(document.board().FindNote(a)->votes == before.FindNote(a)->votes + 2);
  CHECK(document.board().FindNote(b)->votes == before.FindNote(b)->votes + 1);
  CHECK(document.Undo());
  CHECK(document.board().FindNote(a)->votes == before.FindNote(a)->votes);
  CHECK(document.board().FindNote(b)->votes == before.FindNote(b)->votes);

  // A candidate deleted during the round is skipped, the others still counted.
  Board without = before;
  without.notes.erase(
      std::find_if(without.notes.begin(), without.notes.end(), [a](const Note& n) { return n.id == a; }));
  const BoardDiff skipped = ApplyRoundVotes(without, round);
  REQUIRE(skipped.notes.updated.size() == 1);
  CHECK(skipped.notes.updated[0].after.id == b);
}

TEST_CASE("vote round: a phone's vote is read with its voter id, note and name, and bad ones are one sentence") {
  PhoneVote vote;
  CHECK(ParsePhoneVote(R"({"voter":"abcdef0123456789","note":"42","name":" Аня "})", &vote) == "");
  CHECK(vote.voter == "abcdef0123456789");
  CHECK(vote.note == NoteId(42));
  CHECK(vote.name == "Аня");
  CHECK_FALSE(vote.takeBack);
  CHECK(ParsePhoneVote(R"({"voter":"abcdef0123456789","note":"42","take":true})", &vote) == "");
  CHECK(vote.takeBack);
  CHECK(ParsePhoneVote(R"({"voter":"room","note":"42"})", &vote) ==
        "The vote has no valid voter id.");  // not the room's
  CHECK(ParsePhoneVote(R"({"voter":"abc/def/0123","note":"42"})", &vote) == "The vote has no valid voter id.");
  CHECK(ParsePhoneVote(R"({"voter":"abcdef0123456789","note":"4x2"})", &vote) == "The vote names no note.");
  CHECK(ParsePhoneVote(R"({"voter":"abcdef0123456789"})", &vote) == "The vote names no note.");
  CHECK(ParsePhoneVote(R"({"voter":"abcdef0123456789","note":"42","take":"yes"})", &vote) ==
        "The vote could not be read.");
  CHECK(ParsePhoneVote("[[[[", &vote) == "The vote could not be read.");
  CHECK(ParsePhoneVote(std::string(20000, '['), &vote) == "The vote is too large.");
}
