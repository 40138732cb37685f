// `journeyboard export-html FILE.cjm -o MAP.html` (core/io/html_page.h).
#include "app/cli/cli.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholder of the foundation commit: lands with issue 17.
int RunExportHtml(const std::string& file, const std::string&) {
  return CliFail(file);
}

}  // namespace jb
