// Search: folding (case, accents, compatibility forms in every script), finding notes in board
// order, and the command palette's word-prefix filter.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "board_support.h"
#include "core/io/templates.h"
#include "core/layout/search.h"

using namespace jb;

namespace {

bool Finds(const std::string& query, const std::string& text) {
  return FoldForSearch(text).find(FoldForSearch(query)) != std::string::npos;
}

std::vector<std::string> Filtered(const std::vector<std::string>& names, const std::string& query) {
  std::vector<std::string> shown;
  for (size_t i : FilterByWords(names, query)) shown.push_back(names[i]);
  return shown;
}

}  // namespace

TEST_CASE("FoldForSearch: Cyrillic case, and ё as е") {
  CHECK(FoldForSearch("Клиент") == "клиент");
  CHECK(Finds("клиент", "Клиент звонит в поддержку"));
  CHECK(Finds("КЛИЕНТ", "клиент"));
  CHECK(Finds("ЁЖ", "ёж"));
  CHECK(Finds("ёж", "ЁЖИК"));
  // Accent-insensitive in every script: ё is е with a diaeresis, and й is и with a breve.
  CHECK(FoldForSearch("Ёж") == "еж");
  CHECK(Finds("еж", "ёжик"));
  CHECK(FoldForSearch("Йогурт") == "иогурт");
  CHECK_FALSE(Finds("клиент", "клиника"));
}

TEST_CASE("FoldForSearch: Latin accents, sharp s and compatibility forms") {
  CHECK(Finds("cafe", "Café au lait"));
  CHECK(Finds("CAFÉ", "cafe"));
  CHECK(FoldForSearch("Crème Brûlée") == "creme brulee");
  CHECK(Finds("strasse", "Hauptstraße"));
  CHECK(Finds("STRASSE", "straße"));
  CHECK(Finds("Straße", "STRASSE"));
  CHECK(FoldForSearch("ﬁle") == "file");       // the ﬁ ligature
  CHECK(FoldForSearch("ＡＢＣ１") == "abc1");  // full-width forms
  CHECK(FoldForSearch("Ångström") == "angstrom");
  // ł and ø have no decomposition in Unicode: they stay letters of their own.
  CHECK(Finds("ZOŁTY", "Żółty"));
  CHECK_FALSE(Finds("zolty", "Żółty"));
}

TEST_CASE("FoldForSearch: Greek case, accents and final sigma") {
  CHECK(Finds("ΟΔΟΣ", "οδός"));
  CHECK(Finds("οδος", "ΟΔΌΣ"));
  CHECK(FoldForSearch("ΟΔΌΣ") == FoldForSearch("οδός"));
  CHECK(FoldForSearch("ς") == "σ");
}

TEST_CASE("FoldForSearch: white space, ignorables and control characters") {
  CHECK(FoldForSearch("  Клиент\n\tзвонит  ") == "клиент звонит");
  CHECK(Finds("клиент звонит", "Клиент\nзвонит"));
  CHECK(FoldForSearch("co\u00ADoperate") == "cooperate");  // a soft hyphen is ignorable
  CHECK(FoldForSearch("a\u00A0b") == "a b");               // a no-break space is a space
  CHECK(FoldForSearch("a\u2013b") == "a-b");               // an en dash is a hyphen
  CHECK(FoldForSearch(std::string("a\x01"
                                  "b\x7f",
                                  4)) == "ab");
  CHECK(FoldForSearch("").empty());
  CHECK(FoldForSearch(" \n\t ").empty());
}

TEST_CASE("FoldForSearch: ASCII takes a shortcut that folds exactly as utf8proc does") {
  // A trailing "é" sends the text through utf8proc; without it, the ASCII shortcut runs.
  for (int c = 1; c < 0x80; ++c) {
    const std::string text = std::string("Ab") + char(c) + "Cd";
    CAPTURE(c);
    CHECK(FoldForSearch(text + " é") == FoldForSearch(text) + " e");
  }
}

TEST_CASE("FoldForSearch: broken UTF-8 is repaired first, never a crash") {
  const std::string broken = std::string("Caf\xC3", 4) + " \xFF\xFE Клиент \xE2\x82";
  const std::string folded = FoldForSearch(broken);
  CHECK(folded.find("клиент") != std::string::npos);
  CHECK(folded.find("\xEF\xBF\xBD") != std::string::npos);                         // U+FFFD where the bytes were
  CHECK(FoldForSearch(std::string("\xC0\xAF", 2)) == "\xEF\xBF\xBD\xEF\xBF\xBD");  // an overlong '/'
  CHECK(FoldForSearch(std::string("\xED\xA0\x80", 3)).find("\xEF\xBF\xBD") == 0);  // a surrogate
  CHECK(FoldForSearch(std::string("a\0b", 3)) == "ab");
}

TEST_CASE("FindNotes: board order, stage by stage, free notes last") {
  test::SmallBoard small;
  Board& board = small.board;
  // Vector order n1 n2 n5(free) n3 n4; n4 is in stage B. Every text gets an "x".
  for (Note& note : board.notes) note.text += " x";
  std::vector<NoteId> found = FindNotes(board, "X");
  CHECK(found == std::vector<NoteId>{small.n1, small.n2, small.n3, small.n4, small.n5});
  // A note in stage A's second lane comes before stage B's first lane.
  Note lower = board.notes[0];
  lower.id = NoteId(board.NewId());
  lower.lane = small.l2;
  board.notes.push_back(lower);
  found = FindNotes(board, "x");
  CHECK(found == std::vector<NoteId>{small.n1, small.n2, small.n3, lower.id, small.n4, small.n5});
  CHECK(FindNotes(board, "three") == std::vector<NoteId>{small.n3});
  CHECK(FindNotes(board, "").empty());
  CHECK(FindNotes(board, " \n ").empty());
  CHECK(FindNotes(board, "nowhere").empty());
}

TEST_CASE("FindNotes: Cyrillic text, tags, owner and channel") {
  test::SmallBoard small;
  Board& board = small.board;
  board.notes[board.NoteIndex(small.n2)].text = "Клиент звонит";
  board.notes[board.NoteIndex(small.n4)].tags = {"Ценообразование"};
  board.notes[board.NoteIndex(small.n3)].owner = "Мария Иванова";
  board.notes[board.NoteIndex(small.n1)].channel = "Call centre";
  CHECK(FindNotes(board, "клиент") == std::vector<NoteId>{small.n2});
  CHECK(FindNotes(board, "КЛИЕНТ ЗВОНИТ") == std::vector<NoteId>{small.n2});
  CHECK(FindNotes(board, "ценообраз") == std::vector<NoteId>{small.n4});
  CHECK(FindNotes(board, "мария") == std::vector<NoteId>{small.n3});
  CHECK(FindNotes(board, "CALL") == std::vector<NoteId>{small.n1});
  // Each field on its own: a query never spans the text and a tag.
  CHECK(FindNotes(board, "звонит ценообразование").empty());
  // Broken UTF-8 in the query is repaired, not a crash.
  CHECK(FindNotes(board, std::string("Клиент\xFF", 13)).empty());
  CHECK(FindNotes(board, std::string("\xD0", 1)).empty());
}

TEST_CASE("FindNotes: a fold cache follows every change of a note's texts") {
  test::SmallBoard small;
  Board& board = small.board;
  NoteFoldCache cache;
  auto find = [&](const char* query) { return FindNotes(board, query, &cache); };
  auto at = [&](NoteId id) -> Note& { return board.notes[size_t(board.NoteIndex(id))]; };
  CHECK(find("two") == std::vector<NoteId>{small.n2});
  at(small.n2).text = "Deux";
  CHECK(find("two").empty());
  CHECK(find("DEUX") == std::vector<NoteId>{small.n2});
  at(small.n1).tags = {"Two"};
  CHECK(find("two") == std::vector<NoteId>{small.n1});
  at(small.n1).tags.clear();
  at(small.n3).owner = "Two Owner";
  CHECK(find("two") == std::vector<NoteId>{small.n3});
  at(small.n3).owner.clear();
  at(small.n4).channel = "TWO";
  CHECK(find("two") == std::vector<NoteId>{small.n4});
  // A note deleted, then back with the same id and another text (an undo).
  const Note four = at(small.n4);
  board.notes.erase(board.notes.begin() + board.NoteIndex(small.n4));
  CHECK(find("two").empty());
  Note back = four;
  back.channel.clear();
  back.text = "Клиент";
  board.notes.push_back(back);
  CHECK(find("two").empty());
  CHECK(find("клиент") == std::vector<NoteId>{small.n4});
  CHECK(find("клиент") == FindNotes(board, "клиент"));  // the same as without a cache
  // Text, owner and channel are separate fields: no query spans two.
  at(small.n1).text = "alpha";
  at(small.n1).owner = "beta";
  CHECK(find("alpha beta").empty());
  CHECK(find("alpha") == std::vector<NoteId>{small.n1});
}

TEST_CASE("FindNotes: the sample board, by a word in two cases") {
  const Board board = MakeBoard(Template::Sample);
  const std::vector<NoteId> lower = FindNotes(board, "card");
  CHECK_FALSE(lower.empty());
  CHECK(FindNotes(board, "CARD") == lower);
  for (NoteId id : lower) CHECK(FoldForSearch(board.notes[board.NoteIndex(id)].text).find("card") != std::string::npos);
}

TEST_CASE("FilterByWords: word prefixes, in a row first") {
  const std::vector<std::string> names = {"File Open...",        "View Zoom to fit",        "View Zoom in",
                                          "Journey Voting mode", "Journey Reset all votes", "View History",
                                          "Edit Select all"};
  CHECK(Filtered(names, "zoom to fit") == std::vector<std::string>{"View Zoom to fit"});
  CHECK(Filtered(names, "zo fit") == std::vector<std::string>{"View Zoom to fit"});
  CHECK(Filtered(names, "ZOOM") == std::vector<std::string>{"View Zoom to fit", "View Zoom in"});
  CHECK(Filtered(names, "vot") == std::vector<std::string>{"Journey Voting mode", "Journey Reset all votes"});
  // "all" begins a word of both; "select all" is in a row only in the last.
  CHECK(Filtered(names, "all select") == std::vector<std::string>{"Edit Select all"});
  CHECK(Filtered(names, "all") == std::vector<std::string>{"Journey Reset all votes", "Edit Select all"});
  // Not inside a word: "oom" begins none.
  CHECK(Filtered(names, "oom").empty());
  CHECK(Filtered(names, "nothing like it").empty());
}

TEST_CASE("FilterByWords: in a row ranks first, then the table's order") {
  const std::vector<std::string> names = {"Fit the view to the board", "View Zoom to fit"};
  CHECK(Filtered(names, "to fit") == std::vector<std::string>{"View Zoom to fit", "Fit the view to the board"});
  CHECK(Filtered(names, "fit") == names);
}

TEST_CASE("FilterByWords: empty query, Cyrillic names, punctuation and paths") {
  const std::vector<std::string> names = {"Файл Открыть…", "Вид Масштаб по размеру",
                                          "File Open recent /home/maria/Ёлка-board.cjm"};
  CHECK(FilterByWords(names, "").size() == names.size());
  CHECK(FilterByWords(names, "  ").size() == names.size());
  CHECK(Filtered(names, "МАСШ") == std::vector<std::string>{"Вид Масштаб по размеру"});
  CHECK(Filtered(names, "елка") == std::vector<std::string>{"File Open recent /home/maria/Ёлка-board.cjm"});
  CHECK(Filtered(names, "board.cjm") == std::vector<std::string>{"File Open recent /home/maria/Ёлка-board.cjm"});
  CHECK(FilterByWords(names, std::string("\xFF", 1)).size() == names.size());  // a broken byte: no words, all shown
}
