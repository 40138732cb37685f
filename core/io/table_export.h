// A finished board as a table, to travel: CSV and TSV (stages across, one row per lane, a cell's
// notes one bullet per line; they re-import to the same stages, lanes and notes), Markdown for
// e-mail and wikis (the table, then the action items, the emotion curves per stage, each note's
// links, and the Mermaid journey), and Mermaid (mermaid_journey.h).
#pragma once
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace jb {

enum class TableFormat { Csv, Tsv, Markdown, Mermaid };

// The format a file name asks for (.csv .tsv .md .mmd, any case); false for anything else.
bool TableFormatFromPath(std::string_view path, TableFormat* format);

// The board in `format`, UTF-8 (CSV with a BOM, so spreadsheets read Cyrillic right), LF line ends.
std::string WriteTable(const Board& board, TableFormat format);

}  // namespace jb
