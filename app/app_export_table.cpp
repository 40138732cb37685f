// File ▸ Export table…: the board as CSV, TSV, Markdown or Mermaid (core/io/table_export.h).
#include <filesystem>
#include <string>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "app/render/render.h"
#include "core/io/table_export.h"
#include "core/model/links.h"

namespace fs = std::filesystem;

namespace jb {

namespace {

// A file name from an unsaved board's title: its first line, short, no folder separators or
// leading dots; "journey" when nothing is left.
std::string NameFromTitle(const std::string& title) {
  std::string name;
  for (char c : ShortText(title, 60)) name += (c == '/' || c == '\\' || (unsigned char)c < 0x20) ? '-' : c;
  const size_t start = name.find_first_not_of(". ");
  const size_t end = name.find_last_not_of(". ");
  return start == std::string::npos ? "journey" : name.substr(start, end - start + 1);
}

}  // namespace

void App::RequestExportTable() {
  // "<board>.csv" beside the board file; an unsaved board: its title, in the current folder.
  const std::string& board = m_document.path();
  const fs::path folder = board.empty() ? fs::current_path() : fs::path(board).parent_path();
  const std::string stem = board.empty() ? NameFromTitle(m_document.board().meta.title) : fs::path(board).stem().string();
  m_fileDialog.Request(FileDialog::Purpose::ExportTable, (folder / (stem + ".csv")).string());
}

void App::ExportTableTo(const std::string& path) {
  if (SameFile(m_document.path(), path)) {
    ShowError(Format(_("Cannot write %s: it is this board's own file; choose another name."), path.c_str()));
    return;
  }
  TableFormat format = TableFormat::Csv;
  if (!TableFormatFromPath(path, &format)) {  // the dialog adds .csv to other names: a safety net
    ShowError(Format(_("Cannot tell the table format from %s: name it .csv, .tsv, .md or .mmd."), path.c_str()));
    return;
  }
  m_canvas.FinishInteraction(m_document);  // the note being typed is part of the table
  // On the UI thread: even a large board's table is a few hundred kilobytes.
  SaveError error;
  if (!WriteTableFile(m_document.board(), format, path, LocalDateIso(), &error)) {
    ShowError(error.message);
    return;
  }
  Status(Format(_("Exported the table to %s."), path.c_str()));
}

}  // namespace jb
