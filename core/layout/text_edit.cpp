#include "core/layout/text_edit.h"

#include <algorithm>
#include <cmath>

#include "core/model/limits.h"
#include "core/model/sanitize.h"

namespace jb {

namespace {


bool IsWordChar(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  bool asciiPunctuation = (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  return !asciiPunctuation;
}

}  // namespace

bool IsCombiningMark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// A mark after a line break starts a cluster of its own: it never joins the break (as Unicode's
// grapheme rules say), so Home can stop right after the break (found by fuzz_text_edit).
size_t PrevClusterStart(std::string_view text, size_t pos) {
  size_t p = PrevCodepointStart(text, pos);
  while (p > 0 && IsCombiningMark(CodepointAt(text, p)) && text[PrevCodepointStart(text, p)] != '\n')
    p = PrevCodepointStart(text, p);
  return p;
}

size_t NextClusterStart(std::string_view text, size_t pos) {
  size_t p = NextCodepointStart(text, pos);
  if (pos < text.size() && text[pos] == '\n') return p;
  while (p < text.size() && IsCombiningMark(CodepointAt(text, p))) p = NextCodepointStart(text, p);
  return p;
}

size_t PrevWordStart(std::string_view text, size_t pos) {
  size_t p = std::min(pos, text.size());
  while (p > 0 && !IsWordChar(CodepointAt(text, PrevClusterStart(text, p)))) p = PrevClusterStart(text, p);
  while (p > 0 && IsWordChar(CodepointAt(text, PrevClusterStart(text, p)))) p = PrevClusterStart(text, p);
  return p;
}

size_t NextWordEnd(std::string_view text, size_t pos) {
  size_t p = std::min(pos, text.size());
  while (p < text.size() && !IsWordChar(CodepointAt(text, p))) p = NextClusterStart(text, p);
  while (p < text.size() && IsWordChar(CodepointAt(text, p))) p = NextClusterStart(text, p);
  return p;
}

void TextEdit::SetText(std::string text) {
  // A note's text from an old file may hold bytes that are not UTF-8; the moves backwards and
  // forwards read those differently, so Left then Right could leave the caret inside a character
  // (found by fuzz_text_edit). Editing starts from valid text.
  RepairUtf8(text);
  RemoveControlChars(text);  // as a load does: what is edited is what a save → load keeps
  m_text = std::move(text);
  m_caret = m_anchor = m_text.size();
  m_goalX = -1;
}

bool TextEdit::Insert(std::string_view utf8) {
  // Pasted text may hold bytes that are not UTF-8; left as they are, a lead byte at its end would
  // join the text after it into one character with the caret inside (found by fuzz_text_edit).
  std::string text(utf8);
  RepairUtf8(text);
  RemoveControlChars(text);  // tab and newline stay
  const size_t begin = SelectionBegin();
  const size_t kept = CountCodepoints(m_text) - CountCodepoints(std::string_view(m_text).substr(begin, SelectionEnd() - begin));
  const bool cut = CutToCodepoints(text, kMaxTextChars - std::min(kept, kMaxTextChars));
  m_text.replace(begin, SelectionEnd() - begin, text);
  // Combining marks right after the insertion now belong to its last character: the caret goes
  // after them, never inside the cluster (found by fuzz_text_edit).
  size_t end = begin + text.size();
  while (!text.empty() && text.back() != '\n' && end < m_text.size() && IsCombiningMark(CodepointAt(m_text, end)))
    end = NextCodepointStart(m_text, end);
  MoveTo(end, false);
  return !cut;
}

void TextEdit::Type(char32_t c) {
  if (c < 0x20 || c == 0x7F) return;
  std::string utf8;
  AppendUtf8(utf8, c);
  Insert(utf8);
}

void TextEdit::Backspace() {
  if (!HasSelection()) m_anchor = PrevClusterStart(m_text, m_caret);
  Insert({});
}

void TextEdit::Delete() {
  if (!HasSelection()) m_anchor = NextClusterStart(m_text, m_caret);
  Insert({});
}

void TextEdit::MoveTo(size_t pos, bool select) {
  m_caret = std::min(pos, m_text.size());
  // An edit can join what was apart (a deleted line break before a combining mark): the caret
  // goes to the end of the cluster it would be inside (found by fuzz_text_edit).
  if (m_caret > 0 && m_caret < m_text.size())
    m_caret = std::max(m_caret, NextClusterStart(m_text, PrevClusterStart(m_text, m_caret)));
  if (!select) m_anchor = m_caret;
  m_goalX = -1;
}

void TextEdit::Left(bool select) {
  MoveTo(HasSelection() && !select ? SelectionBegin() : PrevClusterStart(m_text, m_caret), select);
}

void TextEdit::Right(bool select) {
  MoveTo(HasSelection() && !select ? SelectionEnd() : NextClusterStart(m_text, m_caret), select);
}

void TextEdit::WordLeft(bool select) { MoveTo(PrevWordStart(m_text, m_caret), select); }
void TextEdit::WordRight(bool select) { MoveTo(NextWordEnd(m_text, m_caret), select); }

void TextEdit::Home(bool select) {
  size_t lineStart = m_caret == 0 ? std::string::npos : m_text.rfind('\n', m_caret - 1);
  MoveTo(lineStart == std::string::npos ? 0 : lineStart + 1, select);
}

void TextEdit::End(bool select) {
  size_t lineEnd = m_text.find('\n', m_caret);
  MoveTo(lineEnd == std::string::npos ? m_text.size() : lineEnd, select);
}

void TextEdit::SelectAll() {
  m_anchor = 0;
  m_caret = m_text.size();
  m_goalX = -1;
}

size_t TextEdit::LineOf(const WrappedText& wrapped, size_t pos) {
  size_t line = 0;
  for (size_t k = 0; k < wrapped.lines.size(); ++k)
    if (pos >= wrapped.lines[k].first) line = k;
  return line;
}

void TextEdit::Up(const WrappedText& wrapped, const GlyphMetrics& glyphs, bool select) {
  Vertical(wrapped, glyphs, -1, select);
}

void TextEdit::Down(const WrappedText& wrapped, const GlyphMetrics& glyphs, bool select) {
  Vertical(wrapped, glyphs, +1, select);
}

void TextEdit::Vertical(const WrappedText& wrapped, const GlyphMetrics& glyphs, int direction, bool select) {
  const std::string_view text = m_text;
  const auto& lines = wrapped.lines;
  const size_t line = LineOf(wrapped, m_caret);
  const bool outside = lines.empty() || (direction < 0 ? line == 0 : line + 1 >= lines.size());
  // x in units of 1-high text: the wrap's size only scales it.
  float goal = m_goalX;
  if (goal < 0 && !lines.empty()) {
    size_t begin = std::min(lines[line].first, m_caret);
    goal = TextWidth(glyphs, text.substr(begin, m_caret - begin), 1);
  }
  if (outside) {
    MoveTo(direction < 0 ? 0 : text.size(), select);
    m_goalX = goal;
    return;
  }
  const size_t target = line + direction;
  const size_t begin = std::min(lines[target].first, text.size());
  const size_t end = std::min(std::max(lines[target].second, begin), text.size());
  // A line broken inside a word ends where the next begins: that offset shows on the next line.
  const bool softBreak = target + 1 < lines.size() && lines[target + 1].first == end;
  size_t best = begin;
  float x = 0, bestDistance = std::fabs(goal);
  for (size_t p = begin; p < end;) {
    size_t next = NextClusterStart(text, p);
    x += TextWidth(glyphs, text.substr(p, next - p), 1);
    p = next;
    if (p > end || (p == end && softBreak)) break;
    float distance = std::fabs(x - goal);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  // A line broken inside a word may begin inside a cluster (before a combining mark): the caret
  // goes to that cluster's end instead (found by fuzz_text_edit).
  if (best > 0 && best < text.size()) best = NextClusterStart(text, PrevClusterStart(text, best));
  MoveTo(best, select);
  m_goalX = goal;
}

}  // namespace jb
