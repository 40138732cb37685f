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

WrappedText WrapText(const GlyphMetrics& glyphs, std::string_view text, float size, float width) {
  WrappedText wrapped;
  wrapped.size = size;
  const float limit = std::max(width, 0.0f) / std::max(size, 1e-3f);  // in units of 1-high text
  size_t lineBegin = 0, pos = 0;
  size_t lastBreak = std::string_view::npos;  // byte offset of the last space on this line
  float lineWidth = 0;
  auto endLine = [&](size_t end, size_t next) {
    size_t trimmed = end;
    while (trimmed > lineBegin && text[trimmed - 1] == ' ') --trimmed;
    wrapped.lines.push_back({lineBegin, trimmed});
    lineBegin = pos = next;
    lastBreak = std::string_view::npos;
    lineWidth = 0;
  };
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = NextCodepoint(text, &pos);
    if (c == '\n') {
      endLine(start, pos);
      continue;
    }
    float advance = glyphs.Advance(c);
    if (c == ' ') {
      lastBreak = start;
      lineWidth += advance;
      continue;
    }
    if (lineWidth + advance > limit && start > lineBegin) {
      if (lastBreak != std::string_view::npos) {
        size_t next = lastBreak;
        while (next < text.size() && text[next] == ' ') ++next;
        endLine(lastBreak, next);
      } else {
        endLine(start, start);  // a word wider than the line: break inside it
      }
      continue;
    }
    lineWidth += advance;
  }
  if (lineBegin < text.size() || wrapped.lines.empty() || (!text.empty() && text.back() == '\n'))
    endLine(text.size(), text.size());
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
    }
    shown.push_back(std::move(out));
  }
  return shown;
}

}  // namespace jb
