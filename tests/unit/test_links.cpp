#include <doctest/doctest.h>

#include "core/edit/commands.h"
#include "core/edit/sketch_commands.h"
#include "core/io/templates.h"
#include "core/layout/ink.h"
#include "core/layout/layout.h"
#include "core/model/links.h"
#include "unit/board_support.h"

using namespace jb;
using jb::test::SmallBoard;

namespace {

ArrowId Link(Board& board, ArrowEnd from, ArrowEnd to) {
  Arrow arrow;
  arrow.from = from;
  arrow.to = to;
  ArrowId id;
  ApplyDiff(board, AddArrow(board, arrow, &id));
  return id;
}

}  // namespace

TEST_CASE("Links: a note's outgoing and incoming arrows to other notes, in arrow order, and free ends link nothing") {
  SmallBoard s;
  Board& board = s.board;
  const ArrowId out = Link(board, {s.n1, {}}, {s.n4, {}});
  const ArrowId in = Link(board, {s.n5, {}}, {s.n1, {}});
  Link(board, {s.n1, {}}, {NoteId(), {900, 300}});  // a free end: not a link
  Link(board, {NoteId(), {0, 0}}, {s.n1, {}});
  Link(board, {s.n2, {}}, {s.n3, {}});  // between two other notes
  REQUIRE(board.arrows.size() == 5);

  const std::vector<NoteLink> links = NoteLinks(board, s.n1);
  REQUIRE(links.size() == 2);
  CHECK(links[0].arrow == out);
  CHECK(links[0].other == s.n4);
  CHECK(links[0].outgoing);
  CHECK(links[1].arrow == in);
  CHECK(links[1].other == s.n5);
  CHECK_FALSE(links[1].outgoing);

  const std::vector<NoteLink> four = NoteLinks(board, s.n4);
  REQUIRE(four.size() == 1);
  CHECK(four[0].other == s.n1);
  CHECK_FALSE(four[0].outgoing);
  CHECK(NoteLinks(board, NoteId(999)).empty());
  CHECK(NoteLinks(board, NoteId()).empty());
}

TEST_CASE("Links: an arrow whose other note is missing (a damaged file) links nothing, and deleting a note ends its links") {
  SmallBoard s;
  Board& board = s.board;
  Link(board, {s.n1, {}}, {s.n4, {}});
  Link(board, {s.n2, {}}, {s.n4, {}});
  board.arrows[1].from.note = NoteId(999);  // as a damaged file might have it before repair
  CHECK(NoteLinks(board, s.n4).size() == 1);

  ApplyDiff(board, DeleteNotes(board, {s.n1}));
  CHECK(NoteLinks(board, s.n4).empty());
}

TEST_CASE("Links: BoardLinks lists each arrow between two existing notes once, in arrow order, as NoteLinks sees it") {
  SmallBoard s;
  Board& board = s.board;
  const ArrowId first = Link(board, {s.n5, {}}, {s.n1, {}});
  Link(board, {s.n1, {}}, {NoteId(), {900, 300}});  // a free end
  Link(board, {s.n2, {}}, {s.n4, {}});
  board.arrows.back().from.note = NoteId(999);  // a missing note, as a damaged file has it
  const ArrowId last = Link(board, {s.n2, {}}, {s.n3, {}});
  const std::vector<BoardLink> links = BoardLinks(board);
  REQUIRE(links.size() == 2);
  CHECK(links[0].arrow->id == first);
  CHECK(links[0].from->id == s.n5);
  CHECK(links[0].to->id == s.n1);
  CHECK(links[1].arrow->id == last);
  CHECK(links[1].from->id == s.n2);
  CHECK(links[1].to->id == s.n3);
  // The same links NoteLinks gives each note, from both ends.
  size_t ends = 0;
  for (const Note& note : board.notes) ends += NoteLinks(board, note.id).size();
  CHECK(ends == 2 * links.size());
}

TEST_CASE("Links: ShortText takes the first non-empty line and cuts it by code points with an ellipsis") {
  CHECK(ShortText("Waits 2 days", 40) == "Waits 2 days");
  CHECK(ShortText("\n  \n  Second line  \nthird", 40) == "Second line");
  CHECK(ShortText("abcdefgh", 5) == "abcde…");
  CHECK(ShortText("Клиент ждёт ответа", 6) == "Клиент…");  // never inside a two-byte letter
  CHECK(ShortText("", 10).empty());
  CHECK(ShortText(" \n\t", 10).empty());
  CHECK(ShortText("abc", 3) == "abc");
}

TEST_CASE("Links: an arrow's bound end follows its note down when the lane above grows") {
  Board board = MakeBoard(Template::Classic);
  const StageId first = board.stages[0].id;
  const LaneId goals = board.lanes[0].id, questions = board.lanes[1].id;
  Note note;
  note.text = "Is it cheaper?";
  NoteId asked;
  ApplyDiff(board, AddNote(board, note, {first, questions, NoteId(), {}}, &asked));
  Arrow arrow;
  arrow.from = {asked, {}};
  arrow.to = {NoteId(), {2000, 2000}};
  ApplyDiff(board, AddArrow(board, arrow));
  const Arrow& bound = board.arrows.back();

  ArrowGeometry before;
  ArrowPath(board, ComputeLayout(board), bound, &before);
  // Four long notes in the Customer goal cell above make its lane taller.
  const Board small = board;
  for (int i = 0; i < 4; ++i) {
    Note goal;
    goal.text = "A goal long enough to take a few lines of the note's width, " + std::to_string(i);
    ApplyDiff(board, AddNote(board, goal, {first, goals, NoteId(), {}}));
  }
  const Layout grown = ComputeLayout(board);
  ArrowGeometry after;
  ArrowPath(board, grown, board.arrows.back(), &after);
  const Rect box = grown.notes[size_t(board.NoteIndex(asked))].rect;
  CHECK(after.path.front().y > before.path.front().y + 50);
  CHECK(after.path.front().y >= box.y0 - 0.01f);
  CHECK(after.path.front().y <= box.y1 + 0.01f);
  ArrowGeometry again;  // the board as it was lays the arrow out as before
  ArrowPath(small, ComputeLayout(small), small.arrows.back(), &again);
  CHECK(again.path == before.path);
}
