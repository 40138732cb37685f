// `journeyboard export-table FILE.cjm -o OUT.csv|tsv|md|mmd` (core/io/table_export.h).
#include <ctime>

#include "app/cli/cli.h"
#include "app/platform/i18n.h"
#include "core/io/file_io.h"
#include "core/io/table_export.h"
#include "core/model/clock.h"

namespace jb {

int RunExportTable(const std::string& file, const std::string& out) {
  TableFormat format = TableFormat::Csv;
  if (!TableFormatFromPath(out, &format))
    return CliFail(Format(_("Cannot tell the table format from %s: name it .csv, .tsv, .md or .mmd."), out.c_str()), 2);
  Board board;
  if (const int failed = LoadForExport(file, out, &board)) return failed;
  SaveError error;
  if (!WriteTableFile(board, format, out, LocalDate(std::time(nullptr)), &error)) return CliFail(error.message);
  return 0;
}

}  // namespace jb
