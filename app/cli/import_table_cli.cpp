// `journeyboard import-table TABLE -o OUT.cjm [--title T]` (core/io/table_import.h).
#include "app/cli/cli.h"
#include "app/platform/i18n.h"

namespace jb {

// Placeholder of the foundation commit: lands with issue 17.
int RunImportTable(const std::string& table, const std::string&, const std::string&) {
  return CliFail(table);
}

}  // namespace jb
