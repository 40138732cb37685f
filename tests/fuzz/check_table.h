// What every table or Mermaid journey handed to the importer must satisfy (core/io/table_import.h,
// core/io/mermaid_journey.h), for fuzz_table and the unit test that replays corpus/table/ and
// regressions/table/. The first byte picks the file name the text came with (none, .csv, .tsv,
// .txt, .mmd, .md), the rest is the text:
//  - ImportTable gives a board or one sentence, never throws, crashes or hangs;
//  - the board is one the app could have loaded (CheckBoardAsLoaded: consistent, already
//    repaired, laid out, saved and loaded back equal), within the table's limits;
//  - its notices are sentences;
//  - written out again, it comes back the same: a Mermaid journey's export re-imports and exports
//    to the same text, and a board exported as TSV re-imports with the same stages and lanes.
#pragma once
#include <string>

#include "core/io/mermaid_journey.h"
#include "core/io/table_export.h"
#include "core/io/table_import.h"
#include "check_load.h"

namespace jb::fuzz::table {

inline bool IsSentence(const std::string& text) {
  return !text.empty() && text.back() == '.' && text.find('\n') == std::string::npos;
}

inline std::string Check(const std::string& bytes, bool* gaveBoard) {
  if (gaveBoard) *gaveBoard = false;
  if (bytes.empty()) return "";
  static const char* const kNames[] = {"", "map.csv", "map.tsv", "map.txt", "map.mmd", "map.md"};
  TableImportOptions options;
  options.fileName = kNames[static_cast<unsigned char>(bytes[0]) % 6];
  const std::string text = bytes.substr(1);
  TableImport imported;
  std::string error;
  if (!ImportTable(text, options, &imported, &error)) {
    if (!IsSentence(error)) return "an import error that is not one sentence: " + error;
    return "";
  }
  if (gaveBoard) *gaveBoard = true;
  if (!error.empty()) return "an import that succeeded left an error";
  for (const std::string& notice : imported.notices)
    if (!IsSentence(notice)) return "a notice that is not one sentence: " + notice;
  const Board& board = imported.board;
  if (board.stages.empty()) return "an imported board without stages";
  if (board.stages.size() > kMaxTableColumns || board.lanes.size() > kMaxTableRows) return "past the table's limits";
  if (std::string problem = CheckBoardAsLoaded(board); !problem.empty()) return problem;

  // Out and in again.
  const bool mermaid = IsMermaidJourney(text) || options.fileName == "map.mmd";
  const TableFormat format = mermaid ? TableFormat::Mermaid : TableFormat::Tsv;
  const std::string written = WriteTable(board, format);
  TableImportOptions again;
  again.fileName = mermaid ? "again.mmd" : "again.tsv";
  TableImport back;
  if (!ImportTable(written, again, &back, &error)) return "an exported board does not import again: " + error;
  if (mermaid) {
    if (WriteTable(back.board, format) != written) return "a Mermaid journey exports differently after a round trip";
    return "";
  }
  if (back.board.stages.size() != board.stages.size()) return "a TSV round trip changed the number of stages";
  for (size_t i = 0; i < board.stages.size(); ++i)
    if (back.board.stages[i].name != board.stages[i].name) return "a TSV round trip changed a stage name";
  if (back.board.lanes.size() != board.lanes.size()) return "a TSV round trip changed the number of lanes";
  return "";
}

}  // namespace jb::fuzz::table
