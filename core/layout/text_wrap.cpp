#include "core/layout/text_wrap.h"

#include <algorithm>

#include <utf8proc.h>

namespace jb {

// utf8proc decodes (libutf8proc-dev): overlong forms, surrogates and cut-off sequences are invalid.
char32_t NextCodepoint(std::string_view text, size_t* pos) {
  utf8proc_int32_t code = 0;
  const utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *pos),
                                                   static_cast<utf8proc_ssize_t>(text.size() - *pos), &code);
  if (length <= 0) {
    ++*pos;
    return 0xFFFD;
  }
  *pos += static_cast<size_t>(length);
  return static_cast<char32_t>(code);
}

void AppendUtf8(std::string& out, char32_t c) {
  utf8proc_int32_t code = c <= 0x10FFFF ? static_cast<utf8proc_int32_t>(c) : 0xFFFD;
  if (!utf8proc_codepoint_valid(code)) code = 0xFFFD;  // a surrogate
  utf8proc_uint8_t bytes[4];
  out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(utf8proc_encode_char(code, bytes)));
}

size_t PrevCodepointStart(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  pos = std::min(pos, text.size()) - 1;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

size_t NextCodepointStart(std::string_view text, size_t pos) {
  if (pos >= text.size()) return text.size();
  NextCodepoint(text, &pos);
  return pos;
}

float TextWidth(const GlyphMetrics& glyphs, std::string_view text, float size) {
  float width = 0;
  for (size_t pos = 0; pos < text.size();) width += glyphs.Advance(NextCodepoint(text, &pos));
  return width * size;
}

namespace {

bool IsLetter(char32_t c) {
  const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

// A combining mark belongs to the letter before it: a line never starts with one.
bool IsMark(char32_t c) {
  const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME;
}


}  // namespace

WrappedText WrapText(const GlyphMetrics& glyphs, std::string_view text, float size, float width) {
  WrappedText wrapped;
  wrapped.size = size;
  const float limit = std::max(width, 0.0f) / std::max(size, 1e-3f);  // in units of 1-high text
  const float hyphenWidth = glyphs.Advance(U'-');
  size_t lineBegin = 0, pos = 0;
  // The last place this line may end: after a space run (the line ends before it) or after a
  // hyphen inside a word (the hyphen stays on this line).
  size_t breakEnd = std::string_view::npos, breakNext = 0;
  float lineWidth = 0;
  auto endLine = [&](size_t end, size_t next, bool hyphen) {
    size_t trimmed = end;
    while (trimmed > lineBegin && text[trimmed - 1] == ' ') --trimmed;
    wrapped.lines.push_back({lineBegin, trimmed});
    wrapped.hyphens.push_back(hyphen);
    lineBegin = pos = next;
    breakEnd = std::string_view::npos;
    lineWidth = 0;
  };
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = NextCodepoint(text, &pos);
    if (c == '\n') {
      endLine(start, pos, false);
      continue;
    }
    float advance = glyphs.Advance(c);
    if (c == ' ') {
      breakEnd = start;
      breakNext = pos;
      while (breakNext < text.size() && text[breakNext] == ' ') ++breakNext;
      lineWidth += advance;
      continue;
    }
    if (lineWidth + advance > limit && start > lineBegin) {
      if (breakEnd != std::string_view::npos) {
        endLine(breakEnd, breakNext, false);
        continue;
      }
      // A word wider than the line: break it where the piece and a drawn hyphen fit, never
      // before a combining mark, keeping at least one code point on the line.
      size_t cut = start;
      while (cut > lineBegin && (IsMark(CodepointAt(text, cut)) ||
                                 TextWidth(glyphs, text.substr(lineBegin, cut - lineBegin), 1) + hyphenWidth > limit)) {
        size_t before = PrevCodepointStart(text, cut);
        if (before <= lineBegin) break;
        cut = before;
      }
      if (cut <= lineBegin) cut = start;
      const char32_t last = CodepointAt(text, PrevCodepointStart(text, cut));
      endLine(cut, cut, IsLetter(last) && IsLetter(CodepointAt(text, cut)));
      continue;
    }
    lineWidth += advance;
    // After a hyphen between two letters ("Push-напоминание") the line may end.
    if ((c == '-' || c == U'\u2010') && start > lineBegin && IsLetter(CodepointAt(text, PrevCodepointStart(text, start))) &&
        pos < text.size() && IsLetter(CodepointAt(text, pos))) {
      breakEnd = breakNext = pos;
    }
  }
  if (lineBegin < text.size() || wrapped.lines.empty() || (!text.empty() && text.back() == '\n'))
    endLine(text.size(), text.size(), false);
  return wrapped;
}

WrappedText FitText(const GlyphMetrics& glyphs, std::string_view text, float width, float height, float maxSize,
                    float minSize, float step) {
  for (float size = maxSize;; size = std::max(minSize, size - step)) {
    WrappedText wrapped = WrapText(glyphs, text, size, width);
    if (wrapped.Height() <= height + 0.5f || size <= minSize) return wrapped;
  }
}

std::vector<std::string> ShownLineTexts(std::string_view text, const WrappedText& wrapped, size_t first, float width,
                                        const GlyphMetrics& glyphs) {
  std::vector<std::string> shown;
  const size_t count = wrapped.ShownLines();
  first = std::min(first, wrapped.lines.size() - std::min(count, wrapped.lines.size()));
  const std::string_view ellipsis = "…";
  for (size_t k = first; k < first + count; ++k) {
    auto [begin, end] = wrapped.lines[k];
    begin = std::min(begin, text.size());
    std::string_view line = text.substr(begin, std::min(end, text.size()) - begin);
    std::string out;
    if (k == first && first > 0) out = ellipsis;
    if (k + 1 == first + count && k + 1 < wrapped.lines.size()) {
      // Drop code points from the end until the line and its mark fit the note's width.
      const float room = width - TextWidth(glyphs, out, wrapped.size) - TextWidth(glyphs, ellipsis, wrapped.size);
      while (!line.empty() && TextWidth(glyphs, line, wrapped.size) > room)
        line = line.substr(0, PrevCodepointStart(line, line.size()));
      out.append(line);
      out.append(ellipsis);
    } else {
      out.append(line);
      if (wrapped.Hyphen(k)) out.append("-");
    }
    shown.push_back(std::move(out));
  }
  return shown;
}

}  // namespace jb
