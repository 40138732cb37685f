// Word wrapping in board units, shared by layout (how tall a note must be), the renderer (where
// each line goes) and the note editor (where the caret goes). Glyph widths come from the app's
// font through GlyphMetrics, so core stays free of any font library.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jb {

class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  // Advance width of a code point for text 1 unit high.
  virtual float Advance(char32_t codepoint) const = 0;
};

struct WrappedText {
  float size = 0;                                // text height in board units
  std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) byte ranges, trailing spaces excluded
  // Per line: it ends inside a word broken to fit, so a hyphen is drawn after it (not part of the
  // text: carets and selections keep to the byte ranges).
  std::vector<bool> hyphens;
  size_t maxLines = 0;  // how many lines the note shows (0: all); the rest is clipped, not dropped
  float LineHeight() const { return size * kLineSpacing; }
  float Height() const { return float(lines.size()) * LineHeight(); }  // of all the lines
  size_t ShownLines() const { return maxLines && maxLines < lines.size() ? maxLines : lines.size(); }
  bool Clipped() const { return ShownLines() < lines.size(); }
  bool Hyphen(size_t line) const { return line < hyphens.size() && hyphens[line]; }
  // The first line shown when the line `caretLine` must be in view (the note editor scrolls to
  // the caret; otherwise a note shows its first lines).
  size_t FirstShownLine(size_t caretLine) const {
    const size_t shown = ShownLines();
    return caretLine < shown || lines.empty() ? 0 : std::min(caretLine, lines.size() - 1) + 1 - shown;
  }
  static constexpr float kLineSpacing = 1.2f;
};

// Decodes one UTF-8 code point at text[*pos] and advances *pos (invalid bytes give U+FFFD).
char32_t NextCodepoint(std::string_view text, size_t* pos);
// The code point at text[pos], without moving.
inline char32_t CodepointAt(std::string_view text, size_t pos) { return NextCodepoint(text, &pos); }

// Appends a code point as UTF-8.
void AppendUtf8(std::string& out, char32_t codepoint);
// Byte offset of the code point before / after the one at `pos` (for caret movement).
size_t PrevCodepointStart(std::string_view text, size_t pos);
size_t NextCodepointStart(std::string_view text, size_t pos);

// Breaks at spaces and after a hyphen between letters where it can; inside a word only when the
// word alone is wider than `width`, then with a drawn hyphen (WrappedText::hyphens) between two
// letters. Never splits a code point or puts a combining mark first on a line; '\n' always breaks.
WrappedText WrapText(const GlyphMetrics& glyphs, std::string_view text, float size, float width);

// Sticky-note fitting: the largest size from `maxSize` down to `minSize` (in `step`s) whose
// lines fit in `height`; at `minSize` the lines may be taller than `height` (the note grows, up
// to kMaxNoteHeight: FitNote in layout.h).
WrappedText FitText(const GlyphMetrics& glyphs, std::string_view text, float width, float height, float maxSize,
                    float minSize, float step = 1.5f);

float TextWidth(const GlyphMetrics& glyphs, std::string_view text, float size);

// The lines a note draws: [first, first + ShownLines()) of `wrapped` (`first` clamped), with "…"
// ending the last one, shortened to fit `width`, when more text follows, and starting the first
// when text precedes (the note editor scrolled down); a word broken across lines shows its "-".
std::vector<std::string> ShownLineTexts(std::string_view text, const WrappedText& wrapped, size_t first, float width,
                                        const GlyphMetrics& glyphs);

}  // namespace jb
