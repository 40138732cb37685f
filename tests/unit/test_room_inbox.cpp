// Issue 21's rules with no network: the join code, the rate limiter, what a phone's note must be,
// the mailbox's duplicate suppression, the inbox and the edit that accepts its notes.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "board_support.h"
#include "core/edit/document.h"
#include "core/io/templates.h"
#include "core/model/sanitize.h"
#include "core/room/inbox.h"
#include "core/room/incoming_note.h"
#include "core/room/join_code.h"
#include "core/room/mailbox.h"
#include "core/room/rate_limiter.h"
#include "core/room/route_table.h"

using namespace jb;
using namespace jb::test;

// Index:
//  [SECTION] Join code
//  [SECTION] Rate limiter
//  [SECTION] A phone's note
//  [SECTION] Mailbox
//  [SECTION] Inbox and accepting
//  [SECTION] Default route

namespace {

RoomState RoomStateOf(const Board& board, bool stageChoice) {
  RoomState state;
  for (const Lane& lane : board.lanes) state.lanes.push_back({lane.id.value, lane.name});
  for (const Stage& stage : board.stages) state.stages.push_back({stage.id.value, stage.name});
  state.stageChoice = stageChoice;
  return state;
}

std::string NoteBody(const std::string& text, uint64_t lane, const std::string& clientId, uint64_t stage = 0,
                     const std::string& name = "") {
  std::string body = "{\"text\":\"" + text + "\",\"lane\":\"" + std::to_string(lane) + "\",\"clientId\":\"" + clientId + "\"";
  if (stage) body += ",\"stage\":\"" + std::to_string(stage) + "\"";
  if (!name.empty()) body += ",\"name\":\"" + name + "\"";
  return body + "}";
}

IncomingNote Incoming(const std::string& text, LaneId lane, StageId stage, const std::string& clientId) {
  IncomingNote note;
  note.text = text;
  note.lane = lane;
  note.stage = stage;
  note.clientId = clientId;
  return note;
}

std::string Repeat(const std::string& piece, size_t times) {
  std::string text;
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

}  // namespace

// [SECTION] Join code

TEST_CASE("room: a join code has 10 letters of the alphabet and two codes differ") {
  const std::string a = MakeJoinCode(), b = MakeJoinCode();
  REQUIRE(a.size() == kJoinCodeLength);
  CHECK(a.find_first_not_of(kJoinCodeAlphabet) == std::string::npos);
  CHECK(b.find_first_not_of(kJoinCodeAlphabet) == std::string::npos);
  CHECK(a != b);  // 2^-50 to fail by chance
  CHECK(kJoinCodeAlphabet.size() == 32);  // 5 bits a letter: 50 bits, at least the 40 asked
}

TEST_CASE("room: every byte value maps to a letter and all 32 letters are reachable") {
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes += char(b);
  const std::string code = JoinCodeFromBytes(bytes);
  CHECK(code.size() == 256);
  CHECK(std::set<char>(code.begin(), code.end()).size() == 32);
}

TEST_CASE("room: a join code matches only itself") {
  const std::string code = "ABCDEFGH23";
  CHECK(JoinCodeMatches("ABCDEFGH23", code));
  CHECK_FALSE(JoinCodeMatches("ABCDEFGH24", code));
  CHECK_FALSE(JoinCodeMatches("BBCDEFGH23", code));
  CHECK_FALSE(JoinCodeMatches("ABCDEFGH2", code));    // a prefix
  CHECK_FALSE(JoinCodeMatches("ABCDEFGH234", code));  // longer
  CHECK_FALSE(JoinCodeMatches("abcdefgh23", code));   // letters are not folded
  CHECK_FALSE(JoinCodeMatches("", code));
  CHECK_FALSE(JoinCodeMatches("", ""));  // a room with no code admits no one
}

// [SECTION] Rate limiter

TEST_CASE("room: the rate limiter allows one note a second per address") {
  RateLimiter limiter;
  CHECK(limiter.Allow("10.0.0.2", 100.0));
  CHECK_FALSE(limiter.Allow("10.0.0.2", 100.5));
  CHECK(limiter.Allow("10.0.0.3", 100.5));  // another phone has its own buckets
  CHECK(limiter.Allow("10.0.0.2", 101.0));
  CHECK_FALSE(limiter.Allow("10.0.0.2", 101.0));
}

TEST_CASE("room: the rate limiter allows at most 30 notes in any minute") {
  RateLimiter limiter;
  int allowed = 0;
  for (int i = 0; i < 60; ++i) allowed += limiter.Allow("a", double(i)) ? 1 : 0;
  CHECK(allowed == 30);  // one a second for the first 30 s, then none
  CHECK_FALSE(limiter.Allow("a", 59.5));
  // The window slides: the note sent at 0 s leaves it at 60 s, so one more is allowed then.
  CHECK(limiter.Allow("a", 60.0));
  CHECK_FALSE(limiter.Allow("a", 60.5));  // the second's bucket
  CHECK(limiter.Allow("a", 61.0));        // the note from 1 s has left the window
}

TEST_CASE("room: the minute's limit holds against a fast burst") {
  RateLimiter limiter(RateLimits{100, 30});
  int allowed = 0;
  for (int i = 0; i < 40; ++i) allowed += limiter.Allow("a", i * 0.01) ? 1 : 0;
  CHECK(allowed == 30);
  CHECK_FALSE(limiter.Allow("a", 59.9));
  CHECK(limiter.Allow("a", 60.0));
}

TEST_CASE("room: a refused request takes no token and a clock that steps back refills nothing") {
  RateLimiter limiter;
  CHECK(limiter.Allow("a", 10.0));
  for (int i = 0; i < 5; ++i) CHECK_FALSE(limiter.Allow("a", 10.2));
  CHECK(limiter.Allow("a", 11.0));           // the refusals did not push it back
  CHECK_FALSE(limiter.Allow("a", 5.0));      // back in time: no refill
  CHECK_FALSE(limiter.Allow("a", 11.5));
}

TEST_CASE("room: the rate limiter forgets idle addresses once it keeps many") {
  RateLimiter limiter;
  for (int i = 0; i < 2000; ++i) limiter.Allow("10.1." + std::to_string(i), 0.0);
  CHECK(limiter.Tracked() == 2000);  // none idle long enough to be full again
  limiter.Allow("10.9.9.9", 1000.0);  // much later every bucket is full: forgotten
  CHECK(limiter.Tracked() == 1);
}

// [SECTION] A phone's note

TEST_CASE("room: a phone's note is read with its lane, stage, name and client id") {
  const Board board = MakeBoard(Template::Classic);
  const RoomState state = RoomStateOf(board, true);
  const uint64_t lane = board.lanes[1].id.value, stage = board.stages[2].id.value;
  IncomingNote note;
  REQUIRE(ParseIncomingNote(NoteBody("  Долго ждал ответа  ", lane, "c-1_A", stage, "Аня"), state, &note) == "");
  CHECK(note.text == "Долго ждал ответа");
  CHECK(note.lane == LaneId(lane));
  CHECK(note.stage == StageId(stage));
  CHECK(note.name == "Аня");
  CHECK(note.clientId == "c-1_A");
}

TEST_CASE("room: 500 Cyrillic characters are taken and 501 are refused") {
  const Board board = MakeBoard(Template::Classic);
  const RoomState state = RoomStateOf(board, false);
  const uint64_t lane = board.lanes[0].id.value;
  IncomingNote note;
  CHECK(ParseIncomingNote(NoteBody(Repeat("ж", 500), lane, "x1"), state, &note) == "");
  CHECK(CountCodepoints(note.text) == 500);
  CHECK(ParseIncomingNote(NoteBody(Repeat("ж", 501), lane, "x2"), state, &note) == "A note holds at most 500 characters.");
}

TEST_CASE("room: bad notes are refused with one sentence each") {
  const Board board = MakeBoard(Template::Classic);
  const RoomState noStages = RoomStateOf(board, false);
  const uint64_t lane = board.lanes[0].id.value, stage = board.stages[0].id.value;
  IncomingNote note;
  CHECK(ParseIncomingNote("{\"text\":", noStages, &note) == "The note could not be read.");
  CHECK(ParseIncomingNote("[1,2]", noStages, &note) == "The note could not be read.");
  CHECK(ParseIncomingNote(Repeat("[", 100000), noStages, &note) == "The note is too large.");
  CHECK(ParseIncomingNote(Repeat("[", 10000), noStages, &note) == "The note could not be read.");  // no stack overflow
  CHECK(ParseIncomingNote("{\"text\":5,\"lane\":\"1\",\"clientId\":\"a\"}", noStages, &note) == "The note could not be read.");
  CHECK(ParseIncomingNote(NoteBody(" \\n\\t ", lane, "a"), noStages, &note) == "The note is empty.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, ""), noStages, &note) == "The note has no valid client id.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, "../etc"), noStages, &note) == "The note has no valid client id.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, Repeat("a", 65)), noStages, &note) == "The note has no valid client id.");
  CHECK(ParseIncomingNote(NoteBody("hi", 999999, "a"), noStages, &note) == "Choose a lane that is on the board.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, "a", stage), noStages, &note) == "Choose a stage that is on the board.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, "a", 999999), RoomStateOf(board, true), &note) ==
        "Choose a stage that is on the board.");
  CHECK(ParseIncomingNote(NoteBody("hi", lane, "a", 0, Repeat("n", 61)), noStages, &note) ==
        "A name holds at most 60 characters.");
  CHECK(ParseIncomingNote(NoteBody("\xC0\xAF", lane, "a"), noStages, &note) == "The note's text is not valid UTF-8.");
}

TEST_CASE("room: control characters are dropped and HTML is kept as plain text") {
  const Board board = MakeBoard(Template::Classic);
  const uint64_t lane = board.lanes[0].id.value;
  IncomingNote note;
  REQUIRE(ParseIncomingNote(NoteBody("a\\u0007b <script>x</script>", lane, "a", 0, "An\\nna"), RoomStateOf(board, false),
                            &note) == "");
  CHECK(note.text == "ab <script>x</script>");  // the board draws text, never markup
  CHECK(note.name == "An na");
}

TEST_CASE("room: the state the phone reads lists lanes and stages with ids as strings") {
  RoomState state;
  state.title = "Café \"A\"";
  state.lanes = {{18446744073709551615ull, "Боли"}};
  state.stages = {{2, "Search"}};
  state.prompt = "What annoyed you?";
  CHECK(RoomStateJson(state) ==
        "{\"title\":\"Café \\\"A\\\"\",\"lanes\":[{\"id\":\"18446744073709551615\",\"name\":\"Боли\"}],"
        "\"stages\":[{\"id\":\"2\",\"name\":\"Search\"}],\"stageChoice\":false,\"prompt\":\"What annoyed you?\"}");
}

// [SECTION] Mailbox

TEST_CASE("room: the mailbox takes a client id once and drains oldest first") {
  RoomMailbox mailbox;
  CHECK(mailbox.Post(Incoming("one", LaneId(1), StageId(), "id-1")) == RoomMailbox::Posted::Taken);
  CHECK(mailbox.Post(Incoming("two", LaneId(1), StageId(), "id-2")) == RoomMailbox::Posted::Taken);
  CHECK(mailbox.Post(Incoming("one again", LaneId(1), StageId(), "id-1")) == RoomMailbox::Posted::Repeat);
  std::vector<IncomingNote> drained = mailbox.Drain();
  REQUIRE(drained.size() == 2);
  CHECK(drained[0].text == "one");
  CHECK(drained[1].text == "two");
  CHECK(mailbox.Drain().empty());
  // Still a repeat after it was drained (the phone re-sent after its answer was lost).
  CHECK(mailbox.Post(Incoming("one", LaneId(1), StageId(), "id-1")) == RoomMailbox::Posted::Repeat);
  CHECK(mailbox.Seen() == 2);
}

TEST_CASE("room: the mailbox takes each note once from many threads") {
  RoomMailbox mailbox;
  std::vector<std::thread> phones;
  for (int t = 0; t < 4; ++t)
    phones.emplace_back([&mailbox] {
      for (int i = 0; i < 500; ++i) mailbox.Post(Incoming("n", LaneId(1), StageId(), "id-" + std::to_string(i)));
    });
  size_t drained = 0;
  for (auto& phone : phones) phone.join();
  drained += mailbox.Drain().size();
  CHECK(drained == 500);
}

// [SECTION] Inbox and accepting

TEST_CASE("room: the inbox lists newest first and removes by number") {
  Inbox inbox;
  inbox.Add({Incoming("first", LaneId(1), StageId(), "a"), Incoming("second", LaneId(1), StageId(), "b")});
  inbox.Add({Incoming("third", LaneId(1), StageId(), "c")});
  REQUIRE(inbox.Waiting().size() == 3);
  CHECK(inbox.Waiting()[0].text == "third");
  CHECK(inbox.Waiting()[2].text == "first");
  const uint64_t second = inbox.Waiting()[1].seq;
  CHECK(inbox.Find(second)->text == "second");
  CHECK(inbox.Remove(second));
  CHECK_FALSE(inbox.Remove(second));
  CHECK(inbox.Find(second) == nullptr);
  CHECK(inbox.Waiting().size() == 2);
}

TEST_CASE("room: accepting puts each note at the end of its cell in one undo step") {
  Document document;
  document.Reset(MakeBoard(Template::Classic), "");
  const Board& board = document.board();
  const StageId s0 = board.stages[0].id, s2 = board.stages[2].id;
  const LaneId l1 = board.lanes[1].id, l3 = board.lanes[3].id;
  const Board before = board;
  Inbox inbox;
  inbox.Add({Incoming("Очередь на кассе", l1, s2, "a"), Incoming("No stage chosen", l3, StageId(), "b"),
             Incoming("Second in cell", l1, s2, "c")});
  std::vector<IncomingNote> oldestFirst(inbox.Waiting().rbegin(), inbox.Waiting().rend());
  std::vector<uint64_t> placed;
  const BoardDiff diff = AcceptIncomingNotes(board, oldestFirst, s0, false, &placed);
  CheckRevertRestores(before, diff);
  REQUIRE(document.Apply(diff, "Accept phone notes"));
  CHECK(placed.size() == 3);
  CHECK(IsConsistent(document.board()));

  const std::vector<NoteId> cell = CellNotes(document.board(), s2, l1);
  REQUIRE(cell.size() == CellNotes(before, s2, l1).size() + 2);
  CHECK(document.board().FindNote(cell[cell.size() - 2])->text == "Очередь на кассе");
  CHECK(document.board().FindNote(cell.back())->text == "Second in cell");
  const std::vector<NoteId> fallback = CellNotes(document.board(), s0, l3);
  CHECK(document.board().FindNote(fallback.back())->text == "No stage chosen");
  CHECK(document.board().notes.size() == before.notes.size() + 3);

  CHECK(document.Undo());  // one step takes all three off
  CHECK(document.board().notes.size() == before.notes.size());
}

TEST_CASE("room: accepting in cover mode puts notes face down and skips a note whose lane is gone") {
  const Board board = MakeBoard(Template::Classic);
  const StageId s0 = board.stages[0].id;
  IncomingNote gone = Incoming("lane deleted", LaneId(987654), s0, "g");
  gone.seq = 7;
  IncomingNote kept = Incoming("kept", board.lanes[0].id, s0, "k");
  kept.seq = 8;
  std::vector<uint64_t> placed;
  const BoardDiff diff = AcceptIncomingNotes(board, {gone, kept}, s0, true, &placed);
  REQUIRE(diff.notes.added.size() == 1);
  CHECK(diff.notes.added[0].record.covered);
  CHECK(diff.notes.added[0].record.text == "kept");
  CHECK(placed == std::vector<uint64_t>{8});
  CHECK(AcceptIncomingNotes(board, {gone}, s0, false).Empty());
  CHECK(AcceptIncomingNotes(board, {kept}, StageId(), false).Empty() == false);  // its own stage
}

// [SECTION] Default route

TEST_CASE("room: the default route's interface is read from /proc/net/route") {
  const std::string table =
      "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
      "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
      "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
      "eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
      "tun0\t00000000\t00000000\t0002\t0\t0\t1\t00000000\t0\t0\t0\n";  // not up
  CHECK(DefaultRouteInterface(table) == "eth0");
  CHECK(DefaultRouteInterface("Iface\tDestination\n") == "");
  CHECK(DefaultRouteInterface("") == "");
  CHECK(DefaultRouteInterface("h\nbroken line\neth1\tzz\t0\t1\t0\t0\t0\t00000000\n") == "");
}
