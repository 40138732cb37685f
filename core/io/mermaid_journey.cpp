#include "core/io/mermaid_journey.h"

namespace jb {

// Placeholder of the foundation commit: the Mermaid reader and writer land with issue 17.
bool IsMermaidJourney(std::string_view) { return false; }

bool ReadMermaidJourney(std::string_view, const TableImportOptions&, TableImport*, std::string* error) {
  *error = "Reading Mermaid journeys is not built yet.";
  return false;
}

std::string WriteMermaidJourney(const Board&) { return "journey\n"; }

}  // namespace jb
