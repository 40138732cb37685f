// Word wrapping, UTF-8 helpers, the layout rules that depend on them, and the fitted-text cache.
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

// FixedGlyphs that counts what it measures: fitting a note measures its text, a note served
// from a NoteFitCache measures nothing.
struct CountingGlyphs : GlyphMetrics {
  float Advance(char32_t) const override {
    ++measured;
    return width;
  }
  float width = 0.5f;
  mutable long measured = 0;
};

bool SameRect(const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; }

// Whether a cache entry is what fitting `note` afresh gives.
bool FitsAfresh(const NoteFitCache::Entry& entry, const Note& note, const GlyphMetrics& glyphs,
                const LayoutMetrics& metrics = kMetrics) {
  Vec2 size;
  Rect textBox;
  WrappedText text;
  FitNote(note, glyphs, metrics, &size, &textBox, &text);
  return entry.noteSize == size && SameRect(entry.textBox, textBox) && entry.wrapped.size == text.size &&
         entry.wrapped.lines == text.lines && entry.wrapped.maxLines == text.maxLines;
}

}  // namespace

TEST_CASE("WrapText breaks at spaces, inside words only when it must, and at every newline") {
  FixedGlyphs glyphs;
  std::string text = "one two three four";
  CHECK(Lines(text, WrapText(glyphs, text, 1, 5)) == std::vector<std::string>{"one two", "three four"});
  CHECK(Lines(text, WrapText(glyphs, text, 1, 4.9f)) == std::vector<std::string>{"one two", "three", "four"});
  std::string word = "abcdefghijklmnop";
  // A word broken inside keeps room for its drawn hyphen: 7 letters and "-" fill 4 units.
  CHECK(Lines(word, WrapText(glyphs, word, 1, 4)) == std::vector<std::string>{"abcdefg", "hijklmn", "op"});
  std::string lines = "a\nb\n";
  CHECK(Lines(lines, WrapText(glyphs, lines, 1, 100)) == std::vector<std::string>{"a", "b", ""});
  CHECK(WrapText(glyphs, "", 1, 10).lines.size() == 1);
  // Cyrillic is measured per code point, not per byte: 10 letters = 5 units.
  std::string cyrillic = "Клиент ждёт";
  CHECK(Lines(cyrillic, WrapText(glyphs, cyrillic, 1, 6)) == std::vector<std::string>{"Клиент ждёт"});
}

TEST_CASE("WrapText breaks after a hyphen first, and a broken word shows a hyphen") {
  FixedGlyphs glyphs;
  // "Push-напоминание" (16 code points, 8 units) in 6 units: after the hyphen, not mid-word.
  std::string compound = "Push-напоминание";
  WrappedText atHyphen = WrapText(glyphs, compound, 1, 6);
  CHECK(Lines(compound, atHyphen) == std::vector<std::string>{"Push-", "напоминание"});
  CHECK_FALSE(atHyphen.Hyphen(0));  // the text's own hyphen, none drawn
  // A space still wins over a later hyphen on the line, and a hyphen after a space is no break.
  std::string spaced = "ab cd-efgh";
  CHECK(Lines(spaced, WrapText(glyphs, spaced, 1, 2.6f)) == std::vector<std::string>{"ab", "cd-", "efgh"});
  std::string dash = "ab -cdefgh";
  CHECK(Lines(dash, WrapText(glyphs, dash, 1, 3.6f)) == std::vector<std::string>{"ab", "-cdefgh"});
  // A Cyrillic word wider than the line: whole code points, a drawn hyphen after every piece but the last.
  std::string word = "напоминание";  // 11 letters
  WrappedText broken = WrapText(glyphs, word, 1, 2.5f);  // 4 letters + "-" = 2.5 units
  CHECK(Lines(word, broken) == std::vector<std::string>{"напо", "мина", "ние"});
  CHECK(broken.hyphens == std::vector<bool>{true, true, false});
  const std::vector<std::string> shown = ShownLineTexts(word, broken, 0, 2.5f, glyphs);
  CHECK(shown == std::vector<std::string>{"напо-", "мина-", "ние"});
  // The drawn lines keep inside the width, hyphen included.
  for (const std::string& line : shown) CHECK(TextWidth(glyphs, line, 1) <= 2.5f + 1e-4f);
  // Digits break without a hyphen; a combining mark stays with its letter.
  std::string digits = "1234567890";
  WrappedText number = WrapText(glyphs, digits, 1, 2.5f);
  CHECK(number.hyphens.front() == false);
  std::string marked = "aa\xCC\x86" "bbb";  // a, a + breve, b, b, b: the mark would fit, its letter not
  WrappedText kept = WrapText(glyphs, marked, 1, 1.5f);  // 2 code points + "-" per line
  for (auto [begin, end] : kept.lines) CHECK(marked.compare(begin, 2, "\xCC\x86") != 0);
  // Every byte of the text is on some line, in order: the hyphen is drawn, never inserted.
  std::string joined;
  for (auto [begin, end] : broken.lines) joined += word.substr(begin, end - begin);
  CHECK(joined == word);
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

TEST_CASE("A note is never drawn taller than kMaxNoteHeight: its text is clipped, all of it kept") {
  FixedGlyphs glyphs;
  Board board = MakeBoard(Template::Classic);
  for (const std::string& text : {std::string(19999, '\n'), std::string(kMaxTextChars, 'x')}) {
    Note note;
    note.stage = board.stages[0].id;
    note.lane = board.lanes[0].id;
    note.id = NoteId{board.NewId()};
    note.text = text;
    note.channel = "site";  // a footer line takes room from the text, not beyond the cap
    board.notes.push_back(note);
  }
  NoteFitCache cache;
  for (NoteFitCache* withCache : {static_cast<NoteFitCache*>(nullptr), &cache}) {
    Layout layout = ComputeLayout(board, &glyphs, kMetrics, withCache);
    for (size_t i = 0; i < 2; ++i) {
      const NoteBox& box = layout.notes[i];
      CAPTURE(i);
      CHECK(box.rect.Height() <= kMaxNoteHeight);
      CHECK(box.rect.Height() > kMaxNoteHeight - box.text.LineHeight() - 1);  // as tall as it may be
      CHECK(box.text.Clipped());
      CHECK(float(box.text.ShownLines()) * box.text.LineHeight() <= box.textBox.Height() + 0.5f);
      // Every line is still wrapped (the editor reaches them); the last one ends at the text's end.
      CHECK(box.text.lines.back().second == board.notes[i].text.size());
    }
    CHECK(layout.notes[0].text.lines.size() == 20000);
    CHECK(layout.laneY[1] - layout.laneY[0] <= kMaxNoteHeight + 2 * kMetrics.cellPadding);
  }
  // A note under the cap is not clipped.
  board.notes[0].text = std::string(40, '\n');
  Layout layout = ComputeLayout(board, &glyphs);
  CHECK_FALSE(layout.notes[0].text.Clipped());
  CHECK(layout.notes[0].text.ShownLines() == 41);
}

TEST_CASE("A clipped note scrolls to the caret's line, and not before it leaves the shown lines") {
  WrappedText wrapped;
  wrapped.size = 10;
  wrapped.lines.resize(100);
  wrapped.maxLines = 10;
  CHECK(wrapped.ShownLines() == 10);
  CHECK(wrapped.FirstShownLine(0) == 0);
  CHECK(wrapped.FirstShownLine(9) == 0);
  CHECK(wrapped.FirstShownLine(10) == 1);
  CHECK(wrapped.FirstShownLine(99) == 90);
  CHECK(wrapped.FirstShownLine(5000) == 90);  // never past the last line
  wrapped.maxLines = 0;
  CHECK(wrapped.FirstShownLine(99) == 0);
  wrapped.lines.clear();
  CHECK(wrapped.FirstShownLine(3) == 0);
}

TEST_CASE("A clipped note's shown lines end in \"…\", shortened to fit, and start with one when scrolled") {
  FixedGlyphs glyphs;  // width 10 at size 1: 20 characters a line
  std::string text;
  for (int i = 0; i < 30; ++i) text += std::string(20, char('a' + i % 26)) + "\n";
  WrappedText wrapped = WrapText(glyphs, text, 1, 10);
  wrapped.maxLines = 5;
  std::vector<std::string> shown = ShownLineTexts(text, wrapped, 0, 10, glyphs);
  REQUIRE(shown.size() == 5);
  CHECK(shown[0] == std::string(20, 'a'));
  CHECK(shown[4] == std::string(19, 'e') + "…");  // one character makes room for the mark
  CHECK(TextWidth(glyphs, shown[4], 1) <= 10);
  shown = ShownLineTexts(text, wrapped, 10, 10, glyphs);  // the editor scrolled to line 10
  CHECK(shown[0] == "…" + std::string(20, 'k'));
  CHECK(shown[4].substr(shown[4].size() - 3) == "…");
  shown = ShownLineTexts(text, wrapped, 1000, 10, glyphs);  // past the end: the last lines
  CHECK(shown[0] == "…" + std::string(20, 'a'));  // line 26
  CHECK(shown[4].empty());  // the text's last (empty) line, nothing after it to mark
  wrapped.maxLines = 0;
  CHECK(ShownLineTexts(text, wrapped, 0, 10, glyphs).size() == 31);
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

TEST_CASE("NoteFitCache refits a note when its text, size or footer changes, and only then") {
  CountingGlyphs glyphs;
  NoteFitCache cache;
  Note note;
  note.id = NoteId(7);
  note.text = "Card required before trial";
  CHECK(FitsAfresh(cache.Fit(note, glyphs, kMetrics), note, glyphs));
  long measured = glyphs.measured;
  CHECK(measured > 0);

  // Unchanged, or changed in ways that do not touch the text's room: served from the cache.
  auto cached = [&](const char* what) {
    CAPTURE(what);
    const NoteFitCache::Entry& entry = cache.Fit(note, glyphs, kMetrics);
    CHECK(glyphs.measured == measured);
    CHECK(FitsAfresh(entry, note, glyphs));
    measured = glyphs.measured;  // FitsAfresh measured
  };
  // Changed: fitted again, to the new note.
  auto refitted = [&](const char* what) {
    CAPTURE(what);
    const NoteFitCache::Entry& entry = cache.Fit(note, glyphs, kMetrics);
    CHECK(glyphs.measured > measured);
    CHECK(entry.text == note.text);
    CHECK(FitsAfresh(entry, note, glyphs));
    measured = glyphs.measured;
  };
  cached("nothing changed");
  note.pos = {300, 40};
  note.color = 0xff8800;
  note.votes = 4;
  note.severity = 2;
  cached("place, colour, votes, severity");

  note.text = std::string(600, 'x');  // long enough to shrink the text and grow the note
  refitted("longer text");
  CHECK(cache.Fit(note, glyphs, kMetrics).wrapped.size == kMetrics.minNoteTextSize);
  measured = glyphs.measured;
  note.text = std::string(599, 'x') + "y";  // the same length
  refitted("text of the same length");
  note.text = "Short again";
  refitted("shorter text");
  CHECK(cache.Fit(note, glyphs, kMetrics).wrapped.size == kMetrics.noteTextSize);
  measured = glyphs.measured;

  note.size = NoteSize::Large;
  refitted("size");
  CHECK(cache.Fit(note, glyphs, kMetrics).noteSize == NoteSizeUnits(NoteSize::Large));
  measured = glyphs.measured;

  const float roomBefore = cache.Fit(note, glyphs, kMetrics).textBox.Height();
  note.owner = "Anna K.";
  refitted("a footer line");
  CHECK(cache.Fit(note, glyphs, kMetrics).textBox.Height() < roomBefore);
  measured = glyphs.measured;
  note.owner = "Boris";
  note.tags = {"pricing"};
  cached("the same footer lines, other words");
  note.channel = "site";
  refitted("a second footer line");
  note.owner.clear();
  note.tags.clear();
  note.channel.clear();
  refitted("no footer");
  CHECK(cache.Size() == 1);
}

TEST_CASE("NoteFitCache starts over for other glyph metrics or layout metrics") {
  CountingGlyphs glyphs, wideGlyphs;
  wideGlyphs.width = 1.0f;  // another font: the same text needs more room
  NoteFitCache cache;
  Note note;
  note.id = NoteId(3);
  note.text = "Waits two days for support";
  const float sizeBefore = cache.Fit(note, glyphs, kMetrics).wrapped.size;
  long measured = glyphs.measured;

  const NoteFitCache::Entry& wide = cache.Fit(note, wideGlyphs, kMetrics);
  CHECK(wideGlyphs.measured > 0);
  CHECK(wide.wrapped.size < sizeBefore);
  CHECK(FitsAfresh(wide, note, wideGlyphs));

  CHECK(FitsAfresh(cache.Fit(note, glyphs, kMetrics), note, glyphs));  // and back
  measured = glyphs.measured;
  LayoutMetrics padded = kMetrics;
  padded.notePadding = 20;
  const NoteFitCache::Entry& entry = cache.Fit(note, glyphs, padded);
  CHECK(glyphs.measured > measured);
  CHECK(entry.textBox.x0 == 20);
  CHECK(FitsAfresh(entry, note, glyphs, padded));
}

TEST_CASE("A layout with a NoteFitCache equals one without, after edits") {
  CountingGlyphs glyphs;
  Board board = MakeBoard(Template::Sample);
  REQUIRE(board.notes.size() > 3);
  NoteFitCache cache;
  auto same = [&](const char* what) {
    CAPTURE(what);
    const Layout cached = ComputeLayout(board, &glyphs, kMetrics, &cache);
    const Layout fresh = ComputeLayout(board, &glyphs);
    REQUIRE(cached.notes.size() == fresh.notes.size());
    for (size_t i = 0; i < fresh.notes.size(); ++i) {
      CAPTURE(i);
      CHECK(SameRect(cached.notes[i].rect, fresh.notes[i].rect));
      CHECK(SameRect(cached.notes[i].textBox, fresh.notes[i].textBox));
      CHECK(cached.notes[i].text.size == fresh.notes[i].text.size);
      CHECK(cached.notes[i].text.lines == fresh.notes[i].text.lines);
    }
    CHECK(cached.laneY == fresh.laneY);
  };
  same("first layout");
  board.notes[0].text += " and then a much longer story about what happened next, at length";
  same("a text edit");
  board.notes[1].size = NoteSize::Small;
  same("a size change");
  board.notes[2].owner = board.notes[2].owner.empty() ? "Anna" : "";
  same("a footer change");
  std::swap(board.notes[1], board.notes[3]);
  same("a reorder");
}

TEST_CASE("NoteFitCache::Prune forgets deleted notes once they outnumber the board") {
  CountingGlyphs glyphs;
  NoteFitCache cache;
  Board board;
  for (uint64_t id = 1; id <= 100; ++id) {
    Note note;
    note.id = NoteId(id);
    note.text = "note " + std::to_string(id);
    board.notes.push_back(note);
    cache.Fit(note, glyphs, kMetrics);
  }
  CHECK(cache.Size() == 100);
  board.notes.resize(40);  // 40·2 + 64 = 144 entries allowed: nothing to do yet
  cache.Prune(board);
  CHECK(cache.Size() == 100);
  board.notes.resize(10);  // 10·2 + 64 = 84 < 100: forget the 90 deleted ones
  cache.Prune(board);
  CHECK(cache.Size() == 10);
  // The notes still on the board keep their entries.
  const long measured = glyphs.measured;
  for (const Note& note : board.notes) cache.Fit(note, glyphs, kMetrics);
  CHECK(glyphs.measured == measured);
}
