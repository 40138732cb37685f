// `journeyboard import-table TABLE -o OUT.cjm [--title T]` (core/io/table_import.h).
#include "app/cli/import_table_cli.h"

#include <sys/stat.h>

#include <cstdio>

#include "app/cli/cli.h"
#include "app/platform/i18n.h"
#include "core/io/durable_file.h"
#include "core/io/file_io.h"
#include "core/io/table_import.h"
#include "core/model/limits.h"

namespace jb {

bool ReadTableFile(const std::string& path, std::string* bytes, std::string* error) {
  const RegularFile file = ReadRegularFile(path, kMaxFileBytes, bytes);
  switch (file.problem) {
    case FileProblem::None: return true;
    case FileProblem::Missing: *error = Format(_("Cannot open %s: there is no such file."), path.c_str()); break;
    case FileProblem::CannotOpen:
      *error = Format(_("Cannot open %s: %s."), path.c_str(), file.reason.c_str());
      break;
    case FileProblem::Folder: *error = Format(_("Cannot import %s: it is a folder, not a table."), path.c_str()); break;
    case FileProblem::NotRegular: *error = Format(_("Cannot import %s: it is not a regular file."), path.c_str()); break;
    case FileProblem::TooLarge:
      *error = Format(_("%s is too large to import: it is %llu MiB, and the limit is %llu MiB."), path.c_str(),
                      static_cast<unsigned long long>(file.size >> 20), static_cast<unsigned long long>(kMaxFileBytes >> 20));
      break;
    case FileProblem::CannotRead:
      *error = Format(_("Cannot read %s: %s."), path.c_str(), file.reason.c_str());
      break;
  }
  bytes->clear();
  return false;
}

int RunImportTable(const std::string& table, const std::string& out, const std::string& title) {
  if (SameFile(table, out))
    return CliFail(Format(_("Cannot write %s: it is the table being imported; choose another file."), out.c_str()), 2);
  // An import makes a new board: a mistyped -o must not replace a workshop's board (or anything else).
  if (struct stat info {}; lstat(out.c_str(), &info) == 0 && !S_ISDIR(info.st_mode))
    return CliFail(Format(_("Cannot write %s: the file already exists; choose a new name or delete it first."), out.c_str()));
  SaveError unwritable;
  if (!CheckWritableTarget(out, &unwritable, "write")) return CliFail(unwritable.message);
  std::string bytes, error;
  if (!ReadTableFile(table, &bytes, &error)) return CliFail(error);
  TableImport imported;
  if (!ImportTable(bytes, TableImportOptions{title, table}, &imported, &error)) return CliFail(error);
  SaveError saveError;
  if (!SaveBoard(imported.board, out, &saveError)) return CliFail(saveError.message);
  for (const std::string& notice : imported.notices) std::fprintf(stderr, _("journeyboard: note: %s\n"), notice.c_str());
  return 0;
}

}  // namespace jb
