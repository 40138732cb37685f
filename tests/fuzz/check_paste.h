// What pasting outside text must satisfy (core/layout/clipboard_text.h), for fuzz_paste and the
// unit test that replays corpus/paste/ and regressions/paste/. The first byte is the most notes
// the paste may make, the rest is the clipboard's text:
//  - never more notes than asked for, and no note longer than a note may be (kMaxTextChars);
//    both limits are reported (ClipboardReport) exactly when they were met;
//  - no empty note, none ending in a space; plain text (no tab) gives notes without line breaks;
//  - every note is valid UTF-8, whatever came in (broken bytes become U+FFFD; no cut inside a
//    character);
//  - from valid UTF-8, the notes hold no more bytes than the text did.
#pragma once
#include <string>
#include <vector>

#include "core/layout/clipboard_text.h"
#include "core/model/sanitize.h"
#include "core/model/limits.h"

namespace jb::fuzz::paste {

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  if (bytes.empty()) return "";
  const size_t maxNotes = static_cast<unsigned char>(bytes[0]);
  const std::string text = bytes.substr(1);
  ClipboardReport report;
  const std::vector<std::string> notes = ParseClipboardNotes(text, maxNotes, &report);
  if (gaveBoard) *gaveBoard = !notes.empty();

  if (notes.size() > maxNotes) return "more notes than asked for";
  if (report.found < notes.size()) return "fewer notes found than made";
  const bool leftOut = report.found > notes.size();
  if (leftOut && notes.size() != maxNotes) return "notes were left out before the most allowed";
  if (report.cut > notes.size()) return "more notes cut than made";
  if (leftOut != (ParseClipboardNotes(text, maxNotes + 1).size() > maxNotes))
    return "the count of notes found disagrees with a paste allowed one more note";
  const bool plain = text.find('\t') == std::string::npos;
  const bool utf8 = IsValidUtf8(text);
  size_t total = 0;
  for (const std::string& note : notes) {
    if (note.empty()) return "an empty note";
    if (note.back() == ' ') return "a note ends in a space";
    if (CountCodepoints(note) > kMaxTextChars) return "a note longer than a note may be";
    if (plain && note.find_first_of("\r\n") != std::string::npos) return "a line of plain text holds a line break";
    if (!IsValidUtf8(note)) return "a pasted note is not valid UTF-8";
    total += note.size();
  }
  if (utf8 && total > text.size()) return "the notes hold more than the text";
  return "";
}

}  // namespace jb::fuzz::paste
