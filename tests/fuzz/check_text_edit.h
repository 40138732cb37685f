// What the note editor's text model must satisfy (core/layout/text_edit.h), for fuzz_text_edit and
// the unit test that replays corpus/text_edit/ and regressions/text_edit/. The input is a note's
// starting text (its length in the first byte) and then a stream of operations, one byte each
// (some followed by their argument bytes). After every operation:
//  - caret and anchor lie within the text, on the boundaries of its clusters;
//  - moves change no text; a typed control character changes nothing; Backspace and Delete never
//    add; Insert replaces exactly the selection, with the piece as it was when it is valid UTF-8
//    and with valid UTF-8 always;
//  - valid UTF-8 stays valid UTF-8.
#pragma once
#include <set>
#include <string>

#include "core/layout/text_edit.h"
#include "core/layout/text_wrap.h"
#include "core/model/consistency.h"
#include "core/model/limits.h"
#include "core/model/sanitize.h"

namespace jb::fuzz::text_edit {

struct FixedGlyphs : GlyphMetrics {
  float Advance(char32_t codepoint) const override { return codepoint >= 0x1100 ? 1.0f : 0.55f; }
};

// Every offset the caret may stand at: the starts of the clusters, and the end.
inline std::set<size_t> Boundaries(const std::string& text) {
  std::set<size_t> at{0, text.size()};
  for (size_t pos = 0; pos < text.size();) {
    const size_t next = NextClusterStart(text, pos);
    if (next <= pos) return {};  // no progress: reported by the caller as an empty set
    at.insert(next);
    pos = next;
  }
  return at;
}

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  if (bytes.empty()) return "";
  const size_t textBytes = std::min<size_t>(static_cast<unsigned char>(bytes[0]), bytes.size() - 1);
  TextEdit edit(bytes.substr(1, textBytes));
  bool utf8 = IsValidUtf8(edit.text());
  const FixedGlyphs glyphs;
  size_t at = 1 + textBytes;
  auto next = [&]() -> unsigned char { return at < bytes.size() ? static_cast<unsigned char>(bytes[at++]) : 0; };

  if (gaveBoard) *gaveBoard = at < bytes.size();  // "got through": some operations ran
  while (at < bytes.size()) {
    const unsigned char op = next();
    const bool select = op & 0x80;
    const std::string before = edit.text();
    const size_t selection = edit.SelectionEnd() - edit.SelectionBegin();
    bool moveOnly = true;
    switch (op & 0x0f) {
      case 0: {
        std::string piece;
        for (size_t n = next() % 8; n > 0 && at < bytes.size(); --n) piece += char(next());
        const size_t begin = edit.SelectionBegin(), end = edit.SelectionEnd();
        const bool whole = edit.Insert(piece);
        // The text around the selection stays; what goes in is the piece, made valid UTF-8 (only
        // its start when the note's text limit was met).
        const std::string& text = edit.text();
        const size_t added = text.size() + selection - before.size();
        if (text.size() + selection < before.size() || text.compare(0, begin, before, 0, begin) != 0 ||
            text.compare(begin + added, std::string::npos, before, end, std::string::npos) != 0)
          return "Insert did not replace exactly the selection";
        const std::string inserted = text.substr(begin, added);
        std::string clean = piece;  // control characters (but tab and newline) never go in
        RemoveControlChars(clean);
        if (!IsValidUtf8(inserted) || (IsValidUtf8(piece) && (whole ? inserted != clean : clean.rfind(inserted, 0) != 0)))
          return "Insert changed valid text or kept invalid";
        if (!whole && CountCodepoints(text) != kMaxTextChars) return "Insert cut the piece short of the text limit";
        moveOnly = false;
        break;
      }
      case 1: {
        const char32_t codepoint = char32_t(next()) | char32_t(next()) << 8 | char32_t(next() & 0x1f) << 16;
        edit.Type(codepoint);
        if ((codepoint < 0x20 || codepoint == 0x7f) && edit.text() != before) return "a control character changed the text";
        moveOnly = false;
        break;
      }
      case 2: edit.Backspace(); moveOnly = false; break;
      case 3: edit.Delete(); moveOnly = false; break;
      case 4: edit.Left(select); break;
      case 5: edit.Right(select); break;
      case 6: edit.WordLeft(select); break;
      case 7: edit.WordRight(select); break;
      case 8: edit.Home(select); break;
      case 9: edit.End(select); break;
      case 10:
      case 11: {
        const float width = 1.0f + float(next() % 64);
        const WrappedText wrapped = WrapText(glyphs, edit.text(), 1.0f, width);
        if ((op & 0x0f) == 10) edit.Up(wrapped, glyphs, select); else edit.Down(wrapped, glyphs, select);
        break;
      }
      case 12: edit.SelectAll(); break;
      default: moveOnly = false; break;  // no operation: keeps room for later ones
    }
    const std::string& text = edit.text();
    if (moveOnly && text != before) return "a caret move changed the text";
    if (((op & 0x0f) == 2 || (op & 0x0f) == 3) && text.size() > before.size()) return "a deletion added text";
    if (edit.caret() > text.size() || edit.anchor() > text.size()) return "the caret or anchor is beyond the text";
    const std::set<size_t> boundaries = Boundaries(text);
    if (boundaries.empty()) return "the text's clusters do not advance";
    if (!boundaries.count(edit.caret()) || !boundaries.count(edit.anchor())) return "the caret or anchor is inside a cluster";
    if (utf8 && !IsValidUtf8(text)) return "valid UTF-8 became invalid";
  }
  return "";
}

}  // namespace jb::fuzz::text_edit
