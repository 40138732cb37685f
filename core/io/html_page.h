// The map as one self-contained HTML page to share with colleagues who never open Journeyboard:
// no external scripts, fonts or images (the snapshot is a data: URI, the emotion curves inline
// SVG). The title and personas, the map as a real table (selectable, searchable), the action
// items with owners and due dates, votes and metrics. Every piece of board text is escaped.
#pragma once
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace jb {

struct HtmlPageOptions {
  std::string_view png;  // the snapshot's PNG bytes; empty: the page has no picture
  int pngWidth = 0, pngHeight = 0;
  std::string today;  // YYYY-MM-DD, for marking overdue actions; empty: none marked
};

std::string WriteHtmlPage(const Board& board, const HtmlPageOptions& options);

}  // namespace jb
