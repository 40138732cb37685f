// Saving a Document: the board goes to a file (core/io), the document remembers it (core/edit).
#pragma once
#include <string>

#include "core/edit/document.h"
#include "core/io/file_io.h"

namespace jb {

// Saves to `path` (or the document's path when empty) and remembers it; false with a message on
// failure. The saved state is the last recorded one, so a gesture in flight is not written.
bool SaveDocument(Document& document, const std::string& path, SaveError* error);

}  // namespace jb
