// Reading a table file for File ▸ Import table… and `journeyboard import-table`: the same checks
// and the same sentences in both (import_table_cli.cpp).
#pragma once
#include <string>

namespace jb {

// The whole file at `path` into `bytes`; false with one sentence in the interface's language when
// it is missing, a folder, a device or a pipe, over kMaxFileBytes, or unreadable.
bool ReadTableFile(const std::string& path, std::string* bytes, std::string* error);

}  // namespace jb
