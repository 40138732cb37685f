// A finished board as a table, to travel: CSV and TSV (stages across, one row per lane, a cell's
// notes one bullet per line; they re-import to the same stages, lanes and notes), Markdown for
// e-mail and wikis (the table, then the action items, the emotion curves per stage, each note's
// links, and the Mermaid journey), and Mermaid (mermaid_journey.h).
//
// What CSV and TSV hold, so that they re-import as they were (table_import.h):
// - the header: a label ("Stages", "Этапы" on a Russian board) and the stage names in order;
//   one row per lane in order, its name first. Hidden stages and lanes, and covered notes with
//   their text, are included: they are the map's data, hidden only for the room.
// - a cell: its notes in board order; one note is written as its text, several as "• text" lines.
//   A note's own line breaks are written as " / ", so that it stays one note.
// - the notes only: the emotion curves, votes, owners and due dates are not table cells (the
//   Emotions row holds that lane's notes, if any); Markdown and Mermaid carry them. Free notes
//   (not in a cell) are left out; Markdown lists them under "Other notes".
#pragma once
#include <string>
#include <string_view>

#include "core/io/durable_file.h"
#include "core/model/model.h"

namespace jb {

enum class TableFormat { Csv, Tsv, Markdown, Mermaid };

// The format a file name asks for (.csv .tsv .md .mmd, any case); false for anything else.
bool TableFormatFromPath(std::string_view path, TableFormat* format);

// The board in `format`, UTF-8 (CSV and TSV with a BOM, so spreadsheets read Cyrillic right), LF
// line ends. `todayIso` (YYYY-MM-DD, may be empty) marks the Markdown action items that are overdue.
std::string WriteTable(const Board& board, TableFormat format, const std::string& todayIso = {});

// WriteTable into `path`, durably as a board is saved (temp file, sync, rename: a failure leaves
// the old file whole). False with one sentence in `error` ("Cannot write PATH: the disk is full.").
bool WriteTableFile(const Board& board, TableFormat format, const std::string& path, const std::string& todayIso,
                    SaveError* error);

}  // namespace jb
