// The map as one self-contained HTML page to share with colleagues who never open Journeyboard:
// no external scripts, fonts or images (the snapshot is a data: URI, the emotion curves inline
// SVG). The title and personas, the map as a real table (selectable, searchable), the action
// items with owners and due dates, votes and metrics. Every piece of board text is escaped.
//
// What a page meant for people outside the room leaves out, as the PNG export does: stages and
// lanes hidden for the room (named in one line under the map) with their notes, and the text of
// covered (face-down) notes, shown as face-down cards and left out of the lists.
#pragma once
#include <string>
#include <string_view>

#include "core/layout/html_text.h"  // HtmlEscape, Base64: the page's building blocks
#include "core/model/model.h"

namespace jb {

// The snapshot's width in pixels: sharp on a laptop's screen at 2× zoom and when a reader zooms in
// on a phone, yet small enough that the page (base64 adds a third) stays around a megabyte for a
// board like the sample. A board so tall that it would pass kPageSnapshotHeight is drawn narrower:
// a taller picture is of no use on a page, and would make the file huge.
inline constexpr int kPageSnapshotWidth = 2000;
inline constexpr int kPageSnapshotHeight = 6000;

struct HtmlPageOptions {
  std::string_view png;  // the snapshot's PNG bytes; empty: the page has no picture
  int pngWidth = 0, pngHeight = 0;
  std::string today;  // YYYY-MM-DD, for marking overdue actions; empty: none marked
};

std::string WriteHtmlPage(const Board& board, const HtmlPageOptions& options);

}  // namespace jb
