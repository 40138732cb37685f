// Text pasted from outside the app (a list from a document or a chat, cells from a spreadsheet),
// turned into sticky-note texts. Pure functions, unit-tested in tests/unit/test_text_edit.cpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jb {

// The note texts that pasted `text` becomes, at most `maxNotes` of them:
// - plain text: one note per line; trailing spaces are trimmed and empty lines skipped;
// - tab-separated rows (any line holds a tab, as a spreadsheet copies a range): one note per
//   non-empty cell, row by row, left to right; cells are trimmed of spaces at both ends; a cell
//   in double quotes (how spreadsheets copy a cell with a line break, a tab or a quote in it)
//   keeps its line breaks and tabs, and "" inside it is one quote.
// Line ends may be LF, CRLF or CR; trailing empty lines and empty rows give nothing.
// A note longer than a note may hold (kMaxTextChars code points, as typing allows) is cut there.
struct ClipboardLimits {
  size_t cutNotes = 0;    // notes cut to kMaxTextChars
  bool moreNotes = false;  // the text held more than `maxNotes` notes; the rest were left out
};
std::vector<std::string> ParseClipboardNotes(std::string_view text, size_t maxNotes = 200,
                                             ClipboardLimits* limits = nullptr);

// CRLF and lone CR become LF (text pasted into a note being edited).
std::string NormalizeNewlines(std::string_view text);

}  // namespace jb
