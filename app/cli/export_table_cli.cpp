// `journeyboard export-table FILE.cjm -o OUT.csv|tsv|md|mmd` (core/io/table_export.h).
#include "app/cli/cli.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholder of the foundation commit: lands with issue 17.
int RunExportTable(const std::string& file, const std::string&) {
  return CliFail(file);
}

}  // namespace jb
