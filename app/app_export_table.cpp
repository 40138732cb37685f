// File ▸ Export table…: the board as CSV, TSV, Markdown or Mermaid (core/io/table_export.h).
#include "app/app.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholders of the foundation commit: the export lands with issue 17.
void App::RequestExportTable() { m_fileDialog.Request(FileDialog::Purpose::ExportTable, m_document.path()); }

void App::ExportTableTo(const std::string&) {}

}  // namespace jb
