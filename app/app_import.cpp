// File ▸ Import table… and Ctrl+Shift+V: a table or Mermaid journey becomes a new, unsaved board
// (core/io/table_import.h).
#include <imgui.h>

#include <filesystem>
#include <utility>

#include "app/app.h"
#include "app/cli/import_table_cli.h"
#include "app/platform/i18n.h"
#include "core/io/table_import.h"

namespace jb {

void App::RequestImportTable() { StartOrConfirm(Pending::ImportTable); }

// After the file dialog (the unsaved question was asked before it): the file's table, through the
// same path as a pasted one.
void App::ImportTableFile(const std::string& path) {
  std::string bytes, error;
  if (!ReadTableFile(path, &bytes, &error)) {
    ShowError(error);
    return;
  }
  m_pendingTable = std::move(bytes);
  m_pendingTableName = path;
  OpenPendingTable();
}

void App::PasteTable() {
  const char* clip = ImGui::GetClipboardText();
  if (!clip || !LooksLikeTable(clip)) {
    ShowError(_("The clipboard holds no table: copy cells from a spreadsheet, stages across and lanes down."));
    return;
  }
  m_pendingTable = clip;
  m_pendingTableName.clear();
  StartOrConfirm(Pending::PasteTable);
}

void App::OpenPendingTable() {
  const std::string text = std::move(m_pendingTable), name = std::move(m_pendingTableName);
  m_pendingTable.clear();
  m_pendingTableName.clear();
  TableImport imported;
  std::string error;
  // A pasted table has no file name: ImportTable titles it "Pasted journey" in the board's language.
  if (!ImportTable(text, TableImportOptions{"", name}, &imported, &error)) {
    ShowError(error);  // the board on screen stays as it was
    return;
  }
  const size_t stages = imported.board.stages.size(), lanes = imported.board.lanes.size(), notes = imported.board.notes.size();
  m_canvas.FinishInteraction(m_document);
  m_document.Reset(std::move(imported.board), "");  // new and unsaved: Save asks where
  m_canvas.ClearSelection();
  m_canvas.RequestFit();
  std::string message =
      name.empty() ? Format(_("Pasted a table: stages: %zu, lanes: %zu, notes: %zu."), stages, lanes, notes)
                   : Format(_("Imported %s: stages: %zu, lanes: %zu, notes: %zu."),
                            std::filesystem::path(name).filename().string().c_str(), stages, lanes, notes);
  for (const std::string& notice : imported.notices) message += " " + notice;
  Status(message);
}

}  // namespace jb
