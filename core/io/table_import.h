// Reading a journey drafted elsewhere into a new board: a table as spreadsheets and CJM articles
// write it (CSV per RFC 4180, `;`-separated CSV, TSV; stages across, one row per lane) or a
// Mermaid `journey` diagram (mermaid_journey.h), or a Markdown pipe table (`| Stages | A |`). Text only: the board is built here and the
// caller opens or saves it. Every failure is one sentence that names the line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace jb {

// Hostile-input bounds of a table (the issue's): beyond them the file is refused whole.
inline constexpr size_t kMaxTableColumns = 1000;
inline constexpr size_t kMaxTableRows = 100000;

struct TableImportOptions {
  std::string title;     // the board's title; empty: the Mermaid title, else the file's name without extension,
                         // else "Pasted journey" (no file name: the clipboard) or "Imported journey"
  std::string fileName;  // for the format (.csv .tsv .txt .mmd .md) and the default title; may be empty
};

struct TableImport {
  Board board;
  // Said after a successful import, one sentence each ("3 cells were cut to 20,000 characters.").
  std::vector<std::string> notices;
};

// `bytes` as read from a file or the clipboard: UTF-8 with or without BOM, CRLF or LF. Mermaid
// when the file name says .mmd, or the text's first meaningful line is `journey`, or (.md) it
// holds a fenced mermaid journey; else a table whose separator (tab, comma, semicolon) is
// guessed from the header row. False with one sentence in `error` ("Line 7 has 6 cells but the
// header names 5 stages; …").
bool ImportTable(std::string_view bytes, const TableImportOptions& options, TableImport* out, std::string* error);

// Whether clipboard text looks like a table copied from a spreadsheet (Ctrl+Shift+V): at least
// two rows and a tab-separated header with a label and at least one stage.
bool LooksLikeTable(std::string_view text);

// [SECTION] The parts, for tests

// Rows of cells, RFC 4180 quoting (quoted fields hold separators, "" and line breaks). `line`
// of each row is where it starts, 1-based, for messages.
struct TableRow {
  std::vector<std::string> cells;
  size_t line = 0;
};
bool ParseDelimited(std::string_view text, char separator, std::vector<TableRow>* rows, std::string* error);

// A cell's items: one per line, per bullet ("•", "◦", "- ", "* ", "1."), per HTML <li>; tags
// removed, entities decoded, whitespace tidied. A cell of one sentence is one item.
std::vector<std::string> SplitCellItems(std::string_view cell);

// A lane's kind from its name, English or Russian ("Pain points", "Боли", "Каналы"); Custom when unsure.
LaneKind GuessLaneKind(std::string_view laneName);

}  // namespace jb
