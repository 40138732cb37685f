// File ▸ Import table… and Ctrl+Shift+V: a table or Mermaid journey becomes a new, unsaved board
// (core/io/table_import.h).
#include "app/app.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholders of the foundation commit: the import lands with issue 17.
void App::RequestImportTable() { StartOrConfirm(Pending::ImportTable); }

void App::ImportTableFile(const std::string&) {}

void App::PasteTable() {}

void App::OpenPendingTable() {}

}  // namespace jb
