// The note editor's text model: UTF-8 text, a caret and a selection anchor, and the keyboard's
// operations on them. The canvas maps keys to these calls and draws the result; nothing here
// knows about ImGui, so every rule below is unit-tested (tests/unit/test_text_edit.cpp).
//
// Offsets are bytes and always sit between clusters: a base code point and the combining marks
// that follow it (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F)
// move and delete as one, so "й" written as и + U+0306 is one step for the caret. A mark right
// after a line break is a cluster of its own.
#pragma once
#include <string>
#include <string_view>

#include "core/layout/text_wrap.h"

namespace jb {

bool IsCombiningMark(char32_t codepoint);
// Start of the cluster before / after the one at `pos` (clamped to the text).
size_t PrevClusterStart(std::string_view text, size_t pos);
size_t NextClusterStart(std::string_view text, size_t pos);
// Word-wise moves (Ctrl + arrows): left goes to the start of the word before the caret, right to
// the end of the word after it. A word is a run of anything but spaces, tabs, newlines and ASCII
// punctuation (so Cyrillic and emoji are word characters).
size_t PrevWordStart(std::string_view text, size_t pos);
size_t NextWordEnd(std::string_view text, size_t pos);

class TextEdit {
 public:
  TextEdit() = default;
  // The caret goes to the end, nothing selected (how a note opens for editing). Bytes that are
  // not UTF-8 become U+FFFD, as Insert does.
  explicit TextEdit(std::string text) { SetText(std::move(text)); }
  void SetText(std::string text);

  const std::string& text() const { return m_text; }
  size_t caret() const { return m_caret; }
  size_t anchor() const { return m_anchor; }  // the other end of the selection (== caret: none)
  bool HasSelection() const { return m_anchor != m_caret; }
  size_t SelectionBegin() const { return m_anchor < m_caret ? m_anchor : m_caret; }
  size_t SelectionEnd() const { return m_anchor < m_caret ? m_caret : m_anchor; }
  std::string SelectedText() const { return m_text.substr(SelectionBegin(), SelectionEnd() - SelectionBegin()); }

  // Replaces the selection (if any) with `utf8` and puts the caret after it. Broken UTF-8 in it
  // becomes U+FFFD (RepairUtf8), and the text keeps to kMaxTextChars code points (a file's limit,
  // core/model/limits.h): what does not fit is left out, and then the result is false.
  bool Insert(std::string_view utf8);
  // A typed character: control characters (below U+0020, and U+007F) are ignored, and so is a
  // character past kMaxTextChars.
  void Type(char32_t codepoint);
  // Delete the selection if there is one, else the cluster before / after the caret.
  void Backspace();
  void Delete();

  // Moves. With `select` the anchor stays where it was (Shift); without it a selection collapses:
  // Left / Right to its start / end, the other moves from the caret.
  void Left(bool select = false);
  void Right(bool select = false);
  void WordLeft(bool select = false);
  void WordRight(bool select = false);
  void Home(bool select = false);  // start of the caret's line ('\n'-separated)
  void End(bool select = false);   // end of the caret's line
  // Up / Down go to the wrapped line above / below, to the cluster boundary nearest to the
  // caret's x (kept over a run of Up / Down presses, as editors do). `wrapped` is WrapText of
  // text() with the size the note shows; above the first line the caret goes to the start, below
  // the last to the end.
  void Up(const WrappedText& wrapped, const GlyphMetrics& glyphs, bool select = false);
  void Down(const WrappedText& wrapped, const GlyphMetrics& glyphs, bool select = false);
  void SelectAll();

  // The wrapped line that shows the caret: the last line starting at or before it.
  static size_t LineOf(const WrappedText& wrapped, size_t pos);

 private:
  void MoveTo(size_t pos, bool select);
  void Vertical(const WrappedText& wrapped, const GlyphMetrics& glyphs, int direction, bool select);

  std::string m_text;
  size_t m_caret = 0;
  size_t m_anchor = 0;
  float m_goalX = -1;  // x (in units of 1-high text) that Up / Down aim for; < 0: take the caret's
};

}  // namespace jb
