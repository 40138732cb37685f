// `journeyboard export-table FILE.cjm -o OUT.csv|tsv|md|mmd` (core/io/table_export.h).
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <variant>

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
  // The same file by another name, a hard link or a symlink too: the board must survive.
  if (SameFile(file, out))
    return CliFail(Format(_("Cannot write %s: it is the board being exported; choose another file."), out.c_str()), 2);
  SaveError error;
  if (!CheckWritableTarget(out, &error, "write")) return CliFail(error.message);
  // Said here in the interface's language (core's load errors are English).
  if (struct stat info {}; stat(file.c_str(), &info) != 0 && errno == ENOENT)
    return CliFail(Format(_("Cannot open %s: there is no such file."), file.c_str()));
  LoadResult loaded = LoadBoard(file);
  if (auto* failure = std::get_if<LoadError>(&loaded)) return CliFail(failure->message);
  const LoadedBoard& board = std::get<LoadedBoard>(loaded);
  for (const std::string& warning : board.warnings) std::fprintf(stderr, _("journeyboard: warning: %s\n"), warning.c_str());
  if (!WriteTableFile(board.board, format, out, LocalDate(std::time(nullptr)), &error)) return CliFail(error.message);
  return 0;
}

}  // namespace jb
