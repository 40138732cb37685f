// File ▸ Export report…: the follow-up as Markdown or a self-contained page. Placeholder of the
// foundation commit: the report writer (core/insights/report.h) comes next.
#include "app/app.h"
#include "app/platform/i18n.h"

namespace jb {

void App::RequestExportReport() { Status(_("Export report...")); }

}  // namespace jb
