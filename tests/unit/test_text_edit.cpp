// The note editor's text model (caret, selection, clusters, words, wrapped lines) and the parser
// that turns pasted outside text into notes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/layout/clipboard_text.h"
#include "core/layout/text_edit.h"
#include "core/model/limits.h"

using namespace jb;

namespace {

// Every glyph half as wide as it is high: a line of width 5 at size 1 holds 10 characters.
struct FixedGlyphs : GlyphMetrics {
  float Advance(char32_t) const override { return 0.5f; }
};

std::vector<size_t> CaretsGoingLeft(TextEdit edit) {
  std::vector<size_t> carets{edit.caret()};
  while (edit.caret() > 0) {
    edit.Left();
    carets.push_back(edit.caret());
  }
  return carets;
}

using Notes = std::vector<std::string>;

}  // namespace

TEST_CASE("The caret steps over whole Cyrillic and 4-byte emoji code points") {
  TextEdit edit("Жук😀");  // 2 + 2 + 2 + 4 bytes
  CHECK(edit.caret() == 10);
  CHECK(CaretsGoingLeft(edit) == std::vector<size_t>{10, 6, 4, 2, 0});
  edit.Left();
  edit.Left();  // between у and к
  CHECK(edit.caret() == 4);
  edit.Right();
  CHECK(edit.caret() == 6);
  edit.Right();
  edit.Right();  // stays at the end
  CHECK(edit.caret() == 10);
  edit.Backspace();
  CHECK(edit.text() == "Жук");
  edit.Home();
  edit.Delete();
  CHECK(edit.text() == "ук");
  CHECK(edit.caret() == 0);
  edit.Backspace();  // nothing before the caret
  CHECK(edit.text() == "ук");
  edit.End();
  edit.Type(U'😀');
  edit.Type(U'\t');  // control characters are not typed
  edit.Type(char32_t(0x7F));
  CHECK(edit.text() == "ук😀");
  CHECK(edit.caret() == 8);
}

TEST_CASE("Combining marks move and delete with their base") {
  const std::string breve = "\xCC\x86";         // U+0306: и + breve = й
  const std::string arrow = "\xE2\x83\x97";     // U+20D7 combining right arrow above
  const std::string halfMark = "\xEF\xB8\xA0";  // U+FE20
  CHECK(IsCombiningMark(0x0306));
  CHECK(IsCombiningMark(0x1AB0));
  CHECK(IsCombiningMark(0x1DFF));
  CHECK_FALSE(IsCombiningMark(0x02FF));
  CHECK_FALSE(IsCombiningMark(U'й'));
  TextEdit edit("и" + breve + "x" + "v" + arrow + halfMark);
  // и+mark = bytes [0,4), x = 4, v+marks = [5,12)
  CHECK(CaretsGoingLeft(edit) == std::vector<size_t>{12, 5, 4, 0});
  edit.Home();
  edit.Right();
  CHECK(edit.caret() == 4);
  edit.Right();
  edit.Right();
  CHECK(edit.caret() == 12);
  edit.Backspace();  // v and both its marks go
  CHECK(edit.text() == "и" + breve + "x");
  edit.Home();
  edit.Delete();  // и and its breve go
  CHECK(edit.text() == "x");
  // A mark with no base before it is a cluster of its own.
  TextEdit lone(breve + "a");
  CHECK(CaretsGoingLeft(lone) == std::vector<size_t>{3, 2, 0});
}

TEST_CASE("Ctrl arrows move by words over spaces and punctuation") {
  TextEdit edit("Клиент ждёт, ответ");  // words at bytes [0,12) [13,21) [23,33)
  REQUIRE(edit.text().size() == 33);
  edit.WordLeft();
  CHECK(edit.caret() == 23);
  edit.WordLeft();
  CHECK(edit.caret() == 13);
  edit.WordLeft();
  CHECK(edit.caret() == 0);
  edit.WordLeft();
  CHECK(edit.caret() == 0);
  edit.WordRight();
  CHECK(edit.caret() == 12);
  edit.WordRight();
  CHECK(edit.caret() == 21);
  edit.WordRight();
  CHECK(edit.caret() == 33);
  CHECK(PrevWordStart("a 😀😀", 10) == 2);  // emoji are word characters
  CHECK(NextWordEnd("end...\n  next", 3) == 13);
  CHECK(PrevWordStart("x", 99) == 0);  // a stale caret past the end is clamped
}

TEST_CASE("Shift extends a selection, typing replaces it and a plain move collapses it") {
  TextEdit edit("hello world");
  CHECK_FALSE(edit.HasSelection());
  edit.Home();
  edit.WordRight(true);
  CHECK(edit.anchor() == 0);
  CHECK(edit.caret() == 5);
  CHECK(edit.SelectedText() == "hello");
  edit.Type(U'Ш');
  CHECK(edit.text() == "Ш world");
  CHECK(edit.caret() == 2);
  CHECK_FALSE(edit.HasSelection());
  edit.End();
  edit.Left(true);
  edit.Left(true);
  CHECK(edit.SelectedText() == "ld");
  edit.Left();  // collapses to the selection's start
  CHECK(edit.caret() == 6);
  CHECK_FALSE(edit.HasSelection());
  edit.Right(true);
  edit.Right();  // collapses to its end
  CHECK(edit.caret() == 7);
  CHECK_FALSE(edit.HasSelection());
  edit.Home(true);
  CHECK(edit.SelectedText() == "Ш worl");
  edit.Delete();
  CHECK(edit.text() == "d");
  edit.SelectAll();
  CHECK(edit.SelectedText() == "d");
  edit.Backspace();
  CHECK(edit.text().empty());
  edit.Insert("new");
  CHECK(edit.text() == "new");
  // Shift + Left over an emoji selects all four bytes.
  TextEdit emoji("a😀");
  emoji.Left(true);
  CHECK(emoji.SelectedText() == "😀");
  emoji.WordLeft(true);
  CHECK(emoji.SelectedText() == "a😀");
  CHECK(emoji.anchor() == 5);
}

TEST_CASE("Home and End stop at line breaks") {
  TextEdit edit("first\nsecond line\nthird");
  edit.Home();
  CHECK(edit.caret() == 18);
  edit.Left();
  edit.Home();
  CHECK(edit.caret() == 6);
  edit.End();
  CHECK(edit.caret() == 17);
  edit.Right();
  edit.End();
  CHECK(edit.caret() == 23);
  TextEdit empty;
  empty.Home();
  empty.End();
  CHECK(empty.caret() == 0);
}

TEST_CASE("Up and Down follow the wrapped lines and keep the caret's column") {
  FixedGlyphs glyphs;
  std::string text = "one two three four";
  WrappedText wrapped = WrapText(glyphs, text, 1, 5);  // "one two" [0,7) and "three four" [8,18)
  REQUIRE(wrapped.lines.size() == 2);
  TextEdit edit(text);
  edit.Home();
  for (int i = 0; i < 10; ++i) edit.Right();  // th|ree
  CHECK(TextEdit::LineOf(wrapped, edit.caret()) == 1);
  edit.Up(wrapped, glyphs);
  CHECK(edit.caret() == 2);  // on|e
  edit.Down(wrapped, glyphs);
  CHECK(edit.caret() == 10);
  edit.Down(wrapped, glyphs);  // below the last line: the end
  CHECK(edit.caret() == 18);
  edit.Up(wrapped, glyphs, true);  // back to the column it came from
  CHECK(edit.caret() == 2);
  CHECK(edit.SelectedText() == "e two three four");
  edit.Up(wrapped, glyphs);  // above the first line: the start
  CHECK(edit.caret() == 0);
  CHECK_FALSE(edit.HasSelection());

  // The column is kept across a short line.
  std::string lines = "abcdefgh\nab\nabcdefgh";
  WrappedText three = WrapText(glyphs, lines, 1, 100);
  TextEdit column(lines);
  column.Left();
  column.Left();  // abcdef|gh on the last line: byte 18
  column.Up(three, glyphs);
  CHECK(column.caret() == 11);  // the end of "ab"
  column.Up(three, glyphs);
  CHECK(column.caret() == 6);  // back to column 6, not 2
  column.Left();  // any other move forgets the column
  column.Down(three, glyphs);
  CHECK(column.caret() == 11);
  column.Down(three, glyphs);
  CHECK(column.caret() == 17);

  // A word broken across lines: the end of the first line is where the second begins, so Up
  // from the far end stops one letter short of it.
  std::string word = "abcdefghijklmnop";
  WrappedText broken = WrapText(glyphs, word, 1, 4.5f);  // [0,8) and [8,16): 8 letters and the drawn hyphen
  REQUIRE(broken.lines.size() == 2);
  CHECK(broken.Hyphen(0));
  TextEdit inWord(word);
  inWord.Up(broken, glyphs);
  CHECK(inWord.caret() == 7);
  inWord.Down(broken, glyphs);
  CHECK(inWord.caret() == 16);

  // Multi-byte lines: Cyrillic, emoji and a combining mark measured per cluster.
  std::string cyrillic = "Жжжж\n😀😀😀\nи\xCC\x86и\xCC\x86";
  WrappedText mixed = WrapText(glyphs, cyrillic, 1, 100);  // [0,8) [9,21) [22,30)
  TextEdit multi(cyrillic);
  multi.Home();
  multi.Right();  // after the first й: x = 1 (и and its mark are two glyphs)
  multi.Up(mixed, glyphs);
  CHECK(multi.caret() == 17);  // after two emoji
  multi.Up(mixed, glyphs);
  CHECK(multi.caret() == 4);  // after two Ж
  TextEdit empty;
  empty.Up(WrapText(glyphs, "", 1, 5), glyphs);
  empty.Down(WrappedText{}, glyphs);
  CHECK(empty.caret() == 0);
}

TEST_CASE("Pasted plain text becomes one note per line") {
  CHECK(ParseClipboardNotes("Find a plan  \r\n\r\n  Compare prices\r\n\r\n\r\n") == Notes{"Find a plan", "  Compare prices"});
  CHECK(ParseClipboardNotes("one\ntwo\rthree") == Notes{"one", "two", "three"});
  CHECK(ParseClipboardNotes("Клиент ждёт 😀\n") == Notes{"Клиент ждёт 😀"});
  CHECK(ParseClipboardNotes("\"Fast\" is what they said") == Notes{"\"Fast\" is what they said"});
  CHECK(ParseClipboardNotes("").empty());
  CHECK(ParseClipboardNotes(" \r\n \n").empty());
  std::string many;
  for (int i = 0; i < 300; ++i) many += "note " + std::to_string(i) + "\n";
  Notes capped = ParseClipboardNotes(many);
  CHECK(capped.size() == 200);
  CHECK(capped.back() == "note 199");
  CHECK(ParseClipboardNotes(many, 3) == Notes{"note 0", "note 1", "note 2"});
}

TEST_CASE("Inserted bytes that are not UTF-8 become U+FFFD and never join the text around them") {
  // Found by fuzz_text_edit: a paste ending in a lead byte (\xd1) before a continuation byte
  // made one character of the two, with the caret inside it.
  TextEdit edit("ab");
  edit.Home();
  edit.Insert("x\xd1");
  edit.Insert("\xbd");
  CHECK(edit.text() == "x\xef\xbf\xbd\xef\xbf\xbd" "ab");  // x, then a U+FFFD for each stray byte
  CHECK(edit.caret() == 7);
  CHECK(NextClusterStart(edit.text(), 4) == 7);  // the caret sits on a boundary
  edit.SetText("");
  edit.Insert("\xff\xc0\xaf\xed\xa0\x80ok");  // never UTF-8, an overlong '/', a surrogate: a U+FFFD a byte
  std::string replaced;
  for (int i = 0; i < 6; ++i) replaced += "\xef\xbf\xbd";
  CHECK(edit.text() == replaced + "ok");
  edit.SetText("");
  edit.Insert("Клиент 😀 e\xcc\x81");  // valid text goes in unchanged
  CHECK(edit.text() == "Клиент 😀 e\xcc\x81");
  // A note's own text that is not UTF-8 (an old file) is made valid when editing starts: read
  // backwards, "р\xcc\x04\x81" had a boundary that forwards it had not, and Left, Left+Shift,
  // Right+Shift left the anchor inside "р" (found by fuzz_text_edit).
  edit.SetText("\xd1\x80\xcc\x04\x81");
  CHECK(edit.text() == "\xd1\x80\xef\xbf\xbd\xef\xbf\xbd");  // and the control character goes, as a load does
  edit.Left();
  edit.Left(true);
  edit.Right(true);
  for (size_t at : {edit.caret(), edit.anchor()}) CHECK(NextClusterStart(edit.text(), PrevClusterStart(edit.text(), at)) == at);
  CHECK(TextEdit("ok").text() == "ok");
  // Control characters (but tab and newline) never go in, typed, inserted or pasted: a load would
  // remove them, so what is edited is what save → load keeps.
  edit.SetText("");
  edit.Insert("a\x01" "b\x7f\tc\nd");
  CHECK(edit.text() == "ab\tc\nd");
  const std::string pasted("one\x02\x00 two\ntwo\x1b\n", 15);  // the NUL is part of it
  CHECK(ParseClipboardNotes(pasted) == Notes{"one two", "two"});
}

TEST_CASE("A combining mark after a line break is a cluster of its own") {
  // Found by fuzz_text_edit: Home after "a\n" + U+0341 went between the break and the mark,
  // which the backward moves counted as one cluster.
  TextEdit edit("a\n\xcd\x81");
  edit.Home();
  CHECK(edit.caret() == 2);
  CHECK(PrevClusterStart(edit.text(), 4) == 2);
  CHECK(NextClusterStart(edit.text(), 1) == 2);
  edit.Backspace();  // the break goes, the mark stays and now joins "a": the caret goes after both
  CHECK(edit.text() == "a\xcd\x81");
  CHECK(edit.caret() == 3);
  CHECK(PrevClusterStart("e\xcc\x81", 3) == 0);  // a mark after a letter still joins it
}

TEST_CASE("Up and Down never leave the caret inside a cluster a narrow wrap broke") {
  // Found by fuzz_text_edit: wrapped one character a line, "ab" + U+0301 breaks between "b" and
  // its mark, and Up from the end went to that break.
  struct Glyphs : GlyphMetrics {
    float Advance(char32_t) const override { return 1; }
  } glyphs;
  TextEdit edit("ab\xcc\x81x");
  const WrappedText wrapped = WrapText(glyphs, edit.text(), 1, 1);
  REQUIRE(wrapped.lines.size() == 4);
  CHECK(wrapped.lines[2].first == 2);  // the line of the mark alone
  edit.Up(wrapped, glyphs);
  CHECK(edit.caret() == 4);  // after "b" and its mark, not between them (2)
  edit.Down(wrapped, glyphs);
  edit.Up(wrapped, glyphs);
  CHECK(edit.caret() == 4);
}

TEST_CASE("Text inserted before a combining mark takes the mark, and the caret goes after both") {
  // Found by fuzz_text_edit: "e" typed before a lone U+0301 made "é" with the caret inside it.
  TextEdit edit("\xcc\x81x");
  edit.Home();
  edit.Type(U'e');
  CHECK(edit.text() == "e\xcc\x81x");
  CHECK(edit.caret() == 3);
  edit.Backspace();  // the whole cluster goes, as it would have without the insertion
  CHECK(edit.text() == "x");
  edit.Insert("");  // nothing inserted: the caret stays
  CHECK(edit.caret() == 0);
}

TEST_CASE("A paste keeps to a note's text limit and says when it met a limit") {
  // One 5 MB line was one 5 MB note (issue 13, defect 5): it is cut where typing stops.
  const std::string line(5'000'000, 'x');
  ClipboardReport report;
  Notes notes = ParseClipboardNotes(line + "\nshort\n", 200, &report);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].size() == jb::kMaxTextChars);
  CHECK(notes[1] == "short");
  CHECK(report.cut == 1);
  CHECK(report.found == 2);
  // Cut in code points, never inside a character; a cell too.
  std::string cyrillic;
  for (size_t i = 0; i < jb::kMaxTextChars + 10; ++i) cyrillic += "Ж";
  notes = ParseClipboardNotes("a\t" + cyrillic, 200, &report);
  REQUIRE(notes.size() == 2);
  CHECK(notes[1].size() == 2 * jb::kMaxTextChars);
  CHECK(report.cut == 1);
  // A cut that ends on spaces leaves no trailing space, and no empty note.
  notes = ParseClipboardNotes(std::string(jb::kMaxTextChars + 5, ' ') + "x", 200, &report);
  CHECK(notes.empty());
  CHECK(report.found == 0);
  // More notes than allowed: the first ones, and the caller learns that some were left out.
  notes = ParseClipboardNotes("a\nb\nc\n", 2, &report);
  CHECK(notes == Notes{"a", "b"});
  CHECK(report.found == 3);
  CHECK(report.cut == 0);
  ParseClipboardNotes("a\nb\n\n  \n", 2, &report);
  CHECK(report.found == 2);  // empty lines after the last note are no more notes
  ParseClipboardNotes("a\tb\tc", 2, &report);
  CHECK(report.found == 3);
}

TEST_CASE("Pasted spreadsheet rows become one note per non-empty cell") {
  std::string rows = "Awareness\tConsideration\tPurchase\r\nSees an ad \t\t Buys\t\r\n\t\t\r\n\r\n";
  CHECK(ParseClipboardNotes(rows) == Notes{"Awareness", "Consideration", "Purchase", "Sees an ad", "Buys"});
  CHECK(ParseClipboardNotes("one cell\tanother") == Notes{"one cell", "another"});
  // Quoted cells: a line break, a tab and doubled quotes inside a cell.
  std::string quoted = "\"Line one\r\nline two\"\t\"Says \"\"wow\"\"\"\t\"a\tb\"\r\nlast\r\n";
  CHECK(ParseClipboardNotes(quoted) == Notes{"Line one\nline two", "Says \"wow\"", "a\tb", "last"});
  // Not quoted after all: text after the closing quote, or no closing quote.
  CHECK(ParseClipboardNotes("\"Fast\" matters\tx") == Notes{"\"Fast\" matters", "x"});
  CHECK(ParseClipboardNotes("\"open\tb\nc") == Notes{"\"open", "b", "c"});
  CHECK(ParseClipboardNotes("a\tb\tc\td", 3) == Notes{"a", "b", "c"});
}

TEST_CASE("Pasting into a note being edited keeps line breaks as LF") {
  CHECK(NormalizeNewlines("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n");
  TextEdit edit("[]");
  edit.Left();
  edit.Insert(NormalizeNewlines("line 1\r\nline 2"));
  CHECK(edit.text() == "[line 1\nline 2]");
  CHECK(edit.caret() == 14);
}
