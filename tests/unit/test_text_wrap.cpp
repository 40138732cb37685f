// Word wrapping, UTF-8 helpers, and the layout rules that depend on them.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/io/templates.h"
#include "core/layout/layout.h"
#include "core/layout/text_wrap.h"

using namespace jb;

namespace {

// Every glyph half as wide as it is high: a line of width 10 at size 1 holds 20 characters.
struct FixedGlyphs : GlyphMetrics {
  float Advance(char32_t) const override { return 0.5f; }
};

std::vector<std::string> Lines(const std::string& text, const WrappedText& wrapped) {
  std::vector<std::string> lines;
  for (auto [begin, end] : wrapped.lines) lines.push_back(text.substr(begin, end - begin));
  return lines;
}

}  // namespace

TEST_CASE("WrapText breaks at spaces, inside words only when it must, and at every newline") {
  FixedGlyphs glyphs;
  std::string text = "one two three four";
  CHECK(Lines(text, WrapText(glyphs, text, 1, 5)) == std::vector<std::string>{"one two", "three four"});
  CHECK(Lines(text, WrapText(glyphs, text, 1, 4.9f)) == std::vector<std::string>{"one two", "three", "four"});
  std::string word = "abcdefghijklmnop";
  CHECK(Lines(word, WrapText(glyphs, word, 1, 4)) == std::vector<std::string>{"abcdefgh", "ijklmnop"});
  std::string lines = "a\nb\n";
  CHECK(Lines(lines, WrapText(glyphs, lines, 1, 100)) == std::vector<std::string>{"a", "b", ""});
  CHECK(WrapText(glyphs, "", 1, 10).lines.size() == 1);
  // Cyrillic is measured per code point, not per byte: 10 letters = 5 units.
  std::string cyrillic = "Клиент ждёт";
  CHECK(Lines(cyrillic, WrapText(glyphs, cyrillic, 1, 6)) == std::vector<std::string>{"Клиент ждёт"});
}

TEST_CASE("FitText shrinks to fit, then stops at the minimum size") {
  FixedGlyphs glyphs;
  std::string text = "a sticky note with a few more words than fit";
  WrappedText fits = FitText(glyphs, text, 120, 45, 17, 11);
  CHECK(fits.size < 17);
  CHECK(fits.size > 11);
  CHECK(fits.Height() <= 45.5f);
  CHECK(WrapText(glyphs, text, fits.size + 1.5f, 120).Height() > 45.5f);  // the largest size that fits
  WrappedText tooLong = FitText(glyphs, text + text + text + text, 60, 40, 17, 11);
  CHECK(tooLong.size == 11);
  CHECK(tooLong.Height() > 40);
}

TEST_CASE("UTF-8 helpers step over whole code points") {
  std::string text = "aж😀b";
  CHECK(NextCodepointStart(text, 0) == 1);
  CHECK(NextCodepointStart(text, 1) == 3);
  CHECK(NextCodepointStart(text, 3) == 7);
  CHECK(PrevCodepointStart(text, 7) == 3);
  CHECK(PrevCodepointStart(text, 3) == 1);
  CHECK(PrevCodepointStart(text, 0) == 0);
  std::string out;
  AppendUtf8(out, U'ё');
  AppendUtf8(out, U'😀');
  AppendUtf8(out, char32_t(0xD800));  // a lone surrogate is not a character
  CHECK(out == "ё😀\xEF\xBF\xBD");
  size_t pos = 0;
  std::string bad = "\xFF" "a";
  CHECK(NextCodepoint(bad, &pos) == 0xFFFD);
  CHECK(pos == 1);
}

TEST_CASE("A note whose text does not fit at the minimum size grows taller, and its lane with it") {
  FixedGlyphs glyphs;
  Board board = MakeBoard(Template::Classic);
  Note note;
  note.stage = board.stages[0].id;
  note.lane = board.lanes[0].id;
  note.id = NoteId{board.NewId()};
  note.text = std::string(600, 'x');
  board.notes.push_back(note);
  Layout plain = ComputeLayout(board);
  Layout fitted = ComputeLayout(board, &glyphs);
  CHECK(fitted.notes[0].rect.Height() > plain.notes[0].rect.Height());
  CHECK(fitted.notes[0].text.size == kMetrics.minNoteTextSize);
  CHECK(fitted.notes[0].text.Height() <= fitted.notes[0].textBox.Height() + 0.5f);
  CHECK(fitted.laneY[1] - fitted.laneY[0] >= fitted.notes[0].rect.Height() + 2 * kMetrics.cellPadding);
}

TEST_CASE("Notes in cells never overlap and stay inside their cells") {
  FixedGlyphs glyphs;
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    Board board = MakeBoard(Template::Classic);
    int count = std::uniform_int_distribution<int>(0, 120)(random);
    for (int i = 0; i < count; ++i) {
      Note note;
      note.id = NoteId{board.NewId()};
      note.stage = board.stages[random() % board.stages.size()].id;
      note.lane = board.lanes[random() % board.lanes.size()].id;
      note.size = NoteSize(random() % 3);
      note.text = std::string(random() % 300, 'w');
      if (random() % 4 == 0) note.owner = "Anna";
      board.notes.push_back(note);
    }
    Layout layout = ComputeLayout(board, &glyphs);
    for (size_t a = 0; a < layout.notes.size(); ++a) {
      const NoteBox& box = layout.notes[a];
      Rect cell = layout.Cell(box.stage, box.lane);
      CHECK(box.rect.x0 >= cell.x0);
      CHECK(box.rect.y0 >= cell.y0);
      CHECK(box.rect.y1 <= cell.y1);
      for (size_t b = a + 1; b < layout.notes.size(); ++b) CHECK_FALSE(box.rect.Overlaps(layout.notes[b].rect));
    }
  }
}
