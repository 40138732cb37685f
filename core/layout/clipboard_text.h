// Text pasted from outside the app (a list from a document or a chat, cells from a spreadsheet),
// turned into sticky-note texts. Pure functions, unit-tested in tests/unit/test_text_edit.cpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/limits.h"

namespace jb {

// The note texts that pasted `text` becomes, at most `maxNotes` of them:
// - plain text: one note per line; trailing spaces are trimmed and empty lines skipped;
// - tab-separated rows (any line holds a tab, as a spreadsheet copies a range): one note per
//   non-empty cell, row by row, left to right; cells are trimmed of spaces at both ends; a cell
//   in double quotes (how spreadsheets copy a cell with a line break, a tab or a quote in it)
//   keeps its line breaks and tabs, and "" inside it is one quote.
// Line ends may be LF, CRLF or CR; trailing empty lines and empty rows give nothing.
// Each text keeps to a note's limit (kMaxTextChars code points, longer ones are cut) and broken
// UTF-8 in it becomes U+FFFD (RepairUtf8). `report`, when given, counts what was changed.
// Why a cap and not the board's 200,000 notes: thousands of lines pasted into one cell are a
// copied file rather than a list, and would bury the board; the facilitator is told instead.
struct ClipboardReport {
  size_t found = 0;  // notes the text held, the ones past maxNotes included
  size_t cut = 0;    // texts cut to kMaxTextChars
};
std::vector<std::string> ParseClipboardNotes(std::string_view text, size_t maxNotes = kMaxPastedNotes,
                                             ClipboardReport* report = nullptr);

// The one sentence a paste that left something out deserves, "" when it left out nothing:
// "Pasted 200 of 90,000 lines: one paste makes at most 200 notes."
std::string ClipboardMessage(const ClipboardReport& report, size_t pasted);

// CRLF and lone CR become LF (text pasted into a note being edited).
std::string NormalizeNewlines(std::string_view text);

}  // namespace jb
