// File ▸ Export page…: the map as one self-contained HTML page (core/io/html_page.h).
#include "app/app.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholders of the foundation commit: the page lands with issue 17.
void App::RequestExportPage() { m_fileDialog.Request(FileDialog::Purpose::ExportPage, m_document.path()); }

void App::ExportPageTo(const std::string&) {}

}  // namespace jb
